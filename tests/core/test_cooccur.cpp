// Co-occurrence (cooccur.h): counts per sentence and per paragraph, NPMI that does not just rank
// frequent pairs first, evidence for every pair, chrome left out, slices giving the same result,
// and the per-outlet / per-language breakdown.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "cooccur.h"

using namespace px;

namespace {

// A document whose paragraphs are lists of sentences; every sentence lists the names in it
// (the words of `names` found in the sentence text, in order, become PER mentions keyed by
// their lower-case form).
Document doc_of(const std::vector<std::vector<std::string>>& paragraphs, const std::vector<std::string>& names,
                const std::string& source = "A", const std::string& lang = "en",
                const std::vector<bool>& chrome = {}) {
  Document d;
  d.meta.source = source;
  d.meta.language = lang;
  for (size_t p = 0; p < paragraphs.size(); ++p) {
    if (p) d.text += "\n\n";
    const uint32_t pb = static_cast<uint32_t>(d.text.size());
    const bool is_chrome = p < chrome.size() && chrome[p];
    for (size_t s = 0; s < paragraphs[p].size(); ++s) {
      if (s) d.text += ' ';
      const uint32_t sb = static_cast<uint32_t>(d.text.size());
      const std::string& sent = paragraphs[p][s];
      d.text += sent;
      const uint32_t si = static_cast<uint32_t>(d.analysis.sentences.size());
      SentenceInfo info;
      info.span = {sb, static_cast<uint32_t>(d.text.size())};
      info.paragraph = static_cast<uint32_t>(p);
      info.boilerplate = is_chrome;
      d.analysis.sentences.push_back(info);
      std::vector<std::pair<size_t, std::string>> found;
      for (const std::string& n : names)
        for (size_t at = sent.find(n); at != std::string::npos; at = sent.find(n, at + 1)) found.emplace_back(at, n);
      std::sort(found.begin(), found.end());
      for (auto& [at, n] : found) {
        MentionInfo m;
        m.span = {static_cast<uint32_t>(sb + at), static_cast<uint32_t>(sb + at + n.size())};
        m.sentence = si;
        m.type = EntityType::Person;
        for (char ch : n) m.key += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        d.analysis.mentions.push_back(m);
      }
    }
    d.paragraphs.push_back({pb, static_cast<uint32_t>(d.text.size())});
    d.analysis.boilerplate.push_back(is_chrome);
  }
  d.analysis.done = true;
  return d;
}

const std::vector<std::string> kNames = {"Rutte", "Nato", "Ishiba", "Kishida", "Macron"};

uint32_t id_of(const EntityIndex& idx, const std::string& key) {
  const uint32_t id = find_entity(idx, key);
  REQUIRE_MESSAGE(id != EntityIndex::kNoEntity, "no entity " << key);
  return id;
}

const CooccurrencePair* pair_of(const Cooccurrence& c, uint32_t a, uint32_t b) {
  if (a > b) std::swap(a, b);
  for (const CooccurrencePair& p : c.pairs)
    if (p.a == a && p.b == b) return &p;
  return nullptr;
}

// 50 documents of 4 sentences: Rutte and Nato are everywhere, together only as often as
// chance has it; Ishiba and Kishida are rare and always together.
Corpus association_corpus() {
  std::vector<Document> docs;
  for (int i = 0; i < 50; ++i) {
    std::vector<std::string> s = {
        i % 2 ? "Rutte spoke." : "Nato met.",
        i % 3 ? "Nato agreed." : "Rutte and Nato agreed.",
        i % 10 == 0 ? "Ishiba thanked Kishida." : "Rain fell.",
        i % 2 ? "Macron waited." : "Rutte left.",
    };
    docs.push_back(doc_of({{s[0], s[1]}, {s[2], s[3]}}, kNames, i % 2 ? "Outlet B" : "Outlet A", i % 5 ? "en" : "de"));
  }
  Corpus c;
  c.add_all(std::move(docs));
  return c;
}

}  // namespace

TEST_CASE("cooccur: NPMI ranks association, counts rank frequency") {
  Corpus c = association_corpus();
  EntityIndex idx = link_entities(c, {}, LinkOptions{});
  Cooccurrence co = cooccur(c, idx, CooccurrenceOptions{});
  CHECK(co.units == 200);
  const uint32_t rutte = id_of(idx, "rutte"), nato = id_of(idx, "nato"), ishiba = id_of(idx, "ishiba"),
                 kishida = id_of(idx, "kishida");
  const CooccurrencePair* frequent = pair_of(co, rutte, nato);
  const CooccurrencePair* rare = pair_of(co, ishiba, kishida);
  REQUIRE(frequent);
  REQUIRE(rare);
  CHECK(frequent->count == 17);  // i % 3 == 0 for i < 50
  CHECK(rare->count == 5);
  CHECK(frequent->count > rare->count);
  CHECK(rare->npmi > frequent->npmi);
  CHECK(rare->npmi > 0.5);
  CHECK(frequent->npmi < 0.2);
  CHECK(co.pairs.front().a == std::min(rutte, nato));  // sorted by count first
  CHECK(co.entity_units[ishiba] == 5);
  // Evidence: every unit, in corpus order.
  REQUIRE(rare->evidence.size() == 5);
  for (size_t k = 0; k < 5; ++k) {
    CHECK(rare->evidence[k].doc == k * 10);
    CHECK(rare->evidence[k].sentence == 2);
  }
  REQUIRE(frequent->evidence.size() == 17);
  CHECK(frequent->evidence[1].doc == 3);
  CHECK(frequent->evidence[1].sentence == 1);
  // Pairs never seen together are not listed; a pair is listed once with a < b.
  CHECK(pair_of(co, ishiba, rutte) == nullptr);
  for (const CooccurrencePair& p : co.pairs) CHECK(p.a < p.b);
}

TEST_CASE("cooccur: the NPMI formula and its treatment of tiny counts") {
  // Independent: p(ab) = p(a) p(b) -> 0.
  CHECK(npmi(25, 50, 50, 100) == doctest::Approx(0.0));
  // Always together, everywhere: 1 (times the shrink).
  CHECK(npmi(10, 10, 10, 10) == doctest::Approx(10.0 / 12.0));
  // Once, together, nowhere else: raw NPMI 1.0, shrunk to a third.
  CHECK(npmi(1, 1, 1, 1000) == doctest::Approx(1.0 / 3.0));
  // ... below 20 units of the same perfect association.
  CHECK(npmi(20, 20, 20, 1000) > npmi(1, 1, 1, 1000));
  CHECK(npmi(0, 5, 5, 100) == -1.0);
}

TEST_CASE("cooccur: paragraphs, chrome, filtered rows, minimum count, slices") {
  std::vector<Document> docs;
  docs.push_back(doc_of({{"Rutte spoke.", "Nato agreed."}, {"Ishiba and Rutte met."}}, kNames));
  docs.push_back(doc_of({{"Rutte and Nato: subscribe now."}, {"Macron and Nato met."}}, kNames, "B", "fr", {true, false}));
  Corpus c;
  c.add_all(std::move(docs));
  EntityIndex idx = link_entities(c, {}, LinkOptions{});
  const uint32_t rutte = id_of(idx, "rutte"), nato = id_of(idx, "nato"), ishiba = id_of(idx, "ishiba"),
                 macron = id_of(idx, "macron");

  Cooccurrence sent = cooccur(c, idx, CooccurrenceOptions{});
  CHECK(sent.units == 4);  // the chrome sentence is not a unit
  CHECK(pair_of(sent, rutte, nato) == nullptr);  // not in one sentence; the chrome one does not count
  REQUIRE(pair_of(sent, ishiba, rutte));
  CHECK(pair_of(sent, ishiba, rutte)->evidence[0].sentence == 2);

  CooccurrenceOptions po;
  po.scope = CooccurrenceScope::Paragraph;
  Cooccurrence para = cooccur(c, idx, po);
  CHECK(para.units == 3);
  const CooccurrencePair* rn = pair_of(para, rutte, nato);
  REQUIRE(rn);
  CHECK(rn->count == 1);  // paragraph 0 of doc 0 only; the chrome paragraph of doc 1 is out
  CHECK(rn->evidence[0].doc == 0);
  CHECK(rn->evidence[0].sentence == 0);  // the paragraph's first sentence
  CHECK(para.entity_units[rutte] == 2);

  CooccurrenceOptions only1;
  only1.docs = {1};
  Cooccurrence one = cooccur(c, idx, only1);
  CHECK(one.units == 1);
  REQUIRE(one.pairs.size() == 1);
  CHECK(pair_of(one, macron, nato));
  CHECK(one.entity_units[rutte] == 0);

  CooccurrenceOptions min2;
  min2.min_count = 2;
  CHECK(cooccur(c, idx, min2).pairs.empty());

  // In slices, the same result.
  Corpus big = association_corpus();
  EntityIndex bidx = link_entities(big, {}, LinkOptions{});
  Cooccurrence whole = cooccur(big, bidx, po);
  CooccurrenceJob job(big, bidx, po);
  int steps = 0;
  while (job.step(big, bidx, 0.0)) ++steps;
  CHECK(steps == 50 / 16);  // the clock is read every 16 documents
  Cooccurrence sliced = job.take(big, bidx);
  CHECK(sliced.units == whole.units);
  REQUIRE(sliced.pairs.size() == whole.pairs.size());
  for (size_t i = 0; i < whole.pairs.size(); ++i) {
    CHECK(sliced.pairs[i].a == whole.pairs[i].a);
    CHECK(sliced.pairs[i].count == whole.pairs[i].count);
    CHECK(sliced.pairs[i].npmi == whole.pairs[i].npmi);
    CHECK(sliced.pairs[i].evidence.size() == whole.pairs[i].evidence.size());
  }
}

TEST_CASE("cooccur: mentions per outlet and per language") {
  Corpus c = association_corpus();
  EntityIndex idx = link_entities(c, {}, LinkOptions{});
  const uint32_t macron = id_of(idx, "macron"), ishiba = id_of(idx, "ishiba");
  EntityBreakdown by_source = breakdown(c, idx, {}, BreakdownField::Source);
  REQUIRE(by_source.groups == std::vector<std::string>{"Outlet A", "Outlet B"});
  CHECK(by_source.counts[macron][0] == 0);   // Macron only in odd articles (outlet B)
  CHECK(by_source.counts[macron][1] == 25);
  CHECK(by_source.counts[ishiba][0] == 5);   // i % 10 == 0: even, outlet A
  EntityBreakdown by_lang = breakdown(c, idx, {0, 1, 2, 3, 4, 5}, BreakdownField::Language);
  REQUIRE(by_lang.groups == std::vector<std::string>{"de", "en"});
  CHECK(by_lang.counts[ishiba][0] == 1);  // doc 0: de
  CHECK(by_lang.counts[ishiba][1] == 0);
  EntityBreakdown by_date = breakdown(c, idx, {}, BreakdownField::Date);
  CHECK(by_date.groups == std::vector<std::string>{""});  // no dates: one unknown group
}
