#!/usr/bin/env python3
"""Sorts the attributions `claims evaluate --show-errors` reports as missed into
families, by rules over the cue and the spans (no article text is read), and
prints each family's count and its lines.

    claims evaluate ../shared/data/polnear/dev --show-errors 100000 2> errors.txt
    python3 tools/error_families.py errors.txt

The rules are checked in order and the first that holds names the family, so a
negated participle counts as negated. Wrong proposals are not sorted here: whether
one is an attribution the annotators left out needs reading it (docs/extract.md).
"""
import re
import sys
from collections import defaultdict

RELATIVE = {"who", "which", "whom", "that"}
NEGATED_OR_MODAL = {
    "not", "n't", "never", "would", "could", "will", "should", "to", "refused",
    "yet", "able", "needs", "continues", "might", "may", "must",
}
NOMINAL = {"claim", "claims", "estimate", "promises", "answer", "statement"}
EVIDENCE = {
    "show", "shows", "showed", "shown", "find", "finds", "found", "indicate",
    "indicates", "indicated", "suggest", "suggests", "explains",
}
SAID = {
    "said", "says", "say", "told", "tell", "tells", "asked", "asks", "ask",
    "added", "add", "adds",
}
PERFECT = {"has", "have", "had"}


def family(source, cue, content):
    words = cue.replace("’", "'").split()
    lower = [w.lower().strip(":,") for w in words]
    source_words = source.split()
    if "=" in source:
        return "markup of an embedded post"
    if len(words) == 1 and words[0][0].isupper():
        return "a headline or subheading (a capitalized cue)"
    if (lower[-1] in NOMINAL and len(lower) <= 2) or "'s" in lower[0]:
        return 'nominal reports ("Trump\'s claim that")'
    if (source_words and source_words[-1].lower() in RELATIVE) or lower[0] in RELATIVE:
        return 'relative clauses ("who said", "which notes")'
    if any(w in NEGATED_OR_MODAL or w.endswith("n't") for w in lower):
        return 'negated, modal or infinitive cues ("did not respond", "to admit")'
    if lower[0].endswith("ing"):
        return 'participles far from their subject (", saying")'
    if lower[0] in EVIDENCE and len(lower) <= 3:
        return 'evidence verbs ("a poll shows", "the panel found")'
    while len(lower) > 1 and lower[0] in PERFECT:
        lower = lower[1:]
    if len(lower) > 1:
        return 'a cue with other words in it ("also contended", "asked Clinton about")'
    if len(source_words) > 6 or "," in source or "--" in source or "–" in source:
        return "a long speaker phrase with appositions or dashes"
    if lower[0] in SAID:
        return '"said", "told" or "asked" not taken: speaker or claim span off, or a sentence split'
    return 'other verbs not taken as cues ("vow", "insist", "disclose")'


def main():
    families = defaultdict(list)
    for line in open(sys.argv[1], encoding="utf-8"):
        if not line.startswith("MISSED "):
            continue
        _, rest = line.rstrip("\n").split(": ", 1)
        parts = rest.split(" | ")
        if len(parts) < 3:
            continue
        families[family(parts[0], parts[1], " | ".join(parts[2:]))].append(rest)
    total = sum(len(v) for v in families.values())
    print(f"missed: {total}")
    for name, lines in sorted(families.items(), key=lambda kv: -len(kv[1])):
        print(f"{len(lines):4}  {name}")
    if "-v" in sys.argv:
        for name, lines in families.items():
            print(f"\n## {name}")
            for text in lines:
                print("  ", text[:160])


if __name__ == "__main__":
    main()
