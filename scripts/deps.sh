#!/usr/bin/env bash
# Installs everything Parallax needs on a fresh Debian 12 machine (run as root) and fetches
# third-party sources into a cache outside the clone. Safe to run again: every step checks
# first. Only Debian's archive and the npm registry are used.
#
#   scripts/deps.sh            # system packages + sources + npm packages
#
# Cache layout ($PARALLAX_CACHE, default ~/.cache/parallax):
#   src/<package>-<version>/    unpacked Debian source packages
#   wasm/<package>-<version>/   libraries built with emcc (see build-wasm.sh)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${PARALLAX_CACHE:-$HOME/.cache/parallax}"
mkdir -p "$cache/src"

log() { printf '\033[1m[deps]\033[0m %s\n' "$*"; }

# ---- 1. Debian binary packages -------------------------------------------------------------
# emscripten/binaryen: the wasm toolchain. chromium: the browser for end-to-end tests (never a
# tool's own browser download). fonts-*: the fonts we ship. python3-fonttools: pyftsubset to
# cut the CJK font down to the characters of the common national character sets.
# nlohmann-json3-dev, doctest-dev: header-only, used by both native and wasm builds.
# libstb-dev: stb_image_write.h, the PNG encoder of the chart exports (wasm build).
pkgs=(cmake g++ make pkg-config xz-utils ca-certificates dpkg-dev
      emscripten binaryen nodejs
      nlohmann-json3-dev doctest-dev libstb-dev
      chromium fonts-noto-core fonts-wqy-microhei python3-fonttools python3-brotli)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# nodejs may come from another repository on some images: accept any working node >= 18.
if command -v node >/dev/null && node -e 'process.exit(+process.versions.node.split(".")[0] >= 18 ? 0 : 1)'; then
  missing=("${missing[@]/nodejs}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))

# ---- 2. deb-src entries (bookworm + sid) derived from the machine's own sources --------------
src_list=/etc/apt/sources.list.d/parallax-src.sources
if [ ! -f "$src_list" ]; then
  main=/etc/apt/sources.list.d/debian.sources
  if [ -f "$main" ]; then
    uris=$(awk '/^URIs:/{print $2; exit}' "$main")
    signed=$(awk '/^Signed-By:/{print $2; exit}' "$main")
  else
    uris=$(awk '$1=="deb"{for(i=2;i<=NF;i++) if ($i ~ /^https?:/) {print $i; exit}}' /etc/apt/sources.list)
    signed=/usr/share/keyrings/debian-archive-keyring.gpg
  fi
  log "adding deb-src entries for bookworm and sid ($uris)"
  cat > "$src_list" <<SRC
Types: deb-src
URIs: $uris
Suites: bookworm sid
Components: main
Signed-By: $signed
SRC
  need_update=1
fi

if [ ${#missing[@]} -gt 0 ] || [ -n "${need_update:-}" ] || [ ! -f "$cache/.apt-updated" ]; then
  log "apt-get update"
  apt-get update -qq
  touch "$cache/.apt-updated"
fi
if [ ${#missing[@]} -gt 0 ]; then
  log "installing: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# ---- 3. Debian source packages -----------------------------------------------------------
# fetch_src NAME SUITE VERSION: download the source package once, unpack into the cache.
# We unpack the orig tarball ourselves (no dpkg-source patches needed for these libraries).
fetch_src() {
  local name=$1 suite=$2 version=$3 dest="$cache/src/$1-$3"
  [ -f "$dest/.ok" ] && return 0
  log "fetching source $name/$suite ($version)"
  local tmp; tmp=$(mktemp -d)
  (cd "$tmp" && apt-get source --download-only -qq "$name/$suite" >/dev/null)
  local orig; orig=$(ls "$tmp"/*.orig.tar.* 2>/dev/null | head -1)
  [ -n "$orig" ] || { echo "deps: no orig tarball for $name" >&2; exit 1; }
  rm -rf "$dest"; mkdir -p "$dest"
  tar -xf "$orig" -C "$dest" --strip-components=1
  touch "$dest/.ok"; rm -rf "$tmp"
}
fetch_src imgui sid 1.92.2b
fetch_src libsdl2 bookworm 2.26.5
fetch_src utf8proc bookworm 2.8.0

# ---- 3b. per-module sources and packages: scripts/deps.d/NAME.sh (sourced; may use fetch_src,
# log, $cache, and install Debian packages with `need_pkgs PKG...`)
need_pkgs() {
  local want=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || want+=("$p")
  done
  [ ${#want[@]} -eq 0 ] && return 0
  log "installing: ${want[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null
}
for module in "$here"/scripts/deps.d/*.sh; do
  [ -e "$module" ] || continue
  # shellcheck source=/dev/null
  source "$module"
done

# ---- 4. npm packages for the browser tests (pinned by web/package-lock.json) ---------------
if [ ! -d "$here/web/node_modules/playwright-core" ]; then
  log "npm ci (web/)"
  (cd "$here/web" && npm ci --no-audit --no-fund --loglevel=error)
fi
log "dependencies ready (cache: $cache)"
