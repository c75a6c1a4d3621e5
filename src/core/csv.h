// csv.h — RFC 4180 CSV with the usual real-world slack.
//
// Quoted fields with embedded commas, quotes ("") and newlines; CRLF or LF; a delimiter sniffed
// from the header line (',', ';' or tab); a trailing newline or not. Errors (an unterminated
// quote) are reported with the line number, never thrown.
//
//   auto rows = parse_csv(text);
//   if (!rows.ok()) report(rows.error()); else for (auto& r : rows.value()) ...
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "status.h"

namespace px {

using CsvRow = std::vector<std::string>;

// Returns all rows, the header row included. Empty lines are skipped.
Result<std::vector<CsvRow>> parse_csv(std::string_view text);

// Quotes a field for output when it needs it.
std::string csv_escape(std::string_view field);

}  // namespace px
