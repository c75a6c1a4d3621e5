// Language identification (lang_id.h): the lid.176 model read by our own code, script rules,
// the article prior, "und" when unsure, and graceful failure without the asset.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "lang_id.h"

using namespace px;

namespace {

const LanguageIdentifier& lid() {
  static const Result<LanguageIdentifier> loaded = LanguageIdentifier::load(PX_ASSET_DIR);
  REQUIRE_MESSAGE(loaded.ok(), loaded.error());
  return loaded.value();
}

std::string read_text(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// Rows of a tab-separated fixture, comment lines (#) skipped.
std::vector<std::vector<std::string>> read_tsv(const std::string& name) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(read_text(std::string(PX_TEST_DATA) + "/langid/" + name));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells;
    size_t start = 0, tab;
    while ((tab = line.find('\t', start)) != std::string::npos) {
      cells.push_back(line.substr(start, tab - start));
      start = tab + 1;
    }
    cells.push_back(line.substr(start));
    rows.push_back(cells);
  }
  return rows;
}

}  // namespace

TEST_CASE("langid: the model loads and knows 176 languages") {
  std::vector<std::string> langs = lid().languages();
  CHECK(langs.size() == 176);
  auto has = [&](const char* c) { return std::find(langs.begin(), langs.end(), c) != langs.end(); };
  CHECK(has("en"));
  CHECK(has("it"));
  CHECK(has("ceb"));   // ISO 639-3 where no 639-1 exists
  CHECK(has("hbs"));   // fastText's "sh" is reported as ISO 639-3
  CHECK_FALSE(has("sh"));
}

TEST_CASE("langid: a missing or damaged asset is an error with a message, not a crash") {
  auto missing = LanguageIdentifier::load("/nonexistent/assets");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().find("make-assets") != std::string::npos);

  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "px_langid_test";
  fs::create_directories(dir / "langid");
  const std::string model = read_text(std::string(PX_ASSET_DIR) + "/langid/lid176.pxl");
  REQUIRE(model.size() > 100000);
  for (size_t keep : {size_t(0), size_t(7), size_t(60), model.size() / 2, model.size() - 1}) {
    std::ofstream(dir / "langid" / "lid176.pxl", std::ios::binary).write(model.data(), static_cast<std::streamsize>(keep));
    auto damaged = LanguageIdentifier::load(dir.string());
    CHECK_FALSE(damaged.ok());
    CHECK(!damaged.error().empty());
  }
  std::string flipped = model;
  flipped[10] = static_cast<char>(0x7F);  // dim becomes absurd
  std::ofstream(dir / "langid" / "lid176.pxl", std::ios::binary).write(flipped.data(), static_cast<std::streamsize>(flipped.size()));
  CHECK_FALSE(LanguageIdentifier::load(dir.string()).ok());
  fs::remove_all(dir);

  // A default-constructed identifier (no model) still answers, with the simple fallback.
  LanguageIdentifier none;
  CHECK(none.identify("Der Ministerpräsident sagte, die Regierung werde nächste Woche einen neuen Plan vorstellen.").code == "de");
}

TEST_CASE("langid: our inference gives fastText's own answers") {
  auto rows = read_tsv("fasttext_reference.tsv");
  REQUIRE(rows.size() >= 50);
  for (const auto& r : rows) {
    REQUIRE(r.size() == 3);
    auto ranked = lid().model_ranking(r[2], 1);
    REQUIRE(ranked.size() == 1);
    // fastText prints labels raw ("sh"); we report ISO codes, which differ only for sh/als/eml.
    CHECK_MESSAGE(ranked[0].code == r[0], r[2]);
    CHECK_MESSAGE(std::fabs(ranked[0].confidence - std::strtof(r[1].c_str(), nullptr)) < 0.002f, r[2]);
  }
}

TEST_CASE("langid: one news sentence in each of 55 languages, judged alone") {
  auto rows = read_tsv("sentences.tsv");
  REQUIRE(rows.size() >= 55);
  for (const auto& r : rows) {
    LanguageGuess g = lid().identify(r[1]);
    const std::string msg = r[0] + " judged " + g.code + ": " + r[1];
    CHECK_MESSAGE(g.code == r[0], msg);
    CHECK(g.confidence > 0.3f);
    CHECK(g.confidence <= 1.f);
  }
}

TEST_CASE("langid: close neighbours: ranked second alone, settled by the article prior") {
  for (const auto& r : read_tsv("close_pairs.tsv")) {
    auto ranked = lid().model_ranking(r[1], 2);
    REQUIRE(ranked.size() == 2);
    CHECK_MESSAGE((ranked[0].code == r[0] || ranked[1].code == r[0]), r[1]);
    CHECK_MESSAGE(lid().identify(r[1], r[0]).code == r[0], r[1]);
  }
}

TEST_CASE("langid: scripts that decide alone") {
  CHECK(lid().identify("東京でNATO事務総長と会談した").code == "ja");       // kana => ja
  CHECK(lid().identify("北约秘书长在东京会见了日本首相。").code == "zh");    // Han only => zh
  CHECK(lid().identify("北約秘書長在東京會見了日本首相。").code == "zh");    // traditional too
  CHECK(lid().identify("나토 사무총장").code == "ko");                      // Hangul => ko
  CHECK(lid().identify("ნატო").code == "ka");
  CHECK(lid().identify("Αθήνα").code == "el");
  CHECK(lid().identify("สวัสดี").code == "th");
  // A Latin sentence naming a place in Han characters stays with the Latin sentence.
  CHECK(lid().identify("The summit in Tokyo (東京) ended on Wednesday with a joint statement.").code == "en");
  CHECK(lid().identify("首相は来週、新しい計画を発表する。").confidence >= 0.9f);
  // The rules can be switched off (evaluation): the model then decides.
  LanguageIdOptions no_rules;
  no_rules.script_rules = false;
  CHECK(lid().identify("나토 사무총장은 어제 도쿄에 도착했다.", {}, no_rules).code == "ko");
}

TEST_CASE("langid: the article prior settles short ambiguous sentences, not clear foreign ones") {
  struct Case { const char* text; const char* prior; };
  for (Case c : {Case{"Nein.", "de"}, Case{"Да.", "ru"}, Case{"Merci.", "fr"}, Case{"Certo.", "it"}}) {
    LanguageGuess alone = lid().identify(c.text);
    LanguageGuess with_prior = lid().identify(c.text, c.prior);
    CHECK_MESSAGE(with_prior.code == c.prior, c.text);
    CHECK_MESSAGE(with_prior.confidence > alone.confidence, c.text);
  }
  // Judged alone these are not what the article says (so the prior really did the work).
  CHECK(lid().identify("Nein.").code != "de");
  CHECK(lid().identify("Merci.").code != "fr");
  // Clear foreign sentences keep their language whatever the prior.
  CHECK(lid().identify("We are not looking to expand into the Pacific, but the threats are global.", "it").code == "en");
  CHECK(lid().identify("Das ist eine gute Nachricht für Europa.", "en").code == "de");
  CHECK(lid().identify("Генеральный секретарь встретился с премьер-министром.", "de").code == "ru");
  // An unknown prior is ignored.
  CHECK(lid().identify("Il governo annuncerà un nuovo piano.", "xx").code == "it");
}

TEST_CASE("langid: a mixed-language article, sentence by sentence") {
  auto rows = read_tsv("mixed_it.tsv");
  REQUIRE(rows.size() == 9);
  for (const auto& r : rows) {
    LanguageGuess g = lid().identify(r[1], "it");
    const std::string msg = r[0] + " judged " + g.code + ": " + r[1];
    CHECK_MESSAGE(g.code == r[0], msg);
  }
}

TEST_CASE("langid: und when there is nothing to judge") {
  CHECK(lid().identify("").code == "und");
  CHECK(lid().identify("   \n\t ").code == "und");
  CHECK(lid().identify("12345 !!! 3.14 -- 2025-05-22").code == "und");
  CHECK(lid().identify("€ 42 % → ✓").code == "und");
  CHECK(lid().identify("").confidence == 0.f);
  // Invalid UTF-8 is judged, not a crash.
  CHECK_NOTHROW(lid().identify(std::string("Il governo \xff\xfe annuncerà \xc3", 24)));
}

TEST_CASE("langid: the five seed articles, whole") {
  struct Seed { const char* file; const char* lang; };
  for (Seed s : {Seed{"000_cba9b2eccd73af34.txt", "en"}, Seed{"001_f01c00b065e572bd.txt", "en"},
                 Seed{"002_98e09c086c25287e.txt", "de"}, Seed{"003_980b53d330eac130.txt", "it"},
                 Seed{"004_f0a578a3ea544cd3.txt", "en"}}) {
    const std::string text = read_text(std::string(PX_SEEDS_DIR) + "/" + s.file);
    REQUIRE(!text.empty());
    LanguageGuess g = lid().identify(text);
    CHECK_MESSAGE(g.code == s.lang, s.file);
    CHECK(g.confidence > 0.9f);
  }
}

TEST_CASE("langid: very long text is judged on its beginning, cut on a code point") {
  std::string text;
  while (text.size() < 4 * LanguageIdentifier::kMaxBytesExamined)
    text += "Mercoledì il primo ministro e il segretario generale hanno concordato la cooperazione. ";
  LanguageGuess g = lid().identify(text);
  CHECK(g.code == "it");
  CHECK(g.confidence > 0.95f);
  // The cut falls inside "ì" somewhere: still fine.
  for (size_t cut = LanguageIdentifier::kMaxBytesExamined - 8; cut < LanguageIdentifier::kMaxBytesExamined + 8; ++cut)
    CHECK(lid().identify(std::string_view(text).substr(0, cut + 40)).code == "it");
}
