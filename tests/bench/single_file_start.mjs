// single_file_start.mjs — how long dist/parallax.html takes to be ready when opened from disk
// (file://, no server) in Debian's headless Chromium: the README's start-time figure.
// Benchmark, not a test: it prints times and passes or fails nothing.
//
//   node tests/bench/single_file_start.mjs [--runs N]     (after ./build-wasm.sh; default 3 runs)
//
// Each run opens a fresh browser context and waits for the app's ready flag (openApp in
// tests/e2e/lib.mjs, the same wait the browser tests use).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { DIST, launchBrowser, newContext, openApp, requireDist } from '../e2e/lib.mjs';

const i = process.argv.indexOf('--runs');
const runs = i > 0 ? Math.max(1, Number(process.argv[i + 1]) || 3) : 3;
requireDist();
const url = pathToFileURL(join(DIST, 'parallax.html')).href;
const browser = await launchBrowser();
try {
  const times = [];
  for (let r = 0; r < runs; r++) {
    const context = await newContext(browser);
    const t0 = performance.now();
    await openApp(context, url);
    times.push(performance.now() - t0);
    await context.close();
  }
  times.sort((a, b) => a - b);
  console.log(`parallax.html ready from file:// in ${times.map((t) => (t / 1000).toFixed(2)).join(', ')} s ` +
              `(median ${(times[Math.floor(times.length / 2)] / 1000).toFixed(2)} s)`);
} finally {
  await browser.close();
}
