// table_100k.mjs — browser benchmark: the hosted app (dist/index.html) with 100,000 articles.
// A benchmark, not a test: it prints figures (docs/benchmarks.md), it does not pass or fail.
//
//   node tests/bench/table_100k.mjs [--articles N] [--long] [--no-language] [--chunk N] [--seconds S]
//                                   [--analysis-wait S] [--no-interaction] [--json]
//
// Serves dist/ (web/serve.mjs on a free port), opens it in Debian's Chromium (headless,
// playwright-core from web/node_modules) in a fresh context (empty IndexedDB), adds N generated
// articles through window.parallax.addArticles in chunks, then records frame times with
// requestAnimationFrame for S seconds in each scenario:
//   baseline   idle with the demo corpus (5 articles), before adding anything
//   settle     right after addArticles (first query + sort of N rows, the IndexedDB save)
//   idle       no input (the text pipeline may still be analysing: 50 ms slices when idle)
//   scroll     mouse wheel over the Articles table
//   type       typing a search term into the Articles search box (cleared and typed again)
//   idle_done  no input, once the text pipeline has analysed every article (waits up to
//              --analysis-wait seconds, default 120, for that)
// and finally reloads the page (the corpus comes back from IndexedDB) and times the start.
// --no-interaction skips scroll and type (the text pipeline's time with an idle user).
// Options: --long (articles of ~2.5 KB instead of ~300 bytes), --no-language (leave the
// language to the detectors), --chunk N (articles per addArticles call, default 1000),
// --dist DIR (serve another build), --profile SCENARIO (CPU profile of one scenario, below).
// Rendering is WebGL2 on SwiftShader (software) in this headless setup: frame times include
// CPU rasterisation that a GPU would do, so they are an upper bound for a real browser.
// Screenshot: tests/e2e/out/bench-100k.png (the table mid-scroll; default corpus only).
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(new URL('../../web/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = join(ROOT, 'tests/e2e/out');
const VIEWPORT = { width: 1280, height: 800 };
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

const USAGE = 'usage: node tests/bench/table_100k.mjs [--articles N] [--long] [--no-language] [--chunk N] ' +
  '[--seconds S] [--analysis-wait S] [--no-interaction] [--dist DIR] [--profile SCENARIO] [--json]';
const opts = { articles: 100000, chunk: 1000, seconds: 5, analysisWait: 120, long: false, language: true, json: false, interaction: true,
  dist: join(ROOT, 'dist'), profile: null };
for (let i = 2; i < process.argv.length; ++i) {
  const a = process.argv[i];
  const num = () => { const v = Number(process.argv[++i]); if (!(v >= 0)) { console.error(USAGE); process.exit(2); } return v; };
  if (a === '--json') opts.json = true;
  else if (a === '--long') opts.long = true;
  else if (a === '--no-language') opts.language = false;
  else if (a === '--no-interaction') opts.interaction = false;
  else if (a === '--articles') opts.articles = num();
  else if (a === '--chunk') opts.chunk = num();
  else if (a === '--seconds') opts.seconds = num();
  else if (a === '--analysis-wait') opts.analysisWait = num();
  else if (a === '--dist' && i + 1 < process.argv.length) opts.dist = process.argv[++i];
  else if (a === '--profile' && i + 1 < process.argv.length) opts.profile = process.argv[++i];
  else { console.error(USAGE); process.exit(2); }
}
// addArticles passes its JSON through Emscripten's ccall, which copies string arguments onto
// the wasm stack (5 MB here, 4 bytes reserved per UTF-16 unit): one call above ~1.2 M JSON
// characters overwrites memory and the app dies ("memory access out of bounds"). Calls are
// therefore cut to at most `chunk` articles and at most this many characters.
const MAX_CALL_CHARS = 600000;
const log = (...a) => { if (!opts.json) console.log(...a); else console.error(...a); };

// ---- the articles: news items in 8 languages, the same sentences as px_bench ------------------
// (tests/bench/bench_core.cpp; one attributed sentence per paragraph with a name, a place and a
// number keeps paragraphs unique: the text pipeline treats a repeated paragraph as site chrome).
const LANGS = {
  en: {
    sep: " ",
    outlets: ["The Morning Ledger", "Harbour Times", "Northern Courier"],
    titles: [
      "Central bank holds rates as inflation lingers",
      "Alliance to bolster eastern flank, Rutte says",
      "Floods close schools across the region",
      "Carmaker to cut 1,200 jobs after quarterly loss",
      "Budget row deepens as opposition demands inquiry",
      "Train fares to rise four percent in January",
    ],
    sentences: [
      "The central bank left interest rates unchanged on Thursday, citing persistent inflation in services.",
      "Officials in Brussels said the agreement could be signed before the end of the month.",
      "Rutte told reporters that the alliance would increase its presence on the eastern flank.",
      "Heavy rain flooded several districts overnight, and schools in the region remained closed.",
      "The company reported a quarterly loss and announced plans to cut 1,200 jobs.",
      "Opposition leaders called for an independent inquiry into the procurement contracts.",
      "Negotiators worked through the night, but no final text was agreed.",
      "Ticket prices for regional trains will rise by four percent from January.",
      "The minister defended the budget, saying it protected spending on hospitals and schools.",
      "Researchers at the university published data showing a sharp fall in air pollution.",
    ],
    attributed: [
      "“We expect a decision within {n} days,” said {name}, a spokesperson for the ministry in {place}.",
      "Speaking in {place}, {name} said the plan would cost about {n} million euros.",
    ],
    first: ["Sarah", "James", "Emily", "Daniel", "Laura", "Michael", "Hannah", "Peter"],
    last: ["Mitchell", "Carter", "Brooks", "Hughes", "Turner", "Walsh", "Bennett", "Reid"],
    places: ["London", "Manchester", "Leeds", "Bristol", "Glasgow", "Cardiff", "Belfast", "Liverpool"],
  },
  de: {
    sep: " ",
    outlets: ["Rheinischer Anzeiger", "Münchner Abendblatt", "Nordkurier Online"],
    titles: [
      "Bundesregierung drängt auf schnelles Gesetz",
      "Tausende demonstrieren in München für bezahlbares Wohnen",
      "Inflation sinkt überraschend deutlich",
      "Gewerkschaft fordert acht Prozent mehr Lohn",
      "Rutte trifft Außenminister in Brüssel",
      "Neue Grundschule beschlossen",
    ],
    sentences: [
      "Die Bundesregierung will das Gesetz noch vor der Sommerpause durch den Bundestag bringen.",
      "In München demonstrierten am Samstag mehrere tausend Menschen für bezahlbare Wohnungen.",
      "Der Verkehrsminister kündigte an, die Straße zwischen Köln und Düsseldorf bis Herbst zu sanieren.",
      "Nach Angaben der Polizei wurde bei dem Unfall niemand schwer verletzt.",
      "Die Gewerkschaft fordert für die Beschäftigten eine Lohnerhöhung von acht Prozent.",
      "Rutte traf sich in Brüssel mit den Außenministern der Mitgliedstaaten.",
      "Die Inflation ist im März überraschend deutlich gesunken.",
      "Ökonomen warnen vor den Folgen höherer Energiepreise für die Industrie.",
      "Der Stadtrat stimmte dem Bau einer neuen Grundschule mit großer Mehrheit zu.",
      "Kritiker bemängeln, dass die Reform zu spät und zu zaghaft komme.",
    ],
    attributed: [
      "„Wir rechnen mit einer Entscheidung in {n} Tagen“, sagte {name}, Sprecherin des Ministeriums in {place}.",
      "In {place} erklärte {name}, das Vorhaben werde rund {n} Millionen Euro kosten.",
    ],
    first: ["Anna", "Julia", "Katrin", "Sabine", "Petra", "Laura", "Miriam", "Jana"],
    last: ["Becker", "Hoffmann", "Vogel", "Krüger", "Schneider", "Wagner", "Neumann", "Braun"],
    places: ["Berlin", "Hamburg", "Köln", "Leipzig", "Dresden", "Stuttgart", "Bremen", "Hannover"],
  },
  it: {
    sep: " ",
    outlets: ["Corriere del Golfo", "La Voce di Torino"],
    titles: [
      "Bollette, via libera al decreto",
      "Disoccupazione ai minimi da quindici anni",
      "Rutte a Roma: sostegno all'Ucraina",
      "Sciopero dei trasporti venerdì",
      "Frane sull'Appennino dopo le piogge",
      "Sanità, il ministro: nessun taglio",
    ],
    sentences: [
      "Il governo ha approvato mercoledì il decreto sulle bollette energetiche.",
      "Secondo l'Istat, la disoccupazione è scesa al livello più basso degli ultimi quindici anni.",
      "Rutte ha incontrato a Roma il presidente del Consiglio per discutere del sostegno all'Ucraina.",
      "Nella città di Napoli i lavori della nuova linea della metropolitana sono in ritardo.",
      "I sindacati hanno proclamato uno sciopero dei trasporti per venerdì prossimo.",
      "L'opposizione accusa la maggioranza di aver ignorato le richieste dei comuni.",
      "Le piogge intense hanno provocato frane in diverse località dell'Appennino.",
      "Il ministro ha assicurato che i fondi per la sanità non saranno ridotti.",
      "La Banca d'Italia prevede una crescita moderata per il prossimo anno.",
      "Migliaia di studenti sono scesi in piazza per chiedere più borse di studio.",
    ],
    attributed: [
      "«Ci aspettiamo una decisione entro {n} giorni», ha detto a {place} {name}, portavoce del ministero.",
      "Secondo {name}, intervenuto a {place}, il piano costerà circa {n} milioni di euro.",
    ],
    first: ["Giulia", "Marco", "Chiara", "Luca", "Paolo", "Sara", "Davide", "Elena"],
    last: ["Romano", "Ferrari", "Greco", "Esposito", "Ricci", "Conti", "Gallo", "Bruno"],
    places: ["Milano", "Torino", "Bologna", "Firenze", "Bari", "Palermo", "Genova", "Verona"],
  },
  fr: {
    sep: " ",
    outlets: ["Le Quotidien du Rhône", "La Gazette de Paris"],
    titles: [
      "Retraites : le projet de loi présenté en Conseil des ministres",
      "Grève des contrôleurs aériens : des centaines de vols annulés",
      "Rutte veut renforcer la défense aérienne",
      "Les agriculteurs bloquent les autoroutes",
      "Pas de hausse d'impôts cette année, promet le ministre",
      "Incendie d'un entrepôt près de Lyon",
    ],
    sentences: [
      "Le gouvernement a présenté mercredi un projet de loi sur la réforme des retraites.",
      "À Marseille, les élus ont voté un plan de rénovation des écoles du centre-ville.",
      "Rutte a déclaré à Bruxelles que l'alliance devait renforcer sa défense aérienne.",
      "La grève des contrôleurs aériens a entraîné l'annulation de centaines de vols.",
      "Selon l'Insee, le pouvoir d'achat des ménages a légèrement progressé au premier trimestre.",
      "Les agriculteurs ont bloqué plusieurs autoroutes pour protester contre les nouvelles normes.",
      "Le ministre de l'Économie a exclu toute hausse d'impôts cette année.",
      "Une enquête a été ouverte après l'incendie d'un entrepôt près de Lyon.",
      "Les négociations entre la direction et les syndicats reprendront la semaine prochaine.",
      "Des chercheurs français ont mis au point un test de dépistage plus rapide.",
    ],
    attributed: [
      "«\u00a0Nous attendons une décision d'ici {n} jours\u00a0», a déclaré à {place} {name}, porte-parole du ministère.",
      "De passage à {place}, {name} a indiqué que le projet coûterait environ {n} millions d'euros.",
    ],
    first: ["Claire", "Julien", "Camille", "Nicolas", "Sophie", "Thomas", "Émilie", "Antoine"],
    last: ["Dubois", "Moreau", "Laurent", "Girard", "Lefèvre", "Mercier", "Fontaine", "Chevalier"],
    places: ["Lyon", "Lille", "Nantes", "Bordeaux", "Toulouse", "Strasbourg", "Rennes", "Nice"],
  },
  es: {
    sep: " ",
    outlets: ["El Diario del Sur", "Crónica de Madrid"],
    titles: [
      "El Gobierno sube el salario mínimo un cinco por ciento",
      "Miles de personas protestan en Madrid por los alquileres",
      "Rutte se reúne con los ministros de Defensa",
      "La sequía restringe el riego en Andalucía",
      "Huelga general el próximo jueves",
      "Nueva especie de orquídea en los Pirineos",
    ],
    sentences: [
      "El Gobierno aprobó el martes una subida del salario mínimo del cinco por ciento.",
      "En Madrid, miles de personas se manifestaron contra la subida de los alquileres.",
      "Rutte se reunió en Bruselas con los ministros de Defensa de la alianza.",
      "La sequía obliga a restringir el riego en varias comarcas de Andalucía.",
      "Según el Banco de España, la economía crecerá un dos por ciento este año.",
      "La oposición exigió la comparecencia del ministro en el Congreso.",
      "El tren de alta velocidad entre Barcelona y Valencia sufrió retrasos de más de una hora.",
      "Los sindicatos convocaron una huelga general para el próximo jueves.",
      "El ayuntamiento anunció la apertura de tres nuevas bibliotecas en los barrios del sur.",
      "Investigadores españoles descubrieron una nueva especie de orquídea en los Pirineos.",
    ],
    attributed: [
      "«Esperamos una decisión en {n} días», dijo en {place} {name}, portavoz del ministerio.",
      "Desde {place}, {name} afirmó que el plan costará unos {n} millones de euros.",
    ],
    first: ["Lucía", "Javier", "Carmen", "Pablo", "Marta", "Sergio", "Elena", "Diego"],
    last: ["Fernández", "Morales", "Ruiz", "Navarro", "Romero", "Gil", "Ortega", "Castillo"],
    places: ["Sevilla", "Valencia", "Bilbao", "Zaragoza", "Málaga", "Murcia", "Vigo", "Granada"],
  },
  ru: {
    sep: " ",
    outlets: ["Вечерние новости", "Северный вестник"],
    titles: [
      "Правительство утвердило план поддержки малого бизнеса",
      "Рютте пообещал усилить восточный фланг",
      "Снегопад закрыл школы в нескольких регионах",
      "Дефицит бюджета оказался ниже ожиданий",
      "Цены на продукты выросли на три процента",
      "Закон о персональных данных принят в первом чтении",
    ],
    sentences: [
      "Правительство утвердило новый план поддержки малого бизнеса.",
      "В Москве в среду прошло заседание совета директоров центрального банка.",
      "Рютте заявил, что альянс усилит присутствие на восточном фланге.",
      "Из-за сильного снегопада в нескольких регионах были закрыты школы.",
      "Министр финансов сообщил, что дефицит бюджета оказался ниже ожиданий.",
      "Цены на продукты питания выросли на три процента за квартал.",
      "Переговоры между сторонами продолжатся на следующей неделе в Женеве.",
      "Учёные представили результаты исследования качества воздуха в крупных городах.",
      "Депутаты приняли закон о защите персональных данных в первом чтении.",
      "Аэропорт временно приостановил работу из-за тумана.",
    ],
    attributed: [
      "«Мы ожидаем решения в течение {n} дней», — сказал в {place} {name}, представитель министерства.",
      "Выступая в {place}, {name} сообщил, что проект обойдётся примерно в {n} миллионов рублей.",
    ],
    first: ["Игорь", "Дмитрий", "Алексей", "Сергей", "Андрей", "Михаил", "Павел", "Олег"],
    last: ["Петров", "Козлов", "Волков", "Морозов", "Соколов", "Лебедев", "Новиков", "Егоров"],
    places: ["Казани", "Самаре", "Перми", "Омске", "Томске", "Уфе", "Твери", "Калуге"],
  },
  ja: {
    sep: "",
    outlets: ["東都新聞", "関西日報"],
    titles: [
      "政府、新たな経済対策を閣議決定",
      "都内で強い雨、電車に遅れ",
      "ルッテ氏、同盟の防衛力強化へ",
      "日銀、金融政策の現状維持を決定",
      "電気自動車の新工場建設へ",
      "新しい電池材料の開発に成功",
    ],
    sentences: [
      "政府は水曜日、新たな経済対策を閣議決定した。",
      "東京都内では朝から強い雨が降り、一部の電車が運転を見合わせた。",
      "ルッテ事務総長は記者会見で、同盟の防衛力を強化する方針を示した。",
      "日本銀行は金融政策の現状維持を決めた。",
      "大阪で開かれた国際会議には四十か国以上の代表が参加した。",
      "専門家は、物価の上昇が家計に与える影響を懸念している。",
      "地元の自治体は、高齢者向けの交通支援を拡充すると発表した。",
      "自動車大手は、電気自動車の新工場を建設する計画を明らかにした。",
      "野党は予算案の修正を求めて審議に応じない構えだ。",
      "研究チームは、新しい電池材料の開発に成功したと発表した。",
    ],
    attributed: [
      "{name}報道官は{place}で「{n}日以内に結論を出したい」と述べた。",
      "{place}を訪れた{name}氏によると、計画の費用は約{n}億円に上る見通しだ。",
    ],
    first: [],
    last: ["田中", "佐藤", "鈴木", "高橋", "伊藤", "渡辺", "山本", "中村"],
    places: ["札幌", "仙台", "名古屋", "京都", "神戸", "広島", "福岡", "那覇"],
  },
  zh: {
    sep: "",
    outlets: ["华东日报", "北方晨报"],
    titles: [
      "国务院部署稳就业措施",
      "北京降雨致部分地区交通拥堵",
      "吕特：北约将加强东翼防御",
      "上月居民消费价格同比上涨",
      "上海将新建十所公立学校",
      "多家银行下调存款利率",
    ],
    sentences: [
      "国务院周三召开常务会议，研究部署稳就业措施。",
      "北京今天迎来降雨，部分地区出现交通拥堵。",
      "吕特在布鲁塞尔表示，北约将加强东翼防御。",
      "国家统计局数据显示，上月居民消费价格同比上涨百分之零点七。",
      "上海市宣布将新建十所公立学校，以缓解入学压力。",
      "专家指出，新能源汽车出口增长明显。",
      "多家银行下调了存款利率。",
      "两国外长在会谈中就贸易和气候变化问题交换了意见。",
      "受台风影响，沿海多个航班被取消。",
      "科研团队成功研发出一种新型可降解材料。",
    ],
    attributed: [
      "{name}发言人在{place}表示：“我们希望在{n}天内作出决定。”",
      "据{name}在{place}介绍，该项目预计耗资约{n}亿元。",
    ],
    first: [],
    last: ["王伟", "李娜", "张磊", "刘洋", "陈静", "杨帆", "赵敏", "黄涛"],
    places: ["广州", "深圳", "成都", "武汉", "杭州", "南京", "西安", "重庆"],
  },
};

// Runs in the page: builds articles [from, to) deterministically (mulberry32 per article).
// Short: one paragraph of 2-4 sentences (~300 bytes); long: 5-8 paragraphs of 3-5 (~2.5 KB).
function makeArticles(langs, from, to, long, withLanguage) {
  const codes = Object.keys(langs);
  const out = [];
  for (let i = from; i < to; ++i) {
    let s = (Math.imul(i, 2654435761) + 0x5eed) >>> 0;
    const rnd = (n) => {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return (((t ^ (t >>> 14)) >>> 0) % n);
    };
    const pick = (a) => a[rnd(a.length)];
    const code = pick(codes);
    const L = langs[code];
    const date = new Date(Date.UTC(2023, 0, 1) + rnd(730) * 86400000).toISOString().slice(0, 10);
    const paragraphs = [];
    const np = long ? 5 + rnd(4) : 1;
    for (let p = 0; p < np; ++p) {
      const ns = long ? 3 + rnd(3) : 2 + rnd(3);
      const at = rnd(ns);
      const used = new Set();
      const parts = [];
      for (let k = 0; k < ns; ++k) {
        if (k === at) {
          const name = L.first.length ? `${pick(L.first)} ${pick(L.last)}` : pick(L.last);
          parts.push(pick(L.attributed).replace('{name}', name).replace('{place}', pick(L.places)).replace('{n}', String(2 + rnd(998))));
        } else {
          let j = rnd(L.sentences.length);
          while (used.has(j)) j = (j + 1) % L.sentences.length;
          used.add(j);
          parts.push(L.sentences[j]);
        }
      }
      paragraphs.push(parts.join(L.sep));
    }
    const a = { id: 'B' + String(i).padStart(7, '0'), url: `https://www.example.com/${code}/${date}/${i}`, source: pick(L.outlets),
      title: pick(L.titles), published: date };
    if (withLanguage) a.language = code;
    a.text = paragraphs.join('\n\n');
    out.push(a);
  }
  return out;
}

// ---- helpers -------------------------------------------------------------------------------
async function startServer() {
  const child = spawn(process.execPath, [join(ROOT, 'web/serve.mjs'), opts.dist, '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve.mjs printed no port in 10 s:\n${output}`)), 10000);
    child.stdout.on('data', (d) => {
      output += d;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (m) { clearTimeout(timer); resolve(Number(m[1])); }
    });
    child.stderr.on('data', (d) => { output += d; });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve.mjs exited (${code}):\n${output}`)); });
  });
  return { origin: `http://127.0.0.1:${port}`, stop: () => { if (child.exitCode === null) child.kill(); } };
}

async function waitStarted(page) {
  await page.waitForFunction(() => (window.parallax && window.parallax.getState) || document.querySelector('#boot.error'),
    null, { timeout: 120000, polling: 50 });
  const err = await page.evaluate(() => document.querySelector('#boot.error')?.textContent);
  if (err) throw new Error(`the page shows a start error: ${err}`);
}

// Where a widget was drawn, in page CSS pixels.
async function locate(page, label) {
  for (let attempt = 0; attempt < 40; ++attempt) {
    const r = await page.evaluate((l) => {
      const m = window.parallax.module;
      const r = JSON.parse(m.ccall('px_test_locate', 'string', ['string'], [l]));
      const c = m.canvas.getBoundingClientRect();
      return r.ok ? { ...r, x: r.x + c.left, y: r.y + c.top } : r;
    }, label);
    if (r.ok) return r;
    await page.waitForTimeout(50);
  }
  throw new Error(`widget "${label}" not found`);
}

// Installed before the app loads (context.addInitScript). Times every requestAnimationFrame
// callback and, inside it, the WebGL calls that wait for the GPU process (getParameter & co.
// are synchronous; with SwiftShader they wait there for the previous frame's software
// rasterisation). Per frame, "app" = callback time minus that wait = the app's own CPU time
// (ImGui frame, query, sort, writing the saved corpus).
//   __pxbench.begin(ms) starts a recording; __pxbench.pending resolves with it after ms.
function installFrameProbe() {
  const probe = { on: false, wait: 0, frames: new Map(), pending: null, drawn: 0 };
  window.__pxbench = probe;
  const P = WebGL2RenderingContext.prototype;
  // The app clears the canvas once per frame it draws (main_web.cpp): frames drawn, whether
  // from a rAF callback or not (background mode draws a few per second from setImmediate).
  const clear = P.clear;
  P.clear = function (...args) { if (probe.on) ++probe.drawn; return clear.apply(this, args); };
  for (const name of ['getParameter', 'getError', 'readPixels', 'finish', 'getShaderParameter', 'getProgramParameter']) {
    const orig = P[name];
    P[name] = function (...args) {
      const t0 = performance.now();
      try { return orig.apply(this, args); } finally { probe.wait += performance.now() - t0; }
    };
  }
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((t) => {
    const w0 = probe.wait, t0 = performance.now();
    try { cb(t); } finally {
      if (probe.on) {
        const f = probe.frames.get(t) || { cpu: 0, wait: 0 };
        f.cpu += performance.now() - t0;
        f.wait += probe.wait - w0;
        probe.frames.set(t, f);
      }
    }
  });
  probe.begin = (duration) => {
    probe.frames.clear();
    probe.drawn = 0;
    probe.on = true;
    const begin = performance.now();
    probe.pending = new Promise((resolve) => {
      // Callback entry times, not rAF timestamps: the first timestamp after a long task (the
      // add) is the frame's begin time from before that task and would count the task. The
      // recording's start is the first point, so a heavy first frame (the app's callback runs
      // before this one) is inside the first interval.
      const times = [begin];
      const step = () => {
        const t = performance.now();
        times.push(t);
        if (t - begin < duration) { raf(step); return; }
        probe.on = false;
        resolve({ deltas: times.slice(1).map((x, i) => x - times[i]), frames: [...probe.frames.values()],
          drawn_per_s: probe.drawn / ((t - begin) / 1000) });
      };
      raf(step);
    });
    return true;
  };
}

// One scenario: records for `ms` while `drive()` runs (or waits for a recording that the page
// already started, `started`). Returns frame-interval stats, app CPU and GPU wait per frame.
async function scenario(page, ms, drive = async () => {}, { started = false, name = '' } = {}) {
  const cdp = opts.profile === name ? await page.context().newCDPSession(page) : null;
  if (cdp) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.start'); }
  if (!started) await page.evaluate((d) => window.__pxbench.begin(d), ms);
  const analysing = await page.evaluate(() => window.parallax.getState().analysing);
  const extra = await drive();
  const r = await page.evaluate(() => window.__pxbench.pending);
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    result.profile = { scenario: name, ...inclusive(profile) };
    await cdp.detach();
  }
  const s = stats(r.deltas);
  const app = stats(r.frames.map((f) => f.cpu - f.wait), true), wait = stats(r.frames.map((f) => f.wait), true);
  return { ...s, app_median_ms: app.median_ms, app_p95_ms: app.p95_ms, app_max_ms: app.max_ms,
    gpu_wait_median_ms: wait.median_ms, drawn_per_s: r.drawn_per_s, analysing, ...(extra || {}) };
}

// --profile SCENARIO: a CPU profile (DevTools protocol) of that scenario, summed per function
// including callees. Function names need a build linked with --profiling-funcs, e.g.
//   emcmake cmake -S . -B build-bench-prof -DCMAKE_BUILD_TYPE=Release -DPX_SDL2_PREFIX=$(scripts/build-sdl2.sh) \
//     -DPX_ASSET_DIR=$PWD/build-wasm/assets -DPX_SINGLE_FILE=OFF -DCMAKE_EXE_LINKER_FLAGS=--profiling-funcs
//   cmake --build build-bench-prof --target parallax_web
//   mkdir -p /tmp/dist-prof && cp build-bench-prof/parallax.{js,wasm} /tmp/dist-prof && cp shell.html /tmp/dist-prof/index.html
//   node tests/bench/table_100k.mjs --dist /tmp/dist-prof --profile type
function inclusive(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const incl = new Map();
  let total = 0;
  for (let i = 0; i < profile.samples.length; ++i) {
    const dt = (profile.timeDeltas[i] || 0) / 1000;
    total += dt;
    const seen = new Set();
    for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const fn = byId.get(id).callFrame.functionName;
      if (fn && !seen.has(fn)) { seen.add(fn); incl.set(fn, (incl.get(fn) || 0) + dt); }
    }
  }
  const top = [...incl.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)
    .map(([fn, ms]) => ({ ms: Math.round(ms), fn: fn.replace(/std::__2::basic_string_view<char, std::__2::char_traits<char> >/g, 'string_view').slice(0, 110) }));
  return { total_ms: Math.round(total), top };
}

function stats(deltas, brief = false) {
  const s = [...deltas].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];  // nearest rank
  if (brief) return { median_ms: q(0.5), p95_ms: q(0.95), max_ms: s[s.length - 1] };
  const total = deltas.reduce((a, b) => a + b, 0);
  return { frames: s.length, fps: s.length / (total / 1000), median_ms: q(0.5), p95_ms: q(0.95), max_ms: s[s.length - 1],
    over_50ms: s.filter((d) => d > 50).length };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---- the run -------------------------------------------------------------------------------
const server = await startServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
const result = { date: new Date().toISOString(), nproc: cpus().length, cpu: cpus()[0]?.model, chromium: browser.version(),
  renderer: null, articles: opts.articles, chunk: opts.chunk, seconds: opts.seconds, scenarios: {} };
const errors = [];
try {
  const context = await browser.newContext({ viewport: VIEWPORT });  // fresh: empty IndexedDB
  await context.addInitScript(installFrameProbe);
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('crash', () => errors.push('the page crashed'));

  let t = Date.now();
  await page.goto(server.origin + '/');
  await waitStarted(page);
  result.start_ms = Date.now() - t;
  result.renderer = await page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    const ext = gl && gl.getExtension('WEBGL_debug_renderer_info');
    return ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl ? gl.getParameter(gl.RENDERER) : 'no webgl2';
  });
  log(`renderer: ${result.renderer}; started in ${result.start_ms} ms (demo corpus)`);
  await page.waitForFunction(() => !window.parallax.module.pxSyncBusy, null, { timeout: 60000, polling: 100 });
  await sleep(1000);  // the first save of the demo corpus (debounced)
  // Time each IndexedDB sync (web_pre.js calls FS.syncfs(false, cb) after writing /persist).
  await page.evaluate(() => {
    const FS = window.parallax.module.FS, orig = FS.syncfs;
    window.__pxbench.syncs = [];
    FS.syncfs = function (populate, cb) {
      if (typeof populate === 'function') { cb = populate; populate = false; }
      const t0 = performance.now();
      return orig.call(FS, populate, (err) => { window.__pxbench.syncs.push(performance.now() - t0); cb(err); });
    };
  });
  // baseline: idle with the demo corpus (5 articles): the cost of drawing the UI at all.
  result.scenarios.baseline = await scenario(page, opts.seconds * 1000, undefined, { name: 'baseline' });

  // addArticles: generate in the page (no 50 MB over the DevTools protocol), add chunk by chunk
  // in one task (no frame runs in between). Generation is timed apart from addArticles.
  const add = await page.evaluate(({ langs, n, chunk, maxChars, long, withLanguage, seconds, src }) => {
    const make = eval(`(${src})`);
    let gen = 0, api = 0, added = 0, json = 0;
    const perChunk = [];
    const send = (batch) => {
      const chars = JSON.stringify(batch).length;
      if (chars > maxChars && batch.length > 1) {
        const half = batch.length >> 1;
        return send(batch.slice(0, half)) || send(batch.slice(half));
      }
      json += chars;
      const t0 = performance.now();
      const r = window.parallax.addArticles(batch);
      const dt = performance.now() - t0;
      api += dt;
      perChunk.push(dt);
      if (!r.ok) return r.error || 'failed';
      added += r.added;
      return null;
    };
    for (let from = 0; from < n; from += chunk) {
      const t0 = performance.now();
      const batch = make(langs, from, Math.min(n, from + chunk), long, withLanguage);
      gen += performance.now() - t0;
      const error = send(batch);
      if (error) return { error, added };
    }
    // The settle recording starts in this same task, so it sees the first frame after the add.
    window.__pxbench.begin(seconds * 1000);
    const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
    const first = med(perChunk.slice(0, 10)), last = med(perChunk.slice(-10));
    perChunk.sort((a, b) => a - b);
    return { added, first10_median_ms: first, last10_median_ms: last, generate_ms: gen, add_ms: api, json_chars: json, chunks: perChunk.length,
      chunk_median_ms: perChunk[perChunk.length >> 1], chunk_max_ms: perChunk[perChunk.length - 1],
      corpus_size: window.parallax.getState().corpus_size, heap_mb: window.parallax.module.HEAPU8.length / 1048576 };
  }, { langs: LANGS, n: opts.articles, chunk: opts.chunk, maxChars: MAX_CALL_CHARS, long: opts.long,
    withLanguage: opts.language, seconds: opts.seconds, src: makeArticles.toString() });
  t = Date.now();  // the add ended: the analysis (text pipeline) starts on the next frame
  if (add.error) throw new Error(`addArticles failed after ${add.added}: ${add.error}`);
  result.add = add;
  log(`addArticles: ${add.added} ${opts.long ? 'long' : 'short'} articles${opts.language ? '' : ' without language'} ` +
    `in ${add.chunks} calls: ${add.add_ms.toFixed(0)} ms ` +
    `(${(add.json_chars / 1e6).toFixed(1)} M JSON chars; per call median ${add.chunk_median_ms.toFixed(1)} ms, ` +
    `max ${add.chunk_max_ms.toFixed(1)} ms; first 10 calls median ${add.first10_median_ms.toFixed(1)} ms, ` +
    `last 10 ${add.last10_median_ms.toFixed(1)} ms); generating them took ${add.generate_ms.toFixed(0)} ms; wasm heap ${add.heap_mb} MB`);

  // settle: the frames right after the add (first query + sort of all rows, the save).
  const addedAt = t;
  // The text pipeline may finish during the scenarios below: a watcher in the page notes when
  // (polled every 100 ms; getState() is cheap), so the figure is not the time we looked.
  await page.evaluate(() => {
    window.__pxAnalysisDoneAt = null;
    const timer = setInterval(() => {
      if (!window.parallax.getState().analysing) { window.__pxAnalysisDoneAt = Date.now(); clearInterval(timer); }
    }, 100);
  });
  result.scenarios.settle = await scenario(page, opts.seconds * 1000, undefined, { started: true, name: 'settle' });
  // Wait until the IndexedDB sync has finished (web_pre.js: pxSyncBusy) before measuring idle.
  await page.waitForFunction(() => !window.parallax.module.pxSyncBusy, null, { timeout: 60000, polling: 100 });
  result.saved_after_ms = Date.now() - addedAt;
  result.idb_sync_ms = await page.evaluate(() => window.__pxbench.syncs.splice(0));

  const state = await page.evaluate(() => window.parallax.getState());
  result.visible_count = state.visible_count;
  log(`table: ${state.visible_count} of ${state.corpus_size} rows visible`);

  result.scenarios.idle = await scenario(page, opts.seconds * 1000, undefined, { name: 'idle' });

  if (opts.interaction) {
  // scroll: the mouse ~150 px below the search box is over the table's rows.
  const search = await locate(page, 'Articles/##search');
  const over = { x: search.x + search.w / 2, y: search.y + search.h / 2 + 150 };
  await page.mouse.move(over.x, over.y);
  result.scenarios.scroll = await scenario(page, opts.seconds * 1000, async () => {
    const end = Date.now() + opts.seconds * 1000;
    let wheels = 0;
    while (Date.now() < end) {
      await page.mouse.wheel(0, 120);  // one notch
      ++wheels;
      await sleep(30);
    }
    return { wheel_events: wheels };
  }, { name: 'scroll' });
  // The screenshot is of the default run only (100,000 short articles), so other runs do not
  // overwrite it.
  result.screenshot = opts.articles === 100000 && !opts.long && opts.dist === join(ROOT, 'dist') ? 'tests/e2e/out/bench-100k.png' : null;
  if (result.screenshot) {
    mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: join(OUT, 'bench-100k.png') });
  }

  // type: click the search box, type a term key by key; clear it and type again until the time is up.
  await page.mouse.click(search.x + search.w / 2, search.y + search.h / 2);
  await sleep(200);
  result.scenarios.type = await scenario(page, opts.seconds * 1000, async () => {
    const term = 'rutte brussel';
    const end = Date.now() + opts.seconds * 1000;
    let keys = 0;
    while (Date.now() < end) {
      for (const ch of term) {
        if (Date.now() >= end) break;
        await page.keyboard.type(ch);
        ++keys;
        await sleep(80);
      }
      await page.keyboard.press('Control+a');
      await page.keyboard.press('Backspace');
      keys += 2;
    }
    return { keys, term };
  }, { name: 'type' });
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('rutte brussel');
  await page.waitForFunction(() => window.parallax.getState().filters.text === 'rutte brussel', null, { timeout: 30000 });
  result.search_visible_count = await page.evaluate(() => window.parallax.getState().visible_count);

  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  }

  // The text pipeline analyses the new articles a slice at a time (8 ms per frame while the
  // user interacts, 50 ms slices between a few drawn frames per second after 0.5 s without
  // input; main_web.cpp): wait for the end.
  {
    const end = addedAt + opts.analysisWait * 1000;
    let analysing = true;
    while ((analysing = await page.evaluate(() => window.parallax.getState().analysing)) && Date.now() < end) await sleep(500);
    const doneAt = await page.evaluate(() => window.__pxAnalysisDoneAt);
    result.analysis_done_after_ms = analysing ? null : (doneAt ?? Date.now()) - addedAt;
    log(analysing ? `text pipeline: still analysing ${opts.analysisWait} s after the add`
                  : `text pipeline: all articles analysed ${result.analysis_done_after_ms} ms after the add`);
    if (!analysing) result.scenarios.idle_done = await scenario(page, opts.seconds * 1000, undefined, { name: 'idle_done' });
  }

  // reload: the corpus comes back from IndexedDB (same context keeps the storage).
  await page.waitForFunction(() => !window.parallax.module.pxSyncBusy, null, { timeout: 60000, polling: 100 });
  await sleep(1000);  // let a pending (debounced) save run
  await page.waitForFunction(() => !window.parallax.module.pxSyncBusy, null, { timeout: 60000, polling: 100 });
  t = Date.now();
  await page.reload();
  await waitStarted(page);
  result.reload_ms = Date.now() - t;
  ({ corpus_size: result.reload_corpus_size, analysing: result.reload_analysing } =
    await page.evaluate(() => window.parallax.getState()));
  await context.close();
} finally {
  await browser.close();
  server.stop();
}
result.errors = errors;

if (opts.json) {
  console.log(JSON.stringify(result, null, 2));
} else {
  const f = (x) => (typeof x === 'number' ? x.toFixed(1) : x === undefined ? '-' : String(x));
  console.log(`\nframe times in ms over ${opts.seconds} s per scenario (requestAnimationFrame intervals; ` +
    `WebGL on SwiftShader = software rendering, headless Chromium ${result.chromium}).\n` +
    `app CPU = the app's rAF callback minus its blocking WebGL calls; GPU wait = those calls (waiting for SwiftShader);\n` +
    `"-": the app ran no rAF callback (background mode: its slices run from setImmediate); drawn/s = frames the app drew per second`);
  console.log('            --------- frame interval ---------   ----- app CPU per frame ----  GPU wait  drawn');
  console.log('scenario  frames   fps  median    p95    max >50ms   median    p95    max    median    /s');
  for (const [name, s] of Object.entries(result.scenarios))
    console.log(`${name.padEnd(9)} ${String(s.frames).padStart(6)} ${f(s.fps).padStart(5)} ${f(s.median_ms).padStart(7)} ` +
      `${f(s.p95_ms).padStart(6)} ${f(s.max_ms).padStart(6)} ${String(s.over_50ms).padStart(5)} ` +
      `${f(s.app_median_ms).padStart(8)} ${f(s.app_p95_ms).padStart(6)} ${f(s.app_max_ms).padStart(6)} ${f(s.gpu_wait_median_ms).padStart(9)}` +
      `${f(s.drawn_per_s).padStart(6)}` +
      (s.analysing ? '  analysing' : '') +
      (s.wheel_events ? `  (${s.wheel_events} wheel events)` : '') + (s.keys ? `  (${s.keys} keys, "${s.term}")` : ''));
  console.log(`\naddArticles: ${result.add.add_ms.toFixed(0)} ms for ${result.add.added} ${opts.long ? 'long' : 'short'} articles ` +
    `(${result.add.chunks} calls); saved to IndexedDB within ${result.saved_after_ms} ms after ` +
    `(IndexedDB syncs: ${result.idb_sync_ms.map((x) => x.toFixed(0)).join(', ')} ms)` +
    (result.search_visible_count === undefined ? '' : `; "rutte brussel" shows ${result.search_visible_count} rows`));
  console.log('text pipeline: ' + (result.analysis_done_after_ms === null ? `still analysing ${opts.analysisWait} s after the add`
    : `all articles analysed ${result.analysis_done_after_ms} ms after the add`));
  console.log(`reload with the saved corpus: ${result.reload_ms} ms to window.parallax (${result.reload_corpus_size} articles` +
    `${result.reload_analysing ? ', analysing them all again' : ''})`);
  if (result.profile) {
    console.log(`\nCPU profile of "${result.profile.scenario}" (${result.profile.total_ms} ms sampled), ms including callees:`);
    for (const { ms, fn } of result.profile.top) console.log(`${String(ms).padStart(7)}  ${fn}`);
  }
  console.log(`screenshot: ${result.screenshot || 'none (only for the default run: 100,000 short articles, dist/)'}; ` +
    `page errors: ${errors.length ? errors.join(' | ') : 'none'}`);
}
