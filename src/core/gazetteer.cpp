// gazetteer.cpp — loads <asset_dir>/entities/names.tsv (ids and keys, text) and words.bin
// (hashed word sets, Rice-coded), both written by scripts/assets.d/entities.sh.
#include "gazetteer.h"

#include <algorithm>
#include <bit>
#include <cstdio>
#include <cstdint>
#include <cstring>
#include <unordered_map>

#include "stem.h"

namespace px {
namespace {

constexpr const char* kNamesPath = "/entities/names.tsv";
constexpr const char* kWordsPath = "/entities/words.bin";
constexpr size_t kMaxAssetBytes = 32u << 20;  // both files are well under 3 MB; a cap against junk
constexpr const char* kRegenerate = ": run scripts/make-assets.sh OUTDIR (after scripts/deps.sh)";

// Kinds of word set in words.bin (must match scripts/assets.d/entities.sh).
enum SetKind : uint8_t {
  kForms = 1, kStems = 2, kProper = 3, kGiven = 4, kNamePart = 5,
  kTypedPer = 6, kTypedOrg = 7, kTypedLoc = 8, kTypedMisc = 9,  // typed names without an id
};

bool read_file(const std::string& path, std::string& out) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  char buf[1 << 15];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0 && out.size() < kMaxAssetBytes) out.append(buf, n);
  std::fclose(f);
  return true;
}

// The hash both sides use (the asset script has the same function in Python): FNV-1a 64 over
// the UTF-8 bytes, then MurmurHash3's fmix64 so the TOP bits (the ones kept) are well mixed.
uint64_t word_hash(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

std::string_view primary(std::string_view lang) {
  if (size_t cut = lang.find_first_of("-_"); cut != std::string_view::npos) return lang.substr(0, cut);
  return lang;
}

EntityType type_from_code(std::string_view c) {
  if (c == "PER") return EntityType::Person;
  if (c == "ORG") return EntityType::Organisation;
  if (c == "LOC") return EntityType::Location;
  return EntityType::Misc;
}

// Order of lookup() results: countries and organisations, then regions, cities, demonyms.
int id_rank(std::string_view id, bool demonym) {
  if (demonym) return 4;
  if (id.size() >= 2 && (id[0] == 'C' || id[0] == 'O')) return 0;
  if (id[0] == 'R') return 1;
  return 2;
}

}  // namespace

struct Gazetteer::Impl {
  struct Id {
    std::string id;
    EntityType type = EntityType::Misc;
    std::vector<std::pair<std::string, std::string>> names;  // (lang, display name)
  };
  std::vector<Id> ids;
  std::unordered_map<std::string, uint32_t> id_index;
  // Keys in byte order, flat (one allocation, binary search; an unordered_map of 55,000
  // strings took most of the start-up time): key i is key_bytes[key_off[i], key_off[i+1]),
  // its references refs[ref_off[i], ref_off[i+1]), each packed as
  // id index << 2 | acronym << 1 | demonym, in lookup() order.
  std::string key_bytes;
  std::vector<uint32_t> key_off{0};
  std::vector<uint32_t> refs;
  std::vector<uint32_t> ref_off{0};
  uint32_t max_words = 0;
  size_t key_count() const { return key_off.size() - 1; }
  std::string_view key(size_t i) const {
    return std::string_view(key_bytes).substr(key_off[i], key_off[i + 1] - key_off[i]);
  }
  // Open-addressing hash tables over the keys (built after parse_names): the recogniser asks
  // for several lemma variants of every capitalised word and most are misses, which a binary
  // search answered with ~17 string comparisons each. Slots hold a key index + 1 (0 = empty).
  // key_slots: whole keys (lookup); prefix_slots: every key's words up to a space, pointing at
  // one key that continues it (has_longer).
  std::vector<uint32_t> key_slots, prefix_slots;  // sizes are powers of two
  void build_index();
  // The slot holding the key `k` (prefix: a key that starts with `k` and a space), or the
  // empty slot where it would go.
  size_t probe(const std::vector<uint32_t>& slots, std::string_view k, bool prefix) const {
    const size_t mask = slots.size() - 1;
    size_t at = static_cast<size_t>(word_hash(k)) & mask;
    for (;; at = (at + 1) & mask) {
      const uint32_t v = slots[at];
      if (v == 0) return at;
      const std::string_view other = key(v - 1);
      if (prefix ? other.size() > k.size() && other[k.size()] == ' ' && other.substr(0, k.size()) == k : other == k)
        return at;
    }
  }
  // key index of `k`, or -1
  int64_t find_key(std::string_view k) const {
    if (key_slots.empty()) return -1;
    const uint32_t v = key_slots[probe(key_slots, k, false)];
    return v ? int64_t(v) - 1 : -1;
  }

  struct WordSet {
    std::string lang;  // "en"; "*" for language-independent sets (given names)
    uint8_t kind = 0;
    uint8_t bits = 0;
    std::vector<uint32_t> hashes;  // sorted
    // bucket[t]: the first hash whose top `index_bits` bits are >= t, so a look-up searches
    // one bucket (a few entries) instead of the whole set (the largest holds 130,000 hashes)
    unsigned index_bits = 0;
    std::vector<uint32_t> bucket;
    void build_index() {
      index_bits = std::min(12u, unsigned(bits));
      bucket.assign((size_t{1} << index_bits) + 1, 0);
      size_t at = 0;
      for (size_t t = 0; t < bucket.size(); ++t) {
        while (at < hashes.size() && (hashes[at] >> (bits - index_bits)) < t) ++at;
        bucket[t] = static_cast<uint32_t>(at);
      }
    }
    bool contains(std::string_view w) const { return contains_hash(word_hash(w)); }
    bool contains_hash(uint64_t word_hash64) const {
      const auto h = static_cast<uint32_t>(word_hash64 >> (64 - bits));
      const uint32_t t = h >> (bits - index_bits);
      return std::binary_search(hashes.begin() + bucket[t], hashes.begin() + bucket[t + 1], h);
    }
  };
  std::vector<WordSet> sets;
  // The language-independent sets, found once after parse_words (find_set compares strings).
  const WordSet* given = nullptr;
  const WordSet* name_part = nullptr;
  const WordSet* typed[4] = {nullptr, nullptr, nullptr, nullptr};  // PER ORG LOC MISC
  Stemmer stemmer;  // for the stem-level common-word sets
  mutable std::string stem_buf;

  const WordSet* find_set(std::string_view lang, uint8_t kind) const {
    for (const WordSet& s : sets)
      if (s.kind == kind && s.lang == lang) return &s;
    return nullptr;
  }

  Status parse_names(std::string_view text);
  Status parse_words(std::string_view data);
};

Status Gazetteer::Impl::parse_names(std::string_view text) {
  enum { kNone, kIds, kNames } section = kNone;
  size_t pos = 0, line_no = 0;
  std::vector<std::string_view> cols;
  std::string prev_key;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    if (line == "@ids") { section = kIds; continue; }
    if (line == "@names") {
      section = kNames;
      key_bytes.reserve(text.size() * 3 / 2);  // keys are ~2x their front-coded rest
      continue;
    }
    cols.clear();
    for (size_t b = 0;;) {
      size_t t = line.find('\t', b);
      cols.push_back(line.substr(b, t == std::string_view::npos ? std::string_view::npos : t - b));
      if (t == std::string_view::npos) break;
      b = t + 1;
    }
    // the error prefix, built only when needed (this loop runs ~60,000 times at start-up)
    auto where = [&] { return "entities/names.tsv line " + std::to_string(line_no); };
    if (section == kIds) {
      if (cols.size() < 2) return Status::Error(where() + ": an id line needs id and type" + kRegenerate);
      Id id{std::string(cols[0]), type_from_code(cols[1]), {}};
      for (size_t c = 2; c < cols.size(); ++c) {
        size_t eq = cols[c].find('=');
        if (eq == std::string_view::npos) continue;
        id.names.emplace_back(std::string(cols[c].substr(0, eq)), std::string(cols[c].substr(eq + 1)));
      }
      id_index.emplace(id.id, static_cast<uint32_t>(ids.size()));
      ids.push_back(std::move(id));
    } else if (section == kNames) {
      // front-coded: bytes shared with the previous key, the rest, the id references
      if (cols.size() != 3) return Status::Error(where() + ": a name line needs 3 columns" + kRegenerate);
      size_t shared = 0;
      for (char ch : cols[0]) shared = ch >= '0' && ch <= '9' ? shared * 10 + size_t(ch - '0') : SIZE_MAX;
      if (cols[0].empty() || shared > prev_key.size()) return Status::Error(where() + ": bad key prefix" + kRegenerate);
      prev_key.resize(shared);
      prev_key.append(cols[1]);
      if (prev_key.empty()) return Status::Error(where() + ": empty key" + kRegenerate);
      if (key_count() > 0 && !(key(key_count() - 1) < prev_key))
        return Status::Error(where() + ": keys out of order" + kRegenerate);
      key_bytes.append(prev_key);
      key_off.push_back(static_cast<uint32_t>(key_bytes.size()));
      const size_t first_ref = refs.size();
      std::string_view list = cols[2];
      for (size_t b = 0; b < list.size();) {
        size_t c = list.find(',', b);
        if (c == std::string_view::npos) c = list.size();
        std::string_view item = list.substr(b, c - b);
        b = c + 1;
        bool dem = false, acr = false;
        while (!item.empty() && (item.back() == 'd' || item.back() == 'a')) {
          (item.back() == 'd' ? dem : acr) = true;
          item.remove_suffix(1);
        }
        uint32_t idx = 0;
        for (char ch : item) {
          if (ch < '0' || ch > '9') return Status::Error(where() + ": bad id reference" + kRegenerate);
          idx = idx * 10 + uint32_t(ch - '0');
        }
        if (item.empty() || idx >= ids.size()) return Status::Error(where() + ": id reference out of range" + kRegenerate);
        uint32_t packed = idx << 2 | (acr ? 2u : 0u) | (dem ? 1u : 0u);
        refs.push_back(packed);
      }
      std::stable_sort(refs.begin() + std::ptrdiff_t(first_ref), refs.end(), [&](uint32_t a, uint32_t b) {
        return id_rank(ids[a >> 2].id, a & 1) < id_rank(ids[b >> 2].id, b & 1);
      });
      ref_off.push_back(static_cast<uint32_t>(refs.size()));
      const auto words = static_cast<uint32_t>(std::count(prev_key.begin(), prev_key.end(), ' ') + 1);
      max_words = std::max(max_words, words);
    }
  }
  if (ids.empty() || key_count() == 0) return Status::Error("entities/names.tsv holds no names" + std::string(kRegenerate));
  return Status::Ok();
}

// words.bin: "PXWORDS1", u32 set count, then per set: lang (4 bytes, NUL-padded), kind, hash
// bits, Rice parameter k, 0, u32 entries, u32 data bytes, data: the sorted hashes' gaps,
// each as (gap >> k) one-bits, a zero-bit, then the low k bits; MSB first. Little-endian.
Status Gazetteer::Impl::parse_words(std::string_view d) {
  auto u32 = [&](size_t at) {
    return uint32_t(uint8_t(d[at])) | uint32_t(uint8_t(d[at + 1])) << 8 | uint32_t(uint8_t(d[at + 2])) << 16 |
           uint32_t(uint8_t(d[at + 3])) << 24;
  };
  const std::string bad = std::string("entities/words.bin is damaged") + kRegenerate;
  if (d.size() < 12 || d.substr(0, 8) != "PXWORDS1") return Status::Error(bad);
  const uint32_t nsets = u32(8);
  size_t at = 12;
  for (uint32_t s = 0; s < nsets; ++s) {
    if (at + 16 > d.size()) return Status::Error(bad);
    WordSet ws;
    std::string_view lang = d.substr(at, 4);
    ws.lang = std::string(lang.substr(0, std::min(lang.find('\0'), lang.size())));
    ws.kind = uint8_t(d[at + 4]);
    ws.bits = uint8_t(d[at + 5]);
    const unsigned k = uint8_t(d[at + 6]);
    const uint32_t n = u32(at + 8), nbytes = u32(at + 12);
    at += 16;
    if (ws.bits == 0 || ws.bits > 32 || k > 31 || nbytes > d.size() - at) return Status::Error(bad);
    std::string_view data = d.substr(at, nbytes);
    at += nbytes;
    ws.hashes.reserve(n);
    // 64-bit window, MSB-aligned: `acc` holds `nacc` unread bits at its top.
    uint64_t acc = 0, value = 0;
    unsigned nacc = 0;
    size_t next = 0;
    auto refill = [&] {
      while (nacc <= 56 && next < data.size()) {
        acc |= uint64_t(uint8_t(data[next++])) << (56 - nacc);
        nacc += 8;
      }
    };
    for (uint32_t i = 0; i < n; ++i) {
      uint64_t q = 0;
      for (;;) {  // unary part: ones up to a zero
        refill();
        if (nacc == 0) return Status::Error(bad);
        const auto ones = unsigned(std::countl_one(acc));
        if (ones >= nacc) {  // every buffered bit is a one
          q += nacc;
          acc = 0;
          nacc = 0;
          continue;
        }
        q += ones;
        acc = (acc << ones) << 1;  // two shifts: ones + 1 may be 64
        nacc -= ones + 1;
        break;
      }
      refill();
      if (nacc < k) return Status::Error(bad);
      const uint64_t r = k ? acc >> (64 - k) : 0;
      acc <<= k;
      nacc -= k;
      value += q << k | r;
      if (value >> ws.bits) return Status::Error(bad);
      ws.hashes.push_back(static_cast<uint32_t>(value));
    }
    ws.build_index();
    sets.push_back(std::move(ws));
  }
  return Status::Ok();
}

void Gazetteer::Impl::build_index() {
  // load factor <= 1/2: keys, and prefixes (at most one per space in the keys)
  auto table_size = [](size_t entries) {
    size_t size = 64;
    while (size < 2 * entries) size *= 2;
    return size;
  };
  const size_t n = key_count();
  const auto spaces = static_cast<size_t>(std::count(key_bytes.begin(), key_bytes.end(), ' '));
  key_slots.assign(table_size(n), 0);
  prefix_slots.assign(table_size(spaces), 0);
  for (size_t i = 0; i < n; ++i) {
    const std::string_view k = key(i);
    key_slots[probe(key_slots, k, false)] = static_cast<uint32_t>(i + 1);
    for (size_t sp = k.find(' '); sp != std::string_view::npos; sp = k.find(' ', sp + 1))
      if (const size_t at = probe(prefix_slots, k.substr(0, sp), true); !prefix_slots[at])
        prefix_slots[at] = static_cast<uint32_t>(i + 1);  // the first key that continues it
  }
}

Gazetteer::Gazetteer() : impl_(std::make_unique<Impl>()) {}
Gazetteer::~Gazetteer() = default;
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;

Result<Gazetteer> Gazetteer::load(const std::string& asset_dir) {
  Gazetteer g;
  std::string text;
  if (!read_file(asset_dir + kNamesPath, text))
    return Result<Gazetteer>::Error("entity names not found (" + asset_dir + kNamesPath + ")" + kRegenerate);
  if (Status st = g.impl_->parse_names(text); !st.ok()) return st;
  std::string bin;
  if (!read_file(asset_dir + kWordsPath, bin))
    return Result<Gazetteer>::Error("word lists not found (" + asset_dir + kWordsPath + ")" + kRegenerate);
  if (Status st = g.impl_->parse_words(bin); !st.ok()) return st;
  Impl& m = *g.impl_;
  m.build_index();
  m.given = m.find_set("*", kGiven);
  m.name_part = m.find_set("*", kNamePart);
  const uint8_t typed_kinds[4] = {kTypedPer, kTypedOrg, kTypedLoc, kTypedMisc};
  for (int t = 0; t < 4; ++t) m.typed[t] = m.find_set("*", typed_kinds[t]);
  return g;
}

std::vector<KnownName> Gazetteer::lookup(std::string_view folded) const {
  std::vector<KnownName> out;
  if (!impl_ || folded.empty()) return out;
  const Impl& m = *impl_;
  const int64_t found = m.find_key(folded);
  if (found < 0) return out;
  const auto i = static_cast<size_t>(found);
  out.reserve(m.ref_off[i + 1] - m.ref_off[i]);
  for (uint32_t r = m.ref_off[i]; r < m.ref_off[i + 1]; ++r) {
    const uint32_t packed = m.refs[r];
    const Impl::Id& id = impl_->ids[packed >> 2];
    const bool dem = packed & 1;
    out.push_back(KnownName{id.id, dem ? EntityType::Misc : id.type, dem, (packed & 2) != 0});
  }
  return out;
}

bool Gazetteer::has_longer(std::string_view folded) const {
  if (!impl_ || folded.empty() || impl_->prefix_slots.empty()) return false;
  return impl_->prefix_slots[impl_->probe(impl_->prefix_slots, folded, true)] != 0;
}

std::string Gazetteer::display_name(std::string_view id, std::string_view lang) const {
  if (!impl_) return std::string(id);
  auto it = impl_->id_index.find(std::string(id));
  if (it == impl_->id_index.end()) return std::string(id);
  const Impl::Id& e = impl_->ids[it->second];
  const std::string_view want = primary(lang);
  for (const auto& [l, name] : e.names)
    if (l == want) return name;
  for (const auto& [l, name] : e.names)
    if (l == "en") return name;
  return e.names.empty() ? e.id : e.names.front().second;
}

bool Gazetteer::is_given_name(std::string_view folded) const {
  if (!impl_ || folded.empty()) return false;
  return impl_->given && impl_->given->contains(folded);
}

bool Gazetteer::is_name_part(std::string_view folded) const {
  if (!impl_ || folded.empty()) return false;
  const uint64_t h = word_hash(folded);
  return (impl_->given && impl_->given->contains_hash(h)) || (impl_->name_part && impl_->name_part->contains_hash(h));
}

bool Gazetteer::is_common_word(std::string_view folded, std::string_view lang) const {
  if (!impl_ || folded.empty()) return false;
  lang = primary(lang);
  if (const Impl::WordSet* s = impl_->find_set(lang, kForms)) return s->contains(folded);
  if (const Impl::WordSet* s = impl_->find_set(lang, kStems)) {
    impl_->stemmer.stem_into(folded, lang, impl_->stem_buf);
    return s->contains(impl_->stem_buf);
  }
  return false;
}

bool Gazetteer::is_proper_noun(std::string_view folded, std::string_view lang) const {
  if (!impl_ || folded.empty()) return false;
  const Impl::WordSet* s = impl_->find_set(primary(lang), kProper);
  return s && s->contains(folded);
}

bool Gazetteer::name_type(std::string_view folded, EntityType& type) const {
  if (!impl_ || folded.empty()) return false;
  static constexpr EntityType kTyped[4] = {EntityType::Person, EntityType::Organisation, EntityType::Location,
                                           EntityType::Misc};
  const uint64_t h = word_hash(folded);
  int hits = 0;
  for (int t = 0; t < 4; ++t) {
    const Impl::WordSet* s = impl_->typed[t];
    if (s && s->contains_hash(h)) {
      type = kTyped[t];
      ++hits;
    }
  }
  // Each key is in one set only (the asset script decides its type): two hits mean a hash
  // collision, and then neither type is evidence.
  return hits == 1;
}

uint32_t Gazetteer::max_words() const { return impl_ ? impl_->max_words : 0; }
size_t Gazetteer::name_count() const { return impl_ ? impl_->key_count() : 0; }
size_t Gazetteer::id_count() const { return impl_ ? impl_->ids.size() : 0; }
bool Gazetteer::has_words(std::string_view lang) const {
  return impl_ && (impl_->find_set(primary(lang), kForms) || impl_->find_set(primary(lang), kStems));
}

}  // namespace px
