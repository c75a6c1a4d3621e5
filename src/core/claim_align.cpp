// claim_align.cpp — claim units, their features, candidate pairs from an inverted index,
// scored links with their bridges, and groups (claim_align.h).
//
// [SECTION] constants          every threshold and weight, named
// [SECTION] helpers            hashing, spans, token tests
// [SECTION] units              which sentences, quotes and clauses are claim units
// [SECTION] features           a unit as weighted slots (a word, a name, a number), each a
//                              small set of feature ids (English pivot concepts, entity, value)
// [SECTION] scoring            coverage of each side by the other, IDF-weighted; bridges
// [SECTION] candidates         inverted index over the rarer features, top-k per unit
// [SECTION] grouping           average-link merging with one unit per document
// [SECTION] ClaimJob           the phases a slice at a time
// [SECTION] align_sentences    `parallax align A B`
#include "claim_align.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "analyze.h"
#include "bilingual.h"
#include "corpus.h"
#include "entities.h"
#include "entity_link.h"
#include "lang_detect.h"
#include "lang_id.h"
#include "ner.h"
#include "quantities.h"
#include "quotes.h"
#include "segment.h"
#include "stem.h"
#include "stopwords.h"
#include "text_fold.h"

namespace px {

// [SECTION] constants ------------------------------------------------------------------------
namespace {

// Units.
constexpr uint32_t kMinQuoteWords = 4;       // a scare quote ("cruciale") or a catchphrase
                                             // ("free and open") is no claim of its own
constexpr uint32_t kMinAssertionWords = 4;   // fewer words: a fragment ("Rutte said.")
constexpr uint32_t kMinNumberWords = 2;      // a fragment with a number still states it
constexpr uint32_t kMaxHeadingWords = 15;    // a lone line without final punctuation: heading
constexpr uint32_t kSplitAboveWords = 32;    // longer units are cut at clause punctuation...
constexpr uint32_t kMinClauseWords = 10;     // ...into pieces of at least this many words

// Features and weights. A slot's weight is the IDF of its most common feature (conservative:
// a word with several translations counts as its most ordinary reading), times:
constexpr float kEntityWeight = 1.5f;        // a shared name is strong evidence...
constexpr float kNumberWeight = 1.5f;        // ...and so is an equal value
constexpr float kStopwordWeight = 0.25f;     // function words say little, but not nothing
constexpr float kUntranslatedWeight = 0.5f;  // a foreign word the dictionary does not know: it
                                             // cannot match, so it should not weigh as much
constexpr size_t kMaxConceptsPerWord = 8;    // bounds the cost of very polysemous words
// Cognates the dictionary misses ("intéressant" / "interesting", "destabilizzanti" /
// "destabilizing"): Latin-script words of kPrefixLetters + 1 letters or more also carry their
// first kPrefixLetters letters (the truncation long used in cross-language retrieval of
// European languages). A match on the prefix alone earns kPrefixCredit of the word's weight.
constexpr size_t kPrefixLetters = 5;
constexpr float kPrefixCredit = 0.5f;

// Candidates.
constexpr size_t kProbeFeatures = 8;         // a unit looks up its rarest features only...
constexpr size_t kMaxPostingScan = 512;      // ...and at most this many units per feature,
constexpr size_t kMaxPostingVisits = 2048;   // this many in all
constexpr uint32_t kMinFrequentDf = 64;      // features in more units than this and than
constexpr double kFrequentShare = 0.05;      // this share of all units are too common to probe

// Grouping.
// Two clusters merge when the mean score between their cores (the first members, joined by
// the strongest links) is at least this share of min_link_score: one strong link alone cannot
// chain two otherwise unrelated claims together.
constexpr float kMergeAverageShare = 0.8f;
constexpr size_t kLinkageSample = 4;         // members of each cluster's core compared
constexpr size_t kLinksPerUnit = 16;         // best links kept per unit for grouping
constexpr size_t kScoreBuckets = 1024;       // links are merged strongest first at this resolution

constexpr float kMaxIdf = 12.f;

enum SlotKind : uint8_t { kSlotWord = 0, kSlotEntity = 1, kSlotNumber = 2 };
enum FeatureKind : uint8_t { kFeatConcept = 0, kFeatEntity = 1, kFeatNumber = 2, kFeatPrefix = 3 };

// [SECTION] helpers --------------------------------------------------------------------------
uint64_t hash_feature(char kind, std::string_view key) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a 64
  h = (h ^ static_cast<unsigned char>(kind)) * 1099511628211ull;
  for (char c : key) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

bool inside(Span inner, Span outer) { return inner.begin >= outer.begin && inner.end <= outer.end; }
bool overlaps(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

bool has_digit(std::string_view s) {
  for (char c : s)
    if (c >= '0' && c <= '9') return true;
  return false;
}
bool is_cjk_lang(std::string_view lang) { return lang == "ja" || lang == "zh"; }

// The last visible character of a sentence, closing quotes and brackets skipped.
std::string_view last_mark(std::string_view s) {
  size_t end = s.size();
  while (end > 0) {
    size_t b = end - 1;
    while (b > 0 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) --b;
    const std::string_view ch = s.substr(b, end - b);
    const bool skip = ch == " " || ch == "\n" || ch == "\t" || ch == "\"" || ch == "'" || ch == ")" ||
                      ch == "\xE2\x80\x9D" /* ” */ || ch == "\xE2\x80\x99" /* ’ */ || ch == "\xC2\xBB" /* » */ ||
                      ch == "\xE3\x80\x8D" /* 」 */ || ch == "\xE3\x80\x8F" /* 』 */;
    if (!skip) return ch;
    end = b;
  }
  return {};
}
bool is_terminal(std::string_view ch) {
  return ch == "." || ch == "!" || ch == "?" || ch == "\xE2\x80\xA6" /* … */ || ch == "\xE3\x80\x82" /* 。 */ ||
         ch == "\xEF\xBC\x81" /* ！ */ || ch == "\xEF\xBC\x9F" /* ？ */ || ch == ";" || ch == ":";
}
bool is_question_mark(std::string_view ch) { return ch == "?" || ch == "\xEF\xBC\x9F"; }
// Clause punctuation a long unit may be cut after.
bool is_clause_mark(std::string_view ch) {
  return ch == "," || ch == ";" || ch == ":" || ch == "\xE2\x80\x93" /* – */ || ch == "\xE2\x80\x94" /* — */ ||
         ch == "\xE3\x80\x81" /* 、 */ || ch == "\xEF\xBC\x8C" /* ， */ || ch == "\xEF\xBC\x9B" /* ； */;
}

std::string number_key(const QuantityInfo& q) {
  if ((q.kind == QuantityKind::Year || q.kind == QuantityKind::Date) && !q.iso.empty()) return q.iso;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6g", q.value);
  std::string k = buf;
  if (q.kind == QuantityKind::Percent) k += '%';
  return k;
}

// Word tokens (with a stem) of `doc` whose span lies in `span`, as a [first, last) index range
// into Analysis::tokens. Tokens are in text order.
std::pair<uint32_t, uint32_t> token_range(const Analysis& a, Span span) {
  auto lo = std::lower_bound(a.tokens.begin(), a.tokens.end(), span.begin,
                             [](const TokenInfo& t, uint32_t at) { return t.span.begin < at; });
  auto hi = lo;
  while (hi != a.tokens.end() && hi->span.end <= span.end) ++hi;
  return {static_cast<uint32_t>(lo - a.tokens.begin()), static_cast<uint32_t>(hi - a.tokens.begin())};
}
bool is_word(const TokenInfo& t) { return !t.stem.empty(); }

}  // namespace

// [SECTION] units ----------------------------------------------------------------------------
namespace {

// Cuts a unit with many words after clause punctuation, into pieces of kMinClauseWords words
// or more (a last short piece joins the one before).
void split_long(const Document& doc, ClaimUnit unit, const std::vector<uint32_t>& words,
                std::vector<ClaimUnit>& out) {
  const Analysis& a = doc.analysis;
  if (words.size() <= kSplitAboveWords) {
    out.push_back(std::move(unit));
    return;
  }
  std::vector<std::pair<uint32_t, uint32_t>> pieces;  // word index ranges
  uint32_t start = 0;
  for (uint32_t i = 0; i + 1 < words.size(); ++i) {
    // Punctuation between word i and word i+1?
    const uint32_t gap_b = a.tokens[words[i]].span.end, gap_e = a.tokens[words[i + 1]].span.begin;
    bool clause = false;
    for (uint32_t p = gap_b; p < gap_e && !clause; ++p) {
      size_t len = 1;
      const unsigned char c = static_cast<unsigned char>(doc.text[p]);
      if (c >= 0xF0) len = 4;
      else if (c >= 0xE0) len = 3;
      else if (c >= 0xC0) len = 2;
      clause = is_clause_mark(std::string_view(doc.text).substr(p, len));
    }
    if (clause && i + 1 - start >= kMinClauseWords && words.size() - (i + 1) >= kMinClauseWords) {
      pieces.push_back({start, i + 1});
      start = i + 1;
    }
  }
  pieces.push_back({start, static_cast<uint32_t>(words.size())});
  if (pieces.size() == 1) {
    out.push_back(std::move(unit));
    return;
  }
  for (auto [b, e] : pieces) {
    ClaimUnit u = unit;
    u.span = {b == 0 ? unit.span.begin : a.tokens[words[b]].span.begin,
              e == words.size() ? unit.span.end : a.tokens[words[e - 1]].span.end};
    u.kinds &= static_cast<uint8_t>(~kClaimNumber);
    for (const QuantityInfo& q : a.quantities)
      if (overlaps(q.span, u.span)) u.kinds |= kClaimNumber;
    if (u.kinds) out.push_back(std::move(u));
  }
}

}  // namespace

std::vector<ClaimUnit> claim_units(const Document& doc, uint32_t doc_index) {
  std::vector<ClaimUnit> out;
  const Analysis& a = doc.analysis;
  if (!a.done) return out;
  auto sentence_at = [&](uint32_t at) -> int64_t {
    auto it = std::upper_bound(a.sentences.begin(), a.sentences.end(), at,
                               [](uint32_t x, const SentenceInfo& s) { return x < s.span.begin; });
    if (it == a.sentences.begin()) return -1;
    --it;
    return at < it->span.end ? it - a.sentences.begin() : -1;
  };

  // Direct quotations with words enough, outside chrome: units of their own, and holes in the
  // sentences around them (a quote may run over several sentences).
  std::vector<Span> quote_units;
  for (uint32_t qi = 0; qi < a.quotes.size(); ++qi) {
    const QuoteInfo& q = a.quotes[qi];
    const int64_t si = sentence_at(q.span.begin);
    if (si < 0 || a.sentences[static_cast<size_t>(si)].boilerplate) continue;
    const auto [qb, qe] = token_range(a, q.span);
    std::vector<uint32_t> words;
    for (uint32_t t = qb; t < qe; ++t)
      if (is_word(a.tokens[t])) words.push_back(t);
    if (words.size() < kMinQuoteWords) continue;
    ClaimUnit u;
    u.doc = doc_index;
    u.sentence = static_cast<uint32_t>(si);
    u.span = q.span;
    u.quote = static_cast<int32_t>(qi);
    u.kinds = kClaimQuote;
    u.lang = a.sentences[static_cast<size_t>(si)].language;
    for (const QuantityInfo& n : a.quantities)
      if (overlaps(n.span, q.span)) u.kinds |= kClaimNumber;
    quote_units.push_back(q.span);
    split_long(doc, std::move(u), words, out);
  }

  // Sentences, outside those quotes.
  for (uint32_t si = 0; si < a.sentences.size(); ++si) {
    const SentenceInfo& s = a.sentences[si];
    if (s.boilerplate) continue;
    const auto [tb, te] = token_range(a, s.span);
    std::vector<uint32_t> words;
    bool quote_before = false, quote_after = false;
    for (uint32_t t = tb; t < te; ++t) {
      if (!is_word(a.tokens[t])) continue;
      bool quoted = false;
      for (Span q : quote_units) quoted = quoted || inside(a.tokens[t].span, q);
      if (!quoted) words.push_back(t);
    }
    if (words.empty()) continue;
    const Span first = a.tokens[words.front()].span, last = a.tokens[words.back()].span;
    for (Span q : quote_units) {
      if (!overlaps(q, s.span)) continue;
      quote_before = quote_before || q.begin < first.begin;
      quote_after = quote_after || q.end > last.end;
    }
    const std::string_view text = doc.slice(s.span);
    const std::string_view mark = last_mark(text);
    const bool question = is_question_mark(mark);
    const bool alone_in_paragraph =
        s.paragraph < doc.paragraphs.size() && doc.paragraphs[s.paragraph].begin >= s.span.begin &&
        doc.paragraphs[s.paragraph].end <= s.span.end + 2;
    const bool heading = !is_terminal(mark) && alone_in_paragraph && words.size() <= kMaxHeadingWords;
    // The sentence's own words: without a quote at its start or end (those are units already).
    const Span span{quote_before ? first.begin : s.span.begin, quote_after ? last.end : s.span.end};
    bool number = false;
    for (const QuantityInfo& n : a.quantities)
      if (overlaps(n.span, span)) number = true;
    ClaimUnit u;
    u.doc = doc_index;
    u.sentence = si;
    u.span = span;
    u.lang = s.language;
    if (!question && !heading && words.size() >= kMinAssertionWords) u.kinds |= kClaimAssertion;
    if (number && words.size() >= kMinNumberWords) u.kinds |= kClaimNumber;
    if (u.kinds) split_long(doc, std::move(u), words, out);
  }
  std::sort(out.begin(), out.end(), [](const ClaimUnit& x, const ClaimUnit& y) {
    return x.span.begin != y.span.begin ? x.span.begin < y.span.begin : x.span.end < y.span.end;
  });
  return out;
}

// [SECTION] features -------------------------------------------------------------------------
namespace {

struct Feature {
  std::string label;  // for display: the English concept, the entity's name, the value
  uint8_t kind = kFeatConcept;
  uint32_t df = 0;    // units holding it
  float idf = 0;
};

struct Slot {
  Span span;                     // the word(s) in the unit's document
  uint32_t feat_begin = 0, feat_end = 0;  // into Model::slot_feats
  uint32_t own = UINT32_MAX;     // a word's own stem as a feature (shared stems, cognates)
  float weight = 0;
  float factor = 1;              // kEntityWeight, kStopwordWeight...
  uint8_t kind = kSlotWord;
  bool prefix = false;           // the last feature is a kFeatPrefix (partial credit)
};

// Everything the scorer needs, for any set of analysed documents.
struct Model {
  std::vector<Feature> features;
  std::unordered_map<uint64_t, uint32_t> feature_ids;
  std::vector<Slot> slots;
  std::vector<uint32_t> slot_feats;
  std::vector<uint32_t> unit_slot_begin{0};  // unit u's slots: [begin[u], begin[u+1])
  std::vector<uint32_t> unit_feats;          // unit u's distinct features, sorted
  std::vector<uint32_t> unit_feat_begin{0};
  std::vector<float> mass;                   // sum of slot weights per unit
  std::vector<uint8_t> corrupt;              // per unit: numbers with no value ("XNUMX")
  // Feature f's units, ascending: posting_units[posting_start[f] .. posting_start[f + 1]).
  // One flat array (filled by counting df first): a vector per feature made building the
  // index of a large corpus one long stall.
  std::vector<uint32_t> posting_start, posting_units;
  std::vector<uint32_t> posting_fill;        // while the index is built: next free place per feature

  uint32_t intern(uint8_t kind, char tag, std::string_view key, std::string_view label) {
    const uint64_t h = hash_feature(tag, key);
    auto [it, fresh] = feature_ids.try_emplace(h, static_cast<uint32_t>(features.size()));
    if (fresh) features.push_back({std::string(label), kind, 0, 0});
    return it->second;
  }
  size_t units() const { return unit_slot_begin.size() - 1; }
};

struct FeatureContext {
  const EntityIndex* entities = nullptr;
  const BilingualDict* dict = nullptr;
  const Stemmer* stemmer = nullptr;
  const Stopwords* stopwords = nullptr;
};

// Appends one unit's slots. `span` is the unit's text; tokens inside `holes` (quotes that are
// units of their own) are left out.
void add_unit_features(Model& m, const FeatureContext& ctx, const Document& doc, uint32_t doc_index,
                       Span span, std::string_view lang, const std::vector<Span>& holes) {
  const Analysis& a = doc.analysis;
  auto in_hole = [&](Span s) {
    for (Span h : holes)
      if (inside(s, h)) return true;
    return false;
  };
  auto add_slot = [&](Span sp, uint8_t kind, float factor, const std::vector<uint32_t>& feats, uint32_t own,
                      uint32_t prefix = UINT32_MAX) {
    if (feats.empty()) return;
    Slot s;
    s.span = sp;
    s.kind = kind;
    s.factor = factor;
    s.own = own;
    s.feat_begin = static_cast<uint32_t>(m.slot_feats.size());
    m.slot_feats.insert(m.slot_feats.end(), feats.begin(), feats.end());
    if (prefix != UINT32_MAX && std::find(feats.begin(), feats.end(), prefix) == feats.end()) {
      m.slot_feats.push_back(prefix);
      s.prefix = true;
    }
    s.feat_end = static_cast<uint32_t>(m.slot_feats.size());
    m.slots.push_back(s);
  };
  std::vector<uint32_t> feats;
  std::vector<Span> names;  // mention spans used as entity slots: their tokens are not words

  // Names.
  const std::vector<uint32_t>* linked =
      ctx.entities && doc_index < ctx.entities->mention_entity.size() ? &ctx.entities->mention_entity[doc_index] : nullptr;
  for (uint32_t mi = 0; mi < a.mentions.size(); ++mi) {
    const MentionInfo& mn = a.mentions[mi];
    if (!inside(mn.span, span) || in_hole(mn.span)) continue;
    feats.clear();
    std::string label(doc.slice(mn.span));
    // Both the linked entity and the gazetteer id: a demonym ("giapponese") is not linked to
    // Japan by default, but shares its known id.
    if (linked && mi < linked->size() && (*linked)[mi] != EntityIndex::kNoEntity) {
      const uint32_t e = (*linked)[mi];
      if (e < ctx.entities->entities.size()) label = ctx.entities->entities[e].name;
      feats.push_back(m.intern(kFeatEntity, 'E', std::to_string(e), label));
    }
    if (!mn.known_id.empty()) feats.push_back(m.intern(kFeatEntity, 'K', mn.known_id, label));
    if (feats.empty() && !mn.key.empty()) {
      const bool east_asian = is_cjk_lang(lang);
      feats.push_back(m.intern(kFeatEntity, 'P', phonetic_key(mn.key, east_asian), label));
    }
    if (!feats.empty()) names.push_back(mn.span);
    add_slot(mn.span, kSlotEntity, kEntityWeight, feats, UINT32_MAX);
  }

  // Numbers and dates. "XNUMX" has no value: it matches nothing, but it stands for some number,
  // so the other side's unmatched number does not count against the pair (see coverage()).
  std::vector<Span> numbers;
  uint32_t corrupt = 0;
  for (const QuantityInfo& q : a.quantities) {
    if (!overlaps(q.span, span) || in_hole(q.span)) continue;
    if (std::isnan(q.value)) {
      ++corrupt;
      continue;
    }
    const std::string key = number_key(q);
    feats.assign(1, m.intern(kFeatNumber, 'N', key, key));
    numbers.push_back(q.span);
    add_slot(q.span, kSlotNumber, kNumberWeight, feats, UINT32_MAX);
  }

  // Words, through the English pivot.
  const auto [tb, te] = token_range(a, span);
  std::string folded;
  const bool covered = ctx.dict && ctx.dict->covers(lang);
  for (uint32_t t = tb; t < te; ++t) {
    const TokenInfo& tok = a.tokens[t];
    if (!is_word(tok) || in_hole(tok.span)) continue;
    const std::string_view word = doc.slice(tok.span);
    if (has_digit(word)) continue;  // numbers are read as values above
    if (word.size() == 1 && !is_cjk_lang(lang)) continue;
    bool named = false;
    for (Span n : names) named = named || inside(tok.span, n);
    if (named) continue;
    fold_for_search_into(word, folded);
    const bool stop = ctx.stopwords && ctx.stopwords->is_stopword(folded, lang);
    feats.clear();
    const uint32_t own = m.intern(kFeatConcept, 'C', tok.stem, tok.stem);
    feats.push_back(own);
    bool translated = lang == "en";
    // English words are asked too: an irregular form also carries its lemma's concept
    // (knew -> know, bilingual.h), which Snowball's stem alone misses.
    if (ctx.dict && ctx.stemmer) {
      const std::span<const uint32_t> cs = ctx.dict->concepts(lang, tok.stem, *ctx.stemmer);
      translated = translated || !cs.empty();
      for (size_t i = 0; i < cs.size() && i < kMaxConceptsPerWord; ++i) {
        const std::string_view name = ctx.dict->concept_name(cs[i]);
        const uint32_t f = m.intern(kFeatConcept, 'C', name, name);
        if (std::find(feats.begin(), feats.end(), f) == feats.end()) feats.push_back(f);
      }
    }
    float factor = stop ? kStopwordWeight : 1.f;
    if (!translated && covered) factor *= kUntranslatedWeight;
    uint32_t prefix = UINT32_MAX;
    if (!stop && !tok.stem.empty() && static_cast<unsigned char>(tok.stem[0]) < 0x80) {
      // Letters, not bytes: a folded Latin word is ASCII but for a few letters (ß, ø, ł).
      size_t letters = 0, cut = 0;
      for (size_t i = 0; i < tok.stem.size(); ++i)
        if ((static_cast<unsigned char>(tok.stem[i]) & 0xC0) != 0x80 && ++letters == kPrefixLetters + 1) cut = i;
      if (cut) prefix = m.intern(kFeatPrefix, 'X', std::string_view(tok.stem).substr(0, cut), std::string(tok.stem.substr(0, cut)) + "-");
    }
    add_slot(tok.span, kSlotWord, factor, feats, own, prefix);
  }
  m.unit_slot_begin.push_back(static_cast<uint32_t>(m.slots.size()));
  m.corrupt.push_back(static_cast<uint8_t>(std::min<uint32_t>(corrupt, 255)));
  // The unit's distinct features, for scoring and the index.
  const size_t u = m.units() - 1;
  std::vector<uint32_t> all;
  for (uint32_t s = m.unit_slot_begin[u]; s < m.unit_slot_begin[u + 1]; ++s)
    all.insert(all.end(), m.slot_feats.begin() + m.slots[s].feat_begin, m.slot_feats.begin() + m.slots[s].feat_end);
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  m.unit_feats.insert(m.unit_feats.end(), all.begin(), all.end());
  m.unit_feat_begin.push_back(static_cast<uint32_t>(m.unit_feats.size()));
  for (uint32_t f : all) ++m.features[f].df;
}

// Once every unit is in: IDF, then per unit its slots' weights, its mass and its postings.
// In two parts so that ClaimJob can spread the per-unit part over slices (on a corpus of
// 200,000 units the whole takes about 150 ms).
void index_begin(Model& m) {
  const size_t n = m.units();
  for (Feature& f : m.features)
    f.idf = std::min(kMaxIdf, static_cast<float>(std::log(1.0 + static_cast<double>(n) / std::max<uint32_t>(1, f.df))));
  m.mass.assign(n, 0.f);
  m.posting_start.assign(m.features.size() + 1, 0);
  for (size_t f = 0; f < m.features.size(); ++f) m.posting_start[f + 1] = m.posting_start[f] + m.features[f].df;
  m.posting_units.resize(m.unit_feats.size());
  m.posting_fill.assign(m.posting_start.begin(), m.posting_start.end() - 1);
}
void index_units(Model& m, size_t from, size_t to) {
  for (size_t u = from; u < to; ++u) {
    for (uint32_t i = m.unit_slot_begin[u]; i < m.unit_slot_begin[u + 1]; ++i) {
      Slot& s = m.slots[i];
      float w = kMaxIdf;  // the prefix (the last feature) is not the word: it does not weigh it
      for (uint32_t k = s.feat_begin; k < s.feat_end - (s.prefix ? 1 : 0); ++k) w = std::min(w, m.features[m.slot_feats[k]].idf);
      s.weight = w * s.factor;
      m.mass[u] += s.weight;
    }
    for (uint32_t i = m.unit_feat_begin[u]; i < m.unit_feat_begin[u + 1]; ++i)
      m.posting_units[m.posting_fill[m.unit_feats[i]]++] = static_cast<uint32_t>(u);
  }
}
void finish_model(Model& m) {
  index_begin(m);
  index_units(m, 0, m.units());
  std::vector<uint32_t>().swap(m.posting_fill);
}

// [SECTION] scoring --------------------------------------------------------------------------
bool unit_has(const Model& m, size_t u, uint32_t f) {
  return std::binary_search(m.unit_feats.begin() + m.unit_feat_begin[u], m.unit_feats.begin() + m.unit_feat_begin[u + 1], f);
}

// The first feature of slot s that unit u also has, or UINT32_MAX.
uint32_t shared_feature(const Model& m, const Slot& s, size_t u) {
  // Prefer the rarest shared feature: it is the most telling bridge to show.
  // A prefix only when nothing else is shared.
  uint32_t best = UINT32_MAX;
  const uint32_t end = s.feat_end - (s.prefix ? 1 : 0);
  for (uint32_t i = s.feat_begin; i < end; ++i) {
    const uint32_t f = m.slot_feats[i];
    if (unit_has(m, u, f) && (best == UINT32_MAX || m.features[f].idf > m.features[best].idf)) best = f;
  }
  if (best == UINT32_MAX && s.prefix && unit_has(m, u, m.slot_feats[end])) best = m.slot_feats[end];
  return best;
}

// How much credit slot sl earns against a unit with the features `has` says: 1 for a shared
// word, name or value, kPrefixCredit for a shared prefix only, 0 for nothing.
template <class Has>
float credit(const Model& m, const Slot& sl, Has has) {
  const uint32_t end = sl.feat_end - (sl.prefix ? 1 : 0);
  for (uint32_t i = sl.feat_begin; i < end; ++i)
    if (has(m.slot_feats[i])) return 1.f;
  return sl.prefix && has(m.slot_feats[end]) ? kPrefixCredit : 0.f;
}

// How much of unit a's weight is matched in b (all of it: for the bridges' shares).
float matched_mass(const Model& m, size_t a, size_t b) {
  float w = 0;
  for (uint32_t s = m.unit_slot_begin[a]; s < m.unit_slot_begin[a + 1]; ++s)
    w += m.slots[s].weight * credit(m, m.slots[s], [&](uint32_t f) { return unit_has(m, b, f); });
  return w;
}

// The share of unit u's weight that the other unit matches (`has` tells which features it
// has). When the other unit has `absorb` corrupt numbers ("XNUMX"), as many of u's unmatched
// numbers (the heaviest) leave the account: whether they agree cannot be told, and the
// differences stage flags the pair.
template <class Has>
float coverage(const Model& m, size_t u, uint8_t absorb, Has has) {
  float matched = 0;
  float unmatched_numbers[4] = {0, 0, 0, 0};  // the heaviest few, descending
  for (uint32_t s = m.unit_slot_begin[u]; s < m.unit_slot_begin[u + 1]; ++s) {
    const Slot& sl = m.slots[s];
    const float c = credit(m, sl, has);
    if (c > 0) {
      matched += sl.weight * c;
    } else if (absorb && sl.kind == kSlotNumber) {
      float w = sl.weight;
      for (float& x : unmatched_numbers)
        if (w > x) std::swap(w, x);
    }
  }
  float mass = m.mass[u];
  for (size_t i = 0; i < absorb && i < 4; ++i) mass -= unmatched_numbers[i];
  return mass > 0 ? matched / mass : 0.f;
}

// The share of each side's weight the other side matches, combined by geometric mean (the
// cosine of the two binary slot vectors when all weights are equal): symmetric, 0..1, and
// the same scale whatever the two languages are.
float score_pair(const Model& m, size_t a, size_t b) {
  if (m.mass[a] <= 0 || m.mass[b] <= 0) return 0;
  const float ca = coverage(m, a, m.corrupt[b], [&](uint32_t f) { return unit_has(m, b, f); });
  if (ca <= 0) return 0;
  const float cb = coverage(m, b, m.corrupt[a], [&](uint32_t f) { return unit_has(m, a, f); });
  return std::sqrt(ca * cb);
}

// score_pair for one unit against many: its features are marked once in a dense array, each
// candidate's once per pair, so a pair costs the two units' sizes and no searching. Scores
// are identical to score_pair's (same sums in the same order).
struct PairScorer {
  std::vector<uint32_t> mark_a, mark_b;  // per feature: stamp of the unit last marked
  uint32_t stamp_a = 0, stamp_b = 0;
  size_t a = 0;

  void mark(const Model& m, size_t u, std::vector<uint32_t>& marks, uint32_t& stamp) {
    if (marks.size() < m.features.size()) marks.assign(m.features.size(), 0);
    if (++stamp == 0) {  // wrapped: clear and start again
      std::fill(marks.begin(), marks.end(), 0);
      stamp = 1;
    }
    for (uint32_t i = m.unit_feat_begin[u]; i < m.unit_feat_begin[u + 1]; ++i) marks[m.unit_feats[i]] = stamp;
  }
  void set_unit(const Model& m, size_t u) {
    a = u;
    mark(m, u, mark_a, stamp_a);
  }
  float score(const Model& m, size_t b) {
    if (m.mass[a] <= 0 || m.mass[b] <= 0) return 0;
    mark(m, b, mark_b, stamp_b);
    const float ca = coverage(m, a, m.corrupt[b], [&](uint32_t f) { return mark_b[f] == stamp_b; });
    if (ca <= 0) return 0;
    const float cb = coverage(m, b, m.corrupt[a], [&](uint32_t f) { return mark_a[f] == stamp_a; });
    return std::sqrt(ca * cb);
  }
};

// The bridges of a link: each matched slot of a with a slot of b that shares its feature.
std::vector<Bridge> bridges_of(const Model& m, size_t a, size_t b, std::string_view lang_a, std::string_view lang_b) {
  std::vector<Bridge> out;
  const float matched = matched_mass(m, a, b);
  if (matched <= 0) return out;
  for (uint32_t s = m.unit_slot_begin[a]; s < m.unit_slot_begin[a + 1]; ++s) {
    const Slot& sa = m.slots[s];
    const uint32_t f = shared_feature(m, sa, b);
    if (f == UINT32_MAX) continue;
    // The slot of b holding f (its first).
    const Slot* sb = nullptr;
    for (uint32_t t = m.unit_slot_begin[b]; t < m.unit_slot_begin[b + 1] && !sb; ++t) {
      const Slot& c = m.slots[t];
      for (uint32_t i = c.feat_begin; i < c.feat_end; ++i)
        if (m.slot_feats[i] == f) {
          sb = &c;
          break;
        }
    }
    if (!sb) continue;
    Bridge br;
    if (sa.kind == kSlotEntity) br.kind = BridgeKind::Entity;
    else if (sa.kind == kSlotNumber) br.kind = BridgeKind::Number;
    else if (m.features[f].kind == kFeatPrefix) br.kind = BridgeKind::SharedStem;    // a cognate
    else if (f == sa.own && f == sb->own) br.kind = BridgeKind::SharedStem;  // same word (or a name)
    else br.kind = BridgeKind::Translation;
    br.a = sa.span;
    br.b = sb->span;
    br.weight = sa.weight * credit(m, sa, [&](uint32_t g) { return unit_has(m, b, g); }) / matched;
    br.via = m.features[f].label;
    out.push_back(std::move(br));
  }
  return out;
}

// [SECTION] candidates -----------------------------------------------------------------------
// The units that share rare features with unit a, best first (at most `limit`), filtered by
// `accept`. `acc` is scratch sized to the unit count, all zero on entry and on return.
template <class Accept>
void candidates_of(const Model& m, size_t a, size_t limit, bool probe_all, Accept accept, std::vector<float>& acc,
                   std::vector<uint32_t>& touched, std::vector<uint32_t>& out) {
  out.clear();
  touched.clear();
  const size_t n = m.units();
  const uint32_t max_df = std::max<uint32_t>(kMinFrequentDf, static_cast<uint32_t>(kFrequentShare * static_cast<double>(n)));
  std::vector<uint32_t> probe(m.unit_feats.begin() + m.unit_feat_begin[a], m.unit_feats.begin() + m.unit_feat_begin[a + 1]);
  if (!probe_all) {
    // A feature no other unit has finds nothing, and a prefix alone is too weak to propose.
    probe.erase(std::remove_if(probe.begin(), probe.end(),
                               [&](uint32_t f) {
                                 const Feature& x = m.features[f];
                                 return x.df > max_df || x.df < 2 || x.kind == kFeatPrefix;
                               }),
                probe.end());
    std::stable_sort(probe.begin(), probe.end(), [&](uint32_t x, uint32_t y) { return m.features[x].idf > m.features[y].idf; });
    if (probe.size() > kProbeFeatures) probe.resize(kProbeFeatures);
  }
  size_t budget = kMaxPostingVisits;  // rarest features first: they get their whole lists
  for (uint32_t f : probe) {
    const uint32_t* p = m.posting_units.data() + m.posting_start[f];
    const size_t size = m.posting_start[f + 1] - m.posting_start[f];
    const size_t scan = probe_all ? size : std::min({size, kMaxPostingScan, budget});
    budget -= probe_all ? 0 : scan;
    const float w = m.features[f].idf;
    for (size_t i = 0; i < scan; ++i) {
      const uint32_t b = p[i];
      if (b == a || !accept(b)) continue;
      if (acc[b] == 0) touched.push_back(b);
      acc[b] += w;
    }
  }
  auto better = [&](uint32_t x, uint32_t y) { return acc[x] != acc[y] ? acc[x] > acc[y] : x < y; };
  if (touched.size() > limit) std::nth_element(touched.begin(), touched.begin() + static_cast<std::ptrdiff_t>(limit), touched.end(), better);
  const size_t keep = std::min(limit, touched.size());
  std::sort(touched.begin(), touched.begin() + static_cast<std::ptrdiff_t>(keep), better);
  out.assign(touched.begin(), touched.begin() + static_cast<std::ptrdiff_t>(keep));
  for (uint32_t b : touched) acc[b] = 0;
}

}  // namespace

// [SECTION] ClaimJob -------------------------------------------------------------------------
namespace {

// A scored pair before grouping (bridges are only worked out for the links groups keep).
struct PairScore {
  uint32_t a = 0, b = 0;  // a < b
  float score = 0;
};

}  // namespace

struct ClaimJob::State {
  const EntityIndex* entities = nullptr;
  const BilingualDict* dict = nullptr;
  const Stemmer* stemmer = nullptr;
  ClaimOptions options;
  enum class Phase { Units, Index, Candidates, Merge, Groups, Bridges, Done } phase = Phase::Units;
  size_t next_doc = 0, next_indexed = 0, next_unit = 0, next_link = 0, next_group = 0;
  size_t bridge_group = 0, bridge_link = 0;  // Bridges phase: the next link to explain
  size_t links_total = 0, links_done = 0;
  size_t total_docs = 0;  // for progress(): the corpus's size when the job began
  ClaimIndex index;
  Model model;
  std::vector<float> acc;
  std::vector<uint32_t> touched, cands;
  PairScorer scorer;
  std::vector<PairScore> pairs;   // candidates phase: kept links; merge phase: strongest first
  // Merge phase: clusters of units, members in the order they joined (the core first).
  std::vector<uint32_t> cluster;
  std::vector<std::vector<uint32_t>> members, docs;
  std::vector<std::vector<PairScore>> joined;  // per cluster: the links that merged it
  std::vector<uint32_t> group_clusters;        // groups phase: clusters of two or more units
  double elapsed_ms = 0;

  void units_of(const Corpus& corpus, size_t d) {
    const Document& doc = corpus.doc(d);
    std::vector<ClaimUnit> us = claim_units(doc, static_cast<uint32_t>(d));
    std::vector<Span> quote_spans;
    for (const ClaimUnit& u : us)
      if (u.kinds & kClaimQuote) quote_spans.push_back(doc.analysis.quotes[static_cast<size_t>(u.quote)].span);
    FeatureContext ctx{entities, dict, stemmer, options.stopwords};
    std::vector<Span> holes;
    for (ClaimUnit& u : us) {
      holes.clear();
      if (!(u.kinds & kClaimQuote))
        for (Span q : quote_spans)
          if (overlaps(q, u.span)) holes.push_back(q);
      u.id = static_cast<uint32_t>(index.units.size());
      add_unit_features(model, ctx, doc, static_cast<uint32_t>(d), u.span, u.lang, holes);
      index.units.push_back(std::move(u));
    }
  }

  // Scores unit a's candidates and keeps its best links (kLinksPerUnit: enough to connect a
  // group; a claim repeated in thousands of articles would otherwise keep millions).
  void candidates_for(size_t a) {
    const std::vector<ClaimUnit>& units = index.units;
    const uint32_t doc_a = units[a].doc;
    auto accept = [&](uint32_t b) { return options.same_document || units[b].doc != doc_a; };
    candidates_of(model, a, options.max_candidates_per_unit, false, accept, acc, touched, cands);
    const size_t first = pairs.size();
    scorer.set_unit(model, a);
    for (uint32_t b : cands) {
      ++index.candidates_scored;
      const float s = scorer.score(model, b);
      if (s < options.min_link_score) continue;
      pairs.push_back({static_cast<uint32_t>(std::min<size_t>(a, b)), static_cast<uint32_t>(std::max<size_t>(a, b)), s});
    }
    if (pairs.size() - first > kLinksPerUnit) {
      std::sort(pairs.begin() + static_cast<std::ptrdiff_t>(first), pairs.end(), [](const PairScore& x, const PairScore& y) {
        return x.score != y.score ? x.score > y.score : (x.a != y.a ? x.a < y.a : x.b < y.b);
      });
      pairs.resize(first + kLinksPerUnit);
    }
  }

  void start_merge() {
    // Strongest first, by a counting sort on the score in kScoreBuckets steps (stable: within
    // a step, in the order the pairs were found). A comparison sort of the millions of links
    // of a large corpus would stall one frame for half a second. A pair kept from both sides
    // stays twice: the second copy finds its units already joined, and in centrality a
    // mutual link counts double.
    auto bucket = [](float score) {
      return std::min<size_t>(kScoreBuckets - 1, static_cast<size_t>(std::max(0.f, 1.f - score) * kScoreBuckets));
    };
    std::vector<uint32_t> start(kScoreBuckets + 1, 0);
    for (const PairScore& p : pairs) ++start[bucket(p.score) + 1];
    for (size_t i = 1; i <= kScoreBuckets; ++i) start[i] += start[i - 1];
    std::vector<PairScore> sorted(pairs.size());
    for (const PairScore& p : pairs) sorted[start[bucket(p.score)]++] = p;
    pairs.swap(sorted);
    const size_t n = index.units.size();
    cluster.resize(n);
    members.resize(n);
    docs.resize(n);
    joined.resize(n);
    for (uint32_t u = 0; u < n; ++u) {
      cluster[u] = u;
      members[u] = {u};
      docs[u] = {index.units[u].doc};
    }
  }

  void merge(const PairScore& l);
  void start_groups();
  void build_group(uint32_t c);
  void finish(const Corpus& corpus);
};

// Average-link merging over the links, strongest first, with two guards against chaining:
// the mean score between the two clusters' cores must hold up (kMergeAverageShare), and a
// group holds one unit per document (unless same_document).
void ClaimJob::State::merge(const PairScore& l) {
  uint32_t x = cluster[l.a], y = cluster[l.b];
  if (x == y) return;
  if (!options.same_document) {
    // An article that says a thing twice is one voice.
    for (size_t i = 0, j = 0; i < docs[x].size() && j < docs[y].size();) {
      if (docs[x][i] == docs[y][j]) return;
      if (docs[x][i] < docs[y][j]) ++i;
      else ++j;
    }
  }
  if (members[x].size() > 1 || members[y].size() > 1) {
    double sum = 0;
    size_t n = 0;
    for (size_t i = 0; i < members[x].size() && i < kLinkageSample; ++i)
      for (size_t j = 0; j < members[y].size() && j < kLinkageSample; ++j) {
        sum += score_pair(model, members[x][i], members[y][j]);
        ++n;
      }
    if (sum / static_cast<double>(n) < options.min_link_score * kMergeAverageShare) return;
  }
  if (members[x].size() < members[y].size()) std::swap(x, y);
  for (uint32_t u : members[y]) cluster[u] = x;
  members[x].insert(members[x].end(), members[y].begin(), members[y].end());
  std::vector<uint32_t> merged;
  merged.reserve(docs[x].size() + docs[y].size());
  std::merge(docs[x].begin(), docs[x].end(), docs[y].begin(), docs[y].end(), std::back_inserter(merged));
  docs[x] = std::move(merged);
  joined[x].insert(joined[x].end(), joined[y].begin(), joined[y].end());
  joined[x].push_back(l);
  std::vector<uint32_t>().swap(members[y]);
  std::vector<uint32_t>().swap(docs[y]);
  std::vector<PairScore>().swap(joined[y]);
}

void ClaimJob::State::start_groups() {
  std::vector<std::vector<uint32_t>>().swap(docs);
  for (uint32_t c = 0; c < members.size(); ++c)
    if (members[c].size() >= 2) group_clusters.push_back(c);
  index.group_of_unit.assign(index.units.size(), -1);
  // Centrality: each member's summed score over the kept links inside its group.
  acc.assign(index.units.size(), 0.f);
  for (const PairScore& l : pairs)
    if (cluster[l.a] == cluster[l.b]) {
      acc[l.a] += l.score;
      acc[l.b] += l.score;
    }
  std::vector<PairScore>().swap(pairs);
}

// One group: the reference (most central member) first, the links that joined it and the
// reference's link to every member (the differences stage compares against it), each with
// its bridges (worked out in the Bridges phase).
void ClaimJob::State::build_group(uint32_t c) {
  ClaimGroup g;
  g.members = members[c];
  std::sort(g.members.begin(), g.members.end());
  auto best = std::max_element(g.members.begin(), g.members.end(), [&](uint32_t p, uint32_t q) {
    return acc[p] < acc[q] || (acc[p] == acc[q] && p > q);
  });
  std::rotate(g.members.begin(), best, best + 1);
  const uint32_t ref = g.members.front();
  auto add_link = [&](uint32_t a, uint32_t b, float score) {
    ClaimLink l;
    l.a = std::min(a, b);
    l.b = std::max(a, b);
    l.score = score;
    // Bridges come in their own phase: for a group of a thousand members they take long.
    g.links.push_back(std::move(l));
  };
  std::vector<uint64_t> have;
  for (const PairScore& p : joined[c]) {
    add_link(p.a, p.b, p.score);
    have.push_back(static_cast<uint64_t>(p.a) << 32 | p.b);
  }
  std::sort(have.begin(), have.end());
  double star = 0;
  for (size_t i = 1; i < g.members.size(); ++i) {
    const uint32_t m = g.members[i];
    const float s = score_pair(model, ref, m);
    star += s;
    const uint64_t key = static_cast<uint64_t>(std::min(ref, m)) << 32 | std::max(ref, m);
    if (!std::binary_search(have.begin(), have.end(), key)) add_link(ref, m, s);
  }
  // Cohesion: how close the members are to the reference, on average.
  g.cohesion = static_cast<float>(star / static_cast<double>(g.members.size() - 1));
  index.groups.push_back(std::move(g));
  std::vector<PairScore>().swap(joined[c]);
}

void ClaimJob::State::finish(const Corpus& corpus) {
  for (ClaimGroup& g : index.groups) {
    std::vector<std::string_view> outlets, langs;
    for (uint32_t u : g.members) {
      outlets.push_back(corpus.doc(index.units[u].doc).meta.source);
      langs.push_back(index.units[u].lang);
    }
    std::sort(outlets.begin(), outlets.end());
    std::sort(langs.begin(), langs.end());
    g.outlets = static_cast<uint32_t>(std::unique(outlets.begin(), outlets.end()) - outlets.begin());
    g.languages = static_cast<uint32_t>(std::unique(langs.begin(), langs.end()) - langs.begin());
  }
  // Until add_differences ranks them by disagreement: bigger groups first, then more outlets,
  // then tighter ones.
  std::stable_sort(index.groups.begin(), index.groups.end(), [](const ClaimGroup& p, const ClaimGroup& q) {
    if (p.members.size() != q.members.size()) return p.members.size() > q.members.size();
    if (p.outlets != q.outlets) return p.outlets > q.outlets;
    if (p.cohesion != q.cohesion) return p.cohesion > q.cohesion;
    return p.members.front() < q.members.front();
  });
  for (uint32_t gi = 0; gi < index.groups.size(); ++gi) {
    index.groups[gi].id = gi;
    for (uint32_t u : index.groups[gi].members) index.group_of_unit[u] = static_cast<int32_t>(gi);
  }
  // Free the working state: only the index is handed out.
  model = Model();
  std::vector<float>().swap(acc);
  std::vector<uint32_t>().swap(cluster);
  std::vector<std::vector<uint32_t>>().swap(members);
  std::vector<std::vector<PairScore>>().swap(joined);
}

ClaimJob::ClaimJob(const Corpus& corpus, const EntityIndex* entities, const BilingualDict& dict, const Stemmer& stemmer,
                   const ClaimOptions& options)
    : s_(std::make_unique<State>()) {
  s_->entities = entities;
  s_->dict = &dict;
  s_->stemmer = &stemmer;
  s_->options = options;
  s_->total_docs = corpus.size();
}
ClaimJob::~ClaimJob() = default;
ClaimJob::ClaimJob(ClaimJob&&) noexcept = default;
ClaimJob& ClaimJob::operator=(ClaimJob&&) noexcept = default;

bool ClaimJob::step(const Corpus& corpus, double budget_ms) {
  using clock = std::chrono::steady_clock;
  const auto start = clock::now();
  State& s = *s_;
  auto spent = [&] { return std::chrono::duration<double, std::milli>(clock::now() - start).count(); };
  auto out_of_time = [&] { return spent() >= budget_ms; };
  // Each phase checks the clock every few items; a phase that ends leaves the rest of the
  // budget to the next one.
  while (s.phase != State::Phase::Done) {
    if (s.phase == State::Phase::Units) {
      while (s.next_doc < corpus.size()) {
        s.units_of(corpus, s.next_doc++);
        if (out_of_time()) break;
      }
      if (s.next_doc < corpus.size()) break;
      index_begin(s.model);
      s.phase = State::Phase::Index;
    } else if (s.phase == State::Phase::Index) {
      constexpr size_t kIndexChunk = 2048;  // units per clock check
      while (s.next_indexed < s.index.units.size()) {
        const size_t to = std::min(s.index.units.size(), s.next_indexed + kIndexChunk);
        index_units(s.model, s.next_indexed, to);
        s.next_indexed = to;
        if (out_of_time()) break;
      }
      if (s.next_indexed < s.index.units.size()) break;
      std::vector<uint32_t>().swap(s.model.posting_fill);
      s.acc.assign(s.index.units.size(), 0.f);
      s.phase = State::Phase::Candidates;
    } else if (s.phase == State::Phase::Candidates) {
      while (s.next_unit < s.index.units.size()) {
        s.candidates_for(s.next_unit++);
        if ((s.next_unit & 15) == 0 && out_of_time()) break;
      }
      if (s.next_unit < s.index.units.size()) break;
      s.start_merge();
      s.phase = State::Phase::Merge;
    } else if (s.phase == State::Phase::Merge) {
      while (s.next_link < s.pairs.size()) {
        s.merge(s.pairs[s.next_link++]);
        if ((s.next_link & 255) == 0 && out_of_time()) break;
      }
      if (s.next_link < s.pairs.size()) break;
      s.start_groups();
      s.phase = State::Phase::Groups;
    } else if (s.phase == State::Phase::Groups) {
      while (s.next_group < s.group_clusters.size()) {
        s.build_group(s.group_clusters[s.next_group++]);  // a group of thousands takes ms
        if (out_of_time()) break;
      }
      if (s.next_group < s.group_clusters.size()) break;
      for (const ClaimGroup& g : s.index.groups) s.links_total += g.links.size();
      s.phase = State::Phase::Bridges;
    } else if (s.phase == State::Phase::Bridges) {
      std::vector<ClaimGroup>& groups = s.index.groups;
      while (s.bridge_group < groups.size()) {
        std::vector<ClaimLink>& links = groups[s.bridge_group].links;
        if (s.bridge_link >= links.size()) {
          ++s.bridge_group;
          s.bridge_link = 0;
          continue;
        }
        ClaimLink& l = links[s.bridge_link++];
        l.bridges = bridges_of(s.model, l.a, l.b, s.index.units[l.a].lang, s.index.units[l.b].lang);
        ++s.links_done;
        if ((s.links_done & 31) == 0 && out_of_time()) break;
      }
      if (s.bridge_group < groups.size()) break;
      s.finish(corpus);
      s.phase = State::Phase::Done;
    }
    if (out_of_time()) break;
  }
  s.elapsed_ms += spent();
  return s.phase != State::Phase::Done;
}

float ClaimJob::progress() const {
  const State& s = *s_;
  auto share = [](size_t done, size_t total) { return total == 0 ? 1.f : static_cast<float>(done) / static_cast<float>(total); };
  switch (s.phase) {
    case State::Phase::Units: return 0.3f * share(s.next_doc, s.total_docs);
    case State::Phase::Index: return 0.3f + 0.05f * share(s.next_indexed, s.index.units.size());
    case State::Phase::Candidates: return 0.35f + 0.5f * share(s.next_unit, s.index.units.size());
    case State::Phase::Merge: return 0.85f + 0.05f * share(s.next_link, s.pairs.size());
    case State::Phase::Groups: return 0.9f + 0.03f * share(s.next_group, s.group_clusters.size());
    case State::Phase::Bridges: return 0.93f + 0.07f * share(s.links_done, s.links_total);
    default: return 1.f;
  }
}

const char* ClaimJob::phase() const {
  switch (s_->phase) {
    case State::Phase::Units: return "units";
    case State::Phase::Index:
    case State::Phase::Candidates: return "candidates";
    case State::Phase::Merge:
    case State::Phase::Groups:
    case State::Phase::Bridges: return "groups";
    default: return "done";
  }
}

ClaimIndex ClaimJob::take(const Corpus& corpus) {
  while (step(corpus, 1e12)) {
  }
  ClaimIndex out = std::move(s_->index);
  out.build_ms = s_->elapsed_ms;
  s_->index = ClaimIndex{};
  return out;
}

ClaimIndex build_claims(const Corpus& corpus, const EntityIndex* entities, const BilingualDict& dict,
                        const Stemmer& stemmer, const ClaimOptions& options) {
  ClaimJob job(corpus, entities, dict, stemmer, options);
  return job.take(corpus);
}

// [SECTION] align_sentences ------------------------------------------------------------------
namespace {

// One line as a tiny document, through the same components analyze_document runs (steps 3-7),
// minus two: the chrome classifier (it judges a paragraph against its neighbours and can call
// a lone short line site chrome, which would drop its words) and sentence splitting (the line
// is the unit, whatever its punctuation).
Document line_document(std::string_view line, const TextResources& res) {
  Document d;
  d.text = std::string(line);
  d.paragraphs.push_back({0, static_cast<uint32_t>(d.text.size())});
  LanguageGuess g = res.langid ? res.langid->identify(d.text) : guess_language(d.text);
  d.meta.language = g.code;
  d.meta.language_confidence = g.confidence;
  d.meta.language_from = Provenance::Detected;
  Analysis& a = d.analysis;
  a.boilerplate.push_back(false);
  SentenceInfo si;
  si.span = d.paragraphs[0];
  si.language = g.code;
  si.language_confidence = g.confidence;
  a.sentences.push_back(si);
  if (res.segmenter && res.stemmer) {
    std::vector<Span> words;
    res.segmenter->append_words(d.text, g.code, 0, words);
    for (Span w : words) {
      TokenInfo t;
      t.span = w;
      t.stem = match_key(d.slice(w), g.code, *res.stemmer);
      a.tokens.push_back(std::move(t));
    }
  }
  if (res.quotes) a.quotes = res.quotes->find(d.text, g.code);
  a.quantities = res.quantities ? res.quantities->find(d.text, g.code) : find_quantities(d.text, g.code);
  if (res.recognizer) res.recognizer->find(d, a, nullptr);
  a.done = true;
  return d;
}

}  // namespace

std::vector<SentenceMatch> align_sentences(const std::vector<std::string>& a, const std::vector<std::string>& b,
                                           const TextResources& res, const BilingualDict& dict,
                                           const ClaimOptions& options) {
  std::vector<SentenceMatch> out(a.size());
  if (a.empty() || b.empty() || !res.stemmer) return out;
  Model m;
  FeatureContext ctx{nullptr, &dict, res.stemmer.get(), options.stopwords ? options.stopwords : res.stopwords.get()};
  const std::vector<Span> no_holes;
  for (const std::vector<std::string>* side : {&a, &b})
    for (const std::string& line : *side) {
      const Document d = line_document(line, res);
      add_unit_features(m, ctx, d, 0, d.paragraphs[0], d.meta.language, no_holes);
    }
  finish_model(m);
  const uint32_t first_b = static_cast<uint32_t>(a.size());
  std::vector<float> acc(m.units(), 0.f);
  std::vector<uint32_t> touched, cands;
  PairScorer scorer;
  auto accept = [&](uint32_t u) { return u >= first_b; };
  for (size_t i = 0; i < a.size(); ++i) {
    // Retrieval: every feature probed, so the best line is never missed for want of a probe.
    candidates_of(m, i, options.max_candidates_per_unit, true, accept, acc, touched, cands);
    SentenceMatch best;
    scorer.set_unit(m, i);
    for (uint32_t c : cands) {
      const float s = scorer.score(m, c);
      if (s > best.score) best = {static_cast<int32_t>(c - first_b), s};
    }
    if (best.score < options.min_link_score) best.best = -1;
    out[i] = best;
  }
  return out;
}

}  // namespace px
