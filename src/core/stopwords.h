// stopwords.h — per-language stopword lists (npm stopwords-iso 1.1.0, MIT; asset
// "<asset_dir>/stem/stopwords.txt", see scripts/assets.d/stem.sh) and stopword density.
//
//   Result<Stopwords> sw = Stopwords::load(asset_dir);      // error message if the asset is missing
//   if (sw.ok() && sw->is_stopword("und", "de")) ...;  float d = sw->density(paragraph, "de");
//   Stopwords::Vote v = sw->vote(sentence, "it");  // stopwords of "it" vs the best other list
//
// Words are compared folded (fold_for_search), so "über" and "uber" are the same stopword.
// ja and zh text has no spaces: there density is the share of characters covered by stopwords
// found by greedy longest match. A default-constructed Stopwords knows no language.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "status.h"

namespace px {

class Stopwords {
 public:
  Stopwords() = default;
  static Result<Stopwords> load(const std::string& asset_dir);
  // Parses the asset format ("@lang" lines, then one word per line; '#' comments).
  static Result<Stopwords> parse(std::string_view text);

  bool has_language(std::string_view lang) const;
  size_t language_count() const { return languages_.size(); }
  // `folded_word` must already be folded (fold_for_search).
  bool is_stopword(std::string_view folded_word, std::string_view lang) const;
  // Share of the words of `text` (any case, not folded) that are stopwords of `lang`, 0..1;
  // 0 for a language without a list or text without words.
  float density(std::string_view text, std::string_view lang) const;

  struct Counts {
    uint32_t words = 0;      // words (ja/zh: letters)
    uint32_t stopwords = 0;  // of them, stopwords (ja/zh: letters covered by stopwords)
  };
  Counts count(std::string_view text, std::string_view lang) const;

  // Stopword evidence for the language of one sentence of a spaced script, for the text
  // pipeline to skip the language model where it cannot change the answer (analyze.cpp).
  // Every list is consulted in one lookup per word.
  struct Vote {
    uint32_t words = 0;            // words with a letter (numbers do not count)
    uint32_t hits = 0;             // of them, stopwords of `lang`
    uint32_t best_other_hits = 0;  // stopwords of the other language with the most of them
    uint32_t other_script = 0;     // words whose first letter is not in `lang`'s script
  };
  // All zero for ja/zh (unspaced) or a language without a list.
  Vote vote(std::string_view text, std::string_view lang) const;

  // The words of a text with the lists that have them, so that a caller can count a paragraph
  // and vote on each of its sentences without folding and looking every word up twice (the
  // text pipeline, analyze.cpp):
  //   std::vector<Stopwords::Word> words;
  //   if (sw.scan(paragraph, "it", words))
  //     counts = sw.count(words.data(), words.data() + words.size(), "it");  // == count(paragraph, "it")
  //   v = sw.vote(&words[a], &words[b], "it");  // == vote(the text of words a..b-1, "it") when
  //                                             // no other word of the paragraph overlaps it
  struct Word {
    uint32_t begin = 0, end = 0;  // bytes of the scanned text
    char32_t first = 0;           // its first code point
    uint64_t languages = 0;       // one bit per list having the folded word (0: none, or too long)
  };
  // Appends the words of `text` to `out` and returns true when `lang` is of a spaced script
  // and has a list; otherwise appends nothing and returns false (count(text, lang) then).
  bool scan(std::string_view text, std::string_view lang, std::vector<Word>& out) const;
  Counts count(const Word* first, const Word* last, std::string_view lang) const;  // `lang` scanned with
  Vote vote(const Word* first, const Word* last, std::string_view lang) const;

  static constexpr size_t kMaxLanguages = 64;  // one bit each in a word's language mask

 private:
  struct Language {
    std::string code;
    size_t longest_codepoints = 0;
    uint32_t script = 0;  // coarse script of its words (script_key in stopwords.cpp)
    // ja/zh: per BMP code point, the most code points of a stopword starting with it (0: none),
    // so the longest-match search tries only lengths that can match.
    std::vector<uint8_t> longest_from;
  };
  // One table for every list: folded word -> bit mask of the languages listing it.
  struct Entry {
    uint64_t hash = 0;
    uint64_t languages = 0;
    uint32_t offset = 0;  // into pool_
    uint32_t size = 0;
  };
  int find_language(std::string_view lang) const;  // index or -1
  const Entry* lookup(std::string_view folded_word) const;
  std::string_view word_at(const Entry& e) const { return std::string_view(pool_).substr(e.offset, e.size); }
  bool contains(int lang, std::string_view folded_word) const;
  std::vector<Language> languages_;
  std::vector<Entry> entries_;
  // Open addressing: the hash's high 32 bits << 32 | index+1 into entries_, 0 = empty. Most
  // words looked up are not stopwords: the hash bits reject them without touching entries_.
  std::vector<uint64_t> slots_;
  std::string pool_;
};

}  // namespace px
