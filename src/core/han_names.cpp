// han_names.cpp — Han-script names -> Latin keys (han_names.h).
//
// File format (scripts/assets.d/hannames.py writes it; '#' lines are comments):
//   HAN[|HAN]<TAB>TYPE<TAB>LATIN[|LATIN]<TAB>ORDER     a name: TYPE P/L/O/M; ORDER for people:
//                                                      "f" family name first, "g" given first
//   =FAMILY_HAN<TAB>FamilyLatin<TAB>GIVEN_HAN GivenLatin|GIVEN_HAN GivenLatin|...
//                                                      people sharing a family name (ENAMDICT)
// The text is kept as loaded and indexed by hashes of the Han forms; a lookup parses one line.
// Half a megabyte of names would be several megabytes as strings and vectors, and the linker
// asks only about the Han names a corpus has (hundreds).
#include "han_names.h"

#include <algorithm>
#include <fstream>
#include <unordered_map>

#include "translit.h"

namespace px {

namespace {

uint64_t fnv1a(std::string_view s, uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

size_t code_points(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// The `i`-th tab-separated field of `line` ("" when missing).
std::string_view field(std::string_view line, int i) {
  size_t b = 0;
  for (; i > 0; --i) {
    const size_t t = line.find('\t', b);
    if (t == std::string_view::npos) return {};
    b = t + 1;
  }
  const size_t e = line.find('\t', b);
  return line.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b);
}

template <class F>
void for_each_part(std::string_view s, char sep, F&& f) {
  size_t b = 0;
  while (b <= s.size()) {
    size_t e = s.find(sep, b);
    if (e == std::string_view::npos) e = s.size();
    if (e > b) f(s.substr(b, e - b), b);
    b = e + 1;
  }
}

EntityType type_of(std::string_view t) {
  if (t == "P") return EntityType::Person;
  if (t == "L") return EntityType::Location;
  if (t == "O") return EntityType::Organisation;
  return EntityType::Misc;
}

std::string_view first_word(std::string_view k) { return k.substr(0, k.find(' ')); }
std::string_view last_word(std::string_view k) {
  const size_t s = k.rfind(' ');
  return s == std::string_view::npos ? k : k.substr(s + 1);
}

}  // namespace

HanNames HanNames::parse(std::string text) {
  HanNames t;
  t.text_ = std::move(text);
  const std::string_view all(t.text_);
  // Family names with one reading in the file: "岸田" read "Kishida" by one line and "Kishita"
  // by another says nothing on its own.
  std::unordered_map<std::string_view, std::pair<uint32_t, uint32_t>> families;  // han -> (line, lines)
  size_t pos = 0;
  while (pos < all.size()) {
    size_t end = all.find('\n', pos);
    if (end == std::string_view::npos) end = all.size();
    const std::string_view line = all.substr(pos, end - pos);
    const auto at = static_cast<uint32_t>(pos);
    pos = end + 1;
    if (line.empty() || line[0] == '#') continue;
    if (line[0] == '=') {
      const std::string_view fam = field(line, 0).substr(1);
      const std::string_view givens = field(line, 2);
      if (fam.empty() || givens.empty()) continue;
      auto [it, fresh] = families.emplace(fam, std::make_pair(at, 0u));
      it->second.second++;
      const uint64_t fam_hash = fnv1a(fam);
      const size_t givens_at = at + (givens.data() - line.data());
      for_each_part(givens, '|', [&](std::string_view item, size_t off) {
        const size_t sp = item.find(' ');
        if (sp == 0 || sp == std::string_view::npos) return;
        // The full name's hash without building it: FNV-1a continues over the given name.
        t.index_.push_back({fnv1a(item.substr(0, sp), fam_hash), at, static_cast<uint32_t>(givens_at + off), Kind::Person});
      });
    } else {
      if (field(line, 2).empty()) continue;
      for_each_part(field(line, 0), '|', [&](std::string_view han, size_t) {
        t.index_.push_back({fnv1a(han), at, 0, Kind::Name});
      });
    }
  }
  for (const auto& [han, where] : families)
    if (where.second == 1 && code_points(han) >= 2)  // one character (林, 王) is too often a word
      t.index_.push_back({fnv1a(han), where.first, 0, Kind::Family});
  std::sort(t.index_.begin(), t.index_.end(), [](const Entry& a, const Entry& b) {
    return a.hash != b.hash ? a.hash < b.hash : a.kind < b.kind;  // a name line before a family's
  });
  return t;
}

Result<HanNames> HanNames::load(const std::string& asset_dir) {
  const std::string path = asset_dir + "/hannames/han-names.tsv";
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return Result<HanNames>::Error("cannot read " + path + " (made by scripts/make-assets.sh: scripts/assets.d/hannames.sh)");
  std::string text(static_cast<size_t>(in.tellg()), '\0');
  in.seekg(0);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  HanNames t = parse(std::move(text));
  if (t.index_.empty()) return Result<HanNames>::Error(path + " holds no names (rebuild it with scripts/make-assets.sh)");
  return t;
}

bool HanNames::read(const Entry& e, std::string_view han, HanReading& out) const {
  const std::string_view all(text_);
  size_t end = all.find('\n', e.line);
  if (end == std::string_view::npos) end = all.size();
  const std::string_view line = all.substr(e.line, end - e.line);
  out = HanReading{};
  switch (e.kind) {
    case Kind::Name: {
      bool match = false;
      for_each_part(field(line, 0), '|', [&](std::string_view h, size_t) { match = match || h == han; });
      if (!match) return false;
      out.type = type_of(field(line, 1));
      for_each_part(field(line, 2), '|', [&](std::string_view latin, size_t) {
        std::string k = latin_key(latin);
        if (!k.empty()) out.keys.push_back(std::move(k));
      });
      if (out.keys.empty()) return false;
      const std::string_view order = field(line, 3);
      if (out.type == EntityType::Person && out.keys[0].find(' ') != std::string::npos) {
        if (order == "f") out.surname = first_word(out.keys[0]);
        else if (order == "g") out.surname = last_word(out.keys[0]);
      }
      return true;
    }
    case Kind::Person: {
      const std::string_view fam = field(line, 0).substr(1);
      std::string_view item = all.substr(e.item);
      item = item.substr(0, std::min(item.find('|'), item.find('\n')));
      const size_t sp = item.find(' ');
      if (han.size() != fam.size() + sp || han.substr(0, fam.size()) != fam || han.substr(fam.size()) != item.substr(0, sp))
        return false;
      out.type = EntityType::Person;
      out.surname = latin_key(field(line, 1));
      out.keys.push_back(out.surname + " " + latin_key(item.substr(sp + 1)));
      return !out.surname.empty();
    }
    case Kind::Family: {
      if (field(line, 0).substr(1) != han) return false;
      out.type = EntityType::Person;
      out.surname = latin_key(field(line, 1));
      out.keys.push_back(out.surname);
      out.family_only = true;
      return !out.surname.empty();
    }
  }
  return false;
}

bool HanNames::find(std::string_view han, HanReading& out) const {
  if (han.empty()) return false;
  const uint64_t h = fnv1a(han);
  auto it = std::lower_bound(index_.begin(), index_.end(), h, [](const Entry& e, uint64_t v) { return e.hash < v; });
  for (; it != index_.end() && it->hash == h; ++it)
    if (read(*it, han, out)) return true;
  return false;
}

}  // namespace px
