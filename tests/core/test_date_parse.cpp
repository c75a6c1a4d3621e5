// Tests for date_parse.h: dates as newspapers in en, de, it, fr, es, pt, nl, ru, zh/ja and ko
// write them, impossible or ambiguous dates rejected, and find_date's spans and false hits.
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "date_parse.h"

using namespace px;

namespace {

struct Accepted {
  const char* text;
  const char* iso;
};

std::string found_text(std::string_view text, const FoundDate& d) {
  return std::string(text.substr(d.span.begin, d.span.end - d.span.begin));
}

}  // namespace

TEST_CASE("date: parse_date reads numeric and ISO dates") {
  const Accepted cases[] = {
      {"2025-05-22", "2025-05-22"},
      {"2025-05-22T10:00:00+02:00", "2025-05-22"},
      {"2025-05-22T08:00:00.000Z", "2025-05-22"},
      {"2025-05-22 10:00", "2025-05-22"},
      {"2025/05/22", "2025-05-22"},
      {"2025.05.22", "2025-05-22"},
      {"22.05.2025", "2025-05-22"},
      {"22. 5. 2025", "2025-05-22"},
      {"2.3.2025", "2025-03-02"},
      {"22/05/2025", "2025-05-22"},  // day first
      {"05/06/2025", "2025-06-05"},  // both could be a month: day first
      {"05/22/2025", "2025-05-22"},  // 22 cannot be a month: US order
      {"5-22-2025", "2025-05-22"},
      {"29.02.2024", "2024-02-29"},  // leap year
      {"1900-01-01", "1900-01-01"},
      {"2100-12-31", "2100-12-31"},
      {"  22.05.2025  ", "2025-05-22"},
  };
  for (const Accepted& c : cases) {
    CAPTURE(c.text);
    CHECK(parse_date(c.text) == std::optional<std::string>(c.iso));
  }
}

TEST_CASE("date: parse_date reads written dates in many languages") {
  const Accepted cases[] = {
      // English
      {"May 22, 2025", "2025-05-22"},
      {"22 May 2025", "2025-05-22"},
      {"Thursday, May 22, 2025", "2025-05-22"},
      {"May 22nd 2025", "2025-05-22"},
      {"1st June 2025", "2025-06-01"},
      {"the 3rd of March, 2025", "2025-03-03"},
      {"Sept. 5, 2025", "2025-09-05"},
      {"Jan 31 2025", "2025-01-31"},
      {"Mar 3, 2025", "2025-03-03"},
      {"Thu, 22 May 2025 10:00:00 GMT", "2025-05-22"},
      {"Thursday, May 22, 2025 at 10:30 a.m. EDT", "2025-05-22"},
      {"22MAY2025", "2025-05-22"},
      // German
      {"22. Mai 2025", "2025-05-22"},
      {"Donnerstag, 22. Mai 2025", "2025-05-22"},
      {"12. März 2025", "2025-03-12"},
      {"12. MÄRZ 2025", "2025-03-12"},
      {"3. Dez. 2025, 14:30 Uhr", "2025-12-03"},
      {"5. Jänner 2025", "2025-01-05"},
      // Italian
      {"22 maggio 2025", "2025-05-22"},
      {"giovedì 22 maggio 2025", "2025-05-22"},
      {"GIOVEDÌ 22 MAGGIO 2025 ore 10:00", "2025-05-22"},
      {"1 gen 2025", "2025-01-01"},
      // French
      {"9 avril 2025", "2025-04-09"},
      {"jeudi 9 avril 2025", "2025-04-09"},
      {"mar. 20 mai 2025", "2025-05-20"},  // mardi, not March
      {"1er mai 2025", "2025-05-01"},
      {"15 févr. 2025", "2025-02-15"},
      {"12 août 2025 à 14h30", "2025-08-12"},
      {"3 déc. 2025", "2025-12-03"},
      {"le 19\u00a0juin\u00a02025", "2025-06-19"},  // French typography: no-break spaces
      // Spanish
      {"22 de mayo de 2025", "2025-05-22"},
      {"miércoles, 21 de mayo del 2025", "2025-05-21"},
      {"1° de mayo de 2025", "2025-05-01"},
      {"1.º de enero de 2025", "2025-01-01"},
      {"7 dic 2025", "2025-12-07"},
      // Portuguese
      {"1º de maio de 2025", "2025-05-01"},
      {"quinta-feira, 22 de maio de 2025", "2025-05-22"},
      {"2 DE JULHO DE 2025", "2025-07-02"},
      {"14 de março de 2025", "2025-03-14"},
      // Dutch
      {"22 mei 2025", "2025-05-22"},
      {"donderdag 20 maart 2025", "2025-03-20"},
      {"4 mrt 2025", "2025-03-04"},
      // Russian: genitive month names
      {"22 мая 2025", "2025-05-22"},
      {"22 мая 2025 г.", "2025-05-22"},
      {"1 февраля 2025 года", "2025-02-01"},
      {"четверг, 22 Мая 2025", "2025-05-22"},
      {"12 ДЕКАБРЯ 2024", "2024-12-12"},
      {"3 сент. 2025", "2025-09-03"},
      // Chinese / Japanese and Korean
      {"2025年5月22日", "2025-05-22"},
      {"2025 年 05 月 22 日", "2025-05-22"},
      {"2025년 5월 22일", "2025-05-22"},
  };
  for (const Accepted& c : cases) {
    CAPTURE(c.text);
    CHECK(parse_date(c.text) == std::optional<std::string>(c.iso));
  }
}

TEST_CASE("date: parse_date rejects impossible, partial and ambiguous input") {
  const char* rejected[] = {
      "",
      "20250522",               // compact digits: too ambiguous
      "2025-02-30",             // no such day
      "31.04.2025",
      "29.02.2025",             // 2025 is not a leap year
      "2025-13-01",
      "1899-12-31",             // outside 1900..2100
      "2101-01-01",
      "13/13/2025",
      "05.22.2025",             // dots are never month-first
      "22.05.25",               // two-digit year
      "May 2025",               // no day
      "22 May",                 // no year
      "32 May 2025",
      "5 jui 2025",             // juin or juillet?
      "22 Foo 2025",
      "22 May 2025 was a busy day",  // more than a date
      "Published by Reuters on 22 May 2025",
      "version 1.2.2025",
      "1,000",
      "2025",
  };
  for (const char* text : rejected) {
    CAPTURE(text);
    CHECK(parse_date(text) == std::nullopt);
  }
}

TEST_CASE("date: find_date returns the first full date and where it is written") {
  SUBCASE("German dateline") {
    const std::string_view text =
        "Berlin (dpa) – Die Regierung hat am Donnerstag, 22. Mai 2025, neue Zölle beschlossen.";
    const auto d = find_date(text);
    REQUIRE(d);
    CHECK(d->iso == "2025-05-22");
    CHECK(found_text(text, *d) == "22. Mai 2025");
  }
  SUBCASE("Russian, multi-byte span") {
    const std::string_view text = "МОСКВА, 22 мая 2025 г. — Переговоры начнутся в июне.";
    const auto d = find_date(text);
    REQUIRE(d);
    CHECK(d->iso == "2025-05-22");
    CHECK(found_text(text, *d) == "22 мая 2025");
  }
  SUBCASE("English byline") {
    const std::string_view text = "By Jane Doe\nUpdated Thursday, May 22nd, 2025 at 10:30 a.m.";
    const auto d = find_date(text);
    REQUIRE(d);
    CHECK(d->iso == "2025-05-22");
    CHECK(found_text(text, *d) == "May 22nd, 2025");
  }
  SUBCASE("Chinese") {
    const std::string_view text = "新华社北京2025年5月22日电 记者报道";
    const auto d = find_date(text);
    REQUIRE(d);
    CHECK(d->iso == "2025-05-22");
    CHECK(found_text(text, *d) == "2025年5月22日");
  }
  SUBCASE("ISO timestamp in a URL") {
    const std::string_view text = "Source: https://example.org/2025/05/22/tariffs.html";
    const auto d = find_date(text);
    REQUIRE(d);
    CHECK(d->iso == "2025-05-22");
    CHECK(found_text(text, *d) == "2025/05/22");
  }
  SUBCASE("the first of several dates, skipping an impossible one") {
    const std::string_view text =
        "Termin 31.02.2025 verschoben auf 03.03.2025, dann 1. April 2025.";
    const auto d = find_date(text);
    REQUIRE(d);
    CHECK(d->iso == "2025-03-03");
    CHECK(found_text(text, *d) == "03.03.2025");
  }
}

TEST_CASE("date: find_date does not fire on numbers that are not dates") {
  const char* texts[] = {
      "The country could have 1,000 nuclear warheads by 2030.",
      "Update to version 2.3.1 released in May 2025, see 1.2.3.2025 notes.",
      "Im Mai 2025 stieg die Inflation auf 2,1 Prozent.",
      "Le score final: 3-1, devant 45.000 spectateurs en 2025.",
      "Order 20250522 shipped; build v1.2.2025 is out.",
      "Server 10.0.1.2025 answered; rate 12/31/20255.",
      "Release tag 2025.05.22.1, page 22/05/2025/7.",  // dates glued to more digits
      "They may 22 times have said so.",
      "",
  };
  for (const char* text : texts) {
    CAPTURE(text);
    CHECK_FALSE(find_date(text).has_value());
  }
}

TEST_CASE("date: find_date searches only the first max_bytes, never half a token") {
  const std::string text = std::string(100, 'x') + " 22 May 2025";
  CHECK_FALSE(find_date(text, 50).has_value());
  REQUIRE(find_date(text, 200).has_value());
  CHECK(find_date(text, 200)->span == Span{101, 112});

  // A limit inside "2025-05-22" must not yield 2025-05-02.
  const std::string cut = "Stand: 2025-05-22";
  CHECK_FALSE(find_date(cut, cut.size() - 1).has_value());
  CHECK(find_date(cut, cut.size())->iso == "2025-05-22");
}
