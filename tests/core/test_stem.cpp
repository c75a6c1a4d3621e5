// Stemming (Snowball) and match keys, stopword lists and density.
#include <doctest/doctest.h>

#include "stem.h"
#include "stopwords.h"

using namespace px;

TEST_CASE("stem: inflections of one word share a stem, per language") {
  Stemmer s;
  CHECK(s.stem("cooperation", "en") == s.stem("cooperating", "en"));
  CHECK(s.stem("threats", "en") == "threat");
  CHECK(s.stem("zusammenarbeit", "de") == s.stem("zusammenarbeiten", "de"));
  CHECK(s.stem("bündnisses", "de") == s.stem("bündnis", "de"));
  CHECK(s.stem("bundnisses", "de") == s.stem("bundnis", "de"));  // folded input works too
  CHECK(s.stem("cooperazione", "it") == s.stem("cooperazioni", "it"));
  CHECK(s.stem("securite", "fr") == s.stem("securites", "fr"));
  CHECK(s.stem("cooperación", "es") == s.stem("cooperaciones", "es"));
  CHECK(s.stem("сотрудничества", "ru") == s.stem("сотрудничество", "ru"));
  CHECK(s.stem("samenwerking", "nl") == s.stem("samenwerkingen", "nl"));
  CHECK(s.stem("cooperação", "pt") == s.stem("cooperações", "pt"));
  CHECK(s.stem("bilarna", "sv") == "bil");
  // Different words stay apart.
  CHECK(s.stem("nation", "en") != s.stem("notion", "en"));
  CHECK(s.stem("difesa", "it") != s.stem("difficile", "it"));
}

TEST_CASE("stem: languages without a stemmer return the word unchanged") {
  Stemmer s;
  CHECK_FALSE(s.supports("ja"));
  CHECK_FALSE(s.supports("zh"));
  CHECK(s.stem("防衛協力", "ja") == "防衛協力");
  CHECK(s.stem("北约", "zh") == "北约");
  CHECK(s.stem("threats", "und") == "threats");
  CHECK(s.supports("en"));
  CHECK(s.supports("pt-BR"));  // region ignored
  CHECK(s.supports("nb"));     // Bokmål -> Norwegian
  CHECK(s.stem("", "en").empty());
  const std::string junk(500, 'a');
  CHECK(s.stem(junk, "en") == junk);  // over kMaxStemWordBytes: unchanged, no crash
}

TEST_CASE("stem: two instances and moves keep working") {
  Stemmer a, b;
  CHECK(a.stem("running", "en") == "run");
  CHECK(b.stem("laufenden", "de") == a.stem("laufende", "de"));
  Stemmer c = std::move(a);
  CHECK(c.stem("running", "en") == "run");
  std::string out;
  for (int i = 0; i < 3; ++i) c.stem_into("strengthening", "en", out);
  CHECK(out == "strengthen");
}

TEST_CASE("stem: match_key lower-cases, stems, then strips accents") {
  Stemmer s;
  CHECK(match_key("Zusammenarbeit", "de", s) == match_key("ZUSAMMENARBEITEN", "de", s));
  CHECK(match_key("Bündnisses", "de", s) == match_key("Bündnis", "de", s));
  CHECK(match_key("sécurité", "fr", s) == match_key("Sécurités", "fr", s));
  CHECK(match_key("Cooperación", "es", s) == match_key("cooperaciones", "es", s));
  CHECK(match_key("Cooperación", "es", s) == "cooper");
  CHECK(match_key("Cooperações", "pt", s) == match_key("cooperação", "pt", s));
  CHECK(match_key("Straße", "de", s) == match_key("Strassen", "de", s));
  CHECK(match_key("Città", "it", s) == match_key("citta", "it", s));
  CHECK(match_key("Сотрудничества", "ru", s) == match_key("сотрудничество", "ru", s));
  // Russian adjectives: stemmed before й loses its breve, so -ый/-ая meet at one stem.
  CHECK(match_key("Новый", "ru", s) == match_key("новая", "ru", s));
  CHECK(match_key("военный", "ru", s) == match_key("военные", "ru", s));
  CHECK(match_key("NATO", "ja", s) == "nato");
  CHECK(match_key("Rutte", "en", s) != match_key("Route", "en", s));
}

TEST_CASE("stem: stopword lists load from the asset and fold") {
  auto sw = Stopwords::load(PX_ASSET_DIR);
  REQUIRE_MESSAGE(sw.ok(), sw.error());
  CHECK(sw->language_count() >= 20);
  CHECK(sw->is_stopword("the", "en"));
  CHECK(sw->is_stopword("und", "de"));
  CHECK(sw->is_stopword("uber", "de"));   // "über" folded
  CHECK(sw->is_stopword("della", "it"));
  CHECK(sw->is_stopword("и", "ru"));
  CHECK(sw->is_stopword("の", "ja"));
  CHECK_FALSE(sw->is_stopword("nato", "en"));
  CHECK_FALSE(sw->is_stopword("zusammenarbeit", "de"));
  CHECK_FALSE(sw->is_stopword("the", "xx"));
}

TEST_CASE("stem: stopword density separates running text from chrome") {
  auto sw = Stopwords::load(PX_ASSET_DIR);
  REQUIRE(sw.ok());
  const float prose_de = sw->density("Die Nordatlantische Allianz betonte ihrerseits die Notwendigkeit der Zusammenarbeit mit den Ländern der Region.", "de");
  const float menu_de = sw->density("Politik Wirtschaft Sport Kultur Wissenschaft", "de");
  CHECK(prose_de > 0.3f);
  CHECK(menu_de < 0.1f);
  const float prose_ja = sw->density("日本の首相は水曜日、防衛産業の協力を強化することで合意したと述べた。", "ja");
  const float menu_ja = sw->density("関連記事", "ja");
  CHECK(prose_ja > 0.15f);
  CHECK(menu_ja == 0.f);
  CHECK(sw->density("", "en") == 0.f);
  CHECK(sw->density("the and of", "xx") == 0.f);  // no list: 0
}

TEST_CASE("stem: a missing stopword asset is an error value, not a crash") {
  auto sw = Stopwords::load("/nonexistent/assets");
  CHECK_FALSE(sw.ok());
  CHECK(sw.error().find("stopword") != std::string::npos);
  auto bad = Stopwords::parse("word-before-language\n");
  CHECK_FALSE(bad.ok());
  auto ok = Stopwords::parse("# comment\n@xx\nFoo\nbär\n");
  REQUIRE(ok.ok());
  CHECK(ok->is_stopword("foo", "xx"));
  CHECK(ok->is_stopword("bar", "xx"));
}
