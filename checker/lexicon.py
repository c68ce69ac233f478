"""The standard's vocabulary (document-type names, section, field and column synonyms), loaded once.

The words live in `rules/lexicons/*.yaml` so that a PMO can read and extend them; this module only
loads them and matches labels against them.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

import yaml

from checker.text import has_cjk, norm_label, norm_label_without_unit

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
LEXICON_DIR = RULES_DIR / "lexicons"


@lru_cache(maxsize=None)
def load(name: str) -> dict[str, Any]:
    """One lexicon file, `rules/lexicons/<name>.yaml`, parsed once per process."""
    with open(LEXICON_DIR / f"{name}.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


def doc_types() -> dict[str, Any]:
    return load("doctypes")


def common() -> dict[str, Any]:
    return load("common")


def words(entry: Any) -> list[str]:
    """All synonyms of an entry written as `{en: [...], zh: [...]}`, a plain list, or a string."""
    if entry is None:
        return []
    if isinstance(entry, str):
        return [entry]
    if isinstance(entry, Mapping):
        out: list[str] = []
        for lang in ("en", "zh"):
            out.extend(str(w) for w in entry.get(lang) or [])
        return out
    return [str(w) for w in entry]


@dataclass(frozen=True)
class Match:
    key: str
    score: float  # 1.0 exact, lower for prefix/containment matches
    synonym: str


class Synonyms:
    """Maps labels to the standard's keys: exact match first, then prefix, then containment.

    Containment is allowed only for distinctive synonyms (≥ 3 Chinese characters or ≥ 2 English
    words) so that a short word such as 'Risk' or '状态' does not capture every label.
    """

    def __init__(self, mapping: Mapping[str, Iterable[str]]):
        self._exact: dict[str, str] = {}
        self._partial: list[tuple[str, str, bool]] = []  # (normalised synonym, key, distinctive)
        for key, syns in mapping.items():
            for syn in syns:
                n = norm_label(syn)
                if not n:
                    continue
                self._exact.setdefault(n, key)
                distinctive = (has_cjk(n) and len(n) >= 3) or (not has_cjk(n) and len(n.split()) >= 2)
                self._partial.append((n, key, distinctive))
        self._partial.sort(key=lambda item: -len(item[0]))  # longest synonym wins

    @classmethod
    def from_entries(cls, entries: Mapping[str, Any]) -> "Synonyms":
        return cls({key: words(entry) for key, entry in entries.items()})

    def match(self, label: str, *, allow_partial: bool = True) -> Match | None:
        n = norm_label(label)
        if not n:
            return None
        for candidate in (n, norm_label_without_unit(label)):
            key = self._exact.get(candidate)
            if key:
                return Match(key, 1.0, candidate)
        if not allow_partial or len(n) > 60:
            return None
        for syn, key, distinctive in self._partial:
            if n.startswith(syn) and (len(syn) >= 4 or has_cjk(syn)) and len(n) - len(syn) <= 20:
                return Match(key, 0.8, syn)
        for syn, key, distinctive in self._partial:
            if distinctive and syn in n:
                return Match(key, 0.6, syn)
        return None

    def keys(self) -> set[str]:
        return set(self._exact.values())
