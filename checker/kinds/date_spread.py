"""Kind `date_spread`: a register kept during the project, not written in one sitting (LL-09).

Params: `column` (default `date`), `min_rows` (default 5: fewer dated entries say nothing), `min_days`
(default 7, GUESS: the 'closure week' of the standard). When every dated entry falls within
`min_days` of the first one, one finding at the date column's header.
"""
from __future__ import annotations

from typing import Iterable

from pydantic import Field

from checker.analysis.context import Context
from checker.core.findings import Finding
from checker.kinds.register_base import RegisterKind, RegisterParams


class DateSpread(RegisterKind):
    name = "date_spread"

    class Params(RegisterParams):
        column: str = Field("date", description="the date column's key")
        min_rows: int = Field(5, ge=1, description="fewer dated entries say nothing")
        min_days: int = Field(7, ge=0, description="entries all within this many days of the first are a finding")

    params: Params

    def check(self, ctx: Context) -> Iterable[Finding]:
        view = self.view(ctx)
        key = self.params.column
        if key not in view.columns:
            return
        dates = sorted(d for d in view.dates(key) if d is not None)
        if len(dates) < self.params.min_rows:
            return
        span = (dates[-1] - dates[0]).days
        if span < self.params.min_days:
            header = view.grid.cell(view.header_row, view.columns[key])
            yield self.finding(ctx, header.location if header is not None else view.header_location(),
                               count=len(dates), first=dates[0].isoformat(), last=dates[-1].isoformat(),
                               days=span + 1, column=view.label(key))
