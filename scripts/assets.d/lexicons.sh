# scripts/assets.d/lexicons.sh — ships the hand-written lexicons (assets/lexicons/*.tsv:
# reporting verbs, number words, speaker titles, hedges, evaluative words) unchanged as OUTDIR/lexicons/*.tsv.
# Sourced by scripts/make-assets.sh (uses $here, $out, sync_file, prune, log, files).
lexicon_src="$here/assets/lexicons"
lexicon_files=()
if [ -d "$lexicon_src" ]; then
  while IFS= read -r -d '' f; do
    rel="${f#"$lexicon_src"/}"
    sync_file "$f" "$out/lexicons/$rel"
    lexicon_files+=("$rel")
    files+=("lexicons/$rel")
  done < <(find "$lexicon_src" -maxdepth 1 -type f -name '*.tsv' -print0 | LC_ALL=C sort -z)
else
  log "no $lexicon_src: shipping no lexicons (quotes and number words will be unavailable)"
fi
prune "$out/lexicons" ${lexicon_files[@]+"${lexicon_files[@]}"}
