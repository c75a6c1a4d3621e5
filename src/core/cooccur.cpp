// cooccur.cpp — entity pairs per sentence or paragraph, NPMI, evidence (cooccur.h).
//
// One pass over the mentions of each document (sorted by position, so grouped by sentence):
// the distinct entities of a unit are counted once each, and every pair of them once, with the
// unit as evidence. Pairs live in a hash map keyed by (a, b); NPMI is computed at the end.
#include "cooccur.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <unordered_map>

namespace px {

double npmi(uint32_t ab, uint32_t a, uint32_t b, uint32_t n) {
  if (ab == 0 || a == 0 || b == 0 || n == 0) return -1.0;
  const double pab = static_cast<double>(ab) / n, pa = static_cast<double>(a) / n, pb = static_cast<double>(b) / n;
  const double h = -std::log(pab);
  // Both in every unit: perfectly associated (and PMI's 0/0).
  const double raw = h <= 0.0 ? 1.0 : std::log(pab / (pa * pb)) / h;
  return std::clamp(raw, -1.0, 1.0) * (ab / (ab + kNpmiShrink));
}

struct CooccurrenceJob::State {
  CooccurrenceOptions options;
  std::vector<uint32_t> docs;  // to count, in corpus order
  size_t next = 0;
  Cooccurrence result;
  // Pair counts in a hash map; evidence in one flat list (pair, unit) distributed to the pairs
  // at the end: one allocation per pair instead of a growing vector each.
  std::unordered_map<uint64_t, uint32_t> pair_index;  // (a << 32 | b) -> index in pair_keys
  std::vector<uint64_t> pair_keys;
  std::vector<uint32_t> pair_counts;
  struct Seen {
    uint32_t pair;
    Evidence at;
  };
  std::vector<Seen> seen;
  std::vector<uint32_t> unit_entities;  // scratch
  std::vector<uint32_t> paragraph_first_sentence;

  void count_unit(uint32_t doc, uint32_t sentence) {
    std::vector<uint32_t>& u = unit_entities;
    std::sort(u.begin(), u.end());
    u.erase(std::unique(u.begin(), u.end()), u.end());
    for (uint32_t e : u) result.entity_units[e]++;
    for (size_t i = 0; i < u.size(); ++i)
      for (size_t j = i + 1; j < u.size(); ++j) {
        const uint64_t key = (static_cast<uint64_t>(u[i]) << 32) | u[j];
        auto [it, fresh] = pair_index.emplace(key, static_cast<uint32_t>(pair_keys.size()));
        if (fresh) pair_keys.push_back(key), pair_counts.push_back(0);
        pair_counts[it->second]++;
        seen.push_back({it->second, {doc, sentence}});
      }
    u.clear();
  }

  void count_document(const Document& d, uint32_t doc, const EntityIndex& index) {
    const Analysis& an = d.analysis;
    const bool by_paragraph = options.scope == CooccurrenceScope::Paragraph;
    // Units: non-chrome sentences, or non-chrome paragraphs that hold a sentence.
    paragraph_first_sentence.assign(d.paragraphs.size(), UINT32_MAX);
    for (uint32_t s = 0; s < an.sentences.size(); ++s) {
      const SentenceInfo& si = an.sentences[s];
      if (si.boilerplate) continue;
      if (!by_paragraph) {
        result.units++;
      } else if (si.paragraph < paragraph_first_sentence.size() && paragraph_first_sentence[si.paragraph] == UINT32_MAX) {
        paragraph_first_sentence[si.paragraph] = s;
        result.units++;
      }
    }
    if (doc >= index.mention_entity.size()) return;
    const std::vector<uint32_t>& me = index.mention_entity[doc];
    uint32_t unit = UINT32_MAX, evidence_sentence = 0;
    for (uint32_t i = 0; i < an.mentions.size() && i < me.size(); ++i) {
      if (me[i] == EntityIndex::kNoEntity) continue;
      const uint32_t s = an.mentions[i].sentence;
      if (s >= an.sentences.size() || an.sentences[s].boilerplate) continue;
      uint32_t u = s, ev = s;
      if (by_paragraph) {
        u = an.sentences[s].paragraph;
        if (u >= paragraph_first_sentence.size()) continue;
        ev = paragraph_first_sentence[u];
      }
      if (u != unit) {
        if (unit != UINT32_MAX) count_unit(doc, evidence_sentence);
        unit = u, evidence_sentence = ev;
      }
      unit_entities.push_back(me[i]);
    }
    if (unit != UINT32_MAX) count_unit(doc, evidence_sentence);
  }

  Cooccurrence finish() {
    Cooccurrence out = std::move(result);
    std::vector<uint32_t> slot(pair_keys.size(), UINT32_MAX);  // pair -> index in out.pairs
    out.pairs.reserve(pair_keys.size());
    for (uint32_t i = 0; i < pair_keys.size(); ++i) {
      if (pair_counts[i] < options.min_count) continue;
      CooccurrencePair p;
      p.a = static_cast<uint32_t>(pair_keys[i] >> 32);
      p.b = static_cast<uint32_t>(pair_keys[i] & 0xffffffffu);
      p.count = pair_counts[i];
      p.npmi = npmi(p.count, out.entity_units[p.a], out.entity_units[p.b], out.units);
      slot[i] = static_cast<uint32_t>(out.pairs.size());
      out.pairs.push_back(std::move(p));
    }
    // Sort small records, then move each pair once, in order.
    std::vector<uint32_t> order(out.pairs.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](uint32_t i, uint32_t j) {
      const CooccurrencePair &x = out.pairs[i], &y = out.pairs[j];
      if (x.count != y.count) return x.count > y.count;
      if (x.npmi != y.npmi) return x.npmi > y.npmi;
      return x.a != y.a ? x.a < y.a : x.b < y.b;
    });
    std::vector<uint32_t> rank(order.size());
    for (uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
    std::vector<CooccurrencePair> sorted(out.pairs.size());
    for (uint32_t i = 0; i < out.pairs.size(); ++i) {
      sorted[rank[i]] = std::move(out.pairs[i]);
      sorted[rank[i]].evidence.reserve(sorted[rank[i]].count);
    }
    out.pairs = std::move(sorted);
    for (const Seen& s : seen)  // in counting order = corpus order
      if (slot[s.pair] != UINT32_MAX) out.pairs[rank[slot[s.pair]]].evidence.push_back(s.at);
    pair_index.clear();
    pair_keys.clear();
    pair_counts.clear();
    seen.clear();
    return out;
  }
};

CooccurrenceJob::CooccurrenceJob(const Corpus& corpus, const EntityIndex& index, const CooccurrenceOptions& options)
    : s_(std::make_unique<State>()) {
  s_->options = options;
  if (options.docs.empty()) {
    s_->docs.resize(corpus.size());
    for (uint32_t i = 0; i < corpus.size(); ++i) s_->docs[i] = i;
  } else {
    for (uint32_t d : options.docs)
      if (d < corpus.size()) s_->docs.push_back(d);
    std::sort(s_->docs.begin(), s_->docs.end());  // evidence in corpus order
    s_->docs.erase(std::unique(s_->docs.begin(), s_->docs.end()), s_->docs.end());
  }
  s_->result.entity_units.assign(index.entities.size(), 0);
}
CooccurrenceJob::~CooccurrenceJob() = default;
CooccurrenceJob::CooccurrenceJob(CooccurrenceJob&&) noexcept = default;
CooccurrenceJob& CooccurrenceJob::operator=(CooccurrenceJob&&) noexcept = default;

bool CooccurrenceJob::step(const Corpus& corpus, const EntityIndex& index, double budget_ms) {
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  size_t n = 0;
  while (s_->next < s_->docs.size()) {
    const uint32_t d = s_->docs[s_->next++];
    s_->count_document(corpus.doc(d), d, index);
    // Checking the clock every 16 documents: a document takes microseconds, the clock call
    // is not free in wasm.
    if ((++n & 15) == 0 && std::chrono::duration<double, std::milli>(Clock::now() - t0).count() >= budget_ms) break;
  }
  return s_->next < s_->docs.size();
}
size_t CooccurrenceJob::done() const { return s_->next; }
size_t CooccurrenceJob::total() const { return s_->docs.size(); }
Cooccurrence CooccurrenceJob::take(const Corpus& corpus, const EntityIndex& index) {
  while (step(corpus, index, 1e9)) {
  }
  return s_->finish();
}

Cooccurrence cooccur(const Corpus& corpus, const EntityIndex& index, const CooccurrenceOptions& options) {
  CooccurrenceJob job(corpus, index, options);
  return job.take(corpus, index);
}

EntityBreakdown breakdown(const Corpus& corpus, const EntityIndex& index, const std::vector<uint32_t>& docs,
                          BreakdownField field) {
  EntityBreakdown out;
  std::vector<uint32_t> rows = docs;
  if (rows.empty()) {
    rows.resize(corpus.size());
    for (uint32_t i = 0; i < corpus.size(); ++i) rows[i] = i;
  }
  auto value = [&](const Document& d) -> std::string {
    switch (field) {
      case BreakdownField::Source: return d.meta.source;
      case BreakdownField::Language: return d.meta.language == "und" ? std::string() : d.meta.language;
      case BreakdownField::Date: return d.meta.published.substr(0, 10);
    }
    return {};
  };
  std::vector<std::string> row_group(rows.size());
  for (size_t r = 0; r < rows.size(); ++r)
    if (rows[r] < corpus.size()) row_group[r] = value(corpus.doc(rows[r]));
  out.groups = row_group;
  std::sort(out.groups.begin(), out.groups.end());
  out.groups.erase(std::unique(out.groups.begin(), out.groups.end()), out.groups.end());
  out.counts.assign(index.entities.size(), std::vector<uint32_t>(out.groups.size(), 0));
  for (size_t r = 0; r < rows.size(); ++r) {
    const uint32_t d = rows[r];
    if (d >= corpus.size() || d >= index.mention_entity.size()) continue;
    const size_t g = std::lower_bound(out.groups.begin(), out.groups.end(), row_group[r]) - out.groups.begin();
    for (uint32_t e : index.mention_entity[d])
      if (e != EntityIndex::kNoEntity && e < out.counts.size()) out.counts[e][g]++;
  }
  return out;
}

}  // namespace px
