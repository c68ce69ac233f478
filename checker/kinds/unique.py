"""Kind `unique`: register IDs are non-empty and unique (RR-02, IR-02, CL-02 uniqueness part).

One finding per blank ID and per repeated ID, at the ID cell. Param `column` (the ID key).
"""
from __future__ import annotations

from typing import Iterable

from pydantic import Field

from checker.analysis.context import Context
from checker.core.findings import Finding
from checker.kinds.register_base import RegisterKind, RegisterParams
from checker.text.normalize import norm_label


class Unique(RegisterKind):
    name = "unique"

    class Params(RegisterParams):
        column: str = Field("id", description="the ID column's key")

    params: Params

    def check(self, ctx: Context) -> Iterable[Finding]:
        view = self.view(ctx)
        key = self.params.column
        if key not in view.columns:
            return
        seen: dict[str, int] = {}
        for row, text in zip(view.rows, view.texts(key)):
            if not text:
                cell = row.cell(key)
                yield self.row_finding(ctx, view, row, cell.location if cell else None, variant="blank",
                                       id=f"#{row.line}")
                continue
            norm = norm_label(text)
            if norm in seen:
                yield self.row_finding(ctx, view, row, row.cell(key).location, id=text, first=seen[norm])
            else:
                seen[norm] = row.line
