// entity_link.cpp — mentions -> canonical entities (entity_link.h).
//
// The passes, each over clusters (one per distinct starting key) joined with a union-find whose
// roots carry what a join must respect (a gazetteer id, the type votes):
//   1. one cluster per gazetteer id, one per linking key
//   2. a key cluster joins the one known cluster that has the same key ("japan" without an id
//      in one article, with "C:JP" in another)
//   3. clusters whose phonetic keys are equal join ("ishiba" = "isiba"); multi-token person
//      names also in any token order ("ishiba shigeru" = "shigeru ishiba")
//   4. clusters whose phonetic keys are a few edits apart join (length-dependent threshold,
//      per token), candidates found by shared deletions (SymSpell) instead of all pairs
//   5. per mention, a lone surname joins the one multi-token person ending in it: in the same
//      document first, else in the corpus
// A name in Han script has no letters to compare: with LinkOptions::han_names its dictionary
// readings (石破茂 -> "ishiba shigeru", 基辅 -> "kyiv") take part in passes 2-5 beside its key.
// Joins never cross two different gazetteer ids, nor a person with a place or organisation.
// Then the entities are built (type by majority, display name, aliases) and the user's edits
// applied in order; finally they are numbered by mentions (most first) so the top N is a prefix.
#include "entity_link.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "han_names.h"
#include "text_fold.h"

namespace px {

namespace {

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
bool is_letter(char c) { return c >= 'a' && c <= 'z'; }
bool is_consonant(char c) { return is_letter(c) && !is_vowel(c); }

void collapse_doubles(std::string& t) {
  size_t w = 0;
  for (size_t r = 0; r < t.size(); ++r)
    if (w == 0 || t[r] != t[w - 1] || !is_letter(t[r])) t[w++] = t[r];
  t.resize(w);
}

// One token of phonetic_key(). The classes merge what transliteration conventions of the
// corpus languages spell differently for the same sound: Исиба is "isiba" (ru) where the
// English spelling is "Ishiba"; Рютте is "rjutte" (de/ISO) or "ryutte" (en) for "Rutte";
// Путин is "Poutine" in French.
std::string phonetic_token(std::string_view in, bool east_asian) {
  std::string t;
  t.reserve(in.size());
  for (size_t i = 0; i < in.size();) {
    auto at = [&](std::string_view s) { return in.substr(i, s.size()) == s; };
    if (at("tsch") || at("shch")) { t += 's'; i += 4; continue; }
    if (at("sch")) { t += 's'; i += 3; continue; }
    if (at("sh") || at("ch") || at("zh")) { t += 's'; i += 2; continue; }
    if (at("kh")) { t += 'h'; i += 2; continue; }
    if (at("ph")) { t += 'f'; i += 2; continue; }
    if (at("th")) { t += 't'; i += 2; continue; }
    if (at("ck")) { t += 'k'; i += 2; continue; }
    if (at("ou")) { t += 'u'; i += 2; continue; }
    char c = in[i++];
    switch (c) {
      case 'j': case 'y': c = 'i'; break;
      case 'w': c = 'v'; break;
      case 'c': case 'q': c = 'k'; break;
      case 'z': c = 's'; break;
      case 'l': c = 'r'; break;  // kana write both as r: ゼレンスキー is "zerensuki"
      default: break;
    }
    t += c;
  }
  collapse_doubles(t);
  // Kana spell a consonant cluster with an echo u ("makuron" for Macron, "zerensuki"): for
  // names written in kana, a u between two consonants goes.
  if (east_asian) {
    std::string v;
    v.reserve(t.size());
    for (size_t i = 0; i < t.size(); ++i) {
      if (t[i] == 'u' && i > 0 && i + 1 < t.size() && is_consonant(t[i - 1]) && is_consonant(t[i + 1])) continue;
      v += t[i];
    }
    t = std::move(v);
  }
  // A glide between a consonant and a vowel is how Cyrillic я/ю/ё and kana ャ/ュ/ョ come out
  // in Latin ("rjutte", "ryutte"); the plain spelling has none ("rutte").
  std::string g;
  g.reserve(t.size());
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == 'i' && i > 0 && i + 1 < t.size() && is_consonant(t[i - 1]) && is_vowel(t[i + 1])) continue;
    g += t[i];
  }
  collapse_doubles(g);
  // Final vowels (Slavic case endings "Путина", the echo vowel of kana "メルツ" merutsu) are
  // kept: stripping them made Rutte and Ruto one person. A differing final vowel is one edit,
  // which pass 4 allows for names of 5 letters or more, and pass 5 tries the surname without it.
  return g;
}

std::vector<std::string_view> tokens_of(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '-')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '-') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// How many edits two phonetic keys of this length may differ by. Short names are only ever
// equal: "rut" and "rot", "kim" and "lim" are different people.
int edit_threshold(size_t len) { return len <= 4 ? 0 : len <= 8 ? 1 : 2; }

int levenshtein(std::string_view a, std::string_view b, int limit) {
  const size_t n = a.size(), m = b.size();
  if (static_cast<int>(n > m ? n - m : m - n) > limit) return limit + 1;
  std::array<int, 64> prev{}, cur{};
  if (m + 1 > prev.size()) return limit + 1;  // names are short; a 60-letter key is not a name
  for (size_t j = 0; j <= m; ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = static_cast<int>(i);
    int row_min = cur[0];
    for (size_t j = 1; j <= m; ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1] ? 1 : 0)});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    prev = cur;
  }
  return prev[m];
}

// Token by token: same number of tokens, each within its own threshold, the whole within its.
bool close_enough(std::string_view a, std::string_view b) {
  const int whole = std::max(edit_threshold(a.size()), edit_threshold(b.size()));
  if (whole == 0) return false;
  auto ta = tokens_of(a), tb = tokens_of(b);
  if (ta.size() != tb.size()) return false;
  int total = 0;
  for (size_t i = 0; i < ta.size(); ++i) {
    // The longer token's allowance: "mark"/"marka" (a case ending) is one edit.
    const int lim = std::max(edit_threshold(ta[i].size()), edit_threshold(tb[i].size()));
    const int d = levenshtein(ta[i], tb[i], lim);
    if (d > lim) return false;
    total += d;
  }
  return total <= whole;
}

uint64_t fnv1a(std::string_view s, uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

// Every string made by deleting up to `d` characters of `s` (d <= 2), as hashes.
void deletion_hashes(const std::string& s, int d, std::vector<uint64_t>& out) {
  out.push_back(fnv1a(s));
  if (d < 1) return;
  std::string t;
  for (size_t i = 0; i < s.size(); ++i) {
    t = s;
    t.erase(i, 1);
    out.push_back(fnv1a(t));
    if (d < 2) continue;
    for (size_t j = i; j < t.size(); ++j) {
      std::string u = t;
      u.erase(j, 1);
      out.push_back(fnv1a(u));
    }
  }
}

bool is_latin(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    uint32_t cp;
    int len;
    if (c < 0x80) { cp = c; len = 1; }
    else if ((c & 0xE0) == 0xC0) { cp = c & 0x1F; len = 2; }
    else if ((c & 0xF0) == 0xE0) { cp = c & 0x0F; len = 3; }
    else { cp = c & 0x07; len = 4; }
    for (int k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += len;
    // Basic Latin to Latin Extended-B, IPA, spacing marks, combining marks, Latin Extended Additional,
    // general punctuation (’ – in "O’Brien", "Rutte–Ishiba").
    if (cp < 0x370 || (cp >= 0x1E00 && cp < 0x1F00) || (cp >= 0x2000 && cp < 0x2070)) continue;
    return false;
  }
  return true;
}

// Han, kana, Hangul: names written family name first.
bool is_east_asian(std::string_view s) {
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0xE3 || (c >= 0xE4 && c <= 0xE9) || (c >= 0xEA && c <= 0xED)) return true;
  }
  return false;
}

size_t token_count(std::string_view s) { return tokens_of(s).size(); }

bool types_compatible(EntityType a, EntityType b) {
  if (a == b || a == EntityType::Misc || b == EntityType::Misc) return true;
  // A country or city is often the actor ("Japan agreed"), tagged ORG by one recogniser and
  // LOC by another: the gazetteer id decides those; keys alone may join them.
  const bool a_geo = a == EntityType::Location || a == EntityType::Organisation;
  const bool b_geo = b == EntityType::Location || b == EntityType::Organisation;
  return a_geo && b_geo;
}

EntityType majority(const std::array<uint32_t, 4>& votes) {
  // Ties go to the more specific type (PER, ORG, LOC before MISC), in that order.
  size_t best = 3;
  for (size_t t = 0; t < 3; ++t)
    if (votes[t] > 0 && (votes[t] > votes[best] || (votes[t] == votes[best] && t < best))) best = t;
  if (votes[3] > votes[best]) best = 3;
  return static_cast<EntityType>(best);
}

bool has_han(std::string_view s) {
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]), d = static_cast<unsigned char>(s[i + 1]);
    // U+3400..U+9FFF: E3 90.. to E9 BF..
    if ((c == 0xE3 && d >= 0x90) || (c >= 0xE4 && c <= 0xE9)) return true;
  }
  return false;
}

// The readings of a Han-script key whose type class (P, G place-or-organisation, M) the
// dictionary's type agrees with: 石破茂 tagged as a place gets no person's reading.
bool han_reading(const HanNames& names, std::string_view key, char cls, HanReading& r) {
  if (!has_han(key)) return false;
  // "弗拉基米尔·普京" comes as "弗拉基米尔 普京": a transliterated Western name, surname last.
  bool found = names.find(key, r);
  if (!found && key.find(' ') != std::string_view::npos) found = names.find(key.substr(key.rfind(' ') + 1), r);
  if (!found) return false;
  if (r.type == EntityType::Person) return cls == 'P' || cls == 'M';
  if (r.type == EntityType::Location || r.type == EntityType::Organisation) return cls == 'G' || cls == 'M';
  return true;
}

struct Cluster {
  std::string key;        // the starting key: a linking key, or the known id
  std::string known_id;   // for the root: the id of any member
  bool known_start = false;  // this cluster is a gazetteer id's (key is the id)
  std::array<uint32_t, 4> votes{};
  bool multi = false;     // some member key has several tokens
  bool east_asian = false;       // for a root: some member's mentions are written in Han/kana
  bool own_east_asian = false;   // this cluster's own mentions are (never merged by join)
  uint32_t parent = 0;
  // A Han-script key's dictionary readings (HanNames), as Latin linking keys.
  std::vector<std::string> readings;
  std::string reading_surname;       // people: the family name of the reading ("ishiba")
  bool reading_family_only = false;  // the key is a family name alone (石破)
};

struct Linker {
  std::vector<Cluster> c;
  uint32_t find(uint32_t x) {
    while (c[x].parent != x) {
      c[x].parent = c[c[x].parent].parent;
      x = c[x].parent;
    }
    return x;
  }
  bool can_join(uint32_t a, uint32_t b) {
    a = find(a), b = find(b);
    if (a == b) return false;
    if (!c[a].known_id.empty() && !c[b].known_id.empty() && c[a].known_id != c[b].known_id) return false;
    return types_compatible(majority(c[a].votes), majority(c[b].votes));
  }
  bool join(uint32_t a, uint32_t b) {
    if (!can_join(a, b)) return false;
    a = find(a), b = find(b);
    if (b < a) std::swap(a, b);  // the older cluster stays the root: deterministic
    c[b].parent = a;
    if (c[a].known_id.empty()) c[a].known_id = c[b].known_id;
    for (size_t t = 0; t < 4; ++t) c[a].votes[t] += c[b].votes[t];
    c[a].multi = c[a].multi || c[b].multi;
    c[a].east_asian = c[a].east_asian || c[b].east_asian;
    return true;
  }
};

struct Flat {
  uint32_t doc, mention, cluster;
};

bool parse_type(std::string_view v, EntityType& t) {
  std::string s = fold_for_search(v);
  if (s == "per" || s == "person") t = EntityType::Person;
  else if (s == "org" || s == "organisation" || s == "organization") t = EntityType::Organisation;
  else if (s == "loc" || s == "location" || s == "place") t = EntityType::Location;
  else if (s == "misc") t = EntityType::Misc;
  else return false;
  return true;
}

// An entity while edits are applied: mentions as flat indices.
struct Draft {
  std::string key;
  std::string name;
  bool renamed = false;
  bool type_set = false;
  EntityType type = EntityType::Misc;
  std::string known_id;
  std::vector<uint32_t> mentions;  // indices into the flat mention list, corpus order
  // Surface forms: (form, (count, first flat index)), most frequent first, then first seen.
  std::vector<std::pair<std::string_view, std::pair<uint32_t, uint32_t>>> forms;
  bool alive = true;
};

}  // namespace

std::string phonetic_key(std::string_view key, bool east_asian) {
  std::string out;
  for (std::string_view tok : tokens_of(key)) {
    if (!out.empty()) out += ' ';
    out += phonetic_token(tok, east_asian);
  }
  return out;
}

uint32_t find_entity(const EntityIndex& index, std::string_view key) {
  for (size_t i = 0; i < index.keys.size(); ++i)
    if (index.keys[i] == key) return static_cast<uint32_t>(i);
  return EntityIndex::kNoEntity;
}

EntityIndex link_entities(const Corpus& corpus, const std::vector<EntityEdit>& edits, const LinkOptions& options) {
  EntityIndex out;
  out.mention_entity.resize(corpus.size());
  Linker L;
  std::vector<Flat> flat;
  std::unordered_map<std::string, uint32_t> by_key;      // starting key -> cluster
  std::unordered_map<std::string, uint32_t> by_known;    // known id -> cluster
  // Pass 1: clusters by gazetteer id, else by linking key.
  for (uint32_t d = 0; d < corpus.size(); ++d) {
    const Document& doc = corpus.doc(d);
    const auto& ms = doc.analysis.mentions;
    out.mention_entity[d].assign(ms.size(), EntityIndex::kNoEntity);
    for (uint32_t i = 0; i < ms.size(); ++i) {
      const MentionInfo& m = ms[i];
      // A demonym stands for its country only; without the option, or without a country, it is
      // not a mention of anything.
      if (m.demonym && (!options.demonyms_count || m.known_id.empty())) continue;
      std::string key = m.key.empty() ? fold_for_search(doc.slice(m.span)) : m.key;
      if (key.empty() && m.known_id.empty()) continue;
      uint32_t id;
      auto& table = m.known_id.empty() ? by_key : by_known;
      // Key clusters are per type class, so that "Jordan" the person and "Jordan" the country
      // start apart; MISC and noisy tags join by the phonetic pass, which checks the types.
      const char cls = m.type == EntityType::Person ? 'P' : m.type == EntityType::Misc ? 'M' : 'G';
      const std::string k = m.known_id.empty() ? cls + key : m.known_id;
      auto it = table.find(k);
      if (it == table.end()) {
        id = static_cast<uint32_t>(L.c.size());
        Cluster cl;
        cl.key = m.known_id.empty() ? key : m.known_id;
        cl.known_id = m.known_id;
        cl.known_start = !m.known_id.empty();
        cl.parent = id;
        HanReading r;
        if (m.known_id.empty() && options.han_names && han_reading(*options.han_names, key, cls, r)) {
          cl.readings = std::move(r.keys);
          cl.reading_surname = std::move(r.surname);
          cl.reading_family_only = r.family_only;
          // A full name read as several words is a multi-token person (sorted-token matching
          // in pass 3, a surname for pass 5).
          if (r.type == EntityType::Person && !r.family_only)
            for (const std::string& k2 : cl.readings) cl.multi = cl.multi || k2.find(' ') != std::string::npos;
        }
        L.c.push_back(std::move(cl));
        table.emplace(k, id);
      } else {
        id = it->second;
      }
      Cluster& cl = L.c[id];
      cl.votes[static_cast<size_t>(m.type)]++;
      if (!cl.multi && key.find_first_of(" -") != std::string::npos) cl.multi = true;  // as tokens_of()
      if (!cl.east_asian && is_east_asian(doc.slice(m.span))) cl.east_asian = cl.own_east_asian = true;
      flat.push_back({d, i, id});
    }
  }
  const uint32_t n_clusters = static_cast<uint32_t>(L.c.size());

  // The keys seen under each known id (pass 2 and 3 compare with them).
  std::vector<std::vector<std::string>> known_keys(n_clusters);
  {
    std::unordered_set<uint64_t> seen;  // (cluster, key) hashed: a collision only drops a spelling
    for (const Flat& f : flat) {
      const Cluster& cl = L.c[f.cluster];
      if (!cl.known_start) continue;
      const MentionInfo& m = corpus.doc(f.doc).analysis.mentions[f.mention];
      if (m.key.empty() || m.demonym) continue;  // "japanisch" is not a spelling of Japan
      if (seen.insert(fnv1a(m.key, f.cluster * 0x9E3779B97F4A7C15ull + 1)).second) known_keys[f.cluster].push_back(m.key);
    }
  }

  // Pass 2: a key that names exactly one known id joins it.
  {
    std::unordered_map<std::string, uint32_t> key_to_known;  // UINT32_MAX: ambiguous
    for (uint32_t k = 0; k < n_clusters; ++k)
      for (const std::string& key : known_keys[k]) {
        auto [it, fresh] = key_to_known.emplace(key, k);
        if (!fresh && it->second != k) it->second = UINT32_MAX;
      }
    for (uint32_t k = 0; k < n_clusters; ++k) {  // in cluster order: joins are order-dependent
      if (L.c[k].known_start) continue;
      auto it = key_to_known.find(L.c[k].key);
      if (it != key_to_known.end() && it->second != UINT32_MAX) L.join(it->second, k);
      for (const std::string& r : L.c[k].readings) {  // 基辅 read "kyiv" -> the known Kyiv
        auto ir = key_to_known.find(r);
        if (ir != key_to_known.end() && ir->second != UINT32_MAX && L.join(ir->second, k)) break;
      }
    }
  }

  // Pass 3: equal phonetic keys. Entries: (phonetic key, cluster); for multi-token persons also
  // the sorted tokens, so family-name-first spellings meet given-name-first ones.
  std::vector<std::pair<std::string, uint32_t>> entries;
  entries.reserve(n_clusters + n_clusters / 4);
  for (uint32_t k = 0; k < n_clusters; ++k) {
    std::vector<std::string> keys;
    if (!L.c[k].known_start) keys.push_back(L.c[k].key);
    else keys = known_keys[k];
    // A cluster with kana spellings gets both keys: its Latin members ("rutte") must still meet
    // other Latin keys unchanged.
    if (L.c[k].east_asian) {
      const size_t n = keys.size();
      for (size_t i = 0; i < n; ++i) keys.push_back("\x02" + keys[i]);
    }
    // Dictionary readings are Latin spellings: compared as they are, never as kana.
    keys.insert(keys.end(), L.c[k].readings.begin(), L.c[k].readings.end());
    for (const std::string& key0 : keys) {
      const bool ea = !key0.empty() && key0[0] == '\x02';
      const std::string_view key = ea ? std::string_view(key0).substr(1) : std::string_view(key0);
      std::string p = phonetic_key(key, ea);
      if (p.empty()) continue;
      if (L.c[k].multi && majority(L.c[k].votes) == EntityType::Person) {
        std::vector<std::string_view> toks = tokens_of(p);
        if (toks.size() > 1) {
          std::sort(toks.begin(), toks.end());
          std::string sorted = "\x01";  // its own namespace: never equal to a plain key
          for (auto t : toks) (sorted += t) += ' ';
          entries.emplace_back(std::move(sorted), k);
        }
      }
      entries.emplace_back(std::move(p), k);
    }
  }
  std::sort(entries.begin(), entries.end());
  for (size_t i = 1; i < entries.size(); ++i)
    if (entries[i].first == entries[i - 1].first) L.join(entries[i - 1].second, entries[i].second);

  // Pass 4: phonetic keys a few edits apart. Two strings within distance d share a string
  // obtained by at most d deletions from each: group the deletion hashes, verify candidates.
  {
    std::vector<std::pair<std::string, uint32_t>> plain;  // one per distinct phonetic key
    for (size_t i = 0; i < entries.size(); ++i)
      if (entries[i].first[0] != '\x01' && (i == 0 || entries[i].first != entries[i - 1].first))
        plain.push_back(entries[i]);
    std::vector<std::pair<uint64_t, uint32_t>> dels;  // (hash, index into plain)
    std::vector<uint64_t> hs;
    for (uint32_t i = 0; i < plain.size(); ++i) {
      const int d = edit_threshold(plain[i].first.size());
      if (d == 0) continue;
      hs.clear();
      deletion_hashes(plain[i].first, d, hs);
      std::sort(hs.begin(), hs.end());
      hs.erase(std::unique(hs.begin(), hs.end()), hs.end());
      for (uint64_t h : hs) dels.emplace_back(h, i);
    }
    std::sort(dels.begin(), dels.end());
    std::vector<std::pair<uint32_t, uint32_t>> cands;
    for (size_t i = 0; i < dels.size();) {
      size_t j = i;
      while (j < dels.size() && dels[j].first == dels[i].first) ++j;
      // A deletion shared by very many keys ("a", "s") says nothing: cap the pairs it makes.
      if (j - i <= 64)
        for (size_t x = i; x < j; ++x)
          for (size_t y = x + 1; y < j; ++y) cands.emplace_back(dels[x].second, dels[y].second);
      i = j;
    }
    std::sort(cands.begin(), cands.end());
    cands.erase(std::unique(cands.begin(), cands.end()), cands.end());
    for (auto [x, y] : cands)
      if (L.can_join(plain[x].second, plain[y].second) && close_enough(plain[x].first, plain[y].first))
        L.join(plain[x].second, plain[y].second);
  }

  // Pass 5: a lone surname -> the one multi-token person ending in it (family name first for
  // names written in Han or kana), in the same document first, else in the corpus.
  std::vector<uint32_t> root(flat.size());
  for (size_t i = 0; i < flat.size(); ++i) root[i] = L.find(flat[i].cluster);
  {
    // Surnames interned: per cluster the id of its surname (a multi-token person) and of its
    // lone key (a single token), so the per-mention loop compares integers.
    constexpr int32_t kNone = -1, kUnset = -2;
    std::unordered_map<std::string, int32_t> surname_ids;
    std::vector<std::vector<uint32_t>> by_surname;  // surname id -> person roots
    std::vector<int32_t> surname(n_clusters, kNone), lone(n_clusters, kUnset);
    for (uint32_t k = 0; k < n_clusters; ++k) {
      const uint32_t r = L.find(k);
      if (!L.c[k].multi || L.c[k].known_start || majority(L.c[r].votes) != EntityType::Person) continue;
      std::string name;
      if (!L.c[k].reading_surname.empty()) {  // 石破茂: the dictionary knows which word is the family name
        name = phonetic_key(L.c[k].reading_surname);
      } else {
        // Its own script decides the order: "Shigeru Ishiba" keeps its surname last after it
        // joined 石破茂 (the root's east_asian flag is the members' together).
        std::string p = phonetic_key(L.c[k].key, L.c[k].own_east_asian);
        std::vector<std::string_view> toks = tokens_of(p);
        if (toks.size() < 2) continue;
        name = std::string(L.c[k].own_east_asian ? toks.front() : toks.back());
      }
      if (name.empty()) continue;
      auto [it, fresh] = surname_ids.emplace(std::move(name), static_cast<int32_t>(by_surname.size()));
      if (fresh) by_surname.emplace_back();
      surname[k] = it->second;
      auto& v = by_surname[it->second];
      if (std::find(v.begin(), v.end(), r) == v.end()) v.push_back(r);
    }
    auto lone_id = [&](uint32_t k) {
      if (lone[k] != kUnset) return lone[k];
      lone[k] = kNone;
      auto try_key = [&](std::string p) {
        auto it = surname_ids.find(p);
        if (it == surname_ids.end() && p.size() >= 5 && is_vowel(p.back())) {  // "putina" -> "putin"
          p.pop_back();
          it = surname_ids.find(p);
        }
        return it == surname_ids.end() ? kNone : it->second;
      };
      for (bool ea : {false, true}) {
        if (ea && !L.c[k].own_east_asian) break;
        if (int32_t id = try_key(phonetic_key(L.c[k].key, ea)); id != kNone) return lone[k] = id;
      }
      for (const std::string& r : L.c[k].readings)  // 石破 read "ishiba"
        if (r.find(' ') == std::string::npos)
          if (int32_t id = try_key(phonetic_key(r)); id != kNone) return lone[k] = id;
      return lone[k];
    };
    // The surname a single-token root stands for: its members' ("Putin" and プーチン "puchin",
    // joined by pass 4) when they agree on one.
    std::vector<int32_t> root_lone(n_clusters, kUnset);
    for (uint32_t k = 0; k < n_clusters; ++k) {
      const uint32_t r = L.find(k);
      if (L.c[r].multi || L.c[k].known_start) continue;
      const int32_t id = lone_id(k);
      if (id == kNone) continue;
      root_lone[r] = root_lone[r] == kUnset || root_lone[r] == id ? id : kNone;
    }
    size_t doc_begin = 0;
    for (size_t i = 0; i < flat.size(); ++i) {
      if (i > 0 && flat[i].doc != flat[i - 1].doc) doc_begin = i;
      const uint32_t k = flat[i].cluster;
      const uint32_t r = root[i];
      if (L.c[r].multi || L.c[k].known_start) continue;
      const MentionInfo& m = corpus.doc(flat[i].doc).analysis.mentions[flat[i].mention];
      if (m.type != EntityType::Person && m.type != EntityType::Misc) continue;
      int32_t p = lone_id(k);            // its own spelling's surname first,
      if (p == kNone) p = root_lone[r];  // else the one its root agrees on
      if (p < 0) continue;
      // Same document: the people of this document with that surname.
      uint32_t found = UINT32_MAX;
      bool ambiguous = false;
      for (size_t j = doc_begin; j < flat.size() && flat[j].doc == flat[i].doc; ++j) {
        if (surname[flat[j].cluster] != p) continue;
        const uint32_t rj = L.find(flat[j].cluster);
        if (found == UINT32_MAX) found = rj;
        else if (found != rj) ambiguous = true;
      }
      if (found == UINT32_MAX && by_surname[p].size() == 1) found = by_surname[p][0];
      // Per mention, not per cluster: "Kim" may be one person in one article, another elsewhere.
      if (found != UINT32_MAX && !ambiguous && (found == r || L.can_join(found, r))) root[i] = found;
    }
  }

  // Entities from the roots.
  std::vector<Draft> drafts;
  {
    std::vector<uint32_t> draft_of(n_clusters, UINT32_MAX);  // root cluster -> draft
    for (uint32_t i = 0; i < flat.size(); ++i) {
      uint32_t& di = draft_of[root[i]];
      if (di == UINT32_MAX) {
        di = static_cast<uint32_t>(drafts.size());
        drafts.emplace_back();
        drafts.back().known_id = L.c[root[i]].known_id;
      }
      drafts[di].mentions.push_back(i);
    }
  }
  auto mention_of = [&](uint32_t f) -> const MentionInfo& {
    return corpus.doc(flat[f].doc).analysis.mentions[flat[f].mention];
  };
  auto surface_of = [&](uint32_t f) { return corpus.doc(flat[f].doc).slice(mention_of(f).span); };
  // Name and key of a draft from its mentions (called again after merges and splits).
  auto describe = [&](Draft& d) {
    std::array<uint32_t, 4> votes{};
    std::unordered_map<std::string_view, std::pair<uint32_t, uint32_t>> forms;  // surface -> (count, first)
    forms.reserve(16);
    for (uint32_t f : d.mentions) {
      const MentionInfo& m = mention_of(f);
      if (!m.demonym) votes[static_cast<size_t>(m.type)]++;
      auto [it, fresh] = forms.emplace(corpus.doc(flat[f].doc).slice(m.span), std::make_pair(0u, f));
      it->second.first++;
    }
    d.forms.assign(forms.begin(), forms.end());
    std::sort(d.forms.begin(), d.forms.end(), [](const auto& x, const auto& y) {
      return x.second.first != y.second.first ? x.second.first > y.second.first : x.second.second < y.second.second;
    });
    if (!d.type_set) {
      if (votes == std::array<uint32_t, 4>{}) for (uint32_t f : d.mentions) votes[static_cast<size_t>(mention_of(f).type)]++;
      d.type = majority(votes);
    }
    std::string_view best;
    uint32_t best_first = 0;
    {
      // How often the corpus writes each last word ("Putin" in "Putin", "Vladimir Putin",
      // "Путин" aside): between equally full forms, the one whose family name most mentions
      // use wins, so "Vladimir Putin" (en, de, it, es) names the entity, not the French
      // "Vladimir Poutine" that happened to come first.
      auto last_word = [](std::string_view form) {
        const size_t sp = form.find_last_of(' ');
        return sp == std::string_view::npos ? form : form.substr(sp + 1);
      };
      std::unordered_map<std::string_view, uint32_t> last_words;
      for (const auto& [form, cf] : d.forms)
        if (is_latin(form)) last_words[last_word(form)] += cf.first;
      size_t best_tokens = 0;
      uint32_t best_count = 0, best_support = 0;
      bool best_latin = false;
      for (const auto& [form, cf] : d.forms) {
        const bool latin = is_latin(form);
        const size_t tk = latin ? token_count(form) : 0;
        const uint32_t support = latin ? last_words[last_word(form)] : 0;
        const bool demonym = mention_of(cf.second).demonym;
        // Latin script first, then the fullest form, then the most used family name, then the
        // most frequent form, then the earliest; a demonym ("Japanese") names its country only
        // when nothing else does.
        auto rank = std::make_tuple(!demonym, latin, tk, support, cf.first, -static_cast<int64_t>(cf.second));
        auto best_rank = std::make_tuple(best.empty() ? false : !mention_of(best_first).demonym, best_latin,
                                         best_tokens, best_support, best_count, -static_cast<int64_t>(best_first));
        if (best.empty() || rank > best_rank) {
          best = form, best_first = cf.second, best_tokens = tk, best_count = cf.first, best_latin = latin, best_support = support;
        }
      }
    }
    if (!d.renamed) {
      std::string kn = (!d.known_id.empty() && options.known_name) ? options.known_name(d.known_id) : std::string();
      d.name = kn.empty() ? std::string(best) : kn;
    }
    if (d.key.empty()) {
      const MentionInfo& m = mention_of(best_first);
      d.key = !d.known_id.empty() ? d.known_id : !m.key.empty() ? m.key : fold_for_search(best);
    }
  };
  for (Draft& d : drafts) describe(d);

  // Canonical keys must be unique for edits to address one entity: a second "ishiba" (a
  // different person nobody could link) becomes "ishiba#2", in corpus order, so stably.
  std::unordered_map<std::string, uint32_t> key_index;
  auto register_key = [&](uint32_t di) {
    std::string k = drafts[di].key;
    for (int n = 2; key_index.count(k); ++n) k = drafts[di].key + "#" + std::to_string(n);
    drafts[di].key = k;
    key_index.emplace(k, di);
  };
  for (uint32_t di = 0; di < drafts.size(); ++di) register_key(di);

  // The user's edits, in order. One whose entity is gone is skipped (kept by the caller: the
  // corpus may bring the entity back).
  for (const EntityEdit& e : edits) {
    auto ia = key_index.find(e.a);
    if (ia == key_index.end()) continue;
    Draft& a = drafts[ia->second];
    switch (e.kind) {
      case EntityEdit::Kind::Merge: {
        auto ib = key_index.find(e.b);
        if (ib == key_index.end() || ib->second == ia->second) break;
        Draft& b = drafts[ib->second];
        std::vector<uint32_t> all;
        all.reserve(a.mentions.size() + b.mentions.size());
        std::merge(a.mentions.begin(), a.mentions.end(), b.mentions.begin(), b.mentions.end(), std::back_inserter(all));
        a.mentions = std::move(all);
        if (a.known_id.empty()) a.known_id = b.known_id;
        b.mentions.clear();
        b.alive = false;
        key_index.erase(ib);
        describe(a);
        break;
      }
      case EntityEdit::Kind::Split: {
        std::vector<uint32_t> keep, take;
        for (uint32_t f : a.mentions) {
          const MentionInfo& m = mention_of(f);
          (m.key == e.b || fold_for_search(surface_of(f)) == e.b ? take : keep).push_back(f);
        }
        if (take.empty() || keep.empty()) break;
        const uint32_t ai = ia->second;
        drafts[ai].mentions = std::move(keep);
        Draft nd;
        nd.mentions = std::move(take);
        describe(drafts[ai]);
        nd.known_id.clear();  // the id stays with the entity it came from
        drafts.push_back(std::move(nd));
        describe(drafts.back());
        register_key(static_cast<uint32_t>(drafts.size() - 1));
        break;
      }
      case EntityEdit::Kind::Rename:
        if (!e.value.empty()) a.name = e.value, a.renamed = true;
        break;
      case EntityEdit::Kind::SetType: {
        EntityType t;
        if (parse_type(e.value, t)) a.type = t, a.type_set = true;
        break;
      }
    }
  }

  // Number them: most mentions first, then by key, so ids are stable for the same corpus.
  std::vector<uint32_t> order;
  for (uint32_t di = 0; di < drafts.size(); ++di)
    if (drafts[di].alive && !drafts[di].mentions.empty()) order.push_back(di);
  std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
    if (drafts[x].mentions.size() != drafts[y].mentions.size()) return drafts[x].mentions.size() > drafts[y].mentions.size();
    return drafts[x].key < drafts[y].key;
  });
  out.entities.resize(order.size());
  out.keys.resize(order.size());
  for (uint32_t id = 0; id < order.size(); ++id) {
    Draft& d = drafts[order[id]];
    Entity& e = out.entities[id];
    e.id = id;
    e.name = std::move(d.name);
    e.type = d.type;
    e.known_id = d.known_id;
    out.keys[id] = std::move(d.key);
    uint32_t last_doc = UINT32_MAX;
    e.mentions.reserve(d.mentions.size());
    for (uint32_t f : d.mentions) {
      e.mentions.push_back({flat[f].doc, flat[f].mention});
      out.mention_entity[flat[f].doc][flat[f].mention] = id;
      if (flat[f].doc != last_doc) ++e.documents, last_doc = flat[f].doc;
    }
    e.aliases.reserve(d.forms.size());
    for (const auto& f : d.forms) e.aliases.emplace_back(f.first);
  }
  return out;
}

namespace {
const char* kind_name(EntityEdit::Kind k) {
  switch (k) {
    case EntityEdit::Kind::Merge: return "merge";
    case EntityEdit::Kind::Split: return "split";
    case EntityEdit::Kind::Rename: return "rename";
    case EntityEdit::Kind::SetType: return "set_type";
  }
  return "?";
}
}  // namespace

nlohmann::json edits_to_json(const std::vector<EntityEdit>& edits) {
  nlohmann::json j = nlohmann::json::array();
  for (const EntityEdit& e : edits) {
    nlohmann::json x = {{"kind", kind_name(e.kind)}, {"a", e.a}, {"b", e.b}, {"value", e.value}};
    if (!e.a_name.empty()) x["a_name"] = e.a_name;
    if (!e.b_name.empty()) x["b_name"] = e.b_name;
    j.push_back(std::move(x));
  }
  return j;
}

Status edits_from_json(const nlohmann::json& j, std::vector<EntityEdit>& edits) {
  edits.clear();
  if (!j.is_array()) return Status::Error("entity edits: expected a JSON array of edits; none were loaded");
  std::string problems;
  size_t bad = 0;
  for (size_t i = 0; i < j.size(); ++i) {
    const nlohmann::json& x = j[i];
    auto str = [&](const char* field) -> std::string {
      if (!x.is_object() || !x.contains(field) || !x[field].is_string()) return {};
      return x[field].get<std::string>();
    };
    EntityEdit e;
    const std::string kind = str("kind");
    if (kind == "merge") e.kind = EntityEdit::Kind::Merge;
    else if (kind == "split") e.kind = EntityEdit::Kind::Split;
    else if (kind == "rename") e.kind = EntityEdit::Kind::Rename;
    else if (kind == "set_type") e.kind = EntityEdit::Kind::SetType;
    else {
      if (bad++ == 0) problems = "edit " + std::to_string(i + 1) + " has kind '" + kind +
                                 "' (expected merge, split, rename or set_type)";
      continue;
    }
    e.a = str("a");
    e.b = str("b");
    e.value = str("value");
    e.a_name = str("a_name");  // optional: files saved before these fields load as before
    e.b_name = str("b_name");
    if (e.a.empty()) {
      if (bad++ == 0) problems = "edit " + std::to_string(i + 1) + " names no entity (\"a\")";
      continue;
    }
    edits.push_back(std::move(e));
  }
  if (bad == 0) return Status::Ok();
  return Status::Error("entity edits: " + problems + (bad > 1 ? " and " + std::to_string(bad - 1) + " more" : "") +
                       "; those were skipped, the other " + std::to_string(edits.size()) + " kept");
}

}  // namespace px
