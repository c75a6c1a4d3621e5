#!/usr/bin/env python3
"""Builds hannames/han-names.tsv: Latin readings of names written in Han characters, so the
entity linker (src/core/han_names.h) can join 石破茂 with "Shigeru Ishiba" and 普京 with "Putin".

    hannames.py OUTDIR --enamdict FILE --enamdict-version V --cedict DIR --cedict-version V

Output (UTF-8, '#' first line), name lines sorted by Han form, then family lines:

    HAN[|HAN...] <TAB> TYPE <TAB> LATIN[|LATIN...] <TAB> ORDER
    =FAMILY_HAN <TAB> FamilyLatin <TAB> GIVEN_HAN GivenLatin[|GIVEN_HAN GivenLatin...]

    HAN    the name in Han script; simplified and traditional forms of one entry share a line
    TYPE   P person, L place, O organisation
    LATIN  the Latin name(s) (alternatives of one thing: "Kyiv|Kiev")
    ORDER  people only: "f" family name first in LATIN ("Xi Jinping"), "g" given name first
           (transliterated Western names: 普京 "Vladimir Putin", surname last)
    family lines: people whose Han name splits into a known family name and a given name
           (=石破 Ishiba 茂 Shigeru): the full name reads "Ishiba Shigeru", and a family name
           alone (石破) reads "Ishiba" when the file gives it one reading only

Sources and the cut (the file ships inside the single HTML page, so it is kept small):
  * ENAMDICT (h) entries: full names of notable people. Kept: written in Han only, with an
    open-ended birth date "(1957.2.4-)" — people alive when the dictionary was made — born
    1935 or later (an open end before that is mostly an unrecorded death; anyone older is
    rarely in the news). People without any date are left out: most are historical (some
    current ones too, 菅義偉 and 小泉進次郎: the price of the size). The Han form is split
    into family and given name with ENAMDICT's own (s) surname entries. ENAMDICT's romanisation spells long vowels
    ("Kentarou", "Ootani"); news in Latin script drops them ("Kentaro", "Otani"), so ou/oo/uu
    become o/o/u (ou before e stays: Inoue is Ino-ue).
  * CC-CEDICT entries with capitalised pinyin (its proper-noun convention) whose first English
    gloss starts with a name: people (a lifespan or "(name)" in the gloss, or a role word after
    the name; all of them: few, and transliterated foreign names can only be matched this way),
    places and organisations, except Chinese local divisions
    (counties, districts, townships, ...), which world news rarely names, and entries typed
    neither (concepts, works, brands: 4,000 lines rarely a name in the news).
A Han form whose sources give two different people is left out (no reading beats a wrong one).
"""
import argparse
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict


def is_han_char(c):
    o = ord(c)
    return (0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or
            0x20000 <= o <= 0x3FFFF or o == 0x3005)   # 々 repeats the previous character


def is_han(s):
    return len(s) >= 2 and all(is_han_char(c) for c in s)


def fold(s):
    """ASCII lowercase without accents: how two spellings are compared here."""
    s = unicodedata.normalize('NFKD', s)
    return ''.join(c for c in s if not unicodedata.combining(c)).lower()


def drop_long_vowels(word):
    """ENAMDICT's 'Kentarou', 'Ootani', 'Yuuko' as news writes them: Kentaro, Otani, Yuko."""
    out = []
    i = 0
    w = word
    while i < len(w):
        two = w[i:i + 2].lower()
        # ou before e is o + ue (井上 Ino-ue), elsewhere a long o (Shouichi -> Shoichi).
        if two in ('oo', 'uu') or (two == 'ou' and (i + 2 >= len(w) or w[i + 2].lower() != 'e')):
            out.append(w[i])
            i += 2
            continue
        out.append(w[i])
        i += 1
    return ''.join(out)


LATIN_NAME = re.compile(r"[A-Z][A-Za-z'\-.]*(?: [A-Za-z][A-Za-z'\-.]*){0,5}")
PARTICLES = {'von', 'van', 'der', 'den', 'de', 'la', 'le', 'du', 'da', 'di', 'del', 'al', 'el', 'bin', 'ibn', 'y',
             'of', 'and', 'ter', 'zu', 'dos', 'das', 'bint', 'ben'}


def clean_latin(name):
    """A name as Latin script, accents kept; '' when it does not look like one."""
    name = unicodedata.normalize('NFC', name.strip())
    name = re.sub(r'^(the|The) ', '', name)
    ascii_form = fold(name)
    if not LATIN_NAME.fullmatch(ascii_form[:1].upper() + ascii_form[1:]) or not name[:1].isupper():
        return ''
    toks = name.split()
    if any(not t[:1].isupper() and fold(t) not in PARTICLES for t in toks):
        return ''
    return name


# ---- ENAMDICT ------------------------------------------------------------------------------
ENAM_LINE = re.compile(r'^(\S+) (?:\[(\S+)\] )?/\(([^)]*)\) (.*)/$')
BIRTH_OPEN = re.compile(r'\((\d{4})(?:\.\d{1,2}){0,2}-\)')
MIN_BIRTH_YEAR = 1935


def read_enamdict(path):
    people = []                      # (han, latin family-first, family_chars)
    surnames = defaultdict(set)      # han -> folded Latin readings of (s) entries
    entries = []
    with open(path, 'rb') as f:
        for raw in f:
            line = raw.decode('euc_jp', errors='replace').rstrip('\n')
            m = ENAM_LINE.match(line)
            if not m:
                continue
            han, kana, tags, body = m.groups()
            tags = tags.split(',')
            if not is_han(han):
                continue
            gloss = body.split('/')[0]
            if 's' in tags:
                surnames[han].add(fold(drop_long_vowels(gloss.strip())))
            if 'h' in tags:
                # A katakana reading is a foreign name (文在寅 ムンジェイン "Moon Jae-in"): its
                # Latin is not Hepburn, so its long vowels are left alone.
                entries.append((han, gloss, bool(kana) and all(0x3041 <= ord(c) <= 0x309F for c in kana)))
    for han, gloss, hepburn in entries:
        b = BIRTH_OPEN.search(gloss)
        if not b or int(b.group(1)) < MIN_BIRTH_YEAR:
            continue
        name = clean_latin(gloss[:gloss.index('(')].strip())
        toks = name.split()
        if len(toks) != 2:
            continue
        if hepburn:
            toks = [drop_long_vowels(t) for t in toks]
        # Which token is the family name, and how many Han characters spell it: an (s) entry
        # that is a prefix of the full name and reads like one of the tokens.
        split = 0
        for n in range(len(han) - 1, 0, -1):
            readings = surnames.get(han[:n], ())
            if fold(toks[0]) in readings:
                split = n
                break
            if fold(toks[1]) in readings:
                toks.reverse()           # written given name first in this entry
                split = n
                break
        people.append((han, ' '.join(toks), split))
    return people


# ---- CC-CEDICT -----------------------------------------------------------------------------
# A person: a lifespan or "(name)" anywhere in the gloss, or a role word after the name (in the
# name itself "King" and "General" are not roles: Burger King, General Motors).
PER_DATE = re.compile(r'\(name\)|\((c\. ?)?\d{3,4}\s*(BC)?\s*[-–]|\b\d+ BC\b|\bBC\)')
PER_ROLE = re.compile(r'\b(emperor|king|queen|poet|politician|writer|painter|philosopher|actor|actress|singer|'
                      r'president|general|scholar|footballer|minister|chancellor|leader|dictator|novelist|'
                      r'composer|scientist|physicist|mathematician|businessman|player)\b', re.I)
NOT_PERSON = re.compile(r'\b(dynast(y|ies)|period|era|kingdoms?|war|band|temple|palace|classic)\b', re.I)
TITLES = {'General', 'King', 'Queen', 'Emperor', 'Empress', 'President', 'Prince', 'Princess', 'Sir', 'Dr', 'Saint',
          'St.', 'Pope', 'Chairman'}
ORG = re.compile(r'\b(organi[sz]ation|party|university|company|corporation|bank|agency|association|council|'
                 r'ministry|committee|brand|newspaper|inc|ltd|airlines?|institute|army|league|union|'
                 r'news agency|federation|group)\b', re.I)
LOC = re.compile(r'\b(capital|city|province|county|district|river|mountains?|lake|island|region|prefecture|'
                 r'country|state|town|village|sea|ocean|desert|peninsula|republic|kingdom|mt|autonomous|'
                 r'strait|gulf|bay|port|municipality)\b', re.I)
# Chinese local divisions: many thousands of entries world news rarely names.
LOCAL = re.compile(r'\b(county|district|township|town|village|banner|subprefecture|prefecture-level|'
                   r'county-level|urban area|suburban|commune|subdistrict|league)\b', re.I)
EAST_ASIAN = re.compile(r'\b(Chinese|PRC|Taiwan\w*|Hong Kong|Macau|CCP|Kuomintang|KMT|dynasty|Japanese|'
                        r'Korean|North Korea|South Korea|Three Kingdoms|Warring States|Spring and Autumn|'
                        r'Vietnamese|Mongolian|Manchu|Tibetan|Qing|Ming|Tang|Song|Yuan|Han|Jin|Zhou)\b|\d+ BC')
SKIP = re.compile(r'^(see|abbr|variant|old|lit\.|surname|used in|also written|erhua|short (name )?for|'
                  r'two-character surname|\()', re.I)
PINYIN_TONE = re.compile(r'[1-5]$')


def read_cedict(path):
    text = open(path, encoding='utf-8').read()
    rows = json.loads(text[text.index('{'):].rstrip().rstrip(';'))['all']
    out = []      # (hans, type, latins, order)
    for row in rows:
        trad, simp, pinyin, gloss = row[0], row[1], row[2], row[3]
        if not pinyin[:1].isupper():
            continue
        glosses = gloss if isinstance(gloss, list) else [gloss]
        if not glosses:
            continue
        g = glosses[0]
        if SKIP.match(g) or 'idiom' in g:
            continue
        hans = [h for h in dict.fromkeys((simp, trad)) if is_han(h)]
        if not hans:
            continue
        head = re.split(r' \(|,|;| \[| in | \d', g)[0].strip()
        # Dynasties, wars and eras carry dates too: the name itself says so ("Song dynasty").
        person = (PER_DATE.search(g) or PER_ROLE.search(g[len(head):])) and not NOT_PERSON.search(head)
        t = 'P' if person else 'O' if ORG.search(g) else 'L' if LOC.search(g) else 'M'
        if t in ('L', 'M') and LOCAL.search(g):
            continue
        latins = []
        for alt in re.split(r' or |/', head):
            toks = alt.split()
            while t == 'P' and len(toks) > 1 and toks[0] in TITLES:   # "General Than Shwe"
                toks.pop(0)
            if t == 'L':   # "Beijing municipality" -> "Beijing"
                while toks and toks[-1].islower():
                    toks.pop()
            name = clean_latin(' '.join(toks))
            if name and name not in latins:
                latins.append(name)
        if not latins:
            continue
        order = ''
        if t == 'P':
            # Family name first for East Asian people ("Xi Jinping", "Kim Jong-un", "Abe Shinzo"),
            # given name first for transliterated Western names ("Vladimir Putin").
            syl = [fold(PINYIN_TONE.sub('', s)) for s in pinyin.split()]
            first = fold(latins[0].split()[0]).replace('-', '')
            order = 'f' if (EAST_ASIAN.search(g) or (syl and first in (syl[0], ''.join(syl[:2])))) else 'g'
            if order == 'f' and len(latins[0].split()) == 1:
                order = ''   # a one-word name has no family/given order to speak of
        out.append((hans, t, latins, order))
    return out


def person_key(latin):
    """One person however the name is spelled or ordered: "Ts'ai Ing-wen" = "Tsai Ing-wen"."""
    return frozenset(fold(latin).replace("'", '').replace('-', '').replace('.', '').split())


def same_person(a, b):
    # One name's words within the other's: "Macron" (name) and "Emmanuel Macron" are one.
    ka, kb = person_key(a), person_key(b)
    return ka <= kb or kb <= ka


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('out')
    ap.add_argument('--enamdict', required=True)
    ap.add_argument('--enamdict-version', required=True)
    ap.add_argument('--cedict', required=True)
    ap.add_argument('--cedict-version', required=True)
    a = ap.parse_args()

    # han -> candidates (type, latins, order, family_chars, source's Han forms)
    by_han = defaultdict(list)
    for hans, t, latins, order in read_cedict(os.path.join(a.cedict, 'all.js')):
        if t == 'M':
            continue   # concepts, works, brands, dynasties: rarely a name in the news, and 4,000 lines
        for h in hans:
            by_han[h].append((t, tuple(latins), order, 0, tuple(hans)))
    n_enam = 0
    for han, latin, split in read_enamdict(a.enamdict):
        by_han[han].append(('P', (latin,), 'f', split, (han,)))
        n_enam += 1

    names = defaultdict(list)      # (type, latins, order, source forms) -> Han forms
    families = defaultdict(list)   # (family Han, family Latin) -> [(given Han, given Latin)]
    dropped = 0
    for han, cands in by_han.items():
        people = [c for c in cands if c[0] == 'P']
        if people:
            if any(not same_person(x[1][0], y[1][0]) for x in people for y in people):
                dropped += 1
                continue
            # The entry that knows the family-name split (ENAMDICT) wins, else CC-CEDICT's.
            chosen = max(people, key=lambda c: c[3])
        else:
            chosen = cands[0]   # CC-CEDICT's first entry of a headword is its main sense
        t, latins, order, split, group = chosen
        if split:
            fam, giv = latins[0].split()
            families[(han[:split], fam)].append((han[split:], giv))
        else:
            names[(t, latins, order if t == 'P' else '', group)].append(han)

    lines = sorted(f'{"|".join(sorted(hans))}\t{t}\t{"|".join(latins)}\t{order}'
                   for (t, latins, order, _g), hans in names.items())
    fam_lines = sorted(f'={fh}\t{fl}\t' + '|'.join(f'{gh} {gl}' for gh, gl in sorted(givens))
                       for (fh, fl), givens in families.items())
    n_people = sum(len(v) for v in families.values())
    with open(os.path.join(a.out, 'han-names.tsv'), 'w', encoding='utf-8') as f:
        f.write(f'# Latin readings of Han-script names (scripts/assets.d/hannames.py): CC-CEDICT {a.cedict_version} '
                f'(MDBG, CC BY-SA 4.0) people, places, organisations; ENAMDICT {a.enamdict_version} (EDRDG, CC BY-SA) '
                f'living people born {MIN_BIRTH_YEAR}+. {len(lines)} name lines, {len(fam_lines)} family lines '
                f'({n_people} people)\n')
        for line in lines + fam_lines:
            f.write(line + '\n')
    types = defaultdict(int)
    for line in lines:
        types[line.split('\t')[1]] += 1
    print(f'  hannames {len(lines)} name lines ({", ".join(f"{k} {v}" for k, v in sorted(types.items()))}), '
          f'{len(fam_lines)} family lines with {n_people} people; {n_enam} ENAMDICT people read; '
          f'{dropped} Han forms left out as two different people', file=sys.stderr)


if __name__ == '__main__':
    main()
