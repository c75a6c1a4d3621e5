#!/usr/bin/env bash
# Named-entity recognition: exact-span F1 per type and micro-averaged (conlleval-style) of
# `parallax ner` on every file of ../shared/eval/ner (docs/quality-ner.md). Read in place, never
# copied. Gold format: index<TAB>token<TAB>IOB2 tag, blank line between sentences.
#
#   tests/eval/eval_ner.sh build-native/parallax [EVAL_DIR] [--markdown]
#
# A predicted entity counts only if its first token, last token and type equal a gold entity's
# (conlleval: I- after O or after another type starts a new entity). Per file: precision,
# recall, F1 per type (PER ORG LOC MISC) and micro-averaged over all entities; and the same
# with types ignored (did it find the names at all), plus tokens per second.
set -euo pipefail
bin="${1:?usage: $0 PATH/TO/parallax [EVAL_DIR] [--markdown]}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dir="${2:-$here/../../shared/eval/ner}"
[ -d "$dir" ] || dir=/work/shared/eval/ner
md="${3:-}"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT

for f in "$dir"/*.conllu; do
  name="$(basename "$f" .conllu)"
  lang="$(printf '%s' "$name" | sed -E 's/^[a-z]+_([a-z][a-z])_.*/\1/')"
  "$bin" ner --time --lang "$lang" "$f" > "$tmp/$name.out" 2> "$tmp/$name.err" || { cat "$tmp/$name.err" >&2; exit 1; }
  printf '%s\t%s\t%s\n' "$name" "$lang" "$(grep -o '[0-9]* tokens/s' "$tmp/$name.err" | cut -d' ' -f1)" >> "$tmp/list"
done

/usr/bin/python3 - "$tmp" "$md" <<'PY'
import sys, os
tmp, md = sys.argv[1], sys.argv[2] == '--markdown'
TYPES = ['PER', 'ORG', 'LOC', 'MISC']

def chunks(tags):
    """conlleval chunks: (start, end, type)."""
    out, start, typ = [], None, None
    for i, t in enumerate(tags + ['O']):
        p, _, ty = t.partition('-')
        begins = p == 'B' or (p == 'I' and (typ != ty or start is None))
        if start is not None and (p == 'O' or begins):
            out.append((start, i, typ)); start, typ = None, None
        if begins:
            start, typ = i, ty
    return out

def score(gold, pred, typ=None, untyped=False):
    def sel(c):
        if untyped: return {(a, b) for a, b, t in c}
        return {x for x in c if typ is None or x[2] == typ}
    g, p = sel(gold), sel(pred)
    hit = len(g & p)
    P = hit / len(p) if p else 0.0; R = hit / len(g) if g else 0.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    return P, R, F, len(g), len(p)

rows = []
for line in open(os.path.join(tmp, 'list')):
    name, lang, speed = line.rstrip('\n').split('\t')
    gold, pred, off = [], [], 0
    for l in open(os.path.join(tmp, name + '.out'), encoding='utf-8'):
        l = l.rstrip('\n')
        if not l:
            continue
        cols = l.split('\t')
        gold.append(cols[2] if cols[2] != '-DOCSTART-' else 'O'); pred.append(cols[-1])
    gc, pc = [(a, b, t) for a, b, t in chunks(gold)], [(a, b, t) for a, b, t in chunks(pred)]
    r = {'name': name, 'lang': lang, 'speed': speed, 'tokens': len(gold)}
    r['micro'] = score(gc, pc)
    r['untyped'] = score(gc, pc, untyped=True)
    for t in TYPES: r[t] = score(gc, pc, t)
    rows.append(r)

if md:
    print('| file | lang | tokens | gold | P | R | **F1** | PER F1 | ORG F1 | LOC F1 | MISC F1 | untyped F1 | tokens/s |')
    print('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
    for r in rows:
        P, R, F, g, p = r['micro']
        print(f"| {r['name']} | {r['lang']} | {r['tokens']} | {g} | {P:.3f} | {R:.3f} | **{F:.3f}** | "
              + ' | '.join(f"{r[t][2]:.3f}" for t in TYPES) + f" | {r['untyped'][2]:.3f} | {r['speed']} |")
else:
    for r in rows:
        P, R, F, g, p = r['micro']
        print(f"{r['name']:28} {r['lang']}  gold {g:6d} found {p:6d}  P {P:.3f} R {R:.3f} F1 {F:.3f}  "
              + '  '.join(f"{t} {r[t][2]:.3f}" for t in TYPES) + f"  untyped {r['untyped'][2]:.3f}  {r['speed']} tok/s")
PY
