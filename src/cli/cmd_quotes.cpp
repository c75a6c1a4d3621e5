// cmd_quotes.cpp — `parallax quotes [--lang xx] FILE...`: the quotes (with speaker and
// reporting verb) and the quantities of each file, as JSON Lines on stdout:
//   {"file":..,"type":"quote","text":..,"speaker":..,"cue":..,"stance":..,"begin":..,"end":..}
//   {"file":..,"type":"quantity","text":..,"kind":"Count","value":1000,"unit":"warheads","iso":""}
// Without --lang the language is guessed per file (lang_detect.h). Speakers are the app's: the
// text also goes through the pipeline (analyze.h) so the recogniser's person mentions refine
// them (refine_speakers); quotes are listed from the whole text, site chrome included.
#include <cmath>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyze.h"
#include "cli.h"
#include "encoding.h"
#include "ingest.h"
#include "lang_detect.h"
#include "quantities.h"
#include "quotes.h"

namespace {

const char* kind_name(px::QuantityKind k) {
  switch (k) {
    case px::QuantityKind::Number: return "Number";
    case px::QuantityKind::Percent: return "Percent";
    case px::QuantityKind::Money: return "Money";
    case px::QuantityKind::Year: return "Year";
    case px::QuantityKind::Date: return "Date";
    case px::QuantityKind::Duration: return "Duration";
    case px::QuantityKind::Count: return "Count";
  }
  return "?";
}

int cmd_quotes(const std::vector<std::string_view>& args) {
  std::string lang;
  std::vector<std::string> files;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--lang" && i + 1 < args.size()) lang = std::string(args[++i]);
    else files.emplace_back(args[i]);
  }
  if (files.empty()) {
    std::cerr << "usage: parallax quotes [--lang xx] FILE...\n";
    return px::cli::kExitUsage;
  }
  const std::string assets = px::cli::asset_dir();
  px::Result<px::QuoteFinder> finder = px::QuoteFinder::load(assets);
  if (!finder.ok()) std::cerr << "parallax: " << finder.error() << " (quotes skipped)\n";
  const px::TextResources resources = px::TextResources::load(assets);  // messages: the app shows them; here speakers degrade
  px::Result<px::QuantityFinder> numbers = px::QuantityFinder::load(assets);
  if (!numbers.ok()) std::cerr << "parallax: " << numbers.error() << " (number words skipped)\n";
  int status = px::cli::kExitOk;
  for (const std::string& path : files) {
    std::string bytes, error;
    if (!px::cli::read_file(path, bytes, error)) {
      std::cerr << "parallax: " << error << "\n";
      status = px::cli::kExitSomeFailed;
      continue;
    }
    px::Result<px::DecodedText> d = px::decode_to_utf8(bytes);
    if (!d.ok()) {
      std::cerr << "parallax: " << path << ": " << d.error() << "\n";
      status = px::cli::kExitSomeFailed;
      continue;
    }
    const std::string& text = d->text;
    const std::string l = lang.empty() ? px::guess_language(text).code : lang;
    auto slice = [&](px::Span s) { return text.substr(s.begin, s.end - s.begin); };
    if (finder.ok()) {
      px::Document doc;
      doc.text = text;
      doc.meta.language = l;
      doc.meta.language_from = px::Provenance::Given;
      px::finish_document(doc);
      px::analyze_document(doc, resources, nullptr, nullptr);
      doc.analysis.quotes = finder->find(text, l);
      px::refine_speakers(text, l, doc.analysis);
      for (const px::QuoteInfo& q : doc.analysis.quotes) {
        nlohmann::json j = {{"file", path}, {"lang", l}, {"type", "quote"}, {"text", slice(q.span)},
                            {"speaker", slice(q.speaker)}, {"cue", slice(q.cue)},
                            {"stance", std::string(finder->stance(slice(q.cue), l))},
                            {"begin", q.span.begin}, {"end", q.span.end}};
        std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      }
    }
    const std::vector<px::QuantityInfo> qs =
        numbers.ok() ? numbers->find(text, l) : px::find_quantities(text, l);
    for (const px::QuantityInfo& q : qs) {
      nlohmann::json j = {{"file", path}, {"lang", l}, {"type", "quantity"}, {"text", slice(q.span)},
                          {"kind", kind_name(q.kind)}, {"unit", q.unit}, {"iso", q.iso},
                          {"begin", q.span.begin}, {"end", q.span.end}};
      if (std::isnan(q.value)) j["value"] = nullptr;  // "XNUMX": number missing or corrupt
      else j["value"] = q.value;
      std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
  }
  return status;
}

const px::cli::Registration reg{"quotes", "[--lang xx] FILE...  quotes with speakers, and quantities (JSON Lines)",
                                cmd_quotes};

}  // namespace
