// The text pipeline in the browser (the wasm build with its real assets), and the panel
// layout surviving a reload.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  assertNoErrors, frames, launchBrowser, locate, newContext, openApp, shot, startServer, waitForState, waitStarted,
} from './lib.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const TAIWAN_NEWS = '247331e4daaab172';  // 001: comment form and teasers at its end
const ITALIAN = 'fd50bea61509c06b';       // 003: "XNUMX testate nucleari"

async function selectAnalysed(page, id) {
  await page.evaluate((i) => window.parallax.select(i), id);
  return waitForState(page, (s) => s.selected === id && s.selected_analysis !== null && !s.analysing,
                      `article ${id} analysed`, { timeout: 60000 });
}

test('the reader gets chrome, sentences, languages, quotes and numbers from the wasm pipeline', async () => {
  const context = await newContext(browser);
  try {
    const page = await openApp(context, server.origin + '/');
    let s = await selectAnalysed(page, TAIWAN_NEWS);
    const a = s.selected_analysis;
    assert.ok(a.chrome_paragraphs >= 10, `site chrome found: ${a.chrome_paragraphs} paragraphs`);
    assert.ok(a.paragraphs - a.chrome_paragraphs >= 10, `the article's own paragraphs stay: ${a.paragraphs - a.chrome_paragraphs}`);
    assert.ok(a.sentences >= 30, `sentences: ${a.sentences}`);
    assert.ok(a.sentence_languages.en >= a.sentences * 0.9, JSON.stringify(a.sentence_languages));
    const stronger = a.quotes.find((q) => q.text.startsWith('A stronger NATO will benefit Japan greatly'));
    assert.ok(stronger, 'the Ishiba quote is found');
    assert.equal(stronger.speaker, 'Ishiba');
    assert.ok(a.quantities.some((q) => q.value === 1000), '"over 1,000 nuclear warheads" read as 1000');
    assert.ok(a.quantities.some((q) => q.value === 2030), '"by 2030" read as 2030');
    await shot(page, 'analysis-reader-001.png');

    s = await selectAnalysed(page, ITALIAN);
    const corrupt = s.selected_analysis.quantities.find((q) => q.text.includes('XNUMX'));
    assert.ok(corrupt, 'XNUMX is found');
    assert.equal(corrupt.value, null, 'XNUMX has no value: the number is corrupt');
    assert.equal(s.visible_rows.find((r) => r.id === ITALIAN).language, 'it');
    await shot(page, 'analysis-reader-003.png');
    assertNoErrors(page);
  } finally {
    await context.close();
  }
});

test('a panel moved by the user stays where it was put after a reload', async () => {
  const context = await newContext(browser);
  try {
    const page = await openApp(context, server.origin + '/');
    const before = await locate(page, 'window:Reader');
    // Drag the Reader by its title bar 90 px down and 60 px left.
    await page.mouse.move(before.x + 80, before.y + 8);
    await frames(page, 2);
    await page.mouse.down();
    for (let i = 1; i <= 6; ++i) {
      await page.mouse.move(before.x + 80 - 10 * i, before.y + 8 + 15 * i);
      await frames(page, 1);
    }
    await page.mouse.up();
    await frames(page, 3);
    const moved = await locate(page, 'window:Reader');
    assert.ok(Math.abs(moved.y - before.y - 90) <= 4, `moved to y=${moved.y} from ${before.y}`);
    await page.waitForTimeout(1500);  // ImGui marks settings dirty after a moment; then we save
    await page.reload();
    await waitStarted(page);
    await frames(page, 3);
    const restored = await locate(page, 'window:Reader');
    assert.ok(Math.abs(restored.y - moved.y) <= 2 && Math.abs(restored.x - moved.x) <= 2,
              `after reload at (${restored.x}, ${restored.y}), expected (${moved.x}, ${moved.y})`);
    await shot(page, 'layout-after-reload.png');
    assertNoErrors(page);
  } finally {
    await context.close();
  }
});

test('addArticles takes a large batch in one call (it used to overflow the wasm stack)', async () => {
  const context = await newContext(browser);
  try {
    const page = await openApp(context, server.origin + '/');
    const result = await page.evaluate(() => {
      const articles = [];
      for (let i = 0; i < 12000; ++i) {
        articles.push({ id: 'big-' + i, source: 'Outlet ' + (i % 7), language: 'en',
                        title: 'Generated article ' + i,
                        text: 'NATO Secretary General Mark Rutte met Prime Minister Shigeru Ishiba in Tokyo. ' + i });
      }
      const chars = JSON.stringify(articles).length;
      const r = window.parallax.addArticles(articles);
      return { chars, added: r.added, size: window.parallax.getState().corpus_size };
    });
    assert.ok(result.chars > 1500000, `the batch is ${result.chars} characters`);
    assert.equal(result.added, 12000);
    assert.equal(result.size, 12005);
    await frames(page, 3);
    assertNoErrors(page);
  } finally {
    await context.close();
  }
});
