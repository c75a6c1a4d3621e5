// panel_entities.cpp — who appears with whom (issue 4): a co-occurrence heatmap, a network,
// mentions per outlet and per language, a timeline, and the entity list with the user's edits.
// Everything is drawn with ImGui draw lists (no chart library). Hovering shows counts and the
// evidence sentences; clicking filters the article table and opens the Reader at the evidence;
// every chart exports its data as CSV and its pixels as PNG (the platform reads them back).
//
// [SECTION] index: helpers · derived views · heatmap · network · bars · timeline · entity
// list and edits · the panel · the Articles chip
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "app.h"
#include "imgui.h"
#include "imgui_internal.h"  // ImGuiTestEngineHook_* (chart cells findable by tests), SetItemKeyOwner
#include "text_fold.h"

namespace px {
namespace {

//------------------------------------------------------------------------------------------
// [SECTION] helpers
//------------------------------------------------------------------------------------------
// Colour by entity type, readable on the light window background (ColorBrewer Set1-like).
ImU32 type_color(EntityType t, int alpha = 255) {
  switch (t) {
    case EntityType::Person: return IM_COL32(214, 84, 64, alpha);
    case EntityType::Organisation: return IM_COL32(52, 120, 190, alpha);
    case EntityType::Location: return IM_COL32(58, 150, 74, alpha);
    default: return IM_COL32(140, 100, 180, alpha);
  }
}
const char* type_label(EntityType t) {
  switch (t) {
    case EntityType::Person: return "person";
    case EntityType::Organisation: return "organisation";
    case EntityType::Location: return "place";
    default: return "other";
  }
}
constexpr EntityType kTypes[] = {EntityType::Person, EntityType::Organisation, EntityType::Location, EntityType::Misc};

// Categorical palette for outlets and languages (Tableau 10: distinct on white, colour-blind aware).
ImU32 palette(size_t i) {
  static const ImU32 c[] = {IM_COL32(78, 121, 167, 255), IM_COL32(242, 142, 43, 255), IM_COL32(225, 87, 89, 255),
                            IM_COL32(118, 183, 178, 255), IM_COL32(89, 161, 79, 255), IM_COL32(237, 201, 72, 255),
                            IM_COL32(176, 122, 161, 255), IM_COL32(255, 157, 167, 255), IM_COL32(156, 117, 95, 255),
                            IM_COL32(186, 176, 172, 255)};
  return c[i % 10];
}

ImU32 lerp_color(ImU32 a, ImU32 b, float t) {
  t = std::clamp(t, 0.f, 1.f);
  auto ch = [&](int s) {
    const float x = static_cast<float>((a >> s) & 255), y = static_cast<float>((b >> s) & 255);
    return static_cast<ImU32>(x + (y - x) * t + 0.5f) << s;
  };
  return ch(IM_COL32_R_SHIFT) | ch(IM_COL32_G_SHIFT) | ch(IM_COL32_B_SHIFT) | ch(IM_COL32_A_SHIFT);
}

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// Text cut to `max_px` pixels, with an ellipsis (names in axes and legends).
std::string fit_text(const std::string& s, float max_px) {
  if (ImGui::CalcTextSize(s.c_str()).x <= max_px) return s;
  std::string cut = s;
  while (!cut.empty() && ImGui::CalcTextSize((cut + "…").c_str()).x > max_px) {
    cut.pop_back();
    while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80) cut.pop_back();  // whole code points
    if (!cut.empty() && static_cast<unsigned char>(cut.back()) >= 0xC0) cut.pop_back();
  }
  return cut + "…";
}

// Text turned 90° counter-clockwise (read bottom to top), its baseline side facing right, with
// `bottom_left` the start of the text. ImGui draws text only horizontally: we draw it where it
// is sure to be inside the clip rectangle (glyphs outside it are dropped before we could turn
// them), then rotate its vertices into place.
void text_vertical(ImDrawList* dl, ImVec2 bottom_left, ImU32 col, const std::string& text) {
  const ImVec2 o = ImVec2(dl->GetClipRectMin().x + 1.f, dl->GetClipRectMin().y + 1.f);
  const int start = dl->VtxBuffer.Size;
  dl->AddText(o, col, text.c_str());
  for (int i = start; i < dl->VtxBuffer.Size; ++i) {
    ImVec2& p = dl->VtxBuffer[i].pos;
    const float dx = p.x - o.x, dy = p.y - o.y;
    p = ImVec2(bottom_left.x + dy, bottom_left.y - dx);
  }
}

// Makes a region of a chart findable by label like a widget (item_locator.h), so tests can
// point at "heat 0 1" or "node 0" the way they point at buttons.
void register_test_item(const char* label, ImVec2 min, ImVec2 max) {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  if (!g.TestEngineHookItems) return;
  const ImGuiID id = ImGui::GetID(label);
  ImGuiTestEngineHook_ItemAdd(&g, id, ImRect(min, max), nullptr);
  ImGuiTestEngineHook_ItemInfo(&g, id, label, 0);
}

// One evidence line: the sentence (cut to a readable length) and where it is from.
std::string evidence_line(const AppState& app, uint32_t doc, uint32_t sentence) {
  if (doc >= app.corpus.size()) return {};
  const Document& d = app.corpus.doc(doc);
  std::string text;
  if (sentence < d.analysis.sentences.size()) text = std::string(d.slice(d.analysis.sentences[sentence].span));
  for (char& c : text)
    if (c == '\n') c = ' ';
  constexpr size_t kMaxEvidenceBytes = 240;  // about three tooltip lines
  if (text.size() > kMaxEvidenceBytes) text = std::string(truncate_utf8(text, kMaxEvidenceBytes)) + "…";
  return "“" + text + "” — " + d.meta.source + " (" + d.meta.language + ")";
}

constexpr size_t kEvidenceShown = 3;  // sentences in a tooltip: enough to judge, short enough to read

void set_message(AppState& app, std::string text) {
  app.report(IngestMessage::Level::Info, text);
  app.entities_panel.message = std::move(text);
}

void show_tooltip(AppState& app, const std::string& title, const std::vector<std::string>& lines, const char* hint) {
  EntitiesPanelState& st = app.entities_panel;
  st.hover_label = title;
  st.hover_evidence = lines;
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.f);
  ImGui::TextUnformatted(title.c_str());
  if (!lines.empty()) ImGui::Separator();
  for (const std::string& l : lines) ImGui::TextWrapped("%s", l.c_str());
  if (hint) ImGui::TextDisabled("%s", hint);
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

// Evidence of one entity: its first mentions (in documents passing `keep`), one per sentence.
template <typename Keep>
std::vector<std::string> entity_evidence(const AppState& app, const Entity& e, Keep keep, MentionRef* first = nullptr) {
  std::vector<std::string> out;
  uint32_t last_doc = UINT32_MAX, last_sentence = UINT32_MAX;
  for (const MentionRef& m : e.mentions) {
    if (!keep(m.doc)) continue;
    const uint32_t s = app.mention_sentence(m);
    if (m.doc == last_doc && s == last_sentence) continue;
    if (out.empty() && first) *first = m;
    last_doc = m.doc;
    last_sentence = s;
    out.push_back(evidence_line(app, m.doc, s));
    if (out.size() >= kEvidenceShown) break;
  }
  return out;
}

std::vector<std::string> pair_evidence(const AppState& app, const CooccurrencePair& p) {
  std::vector<std::string> out;
  for (size_t i = 0; i < p.evidence.size() && i < kEvidenceShown; ++i)
    out.push_back(evidence_line(app, p.evidence[i].doc, p.evidence[i].sentence));
  if (p.evidence.size() > kEvidenceShown) out.push_back("… and " + std::to_string(p.evidence.size() - kEvidenceShown) + " more");
  return out;
}

// Clicking an entity or a pair: the table shows the articles with it, the Reader its evidence.
void drill_down(AppState& app, const std::string& key_a, const std::string& key_b, int64_t doc, uint32_t sentence) {
  app.commands.push_back({Command::Kind::FilterEntities, -1, key_a, key_b});
  if (doc >= 0) app.commands.push_back({Command::Kind::ShowEvidence, doc, {}, {}, sentence});
}

void drill_entity(AppState& app, uint32_t id) {
  const EntityIndex& idx = app.entity_index();
  const Entity& e = idx.entities[id];
  const std::vector<uint32_t>& rows = app.query().rows;
  // The first mention in an article the table shows (else the first at all).
  int64_t doc = -1;
  uint32_t sentence = 0;
  for (const MentionRef& m : e.mentions) {
    if (std::binary_search(rows.begin(), rows.end(), m.doc) || doc < 0) {
      doc = m.doc;
      sentence = app.mention_sentence(m);
      if (std::binary_search(rows.begin(), rows.end(), m.doc)) break;
    }
  }
  drill_down(app, idx.keys[id], {}, doc, sentence);
}

void drill_pair(AppState& app, const CooccurrencePair& p) {
  const EntityIndex& idx = app.entity_index();
  const int64_t doc = p.evidence.empty() ? -1 : static_cast<int64_t>(p.evidence[0].doc);
  drill_down(app, idx.keys[p.a], idx.keys[p.b], doc, p.evidence.empty() ? 0 : p.evidence[0].sentence);
}

// `csv` is called only when the button is pressed (the data of a 60x60 heatmap is not
// worth building every frame).
template <typename MakeCsv>
void export_buttons(AppState& app, const char* chart, MakeCsv csv, ImRect rect) {
  EntitiesPanelState& st = app.entities_panel;
  const std::string base = std::string("parallax-") + chart;
  ImGui::PushID(chart);
  if (ImGui::SmallButton("CSV")) {
    app.platform.download(base + ".csv", csv(), "text/csv");
    set_message(app, "Saved " + base + ".csv");
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Download this chart's data as CSV");
  ImGui::SameLine();
  if (ImGui::SmallButton("PNG")) {
    if (rect.GetWidth() < 2 || rect.GetHeight() < 2)
      set_message(app, "Nothing drawn to save yet");
    else if (app.platform.capture_png(base + ".png", rect.Min.x, rect.Min.y, rect.GetWidth(), rect.GetHeight()))
      set_message(app, "Saved " + base + ".png");
    else
      set_message(app, "PNG export needs the browser's screen; " + base + ".png was not saved here");
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Download this chart as a PNG image");
  ImGui::PopID();
}

//------------------------------------------------------------------------------------------
// [SECTION] derived views
//------------------------------------------------------------------------------------------
// How often each entity occurs in what is shown: units (sentences/paragraphs) of the visible
// articles, so the charts follow the filters.
uint32_t frequency(const AppState& app, uint32_t id) {
  const std::vector<uint32_t>& u = app.cooccurrence().entity_units;
  return id < u.size() ? u[id] : 0;
}

void rebuild_derived(AppState& app) {
  EntitiesPanelState& st = app.entities_panel;
  const uint64_t key = app.entities_revision() * 1000003ull + static_cast<uint64_t>(st.top_n) * 31ull + st.sort;
  if (key == st.derived_key) return;
  st.derived_key = key;
  const EntityIndex& idx = app.entity_index();
  std::vector<uint32_t> ids;
  for (uint32_t i = 0; i < idx.entities.size(); ++i)
    if (frequency(app, i) > 0) ids.push_back(i);
  std::stable_sort(ids.begin(), ids.end(), [&](uint32_t a, uint32_t b) { return frequency(app, a) > frequency(app, b); });
  if (ids.size() > static_cast<size_t>(st.top_n)) ids.resize(static_cast<size_t>(st.top_n));
  if (st.sort == 1) {
    std::vector<std::string> folded(idx.entities.size());
    for (uint32_t i : ids) folded[i] = fold_for_search(idx.entities[i].name);
    std::stable_sort(ids.begin(), ids.end(), [&](uint32_t a, uint32_t b) { return folded[a] < folded[b]; });
  } else if (st.sort == 2) {
    std::stable_sort(ids.begin(), ids.end(), [&](uint32_t a, uint32_t b) { return idx.entities[a].type < idx.entities[b].type; });
  }
  st.top = ids;
  const size_t n = ids.size();
  st.cells.assign(n * n, -1);
  std::vector<int32_t> pos(idx.entities.size(), -1);
  for (size_t i = 0; i < n; ++i) pos[ids[i]] = static_cast<int32_t>(i);
  const std::vector<CooccurrencePair>& pairs = app.cooccurrence().pairs;
  for (size_t k = 0; k < pairs.size(); ++k) {
    const CooccurrencePair& p = pairs[k];
    if (p.a >= pos.size() || p.b >= pos.size()) continue;
    const int32_t i = pos[p.a], j = pos[p.b];
    if (i < 0 || j < 0) continue;
    st.cells[static_cast<size_t>(i) * n + j] = st.cells[static_cast<size_t>(j) * n + i] = static_cast<int32_t>(k);
  }
}

//------------------------------------------------------------------------------------------
// [SECTION] heatmap
//------------------------------------------------------------------------------------------
const char* kSortNames[] = {"frequency", "name", "type"};

std::string heatmap_csv(const AppState& app) {
  const EntitiesPanelState& st = app.entities_panel;
  const EntityIndex& idx = app.entity_index();
  const std::vector<CooccurrencePair>& pairs = app.cooccurrence().pairs;
  std::string csv = "entity_a,type_a,entity_b,type_b,count,npmi,scope\n";
  const char* scope = app.entity_scope == CooccurrenceScope::Sentence ? "sentence" : "paragraph";
  const size_t n = st.top.size();
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      const int32_t k = st.cells[i * n + j];
      const Entity& a = idx.entities[st.top[i]];
      const Entity& b = idx.entities[st.top[j]];
      char num[64];
      std::snprintf(num, sizeof num, "%u,%.4f", k >= 0 ? pairs[k].count : 0u, k >= 0 ? pairs[k].npmi : 0.0);
      csv += csv_field(a.name) + "," + entity_type_code(a.type) + "," + csv_field(b.name) + "," + entity_type_code(b.type) +
             "," + num + "," + scope + "\n";
    }
  }
  return csv;
}

ImRect draw_heatmap(AppState& app) {
  EntitiesPanelState& st = app.entities_panel;
  const EntityIndex& idx = app.entity_index();
  const std::vector<CooccurrencePair>& pairs = app.cooccurrence().pairs;
  const size_t n = st.top.size();
  if (n < 2) {
    ImGui::TextDisabled("Fewer than two entities in the articles shown: nothing to pair.");
    return {};
  }
  const float line_h = ImGui::GetTextLineHeight();
  float label_w = 0;
  for (uint32_t id : st.top) label_w = std::max(label_w, ImGui::CalcTextSize(idx.entities[id].name.c_str()).x);
  constexpr float kMaxLabel = 170.f;  // longer names are cut: the grid matters more than full names
  label_w = std::min(label_w, kMaxLabel) + 8.f;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  constexpr float kLegendW = 90.f;  // colour scale to the right of the grid
  // Square cells that fit the panel, but not under 16 px while the width allows (a little
  // vertical scrolling reads better than cells too small to point at).
  const float fit_w = (avail.x - label_w - kLegendW - 4.f) / n, fit_h = (avail.y - label_w - 4.f) / n;
  const float cell = std::clamp(std::min(fit_w, std::max(fit_h, 16.f)), 9.f, 40.f);
  const ImVec2 size = ImVec2(label_w + cell * n + 2.f + kLegendW, label_w + cell * n + 2.f);
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##heatmap", size);
  const bool hovered = ImGui::IsItemHovered();
  const bool clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 g0 = ImVec2(p0.x + label_w, p0.y + label_w);  // grid origin
  dl->AddRectFilled(p0, ImVec2(p0.x + size.x, p0.y + size.y), IM_COL32(255, 255, 255, 255));

  uint32_t max_count = 1;
  for (int32_t k : st.cells)
    if (k >= 0) max_count = std::max(max_count, pairs[k].count);
  int hi = -1, hj = -1;
  if (hovered) {
    const ImVec2 m = ImGui::GetIO().MousePos;
    const int ci = static_cast<int>(std::floor((m.y - g0.y) / cell)), cj = static_cast<int>(std::floor((m.x - g0.x) / cell));
    if (ci >= 0 && cj >= 0 && ci < static_cast<int>(n) && cj < static_cast<int>(n)) hi = ci, hj = cj;
  }
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  for (size_t i = 0; i < n; ++i) {
    const Entity& e = idx.entities[st.top[i]];
    const std::string name = fit_text(e.name, label_w - 8.f);
    const ImU32 col = (static_cast<int>(i) == hi) ? type_color(e.type) : text;
    const float tw = ImGui::CalcTextSize(name.c_str()).x;
    // Row label, right-aligned against the grid, with a type swatch.
    dl->AddText(ImVec2(g0.x - tw - 6.f, g0.y + i * cell + (cell - line_h) * 0.5f), col, name.c_str());
    dl->AddRectFilled(ImVec2(g0.x - 4.f, g0.y + i * cell + 1.f), ImVec2(g0.x - 1.f, g0.y + (i + 1) * cell - 1.f), type_color(e.type));
    // Column label, vertical, its start against the grid.
    const ImU32 ccol = (static_cast<int>(i) == hj) ? type_color(e.type) : text;
    text_vertical(dl, ImVec2(g0.x + i * cell + (cell - line_h) * 0.5f, g0.y - 6.f), ccol, name);
    dl->AddRectFilled(ImVec2(g0.x + i * cell + 1.f, g0.y - 4.f), ImVec2(g0.x + (i + 1) * cell - 1.f, g0.y - 1.f), type_color(e.type));
  }
  const ImU32 empty = IM_COL32(242, 243, 245, 255), blue = IM_COL32(24, 78, 150, 255), orange = IM_COL32(200, 90, 20, 255);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < n; ++j) {
      const ImVec2 a = ImVec2(g0.x + j * cell, g0.y + i * cell), b = ImVec2(a.x + cell - 1.f, a.y + cell - 1.f);
      const int32_t k = st.cells[i * n + j];
      ImU32 fill = empty;
      char label[16] = "";
      if (i == j) {
        fill = IM_COL32(214, 216, 220, 255);  // the diagonal: the entity itself (its own count in the tooltip)
      } else if (k >= 0) {
        const CooccurrencePair& p = pairs[k];
        if (st.npmi) {
          // Diverging: blue for association, orange for avoidance, white at independence.
          fill = p.npmi >= 0 ? lerp_color(IM_COL32(255, 255, 255, 255), blue, static_cast<float>(p.npmi))
                             : lerp_color(IM_COL32(255, 255, 255, 255), orange, static_cast<float>(-p.npmi));
          std::snprintf(label, sizeof label, "%.2f", p.npmi);
        } else {
          // sqrt: a few very frequent pairs must not wash every other cell out.
          fill = lerp_color(IM_COL32(222, 235, 247, 255), blue, std::sqrt(static_cast<float>(p.count) / max_count));
          std::snprintf(label, sizeof label, "%u", p.count);
        }
      }
      dl->AddRectFilled(a, b, fill);
      if (label[0] && cell >= 24.f) {
        const ImVec2 ts = ImGui::CalcTextSize(label);
        if (ts.x < cell - 2.f) {
          const bool dark = ((fill >> IM_COL32_R_SHIFT) & 255) < 140;
          dl->AddText(ImVec2(a.x + (cell - ts.x) * 0.5f, a.y + (cell - ts.y) * 0.5f), dark ? IM_COL32_WHITE : IM_COL32(30, 30, 30, 255), label);
        }
      }
      if (i < 4 && j < 4) {  // a few cells findable by tests ("heat 0 1")
        char id[32];
        std::snprintf(id, sizeof id, "heat %zu %zu", i, j);
        register_test_item(id, a, b);
      }
    }
  }
  // Colour scale: what the shades mean.
  {
    const float lx = g0.x + cell * n + 16.f, ly0 = g0.y, ly1 = g0.y + std::min(cell * n, 160.f);
    constexpr int kSteps = 24;
    for (int k = 0; k < kSteps; ++k) {
      const float t = 1.f - (k + 0.5f) / kSteps;  // top = strongest
      ImU32 c;
      if (st.npmi) c = t >= 0.5f ? lerp_color(IM_COL32(255, 255, 255, 255), blue, (t - 0.5f) * 2.f)
                                 : lerp_color(IM_COL32(255, 255, 255, 255), orange, (0.5f - t) * 2.f);
      else c = lerp_color(IM_COL32(222, 235, 247, 255), blue, std::sqrt(t));
      dl->AddRectFilled(ImVec2(lx, ly0 + (ly1 - ly0) * k / kSteps), ImVec2(lx + 12.f, ly0 + (ly1 - ly0) * (k + 1) / kSteps + 0.5f), c);
    }
    dl->AddRect(ImVec2(lx, ly0), ImVec2(lx + 12.f, ly1), IM_COL32(180, 180, 180, 255));
    char top[32], bottom[32];
    if (st.npmi) std::snprintf(top, sizeof top, "+1 together"), std::snprintf(bottom, sizeof bottom, "-1 apart");
    else std::snprintf(top, sizeof top, "%u", max_count), std::snprintf(bottom, sizeof bottom, "1");
    const ImU32 dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    dl->AddText(ImVec2(lx + 16.f, ly0 - 2.f), dim, top);
    dl->AddText(ImVec2(lx + 16.f, ly1 - line_h + 2.f), dim, bottom);
    if (st.npmi) dl->AddText(ImVec2(lx + 16.f, (ly0 + ly1 - line_h) * 0.5f), dim, "0");
    dl->AddText(ImVec2(lx, ly1 + 4.f), dim, st.npmi ? "NPMI" : "together");
  }
  if (hi >= 0) {
    const ImVec2 a = ImVec2(g0.x + hj * cell, g0.y + hi * cell);
    dl->AddRect(ImVec2(a.x - 1, a.y - 1), ImVec2(a.x + cell, a.y + cell), IM_COL32(20, 20, 20, 255), 0.f, 0, 2.f);
    const Entity& ea = idx.entities[st.top[hi]];
    const Entity& eb = idx.entities[st.top[hj]];
    const int32_t k = st.cells[static_cast<size_t>(hi) * n + hj];
    char title[512];
    if (hi == hj) {
      std::snprintf(title, sizeof title, "%s (%s): in %u %s", ea.name.c_str(), type_label(ea.type), frequency(app, st.top[hi]),
                    app.entity_scope == CooccurrenceScope::Sentence ? "sentences" : "paragraphs");
      MentionRef first;
      const std::vector<uint32_t>& rows = app.query().rows;
      show_tooltip(app, title, entity_evidence(app, ea, [&](uint32_t d) { return std::binary_search(rows.begin(), rows.end(), d); }, &first),
                   "Click: the articles mentioning it");
      if (clicked) drill_entity(app, st.top[hi]);
    } else if (k >= 0) {
      const CooccurrencePair& p = pairs[k];
      std::snprintf(title, sizeof title, "%s × %s: together in %u %s · NPMI %.2f", ea.name.c_str(), eb.name.c_str(), p.count,
                    app.entity_scope == CooccurrenceScope::Sentence ? "sentences" : "paragraphs", p.npmi);
      show_tooltip(app, title, pair_evidence(app, p), "Click: the articles with both, and the first sentence in the Reader");
      if (clicked) drill_pair(app, p);
    } else {
      std::snprintf(title, sizeof title, "%s × %s: never together", ea.name.c_str(), eb.name.c_str());
      show_tooltip(app, title, {}, nullptr);
    }
  }
  return ImRect(p0, ImVec2(p0.x + size.x, p0.y + size.y));
}

void draw_heatmap_tab(AppState& app) {
  EntitiesPanelState& st = app.entities_panel;
  // Exports first: the toolbar is cut on the right when the panel is narrow, they must stay reachable.
  static ImRect last;  // the chart's rectangle in the previous frame (the buttons come first)
  export_buttons(app, "heatmap", [&] { return heatmap_csv(app); }, last);
  ImGui::SameLine(0, 14.f);
  ImGui::SetNextItemWidth(90.f);
  if (ImGui::SliderInt("Top##top_n", &st.top_n, 3, 60)) st.derived_key = ~0ull;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("How many of the most frequent entities the heatmap shows");
  ImGui::SameLine();
  if (ImGui::RadioButton("Count", !st.npmi)) st.npmi = false;
  ImGui::SameLine();
  if (ImGui::RadioButton("NPMI", st.npmi)) st.npmi = true;
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Normalised pointwise mutual information, -1..1: how much more often two entities appear together\n"
                      "than if they were independent. It does not rank the most frequent entities first.");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(100.f);
  if (ImGui::Combo("Sort", &st.sort, kSortNames, 3)) st.derived_key = ~0ull;
  ImGui::SameLine();
  // Per-outlet / per-language view: co-occurrence counted in those articles only.
  const QueryResult& q = app.query();
  std::string shown = app.entity_group.empty() ? "all articles shown" : "only " + app.entity_group;
  ImGui::SetNextItemWidth(std::max(ImGui::GetContentRegionAvail().x - 8.f, 120.f));
  if (ImGui::BeginCombo("##group", shown.c_str())) {
    if (ImGui::Selectable("all articles shown", app.entity_group.empty())) {
      app.entity_group.clear();
      app.entity_options_changed();
    }
    ImGui::SeparatorText("one outlet");
    for (const FacetCount& c : q.sources) {
      const std::string v = "source:" + c.value;
      if (ImGui::Selectable((c.value + "##src").c_str(), app.entity_group == v)) {
        app.entity_group = v;
        app.entity_options_changed();
      }
    }
    ImGui::SeparatorText("one language");
    for (const FacetCount& c : q.languages) {
      const std::string v = "language:" + c.value;
      if (ImGui::Selectable((c.value + "##lang").c_str(), app.entity_group == v)) {
        app.entity_group = v;
        app.entity_options_changed();
      }
    }
    ImGui::EndCombo();
  }
  if (ImGui::IsItemHovered() && !ImGui::IsPopupOpen("##group")) ImGui::SetTooltip("Count co-occurrence in all the articles shown, or in one outlet's or one language's");
  if (ImGui::BeginChild("heatmap_area", ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_HorizontalScrollbar)) last = draw_heatmap(app);
  ImGui::EndChild();
}

//------------------------------------------------------------------------------------------
// [SECTION] network
//------------------------------------------------------------------------------------------
void sync_nodes(AppState& app) {
  EntitiesPanelState& st = app.entities_panel;
  const uint64_t key = app.entities_revision() * 131ull + static_cast<uint64_t>(st.network_n);
  if (st.nodes_revision == key) return;
  st.nodes_revision = key;
  const EntityIndex& idx = app.entity_index();
  std::vector<uint32_t> ids;
  for (uint32_t i = 0; i < idx.entities.size(); ++i)
    if (frequency(app, i) > 0) ids.push_back(i);
  std::stable_sort(ids.begin(), ids.end(), [&](uint32_t a, uint32_t b) { return frequency(app, a) > frequency(app, b); });
  if (ids.size() > static_cast<size_t>(st.network_n)) ids.resize(static_cast<size_t>(st.network_n));
  std::vector<NetworkNode> nodes;
  for (size_t i = 0; i < ids.size(); ++i) {
    NetworkNode nd;
    nd.entity = ids[i];
    nd.key = idx.keys[ids[i]];
    auto old = std::find_if(st.nodes.begin(), st.nodes.end(), [&](const NetworkNode& o) { return o.key == nd.key; });
    if (old != st.nodes.end()) {
      nd.x = old->x, nd.y = old->y, nd.pinned = old->pinned;
    } else {
      // A sunflower spiral: evenly spread, deterministic starting places.
      const float r = 18.f * std::sqrt(static_cast<float>(i) + 1.f), a = 2.39996f * static_cast<float>(i);
      nd.x = r * std::cos(a), nd.y = r * std::sin(a);
    }
    nodes.push_back(nd);
  }
  st.nodes = std::move(nodes);
  st.temperature = 1.f;
  st.dragging = -1;
}

struct Edge {
  int a, b;
  int32_t pair;
};

std::vector<Edge> network_edges(const AppState& app) {
  const EntitiesPanelState& st = app.entities_panel;
  std::vector<int> pos(app.entity_index().entities.size(), -1);
  for (size_t i = 0; i < st.nodes.size(); ++i) pos[st.nodes[i].entity] = static_cast<int>(i);
  std::vector<Edge> edges;
  const std::vector<CooccurrencePair>& pairs = app.cooccurrence().pairs;
  for (size_t k = 0; k < pairs.size(); ++k) {
    const CooccurrencePair& p = pairs[k];
    if (p.count < static_cast<uint32_t>(st.edge_min) || p.a >= pos.size() || p.b >= pos.size()) continue;
    if (pos[p.a] >= 0 && pos[p.b] >= 0) edges.push_back({pos[p.a], pos[p.b], static_cast<int32_t>(k)});
  }
  return edges;
}

// Fruchterman–Reingold, a few iterations per frame: the graph settles visibly over about a
// second instead of freezing a frame. Forces in world units; k is the ideal edge length.
void layout_step(AppState& app, const std::vector<Edge>& edges) {
  EntitiesPanelState& st = app.entities_panel;
  if (st.temperature < 0.01f || st.nodes.empty()) return;
  const std::vector<CooccurrencePair>& pairs = app.cooccurrence().pairs;
  constexpr float k = 70.f, kMaxStep = 25.f, kGravity = 0.02f;
  constexpr int kIterationsPerFrame = 3;
  const size_t n = st.nodes.size();
  for (int it = 0; it < kIterationsPerFrame; ++it) {
    std::vector<ImVec2> f(n, ImVec2(0, 0));
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = i + 1; j < n; ++j) {
        float dx = st.nodes[i].x - st.nodes[j].x, dy = st.nodes[i].y - st.nodes[j].y;
        float d2 = dx * dx + dy * dy;
        if (d2 < 0.01f) dx = 0.1f * static_cast<float>(i - j), dy = 0.1f, d2 = dx * dx + dy * dy;
        const float r = k * k / d2;  // repulsion k²/d, along the unit vector
        f[i].x += dx * r, f[i].y += dy * r;
        f[j].x -= dx * r, f[j].y -= dy * r;
      }
    }
    for (const Edge& e : edges) {
      const float dx = st.nodes[e.a].x - st.nodes[e.b].x, dy = st.nodes[e.a].y - st.nodes[e.b].y;
      const float d = std::sqrt(dx * dx + dy * dy) + 0.01f;
      const float w = 1.f + std::log(1.f + static_cast<float>(pairs[e.pair].count)) * 0.5f;  // frequent pairs pull harder
      const float a = d / k * w;  // attraction d²/k along the unit vector
      f[e.a].x -= dx * a, f[e.a].y -= dy * a;
      f[e.b].x += dx * a, f[e.b].y += dy * a;
    }
    for (size_t i = 0; i < n; ++i) {
      NetworkNode& nd = st.nodes[i];
      if (nd.pinned || static_cast<int>(i) == st.dragging) continue;
      f[i].x -= nd.x * kGravity * k, f[i].y -= nd.y * kGravity * k;  // keeps unconnected nodes near
      const float len = std::sqrt(f[i].x * f[i].x + f[i].y * f[i].y) + 1e-6f;
      const float step = std::min(len, kMaxStep * st.temperature);
      nd.x += f[i].x / len * step, nd.y += f[i].y / len * step;
    }
    st.temperature *= 0.97f;
  }
}

std::string network_csv(const AppState& app, const std::vector<Edge>& edges) {
  const EntitiesPanelState& st = app.entities_panel;
  const EntityIndex& idx = app.entity_index();
  const std::vector<CooccurrencePair>& pairs = app.cooccurrence().pairs;
  std::string csv = "source,source_type,target,target_type,count,npmi\n";
  for (const Edge& e : edges) {
    const Entity& a = idx.entities[st.nodes[e.a].entity];
    const Entity& b = idx.entities[st.nodes[e.b].entity];
    char num[64];
    std::snprintf(num, sizeof num, "%u,%.4f", pairs[e.pair].count, pairs[e.pair].npmi);
    csv += csv_field(a.name) + "," + entity_type_code(a.type) + "," + csv_field(b.name) + "," + entity_type_code(b.type) + "," + num + "\n";
  }
  return csv;
}

float point_segment_distance(ImVec2 p, ImVec2 a, ImVec2 b) {
  const float vx = b.x - a.x, vy = b.y - a.y, wx = p.x - a.x, wy = p.y - a.y;
  const float l2 = vx * vx + vy * vy;
  const float t = l2 > 0 ? std::clamp((wx * vx + wy * vy) / l2, 0.f, 1.f) : 0.f;
  const float dx = a.x + t * vx - p.x, dy = a.y + t * vy - p.y;
  return std::sqrt(dx * dx + dy * dy);
}

struct NetworkLabel {
  int node = -1;
  ImRect box;
  std::string text;
};

// Greedy label placement for the network (see draw_network). ToScreen: node -> screen centre;
// Radius: node -> circle radius in pixels.
template <class ToScreen, class Radius>
std::vector<NetworkLabel> place_network_labels(const AppState& app, int hover_node, ToScreen to_screen, Radius radius) {
  const EntitiesPanelState& st = app.entities_panel;
  const EntityIndex& idx = app.entity_index();
  const size_t n = st.nodes.size();
  std::vector<int> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = static_cast<int>(i);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    if ((a == hover_node) != (b == hover_node)) return a == hover_node;
    return frequency(app, st.nodes[a].entity) > frequency(app, st.nodes[b].entity);
  });
  std::vector<ImRect> circles(n);
  for (size_t i = 0; i < n; ++i) {
    const ImVec2 c = to_screen(st.nodes[i]);
    const float r = radius(st.nodes[i]);
    circles[i] = ImRect(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r));
  }
  const float lh = ImGui::GetTextLineHeight();
  std::vector<NetworkLabel> out;
  for (int i : order) {
    NetworkLabel l;
    l.node = i;
    l.text = fit_text(idx.entities[st.nodes[i].entity].name, 150.f);
    const ImVec2 ts = ImGui::CalcTextSize(l.text.c_str());
    const ImVec2 c = to_screen(st.nodes[i]);
    const float r = radius(st.nodes[i]);
    const ImVec2 spots[4] = {ImVec2(c.x + r + 3.f, c.y - lh * 0.5f), ImVec2(c.x - r - 3.f - ts.x, c.y - lh * 0.5f),
                             ImVec2(c.x - ts.x * 0.5f, c.y - r - 1.f - lh), ImVec2(c.x - ts.x * 0.5f, c.y + r + 1.f)};
    bool placed = false;
    for (const ImVec2& p : spots) {
      const ImRect box(p, ImVec2(p.x + ts.x, p.y + lh));
      bool clear = true;
      for (const NetworkLabel& o : out) clear = clear && !o.box.Overlaps(box);
      for (size_t j = 0; j < n && clear; ++j) clear = static_cast<int>(j) == i || !circles[j].Overlaps(box);
      if (clear || i == hover_node) {  // the hovered node's label always shows (on a white plate)
        l.box = box;
        placed = true;
        break;
      }
    }
    if (placed) out.push_back(std::move(l));
  }
  return out;
}

ImRect draw_network(AppState& app, const std::vector<Edge>& edges) {
  EntitiesPanelState& st = app.entities_panel;
  const EntityIndex& idx = app.entity_index();
  const std::vector<CooccurrencePair>& pairs = app.cooccurrence().pairs;
  ImVec2 size = ImGui::GetContentRegionAvail();
  size.x = std::max(size.x, 200.f), size.y = std::max(size.y, 160.f);
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##network", size);
  const bool hovered = ImGui::IsItemHovered(), active = ImGui::IsItemActive();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImRect rect(p0, ImVec2(p0.x + size.x, p0.y + size.y));
  dl->AddRectFilled(rect.Min, rect.Max, IM_COL32(255, 255, 255, 255));
  dl->PushClipRect(rect.Min, rect.Max, true);
  const ImVec2 centre = ImVec2(p0.x + size.x * 0.5f + st.pan_x, p0.y + size.y * 0.5f + st.pan_y);
  auto to_screen = [&](const NetworkNode& nd) { return ImVec2(centre.x + nd.x * st.zoom, centre.y + nd.y * st.zoom); };
  uint32_t max_f = 1, max_count = 1;
  for (const NetworkNode& nd : st.nodes) max_f = std::max(max_f, frequency(app, nd.entity));
  for (const Edge& e : edges) max_count = std::max(max_count, pairs[e.pair].count);
  auto radius = [&](const NetworkNode& nd) {  // area grows with frequency
    return (4.f + 14.f * std::sqrt(static_cast<float>(frequency(app, nd.entity)) / max_f)) * std::sqrt(st.zoom);
  };

  // What the mouse is on: a node (topmost = last drawn) first, else the nearest edge.
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  int hover_node = -1, hover_edge = -1;
  if (hovered || active) {
    for (int i = static_cast<int>(st.nodes.size()) - 1; i >= 0 && hover_node < 0; --i) {
      const ImVec2 c = to_screen(st.nodes[i]);
      const float r = radius(st.nodes[i]) + 2.f;
      if ((mouse.x - c.x) * (mouse.x - c.x) + (mouse.y - c.y) * (mouse.y - c.y) <= r * r) hover_node = i;
    }
    float best = 5.f;  // px: an edge is "under" the mouse within this distance
    if (hover_node < 0)
      for (size_t e = 0; e < edges.size(); ++e) {
        const float d = point_segment_distance(mouse, to_screen(st.nodes[edges[e].a]), to_screen(st.nodes[edges[e].b]));
        if (d < best) best = d, hover_edge = static_cast<int>(e);
      }
  }
  // Input: drag a node, else pan; wheel zooms about the mouse; a click without a drag drills down.
  if (ImGui::IsItemActivated()) {
    st.dragging = hover_node;
    st.panning = hover_node < 0;
  }
  if (active && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.f)) {
    const ImVec2 d = ImGui::GetIO().MouseDelta;
    if (st.dragging >= 0 && st.dragging < static_cast<int>(st.nodes.size())) {
      NetworkNode& nd = st.nodes[st.dragging];
      nd.x += d.x / st.zoom, nd.y += d.y / st.zoom;
      nd.pinned = true;
      st.temperature = std::max(st.temperature, 0.3f);  // neighbours make room
    } else if (st.panning) {
      st.pan_x += d.x, st.pan_y += d.y;
    }
  }
  if (ImGui::IsItemDeactivated()) {
    const ImVec2 drag = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0.f);
    if (std::abs(drag.x) + std::abs(drag.y) < 3.f) {
      if (hover_node >= 0) drill_entity(app, st.nodes[hover_node].entity);
      else if (hover_edge >= 0) drill_pair(app, pairs[edges[hover_edge].pair]);
    }
    st.dragging = -1;
    st.panning = false;
  }
  if (hovered) {
    ImGui::SetItemKeyOwner(ImGuiKey_MouseWheelY);  // the wheel zooms the graph, not the panel
    const float wheel = ImGui::GetIO().MouseWheel;
    if (wheel != 0.f) {
      const float z = std::clamp(st.zoom * std::pow(1.15f, wheel), 0.2f, 6.f);
      // Keep the world point under the mouse where it is.
      const float wx = (mouse.x - centre.x) / st.zoom, wy = (mouse.y - centre.y) / st.zoom;
      st.pan_x += (mouse.x - centre.x) - wx * z - 0.f;
      st.pan_y += (mouse.y - centre.y) - wy * z - 0.f;
      st.zoom = z;
    }
  }

  for (size_t e = 0; e < edges.size(); ++e) {
    const float w = static_cast<float>(pairs[edges[e].pair].count) / max_count;
    const bool hot = static_cast<int>(e) == hover_edge || (hover_node >= 0 && (edges[e].a == hover_node || edges[e].b == hover_node));
    const ImU32 col = hot ? IM_COL32(30, 30, 30, 220) : IM_COL32(90, 100, 120, static_cast<int>(50 + 120 * w));
    dl->AddLine(to_screen(st.nodes[edges[e].a]), to_screen(st.nodes[edges[e].b]), col, 1.f + 4.f * w);
  }
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  for (size_t i = 0; i < st.nodes.size(); ++i) {
    const NetworkNode& nd = st.nodes[i];
    const Entity& e = idx.entities[nd.entity];
    const ImVec2 c = to_screen(nd);
    const float r = radius(nd);
    dl->AddCircleFilled(c, r, type_color(e.type, static_cast<int>(i) == hover_node ? 255 : 215));
    dl->AddCircle(c, r, nd.pinned ? IM_COL32(20, 20, 20, 255) : IM_COL32(255, 255, 255, 255), 0, nd.pinned ? 2.f : 1.f);
    if (i < 8) {
      char id[16];
      std::snprintf(id, sizeof id, "node %zu", i);
      register_test_item(id, ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r));
    }
  }
  // Labels after every node, so no circle covers a label. Placed greedily, the hovered and the
  // most frequent nodes first, at the first of four sides of the node where the label overlaps
  // no label already placed and no other node; a label that fits nowhere is left out (hover
  // the node to read it). On a dense graph the old right-of-node labels overprinted each other.
  const std::vector<NetworkLabel> labels = place_network_labels(app, hover_node, to_screen, radius);
  st.network_labels.clear();
  for (const NetworkLabel& l : labels) {
    st.network_labels.push_back({l.node, l.box.Min.x, l.box.Min.y, l.box.Max.x, l.box.Max.y});
    if (l.node == hover_node) dl->AddRectFilled(ImVec2(l.box.Min.x - 2.f, l.box.Min.y), ImVec2(l.box.Max.x + 2.f, l.box.Max.y), IM_COL32(255, 255, 255, 230), 3.f);
    dl->AddText(l.box.Min, text, l.text.c_str());
  }
  // Legend: colour by type, size by frequency.
  ImVec2 lp = ImVec2(rect.Min.x + 8.f, rect.Min.y + 6.f);
  for (EntityType t : kTypes) {
    dl->AddCircleFilled(ImVec2(lp.x + 6.f, lp.y + ImGui::GetTextLineHeight() * 0.5f), 5.f, type_color(t));
    dl->AddText(ImVec2(lp.x + 15.f, lp.y), text, type_label(t));
    lp.x += 15.f + ImGui::CalcTextSize(type_label(t)).x + 14.f;
  }
  dl->AddText(ImVec2(rect.Min.x + 8.f, rect.Max.y - ImGui::GetTextLineHeight() - 4.f), ImGui::GetColorU32(ImGuiCol_TextDisabled),
              "size: how often · drag a node to pin it · drag the background to pan · wheel to zoom");
  dl->PopClipRect();

  if (hover_node >= 0 && st.dragging < 0) {
    const NetworkNode& nd = st.nodes[hover_node];
    const Entity& e = idx.entities[nd.entity];
    uint32_t links = 0;
    for (const Edge& ed : edges) links += (ed.a == hover_node || ed.b == hover_node);
    char title[512];
    std::snprintf(title, sizeof title, "%s (%s): in %u %s, %u links shown", e.name.c_str(), type_label(e.type), frequency(app, nd.entity),
                  app.entity_scope == CooccurrenceScope::Sentence ? "sentences" : "paragraphs", links);
    const std::vector<uint32_t>& rows = app.query().rows;
    show_tooltip(app, title, entity_evidence(app, e, [&](uint32_t d) { return std::binary_search(rows.begin(), rows.end(), d); }),
                 "Click: the articles mentioning it");
  } else if (hover_edge >= 0) {
    const CooccurrencePair& p = pairs[edges[hover_edge].pair];
    char title[512];
    std::snprintf(title, sizeof title, "%s — %s: together in %u %s · NPMI %.2f", idx.entities[p.a].name.c_str(),
                  idx.entities[p.b].name.c_str(), p.count, app.entity_scope == CooccurrenceScope::Sentence ? "sentences" : "paragraphs", p.npmi);
    show_tooltip(app, title, pair_evidence(app, p), "Click: the articles with both");
  }
  return rect;
}

void draw_network_tab(AppState& app) {
  EntitiesPanelState& st = app.entities_panel;
  sync_nodes(app);
  const std::vector<Edge> edges = network_edges(app);
  static ImRect last;
  export_buttons(app, "network", [&] { return network_csv(app, edges); }, last);
  ImGui::SameLine(0, 14.f);
  ImGui::SetNextItemWidth(90.f);
  if (ImGui::SliderInt("Nodes", &st.network_n, 5, 80)) st.nodes_revision = 0;
  ImGui::SameLine();
  uint32_t max_count = 1;
  for (const CooccurrencePair& p : app.cooccurrence().pairs) max_count = std::max(max_count, p.count);
  ImGui::SetNextItemWidth(90.f);
  if (ImGui::SliderInt("Min. together", &st.edge_min, 1, static_cast<int>(std::max<uint32_t>(max_count, 2))))
    st.temperature = std::max(st.temperature, 0.5f);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Edges of pairs seen together fewer times are hidden");
  ImGui::SameLine();
  if (ImGui::SmallButton("Re-layout")) {
    for (NetworkNode& nd : st.nodes) nd.pinned = false;
    st.nodes_revision = 0;
    st.nodes.clear();
    st.zoom = 1.f, st.pan_x = st.pan_y = 0.f;
  }
  layout_step(app, edges);
  if (st.nodes.empty()) {
    ImGui::TextDisabled("No entities in the articles shown.");
    return;
  }
  if (ImGui::BeginChild("network_area", ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoScrollbar))
    last = draw_network(app, edges);
  ImGui::EndChild();
}

//------------------------------------------------------------------------------------------
// [SECTION] bars: mentions per outlet and per language
//------------------------------------------------------------------------------------------
std::vector<uint32_t> top_by_total(const EntityBreakdown& b, size_t n) {
  std::vector<std::pair<uint32_t, uint32_t>> totals;  // (total, id)
  for (uint32_t id = 0; id < b.counts.size(); ++id) {
    uint32_t t = 0;
    for (uint32_t c : b.counts[id]) t += c;
    if (t) totals.push_back({t, id});
  }
  std::stable_sort(totals.begin(), totals.end(), [](auto& x, auto& y) { return x.first > y.first; });
  std::vector<uint32_t> ids;
  for (size_t i = 0; i < totals.size() && i < n; ++i) ids.push_back(totals[i].second);
  return ids;
}

std::string bars_csv(const AppState& app) {
  const EntityIndex& idx = app.entity_index();
  std::string csv = "entity,type,field,group,mentions\n";
  auto add = [&](const EntityBreakdown& b, const char* field) {
    for (uint32_t id : top_by_total(b, static_cast<size_t>(app.entities_panel.bars_n)))
      for (size_t g = 0; g < b.groups.size(); ++g)
        if (b.counts[id][g])
          csv += csv_field(idx.entities[id].name) + "," + entity_type_code(idx.entities[id].type) + "," + field + "," +
                 csv_field(b.groups[g]) + "," + std::to_string(b.counts[id][g]) + "\n";
  };
  add(app.entities_by_source(), "outlet");
  add(app.entities_by_language(), "language");
  return csv;
}

// Horizontal stacked bars: one per entity, a segment per group. Returns its rectangle.
ImRect draw_stacked_bars(AppState& app, const char* id, const char* title, const EntityBreakdown& b, bool by_source, float height) {
  const EntityIndex& idx = app.entity_index();
  EntitiesPanelState& st = app.entities_panel;
  const std::vector<uint32_t> ids = top_by_total(b, static_cast<size_t>(st.bars_n));
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  const float width = std::max(ImGui::GetContentRegionAvail().x, 240.f);
  ImGui::InvisibleButton(id, ImVec2(width, height));
  const bool hovered = ImGui::IsItemHovered(), clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImRect rect(p0, ImVec2(p0.x + width, p0.y + height));
  dl->AddRectFilled(rect.Min, rect.Max, IM_COL32(255, 255, 255, 255));
  const float line_h = ImGui::GetTextLineHeight();
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  dl->AddText(ImVec2(p0.x + 6.f, p0.y + 4.f), text, title);
  // Legend on the title line, wrapping onto the next lines if needed.
  float lx = p0.x + 14.f + ImGui::CalcTextSize(title).x, ly = p0.y + 4.f;
  for (size_t g = 0; g < b.groups.size(); ++g) {
    const std::string name = fit_text(b.groups[g].empty() ? std::string("(none)") : b.groups[g], 140.f);
    const float w = ImGui::CalcTextSize(name.c_str()).x + 24.f;
    if (lx + w > rect.Max.x) lx = p0.x + 6.f, ly += line_h + 2.f;
    dl->AddRectFilled(ImVec2(lx, ly + 3.f), ImVec2(lx + 10.f, ly + line_h - 3.f), palette(g));
    dl->AddText(ImVec2(lx + 14.f, ly), text, name.c_str());
    lx += w;
  }
  const float top = ly + line_h + 8.f;
  if (ids.empty()) {
    dl->AddText(ImVec2(p0.x + 6.f, top), ImGui::GetColorU32(ImGuiCol_TextDisabled), "no mentions in the articles shown");
    return rect;
  }
  float label_w = 0;
  uint32_t max_total = 1;
  for (uint32_t e : ids) {
    label_w = std::max(label_w, ImGui::CalcTextSize(idx.entities[e].name.c_str()).x);
    uint32_t t = 0;
    for (uint32_t c : b.counts[e]) t += c;
    max_total = std::max(max_total, t);
  }
  label_w = std::min(label_w, 160.f) + 10.f;
  // Only as many bars as fit with their labels readable (the slider asks for at most that many).
  const size_t fit = static_cast<size_t>(std::max(1.f, (rect.Max.y - top - 4.f) / (line_h + 2.f)));
  std::vector<uint32_t> shown_ids(ids.begin(), ids.begin() + std::min(ids.size(), fit));
  const float bar_h = std::clamp((rect.Max.y - top - 4.f) / shown_ids.size(), line_h + 2.f, line_h + 8.f);
  const float x0 = p0.x + label_w, x_span = width - label_w - 50.f;
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  int hover_e = -1, hover_g = -1;
  for (size_t r = 0; r < shown_ids.size(); ++r) {
    const uint32_t e = shown_ids[r];
    const float y = top + r * bar_h;
    const std::string name = fit_text(idx.entities[e].name, label_w - 10.f);
    dl->AddText(ImVec2(x0 - 6.f - ImGui::CalcTextSize(name.c_str()).x, y + (bar_h - line_h) * 0.5f), type_color(idx.entities[e].type), name.c_str());
    float x = x0;
    uint32_t total = 0;
    for (size_t g = 0; g < b.groups.size(); ++g) {
      const uint32_t c = b.counts[e][g];
      if (!c) continue;
      const float w = x_span * c / max_total;
      const ImVec2 a = ImVec2(x, y + 1.f), z = ImVec2(x + w, y + bar_h - 2.f);
      dl->AddRectFilled(a, z, palette(g));
      if (hovered && mouse.x >= a.x && mouse.x < z.x && mouse.y >= a.y && mouse.y < z.y) {
        hover_e = static_cast<int>(e), hover_g = static_cast<int>(g);
        dl->AddRect(a, z, IM_COL32(20, 20, 20, 255), 0.f, 0, 2.f);
      }
      x += w;
      total += c;
    }
    char num[16];
    std::snprintf(num, sizeof num, "%u", total);
    dl->AddText(ImVec2(x + 4.f, y + (bar_h - line_h) * 0.5f), ImGui::GetColorU32(ImGuiCol_TextDisabled), num);
  }
  if (hover_e >= 0) {
    const Entity& e = idx.entities[hover_e];
    const std::string& group = b.groups[hover_g];
    char t[512];
    std::snprintf(t, sizeof t, "%s in %s: %u mentions", e.name.c_str(), group.empty() ? "(none)" : group.c_str(), b.counts[hover_e][hover_g]);
    const std::vector<uint32_t>& rows = app.query().rows;
    auto in_group = [&](uint32_t d) {
      if (!std::binary_search(rows.begin(), rows.end(), d)) return false;
      const ArticleMeta& m = app.corpus.doc(d).meta;
      return (by_source ? m.source : m.language) == group;
    };
    MentionRef first{UINT32_MAX, 0};
    show_tooltip(app, t, entity_evidence(app, e, in_group, &first), "Click: the articles mentioning it, the first one in the Reader");
    if (clicked) {
      drill_entity(app, static_cast<uint32_t>(hover_e));
      if (first.doc != UINT32_MAX) app.commands.push_back({Command::Kind::ShowEvidence, first.doc, {}, {}, app.mention_sentence(first)});
    }
  }
  return rect;
}

void draw_bars_tab(AppState& app) {
  EntitiesPanelState& st = app.entities_panel;
  static ImRect last;
  export_buttons(app, "mentions", [&] { return bars_csv(app); }, last);
  ImGui::SameLine(0, 14.f);
  ImGui::SetNextItemWidth(90.f);
  ImGui::SliderInt("Entities##bars", &st.bars_n, 3, 40);
  if (ImGui::BeginChild("bars_area", ImVec2(0, 0))) {
    const float h = std::max((ImGui::GetContentRegionAvail().y - ImGui::GetStyle().ItemSpacing.y) * 0.5f, 140.f);
    const ImRect a = draw_stacked_bars(app, "##bars_source", "Mentions per outlet", app.entities_by_source(), true, h);
    const ImRect b = draw_stacked_bars(app, "##bars_language", "Mentions per language", app.entities_by_language(), false, h);
    last = ImRect(a.Min, ImVec2(std::max(a.Max.x, b.Max.x), b.Max.y));
  }
  ImGui::EndChild();
}

//------------------------------------------------------------------------------------------
// [SECTION] timeline: mentions per date
//------------------------------------------------------------------------------------------
// Days since 1970-01-01 of "YYYY-MM-DD" (H. Hinnant's days_from_civil), for a true time axis.
int64_t day_number(const std::string& iso) {
  int y = 0, m = 0, d = 0;
  if (std::sscanf(iso.c_str(), "%d-%d-%d", &y, &m, &d) != 3) return 0;
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

constexpr size_t kTimelineLines = 6;  // more lines than this stop being readable

std::string timeline_csv(const AppState& app) {
  const EntityBreakdown& b = app.entities_by_date();
  const EntityIndex& idx = app.entity_index();
  std::string csv = "date,entity,type,mentions\n";
  for (uint32_t id : top_by_total(b, static_cast<size_t>(app.entities_panel.bars_n)))
    for (size_t g = 0; g < b.groups.size(); ++g)
      if (b.counts[id][g])
        csv += b.groups[g] + "," + csv_field(idx.entities[id].name) + "," + entity_type_code(idx.entities[id].type) + "," +
               std::to_string(b.counts[id][g]) + "\n";
  return csv;
}

ImRect draw_timeline(AppState& app) {
  const EntityBreakdown& b = app.entities_by_date();
  const EntityIndex& idx = app.entity_index();
  const std::vector<uint32_t> ids = top_by_total(b, kTimelineLines);
  ImVec2 size = ImGui::GetContentRegionAvail();
  size.x = std::max(size.x, 240.f), size.y = std::max(size.y, 160.f);
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##timeline", size);
  const bool hovered = ImGui::IsItemHovered(), clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImRect rect(p0, ImVec2(p0.x + size.x, p0.y + size.y));
  dl->AddRectFilled(rect.Min, rect.Max, IM_COL32(255, 255, 255, 255));
  const float line_h = ImGui::GetTextLineHeight();
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  // Legend.
  float lx = p0.x + 8.f;
  for (size_t r = 0; r < ids.size(); ++r) {
    const std::string name = fit_text(idx.entities[ids[r]].name, 150.f);
    dl->AddLine(ImVec2(lx, p0.y + 4.f + line_h * 0.5f), ImVec2(lx + 16.f, p0.y + 4.f + line_h * 0.5f), palette(r), 3.f);
    dl->AddText(ImVec2(lx + 20.f, p0.y + 4.f), text, name.c_str());
    lx += 34.f + ImGui::CalcTextSize(name.c_str()).x;
  }
  const ImRect plot(ImVec2(p0.x + 44.f, p0.y + line_h + 16.f), ImVec2(rect.Max.x - 16.f, rect.Max.y - line_h - 10.f));
  const int64_t d0 = day_number(b.groups.front()), d1 = day_number(b.groups.back());
  const float span = static_cast<float>(std::max<int64_t>(d1 - d0, 1));
  auto x_of = [&](size_t g) {
    if (d1 == d0) return (plot.Min.x + plot.Max.x) * 0.5f;
    return plot.Min.x + (plot.GetWidth() - 1.f) * static_cast<float>(day_number(b.groups[g]) - d0) / span;
  };
  std::vector<uint32_t> totals(b.groups.size(), 0);
  uint32_t max_total = 1, max_line = 1;
  for (size_t g = 0; g < b.groups.size(); ++g) {
    for (const std::vector<uint32_t>& c : b.counts) totals[g] += c[g];
    max_total = std::max(max_total, totals[g]);
  }
  for (uint32_t id : ids)
    for (uint32_t c : b.counts[id]) max_line = std::max(max_line, c);
  // Axes: the y axis counts mentions of the lines; grey columns show all mentions that day (own scale).
  dl->AddLine(ImVec2(plot.Min.x, plot.Max.y), plot.Max, dim);
  dl->AddLine(plot.Min, ImVec2(plot.Min.x, plot.Max.y), dim);
  char num[32];
  std::snprintf(num, sizeof num, "%u", max_line);
  dl->AddText(ImVec2(plot.Min.x - 6.f - ImGui::CalcTextSize(num).x, plot.Min.y - line_h * 0.5f), dim, num);
  dl->AddText(ImVec2(plot.Min.x - 14.f, plot.Max.y - line_h * 0.5f), dim, "0");
  const float col_w = std::clamp(plot.GetWidth() / std::max<float>(span + 1.f, 1.f) * 0.6f, 3.f, 24.f);
  int hover_g = -1;
  float best = 1e9f;
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  for (size_t g = 0; g < b.groups.size(); ++g) {
    const float x = x_of(g), h = plot.GetHeight() * totals[g] / max_total;
    dl->AddRectFilled(ImVec2(x - col_w * 0.5f, plot.Max.y - h), ImVec2(x + col_w * 0.5f, plot.Max.y), IM_COL32(222, 226, 232, 255));
    if (hovered && std::abs(mouse.x - x) < best) best = std::abs(mouse.x - x), hover_g = static_cast<int>(g);
  }
  // Date labels: first, last, and as many between as fit.
  float last_label_end = -1e9f;
  for (size_t g = 0; g < b.groups.size(); ++g) {
    const float w = ImGui::CalcTextSize(b.groups[g].c_str()).x, x = std::clamp(x_of(g) - w * 0.5f, rect.Min.x + 2.f, rect.Max.x - w - 2.f);
    if (x < last_label_end + 12.f && g + 1 != b.groups.size()) continue;
    dl->AddText(ImVec2(x, plot.Max.y + 4.f), dim, b.groups[g].c_str());
    last_label_end = x + w;
  }
  for (size_t r = 0; r < ids.size(); ++r) {
    ImVec2 prev;
    for (size_t g = 0; g < b.groups.size(); ++g) {
      const ImVec2 p = ImVec2(x_of(g), plot.Max.y - plot.GetHeight() * b.counts[ids[r]][g] / max_line);
      if (g) dl->AddLine(prev, p, palette(r), 2.f);
      dl->AddCircleFilled(p, 3.f, palette(r));
      prev = p;
    }
  }
  if (hover_g >= 0) {
    const float x = x_of(hover_g);
    dl->AddLine(ImVec2(x, plot.Min.y), ImVec2(x, plot.Max.y), IM_COL32(40, 40, 40, 120));
    std::string title = b.groups[hover_g] + ": " + std::to_string(totals[hover_g]) + " mentions";
    uint32_t best_id = UINT32_MAX, best_c = 0;
    for (uint32_t id : ids) {
      if (b.counts[id][hover_g] == 0) continue;
      title += "\n  " + idx.entities[id].name + ": " + std::to_string(b.counts[id][hover_g]);
      if (b.counts[id][hover_g] > best_c) best_c = b.counts[id][hover_g], best_id = id;
    }
    std::vector<std::string> ev;
    MentionRef first{UINT32_MAX, 0};
    const std::string date = b.groups[hover_g];
    if (best_id != UINT32_MAX)
      ev = entity_evidence(app, idx.entities[best_id], [&](uint32_t d) { return app.corpus.doc(d).meta.published == date; }, &first);
    show_tooltip(app, title, ev, "Click: the articles of that day mentioning its most frequent entity");
    if (clicked && best_id != UINT32_MAX) {
      app.filter.date_from = app.filter.date_to = date;
      app.articles_panel.date_from_input = app.articles_panel.date_to_input = date;
      app.release_text_fields = true;
      app.filter_changed();
      drill_entity(app, best_id);
      if (first.doc != UINT32_MAX) app.commands.push_back({Command::Kind::ShowEvidence, first.doc, {}, {}, app.mention_sentence(first)});
    }
  }
  return rect;
}

void draw_timeline_tab(AppState& app) {
  static ImRect last;
  export_buttons(app, "timeline", [&] { return timeline_csv(app); }, last);
  if (app.entities_by_date().groups.empty()) {
    ImGui::TextDisabled("No article shown has a date: the timeline needs publication dates.");
    last = {};
    return;
  }
  if (ImGui::BeginChild("timeline_area", ImVec2(0, 0))) last = draw_timeline(app);
  ImGui::EndChild();
}

//------------------------------------------------------------------------------------------
// [SECTION] entity list and edits
//------------------------------------------------------------------------------------------
const char* kTypeCodes[] = {"PER", "ORG", "LOC", "MISC"};

// Names the entities as the user saw them when making the edit (EntityEdit::a_name/b_name);
// edits saved before those fields existed fall back to the entity that now has the key, and
// only then to the key itself (keys are internal: "C:JP", linking keys).
std::string describe_edit(const AppState& app, const EntityEdit& e) {
  auto name_of_key = [&](const std::string& key) -> std::string {
    const int64_t i = app.entity_by_key(key);
    if (i >= 0) return app.entity_index().entities[static_cast<size_t>(i)].name;
    std::string shown;
    for (char c : key)
      if (static_cast<unsigned char>(c) >= 0x20) shown += c;  // keys may carry control-byte markers
    return shown;
  };
  const std::string a = e.a_name.empty() ? name_of_key(e.a) : e.a_name;
  switch (e.kind) {
    case EntityEdit::Kind::Merge: return "merged \"" + (e.b_name.empty() ? name_of_key(e.b) : e.b_name) + "\" into \"" + a + "\"";
    case EntityEdit::Kind::Split: return "split \"" + (e.b_name.empty() ? e.b : e.b_name) + "\" out of \"" + a + "\"";
    case EntityEdit::Kind::Rename: return "renamed \"" + a + "\" to \"" + e.value + "\"";
    case EntityEdit::Kind::SetType: return "set the type of \"" + a + "\" to " + e.value;
  }
  return {};
}

void draw_list_tab(AppState& app) {
  EntitiesPanelState& st = app.entities_panel;
  const EntityIndex& idx = app.entity_index();
  input_string("##entity_filter", "Find an entity (any alias; case and accents do not matter)", st.list_filter, 320.f);
  ImGui::SameLine();
  ImGui::TextDisabled("%zu entities", idx.entities.size());
  const std::string needle = fold_for_search(st.list_filter);
  std::vector<uint32_t> ids;
  for (uint32_t i = 0; i < idx.entities.size(); ++i) {
    const Entity& e = idx.entities[i];
    if (!needle.empty()) {
      bool hit = fold_for_search(e.name).find(needle) != std::string::npos;
      for (size_t a = 0; a < e.aliases.size() && !hit; ++a) hit = fold_for_search(e.aliases[a]).find(needle) != std::string::npos;
      if (!hit) continue;
    }
    ids.push_back(i);
  }
  std::stable_sort(ids.begin(), ids.end(), [&](uint32_t a, uint32_t b) { return idx.entities[a].mentions.size() > idx.entities[b].mentions.size(); });
  // Room below the table for the edit form and the list of edits (up to six shown).
  const float edit_h = ImGui::GetFrameHeightWithSpacing() * (7.f + static_cast<float>(std::min<size_t>(app.entity_edits.size(), 6)));
  const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_Resizable;
  if (ImGui::BeginTable("entity_list", 5, flags, ImVec2(0, std::max(ImGui::GetContentRegionAvail().y - edit_h, 80.f)))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("Type", ImGuiTableColumnFlags_WidthFixed, 50.f);
    ImGui::TableSetupColumn("Mentions", ImGuiTableColumnFlags_WidthFixed, 70.f);
    ImGui::TableSetupColumn("Articles", ImGuiTableColumnFlags_WidthFixed, 60.f);
    ImGui::TableSetupColumn("Aliases", ImGuiTableColumnFlags_WidthStretch, 2.f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(ids.size()));
    while (clipper.Step()) {
      for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
        const Entity& e = idx.entities[ids[r]];
        const std::string& key = idx.keys[ids[r]];
        ImGui::PushID(key.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (ImGui::Selectable(e.name.c_str(), st.selected_key == key, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap)) {
          st.selected_key = key;
          st.rename_input = e.name;
          st.merge_key.clear();
        }
        ImGui::TableNextColumn();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(type_color(e.type)), "%s", entity_type_code(e.type));
        ImGui::TableNextColumn();
        ImGui::Text("%zu", e.mentions.size());
        ImGui::TableNextColumn();
        ImGui::Text("%u", e.documents);
        ImGui::TableNextColumn();
        std::string aliases;
        for (size_t a = 0; a < e.aliases.size() && aliases.size() < 200; ++a) aliases += (a ? " · " : "") + e.aliases[a];
        ImGui::TextUnformatted(aliases.c_str());
        ImGui::PopID();
      }
    }
    ImGui::EndTable();
  }

  // Edits of the selected entity. Each becomes an EntityEdit: persisted, applied after linking.
  const int64_t sel = st.selected_key.empty() ? -1 : app.entity_by_key(st.selected_key);
  if (sel < 0) {
    ImGui::TextDisabled("Select an entity to rename it, set its type, merge another into it or split an alias out.");
  } else {
    const Entity& e = idx.entities[sel];
    ImGui::SeparatorText(("Edit \"" + e.name + "\"").c_str());
    input_string("##rename", "new name", st.rename_input, 220.f);
    ImGui::SameLine();
    if (ImGui::Button("Rename") && !st.rename_input.empty() && st.rename_input != e.name) {
      app.add_entity_edit({EntityEdit::Kind::Rename, st.selected_key, {}, st.rename_input, e.name, {}});
      set_message(app, "Renamed \"" + e.name + "\" to \"" + st.rename_input + "\"");
    }
    ImGui::SameLine();
    int type = static_cast<int>(e.type);
    ImGui::SetNextItemWidth(80.f);
    if (ImGui::Combo("Type", &type, kTypeCodes, 4) && type != static_cast<int>(e.type))
      app.add_entity_edit({EntityEdit::Kind::SetType, st.selected_key, {}, kTypeCodes[type], e.name, {}});
    // Merge: pick the second entity (the same thing under another name) from the most frequent.
    const int64_t other = st.merge_key.empty() ? -1 : app.entity_by_key(st.merge_key);
    ImGui::SetNextItemWidth(220.f);
    if (ImGui::BeginCombo("##merge_with", other >= 0 ? idx.entities[other].name.c_str() : "pick an entity to merge in…")) {
      std::vector<uint32_t> cand;
      for (uint32_t i = 0; i < idx.entities.size(); ++i)
        if (static_cast<int64_t>(i) != sel) cand.push_back(i);
      std::stable_sort(cand.begin(), cand.end(), [&](uint32_t a, uint32_t b) { return idx.entities[a].mentions.size() > idx.entities[b].mentions.size(); });
      constexpr size_t kMergeChoices = 300;  // the rest are reachable by typing in the list filter first
      for (size_t i = 0; i < cand.size() && i < kMergeChoices; ++i) {
        if (!needle.empty() && fold_for_search(idx.entities[cand[i]].name).find(needle) == std::string::npos) continue;
        char label[256];
        std::snprintf(label, sizeof label, "%s (%s, %zu)##m", idx.entities[cand[i]].name.c_str(), entity_type_code(idx.entities[cand[i]].type),
                      idx.entities[cand[i]].mentions.size());
        ImGui::PushID(static_cast<int>(cand[i]));
        if (ImGui::Selectable(label)) st.merge_key = idx.keys[cand[i]];
        ImGui::PopID();
      }
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(other < 0);
    if (ImGui::Button("Merge")) {
      set_message(app, "Merged \"" + idx.entities[other].name + "\" into \"" + e.name + "\"");
      app.add_entity_edit({EntityEdit::Kind::Merge, st.selected_key, st.merge_key, {}, e.name, idx.entities[other].name});
      st.merge_key.clear();
    }
    ImGui::EndDisabled();
    if (e.aliases.size() > 1) {
      ImGui::AlignTextToFramePadding();
      ImGui::TextDisabled("Aliases:");
      for (size_t a = 0; a < e.aliases.size() && a < 12; ++a) {
        ImGui::SameLine();
        ImGui::PushID(static_cast<int>(a));
        if (ImGui::SmallButton((e.aliases[a] + " ×").c_str())) {
          app.add_entity_edit({EntityEdit::Kind::Split, st.selected_key, fold_for_search(e.aliases[a]), {}, e.name, e.aliases[a]});
          set_message(app, "Split \"" + e.aliases[a] + "\" out of \"" + e.name + "\"");
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Split this alias out: it becomes an entity of its own");
        ImGui::PopID();
      }
    }
  }
  if (!app.entity_edits.empty()) {
    ImGui::SeparatorText("Your edits (they win over automatic linking)");
    for (size_t i = 0; i < app.entity_edits.size(); ++i) {
      ImGui::PushID(static_cast<int>(i));
      if (ImGui::SmallButton("Undo")) app.remove_entity_edit(i);
      ImGui::SameLine();
      ImGui::TextUnformatted(describe_edit(app, app.entity_edits[i]).c_str());
      ImGui::PopID();
      if (i + 1 < app.entity_edits.size() && ImGui::GetContentRegionAvail().y < ImGui::GetFrameHeight()) break;
    }
  }
}

}  // namespace

//------------------------------------------------------------------------------------------
// [SECTION] the panel
//------------------------------------------------------------------------------------------
void draw_entities_panel(AppState& app, bool* open) {
  place_panel("Entities", app.reset_layout);
  EntitiesPanelState& st = app.entities_panel;
  st.hover_label.clear();
  st.hover_evidence.clear();
  if (!ImGui::Begin("Entities", open)) {
    ImGui::End();
    return;
  }
  draw_analysis_tabs(app);  // Entities | Claims, while they share their region
  // Options that change what is counted.
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Together in the same");
  ImGui::SameLine();
  int scope = static_cast<int>(app.entity_scope);
  ImGui::SetNextItemWidth(110.f);
  const char* scopes[] = {"sentence", "paragraph"};
  if (ImGui::Combo("##scope", &scope, scopes, 2)) {
    app.entity_scope = static_cast<CooccurrenceScope>(scope);
    app.entity_options_changed();
  }
  ImGui::SameLine();
  if (ImGui::Checkbox("Demonyms count for their country", &app.demonyms_count)) app.entity_options_changed();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("\"japanisch\", \"giapponese\", \"Japanese\" count as mentions of Japan");
  ImGui::SameLine();
  if (app.analysing()) {
    ImGui::TextDisabled("· waiting for the text analysis (%.0f%%)", app.analysis_progress() * 100.f);
  } else if (app.entities_pending()) {
    ImGui::TextDisabled("· updating…");
  } else {
    ImGui::TextDisabled("· %zu entities · %zu pairs in %u %s", app.entity_index().entities.size(), app.cooccurrence().pairs.size(),
                        app.cooccurrence().units, app.entity_scope == CooccurrenceScope::Sentence ? "sentences" : "paragraphs");
  }
  // Messages (exports, edits) go to the status bar like every other message (set_message):
  // a line appearing here would move the charts under the mouse.

  if (app.corpus.empty()) {
    ImGui::TextWrapped("No articles yet: entities appear here once articles are loaded and analysed.");
  } else if (app.entity_index().entities.empty() && (app.analysing() || app.entities_pending())) {
    ImGui::ProgressBar(app.analysis_progress(), ImVec2(-1, 0), app.analysing() ? app.analysis_label().c_str() : "Linking entities…");
  } else if (app.entity_index().entities.empty()) {
    ImGui::TextWrapped("No names were recognised in these articles.");
  } else {
    rebuild_derived(app);
    if (ImGui::BeginTabBar("entity_tabs")) {
      if (ImGui::BeginTabItem("Heatmap")) { st.tab = 0; draw_heatmap_tab(app); ImGui::EndTabItem(); }
      if (ImGui::BeginTabItem("Network")) { st.tab = 1; draw_network_tab(app); ImGui::EndTabItem(); }
      if (ImGui::BeginTabItem("Outlets & languages")) { st.tab = 2; draw_bars_tab(app); ImGui::EndTabItem(); }
      if (ImGui::BeginTabItem("Timeline")) { st.tab = 3; draw_timeline_tab(app); ImGui::EndTabItem(); }
      if (ImGui::BeginTabItem("List & edits")) { st.tab = 4; draw_list_tab(app); ImGui::EndTabItem(); }
      ImGui::EndTabBar();
    }
  }
  ImGui::End();
}

//------------------------------------------------------------------------------------------
// [SECTION] the Articles chip
//------------------------------------------------------------------------------------------
void draw_entity_filter_chip(AppState& app) {
  if (app.entity_filter.empty()) return;
  ImGui::SameLine(0, 16.f);
  ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.80f, 0.87f, 0.96f, 1.f));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.70f, 0.80f, 0.94f, 1.f));
  ImGui::SmallButton(("mentioning " + app.entity_filter_label + "##entity_chip_label").c_str());
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Only articles that mention %s%s (from the Entities panel)", app.entity_filter_label.c_str(),
                      app.entity_filter.size() > 1 ? ", both" : "");
  ImGui::SameLine(0, 2.f);
  if (ImGui::SmallButton("×##entity_chip")) app.commands.push_back({Command::Kind::ClearEntityFilter});
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove this filter");
  ImGui::PopStyleColor(2);
}

}  // namespace px
