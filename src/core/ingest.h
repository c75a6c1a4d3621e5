// ingest.h — bytes in, normalised Documents out. Shared by the app and the CLI.
//
// Formats (by extension, else sniffed): plain text (a title line, maybe a date line, the
// body), HTML (main text extracted), JSON (an array of records, or one record), JSON Lines,
// CSV with a header row. Record fields: id, url, source, title, published, language, text
// (aliases are accepted, see docs/corpus-format.md); unknown fields are kept in meta.extra.
// A bad file or record produces a message and is skipped; the rest still comes in.
//
//   IngestOutcome out = ingest_bytes("seeds/000.txt", bytes);
//   for (auto& m : out.messages) show(m.text);
//   corpus.add_all(std::move(out.documents));
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "document.h"

namespace px {

// Files above this are refused before decoding (a browser tab would run out of memory long
// before the analysis became useful). 64 MiB holds ~20,000 long articles.
constexpr size_t kMaxInputBytes = 64u * 1024u * 1024u;

enum class InputFormat { Auto, Text, Html, Json, JsonLines, Csv };

struct IngestMessage {
  enum class Level { Info, Warning, Error } level = Level::Info;
  std::string text;  // starts with the file name; says what happened and what to do
};

struct IngestOutcome {
  std::vector<Document> documents;
  std::vector<IngestMessage> messages;
  bool failed = false;  // the whole file was refused (nothing from it was added)
};

// `name` is the file name (or "paste", or a URL); it picks the format and is the outlet of
// last resort.
// `max_bytes`: the app restoring its own saved corpus passes SIZE_MAX (it was loaded once).
IngestOutcome ingest_bytes(std::string_view name, std::string_view bytes,
                           InputFormat format = InputFormat::Auto, size_t max_bytes = kMaxInputBytes);

// Builds one Document from a JSON record (object). Returns false (and says why in `error`)
// when the record has no usable text.
bool document_from_record(const nlohmann::json& record, Document& out, std::string& error);

// Fills what is derivable and still missing: paragraphs, word count, language, outlet from
// the URL host or origin, date from the text, a stable id.
void finish_document(Document& doc);

// Applies a metadata sidecar: {"files": {"<file name>": {"source": .., "language": .., ...}}}.
// Matching documents get those fields as Given. Returns how many documents were updated.
size_t apply_sidecar(std::vector<Document>& docs, const nlohmann::json& sidecar);

// The host of a URL without "www." ("https://www.example.com/a" -> "example.com").
std::string url_host(std::string_view url);

// Counts words: runs of letters/digits; each CJK character counts as one word.
uint32_t count_words(std::string_view text);

}  // namespace px
