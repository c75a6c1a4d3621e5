// app.h — the whole UI for one frame: menu bar, panels, status bar. No platform code here:
// the browser main loop (src/platform) and the panel smoke tests both call these.
//
//   setup_style(); load_fonts(app.assets_dir + "/fonts");
//   each frame: ImGui::NewFrame(); draw_app(app); ImGui::Render(); app.apply_commands();
#pragma once
#include <string>

#include "app_state.h"

namespace px {

// Loads the UI fonts (Latin/Greek/Cyrillic + merged CJK). Glyphs are rasterised on demand by
// Dear ImGui 1.92, so a large CJK font costs memory only for characters actually shown.
// Returns false (and keeps ImGui's default font) if the font files are missing.
bool load_fonts(const std::string& font_dir, float size_pixels = 16.f);
void setup_style();

void draw_app(AppState& app);

// InputText bound to a std::string of any length (Debian's +ds ImGui lacks imgui_stdlib).
bool input_string(const char* label, const char* hint, std::string& s, float width = -1.f);
bool input_multiline_string(const char* label, std::string& s, float height);

// Sets the next window's default position and size (always, when `force`).
void place_panel(const char* name, bool force);

// Panels: one file and one state struct each.
void draw_corpus_panel(AppState& app, bool* open);
void draw_articles_panel(AppState& app, bool* open);
void draw_reader_panel(AppState& app, bool* open);
void draw_entities_panel(AppState& app, bool* open);
// The removable "mentioning X" chip the Articles panel shows while an entity filter is on.
void draw_entity_filter_chip(AppState& app);
void draw_claims_panel(AppState& app, bool* open);
// The removable "claim: ..." chip the Articles panel shows while a claim filter is on.
void draw_claim_filter_chip(AppState& app);
// The Entities | Claims tab strip at the top of both panels while they share their region.
void draw_analysis_tabs(AppState& app);
// Difference kinds: a colour each (the Claims panel's marks and legend, the Reader's
// underlines) and a short name for people ("number differs").
ImU32 diff_kind_color(DiffKind k, int alpha = 255);
const char* diff_kind_label(DiffKind k);

}  // namespace px
