// Tests for csv.h: RFC 4180 plus the slack real exports need (delimiter sniffing, BOM, blank
// lines, CR line ends), and the error for an unterminated quote.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "csv.h"

using namespace px;

namespace {

std::vector<CsvRow> parse_ok(std::string_view text) {
  auto r = parse_csv(text);
  REQUIRE_MESSAGE(r.ok(), r.error());
  return r.value();
}

}  // namespace

TEST_CASE("csv: plain comma-separated rows, with and without a trailing newline") {
  const std::vector<CsvRow> expected = {{"title", "source", "date"},
                                        {"Zölle auf Stahl", "Spiegel", "2025-05-22"},
                                        {"Dazi sull'acciaio", "Corriere", "2025-05-23"}};
  CHECK(parse_ok("title,source,date\nZölle auf Stahl,Spiegel,2025-05-22\n"
                 "Dazi sull'acciaio,Corriere,2025-05-23\n") == expected);
  CHECK(parse_ok("title,source,date\r\nZölle auf Stahl,Spiegel,2025-05-22\r\n"
                 "Dazi sull'acciaio,Corriere,2025-05-23") == expected);
  CHECK(parse_ok("title,source,date\rZölle auf Stahl,Spiegel,2025-05-22\r"
                 "Dazi sull'acciaio,Corriere,2025-05-23\r") == expected);  // old Mac CR
}

TEST_CASE("csv: quoted fields hold delimiters, doubled quotes and line breaks") {
  const auto rows = parse_ok(
      "id,text\r\n"
      "1,\"Macron: \"\"Nous verrons\"\", a-t-il dit, à Paris.\"\r\n"
      "2,\"Erste Zeile\r\nzweite Zeile\ndritte\"\r\n"
      "3,\"\"\r\n");
  REQUIRE(rows.size() == 4);
  CHECK(rows[1] == CsvRow{"1", "Macron: \"Nous verrons\", a-t-il dit, à Paris."});
  CHECK(rows[2] == CsvRow{"2", "Erste Zeile\nzweite Zeile\ndritte"});
  CHECK(rows[3] == CsvRow{"3", ""});
}

TEST_CASE("csv: the delimiter is sniffed from the header line") {
  SUBCASE("semicolon, as in German Excel exports") {
    const auto rows = parse_ok("Titel;Quelle;Datum\n„Zölle, Quoten“;Spiegel;22.05.2025\n");
    CHECK(rows[1] == CsvRow{"„Zölle, Quoten“", "Spiegel", "22.05.2025"});
  }
  SUBCASE("tab") {
    const auto rows = parse_ok("title\tsource\nВыборы, итоги\tТАСС\n");
    CHECK(rows[1] == CsvRow{"Выборы, итоги", "ТАСС"});
  }
  SUBCASE("delimiters inside quoted header cells do not count") {
    const auto rows = parse_ok("\"a,b,c,d\";e;f\n1;2;3\n");
    CHECK(rows[0] == CsvRow{"a,b,c,d", "e", "f"});
    CHECK(rows[1] == CsvRow{"1", "2", "3"});
  }
  SUBCASE("a single column falls back to comma") {
    CHECK(parse_ok("url\nhttps://example.org/a\n") ==
          std::vector<CsvRow>{{"url"}, {"https://example.org/a"}});
  }
}

TEST_CASE("csv: a UTF-8 BOM before the header is stripped") {
  const auto rows = parse_ok("\xEF\xBB\xBFid;titre\n7;Réforme des retraites\n");
  CHECK(rows[0] == CsvRow{"id", "titre"});
  CHECK(rows[1] == CsvRow{"7", "Réforme des retraites"});
}

TEST_CASE("csv: empty lines are skipped, empty fields are kept") {
  const auto rows = parse_ok("a,b,c\n\n1,,3\n   \n,,\r\n\r\n\"\",x,\n");
  REQUIRE(rows.size() == 4);
  CHECK(rows[1] == CsvRow{"1", "", "3"});
  CHECK(rows[2] == CsvRow{"", "", ""});
  CHECK(rows[3] == CsvRow{"", "x", ""});
  CHECK(parse_ok("").empty());
  CHECK(parse_ok("\n\r\n").empty());
}

TEST_CASE("csv: real-world slack around quotes") {
  // Space before an opening quote, space after a closing one, a quote inside a bare field.
  const auto rows =
      parse_ok("name, quote ,size\nMerz, \"Wir schaffen das, oder?\" ,27\" Monitor\n");
  CHECK(rows[0] == CsvRow{"name", " quote ", "size"});
  CHECK(rows[1] == CsvRow{"Merz", "Wir schaffen das, oder?", "27\" Monitor"});
}

TEST_CASE("csv: an unterminated quote is an error naming its line") {
  const auto r = parse_csv("title,body\nok,fine\n\"Multi\nline\",done\nbad,\"never closed\nmore\n");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error() == "CSV: a quoted field starting on line 5 is never closed");

  const auto first = parse_csv("\"open");
  REQUIRE_FALSE(first.ok());
  CHECK(first.error() == "CSV: a quoted field starting on line 1 is never closed");
}

TEST_CASE("csv: csv_escape quotes only when needed and round-trips through parse_csv") {
  CHECK(csv_escape("Spiegel") == "Spiegel");
  CHECK(csv_escape("Zürich") == "Zürich");
  CHECK(csv_escape("") == "");
  CHECK(csv_escape("a,b") == "\"a,b\"");
  CHECK(csv_escape("a;b") == "\"a;b\"");
  CHECK(csv_escape("er sagte \"nein\"") == "\"er sagte \"\"nein\"\"\"");
  CHECK(csv_escape("two\nlines") == "\"two\nlines\"");
  CHECK(csv_escape(" padded") == "\" padded\"");

  const CsvRow fields = {"id", "Le « oui », dit-il", "\"quoted\"", "line1\nline2", " lead",
                         "tab\there", "", "Москва"};
  std::string line;
  for (const auto& f : fields) line += (line.empty() ? "" : ",") + csv_escape(f);
  const auto rows = parse_ok(line + "\n");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0] == fields);
}
