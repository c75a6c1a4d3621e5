// cjk_dict.h — a Chinese or Japanese word list and the dictionary segmentation of a run of
// Han/hiragana text that has no spaces.
//
//   Result<CjkDictionary> d = CjkDictionary::from_front_coded(bytes);   // segment/zh.words
//   d->segment(text, run_begin, run_end, spans, scratch);              // appends word spans
//
// Segmentation is a Viterbi search for the fewest words: every dictionary word (2..16 code
// points) costs the same as one unknown character, so longer dictionary words win and text the
// dictionary does not know falls back to one character per word. Ties go to the longer first
// word. An empty dictionary gives one character per word.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "document.h"
#include "status.h"

namespace px {

class CjkDictionary {
 public:
  // The longest word looked up, in code points (longer list entries are ignored).
  static constexpr uint32_t kMaxWordChars = 16;

  // Decodes the asset format written by scripts/assets.d/segment.sh: an optional first line
  // starting with '#', then per word one byte (bytes shared with the previous word), the rest
  // of the word, '\n'.
  static Result<CjkDictionary> from_front_coded(std::string_view bytes);
  // From a plain list, one word per line ('#' lines skipped): for tests and small supplements.
  static CjkDictionary from_lines(std::string_view lines);

  // Adds words (one per line) and rebuilds the index: for built-in supplements, once at load.
  void add_lines(std::string_view lines);

  bool contains(std::string_view word) const;
  size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }

  // Reusable buffers, so segmenting many runs allocates only while they grow.
  struct Scratch {
    std::vector<uint32_t> offsets;  // byte offset of each code point of the run (+ end)
    std::vector<uint32_t> cost;
    std::vector<uint32_t> back;     // end of the first word from each position
  };
  // Appends the words of text[begin, end) (a run of Han/kana code points) to `out`. With
  // `attach_okurigana` (Japanese), a hiragana character the dictionary does not know joins
  // the word before it when that word ends in a kanji (述 + べ -> 述べ).
  void segment(std::string_view text, uint32_t begin, uint32_t end, std::vector<Span>& out,
               Scratch& scratch, bool attach_okurigana = false) const;

 private:
  void build_index();
  bool may_be_prefix(uint32_t fnv_hash) const;
  std::string words_;             // "\nword\nword\n...": every word is followed by '\n'
  std::vector<uint32_t> slots_;   // open addressing: offset of a word in words_ + 1, 0 = empty
  // A bit per hash of every prefix of every word (whole words included): segment() stops
  // extending a candidate once no word can start with it, instead of looking up all 16
  // lengths. A collision only costs a lookup; a prefix is never missed.
  std::vector<uint64_t> prefix_bits_;
  uint32_t prefix_shift_ = 32;
  uint32_t mask_ = 0;
  uint32_t max_word_bytes_ = 0;   // no lookup of longer candidates
  size_t count_ = 0;
};

}  // namespace px
