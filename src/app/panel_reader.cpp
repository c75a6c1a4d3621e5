// panel_reader.cpp — one article: editable metadata, then its text with search hits marked.
#include <algorithm>

#include "app.h"
#include "imgui.h"
#include "lang_detect.h"
#include "rich_text.h"
#include "text_fold.h"

namespace px {
namespace {

const char* provenance_label(Provenance p) {
  switch (p) {
    case Provenance::Given: return "given";
    case Provenance::Detected: return "detected";
    case Provenance::Edited: return "edited";
    case Provenance::Missing: return "missing";
  }
  return "";
}

void fill_edit_buffers(AppState& app, const Document& d) {
  ReaderPanelState& st = app.reader_panel;
  st.edit_source = d.meta.source;
  st.edit_title = d.meta.title;
  st.edit_date = d.meta.published;
  st.edit_language = d.meta.language;
  st.edit_error.clear();
  st.shown = app.selected;
  st.shown_revision = app.corpus.revision();
}

void draw_metadata(AppState& app, const Document& d) {
  ReaderPanelState& st = app.reader_panel;
  if (!ImGui::BeginTable("meta", 3, ImGuiTableFlags_SizingStretchProp)) return;
  ImGui::TableSetupColumn("field", ImGuiTableColumnFlags_WidthFixed, 70.f);
  ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("from", ImGuiTableColumnFlags_WidthFixed, 70.f);
  auto row = [&](const char* name, std::string& buf, const char* hint, MetaField field, Provenance from) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(name);
    ImGui::TableNextColumn();
    ImGui::PushID(name);
    input_string("##v", hint, buf);
    if (ImGui::IsItemDeactivatedAfterEdit()) {
      Status s = app.corpus.edit(static_cast<size_t>(app.selected), field, buf);
      st.edit_error = s.ok() ? std::string() : s.message();
      if (s.ok()) app.platform.corpus_changed();
    }
    ImGui::PopID();
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", provenance_label(from));
  };
  row("Outlet", st.edit_source, "outlet name", MetaField::Source, d.meta.source_from);
  row("Title", st.edit_title, "title", MetaField::Title, d.meta.title_from);
  row("Date", st.edit_date, "YYYY-MM-DD", MetaField::Published, d.meta.published_from);
  row("Language", st.edit_language, "en, de, it, ja…", MetaField::Language, d.meta.language_from);
  ImGui::EndTable();
  if (!st.edit_error.empty()) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", st.edit_error.c_str());
  ImGui::TextDisabled("%s · %u words · %s%s", std::string(language_name(d.meta.language)).c_str(), d.word_count,
                      d.meta.origin.c_str(), d.meta.url.empty() ? "" : (" · " + d.meta.url).c_str());
  for (const std::string& n : d.notes) ImGui::TextDisabled("note: %s", n.c_str());
  if (is_rtl_language(d.meta.language))
    ImGui::TextColored(ImVec4(0.6f, 0.4f, 0.0f, 1),
                       "Right-to-left text (%s): Dear ImGui cannot shape it, so letters are shown unjoined and left to right.",
                       std::string(language_name(d.meta.language)).c_str());
}

}  // namespace

void draw_reader_panel(AppState& app, bool* open) {
  place_panel("Reader", app.reset_layout);
  if (!ImGui::Begin("Reader", open)) {
    ImGui::End();
    return;
  }
  if (app.selected < 0 || static_cast<size_t>(app.selected) >= app.corpus.size()) {
    ImGui::TextDisabled("Select an article in the Articles panel to read it here.");
    ImGui::End();
    return;
  }
  const Document& d = app.corpus.doc(static_cast<size_t>(app.selected));
  ReaderPanelState& st = app.reader_panel;
  if (st.shown != app.selected || (st.shown_revision != app.corpus.revision() && !ImGui::IsAnyItemActive()))
    fill_edit_buffers(app, d);

  draw_metadata(app, d);
  if (ImGui::SmallButton("Copy text")) app.platform.set_clipboard(d.meta.title + "\n\n" + d.text);
  ImGui::SameLine();
  ImGui::Checkbox("Mark search hits", &st.highlight_search);
  ImGui::Separator();

  // Search hits: computed only when the article or the query changed (not every frame).
  const ImU32 hit_color = IM_COL32(255, 214, 0, 150);
  if (st.marks_article != app.selected || st.marks_revision != app.corpus.revision() || st.marks_query != app.filter.text) {
    st.marks_article = app.selected;
    st.marks_revision = app.corpus.revision();
    st.marks_query = app.filter.text;
    st.marks.assign(d.paragraphs.size(), {});
    st.hits = 0;
    for (const std::string& term : search_terms(app.filter.text)) {
      for (size_t p = 0; p < d.paragraphs.size(); ++p) {
        for (Span s : find_folded(d.slice(d.paragraphs[p]), term)) {
          st.marks[p].push_back({s, hit_color});
          ++st.hits;
        }
      }
    }
    for (auto& marks : st.marks) {
      std::sort(marks.begin(), marks.end(), [](const TextMark& a, const TextMark& b) { return a.span.begin < b.span.begin; });
      // Overlapping hits of two terms merge into one mark.
      std::vector<TextMark> merged;
      for (const TextMark& m : marks) {
        if (!merged.empty() && m.span.begin <= merged.back().span.end) merged.back().span.end = std::max(merged.back().span.end, m.span.end);
        else merged.push_back(m);
      }
      marks = std::move(merged);
    }
  }
  if (!app.filter.text.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%zu hits", st.hits);
  }

  if (ImGui::BeginChild("text", ImVec2(0, 0), ImGuiChildFlags_None)) {
    ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.25f);
    ImGui::TextWrapped("%s", d.meta.title.c_str());
    ImGui::PopFont();
    ImGui::Spacing();
    static const std::vector<TextMark> kNoMarks;
    for (size_t p = 0; p < d.paragraphs.size(); ++p) {
      draw_marked_text(d.slice(d.paragraphs[p]), st.highlight_search ? st.marks[p] : kNoMarks);
      ImGui::Spacing();
    }
  }
  ImGui::EndChild();
  ImGui::End();
}

}  // namespace px
