"""Kind `money_units` (COM-11): monetary values say their currency and unit (元 / 万元 / USD …).

Looked at: fields labelled as budget/cost/amount, and table or sheet columns whose header is a money
word. A value passes when it carries a currency or unit itself, when its column header or label does
('预算（万元）', 'Cost (USD)'), or when the document declares one unit for all amounts ('单位：万元',
'All amounts in USD'). A money column whose numbers carry no unit anywhere gets one finding at its
header; a bare amount in a field gets one at the value. A table whose cells mix 元 and 万元 while
other amounts are bare is flagged at the first bare cell (the 10,000× trap).
Numbers below 100 with no unit are not treated as money (scores, counts, item numbers).
"""
from __future__ import annotations

import re
from typing import Iterable

from checker.analysis.context import Context
from checker.analysis.inventory import inventory
from checker.core.findings import Finding
from checker.kinds.prose_base import ProseKind
from checker.model.elements import Cell, Grid
from checker.text.money import CN_SCALED_UNIT, CN_UNIT, names_currency
from checker.text.normalize import nfkc
from checker.text.prefilter import Prefilter, prefiltered
from checker.text.search import NFKC, Search, TextSet, containing

MONEY_LABEL = re.compile(r"budget|\bcost|amount|price|\bfunding\b|\bspend|expenditure|预算|金额|费用|成本|价格|"
                         r"单价|总价|投资|资金|经费|报价|造价|合同额|合同金额|支出", re.I)
NOT_MONEY_LABEL = re.compile(r"%|percent|比例|占比|比率|\brate\b|\bid\b|编号|code|代码|\bno\.?\b|日期|date|时间|"
                             r"说明|描述|description|notes?|备注|type|类型|类别|category|依据|basis|owner|责任|"
                             r"impact|影响|来源|source|科目|item|名称|name|status|状态|控制|threshold|临界|"
                             r"variance\s*%|index|指数|cpi|spi|duration|工期|天|days?|hours?|工时|人月|人天|"
                             r"单位|unit|精度|accuracy|precision|管理计划|plan\b|计划$|方法|method|频率", re.I)
_SCALE = re.compile(rf"{CN_UNIT}|人民币|\b(?:k|m|million|thousand)\b", re.I)
_DECLARED = re.compile(rf"(?:金额|货币|币种)?单位\s*[:：]\s*(?:人民币)?\s*(?:{CN_UNIT}|美元)|"
                       r"(?:all\s+)?(?:amounts?|figures?|costs?|values?)\s+(?:are\s+)?(?:in|shown in|expressed in)\s+"
                       r"(?:[A-Z]{3}|\$|dollars|euros|thousands|millions)|\bcurrency\s*[:：]\s*[A-Z]{3}|"
                       rf"[(（]\s*(?:单位\s*[:：]?\s*)?(?:{CN_UNIT}|USD|CNY|RMB|EUR)\s*[)）]\s*$", re.I)
_NUMBER = re.compile(r"(?<![\d.])\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?(?![\d])|(?<![\d.])\d{3,}(?:\.\d+)?(?![\d])")
_DATEISH = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2})?|\d{1,2}\s*[/.]\s*\d{1,2}\s*[/.]\s*\d{2,4}|"
                      r"\b(?:19|20)\d{2}\b|[A-Z]{2,}-\d+|\d+(?:\.\d+)?\s*%|\bv\d+(?:\.\d+)*|\d+(?:\.\d+)?\s*(?:天|days?|人|个|项|次|周|月|年|小时|hours?)")
_DECLARED_SEARCH = prefiltered(_DECLARED)  # skips the texts that hold none of its literal anchors
_DECLARED_PREFILTER = Prefilter(_DECLARED)
_DIGIT = re.compile(r"\d")
_LONG_NUMBER = re.compile(r"\d{3,}")  # a header label holds no long number
_UNITS = re.compile(rf"{CN_SCALED_UNIT}|(?<![百万亿千])元")  # each unit once: 元 not inside 万元


def _has_unit(text: str) -> bool:
    """A money unit (元, 万元, k, million) or a currency (any ISO 4217 code, sign or currency word)."""
    return bool(_SCALE.search(text)) or names_currency(text)


def bare_amount(text: str) -> bool:
    """A number that looks like money (≥ 100) and carries no currency or unit."""
    t = nfkc(text or "")
    if _has_unit(t):
        return False
    t = _DATEISH.sub(" ", t)
    return bool(_NUMBER.search(t))


def declared_in_document(ctx: Context) -> bool:
    """A paragraph, or a cell of a table's first rows, declares the unit of all amounts ('单位：万元')."""
    def compute() -> bool:
        heads = TextSet({c.text for grid in ctx.doc.grids() for row in grid.rows[:3] for c in row if len(c.text) < 80})
        if _declares([heads]):
            return True
        found = _declares(inventory(ctx).sets(cells=()))
        # The inventory's paragraphs may hold a text block or two more than `text_blocks` does.
        return bool(found) and any(b.text in found for b in ctx.doc.text_blocks())

    return ctx.memo("money_units.declared", compute)


def _declares(sets: list[TextSet]) -> set[str]:
    return {t for t in _DECLARED_PREFILTER.candidates(sets, (NFKC,)) if _DECLARED_SEARCH(nfkc(t))}


_YUAN = Search(("元",))  # every unit ends in 元, and no character normalises to one


class MoneyUnits(ProseKind):
    name = "money_units"

    def scans(self, ctx: Context) -> Iterable[Search]:
        return (*_DECLARED_PREFILTER.searches((NFKC,)), _YUAN)

    def check(self, ctx: Context) -> Iterable[Finding]:
        if declared_in_document(ctx):
            return
        for f in ctx.doc.fields:
            if f.source == "properties" or not MONEY_LABEL.search(f.label) or NOT_MONEY_LABEL.search(f.label):
                continue
            if _has_unit(nfkc(f.label)):
                continue
            if bare_amount(f.value):
                yield self.finding(ctx, f.location.with_text(f.value), variant="field", field=f.label.strip(" :："),
                                   value=f.value.strip()[:60])
        # A document whose cells never hold 元 has no table that mixes units.
        yuan = bool(containing(inventory(ctx).sets(paragraphs=()), _YUAN))
        for grid in ctx.doc.grids():
            yield from self._grid(ctx, grid, yuan)

    def _grid(self, ctx: Context, grid: Grid, yuan: bool) -> Iterable[Finding]:
        header = _money_header(grid)
        if header is not None:
            r0, cols = header
            for col, head in cols.items():
                values = [row[col] for row in grid.rows[r0 + 1:] if col < len(row) and not row[col].merged
                          and (row[col].text.strip() or isinstance(row[col].value, (int, float)))]
                if any(_has_unit(nfkc(c.text)) for c in values):
                    continue  # a total or a cell of the column says the currency: it holds for the column
                bare = [c for c in values if _bare_cell(c)]
                if bare and len(bare) * 2 >= len([c for c in values if _DIGIT.search(c.text)]):
                    yield self.finding(ctx, head.location.with_text(head.text), variant="column",
                                       column=head.text.strip(), example=bare[0].text.strip())
        if not yuan:
            return
        units = {u for row in grid.rows for c in row if not c.merged and "元" in c.text and _DIGIT.search(c.text)
                 for u in _UNITS.findall(nfkc(c.text))}
        if len(units) > 1:
            bare = next((c for row in grid.rows for c in row if not c.merged and _bare_cell(c)
                         and MONEY_LABEL.search(_row_label(grid, c))), None)
            if bare is not None:
                yield self.finding(ctx, bare.location.with_text(bare.text), variant="mixed",
                                   units="/".join(sorted(units)), value=bare.text.strip())


def _bare_cell(c: Cell) -> bool:
    if isinstance(c.value, (int, float)) and not isinstance(c.value, bool):
        return abs(c.value) >= 100 and not _has_unit(c.text)
    return bare_amount(c.text) and len(c.text) <= 40


def _row_label(grid: Grid, c: Cell) -> str:
    row = grid.rows[c.row] if c.row < len(grid.rows) else []
    head = grid.rows[0][c.col].text if grid.rows and c.col < len(grid.rows[0]) else ""
    return " ".join(x.text for x in row[:2]) + " " + head


def _money_header(grid: Grid) -> tuple[int, dict[int, Cell]] | None:
    for r, row in enumerate(grid.rows[:8]):
        labels = [c for c in row if not c.merged and c.text.strip() and len(c.text) <= 40 and not _LONG_NUMBER.search(c.text)]
        if len(labels) < 2 or len(labels) < len([c for c in row if c.text.strip()]) - 1:
            continue
        cols = {c.col: c for c in labels if MONEY_LABEL.search(c.text) and not NOT_MONEY_LABEL.search(c.text)
                and not _has_unit(nfkc(c.text))}
        money_any = [c for c in labels if MONEY_LABEL.search(c.text)]
        if money_any:
            return r, cols
    return None
