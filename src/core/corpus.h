// corpus.h — the loaded articles, their search keys, and JSON Lines export/import.
//
// The Corpus owns every Document. Each change bumps revision(), which views use to know
// when their cached derived data (filtered rows, facet counts) is stale.
//
//   Corpus c; c.add_all(ingest_bytes(name, bytes).documents);
//   std::string jsonl = to_jsonl(c);        // one record per line, importable again
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "document.h"
#include "status.h"

namespace px {

enum class MetaField { Source, Title, Published, Language, Url };

class Corpus {
 public:
  size_t size() const { return docs_.size(); }
  bool empty() const { return docs_.empty(); }
  const Document& doc(size_t i) const { return docs_[i]; }
  const std::vector<Document>& docs() const { return docs_; }
  uint64_t revision() const { return revision_; }

  // Adds documents; an id already present gets a numeric suffix so ids stay unique.
  // Returns the index of the first added document.
  size_t add_all(std::vector<Document> docs);
  size_t add(Document doc);
  void clear();
  void remove(size_t index);

  // The user fixes a wrong value; it is marked Edited and wins over detection.
  Status edit(size_t index, MetaField field, std::string_view value);

  // The text pipeline writes analyses in place (analyze.h), then says what changed: views
  // that show annotations watch analysis_revision(); a detected language change is a
  // metadata change and bumps revision() too.
  Document& doc_for_analysis(size_t i) { return docs_[i]; }
  void analysis_changed(bool metadata_changed) {
    ++analysis_revision_;
    if (metadata_changed) ++revision_;
  }
  uint64_t analysis_revision() const { return analysis_revision_; }
  // Bumped when documents come, go, or need analysing again (AnalysisJob restarts on it).
  uint64_t structure_revision() const { return structure_revision_; }

  // Folded title + text, for free-text search (see text_fold.h).
  const std::string& search_key(size_t i) const { return search_keys_[i]; }

 private:
  std::vector<Document> docs_;
  std::vector<std::string> search_keys_;
  uint64_t revision_ = 1;
  uint64_t analysis_revision_ = 1;
  uint64_t structure_revision_ = 1;
};

// One JSON object per line: id, url, source, title, published, language, text, the extra
// fields kept from the input, and "edited" (the fields the user fixed). ingest_bytes() of this
// output gives back the same corpus, and to_jsonl() of that gives back the same bytes.
std::string to_jsonl(const Corpus& corpus);
nlohmann::ordered_json to_record(const Document& doc);

}  // namespace px
