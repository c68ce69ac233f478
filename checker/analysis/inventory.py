"""The texts a document shows, gathered once per document for the rules that scan all of them.

Several rule kinds look for something rare in every paragraph and cell: template prompts (TBD, 【填写】),
template guidance, 大写 amounts, a declared currency. Walking the model and calling a prefilter per
text costs about a microsecond per text before a character is read, and a register repeats its cell
values (statuses, owners, categories) thousands of times. Here each *place* keeps the distinct texts
shown there, and a scan looks for literals in them joined into one string (`str.find`, at C speed),
mapping each match back to its text. A kind then does its exact work only for the few texts that can
hit, and walks the document — in its own order, for locations — only when one did. No owner (block,
cell) is kept per text, only references to the document's own strings, at any size: the inventory is
gathered in one walk, and a scan of a place with millions of characters joins them a chunk at a time
(`checker.text.search.TextSet`) instead of walking the document again.

Places keep apart what the kinds treat differently: paragraphs and table cells of the body outside
appendices, of appendices (where guidance belongs), and of page headers and footers; cells of visible
worksheets, and of hidden or appendix worksheets. A place's texts include the copies that merged cells
carry (they repeat the text of the cell they copy, so no text is added by them).
"""
from __future__ import annotations

import re
from itertools import chain
from operator import attrgetter
from typing import AbstractSet, Iterable, Iterator

from checker.analysis.context import Context
from checker.model.document import Document
from checker.model.elements import Block, Cell, Grid, Section, SheetRow
from checker.text.normalize import strip_numbering
from checker.text.search import Search, TextSet

APPENDIX_TITLE = re.compile(r"^\s*(?:appendix|appendices|annex|attachment|附录|附件|附表)", re.I)

# Where a text is shown (`Inventory.sets`).
BODY, APPENDIX, PAGE = "body", "appendix", "page"  # body outside / under an appendix heading; headers, footers
SHEET, SET_ASIDE = "sheet", "set_aside"  # visible worksheets; hidden or appendix worksheets
PARAGRAPH_PLACES = (BODY, APPENDIX, PAGE)
CELL_PLACES = (BODY, APPENDIX, PAGE, SHEET, SET_ASIDE)
_TEXT = attrgetter("text")


def is_appendix_section(title: str) -> bool:
    return bool(APPENDIX_TITLE.match(strip_numbering(title)))


def is_set_aside_sheet(sheet) -> bool:
    """A hidden worksheet, or one named like an appendix: not part of what the document asserts."""
    return sheet.hidden or bool(APPENDIX_TITLE.match(sheet.name))


def body_blocks(doc: Document) -> Iterator[tuple[Block, bool]]:
    """Every body block in document order (section headings included), and whether it is under an
    appendix heading (Appendix, Annex, 附录, 附件 …) or a sub-section of one."""
    for blocks, appendix in _section_blocks(doc.outline, False):
        for block in blocks:
            yield block, appendix


def _section_blocks(section: Section, in_appendix: bool) -> Iterator[tuple[list[Block], bool]]:
    """`body_blocks`, a section's blocks (its heading first) at a time."""
    appendix = in_appendix or (section.heading is not None and is_appendix_section(section.title))
    yield ([section.heading, *section.blocks] if section.heading is not None else section.blocks), appendix
    for child in section.children:
        yield from _section_blocks(child, appendix)


class Inventory:
    """The distinct texts of a document by place: `paragraphs[place]` (text blocks outside tables)
    and `cells[place]` (table and worksheet cells)."""

    def __init__(self, doc: Document):
        texts: dict[tuple[str, bool], set[str]] = {(p, False): set() for p in PARAGRAPH_PLACES}
        texts.update({(p, True): set() for p in CELL_PLACES})
        for key, batch in _walk(doc):
            texts[key].update(batch)
        self.paragraphs = {p: TextSet(texts[p, False]) for p in PARAGRAPH_PLACES}
        self.cells = {p: TextSet(texts[p, True]) for p in CELL_PLACES}

    def sets(self, paragraphs: Iterable[str] = PARAGRAPH_PLACES, cells: Iterable[str] = CELL_PLACES) -> list[TextSet]:
        return [self.paragraphs[p] for p in paragraphs] + [self.cells[p] for p in cells]

    def expect(self, searches: Iterable[Search]) -> None:
        """The searches the rules about to run will ask of these sets (`TextSet.expect`)."""
        searches = list(searches)
        for s in self.sets():
            s.expect(searches)


def _walk(doc: Document) -> Iterator[tuple[tuple[str, bool], Iterable[str]]]:
    """((place, whether cells), texts) for every text the document shows: a Word table or a worksheet
    row at a time, the paragraphs of a place at once. Merged cells' copies are included (they repeat the
    text of the cell they copy)."""
    parts = [(APPENDIX if appendix else BODY, blocks) for blocks, appendix in _section_blocks(doc.outline, False)]
    parts.append((PAGE, [*doc.headers, *doc.footers]))
    for place, blocks in parts:  # a section's blocks at a time: most are paragraphs
        yield (place, False), [b.text for b in blocks if b.grid is None or b.kind != "table"]
        for block in blocks:
            if block.grid is not None:
                yield from _rows(block.grid, place)
    for sheet in doc.sheets:
        yield from _rows(sheet.grid, SET_ASIDE if is_set_aside_sheet(sheet) else SHEET)


def _rows(grid: Grid, place: str) -> Iterator[tuple[tuple[str, bool], Iterable[str]]]:
    rows = grid.rows
    compact = [row for row in rows if row.__class__ is SheetRow]  # a big sheet's rows keep their texts
    key = (place, True)
    for row in compact:
        yield key, row.texts
    yield key, map(_TEXT, chain.from_iterable([row for row in rows if row.__class__ is not SheetRow] if compact else rows))


def cells_with(rows: Iterable, texts: AbstractSet[str]) -> Iterator[Cell]:
    """The cells of `rows` that are not merged copies and whose text is one of `texts`, in order.

    What a kind walks for locations once its scan found texts: a row that keeps its texts (a big
    register's) and holds none of them is passed over without building its cells.
    """
    for row in rows:
        if row.__class__ is SheetRow and texts.isdisjoint(row.texts):
            continue
        for cell in row:
            if cell.text in texts and not cell.merged:
                yield cell


def inventory(ctx: Context) -> Inventory:
    """The document's text inventory, built on first use and shared by every rule of the check."""
    return ctx.memo("inventory", lambda: Inventory(ctx.doc))
