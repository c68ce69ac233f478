"""Kind `row_count`: the register is not trivially small (RR-22) and covers several categories (RR-24).

Params: `min` or `sizes` ({small, medium, large}) with `size` (default medium) — fewer rows is a
finding (variant `empty` when there are none); `distinct: column` with `min` counts distinct values
of a column instead (silent when the column is missing or the register is empty).
"""
from __future__ import annotations

from typing import Iterable

from pydantic import Field

from checker.analysis.context import Context
from checker.core.findings import Finding
from checker.kinds.params import Size
from checker.kinds.register_base import RegisterKind, RegisterParams
from checker.text.normalize import norm_label


class RowCount(RegisterKind):
    name = "row_count"

    class Params(RegisterParams):
        min: int | None = Field(None, ge=0, description="the fewest rows (or distinct values)")
        sizes: dict[Size, int] = Field({}, description="the fewest rows by project size, when `min` is not given")
        size: Size = Field("medium", description="the project size (set from [check] size when `sizes` is used)")
        distinct: str | None = Field(None, description="count the distinct values of this column instead of rows")

    params: Params

    def check(self, ctx: Context) -> Iterable[Finding]:
        view = self.view(ctx)
        p = self.params
        minimum = p.min if p.min is not None else p.sizes.get(p.size, 1)
        column = p.distinct
        if column:
            if column not in view.columns or not view.rows:
                return
            values = {norm_label(text) for text in set(view.texts(column)) if text}
            if len(values) < minimum:
                yield self.finding(ctx, view.header_location(), count=len(values), min=minimum,
                                   column=view.label(column))
            return
        count = len(view.rows)
        if count == 0:
            yield self.finding(ctx, view.header_location(), variant="empty", min=minimum)
        elif count < minimum:
            yield self.finding(ctx, view.header_location(), count=count, min=minimum)
