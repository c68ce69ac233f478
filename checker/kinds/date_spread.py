"""Kind `date_spread`: a register kept during the project, not written in one sitting (LL-09).

Params: `column` (default `date`), `min_rows` (default 5: fewer dated entries say nothing), `min_days`
(default 7, GUESS: the 'closure week' of the standard). When every dated entry falls within
`min_days` of the first one, one finding at the date column's header.
"""
from __future__ import annotations

from typing import Iterable

from checker.analysis.context import Context
from checker.core.findings import Finding
from checker.kinds.register_base import RegisterKind


class DateSpread(RegisterKind):
    name = "date_spread"

    def check(self, ctx: Context) -> Iterable[Finding]:
        view = self.view(ctx)
        key = self.params.get("column", "date")
        if key not in view.columns:
            return
        dates = sorted(d for d in view.dates(key) if d is not None)
        if len(dates) < int(self.params.get("min_rows", 5)):
            return
        span = (dates[-1] - dates[0]).days
        if span < int(self.params.get("min_days", 7)):
            header = view.grid.cell(view.header_row, view.columns[key])
            yield self.finding(ctx, header.location if header is not None else view.header_location(),
                               count=len(dates), first=dates[0].isoformat(), last=dates[-1].isoformat(),
                               days=span + 1, column=view.label(key))
