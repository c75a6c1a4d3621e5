// translit.cpp — Cyrillic and kana to Latin keys (see translit.h).
#include "translit.h"

#include <utf8proc.h>

#include "encoding.h"
#include "text_fold.h"

namespace px {
namespace {

// Russian (plus the Ukrainian/Belarusian letters news text meets), lower case, from U+0430.
// BGN/PCGN-like; ъ and ь vanish (they only mark hardness/softness).
const char* cyrillic_lower(char32_t c) {
  static const char* const kRu[32] = {"a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k",
                                      "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh",
                                      "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"};
  if (c >= 0x0430 && c <= 0x044F) return kRu[c - 0x0430];
  switch (c) {
    case 0x0451: return "e";   // ё
    case 0x0456: return "i";   // і
    case 0x0457: return "yi";  // ї
    case 0x0454: return "ye";  // є
    case 0x0491: return "g";   // ґ
    case 0x045E: return "u";   // ў
    case 0x0458: return "j";   // ј (Serbian)
    case 0x045A: return "nj";  // њ
    case 0x0459: return "lj";  // љ
    case 0x045B: return "c";   // ћ
    case 0x045F: return "dz";  // џ
    case 0x0452: return "d";   // ђ
    case 0x0455: return "dz";  // ѕ
    case 0x045C: return "k";   // ќ
    case 0x0453: return "g";   // ѓ
    default: return nullptr;
  }
}

// Hepburn for the katakana block U+30A1..U+30FA (hiragana is mapped onto it first).
// Small kana (ァ ィ ゥ ェ ォ ャ ュ ョ ッ ヮ) are handled by the caller; "" here.
const char* katakana_romaji(char32_t c) {
  static const char* const kKana[] = {
      "",   "a",  "",   "i",  "",   "u",  "",   "e",  "",   "o",   // 30A1 ァア ィイ ゥウ ェエ ォオ
      "ka", "ga", "ki", "gi", "ku", "gu", "ke", "ge", "ko", "go",  // 30AB
      "sa", "za", "shi", "ji", "su", "zu", "se", "ze", "so", "zo", // 30B5
      "ta", "da", "chi", "ji", "",  "tsu", "zu", "te", "de", "to", // 30BF (30C3 ッ small)
      "do", "na", "ni", "nu", "ne", "no",                          // 30C9
      "ha", "ba", "pa", "hi", "bi", "pi", "fu", "bu", "pu",        // 30CF
      "he", "be", "pe", "ho", "bo", "po",                          // 30D8
      "ma", "mi", "mu", "me", "mo",                                // 30DE
      "",   "ya", "",   "yu", "",   "yo",                          // 30E3 ャヤ ュユ ョヨ
      "ra", "ri", "ru", "re", "ro",                                // 30E9
      "",   "wa", "i",  "e",  "o",  "n",  "vu", "ka", "ke",        // 30EE ヮワヰヱヲンヴヵヶ
      "va", "vi", "ve", "vo"};                                     // 30F7..30FA
  static_assert(sizeof(kKana) / sizeof(kKana[0]) == 0x30FA - 0x30A1 + 1, "one entry per code point");
  if (c < 0x30A1 || c > 0x30FA) return nullptr;
  return kKana[c - 0x30A1];
}

bool is_vowel(char ch) { return ch == 'a' || ch == 'i' || ch == 'u' || ch == 'e' || ch == 'o'; }

bool ends_with(const std::string& s, const char* suffix) {
  const size_t n = std::char_traits<char>::length(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

void word_break(std::string& out, size_t start) {
  if (out.size() > start && out.back() != ' ') out.push_back(' ');
}

}  // namespace

void append_latin_key(std::string_view name, std::string& out) {
  const size_t start = out.size();
  bool geminate = false;        // ッ seen: double the next consonant
  size_t last_syllable = 0;     // where the last kana syllable starts in `out`
  bool after_kana = false;
  for (size_t i = 0; i < name.size();) {
    char32_t c = next_codepoint_fast(name, i);
    if (c >= 0x3041 && c <= 0x3096) c += 0x60;  // hiragana -> katakana
    const bool kana = (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC;
    if (kana) {
      if (c == 0x30FC) continue;                 // ー long vowel: dropped (keys, not display)
      if (c == 0x30C3) { geminate = true; continue; }
      if (after_kana && (c == 0x30E3 || c == 0x30E5 || c == 0x30E7)) {  // small ャ ュ ョ
        const char* v = c == 0x30E3 ? "a" : c == 0x30E5 ? "u" : "o";
        if (!out.empty() && out.back() == 'i' && out.size() - last_syllable > 1) {
          out.pop_back();  // キャ kya, シャ sha, チュ chu, ジョ jo
          if (!(ends_with(out, "sh") || ends_with(out, "ch") || ends_with(out, "j"))) out.push_back('y');
        } else {
          out.push_back('y');
        }
        out += v;
        continue;
      }
      if (after_kana && (c == 0x30A1 || c == 0x30A3 || c == 0x30A5 || c == 0x30A7 || c == 0x30A9)) {
        const char v = "aiueo"[(c - 0x30A1) / 2];  // small ァ ィ ゥ ェ ォ: ファ fa, ティ ti, ウィ wi
        if (out.size() - last_syllable == 1 && out.back() == 'u') out.back() = 'w';
        else if (!out.empty() && is_vowel(out.back()) && out.size() - last_syllable > 1) out.pop_back();
        out.push_back(v);
        continue;
      }
      const char* r = katakana_romaji(c);
      if (!r || !*r) {  // a small kana with nothing before it: its plain vowel
        if (c >= 0x30A1 && c <= 0x30A9) out.push_back("aiueo"[(c - 0x30A1) / 2]);
        continue;
      }
      if (geminate && !is_vowel(r[0]) && r[0] != 'n') out.push_back(r[0] == 'c' ? 't' : r[0]);  // ッチ tch
      geminate = false;
      last_syllable = out.size();
      out += r;
      after_kana = true;
      continue;
    }
    after_kana = false;
    geminate = false;
    if (c == '\'' || c == 0x2019 || c == 0x02BC || c == 0x00AD) continue;  // O'Brien -> obrien
    if (const char* r = (c >= 0x0400 && c <= 0x04FF)
                            ? cyrillic_lower(static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c))))
                            : nullptr) {
      out += r;
      continue;
    }
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO) {
      if (c < 0x80) {
        out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
      } else {
        std::string one;
        append_utf8(one, c);
        out += fold_for_search(one);  // Latin, Greek, Han...: folded (Han unchanged)
      }
    } else {
      word_break(out, start);  // spaces, hyphens, ・, punctuation
    }
  }
  while (out.size() > start && out.back() == ' ') out.pop_back();
}

std::string latin_key(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  append_latin_key(name, out);
  return out;
}

}  // namespace px
