// stopwords.cpp — stopword sets (open addressing over folded words) and density.
#include "stopwords.h"

#include <algorithm>
#include <bit>
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
  const utf8proc_category_t cat = utf8proc_category_t(unicode_category(cp));
  return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_MC) ||  // letters, marks
         cat == UTF8PROC_CATEGORY_ND;
}

bool is_unspaced_language(std::string_view lang) {
  lang = lang.substr(0, 2);
  return lang == "ja" || lang == "zh";
}

bool is_letter(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  const utf8proc_category_t cat = utf8proc_category_t(unicode_category(cp));
  return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

// A coarse script of a letter: Latin, Greek and Cyrillic with their extensions, otherwise
// the 128-code-point block (enough to tell Arabic from Hebrew from Armenian).
uint32_t script_key(char32_t cp) {
  if (cp < 0x250 || (cp >= 0x1E00 && cp < 0x1F00)) return 1;
  if ((cp >= 0x370 && cp < 0x400) || (cp >= 0x1F00 && cp < 0x2000)) return 2;
  if (cp >= 0x400 && cp < 0x530) return 3;
  return 0x100 + uint32_t(cp >> 7);
}

// Calls f(raw word, all ASCII?, first code point) for every run of letters, marks and digits.
template <class F>
void for_each_word(std::string_view text, F&& f) {
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
    f(text.substr(start, end - start), ascii, cp);
  }
}

// The folded form of a word into `out` (ASCII: lower-cased in place, no allocation).
void fold_word(std::string_view raw, bool ascii, std::string& out) {
  if (ascii) {
    out.assign(raw);
    for (char& c : out) c = (c >= 'A' && c <= 'Z') ? char(c | 0x20) : c;
  } else {
    fold_for_search_into(raw, out);
  }
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
  std::vector<std::vector<std::string>> words;  // per language, folded
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    if (line[0] == '@') {
      if (sw.languages_.size() == kMaxLanguages)
        return Result<Stopwords>::Error("stopword list has more than " + std::to_string(kMaxLanguages) +
                                        " languages: rebuild the assets (scripts/make-assets.sh)");
      sw.languages_.push_back(Language{std::string(line.substr(1)), 0, 0});
      words.emplace_back();
      continue;
    }
    if (sw.languages_.empty()) return Result<Stopwords>::Error("stopword list: a word comes before the first @language line");
    std::string folded = fold_for_search(line);
    if (folded.empty() || folded.size() > kMaxWordBytes) continue;
    words.back().push_back(std::move(folded));
  }
  if (sw.languages_.empty()) return Result<Stopwords>::Error("stopword list is empty");
  size_t total = 0;
  for (const auto& w : words) total += w.size();
  size_t slots = 16;
  while (slots < total * 2) slots *= 2;  // load factor <= 0.5
  sw.slots_.assign(slots, 0);
  for (size_t li = 0; li < words.size(); ++li) {
    Language& l = sw.languages_[li];
    std::vector<uint32_t> scripts;
    for (const std::string& w : words[li]) {
      const uint64_t h = hash_bytes(w);
      size_t s = h & (slots - 1);
      auto entry_of = [&](uint64_t slot) -> Entry& { return sw.entries_[uint32_t(slot) - 1]; };
      while (sw.slots_[s] && !(entry_of(sw.slots_[s]).hash == h && sw.word_at(entry_of(sw.slots_[s])) == w))
        s = (s + 1) & (slots - 1);
      if (!sw.slots_[s]) {  // new word (folding may merge two spellings of one list: same entry)
        sw.entries_.push_back(Entry{h, 0, uint32_t(sw.pool_.size()), uint32_t(w.size())});
        sw.pool_ += w;
        sw.slots_[s] = (h >> 32 << 32) | uint64_t(sw.entries_.size());
      }
      entry_of(sw.slots_[s]).languages |= uint64_t{1} << li;
      size_t cps = 0;
      for (unsigned char c : w) cps += (c & 0xC0) != 0x80;
      l.longest_codepoints = std::max(l.longest_codepoints, cps);
      size_t i = 0;
      while (i < w.size()) {
        const char32_t cp = next_cp(w, i);
        if (is_letter(cp)) {
          scripts.push_back(script_key(cp));
          break;
        }
      }
    }
    if (is_unspaced_language(l.code)) {
      l.longest_from.assign(0x10000, 0);
      for (const std::string& w : words[li]) {
        size_t i = 0;
        const char32_t first = next_cp(w, i);
        size_t cps = 1;
        while (i < w.size()) next_cp(w, i), ++cps;
        if (first < 0x10000) l.longest_from[first] = uint8_t(std::max<size_t>(l.longest_from[first], std::min<size_t>(cps, 255)));
      }
    }
    // The list's script: the most common script of its words' first letters.
    std::sort(scripts.begin(), scripts.end());
    size_t best_run = 0;
    for (size_t i = 0; i < scripts.size();) {
      size_t j = i;
      while (j < scripts.size() && scripts[j] == scripts[i]) ++j;
      if (j - i > best_run) best_run = j - i, l.script = scripts[i];
      i = j;
    }
  }
  return sw;
}

const Stopwords::Entry* Stopwords::lookup(std::string_view word) const {
  if (slots_.empty()) return nullptr;
  const uint64_t h = hash_bytes(word);
  const size_t mask = slots_.size() - 1;
  const uint64_t high = h >> 32 << 32;
  for (size_t s = h & mask; slots_[s]; s = (s + 1) & mask) {
    if ((slots_[s] >> 32 << 32) != high) continue;
    const Entry& e = entries_[uint32_t(slots_[s]) - 1];
    if (e.hash == h && word_at(e) == word) return &e;
  }
  return nullptr;
}

bool Stopwords::contains(int lang, std::string_view word) const {
  if (lang < 0) return false;
  const Entry* e = lookup(word);
  return e && (e->languages >> lang & 1);
}

int Stopwords::find_language(std::string_view lang) const {
  lang = primary(lang);
  for (size_t i = 0; i < languages_.size(); ++i)
    if (languages_[i].code == lang) return int(i);
  return -1;
}

bool Stopwords::has_language(std::string_view lang) const { return find_language(lang) >= 0; }

bool Stopwords::is_stopword(std::string_view folded_word, std::string_view lang) const {
  return contains(find_language(lang), folded_word);
}

Stopwords::Counts Stopwords::count(std::string_view text, std::string_view lang) const {
  Counts counts;
  const int l = find_language(lang);
  if (is_unspaced_language(lang)) {
    // Greedy longest match over the folded text, one code point at a time.
    const std::string folded = fold_for_search(text);
    const Language* lang_data = l >= 0 ? &languages_[size_t(l)] : nullptr;
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
      for (size_t k = 0; l >= 0 && k < run;) {
        size_t matched = 0;
        size_t longest = lang_data->longest_codepoints;
        if (!lang_data->longest_from.empty()) {
          size_t at_k = starts[k];
          const char32_t first = next_cp(folded, at_k);
          if (first < 0x10000) longest = lang_data->longest_from[first];
        }
        longest = std::min(longest, run - k);
        for (size_t len = longest; len >= 1; --len) {
          if (contains(l, std::string_view(folded).substr(starts[k], starts[k + len] - starts[k]))) {
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
  // "dell'Ucraina" -> "dell", "ucraina"). Words are folded into a reused buffer.
  std::string word;
  for_each_word(text, [&](std::string_view raw, bool ascii, char32_t) {
    ++counts.words;
    if (l < 0 || raw.size() > kMaxWordBytes) return;
    fold_word(raw, ascii, word);
    counts.stopwords += contains(l, word);
  });
  return counts;
}

Stopwords::Vote Stopwords::vote(std::string_view text, std::string_view lang) const {
  Vote v;
  const int l = find_language(lang);
  if (l < 0 || is_unspaced_language(lang)) return v;
  const uint32_t script = languages_[size_t(l)].script;
  uint32_t per_language[kMaxLanguages] = {};
  std::string word;
  for_each_word(text, [&](std::string_view raw, bool ascii, char32_t first) {
    if (!is_letter(first)) return;  // "2024", "1,200": no language
    ++v.words;
    v.other_script += script_key(first) != script;
    if (raw.size() > kMaxWordBytes) return;
    fold_word(raw, ascii, word);
    const Entry* e = lookup(word);
    if (!e) return;
    for (uint64_t m = e->languages; m; m &= m - 1) ++per_language[std::countr_zero(m)];
  });
  v.hits = per_language[l];
  for (size_t i = 0; i < languages_.size(); ++i)
    if (int(i) != l) v.best_other_hits = std::max(v.best_other_hits, per_language[i]);
  return v;
}

bool Stopwords::scan(std::string_view text, std::string_view lang, std::vector<Word>& out) const {
  if (find_language(lang) < 0 || is_unspaced_language(lang)) return false;
  // The words and the lookups of count(text) and vote(text), done once.
  std::string word;
  for_each_word(text, [&](std::string_view raw, bool ascii, char32_t first) {
    Word w;
    w.begin = uint32_t(raw.data() - text.data());
    w.end = w.begin + uint32_t(raw.size());
    w.first = first;
    if (raw.size() <= kMaxWordBytes) {
      fold_word(raw, ascii, word);
      if (const Entry* e = lookup(word)) w.languages = e->languages;
    }
    out.push_back(w);
  });
  return true;
}

Stopwords::Counts Stopwords::count(const Word* first, const Word* last, std::string_view lang) const {
  Counts counts;
  counts.words = uint32_t(last - first);
  const int l = find_language(lang);
  if (l < 0) return counts;
  for (const Word* w = first; w != last; ++w) counts.stopwords += uint32_t(w->languages >> l & 1);
  return counts;
}

Stopwords::Vote Stopwords::vote(const Word* first, const Word* last, std::string_view lang) const {
  Vote v;
  const int l = find_language(lang);
  if (l < 0 || is_unspaced_language(lang)) return v;
  const uint32_t script = languages_[size_t(l)].script;
  uint32_t per_language[kMaxLanguages] = {};
  for (const Word* w = first; w != last; ++w) {
    if (!is_letter(w->first)) continue;  // as vote(text)
    ++v.words;
    v.other_script += script_key(w->first) != script;
    for (uint64_t m = w->languages; m; m &= m - 1) ++per_language[std::countr_zero(m)];
  }
  v.hits = per_language[l];
  for (size_t i = 0; i < languages_.size(); ++i)
    if (int(i) != l) v.best_other_hits = std::max(v.best_other_hits, per_language[i]);
  return v;
}

float Stopwords::density(std::string_view text, std::string_view lang) const {
  const Counts c = count(text, lang);
  return c.words ? float(c.stopwords) / float(c.words) : 0.f;
}

}  // namespace px
