// csv.cpp — a single-pass CSV reader (see csv.h).
//
// Slack beyond RFC 4180: spaces before an opening quote are dropped (`a, "b, c"`), text after
// a closing quote is kept literally, a quote inside an unquoted field is an ordinary character,
// lone CR ends a line like LF, and line breaks inside quoted fields become LF.
#include "csv.h"

#include <array>
#include <string>

namespace px {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::array<char, 3> kDelimiters = {',', ';', '\t'};  // ties go to the earlier one

// The delimiter used most often (outside quotes) in the first line.
char sniff_delimiter(std::string_view text) {
  std::array<size_t, kDelimiters.size()> counts{};
  bool in_quotes = false;
  for (const char c : text) {
    if (c == '"') in_quotes = !in_quotes;
    if (in_quotes) continue;
    if (c == '\n' || c == '\r') break;
    for (size_t k = 0; k < kDelimiters.size(); ++k) counts[k] += c == kDelimiters[k];
  }
  size_t best = 0;
  for (size_t k = 1; k < kDelimiters.size(); ++k) {
    if (counts[k] > counts[best]) best = k;
  }
  return kDelimiters[best];
}

bool is_blank(std::string_view s) { return s.find_first_not_of(" \t") == std::string_view::npos; }

}  // namespace

Result<std::vector<CsvRow>> parse_csv(std::string_view text) {
  if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) text.remove_prefix(kUtf8Bom.size());
  const char delimiter = sniff_delimiter(text);

  std::vector<CsvRow> rows;
  CsvRow row;
  std::string field;
  bool field_quoted = false;  // the current field had a quoted part
  bool row_started = false;   // a delimiter or a quoted field was seen on this line
  size_t line = 1;

  auto end_field = [&] {
    row.push_back(std::move(field));
    field.clear();
    field_quoted = false;
  };
  auto end_row = [&] {
    if (row_started || field_quoted || !is_blank(field)) {  // blank lines are skipped
      end_field();
      rows.push_back(std::move(row));
    }
    row.clear();
    field.clear();
    field_quoted = false;
    row_started = false;
  };
  // Consumes a line break at `i` (CRLF, LF or CR); returns its length.
  auto line_break = [&](size_t i) -> size_t {
    return (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
  };

  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '"' && !field_quoted && is_blank(field)) {
      const size_t opened_on = line;
      field.clear();
      bool closed = false;
      for (++i; i < text.size();) {
        const char q = text[i];
        if (q == '"') {
          const bool escaped = i + 1 < text.size() && text[i + 1] == '"';
          if (escaped) field.push_back('"');
          i += escaped ? 2 : 1;
          if (!escaped) {
            closed = true;
            break;
          }
        } else if (q == '\n' || q == '\r') {
          field.push_back('\n');
          i += line_break(i);
          ++line;
        } else {
          field.push_back(q);
          ++i;
        }
      }
      if (!closed)
        return Result<std::vector<CsvRow>>::Error("CSV: a quoted field starting on line " +
                                                  std::to_string(opened_on) + " is never closed");
      field_quoted = row_started = true;
    } else if (c == delimiter) {
      end_field();
      row_started = true;
      ++i;
    } else if (c == '\n' || c == '\r') {
      end_row();
      i += line_break(i);
      ++line;
    } else {
      if (!(field_quoted && (c == ' ' || c == '\t'))) field.push_back(c);  // "a"  ,b
      ++i;
    }
  }
  end_row();
  return rows;
}

std::string csv_escape(std::string_view field) {
  const bool needs_quotes = field.find_first_of(",;\t\"\r\n") != std::string_view::npos ||
                            (!field.empty() && (field.front() == ' ' || field.back() == ' '));
  if (!needs_quotes) return std::string(field);
  std::string out;
  out.reserve(field.size() + 2);
  out.push_back('"');
  for (const char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

}  // namespace px
