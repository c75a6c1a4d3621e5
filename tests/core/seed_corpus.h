// seed_corpus.h — the five demo articles (assets/corpus, PX_SEEDS_DIR) ingested as the app
// ingests them, for tests that need real multilingual news text. Index i is file 00i.
// Analysis is left to each test (they use their own TextResources).
#pragma once
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "document.h"
#include "ingest.h"

namespace px_test {

inline std::vector<px::Document> seed_documents() {
  std::vector<px::Document> docs;
  for (const char* name : {"000_cba9b2eccd73af34.txt", "001_f01c00b065e572bd.txt", "002_98e09c086c25287e.txt",
                           "003_980b53d330eac130.txt", "004_f0a578a3ea544cd3.txt"}) {
    std::ifstream f(std::string(PX_SEEDS_DIR) + "/" + name, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    for (px::Document& d : px::ingest_bytes(name, bytes).documents) docs.push_back(std::move(d));
  }
  return docs;
}

}  // namespace px_test
