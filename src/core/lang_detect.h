// lang_detect.h — a simple language guess for whole articles.
//
// Script first (Cyrillic, kana, Han, Hangul, Arabic, Hebrew, Greek, Thai, Devanagari...),
// then, for Latin script, the share of very frequent function words of en, de, it, fr, es,
// pt and nl. Good enough for article-length text; the text-core issue replaces it with a real
// identifier for short text and many more languages.
//
//   LanguageGuess g = guess_language(doc.text);   // {"it", 0.93}
#pragma once
#include <string>
#include <string_view>

namespace px {

struct LanguageGuess {
  std::string code = "und";  // ISO 639-1, "und" when unsure
  float confidence = 0.f;    // 0..1
};

LanguageGuess guess_language(std::string_view utf8_text);

// Languages written right to left (Dear ImGui cannot shape them: the UI says so).
bool is_rtl_language(std::string_view code);

// English name of a language code for display ("de" -> "German"); the code itself if unknown.
std::string_view language_name(std::string_view code);

}  // namespace px
