// test_html_extract.cpp — extract_html, decode_html_entities and looks_like_html, on authored
// news-page fixtures (tests/data/html/) and inline cases. Filter with -tc='*html*'.
#include <doctest/doctest.h>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "html_extract.h"

namespace {

constexpr auto npos = std::string::npos;

std::string read_fixture(const std::string& name) {
  std::ifstream in(std::string(PX_TEST_DATA) + "/html/" + name, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != npos;
}

std::vector<std::string> paragraphs(const std::string& text) {
  std::vector<std::string> out;
  size_t begin = 0;
  while (begin <= text.size() && !text.empty()) {
    const size_t end = text.find("\n\n", begin);
    out.push_back(text.substr(begin, end == npos ? npos : end - begin));
    if (end == npos) break;
    begin = end + 2;
  }
  return out;
}

bool has_paragraph(const std::string& text, std::string_view paragraph) {
  for (const std::string& p : paragraphs(text))
    if (p == paragraph) return true;
  return false;
}

// The output contract: paragraphs joined by exactly "\n\n", single spaces, trimmed, no empty
// paragraphs. Returns a description of the first violation, empty if none.
std::string paragraph_shape_problem(const std::string& text) {
  if (text.empty()) return {};
  if (text.front() == ' ' || text.front() == '\n' || text.back() == ' ' || text.back() == '\n')
    return "not trimmed";
  if (contains(text, "\n\n\n")) return "empty paragraph";
  if (contains(text, "  ")) return "double space";
  if (contains(text, " \n") || contains(text, "\n ")) return "space next to a break";
  for (char c : text)
    if (c == '\t' || c == '\r' || c == '\f' || c == '\v') return "raw whitespace";
  for (size_t i = text.find('\n'); i != npos; i = text.find('\n', i + 2))
    if (i + 1 >= text.size() || text[i + 1] != '\n') return "single newline";
  return {};
}

}  // namespace

// ---- fixtures -------------------------------------------------------------------------------

TEST_CASE("html: English article page keeps the article and drops the site chrome") {
  const std::string html = read_fixture("en_news_article.html");
  REQUIRE(html.size() > 1000);
  const px::HtmlPage page = px::extract_html(html);

  CHECK(has_paragraph(page.text, "Storm Agnes closes ports along the east coast"));
  CHECK(has_paragraph(page.text,
                      "Ferry operators cancelled every crossing from Hull, Harwich and "
                      "Newcastle on Thursday as Storm Agnes brought gusts of up to 80 mph to the "
                      "east coast."));
  CHECK(has_paragraph(page.text,
                      "\u201CWe won\u2019t put passengers or crew at risk,\u201D said a "
                      "spokesperson for one operator \u2014 adding that sailings would resume "
                      "\u201Cas soon as it\u2019s safe\u201D."));
  CHECK(contains(page.text, "most of Yorkshire & the North East"));
  CHECK(has_paragraph(page.text, "Conditions at sea are the worst we have seen this year."));
  CHECK(has_paragraph(page.text, "Newcastle to Edinburgh, where trees fell on the line"));
  CHECK(has_paragraph(page.text, "Hull to Leeds, which was reduced to one train an hour"));
  CHECK(contains(page.text, "fall to 9\u00B0C overnight"));
  CHECK(has_paragraph(page.text,
                      "Waves break over the harbour wall at Whitby on Thursday morning."));

  for (std::string_view chrome :
       {"We use cookies", "Accept all cookies", "Manage preferences", "Weather", "Subscribe from",
        "Home", "Share on Facebook", "Share on X", "Read more:", "Sign up", "newsletter",
        "Topics:", "Comments (212)", "Reader comment", "Related stories", "Flood warnings",
        "Met Office warnings", "Advertisement", "All rights reserved", "Privacy policy",
        "Script text", "Style text", "Noscript text", "dataLayer", "NewsArticle"}) {
    CAPTURE(chrome);
    CHECK_FALSE(contains(page.text, chrome));
  }
  CHECK(paragraph_shape_problem(page.text) == "");

  CHECK(page.title == "Storm Agnes closes ports along the east coast");  // " | site" stripped
  CHECK(page.site_name == "The Coastal Herald");
  CHECK(page.url ==
        "https://www.coastalherald.example/news/2024/sep/27/storm-agnes-ports?ref=rss&src=home");
  CHECK(page.published == "2024-09-27T06:45:00Z");
  CHECK(page.language == "en");
  CHECK(page.removed_bytes == html.size() - page.text.size());
}

TEST_CASE("html: German page without <article> keeps its text div and decodes entities") {
  const std::string html = read_fixture("de_regional_no_article.html");
  REQUIRE(html.size() > 1000);
  const px::HtmlPage page = px::extract_html(html);

  CHECK(has_paragraph(page.text, "Stadtrat beschlie\u00DFt neuen Radweg an der Ringstra\u00DFe"));
  CHECK(has_paragraph(page.text,
                      "Der Stadtrat hat am Donnerstag mit gro\u00DFer Mehrheit beschlossen, die "
                      "Ringstra\u00DFe zwischen Nordbahnhof und Rathausplatz um einen "
                      "gesch\u00FCtzten Radweg zu erg\u00E4nzen."));
  CHECK(has_paragraph(page.text,
                      "\u201EDas ist ein guter Tag f\u00FCr alle, die in unserer Stadt mit dem Rad "
                      "unterwegs sind\u201C, sagte B\u00FCrgermeisterin Petra Sch\u00F6ne nach der "
                      "Abstimmung."));
  // &nbsp; becomes a plain space; literal „…“ pass through untouched.
  CHECK(contains(page.text, "rund 2,4 Millionen \u20AC tr\u00E4gt"));
  CHECK(contains(page.text, "\u201EDie Parkpl\u00E4tze fallen ersatzlos weg\u201C"));
  CHECK(contains(page.text, "in einer \u00D6ffentlichen Versammlung informiert."));

  for (std::string_view chrome :
       {"Lokales", "Politik", "Startseite", "Teilen auf Facebook", "Kommentare",
        "Leserkommentar", "Meistgelesen", "Buslinie", "Newsletter", "Impressum", "Datenschutz",
        "_paq"}) {
    CAPTURE(chrome);
    CHECK_FALSE(contains(page.text, chrome));
  }
  CHECK(paragraph_shape_problem(page.text) == "");

  CHECK(page.title == "Stadtrat beschlie\u00DFt neuen Radweg an der Ringstra\u00DFe");
  CHECK(page.site_name == "Rheinische Rundschau");
  CHECK(page.url == "");
  CHECK(page.published == "2024-03-14");
  CHECK(page.language == "de");
}

TEST_CASE("html: Italian page takes og: metadata and the article's own <time>") {
  const std::string html = read_fixture("it_og_meta.html");
  REQUIRE(html.size() > 1000);
  const px::HtmlPage page = px::extract_html(html);

  CHECK(page.title == "Venezia, il Mose si alza per la prima volta a maggio");  // og:title
  CHECK(page.site_name == "Il Gazzettino della Laguna");
  CHECK(page.url == "https://www.gazzettinolaguna.example/cronaca/venezia-mose-maggio");
  CHECK(page.published == "2024-05-02T08:30:00+02:00");  // not the top bar's "today"
  CHECK(page.language == "it");

  CHECK(has_paragraph(page.text,
                      "Per la prima volta nella sua storia il Mose \u00E8 stato sollevato nel mese "
                      "di maggio: la marea ha raggiunto i 110 centimetri alle 9.40 di ieri "
                      "mattina."));
  CHECK(has_paragraph(page.text,
                      "\u00ABUna situazione eccezionale per questo periodo dell\u2019anno\u00BB, "
                      "ha spiegato il commissario, \u00ABma il sistema ha funzionato "
                      "perfettamente\u00BB."));
  CHECK(contains(page.text, "chi dovr\u00E0 pagarlo\u2026 Il Comune chiede \u201Cchiarezza\u201D"));
  CHECK(contains(page.text, "Perch\u00E9 le paratoie"));
  CHECK(contains(page.text, "per\u00F2, si discute"));

  for (std::string_view chrome : {"Pubblicit", "Abbonati", "Condividi", "Leggi anche",
                                  "Acqua alta", "P.IVA", "Cronaca", "venerd", "Oggi:"}) {
    CAPTURE(chrome);
    CHECK_FALSE(contains(page.text, chrome));
  }
  CHECK(paragraph_shape_problem(page.text) == "");
}

TEST_CASE("html: malformed, truncated page still yields its text") {
  const std::string html = read_fixture("malformed_truncated.html");
  REQUIRE(html.size() > 500);
  const px::HtmlPage page = px::extract_html(html);

  CHECK(page.title == "Council approves budget (updated)");  // from the first <h1>
  CHECK(page.published == "2023-11-05");                     // unquoted, upper-case <META>
  CHECK(has_paragraph(page.text,
                      "The council voted 7 to 2 on Monday night. If costs < revenue and debt < 5% "
                      "of income, the plan passes."));
  CHECK(has_paragraph(page.text,
                      "Fewer than 5 <3 cats live in the town hall, officials said \u2014 a fact "
                      "known to AT&T engineers &foo; alike."));
  CHECK(has_paragraph(page.text, "Reserves fell to \u00A31.2m \uFFFD and \uFFFD were logged."));
  CHECK(has_paragraph(page.text, "A paragraph with an unclosed bold tag and italics"));
  CHECK(has_paragraph(page.text, "Raw CDATA text & more"));
  CHECK(has_paragraph(page.text, "First item"));
  CHECK(has_paragraph(page.text, "Second item"));
  CHECK(paragraphs(page.text).back() ==
        "The final paragraph was cut off mid-sentence and the file ends inside a tag");
  for (std::string_view gone : {"Share this story", "must not appear", "Script text", "var s"}) {
    CAPTURE(gone);
    CHECK_FALSE(contains(page.text, gone));
  }
  CHECK(paragraph_shape_problem(page.text) == "");

  // Cut the file at every byte: never a crash, always well-formed paragraphs.
  for (size_t cut = 0; cut <= html.size(); ++cut) {
    const px::HtmlPage prefix = px::extract_html(std::string_view(html).substr(0, cut));
    const std::string problem = paragraph_shape_problem(prefix.text);
    if (!problem.empty()) {
      CAPTURE(cut);
      CHECK(problem == "");
      break;
    }
  }
}

// ---- tokenizer ------------------------------------------------------------------------------

TEST_CASE("html: empty input and input without tags") {
  const px::HtmlPage empty = px::extract_html("");
  CHECK(empty.text == "");
  CHECK(empty.title == "");
  CHECK(empty.removed_bytes == 0);
  CHECK(px::extract_html("Just words  and\n\nmore ").text == "Just words and more");
  CHECK(px::extract_html("   \n\t ").text == "");
}

TEST_CASE("html: malformed markup never fails and keeps what reads as text") {
  struct Case {
    std::string_view html;
    std::string_view text;
  };
  const Case cases[] = {
      {"a < b and c > d", "a < b and c > d"},
      {"<p>x<", "x<"},
      {"<p>x</", "x</"},
      {"<p>x</ y>", "x</ y>"},
      {"<p>x<!-- never closed <p>y", "x"},
      {"<p>x<!--> y<!---> z", "x y z"},
      {"<p>x<!-- a -- b --> y", "x y"},
      {"<p class=\"unterminated>text", ""},
      {"<p>kept</p><p class='half", "kept"},
      {"<p id=a b c=d e>text", "text"},
      {"<P ID = 'spaced' >text</P >", "text"},
      {"<<p>>x", "<\n\n>x"},
      {"</>x", "x"},
      {"<!DOCTYPE html><p>ok", "ok"},
      {"<p>ok</p><!doctype", "ok"},
      {"<?xml version='1.0'?><p>ok</p>", "ok"},
      {"<div><span>a</div>b</span>", "a\n\nb"},
      {"</div></p></article>stray", "stray"},
      {"<p>a<![CDATA[ <b>b</b> ]]>c", "a <b>b</b> c"},
      {"<p>a<![CDATA[ unclosed", "a unclosed"},
      {"<br/><br /><hr>x", "x"},
      {"<p>x</p><div/>y", "x\n\ny"},
      {"<my-widget data-x=1>custom</my-widget> tags", "custom tags"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.html);
    CHECK(px::extract_html(c.html).text == c.text);
  }
}

TEST_CASE("html: raw-text elements end only at their own close tag, in any case") {
  const px::HtmlPage page = px::extract_html(
      "<title>T &amp; U</title><p>a</p>"
      "<script>if (x < 1) document.write('</p><p>no</scriptx>')</SCRIPT><p>b</p>"
      "<STYLE>p::after { content: '</div>' }</style ><p>c</p>"
      "<textarea><p>typed</p></TextArea><noscript><p>enable js</p></noscript><p>d</p>");
  CHECK(page.text == "a\n\nb\n\nc\n\nd");
  CHECK(page.title == "T & U");
  CHECK(px::extract_html("<p>before</p><script>never closed <p>lost").text == "before");
  CHECK(px::extract_html("<p>x</p><script/><p>y</p>").text == "x\n\ny");
}

TEST_CASE("html: pseudo-random markup soup terminates with well-formed output") {
  constexpr std::string_view kAlphabet = "<>/!-=\"' &;#xpdivaCDT[]\n";
  uint32_t state = 12345;
  auto next = [&state] { return state = state * 1664525u + 1013904223u; };
  for (int round = 0; round < 400; ++round) {
    std::string soup;
    const size_t length = next() % 300;
    for (size_t i = 0; i < length; ++i) soup += kAlphabet[(next() >> 16) % kAlphabet.size()];
    const px::HtmlPage page = px::extract_html(soup);
    const std::string problem = paragraph_shape_problem(page.text);
    if (!problem.empty()) {
      CAPTURE(soup);
      CHECK(problem == "");
      break;
    }
    CHECK(page.removed_bytes == soup.size() - std::min(soup.size(), page.text.size()));
  }
}

// ---- entities -------------------------------------------------------------------------------

TEST_CASE("html: entities decode as news pages use them") {
  CHECK(px::decode_html_entities("&amp;&lt;&gt;&quot;&apos;") == "&<>\"'");
  CHECK(px::decode_html_entities("a&nbsp;b") == "a b");
  CHECK(px::decode_html_entities("&mdash;&ndash;&hellip;&laquo;&raquo;&lsquo;&rsquo;&ldquo;"
                                 "&rdquo;&bdquo;&euro;&copy;&reg;&deg;&middot;") ==
        "\u2014\u2013\u2026\u00AB\u00BB\u2018\u2019\u201C\u201D\u201E\u20AC\u00A9\u00AE\u00B0"
        "\u00B7");
  CHECK(px::decode_html_entities("&eacute;&egrave;&agrave;&auml;&ouml;&uuml;&szlig;&ccedil;"
                                 "&ntilde;&Auml;&Eacute;&oslash;&aring;") ==
        "\u00E9\u00E8\u00E0\u00E4\u00F6\u00FC\u00DF\u00E7\u00F1\u00C4\u00C9\u00F8\u00E5");
  CHECK(px::decode_html_entities("&#233;&#xE9;&#X20AC;&#x1F600;") ==
        "\u00E9\u00E9\u20AC\U0001F600");
  CHECK(px::decode_html_entities("&#150;&#8217;") == "\u2013\u2019");  // Windows-1252 range
  CHECK(px::decode_html_entities("&#233 x") == "\u00E9 x");  // ';' optional on numbers
  CHECK(px::decode_html_entities("&shy;") == "");
}

TEST_CASE("html: invalid numeric entities become U+FFFD, unknown ones stay as written") {
  for (std::string_view invalid : {"&#0;", "&#xD800;", "&#x110000;", "&#99999999999999999;",
                                   "&#x81;", "&#1;"}) {
    CAPTURE(invalid);
    CHECK(px::decode_html_entities(invalid) == "\uFFFD");
  }
  for (std::string_view literal : {"&foo;", "AT&T", "&;", "&#;", "&#x;", "a & b", "&", "x&",
                                   "?a=1&copy=2", "&ampere", "&AMP;"}) {
    CAPTURE(literal);
    CHECK(px::decode_html_entities(literal) == literal);
  }
  CHECK(px::decode_html_entities("fish &amp chips &copy 2024") == "fish & chips \u00A9 2024");
}

// ---- structure ------------------------------------------------------------------------------

TEST_CASE("html: block elements end paragraphs, inline ones do not") {
  CHECK(px::extract_html("<div>  one\n two </div><p>three</p>four<br>five<span> six</span>"
                         "<ul><li>a</li><li>b</li></ul><h2>h</h2><table><tr><td>c1</td>"
                         "<td>c2</td></tr></table>")
            .text == "one two\n\nthree\n\nfour\n\nfive six\n\na\n\nb\n\nh\n\nc1\n\nc2");
  CHECK(px::extract_html("<p>an <b>im</b>portant <a href=x>link</a>, <em>really</em></p>").text ==
        "an important link, really");
  CHECK(px::extract_html("<p> </p><p>&nbsp;</p><div><p>x</p></div><p></p><br><br>").text == "x");
  CHECK(px::extract_html("<p>non\xC2\xA0" "breaking and soft\xC2\xAD" "hyphen</p>").text ==
        "non breaking and softhyphen");
}

TEST_CASE("html: code, media, controls and chrome tags are dropped") {
  for (std::string_view tag : {"script", "style", "noscript", "template", "svg", "iframe", "nav",
                               "header", "footer", "aside", "form", "button", "select",
                               "textarea", "video", "dialog"}) {
    const std::string html = "<p>keep this paragraph</p><" + std::string(tag) + ">gone</" +
                             std::string(tag) + "><p>and this one</p>";
    CAPTURE(html);
    CHECK(px::extract_html(html).text == "keep this paragraph\n\nand this one");
  }
  // A footer with more text than any paragraph is still a footer.
  CHECK(px::extract_html("<p>short body</p><footer>a very long imprint text here</footer>").text ==
        "short body");
  CHECK(px::extract_html("<p>keep</p><div hidden>gone</div><p style='DISPLAY : none'>gone</p>")
            .text == "keep");
  CHECK(px::extract_html("<figure><img src=x><figcaption>The caption</figcaption></figure>")
            .text == "The caption");
}

TEST_CASE("html: elements whose class or id names site chrome are dropped") {
  for (std::string_view word : {"share", "social", "comment", "related", "newsletter", "subscribe",
                                "cookie", "banner", "advert", "promo", "sidebar", "menu",
                                "breadcrumb", "footer", "header"}) {
    const std::string by_class = "<div class='box x-" + std::string(word) +
                                 "-y'>gone</div><div><p>the article paragraph</p></div>";
    CAPTURE(by_class);
    CHECK(px::extract_html(by_class).text == "the article paragraph");
  }
  CHECK(px::extract_html("<p>the article paragraph</p><div id=cookieBanner>gone</div>").text ==
        "the article paragraph");
  CHECK(px::extract_html("<p>the article paragraph</p><span CLASS=Social-Links>gone</span>").text ==
        "the article paragraph");
}

TEST_CASE("html: chrome rules never remove the container of the main text") {
  // A page wrapper named after its layout, and an ASP.NET <form> around the whole page.
  CHECK(px::extract_html("<div class='page has-sidebar'><div class=text><p>First paragraph.</p>"
                         "<p>Second paragraph.</p></div><div class=sidebar>Most read</div></div>")
            .text == "First paragraph.\n\nSecond paragraph.");
  CHECK(px::extract_html("<body><form id=aspnetForm><div><p>First paragraph.</p>"
                         "<p>Second paragraph.</p></div></form></body>")
            .text == "First paragraph.\n\nSecond paragraph.");
  // Inside an article, <header> and "header" classes hold the headline.
  CHECK(px::extract_html("<header>Site</header><article><header><h1>Headline</h1></header>"
                         "<div class=article-header>Byline</div><p>Body text.</p></article>")
            .text == "Headline\n\nByline\n\nBody text.");
}

TEST_CASE("html: main content is the best <article>, articleBody, <main> or role=main") {
  SUBCASE("the article with most text wins") {
    CHECK(px::extract_html("<p>intro outside</p><article><p>short</p></article>"
                           "<article><p>the much longer real article</p></article>")
              .text == "the much longer real article");
  }
  SUBCASE("an article inside <main> beats main's unflagged extras") {
    CHECK(px::extract_html("<main><article><p>Article text that is long enough.</p></article>"
                           "<div class=more><p>More stories</p></div></main>")
              .text == "Article text that is long enough.");
  }
  SUBCASE("itemprop=articleBody inside an article") {
    CHECK(px::extract_html("<article><div class=kicker>Kicker words here</div>"
                           "<div itemprop='articleBody'><p>Body one.</p><p>Body two.</p></div>"
                           "</article>")
              .text == "Body one.\n\nBody two.");
  }
  SUBCASE("role=main") {
    CHECK(px::extract_html("<div class=top>Top links</div><div role=main><p>Main text, the "
                           "longest.</p></div><div>bottom text</div>")
              .text == "Main text, the longest.");
  }
  SUBCASE("a lone teaser <article> does not hide a bigger text container") {
    CHECK(px::extract_html("<div class=story><p>The real story, paragraph one.</p><p>Paragraph "
                           "two of it.</p></div><article><p>Teaser</p></article>")
              .text == "The real story, paragraph one.\n\nParagraph two of it.\n\nTeaser");
  }
  SUBCASE("a candidate whose text is all chrome falls back to the page") {
    CHECK(px::extract_html("<article><div class=share>Share</div></article><p>Page text.</p>")
              .text == "Page text.");
  }
  SUBCASE("only chrome: better chrome than nothing") {
    CHECK(px::extract_html("<div class=menu>Home News</div>").text == "Home News");
  }
}

// ---- metadata -------------------------------------------------------------------------------

TEST_CASE("html: title comes from og:title, then <title>, then the first <h1>") {
  CHECK(px::extract_html("<meta property='og:title' content=' OG &amp; co '><title>T</title>")
            .title == "OG & co");
  CHECK(px::extract_html("<title>\n  Plain   title </title><h1>H</h1>").title == "Plain title");
  CHECK(px::extract_html("<header><h1>Logo</h1></header><h1>Real <em>headline</em></h1>").title ==
        "Real headline");
  CHECK(px::extract_html("<header><h1>Logo</h1></header>").title == "Logo");

  const std::string site = "<meta property='og:site_name' content='The Daily Example'>";
  CHECK(px::extract_html(site + "<title>Headline | The Daily Example</title>").title ==
        "Headline");
  CHECK(px::extract_html(site + "<title>Headline \u2013 the daily example</title>").title ==
        "Headline");
  CHECK(px::extract_html(site + "<title>Headline | Other Site</title>").title ==
        "Headline | Other Site");
  CHECK(px::extract_html("<title>Headline | No Site Name</title>").title ==
        "Headline | No Site Name");
  CHECK(px::extract_html(site + "<title>The Daily Example</title>").title == "The Daily Example");
}

TEST_CASE("html: site name, url and language metadata") {
  CHECK(px::extract_html("<meta name=application-name content=App><meta property=og:site_name "
                         "content=OG>")
            .site_name == "OG");
  CHECK(px::extract_html("<meta name=application-name content=App>").site_name == "App");
  CHECK(px::extract_html("<meta property=og:url content='https://a.example/og'>"
                         "<link rel='alternate canonical' href='https://a.example/c?x=1&amp;y=2'>")
            .url == "https://a.example/c?x=1&y=2");
  CHECK(px::extract_html("<meta property=og:url content='https://a.example/og'>").url ==
        "https://a.example/og");
  CHECK(px::extract_html("<html lang='de-DE'>").language == "de");
  CHECK(px::extract_html("<HTML LANG=EN>").language == "en");
  CHECK(px::extract_html("<html lang=pt_BR>").language == "pt");
  CHECK(px::extract_html("<html xml:lang='fr-CA'>").language == "fr");
  CHECK(px::extract_html("<html lang=''><meta property=og:locale content=es_ES>").language == "es");
  CHECK(px::extract_html("<meta http-equiv=Content-Language content='fr, en'>").language == "fr");
  CHECK(px::extract_html("<html lang='1'>").language == "");
  CHECK(px::extract_html("<p>no lang</p>").language == "");
}

TEST_CASE("html: published date sources in order of trust") {
  const std::string time_tag = "<time datetime='2024-01-05'>5 Jan</time>";
  const std::string itemprop = "<span itemprop='datePublished' content='2024-01-04'></span>";
  const std::string name_date = "<meta name='DC.date' content='2024-01-03'>";
  const std::string property = "<meta property='article:published_time' content='2024-01-02'>";
  CHECK(px::extract_html(time_tag + itemprop + name_date + property).published == "2024-01-02");
  CHECK(px::extract_html(time_tag + itemprop + name_date).published == "2024-01-03");
  CHECK(px::extract_html(time_tag + itemprop).published == "2024-01-04");
  CHECK(px::extract_html(time_tag).published == "2024-01-05");
  CHECK(px::extract_html("<time>no attribute</time>").published == "");
  for (std::string_view name : {"date", "pubdate", "publishdate"}) {
    const std::string meta = "<meta name='" + std::string(name) + "' content='2023-12-31'>";
    CAPTURE(meta);
    CHECK(px::extract_html(meta).published == "2023-12-31");
  }
  CHECK(px::extract_html("<script type='application/ld+json'>{\"datePublished\": "
                         "\"2022-02-02T10:00:00Z\"}</script>")
            .published == "2022-02-02T10:00:00Z");
  CHECK(px::extract_html("<time itemprop=datePublished datetime='2021-07-07'>7 July</time>")
            .published == "2021-07-07");
}

// ---- sniffing -------------------------------------------------------------------------------

TEST_CASE("html: looks_like_html sniffs documents, not text with angle brackets") {
  CHECK(px::looks_like_html("<!DOCTYPE html><p>x"));
  CHECK(px::looks_like_html("\xEF\xBB\xBF  <!doctype html>"));
  CHECK(px::looks_like_html("<?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'>"));
  CHECK(px::looks_like_html("<HTML>"));
  CHECK(px::looks_like_html("<div><p>hi<br>there</p></div>"));
  CHECK(px::looks_like_html("see <a href='x'>this</a> and <span>that</span><p>"));

  CHECK_FALSE(px::looks_like_html(""));
  CHECK_FALSE(px::looks_like_html("We know a < b and b > c."));
  CHECK_FALSE(px::looks_like_html("Write to Jane Doe <me@x.org> or <jane@y.org>."));
  CHECK_FALSE(px::looks_like_html("I <3 you <3 <3"));
  CHECK_FALSE(px::looks_like_html("<p>one tag</p><p>the same tag</p>"));
  CHECK_FALSE(px::looks_like_html("<header><div><p>"));  // <header> is not <head>
  CHECK_FALSE(px::looks_like_html(std::string(5000, ' ') + "<html><body><p>"));
}

// ---- scale ----------------------------------------------------------------------------------

TEST_CASE("html: a 5 MB pathological page extracts completely") {
  // Correctness at scale only: speed is measured by the benchmark (docs/benchmarks.md), not
  // asserted here, so a loaded CI machine cannot make this fail.
  constexpr size_t kPageBytes = 5'000'000;
  const std::string article = read_fixture("en_news_article.html");
  REQUIRE(!article.empty());

  std::string page = "<html><body><div class=wrap>";
  size_t paragraphs_written = 0;
  while (page.size() < kPageBytes / 2) {
    page += "<p>Paragraph with &amp; entities, <a href=\"/x?a=1&amp;b=2\">a link</a> and "
            "&ldquo;quotes&rdquo;.</p>\n<div class=share-tools><a>Share</a></div>\n";
    ++paragraphs_written;
  }
  // Pathological parts: unclosed nesting, stray end tags, bare '<', whole pages inside.
  for (int i = 0; i < 20000; ++i) page += "<div><span>";
  for (int i = 0; i < 20000; ++i) page += "</b></i></section>";
  page += std::string(200000, '<');
  while (page.size() < kPageBytes) page += article;

  const px::HtmlPage result = px::extract_html(page);
  CHECK(contains(result.text, "Paragraph with & entities, a link and \u201Cquotes\u201D."));
  CHECK_FALSE(contains(result.text, "Share\n"));
  CHECK(paragraphs(result.text).size() >= paragraphs_written);
}
