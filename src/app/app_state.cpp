#include "app_state.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "gazetteer.h"
#include "lang_detect.h"
#include "text_fold.h"

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
  // Claims: word bridges between languages and the lexicons of reporting verbs, hedges and
  // evaluative words. Without them claims still group on names, numbers and shared stems.
  claims_notes.clear();
  if (Result<BilingualDict> d = BilingualDict::load(dir); d.ok()) {
    claim_dict_ = std::move(*d);
  } else {
    claim_dict_ = BilingualDict::empty();
    claims_notes.push_back("No bilingual dictionaries: claims in different languages group only on names, numbers and "
                           "shared words. " + d.error());
  }
  if (Result<DiffLexicons> l = DiffLexicons::load(dir); l.ok()) {
    claim_lexicons_ = std::move(*l);
  } else {
    claim_lexicons_ = DiffLexicons::empty();
    claims_notes.push_back("No lexicons: reporting verbs, hedges and evaluative words are not compared. " + l.error());
  }
  for (const std::string& m : claims_notes) report(IngestMessage::Level::Warning, "claims: " + m);
}

void AppState::step_analysis(double budget_ms) {
  if (analysis_structure_rev_ != corpus.structure_revision()) {
    analysis_.restart(corpus);
    analysis_structure_rev_ = corpus.structure_revision();
  }
  if (analysis_.running() && !loading()) analysis_.step(corpus, text, budget_ms);
  else if (entities_pending() && (show_entities || show_claims)) step_entities(budget_ms);  // once the text analysis is idle
  else step_claims(budget_ms);  // the claims follow the entities (they group on linked names)
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
    if (!entity_filter.empty()) {
      // Articles mentioning every entity of the filter (facet counts stay those of the other
      // filters: they say what each checkbox would add, the entity filter is a chip on top).
      std::vector<uint8_t> hits(corpus.size(), 0);
      uint8_t wanted = 0;
      for (const std::string& key : entity_filter) {
        const int64_t id = entity_by_key(key);
        const uint8_t bit = static_cast<uint8_t>(1u << (wanted++ & 7));
        if (id < 0) continue;
        for (const MentionRef& m : entity_index_.entities[id].mentions)
          if (m.doc < hits.size()) hits[m.doc] |= bit;
      }
      const uint8_t all = static_cast<uint8_t>((1u << std::min<uint8_t>(wanted, 8)) - 1);
      std::erase_if(query_.rows, [&](uint32_t r) { return hits[r] != all; });
    }
    if (!claim_filter.empty()) {  // articles with a member of the claim group (a chip like the entity filter)
      std::vector<std::string> ids = claim_filter;
      std::sort(ids.begin(), ids.end());
      std::erase_if(query_.rows, [&](uint32_t r) { return !std::binary_search(ids.begin(), ids.end(), corpus.doc(r).meta.id); });
    }
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
      case Command::Kind::FilterEntities:
        entity_filter = {c.value};
        if (!c.value_b.empty() && c.value_b != c.value) entity_filter.push_back(c.value_b);
        entity_filter_label.clear();
        for (const std::string& key : entity_filter) {
          const int64_t id = entity_by_key(key);
          if (!entity_filter_label.empty()) entity_filter_label += " + ";
          entity_filter_label += id >= 0 ? entity_index_.entities[id].name : key;
        }
        filter_changed();
        break;
      case Command::Kind::ClearEntityFilter:
        entity_filter.clear();
        entity_filter_label.clear();
        filter_changed();
        break;
      case Command::Kind::FilterClaim:
        if (c.index >= 0 && static_cast<size_t>(c.index) < claims_.groups.size()) {
          const ClaimGroup& g = claims_.groups[c.index];
          claim_filter.clear();
          for (uint32_t u : g.members) {
            const std::string& id = corpus.doc(claims_.units[u].doc).meta.id;
            if (std::find(claim_filter.begin(), claim_filter.end(), id) == claim_filter.end()) claim_filter.push_back(id);
          }
          constexpr size_t kChipTextBytes = 48;  // the chip names the claim by its first words
          claim_filter_label = g.members.empty() ? std::string() : claim_text(claims_.units[g.members[0]], kChipTextBytes);
          filter_changed();
        }
        break;
      case Command::Kind::ClearClaimFilter:
        claim_filter.clear();
        claim_filter_label.clear();
        filter_changed();
        break;
      case Command::Kind::SelectClaimGroup:
        if (c.index >= -1 && c.index < static_cast<int64_t>(claims_.groups.size())) {
          claims_panel.selected = static_cast<int32_t>(c.index);
          claims_panel.selection_follows = true;
          reader_panel.marks_article = -1;  // the Reader marks the group's units
        }
        break;
      case Command::Kind::ShowEvidence:
        if (c.index >= 0 && static_cast<size_t>(c.index) < corpus.size()) {
          selected = c.index;
          const Analysis& an = corpus.doc(c.index).analysis;
          reader_panel.evidence_article = c.index;
          reader_panel.evidence_span = c.sentence < an.sentences.size() ? an.sentences[c.sentence].span : Span{};
          reader_panel.evidence_scroll = 3;
          reader_panel.marks_article = -1;  // the evidence is marked: rebuild the marks
          show_reader = true;
        }
        break;
      case Command::Kind::ClearFilters:
        entity_filter.clear();
        entity_filter_label.clear();
        claim_filter.clear();
        claim_filter_label.clear();
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

//------------------------------------------------------------------------------------------
// entities
//------------------------------------------------------------------------------------------
namespace {
uint64_t mix(uint64_t h, uint64_t v) {  // order-sensitive hash of the inputs (FNV-style)
  return (h ^ (v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2))) * 1099511628211ull;
}
}  // namespace

uint64_t AppState::link_inputs() const {
  uint64_t h = mix(1, corpus.structure_revision());
  h = mix(h, corpus.analysis_revision());
  h = mix(h, corpus.revision());  // an edited language changes the demonym and alias picture
  h = mix(h, entity_edits_rev_);
  return mix(h, demonyms_count ? 2 : 1);
}

uint64_t AppState::cooc_inputs(uint64_t link_key) const {
  uint64_t h = mix(link_key, filter_revision_);
  h = mix(h, static_cast<uint64_t>(entity_scope));
  h = mix(h, entity_options_rev_);
  return mix(h, std::hash<std::string>{}(entity_group));
}

std::vector<uint32_t> AppState::entity_rows() {
  std::vector<uint32_t> rows = query().rows;  // corpus order
  if (entity_group.empty()) return rows;
  const size_t colon = entity_group.find(':');
  const std::string kind = entity_group.substr(0, colon), value = entity_group.substr(colon + 1);
  std::erase_if(rows, [&](uint32_t r) {
    const ArticleMeta& m = corpus.doc(r).meta;
    return (kind == "source" ? m.source : m.language) != value;
  });
  return rows;
}

bool AppState::entities_pending() const {
  if (entity_stage_ != 0) return true;
  const uint64_t lk = link_inputs();
  return lk != link_key_ || cooc_inputs(lk) != cooc_key_;
}

void AppState::step_entities(double budget_ms) {
  // Stages between frames: link (one call of the core), co-occurrence (CooccurrenceJob, a
  // slice per frame), breakdowns, then the results are shown together, so the charts never mix
  // a new index with old pairs. Inputs changing mid-way restart the stages they affect.
  if ((!show_entities && !show_claims) || loading() || analysis_.running()) return;  // claims need linked entities
  const double t0 = now_ms();
  const uint64_t lk = link_inputs(), ck = cooc_inputs(lk);
  if (entity_stage_ != 0 && lk != next_link_key_) entity_stage_ = 0;  // the corpus or the edits changed
  if (entity_stage_ >= 2 && ck != next_cooc_key_) {                     // the rows or options changed
    entity_stage_ = 2;
    cooc_job_.reset();
    next_cooc_key_ = ck;
  }
  if (entity_stage_ == 0) {
    cooc_job_.reset();
    if (lk == link_key_ && ck == cooc_key_) return;
    next_link_key_ = lk;
    next_cooc_key_ = ck;
    entity_stage_ = lk != link_key_ ? 1 : 2;
  }
  const bool relinked = next_link_key_ != link_key_;
  const EntityIndex& index = relinked ? next_index_ : entity_index_;
  if (entity_stage_ == 1) {
    LinkOptions o;
    o.demonyms_count = demonyms_count;
    // Known things are called by their English name ("Japan" for 日本, Giappone, Япония).
    if (text.gazetteer)
      o.known_name = [g = text.gazetteer](const std::string& id) { return g->display_name(id, "en"); };
    o.han_names = text.han_names;
    next_index_ = link_entities(corpus, entity_edits, o);
    entity_stage_ = 2;
  } else if (entity_stage_ == 2) {
    if (!cooc_job_) {
      CooccurrenceOptions o;
      o.scope = entity_scope;
      o.docs = entity_rows();
      if (o.docs.empty()) {  // nothing visible (an empty list would mean "the whole corpus")
        next_cooccurrence_ = Cooccurrence{};
        next_cooccurrence_.entity_units.assign(index.entities.size(), 0);
        entity_stage_ = 3;
      } else {
        cooc_job_.emplace(corpus, index, o);
      }
    }
    if (cooc_job_ && !cooc_job_->step(corpus, index, budget_ms)) {
      next_cooccurrence_ = cooc_job_->take(corpus, index);
      cooc_job_.reset();
      entity_stage_ = 3;
    }
  } else {
    const std::vector<uint32_t>& rows = query().rows;
    if (rows.empty()) {
      by_source_ = by_language_ = by_date_ = EntityBreakdown{};
    } else {
      by_source_ = breakdown(corpus, index, rows, BreakdownField::Source);
      by_language_ = breakdown(corpus, index, rows, BreakdownField::Language);
      by_date_ = breakdown(corpus, index, rows, BreakdownField::Date);
      if (!by_date_.groups.empty() && by_date_.groups.front().empty()) {  // undated articles: not on a timeline
        by_date_.groups.erase(by_date_.groups.begin());
        for (std::vector<uint32_t>& c : by_date_.counts)
          if (!c.empty()) c.erase(c.begin());
      }
    }
    if (relinked) {
      entity_index_ = std::move(next_index_);
      next_index_ = EntityIndex{};
      entity_key_ids_.clear();
      for (size_t i = 0; i < entity_index_.keys.size(); ++i) entity_key_ids_.push_back({entity_index_.keys[i], static_cast<int64_t>(i)});
      std::sort(entity_key_ids_.begin(), entity_key_ids_.end());
      link_key_ = next_link_key_;
      if (!entity_filter.empty()) filter_changed();  // the filter's articles come from the index
    }
    cooccurrence_ = std::move(next_cooccurrence_);
    cooc_key_ = next_cooc_key_;
    ++entities_revision_;
    entity_stage_ = 0;
  }
  entities_last_ms = now_ms() - t0;
  entities_max_ms = std::max(entities_max_ms, entities_last_ms);
}

int64_t AppState::entity_by_key(const std::string& key) const {
  auto it = std::lower_bound(entity_key_ids_.begin(), entity_key_ids_.end(), std::make_pair(key, INT64_MIN));
  return it != entity_key_ids_.end() && it->first == key ? it->second : -1;
}

uint32_t AppState::mention_sentence(const MentionRef& m) const {
  if (m.doc >= corpus.size()) return 0;
  const Analysis& an = corpus.doc(m.doc).analysis;
  return m.mention < an.mentions.size() ? an.mentions[m.mention].sentence : 0;
}

void AppState::add_entity_edit(EntityEdit e) {
  entity_edits.push_back(std::move(e));
  ++entity_edits_rev_;
  platform.entity_edits_changed();
}

void AppState::remove_entity_edit(size_t i) {
  if (i >= entity_edits.size()) return;
  entity_edits.erase(entity_edits.begin() + static_cast<std::ptrdiff_t>(i));
  ++entity_edits_rev_;
  platform.entity_edits_changed();
}

//------------------------------------------------------------------------------------------
// claims
//------------------------------------------------------------------------------------------
bool AppState::claims_pending() const { return claim_stage_ != 0 || claims_key_ != link_inputs(); }

float AppState::claims_progress() const {
  if (claim_stage_ == 1 && claim_job_) return claim_job_->progress();
  return claim_stage_ == 2 ? 1.f : claim_stage_ == 3 ? 0.01f : 0.f;
}

std::string AppState::claims_label() const {
  if (claim_stage_ == 2) return "Comparing phrasings…";
  if (claim_stage_ == 3 && !dict_langs_.empty())
    return "Reading the " + std::string(language_name(dict_langs_.back())) + " dictionary";
  if (claim_stage_ == 1 && claim_job_) {
    char pct[16];
    std::snprintf(pct, sizeof pct, " %.0f%%", claim_job_->progress() * 100.f);
    return std::string("Finding claims: ") + claim_job_->phase() + pct;
  }
  if (analysing()) return "Waiting for the text analysis";
  return "Waiting for the entity linking";
}

void AppState::step_claims(double budget_ms) {
  // Stages between frames: the ClaimJob a slice per frame, then the differences in a frame of
  // their own, then the results are shown. The job reads the corpus and the entity index
  // while it runs: any change to either (the key) restarts it.
  if (!show_claims || loading() || analysis_.running() || link_key_ != link_inputs()) return;
  const uint64_t key = link_inputs();
  if (claim_stage_ != 0 && key != next_claims_key_) {
    claim_job_.reset();
    claim_stage_ = 0;
  }
  if (claim_stage_ == 0) {
    if (key == claims_key_) return;
    next_claims_key_ = key;
    if (corpus.empty()) {
      publish_claims(ClaimIndex{}, key);
      return;
    }
    // Reading and keying a language's dictionary costs a few hundred ms in wasm: prepare() does
    // it a slice per frame before the job starts (a language already loaded returns at once).
    dict_langs_.clear();
    for (size_t d = 0; d < corpus.size(); ++d) {
      const std::string& l = corpus.doc(d).meta.language;
      if (l != "en" && std::find(dict_langs_.begin(), dict_langs_.end(), l) == dict_langs_.end() && claim_dict_.covers(l))
        dict_langs_.push_back(l);
    }
    claim_stage_ = 3;
  }
  const double t0 = now_ms();
  if (claim_stage_ == 3) {
    if (!dict_langs_.empty()) {
      if (!claim_dict_.prepare(dict_langs_.back(), corpus.stemmer(), budget_ms)) dict_langs_.pop_back();
    } else {
      ClaimOptions options;
      options.stopwords = text.stopwords.get();  // function words weigh less (null: IDF alone)
      claim_job_.emplace(corpus, &entity_index_, claim_dict_, corpus.stemmer(), options);
      claim_stage_ = 1;
    }
  } else if (claim_stage_ == 1) {
    if (!claim_job_->step(corpus, budget_ms)) {
      next_claims_ = claim_job_->take(corpus);
      claim_job_.reset();
      claim_stage_ = 2;
    }
  } else {
    add_differences(corpus, &entity_index_, claim_lexicons_, next_claims_);
    publish_claims(std::move(next_claims_), next_claims_key_);
    next_claims_ = ClaimIndex{};
    claim_stage_ = 0;
  }
  claims_last_ms = now_ms() - t0;
  claims_max_ms = std::max(claims_max_ms, claims_last_ms);
}

void AppState::set_claims(ClaimIndex index) {
  claim_job_.reset();
  claim_stage_ = 0;
  publish_claims(std::move(index), link_inputs());
}

void AppState::publish_claims(ClaimIndex index, uint64_t key) {
  // The selection follows its claim across a recomputation: the group now holding the
  // previously selected group's reference sentence (group numbers change with the ranking).
  int32_t selected = -1;
  const int32_t old = claims_panel.selected;
  if (old >= 0 && static_cast<size_t>(old) < claims_.groups.size() && !claims_.groups[old].members.empty()) {
    const ClaimUnit& ref = claims_.units[claims_.groups[old].members[0]];
    for (const ClaimUnit& u : index.units) {
      if (u.doc == ref.doc && u.sentence == ref.sentence && u.id < index.group_of_unit.size()) {
        selected = index.group_of_unit[u.id];
        if (selected >= 0) break;
      }
    }
  }
  claims_ = std::move(index);
  claims_key_ = key;
  ++claims_revision_;
  claims_panel.selected = selected;
  claims_panel.order_key = claims_panel.matrix_rows_key = claims_panel.columns_key = ~0ull;
  reader_panel.marks_article = -1;  // the Reader's claim marks come from the groups
}

std::string AppState::claim_text(const ClaimUnit& u, size_t max_bytes) const {
  if (u.doc >= corpus.size()) return {};
  const Document& d = corpus.doc(u.doc);
  if (u.span.end > d.text.size() || u.span.begin > u.span.end) return {};
  std::string_view text = d.slice(u.span);
  const bool cut = max_bytes && text.size() > max_bytes;
  if (cut) text = truncate_utf8(text, max_bytes);
  std::string out(text);
  for (char& c : out)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return cut ? out + "…" : out;
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
  // The entity analysis as the panel shows it (for embedding pages and the browser tests).
  nlohmann::json entities = nlohmann::json::object();
  {
    std::vector<const Entity*> top;
    for (const Entity& e : entity_index_.entities) top.push_back(&e);
    std::sort(top.begin(), top.end(), [](const Entity* a, const Entity* b) { return a->mentions.size() > b->mentions.size(); });
    nlohmann::json names = nlohmann::json::array();
    for (size_t i = 0; i < top.size() && i < 20; ++i)
      names.push_back({{"name", top[i]->name}, {"type", entity_type_code(top[i]->type)}, {"mentions", top[i]->mentions.size()},
                       {"key", entity_index_.keys[top[i]->id]}});
    entities = {{"count", entity_index_.entities.size()}, {"pairs", cooccurrence_.pairs.size()},
                {"units", cooccurrence_.units}, {"pending", entities_pending()}, {"stage_ms", entities_last_ms}, {"max_stage_ms", entities_max_ms},
                {"top", names}, {"filter", entity_filter}, {"filter_label", entity_filter_label},
                {"hover", {{"label", entities_panel.hover_label}, {"evidence", entities_panel.hover_evidence}}},
                {"edits", edits_to_json(entity_edits)}, {"message", entities_panel.message}};
  }
  // The claims as the panel shows them (embedding pages and the browser tests): the first
  // groups with their members, and the selected group with its differences and bridges.
  nlohmann::json claims;
  {
    constexpr size_t kGroupsInState = 100, kTextBytes = 300;  // the top of the ranking; exports have all
    auto member_json = [&](uint32_t uid) {
      const ClaimUnit& u = claims_.units[uid];
      const ArticleMeta& m = corpus.doc(u.doc).meta;
      return nlohmann::json{{"unit", uid}, {"article", m.id}, {"outlet", m.source}, {"language", u.lang},
                            {"sentence", u.sentence}, {"text", claim_text(u, kTextBytes)}};
    };
    nlohmann::json top = nlohmann::json::array();
    for (size_t i = 0; i < claims_.groups.size() && i < kGroupsInState; ++i) {
      const ClaimGroup& g = claims_.groups[i];
      nlohmann::json members = nlohmann::json::array();
      for (uint32_t u : g.members) members.push_back(member_json(u));
      top.push_back({{"id", g.id}, {"members", members}, {"outlets", g.outlets}, {"languages", g.languages},
                     {"disagreement", g.disagreement}, {"cohesion", g.cohesion}, {"differences", g.differences.size()}});
    }
    nlohmann::json selected_group = nullptr;
    const int32_t sel = claims_panel.selected;
    if (sel >= 0 && static_cast<size_t>(sel) < claims_.groups.size()) {
      const ClaimGroup& g = claims_.groups[sel];
      nlohmann::json members = nlohmann::json::array(), diffs = nlohmann::json::array(), links = nlohmann::json::array();
      for (uint32_t u : g.members) members.push_back(member_json(u));
      for (const Difference& d : g.differences)
        diffs.push_back({{"kind", diff_kind_name(d.kind)}, {"a", d.a}, {"b", d.b}, {"label_a", d.label_a}, {"label_b", d.label_b},
                         {"message", d.message}, {"severity", d.severity}});
      for (const ClaimLink& l : g.links) {
        nlohmann::json bridges = nlohmann::json::array();
        for (const Bridge& b : l.bridges) bridges.push_back({{"kind", bridge_kind_name(b.kind)}, {"via", b.via}, {"weight", b.weight}});
        links.push_back({{"a", l.a}, {"b", l.b}, {"score", l.score}, {"bridges", bridges}});
      }
      selected_group = {{"id", g.id}, {"index", sel}, {"members", members}, {"differences", diffs}, {"links", links},
                        {"disagreement", g.disagreement}};
    }
    claims = {{"pending", claims_pending()}, {"progress", claims_progress()}, {"units", claims_.units.size()},
              {"groups", claims_.groups.size()}, {"candidates_scored", claims_.candidates_scored}, {"build_ms", claims_.build_ms},
              {"stage_ms", claims_last_ms}, {"max_stage_ms", claims_max_ms}, {"notes", claims_notes}, {"top", top},
              {"selected", selected_group}, {"filter", claim_filter}, {"filter_label", claim_filter_label},
              {"hover", claims_panel.hover_label}, {"message", claims_panel.message}, {"tab", analysis_tab}};
  }
  return {{"corpus_size", corpus.size()},
          {"entities", entities},
          {"claims", claims},
          {"filters", filter_to_json(filter)},
          {"visible_count", rows.size()},
          {"visible_rows", visible},
          {"selected", selected_id},
          {"selected_analysis", analysis},
          {"loading", loading()},
          {"analysing", analysing()}};
}

}  // namespace px
