// boilerplate.h — which paragraphs of an article are site chrome (menus, share buttons, comment
// forms, related-article teasers, encyclopedic side boxes), found by method in any language:
// the jusText idea adapted to plain text. Each paragraph is first judged alone (length, stopword
// density, terminal punctuation, truncation "...", lone separators, heading shape), then by
// structure (lists of separated cards, lists of questions) and repetition across the corpus
// (the same normalised paragraph in several articles), and finally by context (a short
// paragraph takes the class of its neighbours; a heading is content when content follows it).
//
//   ParagraphRepeats repeats;  for (auto& d : docs) repeats.add_document(paragraphs_of(d));
//   std::vector<bool> chrome = classify_boilerplate(paragraphs, "de", stopwords, &repeats);
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "stopwords.h"

namespace px {

// Corpus-level counts of normalised paragraphs (lower case, digits as 0, punctuation and spacing
// ignored: "Share post:" == "share post", "© 2024 X" == "© 2025 X"), one per document.
// Add every document of the corpus, the one being classified included, before classifying.
class ParagraphRepeats {
 public:
  // The normalised paragraph's hash; 0 for a paragraph without letters or digits (never counted).
  static uint64_t key(std::string_view paragraph);
  void add_document(const std::vector<std::string_view>& paragraphs);
  // The same from key() of each paragraph of one document (a caller that keeps the keys).
  void add_keys(std::vector<uint64_t> keys);
  // Number of added documents containing `paragraph` (0 when none; paragraphs without letters
  // or digits are not counted).
  int count(std::string_view paragraph) const;
  int count_key(uint64_t key) const;  // the same by key()
  size_t documents() const { return documents_; }

 private:
  std::unordered_map<uint64_t, uint32_t> counts_;
  size_t documents_ = 0;
};

// A paragraph seen in this many documents is chrome (unless the whole article repeats: see
// kDuplicateArticleShare).
constexpr int kMinRepeatDocuments = 2;

// What a caller already computed for each paragraph, so classification does not do it again
// (the text pipeline, analyze.cpp): its ParagraphRepeats::key() and Stopwords::count() in the
// language classified with.
struct ParagraphFacts {
  uint64_t repeat_key = 0;
  Stopwords::Counts stopwords;
};

// True = boilerplate, one entry per paragraph. `lang` selects the stopword list (a language
// without one is judged by length and context only); `repeats` may be null; `facts`, when
// given, has one entry per paragraph.
std::vector<bool> classify_boilerplate(const std::vector<std::string_view>& paragraphs,
                                       std::string_view lang, const Stopwords& stopwords,
                                       const ParagraphRepeats* repeats,
                                       const std::vector<ParagraphFacts>* facts = nullptr);

// The same decision with the rule that made it, for evaluation and for the Reader's tooltip.
struct BoilerplateVerdict {
  bool boilerplate = false;
  const char* reason = "";  // static string, e.g. "repeated in other articles"
};
std::vector<BoilerplateVerdict> explain_boilerplate(const std::vector<std::string_view>& paragraphs,
                                                    std::string_view lang, const Stopwords& stopwords,
                                                    const ParagraphRepeats* repeats,
                                                    const std::vector<ParagraphFacts>* facts = nullptr);

}  // namespace px
