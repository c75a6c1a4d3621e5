// ingest.cpp — [SECTION] index
//   helpers: names, ids, words
//   records: JSON record -> Document (field aliases)
//   formats: text, html, json, jsonl, csv
//   entry point: ingest_bytes
#include "ingest.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include "csv.h"
#include "date_parse.h"
#include "encoding.h"
#include "html_extract.h"
#include "lang_detect.h"
#include "text_fold.h"

namespace px {
namespace {

using json = nlohmann::json;

constexpr size_t kMaxTitleBytes = 240;          // a longer first line is body text, not a title
constexpr size_t kDerivedTitleBytes = 90;       // title made from the first words when none given
constexpr size_t kDateSearchBytes = 1500;       // dates are looked for near the top only
constexpr size_t kMaxMessagesPerFile = 20;      // then "... and N more"

//------------------------------------------------------------------------------------------
// [SECTION] helpers: names, ids, words
//------------------------------------------------------------------------------------------

std::string_view base_name(std::string_view path) {
  size_t slash = path.find_last_of("/\\");
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view stem(std::string_view path) {
  std::string_view b = base_name(path);
  size_t dot = b.find_last_of('.');
  return (dot == std::string_view::npos || dot == 0) ? b : b.substr(0, dot);
}

std::string lower_ascii(std::string_view s) {
  std::string r(s);
  for (char& c : r) if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return r;
}

std::string extension(std::string_view path) {
  std::string_view b = base_name(path);
  size_t dot = b.find_last_of('.');
  return dot == std::string_view::npos ? std::string() : lower_ascii(b.substr(dot + 1));
}

uint64_t fnv1a(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) { h ^= c; h *= 1099511628211ull; }
  return h;
}

std::string hex16(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

std::string_view trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

bool is_cjk(char32_t cp) {
  return (cp >= 0x3040 && cp < 0x3100) || (cp >= 0x3400 && cp < 0xA000) ||
         (cp >= 0xAC00 && cp < 0xD7B0) || (cp >= 0xF900 && cp < 0xFB00);
}

bool is_word_char(char32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  // Letters of the alphabetic scripts we display; punctuation blocks excluded.
  if (cp >= 0x2000 && cp < 0x2070) return false;   // general punctuation
  if (cp >= 0x3000 && cp < 0x3040) return false;   // CJK punctuation
  if (cp == 0xA0 || cp == 0xAB || cp == 0xBB || cp == 0xB7) return false;
  return true;
}

// Paragraph spans: every non-blank line is a paragraph (news text files put one paragraph
// per line; HTML extraction separates paragraphs with blank lines, which also works).
std::vector<Span> split_paragraphs(std::string_view text) {
  std::vector<Span> spans;
  size_t i = 0;
  while (i < text.size()) {
    size_t nl = text.find('\n', i);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(i, nl - i);
    std::string_view t = trim(line);
    if (!t.empty()) {
      auto b = static_cast<uint32_t>(t.data() - text.data());
      spans.push_back({b, b + static_cast<uint32_t>(t.size())});
    }
    i = nl + 1;
  }
  return spans;
}

std::string derive_title(std::string_view text) {
  std::string_view first = trim(text.substr(0, text.find('\n')));
  if (first.size() <= kDerivedTitleBytes) return std::string(first);
  std::string_view cut = truncate_utf8(first, kDerivedTitleBytes);
  size_t space = cut.find_last_of(' ');
  if (space != std::string_view::npos && space > kDerivedTitleBytes / 2) cut = cut.substr(0, space);
  return std::string(cut) + "…";
}

std::string clip_message_value(std::string_view s) {
  std::string_view t = truncate_utf8(s, 60);
  return t.size() < s.size() ? std::string(t) + "…" : std::string(t);
}

//------------------------------------------------------------------------------------------
// [SECTION] records: JSON record -> Document
//------------------------------------------------------------------------------------------

struct FieldAliases {
  const char* field;
  std::array<const char*, 8> names;
};
// Accepted input names for each field (first match wins). Documented in docs/corpus-format.md.
constexpr FieldAliases kAliases[] = {
    {"id", {"id", "guid", "uuid", "doc_id"}},
    {"url", {"url", "link", "uri", "canonical_url"}},
    {"source", {"source", "outlet", "site", "publisher", "source_name", "media", "domain"}},
    {"title", {"title", "headline"}},
    {"published", {"published", "date", "published_at", "publishedAt", "pubDate", "datePublished", "publish_date", "time"}},
    {"language", {"language", "lang", "locale"}},
    {"text", {"text", "body", "content", "article", "maintext", "full_text", "description"}},
};

std::string json_to_text(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number() || v.is_boolean()) return v.dump();
  if (v.is_object() && v.contains("name") && v["name"].is_string()) return v["name"].get<std::string>();  // NewsAPI's source
  return {};
}

std::string clean_language_code(std::string_view s) {
  std::string code = lower_ascii(trim(s));
  size_t sep = code.find_first_of("-_");
  if (sep != std::string::npos) code.resize(sep);
  if (code.size() < 2 || code.size() > 3 || !std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
    return {};
  return code;
}

}  // namespace

std::string url_host(std::string_view url) {
  size_t scheme = url.find("://");
  std::string_view rest = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
  size_t end = rest.find_first_of("/?#:");
  std::string host = lower_ascii(rest.substr(0, end));
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  if (host.find('.') == std::string::npos) return {};
  return host;
}

uint32_t count_words(std::string_view text) {
  uint32_t n = 0;
  bool in_word = false;
  for (size_t i = 0; i < text.size();) {
    char32_t cp = next_codepoint(text, i);
    if (is_cjk(cp)) { ++n; in_word = false; continue; }
    bool w = is_word_char(cp) && cp != ' ' && cp != '\n' && cp != '\t';
    if (cp < 0x80 && !w) in_word = false;
    else if (w && !in_word) { ++n; in_word = true; }
    else if (!w) in_word = false;
  }
  return n;
}

bool document_from_record(const json& record, Document& out, std::string& error) {
  if (!record.is_object()) {
    error = "is not a JSON object";
    return false;
  }
  std::array<std::string, std::size(kAliases)> values;
  std::vector<std::string> used;
  for (size_t f = 0; f < std::size(kAliases); ++f) {
    for (const char* name : kAliases[f].names) {
      if (!name) break;
      auto it = record.find(name);
      if (it == record.end()) continue;
      std::string v = json_to_text(*it);
      if (v.empty() && !it->is_string()) continue;
      values[f] = std::move(v);
      used.emplace_back(name);
      break;
    }
  }
  enum { kId, kUrl, kSource, kTitle, kPublished, kLanguage, kText };
  Result<DecodedText> text = decode_to_utf8(values[kText]);  // fixes invalid UTF-8 inside JSON strings
  std::string body = text.ok() ? to_nfc(trim(text->text)) : std::string();
  if (body.empty()) {
    error = values[kText].empty() && std::find(used.begin(), used.end(), "text") == used.end()
                ? "has no text field (expected \"text\", \"body\" or \"content\")"
                : "has an empty text";
    return false;
  }
  Document d;
  d.text = std::move(body);
  d.meta.id = values[kId];
  d.meta.url = values[kUrl];
  d.meta.title = std::string(trim(values[kTitle]));
  if (!d.meta.title.empty()) d.meta.title_from = Provenance::Given;
  if (!values[kSource].empty()) { d.meta.source = std::string(trim(values[kSource])); d.meta.source_from = Provenance::Given; }
  if (!values[kPublished].empty()) {
    if (auto iso = parse_date(values[kPublished])) {
      d.meta.published = *iso;
      d.meta.published_from = Provenance::Given;
    } else {
      d.notes.push_back("date \"" + clip_message_value(values[kPublished]) + "\" not understood: kept as published_raw");
      d.meta.extra["published_raw"] = values[kPublished];
    }
  }
  if (std::string code = clean_language_code(values[kLanguage]); !code.empty()) {
    d.meta.language = code;
    d.meta.language_confidence = 1.f;
    d.meta.language_from = Provenance::Given;
  }
  for (auto it = record.begin(); it != record.end(); ++it) {
    if (it.key() == "edited" || it.key() == "detected" || it.key() == "language_confidence" || it.key() == "origin" ||
        std::find(used.begin(), used.end(), it.key()) != used.end())
      continue;
    d.meta.extra[it.key()] = it.value();
  }
  // "edited" / "detected": provenance written by to_jsonl(), restored on import.
  for (const auto& [key, prov] : {std::pair{"edited", Provenance::Edited}, std::pair{"detected", Provenance::Detected}}) {
    auto e = record.find(key);
    if (e == record.end() || !e->is_array()) continue;
    for (const json& f : *e) {
      if (!f.is_string()) continue;
      const std::string& name = f.get_ref<const std::string&>();
      if (name == "source") d.meta.source_from = prov;
      else if (name == "title") d.meta.title_from = prov;
      else if (name == "published") d.meta.published_from = prov;
      else if (name == "language") d.meta.language_from = prov;
    }
  }
  if (auto o = record.find("origin"); o != record.end() && o->is_string()) d.meta.origin = o->get<std::string>();
  if (auto c = record.find("language_confidence"); c != record.end() && c->is_number())
    d.meta.language_confidence = c->get<float>();
  out = std::move(d);
  return true;
}

void finish_document(Document& doc) {
  doc.paragraphs = split_paragraphs(doc.text);
  doc.word_count = count_words(doc.text);
  ArticleMeta& m = doc.meta;
  if (m.title.empty()) {
    m.title = derive_title(doc.text);
    m.title_from = Provenance::Detected;
  }
  if (m.source.empty()) {
    if (std::string host = url_host(m.url); !host.empty()) {
      m.source = host;
      m.source_from = Provenance::Detected;
    } else if (!m.origin.empty()) {
      m.source = std::string(stem(m.origin));
      m.source_from = Provenance::Detected;
    }
  }
  if (m.published.empty()) {
    if (auto d = find_date(doc.text, kDateSearchBytes)) {
      m.published = d->iso;
      m.published_from = Provenance::Detected;
    }
  }
  if (m.language.empty() || m.language_from == Provenance::Missing) {
    LanguageGuess g = guess_language(m.title + "\n" + doc.text);
    m.language = g.code;
    m.language_confidence = g.confidence;
    m.language_from = g.code == "und" ? Provenance::Missing : Provenance::Detected;
  }
  if (m.id.empty()) m.id = hex16(fnv1a(m.url.empty() ? doc.text : m.url));
}

size_t apply_sidecar(std::vector<Document>& docs, const json& sidecar) {
  if (!sidecar.is_object() || !sidecar.contains("files") || !sidecar["files"].is_object()) return 0;
  size_t updated = 0;
  for (Document& d : docs) {
    auto it = sidecar["files"].find(std::string(base_name(d.meta.origin)));
    if (it == sidecar["files"].end() || !it->is_object()) continue;
    const json& m = *it;
    auto str = [&](const char* k) { return m.contains(k) && m[k].is_string() ? m[k].get<std::string>() : std::string(); };
    if (auto v = str("source"); !v.empty()) { d.meta.source = v; d.meta.source_from = Provenance::Given; }
    if (auto v = str("url"); !v.empty()) d.meta.url = v;
    if (auto v = str("title"); !v.empty()) { d.meta.title = v; d.meta.title_from = Provenance::Given; }
    if (auto v = str("language"); !v.empty()) { d.meta.language = v; d.meta.language_confidence = 1.f; d.meta.language_from = Provenance::Given; }
    if (auto v = str("published"); !v.empty()) { d.meta.published = v; d.meta.published_from = Provenance::Given; }
    if (m.contains("notes") && m["notes"].is_string()) d.meta.extra["notes"] = m["notes"];
    ++updated;
  }
  return updated;
}

namespace {

//------------------------------------------------------------------------------------------
// [SECTION] formats
//------------------------------------------------------------------------------------------

struct Sink {
  std::string_view name;
  IngestOutcome& out;
  size_t suppressed = 0;
  void say(IngestMessage::Level level, std::string text) {
    if (out.messages.size() >= kMaxMessagesPerFile) { ++suppressed; return; }
    out.messages.push_back({level, std::string(base_name(name)) + ": " + std::move(text)});
  }
  void finish() {
    if (suppressed) out.messages.push_back({IngestMessage::Level::Warning,
        std::string(base_name(name)) + ": … and " + std::to_string(suppressed) + " more messages like these"});
  }
};

// Plain text: a title line, maybe a date line (before or after it), then the body.
void ingest_text(std::string_view name, std::string text, Sink& sink) {
  std::string_view t = text;
  std::vector<std::string_view> head;  // first non-empty lines with their positions
  size_t pos = 0, body_start = 0;
  Document d;
  d.meta.origin = std::string(name);
  // Look at the first two non-empty lines for a date and a title.
  for (int taken = 0; taken < 3 && pos < t.size();) {
    size_t nl = t.find('\n', pos);
    if (nl == std::string_view::npos) nl = t.size();
    std::string_view line = trim(t.substr(pos, nl - pos));
    size_t next = std::min(t.size(), nl + 1);
    if (line.empty()) { pos = next; continue; }
    ++taken;
    if (d.meta.published.empty() && line.size() < 64) {
      if (auto iso = parse_date(line)) {
        d.meta.published = *iso;
        d.meta.published_from = Provenance::Detected;
        pos = body_start = next;
        continue;
      }
    }
    if (d.meta.title.empty() && line.size() <= kMaxTitleBytes && line.back() != '.' && line.back() != ':' &&
        next < t.size()) {
      d.meta.title = std::string(line);
      d.meta.title_from = Provenance::Detected;
      pos = body_start = next;
      continue;
    }
    break;
  }
  std::string_view body = trim(t.substr(body_start));
  if (body.empty()) {
    sink.say(IngestMessage::Level::Error, "the article is empty (no text after the title): skipped");
    sink.out.failed = true;
    return;
  }
  d.text = to_nfc(body);
  finish_document(d);
  sink.out.documents.push_back(std::move(d));
}

void ingest_html(std::string_view name, std::string_view html, Sink& sink) {
  HtmlPage page = extract_html(html);
  if (trim(page.text).empty()) {
    sink.say(IngestMessage::Level::Error, "no article text found in this HTML page: skipped");
    sink.out.failed = true;
    return;
  }
  Document d;
  d.meta.origin = std::string(name);
  d.text = to_nfc(page.text);
  d.meta.title = page.title;
  if (!d.meta.title.empty()) d.meta.title_from = Provenance::Detected;
  d.meta.url = page.url;
  if (!page.site_name.empty()) { d.meta.source = page.site_name; d.meta.source_from = Provenance::Detected; }
  if (!page.published.empty()) {
    if (auto iso = parse_date(page.published.substr(0, std::min<size_t>(page.published.size(), 10)))) {
      d.meta.published = *iso;
      d.meta.published_from = Provenance::Detected;
    }
  }
  if (page.removed_bytes > 0) d.notes.push_back(std::to_string(page.removed_bytes) + " bytes of markup and site chrome removed");
  finish_document(d);
  // The page's declared language is a hint only: the detector checks it against the text.
  if (!page.language.empty() && d.meta.language_from != Provenance::Given && d.meta.language == "und") {
    d.meta.language = page.language;
    d.meta.language_from = Provenance::Detected;
    d.meta.language_confidence = 0.5f;
  }
  sink.out.documents.push_back(std::move(d));
}

void add_record(const json& rec, std::string_view name, std::string where, Sink& sink) {
  Document d;
  std::string error;
  if (!document_from_record(rec, d, error)) {
    sink.say(IngestMessage::Level::Warning, where + " " + error + ": skipped");
    return;
  }
  if (d.meta.origin.empty()) d.meta.origin = std::string(name);
  for (const std::string& n : d.notes) sink.say(IngestMessage::Level::Warning, where + ": " + n);
  finish_document(d);
  sink.out.documents.push_back(std::move(d));
}

// Describes where and why JSON failed to parse, without exceptions: a SAX pass that records
// the parser's own message (nlohmann's parse(..., false) only says "discarded").
struct JsonErrorProbe : nlohmann::json_sax<json> {
  std::string message;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception&) override {
    // last_token comes quoted already when it is a string.
    message = "malformed JSON near byte " + std::to_string(position) + " (at " + clip_message_value(last_token) + ")";
    return false;
  }
};

std::string json_error(std::string_view text) {
  JsonErrorProbe probe;
  json::sax_parse(text, &probe);
  return probe.message.empty() ? "malformed JSON" : probe.message;
}

void ingest_json(std::string_view name, std::string_view text, Sink& sink) {
  json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded()) {
    sink.say(IngestMessage::Level::Error, json_error(text) + ": nothing loaded from this file. Check the file in a JSON validator.");
    sink.out.failed = true;
    return;
  }
  const json* list = &doc;
  if (doc.is_object()) {
    for (const char* key : {"articles", "documents", "items", "data", "results"}) {
      if (doc.contains(key) && doc[key].is_array()) { list = &doc[key]; break; }
    }
  }
  if (list->is_array()) {
    for (size_t i = 0; i < list->size(); ++i) add_record((*list)[i], name, "record " + std::to_string(i + 1), sink);
  } else {
    add_record(*list, name, "the record", sink);
  }
}

void ingest_jsonl(std::string_view name, std::string_view text, Sink& sink) {
  size_t pos = 0, line_no = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = trim(text.substr(pos, nl - pos));
    ++line_no;
    pos = nl + 1;
    if (line.empty()) continue;
    json rec = json::parse(line, nullptr, false);
    if (rec.is_discarded()) {
      sink.say(IngestMessage::Level::Warning, "line " + std::to_string(line_no) + ": " + json_error(line) + ": skipped");
      continue;
    }
    add_record(rec, name, "line " + std::to_string(line_no), sink);
  }
}

void ingest_csv(std::string_view name, std::string_view text, Sink& sink) {
  Result<std::vector<CsvRow>> rows = parse_csv(text);
  if (!rows.ok()) {
    sink.say(IngestMessage::Level::Error, rows.error() + ": nothing loaded from this file");
    sink.out.failed = true;
    return;
  }
  if (rows->size() < 2) {
    sink.say(IngestMessage::Level::Error, "CSV has no rows below its header: nothing loaded");
    sink.out.failed = true;
    return;
  }
  const CsvRow& header = rows->front();
  for (size_t r = 1; r < rows->size(); ++r) {
    const CsvRow& row = (*rows)[r];
    json rec = json::object();
    for (size_t c = 0; c < header.size() && c < row.size(); ++c) {
      std::string key(trim(header[c]));
      if (!key.empty()) rec[key] = row[c];
    }
    if (row.size() != header.size())
      sink.say(IngestMessage::Level::Warning, "row " + std::to_string(r + 1) + " has " + std::to_string(row.size()) +
                                                  " fields, the header has " + std::to_string(header.size()));
    add_record(rec, name, "row " + std::to_string(r + 1), sink);
  }
}

InputFormat sniff_format(std::string_view name, std::string_view text) {
  std::string ext = extension(name);
  if (ext == "html" || ext == "htm" || ext == "xhtml") return InputFormat::Html;
  if (ext == "jsonl" || ext == "ndjson") return InputFormat::JsonLines;
  if (ext == "json") return InputFormat::Json;
  if (ext == "csv" || ext == "tsv") return InputFormat::Csv;
  std::string_view t = trim(text.substr(0, 4096));
  if (!t.empty() && (t.front() == '[' || t.front() == '{')) {
    // One object per line -> JSON Lines; otherwise one JSON document.
    size_t nl = t.find('\n');
    if (t.front() == '{' && nl != std::string_view::npos && trim(t.substr(0, nl)).back() == '}') return InputFormat::JsonLines;
    return InputFormat::Json;
  }
  if (looks_like_html(text)) return InputFormat::Html;
  return InputFormat::Text;
}

std::string size_text(size_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return buf;
}

}  // namespace

IngestOutcome ingest_bytes(std::string_view name, std::string_view bytes, InputFormat format, size_t max_bytes) {
  IngestOutcome out;
  Sink sink{name, out};
  if (bytes.size() > max_bytes) {
    sink.say(IngestMessage::Level::Error, "the file is " + size_text(bytes.size()) + ", above the " +
             size_text(kMaxInputBytes) + " limit: split it (e.g. JSON Lines in parts) and load the parts");
    out.failed = true;
    return out;
  }
  if (trim(bytes).empty()) {
    sink.say(IngestMessage::Level::Error, "the file is empty: nothing to load");
    out.failed = true;
    return out;
  }
  Result<DecodedText> decoded = decode_to_utf8(bytes);
  if (!decoded.ok()) {
    sink.say(IngestMessage::Level::Error, decoded.error());
    out.failed = true;
    return out;
  }
  if (decoded->replaced > 0)
    sink.say(IngestMessage::Level::Warning, std::to_string(decoded->replaced) +
             " invalid byte sequences replaced by \xEF\xBF\xBD (the file is not clean " + decoded->encoding + ")");
  else if (decoded->encoding != "UTF-8")
    sink.say(IngestMessage::Level::Info, "read as " + decoded->encoding);

  std::string text = std::move(decoded->text);
  if (format == InputFormat::Auto) format = sniff_format(name, text);
  switch (format) {
    case InputFormat::Html: ingest_html(name, text, sink); break;
    case InputFormat::Json: ingest_json(name, text, sink); break;
    case InputFormat::JsonLines: ingest_jsonl(name, text, sink); break;
    case InputFormat::Csv: ingest_csv(name, text, sink); break;
    case InputFormat::Text:
    case InputFormat::Auto: ingest_text(name, std::move(text), sink); break;
  }
  if (out.documents.empty() && !out.failed) {
    sink.say(IngestMessage::Level::Error, "no articles found in this file");
    out.failed = true;
  }
  for (Document& d : out.documents)
    if (decoded->replaced > 0) d.notes.push_back(std::to_string(decoded->replaced) + " invalid bytes replaced in the source file");
  sink.finish();
  return out;
}

}  // namespace px
