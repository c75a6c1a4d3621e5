// cmd_segment.cpp — `parallax segment [--lang xx] [--words] FILE`: one sentence per line
// (internal newlines become spaces); with --words, the word tokens of each sentence separated
// by spaces. Without --lang the language is guessed from the whole text.
#include <cstdio>
#include <string>

#include "cli.h"
#include "lang_detect.h"
#include "segment.h"

namespace {

int cmd_segment(const std::vector<std::string_view>& args) {
  std::string lang, path;
  bool words = false;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string_view a = args[i];
    if (a == "--lang" && i + 1 < args.size()) lang = std::string(args[++i]);
    else if (a == "--words") words = true;
    else if (path.empty() && (a == "-" || a.substr(0, 2) != "--")) path = std::string(a);
    else {
      std::fprintf(stderr, "parallax: segment: unknown option %.*s\n", static_cast<int>(a.size()), a.data());
      return px::cli::kExitUsage;
    }
  }
  if (path.empty()) {
    std::fputs("usage: parallax segment [--lang xx] [--words] FILE\n", stderr);
    return px::cli::kExitUsage;
  }
  std::string text, error;
  if (!px::cli::read_file(path, text, error)) {
    std::fprintf(stderr, "parallax: %s\n", error.c_str());
    return px::cli::kExitSomeFailed;
  }
  if (lang.empty()) lang = px::guess_language(text).code;
  px::Segmenter seg;
  auto loaded = px::Segmenter::load(px::cli::asset_dir());
  if (loaded.ok()) seg = loaded.value();
  else std::fprintf(stderr, "parallax: %s; using rules only (CJK one character per word)\n", loaded.error().c_str());

  std::string line;
  std::vector<px::Span> tokens;
  for (px::Span s : seg.sentences(text, lang)) {
    std::string_view sentence = std::string_view(text).substr(s.begin, s.size());
    line.clear();
    if (words) {
      tokens.clear();
      seg.append_words(sentence, lang, 0, tokens);
      for (px::Span w : tokens) {
        if (!line.empty()) line += ' ';
        line.append(sentence.substr(w.begin, w.size()));
      }
    } else {
      line.assign(sentence);
    }
    for (char& c : line)
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    std::printf("%s\n", line.c_str());
  }
  return px::cli::kExitOk;
}

const px::cli::Registration reg{"segment", "[--lang xx] [--words] FILE  one sentence per line (or its words)",
                                cmd_segment};

}  // namespace
