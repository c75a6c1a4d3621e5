// Ingestion: every format, the seeds' shape, metadata detection, bad input.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "corpus.h"
#include "ingest.h"

using namespace px;

namespace {
std::string slurp(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}
bool has_message(const IngestOutcome& o, const std::string& needle) {
  for (const auto& m : o.messages)
    if (m.text.find(needle) != std::string::npos) return true;
  return false;
}
const std::filesystem::path kSeeds = PX_SEEDS_DIR;
}  // namespace

TEST_CASE("ingest: the seed articles (title line, optional date line, body)") {
  IngestOutcome o = ingest_bytes("000_cba9b2eccd73af34.txt", slurp(kSeeds / "000_cba9b2eccd73af34.txt"));
  REQUIRE(o.documents.size() == 1);
  const Document& d0 = o.documents[0];
  CHECK(d0.meta.title.rfind("Tokyo joins the new arms race", 0) == 0);
  CHECK(d0.text.rfind("A new arms race", 0) == 0);  // the title is not repeated in the body
  CHECK(d0.meta.language == "en");
  CHECK(d0.meta.language_from == Provenance::Detected);
  CHECK(d0.meta.source == "000_cba9b2eccd73af34");   // file name as the outlet of last resort
  CHECK(d0.word_count > 250);
  CHECK(d0.paragraphs.size() >= 5);

  // 001 starts with a date line, then a blank line, then the title.
  o = ingest_bytes("001_f01c00b065e572bd.txt", slurp(kSeeds / "001_f01c00b065e572bd.txt"));
  REQUIRE(o.documents.size() == 1);
  CHECK(o.documents[0].meta.published == "2025-05-22");
  CHECK(o.documents[0].meta.published_from == Provenance::Detected);
  CHECK(o.documents[0].meta.title == "Japan and NATO Strengthen Defense Cooperation Amid Growing Security Threats");

  o = ingest_bytes("002_98e09c086c25287e.txt", slurp(kSeeds / "002_98e09c086c25287e.txt"));
  REQUIRE(o.documents.size() == 1);
  CHECK(o.documents[0].meta.language == "de");
  // The first line is a long paragraph, not a title: a short title is derived from it.
  CHECK(o.documents[0].meta.title.size() < 120);
  CHECK(o.documents[0].text.rfind("Tokio rüstet", 0) == 0);

  o = ingest_bytes("003_980b53d330eac130.txt", slurp(kSeeds / "003_980b53d330eac130.txt"));
  REQUIRE(o.documents.size() == 1);
  CHECK(o.documents[0].meta.language == "it");
}

TEST_CASE("ingest: the seed sidecar gives outlets") {
  std::vector<Document> docs;
  for (const auto& e : std::filesystem::directory_iterator(kSeeds)) {
    if (e.path().extension() != ".txt") continue;
    IngestOutcome o = ingest_bytes(e.path().filename().string(), slurp(e.path()));
    for (auto& d : o.documents) docs.push_back(std::move(d));
  }
  REQUIRE(docs.size() == 5);
  auto sidecar = nlohmann::json::parse(slurp(kSeeds / "seeds.meta.json"), nullptr, false);
  REQUIRE_FALSE(sidecar.is_discarded());
  CHECK(apply_sidecar(docs, sidecar) == 5);
  for (const Document& d : docs) {
    CHECK(d.meta.source_from == Provenance::Given);
    CHECK(d.meta.source.find('_') == std::string::npos);  // a label, not the file name
  }
}

TEST_CASE("ingest: JSON array, wrapped array, single object; aliases and unknown fields") {
  const char* json = R"([
    {"id":"a1","url":"https://www.example.org/news/1","title":"Rutte in Tokyo","published":"2025-04-09",
     "language":"en","text":"NATO's Mark Rutte met Shigeru Ishiba.","section":"world","tags":["nato"]},
    {"headline":"Rutte a Tokyo","body":"Il segretario generale della NATO Mark Rutte ha incontrato Ishiba.",
     "date":"9 aprile 2025","outlet":"Esempio"},
    {"title":"no text here"}
  ])";
  IngestOutcome o = ingest_bytes("batch.json", json);
  REQUIRE(o.documents.size() == 2);
  const ArticleMeta& a = o.documents[0].meta;
  CHECK(a.id == "a1");
  CHECK(a.source == "example.org");  // from the URL host, www. dropped
  CHECK(a.source_from == Provenance::Detected);
  CHECK(a.language_from == Provenance::Given);
  CHECK(a.extra["section"] == "world");
  CHECK(a.extra["tags"][0] == "nato");
  const ArticleMeta& b = o.documents[1].meta;
  CHECK(b.title == "Rutte a Tokyo");
  CHECK(b.published == "2025-04-09");
  CHECK(b.source == "Esempio");
  CHECK(b.language == "it");
  CHECK(has_message(o, "record 3 has no text field"));

  o = ingest_bytes("wrapped.json", R"({"articles":[{"text":"Uno."},{"text":"Due."}]})");
  CHECK(o.documents.size() == 2);
  o = ingest_bytes("one.json", R"({"title":"T","text":"Only one article."})");
  CHECK(o.documents.size() == 1);
  // NewsAPI shape: source is an object with a name.
  o = ingest_bytes("newsapi.json", R"([{"source":{"id":null,"name":"Example Times"},"content":"Body text."}])");
  REQUIRE(o.documents.size() == 1);
  CHECK(o.documents[0].meta.source == "Example Times");
}

TEST_CASE("ingest: malformed JSON says where, keeps nothing from that file") {
  IngestOutcome o = ingest_bytes("broken.json", R"([{"text":"ok"}, {"text": "unterminated)");
  CHECK(o.failed);
  CHECK(o.documents.empty());
  CHECK(has_message(o, "broken.json: malformed JSON near byte"));
}

TEST_CASE("ingest: JSON Lines skips bad lines and keeps the good ones") {
  std::string jsonl = "{\"text\":\"First article.\",\"language\":\"en\"}\n"
                      "{not json}\n"
                      "\n"
                      "{\"text\":\"Третья статья о НАТО.\",\"source\":\"Пример\"}\n"
                      "{\"text\":\"\"}\n";
  IngestOutcome o = ingest_bytes("mixed.jsonl", jsonl);
  REQUIRE(o.documents.size() == 2);
  CHECK(o.documents[1].meta.language == "ru");
  CHECK(o.documents[1].meta.source == "Пример");
  CHECK(has_message(o, "line 2: malformed JSON"));
  CHECK(has_message(o, "line 5 has an empty text"));
  CHECK_FALSE(o.failed);
}

TEST_CASE("ingest: CSV with a header row, quoted fields and multi-line text") {
  std::string csv = "source,title,published,language,text,extra_col\n"
                    "Beispiel,\"Rutte, in Tokio\",22.05.2025,de,\"Erster Absatz.\n\nZweiter Absatz mit \"\"Zitat\"\".\",x\n"
                    "Exemple,Rutte à Tokyo,9 avril 2025,fr,Le secrétaire général de l'OTAN.,y\n";
  IngestOutcome o = ingest_bytes("export.csv", csv);
  REQUIRE(o.documents.size() == 2);
  CHECK(o.documents[0].meta.title == "Rutte, in Tokio");
  CHECK(o.documents[0].meta.published == "2025-05-22");
  CHECK(o.documents[0].paragraphs.size() == 2);
  CHECK(o.documents[0].text.find("\"Zitat\"") != std::string::npos);
  CHECK(o.documents[0].meta.extra["extra_col"] == "x");
  CHECK(o.documents[1].meta.published == "2025-04-09");
  o = ingest_bytes("bad.csv", "title,text\n\"never closed,text\n");
  CHECK(o.failed);
  CHECK(has_message(o, "never closed"));
}

TEST_CASE("ingest: HTML page becomes one article with its metadata") {
  const char* html = R"(<!doctype html><html lang="it-IT"><head><title>Rutte a Tokyo | Esempio</title>
    <meta property="og:site_name" content="Esempio">
    <meta property="article:published_time" content="2025-04-09T10:00:00+02:00">
    <link rel="canonical" href="https://esempio.it/rutte"></head>
    <body><nav><a href="/">Home</a> <a href="/mondo">Mondo</a></nav>
    <article><h1>Rutte a Tokyo</h1><p>Il segretario generale della NATO Mark Rutte ha incontrato Shigeru Ishiba a Tokyo.</p>
    <p>La cooperazione nel settore della difesa sarà rafforzata, ha detto.</p></article>
    <script>var tracking = 1;</script><footer>© Esempio</footer></body></html>)";
  IngestOutcome o = ingest_bytes("page.html", html);
  REQUIRE(o.documents.size() == 1);
  const Document& d = o.documents[0];
  CHECK(d.meta.source == "Esempio");
  CHECK(d.meta.published == "2025-04-09");
  CHECK(d.meta.url == "https://esempio.it/rutte");
  CHECK(d.meta.language == "it");
  CHECK(d.text.find("Mark Rutte ha incontrato") != std::string::npos);
  CHECK(d.text.find("tracking") == std::string::npos);
  CHECK(d.text.find("Mondo") == std::string::npos);
}

TEST_CASE("ingest: encodings are detected and reported") {
  const std::filesystem::path dir = std::filesystem::path(PX_TEST_DATA) / "encoding";
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    IngestOutcome o = ingest_bytes(name, slurp(e.path()));
    CAPTURE(name);
    if (name.find("binary") != std::string::npos || name.find(".png") != std::string::npos) {
      CHECK(o.failed);
      CHECK(has_message(o, "binary"));
    } else {
      CHECK(o.documents.size() == 1);
    }
  }
  // UTF-16LE with BOM, built here so the test shows what it checks.
  std::string u16 = "\xFF\xFE";
  for (char c : std::string("Titel\nDer Text.")) { u16 += c; u16 += '\0'; }
  IngestOutcome o = ingest_bytes("u16.txt", u16);
  REQUIRE(o.documents.size() == 1);
  CHECK(o.documents[0].meta.title == "Titel");
  CHECK(has_message(o, "UTF-16LE"));
  // Windows-1252: "Müller sagte: „Ja“" with 0xFC, 0x84, 0x93.
  o = ingest_bytes("cp1252.txt", std::string("Titel\nM\xFCller sagte: \x84Ja\x93 zum B\xFCndnis."));
  REQUIRE(o.documents.size() == 1);
  CHECK(o.documents[0].text == "Müller sagte: „Ja“ zum Bündnis.");
}

TEST_CASE("ingest: bad input gives a clear message and no crash") {
  IngestOutcome o = ingest_bytes("empty.txt", "");
  CHECK(o.failed);
  CHECK(has_message(o, "empty.txt: the file is empty"));
  o = ingest_bytes("blank.txt", "   \n\n  ");
  CHECK(o.failed);
  o = ingest_bytes("title-only.txt", "Just a title\n");  // one line is text, not a title
  REQUIRE(o.documents.size() == 1);
  CHECK(o.documents[0].text == "Just a title");
  o = ingest_bytes("date-only.txt", "22 maggio 2025\n\n");  // a date line and nothing else
  CHECK(o.failed);
  CHECK(has_message(o, "the article is empty"));
  std::string binary("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 24);
  o = ingest_bytes("image.txt", binary);
  CHECK(o.failed);
  CHECK(has_message(o, "binary"));
  std::string broken = "Titolo\nLa città è bella, perché è così. \xFF Più città, più \xC3 è.";
  o = ingest_bytes("broken.txt", broken);
  REQUIRE(o.documents.size() == 1);
  CHECK(has_message(o, "replaced"));
}

TEST_CASE("ingest: a file above the size limit is refused before decoding") {
  std::string huge(kMaxInputBytes + 1, 'a');
  IngestOutcome o = ingest_bytes("huge.jsonl", huge);
  CHECK(o.failed);
  CHECK(o.documents.empty());
  CHECK(has_message(o, "limit"));
}

TEST_CASE("ingest: utilities") {
  CHECK(url_host("https://www.Example.com:8080/a?b") == "example.com");
  CHECK(url_host("http://news.example.co.uk") == "news.example.co.uk");
  CHECK(url_host("not a url").empty());
  CHECK(count_words("NATO and Japan, 2025.") == 4);
  CHECK(count_words("北大西洋条約機構") == 8);  // each CJK character counts as one
  CHECK(count_words("") == 0);
}
