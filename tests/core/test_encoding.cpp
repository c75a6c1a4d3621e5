// Tests for encoding.h: code point primitives, and decoding of real multilingual files in every
// supported encoding (fixtures in tests/data/encoding).
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "encoding.h"

using namespace px;

namespace {

std::string read_fixture(const std::string& name) {
  std::ifstream in(std::string(PX_TEST_DATA) + "/encoding/" + name, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "missing fixture " << name);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<char32_t> codepoints(std::string_view s) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) out.push_back(next_codepoint(s, i));
  return out;
}

// The text in the UTF-8/UTF-16 BOM fixtures, after CRLF -> LF.
const std::string kMultilingual =
    "Die Bürgermeisterin von München sagte: „Wir müssen handeln.“\n"
    "Le président a déclaré à Besançon : « Ça suffit ! »\n"
    "Москва, 22 мая 2025 г. — переговоры продолжаются.\n"
    "Η Αθήνα και το Βερολίνο.\n"
    "東京で会談が行われた。\n"
    "Emoji outside the BMP: 🌍📰\n";

constexpr const char* kReplacementUtf8 = "\xEF\xBF\xBD";

}  // namespace

TEST_CASE("encoding: next_codepoint decodes one to four byte sequences") {
  const std::string_view s = "aé€🌍";
  size_t i = 0;
  CHECK(next_codepoint(s, i) == U'a');
  CHECK(i == 1);
  CHECK(next_codepoint(s, i) == U'é');
  CHECK(i == 3);
  CHECK(next_codepoint(s, i) == U'€');
  CHECK(i == 6);
  CHECK(next_codepoint(s, i) == U'🌍');
  CHECK(i == 10);
  CHECK(next_codepoint(s, i) == 0xFFFD);  // past the end: no crash, no advance
  CHECK(i == 10);
}

TEST_CASE("encoding: next_codepoint replaces invalid sequences and advances one byte") {
  struct Case {
    std::string_view bytes;
    std::vector<char32_t> expected;
  };
  const Case cases[] = {
      {"\xC0\xAF", {0xFFFD, 0xFFFD}},                       // overlong '/'
      {"\xE0\x80\xAF", {0xFFFD, 0xFFFD, 0xFFFD}},           // overlong, 3 bytes
      {"\xF0\x80\x80\xAF", {0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD}},  // overlong, 4 bytes
      {"\xED\xA0\x80", {0xFFFD, 0xFFFD, 0xFFFD}},           // U+D800 encoded in UTF-8
      {"\xF4\x90\x80\x80", {0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD}},  // above U+10FFFF
      {"\xE2\x82x", {0xFFFD, 0xFFFD, U'x'}},                // truncated euro sign
      {"\x80z", {0xFFFD, U'z'}},                            // stray continuation byte
      {"\xFF\xFE", {0xFFFD, 0xFFFD}},
      {"\xED\x9F\xBF", {0xD7FF}},                           // just below the surrogates
      {"\xF4\x8F\xBF\xBF", {0x10FFFF}},                     // the last code point
  };
  for (const Case& c : cases) {
    CAPTURE(c.bytes);
    CHECK(codepoints(c.bytes) == c.expected);
  }
}

TEST_CASE("encoding: is_valid_utf8 accepts well-formed text and rejects the rest") {
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8(kMultilingual));
  CHECK(is_valid_utf8(std::string(1000, 'a') + "Ωmega"));
  CHECK_FALSE(is_valid_utf8("\xC0\x80"));          // overlong NUL
  CHECK_FALSE(is_valid_utf8("\xED\xB0\x80"));      // low surrogate
  CHECK_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));  // no such lead byte
  CHECK_FALSE(is_valid_utf8("M\xFCnchen"));        // Latin-1 ü
  // An invalid byte after long ASCII runs (exercises the 8-byte fast path and the tail).
  CHECK_FALSE(is_valid_utf8(std::string(37, 'x') + "\x80" + std::string(20, 'y')));
  CHECK_FALSE(is_valid_utf8(std::string(64, 'x') + "\xE2\x82"));
}

TEST_CASE("encoding: append_utf8 writes the shortest form and round-trips") {
  const char32_t boundaries[] = {0x0,    0x7F,   0x80,    0x7FF,   0x800,   0xD7FF,
                                 0xE000, 0xFFFF, 0x10000, 0x10FFFF, U'ß',   U'ж', U'東', U'📰'};
  for (const char32_t cp : boundaries) {
    CAPTURE(static_cast<uint32_t>(cp));
    std::string s;
    append_utf8(s, cp);
    const size_t expected_len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    CHECK(s.size() == expected_len);
    size_t i = 0;
    CHECK(next_codepoint(s, i) == cp);
    CHECK(i == s.size());
  }
  std::string euro;
  append_utf8(euro, 0x20AC);
  CHECK(euro == "\xE2\x82\xAC");
  std::string bad;
  append_utf8(bad, 0xD800);    // a surrogate is not a code point
  append_utf8(bad, 0x110000);  // beyond Unicode
  CHECK(bad == std::string(kReplacementUtf8) + kReplacementUtf8);
}

TEST_CASE("encoding: UTF-8 with BOM fixture") {
  const auto d = decode_to_utf8(read_fixture("utf8_bom.txt"));
  REQUIRE(d.ok());
  CHECK(d.value().encoding == "UTF-8 (BOM)");
  CHECK(d.value().text == kMultilingual);  // BOM stripped, CRLF -> LF
  CHECK(d.value().replaced == 0);
}

TEST_CASE("encoding: UTF-16LE and UTF-16BE with BOM fixtures, including surrogate pairs") {
  struct Fixture {
    const char* file;
    const char* encoding;
  };
  for (const Fixture f :
       {Fixture{"utf16le_bom.txt", "UTF-16LE"}, Fixture{"utf16be_bom.txt", "UTF-16BE"}}) {
    CAPTURE(f.file);
    const auto d = decode_to_utf8(read_fixture(f.file));
    REQUIRE(d.ok());
    CHECK(d.value().encoding == f.encoding);
    CHECK(d.value().text == kMultilingual);
    CHECK(d.value().replaced == 0);
  }
}

TEST_CASE("encoding: UTF-16LE without BOM is recognised by its NUL bytes") {
  const auto d = decode_to_utf8(read_fixture("utf16le_nobom.txt"));
  REQUIRE(d.ok());
  CHECK(d.value().encoding == "UTF-16LE");
  CHECK(d.value().text ==
        "Zürich, 9 avril 2025\n"
        "Путин и Зеленский: переговоры в Стамбуле.\n"
        "Perché la città è più bella così.\n");
}

TEST_CASE("encoding: UTF-16BE without BOM") {
  const std::string bytes("\0H\0a\0l\0l\0o\0 \0W\0e\0l\0t\0!\0\n", 24);
  const auto d = decode_to_utf8(bytes);
  REQUIRE(d.ok());
  CHECK(d.value().encoding == "UTF-16BE");
  CHECK(d.value().text == "Hallo Welt!\n");
}

TEST_CASE("encoding: Windows-1252 fixture with accents, curly quotes and the euro sign") {
  const auto d = decode_to_utf8(read_fixture("windows1252.txt"));
  REQUIRE(d.ok());
  CHECK(d.value().encoding == "Windows-1252");
  CHECK(d.value().replaced == 0);
  CHECK(d.value().text ==
        "Die Bürgermeisterin sagte: „Wir müssen handeln“ – Kosten: 12 € pro Kopf.\n"
        "Le président a déclaré « ça suffit » à Besançon…\n"
        "Perché la città è più bella così? “Sì”, rispose — l’assessore.\n"
        "Straße, Größe, Öl, Œuvre, naïve, façade.\n");  // the file ends in a lone CR
}

TEST_CASE("encoding: Windows-1252 undefined bytes become U+FFFD and are counted") {
  const auto d = decode_to_utf8("Gr\xFC\xDF" "e \x81\x8D\x8F\x90\x9D \x93zitiert\x94");
  REQUIRE(d.ok());
  CHECK(d.value().encoding == "Windows-1252");
  CHECK(d.value().replaced == 5);
  CHECK(d.value().text == "Grüße \uFFFD\uFFFD\uFFFD\uFFFD\uFFFD “zitiert”");
}

TEST_CASE("encoding: a chance valid UTF-8 pair does not turn Windows-1252 into UTF-8") {
  // "ß“" is DF 93 in Windows-1252, which happens to be valid UTF-8 (U+07D3).
  const auto d = decode_to_utf8("\x84Gr\xFC\xDF" "e\x93, sagte er. Es war hei\xDF\x93");
  REQUIRE(d.ok());
  CHECK(d.value().encoding == "Windows-1252");
  CHECK(d.value().text == "„Grüße“, sagte er. Es war heiß“");
}

TEST_CASE("encoding: mostly valid UTF-8 keeps its encoding; broken bytes are replaced") {
  const auto d = decode_to_utf8(read_fixture("broken_utf8.txt"));
  REQUIRE(d.ok());
  CHECK(d.value().encoding == "UTF-8");
  // FF (1) + truncated E2 82 (1) + overlong C0 AF (2) + encoded surrogate ED A0 80 (3)
  CHECK(d.value().replaced == 7);
  const std::string& t = d.value().text;
  CHECK(is_valid_utf8(t));
  CHECK(t ==
        "Café crème \uFFFD brûlée\n"
        "Straße \uFFFD truncated euro\n"
        "overlong slash \uFFFD\uFFFD here\n"
        "surrogate \uFFFD\uFFFD\uFFFD encoded\n"
        "Grüße aus Zürich – Новости дня – 東京\n");
}

TEST_CASE("encoding: unpaired UTF-16 surrogates and a dangling byte are replaced") {
  // BOM, 'A', lone high surrogate, 'B', pair for U+1F30D, lone low surrogate, half a unit.
  const std::string bytes("\xFF\xFE" "A\0" "\x00\xD8" "B\0" "\x3C\xD8\x0D\xDF" "\x00\xDC" "x", 15);
  const auto d = decode_to_utf8(bytes);
  REQUIRE(d.ok());
  CHECK(d.value().encoding == "UTF-16LE");
  CHECK(d.value().replaced == 3);
  CHECK(d.value().text == "A\uFFFDB🌍\uFFFD\uFFFD");
}

TEST_CASE("encoding: binary files are refused with an actionable message") {
  const auto png = decode_to_utf8(read_fixture("binary.png"));
  REQUIRE_FALSE(png.ok());
  CHECK(png.error() ==
        "this looks like a binary file (NUL bytes at offset 8), not text: Parallax reads plain "
        "text, HTML, JSON, JSON Lines and CSV");

  const auto nul = decode_to_utf8(std::string("Hello\0\0world", 12));  // NULs on both parities
  REQUIRE_FALSE(nul.ok());
  CHECK(nul.error().find("offset 5") != std::string::npos);

  const auto controls = decode_to_utf8("\x01\x02\x03\x04\x05\x06 data \x07\x08");
  REQUIRE_FALSE(controls.ok());
  CHECK(controls.error().find("8 control bytes, the first at offset 0") != std::string::npos);

  // One stray control character in real text is not binary.
  const auto text = decode_to_utf8("Seite 1\fSeite 2\x1A");
  REQUIRE(text.ok());
  CHECK(text.value().text == "Seite 1\fSeite 2\x1A");
}

TEST_CASE("encoding: UTF-32 is refused, not misread as UTF-16") {
  const auto le = decode_to_utf8(std::string("\xFF\xFE\0\0H\0\0\0", 8));
  REQUIRE_FALSE(le.ok());
  CHECK(le.error().find("UTF-32") != std::string::npos);
  const auto be = decode_to_utf8(std::string("\0\0\xFE\xFF\0\0\0H", 8));
  REQUIRE_FALSE(be.ok());
  CHECK(be.error().find("UTF-32") != std::string::npos);
}

TEST_CASE("encoding: line endings are normalised and plain UTF-8 passes through") {
  const auto d = decode_to_utf8("a\r\nb\rc\n\rd\r\n\r\nÄ");
  REQUIRE(d.ok());
  CHECK(d.value().encoding == "UTF-8");
  CHECK(d.value().text == "a\nb\nc\n\nd\n\nÄ");
  CHECK(d.value().replaced == 0);

  const auto empty = decode_to_utf8("");
  REQUIRE(empty.ok());
  CHECK(empty.value().text.empty());
  CHECK(empty.value().encoding == "UTF-8");

  const auto bom_only = decode_to_utf8("\xEF\xBB\xBF");
  REQUIRE(bom_only.ok());
  CHECK(bom_only.value().text.empty());
}
