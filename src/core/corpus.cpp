#include "corpus.h"

#include <unordered_set>

#include "date_parse.h"
#include "text_fold.h"

namespace px {

namespace {
std::string search_key_of(const Document& d) { return fold_for_search(d.meta.title) + "\n" + fold_for_search(d.text); }

}  // namespace

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
  }
  ++revision_;
  ++structure_revision_;
  return first;
}

void Corpus::clear() {
  docs_.clear();
  search_keys_.clear();
  ++revision_;
  ++structure_revision_;
}

void Corpus::remove(size_t index) {
  if (index >= docs_.size()) return;
  docs_.erase(docs_.begin() + static_cast<std::ptrdiff_t>(index));
  search_keys_.erase(search_keys_.begin() + static_cast<std::ptrdiff_t>(index));
  ++revision_;
  ++structure_revision_;
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
      ++structure_revision_;
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
