#!/usr/bin/env python3
"""Check gold files against ../shared/docs/gold-format.md.

usage: check_gold.py GOLD_DIR TEXTS_DIR

For every GOLD_DIR/NAME.csv: the header is doc,anchor,holder,topic,stance; doc is NAME.txt;
the anchor is 5-60 characters, occurs exactly once in TEXTS_DIR/NAME.txt (decoded as UTF-8,
a leading BOM not counted); holder, topic and stance are starter ids of the guidelines.
Prints every problem as file:line: problem and exits 1 if there was any.
"""
import csv, os, sys

PERSONS = "trump zelensky putin starmer macron merz meloni stubb von_der_leyen rutte witkoff lavrov zakharova ushakov vance biden tusk".split()
COLLECTIVES = "usa russia ukraine europe eu nato uk france germany italy finland poland baltics china un".split()
TOPICS = "security_guarantees collective_defense ceasefire peace_talks troop_deployment nato_membership territorial_concessions sanctions military_aid prisoner_exchange".split()
STANCES = "support reject conditional".split()

def main(gold_dir, texts_dir):
    problems = 0
    total = 0
    for name in sorted(os.listdir(gold_dir)):
        if not name.endswith(".csv"):
            continue
        path = os.path.join(gold_dir, name)
        stem = name[:-4]
        text_path = os.path.join(texts_dir, stem + ".txt")
        def bad(line, msg):
            nonlocal problems
            problems += 1
            print(f"{path}:{line}: {msg}")
        if not os.path.exists(text_path):
            bad(1, f"no article {text_path}")
            continue
        text = open(text_path, "rb").read().decode("utf-8")
        if text.startswith("\ufeff"):
            text = text[1:]
        seen = set()
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        if not rows or rows[0] != ["doc", "anchor", "holder", "topic", "stance"]:
            bad(1, "header must be doc,anchor,holder,topic,stance")
            continue
        for i, row in enumerate(rows[1:], start=2):
            if len(row) != 5:
                bad(i, f"expected 5 fields, found {len(row)}")
                continue
            doc, anchor, holder, topic, stance = row
            total += 1
            if doc != stem + ".txt":
                bad(i, f"doc is {doc!r}, expected {stem + '.txt'!r}")
            if not 5 <= len(anchor) <= 60:
                bad(i, f"anchor has {len(anchor)} characters (5 to 60 allowed)")
            n = text.count(anchor)
            if n != 1:
                bad(i, f"anchor {anchor!r} occurs {n} times in the article (must be exactly once)")
            if holder not in PERSONS + COLLECTIVES:
                bad(i, f"holder {holder!r} is not a starter actor id")
            if topic not in TOPICS:
                bad(i, f"topic {topic!r} is not a starter topic id")
            if stance not in STANCES:
                bad(i, f"stance {stance!r} is not support/reject/conditional")
            key = (anchor, holder, topic, stance)
            if key in seen:
                bad(i, "duplicate record")
            seen.add(key)
    print(f"{total} records checked, {problems} problems")
    return 1 if problems else 0

if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
