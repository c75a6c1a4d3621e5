// item_locator.h — where each labelled widget was drawn, for tests that click like a user.
//
// Dear ImGui calls its test-engine hooks (IMGUI_ENABLE_TEST_ENGINE) for every item it adds;
// we record label -> rectangle so the browser tests and the panel smoke tests can find
// "Open files…" or the search box without hard-coding coordinates.
//
//   enable_item_locator();                         // once, after ImGui::CreateContext()
//   if (auto r = locate_item("Corpus/Open files…")) click(r->center());
#pragma once
#include <optional>
#include <string_view>

namespace px {

struct ItemRect {
  float x = 0, y = 0, w = 0, h = 0;  // screen coordinates (CSS pixels in the browser)
  float cx() const { return x + w * 0.5f; }
  float cy() const { return y + h * 0.5f; }
};

void enable_item_locator();

// `label` is a widget label as written in the code ("Open files…", "##search"), optionally
// prefixed with its window name and a slash ("Corpus/Open files…"), or "window:Reader" for a
// window's own rectangle. Only items drawn in the last two frames are found.
std::optional<ItemRect> locate_item(std::string_view label);

}  // namespace px
