// claim_diff.h — how two units of one claim group differ, named and explained (issue 5).
//
// For each member against the group's reference unit: numbers, dates and units that disagree
// or are missing (a corrupt "XNUMX" included), quote fidelity (verbatim / trimmed /
// paraphrased / altered / quote vs reported speech), reporting verbs and their stance
// (lexicons/reporting_verbs.tsv), hedges and certainty (lexicons/hedges.tsv), evaluative
// words (lexicons/evaluative.tsv), attribution present or missing, entities added or dropped,
// and a word-level diff for same-language pairs. Each Difference carries spans to mark and
// a sentence a user can read.
//
//   Result<DiffLexicons> lex = DiffLexicons::load(asset_dir);
//   add_differences(corpus, &entities, *lex, index);   // fills differences, disagreement; re-sorts
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "claims.h"
#include "status.h"

namespace px {

class Corpus;
struct EntityIndex;

// The word lists behind reporting verbs, hedges and evaluative words, every full-analysis
// language, each file naming its sources in its header comments.
class DiffLexicons {
 public:
  DiffLexicons();
  ~DiffLexicons();
  DiffLexicons(DiffLexicons&&) noexcept;
  DiffLexicons& operator=(DiffLexicons&&) noexcept;
  static Result<DiffLexicons> load(const std::string& asset_dir);
  static DiffLexicons empty();  // no lexicons: numbers, entities, quotes and word diff only

 private:
  friend struct DiffAccess;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The differences between unit `a` (the reference) and unit `b`, highest severity first.
// `link` (may be null) lends its bridges to cross-language comparisons; `entities` (may be
// null) names entities. docs/claims-differences.md says how each kind is found.
std::vector<Difference> compare_units(const Corpus& corpus, const EntityIndex* entities,
                                      const DiffLexicons& lex, const ClaimUnit& a,
                                      const ClaimUnit& b, const ClaimLink* link);

// Fills every group's differences and disagreement, then sorts groups by disagreement
// (ties: more outlets first) and renumbers group ids and group_of_unit to match.
void add_differences(const Corpus& corpus, const EntityIndex* entities, const DiffLexicons& lex,
                     ClaimIndex& index);

}  // namespace px
