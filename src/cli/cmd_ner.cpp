// cmd_ner.cpp — `parallax ner --lang xx FILE`: named entities of a tokenised text (CoNLL-style
// input), one IOB2 tag per token appended as the last TAB-separated column.
//
// Input: one token per line, extra TAB-separated columns allowed, a blank line between
// sentences. The token is the first column — except in `index<TAB>token<TAB>...` files (the
// evaluation format): when every non-blank line has 2+ columns, its first column is a whole
// number, and each sentence's first line has index 0 or 1, the token is the second column.
// "-DOCSTART-" lines (CoNLL document breaks) are tagged O.
//
// Documents: the recogniser remembers the names of one text ("Kishida" after "Fumio Kishida",
// EntityRecognizer::Memory), so the CLI must say where a text ends. --document:
//   docstart  (default) a text runs between "-DOCSTART-" lines; a file without them is one
//             text (a tokenised article; corpora whose neighbouring sentences come from the
//             same article: CoNLL-2002, WikiNEuRal's runs of sentences from one page)
//   sentence  every blank-line-separated sentence is a text of its own (a corpus of unrelated
//             sentences: one sentence's guess then never types a name in another)
// docs/quality-ner.md measures both on the evaluation files.
// The whole file is the corpus the name evidence is counted on (--no-evidence turns it off).
#include <chrono>
#include <ctime>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cli.h"
#include "gazetteer.h"
#include "ner.h"

namespace {

// The first two TAB-separated columns of a line ("" when missing) and whether there are 2+.
struct FirstColumns {
  std::string_view first, second;
  bool two = false;
};
FirstColumns first_columns(std::string_view line) {
  FirstColumns c;
  const size_t tab = line.find('\t');
  c.first = line.substr(0, tab);
  if (tab == std::string_view::npos) return c;
  c.two = true;
  const std::string_view rest = line.substr(tab + 1);
  c.second = rest.substr(0, rest.find('\t'));
  return c;
}

bool is_integer(std::string_view s) {
  if (s.empty() || s.size() > 9) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int cmd_ner(const std::vector<std::string_view>& args) {
  std::string lang = "en", path;
  bool evidence_on = true, timing = false;
  std::string_view document = "docstart";
  for (size_t i = 0; i < args.size(); ++i) {
    std::string_view a = args[i];
    if (a == "--lang" && i + 1 < args.size()) lang = std::string(args[++i]);
    else if (a == "--no-evidence") evidence_on = false;
    else if (a == "--time") timing = true;
    else if (a == "--document" && i + 1 < args.size() &&
             (args[i + 1] == "docstart" || args[i + 1] == "sentence"))
      document = args[++i];
    else if (path.empty() && (a == "-" || a.substr(0, 2) != "--")) path = std::string(a);
    else {
      std::fprintf(stderr, "parallax: ner: unknown option %.*s\n", static_cast<int>(a.size()), a.data());
      return px::cli::kExitUsage;
    }
  }
  if (path.empty()) {
    std::fputs("usage: parallax ner [--lang xx] [--no-evidence] [--time] [--document docstart|sentence] FILE\n"
               "  FILE: one token per line (first TAB-separated column; or the second when every line\n"
               "  starts with a whole-number index: index<TAB>token<TAB>...), blank line between sentences.\n"
               "  Prints each line with its IOB2 tag (B-/I-PER ORG LOC MISC, or O) appended.\n"
               "  --document: what one text is (names are remembered within it): docstart (default:\n"
               "  between -DOCSTART- lines, the whole file without them) or sentence (each sentence).\n",
               stderr);
    return px::cli::kExitUsage;
  }
  std::string text, error;
  if (!px::cli::read_file(path, text, error)) {
    std::fprintf(stderr, "parallax: %s\n", error.c_str());
    return px::cli::kExitSomeFailed;
  }

  // Lines, and whether the file is index<TAB>token.
  std::vector<std::string_view> lines;
  for (size_t pos = 0; pos < text.size();) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    std::string_view l(text.data() + pos, eol - pos);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    lines.push_back(l);
    pos = eol + 1;
  }
  bool indexed = true, any = false, sentence_start = true;
  for (std::string_view l : lines) {
    if (l.empty()) { sentence_start = true; continue; }
    const FirstColumns cols = first_columns(l);
    any = true;
    if (!cols.two || !is_integer(cols.first) || (sentence_start && cols.first != "0" && cols.first != "1")) {
      indexed = false;
      break;
    }
    sentence_start = false;
  }
  indexed = indexed && any;
  std::vector<std::string_view> tokens(lines.size());

  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].empty()) continue;
    const FirstColumns cols = first_columns(lines[i]);
    tokens[i] = indexed ? cols.second : cols.first;
  }
  const bool text_per_sentence = document == "sentence";

  const std::string assets = px::cli::asset_dir();
  std::shared_ptr<const px::Gazetteer> gaz;
  if (auto g = px::Gazetteer::load(assets); g.ok()) gaz = std::make_shared<px::Gazetteer>(std::move(*g));
  else std::fprintf(stderr, "parallax: %s; recognising without known names\n", g.error().c_str());
  std::vector<std::string> missing;
  const px::EntityRecognizer ner = px::EntityRecognizer::load(assets, gaz, &missing);
  for (const std::string& m : missing) std::fprintf(stderr, "parallax: %s\n", m.c_str());

  const auto start = std::chrono::steady_clock::now();
  const std::clock_t cpu_start = std::clock();  // CPU time too: wall time on a shared machine waits for others
  px::NameEvidence evidence;
  if (evidence_on) evidence.add_tokens(tokens, path, lang);

  std::vector<std::string> tags(lines.size());
  px::EntityRecognizer::Memory memory;
  std::vector<px::NerToken> sentence;
  size_t first = 0, token_count = 0;
  auto flush = [&](size_t end) {
    if (!sentence.empty()) {
      const auto spans = ner.tag(sentence, lang, evidence_on ? &evidence : nullptr, &memory);
      const auto iob = px::to_iob2(spans, sentence.size());
      size_t k = 0;
      for (size_t i = first; i < end; ++i)
        if (!lines[i].empty() && tokens[i] != "-DOCSTART-") tags[i] = iob[k++];
    }
    token_count += sentence.size();
    sentence.clear();
    if (text_per_sentence) memory = {};
  };
  for (size_t i = 0; i <= lines.size(); ++i) {
    if (i == lines.size() || lines[i].empty()) {
      flush(i);
      first = i + 1;
      continue;
    }
    if (tokens[i] == "-DOCSTART-") {
      flush(i);
      first = i + 1;
      tags[i] = "O";
      memory = {};
      continue;
    }
    sentence.push_back(px::NerToken{tokens[i], false, false});
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;

  std::string out;
  out.reserve(text.size() + lines.size() * 7);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i + 1 == lines.size() && lines[i].empty()) break;  // the file's final newline
    out.append(lines[i]);
    if (!lines[i].empty()) (out += '\t') += tags[i];
    out += '\n';
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (timing)
    std::fprintf(stderr, "parallax: ner: %zu tokens in %.3f s (%.0f tokens/s); %.3f s of CPU time\n", token_count,
                 seconds, seconds > 0 ? token_count / seconds : 0.0, cpu_seconds);
  return px::cli::kExitOk;
}

const px::cli::Registration reg{
    "ner", "[--lang xx] [--no-evidence] [--time] [--document docstart|sentence] FILE  IOB2 entity tag per token (CoNLL-style input)",
    cmd_ner};

}  // namespace
