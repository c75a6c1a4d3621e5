#!/usr/bin/env python3
"""Type confusion of `parallax ner` on one file of ../shared/eval/ner (docs/quality-ner.md), read
in place: rows predicted type, columns gold type, "-" = no entity with that exact span. With
PRED GOLD [N] it also prints the first N spans of that cell in context (an error listing: read a
few to find rule classes; never build word lists from them).

  tests/eval/ner_confusion.py build-native/parallax ../shared/eval/ner/wikigold_en_test.conllu en [PER LOC 40]
"""
import collections, subprocess, sys

bin_, path, lang = sys.argv[1:4]
out = subprocess.run([bin_, 'ner', '--lang', lang, path], capture_output=True, text=True, check=True).stdout
toks, gold, pred = [], [], []
for line in out.split('\n'):
    if not line:
        toks.append(''); gold.append('O'); pred.append('O'); continue
    c = line.split('\t')
    toks.append(c[1]); gold.append(c[2] if c[2] != '-DOCSTART-' else 'O'); pred.append(c[-1])

def chunks(tags):  # conlleval chunks, as tests/eval/eval_ner.sh
    res, start, typ = [], None, None
    for i, t in enumerate(tags + ['O']):
        p, _, ty = t.partition('-')
        begins = p == 'B' or (p == 'I' and (typ != ty or start is None))
        if start is not None and (p == 'O' or begins):
            res.append((start, i, typ)); start, typ = None, None
        if begins:
            start, typ = i, ty
    return res

g = {(a, b): t for a, b, t in chunks(gold)}
p = {(a, b): t for a, b, t in chunks(pred)}
m = collections.Counter((t, g.get(k, '-')) for k, t in p.items())
m.update(('-', t) for k, t in g.items() if k not in p)
T = ['PER', 'ORG', 'LOC', 'MISC', '-']
print('pred\\gold ' + ' '.join(f'{t:>6}' for t in T))
for a in T:
    print(f'{a:9} ' + ' '.join(f'{m[(a, b)]:6d}' for b in T))
if len(sys.argv) > 5:
    want_p, want_g = sys.argv[4], sys.argv[5]
    n = int(sys.argv[6]) if len(sys.argv) > 6 else 40
    for (a, b), t in list((k, t) for k, t in p.items() if t == want_p and g.get(k, '-') == want_g)[:n]:
        print(' '.join(toks[max(0, a - 6):a]), '[' + ' '.join(toks[a:b]) + ']', ' '.join(toks[b:b + 4]))
