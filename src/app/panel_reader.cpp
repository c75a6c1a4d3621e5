// panel_reader.cpp — one article: editable metadata, then its text with search hits marked.
#include <algorithm>
#include <cstdio>

#include "app.h"
#include "imgui.h"
#include "lang_detect.h"
#include "query.h"
#include "rich_text.h"

namespace px {
namespace {

const char* provenance_label(Provenance p) {
  switch (p) {
    case Provenance::Given: return "given";
    case Provenance::Detected: return "detected";
    case Provenance::Edited: return "edited";
    case Provenance::Missing: return "missing";
  }
  return "";
}

void fill_edit_buffers(AppState& app, const Document& d) {
  ReaderPanelState& st = app.reader_panel;
  st.edit_source = d.meta.source;
  st.edit_title = d.meta.title;
  st.edit_date = d.meta.published;
  st.edit_language = d.meta.language;
  st.edit_error.clear();
  st.shown = app.selected;
  st.shown_revision = app.corpus.revision();
}

void draw_metadata(AppState& app, const Document& d) {
  ReaderPanelState& st = app.reader_panel;
  if (!ImGui::BeginTable("meta", 3, ImGuiTableFlags_SizingStretchProp)) return;
  ImGui::TableSetupColumn("field", ImGuiTableColumnFlags_WidthFixed, 70.f);
  ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("from", ImGuiTableColumnFlags_WidthFixed, 70.f);
  auto row = [&](const char* name, std::string& buf, const char* hint, MetaField field, Provenance from) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(name);
    ImGui::TableNextColumn();
    ImGui::PushID(name);
    input_string("##v", hint, buf);
    if (ImGui::IsItemDeactivatedAfterEdit()) {
      Status s = app.corpus.edit(static_cast<size_t>(app.selected), field, buf);
      st.edit_error = s.ok() ? std::string() : s.message();
      if (s.ok()) app.platform.corpus_changed();
    }
    ImGui::PopID();
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", provenance_label(from));
  };
  row("Outlet", st.edit_source, "outlet name", MetaField::Source, d.meta.source_from);
  row("Title", st.edit_title, "title", MetaField::Title, d.meta.title_from);
  row("Date", st.edit_date, "YYYY-MM-DD", MetaField::Published, d.meta.published_from);
  row("Language", st.edit_language, "en, de, it, ja…", MetaField::Language, d.meta.language_from);
  ImGui::EndTable();
  if (!st.edit_error.empty()) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", st.edit_error.c_str());
  ImGui::TextDisabled("%s · %u words · %s%s", std::string(language_name(d.meta.language)).c_str(), d.word_count,
                      d.meta.origin.c_str(), d.meta.url.empty() ? "" : (" · " + d.meta.url).c_str());
  for (const std::string& n : d.notes) ImGui::TextDisabled("note: %s", n.c_str());
  if (is_rtl_language(d.meta.language))
    ImGui::TextColored(ImVec4(0.6f, 0.4f, 0.0f, 1),
                       "Right-to-left text (%s): Dear ImGui cannot shape it, so letters are shown unjoined and left to right.",
                       std::string(language_name(d.meta.language)).c_str());
}

constexpr int kQuantityTagBase = 1 << 20;  // tags: quotes 0.., quantities from here
constexpr int kDifferenceTagBase = 1 << 21;  // then the selected claim group's differences
constexpr ImU32 kClaimBackground = IM_COL32(190, 150, 235, 80);  // the selected claim's units

// Which claim marks the Reader shows: the selected group, as of which claims.
uint64_t claims_key(const AppState& app) {
  if (!app.reader_panel.show_claims) return 0;
  return app.claims_revision() * 1000003ull + static_cast<uint64_t>(app.claims_panel.selected + 2);
}

void rebuild_marks(AppState& app, const Document& d) {
  ReaderPanelState& st = app.reader_panel;
  st.marks_article = app.selected;
  st.marks_revision = app.corpus.revision();
  st.marks_analysis_revision = app.corpus.analysis_revision();
  st.marks_query = app.filter.text;
  st.marks_claims_key = claims_key(app);
  std::vector<TextMark> evidence, quotes, numbers, hits, claim_units, claim_diffs;
  if (st.evidence_article == app.selected && st.evidence_span.size())
    evidence.push_back({st.evidence_span, IM_COL32(120, 170, 235, 60)});  // the Entities panel's evidence sentence
  const Analysis& an = d.analysis;
  if (st.show_quotes)
    for (size_t i = 0; i < an.quotes.size(); ++i) quotes.push_back({an.quotes[i].span, IM_COL32(120, 200, 120, 70), 0, static_cast<int>(i)});
  if (st.show_numbers)
    for (size_t i = 0; i < an.quantities.size(); ++i)
      numbers.push_back({an.quantities[i].span, 0, IM_COL32(40, 90, 200, 220), kQuantityTagBase + static_cast<int>(i)});
  // The claim group selected in the Claims panel: its units in this article on a background,
  // the differences found in them underlined in their kind's colour.
  const ClaimIndex& ci = app.claims();
  const int32_t group = app.claims_panel.selected;
  if (st.show_claims && group >= 0 && static_cast<size_t>(group) < ci.groups.size()) {
    const ClaimGroup& g = ci.groups[group];
    const uint32_t doc = static_cast<uint32_t>(app.selected);
    for (uint32_t u : g.members)
      if (ci.units[u].doc == doc) claim_units.push_back({ci.units[u].span, kClaimBackground});
    for (size_t i = 0; i < g.differences.size(); ++i) {
      const Difference& df = g.differences[i];
      const int tag = kDifferenceTagBase + static_cast<int>(i);
      if (ci.units[df.a].doc == doc)
        for (Span sp : df.spans_a) claim_diffs.push_back({sp, 0, diff_kind_color(df.kind, 230), tag});
      if (ci.units[df.b].doc == doc)
        for (Span sp : df.spans_b) claim_diffs.push_back({sp, 0, diff_kind_color(df.kind, 230), tag});
    }
    // flatten_marks wants each layer's marks in text order.
    auto by_begin = [](const TextMark& a, const TextMark& b) { return a.span.begin < b.span.begin; };
    std::sort(claim_units.begin(), claim_units.end(), by_begin);
    std::sort(claim_diffs.begin(), claim_diffs.end(), by_begin);
  }
  st.hits = 0;
  if (st.highlight_search) {
    // The same matching as the table's search (query.h): substrings, and whole words whose
    // stem is a term's stem ("negotiations" marks "negotiated" too).
    for (Span s : find_search_hits(d, parse_search(app.filter.text), app.corpus.stemmer())) {
      hits.push_back({s, IM_COL32(255, 214, 0, 150)});
      ++st.hits;
    }
  }
  // A new article or a new search: show its first hit (unless the Reader was opened at evidence).
  if (!hits.empty() && (st.hit_scroll_article != app.selected || st.hit_scroll_query != app.filter.text)) {
    st.hit_scroll_article = app.selected;
    st.hit_scroll_query = app.filter.text;
    if (st.evidence_article != app.selected) {
      st.hit_scroll_span = hits.front().span;
      st.hit_scroll = 3;
    }
  }
  st.marks = flatten_marks({evidence, claim_units, quotes, numbers, claim_diffs, hits});
}

// The marks inside `seg`, shifted to be relative to its start (marks are sorted).
std::vector<TextMark> marks_in(const std::vector<TextMark>& marks, Span seg) {
  std::vector<TextMark> out;
  auto it = std::lower_bound(marks.begin(), marks.end(), seg.begin,
                             [](const TextMark& m, uint32_t pos) { return m.span.end <= pos; });
  for (; it != marks.end() && it->span.begin < seg.end; ++it) {
    TextMark m = *it;
    m.span.begin = std::max(m.span.begin, seg.begin) - seg.begin;
    m.span.end = std::min(m.span.end, seg.end) - seg.begin;
    out.push_back(m);
  }
  return out;
}

const char* quantity_kind_name(QuantityKind k) {
  switch (k) {
    case QuantityKind::Number: return "number";
    case QuantityKind::Percent: return "percentage";
    case QuantityKind::Money: return "money";
    case QuantityKind::Year: return "year";
    case QuantityKind::Date: return "date";
    case QuantityKind::Duration: return "duration";
    case QuantityKind::Count: return "count";
  }
  return "";
}

void describe_mark(const AppState& app, const Document& d, int tag) {
  const Analysis& an = d.analysis;
  ImGui::BeginTooltip();
  const ClaimIndex& ci = app.claims();
  const int32_t group = app.claims_panel.selected;
  if (tag >= kDifferenceTagBase) {
    if (group >= 0 && static_cast<size_t>(group) < ci.groups.size() &&
        static_cast<size_t>(tag - kDifferenceTagBase) < ci.groups[group].differences.size()) {
      const Difference& df = ci.groups[group].differences[tag - kDifferenceTagBase];
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(diff_kind_color(df.kind)), "Claim difference: %s", diff_kind_label(df.kind));
      ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.f);
      ImGui::TextWrapped("%s", df.message.c_str());
      ImGui::PopTextWrapPos();
    }
  } else if (tag >= kQuantityTagBase && static_cast<size_t>(tag - kQuantityTagBase) < an.quantities.size()) {
    const QuantityInfo& q = an.quantities[tag - kQuantityTagBase];
    if (q.value != q.value)  // NaN: the number is missing or corrupt in the text ("XNUMX")
      ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "Number missing or corrupt: \"%s\"", std::string(d.slice(q.span)).c_str());
    else
      ImGui::Text("%s: %g %s%s%s", quantity_kind_name(q.kind), q.value, q.unit.c_str(), q.iso.empty() ? "" : " · ", q.iso.c_str());
  } else if (tag >= 0 && static_cast<size_t>(tag) < an.quotes.size()) {
    const QuoteInfo& q = an.quotes[tag];
    ImGui::TextUnformatted("Direct quotation");
    if (q.speaker.size()) ImGui::Text("speaker: %s", std::string(d.slice(q.speaker)).c_str());
    else ImGui::TextDisabled("no speaker named nearby");
    if (q.cue.size()) ImGui::Text("reporting verb: %s", std::string(d.slice(q.cue)).c_str());
  }
  ImGui::EndTooltip();
}

void draw_view_toggles(AppState& app, const Document& d) {
  ReaderPanelState& st = app.reader_panel;
  const Analysis& an = d.analysis;
  bool changed = false;
  if (!an.done) {
    ImGui::TextDisabled("analysing…");
    return;
  }
  // The toggles share a line while they fit and wrap in a narrow Reader (an embedded one).
  auto toggle = [&](const char* text, bool* v, bool first = false) {
    const float w = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(text).x;
    if (!first) {
      ImGui::SameLine();
      if (ImGui::GetContentRegionAvail().x < w) ImGui::NewLine();
    }
    return ImGui::Checkbox(text, v);
  };
  size_t chrome = 0;
  for (bool b : an.boilerplate) chrome += b;
  char label[64];
  std::snprintf(label, sizeof label, "Site chrome (%zu)", chrome);
  toggle(label, &st.show_chrome, true);
  std::snprintf(label, sizeof label, "Quotes (%zu)", an.quotes.size());
  changed |= toggle(label, &st.show_quotes);
  std::snprintf(label, sizeof label, "Numbers (%zu)", an.quantities.size());
  changed |= toggle(label, &st.show_numbers);
  changed |= toggle("Claim", &st.show_claims);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Mark the claim selected in the Claims panel: its phrasing here, and its differences underlined");
  std::snprintf(label, sizeof label, "Sentences (%zu)", an.sentences.size());
  toggle(label, &st.sentence_mode);
  if (changed) st.marks_article = -1;  // rebuild marks next frame
}

}  // namespace

void draw_reader_panel(AppState& app, bool* open) {
  place_panel("Reader", app.reset_layout);
  if (!ImGui::Begin("Reader", open)) {
    ImGui::End();
    return;
  }
  if (app.selected < 0 || static_cast<size_t>(app.selected) >= app.corpus.size()) {
    ImGui::TextDisabled("Select an article in the Articles panel to read it here.");
    ImGui::End();
    return;
  }
  const Document& d = app.corpus.doc(static_cast<size_t>(app.selected));
  ReaderPanelState& st = app.reader_panel;
  if (st.shown != app.selected || (st.shown_revision != app.corpus.revision() && !ImGui::IsAnyItemActive()))
    fill_edit_buffers(app, d);

  draw_metadata(app, d);
  if (ImGui::SmallButton("Copy text")) app.platform.set_clipboard(d.meta.title + "\n\n" + d.text);
  ImGui::SameLine();
  if (ImGui::Checkbox("Mark search hits", &st.highlight_search)) st.marks_article = -1;
  ImGui::Separator();

  // Marks: computed only when the article, its analysis or the query changed (not per frame).
  if (st.marks_article != app.selected || st.marks_revision != app.corpus.revision() ||
      st.marks_analysis_revision != app.corpus.analysis_revision() || st.marks_query != app.filter.text ||
      st.marks_claims_key != claims_key(app))
    rebuild_marks(app, d);
  if (!app.filter.text.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%zu hits", st.hits);
  }
  draw_view_toggles(app, d);

  if (ImGui::BeginChild("text", ImVec2(0, 0), ImGuiChildFlags_None)) {
    ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.25f);
    ImGui::TextWrapped("%s", d.meta.title.c_str());
    ImGui::PopFont();
    ImGui::Spacing();
    int hovered = -1;
    const Analysis& an = d.analysis;
    const ImU32 dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    size_t hidden_chrome = 0;
    // "Scroll to span" (Entities panel evidence): asked for a few frames, as the first frame
    // after a new article may come before its text has been laid out.
    auto scroll_to_evidence = [&](Span seg) {
      if (st.evidence_scroll > 0 && st.evidence_article == app.selected && st.evidence_span.begin >= seg.begin &&
          st.evidence_span.begin < seg.end) {
        ImGui::SetScrollHereY(0.2f);
        --st.evidence_scroll;
      } else if (st.hit_scroll > 0 && st.hit_scroll_article == app.selected && st.hit_scroll_span.begin >= seg.begin &&
                 st.hit_scroll_span.begin < seg.end) {
        ImGui::SetScrollHereY(0.2f);
        --st.hit_scroll;
      }
    };
    if (st.sentence_mode && an.done) {
      for (const SentenceInfo& s : an.sentences) {
        scroll_to_evidence(s.span);
        if (s.boilerplate && !st.show_chrome) { ++hidden_chrome; continue; }
        if (s.language != d.meta.language) {
          ImGui::TextDisabled("[%s]", s.language.c_str());
          ImGui::SameLine();
        }
        int h = draw_marked_text(d.slice(s.span), marks_in(st.marks, s.span), s.boilerplate ? dim : 0);
        if (h >= 0) hovered = h;
      }
    } else {
      for (size_t p = 0; p < d.paragraphs.size(); ++p) {
        const bool chrome = an.done && p < an.boilerplate.size() && an.boilerplate[p];
        if (chrome && !st.show_chrome) { ++hidden_chrome; continue; }
        scroll_to_evidence(d.paragraphs[p]);
        int h = draw_marked_text(d.slice(d.paragraphs[p]), marks_in(st.marks, d.paragraphs[p]), chrome ? dim : 0);
        if (h >= 0) hovered = h;
        ImGui::Spacing();
      }
    }
    if (hidden_chrome) ImGui::TextDisabled("%zu paragraphs of site chrome hidden", hidden_chrome);
    if (hovered >= 0) describe_mark(app, d, hovered);
  }
  ImGui::EndChild();
  ImGui::End();
}

}  // namespace px
