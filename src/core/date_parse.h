// date_parse.h — publication dates written the way newspapers write them.
//
// Understands ISO dates ("2025-05-22", "2025-05-22T10:00:00Z"), numeric European dates
// ("22.05.2025", "22/05/2025"), and written dates with month names in en, de, it, fr, es
// (plus pt, nl, ru where cheap): "Thursday, May 22, 2025", "May 22nd 2025", "22. Mai 2025",
// "22 maggio 2025", "9 avril 2025", "1er mai 2025", "22 de mayo de 2025".
//
//   if (auto d = parse_date("22. Mai 2025")) use(*d);            // "2025-05-22"
//   if (auto d = find_date(article_head)) use(d->iso, d->span);  // first date in a text
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "document.h"

namespace px {

// Parses a string that is (essentially) just a date. Returns "YYYY-MM-DD" or nullopt.
// Rejects impossible dates (2025-02-30) and years outside 1900..2100.
std::optional<std::string> parse_date(std::string_view text);

struct FoundDate {
  std::string iso;  // "YYYY-MM-DD"
  Span span;        // where in the searched text the date was written
};

// Finds the first full date (day, month and year) written anywhere in `text`, searching at
// most the first `max_bytes` bytes. Partial dates ("May 2025") are not returned.
std::optional<FoundDate> find_date(std::string_view text, size_t max_bytes = 4096);

}  // namespace px
