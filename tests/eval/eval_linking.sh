#!/usr/bin/env bash
# Cross-lingual entity linking quality (issue 4): pairwise precision / recall / F1 of "same
# entity" over mention pairs, on the demo corpus (assets/corpus) and on the multilingual set
# (tests/data/linking/multilingual.jsonl, en de it fr es ru ja zh), against hand-made gold
# clusters (tests/data/linking/*_gold.tsv). Uses the real recogniser: a mention counts when its
# text (possessive 's stripped) is a gold surface; others are recognition's business and are
# reported as coverage. Cross-lingual: only pairs of mentions from articles in different languages.
#
#   tests/eval/eval_linking.sh [PARALLAX_BINARY]      (default build-native/parallax)
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
bin="${1:-$here/build-native/parallax}"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
"$bin" entities --mentions "$here/assets/corpus" >"$tmp/seeds.json"
"$bin" entities --mentions "$here/tests/data/linking/multilingual.jsonl" >"$tmp/multi.json"
python3 - "$tmp/seeds.json" "$here/tests/data/linking/seeds_gold.tsv" "$tmp/multi.json" \
  "$here/tests/data/linking/multilingual_gold.tsv" <<'PY'
import json, re, sys
from itertools import combinations

def norm(s):
    return re.sub(r"['’]s$", "", s.strip())

def load_gold(path):
    gold = {}
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        doc, surface, ent = line.rstrip("\n").split("\t")
        gold[(doc, surface)] = ent
    return gold

def evaluate(name, out_path, gold_path):
    out = json.load(open(out_path, encoding="utf-8"))
    gold = load_gold(gold_path)
    surfaces = {s for (_, s) in gold}
    matched, unmatched = [], 0
    for m in out["mentions"]:
        t = norm(m["text"])
        g = gold.get((m["doc"], t)) or gold.get((m["origin"], t)) or gold.get(("*", t))
        if g is None:
            unmatched += 1
            continue
        pred = m["entity"] if m["entity"] is not None else "none:%d" % len(matched)
        matched.append((g, pred, m["lang"], m["text"]))
    found = {norm(m["text"]) for m in out["mentions"]}
    missed = sorted(s for s in surfaces if s not in found)
    def prf(pairs):
        tp = fp = fn = 0
        for a, b in pairs:
            same_g, same_p = a[0] == b[0], a[1] == b[1]
            tp += same_g and same_p
            fp += same_p and not same_g
            fn += same_g and not same_p
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f, tp, fp, fn
    allp = list(combinations(matched, 2))
    cross = [(a, b) for a, b in allp if a[2] != b[2]]
    print(f"== {name}: {len(out['mentions'])} mentions, {len(matched)} with a gold entity "
          f"({len(set(g for g,_,_,_ in matched))} entities), {unmatched} not in the gold list")
    for label, pairs in (("all pairs", allp), ("cross-lingual pairs", cross)):
        p, r, f, tp, fp, fn = prf(pairs)
        print(f"   {label:20s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}   (tp {tp}, fp {fp}, fn {fn})")
    print(f"   gold surfaces the recogniser never produced: {len(missed)} of {len(surfaces)}")
    # Which gold entities were split, which predicted entities mixed gold entities.
    by_gold, by_pred = {}, {}
    for g, p, lang, text in matched:
        by_gold.setdefault(g, {}).setdefault(p, set()).add(text)
        by_pred.setdefault(p, {}).setdefault(g, set()).add(text)
    for g, parts in sorted(by_gold.items()):
        if len(parts) > 1:
            print(f"   split  {g}: " + " | ".join(", ".join(sorted(t)) for t in parts.values()))
    for p, parts in sorted(by_pred.items(), key=lambda x: str(x[0])):
        if len(parts) > 1:
            print(f"   merged entity {p}: " + " | ".join(f"{g} ({', '.join(sorted(t))})" for g, t in parts.items()))

evaluate("seeds (assets/corpus)", sys.argv[1], sys.argv[2])
evaluate("multilingual (tests/data/linking)", sys.argv[3], sys.argv[4])
PY
