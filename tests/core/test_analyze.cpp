// The whole text pipeline on the demo corpus: chrome, languages, sentences, tokens, quotes,
// numbers, run in the declared order and incrementally.
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <string>
#include <utility>
#include <vector>

#include "analyze.h"
#include "entities.h"
#include "ingest.h"
#include "lang_id.h"
#include "stem.h"
#include "stopwords.h"
#include "seed_corpus.h"

using namespace px;

namespace {
const TextResources& resources() {
  static TextResources r = TextResources::load(PX_ASSET_DIR);
  return r;
}
Corpus seeds() {
  Corpus c;
  std::vector<Document> docs = px_test::seed_documents();
  c.add_all(std::move(docs));
  return c;
}
bool paragraph_is_chrome(const Document& d, std::string_view starts_with) {
  for (size_t p = 0; p < d.paragraphs.size(); ++p)
    if (d.slice(d.paragraphs[p]).substr(0, starts_with.size()) == starts_with) return d.analysis.boilerplate[p];
  FAIL("no paragraph starts with " << std::string(starts_with));
  return false;
}
const QuoteInfo* quote_starting(const Document& d, std::string_view prefix) {
  for (const QuoteInfo& q : d.analysis.quotes)
    if (d.slice(q.span).substr(0, prefix.size()) == prefix) return &q;
  return nullptr;
}
}  // namespace

TEST_CASE("analyze: the resources load from the generated assets") {
  for (const std::string& m : resources().messages) MESSAGE(m);
  CHECK(resources().messages.empty());
}

TEST_CASE("analyze: the demo corpus, incrementally") {
  Corpus c = seeds();
  REQUIRE(c.size() == 5);
  AnalysisJob job;
  job.restart(c);
  CHECK(job.total() == 5);
  int steps = 0;
  while (job.step(c, resources(), 0.0)) ++steps;  // zero budget: one document counted, then one analysed, per step
  CHECK(steps == 9);
  for (const Document& d : c.docs()) {
    CHECK(d.analysis.done);
    CHECK(d.analysis.boilerplate.size() == d.paragraphs.size());
    CHECK(!d.analysis.sentences.empty());
    CHECK(!d.analysis.tokens.empty());
  }
  // Restarting finds nothing left to do.
  job.restart(c);
  CHECK(job.total() == 0);

  const Document& d001 = c.doc(1);
  CHECK(d001.meta.language == "en");
  CHECK(paragraph_is_chrome(d001, "LEAVE A REPLY"));
  CHECK(paragraph_is_chrome(d001, "Please enter your comment!"));
  CHECK_FALSE(paragraph_is_chrome(d001, "During a press briefing in Tokyo"));
  const QuoteInfo* q = quote_starting(d001, "A stronger NATO will benefit Japan greatly");
  REQUIRE(q);
  CHECK(d001.slice(q->speaker) == "Ishiba");
  bool warheads = false, year = false;
  for (const QuantityInfo& n : d001.analysis.quantities) {
    warheads |= n.value == 1000.0;
    year |= n.kind == QuantityKind::Year && n.value == 2030.0;
  }
  CHECK(warheads);
  CHECK(year);

  const Document& d003 = c.doc(3);
  CHECK(d003.meta.language == "it");
  bool corrupt = false;
  for (const QuantityInfo& n : d003.analysis.quantities) corrupt |= std::isnan(n.value);
  CHECK(corrupt);  // "XNUMX testate nucleari"
  const QuoteInfo* qi = quote_starting(d003, "Una NATO più forte");
  REQUIRE(qi);
  CHECK(d003.slice(qi->speaker) == "Ishiba");

  const Document& d004 = c.doc(4);
  CHECK(paragraph_is_chrome(d004, "More on these topics"));
  CHECK(paragraph_is_chrome(d004, "Japan is an island country"));

  // Token match keys are folded and stemmed: "cooperation" and "cooperate" meet.
  bool stemmed = false;
  for (const TokenInfo& t : d001.analysis.tokens) stemmed |= d001.slice(t.span) == "cooperation" && t.stem == "cooper";
  CHECK(stemmed);
}

TEST_CASE("analyze: a quoted foreign sentence gets its own language") {
  Document d;
  d.text = "Il segretario generale ha parlato a lungo della cooperazione con il Giappone. "
           "\"We are at a pivotal moment for security and stability in the whole region,\" he said in English. "
           "Poi ha lasciato la conferenza stampa senza rispondere alle domande.";
  finish_document(d);
  analyze_document(d, resources(), nullptr);
  CHECK(d.meta.language == "it");
  REQUIRE(d.analysis.sentences.size() == 3);
  CHECK(d.analysis.sentences[0].language == "it");
  CHECK(d.analysis.sentences[1].language == "en");
  CHECK(d.analysis.sentences[2].language == "it");
}

TEST_CASE("analyze: missing assets degrade with messages, never a crash") {
  TextResources bare = TextResources::load("/nonexistent");
  CHECK(bare.messages.size() >= 3);
  Document d;
  d.text = "Rutte said: \"We are ready.\" The alliance has 32 members.";
  finish_document(d);
  analyze_document(d, bare, nullptr);
  CHECK(d.analysis.done);
  CHECK(!d.analysis.sentences.empty());
}

// The pipeline runs the language model on a sentence only when stopwords or script leave
// doubt (analyze.cpp, language_without_model). A foreign sentence inside a long article in
// another language must still get its own language, and the article's own sentences theirs.
namespace {
Document analysed(std::string text) {
  Document d;
  d.text = std::move(text);
  finish_document(d);
  analyze_document(d, resources(), nullptr);
  return d;
}
// The language of the sentence that starts with `prefix`.
std::string language_of(const Document& d, std::string_view prefix) {
  for (const SentenceInfo& s : d.analysis.sentences)
    if (d.slice(s.span).substr(0, prefix.size()) == prefix) return s.language;
  FAIL("no sentence starts with " << std::string(prefix));
  return {};
}
}  // namespace

TEST_CASE("analyze: an Italian article quoting an English sentence, and a German one quoting Russian") {
  // (The quote sits in a paragraph of Italian text: a paragraph of the quote alone has few
  // Italian stopwords and is judged site chrome, whose sentences take the article's language.)
  const Document it = analysed(
      "Il segretario generale della NATO è arrivato ieri a Tokyo per una visita di due giorni, la prima da quando è in carica. "
      "Durante l'incontro con il primo ministro giapponese si è parlato soprattutto della cooperazione nell'industria della difesa.\n\n"
      "I giornalisti gli hanno chiesto se l'alleanza intende aprire un ufficio di collegamento in Giappone, come era stato proposto l'anno scorso. "
      "La risposta è arrivata in inglese, senza esitazioni. "
      "“We are not looking to expand into the Pacific, but the threats we face are global and they are connected.” "
      "Con queste parole il segretario generale ha chiuso la conferenza stampa, che era durata più di un'ora.\n\n"
      "Secondo fonti diplomatiche, la dichiarazione congiunta sarà firmata nelle prossime settimane a Bruxelles. "
      "Il governo giapponese ha confermato che il ministro degli Esteri parteciperà al vertice di luglio.");
  CHECK(it.meta.language == "it");
  CHECK(language_of(it, "“We are not looking") == "en");
  CHECK(language_of(it, "Il segretario generale") == "it");
  CHECK(language_of(it, "La risposta") == "it");
  CHECK(language_of(it, "Con queste parole") == "it");
  CHECK(language_of(it, "Secondo fonti diplomatiche") == "it");
  CHECK(language_of(it, "Il governo giapponese") == "it");

  const Document de = analysed(
      "Der Generalsekretär der NATO ist am Mittwoch zu einem zweitägigen Besuch in Tokio eingetroffen. "
      "Bei dem Treffen mit dem japanischen Ministerpräsidenten ging es vor allem um die Zusammenarbeit in der Rüstungsindustrie.\n\n"
      "Das russische Außenministerium reagierte noch am selben Abend auf die Erklärung. "
      "„Мы считаем, что расширение альянса на восток угрожает безопасности всего региона“, hieß es in einer Mitteilung. "
      "Eine Sprecherin der Bundesregierung wollte sich dazu am Donnerstag nicht äußern.\n\n"
      "Die gemeinsame Erklärung soll nach Angaben von Diplomaten in den kommenden Wochen in Brüssel unterzeichnet werden.");
  CHECK(de.meta.language == "de");
  CHECK(language_of(de, "„Мы считаем") == "ru");
  CHECK(language_of(de, "Der Generalsekretär") == "de");
  CHECK(language_of(de, "Das russische Außenministerium") == "de");
  CHECK(language_of(de, "Eine Sprecherin") == "de");
  CHECK(language_of(de, "Die gemeinsame Erklärung") == "de");
}

TEST_CASE("analyze: the mixed Italian article of the langid tests, as one article") {
  // tests/data/langid/mixed_it.tsv: quoted English and German sentences and one-word Italian
  // replies ("Sì.", "Certo.") that only the model with the article prior settles.
  std::ifstream f(std::string(PX_TEST_DATA) + "/langid/mixed_it.tsv");
  std::string line, text;
  std::vector<std::pair<std::string, std::string>> rows;
  while (std::getline(f, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    rows.emplace_back(line.substr(0, tab), line.substr(tab + 1));
    text += (text.empty() ? "" : " ") + rows.back().second;
  }
  REQUIRE(rows.size() == 9);
  const Document d = analysed(text);
  CHECK(d.meta.language == "it");
  for (const auto& row : rows) CHECK_MESSAGE(language_of(d, row.second) == row.first, row.second);
}

TEST_CASE("analyze: stopword votes and the CJK script rule agree with the model where they decide") {
  const Stopwords& sw = *resources().stopwords;
  // Running text: its own language's stopwords win the vote.
  Stopwords::Vote v = sw.vote("Il governo ha approvato mercoledì il decreto sulle bollette energetiche.", "it");
  CHECK(v.words == 10);
  CHECK(v.hits >= 3);
  CHECK(v.hits > v.best_other_hits);
  // A quoted English sentence in an Italian article: English stopwords win.
  v = sw.vote("We are not looking to expand into the Pacific, but the threats we face are global.", "it");
  CHECK(v.hits < v.best_other_hits);
  // Another script: counted, so the sentence goes to the model.
  v = sw.vote("Генеральный секретарь встретился с премьер-министром.", "de");
  CHECK(v.other_script == v.words);
  CHECK(v.hits == 0);
  CHECK(sw.vote("政府は水曜日、新たな経済対策を閣議決定した。", "ja").words == 0);  // unspaced: no vote
  CHECK(sw.vote("the and of", "xx").words == 0);                                // no list: no vote

  // Han/kana only: exactly identify()'s answer, without the model.
  const LanguageIdentifier& lid = *resources().langid;
  for (const char* s : {"政府は水曜日、新たな経済対策を閣議決定した。", "北约秘书长在东京会见了日本首相。",
                        "北約秘書長在東京會見了日本首相。", "東京でNATO事務総長と会談した", "「了解です」と述べた。"}) {
    const LanguageGuess fast = cjk_script_language(s);
    if (fast.code.empty()) continue;  // not decided by script: nothing to compare
    const LanguageGuess model = lid.identify(s, "en");
    CHECK_MESSAGE(fast.code == model.code, s);
    CHECK(fast.confidence == doctest::Approx(model.confidence));
  }
  CHECK(cjk_script_language("政府は水曜日、新たな経済対策を閣議決定した。").code == "ja");
  CHECK(cjk_script_language("北约秘书长在东京会见了日本首相。").code == "zh");
  CHECK(cjk_script_language("東京でNATO事務総長と会談した").code.empty());  // Latin letters: the model's turn
  CHECK(cjk_script_language("나토 사무총장").code.empty());
  CHECK(cjk_script_language("2025。").code.empty());
  // A kanji-only headline of a Japanese article is Japanese (the article's language as the
  // prior); alone, or in a Chinese article, Han-only text stays Chinese. identify() agrees.
  CHECK(cjk_script_language("石破首相訪米", "ja").code == "ja");
  CHECK(cjk_script_language("石破首相訪米", "zh").code == "zh");
  CHECK(cjk_script_language("石破首相訪米").code == "zh");
  CHECK(lid.identify("石破首相訪米", "ja").code == "ja");
  CHECK(lid.identify("石破首相訪米", "en").code == "zh");
}

TEST_CASE("analyze: cached match keys are the keys computed afresh") {
  const Stemmer& stemmer = *resources().stemmer;
  const std::vector<std::pair<const char*, const char*>> words = {
      {"Cooperation", "en"}, {"cooperation", "en"}, {"Bündnisses", "de"}, {"Straße", "de"}, {"città", "it"},
      {"Cooperación", "es"}, {"Сотрудничества", "ru"}, {"Новый", "ru"}, {"NATO", "ja"}, {"東京", "ja"},
      {"Cooperation", "fr"}, {"Cooperation", "xx"}, {"ﬁnal", "en"}, {"Rutte", "nb"}, {"Rutte", "no"}};
  for (int round = 0; round < 2; ++round)  // the second round is answered from the cache
    for (const auto& word : words)
      CHECK_MESSAGE(match_key(word.first, word.second, stemmer) == match_key_uncached(word.first, word.second, stemmer),
                    word.first << " " << word.second);
  // More distinct words than the cache holds: it empties and refills, answers stay right.
  for (int i = 0; i < 100000; ++i) {
    const std::string w = "Wort" + std::to_string(i) + "ungen";
    if (i % 997 == 0) CHECK(match_key(w, "de", stemmer) == match_key_uncached(w, "de", stemmer));
    else (void)match_key(w, "de", stemmer);
  }
  for (const auto& word : words) CHECK(match_key(word.first, word.second, stemmer) == match_key_uncached(word.first, word.second, stemmer));
}

namespace {
Document article(std::string id, std::vector<std::string> paragraphs) {
  Document d;
  d.meta.id = std::move(id);
  d.meta.source = "Test Outlet";
  d.meta.language = "en";
  for (const std::string& p : paragraphs) {
    if (!d.text.empty()) d.text += "\n\n";
    const auto begin = static_cast<uint32_t>(d.text.size());
    d.text += p;
    d.paragraphs.push_back({begin, static_cast<uint32_t>(d.text.size())});
  }
  return d;
}
bool chrome_at(const Corpus& c, size_t doc, size_t paragraph) {
  REQUIRE(c.doc(doc).analysis.done);
  return c.doc(doc).analysis.boilerplate.at(paragraph);
}
}  // namespace

TEST_CASE("analyze: counts are extended when articles are added and rebuilt when one goes") {
  // Running text, content on its own; chrome once it stands in two articles.
  const std::string shared =
      "The committee will meet again next week to discuss the proposals that were made by the members of the "
      "opposition, and it is expected to publish its report before the end of the month.";
  const std::string other =
      "Officials said that the talks had been constructive and that they would continue in the coming days, "
      "although several questions about the financing of the plan were still open for now.";
  auto body = [](int n) {  // different words per article (digits alone would repeat: keys read them as 0)
    const char* city[] = {"Lyon", "Turin", "Bergen", "Porto", "Ghent", "Graz"};
    const char* topic[] = {"schools", "bridges", "hospitals", "tram lines", "libraries", "parks"};
    return std::string("The council of ") + city[n] + " has debated its budget for a long time, and the new " +
           topic[n] + " were the main subject. The mayor of " + city[n] + " said that she was happy with the " +
           "result and that the " + topic[n] + " would open in the autumn, as it had been planned from the start.";
  };
  Corpus c;
  std::vector<Document> first;
  first.push_back(article("a", {body(1), shared, other}));
  first.push_back(article("x", {body(2), body(3)}));
  c.add_all(std::move(first));
  AnalysisJob job;
  job.restart(c);
  while (job.step(c, resources(), 0.0)) {}
  CHECK_FALSE(chrome_at(c, 0, 1));  // one article has it: content
  CHECK_FALSE(chrome_at(c, 0, 2));

  // Added: only "b" is counted (and then analysed), "a" is not analysed again.
  std::vector<Document> more;
  more.push_back(article("b", {body(4), shared}));
  c.add_all(std::move(more));
  job.restart(c);
  CHECK(job.total() == 1);
  while (job.step(c, resources(), 0.0)) {}
  CHECK(chrome_at(c, 2, 1));  // counted in "a" and in "b" itself
  CHECK_FALSE(chrome_at(c, 0, 1));

  // "a" goes: its paragraphs are no longer counted. "d" repeats one only "a" had.
  c.remove(0);
  std::vector<Document> last;
  last.push_back(article("d", {body(5), other}));
  c.add_all(std::move(last));
  job.restart(c);
  while (job.step(c, resources(), 0.0)) {}
  REQUIRE(c.doc(2).meta.id == "d");
  CHECK_FALSE(chrome_at(c, 2, 1));

  // The same analysis as a job that counts the whole corpus at once.
  Corpus fresh;
  std::vector<Document> copies(c.docs().begin(), c.docs().end());
  copies.back().analysis = Analysis{};
  fresh.add_all(std::move(copies));
  AnalysisJob once;
  once.restart(fresh);
  while (once.step(fresh, resources(), 1e9)) {}
  const Analysis& x = c.doc(2).analysis;
  const Analysis& y = fresh.doc(2).analysis;
  CHECK(x.boilerplate == y.boilerplate);
  REQUIRE(x.tokens.size() == y.tokens.size());
  for (size_t i = 0; i < x.tokens.size(); ++i) CHECK(x.tokens[i].stem == y.tokens[i].stem);
  CHECK(x.mentions.size() == y.mentions.size());
}
