// date_parse.cpp — dates as newspapers write them (see date_parse.h).
//
// The text is split into tokens (numbers, words folded to lowercase without accents, single
// symbols); a small set of token patterns is then tried at each position:
//   numeric   2025-05-22, 22.05.2025, 22/05/2025, 05/22/2025 (US only when unambiguous)
//   CJK       2025年5月22日, 2025년 5월 22일
//   day first 22 May 2025, 22. Mai 2025, 1er mai 2025, 22 de mayo de 2025, 22 мая 2025
//   month first May 22, 2025, Sept. 5th 2025
// Guards against false hits: a year must have exactly four digits, a date must not be glued
// to surrounding digits ("1.2.2025.4", "v1.2.2025"), and "20250522" is never a date.
#include "date_parse.h"

#include <array>
#include <cstdint>
#include <vector>

#include "encoding.h"

namespace px {
namespace {

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2100;
constexpr size_t kMinAbbreviation = 3;  // shortest month-name prefix accepted ("Sep", "déc")
constexpr uint32_t kMaxNumberDigits = 9;  // longer digit runs keep their count, not their value

enum class Kind : uint8_t { Number, Word, Symbol };

struct Token {
  Kind kind;
  uint32_t begin = 0, end = 0;  // bytes into the text
  bool space_before = false;    // whitespace separates it from the previous token
  int value = 0;                // Number: its value; Symbol: its code point
  uint32_t digits = 0;          // Number: how many digits
  std::string word;             // Word: lowercase, Latin accents stripped
};

struct MonthName {
  std::string_view folded;
  int month;
};

// Full names (folded) in en, de, it, fr, es, pt, nl and ru (nominative and genitive), plus
// abbreviations that are not prefixes of a full name. Any unambiguous prefix of at least
// kMinAbbreviation letters is accepted too ("Jan", "févr", "dic", "сент").
constexpr MonthName kMonthNames[] = {
    {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6},
    {"july", 7}, {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11},
    {"december", 12},
    {"januar", 1}, {"janner", 1}, {"februar", 2}, {"marz", 3}, {"maerz", 3}, {"mai", 5},
    {"juni", 6}, {"juli", 7}, {"oktober", 10}, {"dezember", 12}, {"mrz", 3},
    {"gennaio", 1}, {"febbraio", 2}, {"marzo", 3}, {"aprile", 4}, {"maggio", 5},
    {"giugno", 6}, {"luglio", 7}, {"agosto", 8}, {"settembre", 9}, {"ottobre", 10},
    {"novembre", 11}, {"dicembre", 12},
    {"janvier", 1}, {"fevrier", 2}, {"mars", 3}, {"avril", 4}, {"juin", 6}, {"juillet", 7},
    {"aout", 8}, {"septembre", 9}, {"octobre", 10}, {"decembre", 12},
    {"enero", 1}, {"febrero", 2}, {"abril", 4}, {"mayo", 5}, {"junio", 6}, {"julio", 7},
    {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10}, {"noviembre", 11},
    {"diciembre", 12},
    {"janeiro", 1}, {"fevereiro", 2}, {"marco", 3}, {"maio", 5}, {"junho", 6}, {"julho", 7},
    {"setembro", 9}, {"outubro", 10}, {"dezembro", 12},
    {"januari", 1}, {"februari", 2}, {"maart", 3}, {"mei", 5}, {"augustus", 8}, {"mrt", 3},
    {"январь", 1}, {"февраль", 2}, {"март", 3}, {"апрель", 4}, {"май", 5}, {"июнь", 6},
    {"июль", 7}, {"август", 8}, {"сентябрь", 9}, {"октябрь", 10}, {"ноябрь", 11},
    {"декабрь", 12},
    {"января", 1}, {"февраля", 2}, {"марта", 3}, {"апреля", 4}, {"мая", 5}, {"июня", 6},
    {"июля", 7}, {"августа", 8}, {"сентября", 9}, {"октября", 10}, {"ноября", 11},
    {"декабря", 12},
};

// Words that may precede a date in parse_date: weekdays (full and short) and articles. A date
// is tried at each position before its word is skipped, so "mar" (mardi) never hides "Mar 3".
constexpr std::string_view kLeadingWords[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
    "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend",
    "sonntag", "mo", "di", "mi", "do", "fr", "sa", "so",
    "lunedi", "martedi", "mercoledi", "giovedi", "venerdi", "sabato", "domenica", "gio", "ven",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lun", "mar", "mer",
    "jeu", "sam", "dim",
    "lunes", "martes", "miercoles", "jueves", "viernes", "domingo", "mie", "jue", "vie", "sab",
    "dom",
    "segunda", "terca", "quarta", "quinta", "sexta", "feira", "seg", "ter", "qua", "qui", "sex",
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "ma", "wo",
    "vr", "za", "zo",
    "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье", "пн",
    "вт", "ср", "чт", "пт", "сб", "вс",
    "the", "on", "am", "den", "le", "el", "il", "o"};

// Words that may follow a date in parse_date: times, time zones, "года", "Uhr".
constexpr std::string_view kTrailingWords[] = {
    "t", "z", "utc", "gmt", "uhr", "h", "hs", "hrs", "am", "pm", "a", "m", "p", "at", "um",
    "alle", "ore", "las", "de", "et", "cet", "cest", "mez", "mesz", "est", "edt", "cst", "cdt",
    "pst", "pdt", "bst", "ist", "msk", "г", "года", "год", "в"};

constexpr std::string_view kOrdinalSuffixes[] = {"st", "nd", "rd", "th", "er", "º", "ª", "o"};

// Latin-1 letters U+00C0..U+00DF (and their lowercase forms at +0x20) without accents;
// '*' keeps the letter itself (Æ, Þ, ß).
constexpr std::string_view kLatin1Base = "aaaaaa*ceeeeiiiidnooooo*ouuuuy**";

bool is_space(char32_t cp) {
  return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) ||
         cp == 0x202F || cp == 0x3000 || cp == 0xFEFF;
}

bool is_letter(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  return cp == 0xAA || cp == 0xBA || (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
         (cp >= 0x370 && cp <= 0x52F);  // Greek, Cyrillic
}

void append_folded(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 0x20 : cp));
  } else if (cp >= 0xC0 && cp <= 0xFF) {
    const char base = cp == 0xFF ? 'y' : kLatin1Base[cp & 0x1F];
    if (base != '*') out.push_back(base);
    else append_utf8(out, cp < 0xDF ? cp + 0x20 : cp);
  } else if (cp >= 0x410 && cp <= 0x42F) {  // Cyrillic А..Я
    append_utf8(out, cp + 0x20);
  } else if (cp >= 0x400 && cp <= 0x40F) {  // Ѐ..Џ
    append_utf8(out, cp + 0x50);
  } else {
    append_utf8(out, cp);
  }
}

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> tokens;
  bool space = true;
  for (size_t i = 0; i < s.size();) {
    const size_t begin = i;
    const char32_t cp = next_codepoint(s, i);
    if (is_space(cp)) {
      space = true;
      continue;
    }
    Token t;
    t.begin = static_cast<uint32_t>(begin);
    t.space_before = space;
    space = false;
    if (cp >= '0' && cp <= '9') {
      t.kind = Kind::Number;
      for (i = begin; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
        if (t.digits++ < kMaxNumberDigits) t.value = t.value * 10 + (s[i] - '0');
      }
    } else if (is_letter(cp)) {
      t.kind = Kind::Word;
      append_folded(t.word, cp);
      for (size_t j = i; j < s.size(); i = j) {
        const char32_t next = next_codepoint(s, j);
        if (!is_letter(next)) break;
        append_folded(t.word, next);
      }
    } else {
      t.kind = Kind::Symbol;
      t.value = static_cast<int>(cp);
    }
    t.end = static_cast<uint32_t>(i);
    tokens.push_back(std::move(t));
  }
  return tokens;
}

template <size_t N>
bool contains(const std::string_view (&list)[N], std::string_view word) {
  for (const std::string_view w : list) {
    if (w == word) return true;
  }
  return false;
}

size_t codepoint_count(std::string_view s) {
  size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// 1..12 for a month name or an unambiguous abbreviation of one, 0 otherwise.
int month_of(std::string_view word) {
  int found = 0;
  const bool may_abbreviate = codepoint_count(word) >= kMinAbbreviation;
  for (const MonthName& name : kMonthNames) {
    if (name.folded == word) return name.month;
    if (may_abbreviate && name.folded.substr(0, word.size()) == word) {
      if (found && found != name.month) return 0;  // "jui": juin or juillet
      found = name.month;
    }
  }
  return found;
}

int days_in_month(int year, int month) {
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

struct Match {
  int year = 0, month = 0, day = 0;
  size_t first = 0, last = 0;  // token indices, inclusive
};

class Matcher {
 public:
  explicit Matcher(const std::vector<Token>& t) : t_(t) {}

  std::optional<Match> at(size_t k) const {
    if (is(k, Kind::Word)) return month_first(k);
    if (!is(k, Kind::Number) || glued_before(k)) return std::nullopt;
    if (auto m = cjk(k)) return m;
    if (auto m = numeric(k)) return m;
    return day_first(k);
  }

 private:
  bool is(size_t i, Kind kind) const { return i < t_.size() && t_[i].kind == kind; }
  bool adjacent(size_t i) const { return i < t_.size() && !t_[i].space_before; }
  bool symbol(size_t i, char32_t cp) const {
    return is(i, Kind::Symbol) && t_[i].value == static_cast<int>(cp);
  }
  bool word(size_t i, std::string_view w) const { return is(i, Kind::Word) && t_[i].word == w; }
  bool number(size_t i, uint32_t min_digits, uint32_t max_digits) const {
    return is(i, Kind::Number) && t_[i].digits >= min_digits && t_[i].digits <= max_digits;
  }
  bool year(size_t i) const { return number(i, 4, 4); }
  bool small(size_t i) const { return number(i, 1, 2); }  // a day or month number
  bool digit_punct(size_t i) const {
    return symbol(i, '.') || symbol(i, ',') || symbol(i, '/') || symbol(i, '-') ||
           symbol(i, ':');
  }

  // Part of a longer number or code: "v1.2.2025", "3.22.05.2025", "1,22 May".
  bool glued_before(size_t k) const {
    if (k == 0 || !adjacent(k)) return false;
    if (is(k - 1, Kind::Word)) return true;
    return digit_punct(k - 1) && k >= 2 && adjacent(k - 1) && is(k - 2, Kind::Number);
  }
  bool glued_after(size_t last) const {
    const size_t i = last + 1;
    return adjacent(i) && (symbol(i, '.') || symbol(i, '/') || symbol(i, ',')) &&
           adjacent(i + 1) && is(i + 1, Kind::Number);
  }

  std::optional<Match> finish(int y, int m, int d, size_t first, size_t last) const {
    if (y < kMinYear || y > kMaxYear || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
      return std::nullopt;
    if (glued_after(last)) return std::nullopt;
    return Match{y, m, d, first, last};
  }

  std::optional<Match> cjk(size_t k) const {
    const bool chinese = symbol(k + 1, U'年') && symbol(k + 3, U'月') && symbol(k + 5, U'日');
    const bool korean = symbol(k + 1, U'년') && symbol(k + 3, U'월') && symbol(k + 5, U'일');
    if (!(chinese || korean) || !year(k) || !small(k + 2) || !small(k + 4)) return std::nullopt;
    return finish(t_[k].value, t_[k + 2].value, t_[k + 4].value, k, k + 5);
  }

  // 2025-05-22, 2025/05/22, 22.05.2025, 22. 5. 2025, 22/05/2025, 05/22/2025.
  std::optional<Match> numeric(size_t k) const {
    if (!is(k + 1, Kind::Symbol)) return std::nullopt;
    const char32_t sep = static_cast<char32_t>(t_[k + 1].value);
    if (sep != '.' && sep != '/' && sep != '-') return std::nullopt;
    const bool spaced_ok = sep == '.';  // German "22. 5. 2025"
    if (!adjacent(k + 1) || !symbol(k + 3, sep) || !adjacent(k + 3) || !is(k + 2, Kind::Number) ||
        !is(k + 4, Kind::Number) || (!spaced_ok && (!adjacent(k + 2) || !adjacent(k + 4))))
      return std::nullopt;
    const int a = t_[k].value, b = t_[k + 2].value, c = t_[k + 4].value;
    if (year(k) && small(k + 2) && small(k + 4)) return finish(a, b, c, k, k + 4);
    if (!small(k) || !small(k + 2) || !year(k + 4)) return std::nullopt;
    const bool us_order = sep != '.' && a <= 12 && b > 12;  // day first unless impossible
    return us_order ? finish(c, a, b, k, k + 4) : finish(c, b, a, k, k + 4);
  }

  // After a day number: "22.", "22nd", "1er", "1º", "1.º", "1°".
  size_t skip_day_suffix(size_t j) const {
    for (int n = 0; n < 2 && adjacent(j); ++n, ++j) {
      const bool ordinal = is(j, Kind::Word) && contains(kOrdinalSuffixes, t_[j].word);
      if (!ordinal && !symbol(j, '.') && !symbol(j, U'°')) break;
    }
    return j;
  }

  // "Jan." and "сент."
  size_t skip_abbreviation_dot(size_t j) const { return symbol(j, '.') && adjacent(j) ? j + 1 : j; }

  // 22 May 2025, 22. Mai 2025, 22nd of May, 2025, 22 de mayo de 2025, 22 мая 2025.
  std::optional<Match> day_first(size_t k) const {
    if (!small(k)) return std::nullopt;
    size_t j = skip_day_suffix(k + 1);
    if (word(j, "de") || word(j, "of")) ++j;
    const int month = is(j, Kind::Word) ? month_of(t_[j].word) : 0;
    if (!month) return std::nullopt;
    j = skip_abbreviation_dot(j + 1);
    if (symbol(j, ',') || word(j, "de") || word(j, "del")) ++j;
    if (!year(j)) return std::nullopt;
    return finish(t_[j].value, month, t_[k].value, k, j);
  }

  // May 22, 2025, Sept. 5th 2025.
  std::optional<Match> month_first(size_t k) const {
    const int month = month_of(t_[k].word);
    if (!month) return std::nullopt;
    size_t j = skip_abbreviation_dot(k + 1);
    if (!small(j)) return std::nullopt;
    const int day = t_[j].value;
    j = skip_day_suffix(j + 1);
    if (symbol(j, ',')) ++j;
    if (!year(j)) return std::nullopt;
    return finish(t_[j].value, month, day, k, j);
  }

  const std::vector<Token>& t_;
};

std::string to_iso(const Match& m) {
  std::string s = "0000-00-00";
  auto put = [&s](size_t end, int v) {
    for (size_t i = end; v > 0; v /= 10) s[--i] = static_cast<char>('0' + v % 10);
  };
  put(4, m.year);
  put(7, m.month);
  put(10, m.day);
  return s;
}

bool may_lead(const Token& t) {
  return t.kind == Kind::Symbol || (t.kind == Kind::Word && contains(kLeadingWords, t.word));
}

bool may_trail(const Token& t) {
  return t.kind != Kind::Word || contains(kTrailingWords, t.word);
}

}  // namespace

std::optional<std::string> parse_date(std::string_view text) {
  const std::vector<Token> tokens = tokenize(text);
  const Matcher matcher(tokens);
  for (size_t k = 0; k < tokens.size(); ++k) {
    if (const std::optional<Match> m = matcher.at(k)) {
      for (size_t i = m->last + 1; i < tokens.size(); ++i) {
        if (!may_trail(tokens[i])) return std::nullopt;
      }
      return to_iso(*m);
    }
    if (!may_lead(tokens[k])) return std::nullopt;
  }
  return std::nullopt;
}

std::optional<FoundDate> find_date(std::string_view text, size_t max_bytes) {
  if (text.size() > max_bytes) {
    // Do not cut a token in half ("2025-05-2|2" would read as May 2): end at whitespace.
    const size_t cut = text.find_last_of(" \t\n\r", max_bytes);
    text = text.substr(0, cut == std::string_view::npos ? 0 : cut);
  }
  const std::vector<Token> tokens = tokenize(text);
  const Matcher matcher(tokens);
  for (size_t k = 0; k < tokens.size(); ++k) {
    if (const std::optional<Match> m = matcher.at(k))
      return FoundDate{to_iso(*m), Span{tokens[m->first].begin, tokens[m->last].end}};
  }
  return std::nullopt;
}

}  // namespace px
