// quantities.cpp — numbers normalised into values (see quantities.h).
//
// [SECTION] tokens      one pass over the text: numbers (with their separators read by
//                       language), words (looked up in the number lexicon), symbols, CJK runs
// [SECTION] grammar     [qualifier] [currency] number|number words [multiplier]
//                       [% | percent word | currency | duration unit | count noun]
// [SECTION] dates       full dates via date_parse.h around every year-like number
#include "quantities.h"

#include <algorithm>
#include <cstdint>
#include <cmath>
#include <limits>

#include <utf8proc.h>

#include "date_parse.h"
#include "encoding.h"
#include "lexicon.h"

namespace px {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr size_t kDateWindowBefore = 40, kDateWindowAfter = 24;  // bytes around a year
constexpr size_t kMaxCountNounBytes = 40;
constexpr size_t kMaxFormBytes = 40;  // longer words are never in the number lexicon

bool is_space_cp(char32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x00A0 || c == 0x202F ||
         c == 0x2009 || c == 0x2007 || c == 0x3000;
}
bool is_cjk_cp(char32_t c) {
  return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF);
}
bool is_letter_cp(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME;
}
bool is_digit_cp(char32_t c) { return c >= '0' && c <= '9'; }
bool is_upper_cp(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_LU;
}
char32_t cp_at(std::string_view s, size_t pos) { return pos < s.size() ? next_codepoint(s, pos) : 0; }
char32_t cp_before(std::string_view s, size_t pos) {
  if (pos == 0) return 0;
  size_t b = pos - 1;
  while (b > 0 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) --b;
  return next_codepoint(s, b);
}

// Languages that write 1.000,5 (thousands dot or space, decimal comma).
bool comma_decimal(std::string_view lang) {
  static constexpr std::string_view kLangs[] = {"de", "it", "es", "fr", "pt", "nl", "ru", "uk", "pl", "cs",
                                                "sk", "sv", "da", "nb", "no", "fi", "tr", "id", "ro", "hu",
                                                "el", "bg", "hr", "sl", "et", "lv", "lt", "sr", "ca"};
  return std::find(std::begin(kLangs), std::end(kLangs), lang) != std::end(kLangs);
}
// Languages that group thousands with a plain space ("1 000").
bool space_grouping(std::string_view lang) {
  static constexpr std::string_view kLangs[] = {"fr", "ru", "uk", "pl", "cs", "sk", "sv", "nb", "no",
                                                "fi", "et", "lv", "lt", "bg", "hu"};
  return std::find(std::begin(kLangs), std::end(kLangs), lang) != std::end(kLangs);
}

struct CurrencySymbol {
  char32_t cp;
  const char* iso;
};
constexpr CurrencySymbol kCurrencySymbols[] = {{'$', "USD"}, {U'\u20AC', "EUR"}, {U'\u00A3', "GBP"},
                                               {U'\u00A5', "JPY"}, {U'\uFFE5', "JPY"}, {U'\u20BD', "RUB"},
                                               {U'\u20B9', "INR"}, {U'\u20A9', "KRW"}, {U'\u20B4', "UAH"}};
const char* currency_of(char32_t cp, std::string_view lang) {
  if ((cp == U'\u00A5' || cp == U'\uFFE5') && lang == "zh") return "CNY";  // ¥ is the yuan in Chinese
  for (const auto& c : kCurrencySymbols) if (c.cp == cp) return c.iso;
  return nullptr;
}

// Multipliers that count on their own, without a number before them ("mille soldati").
constexpr std::string_view kStandaloneMultipliers[] = {"mille", "tausend", "mil", "тысяча"};

// "1234.5" -> 1234.5. Written by hand because Emscripten 3.1.6's libc++ has no floating-point
// std::from_chars (and std::stod would throw); at most 18 significant digits are needed here.
bool parse_decimal(std::string_view text, double& value) {
  uint64_t mantissa = 0;
  int digits = 0, fraction = -1;
  for (char c : text) {
    if (c == '.' && fraction < 0) {
      fraction = 0;
      continue;
    }
    if (c < '0' || c > '9' || ++digits > 18) return false;
    mantissa = mantissa * 10 + static_cast<uint64_t>(c - '0');
    if (fraction >= 0) ++fraction;
  }
  if (digits == 0) return false;
  value = static_cast<double>(mantissa);
  for (int i = 0; i < fraction; ++i) value /= 10.0;
  return true;
}

bool starts_number(NumberWord::Role r) {
  return r == NumberWord::Role::Number || r == NumberWord::Role::One || r == NumberWord::Role::Multiplier;
}

// The first two bytes of a word, ASCII letters lowercased: an index into a 64K-bit table.
size_t first_two_bytes(std::string_view w) {
  auto lower = [](unsigned char c) { return static_cast<size_t>(c >= 'A' && c <= 'Z' ? c + 32 : c); };
  return (lower(static_cast<unsigned char>(w[0])) << 8) | (w.size() > 1 ? lower(static_cast<unsigned char>(w[1])) : 0);
}

enum class TokKind : uint8_t { Number, Word, Symbol, Cjk, Corrupt };

struct Tok {
  TokKind kind;
  uint32_t b, e;
  double value = 0;          // Number
  bool plain4 = false;       // Number: exactly four digits, no separator (a year candidate)
  bool space_before = true;
  bool upper = false;        // Word: capitalised
  char32_t cp = 0;           // Symbol
  const NumberWord* lex = nullptr;  // Word: a number word that can start a quantity (eager)
  mutable const NumberWord* entry = nullptr;  // Word: any single-word entry (looked up lazily)
  mutable bool looked_up = false;
};

}  // namespace

// =============================================================================================
// [SECTION] tokens + grammar
// =============================================================================================
struct QuantityScanner {
  const QuantityFinder* f;  // may be null: digits and symbols only
  std::string_view s;
  std::string lang;
  std::vector<Tok> toks;
  std::string key;
  std::vector<QuantityInfo> out;
  std::vector<Span> dates;

  const std::vector<bool>* first_bytes = nullptr;  // see QuantityFinder::first_bytes_
  static const std::vector<bool>* first_bytes_of(const QuantityFinder* f, const std::string& lang) {
    if (!f) return nullptr;
    static const std::vector<bool> kNone(1 << 16, false);
    const auto it = f->first_bytes_.find(lang);
    return it == f->first_bytes_.end() ? &kNone : &it->second;
  }
  mutable std::string lookup_key;  // reused: no allocation per word
  const NumberWord* lookup(std::string_view form) const {
    if (!f || form.size() > kMaxFormBytes) return nullptr;
    lookup_key.assign(lang).push_back('|');
    lookup_key.append(form);
    auto it = f->words_.find(lookup_key);
    return it == f->words_.end() ? nullptr : &it->second;
  }

  // Reads a number starting at `i` (a digit). Returns false for identifiers and ordinals; sets
  // `end` past everything consumed either way.
  bool read_number(size_t i, size_t& end, double& value, bool& plain4) {
    const bool dec_comma = comma_decimal(lang);
    std::vector<std::pair<char32_t, int>> groups;  // separator before the group, digit count
    std::string digits;
    size_t p = i;
    char32_t sep = 0;
    for (;;) {
      int n = 0;
      while (p < s.size() && is_digit_cp(static_cast<unsigned char>(s[p]))) digits.push_back(s[p++]), ++n;
      groups.push_back({sep, n});
      // A separator continues the number only if a digit follows it.
      size_t q = p;
      const char32_t c = cp_at(s, q);
      if (c == 0) break;
      next_codepoint(s, q);
      if (!(q < s.size() && is_digit_cp(static_cast<unsigned char>(s[q])))) break;
      if (c == '.' || c == ',' || c == '\'' || c == U'\u2019') {
        sep = c;
      } else if (c == 0x00A0 || c == 0x202F || c == 0x2009 || (c == ' ' && space_grouping(lang))) {
        // Thousands only: exactly three digits follow, after a first group of at most three.
        size_t r = q;
        int m = 0;
        while (r < s.size() && is_digit_cp(static_cast<unsigned char>(s[r]))) ++r, ++m;
        if (m != 3 || groups[0].second > 3 || (groups.size() > 1 && groups.back().second != 3)) break;
        sep = ' ';
      } else {
        break;
      }
      p = q;
    }
    end = p;
    // Glued letters: "5bn" may be a multiplier (handled by the caller), "2nd" an ordinal,
    // "98e09c" an id.
    const char32_t after = cp_at(s, p);
    if (is_letter_cp(after) && !is_cjk_cp(after)) {
      size_t q = p;
      std::string suffix;
      while (q < s.size()) {
        size_t r = q;
        const char32_t c = next_codepoint(s, r);
        if (!is_letter_cp(c) || is_cjk_cp(c)) break;
        q = r;
      }
      if (q < s.size() && is_digit_cp(static_cast<unsigned char>(s[q]))) {  // 98e09c086c: an id
        while (q < s.size() && (is_digit_cp(static_cast<unsigned char>(s[q])) || is_letter_cp(cp_at(s, q)))) {
          next_codepoint(s, q);
        }
        end = q;
        return false;
      }
      append_lexicon_key(s.substr(p, q - p), suffix = "");
      const NumberWord* w = lookup(suffix);
      const bool unit_like = w && (w->role == NumberWord::Role::Multiplier || w->role == NumberWord::Role::Currency ||
                                   w->role == NumberWord::Role::Percent);
      if (!unit_like && suffix != "m" && suffix != "k") {
        end = q;
        return false;  // 2nd, 1990s, 3D, 10km (no unit support for measures yet)
      }
    }
    // Interpret the separators.
    size_t dots = 0, commas = 0, spaces = 0, others = 0;
    for (size_t g = 1; g < groups.size(); ++g) {
      const char32_t c = groups[g].first;
      if (c == '.') ++dots;
      else if (c == ',') ++commas;
      else if (c == ' ') ++spaces;
      else ++others;
    }
    char32_t decimal = 0;
    if (dots && commas) {
      decimal = groups.back().first;  // the later mark is the decimal one: 1.234,5 / 1,234.5
    } else if (dots + commas == 1 && groups.size() >= 2) {
      const char32_t c = groups.back().first;
      const bool grouped_three = groups.back().second == 3 && groups[0].second <= 3 && groups[0].second > 0;
      const bool is_thousands_mark = dec_comma ? c == '.' : c == ',';
      decimal = (is_thousands_mark && grouped_three) ? 0 : c;
    }
    // Validate: every thousands group has three digits.
    std::string number;
    for (size_t g = 0, pos = 0; g < groups.size(); ++g) {
      if (g > 0) {
        const char32_t c = groups[g].first;
        if (c == decimal) number.push_back('.');
        else if (groups[g].second != 3) return false;  // "1.23.4": not a number we can read
      }
      number.append(digits, pos, groups[g].second);
      pos += groups[g].second;
    }
    if (groups.size() == 1 && digits.size() > kMaxPlainDigits) return false;
    if (digits.empty() || groups[0].second == 0) return false;
    (void)spaces, (void)others;
    if (!parse_decimal(number, value)) return false;
    plain4 = groups.size() == 1 && digits.size() == 4;
    return true;
  }

  void tokenize() {
    toks.clear();
    bool space = true;
    for (size_t i = 0; i < s.size();) {
      const size_t at = i;
      const unsigned char byte = static_cast<unsigned char>(s[i]);
      char32_t c;
      if (byte < 0x80) {  // ASCII fast path (most of the text in most languages)
        c = byte;
        ++i;
      } else {
        c = next_codepoint(s, i);
      }
      if (is_space_cp(c)) {
        space = true;
        continue;
      }
      if (is_digit_cp(c)) {
        const char32_t prev = cp_before(s, at);
        size_t end = at;
        double v = 0;
        bool plain4 = false;
        // Identifiers: G7, F-35, SM-3, COVID-19, v1.2 — a letter (or letter + hyphen) before.
        bool ident = is_letter_cp(prev) && !is_cjk_cp(prev);
        if (!ident && (prev == '-' || prev == '/' || prev == ':' || prev == '.' || prev == ',')) {
          const char32_t prev2 = at >= 2 ? cp_before(s, at - 1) : 0;
          ident = prev == '-' ? is_letter_cp(prev2) && !is_cjk_cp(prev2) : is_digit_cp(prev2);
        }
        const bool ok = read_number(at, end, v, plain4);
        i = end;
        const char32_t next = cp_at(s, end);
        if (ident || !ok || (next == ':' && is_digit_cp(cp_at(s, end + 1)))) {
          space = false;
          continue;
        }
        Tok t{TokKind::Number, static_cast<uint32_t>(at), static_cast<uint32_t>(end)};
        t.value = v, t.plain4 = plain4, t.space_before = space;
        toks.push_back(t);
        space = false;
        continue;
      }
      if (is_cjk_cp(c)) {
        Tok t{TokKind::Cjk, static_cast<uint32_t>(at), static_cast<uint32_t>(i)};
        t.space_before = space;
        toks.push_back(t);  // one token per character: CJK forms are matched by prefix
        space = false;
        continue;
      }
      if (is_letter_cp(c)) {
        while (i < s.size()) {
          const unsigned char nb = static_cast<unsigned char>(s[i]);
          if ((nb >= 'a' && nb <= 'z') || (nb >= 'A' && nb <= 'Z')) {
            ++i;
            continue;
          }
          size_t j = i;
          const char32_t d = next_codepoint(s, j);
          if (is_letter_cp(d) && !is_cjk_cp(d)) {
            i = j;
            continue;
          }
          // Keep the apostrophe of "un'", "d'", "jusqu'à" inside the word.
          if (d == '\'' || d == U'\u2019') {
            i = j;
            break;
          }
          break;
        }
        Tok t{TokKind::Word, static_cast<uint32_t>(at), static_cast<uint32_t>(i)};
        t.space_before = space, t.upper = is_upper_cp(c);
        const std::string_view w = s.substr(at, i - at);
        if (w == "XNUMX") {
          t.kind = TokKind::Corrupt;
        } else if (f && (!first_bytes || (*first_bytes)[first_two_bytes(w)])) {
          // Only number words are looked up here; units and other words lazily, next to numbers.
          key.clear();
          append_lexicon_key(w, key);
          t.entry = lookup(key);
          t.looked_up = true;
          if (t.entry && starts_number(t.entry->role)) t.lex = t.entry;
        }
        toks.push_back(t);
        space = false;
        continue;
      }
      Tok t{TokKind::Symbol, static_cast<uint32_t>(at), static_cast<uint32_t>(i)};
      t.cp = c, t.space_before = space;
      toks.push_back(t);
      space = false;
    }
  }

  std::string tok_key(size_t k) {
    std::string r;
    append_lexicon_key(s.substr(toks[k].b, toks[k].e - toks[k].b), r);
    return r;
  }
  bool is_word(size_t k) const { return k < toks.size() && toks[k].kind == TokKind::Word; }
  const NumberWord* entry_of(size_t k) const {  // the lexicon entry of word k, looked up once
    if (!is_word(k)) return nullptr;
    const Tok& t = toks[k];
    if (!t.looked_up) {
      std::string w;
      append_lexicon_key(s.substr(t.b, t.e - t.b), w);
      t.entry = lookup(w);
      t.looked_up = true;
    }
    return t.entry;
  }
  bool is_symbol(size_t k, char32_t c) const { return k < toks.size() && toks[k].kind == TokKind::Symbol && toks[k].cp == c; }
  bool has_role(size_t k, NumberWord::Role r) const {
    const NumberWord* e = entry_of(k);
    return e && e->role == r;
  }

  // A multi-word lexicon form starting at word k ("per cent", "more than"): {entry, words}.
  std::pair<const NumberWord*, size_t> multi_at(size_t k) {
    if (!f || !is_word(k)) return {nullptr, 0};
    std::string first = tok_key(k);
    auto it = f->multi_first_.find(lang + "|" + first);
    if (it == f->multi_first_.end()) return {nullptr, 0};
    for (size_t n = static_cast<size_t>(it->second); n >= 2; --n) {
      std::string form = first;
      bool ok = true;
      for (size_t w = 1; w < n && ok; ++w) {
        ok = is_word(k + w);
        if (ok) form += " " + tok_key(k + w);
      }
      if (!ok) continue;
      if (const NumberWord* e = lookup(form)) return {e, n};
    }
    return {nullptr, 0};
  }
  // The entry (single or multi-word) at k with its length in tokens.
  std::pair<const NumberWord*, size_t> entry_at(size_t k) {
    auto m = multi_at(k);
    if (m.first) return m;
    if (const NumberWord* e = entry_of(k)) return {e, 1};
    return {nullptr, 0};
  }

  // CJK unit right after byte `pos`: the longest lexicon form of ja/zh that starts there.
  std::pair<const NumberWord*, size_t> cjk_at(size_t pos) const {
    std::pair<const NumberWord*, size_t> best{nullptr, 0};
    if (!f) return best;
    for (const char* l : {"ja", "zh"}) {
      if ((lang == "ja" || lang == "zh") && lang != l) continue;
      const auto it = f->cjk_.find(l);
      if (it == f->cjk_.end()) continue;
      for (const auto& [form, w] : it->second) {
        if (form.size() > best.second && s.substr(pos, form.size()) == form) best = {&w, form.size()};
      }
    }
    return best;
  }

  size_t tok_at_byte(size_t k, size_t byte) const {  // first token at or after `byte`, from k
    while (k < toks.size() && toks[k].b < byte) ++k;
    return k;
  }

  bool in_date(uint32_t b) const {
    for (const Span& d : dates) if (b >= d.begin && b < d.end) return true;
    return false;
  }

  // The unit noun of a count after token k: "1,000 nuclear warheads" -> warheads,
  // "XNUMX testate nucleari" -> testate. Returns the token index or npos.
  size_t count_noun(size_t k) {
    auto ok_word = [&](size_t w) {
      if (!is_word(w) || !toks[w].space_before || toks[w].e - toks[w].b > kMaxCountNounBytes) return false;
      if (entry_of(w)) return false;  // skip words, number words, units
      if (lang == "de") return true;
      return !toks[w].upper;
    };
    if (!ok_word(k)) return std::string::npos;
    if (lang == "de") {  // German nouns are capitalised: "1.000 nukleare Sprengköpfe"
      if (toks[k].upper) return k;
      return (ok_word(k + 1) && toks[k + 1].upper) ? k + 1 : std::string::npos;
    }
    if (lang == "en" || lang == "ru" || lang == "ja" || lang == "zh" || lang.empty() || lang == "und") {
      // Adjective before noun: prefer a second word that looks plural ("nuclear warheads").
      const std::string first = tok_key(k);
      const bool first_plural = !first.empty() && first.back() == 's';
      if (!first_plural && ok_word(k + 1)) {
        const std::string second = tok_key(k + 1);
        const bool ru_adjective = lang == "ru" && first.size() > 4 &&
                                  (first.ends_with("ых") || first.ends_with("их") || first.ends_with("ые"));
        if ((!second.empty() && second.back() == 's') || ru_adjective) return k + 1;
      }
      return k;
    }
    return k;  // Romance languages: noun first ("testate nucleari")
  }

  void emit(uint32_t b, uint32_t e, QuantityKind kind, double v, std::string unit, std::string iso = {}) {
    out.push_back(QuantityInfo{Span{b, e}, kind, v, std::move(unit), std::move(iso)});
  }

  void scan() {
    using R = NumberWord::Role;
    for (size_t k = 0; k < toks.size();) {
      const Tok& t = toks[k];
      if (in_date(t.b)) {
        ++k;
        continue;
      }
      // ---- the number itself --------------------------------------------------------------
      size_t first = k, next = k;
      double value = 0;
      bool have = false, from_words = false, corrupt = false, plain4 = false;
      std::string currency;
      uint32_t begin = t.b, end = t.e;
      // Currency symbol (or ISO code) before: "$5 billion", "€2,3 mld", "US$ 5".
      size_t num = k;
      if (t.kind == TokKind::Symbol && currency_of(t.cp, lang) && k + 1 < toks.size() &&
          toks[k + 1].kind == TokKind::Number && toks[k + 1].b - t.e <= 3) {
        currency = currency_of(t.cp, lang);
        num = k + 1;
      } else if (t.kind == TokKind::Word && (s.substr(t.b, t.e - t.b) == "USD" || s.substr(t.b, t.e - t.b) == "EUR") &&
                 k + 1 < toks.size() && toks[k + 1].kind == TokKind::Number) {
        currency = std::string(s.substr(t.b, t.e - t.b));
        num = k + 1;
      }
      const Tok& n = toks[num];
      bool negative = false;
      if (n.kind == TokKind::Number) {
        value = n.value, have = true, plain4 = n.plain4, next = num + 1, end = n.e;
        if (num > 0 && !n.space_before && toks[num - 1].kind == TokKind::Symbol &&
            (toks[num - 1].cp == '-' || toks[num - 1].cp == U'\u2212') && toks[num - 1].space_before &&
            currency.empty()) {
          negative = true;  // "-3,5 %" but not "2020-2025" (no space before the dash)
          begin = toks[num - 1].b, first = num - 1;
        }
      } else if (n.kind == TokKind::Corrupt) {
        value = kNaN, have = true, corrupt = true, next = num + 1;
      } else if (n.kind == TokKind::Word && n.lex &&
                 (n.lex->role == R::Number || n.lex->role == R::One || n.lex->role == R::Multiplier)) {
        // Number words: "twenty-five", "one hundred and five", "drei Millionen", "a thousand".
        double total = 0, current = 0;
        size_t w = num;
        bool any = false, only_one = true;
        while (w < toks.size()) {
          if (has_role(w, R::Number) || (has_role(w, R::One) && !any)) {
            const double v = entry_of(w)->value;
            if (v == 100) current = (current == 0 ? 1 : current) * 100;
            else current += v;
            if (!has_role(w, R::One)) only_one = false;
            any = true;
            ++w;
          } else if (has_role(w, R::Multiplier) && (any || w == num)) {
            const std::string k2 = tok_key(w);
            if (!any && std::find(std::begin(kStandaloneMultipliers), std::end(kStandaloneMultipliers), k2) ==
                            std::end(kStandaloneMultipliers)) {
              break;
            }
            total += (current == 0 ? 1 : current) * entry_of(w)->value;
            current = 0, any = true, only_one = false;
            ++w;
          } else if (any && w + 1 < toks.size() && has_role(w + 1, R::Number) &&
                     (is_symbol(w, '-') || (is_word(w) && (tok_key(w) == "and" || tok_key(w) == "und")))) {
            ++w;  // twenty-five, one hundred and five
          } else {
            break;
          }
        }
        if (any) {
          value = total + current, have = true, from_words = true, next = w, end = toks[w - 1].e;
          // A lone "one"/"a"/"ein" is no quantity: it needs a unit after it.
          if (only_one) {
            auto [e2, len2] = entry_at(w);
            if (!e2 || !(e2->role == R::Duration || e2->role == R::Currency)) have = false;
          }
        }
      }
      if (!have) {
        ++k;
        continue;
      }
      // German ordinal day "22. Mai" (date without a year): not a quantity.
      if (lang == "de" && !from_words && next < toks.size() && is_symbol(next, '.') && value <= 31 &&
          next + 1 < toks.size() && is_word(next + 1) && toks[next + 1].upper && !toks[next].space_before &&
          toks[next + 1].space_before) {
        k = next + 1;
        continue;
      }
      if (negative) value = -value;
      // ---- what follows --------------------------------------------------------------------
      QuantityKind kind = QuantityKind::Number;
      std::string unit;
      // Multipliers: "1.4 billion", "1,4 miliardi", "5bn", "3万" (CJK).
      for (;;) {
        if (next < toks.size() && toks[next].kind == TokKind::Cjk) {
          auto [w, len] = cjk_at(toks[next].b);
          if (w && w->role == R::Multiplier) {
            value *= w->value, end = toks[next].b + static_cast<uint32_t>(len);
            next = tok_at_byte(next, end);
            continue;
          }
          break;
        }
        auto [w, len] = entry_at(next);
        if (w && w->role == R::Multiplier && !from_words) {
          value *= w->value, end = toks[next + len - 1].e, next += len;
          continue;
        }
        if (!w && is_word(next) && !toks[next].space_before && !from_words) {  // "5m", "10k"
          const std::string suf = tok_key(next);
          if (suf == "m" || suf == "k") {
            value *= suf == "m" ? 1e6 : 1e3, end = toks[next].e, ++next;
            continue;
          }
        }
        break;
      }
      if (is_symbol(next, '%') || is_symbol(next, U'\uFF05')) {
        kind = QuantityKind::Percent, unit = "%", end = toks[next].e, ++next;
      } else if (next < toks.size() && toks[next].kind == TokKind::Symbol && currency.empty() &&
                 currency_of(toks[next].cp, lang) && toks[next].b - end <= 3) {
        currency = currency_of(toks[next].cp, lang), end = toks[next].e, ++next;  // "5 €"
      } else if (next < toks.size() && toks[next].kind == TokKind::Cjk) {
        auto [w, len] = cjk_at(toks[next].b);
        const bool year_mark = s.substr(toks[next].b, 3) == "\u5E74";  // 年
        if (plain4 && year_mark && value >= kMinYearNumber && value <= kMaxYearNumber && s.substr(toks[next].b, 6) != "\u5E74\u9593") {
          emit(begin, toks[next].e, QuantityKind::Year, value, "", std::string(s.substr(toks[num].b, 4)));
          k = next + 1;
          continue;
        }
        if (w) {
          const uint32_t uend = toks[next].b + static_cast<uint32_t>(len);
          if (w->role == R::Percent) kind = QuantityKind::Percent, unit = w->unit;
          else if (w->role == R::Currency) currency = w->unit;
          else if (w->role == R::Duration) kind = QuantityKind::Duration, value *= w->value, unit = w->unit;
          if (w->role == R::Percent || w->role == R::Currency || w->role == R::Duration) {
            end = uend;
            next = tok_at_byte(next, uend);
          }
        }
      } else {
        // "1,4 miliardi di euro", "67,4 milliards d'euros", "5 millones de dólares".
        size_t cur_at = next;
        if (end != toks[num].e && is_word(next)) {
          const std::string link = tok_key(next);
          if (link == "di" || link == "de" || link == "d'" || link == "of") {
            auto [w2, len2] = entry_at(next + 1);
            if (w2 && w2->role == R::Currency) cur_at = next + 1;
          }
        }
        if (cur_at != next) next = cur_at;
        auto [w, len] = entry_at(next);
        if (w && w->role == R::Percent) {
          kind = QuantityKind::Percent, unit = w->unit, end = toks[next + len - 1].e, next += len;
        } else if (w && w->role == R::Currency && currency.empty()) {
          currency = w->unit, end = toks[next + len - 1].e, next += len;
          if (is_symbol(next, '.') && !toks[next].space_before && tok_key(next - 1) == "руб") end = toks[next].e, ++next;
        } else if (w && w->role == R::Duration && !plain4) {
          kind = QuantityKind::Duration, value *= w->value, unit = w->unit, end = toks[next + len - 1].e, next += len;
        }
      }
      if (!currency.empty()) kind = QuantityKind::Money, unit = currency;
      if (kind == QuantityKind::Number && !from_words && plain4 && value >= kMinYearNumber && value <= kMaxYearNumber && !corrupt) {
        kind = QuantityKind::Year;
      }
      if (kind == QuantityKind::Number) {
        // "di" between a multiplier and the noun: "5 milioni di persone".
        size_t c = next;
        if (is_word(c) && (tok_key(c) == "di" || tok_key(c) == "de" || tok_key(c) == "of") && end != toks[num].e) ++c;
        const size_t noun = count_noun(c);
        if (noun != std::string::npos) {
          kind = QuantityKind::Count, unit = std::string(s.substr(toks[noun].b, toks[noun].e - toks[noun].b));
          end = toks[noun].e, next = noun + 1;
        } else if (from_words && value < 2 && !corrupt) {
          k = next;
          continue;
        }
      }
      // Qualifier before: "over 1,000", "mehr als einem Jahrzehnt", "più di", "約". Not for
      // years: "hasta 2030", "bis 2030" mean "by", not "up to".
      for (size_t len = 3; len >= 1 && kind != QuantityKind::Year; --len) {
        if (first < len) continue;
        auto [w, n2] = entry_at(first - len);
        if (w && w->role == R::Qualifier && n2 == len) {
          begin = toks[first - len].b;
          break;
        }
      }
      if (first > 0 && toks[first - 1].kind == TokKind::Cjk) {
        auto [w, len] = cjk_at(toks[first - 1].b);
        if (w && w->role == R::Qualifier) begin = toks[first - 1].b;
      }
      std::string iso;
      if (kind == QuantityKind::Year) iso = std::string(s.substr(toks[num].b, 4));
      emit(begin, end, kind, value, unit, iso);
      k = std::max(next, k + 1);
    }
  }

  // CJK numerals written in kanji/hanzi before a unit: 三か月, 千人, 二十万.
  void scan_cjk_numerals() {
    if (!f) return;
    static constexpr std::pair<char32_t, int> kDigits[] = {
        {U'\u3007', 0}, {U'\u96F6', 0}, {U'\u4E00', 1}, {U'\u4E8C', 2}, {U'\u4E24', 2}, {U'\u4E09', 3},
        {U'\u56DB', 4}, {U'\u4E94', 5}, {U'\u516D', 6}, {U'\u4E03', 7}, {U'\u516B', 8}, {U'\u4E5D', 9}};
    static constexpr std::pair<char32_t, double> kUnits[] = {
        {U'\u5341', 10}, {U'\u767E', 100}, {U'\u5343', 1000}};
    static constexpr std::pair<char32_t, double> kBig[] = {
        {U'\u4E07', 1e4}, {U'\u842C', 1e4}, {U'\u5104', 1e8}, {U'\u4EBF', 1e8}, {U'\u5146', 1e12}};
    for (size_t i = 0; i < s.size();) {
      // CJK numerals are U+3007..U+9F9F: their UTF-8 lead bytes are 0xE3..0xE9. Skip the rest
      // byte by byte (continuation bytes are never in that range).
      const unsigned char lead = static_cast<unsigned char>(s[i]);
      if (lead < 0xE3 || lead > 0xE9) {
        ++i;
        continue;
      }
      const size_t at = i;
      double total = 0, section = 0;
      int digit = -1;
      size_t count = 0;
      bool any_digit_or_unit = false;
      for (;;) {
        size_t j = i;
        const char32_t c = cp_at(s, j);
        if (c == 0) break;
        next_codepoint(s, j);
        bool matched = false;
        for (auto [d, v] : kDigits) if (c == d) digit = v, matched = true;
        if (!matched) for (auto [u, v] : kUnits) if (c == u) section += (digit < 0 ? 1 : digit) * v, digit = -1, matched = true;
        if (!matched) for (auto [u, v] : kBig) if (c == u && (count > 0)) total += (section + std::max(digit, 0) + (section == 0 && digit < 0 ? 1 : 0)) * v, section = 0, digit = -1, matched = true;
        if (!matched) break;
        any_digit_or_unit = true;
        ++count;
        i = j;
      }
      if (count == 0) {
        next_codepoint(s, i);
        continue;
      }
      const double value = total + section + std::max(digit, 0);
      // Only before a unit, and not glued to another CJK word before it (一部, 十分 ...).
      auto [w, len] = cjk_at(i);
      const char32_t before = cp_before(s, at);
      const bool counters = w && (w->role == NumberWord::Role::Duration || w->role == NumberWord::Role::Currency ||
                                  w->role == NumberWord::Role::Percent || w->role == NumberWord::Role::Multiplier);
      // A lone 一 is part of many words (一元化, 统一天下): it needs a unit of two characters or more.
      const bool lone_one = count == 1 && digit == 1;
      (void)before;
      if (!any_digit_or_unit || !counters || (lone_one && len < 6)) continue;
      QuantityKind kind = QuantityKind::Number;
      std::string unit = w->unit;
      double v = value;
      if (w->role == NumberWord::Role::Duration) kind = QuantityKind::Duration, v *= w->value;
      else if (w->role == NumberWord::Role::Currency) kind = QuantityKind::Money;
      else if (w->role == NumberWord::Role::Percent) kind = QuantityKind::Percent;
      else v *= w->value, unit.clear();
      emit(static_cast<uint32_t>(at), static_cast<uint32_t>(i + len), kind, v, unit);
      i += len;
    }
  }

  // =============================================================================================
  // [SECTION] dates
  // =============================================================================================
  void find_dates() {
    for (const Tok& t : toks) {
      if (t.kind != TokKind::Number || !t.plain4 || t.value < kMinYearNumber || t.value > kMaxYearNumber) continue;
      if (!dates.empty() && t.b < dates.back().end) continue;
      size_t b = t.b > kDateWindowBefore ? t.b - kDateWindowBefore : 0;
      size_t e = std::min(s.size(), static_cast<size_t>(t.e) + kDateWindowAfter);
      while (b > 0 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) ++b;
      while (e < s.size() && (static_cast<unsigned char>(s[e]) & 0xC0) == 0x80) ++e;
      // Never across a line: a date is written on one.
      const size_t nl_b = s.rfind('\n', t.b);
      if (nl_b != std::string_view::npos && nl_b >= b) b = nl_b + 1;
      const size_t nl_e = s.find('\n', t.e);
      if (nl_e != std::string_view::npos && nl_e < e) e = nl_e;
      std::string_view window = s.substr(b, e - b);
      // The window may hold an earlier date: take the one that contains this year.
      for (size_t off = 0; off < window.size();) {
        auto d = find_date(window.substr(off), window.size());
        if (!d) break;
        const uint32_t db = static_cast<uint32_t>(b + off + d->span.begin);
        const uint32_t de = static_cast<uint32_t>(b + off + d->span.end);
        if (db <= t.b && de >= t.e) {
          if (dates.empty() || db >= dates.back().end) {
            dates.push_back({db, de});
            emit(db, de, QuantityKind::Date, t.value, "", d->iso);
          }
          break;
        }
        off += d->span.end;
      }
    }
  }
};

// =============================================================================================
// [SECTION] QuantityFinder
// =============================================================================================
Result<QuantityFinder> QuantityFinder::load(const std::string& asset_dir) {
  Result<LexiconTable> table = load_lexicon(asset_dir, "number_words.tsv", 3);
  if (!table.ok()) return Result<QuantityFinder>::Error("quantities: " + table.error());
  QuantityFinder f;
  for (auto& row : table->rows) {
    row.resize(5);
    NumberWord w;
    const std::string& r = row[2];
    using R = NumberWord::Role;
    if (r == "number") w.role = R::Number;
    else if (r == "one") w.role = R::One;
    else if (r == "multiplier") w.role = R::Multiplier;
    else if (r == "percent") w.role = R::Percent;
    else if (r == "currency") w.role = R::Currency;
    else if (r == "duration") w.role = R::Duration;
    else if (r == "qualifier") w.role = R::Qualifier;
    else if (r == "skip") w.role = R::Skip;
    else return Result<QuantityFinder>::Error("quantities: unknown role '" + r + "' in " + table->path);
    if (!row[3].empty()) {
      if (!parse_decimal(row[3], w.value)) return Result<QuantityFinder>::Error("quantities: bad value '" + row[3] + "' in " + table->path);
    }
    w.unit = row[4];
    const std::string& lang = row[0];
    if (lang == "ja" || lang == "zh") {
      f.cjk_[lang].emplace_back(row[1], w);
    } else {
      const std::string form = lexicon_key(row[1]);
      const size_t space = form.find(' ');
      if (space != std::string::npos) {
        const int words = 1 + static_cast<int>(std::count(form.begin(), form.end(), ' '));
        int& most = f.multi_first_[lang + "|" + form.substr(0, space)];
        most = std::max(most, words);
      }
      f.words_[lang + "|" + form] = w;
      // Index number words, lowercase and capitalised ("Drei", "Тысяча").
      std::vector<bool>& bits = f.first_bytes_[lang];
      if (!starts_number(w.role) || space != std::string::npos) {
        bits.resize(1 << 16);
        ++f.word_count_;
        continue;
      }
      bits.resize(1 << 16);
      bits[first_two_bytes(form)] = true;
      size_t cp_end = 0;
      const char32_t first_cp = next_codepoint(form, cp_end);
      std::string capital;
      append_utf8(capital, static_cast<char32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(first_cp))));
      capital += form.substr(cp_end);
      bits[first_two_bytes(capital)] = true;
    }
    ++f.word_count_;
  }
  return f;
}

const NumberWord* QuantityFinder::word(std::string_view lang, std::string_view key) const {
  auto it = words_.find(std::string(lang) + "|" + std::string(key));
  return it == words_.end() ? nullptr : &it->second;
}

namespace {
std::vector<QuantityInfo> run(const QuantityFinder* f, std::string_view text, std::string_view lang) {
  QuantityScanner sc{f, text, std::string(lang), {}, {}, {}, {}};
  if (sc.lang.empty() || sc.lang == "und") sc.lang = "en";  // number words: English by default
  sc.first_bytes = QuantityScanner::first_bytes_of(f, sc.lang);
  sc.tokenize();
  sc.find_dates();
  sc.scan();
  sc.scan_cjk_numerals();
  std::sort(sc.out.begin(), sc.out.end(), [](const QuantityInfo& a, const QuantityInfo& b) { return a.span.begin < b.span.begin; });
  return std::move(sc.out);
}
}  // namespace

std::vector<QuantityInfo> QuantityFinder::find(std::string_view text, std::string_view lang) const {
  return run(this, text, lang);
}

std::vector<QuantityInfo> find_quantities(std::string_view text, std::string_view lang) {
  return run(nullptr, text, lang);
}

}  // namespace px
