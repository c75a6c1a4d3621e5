// encoding.h — any bytes a user drops in, as valid UTF-8.
//
// UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, and Windows-1252 (a superset of the
// printable Latin-1) are detected and converted. Invalid UTF-8 sequences are replaced by
// U+FFFD and counted, never a crash. Binary files (NUL bytes in text that is not UTF-16) are
// refused with a message.
//
//   Result<DecodedText> d = decode_to_utf8(bytes);
//   if (d.ok()) use(d->text, d->encoding, d->replaced);
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "status.h"

namespace px {

struct DecodedText {
  std::string text;       // valid UTF-8, BOM removed, CRLF/CR turned into LF
  std::string encoding;   // "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE", "Windows-1252"
  size_t replaced = 0;    // invalid sequences replaced by U+FFFD
};

Result<DecodedText> decode_to_utf8(std::string_view bytes);

// True if `s` is entirely valid UTF-8.
bool is_valid_utf8(std::string_view s);

// Appends the UTF-8 encoding of code point `cp` to `out`.
void append_utf8(std::string& out, char32_t cp);

// Decodes one code point at `i` (advancing `i`); returns U+FFFD for an invalid sequence and
// advances by one byte.
char32_t next_codepoint_slow(std::string_view s, size_t& i);
// Well-formed one-, two- and three-byte sequences (all of the BMP: nearly every text) are
// decoded inline; the rest (four bytes, invalid bytes, the end of `s`) by the slow path.
inline char32_t next_codepoint(std::string_view s, size_t& i) {
  if (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      return c;
    }
    if (c >= 0xC2 && c < 0xE0 && i + 1 < s.size()) {
      const auto c1 = static_cast<unsigned char>(s[i + 1]);
      if ((c1 & 0xC0) == 0x80) {
        i += 2;
        return (char32_t(c & 0x1F) << 6) | (c1 & 0x3F);
      }
    } else if (c >= 0xE0 && c < 0xF0 && i + 2 < s.size()) {
      const auto c1 = static_cast<unsigned char>(s[i + 1]), c2 = static_cast<unsigned char>(s[i + 2]);
      if ((c1 & 0xC0) == 0x80 && (c2 & 0xC0) == 0x80) {
        const char32_t cp = (char32_t(c & 0x0F) << 12) | (char32_t(c1 & 0x3F) << 6) | (c2 & 0x3F);
        if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {  // not overlong, not a surrogate
          i += 3;
          return cp;
        }
      }
    }
  }
  return next_codepoint_slow(s, i);
}

// The same; kept for the loops that were written against it (next_codepoint is now inline).
inline char32_t next_codepoint_fast(std::string_view s, size_t& i) { return next_codepoint(s, i); }

}  // namespace px
