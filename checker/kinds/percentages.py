"""Kind `percentages` (COM-18): percentages lie in 0–100 and breakdowns add up to 100 %.

Only columns and fields labelled as a share are read (weight/allocation/distribution/share/占比/权重/
比例/分配), never free text, so variances such as '+120 %' are left alone. A column of such shares
(total rows excluded) must sum to 100 ± `tolerance` (0.5); any single share outside 0–100 is flagged.
"""
from __future__ import annotations

import re
from typing import Iterable

from pydantic import Field

from checker.analysis.context import Context
from checker.core.findings import Finding
from checker.kinds.prose_base import ProseKind, ProseParams
from checker.text.normalize import nfkc
from checker.text.prefilter import Prefilter
from checker.text.search import TextSet

SHARE_LABEL = re.compile(r"weight|allocation|distribution|\bshare\b|占比|权重|比例|分配比|构成比|所占比重", re.I)
_TOTAL = re.compile(r"^\s*(?:total|sum|grand total|合计|总计|小计|共计)\b", re.I)
_PCT = re.compile(r"^\s*([-+]?\d+(?:\.\d+)?)\s*%?\s*$")
_SHARE_PREFILTER = Prefilter(SHARE_LABEL)
_HEAD_ROWS = 8  # a column of shares is labelled in one of a table's first rows


def _pct(text: str, value) -> float | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        v = float(value)
        return v * 100 if 0 < abs(v) <= 1 and "%" in text else v
    m = _PCT.match(nfkc(text or ""))
    return float(m.group(1)) if m else None


class Percentages(ProseKind):
    name = "percentages"

    class Params(ProseParams):
        tolerance: float = Field(0.5, ge=0, description="percentage points a breakdown may miss 100 by")

    params: Params

    def check(self, ctx: Context) -> Iterable[Finding]:
        tol = self.params.tolerance
        # The texts of the rows a header is looked for in that may hold a share label, found at once.
        heads = TextSet({c.text for grid in ctx.doc.grids() for row in grid.rows[:_HEAD_ROWS] for c in row})
        labels = _SHARE_PREFILTER.candidates([heads])
        if not labels:
            return
        for grid in ctx.doc.grids():
            for r, row in enumerate(grid.rows[:_HEAD_ROWS]):
                heads = [c for c in row if c.text in labels and not c.merged and c.text.strip() and len(c.text) <= 40
                         and SHARE_LABEL.search(c.text)]
                if not heads:
                    continue
                for head in heads:
                    values = []
                    for data in grid.rows[r + 1:]:
                        if head.col >= len(data) or data[head.col].merged:
                            continue
                        cell = data[head.col]
                        label = " ".join(c.text for c in data[:2])
                        if _TOTAL.match(label):
                            continue
                        v = _pct(cell.text, cell.value)
                        if v is None:
                            continue
                        values.append((v, cell))
                        if not 0 <= v <= 100:
                            yield self.finding(ctx, cell.location.with_text(cell.text), variant="range",
                                               value=cell.text.strip(), column=head.text.strip())
                    if len(values) >= 2:
                        total = sum(v for v, _ in values)
                        if all(0 < v <= 1 for v, _ in values) and abs(total - 1) <= tol / 100:
                            continue  # fractions that add up to 1
                        if abs(total - 100) > tol:
                            yield self.finding(ctx, head.location.with_text(head.text), variant="sum",
                                               column=head.text.strip(), total=f"{total:g}")
                break
