// gazetteer.h — the entity resources the recogniser (ner.h) and linker (entity_link.h) consult:
// known names (countries, regions, cities, organisations, demonyms) with language-independent
// ids, given names, and per-language common-word / proper-noun lists from Hunspell dictionaries.
// All generated at build time from packages (scripts/assets.d/entities.sh, docs/entities-data.md)
// into <asset_dir>/entities/; nothing is fetched at run time.
//
//   Result<Gazetteer> g = Gazetteer::load(asset_dir);
//   for (const KnownName& k : g->lookup(fold_for_search("Corea del Nord"))) use(k.id);  // "C:KP"
//   g->lookup(fold_for_search("giapponese"));   // {"C:JP", Misc, demonym=true}
//   g->display_name("C:JP", "it");               // "Giappone"
//   g->is_common_word(fold_for_search("Bündnis"), "de");  // true: capitalised, yet vocabulary
//
// Keys are fold_for_search() forms (text_fold.h: compatibility-decomposed, case-folded, accents
// stripped), words separated by ONE space (a tokenizer's words, joined: "north korea"; CJK names
// are single keys with no spaces: "北朝鮮"). The asset holds keys folded at build time by the
// same fold_for_search code (compiled natively by the asset script), so they match run time.
//
// Ids: "C:JP" countries and territories (ISO 3166-1 alpha-2), "R:150" regions and continents
// (CLDR/UN M49 codes), "L:1850147" cities (GeoNames id), "O:NATO" organisations.
// A default-constructed Gazetteer knows nothing (every lookup empty, every test false).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "entities.h"
#include "status.h"

namespace px {

struct KnownName {
  std::string id;                             // "C:JP", "O:NATO", "L:1850147", "R:150"
  EntityType type = EntityType::Misc;         // countries/regions/cities Location, orgs Organisation,
                                              // demonyms Misc
  bool demonym = false;                       // "japanisch": stands for the country `id`
  // Every source spelling of this key for this id is all capitals ("UN", "US", "IS", "LA"):
  // take it only when the text writes it in capitals too, at least where the key is also a
  // common word ("un" in fr/it/es, "us" in en).
  bool acronym = false;
};

class Gazetteer {
 public:
  Gazetteer();
  ~Gazetteer();
  Gazetteer(Gazetteer&&) noexcept;
  Gazetteer& operator=(Gazetteer&&) noexcept;

  // Reads asset_dir/entities/{names.tsv, words.bin}. A missing or damaged file is an error
  // naming the file and saying how to regenerate it.
  static Result<Gazetteer> load(const std::string& asset_dir);

  // Every entry whose key is `folded`; ambiguous keys give several ("san jose": cities in
  // Costa Rica and the USA; "mexico": the country and Mexico City). Countries and
  // organisations come first, then regions, cities, demonyms.
  std::vector<KnownName> lookup(std::string_view folded) const;
  // True when some key starts with `folded` followed by a space ("north" for "north korea",
  // "bosnia and" for "bosnia and herzegovina"): a multi-word scan should go on.
  bool has_longer(std::string_view folded) const;

  // The name of `id` in `lang` (CLDR/iso-codes for countries and regions, the file's own for
  // organisations, GeoNames' name for cities), falling back to English, then to the id itself.
  std::string display_name(std::string_view id, std::string_view lang = "en") const;

  // A given (first) name, any language: Grammalecte's tagged first names (hunspell-fr).
  // Hashed: one false positive in ~512-1024 other words.
  bool is_given_name(std::string_view folded) const;
  // A weaker person signal: a given name, or one of npm humannames' 197,000 first and last
  // names that is not a word form in the en de fr it es dictionaries nor a place key
  // ("kishida", "merz"; not "rutte", "ishiba", "meloni"). Hashed like the word lists.
  bool is_name_part(std::string_view folded) const;

  // Ordinary vocabulary in `lang` (en de fr it es ru), so capitalisation alone is not a name
  // signal (German nouns; any sentence-initial word). en, de: the exact word form is in the
  // Hunspell dictionary's expanded forms; fr it es ru: its Snowball stem is the stem of such a
  // form (the full form lists are too large to ship), so names that stem like words count too
  // (it "Meloni" ~ melone): ask this for sentence-initial words and German nouns, do not veto a
  // mid-sentence capital with it. de: country, region and city names are left out ("Japan");
  // given names that are words are not ("Mark", "April"). Hashed: one false positive in
  // ~512-1024 other words. False for an unknown language.
  bool is_common_word(std::string_view folded, std::string_view lang) const;

  // The dictionary knows the word only capitalised (a proper noun: "Marseille", "Europe"), in
  // en fr it es ru (German capitalises every noun, so its dictionary cannot tell: always false).
  bool is_proper_noun(std::string_view folded, std::string_view lang) const;

  // The type of a name the gazetteer has no id for, any language: states, provinces, Länder,
  // oblasts (CLDR + iso-codes subdivisions: "ohio", "bayern", "калифорния"), WordNet's
  // capitalised nouns typed by hypernym ("einstein" PER, "potomac" LOC, "beatles" ORG,
  // "easter" MISC), GeoNames places of 15,000+ people that are no dictionary word or person
  // name. Keys as for lookup() (multi-word: "new south wales"). Hashed: one false positive in
  // ~512-1024 other keys. False when unknown (then `type` is unchanged).
  bool name_type(std::string_view folded, EntityType& type) const;

  uint32_t max_words() const;  // the longest key, in space-separated words

  // Sizes, for reports and tests.
  size_t name_count() const;   // keys
  size_t id_count() const;     // distinct ids
  bool has_words(std::string_view lang) const;  // a common-word list for `lang` was loaded

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace px
