#!/usr/bin/env bash
# Builds SDL2 (Debian source 2.26.5) with emcc once into the cache, keyed by SDL and emcc
# versions. Emscripten's own "-sUSE_SDL=2" port downloads from the internet and fails here.
# Takes about 5 minutes on 2 cores; later runs return at once.
#   scripts/build-sdl2.sh    -> prints the install prefix
set -euo pipefail
cache="${PARALLAX_CACHE:-$HOME/.cache/parallax}"
export NODE_PATH=/usr/share/nodejs   # emcc's JS optimizer needs Debian's acorn (toolchain.md)
ver=2.26.5
emver=$(emcc -dumpversion 2>/dev/null || echo unknown)
prefix="$cache/wasm/sdl2-$ver-emcc$emver"
if [ -f "$prefix/lib/libSDL2.a" ]; then echo "$prefix"; exit 0; fi
src="$cache/src/libsdl2-$ver"
[ -f "$src/CMakeLists.txt" ] || { echo "SDL2 sources missing in $src: run scripts/deps.sh" >&2; exit 1; }
bld="$cache/wasm/build-sdl2-$ver"
rm -rf "$bld"; mkdir -p "$cache/wasm"
echo "[sdl2] building SDL2 $ver with emcc $emver (about 5 minutes, once)" >&2
emcmake cmake -S "$src" -B "$bld" -DCMAKE_BUILD_TYPE=Release -DSDL_SHARED=OFF -DSDL_STATIC=ON \
  -DSDL_TEST=OFF -DCMAKE_INSTALL_PREFIX="$prefix" >"$bld.log" 2>&1 || { tail -30 "$bld.log" >&2; exit 1; }
cmake --build "$bld" -j"$(nproc)" >>"$bld.log" 2>&1 || { tail -30 "$bld.log" >&2; exit 1; }
cmake --install "$bld" >>"$bld.log" 2>&1
rm -rf "$bld"; mkdir -p "$cache/wasm"
echo "$prefix"
