// analyze.h — the text pipeline: a Document's text -> its Analysis spans, in a declared order.
//
//   1. boilerplate   paragraphs classified (jusText-style: length, stopwords, repetition across
//                    the corpus), so site chrome never reaches the later stages
//   2. language      the article's language from its non-chrome text (unless the user gave or
//                    edited it), then each sentence's, with the article's as the prior
//   3. sentences     per paragraph, abbreviation- and quote-aware; CJK by full stops
//   4. tokens        words with their match keys (folded + stemmed); CJK by dictionary
//   5. quotes        direct quotations with speaker and reporting verb
//   6. quantities    numbers, dates, percentages, money, durations as values
//   7. names         people, organisations, places, other names (ner.h), outside site chrome
//
//   TextResources res = TextResources::load("/assets");
//   AnalysisJob job; job.start(corpus);  each frame: job.step(corpus, res, 8.0);
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "corpus.h"
#include "document.h"

namespace px {

class LanguageIdentifier;
class Segmenter;
class Stemmer;
class Stopwords;
class QuoteFinder;
class QuantityFinder;
class ParagraphRepeats;
class Gazetteer;
class EntityRecognizer;
class NameEvidence;
class HanNames;

// Models, dictionaries and lexicons, loaded once. Anything missing degrades to simpler rules
// and is reported in `messages`.
struct TextResources {
  TextResources();
  ~TextResources();
  TextResources(TextResources&&) noexcept;
  TextResources& operator=(TextResources&&) noexcept;

  static TextResources load(const std::string& asset_dir);

  std::unique_ptr<LanguageIdentifier> langid;
  std::unique_ptr<Segmenter> segmenter;
  std::unique_ptr<Stemmer> stemmer;
  std::unique_ptr<Stopwords> stopwords;
  std::unique_ptr<QuoteFinder> quotes;
  std::unique_ptr<QuantityFinder> quantities;
  std::shared_ptr<const Gazetteer> gazetteer;     // known names (also for linking); may be null
  std::unique_ptr<EntityRecognizer> recognizer;   // always set (rules only without assets)
  std::shared_ptr<const HanNames> han_names;      // Latin readings of Han names, for linking; may be null
  std::vector<std::string> messages;
};

// Runs every stage on one document (replacing doc.analysis). `repeats` counts paragraphs
// across the corpus (may be null: then repetition is not used); `names` counts capitalisation
// across the corpus for name recognition (may be null).
void analyze_document(Document& doc, const TextResources& res, const ParagraphRepeats* repeats,
                      const NameEvidence* names = nullptr);

// Analyses a corpus a slice at a time, so the browser stays responsive (no threads there).
class AnalysisJob {
 public:
  AnalysisJob();
  ~AnalysisJob();
  // Call when documents were added or removed: documents without an analysis get one, and
  // the corpus-wide counts (paragraph repetition, capitalisation) are brought up to date:
  // extended when documents were only added, else rebuilt (the counting itself is done by
  // step(), before the first analysis).
  void restart(const Corpus& corpus);
  // Counts, then analyses documents until `budget_ms` is spent. Returns true while work remains.
  bool step(Corpus& corpus, const TextResources& res, double budget_ms);
  bool running() const { return next_ < pending_.size(); }
  size_t done() const { return next_; }
  size_t total() const { return pending_.size(); }

 private:
  void count(const Document& d);  // adds one document to the counts

  std::vector<size_t> pending_;
  size_t next_ = 0;
  std::unique_ptr<ParagraphRepeats> repeats_;
  std::unique_ptr<NameEvidence> names_;
  // The counts cover documents [0, counted_.size()), each as counted_as() (analyze.cpp) saw
  // it, since Corpus::reset_revision() was counted_reset_.
  std::vector<uint64_t> counted_;
  uint64_t counted_reset_ = 0;
  // ParagraphRepeats::key() of every counted paragraph (document i: [key_begin_[i],
  // key_begin_[i + 1])), so the analysis does not hash each paragraph again.
  std::vector<uint64_t> paragraph_keys_;
  std::vector<size_t> key_begin_{0};
};

}  // namespace px
