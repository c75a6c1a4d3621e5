#!/usr/bin/env bash
# Runs every test tier; called by `./build-wasm.sh --test` after the wasm build and dist/.
#   1. native: doctest core tests, CLI tests, panel smoke tests (ctest)
#   2. wasm:   the same core tests built with emcc, run under node
#   3. browser: end-to-end tests in Debian's Chromium (playwright-core)
# Prints one summary line per tier and a final "N passed, N failed" over all test cases.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NODE_PATH=/usr/share/nodejs
passed=0; failed=0; tiers_failed=()
log_dir="build-native/test-logs"; mkdir -p "$log_dir"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
# doctest prints "[doctest] test cases: N | P passed | F failed"
count_doctest() {
  local line; line=$(sed 's/\x1b\[[0-9;]*m//g' "$1" | grep -E '^\[doctest\] test cases:' | tail -1)
  local p f; p=$(sed -E 's/.*\| *([0-9]+) passed.*/\1/' <<<"$line"); f=$(sed -E 's/.*\| *([0-9]+) failed.*/\1/' <<<"$line")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
}

step "native build"
cmake -S . -B build-native -DCMAKE_BUILD_TYPE=Release -DPX_ASSET_DIR="$PWD/build-wasm/assets" >/dev/null || exit 1
cmake --build build-native -j"$(nproc)" || exit 1

step "native: core tests (doctest)"
./build-native/px_core_tests >"$log_dir/core.log" 2>&1 || tiers_failed+=("native core")
tail -3 "$log_dir/core.log"; count_doctest "$log_dir/core.log"

step "native: panel smoke tests (no GPU)"
./build-native/px_panel_tests >"$log_dir/panels.log" 2>&1 || tiers_failed+=("panels")
tail -3 "$log_dir/panels.log"; count_doctest "$log_dir/panels.log"

step "native: CLI tests"
bash tests/cli/test_cli.sh ./build-native/parallax >"$log_dir/cli.log" 2>&1 || tiers_failed+=("cli")
cat "$log_dir/cli.log"
line=$(grep -E '^cli: [0-9]+ passed' "$log_dir/cli.log")
passed=$((passed + $(sed -E 's/cli: ([0-9]+) passed.*/\1/' <<<"$line"))); failed=$((failed + $(sed -E 's/.* ([0-9]+) failed/\1/' <<<"$line")))

# The CLI's entity and claim commands, one script each: "<label>: N passed, M failed" on the last line.
for t in "ner cli:tests/cli/test_ner.sh" "cli entities:tests/cli/test_entities.sh" "cli claims:tests/cli/test_claims.sh"; do
  label="${t%%:*}"; script="${t#*:}"
  step "native: $label tests"
  bash "$script" ./build-native/parallax >"$log_dir/${label// /-}.log" 2>&1 || tiers_failed+=("$label")
  tail -3 "$log_dir/${label// /-}.log"
  line=$(grep -E "^$label: [0-9]+ passed" "$log_dir/${label// /-}.log")
  if [ -n "$line" ]; then
    passed=$((passed + $(sed -E "s/$label: ([0-9]+) passed.*/\1/" <<<"$line"))); failed=$((failed + $(sed -E 's/.* ([0-9]+) failed/\1/' <<<"$line")))
  else failed=$((failed + 1)); tiers_failed+=("$label (no result)"); fi
done

step "wasm: core tests under node"
(cd build-wasm && node --no-experimental-fetch px_core_tests.js) >"$log_dir/wasm-core.log" 2>&1 || tiers_failed+=("wasm core")
tail -3 "$log_dir/wasm-core.log"; count_doctest "$log_dir/wasm-core.log"

step "browser: end-to-end tests (Chromium)"
scripts/run-e2e.sh 2>&1 | tee "$log_dir/e2e.log"
[ "${PIPESTATUS[0]}" -eq 0 ] || tiers_failed+=("e2e")
# node's test runner closes with "ℹ pass N" / "ℹ fail N" (spec reporter) or "# pass N" (tap).
p=$(grep -E '^(ℹ|#) pass [0-9]+' "$log_dir/e2e.log" | tail -1 | awk '{print $3}')
f=$(grep -E '^(ℹ|#) fail [0-9]+' "$log_dir/e2e.log" | tail -1 | awk '{print $3}')
passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
[ -n "$p" ] || { failed=$((failed + 1)); tiers_failed+=("e2e (no result)"); }

echo
[ ${#tiers_failed[@]} -eq 0 ] || echo "failed tiers: ${tiers_failed[*]} (logs in $log_dir)"
echo "$passed passed, $failed failed"
[ ${#tiers_failed[@]} -eq 0 ] && [ "$failed" -eq 0 ]
