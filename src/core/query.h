// query.h — which articles the user is looking at: free text, facets, date range, sorting.
//
// One pass over the corpus computes the visible rows and, for every facet value, how many
// articles it would show given the other active filters (the counts next to each checkbox).
//
//   Filter f; f.text = "rutte"; f.languages = {"it"};
//   QueryResult r = run_query(corpus, f);
//   sort_rows(corpus, r.rows, SortColumn::Date, /*ascending=*/false);
#pragma once
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "corpus.h"

namespace px {

struct Filter {
  std::string text;                 // free text; terms AND-ed; "quoted phrase" kept whole
  std::set<std::string> languages;  // empty = all
  std::set<std::string> sources;    // empty = all
  std::string date_from, date_to;   // "YYYY-MM-DD", inclusive; empty = open
  bool empty() const { return text.empty() && languages.empty() && sources.empty() && date_from.empty() && date_to.empty(); }
};

struct FacetCount {
  std::string value;
  uint32_t count = 0;   // articles shown if this value were selected (other filters applied)
};

struct QueryResult {
  std::vector<uint32_t> rows;        // indices into the corpus, in corpus order
  std::vector<FacetCount> languages; // sorted by count, then value
  std::vector<FacetCount> sources;
  std::string min_date, max_date;    // over the whole corpus (for the date range widget)
};

QueryResult run_query(const Corpus& corpus, const Filter& filter);

enum class SortColumn { Source, Language, Date, Title, Words };
void sort_rows(const Corpus& corpus, std::vector<uint32_t>& rows, SortColumn column, bool ascending);

// JSON form of a filter (for the JS API and for saving the view): {"text":..,"languages":[..],..}
nlohmann::json filter_to_json(const Filter& f);
// Reads what is present; unknown keys are ignored. Returns an error for wrong types.
Status filter_from_json(const nlohmann::json& j, Filter& f);

}  // namespace px
