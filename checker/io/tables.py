"""Tables with a header row, found by column synonyms: revision history, approvals, registers in Word.

Worksheets get their header detected by the Excel reader; Word tables (and small tables inside a
sheet, such as an approvals block under a register) are found here, the same way: the row with the
most synonym hits among the first rows is the header.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from checker.core.location import Location
from checker.lexicon.synonyms import Synonyms
from checker.model.elements import Cell, Grid, row_filled

HEADER_SCAN_ROWS = 15
SMALL_GRID_ROWS = 80
SEQUENCE = re.compile(r"[A-Za-z]{0,6}[-_ ]?\d{1,6}")  # a row number or code pre-filled in a template ('R-001', '12')
TOTAL_LABEL = re.compile(r"^\s*(?:(?:grand\s+|sub-?)?totals?\b|sum\b|合计|总计|小计|共计|总和)", re.I)


@dataclass
class TableView:
    grid: Grid
    header_row: int
    columns: dict[str, int]  # key -> grid column
    rows: list[dict[str, Cell]]  # every row after the header, blank ones included, keyed by column key
    row_locations: list[Location]

    def filled_rows(self) -> list[dict[str, Cell]]:
        return [r for r in self.rows if any(not c.blank for c in r.values())]


def is_data_row(row: Sequence[Cell], order: list[int], id_cols: set[int]) -> bool:
    """A row of a register or sheet of records with a real value in one of its columns, not a blank
    template row: a pre-filled sequence number in an identifier column (`id_cols`) or a formula with
    nothing to compute does not count. `order` lists the columns, non-identifier ones first, where
    a data row usually shows itself on its first cell."""
    width = len(row)
    for c in order:
        if c >= width:
            continue
        cell = row[c]
        text = cell.text
        if not text or cell.merged or text.isspace():
            continue
        if cell.formula is not None and (cell.value in (0, "", None) or text.startswith("#")):
            continue  # a template row's formula with nothing to compute
        if c in id_cols and SEQUENCE.fullmatch(text.strip()):
            continue
        return True
    return False


def looks_like_header_row(row: Sequence[Cell]) -> bool:
    """Whether a table's row reads as column names: two or more short labels, none holding a number
    of three digits or more (a data row has values)."""
    head = [c for c in row if not c.merged and c.text.strip()]
    return len(head) >= 2 and all(len(c.text) <= 40 and not _THREE_DIGITS.search(c.text) for c in head)


_THREE_DIGITS = re.compile(r"\d{3,}")


def is_total_row(row: Sequence[Cell]) -> bool:
    """A total or subtotal row of a table of records: its first filled cell says so ('Total Risk
    Score', '合计'). It sums the records; it is not one."""
    for _col, text in row_filled(row):  # a big register's row: no cell built
        return bool(TOTAL_LABEL.match(text))
    return False


def find_header(grid: Grid, synonyms: Synonyms, *, min_hits: int = 2, must_have: tuple[str, ...] = (),
                min_share: float = 0.0) -> tuple[int, dict[str, int]] | None:
    """(header row, key → column) of the best header row, or None.

    `min_share` is the least share of the row's labelled cells that must be known columns: a
    revision-history table is mostly revision columns, while a 12-column change log that happens
    to have a 'Baseline Version' and a 'Decision Date' column is not a revision history. A row that
    holds a number of three digits or more (a date, an amount) is values, not column names: a form's
    row 'Applicant's signature | <name> | Date | 2024-04-01' is no approvals header.
    """
    best: tuple[int, dict[str, int]] | None = None
    # A small grid (a cover sheet, a form) may hold its table anywhere; a big one starts with it.
    scan = grid.rows if len(grid.rows) <= SMALL_GRID_ROWS else grid.rows[:HEADER_SCAN_ROWS]
    for r, row in enumerate(scan):
        columns: dict[str, int] = {}
        labelled = 0
        values = False
        for i, cell in enumerate(row):
            text = cell.text
            if cell.merged or len(text) > 60 or not text.strip():
                continue
            labelled += 1
            if _THREE_DIGITS.search(text):
                values = True  # a date or an amount: a form row ('Signed | A. Lee | Date | 2024-04-01')
                break
            m = synonyms.match(text)
            if m is not None and m.strong and m.key not in columns:
                columns[m.key] = cell.col
            elif _out_of_reach(len(columns), labelled, len(row) - i - 1, min_hits, min_share, best):
                break  # a data row: matching its other cells cannot make it the header
        if values or len(columns) < min_hits or (must_have and not any(k in columns for k in must_have)):
            continue
        if len(columns) < min_share * labelled:
            continue
        if best is None or len(columns) > len(best[1]):
            best = (r, columns)
    return best


def _out_of_reach(found: int, labelled: int, left: int, min_hits: int, min_share: float,
                  best: tuple[int, dict[str, int]] | None) -> bool:
    """Whether a row with `found` columns among `labelled` cells so far fails `find_header`'s tests
    however its `left` other cells turn out: none labelled, or each naming a new column, are the
    extremes (the share of known columns moves one way as more cells name one)."""
    most = found + left
    return most < min_hits or (best is not None and most <= len(best[1])) or (
        found < min_share * labelled and most < min_share * (labelled + left))


def table_view(grid: Grid, header_row: int, columns: dict[str, int]) -> TableView:
    rows: list[dict[str, Cell]] = []
    locations: list[Location] = []
    in_sheet = grid.location.sheet is not None
    header = _texts_by_column(grid.rows[header_row])
    for r in range(header_row + 1, len(grid.rows)):
        if in_sheet and not any(c.text.strip() for c in grid.rows[r]):
            break  # in a worksheet a blank row ends the block: what follows is another table
        texts = _texts_by_column(grid.rows[r])
        if len(texts) >= 2 and all(header.get(c) == t for c, t in texts.items()):
            continue  # the header repeated over the next block (a signature block per role)
        cells: dict[str, Cell] = {}
        for key, col in columns.items():
            cell = grid.cell(r, col)
            if cell is not None:
                cells[key] = cell
        if not cells:
            continue
        rows.append(cells)
        first = grid.rows[r][0] if grid.rows[r] else next(iter(cells.values()))
        locations.append(first.location)
    return TableView(grid, header_row, columns, rows, locations)


def _texts_by_column(row: Sequence[Cell]) -> dict[int, str]:
    return {c.col: " ".join(c.text.split()).lower() for c in row if not c.merged and c.text.strip()}


def find_tables(grids: list[Grid], synonyms: Synonyms, *, min_hits: int = 2,
                must_have: tuple[str, ...] = (), min_share: float = 0.0) -> list[TableView]:
    out: list[TableView] = []
    for grid in grids:
        found = find_header(grid, synonyms, min_hits=min_hits, must_have=must_have, min_share=min_share)
        if found is not None:
            out.append(table_view(grid, *found))
    return out
