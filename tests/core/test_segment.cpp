// Sentence and word segmentation (src/core/segment.h, src/core/cjk_dict.h).
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cjk_dict.h"
#include "encoding.h"
#include "segment.h"

using px::Span;

namespace {

const px::Segmenter& loaded_segmenter() {
  static const px::Segmenter seg = [] {
    auto r = px::Segmenter::load(PX_ASSET_DIR);
    REQUIRE_MESSAGE(r.ok(), r.error());
    // The wasm tests run without exceptions: a failed REQUIRE does not leave this lambda.
    return r.ok() ? r.value() : px::Segmenter();
  }();
  return seg;
}

std::vector<std::string> sentences(const px::Segmenter& seg, std::string_view text, std::string_view lang) {
  std::vector<std::string> out;
  for (Span s : seg.sentences(text, lang)) out.emplace_back(text.substr(s.begin, s.size()));
  return out;
}
std::vector<std::string> sentences(std::string_view text, std::string_view lang) {
  return sentences(loaded_segmenter(), text, lang);
}

std::string words(const px::Segmenter& seg, std::string_view text, std::string_view lang) {
  std::string out;
  for (Span w : seg.words(text, lang)) {
    if (!out.empty()) out += " | ";
    out.append(text.substr(w.begin, w.size()));
  }
  return out;
}
std::string words(std::string_view text, std::string_view lang) {
  return words(loaded_segmenter(), text, lang);
}

std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// A gold file has one sentence per line and a blank line between paragraphs. The input is the
// sentences of each paragraph joined by `joiner` (" ", or "" for Chinese/Japanese), paragraphs
// joined by "\n\n"; `gold` gets the span of every sentence in it.
std::string build_input(const std::string& gold_text, std::string_view joiner, std::vector<Span>& gold) {
  std::string input;
  std::istringstream in(gold_text);
  std::string line;
  bool paragraph_open = false;
  while (std::getline(in, line)) {
    if (line.empty()) {
      paragraph_open = false;
      continue;
    }
    if (!input.empty()) input += paragraph_open ? std::string(joiner) : std::string("\n\n");
    gold.push_back({static_cast<uint32_t>(input.size()), static_cast<uint32_t>(input.size() + line.size())});
    input += line;
    paragraph_open = true;
  }
  return input;
}

struct Score {
  double precision = 0, recall = 0, f1 = 0;
};
Score score(const std::vector<Span>& gold, const std::vector<Span>& found) {
  size_t hit = 0;
  for (Span f : found)
    for (Span g : gold) hit += f == g;
  Score s;
  s.precision = found.empty() ? 0 : double(hit) / double(found.size());
  s.recall = gold.empty() ? 0 : double(hit) / double(gold.size());
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
  return s;
}

void check_spans_valid(std::string_view text, const std::vector<Span>& spans) {
  uint32_t last_end = 0;
  for (Span s : spans) {
    CHECK(s.begin < s.end);
    CHECK(s.begin >= last_end);
    CHECK(s.end <= text.size());
    // both ends on code point boundaries
    CHECK((s.begin == text.size() || (static_cast<unsigned char>(text[s.begin]) & 0xC0) != 0x80));
    CHECK((s.end == text.size() || (static_cast<unsigned char>(text[s.end]) & 0xC0) != 0x80));
    last_end = s.end;
  }
}

}  // namespace

TEST_CASE("segment: labelled news text, sentence boundaries per language") {
  const char* langs[] = {"en", "de", "it", "fr", "es", "ru", "ja", "zh"};
  for (const char* lang : langs) {
    CAPTURE(lang);
    std::string gold_text = read_file(std::string(PX_TEST_DATA) + "/segment/" + lang + ".txt");
    REQUIRE(!gold_text.empty());
    std::vector<Span> gold;
    bool cjk = std::string_view(lang) == "ja" || std::string_view(lang) == "zh";
    std::string input = build_input(gold_text, cjk ? "" : " ", gold);
    std::vector<Span> found = loaded_segmenter().sentences(input, lang);
    check_spans_valid(input, found);
    Score s = score(gold, found);
    MESSAGE(std::string(lang) << ": " << gold.size() << " sentences, P " << s.precision << " R " << s.recall
                 << " F1 " << s.f1);
    for (Span f : found) {
      bool ok = false;
      for (Span g : gold) ok |= f == g;
      if (!ok) MESSAGE("  not in gold: " << input.substr(f.begin, f.size()));
    }
    CHECK(s.f1 >= 0.95);
  }
}

TEST_CASE("segment: abbreviations, initials and dotted forms do not end sentences") {
  CHECK(sentences("Dr. Smith met Mark A. Rutte in the U.S. on Monday. He left.", "en") ==
        std::vector<std::string>{"Dr. Smith met Mark A. Rutte in the U.S. on Monday.", "He left."});
  CHECK(sentences("Er kam z. B. mit Dr. Weber. Sie blieb.", "de") ==
        std::vector<std::string>{"Er kam z. B. mit Dr. Weber.", "Sie blieb."});
  CHECK(sentences("Lo dice Leonardo S.p.A. Il titolo sale, ecc. ma non troppo. Poi basta.", "it") ==
        std::vector<std::string>{"Lo dice Leonardo S.p.A. Il titolo sale, ecc. ma non troppo.", "Poi basta."});
  CHECK(sentences("M. Dupont est arrivé. Il parle.", "fr") ==
        std::vector<std::string>{"M. Dupont est arrivé.", "Il parle."});
  CHECK(sentences("Это важно, т. е. срочно. Он ушёл.", "ru") ==
        std::vector<std::string>{"Это важно, т. е. срочно.", "Он ушёл."});
  // The fail side: an ordinary word before the period does end the sentence, and CLDR entries
  // that are ordinary words are denied ("Act.").
  CHECK(sentences("They passed the Inflation Reduction Act. The bill is law.", "en").size() == 2);
  CHECK(sentences("It rained all day. The match went on.", "en").size() == 2);
}

TEST_CASE("segment: numbers and German ordinal dates") {
  CHECK(sentences("Es kamen 1.000 Menschen. Am 22. Mai 2025 war es still.", "de") ==
        std::vector<std::string>{"Es kamen 1.000 Menschen.", "Am 22. Mai 2025 war es still."});
  CHECK(sentences("Der 2. Weltkrieg endete. Danach kam Frieden.", "de").size() == 2);
  // A year closes a sentence; the next one starts with a capital.
  CHECK(sentences("Das war im Jahr 2025. Die Lage blieb ruhig.", "de").size() == 2);
  CHECK(sentences("It grew 3.5 per cent. Then it fell.", "en").size() == 2);
  // In English a number before a period is not an ordinal.
  CHECK(sentences("The score was 22. Mai was not there.", "en").size() == 2);
}

TEST_CASE("segment: quotes, ellipses, URLs and e-mail addresses") {
  CHECK(sentences("He said: “We are ready. We will act.” Then he left.", "en") ==
        std::vector<std::string>{"He said: “We are ready.", "We will act.”", "Then he left."});
  CHECK(sentences("“We are ready!” he said. Nobody answered.", "en") ==
        std::vector<std::string>{"“We are ready!” he said.", "Nobody answered."});
  CHECK(sentences("Rutte sagte: „Wir sind bereit.“ Dann ging er.", "de") ==
        std::vector<std::string>{"Rutte sagte: „Wir sind bereit.“", "Dann ging er."});
  CHECK(sentences("« Nous sommes prêts. » Il est parti.", "fr") ==
        std::vector<std::string>{"« Nous sommes prêts. »", "Il est parti."});
  CHECK(sentences("Critics doubt it… Others agree. And so... we wait... Fine.", "en") ==
        std::vector<std::string>{"Critics doubt it…", "Others agree.", "And so... we wait...", "Fine."});
  CHECK(sentences("See https://www.nato.int/cps/en/natohq.htm for more. Mail press@nato.int today.", "en") ==
        std::vector<std::string>{"See https://www.nato.int/cps/en/natohq.htm for more.", "Mail press@nato.int today."});
}

TEST_CASE("segment: CJK full stops, headlines and wrapped lines") {
  CHECK(sentences("北约秘书长周四在东京表示。他说：“我们准备好了。”随后离开！真的吗？", "zh") ==
        std::vector<std::string>{"北约秘书长周四在东京表示。", "他说：“我们准备好了。”", "随后离开！", "真的吗？"});
  CHECK(sentences("会談した。「準備はできている。」と述べた。本当か？", "ja") ==
        std::vector<std::string>{"会談した。", "「準備はできている。」と述べた。", "本当か？"});
  // A headline ends at its newline; a hard-wrapped line continuing in lower case does not.
  CHECK(sentences("Japan and NATO deepen ties\nTokyo hosts the talks. The minister\nsaid little.", "en") ==
        std::vector<std::string>{"Japan and NATO deepen ties", "Tokyo hosts the talks.", "The minister\nsaid little."});
  CHECK(sentences("Первая строка\n\nВторая. Третья!", "ru") ==
        std::vector<std::string>{"Первая строка", "Вторая.", "Третья!"});
}

TEST_CASE("segment: Latin, Cyrillic and Greek word tokens") {
  CHECK(words("NATO's chief won't visit the Indo-Pacific.", "en") ==
        "NATO | 's | chief | wo | n't | visit | the | Indo-Pacific");
  CHECK(words("O'Brien paid $1,000, up 3.5% (1.000 in Europe).", "en") ==
        "O'Brien | paid | 1,000 | up | 3.5% | 1.000 | in | Europe");
  CHECK(words("l'Ucraina e dell'Europa, un'altra volta, quell'anno", "it") ==
        "l' | Ucraina | e | dell' | Europa | un' | altra | volta | quell' | anno");
  CHECK(words("aujourd'hui jusqu'à l'Otan", "fr") == "aujourd'hui | jusqu' | à | l' | Otan");
  CHECK(words("the U.S. and Leonardo S.p.A. z.B. end.", "en") ==
        "the | U.S. | and | Leonardo | S.p.A. | z.B. | end");
  CHECK(words("Visit https://www.nato.int/news, or mail press@nato.int.", "en") ==
        "Visit | https://www.nato.int/news | or | mail | press@nato.int");
  CHECK(words("Генсек НАТО — «Мы готовы»; Ο Ρούτε είπε.", "ru") ==
        "Генсек | НАТО | Мы | готовы | Ο | Ρούτε | είπε");
  // Punctuation is never a word; a trailing period stays off ordinary words.
  CHECK(words("— ... !? «» ()", "en").empty());
}

TEST_CASE("segment: Japanese and Chinese words from the dictionaries") {
  CHECK(words("北大西洋条約機構の事務総長", "ja") == "北大西洋条約機構 | の | 事務総長");
  CHECK(words("ルッテ氏は防衛協力を強化すると表明した。", "ja") ==
        "ルッテ | 氏 | は | 防衛 | 協力 | を | 強化 | すると | 表明 | した");
  CHECK(words("2030年にGDP比3.5%に", "ja") == "2030 | 年 | に | GDP | 比 | 3.5% | に");
  CHECK(words("中国外交部发言人表示反对", "zh") == "中国 | 外交部 | 发言人 | 表示 | 反对");
  CHECK(words("中國外交部發言人", "zh") == "中國 | 外交部 | 發言人");  // traditional
  // Without a dictionary: one character per word, katakana and numbers still whole.
  px::Segmenter rules_only;
  CHECK(words(rules_only, "事務総長ルッテ2025年", "ja") == "事 | 務 | 総 | 長 | ルッテ | 2025 | 年");
  CHECK(loaded_segmenter().dictionary_size("ja") > 100000);
  CHECK(loaded_segmenter().dictionary_size("zh") > 100000);
  CHECK(rules_only.dictionary_size("zh") == 0);
}

TEST_CASE("segment: spans are byte offsets into the text, shifted by append_*") {
  std::string text = "Prima frase. Seconda frase? 東京で会談した。";
  const auto& seg = loaded_segmenter();
  std::vector<Span> s = seg.sentences(text, "it");
  check_spans_valid(text, s);
  REQUIRE(s.size() == 3);
  CHECK(s[1] == Span{13, 27});
  std::vector<Span> shifted;
  seg.append_words(std::string_view(text).substr(13, 14), "it", 13, shifted);
  REQUIRE(shifted.size() == 2);
  CHECK(text.substr(shifted[0].begin, shifted[0].size()) == "Seconda");
  check_spans_valid(text, seg.words(text, "ja"));
  CHECK(seg.sentences("", "en").empty());
  CHECK(seg.words("   \n ", "en").empty());
}

TEST_CASE("segment: missing assets and damaged word lists give messages, not crashes") {
  auto r = px::Segmenter::load("/nonexistent/assets");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().find("abbrev.txt") != std::string::npos);
  px::Segmenter rules_only;  // still works: built-in supplement only
  CHECK(sentences(rules_only, "Dr. Weber kam. Er ging.", "de").size() == 2);
  CHECK(rules_only.abbreviation_count() > 20);
  CHECK(loaded_segmenter().abbreviation_count() > 800);

  // Front coding: "# header", then (shared bytes, rest, '\n').
  std::string ok = std::string("# test\n") + '\0' + "abc\n" + '\2' + "d\n" + '\1' + "x\n";
  auto d = px::CjkDictionary::from_front_coded(ok);
  REQUIRE(d.ok());
  CHECK(d->size() == 3);
  CHECK(d->contains("abc"));
  CHECK(d->contains("abd"));
  CHECK(d->contains("ax"));
  CHECK_FALSE(d->contains("ab"));
  std::string damaged = std::string("") + '\0' + "ab\n" + '\7' + "c\n";  // shares more than it has
  CHECK_FALSE(px::CjkDictionary::from_front_coded(damaged).ok());
  CHECK_FALSE(px::CjkDictionary::from_front_coded(std::string("") + '\0' + "ab").ok());  // no '\n'
}

// The fewest-words search without the prefix filter, as cjk_dict.cpp did it before the filter:
// every length from 16 code points down to 2 is looked up at every position.
std::vector<Span> reference_segment(const px::CjkDictionary& d, std::string_view text) {
  std::vector<uint32_t> off;
  for (size_t i = 0; i < text.size();) {
    off.push_back(static_cast<uint32_t>(i));
    px::next_codepoint(text, i);
  }
  off.push_back(static_cast<uint32_t>(text.size()));
  const size_t n = off.size() - 1;
  std::vector<uint32_t> cost(n + 1, UINT32_MAX), back(n + 1, 0);
  cost[n] = 0;
  for (size_t k = n; k-- > 0;) {
    for (size_t j = std::min(n, k + px::CjkDictionary::kMaxWordChars); j >= k + 2; --j)
      if (cost[j] + 100 < cost[k] && d.contains(text.substr(off[k], off[j] - off[k]))) cost[k] = cost[j] + 100, back[k] = j;
    if (cost[k + 1] + 100 < cost[k]) cost[k] = cost[k + 1] + 100, back[k] = k + 1;
  }
  std::vector<Span> out;
  for (size_t k = 0; k < n; k = back[k]) out.push_back({off[k], off[back[k]]});
  return out;
}

TEST_CASE("segment: the dictionary search with its prefix filter finds what looking up every length finds") {
  // The shipped lists on the test texts, and a small dense list on random text of its letters
  // (many words share prefixes: the filter must never stop a candidate that is a word).
  for (const char* lang : {"zh", "ja"}) {
    std::ifstream f(std::string(PX_ASSET_DIR) + "/segment/" + lang + ".words", std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    auto d = px::CjkDictionary::from_front_coded(ss.str());
    REQUIRE_MESSAGE(d.ok(), lang);
    if (!d.ok()) continue;
    CHECK(d->size() > 50000);
    const std::string text = read_file(std::string(PX_TEST_DATA) + "/segment/" + lang + ".txt");
    // Runs of Han/kana (what Segmenter hands the dictionary).
    size_t runs = 0;
    for (size_t i = 0; i < text.size();) {
      size_t j = i;
      auto cjk = [](char32_t c) { return (c >= 0x3041 && c <= 0x309F) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF); };
      size_t k = i;
      while (k < text.size()) {
        size_t t = k;
        if (!cjk(px::next_codepoint(text, t))) break;
        k = t;
      }
      if (k == i) {
        px::next_codepoint(text, j);
        i = j;
        continue;
      }
      std::vector<Span> got;
      px::CjkDictionary::Scratch scratch;
      d->segment(text, static_cast<uint32_t>(i), static_cast<uint32_t>(k), got, scratch);
      std::vector<Span> want = reference_segment(*d, std::string_view(text).substr(i, k - i));
      for (Span& w : want) w.begin += static_cast<uint32_t>(i), w.end += static_cast<uint32_t>(i);
      CHECK_MESSAGE(got == want, text.substr(i, k - i));
      ++runs;
      i = k;
    }
    CHECK(runs > 10);
  }
  const char* letters[] = {"日", "本", "政", "府", "東", "京", "会", "談", "の", "は", "に", "大"};
  uint32_t seed = 12345;
  auto next = [&seed] { return seed = seed * 1664525u + 1013904223u, seed >> 8; };
  std::string list;
  for (int w = 0; w < 300; ++w) {
    const uint32_t len = 2 + next() % 5;
    for (uint32_t c = 0; c < len; ++c) list += letters[next() % 12];
    list += '\n';
  }
  const px::CjkDictionary dense = px::CjkDictionary::from_lines(list);
  for (int round = 0; round < 200; ++round) {
    std::string text;
    const uint32_t len = 1 + next() % 40;
    for (uint32_t c = 0; c < len; ++c) text += letters[next() % 12];
    std::vector<Span> got;
    px::CjkDictionary::Scratch scratch;
    dense.segment(text, 0, static_cast<uint32_t>(text.size()), got, scratch);
    CHECK_MESSAGE(got == reference_segment(dense, text), text);
  }
}

// Throughput, printed only: doctest skips it unless run with --no-skip
//   ./px_core_tests -tc='segment: speed*' --no-skip
TEST_CASE("segment: speed (prints MB/s; run with --no-skip)" * doctest::skip()) {
  const auto& seg = loaded_segmenter();
  const char* langs[] = {"en", "de", "it", "fr", "es", "ru", "ja", "zh"};
  for (const char* lang : langs) {
    std::string one = read_file(std::string(PX_TEST_DATA) + "/segment/" + lang + ".txt");
    std::string text;
    while (text.size() < (4u << 20)) text += one + "\n";
    std::vector<Span> sent, tok;
    auto t0 = std::chrono::steady_clock::now();
    seg.append_sentences(text, lang, 0, sent);
    auto t1 = std::chrono::steady_clock::now();
    for (Span s : sent) seg.append_words(std::string_view(text).substr(s.begin, s.size()), lang, s.begin, tok);
    auto t2 = std::chrono::steady_clock::now();
    double mb = double(text.size()) / 1e6;
    double ts = std::chrono::duration<double>(t1 - t0).count(), tw = std::chrono::duration<double>(t2 - t1).count();
    std::printf("segment speed %s: %.1f MB, sentences %.1f MB/s, words %.1f MB/s (%zu sentences, %zu words)\n",
                lang, mb, mb / ts, mb / tw, sent.size(), tok.size());
  }
  auto t0 = std::chrono::steady_clock::now();
  auto r = px::Segmenter::load(PX_ASSET_DIR);
  auto t1 = std::chrono::steady_clock::now();
  std::printf("segment load (abbreviations + ja/zh word lists): %.0f ms\n",
              std::chrono::duration<double, std::milli>(t1 - t0).count());
  CHECK(r.ok());
}
