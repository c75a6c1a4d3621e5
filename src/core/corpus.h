// corpus.h — the loaded articles, their search keys (folded text, word stems), and JSON Lines
// export/import.
//
// The Corpus owns every Document. Each change bumps revision(), which views use to know
// when their cached derived data (filtered rows, facet counts) is stale.
//
//   Corpus c; c.add_all(ingest_bytes(name, bytes).documents);
//   std::string jsonl = to_jsonl(c);        // one record per line, importable again
//   const std::vector<uint32_t>* docs = c.articles_with_stem(stem_key("en", "negoti"));
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
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
  // since the last call are indexed then (articles_with_stem).
  Document& doc_for_analysis(size_t i) {
    stems_pending_.push_back(i);
    return docs_[i];
  }
  void analysis_changed(bool metadata_changed);
  uint64_t analysis_revision() const { return analysis_revision_; }
  // Bumped when documents come, go, or need analysing again (AnalysisJob restarts on it).
  uint64_t structure_revision() const { return structure_revision_; }
  // Bumped when documents go or one must be analysed again (clear, remove, a language edit),
  // not when documents are added: counts over the corpus (AnalysisJob) are then extended with
  // the new documents instead of rebuilt.
  uint64_t reset_revision() const { return reset_revision_; }

  // Folded title + text, for free-text search (see text_fold.h).
  const std::string& search_key(size_t i) const { return search_keys_[i]; }

  // Word stems, for stem-aware search (query.h): an inverted index from stem_key() to the
  // articles having a word with that stem. An analysed article contributes the stems of the
  // words of its text (TokenInfo::stem, in the word's sentence language) and of its title (in
  // the article's language). Only languages the Stemmer supports are indexed (ja, zh:
  // substrings already find every word). 4 bytes per distinct word of each article, and a
  // search reads only the lists of its terms' stems, not every article.
  //
  // The articles with a word whose stem has this key, ascending; nullptr when none has.
  const std::vector<uint32_t>* articles_with_stem(uint64_t key) const {
    auto it = stem_postings_.find(key);
    return it == stem_postings_.end() ? nullptr : &it->second;
  }
  // How many distinct stems article i has in the index (0 until it is analysed).
  uint32_t stem_count(size_t i) const { return stem_counts_[i]; }
  // Every language any article has stems in.
  const std::vector<std::string>& stem_languages() const { return stem_languages_; }
  // The Stemmer the index was built with; search stems its terms with it too.
  const Stemmer& stemmer() const { return stemmer_; }

 private:
  void index_stems(size_t i);
  void unindex_stems(size_t i);

  std::vector<Document> docs_;
  std::vector<std::string> search_keys_;
  std::unordered_map<uint64_t, std::vector<uint32_t>> stem_postings_;
  std::vector<uint32_t> stem_counts_;          // parallel to docs_
  std::vector<std::string> stem_languages_;
  std::vector<size_t> stems_pending_;          // handed out by doc_for_analysis()
  Stemmer stemmer_;
  uint64_t revision_ = 1;
  uint64_t analysis_revision_ = 1;
  uint64_t structure_revision_ = 1;
  uint64_t reset_revision_ = 1;
};

// The key Corpus::articles_with_stem() takes for a word whose match key (stem.h match_key) is
// `stem` in `lang`: a 64-bit FNV-1a hash of both. The language is part of the key so an English and an
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
