// quantities.h — numbers, percentages, money, years, dates and durations, normalised to values.
//
// "over 1,000 nuclear warheads" -> Count 1000 "warheads"; "1,4 miliardi" -> 1.4e9; "3,5 %" ->
// Percent 3.5; "5 Milliarden Euro" -> Money 5e9 EUR; "entro il 2030" -> Year 2030; "22. Mai 2025"
// -> Date 2025-05-22; "drei Monate" / "3か月" -> Duration 3 month; "XNUMX testate" -> Count NaN.
//
//   Result<QuantityFinder> f = QuantityFinder::load(asset_dir);   // number words: lexicons/number_words.tsv
//   for (const QuantityInfo& q : f->find(doc.text, doc.meta.language)) use(q.kind, q.value, q.unit);
//
// Contract:
//  - Separators by language and digit-group shape: continental languages (de it es fr pt nl ru
//    ...) write "1.000" = 1000 and "1,5" = 1.5; en/ja/zh write "1,000" and "1.5". Either way a
//    single separator followed by a group that is not three digits is a decimal mark ("3.5" in
//    German text = 3.5), both marks in one number decide by which comes last ("1.234,5"), and
//    spaces / no-break spaces group thousands ("1 000", French, Russian).
//  - Qualifiers ("over", "more than", "mehr als", "più di", "более", "約") stay in the span, so
//    the text reads "over 1,000"; the value is the number written (1000).
//  - Units: Percent "%" (or "pp" for percentage points); Money ISO 4217 code; Duration the
//    base unit ("year", "month", "week", "day", "hour"; a decade is 10 year); Count the noun as
//    written ("warheads", "testate"); Year and Date carry `iso` ("2030", "2025-05-22") and the
//    year as value. A plain number is Number with an empty unit.
//  - "XNUMX" (the mark of a broken number template in machine-made copies) is returned as a
//    Count (or Number) with value NaN: the number is missing or corrupt, flag it.
//  - Not quantities: numbers glued to letters or in identifiers (G7, SM-3, COVID-19, hex ids,
//    F-35), ordinals (2nd, 22. in "22. Mai" without a year), times (10:30), a lone "one"/"un"/
//    "ein" (only "a thousand", "einem Jahrzehnt"), list dashes ("- 5" is not -5), digit runs
//    longer than kMaxPlainDigits without separators (ids, phone numbers).
//  - Without the lexicon (find_quantities below) only digits, symbols and CJK forms are read.
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "document.h"
#include "status.h"

namespace px {

constexpr size_t kMaxPlainDigits = 9;        // "123456789012" is an id, not a quantity
constexpr int kMinYearNumber = 1900, kMaxYearNumber = 2100;  // 4-digit numbers in this range are years

struct NumberWord {
  enum class Role : uint8_t { Number, One, Multiplier, Percent, Currency, Duration, Qualifier, Skip };
  Role role = Role::Number;
  double value = 0;
  std::string unit;
};

class QuantityFinder {
 public:
  static Result<QuantityFinder> load(const std::string& asset_dir);
  std::vector<QuantityInfo> find(std::string_view text, std::string_view lang) const;

  // The lexicon entry for `key` (lexicon_key form, may hold several words "per cent") in
  // `lang`, or nullptr.
  const NumberWord* word(std::string_view lang, std::string_view key) const;
  size_t word_count() const { return word_count_; }

 private:
  std::unordered_map<std::string, NumberWord> words_;   // "lang|form"
  std::unordered_map<std::string, int> multi_first_;    // "lang|first word" of multi-word forms: most words
  std::unordered_map<std::string, std::vector<std::pair<std::string, NumberWord>>> cjk_;  // lang -> forms
  // Per language, which first two bytes a number word (or its capitalised spelling) can start
  // with: most words of a text are rejected with one bit test instead of a hash lookup.
  std::unordered_map<std::string, std::vector<bool>> first_bytes_;
  size_t word_count_ = 0;
  friend struct QuantityScanner;
};

// Without the lexicon: digits, "%", currency symbols ($ € £ ¥ ₽), years and dates only.
std::vector<QuantityInfo> find_quantities(std::string_view text, std::string_view lang);

}  // namespace px
