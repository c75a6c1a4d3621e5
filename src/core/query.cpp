#include "query.h"

#include <utf8proc.h>

#include <algorithm>
#include <map>

#include "encoding.h"
#include "text_fold.h"

namespace px {

namespace {

bool is_word_codepoint(char32_t cp) {
  const utf8proc_category_t c = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME) ||  // letters and marks
         (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);    // digits and numbers
}

// The term without the punctuation around it ("(Rutte," -> "Rutte"), for stemming; empty
// when it has no letter or digit at all.
std::string_view trim_to_word(std::string_view t) {
  size_t begin = t.size(), end = 0;
  for (size_t i = 0; i < t.size();) {
    const size_t at = i;
    if (is_word_codepoint(next_codepoint(t, i))) {
      begin = std::min(begin, at);
      end = i;
    }
  }
  return begin < end ? t.substr(begin, end - begin) : std::string_view();
}

}  // namespace

std::vector<SearchTerm> parse_search(std::string_view query) {
  // The same splitting as search_terms() (text_fold.h), keeping what was typed for stemming.
  std::vector<SearchTerm> terms;
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  size_t i = 0;
  while (i < query.size()) {
    while (i < query.size() && is_space(query[i])) ++i;
    if (i >= query.size()) break;
    if (query[i] == '"') {
      const size_t close = query.find('"', i + 1);
      const size_t end = close == std::string_view::npos ? query.size() : close;
      SearchTerm t;
      t.folded = fold_for_search(query.substr(i + 1, end - i - 1));
      if (!t.folded.empty()) terms.push_back(std::move(t));  // word stays empty: exact
      i = end + 1;
      continue;
    }
    size_t end = i;
    while (end < query.size() && !is_space(query[end])) ++end;
    const std::string_view typed = query.substr(i, end - i);
    SearchTerm t;
    t.folded = fold_for_search(typed);
    t.word = std::string(trim_to_word(typed));
    if (!t.folded.empty()) terms.push_back(std::move(t));
    i = end;
  }
  return terms;
}

std::vector<std::string> term_stems(const SearchTerm& term, std::string_view lang, const Stemmer& stemmer) {
  std::vector<std::string> stems;
  if (term.word.empty() || !stemmer.supports(lang)) return stems;
  stems.push_back(match_key(term.word, lang, stemmer));
  std::string folded = match_key(fold_for_search(term.word), lang, stemmer);
  if (folded != stems.front()) stems.push_back(std::move(folded));
  return stems;
}

QueryResult run_query(const Corpus& corpus, const Filter& filter) {
  QueryResult r;
  const std::vector<SearchTerm> terms = parse_search(filter.text);
  // Which articles have a word with each term's stem (bit t of stem_hits[i]), from the
  // corpus's inverted index: the term is stemmed once per language present, and only the
  // lists of those stems are read, not every article.
  constexpr size_t kMaxStemmedTerms = 32;  // bits of a stem_hits entry; later terms: substrings
  std::vector<uint32_t> stem_hits;
  for (size_t t = 0; t < terms.size() && t < kMaxStemmedTerms; ++t)
    for (const std::string& lang : corpus.stem_languages())
      for (const std::string& stem : term_stems(terms[t], lang, corpus.stemmer()))
        if (const std::vector<uint32_t>* docs = corpus.articles_with_stem(stem_key(lang, stem))) {
          if (stem_hits.empty()) stem_hits.assign(corpus.size(), 0);
          for (uint32_t d : *docs) stem_hits[d] |= 1u << t;
        }
  auto term_matches = [&](uint32_t i, size_t t) {
    if (!stem_hits.empty() && t < kMaxStemmedTerms && (stem_hits[i] >> t & 1u)) return true;
    return corpus.search_key(i).find(terms[t].folded) != std::string::npos;
  };
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
    for (size_t t = 0; base && t < terms.size(); ++t) base = term_matches(i, t);
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

std::vector<Span> find_search_hits(const Document& doc, const std::vector<SearchTerm>& terms,
                                   const Stemmer& stemmer, size_t max_hits) {
  std::vector<Span> hits;
  for (const SearchTerm& term : terms)
    for (Span p : doc.paragraphs)
      for (Span s : find_folded(doc.slice(p), term.folded, max_hits))
        hits.push_back({p.begin + s.begin, p.begin + s.end});
  // Whole words whose stem is a term's stem, in the language of the word's sentence. The
  // stems of all terms per language are computed once (an article has one or two languages).
  std::vector<std::pair<std::string, std::vector<std::string>>> stems_by_lang;
  const std::vector<std::string>* stems = nullptr;
  uint32_t sentence = UINT32_MAX;
  const Analysis& an = doc.analysis;
  for (const TokenInfo& tok : an.tokens) {
    if (!an.done) break;
    if (tok.sentence != sentence) {
      sentence = tok.sentence;
      const std::string& lang = sentence < an.sentences.size() ? an.sentences[sentence].language : doc.meta.language;
      auto it = std::find_if(stems_by_lang.begin(), stems_by_lang.end(), [&](const auto& e) { return e.first == lang; });
      if (it == stems_by_lang.end()) {
        std::vector<std::string> all;
        for (const SearchTerm& term : terms)
          for (std::string& s : term_stems(term, lang, stemmer)) all.push_back(std::move(s));
        stems_by_lang.emplace_back(lang, std::move(all));
        it = stems_by_lang.end() - 1;
      }
      stems = &it->second;
    }
    if (!tok.stem.empty() && std::find(stems->begin(), stems->end(), tok.stem) != stems->end()) hits.push_back(tok.span);
  }
  std::sort(hits.begin(), hits.end(), [](Span a, Span b) { return a.begin < b.begin || (a.begin == b.begin && a.end > b.end); });
  std::vector<Span> merged;
  for (Span h : hits) {
    if (!merged.empty() && h.begin < merged.back().end) merged.back().end = std::max(merged.back().end, h.end);
    else if (merged.size() < max_hits) merged.push_back(h);
    else break;
  }
  return merged;
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
