#!/usr/bin/env bash
# Generates the assets shipped inside the wasm (and so inside the single HTML file):
#
#   scripts/make-assets.sh OUTDIR
#
#   OUTDIR/fonts/ui-latin.ttf   Noto Sans Regular (fonts-noto-core), subset to Latin (+Ext A/B,
#                               Ext Additional), Greek, Cyrillic and common punctuation/symbols
#   OUTDIR/fonts/ui-cjk.ttf     WenQuanYi Micro Hei (fonts-wqy-microhei, TTC font 0), subset to
#                               kana, CJK punctuation, full-width forms, the Hangul syllables of
#                               KS X 1001, the Han characters of GB2312 + JIS X 0208 + Big5
#                               level 1, and the other symbols of those character sets that
#                               ui-latin.ttf lacks (arrows, maths, box drawing, circled numbers...)
#   OUTDIR/corpus/*             copy of assets/corpus/ (the demo corpus), unchanged
#   OUTDIR/manifest.json        every file above with its size and sha256; rewritten only when
#                               its content changes (CMake relinks the app when it does)
#
# Subsetting takes a while, so the fonts are cached in
#   ${PARALLAX_CACHE:-~/.cache/parallax}/assets/<key>/
# where <key> holds the recipe version below and the versions of the Debian font packages and
# of fontTools. Change anything in the recipe (ranges, options, generator) => bump RECIPE.
# Character lists are generated at build time, into the cache; they are never committed.
# Licences of everything shipped: assets/LICENSES.md.
set -euo pipefail

RECIPE=2

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${PARALLAX_CACHE:-$HOME/.cache/parallax}"
PY=/usr/bin/python3   # Debian's python, the one with python3-fonttools (not a pyenv shim)

log() { printf '\033[1m[assets]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[assets]\033[0m %s\n' "$*" >&2; exit 1; }

[ $# -eq 1 ] || die "usage: $0 OUTDIR"
out="$1"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

# ---- inputs --------------------------------------------------------------------------------
pkg_version() {
  dpkg-query -W -f='${Version}' "$1" 2>/dev/null || die "$1 is not installed: run scripts/deps.sh"
}
pkg_file() {  # pkg_file PACKAGE BASENAME -> the installed path of that file
  local f
  f="$(dpkg -L "$1" | grep -m1 "/$2\$" || true)"
  if [ -z "$f" ] || [ ! -f "$f" ]; then die "$2 not found in package $1 (dpkg -L $1)"; fi
  printf '%s\n' "$f"
}
[ -x "$PY" ] || die "$PY not found"

noto_ver="$(pkg_version fonts-noto-core)"
wqy_ver="$(pkg_version fonts-wqy-microhei)"
ft_ver="$(pkg_version python3-fonttools)"
noto_src="$(pkg_file fonts-noto-core NotoSans-Regular.ttf)"
wqy_src="$(pkg_file fonts-wqy-microhei wqy-microhei.ttc)"

key="r${RECIPE}_noto-${noto_ver}_wqy-${wqy_ver}_fonttools-${ft_ver}"
key="$(printf '%s' "$key" | tr -c 'A-Za-z0-9._+-' '_')"
fontcache="$cache/assets/$key"

# ---- fonts (cached) ------------------------------------------------------------------------
# Shared pyftsubset options. ImGui rasterises outlines itself and does no shaping or kerning,
# so hinting and the OpenType layout tables are dead weight. Name records kept: copyright (0),
# names (1-6), trademark (7), licence text and URL (13, 14) — the licences ask for the notices.
subset_opts=(--no-hinting --layout-features=''
             '--drop-tables+=GSUB,GPOS,GDEF,BASE,JSTF,vhea,vmtx,FFTM'
             '--name-IDs=0,1,2,3,4,5,6,7,13,14' --notdef-outline --recalc-bounds)

# Latin + Greek + Cyrillic UI font. Noto Sans has no arrows or maths operators: those come from
# the CJK font (merged after this one), which has the symbols of the CJK national character sets.
latin_ranges=(
  U+0020-007E U+00A0-00FF   # ASCII, Latin-1 Supplement
  U+0100-017F U+0180-024F   # Latin Extended-A, -B
  U+02B0-02FF               # spacing modifier letters (ʼ ʻ ˆ ˇ ˘ ˙ ˚ ˛ ˜ ˝)
  U+0300-036F               # combining diacritics (text that is not NFC-composed)
  U+0370-03FF U+1F00-1FFF   # Greek and Coptic, Greek Extended (polytonic)
  U+0400-04FF U+0500-052F   # Cyrillic, Cyrillic Supplement
  U+1E00-1EFF               # Latin Extended Additional (Vietnamese, ...)
  U+2000-206F               # General Punctuation (– — ‘ ’ “ ” „ ‹ › … • ‰ ′ ″ ‽ ...)
  U+2070-209F               # superscripts and subscripts
  U+20A0-20CF               # currency symbols (€ ₽ ₴ ₹ ₺ ₿ ...)
  U+2100-214F U+2150-218F   # letterlike (№ ™ ℃ ℓ ...), number forms (½ ⅓ Ⅻ ...)
  U+FB00-FB06               # ﬁ ﬂ ligatures (text copied from PDFs)
  U+25CC U+FFFD             # dotted circle, replacement character
)

# Writes the CJK code point list (one U+XXXX per line) to $2; $1 is the finished ui-latin.ttf,
# whose characters are left out (they would be duplicates: the Latin font is merged first).
gen_cjk_list() {
  "$PY" - "$1" "$2" <<'PYEOF'
import sys, unicodedata
from fontTools.ttLib import TTFont

def two_byte(codec, leads, trails):
    """Every character that one valid 2-byte code of `codec` decodes to."""
    out = set()
    for a in leads:
        for b in trails:
            try:
                s = bytes((a, b)).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(s) == 1:
                out.add(ord(s))
    return out

def is_han(c):
    return 0x3400 <= c <= 0x9FFF or 0xF900 <= c <= 0xFAFF or 0x20000 <= c <= 0x3FFFF

def is_hangul(c):
    return 0xAC00 <= c <= 0xD7A3

euc = range(0xA1, 0xFF)
gb2312 = two_byte('gb2312', euc, euc)
jisx0208 = two_byte('euc_jp', euc, euc)     # 0x8E (half-width kana) and 0x8F (JIS X 0212) are 1/3-byte: excluded
ksx1001 = two_byte('euc_kr', euc, euc)
big5_l1 = two_byte('big5', range(0xA4, 0xC7), list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)))
big5_sym = two_byte('big5', range(0xA1, 0xA4), list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)))

han = {c for c in gb2312 | jisx0208 | big5_l1 if is_han(c)}
hangul = {c for c in ksx1001 if is_hangul(c)}
def block(*ranges):
    return {c for a, b in ranges for c in range(a, b + 1) if unicodedata.category(chr(c)) != 'Cn'}
kana = block((0x3040, 0x309F),   # Hiragana
             (0x30A0, 0x30FF),   # Katakana
             (0x31F0, 0x31FF),   # Katakana Phonetic Extensions
             (0xFF65, 0xFF9F))   # half-width katakana
punct = block((0x3000, 0x303F),  # CJK Symbols and Punctuation
              (0x3130, 0x318F),  # Hangul Compatibility Jamo (KS X 1001)
              (0xFF00, 0xFF64), (0xFFA0, 0xFFEF))  # rest of Half-width and Full-width Forms
# Non-Han, non-Hangul symbols of the same character sets (arrows, maths, box drawing, circled
# numbers, ㎏ ㈜ ...), for those ui-latin.ttf does not already have.
latin = set(TTFont(sys.argv[1]).getBestCmap())
symbols = {c for c in gb2312 | jisx0208 | ksx1001 | big5_sym
           if c > 0x7F and not is_han(c) and not is_hangul(c)} - latin - kana - punct

groups = {
    "Han (GB2312 + JIS X 0208 + Big5 level 1)": han,
    "Hangul syllables (KS X 1001)": hangul,
    "kana (Hiragana, Katakana + Phonetic Ext., half-width)": kana,
    "CJK punctuation, compatibility jamo, full/half-width forms": punct,
    "other symbols of those character sets, not in ui-latin": symbols,
}
with open(sys.argv[2], 'w') as f:
    f.write(f"# generated by scripts/make-assets.sh: GB2312 {len(gb2312)}, JIS X 0208 {len(jisx0208)}, "
            f"KS X 1001 {len(ksx1001)}, Big5 level 1 {len(big5_l1)} characters\n")
    for name, cps in groups.items():
        f.write(f"# group: {name}\n")
        f.writelines(f"U+{c:04X}\n" for c in sorted(cps))
PYEOF
}

build_fonts() {
  local tmp="$1"
  "$PY" -c 'import fontTools.subset' 2>/dev/null || die "$PY cannot import fontTools: run scripts/deps.sh"
  local t0=$SECONDS
  log "subsetting $noto_src -> ui-latin.ttf"
  "$PY" -m fontTools.subset "$noto_src" "${subset_opts[@]}" \
      --unicodes="$(IFS=,; echo "${latin_ranges[*]}")" --output-file="$tmp/ui-latin.ttf"
  gen_cjk_list "$tmp/ui-latin.ttf" "$tmp/cjk-unicodes.txt"
  log "subsetting $wqy_src (font 0) -> ui-cjk.ttf ($(grep -c '^U+' "$tmp/cjk-unicodes.txt") code points requested)"
  "$PY" -m fontTools.subset "$wqy_src" --font-number=0 "${subset_opts[@]}" \
      --unicodes-file="$tmp/cjk-unicodes.txt" --output-file="$tmp/ui-cjk.ttf"
  # Sizes and coverage, computed once and kept with the fonts (printed by every run).
  "$PY" - "$tmp" > "$tmp/stats.txt" <<'PYEOF'
import sys, os, gzip
from fontTools.ttLib import TTFont
d = sys.argv[1]
cmaps = {}
for name in ('ui-latin.ttf', 'ui-cjk.ttf'):
    p = os.path.join(d, name)
    f = TTFont(p)
    cmaps[name] = f.getBestCmap()
    raw = open(p, 'rb').read()
    print(f"{'fonts/' + name:22} {len(raw):9d} bytes   gzip -9: {len(gzip.compress(raw, 9)):9d} bytes"
          f"   {len(cmaps[name]):6d} chars, {f['maxp'].numGlyphs:6d} glyphs")
groups, total, have = {}, 0, 0
for line in open(os.path.join(d, 'cjk-unicodes.txt')):
    if line.startswith('# group: '):
        cur = groups.setdefault(line[9:].strip(), [])
    elif line.startswith('U+'):
        cur.append(int(line[2:], 16))
for name, cps in groups.items():
    missing = [c for c in cps if c not in cmaps['ui-cjk.ttf']]
    total += len(cps); have += len(cps) - len(missing)
    m = ' '.join(f'U+{c:04X}' for c in missing[:40]) + (' ...' if len(missing) > 40 else '')
    print(f"  ui-cjk {len(cps) - len(missing):6d}/{len(cps):<6d} {name}" + (f"; not in WenQuanYi: {m}" if missing else ''))
print(f"  ui-cjk {have:6d}/{total:<6d} requested code points are in the font")
PYEOF
  log "fonts built in $((SECONDS - t0)) s"
}

if [ ! -f "$fontcache/stats.txt" ]; then
  mkdir -p "$cache/assets"
  tmp="$(mktemp -d "$cache/assets/.build.XXXXXX")"
  trap 'rm -rf "$tmp"' EXIT
  build_fonts "$tmp"
  # Publish atomically; if a concurrent run got there first, keep its result.
  if ! mv -T "$tmp" "$fontcache" 2>/dev/null; then
    [ -f "$fontcache/stats.txt" ] || die "cannot move $tmp to $fontcache"
    rm -rf "$tmp"
  fi
  trap - EXIT
else
  log "fonts from cache: $fontcache"
fi

# ---- copy into OUTDIR (only what changed; stale files removed) -------------------------------
sync_file() {  # sync_file SRC DST
  if ! cmp -s "$1" "$2"; then
    mkdir -p "$(dirname "$2")"
    cp -f "$1" "$2.tmp.$$" && mv -f "$2.tmp.$$" "$2"
  fi
}
prune() {  # prune DIR KEEP... : delete files under DIR that are not listed (paths relative to DIR)
  local dir="$1"; shift
  [ -d "$dir" ] || return 0
  local f rel keep
  while IFS= read -r -d '' f; do
    rel="${f#"$dir"/}"; keep=0
    for k in "$@"; do [ "$k" = "$rel" ] && keep=1 && break; done
    [ $keep = 1 ] || { log "removing stale $dir/$rel"; rm -f "$f"; }
  done < <(find "$dir" -type f -print0)
  find "$dir" -mindepth 1 -type d -empty -delete
}

files=()
for f in ui-latin.ttf ui-cjk.ttf; do
  sync_file "$fontcache/$f" "$out/fonts/$f"
  files+=("fonts/$f")
done
prune "$out/fonts" ui-latin.ttf ui-cjk.ttf

# The demo corpus (assets/corpus/*.txt + seeds.meta.json). It may not exist yet: then nothing
# is shipped. Hidden files (.gitkeep, editor backups) are skipped.
corpus_src="$here/assets/corpus"
corpus_files=()
if [ -d "$corpus_src" ]; then
  while IFS= read -r -d '' f; do
    rel="${f#"$corpus_src"/}"
    sync_file "$f" "$out/corpus/$rel"
    corpus_files+=("$rel")
    files+=("corpus/$rel")
  done < <(find "$corpus_src" -type f -not -path '*/.*' -print0 | LC_ALL=C sort -z)
else
  log "no $corpus_src: shipping no demo corpus"
fi
prune "$out/corpus" ${corpus_files[@]+"${corpus_files[@]}"}

# ---- module assets: each scripts/assets.d/NAME.sh writes OUTDIR/NAME/... -------------------
# A module script is sourced here: it may use $out, $cache, $PY, log, die, sync_file, prune,
# and must append every file it ships (relative to OUTDIR) to the `files` array. It caches
# its own slow work under $cache/assets/, keyed by the versions of its inputs.
for module in "$here"/scripts/assets.d/*.sh; do
  [ -e "$module" ] || continue
  # shellcheck source=/dev/null
  source "$module"
done

# ---- report --------------------------------------------------------------------------------
cat "$fontcache/stats.txt"
corpus_bytes=0
for f in ${corpus_files[@]+"${corpus_files[@]}"}; do
  corpus_bytes=$((corpus_bytes + $(wc -c < "$out/corpus/$f")))
done
printf '%-22s %9d bytes in %d files\n' "corpus/" "$corpus_bytes" "${#corpus_files[@]}"

# ---- manifest.json (last; rewritten only when it changes) -----------------------------------
"$PY" - "$out" "$key" "${files[@]}" > "$out/manifest.json.tmp.$$" <<'PYEOF'
import sys, os, json, hashlib
out, key, files = sys.argv[1], sys.argv[2], sys.argv[3:]
entries = []
for rel in files:
    data = open(os.path.join(out, rel), 'rb').read()
    entries.append({"path": rel, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()})
json.dump({"generator": "scripts/make-assets.sh", "font_cache_key": key, "files": entries},
          sys.stdout, indent=2, ensure_ascii=False)
print()
PYEOF
if cmp -s "$out/manifest.json.tmp.$$" "$out/manifest.json"; then
  rm -f "$out/manifest.json.tmp.$$"
else
  mv -f "$out/manifest.json.tmp.$$" "$out/manifest.json"
  log "wrote $out/manifest.json"
fi
