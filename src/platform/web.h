// web.h — the C++ side of the browser glue (the JS side is web_pre.js and web_api.js).
//
// BrowserPlatform implements the panels' PlatformHooks with the page: file picker, downloads,
// clipboard, persistence to IndexedDB. The exported px_* functions (web.cpp) are the JS API's
// only door into the app: JSON strings in, JSON strings out, nothing thrown.
#pragma once
#include <string>
#include <vector>

#include "app_state.h"

namespace px {

class BrowserPlatform : public PlatformHooks {
 public:
  void open_file_picker() override;
  void download(const std::string& file_name, const std::string& bytes, const std::string& mime) override;
  void corpus_changed() override { corpus_dirty_ = true; }
  void set_clipboard(const std::string& text) override;
  std::string platform_name() const override { return "WebAssembly + WebGL2"; }
  void entity_edits_changed() override { edits_dirty_ = true; }
  bool capture_png(const std::string& file_name, float x, float y, float w, float h) override;
  // After the frame is rendered (before the swap): reads back the rectangle asked for by
  // capture_png, encodes it as PNG (stb_image_write) and downloads it.
  void finish_capture(int framebuffer_w, int framebuffer_h);

  // Once per frame: writes the corpus and ImGui settings to /persist when changed, then asks
  // the page to sync IndexedDB (debounced; never two syncs at once, see web_pre.js).
  void persist_if_needed(AppState& app, double now_ms);
  void flush(AppState& app);  // save now (the page is going away)
  bool persistent() const;
  void settings_changed() { settings_dirty_ = true; }

 private:
  bool corpus_dirty_ = false, settings_dirty_ = false, edits_dirty_ = false;
  struct Capture {
    std::string name;
    float x = 0, y = 0, w = 0, h = 0;
  };
  std::vector<Capture> captures_;
  double last_save_ms_ = 0;
};

// emscripten_get_now() of the last call from the page that changes what is shown (API calls,
// text input, dropped files, focus), for main_web.cpp's background mode.
double last_page_call_ms();

// Keeps the text-input state of the page (hidden textarea) in step with ImGui's.
void update_text_input(bool want_text_input, float caret_x, float caret_y);

// The container element's size in CSS pixels (the canvas follows it).
void container_size(int& w, int& h);

// Installs drag and drop, text input and the clipboard on the container; loads ?corpus=.
void install_page_handlers();

// Where the corpus and the UI layout are saved.
inline const char* kSavedCorpusPath = "/persist/corpus.jsonl";
inline const char* kSavedSettingsPath = "/persist/imgui.ini";
// The user's entity edits (merge, split, rename, type), JSON from edits_to_json().
inline const char* kSavedEntityEditsPath = "/persist/entity-edits.json";

// The app the exported functions act on (set once by main).
void attach_app(AppState* app);

}  // namespace px
