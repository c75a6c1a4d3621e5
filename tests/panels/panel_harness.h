// panel_harness.h — one ImGui context per test with the whole app drawn with no GPU (ImGui's
// example_null approach), for the panel smoke tests. Widgets are found by label
// (item_locator.h) and clicked or hovered the way a user would. `Platform` records what the
// app asks of the platform (downloads, saves...): each test file defines its own.
#pragma once
#include "app.h"
#include "imgui.h"
#include "item_locator.h"

namespace px_test {

template <class Platform>
struct PanelHarness {
  Platform platform;
  px::AppState app{platform};

  explicit PanelHarness(ImVec2 display = ImVec2(1400, 900)) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures;  // glyphs "uploaded" on demand
    io.DisplaySize = display;
    io.DeltaTime = 1.f / 60.f;
    px::enable_item_locator();
    px::setup_style();
    px::load_fonts(PX_FONT_DIR);  // absent in a native-only build: ImGui's default font is used
    app.assets_dir = PX_ASSETS_DIR;
  }
  ~PanelHarness() { ImGui::DestroyContext(); }
  PanelHarness(const PanelHarness&) = delete;
  PanelHarness& operator=(const PanelHarness&) = delete;

  void frame() {
    app.step_loading();
    app.step_analysis(1000.0);  // tests: finish analysis promptly
    ImGui::NewFrame();
    px::draw_app(app);
    ImGui::Render();
    // No renderer: mark texture requests as done, as a real backend would.
    for (ImTextureData* tex : ImGui::GetPlatformIO().Textures)
      if (tex->Status != ImTextureStatus_OK) tex->SetStatus(tex->Status == ImTextureStatus_WantDestroy ? ImTextureStatus_Destroyed : ImTextureStatus_OK);
    app.apply_commands();
  }
  void frames(int n) {
    for (int i = 0; i < n; ++i) frame();
  }

  // Moves the mouse to the centre of the widget found by label; `settle` frames after the move.
  bool hover(const char* label, int settle = 2) {
    auto r = px::locate_item(label);
    if (!r) return false;
    ImGui::GetIO().AddMousePosEvent(r->cx(), r->cy());
    frames(settle);
    return true;
  }
  // Hover, press, release: `settle` frames after the move and `after` after the release.
  bool click(const char* label, int settle = 2, int after = 1) {
    if (!hover(label, settle)) return false;
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseButtonEvent(0, true);
    frame();
    io.AddMouseButtonEvent(0, false);
    frames(after);
    return true;
  }
};

}  // namespace px_test
