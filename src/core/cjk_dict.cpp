// cjk_dict.cpp — see cjk_dict.h.
#include "cjk_dict.h"

#include <algorithm>

#include "encoding.h"

namespace px {
namespace {

constexpr uint32_t kFnvOffset = 2166136261u, kFnvPrime = 16777619u;
inline uint32_t fnv_step(uint32_t h, unsigned char byte) { return (h ^ byte) * kFnvPrime; }
uint32_t fnv(std::string_view s) {
  uint32_t h = kFnvOffset;
  for (unsigned char c : s) h = fnv_step(h, c);
  return h;
}

// Every word and every unknown character cost the same: the search minimises the word count.
constexpr uint32_t kWordCost = 100;
constexpr uint32_t kUnknownCharCost = 100;

bool is_hiragana(std::string_view text, size_t at) {
  char32_t c = next_codepoint(text, at);
  return c >= 0x3041 && c <= 0x309F;
}
bool is_kanji(std::string_view text, size_t at) {
  char32_t c = next_codepoint(text, at);
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || c == 0x3005;
}

}  // namespace

Result<CjkDictionary> CjkDictionary::from_front_coded(std::string_view bytes) {
  CjkDictionary d;
  size_t i = 0;
  if (!bytes.empty() && bytes[0] == '#') {
    size_t nl = bytes.find('\n');
    i = nl == std::string_view::npos ? bytes.size() : nl + 1;
  }
  d.words_.reserve(bytes.size() * 2);
  d.words_.push_back('\n');
  size_t prev = 1, prev_len = 0;  // previous word in words_
  while (i < bytes.size()) {
    uint32_t shared = static_cast<unsigned char>(bytes[i++]);
    size_t nl = bytes.find('\n', i);
    if (nl == std::string_view::npos || shared > prev_len)
      return Result<CjkDictionary>::Error("word list is damaged near byte " + std::to_string(i));
    size_t start = d.words_.size();
    // Copy the shared prefix out first: appending a string to itself is unsafe in libc++ (the
    // wasm build) when the append reallocates.
    char prefix[256];
    d.words_.copy(prefix, shared, prev);
    d.words_.append(prefix, shared);
    d.words_.append(bytes.substr(i, nl - i));
    d.words_.push_back('\n');
    prev = start;
    prev_len = d.words_.size() - 1 - start;
    i = nl + 1;
  }
  d.build_index();
  return d;
}

CjkDictionary CjkDictionary::from_lines(std::string_view lines) {
  CjkDictionary d;
  d.add_lines(lines);
  return d;
}

void CjkDictionary::add_lines(std::string_view lines) {
  CjkDictionary& d = *this;
  if (d.words_.empty()) d.words_.push_back('\n');
  size_t i = 0;
  while (i < lines.size()) {
    size_t nl = lines.find('\n', i);
    if (nl == std::string_view::npos) nl = lines.size();
    std::string_view w = lines.substr(i, nl - i);
    if (!w.empty() && w.back() == '\r') w.remove_suffix(1);
    if (!w.empty() && w[0] != '#') {
      d.words_.append(w);
      d.words_.push_back('\n');
    }
    i = nl + 1;
  }
  d.build_index();
}

// Multiplicative mixing, so the bits index other hash bits than the slots do.
inline uint32_t prefix_bit(uint32_t fnv_hash, uint32_t shift) {
  return shift >= 32 ? 0 : static_cast<uint32_t>((fnv_hash * 0x9E3779B1u) >> shift);
}

bool CjkDictionary::may_be_prefix(uint32_t h) const {
  const uint32_t b = prefix_bit(h, prefix_shift_);
  return prefix_bits_[b >> 6] >> (b & 63) & 1;
}

void CjkDictionary::build_index() {
  size_t n = 0;
  for (size_t i = 1; i < words_.size(); ++i) n += words_[i] == '\n';
  // At least 4 bits per code point of the list (Han and kana take 3 bytes; the code points
  // bound the distinct prefixes): under a quarter of the bits set, a sixth of the list's bytes.
  size_t bits = 64;
  prefix_shift_ = 32 - 6;
  while (bits < words_.size() * 4 / 3 && prefix_shift_ > 8) bits <<= 1, --prefix_shift_;
  prefix_bits_.assign(bits / 64, 0);
  {
    uint32_t h = kFnvOffset;
    for (size_t i = 1; i < words_.size(); ++i) {
      const auto c = static_cast<unsigned char>(words_[i]);
      if (c == '\n') { h = kFnvOffset; continue; }
      h = fnv_step(h, c);
      // A prefix ends where the next byte starts a code point (or the word ends).
      const auto next = static_cast<unsigned char>(words_[i + 1]);  // words_ ends in '\n'
      if ((next & 0xC0) != 0x80) {
        const uint32_t b = prefix_bit(h, prefix_shift_);
        prefix_bits_[b >> 6] |= uint64_t{1} << (b & 63);
      }
    }
  }
  uint32_t cap = 16;
  while (cap < n * 2) cap <<= 1;  // load factor <= 0.5 keeps probes short
  slots_.assign(cap, 0);
  mask_ = cap - 1;
  count_ = 0;
  max_word_bytes_ = 0;
  size_t start = 1;
  for (size_t i = 1; i < words_.size(); ++i) {
    if (words_[i] != '\n') continue;
    std::string_view w(words_.data() + start, i - start);
    if (!w.empty()) {
      uint32_t s = fnv(w) & mask_;
      bool dup = false;
      while (slots_[s]) {
        std::string_view o(words_.data() + slots_[s] - 1, w.size() + 1);
        if (o.substr(0, w.size()) == w && o.back() == '\n') { dup = true; break; }
        s = (s + 1) & mask_;
      }
      if (!dup) {
        slots_[s] = static_cast<uint32_t>(start + 1);
        ++count_;
        max_word_bytes_ = std::max(max_word_bytes_, static_cast<uint32_t>(w.size()));
      }
    }
    start = i + 1;
  }
}

bool CjkDictionary::contains(std::string_view word) const {
  if (count_ == 0 || word.empty()) return false;
  for (uint32_t s = fnv(word) & mask_; slots_[s]; s = (s + 1) & mask_) {
    size_t off = slots_[s] - 1;
    if (off + word.size() < words_.size() && words_[off + word.size()] == '\n' &&
        std::string_view(words_.data() + off, word.size()) == word)
      return true;
  }
  return false;
}

void CjkDictionary::segment(std::string_view text, uint32_t begin, uint32_t end,
                            std::vector<Span>& out, Scratch& sc, bool attach_okurigana) const {
  auto& off = sc.offsets;
  off.clear();
  for (size_t i = begin; i < end;) {
    off.push_back(static_cast<uint32_t>(i));
    next_codepoint(text, i);
  }
  off.push_back(end);
  const size_t n = off.size() - 1;
  if (count_ == 0) {
    for (size_t k = 0; k < n; ++k) out.push_back({off[k], off[k + 1]});
    return;
  }
  // Backward search: cost[k] = fewest words for characters k..n, next[k] = end of the first
  // word from k. Trying the longest word first with a strict '<' keeps the longest first word
  // among equally short segmentations (what forward maximum matching would pick).
  sc.cost.assign(n + 1, UINT32_MAX);
  sc.back.assign(n + 1, 0);
  sc.cost[n] = 0;
  uint32_t hashes[kMaxWordChars + 1];
  for (size_t k = n; k-- > 0;) {
    uint32_t h = kFnvOffset;
    size_t last = std::min(n, k + kMaxWordChars);
    while (last > k + 1 && off[last] - off[k] > max_word_bytes_) --last;
    for (size_t j = k + 1; j <= last; ++j) {  // hashes of text[k, j), extended a byte at a time
      for (uint32_t b = off[j - 1]; b < off[j]; ++b) h = fnv_step(h, static_cast<unsigned char>(text[b]));
      hashes[j - k] = h;
      if (!may_be_prefix(h)) {  // no word starts with text[k, j): none is longer either
        last = j - 1;
        break;
      }
    }
    for (size_t j = last; j >= k + 2; --j) {
      uint32_t c = sc.cost[j] + kWordCost;
      if (c >= sc.cost[k]) continue;
      std::string_view w = text.substr(off[k], off[j] - off[k]);
      for (uint32_t s = hashes[j - k] & mask_; slots_[s]; s = (s + 1) & mask_) {
        size_t o = slots_[s] - 1;
        if (o + w.size() < words_.size() && words_[o + w.size()] == '\n' &&
            std::string_view(words_.data() + o, w.size()) == w) {
          sc.cost[k] = c;
          sc.back[k] = static_cast<uint32_t>(j);
          break;
        }
      }
    }
    if (sc.cost[k + 1] + kUnknownCharCost < sc.cost[k]) {  // one unknown character
      sc.cost[k] = sc.cost[k + 1] + kUnknownCharCost;
      sc.back[k] = static_cast<uint32_t>(k + 1);
    }
  }
  for (size_t k = 0; k < n; k = sc.back[k]) {
    size_t j = sc.back[k];
    if (attach_okurigana && j == k + 1 && k > 0 && is_hiragana(text, off[k]) &&
        !contains(text.substr(off[k], off[j] - off[k])) && is_kanji(text, off[k - 1])) {
      out.back().end = off[j];
      continue;
    }
    out.push_back({off[k], off[j]});
  }
}

}  // namespace px
