# deps.d/stem.sh — sourced by scripts/deps.sh: stemming and stopword inputs.
#
#   $cache/src/snowball-2.2.0/                 Debian source package snowball 2.2.0 (bookworm, BSD)
#   $cache/src/libstemmer_c-2.2.0/             its `make dist_libstemmer_c` output (generated C)
#   $cache/npm/stopwords-iso-1.1.0/package/    npm stopwords-iso 1.1.0 (MIT), data only
#
# cmake/stem.cmake compiles the generated C; scripts/assets.d/stem.sh converts the stopwords.

STEM_SNOWBALL_VERSION=2.2.0
STEM_STOPWORDS_VERSION=1.1.0

need_pkgs perl make gcc   # snowball's compiler and mkmodules.pl generate the C sources
fetch_src snowball bookworm "$STEM_SNOWBALL_VERSION"

stem_libstemmer="$cache/src/libstemmer_c-$STEM_SNOWBALL_VERSION"
if [ ! -f "$stem_libstemmer/.ok" ]; then
  log "generating libstemmer_c $STEM_SNOWBALL_VERSION (snowball compiler, native)"
  stem_tmp=$(mktemp -d)
  cp -a "$cache/src/snowball-$STEM_SNOWBALL_VERSION/." "$stem_tmp/"
  # Built in a scratch copy so the unpacked source stays pristine; -j2: two cores.
  make -C "$stem_tmp" -j2 dist_libstemmer_c >/dev/null
  rm -rf "$stem_libstemmer"; mkdir -p "$stem_libstemmer"
  tar -xzf "$stem_tmp/dist/libstemmer_c-$STEM_SNOWBALL_VERSION.tar.gz" -C "$stem_libstemmer" --strip-components=1
  touch "$stem_libstemmer/.ok"; rm -rf "$stem_tmp"
fi

stem_stopwords="$cache/npm/stopwords-iso-$STEM_STOPWORDS_VERSION"
if [ ! -f "$stem_stopwords/.ok" ]; then
  log "fetching npm stopwords-iso@$STEM_STOPWORDS_VERSION"
  mkdir -p "$cache/npm" "$stem_stopwords"
  (cd "$cache/npm" && npm pack "stopwords-iso@$STEM_STOPWORDS_VERSION" --pack-destination "$cache/npm/" \
       --loglevel=error >/dev/null)
  tar -xzf "$cache/npm/stopwords-iso-$STEM_STOPWORDS_VERSION.tgz" -C "$stem_stopwords"
  touch "$stem_stopwords/.ok"
fi
