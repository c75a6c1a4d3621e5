// Boilerplate (site chrome) detection: seeds against hand-written gold labels, synthetic pages
// in German, Italian and Japanese, corpus repetition, and degraded modes.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "boilerplate.h"
#include "lang_detect.h"
#include "stopwords.h"

using namespace px;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// One paragraph per non-blank line (as ingest does for .txt), trimmed.
std::vector<std::string_view> lines_of(const std::string& text) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    if (!line.empty()) out.push_back(line);
    pos = end + 1;
  }
  return out;
}

const Stopwords& stopwords() {
  static const Stopwords sw = [] {
    auto r = Stopwords::load(PX_ASSET_DIR);
    return r.ok() ? r.value() : Stopwords();
  }();
  return sw;
}

// A synthetic page: "C<TAB>text" (chrome) / "T<TAB>text" (article) lines.
struct Page {
  std::string text;
  std::vector<std::string_view> paragraphs;
  std::vector<bool> chrome;
};
Page load_page(const std::string& name) {
  Page p;
  p.text = slurp(std::string(PX_TEST_DATA) + "/boilerplate/" + name);
  for (std::string_view line : lines_of(p.text)) {
    REQUIRE(line.size() > 2);
    p.chrome.push_back(line[0] == 'C');
    p.paragraphs.push_back(line.substr(2));
  }
  REQUIRE(!p.paragraphs.empty());
  return p;
}

// Every paragraph where the classifier and the labels disagree, for a readable failure.
std::string disagreements(const Page& p, const std::vector<bool>& got) {
  std::string out;
  for (size_t i = 0; i < got.size(); ++i)
    if (got[i] != p.chrome[i]) out += (got[i] ? "\n  false chrome: " : "\n  missed chrome: ") + std::string(p.paragraphs[i]);
  return out;
}

}  // namespace

TEST_CASE("boilerplate: the seeds match the hand-written gold labels") {
  REQUIRE(stopwords().has_language("en"));
  const std::string gold_text = slurp(std::string(PX_TEST_DATA) + "/boilerplate/seeds_gold.tsv");
  std::map<std::string, std::map<size_t, std::pair<bool, std::string>>> gold;
  std::istringstream g(gold_text);
  for (std::string line; std::getline(g, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::stringstream ls(line);
    for (std::string c; std::getline(ls, c, '\t');) cols.push_back(c);
    REQUIRE(cols.size() == 4);
    gold[cols[0]][size_t(std::stoul(cols[1]))] = {cols[2] == "chrome", cols[3]};
  }
  REQUIRE(gold.size() == 5);

  std::map<std::string, std::string> texts;
  ParagraphRepeats repeats;
  for (const auto& [name, labels] : gold) {
    texts[name] = slurp(std::string(PX_SEEDS_DIR) + "/" + name);
    repeats.add_document(lines_of(texts[name]));
  }
  int chrome = 0;
  for (const auto& entry : gold) {  // no structured bindings: clang 14 cannot capture them in INFO
    const std::string& name = entry.first;
    const auto& labels = entry.second;
    const auto paragraphs = lines_of(texts[name]);
    REQUIRE(paragraphs.size() == labels.size());
    const auto got = classify_boilerplate(paragraphs, guess_language(texts[name]).code, stopwords(), &repeats);
    for (size_t i = 0; i < paragraphs.size(); ++i) {
      const bool want = labels.at(i).first;
      const std::string& prefix = labels.at(i).second;
      REQUIRE(paragraphs[i].substr(0, prefix.size()) == prefix);  // the gold file is current
      chrome += want;
      INFO(name, " #", i, ": ", paragraphs[i]);
      CHECK(got[i] == want);
    }
  }
  CHECK(chrome == 41);
}

TEST_CASE("boilerplate: the chrome the brief names, and the article around it") {
  const std::string text = slurp(std::string(PX_SEEDS_DIR) + "/001_f01c00b065e572bd.txt");
  const auto paragraphs = lines_of(text);
  const auto got = classify_boilerplate(paragraphs, "en", stopwords(), nullptr);
  auto verdict = [&](std::string_view prefix) {
    for (size_t i = 0; i < paragraphs.size(); ++i)
      if (paragraphs[i].substr(0, prefix.size()) == prefix) return int(got[i]);
    return -1;  // not found
  };
  for (const char* chrome : {"LEAVE A REPLY", "Please enter your comment!", "Please enter your name here",
                             "Share post:", "Subscribe", "spot_imgspot_img", "Popular", "More like this",
                             "Related", "Date:", "Taiwan Studies Civil Defense", "Taiwan plans to send",
                             "Japan to Make Childbirth Free", "Gold Pig Brings Korean BBQ",
                             "Mongolia’s Foreign Minister Visits"}) {
    INFO(chrome);
    CHECK(verdict(chrome) == 1);
  }
  for (const char* content : {"Japan and NATO Strengthen Defense Cooperation", "Japanese Prime Minister Shigeru Ishiba",
                              "“A stronger NATO will benefit Japan greatly", "With the growing threats"}) {
    INFO(content);
    CHECK(verdict(content) == 0);
  }
}

TEST_CASE("boilerplate: German pages of one site: shared menu and footer found by repetition") {
  const Page a = load_page("de_site_a.page"), b = load_page("de_site_b.page");
  ParagraphRepeats repeats;
  repeats.add_document(a.paragraphs);
  repeats.add_document(b.paragraphs);
  CHECK(repeats.count("Kommentar schreiben") == 2);
  CHECK(repeats.count("Die Stadt hat mehrere Uferstraßen gesperrt.") == 0);
  for (const Page* p : {&a, &b}) {
    const auto got = classify_boilerplate(p->paragraphs, "de", stopwords(), &repeats);
    INFO(disagreements(*p, got));
    CHECK(got == p->chrome);
  }
  // Without the corpus the article is still kept, but the copyright notice (two full sentences
  // with stopwords) reads as text: only its repetition on the site's other page gives it away.
  const auto alone = classify_boilerplate(a.paragraphs, "de", stopwords(), nullptr);
  for (size_t i = 0; i < a.paragraphs.size(); ++i) {
    INFO(a.paragraphs[i]);
    if (!a.chrome[i]) CHECK_FALSE(alone[i]);
  }
  REQUIRE(a.paragraphs.back().substr(0, 22) == "Alle Rechte vorbehalte");
  CHECK_FALSE(alone.back());
  CHECK(alone.front());  // "Startseite": one word at the top, before the headline
}

TEST_CASE("boilerplate: Italian and Japanese pages, one article each, no corpus") {
  for (auto page : {std::pair{"it_page.page", "it"}, std::pair{"ja_page.page", "ja"}}) {
    const char* name = page.first;
    const char* lang = page.second;
    const Page p = load_page(name);
    const auto got = classify_boilerplate(p.paragraphs, lang, stopwords(), nullptr);
    INFO(name, disagreements(p, got));
    CHECK(got == p.chrome);
  }
}

TEST_CASE("boilerplate: a syndicated article in two documents is not chrome") {
  const Page a = load_page("de_syndicated_a.page"), b = load_page("de_syndicated_b.page");
  ParagraphRepeats repeats;
  repeats.add_document(a.paragraphs);
  repeats.add_document(b.paragraphs);
  CHECK(repeats.count(a.paragraphs[0]) == 2);
  const auto got = classify_boilerplate(a.paragraphs, "de", stopwords(), &repeats);
  INFO(disagreements(a, got));
  CHECK(got == a.chrome);
  CHECK(std::count(got.begin(), got.end(), true) == 0);
}

TEST_CASE("boilerplate: repetition keys ignore case, accents, punctuation and digits") {
  ParagraphRepeats r;
  r.add_document({"Share post:", "© 2024 Muster Verlag", "-", "Share post:"});  // twice: counted once
  r.add_document({"SHARE POST", "© 2025 Muster-Verlag"});
  CHECK(r.documents() == 2);
  CHECK(r.count("share post") == 2);
  CHECK(r.count("© 1999 Muster Verlag") == 2);
  CHECK(r.count("Share a post") == 0);
  CHECK(r.count("-") == 0);  // no letters: not counted
  CHECK(r.count("Subscribe") == 0);
}

TEST_CASE("boilerplate: degrades without stopwords, and on empty input") {
  const Stopwords none;
  CHECK(classify_boilerplate({}, "en", none, nullptr).empty());
  const std::string text = slurp(std::string(PX_SEEDS_DIR) + "/001_f01c00b065e572bd.txt");
  const auto paragraphs = lines_of(text);
  const auto got = classify_boilerplate(paragraphs, "en", none, nullptr);
  REQUIRE(got.size() == paragraphs.size());
  // Length and context alone: the comment form and teasers are chrome, the long paragraphs stay.
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    INFO(paragraphs[i]);
    if (paragraphs[i].size() > 200) CHECK_FALSE(got[i]);
    if (paragraphs[i] == "LEAVE A REPLY" || paragraphs[i] == "Subscribe" || paragraphs[i] == "spot_imgspot_img")
      CHECK(got[i]);
  }
  const auto single = classify_boilerplate({"Subscribe"}, "en", stopwords(), nullptr);
  CHECK(single == std::vector<bool>{true});
  const auto verdicts = explain_boilerplate({"-", "Subscribe"}, "en", stopwords(), nullptr);
  CHECK(std::string(verdicts[0].reason) == "separator line");
}

TEST_CASE("boilerplate: a short article is its own content, in languages with few function words") {
  // One sentence pasted alone: nothing around it to call it content, but it is the article.
  CHECK(classify_boilerplate({"«Переговоры будут трудными», — сказал министр иностранных дел России Сергей Лавров."}, "ru",
                             stopwords(), nullptr) == std::vector<bool>{false});
  CHECK(classify_boilerplate({"Der Bundestag hat am Donnerstag den Haushalt für das kommende Jahr beschlossen."}, "de",
                             stopwords(), nullptr) == std::vector<bool>{false});
  // Russian prose has no articles: a long sentence under the stopword floor is judged by its
  // neighbours (content here), not thrown out as "not running text".
  const std::vector<std::string_view> ru = {
      "Министр финансов Антон Силуанов представил в Государственной думе проект федерального бюджета на следующие три года.",
      "Глава Минфина Антон Силуанов заявил: «Бюджет будет исполнен в полном объёме».",
      "Депутаты рассмотрят документ в первом чтении до конца октября, а окончательное решение примут в ноябре после обсуждения поправок."};
  const auto v = explain_boilerplate(ru, "ru", stopwords(), nullptr);
  for (size_t i = 0; i < v.size(); ++i) {
    INFO(i << ": " << v[i].reason);
    CHECK_FALSE(v[i].boilerplate);
  }
  // Still chrome: a lone word, and a menu of names without a sentence.
  CHECK(classify_boilerplate({"Subscribe"}, "en", stopwords(), nullptr) == std::vector<bool>{true});
  CHECK(classify_boilerplate({"Politik Wirtschaft Sport Kultur Wissen Reisen Auto Digital"}, "de", stopwords(), nullptr) ==
        std::vector<bool>{true});
}

TEST_CASE("boilerplate: scanned stopwords count and vote as the text does, and facts classify as the text does") {
  const Stopwords& sw = stopwords();
  REQUIRE(sw.language_count() > 8);
  size_t lines = 0, votes = 0;
  for (const char* lang : {"en", "de", "it", "fr", "es", "ru", "ja", "zh"}) {
    const std::string text = slurp(std::string(PX_TEST_DATA) + "/segment/" + lang + ".txt");
    const std::vector<std::string_view> paragraphs = lines_of(text);
    std::vector<ParagraphFacts> facts;
    for (std::string_view p : paragraphs) {
      INFO(lang << ": " << p);
      std::vector<Stopwords::Word> words;
      const bool scanned = sw.scan(p, lang, words);
      CHECK(scanned == (std::string_view(lang) != "ja" && std::string_view(lang) != "zh"));  // unspaced: count(text)
      const Stopwords::Counts want = sw.count(p, lang);
      const Stopwords::Counts got = scanned ? sw.count(words.data(), words.data() + words.size(), lang) : want;
      CHECK(got.words == want.words);
      CHECK(got.stopwords == want.stopwords);
      facts.push_back({ParagraphRepeats::key(p), got});
      ++lines;
      // Every run of whole words [a, b), voted on in every language, as its own text would be.
      for (size_t a = 0; a < words.size(); a += 3) {
        for (size_t b = a + 1; b <= words.size(); b += 4) {
          const std::string_view part = p.substr(words[a].begin, words[b - 1].end - words[a].begin);
          for (const char* vote_lang : {"en", "de", "it", "fr", "es", "ru"}) {
            const Stopwords::Vote x = sw.vote(words.data() + a, words.data() + b, vote_lang);
            const Stopwords::Vote y = sw.vote(part, vote_lang);
            CHECK(x.words == y.words);
            CHECK(x.hits == y.hits);
            CHECK(x.best_other_hits == y.best_other_hits);
            CHECK(x.other_script == y.other_script);
            ++votes;
          }
        }
      }
    }
    ParagraphRepeats repeats;
    repeats.add_document(paragraphs);
    repeats.add_document({paragraphs.front()});  // the headline repeats
    CHECK(classify_boilerplate(paragraphs, lang, sw, &repeats, &facts) == classify_boilerplate(paragraphs, lang, sw, &repeats));
  }
  CHECK(lines > 40);
  CHECK(votes > 1000);
  std::vector<Stopwords::Word> none;
  CHECK_FALSE(sw.scan("the and of", "xx", none));  // no list
  CHECK(none.empty());
}
