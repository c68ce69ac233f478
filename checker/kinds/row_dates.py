"""Kind `row_dates`: dates of each row against each other, the register date and the check date
(RR-15, RR-16, RR-18, RR-19, IR-06, CL-04, CL-06).

Params (any combination):
  order: [[a, b, …], …]      chains that must not go backwards; `@register` stands for the register date
  fold_register: N          when the register date is before a row's date in more than N rows, ONE
                            finding (variant `register_before`, at the doc-control Date field, else the
                            register header) says how many, which column, the latest date and a few ids:
                            one stale document date, not thousands of row errors. Without it, or at N
                            rows or fewer, each row is reported (variant `order`)
  no_future: [keys]         dates after the check date (`ctx.today`) — variant `future`
  stale: {column, days, high_days}   selected rows last reviewed more than N days before the register
                            date (high risks: high_days) — variant `stale`; a selected row without
                            the date is skipped (the column rule reports a missing column)
  passed: column            selected rows whose date is before the register date — variant `passed`
  aged: {column, days, working_days}  selected rows older than N (working) days at the check date —
                            variant `aged`
  when: row condition for stale/passed/aged (order and no_future apply to every row)
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Iterable

from pydantic import Field

from checker.analysis.context import Context
from checker.analysis.registers import RegisterView, Row, id_of, register_date_source
from checker.core.findings import Finding
from checker.core.location import Location
from checker.kinds.params import KindParams
from checker.kinds.register_base import RegisterKind, RegisterParams, RowSelection

FOLD_IDS = 3  # ids a folded finding names


class Stale(KindParams):
    column: str = Field(description="the last-reviewed date column")
    days: int = Field(30, ge=0, description="days before the register date a review may be")
    high_days: int | None = Field(None, ge=0, description="the same for high risks (default: days)")


class Aged(KindParams):
    column: str = Field(description="the date column")
    days: int = Field(30, ge=0, description="days before the check date a row may be")
    working_days: bool = Field(False, description="count working days (Mon–Fri)")


def working_days(start: date, end: date) -> int:
    if end <= start:
        return 0
    days = (end - start).days
    weeks, extra = divmod(days, 7)
    count = weeks * 5
    d = start + timedelta(days=weeks * 7)
    for _ in range(extra):
        d += timedelta(days=1)
        if d.weekday() < 5:
            count += 1
    return count


class RowDates(RegisterKind):
    name = "row_dates"

    class Params(RegisterParams, RowSelection):
        order: list[list[str]] = Field([], description="column chains that must not go backwards "
                                                       "(`@register`: the register date)")
        fold_register: int | None = Field(None, ge=0, description="more rows dated after the register date than "
                                                                  "this make one finding")
        no_future: list[str] = Field([], description="date columns that may not be after the check date")
        stale: Stale | None = Field(None, description="selected rows last reviewed too long before the register date")
        passed: str | None = Field(None, description="a date column: selected rows dated before the register date")
        aged: Aged | None = Field(None, description="selected rows older than `days` at the check date")

    params: Params

    def check(self, ctx: Context) -> Iterable[Finding]:
        view = self.view(ctx)
        p = self.params
        reg_date, reg_source = register_date_source(ctx, view)
        yield from self._order(ctx, view, reg_date, reg_source)
        today = ctx.today
        rows, ids, reg_iso = view.rows, view.ids(), reg_date.isoformat()
        stale = p.stale
        if stale and stale.column in view.columns:
            key = stale.column
            dates = view.dates(key)
            days = stale.days
            high_days = stale.high_days
            high = self.high_flags(ctx, view) if high_days is not None else None
            for i in self.select(ctx, view):
                d = dates[i]
                if d is None:
                    continue
                age = (reg_date - d).days
                limit = high_days if high is not None and high[i] else days
                if age > limit:
                    row = rows[i]
                    yield self.row_finding(ctx, view, row, row.cell(key).location, id=ids[i], variant="stale",
                                           date=d.isoformat(), age=age, days=limit, register_date=reg_iso)
        passed = p.passed
        if passed and passed in view.columns:
            dates, label = view.dates(passed), view.label(passed)
            for i in self.select(ctx, view):
                d = dates[i]
                if d is not None and d < reg_date:
                    row = rows[i]
                    yield self.row_finding(ctx, view, row, row.cell(passed).location, id=ids[i], variant="passed",
                                           column=label, date=d.isoformat(), register_date=reg_iso)
        aged = p.aged
        if aged and aged.column in view.columns:
            key = aged.column
            limit = aged.days
            dates = view.dates(key)
            for i in self.select(ctx, view):
                d = dates[i]
                if d is None or d > today:
                    continue
                age = working_days(d, today) if aged.working_days else (today - d).days
                if age > limit:
                    row = rows[i]
                    yield self.row_finding(ctx, view, row, row.cell(key).location, id=ids[i], variant="aged",
                                           column=view.label(key), date=d.isoformat(), age=age, days=limit)

    def _order(self, ctx: Context, view: RegisterView, reg_date: date, reg_source: Location | None) -> Iterable[Finding]:
        """`no_future` and `order` on every row; rows after the register date folded (`fold_register`)."""
        p = self.params
        today = ctx.today
        future_keys = [k for k in p.no_future if k in view.columns]
        chains = [[k for k in chain if k == "@register" or k in view.columns] for chain in p.order]
        chains = [c for c in chains if len([k for k in c if k != "@register"]) >= 1 and len(c) >= 2]
        if not future_keys and not chains:
            return
        fold = p.fold_register
        # When folding is possible, the row findings wait until the rows after the register date are
        # counted; those rows are kept as (row, column key, its date) until then, in row order.
        held: list[Finding | tuple[Row, str, date]] | None = \
            [] if fold is not None and any("@register" in c for c in chains) else None
        future_cols = [(key, view.dates(key)) for key in future_keys]
        chain_cols = [[(key, None if key == "@register" else view.dates(key)) for key in chain] for chain in chains]
        for i, row in enumerate(view.rows):
            future_set: list[str] = []
            for key, dates in future_cols:
                d = dates[i]
                if d is not None and d > today:
                    future_set.append(key)
                    f = self.row_finding(ctx, view, row, row.cell(key).location, variant="future",
                                         column=view.label(key), date=d.isoformat(), today=today.isoformat())
                    if held is None:
                        yield f
                    else:
                        held.append(f)
            for chain in chain_cols:
                prev_key, prev = None, None
                for key, dates in chain:
                    d = reg_date if dates is None else dates[i]
                    if d is None or key in future_set:  # reported once, as a future date
                        continue
                    if prev is not None and d < prev and not (dates is None and future_set):
                        if held is not None and dates is None:
                            held.append((row, prev_key, prev))
                        elif held is not None:
                            held.append(self._order_finding(ctx, view, row, prev_key, prev, key, d))
                        else:
                            yield self._order_finding(ctx, view, row, prev_key, prev, key, d)
                        break
                    prev_key, prev = key, d
        if held is None:
            return
        late = [h for h in held if h.__class__ is tuple]
        if len(late) > fold:
            yield from (h for h in held if h.__class__ is not tuple)
            yield self._folded(ctx, view, late, reg_date, reg_source)
            return
        for h in held:
            yield self._order_finding(ctx, view, h[0], h[1], h[2], "@register", reg_date) if h.__class__ is tuple else h

    def _order_finding(self, ctx: Context, view: RegisterView, row: Row, earlier: str, earlier_date: date,
                       later: str, later_date: date) -> Finding:
        """Row `row`'s `later` date is before its `earlier` one (either may be `@register`)."""
        where = row.cell(earlier).location if later == "@register" else row.cell(later).location
        return self.row_finding(
            ctx, view, row, where, variant="order",
            earlier=view.label(earlier) if earlier != "@register" else _register_label(ctx),
            earlier_date=earlier_date.isoformat(),
            later=view.label(later) if later != "@register" else _register_label(ctx),
            later_date=later_date.isoformat())

    def _folded(self, ctx: Context, view: RegisterView, late: list, reg_date: date,
                reg_source: Location | None) -> Finding:
        """One finding for the rows dated after the register date: the document date is stale."""
        keys = list(dict.fromkeys(key for _, key, _ in late))
        ids = ("、" if ctx.message_language == "zh" else ", ").join(id_of(row, view) for row, _, _ in late[:FOLD_IDS])
        return self.finding(ctx, reg_source or view.header_location(), variant="register_before",
                            count=len(late), column=self.labels(ctx, view, keys),
                            latest=max(d for _, _, d in late).isoformat(),
                            ids=ids + (" …" if len(late) > FOLD_IDS else ""), register_date=reg_date.isoformat())


def _register_label(ctx: Context) -> str:
    return "登记册日期" if ctx.message_language == "zh" else "the register date"
