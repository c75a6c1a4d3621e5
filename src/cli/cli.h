// cli.h — how a `parallax` subcommand plugs in: one file per command, registered at start.
//
//   static int cmd_lang(const std::vector<std::string_view>& args);
//   static const px::cli::Registration reg{"lang", "FILE  one language code per input line", cmd_lang};
//
// Conventions: results on stdout, messages on stderr as "parallax: ...", exit 0 when all went
// well, 1 when some input failed (the rest is still processed), 2 for usage errors.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace px {
class Corpus;
}

namespace px::cli {

constexpr int kExitOk = 0, kExitSomeFailed = 1, kExitUsage = 2;

using CommandFn = int (*)(const std::vector<std::string_view>& args);

struct Registration {
  Registration(const char* name, const char* help, CommandFn fn);
};

// The directory holding generated assets (language models, dictionaries): $PARALLAX_ASSETS,
// else the build's asset directory.
std::string asset_dir();

// Reads a whole file ("-" is stdin). Returns false and sets `error` when it cannot.
bool read_file(const std::string& path, std::string& out, std::string& error);

// Files named on the command line: a folder is walked (sorted, hidden files skipped).
void collect_files(const std::filesystem::path& p, std::vector<std::filesystem::path>& files);
// "x.meta.json" beside the articles: metadata for them, not an article.
bool is_sidecar(const std::filesystem::path& p);

// Reads every file as `parallax ingest` does (folders walked, *.meta.json sidecars applied)
// into `corpus`; messages go to stderr. Returns kExitOk, or kExitSomeFailed when a file could
// not be read (the others are still loaded).
int load_corpus(const std::vector<std::filesystem::path>& files, px::Corpus& corpus);

}  // namespace px::cli
