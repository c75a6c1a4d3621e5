#!/usr/bin/env bash
# Bilingual word bridges (docs/claims-data.md): bytes, headwords and load time per language,
# and coverage (share of content-word tokens with at least one English concept) on the demo
# seeds and on the French/Spanish sides of ../shared/eval/tatoeba (read in place, never copied;
# nothing is tuned on it).
#
#   tests/eval/eval_bridge.sh [BUILD_DIR]     # default build-native (parallax_core built there,
#                                             # its PX_ASSET_DIR made by scripts/make-assets.sh)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="$(cd "${1:-$here/build-native}" && pwd)"
assets="$(sed -n 's/^PX_ASSET_DIR:PATH=//p' "$build/CMakeCache.txt")"
[ -f "$build/libparallax_core.a" ] || { echo "no $build/libparallax_core.a: build parallax_core first" >&2; exit 1; }
[ -d "$assets/bridge" ] || { echo "no $assets/bridge: run scripts/make-assets.sh $assets" >&2; exit 1; }
bin="$build/eval_bridge"
mapfile -t libs < <(find "$build" -maxdepth 1 -name '*.a' ! -name 'libparallax_core.a' ! -name 'libimgui*.a' ! -name 'libparallax_app.a')
c++ -std=c++20 -O2 -I"$here/src/core" -I"$build/third_party_include" \
    "$here/tests/eval/eval_bridge.cpp" "$build/libparallax_core.a" "${libs[@]}" "${libs[@]}" -o "$bin"

for f in "$assets"/bridge/*-en.tsv; do
  printf '%-14s %9d bytes  gzip -9 %9d  %6d headwords\n' "$(basename "$f")" "$(wc -c < "$f")" \
      "$(gzip -9c "$f" | wc -c)" "$(grep -vc '^#' "$f")"
done
"$bin" "$assets" --load
"$bin" "$assets" --detect "$here"/assets/corpus/*.txt
# ../shared next to the main checkout; a worktree under wt/ finds it one level further up.
eval_dir="${PX_EVAL_DIR:-$here/../shared/eval}/tatoeba"
[ -d "$eval_dir" ] || eval_dir="$here/../../shared/eval/tatoeba"
if [ -d "$eval_dir" ]; then
  "$bin" "$assets" --lines fr "$eval_dir/tatoeba.fra-eng.fra"
  "$bin" "$assets" --lines es "$eval_dir/tatoeba.spa-eng.spa"
  "$bin" "$assets" --lines en "$eval_dir/tatoeba.fra-eng.eng"   # English: always its own concept
fi
