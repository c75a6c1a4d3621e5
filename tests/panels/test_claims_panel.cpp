// Claims panel smoke tests (issue 5): the panel drawn with no GPU on a hand-made ClaimIndex
// (groups, links, bridges and differences given, so these tests check the panel, not the
// alignment), clicked by label the way a user would: the tab, the ranked list and its sort,
// the side-by-side view, click-through to the Reader with the claim marked, the claim filter
// chip, the omission matrix and its orders, the exports; and a list of 5,000 groups.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "app.h"
#include "imgui.h"
#include "item_locator.h"
#include "panel_harness.h"

using namespace px;

namespace {

struct ClaimsPlatform : PlatformHooks {
  std::vector<std::pair<std::string, std::string>> downloads;  // name, bytes
  void download(const std::string& name, const std::string& bytes, const std::string&) override {
    downloads.push_back({name, bytes});
  }
};

struct Harness : px_test::PanelHarness<ClaimsPlatform> {
  Harness() : PanelHarness(ImVec2(1280, 800)) {}  // the browser tests' viewport
  // Two frames after the move and after the release (these tests were written that way).
  bool click(const char* label) { return PanelHarness::click(label, 2, 2); }
  void settle() {
    for (int i = 0; i < 40 && (app.analysing() || app.entities_pending() || app.claims_pending()); ++i) frame();
    frames(2);
  }
};

// A document whose analysis is given: one paragraph per sentence.
Document make_doc(const char* id, const char* source, const char* lang, const std::vector<std::string>& sentences) {
  Document d;
  d.meta.id = id;
  d.meta.source = source;
  d.meta.language = lang;
  d.meta.language_from = Provenance::Given;
  d.meta.published = "2025-05-21";
  d.meta.title = std::string(source) + " " + id;
  for (const std::string& text : sentences) {
    const uint32_t begin = static_cast<uint32_t>(d.text.size());
    d.text += text;
    const Span span{begin, static_cast<uint32_t>(d.text.size())};
    d.text += "\n\n";
    d.analysis.sentences.push_back({span, static_cast<uint32_t>(d.paragraphs.size()), lang, 1.f, false});
    d.paragraphs.push_back(span);
    d.analysis.boilerplate.push_back(false);
  }
  d.word_count = 20;
  d.analysis.done = true;
  return d;
}

enum Doc : uint32_t { kEn1, kEn2, kIt1, kDe1 };

void load_docs(AppState& app) {
  std::vector<Document> docs;
  docs.push_back(make_doc("en1", "Daily Planet", "en",
                          {"A stronger NATO will benefit Japan greatly, Rutte said.",
                           "China will have over 1,000 nuclear warheads by 2030."}));
  docs.push_back(make_doc("en2", "Morning Post", "en", {"Strengthening NATO will bring great benefits to Japan, Rutte claimed."}));
  docs.push_back(make_doc("it1", "Corriere", "it",
                          {"Una NATO più forte porterà notevoli benefici al Giappone.",
                           "La Cina avrà XNUMX testate nucleari entro il 2030."}));
  docs.push_back(make_doc("de1", "Tagesblatt", "de", {"Das Wetter war schön."}));
  app.corpus.add_all(std::move(docs));
  app.selected = kDe1;
}

// Where `word` is in sentence `s` of `doc` (document offsets).
Span find(const AppState& app, uint32_t doc, uint32_t s, const std::string& word) {
  const Document& d = app.corpus.doc(doc);
  const Span sent = d.analysis.sentences[s].span;
  const size_t at = d.text.find(word, sent.begin);
  REQUIRE(at != std::string::npos);
  REQUIRE(at < sent.end);
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + word.size())};
}

ClaimUnit unit(const AppState& app, uint32_t id, uint32_t doc, uint32_t s, const char* lang) {
  ClaimUnit u;
  u.id = id;
  u.doc = doc;
  u.sentence = s;
  u.span = app.corpus.doc(doc).analysis.sentences[s].span;
  u.kinds = kClaimAssertion;
  u.lang = lang;
  return u;
}

// Two groups, ranked: the warheads (a number mismatch, disagreement 0.8), then the benefit
// claim in two English phrasings and an Italian one (a reporting verb, 0.4).
ClaimIndex make_index(const AppState& app) {
  ClaimIndex ci;
  ci.units = {unit(app, 0, kEn1, 0, "en"), unit(app, 1, kEn1, 1, "en"), unit(app, 2, kEn2, 0, "en"),
              unit(app, 3, kIt1, 0, "it"), unit(app, 4, kIt1, 1, "it")};
  ci.units[1].kinds |= kClaimNumber;
  ci.units[4].kinds |= kClaimNumber;

  ClaimGroup warheads;
  warheads.id = 0;
  warheads.members = {1, 4};
  warheads.links = {{1, 4, 0.62f, {{BridgeKind::Number, find(app, kEn1, 1, "2030"), find(app, kIt1, 1, "2030"), 0.5f, "2030"},
                                    {BridgeKind::Translation, find(app, kEn1, 1, "warheads"), find(app, kIt1, 1, "testate"), 0.3f, "warhead"}}}};
  Difference num;
  num.kind = DiffKind::NumberMismatch;
  num.a = 1;
  num.b = 4;
  num.spans_a = {find(app, kEn1, 1, "1,000")};
  num.spans_b = {find(app, kIt1, 1, "XNUMX")};
  num.label_a = "1000";
  num.label_b = "XNUMX";
  num.message = "Corriere gives the number as \"XNUMX\" (missing or corrupt) where Daily Planet has 1000.";
  num.severity = 0.9f;
  warheads.differences = {num};
  warheads.cohesion = 0.62f;
  warheads.disagreement = 0.8f;
  warheads.outlets = 2;
  warheads.languages = 2;

  ClaimGroup benefit;
  benefit.id = 1;
  benefit.members = {0, 2, 3};
  benefit.links = {{0, 2, 0.81f, {{BridgeKind::Entity, find(app, kEn1, 0, "NATO"), find(app, kEn2, 0, "NATO"), 0.4f, "NATO"},
                                  {BridgeKind::SharedStem, find(app, kEn1, 0, "benefit"), find(app, kEn2, 0, "benefits"), 0.3f, "benefit"}}},
                   {0, 3, 0.74f, {{BridgeKind::Entity, find(app, kEn1, 0, "Japan"), find(app, kIt1, 0, "Giappone"), 0.4f, "Japan"},
                                  {BridgeKind::Translation, find(app, kEn1, 0, "benefit"), find(app, kIt1, 0, "benefici"), 0.3f, "benefit"}}}};
  Difference verb;
  verb.kind = DiffKind::ReportingVerb;
  verb.a = 0;
  verb.b = 2;
  verb.spans_a = {find(app, kEn1, 0, "said")};
  verb.spans_b = {find(app, kEn2, 0, "claimed")};
  verb.label_a = "said (neutral)";
  verb.label_b = "claimed (distancing)";
  verb.message = "Morning Post reports it as \"claimed\", which distances the outlet from it; Daily Planet has \"said\".";
  verb.severity = 0.4f;
  benefit.differences = {verb};
  benefit.cohesion = 0.78f;
  benefit.disagreement = 0.4f;
  benefit.outlets = 3;
  benefit.languages = 2;

  ci.groups = {warheads, benefit};
  ci.group_of_unit = {1, 0, 1, 1, 0};
  return ci;
}

// The Claims tab in front, the stub corpus linked, the hand-made claims shown.
void open_claims(Harness& h) {
  load_docs(h.app);
  h.settle();
  h.app.set_claims(make_index(h.app));
  h.frames(2);
  REQUIRE(h.click("Entities/Claims##analysis"));
  h.frames(2);
}

}  // namespace

TEST_CASE("claims panel: shares its region with Entities as a tab") {
  Harness h;
  load_docs(h.app);
  h.settle();
  auto entities = locate_item("window:Entities");
  REQUIRE(entities);
  CHECK_FALSE(locate_item("window:Claims"));  // behind its tab: not drawn
  // The default layout gives the region real room on a 1280x800 screen.
  CHECK(entities->w > 700.f);
  CHECK(entities->h > 500.f);
  REQUIRE(h.click("Entities/Claims##analysis"));
  h.frames(2);  // the tab bar acts on a click a frame later
  auto claims = locate_item("window:Claims");
  REQUIRE(claims);
  CHECK_FALSE(locate_item("window:Entities"));
  CHECK(claims->x == entities->x);
  CHECK(claims->y == entities->y);
  CHECK(claims->w == entities->w);
  CHECK(claims->h == entities->h);
  CHECK(h.app.state_json()["claims"]["tab"] == 1);
  // The Reader and the panels do not overlap it.
  auto reader = locate_item("window:Reader");
  REQUIRE(reader);
  CHECK(reader->x >= claims->x + claims->w - 1.f);
  // And back.
  REQUIRE(h.click("Claims/Entities##analysis"));
  h.frames(2);
  CHECK(locate_item("window:Entities"));
  CHECK_FALSE(locate_item("window:Claims"));
}

TEST_CASE("claims panel: groups ranked by disagreement, the side by side view, sorting") {
  Harness h;
  open_claims(h);
  REQUIRE(h.app.claims().groups.size() == 2);
  CHECK(locate_item("Claims/group 0"));
  CHECK(locate_item("Claims/group 1"));
  CHECK(h.app.claims_panel.selected == -1);
  REQUIRE(h.click("Claims/group 0"));  // the top row: the warheads, most disagreement
  CHECK(h.app.claims_panel.selected == 0);
  CHECK(locate_item("Claims/member 0"));
  CHECK(locate_item("Claims/member 1"));
  CHECK_FALSE(locate_item("Claims/member 2"));
  nlohmann::json s = h.app.state_json()["claims"]["selected"];
  REQUIRE(s.is_object());
  CHECK(s["members"][1]["outlet"] == "Corriere");
  CHECK(s["differences"][0]["kind"] == "number-mismatch");
  CHECK(s["differences"][0]["label_b"] == "XNUMX");
  CHECK(s["links"][0]["bridges"][0]["via"] == "2030");
  // Members of the benefit group side by side: three columns fit in the panel's width.
  REQUIRE(h.click("Claims/group 1"));
  CHECK(h.app.claims_panel.selected == 1);
  auto m0 = locate_item("Claims/member 0"), m1 = locate_item("Claims/member 1"), m2 = locate_item("Claims/member 2");
  REQUIRE(m0);
  REQUIRE(m1);
  REQUIRE(m2);
  CHECK(m1->x > m0->x + m0->w - 1.f);
  CHECK(m2->x > m1->x + m1->w - 1.f);
  CHECK(m0->y == m1->y);
  // Keyboard: up goes back to the top row.
  ImGui::GetIO().AddKeyEvent(ImGuiKey_UpArrow, true);
  h.frame();
  ImGui::GetIO().AddKeyEvent(ImGuiKey_UpArrow, false);
  h.frames(2);
  CHECK(h.app.claims_panel.selected == 0);
  // Sorting: the Disagreement header flips the ranking; Outlets puts the benefit claim (3) first.
  REQUIRE(h.click("Claims/Disagreement"));
  REQUIRE(h.app.claims_panel.order.size() == 2);
  CHECK(h.app.claims_panel.order[0] == 1);
  REQUIRE(h.click("Claims/Disagreement"));
  CHECK(h.app.claims_panel.order[0] == 0);
  REQUIRE(h.click("Claims/Outlets"));
  CHECK(h.app.claims_panel.order[0] == 1);
  REQUIRE(h.click("Claims/group 0"));  // rows follow the displayed order
  CHECK(h.app.claims_panel.selected == 1);
}

TEST_CASE("claims panel: a member opens the Reader at its sentence with the claim marked; filter by claim") {
  Harness h;
  open_claims(h);
  REQUIRE(h.click("Claims/group 0"));
  REQUIRE(h.click("Claims/member 1"));  // Corriere's "XNUMX testate"
  CHECK(h.app.selected == kIt1);
  CHECK(h.app.reader_panel.evidence_article == kIt1);
  CHECK(h.app.corpus.doc(kIt1).slice(h.app.reader_panel.evidence_span) == "La Cina avrà XNUMX testate nucleari entro il 2030.");
  // The Reader marks the group's unit and underlines the number in the mismatch's colour.
  const Span xnumx = find(h.app, kIt1, 1, "XNUMX");
  bool unit_marked = false, number_underlined = false;
  for (const TextMark& m : h.app.reader_panel.marks) {
    if (m.background && m.span.begin >= h.app.reader_panel.evidence_span.begin && m.span.end <= h.app.reader_panel.evidence_span.end &&
        m.span.end <= xnumx.begin)
      unit_marked = true;
    if (m.span.begin <= xnumx.begin && m.span.end >= xnumx.end && m.underline == diff_kind_color(DiffKind::NumberMismatch, 230))
      number_underlined = true;
  }
  CHECK(unit_marked);
  CHECK(number_underlined);
  // The Reader's toggle takes the claim marks away.
  h.app.reader_panel.show_claims = false;
  h.frames(2);
  for (const TextMark& m : h.app.reader_panel.marks) CHECK(m.underline != diff_kind_color(DiffKind::NumberMismatch, 230));
  h.app.reader_panel.show_claims = true;

  // Filter the article table to the claim's articles; the chip removes it.
  REQUIRE(h.click("Claims/Filter articles by this claim"));
  CHECK(h.app.visible_rows().size() == 2);
  CHECK(h.app.claim_filter_label.rfind("China will have", 0) == 0);
  CHECK(locate_item("Articles/×##claim_chip"));
  REQUIRE(h.click("Articles/×##claim_chip"));
  CHECK(h.app.claim_filter.empty());
  CHECK(h.app.visible_rows().size() == 4);
  // Clear all filters clears it too.
  h.app.commands.push_back({Command::Kind::FilterClaim, 1});
  h.frames(2);
  CHECK(h.app.visible_rows().size() == 3);
  h.app.commands.push_back({Command::Kind::ClearFilters});
  h.frames(2);
  CHECK(h.app.visible_rows().size() == 4);
}

TEST_CASE("claims panel: the omission matrix, its row and column orders, click-through") {
  Harness h;
  open_claims(h);
  REQUIRE(h.click("Claims/Omission matrix"));
  ClaimsPanelState& st = h.app.claims_panel;
  REQUIRE(st.outlets.size() == 4);  // every outlet, Tagesblatt (reports neither) included
  CHECK(st.outlets[0] == "Corriere");
  CHECK(st.outlets[3] == "Tagesblatt");
  REQUIRE(st.outlet_columns.size() == 4);
  // Row 0 = the warheads: Corriere and Daily Planet report it, Morning Post and Tagesblatt do not.
  const size_t n = st.outlets.size();
  CHECK(st.reported[0 * n + 0] == 1);
  CHECK(st.reported[0 * n + 1] == 1);
  CHECK(st.reported[0 * n + 2] == 0);
  CHECK(st.reported[0 * n + 3] == 0);
  CHECK(locate_item("Claims/cell 0 0"));
  CHECK(locate_item("Claims/cell 1 3"));
  // Columns by claims reported: Corriere and Daily Planet (2 each), Morning Post (1), Tagesblatt.
  st.outlet_order = 1;
  h.frames(2);
  CHECK(st.outlet_columns == std::vector<uint32_t>{0, 1, 2, 3});
  // Columns by a row: select the benefit claim; its reporters come first (Morning Post before Tagesblatt).
  st.outlet_order = 2;
  h.app.commands.push_back({Command::Kind::SelectClaimGroup, 1});
  h.frames(2);
  CHECK(st.outlet_columns == std::vector<uint32_t>{0, 1, 2, 3});
  h.app.commands.push_back({Command::Kind::SelectClaimGroup, 0});
  h.frames(2);
  CHECK(st.outlet_columns[2] == 2);
  st.outlet_order = 0;
  h.frames(2);
  // Rows sorted by the Claim column: "A stronger NATO…" before "China will…".
  REQUIRE(h.click("Claims/Claim"));
  REQUIRE(st.matrix_rows.size() == 2);
  CHECK(st.matrix_rows[0] == 1);
  // Rows sorted by the Reported column (most outlets first): the benefit claim (3 outlets).
  REQUIRE(h.click("Claims/Reported"));
  CHECK(st.matrix_rows[0] == 1);
  REQUIRE(h.click("Claims/Reported"));
  CHECK(st.matrix_rows[0] == 0);
  // Hover tells who left it out; a reported cell opens the Reader at that outlet's phrasing.
  auto cell = locate_item("Claims/cell 0 3");  // row 0 (warheads), Tagesblatt
  REQUIRE(cell);
  ImGui::GetIO().AddMousePosEvent(cell->cx(), cell->cy());
  h.frames(2);
  CHECK(st.hover_label.rfind("Tagesblatt does not report: China will have", 0) == 0);
  REQUIRE(h.click("Claims/cell 0 0"));  // Corriere
  CHECK(h.app.selected == kIt1);
  CHECK(h.app.reader_panel.evidence_article == kIt1);
  CHECK(h.app.claims_panel.selected == 0);
}

TEST_CASE("claims panel: exports of the groups (JSON, CSV) and of the omission matrix") {
  Harness h;
  open_claims(h);
  REQUIRE(h.click("Claims/Export JSON"));
  REQUIRE(h.platform.downloads.size() == 1);
  CHECK(h.platform.downloads[0].first == "parallax-claims.json");
  const nlohmann::json j = nlohmann::json::parse(h.platform.downloads[0].second, nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
  REQUIRE(j["groups"].size() == 2);
  const nlohmann::json& g0 = j["groups"][0];
  CHECK(g0["rank"] == 1);
  CHECK(g0["members"][0]["reference"] == true);
  CHECK(g0["members"][0]["outlet"] == "Daily Planet");
  CHECK(g0["members"][1]["text"] == "La Cina avrà XNUMX testate nucleari entro il 2030.");
  CHECK(g0["members"][1]["article"] == "it1");
  CHECK(g0["differences"][0]["kind"] == "number-mismatch");
  CHECK(g0["differences"][0]["text_a"][0] == "1,000");
  CHECK(g0["differences"][0]["text_b"][0] == "XNUMX");
  CHECK(g0["links"][0]["bridges"][1]["text_b"][0] == "testate");
  CHECK(j["groups"][1]["links"][1]["bridges"][0]["text_b"][0] == "Giappone");

  REQUIRE(h.click("Claims/Export CSV"));
  REQUIRE(h.platform.downloads.size() == 2);
  CHECK(h.platform.downloads[1].first == "parallax-claims.csv");
  const std::string& csv = h.platform.downloads[1].second;
  CHECK(csv.rfind("rank,disagreement,outlets,languages,reference,outlet,language,article_id,title,sentence,text,differences\n", 0) == 0);
  CHECK(csv.find("\n1,0.8000,2,en it,0,Corriere,it,it1,Corriere it1,1,La Cina avrà XNUMX testate nucleari entro il 2030.,"
                 "\"number-mismatch: Corriere gives the number as \"\"XNUMX\"\" (missing or corrupt) where Daily Planet has 1000.\"\n") !=
        std::string::npos);
  CHECK(csv.find("\n2,0.4000,3,en it,1,Daily Planet,en,en1,Daily Planet en1,0,\"A stronger NATO will benefit Japan greatly, Rutte said.\",\n") !=
        std::string::npos);

  REQUIRE(h.click("Claims/Omission CSV"));
  REQUIRE(h.platform.downloads.size() == 3);
  CHECK(h.platform.downloads[2].first == "parallax-omission.csv");
  CHECK(h.platform.downloads[2].second ==
        "rank,claim,reported_by,Corriere,Daily Planet,Morning Post,Tagesblatt\n"
        "1,\"China will have over 1,000 nuclear warheads by 2030.\",2,1,1,0,0\n"
        "2,\"A stronger NATO will benefit Japan greatly, Rutte said.\",3,1,1,1,0\n");
  CHECK(h.app.claims_panel.message == "Saved parallax-omission.csv");
}

TEST_CASE("claims panel: 5,000 groups stay virtualised and sortable") {
  Harness h;
  open_claims(h);
  ClaimIndex big = make_index(h.app);
  const ClaimGroup a = big.groups[0], b = big.groups[1];
  big.groups.clear();
  for (uint32_t i = 0; i < 5000; ++i) {
    ClaimGroup g = i % 2 ? b : a;
    g.id = i;
    g.disagreement = 1.f - static_cast<float>(i) / 5000.f;
    big.groups.push_back(g);
  }
  h.app.set_claims(std::move(big));
  h.frames(2);
  CHECK(locate_item("Claims/group 0"));
  CHECK_FALSE(locate_item("Claims/group 4999"));  // only the visible rows are drawn
  REQUIRE(h.click("Claims/Disagreement"));          // ascending: the least disputed first
  CHECK(h.app.claims_panel.order.front() == 4999);
  REQUIRE(h.click("Claims/group 0"));
  CHECK(h.app.claims_panel.selected == 4999);
  REQUIRE(h.click("Claims/Omission matrix"));
  CHECK(h.app.claims_panel.matrix_rows.size() == 5000);
  CHECK(locate_item("Claims/cell 0 0"));
}

TEST_CASE("claims panel: missing dictionaries and lexicons leave notes, not a crash; new claims keep the selection") {
  Harness h;
  h.app.load_text_resources("/nonexistent-parallax-assets");
  CHECK(h.app.claims_notes.size() == 2);
  open_claims(h);
  CHECK(h.app.state_json()["claims"]["notes"].size() == 2);
  REQUIRE(h.click("Claims/group 1"));  // the benefit claim
  // A recomputation ranks it first now: the selection follows the claim, not the row.
  ClaimIndex again = make_index(h.app);
  std::swap(again.groups[0], again.groups[1]);
  again.groups[0].id = 0;
  again.groups[1].id = 1;
  again.group_of_unit = {0, 1, 0, 0, 1};
  h.app.set_claims(std::move(again));
  h.frames(2);
  CHECK(h.app.claims_panel.selected == 0);
  // An empty result says so.
  h.app.set_claims(ClaimIndex{});
  h.frames(3);
  CHECK(h.app.claims_panel.selected == -1);
  CHECK(locate_item("window:Claims"));
  CHECK_FALSE(locate_item("Claims/group 0"));
}

TEST_CASE("claims panel: the demo corpus's claims are computed a slice at a time and drawn") {
  Harness h;
  h.app.load_text_resources(PX_GENERATED_ASSETS);
  h.app.load_demo_corpus();
  int frames = 0;
  for (; frames < 400 && (h.app.analysing() || h.app.entities_pending() || h.app.claims_pending()); ++frames) h.frame();
  h.frames(2);
  REQUIRE_FALSE(h.app.claims_pending());
  const ClaimIndex& ci = h.app.claims();
  MESSAGE(ci.units.size() << " units, " << ci.groups.size() << " groups in " << frames << " frames; longest stage " << h.app.claims_max_ms << " ms");
  for (const ClaimGroup& g : ci.groups) {
    std::string line;
    for (uint32_t u : g.members) line += "[" + ci.units[u].lang + "] " + h.app.claim_text(ci.units[u], 70) + "  ";
    MESSAGE(g.disagreement << " " << line);
  }
  CHECK(ci.units.size() > 20);
  REQUIRE_FALSE(ci.groups.empty());
  // "A stronger NATO will benefit Japan greatly" (en) and "Una NATO più forte porterà notevoli
  // benefici al Giappone" (it) in one group.
  bool benefit = false;
  for (const ClaimGroup& g : ci.groups) {
    bool en = false, it = false;
    for (uint32_t u : g.members) {
      const std::string t = h.app.claim_text(ci.units[u]);
      en |= t.find("stronger NATO will benefit Japan") != std::string::npos;
      it |= t.find("notevoli benefici al Giappone") != std::string::npos;
    }
    benefit |= en && it;
  }
  CHECK(benefit);
  REQUIRE(h.click("Entities/Claims##analysis"));
  h.frames(2);
  REQUIRE(h.click("Claims/group 0"));
  CHECK(h.app.claims_panel.selected == 0);
  CHECK(locate_item("Claims/member 1"));
}
