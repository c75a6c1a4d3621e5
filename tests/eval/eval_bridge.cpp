// eval_bridge.cpp — the bilingual word bridges (bilingual.h) measured: load time and headwords
// per language, and coverage: the share of content-word tokens (stopwords, numbers and
// punctuation excluded) that have at least one English concept.
// An evaluation, not a test: nothing passes or fails; docs/claims-data.md keeps the figures.
//
//   eval_bridge ASSET_DIR --load                  load + index every language, print times
//   eval_bridge ASSET_DIR --lines LANG FILE...    coverage over files of one language
//   eval_bridge ASSET_DIR --detect FILE...        coverage per file, language guessed per file
// Built and run by tests/eval/eval_bridge.sh. PX_BRIDGE_MISSES=1 lists uncovered words on stderr.
#include <chrono>
#include <ctime>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "bilingual.h"
#include "lang_detect.h"
#include "segment.h"
#include "stem.h"
#include "stopwords.h"
#include "text_fold.h"

using namespace px;

namespace {

std::string read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool has_letter(std::string_view w) {
  for (unsigned char c : w)
    if (c >= 0x80 || (c | 0x20) >= 'a' && (c | 0x20) <= 'z') return true;
  return false;
}

struct Coverage {
  size_t content = 0, covered = 0;      // all content words
  size_t lower = 0, lower_covered = 0;  // those not capitalised (names are entity linking's)
};

void count(const BilingualDict& d, const Segmenter& seg, const Stopwords& stop, const Stemmer& stemmer,
           std::string_view text, const std::string& lang, Coverage& c) {
  for (Span w : seg.words(text, lang)) {
    const std::string_view word = text.substr(w.begin, w.end - w.begin);
    if (!has_letter(word)) continue;
    // The segmenter keeps the apostrophe of French/Italian elisions ("l'", "qu'"); the
    // stopword lists have the bare forms.
    std::string_view bare = word;
    if (bare.size() > 1 && bare.back() == '\'') bare.remove_suffix(1);
    if (bare.size() > 3 && bare.substr(bare.size() - 3) == "\xE2\x80\x99") bare.remove_suffix(3);  // ’
    if (stop.is_stopword(fold_for_search(bare), lang)) continue;
    const bool hit = !d.concepts(lang, match_key(word, lang, stemmer), stemmer).empty();
    if (!hit && std::getenv("PX_BRIDGE_MISSES")) std::fprintf(stderr, "miss %s %.*s\n", lang.c_str(), int(word.size()), word.data());
    ++c.content;
    c.covered += hit;
    const bool capital = (static_cast<unsigned char>(word[0]) < 0x80 && word[0] >= 'A' && word[0] <= 'Z') ||
                         fold_for_search(word.substr(0, 2)) != to_nfc(word.substr(0, 2));
    if (!capital || lang == "de") {  // German capitalises every noun
      ++c.lower;
      c.lower_covered += hit;
    }
  }
}

void print(const char* what, const std::string& lang, const Coverage& c) {
  std::printf("%-40s %-3s content words %6zu  covered %5.1f%%  (not capitalised: %6zu, covered %5.1f%%)\n", what,
              lang.c_str(), c.content, c.content ? 100.0 * c.covered / c.content : 0.0, c.lower,
              c.lower ? 100.0 * c.lower_covered / c.lower : 0.0);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s ASSET_DIR --load | --lines LANG FILE... | --detect FILE...\n", argv[0]);
    return 2;
  }
  const std::string assets = argv[1];
  const std::string mode = argv[2];
  if (mode == "--load") {
    for (const char* lang : {"de", "it", "fr", "es", "ru", "ja", "zh"}) {
      // A fresh dictionary and stemmer per language and run: the time includes stemming every
      // headword and translation (no warm caches). Best of 5.
      double best = 1e9, best_cpu = 1e9;
      size_t n = 0;
      for (int run = 0; run < 5; ++run) {
        Stemmer stemmer;
        auto d = BilingualDict::load(assets);
        if (!d.ok()) {
          std::fprintf(stderr, "%s\n", d.error().c_str());
          return 1;
        }
        const auto t0 = std::chrono::steady_clock::now();
        const std::clock_t c0 = std::clock();
        d->concepts(lang, "x", stemmer);
        const double cpu = 1000.0 * static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        best_cpu = std::min(best_cpu, cpu);
        if (!d->language_status(lang).ok()) {
          std::fprintf(stderr, "%s\n", d->language_status(lang).message().c_str());
          return 1;
        }
        best = std::min(best, ms);
        n = d->entries(lang);
      }
      // CPU time too: on a shared machine the wall clock includes other processes' turns.
      std::printf("load %s: %7zu headwords  %7.1f ms wall, %7.1f ms CPU\n", lang, n, best, best_cpu);
    }
    return 0;
  }
  auto d = BilingualDict::load(assets);
  auto seg = Segmenter::load(assets);
  auto stop = Stopwords::load(assets);
  if (!d.ok() || !seg.ok() || !stop.ok()) {
    std::fprintf(stderr, "%s%s%s\n", d.ok() ? "" : d.error().c_str(), seg.ok() ? "" : seg.error().c_str(),
                 stop.ok() ? "" : stop.error().c_str());
    return 1;
  }
  Stemmer stemmer;
  if (mode == "--lines" && argc >= 5) {
    const std::string lang = argv[3];
    Coverage c;
    for (int i = 4; i < argc; ++i) count(*d, *seg, *stop, stemmer, read_file(argv[i]), lang, c);
    print(argc == 5 ? argv[4] : "(files)", lang, c);
    return 0;
  }
  if (mode == "--detect") {
    std::map<std::string, Coverage> per_lang;
    for (int i = 3; i < argc; ++i) {
      const std::string text = read_file(argv[i]);
      const std::string lang = guess_language(text).code;
      Coverage c;
      count(*d, *seg, *stop, stemmer, text, lang, c);
      const char* base = std::strrchr(argv[i], '/');
      print(base ? base + 1 : argv[i], lang, c);
    }
    return 0;
  }
  std::fprintf(stderr, "unknown mode %s\n", mode.c_str());
  return 2;
}
