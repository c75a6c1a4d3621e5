// Hosted build (dist/index.html over http): start-up, and searching through the real UI.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  assertNoErrors, assertRequests, clickItem, colorCounts, frames, launchBrowser, newContext, openApp, readerTextRect, shot,
  startServer, state, waitForState,
} from './lib.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const DEMO_IDS = ['247331e4daaab172', 'bd44e2ebeb84dbe5', 'b4c56b7d10b132af', 'fd50bea61509c06b', 'dbffe100e06b51d7'];
const GERMAN = 'b4c56b7d10b132af';
const ITALIAN = 'fd50bea61509c06b';

test('starts with the demo corpus, no console error, no request off 127.0.0.1', async () => {
  const context = await newContext(browser);
  try {
    const page = await openApp(context, server.origin + '/');
    const s = await state(page);
    assert.equal(s.ok, true);
    assert.equal(s.corpus_size, 5);
    assert.equal(s.visible_count, 5);
    assert.deepEqual(s.visible_rows.map((r) => r.id).sort(), [...DEMO_IDS].sort());
    assert.equal(s.loading, false);
    await page.waitForTimeout(500);  // let late errors (e.g. a failed save) arrive
    await shot(page, 'hosted-start.png');
    assertNoErrors(page);
    assert.ok(context.requests.some((u) => u.endsWith('/parallax.wasm')), 'parallax.wasm was not requested');
    assertRequests(context, (u) => u.startsWith(server.origin + '/') || /^(data|blob):/.test(u), server.origin);
  } finally {
    await context.close();
  }
});

test('search box narrows rows: case and accents do not matter', async () => {
  const context = await newContext(browser);
  try {
    const page = await openApp(context, server.origin + '/');
    // Expected counts come from the demo texts (assets/corpus/*.txt), folded for case and accents.
    const cases = [
      ['kishida', 1, [GERMAN]],     // only the German article mentions Kishida
      ['MERCOLEDI', 1, [ITALIAN]],  // "Mercoledì" in the Italian one
      ['brussel', 1, [GERMAN]],     // "Brüssel"
      ['veroffentlichung', 1, [GERMAN]],  // "Veröffentlichung"
      ['rutte', 4, DEMO_IDS.filter((id) => id !== GERMAN)],  // everyone but the German article
      ['ukraine', 3, null],          // the English ones ("Ucraina" in Italian does not match)
      ['rutte ucraina', 1, [ITALIAN]],  // terms are ANDed
      ['nowhere-in-the-corpus', 0, []],
    ];
    await clickItem(page, 'Articles/##search');
    for (const [query, count, ids] of cases) {
      await page.keyboard.press('Control+a');
      await page.keyboard.press('Backspace');
      await waitForState(page, (s) => s.filters.text === '' && s.visible_count === 5, 'the search box to clear');
      await page.keyboard.type(query);
      const s = await waitForState(page, (s) => s.filters.text === query, `filters.text === "${query}"`);
      assert.equal(s.visible_count, count, `"${query}" should match ${count} articles`);
      if (ids) assert.deepEqual(s.visible_rows.map((r) => r.id).sort(), [...ids].sort(), `rows for "${query}"`);
    }

    // Back to "kishida", select the German row with the mouse: the Reader marks the hits.
    const readerRect = await readerTextRect(page);  // found by the window's name, not by layout
    await page.keyboard.press('Control+a');
    await page.keyboard.type('kishida');
    await waitForState(page, (s) => s.visible_count === 1, 'one row for "kishida"');
    await clickItem(page, 'Articles/German news site');
    const s = await waitForState(page, (s) => s.selected === GERMAN, 'the German article to be selected');
    assert.equal(s.visible_count, 1);
    await frames(page, 4);
    const marked = await colorCounts(page, readerRect);
    await shot(page, 'search-kishida-reader-hits.png');
    assert.ok(marked.yellow > 200, `the Reader shows no yellow hit marks (${marked.yellow} yellow pixels)`);

    // Clearing the search removes the marks (so the colour check above can fail).
    await clickItem(page, 'Articles/Clear all filters');
    await waitForState(page, (s) => s.filters.text === '' && s.visible_count === 5, 'filters to clear');
    await frames(page, 4);
    const unmarked = await colorCounts(page, readerRect);
    assert.ok(unmarked.yellow < 20, `yellow marks remain after clearing the search (${unmarked.yellow})`);
    assertNoErrors(page);
  } finally {
    await context.close();
  }
});
