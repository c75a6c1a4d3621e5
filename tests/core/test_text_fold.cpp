// Search keys: case- and accent-insensitive matching in every script we display.
#include <doctest/doctest.h>

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
