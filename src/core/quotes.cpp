// quotes.cpp — direct quotations and their speakers (see quotes.h).
//
// [SECTION] characters        code point classes (spaces, words, CJK, capitals)
// [SECTION] marks             pairing opening and closing quote marks within a paragraph
// [SECTION] words             small tokeniser for the text around a quote
// [SECTION] attribution       reporting verb + name next to a quote (Latin, Cyrillic, CJK)
// [SECTION] QuoteFinder       loading the lexicons, find(), stance()
#include "quotes.h"

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_map>

#include <utf8proc.h>

#include "encoding.h"
#include "entities.h"
#include "lexicon.h"

namespace px {

// =============================================================================================
// [SECTION] characters
// =============================================================================================
namespace {

bool is_space_cp(char32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == 0x00A0 || c == 0x202F || c == 0x2009 ||
         c == 0x2007 || c == 0x200A || c == 0x3000;
}

bool is_cjk_cp(char32_t c) {
  return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF);
}

utf8proc_category_t category(char32_t c) {
  return static_cast<utf8proc_category_t>(utf8proc_category(static_cast<utf8proc_int32_t>(c)));
}

bool is_word_cp(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  const auto cat = category(c);
  return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO;  // letters, marks, numbers
}

bool is_upper_cp(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  const auto cat = category(c);
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

bool is_dash_cp(char32_t c) { return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2015 || c == 0x2012; }

// The code point that ends just before byte `pos` (0 at the start of the text).
char32_t cp_before(std::string_view s, size_t pos, size_t* start = nullptr) {
  if (pos == 0) return 0;
  size_t b = pos - 1;
  while (b > 0 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) --b;
  if (start) *start = b;
  size_t i = b;
  return next_codepoint(s, i);
}

char32_t cp_at(std::string_view s, size_t pos) {
  if (pos >= s.size()) return 0;
  return next_codepoint(s, pos);
}

size_t cp_len(std::string_view s, size_t pos) {
  size_t i = pos;
  next_codepoint(s, i);
  return i - pos;
}

// Trims spaces (including the no-break spaces of French « … ») from both ends of [b, e).
Span trim_span(std::string_view s, uint32_t b, uint32_t e) {
  while (b < e) {
    size_t i = b;
    const char32_t c = next_codepoint(s, i);
    if (!is_space_cp(c) && c != '\n') break;
    b = static_cast<uint32_t>(i);
  }
  while (e > b) {
    size_t start = e;
    const char32_t c = cp_before(s, e, &start);
    if (!is_space_cp(c) && c != '\n') break;
    e = static_cast<uint32_t>(start);
  }
  return Span{b, e};
}

size_t snap_forward(std::string_view s, size_t pos) {
  while (pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) ++pos;
  return pos;
}

// =============================================================================================
// [SECTION] marks
// =============================================================================================

// Which marks close a quote opened by `open` (0 = none: not an opening mark).
struct Closers {
  std::array<char32_t, 2> cps{0, 0};
  bool single = false;  // apostrophe-like: closing needs a non-word character after it
  bool nests = false;   // the same opening mark inside means a nested quote
};

Closers closers_for(char32_t open) {
  switch (open) {
    case U'\u201C': return {{U'\u201D', 0}, false, true};            // “…”
    case U'\u201E': return {{U'\u201C', U'\u201D'}, false, false};   // „…“ (de), „…” (pl, some it)
    case U'\u00AB': return {{U'\u00BB', 0}, false, true};            // «…»
    case U'\u00BB': return {{U'\u00AB', 0}, false, false};           // »…« (de)
    case U'\u2039': return {{U'\u203A', 0}, false, false};           // ‹…›
    case U'\u300C': return {{U'\u300D', 0}, false, true};            // 「…」
    case U'\u300E': return {{U'\u300F', 0}, false, true};            // 『…』
    case U'\u2018': return {{U'\u2019', 0}, true, false};            // ‘…’
    case U'\u201A': return {{U'\u2018', U'\u2019'}, true, false};    // ‚…‘ (de)
    case '"': return {{'"', 0}, false, false};
    case '\'': return {{'\'', U'\u2019'}, true, false};
    default: return {};
  }
}

bool opens_before(char32_t prev) {  // may an ASCII/single mark after `prev` open a quote?
  return prev == 0 || prev == '\n' || is_space_cp(prev) || prev == '(' || prev == '[' ||
         prev == '{' || is_dash_cp(prev) || prev == '/' || prev == ':' ||
         prev == U'\u201C' || prev == U'\u00AB' || prev == U'\u201E' || prev == '"';
}

// Is the mark `open` at `pos` an opening mark here? (ASCII and single marks depend on context.)
bool is_opening_at(std::string_view s, size_t pos, char32_t open) {
  const char32_t prev = cp_before(s, pos);
  const char32_t next = cp_at(s, pos + cp_len(s, pos));
  if (next == 0 || next == '\n') return false;
  switch (open) {
    case '"': return opens_before(prev) && !is_space_cp(next);
    case '\'': case U'\u2018': case U'\u201A':
      // l'Ucraina, NATO's, don't: a letter before means an apostrophe, never a quote.
      return opens_before(prev) && is_word_cp(next);
    case U'\u00BB':
      // »…« opens before a word; a French closing » is followed by a space or punctuation.
      return !is_space_cp(next) && !is_word_cp(prev);
    default: return true;
  }
}

bool is_closing_at(std::string_view s, size_t pos, const Closers& c) {
  const char32_t prev = cp_before(s, pos);
  if (c.single || c.cps[0] == '"') {
    if (prev == 0 || is_space_cp(prev)) return false;
    const char32_t next = cp_at(s, pos + cp_len(s, pos));
    if (c.single && is_word_cp(next)) return false;  // NATO’s, don’t
  }
  return true;
}

// Looks for the closing mark of the quote opened at [open_pos, body) within [body, end).
// Returns the closing mark's byte position, or npos.
size_t find_closer(std::string_view s, size_t body, size_t end, char32_t open, const Closers& c) {
  int depth = 0;
  for (size_t i = body; i < end;) {
    const size_t at = i;
    const char32_t cp = next_codepoint(s, i);
    if (c.nests && cp == open) {
      ++depth;
      continue;
    }
    if (cp == c.cps[0] || (c.cps[1] && cp == c.cps[1])) {
      if (!is_closing_at(s, at, c)) continue;
      if (depth > 0) {
        --depth;
        continue;
      }
      return at;
    }
  }
  return std::string_view::npos;
}

std::vector<Span> split_lines(std::string_view s) {
  std::vector<Span> lines;
  for (size_t pos = 0; pos <= s.size();) {
    size_t eol = s.find('\n', pos);
    if (eol == std::string_view::npos) eol = s.size();
    const Span t = trim_span(s, static_cast<uint32_t>(pos), static_cast<uint32_t>(eol));
    if (t.size() > 0) lines.push_back(t);
    pos = eol + 1;
  }
  return lines;
}

// =============================================================================================
// [SECTION] words
// =============================================================================================
enum class TokKind : uint8_t { Word, Punct, Cjk };

struct Tok {
  uint32_t b = 0, e = 0;
  TokKind kind = TokKind::Punct;
  bool upper = false;   // Word: starts with a capital
  char32_t cp = 0;      // Punct: the character
};

void tokenize(std::string_view s, size_t b, size_t e, std::vector<Tok>& out) {
  out.clear();
  for (size_t i = b; i < e;) {
    const size_t at = i;
    const char32_t c = next_codepoint(s, i);
    if (is_space_cp(c) || c == '\n') continue;
    if (is_cjk_cp(c)) {
      while (i < e) {
        size_t j = i;
        if (!is_cjk_cp(next_codepoint(s, j))) break;
        i = j;
      }
      out.push_back({static_cast<uint32_t>(at), static_cast<uint32_t>(i), TokKind::Cjk, false, 0});
      continue;
    }
    if (!is_word_cp(c)) {
      out.push_back({static_cast<uint32_t>(at), static_cast<uint32_t>(i), TokKind::Punct, false, c});
      continue;
    }
    // A word: letters/digits, with apostrophes and hyphens inside (l'allarme, a-t-il).
    while (i < e) {
      size_t j = i;
      const char32_t d = next_codepoint(s, j);
      if (is_word_cp(d) && !is_cjk_cp(d)) {
        i = j;
        continue;
      }
      if ((d == '\'' || d == U'\u2019' || d == '-' || d == U'\u2011') && j < e) {
        size_t k = j;
        const char32_t after = next_codepoint(s, k);
        if (is_word_cp(after) && !is_cjk_cp(after)) {
          i = j;
          continue;
        }
      }
      break;
    }
    out.push_back({static_cast<uint32_t>(at), static_cast<uint32_t>(i), TokKind::Word, is_upper_cp(c), 0});
  }
}

// Function words that are capitalised only because they start a sentence, and pronouns.
constexpr std::string_view kPronouns[] = {
    "he", "she", "they", "we", "i", "you", "it", "er", "sie", "wir", "ich", "es", "lui", "lei",
    "egli", "essa", "loro", "noi", "io", "il", "elle", "ils", "elles", "nous", "je", "on", "él",
    "ella", "ellos", "ellas", "yo", "он", "она", "они", "мы", "я", "вы"};
constexpr std::string_view kLeadingFunctionWords[] = {
    "the", "a", "an", "but", "and", "also", "however", "then", "so", "der", "die", "das", "den",
    "dem", "des", "ein", "eine", "aber", "und", "auch", "il", "lo", "la", "le", "les", "gli", "i", "un",
    "una", "uno", "ma", "e", "però", "anche", "mais", "et", "el", "los", "las", "pero", "y",
    "но", "и", "а", "in", "im", "nel", "en", "dans", "в", "while", "as", "when", "after"};
constexpr std::string_view kNameParticles[] = {"von", "van", "de", "di", "da", "del", "della",
                                               "du", "bin", "al", "ibn", "van der", "van den"};
// Adverbs that may sit between a reporting verb and its inverted subject ("betonte dann auch
// Kishida"); anything else there ("emphasizing that Japan") means the name is not the speaker.
constexpr std::string_view kVerbSubjectAdverbs[] = {
    "dann", "auch", "nochmals", "erneut", "zudem", "also", "then", "again", "anche", "poi",
    "ancora", "inoltre", "aussi", "encore", "también", "además", "ещё", "также", "тоже", "вновь"};
// Words that end a role description after a reporting verb ("told reporters in Houston": the
// capitalised word after "in" is a place, not the speaker), and clause openers ("said that").
constexpr std::string_view kRoleStoppers[] = {
    "in", "at", "on", "to", "from", "with", "during", "after", "before", "that", "for", "of", "about",
    "per", "für", "über", "di", "pour", "para", "por", "по", "для", "о", "об", "im", "am", "an",
    "auf", "mit", "nach", "vor", "dass", "a", "ad", "con", "su", "che", "dans", "à", "avec", "sur",
    "que", "en", "durante", "con", "в", "на", "с", "во", "что", "как", "после"};
// Words between a title and its department ("ministro della Difesa", "Secretary of State").
constexpr std::string_view kTitleLinkWords[] = {"of", "for", "della", "del", "dello", "degli", "delle",
                                                "de", "des", "du", "der", "für", "для"};
constexpr std::string_view kNameJoiners[] = {"and", "und", "e", "et", "y", "и"};
constexpr std::string_view kCjkPronouns[] = {"他们", "她们", "我们", "他", "她", "我"};

template <size_t N>
bool in_list(const std::string_view (&list)[N], std::string_view key) {
  return std::find(std::begin(list), std::end(list), key) != std::end(list);
}

}  // namespace

// =============================================================================================
// [SECTION] attribution
// =============================================================================================
struct QuoteFinder::Impl {
  const QuoteFinder& f;
  std::string_view s;
  std::vector<std::string_view> langs;  // languages whose verbs are tried
  std::vector<Tok> toks;
  mutable std::string key;              // reused buffers for lexicon keys (no allocation per word)
  mutable std::string first_buf, lookup_buf;

  std::string_view tok_key(const Tok& t) const {
    key.clear();
    append_lexicon_key(s.substr(t.b, t.e - t.b), key);
    return key;
  }
  bool is_word(size_t i) const { return i < toks.size() && toks[i].kind == TokKind::Word; }
  bool is_punct(size_t i, char32_t c) const {
    return i < toks.size() && toks[i].kind == TokKind::Punct && toks[i].cp == c;
  }
  bool word_in(size_t i, auto& list) const { return is_word(i) && in_list(list, tok_key(toks[i])); }

  // Longest reporting verb starting at token i: its length in tokens (0 = none).
  size_t verb_at(size_t i, const VerbForm** form_out = nullptr) const {
    if (!is_word(i)) return 0;
    size_t best = 0;
    first_buf.assign(tok_key(toks[i]));
    for (std::string_view lang : langs) {
      lookup_buf.assign(lang).push_back('|');
      lookup_buf += first_buf;
      const auto it = f.verbs_by_first_word_.find(lookup_buf);
      if (it == f.verbs_by_first_word_.end()) continue;
      for (const VerbForm& form : it->second) {
        if (form.words.size() <= best) continue;
        bool ok = true;
        size_t t = i + 1, skipped = 0;
        for (size_t w = 1; w < form.words.size() && ok; ++w, ++t) {
          // One adverb may split a compound verb: "hanno inoltre sottolineato", "hat auch gesagt".
          if (skipped == 0 && word_in(t, kVerbSubjectAdverbs) && !(is_word(t) && tok_key(toks[t]) == form.words[w])) {
            ++t, ++skipped;
          }
          ok = is_word(t) && tok_key(toks[t]) == form.words[w];
        }
        if (ok && t - i > best) {
          best = t - i;
          if (form_out) *form_out = &form;
        }
      }
    }
    return best;
  }

  bool is_pronoun(size_t i) const { return word_in(i, kPronouns); }
  // Tokens taken by a title or role starting at token i (0 when none): the lexicon's forms,
  // longest first, and German compounds ending in a one-word title ("Finanzminister",
  // "Regierungssprecher"), which no list can enumerate.
  size_t title_len_at(size_t i) const {
    if (!is_word(i)) return 0;
    const std::string_view key = tok_key(toks[i]);
    for (std::string_view lang : langs) {
      const auto it = f.titles_.find(std::string(lang));
      if (it == f.titles_.end()) continue;
      for (const auto& words : it->second) {  // longest first
        bool ok = true;
        for (size_t w = 0; w < words.size() && ok; ++w) ok = is_word(i + w) && tok_key(toks[i + w]) == words[w];
        if (ok) return words.size();
      }
      if (lang == "de") {
        for (const auto& words : it->second) {
          // 6+ letters keeps "dr"/"herr" out; the compound must be longer than the title.
          if (words.size() == 1 && words[0].size() >= 6 && key.size() > words[0].size() + 2 && key.ends_with(words[0])) return 1;
        }
      }
    }
    return 0;
  }
  bool is_title_word(size_t i) const { return title_len_at(i) > 0; }

  // A name-like run starting at token i: capitalised words, particles and "and" between
  // capitalised words, initials. Returns the end token (== i when there is none).
  size_t name_run_forward(size_t i) const {
    size_t j = i, words = 0;
    while (j < toks.size() && words < kMaxSpeakerWords) {
      if (is_word(j) && toks[j].upper) {
        ++j, ++words;
        if (is_punct(j, '.') && toks[j - 1].e - toks[j - 1].b == 1 && is_word(j + 1) && toks[j + 1].upper) ++j;
        continue;
      }
      if (j > i && is_word(j) && is_word(j + 1) && toks[j + 1].upper &&
          (word_in(j, kNameParticles) || word_in(j, kNameJoiners))) {
        ++j, ++words;
        continue;
      }
      // "von der Leyen", "van den Berg"
      if (j > i && word_in(j, kNameParticles) && is_word(j + 1) && is_word(j + 2) && toks[j + 2].upper &&
          (tok_key(toks[j + 1]) == "der" || tok_key(toks[j + 1]) == "den")) {
        j += 2, words += 2;
        continue;
      }
      break;
    }
    return j;
  }
  // The same run ending just before token `end` (exclusive): returns its first token.
  size_t name_run_backward(size_t end, size_t floor) const {
    size_t j = end, words = 0;
    while (j > floor && words < kMaxSpeakerWords) {
      const size_t k = j - 1;
      if (is_word(k) && toks[k].upper) {
        --j, ++words;
        continue;
      }
      // "von der Leyen"
      if (j < end && k >= floor + 2 && (tok_key(toks[k]) == "der" || tok_key(toks[k]) == "den") &&
          word_in(k - 1, kNameParticles)) {
        j -= 2, words += 2;
        continue;
      }
      if (j < end && k > floor && is_word(k) && is_word(k - 1) && toks[k - 1].upper &&
          (word_in(k, kNameParticles) || word_in(k, kNameJoiners))) {
        --j, ++words;
        continue;
      }
      break;
    }
    return j;
  }

  // Drops sentence-initial function words and titles from the front of a run [b, e).
  // A run that is only a role ("ein Sprecher", "the minister") names nobody: empty.
  Span speaker_span(size_t b, size_t e) const {
    while (b < e && word_in(b, kLeadingFunctionWords)) ++b;
    // Titles: "Ministerpräsident Fumio Kishida", "Secretary General Mark Rutte", "Worte von
    // Ministerpräsident Fumio Kishida": the name starts after the last title of the run.
    // A department after a title ("ministro della Difesa Guido Crosetto", "Secretary of State
    // Marco Rubio") is one capitalised word after a linking word: skipped with the title.
    size_t name_b = b;
    for (size_t at = b; at < e; ++at) {
      size_t len = title_len_at(at);
      if (len == 0) continue;
      if (at + len >= e) return name_b == b && at == b ? Span{} : Span{toks[name_b].b, toks[at - 1].e};
      size_t next = at + len + (is_punct(at + len, '.') ? 1 : 0);
      if (word_in(next, kTitleLinkWords) && is_word(next + 1) && toks[next + 1].upper && next + 2 < e &&
          is_word(next + 2) && toks[next + 2].upper)
        next += 2;
      name_b = std::max(name_b, next);
      at = next - 1;
    }
    b = std::min(name_b, e);
    if (b >= e || is_pronoun(b)) return {};
    return Span{toks[b].b, toks[e - 1].e};
  }

  struct Attribution {
    Span cue, speaker;
    bool has_cue() const { return cue.size() > 0; }
  };

  Attribution make(size_t cue_b, size_t cue_len, Span speaker) const {
    return {Span{toks[cue_b].b, toks[cue_b + cue_len - 1].e}, speaker};
  }

  // Speaker after a verb at [i, i+len): "sagte Jun Nagashima", "betonte dann auch Kishida",
  // "according to Japanese newspapers,".
  Span speaker_after_verb(size_t after, const VerbForm* form) const {
    if (form && form->stance == "source") {
      // The source phrase runs to the next punctuation ("according to Japanese newspapers,").
      size_t e = after;
      while (e < toks.size() && toks[e].kind == TokKind::Word && e - after < kMaxSpeakerWords) ++e;
      if (e > after && is_word(after) && toks[after].upper) return speaker_span(after, e);
      // "zitiert die Veröffentlichung der Worte von Ministerpräsident Fumio Kishida": the last
      // name-like run of the clause.
      size_t last_b = e, last_e = e;
      for (size_t k = after; k < toks.size() && toks[k].kind == TokKind::Word && k < after + 12; ++k) {
        if (toks[k].upper) {
          const size_t run_end = name_run_forward(k);
          last_b = k, last_e = run_end;
          k = run_end - 1;
        }
      }
      if (last_e > last_b && last_e < toks.size() + 1) return speaker_span(last_b, last_e);
      return {};
    }
    size_t title_b = SIZE_MAX;  // where a lowercase title began ("il ministro della Difesa …")
    for (size_t skip = 0; skip <= 5; ++skip) {
      const size_t k = after + skip;
      if (!is_word(k)) break;
      if (toks[k].upper && !is_pronoun(k)) {
        const size_t e = name_run_forward(k);
        return speaker_span(title_b != SIZE_MAX ? title_b : k, e);
      }
      // "ha detto il presidente Sergio Mattarella": articles and lowercase titles may come first.
      const bool title = is_title_word(k);
      if (title && title_b == SIZE_MAX) title_b = k;
      const bool link = title_b != SIZE_MAX && word_in(k, kTitleLinkWords);
      if (is_pronoun(k) && !(skip == 0 && is_word(k + 1) && is_title_word(k + 1))) return {};
      if (word_in(k, kVerbSubjectAdverbs) || word_in(k, kLeadingFunctionWords) || title || link) continue;
      // A role no lexicon lists ("said chief financial officer Maria Lopez", "заявил министр
      // иностранных дел Сергей Лавров"): lowercase words up to the name, the name alone kept.
      if (word_in(k, kRoleStoppers)) break;
      title_b = SIZE_MAX;
      for (size_t j = k; j < after + 6 && is_word(j); ++j) {
        if (word_in(j, kRoleStoppers) || is_pronoun(j)) break;
        if (toks[j].upper) return speaker_span(j, name_run_forward(j));
      }
      break;
    }
    return {};
  }

  // After the closing mark: ", said Rutte" / ", Ishiba said" / ", — сказал он".
  Attribution after_latin(size_t close_end, size_t limit) {
    tokenize(s, close_end, limit, toks);
    size_t k = 0;
    while (k < toks.size() && toks[k].kind == TokKind::Punct && (toks[k].cp == ',' || is_dash_cp(toks[k].cp))) ++k;
    if (!is_word(k)) return {};
    const VerbForm* form = nullptr;
    if (const size_t len = verb_at(k, &form)) return make(k, len, speaker_after_verb(k + len, form));
    if (is_pronoun(k)) {
      for (size_t v = k + 1; v <= k + 2; ++v) {
        if (const size_t len = verb_at(v)) return make(v, len, {});
        if (!is_word(v) || toks[v].upper) break;
      }
      return {};
    }
    size_t name_b = k;
    // "…," chief executive Laura Bennett wrote: up to three lowercase words (a role no list
    // has) before the name, as long as a reporting verb follows the name.
    for (size_t j = k; j < k + 3 && is_word(j) && !toks[j].upper && !is_pronoun(j); ++j)
      if (is_word(j + 1) && toks[j + 1].upper) name_b = j + 1;
    const size_t run_end = name_run_forward(name_b);
    if (run_end == name_b) return {};
    for (size_t v = run_end; v <= run_end + 1; ++v) {  // "Rutte also said"
      if (const size_t len = verb_at(v)) return make(v, len, speaker_span(name_b, run_end));
      if (!is_word(v) || toks[v].upper) break;
    }
    return {};
  }

  // Before the opening mark, within its sentence: "Rutte stated, “…”", "X said the world is
  // “…”", "according to X, “…”", "Rutte: “…”". `adjacent_only`: the verb must end right at
  // the mark (terms in quotes).
  Attribution before_latin(size_t from, size_t open, bool adjacent_only) {
    tokenize(s, from, open, toks);
    // Start of the sentence: after the last . ! ? that is not an initial ("U.S.").
    size_t first = 0;
    for (size_t k = toks.size(); k-- > 0;) {
      const Tok& t = toks[k];
      if (t.kind == TokKind::Punct && (t.cp == '.' || t.cp == '!' || t.cp == '?' || t.cp == U'\u3002')) {
        const bool initial = k > 0 && is_word(k - 1) && toks[k - 1].e - toks[k - 1].b == 1;
        if (!initial) {
          first = k + 1;
          break;
        }
      }
    }
    const size_t n = toks.size();
    if (n == first) return {};
    // "Rutte: “…”" (headline style): the sentence is just a name and a colon.
    if (is_punct(n - 1, ':') && n - 1 > first) {
      const size_t b = name_run_backward(n - 1, first);
      if (b == first && b < n - 1) return {Span{}, speaker_span(b, n - 1)};
    }
    Attribution nearest;
    for (size_t i = n; i-- > first;) {
      const VerbForm* form = nullptr;
      const size_t len = verb_at(i, &form);
      if (!len) continue;
      if (adjacent_only) {
        const size_t end = i + len;
        const bool ends_here = end == n || (end + 1 == n && (is_punct(end, ':') || is_punct(end, ',')));
        // "sagte Kishida: „…“" — the inverted name may sit between the verb and the colon.
        size_t run_end = name_run_forward(end);
        const bool inverted = run_end > end && (run_end == n || (run_end + 1 == n && (is_punct(run_end, ':') || is_punct(run_end, ','))));
        if (!ends_here && !inverted) continue;
      }
      Span speaker;
      size_t b = name_run_backward(i, first);
      if (b == i && i > first + 1 && is_word(i - 1) && !toks[i - 1].upper && !is_pronoun(i - 1)) {
        b = name_run_backward(i - 1, first);  // one adverb between: "Rutte also said"
        if (b == i - 1) b = i;
        else speaker = speaker_span(b, i - 1);
      } else if (b < i) {
        speaker = speaker_span(b, i);
      }
      if (speaker.size() == 0 && !(b < i && is_pronoun(i - 1))) speaker = speaker_after_verb(i + len, form);
      Attribution a = make(i, len, speaker);
      if (speaker.size() > 0) return a;
      if (!nearest.has_cue()) nearest = a;
      if (adjacent_only) break;
    }
    return nearest;
  }

  // ---- CJK ------------------------------------------------------------------------------------
  // A reporting verb of a CJK language starting exactly at byte `pos`: its length, 0 if none.
  size_t cjk_verb_at(size_t pos, std::string_view only_lang = {}) const {
    size_t best = 0;
    for (std::string_view lang : langs) {
      if (!only_lang.empty() && lang != only_lang) continue;
      const auto it = f.cjk_verbs_.find(std::string(lang));
      if (it == f.cjk_verbs_.end()) continue;
      for (const VerbForm& v : it->second) {
        const std::string& w = v.words[0];
        if (w.size() > best && s.substr(pos, w.size()) == w) best = w.size();
      }
    }
    return best;
  }
  // The run of CJK characters that ends at `end`, at most `max_chars` long: its start.
  size_t cjk_run_back(size_t end, size_t max_chars) const {
    size_t b = end;
    for (size_t n = 0; n < max_chars && b > 0; ++n) {
      size_t start = b;
      const char32_t c = cp_before(s, b, &start);
      if (!is_cjk_cp(c) || c == U'\u3001' || c == U'\u3002') break;
      b = start;
    }
    return b;
  }
  Span cjk_speaker(size_t b, size_t e) const {
    std::string_view name = s.substr(b, e - b);
    for (std::string_view p : kCjkPronouns) if (name == p) return {};
    if (e <= b) return {};
    return Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
  }

  // 石破首相は「…」と述べた / “…”，王毅说 / 王毅表示：“…”.
  Attribution cjk(size_t open, size_t close_end, size_t line_b, size_t line_e) const {
    Attribution a;
    // Japanese: と + verb after the closing mark, the topic (…は / …が) before the opening one.
    size_t p = close_end;
    if (s.substr(p, 3) == "\u3068") {  // と
      if (const size_t len = cjk_verb_at(p + 3, "ja")) {
        a.cue = Span{static_cast<uint32_t>(p + 3), static_cast<uint32_t>(p + 3 + len)};
        const size_t b = cjk_run_back(open, 30);
        std::string_view clause = s.substr(b, open - b);
        size_t particle = std::string_view::npos;
        for (std::string_view part : {"\u306F", "\u304C"}) {  // は, が
          const size_t at = clause.find(part);
          if (at != std::string_view::npos && at > 0 && at < particle) particle = at;
        }
        if (particle != std::string_view::npos) a.speaker = cjk_speaker(b, b + particle);
        return a;
      }
    }
    // Chinese after: “…”，王毅说 / “…”他表示.
    size_t q = close_end;
    for (char32_t c = cp_at(s, q); c == U'\uFF0C' || c == ',' || is_space_cp(c); c = cp_at(s, q)) q += cp_len(s, q);
    for (size_t at = q, n = 0; at < line_e && n < 12; at += cp_len(s, at), ++n) {
      if (!is_cjk_cp(cp_at(s, at))) break;
      if (const size_t len = cjk_verb_at(at, "zh"); len && at > q) {  // a speaker in between
        a.cue = Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + len)};
        a.speaker = cjk_speaker(q, at);
        return a;
      }
    }
    // Chinese before: 王毅表示：“…” / 他说，“…”.
    size_t e = open;
    for (;;) {
      size_t start = e;
      const char32_t c = cp_before(s, e, &start);
      if (e > line_b && (c == U'\uFF1A' || c == ':' || c == U'\uFF0C' || c == ',' || is_space_cp(c))) e = start;
      else break;
    }
    for (size_t back = 0, at = e; back < 3 && at > line_b; ++back) {
      size_t start = at;
      cp_before(s, at, &start);
      at = start;
      if (const size_t len = cjk_verb_at(at, "zh"); len && at + len == e) {
        a.cue = Span{static_cast<uint32_t>(at), static_cast<uint32_t>(e)};
        a.speaker = cjk_speaker(cjk_run_back(at, 12), at);
        return a;
      }
    }
    return a;
  }
};

// =============================================================================================
// [SECTION] QuoteFinder
// =============================================================================================
bool is_term_quote(std::string_view quoted) {
  size_t words = 0, cjk = 0;
  bool in_word = false;
  for (size_t i = 0; i < quoted.size();) {
    const char32_t c = next_codepoint(quoted, i);
    if (c == '.' || c == '!' || c == '?' || c == U'\u3002' || c == ',' || c == U'\uFF0C' || c == ';') return false;
    if (is_cjk_cp(c)) {
      ++cjk;
      in_word = false;
      continue;
    }
    const bool w = is_word_cp(c) || c == '\'' || c == U'\u2019' || c == '-';
    if (w && !in_word) ++words;
    in_word = w;
  }
  if (cjk > 0) return cjk + words <= kMaxTermCjkChars;
  return words <= kMaxTermWords;
}

Result<QuoteFinder> QuoteFinder::load(const std::string& asset_dir) {
  Result<LexiconTable> verbs = load_lexicon(asset_dir, "reporting_verbs.tsv", 3);
  if (!verbs.ok()) return Result<QuoteFinder>::Error("quotes: " + verbs.error());
  QuoteFinder f;
  for (const auto& row : verbs->rows) {
    const std::string& lang = row[0];
    VerbForm form;
    form.stance = row[2];
    const bool cjk = lang == "ja" || lang == "zh";
    if (cjk) {
      form.words.push_back(row[1]);
      f.cjk_verbs_[lang].push_back(std::move(form));
    } else {
      std::vector<Tok> toks;
      tokenize(row[1], 0, row[1].size(), toks);
      for (const Tok& t : toks) {
        if (t.kind == TokKind::Word) form.words.push_back(lexicon_key(std::string_view(row[1]).substr(t.b, t.e - t.b)));
      }
      if (form.words.empty()) return Result<QuoteFinder>::Error("quotes: bad verb form '" + row[1] + "' in " + verbs->path);
      f.verbs_by_first_word_[lang + "|" + form.words[0]].push_back(std::move(form));
    }
    if (std::find(f.languages_.begin(), f.languages_.end(), lang) == f.languages_.end()) f.languages_.push_back(lang);
    ++f.verb_count_;
  }
  // Titles are optional: without them speakers keep their titles.
  Result<LexiconTable> titles = load_lexicon(asset_dir, "speaker_titles.tsv", 2);
  if (titles.ok()) {
    for (const auto& row : titles->rows) {
      std::vector<Tok> toks;
      tokenize(row[1], 0, row[1].size(), toks);
      std::vector<std::string> words;
      for (const Tok& t : toks) {
        if (t.kind == TokKind::Word) words.push_back(lexicon_key(std::string_view(row[1]).substr(t.b, t.e - t.b)));
      }
      if (!words.empty()) f.titles_[row[0]].push_back(std::move(words));
    }
    // Longest titles first ("prime minister" before "minister").
    for (auto& [lang, list] : f.titles_) {
      std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
    }
  }
  return f;
}

std::string_view QuoteFinder::stance(std::string_view cue_text, std::string_view lang) const {
  std::vector<Tok> toks;
  tokenize(cue_text, 0, cue_text.size(), toks);
  std::vector<std::string> words;
  for (const Tok& t : toks) {
    if (t.kind != TokKind::Punct) words.push_back(lexicon_key(cue_text.substr(t.b, t.e - t.b)));
  }
  if (words.empty()) return {};
  for (const std::string& l : languages_) {
    if (!lang.empty() && lang != "und" && std::find(languages_.begin(), languages_.end(), lang) != languages_.end() && l != lang) continue;
    if (const auto it = cjk_verbs_.find(l); it != cjk_verbs_.end()) {
      for (const VerbForm& v : it->second) if (v.words[0] == cue_text) return v.stance;
    }
    if (const auto it = verbs_by_first_word_.find(l + "|" + words[0]); it != verbs_by_first_word_.end()) {
      for (const VerbForm& v : it->second) if (v.words == words) return v.stance;
    }
  }
  return {};
}

std::vector<QuoteInfo> QuoteFinder::find(std::string_view text, std::string_view lang) const {
  std::vector<QuoteInfo> out;
  if (text.empty()) return out;
  Impl impl{*this, text, {}, {}, {}};
  if (std::find(languages_.begin(), languages_.end(), lang) != languages_.end()) {
    impl.langs.push_back(lang);
  } else {
    for (const std::string& l : languages_) impl.langs.push_back(l);
  }
  const bool cjk_lang = lang == "ja" || lang == "zh";

  const std::vector<Span> lines = split_lines(text);
  std::vector<int> quotes_in_line(lines.size(), 0);
  std::vector<size_t> last_quote_of_line(lines.size(), 0);

  auto attribute = [&](size_t open, size_t close_end, size_t line_b, size_t line_e, bool term) {
    Impl::Attribution a;
    const char32_t before = cp_before(text, open);
    const bool cjk = cjk_lang || is_cjk_cp(before) || is_cjk_cp(cp_at(text, close_end));
    if (cjk) return impl.cjk(open, close_end, line_b, line_e);
    const size_t after_limit = std::min(line_e, snap_forward(text, close_end + kMaxAttributionBytes));
    a = impl.after_latin(close_end, after_limit);
    if (a.speaker.size() > 0 || (term && a.has_cue())) return a;  // the after pattern is adjacent
    const size_t before_from = std::max(line_b, open > kMaxAttributionBytes ? snap_forward(text, open - kMaxAttributionBytes) : size_t{0});
    Impl::Attribution b = impl.before_latin(before_from, open, term);
    if (b.speaker.size() > 0 || !a.has_cue()) return b;
    return a;
  };

  for (size_t li = 0, i = lines.empty() ? 0 : lines[0].begin; li < lines.size();) {
    if (i >= lines[li].end) {
      if (++li < lines.size()) i = lines[li].begin;
      continue;
    }
    // Quote marks are '"', '\'' or start with byte 0xC2 (« »), 0xE2 (“ ” „ ‘ ’ ‹ ›) or 0xE3
    // (「 」 『 』): skip every other byte without decoding it.
    const unsigned char first_byte = static_cast<unsigned char>(text[i]);
    if (first_byte != '"' && first_byte != '\'' && first_byte != 0xC2 && first_byte != 0xE2 && first_byte != 0xE3) {
      ++i;
      continue;
    }
    const size_t open = i;
    const char32_t cp = next_codepoint(text, i);
    const Closers c = closers_for(cp);
    if (c.cps[0] == 0 || !is_opening_at(text, open, cp)) continue;
    // Close in this line; else the multi-paragraph convention; else an unclosed opener.
    const Span lead = trim_span(text, lines[li].begin, static_cast<uint32_t>(open));
    const char32_t lead_last = cp_before(text, lead.end);
    const bool line_initial = lead.size() == 0 || lead_last == ':' || is_dash_cp(lead_last);
    const bool may_stay_open = line_initial && !c.single && cp != '"';
    std::vector<Span> pieces;
    size_t body = i, cur = li, close = find_closer(text, body, lines[cur].end, cp, c);
    while (close == std::string_view::npos && may_stay_open && cur + 1 < lines.size() &&
           pieces.size() < kMaxContinuedParagraphs && cp_at(text, lines[cur + 1].begin) == cp) {
      pieces.push_back(trim_span(text, static_cast<uint32_t>(body), lines[cur].end));
      ++cur;
      body = lines[cur].begin + cp_len(text, lines[cur].begin);
      close = find_closer(text, body, lines[cur].end, cp, c);
    }
    size_t close_end;
    if (close != std::string_view::npos) {
      pieces.push_back(trim_span(text, static_cast<uint32_t>(body), static_cast<uint32_t>(close)));
      close_end = close + cp_len(text, close);
    } else if (may_stay_open) {
      pieces.push_back(trim_span(text, static_cast<uint32_t>(body), lines[cur].end));
      close_end = lines[cur].end;
    } else {
      continue;  // a stray mark: ignore it, keep scanning after it
    }
    std::erase_if(pieces, [](Span p) { return p.size() == 0; });
    const size_t quote_line = li;
    li = cur;  // scanning goes on after the closing mark, in the line where the quote ended
    i = close_end;
    if (pieces.empty()) continue;
    const bool term = pieces.size() == 1 && is_term_quote(text.substr(pieces[0].begin, pieces[0].size()));
    Impl::Attribution a = attribute(open, close_end, lines[quote_line].begin, lines[cur].end, term);
    for (Span p : pieces) out.push_back(QuoteInfo{p, a.speaker, a.cue});
    quotes_in_line[cur] += 1;
    last_quote_of_line[cur] = out.size() - 1;
  }

  // Unmarked quotes: "– betonte dann auch Kishida." attributes the line before it.
  for (size_t li = 1; li < lines.size(); ++li) {
    const Span line = lines[li];
    // Only lines that start with a dash or a lowercase letter can attribute the line before.
    const char32_t first_cp = cp_at(text, line.begin);
    if (!is_dash_cp(first_cp) && !(is_word_cp(first_cp) && !is_upper_cp(first_cp) && !is_cjk_cp(first_cp))) continue;
    const size_t limit = std::min<size_t>(line.end, snap_forward(text, line.begin + kMaxAttributionBytes));
    tokenize(text, line.begin, limit, impl.toks);
    size_t k = 0;
    if (!impl.toks.empty() && impl.toks[0].kind == TokKind::Punct && is_dash_cp(impl.toks[0].cp)) k = 1;
    else if (!impl.is_word(0) || impl.toks[0].upper) continue;
    const VerbForm* form = nullptr;
    const size_t len = impl.verb_at(k, &form);
    if (!len) continue;
    const Span speaker = impl.speaker_after_verb(k + len, form);
    if (speaker.size() == 0) continue;
    const Span cue{impl.toks[k].b, impl.toks[k + len - 1].e};
    const Span prev = lines[li - 1];
    if (quotes_in_line[li - 1] > 0) {
      QuoteInfo& q = out[last_quote_of_line[li - 1]];
      const Span rest = trim_span(text, q.span.end, prev.end);
      if (q.speaker.size() == 0 && !is_term_quote(text.substr(q.span.begin, q.span.size())) && rest.size() <= 4) {
        q.speaker = speaker;
        q.cue = cue;
      }
      continue;
    }
    Span body = prev;
    // Drop a leading list dash; keep the sentence as written.
    if (is_dash_cp(cp_at(text, body.begin))) body = trim_span(text, body.begin + static_cast<uint32_t>(cp_len(text, body.begin)), body.end);
    if (body.size() > 0) out.push_back(QuoteInfo{body, speaker, cue});
  }
  std::sort(out.begin(), out.end(), [](const QuoteInfo& a, const QuoteInfo& b) { return a.span.begin < b.span.begin; });
  return out;
}

// =============================================================================================
// [SECTION] speakers from the recogniser's person mentions
// =============================================================================================
namespace {

// Subject pronouns per language (kPronouns mixes languages: Italian "il" is an article).
bool is_subject_pronoun(std::string_view key, std::string_view lang) {
  static const std::unordered_map<std::string_view, std::vector<std::string_view>> by_lang = {
      {"en", {"he", "she", "they", "we", "i", "you"}},
      {"de", {"er", "sie", "wir", "ich"}},
      {"it", {"lui", "lei", "egli", "essa", "loro", "noi", "io"}},
      {"fr", {"il", "elle", "ils", "elles", "nous", "je", "on"}},
      {"es", {"él", "el", "ella", "ellos", "ellas", "yo"}},  // "el": accents are folded away
      {"ru", {"он", "она", "они", "мы", "я", "вы"}}};
  const auto it = by_lang.find(lang);
  return it != by_lang.end() && std::find(it->second.begin(), it->second.end(), key) != it->second.end();
}

bool overlaps(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

// Quote marks that open or close a quotation (not ' and ’, which are apostrophes too: "dell'Economia").
bool is_quotation_cp(char32_t c) {
  return c == '"' || c == 0xAB || c == 0xBB || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x300C ||
         c == 0x300D || c == 0x300E || c == 0x300F || c == 0x2039 || c == 0x203A;
}

// The words of text[b, e) as lexicon keys (folded), or nullopt when the stretch holds sentence
// punctuation, a colon, a quote mark or a line break (a speaker is never across those).
std::optional<std::vector<std::string>> gap_words(std::string_view text, uint32_t b, uint32_t e) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    std::string key;
    append_lexicon_key(word, key);
    words.push_back(std::move(key));
    word.clear();
  };
  for (size_t i = b; i < e;) {
    const char32_t c = cp_at(text, i);
    const size_t n = std::max<size_t>(1, cp_len(text, i));
    if (c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == '\n' || is_quotation_cp(c)) return std::nullopt;
    if (c == ' ' || c == ',' || c == 0xA0 || c == '\t' || is_dash_cp(c)) flush();
    else word.append(text.substr(i, n));
    i += n;
  }
  flush();
  return words;
}

// The word (as a lexicon key) just before byte `pos` (forward = false) or just after it,
// across spaces only; empty when punctuation comes first.
std::string word_next_to(std::string_view text, uint32_t pos, bool forward) {
  size_t b = pos, e = pos;
  if (forward) {
    while (b < text.size() && text[b] == ' ') ++b;
    e = b;
    while (e < text.size() && is_word_cp(cp_at(text, e))) e += std::max<size_t>(1, cp_len(text, e));
  } else {
    while (e > 0 && text[e - 1] == ' ') --e;
    b = e;
    size_t start = b;
    while (b > 0 && is_word_cp(cp_before(text, b, &start))) b = start;
  }
  std::string key;
  if (e > b) append_lexicon_key(text.substr(b, e - b), key);
  return key;
}

}  // namespace

void refine_speakers(std::string_view text, std::string_view lang, Analysis& a) {
  if (lang == "ja" || lang == "zh" || a.mentions.empty()) return;
  constexpr size_t kMaxGapWords = 8;
  for (QuoteInfo& q : a.quotes) {
    if (q.cue.size() == 0) continue;
    // A pronoun subject right before or after the verb: the person nearby is someone else.
    if (is_subject_pronoun(word_next_to(text, q.cue.begin, false), lang) ||
        is_subject_pronoun(word_next_to(text, q.cue.end, true), lang))
      continue;
    // The finder named a speaker: the recogniser may cut a role off its front or finish a name
    // the finder cut at kMaxSpeakerWords ("Ursula von der" -> "Ursula von der Leyen"). A person
    // mention that starts before it or stops short is a boundary error of the recogniser's
    // ("Difesa Guido Crosetto", "Annalena" for "Annalena Baerbock"), and "Ishiba e Rutte" is two.
    if (q.speaker.size()) {
      const MentionInfo* inside = nullptr;
      size_t persons = 0;
      bool other_boundary = false;
      for (const MentionInfo& m : a.mentions) {
        if (m.type != EntityType::Person || !overlaps(m.span, q.speaker)) continue;
        ++persons;
        if (m.span.end >= q.speaker.end && m.span.begin >= q.speaker.begin) inside = &m;
        else other_boundary = true;
      }
      if (persons > 1 || other_boundary) continue;
      if (inside) {
        q.speaker = inside->span;
        continue;
      }
    }
    const MentionInfo* best = nullptr;
    size_t best_gap = SIZE_MAX;
    const MentionInfo* org_speaker = nullptr;  // an organisation the finder named as the speaker
    for (const MentionInfo& m : a.mentions) {
      if (q.speaker.size() && overlaps(m.span, q.speaker) && m.type == EntityType::Organisation) org_speaker = &m;
      if (m.type != EntityType::Person || overlaps(m.span, q.span) || overlaps(m.span, q.cue)) continue;
      const bool after_verb = m.span.begin >= q.cue.end;
      const uint32_t gb = after_verb ? q.cue.end : m.span.end, ge = after_verb ? m.span.begin : q.cue.begin;
      if (ge - gb > kMaxAttributionBytes || (q.span.begin >= gb && q.span.begin < ge)) continue;
      const auto words = gap_words(text, gb, ge);
      if (!words || words->size() > kMaxGapWords) continue;
      if (ge - gb < best_gap) best = &m, best_gap = ge - gb;
    }
    if (!best) continue;
    if (org_speaker && !overlaps(best->span, q.speaker)) {
      // "del Gobierno, María Jesús Montero": the person in apposition to the organisation speaks;
      // "the Kremlin said in a statement, citing Putin": the organisation does.
      const uint32_t gb = std::min(org_speaker->span.end, best->span.end), ge = std::max(org_speaker->span.begin, best->span.begin);
      const auto between = gap_words(text, std::min(gb, ge), std::max(gb, ge));
      if (!between || !between->empty()) continue;
    }
    q.speaker = best->span;
  }
}

}  // namespace px
