// html_extract.cpp — see html_extract.h.
//
// Three linear steps over one token list, no regex, no DOM:
//   1. Tokenizer: '<'-driven scan into start/end tags (with attribute byte ranges), text,
//      raw text (script, style, title...) and CDATA. Anything that is not well-formed markup is
//      text or is skipped; a tag cut off by the end of the input is dropped, as browsers do.
//   2. PageReader::read_structure: a stack of open elements (an end tag closes up to its match,
//      a stray one is ignored) gives each element its token range, how much text it holds, and
//      whether it is chrome. Metadata is collected on the way.
//   3. PageReader::main_text: pick the best content container (or the whole page), protect the
//      chain of elements holding the main text, and render the range to paragraphs.
#include "html_extract.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace px {
namespace {

// ---- limits and word lists -------------------------------------------------------------------

// looks_like_html reads only this much: it is a sniff, not a parse.
constexpr size_t kSniffWindowBytes = 4096;
// ...and wants this many different common tags before it believes a page without a doctype.
constexpr int kMinDistinctSniffTags = 3;
// Tags the sniff counts. "a href" rather than "a": "<a" starts many plain-text words.
constexpr std::array<std::string_view, 7> kSniffTags = {"p", "div", "a href", "br",
                                                        "span", "body", "head"};

// Token and element positions are 32-bit; a longer input is cut here (no news page is 4 GB).
constexpr size_t kMaxInputBytes = 0xFFFFFFF0u;

// Longest entity name looked up; HTML 4's longest is 8 ("thetasym").
constexpr size_t kMaxEntityNameLength = 32;

// Class/id fragments that mark site chrome rather than article text: sharing widgets, comment
// threads, "related"/"more stories" teasers, sign-up boxes, consent banners, ads, navigation.
// They are matched as substrings of the lowercased class and id attributes, because themes
// glue words freely ("socialShareBar", "cookie-consent-banner", "relatedArticles"). Substrings
// over-match ("has-sidebar" on a page wrapper, "commentary"), so an element that holds the
// page's main text is never dropped for its class (see PageReader::protect_chain).
constexpr std::array<std::string_view, 15> kChromeClassWords = {
    "share",  "social", "comment", "related", "newsletter", "subscribe", "cookie",    "banner",
    "advert", "promo",  "sidebar", "menu",    "breadcrumb", "footer",    "header"};
// Inside an <article> the header is the article's own (headline, byline), not the site's.
constexpr std::string_view kHeaderWord = "header";

// <meta name=...> values that carry a publication date (after article:published_time).
constexpr std::array<std::string_view, 10> kDateMetaNames = {
    "date",         "pubdate",       "publishdate", "publish-date",  "publish_date",
    "dc.date",      "dc.date.issued", "dcterms.date", "dcterms.issued", "article.published"};

// A content candidate nested in another (articleBody in <article>, <article> in <main>)
// replaces it when it holds at least this share of its text: the rest of the outer element
// is then chrome its classes did not reveal (teaser lists, author boxes).
constexpr uint32_t kNestedCandidateMinPercent = 25;

// " | Site Name" suffixes removed from <title> when the name equals the site name.
constexpr std::array<std::string_view, 7> kTitleSeparators = {" | ", " - ", " \u2013 ",
                                                              " \u2014 ", " \u00B7 ", " :: ",
                                                              " \u00BB "};

// ---- characters ---------------------------------------------------------------------------

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
bool is_hex_digit(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
uint32_t hex_value(char c) {
  if (is_digit(c)) return static_cast<uint32_t>(c - '0');
  return static_cast<uint32_t>(ascii_lower(c) - 'a' + 10);
}

bool equals_ascii_ci(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}
bool starts_with_ascii_ci(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && equals_ascii_ci(s.substr(0, prefix.size()), prefix);
}
std::string ascii_lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}
std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}
// True if whitespace-separated `list` (class, rel, itemprop) has `word`, ignoring case.
bool has_word_ci(std::string_view list, std::string_view word) {
  size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && is_space(list[i])) ++i;
    size_t begin = i;
    while (i < list.size() && !is_space(list[i])) ++i;
    if (i > begin && equals_ascii_ci(list.substr(begin, i - begin), word)) return true;
  }
  return false;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// ---- entities -----------------------------------------------------------------------------

struct NamedEntity {
  std::string_view name;
  char32_t code_point;
};

// HTML 4's 252 named entities plus &apos;, sorted by byte value for binary search.
constexpr NamedEntity kNamedEntities[] = {
    {"AElig", 0x00C6}, {"Aacute", 0x00C1}, {"Acirc", 0x00C2}, {"Agrave", 0x00C0},
    {"Alpha", 0x0391}, {"Aring", 0x00C5}, {"Atilde", 0x00C3}, {"Auml", 0x00C4}, {"Beta", 0x0392},
    {"Ccedil", 0x00C7}, {"Chi", 0x03A7}, {"Dagger", 0x2021}, {"Delta", 0x0394}, {"ETH", 0x00D0},
    {"Eacute", 0x00C9}, {"Ecirc", 0x00CA}, {"Egrave", 0x00C8}, {"Epsilon", 0x0395},
    {"Eta", 0x0397}, {"Euml", 0x00CB}, {"Gamma", 0x0393}, {"Iacute", 0x00CD}, {"Icirc", 0x00CE},
    {"Igrave", 0x00CC}, {"Iota", 0x0399}, {"Iuml", 0x00CF}, {"Kappa", 0x039A}, {"Lambda", 0x039B},
    {"Mu", 0x039C}, {"Ntilde", 0x00D1}, {"Nu", 0x039D}, {"OElig", 0x0152}, {"Oacute", 0x00D3},
    {"Ocirc", 0x00D4}, {"Ograve", 0x00D2}, {"Omega", 0x03A9}, {"Omicron", 0x039F},
    {"Oslash", 0x00D8}, {"Otilde", 0x00D5}, {"Ouml", 0x00D6}, {"Phi", 0x03A6}, {"Pi", 0x03A0},
    {"Prime", 0x2033}, {"Psi", 0x03A8}, {"Rho", 0x03A1}, {"Scaron", 0x0160}, {"Sigma", 0x03A3},
    {"THORN", 0x00DE}, {"Tau", 0x03A4}, {"Theta", 0x0398}, {"Uacute", 0x00DA}, {"Ucirc", 0x00DB},
    {"Ugrave", 0x00D9}, {"Upsilon", 0x03A5}, {"Uuml", 0x00DC}, {"Xi", 0x039E}, {"Yacute", 0x00DD},
    {"Yuml", 0x0178}, {"Zeta", 0x0396}, {"aacute", 0x00E1}, {"acirc", 0x00E2}, {"acute", 0x00B4},
    {"aelig", 0x00E6}, {"agrave", 0x00E0}, {"alefsym", 0x2135}, {"alpha", 0x03B1}, {"amp", 0x0026},
    {"and", 0x2227}, {"ang", 0x2220}, {"apos", 0x0027}, {"aring", 0x00E5}, {"asymp", 0x2248},
    {"atilde", 0x00E3}, {"auml", 0x00E4}, {"bdquo", 0x201E}, {"beta", 0x03B2}, {"brvbar", 0x00A6},
    {"bull", 0x2022}, {"cap", 0x2229}, {"ccedil", 0x00E7}, {"cedil", 0x00B8}, {"cent", 0x00A2},
    {"chi", 0x03C7}, {"circ", 0x02C6}, {"clubs", 0x2663}, {"cong", 0x2245}, {"copy", 0x00A9},
    {"crarr", 0x21B5}, {"cup", 0x222A}, {"curren", 0x00A4}, {"dArr", 0x21D3}, {"dagger", 0x2020},
    {"darr", 0x2193}, {"deg", 0x00B0}, {"delta", 0x03B4}, {"diams", 0x2666}, {"divide", 0x00F7},
    {"eacute", 0x00E9}, {"ecirc", 0x00EA}, {"egrave", 0x00E8}, {"empty", 0x2205}, {"emsp", 0x2003},
    {"ensp", 0x2002}, {"epsilon", 0x03B5}, {"equiv", 0x2261}, {"eta", 0x03B7}, {"eth", 0x00F0},
    {"euml", 0x00EB}, {"euro", 0x20AC}, {"exist", 0x2203}, {"fnof", 0x0192}, {"forall", 0x2200},
    {"frac12", 0x00BD}, {"frac14", 0x00BC}, {"frac34", 0x00BE}, {"frasl", 0x2044},
    {"gamma", 0x03B3}, {"ge", 0x2265}, {"gt", 0x003E}, {"hArr", 0x21D4}, {"harr", 0x2194},
    {"hearts", 0x2665}, {"hellip", 0x2026}, {"iacute", 0x00ED}, {"icirc", 0x00EE},
    {"iexcl", 0x00A1}, {"igrave", 0x00EC}, {"image", 0x2111}, {"infin", 0x221E}, {"int", 0x222B},
    {"iota", 0x03B9}, {"iquest", 0x00BF}, {"isin", 0x2208}, {"iuml", 0x00EF}, {"kappa", 0x03BA},
    {"lArr", 0x21D0}, {"lambda", 0x03BB}, {"lang", 0x2329}, {"laquo", 0x00AB}, {"larr", 0x2190},
    {"lceil", 0x2308}, {"ldquo", 0x201C}, {"le", 0x2264}, {"lfloor", 0x230A}, {"lowast", 0x2217},
    {"loz", 0x25CA}, {"lrm", 0x200E}, {"lsaquo", 0x2039}, {"lsquo", 0x2018}, {"lt", 0x003C},
    {"macr", 0x00AF}, {"mdash", 0x2014}, {"micro", 0x00B5}, {"middot", 0x00B7}, {"minus", 0x2212},
    {"mu", 0x03BC}, {"nabla", 0x2207}, {"nbsp", 0x00A0}, {"ndash", 0x2013}, {"ne", 0x2260},
    {"ni", 0x220B}, {"not", 0x00AC}, {"notin", 0x2209}, {"nsub", 0x2284}, {"ntilde", 0x00F1},
    {"nu", 0x03BD}, {"oacute", 0x00F3}, {"ocirc", 0x00F4}, {"oelig", 0x0153}, {"ograve", 0x00F2},
    {"oline", 0x203E}, {"omega", 0x03C9}, {"omicron", 0x03BF}, {"oplus", 0x2295}, {"or", 0x2228},
    {"ordf", 0x00AA}, {"ordm", 0x00BA}, {"oslash", 0x00F8}, {"otilde", 0x00F5}, {"otimes", 0x2297},
    {"ouml", 0x00F6}, {"para", 0x00B6}, {"part", 0x2202}, {"permil", 0x2030}, {"perp", 0x22A5},
    {"phi", 0x03C6}, {"pi", 0x03C0}, {"piv", 0x03D6}, {"plusmn", 0x00B1}, {"pound", 0x00A3},
    {"prime", 0x2032}, {"prod", 0x220F}, {"prop", 0x221D}, {"psi", 0x03C8}, {"quot", 0x0022},
    {"rArr", 0x21D2}, {"radic", 0x221A}, {"rang", 0x232A}, {"raquo", 0x00BB}, {"rarr", 0x2192},
    {"rceil", 0x2309}, {"rdquo", 0x201D}, {"real", 0x211C}, {"reg", 0x00AE}, {"rfloor", 0x230B},
    {"rho", 0x03C1}, {"rlm", 0x200F}, {"rsaquo", 0x203A}, {"rsquo", 0x2019}, {"sbquo", 0x201A},
    {"scaron", 0x0161}, {"sdot", 0x22C5}, {"sect", 0x00A7}, {"shy", 0x00AD}, {"sigma", 0x03C3},
    {"sigmaf", 0x03C2}, {"sim", 0x223C}, {"spades", 0x2660}, {"sub", 0x2282}, {"sube", 0x2286},
    {"sum", 0x2211}, {"sup", 0x2283}, {"sup1", 0x00B9}, {"sup2", 0x00B2}, {"sup3", 0x00B3},
    {"supe", 0x2287}, {"szlig", 0x00DF}, {"tau", 0x03C4}, {"there4", 0x2234}, {"theta", 0x03B8},
    {"thetasym", 0x03D1}, {"thinsp", 0x2009}, {"thorn", 0x00FE}, {"tilde", 0x02DC},
    {"times", 0x00D7}, {"trade", 0x2122}, {"uArr", 0x21D1}, {"uacute", 0x00FA}, {"uarr", 0x2191},
    {"ucirc", 0x00FB}, {"ugrave", 0x00F9}, {"uml", 0x00A8}, {"upsih", 0x03D2}, {"upsilon", 0x03C5},
    {"uuml", 0x00FC}, {"weierp", 0x2118}, {"xi", 0x03BE}, {"yacute", 0x00FD}, {"yen", 0x00A5},
    {"yuml", 0x00FF}, {"zeta", 0x03B6}, {"zwj", 0x200D}, {"zwnj", 0x200C},
};
constexpr bool entity_name_less(const NamedEntity& a, const NamedEntity& b) {
  return a.name < b.name;
}
static_assert(std::is_sorted(std::begin(kNamedEntities), std::end(kNamedEntities),
                             entity_name_less),
              "kNamedEntities must stay sorted for binary search");

// Names that old pages write without the ';' and browsers still decode.
constexpr std::array<std::string_view, 7> kEntitiesWithoutSemicolon = {
    "amp", "lt", "gt", "quot", "nbsp", "copy", "reg"};

// &#128;..&#159; mean Windows-1252 characters on real pages (&#150; is an en dash), as the
// HTML standard says; the five holes in Windows-1252 are invalid.
constexpr char32_t kWindows1252C1[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

constexpr char32_t kReplacementCharacter = 0xFFFD;

const NamedEntity* find_named_entity(std::string_view name) {
  const NamedEntity probe{name, 0};
  const NamedEntity* it = std::lower_bound(std::begin(kNamedEntities), std::end(kNamedEntities),
                                           probe, entity_name_less);
  if (it == std::end(kNamedEntities) || it->name != name) return nullptr;
  return it;
}

char32_t numeric_reference_code_point(uint32_t value) {
  if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
    return kReplacementCharacter;
  if (value >= 0x80 && value <= 0x9F) return kWindows1252C1[value - 0x80];
  const bool control = (value < 0x20 && value != '\t' && value != '\n' && value != '\r' &&
                        value != '\f') || value == 0x7F;
  return control ? kReplacementCharacter : static_cast<char32_t>(value);
}

// What a decoded reference contributes to the text: a no-break space is a space for every
// later stage, and a soft hyphen would only split words.
void append_reference(std::string& out, char32_t cp) {
  if (cp == 0xA0) {
    out += ' ';
  } else if (cp != 0xAD) {
    append_utf8(out, cp);
  }
}

// Decodes the reference starting at s[amp] == '&' into `out`; returns the bytes it used, or 0
// when it is not a reference (the '&' is then literal).
size_t decode_reference_at(std::string_view s, size_t amp, std::string& out) {
  size_t p = amp + 1;
  if (p < s.size() && s[p] == '#') {
    ++p;
    const bool hex = p < s.size() && (s[p] == 'x' || s[p] == 'X');
    if (hex) ++p;
    const size_t digits_begin = p;
    uint32_t value = 0;
    while (p < s.size() && (hex ? is_hex_digit(s[p]) : is_digit(s[p]))) {
      if (value <= 0x10FFFF) value = value * (hex ? 16u : 10u) + hex_value(s[p]);  // no overflow
      ++p;
    }
    if (p == digits_begin) return 0;
    if (p < s.size() && s[p] == ';') ++p;
    append_reference(out, numeric_reference_code_point(value));
    return p - amp;
  }
  const size_t name_begin = p;
  while (p < s.size() && p - name_begin < kMaxEntityNameLength && is_alnum(s[p])) ++p;
  const std::string_view name = s.substr(name_begin, p - name_begin);
  if (name.empty()) return 0;
  const bool semicolon = p < s.size() && s[p] == ';';
  if (!semicolon) {
    // "&copy=2" in a URL is a parameter, not a symbol.
    const bool legacy = std::find(kEntitiesWithoutSemicolon.begin(),
                                  kEntitiesWithoutSemicolon.end(),
                                  name) != kEntitiesWithoutSemicolon.end();
    if (!legacy || (p < s.size() && (s[p] == '=' || is_alnum(s[p])))) return 0;
  }
  const NamedEntity* entity = find_named_entity(name);
  if (!entity) return 0;
  append_reference(out, entity->code_point);
  return p - amp + (semicolon ? 1 : 0);
}

void append_decoded(std::string_view s, std::string& out) {
  size_t i = 0;
  while (i < s.size()) {
    const size_t amp = s.find('&', i);
    if (amp == std::string_view::npos) {
      out.append(s.substr(i));
      return;
    }
    out.append(s.substr(i, amp - i));
    const size_t used = decode_reference_at(s, amp, out);
    if (used == 0) {
      out += '&';
      i = amp + 1;
    } else {
      i = amp + used;
    }
  }
}

// ---- paragraphs ---------------------------------------------------------------------------

// Appends text with whitespace runs collapsed to one space; a paragraph break becomes "\n\n"
// (or a space, for one-line values) but only between two pieces of text, so the result is
// trimmed and has no empty paragraphs.
class ParagraphWriter {
 public:
  explicit ParagraphWriter(std::string& out, bool breaks_as_spaces = false)
      : out_(out), breaks_as_spaces_(breaks_as_spaces) {}

  void paragraph_break() { pending_break_ = true; }

  void text(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
      if (const size_t space = space_length(s, i)) {
        pending_space_ = true;
        i += space;
        continue;
      }
      if (is_soft_hyphen(s, i)) {
        i += kSoftHyphenLength;
        continue;
      }
      size_t run_end = i + 1;
      while (run_end < s.size() && space_length(s, run_end) == 0 && !is_soft_hyphen(s, run_end))
        ++run_end;
      if (!out_.empty()) {
        if (pending_break_) {
          out_ += breaks_as_spaces_ ? " " : "\n\n";
        } else if (pending_space_) {
          out_ += ' ';
        }
      }
      pending_break_ = pending_space_ = false;
      out_.append(s.substr(i, run_end - i));
      i = run_end;
    }
  }

 private:
  static constexpr size_t kSoftHyphenLength = 2;  // U+00AD in UTF-8: C2 AD
  // Length of the whitespace at s[i], 0 if none. U+00A0 counts, as it does written &nbsp;.
  static size_t space_length(std::string_view s, size_t i) {
    if (is_space(s[i])) return 1;
    return (s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') ? 2 : 0;
  }
  // Soft hyphens only mark where a word may break; kept, they would split it for later stages.
  static bool is_soft_hyphen(std::string_view s, size_t i) {
    return s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xAD';
  }

  std::string& out_;
  bool breaks_as_spaces_;
  bool pending_break_ = false;
  bool pending_space_ = false;
};

// Decoded, whitespace-collapsed, trimmed: for attribute values and titles.
std::string clean_value(std::string_view raw) {
  std::string decoded;
  append_decoded(raw, decoded);
  std::string out;
  ParagraphWriter writer(out, /*breaks_as_spaces=*/true);
  writer.text(decoded);
  return out;
}

// ---- tags ---------------------------------------------------------------------------------

enum TagFlag : uint16_t {
  kVoid = 1 << 0,              // no content, no end tag (br, img, meta)
  kBlock = 1 << 1,             // its start and end end a paragraph
  kHardDrop = 1 << 2,          // never article text: code, media, controls, navigation
  kSoftDrop = 1 << 3,          // site chrome unless it holds the main text (see protect)
  kRawText = 1 << 4,           // content is not markup: read up to the matching close tag
  kDecodeRawText = 1 << 5,     // ...with entities decoded (title, textarea)
  kContentCandidate = 1 << 6,  // may hold the article: <article>, <main>
  kArticleLike = 1 << 7,       // a <header> inside it belongs to the article
  kClassRuleExempt = 1 << 8,   // structural; never dropped for its class or id
};

struct TagSpec {
  std::string_view name;
  uint16_t flags;
};

// The tags with a meaning here; any other tag is an inline wrapper for its text. A soft drop
// is dropped unless it is (or holds) the page's main text: some CMSs wrap the whole page in a
// <form> (ASP.NET), and <header> inside an <article> holds the headline.
constexpr TagSpec kKnownTags[] = {
    {"html", kBlock | kClassRuleExempt},
    {"body", kBlock | kClassRuleExempt},
    {"head", 0},
    {"article", kBlock | kContentCandidate | kArticleLike | kClassRuleExempt},
    {"main", kBlock | kContentCandidate | kClassRuleExempt},
    {"p", kBlock}, {"div", kBlock}, {"section", kBlock}, {"blockquote", kBlock},
    {"h1", kBlock}, {"h2", kBlock}, {"h3", kBlock}, {"h4", kBlock}, {"h5", kBlock}, {"h6", kBlock},
    {"ul", kBlock}, {"ol", kBlock}, {"li", kBlock}, {"dl", kBlock}, {"dd", kBlock}, {"dt", kBlock},
    {"pre", kBlock}, {"figure", kBlock}, {"figcaption", kBlock}, {"address", kBlock},
    {"table", kBlock}, {"caption", kBlock}, {"thead", kBlock}, {"tbody", kBlock},
    {"tfoot", kBlock}, {"tr", kBlock}, {"td", kBlock}, {"th", kBlock},
    {"center", kBlock}, {"details", kBlock}, {"summary", kBlock}, {"fieldset", kBlock},
    {"legend", kBlock}, {"hgroup", kBlock},
    {"br", kVoid | kBlock}, {"hr", kVoid | kBlock},
    {"area", kVoid}, {"base", kVoid}, {"col", kVoid}, {"embed", kVoid}, {"img", kVoid},
    {"input", kVoid}, {"link", kVoid}, {"meta", kVoid}, {"param", kVoid}, {"source", kVoid},
    {"track", kVoid}, {"wbr", kVoid}, {"keygen", kVoid},
    {"script", kHardDrop | kRawText}, {"style", kHardDrop | kRawText},
    {"noscript", kHardDrop | kRawText}, {"iframe", kHardDrop | kRawText},
    {"noembed", kHardDrop | kRawText}, {"noframes", kHardDrop | kRawText},
    {"title", kHardDrop | kRawText | kDecodeRawText},
    {"textarea", kHardDrop | kRawText | kDecodeRawText},
    {"template", kHardDrop | kBlock}, {"svg", kHardDrop}, {"button", kHardDrop},
    {"select", kHardDrop}, {"object", kHardDrop}, {"canvas", kHardDrop},
    {"video", kHardDrop | kBlock}, {"audio", kHardDrop | kBlock},
    {"nav", kHardDrop | kBlock},
    {"header", kSoftDrop | kBlock}, {"footer", kSoftDrop | kBlock}, {"aside", kSoftDrop | kBlock},
    {"form", kSoftDrop | kBlock}, {"dialog", kSoftDrop | kBlock},
    {"xmp", kBlock | kRawText},
};

constexpr uint32_t kNoTag = 0xFFFFFFFFu;
constexpr uint32_t known_tag(std::string_view name) {
  for (uint32_t i = 0; i < std::size(kKnownTags); ++i)
    if (kKnownTags[i].name == name) return i;
  return kNoTag;
}
constexpr uint32_t kTagHtml = known_tag("html");
constexpr uint32_t kTagP = known_tag("p");
constexpr uint32_t kTagH1 = known_tag("h1");
constexpr uint32_t kTagHeader = known_tag("header");
constexpr uint32_t kTagMeta = known_tag("meta");
constexpr uint32_t kTagLink = known_tag("link");
constexpr uint32_t kTagTitle = known_tag("title");
constexpr uint32_t kTagScript = known_tag("script");
static_assert(kTagHtml != kNoTag && kTagP != kNoTag && kTagH1 != kNoTag && kTagHeader != kNoTag &&
              kTagMeta != kNoTag && kTagLink != kNoTag && kTagTitle != kNoTag &&
              kTagScript != kNoTag);

// Lowercased tag names to small ids; the known tags come first, in kKnownTags order. An
// open-addressing table: this runs once per tag, and pages have hundreds of thousands.
class TagTable {
 public:
  TagTable() : slots_(kInitialSlots, kNoTag) {
    for (const TagSpec& spec : kKnownTags) add(spec.name, spec.flags);
  }
  uint32_t intern(std::string_view raw_name) {
    lowered_.assign(raw_name);
    for (char& c : lowered_) c = ascii_lower(c);
    const size_t slot = find_slot(lowered_);
    return slots_[slot] != kNoTag ? slots_[slot] : add(lowered_, 0);
  }
  uint16_t flags(uint32_t id) const { return flags_[id]; }
  const std::string& name(uint32_t id) const { return names_[id]; }
  size_t size() const { return names_.size(); }

 private:
  static constexpr size_t kInitialSlots = 512;  // power of two, well above kKnownTags

  static uint64_t hash(std::string_view name) {  // FNV-1a
    uint64_t h = 14695981039346656037ull;
    for (char c : name) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return h;
  }
  size_t find_slot(std::string_view name) const {
    const size_t mask = slots_.size() - 1;
    for (size_t i = hash(name) & mask;; i = (i + 1) & mask)
      if (slots_[i] == kNoTag || names_[slots_[i]] == name) return i;
  }
  uint32_t add(std::string_view name, uint16_t flags) {
    const uint32_t id = static_cast<uint32_t>(names_.size());
    names_.emplace_back(name);
    flags_.push_back(flags);
    if (names_.size() * 2 > slots_.size()) {  // keep at most half full
      std::vector<uint32_t> old(slots_.size() * 2, kNoTag);
      old.swap(slots_);
      for (uint32_t existing : old)
        if (existing != kNoTag) slots_[find_slot(names_[existing])] = existing;
    }
    slots_[find_slot(names_[id])] = id;
    return id;
  }

  std::vector<uint32_t> slots_;  // tag ids, kNoTag when empty
  std::vector<std::string> names_;
  std::vector<uint16_t> flags_;
  std::string lowered_;
};

// ---- tokens -------------------------------------------------------------------------------

enum class TokenKind : uint8_t { StartTag, EndTag, Text, RawText, Cdata };

struct Attribute {
  uint32_t name_begin = 0, name_end = 0;    // byte range of the name as written
  uint32_t value_begin = 0, value_end = 0;  // raw value, quotes excluded; empty if none
};

struct Token {
  TokenKind kind = TokenKind::Text;
  bool self_closing = false;     // StartTag written "<x/>"
  uint32_t tag = 0;              // StartTag, EndTag; RawText: the element it is inside
  uint32_t begin = 0, end = 0;   // bytes: text content, or the whole tag
  uint32_t first_attribute = 0;  // StartTag: its attributes in the attribute list
  uint32_t attribute_count = 0;
  int32_t element = -1;          // StartTag: its element, -1 if it has no content
};

class Tokenizer {
 public:
  Tokenizer(std::string_view html, TagTable& tags, std::vector<Token>& tokens,
            std::vector<Attribute>& attributes)
      : s_(html), tags_(tags), tokens_(tokens), attributes_(attributes) {}

  void run() {
    size_t pos = 0;
    while (pos < s_.size()) {
      const void* hit = std::memchr(s_.data() + pos, '<', s_.size() - pos);
      if (!hit) break;
      pos = read_markup(static_cast<size_t>(static_cast<const char*>(hit) - s_.data()));
    }
    flush_text(s_.size());
  }

 private:
  static constexpr size_t npos = std::string_view::npos;

  bool at(size_t pos, std::string_view literal) const {
    return s_.size() - pos >= literal.size() && s_.compare(pos, literal.size(), literal) == 0;
  }
  // Position just after the next `terminator` at or after `from`, or the end of the input.
  size_t past(std::string_view terminator, size_t from) const {
    const size_t found = s_.find(terminator, from);
    return found == npos ? s_.size() : found + terminator.size();
  }
  size_t resume_text_at(size_t pos) {
    text_start_ = pos;
    return pos;
  }
  void flush_text(size_t end) {
    if (end > text_start_) push(TokenKind::Text, text_start_, end);
    text_start_ = end;
  }
  void push(TokenKind kind, size_t begin, size_t end, uint32_t tag = 0) {
    Token t;
    t.kind = kind;
    t.tag = tag;
    t.begin = static_cast<uint32_t>(begin);
    t.end = static_cast<uint32_t>(end);
    tokens_.push_back(t);
  }

  // Handles the '<' at `lt`; returns where scanning continues. A '<' that starts no markup
  // ("a < b", "<3") stays in the text.
  size_t read_markup(size_t lt) {
    if (lt + 1 >= s_.size()) return s_.size();
    const char next = s_[lt + 1];
    if (next == '!') {
      flush_text(lt);
      if (at(lt, "<!--")) return read_comment(lt + 4);
      if (s_.size() - lt >= 9 && equals_ascii_ci(s_.substr(lt, 9), "<![CDATA[")) {
        const size_t close = s_.find("]]>", lt + 9);
        const size_t content_end = close == npos ? s_.size() : close;
        if (content_end > lt + 9) push(TokenKind::Cdata, lt + 9, content_end);
        return resume_text_at(close == npos ? s_.size() : close + 3);
      }
      return resume_text_at(past(">", lt + 2));  // doctype, or a bogus comment
    }
    if (next == '?') {  // <?xml ...?>
      flush_text(lt);
      return resume_text_at(past(">", lt + 2));
    }
    if (next == '/') {
      if (lt + 2 < s_.size() && is_alpha(s_[lt + 2])) return read_tag(lt, /*end_tag=*/true);
      if (lt + 2 < s_.size() && s_[lt + 2] == '>') {  // "</>" means nothing
        flush_text(lt);
        return resume_text_at(lt + 3);
      }
      return lt + 1;
    }
    if (is_alpha(next)) return read_tag(lt, /*end_tag=*/false);
    return lt + 1;
  }

  // `body` is just after "<!--". An unclosed comment runs to the end, as in browsers.
  size_t read_comment(size_t body) {
    if (at(body, ">")) return resume_text_at(body + 1);   // "<!-->"
    if (at(body, "->")) return resume_text_at(body + 2);  // "<!--->"
    return resume_text_at(past("-->", body));
  }

  size_t read_tag(size_t lt, bool end_tag) {
    Token t;
    t.kind = end_tag ? TokenKind::EndTag : TokenKind::StartTag;
    t.begin = static_cast<uint32_t>(lt);
    t.first_attribute = static_cast<uint32_t>(attributes_.size());
    const size_t after = read_tag_body(lt + (end_tag ? 2 : 1), t);
    flush_text(lt);
    if (after == npos || end_tag) attributes_.resize(t.first_attribute);
    if (after == npos) return resume_text_at(s_.size());  // cut off by the end: dropped
    t.attribute_count = static_cast<uint32_t>(attributes_.size()) - t.first_attribute;
    t.end = static_cast<uint32_t>(after);
    tokens_.push_back(t);
    if (!end_tag && (tags_.flags(t.tag) & kRawText) && !t.self_closing)
      return read_raw_text(after, t.tag);
    return resume_text_at(after);
  }

  // Reads name and attributes from `p`; returns the position after '>', or npos if the input
  // ends first.
  size_t read_tag_body(size_t p, Token& t) {
    const size_t name_begin = p;
    while (p < s_.size() && !is_space(s_[p]) && s_[p] != '/' && s_[p] != '>') ++p;
    t.tag = tags_.intern(s_.substr(name_begin, p - name_begin));
    for (;;) {
      while (p < s_.size() && (is_space(s_[p]) || s_[p] == '/')) {
        if (s_[p] == '/' && p + 1 < s_.size() && s_[p + 1] == '>') t.self_closing = true;
        ++p;
      }
      if (p >= s_.size()) return npos;
      if (s_[p] == '>') return p + 1;
      Attribute a;
      a.name_begin = static_cast<uint32_t>(p);
      ++p;  // the first character may be '=' ("<a =x>")
      while (p < s_.size() && !is_space(s_[p]) && s_[p] != '/' && s_[p] != '>' && s_[p] != '=')
        ++p;
      a.name_end = static_cast<uint32_t>(p);
      size_t q = p;
      while (q < s_.size() && is_space(s_[q])) ++q;
      if (q < s_.size() && s_[q] == '=') {
        p = q + 1;
        while (p < s_.size() && is_space(s_[p])) ++p;
        if (p >= s_.size()) return npos;
        if (s_[p] == '"' || s_[p] == '\'') {
          const size_t close = s_.find(s_[p], p + 1);
          if (close == npos) return npos;
          a.value_begin = static_cast<uint32_t>(p + 1);
          a.value_end = static_cast<uint32_t>(close);
          p = close + 1;
        } else {
          a.value_begin = static_cast<uint32_t>(p);
          while (p < s_.size() && !is_space(s_[p]) && s_[p] != '>') ++p;
          a.value_end = static_cast<uint32_t>(p);
        }
      } else {
        a.value_begin = a.value_end = static_cast<uint32_t>(p);
      }
      attributes_.push_back(a);
    }
  }

  // Content of script/style/title/...: everything up to "</name" (any case) followed by a
  // space, '/' or '>'; without one, the rest of the input.
  size_t read_raw_text(size_t content_begin, uint32_t tag) {
    const std::string& name = tags_.name(tag);
    size_t from = content_begin;
    size_t close = s_.size();
    for (;;) {
      const size_t k = s_.find("</", from);
      if (k == npos) break;
      const size_t after_name = k + 2 + name.size();
      if (after_name <= s_.size() && equals_ascii_ci(s_.substr(k + 2, name.size()), name) &&
          (after_name == s_.size() || is_space(s_[after_name]) || s_[after_name] == '/' ||
           s_[after_name] == '>')) {
        close = k;
        break;
      }
      from = k + 2;
    }
    if (close > content_begin) push(TokenKind::RawText, content_begin, close, tag);
    return resume_text_at(close);
  }

  std::string_view s_;
  TagTable& tags_;
  std::vector<Token>& tokens_;
  std::vector<Attribute>& attributes_;
  size_t text_start_ = 0;
};

// ---- structure, choice, rendering ---------------------------------------------------------

struct Element {
  uint32_t tag = 0;
  int32_t parent = -1;
  int32_t enclosing_candidate = -1;  // nearest live content candidate around it
  uint32_t start_token = 0;
  uint32_t content_end = 0;   // first token after its content: its end tag or what closed it
  uint32_t resume_token = 0;  // first token after the element, its own end tag included
  uint32_t text_bytes = 0;    // bytes of trimmed text inside (hard drops excluded)
  uint32_t paragraph_bytes = 0;  // of those, directly inside it or in its child <p>s
  bool hard_drop = false;     // never text: script, nav, hidden...
  bool soft_drop = false;     // chrome (header/aside/form, chrome class) unless protected
  bool chrome_tag = false;    // soft_drop because of its tag: never the main text container
  bool inside_hard_drop = false;
  bool live_candidate = false;  // article/main/articleBody/role=main not inside a hard drop
};

// The attributes every start tag is checked for, gathered in one pass over its attributes.
struct CommonAttributes {
  std::string_view class_list, id, style, itemprop, role;
  bool hidden = false;
};

struct TimeStamp {
  uint32_t token = 0;
  bool in_chrome = false;  // inside a drop when it opened (a header's "today" date)
};

class PageReader {
 public:
  // Dense markup has a token every 15-30 bytes; reserving avoids most regrowth copies.
  static constexpr size_t kBytesPerTokenEstimate = 16;

  explicit PageReader(std::string_view html) : html_(html) {
    tokens_.reserve(html.size() / kBytesPerTokenEstimate + 16);
    Tokenizer(html, tags_, tokens_, attributes_).run();
    read_structure();
  }

  // The rendered main text; also decides best_candidate_ (used for the date).
  std::string main_text() {
    const int32_t anchor = densest_paragraph_container();
    best_candidate_ = best_content_candidate(anchor);
    protected_.assign(elements_.size(), false);
    protect_chain(anchor);
    protect_chain(best_candidate_);
    if (best_candidate_ >= 0) {
      const Element& best = elements_[best_candidate_];
      std::string text = render(best.start_token + 1, best.content_end, /*drop_chrome=*/true);
      if (!text.empty()) return text;
      best_candidate_ = -1;
    }
    const uint32_t all = static_cast<uint32_t>(tokens_.size());
    std::string text = render(0, all, /*drop_chrome=*/true);
    // Chrome is all there is (a bare list of links, say): better it than nothing.
    if (text.empty()) text = render(0, all, /*drop_chrome=*/false);
    return text;
  }

  std::string title() const {
    if (!og_title_.empty()) return og_title_;
    if (!title_tag_.empty()) return strip_site_suffix(title_tag_, site_name());
    for (int32_t h1 : {first_clean_h1_, first_h1_}) {
      if (h1 < 0) continue;
      const Element& e = elements_[h1];
      std::string text = render(e.start_token + 1, e.content_end, false, /*one_line=*/true);
      if (!text.empty()) return text;
    }
    return {};
  }
  std::string site_name() const {
    return !og_site_name_.empty() ? og_site_name_ : application_name_;
  }
  std::string url() const { return !canonical_.empty() ? canonical_ : og_url_; }
  std::string language() const {
    for (const std::string* tag : {&html_lang_, &content_language_, &og_locale_}) {
      std::string primary = primary_language_subtag(*tag);
      if (!primary.empty()) return primary;
    }
    return {};
  }
  // Call after main_text(): a <time> in the chosen article (or the nearest candidate around
  // it: the byline often sits outside articleBody) beats one in the page's top bar.
  std::string published() const {
    for (const std::string* value :
         {&article_published_time_, &date_meta_, &item_date_published_, &json_ld_published_})
      if (!value->empty()) return *value;
    const TimeStamp* chosen = nullptr;
    for (int32_t c = best_candidate_; c >= 0 && !chosen; c = elements_[c].enclosing_candidate) {
      const Element& candidate = elements_[c];
      // times_ is in token order: the first one after the candidate's start, if inside it.
      const auto first = std::lower_bound(
          times_.begin(), times_.end(), candidate.start_token,
          [](const TimeStamp& t, uint32_t token) { return t.token <= token; });
      if (first != times_.end() && first->token < candidate.content_end) chosen = &*first;
    }
    for (size_t i = 0; i < times_.size() && !chosen; ++i)
      if (!times_[i].in_chrome) chosen = &times_[i];
    if (!chosen && !times_.empty()) chosen = &times_.front();
    if (!chosen) return {};
    return clean_value(attribute(tokens_[chosen->token], "datetime").value_or(""));
  }

 private:
  // -- attributes --

  std::optional<std::string_view> attribute(const Token& t, std::string_view lowercase_name) const {
    for (uint32_t i = 0; i < t.attribute_count; ++i) {
      const Attribute& a = attributes_[t.first_attribute + i];
      if (equals_ascii_ci(html_.substr(a.name_begin, a.name_end - a.name_begin), lowercase_name))
        return html_.substr(a.value_begin, a.value_end - a.value_begin);
    }
    return std::nullopt;
  }
  std::string_view attribute_or_empty(const Token& t, std::string_view name) const {
    return attribute(t, name).value_or(std::string_view());
  }

  CommonAttributes common_attributes(const Token& t) const {
    CommonAttributes found;
    for (uint32_t i = t.attribute_count; i-- > 0;) {  // backwards: the first one written wins
      const Attribute& a = attributes_[t.first_attribute + i];
      const std::string_view name = html_.substr(a.name_begin, a.name_end - a.name_begin);
      const std::string_view value = html_.substr(a.value_begin, a.value_end - a.value_begin);
      if (equals_ascii_ci(name, "class")) found.class_list = value;
      else if (equals_ascii_ci(name, "id")) found.id = value;
      else if (equals_ascii_ci(name, "style")) found.style = value;
      else if (equals_ascii_ci(name, "itemprop")) found.itemprop = value;
      else if (equals_ascii_ci(name, "role")) found.role = value;
      else if (equals_ascii_ci(name, "hidden")) found.hidden = true;
    }
    return found;
  }

  bool hidden(const CommonAttributes& a) {
    if (a.hidden) return true;
    if (a.style.empty()) return false;
    lowered_.clear();
    for (char c : a.style)
      if (!is_space(c)) lowered_ += ascii_lower(c);
    return lowered_.find("display:none") != std::string::npos ||
           lowered_.find("visibility:hidden") != std::string::npos;
  }

  bool has_chrome_class(const CommonAttributes& a, bool inside_article) {
    for (std::string_view value : {a.class_list, a.id}) {
      if (value.empty()) continue;
      lowered_.assign(value);
      for (char& c : lowered_) c = ascii_lower(c);
      for (std::string_view word : kChromeClassWords) {
        if (inside_article && word == kHeaderWord) continue;
        if (lowered_.find(word) != std::string::npos) return true;
      }
    }
    return false;
  }

  // -- step 2: structure and metadata --

  void read_structure() {
    open_count_.assign(tags_.size(), 0);
    for (uint32_t i = 0; i < tokens_.size(); ++i) {
      Token& t = tokens_[i];
      switch (t.kind) {
        case TokenKind::StartTag: {
          const CommonAttributes common = common_attributes(t);
          collect_metadata(t, common, i);
          if (!(tags_.flags(t.tag) & kVoid) && !t.self_closing) open_element(i, common);
          break;
        }
        case TokenKind::EndTag:
          close_elements(t.tag, i);
          break;
        case TokenKind::Text:
        case TokenKind::Cdata:
          count_text(t);
          break;
        case TokenKind::RawText:
          read_raw_text_metadata(i);
          if (!(tags_.flags(t.tag) & kHardDrop)) count_text(t);
          break;
      }
    }
    const uint32_t all = static_cast<uint32_t>(tokens_.size());
    while (!stack_.empty()) finish_top(all, all);
  }

  // Text size counts the trimmed length: only comparisons between elements use it, and most
  // text tokens are indentation between tags.
  void count_text(const Token& t) {
    if (hard_depth_ > 0 || stack_.empty()) return;
    const uint32_t visible = static_cast<uint32_t>(
        trim(html_.substr(t.begin, t.end - t.begin)).size());
    Element& top = elements_[stack_.back()];
    top.text_bytes += visible;
    top.paragraph_bytes += visible;
  }

  void open_element(uint32_t token_index, const CommonAttributes& common) {
    Token& t = tokens_[token_index];
    const uint16_t flags = tags_.flags(t.tag);
    const int32_t index = static_cast<int32_t>(elements_.size());
    Element e;
    e.tag = t.tag;
    e.parent = stack_.empty() ? -1 : stack_.back();
    e.start_token = token_index;
    e.inside_hard_drop = hard_depth_ > 0;
    e.hard_drop = (flags & kHardDrop) || hidden(common);
    const bool article_body = has_word_ci(common.itemprop, "articleBody");
    const bool candidate = (flags & kContentCandidate) || article_body ||
                           equals_ascii_ci(trim(common.role), "main");
    const bool article_like = (flags & kArticleLike) || article_body;
    const bool inside_article = article_depth_ > 0;
    const bool soft_tag = (flags & kSoftDrop) && !(t.tag == kTagHeader && inside_article);
    const bool class_exempt = (flags & kClassRuleExempt) || candidate;
    e.chrome_tag = soft_tag;
    e.soft_drop = soft_tag || (!class_exempt && has_chrome_class(common, inside_article));
    if (t.tag == kTagH1 && hard_depth_ == 0) {
      if (first_h1_ < 0) first_h1_ = index;
      if (first_clean_h1_ < 0 && soft_depth_ == 0 && !e.soft_drop) first_clean_h1_ = index;
    }
    if (candidate && !e.hard_drop && !e.inside_hard_drop) {
      e.live_candidate = true;
      e.enclosing_candidate = open_candidates_.empty() ? -1 : open_candidates_.back();
      candidates_.push_back(index);
      open_candidates_.push_back(index);
    }
    t.element = index;
    elements_.push_back(e);
    stack_.push_back(index);
    ++open_count_[t.tag];
    if (e.hard_drop) ++hard_depth_;
    if (e.soft_drop) ++soft_depth_;
    if (article_like) {
      ++article_depth_;
      article_like_.push_back(index);
    }
  }

  // An end tag closes its nearest open match and everything opened inside it; one with no
  // open match is ignored. open_count_ makes that check O(1), so stray end tags stay linear.
  void close_elements(uint32_t tag, uint32_t token_index) {
    if (tag >= open_count_.size() || open_count_[tag] == 0) return;
    for (;;) {
      const bool match = elements_[stack_.back()].tag == tag;
      finish_top(token_index, match ? token_index + 1 : token_index);
      if (match) return;
    }
  }

  void finish_top(uint32_t content_end, uint32_t resume_token) {
    const int32_t index = stack_.back();
    stack_.pop_back();
    Element& e = elements_[index];
    e.content_end = content_end;
    e.resume_token = resume_token;
    --open_count_[e.tag];
    if (e.hard_drop) --hard_depth_;
    if (e.soft_drop) --soft_depth_;
    if (!article_like_.empty() && article_like_.back() == index) {
      --article_depth_;
      article_like_.pop_back();
    }
    if (e.live_candidate) open_candidates_.pop_back();
    if (e.parent >= 0) {
      Element& parent = elements_[e.parent];
      parent.text_bytes += e.text_bytes;
      if (e.tag == kTagP && !e.soft_drop) parent.paragraph_bytes += e.text_bytes;
    }
  }

  static void set_once(std::string& slot, std::string_view raw) {
    if (slot.empty()) slot = clean_value(raw);
  }

  void collect_metadata(const Token& t, const CommonAttributes& common, uint32_t token_index) {
    if (t.attribute_count == 0) return;
    if (t.tag == kTagMeta) {
      const std::optional<std::string_view> content = attribute(t, "content");
      if (!content) return;
      for (std::string_view key_attribute : {"property", "name"}) {
        const std::string key = ascii_lowercase(trim(attribute_or_empty(t, key_attribute)));
        if (key.empty()) continue;
        if (key == "og:title") set_once(og_title_, *content);
        else if (key == "og:site_name") set_once(og_site_name_, *content);
        else if (key == "application-name") set_once(application_name_, *content);
        else if (key == "og:url") set_once(og_url_, *content);
        else if (key == "og:locale") set_once(og_locale_, *content);
        else if (key == "article:published_time") set_once(article_published_time_, *content);
        else if (std::find(kDateMetaNames.begin(), kDateMetaNames.end(), key) !=
                 kDateMetaNames.end())
          set_once(date_meta_, *content);
      }
      if (equals_ascii_ci(trim(attribute_or_empty(t, "http-equiv")), "content-language"))
        set_once(content_language_, *content);
    } else if (t.tag == kTagLink) {
      if (has_word_ci(attribute_or_empty(t, "rel"), "canonical"))
        set_once(canonical_, attribute_or_empty(t, "href"));
    } else if (t.tag == kTagHtml) {
      std::optional<std::string_view> lang = attribute(t, "lang");
      if (!lang) lang = attribute(t, "xml:lang");
      if (lang) set_once(html_lang_, *lang);
    } else if (attribute(t, "datetime") && tags_.name(t.tag) == "time") {
      times_.push_back({token_index, hard_depth_ > 0 || soft_depth_ > 0});
    }
    if (has_word_ci(common.itemprop, "datePublished")) {
      std::optional<std::string_view> value = attribute(t, "content");
      if (!value) value = attribute(t, "datetime");
      if (value) set_once(item_date_published_, *value);
    }
  }

  void read_raw_text_metadata(uint32_t token_index) {
    const Token& raw = tokens_[token_index];
    const Token& start = tokens_[token_index - 1];  // raw text always follows its start tag
    const std::string_view content = html_.substr(raw.begin, raw.end - raw.begin);
    if (raw.tag == kTagTitle && title_tag_.empty() && start.element >= 0 &&
        !elements_[start.element].inside_hard_drop) {
      title_tag_ = clean_value(content);
    } else if (raw.tag == kTagScript && json_ld_published_.empty() &&
               attribute_or_empty(start, "type").find("ld+json") != std::string_view::npos) {
      json_ld_published_ = json_string_value(content, "\"datePublished\"");
    }
  }

  // The string value after `quoted_key` in JSON text, or empty: enough for a date in JSON-LD.
  static std::string json_string_value(std::string_view json, std::string_view quoted_key) {
    constexpr size_t kMaxDateLength = 64;
    size_t p = json.find(quoted_key);
    if (p == std::string_view::npos) return {};
    p += quoted_key.size();
    while (p < json.size() && is_space(json[p])) ++p;
    if (p >= json.size() || json[p] != ':') return {};
    ++p;
    while (p < json.size() && is_space(json[p])) ++p;
    if (p >= json.size() || json[p] != '"') return {};
    const size_t close = json.find('"', p + 1);
    if (close == std::string_view::npos || close - p - 1 > kMaxDateLength) return {};
    return std::string(trim(json.substr(p + 1, close - p - 1)));
  }

  // -- step 3: choice and rendering --

  bool contains(int32_t outer, int32_t inner) const {
    const Element& o = elements_[outer];
    const uint32_t t = elements_[inner].start_token;
    return t >= o.start_token && t < o.content_end;
  }

  // The element whose own text and child paragraphs hold the most text: where the article's
  // paragraphs live, whatever its classes say (a class match is a guess; losing the article
  // to one is worse than keeping a comment). A <footer> or <aside> is never that container.
  // -1 if the page has no text.
  int32_t densest_paragraph_container() const {
    int32_t best = -1;
    uint32_t best_bytes = 0;
    for (size_t i = 0; i < elements_.size(); ++i) {
      const Element& e = elements_[i];
      if (e.hard_drop || e.inside_hard_drop || e.chrome_tag || e.paragraph_bytes <= best_bytes)
        continue;
      best = static_cast<int32_t>(i);
      best_bytes = e.paragraph_bytes;
    }
    return best;
  }

  // The outermost candidate with the most text, then down into a nested candidate that holds
  // a good share of it (and the main paragraphs, if they are inside). -1 when there is no
  // candidate, or only one smaller than the page's densest paragraph container outside it (a
  // teaser card, not the article).
  int32_t best_content_candidate(int32_t anchor) const {
    std::vector<int32_t> largest_child(elements_.size(), -1);
    int32_t best = -1;
    for (int32_t c : candidates_) {
      const Element& e = elements_[c];
      int32_t& slot = e.enclosing_candidate >= 0 ? largest_child[e.enclosing_candidate] : best;
      if (slot < 0 || e.text_bytes > elements_[slot].text_bytes) slot = c;
    }
    if (best < 0 || elements_[best].text_bytes == 0) return -1;
    for (int32_t child = largest_child[best]; child >= 0; child = largest_child[best]) {
      const uint64_t outer_bytes = elements_[best].text_bytes;
      if (uint64_t{elements_[child].text_bytes} * 100 < outer_bytes * kNestedCandidateMinPercent)
        break;
      if (anchor >= 0 && contains(best, anchor) && !contains(child, anchor)) break;
      best = child;
    }
    if (anchor >= 0 && !contains(best, anchor) &&
        elements_[anchor].paragraph_bytes > elements_[best].text_bytes)
      return -1;
    return best;
  }

  // The main text's container and its ancestors are never chrome, whatever their tag or
  // class ("page-wrapper has-sidebar", an ASP.NET <form> around the page).
  void protect_chain(int32_t e) {
    for (; e >= 0 && !protected_[e]; e = elements_[e].parent) protected_[e] = true;
  }

  std::string render(uint32_t begin, uint32_t end, bool drop_chrome, bool one_line = false) const {
    std::string out;
    ParagraphWriter writer(out, one_line);
    std::string decoded;
    for (uint32_t i = begin; i < end;) {
      const Token& t = tokens_[i];
      const std::string_view content = html_.substr(t.begin, t.end - t.begin);
      switch (t.kind) {
        case TokenKind::StartTag: {
          const bool block = tags_.flags(t.tag) & kBlock;
          if (t.element >= 0) {
            const Element& e = elements_[t.element];
            const bool chrome = drop_chrome && e.soft_drop && !protected_[t.element];
            if (e.hard_drop || chrome) {
              if (block) writer.paragraph_break();
              i = std::max(e.resume_token, i + 1);
              continue;
            }
          }
          if (block) writer.paragraph_break();
          break;
        }
        case TokenKind::EndTag:
          if (tags_.flags(t.tag) & kBlock) writer.paragraph_break();
          break;
        case TokenKind::Text:
          if (content.find('&') == std::string_view::npos) {
            writer.text(content);
          } else {
            decoded.clear();
            append_decoded(content, decoded);
            writer.text(decoded);
          }
          break;
        case TokenKind::RawText:
          if (tags_.flags(t.tag) & kDecodeRawText) {
            decoded.clear();
            append_decoded(content, decoded);
            writer.text(decoded);
          } else {
            writer.text(content);
          }
          break;
        case TokenKind::Cdata:
          writer.text(content);
          break;
      }
      ++i;
    }
    return out;
  }

  static std::string strip_site_suffix(const std::string& title, std::string_view site) {
    if (site.empty()) return title;
    for (std::string_view separator : kTitleSeparators) {
      if (title.size() <= separator.size() + site.size()) continue;
      const size_t at = title.size() - site.size() - separator.size();
      const std::string_view rest = std::string_view(title).substr(at);
      if (rest.substr(0, separator.size()) == separator &&
          equals_ascii_ci(rest.substr(separator.size()), site))
        return std::string(trim(std::string_view(title).substr(0, at)));
    }
    return title;
  }

  // "de" from "de-DE", "pt" from "pt_BR", "fr" from "fr, en" (Content-Language lists);
  // empty unless it looks like a language code.
  static std::string primary_language_subtag(std::string_view tag) {
    constexpr size_t kMinLength = 2, kMaxLength = 8;  // BCP 47 primary language subtag
    tag = trim(tag);
    const size_t end = tag.find_first_of("-_, ;");
    std::string primary = ascii_lowercase(tag.substr(0, end));
    if (primary.size() < kMinLength || primary.size() > kMaxLength) return {};
    for (char c : primary)
      if (!is_alpha(c)) return {};
    return primary;
  }

  std::string_view html_;
  TagTable tags_;
  std::vector<Token> tokens_;
  std::vector<Attribute> attributes_;
  std::vector<Element> elements_;

  // read_structure state
  std::vector<int32_t> stack_;
  std::vector<uint32_t> open_count_;  // per tag id: how many are on stack_
  std::vector<int32_t> open_candidates_;
  std::vector<int32_t> article_like_;
  uint32_t hard_depth_ = 0, soft_depth_ = 0, article_depth_ = 0;
  std::string lowered_;  // scratch for case-insensitive class and style checks

  // what read_structure found
  std::vector<int32_t> candidates_;
  int32_t first_h1_ = -1, first_clean_h1_ = -1;
  std::vector<TimeStamp> times_;
  std::string og_title_, title_tag_, og_site_name_, application_name_, canonical_, og_url_;
  std::string html_lang_, content_language_, og_locale_;
  std::string article_published_time_, date_meta_, item_date_published_, json_ld_published_;

  // main_text's choice
  std::vector<bool> protected_;
  int32_t best_candidate_ = -1;
};

// True if `rest` (what follows a '<') starts with tag `name` and then ends the name.
bool tag_starts(std::string_view rest, std::string_view name) {
  if (!starts_with_ascii_ci(rest, name)) return false;
  const char after = rest.size() > name.size() ? rest[name.size()] : '\0';
  return is_space(after) || after == '>' || after == '/' || after == '=';
}

}  // namespace

bool looks_like_html(std::string_view text) {
  const std::string_view window = text.substr(0, kSniffWindowBytes);
  uint32_t seen = 0;
  for (size_t lt = window.find('<'); lt != std::string_view::npos; lt = window.find('<', lt + 1)) {
    const std::string_view rest = window.substr(lt + 1);
    if (starts_with_ascii_ci(rest, "!doctype")) return true;
    if (tag_starts(rest, "html")) return true;
    for (size_t k = 0; k < kSniffTags.size(); ++k)
      if (tag_starts(rest, kSniffTags[k])) seen |= 1u << k;
  }
  int distinct = 0;
  for (; seen != 0; seen &= seen - 1) ++distinct;
  return distinct >= kMinDistinctSniffTags;
}

std::string decode_html_entities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_decoded(text, out);
  return out;
}

HtmlPage extract_html(std::string_view html) {
  HtmlPage page;
  PageReader reader(html.substr(0, kMaxInputBytes));
  page.text = reader.main_text();
  page.title = reader.title();
  page.site_name = reader.site_name();
  page.url = reader.url();
  page.published = reader.published();
  page.language = reader.language();
  page.removed_bytes = html.size() > page.text.size() ? html.size() - page.text.size() : 0;
  return page;
}

}  // namespace px
