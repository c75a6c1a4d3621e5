// claims.h — the data contracts of the claim analysis (issue 5), shared by the stages:
//
//   1. bridges      bilingual.h    word -> English pivot concepts, from packaged dictionaries
//   2. units        claim_align.h  claim units per document: assertions, quotations, numbers
//   3. alignment    claim_align.h  candidates from an inverted index (entities, numbers,
//                                  pivot concepts), scored, grouped, each link explained
//   4. differences  claim_diff.h   per group: numbers, quote fidelity, reporting verbs,
//                                  hedges, evaluative words, attribution, entities, word diff
//   5. panel        src/app/panel_claims.cpp draws 2-4
//
// Everything here is plain data: each stage owns its algorithms in its own file. Spans are
// byte offsets into the Document that owns the unit (ClaimUnit::doc); nothing copies text
// except the short labels meant for display.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "document.h"

namespace px {

// Why a sentence (or clause) is a claim unit; a unit can be several at once.
enum ClaimKindBits : uint8_t {
  kClaimAssertion = 1,  // a declarative sentence with a finite verb that asserts something
  kClaimQuote = 2,      // a direct quotation (the unit's span is the quoted text)
  kClaimNumber = 4,     // holds a number, date, quantity, percentage or money
};

struct ClaimUnit {
  uint32_t id = 0;        // index in ClaimIndex::units
  uint32_t doc = 0;       // document index in the Corpus
  uint32_t sentence = 0;  // index into that document's Analysis::sentences
  Span span;              // the unit's text (a sentence, a clause of a long one, or a quote)
  int32_t quote = -1;     // index into Analysis::quotes when kinds has kClaimQuote
  uint8_t kinds = 0;      // ClaimKindBits
  std::string lang;       // the sentence's language (ISO 639-1)
};

// One piece of evidence that two units say the same thing.
enum class BridgeKind : uint8_t {
  Entity,       // the same linked entity (Japan = Giappone = 日本)
  Number,       // equal values (1,000 = 1.000 = mille), dates, years
  Translation,  // a dictionary bridge: it "benefici" -> en "benefit" <- en "benefits"
  SharedStem,   // same language, same stem ("strengthening" / "stronger" do not; "Japan" does)
};
inline const char* bridge_kind_name(BridgeKind k) {
  switch (k) {
    case BridgeKind::Entity: return "entity";
    case BridgeKind::Number: return "number";
    case BridgeKind::Translation: return "translation";
    default: return "stem";
  }
}

struct Bridge {
  BridgeKind kind = BridgeKind::SharedStem;
  Span a;            // the words in unit a's document
  Span b;            // the words in unit b's document
  float weight = 0;  // its share of the link's score (IDF-weighted), 0..1
  std::string via;   // what they met on, for display: "NATO", "1000", "benefit"
};

struct ClaimLink {
  uint32_t a = 0, b = 0;  // unit ids, a < b
  float score = 0;        // 0..1, comparable across language pairs
  std::vector<Bridge> bridges;
};

enum class DiffKind : uint8_t {
  Words,          // same language: word-level diff (inserted / deleted words)
  NumberMismatch, // both give a value for the same thing, and they differ (or one is corrupt: "XNUMX")
  NumberMissing,  // one gives a number or date the other leaves out
  QuoteFidelity,  // see QuoteFidelity
  ReportingVerb,  // the verbs differ in stance ("said" vs "claimed")
  Hedge,          // a hedge or certainty marker on one side only ("is expected to", "si prevede")
  Evaluative,     // a loaded or evaluative word on one side only ("smokescreen")
  Attribution,    // one names who said it, the other does not
  EntityAdded,    // an entity in b that a does not name
  EntityDropped,  // an entity in a that b does not name
};
const char* diff_kind_name(DiffKind k);  // claim_diff.cpp: "words", "number-mismatch", ...

enum class QuoteFidelity : uint8_t {
  None,             // not applicable (neither side quotes)
  Verbatim,         // same words (same language), or a faithful translation
  Trimmed,          // one is a contiguous part of the other
  Paraphrased,      // same content, different words
  Altered,          // a number, negation or entity changed inside the quote
  QuoteVsReported,  // a quote on one side, reported speech on the other
};
const char* quote_fidelity_name(QuoteFidelity f);  // claim_diff.cpp

struct Difference {
  DiffKind kind = DiffKind::Words;
  uint32_t a = 0, b = 0;          // unit ids (a is the group's reference unit)
  std::vector<Span> spans_a;      // what to mark in a's document
  std::vector<Span> spans_b;      // what to mark in b's document
  std::string label_a, label_b;   // short, for display: "said (neutral)", "1000", "XNUMX"
  std::string message;            // one sentence a user can read: why this is a difference
  QuoteFidelity fidelity = QuoteFidelity::None;  // for DiffKind::QuoteFidelity
  float severity = 0;             // 0..1: how much it changes what the reader learns
};

struct ClaimGroup {
  uint32_t id = 0;
  std::vector<uint32_t> members;  // unit ids; members[0] is the reference (most central)
  std::vector<ClaimLink> links;   // the links that joined the group (a spanning set at least)
  std::vector<Difference> differences;  // reference vs each other member
  float cohesion = 0;             // mean link score
  float disagreement = 0;         // 0..1, ranks the panel: severity-weighted differences
  uint32_t outlets = 0;           // distinct outlets among members
  uint32_t languages = 0;         // distinct languages among members
};

struct ClaimIndex {
  std::vector<ClaimUnit> units;
  std::vector<ClaimGroup> groups;      // sorted by disagreement, then size
  std::vector<int32_t> group_of_unit;  // parallel to units: group id, -1 if none
  // what it cost (docs/quality-claims.md reports these)
  uint64_t candidates_scored = 0;      // unit pairs scored (vs units^2 / 2 for all pairs)
  double build_ms = 0;
};

}  // namespace px
