// The single-file build (dist/parallax.html) opened from disk: no server at all.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import {
  DIST, assertNoErrors, assertRequests, clickItem, jsonl, launchBrowser, newContext, openApp, requireDist, shot,
  state, tempDir, waitForSaved, waitForState, waitForStatusError, waitStarted,
} from './lib.mjs';

const FILE_URL = pathToFileURL(join(DIST, 'parallax.html')).href;
const localOnly = (u) => /^(file|data|blob):/.test(u);
let browser, tmp;
before(async () => { requireDist(); browser = await launchBrowser(); tmp = tempDir(); });
after(async () => { await browser?.close(); tmp?.remove(); });

test('parallax.html from file:// starts with the demo corpus, no error, no network', async () => {
  const context = await newContext(browser);
  try {
    const page = await openApp(context, FILE_URL);
    const s = await state(page);
    assert.equal(s.corpus_size, 5);
    assert.equal(s.visible_count, 5);
    await clickItem(page, 'Articles/##search');
    await page.keyboard.type('kishida');
    await waitForState(page, (s) => s.visible_count === 1, 'search to narrow to 1 row');
    await page.waitForTimeout(300);
    await shot(page, 'single-file-start-search.png');
    assertNoErrors(page);
    assert.deepEqual(context.requests, [FILE_URL], 'the single file should load nothing but itself');
    assertRequests(context, localOnly, 'file:, data:, blob:');
  } finally {
    await context.close();
  }
});

test('parallax.html from file:// opens files and keeps them across a reload', async () => {
  const context = await newContext(browser);
  try {
    const page = await openApp(context, FILE_URL);
    const chooser = page.waitForEvent('filechooser');
    await clickItem(page, 'Corpus/Open files…');
    await (await chooser).setFiles(tmp.file('local.jsonl', jsonl([
      { id: 'e2e-local', source: 'Local', language: 'en', title: 'Opened from disk', text: 'An article opened in the single-file build.' },
    ])));
    await waitForState(page, (s) => s.corpus_size === 6, 'corpus_size 6 after opening local.jsonl');
    await waitForSaved(page, (t) => t !== null && t.includes('"e2e-local"'), 'the opened article');
    await page.reload();
    await waitStarted(page);
    assert.equal((await state(page)).corpus_size, 6, 'after reload');
    assertNoErrors(page);
    assertRequests(context, localOnly, 'file:, data:, blob:');
  } finally {
    await context.close();
  }
});

test('parallax.html from file:// refuses ?corpus= (there is no origin to load from)', async () => {
  const context = await newContext(browser);
  try {
    const page = await openApp(context, FILE_URL + '?corpus=' + encodeURIComponent(FILE_URL.replace('parallax.html', 'x.jsonl')));
    await waitForStatusError(page, null, '?corpus= on file://');
    assert.equal((await state(page)).corpus_size, 5);
    assertNoErrors(page);
    assertRequests(context, (u) => u.startsWith(FILE_URL), 'the page itself');
  } finally {
    await context.close();
  }
});
