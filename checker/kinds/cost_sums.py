"""Kind `cost_sums`: budget tables add up (COST-02) and required amounts are filled (COST-08).

Param `check`:
  sums     every `SUM(range)` formula: its cached value equals the sum of the range, and the range does
           not stop short of item rows between it and the total (an omitted row); every Total/Subtotal
           row without a formula (Word tables, typed-in sheets) equals the sum of the item rows above it
  amounts  in an amount column (Estimate, Budget, Amount, 金额 …) no item row is blank, zero or negative
Tolerance: max(0.5, 0.1 % of the total) (standard §0 money_rounding, GUESS).
"""
from __future__ import annotations

import re
from typing import Iterable, Literal

from pydantic import Field

from checker.analysis.context import Context
from checker.analysis.registers import cell_number
from checker.core.findings import Finding
from checker.kinds.base import Kind
from checker.kinds.params import KindParams
from checker.model.a1 import column_index_from_string, get_column_letter
from checker.model.elements import Cell, Grid, Sheet
from checker.text.normalize import norm_label

_SUM = re.compile(r"^\s*SUM\(\s*\$?([A-Z]{1,3})\$?(\d+)\s*:\s*\$?([A-Z]{1,3})\$?(\d+)\s*\)\s*$", re.I)
_TOTAL = re.compile(r"^(?:grand\s+)?total\b|^sum\b|^subtotal|^sub-total|^合计|^总计|^小计|^总预算|^共计|^预算合计", re.I)
_SUBTOTAL = re.compile(r"^sub-?total|^小计", re.I)
_AMOUNT = re.compile(r"^(?:estimate|budget|amount|cost|estimated cost|budget amount|估算金额|预算金额|金额|预算|费用)\b", re.I)


def _tolerance(total: float) -> float:
    return max(0.5, 0.001 * abs(total))


def _fmt(v: float) -> str:
    return f"{v:,.2f}".rstrip("0").rstrip(".")


def _total_label(row: list[Cell]) -> str | None:
    """The Total/Subtotal label of a total row (any of its first text cells), else None."""
    seen = 0
    for c in row:
        if c.blank or c.merged or cell_number(c) is not None:
            continue
        text = " ".join(c.text.split())
        if _TOTAL.match(norm_label(text)) or _TOTAL.match(text):
            return text
        seen += 1
        if seen >= 3:
            break
    return None


def leaf_sum(values: list[float]) -> float:
    """The sum of line items when some rows are unlabelled subtotals of the rows just above them."""
    total, group = 0.0, []
    for v in values:
        if len(group) >= 2 and abs(sum(group) - v) <= _tolerance(sum(group)):
            group = []
            continue
        group.append(v)
        total += v
    return total


def _mostly_numbers(grid: Grid, hr: int, col: int) -> bool:
    values = [grid.cell(r, col) for r in range(hr + 1, len(grid.rows))]
    filled = [c for c in values if c is not None and not c.blank and not c.merged]
    return bool(filled) and sum(cell_number(c) is not None for c in filled) >= 0.5 * len(filled)


def _label(row: list[Cell]) -> str:
    for c in row:
        if not c.blank and not c.merged and cell_number(c) is None:
            return " ".join(c.text.split())
    return ""


class CostSums(Kind):
    name = "cost_sums"

    class Params(KindParams):
        check: Literal["sums", "amounts"] = Field("sums", description="sums (COST-02) or amounts (COST-08)")

    params: Params

    def check(self, ctx: Context) -> Iterable[Finding]:
        check = self.params.check
        grids: list[tuple[Grid, Sheet | None]] = [(s.grid, s) for s in ctx.doc.sheets]
        grids += [(b.grid, None) for b in ctx.doc.blocks if b.grid is not None]
        for grid, sheet in grids:
            if check == "sums":
                if sheet is not None:
                    yield from self._formulas(ctx, grid, sheet)
                yield from self._total_rows(ctx, grid)
            else:
                yield from self._amounts(ctx, grid)

    def _formulas(self, ctx: Context, grid: Grid, sheet: Sheet) -> Iterable[Finding]:
        top, left = sheet.origin
        for row in grid.rows:
            for cell in row:
                if not cell.formula or cell.merged:
                    continue
                m = _SUM.match(cell.formula)
                if not m:
                    continue
                c0, r0, c1, r1 = (column_index_from_string(m.group(1)), int(m.group(2)),
                                  column_index_from_string(m.group(3)), int(m.group(4)))
                if c0 != c1:
                    continue
                gc = c0 - left
                values = [cell_number(grid.cell(r - top, gc)) for r in range(r0, r1 + 1)]
                total = sum(v for v in values if v is not None)
                cached = cell_number(cell)
                if cached is not None and abs(cached - total) > _tolerance(total):
                    yield self.finding(ctx, cell.location, variant="stale", cell=cell.location.cell,
                                       formula="=" + cell.formula, cached=_fmt(cached), total=_fmt(total))
                    continue
                here = cell.row + top
                if here > r1 + 1 and gc == cell.col:
                    omitted = []
                    for r in range(r1 + 1, here):
                        between = grid.cell(r - top, gc)
                        if between is None or between.formula or cell_number(between) is None:
                            continue
                        if _total_label(grid.rows[r - top]) is not None:
                            continue
                        omitted.append(r)
                    if omitted:
                        letter = get_column_letter(c0)
                        yield self.finding(ctx, cell.location, variant="omitted", cell=cell.location.cell,
                                           formula="=" + cell.formula,
                                           rows=", ".join(f"{letter}{r}" for r in omitted))

    def _total_rows(self, ctx: Context, grid: Grid) -> Iterable[Finding]:
        items: list[int] = []  # item rows since the last total
        all_items: list[int] = []
        subtotals: list[int] = []
        grand_seen = False
        for r, row in enumerate(grid.rows):
            total_label = _total_label(row)
            label = total_label or _label(row)
            numbers = {c.col: cell_number(c) for c in row if not c.merged and cell_number(c) is not None}
            if total_label is None:
                if numbers and label:
                    items.append(r)
                    all_items.append(r)
                continue
            is_sub = bool(_SUBTOTAL.match(label))
            parts = items if (is_sub or not subtotals) else subtotals
            if not is_sub and not subtotals:
                # A second total after a first one ('Total one-off cost', then ongoing items and
                # 'Total ongoing cost') sums the items since the first.
                parts = items if grand_seen and len(items) >= 1 else all_items
            for c, value in numbers.items():
                cell = grid.cell(r, c)
                if cell is None or cell.formula or value is None:
                    continue
                vals = [cell_number(grid.cell(i, c)) for i in parts]
                vals = [v for v in vals if v is not None]
                if len(vals) < 2:
                    continue
                expected = sum(vals)
                if abs(expected - value) > _tolerance(expected) and \
                        abs(leaf_sum(vals) - value) > _tolerance(value):
                    yield self.finding(ctx, cell.location, label=label, value=_fmt(value), total=_fmt(expected),
                                       count=len(vals))
            if is_sub:
                subtotals.append(r)
            else:
                grand_seen = True
            items = []

    def _amounts(self, ctx: Context, grid: Grid) -> Iterable[Finding]:
        for hr, header in enumerate(grid.rows[:15]):
            cols = [c.col for c in header if not c.blank and _AMOUNT.match(norm_label(c.text))]
            # An amount column holds numbers below its header: 'Document Title | Cost Management Plan'
            # in the doc-control table is not one.
            cols = [c for c in cols if _mostly_numbers(grid, hr, c)]
            if not cols:
                continue
            for r in range(hr + 1, len(grid.rows)):
                row = grid.rows[r]
                label = _label(row[: min(cols)]) if row else ""
                if not label or _total_label(row) is not None:
                    continue
                for c in cols:
                    cell = grid.cell(r, c)
                    value = cell_number(cell) if cell is not None else None
                    if cell is None or cell.blank:
                        yield self.finding(ctx, cell.location if cell else row[0].location, variant="blank",
                                           item=label, column=header[c].text.strip())
                    elif value is not None and value <= 0:
                        yield self.finding(ctx, cell.location, item=label, value=cell.text.strip(),
                                           column=header[c].text.strip())
            return
