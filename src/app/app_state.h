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
#include <string>
#include <vector>

#include "analyze.h"
#include "corpus.h"
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
};

struct Command {
  enum class Kind { SelectArticle, FilterSource, FilterLanguage, ClearFilters, SetSearch, ResetToDemo, RemoveArticle };
  Kind kind;
  int64_t index = -1;     // article index, when the command names one
  std::string value;      // outlet, language or search text
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
  bool show_corpus = true, show_articles = true, show_reader = true, show_about = false;
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
};

}  // namespace px
