// rich_text.h — wrapped text with marked spans, drawn with an ImGui draw list.
//
// ImGui's TextWrapped cannot colour parts of a line; the Reader needs search hits (and later
// entities and claims) marked inside running text, in scripts with and without spaces.
//
//   std::vector<TextMark> marks = {{{10, 15}, IM_COL32(255, 220, 0, 120)}};
//   draw_marked_text(paragraph, marks);
#pragma once
#include <string_view>
#include <vector>

#include "document.h"
#include "imgui.h"

namespace px {

struct TextMark {
  Span span;       // byte offsets into the text passed to draw_marked_text
  ImU32 background;
};

// Draws `text` wrapped to the available width; `marks` must be sorted by begin and
// non-overlapping. `text_color` 0 means the style's text colour. Only visible lines are drawn.
void draw_marked_text(std::string_view text, const std::vector<TextMark>& marks, ImU32 text_color = 0);

}  // namespace px
