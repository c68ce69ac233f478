"""The texts a document shows, gathered once per document for the rules that scan all of them.

Several rule kinds look for something rare in every paragraph and cell: template prompts (TBD, 【填写】),
template guidance, 大写 amounts, a declared currency. Walking the model and calling a prefilter per
text costs about a microsecond per text before a character is read, and a register repeats its cell
values (statuses, owners, categories) thousands of times. Here each *place* keeps the distinct texts
shown there, and a scan looks for literals in them joined into one string (`str.find`, at C speed),
mapping each match back to its text. A kind then does its exact work only for the few texts that can
hit, and walks the document — in its own order, for locations — only when one did. No owner (block,
cell) is kept per text: a 200,000-row register would pay megabytes for it on every check.

Places keep apart what the kinds treat differently: paragraphs and table cells of the body outside
appendices, of appendices (where guidance belongs), and of page headers and footers; cells of visible
worksheets, and of hidden or appendix worksheets. A place's texts include the copies that merged cells
carry (they repeat the text of the cell they copy, so no text is added by them).
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate, chain
from operator import attrgetter
from typing import Iterable, Iterator

from checker.kinds.base import Context
from checker.model import Block, Document, Grid, SheetRow
from checker.text import nfkc, strip_numbering

APPENDIX_TITLE = re.compile(r"^\s*(?:appendix|appendices|annex|attachment|附录|附件|附表)", re.I)

# Where a text is shown (`Inventory.sets`).
BODY, APPENDIX, PAGE = "body", "appendix", "page"  # body outside / under an appendix heading; headers, footers
SHEET, SET_ASIDE = "sheet", "set_aside"  # visible worksheets; hidden or appendix worksheets
PARAGRAPH_PLACES = (BODY, APPENDIX, PAGE)
CELL_PLACES = (BODY, APPENDIX, PAGE, SHEET, SET_ASIDE)

# Forms of a text a scan looks in, combinable: RAW, NFKC, LOWER (of the raw text), NFKC | LOWER.
RAW, NFKC, LOWER = 0, 1, 2

_SEP = "\x00"  # joins texts: XML 1.0 text cannot hold it, and no normalisation makes or removes it
_CHUNK = 1 << 20  # characters joined at a time: the copies a scan makes stay small
_KEEP = 1 << 20  # a set of at most this many characters keeps its joined forms for the next scan
_PLUS_ONE = (1).__add__
_TEXT = attrgetter("text")


def is_appendix_section(title: str) -> bool:
    return bool(APPENDIX_TITLE.match(strip_numbering(title)))


def is_set_aside_sheet(sheet) -> bool:
    """A hidden worksheet, or one named like an appendix: not part of what the document asserts."""
    return sheet.hidden or bool(APPENDIX_TITLE.match(sheet.name))


def body_blocks(doc: Document) -> Iterator[tuple[Block, bool]]:
    """Every body block in document order (section headings included), and whether it is under an
    appendix heading (Appendix, Annex, 附录, 附件 …) or a sub-section of one."""
    def walk(section, in_appendix: bool) -> Iterator[tuple[Block, bool]]:
        appendix = in_appendix or (section.heading is not None and is_appendix_section(section.title))
        if section.heading is not None:
            yield section.heading, appendix
        for block in section.blocks:
            yield block, appendix
        for child in section.children:
            yield from walk(child, appendix)

    return walk(doc.outline, False)


def _form_of(text: str, form: int) -> str:
    """One text in `form`: what a joined scan computes for all texts at once."""
    if form & NFKC:
        text = nfkc(text)
    return text.lower() if form & LOWER else text


class _Chunk:
    """Texts joined by `_SEP` in each form asked for so far, and where each text starts there (worked
    out on the first match only: a scan that finds nothing never needs it)."""

    __slots__ = ("texts", "ascii", "_joined", "_starts")

    def __init__(self, texts: list[str], ascii_only: bool):
        self.texts = texts
        self.ascii = ascii_only
        self._joined: dict[int, str] = {}
        self._starts: dict[int, list[int]] = {}

    def _key(self, form: int) -> int:
        """`form`, or the plainer form that has the same text (NFKC leaves ASCII and normalised text alone)."""
        if form & NFKC and (self.ascii or self._nfkc() is self.joined(RAW)):
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
        form = self._key(form)
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
        form = self._key(form)
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


class TextSet:
    """The distinct texts of one place, scanned joined rather than one call per text.

    ASCII texts are joined apart from the others: their joined string keeps one byte per character,
    lower-casing it is cheap, NFKC cannot change it, and literals outside ASCII need not be looked for.
    A small set keeps its joined forms for the next scan; a big one (a 200,000-row register) joins a
    chunk at a time and lets it go, so that scanning it never holds a copy of all its text.
    """

    __slots__ = ("texts", "_ascii", "_other", "_kept")

    def __init__(self, texts: Iterable[str]):
        distinct = set(texts)
        distinct.discard("")
        self.texts = list(distinct)
        self._other = [t for t in self.texts if not t.isascii()]
        self._ascii = list(distinct.difference(self._other)) if self._other else self.texts
        self._kept: list[_Chunk] | None = None

    def __len__(self) -> int:
        return len(self.texts)

    def _chunks(self) -> list[_Chunk]:
        if self._kept is not None:
            return self._kept
        chunks = [_Chunk(part, ascii_only) for texts, ascii_only in ((self._ascii, True), (self._other, False))
                  for part in _split(texts)]
        if sum(map(len, self.texts)) <= _KEEP:
            self._kept = chunks
        return chunks

    def containing(self, literals: Iterable[str], forms: Iterable[int] = (RAW,)) -> set[str]:
        """The texts of which one of `forms` contains one of `literals`."""
        literals, forms = tuple(literals), tuple(forms)
        if not all(literals) or any(_SEP in lit for lit in literals):  # a match a join could make or break
            return {t for t in self.texts if any(lit in _form_of(t, f) for f in forms for lit in literals)}
        plan = _plan(literals)
        found: set[str] = set()
        for chunk in self._chunks():
            groups = plan.narrow if chunk.ascii else plan.groups
            done: list[str] = []
            for form in forms:
                joined = chunk.joined(form)
                if not any(joined is d for d in done):
                    done.append(joined)
                    _scan(chunk, form, joined, groups, plan.chars, found)
        return found


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


def _scan(chunk: _Chunk, form: int, joined: str, groups: list, chars: frozenset, found: set[str]) -> None:
    """Add to `found` the texts of `chunk` whose `form` (`joined`) contains a literal of `groups`."""
    absent = {ch for ch in chars if ch not in joined}
    starts: list[int] | None = None
    texts = chunk.texts
    for opening, group in groups:
        if opening and ((absent and not absent.isdisjoint(opening)) or opening not in joined):
            continue
        for lit in group:
            if absent and not absent.isdisjoint(lit):
                continue
            pos = joined.find(lit)
            while pos >= 0:  # one text per step: the next search starts at the following text
                if starts is None:
                    starts = chunk.starts(form)
                i = bisect_right(starts, pos) - 1
                found.add(texts[i])
                pos = joined.find(lit, starts[i + 1])


def _split(texts: list[str]) -> Iterator[list[str]]:
    """`texts` in runs of about `_CHUNK` characters."""
    if not texts:
        return
    if sum(map(len, texts)) <= _CHUNK:
        yield texts
        return
    ends = list(accumulate(map(len, texts)))
    first = 0
    while first < len(texts):
        last = max(first + 1, bisect_right(ends, (ends[first - 1] if first else 0) + _CHUNK))
        yield texts[first:last]
        first = last


def containing(sets: Iterable[TextSet], literals: Iterable[str], forms: Iterable[int] = (RAW,)) -> set[str]:
    """The texts of `sets` of which one of `forms` contains one of `literals`."""
    literals, forms = tuple(literals), tuple(forms)
    found: set[str] = set()
    for s in sets:
        found |= s.containing(literals, forms)
    return found


class Inventory:
    """The distinct texts of a document by place: `paragraphs[place]` (text blocks outside tables)
    and `cells[place]` (table and worksheet cells)."""

    def __init__(self, doc: Document):
        paragraphs: dict[str, set[str]] = {p: set() for p in PARAGRAPH_PLACES}
        cells: dict[str, set[str]] = {p: set() for p in CELL_PLACES}

        def add(block: Block, place: str) -> None:
            if block.grid is not None:
                _add_grid(cells[place], block.grid)
            if block.grid is None or block.kind != "table":
                paragraphs[place].add(block.text)

        for block, appendix in body_blocks(doc):
            add(block, APPENDIX if appendix else BODY)
        for block in (*doc.headers, *doc.footers):
            add(block, PAGE)
        for sheet in doc.sheets:
            _add_grid(cells[SET_ASIDE if is_set_aside_sheet(sheet) else SHEET], sheet.grid)
        self.paragraphs = {p: TextSet(t) for p, t in paragraphs.items()}
        self.cells = {p: TextSet(t) for p, t in cells.items()}

    def sets(self, paragraphs: Iterable[str] = PARAGRAPH_PLACES, cells: Iterable[str] = CELL_PLACES) -> list[TextSet]:
        return [self.paragraphs[p] for p in paragraphs] + [self.cells[p] for p in cells]


def _add_grid(into: set[str], grid: Grid) -> None:
    rows = grid.rows
    compact = [row for row in rows if row.__class__ is SheetRow]  # a big sheet's rows keep their texts
    for row in compact:
        into.update(row.texts)
    into.update(map(_TEXT, chain.from_iterable([row for row in rows if row.__class__ is not SheetRow] if compact else rows)))


def inventory(ctx: Context) -> Inventory:
    """The document's text inventory, built on first use and shared by every rule of the check."""
    return ctx.memo("inventory", lambda: Inventory(ctx.doc))
