// claims_stub.cpp — TEMPORARY stand-ins for the claim stages, deleted by the lead on merge.
//
// Why it exists: the Claims panel (src/app/panel_claims.cpp) was built at the same time as
// the stages it draws, by other helpers on other branches (wt-dict: bilingual.cpp, wt-diff:
// claim_diff.cpp; wt-align's claim_align.cpp is merged). These definitions let the app link
// and its panel tests run meanwhile: no word bridges, no differences. Each section goes when
// the branch that implements it is merged; none of it is a design.
#include <filesystem>

#include "bilingual.h"
#include "claim_diff.h"

namespace px {

//------------------------------------------------------------------------------------------
// stand-in for bilingual.cpp (wt-dict)
//------------------------------------------------------------------------------------------
struct BilingualDict::Impl {};
BilingualDict::BilingualDict() : impl_(std::make_unique<Impl>()) {}
BilingualDict::~BilingualDict() = default;
BilingualDict::BilingualDict(BilingualDict&&) noexcept = default;
BilingualDict& BilingualDict::operator=(BilingualDict&&) noexcept = default;
Result<BilingualDict> BilingualDict::load(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir + "/bridge", ec))
    return Result<BilingualDict>::Error(dir + "/bridge is missing: scripts/make-assets.sh generates it");
  return BilingualDict();
}
BilingualDict BilingualDict::empty() { return BilingualDict(); }
Status BilingualDict::add_tsv(std::string_view, std::string_view, const Stemmer&) { return Status::Ok(); }
std::span<const uint32_t> BilingualDict::concepts(std::string_view, std::string_view, const Stemmer&) const { return {}; }
std::string_view BilingualDict::concept_name(uint32_t) const { return {}; }
bool BilingualDict::covers(std::string_view lang) const { return lang == "en"; }
Status BilingualDict::language_status(std::string_view) const { return Status::Ok(); }
size_t BilingualDict::entries(std::string_view) const { return 0; }

//------------------------------------------------------------------------------------------
// stand-in for claim_diff.cpp (wt-diff)
//------------------------------------------------------------------------------------------
struct DiffLexicons::Impl {};
DiffLexicons::DiffLexicons() : impl_(std::make_unique<Impl>()) {}
DiffLexicons::~DiffLexicons() = default;
DiffLexicons::DiffLexicons(DiffLexicons&&) noexcept = default;
DiffLexicons& DiffLexicons::operator=(DiffLexicons&&) noexcept = default;
Result<DiffLexicons> DiffLexicons::load(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir + "/lexicons", ec))
    return Result<DiffLexicons>::Error(dir + "/lexicons is missing: scripts/make-assets.sh generates it");
  return DiffLexicons();
}
DiffLexicons DiffLexicons::empty() { return DiffLexicons(); }
const char* diff_kind_name(DiffKind k) {
  switch (k) {
    case DiffKind::Words: return "words";
    case DiffKind::NumberMismatch: return "number-mismatch";
    case DiffKind::NumberMissing: return "number-missing";
    case DiffKind::QuoteFidelity: return "quote-fidelity";
    case DiffKind::ReportingVerb: return "reporting-verb";
    case DiffKind::Hedge: return "hedge";
    case DiffKind::Evaluative: return "evaluative";
    case DiffKind::Attribution: return "attribution";
    case DiffKind::EntityAdded: return "entity-added";
    case DiffKind::EntityDropped: return "entity-dropped";
  }
  return "";
}
const char* quote_fidelity_name(QuoteFidelity f) {
  switch (f) {
    case QuoteFidelity::None: return "none";
    case QuoteFidelity::Verbatim: return "verbatim";
    case QuoteFidelity::Trimmed: return "trimmed";
    case QuoteFidelity::Paraphrased: return "paraphrased";
    case QuoteFidelity::Altered: return "altered";
    case QuoteFidelity::QuoteVsReported: return "quote-vs-reported";
  }
  return "";
}
std::vector<Difference> compare_units(const Corpus&, const EntityIndex*, const DiffLexicons&, const ClaimUnit&,
                                      const ClaimUnit&, const ClaimLink*) {
  return {};
}
void add_differences(const Corpus&, const EntityIndex*, const DiffLexicons&, ClaimIndex&) {}

}  // namespace px
