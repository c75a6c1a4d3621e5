// entities.h — the data contracts of the entity analysis (issue 4), shared by the stages:
//
//   1. recognition   ner.h        per document: Analysis::mentions (name spans, type, linking key)
//   2. linking       entity_link.h over the corpus: canonical entities, aliases, user edits
//   3. co-occurrence cooccur.h    entity pairs per sentence or paragraph, with evidence
//   4. charts        src/app/panel_entities.cpp draws 2 and 3
//
// Everything here is plain data: each stage owns its algorithms in its own file.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "document.h"

namespace px {

enum class EntityType : uint8_t { Person, Organisation, Location, Misc };
inline const char* entity_type_code(EntityType t) {  // the CoNLL labels: PER ORG LOC MISC
  switch (t) {
    case EntityType::Person: return "PER";
    case EntityType::Organisation: return "ORG";
    case EntityType::Location: return "LOC";
    default: return "MISC";
  }
}

// One name in one document (Analysis::mentions, sorted by span.begin, never overlapping).
struct MentionInfo {
  Span span;                 // the name as written: "Марком Рютте", "Kishidas", "石破茂"
  Span role;                 // a title or role in front, kept apart ("Prime Minister"); may be empty
  uint32_t sentence = 0;     // index into Analysis::sentences
  EntityType type = EntityType::Misc;
  std::string key;           // linking key: folded, inflection removed, Latin script ("rutte")
  std::string known_id;      // a gazetteer's language-independent id ("C:JP", "O:NATO"); empty if unknown
  bool demonym = false;      // "japanisch", "giapponese": stands for known_id's country
  float confidence = 1.f;    // 0..1
};

// A reference to one mention: document index in the Corpus, index in Analysis::mentions.
struct MentionRef {
  uint32_t doc = 0;
  uint32_t mention = 0;
};

// One real-world thing across every article, language and script.
struct Entity {
  uint32_t id = 0;                   // stable while the corpus does not change
  std::string name;                  // display name (user's rename wins)
  EntityType type = EntityType::Misc;
  std::string known_id;              // from the gazetteer when known
  std::vector<std::string> aliases;  // distinct surface forms seen, most frequent first
  std::vector<MentionRef> mentions;  // demonym mentions included only when the user turns that on
  uint32_t documents = 0;            // articles mentioning it
};

// What the user changed; persisted and applied after automatic linking, so it always wins.
struct EntityEdit {
  enum class Kind : uint8_t { Merge, Split, Rename, SetType } kind = Kind::Rename;
  std::string a;       // the entity's key (its canonical key: known_id, or the linking key)
  std::string b;       // Merge: merged into a; Split: the alias (folded) taken out of a
  std::string value;   // Rename: new name; SetType: "PER" / "ORG" / "LOC" / "MISC"
  // What the user saw when making the edit (display names of a and b), so the list of edits
  // can name them after the keys are gone (a merged entity's key no longer exists). Never used
  // for linking.
  std::string a_name, b_name;
};

enum class CooccurrenceScope : uint8_t { Sentence, Paragraph };

// Where a pair was seen together: the sentence (Sentence scope) or the first sentence of
// the paragraph's span that holds both (Paragraph scope).
struct Evidence {
  uint32_t doc = 0;
  uint32_t sentence = 0;
};

struct CooccurrencePair {
  uint32_t a = 0, b = 0;          // Entity ids, a < b
  uint32_t count = 0;             // units (sentences or paragraphs) holding both
  double npmi = 0.0;              // normalised PMI over units, -1..1
  std::vector<Evidence> evidence; // every unit, in corpus order
};

}  // namespace px
