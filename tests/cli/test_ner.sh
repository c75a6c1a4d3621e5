#!/usr/bin/env bash
# CLI tests for `parallax ner`: token-per-line input (plain, extra columns, index<TAB>token<TAB>tag),
# every line echoed with one IOB2 tag appended, blank lines kept blank, usage errors.
#   usage: test_ner.sh PARALLAX_BINARY
set -u
bin="$1"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
check() {  # check NAME CONDITION...
  local name="$1"; shift
  if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $name"; fi
}
tag_of() { awk -F'\t' -v n="$2" 'NR == n { print $NF }' "$1"; }

# Plain tokens, one per line, two sentences.
printf '%s\n' Prime Minister Shigeru Ishiba met NATO Secretary General Mark Rutte in Tokyo . '' \
  The Bank of Japan raised rates . > "$tmp/plain.txt"
"$bin" ner --lang en "$tmp/plain.txt" > "$tmp/plain.out" 2> "$tmp/plain.err"; rc=$?
check "plain: exit 0" [ "$rc" -eq 0 ]
check "plain: one output line per input line" [ "$(wc -l < "$tmp/plain.out")" -eq "$(wc -l < "$tmp/plain.txt")" ]
check "plain: blank line stays blank" [ -z "$(sed -n 14p "$tmp/plain.out")" ]
check "plain: role is O" [ "$(tag_of "$tmp/plain.out" 1)" = O ]
check "plain: B-PER Shigeru" [ "$(tag_of "$tmp/plain.out" 3)" = B-PER ]
check "plain: I-PER Ishiba" [ "$(tag_of "$tmp/plain.out" 4)" = I-PER ]
check "plain: B-ORG NATO" [ "$(tag_of "$tmp/plain.out" 6)" = B-ORG ]
check "plain: B-LOC Tokyo" [ "$(tag_of "$tmp/plain.out" 12)" = B-LOC ]
check "plain: token kept as first column" [ "$(sed -n 3p "$tmp/plain.out")" = "$(printf 'Shigeru\tB-PER')" ]
check "plain: Bank of Japan is one ORG" [ "$(tag_of "$tmp/plain.out" 16)$(tag_of "$tmp/plain.out" 17)$(tag_of "$tmp/plain.out" 18)" = B-ORGI-ORGI-ORG ]

# Extra columns: the first column is the token, the tag is appended after the last column.
printf 'Angela\tNNP\nMerkel\tNNP\nbesuchte\tVVFIN\nParis\tNE\n.\t$.\n' > "$tmp/cols.txt"
"$bin" ner --lang de "$tmp/cols.txt" > "$tmp/cols.out" 2>/dev/null
check "columns: kept, tag appended" [ "$(sed -n 1p "$tmp/cols.out")" = "$(printf 'Angela\tNNP\tB-PER')" ]
check "columns: Paris B-LOC" [ "$(tag_of "$tmp/cols.out" 4)" = B-LOC ]

# The evaluation format index<TAB>token<TAB>gold: the token is the second column.
printf '0\tMark\tB-PER\n1\tRutte\tI-PER\n2\tvisited\tO\n3\tJapan\tB-LOC\n\n0\tHe\tO\n1\tleft\tO\n' > "$tmp/indexed.txt"
"$bin" ner --lang en "$tmp/indexed.txt" > "$tmp/indexed.out" 2>/dev/null
check "indexed: Mark B-PER" [ "$(sed -n 1p "$tmp/indexed.out")" = "$(printf '0\tMark\tB-PER\tB-PER')" ]
check "indexed: Japan B-LOC" [ "$(tag_of "$tmp/indexed.out" 4)" = B-LOC ]
check "indexed: blank line kept" [ -z "$(sed -n 5p "$tmp/indexed.out")" ]
check "indexed: 7 lines" [ "$(wc -l < "$tmp/indexed.out")" -eq 7 ]

# A token that is a number in a two-column file without indices is still the token.
printf '2024\tCD\nTokyo\tNNP\n' > "$tmp/num.txt"
"$bin" ner --lang en "$tmp/num.txt" > "$tmp/num.out" 2>/dev/null
check "numbers: 2024 is a token, not an index" [ "$(tag_of "$tmp/num.out" 2)" = B-LOC ]

# Japanese and Russian.
printf '%s\n' 石破 茂 首相 は ルッテ 事務総長 と 会談 した 。 > "$tmp/ja.txt"
"$bin" ner --lang ja "$tmp/ja.txt" > "$tmp/ja.out" 2>/dev/null
check "ja: 石破 B-PER" [ "$(tag_of "$tmp/ja.out" 1)" = B-PER ]
check "ja: ルッテ B-PER" [ "$(tag_of "$tmp/ja.out" 5)" = B-PER ]
printf '%s\n' Генсек НАТО Марк Рютте прибыл в Токио . > "$tmp/ru.txt"
"$bin" ner --lang ru "$tmp/ru.txt" > "$tmp/ru.out" 2>/dev/null
check "ru: Марк B-PER" [ "$(tag_of "$tmp/ru.out" 3)" = B-PER ]
check "ru: НАТО B-ORG" [ "$(tag_of "$tmp/ru.out" 2)" = B-ORG ]

# Documents: a name remembered in one text types it later in the same text only. "Quux" is a
# person after the role; "in Quux" alone would be a place.
printf '%s\n' President Zorblat Quux spoke . '' He lives in Quux . > "$tmp/doc.txt"
"$bin" ner --lang en "$tmp/doc.txt" > "$tmp/doc.out" 2>/dev/null
check "document: one text by default, Quux remembered as a person" [ "$(tag_of "$tmp/doc.out" 10)" = B-PER ]
"$bin" ner --lang en --document sentence "$tmp/doc.txt" > "$tmp/doc-s.out" 2>/dev/null
check "document sentence: each sentence a text, in Quux is a place" [ "$(tag_of "$tmp/doc-s.out" 10)" = B-LOC ]
printf '%s\n' President Zorblat Quux spoke . '' -DOCSTART- '' He lives in Quux . > "$tmp/docstart.txt"
"$bin" ner --lang en "$tmp/docstart.txt" > "$tmp/docstart.out" 2>/dev/null
check "document: -DOCSTART- starts a new text" [ "$(tag_of "$tmp/docstart.out" 12)" = B-LOC ]
check "document: -DOCSTART- tagged O" [ "$(tag_of "$tmp/docstart.out" 7)" = O ]
"$bin" ner --lang en --document paragraph "$tmp/doc.txt" > /dev/null 2>&1; rc=$?
check "document: unknown mode is a usage error" [ "$rc" -eq 2 ]

"$bin" ner > /dev/null 2>&1; rc=$?
check "no file: usage error 2" [ "$rc" -eq 2 ]
"$bin" ner --lang en "$tmp/missing.txt" > /dev/null 2>&1; rc=$?
check "missing file: exit 1" [ "$rc" -eq 1 ]

echo "ner cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
