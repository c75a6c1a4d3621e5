// Panel smoke tests: every panel drawn for several frames with no GPU (ImGui's example_null
// approach), on the demo corpus, on CJK and right-to-left text and on 100,000 articles; widgets
// are clicked and typed into by label, the way a user would.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "app.h"
#include "imgui.h"
#include "item_locator.h"
#include "panel_harness.h"

using namespace px;

namespace {

struct RecordingPlatform : PlatformHooks {
  int pickers = 0;
  std::vector<std::string> downloads;
  std::string clipboard;
  int saves = 0;
  void open_file_picker() override { ++pickers; }
  void download(const std::string& name, const std::string& bytes, const std::string&) override {
    downloads.push_back(name + "\n" + bytes);
  }
  void corpus_changed() override { ++saves; }
  void set_clipboard(const std::string& text) override { clipboard = text; }
};

// One ImGui context per test, 1400x900 like the browser tests, fonts when built; the text
// resources loaded up front.
struct Harness : px_test::PanelHarness<RecordingPlatform> {
  Harness() { app.load_text_resources(PX_GENERATED_ASSETS); }
  // One frame after the move and after the release (these tests were written that way).
  bool click(const char* label) { return PanelHarness::click(label, 1, 1); }
  void type(const char* utf8) {
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
    frames(2);
  }
};

}  // namespace

TEST_CASE("panels: all panels draw the demo corpus") {
  Harness h;
  h.app.load_demo_corpus();
  REQUIRE(h.app.corpus.size() == 5);
  h.frames(5);
  CHECK(locate_item("Corpus/Open files…"));
  CHECK(locate_item("Articles/##search"));
  CHECK(locate_item("Reader/Copy text"));
  CHECK(h.app.visible_rows().size() == 5);
  CHECK(ImGui::GetIO().MetricsRenderVertices > 1000);  // something was really drawn
}

TEST_CASE("panels: typing in the search box narrows the table") {
  Harness h;
  h.app.load_demo_corpus();
  h.frames(3);
  REQUIRE(h.click("Articles/##search"));
  h.type("kishida");
  CHECK(h.app.filter.text == "kishida");
  CHECK(h.app.visible_rows().size() == 1);
  CHECK(h.app.corpus.doc(h.app.visible_rows()[0]).meta.language == "de");
  // The reader marks the hits of the selected article.
  h.app.commands.push_back({Command::Kind::SelectArticle, static_cast<int64_t>(h.app.visible_rows()[0])});
  h.frames(2);
  CHECK(h.app.reader_panel.hits >= 2);
  REQUIRE(h.click("Articles/Clear all filters"));
  CHECK(h.app.visible_rows().size() == 5);
}

TEST_CASE("panels: facet checkboxes filter by language") {
  Harness h;
  h.app.load_demo_corpus();
  h.frames(3);
  REQUIRE(h.click("Articles/it (1)##lang"));
  CHECK(h.app.filter.languages == std::set<std::string>{"it"});
  CHECK(h.app.visible_rows().size() == 1);
}

TEST_CASE("panels: corpus buttons reach the platform; reset brings the demo back") {
  Harness h;
  h.app.load_demo_corpus();
  h.frames(3);
  REQUIRE(h.click("Corpus/Open files…"));
  CHECK(h.platform.pickers == 1);
  REQUIRE(h.click("Corpus/Export JSON Lines"));
  REQUIRE(h.platform.downloads.size() == 1);
  CHECK(h.platform.downloads[0].rfind("parallax-corpus.jsonl\n{\"id\":", 0) == 0);
  h.app.commands.push_back({Command::Kind::RemoveArticle, 0});
  h.frames(2);
  CHECK(h.app.corpus.size() == 4);
  REQUIRE(h.click("Corpus/Reset to demo"));
  CHECK(h.app.corpus.size() == 5);
  REQUIRE(h.click("Reader/Copy text"));
  CHECK(h.platform.clipboard.find("Tokyo") != std::string::npos);
}

TEST_CASE("panels: pasted text becomes an article; bad files leave the corpus alone") {
  Harness h;
  h.app.load_demo_corpus();
  h.frames(2);
  h.app.queue_file("broken.json", "[{\"text\": \"unterminated");
  h.app.queue_file("image.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  h.app.queue_file("empty.txt", "");
  h.frames(3);
  CHECK(h.app.corpus.size() == 5);
  int errors = 0;
  for (const auto& m : h.app.log) errors += m.level == IngestMessage::Level::Error;
  CHECK(errors == 3);
  h.app.corpus_panel.paste_text = "東京で会談\n北大西洋条約機構のルッテ事務総長は石破茂首相と会談した。";
  h.frames(2);
  REQUIRE(h.click("Corpus/Paste an article"));  // opens the collapsing header
  h.frames(1);
  REQUIRE(h.click("Corpus/Add as article"));
  h.frames(2);
  REQUIRE(h.app.corpus.size() == 6);
  CHECK(h.app.corpus.doc(5).meta.language == "ja");
  CHECK(h.app.corpus.doc(5).meta.title == "東京で会談");
}

TEST_CASE("panels: CJK, Cyrillic and right-to-left articles draw in the reader") {
  Harness h;
  h.app.queue_file("mixed.jsonl",
                   "{\"title\":\"北约秘书长访问东京\",\"text\":\"北约秘书长吕特在东京会见了日本首相石破茂。双方同意加强防务合作。\"}\n"
                   "{\"title\":\"Рютте в Токио\",\"text\":\"Генеральный секретарь НАТО Марк Рютте встретился с премьер-министром Японии.\"}\n"
                   "{\"title\":\"الناتو في طوكيو\",\"text\":\"الأمين العام لحلف الناتو يزور طوكيو ويلتقي رئيس الوزراء الياباني\"}\n");
  h.frames(2);
  REQUIRE(h.app.corpus.size() == 3);
  for (int64_t i = 0; i < 3; ++i) {
    h.app.commands.push_back({Command::Kind::SelectArticle, i});
    h.frames(3);
    CHECK(locate_item("Reader/Copy text"));
  }
  CHECK(h.app.corpus.doc(2).meta.language == "ar");
}

TEST_CASE("panels: 100,000 articles stay virtualised") {
  Harness h;
  std::vector<Document> docs;
  docs.reserve(100000);
  const char* langs[] = {"en", "de", "it", "fr", "es", "ru", "ja", "zh"};
  for (int i = 0; i < 100000; ++i) {
    Document d;
    d.meta.id = "g" + std::to_string(i);
    d.meta.source = "Outlet " + std::to_string(i % 50);
    d.meta.language = langs[i % 8];
    d.meta.language_from = Provenance::Given;
    d.meta.title = "Generated article " + std::to_string(i);
    d.meta.published = "2025-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10);
    d.text = "Body of article " + std::to_string(i) + " about NATO and Japan.";
    d.paragraphs = {{0, static_cast<uint32_t>(d.text.size())}};
    docs.push_back(std::move(d));
  }
  h.app.corpus.add_all(std::move(docs));
  h.frames(3);
  CHECK(h.app.visible_rows().size() == 100000);
  // Only the rows on screen are submitted: the vertex count stays that of one screenful.
  CHECK(ImGui::GetIO().MetricsRenderVertices < 200000);
  REQUIRE(h.click("Articles/##search"));
  h.type("4242");
  CHECK(h.app.visible_rows().size() == 20);  // 4242, 42420..42429, 14242..94242
  h.type(" about");  // both terms must match: still 20
  CHECK(h.app.visible_rows().size() == 20);
}

TEST_CASE("panels: layered marks flatten with the top layer winning") {
  const ImU32 quote = 1, hit = 2, number_line = 3;
  std::vector<TextMark> quotes = {{{0, 20}, quote, 0, 7}};
  std::vector<TextMark> numbers = {{{5, 10}, 0, number_line, 9}};
  std::vector<TextMark> hits = {{{8, 12}, hit, 0, -1}};
  std::vector<TextMark> flat = flatten_marks({quotes, numbers, hits});
  REQUIRE(flat.size() == 5);
  CHECK(flat[0].span == Span{0, 5});
  CHECK(flat[0].background == quote);
  CHECK(flat[1].span == Span{5, 8});
  CHECK(flat[1].underline == number_line);
  CHECK(flat[1].tag == 9);
  CHECK(flat[2].span == Span{8, 10});
  CHECK(flat[2].background == hit);
  CHECK(flat[2].underline == number_line);
  CHECK(flat[3].span == Span{10, 12});  // the hit goes on past the number
  CHECK(flat[3].background == hit);
  CHECK(flat[3].underline == 0);
  CHECK(flat[4].span == Span{12, 20});  // then the quote resumes
  CHECK(flat[4].tag == 7);
  CHECK(flatten_marks({}).empty());
}

TEST_CASE("panels: the reader shows the analysis and hides site chrome on request") {
  Harness h;
  h.app.load_demo_corpus();
  h.frames(4);
  REQUIRE_FALSE(h.app.analysing());
  // 001 (Taiwan-focused news site) has a comment form and teasers at its end.
  int64_t idx = -1;
  for (size_t i = 0; i < h.app.corpus.size(); ++i)
    if (h.app.corpus.doc(i).meta.origin.rfind("001_", 0) == 0) idx = static_cast<int64_t>(i);
  REQUIRE(idx >= 0);
  h.app.commands.push_back({Command::Kind::SelectArticle, idx});
  h.frames(2);
  const Analysis& an = h.app.corpus.doc(idx).analysis;
  REQUIRE(an.done);
  size_t chrome = 0;
  for (bool b : an.boilerplate) chrome += b;
  REQUIRE(chrome > 5);
  const std::string label = "Reader/Site chrome (" + std::to_string(chrome) + ")";
  REQUIRE(h.click(label.c_str()));
  CHECK_FALSE(h.app.reader_panel.show_chrome);
  const std::string sentences = "Reader/Sentences (" + std::to_string(an.sentences.size()) + ")";
  REQUIRE(h.click(sentences.c_str()));
  CHECK(h.app.reader_panel.sentence_mode);
  h.frames(2);
  CHECK(!an.quotes.empty());
  CHECK(!an.quantities.empty());
}
