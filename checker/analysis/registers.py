"""The register of a document (risk, issue, change, lessons, schedule…) as rows keyed by column.

Workbooks: the reader already found each sheet's header row with the union of every type's column
synonyms, so one header label may carry another type's key there ('Priority' is a risk *level* but
an issue *priority*). The register view re-maps the header labels with the checked type's own
synonyms and picks the sheet whose header covers most of the type's columns. Word documents: the
table whose header row best matches the type's columns (`checker.io.tables.find_tables`).

Rows are the data rows after the header: blank template rows (only a pre-filled sequence number or
an empty formula) are skipped, hidden rows are kept and flagged. Each cell keeps the contract
location (`sheet`+`cell` in Excel, `table`/`row`/`col` in Word), so findings point at the cell.

Also here: the *register date* freshness rules measure against (a doc-control date, else the newest
recording date in the register, else the file's modified time) and value parsers shared by the
register kinds (numbers, percentages, scale labels, statuses).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable

from checker.analysis.column_types import column_kind, fits
from checker.analysis.context import Context
from checker.core.location import Location
from checker.io.tables import find_tables, is_data_row, is_total_row
from checker.lexicon.matchers import column_values, common_block_columns, type_column_synonyms, type_columns
from checker.lexicon.synonyms import Match
from checker.lexicon.vocabulary import Vocabulary, derived
from checker.model.a1 import get_column_letter
from checker.model.elements import Cell, Grid, RowCells, Sheet, SheetRow, row_filled, row_text
from checker.text.dates import parse_date
from checker.text.normalize import nfkc, norm_label

_ID_KEYS = re.compile(r"(^|_)(id|no|seq|number|index)$")

# Keys whose label says which of several columns it is (one standard key covers two columns).
_SPLIT_KEYS: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    "closure": [("closure_date", re.compile(r"date|日期|时间", re.I)), ("closure_reason", re.compile(r".", re.S))],
    "residual": [("residual_probability", re.compile(r"prob|likel|概率|可能", re.I)),
                 ("residual_impact", re.compile(r"impact|影响", re.I)),
                 ("residual_score", re.compile(r".", re.S))],
}

# Columns that record when something happened (not plans): the newest one dates the register.
RECORD_DATE_KEYS = ("date_raised", "last_reviewed", "submission_date", "decision_date", "closure_date",
                    "date", "actual_start", "actual_finish")


def required_columns(vocab: Vocabulary, doc_type: str) -> list[str]:
    return [k for k, v in type_columns(vocab, doc_type).items() if isinstance(v, dict) and v.get("required")]


def _word_table_share(vocab: Vocabulary, doc_type: str) -> float:
    """How much of a type's required columns a Word table must have to be taken for its register.

    A type that is always a register (a risk register typed as a Word table of risks) needs a
    third: the missing columns are then reported as such. A type that may be prose (a lessons
    report with a table of key lessons) needs half, so that its tables are not mistaken for one.
    """
    form = vocab.type_spec(doc_type).get("form")
    return 1 / 3 if form == "register" else 1 / 2


# Memos shared by every row (parse_date and the space folding depend on the value alone): a
# 200,000-row register keeps no per-row dictionaries, and repeated values are worked out once.
_TEXT_MEMO: dict[str, str] = {}
_DATE_MEMO: dict[Any, date | None] = {}
_MEMO_LIMIT = 100_000


def _spaced(text: str) -> str:
    """`" ".join(text.split())`, memoised for short texts (statuses, owners, dates, ids)."""
    t = _TEXT_MEMO.get(text)
    if t is None:
        t = " ".join(text.split())
        if t == text:
            t = text  # the cell's own string, not an equal copy
        if len(text) <= 80:
            if len(_TEXT_MEMO) >= _MEMO_LIMIT:
                _TEXT_MEMO.clear()
            _TEXT_MEMO[text] = t
    return t


_MISSING = object()
_COLUMN_MEMO = 4096  # distinct values remembered while a column is derived (ids and descriptions do not repeat)


def _date_of(c: Cell) -> date | None:
    return None if c.blank else _cell_date(c)


def _cell_date(c: Cell) -> date | None:
    value = c.value
    key = value if value is not None and not isinstance(value, (int, float)) else c.text
    try:
        return _DATE_MEMO[key]
    except KeyError:
        pass
    except TypeError:  # an unhashable value
        return parse_date(key)
    d = _DATE_MEMO[key] = parse_date(key)
    if len(_DATE_MEMO) >= _MEMO_LIMIT:
        _DATE_MEMO.clear()
    return d


class RowShape:
    """What every row of one register view shares: its columns, how a ragged row's missing cell and
    the row itself are located, and the offset from grid row to the row number messages show."""

    __slots__ = ("columns", "blank_at", "row_loc", "line_offset")

    def __init__(self, columns: dict[str, int], blank_at: Any, row_loc: Any, line_offset: int):
        self.columns = columns  # key -> grid column
        self.blank_at = blank_at  # (r, c) -> Location of a cell beyond a ragged row's end
        self.row_loc = row_loc  # (r, raw) -> Location of the whole row
        self.line_offset = line_offset  # worksheet row of grid row 0 (Excel), 0 (Word tables)


class Row:
    """One data row of a register.

    Slotted and light (a big register has hundreds of thousands): a row is its grid row index, the
    grid row it reads through to (`cells` is a `RowCells` view), its view's shared `RowShape` and
    whether it is hidden; `location` (the whole row: `7:7` in Excel, the row's first cell in Word)
    and `line` are worked out when asked.
    """

    __slots__ = ("index", "_raw", "_shape", "hidden")

    def __init__(self, index: int, raw: list[Cell], shape: RowShape, hidden: bool = False):
        self.index = index  # 0-based grid row
        self._raw = raw
        self._shape = shape
        self.hidden = hidden

    @property
    def line(self) -> int:
        """1-based worksheet row (Excel) or 0-based table row (Word), for messages."""
        return self.index + self._shape.line_offset

    @property
    def cells(self) -> Any:
        shape = self._shape
        return RowCells(self._raw, shape.columns, self.index, shape.blank_at)

    @property
    def location(self) -> Location:
        return self._shape.row_loc(self.index, self._raw)

    def cell(self, key: str) -> Cell | None:
        shape = self._shape
        c = shape.columns.get(key)
        if c is None:
            return None
        raw = self._raw
        if c < len(raw):
            return raw[c]
        return Cell("", self.index, c, shape.blank_at(self.index, c))

    def formula(self, key: str) -> str | None:
        """The formula of the `key` cell, if it holds one (no cell built for a big sheet's row)."""
        c = self._shape.columns.get(key)
        raw = self._raw
        if c is None or c >= len(raw):
            return None
        return raw.formula_at(c) if raw.__class__ is SheetRow else raw[c].formula

    def text(self, key: str) -> str:
        c = self._shape.columns.get(key)
        raw = self._raw
        return _spaced(row_text(raw, c)) if c is not None and c < len(raw) else ""  # no cell built

    def has(self, key: str) -> bool:
        return bool(self.text(key))

    def date(self, key: str) -> date | None:
        c = self.cell(key)
        if c is None or c.blank:
            return None
        return _cell_date(c)

    def number(self, key: str) -> float | None:
        c = self.cell(key)
        return cell_number(c) if c is not None else None

    def __repr__(self) -> str:
        return (f"Row(index={self.index!r}, cells={dict(self.cells)!r}, location={self.location!r}, "
                f"hidden={self.hidden!r}, line={self.line!r})")


@dataclass
class RegisterView:
    """The register of one document type. Besides rows, it keeps per-column lists of derived values
    (`texts`, `dates`, `numbers`, `column`) and other per-register results (`memo`): a dozen rules
    walk the same columns of thousands of rows, and each value is worked out once per document."""

    doc_type: str
    grid: Grid
    header_row: int
    columns: dict[str, int]  # key -> grid column
    labels: dict[int, str]  # grid column -> header text
    rows: list[Row]
    sheet: Sheet | None = None
    table_location: Location | None = None
    _derived: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    def memo(self, key: Any, compute: Callable[[], Any]) -> Any:
        """`compute()` once per register and key (the register itself is built once per document)."""
        derived = self._derived
        if key not in derived:
            derived[key] = compute()
        return derived[key]

    def column(self, key: str, of: Callable[[Cell], Any]) -> list[Any]:
        """`of(cell)` of each row's `key` cell, in row order; all None when the view has no such column.

        `of` must be a module-level function of the cell's text and value alone: it runs once per
        distinct (text, value) of the column, and the list is kept for every rule that asks again.
        """
        return self.memo(("column", key, of), lambda: self._column(key, of))

    def _column(self, key: str, of: Callable[[Cell], Any]) -> list[Any]:
        if key not in self.columns:
            return [None] * len(self.rows)
        seen: dict[Any, Any] = {}
        out: list[Any] = []
        append = out.append
        c = self.columns[key]
        for row in self.rows:
            raw = row._raw
            if raw.__class__ is SheetRow and c < len(raw):
                cell, pair = None, (raw.texts[c], raw.values[c])  # a big sheet's compact row: a cell only for a new pair
            else:
                cell = raw[c] if c < len(raw) else row.cell(key)
                pair = (cell.text, cell.value)
            try:
                value = seen.get(pair, _MISSING)
                if value is _MISSING:
                    value = of(cell if cell is not None else raw[c])
                    if len(seen) < _COLUMN_MEMO:
                        seen[pair] = value
            except TypeError:  # an unhashable value
                value = of(cell if cell is not None else raw[c])
            append(value)
        return out

    def texts(self, key: str) -> list[str]:
        """`Row.text(key)` of every row ('' where blank or without the column)."""
        if key not in self.columns:
            return [""] * len(self.rows)
        return self.memo(("texts", key), lambda: self._texts(key))

    def _texts(self, key: str) -> list[str]:
        c = self.columns[key]
        out: list[str] = []
        append = out.append
        memo = _TEXT_MEMO
        for row in self.rows:
            raw = row._raw
            if c >= len(raw):
                text = ""  # a ragged row's missing cell
            elif raw.__class__ is SheetRow:
                text = raw.texts[c]  # a big sheet's compact row: no Cell to build
            else:
                text = raw[c].text
            spaced = memo.get(text)
            append(spaced if spaced is not None else _spaced(text))
        return out

    def dates(self, key: str) -> list[date | None]:
        """`Row.date(key)` of every row."""
        return self.column(key, _date_of)

    def numbers(self, key: str) -> list[float | None]:
        """`Row.number(key)` of every row."""
        return self.column(key, cell_number)

    def ids(self) -> list[str]:
        """How messages name each row (`id_of`)."""
        def compute() -> list[str]:
            columns = [self.texts(key) for key in _ID_COLUMNS if key in self.columns]
            return [next((texts[n] for texts in columns if texts[n]), None) or f"#{row.line}"
                    for n, row in enumerate(self.rows)]

        return self.memo("ids", compute)

    def header_location(self) -> Location:
        if self.sheet is not None:
            n = self.sheet.origin[0] + self.header_row
            return Location(sheet=self.sheet.name, cell=f"{n}:{n}")
        loc = self.table_location or self.grid.location
        return Location(table=loc.table, row=self.header_row, heading=loc.heading, part=loc.part)

    def location_of(self, row: Row, key: str) -> Location:
        """The cell of `key` in `row` (or the row when the column is missing)."""
        c = row.cells.get(key)
        if c is not None:
            return c.location
        return row.location

    def cell_location(self, r: int, c: int) -> Location:
        if self.sheet is not None:
            ref = f"{get_column_letter(self.sheet.origin[1] + c)}{self.sheet.origin[0] + r}"
            return Location(sheet=self.sheet.name, cell=ref)
        loc = self.table_location or self.grid.location
        return Location(table=loc.table, row=r, col=c, heading=loc.heading, part=loc.part)

    def validation(self, key: str) -> list[str] | None:
        """The data-validation list covering this column's data cells, if the sheet has one."""
        if self.sheet is None or key not in self.columns or not self.sheet.validations:
            return None
        from openpyxl.utils.cell import range_boundaries

        col = self.sheet.origin[1] + self.columns[key]
        first = self.sheet.origin[0] + self.header_row + 1
        for ref, values in self.sheet.validations.items():
            try:
                c0, r0, c1, r1 = range_boundaries(ref)
            except (ValueError, TypeError):
                continue
            if c0 is not None and c0 <= col <= (c1 or c0) and (r1 is None or r1 >= first) and values:
                return list(values)
        return None

    def label(self, key: str) -> str:
        col = self.columns.get(key)
        return self.labels.get(col, key) if col is not None else key


MIN_COLUMN_SCORE = 0.7  # weakest header evidence that maps a column (a head noun, a word among a few)
_MISFIT = 0.5  # a header match whose column's values do not fit the key counts this much


def _remap(vocab: Vocabulary, doc_type: str, labels: dict[int, str], child: dict[int, str],
           parent: dict[int, str], kind_of: Callable[[int], Any]) -> dict[str, int]:
    """Header labels → column keys, each key to the column with the best evidence.

    Every label offers its candidate keys (`Synonyms.candidates`: exact, core words, head noun, a
    word of a few). A key whose column values do not fit it (a rating key over free text;
    `kind_of(column)` is `column_types.column_kind`, asked only for such keys and the first
    column) counts for less, so that of two 'Impact' columns the 1–5 rating wins over the
    consequence text. The strongest pairs are taken first, one key per column. A rating named by
    two rating words ('Probability Rating', 'Impact Score') is the dimension it rates: the first
    word decides. A first column of short ids or sequence numbers under an unmatched label ('No.',
    '序号', 'Rank') is the type's identifier.
    """
    synonyms = type_column_synonyms(vocab, doc_type)
    expected = column_values(vocab, doc_type)
    pairs: list[tuple[float, int, str]] = []
    for c in sorted(labels):
        seen: dict[str, float] = {}
        for rank, text in enumerate((labels[c], child.get(c, ""), parent.get(c, ""))):
            if not text or len(text) > 60:
                continue
            for m in _rated(synonyms.candidates(text), expected, norm_label(text)):
                if m.score < MIN_COLUMN_SCORE:
                    continue
                score = m.score - rank * 0.01  # the column's own label before its parent's
                if m.key in expected and not fits(expected[m.key], kind_of(c)):
                    score *= _MISFIT
                seen[m.key] = max(seen.get(m.key, 0.0), score)
        pairs.extend((score, c, key) for key, score in seen.items())
    pairs.sort(key=lambda p: (-p[0], p[1]))
    columns: dict[str, int] = {}
    taken: set[int] = set()
    for _score, c, key in pairs:
        if c in taken:
            continue
        if key in _SPLIT_KEYS:
            key = next(sub for sub, pattern in _SPLIT_KEYS[key] if pattern.search(labels.get(c) or child.get(c, "")))
        if key in columns:
            continue
        columns[key] = c
        taken.add(c)
    id_key = next((k for k in type_columns(vocab, doc_type) if _ID_KEYS.search(k)), None)
    if id_key is not None and id_key not in columns and labels:
        first = min(labels)
        if first not in taken and len(labels[first]) <= 12 and kind_of(first) in ("id", "number"):
            columns[id_key] = first
    return columns


def _rated(candidates: tuple[Match, ...], expected: dict[str, str], label: str) -> tuple[Match, ...]:
    """'Probability Rating' rates probability, not the score: of two rating keys a label names
    (neither exactly), the one whose word comes first is the dimension, the other its measure."""
    rated = [m for m in candidates if expected.get(m.key) == "rating" and m.score < 1.0]
    if len(rated) < 2:
        return candidates
    first = min(rated, key=lambda m: (label.find(m.synonym) if m.synonym in label else len(label)))
    top = max(m.score for m in rated)
    return tuple(Match(m.key, top + 0.01, m.synonym) if m is first else m for m in candidates)


def column_kinds(vocab: Vocabulary, grid: Grid, header_row: int) -> Callable[[int], Any]:
    """column → what its data cells hold (`column_types.column_kind`, from the rows under the
    header), worked out for a column when first asked."""
    rows = grid.rows[header_row + 1: header_row + 61]
    known: dict[int, Any] = {}

    def kind_of(c: int) -> Any:
        if c not in known:
            known[c] = column_kind(vocab, (row[c] for row in rows if c < len(row)))
        return known[c]

    return kind_of


def _is_block_header(vocab: Vocabulary, row: list[Cell]) -> bool:
    """A row like 'Name | Role | Signature | Date' (or 姓名 职务 签字 日期): a new table starts."""
    texts = [c.text for c in row if not c.blank and not c.merged]
    if len(texts) < 2:
        return False
    syn = common_block_columns(vocab)
    hits = [syn.match(t, allow_partial=False) for t in texts]
    return all(h is not None for h in hits) and len({h.key.split(".")[0] for h in hits if h}) >= 1


def _build_rows(vocab: Vocabulary, grid: Grid, header_row: int, shape: RowShape, hidden: set[int]) -> list[Row]:
    """The register's records under its header. Not records: blank template rows, a total row
    ('Total Risk Score | … | 21.25'), a row that only tells the user what to do, and whatever follows a blank row that is another table — a
    signature block, or a legend ('5: High') or notes that leave the register's usual columns empty."""
    columns = shape.columns
    ordered = sorted(columns.values())
    id_cols = set(ordered[:1]) | {c for k, c in columns.items() if _ID_KEYS.search(k)}
    order = sorted(ordered, key=lambda c: c in id_cols)
    rows: list[Row] = []
    filled: dict[int, int] = {}  # column -> records filling it
    gap = False
    for r in range(header_row + 1, len(grid.rows)):
        raw = grid.rows[r]
        if gap and (_is_block_header(vocab, raw) or _leaves_usual_columns(raw, filled, len(rows))):
            break  # an approvals/revision block, a legend or notes under the register end it
        if not is_data_row(raw, order, id_cols):
            gap = gap or all(c.blank for c in raw)
            continue
        if is_total_row(raw) or _is_instruction_row(vocab, raw):
            continue
        if len(rows) < _USUAL_SAMPLE:
            for c in ordered:
                if c < len(raw) and not raw[c].blank and not raw[c].merged:
                    filled[c] = filled.get(c, 0) + 1
        # A compact row's own index object is shared (one int fewer per row of a big register).
        rows.append(Row(raw.r if raw.__class__ is SheetRow else r, raw, shape, r in hidden))
    return rows


def _is_instruction_row(vocab: Vocabulary, raw: Any) -> bool:
    """A row whose one filled cell tells the user what to do ('CLICK HERE TO CREATE A NEW RISK',
    '点击此处添加'): the template's button or hint, not a record."""
    only: str | None = None
    for _col, text in row_filled(raw):  # a big register's row: no cell built, and a record stops at its second cell
        if only is not None:
            return False
        only = text
    return only is not None and bool(_instructions(vocab).search(nfkc(only.strip())))


@derived
def _instructions(vocab: Vocabulary) -> re.Pattern[str]:
    entry = vocab.common.get("instruction_rows") or {}
    patterns = [str(p) for lang in ("en", "zh") for p in entry.get(lang) or []]
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!)", re.I)


_USUAL_SAMPLE = 50  # records that tell which columns a register usually fills
_USUAL_SHARE = 0.8  # a column filled in this share of them is one the register usually fills


def _leaves_usual_columns(raw: Any, filled: dict[int, int], count: int) -> bool:
    """After a blank row: does this row leave most of the columns the records usually fill empty
    (or is it a legend line such as '5: High')? Then it belongs to another table."""
    if count < 2:
        return False
    texts = [c.text.strip() for c in raw if not c.merged and not c.blank]
    if texts and all(_LEGEND.match(t) for t in texts):
        return True
    usual = [c for c, n in filled.items() if n >= _USUAL_SHARE * min(count, _USUAL_SAMPLE)]
    if not usual:
        return False
    kept = sum(1 for c in usual if c < len(raw) and not raw[c].blank and not raw[c].merged)
    return kept * 2 < len(usual)


_LEGEND = re.compile(r"^\d{1,3}(?:\s*[-–~]\s*\d{1,3})?\s*[:：=]\s*\S")


def _sheet_view(ctx: Context, sheet: Sheet, doc_type: str) -> RegisterView | None:
    if sheet.header_row is None:
        return None
    grid = sheet.grid
    hr = sheet.header_row
    child = {c: cell.text.strip() for c, cell in enumerate(grid.rows[hr]) if not cell.merged and not cell.blank}
    parent = ({c: cell.text.strip() for c, cell in enumerate(grid.rows[hr - 1]) if not cell.blank}
              if hr > 0 else {})
    labels = dict(sheet.header_labels) or {c: t for c, t in child.items()}
    columns = _remap(ctx.vocab, doc_type, labels, child, parent, column_kinds(ctx.vocab, grid, hr))
    if len(columns) < 2:
        return None
    hidden = {rec.row for rec in sheet.records if rec.hidden}
    top, left = sheet.origin

    def loc(r: int, c: int) -> Location:
        return Location(sheet=sheet.name, cell=f"{get_column_letter(left + c)}{top + r}")

    def row_loc(r: int, raw: list[Cell]) -> Location:
        return Location(sheet=sheet.name, cell=f"{top + r}:{top + r}")

    rows = _build_rows(ctx.vocab, grid, hr, RowShape(columns, loc, row_loc, top), hidden)
    return RegisterView(doc_type, grid, hr, columns, labels, rows, sheet=sheet)


def _table_views(ctx: Context, doc_type: str) -> list[RegisterView]:
    grids = [b.grid for b in ctx.doc.blocks if b.grid is not None]
    out: list[RegisterView] = []
    required = required_columns(ctx.vocab, doc_type)
    for table in find_tables(grids, type_column_synonyms(ctx.vocab, doc_type), min_hits=3):
        grid = table.grid
        labels = {c.col: c.text.strip() for c in grid.rows[table.header_row] if not c.blank}
        kind_of = column_kinds(ctx.vocab, grid, table.header_row)
        columns = _remap(ctx.vocab, doc_type, labels, {}, {}, kind_of) or table.columns
        if required and len(set(required) & set(columns)) < max(3, len(required) * _word_table_share(ctx.vocab, doc_type)):
            continue  # a table in a report that shares a few column names is not the register
        base = grid.location

        def loc(r: int, c: int, base: Location = base) -> Location:
            return Location(table=base.table, row=r, col=c, heading=base.heading, part=base.part)

        def row_loc(r: int, raw: list[Cell], base: Location = base) -> Location:
            first = raw[0].location if raw else None
            return Location(table=base.table, row=r, col=0, heading=base.heading, part=base.part,
                            text=first.text if first is not None else None)

        rows = _build_rows(ctx.vocab, grid, table.header_row, RowShape(columns, loc, row_loc, 0), set())
        out.append(RegisterView(doc_type, grid, table.header_row, columns, labels, rows, table_location=base))
    return out


def _coverage(vocab: Vocabulary, view: RegisterView, doc_type: str) -> tuple[int, int, int]:
    required = set(required_columns(vocab, doc_type))
    return (len(required & set(view.columns)), len(view.columns), len(view.rows))


def register(ctx: Context, doc_type: str | None = None) -> RegisterView | None:
    """The document's register for `doc_type` (default: the classified type), or None. Memoised."""
    doc_type = doc_type or ctx.doc_type

    def compute() -> RegisterView | None:
        if not type_columns(ctx.vocab, doc_type):
            return None
        candidates: list[RegisterView] = []
        if ctx.doc.is_workbook:
            for sheet in ctx.doc.sheets:
                if sheet.role != "register":
                    continue
                view = _sheet_view(ctx, sheet, doc_type)
                if view is not None:
                    candidates.append(view)
        else:
            candidates = _table_views(ctx, doc_type)
        if not candidates:
            return None
        return max(candidates, key=lambda v: _coverage(ctx.vocab, v, doc_type))

    return ctx.memo(f"register:{doc_type}", compute)


# --- dates -------------------------------------------------------------------------------------

def register_date_source(ctx: Context, view: RegisterView | None) -> tuple[date, Location | None]:
    """The date the register speaks for — doc-control date, else newest recording date, else the file's
    modified date, never after today — and where it was read: the doc-control Date field's location,
    else None (a date derived from the rows or the file's properties has no single place to point at)."""

    def compute() -> tuple[date, Location | None]:
        from checker.analysis.views import first_value

        f = first_value(ctx, "date")
        d = parse_date(f.value) if f is not None else None
        if d is not None and d <= ctx.today:
            return d, f.location
        if view is not None:
            newest: date | None = None
            for row in view.rows:
                for key in RECORD_DATE_KEYS:
                    v = row.date(key)
                    if v is not None and v <= ctx.today and (newest is None or v > newest):
                        newest = v
            if newest is not None:
                return newest, None
        modified = ctx.doc.properties.modified
        if modified is not None and modified.date() <= ctx.today:
            return modified.date(), None
        return ctx.today, None

    return ctx.memo(f"register_date:{view.doc_type if view else ''}", compute)


# --- values ------------------------------------------------------------------------------------

_NUMBER = re.compile(r"^[\s$¥￥€£]*(-?\d+(?:[.,]\d+)?)\s*(%)?\s*$")


def cell_number(cell: Cell | None) -> float | None:
    """A cell's number: its typed value, or a plain number/percentage written as text (`60%` → 0.6)."""
    if cell is None or cell.blank:
        return None
    if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
        return float(cell.value)
    m = _NUMBER.match(nfkc(cell.text).replace(",", ""))
    if not m:
        return None
    n = float(m.group(1))
    return n / 100 if m.group(2) else n


@derived
def _vocab_index(vocab: Vocabulary) -> dict[str, dict[str, str]]:
    """Normalised term → canonical key, for the common state and disposition vocabularies."""
    common = vocab.common
    out: dict[str, dict[str, str]] = {}
    for name in ("open_states", "closed_states", "occurred_states"):
        out[name] = {norm_label(w): name for w in common.get(name) or []}
    out["dispositions"] = {norm_label(w): key for key, ws in (common.get("dispositions") or {}).items() for w in ws}
    return out


def status_of(vocab: Vocabulary, text: str) -> str | None:
    """`open`, `closed`, `occurred` or None (blank or unknown)."""
    t = norm_label(text)
    if not t:
        return None
    idx = _vocab_index(vocab)
    for name, state in (("closed_states", "closed"), ("occurred_states", "occurred"), ("open_states", "open")):
        if t in idx[name]:
            return state
    # Prefix forms such as 'Closed - mitigated' or '已关闭（2026-03-01）'.
    for name, state in (("closed_states", "closed"), ("occurred_states", "occurred"), ("open_states", "open")):
        for w in idx[name]:
            if len(w) >= 2 and t.startswith(w):
                return state
    return None


def disposition_of(vocab: Vocabulary, text: str) -> str | None:
    t = norm_label(text)
    if not t:
        return None
    idx = _vocab_index(vocab)["dispositions"]
    if t in idx:
        return idx[t]
    for w, key in idx.items():
        if len(w) >= 2 and t.startswith(w):
            return key
    return None


def words_of(vocab: Vocabulary, ref: Any, doc_type: str) -> list[str]:
    """The terms of a vocabulary reference: a list, `common.x`, `TYPE.x`, `x` (this type), joined by '+'."""
    if ref is None:
        return []
    if isinstance(ref, (list, tuple)):
        out: list[str] = []
        for item in ref:
            if isinstance(item, str) and ("." in item or item in vocab.type_spec(doc_type).get("vocabularies", {})):
                out.extend(words_of(vocab, item, doc_type))
            else:
                out.append(str(item))
        return out
    out = []
    for part in str(ref).split("+"):
        part = part.strip()
        if part.startswith("common."):
            entry = vocab.common.get(part[len("common."):])
        elif "." in part:
            t, name = part.split(".", 1)
            entry = (vocab.type_spec(t).get("vocabularies") or {}).get(name)
        else:
            entry = (vocab.type_spec(doc_type).get("vocabularies") or {}).get(part)
        out.extend(_flatten(entry))
    return out


def _flatten(entry: Any) -> list[str]:
    if entry is None:
        return []
    if isinstance(entry, str):
        return [entry]
    if isinstance(entry, dict):
        out: list[str] = []
        for k, v in entry.items():
            if isinstance(v, (list, tuple, dict)):
                out.extend(_flatten(v))
            elif isinstance(v, str):
                out.append(v)
        return out
    return [str(x) for x in entry]


_ID_COLUMNS = ("risk_id", "issue_id", "id")


def id_of(row: Row, view: RegisterView) -> str:
    """How a message names the row: its ID, else 'row N' (`RegisterView.ids` for every row)."""
    for key in _ID_COLUMNS:
        if key in view.columns and row.has(key):
            return row.text(key)
    return f"#{row.line}"


def split_names(text: str) -> list[str]:
    parts = re.split(r"\s*(?:[,;/、，；&＆+]|\band\b|和|及|与)\s*", text)
    return [p for p in parts if p.strip()]
