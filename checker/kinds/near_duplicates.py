"""Kind `near_duplicates` (RR-20): no two entries of a register say almost the same thing.

The texts of `column` are compared by content (`checker.nlp.similar`: words and Chinese characters,
rapidfuzz's normalised Indel similarity); entries at least `threshold` alike form a group, reported
once at its second entry, naming the others. Closed entries may repeat an open one's wording
(a risk that returns), so `when` selects the rows compared (default: every row).
"""
from __future__ import annotations

from typing import Iterable

from pydantic import Field

from checker.analysis.context import Context
from checker.core.findings import Finding
from checker.kinds.register_base import RegisterKind, RegisterParams, RowSelection
from checker.nlp.similar import groups


class NearDuplicates(RegisterKind):
    name = "near_duplicates"

    class Params(RegisterParams, RowSelection):
        column: str = Field("description", description="the column compared")
        threshold: float = Field(0.9, gt=0, le=1, description="similarity (0–1) from which two entries are alike")

    params: Params

    def check(self, ctx: Context) -> Iterable[Finding]:
        view = self.view(ctx)
        key = self.params.column
        if key not in view.columns:
            return
        selected = list(self.select(ctx, view))
        texts = view.texts(key)
        ids = view.ids()
        sep = "、" if ctx.message_language == "zh" else ", "
        for group in groups([texts[n] for n in selected], self.params.threshold):
            rows = [selected[i] for i in group]
            first, second = rows[0], rows[1]
            row = view.rows[second]
            yield self.row_finding(ctx, view, row, view.location_of(row, key), id=ids[second],
                                   first=ids[first], others=sep.join(ids[n] for n in rows if n != second),
                                   count=len(rows))
