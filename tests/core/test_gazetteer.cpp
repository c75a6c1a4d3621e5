// Gazetteer on the generated assets (scripts/assets.d/entities.sh): names in every script of
// the full-analysis languages resolve to one id; demonyms; cities; common words; given names.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "gazetteer.h"
#include "text_fold.h"

using namespace px;

namespace {

const Gazetteer& gaz() {
  static const Result<Gazetteer> loaded = Gazetteer::load(PX_ASSET_DIR);
  REQUIRE_MESSAGE(loaded.ok(), loaded.error());
  return loaded.value();
}

// The entry for `id` among lookup(fold(name)), or nullptr.
const KnownName* find(const std::vector<KnownName>& hits, const std::string& id) {
  auto it = std::find_if(hits.begin(), hits.end(), [&](const KnownName& k) { return k.id == id; });
  return it == hits.end() ? nullptr : &*it;
}

// True when `name` (as written in text) is a non-demonym entry of `id` of type `type`.
bool names(const std::string& name, const std::string& id, EntityType type) {
  const auto hits = gaz().lookup(fold_for_search(name));
  const KnownName* k = find(hits, id);
  return k && !k->demonym && k->type == type;
}

bool demonym_of(const std::string& word, const std::string& id) {
  const auto hits = gaz().lookup(fold_for_search(word));
  const KnownName* k = find(hits, id);
  return k && k->demonym && k->type == EntityType::Misc;
}

}  // namespace

TEST_CASE("gazetteer: a country is one id in every language and script") {
  for (const char* n : {"Japan", "Giappone", "Japon", "Japón", "Япония", "日本", "JAPAN"})
    CHECK_MESSAGE(names(n, "C:JP", EntityType::Location), n);
  for (const char* n : {"North Korea", "Corea del Nord", "Nordkorea", "Северная Корея", "北朝鮮",
                        "朝鮮民主主義人民共和国", "Corée du Nord", "Corea del Norte", "朝鲜"})
    CHECK_MESSAGE(names(n, "C:KP", EntityType::Location), n);
  // the country comes before any city of the same name
  const auto mexico = gaz().lookup(fold_for_search("México"));
  REQUIRE(!mexico.empty());
  CHECK(mexico.front().id == "C:MX");
  CHECK(gaz().display_name("C:JP", "it") == "Giappone");
  CHECK(gaz().display_name("C:JP", "ja") == "日本");
  CHECK(gaz().display_name("C:KP", "de") == "Nordkorea");
  CHECK(gaz().display_name("C:JP", "xx") == "Japan");  // unknown language: English
  CHECK(gaz().display_name("C:XX-nope") == "C:XX-nope");
}

TEST_CASE("gazetteer: regions and continents") {
  CHECK(names("Europe", "R:150", EntityType::Location));
  CHECK(names("Europa", "R:150", EntityType::Location));
  CHECK(names("Европа", "R:150", EntityType::Location));
  CHECK(names("ヨーロッパ", "R:150", EntityType::Location));
  CHECK(names("Afrika", "R:002", EntityType::Location));
}

TEST_CASE("gazetteer: organisations across languages, with acronym flags") {
  for (const char* n : {"NATO", "Nato", "OTAN", "НАТО", "北大西洋条約機構", "北约",
                        "North Atlantic Treaty Organization"})
    CHECK_MESSAGE(names(n, "O:NATO", EntityType::Organisation), n);
  for (const char* n : {"United Nations", "Vereinte Nationen", "Nazioni Unite", "ООН", "国連", "联合国"})
    CHECK_MESSAGE(names(n, "O:UN", EntityType::Organisation), n);
  CHECK(names("МАГАТЭ", "O:IAEA", EntityType::Organisation));
  CHECK(names("Weltgesundheitsorganisation", "O:WHO", EntityType::Organisation));
  CHECK(gaz().display_name("O:NATO", "fr") == "OTAN");
  // "UN" is only ever spelt in capitals (the French/Italian/Spanish article "un" is not the UN);
  // "Nato" is also spelt in title case (Italian press), so it is no acronym.
  const KnownName* un = find(gaz().lookup("un"), "O:UN");
  REQUIRE(un != nullptr);
  CHECK(un->acronym);
  const KnownName* nato = find(gaz().lookup("nato"), "O:NATO");
  REQUIRE(nato != nullptr);
  CHECK_FALSE(nato->acronym);
}

TEST_CASE("gazetteer: demonyms stand for their country") {
  for (const char* w : {"japanisch", "japanischen", "Japanese", "giapponese", "giapponesi", "japonais",
                        "japonaise", "japonés", "japonesa", "日本人"})
    CHECK_MESSAGE(demonym_of(w, "C:JP"), w);
  CHECK(demonym_of("nordkoreanisch", "C:KP"));
  CHECK(demonym_of("deutschen", "C:DE"));
  CHECK(demonym_of("Italians", "C:IT"));
  // a demonym is never the place itself
  CHECK_FALSE(names("japanisch", "C:JP", EntityType::Location));
}

TEST_CASE("gazetteer: cities in several scripts") {
  for (const char* n : {"Tokyo", "Tokio", "Токио", "東京", "Tōkyō"})
    CHECK_MESSAGE(names(n, "L:1850147", EntityType::Location), n);
  for (const char* n : {"München", "Munich", "Monaco di Baviera", "Мюнхен"})
    CHECK_MESSAGE(names(n, "L:2867714", EntityType::Location), n);
  CHECK(names("Vaduz", "L:3042030", EntityType::Location));  // a capital under the population threshold
  CHECK(gaz().lookup(fold_for_search("Xqzvwyk")).empty());
  // multi-word scanning
  CHECK(gaz().has_longer("north"));
  CHECK(gaz().has_longer("monaco di"));
  CHECK_FALSE(gaz().has_longer("north korea"));
  CHECK(gaz().max_words() >= 5);
  CHECK(gaz().max_words() <= 16);
}

TEST_CASE("gazetteer: common words, proper nouns, given names") {
  const Gazetteer& g = gaz();
  for (const char* lang : {"en", "de", "fr", "it", "es", "ru"}) CHECK_MESSAGE(g.has_words(lang), lang);
  CHECK_FALSE(g.has_words("ja"));
  // German nouns are capitalised yet vocabulary; inflected forms too (exact forms for de)
  CHECK(g.is_common_word(fold_for_search("Bündnis"), "de"));
  CHECK(g.is_common_word(fold_for_search("Bündnisses"), "de"));
  CHECK(g.is_common_word(fold_for_search("Regierung"), "de"));
  CHECK_FALSE(g.is_common_word(fold_for_search("Japan"), "de"));  // a place, kept a name signal
  CHECK_FALSE(g.is_common_word(fold_for_search("Berlin"), "de"));
  // ... but an airport code or a stray alternate name does not hide a German word
  for (const char* w : {"Von", "Ein", "Den", "Aus", "Wie", "Dabei"})
    CHECK_MESSAGE(g.is_common_word(fold_for_search(w), "de"), w);
  CHECK_FALSE(g.is_common_word(fold_for_search("Kishida"), "de"));
  // Italian, Spanish, French, Russian: stem level
  CHECK(g.is_common_word(fold_for_search("forte"), "it"));
  CHECK(g.is_common_word(fold_for_search("Forti"), "it"));
  CHECK(g.is_common_word(fold_for_search("Gobierno"), "es"));
  CHECK(g.is_common_word(fold_for_search("Gouvernement"), "fr"));
  CHECK(g.is_common_word(fold_for_search("Правительство"), "ru"));
  CHECK(g.is_common_word(fold_for_search("правительства"), "ru"));
  CHECK_FALSE(g.is_common_word(fold_for_search("Kishida"), "it"));
  // sentence-initial function words: articulated prepositions, one-letter words
  for (const char* w : {"Nella", "Alla", "Quello", "È", "E"})
    CHECK_MESSAGE(g.is_common_word(fold_for_search(w), "it"), w);
  CHECK(g.is_common_word(fold_for_search("В"), "ru"));
  CHECK(g.is_common_word(fold_for_search("Y"), "es"));
  CHECK(g.is_common_word(fold_for_search("The"), "en"));
  CHECK(g.is_common_word(fold_for_search("Minister"), "en"));
  CHECK_FALSE(g.is_common_word(fold_for_search("Ishiba"), "en"));
  CHECK_FALSE(g.is_common_word(fold_for_search("house"), "ja"));  // no list: false
  // proper nouns: only capitalised in the dictionary
  CHECK(g.is_proper_noun(fold_for_search("Marseille"), "fr"));
  CHECK_FALSE(g.is_proper_noun(fold_for_search("Paris"), "fr"));  // "paris": plural of "pari" (bet)
  CHECK(g.is_proper_noun(fold_for_search("Москва"), "ru"));
  CHECK(g.is_proper_noun(fold_for_search("Milano"), "it"));
  CHECK(g.is_proper_noun(fold_for_search("Europe"), "en"));
  CHECK_FALSE(g.is_proper_noun(fold_for_search("house"), "en"));
  CHECK_FALSE(g.is_proper_noun(fold_for_search("Berlin"), "de"));  // German: cannot tell
  // given names (any language)
  for (const char* n : {"Emmanuel", "Olaf", "Vladimir", "Mark", "Donald", "Friedrich"})
    CHECK_MESSAGE(g.is_given_name(fold_for_search(n)), n);
  for (const char* n : {"Government", "Bündnis", "Japan"})
    CHECK_MESSAGE(!g.is_given_name(fold_for_search(n)), n);
  CHECK(g.is_name_part(fold_for_search("Kishida")));
  CHECK_FALSE(g.is_name_part(fold_for_search("Minister")));
}

TEST_CASE("gazetteer: typed names without an id (subdivisions, WordNet, smaller places)") {
  const Gazetteer& g = gaz();
  auto type_of = [&](const char* name) {
    EntityType t = EntityType::Misc;
    return g.name_type(fold_for_search(name), t) ? std::string(entity_type_code(t)) : std::string("-");
  };
  // subdivisions (CLDR + iso-codes), in several languages and scripts
  for (const char* n : {"Ohio", "New South Wales", "Bayern", "Toscana", "Californie", "Калифорния", "Andalucía"})
    CHECK_MESSAGE(type_of(n) == "LOC", n);
  // WordNet capitalised nouns, typed by hypernym
  CHECK(type_of("Einstein") == "PER");
  CHECK(type_of("Potomac") == "LOC");
  CHECK(type_of("Beatles") == "ORG");
  CHECK(type_of("Easter") == "MISC");
  CHECK(type_of("Buddhism") == "MISC");
  // a GeoNames town under names.tsv's threshold, and nothing for unknown or ordinary words
  CHECK(type_of("Atlantic City") == "LOC");
  CHECK(type_of("Xqzvwyk") == "-");
  CHECK(type_of("house") == "-");
  EntityType unchanged = EntityType::Person;
  CHECK_FALSE(Gazetteer().name_type("ohio", unchanged));
  CHECK(unchanged == EntityType::Person);
}

TEST_CASE("gazetteer: an empty gazetteer knows nothing; a missing asset is an actionable error") {
  Gazetteer empty;
  CHECK(empty.lookup("japan").empty());
  CHECK_FALSE(empty.is_common_word("haus", "de"));
  CHECK_FALSE(empty.is_given_name("olaf"));
  CHECK(empty.max_words() == 0);
  CHECK(empty.display_name("C:JP") == "C:JP");
  const Result<Gazetteer> missing = Gazetteer::load("/nonexistent-asset-dir");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().find("make-assets.sh") != std::string::npos);
}
