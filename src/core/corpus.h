// corpus.h — the loaded articles, their search keys (folded text, word stems), and JSON Lines
// export/import.
//
// The Corpus owns every Document. Each change bumps revision(), which views use to know
// when their cached derived data (filtered rows, facet counts) is stale.
//
//   Corpus c; c.add_all(ingest_bytes(name, bytes).documents);
//   std::string jsonl = to_jsonl(c);        // one record per line, importable again
//   bool has = std::binary_search(c.stem_keys(0).begin(), c.stem_keys(0).end(), stem_key("en", "negoti"));
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "document.h"
#include "status.h"
#include "stem.h"

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
  // metadata change and bumps revision() too. The word stems of the articles handed out
  // since the last call are indexed then (stem_keys).
  Document& doc_for_analysis(size_t i) {
    stems_pending_.push_back(i);
    return docs_[i];
  }
  void analysis_changed(bool metadata_changed);
  uint64_t analysis_revision() const { return analysis_revision_; }
  // Bumped when documents come, go, or need analysing again (AnalysisJob restarts on it).
  uint64_t structure_revision() const { return structure_revision_; }

  // Folded title + text, for free-text search (see text_fold.h).
  const std::string& search_key(size_t i) const { return search_keys_[i]; }

  // Word stems, for stem-aware search (query.h). An analysed article keeps the stem_key() of
  // every word of its text (TokenInfo::stem, stemmed in the word's sentence language) and of
  // its title (in the article's language), sorted and de-duplicated: 8 bytes per distinct
  // word, searched by binary search. Only languages the Stemmer supports are kept (ja, zh:
  // substrings already find every word). Empty until the article is analysed.
  const std::vector<uint64_t>& stem_keys(size_t i) const { return stems_[i].keys; }
  // The languages an article's stems were taken in, as indices into stem_languages().
  const std::vector<uint8_t>& stem_language_ids(size_t i) const { return stems_[i].languages; }
  // Every language any article has stems in (at most 255: see intern_stem_language).
  const std::vector<std::string>& stem_languages() const { return stem_languages_; }
  // The Stemmer the index was built with; search stems its terms with it too.
  const Stemmer& stemmer() const { return stemmer_; }

 private:
  struct ArticleStems {
    std::vector<uint64_t> keys;
    std::vector<uint8_t> languages;
  };
  void index_stems(size_t i);
  int intern_stem_language(std::string_view lang);

  std::vector<Document> docs_;
  std::vector<std::string> search_keys_;
  std::vector<ArticleStems> stems_;            // parallel to docs_
  std::vector<std::string> stem_languages_;
  std::vector<size_t> stems_pending_;          // handed out by doc_for_analysis()
  Stemmer stemmer_;
  uint64_t revision_ = 1;
  uint64_t analysis_revision_ = 1;
  uint64_t structure_revision_ = 1;
};

// What Corpus::stem_keys() holds for a word whose match key (stem.h match_key) is `stem` in
// `lang`: a 64-bit FNV-1a hash of both. The language is part of the key so an English and an
// Italian word with the same stem stay apart. A search term's key equals some other word's key
// in one of the articles with probability ~(distinct words of all articles)/2⁶⁴: about 10⁻¹²
// for 100,000 articles, so keys are compared without checking the words behind them.
uint64_t stem_key(std::string_view lang, std::string_view stem);

// One JSON object per line: id, url, source, title, published, language, text, the extra
// fields kept from the input, and "edited" (the fields the user fixed). ingest_bytes() of this
// output gives back the same corpus, and to_jsonl() of that gives back the same bytes.
std::string to_jsonl(const Corpus& corpus);
nlohmann::ordered_json to_record(const Document& doc);

}  // namespace px
