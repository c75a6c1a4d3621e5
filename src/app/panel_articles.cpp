// panel_articles.cpp — the article table (virtualised, sortable) with its filters.
#include <cstdio>

#include "app.h"
#include "date_parse.h"
#include "imgui.h"
#include "lang_detect.h"

namespace px {
namespace {

// How search matches (query.h), for the search box's tooltip.
constexpr const char* kSearchHelp =
    "Words match in any form, by their stem in each article's language:\n"
    "  negotiation finds negotiations, negotiated; Verhandlungen finds Verhandlung;\n"
    "  rafforzata finds rafforzare; заявила finds заявил.\n"
    "Parts of words match too, with case and accents ignored:\n"
    "  rutte finds Rutte, citta finds città, munchen finds München, 東京 finds 東京都.\n"
    "All words must match (AND).\n"
    "\"Quoted text\" matches exactly as written (case and accents still ignored):\n"
    "  \"negotiations\" finds only that form; \"mark rutte\" finds the two words together.\n"
    "Word forms are known once an article has been analysed (progress bar).";

void draw_facets(AppState& app) {
  const QueryResult& q = app.query();
  Filter& f = app.filter;
  if (ImGui::Button("Clear all filters")) app.commands.push_back({Command::Kind::ClearFilters});

  ImGui::SeparatorText("Language");
  for (const FacetCount& c : q.languages) {
    bool on = f.languages.count(c.value) > 0;
    char label[96];
    std::snprintf(label, sizeof label, "%s (%u)##lang", c.value.c_str(), c.count);
    if (ImGui::Checkbox(label, &on)) {
      if (on) f.languages.insert(c.value); else f.languages.erase(c.value);
      app.filter_changed();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", std::string(language_name(c.value)).c_str());
  }

  ImGui::SeparatorText("Outlet");
  for (const FacetCount& c : q.sources) {
    bool on = f.sources.count(c.value) > 0;
    ImGui::PushID(c.value.c_str());
    char label[64];
    std::snprintf(label, sizeof label, "(%u)", c.count);
    if (ImGui::Checkbox("##src", &on)) {
      if (on) f.sources.insert(c.value); else f.sources.erase(c.value);
      app.filter_changed();
    }
    ImGui::SameLine();
    ImGui::TextUnformatted(c.value.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("%s", label);
    ImGui::PopID();
  }

  ImGui::SeparatorText("Date");
  auto date_input = [&](const char* label, std::string& input, std::string& value) {
    if (input_string(label, "YYYY-MM-DD", input, 110.f)) {
      if (input.empty()) { value.clear(); app.filter_changed(); }
      else if (auto iso = parse_date(input)) { value = *iso; app.filter_changed(); }
    }
    if (!input.empty() && !parse_date(input)) {
      ImGui::SameLine();
      ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "?");
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("Not a date: use YYYY-MM-DD");
    }
  };
  date_input("from", app.articles_panel.date_from_input, f.date_from);
  date_input("to", app.articles_panel.date_to_input, f.date_to);
  if (!q.min_date.empty()) ImGui::TextDisabled("corpus: %s … %s", q.min_date.c_str(), q.max_date.c_str());
}

void draw_table(AppState& app) {
  ArticlesPanelState& st = app.articles_panel;
  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersV |
                                ImGuiTableFlags_Reorderable | ImGuiTableFlags_Hideable;
  if (!ImGui::BeginTable("articles", 5, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Outlet", ImGuiTableColumnFlags_WidthStretch, 1.f, static_cast<ImGuiID>(SortColumn::Source));
  ImGui::TableSetupColumn("Lang", ImGuiTableColumnFlags_WidthFixed, 70.f, static_cast<ImGuiID>(SortColumn::Language));
  ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_DefaultSort |
                                  ImGuiTableColumnFlags_PreferSortDescending, 90.f, static_cast<ImGuiID>(SortColumn::Date));
  ImGui::TableSetupColumn("Title", ImGuiTableColumnFlags_WidthStretch, 2.5f, static_cast<ImGuiID>(SortColumn::Title));
  ImGui::TableSetupColumn("Words", ImGuiTableColumnFlags_WidthFixed, 55.f, static_cast<ImGuiID>(SortColumn::Words));
  ImGui::TableHeadersRow();

  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty && specs->SpecsCount > 0) {
    st.sort_column = static_cast<SortColumn>(specs->Specs[0].ColumnUserID);
    st.sort_ascending = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
    specs->SpecsDirty = false;
  }

  const std::vector<uint32_t>& rows = app.visible_rows();
  // Keyboard: up/down move the selection through the visible rows while the table has focus.
  int selected_pos = -1;
  for (size_t i = 0; i < rows.size() && app.selected >= 0; ++i)
    if (rows[i] == static_cast<uint32_t>(app.selected)) { selected_pos = static_cast<int>(i); break; }
  int move_to = -1;
  // The Reader follows the filters: when its article is filtered out, show the first match.
  if (selected_pos < 0 && !rows.empty() && app.commands.empty()) move_to = 0;
  if (ImGui::IsWindowFocused(ImGuiFocusedFlags_ChildWindows) && !ImGui::GetIO().WantTextInput && !rows.empty()) {
    if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) move_to = std::min<int>(selected_pos + 1, static_cast<int>(rows.size()) - 1);
    if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) move_to = std::max(selected_pos - 1, 0);
  }
  if (move_to >= 0) {
    app.commands.push_back({Command::Kind::SelectArticle, static_cast<int64_t>(rows[move_to])});
    const float row_h = ImGui::GetTextLineHeightWithSpacing();
    float y = move_to * row_h;
    if (y < ImGui::GetScrollY()) ImGui::SetScrollY(y);
    else if (y + 2 * row_h > ImGui::GetScrollY() + ImGui::GetWindowHeight()) ImGui::SetScrollY(y + 2 * row_h - ImGui::GetWindowHeight());
  }

  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows.size()));
  while (clipper.Step()) {
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      const uint32_t idx = rows[r];
      const Document& d = app.corpus.doc(idx);
      ImGui::PushID(static_cast<int>(idx));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const bool is_sel = app.selected == static_cast<int64_t>(idx);
      if (ImGui::Selectable(d.meta.source.c_str(), is_sel, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap))
        app.commands.push_back({Command::Kind::SelectArticle, static_cast<int64_t>(idx)});
      ImGui::TableNextColumn();
      if (d.meta.language_from == Provenance::Detected)
        ImGui::Text("%s %.0f%%", d.meta.language.c_str(), d.meta.language_confidence * 100.f);
      else
        ImGui::TextUnformatted(d.meta.language.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(d.meta.published.empty() ? "—" : d.meta.published.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(d.meta.title.c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%u", d.word_count);
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
}

}  // namespace

void draw_articles_panel(AppState& app, bool* open) {
  place_panel("Articles", app.reset_layout);
  if (!ImGui::Begin("Articles", open)) {
    ImGui::End();
    return;
  }
  ArticlesPanelState& st = app.articles_panel;
  ImGui::PushID(st.search_generation);
  if (input_string("##search", "Search words, any form: negotiation finds negotiated; \"quotes\" for exact", st.search_input)) {
    app.filter.text = st.search_input;
    app.filter_changed();
  }
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal))
    ImGui::SetTooltip("%s", kSearchHelp);
  ImGui::PopID();
  ImGui::Text("%zu of %zu articles", app.visible_rows().size(), app.corpus.size());
  draw_entity_filter_chip(app);  // the Entities panel's filter, removable here
  draw_claim_filter_chip(app);   // the Claims panel's filter, likewise

  if (ImGui::BeginTable("layout", 2, ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV)) {
    ImGui::TableSetupColumn("filters", ImGuiTableColumnFlags_WidthFixed, 210.f);
    ImGui::TableSetupColumn("table", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    if (ImGui::BeginChild("facets", ImVec2(0, 0))) draw_facets(app);
    ImGui::EndChild();
    ImGui::TableNextColumn();
    if (app.corpus.empty()) {
      ImGui::TextWrapped("No articles yet. Open files (File > Open), drop them on the page, or paste text in the Corpus panel.");
    } else if (app.visible_rows().empty()) {
      ImGui::TextWrapped("No article matches these filters.");
      if (ImGui::SmallButton("Clear all filters##empty")) app.commands.push_back({Command::Kind::ClearFilters});
    } else {
      draw_table(app);
    }
    ImGui::EndTable();
  }
  ImGui::End();
}

}  // namespace px
