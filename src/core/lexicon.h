// lexicon.h — the hand-written word lists in <asset_dir>/lexicons/*.tsv, loaded once.
//
// Each file is UTF-8 text: lines starting with '#' are comments (they name the sources), every
// other non-blank line is TAB-separated columns, the first being an ISO 639-1 language code.
// Forms are matched by their lexicon key (lowercase, NFC, typographic apostrophe as ASCII).
//
//   Result<LexiconTable> t = load_lexicon(asset_dir, "reporting_verbs.tsv", 3);
//   if (t.ok()) for (const auto& row : t->rows) use(row[0], row[1], row[2]);
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "status.h"

namespace px {

constexpr size_t kMaxLexiconBytes = 4 << 20;  // a lexicon is hand-written: anything bigger is wrong

struct LexiconTable {
  std::string path;                            // where it was read from (for messages)
  std::vector<std::vector<std::string>> rows;  // columns per row, padded to the minimum count
};

// Reads <asset_dir>/lexicons/<file_name>. Rows with fewer than `min_columns` columns are an
// error naming the line (a hand-written file must be fixed, not half-read). Missing file: an
// error saying which file and that `scripts/make-assets.sh` generates the asset directory.
Result<LexiconTable> load_lexicon(const std::string& asset_dir, std::string_view file_name,
                                  size_t min_columns);

// Appends the lexicon key of `word` to `out`: code point by code point lowercase, ’ and ʼ
// turned into ', everything else kept. No allocation when `out` has capacity (hot loops).
void append_lexicon_key(std::string_view word, std::string& out);
std::string lexicon_key(std::string_view word);

}  // namespace px
