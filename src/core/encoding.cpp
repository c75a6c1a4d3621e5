// encoding.cpp — byte sniffing and conversion to UTF-8 (see encoding.h).
//
// Decision order for input without a BOM:
//   NUL bytes      -> UTF-16 without BOM if the NULs sit on one byte parity, else binary
//   control bytes  -> binary when there are many
//   valid UTF-8    -> UTF-8
//   mostly UTF-8   -> UTF-8 with the few invalid sequences replaced
//   otherwise      -> Windows-1252
#include "encoding.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <optional>
#include <utility>

namespace px {
namespace {

constexpr char32_t kReplacement = 0xFFFD;
constexpr char32_t kMaxCodepoint = 0x10FFFF;

// Binary sniffing: this many C0 control bytes (besides tab and line breaks), and at least this
// share of the input, mean the file is not text.
constexpr size_t kMinControlBytesForBinary = 4;
constexpr size_t kBinaryControlPercent = 2;
// UTF-16 without BOM: look at this many leading bytes; the NUL-heavy byte parity must hold at
// least 1/kUtf16MinNulShare of the code units and the other parity at most 1/kUtf16MaxOtherShare
// of that count (ASCII spaces and punctuation give even Cyrillic text such NULs).
constexpr size_t kUtf16SniffBytes = 4096;
constexpr size_t kUtf16MinNulShare = 10;
constexpr size_t kUtf16MaxOtherShare = 10;
// Input with invalid sequences is still read as UTF-8 when valid multi-byte sequences
// outnumber invalid ones this many times (a Windows-1252 file rarely has any valid ones).
constexpr size_t kMostlyUtf8Ratio = 2;

constexpr const char* kReadableFormats =
    "Parallax reads plain text, HTML, JSON, JSON Lines and CSV";

// Windows-1252 0x80..0x9F; 0 marks the five undefined bytes.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

struct Utf8Step {
  char32_t cp;
  uint32_t len;  // bytes consumed: the sequence, or its maximal invalid prefix (>= 1)
  bool valid;
};

// Decodes one sequence per the Unicode well-formedness table (no overlongs, no surrogates,
// nothing above U+10FFFF). `avail` >= 1.
inline Utf8Step decode_step(const unsigned char* p, size_t avail) {
  const unsigned char lead = p[0];
  if (lead < 0x80) return {lead, 1, true};
  uint32_t need;
  char32_t cp;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    need = 1, cp = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    need = 2, cp = lead & 0x0F;
    if (lead == 0xE0) lo = 0xA0;       // overlong
    if (lead == 0xED) hi = 0x9F;       // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    need = 3, cp = lead & 0x07;
    if (lead == 0xF0) lo = 0x90;       // overlong
    if (lead == 0xF4) hi = 0x8F;       // above U+10FFFF
  } else {
    return {kReplacement, 1, false};
  }
  for (uint32_t k = 1; k <= need; ++k) {
    if (k >= avail || p[k] < lo || p[k] > hi) return {kReplacement, k, false};
    lo = 0x80, hi = 0xBF;
    cp = (cp << 6) | (p[k] & 0x3F);
  }
  return {cp, need + 1, true};
}

inline bool all_ascii8(const unsigned char* p) {
  uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return (w & 0x8080808080808080ull) == 0;
}

bool is_text_control(unsigned char b) {
  return (b < 0x20 && b != '\t' && b != '\n' && b != '\v' && b != '\f' && b != '\r') ||
         b == 0x7F;
}

struct ByteStats {
  size_t nul_count = 0, first_nul = 0;
  size_t control_count = 0, first_control = 0;
  size_t valid_multibyte = 0, invalid_sequences = 0;
};

ByteStats scan(std::string_view s) {
  ByteStats st;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  for (size_t i = 0; i < n;) {
    const unsigned char b = p[i];
    if (b < 0x80) {
      if (is_text_control(b)) {
        if (st.control_count++ == 0) st.first_control = i;
        if (b == 0 && st.nul_count++ == 0) st.first_nul = i;
      }
      ++i;
      continue;
    }
    const Utf8Step step = decode_step(p + i, n - i);
    ++(step.valid ? st.valid_multibyte : st.invalid_sequences);
    i += step.len;
  }
  return st;
}

// Replaces CRLF and lone CR with LF, in place (CR and LF never occur inside a UTF-8 sequence).
void normalize_newlines(std::string& s) {
  size_t w = s.find('\r');
  if (w == std::string::npos) return;
  for (size_t r = w; r < s.size(); ++r) {
    if (s[r] != '\r') {
      s[w++] = s[r];
    } else {
      s[w++] = '\n';
      if (r + 1 < s.size() && s[r + 1] == '\n') ++r;
    }
  }
  s.resize(w);
}

DecodedText decode_utf8_lossy(std::string_view s, const char* encoding) {
  DecodedText out;
  out.encoding = encoding;
  out.text.reserve(s.size() + s.size() / 8);
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    size_t run = i;  // copy valid stretches in one go
    while (run < n) {
      const Utf8Step step = decode_step(p + run, n - run);
      if (!step.valid) break;
      run += step.len;
    }
    out.text.append(s.data() + i, run - i);
    i = run;
    if (i < n) {
      i += decode_step(p + i, n - i).len;  // maximal invalid prefix -> one U+FFFD
      append_utf8(out.text, kReplacement);
      ++out.replaced;
    }
  }
  return out;
}

DecodedText decode_cp1252(std::string_view s) {
  DecodedText out;
  out.encoding = "Windows-1252";
  out.text.reserve(s.size() + s.size() / 4);
  for (const char c : s) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x80) {
      out.text.push_back(c);
    } else if (b >= 0xA0) {
      append_utf8(out.text, b);  // identical to Latin-1
    } else if (const char16_t cp = kCp1252High[b - 0x80]) {
      append_utf8(out.text, cp);
    } else {
      append_utf8(out.text, kReplacement);
      ++out.replaced;
    }
  }
  return out;
}

DecodedText decode_utf16(std::string_view s, bool little_endian) {
  DecodedText out;
  out.encoding = little_endian ? "UTF-16LE" : "UTF-16BE";
  out.text.reserve(s.size());
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t units = s.size() / 2;
  auto unit = [&](size_t k) -> char16_t {
    return little_endian ? char16_t(p[2 * k] | (p[2 * k + 1] << 8))
                         : char16_t((p[2 * k] << 8) | p[2 * k + 1]);
  };
  for (size_t k = 0; k < units; ++k) {
    const char16_t u = unit(k);
    if (u < 0xD800 || u > 0xDFFF) {
      append_utf8(out.text, u);
    } else if (u <= 0xDBFF && k + 1 < units && unit(k + 1) >= 0xDC00 && unit(k + 1) <= 0xDFFF) {
      append_utf8(out.text, 0x10000 + ((char32_t(u) - 0xD800) << 10) + (unit(k + 1) - 0xDC00));
      ++k;
    } else {  // unpaired surrogate
      append_utf8(out.text, kReplacement);
      ++out.replaced;
    }
  }
  if (s.size() % 2) {  // a dangling half code unit
    append_utf8(out.text, kReplacement);
    ++out.replaced;
  }
  return out;
}

// Byte order of UTF-16 without BOM, judged by which byte of each code unit is NUL; nullopt if
// the NULs do not line up.
std::optional<bool> sniff_utf16_little_endian(std::string_view s) {
  const size_t n = std::min(s.size(), kUtf16SniffBytes) & ~size_t(1);
  size_t nul_even = 0, nul_odd = 0;
  for (size_t i = 0; i < n; i += 2) {
    nul_even += s[i] == 0;
    nul_odd += s[i + 1] == 0;
  }
  const size_t units = n / 2;
  const size_t dominant = std::max(nul_even, nul_odd), other = std::min(nul_even, nul_odd);
  if (dominant == 0 || dominant * kUtf16MinNulShare < units) return std::nullopt;
  if (other * kUtf16MaxOtherShare > dominant) return std::nullopt;
  return nul_odd > nul_even;  // "A\0" is little-endian
}

bool has_many_controls(size_t controls, size_t total) {
  return controls >= kMinControlBytesForBinary && controls * 100 >= total * kBinaryControlPercent;
}

Status binary_error(std::string what) {
  return Status::Error("this looks like a binary file (" + what + "), not text: " +
                       kReadableFormats);
}

// Control characters in decoded UTF-8 text (all ASCII, so a byte scan suffices).
std::pair<size_t, size_t> count_controls(std::string_view text) {
  size_t count = 0, first = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (is_text_control(static_cast<unsigned char>(text[i])) && count++ == 0) first = i;
  }
  return {count, first};
}

bool starts_with(std::string_view s, std::initializer_list<unsigned char> prefix) {
  if (s.size() < prefix.size()) return false;
  size_t i = 0;
  for (const unsigned char b : prefix) {
    if (static_cast<unsigned char>(s[i++]) != b) return false;
  }
  return true;
}

Result<DecodedText> finish(DecodedText d) {
  normalize_newlines(d.text);
  return d;
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    if (i + 8 <= n && all_ascii8(p + i)) {
      i += 8;
    } else if (p[i] < 0x80) {
      ++i;
    } else {
      const Utf8Step step = decode_step(p + i, n - i);
      if (!step.valid) return false;
      i += step.len;
    }
  }
  return true;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
    return;
  }
  if (cp > kMaxCodepoint || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacement;
  char buf[4];
  size_t len;
  if (cp < 0x800) {
    buf[0] = char(0xC0 | (cp >> 6));
    buf[1] = char(0x80 | (cp & 0x3F));
    len = 2;
  } else if (cp < 0x10000) {
    buf[0] = char(0xE0 | (cp >> 12));
    buf[1] = char(0x80 | ((cp >> 6) & 0x3F));
    buf[2] = char(0x80 | (cp & 0x3F));
    len = 3;
  } else {
    buf[0] = char(0xF0 | (cp >> 18));
    buf[1] = char(0x80 | ((cp >> 12) & 0x3F));
    buf[2] = char(0x80 | ((cp >> 6) & 0x3F));
    buf[3] = char(0x80 | (cp & 0x3F));
    len = 4;
  }
  out.append(buf, len);
}

char32_t next_codepoint_slow(std::string_view s, size_t& i) {
  if (i >= s.size()) return kReplacement;
  const auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    ++i;
    return b;
  }
  const Utf8Step step =
      decode_step(reinterpret_cast<const unsigned char*>(s.data()) + i, s.size() - i);
  i += step.valid ? step.len : 1;
  return step.cp;
}

Result<DecodedText> decode_to_utf8(std::string_view bytes) {
  // UTF-32 first: its little-endian BOM begins with the UTF-16LE one.
  if (starts_with(bytes, {0xFF, 0xFE, 0x00, 0x00}) || starts_with(bytes, {0x00, 0x00, 0xFE, 0xFF}))
    return Result<DecodedText>::Error(
        "this file is UTF-32, which Parallax does not read: save it as UTF-8 and try again");
  if (starts_with(bytes, {0xEF, 0xBB, 0xBF}))
    return finish(decode_utf8_lossy(bytes.substr(3), "UTF-8 (BOM)"));
  if (starts_with(bytes, {0xFF, 0xFE})) return finish(decode_utf16(bytes.substr(2), true));
  if (starts_with(bytes, {0xFE, 0xFF})) return finish(decode_utf16(bytes.substr(2), false));

  const ByteStats st = scan(bytes);
  if (st.nul_count > 0) {
    const std::optional<bool> little_endian = sniff_utf16_little_endian(bytes);
    if (!little_endian)
      return binary_error("NUL bytes at offset " + std::to_string(st.first_nul));
    DecodedText d = decode_utf16(bytes, *little_endian);
    // Binary data can line its NULs up by chance; real UTF-16 text has no control characters.
    const auto [controls, first] = count_controls(d.text);
    if (has_many_controls(controls, d.text.size()))
      return binary_error("NUL bytes at offset " + std::to_string(st.first_nul));
    return finish(std::move(d));
  }
  if (has_many_controls(st.control_count, bytes.size()))
    return binary_error(std::to_string(st.control_count) + " control bytes, the first at offset " +
                        std::to_string(st.first_control));
  if (st.invalid_sequences == 0) {
    DecodedText d;
    d.text.assign(bytes);
    d.encoding = "UTF-8";
    return finish(std::move(d));
  }
  if (st.valid_multibyte >= kMostlyUtf8Ratio * st.invalid_sequences)
    return finish(decode_utf8_lossy(bytes, "UTF-8"));
  return finish(decode_cp1252(bytes));
}

}  // namespace px
