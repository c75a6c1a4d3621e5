// ner.h — named-entity recognition (PER, ORG, LOC, MISC) in en de it fr es ru ja zh: rules,
// the gazetteer (gazetteer.h), dictionaries and corpus evidence; no statistical model (no
// package ships NER training data licensed for it, see docs/quality-ner.md).
//
//   EntityRecognizer ner = EntityRecognizer::load(asset_dir, gazetteer).value();
//   ner.find(doc, doc.analysis, &evidence);        // fills Analysis::mentions (analyze.cpp step 7)
//   std::vector<NerSpan> s = ner.tag(tokens, "de", nullptr);   // a token sequence (CLI, eval)
//
// What it does, for Latin and Cyrillic scripts:
//   - a name is a run of capitalised words (joined by "of", "de", "von", "della", "&"...);
//     a capitalised word at the start of a sentence, or any German noun, is a name only with
//     more evidence: not ordinary vocabulary (gazetteer common words, stopwords, months), or a
//     known name, a given name, or capitalised across the corpus but never in lower case;
//   - ALL-CAPS headlines: every word needs such evidence (capitalisation says nothing there);
//   - titles and roles in front ("Prime Minister", "Ministerpräsident", "il segretario generale
//     della NATO") go to MentionInfo::role, and make the name a person;
//   - type: the gazetteer (countries, cities, organisations, demonyms), then cue words
//     ("Party", "Universität", "Ministero", "River"), given names and roles, acronyms, earlier
//     mentions in the same text ("Kishida" after "Fumio Kishida"), the word before ("in Ohio");
//   - key: latin_key (translit.h) of the name with case endings removed ("Марком Рютте" and
//     "Марк Рютте" -> "mark ryutte", "Kishidas" -> "kishida").
// Japanese: katakana names and kanji names before a role suffix (首相, 氏, 事務総長), the
// gazetteer (日本, 東京, 北大西洋条約機構); Chinese: CC-CEDICT proper nouns (segment/zh.names).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "document.h"
#include "entities.h"
#include "status.h"

namespace px {

class Gazetteer;
struct NerLexicon;  // role words, cue words, connectors, stopwords: loaded once, shared by copies

// Corpus evidence: "a capitalised string that recurs across outlets and languages unchanged is
// very likely a name". Counts each word's capitalised occurrences inside sentences, its lower
// case occurrences, and in how many outlets and languages it was seen capitalised. Built once
// per corpus change (AnalysisJob::restart), like ParagraphRepeats; optional everywhere.
class NameEvidence {
 public:
  struct Counts {
    uint32_t capital_inside = 0;  // capitalised, not first in its sentence
    uint32_t lower = 0;           // written in lower case
    uint32_t sources = 0;         // distinct outlets with a capitalised occurrence (approx.)
    uint32_t languages = 0;       // distinct languages with a capitalised occurrence (approx.)
  };
  // A text (paragraphs of one article).
  void add_text(std::string_view text, std::string_view source, std::string_view lang);
  // A tokenised text (one word per token; punctuation tokens mark sentence starts).
  void add_tokens(const std::vector<std::string_view>& tokens, std::string_view source, std::string_view lang);
  Counts counts(std::string_view folded_word) const;
  size_t size() const { return words_.size(); }

 private:
  struct Entry {
    uint32_t capital_inside = 0, lower = 0;
    uint64_t source_bits = 0, language_bits = 0;  // one bit per hashed outlet / language
  };
  void add_word(std::string_view word, bool initial, uint64_t source_bit, uint64_t language_bit);
  // Keyed by the folded word's 64-bit hash: no string kept per distinct word (a collision only
  // merges two words' counts, which evidence tolerates), so building it stays one cheap pass.
  std::unordered_map<uint64_t, Entry> words_;
  std::string scratch_;
};

// One token for tag(): its text, and whether something other than spaces separated it from
// the token before (a comma, a quote: a name never spans that).
struct NerToken {
  std::string_view text;
  bool break_before = false;
  bool initial = false;  // first word of a sentence (or after ':' or an opening quote)
};

// A name found by tag(), in token indices: [begin, end); role [role_begin, role_end) (empty
// when role_begin == role_end) lies before begin.
struct NerSpan {
  uint32_t begin = 0, end = 0;
  uint32_t role_begin = 0, role_end = 0;
  EntityType type = EntityType::Misc;
  std::string key;
  std::string known_id;
  bool demonym = false;
  float confidence = 0.5f;
};

class EntityRecognizer {
 public:
  // Rules only: built-in cue words, no gazetteer, no stopwords, no Chinese proper nouns.
  EntityRecognizer();
  ~EntityRecognizer();
  EntityRecognizer(const EntityRecognizer&);
  EntityRecognizer& operator=(const EntityRecognizer&);
  EntityRecognizer(EntityRecognizer&&) noexcept;
  EntityRecognizer& operator=(EntityRecognizer&&) noexcept;

  // Reads lexicons/speaker_titles.tsv, stem/stopwords.txt and segment/zh.names from asset_dir
  // (each optional: what is missing is listed in `missing`) and keeps `gazetteer` (may be null:
  // then no known names, given names or common words).
  static EntityRecognizer load(const std::string& asset_dir, std::shared_ptr<const Gazetteer> gazetteer,
                               std::vector<std::string>* missing = nullptr);

  // Names in one sentence's tokens. Punctuation tokens may be included (CLI input): they are
  // never part of a name and break runs. `evidence` may be null.
  std::vector<NerSpan> tag(const std::vector<NerToken>& tokens, std::string_view lang,
                           const NameEvidence* evidence) const;

  // Remembers the people found so far in one text, so a later bare surname ("Kishida") is a
  // person too. tag() with a memory uses and extends it.
  struct Memory {
    std::unordered_map<std::string, EntityType> last_words;  // folded last word of a name -> type
    // Whole names typed with evidence (gazetteer, cue word, role, context; confidence >= 0.6)
    // -> that type: a later bare mention of the same name gets it ("one sense per discourse").
    std::unordered_map<std::string, EntityType> names;
  };
  std::vector<NerSpan> tag(const std::vector<NerToken>& tokens, std::string_view lang,
                           const NameEvidence* evidence, Memory* memory) const;

  // Analysis::mentions of a document whose tokens and sentences are analysed (chrome
  // sentences skipped).
  void find(const Document& doc, Analysis& analysis, const NameEvidence* evidence) const;

 private:
  std::shared_ptr<const NerLexicon> lex_;
  std::shared_ptr<const Gazetteer> gaz_;
};

// IOB2 tags ("B-PER", "I-PER", "O") for `n` tokens.
std::vector<std::string> to_iob2(const std::vector<NerSpan>& spans, size_t n);

}  // namespace px
