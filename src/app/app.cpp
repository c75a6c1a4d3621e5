#include "app.h"

#include <filesystem>

#include "imgui.h"
#include "imgui_internal.h"  // ClearActiveID
#include "lang_detect.h"

namespace px {

bool load_fonts(const std::string& font_dir, float size_pixels) {
  ImGuiIO& io = ImGui::GetIO();
  const std::string latin = font_dir + "/ui-latin.ttf";
  const std::string cjk = font_dir + "/ui-cjk.ttf";
  std::error_code ec;
  if (!std::filesystem::exists(latin, ec)) return false;
  ImFontConfig cfg;
  cfg.OversampleH = 1;  // 1.92 rasterises per size on demand; the extra horizontal samples cost memory
  ImFont* font = io.Fonts->AddFontFromFileTTF(latin.c_str(), size_pixels, &cfg);
  if (!font) return false;
  if (std::filesystem::exists(cjk, ec)) {
    ImFontConfig merge;
    merge.MergeMode = true;
    merge.OversampleH = 1;
    io.Fonts->AddFontFromFileTTF(cjk.c_str(), size_pixels, &merge);
  }
  return true;
}

void setup_style() {
  ImGui::StyleColorsLight();
  ImGuiStyle& s = ImGui::GetStyle();
  s.WindowRounding = 4.f;
  s.FrameRounding = 3.f;
  s.ScrollbarRounding = 3.f;
  s.WindowPadding = ImVec2(10, 8);
  s.ItemSpacing = ImVec2(8, 5);
  s.Colors[ImGuiCol_WindowBg] = ImVec4(0.98f, 0.98f, 0.97f, 1.f);
  s.Colors[ImGuiCol_FrameBg] = ImVec4(0.88f, 0.89f, 0.91f, 1.f);  // inputs and checkboxes visible on the light window
  s.Colors[ImGuiCol_FrameBgHovered] = ImVec4(0.80f, 0.85f, 0.93f, 1.f);
  s.Colors[ImGuiCol_TitleBgActive] = ImVec4(0.30f, 0.42f, 0.62f, 1.f);
  s.Colors[ImGuiCol_TitleBg] = ImVec4(0.62f, 0.68f, 0.78f, 1.f);
}

namespace {
int resize_callback(ImGuiInputTextCallbackData* data) {
  if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    auto* s = static_cast<std::string*>(data->UserData);
    s->resize(static_cast<size_t>(data->BufTextLen));
    data->Buf = s->data();
  }
  return 0;
}
}  // namespace

bool input_string(const char* label, const char* hint, std::string& s, float width) {
  ImGui::SetNextItemWidth(width);
  return ImGui::InputTextWithHint(label, hint, s.data(), s.capacity() + 1, ImGuiInputTextFlags_CallbackResize,
                                  resize_callback, &s);
}

bool input_multiline_string(const char* label, std::string& s, float height) {
  return ImGui::InputTextMultiline(label, s.data(), s.capacity() + 1, ImVec2(-1.f, height),
                                   ImGuiInputTextFlags_CallbackResize, resize_callback, &s);
}

void place_panel(const char* name, bool force) {
  // Default layout, for a 1280x800 screen and up: on the left the Articles table, and under
  // it Entities and Claims as two tabs sharing the rest of the column (charts and side-by-side
  // phrasings need width and height); on the right the Reader, and under it the Corpus panel
  // with room for its paste form (about 260 px). Positions the user chooses are saved in the
  // ImGui settings (persisted by the platform) and win afterwards.
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  // WorkPos excludes the menu bar only from the second frame on: reserve it ourselves.
  const float menu_h = ImGui::GetFrameHeight();
  const ImVec2 o = ImVec2(vp->Pos.x, vp->Pos.y + menu_h);
  const ImVec2 sz = ImVec2(vp->Size.x, vp->Size.y - 2.f * menu_h - 4.f);
  const ImGuiCond cond = force ? ImGuiCond_Always : ImGuiCond_FirstUseEver;
  // Articles: the search, the count and a few rows; Entities and Claims the rest of the left
  // column; the Reader most of the right column.
  const float left = sz.x * 0.58f, top = sz.y * 0.28f, corpus = sz.y * 0.34f;
  const std::string_view n(name);
  ImVec2 pos = o, size = ImVec2(left, top);
  if (n == "Entities" || n == "Claims") { pos = ImVec2(o.x, o.y + top); size = ImVec2(left, sz.y - top); }
  else if (n == "Corpus") { pos = ImVec2(o.x + left, o.y + sz.y - corpus); size = ImVec2(sz.x - left, corpus); }
  else if (n == "Reader") { pos = ImVec2(o.x + left, o.y); size = ImVec2(sz.x - left, sz.y - corpus); }
  ImGui::SetNextWindowPos(pos, cond);
  ImGui::SetNextWindowSize(size, cond);
}

namespace {

void draw_menu(AppState& app) {
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (ImGui::MenuItem("Open files…", "Ctrl+O")) app.platform.open_file_picker();
    if (ImGui::MenuItem("Export corpus as JSON Lines")) app.platform.download("parallax-corpus.jsonl", to_jsonl(app.corpus), "application/x-ndjson");
    ImGui::Separator();
    if (ImGui::MenuItem("Reset to demo corpus")) app.commands.push_back({Command::Kind::ResetToDemo});
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    ImGui::MenuItem("Corpus", nullptr, &app.show_corpus);
    ImGui::MenuItem("Articles", nullptr, &app.show_articles);
    ImGui::MenuItem("Reader", nullptr, &app.show_reader);
    ImGui::MenuItem("Entities", nullptr, &app.show_entities);
    ImGui::MenuItem("Claims", nullptr, &app.show_claims);
    ImGui::MenuItem("Entities and Claims as tabs", nullptr, &app.analysis_tabbed);
    ImGui::Separator();
    if (ImGui::MenuItem("Reset layout")) app.reset_layout = true;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Help")) {
    ImGui::MenuItem("About Parallax", nullptr, &app.show_about);
    ImGui::EndMenu();
  }
  ImGui::EndMainMenuBar();
}

void draw_status_bar(AppState& app) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float h = ImGui::GetFrameHeight() + 4.f;
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x, vp->WorkPos.y + vp->WorkSize.y - h));
  ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, h));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 3));
  if (ImGui::Begin("##status", nullptr, flags)) {
    const size_t shown = app.visible_rows().size();
    ImGui::Text("%zu articles · %zu shown", app.corpus.size(), shown);
    if (app.loading()) {
      ImGui::SameLine();
      ImGui::ProgressBar(app.loading_progress(), ImVec2(260, 0), app.loading_label().c_str());
    } else if (app.analysing()) {
      ImGui::SameLine();
      ImGui::ProgressBar(app.analysis_progress(), ImVec2(260, 0), app.analysis_label().c_str());
    } else if (app.show_claims && app.claims_pending() && app.claims_progress() > 0.f) {
      ImGui::SameLine();
      ImGui::ProgressBar(app.claims_progress(), ImVec2(260, 0), app.claims_label().c_str());
    } else if (!app.log.empty()) {
      const UserMessage& m = app.log.back();
      ImGui::SameLine(0, 24);
      ImVec4 col = m.level == IngestMessage::Level::Error ? ImVec4(0.75f, 0.1f, 0.1f, 1) :
                   m.level == IngestMessage::Level::Warning ? ImVec4(0.6f, 0.4f, 0.0f, 1) : ImVec4(0.3f, 0.3f, 0.3f, 1);
      ImGui::TextColored(col, "%s", m.text.c_str());
    }
  }
  ImGui::End();
  ImGui::PopStyleVar();
}

void draw_about(AppState& app) {
  if (!app.show_about) return;
  ImGui::SetNextWindowSize(ImVec2(460, 0), ImGuiCond_Appearing);
  if (ImGui::Begin("About Parallax", &app.show_about, ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::TextWrapped("Parallax compares how different outlets, in different languages, covered the same event. "
                       "Everything runs in this page: your texts never leave the machine.");
    ImGui::Separator();
    ImGui::Text("Dear ImGui %s · %s", ImGui::GetVersion(), app.platform.platform_name().c_str());
    ImGui::TextWrapped("Fonts: Noto Sans (SIL OFL 1.1), WenQuanYi Micro Hei (Apache-2.0). "
                       "Right-to-left scripts are detected but cannot be shaped by Dear ImGui.");
    // CC BY 4.0 asks for this notice wherever the city names are used.
    ImGui::TextWrapped("Place names: contains data from GeoNames (geonames.org), CC BY 4.0; CLDR (Unicode License); "
                       "iso-codes (LGPL-2.1+). Word lists: Hunspell dictionaries, CC-CEDICT, JMdict. "
                       "Every asset's origin and licence: assets/LICENSES.md.");
    // CC BY-SA (WikDict, JMdict, CC-CEDICT) and the GPL's notice ask for the attribution here too.
    ImGui::TextWrapped("Word bridges between languages: Ding German-English dictionary (Frank Richter, GPL-2+); "
                       "FreeDict (GPL-2+); WikDict, from Wiktionary (CC BY-SA 3.0); JMdict (EDRDG, CC BY-SA 3.0); "
                       "CC-CEDICT (MDBG, CC BY-SA 4.0).");
    // ENAMDICT's licence (EDRDG) asks for the acknowledgement in the software's documentation.
    ImGui::TextWrapped("Readings of names in Chinese and Japanese characters: CC-CEDICT (MDBG, CC BY-SA 4.0); "
                       "ENAMDICT (EDRDG, CC BY-SA 3.0, www.edrdg.org).");
  }
  ImGui::End();
}

}  // namespace

void draw_app(AppState& app) {
  if (app.release_text_fields) {
    if (ImGui::GetIO().WantTextInput) ImGui::ClearActiveID();
    ++app.articles_panel.search_generation;
    app.release_text_fields = false;
  }
  draw_menu(app);
  if (app.show_articles) draw_articles_panel(app, &app.show_articles);
  if (app.show_reader) draw_reader_panel(app, &app.show_reader);
  if (app.show_corpus) draw_corpus_panel(app, &app.show_corpus);
  const bool handing_over = app.analysis_handoff;  // set by a tab switch last frame
  if (app.analysis_tabbed && app.show_entities && app.show_claims) {
    // One region, two tabs: only the front panel is drawn (a hidden one costs nothing and
    // cannot take clicks); a tab switch hands it the region's place and size. The Claims
    // panel applies that itself, as it may not exist yet (SetWindowPos needs the window).
    if (app.analysis_tab == 0) {
      if (app.analysis_handoff) {
        ImGui::SetWindowPos("Entities", ImVec2(app.analysis_pos_x, app.analysis_pos_y));
        ImGui::SetWindowSize("Entities", ImVec2(app.analysis_w, app.analysis_h));
      }
      draw_entities_panel(app, &app.show_entities);
    } else {
      draw_claims_panel(app, &app.show_claims);
    }
  } else {
    if (app.show_entities) draw_entities_panel(app, &app.show_entities);
    if (app.show_claims) draw_claims_panel(app, &app.show_claims);
  }
  if (handing_over) app.analysis_handoff = false;
  draw_about(app);
  draw_status_bar(app);
  app.reset_layout = false;
  // Global shortcuts (handled here, not in a panel, so they work wherever focus is).
  if (ImGui::Shortcut(ImGuiMod_Ctrl | ImGuiKey_O, ImGuiInputFlags_RouteGlobal)) app.platform.open_file_picker();
}

}  // namespace px
