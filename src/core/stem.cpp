// stem.cpp — Stemmer over Snowball's generated UTF-8 C stemmers (see cmake/stem.cmake).
#include "stem.h"

#include <array>
#include <cstdlib>
#include <cstring>

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
int language_index(std::string_view lang) {
  if (size_t cut = lang.find_first_of("-_"); cut != std::string_view::npos) lang = lang.substr(0, cut);
  if (lang.size() != 2) return -1;
  char code[3] = {char(lang[0] | 0x20), char(lang[1] | 0x20), 0};  // ASCII lower case
  if (std::strcmp(code, "nb") == 0 || std::strcmp(code, "nn") == 0) return 10;
  for (size_t i = 0; i < kLanguages.size(); ++i)
    if (std::strcmp(code, kLanguages[i].lang) == 0) return int(i);
  return -1;
}

}  // namespace

struct Stemmer::Impl {
  std::array<SN_env*, kLanguages.size()> envs{};
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

std::string match_key(std::string_view word, std::string_view lang, const Stemmer& stemmer) {
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
