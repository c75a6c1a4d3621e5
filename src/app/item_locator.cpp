#include "item_locator.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <unordered_map>

#include "imgui.h"
#include "imgui_internal.h"

namespace {
struct Seen {
  ImRect rect;
  int frame = -1;
};
std::unordered_map<ImGuiID, Seen> g_rects;       // id -> last rectangle
std::unordered_map<std::string, ImGuiID> g_ids;  // "label" and "Window/label" -> id
}  // namespace

// Dear ImGui's test-engine hooks (declared in imgui_internal.h).
void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData*) {
  if (id != 0) g_rects[id] = {bb, ctx->FrameCount};
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags) {
  if (!label || !*label || id == 0) return;
  std::string l(label);
  g_ids[l] = id;
  if (ctx->CurrentWindow) {
    // The window name up to its own "##" or "/" (child windows are named "Parent/child_ID").
    std::string w(ctx->CurrentWindow->Name);
    w = w.substr(0, w.find_first_of("/#"));
    g_ids[w + "/" + l] = id;
  }
}

// IM_ASSERT (imconfig_px.h): report and stop. abort() fails a native test run and shows as
// an "Aborted" error in the browser console, which the end-to-end tests fail on.
void px_imgui_assert_failed(const char* expr, const char* file, int line) {
  std::fprintf(stderr, "Dear ImGui assertion failed: %s (%s:%d)\n", expr, file, line);
  std::abort();
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }

namespace px {

void enable_item_locator() { ImGui::GetCurrentContext()->TestEngineHookItems = true; }

std::optional<ItemRect> locate_item(std::string_view label) {
  // "window:Name" is the window itself (its title bar is the top ImGui::GetFrameHeight()).
  if (label.substr(0, 7) == "window:") {
    ImGuiWindow* w = ImGui::FindWindowByName(std::string(label.substr(7)).c_str());
    if (!w || !w->WasActive) return std::nullopt;
    return ItemRect{w->Pos.x, w->Pos.y, w->Size.x, w->Size.y};
  }
  auto id = g_ids.find(std::string(label));
  if (id == g_ids.end()) return std::nullopt;
  auto r = g_rects.find(id->second);
  if (r == g_rects.end() || r->second.frame < ImGui::GetFrameCount() - 2) return std::nullopt;
  const ImRect& b = r->second.rect;
  return ItemRect{b.Min.x, b.Min.y, b.GetWidth(), b.GetHeight()};
}

}  // namespace px
