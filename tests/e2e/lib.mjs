// lib.mjs — shared helpers for the end-to-end tests (node:test + playwright-core + Debian's
// Chromium). Each test file starts its own static server on a free port and its own browser;
// each test gets a fresh browser context (its own IndexedDB, kept across reloads in it).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { inflateSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(new URL('../../web/package.json', import.meta.url));
const { chromium } = require('playwright-core');

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = process.env.E2E_DIST || join(ROOT, 'dist');  // E2E_DIST: test another build's output
export const OUT = fileURLToPath(new URL('./out/', import.meta.url));
export const VIEWPORT = { width: 1280, height: 800 };

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

export function requireDist() {
  for (const f of ['index.html', 'parallax.js', 'parallax.wasm', 'parallax.html', 'embed-example.html'])
    assert.ok(existsSync(join(DIST, f)), `dist/${f} is missing: run ./build-wasm.sh first`);
}

// Starts web/serve.mjs on a free port. Returns { origin, stop }.
export async function startServer() {
  requireDist();
  const child = spawn(process.execPath, [join(ROOT, 'web/serve.mjs'), DIST, '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const killOnExit = () => child.kill();  // never leave a server behind, even when a test file dies
  process.once('exit', killOnExit);
  let output = '';
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve.mjs did not print its port in 10 s:\n${output}`)), 10000);
    const onData = (d) => {
      output += d;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (m) { clearTimeout(timer); resolve(Number(m[1])); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d) => { output += d; });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve.mjs exited (${code}):\n${output}`)); });
  });
  assert.ok(port > 0, 'serve.mjs printed port 0');
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => {
      process.removeListener('exit', killOnExit);
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill();
    }),
  };
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

// A fresh context (own storage) that records every request and every console error.
export async function newContext(browser, options = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, ...options });
  context.requests = [];
  context.on('request', (r) => context.requests.push(r.url()));
  return context;
}

// Opens url in a new page and waits until window[name] (the Parallax instance) exists.
export async function openApp(context, url, name = 'parallax') {
  const page = await context.newPage();
  page.errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') page.errors.push(`console.error: ${m.text()} (${m.location().url || 'no url'})`);
  });
  page.on('pageerror', (e) => page.errors.push(`uncaught: ${e.message}`));
  page.on('crash', () => page.errors.push('the page crashed'));
  await page.goto(url);
  await waitStarted(page, name);
  return page;
}

export async function waitStarted(page, name = 'parallax') {
  await page.waitForFunction((n) => (window[n] && window[n].getState) || document.querySelector('#boot.error'),
    name, { timeout: 60000 });
  const bootError = await page.evaluate(() => document.querySelector('#boot.error')?.textContent);
  assert.equal(bootError, undefined, `the page shows a start error: ${bootError}`);
  await frames(page);
}

export function frames(page, n = 3) {
  return page.evaluate((k) => new Promise((resolve) => {
    const step = () => (k-- <= 0 ? resolve() : requestAnimationFrame(step));
    step();
  }), n);
}

export function state(page, name = 'parallax') {
  return page.evaluate((n) => window[n].getState(), name);
}

// Polls getState() until pred(state) holds; fails with the last state.
export async function waitForState(page, pred, what, { name = 'parallax', timeout = 20000 } = {}) {
  const t0 = Date.now();
  for (;;) {
    const s = await state(page, name);
    if (pred(s)) return s;
    if (Date.now() - t0 > timeout) {
      const brief = { corpus_size: s.corpus_size, visible_count: s.visible_count, filters: s.filters, loading: s.loading, selected: s.selected };
      assert.fail(`timed out after ${timeout} ms waiting for ${what}; last state: ${JSON.stringify(brief)}`);
    }
    await page.waitForTimeout(50);
  }
}

// Where a widget was drawn, in page CSS pixels (the item locator gives canvas pixels).
export async function locate(page, label, name = 'parallax') {
  let last;
  for (let attempt = 0; attempt < 20; ++attempt) {
    last = await page.evaluate(({ l, n }) => {
      const inst = window[n];
      const r = JSON.parse(inst.module.ccall('px_test_locate', 'string', ['string'], [l]));
      const c = inst.module.canvas.getBoundingClientRect();
      return r.ok ? { ...r, x: r.x + c.left, y: r.y + c.top } : r;
    }, { l: label, n: name });
    if (last.ok) return last;
    await frames(page, 2);
  }
  assert.fail(`widget "${label}" not found: ${JSON.stringify(last)}`);
}

// Moves the mouse onto the widget first and lets ImGui see it hover (as a hand on a mouse
// does): rows drawn with ImGuiSelectableFlags_AllowOverlap take a click only when they were
// already hovered in the previous frame, so a pointer that jumps and clicks in one frame misses.
export async function clickItem(page, label, name = 'parallax') {
  let r = await locate(page, label, name);
  const viewport = page.viewportSize();
  if (r.y < 0 || r.y + r.h > viewport.height || r.x < 0 || r.x + r.w > viewport.width) {
    // An embedded instance may be scrolled out of view: bring the widget into the window.
    await page.evaluate(({ x, y }) => window.scrollBy(x, y), { x: r.x < 0 || r.x + r.w > viewport.width ? r.x - 20 : 0,
      y: r.y < 0 || r.y + r.h > viewport.height ? r.y - viewport.height / 3 : 0 });
    await frames(page, 2);
    r = await locate(page, label, name);
  }
  await page.mouse.move(r.x + r.w / 2, r.y + r.h / 2);
  await frames(page, 2);
  await page.mouse.down();
  await page.mouse.up();
  await frames(page);
  return r;
}

export async function shot(page, fileName, options = {}) {
  mkdirSync(OUT, { recursive: true });
  await frames(page);
  const path = join(OUT, fileName);
  await page.screenshot({ path, ...options });
  return path;
}

// Decodes a PNG as Chromium writes screenshots (8-bit RGB or RGBA, not interlaced).
export function decodePng(buf) {
  assert.equal(buf.readUInt32BE(0), 0x89504e47, 'not a PNG');
  let off = 8, width = 0, height = 0, channels = 0;
  const idat = [];
  while (off < buf.length) {
    const len = buf.readUInt32BE(off), type = buf.toString('latin1', off + 4, off + 8), data = buf.subarray(off + 8, off + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0); height = data.readUInt32BE(4);
      assert.equal(data[8], 8, 'PNG bit depth'); assert.equal(data[12], 0, 'interlaced PNG');
      channels = { 2: 3, 6: 4 }[data[9]];
      assert.ok(channels, `PNG colour type ${data[9]}`);
    } else if (type === 'IDAT') idat.push(data);
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat)), stride = width * channels;
  const px = Buffer.alloc(width * height * 4);
  let prev = Buffer.alloc(stride), line = Buffer.alloc(stride);
  for (let y = 0; y < height; ++y) {
    const filter = raw[y * (stride + 1)], src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; ++i) {
      const a = i >= channels ? line[i - channels] : 0, b = prev[i], c = i >= channels ? prev[i - channels] : 0;
      let v = src[i];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) { const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c); v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c; }
      line[i] = v & 255;
    }
    for (let x = 0; x < width; ++x) {
      for (let k = 0; k < 3; ++k) px[(y * width + x) * 4 + k] = line[x * channels + k];
      px[(y * width + x) * 4 + 3] = channels === 4 ? line[x * channels + 3] : 255;
    }
    [prev, line] = [line, prev];
  }
  return { width, height, px };
}

// Counts pixels of the app's marker colours in a rectangle of the page: error red (status
// bar, log) and search-hit yellow (Reader marks).
export async function colorCounts(page, clip) {
  const { px } = decodePng(await page.screenshot({ clip }));
  let red = 0, yellow = 0;
  for (let i = 0; i < px.length; i += 4) {
    const r = px[i], g = px[i + 1], b = px[i + 2];
    if (r > 150 && g < 90 && b < 90) ++red;                        // ImVec4(0.75, 0.1, 0.1): errors
    if (r > 220 && g > 180 && b < 150 && r - b > 100) ++yellow;    // IM_COL32(255, 214, 0, 150): hits
  }
  return { red, yellow, pixels: px.length / 4 };
}

// The Reader's text, in page pixels: its window found by name (wherever the layout puts it),
// below the metadata fields and view toggles (about 190 px).
export async function readerTextRect(page) {
  const w = await locate(page, 'window:Reader');
  const header = 190;
  return { x: Math.round(w.x) + 2, y: Math.round(w.y + header), width: Math.round(w.w) - 4, height: Math.round(w.h - header) - 2 };
}

export const STATUS_BAR = { x: 0, y: VIEWPORT.height - 28, width: VIEWPORT.width, height: 28 };

// Waits until the status bar shows an error (red) message that differs from `before` (a
// screenshot buffer of the status bar); returns the new status-bar screenshot.
export async function waitForStatusError(page, before, what, timeout = 20000) {
  const t0 = Date.now();
  for (;;) {
    const now = await page.screenshot({ clip: STATUS_BAR });
    if (!before || !now.equals(before)) {
      const { px } = decodePng(now);
      let red = 0;
      for (let i = 0; i < px.length; i += 4) if (px[i] > 150 && px[i + 1] < 90 && px[i + 2] < 90) ++red;
      if (red > 20) return now;
    }
    if (Date.now() - t0 > timeout) assert.fail(`no error message appeared in the status bar for ${what}`);
    await page.waitForTimeout(100);
  }
}

// Reads the app's IndexedDB copy of /persist/corpus.jsonl (IDBFS keeps one record per file in
// the "FILE_DATA" store of a database named after the mount point); null if there is none.
export function savedCorpus(page) {
  return page.evaluate(() => new Promise((resolve) => {
    // IDBFS names the database after its mount point: /idb-<storageKey> (web_pre.js).
    const open = indexedDB.open('/idb-parallax');
    open.onerror = () => resolve(null);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('FILE_DATA')) { db.close(); return resolve(null); }
      const get = db.transaction('FILE_DATA').objectStore('FILE_DATA').get('/idb-parallax/corpus.jsonl');
      get.onsuccess = () => { db.close(); resolve(get.result ? new TextDecoder().decode(get.result.contents) : null); };
      get.onerror = () => { db.close(); resolve(null); };
    };
  }));
}

// Waits until the saved corpus satisfies pred(text) (text is null when nothing is saved).
export async function waitForSaved(page, pred, what, timeout = 20000) {
  const t0 = Date.now();
  for (;;) {
    const saved = await savedCorpus(page);
    if (pred(saved)) return saved;
    if (Date.now() - t0 > timeout) {
      assert.fail(`IndexedDB: ${what} not saved after ${timeout} ms (saved: ${saved === null ? 'nothing' : saved.length + ' bytes'})`);
    }
    await page.waitForTimeout(100);
  }
}

export function assertNoErrors(page) {
  assert.deepEqual(page.errors, [], 'the page logged errors');
}

// Every request the context made passed `allowed(url)`; and there was at least one.
export function assertRequests(context, allowed, description) {
  assert.ok(context.requests.length > 0, 'no request was recorded at all (is the listener working?)');
  const bad = context.requests.filter((u) => !allowed(u));
  assert.deepEqual(bad, [], `requests other than ${description}`);
}

export function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-e2e-'));
  return { dir, file: (name, data) => { const p = join(dir, name); writeFileSync(p, data); return p; },
    remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const jsonl = (records) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
