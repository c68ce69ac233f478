"""Classification accuracy on a labelled corpus of real documents (run by hand, not a test).

    python -m benchmarks.corpus [CORPUS_DIR]      # default: ../shared/corpus

The corpus folder holds the documents and a `labels.tsv` (file, doc_type, language, ...). Prints
one line per document (file names only, never content) and the share classified as labelled.
"""
from __future__ import annotations

import csv
import os
import sys

from checker import check


def main(argv: list[str]) -> int:
    root = os.path.realpath(argv[0] if argv else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus"))
    labels_path = os.path.join(root, "labels.tsv")
    if not os.path.isfile(labels_path):
        print(f"no labels.tsv in {root}", file=sys.stderr)
        return 2
    with open(labels_path, encoding="utf-8") as fh:
        labels = {r["file"]: r for r in csv.DictReader(fh, delimiter="\t")}
    report = check([root])
    by_file = {os.path.relpath(os.path.realpath(d["path"]), root): d for d in report["documents"]}
    right = 0
    for name, label in sorted(labels.items()):
        doc = by_file.get(name, {})
        got = doc.get("doc_type", "MISSING")
        ok = got == label["doc_type"]
        right += ok
        err = (doc.get("error") or {}).get("code", "")
        print(f"{'ok ' if ok else 'BAD'} {label['doc_type']:<16} got {got:<16} "
              f"{doc.get('doc_type_confidence', 0) or 0:.2f} {doc.get('language', ''):<5} {err:<10} {name}")
    print(f"\n{right}/{len(labels)} classified as labelled ({right / len(labels):.0%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
