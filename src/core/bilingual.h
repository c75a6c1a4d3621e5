// bilingual.h — word bridges between the full-analysis languages through an English pivot.
//
// Each language xx in {de, it, fr, es, ru, ja, zh} has a dictionary asset
// <asset_dir>/bridge/xx-en.tsv generated at build time from packaged dictionaries
// (scripts/assets.d/bridge.sh; sources, licences and byte costs in docs/claims-data.md and
// assets/LICENSES.md). A word in any language maps to a few English "concepts": the match_key
// (stem.h) of an English translation. Two words in different languages bridge when they share
// a concept; an English word's concept is its own match key (and its lemma's when irregular).
//
//   Result<BilingualDict> d = BilingualDict::load(asset_dir);
//   for (uint32_t c : d->concepts("it", stemmer.match_key("benefici", "it"))) ...
//   d->concept_name(c)   // "benefit"
//
// Keys on both sides are match keys (lowercase, stemmed in their language, accents folded),
// computed when a language is first used, so a stemmer change never needs new assets.
// Loading is lazy per language: a corpus in English and Italian never reads the Russian file.
#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "status.h"

namespace px {

class Stemmer;

class BilingualDict {
 public:
  BilingualDict();
  ~BilingualDict();
  BilingualDict(BilingualDict&&) noexcept;
  BilingualDict& operator=(BilingualDict&&) noexcept;

  // Checks that <asset_dir>/bridge/ exists; reads nothing else yet. An error says which
  // directory and that scripts/make-assets.sh generates it.
  static Result<BilingualDict> load(const std::string& asset_dir);
  // An empty dictionary (tests; or no assets: only English and shared stems then bridge).
  static BilingualDict empty();
  // Tests: one language's entries given as "word<TAB>english; english" lines, file format.
  Status add_tsv(std::string_view lang, std::string_view tsv_text, const Stemmer& stemmer);

  // English concept ids for `key` (a match key in `lang`). For lang "en": the key's own
  // concept, plus its lemma's for an irregular form (knew -> know; bridge/en-forms.tsv). Unknown word: empty (German: an unknown compound gets the concepts of its head,
  // then of its modifier). Reads and indexes lang's file on first use (errors are
  // remembered: see language_status).
  std::span<const uint32_t> concepts(std::string_view lang, std::string_view key,
                                     const Stemmer& stemmer) const;
  // Reads and keys `lang`'s dictionary a slice at a time, for the browser's frame budget (the
  // whole file costs a few hundred ms in wasm): call until it returns false; concepts() then
  // finds the language loaded. concepts() on a language still loading finishes the load.
  bool prepare(std::string_view lang, const Stemmer& stemmer, double budget_ms) const;
  std::string_view concept_name(uint32_t concept_id) const;  // the English match key
  bool covers(std::string_view lang) const;       // a dictionary exists (always true for en)
  Status language_status(std::string_view lang) const;  // why a language has no bridges
  size_t entries(std::string_view lang) const;    // headwords loaded (0 before first use)

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace px
