#include "text_fold.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "encoding.h"

namespace px {
namespace {

constexpr auto kFoldOptions = static_cast<utf8proc_option_t>(
    UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
    UTF8PROC_IGNORE);
constexpr int kMaxDecomposition = 32;  // longest full decomposition + casefold is 18 code points

// The folds of the two-byte code points (U+0080..U+07FF: Latin-1, Latin Extended, Greek,
// Cyrillic, Armenian, Hebrew, Arabic), tabulated once: most non-ASCII letters of European
// text, and utf8proc_decompose_char costs far more per call than a table row.
struct SmallFold {
  uint8_t size = 0;  // kNotTabulated: fold through utf8proc
  char bytes[7] = {};
};
constexpr uint8_t kNotTabulated = 0xFF;
constexpr char32_t kSmallFoldEnd = 0x800;

// Folds one code point with utf8proc, appending to `out`.
void fold_codepoint_slow(char32_t cp, std::string& out) {
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

const SmallFold* small_folds() {
  static const std::vector<SmallFold> table = [] {
    std::vector<SmallFold> t(kSmallFoldEnd);
    std::string folded;
    for (char32_t cp = 0x80; cp < kSmallFoldEnd; ++cp) {
      folded.clear();
      fold_codepoint_slow(cp, folded);
      if (folded.size() > sizeof t[cp].bytes) {
        t[cp].size = kNotTabulated;
        continue;
      }
      t[cp].size = static_cast<uint8_t>(folded.size());
      std::copy(folded.begin(), folded.end(), t[cp].bytes);
    }
    return t;
  }();
  return table.data();
}

// Folds one code point, appending to `out`; ASCII and two-byte code points take fast paths.
inline void fold_codepoint(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
    return;
  }
  if (cp < kSmallFoldEnd) {
    const SmallFold& f = small_folds()[cp];
    if (f.size != kNotTabulated) {
      out.append(f.bytes, f.size);
      return;
    }
  }
  fold_codepoint_slow(cp, out);
}

// Could `cp` change under NFC, or make its neighbour change? Conservative: a combining mark
// (reordering, composition with the starter before it), a code point that composes as the
// second of a pair (Hangul vowel/trailing jamo, some Indic vowel signs with combining class 0),
// or a canonical decomposition that NFC does not compose back (singletons such as U+212B
// ANGSTROM SIGN or the CJK compatibility ideographs, composition exclusions): found by
// normalising the code point alone. Everything else, precomposed letters included, is left
// as it is by NFC when no such code point follows it.
bool may_change_under_nfc(char32_t cp) {
  if (cp >= 0x1100 && cp < 0x1200) return true;  // conjoining jamo (composed algorithmically)
  const utf8proc_property_t* p = utf8proc_get_property(static_cast<utf8proc_int32_t>(cp));
  if (p->combining_class != 0) return true;
  if (p->comb_index != UINT16_MAX && p->comb_index >= 0x8000) return true;  // a second (see utf8proc.c)
  if (p->decomp_seqindex == UINT16_MAX) return false;
  std::string alone;
  append_utf8(alone, cp);
  utf8proc_uint8_t* out = nullptr;
  const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(alone.data()),
                                          static_cast<utf8proc_ssize_t>(alone.size()), &out,
                                          static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  const bool same = n >= 0 && out && std::string_view(reinterpret_cast<char*>(out), static_cast<size_t>(n)) == alone;
  free(out);
  return !same;
}

// True when NFC would return `text` unchanged, found without normalising: no code point of
// `text` may change (may_change_under_nfc). utf8proc 2.8 has no quick-check API; this is a
// stricter one (a "maybe" runs the real normalisation).
bool nfc_unchanged(std::string_view text) {
  static const std::vector<bool> bmp = [] {  // may_change_under_nfc below U+10000, once (~ms)
    std::vector<bool> t(0x10000);
    for (char32_t cp = 0x80; cp < 0x10000; ++cp) t[cp] = (cp < 0xD800 || cp > 0xDFFF) && may_change_under_nfc(cp);
    return t;
  }();
  size_t i = 0;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const char32_t cp = next_codepoint(text, i);
    if (cp < 0x10000 ? bmp[cp] : may_change_under_nfc(cp)) return false;
  }
  return true;
}

}  // namespace

void fold_for_search_into(std::string_view text, std::string& out) {
  out.clear();
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    // A run of ASCII is appended at once and lower-cased in place: a push_back per byte was
    // most of fold_for_search's time in wasm (docs/benchmarks.md).
    size_t ascii_end = i;
    while (ascii_end < text.size() && static_cast<unsigned char>(text[ascii_end]) < 0x80) ++ascii_end;
    if (ascii_end > i) {
      const size_t at = out.size();
      out.append(text.data() + i, ascii_end - i);
      for (char* c = out.data() + at; c != out.data() + out.size(); ++c)
        if (*c >= 'A' && *c <= 'Z') *c = static_cast<char>(*c | 0x20);
      i = ascii_end;
      if (i == text.size()) break;
    }
    fold_codepoint(next_codepoint(text, i), out);
  }
}

std::string fold_for_search(std::string_view text) {
  std::string out;
  fold_for_search_into(text, out);
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
  // Fast path: most text arrives in NFC already (pure ASCII always is), and utf8proc_map
  // decomposes and recomposes everything: it was a third of ingest's time.
  if (nfc_unchanged(text)) return std::string(text);
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                    static_cast<utf8proc_ssize_t>(text.size()), &out,
                                    static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (n < 0 || !out) return std::string(text);  // invalid UTF-8: caller decoded it already
  std::string s(reinterpret_cast<char*>(out), static_cast<size_t>(n));
  free(out);
  return s;
}

const uint8_t* bmp_categories() {
  static const std::vector<uint8_t> table = [] {
    std::vector<uint8_t> t(0x10000);
    for (char32_t cp = 0; cp < 0x10000; ++cp) t[cp] = static_cast<uint8_t>(utf8proc_category(static_cast<utf8proc_int32_t>(cp)));
    return t;
  }();
  return table.data();
}

int unicode_category_slow(char32_t cp) { return utf8proc_category(static_cast<utf8proc_int32_t>(cp)); }

std::string_view truncate_utf8(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

}  // namespace px
