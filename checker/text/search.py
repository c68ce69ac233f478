"""Literal search in many distinct texts at once: the texts joined into one string, `str.find` at C
speed, each match mapped back to its text (bisect). `checker.analysis.inventory` gathers a document's
texts into such sets; prefilters (`checker.text.prefilter`) say which literals to look for.
"""
from __future__ import annotations

import unicodedata
from array import array
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate
from typing import Iterable

from checker.text.normalize import nfkc

# Forms of a text a scan looks in, combinable: RAW, NFKC, LOWER (of the raw text), NFKC | LOWER.
RAW, NFKC, LOWER = 0, 1, 2
_SEP = "\x00"  # joins texts: XML 1.0 text cannot hold it, and no normalisation makes or removes it
_CHUNK = 1 << 21  # characters joined at a time; a set that fits in one chunk keeps its joined forms
_PLUS_ONE = (1).__add__


def _form_of(text: str, form: int) -> str:
    """One text in `form`: what a joined scan computes for all texts at once."""
    if form & NFKC:
        text = nfkc(text)
    return text.lower() if form & LOWER else text


class _Chunk:
    """Texts joined by `_SEP` in each form asked for so far, and where each text starts there (worked
    out on the first match only: a scan that finds nothing never needs it)."""

    __slots__ = ("texts", "ascii", "nfkc_same", "_joined", "_starts")

    def __init__(self, texts: list[str], ascii_only: bool):
        self.texts = texts
        self.ascii = ascii_only
        self.nfkc_same: bool | None = True if ascii_only else None  # whether NFKC leaves the texts alone
        self._joined: dict[int, str] = {}
        self._starts: dict[int, list[int]] = {}

    def key(self, form: int) -> int:
        """`form`, or the plainer form that has the same text (NFKC leaves ASCII and normalised text alone)."""
        if form & NFKC:
            if self.nfkc_same is None:
                self.nfkc_same = self._nfkc() is self.joined(RAW)
            if self.nfkc_same:
                return form & LOWER
        return form

    def _nfkc(self) -> str:
        got = self._joined.get(NFKC)
        if got is None:
            raw = self.joined(RAW)
            # `_SEP` is a starter that composes with nothing: normalising the whole normalises each text.
            got = self._joined[NFKC] = raw if unicodedata.is_normalized("NFKC", raw) else unicodedata.normalize("NFKC", raw)
        return got

    def joined(self, form: int) -> str:
        form = self.key(form)
        got = self._joined.get(form)
        if got is None:
            if form == RAW:
                got = _SEP.join(self.texts)
            elif form == NFKC:
                got = self._nfkc()
            else:
                got = self.joined(form & ~LOWER).lower()
            self._joined[form] = got
        return got

    def starts(self, form: int) -> list[int]:
        """Offsets of the texts in `joined(form)`, one past the end last (for `bisect`)."""
        form = self.key(form)
        got = self._starts.get(form)
        if got is None:
            joined = self.joined(form)
            if form == RAW:
                got = _starts(map(len, self.texts))
            elif form & LOWER and len(joined) == len(self.joined(form & ~LOWER)):
                # Lower-casing never shortens a character: an unchanged total length means every text kept its own.
                got = self.starts(form & ~LOWER)
            else:
                parts = joined.split(_SEP)
                # A text holding `_SEP` itself (never one read from a file) is measured on its own.
                got = _starts(map(len, parts) if len(parts) == len(self.texts)
                              else (len(_form_of(t, form)) for t in self.texts))
            self._starts[form] = got
        return got


def _starts(lengths: Iterable[int]) -> list[int]:
    return list(accumulate(map(_PLUS_ONE, lengths), initial=0))


class Search:
    """Literals to look for in some forms of the texts (`RAW`, `NFKC`, `LOWER`, `NFKC | LOWER`).

    An empty literal is in every text, so `Search(("",))` asks for all of them.
    """

    __slots__ = ("literals", "forms", "plan")

    def __init__(self, literals: Iterable[str], forms: Iterable[int] = (RAW,)):
        self.literals = tuple(literals)
        self.forms = tuple(forms)
        joinable = all(self.literals) and not any(_SEP in lit for lit in self.literals)
        self.plan = _plan(self.literals) if joinable else None  # None: a join could make or break a match

    def in_text(self, text: str) -> bool:
        return any(lit in _form_of(text, f) for f in self.forms for lit in self.literals)


class TextSet:
    """The distinct texts of one place, scanned joined rather than one call per text.

    ASCII texts are joined apart from the others: their joined string keeps one byte per character,
    lower-casing it is cheap, NFKC cannot change it, and literals outside ASCII need not be looked for.
    A set keeps its texts (references to the document's strings, at any size), and their joined forms
    when they fit in one chunk. A bigger one (a 200,000-paragraph plan) joins them again, a chunk at a
    time, for each scan, so that the joined copies never outlive the scan: time linear in the texts, and
    no more memory than one chunk's forms.
    """

    __slots__ = ("_ascii", "_other", "_kept", "_runs", "_found", "_expected", "_nfkc_same")

    def __init__(self, texts: set[str]):
        """`texts` is taken over (and emptied)."""
        self._ascii, self._other = _partition(texts)
        self._kept: list[_Chunk] | None = None
        self._runs: list[tuple[bool, int, int]] | None = None  # a bigger set's chunks: (ASCII, first, end)
        # (chunk number, form key) -> literal -> the chunk's texts holding it: several kinds look for the
        # same literals (TBD, TODO, '[' for the placeholders and for section emptiness), each once per set.
        self._found: dict[tuple[int, int], dict[str, set[str]]] = {}
        self._expected: dict[tuple[tuple[str, ...], tuple[int, ...]], Search] = {}
        self._nfkc_same: dict[int, bool] = {}  # chunk number -> `_Chunk.nfkc_same` of a chunk joined again

    def expect(self, searches: Iterable[Search]) -> None:
        """Searches that later scans will ask (the rules about to run say which). A set too big to keep
        its joined forms joins them again for each scan; when it does, it looks for these searches'
        literals too, so that each form of a chunk is joined once rather than once per rule."""
        for s in searches:
            if s.plan is not None:
                self._expected.setdefault((s.literals, s.forms), s)

    @property
    def texts(self) -> list[str]:
        return [t for chunk in self._chunks() for t in chunk.texts]

    def _chunks(self) -> Iterable[_Chunk]:
        if self._kept is not None:
            return self._kept
        if self._runs is None:
            lists = ((self._ascii, True), (self._other, False))
            if sum(map(len, self._ascii)) + sum(map(len, self._other)) <= _CHUNK:
                self._kept = [_Chunk(texts, ascii_only) for texts, ascii_only in lists if texts]
                return self._kept
            self._runs = [(ascii_only, first, end) for texts, ascii_only in lists for first, end in _split(texts)]
        # a generator: each chunk's forms go with it
        return (_Chunk((self._ascii if ascii_only else self._other)[first:end], ascii_only)
                for ascii_only, first, end in self._runs)

    def containing(self, searches: Iterable[Search]) -> set[str]:
        """The texts in which one of `searches` finds one of its literals."""
        found: set[str] = set()
        searches = list(searches)
        for n, chunk in enumerate(self._chunks()):
            if chunk.nfkc_same is None:
                chunk.nfkc_same = self._nfkc_same.get(n)
            for search in searches:
                if search.plan is None:
                    found.update(t for t in chunk.texts if search.in_text(t))
                    continue
                groups = search.plan.narrow if chunk.ascii else search.plan.groups
                for form in search.forms:
                    key = chunk.key(form)  # forms with the same text (NFKC of ASCII) share their results
                    memo = self._found.setdefault((n, key), {})
                    missing = [lit for _, group in groups for lit in group if lit not in memo]
                    if missing:
                        lowered = self._found.get((n, LOWER)) if chunk.ascii and key == RAW else None
                        _derive(key, missing, memo, lowered)
                    if all(lit in memo for _, group in groups for lit in group):
                        for _, group in groups:
                            for lit in group:
                                found |= memo[lit]
                    else:
                        if self._kept is None and self._expected:
                            self._scan_expected(n, chunk)
                        _scan(chunk, key, chunk.joined(key), groups, search.plan.chars, found, memo)
            if chunk.nfkc_same is not None and self._kept is None:
                self._nfkc_same[n] = chunk.nfkc_same
        return found

    def _scan_expected(self, n: int, chunk: _Chunk) -> None:
        """Look in chunk `n`, in every form asked of it, for the expected literals not looked for yet."""
        wanted: dict[int, set[str]] = {}
        for s in self._expected.values():
            for form in s.forms:
                key = chunk.key(form)
                memo = self._found.setdefault((n, key), {})
                wanted.setdefault(key, set()).update(
                    lit for lit in s.literals if lit not in memo and (lit.isascii() or not chunk.ascii))
        for key, literals in wanted.items():
            if literals:
                plan = _plan(tuple(sorted(literals)))
                _scan(chunk, key, chunk.joined(key), plan.narrow if chunk.ascii else plan.groups, plan.chars, set(),
                      self._found[n, key])


def _partition(texts: set[str]) -> tuple[list[str], list[str]]:
    """(ASCII texts, the others) of `texts`, which is emptied."""
    texts.discard("")
    other = [t for t in texts if not t.isascii()]
    texts.difference_update(other)
    ascii_texts = list(texts)
    texts.clear()
    return ascii_texts, other


class _Plan:
    """How to look for a set of literals in a joined text.

    Literals that contain another are dropped (they add no text). Literals that open with the same two
    characters form a group, looked for only when their common opening occurs (TBA, TBC, TBD: one
    search for 'tb' when the text has none). A literal with a character that the text never shows is
    not looked for at all (a one-character `in` is a `memchr`, far cheaper than a search).
    """

    def __init__(self, literals: tuple[str, ...]):
        kept: list[str] = []
        for lit in sorted(set(literals), key=len):
            if not any(k in lit for k in kept):
                kept.append(lit)
        by_opening: dict[str, list[str]] = {}
        for lit in sorted(kept):
            by_opening.setdefault(lit[:2], []).append(lit)
        self.groups = [(_common_prefix(g) if len(g) > 1 else "", tuple(g)) for g in by_opening.values()]
        self.narrow = [(o, tuple(x for x in g if x.isascii())) for o, g in self.groups if o.isascii()
                       and any(x.isascii() for x in g)]  # what an ASCII text can hold
        self.chars = frozenset("".join(kept))


@lru_cache(maxsize=256)
def _plan(literals: tuple[str, ...]) -> _Plan:
    return _Plan(literals)


def _common_prefix(words: list[str]) -> str:
    first, last = min(words), max(words)
    n = 0
    while n < min(len(first), len(last)) and first[n] == last[n]:
        n += 1
    return first[:n]


_MEMO_HITS = 1024  # a literal found in more texts than this is looked for again when asked again (memory)


def _scan(chunk: _Chunk, form: int, joined: str, groups: list, chars: frozenset, found: set[str],
          memo: dict[str, set[str]]) -> None:
    """Add to `found` the texts of `chunk` whose `form` (`joined`) contains a literal of `groups`;
    `memo` has the texts of the literals already looked for in this form, and gets those looked for now."""
    absent = {ch for ch in chars if ch not in joined}
    starts: list[int] | None = None
    texts = chunk.texts
    for opening, group in groups:
        skip = bool(opening) and ((absent and not absent.isdisjoint(opening)) or opening not in joined)
        for lit in group:
            hits = memo.get(lit)
            if hits is None:
                hits = set()
                if not skip and not (absent and not absent.isdisjoint(lit)):
                    pos = joined.find(lit)
                    while pos >= 0:  # one text per step: the next search starts at the following text
                        if starts is None:
                            starts = chunk.starts(form)
                        i = bisect_right(starts, pos) - 1
                        hits.add(texts[i])
                        pos = joined.find(lit, starts[i + 1])
                if len(hits) <= _MEMO_HITS:
                    memo[lit] = hits
            found |= hits


def _derive(form: int, literals: list[str], memo: dict[str, set[str]], lowered: dict[str, set[str]] | None) -> None:
    """Work out, without a scan, the texts of the literals whose texts are among a few already known:
    a text holding a literal holds any part of it, and, when ASCII, holds the literal lower-cased in its
    lower-case form (COM-02 looks for 'xxx' as written and lower-cased; 'here' and 'here to enter').
    `lowered`: the chunk's `LOWER` results, given for an ASCII chunk's `RAW` form."""
    for lit in literals:
        within = lowered.get(lit.lower()) if lowered is not None else None
        if within is None:
            within = next((hits for known, hits in memo.items() if known in lit), None)
        if within is not None:
            memo[lit] = {t for t in within if lit in _form_of(t, form)}


def _split(texts: list[str]) -> list[tuple[int, int]]:
    """(first, end) of the runs of `texts` of about `_CHUNK` characters."""
    ends = array("q", accumulate(map(len, texts)))  # 8 bytes a text, not a list of ints
    runs = []
    first = 0
    while first < len(texts):
        last = max(first + 1, bisect_right(ends, (ends[first - 1] if first else 0) + _CHUNK))
        runs.append((first, last))
        first = last
    return runs


def containing(sets: Iterable[TextSet], *searches: Search) -> set[str]:
    """The texts of `sets` in which one of `searches` finds one of its literals."""
    found: set[str] = set()
    for s in sets:
        found |= s.containing(searches)
    return found
