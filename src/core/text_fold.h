// text_fold.h — Unicode-aware matching keys (utf8proc: NFKC-style compatibility mapping,
// full case folding, accents stripped), so "rutte" finds "Rutte", "citta" finds "città",
// "munchen" finds "München" and "strasse" finds "Straße".
//
//   std::string key = fold_for_search("München");            // "munchen"
//   for (Span s : find_folded(doc.text, fold_for_search(q))) highlight(s);
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "document.h"

namespace px {

// The matching key of `text`: compatibility-decomposed, case-folded, marks stripped,
// default-ignorable code points removed. Invalid UTF-8 bytes become U+FFFD.
std::string fold_for_search(std::string_view text);
// The same into `out` (replacing its contents; its capacity is reused in hot loops).
void fold_for_search_into(std::string_view text, std::string& out);

// Same key, plus for every byte of the key the byte offset in `text` of the code point it
// came from (one extra entry at the end = text.size()), to map hits back for highlighting.
struct FoldedText {
  std::string key;
  std::vector<uint32_t> source_offset;
};
FoldedText fold_with_offsets(std::string_view text);

// Every non-overlapping occurrence of the (already folded) `needle` in `text`, as spans of
// `text`, at most `max_hits`.
std::vector<Span> find_folded(std::string_view text, std::string_view folded_needle,
                              size_t max_hits = 10000);

// Splits a search query into folded terms (whitespace separated; "quoted phrases" kept whole).
std::vector<std::string> search_terms(std::string_view query);

// utf8proc_category(cp) (a utf8proc_category_t value), from a table for the BMP (64 KB, built
// on first use): the pipeline's loops ask for every non-ASCII code point of the corpus, and
// utf8proc's two-level property lookup behind a call cost several percent of the analysis.
const uint8_t* bmp_categories();
int unicode_category_slow(char32_t cp);
inline int unicode_category(char32_t cp) {
  static const uint8_t* const table = bmp_categories();
  return cp < 0x10000 ? table[cp] : unicode_category_slow(cp);
}

// NFC normalisation (the form Document::text is stored in).
std::string to_nfc(std::string_view text);

// The longest prefix of `text` of at most `max_bytes` bytes that ends on a code point
// boundary (never cuts a UTF-8 sequence in half).
std::string_view truncate_utf8(std::string_view text, size_t max_bytes);

}  // namespace px
