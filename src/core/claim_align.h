// claim_align.h — claim units, and the groups of units that say the same thing (issue 5).
//
// A unit's content is a bag of weighted features: linked entities, number/date values, and
// English pivot concepts of its content words (bilingual.h; an English word is its own
// concept). Candidates come from an inverted index over the rarer features, never from
// comparing every unit with every other; each candidate pair is scored (IDF-weighted overlap,
// comparable across language pairs) and every link keeps the bridges that made it.
// Groups are connected components of links above a threshold, restricted to units of
// different documents. See docs/quality-claims.md for accuracy, cost and speed.
//
//   ClaimJob job(corpus, &entities, dict, stemmer, ClaimOptions{});
//   each frame: if (!job.step(corpus, 8.0)) index = job.take(corpus);
//   add_differences(corpus, &entities, lexicons, index);     // claim_diff.h
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "claims.h"

namespace px {

class Corpus;
class BilingualDict;
class Stemmer;
class Stopwords;
struct EntityIndex;
struct TextResources;

struct ClaimOptions {
  float min_link_score = 0.35f;       // links below this do not join groups
  size_t max_candidates_per_unit = 64;
  bool same_document = false;         // units of one document never group with each other
  // Function words weigh less (TextResources::stopwords); null: every word weighs by IDF only.
  const Stopwords* stopwords = nullptr;
};

// The claim units of one analysed document (boilerplate excluded), in text order.
std::vector<ClaimUnit> claim_units(const Document& doc, uint32_t doc_index);

// Builds the ClaimIndex a slice at a time (the browser has one thread). The corpus, entity
// index and dictionary must not change while it runs: restart it when they do.
class ClaimJob {
 public:
  ClaimJob(const Corpus& corpus, const EntityIndex* entities, const BilingualDict& dict,
           const Stemmer& stemmer, const ClaimOptions& options);
  ~ClaimJob();
  ClaimJob(ClaimJob&&) noexcept;
  ClaimJob& operator=(ClaimJob&&) noexcept;
  bool step(const Corpus& corpus, double budget_ms);  // true while work remains
  float progress() const;                             // 0..1
  const char* phase() const;                          // "units", "candidates", "groups"
  ClaimIndex take(const Corpus& corpus);              // finishes the work if called early

 private:
  struct State;
  std::unique_ptr<State> s_;
};

// Everything at once (CLI, tests).
ClaimIndex build_claims(const Corpus& corpus, const EntityIndex* entities,
                        const BilingualDict& dict, const Stemmer& stemmer,
                        const ClaimOptions& options);

// `parallax align A B`: for each sentence of `a`, the best sentence of `b` (-1 if none scores
// above min_link_score) and its score. Each line's language is detected alone.
struct SentenceMatch {
  int32_t best = -1;
  float score = 0;
};
std::vector<SentenceMatch> align_sentences(const std::vector<std::string>& a,
                                           const std::vector<std::string>& b,
                                           const TextResources& res, const BilingualDict& dict,
                                           const ClaimOptions& options);

}  // namespace px
