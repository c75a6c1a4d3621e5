#include "analyze.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <utility>

#include "boilerplate.h"
#include "gazetteer.h"
#include "han_names.h"
#include "ner.h"
#include "lang_detect.h"
#include "lang_id.h"
#include "quantities.h"
#include "quotes.h"
#include "segment.h"
#include "stem.h"
#include "stopwords.h"

namespace px {

TextResources::TextResources() = default;
TextResources::~TextResources() = default;
TextResources::TextResources(TextResources&&) noexcept = default;
TextResources& TextResources::operator=(TextResources&&) noexcept = default;

TextResources TextResources::load(const std::string& asset_dir) {
  TextResources r;
  if (auto l = LanguageIdentifier::load(asset_dir); l.ok()) r.langid = std::make_unique<LanguageIdentifier>(std::move(*l));
  else r.messages.push_back("language model: " + l.error() + " (using the simple detector)");
  if (auto s = Segmenter::load(asset_dir); s.ok()) {
    r.segmenter = std::make_unique<Segmenter>(std::move(*s));
  } else {
    r.segmenter = std::make_unique<Segmenter>();  // rules only; CJK one character per word
    r.messages.push_back("segmentation data: " + s.error() + " (using rules only)");
  }
  r.stemmer = std::make_unique<Stemmer>();
  if (auto w = Stopwords::load(asset_dir); w.ok()) r.stopwords = std::make_unique<Stopwords>(std::move(*w));
  else r.messages.push_back("stopwords: " + w.error() + " (site-chrome detection is weaker)");
  if (auto q = QuoteFinder::load(asset_dir); q.ok()) r.quotes = std::make_unique<QuoteFinder>(std::move(*q));
  else r.messages.push_back("quote lexicon: " + q.error() + " (quotes found without speakers)");
  if (auto n = QuantityFinder::load(asset_dir); n.ok()) r.quantities = std::make_unique<QuantityFinder>(std::move(*n));
  else r.messages.push_back("number words: " + n.error() + " (only digits are read as numbers)");
  if (auto g = Gazetteer::load(asset_dir); g.ok()) r.gazetteer = std::make_shared<const Gazetteer>(std::move(*g));
  else r.messages.push_back("names: " + g.error() + " (names found without known places and organisations)");
  std::vector<std::string> ner_missing;
  r.recognizer = std::make_unique<EntityRecognizer>(EntityRecognizer::load(asset_dir, r.gazetteer, &ner_missing));
  for (std::string& m : ner_missing) r.messages.push_back("names: " + m);
  if (auto h = HanNames::load(asset_dir); h.ok()) r.han_names = std::make_shared<const HanNames>(std::move(*h));
  else r.messages.push_back("Han name readings: " + h.error() + " (names in Chinese or Japanese characters link only to the same spelling)");
  return r;
}

namespace {

std::vector<std::string_view> paragraph_views(const Document& doc) {
  std::vector<std::string_view> v;
  v.reserve(doc.paragraphs.size());
  for (Span p : doc.paragraphs) v.push_back(doc.slice(p));
  return v;
}

LanguageGuess identify(const TextResources& res, std::string_view text, std::string_view prior) {
  return res.langid ? res.langid->identify(text, prior) : guess_language(text);
}

Span shifted(Span s, uint32_t by) { return {s.begin + by, s.end + by}; }

// Per-sentence language identification runs the model only where it can change the answer.
// Stopword evidence decides a sentence of a spaced script when it is unambiguous:
constexpr uint32_t kMinVoteWords = 4;        // shorter sentences ("Sì.", "Nein, danke.") are left to the model and the prior
constexpr uint32_t kMinVoteHits = 2;         // at least two stopwords of the article's language...
constexpr uint32_t kMinVoteSharePercent = 20;  // ...making at least this share of the words (running text; jusText's lower bound, boilerplate.cpp)
constexpr uint32_t kMaxOtherScriptPercent = 10;  // words in another script (a name in Han in a Latin sentence) allowed
// A detected article language below this confidence is no evidence: its sentences all go to the model.
constexpr float kConfidentArticle = 0.5f;

// The sentence's language when it can be told without the model (code "" otherwise):
//  - letters all Han or kana: the script rule identify() applies first (exactly its answer,
//    with the article's language as the prior: kanji-only lines of a Japanese article are ja);
//  - a spaced script: the article's language when the sentence has more stopwords of it than
//    of any other listed language, enough of them, and hardly a word in another script. A
//    quoted sentence in another language loses that vote (its own language's stopwords win)
//    and goes to the model; so does anything short or ambiguous (a tie between neighbours).
// `words`, when not null, are the sentence's words as Stopwords::scan found them in its
// paragraph (the same vote, without folding and looking them up again).
LanguageGuess language_without_model(const TextResources& res, std::string_view sentence, const ArticleMeta& m,
                                     const Stopwords::Word* words_begin, const Stopwords::Word* words_end) {
  if (!res.langid) return {"", 0.f};  // the simple fallback decides: keep it as it was
  LanguageGuess cjk = cjk_script_language(sentence, m.language);
  if (!cjk.code.empty()) return cjk;
  if (!res.stopwords || m.language.empty() || m.language == "und") return {"", 0.f};
  if (m.language_from == Provenance::Detected && m.language_confidence < kConfidentArticle) return {"", 0.f};
  const Stopwords::Vote v = words_begin ? res.stopwords->vote(words_begin, words_end, m.language)
                                        : res.stopwords->vote(sentence, m.language);
  if (v.words < kMinVoteWords || v.hits < kMinVoteHits || v.hits * 100 < kMinVoteSharePercent * v.words ||
      v.hits <= v.best_other_hits || v.other_script * 100 > kMaxOtherScriptPercent * v.words)
    return {"", 0.f};
  // No probability was estimated: the sentence inherits the article's confidence.
  return {m.language, m.language_confidence > 0.f ? m.language_confidence : 1.f};
}

// The words of a sentence [begin, end) of a paragraph among the paragraph's scanned words
// (sorted, not overlapping): {first, last}, or {nullptr, nullptr} when a word crosses an edge
// of the sentence (its words in the sentence alone would differ: vote on the text then).
std::pair<const Stopwords::Word*, const Stopwords::Word*> words_within(const Stopwords::Word* first,
                                                                        const Stopwords::Word* last,
                                                                        uint32_t begin, uint32_t end) {
  const Stopwords::Word* a =
      std::lower_bound(first, last, begin, [](const Stopwords::Word& w, uint32_t at) { return w.end <= at; });
  if (a != last && a->begin < begin) return {nullptr, nullptr};
  const Stopwords::Word* b = a;
  while (b != last && b->end <= end) ++b;
  if (b != last && b->begin < end) return {nullptr, nullptr};
  return {a, b};
}

// analyze_document with the paragraphs' ParagraphRepeats keys when the caller has them
// (AnalysisJob computed them for the counts): `keys` has one per paragraph, or is null.
void analyze(Document& doc, const TextResources& res, const ParagraphRepeats* repeats, const NameEvidence* names,
             const uint64_t* keys) {
  Analysis a;
  ArticleMeta& m = doc.meta;
  const std::vector<std::string_view> paragraphs = paragraph_views(doc);

  // 1. Boilerplate, judged in the language known so far. The stopword lookups of each
  // paragraph's words are kept for the per-sentence language vote (2b).
  std::vector<Stopwords::Word> words_found;
  std::vector<uint32_t> words_of(paragraphs.size() + 1, 0);  // paragraph p: [words_of[p], words_of[p + 1])
  std::vector<bool> scanned(paragraphs.size(), false);
  if (res.stopwords) {
    std::vector<ParagraphFacts> facts(paragraphs.size());
    for (size_t p = 0; p < paragraphs.size(); ++p) {
      if (repeats) facts[p].repeat_key = keys ? keys[p] : ParagraphRepeats::key(paragraphs[p]);
      words_of[p] = static_cast<uint32_t>(words_found.size());
      scanned[p] = res.stopwords->scan(paragraphs[p], m.language, words_found);
      facts[p].stopwords = scanned[p] ? res.stopwords->count(words_found.data() + words_of[p],
                                                             words_found.data() + words_found.size(), m.language)
                                      : res.stopwords->count(paragraphs[p], m.language);
    }
    words_of[paragraphs.size()] = static_cast<uint32_t>(words_found.size());
    a.boilerplate = classify_boilerplate(paragraphs, m.language, *res.stopwords, repeats, &facts);
  }
  a.boilerplate.resize(paragraphs.size(), false);

  // 2a. The article's language from its real text, unless the user gave or fixed it.
  if (m.language_from == Provenance::Detected || m.language_from == Provenance::Missing) {
    std::string body;
    for (size_t p = 0; p < paragraphs.size(); ++p)
      if (!a.boilerplate[p]) (body += paragraphs[p]) += '\n';
    LanguageGuess g = identify(res, m.title + "\n" + body, {});
    if (g.code != "und") {
      m.language = g.code;
      m.language_confidence = g.confidence;
      m.language_from = Provenance::Detected;
    }
  }

  // 3. Sentences per paragraph (2b. each with its own language), 4. tokens per sentence.
  for (uint32_t p = 0; p < paragraphs.size(); ++p) {
    const uint32_t base = doc.paragraphs[p].begin;
    std::vector<Span> sentences = res.segmenter ? res.segmenter->sentences(paragraphs[p], m.language)
                                                : std::vector<Span>{{0, static_cast<uint32_t>(paragraphs[p].size())}};
    std::vector<Span> words;
    for (Span s : sentences) {
      SentenceInfo si;
      si.span = shifted(s, base);
      si.paragraph = p;
      si.boilerplate = a.boilerplate[p];
      const std::string_view text = doc.slice(si.span);
      if (si.boilerplate) {
        si.language = m.language;
      } else {
        std::pair<const Stopwords::Word*, const Stopwords::Word*> w{nullptr, nullptr};
        if (scanned[p])
          w = words_within(words_found.data() + words_of[p], words_found.data() + words_of[p + 1], s.begin, s.end);
        LanguageGuess g = language_without_model(res, text, m, w.first, w.second);
        if (g.code.empty()) g = identify(res, text, m.language);
        si.language = g.code == "und" ? m.language : g.code;
        si.language_confidence = g.confidence;
      }
      const auto sentence_index = static_cast<uint32_t>(a.sentences.size());
      if (res.segmenter && !si.boilerplate) {
        words.clear();
        res.segmenter->append_words(text, si.language, si.span.begin, words);
        for (Span w : words) {
          TokenInfo t;
          t.span = w;
          t.sentence = sentence_index;
          t.stem = match_key(doc.slice(t.span), si.language, *res.stemmer);
          a.tokens.push_back(std::move(t));
        }
      }
      a.sentences.push_back(std::move(si));
    }
  }

  // 5. Quotes over the whole text (they may span sentences), outside site chrome.
  if (res.quotes) {
    for (QuoteInfo& q : res.quotes->find(doc.text, m.language)) {
      bool in_chrome = false;
      for (uint32_t p = 0; p < doc.paragraphs.size(); ++p)
        if (a.boilerplate[p] && q.span.begin >= doc.paragraphs[p].begin && q.span.begin < doc.paragraphs[p].end) in_chrome = true;
      if (!in_chrome) a.quotes.push_back(q);
    }
  }

  // 6. Quantities per non-chrome paragraph.
  for (uint32_t p = 0; p < paragraphs.size(); ++p) {
    if (a.boilerplate[p]) continue;
    std::vector<QuantityInfo> found = res.quantities ? res.quantities->find(paragraphs[p], m.language)
                                                     : find_quantities(paragraphs[p], m.language);
    for (QuantityInfo& q : found) {
      q.span = shifted(q.span, doc.paragraphs[p].begin);
      a.quantities.push_back(std::move(q));
    }
  }

  // 7. Names per non-chrome sentence, from the tokens.
  if (res.recognizer) res.recognizer->find(doc, a, names);
  // 8. Speakers from the person mentions next to each quote's verb (quotes.h).
  refine_speakers(doc.text, m.language, a);
  a.done = true;
  doc.analysis = std::move(a);
}

// What a document was counted as (AnalysisJob): the counts depend on its text, outlet and
// language; the id and sizes stand for the text (which documents never change in place).
uint64_t counted_as(const Document& d) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  auto add = [&h](std::string_view s) {
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    h = (h ^ 0xFF) * 1099511628211ull;  // separator: ("ab", "c") != ("a", "bc")
  };
  add(d.meta.id);
  add(d.meta.source);
  add(d.meta.language);
  add(std::to_string(d.text.size()) + "/" + std::to_string(d.paragraphs.size()));
  return h;
}

}  // namespace

void analyze_document(Document& doc, const TextResources& res, const ParagraphRepeats* repeats,
                      const NameEvidence* names) {
  analyze(doc, res, repeats, names, nullptr);
}

AnalysisJob::AnalysisJob() = default;
AnalysisJob::~AnalysisJob() = default;

void AnalysisJob::restart(const Corpus& corpus) {
  // The corpus-wide counts (paragraph repetition, capitalisation) are kept when documents were
  // only added since they were counted, and only the new ones are counted (in step(), a slice
  // at a time: for 10,000 articles counting takes seconds in the browser). Anything else (a
  // document gone or changed: another outlet, a detected or edited language) counts all again.
  bool keep = repeats_ && names_ && counted_reset_ == corpus.reset_revision() && counted_.size() <= corpus.size();
  for (size_t i = 0; keep && i < counted_.size(); ++i) keep = counted_[i] == counted_as(corpus.doc(i));
  if (!keep) {
    repeats_ = std::make_unique<ParagraphRepeats>();
    names_ = std::make_unique<NameEvidence>();
    counted_.clear();
    key_begin_.assign(1, 0);
    paragraph_keys_.clear();
    counted_reset_ = corpus.reset_revision();
  }
  pending_.clear();
  next_ = 0;
  for (size_t i = 0; i < corpus.size(); ++i)
    if (!corpus.doc(i).analysis.done) pending_.push_back(i);
}

void AnalysisJob::count(const Document& d) {
  std::vector<uint64_t> keys;
  keys.reserve(d.paragraphs.size());
  for (Span p : d.paragraphs) keys.push_back(ParagraphRepeats::key(d.slice(p)));
  paragraph_keys_.insert(paragraph_keys_.end(), keys.begin(), keys.end());
  key_begin_.push_back(paragraph_keys_.size());
  repeats_->add_keys(std::move(keys));
  names_->add_text(d.text, d.meta.source, d.meta.language);
  counted_.push_back(counted_as(d));
}

bool AnalysisJob::step(Corpus& corpus, const TextResources& res, double budget_ms) {
  using clock = std::chrono::steady_clock;
  const auto start = clock::now();
  auto spent = [&] { return std::chrono::duration<double, std::milli>(clock::now() - start).count() >= budget_ms; };
  // Every document is counted before the first is analysed (repetition is corpus-wide).
  if (next_ < pending_.size() && repeats_ && names_) {
    while (counted_.size() < corpus.size()) {
      count(corpus.doc(counted_.size()));
      if (spent()) return running();
    }
  }
  bool metadata_changed = false, any = false;
  while (next_ < pending_.size()) {
    const size_t i = pending_[next_++];
    if (i >= corpus.size()) continue;  // removed meanwhile
    Document& d = corpus.doc_for_analysis(i);
    const std::string before = d.meta.language;
    const bool have_keys = i + 1 < key_begin_.size() && key_begin_[i + 1] - key_begin_[i] == d.paragraphs.size();
    analyze(d, res, repeats_.get(), names_.get(), have_keys ? paragraph_keys_.data() + key_begin_[i] : nullptr);
    metadata_changed = metadata_changed || d.meta.language != before;
    any = true;
    if (spent()) break;
  }
  if (any) corpus.analysis_changed(metadata_changed);
  return running();
}

}  // namespace px
