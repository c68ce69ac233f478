"""What a table column holds, told by its values: dates, numbers, percentages, ratings, ids or text.

A header says what a column should hold; its values say what it does. Real registers carry two
columns under one name ('Impact' as a free-text consequence beside an 'Impact risk rating' of 1–5),
or a column whose header matches nothing ('No.' of 1, 2, 3 as the identifier). The register view
weighs each header match by whether the column's values fit the key (`fits`), so that a rating
key goes to the column of ratings. A column type is the kind most of its filled cells have
(`column_kind`); a column with too few filled cells, or no dominant kind, is `None`: it fits any key.
"""
from __future__ import annotations

import re
from typing import Iterable, Literal

from checker.lexicon.vocabulary import Vocabulary, derived
from checker.model.elements import Cell
from checker.text.dates import parse_date
from checker.text.normalize import nfkc, norm_label

Kind = Literal["date", "number", "percent", "rating", "id", "text"]

# Which kinds of value a column meant to hold `expected` may show (doctypes.yaml `values:`).
_FITS: dict[str, frozenset[str]] = {
    "rating": frozenset({"number", "percent", "rating"}),
    "date": frozenset({"date"}),
    "id": frozenset({"id", "number"}),
    "text": frozenset({"text", "rating"}),
}
DOMINANT = 0.6  # share of the filled cells that makes a kind the column's kind
MIN_FILLED = 2  # fewer filled cells than this say nothing about the column
_SAMPLE = 60  # filled cells looked at per column

_PERCENT = re.compile(r"^\s*-?\d+(?:[.,]\d+)?\s*%\s*$")
_NUMBER = re.compile(r"^\s*[$¥￥€£]?\s*-?\d+(?:[.,]\d+)*\s*$")
_ID = re.compile(r"^\s*[A-Za-z]{0,6}[-_ ]?\d{1,6}(?:[.\-]\d{1,4})*\s*$")


@derived
def rating_words(vocab: Vocabulary) -> frozenset[str]:
    """Scale and RAG words (normalised): 'High', 'Very Low', '中', 'Amber', …"""
    words: set[str] = set()
    maps = (vocab.common.get("risk_scales") or {}).get("label_maps") or {}
    for levels in maps.values():
        for ws in (levels or {}).values():
            words.update(norm_label(str(w)) for w in ws or ())
    for ws in (vocab.common.get("rag") or {}).values():
        words.update(norm_label(str(w)) for w in ws or ())
    words.update(("critical", "med", "moderate", "低风险", "中风险", "高风险"))
    return frozenset(w for w in words if w)


def value_kind(vocab: Vocabulary, cell: Cell) -> Kind | None:
    """The kind of one filled cell (None when blank)."""
    text = cell.text.strip()
    if not text or cell.merged:
        return None
    value = cell.value
    if isinstance(value, bool):
        return "text"
    if isinstance(value, (int, float)):
        return "percent" if text.endswith("%") else "number"
    if value is not None and parse_date(value) is not None:
        return "date"
    t = nfkc(text)
    if _PERCENT.match(t):
        return "percent"
    if _NUMBER.match(t):
        return "number"
    if norm_label(t) in rating_words(vocab):
        return "rating"
    if _ID.match(t):
        return "id"
    if len(t) <= 40 and parse_date(t) is not None:
        return "date"
    return "text"


def column_kind(vocab: Vocabulary, cells: Iterable[Cell]) -> Kind | None:
    """The kind most filled cells of a column have, or None (too few filled cells, no majority)."""
    counts: dict[str, int] = {}
    filled = 0
    for cell in cells:
        kind = value_kind(vocab, cell)
        if kind is None:
            continue
        counts[kind] = counts.get(kind, 0) + 1
        filled += 1
        if filled >= _SAMPLE:
            break
    if filled < MIN_FILLED:
        return None
    kind, n = max(counts.items(), key=lambda kv: kv[1])
    if kind in ("number", "percent", "rating"):  # a scale mixes them: 3, 'High', 40%
        n = counts.get("number", 0) + counts.get("percent", 0) + counts.get("rating", 0)
    return kind if n >= DOMINANT * filled else None  # type: ignore[return-value]


def fits(expected: str | None, kind: Kind | None) -> bool:
    """Whether a column of `kind` can hold values meant to be `expected` (unknown either way: yes)."""
    if expected is None or kind is None:
        return True
    allowed = _FITS.get(expected)
    return allowed is None or kind in allowed
