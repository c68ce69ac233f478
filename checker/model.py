"""The format-neutral document model that every reader builds and every rule reads.

Word and Excel files are very different on disk, but the rules only need a few shapes: ordered
text blocks with headings, grids of cells (Word tables and worksheets alike), key/value fields and
document properties. Every element carries the contract's location so that a finding can point the
task pane at the exact paragraph, table cell or worksheet cell.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Iterator, Literal

BlockKind = Literal["heading", "paragraph", "list_item", "table"]
Part = Literal["body", "header", "footer", "properties", "comments"]


@dataclass(frozen=True)
class Location:
    """Where something is, in the contract's terms (see contract/README.md, `location`)."""

    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    heading: str | None = None
    text: str | None = None
    part: Part | None = None
    sheet: str | None = None
    cell: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out = {k: v for k, v in self.__dict__.items() if v is not None}
        if "text" in out:
            out["text"] = snippet(out["text"])
            if not out["text"]:
                del out["text"]
        if "heading" in out:
            out["heading"] = snippet(out["heading"])
        return out

    def anchor(self) -> tuple:
        """The position alone (no heading or text): two findings at one anchor point at one place."""
        return (self.part, self.paragraph, self.table, self.row, self.col, self.sheet, self.cell)

    def with_text(self, text: str | None) -> "Location":
        return Location(**{**self.__dict__, "text": text})


def snippet(text: str, limit: int = 255) -> str:
    """A single-line excerpt short enough for the contract (≤ 255 characters)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


@dataclass
class Cell:
    """One cell of a grid. `merged` marks a copy of a merged cell's value into a covered position."""

    text: str
    row: int
    col: int
    location: Location
    value: Any = None  # typed value (number, datetime, bool) when the source has one
    formula: str | None = None  # Excel formula text without '=', when the cell holds one
    merged: bool = False

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass
class Grid:
    """A rectangle of cells: a Word table or the used range of a worksheet.

    Rows may be ragged; `rows[r][c]` is the cell at row r, column c (0-based in the grid).
    """

    rows: list[list[Cell]]
    location: Location  # the grid as a whole (table index, or sheet)
    heading: str | None = None  # nearest heading above a Word table

    def cell(self, r: int, c: int) -> Cell | None:
        if 0 <= r < len(self.rows) and 0 <= c < len(self.rows[r]):
            return self.rows[r][c]
        return None

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


@dataclass
class Block:
    """One body element in document order.

    `index` is the contract's paragraph index for text blocks and the table index for tables.
    """

    kind: BlockKind
    text: str
    location: Location
    index: int
    level: int | None = None  # heading level (1 = top) for headings, list level for list items
    style: str | None = None
    grid: Grid | None = None  # for tables
    source: Literal["body", "textbox", "header", "footer"] = "body"


@dataclass
class Section:
    """A heading and everything up to the next heading of the same or a higher level."""

    title: str
    level: int
    heading: Block | None  # None for the implicit preamble before the first heading
    blocks: list[Block] = field(default_factory=list)  # direct content, sub-sections excluded
    children: list["Section"] = field(default_factory=list)

    def walk(self) -> Iterator["Section"]:
        yield self
        for child in self.children:
            yield from child.walk()

    def all_blocks(self) -> Iterator[Block]:
        yield from self.blocks
        for child in self.children:
            yield from child.all_blocks()

    def body_text(self) -> str:
        """All text under this heading, sub-sections and tables included."""
        parts: list[str] = []
        for block in self.all_blocks():
            if block.kind == "table" and block.grid is not None:
                parts.extend(c.text for row in block.grid.rows for c in row if not c.merged)
            else:
                parts.append(block.text)
        return "\n".join(p for p in parts if p.strip())

    @property
    def location(self) -> Location:
        return self.heading.location if self.heading else Location(paragraph=0)


@dataclass
class Field:
    """A label and its value, found in a 2-column form table, a `Label: value` line or a sheet form."""

    label: str
    value: str
    location: Location  # where the value is (or would be, when it is empty)
    label_location: Location | None = None
    source: Literal["table", "line", "sheet", "header", "footer", "properties"] = "table"
    unit: str | None = None  # a unit declared by the value's column header, e.g. 'Amount (USD)'


@dataclass
class Comment:
    author: str
    text: str
    anchor_text: str
    location: Location


@dataclass
class Sheet:
    """A worksheet: its cells as a grid plus, when a header row was found, its records."""

    name: str
    grid: Grid
    hidden: bool = False
    header_row: int | None = None  # 0-based grid row of the detected header
    columns: dict[str, int] = field(default_factory=dict)  # standard column key -> grid column
    header_labels: dict[int, str] = field(default_factory=dict)  # grid column -> header text
    records: list["Record"] = field(default_factory=list)
    validations: dict[str, list[str]] = field(default_factory=dict)  # A1 range -> allowed values
    notes: dict[str, str] = field(default_factory=dict)  # A1 cell -> cell note (comment) text
    origin: tuple[int, int] = (1, 1)  # 1-based (row, col) of grid[0][0] in the worksheet
    role: Literal["register", "form", "lookup", "other"] = "other"


@dataclass
class Record:
    """One data row of a register, keyed by the standard's column keys."""

    row: int  # 0-based grid row
    cells: dict[str, Cell]
    location: Location  # the whole row (`5:5`)
    hidden: bool = False

    def text(self, key: str) -> str:
        cell = self.cells.get(key)
        return cell.text.strip() if cell else ""


@dataclass
class Properties:
    title: str = ""
    subject: str = ""
    author: str = ""
    last_modified_by: str = ""
    keywords: str = ""
    category: str = ""
    created: datetime | None = None
    modified: datetime | None = None
    custom: dict[str, str] = field(default_factory=dict)


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

    @property
    def is_workbook(self) -> bool:
        return self.format in ("xlsx", "xlsm")

    @property
    def outline(self) -> Section:
        """The section tree built from headings (built once, on first use)."""
        if self._outline is None:
            from checker.outline import build_outline

            self._outline = build_outline(self.blocks)
        return self._outline

    @property
    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "heading"]

    def grids(self) -> Iterator[Grid]:
        """Every grid: Word tables (body, header, footer) and worksheets."""
        for block in (*self.blocks, *self.headers, *self.footers):
            if block.grid is not None:
                yield block.grid
        for sheet in self.sheets:
            yield sheet.grid

    def text_blocks(self) -> Iterator[Block]:
        """Every text-bearing block outside tables, page headers and footers included."""
        for block in (*self.blocks, *self.headers, *self.footers):
            if block.kind != "table":
                yield block

    def all_text(self) -> str:
        """All visible text, for classification and language detection."""
        parts = [b.text for b in self.text_blocks()]
        for grid in self.grids():
            parts.extend(c.text for row in grid.rows for c in row if not c.merged and c.text)
        return "\n".join(p for p in parts if p)
