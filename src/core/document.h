// document.h — one article: its metadata and its text, which it owns.
//
// Everything later stages find (paragraphs, sentences, entities, claims) is a Span of byte
// offsets into Document::text; components enrich a Document, they never copy its text.
//
//   Document d; d.text = "Title\n\nBody"; d.meta.title = "Title";
//   for (Span p : d.paragraphs) use(d.slice(p));
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace px {

struct Span {
  uint32_t begin = 0;  // byte offset into Document::text
  uint32_t end = 0;    // one past the last byte
  uint32_t size() const { return end - begin; }
  bool operator==(const Span&) const = default;
};

// Where each metadata value came from, so the Corpus view can show what was detected and
// what was given, and the user knows what to check.
enum class Provenance : uint8_t { Missing, Given, Detected, Edited };

struct ArticleMeta {
  std::string id;         // stable id: given, or derived from the file name / content hash
  std::string url;
  std::string source;     // the outlet: field, URL host, or file name
  std::string title;
  std::string published;  // ISO 8601 date "YYYY-MM-DD", empty when unknown
  std::string language;   // ISO 639-1 code, "und" when unknown
  float language_confidence = 0.f;  // 0..1
  std::string origin;     // how it arrived: file name, "paste", "url:..."
  Provenance source_from = Provenance::Missing;
  Provenance title_from = Provenance::Missing;
  Provenance published_from = Provenance::Missing;
  Provenance language_from = Provenance::Missing;
  nlohmann::json extra = nlohmann::json::object();  // unknown input fields, kept verbatim
};

// ---- annotations from the text pipeline (src/core/analyze.h fills them, in this order) ----
struct SentenceInfo {
  Span span;
  uint32_t paragraph = 0;          // index into Document::paragraphs
  std::string language;            // per sentence: a quoted foreign sentence gets its own
  float language_confidence = 0.f;
  bool boilerplate = false;        // inherited from its paragraph
};

struct TokenInfo {
  Span span;
  uint32_t sentence = 0;
  std::string stem;                // folded (case/accents) and stemmed; empty for punctuation
};

struct QuoteInfo {
  Span span;                       // the quoted text, quote marks excluded
  Span speaker;                    // empty (0,0) when the text names no speaker
  Span cue;                        // the reporting verb ("said", "ha affermato"), may be empty
};

enum class QuantityKind : uint8_t { Number, Percent, Money, Year, Date, Duration, Count };

struct QuantityInfo {
  Span span;
  QuantityKind kind = QuantityKind::Number;
  double value = 0.0;              // 1,000 / 1.000 / one thousand / mille / 千 -> 1000
  std::string unit;                // "%", "USD", "EUR", "year", "month", "warheads"...
  std::string iso;                 // for dates: "2030", "2025-05-22"
};

struct MentionInfo;  // entities.h (which includes this file for Span)

struct Analysis {
  // Out of line (ner.cpp), where MentionInfo is complete: entities.h needs Span from this file,
  // so this file cannot include it; std::vector allows the incomplete type until then.
  Analysis();
  ~Analysis();
  Analysis(const Analysis&);
  Analysis(Analysis&&) noexcept;
  Analysis& operator=(const Analysis&);
  Analysis& operator=(Analysis&&) noexcept;

  bool done = false;
  std::vector<bool> boilerplate;   // per paragraph (parallel to Document::paragraphs)
  std::vector<SentenceInfo> sentences;
  std::vector<TokenInfo> tokens;
  std::vector<QuoteInfo> quotes;
  std::vector<QuantityInfo> quantities;
  std::vector<MentionInfo> mentions;  // names (ner.h), sorted, never overlapping
};

struct Document {
  ArticleMeta meta;
  std::string text;               // UTF-8 body (NFC), title not repeated unless the input had it
  std::vector<Span> paragraphs;   // non-empty paragraphs of text
  uint32_t word_count = 0;
  std::vector<std::string> notes; // ingest notes for the user ("12 invalid bytes replaced")
  Analysis analysis;              // filled by analyze_document (not exported: recomputed)

  std::string_view slice(Span s) const {
    return std::string_view(text).substr(s.begin, s.end - s.begin);
  }
};

}  // namespace px
