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

}  // namespace px
