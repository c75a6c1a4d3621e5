// panel_claims.cpp — the same claim across outlets and languages (issue 5): claim groups
// ranked by how much the outlets disagree; for the selected group the members side by side,
// each in its own language, with the differences marked and explained and the word bridges
// that grouped them; the omission matrix outlet × claim group; click-through to the Reader,
// a "filter articles by this claim" chip in the Articles panel, JSON and CSV exports.
// The claims themselves are computed between frames (AppState::step_claims); everything
// drawn here reads them, and derived orders are cached behind the claims revision.
//
// [SECTION] index: colours and names · helpers · derived views · group list · side by side ·
// omission matrix · exports · the panel · the Articles chip · the analysis tabs
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "app.h"
#include "csv.h"
#include "imgui.h"
#include "imgui_internal.h"  // ImGuiTestEngineHook_* (regions findable by tests)
#include "lang_detect.h"
#include "text_fold.h"

namespace px {

//------------------------------------------------------------------------------------------
// [SECTION] colours and names (shared with the Reader)
//------------------------------------------------------------------------------------------
constexpr DiffKind kDiffKinds[] = {DiffKind::NumberMismatch, DiffKind::NumberMissing, DiffKind::QuoteFidelity,
                                   DiffKind::ReportingVerb,  DiffKind::Hedge,         DiffKind::Evaluative,
                                   DiffKind::Attribution,    DiffKind::EntityAdded,   DiffKind::EntityDropped,
                                   DiffKind::Words};

ImU32 diff_kind_color(DiffKind k, int alpha) {
  switch (k) {  // distinct on white; the number kinds are the warm ones (they matter most)
    case DiffKind::Words: return IM_COL32(150, 150, 150, alpha);
    case DiffKind::NumberMismatch: return IM_COL32(214, 39, 40, alpha);
    case DiffKind::NumberMissing: return IM_COL32(245, 140, 30, alpha);
    case DiffKind::QuoteFidelity: return IM_COL32(44, 160, 44, alpha);
    case DiffKind::ReportingVerb: return IM_COL32(31, 119, 180, alpha);
    case DiffKind::Hedge: return IM_COL32(148, 103, 189, alpha);
    case DiffKind::Evaluative: return IM_COL32(227, 90, 170, alpha);
    case DiffKind::Attribution: return IM_COL32(23, 170, 190, alpha);
    case DiffKind::EntityAdded: return IM_COL32(160, 160, 30, alpha);
    case DiffKind::EntityDropped: return IM_COL32(140, 86, 75, alpha);
  }
  return IM_COL32(128, 128, 128, alpha);
}

const char* diff_kind_label(DiffKind k) {
  switch (k) {
    case DiffKind::Words: return "wording";
    case DiffKind::NumberMismatch: return "number differs";
    case DiffKind::NumberMissing: return "number missing";
    case DiffKind::QuoteFidelity: return "quote fidelity";
    case DiffKind::ReportingVerb: return "reporting verb";
    case DiffKind::Hedge: return "hedge";
    case DiffKind::Evaluative: return "loaded word";
    case DiffKind::Attribution: return "attribution";
    case DiffKind::EntityAdded: return "name added";
    case DiffKind::EntityDropped: return "name dropped";
  }
  return "";
}

namespace {

constexpr ImU32 kBridgeUnderline = IM_COL32(90, 140, 220, 200);  // the words that bridged a link
constexpr float kMemberColumnMin = 230.f;  // side by side: narrower columns wrap too often to read
constexpr size_t kListTextBytes = 400;     // a list row shows the claim's first words (clipped by the cell anyway)
constexpr int kMaxMatrixOutlets = 500;     // Dear ImGui tables hold 512 columns; the CSV has them all

//------------------------------------------------------------------------------------------
// [SECTION] helpers
//------------------------------------------------------------------------------------------
// Makes a region findable by label like a widget (item_locator.h), for tests.
// Regions scrolled out of view are not registered (a list clipper draws its first row to
// measure it even when that row is scrolled away: a test must not click where it is not).
void register_test_item(const char* label, ImVec2 min, ImVec2 max) {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  if (!g.TestEngineHookItems || !ImGui::IsRectVisible(min, max)) return;
  const ImGuiID id = ImGui::GetID(label);
  ImGuiTestEngineHook_ItemAdd(&g, id, ImRect(min, max), nullptr);
  ImGuiTestEngineHook_ItemInfo(&g, id, label, 0);
}

// TableHeadersRow, with each header findable by its column's name (Dear ImGui's TableHeader
// does not report its label to the test hooks); angled outlet headers as "outlet K".
void headers_row(int first_angled = -1) {
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers, ImGui::TableGetHeaderRowHeight());
  const int n = ImGui::TableGetColumnCount();
  for (int c = 0; c < n; ++c) {
    if (!ImGui::TableSetColumnIndex(c)) continue;
    const bool no_label = (ImGui::TableGetColumnFlags(c) & ImGuiTableColumnFlags_NoHeaderLabel) != 0;
    const char* name = ImGui::TableGetColumnName(c);
    ImGui::PushID(c);
    ImGui::TableHeader(no_label ? "" : name);
    char id[64];
    if (no_label && first_angled >= 0) std::snprintf(id, sizeof id, "outlet %d", c - first_angled);
    else std::snprintf(id, sizeof id, "%s", name);
    ImGui::PopID();
    register_test_item(id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  }
}

void set_message(AppState& app, std::string text) {
  app.report(IngestMessage::Level::Info, text);
  app.claims_panel.message = std::move(text);
}

const ArticleMeta& meta_of(const AppState& app, const ClaimUnit& u) { return app.corpus.doc(u.doc).meta; }

bool valid_group(const AppState& app, int64_t g) { return g >= 0 && static_cast<size_t>(g) < app.claims().groups.size(); }

// Opens the Reader at a unit's sentence; the group is selected so the Reader marks it.
void open_in_reader(AppState& app, uint32_t group, uint32_t unit) {
  const ClaimUnit& u = app.claims().units[unit];
  if (app.claims_panel.selected != static_cast<int32_t>(group)) app.commands.push_back({Command::Kind::SelectClaimGroup, group});
  app.commands.push_back({Command::Kind::ShowEvidence, u.doc, {}, {}, u.sentence});
}

// The best link score of `unit` in the group: with the reference when they are linked, else
// the strongest link it has (groups are connected components: not every pair is linked).
const ClaimLink* link_of(const ClaimGroup& g, uint32_t unit) {
  const ClaimLink* best = nullptr;
  const uint32_t ref = g.members.empty() ? UINT32_MAX : g.members[0];
  for (const ClaimLink& l : g.links) {
    if (l.a != unit && l.b != unit) continue;
    if ((l.a == ref || l.b == ref) && unit != ref) return &l;
    if (!best || l.score > best->score) best = &l;
  }
  return best;
}

std::string languages_of(const AppState& app, const ClaimGroup& g) {
  std::vector<std::string> langs;
  for (uint32_t u : g.members) {
    const std::string& l = app.claims().units[u].lang;
    if (std::find(langs.begin(), langs.end(), l) == langs.end()) langs.push_back(l);
  }
  std::string out;
  for (const std::string& l : langs) out += (out.empty() ? "" : " ") + l;
  return out;
}

std::vector<std::string> outlets_of(const AppState& app, const ClaimGroup& g) {
  std::vector<std::string> out;
  for (uint32_t u : g.members) {
    const std::string& s = meta_of(app, app.claims().units[u]).source;
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  }
  return out;
}

// A small filled square in `col`, on the current line (legends, difference lists).
void swatch(ImU32 col) {
  const float h = ImGui::GetTextLineHeight();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + h * 0.2f), ImVec2(p.x + h * 0.6f, p.y + h * 0.8f), col, 2.f);
  ImGui::Dummy(ImVec2(h * 0.6f, h));
  ImGui::SameLine(0, 4.f);
}

//------------------------------------------------------------------------------------------
// [SECTION] derived views
//------------------------------------------------------------------------------------------
void rebuild_order(AppState& app) {
  ClaimsPanelState& st = app.claims_panel;
  const uint64_t key = app.claims_revision() * 64 + static_cast<uint64_t>(st.sort_column) * 2 + (st.sort_ascending ? 1 : 0);
  if (key == st.order_key) return;
  st.order_key = key;
  const ClaimIndex& ci = app.claims();
  st.order.resize(ci.groups.size());
  for (uint32_t i = 0; i < st.order.size(); ++i) st.order[i] = i;
  auto by = [&](auto value) {
    std::stable_sort(st.order.begin(), st.order.end(), [&](uint32_t a, uint32_t b) {
      return st.sort_ascending ? value(a) < value(b) : value(b) < value(a);
    });
  };
  switch (st.sort_column) {
    case 0: {
      std::vector<std::string> folded(ci.groups.size());
      for (size_t i = 0; i < folded.size(); ++i)
        if (!ci.groups[i].members.empty()) folded[i] = fold_for_search(app.claim_text(ci.units[ci.groups[i].members[0]], 200));
      by([&](uint32_t g) -> const std::string& { return folded[g]; });
      break;
    }
    case 1: by([&](uint32_t g) { return ci.groups[g].outlets; }); break;
    case 2: by([&](uint32_t g) { return ci.groups[g].languages; }); break;
    case 4: by([&](uint32_t g) { return ci.groups[g].differences.size(); }); break;
    case 5: by([&](uint32_t g) { return ci.groups[g].members.size(); }); break;
    default:  // the ranking: disagreement (the index's own order breaks ties)
      by([&](uint32_t g) { return ci.groups[g].disagreement; });
      break;
  }
}

void rebuild_matrix(AppState& app) {
  ClaimsPanelState& st = app.claims_panel;
  if (st.matrix_revision == app.claims_revision()) return;
  st.matrix_revision = app.claims_revision();
  const ClaimIndex& ci = app.claims();
  // Every outlet of the corpus is a column: one that reports none of the claims is the
  // starkest omission of all.
  st.outlets.clear();
  for (size_t d = 0; d < app.corpus.size(); ++d) st.outlets.push_back(app.corpus.doc(d).meta.source);
  std::sort(st.outlets.begin(), st.outlets.end());
  st.outlets.erase(std::unique(st.outlets.begin(), st.outlets.end()), st.outlets.end());
  const size_t n_out = st.outlets.size();
  st.reported.assign(ci.groups.size() * n_out, 0);
  st.outlet_claims.assign(n_out, 0);
  for (size_t g = 0; g < ci.groups.size(); ++g) {
    for (uint32_t u : ci.groups[g].members) {
      const std::string& s = meta_of(app, ci.units[u]).source;
      const size_t o = std::lower_bound(st.outlets.begin(), st.outlets.end(), s) - st.outlets.begin();
      uint8_t& cell = st.reported[g * n_out + o];
      if (cell == 0) ++st.outlet_claims[o];
      if (cell < 255) ++cell;
    }
  }
  st.columns_key = st.matrix_rows_key = ~0ull;
}

void rebuild_columns(AppState& app) {
  ClaimsPanelState& st = app.claims_panel;
  const int32_t sel = valid_group(app, st.selected) ? st.selected : -1;
  const uint64_t key = st.matrix_revision * 4096 + static_cast<uint64_t>(st.outlet_order) * 1024 + static_cast<uint64_t>(sel + 1);
  if (key == st.columns_key) return;
  st.columns_key = key;
  const size_t n_out = st.outlets.size();
  st.outlet_columns.resize(n_out);
  for (uint32_t i = 0; i < n_out; ++i) st.outlet_columns[i] = i;
  if (st.outlet_order == 1) {
    std::stable_sort(st.outlet_columns.begin(), st.outlet_columns.end(),
                     [&](uint32_t a, uint32_t b) { return st.outlet_claims[a] > st.outlet_claims[b]; });
  } else if (st.outlet_order == 2 && sel >= 0) {  // sorted by a row: the selected claim's reporters first
    const uint8_t* row = &st.reported[static_cast<size_t>(sel) * n_out];
    std::stable_sort(st.outlet_columns.begin(), st.outlet_columns.end(), [&](uint32_t a, uint32_t b) { return row[a] > row[b]; });
  }
  st.matrix_rows_key = ~0ull;  // a sort by outlet column k follows the column
}

void rebuild_matrix_rows(AppState& app) {
  ClaimsPanelState& st = app.claims_panel;
  const uint64_t key = st.columns_key * 131 + static_cast<uint64_t>(st.matrix_sort_column + 1) * 2 + (st.matrix_sort_ascending ? 1 : 0);
  if (key == st.matrix_rows_key) return;
  st.matrix_rows_key = key;
  const ClaimIndex& ci = app.claims();
  const size_t n_out = st.outlets.size();
  st.matrix_rows.resize(ci.groups.size());
  for (uint32_t i = 0; i < st.matrix_rows.size(); ++i) st.matrix_rows[i] = i;
  const bool asc = st.matrix_sort_ascending;
  auto by = [&](auto value) {
    std::stable_sort(st.matrix_rows.begin(), st.matrix_rows.end(),
                     [&](uint32_t a, uint32_t b) { return asc ? value(a) < value(b) : value(b) < value(a); });
  };
  if (st.matrix_sort_column == 0) {
    std::vector<std::string> folded(ci.groups.size());
    for (size_t i = 0; i < folded.size(); ++i)
      if (!ci.groups[i].members.empty()) folded[i] = fold_for_search(app.claim_text(ci.units[ci.groups[i].members[0]], 200));
    by([&](uint32_t g) -> const std::string& { return folded[g]; });
  } else if (st.matrix_sort_column == 1) {
    by([&](uint32_t g) { return ci.groups[g].outlets; });
  } else if (st.matrix_sort_column >= 2 && static_cast<size_t>(st.matrix_sort_column - 2) < st.outlet_columns.size()) {
    const uint32_t o = st.outlet_columns[st.matrix_sort_column - 2];
    by([&](uint32_t g) { return st.reported[g * n_out + o] > 0; });
  } else {
    // The ranking (disagreement): the index order, or reversed.
    if (asc) std::reverse(st.matrix_rows.begin(), st.matrix_rows.end());
  }
}

//------------------------------------------------------------------------------------------
// [SECTION] group list
//------------------------------------------------------------------------------------------
void draw_group_list(AppState& app, float height) {
  ClaimsPanelState& st = app.claims_panel;
  const ClaimIndex& ci = app.claims();
  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersV |
                                ImGuiTableFlags_Hideable;
  if (!ImGui::BeginTable("claim_groups", 6, flags, ImVec2(0, height))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Claim (reference phrasing)", ImGuiTableColumnFlags_WidthStretch, 1.f, 0);
  ImGui::TableSetupColumn("Outlets", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending, 56.f, 1);
  ImGui::TableSetupColumn("Languages", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending, 74.f, 2);
  ImGui::TableSetupColumn("Disagreement", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_DefaultSort |
                          ImGuiTableColumnFlags_PreferSortDescending, 96.f, 3);
  ImGui::TableSetupColumn("Diffs", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending, 42.f, 4);
  ImGui::TableSetupColumn("Units", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending |
                          ImGuiTableColumnFlags_DefaultHide, 42.f, 5);
  headers_row();
  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty && specs->SpecsCount > 0) {
    st.sort_column = static_cast<int>(specs->Specs[0].ColumnUserID);
    st.sort_ascending = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
    specs->SpecsDirty = false;
  }
  rebuild_order(app);

  // Keyboard: up/down move the selection through the list while it has the focus.
  int sel_pos = -1;
  for (size_t i = 0; i < st.order.size() && st.selected >= 0; ++i)
    if (st.order[i] == static_cast<uint32_t>(st.selected)) { sel_pos = static_cast<int>(i); break; }
  if (ImGui::IsWindowFocused() && !ImGui::GetIO().WantTextInput && !st.order.empty()) {
    int to = -1;
    if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) to = std::min<int>(sel_pos + 1, static_cast<int>(st.order.size()) - 1);
    if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) to = std::max(sel_pos - 1, 0);
    if (to >= 0) {
      app.commands.push_back({Command::Kind::SelectClaimGroup, st.order[to]});
      sel_pos = to;
    }
  }

  const ImU32 bar_bg = IM_COL32(228, 230, 234, 255), bar_fg = IM_COL32(214, 39, 40, 200);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(st.order.size()));
  if (st.selection_follows && sel_pos >= 0) clipper.IncludeItemByIndex(sel_pos);
  while (clipper.Step()) {
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      const uint32_t gi = st.order[r];
      const ClaimGroup& g = ci.groups[gi];
      ImGui::PushID(static_cast<int>(gi));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const bool is_sel = st.selected == static_cast<int32_t>(gi);
      const std::string text = g.members.empty() ? std::string() : app.claim_text(ci.units[g.members[0]], kListTextBytes);
      if (ImGui::Selectable((text + "###row").c_str(), is_sel, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap))
        app.commands.push_back({Command::Kind::SelectClaimGroup, gi});
      if (is_sel && st.selection_follows) {
        ImGui::SetScrollHereY(0.3f);
        st.selection_follows = false;
      }
      char id[32];
      std::snprintf(id, sizeof id, "group %d", r);  // by display position: "group 0" is the top row
      register_test_item(id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
      if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) {
        std::string outlets;
        for (const std::string& o : outlets_of(app, g)) outlets += (outlets.empty() ? "" : ", ") + o;
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32.f);
        ImGui::TextWrapped("%s", text.c_str());
        ImGui::TextDisabled("%zu units from %s", g.members.size(), outlets.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
      }
      ImGui::TableNextColumn();
      ImGui::Text("%u", g.outlets);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(languages_of(app, g).c_str());
      ImGui::TableNextColumn();
      {  // a bar and the value: the ranking at a glance
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float w = 44.f, h = ImGui::GetTextLineHeight();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(ImVec2(p.x, p.y + 4.f), ImVec2(p.x + w, p.y + h - 3.f), bar_bg, 2.f);
        dl->AddRectFilled(ImVec2(p.x, p.y + 4.f), ImVec2(p.x + w * std::clamp(g.disagreement, 0.f, 1.f), p.y + h - 3.f), bar_fg, 2.f);
        ImGui::Dummy(ImVec2(w, h));
        ImGui::SameLine(0, 6.f);
        ImGui::Text("%.2f", g.disagreement);
      }
      ImGui::TableNextColumn();
      ImGui::Text("%zu", g.differences.size());
      ImGui::TableNextColumn();
      ImGui::Text("%zu", g.members.size());
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
}

//------------------------------------------------------------------------------------------
// [SECTION] side by side
//------------------------------------------------------------------------------------------
// The marks of one member, relative to its unit's span: its differences (background in the
// kind's colour, tagged with the difference's index) and the words that bridged its links.
std::vector<TextMark> member_marks(const ClaimGroup& g, const ClaimUnit& u) {
  std::vector<TextMark> diffs, bridges;
  auto add = [&](std::vector<TextMark>& layer, Span s, ImU32 bg, ImU32 line, int tag) {
    if (s.end <= u.span.begin || s.begin >= u.span.end) return;
    const Span rel{std::max(s.begin, u.span.begin) - u.span.begin, std::min(s.end, u.span.end) - u.span.begin};
    layer.push_back({rel, bg, line, tag});
  };
  const bool is_ref = !g.members.empty() && g.members[0] == u.id;
  for (size_t i = 0; i < g.differences.size(); ++i) {
    const Difference& d = g.differences[i];
    if (d.b == u.id)
      for (Span s : d.spans_b) add(diffs, s, diff_kind_color(d.kind, 95), 0, static_cast<int>(i));
    if (d.a == u.id && is_ref)
      for (Span s : d.spans_a) add(diffs, s, diff_kind_color(d.kind, 95), 0, static_cast<int>(i));
  }
  for (const ClaimLink& l : g.links) {
    for (const Bridge& b : l.bridges) {
      if (l.a == u.id) add(bridges, b.a, 0, kBridgeUnderline, -1);
      if (l.b == u.id) add(bridges, b.b, 0, kBridgeUnderline, -1);
    }
  }
  return flatten_marks({bridges, diffs});
}

void difference_tooltip(AppState& app, const ClaimGroup& g, const Difference& d) {
  const ClaimIndex& ci = app.claims();
  std::string title = std::string(diff_kind_label(d.kind));
  if (d.kind == DiffKind::QuoteFidelity && d.fidelity != QuoteFidelity::None) title += std::string(": ") + quote_fidelity_name(d.fidelity);
  app.claims_panel.hover_label = title + " — " + d.message;
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.f);
  swatch(diff_kind_color(d.kind, 255));
  ImGui::TextUnformatted(title.c_str());
  ImGui::TextWrapped("%s", d.message.c_str());
  if (!d.label_a.empty() || !d.label_b.empty())
    ImGui::TextDisabled("%s: %s  ·  %s: %s", meta_of(app, ci.units[d.a]).source.c_str(), d.label_a.empty() ? "—" : d.label_a.c_str(),
                        meta_of(app, ci.units[d.b]).source.c_str(), d.label_b.empty() ? "—" : d.label_b.c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

void draw_legend(const ClaimGroup& g) {
  bool present[16] = {};
  for (const Difference& d : g.differences) present[static_cast<int>(d.kind)] = true;
  bool first = true;
  for (DiffKind k : kDiffKinds) {
    if (!present[static_cast<int>(k)]) continue;
    if (!first) ImGui::SameLine(0, 12.f);
    first = false;
    swatch(diff_kind_color(k, 160));
    ImGui::TextUnformatted(diff_kind_label(k));
  }
  if (!first) ImGui::SameLine(0, 12.f);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float h = ImGui::GetTextLineHeight();
  ImGui::GetWindowDrawList()->AddLine(ImVec2(p.x, p.y + h - 1.f), ImVec2(p.x + h, p.y + h - 1.f), kBridgeUnderline, 2.f);
  ImGui::Dummy(ImVec2(h, h));
  ImGui::SameLine(0, 4.f);
  ImGui::TextUnformatted("bridged words");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Underlined: the names, numbers and translated words that link this phrasing to another");
}

void draw_side_by_side(AppState& app, uint32_t gi) {
  const ClaimIndex& ci = app.claims();
  const ClaimGroup& g = ci.groups[gi];
  ImGui::AlignTextToFramePadding();
  ImGui::Text("%zu phrasings · %u outlets · %u languages · disagreement %.2f", g.members.size(), g.outlets, g.languages, g.disagreement);
  ImGui::SameLine(0, 16.f);
  if (ImGui::SmallButton("Filter articles by this claim")) {
    app.commands.push_back({Command::Kind::FilterClaim, gi});
    set_message(app, "Articles: only those reporting this claim");
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("The article table shows only the articles with a phrasing of this claim");
  draw_legend(g);

  // The members in a grid of columns, each in its own language, the reference first.
  const float avail = ImGui::GetContentRegionAvail().x;
  const size_t per_row = std::clamp<size_t>(static_cast<size_t>(avail / kMemberColumnMin), 1, std::max<size_t>(g.members.size(), 1));
  int hovered_diff = -1;
  if (ImGui::BeginTable("side_by_side", static_cast<int>(per_row), ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_BordersOuterH |
                                                                        ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_PadOuterX)) {
    for (size_t m = 0; m < g.members.size(); ++m) {
      if (m % per_row == 0) ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const ClaimUnit& u = ci.units[g.members[m]];
      const ArticleMeta& meta = meta_of(app, u);
      ImGui::PushID(static_cast<int>(m));
      ImGui::TextColored(ImVec4(0.16f, 0.28f, 0.50f, 1.f), "%s", meta.source.c_str());
      std::string sub = std::string(language_name(u.lang));
      if (m == 0) {
        sub += " · reference";
      } else if (const ClaimLink* l = link_of(g, u.id)) {
        char s[48];
        std::snprintf(s, sizeof s, " · linked %.2f", l->score);
        sub += s;
      }
      if (u.kinds & kClaimQuote) sub += " · quote";
      ImGui::TextDisabled("%s", sub.c_str());
      const int h = draw_marked_text(app.corpus.doc(u.doc).slice(u.span), member_marks(g, u));
      if (h >= 0) hovered_diff = h;
      const ImVec2 tmin = ImGui::GetItemRectMin(), tmax = ImGui::GetItemRectMax();
      char id[32];
      std::snprintf(id, sizeof id, "member %zu", m);
      register_test_item(id, tmin, tmax);
      // Clicking the text opens the Reader at that sentence (the button says so too).
      if (ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(tmin, tmax) && ImGui::IsMouseClicked(ImGuiMouseButton_Left))
        open_in_reader(app, gi, u.id);
      if (ImGui::SmallButton("Open in Reader")) open_in_reader(app, gi, u.id);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s — %s", meta.source.c_str(), meta.title.c_str());
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (hovered_diff >= 0 && static_cast<size_t>(hovered_diff) < g.differences.size())
    difference_tooltip(app, g, g.differences[hovered_diff]);

  // Every difference, named and explained.
  ImGui::SeparatorText(g.differences.empty() ? "No differences found" : "Differences");
  constexpr size_t kDifferencesShown = 200;  // a group's list; the JSON export has them all
  for (size_t i = 0; i < g.differences.size() && i < kDifferencesShown; ++i) {
    const Difference& d = g.differences[i];
    // A line naming it (kind, whose phrasing, the two sides), the explanation under it.
    ImGui::PushID(static_cast<int>(i));
    swatch(diff_kind_color(d.kind, 255));
    const std::string who = meta_of(app, ci.units[d.b]).source + " (" + ci.units[d.b].lang + ")";
    ImGui::TextColored(ImVec4(0.35f, 0.35f, 0.35f, 1.f), "%s · %s", diff_kind_label(d.kind), who.c_str());
    if (!d.label_a.empty() || !d.label_b.empty()) {
      ImGui::SameLine(0, 10.f);
      ImGui::Text("%s → %s", d.label_a.empty() ? "—" : d.label_a.c_str(), d.label_b.empty() ? "—" : d.label_b.c_str());
    }
    ImGui::Indent(ImGui::GetTextLineHeight() * 0.6f + 4.f);
    ImGui::TextWrapped("%s", d.message.c_str());
    ImGui::Unindent(ImGui::GetTextLineHeight() * 0.6f + 4.f);
    ImGui::PopID();
  }
  if (g.differences.size() > kDifferencesShown)
    ImGui::TextDisabled("… and %zu more (in the JSON export)", g.differences.size() - kDifferencesShown);

  // Why they were grouped: each link's score and the bridges that made it.
  ImGui::SeparatorText("Why these were grouped");
  for (size_t i = 0; i < g.links.size(); ++i) {
    const ClaimLink& l = g.links[i];
    const ClaimUnit &ua = ci.units[l.a], &ub = ci.units[l.b];
    ImGui::Text("%s (%s) ↔ %s (%s): %.2f", meta_of(app, ua).source.c_str(), ua.lang.c_str(), meta_of(app, ub).source.c_str(),
                ub.lang.c_str(), l.score);
    std::string bridges;
    for (const Bridge& b : l.bridges) {
      char w[16];
      std::snprintf(w, sizeof w, " %.0f%%", b.weight * 100.f);
      bridges += (bridges.empty() ? "" : " · ") + b.via + " (" + bridge_kind_name(b.kind) + w + ")";
    }
    ImGui::Indent();
    ImGui::TextWrapped("%s", bridges.empty() ? "no bridge recorded" : bridges.c_str());
    ImGui::Unindent();
  }
  if (g.links.empty()) ImGui::TextDisabled("No links recorded for this group.");
}

//------------------------------------------------------------------------------------------
// [SECTION] omission matrix
//------------------------------------------------------------------------------------------
const char* kOutletOrders[] = {"by name", "most claims reported first", "reporting the selected claim first"};

void draw_matrix(AppState& app) {
  ClaimsPanelState& st = app.claims_panel;
  const ClaimIndex& ci = app.claims();
  rebuild_matrix(app);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Outlets");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(240.f);
  ImGui::Combo("##outlet_order", &st.outlet_order, kOutletOrders, IM_ARRAYSIZE(kOutletOrders));
  ImGui::SameLine();
  ImGui::TextDisabled("· %zu claims × %zu outlets · filled: reported", ci.groups.size(), st.outlets.size());
  rebuild_columns(app);
  const size_t n_out = st.outlets.size();
  const int shown_out = static_cast<int>(std::min<size_t>(n_out, kMaxMatrixOutlets));
  if (n_out > static_cast<size_t>(shown_out))
    ImGui::TextDisabled("The first %d outlets are shown; the omission CSV has all %zu.", shown_out, n_out);

  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_SortTristate | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV |
                                ImGuiTableFlags_Reorderable | ImGuiTableFlags_HighlightHoveredColumn;
  if (!ImGui::BeginTable("omission", 2 + shown_out, flags, ImVec2(0, 0))) return;
  ImGui::TableSetupScrollFreeze(2, 2);
  ImGui::TableSetupColumn("Claim", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoHide, 300.f, 0);
  ImGui::TableSetupColumn("Reported", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending, 64.f, 1);
  for (int k = 0; k < shown_out; ++k)
    ImGui::TableSetupColumn(st.outlets[st.outlet_columns[k]].c_str(),
                            ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_AngledHeader |
                            ImGuiTableColumnFlags_PreferSortDescending, 26.f, static_cast<ImGuiID>(2 + k));
  ImGui::TableAngledHeadersRow();
  headers_row(2);
  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
    if (specs->SpecsCount > 0) {
      st.matrix_sort_column = static_cast<int>(specs->Specs[0].ColumnUserID);
      st.matrix_sort_ascending = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
    } else {
      st.matrix_sort_column = -1;
    }
    specs->SpecsDirty = false;
  }
  rebuild_matrix_rows(app);
  const ImU32 filled = IM_COL32(52, 120, 190, 255), empty = IM_COL32(250, 228, 222, 255);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(st.matrix_rows.size()));
  while (clipper.Step()) {
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      const uint32_t gi = st.matrix_rows[r];
      const ClaimGroup& g = ci.groups[gi];
      ImGui::PushID(static_cast<int>(gi));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const std::string text = g.members.empty() ? std::string() : app.claim_text(ci.units[g.members[0]], kListTextBytes);
      if (ImGui::Selectable((text + "###claim").c_str(), st.selected == static_cast<int32_t>(gi)))
        app.commands.push_back({Command::Kind::SelectClaimGroup, gi});
      if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) ImGui::SetTooltip("%s", text.c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%u / %zu", g.outlets, n_out);
      const uint8_t* row = &st.reported[static_cast<size_t>(gi) * n_out];
      for (int k = 0; k < shown_out; ++k) {
        if (!ImGui::TableNextColumn()) continue;  // scrolled out of view
        const uint32_t o = st.outlet_columns[k];
        const bool rep = row[o] > 0;
        ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, rep ? filled : empty);
        char cell[16];
        std::snprintf(cell, sizeof cell, "%s##c%d", rep && row[o] > 1 ? std::to_string(row[o]).c_str() : "", k);
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
        if (ImGui::Selectable(cell, false, 0, ImVec2(0, 0)) && rep) {
          for (uint32_t u : g.members)
            if (meta_of(app, ci.units[u]).source == st.outlets[o]) { open_in_reader(app, gi, u); break; }
        }
        ImGui::PopStyleColor();
        if (r < 4 && k < 8) {
          char id[32];
          std::snprintf(id, sizeof id, "cell %d %d", r, k);
          register_test_item(id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        }
        if (ImGui::IsItemHovered()) {
          st.hover_label = st.outlets[o] + (rep ? " reports: " : " does not report: ") + app.claim_text(ci.units[g.members[0]], 160);
          ImGui::SetTooltip("%s%s", st.hover_label.c_str(), rep ? "\nClick: read it in the Reader" : "");
        }
      }
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
}

//------------------------------------------------------------------------------------------
// [SECTION] exports
//------------------------------------------------------------------------------------------
std::vector<std::string> span_texts(const Document& d, const std::vector<Span>& spans) {
  std::vector<std::string> out;
  for (Span s : spans)
    if (s.end <= d.text.size() && s.begin <= s.end) out.emplace_back(d.slice(s));
  return out;
}

std::string groups_json(const AppState& app) {
  const ClaimIndex& ci = app.claims();
  nlohmann::json groups = nlohmann::json::array();
  for (size_t gi = 0; gi < ci.groups.size(); ++gi) {
    const ClaimGroup& g = ci.groups[gi];
    nlohmann::json members = nlohmann::json::array(), links = nlohmann::json::array(), diffs = nlohmann::json::array();
    for (size_t m = 0; m < g.members.size(); ++m) {
      const ClaimUnit& u = ci.units[g.members[m]];
      const ArticleMeta& meta = meta_of(app, u);
      members.push_back({{"unit", u.id}, {"reference", m == 0}, {"article", meta.id}, {"title", meta.title}, {"outlet", meta.source},
                         {"language", u.lang}, {"published", meta.published}, {"sentence", u.sentence},
                         {"quote", (u.kinds & kClaimQuote) != 0}, {"number", (u.kinds & kClaimNumber) != 0}, {"text", app.claim_text(u)}});
    }
    for (const ClaimLink& l : g.links) {
      nlohmann::json bridges = nlohmann::json::array();
      const Document &da = app.corpus.doc(ci.units[l.a].doc), &db = app.corpus.doc(ci.units[l.b].doc);
      for (const Bridge& b : l.bridges)
        bridges.push_back({{"kind", bridge_kind_name(b.kind)}, {"via", b.via}, {"weight", b.weight},
                           {"text_a", span_texts(da, {b.a})}, {"text_b", span_texts(db, {b.b})}});
      links.push_back({{"a", l.a}, {"b", l.b}, {"score", l.score}, {"bridges", bridges}});
    }
    for (const Difference& d : g.differences) {
      nlohmann::json j = {{"kind", diff_kind_name(d.kind)}, {"a", d.a}, {"b", d.b}, {"label_a", d.label_a}, {"label_b", d.label_b},
                          {"message", d.message}, {"severity", d.severity},
                          {"text_a", span_texts(app.corpus.doc(ci.units[d.a].doc), d.spans_a)},
                          {"text_b", span_texts(app.corpus.doc(ci.units[d.b].doc), d.spans_b)}};
      if (d.kind == DiffKind::QuoteFidelity) j["fidelity"] = quote_fidelity_name(d.fidelity);
      diffs.push_back(std::move(j));
    }
    groups.push_back({{"rank", gi + 1}, {"disagreement", g.disagreement}, {"cohesion", g.cohesion}, {"outlets", outlets_of(app, g)},
                      {"languages", languages_of(app, g)}, {"members", members}, {"links", links}, {"differences", diffs}});
  }
  const nlohmann::json doc = {{"claim_units", ci.units.size()}, {"groups", groups}, {"candidates_scored", ci.candidates_scored},
                              {"build_ms", ci.build_ms}};
  return doc.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string groups_csv(const AppState& app) {
  // One row per phrasing: a spreadsheet can filter by group, outlet or language.
  const ClaimIndex& ci = app.claims();
  std::string csv = "rank,disagreement,outlets,languages,reference,outlet,language,article_id,title,sentence,text,differences\n";
  for (size_t gi = 0; gi < ci.groups.size(); ++gi) {
    const ClaimGroup& g = ci.groups[gi];
    const std::string langs = languages_of(app, g);
    for (size_t m = 0; m < g.members.size(); ++m) {
      const ClaimUnit& u = ci.units[g.members[m]];
      const ArticleMeta& meta = meta_of(app, u);
      std::string diffs;
      for (const Difference& d : g.differences)
        if (d.b == u.id) diffs += (diffs.empty() ? "" : " | ") + std::string(diff_kind_name(d.kind)) + ": " + d.message;
      char num[96];
      std::snprintf(num, sizeof num, "%zu,%.4f,%u,", gi + 1, g.disagreement, g.outlets);
      csv += num + csv_escape(langs) + "," + (m == 0 ? "1" : "0") + "," + csv_escape(meta.source) + "," + csv_escape(u.lang) + "," +
             csv_escape(meta.id) + "," + csv_escape(meta.title) + "," + std::to_string(u.sentence) + "," + csv_escape(app.claim_text(u)) +
             "," + csv_escape(diffs) + "\n";
    }
  }
  return csv;
}

std::string matrix_csv(AppState& app) {
  rebuild_matrix(app);
  const ClaimsPanelState& st = app.claims_panel;
  const ClaimIndex& ci = app.claims();
  const size_t n_out = st.outlets.size();
  std::string csv = "rank,claim,reported_by";
  for (const std::string& o : st.outlets) csv += "," + csv_escape(o);
  csv += "\n";
  for (size_t gi = 0; gi < ci.groups.size(); ++gi) {
    const ClaimGroup& g = ci.groups[gi];
    csv += std::to_string(gi + 1) + "," + csv_escape(g.members.empty() ? "" : app.claim_text(ci.units[g.members[0]])) + "," +
           std::to_string(g.outlets);
    for (size_t o = 0; o < n_out; ++o) csv += st.reported[gi * n_out + o] ? ",1" : ",0";
    csv += "\n";
  }
  return csv;
}

void draw_exports(AppState& app) {
  const bool none = app.claims().groups.empty();
  ImGui::BeginDisabled(none);
  if (ImGui::SmallButton("Export JSON")) {
    app.platform.download("parallax-claims.json", groups_json(app), "application/json");
    set_message(app, "Saved parallax-claims.json");
  }
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Every claim group: phrasings, links, bridges and differences");
  ImGui::SameLine();
  if (ImGui::SmallButton("Export CSV")) {
    app.platform.download("parallax-claims.csv", groups_csv(app), "text/csv");
    set_message(app, "Saved parallax-claims.csv");
  }
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("One row per phrasing, with its group's rank and its differences");
  ImGui::SameLine();
  if (ImGui::SmallButton("Omission CSV")) {
    app.platform.download("parallax-omission.csv", matrix_csv(app), "text/csv");
    set_message(app, "Saved parallax-omission.csv");
  }
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("The omission matrix: claim groups × outlets, 1 = reported");
  ImGui::EndDisabled();
}

}  // namespace

//------------------------------------------------------------------------------------------
// [SECTION] the panel
//------------------------------------------------------------------------------------------
void draw_claims_panel(AppState& app, bool* open) {
  place_panel("Claims", app.reset_layout);
  if (app.analysis_handoff) {  // the Entities tab handed over its place (draw_analysis_tabs)
    ImGui::SetNextWindowPos(ImVec2(app.analysis_pos_x, app.analysis_pos_y), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(app.analysis_w, app.analysis_h), ImGuiCond_Always);
  }
  ClaimsPanelState& st = app.claims_panel;
  st.hover_label.clear();
  if (!ImGui::Begin("Claims", open)) {
    ImGui::End();
    return;
  }
  draw_analysis_tabs(app);
  const ClaimIndex& ci = app.claims();
  if (!valid_group(app, st.selected)) st.selected = -1;
  draw_exports(app);
  ImGui::SameLine(0, 16.f);
  const bool pending = app.claims_pending();
  if (pending && !ci.groups.empty()) {
    ImGui::TextDisabled("· updating: %s", app.claims_label().c_str());
  } else if (!pending) {
    ImGui::TextDisabled("· %zu claim groups from %zu claim units", ci.groups.size(), ci.units.size());
  } else {
    ImGui::NewLine();
  }
  for (const std::string& n : app.claims_notes) {
    ImGui::PushTextWrapPos(0.f);
    ImGui::TextColored(ImVec4(0.6f, 0.4f, 0.0f, 1), "%s", n.c_str());
    ImGui::PopTextWrapPos();
  }

  if (app.corpus.empty()) {
    ImGui::TextWrapped("No articles yet: claims appear here once articles are loaded and analysed.");
  } else if (ci.groups.empty() && pending) {
    const float p = app.analysing() ? app.analysis_progress() : app.claims_progress();
    ImGui::ProgressBar(p, ImVec2(-1, 0), app.analysing() ? app.analysis_label().c_str() : app.claims_label().c_str());
  } else if (ci.groups.empty()) {
    ImGui::TextWrapped("No claim is reported by more than one article here: claims are grouped when different articles say "
                       "the same thing (shared names, numbers and translated words).");
  } else if (ImGui::BeginTabBar("claim_tabs")) {
    if (ImGui::BeginTabItem("Groups")) {
      st.tab = 0;
      // The list on top (a third of the height, at least a few rows), the selected group below.
      const float avail = ImGui::GetContentRegionAvail().y;
      const float list_h = std::clamp(avail * 0.36f, ImGui::GetTextLineHeightWithSpacing() * 5.f, std::max(avail - 120.f, 80.f));
      draw_group_list(app, list_h);
      if (ImGui::BeginChild("group_detail", ImVec2(0, 0), ImGuiChildFlags_None)) {
        if (st.selected >= 0) draw_side_by_side(app, static_cast<uint32_t>(st.selected));
        else ImGui::TextDisabled("Select a claim to compare its phrasings side by side.");
      }
      ImGui::EndChild();
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Omission matrix")) {
      st.tab = 1;
      draw_matrix(app);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  ImGui::End();
}

//------------------------------------------------------------------------------------------
// [SECTION] the Articles chip
//------------------------------------------------------------------------------------------
void draw_claim_filter_chip(AppState& app) {
  if (app.claim_filter.empty()) return;
  ImGui::SameLine(0, 16.f);
  ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.90f, 0.85f, 0.97f, 1.f));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.84f, 0.76f, 0.95f, 1.f));
  ImGui::SmallButton(("claim: " + app.claim_filter_label + "##claim_chip_label").c_str());
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Only the %zu articles reporting this claim (from the Claims panel)", app.claim_filter.size());
  ImGui::SameLine(0, 2.f);
  if (ImGui::SmallButton("×##claim_chip")) app.commands.push_back({Command::Kind::ClearClaimFilter});
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove this filter");
  ImGui::PopStyleColor(2);
}

//------------------------------------------------------------------------------------------
// [SECTION] the analysis tabs
//------------------------------------------------------------------------------------------
void draw_analysis_tabs(AppState& app) {
  if (!app.analysis_tabbed || !app.show_entities || !app.show_claims) return;
  // The front window hands its place to the other one (AppState::analysis_tabbed).
  auto switch_to = [&](int tab) {
    app.analysis_tab = tab;
    app.analysis_handoff = true;
    app.analysis_pos_x = ImGui::GetWindowPos().x, app.analysis_pos_y = ImGui::GetWindowPos().y;
    app.analysis_w = ImGui::GetWindowSize().x, app.analysis_h = ImGui::GetWindowSize().y;
  };
  if (ImGui::BeginTabBar("##analysis_tabs")) {
    if (app.analysis_tab == 0) {
      if (ImGui::BeginTabItem("Entities##analysis")) ImGui::EndTabItem();
      if (ImGui::TabItemButton("Claims##analysis")) switch_to(1);
    } else {
      if (ImGui::TabItemButton("Entities##analysis")) switch_to(0);
      if (ImGui::BeginTabItem("Claims##analysis")) ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
}

}  // namespace px
