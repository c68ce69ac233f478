"""Document-type accuracy on the labelled corpus: overall, per repository, per type, and leave-one-repository-out.

Several documents of one repository often belong to one project, so a classifier tuned on them
would score well on their siblings and say little about the next PMO's files. Leave-one-repository-out
(LORO) trains on every repository but one and scores the one left out.

The hook for LORO is `checker.analysis.classify.train`, when the classifier has one:

    train(examples: list[tuple[str, str]]) -> Callable[[str], str]

`examples` are (absolute file path, labelled doc type) pairs of the training repositories; the
result predicts the doc type of a file path with what was learnt from them only. Until the
classifier has trainable parameters, the LORO figure is the plain accuracy and says so.
"""
from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from typing import Any, Callable

Trainer = Callable[[list[tuple[str, str]]], Callable[[str], str]]


@dataclass(frozen=True)
class Label:
    file: str  # relative to the corpus, '/' separators
    repo: str
    doc_type: str
    filled: str  # filled | template


def read_labels(path: str) -> dict[str, Label]:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return {r["file"]: Label(r["file"], r.get("repo") or r["file"].split("/", 1)[0], r["doc_type"],
                             (r.get("filled_or_template") or "").strip()) for r in rows}


def _share(right: int, total: int) -> dict[str, Any]:
    return {"right": right, "total": total, "accuracy": round(right / total, 4) if total else None}


def accuracy(labels: dict[str, Label], got: dict[str, str]) -> dict[str, Any]:
    """Plain accuracy of the types in `got` (file -> doc type) against the labels, with a confusion list."""
    by_repo: dict[str, list[int]] = {}
    by_type: dict[str, list[int]] = {}
    confusion: dict[tuple[str, str], list[str]] = {}
    right = 0
    for name, label in sorted(labels.items()):
        answer = got.get(name, "MISSING")
        ok = answer == label.doc_type
        right += ok
        for table, key in ((by_repo, label.repo), (by_type, label.doc_type)):
            counts = table.setdefault(key, [0, 0])
            counts[0] += ok
            counts[1] += 1
        if not ok:
            confusion.setdefault((label.doc_type, answer), []).append(name)
    return {
        **_share(right, len(labels)),
        "by_repository": {k: _share(*v) for k, v in sorted(by_repo.items())},
        "by_type": {k: _share(*v) for k, v in sorted(by_type.items())},
        "confusion": [{"labelled": lab, "got": ans, "files": files}
                      for (lab, ans), files in sorted(confusion.items(), key=lambda kv: (-len(kv[1]), kv[0]))],
    }


def trainer() -> Trainer:
    """The classifier's training entry point: fit on some repositories, predict the others."""
    from benchmarks.classifier import corpus_trainer

    return corpus_trainer()


def leave_one_repository_out(labels: dict[str, Label], root: str, train: Trainer) -> dict[str, Any]:
    """Train on all repositories but one, score the one left out, for each repository in turn."""
    got: dict[str, str] = {}
    for repo in sorted({label.repo for label in labels.values()}):
        examples = [(os.path.join(root, name), label.doc_type)
                    for name, label in sorted(labels.items()) if label.repo != repo]
        predict = train(examples)
        for name, label in sorted(labels.items()):
            if label.repo == repo:
                got[name] = predict(os.path.join(root, name))
    scored = accuracy(labels, got)
    return {"note": "LORO: trained on every repository but the one scored", **scored}
