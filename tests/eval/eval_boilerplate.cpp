// eval_boilerplate — precision and recall of classify_boilerplate against gold labels.
//
//   eval_boilerplate ASSET_DIR GOLD.tsv FILE...   (run by tests/eval/eval_boilerplate.sh)
//   eval_boilerplate ASSET_DIR --prose FILE.conllu LANG   (content kept on chrome-free prose)
//
// Each FILE is read as the app reads a .txt (one paragraph per non-blank line); all FILEs form
// the corpus for ParagraphRepeats. GOLD.tsv: "file<TAB>index<TAB>label<TAB>text prefix" with
// label "chrome" or "content"; index is the 0-based paragraph index in that file; the text
// prefix is checked so a stale gold file fails loudly. Prints every disagreement, then the
// figures ("chrome" is the positive class).
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "boilerplate.h"
#include "lang_detect.h"
#include "stem.h"
#include "stopwords.h"

namespace {
std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}
std::vector<std::string_view> paragraphs_of(const std::string& text) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (!line.empty()) out.push_back(line);
    pos = end + 1;
  }
  return out;
}
std::string base_name(const std::string& p) { return p.substr(p.find_last_of('/') + 1); }
}  // namespace

// Real prose that has no chrome: a CoNLL file's sentences (tokens joined by spaces), three
// sentences to a paragraph, ten paragraphs to an article. Every paragraph flagged is an error.
int prose_mode(const px::Stopwords& stopwords, const std::string& path, const std::string& lang) {
  std::istringstream in(slurp(path));
  std::vector<std::string> sentences(1);
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) {
      if (!sentences.back().empty()) sentences.emplace_back();
      continue;
    }
    const size_t a = line.find('\t'), b = line.find('\t', a + 1);
    if (a == std::string::npos || b == std::string::npos) continue;
    if (!sentences.back().empty()) sentences.back() += ' ';
    sentences.back() += line.substr(a + 1, b - a - 1);
  }
  constexpr size_t kSentencesPerParagraph = 3, kParagraphsPerArticle = 10;
  std::vector<std::string> paras;
  for (size_t i = 0; i + kSentencesPerParagraph <= sentences.size(); i += kSentencesPerParagraph)
    paras.push_back(sentences[i] + " " + sentences[i + 1] + " " + sentences[i + 2]);
  size_t flagged = 0, total = 0;
  for (size_t a = 0; a + kParagraphsPerArticle <= paras.size(); a += kParagraphsPerArticle) {
    std::vector<std::string_view> article(paras.begin() + long(a), paras.begin() + long(a + kParagraphsPerArticle));
    for (bool b : px::classify_boilerplate(article, lang, stopwords, nullptr)) flagged += b;
    total += kParagraphsPerArticle;
  }
  std::printf("prose %s (%s): %zu paragraphs in %zu articles, false chrome %zu (content kept %.3f)\n",
              path.substr(path.find_last_of('/') + 1).c_str(), lang.c_str(), total, total / kParagraphsPerArticle,
              flagged, total ? 1.0 - double(flagged) / double(total) : 1.0);
  return 0;
}

int main(int argc, char** argv) {
  if (argc == 5 && std::string(argv[2]) == "--prose") {
    auto sw = px::Stopwords::load(argv[1]);
    return prose_mode(sw.ok() ? sw.value() : px::Stopwords(), argv[3], argv[4]);
  }
  if (argc < 4) {
    std::fprintf(stderr, "usage: eval_boilerplate ASSET_DIR GOLD.tsv FILE...\n");
    return 2;
  }
  auto sw = px::Stopwords::load(argv[1]);
  if (!sw.ok()) std::fprintf(stderr, "warning: %s\n", sw.error().c_str());
  const px::Stopwords stopwords = sw.ok() ? sw.value() : px::Stopwords();

  std::map<std::string, std::map<size_t, std::pair<bool, std::string>>> gold;
  std::istringstream g(slurp(argv[2]));
  for (std::string line; std::getline(g, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::stringstream ls(line);
    for (std::string c; std::getline(ls, c, '\t');) cols.push_back(c);
    if (cols.size() < 4) continue;
    gold[cols[0]][std::stoul(cols[1])] = {cols[2] == "chrome", cols[3]};
  }

  std::vector<std::string> texts;
  for (int a = 3; a < argc; ++a) texts.push_back(slurp(argv[a]));
  px::ParagraphRepeats repeats;
  for (const auto& t : texts) repeats.add_document(paragraphs_of(t));

  const bool verbose = std::getenv("VERBOSE") != nullptr;
  int tp = 0, fp = 0, fn = 0, tn = 0, missing = 0;
  for (size_t d = 0; d < texts.size(); ++d) {
    const std::string name = base_name(argv[3 + d]);
    const auto paras = paragraphs_of(texts[d]);
    const std::string lang = px::guess_language(texts[d]).code;
    const auto verdicts = px::explain_boilerplate(paras, lang, stopwords, &repeats);
    for (size_t i = 0; i < paras.size(); ++i) {
      auto it = gold[name].find(i);
      const std::string shown(paras[i].substr(0, 60));
      if (it == gold[name].end()) {
        ++missing;
        std::printf("NO GOLD %s #%zu %s\n", name.c_str(), i, shown.c_str());
        continue;
      }
      if (paras[i].substr(0, it->second.second.size()) != it->second.second)
        std::printf("STALE GOLD %s #%zu: '%s' vs '%s'\n", name.c_str(), i, it->second.second.c_str(), shown.c_str());
      const bool want = it->second.first, got = verdicts[i].boilerplate;
      if (verbose)
        std::printf("  %s #%zu %-7s %-7s %.2f [%s] %s\n", name.c_str(), i, want ? "chrome" : "content",
                    got ? "chrome" : "content", stopwords.density(paras[i], lang), verdicts[i].reason, shown.c_str());
      (want && got ? tp : !want && got ? fp : want ? fn : tn)++;
      if (want != got)
        std::printf("%s %s #%zu [%s; stopwords %.2f] %s\n", got ? "FALSE CHROME " : "MISSED CHROME", name.c_str(), i,
                    verdicts[i].reason, stopwords.density(paras[i], lang), shown.c_str());
    }
  }
  const double p = tp + fp ? double(tp) / (tp + fp) : 1.0, r = tp + fn ? double(tp) / (tp + fn) : 1.0;
  std::printf("paragraphs %d (chrome %d, content %d), unlabelled %d\n", tp + fp + fn + tn, tp + fn, fp + tn, missing);
  std::printf("chrome precision %.3f (%d/%d)  recall %.3f (%d/%d)  F1 %.3f\n", p, tp, tp + fp, r, tp, tp + fn,
              p + r ? 2 * p * r / (p + r) : 0.0);
  std::printf("content kept %.3f (%d/%d)\n", fp + tn ? double(tn) / (fp + tn) : 1.0, tn, fp + tn);

  // Speed: the seeds repeated to kSpeedDocuments articles, as the app would run them (repeats
  // built over the whole corpus, then every document classified), and match_key over every word.
  constexpr size_t kSpeedDocuments = 10000;
  std::vector<std::vector<std::string_view>> docs;
  std::vector<std::string> langs;
  size_t paragraphs = 0, bytes = 0;
  for (size_t k = 0; k < kSpeedDocuments; ++k) {
    docs.push_back(paragraphs_of(texts[k % texts.size()]));
    langs.push_back(px::guess_language(texts[k % texts.size()]).code);
    paragraphs += docs.back().size();
    bytes += texts[k % texts.size()].size();
  }
  const auto t0 = std::clock();
  px::ParagraphRepeats big;
  for (const auto& d : docs) big.add_document(d);
  const auto t1 = std::clock();
  size_t flagged = 0;
  for (size_t k = 0; k < docs.size(); ++k)
    for (bool b : px::classify_boilerplate(docs[k], langs[k], stopwords, &big)) flagged += b;
  const auto t2 = std::clock();
  px::Stemmer stemmer;
  size_t words = 0, key_bytes = 0;
  for (size_t k = 0; k < texts.size() * 400; ++k) {  // 2,000 articles' words
    const std::string& t = texts[k % texts.size()];
    const std::string lang = langs[k % texts.size()];
    size_t i = 0;
    while (i < t.size()) {
      while (i < t.size() && (t[i] == ' ' || t[i] == '\n' || t[i] == ',' || t[i] == '.' || t[i] == '"')) ++i;
      size_t j = i;
      while (j < t.size() && !(t[j] == ' ' || t[j] == '\n' || t[j] == ',' || t[j] == '.' || t[j] == '"')) ++j;
      if (j > i) {
        key_bytes += px::match_key(std::string_view(t).substr(i, j - i), lang, stemmer).size();
        ++words;
      }
      i = j;
    }
  }
  const auto t3 = std::clock();
  // CPU time of this process (the machine is shared: wall time would measure the neighbours).
  auto ms = [](std::clock_t a, std::clock_t b) { return 1000.0 * double(b - a) / CLOCKS_PER_SEC; };
  std::printf("speed: %zu documents (%zu paragraphs, %.1f MB): repeats %.0f ms, classify %.0f ms (%zu chrome)\n",
              docs.size(), paragraphs, bytes / 1e6, ms(t0, t1), ms(t1, t2), flagged);
  std::printf("speed: match_key over %zu words: %.0f ms (%.2f us/word; %zu key bytes)\n", words, ms(t2, t3),
              1000.0 * ms(t2, t3) / double(words), key_bytes);
  return 0;
}
