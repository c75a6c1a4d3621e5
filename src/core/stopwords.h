// stopwords.h — per-language stopword lists (npm stopwords-iso 1.1.0, MIT; asset
// "<asset_dir>/stem/stopwords.txt", see scripts/assets.d/stem.sh) and stopword density.
//
//   Result<Stopwords> sw = Stopwords::load(asset_dir);      // error message if the asset is missing
//   if (sw.ok() && sw->is_stopword("und", "de")) ...;  float d = sw->density(paragraph, "de");
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

 private:
  struct Language {
    std::string code;
    std::vector<uint32_t> slots;   // open addressing: index+1 into words, 0 = empty
    std::vector<std::string> words;
    size_t longest_codepoints = 0;
  };
  const Language* find_language(std::string_view lang) const;
  static bool contains(const Language& l, std::string_view word);
  std::vector<Language> languages_;
};

}  // namespace px
