// Stem-aware search (query.h): a term matches an article by folded substring or by word stem in
// the article's language; "quoted" terms stay exact; the Reader's marks follow the same rules.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "analyze.h"
#include "corpus.h"
#include "ingest.h"
#include "query.h"
#include "text_fold.h"

using namespace px;

namespace {

const TextResources& resources() {
  static TextResources r = TextResources::load(PX_ASSET_DIR);
  return r;
}

// News sentences in each full-analysis language. Every stem test below searches a form that
// does not occur in the article (checked by `substring_absent`), so only stemming can find it.
const char* kArticles =
    R"({"id":"en","source":"Wire","title":"Trade talks resume in Geneva","language":"en","text":"The two delegations negotiated through the night in Geneva. Officials said a draft text on tariffs was agreed before dawn, and that further talks are planned for March."})" "\n"
    R"({"id":"de","source":"Zeitung","title":"Gespräche in Brüssel gescheitert","language":"de","text":"Die Verhandlung über den Haushalt wurde am Freitag ohne Ergebnis vertagt. Nach Angaben der Kommission soll im Mai erneut beraten werden."})" "\n"
    R"({"id":"it","source":"Corriere","title":"Accordo sul controllo degli armamenti","language":"it","text":"Il governo ha ribadito che vuole rafforzare la deterrenza nucleare dell'alleanza nei prossimi anni. Il ministro della Difesa ha parlato ai giornalisti dopo il vertice di Bruxelles e ha spiegato che la spesa militare crescerà del due per cento. Secondo l'opposizione, però, il piano non è stato discusso in Parlamento."})" "\n"
    R"({"id":"fr","source":"Journal","title":"Sommet européen à Bruxelles","language":"fr","text":"Les dirigeants européens ont négocié pendant deux jours un accord sur la défense commune. Le texte sera présenté au Parlement en juin."})" "\n"
    R"({"id":"es","source":"Diario","title":"Cumbre en Madrid","language":"es","text":"Los ministros negociaron durante toda la noche un acuerdo sobre la cooperación militar. El documento final se firmará la próxima semana en Madrid."})" "\n"
    R"({"id":"ru","source":"Вести","title":"Переговоры в Москве","language":"ru","text":"Министр иностранных дел России заявил журналистам, что переговоры с европейскими партнёрами продолжатся на следующей неделе в Женеве. По его словам, стороны обсудили вопросы безопасности, энергетики и торговли, но пока не смогли договориться о сроках подписания соглашения. Он также отметил, что делегация готова к новым встречам."})" "\n"
    R"({"id":"ja","source":"新聞","title":"日米首脳会談","language":"ja","text":"政府は防衛協力の強化について同盟国と協議した。首相は記者団に対し、来月にも合意する見通しを示した。"})" "\n"
    R"({"id":"zh","source":"日报","title":"外交部发言人答记者问","language":"zh","text":"外交部发言人在例行记者会上表示，中美双方将继续就贸易问题进行谈判，争取在年底前达成协议。发言人说，会议将于下周在北京举行，双方代表团将讨论关税、市场准入和知识产权保护等问题。他还表示，中方愿意与各方加强沟通与合作。"})" "\n"
    R"({"id":"en2","source":"Wire","title":"Nuclear plant inspection","language":"en","text":"Inspectors visited the nuclear plant on Tuesday and found no safety problems."})" "\n";

Corpus analysed_corpus() {
  Corpus c;
  IngestOutcome in = ingest_bytes("search.jsonl", kArticles);
  REQUIRE(in.documents.size() == 9);
  c.add_all(std::move(in.documents));
  AnalysisJob job;
  job.restart(c);
  while (job.step(c, resources(), 1e9)) {}
  for (const Document& d : c.docs()) REQUIRE(d.analysis.done);
  return c;
}

// The ids of the matching articles, "en de" (a string, so doctest prints it when a check fails).
std::string ids(const Corpus& c, const std::string& text) {
  Filter f;
  f.text = text;
  std::string out;
  for (uint32_t r : run_query(c, f).rows) out.append(out.empty() ? "" : " ").append(c.doc(r).meta.id);
  return out;
}

bool substring_absent(const Corpus& c, const std::string& term) {
  const std::string folded = fold_for_search(term);
  for (size_t i = 0; i < c.size(); ++i)
    if (c.search_key(i).find(folded) != std::string::npos) return false;
  return true;
}

}  // namespace

TEST_CASE("search: a word's other forms match by stem, in each article's language") {
  const Corpus c = analysed_corpus();
  struct Case { std::string query, expect; };
  const Case cases[] = {
      {"negotiation", "en"},          // "negotiated"
      {"Verhandlungen", "de"},        // "Verhandlung"
      {"rafforzata", "it"},           // "rafforzare"
      {"négociations", "fr"},         // "négocié"; in Spanish it stems to "negociations"
      {"negociaciones", "es"},        // "negociaron"; in French it stems to "negociacion"
      {"заявила", "ru"},              // "заявил"
      {"переговоров", "ru"},          // "переговоры"
      {"gescheiterten", "de"},        // the title "… gescheitert"
      {"inspections", "en2"},         // the title "Nuclear plant inspection" (its text is chrome)
  };
  for (const Case& k : cases) {
    INFO("query: ", k.query);
    CHECK(substring_absent(c, k.query));
    CHECK(ids(c, k.query) == k.expect);
  }
  // Several terms are AND-ed, each by substring or by stem.
  CHECK(ids(c, "negotiation geneva") == "en");
  CHECK(ids(c, "negotiation madrid") == "");
  // Typed without accents, a form still finds the accented article by stem.
  CHECK(ids(c, "negociations") == "fr");
}

TEST_CASE("search: substrings still match (names, parts of words, CJK)") {
  const Corpus c = analysed_corpus();
  CHECK(ids(c, "genev") == "en");                 // part of a word
  CHECK(ids(c, "brussel") == "de");               // accents ignored ("Brüssel")
  CHECK(ids(c, "заявил") == "ru");                // the form itself
  CHECK(ids(c, "防衛") == "ja");                   // inside the word 防衛協力
  CHECK(ids(c, "谈判") == "zh");
  CHECK(ids(c, "北京 会议") == "zh");
  // Japanese and Chinese have no stemmer: their articles keep no stems.
  CHECK(c.stem_count(6) == 0);
  CHECK(c.stem_count(7) == 0);
  CHECK(c.stem_count(0) > 20);
}

TEST_CASE("search: quoted terms match exactly") {
  const Corpus c = analysed_corpus();
  CHECK(ids(c, "\"negotiation\"") == "");
  CHECK(ids(c, "\"negotiated\"") == "en");
  CHECK(ids(c, "\"deterrenza nucleare\"") == "it");
  CHECK(ids(c, "\"rafforzata\"") == "");
  CHECK(ids(c, "\"Verhandlungen\"") == "");
}

TEST_CASE("search: stems come with the analysis and follow edits") {
  Corpus c;
  c.add_all(ingest_bytes("search.jsonl", kArticles).documents);
  CHECK(ids(c, "negotiation") == "");  // not analysed yet: substrings only
  CHECK(ids(c, "negotiated") == "en");
  AnalysisJob job;
  job.restart(c);
  const uint64_t before = c.analysis_revision();
  while (job.step(c, resources(), 1e9)) {}
  CHECK(c.analysis_revision() > before);
  CHECK(ids(c, "negotiation") == "en");

  // Removing an article moves the others' stems with them.
  c.remove(0);
  CHECK(ids(c, "negotiation") == "");
  CHECK(ids(c, "Verhandlungen") == "de");
  CHECK(ids(c, "rafforzata") == "it");

  // A new title is stemmed; a language edit drops the stems until the article is analysed again.
  REQUIRE(c.edit(0, MetaField::Title, "Haushaltsverhandlungen vertagt").ok());
  CHECK(ids(c, "gescheiterten") == "");
  REQUIRE(c.edit(1, MetaField::Language, "de").ok());
  CHECK(c.stem_count(1) == 0);
  CHECK(ids(c, "rafforzata") == "");
  job.restart(c);
  while (job.step(c, resources(), 1e9)) {}
  CHECK(c.stem_count(1) > 0);  // at least the title: Italian sentences read as German may be chrome

  // Articles that arrive analysed (copied from another corpus) are indexed on arrival.
  Corpus copy;
  copy.add_all(std::vector<Document>(c.docs().begin(), c.docs().end()));
  CHECK(ids(copy, "Verhandlungen") == ids(c, "Verhandlungen"));
  c.clear();
  CHECK(c.stem_languages().empty());
}

TEST_CASE("search: terms keep what was typed for stemming") {
  std::vector<SearchTerm> t = parse_search("  (Rutte,  \"Mark Rutte\" Città  --  unclosed \"quote here");
  REQUIRE(t.size() == 6);
  CHECK(t[0].folded == "(rutte,");
  CHECK(t[0].word == "Rutte");
  CHECK(t[1].folded == "mark rutte");
  CHECK(t[1].word.empty());  // quoted: exact
  CHECK(t[2].word == "Città");
  CHECK(t[2].folded == "citta");
  CHECK(t[3].folded == "--");
  CHECK(t[3].word.empty());  // no letters: substring only
  CHECK(t[4].word == "unclosed");
  CHECK(t[5].folded == "quote here");
  // Same splitting as search_terms().
  std::vector<std::string> folded;
  for (const SearchTerm& s : t) folded.push_back(s.folded);
  CHECK(folded == search_terms("  (Rutte,  \"Mark Rutte\" Città  --  unclosed \"quote here"));

  Stemmer stemmer;
  SearchTerm coop;
  coop.word = "cooperación";
  coop.folded = "cooperacion";
  // Stemmed as typed and as folded: Snowball's Spanish suffixes carry the accent.
  CHECK(term_stems(coop, "es", stemmer) == std::vector<std::string>{"cooper", "cooperacion"});
  CHECK(term_stems(coop, "ja", stemmer).empty());
  SearchTerm exact;
  exact.folded = "cooperacion";
  CHECK(term_stems(exact, "es", stemmer).empty());
}

TEST_CASE("search: the Reader marks substrings and whole words with the term's stem") {
  const Corpus c = analysed_corpus();
  const Stemmer& stemmer = c.stemmer();
  auto marked = [&](size_t doc, const char* query) {  // the marked words, "a b"
    std::string out;
    const Document& d = c.doc(doc);
    for (Span s : find_search_hits(d, parse_search(query), stemmer)) out.append(out.empty() ? "" : " ").append(d.slice(s));
    return out;
  };
  CHECK(marked(0, "negotiation") == "negotiated");
  CHECK(marked(0, "talks") == "talks");
  CHECK(marked(0, "\"negotiation\"") == "");
  CHECK(marked(1, "Verhandlungen") == "Verhandlung");
  CHECK(marked(2, "rafforzata") == "rafforzare");
  CHECK(marked(5, "заявила") == "заявил");
  CHECK(marked(5, "заявил") == "заявил");        // the substring and the word: one mark
  CHECK(marked(6, "防衛") == "防衛");               // part of 防衛協力, by substring
  CHECK(marked(0, "negotiation geneva") == "negotiated Geneva");
  // "talk" is a substring of "talks" and also its stem: the overlapping hits merge into one.
  CHECK(marked(0, "talk") == "talks");
  // Not analysed: substrings only.
  Corpus raw;
  raw.add_all(ingest_bytes("search.jsonl", kArticles).documents);
  CHECK(find_search_hits(raw.doc(0), parse_search("negotiation"), stemmer).empty());
}
