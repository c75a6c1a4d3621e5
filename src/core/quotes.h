// quotes.h — direct quotations and who said them.
//
// Finds text between quote marks of every common style (“…” "…" „…“ «…» »…« ‹…› ‘…’ '…' 「…」
// 『…』), and for each the speaker and the reporting verb when the text names them near the
// quote ("…," Rutte said / ha affermato Ishiba / sagte Kishida / — заявил X / と述べた / 表示).
// Reporting verbs come from <asset_dir>/lexicons/reporting_verbs.tsv, titles stripped from
// speakers ("Ministerpräsident Fumio Kishida" -> "Fumio Kishida") from speaker_titles.tsv.
//
//   Result<QuoteFinder> f = QuoteFinder::load(asset_dir);
//   if (f.ok()) for (const QuoteInfo& q : f->find(doc.text, doc.meta.language)) show(q);
//
// Contract:
//  - QuoteInfo::span is the quoted text without its marks (and without padding spaces, as in
//    French « … »); speaker and cue are spans of the same text, empty (0,0) when not named.
//  - Apostrophes are not quotes: l'Ucraina, NATO's, don't, the leaders’ never open or close one.
//  - A quote never crosses a line break (one paragraph per line) except the news convention of
//    a multi-paragraph quote: the opening mark repeated at the start of each next paragraph and
//    no closing mark until the last one. Each paragraph's part is its own QuoteInfo, all
//    carrying the same speaker and cue. An opening mark left unclosed at the end of its
//    paragraph counts only when it opens the paragraph (or follows ':' or a dash): then the
//    quote runs to the end of that paragraph; otherwise the mark is ignored.
//  - Terms in quotes ("smokescreen", "cruciale", “free and open”: at most kMaxTermWords words,
//    no sentence punctuation inside) are returned as quotes, but get a speaker or verb only when a
//    reporting verb is right next to them ("cruciale", ha detto Rutte) — a term quoted inside
//    someone's sentence is the writer's wording as often as the speaker's.
//  - Pronoun speakers (he, sie, lui, он, 他) are not resolved: speaker empty, cue set.
//  - Unmarked quotes: a line that starts with a dash and a reporting verb, or with a lowercase
//    reporting verb ("– betonte dann auch Kishida.", "sagte Jun Nagashima, ..."), attributes the
//    line before it; if that line has no quote marks, the whole line is returned as the quote
//    (some sites strip the marks of block quotes).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "document.h"
#include "status.h"

namespace px {

constexpr size_t kMaxTermWords = 3;           // "free and open" is a term, four words a quote
constexpr size_t kMaxTermCjkChars = 6;        // the same for Chinese/Japanese (characters)
constexpr size_t kMaxAttributionBytes = 240;  // how far from a mark a speaker or verb may be
constexpr size_t kMaxSpeakerWords = 6;        // "Jun Nagashima", "Ishiba and Rutte"
constexpr size_t kMaxContinuedParagraphs = 8; // a multi-paragraph quote stops after this many

bool is_term_quote(std::string_view quoted);  // true for "smokescreen", false for a sentence

// Second pass, after the recogniser (ner.h) has filled `a.mentions`: a quote's speaker becomes
// the person mention next to its reporting verb, without the role the finder's own rules could
// not cut off ("European Commission President Ursula von der Leyen said" -> "Ursula von der
// Leyen"; "afirmó la vicepresidenta primera del Gobierno, María Jesús Montero"). A person
// qualifies when only a short role phrase lies between it and the verb (at most 8 words, no
// sentence punctuation, colon or quote mark); the nearest wins. Left alone: quotes without a
// verb, a pronoun subject next to the verb ("she told Merz"), an organisation speaker with no
// person in apposition ("the Kremlin said"), and ja/zh, whose speakers keep the role as
// written (石破首相). `text` is the document text the spans index.
void refine_speakers(std::string_view text, std::string_view lang, Analysis& a);

class QuoteFinder {
 public:
  static Result<QuoteFinder> load(const std::string& asset_dir);

  // All quotes in `text` in order; `lang` (ISO 639-1) picks the reporting verbs (unknown or
  // "und": all languages are tried).
  std::vector<QuoteInfo> find(std::string_view text, std::string_view lang) const;

  // The stance of a cue found by find() ("neutral", "emphatic", "doubt", "concession",
  // "alarm", "commitment", "source"...), empty when `cue_text` is not a known form.
  std::string_view stance(std::string_view cue_text, std::string_view lang) const;

  size_t verb_count() const { return verb_count_; }

  struct VerbForm {
    std::vector<std::string> words;  // lexicon keys, word by word ("ha", "affermato")
    std::string stance;
  };

 private:
  struct Impl;
  friend struct Impl;
  // Latin/Cyrillic forms by "lang|first word"; CJK forms (matched as strings) by language.
  std::unordered_map<std::string, std::vector<VerbForm>> verbs_by_first_word_;
  std::unordered_map<std::string, std::vector<VerbForm>> cjk_verbs_;
  std::unordered_map<std::string, std::vector<std::vector<std::string>>> titles_;  // lang -> word lists
  std::vector<std::string> languages_;
  size_t verb_count_ = 0;
};

}  // namespace px
