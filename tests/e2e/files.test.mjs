// Getting articles in (hosted build): the file picker, persistence across reload, bad input,
// drag and drop, ?corpus=URL.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import {
  DIST, STATUS_BAR, assertNoErrors, clickItem, colorCounts, frames, jsonl, launchBrowser, newContext, openApp,
  shot, startServer, state, tempDir, waitForSaved, waitForState, waitForStatusError, waitStarted,
} from './lib.mjs';

let server, browser, tmp;
before(async () => { server = await startServer(); browser = await launchBrowser(); tmp = tempDir(); });
after(async () => { await browser?.close(); await server?.stop(); tmp?.remove(); });

const DEMO_IDS = ['247331e4daaab172', 'b4c56b7d10b132af', 'bd44e2ebeb84dbe5', 'dbffe100e06b51d7', 'fd50bea61509c06b'];
const ids = (s) => s.visible_rows.map((r) => r.id).sort();

const THREE = [
  { id: 'e2e-ja', source: '朝日新聞', language: 'ja', published: '2025-04-09', title: 'ルッテ事務総長が東京を訪問',
    text: '北大西洋条約機構（NATO）のルッテ事務総長は東京で石破茂首相と会談した。\n両者は防衛産業協力の強化で合意した。' },
  { id: 'e2e-ru', source: 'Коммерсантъ', language: 'ru', published: '2025-04-10', title: 'Рютте посетил Токио',
    text: 'Генеральный секретарь НАТО Марк Рютте встретился в Токио с премьер-министром Сигэру Исибой.\nСтороны договорились расширить сотрудничество в оборонной промышленности.' },
  { id: 'e2e-zh', source: '新华社', language: 'zh', published: '2025-04-11', title: '吕特访问东京',
    text: '北约秘书长吕特在东京会见日本首相石破茂。\n双方同意加强防务工业合作。' },
];

// Clicks "Open files…" in the Corpus panel and answers the browser's file chooser.
async function openFiles(page, paths) {
  const chooser = page.waitForEvent('filechooser', { timeout: 10000 });
  await clickItem(page, 'Corpus/Open files…');
  const fc = await chooser;
  assert.equal(fc.isMultiple(), true, 'the file picker should accept several files');
  await fc.setFiles(paths);
}

test('Open files… loads a JSONL file (ja, ru, zh), it survives a reload, Reset to demo', async () => {
  const context = await newContext(browser);
  try {
    const page = await openApp(context, server.origin + '/');
    assert.equal((await state(page)).corpus_size, 5);
    await openFiles(page, tmp.file('three.jsonl', jsonl(THREE)));
    let s = await waitForState(page, (s) => s.corpus_size === 8 && !s.loading, 'corpus_size 8 after opening three.jsonl');
    assert.deepEqual(ids(s), [...DEMO_IDS, 'e2e-ja', 'e2e-ru', 'e2e-zh'].sort());
    for (const a of THREE) {
      const row = s.visible_rows.find((r) => r.id === a.id);
      assert.deepEqual({ ...row }, { id: a.id, source: a.source, title: a.title, language: a.language, published: a.published });
    }

    // The Reader shows each script (look at these screenshots: no boxes or '?' for glyphs).
    for (const [id, name] of [['e2e-ja', 'open-jsonl-reader-japanese.png'], ['e2e-zh', 'open-jsonl-reader-chinese.png'],
      ['e2e-ru', 'open-jsonl-reader-russian.png']]) {
      assert.deepEqual(await page.evaluate((i) => window.parallax.select(i), id), { ok: true });
      await waitForState(page, (s) => s.selected === id, `${id} selected`);
      await shot(page, name);
    }

    // Reload: the corpus comes back from IndexedDB.
    await waitForSaved(page, (t) => t !== null && THREE.every((a) => t.includes(`"${a.id}"`)), 'the three new articles');
    await page.reload();
    await waitStarted(page);
    s = await state(page);
    assert.equal(s.corpus_size, 8, 'after reload');
    assert.deepEqual(ids(s), [...DEMO_IDS, 'e2e-ja', 'e2e-ru', 'e2e-zh'].sort());
    assert.equal(s.visible_rows.find((r) => r.id === 'e2e-ja').title, THREE[0].title);
    await shot(page, 'open-jsonl-after-reload.png');

    // Reset to demo: back to the five demo articles, and that is what a reload restores.
    await clickItem(page, 'Corpus/Reset to demo');
    s = await waitForState(page, (s) => s.corpus_size === 5, 'corpus_size 5 after Reset to demo');
    assert.deepEqual(ids(s), DEMO_IDS);
    await waitForSaved(page, (t) => t !== null && !t.includes('"e2e-ja"') && DEMO_IDS.every((i) => t.includes(i)), 'the demo corpus');
    await page.reload();
    await waitStarted(page);
    assert.equal((await state(page)).corpus_size, 5, 'after Reset to demo and reload');
    assertNoErrors(page);
  } finally {
    await context.close();
  }
});

test('bad input (binary, malformed JSON, empty file) keeps what is loaded and says so', async () => {
  const context = await newContext(browser);
  try {
    const page = await openApp(context, server.origin + '/');
    const bad = [
      ['binary.jsonl', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0xff, 0xfe, 0, 7, 0])],
      ['broken.json', '[{"source": "X", "title": "Broken", "text": "no closing bracket"'],
      ['empty.jsonl', ''],
    ];
    const before = await state(page);
    let status = await page.screenshot({ clip: STATUS_BAR });
    assert.equal((await colorCounts(page, STATUS_BAR)).red, 0, 'the status bar starts without an error');
    for (const [name, data] of bad) {
      await openFiles(page, tmp.file(name, data));
      status = await waitForStatusError(page, status, name);  // a new red message in the status bar
      await shot(page, `bad-input-status-${name.replace('.', '-')}.png`, { clip: STATUS_BAR });
      const s = await state(page);
      assert.equal(s.corpus_size, 5, `${name} changed the corpus`);
      assert.deepEqual(ids(s), ids(before));
      assert.equal(s.selected, before.selected, `${name} changed the selection`);
    }
    await shot(page, 'bad-input-status-and-log.png');

    // All three at once, then a JSONL with one good and one broken line: only the good one is added.
    await openFiles(page, bad.map(([name]) => join(tmp.dir, name)));
    await page.waitForTimeout(500);
    await frames(page, 4);
    assert.equal((await state(page)).corpus_size, 5);
    await openFiles(page, tmp.file('mixed.jsonl', jsonl([{ id: 'e2e-good', source: 'Good', title: 'Good line', text: 'A good article.' }]) + '{"id": "e2e-bad", "title": \n'));
    const s = await waitForState(page, (s) => s.corpus_size === 6, 'the good line of mixed.jsonl');
    assert.ok(ids(s).includes('e2e-good'));

    // A taller window shows the whole message log (at 800 px it is one line high).
    await page.setViewportSize({ width: 1280, height: 1400 });
    await frames(page, 4);
    await clickItem(page, 'View');             // the menu bar
    await clickItem(page, 'Reset layout');     // the item in its popup
    await shot(page, 'bad-input-messages-tall.png');
    assertNoErrors(page);
  } finally {
    await context.close();
  }
});

test('drag and drop of a file (a real drag, as the browser delivers it from the desktop)', async () => {
  const context = await newContext(browser);
  try {
    const page = await openApp(context, server.origin + '/');
    const file = tmp.file('dropped.jsonl', jsonl([
      { id: 'e2e-drop-1', source: 'Dropped', language: 'en', title: 'Dropped one', text: 'First dropped article.' },
      { id: 'e2e-drop-2', source: 'Dropped', language: 'en', title: 'Dropped two', text: 'Second dropped article.' },
    ]));
    const cdp = await context.newCDPSession(page);
    const data = { items: [], files: [file], dragOperationsMask: 1 };
    for (const type of ['dragEnter', 'dragOver', 'drop']) await cdp.send('Input.dispatchDragEvent', { type, x: 400, y: 300, data });
    const s = await waitForState(page, (s) => s.corpus_size === 7, 'corpus_size 7 after the drop');
    assert.ok(ids(s).includes('e2e-drop-1') && ids(s).includes('e2e-drop-2'));
    assertNoErrors(page);
  } finally {
    await context.close();
  }
});

test('drag and drop of a folder loads the files inside it', async () => {
  const context = await newContext(browser);
  try {
    const page = await openApp(context, server.origin + '/');
    const folder = join(tmp.dir, 'dropped-folder');
    mkdirSync(join(folder, 'sub'), { recursive: true });
    writeFileSync(join(folder, 'a.jsonl'), jsonl([{ id: 'e2e-folder-a', source: 'Folder', title: 'A', text: 'Article A in a folder.' }]));
    writeFileSync(join(folder, 'sub', 'b.txt'), 'Article B title\nArticle B is a plain text file in a subfolder.\n');
    const cdp = await context.newCDPSession(page);
    const data = { items: [], files: [folder], dragOperationsMask: 1 };
    for (const type of ['dragEnter', 'dragOver', 'drop']) await cdp.send('Input.dispatchDragEvent', { type, x: 400, y: 300, data });
    const s = await waitForState(page, (s) => s.corpus_size === 7, 'corpus_size 7 after dropping a folder with two files');
    assert.ok(ids(s).includes('e2e-folder-a'));
    assert.ok(s.visible_rows.some((r) => r.title === 'Article B title'), 'the .txt file in the subfolder was not loaded');
    assertNoErrors(page);
  } finally {
    await context.close();
  }
});

test('drag and drop: a drop event whose DataTransfer holds a File (built by a script)', async () => {
  const context = await newContext(browser);
  try {
    const page = await openApp(context, server.origin + '/');
    const dt = await page.evaluateHandle(() => {
      const t = new DataTransfer();
      t.items.add(new File(['{"id":"e2e-synthetic","source":"Script","title":"Synthetic drop","text":"Dropped by a script."}\n'],
        'synthetic.jsonl', { type: 'application/x-ndjson' }));
      return t;
    });
    const seen = await page.evaluate((t) => ({ files: t.files.length, entry: String(t.items[0].webkitGetAsEntry()) }), dt);
    assert.equal(seen.files, 1, 'the test did not build its DataTransfer');
    await page.dispatchEvent('#parallax-1', 'drop', { dataTransfer: dt });
    // In Chromium such a DataTransfer has files but webkitGetAsEntry() is null for its items
    // (seen.entry); the app must still load the file.
    const s = await waitForState(page, (s) => s.corpus_size === 6, `corpus_size 6 after the drop (webkitGetAsEntry() gave ${seen.entry})`);
    assert.ok(ids(s).includes('e2e-synthetic'));
    assertNoErrors(page);
  } finally {
    await context.close();
  }
});

test('?corpus= loads a JSONL file served next to the app', async () => {
  const name = `e2e-corpus-${process.pid}.jsonl`;
  const path = join(DIST, name);
  writeFileSync(path, jsonl([
    { id: 'e2e-url-1', source: 'URL Wire', language: 'en', title: 'From the URL one', text: 'Loaded with ?corpus=.' },
    { id: 'e2e-url-2', source: 'URL Wire', language: 'de', title: 'Aus der URL', text: 'Mit ?corpus= geladen.' },
  ]));
  const context = await newContext(browser);
  try {
    const page = await openApp(context, `${server.origin}/?corpus=${encodeURIComponent(name)}`);
    const s = await waitForState(page, (s) => s.corpus_size === 7, 'corpus_size 7 (demo + 2 from ?corpus=)');
    assert.ok(ids(s).includes('e2e-url-1') && ids(s).includes('e2e-url-2'));
    assert.ok(context.requests.includes(`${server.origin}/${name}`), 'the corpus file was not requested');
    assertNoErrors(page);
  } finally {
    await context.close();
    rmSync(path, { force: true });
  }
});

test('?corpus= on another origin is refused without a request, and the app keeps working', async () => {
  for (const url of ['http://example.com/x.jsonl', '//example.com/x.jsonl']) {
    const context = await newContext(browser);
    try {
      const page = await openApp(context, `${server.origin}/?corpus=${encodeURIComponent(url)}`);
      await waitForStatusError(page, null, `?corpus=${url}`);
      if (url.startsWith('http:')) await shot(page, 'corpus-url-cross-origin-refused.png');
      assert.ok(context.requests.some((u) => u.endsWith('/parallax.wasm')), 'requests are not being recorded');
      assert.deepEqual(context.requests.filter((u) => !/^(data|blob):/.test(u) && new URL(u).host !== new URL(server.origin).host),
        [], `a request left ${server.origin} for ?corpus=${url}`);
      assert.equal((await state(page)).corpus_size, 5);
      await clickItem(page, 'Articles/##search');
      await page.keyboard.type('kishida');
      await waitForState(page, (s) => s.visible_count === 1, 'search still works');
      assertNoErrors(page);  // a fetch blocked by the page's CSP would log an error here
    } finally {
      await context.close();
    }
  }
});
