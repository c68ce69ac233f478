"""The standard's vocabulary (document-type names, section, field and column synonyms), loaded once.

The words live in `rules/lexicons/*.yaml` so that a PMO can read and extend them; this module only
loads them and matches labels against them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from rapidfuzz import fuzz, process

from checker.lexicon.files import words
from checker.text.normalize import has_cjk, norm_label, norm_label_without_unit

_UNSEEN: Any = object()

# Scores of the looser evidence `Synonyms.candidates` weighs (see its docstring).
CORE = 0.9  # the same words once a 'project' prefix and possessives are dropped
CLOSE = 0.8  # a close spelling (rapidfuzz token_sort_ratio >= FUZZY)
COVERS = 0.8  # the label's words cover every content word of a synonym of two or more
WORD = 0.7  # the label holds a one-word synonym among a few other words
SUFFIX = 0.85  # the label ends with a synonym (its head noun), as `Synonyms.match` scores it
TAIL = 0.7  # the label is the head noun of a longer synonym ('Description' of 'Risk Description')
FUZZY = 90
_STOP = frozenset({"of", "the", "a", "an", "and", "or", "for", "to", "in", "on", "by", "with", "per", "vs", "&", "/"})
_CORE_EN = re.compile(r"^(?:the\s+)?project(?:'s|’s)?\s+|(?:'s|’s)(?=\s|$)")
_CORE_ZH = re.compile(r"^(?:本项目|该项目|项目)|的")
_WORDS = re.compile(r"[a-z0-9]+")
_POSSESSIVE_EN = re.compile(r"(?:'s|’s)(?=\s|$)")
_POSSESSIVE_ZH = re.compile(r"的")
_PLAN_ZH = re.compile(r"(?:管理)?(?:计划|规划)$|管理$")


def core_form(normalised: str, *, strip_project: bool = True) -> str:
    """A normalised label without a leading 'project'/'项目', possessives ('s, 的) and English
    plurals: 'Project Deliverables' and 'Deliverable', '项目的除外责任' and '除外责任' are one label.
    A plan component is the same whether called 'X Management Plan', 'X Plan' or 'X Management'
    ('Communication Plan', '风险管理' and '沟通管理计划' name their plans). Synonyms keep their
    'project' (`strip_project=False`): 'Name' is no 'Project Name', while 'Project Exclusions' is
    'Exclusions'."""
    if has_cjk(normalised):
        out = (_CORE_ZH if strip_project else _POSSESSIVE_ZH).sub("", normalised).strip()
        if _PLAN_ZH.search(out):
            out = _PLAN_ZH.sub("", out) or out
    else:
        out = (_CORE_EN if strip_project else _POSSESSIVE_EN).sub("", normalised)
        words = [w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w for w in out.split()]
        if len(words) >= 2 and words[-1] in ("plan", "management"):
            words = [w for w in words[:-1] if w != "management"] or words
        out = " ".join(words)
    out = out.strip()
    return out if len(out) >= (2 if has_cjk(out) else 4) else normalised


def content_words(normalised: str) -> tuple[str, ...]:
    """An English label's words without articles, prepositions and conjunctions."""
    return tuple(w for w in _WORDS.findall(normalised) if w not in _STOP)


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
        # Each synonym's first place in that order and its key: a label's prefixes are looked up here
        # (a few dict probes) instead of trying every synonym against the label.
        self.partial_rank: dict[str, tuple[int, str]] = {}
        for i, (syn, key, _) in enumerate(self._partial):
            self.partial_rank.setdefault(syn, (i, key))
        self._cache: dict[str, Match | None] = {}  # label -> match, partial matches allowed
        self._cache_whole: dict[str, Match | None] = {}  # the same, allow_partial=False
        self._cache_strong: dict[str, Match | None] = {}  # label -> `strong_match`, for labels not in `_cache`
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
        # Where a distinctive synonym may sit inside a label (`_contained`): one with a blank has its
        # second word at the start of a word of the label that is not its first (the label's words
        # split at its blanks), and is filed under that word's first two characters (one, for a word
        # of one character); one without a blank may be anywhere (a Chinese one: in a label that is
        # not ASCII). Positions in `_distinctive`, in its order.
        self._by_second: dict[str, list[int]] = {}
        self._short_second = False  # a synonym whose second word has one character
        self._unspaced: list[int] = []
        self._unspaced_cjk: list[int] = []
        for rank, (syn, _, _) in enumerate(self._distinctive):
            words = syn.split(" ")
            if len(words) > 1:
                self._by_second.setdefault(words[1][:2], []).append(rank)
                self._short_second = self._short_second or len(words[1]) < 2
            else:
                (self._unspaced if syn.isascii() else self._unspaced_cjk).append(rank)
        self._candidates: dict[str, tuple[Match, ...]] = {}
        # For the looser evidence: each synonym's core form and content words, and the English
        # synonyms as one list for rapidfuzz (one C call per label).
        self._core: dict[str, list[str]] = {}
        self._by_word: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        self._tails: dict[str, list[tuple[str, str]]] = {}
        for syn, key, _ in self._partial:
            self._core.setdefault(core_form(syn, strip_project=False), []).append(key)
            if not has_cjk(syn):
                cw = content_words(syn)
                if cw:
                    self._by_word.setdefault(cw[0], []).append((cw, key, syn))
                tails = [" ".join(cw[i:]) for i in range(1, len(cw))]
            else:
                tails = [syn[i:] for i in range(1, len(syn) - 1)]
            for tail in tails:
                if len(tail) >= (2 if has_cjk(tail) else 4):
                    self._tails.setdefault(tail, []).append((key, syn))
        self._latin = [(syn, key) for syn, key, _ in self._partial if not has_cjk(syn) and len(syn) >= 6]
        self._latin_names = [syn for syn, _ in self._latin]

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

    def strong_match(self, label: str) -> Match | None:
        """`match(label)` when it names a key (`Match.strong`), else None: what a heading or a part of
        one names. Worked out without `match`'s last test (a distinctive synonym anywhere in the
        label: a weak match, `_contained`) when `match` has not seen the label."""
        found = self._cache.get(label, _UNSEEN)
        if found is not _UNSEEN:
            return found if found is not None and found.strong else None
        found = self._cache_strong.get(label, _UNSEEN)
        if found is _UNSEEN:
            if len(self._cache_strong) > 100_000:
                self._cache_strong.clear()
            found = self._cache_strong[label] = self._match(label, True, strong_only=True)
        return found

    def _match(self, label: str, allow_partial: bool, strong_only: bool = False) -> Match | None:
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
                return Match(key, SUFFIX, syn)
        for syn, key, distinctive in self._by_first.get(n[0], ()):
            rest = len(n) - len(syn)
            if distinctive and 0 < rest <= 20 and n.startswith(syn) and (has_cjk(syn) or not n[len(syn)].isalnum()):
                return Match(key, STRONG, syn)
        if strong_only:
            return None  # containment is weak
        return self._contained(n)

    def _contained(self, n: str) -> Match | None:
        """The first distinctive synonym (longest first) inside normalised label `n` (a weak match):
        only those filed under the openings of the label's words after its first (`_by_second`), and
        those without a blank, are tried, not all of them (~100 `in` tests a label)."""
        ranks = self._unspaced if n.isascii() else self._unspaced + self._unspaced_cjk
        by_second, short = self._by_second, self._short_second
        for word in n.split(" ")[1:]:
            found = by_second.get(word[:2])
            if found is not None:
                ranks = ranks + found
            if short:
                found = by_second.get(word[:1])
                if found is not None:
                    ranks = ranks + found
        distinctive = self._distinctive
        for rank in sorted(set(ranks)) if len(ranks) > 1 else ranks:
            syn, key, _ = distinctive[rank]
            if syn in n:
                return Match(key, 0.6, syn)
        return None

    def candidates(self, label: str) -> tuple[Match, ...]:
        """Every key `label` may name with the best evidence for each, strongest first.

        Besides `match` (exact 1.0, suffix 0.85, distinctive prefix 0.8, containment 0.6): the
        same core words (`core_form`, 0.9); a close spelling ('Aknowledgement', 0.8); the label's
        words covering all the content words of a synonym of two or more ('Review of the project
        objectives' for 'Review of project objectives', 0.8); a one-word synonym among at most
        three other words ('Probability risk rating' holds 'probability', 0.7); the head noun of a
        longer synonym ('Description' of 'Risk Description', '描述' of '风险描述', 0.7). What a label names
        is the first candidate at or above `STRONG`; weaker ones need other evidence (a column's
        values, a section's content) and are what a "closest" list shows.
        """
        found = self._candidates.get(label)
        if found is None:
            if len(self._candidates) > 100_000:
                self._candidates.clear()
            found = self._candidates[label] = self._candidates_of(label)
        return found

    def _candidates_of(self, label: str) -> tuple[Match, ...]:
        n = norm_label(label)
        if not n or len(n) > 80:
            return ()
        best: dict[str, Match] = {}

        def put(key: str, score: float, syn: str) -> None:
            if key not in best or best[key].score < score:
                best[key] = Match(key, score, syn)

        for allow_partial in (False, True):
            m = self.match(label, allow_partial=allow_partial)
            if m is not None:
                put(m.key, m.score, m.synonym)
        core = core_form(n)
        for form in dict.fromkeys((core, core_form(n, strip_project=False))):
            for key in self._core.get(form, ()):
                put(key, CORE, form)
        tail = core if has_cjk(core) else " ".join(content_words(core))
        for key, syn in self._tails.get(tail, ()):
            put(key, TAIL, syn)
        if not has_cjk(n):
            words = content_words(n)
            present = set(words)
            for w in present:
                for cw, key, syn in self._by_word.get(w, ()):
                    if not set(cw) <= present:
                        continue
                    extra = len(words) - len(cw)
                    if len(cw) >= 2 and extra <= 3:
                        put(key, COVERS, syn)
                    elif len(cw) == 1 and 0 < extra <= 3 and len(w) >= 4:
                        put(key, WORD, syn)
            if len(n) >= 6 and self._latin:
                size = len(n.split())
                for syn, score, j in process.extract(n, self._latin_names, scorer=fuzz.token_sort_ratio,
                                                     processor=None, score_cutoff=FUZZY, limit=5):
                    if len(syn.split()) == size:  # a spelling of the same words, not one word fewer
                        put(self._latin[j][1], CLOSE if score < 100 else 1.0, syn)
        else:
            for syn, key, _ in self._partial:
                if has_cjk(syn) and len(syn) >= 2 and syn != n:
                    c = core_form(syn, strip_project=False)
                    if len(c) >= 2 and c in core and len(core) - len(c) <= 4:
                        # '申请变更的内容' ends with '变更内容' once its 的 is dropped: the suffix rule
                        # of `match` (the head noun comes last), for a distinctive synonym.
                        put(key, SUFFIX if core.endswith(c) and len(c) >= 3 else 0.75 if core.endswith(c) else 0.6, syn)
        return tuple(sorted(best.values(), key=lambda m: -m.score))

    def keys(self) -> set[str]:
        return set(self._exact.values())
