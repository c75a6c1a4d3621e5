// An instance embedded in a page's <div> (dist/embed-example.html): the page's articles, its
// buttons drive the API, and the page keeps its own keyboard and title.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  assertNoErrors, assertRequests, clickItem, frames, launchBrowser, newContext, openApp, shot, startServer, state,
  waitForState,
} from './lib.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('embed: the page\'s 3 articles, its buttons, its text input', async () => {
  const context = await newContext(browser);
  try {
    const page = await openApp(context, server.origin + '/embed-example.html', 'explorer');
    let s = await state(page, 'explorer');
    assert.equal(s.corpus_size, 3, 'the embed gets the page\'s 3 articles and no demo corpus');
    assert.deepEqual(s.visible_rows.map((r) => r.id).sort(), ['ex-1', 'ex-2', 'ex-3']);

    await page.click('#filter-it');  // an HTML button of the page, calling setFilters
    s = await waitForState(page, (s) => s.visible_count === 1, 'visible_count 1 after "Only Italian"', { name: 'explorer' });
    assert.deepEqual(s.filters.languages, ['it']);
    assert.equal(s.visible_rows[0].id, 'ex-2');
    assert.match(await page.textContent('#out'), /"visible_count": 1/);

    // Click inside the explorer's search box, then on the page's own input: keys go to the page.
    await clickItem(page, 'Articles/##search', 'explorer');
    await page.keyboard.type('ru');
    await waitForState(page, (s) => s.filters.text === 'ru', 'the explorer\'s search box to get "ru"', { name: 'explorer' });
    await page.click('#notes');
    await page.keyboard.type('hello');
    await frames(page);
    assert.equal(await page.inputValue('#notes'), 'hello');
    s = await state(page, 'explorer');
    assert.equal(s.filters.text, 'ru', 'keys typed in the page\'s input reached the explorer');

    await page.click('#add');  // addArticles while the explorer's search box is still active in ImGui
    s = await waitForState(page, (s) => s.corpus_size === 4, 'corpus_size 4 after "Add an article"', { name: 'explorer' });
    assert.equal(s.visible_count, 1, 'the French article is not Italian: still 1 row');

    await page.waitForTimeout(300);
    await shot(page, 'embed-only-italian.png', { fullPage: true });
    assertNoErrors(page);
    assertRequests(context, (u) => u.startsWith(server.origin + '/') || /^(data|blob):/.test(u), server.origin);
  } finally {
    await context.close();
  }
});

test('embed: a page button\'s setFilters() wins over a search the user typed before', async () => {
  const context = await newContext(browser);
  try {
    const page = await openApp(context, server.origin + '/embed-example.html', 'explorer');
    await clickItem(page, 'Articles/##search', 'explorer');
    await page.keyboard.type('ru');
    await waitForState(page, (s) => s.filters.text === 'ru', '"ru" typed in the explorer', { name: 'explorer' });
    await page.click('#search-rutte');  // the page's button: setFilters({ text: 'rutte' })
    assert.match(await page.textContent('#out'), /"text": "rutte"/, 'setFilters() itself returned the new filter');
    await frames(page, 4);
    const s = await state(page, 'explorer');
    assert.equal(s.filters.text, 'rutte', 'the filter set by the page was reverted on the next frame');
    assertNoErrors(page);
  } finally {
    await context.close();
  }
});

test('embed: mounting Parallax leaves the host page\'s title alone', async () => {
  const context = await newContext(browser);
  try {
    const page = await openApp(context, server.origin + '/embed-example.html', 'explorer');
    await frames(page, 5);
    assert.equal(await page.title(), 'Embedding Parallax — example');
  } finally {
    await context.close();
  }
});
