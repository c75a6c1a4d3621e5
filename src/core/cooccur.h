// cooccur.h — which entities appear together, how strongly, and where (issue 4).
//
// A unit is a non-chrome sentence or paragraph (the user's choice) of a document in `docs`.
// Each pair of distinct entities in a unit counts once for it; NPMI over units ranks pairs by
// association rather than by frequency. Every pair keeps its evidence (doc, sentence).
//
//   CooccurrenceOptions o; o.scope = CooccurrenceScope::Sentence; o.docs = rows;
//   Cooccurrence c = cooccur(corpus, index, o);
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "corpus.h"
#include "entities.h"
#include "entity_link.h"

namespace px {

struct CooccurrenceOptions {
  CooccurrenceScope scope = CooccurrenceScope::Sentence;
  std::vector<uint32_t> docs;  // corpus indices to count over (the filtered rows); empty = all
  uint32_t min_count = 1;      // pairs seen fewer times are left out
};

struct Cooccurrence {
  uint32_t units = 0;                   // units counted (denominator of the probabilities)
  std::vector<uint32_t> entity_units;   // per entity id: units it occurs in
  std::vector<CooccurrencePair> pairs;  // sorted by count desc, then npmi desc
};

Cooccurrence cooccur(const Corpus& corpus, const EntityIndex& index, const CooccurrenceOptions& options);

// Mentions per entity split by a document field, for the bar charts and the per-outlet /
// per-language views: counts[entity][group], groups sorted by name.
struct EntityBreakdown {
  std::vector<std::string> groups;               // outlets, languages or dates (YYYY-MM-DD)
  std::vector<std::vector<uint32_t>> counts;     // [entity id][group index]
};
enum class BreakdownField { Source, Language, Date };
EntityBreakdown breakdown(const Corpus& corpus, const EntityIndex& index,
                          const std::vector<uint32_t>& docs, BreakdownField field);

}  // namespace px
