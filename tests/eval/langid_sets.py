#!/usr/bin/python3
"""Builds the language-ID evaluation sets from ../shared/eval into a scratch directory
(never into the project): one sentence per line, file name = gold language.

  langid_sets.py EVAL_DIR OUT_DIR
writes OUT_DIR/tatoeba.{fr,es,en}.txt and OUT_DIR/ner.{de,en,es,fr,it,ru,nl}.txt (NER sentences
rebuilt by joining tokens with spaces; lines without a letter and -DOCSTART- are left out).
"""
import os, sys

ev, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)

def has_letter(s):
    return any(c.isalpha() for c in s)

def write(name, lines):
    lines = [l for l in lines if has_letter(l)]
    with open(os.path.join(out, name), 'w', encoding='utf-8') as f:
        f.writelines(l + '\n' for l in lines)

tat = os.path.join(ev, 'tatoeba')
read = lambda p: [l.rstrip('\n') for l in open(os.path.join(tat, p), encoding='utf-8')]
write('tatoeba.fr.txt', read('tatoeba.fra-eng.fra'))
write('tatoeba.es.txt', read('tatoeba.spa-eng.spa'))
write('tatoeba.en.txt', read('tatoeba.fra-eng.eng') + read('tatoeba.spa-eng.eng'))

ner_files = {'de': ['wikineural_de_test'], 'en': ['wikigold_en_test', 'wikineural_en_test'],
             'es': ['conll_es_test', 'wikineural_es_test'], 'fr': ['wikineural_fr_test'],
             'it': ['wikineural_it_test'], 'ru': ['wikineural_ru_test'], 'nl': ['conll_nl_test']}
for lang, names in ner_files.items():
    sents = []
    for n in names:
        toks = []
        for line in open(os.path.join(ev, 'ner', n + '.conllu'), encoding='utf-8'):
            parts = line.rstrip('\n').split('\t')
            if len(parts) >= 2 and parts[0] != '':
                toks.append(parts[1])
            elif toks:
                if toks[0] != '-DOCSTART-': sents.append(' '.join(toks))
                toks = []
        if toks and toks[0] != '-DOCSTART-': sents.append(' '.join(toks))
    write('ner.%s.txt' % lang, sents)
