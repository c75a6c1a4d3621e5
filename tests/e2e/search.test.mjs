// Stem-aware search through the real UI: once the demo corpus is analysed, a word form that
// occurs nowhere in the texts finds the articles with its other forms, in their own language,
// and the Reader marks those words. "Quoted" terms stay exact.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  assertNoErrors, clickItem, colorCounts, frames, launchBrowser, locate, newContext, openApp, readerTextRect, shot, startServer,
  waitForState,
} from './lib.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

// The demo articles (assets/corpus): ids as in hosted.test.mjs.
const ENGLISH = ['247331e4daaab172', 'bd44e2ebeb84dbe5', 'dbffe100e06b51d7'];
const ITALIAN = 'fd50bea61509c06b';

async function search(page, query) {
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await waitForState(page, (s) => s.filters.text === '' && s.visible_count === 5, 'the search box to clear');
  await page.keyboard.type(query);
  return waitForState(page, (s) => s.filters.text === query, `filters.text === "${query}"`);
}

test('a word form that is not in the texts finds its other forms once analysed', async () => {
  const context = await newContext(browser);
  try {
    const page = await openApp(context, server.origin + '/');
    await waitForState(page, (s) => s.corpus_size === 5 && !s.loading && !s.analysing, 'the demo corpus to be analysed',
      { timeout: 60000 });
    await clickItem(page, 'Articles/##search');

    // None of these forms occurs in the demo texts (so substring search alone finds nothing):
    // "strengthened" (the English ones say "strengthen", "strengthening") and "rafforzata" (the
    // Italian one says "rafforzare", "rafforzato", "rafforzamento").
    const cases = [
      ['strengthened', ENGLISH],
      ['rafforzata', [ITALIAN]],
      ['rafforzata giappone', [ITALIAN]],        // AND-ed with a substring match
      ['"strengthened"', []],                   // quoted: exact
      ['"rafforzato"', [ITALIAN]],
    ];
    for (const [query, ids] of cases) {
      const s = await search(page, query);
      assert.deepEqual(s.visible_rows.map((r) => r.id).sort(), [...ids].sort(), `rows for ${query}`);
    }

    // The Italian article in the Reader: its forms of "rafforzare" are marked.
    await search(page, 'rafforzata');
    await clickItem(page, 'Articles/Italian news site');
    await waitForState(page, (s) => s.selected === ITALIAN, 'the Italian article to be selected');
    await frames(page, 4);
    const readerRect = await readerTextRect(page);  // found by the window's name, not by layout
    const marked = await colorCounts(page, readerRect);
    // Hover the search box so its tooltip (how matching works) is in the screenshot.
    const box = await locate(page, 'Articles/##search');
    await page.mouse.move(box.x + box.w / 2, box.y + box.h / 2);
    await page.waitForTimeout(800);
    await frames(page, 4);
    await shot(page, 'search-stem-rafforzata.png');
    assert.ok(marked.yellow > 100, `the Reader marks no stem matches (${marked.yellow} yellow pixels)`);

    // Quoted, the same form marks nothing (so the check above can fail).
    await clickItem(page, 'Articles/##search');
    await search(page, '"rafforzata"');
    await waitForState(page, (s) => s.visible_count === 0, 'no rows for "rafforzata" quoted');
    await frames(page, 4);
    const unmarked = await colorCounts(page, readerRect);
    assert.ok(unmarked.yellow < 20, `yellow marks remain for an exact term that is not in the text (${unmarked.yellow})`);
    assertNoErrors(page);
  } finally {
    await context.close();
  }
});
