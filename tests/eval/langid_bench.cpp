// langid_bench — evaluation helper (never shipped): speed of LanguageIdentifier::identify,
// natively and as wasm under node (cmake/langid.cmake builds px_langid_bench for both).
//
//   px_langid_bench ASSET_DIR FILE...     # every line of every file, judged alone
// Prints load time (CPU time of this process), lines/s and MB/s for identify() with the default options and for the
// bare model (one view, no rules), and a checksum of the answers so the work is not elided.
#include <ctime>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "lang_id.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fputs("usage: px_langid_bench ASSET_DIR FILE...\n", stderr);
    return 2;
  }
  // CPU time of this process, not wall time: the build machine is shared, and the figure
  // should not depend on what else runs.
  struct clock {
    static std::clock_t now() { return std::clock(); }
  };
  auto seconds = [](std::clock_t d) { return static_cast<double>(d) / CLOCKS_PER_SEC; };
  std::vector<std::string> lines;
  size_t bytes = 0;
  for (int i = 2; i < argc; ++i) {
    std::ifstream f(argv[i], std::ios::binary);
    std::string line;
    while (std::getline(f, line)) {
      bytes += line.size() + 1;
      lines.push_back(std::move(line));
    }
  }
  auto t0 = clock::now();
  auto lid = px::LanguageIdentifier::load(argv[1]);
  double load_s = seconds(clock::now() - t0);
  if (!lid.ok()) {
    std::fprintf(stderr, "px_langid_bench: %s\n", lid.error().c_str());
    return 1;
  }
  std::printf("load: %.1f ms; %zu lines, %.2f MB\n", load_s * 1e3, lines.size(), bytes / 1e6);
  struct Mode { const char* name; px::LanguageIdOptions opt; };
  px::LanguageIdOptions one_view;
  one_view.verbatim_view = false;
  for (const Mode& m : {Mode{"identify (defaults: two views, rules)", {}}, Mode{"identify --no-verbatim (one view)", one_view}}) {
    size_t checksum = 0;
    t0 = clock::now();
    for (const std::string& l : lines) checksum += lid->identify(l, {}, m.opt).code.size();
    double s = seconds(clock::now() - t0);
    std::printf("%-40s %9.0f lines/s  %6.2f MB/s  (%.2f s, checksum %zu)\n", m.name, lines.size() / s,
                bytes / 1e6 / s, s, checksum);
  }
  return 0;
}
