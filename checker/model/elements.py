"""The format-neutral document model that every reader builds and every rule reads.

Word and Excel files are very different on disk, but the rules only need a few shapes: ordered
text blocks with headings, grids of cells (Word tables and worksheets alike), key/value fields and
document properties. Every element carries the contract's location so that a finding can point the
task pane at the exact paragraph, table cell or worksheet cell.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Iterator, Literal

from checker.core.location import Location
from checker.model.a1 import get_column_letter

BlockKind = Literal["heading", "paragraph", "list_item", "table", "figure"]  # figure: a picture alone on its line, no text
Part = Literal["body", "header", "footer", "properties", "comments"]


_COLUMN_LETTERS = [""] + [get_column_letter(i) for i in range(1, 16385)]  # 1-based, A..XFD


class SheetFrame:
    """What every cell of one worksheet shares: the sheet name and the grid's origin.

    Worksheet cells keep a reference to their sheet's frame instead of a `Location` each, and build
    `Location(sheet=name, cell="B7")` from it and their grid coordinates when asked.
    """

    __slots__ = ("name", "top", "left")

    def __init__(self, name: str, top: int = 1, left: int = 1):
        self.name = name
        self.top = top  # 1-based worksheet row of grid row 0
        self.left = left  # 1-based worksheet column of grid column 0

    def location(self, row: int, col: int) -> Location:
        return Location(sheet=self.name, cell=f"{_COLUMN_LETTERS[col + self.left]}{row + self.top}")

    def __repr__(self) -> str:
        return f"SheetFrame({self.name!r}, top={self.top}, left={self.left})"


class Cell:
    """One cell of a grid. `merged` marks a copy of a merged cell's value into a covered position.

    Slotted, and without a stored location for worksheet cells (millions of them in a big
    register): `location` is built on demand from the sheet's shared `SheetFrame` and the cell's
    grid coordinates. Word cells (few) store theirs. Construct either way:
    `Cell(text, row, col, location, value, formula, merged)` with a `Location` or a `SheetFrame`.
    """

    __slots__ = ("text", "row", "col", "value", "formula", "merged", "_where")
    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value (as the dataclass was)

    def __init__(self, text: str, row: int, col: int, location: "Location | SheetFrame", value: Any = None,
                 formula: str | None = None, merged: bool = False):
        self.text = text
        self.row = row
        self.col = col
        self._where = location
        self.value = value  # typed value (number, datetime, bool) when the source has one
        self.formula = formula  # Excel formula text without '=', when the cell holds one
        self.merged = merged

    @property
    def location(self) -> Location:
        where = self._where
        if where.__class__ is SheetFrame:
            return where.location(self.row, self.col)
        return where

    @location.setter
    def location(self, value: "Location | SheetFrame") -> None:
        self._where = value

    @property
    def sheet_frame(self) -> SheetFrame | None:
        where = self._where
        return where if where.__class__ is SheetFrame else None

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    def _key(self) -> tuple:
        return (self.text, self.row, self.col, self.location, self.value, self.formula, self.merged)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() == other._key()  # type: ignore[attr-defined]

    def __repr__(self) -> str:
        return (f"Cell(text={self.text!r}, row={self.row!r}, col={self.col!r}, location={self.location!r}, "
                f"value={self.value!r}, formula={self.formula!r}, merged={self.merged!r})")


class SheetRow(Sequence):
    """One worksheet grid row stored compactly; its `Cell`s are built when read.

    A 200,000-row register has ~3 M cells: as objects they took ~1.6 KB per row, as two tuples
    (texts, typed values) plus sparse formulas and merged columns ~0.4 KB. `row[c]`, iteration,
    slicing and `len` behave as on the list of cells it replaces, but every read builds a fresh
    `Cell` (equal, not identical, to the previous one). Word grids keep plain lists of cells.
    """

    __slots__ = ("texts", "values", "formulas", "merged", "r", "frame")
    __hash__ = None  # type: ignore[assignment]

    def __init__(self, texts: tuple, values: tuple, formulas: tuple | None, merged: frozenset | None,
                 r: int, frame: SheetFrame):
        self.texts = texts  # display text per grid column (fillers: "")
        self.values = values  # typed value per grid column
        self.formulas = formulas  # flat (grid column, formula text, ...), None when the row has none
        self.merged = merged  # grid columns holding a merged range's copy, None when none
        self.r = r  # grid row
        self.frame = frame

    def __len__(self) -> int:
        return len(self.texts)

    def formula_at(self, c: int) -> str | None:
        """The formula of cell `c` (no cell built)."""
        return self._formula(c) if self.formulas else None

    def _formula(self, c: int) -> str | None:
        f = self.formulas
        if f:
            for i in range(0, len(f), 2):
                if f[i] == c:
                    return f[i + 1]
        return None

    def _cell(self, c: int) -> Cell:
        m = self.merged
        return Cell(self.texts[c], self.r, c, self.frame, self.values[c], self._formula(c), c in m if m else False)

    def __getitem__(self, c: Any) -> Any:
        if c.__class__ is slice:
            return [self._cell(k) for k in range(*c.indices(len(self.texts)))]
        texts = self.texts
        text = texts[c]  # IndexError as a list would raise it
        if c < 0:
            c += len(texts)
        m = self.merged
        return Cell(text, self.r, c, self.frame, self.values[c], self._formula(c) if self.formulas else None,
                    c in m if m else False)

    def __iter__(self) -> Iterator[Cell]:
        r, frame, m = self.r, self.frame, self.merged
        f = dict(zip(self.formulas[::2], self.formulas[1::2])) if self.formulas else None
        if f is None and m is None:
            return iter([Cell(t, r, c, frame, v) for c, (t, v) in enumerate(zip(self.texts, self.values))])
        return iter([Cell(t, r, c, frame, v, f.get(c) if f else None, c in m if m else False)
                     for c, (t, v) in enumerate(zip(self.texts, self.values))])

    def filled(self) -> Iterator[tuple[int, str]]:
        """(grid column, text) of the cells that are not merged copies and not blank, no cell built."""
        m = self.merged
        return ((c, t) for c, t in enumerate(self.texts) if t and not t.isspace() and not (m and c in m))

    def __reversed__(self) -> Iterator[Cell]:
        return reversed(list(self))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (SheetRow, list)):
            return list(self) == list(other)
        return NotImplemented

    def __repr__(self) -> str:
        return repr(list(self))


def row_filled(row: Sequence[Cell]) -> Iterator[tuple[int, str]]:
    """(column, text) of a row's cells that are not merged copies and not blank, in order, without
    building the cells of a compact worksheet row (`SheetRow`)."""
    if row.__class__ is SheetRow:
        return row.filled()  # type: ignore[attr-defined]
    return ((c.col, c.text) for c in row if not c.merged and not c.blank)


def row_text(row: Sequence[Cell], c: int) -> str:
    """The text of a row's cell `c` (IndexError as `row[c]`), without building a compact row's cell."""
    return row.texts[c] if row.__class__ is SheetRow else row[c].text  # type: ignore[attr-defined]


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


@dataclass(slots=True)
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
    """A label and its value, found in a 2-column form table, a `Label: value` line or a sheet form;
    or a value a document gives by its place, without a label (a cover's project-name or date line),
    whose `key` then says what it is."""

    label: str
    value: str
    location: Location  # where the value is (or would be, when it is empty)
    label_location: Location | None = None
    source: Literal["table", "line", "sheet", "header", "footer", "properties", "cover", "closing"] = "table"
    unit: str | None = None  # a unit declared by the value's column header, e.g. 'Amount (USD)'
    key: str | None = None  # the doc-control key of a value recognised by its place ('project_name', 'date')


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


class RowCells(Mapping):
    """A data row's cells keyed by column key, read through to the grid row (no per-row dict).

    `columns` (key -> grid column) is shared by every row of a sheet; a column beyond a ragged
    row's end reads as a blank cell at that position (built when asked).
    """

    __slots__ = ("_row", "_columns", "_r", "_frame")

    def __init__(self, row: list[Cell], columns: dict[str, int], r: int, frame: "SheetFrame | Any"):
        self._row = row
        self._columns = columns
        self._r = r
        self._frame = frame  # SheetFrame, or a callable (r, c) -> Location for the blanks

    def _at(self, c: int) -> Cell:
        row = self._row
        if c < len(row):
            return row[c]
        frame = self._frame
        return Cell("", self._r, c, frame if frame.__class__ is SheetFrame else frame(self._r, c))

    def __getitem__(self, key: str) -> Cell:
        return self._at(self._columns[key])

    def get(self, key: str, default: Any = None) -> Any:
        c = self._columns.get(key)
        return default if c is None else self._at(c)

    def __contains__(self, key: object) -> bool:
        return key in self._columns

    def __iter__(self) -> Iterator[str]:
        return iter(self._columns)

    def __len__(self) -> int:
        return len(self._columns)

    def __repr__(self) -> str:
        return repr(dict(self.items()))


class Record:
    """One data row of a register, keyed by the standard's column keys.

    `cells` is a mapping of column key -> Cell. The Excel reader builds records with `Record.of_row`:
    the mapping (a `RowCells` view of the grid row) and `location` (the whole row, `5:5`) are then
    made when asked, so a 200,000-row register keeps one small object per record.
    """

    __slots__ = ("row", "_cells", "_columns", "_where", "hidden")
    __hash__ = None  # type: ignore[assignment]

    def __init__(self, row: int, cells: "Mapping[str, Cell]", location: "Location | SheetFrame", hidden: bool = False):
        self.row = row  # 0-based grid row
        self._cells: Any = cells
        self._columns: dict[str, int] | None = None
        self._where = location
        self.hidden = hidden

    @classmethod
    def of_row(cls, r: int, grid_row: list[Cell], columns: dict[str, int], frame: SheetFrame,
               hidden: bool = False) -> "Record":
        """A worksheet record reading through to its grid row (`columns` shared by the sheet)."""
        record = cls(r, grid_row, frame, hidden)  # type: ignore[arg-type]
        record._columns = columns
        return record

    @property
    def cells(self) -> "Mapping[str, Cell]":
        if self._columns is None:
            return self._cells
        return RowCells(self._cells, self._columns, self.row, self._where)

    @cells.setter
    def cells(self, value: "Mapping[str, Cell]") -> None:
        self._cells, self._columns = value, None

    @property
    def location(self) -> Location:
        where = self._where
        if where.__class__ is SheetFrame:
            n = self.row + where.top
            return Location(sheet=where.name, cell=f"{n}:{n}")
        return where

    @location.setter
    def location(self, value: "Location | SheetFrame") -> None:
        self._where = value

    def text(self, key: str) -> str:
        cell = self.cells.get(key)
        return cell.text.strip() if cell else ""

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.row, dict(self.cells), self.location, self.hidden) == \
            (other.row, dict(other.cells), other.location, other.hidden)  # type: ignore[attr-defined]

    def __repr__(self) -> str:
        return f"Record(row={self.row!r}, cells={self.cells!r}, location={self.location!r}, hidden={self.hidden!r})"


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

