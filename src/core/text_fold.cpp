#include "text_fold.h"

#include <utf8proc.h>

#include <algorithm>
#include <string_view>

#include "encoding.h"

namespace px {
namespace {

constexpr auto kFoldOptions = static_cast<utf8proc_option_t>(
    UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
    UTF8PROC_IGNORE);
constexpr int kMaxDecomposition = 32;  // longest full decomposition + casefold is 18 code points

// Folds one code point, appending to `out`; ASCII takes a fast path.
inline void fold_codepoint(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
    return;
  }
  utf8proc_int32_t buf[kMaxDecomposition];
  int last_boundclass = 0;
  utf8proc_ssize_t n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp), buf,
                                               kMaxDecomposition, kFoldOptions, &last_boundclass);
  if (n < 0 || n > kMaxDecomposition) {  // unassigned or too long: keep as is
    append_utf8(out, cp);
    return;
  }
  for (utf8proc_ssize_t k = 0; k < n; ++k) append_utf8(out, static_cast<char32_t>(buf[k]));
}

}  // namespace

std::string fold_for_search(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) fold_codepoint(next_codepoint(text, i), out);
  return out;
}

FoldedText fold_with_offsets(std::string_view text) {
  FoldedText f;
  f.key.reserve(text.size());
  f.source_offset.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size();) {
    const auto start = static_cast<uint32_t>(i);
    char32_t cp = next_codepoint(text, i);
    size_t before = f.key.size();
    fold_codepoint(cp, f.key);
    f.source_offset.insert(f.source_offset.end(), f.key.size() - before, start);
  }
  f.source_offset.push_back(static_cast<uint32_t>(text.size()));
  return f;
}

std::vector<Span> find_folded(std::string_view text, std::string_view needle, size_t max_hits) {
  std::vector<Span> hits;
  if (needle.empty()) return hits;
  FoldedText f = fold_with_offsets(text);
  std::string_view key(f.key);
  for (size_t pos = key.find(needle); pos != std::string_view::npos && hits.size() < max_hits;
       pos = key.find(needle, pos + needle.size())) {
    uint32_t begin = f.source_offset[pos];
    // The hit ends where the code point after its last byte starts.
    size_t last = pos + needle.size();
    uint32_t end = f.source_offset[last];
    while (last < key.size() && f.source_offset[last] == f.source_offset[last - 1]) {
      ++last;  // needle ended inside one code point's expansion ("ß" -> "ss"): take it whole
      end = f.source_offset[last];
    }
    if (end <= begin) end = begin + 1;
    hits.push_back({begin, end});
  }
  return hits;
}

std::vector<std::string> search_terms(std::string_view query) {
  std::vector<std::string> terms;
  size_t i = 0;
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (i < query.size()) {
    while (i < query.size() && is_space(query[i])) ++i;
    if (i >= query.size()) break;
    size_t end;
    if (query[i] == '"') {
      size_t close = query.find('"', i + 1);
      end = close == std::string_view::npos ? query.size() : close;
      std::string t = fold_for_search(query.substr(i + 1, end - i - 1));
      if (!t.empty()) terms.push_back(std::move(t));
      i = end + 1;
      continue;
    }
    end = i;
    while (end < query.size() && !is_space(query[end])) ++end;
    std::string t = fold_for_search(query.substr(i, end - i));
    if (!t.empty()) terms.push_back(std::move(t));
    i = end;
  }
  return terms;
}

std::string to_nfc(std::string_view text) {
  // Fast path: pure ASCII is already NFC.
  if (std::all_of(text.begin(), text.end(), [](char c) { return (unsigned char)c < 0x80; }))
    return std::string(text);
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                    static_cast<utf8proc_ssize_t>(text.size()), &out,
                                    static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (n < 0 || !out) return std::string(text);  // invalid UTF-8: caller decoded it already
  std::string s(reinterpret_cast<char*>(out), static_cast<size_t>(n));
  free(out);
  return s;
}

std::string_view truncate_utf8(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

}  // namespace px
