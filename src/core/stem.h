// stem.h — Snowball stemmers (libstemmer_c 2.2.0, BSD) and the match key search uses.
//
// Languages (ISO 639-1): en de fr it es pt nl ru sv da no (nb, nn) fi ro hu tr el ca. Any other
// language, ja and zh included, returns the word unchanged (supports() says false).
// One Snowball environment per language is created on first use and kept by the instance, as
// is a cache of match keys: two Stemmers never share state. Not thread-safe (the app is
// single-threaded).
//
//   Stemmer stemmer;  std::string s = stemmer.stem("bündnisses", "de");       // "bündnis"
//   std::string key = match_key("Cooperaciones", "es", stemmer);               // "cooper"
#pragma once
#include <memory>
#include <string>
#include <string_view>

namespace px {

// Words longer than this are returned unchanged (no language has such words; it bounds the
// Snowball buffers when a tokenizer hands over a URL or a run of junk).
constexpr size_t kMaxStemWordBytes = 96;

class Stemmer {
 public:
  Stemmer();
  ~Stemmer();
  Stemmer(Stemmer&&) noexcept;
  Stemmer& operator=(Stemmer&&) noexcept;

  // The stem of a lower-case word. Snowball's stemmers only work on lower case (German
  // stops at capitals). Accents give the best stems (es "cooperación" -> "cooper"); a
  // folded word (fold_for_search: accents stripped) also works, with weaker conflation.
  std::string stem(std::string_view folded_lowercase_word, std::string_view lang) const;
  // Same, into `out` (its capacity is reused: no allocation per word in hot loops).
  void stem_into(std::string_view folded_lowercase_word, std::string_view lang, std::string& out) const;
  bool supports(std::string_view lang) const;
  // match_key() below, remembered per language for the most recent words (a news corpus
  // repeats its words: most tokens are found here instead of folded and stemmed again).
  std::string match_key(std::string_view word, std::string_view lang) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The key search and matching compare: the word lower-cased (full case folding, NFKC, accents
// kept), stemmed in `lang`, then folded (fold_for_search: accents stripped). Stemming before
// stripping accents matters: Snowball's suffixes carry them (es/pt "-ción"/"-ções", ru "-ый"
// whose й folding would turn into и), so folding first left "cooperación" and "cooperaciones"
// apart. The price: an accent-less spelling of an accented suffix ("cooperacion") gets its
// own key; search should also try the plain folded word (find_folded).
std::string match_key(std::string_view word, std::string_view lang, const Stemmer& stemmer);
// The same computed afresh, bypassing the stemmer's cache (tests compare the two).
std::string match_key_uncached(std::string_view word, std::string_view lang, const Stemmer& stemmer);

}  // namespace px
