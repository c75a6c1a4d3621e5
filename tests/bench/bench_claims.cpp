// bench_claims.cpp — speed of claim alignment (issue 5): claim units, candidate generation,
// scoring and grouping (build_claims), on the demo corpus and on a large generated
// multilingual corpus built from the demo articles' analysed paragraphs (each generated
// article: the paragraphs of one seed in shuffled order, about a quarter dropped, sometimes
// one or two paragraphs of another seed, under one of 400 outlets). The text pipeline runs on
// the five seeds only; the generated articles get their analyses by shifting the seeds' spans,
// so this measures the claims stage, not the analysis. Every claim of the seeds then recurs in
// hundreds of articles: a worst case for group sizes and candidate lists.
// Benchmark, not a test: nothing passes or fails; docs/quality-claims.md keeps the figures.
//
//   px_bench_claims [--articles N] [--runs R] [--assets DIR] [--seeds DIR]
// Its own program (main below when PX_BENCH_CLAIMS_MAIN is defined) because px_bench
// (bench_core.cpp) owns main(); px_bench globs this file too and carries run_claims_bench()
// unused. Build natively or with em++ against parallax_core (each on one line):
//   g++ -O2 -std=c++20 -DPX_BENCH_CLAIMS_MAIN -Isrc/core -Ibuild-native/third_party_include
//     tests/bench/bench_claims.cpp build-native/libparallax_core.a build-native/libpx_snowball.a
//     build-native/libutf8proc.a -o build-native/px_bench_claims
//   em++ -O2 -std=c++20 -fno-exceptions -DJSON_NOEXCEPTION -DPX_BENCH_CLAIMS_MAIN -Isrc/core
//     -Ibuild-wasm/third_party_include tests/bench/bench_claims.cpp build-wasm/libparallax_core.a
//     build-wasm/libpx_snowball.a build-wasm/libutf8proc.a -sALLOW_MEMORY_GROWTH=1 -sNODERAWFS=1
//     -sWASM_ASYNC_COMPILATION=0 -sEXIT_RUNTIME=1 -sINITIAL_MEMORY=256MB -o build-wasm/px_bench_claims.js
//   node --no-experimental-fetch build-wasm/px_bench_claims.js --assets build-wasm/assets --seeds assets/corpus
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "analyze.h"
#include "bilingual.h"
#include "claim_align.h"
#include "corpus.h"
#include "entities.h"
#include "entity_link.h"
#include "ingest.h"
#include "stem.h"

// Run from the repository root by default; --assets and --seeds point elsewhere.
#ifndef PX_ASSET_DIR_DEFAULT
#define PX_ASSET_DIR_DEFAULT "build-wasm/assets"
#endif
#ifndef PX_SEEDS_DIR
#define PX_SEEDS_DIR "assets/corpus"
#endif

namespace px_bench_claims {

using namespace px;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

struct Rng {  // deterministic on both builds
  uint64_t s;
  uint32_t next() {
    s ^= s << 13, s ^= s >> 7, s ^= s << 17;
    return static_cast<uint32_t>(s >> 11);
  }
  uint32_t below(uint32_t n) { return next() % n; }
};

// One analysed content paragraph of a seed, spans relative to its start.
struct Piece {
  std::string text, lang;
  std::vector<SentenceInfo> sentences;
  std::vector<TokenInfo> tokens;
  std::vector<QuoteInfo> quotes;
  std::vector<QuantityInfo> quantities;
  std::vector<MentionInfo> mentions;
};

Span rel(Span s, uint32_t base) { return s.size() == 0 && s.begin == 0 ? s : Span{s.begin - base, s.end - base}; }
Span shift(Span s, uint32_t base) { return s.size() == 0 && s.begin == 0 ? s : Span{s.begin + base, s.end + base}; }

std::vector<std::vector<Piece>> pieces_of(const Corpus& seeds) {
  std::vector<std::vector<Piece>> out;
  for (const Document& d : seeds.docs()) {
    std::vector<Piece> ps;
    const Analysis& a = d.analysis;
    for (uint32_t p = 0; p < d.paragraphs.size(); ++p) {
      if (a.boilerplate[p]) continue;
      const Span ps_span = d.paragraphs[p];
      auto in = [&](Span s) { return s.begin >= ps_span.begin && s.end <= ps_span.end; };
      Piece piece;
      piece.text = std::string(d.slice(ps_span));
      piece.lang = d.meta.language;
      std::vector<int64_t> remap(a.sentences.size(), -1);
      for (uint32_t s = 0; s < a.sentences.size(); ++s)
        if (a.sentences[s].paragraph == p) {
          remap[s] = static_cast<int64_t>(piece.sentences.size());
          SentenceInfo si = a.sentences[s];
          si.span = rel(si.span, ps_span.begin);
          piece.sentences.push_back(si);
        }
      for (const TokenInfo& t : a.tokens)
        if (t.sentence < remap.size() && remap[t.sentence] >= 0) {
          TokenInfo c = t;
          c.span = rel(c.span, ps_span.begin);
          c.sentence = static_cast<uint32_t>(remap[t.sentence]);
          piece.tokens.push_back(std::move(c));
        }
      for (const QuoteInfo& q : a.quotes)
        if (in(q.span)) {
          QuoteInfo c = q;
          c.span = rel(q.span, ps_span.begin);
          c.speaker = in(q.speaker) ? rel(q.speaker, ps_span.begin) : Span{};
          c.cue = in(q.cue) ? rel(q.cue, ps_span.begin) : Span{};
          piece.quotes.push_back(c);
        }
      for (const QuantityInfo& q : a.quantities)
        if (in(q.span)) {
          QuantityInfo c = q;
          c.span = rel(q.span, ps_span.begin);
          piece.quantities.push_back(std::move(c));
        }
      for (const MentionInfo& m : a.mentions)
        if (in(m.span) && m.sentence < remap.size() && remap[m.sentence] >= 0) {
          MentionInfo c = m;
          c.span = rel(m.span, ps_span.begin);
          c.role = in(m.role) ? rel(m.role, ps_span.begin) : Span{};
          c.sentence = static_cast<uint32_t>(remap[m.sentence]);
          piece.mentions.push_back(std::move(c));
        }
      if (!piece.sentences.empty()) ps.push_back(std::move(piece));
    }
    out.push_back(std::move(ps));
  }
  return out;
}

void append(Document& d, const Piece& p) {
  if (!d.text.empty()) d.text += "\n\n";
  const uint32_t base = static_cast<uint32_t>(d.text.size());
  const uint32_t sbase = static_cast<uint32_t>(d.analysis.sentences.size());
  const uint32_t para = static_cast<uint32_t>(d.paragraphs.size());
  d.text += p.text;
  d.paragraphs.push_back({base, static_cast<uint32_t>(d.text.size())});
  d.analysis.boilerplate.push_back(false);
  for (SentenceInfo s : p.sentences) {
    s.span = shift(s.span, base);
    s.paragraph = para;
    d.analysis.sentences.push_back(std::move(s));
  }
  for (TokenInfo t : p.tokens) {
    t.span = shift(t.span, base);
    t.sentence += sbase;
    d.analysis.tokens.push_back(std::move(t));
  }
  for (QuoteInfo q : p.quotes) {
    q.span = shift(q.span, base);
    q.speaker = shift(q.speaker, base);
    q.cue = shift(q.cue, base);
    d.analysis.quotes.push_back(q);
  }
  for (QuantityInfo q : p.quantities) {
    q.span = shift(q.span, base);
    d.analysis.quantities.push_back(std::move(q));
  }
  for (MentionInfo m : p.mentions) {
    m.span = shift(m.span, base);
    m.role = shift(m.role, base);
    m.sentence += sbase;
    d.analysis.mentions.push_back(std::move(m));
  }
}

Corpus generate(const std::vector<std::vector<Piece>>& seeds, uint32_t n) {
  Rng r{0x9E3779B97F4A7C15ull};
  std::vector<Document> docs;
  docs.reserve(n);
  for (uint32_t k = 0; k < n; ++k) {
    const uint32_t s = r.below(static_cast<uint32_t>(seeds.size()));
    std::vector<const Piece*> chosen;
    for (const Piece& p : seeds[s])
      if (r.below(4) != 0) chosen.push_back(&p);
    if (chosen.empty()) chosen.push_back(&seeds[s][r.below(static_cast<uint32_t>(seeds[s].size()))]);
    for (size_t i = chosen.size(); i > 1; --i) std::swap(chosen[i - 1], chosen[r.below(static_cast<uint32_t>(i))]);
    if (r.below(3) == 0) {  // a paragraph or two of another outlet's article
      const uint32_t o = r.below(static_cast<uint32_t>(seeds.size()));
      for (uint32_t extra = 1 + r.below(2); extra > 0; --extra)
        chosen.push_back(&seeds[o][r.below(static_cast<uint32_t>(seeds[o].size()))]);
    }
    Document d;
    char buf[64];
    std::snprintf(buf, sizeof buf, "G%06u", k);
    d.meta.id = buf;
    std::snprintf(buf, sizeof buf, "Outlet %u", r.below(400));
    d.meta.source = buf;
    d.meta.language = chosen.front()->lang;
    d.meta.language_from = Provenance::Given;
    for (const Piece* p : chosen) append(d, *p);
    d.analysis.done = true;
    docs.push_back(std::move(d));
  }
  Corpus c;
  c.add_all(std::move(docs));
  return c;
}

Corpus load_seeds(const std::string& dir, const TextResources& res) {
  std::vector<Document> docs;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (Document& d : ingest_bytes(f.filename().string(), bytes).documents) docs.push_back(std::move(d));
  }
  Corpus c;
  c.add_all(std::move(docs));
  AnalysisJob job;
  job.restart(c);
  while (job.step(c, res, 1e9)) {
  }
  return c;
}

void report(const char* name, const Corpus& c, const EntityIndex& ents, const BilingualDict& dict, const Stemmer& stemmer,
            const ClaimOptions& o, int runs) {
  std::vector<double> times, cpu;
  ClaimIndex idx;
  for (int r = 0; r < runs; ++r) {
    const auto t0 = Clock::now();
    const std::clock_t c0 = std::clock();
    idx = build_claims(c, &ents, dict, stemmer, o);
    cpu.push_back(1000.0 * static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC);
    times.push_back(ms_since(t0));
  }
  std::sort(times.begin(), times.end());
  std::sort(cpu.begin(), cpu.end());
  // CPU time: the machine is shared, and wall time grows with the other jobs on it.
  const double med = cpu[cpu.size() / 2];
  size_t grouped = 0, largest = 0;
  for (const ClaimGroup& g : idx.groups) {
    grouped += g.members.size();
    largest = std::max(largest, g.members.size());
  }
  const double n = static_cast<double>(idx.units.size());
  std::printf("%-10s articles %zu  units %zu  groups %zu (units grouped %zu, largest %zu)  pairs scored %llu of %.0f (%.4f%%)"
              "  build_claims CPU median %.1f ms (wall median %.1f, %d runs)  %.0f units/s (CPU)\n",
              name, c.size(), idx.units.size(), idx.groups.size(), grouped, largest,
              static_cast<unsigned long long>(idx.candidates_scored), n * (n - 1) / 2,
              n > 1 ? 100.0 * static_cast<double>(idx.candidates_scored) / (n * (n - 1) / 2) : 0.0, med, times[times.size() / 2], runs,
              med > 0 ? n / (med / 1000.0) : 0.0);
  std::fflush(stdout);
}

int run_claims_bench(int argc, char** argv) {
  uint32_t articles = 10000;
  int runs = 3;
  std::string assets = PX_ASSET_DIR_DEFAULT, seeds = PX_SEEDS_DIR;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--articles") && i + 1 < argc) articles = static_cast<uint32_t>(std::atoi(argv[++i]));
    else if (!std::strcmp(argv[i], "--runs") && i + 1 < argc) runs = std::max(1, std::atoi(argv[++i]));
    else if (!std::strcmp(argv[i], "--assets") && i + 1 < argc) assets = argv[++i];
    else if (!std::strcmp(argv[i], "--seeds") && i + 1 < argc) seeds = argv[++i];
    else {
      std::fprintf(stderr, "usage: px_bench_claims [--articles N] [--runs R] [--assets DIR] [--seeds DIR]\n");
      return 2;
    }
  }
  const auto t_load = Clock::now();
  TextResources res = TextResources::load(assets);
  for (const std::string& m : res.messages) std::fprintf(stderr, "note: %s\n", m.c_str());
  Result<BilingualDict> loaded = BilingualDict::load(assets);
  BilingualDict dict = loaded.ok() ? std::move(loaded.value()) : BilingualDict::empty();
  if (!loaded.ok()) std::fprintf(stderr, "note: %s\n", loaded.error().c_str());
  ClaimOptions o;
  o.stopwords = res.stopwords.get();
  std::printf("resources loaded in %.0f ms\n", ms_since(t_load));

  const auto t_seed = Clock::now();
  Corpus demo = load_seeds(seeds, res);
  const EntityIndex demo_ents = link_entities(demo, {}, LinkOptions{});
  std::printf("demo corpus analysed and linked in %.0f ms\n", ms_since(t_seed));
  report("demo", demo, demo_ents, dict, *res.stemmer, o, std::max(runs, 5));

  // `parallax align`: the seeds' English sentences against their German and Italian ones
  // (each line analysed alone, as the command does), the lists repeated to 1,000 lines a side.
  {
    std::vector<std::string> en, other;
    for (const Document& d : demo.docs())
      for (const SentenceInfo& s : d.analysis.sentences)
        if (!s.boilerplate) (s.language == "en" ? en : other).emplace_back(d.slice(s.span));
    for (std::vector<std::string>* v : {&en, &other}) {
      const size_t n0 = v->size();
      for (size_t i = 0; n0 && v->size() < 1000; ++i) v->push_back((*v)[i % n0]);
    }
    std::vector<double> cpu;
    for (int r = 0; r < runs; ++r) {
      const std::clock_t c0 = std::clock();
      const std::vector<SentenceMatch> m = align_sentences(en, other, res, dict, o);
      cpu.push_back(1000.0 * static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC);
    }
    std::sort(cpu.begin(), cpu.end());
    const double med = cpu[cpu.size() / 2];
    std::printf("align      %zu lines against %zu  CPU median %.1f ms (%d runs)  %.0f lines/s (both sides analysed and matched)\n",
                en.size(), other.size(), med, runs, static_cast<double>(en.size() + other.size()) / (med / 1000.0));
    std::fflush(stdout);
  }

  const auto t_gen = Clock::now();
  Corpus big = generate(pieces_of(demo), articles);
  size_t bytes = 0;
  for (const Document& d : big.docs()) bytes += d.text.size();
  std::printf("generated %zu articles (%.1f MB of text) in %.0f ms\n", big.size(), static_cast<double>(bytes) / 1e6, ms_since(t_gen));
  const auto t_link = Clock::now();
  const EntityIndex big_ents = link_entities(big, {}, LinkOptions{});
  std::printf("entities linked in %.0f ms\n", ms_since(t_link));
  report("generated", big, big_ents, dict, *res.stemmer, o, runs);

  // The app's way: 8 ms slices. The longest slice says how long a frame can stall (the phases'
  // one-shot steps: postings, the sort of the kept links, the group list).
  {
    ClaimJob job(big, &big_ents, dict, *res.stemmer, o);
    double longest = 0;
    const char* longest_phase = "";
    const char* longest_end = "";
    size_t steps = 0;
    for (bool more = true; more;) {
      const char* phase = job.phase();
      // CPU time: on a shared machine a step's wall time also counts the other jobs' turns.
      const std::clock_t c0 = std::clock();
      more = job.step(big, 8.0);
      const double ms = 1000.0 * static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
      ++steps;
      if (ms > longest) longest = ms, longest_phase = phase, longest_end = job.phase();
    }
    std::printf("slices     %zu steps of 8 ms budget; longest %.1f ms CPU (phase %s to %s)\n", steps, longest, longest_phase,
                longest_end);
  }
  return 0;
}

}  // namespace px_bench_claims

#ifdef PX_BENCH_CLAIMS_MAIN
int main(int argc, char** argv) { return px_bench_claims::run_claims_bench(argc, argv); }
#endif
