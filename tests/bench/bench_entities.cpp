// bench_entities.cpp — speed of entity linking and co-occurrence (issue 4) on a generated corpus:
// N articles (default 10,000) of 10 paragraphs x 2 sentences with ~30 name mentions each, the
// analysis filled in directly (sentences, mentions with keys and gazetteer ids, as ner.h makes
// them), so this measures linking and counting only, not recognition.
// Benchmark, not a test: nothing passes or fails; docs/quality-linking.md keeps the figures.
//
//   px_bench_entities [--articles N] [--runs R] [--han-names ASSET_DIR]
// --han-names also times loading <ASSET_DIR>/hannames/han-names.tsv and looking names up in it.
// It is its own program (main below when PX_BENCH_ENTITIES_MAIN is defined) because px_bench
// (bench_core.cpp) owns main(); px_bench globs this file too and then just carries
// run_entities_bench() unused. Build it natively or with em++ against parallax_core:
//   g++ -O2 -std=c++20 -DPX_BENCH_ENTITIES_MAIN -Isrc/core -Ibuild-native/third_party_include
//     tests/bench/bench_entities.cpp build-native/libparallax_core.a build-native/libpx_snowball.a
//     build-native/libutf8proc.a -o build-native/px_bench_entities
//   em++ -O2 -std=c++20 -fno-exceptions -DJSON_NOEXCEPTION -DPX_BENCH_ENTITIES_MAIN -Isrc/core
//     -Ibuild-wasm/third_party_include tests/bench/bench_entities.cpp build-wasm/libparallax_core.a
//     build-wasm/libpx_snowball.a build-wasm/libutf8proc.a -sALLOW_MEMORY_GROWTH=1 -sNODERAWFS=1
//     -sWASM_ASYNC_COMPILATION=0 -sEXIT_RUNTIME=1 -o build-wasm/px_bench_entities.js
//   (each on one line; NODE_PATH=/usr/share/nodejs for em++)
//   node --no-experimental-fetch build-wasm/px_bench_entities.js
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "cooccur.h"
#include "corpus.h"
#include "entity_link.h"
#include "han_names.h"

namespace px_bench_entities {

using namespace px;

struct Rng {  // deterministic on both builds
  uint64_t s;
  uint32_t next() {
    s ^= s << 13, s ^= s >> 7, s ^= s << 17;
    return static_cast<uint32_t>(s >> 11);
  }
  uint32_t below(uint32_t n) { return next() % n; }
};

struct Name {
  std::string full, surname, variant;  // variant: a transliterated spelling of the surname
  std::string full_key, surname_key, variant_key;
  std::string known_id;
  EntityType type;
};

std::string syllables(Rng& r, int n, bool cap) {
  static const char* syl[] = {"ka", "shi", "ru", "te", "mo", "na", "ri", "ba", "to", "chi", "sa", "ko", "ja",
                              "vel", "mar", "len", "ov", "ski", "der", "ber", "lin", "sch", "man", "tti"};
  std::string s;
  for (int i = 0; i < n; ++i) s += syl[r.below(sizeof syl / sizeof *syl)];
  if (cap) s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return s;
}

// A transliteration of `key`: "sh" -> "s", "ch" -> "tsch", doubled letters single.
std::string translit(const std::string& key) {
  std::string o;
  for (size_t i = 0; i < key.size(); ++i) {
    if (key.compare(i, 2, "sh") == 0) o += 's', ++i;
    else if (key.compare(i, 2, "ch") == 0) o += "tsch", ++i;
    else if (i && key[i] == key[i - 1]) continue;
    else o += key[i];
  }
  return o;
}

std::vector<Name> make_names(Rng& r) {
  std::vector<Name> names;
  for (int i = 0; i < 3000; ++i) {  // people
    Name n;
    n.type = EntityType::Person;
    const std::string first = syllables(r, 2, true), last = syllables(r, 2 + r.below(2), true);
    n.full = first + " " + last;
    n.surname = last;
    n.full_key = lower(n.full);
    n.surname_key = lower(last);
    n.variant_key = translit(n.surname_key);
    n.variant = n.variant_key;
    n.variant[0] = static_cast<char>(n.variant[0] - 'a' + 'A');
    names.push_back(std::move(n));
  }
  for (int i = 0; i < 400; ++i) {  // places and organisations with gazetteer ids
    Name n;
    n.type = i % 4 ? EntityType::Location : EntityType::Organisation;
    n.full = syllables(r, 3, true);
    n.surname = n.full;
    n.full_key = n.surname_key = lower(n.full);
    n.variant = syllables(r, 3, true);  // its name in another language: nothing alike
    n.variant_key = lower(n.variant);
    n.known_id = (i % 4 ? "C:" : "O:") + std::to_string(i);
    names.push_back(std::move(n));
  }
  return names;
}

Corpus make_corpus(uint32_t articles, uint32_t& mention_count) {
  Rng r{0x9E3779B97F4A7C15ull};
  const std::vector<Name> names = make_names(r);
  std::vector<Document> docs;
  docs.reserve(articles);
  mention_count = 0;
  for (uint32_t a = 0; a < articles; ++a) {
    Document d;
    d.meta.id = "a" + std::to_string(a);
    d.meta.source = "outlet" + std::to_string(a % 40);
    d.meta.language = "en";
    // The story's cast: a few people and places, mentioned again and again.
    std::vector<uint32_t> cast;
    for (int k = 0; k < 6; ++k) cast.push_back(k < 4 ? r.below(3000) : 3000 + r.below(400));
    std::vector<bool> introduced(cast.size(), false);
    for (uint32_t p = 0; p < 10; ++p) {
      if (p) d.text += "\n\n";
      const uint32_t pb = static_cast<uint32_t>(d.text.size());
      for (uint32_t s = 0; s < 2; ++s) {
        if (s) d.text += ' ';
        const uint32_t sb = static_cast<uint32_t>(d.text.size());
        const uint32_t si = static_cast<uint32_t>(d.analysis.sentences.size());
        const int in_sentence = 1 + static_cast<int>(r.below(2)) + (r.below(4) == 0 ? 1 : 0);  // ~1.75
        for (int m = 0; m < in_sentence; ++m) {
          const uint32_t c = r.below(static_cast<uint32_t>(cast.size()));
          const Name& n = names[cast[c]];
          const uint32_t form = r.below(10);
          const bool full = !introduced[c] || form < 2;
          introduced[c] = true;
          const std::string& surface = full ? n.full : form < 4 ? n.variant : n.surname;
          const std::string& key = full ? n.full_key : form < 4 ? n.variant_key : n.surname_key;
          if (m) d.text += " and ";
          MentionInfo mi;
          mi.span.begin = static_cast<uint32_t>(d.text.size());
          d.text += surface;
          mi.span.end = static_cast<uint32_t>(d.text.size());
          mi.sentence = si;
          mi.type = n.type;
          mi.key = key;
          mi.known_id = n.known_id;
          d.analysis.mentions.push_back(std::move(mi));
          ++mention_count;
        }
        d.text += " said on Tuesday that the talks would continue.";
        SentenceInfo info;
        info.span = {sb, static_cast<uint32_t>(d.text.size())};
        info.paragraph = p;
        d.analysis.sentences.push_back(info);
      }
      d.paragraphs.push_back({pb, static_cast<uint32_t>(d.text.size())});
      d.analysis.boilerplate.push_back(false);
    }
    d.analysis.done = true;
    docs.push_back(std::move(d));
  }
  Corpus c;
  c.add_all(std::move(docs));
  return c;
}

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}
// Process CPU time as well: on a machine shared with other jobs the wall clock mostly measures
// the queue (the figures in docs/quality-linking.md say which).
double cpu_ms() { return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

int run_entities_bench(int argc, char** argv) {
  uint32_t articles = 10000, runs = 5;
  const char* han_dir = nullptr;
  for (int i = 1; i + 1 < argc; ++i) {
    if (!std::strcmp(argv[i], "--articles")) articles = static_cast<uint32_t>(std::atoi(argv[++i]));
    else if (!std::strcmp(argv[i], "--runs")) runs = static_cast<uint32_t>(std::max(1, std::atoi(argv[++i])));
    else if (!std::strcmp(argv[i], "--han-names")) han_dir = argv[++i];
  }
  if (han_dir) {
    std::vector<double> load_ms, find_us;
    size_t entries = 0;
    for (uint32_t run = 0; run < runs; ++run) {
      auto t = std::chrono::steady_clock::now();
      Result<HanNames> names = HanNames::load(han_dir);
      load_ms.push_back(ms_since(t));
      if (!names.ok()) {
        std::printf("han names: %s\n", names.error().c_str());
        return 1;
      }
      entries = names->size();
      const char* probe[] = {"石破茂", "石破", "习近平", "普京", "基辅", "王小明"};  // the last is not in it
      HanReading r;
      size_t found = 0;
      t = std::chrono::steady_clock::now();
      for (int i = 0; i < 60000; ++i) found += names->find(probe[i % 6], r);
      find_us.push_back(ms_since(t) * 1000.0 / 60000);
      if (found != 50000) std::printf("han names: %zu of 50000 probes found\n", found);
    }
    std::printf("han names: %zu entries; load median %.1f ms (min %.1f), lookup median %.2f us\n", entries,
                median(load_ms), *std::min_element(load_ms.begin(), load_ms.end()), median(find_us));
  }
  uint32_t mentions = 0;
  auto t0 = std::chrono::steady_clock::now();
  Corpus corpus = make_corpus(articles, mentions);
  std::printf("corpus: %u articles, %u mentions (generated in %.0f ms)\n", articles, mentions, ms_since(t0));
  std::vector<double> link_ms, sent_ms, para_ms, slice_max_ms, link_cpu, sent_cpu;
  EntityIndex idx;
  Cooccurrence co;
  std::vector<EntityEdit> edits = {{EntityEdit::Kind::Rename, "C:3001", "", "Renamed"}};
  for (uint32_t run = 0; run < runs; ++run) {
    t0 = std::chrono::steady_clock::now();
    double c0 = cpu_ms();
    idx = link_entities(corpus, edits, LinkOptions{});
    link_ms.push_back(ms_since(t0));
    link_cpu.push_back(cpu_ms() - c0);
    t0 = std::chrono::steady_clock::now();
    c0 = cpu_ms();
    co = cooccur(corpus, idx, CooccurrenceOptions{});
    sent_ms.push_back(ms_since(t0));
    sent_cpu.push_back(cpu_ms() - c0);
    CooccurrenceOptions po;
    po.scope = CooccurrenceScope::Paragraph;
    t0 = std::chrono::steady_clock::now();
    Cooccurrence pc = cooccur(corpus, idx, po);
    para_ms.push_back(ms_since(t0));
    // The browser's way: 4 ms slices; the longest slice (incl. the final sort) is what a frame feels.
    CooccurrenceJob job(corpus, idx, CooccurrenceOptions{});
    double worst = 0;
    for (;;) {
      t0 = std::chrono::steady_clock::now();
      const bool more = job.step(corpus, idx, 4.0);
      worst = std::max(worst, ms_since(t0));
      if (!more) break;
    }
    t0 = std::chrono::steady_clock::now();
    Cooccurrence sliced = job.take(corpus, idx);
    worst = std::max(worst, ms_since(t0));
    slice_max_ms.push_back(worst);
  }
  size_t evidence = 0;
  for (const CooccurrencePair& p : co.pairs) evidence += p.evidence.size();
  std::printf("entities: %zu (from %u mentions); pairs: %zu, evidence: %zu, units: %u\n", idx.entities.size(), mentions,
              co.pairs.size(), evidence, co.units);
  std::printf("link_entities            median %8.1f ms  min %8.1f ms  (cpu median %8.1f ms)\n", median(link_ms),
              *std::min_element(link_ms.begin(), link_ms.end()), median(link_cpu));
  std::printf("cooccur (sentence)       median %8.1f ms  min %8.1f ms  (cpu median %8.1f ms)\n", median(sent_ms),
              *std::min_element(sent_ms.begin(), sent_ms.end()), median(sent_cpu));
  std::printf("cooccur (paragraph)      median %8.1f ms  min %8.1f ms\n", median(para_ms),
              *std::min_element(para_ms.begin(), para_ms.end()));
  std::printf("cooccur job, worst slice median %8.1f ms  (4 ms budget per step)\n", median(slice_max_ms));
  return 0;
}

}  // namespace px_bench_entities

#ifdef PX_BENCH_ENTITIES_MAIN
int main(int argc, char** argv) { return px_bench_entities::run_entities_bench(argc, argv); }
#endif
