#!/usr/bin/python3
"""Accuracy of predicted codes against a gold code, per set, as a markdown table row.

  langid_score.py GOLD PRED_FILE...   -> "acc und-rate top-confusions" per file, tab separated
"""
import collections, sys
gold = sys.argv[1]
for p in sys.argv[2:]:
    preds = [l.split('\t')[0].strip() for l in open(p, encoding='utf-8')]
    n = len(preds)
    ok = sum(1 for x in preds if x == gold)
    und = sum(1 for x in preds if x == 'und')
    wrong = collections.Counter(x for x in preds if x != gold)
    conf = ' '.join('%s:%d' % kv for kv in wrong.most_common(4))
    print('%.3f\t%.3f\t%d\t%s' % (ok / n if n else 0, und / n if n else 0, n, conf))
