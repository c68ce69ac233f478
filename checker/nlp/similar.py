"""Near-duplicate texts (RR-20, CR-02): two risks worded almost alike are one risk recorded twice.

Texts are compared by their content: lower-cased lemmas of the English words and the Chinese
characters, without punctuation, so 'Key staff may leave' and 'Key staff might leave.' are alike.
The similarity is rapidfuzz's normalised Indel ratio (0–1). Comparing every pair is quadratic: up to
`PAIRWISE_LIMIT` distinct texts are compared pairwise (in C, by rapidfuzz), beyond that only texts
with the same content are grouped.
"""
from __future__ import annotations

import re
from typing import Sequence

from checker.nlp.reader import Reader

PAIRWISE_LIMIT = 3000
_KEEP = re.compile(r"[a-z0-9]+|[\u3400-\u9fff]")


def content(reader: Reader, text: str) -> str:
    """What a text says, for comparison: its words' lemmas (English) and characters (Chinese)."""
    t = " ".join((text or "").split())
    if not t:
        return ""
    parts = [w.lemma for w in reader.words(t) if w.is_word or w.text.isdigit()]
    return " ".join(p for p in (" ".join(_KEEP.findall(x.lower())) for x in parts) if p)


def similarity(reader: Reader, a: str, b: str) -> float:
    from rapidfuzz.distance import Indel

    return Indel.normalized_similarity(content(reader, a), content(reader, b))


def groups(reader: Reader, texts: Sequence[str], threshold: float = 0.9) -> list[list[int]]:
    """Groups (of two or more) of the positions of `texts` whose contents are at least `threshold` alike;
    blank texts are left out. Each group in text order, the groups by their first position."""
    keys: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        key = content(reader, text) if len(keys) < PAIRWISE_LIMIT * 10 else " ".join(text.lower().split())
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
