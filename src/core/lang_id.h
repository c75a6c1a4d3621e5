// lang_id.h — language identification for whole articles and single sentences (176 languages).
//
// fastText's lid.176 model (compressed char n-gram classifier, read from
// <asset_dir>/langid/lid176.pxl, see scripts/assets.d/langid.sh) plus rules it lacks:
// unambiguous scripts decide alone (Hangul -> ko, kana -> ja, Han only -> zh, Thai, Greek,
// Georgian...), obscure Wikipedia varieties are down-weighted, and an optional prior (the
// article's language) settles short, ambiguous sentences ("Sì." in an Italian article).
// Codes are ISO 639-1, or ISO 639-3 when no 639-1 code exists; "und" when unsure.
//
//   Result<LanguageIdentifier> lid = LanguageIdentifier::load(asset_dir);
//   LanguageGuess g = lid->identify(sentence, doc.meta.language);   // {"it", 0.97}
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lang_detect.h"
#include "status.h"

namespace px {

struct LanguageIdModel;  // the loaded weights (lang_id.cpp)

// How identify() may judge. The defaults are what the pipeline wants; the other switches
// exist so tests/eval/eval_langid.sh can measure each ingredient on its own.
struct LanguageIdOptions {
  bool clean_view = true;       // the model reads the text lower-cased, punctuation/digits removed
  bool verbatim_view = true;    // ... and as given; with both, the two answers are averaged
  bool script_rules = true;     // unambiguous scripts decide without the model
  bool rarity_weights = true;   // obscure Wikipedia varieties need more evidence
  bool allow_unsure = true;     // "und" below kUnsureBelow instead of a weak guess
};

// What identify() answers by its script rule alone for text whose letters are all Han or
// kana: "ja" when there is kana, else "zh" — or "ja" when the prior (the article's language)
// is "ja": a kanji-only headline or line of a Japanese article is Japanese (confidence 1).
// Code "" for any other text (no letters, or letters of another script). Cheaper than
// identify(): no model, no copy.
LanguageGuess cjk_script_language(std::string_view utf8_text, std::string_view prior = {});

class LanguageIdentifier {
 public:
  // Reads <asset_dir>/langid/lid176.pxl. Error (with what to do) when missing or damaged.
  static Result<LanguageIdentifier> load(const std::string& asset_dir);

  // ISO 639-1 code (or ISO 639-3 when no 639-1 exists), "und" when unsure; confidence 0..1.
  // `prior`: the article's language, used to settle ambiguous short sentences.
  // Text longer than kMaxBytesExamined is judged on its beginning.
  LanguageGuess identify(std::string_view utf8_text, std::string_view prior = {}) const;
  LanguageGuess identify(std::string_view utf8_text, std::string_view prior,
                         const LanguageIdOptions& options) const;

  // The model's own k best labels and probabilities for `utf8_text` taken verbatim, exactly
  // as fastText's `predict-prob` would give them (no cleaning, no rules, no prior).
  std::vector<LanguageGuess> model_ranking(std::string_view utf8_text, size_t k) const;

  // Every code identify() can return (besides "und").
  std::vector<std::string> languages() const;

  static constexpr size_t kMaxBytesExamined = 16 * 1024;  // plenty for a stable article guess
  static constexpr float kUnsureBelow = 0.25f;    // posterior under this -> "und"
  static constexpr float kSecondViewBelow = 0.9f;  // verbatim view consulted under this
  static constexpr float kPriorBoost = 10.f;      // the prior language's odds multiplier
  static constexpr float kRareLanguageWeight = 0.05f;  // odds multiplier of obscure varieties

 private:
  std::shared_ptr<const LanguageIdModel> model_;  // shared: copies are cheap and read-only
};

}  // namespace px
