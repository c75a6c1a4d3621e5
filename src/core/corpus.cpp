#include "corpus.h"

#include <utf8proc.h>

#include <algorithm>
#include <unordered_set>

#include "date_parse.h"
#include "encoding.h"
#include "text_fold.h"

namespace px {

namespace {
std::string search_key_of(const Document& d) { return fold_for_search(d.meta.title) + "\n" + fold_for_search(d.text); }

bool is_word_codepoint(char32_t cp) {
  const utf8proc_category_t c = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME) ||  // letters and marks
         (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);    // digits and numbers
}

// The words of a title: runs of letters, marks and digits. Titles are not segmented by the
// text pipeline (Document::text is); this simpler split is enough for the languages that
// have a stemmer, which all write spaces between words ("l'Ucraina" gives "l" and "Ucraina").
template <class F>
void for_each_title_word(std::string_view title, F&& f) {
  size_t start = std::string_view::npos;
  for (size_t i = 0; i < title.size();) {
    const size_t at = i;
    const bool word = is_word_codepoint(next_codepoint(title, i));
    if (word && start == std::string_view::npos) start = at;
    if (!word && start != std::string_view::npos) {
      f(title.substr(start, at - start));
      start = std::string_view::npos;
    }
  }
  if (start != std::string_view::npos) f(title.substr(start));
}

}  // namespace

uint64_t stem_key(std::string_view lang, std::string_view stem) {
  uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a 64
  auto eat = [&](std::string_view s) {
    for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ull;
  };
  eat(lang);
  h = (h ^ 0xffu) * 0x100000001b3ull;  // 0xff never occurs in UTF-8: "en"+"x" != "e"+"nx"
  eat(stem);
  return h;
}

void Corpus::index_stems(size_t i) {
  unindex_stems(i);
  const Document& d = docs_[i];
  if (!d.analysis.done) return;
  auto stemmed = [&](std::string_view lang) {
    if (!stemmer_.supports(lang)) return false;
    if (std::find(stem_languages_.begin(), stem_languages_.end(), lang) == stem_languages_.end())
      stem_languages_.emplace_back(lang);
    return true;
  };
  std::vector<uint64_t> keys;
  // Tokens come sentence by sentence: the language is looked up once per sentence.
  uint32_t sentence = UINT32_MAX;
  std::string_view lang;
  bool use = false;
  for (const TokenInfo& t : d.analysis.tokens) {
    if (t.sentence != sentence) {
      sentence = t.sentence;
      lang = sentence < d.analysis.sentences.size() ? std::string_view(d.analysis.sentences[sentence].language)
                                                    : std::string_view(d.meta.language);
      use = stemmed(lang);
    }
    if (use && !t.stem.empty()) keys.push_back(stem_key(lang, t.stem));
  }
  if (stemmed(d.meta.language))
    for_each_title_word(d.meta.title, [&](std::string_view w) {
      keys.push_back(stem_key(d.meta.language, match_key(w, d.meta.language, stemmer_)));
    });
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  const auto doc = static_cast<uint32_t>(i);
  for (uint64_t k : keys) {
    std::vector<uint32_t>& list = stem_postings_[k];
    // Articles are mostly analysed in corpus order: appending keeps the list ascending.
    if (list.empty() || list.back() < doc) list.push_back(doc);
    else list.insert(std::lower_bound(list.begin(), list.end(), doc), doc);
  }
  stem_counts_[i] = static_cast<uint32_t>(keys.size());
}

void Corpus::unindex_stems(size_t i) {
  if (stem_counts_[i] == 0) return;
  // The article's own keys are not kept (they would double the index): it is looked for in
  // every list. Only edits come here (a new title or language), never new analyses.
  const auto doc = static_cast<uint32_t>(i);
  for (auto it = stem_postings_.begin(); it != stem_postings_.end();) {
    std::vector<uint32_t>& list = it->second;
    auto at = std::lower_bound(list.begin(), list.end(), doc);
    if (at != list.end() && *at == doc) list.erase(at);
    it = list.empty() ? stem_postings_.erase(it) : std::next(it);
  }
  stem_counts_[i] = 0;
}

void Corpus::analysis_changed(bool metadata_changed) {
  for (size_t i : stems_pending_)
    if (i < docs_.size()) index_stems(i);
  stems_pending_.clear();
  ++analysis_revision_;
  if (metadata_changed) ++revision_;
}

size_t Corpus::add(Document doc) {
  std::vector<Document> one;
  one.push_back(std::move(doc));
  return add_all(std::move(one));
}

size_t Corpus::add_all(std::vector<Document> docs) {
  size_t first = docs_.size();
  // Collisions are checked against a set for big imports (100,000 rows must not be quadratic).
  std::unordered_set<std::string> ids;
  ids.reserve(docs_.size() + docs.size());
  for (const Document& d : docs_) ids.insert(d.meta.id);
  for (Document& d : docs) {
    if (ids.count(d.meta.id)) {
      for (int n = 2;; ++n) {
        std::string c = d.meta.id + "-" + std::to_string(n);
        if (!ids.count(c)) { d.meta.id = c; break; }
      }
    }
    ids.insert(d.meta.id);
    search_keys_.push_back(search_key_of(d));
    docs_.push_back(std::move(d));
    stem_counts_.push_back(0);
    if (docs_.back().analysis.done) index_stems(docs_.size() - 1);  // analysed elsewhere
  }
  ++revision_;
  ++structure_revision_;
  return first;
}

void Corpus::clear() {
  docs_.clear();
  search_keys_.clear();
  stem_postings_.clear();
  stem_counts_.clear();
  stem_languages_.clear();
  stems_pending_.clear();
  ++revision_;
  ++structure_revision_;
  ++reset_revision_;
}

void Corpus::remove(size_t index) {
  if (index >= docs_.size()) return;
  docs_.erase(docs_.begin() + static_cast<std::ptrdiff_t>(index));
  search_keys_.erase(search_keys_.begin() + static_cast<std::ptrdiff_t>(index));
  stem_counts_.erase(stem_counts_.begin() + static_cast<std::ptrdiff_t>(index));
  // Every list: the article leaves, the ones after it move down (lists stay ascending).
  const auto doc = static_cast<uint32_t>(index);
  for (auto it = stem_postings_.begin(); it != stem_postings_.end();) {
    std::vector<uint32_t>& list = it->second;
    auto at = std::lower_bound(list.begin(), list.end(), doc);
    if (at != list.end() && *at == doc) at = list.erase(at);
    for (; at != list.end(); ++at) --*at;
    it = list.empty() ? stem_postings_.erase(it) : std::next(it);
  }
  // Articles handed out for analysis but not indexed yet move down with the others.
  std::vector<size_t> pending;
  for (size_t i : stems_pending_)
    if (i != index) pending.push_back(i > index ? i - 1 : i);
  stems_pending_ = std::move(pending);
  ++revision_;
  ++structure_revision_;
  ++reset_revision_;
}

Status Corpus::edit(size_t index, MetaField field, std::string_view value) {
  if (index >= docs_.size()) return Status::Error("no such article");
  ArticleMeta& m = docs_[index].meta;
  std::string v(value);
  switch (field) {
    case MetaField::Source:
      if (v.empty()) return Status::Error("the outlet cannot be empty");
      m.source = v;
      m.source_from = Provenance::Edited;
      break;
    case MetaField::Title:
      m.title = v;
      m.title_from = Provenance::Edited;
      search_keys_[index] = search_key_of(docs_[index]);
      index_stems(index);  // the title's words are stemmed too
      break;
    case MetaField::Published:
      if (v.empty()) {
        m.published.clear();
        m.published_from = Provenance::Edited;
        break;
      }
      if (auto iso = parse_date(v)) {
        m.published = *iso;
        m.published_from = Provenance::Edited;
      } else {
        return Status::Error("\"" + v + "\" is not a date Parallax understands: use YYYY-MM-DD");
      }
      break;
    case MetaField::Language: {
      if (v.size() < 2 || v.size() > 3) return Status::Error("use a two-letter language code such as en, de, it, ja");
      for (char& c : v) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      m.language = v;
      m.language_confidence = 1.f;
      m.language_from = Provenance::Edited;
      docs_[index].analysis = Analysis{};  // sentences, stems and quotes depend on the language
      index_stems(index);                   // none until analysed again
      ++structure_revision_;
      ++reset_revision_;
      break;
    }
    case MetaField::Url: m.url = v; break;
  }
  ++revision_;
  return Status::Ok();
}

nlohmann::ordered_json to_record(const Document& d) {
  // ordered_json keeps the field order stable and readable; extras follow in sorted order.
  nlohmann::ordered_json r;
  const ArticleMeta& m = d.meta;
  r["id"] = m.id;
  if (!m.url.empty()) r["url"] = m.url;
  r["source"] = m.source;
  r["title"] = m.title;
  if (!m.published.empty()) r["published"] = m.published;
  r["language"] = m.language;
  r["text"] = d.text;
  if (!m.origin.empty()) r["origin"] = m.origin;  // the file it came from, shown in the Corpus panel
  for (auto it = m.extra.begin(); it != m.extra.end(); ++it) r[it.key()] = it.value();
  nlohmann::ordered_json edited = nlohmann::ordered_json::array();
  if (m.source_from == Provenance::Edited) edited.push_back("source");
  if (m.title_from == Provenance::Edited) edited.push_back("title");
  if (m.published_from == Provenance::Edited) edited.push_back("published");
  if (m.language_from == Provenance::Edited) edited.push_back("language");
  if (!edited.empty()) r["edited"] = edited;
  // What Parallax detected itself, so a reload shows it as detected (with its confidence).
  nlohmann::ordered_json detected = nlohmann::ordered_json::array();
  if (m.source_from == Provenance::Detected) detected.push_back("source");
  if (m.title_from == Provenance::Detected) detected.push_back("title");
  if (m.published_from == Provenance::Detected) detected.push_back("published");
  if (m.language_from == Provenance::Detected) detected.push_back("language");
  if (!detected.empty()) r["detected"] = detected;
  if (m.language_from == Provenance::Detected)
    r["language_confidence"] = static_cast<double>(static_cast<int>(m.language_confidence * 1000.f + 0.5f)) / 1000.0;
  return r;
}

std::string to_jsonl(const Corpus& corpus) {
  std::string out;
  for (const Document& d : corpus.docs()) {
    out += to_record(d).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    out += '\n';
  }
  return out;
}

}  // namespace px
