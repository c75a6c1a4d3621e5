// parallax lang FILE — one language code per input line, each line judged alone.
//
//   parallax lang sentences.txt            # "it", "en", "und" (blank line) ...
//   parallax lang --prior it --confidence sentences.txt
//
// Options (for evaluation, tests/eval/eval_langid.sh): --prior CODE (the article language),
// --confidence (append a TAB and the confidence), --fasttext (the bare model's top label on
// the verbatim line, as fastText's predict would give it), --fallback (the no-model guess of
// lang_detect.h), --no-clean / --no-verbatim / --no-script / --no-rarity / --no-und (switch off one rule),
// --whole (judge the whole file as one text, one output line).
// With no model asset the simple fallback answers and a note goes to stderr; exit 0 anyway.
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "cli.h"
#include "lang_id.h"

namespace {

int cmd_lang(const std::vector<std::string_view>& args) {
  px::LanguageIdOptions options;
  std::string prior, path;
  bool with_confidence = false, bare_model = false, fallback = false, whole = false;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string_view a = args[i];
    if (a == "--prior" && i + 1 < args.size()) prior = std::string(args[++i]);
    else if (a == "--confidence") with_confidence = true;
    else if (a == "--fasttext") bare_model = true;
    else if (a == "--fallback") fallback = true;
    else if (a == "--whole") whole = true;
    else if (a == "--no-clean") options.clean_view = false;
    else if (a == "--no-verbatim") options.verbatim_view = false;
    else if (a == "--no-script") options.script_rules = false;
    else if (a == "--no-rarity") options.rarity_weights = false;
    else if (a == "--no-und") options.allow_unsure = false;
    else if (path.empty() && (a == "-" || a.substr(0, 2) != "--")) path = std::string(a);
    else {
      std::fprintf(stderr, "parallax: lang: unknown option %.*s\nusage: parallax lang [--prior CODE] [--confidence] FILE\n",
                   static_cast<int>(a.size()), a.data());
      return px::cli::kExitUsage;
    }
  }
  if (path.empty()) {
    std::fputs("usage: parallax lang [--prior CODE] [--confidence] FILE   (one code per line)\n", stderr);
    return px::cli::kExitUsage;
  }
  std::string text, error;
  if (!px::cli::read_file(path, text, error)) {
    std::fprintf(stderr, "parallax: %s\n", error.c_str());
    return px::cli::kExitSomeFailed;
  }
  auto loaded = px::LanguageIdentifier::load(px::cli::asset_dir());
  if (!loaded.ok() && !fallback) std::fprintf(stderr, "parallax: %s\n", loaded.error().c_str());
  const bool use_fallback = fallback || !loaded.ok();

  auto judge = [&](std::string_view line) -> px::LanguageGuess {
    if (use_fallback) return px::guess_language(line);
    if (bare_model) {
      auto ranked = loaded->model_ranking(line, 1);
      return ranked.empty() ? px::LanguageGuess{} : ranked.front();
    }
    return loaded->identify(line, prior, options);
  };
  auto print = [&](const px::LanguageGuess& g) {
    if (with_confidence) std::printf("%s\t%.3f\n", g.code.c_str(), static_cast<double>(g.confidence));
    else std::printf("%s\n", g.code.c_str());
  };
  if (whole) {
    print(judge(text));
    return px::cli::kExitOk;
  }
  std::string_view rest(text);
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    bool blank = line.find_first_not_of(" \t") == std::string_view::npos;
    print(blank ? px::LanguageGuess{} : judge(line));
    if (nl == std::string_view::npos) break;
    rest.remove_prefix(nl + 1);
  }
  return px::cli::kExitOk;
}

const px::cli::Registration reg{"lang", "FILE  one language code per input line (--prior CODE, --confidence)",
                                cmd_lang};

}  // namespace
