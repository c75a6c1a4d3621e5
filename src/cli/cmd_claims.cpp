// cmd_claims.cpp — `parallax claims [--json] [--min-score X] [--units] FILES...`: reads the
// articles (as `parallax ingest` does), runs the text pipeline, links entities, finds the claim
// units and groups those that say the same thing across outlets and languages
// (claim_align.h), and prints one JSON object:
//   {"documents":N,"units":N,"groups_count":N,"candidates_scored":N,"all_pairs":N,"build_ms":X,
//    "groups":[{"id","size","cohesion","outlets","languages","disagreement",
//               "members":[{"unit","doc","origin","outlet","lang","kinds":["quote",...],"text"}],
//               "links":[{"a","b","score","bridges":[{"kind","via","a","b","weight"}]}],
//               "differences":[...]}]}
// members[0] is the group's reference; a link's a/b are unit ids (members' "unit"), its
// bridges the words that matched on each side (the explanation). --units adds every unit.
// --json is the only format, accepted for clarity.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyze.h"
#include "bilingual.h"
#include "claim_align.h"
#include "claim_diff.h"
#include "cli.h"
#include "corpus.h"
#include "entity_link.h"
#include "gazetteer.h"

namespace {

int usage() {
  std::cerr << "usage: parallax claims [--json] [--min-score X] [--units] FILES...\n";
  return px::cli::kExitUsage;
}

double round4(double x) { return std::round(x * 10000.0) / 10000.0; }

nlohmann::ordered_json kinds_json(uint8_t k) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  if (k & px::kClaimAssertion) out.push_back("assertion");
  if (k & px::kClaimQuote) out.push_back("quote");
  if (k & px::kClaimNumber) out.push_back("number");
  return out;
}

int cmd_claims(const std::vector<std::string_view>& args) {
  px::ClaimOptions options;
  bool list_units = false;
  std::vector<std::filesystem::path> files;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string_view a = args[i];
    if (a == "--json") {
      continue;
    } else if (a == "--units") {
      list_units = true;
    } else if (a == "--min-score" && i + 1 < args.size()) {
      char* end = nullptr;
      const std::string v(args[++i]);
      options.min_link_score = std::strtof(v.c_str(), &end);
      if (end == v.c_str() || *end) {
        std::cerr << "parallax claims: --min-score takes a number, not '" << v << "'\n";
        return px::cli::kExitUsage;
      }
    } else if (a.size() > 1 && a[0] == '-') {
      std::cerr << "parallax claims: unknown option " << a << "\n";
      return usage();
    } else {
      px::cli::collect_files(std::filesystem::path(a), files);
    }
  }
  if (files.empty()) return usage();

  px::Corpus corpus;
  int status = px::cli::load_corpus(files, corpus);
  const std::string assets = px::cli::asset_dir();
  px::TextResources res = px::TextResources::load(assets);
  for (const std::string& m : res.messages) std::cerr << "parallax: " << m << "\n";
  px::AnalysisJob job;
  job.restart(corpus);
  while (job.step(corpus, res, 1e9)) {
  }
  px::LinkOptions lo;
  px::Result<px::Gazetteer> gaz = px::Gazetteer::load(assets);
  if (gaz.ok()) lo.known_name = [&](const std::string& id) { return gaz->display_name(id, "en"); };
  lo.han_names = res.han_names;
  const px::EntityIndex entities = px::link_entities(corpus, {}, lo);

  px::Result<px::BilingualDict> loaded = px::BilingualDict::load(assets);
  px::BilingualDict dict = px::BilingualDict::empty();
  if (loaded.ok()) dict = std::move(loaded.value());
  else std::cerr << "parallax: " << loaded.error() << " (only shared names, numbers and stems bridge languages)\n";
  options.stopwords = res.stopwords.get();
  px::ClaimIndex index = px::build_claims(corpus, &entities, dict, *res.stemmer, options);
  px::Result<px::DiffLexicons> lex_loaded = px::DiffLexicons::load(assets);
  px::DiffLexicons lexicons = px::DiffLexicons::empty();
  if (lex_loaded.ok()) lexicons = std::move(lex_loaded.value());
  else std::cerr << "parallax: " << lex_loaded.error() << " (numbers, entities, quotes and word diffs only)\n";
  px::add_differences(corpus, &entities, lexicons, index);  // also ranks groups by disagreement

  auto unit_json = [&](uint32_t u) {
    const px::ClaimUnit& cu = index.units[u];
    const px::Document& d = corpus.doc(cu.doc);
    nlohmann::ordered_json j;
    j["unit"] = u;
    j["doc"] = d.meta.id;
    j["origin"] = std::filesystem::path(d.meta.origin).filename().string();
    j["outlet"] = d.meta.source;
    j["lang"] = cu.lang;
    j["kinds"] = kinds_json(cu.kinds);
    j["text"] = std::string(d.slice(cu.span));
    return j;
  };
  const double n = static_cast<double>(index.units.size());
  nlohmann::ordered_json out;
  out["documents"] = corpus.size();
  out["units"] = index.units.size();
  out["groups_count"] = index.groups.size();
  out["candidates_scored"] = index.candidates_scored;
  out["all_pairs"] = static_cast<uint64_t>(n * (n - 1) / 2);
  out["build_ms"] = std::round(index.build_ms * 10.0) / 10.0;
  nlohmann::ordered_json groups = nlohmann::ordered_json::array();
  for (const px::ClaimGroup& g : index.groups) {
    nlohmann::ordered_json gj;
    gj["id"] = g.id;
    gj["size"] = g.members.size();
    gj["cohesion"] = round4(g.cohesion);
    gj["outlets"] = g.outlets;
    gj["languages"] = g.languages;
    gj["disagreement"] = round4(g.disagreement);
    nlohmann::ordered_json ms = nlohmann::ordered_json::array();
    for (uint32_t u : g.members) ms.push_back(unit_json(u));
    gj["members"] = std::move(ms);
    nlohmann::ordered_json ls = nlohmann::ordered_json::array();
    for (const px::ClaimLink& l : g.links) {
      const px::Document& da = corpus.doc(index.units[l.a].doc);
      const px::Document& db = corpus.doc(index.units[l.b].doc);
      nlohmann::ordered_json lj;
      lj["a"] = l.a;
      lj["b"] = l.b;
      lj["score"] = round4(l.score);
      nlohmann::ordered_json bs = nlohmann::ordered_json::array();
      for (const px::Bridge& b : l.bridges)
        bs.push_back({{"kind", px::bridge_kind_name(b.kind)}, {"via", b.via}, {"a", std::string(da.slice(b.a))},
                      {"b", std::string(db.slice(b.b))}, {"weight", round4(b.weight)}});
      lj["bridges"] = std::move(bs);
      ls.push_back(std::move(lj));
    }
    gj["links"] = std::move(ls);
    nlohmann::ordered_json ds = nlohmann::ordered_json::array();
    for (const px::Difference& d : g.differences)
    {
      nlohmann::ordered_json dj = {{"kind", px::diff_kind_name(d.kind)}, {"a", d.a}, {"b", d.b}};
      if (d.kind == px::DiffKind::QuoteFidelity) dj["fidelity"] = px::quote_fidelity_name(d.fidelity);
      dj["label_a"] = d.label_a;
      dj["label_b"] = d.label_b;
      dj["message"] = d.message;
      dj["severity"] = round4(d.severity);
      ds.push_back(std::move(dj));
    }
    gj["differences"] = std::move(ds);
    groups.push_back(std::move(gj));
  }
  out["groups"] = std::move(groups);
  if (list_units) {
    nlohmann::ordered_json us = nlohmann::ordered_json::array();
    for (uint32_t u = 0; u < index.units.size(); ++u) {
      nlohmann::ordered_json j = unit_json(u);
      j["group"] = index.group_of_unit[u];
      us.push_back(std::move(j));
    }
    out["unit_list"] = std::move(us);
  }
  std::cout << out.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  return status;
}

const px::cli::Registration reg{"claims", "[--json] [--min-score X] FILES...  claim groups across outlets and languages (JSON)",
                                cmd_claims};

}  // namespace
