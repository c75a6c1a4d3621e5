#!/usr/bin/env bash
# CLI tests for `parallax claims` and `parallax align`: the demo corpus gives claim groups
# across en/it with members, scores and bridges; align prints one `i TAB j TAB score` line per
# line of A, -1 for a line that matches nothing; usage errors exit 2.
#   usage: test_claims.sh PARALLAX_BINARY
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
def group_of(text):
    return next((g for g in j["groups"] if any(text in m["text"] for m in g["members"])), None)
def together(*texts):
    gs = [group_of(t) for t in texts]
    return all(g is not None for g in gs) and len({g["id"] for g in gs}) == 1
sys.exit(0 if eval(sys.argv[2]) else 1)
PY
}

"$bin" claims --json "$here/assets/corpus" >"$tmp/c.json" 2>"$tmp/c.err"; rc=$?
check "demo corpus exits 0" [ "$rc" -eq 0 ]
check "JSON with units and groups" q "$tmp/c.json" 'j["documents"] == 5 and j["units"] > 50 and len(j["groups"]) >= 4'
check "the index scored far fewer pairs than all" q "$tmp/c.json" '0 < j["candidates_scored"] < j["all_pairs"]'
check "NATO benefits Japan: en, en, it together" q "$tmp/c.json" \
  'together("A stronger NATO will benefit Japan greatly", "Strengthening NATO will bring great benefits to Japan", "Una NATO più forte porterà notevoli benefici al Giappone")'
check "naive about China: en ~ it" q "$tmp/c.json" 'together("Let us not be naive about China", "Non bisogna essere ingenui nei confronti della Cina")'
check "members carry doc, outlet, language, text" q "$tmp/c.json" \
  'all(m["doc"] and m["outlet"] and m["lang"] and m["text"] for g in j["groups"] for m in g["members"])'
check "links scored 0..1 with bridges naming both sides" q "$tmp/c.json" \
  'all(0 < l["score"] <= 1 and l["bridges"] and all(b["a"] and b["b"] and b["via"] and b["kind"] in ("entity","number","translation","stem") for b in l["bridges"]) for g in j["groups"] for l in g["links"])'
check "a cross-language link is explained by a translation" q "$tmp/c.json" \
  'any(b["kind"] == "translation" for l in group_of("Una NATO più forte")["links"] for b in l["bridges"])'
check "one member per article in a group" q "$tmp/c.json" \
  'all(len({m["doc"] for m in g["members"]}) == len(g["members"]) for g in j["groups"])'

"$bin" claims --units --min-score 0.9 "$here/assets/corpus" >"$tmp/u.json" 2>/dev/null
check "--units lists every unit; a high threshold groups less" python3 -c "
import json; c=json.load(open('$tmp/c.json')); u=json.load(open('$tmp/u.json'))
assert len(u['unit_list']) == u['units'] and sum(g['size'] for g in u['groups']) < sum(g['size'] for g in c['groups'])"

printf 'A stronger NATO will benefit Japan greatly.\nThe weather was sunny all week in Lisbon.\nLet us not be naive about China.\n' >"$tmp/a.txt"
printf 'Non bisogna essere ingenui nei confronti della Cina.\nUna NATO più forte porterà notevoli benefici al Giappone.\n' >"$tmp/b.txt"
"$bin" align "$tmp/a.txt" "$tmp/b.txt" >"$tmp/al.tsv" 2>"$tmp/al.err"; rc=$?
check "align exits 0" [ "$rc" -eq 0 ]
check "align: one line per line of A" [ "$(wc -l <"$tmp/al.tsv")" -eq 3 ]
check "align: NATO line -> 1, China line -> 0" bash -c "cut -f1,2 '$tmp/al.tsv' | tr '\t\n' ':,' | grep -qx '0:1,1:-1,2:0,'"
check "align: scores between 0 and 1" awk -F'\t' '$3 < 0 || $3 > 1 { exit 1 }' "$tmp/al.tsv"
"$bin" align --all "$tmp/a.txt" "$tmp/b.txt" >"$tmp/all.tsv" 2>/dev/null
check "align --all: the weather line still gets its best guess or -1 for nothing shared" \
  awk -F'\t' 'NR == 2 && ($2 < -1 || $2 > 1) { exit 1 }' "$tmp/all.tsv"

"$bin" align "$tmp/a.txt" >/dev/null 2>&1; rc=$?
check "align with one file is a usage error" [ "$rc" -eq 2 ]
"$bin" claims >/dev/null 2>&1; rc=$?
check "claims without files is a usage error" [ "$rc" -eq 2 ]
"$bin" align "$tmp/a.txt" "$tmp/missing.txt" >/dev/null 2>&1; rc=$?
check "align with a missing file fails with 1" [ "$rc" -eq 1 ]

echo "cli claims: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
