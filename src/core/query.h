// query.h — which articles the user is looking at: free text, facets, date range, sorting.
//
// One pass over the corpus computes the visible rows and, for every facet value, how many
// articles it would show given the other active filters (the counts next to each checkbox).
//
// Free text: terms are AND-ed. A term matches an article when its folded form (text_fold.h:
// case and accents ignored) occurs anywhere in the title or text, or when its stem equals the
// stem of one of the article's words, stemmed in that word's language (stem.h), so
// "negotiation" finds "negotiated", "Verhandlungen" finds "Verhandlung". Stems exist once the
// text pipeline has analysed the article (Corpus::articles_with_stem); before that, and for
// languages without a stemmer (ja, zh), substrings alone match. A "quoted phrase" matches exactly
// (folded substring only), which is also how to ask for one exact word form.
//
//   Filter f; f.text = "rutte"; f.languages = {"it"};
//   QueryResult r = run_query(corpus, f);
//   sort_rows(corpus, r.rows, SortColumn::Date, /*ascending=*/false);
//   for (Span s : find_search_hits(doc, parse_search("negotiations"), corpus.stemmer())) mark(s);
#pragma once
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "corpus.h"

namespace px {

struct Filter {
  std::string text;                 // free text; terms AND-ed; "quoted phrase" kept whole and exact
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

// One term of a free-text search.
struct SearchTerm {
  std::string folded;  // fold_for_search of the term: the substring looked for
  std::string word;    // the term as typed, outer punctuation trimmed, for stemming; empty for
                       // a "quoted phrase" (exact) or a term with no letter or digit
};
// Splits a query like text_fold.h search_terms() does (whitespace; "quoted phrases" whole).
std::vector<SearchTerm> parse_search(std::string_view query);

// A term's match keys (stem.h match_key) in `lang`: of the word as typed and, when it differs,
// of its folded form. Both, because Snowball's suffixes carry accents: "cooperación" and
// "cooperacion" stem differently. Empty for an exact term or a language without a stemmer.
std::vector<std::string> term_stems(const SearchTerm& term, std::string_view lang, const Stemmer& stemmer);

// Where the terms occur in one article's text (Document::text offsets): every occurrence of a
// folded term inside a paragraph and every word whose stem (TokenInfo::stem) is one of the
// term's stems in the word's sentence language. Sorted, overlapping hits merged into one, at
// most `max_hits`. For the Reader's marks; it does not check that every term occurs.
std::vector<Span> find_search_hits(const Document& doc, const std::vector<SearchTerm>& terms,
                                   const Stemmer& stemmer, size_t max_hits = 10000);

enum class SortColumn { Source, Language, Date, Title, Words };
void sort_rows(const Corpus& corpus, std::vector<uint32_t>& rows, SortColumn column, bool ascending);

// JSON form of a filter (for the JS API and for saving the view): {"text":..,"languages":[..],..}
nlohmann::json filter_to_json(const Filter& f);
// Reads what is present; unknown keys are ignored. Returns an error for wrong types.
Status filter_from_json(const nlohmann::json& j, Filter& f);

}  // namespace px
