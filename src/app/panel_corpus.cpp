// panel_corpus.cpp — getting articles in and out: open, paste, export, reset; what was
// detected per article (outlet, language, date, title, length) and every load message.
#include <algorithm>

#include "app.h"
#include "imgui.h"
#include "lang_detect.h"

namespace px {
namespace {

ImVec4 level_color(IngestMessage::Level level) {
  switch (level) {
    case IngestMessage::Level::Error: return ImVec4(0.75f, 0.1f, 0.1f, 1);
    case IngestMessage::Level::Warning: return ImVec4(0.6f, 0.4f, 0.0f, 1);
    case IngestMessage::Level::Info: break;
  }
  return ImGui::GetStyleColorVec4(ImGuiCol_Text);
}

const char* provenance_mark(Provenance p) {  // a one-glyph hint next to each detected value
  switch (p) {
    case Provenance::Detected: return "·d";
    case Provenance::Edited: return "·e";
    case Provenance::Given:
    case Provenance::Missing: break;
  }
  return "";
}

void draw_paste(AppState& app) {
  CorpusPanelState& st = app.corpus_panel;
  if (!ImGui::CollapsingHeader("Paste an article")) return;
  input_string("##paste_title", "Title (optional: else the first line)", st.paste_title);
  input_multiline_string("##paste_text", st.paste_text, ImGui::GetTextLineHeight() * 6);
  ImGui::BeginDisabled(st.paste_text.find_first_not_of(" \n\t\r") == std::string::npos);
  if (ImGui::Button("Add as article")) {
    std::string text = st.paste_title.empty() ? st.paste_text : st.paste_title + "\n" + st.paste_text;
    app.queue_file("paste", std::move(text));
    st.paste_text.clear();
    st.paste_title.clear();
  }
  ImGui::EndDisabled();
}

void draw_detected(AppState& app) {
  const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_Resizable |
                                ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingFixedFit;  // stretch columns share the rest
  // As tall as its rows need, leaving the message log at least three lines.
  const float row_h = ImGui::GetTextLineHeightWithSpacing() + 2.f;
  const float needed = row_h * (static_cast<float>(app.corpus.size()) + 1.5f);
  const float room = ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() * 2.f - row_h * 3.f;
  const float height = app.corpus_panel.show_log ? std::max(row_h * 3.f, std::min(needed, room)) : 0.f;
  if (!ImGui::BeginTable("detected", 7, flags, ImVec2(0, height))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Outlet", ImGuiTableColumnFlags_WidthStretch, 1.f);
  ImGui::TableSetupColumn("Language");
  ImGui::TableSetupColumn("Date");
  ImGui::TableSetupColumn("Title", ImGuiTableColumnFlags_WidthStretch, 2.f);
  ImGui::TableSetupColumn("Words");
  ImGui::TableSetupColumn("From", ImGuiTableColumnFlags_WidthStretch, 0.8f);
  ImGui::TableSetupColumn("");
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(app.corpus.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const Document& d = app.corpus.doc(static_cast<size_t>(i));
      const ArticleMeta& m = d.meta;
      ImGui::PushID(i);
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      if (ImGui::Selectable(m.source.c_str(), app.selected == i, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap))
        app.commands.push_back({Command::Kind::SelectArticle, i});
      ImGui::SameLine(0, 2);
      ImGui::TextDisabled("%s", provenance_mark(m.source_from));
      ImGui::TableNextColumn();
      ImGui::Text("%s %.0f%%", m.language.c_str(), m.language_confidence * 100.f);
      ImGui::SameLine(0, 2);
      ImGui::TextDisabled("%s", provenance_mark(m.language_from));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(m.published.empty() ? "—" : m.published.c_str());
      ImGui::SameLine(0, 2);
      ImGui::TextDisabled("%s", provenance_mark(m.published_from));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(m.title.c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%u", d.word_count);
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%s", m.origin.c_str());
      if (!d.notes.empty() && ImGui::IsItemHovered()) {
        std::string all;
        for (const std::string& n : d.notes) all += n + "\n";
        ImGui::SetTooltip("%s", all.c_str());
      }
      ImGui::TableNextColumn();
      if (ImGui::SmallButton("Remove")) app.commands.push_back({Command::Kind::RemoveArticle, i});
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
}

void draw_log(AppState& app) {
  ImGui::SeparatorText("Messages");
  if (ImGui::BeginChild("log", ImVec2(0, 0), ImGuiChildFlags_Borders)) {
    for (const UserMessage& m : app.log) {
      ImGui::PushStyleColor(ImGuiCol_Text, level_color(m.level));
      ImGui::TextWrapped("%s", m.text.c_str());
      ImGui::PopStyleColor();
    }
    if (ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 1.f) ImGui::SetScrollHereY(1.f);
  }
  ImGui::EndChild();
}

}  // namespace

void draw_corpus_panel(AppState& app, bool* open) {
  place_panel("Corpus", app.reset_layout);
  if (!ImGui::Begin("Corpus", open)) {
    ImGui::End();
    return;
  }
  if (ImGui::Button("Open files…")) app.platform.open_file_picker();
  ImGui::SameLine();
  if (ImGui::Button("Export JSON Lines")) app.platform.download("parallax-corpus.jsonl", to_jsonl(app.corpus), "application/x-ndjson");
  ImGui::SameLine();
  if (ImGui::Button("Reset to demo")) app.commands.push_back({Command::Kind::ResetToDemo});
  ImGui::SameLine();
  ImGui::TextDisabled("(?)");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Drop files or folders anywhere on the page, or open them here.\n"
                      "Formats: .txt (title line, optional date line, body), .html, .json, .jsonl, .csv\n"
                      "Fields: id, url, source, title, published, language, text. Limit %u MB per file.\n"
                      "d = detected, e = edited by you. Everything stays in this browser.",
                      static_cast<unsigned>(kMaxInputBytes >> 20));
  if (app.loading()) ImGui::ProgressBar(app.loading_progress(), ImVec2(-1, 0), app.loading_label().c_str());
  draw_paste(app);
  draw_detected(app);
  ImGui::Checkbox("Show messages", &app.corpus_panel.show_log);
  if (app.corpus_panel.show_log) draw_log(app);
  ImGui::End();
}

}  // namespace px
