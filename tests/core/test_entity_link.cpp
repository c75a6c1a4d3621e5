// Cross-lingual entity linking (entity_link.h) on hand-made analyses: the mentions a
// recogniser gives for sentences in the style of the demo corpus (Ishiba and Rutte in Tokyo,
// May 2025) in en it de fr ru ja zh, with the keys and gazetteer ids ner.h produces.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "analyze.h"
#include "entity_link.h"
#include "han_names.h"
#include "ingest.h"
#include "text_fold.h"

using namespace px;

namespace {

struct M {
  const char* surface;
  EntityType type;
  const char* key;
  const char* known = "";
  bool demonym = false;
};
constexpr EntityType PER = EntityType::Person, ORG = EntityType::Organisation, LOC = EntityType::Location,
                     MISC = EntityType::Misc;

// A document of one paragraph per entry of `paragraphs` (sentences joined by a space); the
// mentions, in text order, are found by searching their surface forms.
Document make_doc(const std::string& lang, const std::vector<std::vector<std::string>>& paragraphs,
                  const std::vector<M>& mentions, const std::string& source = "outlet") {
  Document d;
  d.meta.language = lang;
  d.meta.source = source;
  for (size_t p = 0; p < paragraphs.size(); ++p) {
    if (p) d.text += "\n\n";
    const uint32_t pb = static_cast<uint32_t>(d.text.size());
    for (size_t s = 0; s < paragraphs[p].size(); ++s) {
      if (s) d.text += ' ';
      const uint32_t sb = static_cast<uint32_t>(d.text.size());
      d.text += paragraphs[p][s];
      SentenceInfo si;
      si.span = {sb, static_cast<uint32_t>(d.text.size())};
      si.paragraph = static_cast<uint32_t>(p);
      si.language = lang;
      d.analysis.sentences.push_back(si);
    }
    d.paragraphs.push_back({pb, static_cast<uint32_t>(d.text.size())});
    d.analysis.boilerplate.push_back(false);
  }
  size_t from = 0;
  for (const M& m : mentions) {
    const size_t at = d.text.find(m.surface, from);
    REQUIRE_MESSAGE(at != std::string::npos, "surface not in text: " << m.surface);
    MentionInfo mi;
    mi.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + std::string(m.surface).size())};
    for (uint32_t s = 0; s < d.analysis.sentences.size(); ++s)
      if (d.analysis.sentences[s].span.begin <= at && at < d.analysis.sentences[s].span.end) mi.sentence = s;
    mi.type = m.type;
    mi.key = m.key;
    mi.known_id = m.known;
    mi.demonym = m.demonym;
    d.analysis.mentions.push_back(mi);
    from = mi.span.end;
  }
  d.analysis.done = true;
  return d;
}

// The demo story in seven languages.
Corpus tokyo_corpus() {
  std::vector<Document> docs;
  docs.push_back(make_doc(
      "en",
      {{"Japanese Prime Minister Shigeru Ishiba and NATO Secretary General Mark Rutte agreed on Wednesday to "
        "deepen defence cooperation.",
        "Ishiba said Japan welcomes NATO's involvement in the Indo-Pacific."},
       {"Rutte spoke at a joint press conference in Tokyo."}},
      {{"Japanese", LOC, "japanese", "C:JP", true},
       {"Shigeru Ishiba", PER, "shigeru ishiba"},
       {"NATO", ORG, "nato", "O:NATO"},
       {"Mark Rutte", PER, "mark rutte"},
       {"Ishiba", PER, "ishiba"},
       {"Japan", LOC, "japan", "C:JP"},
       {"NATO", ORG, "nato", "O:NATO"},
       {"Rutte", PER, "rutte"},
       {"Tokyo", LOC, "tokyo"}},
      "Atlantic Monitor"));
  docs.push_back(make_doc(
      "it",
      {{"Il primo ministro giapponese Shigeru Ishiba e il segretario generale della NATO Mark Rutte hanno "
        "concordato di intensificare la cooperazione.",
        "Giappone e NATO rafforzano i legami."}},
      {{"giapponese", LOC, "giapponese", "C:JP", true},
       {"Shigeru Ishiba", PER, "shigeru ishiba"},
       {"NATO", ORG, "nato", "O:NATO"},
       {"Mark Rutte", PER, "mark rutte"},
       {"Giappone", LOC, "giappone", "C:JP"},
       {"NATO", ORG, "nato", "O:NATO"}},
      "Italian news site"));
  docs.push_back(make_doc(
      "ru",
      {{"Премьер-министр Японии Сигэру Исиба встретился в Токио с генсеком НАТО Марком Рютте.",
        "Исиба заявил, что укрепление НАТО принесёт пользу Японии."}},
      // НАТО without a gazetteer id: the key alone must find the known NATO.
      {{"Японии", LOC, "japonija", "C:JP"},
       {"Сигэру Исиба", PER, "sigeru isiba"},
       {"Токио", LOC, "tokio"},
       {"НАТО", ORG, "nato"},
       {"Марком Рютте", PER, "mark rjutte"},
       {"Исиба", PER, "isiba"},
       {"НАТО", ORG, "nato"},
       {"Японии", LOC, "japonija", "C:JP"}},
      "Moscow daily"));
  docs.push_back(make_doc("ja", {{"石破茂首相は東京でルッテ事務総長と会談した。", "日本はNATOとの協力を強化する。"}},
                          {{"石破茂", PER, "ishiba shigeru"},
                           {"東京", LOC, "tokyo"},
                           {"ルッテ", PER, "rutte"},
                           {"日本", LOC, "nihon", "C:JP"},
                           {"NATO", ORG, "nato", "O:NATO"}},
                          "Tokyo shimbun"));
  docs.push_back(make_doc("fr", {{"Le Japon et l'OTAN renforcent leur coopération, a déclaré Mark Rutte."}},
                          {{"Japon", LOC, "japon", "C:JP"}, {"OTAN", ORG, "otan", "O:NATO"}, {"Mark Rutte", PER, "mark rutte"}},
                          "Paris matin"));
  docs.push_back(make_doc("ja", {{"マクロン大統領とゼレンスキー大統領が電話で会談した。"}},
                          {{"マクロン", PER, "makuron"}, {"ゼレンスキー", PER, "zerensuki"}}, "Tokyo shimbun"));
  docs.push_back(make_doc("en", {{"Emmanuel Macron called Volodymyr Zelensky.", "Zelensky thanked Macron."}},
                          {{"Emmanuel Macron", PER, "emmanuel macron"}, {"Volodymyr Zelensky", PER, "volodymyr zelensky"},
                           {"Zelensky", PER, "zelensky"}, {"Macron", PER, "macron"}}, "Atlantic Monitor"));
  docs.push_back(make_doc("zh", {{"日本首相石破茂与北约秘书长吕特举行会谈。"}},
                          {{"日本", LOC, "riben", "C:JP"},
                           {"石破茂", PER, "ishiba shigeru"},
                           {"北约", ORG, "beiyue", "O:NATO"},
                           {"吕特", PER, "lu te"}},
                          "Beijing news"));
  docs.push_back(make_doc("de", {{"Ministerpräsident Fumio Kishida hatte die Zusammenarbeit begonnen.", "Kishidas Nachfolger ist Ishiba."}},
                          {{"Fumio Kishida", PER, "fumio kishida"}, {"Kishidas", PER, "kishida"}, {"Ishiba", PER, "ishiba"}},
                          "Berliner Blatt"));
  docs.push_back(make_doc("ru", {{"Бывший премьер Кисида поддержал это решение."}}, {{"Кисида", PER, "kisida"}},
                          "Moscow daily"));
  Corpus c;
  c.add_all(std::move(docs));
  return c;
}

const Entity* entity_with_alias(const EntityIndex& idx, std::string_view alias) {
  for (const Entity& e : idx.entities)
    if (std::find(e.aliases.begin(), e.aliases.end(), alias) != e.aliases.end()) return &e;
  return nullptr;
}

bool same_entity(const EntityIndex& idx, std::string_view a, std::string_view b) {
  const Entity* x = entity_with_alias(idx, a);
  const Entity* y = entity_with_alias(idx, b);
  return x && y && x == y;
}

}  // namespace

TEST_CASE("entity_link: phonetic keys meet across transliterations") {
  CHECK(phonetic_key("ishiba") == "isiba");
  CHECK(phonetic_key("ishiba") == phonetic_key("isiba"));
  CHECK(phonetic_key("rutte") == "rute");
  CHECK(phonetic_key("rutte") == phonetic_key("rjutte"));
  CHECK(phonetic_key("rutte") == phonetic_key("ryutte"));
  CHECK(phonetic_key("kishida") == phonetic_key("kisida"));
  CHECK(phonetic_key("shigeru ishiba") == phonetic_key("sigeru isiba"));
  CHECK(phonetic_key("zelensky") == phonetic_key("selenskyj"));
  CHECK(phonetic_key("zelenskyy") == phonetic_key("zelenskij"));
  // Different names stay different.
  CHECK(phonetic_key("rutte") != phonetic_key("ruto"));
  CHECK(phonetic_key("kim jong un") != phonetic_key("kim jong il"));
  CHECK(phonetic_key("merz") != phonetic_key("marx"));
  // Kana: an echo u between consonants, and r for l.
  CHECK(phonetic_key("makuron", true) == phonetic_key("macron"));
  CHECK(phonetic_key("zerensuki", true) == phonetic_key("selenski"));
  CHECK(phonetic_key("rutte", true) != phonetic_key("rutte"));  // why Latin members keep both keys
}

TEST_CASE("entity_link: the issue's examples, across seven languages and four scripts") {
  Corpus c = tokyo_corpus();
  EntityIndex idx = link_entities(c, {}, LinkOptions{});
  REQUIRE(idx.mention_entity.size() == c.size());
  // Ishiba = Shigeru Ishiba = Исиба = Сигэру Исиба (tolerant keys), = 石破茂 (family name first).
  CHECK(same_entity(idx, "Shigeru Ishiba", "Ishiba"));
  CHECK(same_entity(idx, "Shigeru Ishiba", "Сигэру Исиба"));
  CHECK(same_entity(idx, "Shigeru Ishiba", "Исиба"));
  CHECK(same_entity(idx, "Shigeru Ishiba", "石破茂"));
  // Rutte = Mark Rutte = Марком Рютте = ルッテ.
  CHECK(same_entity(idx, "Mark Rutte", "Rutte"));
  CHECK(same_entity(idx, "Mark Rutte", "Марком Рютте"));
  CHECK(same_entity(idx, "Mark Rutte", "ルッテ"));
  // Kana: マクロン = Macron, ゼレンスキー = Zelensky, through their lone surnames.
  CHECK(same_entity(idx, "Emmanuel Macron", "マクロン"));
  CHECK(same_entity(idx, "Volodymyr Zelensky", "ゼレンスキー"));
  CHECK_FALSE(same_entity(idx, "Emmanuel Macron", "Volodymyr Zelensky"));
  // Kishida = Kishidas (inflected, key already stripped) = Кисида.
  CHECK(same_entity(idx, "Fumio Kishida", "Kishidas"));
  CHECK(same_entity(idx, "Fumio Kishida", "Кисида"));
  // Japan = Giappone = Japon = Японии = 日本 by gazetteer id; NATO = OTAN = НАТО (by key) = 北约.
  CHECK(same_entity(idx, "Japan", "Giappone"));
  CHECK(same_entity(idx, "Japan", "Japon"));
  CHECK(same_entity(idx, "Japan", "Японии"));
  CHECK(same_entity(idx, "Japan", "日本"));
  CHECK(same_entity(idx, "NATO", "OTAN"));
  CHECK(same_entity(idx, "NATO", "НАТО"));
  CHECK(same_entity(idx, "NATO", "北约"));
  // Tokyo = Токио ("tokio"): the same phonetic key ("tok").
  CHECK(same_entity(idx, "Tokyo", "Токио"));
  // Different people stay apart.
  CHECK_FALSE(same_entity(idx, "Shigeru Ishiba", "Mark Rutte"));
  CHECK_FALSE(same_entity(idx, "Shigeru Ishiba", "Fumio Kishida"));
  CHECK_FALSE(same_entity(idx, "Japan", "NATO"));
  CHECK_FALSE(same_entity(idx, "Japan", "Tokyo"));

  const Entity* ishiba = entity_with_alias(idx, "Ishiba");
  REQUIRE(ishiba);
  CHECK(ishiba->name == "Shigeru Ishiba");  // the fullest Latin form, not the most frequent
  CHECK(ishiba->type == EntityType::Person);
  CHECK(ishiba->documents == 6);
  CHECK(ishiba->mentions.size() == 8);
  CHECK(ishiba->aliases.front() == "Shigeru Ishiba");  // most frequent first (2 each: first seen wins)
  const Entity* japan = entity_with_alias(idx, "日本");
  REQUIRE(japan);
  CHECK(japan->known_id == "C:JP");
  CHECK(japan->name == "Japan");
  CHECK(idx.keys[japan->id] == "C:JP");
  // Demonyms do not count by default: "Japanese" and "giapponese" belong to nothing.
  CHECK(entity_with_alias(idx, "Japanese") == nullptr);
  CHECK(idx.mention_entity[0][0] == EntityIndex::kNoEntity);
  // Numbered by mentions, most first, ids are indices, every mention mapped back.
  for (size_t i = 0; i < idx.entities.size(); ++i) {
    CHECK(idx.entities[i].id == i);
    if (i) CHECK(idx.entities[i - 1].mentions.size() >= idx.entities[i].mentions.size());
    for (MentionRef r : idx.entities[i].mentions) CHECK(idx.mention_entity[r.doc][r.mention] == i);
  }
}

TEST_CASE("entity_link: demonyms count for their country when the user says so") {
  Corpus c = tokyo_corpus();
  LinkOptions o;
  o.demonyms_count = true;
  o.known_name = [](const std::string& id) { return id == "C:JP" ? std::string("Japan (country)") : std::string(); };
  EntityIndex idx = link_entities(c, {}, o);
  const Entity* japan = entity_with_alias(idx, "日本");
  REQUIRE(japan);
  CHECK(same_entity(idx, "Japan", "Japanese"));
  CHECK(same_entity(idx, "Japan", "giapponese"));
  CHECK(japan->name == "Japan (country)");  // the gazetteer's name for known ids
  CHECK(japan->mentions.size() == 9);
  CHECK(japan->type == EntityType::Location);
}

TEST_CASE("entity_link: never two gazetteer ids in one entity; a surname only when unambiguous") {
  std::vector<Document> docs;
  docs.push_back(make_doc("en", {{"Georgia voted on Tuesday.", "Tbilisi and Georgia disagree."}},
                          {{"Georgia", LOC, "georgia", "S:US-GA"}, {"Tbilisi", LOC, "tbilisi"}, {"Georgia", LOC, "georgia", "C:GE"}}));
  docs.push_back(make_doc("en", {{"John Smith met Anna Smith."}}, {{"John Smith", PER, "john smith"}, {"Anna Smith", PER, "anna smith"}}));
  docs.push_back(make_doc("en", {{"Smith said no."}}, {{"Smith", PER, "smith"}}));
  docs.push_back(make_doc("en", {{"John Smith arrived.", "Smith said yes."}}, {{"John Smith", PER, "john smith"}, {"Smith", PER, "smith"}}));
  docs.push_back(make_doc("en", {{"Jordan scored.", "Jordan closed its border."}}, {{"Jordan", PER, "jordan"}, {"Jordan", LOC, "jordan"}}));
  docs.push_back(make_doc("en", {{"Mark Rutte met William Ruto."}}, {{"Mark Rutte", PER, "mark rutte"}, {"William Ruto", PER, "william ruto"}}));
  docs.push_back(make_doc("ru", {{"Рютте и Руто."}, {"Путина не было."}}, {{"Рютте", PER, "rjutte"}, {"Руто", PER, "ruto"}, {"Путина", PER, "putina"}}));
  docs.push_back(make_doc("en", {{"Vladimir Putin was absent."}}, {{"Vladimir Putin", PER, "vladimir putin"}}));
  Corpus c;
  c.add_all(std::move(docs));
  EntityIndex idx = link_entities(c, {}, LinkOptions{});
  CHECK(idx.mention_entity[0][0] != idx.mention_entity[0][2]);
  // "Smith" alone, in an article with two Smiths and none: no single person it must be.
  CHECK(idx.mention_entity[2][0] != idx.mention_entity[1][0]);
  CHECK(idx.mention_entity[2][0] != idx.mention_entity[1][1]);
  // "Smith" next to "John Smith" in the same article is John Smith.
  CHECK(idx.mention_entity[3][1] == idx.mention_entity[3][0]);
  CHECK(idx.mention_entity[3][0] == idx.mention_entity[1][0]);
  // The person and the country called Jordan stay apart.
  CHECK(idx.mention_entity[4][0] != idx.mention_entity[4][1]);
  // Rutte and Ruto differ by one letter of four: two people, each surname finds its own.
  CHECK(idx.mention_entity[5][0] != idx.mention_entity[5][1]);
  CHECK(idx.mention_entity[6][0] == idx.mention_entity[5][0]);
  CHECK(idx.mention_entity[6][1] == idx.mention_entity[5][1]);
  // An inflected surname the recogniser left as it was ("Путина", genitive) still finds Putin.
  CHECK(idx.mention_entity[6][2] == idx.mention_entity[7][0]);
}

TEST_CASE("entity_link: the display name is the full form whose family name most mentions use") {
  std::vector<Document> docs;
  // French first: "Vladimir Poutine" is as full as "Vladimir Putin" and earlier.
  docs.push_back(make_doc("fr", {{"Vladimir Poutine a parlé."}}, {{"Vladimir Poutine", PER, "vladimir poutine"}}));
  docs.push_back(make_doc("en", {{"Vladimir Putin spoke."}}, {{"Vladimir Putin", PER, "vladimir putin"}}));
  docs.push_back(make_doc("de", {{"Putin schwieg."}}, {{"Putin", PER, "putin"}}));
  docs.push_back(make_doc("it", {{"Putin ha parlato."}}, {{"Putin", PER, "putin"}}));
  Corpus c;
  c.add_all(std::move(docs));
  EntityIndex idx = link_entities(c, {}, LinkOptions{});
  REQUIRE(idx.mention_entity[0][0] == idx.mention_entity[1][0]);
  REQUIRE(idx.mention_entity[2][0] == idx.mention_entity[1][0]);
  CHECK(idx.entities[idx.mention_entity[0][0]].name == "Vladimir Putin");
}

TEST_CASE("entity_link: edits win and survive re-linking; split and merge round trip") {
  Corpus c = tokyo_corpus();
  EntityIndex base = link_entities(c, {}, LinkOptions{});
  const Entity* ishiba = entity_with_alias(base, "Ishiba");
  REQUIRE(ishiba);
  const std::string ishiba_key = base.keys[ishiba->id];
  CHECK(ishiba_key == "shigeru ishiba");
  const size_t ishiba_mentions = ishiba->mentions.size();
  CHECK(find_entity(base, ishiba_key) == ishiba->id);

  // Split the Russian forms out: a new entity holds them, the rest stays.
  std::vector<EntityEdit> edits = {{EntityEdit::Kind::Split, ishiba_key, fold_for_search("Исиба"), ""}};
  EntityIndex split = link_entities(c, edits, LinkOptions{});
  const Entity* rest = entity_with_alias(split, "Shigeru Ishiba");
  const Entity* part = entity_with_alias(split, "Исиба");
  REQUIRE(rest);
  REQUIRE(part);
  CHECK(rest != part);
  CHECK(part->mentions.size() == 1);
  CHECK(rest->mentions.size() == ishiba_mentions - 1);
  CHECK(split.keys[rest->id] == ishiba_key);  // the key stays with the entity split from
  const std::string part_key = split.keys[part->id];
  CHECK(part_key == "isiba");

  // ... and merge it back: the same entity as before.
  edits.push_back({EntityEdit::Kind::Merge, ishiba_key, part_key, ""});
  EntityIndex again = link_entities(c, edits, LinkOptions{});
  const Entity* whole = entity_with_alias(again, "Исиба");
  REQUIRE(whole);
  CHECK(whole->mentions.size() == ishiba_mentions);
  CHECK(same_entity(again, "Исиба", "Shigeru Ishiba"));
  CHECK(again.entities.size() == base.entities.size());

  // Rename and retype win over what linking chose; merge joins what linking kept apart.
  const Entity* tokyo = entity_with_alias(base, "Tokyo");
  const Entity* japan = entity_with_alias(base, "Japan");
  REQUIRE(tokyo);
  REQUIRE(japan);
  edits = {{EntityEdit::Kind::Rename, ishiba_key, "", "石破茂 (Ishiba)"},
           {EntityEdit::Kind::SetType, "C:JP", "", "ORG"},
           {EntityEdit::Kind::Merge, "C:JP", base.keys[tokyo->id], ""},
           {EntityEdit::Kind::Rename, "no such entity", "", "ignored"}};
  EntityIndex edited = link_entities(c, edits, LinkOptions{});
  const Entity* renamed = entity_with_alias(edited, "Ishiba");
  REQUIRE(renamed);
  CHECK(renamed->name == "石破茂 (Ishiba)");
  const Entity* jp = entity_with_alias(edited, "Japan");
  REQUIRE(jp);
  CHECK(jp->type == EntityType::Organisation);
  CHECK(same_entity(edited, "Japan", "Tokyo"));
  CHECK(jp->mentions.size() == japan->mentions.size() + tokyo->mentions.size());
  CHECK(find_entity(edited, base.keys[tokyo->id]) == EntityIndex::kNoEntity);  // merged away
  CHECK(edited.entities.size() == base.entities.size() - 1);
}

TEST_CASE("entity_link: edits persist as JSON") {
  std::vector<EntityEdit> edits = {{EntityEdit::Kind::Merge, "shigeru ishiba", "isiba", ""},
                                   {EntityEdit::Kind::Split, "C:JP", "nippon", ""},
                                   {EntityEdit::Kind::Rename, "mark rutte", "", "Mark Rutte (NATO)"},
                                   {EntityEdit::Kind::SetType, "tokyo", "", "LOC"}};
  nlohmann::json j = edits_to_json(edits);
  std::vector<EntityEdit> back;
  REQUIRE(edits_from_json(nlohmann::json::parse(j.dump()), back).ok());
  REQUIRE(back.size() == edits.size());
  for (size_t i = 0; i < edits.size(); ++i) {
    CHECK(back[i].kind == edits[i].kind);
    CHECK(back[i].a == edits[i].a);
    CHECK(back[i].b == edits[i].b);
    CHECK(back[i].value == edits[i].value);
  }
  nlohmann::json bad = nlohmann::json::parse(R"([{"kind":"merge","a":"x","b":"y"},{"kind":"explode","a":"x"},{"kind":"rename"}])");
  Status s = edits_from_json(bad, back);
  CHECK_FALSE(s.ok());
  CHECK(s.message().find("edit 2 has kind 'explode'") != std::string::npos);
  CHECK(s.message().find("1 more") != std::string::npos);
  CHECK(back.size() == 1);  // the good one is kept
  CHECK_FALSE(edits_from_json(nlohmann::json::object(), back).ok());
}

// ---- Han-script names through their dictionary readings (han_names.h) ------------------------

namespace {
// The format of hannames/han-names.tsv (scripts/assets.d/hannames.py), with what these tests need.
const char* const kHanTable =
    "# test table\n"
    "习近平|習近平\tP\tXi Jinping\tf\n"
    "普京\tP\tVladimir Putin\tg\n"
    "基輔|基辅\tL\tKyiv|Kiev\t\n"
    "=石破\tIshiba\t茂 Shigeru\n"
    "=岸田\tKishida\t文雄 Fumio|今日子 Kyoko\n"
    "=岸田\tKishita\t隆 Takashi\n"
    "=林\tHayashi\t芳正 Yoshimasa\n";

std::shared_ptr<const HanNames> han_table() {
  static const auto t = std::make_shared<const HanNames>(HanNames::parse(kHanTable));
  return t;
}

// Han mentions carry their Han text as key, as the recogniser gives them (latin_key leaves Han).
Corpus han_corpus() {
  std::vector<Document> docs;
  docs.push_back(make_doc(
      "en",
      {{"Prime Minister Shigeru Ishiba met Xi Jinping.", "Ishiba then spoke to Vladimir Putin.",
        "Putin was in Kyiv, Fumio Kishida said."}},
      {{"Shigeru Ishiba", PER, "shigeru ishiba"}, {"Xi Jinping", PER, "xi jinping"}, {"Ishiba", PER, "ishiba"},
       {"Vladimir Putin", PER, "vladimir putin"}, {"Putin", PER, "putin"}, {"Kyiv", LOC, "kyiv", "L:KYIV"},
       {"Fumio Kishida", PER, "fumio kishida"}}));
  docs.push_back(make_doc("ja", {{"石破茂首相は習近平国家主席と会談した。", "石破首相は岸田文雄前首相と話した。"}},
                          {{"石破茂", PER, "石破茂"}, {"習近平", PER, "習近平"}, {"石破", PER, "石破"}, {"岸田文雄", PER, "岸田文雄"}}));
  docs.push_back(make_doc("zh", {{"普京在基辅会见了习近平。"}},
                          {{"普京", PER, "普京"}, {"基辅", LOC, "基辅"}, {"习近平", PER, "习近平"}}));
  // Not in the table, or not one person: no reading, no link.
  docs.push_back(make_doc("ja", {{"岸田氏と王小明氏が出席した。"}}, {{"岸田", PER, "岸田"}, {"王小明", PER, "王小明"}}));
  docs.push_back(make_doc("en", {{"Wang met Kishida."}}, {{"Wang", PER, "wang"}}));
  // A namesake: "Putin" alone is no longer one person corpus-wide, only within its article.
  docs.push_back(make_doc("en", {{"Igor Putin, a namesake, spoke."}}, {{"Igor Putin", PER, "igor putin"}}));
  Corpus c;
  c.add_all(std::move(docs));
  return c;
}
}  // namespace

TEST_CASE("han_names: a name, a full name from a family line, a family name alone") {
  const HanNames t = HanNames::parse(kHanTable);
  HanReading r;
  REQUIRE(t.find("習近平", r));
  CHECK(r.type == EntityType::Person);
  CHECK(r.keys == std::vector<std::string>{"xi jinping"});
  CHECK(r.surname == "xi");  // "f": family name first
  REQUIRE(t.find("习近平", r));  // simplified and traditional share a line
  CHECK(r.keys == std::vector<std::string>{"xi jinping"});
  REQUIRE(t.find("普京", r));
  CHECK(r.keys == std::vector<std::string>{"vladimir putin"});
  CHECK(r.surname == "putin");  // "g": given name first
  REQUIRE(t.find("基辅", r));
  CHECK(r.type == EntityType::Location);
  CHECK(r.keys == std::vector<std::string>{"kyiv", "kiev"});
  CHECK(r.surname.empty());
  REQUIRE(t.find("石破茂", r));
  CHECK(r.keys == std::vector<std::string>{"ishiba shigeru"});
  CHECK(r.surname == "ishiba");
  CHECK_FALSE(r.family_only);
  REQUIRE(t.find("石破", r));
  CHECK(r.keys == std::vector<std::string>{"ishiba"});
  CHECK(r.family_only);
  REQUIRE(t.find("岸田文雄", r));
  CHECK(r.keys == std::vector<std::string>{"kishida fumio"});
  REQUIRE(t.find("岸田隆", r));
  CHECK(r.keys == std::vector<std::string>{"kishita takashi"});
  CHECK_FALSE(t.find("岸田", r));  // two readings in the table (Kishida, Kishita): none
  REQUIRE(t.find("林芳正", r));
  CHECK_FALSE(t.find("林", r));  // one character is too often a word
  CHECK_FALSE(t.find("石破茂茂", r));
  CHECK_FALSE(t.find("茂", r));
  CHECK_FALSE(t.find("", r));
  CHECK_FALSE(t.find("王小明", r));
  const auto missing = HanNames::load("/nonexistent/assets");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().find("hannames/han-names.tsv") != std::string::npos);
  CHECK(missing.error().find("make-assets.sh") != std::string::npos);
}

TEST_CASE("entity_link: Han-script names link through their readings") {
  Corpus c = han_corpus();
  LinkOptions o;
  o.han_names = han_table();
  EntityIndex idx = link_entities(c, {}, o);
  // 石破茂 = Shigeru Ishiba (family name first in the reading), 石破 alone = Ishiba.
  CHECK(same_entity(idx, "Shigeru Ishiba", "石破茂"));
  CHECK(same_entity(idx, "Shigeru Ishiba", "石破"));
  CHECK(same_entity(idx, "Shigeru Ishiba", "Ishiba"));
  // 普京 = Putin = Vladimir Putin (a transliteration: only the dictionary's gloss knows it).
  CHECK(same_entity(idx, "Vladimir Putin", "普京"));
  CHECK(same_entity(idx, "Putin", "普京"));
  // "Vladimir Putin" keeps its surname last after it joined 普京 (a root written partly in Han):
  // the lone "Putin" of its article finds it although a namesake makes the corpus ambiguous.
  CHECK(idx.mention_entity[0][4] == idx.mention_entity[0][3]);
  CHECK_FALSE(same_entity(idx, "Igor Putin", "Vladimir Putin"));
  // 習近平 (traditional, Japanese) = 习近平 (simplified) = Xi Jinping.
  CHECK(same_entity(idx, "Xi Jinping", "習近平"));
  CHECK(same_entity(idx, "Xi Jinping", "习近平"));
  // 基辅 read "kyiv" joins the gazetteer's Kyiv.
  CHECK(same_entity(idx, "Kyiv", "基辅"));
  const Entity* kyiv = entity_with_alias(idx, "基辅");
  REQUIRE(kyiv);
  CHECK(kyiv->known_id == "L:KYIV");
  CHECK(same_entity(idx, "Fumio Kishida", "岸田文雄"));
  // Different people stay apart, and a Latin name stays the display name.
  CHECK_FALSE(same_entity(idx, "Shigeru Ishiba", "岸田文雄"));
  CHECK_FALSE(same_entity(idx, "石破茂", "習近平"));
  CHECK_FALSE(same_entity(idx, "Vladimir Putin", "Xi Jinping"));
  const Entity* ishiba = entity_with_alias(idx, "石破茂");
  REQUIRE(ishiba);
  CHECK(ishiba->name == "Shigeru Ishiba");
  // No reading, no link: 岸田 alone has two readings in the table; 王小明 is not in it.
  CHECK_FALSE(same_entity(idx, "Fumio Kishida", "岸田"));
  CHECK_FALSE(same_entity(idx, "Wang", "王小明"));

  // Without the table, Han names meet only their own spelling.
  EntityIndex plain = link_entities(c, {}, LinkOptions{});
  CHECK_FALSE(same_entity(plain, "Shigeru Ishiba", "石破茂"));
  CHECK_FALSE(same_entity(plain, "Vladimir Putin", "普京"));
  CHECK_FALSE(same_entity(plain, "Xi Jinping", "习近平"));
  CHECK_FALSE(same_entity(plain, "Kyiv", "基辅"));
}

TEST_CASE("entity_link: a reading never joins another type, nor two gazetteer ids") {
  std::vector<Document> docs;
  // 普京 tagged as a place (a recogniser's error) gets no person's reading.
  docs.push_back(make_doc("zh", {{"普京。"}}, {{"普京", LOC, "普京"}}));
  docs.push_back(make_doc("en", {{"Vladimir Putin."}}, {{"Vladimir Putin", PER, "vladimir putin"}}));
  // 基辅 with its own gazetteer id keeps it: its reading cannot pull it into another id.
  docs.push_back(make_doc("zh", {{"基辅。"}}, {{"基辅", LOC, "基辅", "L:KYIV"}}));
  docs.push_back(make_doc("en", {{"Kyiv, Kentucky."}}, {{"Kyiv", LOC, "kyiv", "L:KYIV-KY"}}));
  Corpus c;
  c.add_all(std::move(docs));
  LinkOptions o;
  o.han_names = han_table();
  EntityIndex idx = link_entities(c, {}, o);
  CHECK_FALSE(same_entity(idx, "Vladimir Putin", "普京"));
  CHECK_FALSE(same_entity(idx, "Kyiv", "基辅"));
}

namespace {
const HanNames* real_han_names() {
  static Result<HanNames> t = HanNames::load(PX_ASSET_DIR);
  return t.ok() ? &t.value() : nullptr;
}
}  // namespace

TEST_CASE("han_names: the generated table reads the issue's names") {
  const HanNames* t = real_han_names();
  if (!t) {
    MESSAGE("skipped: no " << PX_ASSET_DIR << "/hannames (run scripts/make-assets.sh build-wasm/assets)");
    return;
  }
  HanReading r;
  auto first_key = [&](const char* han) { return t->find(han, r) ? r.keys.front() : std::string("(none)"); };
  CHECK(first_key("石破茂") == "ishiba shigeru");   // ENAMDICT, family line
  CHECK(first_key("石破") == "ishiba");             // its family name alone
  CHECK(first_key("岸田文雄") == "kishida fumio");
  CHECK(first_key("習近平") == "xi jinping");       // CC-CEDICT, traditional = Japanese form
  CHECK(first_key("习近平") == "xi jinping");
  CHECK(first_key("普京") == "vladimir putin");
  CHECK(first_key("马克龙") == "emmanuel macron");
  CHECK(first_key("基辅") == "kyiv");
  CHECK(first_key("小池百合子") == "koike yuriko");
  CHECK(first_key("河野太郎") == "kono taro");       // ENAMDICT's "Kouno Tarou" without long vowels
  CHECK(first_key("井上") == "inoue");               // ou before e stays: Ino-ue
}

TEST_CASE("entity_link: the real recogniser and table link the Han names of tests/data/linking") {
  if (!real_han_names()) {
    MESSAGE("skipped: no " << PX_ASSET_DIR << "/hannames (run scripts/make-assets.sh build-wasm/assets)");
    return;
  }
  static TextResources res = TextResources::load(PX_ASSET_DIR);
  REQUIRE(res.han_names);
  // The two stories in eight languages (tests/eval/eval_linking.sh scores all of their pairs).
  std::ifstream f(std::string(PX_TEST_DATA) + "/linking/multilingual.jsonl", std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  Corpus c;
  c.add_all(std::move(ingest_bytes("multilingual.jsonl", bytes).documents));
  REQUIRE(c.size() == 16);
  AnalysisJob job;
  job.restart(c);
  while (job.step(c, res, 1e9)) {
  }
  LinkOptions o;
  o.han_names = res.han_names;
  EntityIndex idx = link_entities(c, {}, o);
  CHECK(same_entity(idx, "Shigeru Ishiba", "石破茂"));
  CHECK(same_entity(idx, "Shigeru Ishiba", "石破"));  // 石破首相: the role stripped, the family name read
  CHECK(same_entity(idx, "Shigeru Ishiba", "Исиба"));
  CHECK(same_entity(idx, "Putin", "普京"));  // "President Vladimir Putin" is recognised as "Putin"
  CHECK(same_entity(idx, "Putin", "Владимир Путин"));
  CHECK(same_entity(idx, "Xi Jinping", "习近平"));
  CHECK(same_entity(idx, "Xi Jinping", "習近平"));
  CHECK(same_entity(idx, "Fumio Kishida", "岸田文雄"));
  CHECK(same_entity(idx, "Emmanuel Macron", "马克龙"));
  CHECK(same_entity(idx, "Kyiv", "基辅"));
  CHECK_FALSE(same_entity(idx, "石破茂", "岸田文雄"));
  CHECK_FALSE(same_entity(idx, "習近平", "岸田文雄"));
  CHECK_FALSE(same_entity(idx, "普京", "马克龙"));
  // Without the table none of them meets its Latin spelling.
  EntityIndex plain = link_entities(c, {}, LinkOptions{});
  CHECK_FALSE(same_entity(plain, "Shigeru Ishiba", "石破茂"));
  CHECK_FALSE(same_entity(plain, "Putin", "普京"));
}
