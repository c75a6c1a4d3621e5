// han_names.h — Latin readings of names written in Han characters (issue 4, linking).
//
// Han script carries no sound the linker can compare: 石破茂 and "Shigeru Ishiba", 普京 and
// "Putin", 基辅 and "Kyiv" share no letters. This table (hannames/han-names.tsv, built by
// scripts/assets.d/hannames.py from CC-CEDICT and ENAMDICT) gives them the Latin keys the
// linker compares (entity_link.h, LinkOptions::han_names).
//
//   Result<HanNames> t = HanNames::load(asset_dir);
//   HanReading r;
//   if (t.ok() && t->find("石破茂", r)) use(r.keys);   // {"ishiba shigeru"}, surname "ishiba"
//
// Lookups: a name line's Han form (simplified and traditional both), a person's full name
// from a family line (石破 + 茂), and a family name alone (石破 → "ishiba") when it has two or
// more characters and one reading in the table.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "entities.h"
#include "status.h"

namespace px {

struct HanReading {
  EntityType type = EntityType::Misc;
  std::vector<std::string> keys;  // latin_key() of each Latin name: {"xi jinping"}, {"kyiv", "kiev"}
  std::string surname;            // people: latin_key() of the family name ("ishiba", "xi", "putin"); else ""
  bool family_only = false;       // the Han form is a family name alone (石破 → "ishiba")
};

class HanNames {
 public:
  // Reads <asset_dir>/hannames/han-names.tsv. The error names the missing file and the script
  // that makes it.
  static Result<HanNames> load(const std::string& asset_dir);
  // The same from the file's text (tests).
  static HanNames parse(std::string text);

  // The reading of `han` (exactly as written, e.g. a mention's Han key); false when unknown.
  bool find(std::string_view han, HanReading& out) const;
  size_t size() const { return index_.size(); }

 private:
  enum class Kind : uint8_t { Name, Person, Family };
  struct Entry {
    uint64_t hash;
    uint32_t line;   // byte offset of the line in text_
    uint32_t item;   // Person: byte offset of "GIVEN_HAN GivenLatin" in text_; else 0
    Kind kind;
  };
  bool read(const Entry& e, std::string_view han, HanReading& out) const;
  std::string text_;
  std::vector<Entry> index_;  // sorted by hash
};

}  // namespace px
