#!/usr/bin/env bash
# CLI tests for `parallax entities`: the demo corpus gives linked entities across en/de/it
# (Ishiba = Shigeru Ishiba, Japan = Giappone, NATO by gazetteer id), co-occurrence edges with
# evidence sentences naming both ends, paragraph scope, demonyms, user edits, usage errors.
#   usage: test_entities.sh PARALLAX_BINARY
set -u
bin="$1"; here="$(cd "$(dirname "$0")/../.." && pwd)"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
check() {  # check NAME CONDITION...
  local name="$1"; shift
  if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $name"; fi
}
# q FILE PYTHON-EXPRESSION: true when the expression holds for the JSON in FILE (as `j`).
q() {
  python3 - "$1" "$2" <<'PY'
import json, sys
j = json.load(open(sys.argv[1], encoding="utf-8"))
def ent(alias):
    return next((e for e in j["entities"] if alias in e["aliases"]), None)
def same(a, b):
    x, y = ent(a), ent(b)
    return x is not None and y is not None and x["id"] == y["id"]
def edge(a, b):
    x, y = ent(a), ent(b)
    if x is None or y is None: return None
    lo, hi = sorted((x["id"], y["id"]))
    return next((e for e in j["edges"] if e["a"] == lo and e["b"] == hi), None)
sys.exit(0 if eval(sys.argv[2]) else 1)
PY
}

"$bin" entities "$here/assets/corpus" >"$tmp/s.json" 2>"$tmp/s.err"; rc=$?
check "demo corpus exits 0" [ "$rc" -eq 0 ]
check "JSON with entities and edges" q "$tmp/s.json" 'len(j["entities"]) > 10 and len(j["edges"]) > 10 and j["documents"] == 5'
check "Ishiba = Shigeru Ishiba" q "$tmp/s.json" 'same("Ishiba", "Shigeru Ishiba")'
check "Rutte = Mark Rutte" q "$tmp/s.json" 'same("Rutte", "Mark Rutte")'
check "Japan = Giappone" q "$tmp/s.json" 'same("Japan", "Giappone")'
check "Ishiba is a person, not Rutte" q "$tmp/s.json" 'ent("Ishiba")["type"] == "PER" and not same("Ishiba", "Rutte")'
check "NATO known by id" q "$tmp/s.json" 'ent("NATO")["known_id"] == "O:NATO"'
check "entities most mentioned first" q "$tmp/s.json" 'all(a["mentions"] >= b["mentions"] for a, b in zip(j["entities"], j["entities"][1:]))'
check "Ishiba-Rutte edge with evidence naming both" q "$tmp/s.json" \
  'edge("Ishiba", "Rutte") and edge("Ishiba", "Rutte")["count"] == len(edge("Ishiba", "Rutte")["evidence"]) and all("Ishiba" in e["sentence"] and "Rutte" in e["sentence"] for e in edge("Ishiba", "Rutte")["evidence"])'
check "NPMI within -1..1, edges by count" q "$tmp/s.json" \
  'all(-1 <= e["npmi"] <= 1 for e in j["edges"]) and all(a["count"] >= b["count"] for a, b in zip(j["edges"], j["edges"][1:]))'

"$bin" entities --scope paragraph "$here/assets/corpus" >"$tmp/p.json" 2>/dev/null
check "paragraph scope: fewer units, more or equal pairs" python3 -c "
import json; s=json.load(open('$tmp/s.json')); p=json.load(open('$tmp/p.json'))
assert p['scope']=='paragraph' and p['units'] < s['units'] and sum(e['count'] for e in p['edges']) >= sum(e['count'] for e in s['edges'])"

"$bin" entities --demonyms "$here/assets/corpus" >"$tmp/d.json" 2>/dev/null
check "demonyms count for their country" python3 -c "
import json; s=json.load(open('$tmp/s.json')); d=json.load(open('$tmp/d.json'))
m=lambda j: next(e['mentions'] for e in j['entities'] if e['known_id']=='C:JP')
assert m(d) > m(s), (m(d), m(s))"

key=$(python3 -c "import json; j=json.load(open('$tmp/s.json')); print(next(e['key'] for e in j['entities'] if 'Ishiba' in e['aliases']))")
printf '[{"kind":"rename","a":"%s","b":"","value":"石破茂"},{"kind":"set_type","a":"C:JP","b":"","value":"ORG"}]' "$key" >"$tmp/edits.json"
"$bin" entities --edits "$tmp/edits.json" "$here/assets/corpus" >"$tmp/e.json" 2>/dev/null
check "edits: rename and retype win" q "$tmp/e.json" 'ent("Ishiba")["name"] == "石破茂" and ent("Japan")["type"] == "ORG"'

"$bin" entities --mentions "$here/tests/data/linking/multilingual.jsonl" >"$tmp/m.json" 2>/dev/null
check "multilingual: Putin = Владимир Путин, Ishiba = Исиба" q "$tmp/m.json" 'same("Putin", "Владимир Путин") and same("Shigeru Ishiba", "Исиба")'
check "--mentions lists every mention with its entity" q "$tmp/m.json" 'len(j["mentions"]) >= sum(e["mentions"] for e in j["entities"]) and all("lang" in m for m in j["mentions"])'

"$bin" entities "$here/assets/corpus/003_980b53d330eac130.txt" "$tmp/missing.txt" >"$tmp/x.json" 2>"$tmp/x.err"; rc=$?
check "missing file exits 1" [ "$rc" -eq 1 ]
check "missing file explained" grep -q 'missing.txt: cannot read' "$tmp/x.err"
check "the good file still linked" q "$tmp/x.json" 'j["documents"] == 1 and len(j["entities"]) > 3'
"$bin" entities --scope sideways "$here/assets/corpus" >/dev/null 2>&1; rc=$?
check "bad scope exits 2" [ "$rc" -eq 2 ]
"$bin" entities >/dev/null 2>&1; rc=$?
check "no files exits 2" [ "$rc" -eq 2 ]

echo "cli entities: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
