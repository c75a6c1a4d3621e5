// The Claims panel in the browser (issue 5): the demo corpus analysed by the wasm build, the
// claim groups found, the NATO/Japan "benefit" claim grouped across English and Italian, the
// "XNUMX" number flagged side by side, a member opening the Reader at its sentence, the claim
// filter, the omission matrix, the exports.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';

import {
  assertNoErrors, clickItem, decodePng, frames, launchBrowser, locate, newContext, openApp, readerTextRect, shot,
  startServer, state, waitForState,
} from './lib.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const claimsReady = (s) => !s.loading && !s.analysing && s.claims && !s.claims.pending && s.claims.groups > 0;
const ITALIAN = 'fd50bea61509c06b';

async function download(page, label) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }), clickItem(page, label)]);
  return { name: dl.suggestedFilename(), bytes: readFileSync(await dl.path()) };
}

// The group (index into the ranking) whose members satisfy every predicate, from the state.
function findGroup(s, ...preds) {
  return s.claims.top.findIndex((g) => preds.every((p) => g.members.some(p)));
}

// Selects the group at `index` of the ranking the way a user would: the top row first (when
// nothing is selected), then the arrow keys (the list scrolls to follow).
async function selectGroup(page, index) {
  let s = await state(page);
  if (!s.claims.selected) {
    await clickItem(page, 'Claims/group 0');
    s = await waitForState(page, (t) => t.claims.selected && t.claims.selected.index === 0, 'the top group selected');
  }
  const from = s.claims.selected.index;
  for (let i = 0; i < Math.abs(index - from); ++i) {
    await page.keyboard.press(index > from ? 'ArrowDown' : 'ArrowUp');
    await frames(page, 2);
  }
  return waitForState(page, (t) => t.claims.selected && t.claims.selected.index === index, `group ${index} selected`);
}

// Pixels of the Reader's claim mark (IM_COL32(190, 150, 235, 80) over the window background).
async function claimPixels(page) {
  const clip = await readerTextRect(page);
  const { px } = decodePng(await page.screenshot({ clip }));
  let n = 0;
  for (let i = 0; i < px.length; i += 4) {
    const r = px[i], g = px[i + 1], b = px[i + 2];
    if (b > 232 && r > 218 && r < 242 && g > 205 && g < 230 && b - g > 15) ++n;
  }
  return n;
}

test('demo corpus: claims grouped across languages, differences side by side, reader, filter, matrix, exports', async () => {
  const context = await newContext(browser, { acceptDownloads: true });
  try {
    const page = await openApp(context, server.origin + '/');
    let s = await waitForState(page, claimsReady, 'claims on the demo corpus', { timeout: 180000 });
    console.log(`demo corpus: ${s.claims.units} claim units, ${s.claims.groups} groups, ${s.claims.candidates_scored} pairs scored, ` +
                `build ${s.claims.build_ms.toFixed(0)} ms, longest claims stage ${s.claims.max_stage_ms.toFixed(0)} ms`);
    assert.deepEqual(s.claims.notes, [], 'no asset is missing');

    // "A stronger NATO will benefit Japan greatly" (en) ~ "Una NATO più forte porterà notevoli benefici al Giappone" (it).
    const benefit = findGroup(s, (m) => m.language === 'en' && /stronger NATO will benefit Japan/.test(m.text),
                                 (m) => m.language === 'it' && /notevoli benefici al Giappone/.test(m.text));
    assert.ok(benefit >= 0, `a group holds the benefit claim in English and Italian: ${JSON.stringify(s.claims.top.map((g) => g.members.map((m) => m.language + ': ' + m.text.slice(0, 60))))}`);
    const warheads = findGroup(s, (m) => /1,000 nuclear warheads/.test(m.text), (m) => /XNUMX testate/.test(m.text));
    assert.ok(warheads >= 0, 'a group holds the warheads claim in English and Italian');

    // The Claims tab, in the region Entities had.
    const entities = await locate(page, 'window:Entities');
    await clickItem(page, 'Entities/Claims##analysis');
    s = await waitForState(page, (t) => t.claims.tab === 1, 'the Claims tab');
    const claimsWin = await locate(page, 'window:Claims');
    assert.deepEqual([claimsWin.x, claimsWin.y, claimsWin.w, claimsWin.h], [entities.x, entities.y, entities.w, entities.h]);
    assert.ok(claimsWin.w >= 700 && claimsWin.h >= 500, `the Claims panel has room: ${claimsWin.w}x${claimsWin.h}`);
    await shot(page, 'claims-list.png');

    // The benefit group side by side, with why it was grouped.
    s = await selectGroup(page, benefit);
    const sel = s.claims.selected;
    assert.ok(sel.members.some((m) => m.language === 'it') && sel.members.some((m) => m.language === 'en'));
    assert.ok(sel.links.length >= 1 && sel.links.every((l) => l.score > 0 && l.bridges.length > 0), 'every link is explained');
    const vias = sel.links.flatMap((l) => l.bridges.map((b) => b.via.toLowerCase()));
    assert.ok(vias.some((v) => /nato/.test(v)) && vias.some((v) => /japan|jp/.test(v)), `bridges: ${vias.join(', ')}`);
    await locate(page, 'Claims/member 0');
    await locate(page, 'Claims/member 1');
    await shot(page, 'claims-benefit-side-by-side.png');

    // The warheads: the Italian number is flagged.
    s = await selectGroup(page, warheads);
    const mismatch = s.claims.selected.differences.find((d) => d.kind === 'number-mismatch');
    assert.ok(mismatch, `a number mismatch: ${JSON.stringify(s.claims.selected.differences)}`);
    assert.match(`${mismatch.label_a} ${mismatch.label_b} ${mismatch.message}`, /XNUMX/);
    await shot(page, 'claims-xnumx-side-by-side.png');

    // Clicking the Italian member opens the Reader at that sentence (far down the article), marked.
    const italian = s.claims.selected.members.findIndex((m) => m.article === ITALIAN);
    assert.ok(italian >= 0);
    await clickItem(page, `Claims/member ${italian}`);
    s = await waitForState(page, (t) => t.selected === ITALIAN, 'the Reader on the Italian article');
    await frames(page, 6);
    const purple = await claimPixels(page);
    await shot(page, 'claims-reader.png');
    assert.ok(purple > 300, `the Reader shows the claim's sentence marked (${purple} pixels)`);

    // Filter the table by this claim; the chip removes the filter.
    await clickItem(page, 'Claims/Filter articles by this claim');
    s = await waitForState(page, (t) => t.claims.filter.length >= 2, 'the claim filter');
    assert.equal(s.visible_count, s.claims.filter.length);
    assert.ok(s.visible_rows.every((r) => s.claims.filter.includes(r.id)));
    await locate(page, 'Articles/×##claim_chip');
    await shot(page, 'claims-filtered.png');
    await clickItem(page, 'Articles/×##claim_chip');
    await waitForState(page, (t) => t.claims.filter.length === 0 && t.visible_count === t.corpus_size, 'the chip removed');

    // Exports.
    const json = await download(page, 'Claims/Export JSON');
    assert.equal(json.name, 'parallax-claims.json');
    const doc = JSON.parse(json.bytes.toString('utf8'));
    assert.equal(doc.groups.length, s.claims.groups);
    assert.ok(doc.groups.some((g) => g.differences.some((d) => d.kind === 'number-mismatch' &&
                                                                d.text_b.concat(d.text_a).some((t) => t.includes('XNUMX')))),
              'the export holds the XNUMX mismatch with its marked text');
    const csv = await download(page, 'Claims/Export CSV');
    assert.equal(csv.name, 'parallax-claims.csv');
    assert.match(csv.bytes.toString('utf8'), /^rank,disagreement,outlets,languages,reference,outlet,language,article_id,title,sentence,text,differences\n1,/);
    assert.match(csv.bytes.toString('utf8'), /XNUMX testate/);

    // The omission matrix: every outlet a column, sortable, exported.
    await clickItem(page, 'Claims/Omission matrix');
    await locate(page, 'Claims/cell 0 0');
    await shot(page, 'claims-omission-matrix.png');
    const matrix = await download(page, 'Claims/Omission CSV');
    assert.equal(matrix.name, 'parallax-omission.csv');
    const lines = matrix.bytes.toString('utf8').trim().split('\n');
    assert.match(lines[0], /^rank,claim,reported_by,/);
    assert.equal(lines[0].split(',').length, 3 + 5, 'five outlets in the demo corpus');
    assert.equal(lines.length, 1 + s.claims.groups);
    assertNoErrors(page);
  } finally {
    await context.close();
  }
});
