// cmd_align.cpp — `parallax align [--all] [--min-score X] A B`: A and B hold one sentence per
// line, in any supported languages (each line's language detected alone). For each line i of
// A prints `i<TAB>j<TAB>score`: j the best-matching line of B (0-based), -1 when none scores
// min_link_score or more (claim_align.h). --all prints the best line whatever its score
// (-1 only when no line shares anything): top-1 retrieval, tests/eval/eval_align.sh.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "analyze.h"
#include "bilingual.h"
#include "claim_align.h"
#include "cli.h"

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::string_view rest(text);
  while (!rest.empty()) {
    const size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out.emplace_back(line);
    if (nl == std::string_view::npos) break;
    rest.remove_prefix(nl + 1);
  }
  return out;
}

int usage() {
  std::fputs("usage: parallax align [--all] [--min-score X] A B   (one sentence per line in each)\n", stderr);
  return px::cli::kExitUsage;
}

int cmd_align(const std::vector<std::string_view>& args) {
  px::ClaimOptions options;
  bool all = false;
  std::vector<std::string> paths;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string_view a = args[i];
    if (a == "--all") {
      all = true;
    } else if (a == "--min-score" && i + 1 < args.size()) {
      char* end = nullptr;
      const std::string v(args[++i]);
      options.min_link_score = std::strtof(v.c_str(), &end);
      if (end == v.c_str() || *end) {
        std::fprintf(stderr, "parallax align: --min-score takes a number, not '%s'\n", v.c_str());
        return px::cli::kExitUsage;
      }
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      std::fprintf(stderr, "parallax align: unknown option %.*s\n", static_cast<int>(a.size()), a.data());
      return usage();
    } else {
      paths.emplace_back(a);
    }
  }
  if (paths.size() != 2) return usage();
  std::string texts[2];
  for (int k = 0; k < 2; ++k) {
    std::string error;
    if (!px::cli::read_file(paths[k], texts[k], error)) {
      std::fprintf(stderr, "parallax: %s\n", error.c_str());
      return px::cli::kExitSomeFailed;
    }
  }
  const std::string assets = px::cli::asset_dir();
  px::TextResources res = px::TextResources::load(assets);
  for (const std::string& m : res.messages) std::fprintf(stderr, "parallax: %s\n", m.c_str());
  px::Result<px::BilingualDict> loaded = px::BilingualDict::load(assets);
  px::BilingualDict dict = px::BilingualDict::empty();
  if (loaded.ok()) dict = std::move(loaded.value());
  else std::fprintf(stderr, "parallax: %s (only shared names, numbers and stems bridge languages)\n", loaded.error().c_str());
  if (all) options.min_link_score = 0;
  const std::vector<std::string> a = lines_of(texts[0]), b = lines_of(texts[1]);
  const std::vector<px::SentenceMatch> matches = px::align_sentences(a, b, res, dict, options);
  for (size_t i = 0; i < matches.size(); ++i)
    std::printf("%zu\t%d\t%.3f\n", i, matches[i].best, static_cast<double>(matches[i].score));
  return px::cli::kExitOk;
}

const px::cli::Registration reg{"align", "[--all] A B  best line of B for each line of A: i TAB j TAB score",
                                cmd_align};

}  // namespace
