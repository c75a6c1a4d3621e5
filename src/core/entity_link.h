// entity_link.h — one canonical entity per real-world thing across the corpus (issue 4).
//
// Links the mentions every analysed document carries (Analysis::mentions, entities.h) into
// Entities: by gazetteer id when known (Japan = Giappone = Япония = 日本 → "C:JP"), else by
// linking key with tolerant matching (Ishiba = Shigeru Ishiba = Исиба; Rutte = ルッテ = Рютте),
// Han-script names through their dictionary readings (石破茂 = Shigeru Ishiba, LinkOptions::han_names).
// The user's edits (merge, split, rename, retype) are applied last, so they always win.
//
//   EntityIndex idx = link_entities(corpus, edits, LinkOptions{});
//   for (const Entity& e : idx.entities) show(e.name, e.mentions.size());
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "corpus.h"
#include "entities.h"
#include "status.h"

namespace px {

class HanNames;

struct LinkOptions {
  bool demonyms_count = false;  // "japanisch", "giapponese" count as mentions of their country
  // The display name of a gazetteer id ("C:JP" -> "Japan"), e.g. the gazetteer's English name.
  // Unset or returning "": the most frequent Latin-script full form seen is used.
  std::function<std::string(const std::string& known_id)> known_name;
  // Latin readings of Han-script names (石破茂 -> "ishiba shigeru", 普京 -> "vladimir putin",
  // 基辅 -> "kyiv"), so they meet their Latin, Cyrillic and kana spellings. Null: Han-script
  // names link only by gazetteer id or to the same Han spelling.
  std::shared_ptr<const HanNames> han_names;
};

struct EntityIndex {
  std::vector<Entity> entities;                     // Entity::id == index
  // mention_entity[doc][mention] = entity id, or kNoEntity (dropped: e.g. a demonym when
  // demonyms do not count). Sized like the corpus and each document's mentions.
  std::vector<std::vector<uint32_t>> mention_entity;
  static constexpr uint32_t kNoEntity = UINT32_MAX;
  // The canonical key edits refer to (known_id, else the linking key of the main alias).
  std::vector<std::string> keys;                    // parallel to entities
};

EntityIndex link_entities(const Corpus& corpus, const std::vector<EntityEdit>& edits,
                          const LinkOptions& options);

// The tolerant form of a linking key that cross-script variants share: per token, sh/sch/ch/zh
// -> s, j/y -> i, w -> v, c/q -> k, z -> s, l -> r, ou -> u, a glide between consonant and vowel
// dropped, doubled letters single. "ishiba", "isiba" -> "isiba"; "rutte", "rjutte", "ryutte" -> "rute".
// With `east_asian` (the name was written in kana/Han), an echo u between consonants goes too:
// "makuron" (マクロン) -> "makron" like "macron".
std::string phonetic_key(std::string_view key, bool east_asian = false);

// Index of the entity whose canonical key is `key` (EntityIndex::keys), or kNoEntity.
uint32_t find_entity(const EntityIndex& index, std::string_view key);

// Persisted form of the user's edits: [{"kind":"merge","a":..,"b":..,"value":..}, ...].
nlohmann::json edits_to_json(const std::vector<EntityEdit>& edits);
Status edits_from_json(const nlohmann::json& j, std::vector<EntityEdit>& edits);

}  // namespace px
