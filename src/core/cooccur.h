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
#include <memory>
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

// NPMI of a pair seen together in `ab` of `n` units, the entities alone in `a` and `b` units,
// shrunk towards 0 by ab / (ab + kNpmiShrink): with raw NPMI two entities seen once, together,
// score 1.0, the top of the chart, on one sentence of evidence. The shrink keeps a 1-unit pair
// at a third of its NPMI and a 20-unit pair at 91%, so well-attested associations lead.
constexpr double kNpmiShrink = 2.0;
double npmi(uint32_t ab, uint32_t a, uint32_t b, uint32_t n);

// cooccur() a slice at a time, for the browser's frame budget (the result is the same):
//   CooccurrenceJob job(corpus, index, options);
//   each frame: if (!job.step(corpus, index, 4.0)) result = job.take();
// The corpus and index must not change while it runs (restart it when they do).
class CooccurrenceJob {
 public:
  CooccurrenceJob(const Corpus& corpus, const EntityIndex& index, const CooccurrenceOptions& options);
  ~CooccurrenceJob();
  CooccurrenceJob(CooccurrenceJob&&) noexcept;
  CooccurrenceJob& operator=(CooccurrenceJob&&) noexcept;
  // Counts documents until `budget_ms` is spent (at least one document). True while work remains.
  bool step(const Corpus& corpus, const EntityIndex& index, double budget_ms);
  size_t done() const;
  size_t total() const;
  // The result, once step() returned false (it finishes the work if called earlier).
  Cooccurrence take(const Corpus& corpus, const EntityIndex& index);

 private:
  struct State;
  std::unique_ptr<State> s_;
};

// Mentions per entity split by a document field, for the bar charts and the per-outlet /
// per-language views: counts[entity][group], groups sorted by name. Documents without the
// field (no outlet, no date) are in the group "" (first). `docs` empty = all documents.
struct EntityBreakdown {
  std::vector<std::string> groups;               // outlets, languages or dates (YYYY-MM-DD)
  std::vector<std::vector<uint32_t>> counts;     // [entity id][group index]
};
enum class BreakdownField { Source, Language, Date };
EntityBreakdown breakdown(const Corpus& corpus, const EntityIndex& index,
                          const std::vector<uint32_t>& docs, BreakdownField field);

}  // namespace px
