// The corpus (ids, edits, JSON Lines round trip) and the query (search, facets, dates, sort).
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

#include "corpus.h"
#include "ingest.h"
#include "query.h"

using namespace px;

namespace {
Corpus sample_corpus() {
  const char* jsonl =
      R"({"id":"en1","source":"Wire","title":"Rutte in Tokyo","published":"2025-04-09","language":"en","text":"NATO chief Mark Rutte met Shigeru Ishiba in Tokyo."})" "\n"
      R"({"id":"it1","source":"Esempio","title":"Rutte a Tokyo","published":"2025-04-10","language":"it","text":"Rutte è arrivato nella città di Tokyo."})" "\n"
      R"({"id":"de1","source":"Zeitung","title":"Rutte in Tokio","published":"2025-05-22","language":"de","text":"In München sprach man über die NATO.","section":"Politik"})" "\n"
      R"({"id":"en2","source":"Wire","title":"Kishida","language":"en","text":"Fumio Kishida spoke in Madrid."})" "\n";
  Corpus c;
  c.add_all(ingest_bytes("sample.jsonl", jsonl).documents);
  return c;
}
}  // namespace

TEST_CASE("corpus: JSON Lines export imports back identically") {
  Corpus c = sample_corpus();
  REQUIRE(c.size() == 4);
  REQUIRE(c.edit(1, MetaField::Source, "Esempio Notizie").ok());
  REQUIRE(c.edit(3, MetaField::Published, "22. Mai 2025").ok());
  const std::string first = to_jsonl(c);
  Corpus again;
  again.add_all(ingest_bytes("export.jsonl", first).documents);
  REQUIRE(again.size() == c.size());
  CHECK(to_jsonl(again) == first);
  CHECK(again.doc(1).meta.source == "Esempio Notizie");
  CHECK(again.doc(1).meta.source_from == Provenance::Edited);  // edits survive the round trip
  CHECK(again.doc(3).meta.published == "2025-05-22");
  CHECK(again.doc(2).meta.extra["section"] == "Politik");       // unknown fields kept
}

TEST_CASE("corpus: the seeds survive a round trip too") {
  Corpus c;
  for (const char* name : {"000_cba9b2eccd73af34.txt", "001_f01c00b065e572bd.txt"}) {
    std::ifstream f(std::string(PX_SEEDS_DIR) + "/" + name, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    c.add_all(ingest_bytes(name, bytes).documents);
  }
  REQUIRE(c.size() == 2);
  const std::string a = to_jsonl(c);
  Corpus b;
  b.add_all(ingest_bytes("x.jsonl", a).documents);
  CHECK(to_jsonl(b) == a);
  CHECK(b.doc(1).text == c.doc(1).text);
  // Detected values stay detected (a reload restores the corpus from this JSONL).
  CHECK(b.doc(0).meta.language_from == Provenance::Detected);
  CHECK(b.doc(0).meta.language_confidence == doctest::Approx(c.doc(0).meta.language_confidence).epsilon(0.002));
  CHECK(b.doc(1).meta.published_from == Provenance::Detected);
  CHECK(b.doc(0).meta.title_from == Provenance::Detected);
}

TEST_CASE("corpus: ids stay unique, edits are validated") {
  Corpus c = sample_corpus();
  c.add_all(ingest_bytes("dup.jsonl", R"({"id":"en1","text":"Another one."})").documents);
  CHECK(c.doc(4).meta.id == "en1-2");
  const uint64_t rev = c.revision();
  CHECK_FALSE(c.edit(0, MetaField::Published, "someday").ok());
  CHECK_FALSE(c.edit(0, MetaField::Language, "english").ok());
  CHECK_FALSE(c.edit(0, MetaField::Source, "").ok());
  CHECK_FALSE(c.edit(99, MetaField::Source, "x").ok());
  CHECK(c.revision() == rev);
  CHECK(c.edit(0, MetaField::Language, "EN").ok());
  CHECK(c.doc(0).meta.language == "en");
  CHECK(c.revision() > rev);
  c.remove(0);
  CHECK(c.size() == 4);
  CHECK(c.doc(0).meta.id == "it1");
}

TEST_CASE("query: free text is case- and accent-insensitive; terms are AND-ed") {
  Corpus c = sample_corpus();
  Filter f;
  f.text = "rutte";
  CHECK(run_query(c, f).rows.size() == 3);
  f.text = "citta";
  CHECK(run_query(c, f).rows == std::vector<uint32_t>{1});
  f.text = "munchen";
  CHECK(run_query(c, f).rows == std::vector<uint32_t>{2});
  f.text = "RUTTE tokio";
  CHECK(run_query(c, f).rows == std::vector<uint32_t>{2});   // title "Rutte in Tokio"
  f.text = "\"shigeru ishiba\"";
  CHECK(run_query(c, f).rows == std::vector<uint32_t>{0});
  f.text = "nobody";
  CHECK(run_query(c, f).rows.empty());
}

TEST_CASE("query: facets count what selecting a value would show") {
  Corpus c = sample_corpus();
  Filter f;
  f.languages = {"en"};
  QueryResult r = run_query(c, f);
  CHECK(r.rows == std::vector<uint32_t>{0, 3});
  // Language counts ignore the language selection itself...
  REQUIRE(r.languages.size() == 3);
  CHECK(r.languages[0].value == "en");
  CHECK(r.languages[0].count == 2);
  // ...outlet counts respect it.
  REQUIRE(r.sources.size() == 1);
  CHECK(r.sources[0].value == "Wire");
  CHECK(r.sources[0].count == 2);
  f = Filter{};
  f.sources = {"Wire", "Zeitung"};
  CHECK(run_query(c, f).rows.size() == 3);
}

TEST_CASE("query: date range, undated articles excluded when a range is set") {
  Corpus c = sample_corpus();
  Filter f;
  f.date_from = "2025-04-10";
  CHECK(run_query(c, f).rows == std::vector<uint32_t>{1, 2});
  f.date_to = "2025-04-30";
  CHECK(run_query(c, f).rows == std::vector<uint32_t>{1});
  QueryResult r = run_query(c, Filter{});
  CHECK(r.min_date == "2025-04-09");
  CHECK(r.max_date == "2025-05-22");
}

TEST_CASE("query: sorting and filter JSON") {
  Corpus c = sample_corpus();
  std::vector<uint32_t> rows = run_query(c, Filter{}).rows;
  sort_rows(c, rows, SortColumn::Date, false);
  CHECK(rows.front() == 2);  // newest first
  CHECK(rows.back() == 3);   // undated last when descending
  sort_rows(c, rows, SortColumn::Source, true);
  CHECK(c.doc(rows.front()).meta.source == "Esempio");
  Filter f;
  REQUIRE(filter_from_json(nlohmann::json::parse(R"({"text":"rutte","languages":["it","de"]})"), f).ok());
  CHECK(f.text == "rutte");
  CHECK(f.languages.size() == 2);
  CHECK(filter_to_json(f)["languages"][0] == "de");
  CHECK_FALSE(filter_from_json(nlohmann::json::parse(R"({"languages":"it"})"), f).ok());
  CHECK_FALSE(filter_from_json(nlohmann::json::parse("[1]"), f).ok());
}
