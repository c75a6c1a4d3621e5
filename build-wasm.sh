#!/usr/bin/env bash
# Parallax build driver. Works as root on a fresh Debian 12 machine: installs what is missing,
# builds third-party libraries once into ~/.cache/parallax (keyed by version), then builds.
#
#   ./build-wasm.sh            build dist/: index.html + parallax.js/.wasm (host as static files)
#                              and parallax.html (one self-contained file, works from file://)
#   ./build-wasm.sh --serve    build, then serve dist/ on 127.0.0.1 (PORT, default 8080)
#   ./build-wasm.sh --test     build everything (native + wasm) and run every test tier:
#                              native doctest, the same tests as wasm under node, panel smoke
#                              tests, end-to-end tests in Debian's Chromium
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
mode="${1:-build}"
jobs="$(nproc)"
export NODE_PATH=/usr/share/nodejs  # emcc's JS optimizer needs Debian's acorn (toolchain.md)

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "dependencies"
scripts/deps.sh
sdl_prefix="$(scripts/build-sdl2.sh)"

step "assets (fonts, demo corpus)"
scripts/make-assets.sh "$PWD/build-wasm/assets"

step "wasm build"
emcmake cmake -S . -B build-wasm -DCMAKE_BUILD_TYPE=Release -DPX_SDL2_PREFIX="$sdl_prefix" \
  -DPX_ASSET_DIR="$PWD/build-wasm/assets" >build-wasm.configure.log 2>&1 ||
  { cat build-wasm.configure.log; exit 1; }
rm -f build-wasm.configure.log
cmake --build build-wasm -j"$jobs"

step "dist/"
rm -rf dist && mkdir -p dist
cp build-wasm/parallax.js build-wasm/parallax.wasm dist/
cp shell.html dist/index.html
cp web/embed-example.html dist/
node scripts/make-single-html.mjs shell.html build-wasm/parallax_single.js dist/parallax.html
ls -l dist | awk 'NR>1 {printf "  %-22s %10d bytes\n", $9, $5}'

case "$mode" in
  build) ;;
  --serve)
    step "serving"
    exec node web/serve.mjs dist "${PORT:-8080}"
    ;;
  --test)
    exec scripts/run-tests.sh
    ;;
  *) echo "usage: $0 [--serve|--test]" >&2; exit 2 ;;
esac
