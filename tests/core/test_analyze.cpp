// The whole text pipeline on the demo corpus: chrome, languages, sentences, tokens, quotes,
// numbers, run in the declared order and incrementally.
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "analyze.h"
#include "ingest.h"

using namespace px;

namespace {
const TextResources& resources() {
  static TextResources r = TextResources::load(PX_ASSET_DIR);
  return r;
}
Corpus seeds() {
  Corpus c;
  std::vector<Document> docs;
  for (const char* name : {"000_cba9b2eccd73af34.txt", "001_f01c00b065e572bd.txt", "002_98e09c086c25287e.txt",
                           "003_980b53d330eac130.txt", "004_f0a578a3ea544cd3.txt"}) {
    std::ifstream f(std::string(PX_SEEDS_DIR) + "/" + name, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    for (Document& d : ingest_bytes(name, bytes).documents) docs.push_back(std::move(d));
  }
  c.add_all(std::move(docs));
  return c;
}
bool paragraph_is_chrome(const Document& d, std::string_view starts_with) {
  for (size_t p = 0; p < d.paragraphs.size(); ++p)
    if (d.slice(d.paragraphs[p]).substr(0, starts_with.size()) == starts_with) return d.analysis.boilerplate[p];
  FAIL("no paragraph starts with " << std::string(starts_with));
  return false;
}
const QuoteInfo* quote_starting(const Document& d, std::string_view prefix) {
  for (const QuoteInfo& q : d.analysis.quotes)
    if (d.slice(q.span).substr(0, prefix.size()) == prefix) return &q;
  return nullptr;
}
}  // namespace

TEST_CASE("analyze: the resources load from the generated assets") {
  for (const std::string& m : resources().messages) MESSAGE(m);
  CHECK(resources().messages.empty());
}

TEST_CASE("analyze: the demo corpus, incrementally") {
  Corpus c = seeds();
  REQUIRE(c.size() == 5);
  AnalysisJob job;
  job.restart(c);
  CHECK(job.total() == 5);
  int steps = 0;
  while (job.step(c, resources(), 0.0)) ++steps;  // zero budget: one document per step
  CHECK(steps == 4);
  for (const Document& d : c.docs()) {
    CHECK(d.analysis.done);
    CHECK(d.analysis.boilerplate.size() == d.paragraphs.size());
    CHECK(!d.analysis.sentences.empty());
    CHECK(!d.analysis.tokens.empty());
  }
  // Restarting finds nothing left to do.
  job.restart(c);
  CHECK(job.total() == 0);

  const Document& d001 = c.doc(1);
  CHECK(d001.meta.language == "en");
  CHECK(paragraph_is_chrome(d001, "LEAVE A REPLY"));
  CHECK(paragraph_is_chrome(d001, "Please enter your comment!"));
  CHECK_FALSE(paragraph_is_chrome(d001, "During a press briefing in Tokyo"));
  const QuoteInfo* q = quote_starting(d001, "A stronger NATO will benefit Japan greatly");
  REQUIRE(q);
  CHECK(d001.slice(q->speaker) == "Ishiba");
  bool warheads = false, year = false;
  for (const QuantityInfo& n : d001.analysis.quantities) {
    warheads |= n.value == 1000.0;
    year |= n.kind == QuantityKind::Year && n.value == 2030.0;
  }
  CHECK(warheads);
  CHECK(year);

  const Document& d003 = c.doc(3);
  CHECK(d003.meta.language == "it");
  bool corrupt = false;
  for (const QuantityInfo& n : d003.analysis.quantities) corrupt |= std::isnan(n.value);
  CHECK(corrupt);  // "XNUMX testate nucleari"
  const QuoteInfo* qi = quote_starting(d003, "Una NATO più forte");
  REQUIRE(qi);
  CHECK(d003.slice(qi->speaker) == "Ishiba");

  const Document& d004 = c.doc(4);
  CHECK(paragraph_is_chrome(d004, "More on these topics"));
  CHECK(paragraph_is_chrome(d004, "Japan is an island country"));

  // Token match keys are folded and stemmed: "cooperation" and "cooperate" meet.
  bool stemmed = false;
  for (const TokenInfo& t : d001.analysis.tokens) stemmed |= d001.slice(t.span) == "cooperation" && t.stem == "cooper";
  CHECK(stemmed);
}

TEST_CASE("analyze: a quoted foreign sentence gets its own language") {
  Document d;
  d.text = "Il segretario generale ha parlato a lungo della cooperazione con il Giappone. "
           "\"We are at a pivotal moment for security and stability in the whole region,\" he said in English. "
           "Poi ha lasciato la conferenza stampa senza rispondere alle domande.";
  finish_document(d);
  analyze_document(d, resources(), nullptr);
  CHECK(d.meta.language == "it");
  REQUIRE(d.analysis.sentences.size() == 3);
  CHECK(d.analysis.sentences[0].language == "it");
  CHECK(d.analysis.sentences[1].language == "en");
  CHECK(d.analysis.sentences[2].language == "it");
}

TEST_CASE("analyze: missing assets degrade with messages, never a crash") {
  TextResources bare = TextResources::load("/nonexistent");
  CHECK(bare.messages.size() >= 3);
  Document d;
  d.text = "Rutte said: \"We are ready.\" The alliance has 32 members.";
  finish_document(d);
  analyze_document(d, bare, nullptr);
  CHECK(d.analysis.done);
  CHECK(!d.analysis.sentences.empty());
}
