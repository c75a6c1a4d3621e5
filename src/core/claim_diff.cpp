// claim_diff.cpp — how two units of one claim group differ (see claim_diff.h).
//
// [SECTION] names and constants
// [SECTION] lexicons: loading
// [SECTION] unit views: the tokens, numbers, names and quote of one unit
// [SECTION] lexicon matching
// [SECTION] numbers
// [SECTION] entities
// [SECTION] quotes
// [SECTION] reporting verbs and attribution
// [SECTION] hedges and evaluative words
// [SECTION] word diff
// [SECTION] compare_units, add_differences
#include "claim_diff.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <utf8proc.h>

#include "corpus.h"
#include "encoding.h"
#include "entities.h"
#include "entity_link.h"
#include "lexicon.h"
#include "quotes.h"
#include "segment.h"
#include "stem.h"
#include "stopwords.h"
#include "text_fold.h"

namespace px {

// ============================================================================================
// [SECTION] names and constants
// ============================================================================================

const char* diff_kind_name(DiffKind k) {
  switch (k) {
    case DiffKind::Words: return "words";
    case DiffKind::NumberMismatch: return "number-mismatch";
    case DiffKind::NumberMissing: return "number-missing";
    case DiffKind::QuoteFidelity: return "quote-fidelity";
    case DiffKind::ReportingVerb: return "reporting-verb";
    case DiffKind::Hedge: return "hedge";
    case DiffKind::Evaluative: return "evaluative";
    case DiffKind::Attribution: return "attribution";
    case DiffKind::EntityAdded: return "entity-added";
    case DiffKind::EntityDropped: return "entity-dropped";
  }
  return "words";
}

const char* quote_fidelity_name(QuoteFidelity f) {
  switch (f) {
    case QuoteFidelity::None: return "none";
    case QuoteFidelity::Verbatim: return "verbatim";
    case QuoteFidelity::Trimmed: return "trimmed";
    case QuoteFidelity::Paraphrased: return "paraphrased";
    case QuoteFidelity::Altered: return "altered";
    case QuoteFidelity::QuoteVsReported: return "quote-vs-reported";
  }
  return "none";
}

namespace {

// Severities: how much a difference changes what the reader learns (0..1). A wrong or corrupt
// number and a quote altered inside its marks change the facts; a reworded sentence does not.
constexpr float kSevNumberMismatch = 0.9f;
constexpr float kSevNumberMissing = 0.5f;
constexpr float kSevDateMissing = 0.45f;
constexpr float kSevQuoteAltered = 0.85f;
constexpr float kSevQuoteVsReported = 0.45f;
constexpr float kSevQuoteVsUnattributed = 0.55f;  // quoted on one side, nobody's words on the other
constexpr float kSevQuoteParaphrased = 0.25f;
constexpr float kSevQuoteTrimmed = 0.2f;
constexpr float kSevVerbStrong = 0.5f;   // a stance that judges the statement (doubt, alarm...)
constexpr float kSevVerbMild = 0.3f;     // neutral vs emphatic, and the like
constexpr float kSevHedge = 0.4f;
constexpr float kSevCertainty = 0.35f;
constexpr float kSevAttributionHedge = 0.25f;
constexpr float kSevEvaluative = 0.5f;
constexpr float kSevAttribution = 0.4f;
constexpr float kSevEntityFirst = 0.2f;  // one entity added or dropped; each further one adds
constexpr float kSevEntityEach = 0.1f;
constexpr float kSevEntityMax = 0.5f;
constexpr float kSevWordsBase = 0.05f;   // plus kSevWordsSpan x the share of changed words
constexpr float kSevWordsSpan = 0.25f;

constexpr size_t kMaxDiffTokens = 400;      // longer units are diffed on their first words only
constexpr size_t kMaxLabelBytes = 80;
constexpr uint32_t kMaxSubjectBytes = 120;     // how far before its reporting verb a speaker may be
constexpr uint32_t kMaxInvertedGapBytes = 40;  // after it ("said Rutte", "sagte dann auch Kishida")
constexpr uint32_t kMaxSourceGapBytes = 60;    // from "according to" to the source it names
constexpr float kFaithfulCoverage = 0.6f;   // share of content words bridged: a faithful translation

bool is_cjk_lang(std::string_view lang) { return lang == "ja" || lang == "zh"; }

Span span_union(Span a, Span b) {
  if (a.size() == 0) return b;
  if (b.size() == 0) return a;
  return {std::min(a.begin, b.begin), std::max(a.end, b.end)};
}
uint32_t overlap(Span a, Span b) {
  const uint32_t lo = std::max(a.begin, b.begin), hi = std::min(a.end, b.end);
  return hi > lo ? hi - lo : 0;
}
bool inside(Span inner, Span outer) { return inner.begin >= outer.begin && inner.end <= outer.end; }

std::string clip(std::string_view s) {
  if (s.size() <= kMaxLabelBytes) return std::string(s);
  return std::string(truncate_utf8(s, kMaxLabelBytes)) + "…";
}
std::string in_quotes(std::string_view s) { return "\"" + clip(s) + "\""; }

std::string join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

std::string format_value(double v) {
  char buf[64];
  if (!std::isfinite(v)) return "?";
  if (std::fabs(v) < 1e15 && v == std::floor(v)) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
  } else {
    std::snprintf(buf, sizeof buf, "%g", v);
  }
  return buf;
}

// Negation words: a quote that gains or loses one says the opposite. A closed class, a handful
// per language, kept here rather than in a lexicon file (lexicon keys; ja/zh: substrings).
const std::unordered_map<std::string, std::vector<std::string>>& negations() {
  static const std::unordered_map<std::string, std::vector<std::string>> m = {
      {"en", {"not", "n't", "no", "never", "nor", "none", "nothing", "neither", "cannot"}},
      {"de", {"nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie", "niemals", "nichts"}},
      {"it", {"non", "mai", "nessun", "nessuno", "nessuna", "niente", "nulla", "né"}},
      {"fr", {"ne", "n'", "pas", "jamais", "aucun", "aucune", "rien", "ni"}},
      {"es", {"no", "nunca", "jamás", "ningún", "ninguno", "ninguna", "nada", "ni"}},
      {"ru", {"не", "нет", "никогда", "ни", "ничего", "никакой", "никакие"}},
      {"ja", {"ない", "ません", "なかった", "ず"}},
      {"zh", {"不", "没", "沒", "未", "无", "無", "别", "別"}},
  };
  return m;
}

// What a stance says about the statement, for messages.
const char* stance_gloss(std::string_view stance) {
  if (stance == "neutral") return "neutral";
  if (stance == "emphatic") return "gives it weight";
  if (stance == "doubt") return "casts doubt on it";
  if (stance == "concession") return "presents it as an admission";
  if (stance == "alarm") return "presents it as a warning";
  if (stance == "commitment") return "presents it as a promise";
  if (stance == "agreement") return "presents it as agreement";
  if (stance == "rejection") return "presents it as a denial";
  if (stance == "question") return "presents it as a question";
  return "unknown stance";
}
bool judging_stance(std::string_view s) {
  return s == "doubt" || s == "concession" || s == "alarm" || s == "rejection";
}

enum class LexKind : uint8_t { Verb, Hedge, Evaluative };

struct Form {
  LexKind kind = LexKind::Verb;
  std::string lang;
  std::string text;                // the form as the lexicon writes it
  std::string cls;                 // stance / hedge kind / polarity
  std::vector<std::string> words;  // keys to compare word by word (not ja/zh)
  std::vector<std::string> prefixes;  // evaluative: what each matching word must start with
  std::string cjk;                 // ja/zh: the form, matched as text on token boundaries
};

// Stems alone conflate too much for evaluative words: Snowball gives "impression" and
// "impressive" one stem, Italian "militari" and "militarista" another. A word matches an
// evaluative form when it has the form's stem and also starts with the form's key minus its
// last two letters (room for an inflection: "minaccia" -> "minacce", "aggressive" ->
// "aggressively"), so a different derivation of the same root does not.
constexpr size_t kInflectionLetters = 2;
constexpr size_t kMinPrefixLetters = 4;
std::string inflection_prefix(const std::string& key) {
  std::vector<size_t> starts;
  for (size_t i = 0; i < key.size();) {
    starts.push_back(i);
    next_codepoint(key, i);
  }
  if (starts.size() < kMinPrefixLetters + kInflectionLetters) return key.substr(0, starts.size() > kMinPrefixLetters ? starts[kMinPrefixLetters] : key.size());
  return key.substr(0, starts[starts.size() - kInflectionLetters]);
}

std::string index_key(LexKind k, std::string_view lang, std::string_view word) {
  std::string s(1, static_cast<char>('0' + static_cast<int>(k)));
  s += lang;
  s += '|';
  s += word;
  return s;
}

}  // namespace

// ============================================================================================
// [SECTION] lexicons: loading
// ============================================================================================

struct DiffLexicons::Impl {
  std::vector<Form> forms;
  // kind+lang| -> first word's key -> forms (two levels, so a lookup per word hashes the
  // word's own key and allocates nothing)
  std::unordered_map<std::string, std::unordered_map<std::string, std::vector<uint32_t>>> by_first;
  std::unordered_map<std::string, std::vector<uint32_t>> cjk;       // kind+lang| -> forms
  Stemmer stemmer;
  Stopwords stopwords;  // for the share of content words a translation bridges; may know no language

  // The match key of a word for `kind`: exact lexicon key for verbs and hedges (their
  // inflections are listed; stemming "likely" would find "like"), the stemmed match key for
  // evaluative words (listed in their dictionary form).
  void add(LexKind kind, const std::string& lang, const std::string& text, const std::string& cls,
           const Segmenter& seg) {
    Form f;
    f.kind = kind;
    f.lang = lang;
    f.text = text;
    f.cls = cls;
    const auto id = static_cast<uint32_t>(forms.size());
    if (is_cjk_lang(lang)) {
      f.cjk = lexicon_key(text);
      cjk[index_key(kind, lang, "")].push_back(id);
    } else {
      for (Span w : seg.words(text, lang)) {
        const std::string_view word = std::string_view(text).substr(w.begin, w.size());
        f.words.push_back(kind == LexKind::Evaluative ? match_key(word, lang, stemmer) : lexicon_key(word));
        if (kind == LexKind::Evaluative) f.prefixes.push_back(inflection_prefix(lexicon_key(word)));
      }
      if (f.words.empty()) return;
      by_first[index_key(kind, lang, "")][f.words[0]].push_back(id);
    }
    forms.push_back(std::move(f));
  }
};

struct DiffAccess {
  using Impl = DiffLexicons::Impl;
  static const DiffLexicons::Impl& impl(const DiffLexicons& l) { return *l.impl_; }
};

DiffLexicons::DiffLexicons() : impl_(std::make_unique<Impl>()) {}
DiffLexicons::~DiffLexicons() = default;
DiffLexicons::DiffLexicons(DiffLexicons&&) noexcept = default;
DiffLexicons& DiffLexicons::operator=(DiffLexicons&&) noexcept = default;

DiffLexicons DiffLexicons::empty() { return DiffLexicons(); }

Result<DiffLexicons> DiffLexicons::load(const std::string& asset_dir) {
  struct FileSpec {
    const char* name;
    LexKind kind;
    std::vector<std::string> classes;
  };
  const FileSpec files[] = {
      {"reporting_verbs.tsv", LexKind::Verb,
       {"neutral", "emphatic", "doubt", "concession", "alarm", "commitment", "agreement", "rejection",
        "question", "source"}},
      {"hedges.tsv", LexKind::Hedge, {"hedge", "certainty", "attribution-hedge"}},
      {"evaluative.tsv", LexKind::Evaluative, {"negative", "positive"}},
  };
  DiffLexicons lex;
  const Segmenter rules;  // rules only: lexicon forms are short and never CJK here
  for (const FileSpec& spec : files) {
    Result<LexiconTable> t = load_lexicon(asset_dir, spec.name, 3);
    if (!t.ok()) return Result<DiffLexicons>::Error("claim differences: " + t.error());
    for (const auto& row : t->rows) {
      if (std::find(spec.classes.begin(), spec.classes.end(), row[2]) == spec.classes.end()) {
        return Result<DiffLexicons>::Error(t->path + ": \"" + row[1] + "\" has an unknown class \"" + row[2] +
                                           "\" (expected one of: " + join(spec.classes, ", ") + ")");
      }
      lex.impl_->add(spec.kind, row[0], row[1], row[2], rules);
    }
  }
  // Stopwords only refine the coverage of cross-language quote bridges; without them every
  // word counts as content, which is stricter, not wrong.
  Result<Stopwords> sw = Stopwords::load(asset_dir);
  if (sw.ok()) lex.impl_->stopwords = std::move(*sw);
  return lex;
}

namespace {

using Impl = DiffAccess::Impl;

// ============================================================================================
// [SECTION] unit views
// ============================================================================================

struct LexMatch {
  uint32_t form = 0;
  Span span;
};

// One unit with what the comparisons read, computed once per comparison (once per group for
// the reference unit).
struct UnitView {
  const Document* doc = nullptr;
  const ClaimUnit* unit = nullptr;
  uint32_t doc_index = 0;
  std::string lang;
  std::string outlet;          // for messages: the source, else the article id
  Span content;                // the unit's own text
  Span frame;                  // content plus its sentence, quote marks' speaker and verb
  const QuoteInfo* quote = nullptr;  // a direct quotation that is, or covers, the unit
  std::vector<uint32_t> toks;        // Analysis::tokens in the frame, text order
  std::vector<std::string> keys;     // lexicon keys, parallel to toks
  std::vector<bool> initial;         // first word of its sentence, parallel to toks
  std::vector<const QuantityInfo*> numbers;  // in the content
  std::vector<uint32_t> mentions;            // indices into Analysis::mentions: content + quote speaker
  mutable std::optional<std::vector<LexMatch>> matches[3];  // per LexKind, over the frame, on first use
};

UnitView make_view(const Corpus& corpus, const ClaimUnit& u) {
  UnitView v;
  v.unit = &u;
  v.doc_index = u.doc;
  v.doc = &corpus.doc(u.doc);
  const Document& d = *v.doc;
  const Analysis& an = d.analysis;
  v.lang = !u.lang.empty() ? u.lang
           : u.sentence < an.sentences.size() ? an.sentences[u.sentence].language
                                              : d.meta.language;
  v.outlet = !d.meta.source.empty() ? d.meta.source : !d.meta.id.empty() ? d.meta.id : "article " + std::to_string(u.doc);
  v.content = u.span;

  // The quote: the unit's own, else a direct quotation (not a quoted term) that covers at
  // least half of the unit: a sentence that only quotes a phrase is not a quotation.
  if ((u.kinds & kClaimQuote) && u.quote >= 0 && static_cast<size_t>(u.quote) < an.quotes.size()) {
    v.quote = &an.quotes[static_cast<size_t>(u.quote)];
  } else {
    uint32_t best = 0;
    for (const QuoteInfo& q : an.quotes) {
      const uint32_t ov = overlap(q.span, u.span);
      if (ov == 0 || ov * 2 < u.span.size() || is_term_quote(d.slice(q.span))) continue;
      if (ov > best) {
        best = ov;
        v.quote = &q;
      }
    }
  }

  v.frame = v.content;
  if (u.sentence < an.sentences.size()) v.frame = span_union(v.frame, an.sentences[u.sentence].span);
  if (v.quote) {
    v.frame = span_union(v.frame, v.quote->span);
    v.frame = span_union(v.frame, v.quote->cue);
    v.frame = span_union(v.frame, v.quote->speaker);
  }

  auto first = std::lower_bound(an.tokens.begin(), an.tokens.end(), v.frame.begin,
                                [](const TokenInfo& t, uint32_t at) { return t.span.begin < at; });
  for (auto it = first; it != an.tokens.end() && it->span.begin < v.frame.end; ++it) {
    if (it->span.end > v.frame.end) break;
    const auto ti = static_cast<uint32_t>(it - an.tokens.begin());
    v.toks.push_back(ti);
    v.keys.push_back(lexicon_key(d.slice(it->span)));
    v.initial.push_back(ti == 0 || an.tokens[ti - 1].sentence != it->sentence);
  }
  for (const QuantityInfo& q : an.quantities)
    if (overlap(q.span, v.content) > 0) v.numbers.push_back(&q);
  const bool own_quote = (u.kinds & kClaimQuote) && v.quote;
  for (uint32_t m = 0; m < an.mentions.size(); ++m) {
    const Span s = an.mentions[m].span;
    if (overlap(s, v.content) > 0 || (own_quote && v.quote->speaker.size() > 0 && overlap(s, v.quote->speaker) > 0))
      v.mentions.push_back(m);
  }
  return v;
}

// Positions (into v.toks) of the word tokens inside `region`, at most kMaxDiffTokens.
std::vector<uint32_t> words_in(const UnitView& v, Span region) {
  std::vector<uint32_t> out;
  const auto& tokens = v.doc->analysis.tokens;
  for (uint32_t i = 0; i < v.toks.size() && out.size() < kMaxDiffTokens; ++i) {
    const TokenInfo& t = tokens[v.toks[i]];
    if (inside(t.span, region) && !t.stem.empty()) out.push_back(i);
  }
  return out;
}

const std::string& stem_at(const UnitView& v, uint32_t pos) { return v.doc->analysis.tokens[v.toks[pos]].stem; }
Span span_at(const UnitView& v, uint32_t pos) { return v.doc->analysis.tokens[v.toks[pos]].span; }

bool capitalised(std::string_view word) {
  size_t i = 0;
  if (word.empty()) return false;
  const char32_t c = next_codepoint(word, i);
  return utf8proc_isupper(static_cast<utf8proc_int32_t>(c));
}

// ============================================================================================
// [SECTION] lexicon matching
// ============================================================================================

// Lexicon forms of `kind` in `region` of the unit's frame, longest first at each word, never
// overlapping.
std::vector<LexMatch> scan_forms(const Impl& lex, LexKind kind, const UnitView& v, Span region) {
  const Span skip{};
  std::vector<LexMatch> out;
  const Document& d = *v.doc;
  if (is_cjk_lang(v.lang)) {
    auto it = lex.cjk.find(index_key(kind, v.lang, ""));
    if (it == lex.cjk.end()) return out;
    // Token boundaries: a Chinese form must start and end on one, so 可能 does not match inside
    // 可能性. Japanese needs only one of the two: the dictionary segmenter glues particles to
    // the word before ("保有|すると|み|られる"), so とみられる starts inside a token.
    std::unordered_set<uint32_t> starts, ends;
    for (uint32_t ti : v.toks) {
      starts.insert(d.analysis.tokens[ti].span.begin);
      ends.insert(d.analysis.tokens[ti].span.end);
    }
    const std::string_view text = d.slice(region);
    std::vector<LexMatch> found;
    for (uint32_t fi : it->second) {
      const std::string& needle = lex.forms[fi].cjk;
      for (size_t at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + 1)) {
        const Span s{static_cast<uint32_t>(region.begin + at), static_cast<uint32_t>(region.begin + at + needle.size())};
        const bool at_start = starts.count(s.begin) > 0, at_end = ends.count(s.end) > 0;
        if (!v.toks.empty() && !(v.lang == "ja" ? at_start || at_end : at_start && at_end)) continue;
        if (skip.size() > 0 && overlap(s, skip) > 0) continue;
        found.push_back({fi, s});
      }
    }
    std::sort(found.begin(), found.end(), [](const LexMatch& a, const LexMatch& b) {
      return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.size() > b.span.size();
    });
    uint32_t covered = 0;
    for (const LexMatch& m : found) {
      if (m.span.begin < covered) continue;
      out.push_back(m);
      covered = m.span.end;
    }
    return out;
  }
  const auto& tokens = d.analysis.tokens;
  auto lang_forms = lex.by_first.find(index_key(kind, v.lang, ""));
  if (lang_forms == lex.by_first.end()) return out;
  const auto* forms_by_first = &lang_forms->second;
  for (uint32_t i = 0; i < v.toks.size();) {
    const TokenInfo& t = tokens[v.toks[i]];
    if (!inside(t.span, region) || (skip.size() > 0 && overlap(t.span, skip) > 0)) {
      ++i;
      continue;
    }
    // A capitalised word inside a sentence is a name ("May 22", "Will Smith"); German
    // capitalises its nouns, so there the rule would hide "Propaganda".
    if (v.lang != "de" && !v.initial[i] && capitalised(d.slice(t.span))) {
      ++i;
      continue;
    }
    const std::string& first = kind == LexKind::Evaluative ? t.stem : v.keys[i];
    auto it = forms_by_first->find(first);
    size_t best_len = 0;
    uint32_t best_form = 0;
    if (it != forms_by_first->end()) {
      for (uint32_t fi : it->second) {
        const Form& f = lex.forms[fi];
        if (f.words.size() <= best_len || i + f.words.size() > v.toks.size()) continue;
        bool ok = true;
        for (size_t k = 1; k < f.words.size() && ok; ++k) {
          const TokenInfo& tk = tokens[v.toks[i + k]];
          const std::string& key = kind == LexKind::Evaluative ? tk.stem : v.keys[i + k];
          ok = key == f.words[k] && inside(tk.span, region) && tk.sentence == t.sentence &&
               (f.prefixes.empty() || v.keys[i + k].rfind(f.prefixes[k], 0) == 0);
        }
        if (ok && !f.prefixes.empty()) ok = v.keys[i].rfind(f.prefixes[0], 0) == 0;
        if (ok) {
          best_len = f.words.size();
          best_form = fi;
        }
      }
    }
    if (best_len == 0) {
      ++i;
      continue;
    }
    out.push_back({best_form, {t.span.begin, tokens[v.toks[i + best_len - 1]].span.end}});
    i += static_cast<uint32_t>(best_len);
  }
  return out;
}

// The same over the unit's whole frame, scanned once per unit and kind, then kept to `region`
// and out of `skip` (a quote's own words, when looking for the verb that frames it).
std::vector<LexMatch> match_forms(const Impl& lex, LexKind kind, const UnitView& v, Span region, Span skip = {}) {
  std::optional<std::vector<LexMatch>>& cached = v.matches[static_cast<int>(kind)];
  if (!cached) cached = scan_forms(lex, kind, v, v.frame);
  std::vector<LexMatch> out;
  for (const LexMatch& m : *cached)
    if (inside(m.span, region) && (skip.size() == 0 || overlap(m.span, skip) == 0)) out.push_back(m);
  return out;
}

// ============================================================================================
// [SECTION] numbers
// ============================================================================================

// Which quantities can be compared with which: a year with a date, a count with a plain
// number ("1,000 warheads" = "mille testate" whatever the noun), a percentage with a percentage.
int number_class(QuantityKind k) {
  switch (k) {
    case QuantityKind::Year:
    case QuantityKind::Date: return 0;
    case QuantityKind::Percent: return 1;
    case QuantityKind::Money: return 2;
    case QuantityKind::Duration: return 3;
    default: return 4;
  }
}
bool is_time(const QuantityInfo& q) { return number_class(q.kind) == 0; }
bool corrupt(const QuantityInfo& q) { return !std::isfinite(q.value); }

bool same_quantity(const QuantityInfo& a, const QuantityInfo& b) {
  if (number_class(a.kind) != number_class(b.kind) || corrupt(a) || corrupt(b)) return false;
  if (is_time(a) && !a.iso.empty() && !b.iso.empty()) {
    // "2025" and "2025-05-22" agree: one is only less precise.
    return a.iso.rfind(b.iso, 0) == 0 || b.iso.rfind(a.iso, 0) == 0;
  }
  if ((a.kind == QuantityKind::Money || a.kind == QuantityKind::Duration) && !a.unit.empty() && !b.unit.empty() &&
      a.unit != b.unit)
    return false;
  return std::fabs(a.value - b.value) <= 1e-9 * std::max(1.0, std::fabs(a.value));
}

struct NumberPairs {
  std::vector<std::pair<const QuantityInfo*, const QuantityInfo*>> equal, differ;
  std::vector<const QuantityInfo*> only_a, only_b;
};

// Equal values first; then what is left pairs up by class (same unit noun first, else in text
// order) as disagreements; the rest is on one side only. A corrupt number pairs like any other.
NumberPairs pair_numbers(const std::vector<const QuantityInfo*>& a, const std::vector<const QuantityInfo*>& b) {
  NumberPairs p;
  std::vector<bool> used_a(a.size()), used_b(b.size());
  for (size_t i = 0; i < a.size(); ++i)
    for (size_t j = 0; j < b.size(); ++j)
      if (!used_b[j] && same_quantity(*a[i], *b[j])) {
        used_a[i] = used_b[j] = true;
        p.equal.emplace_back(a[i], b[j]);
        break;
      }
  for (size_t i = 0; i < a.size(); ++i) {
    if (used_a[i]) continue;
    size_t pick = b.size();
    for (size_t j = 0; j < b.size(); ++j) {
      if (used_b[j] || number_class(a[i]->kind) != number_class(b[j]->kind)) continue;
      if (pick == b.size()) pick = j;
      if (!a[i]->unit.empty() && lexicon_key(a[i]->unit) == lexicon_key(b[j]->unit)) {
        pick = j;
        break;
      }
    }
    if (pick == b.size()) continue;
    used_a[i] = used_b[pick] = true;
    p.differ.emplace_back(a[i], b[pick]);
  }
  for (size_t i = 0; i < a.size(); ++i)
    if (!used_a[i]) p.only_a.push_back(a[i]);
  for (size_t j = 0; j < b.size(); ++j)
    if (!used_b[j]) p.only_b.push_back(b[j]);
  return p;
}

std::string describe(const Document& d, const QuantityInfo& q) {
  std::string s = in_quotes(d.slice(q.span));
  if (corrupt(q)) return s;
  const std::string v = is_time(q) && !q.iso.empty() ? q.iso : format_value(q.value);
  if (d.slice(q.span) != v) {
    s += " (" + v;
    if (!q.unit.empty() && !is_time(q)) s += " " + q.unit;
    s += ")";
  }
  return s;
}

void number_differences(const UnitView& a, const UnitView& b, std::vector<Difference>& out) {
  const NumberPairs p = pair_numbers(a.numbers, b.numbers);
  for (auto [qa, qb] : p.differ) {
    Difference d;
    d.kind = DiffKind::NumberMismatch;
    d.spans_a = {qa->span};
    d.spans_b = {qb->span};
    d.label_a = clip(a.doc->slice(qa->span));
    d.label_b = clip(b.doc->slice(qb->span));
    d.severity = kSevNumberMismatch;
    if (corrupt(*qa) || corrupt(*qb)) {
      const UnitView& bad = corrupt(*qb) ? b : a;
      const QuantityInfo& qbad = corrupt(*qb) ? *qb : *qa;
      const UnitView& good = corrupt(*qb) ? a : b;
      const QuantityInfo& qgood = corrupt(*qb) ? *qa : *qb;
      d.message = bad.outlet + " writes " + in_quotes(bad.doc->slice(qbad.span)) + " where " + good.outlet +
                  " writes " + describe(*good.doc, qgood) + ": one outlet's number is missing or corrupt" +
                  (bad.doc->slice(qbad.span).find("XNUMX") != std::string_view::npos
                       ? " (XNUMX is a scraping artefact that replaced the digits)."
                       : ".");
    } else {
      d.message = a.outlet + " gives " + describe(*a.doc, *qa) + ", " + b.outlet + " gives " +
                  describe(*b.doc, *qb) + (is_time(*qa) ? ": the dates disagree." : ": the numbers disagree.");
    }
    out.push_back(std::move(d));
  }
  auto missing = [&](const UnitView& has, const UnitView& lacks, const QuantityInfo& q, bool in_a) {
    Difference d;
    // A corrupt number with nothing to pair with is still a corrupt number.
    d.kind = corrupt(q) ? DiffKind::NumberMismatch : DiffKind::NumberMissing;
    (in_a ? d.spans_a : d.spans_b).push_back(q.span);
    (in_a ? d.label_a : d.label_b) = clip(has.doc->slice(q.span));
    if (corrupt(q)) {
      d.severity = kSevNumberMismatch;
      d.message = has.outlet + " writes " + in_quotes(has.doc->slice(q.span)) +
                  ": its number is missing or corrupt, and " + lacks.outlet + " gives none to compare.";
    } else {
      d.severity = is_time(q) ? kSevDateMissing : kSevNumberMissing;
      d.message = has.outlet + " gives " + describe(*has.doc, q) + "; " + lacks.outlet + " leaves " +
                  (is_time(q) ? "the date" : "the number") + " out.";
    }
    out.push_back(std::move(d));
  };
  for (const QuantityInfo* q : p.only_a) missing(a, b, *q, true);
  for (const QuantityInfo* q : p.only_b) missing(b, a, *q, false);
}

// ============================================================================================
// [SECTION] entities
// ============================================================================================

struct NamedThing {
  std::string key;   // what identifies it across documents
  std::string name;  // for display
  Span span;
};

// The names of a unit (within `region` if not empty), one per entity, leaving out `speaker`
// (compared as attribution instead) and "names" that are quantities (a corrupt "XNUMX").
std::vector<NamedThing> named_things(const UnitView& v, const EntityIndex* entities, Span region, Span speaker = {}) {
  std::vector<NamedThing> out;
  const Analysis& an = v.doc->analysis;
  for (uint32_t m : v.mentions) {
    const MentionInfo& mi = an.mentions[m];
    if (region.size() > 0 && overlap(mi.span, region) == 0) continue;
    if (speaker.size() > 0 && overlap(mi.span, speaker) > 0) continue;
    if (std::any_of(an.quantities.begin(), an.quantities.end(),
                    [&](const QuantityInfo& q) { return inside(mi.span, q.span); }))
      continue;
    NamedThing t;
    t.span = mi.span;
    t.name = std::string(v.doc->slice(mi.span));
    uint32_t id = EntityIndex::kNoEntity;
    if (entities && v.doc_index < entities->mention_entity.size() && m < entities->mention_entity[v.doc_index].size())
      id = entities->mention_entity[v.doc_index][m];
    if (id != EntityIndex::kNoEntity && id < entities->entities.size()) {
      t.key = "e:" + std::to_string(id);
      t.name = entities->entities[id].name;
    } else if (!mi.known_id.empty()) {
      t.key = "k:" + mi.known_id;
    } else {
      t.key = "m:" + mi.key;
    }
    if (std::none_of(out.begin(), out.end(), [&](const NamedThing& o) { return o.key == t.key; }))
      out.push_back(std::move(t));
  }
  return out;
}

// The bridges of `link` oriented so that .a is in unit a's document.
std::vector<Bridge> oriented_bridges(const ClaimLink* link, const ClaimUnit& a) {
  std::vector<Bridge> out;
  if (!link) return out;
  for (Bridge br : link->bridges) {
    if (link->a != a.id) std::swap(br.a, br.b);
    out.push_back(std::move(br));
  }
  return out;
}

// Things of `mine` the other side does not name: no shared key, and no entity bridge of the
// link touching it (a bridge means the alignment already matched it under another key).
std::vector<const NamedThing*> unmatched(const std::vector<NamedThing>& mine, const std::vector<NamedThing>& theirs,
                                         const std::vector<Bridge>& bridges, bool mine_is_a) {
  std::vector<const NamedThing*> out;
  for (const NamedThing& t : mine) {
    bool found = std::any_of(theirs.begin(), theirs.end(), [&](const NamedThing& o) { return o.key == t.key; });
    for (const Bridge& br : bridges)
      if (!found && br.kind == BridgeKind::Entity && overlap(mine_is_a ? br.a : br.b, t.span) > 0) found = true;
    if (!found) out.push_back(&t);
  }
  return out;
}

// `speaker_a`, `speaker_b`: who each side says said it. When both name someone, the speakers
// are the attribution's business: "He noted" against "Rutte ha affermato" adds no entity.
void entity_differences(const UnitView& a, const UnitView& b, const EntityIndex* entities,
                        const std::vector<Bridge>& bridges, Span speaker_a, Span speaker_b,
                        std::vector<Difference>& out) {
  const bool both = speaker_a.size() > 0 && speaker_b.size() > 0;
  const std::vector<NamedThing> ta = named_things(a, entities, {}, both ? speaker_a : Span{});
  const std::vector<NamedThing> tb = named_things(b, entities, {}, both ? speaker_b : Span{});
  for (int side = 0; side < 2; ++side) {
    const bool dropped = side == 0;
    const std::vector<const NamedThing*> extra =
        dropped ? unmatched(ta, tb, bridges, true) : unmatched(tb, ta, bridges, false);
    if (extra.empty()) continue;
    Difference d;
    d.kind = dropped ? DiffKind::EntityDropped : DiffKind::EntityAdded;
    std::vector<std::string> names;
    for (const NamedThing* t : extra) {
      (dropped ? d.spans_a : d.spans_b).push_back(t->span);
      names.push_back(t->name);
    }
    (dropped ? d.label_a : d.label_b) = clip(join(names, ", "));
    d.severity = std::min(kSevEntityMax, kSevEntityFirst + kSevEntityEach * static_cast<float>(extra.size() - 1));
    const UnitView& has = dropped ? a : b;
    const UnitView& lacks = dropped ? b : a;
    d.message = has.outlet + " names " + join(names, ", ") + "; " + lacks.outlet + " does not.";
    out.push_back(std::move(d));
  }
}

// ============================================================================================
// [SECTION] quotes
// ============================================================================================

size_t negation_count(const UnitView& v, Span region) {
  auto it = negations().find(v.lang);
  if (it == negations().end()) return 0;
  size_t n = 0;
  if (is_cjk_lang(v.lang)) {
    const std::string_view text = v.doc->slice(region);
    for (const std::string& w : it->second)
      for (size_t at = text.find(w); at != std::string_view::npos; at = text.find(w, at + w.size())) ++n;
    return n;
  }
  const auto& tokens = v.doc->analysis.tokens;
  for (size_t i = 0; i < v.toks.size(); ++i)
    if (inside(tokens[v.toks[i]].span, region) &&
        std::find(it->second.begin(), it->second.end(), v.keys[i]) != it->second.end())
      ++n;
  return n;
}

std::vector<const QuantityInfo*> numbers_in(const UnitView& v, Span region) {
  std::vector<const QuantityInfo*> out;
  for (const QuantityInfo& q : v.doc->analysis.quantities)
    if (overlap(q.span, region) > 0) out.push_back(&q);
  return out;
}

// Longest common subsequence of two key sequences: for each position of a and b, whether it is
// in the common part.
void lcs(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b, std::vector<bool>& in_a,
         std::vector<bool>& in_b) {
  const size_t n = a.size(), m = b.size();
  std::vector<uint16_t> t((n + 1) * (m + 1), 0);
  auto at = [&](size_t i, size_t j) -> uint16_t& { return t[i * (m + 1) + j]; };
  for (size_t i = n; i-- > 0;)
    for (size_t j = m; j-- > 0;)
      at(i, j) = a[i] == b[j] ? static_cast<uint16_t>(at(i + 1, j + 1) + 1) : std::max(at(i + 1, j), at(i, j + 1));
  in_a.assign(n, false);
  in_b.assign(m, false);
  for (size_t i = 0, j = 0; i < n && j < m;) {
    if (a[i] == b[j]) {
      in_a[i++] = true;
      in_b[j++] = true;
    } else if (at(i + 1, j) >= at(i, j + 1)) {
      ++i;
    } else {
      ++j;
    }
  }
}

// Where the shorter sequence occurs contiguously in the longer, or npos.
size_t contiguous_in(const std::vector<std::string_view>& shorter, const std::vector<std::string_view>& longer) {
  if (shorter.empty() || shorter.size() > longer.size()) return std::string::npos;
  auto it = std::search(longer.begin(), longer.end(), shorter.begin(), shorter.end());
  return it == longer.end() ? std::string::npos : static_cast<size_t>(it - longer.begin());
}

// Runs of consecutive positions (into v.toks) turned into spans.
std::vector<Span> runs(const UnitView& v, const std::vector<uint32_t>& positions) {
  std::vector<Span> out;
  for (size_t i = 0; i < positions.size(); ++i) {
    const Span s = span_at(v, positions[i]);
    if (i > 0 && positions[i] == positions[i - 1] + 1) {
      out.back().end = s.end;
    } else {
      out.push_back(s);
    }
  }
  return out;
}
std::string runs_text(const UnitView& v, const std::vector<Span>& spans) {
  std::vector<std::string> parts;
  for (Span s : spans) parts.push_back(std::string(v.doc->slice(s)));
  return clip(join(parts, " … "));
}

// Share of a region's content words that some bridge of the link touches.
float bridged_share(const UnitView& v, Span region, const std::vector<Bridge>& bridges, bool is_a, const Impl& lex) {
  size_t words = 0, bridged = 0;
  const auto& tokens = v.doc->analysis.tokens;
  for (uint32_t ti : v.toks) {
    const TokenInfo& t = tokens[ti];
    if (!inside(t.span, region) || t.stem.empty()) continue;
    if (lex.stopwords.has_language(v.lang) && lex.stopwords.is_stopword(fold_for_search(v.doc->slice(t.span)), v.lang))
      continue;
    ++words;
    for (const Bridge& br : bridges)
      if (overlap(is_a ? br.a : br.b, t.span) > 0) {
        ++bridged;
        break;
      }
  }
  return words ? static_cast<float>(bridged) / static_cast<float>(words) : 0.f;
}

// What changed inside two quotes that should say the same: a number, a negation, a name
// swapped for another. Empty when nothing did.
std::string alteration(const UnitView& a, const UnitView& b, const EntityIndex* entities,
                       const std::vector<Bridge>& bridges, std::vector<Span>& mark_a, std::vector<Span>& mark_b) {
  const Span qa = a.quote->span, qb = b.quote->span;
  const NumberPairs p = pair_numbers(numbers_in(a, qa), numbers_in(b, qb));
  if (!p.differ.empty()) {
    auto [na, nb] = p.differ.front();
    mark_a.push_back(na->span);
    mark_b.push_back(nb->span);
    return "the number " + in_quotes(a.doc->slice(na->span)) + " in " + a.outlet + "'s quote is " +
           in_quotes(b.doc->slice(nb->span)) + " in " + b.outlet + "'s";
  }
  const size_t neg_a = negation_count(a, qa), neg_b = negation_count(b, qb);
  if (neg_a != neg_b) {
    const UnitView& more = neg_a > neg_b ? a : b;
    return "a negation appears only in " + more.outlet + "'s quote";
  }
  const std::vector<NamedThing> ea = named_things(a, entities, qa), eb = named_things(b, entities, qb);
  const auto only_a = unmatched(ea, eb, bridges, true), only_b = unmatched(eb, ea, bridges, false);
  if (!only_a.empty() && !only_b.empty()) {
    mark_a.push_back(only_a.front()->span);
    mark_b.push_back(only_b.front()->span);
    return a.outlet + "'s quote names " + only_a.front()->name + " where " + b.outlet + "'s names " +
           only_b.front()->name;
  }
  return {};
}

std::vector<std::string_view> keys_of(const UnitView& v, const std::vector<uint32_t>& positions, bool stems) {
  std::vector<std::string_view> out;
  for (uint32_t p : positions) out.push_back(stems ? std::string_view(stem_at(v, p)) : std::string_view(v.keys[p]));
  return out;
}

void quote_differences(const UnitView& a, const UnitView& b, const EntityIndex* entities, const Impl& lex,
                       const std::vector<Bridge>& bridges, bool has_link, bool speaker_a, bool speaker_b,
                       std::vector<Difference>& out) {
  if (!a.quote && !b.quote) return;
  Difference d;
  d.kind = DiffKind::QuoteFidelity;
  if (!a.quote || !b.quote) {
    const UnitView& q = a.quote ? a : b;
    const UnitView& r = a.quote ? b : a;
    const bool r_attributed = a.quote ? speaker_b : speaker_a;
    d.fidelity = QuoteFidelity::QuoteVsReported;
    (a.quote ? d.spans_a : d.spans_b).push_back(q.quote->span);
    (a.quote ? d.label_a : d.label_b) = "quote";
    (a.quote ? d.label_b : d.label_a) = r_attributed ? "reported speech" : "no quotation";
    d.severity = r_attributed ? kSevQuoteVsReported : kSevQuoteVsUnattributed;
    const std::string speaker =
        q.quote->speaker.size() > 0 ? " of " + std::string(q.doc->slice(q.quote->speaker)) : std::string();
    d.message = q.outlet + " gives it as a direct quotation" + speaker + "; " + r.outlet +
                (r_attributed ? " gives it as reported speech, without quotation marks."
                              : " states it without quotation marks or a speaker, in its own voice.");
    out.push_back(std::move(d));
    return;
  }
  std::string changed = alteration(a, b, entities, bridges, d.spans_a, d.spans_b);
  if (!changed.empty()) {
    d.fidelity = QuoteFidelity::Altered;
    d.label_a = d.label_b = "altered";
    d.severity = kSevQuoteAltered;
    d.message = "The quotes differ in substance: " + changed + ".";
    out.push_back(std::move(d));
    return;
  }
  if (a.lang == b.lang) {
    const std::vector<uint32_t> wa = words_in(a, a.quote->span), wb = words_in(b, b.quote->span);
    const auto ka = keys_of(a, wa, false), kb = keys_of(b, wb, false);
    if (ka == kb) {
      d.fidelity = QuoteFidelity::Verbatim;
      d.label_a = d.label_b = "verbatim";
      d.message = a.outlet + " and " + b.outlet + " quote the same words.";
      out.push_back(std::move(d));
      return;
    }
    const bool a_shorter = ka.size() < kb.size();
    const size_t at = a_shorter ? contiguous_in(ka, kb) : contiguous_in(kb, ka);
    if (at != std::string::npos) {
      const UnitView& longer = a_shorter ? b : a;
      const std::vector<uint32_t>& wl = a_shorter ? wb : wa;
      const size_t n = a_shorter ? ka.size() : kb.size();
      std::vector<uint32_t> cut;
      for (size_t i = 0; i < wl.size(); ++i)
        if (i < at || i >= at + n) cut.push_back(wl[i]);
      const std::vector<Span> spans = runs(longer, cut);
      (a_shorter ? d.spans_b : d.spans_a) = spans;
      d.fidelity = QuoteFidelity::Trimmed;
      d.label_a = a_shorter ? "trimmed" : "full";
      d.label_b = a_shorter ? "full" : "trimmed";
      d.severity = kSevQuoteTrimmed;
      d.message = (a_shorter ? a.outlet : b.outlet) + " quotes only part of what " + longer.outlet +
                  " quotes, leaving out " + in_quotes(runs_text(longer, spans)) + ".";
      out.push_back(std::move(d));
      return;
    }
    std::vector<bool> in_a, in_b;
    const auto sa = keys_of(a, wa, true), sb = keys_of(b, wb, true);
    lcs(sa, sb, in_a, in_b);
    const size_t common = static_cast<size_t>(std::count(in_a.begin(), in_a.end(), true));
    d.fidelity = QuoteFidelity::Paraphrased;
    d.label_a = d.label_b = "paraphrased";
    d.severity = kSevQuoteParaphrased;
    d.message = "The quotes share " + std::to_string(common) + " of " + std::to_string(std::max(sa.size(), sb.size())) +
                " words: " + a.outlet + " and " + b.outlet + " do not quote the same words.";
    out.push_back(std::move(d));
    return;
  }
  // Across languages the word bridges of the alignment tell a close translation from a loose
  // one; without a link nothing tells them apart, so no verdict (names, numbers and negation
  // were checked above).
  if (!has_link) return;
  const float cov = std::min(bridged_share(a, a.quote->span, bridges, true, lex),
                             bridged_share(b, b.quote->span, bridges, false, lex));
  char pct[16];
  std::snprintf(pct, sizeof pct, "%d%%", static_cast<int>(std::lround(cov * 100)));
  if (cov >= kFaithfulCoverage) {
    d.fidelity = QuoteFidelity::Verbatim;
    d.label_a = d.label_b = "translated";
    d.message = b.outlet + "'s quote reads as a close translation of " + a.outlet + "'s: " + pct +
                " of the content words are bridged, and names, numbers and negation agree.";
  } else {
    d.fidelity = QuoteFidelity::Paraphrased;
    d.label_a = d.label_b = "paraphrased";
    d.severity = kSevQuoteParaphrased;
    d.message = "Only " + std::string(pct) + " of the content words of the two quotes are bridged: " + b.outlet +
                " renders " + a.outlet + "'s quote loosely, or quotes other words.";
  }
  out.push_back(std::move(d));
}

// ============================================================================================
// [SECTION] reporting verbs and attribution
// ============================================================================================

struct Verb {
  Span span;
  std::string text;
  std::string stance;  // empty: not in the lexicon
};

// The verb that frames the unit: its quote's cue, else the first reporting verb of its frame
// outside the quoted words. "According to" forms are sources, not verbs.
bool find_verb(const Impl& lex, const UnitView& v, Verb& out) {
  if (v.quote && v.quote->cue.size() > 0) {
    out.span = v.quote->cue;
    out.text = std::string(v.doc->slice(out.span));
    for (const LexMatch& m : match_forms(lex, LexKind::Verb, v, v.quote->cue))
      if (lex.forms[m.form].cls != "source") {
        out.stance = lex.forms[m.form].cls;
        break;
      }
    return true;
  }
  for (const LexMatch& m : match_forms(lex, LexKind::Verb, v, v.frame, v.quote ? v.quote->span : Span{})) {
    if (lex.forms[m.form].cls == "source") continue;
    out.span = m.span;
    out.text = std::string(v.doc->slice(m.span));
    out.stance = lex.forms[m.form].cls;
    return true;
  }
  return false;
}

// True when the text before `at` (spaces skipped) ends with a comma, colon, quote mark or
// dash: a reporting verb there opens a clause and may have its subject after it.
bool after_clause_mark(std::string_view text, size_t at) {
  while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t')) --at;
  if (at == 0) return true;
  size_t begin = at - 1;
  while (begin > 0 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) --begin;
  size_t i = begin;
  const char32_t c = next_codepoint(text, i);
  static const std::u32string marks = U",;:\"'-\u2013\u2014\u201C\u201D\u201E\u00AB\u00BB\u300D\u300F\uFF0C\uFF1A";
  return marks.find(c) != std::u32string::npos;
}

bool is_pronoun(std::string_view key) {
  static const std::unordered_set<std::string_view> p = {
      "he", "she", "they", "we", "i",   "er",   "sie",  "wir", "ich", "lui",  "lei", "loro",
      "il", "elle", "ils", "elles", "je", "nous", "él", "ella", "ellos", "он",  "она", "они",
      "мы", "я",   "他",  "她",  "他们", "彼",  "彼女"};
  return p.count(key) > 0;
}

// Who the unit says said it: the quote's speaker, the source after "according to", or the name
// (or pronoun) next to its reporting verb. Empty when it names nobody.
struct Speaker {
  std::string label;
  Span span;
};
Speaker find_speaker(const Impl& lex, const UnitView& v, const Verb* verb) {
  Speaker s;
  const Document& d = *v.doc;
  if (v.quote && v.quote->speaker.size() > 0) {
    s.span = v.quote->speaker;
    s.label = std::string(d.slice(s.span));
    return s;
  }
  const Analysis& an = d.analysis;
  // The closest person or organisation after (or before) `at`, at most `max_gap` bytes away,
  // outside the quoted words.
  auto name_near = [&](Span at, bool after, uint32_t max_gap,
                       std::optional<EntityType> only = std::nullopt) -> const MentionInfo* {
    const MentionInfo* best = nullptr;
    uint32_t best_gap = max_gap + 1;
    for (const MentionInfo& m : an.mentions) {
      if (!inside(m.span, v.frame) || m.demonym || (v.quote && overlap(m.span, v.quote->span) > 0)) continue;
      if (m.type != EntityType::Person && m.type != EntityType::Organisation) continue;
      if (only && m.type != *only) continue;
      if (after ? m.span.begin < at.end : m.span.end > at.begin) continue;
      const uint32_t gap = after ? m.span.begin - at.end : at.begin - m.span.end;
      if (gap < best_gap) {
        best_gap = gap;
        best = &m;
      }
    }
    return best;
  };
  // "according to X", "laut X", "secondo X", "по словам X"; "X zufolge" has it before.
  for (const LexMatch& m : match_forms(lex, LexKind::Verb, v, v.frame, v.quote ? v.quote->span : Span{})) {
    if (lex.forms[m.form].cls != "source") continue;
    const MentionInfo* who = name_near(m.span, true, kMaxSourceGapBytes);
    if (!who) who = name_near(m.span, false, kMaxSourceGapBytes);
    s.span = who ? span_union(m.span, who->span) : m.span;
    s.label = clip(d.slice(who ? who->span : m.span));
    return s;
  }
  if (!verb || verb->span.size() == 0) return s;
  // The subject: after the verb only where the verb opens a clause after a quote or a comma
  // ("…,” said Rutte", ", schreibt das Magazin", "– betonte dann auch Kishida"), else before
  // it ("Rutte noted", "Rutte ha affermato"): "Rutte said Japan…" is not said by Japan.
  const MentionInfo* who = nullptr;
  if (after_clause_mark(d.text, verb->span.begin)) who = name_near(verb->span, true, kMaxInvertedGapBytes);
  // Before the verb a person wins over a nearer organisation: in "Rutte, in his first visit
  // as NATO's Secretary General, stressed" NATO is nearer, Rutte the subject.
  if (!who) who = name_near(verb->span, false, kMaxSubjectBytes, EntityType::Person);
  if (!who) who = name_near(verb->span, false, kMaxSubjectBytes);
  if (who) {
    s.span = who->span;
    s.label = std::string(d.slice(who->span));
    return s;
  }
  // A pronoun right before the verb ("He noted", "Lui ha detto"): someone is named before.
  for (size_t i = 1; i < v.toks.size(); ++i)
    if (an.tokens[v.toks[i]].span.begin == verb->span.begin && is_pronoun(v.keys[i - 1])) {
      s.span = an.tokens[v.toks[i - 1]].span;
      s.label = std::string(d.slice(s.span));
      return s;
    }
  // No subject at all: Italian, Spanish, Russian, Japanese and Chinese drop the pronoun
  // ("…", ha aggiunto), and the verb alone still says someone said it. The verb stands in.
  s.span = verb->span;
  s.label = "(" + clip(verb->text) + ")";
  return s;
}

void verb_difference(const UnitView& a, const UnitView& b, const Verb& va, const Verb& vb,
                     std::vector<Difference>& out) {
  if (va.stance.empty() || vb.stance.empty() || va.stance == vb.stance) return;
  Difference d;
  d.kind = DiffKind::ReportingVerb;
  d.spans_a = {va.span};
  d.spans_b = {vb.span};
  d.label_a = clip(va.text) + " (" + va.stance + ")";
  d.label_b = clip(vb.text) + " (" + vb.stance + ")";
  d.severity = judging_stance(va.stance) || judging_stance(vb.stance) ? kSevVerbStrong : kSevVerbMild;
  d.message = a.outlet + " reports it with " + in_quotes(va.text) + " (" + stance_gloss(va.stance) + "), " + b.outlet +
              " with " + in_quotes(vb.text) + " (" + stance_gloss(vb.stance) + ").";
  out.push_back(std::move(d));
}

void attribution_difference(const UnitView& a, const UnitView& b, const Speaker& sa, const Speaker& sb,
                            std::vector<Difference>& out) {
  if (sa.label.empty() == sb.label.empty()) return;
  const bool a_names = !sa.label.empty();
  Difference d;
  d.kind = DiffKind::Attribution;
  (a_names ? d.spans_a : d.spans_b).push_back(a_names ? sa.span : sb.span);
  (a_names ? d.label_a : d.label_b) = a_names ? sa.label : sb.label;
  d.severity = kSevAttribution;
  d.message = (a_names ? a.outlet : b.outlet) + " attributes it to " + in_quotes(a_names ? sa.label : sb.label) + "; " +
              (a_names ? b.outlet : a.outlet) + " names no speaker or source.";
  out.push_back(std::move(d));
}

// ============================================================================================
// [SECTION] hedges and evaluative words
// ============================================================================================

// Per class (hedge kind, polarity): the forms one side uses and the other side uses none of
// the same class. Comparing classes, not words, lets "is expected to" meet "si prevede".
void one_sided_words(const Impl& lex, LexKind kind, const UnitView& a, const UnitView& b,
                     std::vector<Difference>& out) {
  const std::vector<LexMatch> ma = match_forms(lex, kind, a, a.frame), mb = match_forms(lex, kind, b, b.frame);
  auto has_class = [&](const std::vector<LexMatch>& ms, const std::string& cls) {
    return std::any_of(ms.begin(), ms.end(), [&](const LexMatch& m) { return lex.forms[m.form].cls == cls; });
  };
  for (int side = 0; side < 2; ++side) {
    const std::vector<LexMatch>& mine = side == 0 ? ma : mb;
    const std::vector<LexMatch>& theirs = side == 0 ? mb : ma;
    const UnitView& has = side == 0 ? a : b;
    const UnitView& lacks = side == 0 ? b : a;
    std::vector<std::string> classes;
    for (const LexMatch& m : mine) {
      const std::string& cls = lex.forms[m.form].cls;
      if (!has_class(theirs, cls) && std::find(classes.begin(), classes.end(), cls) == classes.end())
        classes.push_back(cls);
    }
    for (const std::string& cls : classes) {
      Difference d;
      d.kind = kind == LexKind::Hedge ? DiffKind::Hedge : DiffKind::Evaluative;
      std::vector<std::string> words;
      for (const LexMatch& m : mine)
        if (lex.forms[m.form].cls == cls) {
          (side == 0 ? d.spans_a : d.spans_b).push_back(m.span);
          words.push_back(in_quotes(has.doc->slice(m.span)));
        }
      (side == 0 ? d.label_a : d.label_b) = clip(join(words, ", ")) + " (" + cls + ")";
      const std::string list = join(words, ", ");
      if (kind == LexKind::Evaluative) {
        d.severity = kSevEvaluative;
        d.message = has.outlet + " uses the " + (cls == "negative" ? "disparaging" : "exalting") + " word" +
                    (words.size() > 1 ? "s " : " ") + list + "; " + lacks.outlet + " does not.";
      } else if (cls == "certainty") {
        d.severity = kSevCertainty;
        d.message = has.outlet + " presents it as certain (" + list + "); " + lacks.outlet + " does not.";
      } else if (cls == "attribution-hedge") {
        d.severity = kSevAttributionHedge;
        d.message = has.outlet + " puts it on someone else's account without vouching for it (" + list + "); " +
                    lacks.outlet + " does not.";
      } else {
        d.severity = kSevHedge;
        d.message = has.outlet + " hedges it (" + list + "); " + lacks.outlet + " states it without a hedge.";
      }
      out.push_back(std::move(d));
    }
  }
}

// ============================================================================================
// [SECTION] word diff
// ============================================================================================

void word_difference(const UnitView& a, const UnitView& b, std::vector<Difference>& out) {
  const std::vector<uint32_t> wa = words_in(a, a.content), wb = words_in(b, b.content);
  if (wa.empty() || wb.empty()) return;
  const auto sa = keys_of(a, wa, true), sb = keys_of(b, wb, true);
  std::vector<bool> in_a, in_b;
  lcs(sa, sb, in_a, in_b);
  std::vector<uint32_t> deleted, inserted;
  for (size_t i = 0; i < wa.size(); ++i)
    if (!in_a[i]) deleted.push_back(wa[i]);
  for (size_t j = 0; j < wb.size(); ++j)
    if (!in_b[j]) inserted.push_back(wb[j]);
  if (deleted.empty() && inserted.empty()) return;
  Difference d;
  d.kind = DiffKind::Words;
  d.spans_a = runs(a, deleted);
  d.spans_b = runs(b, inserted);
  d.label_a = d.spans_a.empty() ? std::string() : "−" + runs_text(a, d.spans_a);
  d.label_b = d.spans_b.empty() ? std::string() : "+" + runs_text(b, d.spans_b);
  const size_t common = wa.size() - deleted.size();
  const float changed = static_cast<float>(deleted.size() + inserted.size()) / static_cast<float>(wa.size() + wb.size());
  d.severity = kSevWordsBase + kSevWordsSpan * changed;
  d.message = a.outlet + " and " + b.outlet + " share " + std::to_string(common) + " of " +
              std::to_string(std::max(wa.size(), wb.size())) + " words";
  if (!d.spans_a.empty()) d.message += "; only " + a.outlet + " writes " + in_quotes(runs_text(a, d.spans_a));
  if (!d.spans_b.empty()) d.message += "; only " + b.outlet + " writes " + in_quotes(runs_text(b, d.spans_b));
  d.message += ".";
  out.push_back(std::move(d));
}

}  // namespace

// ============================================================================================
// [SECTION] compare_units, add_differences
// ============================================================================================

namespace {

std::vector<Difference> compare_views(const EntityIndex* entities, const Impl& lex, const UnitView& va,
                                      const UnitView& vb, const ClaimLink* link) {
  std::vector<Difference> out;
  const ClaimUnit& a = *va.unit;
  const ClaimUnit& b = *vb.unit;
  if (link && !((link->a == a.id && link->b == b.id) || (link->a == b.id && link->b == a.id))) link = nullptr;
  const std::vector<Bridge> bridges = oriented_bridges(link, a);

  number_differences(va, vb, out);
  Verb verb_a, verb_b;
  const bool has_verb_a = find_verb(lex, va, verb_a), has_verb_b = find_verb(lex, vb, verb_b);
  const Speaker sa = find_speaker(lex, va, has_verb_a ? &verb_a : nullptr);
  const Speaker sb = find_speaker(lex, vb, has_verb_b ? &verb_b : nullptr);
  quote_differences(va, vb, entities, lex, bridges, link != nullptr, !sa.label.empty() || has_verb_a,
                    !sb.label.empty() || has_verb_b, out);
  if (has_verb_a && has_verb_b) verb_difference(va, vb, verb_a, verb_b, out);
  attribution_difference(va, vb, sa, sb, out);
  one_sided_words(lex, LexKind::Hedge, va, vb, out);
  one_sided_words(lex, LexKind::Evaluative, va, vb, out);
  entity_differences(va, vb, entities, bridges, sa.span, sb.span, out);
  if (va.lang == vb.lang) word_difference(va, vb, out);
  // Most important first, so a list cut short still shows the wrong number.
  std::stable_sort(out.begin(), out.end(), [](const Difference& x, const Difference& y) { return x.severity > y.severity; });
  for (Difference& d : out) {
    d.a = a.id;
    d.b = b.id;
  }
  return out;
}

}  // namespace

std::vector<Difference> compare_units(const Corpus& corpus, const EntityIndex* entities, const DiffLexicons& lexicons,
                                      const ClaimUnit& a, const ClaimUnit& b, const ClaimLink* link) {
  if (a.doc >= corpus.size() || b.doc >= corpus.size()) return {};
  return compare_views(entities, DiffAccess::impl(lexicons), make_view(corpus, a), make_view(corpus, b), link);
}

void add_differences(const Corpus& corpus, const EntityIndex* entities, const DiffLexicons& lex, ClaimIndex& index) {
  for (ClaimGroup& g : index.groups) {
    g.differences.clear();
    g.disagreement = 0;
    if (g.members.size() < 2 || g.members[0] >= index.units.size()) continue;
    const ClaimUnit& ref = index.units[g.members[0]];
    if (ref.doc >= corpus.size()) continue;
    const UnitView ref_view = make_view(corpus, ref);  // its lexicon matches are kept for every member
    float sum = 0, most = 0;
    size_t compared = 0;
    for (size_t i = 1; i < g.members.size(); ++i) {
      if (g.members[i] >= index.units.size()) continue;
      const ClaimUnit& other = index.units[g.members[i]];
      if (other.doc >= corpus.size()) continue;
      const ClaimLink* link = nullptr;
      for (const ClaimLink& l : g.links)
        if ((l.a == ref.id && l.b == other.id) || (l.a == other.id && l.b == ref.id)) link = &l;
      std::vector<Difference> diffs =
          compare_views(entities, DiffAccess::impl(lex), ref_view, make_view(corpus, other), link);
      // Differences combine like independent chances that the reader learns something else:
      // two small ones weigh more than one, and no pile of word changes passes 1.
      float same = 1;
      for (const Difference& d : diffs) same *= 1 - std::clamp(d.severity, 0.f, 1.f);
      const float member = 1 - same;
      sum += member;
      most = std::max(most, member);
      ++compared;
      for (Difference& d : diffs) g.differences.push_back(std::move(d));
    }
    // Half the worst member, half the average: one outlet that gets the number wrong ranks the
    // group high, and a group where everyone disagrees ranks higher still.
    if (compared) g.disagreement = 0.5f * most + 0.5f * sum / static_cast<float>(compared);
  }
  std::stable_sort(index.groups.begin(), index.groups.end(), [](const ClaimGroup& x, const ClaimGroup& y) {
    if (x.disagreement != y.disagreement) return x.disagreement > y.disagreement;
    if (x.outlets != y.outlets) return x.outlets > y.outlets;
    return x.members.size() > y.members.size();
  });
  index.group_of_unit.assign(index.units.size(), -1);
  for (size_t gi = 0; gi < index.groups.size(); ++gi) {
    index.groups[gi].id = static_cast<uint32_t>(gi);
    for (uint32_t u : index.groups[gi].members)
      if (u < index.group_of_unit.size()) index.group_of_unit[u] = static_cast<int32_t>(gi);
  }
}

}  // namespace px
