"""Writing a workbook sheet by sheet with openpyxl: the one library the scenarios and
sample_docs/generate.py build their workbooks with (benchmarks/workloads.py writes SpreadsheetML
itself, for speed, in the same register layout).

A `SheetWriter` writes a sheet's title, label/value pairs (the doc-control block of a cover sheet),
tables under a header row (revision history, approvals) and registers: the title on row 1, the
header on row HEADER_ROW and one entry a row below it. Plain, it writes values only; dressed, it
adds what an office template would (fonts, fills, borders, date formats, column widths, a frozen
header, a filter and print settings).
"""
from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from typing import Any, Collection, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from tests.support import ooxml
from tests.support.pmo_template import HEADER_FILL, LABEL_FILL, NAVY

HEADER_ROW = 4  # registers: title on row 1, the header on row 4, the first entry on row 5
DATE_FORMAT = "yyyy-mm-dd"
_THIN = Side(style="thin", color="A6A6A6")
BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HFILL = PatternFill("solid", fgColor=HEADER_FILL)
LFILL = PatternFill("solid", fgColor=LABEL_FILL)


def as_date(iso: str | None) -> datetime | None:
    """An ISO date as the datetime a date cell holds (None for None or '')."""
    return datetime.fromisoformat(iso) if iso else None


class SheetWriter:
    """One worksheet, written block by block; columns are 1-based as in openpyxl."""

    def __init__(self, ws: Worksheet, *, dressed: bool = False) -> None:
        self.ws = ws
        self.dressed = dressed

    def text(self, row: int, col: int, text: str, font: Font) -> None:
        """A line of text in one cell; `font` is its dress."""
        cell = self.ws.cell(row, col, text)
        if self.dressed:
            cell.font = font

    def title(self, text: str, size: int = 16) -> None:
        """The sheet's title, in A1."""
        self.text(1, 1, text, Font(size=size, bold=True, color=NAVY))

    def heading(self, row: int, text: str) -> None:
        """A block's heading ("Document Control", "Approvals") in column A."""
        self.text(row, 1, text, Font(bold=True, size=12))

    def pairs(self, row: int, pairs: Sequence[tuple[str, Any]]) -> int:
        """Label/value rows from `row` (labels in A, values in B); returns the next free row."""
        for label, value in pairs:
            a, b = self.ws.cell(row, 1, label), self.ws.cell(row, 2, value)
            if self.dressed:
                a.font, a.fill = Font(bold=True), LFILL
                if isinstance(value, datetime):
                    b.number_format = DATE_FORMAT
                    b.alignment = Alignment(horizontal="left")
                a.border = b.border = BOX
            row += 1
        return row

    def table(self, row: int, header: Sequence[str], rows: Sequence[Sequence[Any]], *,
              date_cols: Collection[int] = (), wrap_cols: Collection[int] | None = None) -> int:
        """A header row at `row` and the rows under it; returns the last row written.

        ISO strings in `date_cols` become dates. Dressed, cells are boxed; with `wrap_cols`, every
        cell is top-aligned and those columns wrap.
        """
        self._header(row, header)
        for values in rows:
            row += 1
            self._record(row, values, date_cols, wrap_cols)
        return row

    def register(self, title: str, header: Sequence[str], rows: Sequence[Sequence[Any]], *,
                 project_line: tuple[str, str] | None = None, note: str | None = None,
                 widths: Sequence[int] = (), date_cols: Collection[int] = ()) -> None:
        """A register: the title in A1, the header on HEADER_ROW, one entry a row below it.

        Dressed, row 2 names the project (its name in A2, its id in C2) and row 3 holds a note; the
        header wraps and is frozen, filtered and repeated on every printed page.
        """
        ws = self.ws
        self.title(title)
        if project_line:
            self.text(2, 1, project_line[0], Font(size=11, bold=True))  # project name ...
            self.text(2, 3, project_line[1], Font(size=11, bold=True))  # ... and id, in their own cells
        if note:
            self.text(3, 1, note, Font(size=9, italic=True, color="595959"))
        self._header(HEADER_ROW, header, Alignment(wrap_text=True, vertical="center", horizontal="center"))
        for r, values in enumerate(rows, HEADER_ROW + 1):
            self._record(r, values, date_cols, wrap_cols=range(1, len(values) + 1))
        self.widths(*widths)
        if not self.dressed:
            return
        ws.row_dimensions[HEADER_ROW].height = 32
        ws.freeze_panes = ws.cell(HEADER_ROW + 1, 2)
        ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(header))}{HEADER_ROW + len(rows)}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth = 1
        ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"

    def widths(self, *widths: float) -> None:
        """Column widths from column A."""
        for c, width in enumerate(widths, 1):
            self.ws.column_dimensions[get_column_letter(c)].width = width

    def _header(self, row: int, header: Sequence[str], alignment: Alignment | None = None) -> None:
        for c, name in enumerate(header, 1):
            cell = self.ws.cell(row, c, name)
            if self.dressed:
                cell.font, cell.fill, cell.border = Font(bold=True), HFILL, BOX
                if alignment is not None:
                    cell.alignment = alignment

    def _record(self, row: int, values: Sequence[Any], date_cols: Collection[int],
                wrap_cols: Collection[int] | None) -> None:
        for c, value in enumerate(values, 1):
            is_date = c in date_cols
            value = as_date(value) if is_date and isinstance(value, str) and value else (None if value == "" else value)
            if not self.dressed:
                if value is not None:
                    self.ws.cell(row, c, value)
                continue
            cell = self.ws.cell(row, c, value)
            cell.border = BOX
            if wrap_cols is not None:
                cell.alignment = Alignment(vertical="top", wrap_text=c in wrap_cols)
            if is_date:
                cell.number_format = DATE_FORMAT


def save(wb: Workbook, path: Path, stamp: datetime | None = None) -> Path:
    """Write the workbook; with `stamp` it is created and modified then, and reruns write the same bytes."""
    if stamp is not None:
        wb.properties.created = stamp
        wb.properties.modified = stamp
    buf = io.BytesIO()
    wb.save(buf)
    return ooxml.write_package(path, buf.getvalue(), modified=stamp)
