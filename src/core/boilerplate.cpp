// boilerplate.cpp — [SECTION] index
//   repeats:   ParagraphRepeats (normalised paragraph hashes per document)
//   features:  one paragraph alone (length, words, punctuation, shape)
//   classify:  context-free class -> structure (cards, question lists) -> context (jusText)
#include "boilerplate.h"

#include <algorithm>

#include <utf8proc.h>

#include "encoding.h"
#include "text_fold.h"

namespace px {
namespace {

// The loops here see every byte of the corpus: ASCII takes the inline path.
constexpr auto next_cp = next_codepoint_fast;

// ---- limits (jusText's defaults where it has one) ------------------------------------------
constexpr uint32_t kLengthLow = 70;           // shorter: "short", judged by its neighbours
constexpr uint32_t kLengthHigh = 200;         // longer with enough stopwords: content on its own
// jusText uses 0.30/0.32 with its own short lists; stopwords-iso's lists are 2-4 times longer
// (en 1,298 words), so running text scores higher (0.35-0.6 on the seeds) and terse prose
// (bullet summaries, German compounds) sits at 0.25-0.3, while menus and tag lists stay < 0.2.
constexpr float kStopwordsLow = 0.20f;        // below: no running text (names, menus, titles)
constexpr float kStopwordsHigh = 0.30f;
constexpr const char* kFewStopwords = "few stopwords (not running text)";
constexpr uint32_t kMinSentenceWords = 8;     // a full sentence below the floor: near-good when this long...
constexpr float kStopwordsSentence = 0.10f;   // ...with at least this density (half the floor)
constexpr uint32_t kMinSentencesForGood = 2;  // ...or this many sentences
constexpr uint32_t kMaxHeadingDistance = 200; // a heading is content if content starts this close
constexpr uint32_t kHeadingMaxLength = 150;   // longer lines without full stop are still text
constexpr uint32_t kHeadingMinWords = 2;      // one word alone is a button or a label
constexpr uint32_t kHeadingMaxWords = 20;
constexpr uint32_t kUnspacedWeight = 3;       // a Han/kana character carries ~3 Latin letters
constexpr uint32_t kHangulWeight = 2;
constexpr size_t kMaxCardParagraphs = 4;      // paragraphs between two separators of a card list
constexpr size_t kMinCardSeparators = 2;
constexpr size_t kMinQuestionList = 2;        // consecutive short questions = "related questions"
constexpr float kDuplicateArticleShare = 0.5f;// more repeated text than this: a syndicated copy

// ---- repeats -------------------------------------------------------------------------------
bool is_letter_or_digit(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  const utf8proc_category_t cat = utf8proc_category_t(unicode_category(cp));
  return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) || cat == UTF8PROC_CATEGORY_ND;
}

// Hash of the lower-cased letters and digits, digits as '0', words separated by one space;
// 0 when the paragraph has no letter or digit. Simple per-code-point lower-casing, not
// fold_for_search: pages of one site repeat their chrome with the same accents, and this runs
// over every paragraph of the corpus (no allocation).
uint64_t paragraph_key_of(std::string_view paragraph) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a over UTF-32 code points
  auto mix = [&h](uint32_t v) { h = (h ^ v) * 1099511628211ull; };
  bool any = false, gap = false;
  size_t i = 0;
  while (i < paragraph.size()) {
    char32_t cp = next_cp(paragraph, i);
    if (!is_letter_or_digit(cp)) {
      gap = any;
      continue;
    }
    if (gap) mix(' ');
    gap = false;
    any = true;
    if (cp < 0x80) mix(cp >= '0' && cp <= '9' ? '0' : (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp);
    else if (utf8proc_category_t(unicode_category(cp)) == UTF8PROC_CATEGORY_ND) mix('0');
    else mix(uint32_t(utf8proc_tolower(utf8proc_int32_t(cp))));
  }
  return any ? (h ? h : 1) : 0;
}

}  // namespace

uint64_t ParagraphRepeats::key(std::string_view paragraph) { return paragraph_key_of(paragraph); }

void ParagraphRepeats::add_document(const std::vector<std::string_view>& paragraphs) {
  std::vector<uint64_t> keys;
  keys.reserve(paragraphs.size());
  for (std::string_view p : paragraphs) keys.push_back(paragraph_key_of(p));
  add_keys(std::move(keys));
}

void ParagraphRepeats::add_keys(std::vector<uint64_t> keys) {
  std::erase(keys, uint64_t{0});  // no letter or digit: not counted
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());  // once per document
  for (uint64_t k : keys) ++counts_[k];
  ++documents_;
}

int ParagraphRepeats::count(std::string_view paragraph) const { return count_key(paragraph_key_of(paragraph)); }

int ParagraphRepeats::count_key(uint64_t k) const {
  if (!k) return 0;
  auto it = counts_.find(k);
  return it == counts_.end() ? 0 : int(it->second);
}

namespace {

// ---- features ------------------------------------------------------------------------------
struct Features {
  uint32_t length = 0;  // code points, a run of spaces as one, Han/kana/Hangul weighted
  uint32_t words = 0;   // a run of Han/kana counts one word per two characters
  bool separator = false;  // no letter or digit at all ("-", "•", "* * *")
  bool terminal = false;   // ends a sentence: . ! ? 。 ！ ？ ; (closing quotes ignored)
  bool question = false;
  bool colon = false;      // ends with ':'
  bool truncated = false;  // ends with "..." or "…": a cut teaser
  bool list_item = false;  // starts with a bullet and a space: "- ", "• ", "* "
  bool heading = false;    // shaped like a heading (see below)
  uint32_t sentences = 0;  // sentence ends: . ! ? followed by a space or the end; 。！？ anywhere
  float stopword_density = 0.f;
  int repeats = 0;
};

bool is_unspaced(char32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF66 && cp <= 0xFF9F) || (cp >= 0x20000 && cp <= 0x3FFFF);
}
bool is_hangul(char32_t cp) { return cp >= 0xAC00 && cp <= 0xD7A3; }
bool is_space(char32_t cp) { return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200B); }
bool is_closing(char32_t cp) {  // transparent at the end of a sentence
  switch (cp) {
    case '"': case '\'': case ')': case ']': case 0x2019: case 0x201D: case 0x00BB: case 0x203A:
    case 0x300D: case 0x300F: case 0xFF09: case 0x3011: case 0x201C: case 0x00AB:
      return true;
    default:
      return false;
  }
}
bool is_bullet(char32_t cp) {
  switch (cp) {
    case '-': case '*': case 0x2013: case 0x2014: case 0x2022: case 0x00B7: case 0x25AA: case 0x25BA:
    case 0x25CF: case 0x2023: case 0x25E6: case 0x30FB:
      return true;
    default:
      return false;
  }
}

Features features_of(std::string_view p, std::string_view lang, const Stopwords& stopwords,
                     const ParagraphRepeats* repeats, const ParagraphFacts* facts) {
  Features f;
  constexpr size_t kTail = 8;
  char32_t tail[kTail] = {};  // ring of the last code points that are not spaces (not Han/kana)
  size_t tail_size = 0;
  char32_t first = 0, second = 0;
  bool in_word = false, any_word_char = false, after_space = false;
  // Sentence boundary inside the paragraph: [.!?] (closing quotes may follow), a space, then a
  // letter or digit. "3.5", "U.S." and "z.B." are not boundaries; "Dr. Müller" is (rare).
  enum { kInText, kAfterStop, kAfterStopSpace } boundary = kInText;
  uint32_t unspaced_run = 0, seen = 0;
  size_t i = 0;
  while (i < p.size()) {
    const char32_t cp = next_cp(p, i);
    if (is_space(cp)) {
      if (seen == 1) second = ' ';
      if (seen && !after_space) ++f.length;  // a run of spaces counts once
      if (boundary == kAfterStop) boundary = kAfterStopSpace;
      after_space = true;
      in_word = false;
      continue;
    }
    after_space = false;
    if (seen == 0) first = cp;
    else if (seen == 1 && !second) second = cp;
    ++seen;
    const bool unspaced = is_unspaced(cp);
    f.length += unspaced ? kUnspacedWeight : is_hangul(cp) ? kHangulWeight : 1;
    const bool word_char = is_letter_or_digit(cp);
    any_word_char = any_word_char || word_char;
    if (word_char && boundary == kAfterStopSpace) ++f.sentences;
    if (cp == '.' || cp == '!' || cp == '?') boundary = kAfterStop;
    else if (!(is_closing(cp) && boundary != kInText)) boundary = kInText;
    if (cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F) ++f.sentences;  // 。！？ end CJK sentences
    if (unspaced) {
      if (++unspaced_run % 2 == 1) ++f.words;
      in_word = true;
      continue;
    }
    unspaced_run = 0;
    if (word_char && !in_word) ++f.words;
    in_word = word_char;
    tail[tail_size++ % kTail] = cp;
  }
  if (after_space && f.length) --f.length;  // trailing spaces
  const size_t kept = std::min(tail_size, kTail);
  auto tail_at = [&](size_t k) { return tail[(tail_size - kept + k) % kTail]; };  // k-th of the kept
  size_t end = kept;
  while (end > 0 && is_closing(tail_at(end - 1))) --end;
  const char32_t last = end ? tail_at(end - 1) : 0;
  if (boundary != kInText && last != 0x3002 && last != 0xFF01 && last != 0xFF1F) ++f.sentences;  // the last one
  // Han/kana never reach `tail`; their sentence ends (。！？) do, being punctuation.
  f.separator = !any_word_char;
  f.list_item = is_bullet(first) && (second == ' ' || seen == 1);
  f.truncated = last == 0x2026 || (end >= 3 && tail_at(end - 1) == '.' && tail_at(end - 2) == '.' && tail_at(end - 3) == '.');
  f.question = last == '?' || last == 0xFF1F;
  f.colon = last == ':' || last == 0xFF1A;
  f.terminal = last == '.' || last == '!' || last == ';' || last == 0x3002 || last == 0xFF01 ||
               last == 0xFF0E || last == 0x2026 || f.question;
  f.heading = !f.separator && !f.list_item && (!f.terminal || f.question) && f.length <= kHeadingMaxLength &&
              f.words >= kHeadingMinWords && f.words <= kHeadingMaxWords;
  if (facts) {
    const Stopwords::Counts& c = facts->stopwords;  // the same quotient as Stopwords::density
    f.stopword_density = c.words ? float(c.stopwords) / float(c.words) : 0.f;
    f.repeats = repeats ? repeats->count_key(facts->repeat_key) : 0;
  } else {
    f.stopword_density = stopwords.density(p, lang);
    f.repeats = repeats ? repeats->count(p) : 0;
  }
  return f;
}

// ---- classify ------------------------------------------------------------------------------
enum class Cls : uint8_t { Bad, Short, NearGood, Good };

Cls prev_neighbour(const std::vector<Cls>& c, size_t i, bool ignore_neargood) {
  while (i-- > 0) {
    if (c[i] == Cls::Good || c[i] == Cls::Bad) return c[i];
    if (c[i] == Cls::NearGood && !ignore_neargood) return c[i];
  }
  return Cls::Bad;  // the page edge counts as chrome (jusText)
}
Cls next_neighbour(const std::vector<Cls>& c, size_t i, bool ignore_neargood) {
  for (++i; i < c.size(); ++i) {
    if (c[i] == Cls::Good || c[i] == Cls::Bad) return c[i];
    if (c[i] == Cls::NearGood && !ignore_neargood) return c[i];
  }
  return Cls::Bad;
}

// Only Short paragraphs between i and the page edge?
bool at_edge_before(const std::vector<Cls>& c, size_t i) {
  while (i-- > 0)
    if (c[i] != Cls::Short) return false;
  return true;
}
bool at_edge_after(const std::vector<Cls>& c, size_t i) {
  for (++i; i < c.size(); ++i)
    if (c[i] != Cls::Short) return false;
  return true;
}

// Does content (Good) start right after heading i? Only short chrome (a lost field label, a
// separator) may sit between, within kMaxHeadingDistance. A heading followed by another
// heading-like line is not rescued: that is how a menu above the headline looks.
bool content_follows(const std::vector<Cls>& c, const std::vector<Cls>& cf, const std::vector<Features>& f, size_t i) {
  uint32_t distance = 0;
  for (size_t j = i + 1; j < c.size() && distance <= kMaxHeadingDistance; ++j) {
    if (c[j] == Cls::Good) return !f[j].heading;  // a heading over a heading: a menu over a title
    if (cf[j] != Cls::Bad || f[j].length >= kLengthLow) return false;
    distance += f[j].length;
  }
  return false;
}

}  // namespace

std::vector<BoilerplateVerdict> explain_boilerplate(const std::vector<std::string_view>& paragraphs,
                                                    std::string_view lang, const Stopwords& stopwords,
                                                    const ParagraphRepeats* repeats,
                                                    const std::vector<ParagraphFacts>* facts) {
  const size_t n = paragraphs.size();
  if (facts && facts->size() != n) facts = nullptr;  // not this text's: compute them
  std::vector<Features> f;
  f.reserve(n);
  for (size_t i = 0; i < n; ++i)
    f.push_back(features_of(paragraphs[i], lang, stopwords, repeats, facts ? &(*facts)[i] : nullptr));
  const bool has_stopwords = stopwords.has_language(lang);

  // A syndicated article repeats whole: then repetition says nothing about chrome.
  uint64_t total = 0, repeated = 0;
  for (const Features& x : f) {
    total += x.length;
    if (x.repeats >= kMinRepeatDocuments) repeated += x.length;
  }
  const bool duplicate_article = total && float(repeated) > kDuplicateArticleShare * float(total);

  // jusText wants > kLengthHigh characters for content on its own; short news paragraphs of
  // two full sentences qualify too, or a short article would have no anchor and be lost.
  auto long_text = [](const Features& x) { return x.length > kLengthHigh || x.sentences >= kMinSentencesForGood; };
  std::vector<Cls> cf(n);
  std::vector<const char*> reason(n, "");
  auto hard_bad = [&](size_t i, const char* why) {
    cf[i] = Cls::Bad;
    reason[i] = why;
  };
  // 1. Each paragraph alone (jusText's context-free class, plus plain-text signals).
  for (size_t i = 0; i < n; ++i) {
    const Features& x = f[i];
    if (x.separator) hard_bad(i, "separator line");
    else if (x.repeats >= kMinRepeatDocuments && !duplicate_article) hard_bad(i, "repeated in other articles");
    else if (x.truncated && x.length < kLengthHigh) hard_bad(i, "cut-off teaser (...)");
    else if (x.colon && x.words == 1 && !(i + 1 < n && f[i + 1].list_item)) hard_bad(i, "field label with no value");
    else if (x.length < kLengthLow || x.heading) { cf[i] = Cls::Short; reason[i] = x.heading ? "heading" : "short"; }
    else if (!has_stopwords) { cf[i] = long_text(x) ? Cls::Good : Cls::NearGood; reason[i] = "text (no stopword list)"; }
    else if (x.stopword_density >= kStopwordsHigh) { cf[i] = long_text(x) ? Cls::Good : Cls::NearGood; reason[i] = "running text"; }
    else if (x.stopword_density >= kStopwordsLow) { cf[i] = Cls::NearGood; reason[i] = "running text"; }
    // A whole sentence of some length is prose even when its language uses few function words
    // (Russian has no articles; a Chinese sentence of names and nouns): its neighbours decide.
    // Menus, tags and link lists rarely end a sentence.
    else if (x.terminal && !x.question && x.words >= kMinSentenceWords && x.stopword_density >= kStopwordsSentence) {
      cf[i] = Cls::NearGood;
      reason[i] = "a sentence with few stopwords";
    }
    else hard_bad(i, kFewStopwords);
  }

  // 2. Structure. Cards: items between lone separators ("-" lines between teasers or
  // encyclopedia boxes), a list of at least kMinCardSeparators separators no more than
  // kMaxCardParagraphs apart; the heading just before belongs to the list.
  auto mark_list_heading = [&](size_t first, const char* why) {
    if (first > 0 && cf[first - 1] == Cls::Short && f[first - 1].heading) hard_bad(first - 1, why);
  };
  for (size_t i = 0; i < n;) {
    if (!f[i].separator) { ++i; continue; }
    size_t last = i, separators = 1, widest = 0;
    for (size_t j = i + 1; j < n && j - last - 1 <= kMaxCardParagraphs; ++j) {
      if (!f[j].separator) continue;
      widest = std::max(widest, j - last - 1);
      last = j;
      ++separators;
    }
    if (separators >= kMinCardSeparators && widest > 0) {
      const size_t end = std::min(n, last + 1 + widest);
      for (size_t k = i; k < end; ++k)
        if (!f[k].separator) hard_bad(k, "card in a separated list");
      mark_list_heading(i, "heading of a card list");
      i = end;
    } else {
      i = last + 1;
    }
  }
  // Related questions: consecutive short questions ("Go deeper", "People also ask").
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && f[j].question && f[j].length < kLengthHigh) ++j;
    if (j - i >= kMinQuestionList) {
      for (size_t k = i; k < j; ++k) hard_bad(k, "list of questions");
      mark_list_heading(i, "heading of a question list");
    }
    i = std::max(j, i + 1);
  }

  // 3. Context (jusText): headings followed by content, then short, then near-good.
  std::vector<Cls> c = cf;
  for (size_t i = 0; i < n; ++i)
    if (c[i] == Cls::Short && f[i].heading && content_follows(c, cf, f, i)) {
      c[i] = Cls::NearGood;
      reason[i] = "heading of content";
    }
  std::vector<std::pair<size_t, Cls>> resolved;
  for (size_t i = 0; i < n; ++i) {
    if (c[i] != Cls::Short) continue;
    const Cls prev = prev_neighbour(c, i, true), next = next_neighbour(c, i, true);
    Cls r;
    if (prev == Cls::Good && next == Cls::Good) r = Cls::Good;
    else if (prev == Cls::Bad && next == Cls::Bad) r = Cls::Bad;
    else if ((prev == Cls::Bad && prev_neighbour(c, i, false) == Cls::NearGood) ||
             (next == Cls::Bad && next_neighbour(c, i, false) == Cls::NearGood)) r = Cls::Good;
    else r = Cls::Bad;
    // The page edge counts as chrome (jusText), but our input is often the article alone: a
    // short full sentence between the edge and content is the lead or the last line.
    const Features& x = f[i];
    const bool edge_and_content = (prev == Cls::Bad && next == Cls::Good && at_edge_before(c, i)) ||
                                  (next == Cls::Bad && prev == Cls::Good && at_edge_after(c, i));
    if (r == Cls::Bad && edge_and_content && x.terminal && !x.question && !x.heading &&
        (!has_stopwords || x.stopword_density >= kStopwordsLow))
      r = Cls::Good;
    resolved.emplace_back(i, r);
  }
  for (auto [i, r] : resolved) {
    c[i] = r;
    reason[i] = r == Cls::Good ? "short, among content" : "short, among chrome";
  }
  for (size_t i = 0; i < n; ++i) {
    if (c[i] != Cls::NearGood) continue;
    const bool chrome = prev_neighbour(c, i, true) == Cls::Bad && next_neighbour(c, i, true) == Cls::Bad;
    c[i] = chrome ? Cls::Bad : Cls::Good;
    if (chrome) reason[i] = "between chrome";
  }
  for (size_t i = 0; i < n; ++i)
    if (c[i] == Cls::Bad && cf[i] != Cls::Bad && f[i].heading && content_follows(c, cf, f, i)) {
      c[i] = Cls::Good;
      reason[i] = "heading of content";
    }

  // A text with no content at all is a short article (a pasted paragraph, a one-line brief),
  // not a page of chrome: its sentences and running text that were judged chrome only by
  // length or context are its content. Hard signals (separators, repetition, teasers, labels,
  // lists, too few stopwords) still hold, and a lone "Subscribe" stays chrome.
  // Sentences of a language whose stopword list covers little of its running text (a short
  // Chinese brief) count too, when they are sentences of some length.
  if (std::none_of(c.begin(), c.end(), [](Cls k) { return k == Cls::Good; }))
    for (size_t i = 0; i < n; ++i)
      if (cf[i] == Cls::NearGood || (cf[i] == Cls::Short && f[i].terminal && !f[i].heading) ||
          (reason[i] == kFewStopwords && f[i].terminal && f[i].words >= kMinSentenceWords))
        c[i] = Cls::Good, reason[i] = "short text: all of it is the article";

  std::vector<BoilerplateVerdict> out(n);
  for (size_t i = 0; i < n; ++i) out[i] = {c[i] != Cls::Good, reason[i]};
  return out;
}

std::vector<bool> classify_boilerplate(const std::vector<std::string_view>& paragraphs,
                                       std::string_view lang, const Stopwords& stopwords,
                                       const ParagraphRepeats* repeats,
                                       const std::vector<ParagraphFacts>* facts) {
  std::vector<BoilerplateVerdict> v = explain_boilerplate(paragraphs, lang, stopwords, repeats, facts);
  std::vector<bool> out(v.size());
  for (size_t i = 0; i < v.size(); ++i) out[i] = v[i].boilerplate;
  return out;
}

}  // namespace px
