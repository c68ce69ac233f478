"""Kind `uppercase_amount` (COM-17): a 大写 amount equals the digit amount written beside it.

Chinese finance and approval forms write an amount twice — 人民币壹拾贰万伍仟元整 and ¥125,000.00.
When one field, or one table row, holds both, the 大写 amount is converted and compared (to the fen).
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from checker.analysis.context import Context
from checker.analysis.inventory import cells_with, inventory
from checker.core.findings import Finding
from checker.core.location import Location
from checker.kinds.prose_base import ProseKind
from checker.text.money import UPPER, parse_money, upper_to_number
from checker.text.normalize import nfkc
from checker.text.prefilter import Prefilter, prefiltered

_UPPER_SEARCH = prefiltered(UPPER)  # no 元/圆/圓/角 in the text: no amount in words
_UPPER_PREFILTER = Prefilter(UPPER)


def _digit_amount(text: str) -> float | None:
    t = UPPER.sub(" ", nfkc(text))
    t = re.sub(r"\d{4}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2}\s*日?)?", " ", t)
    m = parse_money(t)
    if m is None or m.amount <= 0:
        return None
    return m.amount


class UppercaseAmount(ProseKind):
    name = "uppercase_amount"

    def check(self, ctx: Context) -> Iterable[Finding]:
        seen: set[tuple] = set()
        for text, location in self._units(ctx):
            if not _UPPER_SEARCH(text) or location.anchor() in seen:
                continue
            upper = upper_to_number(text)
            lower = _digit_amount(text)
            if upper is None or lower is None:
                continue
            seen.add(location.anchor())
            if abs(upper - lower) > 0.005:
                yield self.finding(ctx, location.with_text(text), upper=UPPER.search(text).group(0),
                                   upper_value=f"{upper:,.2f}", lower_value=f"{lower:,.2f}")

    @staticmethod
    def _units(ctx: Context) -> Iterator[tuple[str, Location]]:
        for f in ctx.doc.fields:
            if f.source != "properties":
                yield f.value, f.location
        upper = _upper_texts(ctx)
        if not upper:
            return  # no paragraph or cell holds an amount in words
        for grid in ctx.doc.grids():
            for row in grid.rows:
                first = next(cells_with((row,), upper), None)  # the row's first cell with an amount in words
                if first is not None:
                    yield " ".join(c.text for c in row if not c.merged and c.text.strip()), first.location
        for block in ctx.doc.text_blocks():
            if block.text in upper:
                yield block.text, block.location


def _upper_texts(ctx: Context) -> set[str]:
    """The paragraphs and cells of the document that hold an amount in words (`UPPER`)."""
    return {t for t in _UPPER_PREFILTER.candidates(inventory(ctx).sets()) if UPPER.search(t)}
