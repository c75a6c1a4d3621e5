// Entities panel smoke tests (issue 4): the charts drawn with no GPU on a small hand-made data
// set (mentions given, so these tests check the panel, not recognition), clicked by label the
// way a user would: cells filter the table and open the Reader, toggles change what is
// counted, edits change the entity index, exports reach the platform.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "app.h"
#include "imgui.h"
#include "item_locator.h"
#include "panel_harness.h"

using namespace px;

namespace {

struct EntityPlatform : PlatformHooks {
  std::vector<std::string> downloads;  // "name\nbytes"
  int edits_saved = 0;
  void download(const std::string& name, const std::string& bytes, const std::string&) override {
    downloads.push_back(name + "\n" + bytes);
  }
  void entity_edits_changed() override { ++edits_saved; }
};

// 1400x900; the defaults of PanelHarness (two frames after a move, one after a release).
using Harness = px_test::PanelHarness<EntityPlatform>;

struct Name {
  const char* text;  // as written in the sentence
  const char* key;   // linking key
  const char* known_id;
  EntityType type;
};

// A document whose analysis is given: one paragraph per sentence, mentions found by substring.
Document make_doc(const char* id, const char* source, const char* lang, const char* date,
                  const std::vector<std::pair<std::string, std::vector<Name>>>& sentences) {
  Document d;
  d.meta.id = id;
  d.meta.source = source;
  d.meta.language = lang;
  d.meta.language_from = Provenance::Given;
  d.meta.published = date;
  d.meta.title = std::string(source) + " " + id;
  for (const auto& [text, names] : sentences) {
    const uint32_t begin = static_cast<uint32_t>(d.text.size());
    d.text += text;
    const Span span{begin, static_cast<uint32_t>(d.text.size())};
    d.text += "\n\n";
    const uint32_t s = static_cast<uint32_t>(d.analysis.sentences.size());
    d.analysis.sentences.push_back({span, static_cast<uint32_t>(d.paragraphs.size()), lang, 1.f, false});
    d.paragraphs.push_back(span);
    d.analysis.boilerplate.push_back(false);
    for (const Name& n : names) {
      const size_t at = text.find(n.text);
      REQUIRE(at != std::string::npos);
      MentionInfo m;
      m.span = {static_cast<uint32_t>(begin + at), static_cast<uint32_t>(begin + at + std::string(n.text).size())};
      m.sentence = s;
      m.type = n.type;
      m.key = n.key;
      m.known_id = n.known_id;
      d.analysis.mentions.push_back(m);
    }
  }
  std::sort(d.analysis.mentions.begin(), d.analysis.mentions.end(),
            [](const MentionInfo& a, const MentionInfo& b) { return a.span.begin < b.span.begin; });
  d.word_count = 20;
  d.analysis.done = true;
  return d;
}

const Name kRutte{"Rutte", "rutte", "", EntityType::Person};
const Name kRutteRu{"Рютте", "rutte", "", EntityType::Person};
const Name kIshiba{"Ishiba", "ishiba", "", EntityType::Person};
const Name kIshibaJa{"石破", "ishiba", "", EntityType::Person};
const Name kNato{"NATO", "nato", "O:NATO", EntityType::Organisation};
const Name kNatoRu{"НАТО", "nato", "O:NATO", EntityType::Organisation};
const Name kJapan{"Japan", "japan", "C:JP", EntityType::Location};
const Name kGiappone{"Giappone", "giappone", "C:JP", EntityType::Location};
const Name kTokyo{"Tokyo", "tokyo", "", EntityType::Location};

// Rutte and NATO together in every article; Ishiba and Japan in most; Tokyo once.
void load_stub(AppState& app) {
  std::vector<Document> docs;
  docs.push_back(make_doc("en1", "Daily Planet", "en", "2025-05-20",
                          {{"NATO Secretary General Rutte met Ishiba in Tokyo.", {kNato, kRutte, kIshiba, kTokyo}},
                           {"Rutte said NATO needs Japan.", {kRutte, kNato, kJapan}}}));
  docs.push_back(make_doc("it1", "Corriere", "it", "2025-05-21",
                          {{"Il segretario della NATO Rutte ha incontrato Ishiba.", {kNato, kRutte, kIshiba}},
                           {"Il Giappone e la NATO rafforzano i legami.", {kGiappone, kNato}}}));
  docs.push_back(make_doc("ru1", "Izvestia", "ru", "2025-05-21",
                          {{"Генсек НАТО Рютте прибыл в Японию.", {kNatoRu, kRutteRu}}}));
  docs.push_back(make_doc("ja1", "Asahi", "ja", "2025-05-22",
                          {{"石破首相は日本の防衛について語った。", {kIshibaJa}}}));
  app.corpus.add_all(std::move(docs));
  app.selected = 0;
}

int64_t entity_named(const AppState& app, const std::string& name) {
  for (const Entity& e : app.entity_index().entities)
    if (e.name == name) return e.id;
  return -1;
}

void settle(Harness& h) {
  for (int i = 0; i < 20 && (h.app.entities_pending() || h.app.analysing()); ++i) h.frame();
  h.frames(2);
}

}  // namespace

TEST_CASE("entities panel: links the stub corpus and draws a heatmap with hover evidence") {
  Harness h;
  load_stub(h.app);
  settle(h);
  REQUIRE_FALSE(h.app.entities_pending());
  const EntityIndex& idx = h.app.entity_index();
  // NATO = НАТО, Japan = Giappone (gazetteer id); Rutte = Рютте, Ishiba = 石破 (linking key).
  CHECK(idx.entities.size() == 5);
  const int64_t rutte = entity_named(h.app, "Rutte"), nato = entity_named(h.app, "NATO");
  REQUIRE(rutte >= 0);
  REQUIRE(nato >= 0);
  CHECK(idx.entities[rutte].documents == 3);
  CHECK(locate_item("Entities/##heatmap"));
  // The two most frequent (NATO 5 sentences, Rutte 4) head the heatmap.
  REQUIRE(h.app.entities_panel.top.size() == 5);
  CHECK(h.app.entities_panel.top[0] == static_cast<uint32_t>(nato));
  CHECK(h.app.entities_panel.top[1] == static_cast<uint32_t>(rutte));
  REQUIRE(h.hover("Entities/heat 0 1"));
  const std::string& label = h.app.entities_panel.hover_label;
  CHECK(label.find("NATO × Rutte: together in 4 sentences") == 0);
  REQUIRE(h.app.entities_panel.hover_evidence.size() == 4);  // three sentences and "… and 1 more"
  CHECK(h.app.entities_panel.hover_evidence[0].find("NATO Secretary General Rutte met Ishiba") != std::string::npos);
  CHECK(h.app.entities_panel.hover_evidence[0].find("Daily Planet (en)") != std::string::npos);
  // The JS API state carries what is hovered (the browser tests read it).
  CHECK(h.app.state_json()["entities"]["hover"]["label"] == label);
}

TEST_CASE("entities panel: clicking a cell filters the table to the pair and opens the reader at the evidence") {
  Harness h;
  load_stub(h.app);
  settle(h);
  h.app.selected = 3;  // the Japanese article: not one with the pair
  REQUIRE(h.click("Entities/heat 0 1"));
  settle(h);
  REQUIRE(h.app.entity_filter.size() == 2);
  CHECK(h.app.entity_filter_label == "NATO + Rutte");
  CHECK(h.app.visible_rows().size() == 3);  // en1, it1, ru1 mention both
  CHECK(h.app.selected == 0);
  CHECK(h.app.reader_panel.evidence_article == 0);
  CHECK(h.app.corpus.doc(0).slice(h.app.reader_panel.evidence_span) == "NATO Secretary General Rutte met Ishiba in Tokyo.");
  // The chip in the Articles panel removes the filter.
  REQUIRE(h.click("Articles/×##entity_chip"));
  CHECK(h.app.entity_filter.empty());
  CHECK(h.app.visible_rows().size() == 4);
}

TEST_CASE("entities panel: toggles change what is counted") {
  Harness h;
  load_stub(h.app);
  settle(h);
  const uint32_t sentence_units = h.app.cooccurrence().units;
  CHECK(sentence_units == 6);
  REQUIRE(h.click("Entities/NPMI"));
  CHECK(h.app.entities_panel.npmi);
  REQUIRE(h.click("Entities/Demonyms count for their country"));
  CHECK(h.app.demonyms_count);
  h.app.entity_scope = CooccurrenceScope::Paragraph;  // the combo's effect (its popup is not clicked here)
  h.app.entity_options_changed();
  settle(h);
  CHECK(h.app.cooccurrence().units == 6);  // one sentence per paragraph in the stub
  // Per-language view: only the Russian article counts.
  h.app.entity_group = "language:ru";
  h.app.entity_options_changed();
  settle(h);
  CHECK(h.app.cooccurrence().units == 1);
  REQUIRE(h.app.cooccurrence().pairs.size() == 1);
  // Sort by name puts Ishiba first (case-insensitive), then Japan, NATO...
  h.app.entity_group.clear();
  h.app.entity_options_changed();
  settle(h);
  h.app.entities_panel.sort = 1;
  h.frames(2);
  REQUIRE_FALSE(h.app.entities_panel.top.empty());
  CHECK(h.app.entity_index().entities[h.app.entities_panel.top[0]].name == "Ishiba");
}

TEST_CASE("entities panel: rename, retype, merge and undo change the index and are saved") {
  Harness h;
  load_stub(h.app);
  settle(h);
  // The user gives the panel room for the edit list (as dragging its border would).
  ImGui::SetWindowPos("Entities", ImVec2(0, 20));
  ImGui::SetWindowSize("Entities", ImVec2(900, 850));
  ImGui::SetWindowFocus("Entities");
  h.frames(2);
  REQUIRE(h.click("Entities/List & edits"));
  REQUIRE(h.click("Entities/Rutte"));
  REQUIRE(h.app.entities_panel.selected_key == "rutte");
  h.app.entities_panel.rename_input = "Mark Rutte";
  h.frames(1);
  REQUIRE(h.click("Entities/Rename"));
  settle(h);
  CHECK(entity_named(h.app, "Mark Rutte") >= 0);
  CHECK(entity_named(h.app, "Rutte") < 0);
  CHECK(h.platform.edits_saved == 1);
  REQUIRE(h.app.entity_edits.size() == 1);
  CHECK(h.app.entity_edits[0].kind == EntityEdit::Kind::Rename);
  // Merge Tokyo into Japan (a user's choice: the capital standing for the country).
  const size_t before = h.app.entity_index().entities.size();
  h.app.entities_panel.selected_key = "C:JP";
  h.app.entities_panel.merge_key = "tokyo";
  h.frames(2);
  REQUIRE(h.click("Entities/Merge"));
  settle(h);
  CHECK(h.app.entity_index().entities.size() == before - 1);
  CHECK(h.platform.edits_saved == 2);
  // The list of edits names what the user saw, not internal keys ("C:JP"), and keeps naming
  // Tokyo after the merge removed its key; the names survive saving and loading.
  REQUIRE(h.app.entity_edits.size() == 2);
  CHECK(h.app.entity_edits[0].a_name == "Rutte");
  CHECK(h.app.entity_edits[1].a_name == "Japan");
  CHECK(h.app.entity_edits[1].b_name == "Tokyo");
  {
    std::vector<EntityEdit> saved;
    REQUIRE(edits_from_json(edits_to_json(h.app.entity_edits), saved).ok());
    REQUIRE(saved.size() == 2);
    CHECK(saved[1].b_name == "Tokyo");
    // Edits saved before the names existed still load (names empty: the list falls back to keys).
    REQUIRE(edits_from_json(nlohmann::json::parse(R"([{"kind":"merge","a":"C:JP","b":"tokyo","value":""}])"), saved).ok());
    CHECK(saved.size() == 1);
    CHECK(saved[0].b_name.empty());
  }
  // Undo (the label finds the last edit's button): the merge goes, Tokyo is back; then the rename.
  REQUIRE(h.click("Entities/Undo"));
  settle(h);
  CHECK(h.app.entity_index().entities.size() == before);
  CHECK(entity_named(h.app, "Mark Rutte") >= 0);
  REQUIRE(h.click("Entities/Undo"));
  settle(h);
  CHECK(entity_named(h.app, "Rutte") >= 0);
  CHECK(h.app.entity_edits.empty());
  // Edits persist as JSON the platform writes next to the corpus.
  h.app.add_entity_edit({EntityEdit::Kind::SetType, "tokyo", {}, "ORG"});
  settle(h);
  const int64_t tokyo = entity_named(h.app, "Tokyo");
  REQUIRE(tokyo >= 0);
  CHECK(h.app.entity_index().entities[tokyo].type == EntityType::Organisation);
  std::vector<EntityEdit> back;
  REQUIRE(edits_from_json(edits_to_json(h.app.entity_edits), back).ok());
  REQUIRE(back.size() == 1);
  CHECK(back[0].value == "ORG");
}

TEST_CASE("entities panel: network, bars and timeline draw; exports reach the platform") {
  Harness h;
  load_stub(h.app);
  settle(h);
  REQUIRE(h.click("Entities/CSV"));
  REQUIRE(h.platform.downloads.size() == 1);
  const std::string& csv = h.platform.downloads[0];
  CHECK(csv.rfind("parallax-heatmap.csv\nentity_a,type_a,entity_b,type_b,count,npmi,scope\n", 0) == 0);
  CHECK(csv.find("\nNATO,ORG,Rutte,PER,4,") != std::string::npos);
  REQUIRE(h.click("Entities/PNG"));
  INFO(h.app.entities_panel.message);
  CHECK(h.app.entities_panel.message.find("PNG export needs the browser") == 0);  // no framebuffer natively

  REQUIRE(h.click("Entities/Network"));
  h.frames(3);
  REQUIRE(h.app.entities_panel.nodes.size() == 5);
  const float t0 = h.app.entities_panel.temperature;
  h.frames(10);
  CHECK(h.app.entities_panel.temperature < t0);  // the layout advances a little each frame
  // Drag the first node: it is pinned where it was dropped.
  auto r = locate_item("Entities/node 0");
  REQUIRE(r);
  ImGuiIO& io = ImGui::GetIO();
  io.AddMousePosEvent(r->cx(), r->cy());
  h.frames(2);
  io.AddMouseButtonEvent(0, true);
  h.frame();
  for (int i = 1; i <= 5; ++i) {
    io.AddMousePosEvent(r->cx() + 10.f * i, r->cy() + 6.f * i);
    h.frame();
  }
  io.AddMouseButtonEvent(0, false);
  h.frames(2);
  CHECK(h.app.entities_panel.nodes[0].pinned);
  CHECK(h.app.entity_filter.empty());  // a drag is not a click
  REQUIRE(h.click("Entities/CSV"));
  CHECK(h.platform.downloads.back().rfind("parallax-network.csv\nsource,source_type,target,target_type,count,npmi\n", 0) == 0);

  // Dense graph: every node pinned within a few pixels of the first. Labels never overprint
  // each other; those with no free side are left out; the hovered node's label always shows.
  {
    EntitiesPanelState& st = h.app.entities_panel;
    for (size_t i = 0; i < st.nodes.size(); ++i) {
      st.nodes[i].x = st.nodes[0].x + 3.f * static_cast<float>(i);
      st.nodes[i].y = st.nodes[0].y + 2.f * static_cast<float>(i);
      st.nodes[i].pinned = true;
    }
    h.frames(2);
    auto overlaps = [](const EntitiesPanelState::LabelBox& a, const EntitiesPanelState::LabelBox& b) {
      return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
    };
    auto check_no_overlap = [&] {
      for (size_t a = 0; a < st.network_labels.size(); ++a)
        for (size_t b = a + 1; b < st.network_labels.size(); ++b) CHECK_FALSE(overlaps(st.network_labels[a], st.network_labels[b]));
    };
    CHECK(st.network_labels.size() >= 2);             // four sides: some fit even here
    CHECK(st.network_labels.size() < st.nodes.size());  // not all five do
    check_no_overlap();
    // Hover the last node (drawn on top): its label is shown whatever else was placed.
    auto last = locate_item("Entities/node 4");
    REQUIRE(last);
    io.AddMousePosEvent(last->cx(), last->cy());
    h.frames(2);
    bool shown = false;
    for (const auto& l : st.network_labels) shown = shown || l.node == 4;
    CHECK(shown);
    check_no_overlap();
  }

  REQUIRE(h.click("Entities/Outlets & languages"));
  h.frames(2);
  CHECK(locate_item("Entities/##bars_source"));
  REQUIRE(h.click("Entities/CSV"));
  CHECK(h.platform.downloads.back().find("\nRutte,PER,language,ru,1\n") != std::string::npos);

  REQUIRE(h.click("Entities/Timeline"));
  h.frames(2);
  CHECK(locate_item("Entities/##timeline"));
  REQUIRE(h.click("Entities/CSV"));
  CHECK(h.platform.downloads.back().find("\n2025-05-21,NATO,ORG,3\n") != std::string::npos);
}

TEST_CASE("entities panel: the demo corpus opens with the panel and no entity is lost to an empty filter") {
  Harness h;
  h.app.load_text_resources(PX_GENERATED_ASSETS);
  h.app.load_demo_corpus();
  for (int i = 0; i < 40 && (h.app.analysing() || h.app.entities_pending()); ++i) h.frame();
  h.frames(2);
  CHECK(locate_item("window:Entities"));
  CHECK_FALSE(h.app.entities_pending());
  // A filter that matches nothing leaves the charts empty, not counting the whole corpus.
  h.app.commands.push_back({Command::Kind::SetSearch, -1, "zzzzqqqq"});
  h.frames(2);
  settle(h);
  CHECK(h.app.visible_rows().empty());
  CHECK(h.app.cooccurrence().units == 0);
}
