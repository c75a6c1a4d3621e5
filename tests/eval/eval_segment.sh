#!/usr/bin/env bash
# Sentence-boundary precision/recall/F1 of `parallax segment` (docs/quality-segment.md).
#
#   tests/eval/eval_segment.sh build-segment/parallax
#
# Inputs: tests/data/segment/LANG.txt (one sentence per line, blank line between paragraphs;
# sentences of a paragraph are joined by a space, none for ja/zh) and, when present, the
# development sets ../shared/eval/tatoeba/*.{eng,fra,spa} (1,000 short sentences each, joined
# by spaces into one paragraph) — read in place, never copied. A boundary is the count of
# non-space characters before a sentence end; a predicted boundary counts if gold has it too.
set -euo pipefail
bin="${1:?usage: $0 PATH/TO/parallax}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT

score() {  # score LANG GOLD_SENTENCES_FILE JOINED_INPUT_FILE NAME
  "$bin" segment --lang "$1" "$3" > "$tmp/out.txt"
  /usr/bin/python3 - "$2" "$tmp/out.txt" "$4" <<'PY'
import sys
def bounds(path):
    pos, out = 0, set()
    for line in open(path, encoding='utf-8'):
        n = sum(1 for c in line if not c.isspace())
        if n: pos += n; out.add(pos)
    return out
g, p = bounds(sys.argv[1]), bounds(sys.argv[2])
hit = len(g & p)
P = hit / len(p) if p else 0; R = hit / len(g) if g else 0
F = 2 * P * R / (P + R) if P + R else 0
print(f"{sys.argv[3]:32} gold {len(g):5d}  found {len(p):5d}  P {P:.3f}  R {R:.3f}  F1 {F:.3f}")
PY
}

for f in "$here"/tests/data/segment/*.txt; do
  lang="$(basename "$f" .txt)"
  joiner=" "; case "$lang" in ja|zh) joiner="";; esac
  /usr/bin/python3 - "$f" "$joiner" > "$tmp/in.txt" <<'PY'
import sys
paras = open(sys.argv[1], encoding='utf-8').read().split('\n\n')
print('\n\n'.join(sys.argv[2].join(l for l in p.split('\n') if l) for p in paras))
PY
  grep -v '^$' "$f" > "$tmp/gold.txt"
  score "$lang" "$tmp/gold.txt" "$tmp/in.txt" "tests/data/segment/$lang"
done

tatoeba="$here/../shared/eval/tatoeba"
if [ -d "$tatoeba" ]; then
  for f in "$tatoeba"/tatoeba.fra-eng.fra "$tatoeba"/tatoeba.spa-eng.spa "$tatoeba"/tatoeba.fra-eng.eng; do
    [ -f "$f" ] || continue
    case "$f" in *.fra) lang=fr;; *.spa) lang=es;; *) lang=en;; esac
    tr '\n' ' ' < "$f" > "$tmp/in.txt"
    score "$lang" "$f" "$tmp/in.txt" "tatoeba/$(basename "$f")"
  done
fi
