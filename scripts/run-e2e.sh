#!/usr/bin/env bash
# Browser end-to-end tests: tests/e2e/*.test.mjs (node:test + playwright-core, driving Debian's
# Chromium) against the built dist/. Does not build: run ./build-wasm.sh first.
#   scripts/run-e2e.sh                            every test file
#   scripts/run-e2e.sh tests/e2e/embed.test.mjs   some of them
# Screenshots go to tests/e2e/out/ (look at them). Exits non-zero when a test fails.
# Environment: E2E_TEST_TIMEOUT_MS (per test, default 180000), E2E_CONCURRENCY (test files run
# at once, default 1: each file runs its own Chromium with software WebGL, which is CPU-bound).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

for f in dist/index.html dist/parallax.js dist/parallax.wasm dist/parallax.html dist/embed-example.html; do
  [ -f "$f" ] || { echo "run-e2e: $f is missing: build first (./build-wasm.sh)" >&2; exit 2; }
done
[ -x /usr/bin/chromium ] || { echo "run-e2e: /usr/bin/chromium is missing (apt-get install chromium)" >&2; exit 2; }
[ -f web/node_modules/playwright-core/package.json ] ||
  { echo "run-e2e: playwright-core is missing: (cd web && npm ci)" >&2; exit 2; }

if [ "$#" -gt 0 ]; then files=("$@"); else files=(tests/e2e/*.test.mjs); fi
mkdir -p tests/e2e/out

# node 20 does not take a directory after --test: the files are listed.
exec node --test --test-reporter=spec \
  --test-timeout="${E2E_TEST_TIMEOUT_MS:-180000}" \
  --test-concurrency="${E2E_CONCURRENCY:-1}" \
  "${files[@]}"
