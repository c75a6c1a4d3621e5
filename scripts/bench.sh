#!/usr/bin/env bash
# Builds px_bench natively and as wasm, runs both one after the other, and prints every
# measurement side by side with the wasm/native time ratio (docs/benchmarks.md).
#
#   scripts/bench.sh [--articles N]      (arguments go to px_bench; default 100000)
#
# Build dirs: build-bench (native, Release) and build-bench-wasm (emcc, Release); they are
# reused. The raw JSON of both runs is kept in build-bench/bench-native.json and
# build-bench-wasm/bench-wasm.json. Expect ~60 s native + ~100 s wasm on 2 cores, plus the
# builds the first time (SDL2 for wasm is only needed by CMake's configure step and comes
# from the cache that build-wasm.sh fills). The text pipeline's models and dictionaries come
# from build-wasm/assets (made by build-wasm.sh); px_bench --assets DIR points elsewhere.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NODE_PATH=/usr/share/nodejs  # emcc's JS optimizer needs Debian's acorn (toolchain.md)
jobs="$(nproc)"

step() { printf '\n\033[1m== %s\033[0m\n' "$*" >&2; }

[ -d build-wasm/assets/langid ] ||
  echo "bench.sh: build-wasm/assets is missing or incomplete (run ./build-wasm.sh): the text pipeline will run without its models" >&2

step "native build (build-bench)"
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release >build-bench.configure.log 2>&1 ||
  { cat build-bench.configure.log; exit 1; }
rm -f build-bench.configure.log
cmake --build build-bench -j"$jobs" --target px_bench >/dev/null

step "wasm build (build-bench-wasm)"
sdl_prefix="$(scripts/build-sdl2.sh)"
emcmake cmake -S . -B build-bench-wasm -DCMAKE_BUILD_TYPE=Release -DPX_SDL2_PREFIX="$sdl_prefix" \
  -DPX_ASSET_DIR="$PWD/build-wasm/assets" >build-bench-wasm.configure.log 2>&1 ||
  { cat build-bench-wasm.configure.log; exit 1; }
rm -f build-bench-wasm.configure.log
cmake --build build-bench-wasm -j"$jobs" --target px_bench >/dev/null

step "machine"
cpu="$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); nproc: $(nproc); CPU: $cpu; node $(node --version); $(emcc -dumpversion | sed 's/^/emcc /')" >&2
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

step "native: build-bench/px_bench --json $*"
./build-bench/px_bench --json "$@" >build-bench/bench-native.json
step "wasm: node --no-experimental-fetch build-bench-wasm/px_bench.js --json $*"
node --no-experimental-fetch build-bench-wasm/px_bench.js --json "$@" >build-bench-wasm/bench-wasm.json

step "wasm vs native (same run)"
node - build-bench/bench-native.json build-bench-wasm/bench-wasm.json <<'EOF'
const fs = require('fs');
const [native, wasm] = process.argv.slice(2).map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
const byName = new Map(wasm.results.map((r) => [r.name, r]));
const pad = (s, n) => String(s).padEnd(n), lpad = (s, n) => String(s).padStart(n);
const mbs = (r) => (r.mb_per_s ? r.mb_per_s.toFixed(1) : '');
console.log(`${native.long_articles} long articles, ${native.short_articles} short articles; ` +
  `median of N runs; wasm/native = ratio of median times (>1: wasm is slower); ` +
  `min ratio = ratio of the fastest runs (less sensitive to a busy machine); CPU ms = median process ` +
  `CPU time per run (setup included; grows far less than wall time when other jobs share the cores)`);
console.log(pad('name', 22) + lpad('native ms', 11) + lpad('wasm ms', 11) + lpad('wasm/nat', 10) +
  lpad('min ratio', 10) + lpad('nat CPU ms', 11) + lpad('wasm CPU ms', 12) + lpad('nat MB/s', 10) + lpad('wasm MB/s', 10) + '  detail');
console.log('-'.repeat(140));
const cpu = (r) => (r.cpu_ms === undefined ? '' : r.cpu_ms.toFixed(0));
for (const n of native.results) {
  const w = byName.get(n.name);
  if (!w) { console.log(pad(n.name, 22) + lpad(n.median_ms.toFixed(2), 11) + '  (no wasm figure)'); continue; }
  if (w.detail !== n.detail) console.log(`  note: ${n.name}: native "${n.detail}" vs wasm "${w.detail}"`);
  if (w.checksum !== n.checksum) console.log(`  note: ${n.name}: results differ (checksum native ${n.checksum}, wasm ${w.checksum})`);
  console.log(pad(n.name, 22) + lpad(n.median_ms.toFixed(2), 11) + lpad(w.median_ms.toFixed(2), 11) +
    lpad((w.median_ms / n.median_ms).toFixed(2), 10) + lpad((w.min_ms / n.min_ms).toFixed(2), 10) +
    lpad(cpu(n), 11) + lpad(cpu(w), 12) + lpad(mbs(n), 10) + lpad(mbs(w), 10) + '  ' + n.detail);
}
console.log(`\nnative ${native.total_seconds.toFixed(1)} s (load ${native.loadavg_before} -> ${native.loadavg_after}), ` +
  `wasm ${wasm.total_seconds.toFixed(1)} s (load ${wasm.loadavg_before} -> ${wasm.loadavg_after})` +
  (native.checksum === wasm.checksum ? '; checksums agree' : `; CHECKSUMS DIFFER: ${native.checksum} vs ${wasm.checksum}`));
EOF
