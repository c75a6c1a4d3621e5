#include "lang_detect.h"

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>

#include "encoding.h"

namespace px {
namespace {

constexpr size_t kMaxBytesExamined = 64 * 1024;  // enough for a stable guess, cheap for huge texts

struct ScriptCounts {
  uint32_t latin = 0, cyrillic = 0, greek = 0, arabic = 0, hebrew = 0, han = 0, kana = 0,
           hangul = 0, thai = 0, devanagari = 0, other = 0;
};

// Very frequent, short function words; a text's share of each list decides the language.
struct WordList {
  const char* code;
  std::array<const char*, 24> words;
};
constexpr WordList kLatinLanguages[] = {
    {"en", {"the", "and", "of", "to", "in", "is", "that", "for", "it", "with", "as", "was",
            "on", "are", "by", "this", "be", "from", "at", "have", "has", "which", "its", "their"}},
    {"de", {"der", "die", "und", "in", "den", "von", "zu", "das", "mit", "sich", "des", "auf",
            "für", "ist", "im", "dem", "nicht", "ein", "eine", "als", "auch", "es", "an", "wird"}},
    {"it", {"di", "che", "il", "la", "e", "per", "un", "in", "non", "della", "del", "una",
            "le", "si", "con", "da", "sono", "al", "dei", "nel", "gli", "alla", "ha", "è"}},
    {"fr", {"de", "la", "le", "et", "les", "des", "en", "un", "du", "une", "que", "est",
            "pour", "qui", "dans", "par", "au", "sur", "pas", "plus", "ne", "avec", "se", "aux"}},
    {"es", {"de", "la", "que", "el", "en", "y", "los", "del", "se", "las", "por", "un",
            "para", "con", "no", "una", "su", "al", "es", "lo", "como", "más", "pero", "sus"}},
    {"pt", {"de", "que", "o", "a", "e", "do", "da", "em", "um", "para", "é", "com", "não",
            "uma", "os", "no", "se", "na", "por", "mais", "as", "dos", "como", "mas"}},
    {"nl", {"de", "van", "het", "een", "en", "in", "is", "dat", "op", "te", "zijn", "met",
            "voor", "niet", "aan", "er", "om", "ook", "als", "bij", "door", "wordt", "naar", "uit"}},
};

void count_script(char32_t cp, ScriptCounts& c) {
  if (cp < 0x80) {
    if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ++c.latin;
    return;
  }
  if (cp < 0x250 || (cp >= 0x1E00 && cp < 0x1F00)) ++c.latin;
  else if (cp >= 0x370 && cp < 0x400) ++c.greek;
  else if (cp >= 0x400 && cp < 0x530) ++c.cyrillic;
  else if (cp >= 0x590 && cp < 0x600) ++c.hebrew;
  else if ((cp >= 0x600 && cp < 0x700) || (cp >= 0x750 && cp < 0x780)) ++c.arabic;
  else if (cp >= 0x900 && cp < 0x980) ++c.devanagari;
  else if (cp >= 0xE00 && cp < 0xE80) ++c.thai;
  else if ((cp >= 0x3040 && cp < 0x3100) || (cp >= 0x31F0 && cp < 0x3200)) ++c.kana;
  else if ((cp >= 0x4E00 && cp < 0xA000) || (cp >= 0x3400 && cp < 0x4DC0)) ++c.han;
  else if ((cp >= 0xAC00 && cp < 0xD7B0) || (cp >= 0x1100 && cp < 0x1200)) ++c.hangul;
  else if (cp > 0x2FFF) ++c.other;
}

}  // namespace

LanguageGuess guess_language(std::string_view text) {
  if (text.size() > kMaxBytesExamined) text = text.substr(0, kMaxBytesExamined);
  ScriptCounts sc;
  std::unordered_map<std::string, uint32_t> word_freq;
  std::string word;
  uint32_t words = 0;
  auto flush = [&] {
    if (!word.empty()) {
      ++word_freq[word];
      ++words;
      word.clear();
    }
  };
  for (size_t i = 0; i < text.size();) {
    char32_t cp = next_codepoint(text, i);
    count_script(cp, sc);
    bool letter = (cp < 0x80) ? (((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')) : (cp >= 0xC0 && cp < 0x250);
    if (letter) {
      // Lowercase Latin letters cheaply (ASCII and Latin-1 upper case).
      if (cp >= 'A' && cp <= 'Z') cp += 32;
      else if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) cp += 32;
      append_utf8(word, cp);
    } else {
      flush();
    }
  }
  flush();

  const uint32_t letters = sc.latin + sc.cyrillic + sc.greek + sc.arabic + sc.hebrew + sc.han +
                           sc.kana + sc.hangul + sc.thai + sc.devanagari + sc.other;
  if (letters < 3) return {};
  auto share = [&](uint32_t n) { return static_cast<float>(n) / static_cast<float>(letters); };

  // Non-Latin scripts decide on their own. Japanese is Han plus kana; Chinese is Han alone.
  if (sc.kana > 0 && share(sc.kana + sc.han) > 0.3f) return {"ja", std::min(1.f, 0.5f + share(sc.kana + sc.han))};
  if (share(sc.han) > 0.3f) return {"zh", std::min(1.f, 0.4f + share(sc.han))};
  if (share(sc.hangul) > 0.3f) return {"ko", share(sc.hangul)};
  if (share(sc.cyrillic) > 0.4f) return {"ru", share(sc.cyrillic) * 0.9f};  // uk/bg/sr: later issue
  if (share(sc.arabic) > 0.4f) return {"ar", share(sc.arabic) * 0.8f};
  if (share(sc.hebrew) > 0.4f) return {"he", share(sc.hebrew)};
  if (share(sc.greek) > 0.4f) return {"el", share(sc.greek)};
  if (share(sc.thai) > 0.4f) return {"th", share(sc.thai)};
  if (share(sc.devanagari) > 0.4f) return {"hi", share(sc.devanagari) * 0.8f};
  if (share(sc.latin) < 0.5f || words == 0) return {};

  float best = 0.f, second = 0.f;
  const char* best_code = "und";
  for (const WordList& wl : kLatinLanguages) {
    uint32_t hits = 0;
    for (const char* w : wl.words) {
      auto it = word_freq.find(w);
      if (it != word_freq.end()) hits += it->second;
    }
    float score = static_cast<float>(hits) / static_cast<float>(words);
    if (score > best) {
      second = best;
      best = score;
      best_code = wl.code;
    } else if (score > second) {
      second = score;
    }
  }
  if (best < 0.05f) return {"und", 0.f};
  // Confidence: how clearly the winner beats the runner-up, damped for short texts.
  float margin = (best - second) / best;
  float length_factor = std::min(1.f, static_cast<float>(words) / 30.f);
  return {best_code, std::min(1.f, 0.3f + 0.7f * margin) * (0.5f + 0.5f * length_factor)};
}

bool is_rtl_language(std::string_view code) {
  return code == "ar" || code == "he" || code == "fa" || code == "ur" || code == "yi" ||
         code == "ps" || code == "dv" || code == "sd" || code == "ug";
}

std::string_view language_name(std::string_view code) {
  static const std::unordered_map<std::string_view, std::string_view> names = {
      {"en", "English"}, {"de", "German"},  {"it", "Italian"}, {"fr", "French"},
      {"es", "Spanish"}, {"pt", "Portuguese"}, {"nl", "Dutch"}, {"ru", "Russian"},
      {"ja", "Japanese"}, {"zh", "Chinese"}, {"ko", "Korean"}, {"ar", "Arabic"},
      {"he", "Hebrew"},  {"el", "Greek"},   {"th", "Thai"},    {"hi", "Hindi"},
      {"und", "unknown"}};
  auto it = names.find(code);
  return it == names.end() ? code : it->second;
}

}  // namespace px
