"""Near-duplicate texts (RR-20, CR-02): two risks worded almost alike are one risk recorded twice.

Texts are compared by their content: the lower-cased English words, numbers and Chinese characters,
without punctuation or spacing, so 'Key staff may leave' and 'Key staff might leave.' are alike (no
pipeline needed: at 90 % alike an inflection more or less changes little, and a register may hold
thousands of descriptions).
The similarity is rapidfuzz's normalised Indel ratio (0–1). Comparing every pair is quadratic: up to
`PAIRWISE_LIMIT` distinct texts are compared pairwise (in C, by rapidfuzz), beyond that only texts
with the same content are grouped.
"""
from __future__ import annotations

import re
from typing import Sequence

from checker.text.normalize import nfkc

PAIRWISE_LIMIT = 3000
_KEEP = re.compile(r"[a-z0-9]+|[\u3400-\u9fff]")


def content(text: str) -> str:
    """What a text says, for comparison: its lower-cased English words, numbers and Chinese characters."""
    return " ".join(_KEEP.findall(nfkc(text or "").lower()))


def similarity(a: str, b: str) -> float:
    from rapidfuzz.distance import Indel

    return Indel.normalized_similarity(content(a), content(b))


def groups(texts: Sequence[str], threshold: float = 0.9) -> list[list[int]]:
    """Groups (of two or more) of the positions of `texts` whose contents are at least `threshold` alike;
    blank texts are left out. Each group in text order, the groups by their first position."""
    keys: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        key = content(text)
        if key:
            keys.setdefault(key, []).append(i)
    distinct = list(keys)
    parent = list(range(len(distinct)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    if 1 < len(distinct) <= PAIRWISE_LIMIT:
        from rapidfuzz import process
        from rapidfuzz.distance import Indel

        scores = process.cdist(distinct, distinct, scorer=Indel.normalized_similarity, score_cutoff=threshold,
                               workers=1)
        for i in range(len(distinct)):
            for j in range(i + 1, len(distinct)):
                if scores[i][j] >= threshold:
                    parent[root(j)] = root(i)
    merged: dict[int, list[int]] = {}
    for n, key in enumerate(distinct):
        merged.setdefault(root(n), []).extend(keys[key])
    return sorted((sorted(g) for g in merged.values() if len(g) > 1), key=lambda g: g[0])
