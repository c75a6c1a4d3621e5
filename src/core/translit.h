// translit.h — a Latin-script linking key for a name in any of the project's scripts, so
// mentions written in different scripts can be compared (entity linking, issue 4).
//
//   latin_key("Рютте")        -> "ryutte"      Cyrillic: BGN/PCGN-style table (see below)
//   latin_key("ルッテ")        -> "rutte"       kana: Hepburn
//   latin_key("Mark Rutte")   -> "mark rutte"  Latin: folded (lowercase, accents stripped)
//   latin_key("石破茂")        -> "石破茂"       Han stays Han (linking uses ids / dictionaries)
//
// Why BGN/PCGN-style for Cyrillic (ю -> "yu", ш -> "sh", х -> "kh") and not ISO 9 or the
// scientific "ju": it shares its conventions with Hepburn (ユ "yu", シ "shi"), so a name
// written in Cyrillic and in katakana gets comparable keys, and English-language news spells
// Russian names that way (Shoigu, Zelensky). Keys are for tolerant matching, not display.
//
// Words come out separated by single spaces; punctuation inside a name ("-", "·", "・") is a
// word break; apostrophes and soft/hard signs vanish.
#pragma once
#include <string>
#include <string_view>

namespace px {

std::string latin_key(std::string_view name);

// Appends the key of one code point sequence; used by latin_key, exposed for the recogniser's
// hot loop (no allocation when `out` has capacity).
void append_latin_key(std::string_view name, std::string& out);

}  // namespace px
