// bench_claim_diff.cpp — speed of the claim differences (claim_diff.h, issue 5 stage 4) on the
// demo corpus, and what its lexicons find there.
// Benchmark, not a test: nothing passes or fails; docs/claims-differences.md keeps the figures.
//
//   px_bench_claim_diff ASSET_DIR [--runs R] [--hits]
//
// Units: every non-chrome sentence of the five seed articles and every direct quotation in
// them. Timed: compare_units() for every pair of units from different articles (far more pairs
// than any claim group holds: the alignment only pairs units that say the same thing), and
// add_differences() on groups of five units each. --hits prints, per unit, the hedges,
// evaluative words, reporting verbs and speakers it has (each unit compared with an empty one).
//
// It is its own program (main below when PX_BENCH_CLAIM_DIFF_MAIN is defined) because px_bench
// (bench_core.cpp) owns main(); px_bench globs this file too and then carries it unused.
//   g++ -O2 -std=c++20 -DPX_BENCH_CLAIM_DIFF_MAIN -DPX_SEEDS_DIR='"assets/corpus"' -Isrc/core
//     -Ibuild-native/third_party_include tests/bench/bench_claim_diff.cpp build-native/libparallax_core.a
//     build-native/libpx_snowball.a build-native/libutf8proc.a -o build-native/px_bench_claim_diff
//   (one line)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "analyze.h"
#include "claim_diff.h"
#include "corpus.h"
#include "ingest.h"
#include "quotes.h"

#ifndef PX_SEEDS_DIR
#define PX_SEEDS_DIR "assets/corpus"
#endif

namespace px_bench_claim_diff {

using namespace px;

int run_claim_diff_bench(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: px_bench_claim_diff ASSET_DIR [--runs R] [--hits]\n");
    return 2;
  }
  const std::string assets = argv[1];
  int runs = 5;
  bool hits = false;
  for (int i = 2; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--runs") && i + 1 < argc) runs = std::max(1, std::atoi(argv[++i]));
    else if (!std::strcmp(argv[i], "--hits")) hits = true;
  }
  TextResources res = TextResources::load(assets);
  Result<DiffLexicons> lex = DiffLexicons::load(assets);
  if (!lex.ok()) {
    std::fprintf(stderr, "%s\n", lex.error().c_str());
    return 1;
  }
  Corpus corpus;
  std::vector<Document> docs;
  for (const char* name : {"000_cba9b2eccd73af34.txt", "001_f01c00b065e572bd.txt", "002_98e09c086c25287e.txt",
                           "003_980b53d330eac130.txt", "004_f0a578a3ea544cd3.txt"}) {
    std::ifstream f(std::string(PX_SEEDS_DIR) + "/" + name, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    for (Document& d : ingest_bytes(name, bytes).documents) docs.push_back(std::move(d));
  }
  // An empty article (one chrome-free sentence without hedges or names) to compare with.
  Document blank;
  blank.meta.source = "(blank)";
  blank.text = "x";
  finish_document(blank);
  docs.push_back(std::move(blank));
  corpus.add_all(std::move(docs));
  AnalysisJob job;
  job.restart(corpus);
  while (job.step(corpus, res, 1000.0)) {}

  std::vector<ClaimUnit> units;
  const size_t seeds = corpus.size() - 1;
  for (uint32_t di = 0; di < seeds; ++di) {
    const Analysis& an = corpus.doc(di).analysis;
    for (uint32_t s = 0; s < an.sentences.size(); ++s) {
      if (an.sentences[s].boilerplate) continue;
      ClaimUnit u;
      u.id = static_cast<uint32_t>(units.size());
      u.doc = di;
      u.sentence = s;
      u.span = an.sentences[s].span;
      u.kinds = kClaimAssertion;
      u.lang = an.sentences[s].language;
      units.push_back(u);
      for (size_t q = 0; q < an.quotes.size(); ++q) {
        const QuoteInfo& qi = an.quotes[q];
        if (qi.span.begin < u.span.begin || qi.span.begin >= u.span.end ||
            is_term_quote(corpus.doc(di).slice(qi.span)))
          continue;
        ClaimUnit uq = u;
        uq.id = static_cast<uint32_t>(units.size());
        uq.span = qi.span;
        uq.quote = static_cast<int32_t>(q);
        uq.kinds = kClaimQuote;
        units.push_back(uq);
      }
    }
  }

  if (hits) {
    ClaimUnit empty;
    empty.id = static_cast<uint32_t>(units.size());
    empty.doc = static_cast<uint32_t>(seeds);
    empty.span = {0, 1};
    empty.lang = "en";
    for (const ClaimUnit& u : units) {
      std::string line;
      for (const Difference& d : compare_units(corpus, nullptr, *lex, u, empty, nullptr)) {
        if (d.kind == DiffKind::Hedge || d.kind == DiffKind::Evaluative || d.kind == DiffKind::Attribution)
          line += std::string(" ") + diff_kind_name(d.kind) + "=" + d.label_a;
      }
      if (!line.empty())
        std::printf("%s #%u:%s\n", corpus.doc(u.doc).meta.id.c_str(), u.sentence, line.c_str());
    }
  }

  using clock = std::chrono::steady_clock;
  size_t pairs = 0, diffs = 0;
  double best_ms = 1e300;
  for (int r = 0; r < runs; ++r) {
    pairs = diffs = 0;
    const auto t0 = clock::now();
    for (const ClaimUnit& a : units)
      for (const ClaimUnit& b : units) {
        if (a.doc >= b.doc) continue;
        diffs += compare_units(corpus, nullptr, *lex, a, b, nullptr).size();
        ++pairs;
      }
    best_ms = std::min(best_ms, std::chrono::duration<double, std::milli>(clock::now() - t0).count());
  }
  std::printf("units %zu, cross-article pairs %zu, differences %zu\n", units.size(), pairs, diffs);
  std::printf("compare_units: best of %d runs %.1f ms = %.1f us per pair, %.0f pairs/s\n", runs, best_ms,
              1000.0 * best_ms / static_cast<double>(pairs), static_cast<double>(pairs) / (best_ms / 1000.0));

  // Groups of five units from five different articles (unit i of each article), as the
  // alignment would hand them over, then ranked.
  ClaimIndex index;
  index.units = units;
  std::vector<std::vector<uint32_t>> by_doc(seeds);
  for (const ClaimUnit& u : units) by_doc[u.doc].push_back(u.id);
  for (size_t i = 0;; ++i) {
    ClaimGroup g;
    for (const auto& list : by_doc)
      if (i < list.size()) g.members.push_back(list[i]);
    if (g.members.size() < 2) break;
    g.id = static_cast<uint32_t>(index.groups.size());
    g.outlets = static_cast<uint32_t>(g.members.size());
    index.groups.push_back(std::move(g));
  }
  index.group_of_unit.assign(units.size(), -1);
  size_t compared = 0;
  for (const ClaimGroup& g : index.groups) compared += g.members.size() - 1;
  double group_ms = 1e300;
  for (int r = 0; r < runs; ++r) {
    ClaimIndex copy = index;
    const auto t0 = clock::now();
    add_differences(corpus, nullptr, *lex, copy);
    group_ms = std::min(group_ms, std::chrono::duration<double, std::milli>(clock::now() - t0).count());
  }
  std::printf("add_differences: %zu groups, %zu member comparisons, best of %d runs %.2f ms\n",
              index.groups.size(), compared, runs, group_ms);
  return 0;
}

}  // namespace px_bench_claim_diff

#ifdef PX_BENCH_CLAIM_DIFF_MAIN
int main(int argc, char** argv) { return px_bench_claim_diff::run_claim_diff_bench(argc, argv); }
#endif
