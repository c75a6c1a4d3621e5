#include "rich_text.h"

#include <algorithm>

#include "encoding.h"

namespace px {
namespace {

bool breaks_anywhere(char32_t cp) {  // CJK text wraps between any two characters
  return (cp >= 0x2E80 && cp < 0xA000) || (cp >= 0xAC00 && cp < 0xD7B0) || (cp >= 0xF900 && cp < 0xFB00) ||
         (cp >= 0xFF00 && cp < 0xFFF0);
}

// Splits text into wrap units: a run of spaces, a run of other non-CJK characters, or one
// CJK character; and additionally at mark boundaries so each unit has one background.
struct Unit {
  uint32_t begin, end;
  bool space;
  int mark;  // index into marks, -1 for none
};

std::vector<Unit> make_units(std::string_view text, const std::vector<TextMark>& marks) {
  std::vector<Unit> units;
  size_t m = 0;
  auto mark_at = [&](uint32_t pos) -> int {
    while (m < marks.size() && marks[m].span.end <= pos) ++m;
    return (m < marks.size() && marks[m].span.begin <= pos) ? static_cast<int>(m) : -1;
  };
  size_t i = 0;
  while (i < text.size()) {
    const auto begin = static_cast<uint32_t>(i);
    size_t j = i;
    char32_t cp = next_codepoint(text, j);
    const bool space = cp == ' ' || cp == '\t';
    const int mark = mark_at(begin);
    if (!space && breaks_anywhere(cp)) {
      units.push_back({begin, static_cast<uint32_t>(j), false, mark});
      i = j;
      continue;
    }
    // Extend while the character class and the mark stay the same.
    while (j < text.size()) {
      size_t k = j;
      char32_t c2 = next_codepoint(text, k);
      const bool s2 = c2 == ' ' || c2 == '\t';
      if (s2 != space || (!s2 && breaks_anywhere(c2)) || c2 == '\n' || mark_at(static_cast<uint32_t>(j)) != mark) break;
      j = k;
    }
    if (cp == '\n') j = i + 1;
    units.push_back({begin, static_cast<uint32_t>(j), space || cp == '\n', mark});
    i = j;
  }
  return units;
}

}  // namespace

std::vector<TextMark> flatten_marks(const std::vector<std::vector<TextMark>>& layers) {
  // Elementary intervals between all boundaries; each takes the top layer's background (and
  // tag) and the top underline. Paragraph-sized inputs: a few hundred boundaries at most.
  std::vector<uint32_t> cuts;
  for (const auto& layer : layers)
    for (const TextMark& m : layer) { cuts.push_back(m.span.begin); cuts.push_back(m.span.end); }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  std::vector<TextMark> out;
  for (size_t c = 0; c + 1 < cuts.size(); ++c) {
    const Span piece{cuts[c], cuts[c + 1]};
    TextMark top{piece, 0, 0, -1};
    bool covered = false;
    for (const auto& layer : layers) {
      for (const TextMark& m : layer) {
        if (m.span.begin > piece.begin || m.span.end < piece.end) continue;
        covered = true;
        if (m.background) { top.background = m.background; top.tag = m.tag >= 0 ? m.tag : top.tag; }
        if (m.underline) { top.underline = m.underline; if (m.tag >= 0) top.tag = m.tag; }
      }
    }
    if (!covered) continue;
    if (!out.empty() && out.back().span.end == piece.begin && out.back().background == top.background &&
        out.back().underline == top.underline && out.back().tag == top.tag)
      out.back().span.end = piece.end;
    else
      out.push_back(top);
  }
  return out;
}

int draw_marked_text(std::string_view text, const std::vector<TextMark>& marks, ImU32 text_color) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = std::max(50.f, ImGui::GetContentRegionAvail().x);
  const float line_h = ImGui::GetTextLineHeightWithSpacing();
  const ImU32 color = text_color ? text_color : ImGui::GetColorU32(ImGuiCol_Text);
  const ImVec4 clip = dl->GetClipRectMax().y > 0 ? ImVec4(dl->GetClipRectMin().x, dl->GetClipRectMin().y,
                                                          dl->GetClipRectMax().x, dl->GetClipRectMax().y)
                                                 : ImVec4(0, 0, 1e9f, 1e9f);
  float x = 0.f, y = 0.f;
  int hovered = -1;
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const bool window_hovered = ImGui::IsWindowHovered();
  for (const Unit& u : make_units(text, marks)) {
    const char* b = text.data() + u.begin;
    const char* e = text.data() + u.end;
    if (*b == '\n') { x = 0.f; y += line_h; continue; }
    float w = ImGui::CalcTextSize(b, e).x;
    if (u.space && x == 0.f) continue;  // no leading spaces on a wrapped line
    if (!u.space && x > 0.f && x + w > width) { x = 0.f; y += line_h; }
    const ImVec2 p(origin.x + x, origin.y + y);
    if (p.y + line_h >= clip.y && p.y <= clip.w) {  // draw only what is visible
      if (u.mark >= 0) {
        const TextMark& m = marks[u.mark];
        if (m.background) dl->AddRectFilled(ImVec2(p.x - 1, p.y), ImVec2(p.x + w + 1, p.y + line_h - 1), m.background, 2.f);
        if (m.underline) dl->AddLine(ImVec2(p.x, p.y + line_h - 2), ImVec2(p.x + w, p.y + line_h - 2), m.underline, 2.f);
        if (window_hovered && m.tag >= 0 && mouse.x >= p.x && mouse.x < p.x + w && mouse.y >= p.y && mouse.y < p.y + line_h)
          hovered = m.tag;
      }
      if (!u.space) dl->AddText(p, color, b, e);
    }
    x += w;
  }
  ImGui::Dummy(ImVec2(width, y + line_h));
  return hovered;
}

}  // namespace px
