#!/usr/bin/env bash
# CLI tests: `parallax ingest` prints the corpus as JSON Lines, reports bad input on stderr
# with a non-zero exit, and still prints the good files.   usage: test_cli.sh PARALLAX_BINARY
set -u
bin="$1"; here="$(cd "$(dirname "$0")/../.." && pwd)"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
check() {  # check NAME CONDITION...
  local name="$1"; shift
  if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $name"; fi
}

"$bin" ingest "$here/assets/corpus" --jsonl >"$tmp/out.jsonl" 2>"$tmp/err.txt"; rc=$?
check "demo corpus exits 0" [ "$rc" -eq 0 ]
check "demo corpus gives 5 lines" [ "$(wc -l <"$tmp/out.jsonl")" -eq 5 ]
check "sidecar applied (outlet labels)" grep -q '"source":"Italian news site"' "$tmp/out.jsonl"
check "nothing on stderr" [ ! -s "$tmp/err.txt" ]

printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' >"$tmp/image.txt"
printf '[{"text": "unterminated' >"$tmp/broken.json"
: >"$tmp/empty.txt"
"$bin" ingest "$here/assets/corpus/003_980b53d330eac130.txt" "$tmp/image.txt" "$tmp/broken.json" "$tmp/empty.txt" "$tmp/missing.txt" \
  >"$tmp/out2.jsonl" 2>"$tmp/err2.txt"; rc=$?
check "bad input exits 1" [ "$rc" -eq 1 ]
check "good file still printed" [ "$(wc -l <"$tmp/out2.jsonl")" -eq 1 ]
check "binary explained" grep -q 'image.txt: this looks like a binary file' "$tmp/err2.txt"
check "malformed JSON explained" grep -q 'broken.json: malformed JSON near byte' "$tmp/err2.txt"
check "empty file explained" grep -q 'empty.txt: the file is empty' "$tmp/err2.txt"
check "missing file explained" grep -q 'missing.txt: cannot read' "$tmp/err2.txt"

# Round trip: the printed corpus loads back to the same bytes.
"$bin" ingest "$tmp/out.jsonl" >"$tmp/again.jsonl" 2>/dev/null
check "JSONL round trip is identical" cmp -s "$tmp/out.jsonl" "$tmp/again.jsonl"

"$bin" frobnicate >/dev/null 2>&1; rc=$?
check "unknown command exits 2" [ "$rc" -eq 2 ]

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
