// cmd_entities.cpp — `parallax entities [--scope sentence|paragraph] [--demonyms] [--edits F]
// [--min-count N] FILES...`: reads the articles (as `parallax ingest` does: folders walked,
// *.meta.json sidecars applied), runs the text pipeline and the recogniser, links the names
// into entities across languages and prints one JSON object:
//   {"documents":N,"units":N,"scope":"sentence",
//    "entities":[{"id","name","type","known_id","key","aliases":[..],"mentions":N,"documents":N}],
//    "edges":[{"a","b","count","npmi","evidence":[{"doc":"article id","sentence":"text"}]}]}
// Entities most mentioned first; edges by count, then NPMI (cooccur.h). --edits F applies the
// user's merges/splits/renames saved as JSON (entity_link.h). --mentions adds every linked
// mention: "mentions":[{"doc","origin","lang","text","type","key","known_id","entity"}] (for tests/eval/eval_linking.sh).
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyze.h"
#include "cli.h"
#include "cooccur.h"
#include "corpus.h"
#include "entity_link.h"
#include "gazetteer.h"
#include "ingest.h"

namespace {


int usage() {
  std::cerr << "usage: parallax entities [--scope sentence|paragraph] [--demonyms] [--edits EDITS.json]\n"
               "                         [--min-count N] [--mentions] FILES...\n";
  return px::cli::kExitUsage;
}

int cmd_entities(const std::vector<std::string_view>& args) {
  px::CooccurrenceOptions co;
  px::LinkOptions lo;
  std::string edits_path;
  bool list_mentions = false;
  std::vector<std::filesystem::path> files;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string_view a = args[i];
    if (a == "--scope" && i + 1 < args.size()) {
      const std::string_view v = args[++i];
      if (v == "sentence") co.scope = px::CooccurrenceScope::Sentence;
      else if (v == "paragraph") co.scope = px::CooccurrenceScope::Paragraph;
      else {
        std::cerr << "parallax entities: --scope is sentence or paragraph, not '" << v << "'\n";
        return px::cli::kExitUsage;
      }
    } else if (a == "--mentions") {
      list_mentions = true;
    } else if (a == "--demonyms") {
      lo.demonyms_count = true;
    } else if (a == "--edits" && i + 1 < args.size()) {
      edits_path = std::string(args[++i]);
    } else if (a == "--min-count" && i + 1 < args.size()) {
      co.min_count = static_cast<uint32_t>(std::max(1, std::atoi(std::string(args[++i]).c_str())));
    } else if (a.size() > 1 && a[0] == '-') {
      std::cerr << "parallax entities: unknown option " << a << "\n";
      return usage();
    } else {
      px::cli::collect_files(std::filesystem::path(a), files);
    }
  }
  if (files.empty()) return usage();

  int status = px::cli::kExitOk;
  std::vector<px::EntityEdit> edits;
  if (!edits_path.empty()) {
    std::string bytes, error;
    if (!px::cli::read_file(edits_path, bytes, error)) {
      std::cerr << "parallax: " << error << "\n";
      return px::cli::kExitUsage;
    }
    nlohmann::json j = nlohmann::json::parse(bytes, nullptr, false);
    px::Status s = j.is_discarded() ? px::Status::Error("not JSON") : px::edits_from_json(j, edits);
    if (!s.ok()) {
      std::cerr << "parallax: " << edits_path << ": " << s.message() << "\n";
      status = px::cli::kExitSomeFailed;
    }
  }

  px::Corpus corpus;
  if (px::cli::load_corpus(files, corpus) != px::cli::kExitOk) status = px::cli::kExitSomeFailed;

  const std::string assets = px::cli::asset_dir();
  px::TextResources res = px::TextResources::load(assets);
  for (const std::string& m : res.messages) std::cerr << "parallax: " << m << "\n";
  px::AnalysisJob job;
  job.restart(corpus);
  while (job.step(corpus, res, 1e9)) {
  }
  // Names of known ids from the gazetteer (English); without it, the most frequent Latin form.
  px::Result<px::Gazetteer> gaz = px::Gazetteer::load(assets);
  if (gaz.ok()) lo.known_name = [&](const std::string& id) { return gaz->display_name(id, "en"); };
  else std::cerr << "parallax: " << gaz.error() << " (entity names from the text)\n";
  lo.han_names = res.han_names;

  const px::EntityIndex index = px::link_entities(corpus, edits, lo);
  const px::Cooccurrence c = px::cooccur(corpus, index, co);

  nlohmann::ordered_json out;
  out["documents"] = corpus.size();
  out["units"] = c.units;
  out["scope"] = co.scope == px::CooccurrenceScope::Sentence ? "sentence" : "paragraph";
  nlohmann::ordered_json ents = nlohmann::ordered_json::array();
  for (const px::Entity& e : index.entities) {
    nlohmann::ordered_json j;
    j["id"] = e.id;
    j["name"] = e.name;
    j["type"] = px::entity_type_code(e.type);
    j["known_id"] = e.known_id;
    j["key"] = index.keys[e.id];
    j["aliases"] = e.aliases;
    j["mentions"] = e.mentions.size();
    j["documents"] = e.documents;
    ents.push_back(std::move(j));
  }
  out["entities"] = std::move(ents);
  nlohmann::ordered_json edges = nlohmann::ordered_json::array();
  for (const px::CooccurrencePair& p : c.pairs) {
    nlohmann::ordered_json j;
    j["a"] = p.a;
    j["b"] = p.b;
    j["count"] = p.count;
    j["npmi"] = std::round(p.npmi * 10000.0) / 10000.0;  // 4 decimals: stable across builds
    nlohmann::ordered_json ev = nlohmann::ordered_json::array();
    for (const px::Evidence& e : p.evidence) {
      const px::Document& d = corpus.doc(e.doc);
      std::string text;
      if (e.sentence < d.analysis.sentences.size()) {
        const px::SentenceInfo& s = d.analysis.sentences[e.sentence];
        // Paragraph scope: the evidence is the paragraph (it starts at this sentence).
        const px::Span span = co.scope == px::CooccurrenceScope::Paragraph && s.paragraph < d.paragraphs.size()
                                  ? d.paragraphs[s.paragraph]
                                  : s.span;
        text = std::string(d.slice(span));
      }
      ev.push_back({{"doc", d.meta.id}, {"sentence", text}});
    }
    j["evidence"] = std::move(ev);
    edges.push_back(std::move(j));
  }
  out["edges"] = std::move(edges);
  if (list_mentions) {
    nlohmann::ordered_json ms = nlohmann::ordered_json::array();
    for (uint32_t d = 0; d < corpus.size(); ++d) {
      const px::Document& doc = corpus.doc(d);
      const std::string origin = std::filesystem::path(doc.meta.origin).filename().string();
      for (uint32_t i = 0; i < doc.analysis.mentions.size(); ++i) {
        const px::MentionInfo& m = doc.analysis.mentions[i];
        const uint32_t e = index.mention_entity[d][i];
        nlohmann::ordered_json j = {{"doc", doc.meta.id}, {"origin", origin}, {"lang", doc.meta.language}, {"text", std::string(doc.slice(m.span))},
                                    {"type", px::entity_type_code(m.type)}, {"key", m.key}, {"known_id", m.known_id}};
        j["entity"] = e == px::EntityIndex::kNoEntity ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(e);
        ms.push_back(std::move(j));
      }
    }
    out["mentions"] = std::move(ms);
  }
  std::cout << out.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  return status;
}

const px::cli::Registration reg{
    "entities", "[--scope sentence|paragraph] [--demonyms] [--edits F] FILES...  entities and co-occurrence (JSON)",
    cmd_entities};

}  // namespace
