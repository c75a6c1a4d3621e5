#include "query.h"

#include <algorithm>
#include <map>

#include "text_fold.h"

namespace px {

QueryResult run_query(const Corpus& corpus, const Filter& filter) {
  QueryResult r;
  const std::vector<std::string> terms = search_terms(filter.text);
  std::map<std::string, uint32_t> lang_counts, source_counts;
  for (uint32_t i = 0; i < corpus.size(); ++i) {
    const ArticleMeta& m = corpus.doc(i).meta;
    if (!m.published.empty()) {
      if (r.min_date.empty() || m.published < r.min_date) r.min_date = m.published;
      if (r.max_date.empty() || m.published > r.max_date) r.max_date = m.published;
    }
    // Text and dates apply to every facet count; each facet's own selection does not apply
    // to its own counts (so the user sees what picking another value would give).
    bool base = true;
    if (!filter.date_from.empty() && (m.published.empty() || m.published < filter.date_from)) base = false;
    if (base && !filter.date_to.empty() && (m.published.empty() || m.published > filter.date_to)) base = false;
    if (base && !terms.empty()) {
      const std::string& key = corpus.search_key(i);
      for (const std::string& t : terms)
        if (key.find(t) == std::string::npos) { base = false; break; }
    }
    if (!base) continue;
    const bool lang_ok = filter.languages.empty() || filter.languages.count(m.language);
    const bool source_ok = filter.sources.empty() || filter.sources.count(m.source);
    if (source_ok) ++lang_counts[m.language];
    if (lang_ok) ++source_counts[m.source];
    if (lang_ok && source_ok) r.rows.push_back(i);
  }
  // Selected values stay listed even when their count drops to zero.
  for (const std::string& l : filter.languages) lang_counts.try_emplace(l, 0);
  for (const std::string& s : filter.sources) source_counts.try_emplace(s, 0);
  auto to_sorted = [](const std::map<std::string, uint32_t>& m) {
    std::vector<FacetCount> v;
    v.reserve(m.size());
    for (const auto& [value, count] : m) v.push_back({value, count});
    std::stable_sort(v.begin(), v.end(), [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
    return v;
  };
  r.languages = to_sorted(lang_counts);
  r.sources = to_sorted(source_counts);
  return r;
}

void sort_rows(const Corpus& corpus, std::vector<uint32_t>& rows, SortColumn column, bool ascending) {
  auto key_less = [&](uint32_t a, uint32_t b) {
    const ArticleMeta& x = corpus.doc(a).meta;
    const ArticleMeta& y = corpus.doc(b).meta;
    switch (column) {
      case SortColumn::Source: return x.source < y.source;
      case SortColumn::Language: return x.language < y.language;
      case SortColumn::Date: return x.published < y.published;
      case SortColumn::Title: return x.title < y.title;
      case SortColumn::Words: return corpus.doc(a).word_count < corpus.doc(b).word_count;
    }
    return a < b;
  };
  std::stable_sort(rows.begin(), rows.end(), [&](uint32_t a, uint32_t b) {
    return ascending ? key_less(a, b) : key_less(b, a);
  });
}

nlohmann::json filter_to_json(const Filter& f) {
  return {{"text", f.text},
          {"languages", std::vector<std::string>(f.languages.begin(), f.languages.end())},
          {"sources", std::vector<std::string>(f.sources.begin(), f.sources.end())},
          {"date_from", f.date_from},
          {"date_to", f.date_to}};
}

Status filter_from_json(const nlohmann::json& j, Filter& f) {
  if (!j.is_object()) return Status::Error("filters must be a JSON object");
  auto str = [&](const char* key, std::string& out) -> Status {
    if (!j.contains(key)) return Status::Ok();
    if (!j[key].is_string()) return Status::Error(std::string("filter \"") + key + "\" must be a string");
    out = j[key].get<std::string>();
    return Status::Ok();
  };
  auto set = [&](const char* key, std::set<std::string>& out) -> Status {
    if (!j.contains(key)) return Status::Ok();
    if (!j[key].is_array()) return Status::Error(std::string("filter \"") + key + "\" must be an array of strings");
    out.clear();
    for (const auto& v : j[key]) {
      if (!v.is_string()) return Status::Error(std::string("filter \"") + key + "\" must be an array of strings");
      out.insert(v.get<std::string>());
    }
    return Status::Ok();
  };
  for (Status s : {str("text", f.text), set("languages", f.languages), set("sources", f.sources),
                   str("date_from", f.date_from), str("date_to", f.date_to)})
    if (!s.ok()) return s;
  return Status::Ok();
}

}  // namespace px
