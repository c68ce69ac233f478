"""Kind `dates_valid`: values in date fields and date columns are real, plausible dates.

Only values the document labels as dates are read — a field whose label says date/日期/时间 (or a
start/end/due synonym), or a table/sheet column with such a header. Free text is never scanned for
numbers. `check: valid` (COM-09) flags impossible dates (2024-02-30, 2026-13-01) and years outside
[2000, today + 20]; `check: ambiguous` (COM-10) flags 03/04/2026-style dates that read either way.
Text that is not a date at all ('Q3', 'weekly', 'TBD') is left to the placeholder and content rules.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from typing import Iterable, Iterator, Literal

from pydantic import Field

from checker.analysis.context import Context
from checker.core.findings import Finding
from checker.core.location import Location
from checker.kinds.prose_base import ProseKind, ProseParams
from checker.model.a1 import column_index_from_string
from checker.model.elements import Cell, SheetRow
from checker.text.dates import excel_serial, parse_date
from checker.text.normalize import nfkc

DATE_LABEL = re.compile(
    r"date|日期|时间|\bdue\b|deadline|截止|\b(?:start|end|finish)(?:ed|s)?\b|开始|结束|完成时间|起止|期间|周期|"
    r"\bperiod\b|\bwhen\b|\bdeadline\b|baseline\s+finish|forecast|actual\s+(?:start|finish|end)", re.I)
NOT_DATE_LABEL = re.compile(r"duration|工期|天数|\bdays\b|date\s*format|update[sd]?\s+by|frequency|频率|"
                            r"时长|工时|小时|hours|版本|version", re.I)
_SHAPES = [
    re.compile(r"(?<!\d)(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)"),
    re.compile(r"(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"),
]
_DMY = re.compile(r"(?<!\d)(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})(?!\d)")
_A1 = re.compile(r"([A-Z]{1,3})(\d+)")
_LONG_NUMBER = re.compile(r"\d{3,}")  # a header label holds no long number


def date_values(ctx: Context) -> Iterator[tuple[str, object, Location | Cell | tuple[SheetRow, int]]]:
    """(text, typed value, where) of every value the document labels as a date.

    `where` is the field's Location, the Cell (whose `.location` is built only for a finding), or for a
    big worksheet's compact row (row, column), whose cell is built only for a finding: a big register's
    date columns are scanned, not copied with a Location (or a Cell) per cell.
    """
    seen: set[tuple] = set()
    field_cells: set[tuple[str, int, int]] = set()  # (sheet, worksheet row, column) of sheet fields
    for f in ctx.doc.fields:
        if f.source == "properties" or not f.value.strip():
            continue
        if DATE_LABEL.search(f.label) and not NOT_DATE_LABEL.search(f.label):
            anchor = f.location.anchor()
            if anchor not in seen:
                seen.add(anchor)
                yield f.value, None, f.location
    for anchor in seen:
        m = _A1.fullmatch(anchor[6] or "") if anchor[5] is not None else None
        if m:
            field_cells.add((anchor[5], int(m.group(2)), column_index_from_string(m.group(1))))
    for grid in ctx.doc.grids():
        header = _date_header(grid.rows)
        if header is None:
            continue
        r0, cols = header
        in_order = sorted(cols)
        for row in grid.rows[r0 + 1:]:
            if row.__class__ is SheetRow:
                yield from _compact_dates(row, in_order, field_cells)
                continue
            for c in in_order:  # a row holds its cell of grid column c at index c
                if c >= len(row):
                    break
                cell = row[c]
                if not cell.merged and (cell.text.strip() or cell.value is not None):
                    frame = cell.sheet_frame
                    if frame is not None:  # worksheet cells are unique per position; only fields repeat
                        if field_cells and (frame.name, cell.row + frame.top, cell.col + frame.left) in field_cells:
                            continue
                        yield cell.text, cell.value, cell
                        continue
                    anchor = cell.location.anchor()
                    if anchor not in seen:
                        seen.add(anchor)
                        yield cell.text, cell.value, cell


def _compact_dates(row: SheetRow, cols: list[int], field_cells: set[tuple[str, int, int]]
                   ) -> Iterator[tuple[str, object, tuple[SheetRow, int]]]:
    """`date_values` of a big worksheet's compact row: its dates read from the row's texts and values,
    the cell of one built only if a problem is found in it (`date_problems`)."""
    texts, values, merged, frame = row.texts, row.values, row.merged, row.frame
    for c in cols:
        if c >= len(texts):
            break
        text, value = texts[c], values[c]
        if not (merged and c in merged) and (text.strip() or value is not None):
            if field_cells and (frame.name, row.r + frame.top, c + frame.left) in field_cells:
                continue
            yield text, value, (row, c)


def _date_header(rows: list[list[Cell]]) -> tuple[int, set[int]] | None:
    """A header row among the first rows: ≥ 2 short label cells, at least one of them a date label."""
    for r, row in enumerate(rows[:10]):
        labels = [c for c in row if not c.merged and c.text.strip() and len(c.text) <= 40
                  and not _LONG_NUMBER.search(c.text)]
        if len(labels) < 2:
            continue
        cols = {c.col for c in labels if DATE_LABEL.search(c.text) and not NOT_DATE_LABEL.search(c.text)}
        if cols and len(labels) >= len([c for c in row if c.text.strip()]) - 1:
            return r, cols
    return None


def classify_value(text: str, value: object, today: date) -> tuple[str, str] | None:
    """('invalid'|'range'|'ambiguous', the offending text) or None when the value is fine or not a date."""
    if isinstance(value, (datetime, date)):
        d = value.date() if isinstance(value, datetime) else value
        return ("range", d.isoformat()) if not 2000 <= d.year <= today.year + 20 else None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and not text.strip().count("-"):
        d = excel_serial(value) if float(value).is_integer() else None  # an Excel serial left unformatted
        if d is not None:
            return ("range", d.isoformat()) if not 2000 <= d.year <= today.year + 20 else None
        return None
    t = nfkc(text or "")
    for shape in _SHAPES:
        for m in shape.finditer(t):
            y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
            if parse_date(m.group(0)) is None or not (1 <= mo <= 12):
                return "invalid", m.group(0)
            if not 2000 <= y <= today.year + 20:
                return "range", m.group(0)
    for m in _DMY.finditer(t):
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if a > 12 and b > 12 or a > 31 or b > 31 or (a > 12 and parse_date(m.group(0)) is None) \
                or (b > 12 and parse_date(m.group(0)) is None):
            return "invalid", m.group(0)
        if a <= 12 and b <= 12 and a != b:
            return "ambiguous", m.group(0)
        if not 2000 <= y <= today.year + 20:
            return "range", m.group(0)
    if not any(s.search(t) for s in _SHAPES) and not _DMY.search(t):
        d = parse_date(t)
        if d is not None and not 2000 <= d.year <= today.year + 20:
            return "range", t.strip()
    return None


def date_problems(ctx: Context) -> list[tuple[str, str, str, Location | Cell]]:
    """(problem, offending text, value text, where) of every labelled date value that is not fine, in
    document order: `check: valid` and `check: ambiguous` read the same values, classified once."""
    def compute() -> list[tuple[str, str, str, Location | Cell]]:
        out = []
        known: dict[tuple, tuple[str, str] | None] = {}  # a register's date columns repeat their dates
        for text, value, where in date_values(ctx):
            key = (text, value.__class__, value)  # the class keeps True apart from 1, and 1 from 1.0
            try:
                got = known[key]
            except KeyError:
                got = known[key] = classify_value(text, value, ctx.today)
            if got is not None:
                if where.__class__ is tuple:  # (compact row, column): the cell, now that it is a finding's
                    where = where[0][where[1]]
                out.append((got[0], got[1], text, where))
        return out

    return ctx.memo("dates_valid.problems", compute)


class DatesValid(ProseKind):
    name = "dates_valid"

    class Params(ProseParams):
        check: Literal["valid", "ambiguous"] = Field(
            "valid", description="valid: impossible or implausible dates (COM-09); ambiguous: dd/mm vs mm/dd (COM-10)")

    params: Params

    def check(self, ctx: Context) -> Iterable[Finding]:
        want = self.params.check
        for problem, shown, text, where in date_problems(ctx):
            location = where.location if isinstance(where, Cell) else where
            if want == "ambiguous" and problem == "ambiguous":
                yield self.finding(ctx, location.with_text(text), date=shown)
            elif want == "valid" and problem in ("invalid", "range"):
                yield self.finding(ctx, location.with_text(text), variant=problem, date=shown,
                                   latest=ctx.today.year + 20)
