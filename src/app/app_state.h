// app_state.h — everything the panels share, owned by main and passed by reference.
//
// Panels never act on each other directly: they queue a Command ("select article 3",
// "filter to outlet X"), and apply_commands() runs them between frames. Derived data (the
// filtered, sorted rows) is cached behind the corpus and filter revisions and recomputed only
// when one of them changes. Loading advances a slice per frame (step_loading) so the UI never
// freezes, with a progress bar.
//
//   AppState app(platform);
//   app.queue_file("a.jsonl", bytes);
//   each frame: app.step_loading(); draw_app(app); app.apply_commands();
#pragma once
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "analyze.h"
#include "bilingual.h"
#include "claim_align.h"
#include "claim_diff.h"
#include "claims.h"
#include "cooccur.h"
#include "corpus.h"
#include "entity_link.h"
#include "ingest.h"
#include "query.h"
#include "rich_text.h"

namespace px {

// What the panels need from the platform (browser or native test harness).
class PlatformHooks {
 public:
  virtual ~PlatformHooks() = default;
  virtual void open_file_picker() {}
  virtual void download(const std::string& file_name, const std::string& bytes, const std::string& mime) {}
  virtual void corpus_changed() {}  // persist (debounced by the platform)
  virtual void set_clipboard(const std::string& text) {}
  virtual std::string platform_name() const { return "native"; }
  // The user's entity edits changed: persist them next to the saved corpus.
  virtual void entity_edits_changed() {}
  // Saves the screen rectangle (ImGui coordinates) as a PNG download once this frame has been
  // rendered. Returns false where there is no framebuffer to read (native panel tests).
  virtual bool capture_png(const std::string& file_name, float x, float y, float w, float h) { return false; }
};

struct Command {
  enum class Kind { SelectArticle, FilterSource, FilterLanguage, ClearFilters, SetSearch, ResetToDemo, RemoveArticle,
                    FilterEntities, ClearEntityFilter, ShowEvidence, FilterClaim, ClearClaimFilter, SelectClaimGroup };
  Kind kind;
  int64_t index = -1;     // article index, when the command names one; claim commands: group index
  std::string value;      // outlet, language or search text; FilterEntities: entity key
  std::string value_b;    // FilterEntities: the second entity's key of a pair (may be empty)
  uint32_t sentence = 0;  // ShowEvidence: the sentence of article `index` the Reader scrolls to
};

// A log line shown in the Corpus panel and the status bar.
struct UserMessage {
  IngestMessage::Level level;
  std::string text;
};

// ---- per-panel state (one struct per panel, like Tracy's nested view structs) ----
struct CorpusPanelState {
  std::string paste_title;
  std::string paste_text;
  bool show_log = true;
};

struct ArticlesPanelState {
  std::string search_input;
  // Bumped when the search text changes from outside the field (API, Clear all): the field
  // gets a new ImGui ID, because a deactivated InputText re-applies its last edit otherwise.
  int search_generation = 0;
  SortColumn sort_column = SortColumn::Date;
  bool sort_ascending = false;
  std::string date_from_input, date_to_input;
};

struct ReaderPanelState {
  int64_t shown = -1;           // the article the edit buffers were filled from
  uint64_t shown_revision = 0;
  std::string edit_source, edit_title, edit_date, edit_language;
  std::string edit_error;
  bool highlight_search = true;
  bool show_chrome = true;      // site chrome shown dimmed (else hidden)
  bool show_quotes = true;
  bool show_numbers = true;
  bool sentence_mode = false;   // one sentence per line, with its language when it differs
  // Marks for the shown article in document coordinates, flattened (rich_text.h); recomputed
  // only when the article, the corpus, its analysis or the query changes.
  int64_t marks_article = -1;
  uint64_t marks_revision = 0, marks_analysis_revision = 0;
  std::string marks_query;
  std::vector<TextMark> marks;
  size_t hits = 0;
  // "Scroll to span" request (from the Entities panel's evidence): the Reader scrolls to it
  // once and keeps it marked while that article is shown.
  int64_t evidence_article = -1;
  Span evidence_span;
  int evidence_scroll = 0;      // frames left to ask for the scroll (the first may precede layout)
  // The first search hit is scrolled into view once per (article, search): a hit below the
  // fold is otherwise invisible.
  int64_t hit_scroll_article = -1;
  std::string hit_scroll_query;
  Span hit_scroll_span;
  int hit_scroll = 0;           // frames left to ask for that scroll
  bool show_claims = true;      // the selected claim group's units and differences marked
  uint64_t marks_claims_key = 0;  // claims revision and selected group the marks were made for
};

// ---- the Entities panel (panel_entities.cpp) ----
struct NetworkNode {
  uint32_t entity = 0;
  std::string key;                     // canonical key: nodes keep their place across relinking
  float x = 0, y = 0, vx = 0, vy = 0;  // layout coordinates (world units, origin at the centre)
  bool pinned = false;                 // dragged by the user: the layout leaves it there
};

struct EntitiesPanelState {
  int tab = 0;
  int top_n = 15;            // heatmap: entities shown (15: readable cells in the default layout)
  bool npmi = false;         // heatmap cells: count (false) or NPMI
  int sort = 0;              // heatmap order: 0 frequency, 1 name, 2 type
  int network_n = 30;        // network: nodes shown
  int edge_min = 1;          // network: edges with fewer co-occurrences are hidden
  float zoom = 1.f;
  float pan_x = 0.f, pan_y = 0.f;
  std::vector<NetworkNode> nodes;
  struct LabelBox {
    int node = -1;
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // screen pixels
  };
  std::vector<LabelBox> network_labels;  // labels drawn in the last frame (never overlapping; tests read them)
  uint64_t nodes_revision = 0;  // the entities_revision the nodes were made for
  float temperature = 1.f;      // force layout cooling: 1 at start, settles towards 0
  int dragging = -1;            // node index under the mouse drag, or -1
  bool panning = false;
  int bars_n = 15;
  std::string list_filter;   // entity list: folded substring filter
  std::string selected_key;  // entity list: the entity being edited (its canonical key)
  std::string rename_input;
  std::string merge_key;     // the second entity picked for a merge
  std::string message;       // shown under the toolbar (exports, edits)
  // What the mouse rests on (for the JS API state and tests): a description and evidence.
  std::string hover_label;
  std::vector<std::string> hover_evidence;
  // Derived from the results, rebuilt when they or the view options change.
  uint64_t derived_key = ~0ull;
  std::vector<uint32_t> top;        // heatmap entities, in display order
  std::vector<int32_t> cells;       // top.size()² pair indices into cooccurrence().pairs, -1 = none
};

// ---- the Claims panel (panel_claims.cpp) ----
struct ClaimsPanelState {
  int tab = 0;                  // 0 groups and side by side, 1 omission matrix
  int32_t selected = -1;        // index into AppState::claims().groups, -1 = none
  // The group list's order (ImGui table sort): rebuilt when the claims or the sort change.
  int sort_column = 3;          // 0 claim, 1 outlets, 2 languages, 3 disagreement, 4 differences, 5 members
  bool sort_ascending = false;
  std::vector<uint32_t> order;  // group indices in display order
  uint64_t order_key = ~0ull;
  bool selection_follows = false;  // scroll the list to the selected row once
  // The omission matrix: outlets (columns) and which group each reports, from the claims.
  uint64_t matrix_revision = ~0ull;
  std::vector<std::string> outlets;       // sorted by name
  std::vector<uint32_t> outlet_claims;    // groups each outlet reports
  std::vector<uint8_t> reported;          // groups × outlets: member units (capped at 255)
  int outlet_order = 0;                   // columns: 0 name, 1 most groups reported, 2 the selected group's reporters first
  std::vector<uint32_t> outlet_columns;   // outlet indices in column order
  uint64_t columns_key = ~0ull;
  int matrix_sort_column = -1;            // -1 disagreement rank; 0 claim; 1 reported; 2+k outlet column k
  bool matrix_sort_ascending = false;
  std::vector<uint32_t> matrix_rows;      // group indices in row order
  uint64_t matrix_rows_key = ~0ull;
  // What the mouse rests on (JS API state and tests).
  std::string hover_label;
  std::string message;          // the last export or action, also in the status bar
};

struct PendingFile {
  std::string name;
  std::string bytes;
};

class AppState {
 public:
  explicit AppState(PlatformHooks& platform) : platform(platform) {}

  PlatformHooks& platform;
  Corpus corpus;
  Filter filter;
  int64_t selected = -1;  // corpus index of the article in the Reader
  std::vector<UserMessage> log;
  std::deque<Command> commands;

  CorpusPanelState corpus_panel;
  ArticlesPanelState articles_panel;
  ReaderPanelState reader_panel;
  EntitiesPanelState entities_panel;
  ClaimsPanelState claims_panel;
  bool show_corpus = true, show_articles = true, show_reader = true, show_about = false;
  bool show_entities = true;
  bool show_claims = true;
  // Entities and Claims share the region under the Articles table as two tabs (Dear ImGui
  // 1.92 without its docking branch has no docked tabs): while `analysis_tabbed`, only the
  // front one is drawn and it takes the other's place; View > "Entities and Claims as tabs"
  // turns that off, and both become free windows.
  int analysis_tab = 0;         // 0 Entities, 1 Claims
  bool analysis_tabbed = true;
  bool analysis_handoff = false;  // the tab switched this frame: the new front window takes this place
  float analysis_pos_x = 0, analysis_pos_y = 0, analysis_w = 0, analysis_h = 0;
  bool reset_layout = false;  // View > Reset layout: panels go back to the default places
  // Set when text changed behind an active ImGui text field (API, commands, focus loss):
  // draw_app() makes ImGui let go of the field so it cannot write its old buffer back.
  bool release_text_fields = false;

  // ---- loading: files are queued, then ingested a budget per frame ----
  void queue_file(std::string name, std::string bytes);
  bool loading() const { return !pending_.empty(); }
  float loading_progress() const;          // 0..1 over the files queued since idle
  std::string loading_label() const;
  void step_loading(double budget_ms = 12.0);
  void load_demo_corpus();                 // from the assets directory; replaces the corpus
  void report(IngestMessage::Level level, std::string text);

  // ---- the text pipeline, a slice per frame (analyze.h) ----
  TextResources text;                      // set by the platform at start (load_text_resources)
  void load_text_resources(const std::string& dir);
  void step_analysis(double budget_ms = 10.0);
  bool analysing() const { return analysis_.running(); }
  float analysis_progress() const {
    return analysis_.total() ? static_cast<float>(analysis_.done()) / static_cast<float>(analysis_.total()) : 1.f;
  }
  std::string analysis_label() const;

  // ---- the visible rows: filtered + sorted, cached behind revisions ----
  const QueryResult& query();
  const std::vector<uint32_t>& visible_rows();
  void filter_changed() { ++filter_revision_; }
  uint64_t filter_revision() const { return filter_revision_; }

  // ---- entities (issue 4): linked over the corpus, co-occurrence over the visible rows ----
  // Recomputed between frames by step_analysis() once the text analysis is idle, one stage
  // (link, co-occurrence, breakdowns) per frame, and only when an input changed: the corpus,
  // its analysis, the visible rows, the options or the user's edits.
  CooccurrenceScope entity_scope = CooccurrenceScope::Sentence;
  bool demonyms_count = false;
  std::string entity_group;               // co-occurrence limited to "source:X" / "language:xx"; "" = all
  std::vector<EntityEdit> entity_edits;   // the user's edits, persisted by the platform
  void entity_options_changed() { ++entity_options_rev_; }
  void add_entity_edit(EntityEdit e);
  void remove_entity_edit(size_t i);
  void step_entities(double budget_ms = 8.0);
  bool entities_pending() const;          // inputs changed and the results are not caught up yet
  const EntityIndex& entity_index() const { return entity_index_; }
  const Cooccurrence& cooccurrence() const { return cooccurrence_; }
  const EntityBreakdown& entities_by_source() const { return by_source_; }
  const EntityBreakdown& entities_by_language() const { return by_language_; }
  const EntityBreakdown& entities_by_date() const { return by_date_; }
  uint64_t entities_revision() const { return entities_revision_; }  // bumped when any result changes
  double entities_last_ms = 0;            // time of the last stage (for the panel and tests)
  double entities_max_ms = 0;             // the longest stage so far
  // The entity filter: articles mentioning every entity in it (by canonical key).
  std::vector<std::string> entity_filter;
  std::string entity_filter_label;
  int64_t entity_by_key(const std::string& key) const;  // -1 if unknown
  // The sentence an entity mention is in (index into Analysis::sentences).
  uint32_t mention_sentence(const MentionRef& m) const;

  // ---- claims (issue 5): claim units, groups and their differences over the whole corpus ----
  // ClaimJob (claim_align.h) advances a slice per frame once the text analysis and the entity
  // linking are idle, then add_differences (claim_diff.h) runs in a frame of its own; the
  // results are shown together. Restarted when the corpus, its analysis or the entity edits
  // change. The dictionaries and lexicons are loaded with the text resources; missing ones
  // leave notes (claims_notes) and the analysis goes on without them.
  void step_claims(double budget_ms = 8.0);
  bool claims_pending() const;             // inputs changed and the results are not caught up yet
  float claims_progress() const;
  std::string claims_label() const;
  const ClaimIndex& claims() const { return claims_; }
  uint64_t claims_revision() const { return claims_revision_; }
  // Shows `index` as the claims of the current corpus (tests, imports) until an input changes.
  void set_claims(ClaimIndex index);
  std::vector<std::string> claims_notes;  // why bridges or lexicons are missing (shown in the panel)
  double claims_last_ms = 0, claims_max_ms = 0;  // the last and the longest claims stage
  // The claim filter: articles with a member of one claim group, by article id (stable
  // across re-analysis and removals; the group's number is not).
  std::vector<std::string> claim_filter;
  std::string claim_filter_label;
  std::string claim_text(const ClaimUnit& u, size_t max_bytes = 0) const;  // the unit's text, one line

  // ---- commands between frames ----
  void apply_commands();

  // JSON state for the embedding API: corpus size, active filters, visible rows.
  nlohmann::json state_json();

  std::string assets_dir = "/assets";  // demo corpus and fonts live under it

 private:
  std::deque<PendingFile> pending_;
  AnalysisJob analysis_;
  uint64_t analysis_structure_rev_ = 0;
  size_t pending_total_ = 0, pending_done_ = 0;
  size_t bytes_total_ = 0, bytes_done_ = 0;
  QueryResult query_;
  std::vector<uint32_t> sorted_;
  uint64_t query_corpus_rev_ = 0, query_filter_rev_ = ~0ull, sorted_key_ = ~0ull;
  uint64_t query_analysis_rev_ = 0;  // stems arrive with analyses: a text search is re-run
  double query_ms_ = 0;              // when the last query ran (see query())
  // The whole corpus in the current sort order, kept across filter changes: typing a search
  // then costs a query and a linear pass, not a sort of 100,000 rows per keystroke.
  std::vector<uint32_t> sorted_all_;
  uint64_t sorted_all_rev_ = 0, sorted_all_key_ = ~0ull;
  uint64_t filter_revision_ = 0;
  // entities
  EntityIndex entity_index_;
  Cooccurrence cooccurrence_;
  EntityBreakdown by_source_, by_language_, by_date_;
  std::vector<std::pair<std::string, int64_t>> entity_key_ids_;  // sorted key -> id
  uint64_t entity_options_rev_ = 1, entity_edits_rev_ = 1, entities_revision_ = 0;
  uint64_t link_key_ = 0, cooc_key_ = 0;  // inputs the shown results were made from
  // The results being built (a stage per frame), shown together when the last stage is done.
  int entity_stage_ = 0;  // 0 idle, 1 link, 2 co-occurrence, 3 breakdowns + publish
  uint64_t next_link_key_ = 0, next_cooc_key_ = 0;
  EntityIndex next_index_;
  Cooccurrence next_cooccurrence_;
  std::optional<CooccurrenceJob> cooc_job_;
  uint64_t link_inputs() const;
  uint64_t cooc_inputs(uint64_t link_key) const;
  std::vector<uint32_t> entity_rows();  // the visible rows, in corpus order, narrowed to entity_group
  // claims
  BilingualDict claim_dict_ = BilingualDict::empty();
  DiffLexicons claim_lexicons_ = DiffLexicons::empty();
  std::optional<ClaimJob> claim_job_;
  int claim_stage_ = 0;                  // 0 idle, 3 dictionaries, 1 the job, 2 differences + publish
  std::vector<std::string> dict_langs_;  // stage 3: the corpus's languages whose dictionary is not read yet
  ClaimIndex claims_, next_claims_;
  uint64_t claims_key_ = 0, next_claims_key_ = 0, claims_revision_ = 0;
  void publish_claims(ClaimIndex index, uint64_t key);
};

}  // namespace px
