"""The money of a document: every amount with a role (total budget, authorised amount, contingency,
management reserve, cost baseline, BAC, AC, EV, PV, EAC, actual), normalised to base units and a
currency (350万元 → 3,500,000 CNY), with where it was read; and the % complete of a status report.

Amounts come from fields (`Budget: USD 1.2M`, two-column form rows), from rows of larger tables (the
row's label gives the role, the column header the unit), and from prose (the role word before the
amount in its clause, else the section's heading).
"""
from __future__ import annotations

import re
from typing import Any, Iterator

from checker.analysis.context import Context
from checker.analysis.summary.located import at
from checker.analysis.summary.mentions import Mention, grids, money_in, money_role, numbered
from checker.core.location import Location
from checker.model.elements import Cell, Grid
from checker.text.money import is_unit
from checker.text.normalize import label_unit, nfkc

MAX_LINES = 60
_GRID_ROWS = 300  # a table longer than this is a register, not a statement of figures
_AMOUNT_COLUMN = re.compile(r"total|amount|estimate|budget|cost|value|金额|合计|预算|总计|费用|投资|估算", re.I)
_PCT_LABEL = re.compile(r"%\s*complete|percent(?:age)? complete|complete\s*%|完成百分比|完成率|完成比例|总体进度|整体进度|完成进度",
                        re.I)
_PCT = re.compile(r"(\d{1,3}(?:\.\d+)?)\s*[%％]")


def money_lines(ctx: Context) -> list[dict[str, Any]]:
    """Every role-tagged amount of the document, in reading order, at most MAX_LINES."""
    out: list[dict[str, Any]] = []
    seen: set[tuple] = set()
    for mention, location in _mentions(ctx):
        money = mention.money
        assert money is not None
        key = (money.amount, location.anchor() if location is not None else None)
        if key in seen:
            continue
        seen.add(key)
        line: dict[str, Any] = {"role": mention.role, "amount": money.to_dict()["amount"], "text": mention.text[:120],
                                "location": at(location)}
        if money.currency:
            line["currency"] = money.currency
        out.append(line)
        if len(out) >= MAX_LINES:
            break
    return out


def percent_complete(ctx: Context) -> dict[str, Any] | None:
    """The overall % complete a status report states (a labelled field), as points (0–100)."""
    for field in ctx.doc.fields:
        if field.source != "properties" and _PCT_LABEL.search(field.label):
            m = _PCT.search(nfkc(field.value))
            if m:
                return {"value": float(m.group(1)), "location": at(field.location)}
    return None


_UNSET = object()  # not worked out yet (None is an answer)


def _unit(label: str, declared: str | None = None) -> str | None:
    """The money unit a label's brackets name, else the declared one (asked of a table's first rows' cells)."""
    found = label_unit(label)
    if is_unit(found):
        return found
    return declared if is_unit(declared) else None


def _mentions(ctx: Context) -> Iterator[tuple[Mention, Location | None]]:
    units: dict[tuple[str, str | None], str | None] = {}  # (label, declared unit) -> unit: labels repeat
    for field in ctx.doc.fields:
        if field.source == "properties" or not field.value.strip():
            continue
        key = (field.label, field.unit)
        if key not in units:
            units[key] = _unit(*key)
        for mention in money_in(field.value, field.label, units[key]):
            yield mention, field.location
    for grid in grids(ctx):
        if len(grid.rows) <= _GRID_ROWS and grid.width >= 2:
            yield from _grid_mentions(grid)
    prose = numbered(ctx)  # (money_in finds no amount in a paragraph without a digit)
    for block, heading in zip(prose.blocks, prose.titles):  # in the outline's order: the document's
        for mention in money_in(block.text, heading, prose=True):
            yield mention, block.location


def _grid_mentions(grid: Grid) -> Iterator[tuple[Mention, Location | None]]:
    """A row's label (its first text cell) and its amount: in the amount column when the header names
    one ('Total', '金额（万元）'), else the first amount right of the label. A total row of a table
    whose amount columns name roles ('Baseline (USD) | Actual (USD)') gives one amount per column."""
    header = grid.rows[0] if grid.rows else []
    units: dict[int, str] = {}
    for row in grid.rows[:5]:  # a sheet's header is often under a title: '金额（万元）' on row 3
        for c in row:
            if not c.merged and c.col not in units and (u := _unit(c.text)):
                units[c.col] = u
    amount_cols = [c.col for c in header if not c.merged and _AMOUNT_COLUMN.search(c.text)]
    roles = {c.col: r for c in header if not c.merged and (r := money_role(c.text)) and r != "total"}
    for row in grid.rows[1:]:
        label = _label(row)
        if label is None:
            continue
        text, col = label
        cells = [c for c in row if c.col > col and not c.blank and not c.merged]
        if roles and money_role(text) in (None, "total"):
            for cell in cells:
                if cell.col in roles:
                    found = money_in(_cell_text(cell), text, units.get(cell.col))
                    if found:
                        yield Mention(roles[cell.col], found[0].text, money=found[0].money), cell.location
            continue
        preferred = [c for c in cells if c.col in amount_cols[-1:]]
        own_unit: Any = _UNSET  # the label's own unit, worked out once per row when a column has none
        for cell in preferred or cells:
            unit = units.get(cell.col)
            if not unit:
                if own_unit is _UNSET:
                    own_unit = _unit(text)
                unit = own_unit
            found = money_in(_cell_text(cell), text, unit)
            if found:
                yield found[0], cell.location
                break


def _label(row: list[Cell]) -> tuple[str, int] | None:
    for c in row[:3]:
        if c.merged or c.blank:
            continue
        t = " ".join(c.text.split())
        if re.search(r"[A-Za-z\u4e00-\u9fff]{2,}", t) and len(t) <= 80:
            return t, c.col
        return None
    return None


def _cell_text(cell: Cell) -> str:
    if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
        return str(cell.value)
    return cell.text
