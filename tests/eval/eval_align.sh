#!/usr/bin/env bash
# Top-1 cross-lingual sentence retrieval on ../shared/eval/tatoeba (French and Spanish vs
# English, 1,000 lines each; line i of one file translates line i of the other), in both
# directions, with `parallax align --all` (the best line whatever its score). Measuring only:
# no word list or weight is tuned on these files (../shared/eval/README.md).
#   usage: tests/eval/eval_align.sh [PARALLAX_BINARY] [EVAL_DIR]
# Prints one line per direction: "fra->eng  accuracy 0.xxx  (N lines, T s)". Anchor (LaBSE):
# fra->eng 0.960, spa->eng 0.988.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
bin="${1:-$here/build-native/parallax}"
eval_dir="${2:-$here/../shared/eval/tatoeba}"
[ -d "$eval_dir" ] || eval_dir="/work/shared/eval/tatoeba"
[ -x "$bin" ] || { echo "eval_align: $bin not found (build the parallax target)" >&2; exit 2; }
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT

run() {  # run LABEL QUERIES TARGETS
  local label="$1" a="$2" b="$3" t0 t1
  t0=$(date +%s.%N)
  "$bin" align --all "$a" "$b" >"$tmp/out.tsv" 2>"$tmp/err.txt"
  t1=$(date +%s.%N)
  awk -F'\t' -v label="$label" -v secs="$(echo "$t1 - $t0" | bc)" '
    { n++; if ($1 == $2) ok++; if ($2 == -1) none++ }
    END { printf "%-10s accuracy %.3f  (%d lines, %d without any candidate, %.1f s)\n", label, ok / n, n, none, secs }' "$tmp/out.tsv"
}

for pair in fra spa; do
  x="$eval_dir/tatoeba.$pair-eng.$pair"; e="$eval_dir/tatoeba.$pair-eng.eng"
  [ -f "$x" ] && [ -f "$e" ] || { echo "eval_align: $x or $e missing" >&2; exit 2; }
  run "$pair->eng" "$x" "$e"
  run "eng->$pair" "$e" "$x"
done
