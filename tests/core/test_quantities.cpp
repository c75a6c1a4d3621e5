// Tests for quantities.h: separators by language and group shape, number words, multipliers,
// percentages, money, years, dates, durations, counts, the XNUMX artefact, things that are not
// quantities, qualifiers kept in the span, and the lexicon-free fallback. Test names start with
// "quotes:" (the quotes-and-quantities module).
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "quantities.h"

using namespace px;

namespace {

const QuantityFinder& numbers() {
  static Result<QuantityFinder> f = QuantityFinder::load(PX_ASSET_DIR);
  REQUIRE_MESSAGE(f.ok(), f.error());
  return f.value();
}

struct Q {
  std::string text;
  QuantityKind kind;
  double value;
  std::string unit, iso;
};

std::vector<Q> find(std::string_view text, std::string_view lang) {
  std::vector<Q> out;
  for (const QuantityInfo& q : numbers().find(text, lang)) {
    out.push_back({std::string(text.substr(q.span.begin, q.span.size())), q.kind, q.value, q.unit, q.iso});
  }
  return out;
}

// The single quantity of `text`.
Q one(std::string_view text, std::string_view lang) {
  const auto qs = find(text, lang);
  const std::string t(text);
  CAPTURE(t);
  REQUIRE(qs.size() == 1);
  return qs[0];
}

}  // namespace

TEST_CASE("quotes: quantities read separators by language and digit-group shape") {
  const struct {
    const char* lang;
    const char* text;
    double value;
  } cases[] = {
      {"en", "It has 1,000 ships.", 1000},       {"de", "Es hat 1.000 Schiffe.", 1000},
      {"it", "Ha 1.000 navi.", 1000},            {"de", "Es sind 3.5 Schiffe.", 3.5},
      {"de", "Es sind 1,5 Schiffe.", 1.5},       {"en", "It is 1.5 ships.", 1.5},
      {"fr", "Il a 1 000 navires.", 1000},       {"fr", "Il a 1\u202F000 navires.", 1000},
      {"de", "Es sind 1.234,5 Schiffe.", 1234.5}, {"en", "It is 1,234.5 ships.", 1234.5},
      {"en", "It has 1,000,000 ships.", 1e6},    {"es", "Tiene 2.500.000 barcos.", 2.5e6},
  };
  for (const auto& c : cases) {
    const Q q = one(c.text, c.lang);
    CHECK(q.value == doctest::Approx(c.value));
  }
  // In English a plain space never groups: two numbers.
  CHECK(find("In 2022 100 ships sailed.", "en").size() == 2);
}

TEST_CASE("quotes: quantities with multipliers, percentages and money") {
  Q q = one("La Cina ha 1,4 miliardi di abitanti.", "it");
  CHECK(q.value == doctest::Approx(1.4e9));
  q = one("China has a population of 1.4 billion.", "en");
  CHECK(q.value == doctest::Approx(1.4e9));
  q = one("Growth was 3.5% last quarter.", "en");
  CHECK(q.kind == QuantityKind::Percent);
  CHECK(q.value == doctest::Approx(3.5));
  q = one("Das Wachstum lag bei 3,5 % im Quartal.", "de");
  CHECK(q.kind == QuantityKind::Percent);
  CHECK(q.value == doctest::Approx(3.5));
  q = one("La crescita è stata del 2 per cento.", "it");
  CHECK(q.kind == QuantityKind::Percent);
  q = one("Инфляция составила 9 процентов.", "ru");
  CHECK(q.kind == QuantityKind::Percent);
  q = one("They pledged $5 billion in aid.", "en");
  CHECK(q.kind == QuantityKind::Money);
  CHECK(q.unit == "USD");
  CHECK(q.value == doctest::Approx(5e9));
  q = one("Berlin gibt 5 Milliarden Euro aus.", "de");
  CHECK(q.unit == "EUR");
  CHECK(q.value == doctest::Approx(5e9));
  q = one("Un fondo da €2,3 mld per la difesa.", "it");
  CHECK(q.unit == "EUR");
  CHECK(q.value == doctest::Approx(2.3e9));
  q = one("防衛費は5兆円に達した。", "ja");
  CHECK(q.kind == QuantityKind::Money);
  CHECK(q.unit == "JPY");
  CHECK(q.value == doctest::Approx(5e12));
  q = one("Цена выросла до 500 руб. за литр.", "ru");
  CHECK(q.unit == "RUB");
  CHECK(q.text == "до 500 руб.");  // "до" (up to) is a qualifier: kept in the span
}

TEST_CASE("quotes: quantities of years, dates and durations") {
  for (const auto& [text, lang] : std::vector<std::pair<const char*, const char*>>{
           {"They expect it by 2030.", "en"}, {"Lo prevede entro il 2030.", "it"},
           {"Das Ziel gilt bis 2030.", "de"}, {"Цель поставлена к 2030 году.", "ru"}}) {
    const Q q = one(text, lang);
    CHECK(q.kind == QuantityKind::Year);
    CHECK(q.iso == "2030");
  }
  Q q = one("目標は2030年に設定された。", "ja");
  CHECK(q.kind == QuantityKind::Year);
  CHECK(q.text == "2030年");
  q = one("The summit took place on 22 May 2025 in Tokyo.", "en");
  CHECK(q.kind == QuantityKind::Date);
  CHECK(q.iso == "2025-05-22");
  q = one("Der Gipfel fand am 22. Mai 2025 statt.", "de");
  CHECK(q.kind == QuantityKind::Date);
  CHECK(q.iso == "2025-05-22");
  for (const auto& [text, lang, value, unit] : std::vector<std::tuple<const char*, const char*, double, const char*>>{
           {"It took three months.", "en", 3, "month"}, {"Es dauerte drei Monate.", "de", 3, "month"},
           {"Ci sono voluti tre mesi.", "it", 3, "month"}, {"Это заняло три месяца.", "ru", 3, "month"},
           {"交渉は3か月続いた。", "ja", 3, "month"}, {"seit mehr als einem Jahrzehnt", "de", 10, "year"}}) {
    const Q d = one(text, lang);
    CHECK(d.kind == QuantityKind::Duration);
    CHECK(d.value == doctest::Approx(value));
    CHECK(d.unit == unit);
  }
}

TEST_CASE("quotes: quantities of counts, qualifiers and the XNUMX artefact") {
  Q q = find("China is expected to have over 1,000 nuclear warheads by 2030.", "en").at(0);
  CHECK(q.kind == QuantityKind::Count);
  CHECK(q.text == "over 1,000 nuclear warheads");
  CHECK(q.value == 1000);
  CHECK(q.unit == "warheads");
  const auto qs = find("arriverà a possedere XNUMX testate nucleari entro il 2030.", "it");
  REQUIRE(qs.size() == 2);
  CHECK(qs[0].kind == QuantityKind::Count);
  CHECK(std::isnan(qs[0].value));
  CHECK(qs[0].unit == "testate");
  CHECK(qs[1].kind == QuantityKind::Year);
  q = one("Il a perdu mille soldats.", "fr");
  CHECK(q.value == 1000);
  q = one("Es waren tausend Menschen.", "de");
  CHECK(q.value == 1000);
  q = one("They sent twenty-five ships.", "en");
  CHECK(q.value == 25);
  q = one("It cost one hundred and five dollars.", "en");
  CHECK(q.value == 105);
  CHECK(q.kind == QuantityKind::Money);
}

TEST_CASE("quotes: things that are not quantities") {
  for (const auto& [text, lang] : std::vector<std::pair<const char*, const char*>>{
           {"The G7 and the F-35 programme met in the Indo-Pacific.", "en"},
           {"Raytheon builds the SM-3 Block IIA and COVID-19 changed it.", "en"},
           {"Article 98e09c086c25287e was updated.", "en"},
           {"- Growing Threats: a list item", "en"},
           {"They met at 10:30 in the morning.", "en"},
           {"It was the 2nd meeting of the 1990s.", "en"},
           {"One of them said it was a good day for a deal.", "en"},
           {"Un accordo e una stretta di mano.", "it"},
           {"Ein Abkommen und eine Einigung.", "de"},
           {"Call 12345678901234 now.", "en"}}) {
    const std::string t = text;
    CAPTURE(t);
    CHECK(find(text, lang).empty());
  }
  const Q q = one("Temperatures fell to -5 degrees.", "en");
  CHECK(q.value == -5);
}

TEST_CASE("quotes: quantities without the lexicon read digits and symbols only") {
  const std::string text = "Growth of 3.5% and $5 by 2030, three months later.";
  const auto qs = find_quantities(text, "en");
  REQUIRE(qs.size() == 3);
  CHECK(qs[0].kind == QuantityKind::Percent);
  CHECK(qs[1].kind == QuantityKind::Money);
  CHECK(qs[2].kind == QuantityKind::Year);
  CHECK(find_quantities("", "en").empty());
}
