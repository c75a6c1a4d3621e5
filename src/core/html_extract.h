// html_extract.h — the main text of a news web page, without its site chrome.
//
// A forgiving tokenizer (malformed HTML never fails: unclosed tags, stray '<', bad entities)
// followed by a simple main-content heuristic: script/style/noscript/template/svg/nav/header/
// footer/aside/form/button content is dropped, <article> (or the densest block container) is
// preferred when present, block elements become paragraph breaks, entities are decoded.
//
//   HtmlPage p = extract_html(bytes_as_utf8);
//   doc.text = p.text; doc.meta.title = p.title;
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace px {

struct HtmlPage {
  std::string text;        // paragraphs separated by "\n\n", whitespace collapsed
  std::string title;       // og:title, else <title>, else first <h1>
  std::string site_name;   // og:site_name / application-name, empty if absent
  std::string url;         // <link rel=canonical> or og:url, empty if absent
  std::string published;   // raw value of article:published_time / <time datetime> / date meta
  std::string language;    // <html lang="..">, primary subtag lowercased ("de" from "de-DE")
  size_t removed_bytes = 0;  // bytes of markup and chrome dropped (for the Corpus view)
};

// Cheap sniff: does this text look like HTML (a doctype, <html>, or several common tags)?
bool looks_like_html(std::string_view text);

// `html` must already be UTF-8 (see encoding.h). Never fails; worst case returns the text
// with all tags stripped.
HtmlPage extract_html(std::string_view html);

// Decodes character references as extract_html does: the HTML 4 named entities plus &apos;
// (with ';', or without it for amp/lt/gt/quot/nbsp/copy/reg), and &#NNN; / &#xHH;. &nbsp; and
// U+00A0 references become a plain space, &shy; disappears, invalid numbers become U+FFFD,
// unknown names are left as written ("AT&T", "&foo;").
std::string decode_html_entities(std::string_view text);

}  // namespace px
