// stopwords.cpp — stopword sets (open addressing over folded words) and density.
#include "stopwords.h"

#include <algorithm>
#include <cstdio>

#include <utf8proc.h>

#include "encoding.h"
#include "text_fold.h"

namespace px {
namespace {

// The loops here see every byte of the corpus: ASCII takes the inline path.
constexpr auto next_cp = next_codepoint_fast;

constexpr const char* kAssetPath = "/stem/stopwords.txt";
constexpr size_t kMaxAssetBytes = 8u << 20;  // the shipped file is ~93 KB
constexpr size_t kMaxWordBytes = 64;         // longer "words" are never stopwords

uint64_t hash_bytes(std::string_view s) {  // FNV-1a
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

bool is_word_codepoint(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  const utf8proc_category_t cat = utf8proc_category(utf8proc_int32_t(cp));
  return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_MC) ||  // letters, marks
         cat == UTF8PROC_CATEGORY_ND;
}

bool is_unspaced_language(std::string_view lang) {
  lang = lang.substr(0, 2);
  return lang == "ja" || lang == "zh";
}

std::string_view primary(std::string_view lang) {
  if (size_t cut = lang.find_first_of("-_"); cut != std::string_view::npos) return lang.substr(0, cut);
  return lang;
}

}  // namespace

Result<Stopwords> Stopwords::load(const std::string& asset_dir) {
  const std::string path = asset_dir + kAssetPath;
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Result<Stopwords>::Error("stopword list not found (" + path + "): boilerplate detection uses length and context only");
  std::string text;
  char buf[1 << 14];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0 && text.size() < kMaxAssetBytes) text.append(buf, n);
  std::fclose(f);
  return parse(text);
}

Result<Stopwords> Stopwords::parse(std::string_view text) {
  Stopwords sw;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    if (line[0] == '@') {
      sw.languages_.push_back(Language{std::string(line.substr(1)), {}, {}, 0});
      continue;
    }
    if (sw.languages_.empty()) return Result<Stopwords>::Error("stopword list: a word comes before the first @language line");
    std::string folded = fold_for_search(line);
    if (folded.empty() || folded.size() > kMaxWordBytes) continue;
    sw.languages_.back().words.push_back(std::move(folded));
  }
  for (Language& l : sw.languages_) {
    size_t slots = 16;
    while (slots < l.words.size() * 2) slots *= 2;  // load factor <= 0.5
    l.slots.assign(slots, 0);
    for (uint32_t i = 0; i < l.words.size(); ++i) {
      if (contains(l, l.words[i])) continue;  // folding merged two spellings
      size_t s = hash_bytes(l.words[i]) & (slots - 1);
      while (l.slots[s]) s = (s + 1) & (slots - 1);
      l.slots[s] = i + 1;
      size_t cps = 0;
      for (unsigned char c : l.words[i]) cps += (c & 0xC0) != 0x80;
      if (cps > l.longest_codepoints) l.longest_codepoints = cps;
    }
  }
  if (sw.languages_.empty()) return Result<Stopwords>::Error("stopword list is empty");
  return sw;
}

bool Stopwords::contains(const Language& l, std::string_view word) {
  if (l.slots.empty()) return false;
  const size_t mask = l.slots.size() - 1;
  for (size_t s = hash_bytes(word) & mask; l.slots[s]; s = (s + 1) & mask)
    if (l.words[l.slots[s] - 1] == word) return true;
  return false;
}

const Stopwords::Language* Stopwords::find_language(std::string_view lang) const {
  lang = primary(lang);
  for (const Language& l : languages_)
    if (l.code == lang) return &l;
  return nullptr;
}

bool Stopwords::has_language(std::string_view lang) const { return find_language(lang) != nullptr; }

bool Stopwords::is_stopword(std::string_view folded_word, std::string_view lang) const {
  const Language* l = find_language(lang);
  return l && contains(*l, folded_word);
}

Stopwords::Counts Stopwords::count(std::string_view text, std::string_view lang) const {
  Counts counts;
  const Language* l = find_language(lang);
  if (is_unspaced_language(lang)) {
    // Greedy longest match over the folded text, one code point at a time.
    const std::string folded = fold_for_search(text);
    std::vector<size_t> starts;  // byte offset of each code point of a run of letters
    size_t i = 0;
    while (i <= folded.size()) {
      size_t at = i;
      const char32_t cp = i < folded.size() ? next_cp(folded, i) : 0;
      if (at < folded.size() && is_word_codepoint(cp)) {
        starts.push_back(at);
        continue;
      }
      // End of a run: match inside it.
      const size_t run = starts.size();
      counts.words += uint32_t(run);
      starts.push_back(at);  // sentinel: end of the run
      for (size_t k = 0; l && k < run;) {
        size_t matched = 0;
        const size_t longest = std::min(l->longest_codepoints, run - k);
        for (size_t len = longest; len >= 1; --len) {
          if (contains(*l, std::string_view(folded).substr(starts[k], starts[k + len] - starts[k]))) {
            matched = len;
            break;
          }
        }
        counts.stopwords += uint32_t(matched);
        k += matched ? matched : 1;
      }
      starts.clear();
      if (at >= folded.size()) break;
    }
    return counts;
  }
  // Spaced scripts: split on anything that is not a letter, mark or digit (apostrophes too:
  // "dell'Ucraina" -> "dell", "ucraina"). ASCII words are lower-cased in a reused buffer;
  // only words with other letters pay for fold_for_search.
  std::string word;
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    char32_t cp = next_cp(text, i);
    if (!is_word_codepoint(cp)) continue;
    bool ascii = cp < 0x80;
    size_t end = i;
    while (end < text.size()) {
      size_t next = end;
      char32_t c = next_cp(text, next);
      if (!is_word_codepoint(c)) break;
      ascii = ascii && c < 0x80;
      end = next;
    }
    i = end;
    ++counts.words;
    if (!l) continue;
    std::string_view raw = text.substr(start, end - start);
    if (raw.size() > kMaxWordBytes) continue;
    if (ascii) {
      word.assign(raw);
      for (char& c : word) c = (c >= 'A' && c <= 'Z') ? char(c | 0x20) : c;
      counts.stopwords += contains(*l, word);
    } else {
      counts.stopwords += contains(*l, fold_for_search(raw));
    }
  }
  return counts;
}

float Stopwords::density(std::string_view text, std::string_view lang) const {
  const Counts c = count(text, lang);
  return c.words ? float(c.stopwords) / float(c.words) : 0.f;
}

}  // namespace px
