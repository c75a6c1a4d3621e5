// ner.cpp — named-entity recognition by rules, gazetteer, dictionaries and corpus evidence
// (see ner.h).
//
// [SECTION] word lists      built-in cue words per language (written for Parallax from the
//                           authors' knowledge of the languages; no evaluation data used)
// [SECTION] characters      code point classes
// [SECTION] NameEvidence    corpus-level capitalisation counts
// [SECTION] lexicon         loading roles, stopwords, Chinese proper nouns
// [SECTION] Latin/Cyrillic  runs of capitalised words, roles, typing, keys
// [SECTION] CJK             katakana, role suffixes, dictionaries
// [SECTION] documents       Analysis::mentions from a document's tokens
#include "ner.h"

#include <algorithm>
#include <array>
#include <deque>
#include <fstream>
#include <functional>
#include <sstream>
#include <unordered_set>

#include <utf8proc.h>

#include "encoding.h"
#include "gazetteer.h"
#include "lexicon.h"
#include "stopwords.h"
#include "text_fold.h"
#include "translit.h"

namespace px {

// =============================================================================================
// [SECTION] word lists
// =============================================================================================
namespace {

// Folded words (fold_for_search: lowercase, no accents). "*" = every language.
struct LangWords {
  const char* lang;
  const char* words;  // space-separated; '_' joins a multi-word phrase
};

// Lowercase words that may sit inside a name between capitalised words ("Bank of Japan",
// "Juan de la Cruz", "Ludwig van Beethoven", "Procter & Gamble").
constexpr const char* kConnectors =
    "of for de da di del della delle dei degli du des la le los las van von der den zu y & al el "
    "d' dell' degl' d’ dell’";

constexpr const char* kFirstConnectors =
    "of for de da di del della delle dei degli du des van von zu y & d' dell' degl' d’ dell’";

// Never names on their own, even capitalised mid-sentence: months and weekdays (English and
// German capitalise them), the English pronoun I.
constexpr LangWords kNeverNames[] = {
    {"en", "i january february march april may june july august september october november december "
           "monday tuesday wednesday thursday friday saturday sunday"},
    {"de", "januar februar marz april mai juni juli august september oktober november dezember "
           "montag dienstag mittwoch donnerstag freitag samstag sonntag"},
    {"nl", "januari februari maart april mei juni juli augustus september oktober november december"},
};

// Titles and roles in front of a person's name, on top of lexicons/speaker_titles.tsv.
constexpr LangWords kRoles[] = {
    {"en", "pope king queen prince princess sir lord lady saint mayor judge captain colonel lieutenant "
           "sergeant admiral coach chairman chairwoman ceo director bishop cardinal rev reverend "
           "representative rep sen gov gen col lt capt mr. mrs. ms. dr. prof prof. vice_president "
           "premier emperor empress sheikh commander chief minister_of_defence defense_secretary "
           "foreign_secretary home_secretary state_secretary secretary_of_state deputy envoy "
           "chancellor president-elect head governor spokesperson chief_executive managing_director "
           "vice-president"},
    {"de", "papst konig konigin prinz prinzessin burgermeister burgermeisterin trainer chef chefin "
           "vorsitzende vorsitzender staatssekretar staatssekretarin abgeordnete abgeordneter general "
           "regierungschef regierungschefin staatschef staatschefin premier kaiser nato-generalsekretar "
           "us-prasident prasident verteidigungsministerin dr. prof. prof leiter leiterin direktor direktorin "
           "vorstandschef vorstandschefin gouverneur"},
    {"it", "papa re regina principe sindaco generale onorevole sig sig. signor signora dott dott. "
           "presidente_del_consiglio primo_ministro segretario_generale ministro_degli_esteri "
           "ministro_della_difesa cancelliere imperatore leader capo governatore direttore direttrice "
           "portavoce vicepresidente viceministro sottosegretario amministratore_delegato"},
    {"fr", "premier_ministre chancelier chanceliere pape roi reine prince princesse maire general "
           "monsieur madame m. mme. secretaire_general ministre_des_affaires_etrangeres "
           "ministre_de_la_defense empereur dirigeant chef gouverneur directeur directrice porte-parole patron "
           "patronne vice-president vice-presidente"},
    {"es", "primer_ministro primera_ministra canciller papa rey reina principe alcalde general senor "
           "senora don dona sr. sra. secretario_general ministro_de_defensa ministro_de_exteriores "
           "emperador lider jefe gobernador gobernadora director directora portavoz vicepresidente "
           "vicepresidenta consejero_delegado"},
    {"ru", "премьер премьер-министр канцлер генсек глава министр президент генеральный_секретарь "
           "король королева папа мэр генерал губернатор председатель руководитель директор пресс-секретарь "
           "замминистра вице-премьер спикер посол"},
    {"nl", "premier minister president koning koningin prins prinses burgemeester generaal"},
};

// Russian given names, nominative, folded (й -> и, ё -> е): the given-name list of the gazetteer
// is Latin-script, and a person after a role is told from the role's complement by the given
// name ("глава Сбербанка Герман Греф"). Common Russian names and their usual short forms,
// written from knowledge of the language.
constexpr const char* kRuGivenNames =
    "александр алексеи анатолии андреи антон аркадии арсении артем артур богдан борис вадим валентин валерии "
    "василии вениамин виктор виталии владимир владислав всеволод вячеслав гавриил геннадии георгии герман глеб "
    "григории давид даниил денис дмитрии евгении егор елисеи захар иван игорь иосиф илья кирилл константин лев "
    "леонид макар максим марат марк матвеи михаил назар никита николаи олег павел петр платон рамзан родион "
    "роман ростислав руслан савва святослав семен сергеи станислав степан тарас тимофеи тимур федор филипп "
    "эдуард эльдар эмиль юлии юрии яков ярослав "
    "александра алена алина алиса алла анастасия ангелина анна антонина валентина валерия варвара вера "
    "вероника виктория галина дарья диана ева евгения екатерина елена елизавета жанна зинаида зоя инна ирина "
    "карина кира клавдия кристина ксения лариса лидия лилия любовь людмила маргарита марина мария милана "
    "надежда наталия наталья нина оксана ольга полина раиса регина римма светлана снежана софия софья тамара "
    "татьяна ульяна элла эльвира юлия яна";

// Words that make a name an organisation, wherever they sit in it.
constexpr LangWords kOrgCues[] = {
    {"*", "fc ag gmbh inc inc. corp corp. ltd ltd. llc plc s.p.a. spa srl s.a. sa nv bv"},
    {"en", "party university college school bank council committee commission ministry department "
           "agency association union league club corporation company group institute foundation "
           "society organization organisation army navy police court parliament congress senate "
           "assembly airlines airways records press times news post band orchestra church "
           "federation network channel radio industries motors systems technologies bureau "
           "authority board corps government cabinet fund trust holdings entertainment studios "
           "pictures team united academy alliance coalition"},
    {"de", "partei universitat hochschule bank rat ausschuss kommission ministerium bundesministerium "
           "amt agentur verband verein union liga konzern gruppe institut stiftung gesellschaft "
           "armee polizei gericht bundestag bundesrat parlament regierung zeitung bundeswehr bund "
           "akademie allianz"},
    {"it", "partito universita banca consiglio comitato commissione ministero agenzia associazione "
           "unione lega societa gruppo istituto fondazione esercito polizia tribunale corte "
           "parlamento senato governo federazione accademia alleanza organizzazione compagnia azienda"},
    {"fr", "parti universite banque conseil comite commission ministere agence association union "
           "ligue societe groupe institut fondation armee police tribunal cour parlement senat "
           "assemblee gouvernement federation compagnie academie alliance organisation entreprise"},
    {"es", "partido universidad banco consejo comite comision ministerio agencia asociacion union "
           "liga sociedad grupo instituto fundacion ejercito policia tribunal corte parlamento "
           "senado congreso gobierno federacion compania club real atletico deportivo academia alianza "
           "organizacion empresa"},
    {"ru", "партия университет банк совет комитет комиссия министерство агентство ассоциация союз "
           "лига ооо оао зао пао компания группа институт фонд армия полиция суд парламент дума "
           "сенат правительство федерация клуб академия альянс"},
    {"nl", "partij universiteit bank raad ministerie vereniging bond groep instituut stichting leger "
           "politie rechtbank kamer regering club academie"},
};

constexpr LangWords kLocCues[] = {
    {"en", "river lake mountain mountains mount mt island islands isle sea ocean bay gulf valley county "
           "province street avenue road square district region peninsula desert canyon strait cape "
           "coast hills falls forest"},
    {"de", "fluss see berg gebirge insel inseln meer tal kreis provinz strasse platz bezirk region halbinsel"},
    {"it", "fiume lago monte isola isole mare valle provincia regione via piazza golfo stretto oceano castello "
           "quartiere"},
    {"fr", "fleuve riviere lac mont ile iles mer vallee province region rue place golfe detroit avenue boulevard "
           "ocean chateau quartier"},
    {"es", "rio lago monte sierra isla islas mar valle provincia region calle plaza golfo estrecho cabo avenida "
           "oceano castillo barrio"},
    {"ru", "река озеро гора остров море область край район улица площадь"},
    {"nl", "rivier meer berg eiland zee provincie straat plein"},
};

constexpr LangWords kMiscCues[] = {
    {"en", "war cup championship championships olympics games award awards prize festival open trophy "
           "series treaty revolution summit"},
    {"de", "krieg pokal meisterschaft preis festival vertrag gipfel spiele"},
    {"it", "guerra coppa campionato premio festival trattato vertice giochi"},
    {"fr", "guerre coupe championnat prix festival traite sommet jeux"},
    {"es", "guerra copa campeonato premio festival tratado cumbre juegos"},
    {"ru", "война кубок чемпионат премия фестиваль договор саммит"},
    {"nl", "oorlog beker kampioenschap prijs festival verdrag"},
};

// The word right before a name that makes an unknown name a place ("in Ohio", "nach Tokio").
constexpr LangWords kLocBefore[] = {
    {"en", "in near"}, {"de", "in nach"}, {"it", "a in"}, {"fr", "a en au"},
    {"es", "en"},      {"ru", "в во на"},    {"nl", "in te"},
};

// Articles (and article + preposition contractions) right before a name: persons are written
// without one in these languages, places, organisations, teams and works with one ("la
// Californie", "il Piemonte", "die Yankees", "the Bundesbank").
constexpr LangWords kArticleBefore[] = {
    {"en", "the"},
    {"de", "der die das den dem des im am vom zum zur beim ins"},
    {"fr", "le la les l' l’ du des au aux"},
    {"it", "il lo la i gli le l' l’ del dello della dei degli delle nel nello nella al allo alla dal "
           "dallo dalla sul sullo sulla"},
    {"es", "el la los las del al"},
    {"nl", "het"},
};

// The word right after a name that says it is a person: birth and death ("Smith (born 1950)",
// "Müller (* 1950)", "né en", "nato a", "родился").
constexpr LangWords kPersonAfter[] = {
    {"en", "born died"},
    {"de", "geboren gestorben geb."},
    {"fr", "nee mort morte"},
    {"it", "nato nata morto morta"},
    {"es", "nacido nacida nacio murio"},
    {"ru", "родился родилась умер умерла"},
    {"nl", "geboren overleden"},
};

// Verbs of saying right after a name: a person or an organisation speaks, a place does not.
constexpr LangWords kSayingAfter[] = {
    {"en", "said says told added explained stated wrote argued replied admitted insisted claimed"},
    {"de", "sagte sagt erklarte erklart betonte meinte schrieb"},
    {"fr", "a dit declare explique affirme"},
    {"it", "disse dichiarato spiegato affermato"},
    {"es", "dijo afirmo explico declaro aseguro"},
    {"ru", "сказал сказала заявил заявила отметил отметила сообщил сообщила"},
};

// Words that qualify a place name without making it something else ("North Carolina", "Bad
// Homburg", "Nieder-Olm"): a known place after one of these stays a place, after any other
// capitalised word it names a club ("Dinamo Zagreb", "Racing Straßburg").
constexpr const char* kGeoModifiers =
    "north south east west northern southern eastern western central upper lower greater new old "
    "great little saint st st. san santa santo sao nord sud sued ost mittel ober unter nieder gross "
    "klein neu alt bad sankt est ouest haut haute bas basse grand grande petit nouveau nouvelle sainte "
    "ovest alto alta basso bassa nuovo nuova norte sur este oeste bajo baja nuevo nueva "
    "северныи южныи восточныи западныи новыи старыи великии верхнии нижнии";

// Abbreviations in sports clubs' names, compared as written ("FC", "VfB", "IF"): in capitals
// they mark an organisation, in lower case most are ordinary words ("if", "as", "us").
constexpr const char* kClubAbbreviations =
    "FC SC SV TSV VfB VfL FSV FK SK IF IK BK AC AS SS US CD CF SD UD RC EHC HC HK BSC SG SpVgg AFC "
    "PSV NK OFK AIK KV KRC RSC SL";

// Japanese and Chinese role words written after (ja, zh) or before (zh) a person's name.
constexpr const char* kJaRoleSuffixes =
    "首相 大統領 氏 さん 事務総長 長官 外相 防衛相 国防相 外務大臣 防衛大臣 大臣 報道官 議員 知事 市長 "
    "社長 会長 総裁 代表 委員長 幹事長 官房長官 国務長官 国家主席 主席 総書記 書記長 元首相 前首相 "
    "教授 監督 選手 首脳 大使 総理 首席 国王 女王 氏ら 容疑者 被告";
constexpr const char* kZhRoles =
    "总统 總統 首相 总理 總理 秘书长 秘書長 部长 部長 主席 外长 外長 防长 防長 先生 女士 议员 議員 "
    "发言人 發言人 总书记 總書記 国务卿 國務卿 大使 市长 市長 教授 国王 國王 总裁 總裁";
// Suffixes of Japanese/Chinese organisation names (防衛省, 自民党, 北大西洋条約機構).
constexpr const char* kCjkOrgSuffixes =
    "省 庁 党 機構 銀行 大学 委員会 協会 会社 新聞 机构 银行 大學 委员会 协会 公司 集团 集團 政府 部";
constexpr const char* kCjkLocSuffixes = "県 市 州 島 湾 海峡 半島 县 岛 湾 半岛 海峡";

bool lang_is(std::string_view lang, std::string_view code) {
  return lang.size() >= 2 && lang.substr(0, 2) == code;
}

}  // namespace

// =============================================================================================
// [SECTION] characters
// =============================================================================================
namespace {

utf8proc_category_t category(char32_t c) {
  return static_cast<utf8proc_category_t>(utf8proc_category(static_cast<utf8proc_int32_t>(c)));
}
// Basic Cyrillic (А-я, Ѐ-Џ, ѐ-џ: U+0400-U+045F) answered without utf8proc's tables: Russian
// text is mostly these, and their categories are fixed (U+0400-U+042F Lu, U+0430-U+045F Ll).
bool is_basic_cyrillic(char32_t c) { return c >= 0x0400 && c <= 0x045F; }
bool is_letter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (is_basic_cyrillic(c)) return true;
  const auto cat = category(c);
  return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}
bool is_upper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (is_basic_cyrillic(c)) return c <= 0x042F;
  const auto cat = category(c);
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}
bool is_lower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  if (is_basic_cyrillic(c)) return c >= 0x0430;
  return category(c) == UTF8PROC_CATEGORY_LL;
}
bool is_katakana(char32_t c) { return (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC || (c >= 0x31F0 && c <= 0x31FF); }
bool is_hiragana(char32_t c) { return c >= 0x3041 && c <= 0x309F; }
bool is_han(char32_t c) {
  return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x3FFFF) || c == 0x3005;
}
bool is_cjk(char32_t c) { return is_katakana(c) || is_hiragana(c) || is_han(c) || c == 0x30FB; }

// What a token's letters look like.
struct Shape {
  bool word = false;      // has a letter
  bool cap = false;       // first letter upper case
  bool all_caps = false;  // >= 2 letters, none lower case
  bool lower = false;     // first letter lower case
  bool cjk = false;       // any CJK code point
  bool katakana = false;  // only katakana (and ・ ー)
  bool han = false;       // only Han
  bool digit = false;     // has a digit
  uint32_t letters = 0;
  uint32_t chars = 0;
};

Shape shape_of(std::string_view s) {
  Shape sh;
  bool first_letter = true, any_lower = false, only_kata = true, only_han = true;
  for (size_t i = 0; i < s.size();) {
    const char32_t c = next_codepoint_fast(s, i);
    ++sh.chars;
    if (c >= '0' && c <= '9') sh.digit = true;
    if (is_cjk(c)) sh.cjk = true;
    if (!(is_katakana(c) || c == 0x30FB)) only_kata = false;
    if (!is_han(c)) only_han = false;
    if (!is_letter(c)) continue;
    sh.word = true;
    ++sh.letters;
    if (first_letter) {
      sh.cap = is_upper(c);
      sh.lower = is_lower(c);
      first_letter = false;
    }
    if (is_lower(c)) any_lower = true;
  }
  sh.all_caps = sh.letters >= 2 && !any_lower && sh.cap;
  sh.katakana = sh.chars > 0 && only_kata;
  sh.han = sh.chars > 0 && only_han;
  return sh;
}

bool opens_sentence(std::string_view punct) {
  static const std::array<std::string_view, 16> k = {".", "!", "?", ":", "\"", "“", "„", "«", "‘",
                                                      "'", "(", "-", "–", "—", "•", "»"};
  for (auto p : k)
    if (punct == p) return true;
  return false;
}

uint64_t hash_bit(std::string_view s) { return uint64_t{1} << (std::hash<std::string_view>{}(s) % 64); }

}  // namespace

// =============================================================================================
// [SECTION] NameEvidence
// =============================================================================================
void NameEvidence::add_word(std::string_view word, bool initial, uint64_t source_bit, uint64_t language_bit) {
  // ASCII fast path (most words of most corpora): no Unicode tables, no allocation. This runs
  // over every word of the corpus in AnalysisJob::restart, in one frame.
  bool ascii = true;
  for (unsigned char c : word) ascii = ascii && c < 0x80;
  Shape sh;
  if (ascii) {
    const char f = word.empty() ? 0 : word[0];
    sh.cap = f >= 'A' && f <= 'Z';
    sh.lower = f >= 'a' && f <= 'z';
    sh.word = sh.cap || sh.lower;
    if (!sh.word || (sh.cap && initial)) return;
    scratch_.assign(word);
    for (char& c : scratch_) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  } else {
    sh = shape_of(word);
    if (!sh.word || sh.cjk) return;
    if (sh.cap && initial) return;  // a sentence's first word says nothing about names
    fold_for_search_into(word, scratch_);
  }
  Entry& e = words_[std::hash<std::string_view>{}(scratch_)];
  if (sh.cap) {
    ++e.capital_inside;
    e.source_bits |= source_bit;
    e.language_bits |= language_bit;
  } else if (sh.lower) {
    ++e.lower;
  }
}

void NameEvidence::add_text(std::string_view text, std::string_view source, std::string_view lang) {
  const uint64_t sb = hash_bit(source), lb = hash_bit(lang.substr(0, std::min<size_t>(2, lang.size())));
  bool initial = true;
  size_t word_begin = std::string_view::npos;
  for (size_t i = 0; i <= text.size();) {
    const size_t at = i;
    const char32_t c = i < text.size() ? next_codepoint_fast(text, i) : 0;
    if (i == at) ++i;
    const bool in_word = c && (is_letter(c) || (c >= '0' && c <= '9') ||
                               ((c == '-' || c == '\'' || c == 0x2019) && word_begin != std::string_view::npos));
    if (in_word) {
      if (word_begin == std::string_view::npos) word_begin = at;
      continue;
    }
    if (word_begin != std::string_view::npos) {
      add_word(text.substr(word_begin, at - word_begin), initial, sb, lb);
      word_begin = std::string_view::npos;
      initial = false;
    }
    if (c == '.' || c == '!' || c == '?' || c == ':' || c == '\n' || c == '"' || c == 0x201C || c == 0x201E ||
        c == 0x00AB || c == 0x3002)
      initial = true;
  }
}

void NameEvidence::add_tokens(const std::vector<std::string_view>& tokens, std::string_view source,
                              std::string_view lang) {
  const uint64_t sb = hash_bit(source), lb = hash_bit(lang.substr(0, std::min<size_t>(2, lang.size())));
  bool initial = true;
  for (std::string_view t : tokens) {
    if (t.empty()) {
      initial = true;  // sentence break
      continue;
    }
    if (opens_sentence(t)) {
      initial = true;
      continue;
    }
    add_word(t, initial, sb, lb);
    initial = false;
  }
}

NameEvidence::Counts NameEvidence::counts(std::string_view folded_word) const {
  const auto it = words_.find(std::hash<std::string_view>{}(folded_word));
  if (it == words_.end()) return {};
  return {it->second.capital_inside, it->second.lower,
          static_cast<uint32_t>(__builtin_popcountll(it->second.source_bits)),
          static_cast<uint32_t>(__builtin_popcountll(it->second.language_bits))};
}

// =============================================================================================
// [SECTION] lexicon
// =============================================================================================
namespace {
// One built-in word list resolved for a language (NerLexicon::ForLang): its own words, the "*"
// words and (cue lists) English in one set, so a look-up hashes the word once and builds no
// language key.
struct Words {
  std::unordered_set<std::string> words;
  bool has(const std::string& w) const { return words.count(w) != 0; }
};
Words resolve_words(const std::unordered_map<std::string, std::unordered_set<std::string>>& m, std::string_view lang,
                    bool english) {
  Words out;
  const std::string l2(lang.substr(0, std::min<size_t>(2, lang.size())));
  for (const std::string& l : {l2, std::string("*"), std::string(english ? "en" : "")}) {
    if (l.empty()) continue;
    const auto it = m.find(l);
    if (it != m.end()) out.words.insert(it->second.begin(), it->second.end());
  }
  return out;
}

}  // namespace

struct NerLexicon {
  // per language ("*" for all): folded word -> kind
  std::unordered_map<std::string, std::unordered_set<std::string>> never, org, loc, misc, loc_before, article_before,
      person_after, saying_after;
  std::unordered_set<std::string> connectors, first_connectors, geo_modifiers, club_abbreviations, ru_given_names;
  // roles: per language, each a list of folded words
  std::unordered_map<std::string, std::vector<std::vector<std::string>>> roles;
  std::vector<std::string> ja_role_suffixes, zh_roles, cjk_org_suffixes, cjk_loc_suffixes;
  Stopwords stopwords;
  bool have_stopwords = false;
  std::unordered_map<std::string, EntityType> zh_names;  // CC-CEDICT proper nouns

  // Everything above for one language (its two-letter code), resolved once after loading: the
  // tagger used to look each list up by language for every word. Role phrases are indexed by
  // the first letter (UTF-8 bytes) of their first and of their last word, in list order.
  struct ForLang {
    Words never, org, org_cue, loc, loc_cue, misc, misc_cue, loc_before, article_before, person_after, saying_after;
    const std::vector<std::vector<std::string>>* roles = nullptr;
    std::unordered_map<std::string, std::vector<uint32_t>> roles_by_first, roles_by_last;
  };
  std::unordered_map<std::string, ForLang> by_lang;
  ForLang other;  // a language with no list of its own

  void index_languages() {
    std::unordered_set<std::string> langs;
    for (const auto* m : {&never, &org, &loc, &misc, &loc_before, &article_before, &person_after, &saying_after})
      for (const auto& [l, set] : *m) langs.insert(l);
    for (const auto& [l, list] : roles) langs.insert(l);
    langs.erase("*");
    by_lang.clear();
    fill(other, "");
    for (const std::string& l : langs) fill(by_lang[l], l);
  }
  const ForLang& for_lang(std::string_view lang) const {
    const auto it = by_lang.find(std::string(lang.substr(0, std::min<size_t>(2, lang.size()))));
    return it == by_lang.end() ? other : it->second;
  }
  static std::string first_letter(std::string_view w) {
    size_t n = w.empty() ? 0 : 1;
    while (n < w.size() && (static_cast<unsigned char>(w[n]) & 0xC0) == 0x80) ++n;
    return std::string(w.substr(0, n));
  }

 private:
  void fill(ForLang& f, const std::string& l) {
    f.never = resolve_words(never, l, false);
    f.org = resolve_words(org, l, false);
    f.org_cue = resolve_words(org, l, true);
    f.loc = resolve_words(loc, l, false);
    f.loc_cue = resolve_words(loc, l, true);
    f.misc = resolve_words(misc, l, false);
    f.misc_cue = resolve_words(misc, l, true);
    f.loc_before = resolve_words(loc_before, l, false);
    f.article_before = resolve_words(article_before, l, false);
    f.person_after = resolve_words(person_after, l, false);
    f.saying_after = resolve_words(saying_after, l, false);
    const auto it = roles.find(l);
    f.roles = it == roles.end() ? nullptr : &it->second;
    f.roles_by_first.clear();
    f.roles_by_last.clear();
    for (size_t i = 0; f.roles && i < f.roles->size(); ++i) {
      const std::vector<std::string>& words = (*f.roles)[i];
      f.roles_by_first[first_letter(words.front())].push_back(static_cast<uint32_t>(i));
      f.roles_by_last[first_letter(words.back())].push_back(static_cast<uint32_t>(i));
    }
  }
 public:

  static bool in(const std::unordered_map<std::string, std::unordered_set<std::string>>& m, std::string_view lang,
                 const std::string& w) {
    for (std::string_view l : {lang.substr(0, std::min<size_t>(2, lang.size())), std::string_view("*")}) {
      const auto it = m.find(std::string(l));
      if (it != m.end() && it->second.count(w)) return true;
    }
    return false;
  }
  // Cue words: the text's language, and English (names are often English in any language:
  // "American Film Institute", "Sony Music").
  static bool cue(const std::unordered_map<std::string, std::unordered_set<std::string>>& m, std::string_view lang,
                  const std::string& w) {
    for (std::string_view l : {lang.substr(0, std::min<size_t>(2, lang.size())), std::string_view("*"), std::string_view("en")}) {
      const auto it = m.find(std::string(l));
      if (it != m.end() && it->second.count(w)) return true;
    }
    return false;
  }
};

namespace {

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> out;
  std::istringstream in{std::string(s)};
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

void add_lists(std::unordered_map<std::string, std::unordered_set<std::string>>& m, const LangWords* lists, size_t n) {
  for (size_t i = 0; i < n; ++i)
    for (std::string& w : split_words(lists[i].words)) m[lists[i].lang].insert(w);
}

std::shared_ptr<NerLexicon> builtin_lexicon() {
  auto lex = std::make_shared<NerLexicon>();
  add_lists(lex->never, kNeverNames, std::size(kNeverNames));
  add_lists(lex->org, kOrgCues, std::size(kOrgCues));
  add_lists(lex->loc, kLocCues, std::size(kLocCues));
  add_lists(lex->misc, kMiscCues, std::size(kMiscCues));
  add_lists(lex->loc_before, kLocBefore, std::size(kLocBefore));
  add_lists(lex->article_before, kArticleBefore, std::size(kArticleBefore));
  add_lists(lex->person_after, kPersonAfter, std::size(kPersonAfter));
  add_lists(lex->saying_after, kSayingAfter, std::size(kSayingAfter));
  for (std::string& w : split_words(kGeoModifiers)) lex->geo_modifiers.insert(w);
  for (std::string& w : split_words(kClubAbbreviations)) lex->club_abbreviations.insert(w);
  for (std::string& w : split_words(kRuGivenNames)) lex->ru_given_names.insert(w);
  for (std::string& w : split_words(kConnectors)) lex->connectors.insert(w);
  for (std::string& w : split_words(kFirstConnectors)) lex->first_connectors.insert(w);
  for (const LangWords& r : kRoles)
    for (std::string& w : split_words(r.words)) {
      std::vector<std::string> words;
      std::replace(w.begin(), w.end(), '_', ' ');
      for (std::string& x : split_words(w)) words.push_back(x);
      lex->roles[r.lang].push_back(std::move(words));
    }
  lex->ja_role_suffixes = split_words(kJaRoleSuffixes);
  lex->zh_roles = split_words(kZhRoles);
  lex->cjk_org_suffixes = split_words(kCjkOrgSuffixes);
  lex->cjk_loc_suffixes = split_words(kCjkLocSuffixes);
  lex->index_languages();
  return lex;
}

bool read_whole(const std::string& path, std::string& out) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::ostringstream ss;
  ss << f.rdbuf();
  out = ss.str();
  return true;
}

}  // namespace

EntityRecognizer::EntityRecognizer() : lex_(builtin_lexicon()) {}
EntityRecognizer::~EntityRecognizer() = default;
EntityRecognizer::EntityRecognizer(const EntityRecognizer&) = default;
EntityRecognizer& EntityRecognizer::operator=(const EntityRecognizer&) = default;
EntityRecognizer::EntityRecognizer(EntityRecognizer&&) noexcept = default;
EntityRecognizer& EntityRecognizer::operator=(EntityRecognizer&&) noexcept = default;

EntityRecognizer EntityRecognizer::load(const std::string& asset_dir, std::shared_ptr<const Gazetteer> gazetteer,
                                        std::vector<std::string>* missing) {
  std::shared_ptr<NerLexicon> lex = builtin_lexicon();
  if (Result<LexiconTable> t = load_lexicon(asset_dir, "speaker_titles.tsv", 2); t.ok()) {
    for (const auto& row : t->rows) {
      std::vector<std::string> words = split_words(fold_for_search(row[1]));
      if (!words.empty()) lex->roles[row[0]].push_back(std::move(words));
    }
  } else if (missing) {
    missing->push_back(t.error());
  }
  if (Result<Stopwords> s = Stopwords::load(asset_dir); s.ok()) {
    lex->stopwords = std::move(*s);
    lex->have_stopwords = true;
  } else if (missing) {
    missing->push_back(s.error());
  }
  // segment/zh.names: "word<TAB>P|L|O|M" lines (scripts/assets.d/segment.sh, CC-CEDICT).
  std::string names;
  if (read_whole(asset_dir + "/segment/zh.names", names)) {
    size_t pos = 0;
    while (pos < names.size()) {
      size_t eol = names.find('\n', pos);
      if (eol == std::string::npos) eol = names.size();
      const std::string_view line(names.data() + pos, eol - pos);
      pos = eol + 1;
      const size_t tab = line.find('\t');
      if (line.empty() || line[0] == '#' || tab == std::string_view::npos || tab + 1 >= line.size()) continue;
      const char t = line[tab + 1];
      lex->zh_names[std::string(line.substr(0, tab))] =
          t == 'P' ? EntityType::Person : t == 'L' ? EntityType::Location : t == 'O' ? EntityType::Organisation
                                                                                     : EntityType::Misc;
    }
  } else if (missing) {
    missing->push_back(asset_dir + "/segment/zh.names missing (Chinese names only from the gazetteer; "
                                   "scripts/make-assets.sh generates it)");
  }
  // Longest roles first, so "prime minister" wins over "minister".
  for (auto& [lang, list] : lex->roles)
    std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  lex->index_languages();
  EntityRecognizer r;
  r.lex_ = std::move(lex);
  r.gaz_ = std::move(gazetteer);
  return r;
}

// =============================================================================================
// [SECTION] Latin/Cyrillic
// =============================================================================================
namespace {

struct Tok {
  std::string_view text;
  std::string folded;
  Shape sh;
  bool break_before = false;
  bool initial = false;
  bool punct = false;    // not a word at all (CLI punctuation tokens)
  bool candidate = false;
  bool strong = false;   // positive evidence of a name
  bool common = false;   // ordinary vocabulary
  // word_variants(folded), computed on first use (Tagger::variants): the rules ask for the same
  // word's variants many times (classify, every span that ends with it, the memory).
  mutable std::vector<std::string> variants;
  mutable bool have_variants = false;
};

// The gazetteer's answers for one span of tokens, kept for the sentence: emit, type_of and
// place_span ask about the same spans several times (lookup_span, typed_span).
struct SpanMemo {
  uint32_t b = 0, e = 0;
  std::vector<std::string> keys;  // span_keys(b, e)
  int8_t known = -1, typed = -1;  // -1 not asked yet
  KnownName known_name;
  std::string known_lemma, typed_lemma;
  EntityType type = EntityType::Misc;
};

// Russian case endings, longest first, for lookups and keys ("Японии" -> "япони" + "я").
constexpr std::array<std::string_view, 21> kRuEndings = {"ами", "ями", "ому", "ему", "ого", "его", "ыми", "ими",
                                                         "ой",  "ей",  "ом",  "ем",  "ым",  "им",  "ии",  "ию",
                                                         "а",   "я",   "у",   "ю",   "е"};

size_t cp_count(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool ends_with(std::string_view s, std::string_view suf) {
  return s.size() >= suf.size() && s.substr(s.size() - suf.size()) == suf;
}

// Russian nominatives a folded oblique form may come from, nouns and adjectives. Folded: й is
// и, ё is е (fold_for_search strips the marks), so "Китая" -> "китаи" (Китай), "Северной" ->
// "северная", "Соединённых Штатах" -> "соединенные штаты", "Филиппинах" -> "филиппины".
// Every ending that fits is tried (the lookups decide); the stem keeps 3+ letters.
struct RuEnding {
  std::string_view ending;
  std::array<std::string_view, 6> nominatives;  // "" = the bare stem; unused slots repeat
};
constexpr RuEnding kRuLemma[] = {
    {"ого", {"ыи", "ии", "ои", "ое", "", "ыи"}}, {"его", {"ии", "ее", "ыи", "", "ии", "ии"}},
    {"ому", {"ыи", "ои", "ое", "ыи", "ыи", "ыи"}}, {"ему", {"ии", "ее", "ии", "ии", "ии", "ии"}},
    {"ыми", {"ые", "ыи", "ые", "ые", "ые", "ые"}}, {"ими", {"ие", "ии", "ие", "ие", "ие", "ие"}},
    {"ами", {"ы", "а", "", "и", "ы", "ы"}},        {"ями", {"и", "я", "ь", "и", "и", "и"}},
    {"ых", {"ые", "ыи", "ые", "ые", "ые", "ые"}},   {"их", {"ие", "ии", "ие", "ие", "ие", "ие"}},
    {"ым", {"ыи", "ые", "ое", "", "ыи", "ыи"}},     {"им", {"ии", "ие", "ее", "", "ии", "ии"}},
    {"ую", {"ая", "ая", "ая", "ая", "ая", "ая"}},   {"юю", {"яя", "яя", "яя", "яя", "яя", "яя"}},
    {"ои", {"ая", "а", "ыи", "ои", "ая", "ая"}},    {"еи", {"яя", "я", "ия", "ь", "ии", "ья"}},
    {"ах", {"ы", "и", "а", "", "ы", "ы"}},          {"ях", {"и", "я", "ь", "и", "и", "и"}},
    {"ам", {"ы", "а", "", "ы", "ы", "ы"}},          {"ям", {"и", "я", "и", "и", "и", "и"}},
    {"ов", {"ы", "", "и", "а", "ы", "ы"}},          {"ев", {"и", "ь", "и", "и", "и", "и"}},
    {"ом", {"", "о", "а", "ыи", "", ""}},           {"ем", {"ь", "", "е", "ии", "ь", "ь"}},
    {"ии", {"ия", "ии", "ие", "ия", "ия", "ия"}},   {"ию", {"ия", "ия", "ия", "ия", "ия", "ия"}},
    {"ие", {"ия", "ие", "ия", "ия", "ия", "ия"}},   {"ья", {"ья", "ье", "ья", "ья", "ья", "ья"}},
    {"а", {"", "о", "ь", "а", "и", ""}},            {"я", {"ь", "и", "ия", "я", "и", "и"}},
    {"у", {"", "а", "о", "ь", "и", ""}},            {"ю", {"я", "ь", "ия", "и", "я", "я"}},
    {"е", {"", "а", "я", "о", "ия", "и"}},          {"ы", {"а", "", "ы", "а", "а", "а"}},
    {"и", {"я", "ь", "ия", "а", "и", "я"}},
};

void ru_nominatives(const std::string& w, std::vector<std::string>& v) {
  // A genitive plural has no ending: "Филиппин" -> "филиппины", "Балкан" -> "балканы".
  if (cp_count(w) >= 4 && !w.empty() && (w.back() & 0xC0) == 0x80) {
    static constexpr std::string_view kVowels[] = {"а", "е", "и", "о", "у", "ы", "э", "ю", "я", "ь"};
    bool vowel = false;
    for (std::string_view x : kVowels) vowel = vowel || ends_with(w, x);
    if (!vowel) v.push_back(w + "ы");
  }
  for (const RuEnding& r : kRuLemma) {
    if (!ends_with(w, r.ending) || cp_count(w) < cp_count(r.ending) + 3) continue;
    const std::string stem = w.substr(0, w.size() - r.ending.size());
    for (std::string_view add : r.nominatives) {
      std::string c = stem + std::string(add);
      if (std::find(v.begin(), v.end(), c) == v.end()) v.push_back(std::move(c));
    }
  }
}

// Lemma-ish variants of one folded word, most likely first (the word itself first).
std::vector<std::string> word_variants(const std::string& w, std::string_view lang) {
  std::vector<std::string> v{w};
  if (lang_is(lang, "ru")) {
    ru_nominatives(w, v);
  } else if (lang_is(lang, "de") && w.size() > 3 && w.back() == 's' && !ends_with(w, "ss")) {
    v.push_back(w.substr(0, w.size() - 1));  // genitive: Japans, Kishidas
  }
  return v;
}

// The key form of one word: Russian case endings off, German genitive -s off when `strip_s`
// says the text supports it. Russian two-letter endings (-ом, -ой, -ым...) are oblique cases
// of names ("Марком" -> "марк"); a one-vowel ending (-а -у -е -я -ю) is removed only when the
// bare stem was seen on its own (`seen`: "Путина" -> "путин"), since many foreign names end in
// a vowel in the nominative ("Исиба", "Сигэру", "Рютте").
template <typename Seen>
std::string key_word(const std::string& folded, std::string_view lang, bool strip_s, const Seen& seen) {
  if (lang_is(lang, "ru")) {
    for (std::string_view e : kRuEndings) {
      if (!ends_with(folded, e) || cp_count(folded) < cp_count(e) + 3) continue;
      const std::string stem = folded.substr(0, folded.size() - e.size());
      if (cp_count(e) == 1 && !seen(stem)) return folded;
      if (e == "ии" || e == "ию") return stem + "ия";
      return stem;
    }
    return folded;
  }
  if (strip_s && folded.size() > 3 && folded.back() == 's' && !ends_with(folded, "ss")) return folded.substr(0, folded.size() - 1);
  return folded;
}

}  // namespace

namespace {

struct Tagger {
  const NerLexicon& lex;
  const Gazetteer* gaz;
  std::string_view lang;
  const NameEvidence* ev;
  EntityRecognizer::Memory* mem;
  std::vector<Tok> toks;
  bool headline = false;
  const std::vector<std::vector<std::string>>* roles = nullptr;  // this language's role phrases
  const NerLexicon::ForLang* L = nullptr;  // the built-in lists for this language ("cue": with English)
  mutable std::deque<SpanMemo> memo;  // deque: references stay valid as it grows

  const std::vector<std::string>& variants(size_t i) const {
    const Tok& t = toks[i];
    if (!t.have_variants) {
      t.variants = word_variants(t.folded, lang);
      t.have_variants = true;
    }
    return t.variants;
  }

  bool stop(const std::string& w) const {
    return lex.have_stopwords && lex.stopwords.is_stopword(w, lang.substr(0, std::min<size_t>(2, lang.size())));
  }
  // `caps`: the text writes it in capitals ("UN", not "un"): only then do acronym entries count.
  bool gaz_known(const std::string& folded, std::vector<KnownName>* out = nullptr, bool caps = true) const {
    if (!gaz) return false;
    std::vector<KnownName> k = gaz->lookup(folded);
    if (!caps) k.erase(std::remove_if(k.begin(), k.end(), [](const KnownName& n) { return n.acronym; }), k.end());
    if (k.empty()) return false;
    if (out) *out = std::move(k);
    return true;
  }
  bool given(const std::string& w) const { return gaz && gaz->is_given_name(w); }
  // A Russian given name in any case: "Сергей", "Сергея", "Сергеем", "Анну", "Анной".
  bool ru_given_name(const std::string& w) const {
    if (lex.ru_given_names.count(w)) return true;
    static constexpr std::string_view kEndings[] = {"ом", "ем", "ои", "еи", "ю", "а", "я", "у", "е", "ы", "и"};
    static constexpr std::string_view kNominative[] = {"", "и", "а", "я", "ь"};  // Сергей Анна Мария Игорь
    std::string stem;
    for (std::string_view end : kEndings) {
      if (!ends_with(w, end) || cp_count(w) < cp_count(end) + 3) continue;
      for (std::string_view nom : kNominative) {
        stem.assign(w, 0, w.size() - end.size());
        stem += nom;
        if (stem != w && lex.ru_given_names.count(stem)) return true;
      }
    }
    return false;
  }
  // A lower-case Russian word that may be a genitive complement of a role ("министр обороны",
  // "иностранных дел", "глава правительства"): a genitive ending, and not a past-tense verb
  // ("заявила", "сообщили").
  static bool ru_genitive_like(const std::string& w) {
    if (w == "дел") return true;  // "министр иностранных дел": the genitive plural has no ending
    if (cp_count(w) < 4) return false;
    for (std::string_view verb : {"ла", "ло", "ли"})
      if (ends_with(w, verb)) return false;
    for (std::string_view end : {"ого", "его", "ых", "их", "ов", "ев", "ои", "еи", "ии", "ия", "ы", "и", "а", "я"})
      if (ends_with(w, end)) return true;
    return false;
  }

  // Does a role phrase end at token e-1 and start at the returned index (or -1)?
  // Matches folded words; Russian roles by prefix (they inflect: "президентом").
  int role_ending_at(size_t e) const {
    if (!roles || e == 0) return -1;
    // only phrases whose last word starts with the token's first letter (exact or prefix match)
    const auto cand = L->roles_by_last.find(NerLexicon::first_letter(toks[e - 1].folded));
    if (cand == L->roles_by_last.end()) return -1;
    const bool ru = lang_is(lang, "ru");
    for (const uint32_t r : cand->second) {
      const auto& words = (*roles)[r];
      if (words.size() > e) continue;
      bool ok = true;
      for (size_t k = 0; k < words.size() && ok; ++k) {
        const Tok& t = toks[e - words.size() + k];
        if (t.punct || (k > 0 && t.break_before)) ok = false;
        else if (ru) ok = t.folded.rfind(words[k], 0) == 0 && cp_count(t.folded) <= cp_count(words[k]) + 3;
        else ok = t.folded == words[k];
      }
      if (ok) return static_cast<int>(e - words.size());
    }
    return -1;
  }
  // Does a role phrase start at token b? Returns its end (longest phrase) or b.
  size_t role_starting_at(size_t b, size_t limit) const {
    if (!roles || b >= toks.size() || toks[b].punct) return b;
    const auto cand = L->roles_by_first.find(NerLexicon::first_letter(toks[b].folded));
    if (cand == L->roles_by_first.end()) return b;
    const bool ru = lang_is(lang, "ru");
    for (size_t e = std::min(limit, b + 4); e > b; --e) {
      for (const uint32_t r : cand->second) {
        const auto& words = (*roles)[r];
        if (words.size() != e - b) continue;
        if (!ru && words[0] != toks[b].folded) continue;  // cheap first-word test
        bool ok = true;
        for (size_t k = 0; k < words.size() && ok; ++k) {
          const Tok& t = toks[b + k];
          if (t.punct || (k > 0 && t.break_before)) ok = false;
          else if (ru) ok = t.folded.rfind(words[k], 0) == 0 && cp_count(t.folded) <= cp_count(words[k]) + 3;
          else ok = t.folded == words[k];
        }
        if (ok) return e;
      }
    }
    return b;
  }

  // A title in quotes (CLI tokens only: documents carry no punctuation tokens): an opening
  // quote at i, 1..8 words, every one capitalised or a short linking word, the first
  // capitalised, then the closing quote. Returns the closing quote's index, or i.
  size_t quoted_title_end(size_t i) const {
    static const std::array<std::string_view, 5> open = {"\"", "“", "„", "«", "``"};
    static const std::array<std::string_view, 6> close = {"\"", "”", "“", "»", "''", "\""};
    if (!toks[i].punct || std::find(open.begin(), open.end(), toks[i].text) == open.end()) return i;
    if (i + 1 >= toks.size() || !toks[i + 1].sh.cap) return i;
    for (size_t j = i + 1; j < toks.size() && j <= i + 9; ++j) {
      const Tok& t = toks[j];
      if (t.punct) {
        if (std::find(close.begin(), close.end(), t.text) != close.end() && j > i + 1) return j;
        return i;
      }
      if (!t.sh.cap && !t.sh.digit && t.sh.letters > 3) return i;
    }
    return i;
  }

  // The first token after b where a role starts that leaves a name after it, or e.
  size_t role_inside(size_t b, size_t e) const {
    for (size_t k = b + 1; k + 1 < e; ++k) {
      const size_t r = role_starting_at(k, e);
      if (r > k && r < e) return k;
    }
    return e;
  }

  void prepare(const std::vector<NerToken>& in) {
    L = &lex.for_lang(lang);
    roles = L->roles;
    toks.resize(in.size());
    size_t words = 0, caps = 0;
    bool initial_next = true, break_next = false;
    for (size_t i = 0; i < in.size(); ++i) {
      Tok& t = toks[i];  // reused from an earlier sentence (tag()): every field is set again
      t.folded.clear();
      t.variants.clear();
      t.have_variants = t.candidate = t.strong = t.common = false;
      t.text = in[i].text;
      t.sh = shape_of(t.text);
      t.punct = !t.sh.word && !t.sh.digit;
      t.break_before = in[i].break_before || break_next;
      t.initial = in[i].initial || (initial_next && !t.punct);
      if (t.punct) {
        if (opens_sentence(t.text) || t.text == "…") initial_next = true;
        break_next = true;
        continue;
      }
      initial_next = false;
      break_next = false;
      fold_for_search_into(t.text, t.folded);
      if (t.sh.word && !t.sh.cjk) {
        ++words;
        if (t.sh.all_caps) ++caps;
      }
    }
    // An ALL-CAPS headline: capitals say nothing (3+ words, most in capitals).
    headline = words >= 3 && caps * 10 >= words * 6;
  }

  // Evidence per word: candidate (may start or continue a name), strong, common.
  void classify() {
    const bool german = lang_is(lang, "de");
    const std::string l2(lang.substr(0, std::min<size_t>(2, lang.size())));
    const bool has_words = gaz && gaz->has_words(l2);
    std::string bare;
    for (Tok& t : toks) {
      if (t.punct || !t.sh.word || t.sh.cjk) continue;
      if (!t.sh.cap) continue;
      const size_t ti = static_cast<size_t>(&t - toks.data());
      if (!t.folded.empty() && t.folded.back() == '.') {
        bare.assign(t.folded, 0, t.folded.size() - 1);
        if (L->never.has(bare)) continue;
      } else if (L->never.has(t.folded)) {
        continue;
      }
      NameEvidence::Counts c;
      if (ev) c = ev->counts(t.folded);
      bool known = false, known_city_only = true;
      std::vector<KnownName> kn;
      for (const std::string& v : variants(ti))
        if (gaz_known(v, &kn, t.sh.all_caps)) {
          known = true;
          for (const KnownName& k : kn) known_city_only = known_city_only && k.id.rfind("L:", 0) == 0;
          break;
        }
      const bool proper = gaz && gaz->is_proper_noun(t.folded, l2);
      const bool common_dict = has_words && gaz->is_common_word(t.folded, l2) && !proper;
      // German compounds, except right after a bare locative preposition: "in Lippstadt",
      // "nach Regensburg" (a German common noun there takes an article: "in der Stadt").
      const bool after_locative = ti > 0 && !t.break_before && L->loc_before.has(toks[ti - 1].folded);
      t.common = stop(t.folded) || common_dict || (ev && c.lower > 2 * c.capital_inside + 1) ||
                 (german && has_words && !proper && !after_locative && german_compound(t.folded));
      // Roman numerals (XVII, IV) are written in capitals too, and are no acronyms.
      const bool roman = t.text.find_first_not_of("IVXLCDM") == std::string_view::npos;
      if (roman && t.sh.letters >= 2) continue;
      const bool acronym = t.sh.all_caps && !headline && t.sh.letters <= 6;
      const bool recurring = ev && c.lower == 0 && (c.languages >= 2 || (c.sources >= 2 && c.capital_inside >= 3));
      // A given name that is also a word, where capitals say nothing (German nouns: "Sieg",
      // "Ernst"; a sentence's first word: it "Ha"), is evidence only before another capitalised
      // word (a surname).
      const bool next_cap = ti + 1 < toks.size() && toks[ti + 1].sh.cap && !toks[ti + 1].break_before;
      const bool given_name = given(t.folded) && !((german || t.initial) && common_dict && !next_cap);
      // A typed name (Gazetteer::name_type) that is no word of the language: "Ohio", "Potomac".
      EntityType typed;
      const bool typed_name = gaz && !t.common && !t.sh.all_caps && gaz->name_type(t.folded, typed);
      // A sentence's first word that is a common word and only some city's name ("Solo",
      // "Nice", "Reading") is the word; a country stays a country ("Turkey").
      if (known && known_city_only && t.initial && t.common) known = false;
      t.strong = known || proper || given_name || typed_name || acronym || recurring ||
                 (!t.sh.all_caps && has_inner_capital(t.text)) ||
                 // a person named earlier in the text; not a word of the language ("Album", "После"
                 // once mis-tagged would spread through the whole text)
                 (mem && !t.common && mem->last_words.count(t.folded));
      if (headline) {
        // ALL CAPS: capitals say nothing; the corpus must have seen it capitalised inside sentences.
        t.candidate = t.strong || (!t.common && ev && c.capital_inside > c.lower);
      } else if (t.initial || german) {
        // Sentence-initial words and German nouns: capitalisation alone says nothing.
        t.candidate = t.strong || !t.common;
      } else {
        t.candidate = !(t.folded == "i" && lang_is(lang, "en"));
      }
    }
    // Multi-word known names make every capitalised word in them a candidate ("Las Vegas",
    // "New York City" in German text, where "Las" or "New" alone would not be).
    if (!gaz) return;
    for (size_t i = 0; i < toks.size(); ++i) {
      if (!toks[i].sh.cap || toks[i].punct) continue;
      std::string key = toks[i].folded;
      size_t best = i;
      for (size_t j = i + 1; j < toks.size() && j < i + gaz->max_words() && !toks[j].break_before && !toks[j].punct; ++j) {
        if (!gaz->has_longer(key)) break;
        key += ' ';
        key += toks[j].folded;
        if (toks[j].sh.cap && gaz_known(key)) best = j;
      }
      // Multi-word typed names likewise ("New South Wales", "Rhode Island"): up to 4 words,
      // capitalised or linking words only (the sets are hashed: fewer probes, fewer false hits).
      EntityType typed;
      key = toks[i].folded;
      // not from a sentence's first word that is a common word ("The Bank ...": a hamlet "The Bank")
      const bool plain_initial = toks[i].initial && toks[i].common && !toks[i].strong;
      for (size_t j = i + 1; best == i && !plain_initial && j < toks.size() && j < i + 4 && !toks[j].break_before && !toks[j].punct; ++j) {
        if (!toks[j].sh.cap && !lex.connectors.count(toks[j].folded)) break;
        key += ' ';
        key += toks[j].folded;
        if (toks[j].sh.cap && gaz->name_type(key, typed)) best = j;
      }
      for (size_t k = i; k <= best && best > i; ++k)
        if (toks[k].sh.cap) toks[k].candidate = toks[k].strong = true;
      if (best > i) i = best;
    }
  }

  // A German compound noun the dictionary does not list whole ("Flugverbotszone",
  // "Regierungstruppen"): its last part (4+ letters) is ordinary vocabulary.
  bool german_compound(const std::string& w) const {
    // "Marine-Ehrenmals", "Asien-Spielen": the part after the last hyphen decides.
    if (const size_t h = w.rfind('-'); h != std::string::npos && h + 1 < w.size()) {
      const std::string last = w.substr(h + 1);
      return gaz->is_common_word(last, "de") || german_compound(last);
    }
    for (size_t j = 3; j + 4 <= w.size(); ++j) {
      if ((static_cast<unsigned char>(w[j]) & 0xC0) == 0x80) continue;
      if (gaz->is_common_word(std::string_view(w).substr(j), "de")) return true;
    }
    return false;
  }

  static bool has_inner_capital(std::string_view s) {  // "McDonald", "iPhone", "DeSantis"
    size_t i = 0;
    bool first = true;
    while (i < s.size()) {
      const char32_t c = next_codepoint_fast(s, i);
      if (!first && is_upper(c)) return true;
      first = false;
    }
    return false;
  }

  std::string joined(size_t b, size_t e) const {
    std::string s;
    for (size_t i = b; i < e; ++i) {
      if (toks[i].folded.empty()) continue;
      if (!s.empty()) s += ' ';
      s += toks[i].folded;
    }
    return s;
  }

  // Keys the span may stand for: the words as written with lemma variants of the last word;
  // Russian inflects every word of a name ("Северной Америки", "Соединённых Штатах"), so there
  // each word's nominatives are combined, pruned to prefixes some gazetteer key continues
  // (has_longer) and capped, the spelled form first.
  std::vector<std::string> span_keys(size_t b, size_t e) const {
    std::vector<std::string> out;
    if (lang_is(lang, "ru") && e - b > 1 && e - b <= 4 && gaz) {
      std::vector<std::string> prefixes{""};
      std::string spelled;
      for (size_t i = b; i < e && !prefixes.empty(); ++i) {
        if (toks[i].folded.empty()) continue;
        spelled += (spelled.empty() ? "" : " ") + toks[i].folded;
        std::vector<std::string> next;
        for (const std::string& p : prefixes)
          for (const std::string& v : variants(i)) {
            std::string k = p.empty() ? v : p + " " + v;
            if (i + 1 < e && k != spelled && !gaz->has_longer(k)) continue;
            next.push_back(std::move(k));
            if (next.size() >= 24) break;
          }
        prefixes = std::move(next);
      }
      return prefixes;
    }
    const std::string head = e - b > 1 ? joined(b, e - 1) + " " : std::string();
    for (const std::string& v : variants(e - 1)) out.push_back(head + v);
    return out;
  }

  // The memo of span [b, e), its keys filled in.
  SpanMemo& memo_for(size_t b, size_t e) const {
    for (SpanMemo& m : memo)
      if (m.b == b && m.e == e) return m;
    SpanMemo& m = memo.emplace_back();
    m.b = static_cast<uint32_t>(b);
    m.e = static_cast<uint32_t>(e);
    m.keys = span_keys(b, e);
    return m;
  }

  // Looks the span up in the gazetteer, trying lemma variants (span_keys).
  bool lookup_span(size_t b, size_t e, KnownName& out, std::string* lemma = nullptr) const {
    if (!gaz) return false;
    SpanMemo& m = memo_for(b, e);
    if (m.known < 0) {
      m.known = 0;
      bool caps = true;
      for (size_t i = b; i < e; ++i) caps = caps && (toks[i].sh.all_caps || !toks[i].sh.word);
      for (const std::string& key : m.keys) {
        std::vector<KnownName> k;
        if (gaz_known(key, &k, caps)) {
          m.known = 1;
          m.known_name = std::move(k.front());
          m.known_lemma = key;
          break;
        }
      }
    }
    if (!m.known) return false;
    out = m.known_name;
    if (lemma) *lemma = m.known_lemma;
    return true;
  }

  // The type the gazetteer's id-less typed names give the span (Gazetteer::name_type):
  // subdivisions, WordNet names, smaller places. A single ALL-CAPS word is left out (an
  // acronym is rarely the place or person of the same letters).
  bool typed_span(size_t b, size_t e, EntityType& type, std::string* lemma = nullptr) const {
    if (!gaz || (e - b == 1 && toks[b].sh.all_caps)) return false;
    SpanMemo& m = memo_for(b, e);
    if (m.typed < 0) {
      m.typed = 0;
      auto try_key = [&](const std::string& key) {
        EntityType t;
        if (!gaz->name_type(key, t)) return false;
        m.typed = 1;
        m.type = t;
        m.typed_lemma = key;
        return true;
      };
      bool hit = false;
      for (const std::string& key : m.keys)
        if ((hit = try_key(key))) break;
      if (!hit && lang_is(lang, "ru") && e - b > 1) {  // span_keys pruned by names.tsv prefixes:
        std::string nom;                              // the first nominative of every word
        for (size_t i = b; i < e; ++i) {
          const std::vector<std::string>& v = variants(i);
          if (!nom.empty()) nom += ' ';
          nom += v.size() > 1 ? v[1] : v[0];
        }
        try_key(nom);
      }
    }
    if (!m.typed) return false;
    type = m.type;
    if (lemma) *lemma = m.typed_lemma;
    return true;
  }

  // A word seen capitalised in the corpus or as a name earlier in this text.
  const std::function<bool(const std::string&)> seen = [this](const std::string& w) {
    return (ev && ev->counts(w).capital_inside > 0) || (mem && mem->last_words.count(w));
  };

  void emit(std::vector<NerSpan>& out, size_t b, size_t e, size_t rb, size_t re, bool head_noun = false) {
    // Leading linking words go only in lower case: "Los Angeles", "El Salvador", "De Gaulle" keep theirs.
    while (!head_noun && b < e && (toks[b].punct || (lex.connectors.count(toks[b].folded) && !toks[b].sh.cap) || toks[b].sh.lower)) ++b;
    while (e > b && (toks[e - 1].punct || lex.connectors.count(toks[e - 1].folded) || toks[e - 1].sh.lower)) --e;
    if (b >= e) return;
    NerSpan s;
    s.begin = static_cast<uint32_t>(b);
    s.end = static_cast<uint32_t>(e);
    s.role_begin = static_cast<uint32_t>(rb);
    s.role_end = static_cast<uint32_t>(re);
    KnownName k;
    std::string lemma;
    bool person_hint = re > rb;
    float conf = 0.5f;
    bool known = !head_noun && lookup_span(b, e, k, &lemma);
    // A city's name with a birth date after it is a person's: "Lincoln (born 1950)".
    if (known && k.id.rfind("L:", 0) == 0 && birth_after(e)) known = false;
    if (head_noun) {
      s.type = EntityType::Location;
      conf = 0.7f;
    } else if (known) {
      s.type = k.type;
      s.known_id = k.id;
      s.demonym = k.demonym;
      conf = 0.9f;
      if (k.type != EntityType::Person) s.role_begin = s.role_end = s.begin;  // "segretario della NATO": not NATO's role
    } else {
      s.type = type_of(b, e, person_hint, conf);
    }
    // Key: lemma-ish words in Latin script.
    std::string key;
    if (known && !lemma.empty()) {
      key = lemma;
    } else {
      for (size_t i = b; i < e; ++i) {
        if (toks[i].folded.empty()) continue;
        bool strip_s = false;
        if (i + 1 == e && lang_is(lang, "de")) {
          const std::string bare = toks[i].folded.substr(0, toks[i].folded.size() - 1);
          const bool seen = (ev && ev->counts(bare).capital_inside > 0) || (mem && mem->last_words.count(bare));
          const bool noun_next = e < toks.size() && toks[e].sh.cap && toks[e].common;
          strip_s = seen || noun_next;
        }
        if (!key.empty()) key += ' ';
        key += key_word(toks[i].folded, lang, strip_s, seen);
      }
    }
    s.key = latin_key(key);
    s.confidence = conf;
    // Only names typed with evidence (role, given name, several words) teach later mentions:
    // a guessed single word would spread its guess through the whole text.
    if (mem && conf >= 0.6f && s.type != EntityType::Misc) mem->names[joined(b, e)] = s.type;
    if (mem && s.type == EntityType::Person && conf >= 0.55f) {
      const std::string last = key_word(toks[e - 1].folded, lang, false, seen);
      {
        mem->last_words[toks[e - 1].folded] = EntityType::Person;
        mem->last_words[last] = EntityType::Person;
      }
    }
    out.push_back(std::move(s));
  }

  // The token after the name, past an opening parenthesis ("Smith (born 1950)").
  const Tok* after(size_t e) const {
    if (e < toks.size() && toks[e].text == "(") ++e;
    if (e >= toks.size() || (toks[e].punct && toks[e].text != "*")) return nullptr;
    return &toks[e];
  }
  // Born or died right after the name (German writes "*" and "†": punctuation, matched as written).
  bool birth_after(size_t e) const {
    const Tok* n = after(e);
    return n && (n->text == "*" || n->text == "†" || L->person_after.has(n->folded));
  }

  // A known place (gazetteer or typed name) spelled by tokens [b, e).
  bool place_span(size_t b, size_t e) const {
    KnownName k;
    EntityType t;
    if (lookup_span(b, e, k)) return k.type == EntityType::Location && !k.demonym;
    return typed_span(b, e, t) && t == EntityType::Location;
  }

  EntityType type_of(size_t b, size_t e, bool person_hint, float& conf) const {
    bool org = false, loc = false, misc = false;
    for (size_t i = b; i < e; ++i) {
      const std::string& w = toks[i].folded;
      if (!w.empty() && w.back() == '.' && L->org.has(w)) { org = true; continue; }
      if (L->org_cue.has(w)) org = true;
      if (e - b > 1 && lex.club_abbreviations.count(std::string(toks[i].text))) org = true;  // "SC Heerenveen"
      if (lang_is(lang, "de")) {  // German compounds: "Verteidigungsministerium", "Bundesbank"
        for (const char* suf : {"ministerium", "partei", "bank", "verband", "konzern", "gericht", "amt", "institut", "universitat"})
          if (ends_with(w, suf) && w.size() > std::char_traits<char>::length(suf)) org = true;
        for (const char* suf : {"strasse", "berg", "see", "insel", "land"})
          if (ends_with(w, suf) && w.size() > std::char_traits<char>::length(suf) + 2 && i + 1 == e) loc = true;
      }
      if (e - b > 1 && L->loc_cue.has(w)) loc = true;
      if (e - b > 1 && L->misc_cue.has(w)) misc = true;
    }
    // The common noun right before the name: "город Паттайя", "рекой Тапи", "издательства
    // «Archie Comics»", "the river Thames", "il fiume Po". Russian by stem (the noun inflects).
    if (!org && !loc && !misc && b > 0) {
      size_t p = b - 1;
      if (toks[p].punct && p > 0 && !toks[p - 1].punct) --p;  // an opening quote in between
      const Tok& prev = toks[p];
      if (!prev.punct && prev.sh.lower) {
        if (lang_is(lang, "ru")) {
          static const char* const kLocStems[] = {"город", "рек", "озер", "остров", "област", "сел", "деревн", "улиц",
                                                  "провинци", "штат", "регион", "район", "столиц", "полуостров",
                                                  "залив", "пролив", "посёлк", "поселк", "мыс"};
          static const char* const kOrgStems[] = {"компани", "издательств", "групп", "парти", "банк", "клуб",
                                                  "корпораци", "организаци", "агентств", "газет", "университет",
                                                  "команд", "концерн", "фирм"};
          static const char* const kMiscStems[] = {"фильм", "роман", "альбом", "песн", "сериал", "игр", "операци"};
          for (const char* st : kLocStems) if (prev.folded.rfind(st, 0) == 0) loc = true;
          for (const char* st : kOrgStems) if (prev.folded.rfind(st, 0) == 0) org = true;
          for (const char* st : kMiscStems) if (prev.folded.rfind(st, 0) == 0) misc = true;
        } else {
          loc = L->loc.has(prev.folded);
          org = L->org.has(prev.folded);
          misc = L->misc.has(prev.folded);
        }
      }
    }
    if (org) { conf = 0.8f; return EntityType::Organisation; }
    if (misc) { conf = 0.7f; return EntityType::Misc; }
    if (loc) { conf = 0.7f; return EntityType::Location; }
    // A role before the name makes a person, unless the name is an acronym or typed as no person:
    // then the role says where the office is ("посол СССР", "Gouverneur von Connecticut").
    if (person_hint) {
      EntityType typed;
      const bool acronym = e - b == 1 && toks[b].sh.all_caps && !headline && toks[b].sh.letters <= 6;
      if (!acronym && !(typed_span(b, e, typed) && typed != EntityType::Person)) { conf = 0.85f; return EntityType::Person; }
    }
    // A known name inside the span (a city in "Tokyo Stock Exchange" makes no place: skip) —
    // the first word a given name: a person.
    if (given(toks[b].folded) && e - b >= 2) { conf = 0.8f; return EntityType::Person; }
    // The same name typed with evidence earlier in the text.
    if (mem) {
      if (const auto it = mem->names.find(joined(b, e)); it != mem->names.end()) { conf = 0.65f; return it->second; }
    }
    const Tok* next = after(e);
    // Birth and death right after: "Smith (born 1950)", "Müller (* 1950)", "Rossi, nato a".
    if (birth_after(e)) { conf = 0.7f; return EntityType::Person; }
    // Typed names without an id: subdivisions, WordNet names, smaller places.
    EntityType typed;
    const bool speaks = next && L->saying_after.has(next->folded);
    if (typed_span(b, e, typed) && !(speaks && typed == EntityType::Location)) { conf = 0.65f; return typed; }
    if (e - b >= 2) {
      // A place, then a plural noun: a team ("Boston Bruins", "Chicago Cubs", "New York
      // Yankees"). Only a plural: a place's name is also a first name often ("Vladimir Putin",
      // "Paris Hilton"), and the list of given names cannot tell.
      const std::string& last = toks[e - 1].folded;
      const bool plural = last.size() > 3 && last.back() == 's' && !ends_with(last, "ss") && !toks[e - 1].sh.all_caps;
      for (size_t k = e - 1; plural && k > b; --k)
        if (place_span(b, k) && !lex.geo_modifiers.count(toks[k].folded) && !lex.connectors.count(toks[k].folded)) {
          conf = 0.6f;
          return EntityType::Organisation;
        }
      // A capitalised word, then a place: a club ("Dinamo Zagreb", "Racing Straßburg") unless the
      // word only qualifies the place ("Bad Homburg", "Nord-Kivu" is one token anyway).
      for (size_t k = b + 1; k < e; ++k)
        if (!lex.geo_modifiers.count(toks[k - 1].folded) && !lex.connectors.count(toks[k - 1].folded) &&
            !lex.connectors.count(toks[k].folded) && place_span(k, e)) {
          conf = 0.6f;
          return EntityType::Organisation;
        }
    }
    // "Bowling Green , Ohio", "Sandy Hook , Maryland": a name, a comma, a known place.
    if (e + 1 < toks.size() && toks[e].text == "," && toks[e + 1].sh.cap) {
      size_t f = e + 1;
      while (f < toks.size() && f < e + 4 && !toks[f].punct && toks[f].sh.cap) ++f;
      if (place_span(e + 1, f) && (f == toks.size() || toks[f].punct)) { conf = 0.6f; return EntityType::Location; }
    }
    // "in Ohio", "nach Lippstadt", "в Паттайя": a place (not a person seen before).
    if (b > 0 && !toks[b - 1].punct && !toks[b].break_before &&
        L->loc_before.has(toks[b - 1].folded) && !(mem && mem->last_words.count(toks[e - 1].folded))) {
      conf = 0.55f;
      return EntityType::Location;
    }
    if (mem) {
      const auto it = mem->last_words.find(toks[e - 1].folded);
      if (it != mem->last_words.end()) { conf = 0.6f; return it->second; }
      for (const std::string& v : variants(e - 1))
        if (auto j = mem->last_words.find(key_word(v, lang, false, seen)); j != mem->last_words.end()) { conf = 0.55f; return j->second; }
    }
    // An article right before: no person ("la Californie", "die Yankees", "the Bundesbank").
    // Romance languages put it before places (regions, rivers, countries); English, German and
    // Dutch before institutions, teams and bands more than places: the guess follows that.
    if (b > 0 && !toks[b - 1].punct && !toks[b].break_before &&
        L->article_before.has(toks[b - 1].folded)) {
      conf = 0.45f;
      // A plural article: a group (band, team, family firm: "gli Anthrax", "los Lakers").
      const std::string& art = toks[b - 1].folded;
      const bool plural = art == "les" || art == "des" || art == "aux" || art == "i" || art == "gli" || art == "dei" ||
                          art == "degli" || art == "los" || art == "las";
      const bool romance = lang_is(lang, "fr") || lang_is(lang, "it") || lang_is(lang, "es");
      return romance && !plural ? EntityType::Location : EntityType::Organisation;
    }
    if (e - b == 1) {
      const Tok& t = toks[b];
      if (t.sh.all_caps && t.sh.letters <= 6) { conf = 0.6f; return EntityType::Organisation; }
      // English adjectives of nations and peoples ("Canadian", "Japanese", "Scottish"): MISC.
      if (lang_is(lang, "en")) {
        for (const char* suf : {"ian", "ean", "ese", "ish", "ic", "an"})
          if (ends_with(t.folded, suf) && t.folded.size() > 4) { conf = 0.5f; return EntityType::Misc; }
      }
      if (gaz && gaz->is_name_part(t.folded)) { conf = 0.5f; return EntityType::Person; }
      conf = 0.4f;
      return EntityType::Person;
    }
    conf = 0.55f;
    return EntityType::Person;
  }

  std::vector<NerSpan> run_latin() {
    std::vector<NerSpan> out;
    size_t i = 0;
    while (i < toks.size()) {
      if (const size_t q = quoted_title_end(i); q > i) {  // "A Beautiful Lie": a work's title
        emit(out, i + 1, q, i + 1, i + 1);
        if (out.back().known_id.empty()) out.back().type = EntityType::Misc;
        i = q + 1;
        continue;
      }
      if (!toks[i].candidate) { ++i; continue; }
      // A run: candidates, with connectors between candidates, no punctuation break.
      size_t b = i, e = i + 1;
      while (e < toks.size()) {
        if (toks[e].break_before) break;
        if (toks[e].candidate) { ++e; continue; }
        // connectors: up to two lowercase linking words followed by a candidate
        size_t k = e;
        // The first linking word must be one that starts a link ("of", "von", "de"); articles
        // only follow one ("van der", "de la"): German "der" alone is an article between nouns.
        while (k < toks.size() && k < e + 2 && !toks[k].break_before && !toks[k].sh.cap &&
               lex.connectors.count(toks[k].folded) && (k > e || lex.first_connectors.count(toks[k].folded)))
          ++k;
        // A name's head noun that is also ordinary vocabulary ("Turkish Airlines", "Deutsche
        // Bank"), or a German surname that is a noun after a given name ("Michael Schumacher").
        if (k == e && toks[e].sh.cap && !toks[e].punct &&
            (L->org_cue.has(toks[e].folded) ||
             (given(toks[e - 1].folded) && !toks[e].initial))) {
          ++e;
          continue;
        }
        if (k > e && k < toks.size() && toks[k].candidate && !toks[k].break_before) { e = k + 1; continue; }
        break;
      }
      // Role in front, inside the run ("Prime Minister Shigeru Ishiba") or just before it in
      // lower case ("il segretario generale della NATO Mark Rutte", "премьер-министр Японии").
      size_t rb = b, re = b;
      bool linked_role = false;  // the role was found across articles or genitives (below)
      // "Prime Minister ...": the sentence's first word was not a candidate, yet starts the role.
      size_t rs = b;
      if (b > 0 && toks[b - 1].sh.cap && !toks[b - 1].candidate && !toks[b].break_before) rs = b - 1;
      size_t role_end = role_starting_at(rs, toks.size());
      if (role_end == rs) role_end = role_starting_at(b, toks.size());
      else b = rs;
      if (role_end >= e && role_end > b) {  // the run is (the start of) a role: "the President said",
        i = role_end;                       // "le Premier ministre japonais"
        continue;
      }
      if (role_end > b && role_end < e) {
        rb = b; re = role_end; b = role_end;
        while (b < e && lex.connectors.count(toks[b].folded)) ++b;  // "Minister of"
      } else if (size_t k = role_inside(b, e); k < e) {  // "NATO Secretary General Mark Rutte"
        emit(out, b, k, b, b);
        rb = k;
        re = role_starting_at(k, e);
        b = re;
      } else if (b > 0) {
        // "Ministerpräsident Fumio Kishida"; "segretario generale della NATO": connectors skipped
        size_t at = b;
        // "Premier ministre japonais Shigeru Ishiba": a demonym between role and name.
        if (at > 1 && toks[at - 1].sh.lower && !toks[at - 1].break_before) {
          std::vector<KnownName> k;
          if (gaz_known(toks[at - 1].folded, &k) && k.front().demonym) --at;
        }
        // Between role and name: linking words and articles ("head of the IMF", "ministre de
        // l'Intérieur"), in Russian lower-case words in the genitive ("министр обороны России",
        // "министр иностранных дел").
        // Such a role says where the office is ("head of the IMF"), not who holds it: it stays
        // the person's only when a person follows in the run (split_and_emit, `linked_role`).
        bool skipped_article_or_genitive = false;
        for (int tries = 0; tries < 4 && at > 0; ++tries) {
          const int r = role_ending_at(at);
          if (r >= 0) {
            rb = static_cast<size_t>(r);
            re = b;
            linked_role = skipped_article_or_genitive || tries == 3;
            break;
          }
          const Tok& w = toks[at - 1];
          if (w.sh.cap || w.punct || toks[at].break_before) break;
          if (!lex.connectors.count(w.folded)) {
            if (!L->article_before.has(w.folded) && !(lang_is(lang, "ru") && ru_genitive_like(w.folded))) break;
            skipped_article_or_genitive = true;
          }
          --at;
        }
      }
      // French/Italian/Spanish write a place's head noun in lower case before the name
      // ("océan Pacifique", "château du Vigneau", "lago di Garda"): it belongs to the name.
      if (re == rb && b > 0 && (lang_is(lang, "fr") || lang_is(lang, "it") || lang_is(lang, "es"))) {
        size_t h = b;
        if (h > 1 && lex.connectors.count(toks[h - 1].folded) && !toks[h].break_before) --h;
        if (h > 1 && lex.connectors.count(toks[h - 1].folded) && !toks[h].break_before) --h;
        if (h > 0 && toks[h - 1].sh.lower && !toks[h].break_before && L->loc.has(toks[h - 1].folded)) {
          KnownName kn;
          if (!lookup_span(b, e, kn) || kn.type == EntityType::Location) {
            emit(out, h - 1, e, h - 1, h - 1, /*head_noun=*/true);
            i = e;
            continue;
          }
        }
      }
      split_and_emit(out, b, e, rb, re, linked_role);
      i = e;
    }
    return out;
  }

  // A person's name starts at token k: a given name (Russian ones in any case), capitalised,
  // with a surname after it inside the run; after a role also any first or last name of the
  // name lists (Gazetteer::is_name_part) that is the run's last but one word ("Attilio Fontana").
  bool person_starts(size_t k, size_t e, bool role) const {
    const Tok& t = toks[k];
    if (k + 1 >= e || !t.sh.cap || t.sh.all_caps || lex.connectors.count(t.folded)) return false;
    for (size_t i = k; i < e; ++i)  // "Spartacus FC", "Jorge Wilstermann Club": no person's name
      if (toks[i].sh.all_caps || L->org_cue.has(toks[i].folded)) return false;
    return given(t.folded) || (lang_is(lang, "ru") && ru_given_name(t.folded)) ||
           (role && k + 2 == e && gaz && gaz->is_name_part(t.folded));
  }

  // What the words [b, k) before a person are: an organisation or place of its own (known,
  // typed, an acronym, or holding a cue word: "Deutschen Bank", "Regione Lombardia"), or, after
  // a role, the role's complement ("ministro degli Esteri", "глава Сбербанка": one or two words,
  // no given name among them), or neither.
  enum class Before { Nothing, Entity, RoleComplement };
  // A linked role (found across an article or genitive: "head coach of the St. Louis ...")
  // takes only ordinary words as its complement ("ministre de l'Intérieur"; in Russian any).
  Before before_person(size_t b, size_t k, bool role, bool linked_role) const {
    // "Banque de | France ...", "St. | Louis Cardinals"
    if (lex.connectors.count(toks[k - 1].folded) || lex.geo_modifiers.count(toks[k - 1].folded)) return Before::Nothing;
    KnownName kn;
    EntityType typed;
    if (lookup_span(b, k, kn)) return kn.type == EntityType::Person ? Before::Nothing : Before::Entity;
    if (k - b == 1 && toks[b].sh.all_caps && toks[b].sh.letters <= 6) return Before::Entity;
    // Weaker evidence, only after a role and without a given name ("Jerry Lee Lewis": "Jerry"
    // is typed MISC; "Club Jorge Wilstermann" is a club named after a person).
    if (!role) return Before::Nothing;
    bool cue = false;
    for (size_t i = b; i < k; ++i) {
      if (given(toks[i].folded) || (lang_is(lang, "ru") && ru_given_name(toks[i].folded))) return Before::Nothing;
      cue = cue || L->org_cue.has(toks[i].folded) || L->loc_cue.has(toks[i].folded);
    }
    if (cue || (typed_span(b, k, typed) && typed != EntityType::Person)) return Before::Entity;
    if (k - b > 2) return Before::Nothing;
    if (linked_role && !lang_is(lang, "ru")) {
      const std::string l2(lang.substr(0, std::min<size_t>(2, lang.size())));
      for (size_t i = b; i < k; ++i)
        if (!gaz || !gaz->is_common_word(toks[i].folded, l2)) return Before::Nothing;
    }
    return Before::RoleComplement;
  }

  // Splits a run that holds an organisation, place or a role's complement before a person:
  // "NATO Mark Rutte", "Deutschen Bank Christian Sewing", "Esteri Antonio Tajani" after "il
  // ministro degli", "Японии Сигэру Исиба" after "премьер-министр"; then emits.
  void split_and_emit(std::vector<NerSpan>& out, size_t b, size_t e, size_t rb, size_t re, bool linked_role = false) {
    const bool role = re > rb;
    // The first given name with a surname after it whose words before are no person's.
    for (size_t k = b + 1; k + 1 < e; ++k) {
      if (!person_starts(k, e, role)) continue;
      const Before what = before_person(b, k, role, linked_role);
      if (what == Before::Nothing) continue;
      if (what == Before::Entity) {
        emit(out, b, k, b, b);
        // The person's role covers the organisation: "segretario generale della NATO".
        emit(out, k, e, role ? rb : k, k);
      } else {
        emit(out, k, e, rb, k);  // the role takes its complement: "ministro degli Esteri"
      }
      out.back().type = EntityType::Person;
      return;
    }
    // After a role, a known name and then anyone ("Премьер-министр Японии Сигэру Исиба"; two
    // words at least after a linked role: "coach of the Miami Marlins" is a team).
    for (size_t k = b + 1; role && k + (linked_role ? 1 : 0) < e; ++k) {
      if (toks[k].sh.all_caps || lex.connectors.count(toks[k].folded)) continue;
      KnownName kn;
      if (!(lookup_span(b, k, kn) && kn.type != EntityType::Person)) continue;
      emit(out, b, k, b, b);
      emit(out, k, e, rb, k);
      out.back().type = EntityType::Person;
      return;
    }
    if (linked_role) rb = re = b;
    emit(out, b, e, rb, re);
  }

  // ---------------------------------------------------------------- CJK ------------------
  bool is_role_suffix(const std::string& w) const {
    const auto& list = lang_is(lang, "zh") ? lex.zh_roles : lex.ja_role_suffixes;
    if (std::find(list.begin(), list.end(), w) != list.end()) return true;
    // "former", "vice", "new", "acting" before a role make one word of it in the dictionary
    // (前首相, 副总统, 新任总统 aside): the role is still a role.
    for (std::string_view pre : {"前", "副", "原", "新", "代"})
      if (w.size() > pre.size() && w.compare(0, pre.size(), pre) == 0 &&
          std::find(list.begin(), list.end(), w.substr(pre.size())) != list.end())
        return true;
    return false;
  }

  std::vector<NerSpan> run_cjk() {
    std::vector<NerSpan> out;
    const bool zh = lang_is(lang, "zh");
    std::vector<bool> used(toks.size(), false);
    auto push = [&](size_t b, size_t e, EntityType type, std::string id, bool demonym, float conf, size_t rb, size_t re) {
      for (size_t i = b; i < e; ++i)
        if (used[i]) return;
      for (size_t i = b; i < e; ++i) used[i] = true;
      NerSpan s;
      s.begin = static_cast<uint32_t>(b);
      s.end = static_cast<uint32_t>(e);
      s.role_begin = static_cast<uint32_t>(rb);
      s.role_end = static_cast<uint32_t>(re);
      s.type = type;
      s.known_id = std::move(id);
      s.demonym = demonym;
      s.confidence = conf;
      std::string text;
      for (size_t i = b; i < e; ++i) text += toks[i].text;
      s.key = latin_key(text);
      out.push_back(std::move(s));
    };
    auto concat = [&](size_t b, size_t e) {
      std::string s;
      for (size_t i = b; i < e; ++i) s += toks[i].folded;
      return s;
    };
    // 1. Person names before (ja, zh) or after (zh) a role word.
    for (size_t i = 0; i < toks.size(); ++i) {
      // A role may be split by the dictionary (事務 + 総長): up to 3 tokens joined.
      size_t role_end = i;
      for (size_t j = std::min(toks.size(), i + 3); j > i; --j)
        if (!toks[i].punct && is_role_suffix(concat(i, j))) { role_end = j; break; }
      if (role_end == i) continue;
      // name before: katakana tokens (joined by ・), else up to 4 Han characters
      size_t b = i;
      if (b > 0 && (toks[b - 1].sh.katakana || (toks[b - 1].sh.word && !toks[b - 1].sh.cjk))) {
        while (b > 0 && (toks[b - 1].sh.katakana || toks[b - 1].text == "・") && !toks[b].break_before) --b;
      } else {
        size_t chars = 0;
        while (b > 0 && toks[b - 1].sh.han && chars + toks[b - 1].sh.chars <= 4 && !toks[b].break_before &&
               !is_role_suffix(std::string(toks[b - 1].text))) {
          KnownName kn;
          if (gaz_known(toks[b - 1].folded)) break;  // 日本 in 日本首相: a place, not a name
          chars += toks[b - 1].sh.chars;
          --b;
        }
        if (chars < 2) b = i;
      }
      // Chinese writes the organisation before the role and the name after it (国务院总理李强):
      // what precedes is a name only when no name follows, and never a word ending in an
      // organisation suffix (国务院, 外交部).
      if (zh && b < i) {
        const std::string before = concat(b, i);
        bool org = false;
        for (const std::string& suf : lex.cjk_org_suffixes) org = org || ends_with(before, suf);
        // A name follows when CC-CEDICT knows the next words as a name or the dictionary could
        // not join the next character (李/强); a dictionary word (表示 in 特朗普总统表示) is not one.
        bool name_follows = role_end < toks.size() && toks[role_end].sh.han && !toks[role_end].punct && toks[role_end].sh.chars == 1;
        for (size_t k = role_end + 1; k <= std::min(toks.size(), role_end + 4) && !name_follows; ++k)
          name_follows = lex.zh_names.count(concat(role_end, k)) > 0;
        if (org || name_follows) b = i;
      }
      if (b < i) {
        // The role follows the name here: kept apart all the same.
        push(b, i, EntityType::Person, "", false, 0.8f, i, role_end);
        i = role_end - 1;
        continue;
      }
      if (zh && role_end < toks.size()) {  // 总统特朗普, 秘书长吕特
        const size_t r = i;
        i = role_end;
        size_t e = i, chars = 0;
        // A CC-CEDICT name right after the role, the longest of up to 4 tokens: foreign names
        // are transliterated in 3-5 characters the dictionary splits (泽连斯基, 岸田文雄), which
        // the 3-character rule below would cut ("泽连斯").
        bool known = false;
        for (size_t k = std::min(toks.size(), i + 4); k > i && !known; --k) {
          bool han_run = true;
          for (size_t t = i; t < k; ++t) han_run = han_run && toks[t].sh.han && !toks[t].punct && (t == i || !toks[t].break_before);
          if (!han_run) continue;
          const auto it = lex.zh_names.find(concat(i, k));
          if (it == lex.zh_names.end()) continue;
          if (it->second == EntityType::Person) push(i, k, EntityType::Person, "", false, 0.8f, r, role_end);
          known = true;
        }
        if (known) continue;
        // Otherwise a first word of up to 3 characters, then single characters the dictionary
        // could not join (a transliterated name: 泽/连/斯/基), 4 characters in all. A dictionary
        // word after the name ends it (李强|表示), as do a gap (punctuation: "吕特，这是…") and the
        // function characters that follow names (吕特|也, 吕特|说).
        static constexpr std::string_view kAfterName[] = {"也", "是", "在", "和", "与", "及", "的", "了", "说", "将", "就",
                                                          "对", "都", "还", "又", "并", "向", "称", "曾", "已", "等", "被",
                                                          "把", "从", "到", "于", "为", "则", "却", "会", "要", "仍"};
        auto adjacent = [&](size_t t) { return toks[t].text.data() == toks[t - 1].text.data() + toks[t - 1].text.size(); };
        while (e < toks.size() && toks[e].sh.han && !toks[e].punct && chars + toks[e].sh.chars <= 4) {
          // (A later word of two characters only when it is itself a name the dictionary knows:
          // 岸/田文/雄, where 田文 is a historical figure's name, is one name.)
          if (e == i ? toks[e].sh.chars > 3 : ((toks[e].sh.chars != 1 && !lex.zh_names.count(toks[e].folded)) || !adjacent(e) ||
                                                std::find(std::begin(kAfterName), std::end(kAfterName), toks[e].text) != std::end(kAfterName)))
            break;
          chars += toks[e].sh.chars;
          ++e;
        }
        if (chars >= 2) push(i, e, EntityType::Person, "", false, 0.6f, r, role_end);
        i = role_end - 1;
      }
    }
    // 2. Known names: the gazetteer (longest concatenation of up to 4 tokens), CC-CEDICT names.
    for (size_t i = 0; i < toks.size(); ++i) {
      if (used[i] || toks[i].punct) continue;
      bool done = false;
      for (size_t e = std::min(toks.size(), i + 4); e > i && !done; --e) {
        bool ok = true;
        for (size_t k = i; k < e; ++k) ok = ok && !used[k] && !toks[k].punct && (k == i || !toks[k].break_before);
        if (!ok) continue;
        const std::string s = concat(i, e);
        std::vector<KnownName> kn;
        if (gaz_known(s, &kn)) {
          push(i, e, kn.front().type, kn.front().id, kn.front().demonym, 0.9f, i, i);
          i = e - 1;
          done = true;
        } else if (zh) {
          const auto it = lex.zh_names.find(s);
          if (it != lex.zh_names.end() && cp_count(s) >= 2) {
            push(i, e, it->second, "", false, 0.7f, i, i);
            i = e - 1;
            done = true;
          }
        }
      }
    }
    // 3. Organisation and place suffixes (防衛省, 自民党, 北海道 is in the gazetteer).
    for (size_t i = 0; i < toks.size(); ++i) {
      if (used[i] || !toks[i].sh.cjk || toks[i].sh.katakana) continue;
      const std::string& w = toks[i].folded;
      for (const std::string& suf : lex.cjk_org_suffixes)
        if (ends_with(w, suf) && cp_count(w) >= cp_count(suf) + 2) { push(i, i + 1, EntityType::Organisation, "", false, 0.6f, i, i); break; }
    }
    // 4. Japanese: katakana names with a middle dot (マルク・ルッテ) are people.
    if (!zh) {
      for (size_t i = 0; i < toks.size(); ++i) {
        if (used[i] || !toks[i].sh.katakana) continue;
        if (toks[i].text.find("・") != std::string_view::npos && cp_count(toks[i].text) >= 4)
          push(i, i + 1, EntityType::Person, "", false, 0.6f, i, i);
      }
    }
    // 5. Latin words in CJK text (NATO, G7): as in Latin script, minus the sentence rules.
    for (size_t i = 0; i < toks.size(); ++i) {
      if (used[i] || toks[i].punct || toks[i].sh.cjk || !toks[i].sh.cap) continue;
      size_t e = i + 1;
      while (e < toks.size() && !used[e] && toks[e].sh.cap && !toks[e].sh.cjk && !toks[e].break_before) ++e;
      KnownName kn;
      const bool known = lookup_span(i, e, kn);
      push(i, e, known ? kn.type : toks[i].sh.all_caps ? EntityType::Organisation : EntityType::Misc,
           known ? kn.id : "", known && kn.demonym, known ? 0.9f : 0.5f, i, i);
      i = e - 1;
    }
    std::sort(out.begin(), out.end(), [](const NerSpan& a, const NerSpan& b) { return a.begin < b.begin; });
    return out;
  }
};

}  // namespace

std::vector<NerSpan> EntityRecognizer::tag(const std::vector<NerToken>& tokens, std::string_view lang,
                                           const NameEvidence* evidence) const {
  return tag(tokens, lang, evidence, nullptr);
}

std::vector<NerSpan> EntityRecognizer::tag(const std::vector<NerToken>& tokens, std::string_view lang,
                                           const NameEvidence* evidence, Memory* memory) const {
  // The token buffer of the previous call, so its strings keep their capacity: allocating a
  // folded string (and its variants) for every token of every sentence was a tenth of the time.
  // Per thread: tag() is const and may run on several threads at once.
  thread_local std::vector<Tok> spare;
  Tagger t{*lex_, gaz_.get(), lang, evidence, memory, std::move(spare), false, nullptr};
  t.prepare(tokens);
  std::vector<NerSpan> out;
  if (lang_is(lang, "ja") || lang_is(lang, "zh")) {
    out = t.run_cjk();
  } else {
    t.classify();
    out = t.run_latin();
  }
  spare = std::move(t.toks);
  return out;
}

std::vector<std::string> to_iob2(const std::vector<NerSpan>& spans, size_t n) {
  std::vector<std::string> tags(n, "O");
  for (const NerSpan& s : spans) {
    for (uint32_t i = s.begin; i < s.end && i < n; ++i)
      tags[i] = std::string(i == s.begin ? "B-" : "I-") + entity_type_code(s.type);
  }
  return tags;
}

// =============================================================================================
// [SECTION] documents
// =============================================================================================
// Analysis's special members live here, where MentionInfo is complete (see document.h).
Analysis::Analysis() = default;
Analysis::~Analysis() = default;
Analysis::Analysis(const Analysis&) = default;
Analysis::Analysis(Analysis&&) noexcept = default;
Analysis& Analysis::operator=(const Analysis&) = default;
Analysis& Analysis::operator=(Analysis&&) noexcept = default;

void EntityRecognizer::find(const Document& doc, Analysis& a, const NameEvidence* evidence) const {
  a.mentions.clear();
  Memory memory;
  std::vector<NerToken> toks;
  std::vector<Span> spans;
  size_t t = 0;
  for (uint32_t s = 0; s < a.sentences.size(); ++s) {
    const SentenceInfo& si = a.sentences[s];
    toks.clear();
    spans.clear();
    while (t < a.tokens.size() && a.tokens[t].sentence < s) ++t;
    uint32_t prev_end = si.span.begin;
    for (; t < a.tokens.size() && a.tokens[t].sentence == s; ++t) {
      const Span w = a.tokens[t].span;
      NerToken nt;
      nt.text = doc.slice(w);
      // Anything but spaces between two words (a comma, a quote, a dash) separates names.
      const std::string_view gap = std::string_view(doc.text).substr(prev_end, w.begin - prev_end);
      bool only_space = true, opener = spans.empty();
      for (size_t i = 0; i < gap.size();) {
        const char32_t c = next_codepoint_fast(gap, i);
        if (c == ' ' || c == 0xA0 || c == 0x202F) continue;
        only_space = false;
        if (c == ':' || c == '"' || c == 0x201C || c == 0x201E || c == 0x00AB || c == '(' || c == 0x300C ||
            c == '\n' || c == '.' || c == '!' || c == '?')
          opener = true;
      }
      nt.break_before = !only_space && !spans.empty();
      nt.initial = opener;
      toks.push_back(nt);
      spans.push_back(w);
      prev_end = w.end;
    }
    if (si.boilerplate || toks.empty()) continue;
    for (NerSpan& n : tag(toks, si.language, evidence, &memory)) {
      MentionInfo m;
      m.span = {spans[n.begin].begin, spans[n.end - 1].end};
      if (n.role_end > n.role_begin) m.role = {spans[n.role_begin].begin, spans[n.role_end - 1].end};
      m.sentence = s;
      m.type = n.type;
      m.key = std::move(n.key);
      m.known_id = std::move(n.known_id);
      m.demonym = n.demonym;
      m.confidence = n.confidence;
      a.mentions.push_back(std::move(m));
    }
  }
}

}  // namespace px
