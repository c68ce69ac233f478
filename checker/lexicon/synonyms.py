"""The standard's vocabulary (document-type names, section, field and column synonyms), loaded once.

The words live in `rules/lexicons/*.yaml` so that a PMO can read and extend them; this module only
loads them and matches labels against them.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from checker.lexicon.files import words
from checker.text.normalize import has_cjk, norm_label, norm_label_without_unit

_UNSEEN: Any = object()


# A match at or above this score names its key (exact 1.0, suffix 0.85, distinctive or heading
# prefix 0.8); below it (containment, 0.6) a synonym only occurs inside the label.
STRONG = 0.8


@dataclass(frozen=True)
class Match:
    key: str
    score: float  # 1.0 exact, lower for prefix/containment matches
    synonym: str

    @property
    def strong(self) -> bool:
        """The label names the key (not just contains one of its synonyms)."""
        return self.score >= STRONG

    @property
    def bare_cjk_head(self) -> bool:
        """A longer label that only ends with a two-character Chinese synonym: '成本项目' ends with 项目
        but is a cost item, not the project ('Proposed Project' does name it)."""
        return self.score < 1.0 and has_cjk(self.synonym) and not _distinctive(self.synonym)


def _distinctive(synonym: str) -> bool:
    """≥ 3 Chinese characters or ≥ 2 English words (of a normalised synonym)."""
    return (len(synonym) >= 3) if has_cjk(synonym) else len(synonym.split()) >= 2


class Synonyms:
    """Maps labels to the standard's keys.

    In order: an exact match; the label *ending* with a synonym ('Total pre-approved budget' →
    budget, '项目总预算' → budget: the head noun comes last in English and Chinese alike); the label
    *starting* with a distinctive synonym ('Project Name (English)', '项目名称（中文）'); and
    containment of a distinctive synonym. Distinctive means ≥ 3 Chinese characters or ≥ 2 English
    words: a short word such as '项目' or 'Project' never captures a label by its first word
    ('Project Schedule' is not a project name).
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
                self._partial.append((n, key, _distinctive(n)))
        self._partial.sort(key=lambda item: -len(item[0]))  # longest synonym wins
        self._cache: dict[str, Match | None] = {}  # label -> match, partial matches allowed
        self._cache_whole: dict[str, Match | None] = {}  # the same, allow_partial=False
        # The partial candidates bucketed by last / first character (each bucket keeps the
        # longest-first order): a suffix match must end with the label's last character, a prefix
        # match start with its first; containment needs the distinctive ones only.
        self._by_last: dict[str, list[tuple[str, str, bool]]] = {}
        self._by_first: dict[str, list[tuple[str, str, bool]]] = {}
        for item in self._partial:
            self._by_last.setdefault(item[0][-1], []).append(item)
            if item[2]:
                self._by_first.setdefault(item[0][0], []).append(item)
        self._distinctive = [item for item in self._partial if item[2]]

    @classmethod
    def from_entries(cls, entries: Mapping[str, Any]) -> "Synonyms":
        return cls({key: words(entry) for key, entry in entries.items()})

    def match(self, label: str, *, allow_partial: bool = True) -> Match | None:
        cache = self._cache if allow_partial else self._cache_whole
        found = cache.get(label, _UNSEEN)
        if found is _UNSEEN:
            if len(cache) > 100_000:
                cache.clear()
            found = cache[label] = self._match(label, allow_partial)
        return found

    def _match(self, label: str, allow_partial: bool) -> Match | None:
        n = norm_label(label)
        if not n:
            return None
        for candidate in (n, norm_label_without_unit(label)):
            key = self._exact.get(candidate)
            if key:
                return Match(key, 1.0, candidate)
        if not allow_partial or len(n) > 60:
            return None
        for syn, key, _ in self._by_last.get(n[-1], ()):
            rest = len(n) - len(syn)
            if 0 < rest <= 20 and n.endswith(syn) and (has_cjk(syn) and len(syn) >= 2 or n[-len(syn) - 1] == " "):
                return Match(key, 0.85, syn)
        for syn, key, distinctive in self._by_first.get(n[0], ()):
            rest = len(n) - len(syn)
            if distinctive and 0 < rest <= 20 and n.startswith(syn) and (has_cjk(syn) or not n[len(syn)].isalnum()):
                return Match(key, STRONG, syn)
        for syn, key, distinctive in self._distinctive:
            if syn in n:
                return Match(key, 0.6, syn)
        return None

    def keys(self) -> set[str]:
        return set(self._exact.values())
