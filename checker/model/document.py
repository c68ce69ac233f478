"""A whole document: its blocks, grids, fields, properties and sheets, as every reader builds it."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Literal

from checker.model.elements import Block, Comment, Field, Grid, Properties, Section, Sheet
from checker.model.outline import build_outline


@dataclass
class Document:
    """Everything a rule may read about one file."""

    path: str
    format: Literal["docx", "docm", "xlsx", "xlsm"]
    blocks: list[Block] = field(default_factory=list)  # body in order (Word); empty for workbooks
    headers: list[Block] = field(default_factory=list)  # page header content (Word)
    footers: list[Block] = field(default_factory=list)
    fields: list[Field] = field(default_factory=list)
    properties: Properties = field(default_factory=Properties)
    comments: list[Comment] = field(default_factory=list)
    sheets: list[Sheet] = field(default_factory=list)
    has_macros: bool = False
    external_targets: list[str] = field(default_factory=list)  # external relationships, never fetched
    _outline: Section | None = field(default=None, repr=False)
    _lists: tuple | None = field(default=None, repr=False, compare=False)  # `_listed`

    @property
    def is_workbook(self) -> bool:
        return self.format in ("xlsx", "xlsm")

    @property
    def outline(self) -> Section:
        """The section tree built from headings (built once, on first use)."""
        if self._outline is None:
            self._outline = build_outline(self.blocks)
        return self._outline

    @property
    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "heading"]

    def grids(self) -> Iterator[Grid]:
        """Every grid: Word tables (body, header, footer) and worksheets."""
        for block in self._listed()[0]:
            yield block.grid  # type: ignore[misc]
        for sheet in self.sheets:
            yield sheet.grid

    def text_blocks(self) -> Iterator[Block]:
        """Every text-bearing block outside tables, page headers and footers included."""
        return iter(self._listed()[1])

    def _listed(self) -> tuple[tuple[Block, ...], tuple[Block, ...]]:
        """(the blocks that hold a grid, the text blocks), listed once: many rules ask for them, and a
        20,000-paragraph plan has few tables. Listed again when blocks were added (a reader still at work)."""
        sizes = (len(self.blocks), len(self.headers), len(self.footers))
        if self._lists is None or self._lists[0] != sizes:
            every = (*self.blocks, *self.headers, *self.footers)
            self._lists = (sizes, tuple(b for b in every if b.grid is not None), tuple(b for b in every if b.kind != "table"))
        return self._lists[1], self._lists[2]

    def all_text(self, limit: int | None = None) -> str:
        """All visible text, for classification and language detection.

        With `limit`, stops collecting once the text is at least that long: the result then starts
        with the same `limit` characters as the full text (callers slice), without joining every
        cell of a big workbook into one string.
        """
        parts: list[str] = []
        size = 0
        for text in self._texts():
            parts.append(text)
            if limit is not None:
                size += len(text) + 1
                if size >= limit:
                    break
        return "\n".join(parts)

    def _texts(self) -> Iterator[str]:
        for b in self.text_blocks():
            if b.text:
                yield b.text
        for grid in self.grids():
            for row in grid.rows:
                for c in row:
                    if not c.merged and c.text:
                        yield c.text
