// stem.cpp — Stemmer over Snowball's generated UTF-8 C stemmers (see cmake/stem.cmake).
#include "stem.h"

#include <array>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>
#include <algorithm>

#include <utf8proc.h>

#include "text_fold.h"

extern "C" {
#include "runtime/api.h"
#include "src_c/stem_UTF_8_catalan.h"
#include "src_c/stem_UTF_8_danish.h"
#include "src_c/stem_UTF_8_dutch.h"
#include "src_c/stem_UTF_8_english.h"
#include "src_c/stem_UTF_8_finnish.h"
#include "src_c/stem_UTF_8_french.h"
#include "src_c/stem_UTF_8_german.h"
#include "src_c/stem_UTF_8_greek.h"
#include "src_c/stem_UTF_8_hungarian.h"
#include "src_c/stem_UTF_8_italian.h"
#include "src_c/stem_UTF_8_norwegian.h"
#include "src_c/stem_UTF_8_portuguese.h"
#include "src_c/stem_UTF_8_romanian.h"
#include "src_c/stem_UTF_8_russian.h"
#include "src_c/stem_UTF_8_spanish.h"
#include "src_c/stem_UTF_8_swedish.h"
#include "src_c/stem_UTF_8_turkish.h"
}

namespace px {
namespace {

struct Algorithm {
  const char* lang;
  SN_env* (*create)();
  void (*close)(SN_env*);
  int (*run)(SN_env*);
};

// Keep in sync with PX_STEM_ALGORITHMS in cmake/stem.cmake.
constexpr std::array kLanguages = {
    Algorithm{"en", english_UTF_8_create_env, english_UTF_8_close_env, english_UTF_8_stem},
    Algorithm{"de", german_UTF_8_create_env, german_UTF_8_close_env, german_UTF_8_stem},
    Algorithm{"fr", french_UTF_8_create_env, french_UTF_8_close_env, french_UTF_8_stem},
    Algorithm{"it", italian_UTF_8_create_env, italian_UTF_8_close_env, italian_UTF_8_stem},
    Algorithm{"es", spanish_UTF_8_create_env, spanish_UTF_8_close_env, spanish_UTF_8_stem},
    Algorithm{"pt", portuguese_UTF_8_create_env, portuguese_UTF_8_close_env, portuguese_UTF_8_stem},
    Algorithm{"nl", dutch_UTF_8_create_env, dutch_UTF_8_close_env, dutch_UTF_8_stem},
    Algorithm{"ru", russian_UTF_8_create_env, russian_UTF_8_close_env, russian_UTF_8_stem},
    Algorithm{"sv", swedish_UTF_8_create_env, swedish_UTF_8_close_env, swedish_UTF_8_stem},
    Algorithm{"da", danish_UTF_8_create_env, danish_UTF_8_close_env, danish_UTF_8_stem},
    Algorithm{"no", norwegian_UTF_8_create_env, norwegian_UTF_8_close_env, norwegian_UTF_8_stem},
    Algorithm{"fi", finnish_UTF_8_create_env, finnish_UTF_8_close_env, finnish_UTF_8_stem},
    Algorithm{"ro", romanian_UTF_8_create_env, romanian_UTF_8_close_env, romanian_UTF_8_stem},
    Algorithm{"hu", hungarian_UTF_8_create_env, hungarian_UTF_8_close_env, hungarian_UTF_8_stem},
    Algorithm{"tr", turkish_UTF_8_create_env, turkish_UTF_8_close_env, turkish_UTF_8_stem},
    Algorithm{"el", greek_UTF_8_create_env, greek_UTF_8_close_env, greek_UTF_8_stem},
    Algorithm{"ca", catalan_UTF_8_create_env, catalan_UTF_8_close_env, catalan_UTF_8_stem},
};

// Index into kLanguages, or -1. Bokmål and Nynorsk share the Norwegian stemmer; a region
// suffix ("pt-BR", "en_GB") is ignored.
// Runs for every token: codes compared as two-byte integers, not strings.
constexpr uint16_t code16(char a, char b) { return uint16_t((uint8_t(a) << 8) | uint8_t(b)); }
int language_index(std::string_view lang) {
  if (lang.size() != 2) {
    if (size_t cut = lang.find_first_of("-_"); cut != std::string_view::npos) lang = lang.substr(0, cut);
    if (lang.size() != 2) return -1;
  }
  const uint16_t code = code16(char(lang[0] | 0x20), char(lang[1] | 0x20));  // ASCII lower case
  if (code == code16('n', 'b') || code == code16('n', 'n')) return 10;
  for (size_t i = 0; i < kLanguages.size(); ++i)
    if (code == code16(kLanguages[i].lang[0], kLanguages[i].lang[1])) return int(i);
  return -1;
}

}  // namespace

// Match keys of recent words: raw word + language -> key, open addressing over one byte pool.
// Bounded: when full it is emptied and refilled (a corpus's frequent words come back at once).
class KeyCache {
 public:
  static constexpr size_t kSlots = size_t{1} << 16;      // 65,536 slots (768 KB)...
  static constexpr size_t kMaxEntries = kSlots / 2;       // ...at most half full
  static constexpr size_t kMaxWordBytes = 48;             // longer words are rare: not cached
  static constexpr size_t kMaxPoolBytes = kMaxEntries * 24;  // ~0.8 MB of words and keys

  // The cached key of `word` in language `lang` (an index below 255) into `key`, if any.
  bool find(std::string_view word, uint8_t lang, uint32_t hash, std::string& key) const {
    if (slots_.empty()) return false;
    for (size_t s = hash & (kSlots - 1);; s = (s + 1) & (kSlots - 1)) {
      const Slot& slot = slots_[s];
      if (slot.word_size == 0) return false;
      if (slot.hash == hash && slot.lang == lang && slot.word_size == word.size() &&
          std::memcmp(pool_.data() + slot.offset, word.data(), word.size()) == 0) {
        key.assign(pool_, slot.offset + slot.word_size, slot.key_size);
        return true;
      }
    }
  }
  void insert(std::string_view word, uint8_t lang, uint32_t hash, std::string_view key) {
    if (word.empty() || word.size() > kMaxWordBytes || key.size() > 255) return;
    if (entries_ >= kMaxEntries || pool_.size() + word.size() + key.size() > kMaxPoolBytes) clear();
    if (slots_.empty()) slots_.assign(kSlots, Slot{});
    size_t s = hash & (kSlots - 1);
    while (slots_[s].word_size != 0) s = (s + 1) & (kSlots - 1);
    slots_[s] = Slot{hash, uint32_t(pool_.size()), uint8_t(word.size()), uint8_t(key.size()), lang};
    pool_.append(word);
    pool_.append(key);
    ++entries_;
  }
  static uint32_t hash(std::string_view word, uint8_t lang) {
    uint32_t h = 2166136261u ^ lang;  // FNV-1a
    for (unsigned char c : word) h = (h ^ c) * 16777619u;
    return h ^ (h >> 15);  // the low bits pick the slot: fold the high ones in
  }

 private:
  struct Slot {
    uint32_t hash = 0;
    uint32_t offset = 0;     // word, then key, in pool_
    uint8_t word_size = 0;   // 0 = empty slot
    uint8_t key_size = 0;
    uint8_t lang = 0;
  };
  void clear() {
    std::fill(slots_.begin(), slots_.end(), Slot{});
    pool_.clear();
    entries_ = 0;
  }
  std::vector<Slot> slots_;
  std::string pool_;
  size_t entries_ = 0;
};

struct Stemmer::Impl {
  std::array<SN_env*, kLanguages.size()> envs{};
  KeyCache keys;
  ~Impl() {
    for (size_t i = 0; i < envs.size(); ++i)
      if (envs[i]) kLanguages[i].close(envs[i]);
  }
};

Stemmer::Stemmer() : impl_(std::make_unique<Impl>()) {}
Stemmer::~Stemmer() = default;
Stemmer::Stemmer(Stemmer&&) noexcept = default;
Stemmer& Stemmer::operator=(Stemmer&&) noexcept = default;

bool Stemmer::supports(std::string_view lang) const { return language_index(lang) >= 0; }

void Stemmer::stem_into(std::string_view word, std::string_view lang, std::string& out) const {
  out.assign(word);
  const int index = language_index(lang);
  if (index < 0 || word.empty() || word.size() > kMaxStemWordBytes || !impl_) return;
  SN_env*& env = impl_->envs[size_t(index)];
  if (!env) env = kLanguages[size_t(index)].create();
  if (!env) return;  // out of memory: the word itself is still a usable key
  if (SN_set_current(env, int(word.size()), reinterpret_cast<const symbol*>(word.data())) < 0) return;
  if (kLanguages[size_t(index)].run(env) < 0) return;
  out.assign(reinterpret_cast<const char*>(env->p), size_t(env->l));
}

std::string Stemmer::stem(std::string_view word, std::string_view lang) const {
  std::string out;
  stem_into(word, lang, out);
  return out;
}

std::string Stemmer::match_key(std::string_view word, std::string_view lang) const {
  // Cached per stemmer language (other languages' keys do not depend on the language:
  // they share one entry, 254).
  const int index = language_index(lang);
  const uint8_t lang_key = index < 0 ? 254 : uint8_t(index);
  const uint32_t h = KeyCache::hash(word, lang_key);
  std::string key;
  if (!impl_ || impl_->keys.find(word, lang_key, h, key)) return impl_ ? key : match_key_uncached(word, lang, *this);
  key = match_key_uncached(word, lang, *this);
  impl_->keys.insert(word, lang_key, h, key);
  return key;
}

std::string match_key(std::string_view word, std::string_view lang, const Stemmer& stemmer) {
  return stemmer.match_key(word, lang);
}

std::string match_key_uncached(std::string_view word, std::string_view lang, const Stemmer& stemmer) {
  bool ascii = true;
  for (unsigned char c : word) ascii = ascii && c < 0x80;
  std::string lower;
  if (ascii) {  // fast path: most words of most articles; folding ASCII is lower-casing
    lower.assign(word);
    for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? char(c | 0x20) : c;
    std::string stem;
    stemmer.stem_into(lower, lang, stem);
    return stem;
  }
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(word.data()),
                                          utf8proc_ssize_t(word.size()), &mapped,
                                          utf8proc_option_t(UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
                                                            UTF8PROC_CASEFOLD | UTF8PROC_IGNORE));
  if (n >= 0 && mapped) lower.assign(reinterpret_cast<const char*>(mapped), size_t(n));
  else lower = fold_for_search(word);  // invalid UTF-8: the folded key still matches
  std::free(mapped);
  return fold_for_search(stemmer.stem(lower, lang));
}

}  // namespace px
