// bench_core.cpp — px_bench: speed of the analysis core on a generated multilingual corpus.
// Benchmarks, not tests: nothing here passes or fails; docs/benchmarks.md records the figures
// together with the command that produced them.
//
//   px_bench [--articles N] [--json] [--only P[,P]] [--assets DIR] [--write DIR]
//     --articles N  size of the short-article corpus (~300 bytes of text each) for add_all,
//                   run_query, sort_rows, to_jsonl (default 100000). The long-article set
//                   (ingest, fold, pipeline, text pipeline) is min(N, 10000) articles of ~2.5 KB.
//     --json        one JSON object on stdout instead of the table.
//     --only P[,P]  run only the measurements whose names start with P (e.g. for a profiler:
//                   perf record build-bench/px_bench --only analyze_long)
//     --assets DIR  the text pipeline's models and dictionaries (default: build-wasm/assets of
//                   this checkout, made by build-wasm.sh / scripts/make-assets.sh)
//     --write DIR   write the generated corpus (DIR/bench-long.jsonl, DIR/bench-short.jsonl)
//                   and exit: the same articles for the CLI, the app or a profiler.
//   Native:  build-bench/px_bench
//   Wasm:    node --no-experimental-fetch build-bench-wasm/px_bench.js
//   Both:    scripts/bench.sh (prints the wasm/native ratio of every measurement)
//
// Every measurement runs a few times (steady_clock); the median is reported, with the minimum.
// The corpus is generated here (deterministic: same bytes on every run and on both builds)
// from short news-like sentences in en/de/it/fr/es/ru/ja/zh written for this benchmark.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <tuple>
#include <vector>

#include "analyze.h"
#include "corpus.h"
#include "ingest.h"
#include "ner.h"
#include "query.h"
#include "text_fold.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

namespace {

//------------------------------------------------------------------------------------------
// [SECTION] corpus generator
//------------------------------------------------------------------------------------------

struct Outlet {
  const char* name;
  const char* host;
};

struct Lang {
  const char* code;
  const char* sentence_sep;  // "" for Japanese and Chinese
  std::vector<const char*> sentences;
  std::vector<const char*> titles;
  std::vector<Outlet> outlets;
  // One attributed sentence per paragraph, "{name}", "{place}", "{n}" filled per article: it makes
  // paragraphs unique across the corpus (the pipeline treats a paragraph repeated in other
  // articles as site chrome) and gives the quote and number finders real work.
  std::vector<const char*> attributed;
  std::vector<const char*> first_names;  // empty: names are family names alone (ja, zh)
  std::vector<const char*> last_names;
  std::vector<const char*> places;
};

const std::vector<Lang>& languages() {
  static const std::vector<Lang> langs = {
      {"en", " ",
       {"The central bank left interest rates unchanged on Thursday, citing persistent inflation in services.",
        "Officials in Brussels said the agreement could be signed before the end of the month.",
        "Rutte told reporters that the alliance would increase its presence on the eastern flank.",
        "Heavy rain flooded several districts overnight, and schools in the region remained closed.",
        "The company reported a quarterly loss and announced plans to cut 1,200 jobs.",
        "Opposition leaders called for an independent inquiry into the procurement contracts.",
        "Negotiators worked through the night, but no final text was agreed.",
        "Ticket prices for regional trains will rise by four percent from January.",
        "The minister defended the budget, saying it protected spending on hospitals and schools.",
        "Researchers at the university published data showing a sharp fall in air pollution."},
       {"Central bank holds rates as inflation lingers", "Alliance to bolster eastern flank, Rutte says",
        "Floods close schools across the region", "Carmaker to cut 1,200 jobs after quarterly loss",
        "Budget row deepens as opposition demands inquiry", "Train fares to rise four percent in January"},
       {{"The Morning Ledger", "morningledger.example"}, {"Harbour Times", "harbourtimes.example"},
        {"Northern Courier", "northerncourier.example"}},
       {"“We expect a decision within {n} days,” said {name}, a spokesperson for the ministry in {place}.",
        "Speaking in {place}, {name} said the plan would cost about {n} million euros."},
       {"Sarah", "James", "Emily", "Daniel", "Laura", "Michael", "Hannah", "Peter"},
       {"Mitchell", "Carter", "Brooks", "Hughes", "Turner", "Walsh", "Bennett", "Reid"},
       {"London", "Manchester", "Leeds", "Bristol", "Glasgow", "Cardiff", "Belfast", "Liverpool"}},
      {"de", " ",
       {"Die Bundesregierung will das Gesetz noch vor der Sommerpause durch den Bundestag bringen.",
        "In München demonstrierten am Samstag mehrere tausend Menschen für bezahlbare Wohnungen.",
        "Der Verkehrsminister kündigte an, die Straße zwischen Köln und Düsseldorf bis Herbst zu sanieren.",
        "Nach Angaben der Polizei wurde bei dem Unfall niemand schwer verletzt.",
        "Die Gewerkschaft fordert für die Beschäftigten eine Lohnerhöhung von acht Prozent.",
        "Rutte traf sich in Brüssel mit den Außenministern der Mitgliedstaaten.",
        "Die Inflation ist im März überraschend deutlich gesunken.",
        "Ökonomen warnen vor den Folgen höherer Energiepreise für die Industrie.",
        "Der Stadtrat stimmte dem Bau einer neuen Grundschule mit großer Mehrheit zu.",
        "Kritiker bemängeln, dass die Reform zu spät und zu zaghaft komme."},
       {"Bundesregierung drängt auf schnelles Gesetz", "Tausende demonstrieren in München für bezahlbares Wohnen",
        "Inflation sinkt überraschend deutlich", "Gewerkschaft fordert acht Prozent mehr Lohn",
        "Rutte trifft Außenminister in Brüssel", "Neue Grundschule beschlossen"},
       {{"Rheinischer Anzeiger", "rheinischer-anzeiger.example"}, {"Münchner Abendblatt", "abendblatt-muenchen.example"},
        {"Nordkurier Online", "nordkurier-online.example"}},
       {"„Wir rechnen mit einer Entscheidung in {n} Tagen“, sagte {name}, Sprecherin des Ministeriums in {place}.",
        "In {place} erklärte {name}, das Vorhaben werde rund {n} Millionen Euro kosten."},
       {"Anna", "Julia", "Katrin", "Sabine", "Petra", "Laura", "Miriam", "Jana"},
       {"Becker", "Hoffmann", "Vogel", "Krüger", "Schneider", "Wagner", "Neumann", "Braun"},
       {"Berlin", "Hamburg", "Köln", "Leipzig", "Dresden", "Stuttgart", "Bremen", "Hannover"}},
      {"it", " ",
       {"Il governo ha approvato mercoledì il decreto sulle bollette energetiche.",
        "Secondo l'Istat, la disoccupazione è scesa al livello più basso degli ultimi quindici anni.",
        "Rutte ha incontrato a Roma il presidente del Consiglio per discutere del sostegno all'Ucraina.",
        "Nella città di Napoli i lavori della nuova linea della metropolitana sono in ritardo.",
        "I sindacati hanno proclamato uno sciopero dei trasporti per venerdì prossimo.",
        "L'opposizione accusa la maggioranza di aver ignorato le richieste dei comuni.",
        "Le piogge intense hanno provocato frane in diverse località dell'Appennino.",
        "Il ministro ha assicurato che i fondi per la sanità non saranno ridotti.",
        "La Banca d'Italia prevede una crescita moderata per il prossimo anno.",
        "Migliaia di studenti sono scesi in piazza per chiedere più borse di studio."},
       {"Bollette, via libera al decreto", "Disoccupazione ai minimi da quindici anni",
        "Rutte a Roma: sostegno all'Ucraina", "Sciopero dei trasporti venerdì",
        "Frane sull'Appennino dopo le piogge", "Sanità, il ministro: nessun taglio"},
       {{"Corriere del Golfo", "corrieredelgolfo.example"}, {"La Voce di Torino", "vocetorino.example"}},
       {"«Ci aspettiamo una decisione entro {n} giorni», ha detto a {place} {name}, portavoce del ministero.",
        "Secondo {name}, intervenuto a {place}, il piano costerà circa {n} milioni di euro."},
       {"Giulia", "Marco", "Chiara", "Luca", "Paolo", "Sara", "Davide", "Elena"},
       {"Romano", "Ferrari", "Greco", "Esposito", "Ricci", "Conti", "Gallo", "Bruno"},
       {"Milano", "Torino", "Bologna", "Firenze", "Bari", "Palermo", "Genova", "Verona"}},
      {"fr", " ",
       {"Le gouvernement a présenté mercredi un projet de loi sur la réforme des retraites.",
        "À Marseille, les élus ont voté un plan de rénovation des écoles du centre-ville.",
        "Rutte a déclaré à Bruxelles que l'alliance devait renforcer sa défense aérienne.",
        "La grève des contrôleurs aériens a entraîné l'annulation de centaines de vols.",
        "Selon l'Insee, le pouvoir d'achat des ménages a légèrement progressé au premier trimestre.",
        "Les agriculteurs ont bloqué plusieurs autoroutes pour protester contre les nouvelles normes.",
        "Le ministre de l'Économie a exclu toute hausse d'impôts cette année.",
        "Une enquête a été ouverte après l'incendie d'un entrepôt près de Lyon.",
        "Les négociations entre la direction et les syndicats reprendront la semaine prochaine.",
        "Des chercheurs français ont mis au point un test de dépistage plus rapide."},
       {"Retraites : le projet de loi présenté en Conseil des ministres",
        "Grève des contrôleurs aériens : des centaines de vols annulés", "Rutte veut renforcer la défense aérienne",
        "Les agriculteurs bloquent les autoroutes", "Pas de hausse d'impôts cette année, promet le ministre",
        "Incendie d'un entrepôt près de Lyon"},
       {{"Le Quotidien du Rhône", "quotidien-rhone.example"}, {"La Gazette de Paris", "gazette-paris.example"}},
       {"«\u00a0Nous attendons une décision d'ici {n} jours\u00a0», a déclaré à {place} {name}, porte-parole du ministère.",
        "De passage à {place}, {name} a indiqué que le projet coûterait environ {n} millions d'euros."},
       {"Claire", "Julien", "Camille", "Nicolas", "Sophie", "Thomas", "Émilie", "Antoine"},
       {"Dubois", "Moreau", "Laurent", "Girard", "Lefèvre", "Mercier", "Fontaine", "Chevalier"},
       {"Lyon", "Lille", "Nantes", "Bordeaux", "Toulouse", "Strasbourg", "Rennes", "Nice"}},
      {"es", " ",
       {"El Gobierno aprobó el martes una subida del salario mínimo del cinco por ciento.",
        "En Madrid, miles de personas se manifestaron contra la subida de los alquileres.",
        "Rutte se reunió en Bruselas con los ministros de Defensa de la alianza.",
        "La sequía obliga a restringir el riego en varias comarcas de Andalucía.",
        "Según el Banco de España, la economía crecerá un dos por ciento este año.",
        "La oposición exigió la comparecencia del ministro en el Congreso.",
        "El tren de alta velocidad entre Barcelona y Valencia sufrió retrasos de más de una hora.",
        "Los sindicatos convocaron una huelga general para el próximo jueves.",
        "El ayuntamiento anunció la apertura de tres nuevas bibliotecas en los barrios del sur.",
        "Investigadores españoles descubrieron una nueva especie de orquídea en los Pirineos."},
       {"El Gobierno sube el salario mínimo un cinco por ciento", "Miles de personas protestan en Madrid por los alquileres",
        "Rutte se reúne con los ministros de Defensa", "La sequía restringe el riego en Andalucía",
        "Huelga general el próximo jueves", "Nueva especie de orquídea en los Pirineos"},
       {{"El Diario del Sur", "diariodelsur.example"}, {"Crónica de Madrid", "cronicamadrid.example"}},
       {"«Esperamos una decisión en {n} días», dijo en {place} {name}, portavoz del ministerio.",
        "Desde {place}, {name} afirmó que el plan costará unos {n} millones de euros."},
       {"Lucía", "Javier", "Carmen", "Pablo", "Marta", "Sergio", "Elena", "Diego"},
       {"Fernández", "Morales", "Ruiz", "Navarro", "Romero", "Gil", "Ortega", "Castillo"},
       {"Sevilla", "Valencia", "Bilbao", "Zaragoza", "Málaga", "Murcia", "Vigo", "Granada"}},
      {"ru", " ",
       {"Правительство утвердило новый план поддержки малого бизнеса.",
        "В Москве в среду прошло заседание совета директоров центрального банка.",
        "Рютте заявил, что альянс усилит присутствие на восточном фланге.",
        "Из-за сильного снегопада в нескольких регионах были закрыты школы.",
        "Министр финансов сообщил, что дефицит бюджета оказался ниже ожиданий.",
        "Цены на продукты питания выросли на три процента за квартал.",
        "Переговоры между сторонами продолжатся на следующей неделе в Женеве.",
        "Учёные представили результаты исследования качества воздуха в крупных городах.",
        "Депутаты приняли закон о защите персональных данных в первом чтении.",
        "Аэропорт временно приостановил работу из-за тумана."},
       {"Правительство утвердило план поддержки малого бизнеса", "Рютте пообещал усилить восточный фланг",
        "Снегопад закрыл школы в нескольких регионах", "Дефицит бюджета оказался ниже ожиданий",
        "Цены на продукты выросли на три процента", "Закон о персональных данных принят в первом чтении"},
       {{"Вечерние новости", "vechernie-novosti.example"}, {"Северный вестник", "severny-vestnik.example"}},
       {"«Мы ожидаем решения в течение {n} дней», — сказал в {place} {name}, представитель министерства.",
        "Выступая в {place}, {name} сообщил, что проект обойдётся примерно в {n} миллионов рублей."},
       {"Игорь", "Дмитрий", "Алексей", "Сергей", "Андрей", "Михаил", "Павел", "Олег"},
       {"Петров", "Козлов", "Волков", "Морозов", "Соколов", "Лебедев", "Новиков", "Егоров"},
       {"Казани", "Самаре", "Перми", "Омске", "Томске", "Уфе", "Твери", "Калуге"}},
      {"ja", "",
       {"政府は水曜日、新たな経済対策を閣議決定した。",
        "東京都内では朝から強い雨が降り、一部の電車が運転を見合わせた。",
        "ルッテ事務総長は記者会見で、同盟の防衛力を強化する方針を示した。",
        "日本銀行は金融政策の現状維持を決めた。",
        "大阪で開かれた国際会議には四十か国以上の代表が参加した。",
        "専門家は、物価の上昇が家計に与える影響を懸念している。",
        "地元の自治体は、高齢者向けの交通支援を拡充すると発表した。",
        "自動車大手は、電気自動車の新工場を建設する計画を明らかにした。",
        "野党は予算案の修正を求めて審議に応じない構えだ。",
        "研究チームは、新しい電池材料の開発に成功したと発表した。"},
       {"政府、新たな経済対策を閣議決定", "都内で強い雨、電車に遅れ", "ルッテ氏、同盟の防衛力強化へ",
        "日銀、金融政策の現状維持を決定", "電気自動車の新工場建設へ", "新しい電池材料の開発に成功"},
       {{"東都新聞", "toto-shimbun.example"}, {"関西日報", "kansai-nippo.example"}},
       {"{name}報道官は{place}で「{n}日以内に結論を出したい」と述べた。",
        "{place}を訪れた{name}氏によると、計画の費用は約{n}億円に上る見通しだ。"},
       {},
       {"田中", "佐藤", "鈴木", "高橋", "伊藤", "渡辺", "山本", "中村"},
       {"札幌", "仙台", "名古屋", "京都", "神戸", "広島", "福岡", "那覇"}},
      {"zh", "",
       {"国务院周三召开常务会议，研究部署稳就业措施。",
        "北京今天迎来降雨，部分地区出现交通拥堵。",
        "吕特在布鲁塞尔表示，北约将加强东翼防御。",
        "国家统计局数据显示，上月居民消费价格同比上涨百分之零点七。",
        "上海市宣布将新建十所公立学校，以缓解入学压力。",
        "专家指出，新能源汽车出口增长明显。",
        "多家银行下调了存款利率。",
        "两国外长在会谈中就贸易和气候变化问题交换了意见。",
        "受台风影响，沿海多个航班被取消。",
        "科研团队成功研发出一种新型可降解材料。"},
       {"国务院部署稳就业措施", "北京降雨致部分地区交通拥堵", "吕特：北约将加强东翼防御",
        "上月居民消费价格同比上涨", "上海将新建十所公立学校", "多家银行下调存款利率"},
       {{"华东日报", "huadong-ribao.example"}, {"北方晨报", "beifang-chenbao.example"}},
       {"{name}发言人在{place}表示：“我们希望在{n}天内作出决定。”",
        "据{name}在{place}介绍，该项目预计耗资约{n}亿元。"},
       {},
       {"王伟", "李娜", "张磊", "刘洋", "陈静", "杨帆", "赵敏", "黄涛"},
       {"广州", "深圳", "成都", "武汉", "杭州", "南京", "西安", "重庆"}},
  };
  return langs;
}

// splitmix64: a tiny, well-mixed generator; seeded per article so every article is the same
// whatever else is generated.
struct Rng {
  uint64_t s;
  explicit Rng(uint64_t seed) : s(seed) {}
  uint64_t next() {
    uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  uint32_t below(uint32_t n) { return static_cast<uint32_t>(next() % n); }
  uint32_t between(uint32_t lo, uint32_t hi) { return lo + below(hi - lo + 1); }  // inclusive
};

// Days since 1970-01-01 -> "YYYY-MM-DD" (Howard Hinnant's civil_from_days).
std::string iso_date(int64_t days) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400 + (m <= 2);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(y), m, d);
  return buf;
}

void json_string(std::string& out, std::string_view s) {
  out.push_back('"');
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char b[8];
          std::snprintf(b, sizeof b, "\\u%04x", c);
          out += b;
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
}

// "{name}", "{place}" and "{n}" in a template -> the given values.
std::string fill(std::string_view tmpl, std::string_view name, std::string_view place, uint32_t n) {
  std::string out;
  for (size_t i = 0; i < tmpl.size();) {
    if (tmpl.compare(i, 6, "{name}") == 0) { out += name; i += 6; }
    else if (tmpl.compare(i, 7, "{place}") == 0) { out += place; i += 7; }
    else if (tmpl.compare(i, 3, "{n}") == 0) { out += std::to_string(n); i += 3; }
    else out += tmpl[i++];
  }
  return out;
}

enum class Length { Short, Long };

struct GenOptions {
  Length length = Length::Short;
  bool with_language = true;  // false: the language is left to the detector
};

// Appends one JSON Lines record and, if `text_out` is given, the article text alone.
void generate_article(uint32_t i, const GenOptions& o, std::string& jsonl, std::string* text_out,
                      uint32_t* lang_out) {
  Rng rng(0x5EED0000ull + i * 2654435761ull + (o.length == Length::Long ? 7 : 0));
  const auto& langs = languages();
  const uint32_t li = rng.below(static_cast<uint32_t>(langs.size()));
  const Lang& L = langs[li];
  const Outlet& outlet = L.outlets[rng.below(static_cast<uint32_t>(L.outlets.size()))];
  const std::string date = iso_date(19358 + rng.below(730));  // 2023-01-01 .. 2024-12-30
  std::string text;
  const uint32_t paragraphs = o.length == Length::Long ? rng.between(5, 8) : 1;
  for (uint32_t p = 0; p < paragraphs; ++p) {
    if (p) text += "\n\n";
    const uint32_t sentences = o.length == Length::Long ? rng.between(3, 5) : rng.between(2, 4);
    const uint32_t attributed_at = rng.below(sentences);  // replaces that sentence
    uint32_t used = 0;  // bit set: no sentence twice in one paragraph
    for (uint32_t s = 0; s < sentences; ++s) {
      if (s) text += L.sentence_sep;
      if (s == attributed_at) {
        auto pick = [&](const std::vector<const char*>& v) { return std::string(v[rng.below(static_cast<uint32_t>(v.size()))]); };
        const std::string tmpl = pick(L.attributed);
        std::string name = L.first_names.empty() ? std::string() : pick(L.first_names) + " ";  // one pick per
        name += pick(L.last_names);  // statement: the order of evaluation inside "a + b" is unspecified
        const std::string place = pick(L.places);
        text += fill(tmpl, name, place, rng.between(2, 999));
      } else {
        uint32_t k = rng.below(static_cast<uint32_t>(L.sentences.size()));
        while (used & (1u << k)) k = (k + 1) % static_cast<uint32_t>(L.sentences.size());
        used |= 1u << k;
        text += L.sentences[k];
      }
    }
  }
  char id[32];
  std::snprintf(id, sizeof id, "%s%07u", o.length == Length::Long ? "L" : "S", i);
  jsonl += "{\"id\":";
  json_string(jsonl, id);
  jsonl += ",\"url\":";
  json_string(jsonl, std::string("https://www.") + outlet.host + "/" + date + "/" + id);
  jsonl += ",\"source\":";
  json_string(jsonl, outlet.name);
  jsonl += ",\"title\":";
  json_string(jsonl, L.titles[rng.below(static_cast<uint32_t>(L.titles.size()))]);
  jsonl += ",\"published\":";
  json_string(jsonl, date);
  if (o.with_language) {
    jsonl += ",\"language\":";
    json_string(jsonl, L.code);
  }
  jsonl += ",\"text\":";
  json_string(jsonl, text);
  jsonl += "}\n";
  if (text_out) *text_out = std::move(text);
  if (lang_out) *lang_out = li;
}

std::string generate_jsonl(uint32_t n, const GenOptions& o) {
  std::string out;
  out.reserve(static_cast<size_t>(n) * (o.length == Length::Long ? 3200 : 520));
  for (uint32_t i = 0; i < n; ++i) generate_article(i, o, out, nullptr, nullptr);
  return out;
}

//------------------------------------------------------------------------------------------
// [SECTION] measuring
//------------------------------------------------------------------------------------------

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

struct Result {
  std::string name;     // stable key (bench.sh matches native and wasm by it)
  std::string what;     // human description
  double median_ms = 0, min_ms = 0;
  double cpu_median_ms = 0;  // process CPU time per run (setup outside the timed part included)
  int runs = 0;
  double bytes = 0;     // input bytes per run, for MB/s (0: not a throughput)
  std::string detail;   // sanity figure (rows found, articles added, ...)
  uint64_t checksum = 0;  // what the runs fed g_sink: native and wasm must agree
};

std::vector<Result> g_results;
uint64_t g_sink = 0;
// A measurement that times only part of its run (setup outside the clock) sets the CPU time
// of that part here; otherwise the CPU time of the whole run is reported.
double g_timed_cpu_ms = -1;

uint64_t fnv(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}
uint64_t bits(double d) {  // std::bit_cast is missing from Emscripten 3.1.6's libc++
  uint64_t u;
  std::memcpy(&u, &d, sizeof u);
  return u;
}
std::string hex(uint64_t v) {  // JSON numbers above 2^53 do not survive JavaScript
  char b[24];
  std::snprintf(b, sizeof b, "%016llx", static_cast<unsigned long long>(v));
  return b;
}
uint64_t mix(uint64_t h, uint64_t a, uint64_t b, uint64_t c) {
  for (uint64_t v : {a, b, c}) h = (h ^ v) * 0x100000001B3ull + 0x9E3779B97F4A7C15ull;
  return h;
}  // results feed this so nothing is optimised away; printed at the end
bool g_quiet = false;

// --only PREFIX[,PREFIX...]: run just the measurements whose names start with one of them.
std::vector<std::string> g_only;
bool wanted(std::string_view name) {
  if (g_only.empty()) return true;
  for (const std::string& p : g_only)
    if (name.substr(0, p.size()) == p) return true;
  return false;
}
// A section runs when a measurement in it (whose name starts with one of `prefixes`) is wanted.
bool wanted_any(std::initializer_list<std::string_view> prefixes) {
  if (g_only.empty()) return true;
  for (std::string_view n : prefixes)
    for (const std::string& p : g_only)
      if (n.substr(0, p.size()) == p || std::string_view(p).substr(0, n.size()) == n) return true;
  return false;
}
bool g_last_ran = false;
Result g_skipped;  // the detail of a skipped measurement lands here
Result& last() { return g_last_ran ? g_results.back() : g_skipped; }

// `once` performs one run and returns its time in ms (so it can exclude its own setup).
// CPU time of this process in ms. On a shared machine the wall-clock figures grow with the load
// (other builds take the cores); CPU time hardly does. In node: process.cpuUsage(), which also
// counts V8's compiler and GC threads.
double process_cpu_ms() {
#ifdef __EMSCRIPTEN__
  return EM_ASM_DOUBLE({
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  });
#else
  return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
#endif
}

void measure(const std::string& name, const std::string& what, int runs, const std::function<double()>& once,
                double bytes = 0) {
  g_last_ran = wanted(name);
  if (!g_last_ran) return;
  if (!g_quiet) std::fprintf(stderr, "  %-28s", name.c_str());
  std::vector<double> t;
  const uint64_t total_before = g_sink;
  g_sink = 0;  // this measurement's own checksum
  std::vector<double> cpu;
  for (int r = 0; r < runs; ++r) {
    const double cpu0 = process_cpu_ms();
    g_timed_cpu_ms = -1;
    t.push_back(once());
    cpu.push_back(g_timed_cpu_ms >= 0 ? g_timed_cpu_ms : process_cpu_ms() - cpu0);
  }
  std::sort(cpu.begin(), cpu.end());
  std::vector<double> s = t;
  std::sort(s.begin(), s.end());
  Result res;
  res.name = name;
  res.what = what;
  res.runs = runs;
  res.min_ms = s.front();
  res.median_ms = s.size() % 2 ? s[s.size() / 2] : (s[s.size() / 2 - 1] + s[s.size() / 2]) / 2;
  res.cpu_median_ms = cpu.size() % 2 ? cpu[cpu.size() / 2] : (cpu[cpu.size() / 2 - 1] + cpu[cpu.size() / 2]) / 2;
  res.bytes = bytes;
  res.checksum = g_sink;
  g_sink = mix(total_before, res.checksum, 0, 0);
  if (!g_quiet) std::fprintf(stderr, " %10.3f ms\n", res.median_ms);
  g_results.push_back(res);
}

std::string fmt(const char* f, double v) {
  char b[64];
  std::snprintf(b, sizeof b, f, v);
  return b;
}

// The machine is shared: the load average next to the figures says how quiet it was.
std::string loadavg() {
  std::FILE* f = std::fopen("/proc/loadavg", "r");  // wasm: NODERAWFS reads the host's file
  if (!f) return "";
  char buf[128] = {0};
  size_t n = std::fread(buf, 1, sizeof buf - 1, f);
  std::fclose(f);
  std::string s(buf, n);
  // "0.52 0.61 0.70 1/234 5678": keep the three averages
  size_t cut = 0;
  for (int spaces = 0; cut < s.size(); ++cut)
    if (s[cut] == ' ' && ++spaces == 3) break;
  return s.substr(0, cut);
}

// The text pipeline's models and dictionaries are generated (scripts/make-assets.sh) into the
// app build's asset folder; build-wasm.sh makes build-wasm/assets.
std::string default_assets_dir() {
#ifdef PX_ASSET_DIR
  return PX_ASSET_DIR;
#else
  std::string seeds = PX_SEEDS_DIR;  // <repo>/assets/corpus
  const std::string tail = "/assets/corpus";
  if (seeds.size() > tail.size() && seeds.compare(seeds.size() - tail.size(), tail.size(), tail) == 0)
    return seeds.substr(0, seeds.size() - tail.size()) + "/build-wasm/assets";
  return "build-wasm/assets";
#endif
}

void usage() {
  std::fprintf(stderr, "usage: px_bench [--articles N] [--json] [--only PREFIX[,PREFIX]] [--write DIR] [--assets DIR]\n");
}

}  // namespace

int main(int argc, char** argv) {
  uint32_t n_short = 100000;
  bool json_out = false;
  std::string write_dir;
  std::string assets_dir = default_assets_dir();
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--json")) {
      json_out = true;
    } else if (!std::strcmp(argv[i], "--articles") && i + 1 < argc) {
      long v = std::strtol(argv[++i], nullptr, 10);
      if (v < 100 || v > 2000000) {
        std::fprintf(stderr, "px_bench: --articles must be between 100 and 2000000\n");
        return 2;
      }
      n_short = static_cast<uint32_t>(v);
    } else if (!std::strcmp(argv[i], "--only") && i + 1 < argc) {
      for (std::string_view list = argv[++i]; !list.empty();) {
        const size_t comma = std::min(list.find(','), list.size());
        if (comma) g_only.emplace_back(list.substr(0, comma));
        list.remove_prefix(std::min(comma + 1, list.size()));
      }
    } else if (!std::strcmp(argv[i], "--assets") && i + 1 < argc) {
      assets_dir = argv[++i];
    } else if (!std::strcmp(argv[i], "--write") && i + 1 < argc) {
      write_dir = argv[++i];
    } else if (!std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h")) {
      usage();
      return 0;
    } else {
      usage();
      return 2;
    }
  }
  const uint32_t n_long = std::min<uint32_t>(n_short, 10000);
  if (!write_dir.empty()) {  // the generated corpus as files (for the CLI, the app, a profiler)
    for (auto [file, n, o] : {std::tuple{"/bench-long.jsonl", n_long, GenOptions{Length::Long, true}},
                              std::tuple{"/bench-short.jsonl", n_short, GenOptions{Length::Short, true}}}) {
      const std::string path = write_dir + file, bytes = generate_jsonl(n, o);
      std::FILE* f = std::fopen(path.c_str(), "wb");
      if (!f || std::fwrite(bytes.data(), 1, bytes.size(), f) != bytes.size()) {
        std::fprintf(stderr, "px_bench: cannot write %s\n", path.c_str());
        return 1;
      }
      std::fclose(f);
      std::fprintf(stderr, "wrote %s (%u articles, %.1f MB)\n", path.c_str(), n, bytes.size() / 1e6);
    }
    return 0;
  }
#ifdef __EMSCRIPTEN__
  const char* build = "wasm";
#else
  const char* build = "native";
#endif
  const std::string load_before = loadavg();
  const auto t_start = Clock::now();
  std::fprintf(stderr, "px_bench (%s): %u long articles, %u short articles\n", build, n_long, n_short);

  // ---- the long articles: ingest, fold, the whole text pipeline ---------------------------
  const std::string long_given = generate_jsonl(n_long, {Length::Long, true});
  const std::string long_detect = wanted_any({"ingest_jsonl_detect"}) ? generate_jsonl(n_long, {Length::Long, false}) : "";
  const double long_mb = long_given.size() / 1e6;

  measure("ingest_jsonl", "ingest_bytes, JSONL, language given", 3, [&] {
    auto t0 = Clock::now();
    px::IngestOutcome out = px::ingest_bytes("bench.jsonl", long_given);
    double ms = ms_since(t0);
    g_sink += out.documents.size();
    return ms;
  }, static_cast<double>(long_given.size()));
  last().detail = std::to_string(n_long) + " articles, " + fmt("%.1f MB", long_mb);

  {
    size_t docs = 0;
    measure("ingest_jsonl_detect", "ingest_bytes, JSONL, language detected", 3, [&] {
      auto t0 = Clock::now();
      px::IngestOutcome out = px::ingest_bytes("bench.jsonl", long_detect);
      double ms = ms_since(t0);
      docs = out.documents.size();
      g_sink += docs;
      return ms;
    }, static_cast<double>(long_detect.size()));
    last().detail = std::to_string(docs) + " articles, " +
        fmt("%.1f MB", long_detect.size() / 1e6);
  }

  // fold_for_search over the article texts, all languages and per script.
  if (wanted_any({"fold"})) {
    std::vector<std::string> texts(n_long);
    std::vector<uint32_t> lang(n_long);
    std::string scratch;
    for (uint32_t i = 0; i < n_long; ++i) {
      scratch.clear();
      generate_article(i, {Length::Long, true}, scratch, &texts[i], &lang[i]);
    }
    struct Group { const char* name; const char* what; std::vector<const char*> codes; };
    const std::vector<Group> groups = {
        {"fold_all", "fold_for_search, all 8 languages", {}},
        {"fold_en", "fold_for_search, English (ASCII fast path)", {"en"}},
        {"fold_latin_accented", "fold_for_search, de/it/fr/es", {"de", "it", "fr", "es"}},
        {"fold_ru", "fold_for_search, Russian (Cyrillic)", {"ru"}},
        {"fold_cjk", "fold_for_search, Japanese and Chinese", {"ja", "zh"}},
    };
    for (const Group& g : groups) {
      std::vector<const std::string*> sel;
      double bytes = 0;
      for (uint32_t i = 0; i < n_long; ++i) {
        const char* code = languages()[lang[i]].code;
        if (g.codes.empty() || std::find_if(g.codes.begin(), g.codes.end(), [&](const char* c) { return !std::strcmp(c, code); }) != g.codes.end()) {
          sel.push_back(&texts[i]);
          bytes += texts[i].size();
        }
      }
      measure(g.name, g.what, 5, [&] {
        auto t0 = Clock::now();
        size_t total = 0;
        for (const std::string* t : sel) total += px::fold_for_search(*t).size();
        double ms = ms_since(t0);
        g_sink += total;
        return ms;
      }, bytes);
      last().detail = std::to_string(sel.size()) + " texts, " + fmt("%.1f MB", bytes / 1e6);
    }
  }

  // The whole text pipeline for the long set: bytes in -> searchable corpus.
  {
    size_t size = 0;
    measure("pipeline_long", "ingest_bytes + Corpus::add_all, long articles", 3, [&] {
      auto t0 = Clock::now();
      px::Corpus c;
      c.add_all(px::ingest_bytes("bench.jsonl", long_given).documents);
      double ms = ms_since(t0);
      size = c.size();
      g_sink += size;
      return ms;  // the corpus is freed after the clock stopped
    }, static_cast<double>(long_given.size()));
    last().detail = std::to_string(size) + " articles";
  }

  // The text pipeline (analyze.h): resources, then every stage over the long articles, as the
  // app's AnalysisJob runs it (there a slice per frame; here without a budget).
  px::TextResources res;
  measure("text_resources_load", "TextResources::load (models, dictionaries)", 3, [&] {
    auto t0 = Clock::now();
    px::TextResources r = px::TextResources::load(assets_dir);
    double ms = ms_since(t0);
    res = std::move(r);
    return ms;
  });
  if (!g_last_ran && wanted("analyze_long")) res = px::TextResources::load(assets_dir);
  last().detail = res.messages.empty() ? "all resources loaded"
                                       : std::to_string(res.messages.size()) + " missing: " + res.messages.front();
  if (wanted("analyze_long")) {
    const std::vector<px::Document> long_docs = px::ingest_bytes("bench.jsonl", long_given).documents;
    size_t sentences = 0, tokens = 0, quotes = 0, quantities = 0, chrome = 0, paragraphs = 0;
    measure("analyze_long", "text pipeline (AnalysisJob), long articles", 3, [&] {
      px::Corpus c;
      c.add_all(long_docs);
      px::AnalysisJob job;
      auto t0 = Clock::now();
      const double cpu0 = process_cpu_ms();
      job.restart(c);
      while (job.step(c, res, 1e9)) {}
      double ms = ms_since(t0);
      g_timed_cpu_ms = process_cpu_ms() - cpu0;
      sentences = tokens = quotes = quantities = chrome = paragraphs = 0;
      for (const px::Document& d : c.docs()) {
        for (bool b : d.analysis.boilerplate) chrome += b;
        paragraphs += d.analysis.boilerplate.size();
        sentences += d.analysis.sentences.size();
        tokens += d.analysis.tokens.size();
        quotes += d.analysis.quotes.size();
        quantities += d.analysis.quantities.size();
      }
      for (const px::Document& d : c.docs()) {  // content, not just counts (outside the clock)
        for (const auto& t : d.analysis.tokens) g_sink = mix(g_sink, t.span.begin, t.span.end, fnv(t.stem));
        for (const auto& x : d.analysis.sentences) g_sink = mix(g_sink, x.span.begin, x.span.end, fnv(x.language));
        for (const auto& q : d.analysis.quotes) g_sink = mix(g_sink, q.span.begin, q.span.end, q.speaker.begin);
        for (const auto& q : d.analysis.quantities)
          g_sink = mix(g_sink, q.span.begin ^ (uint64_t(q.span.end) << 32), bits(q.value), fnv(q.unit));
        for (bool b : d.analysis.boilerplate) g_sink = mix(g_sink, b, 0, 0);
        g_sink = mix(g_sink, fnv(d.meta.language), 0, 0);
      }
      return ms;
    }, static_cast<double>(long_given.size()));
    last().detail = std::to_string(long_docs.size()) + " articles: " + std::to_string(sentences) + " sentences, " +
                              std::to_string(tokens) + " tokens, " + std::to_string(quotes) + " quotes, " +
                              std::to_string(quantities) + " quantities; " + std::to_string(chrome) + " of " +
                              std::to_string(paragraphs) + " paragraphs judged site chrome";
  }

  // ---- names (ner.h): the recogniser alone, on analysed long articles -----------------------
  if (wanted("ner_long")) {
    if (!res.recognizer) res = px::TextResources::load(assets_dir);
    px::Corpus c;
    c.add_all(px::ingest_bytes("bench.jsonl", long_given).documents);
    px::AnalysisJob job;
    job.restart(c);
    while (job.step(c, res, 1e9)) {}  // tokens first (outside the clock)
    px::NameEvidence evidence;
    for (const px::Document& d : c.docs()) evidence.add_text(d.text, d.meta.source, d.meta.language);
    size_t tokens = 0, mentions = 0;
    for (const px::Document& d : c.docs()) tokens += d.analysis.tokens.size();
    measure("ner_long", "EntityRecognizer::find on analysed long articles", 3, [&] {
      mentions = 0;
      auto t0 = Clock::now();
      for (size_t i = 0; i < c.size(); ++i) {
        px::Document& d = c.doc_for_analysis(i);
        res.recognizer->find(d, d.analysis, &evidence);
        mentions += d.analysis.mentions.size();
      }
      double ms = ms_since(t0);
      for (const px::Document& d : c.docs())
        for (const auto& m : d.analysis.mentions) g_sink = mix(g_sink, m.span.begin, m.span.end, fnv(m.key));
      return ms;
    });
    last().detail = std::to_string(tokens) + " tokens, " + std::to_string(mentions) + " names: " +
                    fmt("%.0f", last().median_ms > 0 ? tokens / (last().median_ms / 1000.0) : 0.0) + " tokens/s";
  }

  // ---- the short articles: a big table ----------------------------------------------------
  size_t key_bytes = 0;
  if (wanted_any({"ingest_short", "add_all", "analysis_restart", "query", "sort", "to_jsonl"})) {
    const std::string short_jsonl = generate_jsonl(n_short, {Length::Short, true});
    std::vector<px::Document> short_docs;
    measure("ingest_short", "ingest_bytes, JSONL, short articles", 3, [&] {
      short_docs.clear();
      short_docs.shrink_to_fit();
      auto t0 = Clock::now();
      px::IngestOutcome out = px::ingest_bytes("bench.jsonl", short_jsonl);
      double ms = ms_since(t0);
      short_docs = std::move(out.documents);
      return ms;
    }, static_cast<double>(short_jsonl.size()));
    last().detail = std::to_string(short_docs.size()) + " articles, " +
        fmt("%.1f MB", short_jsonl.size() / 1e6);
    if (short_docs.empty()) short_docs = px::ingest_bytes("bench.jsonl", short_jsonl).documents;  // --only skipped it

    measure("add_all", "Corpus::add_all, short articles", 3, [&] {
      std::vector<px::Document> copy = short_docs;  // add_all consumes its argument
      auto c = std::make_unique<px::Corpus>();
      auto t0 = Clock::now();
      c->add_all(std::move(copy));
      double ms = ms_since(t0);
      g_sink += c->size();
      return ms;  // the corpus is freed after the clock stopped
    });
    last().detail = std::to_string(short_docs.size()) + " articles";

    px::Corpus corpus;
    corpus.add_all(short_docs);
    for (size_t i = 0; i < corpus.size(); ++i) key_bytes += corpus.search_key(i).size();

    // Adding documents restarts the AnalysisJob: it re-hashes every paragraph of the corpus.
    measure("analysis_restart", "AnalysisJob::restart (paragraph repeats)", 5, [&] {
      px::AnalysisJob job;
      auto t0 = Clock::now();
      job.restart(corpus);
      double ms = ms_since(t0);
      g_sink += job.total();
      return ms;
    });
    last().detail = std::to_string(corpus.size()) + " articles";

    struct Q { const char* name; const char* what; px::Filter f; };
    std::vector<Q> queries;
    queries.push_back({"query_all", "run_query, no filter", {}});
    {
      px::Filter f; f.text = "rutte";
      queries.push_back({"query_text_common", "run_query, text \"rutte\"", f});
    }
    {
      px::Filter f; f.text = "munchen";
      queries.push_back({"query_text_rare", "run_query, text \"munchen\" (München)", f});
    }
    {
      px::Filter f; f.text = "xylophone";
      queries.push_back({"query_text_none", "run_query, text matching nothing", f});
    }
    {
      px::Filter f; f.text = "rutte brussel";
      queries.push_back({"query_text_two_terms", "run_query, text \"rutte brussel\"", f});
    }
    {
      px::Filter f; f.languages = {"de", "fr"};
      queries.push_back({"query_facet_language", "run_query, languages de+fr", f});
    }
    {
      px::Filter f; f.sources = {"Harbour Times"};
      queries.push_back({"query_facet_source", "run_query, one outlet", f});
    }
    {
      px::Filter f; f.text = "rutte"; f.languages = {"it", "es"}; f.date_from = "2024-01-01"; f.date_to = "2024-06-30";
      queries.push_back({"query_combined", "run_query, text + languages + dates", f});
    }
    for (const Q& q : queries) {
      size_t rows = 0;
      measure(q.name, q.what, 7, [&] {
        auto t0 = Clock::now();
        px::QueryResult r = px::run_query(corpus, q.f);
        double ms = ms_since(t0);
        rows = r.rows.size();
        g_sink += rows + r.languages.size() + r.sources.size();
        return ms;
      }, q.f.text.empty() ? 0 : static_cast<double>(key_bytes));
      last().detail = std::to_string(rows) + " rows";
    }

    // The same searches once the text pipeline has run over the table: search then also
    // matches word stems (query.h), which only analysed articles have. Analysing 100,000
    // short articles takes ~10 s natively, so it runs once, outside every other figure.
    if (wanted_any({"analyze_short", "query_analysed"})) {
      if (!wanted("text_resources_load") && !wanted("analyze_long")) res = px::TextResources::load(assets_dir);
      measure("analyze_short", "text pipeline (AnalysisJob), short articles", 1, [&] {
        px::AnalysisJob job;
        auto t0 = Clock::now();
        job.restart(corpus);
        while (job.step(corpus, res, 1e9)) {}
        double ms = ms_since(t0);
        g_sink += job.total();
        return ms;
      });
      last().detail = std::to_string(corpus.size()) + " articles";
      if (!g_last_ran) {  // --only query_analysed: analyse without timing it
        px::AnalysisJob job;
        job.restart(corpus);
        while (job.step(corpus, res, 1e9)) {}
      }
      const std::vector<Q> analysed = {
          {"query_analysed_common", "run_query, analysed, \"rutte\"", queries[1].f},
          {"query_analysed_none", "run_query, analysed, matching nothing", queries[3].f},
          {"query_analysed_two", "run_query, analysed, \"rutte brussel\"", queries[4].f},
          {"query_analysed_stem", "run_query, analysed, \"negotiating\"", [] { px::Filter f; f.text = "negotiating"; return f; }()},
          {"query_analysed_many", "run_query, analysed, 3 terms, 4 languages",
           [] { px::Filter f; f.text = "ministers gewerkschaften sindacato"; return f; }()},
      };
      for (const Q& q : analysed) {
        size_t rows = 0;
        measure(q.name, q.what, 7, [&] {
          auto t0 = Clock::now();
          px::QueryResult r = px::run_query(corpus, q.f);
          double ms = ms_since(t0);
          rows = r.rows.size();
          for (uint32_t row : r.rows) g_sink = mix(g_sink, row, 0, 0);
          return ms;
        }, static_cast<double>(key_bytes));
        last().detail = std::to_string(rows) + " rows";
      }
    }

    const std::vector<uint32_t> all_rows = px::run_query(corpus, {}).rows;
    struct S { const char* name; const char* what; px::SortColumn col; bool asc; };
    const std::vector<S> sorts = {
        {"sort_date_desc", "sort_rows, date descending (the default)", px::SortColumn::Date, false},
        {"sort_title", "sort_rows, title ascending", px::SortColumn::Title, true},
        {"sort_source", "sort_rows, outlet ascending", px::SortColumn::Source, true},
        {"sort_words", "sort_rows, words ascending", px::SortColumn::Words, true},
    };
    for (const S& s : sorts) {
      measure(s.name, s.what, 5, [&] {
        std::vector<uint32_t> rows = all_rows;
        auto t0 = Clock::now();
        px::sort_rows(corpus, rows, s.col, s.asc);
        double ms = ms_since(t0);
        for (uint32_t r : rows) g_sink = mix(g_sink, r, 0, 0);  // the whole order
        return ms;
      });
      last().detail = std::to_string(all_rows.size()) + " rows";
    }

    // The browser app writes the whole corpus as JSON Lines after each change (persistence).
    {
      size_t bytes = 0;
      measure("to_jsonl", "to_jsonl (the app's save after a change)", 3, [&] {
        auto t0 = Clock::now();
        std::string s = px::to_jsonl(corpus);
        double ms = ms_since(t0);
        bytes = s.size();
        g_sink = mix(g_sink, bytes, fnv(s), 0);
        return ms;
      });
      last().detail = std::to_string(corpus.size()) + " articles, " + fmt("%.1f MB", bytes / 1e6);
    }

    // addArticles in chunks: each add_all into a big corpus (last: it grows the corpus).
    {
      const size_t before = corpus.size();
      int run = 0;
      measure("add_all_1000_more", "Corpus::add_all, 1,000 more into the corpus", 5, [&] {
        std::vector<px::Document> more(short_docs.begin(), short_docs.begin() + std::min<size_t>(1000, short_docs.size()));
        for (px::Document& d : more) d.meta.id += "-more" + std::to_string(run);
        ++run;
        auto t0 = Clock::now();
        corpus.add_all(std::move(more));
        return ms_since(t0);
      });
      last().detail = "corpus of " + std::to_string(before) + " .. " + std::to_string(corpus.size());
    }
  }

  const double total_s = ms_since(t_start) / 1000.0;
  const std::string load_after = loadavg();

  // ---- report ------------------------------------------------------------------------------
  if (json_out) {
    nlohmann::ordered_json j;
    j["build"] = build;
#if defined(__clang__)
    j["compiler"] = std::string("clang ") + __clang_version__;
#elif defined(__GNUC__)
    j["compiler"] = std::string("gcc ") + __VERSION__;
#endif
    j["hardware_threads"] = std::thread::hardware_concurrency();
    j["long_articles"] = n_long;
    j["short_articles"] = n_short;
    j["search_key_mb"] = key_bytes / 1e6;
    j["total_seconds"] = total_s;
    j["loadavg_before"] = load_before;
    j["loadavg_after"] = load_after;
    j["checksum"] = hex(g_sink);
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    for (const Result& r : g_results) {
      nlohmann::ordered_json e;
      e["name"] = r.name;
      e["what"] = r.what;
      e["median_ms"] = r.median_ms;
      e["min_ms"] = r.min_ms;
      e["cpu_ms"] = r.cpu_median_ms;
      e["runs"] = r.runs;
      if (r.bytes > 0) e["mb_per_s"] = (r.bytes / 1e6) / (r.median_ms / 1000.0);
      e["detail"] = r.detail;
      e["checksum"] = hex(r.checksum);
      arr.push_back(e);
    }
    j["results"] = arr;
    std::printf("%s\n", j.dump(2).c_str());
    return 0;
  }
  std::printf("\npx_bench (%s): %u long articles (%.1f MB JSONL), %u short articles (%.1f MB search keys)\n",
              build, n_long, long_mb, n_short, key_bytes / 1e6);
  std::printf("median of N runs; MB/s = 10^6 bytes of input per second\n\n");
  std::printf("%-22s %-44s %11s %11s %11s %9s  %s\n", "name", "what", "median ms", "min ms", "CPU ms", "MB/s", "detail");
  std::printf("%s\n", std::string(130, '-').c_str());
  for (const Result& r : g_results) {
    std::string mbs = r.bytes > 0 ? fmt("%.1f", (r.bytes / 1e6) / (r.median_ms / 1000.0)) : "";
    std::printf("%-22s %-44s %11.3f %11.3f %11.3f %9s  %s (%d runs)\n", r.name.c_str(), r.what.c_str(), r.median_ms, r.min_ms,
                r.cpu_median_ms, mbs.c_str(), r.detail.c_str(), r.runs);
  }
  std::printf("\ntotal %.1f s; load average before: %s, after: %s (checksum %s)\n", total_s, load_before.c_str(),
              load_after.c_str(), hex(g_sink).c_str());
  return 0;
}
