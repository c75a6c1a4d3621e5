// segment.h — sentences and word tokens of an article, as byte spans of the text given.
//
//   Result<Segmenter> seg = Segmenter::load(asset_dir);          // once; copies are cheap
//   for (Span s : seg->sentences(doc.text, "de")) for (Span w : seg->words(doc.slice(s), "de")) ...
//
// Sentences: ends at . ! ? … (and ?! clusters), 。！？ and full-width ．！？, after any closing
// quotes/brackets that follow (“We will act.” belongs to its sentence); at a blank line; and at a
// single newline unless the next line starts in lower case (headlines end at their newline,
// hard-wrapped lines do not). A period does not end a sentence after an abbreviation (CLDR
// suppressions for the language + a short supplement), a single letter (initials, "z. B.",
// "т. е."), a dotted abbreviation ("U.S.", "S.p.A."), a German ordinal date ("22. Mai"), or
// when the next word starts in lower case. Spans exclude surrounding whitespace.
//
// Words: letters/digits of any alphabetic script, joined across '-' ("Indo-Pacific"), across
// '.' between letters ("S.p.A." "Node.js", a trailing '.' kept on dotted abbreviations like
// "U.S."), across '.' ',' between digits ("1,000" "1.000" "3.5", with a trailing % or ‰);
// URLs and e-mail addresses stay whole. Apostrophes: English clitics split off ("NATO's" ->
// NATO 's, "don't" -> do n't); French/Italian elisions split after the apostrophe
// ("l'Ucraina" -> l' Ucraina, "dell'Ucraina" -> dell' Ucraina); otherwise kept ("O'Brien").
// Han/hiragana runs are split with the language's word list (zh.words / ja.words, fewest
// words, longest first), katakana runs and numbers stay whole. Punctuation is not a word.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "document.h"
#include "status.h"

namespace px {

struct SegmenterData;  // abbreviations and CJK dictionaries, shared by copies

class Segmenter {
 public:
  // Without assets: rules only (built-in supplement of abbreviations), CJK one character per word.
  Segmenter();

  // Loads <asset_dir>/segment/abbrev.txt, ja.words and zh.words. Fails with a message naming
  // the missing file; callers may then fall back to Segmenter().
  static Result<Segmenter> load(const std::string& asset_dir);

  // `lang` is an ISO 639-1 code ("de", "pt-BR" is read as "pt"); "" or "und" for unknown.
  std::vector<Span> sentences(std::string_view text, std::string_view lang) const;
  std::vector<Span> words(std::string_view text, std::string_view lang) const;

  // Same, appending spans shifted by `offset` (to segment a sentence inside a document).
  void append_sentences(std::string_view text, std::string_view lang, uint32_t offset,
                        std::vector<Span>& out) const;
  void append_words(std::string_view text, std::string_view lang, uint32_t offset,
                    std::vector<Span>& out) const;

  // Loaded sizes, for the CLI and tests.
  size_t abbreviation_count() const;
  size_t dictionary_size(std::string_view lang) const;  // "ja" or "zh"

 private:
  std::shared_ptr<const SegmenterData> data_;
};

}  // namespace px
