#!/usr/bin/env bash
# Boilerplate precision/recall on the demo seeds against tests/data/boilerplate/seeds_gold.tsv.
#
#   tests/eval/eval_boilerplate.sh [BUILD_DIR]     # default build-stem (needs parallax_core built
#                                                  # there and its assets: see the brief's BUILD)
# Compiles tests/eval/eval_boilerplate.cpp against BUILD_DIR's static libraries (every .a there:
# parallax_core pulls in whichever third-party libraries the modules add).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="$(cd "${1:-$here/build-stem}" && pwd)"
assets="$(sed -n 's/^PX_ASSET_DIR:PATH=//p' "$build/CMakeCache.txt")"
[ -f "$build/libparallax_core.a" ] || { echo "no $build/libparallax_core.a: build parallax_core first" >&2; exit 1; }
bin="$build/eval_boilerplate"
mapfile -t libs < <(find "$build" -maxdepth 1 -name '*.a' ! -name 'libparallax_core.a' ! -name 'libimgui*.a' ! -name 'libparallax_app.a')
c++ -std=c++20 -O2 -I"$here/src/core" -I"$build/third_party_include" \
    "$here/tests/eval/eval_boilerplate.cpp" "$build/libparallax_core.a" "${libs[@]}" "${libs[@]}" -o "$bin"
"$bin" "$assets" "$here/tests/data/boilerplate/seeds_gold.tsv" "$here"/assets/corpus/*.txt
# Chrome-free real prose in seven languages (../shared/eval/ner, read in place, never copied).
eval_dir="$here/../shared/eval/ner"
if [ -d "$eval_dir" ]; then
  for f in "$eval_dir"/*.conllu; do
    name=$(basename "$f" .conllu); lang=${name%_test}; lang=${lang##*_}
    "$bin" "$assets" --prose "$f" "$lang"
  done
fi
