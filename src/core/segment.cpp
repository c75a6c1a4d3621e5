// segment.cpp — see segment.h.
#include "segment.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <unordered_set>
#include <utility>

#include <utf8proc.h>

#include "cjk_dict.h"
#include "encoding.h"
#include "text_fold.h"

namespace px {

// ---- shared data ----------------------------------------------------------------------------
struct SegmenterData {
  std::string abbrev_text;  // abbrev.txt as loaded; the sets below view into it
  std::vector<std::pair<std::string, std::unordered_set<std::string_view>>> abbrevs;  // per lang
  CjkDictionary ja, zh;

  const std::unordered_set<std::string_view>* abbrevs_for(std::string_view lang) const {
    for (const auto& [l, set] : abbrevs)
      if (l == lang) return &set;
    return nullptr;
  }
  std::unordered_set<std::string_view>& abbrevs_mut(std::string_view lang) {
    for (auto& [l, set] : abbrevs)
      if (l == lang) return set;
    abbrevs.emplace_back(std::string(lang), std::unordered_set<std::string_view>{});
    return abbrevs.back().second;
  }
};

namespace {

// Abbreviations CLDR lacks that news text needs (titles before names, months, common
// lowercase forms). Kept short: the lower-case-next-word rule already covers most others.
struct Supplement {
  std::string_view lang;
  std::string_view words;  // space separated
};
constexpr Supplement kSupplement[] = {
    {"en", "Dr. Gen. Gov. Sen. Jr. Sr. St. Adm. Brig. Cmdr. Pres. Rt. Hon. Apr. Jul. Oct. approx. "
           "e.g. i.e. cf. Fig. Vol. Nos. Ave."},
    {"de", "Dr. bzw. usw. ca. d.h. v.a. z.T. insb. Jh. Jhd. Bsp. Prof. Präs. Abg. Tsd. ggü. Mill. "
           "Jan. Febr. Mär. Apr. Jun. Jul. Okt."},
    {"it", "ecc. Sen. sen. On. Dott. Prof. prof. Avv. Sigg. Gen. gen. art. artt. es. Mons. Card. "
           "p.es. ca."},
    {"fr", "Mgr. Pr. Dr. St. Ste. env. cf. p. pp. art. chap. vol. etc. Gén."},
    {"es", "Gral. Pdte. pág. núm. aprox. art. Sr. Sra. Dr. Dra. etc."},
    {"ru", "гг. т.е. т.д. т.п. др. пр. им. ст. см. млн. млрд. долл. акад. ген. ок. "
           "св. стр. обл. г-н. г-жа."},
    {"pt", "Sr. Sra. Dr. Dra. Gen. Pres. etc."},
};

// CLDR suppressions that are ordinary words or acronyms that often end news sentences
// ("... the Inflation Reduction Act. The ..." / "... in Washington, DC. It ...").
constexpr std::string_view kDenied[] = {
    "Act.", "All.", "As.",  "By.",  "Do.",   "Go.",   "In.",   "Is.",  "On.",  "Or.",  "To.",
    "Up.",  "Job.", "Joe.", "Link.", "Hat.", "Long.", "Mart.", "Card.", "Ok.", "OK.",  "Id.",
    "Ex.",  "Min.", "Pro.", "Op.",  "Def.",  "Lib.",  "Var.",  "Est.", "Cont.", "Misc.", "DC.",
    "PC.",  "AA.",  "AB.",  "AD.",  "Test.", "App.", "Max.",  "PIN.", "Mind.", "Best.", "Int.",
    "Trans.", "Fam.", "Kit.", "Rol.", "Bien.", "Sol.", "Reg.", "RAM.", "Korn.", "Trab.",
    "Fabric.", "SA.", "CA.", "Da.", "Em.", "Seg.", "Desv.", "Jam.", "Hz."};

// Japanese particles, auxiliaries and common inflections, written in hiragana. ja.words holds
// only headwords with a kanji (kana-only headwords are mostly readings that glue particles
// together); these let "準備はできている" come out as 準備 / は / でき / ている.
constexpr std::string_view kJapaneseFunctionWords =
    "は\nが\nを\nに\nで\nと\nの\nも\nへ\nや\nか\nね\nよ\nな\nば\nて\nから\nまで\nより\nなど\n"
    "ても\nでも\nには\nでは\nとは\nへの\nでの\nからの\nまでの\nとの\nとして\nについて\nによる\n"
    "により\nによって\nにおいて\nに対する\nに対して\nため\nこと\nもの\nよう\nところ\nこれ\nそれ\n"
    "あれ\nこの\nその\nあの\nどの\nここ\nそこ\nまた\nさらに\nしかし\nただ\nなお\nおよび\n"
    "た\nだ\nです\nます\nました\nません\nない\nなかった\nれる\nられる\nせる\nさせる\n"
    "ている\nていた\nていく\nてきた\nておく\nており\nてい\nした\nする\nして\nされ\nされた\n"
    "される\nすると\nしない\nしている\nしていた\nしており\nある\nあった\nいる\nいた\nおり\n"
    "なる\nなった\nなり\nという\nといった\nような\nように\nだった\nでした\nであり\nである\n"
    "でき\nできる\nできた\nたい\nたち\nなく\nなければ\nべき\nほか\nほど\nだけ\nまま\n";

// Languages writing ordinal numbers with a period ("22. Mai", "3. května").
constexpr std::string_view kOrdinalDotLangs[] = {"de", "da", "nb", "no", "nn", "fi", "cs", "sk",
                                                 "sl", "hr", "sr", "bs", "pl", "hu", "et", "lv",
                                                 "is", "fo"};
// German words after which "N." is an ordinal, and month names that may follow one.
constexpr std::string_view kGermanOrdinalBefore[] = {
    "am", "Am", "vom", "Vom", "zum", "bis", "seit", "Seit", "ab", "Ab", "der", "die", "das",
    "dem", "den", "des", "Der", "Die", "Das", "im", "Im", "beim", "zur", "und", "oder", "den"};
constexpr std::string_view kGermanMonths[] = {
    "Januar", "Jänner", "Februar", "Feber", "März", "April", "Mai", "Juni", "Juli", "August",
    "September", "Oktober", "November", "Dezember", "Jan.", "Feb.", "Febr.", "Mär.", "Apr.",
    "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Okt.", "Nov.", "Dez."};

// ---- characters -----------------------------------------------------------------------------
enum class Cls : uint8_t { Space, Letter, Digit, Mark, Han, Hiragana, Katakana, Other };

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
         c == 0xA0 || c == 0x3000 || c == 0x202F || c == 0x205F || c == 0x2028 ||
         c == 0x2029 || c == 0xFEFF || (c >= 0x2000 && c <= 0x200B);
}

Cls classify(char32_t c) {
  if (c < 0x80) {
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return Cls::Letter;
    if (c >= '0' && c <= '9') return Cls::Digit;
    return is_space(c) ? Cls::Space : Cls::Other;
  }
  if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x323AF) ||
      c == 0x3005 || c == 0x3006 || c == 0x3007 || c == 0x303B ||
      c == 0x30F5 || c == 0x30F6)  // ヵ ヶ read as counters inside kanji words (関ヶ原)
    return Cls::Han;
  if ((c >= 0x3041 && c <= 0x3096) || (c >= 0x3099 && c <= 0x309F)) return Cls::Hiragana;
  if ((c >= 0x30A1 && c <= 0x30FA) || (c >= 0x30FC && c <= 0x30FF) ||
      (c >= 0x31F0 && c <= 0x31FF) || (c >= 0xFF66 && c <= 0xFF9F))
    return Cls::Katakana;
  if (is_space(c)) return Cls::Space;
  switch (utf8proc_category_t(unicode_category(c))) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
      return Cls::Letter;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
      return Cls::Mark;
    case UTF8PROC_CATEGORY_ND:
      return Cls::Digit;
    default:
      return c == 0x200C || c == 0x200D ? Cls::Mark : Cls::Other;  // ZWNJ/ZWJ join words
  }
}

bool is_lower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return utf8proc_category_t(unicode_category(c)) == UTF8PROC_CATEGORY_LL;
}

bool is_cjk_terminator(char32_t c) {
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF0E || c == 0xFF61;  // 。！？．｡
}
bool is_terminator(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x203C || c == 0x2047 ||
         c == 0x2048 || c == 0x2049 || is_cjk_terminator(c);
}
// Closing brackets: always belong to the sentence they close.
bool is_closing_bracket(char32_t c) {
  return c == ')' || c == ']' || c == '}' || c == 0xFF09 || c == 0x300D || c == 0x300F ||
         c == 0x3011 || c == 0x3015 || c == 0x3009 || c == 0x300B || c == 0xFF3D || c == 0x3017;
}
// Quote marks: which side they close depends on the language („…“ »…« «…» “…”), so after a
// terminator any of them closes when followed by a space, the end, or another closer.
bool is_quote(char32_t c) {
  return c == '"' || c == '\'' || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 ||
         c == 0x00BB || c == 0x00AB || c == 0x203A || c == 0x2039 || c == 0xFF02;
}
bool is_opening_punct(char32_t c) {
  return c == '(' || c == '[' || c == '{' || c == '"' || c == '\'' || c == 0x201C ||
         c == 0x201E || c == 0x2018 || c == 0x201A || c == 0x00AB || c == 0x00BB ||
         c == 0x2039 || c == 0x00BF || c == 0x00A1 || c == 0x300C || c == 0x300E || c == 0xFF08;
}

char32_t peek(std::string_view s, size_t i, size_t* next = nullptr) {
  size_t j = i;
  char32_t c = next_codepoint(s, j);
  if (next) *next = j;
  return c;
}
// Start of the code point that ends just before byte `i`.
size_t prev_start(std::string_view s, size_t i) {
  if (i == 0) return 0;
  --i;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return i;
}

// Primary language subtag, lower case: "pt-BR" -> "pt".
struct Lang {
  char code[4] = {0, 0, 0, 0};
  std::string_view view() const { return std::string_view(code); }
  bool is(std::string_view l) const { return view() == l; }
};
Lang primary_language(std::string_view lang) {
  Lang l;
  for (size_t i = 0; i < lang.size() && i < 3; ++i) {
    char c = lang[i];
    if (c == '-' || c == '_') break;
    l.code[i] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return l;
}

template <size_t N>
bool in_list(const std::string_view (&list)[N], std::string_view w) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

// ---- sentence rules -------------------------------------------------------------------------
class SentenceSplitter {
 public:
  SentenceSplitter(std::string_view text, Lang lang, const SegmenterData& data)
      : text_(text), lang_(lang) {
    abbrevs_ = data.abbrevs_for(lang.view());
    if (!abbrevs_) abbrevs_ = data.abbrevs_for("en");  // Latin-script default: titles, months
  }

  void run(uint32_t offset, std::vector<Span>& out) {
    const size_t n = text_.size();
    size_t start = 0, i = 0;
    while (i < n) {
      unsigned char c = static_cast<unsigned char>(text_[i]);
      if (c == '\n') {
        if (newline_ends_sentence(start, i)) {
          emit(start, i, offset, out);
          start = i + 1;
        }
        ++i;
        continue;
      }
      if (c < 0x80 && c != '.' && c != '!' && c != '?') { ++i; continue; }  // fast path
      size_t j;
      char32_t cp = peek(text_, i, &j);
      if (!is_terminator(cp)) { i = j; continue; }
      // The cluster of terminators: "?!", "...", "。」"...
      bool cjk = is_cjk_terminator(cp);
      int periods = cp == '.', others = cp != '.' && cp != 0x2026;
      bool ellipsis = cp == 0x2026;
      size_t k = j;
      while (k < n) {
        size_t t;
        char32_t c2 = peek(text_, k, &t);
        if (!is_terminator(c2)) break;
        cjk |= is_cjk_terminator(c2);
        periods += c2 == '.';
        others += c2 != '.' && c2 != 0x2026;
        ellipsis |= c2 == 0x2026;
        k = t;
      }
      ellipsis |= periods >= 2;
      bool closed = false;
      size_t end = absorb_closers(k, cjk, closed);
      bool single_period = periods == 1 && others == 0 && !ellipsis;
      if (is_boundary(i, end, cjk, closed, single_period)) {
        emit(start, end, offset, out);
        start = end;
      }
      i = std::max(end, j);
    }
    emit(start, n, offset, out);
  }

 private:
  void emit(size_t a, size_t b, uint32_t offset, std::vector<Span>& out) const {
    while (a < b) {
      size_t t;
      if (!is_space(peek(text_, a, &t))) break;
      a = t;
    }
    while (b > a) {
      size_t p = prev_start(text_, b);
      if (!is_space(peek(text_, p))) break;
      b = p;
    }
    if (a < b) out.push_back({offset + static_cast<uint32_t>(a), offset + static_cast<uint32_t>(b)});
  }

  // Closing quotes and brackets right after a terminator belong to the sentence; so does a
  // French closing guillemet after a (non-breaking) space: « Nous sommes prêts. »
  // After a CJK full stop every quote closes (“我们准备好了。”他说).
  size_t absorb_closers(size_t k, bool cjk, bool& closed) const {
    const size_t n = text_.size();
    while (k < n) {
      size_t t;
      char32_t c = peek(text_, k, &t);
      if (is_closing_bracket(c)) { k = t; closed = true; continue; }
      if (is_quote(c)) {
        if (t >= n || cjk) { k = t; closed = true; continue; }
        char32_t after = peek(text_, t);
        Cls after_cls = classify(after);
        if (is_space(after) || is_closing_bracket(after) || is_quote(after) || is_terminator(after) ||
            after_cls == Cls::Han || after_cls == Cls::Hiragana || after_cls == Cls::Katakana) {
          k = t; closed = true; continue;
        }
        break;
      }
      if ((c == ' ' || c == 0xA0 || c == 0x202F) && t < n) {
        size_t t2;
        if (peek(text_, t, &t2) == 0x00BB) { k = t2; closed = true; continue; }
      }
      break;
    }
    return k;
  }

  bool is_boundary(size_t term, size_t end, bool cjk, bool closed, bool single_period) const {
    const size_t n = text_.size();
    if (end >= n) return true;
    size_t t;
    char32_t next = peek(text_, end, &t);
    if (cjk) {
      // 「…。」と述べた: a quotation particle continues the sentence.
      return !(closed && classify(next) == Cls::Hiragana);
    }
    if (!is_space(next)) {
      // "3.5", "U.S", "example.com" have no space; CJK text may use ASCII ! and ?.
      Cls c = classify(next);
      return !single_period && (c == Cls::Han || c == Cls::Hiragana || c == Cls::Katakana);
    }
    size_t w = end;  // first character of the next sentence
    while (w < n) {
      size_t t2;
      if (!is_space(peek(text_, w, &t2))) break;
      w = t2;
    }
    if (w >= n) return true;
    char32_t first = peek(text_, w);
    if (is_lower(first)) return false;  // sentences do not start in lower case
    if (!single_period) return true;
    return !period_is_abbreviation(term, w);
  }

  // The '.' at `dot` follows an abbreviation, an initial or an ordinal; `next_word` is where
  // the following text starts.
  bool period_is_abbreviation(size_t dot, size_t next_word) const {
    size_t b = dot;  // start of the token ending at the dot
    while (b > 0) {
      size_t p = prev_start(text_, b);
      if (is_space(peek(text_, p))) break;
      b = p;
    }
    while (b < dot) {  // strip opening punctuation: "(Dr." -> "Dr."
      size_t t;
      if (!is_opening_punct(peek(text_, b, &t))) break;
      b = t;
    }
    if (b == dot) return false;
    std::string_view word = text_.substr(b, dot + 1 - b);  // with the period
    if (is_known_abbreviation(word)) return true;
    // Two or three tokens: "z. B.", "до н. э.", "v. Chr."
    size_t from = b;
    for (int extra = 0; extra < 2; ++extra) {
      if (from < 2 || text_[from - 1] != ' ') break;
      size_t p = from - 1;
      while (p > 0 && text_[p - 1] != ' ' && text_[p - 1] != '\n') --p;
      if (p == from - 1) break;
      from = p;
      if (is_known_abbreviation(text_.substr(from, dot + 1 - from))) return true;
    }
    std::string_view stem = word.substr(0, word.size() - 1);
    size_t t;
    char32_t first = peek(stem, 0, &t);
    if (t == stem.size() && classify(first) == Cls::Letter) return true;  // initial: "A.", "т."
    if (is_dotted_abbreviation(stem)) return true;                         // "U.S", "S.p.A"
    if (is_ordinal_number(stem, b, next_word)) return true;
    return false;
  }

  bool is_known_abbreviation(std::string_view word) const {
    return abbrevs_ && abbrevs_->count(word) > 0;
  }

  // Letters in groups of 1..3 separated by periods, at least two groups.
  static bool is_dotted_abbreviation(std::string_view s) {
    int groups = 0, len = 0;
    for (size_t i = 0; i < s.size();) {
      char32_t c = next_codepoint(s, i);
      if (c == '.') {
        if (len == 0) return false;
        ++groups;
        len = 0;
      } else if (classify(c) == Cls::Letter) {
        if (++len > 3) return false;
      } else {
        return false;
      }
    }
    return len > 0 && groups >= 1;
  }

  bool is_ordinal_number(std::string_view stem, size_t token_begin, size_t next_word) const {
    if (stem.empty() || stem.size() > 2) return false;
    for (char c : stem)
      if (c < '0' || c > '9') return false;
    if (!in_list(kOrdinalDotLangs, lang_.view())) return false;
    // Next word a month: "22. Mai 2025".
    size_t e = next_word;
    while (e < text_.size() && !is_space(peek(text_, e)) && text_[e] != ',') {
      size_t t;
      peek(text_, e, &t);
      e = t;
    }
    if (in_list(kGermanMonths, text_.substr(next_word, e - next_word))) return true;
    // Previous word an article or preposition: "am 3. Oktober", "der 2. Weltkrieg".
    if (token_begin < 2 || text_[token_begin - 1] != ' ') return false;
    size_t p = token_begin - 1;
    while (p > 0 && !is_space(static_cast<unsigned char>(text_[p - 1]))) --p;
    return in_list(kGermanOrdinalBefore, text_.substr(p, token_begin - 1 - p));
  }

  // A single newline ends a sentence (headlines, list items) unless the next line continues
  // in lower case (a hard-wrapped paragraph). A blank line always ends one.
  bool newline_ends_sentence(size_t start, size_t nl) const {
    bool content = false;
    for (size_t p = start; p < nl && !content; ++p)
      content = !is_space(static_cast<unsigned char>(text_[p]));
    if (!content) return false;
    size_t w = nl + 1;
    while (w < text_.size()) {
      size_t t;
      char32_t c = peek(text_, w, &t);
      if (c == '\n') return true;
      if (!is_space(c)) return !is_lower(c);
      w = t;
    }
    return true;
  }

  std::string_view text_;
  Lang lang_;
  const std::unordered_set<std::string_view>* abbrevs_ = nullptr;
};

// ---- word rules -----------------------------------------------------------------------------
bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != prefix[i]) return false;
  }
  return true;
}

bool is_word_char(Cls c) { return c == Cls::Letter || c == Cls::Digit || c == Cls::Mark; }

bool is_trailing_url_punct(char32_t c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
         c == ']' || c == '}' || c == '"' || c == '\'' || c == 0x201D || c == 0x2019 ||
         c == 0x00BB || c == 0x2026;
}

// English clitics split off a word: NATO's -> NATO 's.
constexpr std::string_view kEnglishClitics[] = {"s", "re", "ve", "ll", "d", "m"};
// French/Italian elided words are short ("l'", "dell'", "quell'") or end in "qu" ("jusqu'").
constexpr size_t kMaxElidedChars = 5;

class WordSplitter {
 public:
  WordSplitter(std::string_view text, Lang lang, const SegmenterData& data, uint32_t offset,
               std::vector<Span>& out)
      : text_(text), lang_(lang), data_(data), offset_(offset), out_(out) {
    elision_ = lang.is("fr") || lang.is("it") || lang.is("ca");
    english_ = lang.is("en");
  }

  void run() {
    const size_t n = text_.size();
    size_t i = 0;
    while (i < n) {
      size_t j;
      char32_t cp = peek(text_, i, &j);
      Cls c = classify(cp);
      if (c == Cls::Han || c == Cls::Hiragana) {
        i = cjk_run(i, c);
      } else if (c == Cls::Katakana) {
        size_t k = j;
        while (k < n) {
          size_t t;
          if (classify(peek(text_, k, &t)) != Cls::Katakana) break;
          k = t;
        }
        push(i, k);
        i = k;
      } else if (is_word_char(c)) {
        i = alnum_token(i, j, c);
      } else {
        i = j;
      }
    }
  }

 private:
  void push(size_t a, size_t b) {
    if (a < b) out_.push_back({offset_ + static_cast<uint32_t>(a), offset_ + static_cast<uint32_t>(b)});
  }

  size_t cjk_run(size_t i, Cls first) {
    const size_t n = text_.size();
    bool kana = first == Cls::Hiragana;
    size_t k = i;
    while (k < n) {
      size_t t;
      Cls c = classify(peek(text_, k, &t));
      if (c != Cls::Han && c != Cls::Hiragana) break;
      kana |= c == Cls::Hiragana;
      k = t;
    }
    // Japanese by language, or by hiragana when the language is unknown; else Chinese.
    const CjkDictionary& dict =
        lang_.is("ja") ? data_.ja : lang_.is("zh") ? data_.zh : kana ? data_.ja : data_.zh;
    size_t first_new = out_.size();
    dict.segment(text_, static_cast<uint32_t>(i), static_cast<uint32_t>(k), out_, scratch_,
                 &dict == &data_.ja);
    for (size_t w = first_new; w < out_.size(); ++w) {
      out_[w].begin += offset_;
      out_[w].end += offset_;
    }
    return k;
  }

  size_t url_end(size_t i) const {
    size_t k = i;
    while (k < text_.size()) {
      size_t t;
      char32_t c = peek(text_, k, &t);
      if (is_space(c) || c == '<' || c == '>' || c == 0x201C || c == 0x00AB) break;
      k = t;
    }
    while (k > i) {
      size_t p = prev_start(text_, k);
      if (!is_trailing_url_punct(peek(text_, p))) break;
      k = p;
    }
    return k;
  }

  Cls cls_at(size_t k) const { return k < text_.size() ? classify(peek(text_, k)) : Cls::Space; }

  size_t alnum_token(size_t begin, size_t k, Cls first) {
    const size_t n = text_.size();
    std::string_view rest = text_.substr(begin);
    if (starts_with_ci(rest, "http://") || starts_with_ci(rest, "https://") ||
        starts_with_ci(rest, "www.")) {
      size_t e = url_end(begin);
      push(begin, e);
      return e;
    }
    const bool numeric = first == Cls::Digit;
    bool has_dot = false, has_at = false;
    Cls prev = first;
    while (k < n) {
      size_t t;
      char32_t c = peek(text_, k, &t);
      Cls cc = classify(c);
      if (is_word_char(cc) || c == 0xAD) { prev = cc; k = t; continue; }
      Cls after = cls_at(t);
      bool alnum_after = after == Cls::Letter || after == Cls::Digit;
      if ((c == '-' || c == 0x2010 || c == 0x2011) && alnum_after) { k = t; continue; }
      if (c == '.' && alnum_after) { has_dot = true; prev = after; k = t; continue; }
      if (c == ',' && prev == Cls::Digit && after == Cls::Digit) { k = t; continue; }
      if (c == '@' && !has_at && alnum_after) { has_at = true; k = t; continue; }
      if ((c == '\'' || c == 0x2019 || c == 0x02BC) && after == Cls::Letter) {
        size_t next_k = apostrophe(begin, k, t);
        if (next_k == SIZE_MAX) { k = t; continue; }  // kept inside the word
        begin = apostrophe_begin_;                     // a new token starts (elision or clitic)
        k = next_k;
        continue;
      }
      break;
    }
    if (k < n && text_[k] == '.' && has_dot && !has_at &&
        is_dotted_word(text_.substr(begin, k - begin)) && cls_at(k + 1) != Cls::Letter &&
        cls_at(k + 1) != Cls::Digit)
      ++k;  // "U.S." keeps its final period
    if (numeric && k < n) {
      size_t t;
      char32_t c = peek(text_, k, &t);
      if (c == '%' || c == 0x2030 || c == 0x066A) k = t;  // 3.5%
    }
    push(begin, k);
    return k;
  }

  static bool is_dotted_word(std::string_view s) {
    int len = 0;
    for (size_t i = 0; i < s.size();) {
      char32_t c = next_codepoint(s, i);
      if (c == '.') {
        if (len == 0) return false;
        len = 0;
      } else if (classify(c) == Cls::Letter) {
        if (++len > 3) return false;
      } else {
        return false;
      }
    }
    return len > 0;
  }

  // An apostrophe at [apo, after) inside the token that started at `begin`. Returns SIZE_MAX
  // to keep it inside the word; otherwise pushes the part before, sets apostrophe_begin_ to
  // where the next token starts and returns where scanning resumes.
  size_t apostrophe(size_t begin, size_t apo, size_t after) {
    if (english_) {
      size_t e = after;
      while (e < text_.size() && cls_at(e) == Cls::Letter) {
        size_t t;
        peek(text_, e, &t);
        e = t;
      }
      Cls following = cls_at(e);
      if (following == Cls::Letter || following == Cls::Digit) return SIZE_MAX;
      std::string suffix(text_.substr(after, e - after));
      for (char& ch : suffix) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
      if (in_list(kEnglishClitics, suffix)) {
        push(begin, apo);
        apostrophe_begin_ = apo;
        return e;
      }
      if (suffix == "t" && apo > begin + 1 && (text_[apo - 1] == 'n' || text_[apo - 1] == 'N')) {
        push(begin, apo - 1);  // don't -> do n't
        apostrophe_begin_ = apo - 1;
        return e;
      }
      return SIZE_MAX;
    }
    if (elision_) {
      size_t chars = 0;
      for (size_t p = begin; p < apo;) {
        char32_t c = next_codepoint(text_, p);
        if (classify(c) != Cls::Letter) return SIZE_MAX;
        ++chars;
      }
      std::string_view part = text_.substr(begin, apo - begin);
      bool qu = part.size() >= 2 && (part.substr(part.size() - 2) == "qu" ||
                                     part.substr(part.size() - 2) == "Qu" ||
                                     part.substr(part.size() - 2) == "QU");
      if (chars <= kMaxElidedChars || qu) {
        push(begin, after);  // l' + Ucraina
        apostrophe_begin_ = after;
        return after;  // resume at the next word
      }
    }
    return SIZE_MAX;
  }

  std::string_view text_;
  Lang lang_;
  const SegmenterData& data_;
  uint32_t offset_;
  std::vector<Span>& out_;
  bool elision_ = false, english_ = false;
  size_t apostrophe_begin_ = 0;
  CjkDictionary::Scratch scratch_;
};

std::shared_ptr<SegmenterData> data_with_supplement() {
  auto d = std::make_shared<SegmenterData>();
  d->ja.add_lines(kJapaneseFunctionWords);
  for (const Supplement& s : kSupplement) {
    auto& set = d->abbrevs_mut(s.lang);
    std::string_view w = s.words;  // single tokens; "т. д." is covered by the one-letter rule
    size_t i = 0;
    while (i < w.size()) {
      size_t sp = w.find(' ', i);
      if (sp == std::string_view::npos) sp = w.size();
      set.insert(w.substr(i, sp - i));
      i = sp + 1;
    }
  }
  return d;
}

// One fread into a presized string: stream-based reading is several times slower in wasm.
bool read_whole_file(const std::string& path, std::string& out) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  bool ok = std::fseek(f, 0, SEEK_END) == 0;
  long size = ok ? std::ftell(f) : -1;
  ok = ok && size >= 0 && std::fseek(f, 0, SEEK_SET) == 0;
  if (ok) {
    out.resize(static_cast<size_t>(size));
    ok = std::fread(out.data(), 1, out.size(), f) == out.size();
  }
  std::fclose(f);
  return ok;
}

}  // namespace

// ---- Segmenter ------------------------------------------------------------------------------
Segmenter::Segmenter() {
  static const std::shared_ptr<const SegmenterData> rules_only = data_with_supplement();
  data_ = rules_only;
}

Result<Segmenter> Segmenter::load(const std::string& asset_dir) {
  auto d = data_with_supplement();
  const std::string dir = asset_dir + "/segment/";
  if (!read_whole_file(dir + "abbrev.txt", d->abbrev_text))
    return Result<Segmenter>::Error("segment: cannot read " + dir + "abbrev.txt (run scripts/make-assets.sh)");
  std::string_view a = d->abbrev_text;
  for (size_t i = 0; i < a.size();) {
    size_t nl = a.find('\n', i);
    if (nl == std::string_view::npos) nl = a.size();
    std::string_view line = a.substr(i, nl - i);
    i = nl + 1;
    size_t tab = line.find('\t');
    if (line.empty() || line[0] == '#' || tab == std::string_view::npos) continue;
    std::string_view abbr = line.substr(tab + 1);
    if (in_list(kDenied, abbr)) continue;
    d->abbrevs_mut(line.substr(0, tab)).insert(abbr);
  }
  for (auto [name, dict] : {std::pair{"ja.words", &d->ja}, std::pair{"zh.words", &d->zh}}) {
    std::string bytes;
    if (!read_whole_file(dir + name, bytes))
      return Result<Segmenter>::Error("segment: cannot read " + dir + name + " (run scripts/make-assets.sh)");
    Result<CjkDictionary> r = CjkDictionary::from_front_coded(bytes);
    if (!r.ok()) return Result<Segmenter>::Error("segment: " + dir + name + ": " + r.error());
    *dict = std::move(r.value());
  }
  d->ja.add_lines(kJapaneseFunctionWords);
  Segmenter s;
  s.data_ = std::move(d);
  return s;
}

std::vector<Span> Segmenter::sentences(std::string_view text, std::string_view lang) const {
  std::vector<Span> out;
  append_sentences(text, lang, 0, out);
  return out;
}

std::vector<Span> Segmenter::words(std::string_view text, std::string_view lang) const {
  std::vector<Span> out;
  append_words(text, lang, 0, out);
  return out;
}

void Segmenter::append_sentences(std::string_view text, std::string_view lang, uint32_t offset,
                                 std::vector<Span>& out) const {
  SentenceSplitter(text, primary_language(lang), *data_).run(offset, out);
}

void Segmenter::append_words(std::string_view text, std::string_view lang, uint32_t offset,
                             std::vector<Span>& out) const {
  WordSplitter(text, primary_language(lang), *data_, offset, out).run();
}

size_t Segmenter::abbreviation_count() const {
  size_t n = 0;
  for (const auto& [l, set] : data_->abbrevs) n += set.size();
  return n;
}

size_t Segmenter::dictionary_size(std::string_view lang) const {
  Lang l = primary_language(lang);
  return l.is("ja") ? data_->ja.size() : l.is("zh") ? data_->zh.size() : 0;
}

}  // namespace px
