// main_web.cpp — SDL2 + WebGL2 + Dear ImGui main loop for the browser.
//
// Why our own loop: Debian's +ds ImGui tarball lacks examples/libs (emscripten_mainloop_stub.h),
// and the browser owns the loop anyway: emscripten_set_main_loop_arg calls frame() once per
// animation frame. main() returns control to the page right after setting it up.
#include <SDL.h>
#include <SDL_opengles2.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "app.h"
#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_impl_sdl2.h"
#include "imgui_internal.h"
#include "item_locator.h"
#include "web.h"

namespace {

struct MainLoop {
  SDL_Window* window = nullptr;
  px::BrowserPlatform platform;
  px::AppState* app = nullptr;
  int width = 0, height = 0;
  double last_input_ms = 0;  // emscripten_get_now() of the last user input (or held button)
  // What the last drawn frame showed, to draw again at once when it changes (background mode).
  double last_draw_ms = 0;
  uint64_t drawn_structure_rev = 0;
  size_t drawn_log_size = 0;
  bool drawn_analysing = false;
  bool immediate = false;  // main loop timing: setImmediate (background) instead of rAF
};

// The text pipeline's share of a frame (the browser build has one thread: the analysis runs
// in slices between frames). While the user types, drags, scrolls or points, the slice stays
// small so the next frame answers at once; once nothing happened for kQuietMs it grows to
// kIdleSliceMs, and the analysis of a corpus takes seconds instead of minutes (at 60 fps,
// 8 ms per frame is under half a second of analysis per second; docs/benchmarks.md).
constexpr double kBusySliceMs = 8.0;
// RAIL's rule for idle work: chunks of at most 50 ms, so that input arriving during one is
// still handled within 100 ms.
constexpr double kIdleSliceMs = 50.0;
constexpr double kQuietMs = 500.0;  // "the user has stopped" (a pause between keystrokes is shorter)

// Background mode: while the text pipeline runs and nothing else happens, most frames are not
// drawn. Drawing costs far more than the slice in a software-rendered browser (headless
// Chromium on SwiftShader: ~90 ms per frame, so the analysis got a third of the wall time,
// docs/benchmarks.md); with a GPU it is cheap but still not needed 60 times a second for a
// progress bar. The canvas keeps its last frame (WebGL presents only frames that drew), a
// frame is drawn every kBackgroundFrameMs so the progress bar moves, and any input event, a
// resize, a call from the page or a visible change (articles added, a message, the analysis
// finishing) brings back full-rate drawing at once. Between drawn frames the main loop runs
// on setImmediate instead of requestAnimationFrame, so the next slice starts as soon as the
// browser has handled pending input instead of waiting for the next display refresh.
constexpr double kBackgroundFrameMs = 250.0;

bool is_user_input(const SDL_Event& e) {
  switch (e.type) {
    case SDL_KEYDOWN: case SDL_KEYUP: case SDL_TEXTINPUT: case SDL_TEXTEDITING:
    case SDL_MOUSEMOTION: case SDL_MOUSEBUTTONDOWN: case SDL_MOUSEBUTTONUP: case SDL_MOUSEWHEEL:
    case SDL_FINGERDOWN: case SDL_FINGERUP: case SDL_FINGERMOTION:
      return true;
    default:
      return false;
  }
}

bool read_file(const char* path, std::string& out) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::ostringstream ss;
  ss << f.rdbuf();
  out = ss.str();
  return true;
}

// True when the container was resized (the canvas follows it).
bool follow_container_size(MainLoop& loop) {
  int w = 0, h = 0;
  px::container_size(w, h);
  if (w <= 0 || h <= 0 || (w == loop.width && h == loop.height)) return false;
  loop.width = w;
  loop.height = h;
  SDL_SetWindowSize(loop.window, w, h);  // with ALLOW_HIGHDPI SDL sizes the canvas for devicePixelRatio
  return true;
}

// Background mode (kBackgroundFrameMs): may this frame skip drawing?
bool may_skip_drawing(const MainLoop& loop, px::AppState& app, double now, bool resized) {
  if (!app.analysing() || app.loading() || resized || !app.commands.empty()) return false;
  if (now - loop.last_input_ms < kQuietMs || now - px::last_page_call_ms() < kQuietMs) return false;
  if (app.corpus.structure_revision() != loop.drawn_structure_rev || app.log.size() != loop.drawn_log_size ||
      !loop.drawn_analysing)
    return false;
  return now - loop.last_draw_ms < kBackgroundFrameMs;
}

void set_timing(MainLoop& loop, bool immediate) {
  if (loop.immediate == immediate) return;
  loop.immediate = immediate;
  // Takes effect when this frame returns (the loop's scheduler is replaced).
  if (immediate) emscripten_set_main_loop_timing(EM_TIMING_SETIMMEDIATE, 0);
  else emscripten_set_main_loop_timing(EM_TIMING_RAF, 1);
}

void frame(void* arg) {
  MainLoop& loop = *static_cast<MainLoop*>(arg);
  px::AppState& app = *loop.app;
  const bool resized = follow_container_size(loop);
  SDL_Event event;
  bool input = false;
  while (SDL_PollEvent(&event)) {
    ImGui_ImplSDL2_ProcessEvent(&event);
    input = input || is_user_input(event);
  }

  app.step_loading();
  // A mouse button held (a drag that pauses) counts as input. An active item alone does not:
  // a search field stays active while it has the focus, and the analysis would crawl at the
  // small slice for as long as the user reads the results (keystrokes are input events anyway).
  const double now = emscripten_get_now();
  if (input || ImGui::IsAnyMouseDown()) loop.last_input_ms = now;
  const bool busy = now - loop.last_input_ms < kQuietMs;
  if (may_skip_drawing(loop, app, now, resized)) {
    app.step_analysis(kIdleSliceMs);
    loop.platform.persist_if_needed(app, emscripten_get_now());
    set_timing(loop, true);
    return;  // the canvas keeps the last drawn frame
  }
  // A drawn frame in background mode takes the small slice: drawing may itself take tens of
  // ms without a GPU, and input arriving meanwhile waits for both.
  app.step_analysis(busy || (app.analysing() && loop.immediate) ? kBusySliceMs : kIdleSliceMs);
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGui::NewFrame();
  px::draw_app(app);
  ImGui::Render();

  ImGuiIO& io = ImGui::GetIO();
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  px::update_text_input(io.WantTextInput, g.PlatformImeData.InputPos.x, g.PlatformImeData.InputPos.y);

  int fb_w = 0, fb_h = 0;
  SDL_GL_GetDrawableSize(loop.window, &fb_w, &fb_h);
  glViewport(0, 0, fb_w, fb_h);
  glClearColor(0.93f, 0.93f, 0.92f, 1.f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  loop.platform.finish_capture(fb_w, fb_h);  // chart PNG exports read this frame's pixels
  SDL_GL_SwapWindow(loop.window);

  app.apply_commands();
  loop.platform.persist_if_needed(app, emscripten_get_now());
  loop.last_draw_ms = now;
  loop.drawn_structure_rev = app.corpus.structure_revision();
  loop.drawn_log_size = app.log.size();
  loop.drawn_analysing = app.analysing();
  // Stay on setImmediate only while the next frame may skip drawing again.
  set_timing(loop, loop.immediate && may_skip_drawing(loop, app, emscripten_get_now(), false));
}

}  // namespace

int main(int, char**) {
  // SDL listens for keys on this instance's container (not the whole window), so a page
  // that embeds Parallax keeps its own keyboard.
  static std::string keyboard_element = "#" + std::string(emscripten_run_script_string("Module.parallax.containerId"));
  SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, keyboard_element.c_str());
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
    std::fprintf(stderr, "Parallax: SDL_Init failed: %s\n", SDL_GetError());
    return 1;
  }
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);  // WebGL2
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);

  static MainLoop loop;
  px::container_size(loop.width, loop.height);
  if (loop.width <= 0) loop.width = 1280;
  if (loop.height <= 0) loop.height = 800;
  // No title: SDL would set document.title, and an embedding page keeps its own.
  loop.window = SDL_CreateWindow(nullptr, SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, loop.width, loop.height,
                                 SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  SDL_GLContext gl = loop.window ? SDL_GL_CreateContext(loop.window) : nullptr;
  if (!gl) {
    std::fprintf(stderr, "Parallax: WebGL2 is not available in this browser: %s\n", SDL_GetError());
    EM_ASM({ if (Module.parallax.onError) Module.parallax.onError('WebGL2 is not available in this browser'); });
    return 1;
  }
  SDL_GL_MakeCurrent(loop.window, gl);
  SDL_GL_SetSwapInterval(1);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.IniFilename = nullptr;  // settings go through IndexedDB (web.cpp), not a file
  io.IniSavingRate = 1.0f;   // a moved panel is saved within a second (default 5 s)
  std::string ini;
  if (read_file(px::kSavedSettingsPath, ini)) ImGui::LoadIniSettingsFromMemory(ini.data(), ini.size());

  px::enable_item_locator();
  px::setup_style();
  if (!px::load_fonts("/assets/fonts"))
    std::fprintf(stderr, "Parallax: fonts missing, falling back to ImGui's built-in font\n");
  ImGui_ImplSDL2_InitForOpenGL(loop.window, gl);
  ImGui_ImplOpenGL3_Init("#version 300 es");

  static px::AppState app(loop.platform);
  loop.app = &app;
  px::attach_app(&app);  // after the SDL backend: our clipboard functions replace SDL's
  app.load_text_resources("/assets");

  // The saved corpus (with the user's edits) wins; the demo corpus is the first-run default.
  std::string saved;
  const bool demo = EM_ASM_INT({ return Module.parallax.demo ? 1 : 0; });
  if (read_file(px::kSavedCorpusPath, saved) && !saved.empty()) {
    // No size limit here: the saved corpus may have grown past one file's limit through
    // several loads, and refusing it would lose it (and the next save would overwrite it).
    px::IngestOutcome out = px::ingest_bytes("saved corpus", saved, px::InputFormat::JsonLines, SIZE_MAX);
    for (px::IngestMessage& m : out.messages) app.report(m.level, std::move(m.text));
    app.corpus.add_all(std::move(out.documents));
    app.selected = app.corpus.empty() ? -1 : 0;
    app.report(px::IngestMessage::Level::Info, "restored " + std::to_string(app.corpus.size()) + " articles saved in this browser");
  } else if (demo) {
    app.load_demo_corpus();
  }
  // The user's entity edits, saved next to the corpus; they apply to whatever corpus is loaded.
  std::string edits;
  if (read_file(px::kSavedEntityEditsPath, edits) && !edits.empty()) {
    nlohmann::json j = nlohmann::json::parse(edits, nullptr, false);
    px::Status s = j.is_discarded() ? px::Status::Error("not JSON") : px::edits_from_json(j, app.entity_edits);
    if (!s.ok()) app.report(px::IngestMessage::Level::Warning, "your saved entity edits could not be read (" + s.message() + "): they are not applied");
    else if (!app.entity_edits.empty()) app.report(px::IngestMessage::Level::Info, "restored " + std::to_string(app.entity_edits.size()) + " entity edits");
  }
  px::install_page_handlers();
  EM_ASM({ if (Module.parallax.onStarted) Module.parallax.onStarted(); });
  emscripten_set_main_loop_arg(frame, &loop, 0, true);
  return 0;
}
