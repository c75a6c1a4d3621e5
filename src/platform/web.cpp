// web.cpp — EM_JS calls into the page and the EMSCRIPTEN_KEEPALIVE exports it calls back.
// [SECTION] index: calls into the page · BrowserPlatform · exports (px_*) for web_pre.js and
// the embedding API (web_api.js).
#include "web.h"

#include <algorithm>

#include <emscripten.h>

#include <GLES3/gl3.h>
#include <SDL.h>

#include <cstdio>
#include <cstring>
#include <string_view>
#include <fstream>

#include "imgui.h"
#include "imgui_internal.h"  // ClearActiveID
#include "item_locator.h"

// PNG encoder: Debian's libstb-dev (public domain / MIT), header-only; its own deflate, so no
// zlib port is needed in the wasm build.
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_WRITE_NO_STDIO
#include <stb/stb_image_write.h>

//------------------------------------------------------------------------------------------
// [SECTION] calls into the page (each is a one-liner: the logic lives in web_pre.js)
//------------------------------------------------------------------------------------------
EM_JS(void, js_open_file_picker, (), { Module.pxOpenFilePicker(); });
EM_JS(void, js_download, (const char* name, const char* data, int len, const char* mime), {
  Module.pxDownload(UTF8ToString(name), HEAPU8.slice(data, data + len), UTF8ToString(mime));
});
EM_JS(void, js_set_clipboard, (const char* text), { Module.pxSetClipboard(UTF8ToString(text)); });
EM_JS(void, js_sync, (), { Module.pxSync(); });
EM_JS(int, js_persistent, (), { return Module.pxPersistent ? 1 : 0; });
EM_JS(void, js_set_text_input, (int active, float x, float y), { Module.pxSetTextInput(active, x, y); });
EM_JS(int, js_container_width, (), { return Module.parallax.container.clientWidth | 0; });
EM_JS(int, js_container_height, (), { return Module.parallax.container.clientHeight | 0; });
EM_JS(void, js_install_page_handlers, (), {
  var c = Module.parallax.container;
  Module.pxInstallDragDrop(c);
  Module.pxInstallTextInput(c);
  if (Module.parallax.corpusUrl) Module.pxLoadCorpusUrl(Module.parallax.corpusUrl);
});
// ImGui reads the clipboard synchronously: answer with the text of the last paste event.
EM_JS(char*, js_get_clipboard, (), { return stringToNewUTF8(Module.pxClipboard || ""); });

namespace px {
namespace {
AppState* g_app = nullptr;  // the exports below need the app; main owns it

std::string g_clipboard;  // keeps the string ImGui receives alive until the next call
const char* get_clipboard(ImGuiContext*) {
  char* s = js_get_clipboard();
  g_clipboard = s ? s : "";
  free(s);
  return g_clipboard.c_str();
}
void set_clipboard_text(ImGuiContext*, const char* text) { js_set_clipboard(text); }

bool write_file(const char* path, const std::string& bytes) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return static_cast<bool>(f);
}

std::string g_api_result;  // returned strings stay valid until the next API call
double g_last_page_call_ms = -1e9;
// A call from the page that changes what is shown (main_web.cpp draws at full rate for a while).
void page_called() { g_last_page_call_ms = emscripten_get_now(); }
const char* api_return(const nlohmann::json& j) {
  g_api_result = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return g_api_result.c_str();
}
const char* api_error(const std::string& message) { return api_return({{"ok", false}, {"error", message}}); }
}  // namespace

double last_page_call_ms() { return g_last_page_call_ms; }

void attach_app(AppState* app) {
  g_app = app;
  ImGuiPlatformIO& pio = ImGui::GetPlatformIO();
  pio.Platform_GetClipboardTextFn = get_clipboard;
  pio.Platform_SetClipboardTextFn = set_clipboard_text;
}

void install_page_handlers() { js_install_page_handlers(); }

void container_size(int& w, int& h) {
  w = js_container_width();
  h = js_container_height();
}

void update_text_input(bool want, float x, float y) {
  static bool active = false;
  if (want == active) return;
  active = want;
  js_set_text_input(want ? 1 : 0, x, y);
}

//------------------------------------------------------------------------------------------
// [SECTION] BrowserPlatform
//------------------------------------------------------------------------------------------
void BrowserPlatform::open_file_picker() { js_open_file_picker(); }

void BrowserPlatform::download(const std::string& name, const std::string& bytes, const std::string& mime) {
  js_download(name.c_str(), bytes.data(), static_cast<int>(bytes.size()), mime.c_str());
}

void BrowserPlatform::set_clipboard(const std::string& text) { js_set_clipboard(text.c_str()); }

bool BrowserPlatform::capture_png(const std::string& file_name, float x, float y, float w, float h) {
  captures_.push_back({file_name, x, y, w, h});
  return true;
}

void BrowserPlatform::finish_capture(int fb_w, int fb_h) {
  if (captures_.empty()) return;
  const ImGuiIO& io = ImGui::GetIO();
  // ImGui coordinates are CSS pixels; the framebuffer has devicePixelRatio times as many.
  const float sx = io.DisplaySize.x > 0 ? fb_w / io.DisplaySize.x : 1.f, sy = io.DisplaySize.y > 0 ? fb_h / io.DisplaySize.y : 1.f;
  for (const Capture& c : captures_) {
    int x0 = static_cast<int>(c.x * sx), y0 = static_cast<int>(c.y * sy);
    int x1 = static_cast<int>((c.x + c.w) * sx), y1 = static_cast<int>((c.y + c.h) * sy);
    x0 = std::max(x0, 0), y0 = std::max(y0, 0), x1 = std::min(x1, fb_w), y1 = std::min(y1, fb_h);
    const int w = x1 - x0, h = y1 - y0;
    if (w <= 0 || h <= 0) continue;
    std::vector<unsigned char> rgba(static_cast<size_t>(w) * h * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    // GL's origin is the bottom-left corner: the rows come bottom-up.
    glReadPixels(x0, fb_h - y1, w, h, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    for (size_t i = 3; i < rgba.size(); i += 4) rgba[i] = 255;  // the canvas is opaque; keep the PNG so
    std::string png;
    auto sink = [](void* ctx, void* data, int size) { static_cast<std::string*>(ctx)->append(static_cast<char*>(data), size); };
    // A negative stride walks the rows from the last: the image comes out top-down.
    const int stride = w * 4;
    if (!stbi_write_png_to_func(sink, &png, w, h, 4, rgba.data() + static_cast<size_t>(h - 1) * stride, -stride)) continue;
    download(c.name, png, "image/png");
  }
  captures_.clear();
}

bool BrowserPlatform::persistent() const { return js_persistent() != 0; }

void BrowserPlatform::flush(AppState& app) {
  last_save_ms_ = -1e18;  // no debounce
  settings_dirty_ = true;  // ImGui may not have asked yet (it waits io.IniSavingRate)
  persist_if_needed(app, 0);
}

void BrowserPlatform::persist_if_needed(AppState& app, double now_ms) {
  constexpr double kSaveDebounceMs = 250.0;  // batch bursts of edits into one IndexedDB write
  if (ImGui::GetIO().WantSaveIniSettings) {
    settings_dirty_ = true;
    ImGui::GetIO().WantSaveIniSettings = false;
  }
  if (!(corpus_dirty_ || settings_dirty_ || edits_dirty_) || now_ms - last_save_ms_ < kSaveDebounceMs) return;
  last_save_ms_ = now_ms;
  if (corpus_dirty_ && !app.loading()) {
    if (!write_file(kSavedCorpusPath, to_jsonl(app.corpus)))
      app.report(IngestMessage::Level::Warning, "could not save the corpus in this browser's storage");
    corpus_dirty_ = false;
  }
  if (edits_dirty_) {
    if (!write_file(kSavedEntityEditsPath, edits_to_json(app.entity_edits).dump()))
      app.report(IngestMessage::Level::Warning, "could not save your entity edits in this browser's storage");
    edits_dirty_ = false;
  }
  if (settings_dirty_) {
    size_t size = 0;
    const char* ini = ImGui::SaveIniSettingsToMemory(&size);
    write_file(kSavedSettingsPath, std::string(ini, size));
    settings_dirty_ = false;
  }
  js_sync();
}

}  // namespace px

//------------------------------------------------------------------------------------------
// [SECTION] exports
//------------------------------------------------------------------------------------------
using px::g_app;
extern "C" {

EMSCRIPTEN_KEEPALIVE void px_report(int level, const char* text) {
  px::page_called();
  if (g_app) g_app->report(static_cast<px::IngestMessage::Level>(level), text ? text : "");
}

EMSCRIPTEN_KEEPALIVE void px_queue_file(const char* name, const char* bytes, int len) {
  px::page_called();
  if (g_app && len >= 0) g_app->queue_file(name ? name : "file", std::string(bytes, static_cast<size_t>(len)));
}

EMSCRIPTEN_KEEPALIVE double px_max_input_bytes() { return static_cast<double>(px::kMaxInputBytes); }

EMSCRIPTEN_KEEPALIVE void px_set_focus(int focused) {
  px::page_called();
  ImGui::GetIO().AddFocusEvent(focused != 0);
  // Losing focus only lets go of the field (its text stays): no new search-field ID needed.
  if (!focused && ImGui::GetIO().WantTextInput) ImGui::ClearActiveID();
}

EMSCRIPTEN_KEEPALIVE void px_flush() {
  if (g_app) static_cast<px::BrowserPlatform&>(g_app->platform).flush(*g_app);
}

// Text from the hidden textarea (IME commits, insertText) goes through SDL's event queue as
// SDL_TEXTINPUT, not straight into ImGui: key events (Backspace, Ctrl+A) wait in that queue
// until the next frame polls it, so adding the text at once put it ahead of a Backspace
// pressed before it, which then deleted the new text's last character on slow frames
// (seen in tests/e2e/clipboard.test.mjs on a loaded machine: "東京" became "東").
// SDL_TEXTINPUT holds at most 31 bytes: longer text is split between code points.
EMSCRIPTEN_KEEPALIVE void px_add_input_text(const char* utf8) {
  px::page_called();
  if (!utf8) return;
  std::string_view rest(utf8);
  while (!rest.empty()) {
    size_t n = std::min(rest.size(), sizeof(SDL_TextInputEvent::text) - 1);
    while (n < rest.size() && n > 0 && (static_cast<unsigned char>(rest[n]) & 0xC0) == 0x80) --n;
    SDL_Event e{};
    e.type = SDL_TEXTINPUT;
    e.text.timestamp = SDL_GetTicks();
    // The ImGui SDL2 backend drops text for any window but its own.
    e.text.windowID = SDL_GetWindowID(SDL_GL_GetCurrentWindow());
    std::memcpy(e.text.text, rest.data(), n);  // (0: filtered, text input off; <0: full queue)
    e.text.text[n] = '\0';
    if (SDL_PushEvent(&e) <= 0) ImGui::GetIO().AddInputCharactersUTF8(std::string(rest.substr(0, n)).c_str());
    rest.remove_prefix(n);
  }
}

// Parallax JS API (web_api.js). Each takes and returns JSON text.
EMSCRIPTEN_KEEPALIVE const char* px_api_add_articles(const char* json_text) {
  px::page_called();
  if (!g_app) return px::api_error("not started");
  nlohmann::json j = nlohmann::json::parse(json_text ? json_text : "", nullptr, false);
  if (j.is_discarded()) return px::api_error("addArticles expects an array of article objects (malformed JSON)");
  if (j.is_object()) j = nlohmann::json::array({j});
  if (!j.is_array()) return px::api_error("addArticles expects an array of article objects");
  std::vector<px::Document> docs;
  nlohmann::json messages = nlohmann::json::array();
  for (size_t i = 0; i < j.size(); ++i) {
    px::Document d;
    std::string error;
    if (!px::document_from_record(j[i], d, error)) {
      messages.push_back("article " + std::to_string(i + 1) + " " + error + ": skipped");
      continue;
    }
    d.meta.origin = "api";
    px::finish_document(d);
    docs.push_back(std::move(d));
  }
  const size_t added = docs.size();
  if (added) g_app->corpus.add_all(std::move(docs));
  for (const auto& m : messages) g_app->report(px::IngestMessage::Level::Warning, "API: " + m.get<std::string>());
  if (added) {
    g_app->report(px::IngestMessage::Level::Info, "API: " + std::to_string(added) + (added == 1 ? " article added" : " articles added"));
    if (g_app->selected < 0) g_app->selected = 0;
    g_app->platform.corpus_changed();
  }
  return px::api_return({{"ok", true}, {"added", added}, {"messages", messages}, {"corpus_size", g_app->corpus.size()}});
}

EMSCRIPTEN_KEEPALIVE const char* px_api_set_filters(const char* json_text) {
  px::page_called();
  if (!g_app) return px::api_error("not started");
  nlohmann::json j = nlohmann::json::parse(json_text ? json_text : "", nullptr, false);
  if (j.is_discarded()) return px::api_error("setFilters expects an object (malformed JSON)");
  px::Filter f = g_app->filter;
  if (px::Status s = px::filter_from_json(j, f); !s.ok()) return px::api_error(s.message());
  g_app->filter = f;
  g_app->release_text_fields = true;  // an active search field would write its old text back
  g_app->articles_panel.search_input = f.text;
  g_app->articles_panel.date_from_input = f.date_from;
  g_app->articles_panel.date_to_input = f.date_to;
  g_app->filter_changed();
  return px::api_return({{"ok", true}, {"state", g_app->state_json()}});
}

EMSCRIPTEN_KEEPALIVE const char* px_api_get_state(const char*) {
  if (!g_app) return px::api_error("not started");
  nlohmann::json s = g_app->state_json();
  s["ok"] = true;
  return px::api_return(s);
}

EMSCRIPTEN_KEEPALIVE const char* px_api_export_jsonl(const char*) {
  if (!g_app) return "";
  px::g_api_result = px::to_jsonl(g_app->corpus);
  return px::g_api_result.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* px_api_select(const char* id) {
  px::page_called();
  if (!g_app) return px::api_error("not started");
  for (size_t i = 0; i < g_app->corpus.size(); ++i) {
    if (g_app->corpus.doc(i).meta.id == (id ? id : "")) {
      g_app->commands.push_back({px::Command::Kind::SelectArticle, static_cast<int64_t>(i)});
      return px::api_return({{"ok", true}});
    }
  }
  return px::api_error(std::string("no article with id \"") + (id ? id : "") + "\"");
}

// For the end-to-end tests: where a widget was drawn (CSS pixels, relative to the canvas).
EMSCRIPTEN_KEEPALIVE const char* px_test_locate(const char* label) {
  auto r = px::locate_item(label ? label : "");
  if (!r) return px::api_error(std::string("no visible item \"") + (label ? label : "") + "\"");
  return px::api_return({{"ok", true}, {"x", r->x}, {"y", r->y}, {"w", r->w}, {"h", r->h}});
}

}  // extern "C"
