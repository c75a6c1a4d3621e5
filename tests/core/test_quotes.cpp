// Tests for quotes.h: quote marks of every style, apostrophes that are not quotes, terms in
// quotes, multi-paragraph and unclosed quotes, speakers and reporting verbs in en de it fr es
// ru ja zh, unmarked quotes attributed on the next line, a missing lexicon; and the evaluation
// on the hand-labelled set tests/data/quotes/ (figures in docs/quality-quotes.md).
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "analyze.h"
#include "ingest.h"
#include "quantities.h"
#include "quotes.h"

using namespace px;

namespace {

const QuoteFinder& finder() {
  static Result<QuoteFinder> f = QuoteFinder::load(PX_ASSET_DIR);
  REQUIRE_MESSAGE(f.ok(), f.error());
  return f.value();
}

struct Found {
  std::string text, speaker, cue;
};

std::vector<Found> quotes(std::string_view text, std::string_view lang) {
  std::vector<Found> out;
  for (const QuoteInfo& q : finder().find(text, lang)) {
    auto slice = [&](Span s) { return std::string(text.substr(s.begin, s.end - s.begin)); };
    out.push_back({slice(q.span), slice(q.speaker), slice(q.cue)});
  }
  return out;
}

// The same text through the whole pipeline (analyze.h): speakers refined by the recogniser's
// person mentions (refine_speakers). Paragraphs as ingest makes them, the language given.
std::vector<Found> pipeline_quotes(std::string_view text, std::string_view lang) {
  static const TextResources res = TextResources::load(PX_ASSET_DIR);
  Document d;
  d.meta.language = std::string(lang);
  d.meta.language_from = Provenance::Given;
  d.text = std::string(text);
  finish_document(d);
  analyze_document(d, res, nullptr, nullptr);
  std::vector<Found> out;
  for (const QuoteInfo& q : d.analysis.quotes) {
    auto slice = [&](Span s) { return d.text.substr(s.begin, s.end - s.begin); };
    out.push_back({slice(q.span), slice(q.speaker), slice(q.cue)});
  }
  return out;
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::vector<std::string>> read_tsv(const std::string& path) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(read_all(path));
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    for (size_t b = 0;;) {
      const size_t t = line.find('\t', b);
      cols.push_back(line.substr(b, t == std::string::npos ? std::string::npos : t - b));
      if (t == std::string::npos) break;
      b = t + 1;
    }
    rows.push_back(std::move(cols));
  }
  return rows;
}

}  // namespace

TEST_CASE("quotes: every quote style, marks excluded and padding trimmed") {
  const struct {
    const char* lang;
    const char* text;
    const char* quoted;
  } cases[] = {
      {"en", "He called it “a dangerous escalation of the conflict” yesterday.", "a dangerous escalation of the conflict"},
      {"en", "He called it \"a dangerous escalation of the conflict\" yesterday.", "a dangerous escalation of the conflict"},
      {"de", "Er nannte es „eine gefährliche Eskalation des Konflikts“ gestern.", "eine gefährliche Eskalation des Konflikts"},
      {"de", "Er nannte es »eine gefährliche Eskalation des Konflikts« gestern.", "eine gefährliche Eskalation des Konflikts"},
      {"fr", "Il a parlé d'« une escalade dangereuse du conflit » hier.", "une escalade dangereuse du conflit"},
      {"fr", "Il a parlé d'«\u00A0une escalade dangereuse du conflit\u00A0» hier.", "une escalade dangereuse du conflit"},
      {"it", "Ha parlato di «una pericolosa escalation del conflitto» ieri.", "una pericolosa escalation del conflitto"},
      {"ru", "Он назвал это «опасной эскалацией конфликта» вчера.", "опасной эскалацией конфликта"},
      {"ja", "首相は「対話を続ける」と述べた。", "対話を続ける"},
      {"ja", "首相は『対話を続ける』と語った。", "対話を続ける"},
      {"en", "He called it ‘a dangerous escalation of the conflict’ yesterday.", "a dangerous escalation of the conflict"},
      {"en", "He called it 'a dangerous escalation of the conflict' yesterday.", "a dangerous escalation of the conflict"},
      {"fr", "Il a parlé d'‹ une escalade dangereuse › hier.", "une escalade dangereuse"},
  };
  for (const auto& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    const auto q = quotes(c.text, c.lang);
    REQUIRE(q.size() == 1);
    CHECK(q[0].text == c.quoted);
  }
}

TEST_CASE("quotes: apostrophes are not quotes") {
  CHECK(quotes("La guerra contro l'Ucraina e l'espansione della Cina, dice l'analista.", "it").empty());
  CHECK(quotes("It was NATO's third summit, and the leaders' statement didn't mention China.", "en").empty());
  CHECK(quotes("It was NATO’s third summit, and the leaders’ statement didn’t mention China.", "en").empty());
  CHECK(quotes("Rock 'n' roll in the '90s was different.", "en").size() <= 1);
  // An apostrophe inside a single-quoted quote does not close it.
  const auto q = quotes("She called it ‘NATO’s finest hour’ in her speech.", "en");
  REQUIRE(q.size() == 1);
  CHECK(q[0].text == "NATO’s finest hour");
}

TEST_CASE("quotes: terms in quotes get a speaker only when a verb is right next to them") {
  auto q = quotes("It was nothing more than a “smokescreen” for public opinion, Rutte said.", "en");
  REQUIRE(q.size() == 1);
  CHECK(q[0].text == "smokescreen");
  CHECK(q[0].speaker.empty());
  CHECK(q[0].cue.empty());
  CHECK(is_term_quote("smokescreen"));
  CHECK(is_term_quote("free and open"));
  CHECK_FALSE(is_term_quote("We are at a pivotal moment."));
  q = quotes("Il momento è \"cruciale\", ha detto Rutte ai giornalisti.", "it");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Rutte");
  CHECK(q[0].cue == "ha detto");
}

TEST_CASE("quotes: multi-paragraph quotes and unclosed marks stay within their paragraphs") {
  const std::string text =
      "“The first part of the statement goes on here.\n"
      "“And the second paragraph continues it,” Rutte said.\n"
      "Then the article moves on with “a mark that never closes and more words.\n"
      "A third paragraph with plain text.";
  const auto q = quotes(text, "en");
  REQUIRE(q.size() == 2);
  CHECK(q[0].text == "The first part of the statement goes on here.");
  CHECK(q[1].text == "And the second paragraph continues it,");
  CHECK(q[0].speaker == "Rutte");
  CHECK(q[1].speaker == "Rutte");
  // An opening mark at the start of a paragraph that never closes: the paragraph is the quote.
  const auto u = quotes("“We will defend every inch of allied territory\nThe summit ended.", "en");
  REQUIRE(u.size() == 1);
  CHECK(u[0].text == "We will defend every inch of allied territory");
}

TEST_CASE("quotes: speakers and reporting verbs in eight languages") {
  const struct {
    const char* lang;
    const char* text;
    const char* speaker;
    const char* cue;
  } cases[] = {
      {"en", "“Strengthening NATO will bring great benefits,” Ishiba said at a press conference.", "Ishiba", "said"},
      {"en", "“We are ready,” said Mark Rutte.", "Mark Rutte", "said"},
      {"en", "Rutte stated, \"Russia is producing in three months what NATO produces in a year.\"", "Rutte", "stated"},
      {"en", "“This is unacceptable,” he said.", "", "said"},
      {"en", "Rutte said the world is “at a crucial moment for security and stability.”", "Rutte", "said"},
      {"it", "\"Accogliamo con favore il crescente impegno della NATO\", ha affermato Ishiba.", "Ishiba", "ha affermato"},
      {"it", "Rutte ha sottolineato: «Serve una cooperazione più stretta con il Giappone».", "Rutte", "ha sottolineato"},
      {"it", "\"Non bisogna essere ingenui nei confronti della Cina\", ha aggiunto.", "", "ha aggiunto"},
      {"de", "„Die Sicherheit Europas ist untrennbar mit Asien verbunden“, sagte Kishida.", "Kishida", "sagte"},
      {"de", "„Wir verdoppeln die Verteidigungsausgaben“, betonte Ministerpräsident Fumio Kishida.", "Fumio Kishida", "betonte"},
      {"fr", "« Nous ne céderons pas », a déclaré Emmanuel Macron.", "Emmanuel Macron", "a déclaré"},
      {"fr", "« Nous ne céderons pas », a-t-il déclaré.", "", "a-t-il déclaré"},
      {"es", "\"No vamos a permitir más ataques\", dijo Pedro Sánchez.", "Pedro Sánchez", "dijo"},
      {"es", "\"La situación es grave y exige respuestas\", afirmó la ministra Margarita Robles.", "Margarita Robles", "afirmó"},
      {"ru", "«Мы готовы к переговорам», — сказал Лавров.", "Лавров", "сказал"},
      {"ru", "«Это неприемлемо», — заявил он.", "", "заявил"},
      {"ja", "石破首相は「防衛協力を強化する」と述べた。", "石破首相", "述べた"},
      {"zh", "王毅表示：“中方愿意继续对话。”", "王毅", "表示"},
      {"zh", "“我们愿意继续对话，”他说。", "", "说"},
  };
  for (const auto& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    const auto q = quotes(c.text, c.lang);
    REQUIRE(q.size() == 1);
    CHECK(q[0].speaker == c.speaker);
    CHECK(q[0].cue == c.cue);
  }
}

TEST_CASE("quotes: unmarked quotes attributed on the next line (German seed style)") {
  const std::string text =
      "Die Lage in Europa und im Indopazifik ist untrennbar verbunden\n"
      "– betonte dann auch Kishida.\n"
      "Die Zusammenarbeit wird weiter ausgebaut.\n"
      "- Growing Threats: a list item, not a quote.";
  const auto q = quotes(text, "de");
  REQUIRE(q.size() == 1);
  CHECK(q[0].text == "Die Lage in Europa und im Indopazifik ist untrennbar verbunden");
  CHECK(q[0].speaker == "Kishida");
  CHECK(q[0].cue == "betonte");
}

TEST_CASE("quotes: stance of a cue, and a missing lexicon is an error, not a crash") {
  CHECK(finder().stance("warned", "en") == "alarm");
  CHECK(finder().stance("ha lanciato l'allarme", "it") == "alarm");
  CHECK(finder().stance("betonte", "de") == "emphatic");
  CHECK(finder().stance("walked", "en").empty());
  Result<QuoteFinder> missing = QuoteFinder::load("/nonexistent/assets");
  CHECK_FALSE(missing.ok());
  CHECK(missing.error().find("reporting_verbs.tsv") != std::string::npos);
  Result<QuantityFinder> missing_numbers = QuantityFinder::load("/nonexistent/assets");
  CHECK_FALSE(missing_numbers.ok());
  CHECK(finder().find("", "en").empty());
}

// ---- evaluation on the hand-labelled set ------------------------------------------------------
namespace {
std::map<std::string, std::pair<std::string, std::string>> eval_texts(const std::string& set) {  // id -> (lang, text)
  std::map<std::string, std::pair<std::string, std::string>> texts;
  for (const auto& row : read_tsv(std::string(PX_TEST_DATA) + "/quotes/" + set + "cases.tsv")) {
    REQUIRE(row.size() >= 3);
    std::string text;
    if (row[2].rfind("seed:", 0) == 0) {
      text = read_all(std::string(PX_SEEDS_DIR) + "/" + row[2].substr(5));
    } else {
      for (size_t i = 0; i < row[2].size(); ++i) {
        if (row[2][i] == '\\' && i + 1 < row[2].size() && row[2][i + 1] == 'n') text += '\n', ++i;
        else text += row[2][i];
      }
    }
    REQUIRE(!text.empty());
    texts[row[0]] = {row[1], text};
  }
  return texts;
}

struct QuoteScores {
  double precision, recall, speaker_precision, speaker_recall;
};
QuoteScores evaluate_quotes(const std::string& set, bool pipeline) {
  const auto texts = eval_texts(set);
  const auto gold = read_tsv(std::string(PX_TEST_DATA) + "/quotes/" + set + "quotes_gold.tsv");
  size_t found = 0, matched = 0, speaker_ok = 0, cue_ok = 0, gold_named = 0, found_named = 0, named_ok = 0;
  std::map<std::string, std::vector<Found>> results;
  std::map<std::string, std::pair<size_t, size_t>> per_group;  // id prefix ("m", "n") -> matched, speaker right
  for (const auto& [id, lt] : texts) {
    results[id] = pipeline ? pipeline_quotes(lt.second, lt.first) : quotes(lt.second, lt.first);
    found += results[id].size();
    for (const Found& f : results[id]) found_named += !f.speaker.empty();
  }
  for (auto row : gold) {
    row.resize(4);
    REQUIRE(results.count(row[0]));
    gold_named += !row[2].empty();
    bool hit = false;
    for (const Found& f : results[row[0]]) {
      if (f.text.rfind(row[1], 0) != 0) continue;
      hit = true;
      ++matched;
      const std::string group = row[0].substr(0, row[0].find('_'));
      ++per_group[group].first;
      if (f.speaker == row[2]) ++speaker_ok, ++per_group[group].second;
      else MESSAGE(row[0] << ": speaker '" << f.speaker << "' for '" << row[1] << "', expected '" << row[2] << "'");
      if (!row[2].empty() && f.speaker == row[2]) ++named_ok;
      if (f.cue == row[3]) ++cue_ok;
      break;
    }
    if (!hit) MESSAGE(row[0] << ": quote '" << row[1] << "' not found");
  }
  const double precision = double(matched) / double(found), recall = double(matched) / double(gold.size());
  const double speaker_precision = double(named_ok) / double(found_named);
  const double speaker_recall = double(named_ok) / double(gold_named);
  const std::string how = pipeline ? " (pipeline)" : " (finder alone)";
  MESSAGE(set << "quotes" << how << ": " << found << " found, " << gold.size() << " gold, precision " << precision << ", recall " << recall);
  MESSAGE(set << "speakers" << how << ": accuracy on matched quotes " << double(speaker_ok) / double(matched) << "; named speakers precision "
          << speaker_precision << ", recall " << speaker_recall << "; cue exact " << double(cue_ok) / double(matched));
  for (const auto& [group, counts] : per_group)
    if (!set.empty()) MESSAGE(set << group << "_*" << how << ": speaker right for " << counts.second << " of " << counts.first << " matched quotes");
  return {precision, recall, speaker_precision, speaker_recall};
}

struct QuantityScores {
  double precision, recall;
};
QuantityScores evaluate_quantities(const std::string& set) {
  static Result<QuantityFinder> qf = QuantityFinder::load(PX_ASSET_DIR);
  REQUIRE_MESSAGE(qf.ok(), qf.error());
  const auto texts = eval_texts(set);
  const auto gold = read_tsv(std::string(PX_TEST_DATA) + "/quotes/" + set + "quantities_gold.tsv");
  const char* kinds[] = {"Number", "Percent", "Money", "Year", "Date", "Duration", "Count"};
  size_t found = 0, correct = 0, gold_n = 0;
  for (const auto& [id, lt] : texts) {
    const auto qs = qf->find(lt.second, lt.first);
    found += qs.size();
    std::vector<bool> used(qs.size(), false);
    for (auto row : gold) {
      row.resize(5);
      if (row[0] != id) continue;
      ++gold_n;
      bool ok = false;
      for (size_t i = 0; i < qs.size() && !ok; ++i) {
        const QuantityInfo& q = qs[i];
        const std::string span = lt.second.substr(q.span.begin, q.span.size());
        const double v = row[3] == "nan" ? std::nan("") : std::strtod(row[3].c_str(), nullptr);
        const bool value_ok = std::isnan(v) ? std::isnan(q.value) : std::fabs(q.value - v) <= 1e-9 * std::max(1.0, std::fabs(v));
        if (!used[i] && span == row[1] && kinds[static_cast<int>(q.kind)] == row[2] && value_ok && q.unit == row[4]) {
          used[i] = ok = true;
        }
      }
      if (ok) ++correct;
      else MESSAGE(id << ": missed " << row[1] << " " << row[2] << " " << row[3] << " " << row[4]);
    }
    for (size_t i = 0; i < qs.size(); ++i) {
      if (!used[i]) MESSAGE(id << ": extra '" << lt.second.substr(qs[i].span.begin, qs[i].span.size()) << "' "
                               << kinds[static_cast<int>(qs[i].kind)] << " " << qs[i].value << " " << qs[i].unit);
    }
  }
  const double precision = double(correct) / double(found), recall = double(correct) / double(gold_n);
  MESSAGE(set << "quantities: " << found << " found, " << gold_n << " gold, precision " << precision << ", recall " << recall);
  return {precision, recall};
}

}  // namespace

// The development set (tuned on: expect high figures) and the held-out set (never tuned on).
TEST_CASE("quotes: evaluation on tests/data/quotes (precision, recall, speaker accuracy)") {
  // The finder alone (QuoteFinder::find), then the app's pipeline (speakers refined by the
  // recogniser's person mentions): the pipeline's figures are the ones the user sees.
  for (bool pipeline : {false, true}) {
    CAPTURE(pipeline);
    const QuoteScores dev = evaluate_quotes("", pipeline);
    CHECK(dev.precision >= 0.9);
    CHECK(dev.recall >= 0.9);
    CHECK(dev.speaker_precision >= 0.85);
    CHECK(dev.speaker_recall >= 0.8);
    const QuoteScores held = evaluate_quotes("heldout_", pipeline);
    CHECK(held.precision >= 0.7);
    CHECK(held.recall >= 0.7);
    CHECK(held.speaker_precision >= 0.6);
    CHECK(held.speaker_recall >= 0.5);
  }
}

TEST_CASE("quotes: quantities evaluation on tests/data/quotes (precision, recall)") {
  const QuantityScores dev = evaluate_quantities("");
  CHECK(dev.precision >= 0.85);
  CHECK(dev.recall >= 0.85);
  const QuantityScores held = evaluate_quantities("heldout_");
  CHECK(held.precision >= 0.6);
  CHECK(held.recall >= 0.6);
}

// refine_speakers (quotes.h) through the pipeline: the person next to the verb speaks, without
// the role; a pronoun subject or an organisation speaker is left as the finder gave it.
TEST_CASE("quotes: speakers come from the recogniser's person mentions next to the verb") {
  auto speaker_of = [](std::string_view text, std::string_view lang) {
    const std::vector<Found> got = pipeline_quotes(text, lang);
    REQUIRE(got.size() == 1);
    return got[0].speaker;
  };
  CHECK(speaker_of("\"Europe must be able to defend itself against every threat,\" said European Commission President Ursula von der Leyen.", "en") ==
        "Ursula von der Leyen");
  CHECK(speaker_of("«No vamos a subir los impuestos este año», afirmó la vicepresidenta primera del Gobierno, María Jesús Montero.", "es") ==
        "María Jesús Montero");
  // A pronoun subject: Merz is spoken to, not speaking.
  CHECK(speaker_of("\"We will need a lot more time for this,\" she told Friedrich Merz in Berlin.", "en").empty());
  // A sentence boundary between verb and person: the person is not the speaker.
  CHECK(speaker_of("\"The talks will go on for a long time yet,\" officials said. Friedrich Merz arrived later that day.", "en").empty());
  // Languages written without spaces keep the role as written.
  CHECK(speaker_of("林芳正官房長官は記者会見で「緊密に連携していく」と述べた。", "ja") == "林芳正官房長官");
}
