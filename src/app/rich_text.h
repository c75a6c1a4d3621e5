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
  ImU32 underline = 0;  // 0: none
  int tag = -1;         // caller's id, returned when the mark is hovered (tooltips)
};

// Layers may overlap (a search hit inside a quote inside a sentence): this flattens them into
// sorted, non-overlapping marks, later layers winning where they overlap, underlines kept.
std::vector<TextMark> flatten_marks(const std::vector<std::vector<TextMark>>& layers);

// Draws `text` wrapped to the available width; `marks` must be sorted by begin and
// non-overlapping. `text_color` 0 means the style's text colour. Only visible lines are drawn.
// Returns the tag of the mark under the mouse, or -1.
int draw_marked_text(std::string_view text, const std::vector<TextMark>& marks, ImU32 text_color = 0);

}  // namespace px
