// Text into ImGui fields the way people put it there: Ctrl+V from the system clipboard, text
// that no key on the keyboard produces (insertText, as IMEs and on-screen keyboards deliver
// it), and Ctrl+C back out to the system clipboard.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { assertNoErrors, clickItem, frames, launchBrowser, newContext, openApp, shot, startServer, state, waitForState } from './lib.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

async function openWithClipboard() {
  const context = await newContext(browser);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const page = await openApp(context, server.origin + '/');
  return { context, page };
}

test('Ctrl+V pastes the system clipboard into the search box', async () => {
  const { context, page } = await openWithClipboard();
  try {
    await clickItem(page, 'Articles/##search');
    await page.evaluate(() => navigator.clipboard.writeText('Brüssel'));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'Brüssel', 'the test could not fill the clipboard');
    const events = await page.evaluate(() => {
      window.e2eEvents = [];
      document.addEventListener('paste', () => window.e2eEvents.push('paste'), true);
      window.addEventListener('keydown', (e) => { if (e.key === 'v') window.e2eEvents.push(`keydown v defaultPrevented=${e.defaultPrevented}`); });
      return window.e2eEvents;
    });
    assert.deepEqual(events, []);
    await page.keyboard.press('Control+v');
    await frames(page, 4);
    const seen = await page.evaluate(() => window.e2eEvents);
    const s = await state(page);
    await shot(page, 'clipboard-paste.png');
    assert.equal(s.filters.text, 'Brüssel', `the pasted text did not reach the search box (browser events: ${seen.join(', ')})`);
    assert.equal(s.visible_count, 1);
    assertNoErrors(page);
  } finally {
    await context.close();
  }
});

test('text without a key (insertText: "città", "BRÜSSEL", Japanese) reaches the search box', async () => {
  const { context, page } = await openWithClipboard();
  try {
    await clickItem(page, 'Articles/##search');
    await page.keyboard.type('città');  // "à" is on no US key: Playwright sends it as insertText
    let s = await waitForState(page, (s) => s.filters.text === 'città', 'filters.text === "città"');
    assert.equal(s.visible_count, 0, '"città" is in none of the demo articles');
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('BRÜSSEL');
    s = await waitForState(page, (s) => s.filters.text === 'BRÜSSEL', 'filters.text === "BRÜSSEL"');
    assert.deepEqual(s.visible_rows.map((r) => r.id), ['b4c56b7d10b132af'], 'accent- and case-insensitive match');
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');
    await page.keyboard.insertText('東京');  // what an IME commits
    s = await waitForState(page, (s) => s.filters.text === '東京', 'filters.text === "東京"');
    assert.equal(s.visible_count, 0);
    await shot(page, 'insert-text-japanese-in-search.png');
    assertNoErrors(page);
  } finally {
    await context.close();
  }
});

test('Ctrl+C copies from the search box to the system clipboard', async () => {
  const { context, page } = await openWithClipboard();
  try {
    await page.evaluate(() => navigator.clipboard.writeText('before'));
    await clickItem(page, 'Articles/##search');
    await page.keyboard.type('rutte tokyo');
    await waitForState(page, (s) => s.filters.text === 'rutte tokyo', 'the typed query');
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+c');
    await frames(page, 4);
    let text;
    for (let i = 0; i < 20 && text !== 'rutte tokyo'; ++i) {
      text = await page.evaluate(() => navigator.clipboard.readText());
      await page.waitForTimeout(50);
    }
    assert.equal(text, 'rutte tokyo');
    assertNoErrors(page);
  } finally {
    await context.close();
  }
});
