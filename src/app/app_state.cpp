#include "app_state.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace px {

namespace {
double now_ms() {
  using namespace std::chrono;
  return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

bool read_file(const std::filesystem::path& p, std::string& out) {
  std::ifstream f(p, std::ios::binary);
  if (!f) return false;
  std::ostringstream ss;
  ss << f.rdbuf();
  out = ss.str();
  return true;
}
}  // namespace

void AppState::report(IngestMessage::Level level, std::string text) {
  constexpr size_t kMaxLogLines = 500;
  if (log.size() >= kMaxLogLines) log.erase(log.begin(), log.begin() + kMaxLogLines / 5);
  log.push_back({level, std::move(text)});
}

void AppState::queue_file(std::string name, std::string bytes) {
  if (pending_.empty()) pending_total_ = pending_done_ = bytes_total_ = bytes_done_ = 0;
  bytes_total_ += bytes.size();
  ++pending_total_;
  pending_.push_back({std::move(name), std::move(bytes)});
}

float AppState::loading_progress() const {
  if (bytes_total_ == 0) return pending_total_ ? static_cast<float>(pending_done_) / pending_total_ : 1.f;
  return static_cast<float>(bytes_done_) / static_cast<float>(bytes_total_);
}

std::string AppState::loading_label() const {
  if (pending_.empty()) return {};
  return "Loading " + pending_.front().name + " (" + std::to_string(pending_done_ + 1) + " of " +
         std::to_string(pending_total_) + ")";
}

void AppState::step_loading(double budget_ms) {
  // One file at a time, as many as fit in the frame's budget. A single huge file is still
  // one step (the ingest core is not resumable yet); the progress bar moves between files.
  const double start = now_ms();
  bool changed = false;
  while (!pending_.empty() && (now_ms() - start) < budget_ms) {
    PendingFile f = std::move(pending_.front());
    pending_.pop_front();
    IngestOutcome out = ingest_bytes(f.name, f.bytes);
    for (IngestMessage& m : out.messages) report(m.level, std::move(m.text));
    if (!out.documents.empty()) {
      size_t n = out.documents.size();
      size_t first = corpus.add_all(std::move(out.documents));
      report(IngestMessage::Level::Info, f.name + ": " + std::to_string(n) + (n == 1 ? " article" : " articles") + " added");
      if (selected < 0) selected = static_cast<int64_t>(first);
      changed = true;
    }
    bytes_done_ += f.bytes.size();
    ++pending_done_;
  }
  if (changed) platform.corpus_changed();
}

void AppState::load_demo_corpus() {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(assets_dir) / "corpus";
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  if (ec || files.empty()) {
    report(IngestMessage::Level::Error, "the demo corpus is missing from " + dir.string());
    return;
  }
  std::sort(files.begin(), files.end());
  std::vector<Document> docs;
  for (const fs::path& p : files) {
    std::string bytes;
    if (!read_file(p, bytes)) continue;
    IngestOutcome out = ingest_bytes(p.filename().string(), bytes);
    for (IngestMessage& m : out.messages) report(m.level, std::move(m.text));
    for (Document& d : out.documents) docs.push_back(std::move(d));
  }
  std::string sidecar;
  if (read_file(dir / "seeds.meta.json", sidecar)) {
    nlohmann::json j = nlohmann::json::parse(sidecar, nullptr, false);
    if (!j.is_discarded()) apply_sidecar(docs, j);
  }
  corpus.clear();
  size_t n = docs.size();
  corpus.add_all(std::move(docs));
  selected = corpus.empty() ? -1 : 0;
  reader_panel.shown = -1;
  report(IngestMessage::Level::Info, "demo corpus loaded: " + std::to_string(n) + " articles");
  platform.corpus_changed();
}

void AppState::load_text_resources(const std::string& dir) {
  text = TextResources::load(dir);
  for (const std::string& m : text.messages) report(IngestMessage::Level::Warning, "text pipeline: " + m);
}

void AppState::step_analysis(double budget_ms) {
  if (analysis_structure_rev_ != corpus.structure_revision()) {
    analysis_.restart(corpus);
    analysis_structure_rev_ = corpus.structure_revision();
  }
  if (analysis_.running() && !loading()) analysis_.step(corpus, text, budget_ms);
}

std::string AppState::analysis_label() const {
  return "Analysing " + std::to_string(analysis_.done()) + " of " + std::to_string(analysis_.total()) + " articles";
}

const QueryResult& AppState::query() {
  // A text search also matches word stems, which come with each slice of analysis: it is
  // re-run then, but at most every kStemRefreshMs while analysis runs (a query over 100,000
  // articles takes tens of ms in the browser: not in every frame).
  constexpr double kStemRefreshMs = 500.0;
  const bool new_stems = !filter.text.empty() && query_analysis_rev_ != corpus.analysis_revision() &&
                         (!analysing() || now_ms() - query_ms_ >= kStemRefreshMs);
  if (query_corpus_rev_ != corpus.revision() || query_filter_rev_ != filter_revision_ || new_stems) {
    query_ = run_query(corpus, filter);
    query_ms_ = now_ms();
    query_analysis_rev_ = corpus.analysis_revision();
    query_corpus_rev_ = corpus.revision();
    query_filter_rev_ = filter_revision_;
    sorted_key_ = ~0ull;
  }
  return query_;
}

const std::vector<uint32_t>& AppState::visible_rows() {
  const QueryResult& q = query();
  uint64_t key = (static_cast<uint64_t>(articles_panel.sort_column) << 1) | (articles_panel.sort_ascending ? 1 : 0);
  if (sorted_key_ != key) {
    if (sorted_all_rev_ != corpus.revision() || sorted_all_key_ != key) {
      sorted_all_.resize(corpus.size());
      for (uint32_t i = 0; i < sorted_all_.size(); ++i) sorted_all_[i] = i;
      sort_rows(corpus, sorted_all_, articles_panel.sort_column, articles_panel.sort_ascending);
      sorted_all_rev_ = corpus.revision();
      sorted_all_key_ = key;
    }
    std::vector<bool> shown(corpus.size(), false);
    for (uint32_t r : q.rows) shown[r] = true;
    sorted_.clear();
    sorted_.reserve(q.rows.size());
    for (uint32_t r : sorted_all_)
      if (shown[r]) sorted_.push_back(r);
    sorted_key_ = key;
  }
  return sorted_;
}

void AppState::apply_commands() {
  while (!commands.empty()) {
    Command c = std::move(commands.front());
    commands.pop_front();
    switch (c.kind) {
      case Command::Kind::SelectArticle:
        if (c.index >= 0 && static_cast<size_t>(c.index) < corpus.size()) selected = c.index;
        break;
      case Command::Kind::FilterSource:
        filter.sources = {c.value};
        filter_changed();
        break;
      case Command::Kind::FilterLanguage:
        filter.languages = {c.value};
        filter_changed();
        break;
      case Command::Kind::ClearFilters:
        filter = Filter{};
        release_text_fields = true;
        articles_panel.search_input.clear();
        articles_panel.date_from_input.clear();
        articles_panel.date_to_input.clear();
        filter_changed();
        break;
      case Command::Kind::SetSearch:
        filter.text = c.value;
        release_text_fields = true;
        articles_panel.search_input = c.value;
        filter_changed();
        break;
      case Command::Kind::ResetToDemo:
        load_demo_corpus();
        break;
      case Command::Kind::RemoveArticle:
        if (c.index >= 0 && static_cast<size_t>(c.index) < corpus.size()) {
          report(IngestMessage::Level::Info, "removed \"" + corpus.doc(c.index).meta.title + "\"");
          corpus.remove(static_cast<size_t>(c.index));
          if (selected >= static_cast<int64_t>(corpus.size())) selected = static_cast<int64_t>(corpus.size()) - 1;
          reader_panel.shown = -1;
          platform.corpus_changed();
        }
        break;
    }
  }
}

nlohmann::json AppState::state_json() {
  const std::vector<uint32_t>& rows = visible_rows();
  nlohmann::json visible = nlohmann::json::array();
  constexpr size_t kMaxRowsInState = 1000;  // the API is for embedding pages, not bulk export
  for (size_t i = 0; i < rows.size() && i < kMaxRowsInState; ++i) {
    const ArticleMeta& m = corpus.doc(rows[i]).meta;
    visible.push_back({{"id", m.id}, {"source", m.source}, {"title", m.title}, {"language", m.language}, {"published", m.published}});
  }
  nlohmann::json selected_id = nullptr, analysis = nullptr;
  if (selected >= 0 && static_cast<size_t>(selected) < corpus.size()) {
    const Document& d = corpus.doc(selected);
    selected_id = d.meta.id;
    if (d.analysis.done) {
      // What the text pipeline found in the selected article (for embedding pages and tests).
      size_t chrome = 0;
      for (bool b : d.analysis.boilerplate) chrome += b;
      nlohmann::json quotes = nlohmann::json::array(), numbers = nlohmann::json::array(), languages = nlohmann::json::object();
      for (const QuoteInfo& q : d.analysis.quotes)
        quotes.push_back({{"text", d.slice(q.span)}, {"speaker", d.slice(q.speaker)}, {"cue", d.slice(q.cue)}});
      for (const QuantityInfo& q : d.analysis.quantities) {
        nlohmann::json v = q.value == q.value ? nlohmann::json(q.value) : nlohmann::json(nullptr);  // NaN: corrupt
        numbers.push_back({{"text", d.slice(q.span)}, {"value", v}, {"unit", q.unit}});
      }
      for (const SentenceInfo& s : d.analysis.sentences) languages[s.language] = languages.value(s.language, 0) + 1;
      analysis = {{"chrome_paragraphs", chrome}, {"paragraphs", d.paragraphs.size()},
                  {"sentences", d.analysis.sentences.size()}, {"sentence_languages", languages},
                  {"tokens", d.analysis.tokens.size()}, {"quotes", quotes}, {"quantities", numbers}};
    }
  }
  return {{"corpus_size", corpus.size()},
          {"filters", filter_to_json(filter)},
          {"visible_count", rows.size()},
          {"visible_rows", visible},
          {"selected", selected_id},
          {"selected_analysis", analysis},
          {"loading", loading()},
          {"analysing", analysing()}};
}

}  // namespace px
