#!/usr/bin/env python3
"""Fits the confidence model of `claims extract` (src/extract/confidence.rs).

    cargo run --release --example confidence_features -- ../shared/data/polnear/train > /tmp/train.tsv
    cargo run --release --example confidence_features -- ../shared/data/polnear/dev > /tmp/dev.tsv
    python3 tools/fit_confidence.py /tmp/train.tsv /tmp/dev.tsv > src/extract/confidence.tsv

L2-regularised logistic regression over indicator features (scikit-learn),
fitted on train only; dev is printed for comparison (to stderr), never
fitted on. Features seen fewer than MIN_COUNT times in train are dropped,
so that the weights generalise rather than remember single articles.
"""
import sys
from collections import Counter

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

MIN_COUNT = 3
C = 0.25


def read(path):
    labels, rows = [], []
    for line in open(path, encoding="utf-8"):
        fields = line.rstrip("\n").split("\t")
        labels.append(int(fields[0]))
        rows.append({f: 1 for f in fields[1:]})
    return labels, rows


train_y, train_x = read(sys.argv[1])
counts = Counter(f for row in train_x for f in row)
keep = lambda row: {f: v for f, v in row.items() if counts[f] >= MIN_COUNT}
vectorizer = DictVectorizer()
x = vectorizer.fit_transform([keep(r) for r in train_x])
model = LogisticRegression(C=C, max_iter=2000).fit(x, train_y)
print(f"train AUC {roc_auc_score(train_y, model.predict_proba(x)[:, 1]):.3f}", file=sys.stderr)
if len(sys.argv) > 2:
    dev_y, dev_x = read(sys.argv[2])
    p = model.predict_proba(vectorizer.transform([keep(r) for r in dev_x]))[:, 1]
    print(f"dev AUC {roc_auc_score(dev_y, p):.3f}", file=sys.stderr)
    high = [(q, y) for q, y in zip(p, dev_y) if q >= 0.9]
    if high:
        print(f"dev at 0.9 or more: {len(high)}, {sum(y for _, y in high) / len(high):.3f} right", file=sys.stderr)
print("# Logistic weights for src/extract/confidence.rs, fitted on PolNeAR train by")
print(f"# tools/fit_confidence.py (C={C}, features seen at least {MIN_COUNT} times).")
print(f"bias\t{model.intercept_[0]:.4f}")
for name, weight in sorted(zip(vectorizer.feature_names_, model.coef_[0]), key=lambda t: -abs(t[1])):
    if abs(weight) >= 0.005:
        print(f"{name}\t{weight:.4f}")
