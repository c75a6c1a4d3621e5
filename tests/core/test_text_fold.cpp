// Search keys: case- and accent-insensitive matching in every script we display.
#include <doctest/doctest.h>

#include <utf8proc.h>

#include <cstdlib>
#include <string>

#include "encoding.h"
#include "text_fold.h"

using namespace px;

TEST_CASE("fold: case and accents do not matter") {
  CHECK(fold_for_search("Rutte") == "rutte");
  CHECK(fold_for_search("città") == "citta");
  CHECK(fold_for_search("München") == "munchen");
  CHECK(fold_for_search("Straße") == "strasse");          // full case folding
  CHECK(fold_for_search("ÉLYSÉE") == "elysee");
  CHECK(fold_for_search("Ärger") == fold_for_search("arger"));
  CHECK(fold_for_search("РЮТТЕ") == "рютте");            // Cyrillic lower-cased
  CHECK(fold_for_search("Ёлка") == "елка");              // ё folds to е (diaeresis stripped)
  CHECK(fold_for_search("ΑΘΗΝΑ") == "αθηνα");
  CHECK(fold_for_search("ﬁnal") == "final");              // compatibility ligature
  CHECK(fold_for_search("ＮＡＴＯ") == "nato");            // full-width Latin
  CHECK(fold_for_search("北大西洋条約機構") == "北大西洋条約機構");  // Han unchanged
  CHECK(fold_for_search("rutte") != fold_for_search("rutta"));
}

TEST_CASE("fold: invalid UTF-8 becomes U+FFFD, never a crash") {
  std::string bad = "ab\xC3(\xFF";
  std::string f = fold_for_search(bad);
  CHECK(f.find("\xEF\xBF\xBD") != std::string::npos);
  CHECK(f.substr(0, 2) == "ab");
}

TEST_CASE("fold: hits map back to the original bytes") {
  const std::string text = "Die Stadt München und die Straße.";
  auto hits = find_folded(text, fold_for_search("munchen"));
  REQUIRE(hits.size() == 1);
  CHECK(text.substr(hits[0].begin, hits[0].size()) == "München");
  hits = find_folded(text, "strasse");
  REQUIRE(hits.size() == 1);
  CHECK(text.substr(hits[0].begin, hits[0].size()) == "Straße");
  hits = find_folded(text, "stras");  // ends inside "ß" -> the whole ß is marked
  REQUIRE(hits.size() == 1);
  CHECK(text.substr(hits[0].begin, hits[0].size()) == "Straß");
  CHECK(find_folded(text, "paris").empty());
  CHECK(find_folded("la città e la Città", "citta").size() == 2);
}

TEST_CASE("fold: search terms split on spaces, quoted phrases kept") {
  auto t = search_terms("  Rutte  \"Prime Minister\" città ");
  REQUIRE(t.size() == 3);
  CHECK(t[0] == "rutte");
  CHECK(t[1] == "prime minister");
  CHECK(t[2] == "citta");
  CHECK(search_terms("   ").empty());
}

TEST_CASE("fold: NFC and safe truncation") {
  CHECK(to_nfc("cafe\xCC\x81") == "caf\xC3\xA9");  // e + combining acute -> é
  CHECK(to_nfc("plain") == "plain");
  const std::string s = "日本語";                   // 3 bytes per character
  CHECK(truncate_utf8(s, 4) == "日");
  CHECK(truncate_utf8(s, 6) == "日本");
  CHECK(truncate_utf8(s, 100) == s);
  CHECK(truncate_utf8("abc", 0).empty());
}

namespace {
// utf8proc itself, as fold_for_search and to_nfc used it before their fast paths.
std::string utf8proc_mapped(std::string_view s, int options) {
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                    static_cast<utf8proc_ssize_t>(s.size()), &out, static_cast<utf8proc_option_t>(options));
  std::string r = n >= 0 && out ? std::string(reinterpret_cast<char*>(out), static_cast<size_t>(n)) : std::string("<error>");
  free(out);
  return r;
}
std::string utf8_of(char32_t cp) {
  std::string s;
  append_utf8(s, cp);
  return s;
}
}  // namespace

TEST_CASE("fold: the table of two-byte code points folds as utf8proc does") {
  const int options = UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE;
  size_t compared = 0;
  for (char32_t cp = 0x80; cp < 0x800; ++cp) {
    const std::string expected = utf8proc_mapped(utf8_of(cp), options);
    if (expected == "<error>") continue;  // unassigned: kept as is (fold_for_search's rule)
    CHECK_MESSAGE(fold_for_search(utf8_of(cp)) == expected, "U+" << std::hex << uint32_t(cp));
    ++compared;
  }
  CHECK(compared > 1500);
  // Runs of ASCII between other letters, and the ASCII fast path's case folding.
  CHECK(fold_for_search("ÀB Çd ЖЁ x") == "ab cd же x");
  CHECK(fold_for_search(std::string(100, 'Q') + "é") == std::string(100, 'q') + "e");
}

TEST_CASE("fold: to_nfc skips utf8proc only where NFC changes nothing") {
  const int nfc = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
  // Every BMP code point alone, after a base letter, and before a combining acute: the quick
  // check may say "maybe" too often, never "unchanged" wrongly.
  for (char32_t cp = 0x80; cp < 0x10000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    for (const std::string& s : {utf8_of(cp), "e" + utf8_of(cp), utf8_of(cp) + "\xCC\x81"}) {
      const std::string expected = utf8proc_mapped(s, nfc);
      if (expected == "<error>") continue;
      if (to_nfc(s) != expected) FAIL_CHECK("U+" << std::hex << uint32_t(cp));
    }
  }
  CHECK(to_nfc("e\xCC\x81") == "\xC3\xA9");           // e + combining acute -> é
  CHECK(to_nfc("\xE2\x84\xAB") == "\xC3\x85");        // U+212B ANGSTROM SIGN -> Å (a singleton)
  CHECK(to_nfc("\xE1\x84\x80\xE1\x85\xA1") == "\xEA\xB0\x80");  // conjoining jamo -> 가
  CHECK(to_nfc("Città, München, Москва, 東京") == "Città, München, Москва, 東京");  // already NFC
}
