// lang_id.cpp — fastText lid.176 inference (re-packed model, see scripts/assets.d/langid.sh)
// plus script rules, rarity weights and the article prior. The inference mirrors fastText
// 0.9.2 (dictionary.cc computeSubwords/getLine, productquantizer.cc addcode, loss.cc
// HierarchicalSoftmaxLoss) so that model_ranking() gives fastText's own answers.
#include "lang_id.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdio>
#include <cstring>

#include <utf8proc.h>

#include "encoding.h"
#include "text_fold.h"

namespace px {

namespace {

constexpr char kMagic[8] = {'P', 'X', 'L', 'I', 'D', '0', '0', '1'};
constexpr int kMaxDim = 64;             // lid.176 uses 16; bounds the stack vectors below
constexpr int kCentroidsPerSubq = 256;  // fastText's product quantizer: 8-bit codes
// Below this a label cannot win (even the prior's x10 leaves it far under any answer that is
// not "und"); the tree walk skips such subtrees. Confidence is normalised over what is left.
constexpr float kNegligibleProbability = 1e-4f;
constexpr std::string_view kEos = "</s>";  // fastText ends every line with this token
constexpr std::string_view kLabelPrefix = "__label__";

// fastText's hash (FNV-1a over bytes sign-extended to int8: kept bit for bit, the model's
// bucket numbers depend on it).
inline uint32_t fasttext_hash_step(uint32_t h, char c) {
  return (h ^ static_cast<uint32_t>(static_cast<int8_t>(c))) * 16777619u;
}
constexpr uint32_t kFnvBasis = 2166136261u;
inline uint32_t fasttext_hash(std::string_view s) {
  uint32_t h = kFnvBasis;
  for (char c : s) h = fasttext_hash_step(h, c);
  return h;
}
inline uint32_t mix(uint32_t x) { return x * 2654435761u; }  // Knuth's multiplicative hash

// fastText's lid.176 labels that are Wikipedia codes rather than ISO 639-1/3 codes.
constexpr std::pair<std::string_view, std::string_view> kLabelToIso[] = {
    {"sh", "hbs"},   // Serbo-Croatian: "sh" was withdrawn from ISO 639-1
    {"als", "gsw"},  // Alemannic Wikipedia ("als" is Tosk Albanian in ISO 639-3)
    {"eml", "egl"},  // Emilian-Romagnol Wikipedia; ISO 639-3 retired "eml" for egl/rgn
};

// Languages a news reader plausibly meets. Every other lid.176 label (constructed languages,
// bot-written Wikipedias such as ceb/war, small regional varieties) gets kRareLanguageWeight:
// on short sentences they are mostly false alarms for a big neighbour (es -> ast/an/gl...).
constexpr std::string_view kCommonLanguages[] = {
    "af", "am", "ar", "az", "be", "bg", "bn", "bs", "ca", "cs", "cy", "da", "de", "el", "en",
    "es", "et", "eu", "fa", "fi", "fr", "ga", "gl", "gu", "he", "hi", "hr", "hu", "hy", "id",
    "is", "it", "ja", "ka", "kk", "km", "kn", "ko", "ku", "ky", "lb", "lo", "lt", "lv", "mk",
    "ml", "mn", "mr", "ms", "mt", "my", "ne", "nl", "nn", "no", "pa", "pl", "ps", "pt", "ro",
    "ru", "si", "sk", "sl", "so", "sq", "sr", "sv", "sw", "ta", "te", "tg", "th", "tl", "tr",
    "tt", "uk", "ur", "uz", "vi", "zh", "ckb", "yi", "sd", "ug", "tk", "am", "bo", "dv", "or",
    "as", "jv", "su", "mg", "ba", "ce", "cv", "sah", "fy", "br", "oc", "la", "eo", "yue"};

// ---- scripts ---------------------------------------------------------------------------------
enum class Script : uint8_t {
  Other, Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Thaana, Devanagari, Bengali,
  Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam, Sinhala, Thai, Lao, Tibetan,
  Myanmar, Georgian, Hangul, Ethiopic, Khmer, Mongolian, Kana, Han, kCount
};

Script script_of(char32_t cp) {
  if (cp < 0x250) return Script::Latin;
  if (cp < 0x370) return Script::Other;
  if (cp < 0x400) return Script::Greek;
  if (cp < 0x530) return Script::Cyrillic;
  if (cp < 0x590) return Script::Armenian;
  if (cp < 0x600) return Script::Hebrew;
  if (cp < 0x700 || (cp >= 0x750 && cp < 0x780) || (cp >= 0x8A0 && cp < 0x900)) return Script::Arabic;
  if (cp >= 0x780 && cp < 0x7C0) return Script::Thaana;
  if (cp < 0x900) return Script::Other;
  if (cp < 0x980) return Script::Devanagari;
  if (cp < 0xA00) return Script::Bengali;
  if (cp < 0xA80) return Script::Gurmukhi;
  if (cp < 0xB00) return Script::Gujarati;
  if (cp < 0xB80) return Script::Oriya;
  if (cp < 0xC00) return Script::Tamil;
  if (cp < 0xC80) return Script::Telugu;
  if (cp < 0xD00) return Script::Kannada;
  if (cp < 0xD80) return Script::Malayalam;
  if (cp < 0xE00) return Script::Sinhala;
  if (cp < 0xE80) return Script::Thai;
  if (cp < 0xF00) return Script::Lao;
  if (cp < 0x1000) return Script::Tibetan;
  if (cp < 0x10A0) return Script::Myanmar;
  if (cp < 0x1100) return Script::Georgian;
  if (cp < 0x1200) return Script::Hangul;
  if (cp < 0x13A0) return Script::Ethiopic;
  if (cp >= 0x1780 && cp < 0x1800) return Script::Khmer;
  if (cp >= 0x1800 && cp < 0x18B0) return Script::Mongolian;
  if (cp >= 0x1C90 && cp < 0x1CC0) return Script::Georgian;
  if (cp >= 0x1E00 && cp < 0x1F00) return Script::Latin;
  if (cp >= 0x1F00 && cp < 0x2000) return Script::Greek;
  if ((cp >= 0x3040 && cp < 0x3100) || (cp >= 0x31F0 && cp < 0x3200) || (cp >= 0xFF66 && cp < 0xFFA0))
    return Script::Kana;
  if (cp >= 0x3130 && cp < 0x3190) return Script::Hangul;
  if ((cp >= 0x3400 && cp < 0x4DC0) || (cp >= 0x4E00 && cp < 0xA000) || (cp >= 0xF900 && cp < 0xFB00) ||
      (cp >= 0x20000 && cp < 0x40000))
    return Script::Han;
  if (cp >= 0xAC00 && cp < 0xD7B0) return Script::Hangul;
  if (cp >= 0xFB50 && cp < 0xFE00) return Script::Arabic;
  if (cp >= 0xFE70 && cp < 0xFF00) return Script::Arabic;
  if (cp >= 0xFF21 && cp < 0xFF5B) return Script::Latin;  // full-width Latin letters
  return Script::Other;
}

// Scripts written by one language only (in lid.176's inventory): they decide without the model.
std::string_view single_language_of(Script s) {
  switch (s) {
    case Script::Greek: return "el";
    case Script::Armenian: return "hy";
    case Script::Thaana: return "dv";
    case Script::Gurmukhi: return "pa";
    case Script::Gujarati: return "gu";
    case Script::Oriya: return "or";
    case Script::Tamil: return "ta";
    case Script::Telugu: return "te";
    case Script::Kannada: return "kn";
    case Script::Malayalam: return "ml";
    case Script::Sinhala: return "si";
    case Script::Thai: return "th";
    case Script::Lao: return "lo";
    case Script::Tibetan: return "bo";
    case Script::Myanmar: return "my";
    case Script::Georgian: return "ka";
    case Script::Hangul: return "ko";
    case Script::Ethiopic: return "am";
    case Script::Khmer: return "km";
    case Script::Mongolian: return "mn";
    default: return {};
  }
}

bool is_letter_or_mark(utf8proc_category_t c) {
  return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME);
}

}  // namespace

// ---- the model ---------------------------------------------------------------------------
struct LanguageIdModel {
  uint32_t dim = 0, nsubq = 0, dsub = 0, lastdsub = 0, minn = 0, maxn = 0, bucket = 0;
  uint32_t nwords = 0, nlabels = 0, nbuckets = 0;
  std::string word_pool;               // NUL-terminated words, row = word index
  std::vector<uint32_t> word_offset;   // nwords + 1
  std::vector<int32_t> word_slots;     // open addressing: word index or -1
  // Which of the `bucket` n-gram buckets survived pruning: one bit each, plus the number of
  // set bits before every 64-bit word, so a bucket's row is found with one popcount (a hash
  // table here cost 80% of the time in cache misses: most n-grams are not kept).
  std::vector<uint64_t> bucket_bits;
  std::vector<uint32_t> bucket_rank;
  std::vector<uint8_t> codes, norm_codes;
  std::vector<float> centroids, norm_centroids, output;
  std::vector<int32_t> tree_left, tree_right;  // hierarchical softmax tree (2*nlabels-1 nodes)
  // Per known word, the sum of its rows (word row + n-gram rows) and how many there are:
  // frequent words are most tokens, and summing 16 floats beats hashing a dozen n-grams.
  std::vector<float> word_sum;
  std::vector<uint32_t> word_rows;
  double inv_bucket = 0.0;
  std::vector<std::string> label_code;         // ISO code per label
  std::vector<float> label_weight;             // rarity weights
  int32_t eos_row = -1;

  std::string_view word(uint32_t i) const {
    return std::string_view(word_pool).substr(word_offset[i], word_offset[i + 1] - word_offset[i] - 1);
  }
  int32_t find_word(std::string_view w, uint32_t h) const {
    const size_t mask = word_slots.size() - 1;
    for (size_t s = mix(h) & mask;; s = (s + 1) & mask) {
      int32_t id = word_slots[s];
      if (id < 0) return -1;
      if (word(static_cast<uint32_t>(id)) == w) return id;
    }
  }
  // h % bucket without a hardware division (slow, and `bucket` is not a compile-time
  // constant): a double holds every uint32 exactly, the quotient is off by at most one.
  uint32_t bucket_of(uint32_t h) const {
    int64_t r = static_cast<int64_t>(h) - static_cast<int64_t>(static_cast<double>(h) * inv_bucket) * bucket;
    if (r < 0) r += bucket;
    else if (r >= static_cast<int64_t>(bucket)) r -= bucket;
    return static_cast<uint32_t>(r);
  }
  int32_t find_bucket(uint32_t id) const {
    const uint64_t word = bucket_bits[id >> 6];
    const uint64_t bit = uint64_t{1} << (id & 63);
    if (!(word & bit)) return -1;
    return static_cast<int32_t>(nwords + bucket_rank[id >> 6] + std::popcount(word & (bit - 1)));
  }
  int label_index(std::string_view code) const {
    for (size_t i = 0; i < label_code.size(); ++i)
      if (label_code[i] == code) return static_cast<int>(i);
    for (const auto& [label, iso] : kLabelToIso)
      if (label == code)
        for (size_t i = 0; i < label_code.size(); ++i)
          if (label_code[i] == iso) return static_cast<int>(i);
    return -1;
  }

  // Input rows decoded once at load (rows x dim floats, 3.2 MB for lid.176): adding 16
  // contiguous floats is several times faster than 8 centroid look-ups per row.
  std::vector<float> dense_rows;

  void add_row(float* hidden, uint32_t r) const {
    const float* v = &dense_rows[static_cast<size_t>(r) * dim];
    for (uint32_t k = 0; k < dim; ++k) hidden[k] += v[k];
  }

  // hidden += row `r` of the quantized input matrix (ProductQuantizer::addcode with norm).
  void add_quantized_row(float* hidden, uint32_t r) const {
    const float norm = norm_centroids[norm_codes[r]];
    const uint8_t* code = &codes[static_cast<size_t>(r) * nsubq];
    for (uint32_t m = 0; m < nsubq; ++m) {
      const bool last = (m == nsubq - 1);
      const uint32_t d = last ? lastdsub : dsub;
      const float* c = last ? &centroids[(m * kCentroidsPerSubq) * dsub + code[m] * lastdsub]
                            : &centroids[(m * kCentroidsPerSubq + code[m]) * dsub];
      float* x = hidden + m * dsub;
      for (uint32_t n = 0; n < d; ++n) x[n] += norm * c[n];
    }
  }

  // Adds the rows of one whitespace-free token: its word row if known, and the rows of the
  // char n-grams of "<token>" (Dictionary::getLine + computeSubwords). Returns rows added.
  uint32_t add_token(float* hidden, std::string_view token, std::string& scratch) const {
    if (token.substr(0, kLabelPrefix.size()) == kLabelPrefix) return 0;  // a label: not a word
    const int32_t wid = find_word(token, fasttext_hash(token));
    if (wid >= 0 && !word_rows.empty()) {
      const float* v = &word_sum[static_cast<size_t>(wid) * dim];
      for (uint32_t k = 0; k < dim; ++k) hidden[k] += v[k];
      return word_rows[wid];
    }
    return add_token_rows(hidden, token, wid, scratch);
  }

  // The same, row by row (fastText's order); also fills word_sum at load time.
  uint32_t add_token_rows(float* hidden, std::string_view token, int32_t wid, std::string& scratch) const {
    uint32_t added = 0;
    if (wid >= 0) {
      add_row(hidden, static_cast<uint32_t>(wid));
      ++added;
      if (token == kEos) return added;
    }
    scratch.assign(1, '<');
    scratch.append(token);
    scratch.push_back('>');
    const size_t size = scratch.size();
    for (size_t i = 0; i < size; ++i) {
      if ((scratch[i] & 0xC0) == 0x80) continue;
      uint32_t h = kFnvBasis;
      size_t j = i;
      for (uint32_t n = 1; j < size && n <= maxn; ++n) {
        h = fasttext_hash_step(h, scratch[j++]);
        while (j < size && (scratch[j] & 0xC0) == 0x80) h = fasttext_hash_step(h, scratch[j++]);
        if (n >= minn && !(n == 1 && (i == 0 || j == size))) {
          const int32_t row = find_bucket(bucket_of(h));
          if (row >= 0) {
            add_row(hidden, static_cast<uint32_t>(row));
            ++added;
          }
        }
      }
    }
    return added;
  }

  // Probability of every label for a line of text split on ASCII whitespace (+ the EOS token),
  // as fastText computes it. Returns false when no input row was found.
  bool predict(std::string_view line, std::vector<float>& probs) const {
    std::array<float, kMaxDim> hidden{};
    std::string scratch;
    scratch.reserve(64);
    uint32_t rows = 0;
    auto is_space = [](char c) {
      return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f' || c == '\0';
    };
    for (size_t i = 0; i < line.size();) {
      while (i < line.size() && is_space(line[i])) ++i;
      size_t start = i;
      while (i < line.size() && !is_space(line[i])) ++i;
      if (i > start) rows += add_token(hidden.data(), line.substr(start, i - start), scratch);
    }
    rows += add_token(hidden.data(), kEos, scratch);
    probs.assign(nlabels, 0.f);
    if (rows == 0) return false;
    for (uint32_t k = 0; k < dim; ++k) hidden[k] /= static_cast<float>(rows);
    // Walk the Huffman tree from the root; a leaf's probability is the product along its path.
    struct Item { int32_t node; float p; };
    std::array<Item, 64> stack;  // depth-first: at most one pending sibling per tree level
    size_t top = 0;
    stack[top++] = {static_cast<int32_t>(2 * nlabels - 2), 1.f};
    while (top > 0) {
      const Item it = stack[--top];
      if (it.node < static_cast<int32_t>(nlabels)) {
        probs[it.node] = it.p;
        continue;
      }
      // A subtree this unlikely cannot win even after the prior and rarity weights: skip its
      // dot products and exp() (most of the tree, for any real text).
      if (it.p < kNegligibleProbability) continue;
      const float* w = &output[static_cast<size_t>(it.node - nlabels) * dim];
      float f = 0.f;
      for (uint32_t k = 0; k < dim; ++k) f += w[k] * hidden[k];
      f = 1.f / (1.f + std::exp(-f));
      if (top + 2 > stack.size()) return false;  // cannot happen for a Huffman tree of 176 leaves
      stack[top++] = {tree_left[it.node], it.p * (1.f - f)};
      stack[top++] = {tree_right[it.node], it.p * f};
    }
    return true;
  }
};

namespace {

// Bounds-checked reader over the model bytes.
struct Reader {
  std::string_view data;
  size_t pos = 0;
  bool failed = false;
  bool take(void* out, size_t n) {
    if (failed || data.size() - pos < n) return !(failed = true);
    std::memcpy(out, data.data() + pos, n);
    pos += n;
    return true;
  }
  uint32_t u32() {
    uint32_t v = 0;
    take(&v, 4);
    return v;
  }
  std::string_view cstring() {
    if (failed) return {};
    size_t end = data.find('\0', pos);
    if (end == std::string_view::npos) return failed = true, std::string_view();
    std::string_view s = data.substr(pos, end - pos);
    pos = end + 1;
    return s;
  }
  uint32_t varint() {
    uint32_t v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      uint8_t b = 0;
      if (!take(&b, 1)) return 0;
      v |= static_cast<uint32_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return v;
    }
    failed = true;
    return 0;
  }
  template <class T>
  bool array(std::vector<T>& out, size_t n) {
    if (failed || (data.size() - pos) / sizeof(T) < n) return !(failed = true);
    out.resize(n);
    return take(out.data(), n * sizeof(T));
  }
};

size_t power_of_two_at_least(size_t n) {
  size_t p = 1;
  while (p < n) p <<= 1;
  return p;
}

Result<std::shared_ptr<LanguageIdModel>> parse_model(std::string_view bytes) {
  using R = Result<std::shared_ptr<LanguageIdModel>>;
  Reader in{bytes};
  char magic[8] = {};
  if (!in.take(magic, 8) || std::memcmp(magic, kMagic, 8) != 0)
    return R::Error("not a Parallax language model (bad header): rebuild the assets (scripts/make-assets.sh)");
  auto m = std::make_shared<LanguageIdModel>();
  m->dim = in.u32(), m->nsubq = in.u32(), m->dsub = in.u32(), m->lastdsub = in.u32();
  m->minn = in.u32(), m->maxn = in.u32(), m->bucket = in.u32();
  m->nwords = in.u32(), m->nlabels = in.u32(), m->nbuckets = in.u32();
  if (in.failed || m->dim == 0 || m->dim > kMaxDim || m->nsubq == 0 || m->dsub == 0 ||
      (m->nsubq - 1) * m->dsub + m->lastdsub != m->dim || m->bucket == 0 || m->nlabels < 2 ||
      m->nlabels > 1000 || m->nwords == 0 || m->nwords > (1u << 24) || m->nbuckets > m->bucket)
    return R::Error("language model header is damaged: rebuild the assets");

  m->word_offset.reserve(m->nwords + 1);
  for (uint32_t i = 0; i < m->nwords; ++i) {
    m->word_offset.push_back(static_cast<uint32_t>(m->word_pool.size()));
    m->word_pool.append(in.cstring());
    m->word_pool.push_back('\0');
  }
  m->word_offset.push_back(static_cast<uint32_t>(m->word_pool.size()));
  std::vector<std::string_view> labels;
  for (uint32_t i = 0; i < m->nlabels; ++i) labels.push_back(in.cstring());
  std::vector<uint32_t> counts;
  in.array(counts, m->nlabels);
  std::vector<uint32_t> bucket_ids(m->nbuckets);
  uint32_t prev = 0;
  for (uint32_t i = 0; i < m->nbuckets; ++i) bucket_ids[i] = prev += in.varint();
  const size_t rows = static_cast<size_t>(m->nwords) + m->nbuckets;
  in.array(m->codes, rows * m->nsubq);
  in.array(m->norm_codes, rows);
  in.array(m->centroids, static_cast<size_t>(m->dim) * kCentroidsPerSubq);
  in.array(m->norm_centroids, kCentroidsPerSubq);
  in.array(m->output, static_cast<size_t>(m->nlabels) * m->dim);
  if (in.failed || in.pos != bytes.size())
    return R::Error("language model is truncated or damaged: rebuild the assets");
  if (!bucket_ids.empty() && bucket_ids.back() >= m->bucket)
    return R::Error("language model bucket list is damaged: rebuild the assets");

  // Lookup tables, at most half full.
  m->word_slots.assign(power_of_two_at_least(2 * m->nwords), -1);
  const size_t wmask = m->word_slots.size() - 1;
  for (uint32_t i = 0; i < m->nwords; ++i) {
    size_t s = mix(fasttext_hash(m->word(i))) & wmask;
    while (m->word_slots[s] >= 0) s = (s + 1) & wmask;
    m->word_slots[s] = static_cast<int32_t>(i);
  }
  m->eos_row = m->find_word(kEos, fasttext_hash(kEos));
  // Ids ascend (delta coded), so the k-th set bit is the k-th kept bucket: row nwords + k.
  m->bucket_bits.assign((m->bucket + 63) / 64, 0);
  for (uint32_t id : bucket_ids) m->bucket_bits[id >> 6] |= uint64_t{1} << (id & 63);
  m->bucket_rank.resize(m->bucket_bits.size());
  uint32_t before = 0;
  for (size_t w = 0; w < m->bucket_bits.size(); ++w) {
    m->bucket_rank[w] = before;
    before += static_cast<uint32_t>(std::popcount(m->bucket_bits[w]));
  }
  if (before != m->nbuckets) return R::Error("language model bucket list is not ascending: rebuild the assets");

  m->inv_bucket = 1.0 / static_cast<double>(m->bucket);
  m->dense_rows.assign(rows * m->dim, 0.f);
  for (size_t r = 0; r < rows; ++r) m->add_quantized_row(&m->dense_rows[r * m->dim], static_cast<uint32_t>(r));
  {
    std::string scratch;
    std::vector<float> sums(static_cast<size_t>(m->nwords) * m->dim, 0.f);
    std::vector<uint32_t> rows_of(m->nwords);
    for (uint32_t i = 0; i < m->nwords; ++i)
      rows_of[i] = m->add_token_rows(&sums[static_cast<size_t>(i) * m->dim], m->word(i), static_cast<int32_t>(i), scratch);
    m->word_sum = std::move(sums);
    m->word_rows = std::move(rows_of);
  }

  // Hierarchical softmax tree, as HierarchicalSoftmaxLoss::buildTree (labels sorted by count).
  const int32_t osz = static_cast<int32_t>(m->nlabels);
  std::vector<double> count(2 * osz - 1, 1e15);
  m->tree_left.assign(2 * osz - 1, -1);
  m->tree_right.assign(2 * osz - 1, -1);
  for (int32_t i = 0; i < osz; ++i) count[i] = static_cast<double>(counts[i]);
  int32_t leaf = osz - 1, node = osz;
  for (int32_t i = osz; i < 2 * osz - 1; ++i) {
    int32_t mini[2] = {0, 0};
    for (int j = 0; j < 2; ++j) mini[j] = (leaf >= 0 && count[leaf] < count[node]) ? leaf-- : node++;
    m->tree_left[i] = mini[0];
    m->tree_right[i] = mini[1];
    count[i] = count[mini[0]] + count[mini[1]];
  }

  for (std::string_view label : labels) {
    std::string code(label);
    for (const auto& [from, to] : kLabelToIso)
      if (label == from) code = to;
    bool common = std::find(std::begin(kCommonLanguages), std::end(kCommonLanguages), label) !=
                  std::end(kCommonLanguages);
    m->label_code.push_back(std::move(code));
    m->label_weight.push_back(common ? 1.f : LanguageIdentifier::kRareLanguageWeight);
  }
  return m;
}

// The text the model sees in clean mode: letters and marks lower-cased, everything else
// (punctuation, digits, symbols) a single space, so "Sì." and "sì" give the same n-grams.
// Also counts letters per script.
struct Prepared {
  std::string text;
  std::array<uint32_t, static_cast<size_t>(Script::kCount)> script_letters{};
  uint32_t letters = 0;
};

void prepare(std::string_view text, bool clean, Prepared& out) {
  out.text.clear();
  out.text.reserve(text.size() + 1);
  bool pending_space = false;
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    char32_t cp = next_codepoint(text, i);
    utf8proc_category_t cat = utf8proc_category_t(unicode_category(cp));
    bool letter = is_letter_or_mark(cat);
    if (letter && cat <= UTF8PROC_CATEGORY_LO) {
      ++out.letters;
      ++out.script_letters[static_cast<size_t>(script_of(cp))];
    }
    if (!clean) {
      out.text.append(text.substr(start, i - start));
      continue;
    }
    // An apostrophe or hyphen inside a word stays: "l'homme", "dell'anno", "Nato-Gipfel"
    // carry language-specific n-grams that the model knows.
    if (!letter && (cp == '\'' || cp == 0x2019 || cp == '-') && !out.text.empty() && !pending_space &&
        i < text.size()) {
      size_t j = i;
      char32_t next = next_codepoint(text, j);
      if (is_letter_or_mark(utf8proc_category_t(unicode_category(next)))) {
        out.text.push_back(cp == '-' ? '-' : '\'');  // U+2019 -> ASCII, as most training text
        continue;
      }
    }
    if (!letter) {
      pending_space = !out.text.empty();
      continue;
    }
    if (pending_space) out.text.push_back(' ');
    pending_space = false;
    append_utf8(out.text, static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp))));
  }
}

bool clean_view_wanted(const LanguageIdOptions& opt) { return opt.clean_view || !opt.verbatim_view; }

}  // namespace

// ---- public API ----------------------------------------------------------------------------
LanguageGuess cjk_script_language(std::string_view text, std::string_view prior) {
  // identify() cuts longer text and judges its beginning: leave that to identify().
  if (text.size() > LanguageIdentifier::kMaxBytesExamined) return {"", 0.f};
  uint32_t kana = 0, han = 0;
  for (size_t i = 0; i < text.size();) {
    const char32_t cp = next_codepoint_fast(text, i);
    if (cp < 0x80) {
      if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') return {"", 0.f};  // a Latin letter
      continue;
    }
    const Script s = script_of(cp);
    if (s == Script::Kana || s == Script::Han) {
      // Only letters count (prepare() counts letters, not marks or symbols, per script).
      const utf8proc_category_t cat = utf8proc_category_t(unicode_category(cp));
      if (cat < UTF8PROC_CATEGORY_LU || cat > UTF8PROC_CATEGORY_LO) continue;
      (s == Script::Kana ? kana : han) += 1;
      continue;
    }
    const utf8proc_category_t cat = utf8proc_category_t(unicode_category(cp));
    if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) return {"", 0.f};  // another script
  }
  // As identify(): Han or kana dominant (they are all the letters) and kana -> ja; Han only
  // (no Hangul: there is none) -> zh; confidence = their share of the letters = 1.
  if (kana > 0) return {"ja", 1.f};
  if (han > 0) return {prior == "ja" ? "ja" : "zh", 1.f};
  return {"", 0.f};
}

Result<LanguageIdentifier> LanguageIdentifier::load(const std::string& asset_dir) {
  const std::string path = asset_dir + "/langid/lid176.pxl";
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f)
    return Result<LanguageIdentifier>::Error(
        "language model not found at " + path +
        " (run scripts/make-assets.sh): using the simple script/function-word guess");
  std::string bytes;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) bytes.append(buf, n);
  std::fclose(f);
  auto model = parse_model(bytes);
  if (!model.ok()) return Result<LanguageIdentifier>::Error(path + ": " + model.error());
  LanguageIdentifier lid;
  lid.model_ = std::move(model.value());
  return lid;
}

std::vector<std::string> LanguageIdentifier::languages() const {
  std::vector<std::string> out;
  if (model_) out = model_->label_code;
  return out;
}

std::vector<LanguageGuess> LanguageIdentifier::model_ranking(std::string_view text, size_t k) const {
  std::vector<LanguageGuess> out;
  if (!model_) return out;
  std::vector<float> probs;
  if (!model_->predict(text, probs)) return out;
  std::vector<uint32_t> order(probs.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  k = std::min(k, order.size());
  std::partial_sort(order.begin(), order.begin() + k, order.end(),
                    [&](uint32_t a, uint32_t b) { return probs[a] > probs[b]; });
  for (size_t i = 0; i < k; ++i) out.push_back({model_->label_code[order[i]], probs[order[i]]});
  return out;
}

LanguageGuess LanguageIdentifier::identify(std::string_view text, std::string_view prior) const {
  return identify(text, prior, LanguageIdOptions{});
}

LanguageGuess LanguageIdentifier::identify(std::string_view text, std::string_view prior,
                                           const LanguageIdOptions& opt) const {
  if (!model_) return guess_language(text);  // no model: the simple fallback
  if (text.size() > kMaxBytesExamined) {
    // Cut on a code point boundary. (Only when cutting: trimming every text's end this way
    // dropped the last character of any text ending in a non-ASCII letter.)
    size_t end = kMaxBytesExamined;
    while (end > 0 && (static_cast<uint8_t>(text[end]) & 0xC0) == 0x80) --end;
    text = text.substr(0, end);
  }

  Prepared prep;
  prepare(text, clean_view_wanted(opt), prep);
  if (prep.letters == 0) return {};

  if (opt.script_rules) {
    const auto& sl = prep.script_letters;
    auto count = [&](Script s) { return sl[static_cast<size_t>(s)]; };
    size_t best = 0;
    for (size_t s = 1; s < sl.size(); ++s)
      if (sl[s] > sl[best]) best = s;
    const Script dominant = static_cast<Script>(best);
    const float share = static_cast<float>(sl[best]) / static_cast<float>(prep.letters);
    const uint32_t cjk = count(Script::Han) + count(Script::Kana);
    // Japanese mixes kanji and kana; Chinese has no kana; Korean is mostly Hangul.
    if ((dominant == Script::Han || dominant == Script::Kana) && count(Script::Kana) > 0)
      return {"ja", static_cast<float>(cjk) / static_cast<float>(prep.letters)};
    // Han alone is Chinese, unless the article is Japanese: its kanji-only headlines and lines
    // ("石破首相、訪米へ") are Japanese (the same rule as cjk_script_language).
    if (dominant == Script::Han && count(Script::Hangul) == 0) return {prior == "ja" ? "ja" : "zh", share};
    if (share >= 0.5f) {
      std::string_view only = single_language_of(dominant);
      if (!only.empty()) return {std::string(only), share};
    }
  }

  std::vector<float> probs;
  const bool clean_view = opt.clean_view || !opt.verbatim_view;
  if (!model_->predict(clean_view ? std::string_view(prep.text) : text, probs)) return {};
  if (clean_view && opt.verbatim_view &&
      *std::max_element(probs.begin(), probs.end()) < kSecondViewBelow) {
    // Two views, averaged: the cleaned text is robust to case and stray punctuation, the
    // verbatim text keeps signals cleaning throws away ("¿", French " ?", capitalised nouns).
    // Only when the first is unsure: a clear answer would not change, and this halves the time.
    std::vector<float> verbatim;
    if (model_->predict(text, verbatim))
      for (size_t i = 0; i < probs.size(); ++i) probs[i] = 0.5f * (probs[i] + verbatim[i]);
  }
  if (opt.rarity_weights)
    for (size_t i = 0; i < probs.size(); ++i) probs[i] *= model_->label_weight[i];
  if (!prior.empty()) {
    int p = model_->label_index(prior);
    if (p >= 0) probs[p] *= kPriorBoost;
  }
  float total = 0.f;
  size_t best = 0;
  for (size_t i = 0; i < probs.size(); ++i) {
    total += probs[i];
    if (probs[i] > probs[best]) best = i;
  }
  if (total <= 0.f) return {};
  const float confidence = probs[best] / total;
  if (opt.allow_unsure && confidence < kUnsureBelow) return {"und", confidence};
  return {model_->label_code[best], confidence};
}

}  // namespace px
