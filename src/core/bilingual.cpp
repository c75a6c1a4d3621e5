// bilingual.cpp — the word bridges of bilingual.h: per-language TSV files read on first use,
// keyed by match keys in both languages, English concepts interned once for all languages.
#include "bilingual.h"

#include <algorithm>
#include <chrono>
#include <deque>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "encoding.h"
#include "stem.h"

namespace px {

namespace {

// The languages scripts/assets.d/bridge.sh generates a dictionary for.
constexpr std::string_view kBridgeLangs[] = {"de", "it", "fr", "es", "ru", "ja", "zh"};
// A dictionary asset is a few MB at most; anything much bigger is not ours.
constexpr size_t kMaxBridgeBytes = 32u << 20;
// Several headwords fold into one match key (it "beneficio"/"benefici"); their concepts are
// merged, capped so a key never fans out to a whole thesaurus.
constexpr size_t kMaxConceptsPerKey = 8;

// Regular plurals (and feminine forms) of a dictionary headword whose match key can differ from
// the headword's: Snowball leaves it "benefici" (benef) and "beneficio" (benefic) apart, and
// the dictionaries list lemmas while news text is full of plurals. Each variant's key is
// indexed too, its concepts ranked after those of real headwords with that key.
void append_variants(std::string_view w, std::string_view lang, std::vector<std::string>& out) {
  auto ends = [&](std::string_view suf) { return w.size() > suf.size() + 1 && w.substr(w.size() - suf.size()) == suf; };
  auto repl = [&](size_t cut, std::string_view add) {
    out.emplace_back(std::string(w.substr(0, w.size() - cut)) + std::string(add));
  };
  // Snowball's French, German and Russian stemmers conflate most noun plurals (fr
  // nucléaire/nucléaires, de Waffe/Waffen) but not: short French words (ami/amis) and German
  // verb endings (zeigen -> "zeig", zeigt -> "zeigt", betonte -> "betont"). Each variant costs a
  // stemming at load time, so only the forms Snowball misses are generated.
  if (lang == "it") {
    if (ends("io")) repl(2, "i");
    else if (ends("co")) { repl(2, "chi"); repl(2, "ci"); }
    else if (ends("go")) repl(2, "ghi");
    else if (ends("ca")) repl(2, "che");
    else if (ends("ga")) repl(2, "ghe");
    else if (ends("o") || ends("e")) repl(1, "i");
    else if (ends("a")) repl(1, "e");
  } else if (lang == "es") {
    if (ends("z")) repl(1, "ces");
    else if (ends("ión")) repl(3, "iones");
    else if (ends("a") || ends("e") || ends("o")) repl(0, "s");
    else if (!w.empty() && static_cast<unsigned char>(w.back()) < 0x80) repl(0, "es");
  } else if (lang == "fr") {
    if (!ends("s") && !ends("x") && !ends("z")) repl(0, "s");
  } else if (lang == "de" && w.size() >= 5 && ends("en")) {
    // Infinitive (or a noun in -en: its "verb forms" are harmless keys ranked last).
    const size_t cut = (ends("eln") || ends("ern")) ? 1 : 2;
    const std::string_view base = w.substr(0, w.size() - cut);
    const bool dental = base.back() == 't' || base.back() == 'd';
    repl(cut, dental ? "et" : "t");     // er/sie zeigt, arbeitet; participle of prefixed verbs
    repl(cut, dental ? "ete" : "te");   // zeigte, arbeitete (zeigten stems like zeigte)
    static constexpr std::string_view kPrefixes[] = {"be", "emp", "ent", "er", "ge", "miss", "ver", "zer"};
    bool prefixed = false;
    for (std::string_view p : kPrefixes) prefixed = prefixed || w.substr(0, p.size()) == p;
    if (!prefixed) out.emplace_back("ge" + std::string(base) + (dental ? "et" : "t"));  // gezeigt
  }
}

bool is_bridge_lang(std::string_view lang) {
  return std::find(std::begin(kBridgeLangs), std::end(kBridgeLangs), lang) != std::end(kBridgeLangs);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <class V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

// One flat list of (key slot, rank, line, concept) sorted once at the end: no vector per key,
// and every key string is stored once, in the language's index (its value holds the slot while
// building, the [begin, end) range after).
struct Ranked {
  uint32_t slot, rank, seq, id;
};

}  // namespace

// The state of one language's load between prepare() slices.
struct BridgeLoading {
  std::string bytes;  // the file (a load from disk; empty for add_tsv, which runs at once)
  std::string path;
  size_t pos = 0;     // next line to key
  std::vector<Ranked> ranked;
  std::vector<std::pair<uint32_t, uint32_t>*> slots;  // index values: node-based, stable
  uint32_t seq = 0;
  template <class Lang>
  uint32_t slot_of(Lang& lang, std::string_view k) {
    auto [it, fresh] = lang.index.try_emplace(std::string(k), 0u, 0u);
    if (fresh) {
      it->second.first = static_cast<uint32_t>(slots.size());
      slots.push_back(&it->second);
    }
    return it->second.first;
  }
};

struct BilingualDict::Impl {
  struct Lang {
    bool tried = false;            // the file was read (or reading failed: see status)
    Status status = Status::Ok();
    size_t headwords = 0;
    // key -> [begin, end) in ids. Built at load; a later add_tsv may grow `ids` (tests only),
    // which invalidates spans handed out before.
    StringMap<std::pair<uint32_t, uint32_t>> index;
    std::vector<uint32_t> ids;
    // German compounds not in the dictionary, split on first use (see compound()); node-based,
    // so spans into the vectors stay valid as it grows.
    StringMap<std::vector<uint32_t>> compounds;
    // A load in progress (prepare() reads a language a slice at a time); null otherwise.
    std::unique_ptr<struct BridgeLoading> loading;
  };

  std::string asset_dir;  // empty: no files (BilingualDict::empty)
  StringMap<Lang> langs;
  StringMap<uint32_t> concept_ids;  // English match key -> id
  std::vector<std::string> concept_names;
  // self_ids[i] == i: the one-element span concepts("en", ...) returns. A deque, so growing it
  // never moves the elements spans already point at.
  std::deque<uint32_t> self_ids;
  StringMap<uint32_t> english_cache;  // English translation as written -> concept id
  // English irregular forms (bridge/en-forms.tsv, "form<TAB>lemma" from WordNet's exception
  // lists): key of "knew" -> {its own concept, the concept of "know"}. Snowball stems "knew" and
  // "know" apart, so without this an English "knew" never meets fr "connaissait" (-> "know").
  // The form keeps its own concept because many forms are words too (saw, left, bases).
  // Node-based, so the spans concepts("en") hands out stay valid. Read on first English lookup
  // (about 6000 lines, a few ms: small enough for one frame).
  StringMap<std::vector<uint32_t>> en_forms;
  bool en_forms_tried = false;

  void load_en_forms(const Stemmer& stemmer) {
    en_forms_tried = true;
    if (asset_dir.empty()) return;
    // A missing or unreadable file only costs recall (older asset directories lack it).
    std::ifstream in(asset_dir + "/bridge/en-forms.tsv", std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      const size_t tab = line.find('\t');
      if (tab == std::string::npos) continue;
      const std::string fk = match_key_uncached(std::string_view(line).substr(0, tab), "en", stemmer);
      const std::string lk = match_key_uncached(std::string_view(line).substr(tab + 1), "en", stemmer);
      if (fk.empty() || lk.empty() || fk == lk) continue;
      auto [it, fresh] = en_forms.try_emplace(fk);
      if (fresh) it->second.push_back(intern(fk));
      const uint32_t id = intern(lk);
      if (std::find(it->second.begin(), it->second.end(), id) == it->second.end()) it->second.push_back(id);
    }
  }

  std::string path_of(std::string_view lang) const {
    return asset_dir + "/bridge/" + std::string(lang) + "-en.tsv";
  }

  uint32_t intern(std::string_view english_key) {
    auto it = concept_ids.find(english_key);
    if (it != concept_ids.end()) return it->second;
    const auto id = static_cast<uint32_t>(concept_names.size());
    concept_names.emplace_back(english_key);
    self_ids.push_back(id);
    concept_ids.emplace(std::string(english_key), id);
    return id;
  }

  // The concept of one English translation: the match key of each of its words, joined by
  // spaces (the assets hold single words; a phrase only matches the same phrase).
  bool english_concept(std::string_view english, const Stemmer& stemmer, uint32_t& out) {
    auto cached = english_cache.find(english);
    if (cached != english_cache.end()) {
      out = cached->second;
      return true;
    }
    std::string key;
    for (size_t i = 0; i < english.size();) {
      while (i < english.size() && english[i] == ' ') ++i;
      size_t j = english.find(' ', i);
      if (j == std::string_view::npos) j = english.size();
      if (j > i) {
        std::string k = match_key_uncached(english.substr(i, j - i), "en", stemmer);
        if (!k.empty()) {
          if (!key.empty()) key += ' ';
          key += k;
        }
      }
      i = j;
    }
    if (key.empty()) return false;
    out = intern(key);
    english_cache.emplace(std::string(english), out);
    return true;
  }

  // Parses "word<TAB>english; english" lines into `lang`'s index. Headwords whose match keys
  // coincide share one merged concept list. In three steps so prepare() can spread the keying
  // (the cost: a few hundred ms per language in wasm) over frames: begin_lines checks the format
  // and takes over what an earlier add_tsv put there, step_lines keys lines until a deadline,
  // finish_lines lays the lists out.
  Status add_lines(Lang& lang, std::string_view lang_code, std::string_view text, const Stemmer& stemmer,
                   const std::string& where) {
    BridgeLoading ld;
    if (Status st = begin_lines(lang, ld, text, where); !st.ok()) return st;
    step_lines(lang, ld, lang_code, text, stemmer, nullptr);
    finish_lines(lang, ld);
    return Status::Ok();
  }

  Status begin_lines(Lang& lang, BridgeLoading& ld, std::string_view text, const std::string& where) {
    if (!is_valid_utf8(text)) return Status::Error(where + " is not UTF-8");
    // Check the format before touching the index, so a bad line leaves what was there.
    size_t line_no = 0;
    for (size_t pos = 0; pos < text.size();) {
      size_t eol = text.find('\n', pos);
      if (eol == std::string_view::npos) eol = text.size();
      const std::string_view line = text.substr(pos, eol - pos);
      pos = eol + 1;
      ++line_no;
      if (line.empty() || line[0] == '#' || line == "\r") continue;
      const size_t tab = line.find('\t');
      if (tab == std::string_view::npos || tab == 0) {
        return Status::Error(where + ":" + std::to_string(line_no) +
                             ": expected \"word<TAB>english; english\"");
      }
    }
    // What an earlier add_tsv put there keeps its order, ahead of the new lines.
    std::vector<std::pair<std::string, std::vector<uint32_t>>> old;
    for (auto& [k, r] : lang.index) old.emplace_back(k, std::vector<uint32_t>(lang.ids.begin() + r.first, lang.ids.begin() + r.second));
    lang.index.clear();
    for (auto& [k, ids] : old) {
      const uint32_t sl = ld.slot_of(lang, k);
      for (uint32_t id : ids) ld.ranked.push_back({sl, 0, ld.seq++, id});
    }
    lang.index.reserve(lang.index.size() + static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) * 3 / 2);
    return Status::Ok();
  }

  // Keys lines from ld.pos on; with a deadline, stops when it passes (checked every 64 lines).
  // Returns true when every line is done.
  bool step_lines(Lang& lang, BridgeLoading& ld, std::string_view lang_code, std::string_view text, const Stemmer& stemmer,
                  const std::chrono::steady_clock::time_point* deadline) {
    constexpr uint32_t kVariantRank = 1000;
    std::vector<std::string> forms;
    std::string headword;
    std::vector<uint32_t> line_ids;
    for (uint32_t n = 0; ld.pos < text.size(); ++n) {
      if (deadline && (n & 63) == 63 && std::chrono::steady_clock::now() >= *deadline) return false;
      size_t eol = text.find('\n', ld.pos);
      if (eol == std::string_view::npos) eol = text.size();
      std::string_view line = text.substr(ld.pos, eol - ld.pos);
      ld.pos = eol + 1;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.empty() || line[0] == '#') continue;
      const size_t tab = line.find('\t');  // present: checked by begin_lines
      headword.assign(trim(line.substr(0, tab)));
      // Uncached: dictionary words would only evict the corpus words the stemmer's cache is for.
      const std::string key = match_key_uncached(headword, lang_code, stemmer);
      if (key.empty()) continue;
      line_ids.clear();
      std::string_view rest = line.substr(tab + 1);
      while (!rest.empty()) {
        const size_t semi = rest.find(';');
        std::string_view english = trim(rest.substr(0, semi));
        rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
        uint32_t id;
        if (!english.empty() && english_concept(english, stemmer, id)) line_ids.push_back(id);
      }
      if (line_ids.empty()) continue;
      ++lang.headwords;
      const uint32_t sl = ld.slot_of(lang, key);
      for (uint32_t i = 0; i < line_ids.size(); ++i) ld.ranked.push_back({sl, i, ld.seq++, line_ids[i]});
      forms.clear();
      for (char& c : headword)  // the assets are lowercase; add_tsv input may not be (ASCII suffices here)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      append_variants(headword, lang_code, forms);
      for (const std::string& f : forms) {
        const std::string vk = match_key_uncached(f, lang_code, stemmer);
        if (vk.empty() || vk == key) continue;
        const uint32_t vs = ld.slot_of(lang, vk);
        for (uint32_t i = 0; i < line_ids.size(); ++i) ld.ranked.push_back({vs, kVariantRank + i, ld.seq++, line_ids[i]});
      }
    }
    return true;
  }

  // Several headwords can share a key (it "stabile", "stabilimento", "stabilità" all stem to
  // "stabil"), so each list is ordered by the position of the translation in its line, then by
  // line: every headword's first translation comes before any second one, and the cap cuts the
  // weakest. Variant keys (append_variants) rank after every real translation.
  void finish_lines(Lang& lang, BridgeLoading& ld) {
    auto& ranked = ld.ranked;
    std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
      return a.slot != b.slot ? a.slot < b.slot : a.rank != b.rank ? a.rank < b.rank : a.seq < b.seq;
    });
    lang.ids.clear();
    lang.compounds.clear();
    for (size_t i = 0; i < ranked.size();) {
      const uint32_t sl = ranked[i].slot;
      const auto begin = static_cast<uint32_t>(lang.ids.size());
      for (; i < ranked.size() && ranked[i].slot == sl; ++i) {
        if (lang.ids.size() - begin < kMaxConceptsPerKey &&
            std::find(lang.ids.begin() + begin, lang.ids.end(), ranked[i].id) == lang.ids.end())
          lang.ids.push_back(ranked[i].id);
      }
      *ld.slots[sl] = {begin, static_cast<uint32_t>(lang.ids.size())};
    }
  }

  // German writes compounds as one word (Verteidigungsausgaben, Premierminister) and the
  // dictionary has few of them: an unknown key gets the concepts of its head (the longest
  // suffix of at least 4 bytes that is a key, leaving at least 3 for the modifier), then
  // those of the modifier (with or without a linking -s/-n/-en/-e). Cached per key, empty too.
  std::span<const uint32_t> compound(Lang& lang, std::string_view key, const Stemmer& stemmer) {
    auto cached = lang.compounds.find(key);
    if (cached != lang.compounds.end()) return cached->second;
    constexpr size_t kMinHead = 4, kMinModifier = 3, kMaxHeadConcepts = 4;
    // The modifier's entry, with or without a linking -s/-n/-en/-e; nullptr if none.
    auto modifier = [&](std::string_view mod) -> const std::pair<uint32_t, uint32_t>* {
      for (std::string_view strip : {"", "s", "n", "en", "e"}) {
        if (mod.size() < kMinModifier + strip.size() || mod.substr(mod.size() - strip.size()) != strip) continue;
        auto m = lang.index.find(stemmer.match_key(mod.substr(0, mod.size() - strip.size()), "de"));
        if (m != lang.index.end()) return &m->second;
      }
      return nullptr;
    };
    // The longest head whose modifier is a word too (Weltraum: welt + raum, not wel + traum);
    // failing that, the longest head alone (Indopazifikraum: raum).
    const std::pair<uint32_t, uint32_t>* head = nullptr;
    const std::pair<uint32_t, uint32_t>* mod = nullptr;
    for (size_t i = kMinModifier; key.size() >= 8 && i + kMinHead <= key.size(); ++i) {
      if ((static_cast<unsigned char>(key[i]) & 0xC0) == 0x80) continue;  // inside a UTF-8 sequence
      auto h = lang.index.find(key.substr(i));
      if (h == lang.index.end()) continue;
      if (const auto* m = modifier(key.substr(0, i))) {
        head = &h->second;
        mod = m;
        break;
      }
      if (!head) head = &h->second;
    }
    std::vector<uint32_t> ids;
    auto add = [&](const std::pair<uint32_t, uint32_t>* r, size_t cap) {
      for (uint32_t j = r->first; j < r->second && ids.size() < cap; ++j)
        if (std::find(ids.begin(), ids.end(), lang.ids[j]) == ids.end()) ids.push_back(lang.ids[j]);
    };
    if (head) add(head, kMaxHeadConcepts);
    if (mod) add(mod, kMaxConceptsPerKey);
    return lang.compounds.emplace(std::string(key), std::move(ids)).first->second;
  }

  Lang& ensure_loaded(std::string_view lang_code, const Stemmer& stemmer) {
    Lang& lang = lang_of(lang_code);
    while (!load_step(lang, lang_code, stemmer, nullptr)) {
    }
    return lang;
  }

  Lang& lang_of(std::string_view lang_code) {
    auto it = langs.find(lang_code);
    if (it == langs.end()) it = langs.emplace(std::string(lang_code), Lang{}).first;
    return it->second;
  }

  // Reads the file (first call), keys lines until `deadline` (null: all), lays the index out
  // when done. Returns true when the language is loaded or failed (status says which).
  bool load_step(Lang& lang, std::string_view lang_code, const Stemmer& stemmer,
                 const std::chrono::steady_clock::time_point* deadline) {
    if (lang.loading) {
      BridgeLoading& ld = *lang.loading;
      if (!step_lines(lang, ld, lang_code, ld.bytes, stemmer, deadline)) return false;
      finish_lines(lang, ld);
      if (lang.headwords == 0)
        lang.status = Status::Error("bilingual dictionary " + ld.path + " has no entries: regenerate it with scripts/make-assets.sh");
      lang.loading.reset();
      return true;
    }
    if (lang.tried) return true;
    lang.tried = true;
    if (!is_bridge_lang(lang_code)) {
      lang.status = Status::Error("no bilingual dictionary for language \"" + std::string(lang_code) +
                                  "\" (bridges exist for de it fr es ru ja zh)");
      return true;
    }
    if (asset_dir.empty()) {
      if (lang.headwords == 0)
        lang.status = Status::Error("no bilingual dictionaries loaded (empty dictionary)");
      return true;
    }
    const std::string path = path_of(lang_code);
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      lang.status = Status::Error("bilingual dictionary " + path +
                                  " not found: generate it with scripts/make-assets.sh (scripts/assets.d/bridge.sh)");
      return true;
    }
    auto ld = std::make_unique<BridgeLoading>();
    ld->path = path;
    std::ostringstream ss;
    ss << in.rdbuf();
    ld->bytes = ss.str();
    if (ld->bytes.size() > kMaxBridgeBytes) {
      lang.status = Status::Error("bilingual dictionary " + path + " is too large (" +
                                  std::to_string(ld->bytes.size()) + " bytes): regenerate it with scripts/make-assets.sh");
      return true;
    }
    lang.status = begin_lines(lang, *ld, ld->bytes, path);
    if (!lang.status.ok()) return true;
    lang.loading = std::move(ld);
    return load_step(lang, lang_code, stemmer, deadline);
  }
};

BilingualDict::BilingualDict() : impl_(std::make_unique<Impl>()) {}
BilingualDict::~BilingualDict() = default;
BilingualDict::BilingualDict(BilingualDict&&) noexcept = default;
BilingualDict& BilingualDict::operator=(BilingualDict&&) noexcept = default;

Result<BilingualDict> BilingualDict::load(const std::string& asset_dir) {
  const std::string dir = asset_dir + "/bridge";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return Result<BilingualDict>::Error("bilingual dictionaries not found: " + dir +
                                        " is missing (scripts/make-assets.sh generates it)");
  }
  BilingualDict d;
  d.impl_->asset_dir = asset_dir;
  return d;
}

BilingualDict BilingualDict::empty() { return BilingualDict(); }

Status BilingualDict::add_tsv(std::string_view lang, std::string_view tsv_text, const Stemmer& stemmer) {
  if (lang == "en") return Status::Error("add_tsv: English needs no dictionary (its concepts are its words)");
  auto it = impl_->langs.find(lang);
  if (it == impl_->langs.end()) it = impl_->langs.emplace(std::string(lang), Impl::Lang{}).first;
  Impl::Lang& l = it->second;
  Status s = impl_->add_lines(l, lang, tsv_text, stemmer, "add_tsv(" + std::string(lang) + ")");
  if (!s.ok()) return s;
  // Entries given by hand count as a dictionary (tests, languages without an asset file).
  l.tried = true;
  l.status = Status::Ok();
  return Status::Ok();
}

std::span<const uint32_t> BilingualDict::concepts(std::string_view lang, std::string_view key,
                                                  const Stemmer& stemmer) const {
  if (key.empty()) return {};
  if (lang == "en") {
    if (!impl_->en_forms_tried) impl_->load_en_forms(stemmer);
    auto f = impl_->en_forms.find(key);
    if (f != impl_->en_forms.end()) return std::span<const uint32_t>(f->second);
    const uint32_t id = impl_->intern(key);
    return std::span<const uint32_t>(&impl_->self_ids[id], 1);
  }
  Impl::Lang& l = impl_->ensure_loaded(lang, stemmer);
  auto it = l.index.find(key);
  if (it == l.index.end()) return lang == "de" && !l.index.empty() ? impl_->compound(l, key, stemmer)
                                                                   : std::span<const uint32_t>();
  return std::span<const uint32_t>(l.ids.data() + it->second.first, it->second.second - it->second.first);
}

bool BilingualDict::prepare(std::string_view lang, const Stemmer& stemmer, double budget_ms) const {
  if (lang == "en") return false;
  const auto deadline = std::chrono::steady_clock::now() +
                        std::chrono::microseconds(static_cast<int64_t>(std::max(0.0, budget_ms) * 1000.0));
  return !impl_->load_step(impl_->lang_of(lang), lang, stemmer, &deadline);
}

std::string_view BilingualDict::concept_name(uint32_t concept_id) const {
  if (concept_id >= impl_->concept_names.size()) return {};
  return impl_->concept_names[concept_id];
}

bool BilingualDict::covers(std::string_view lang) const {
  if (lang == "en") return true;
  auto it = impl_->langs.find(lang);
  if (it != impl_->langs.end() && it->second.tried) return it->second.status.ok() && it->second.headwords > 0;
  if (impl_->asset_dir.empty() || !is_bridge_lang(lang)) return false;
  std::error_code ec;
  return std::filesystem::is_regular_file(impl_->path_of(lang), ec);
}

Status BilingualDict::language_status(std::string_view lang) const {
  if (lang == "en") return Status::Ok();
  auto it = impl_->langs.find(lang);
  if (it != impl_->langs.end() && it->second.tried) return it->second.status;
  if (!is_bridge_lang(lang)) {
    return Status::Error("no bilingual dictionary for language \"" + std::string(lang) +
                         "\" (bridges exist for de it fr es ru ja zh)");
  }
  if (impl_->asset_dir.empty()) return Status::Error("no bilingual dictionaries loaded (empty dictionary)");
  std::error_code ec;
  if (!std::filesystem::is_regular_file(impl_->path_of(lang), ec)) {
    return Status::Error("bilingual dictionary " + impl_->path_of(lang) +
                         " not found: generate it with scripts/make-assets.sh (scripts/assets.d/bridge.sh)");
  }
  return Status::Ok();  // present, not read yet
}

size_t BilingualDict::entries(std::string_view lang) const {
  auto it = impl_->langs.find(lang);
  return it == impl_->langs.end() ? 0 : it->second.headwords;
}

}  // namespace px
