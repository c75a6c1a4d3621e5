// parallax — the command-line face of the same core the browser app uses.
//
//   parallax ingest FILES... [--jsonl]     normalised corpus as JSON Lines on stdout
//   parallax <command> ...                 every command registered in src/cli/cmd_*.cpp
//   parallax help
//
// Messages go to stderr as "parallax: FILE: what happened"; the exit status is 0 when every
// input loaded, 1 when some did not (the good ones are still printed), 2 for usage errors.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli.h"
#include "corpus.h"
#include "ingest.h"

namespace px::cli {

namespace {
struct Entry {
  const char* name;
  const char* help;
  CommandFn fn;
};
std::vector<Entry>& registry() {
  static std::vector<Entry> commands;
  return commands;
}
}  // namespace

Registration::Registration(const char* name, const char* help, CommandFn fn) { registry().push_back({name, help, fn}); }

std::string asset_dir() {
  if (const char* env = std::getenv("PARALLAX_ASSETS"); env && *env) return env;
  return PX_ASSET_DIR;
}

bool read_file(const std::string& path, std::string& out, std::string& error) {
  std::ostringstream ss;
  if (path == "-") {
    ss << std::cin.rdbuf();
    out = ss.str();
    return true;
  }
  std::ifstream f(path, std::ios::binary);
  if (!f) {
    error = "cannot open " + path;
    return false;
  }
  ss << f.rdbuf();
  out = ss.str();
  return true;
}

}  // namespace px::cli

namespace {
using namespace px::cli;

void usage(std::FILE* out) {
  std::fputs("usage: parallax <command> [options]\n\ncommands:\n", out);
  std::fputs("  ingest FILES... [--jsonl]   read articles (.txt .html .json .jsonl .csv; folders are\n"
             "                              walked) and print the normalised corpus as JSON Lines\n", out);
  for (const auto& e : registry()) std::fprintf(out, "  %-27s %s\n", e.name, e.help);
  std::fputs("  help                        this text\n", out);
}


int cmd_ingest(const std::vector<std::string_view>& args) {
  std::vector<std::filesystem::path> files;
  for (std::string_view a : args) {
    if (a == "--jsonl") continue;  // the only output format for now, accepted for clarity
    if (a.size() > 1 && a[0] == '-') {
      std::fprintf(stderr, "parallax ingest: unknown option %.*s\n", static_cast<int>(a.size()), a.data());
      return kExitUsage;
    }
    px::cli::collect_files(std::filesystem::path(a), files);
  }
  if (files.empty()) {
    std::fputs("parallax ingest: no input files\n", stderr);
    usage(stderr);
    return kExitUsage;
  }
  px::Corpus corpus;
  const int status = px::cli::load_corpus(files, corpus);
  const std::string jsonl = px::to_jsonl(corpus);
  std::fwrite(jsonl.data(), 1, jsonl.size(), stdout);
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string_view> args(argv + 1, argv + argc);
  if (args.empty()) {
    usage(stderr);
    return kExitUsage;
  }
  const std::string_view cmd = args.front();
  args.erase(args.begin());
  if (cmd == "ingest") return cmd_ingest(args);
  for (const auto& e : px::cli::registry()) if (cmd == e.name) return e.fn(args);
  if (cmd == "help" || cmd == "--help" || cmd == "-h") {
    usage(stdout);
    return kExitOk;
  }
  std::fprintf(stderr, "parallax: unknown command '%.*s'\n", static_cast<int>(cmd.size()), cmd.data());
  usage(stderr);
  return kExitUsage;
}

// Shared by the commands that read files and folders (cli.h).
namespace px::cli {

bool is_sidecar(const std::filesystem::path& p) {
  const std::string n = p.filename().string();
  return n.size() > 10 && n.compare(n.size() - 10, 10, ".meta.json") == 0;
}

void collect_files(const std::filesystem::path& p, std::vector<std::filesystem::path>& files) {
  std::error_code ec;
  if (std::filesystem::is_directory(p, ec)) {
    std::vector<std::filesystem::path> inside;
    for (const auto& e : std::filesystem::recursive_directory_iterator(p, ec))
      if (e.is_regular_file() && e.path().filename().string().front() != '.') inside.push_back(e.path());
    std::sort(inside.begin(), inside.end());
    files.insert(files.end(), inside.begin(), inside.end());
  } else {
    files.push_back(p);
  }
}

int load_corpus(const std::vector<std::filesystem::path>& files, px::Corpus& corpus) {
  int status = kExitOk;
  std::vector<px::Document> docs;
  std::vector<nlohmann::json> sidecars;
  for (const auto& path : files) {
    const std::string name = path.string();
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) {
      std::fprintf(stderr, "parallax: %s: cannot read (%s)\n", name.c_str(), ec.message().c_str());
      status = kExitSomeFailed;
      continue;
    }
    std::string bytes, error;
    if (size > px::kMaxInputBytes || !read_file(name, bytes, error)) {  // huge files are refused unread
      std::fprintf(stderr, size > px::kMaxInputBytes
                               ? "parallax: %s: the file is above the %zu MB limit: split it and load the parts\n"
                               : "parallax: %s: cannot open\n",
                   name.c_str(), px::kMaxInputBytes >> 20);
      status = kExitSomeFailed;
      continue;
    }
    if (is_sidecar(path)) {
      nlohmann::json j = nlohmann::json::parse(bytes, nullptr, false);
      if (j.is_discarded()) {
        std::fprintf(stderr, "parallax: %s: malformed metadata sidecar, ignored\n", name.c_str());
        status = kExitSomeFailed;
      } else {
        sidecars.push_back(std::move(j));
      }
      continue;
    }
    px::IngestOutcome out = px::ingest_bytes(name, bytes);
    for (const auto& m : out.messages)
      if (m.level != px::IngestMessage::Level::Info) std::fprintf(stderr, "parallax: %s\n", m.text.c_str());
    if (out.failed) status = kExitSomeFailed;
    for (px::Document& d : out.documents) docs.push_back(std::move(d));
  }
  for (const nlohmann::json& s : sidecars) px::apply_sidecar(docs, s);
  corpus.add_all(std::move(docs));
  return status;
}

}  // namespace px::cli
