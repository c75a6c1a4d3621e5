// Claim units, cross-lingual alignment and grouping (claim_align.h): the demo corpus's
// known claims found and grouped across en/it (with their bridges), unrelated claims kept
// apart, one unit per document in a group, slices giving the same result, and
// `parallax align`'s sentence matching.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "analyze.h"
#include "bilingual.h"
#include "claim_align.h"
#include "entity_link.h"
#include "ingest.h"
#include "stem.h"
#include "stopwords.h"
#include "seed_corpus.h"

using namespace px;

namespace {

const TextResources& resources() {
  static TextResources r = TextResources::load(PX_ASSET_DIR);
  return r;
}

const BilingualDict& dictionary() {
  static BilingualDict d = [] {
    Result<BilingualDict> r = BilingualDict::load(PX_ASSET_DIR);
    if (!r.ok()) MESSAGE(r.error());
    return r.ok() ? std::move(r.value()) : BilingualDict::empty();
  }();
  return d;
}

// The demo corpus analysed and linked as the app does.
struct Seeds {
  Corpus corpus;
  EntityIndex entities;
};
const Seeds& seeds() {
  static Seeds s = [] {
    Seeds out;
    std::vector<Document> docs = px_test::seed_documents();
    out.corpus.add_all(std::move(docs));
    AnalysisJob job;
    job.restart(out.corpus);
    while (job.step(out.corpus, resources(), 1e9)) {
    }
    out.entities = link_entities(out.corpus, {}, LinkOptions{});
    return out;
  }();
  return s;
}

ClaimOptions options() {
  ClaimOptions o;
  o.stopwords = resources().stopwords.get();
  return o;
}

const ClaimIndex& seed_claims() {
  static ClaimIndex idx = build_claims(seeds().corpus, &seeds().entities, dictionary(), *resources().stemmer, options());
  return idx;
}

std::string text_of(const ClaimIndex& idx, uint32_t u) {
  const ClaimUnit& cu = idx.units[u];
  return std::string(seeds().corpus.doc(cu.doc).slice(cu.span));
}

// The unit of document `doc` whose text contains `needle` (the shortest such unit).
int64_t unit_with(const ClaimIndex& idx, uint32_t doc, const std::string& needle) {
  int64_t best = -1;
  for (uint32_t u = 0; u < idx.units.size(); ++u) {
    if (idx.units[u].doc != doc || text_of(idx, u).find(needle) == std::string::npos) continue;
    if (best < 0 || idx.units[u].span.size() < idx.units[static_cast<size_t>(best)].span.size()) best = u;
  }
  return best;
}

int32_t group_with(const ClaimIndex& idx, uint32_t doc, const std::string& needle) {
  const int64_t u = unit_with(idx, doc, needle);
  REQUIRE_MESSAGE(u >= 0, "no unit of doc " << doc << " holds '" << needle << "'");
  return idx.group_of_unit[static_cast<size_t>(u)];
}

void check_grouped(const ClaimIndex& idx, const std::vector<std::pair<uint32_t, std::string>>& claims) {
  const int32_t g = group_with(idx, claims[0].first, claims[0].second);
  CHECK_MESSAGE(g >= 0, "'" << claims[0].second << "' is in no group");
  for (size_t i = 1; i < claims.size(); ++i) {
    const int32_t h = group_with(idx, claims[i].first, claims[i].second);
    CHECK_MESSAGE(h == g, "'" << claims[0].second << "' (group " << g << ") and '" << claims[i].second
                                << "' (group " << h << ") should be one claim");
  }
}

const ClaimLink* link_between(const ClaimIndex& idx, int64_t a, int64_t b) {
  if (a < 0 || b < 0) return nullptr;
  if (a > b) std::swap(a, b);
  for (const ClaimGroup& g : idx.groups)
    for (const ClaimLink& l : g.links)
      if (l.a == a && l.b == b) return &l;
  return nullptr;
}

}  // namespace

TEST_CASE("claims: units of the demo corpus are quotes, assertions and numbers, never chrome") {
  const Seeds& s = seeds();
  const Document& d001 = s.corpus.doc(1);
  const std::vector<ClaimUnit> units = claim_units(d001, 1);
  REQUIRE(!units.empty());
  bool quote = false, number = false;
  for (const ClaimUnit& u : units) {
    const std::string text(d001.slice(u.span));
    CHECK(u.doc == 1);
    CHECK(!d001.analysis.sentences[u.sentence].boilerplate);
    CHECK_MESSAGE(text.find("LEAVE A REPLY") == std::string::npos, text);
    CHECK_MESSAGE(text.find("Please enter your comment") == std::string::npos, text);
    if (text.rfind("A stronger NATO will benefit Japan greatly", 0) == 0) {
      quote = true;
      CHECK((u.kinds & kClaimQuote));
      CHECK(u.quote >= 0);
    }
    if (text.find("1,000 nuclear warheads") != std::string::npos) {
      number = true;
      CHECK((u.kinds & kClaimNumber));
    }
  }
  CHECK(quote);
  CHECK(number);
  // The Italian "XNUMX" sentence is a number unit even though its number is corrupt.
  const Document& d003 = s.corpus.doc(3);
  bool xnumx = false;
  for (const ClaimUnit& u : claim_units(d003, 3))
    if (d003.slice(u.span).find("XNUMX") != std::string_view::npos) xnumx = (u.kinds & kClaimNumber) != 0 && u.lang == "it";
  CHECK(xnumx);
  // A one-word scare quote ("cruciale") is no unit of its own; its sentence is.
  for (const ClaimUnit& u : claim_units(d003, 3)) CHECK(d003.slice(u.span) != "cruciale");
}

TEST_CASE("claims: the demo corpus's claims are grouped across outlets and languages") {
  const ClaimIndex& idx = seed_claims();
  REQUIRE(idx.group_of_unit.size() == idx.units.size());
  MESSAGE(idx.units.size() << " units, " << idx.groups.size() << " groups, " << idx.candidates_scored
                           << " pairs scored of " << idx.units.size() * (idx.units.size() - 1) / 2);
  check_grouped(idx, {{1, "A stronger NATO will benefit Japan greatly"},
                      {0, "Strengthening NATO will bring great benefits to Japan"},
                      {3, "Una NATO più forte porterà notevoli benefici al Giappone"}});
  check_grouped(idx, {{4, "Let us not be naive about China"}, {3, "Non bisogna essere ingenui nei confronti della Cina"}});
  check_grouped(idx, {{1, "over 1,000 nuclear warheads by 2030"}, {3, "XNUMX testate nucleari"}});
  check_grouped(idx, {{1, "We are at a pivotal moment for security and stability"},
                      {0, "at a crucial moment in terms of security and stability"},
                      {3, "per la sicurezza e la stabilità"}});

  // Each link explains itself: the English-Italian benefit link bridges NATO, Japan = Giappone
  // (an entity) and a dictionary translation.
  const ClaimLink* l = link_between(idx, unit_with(idx, 1, "A stronger NATO will benefit Japan greatly"),
                                    unit_with(idx, 3, "Una NATO più forte"));
  if (!l) l = link_between(idx, unit_with(idx, 0, "Strengthening NATO will bring"), unit_with(idx, 3, "Una NATO più forte"));
  REQUIRE(l);
  bool entity = false, translation = false;
  float weights = 0;
  for (const Bridge& b : l->bridges) {
    entity = entity || b.kind == BridgeKind::Entity;
    translation = translation || b.kind == BridgeKind::Translation;
    CHECK(!b.via.empty());
    CHECK(b.a.size() > 0);
    CHECK(b.b.size() > 0);
    weights += b.weight;
  }
  CHECK(entity);
  CHECK(translation);
  CHECK(weights == doctest::Approx(1.0).epsilon(0.01));
  CHECK(l->score >= options().min_link_score);
  CHECK(l->score <= 1.0f);
}

TEST_CASE("claims: unrelated claims stay apart, and a group holds one unit per article") {
  const ClaimIndex& idx = seed_claims();
  const int32_t benefit = group_with(idx, 1, "A stronger NATO will benefit Japan greatly");
  const int32_t naive = group_with(idx, 4, "Let us not be naive about China");
  const int32_t warheads = group_with(idx, 1, "over 1,000 nuclear warheads by 2030");
  const int32_t moment = group_with(idx, 1, "We are at a pivotal moment for security and stability");
  auto apart = [](int32_t g, int32_t h) { return g < 0 || h < 0 || g != h; };
  CHECK(apart(benefit, naive));
  CHECK(apart(benefit, warheads));
  CHECK(apart(benefit, moment));
  CHECK(apart(naive, warheads));
  CHECK(apart(moment, warheads));
  CHECK(apart(naive, moment));
  // Russia's ammunition quote says nothing of the above.
  const int32_t ammo = group_with(idx, 4, "Russia is producing in three months");
  for (int32_t g : {benefit, naive, warheads, moment}) CHECK(apart(ammo, g));
  // Chrome teasers of 001 ("Japan childbirth costs reform") join nothing: they are no units.
  CHECK(unit_with(idx, 1, "childbirth") < 0);
  // No group chains the corpus together; every group's members come from distinct articles.
  size_t grouped = 0;
  for (const ClaimGroup& g : idx.groups) {
    CHECK(g.members.size() >= 2);
    CHECK(g.members.size() <= seeds().corpus.size());
    std::vector<uint32_t> docs;
    for (uint32_t u : g.members) docs.push_back(idx.units[u].doc);
    std::sort(docs.begin(), docs.end());
    CHECK(std::adjacent_find(docs.begin(), docs.end()) == docs.end());
    CHECK(g.outlets >= 2);
    CHECK(g.languages >= 1);
    CHECK(g.cohesion >= options().min_link_score * 0.8f);
    CHECK(g.differences.empty());
    for (const ClaimLink& l : g.links) {
      CHECK(l.a < l.b);
      CHECK(idx.group_of_unit[l.a] == static_cast<int32_t>(g.id));
      CHECK(idx.group_of_unit[l.b] == static_cast<int32_t>(g.id));
    }
    grouped += g.members.size();
  }
  CHECK(grouped < idx.units.size() / 2);  // most sentences of five articles are said once
  // The index did not score every pair.
  CHECK(idx.candidates_scored > 0);
  CHECK(idx.candidates_scored < idx.units.size() * (idx.units.size() - 1) / 2);
}

TEST_CASE("claims: ClaimJob in small slices gives what build_claims gives") {
  const ClaimIndex& whole = seed_claims();
  ClaimJob job(seeds().corpus, &seeds().entities, dictionary(), *resources().stemmer, options());
  int steps = 0;
  float last = -1;
  while (job.step(seeds().corpus, 0.0)) {
    ++steps;
    CHECK(job.progress() >= last);
    last = job.progress();
    const std::string phase = job.phase();
    CHECK((phase == "units" || phase == "candidates" || phase == "groups"));
  }
  CHECK(steps > 5);
  CHECK(job.progress() == 1.0f);
  const ClaimIndex sliced = job.take(seeds().corpus);
  REQUIRE(sliced.units.size() == whole.units.size());
  for (size_t u = 0; u < whole.units.size(); ++u) {
    CHECK(sliced.units[u].span == whole.units[u].span);
    CHECK(sliced.units[u].kinds == whole.units[u].kinds);
  }
  CHECK(sliced.group_of_unit == whole.group_of_unit);
  CHECK(sliced.candidates_scored == whole.candidates_scored);
  REQUIRE(sliced.groups.size() == whole.groups.size());
  for (size_t g = 0; g < whole.groups.size(); ++g) {
    CHECK(sliced.groups[g].members == whole.groups[g].members);
    REQUIRE(sliced.groups[g].links.size() == whole.groups[g].links.size());
    for (size_t l = 0; l < whole.groups[g].links.size(); ++l) {
      CHECK(sliced.groups[g].links[l].score == whole.groups[g].links[l].score);
      CHECK(sliced.groups[g].links[l].bridges.size() == whole.groups[g].links[l].bridges.size());
    }
  }
}

TEST_CASE("claims: an empty corpus, and one article, give no groups") {
  Corpus empty;
  ClaimIndex idx = build_claims(empty, nullptr, dictionary(), *resources().stemmer, options());
  CHECK(idx.units.empty());
  CHECK(idx.groups.empty());
  // One article alone: its units never group with each other.
  Corpus one;
  one.add(Document(seeds().corpus.doc(1)));
  idx = build_claims(one, nullptr, dictionary(), *resources().stemmer, options());
  CHECK(!idx.units.empty());
  CHECK(idx.groups.empty());
  // Unless same_document allows it: then an article's repeated claims may group.
  ClaimOptions within = options();
  within.same_document = true;
  within.min_link_score = 0.2f;
  idx = build_claims(one, nullptr, dictionary(), *resources().stemmer, within);
  CHECK(!idx.groups.empty());
  for (const ClaimGroup& g : idx.groups) CHECK(g.members.size() >= 2);
}

TEST_CASE("claims: a hand-made dictionary bridges Italian to English") {
  BilingualDict dict = BilingualDict::empty();
  const Stemmer& stemmer = *resources().stemmer;
  REQUIRE(dict.add_tsv("it", "gatto\tcat\nnero\tblack\ndorme\tsleep\ndivano\tsofa; couch\n", stemmer).ok());
  ClaimOptions o = options();
  const std::vector<std::string> en = {"The black cat sleeps on the sofa.", "Parliament approved the budget on Tuesday.",
                                       "Nothing in common here whatsoever."};
  const std::vector<std::string> it = {"Il parlamento ha approvato il bilancio martedì.", "Il gatto nero dorme sul divano."};
  const std::vector<SentenceMatch> m = align_sentences(en, it, resources(), dict, o);
  REQUIRE(m.size() == 3);
  CHECK(m[0].best == 1);
  CHECK(m[0].score >= o.min_link_score);
  CHECK(m[2].best == -1);
  // Without the dictionary the cat finds nothing to match.
  const std::vector<SentenceMatch> none = align_sentences(en, it, resources(), BilingualDict::empty(), o);
  CHECK(none[0].best != 1);
}

TEST_CASE("align: an English irregular form meets the translation of its lemma (children -> child)") {
  if (!dictionary().covers("fr")) {
    MESSAGE("skipped: no " << PX_ASSET_DIR << "/bridge (run scripts/make-assets.sh build-wasm/assets)");
    return;
  }
  // fr "enfants" -> "child"; Snowball stems "children" as itself: only bridge/en-forms.tsv
  // (WordNet's noun.exc) joins them. Both French lines share "où" -> "where" with the query.
  const std::vector<std::string> en = {"Where are the children?"};
  const std::vector<std::string> fr = {"Où est le parlement ?", "Où sont les enfants ?"};
  ClaimOptions o = options();
  o.min_link_score = 0;
  const std::vector<SentenceMatch> m = align_sentences(en, fr, resources(), dictionary(), o);
  REQUIRE(m.size() == 1);
  CHECK(m[0].best == 1);
}

TEST_CASE("align: each line's language alone; numbers and names bridge without a dictionary") {
  const std::vector<std::string> a = {"Rutte visited Tokyo in 2025.", "Ishiba met Rutte.", ""};
  const std::vector<std::string> b = {"Ishiba hat Rutte getroffen.", "Rutte besuchte 2025 Tokio."};
  ClaimOptions o = options();
  o.min_link_score = 0.2f;
  const std::vector<SentenceMatch> m = align_sentences(a, b, resources(), BilingualDict::empty(), o);
  REQUIRE(m.size() == 3);
  CHECK(m[0].best == 1);
  CHECK(m[1].best == 0);
  CHECK(m[2].best == -1);  // a blank line matches nothing
}
