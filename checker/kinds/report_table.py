"""Kind `report_table`: the rows of a report's table checked against each other and the report date
(SR-06 milestones, CLS-03 schedule variance, CLS-04 cost variance).

The table is found by its header (column synonyms, EN and ZH) in the rule's section (`keys`), else
anywhere in the document. Param `check`:
  milestones  SR-06: a completed milestone's actual date is not after the report date; an incomplete
              one is not forecast before the report date; a stated slip equals forecast (or actual)
              − baseline (calendar or working days)
  schedule    CLS-03: a stated finish variance equals actual finish − planned finish (calendar or
              working days)
  cost        CLS-04: variance = actual − budget, variance % = variance / budget; a variance beyond
              `threshold` % (GUESS, default 10; the COST_PLAN's own threshold is cross-document) has a
              reason (a reason/comment column, or the section's text names the item with a cause)
The report date is the `Report Date`/`报告日期`/`Status date` field, else the doc-control date.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Iterable, Literal, Self

from pydantic import Field, model_validator

from checker.analysis.context import Context
from checker.analysis.sections import find_all
from checker.core.findings import Finding
from checker.io.tables import find_header
from checker.kinds.base import Kind
from checker.kinds.figures import header_units, parse_value
from checker.kinds.params import KindParams
from checker.kinds.row_dates import working_days
from checker.lexicon.synonyms import Synonyms
from checker.model.elements import Cell, Grid
from checker.text.dates import parse_date
from checker.text.normalize import nfkc

COLUMNS = {
    "milestones": {
        "item": ["Milestone", "Milestones", "Milestone Name", "Deliverable", "里程碑", "里程碑名称", "里程碑事件", "名称"],
        "baseline": ["Baseline", "Baseline Date", "Planned", "Planned Date", "Plan", "Planned Finish", "Target Date",
                     "基线", "基线日期", "计划", "计划日期", "计划完成", "计划完成时间", "计划完成日期"],
        "forecast": ["Forecast", "Forecast Date", "Expected", "Revised", "Revised Date", "Current Forecast",
                     "预测", "预测日期", "预计", "预计完成", "预计完成时间", "预计完成日期"],
        "actual": ["Actual", "Actual Date", "Actual Finish", "Completed", "实际", "实际日期", "实际完成",
                   "实际完成时间", "实际完成日期"],
        "status": ["Status", "RAG", "状态"],
        "slip": ["Slip", "Slip (days)", "Variance", "Variance (days)", "Delay", "Delay (days)", "偏差", "偏差（天）",
                 "延误", "延误（天）", "延期天数", "偏差天数"],
    },
    "schedule": {
        "planned": ["Planned Finish", "Planned End", "Planned Completion", "Baseline Finish", "Planned End Date",
                    "计划结束", "计划完成", "计划完成时间", "计划结束时间", "计划结束日期", "计划完成日期", "基线完成"],
        "actual": ["Actual Finish", "Actual End", "Actual Completion", "Actual End Date", "实际结束", "实际完成",
                   "实际完成时间", "实际结束时间", "实际结束日期", "实际完成日期"],
        "variance": ["Finish Variance", "Finish Variance (days)", "Variance (days)", "Variance", "Slip", "Delay",
                     "Schedule Variance", "结束偏差", "结束偏差（天）", "偏差（天）", "偏差", "进度偏差", "延误（天）",
                     "延期天数", "偏差天数"],
    },
    "cost": {
        "budget": ["Budget", "Baseline", "Cost Baseline", "Planned Cost", "Planned", "Approved Budget", "Estimate",
                   "预算", "成本基准", "计划成本", "预算金额", "计划金额", "批复预算"],
        "actual": ["Actual", "Actual Cost", "Actual Spend", "实际", "实际成本", "实际支出", "实际金额", "决算"],
        "variance": ["Variance", "Cost Variance", "Variance Amount", "偏差", "成本偏差", "偏差金额", "差额"],
        "pct": ["Variance %", "Variance (%)", "Variance Percent", "% Variance", "偏差率", "偏差（%）", "偏差比例",
                "偏差百分比"],
        "reason": ["Reason", "Reasons", "Explanation", "Comment", "Comments", "Cause", "Remarks", "原因", "偏差原因",
                   "说明", "备注"],
    },
}
_DONE = re.compile(r"^(?:complete|completed|done|achieved|met|closed|finished|已完成|完成|已达成|达成|已关闭)", re.I)
_CAUSE = re.compile(r"because|due to|caused|reason|owing to|as a result|driven by|原因|由于|因为|主要是|导致|系", re.I)
_REPORT_DATE = re.compile(r"report(?:ing)? date|status date|data date|as of|as at|报告日期|汇报日期|截至日期|状态日期|统计日期",
                          re.I)


def report_date(ctx: Context) -> date | None:
    def compute():
        for f in ctx.doc.fields:
            if _REPORT_DATE.search(f.label):
                d = parse_date(f.value)
                if d is not None:
                    return d
        from checker.analysis.views import first_value
        f = first_value(ctx, "date")
        return parse_date(f.value) if f is not None else None
    return ctx.memo("report_table.report_date", compute)


class ReportTable(Kind):
    name = "report_table"

    class Params(KindParams):
        check: Literal["milestones", "schedule", "cost"] = Field(
            "milestones", description="milestones (SR-06), schedule (CLS-03) or cost (CLS-04)")
        columns: dict[str, list[str]] = Field({}, description="more header synonyms, by column role of the check")
        keys: list[str] = Field([], description="section keys whose tables are read (default: every table)")
        threshold: float = Field(10, ge=0, description="cost: a variance beyond this % needs a reason")

        @model_validator(mode="after")
        def _known_columns(self) -> Self:
            unknown = sorted(set(self.columns) - set(COLUMNS[self.check]))
            if unknown:
                raise ValueError(f"columns {', '.join(unknown)} are not columns of check {self.check} "
                                 f"(its columns: {', '.join(COLUMNS[self.check])})")
            return self

    params: Params

    def __init__(self, spec):
        super().__init__(spec)
        self.mode = self.params.check
        cols = {k: list(v) for k, v in COLUMNS[self.mode].items()}
        for k, extra in self.params.columns.items():
            cols[k].extend(extra)
        self.synonyms = Synonyms(cols)
        self.must = {"milestones": ("baseline",), "schedule": ("planned", "actual", "variance"),
                     "cost": ("budget", "actual")}[self.mode]

    def _tables(self, ctx: Context) -> list[tuple[Grid, int, dict[str, int], str]]:
        grids: list[tuple[Grid, str]] = []
        for key in self.params.keys:
            for hit in find_all(ctx, key):
                if hit.kind == "heading":
                    grids.extend((b.grid, hit.text) for b in hit.blocks if b.grid is not None)
        if not grids:
            grids = [(b.grid, "") for b in ctx.doc.blocks if b.grid is not None] + [(s.grid, "") for s in ctx.doc.sheets]
        out, seen = [], set()
        for grid, text in grids:
            if id(grid) in seen:
                continue
            seen.add(id(grid))
            found = find_header(grid, self.synonyms, min_hits=len(self.must), must_have=self.must)
            if found is not None:
                out.append((grid, found[0], found[1], text))
        return out

    def check(self, ctx: Context) -> Iterable[Finding]:
        for grid, hr, cols, text in self._tables(ctx):
            yield from getattr(self, "_" + self.mode)(ctx, grid, hr, cols, text)

    @staticmethod
    def _doc_text(ctx: Context) -> str:
        return ctx.memo("report_table.text", lambda: nfkc(ctx.doc.all_text()))

    @staticmethod
    def _cell(grid: Grid, r: int, cols: dict[str, int], key: str) -> Cell | None:
        if key not in cols:
            return None
        c = grid.cell(r, cols[key])
        return None if c is None or c.merged else c

    @staticmethod
    def _label(grid: Grid, r: int) -> str:
        for c in grid.rows[r]:
            if not c.blank and not c.merged and parse_date(c.text) is None:
                return " ".join(c.text.split())[:60]
        return f"#{r}"

    def _date(self, grid, r, cols, key) -> tuple[date | None, Cell | None]:
        c = self._cell(grid, r, cols, key)
        if c is None or c.blank:
            return None, c
        return parse_date(c.value if c.value is not None and not isinstance(c.value, (int, float)) else c.text), c

    @staticmethod
    def _days_match(stated: float, a: date, b: date) -> bool:
        calendar = (b - a).days
        work = working_days(a, b) if b >= a else -working_days(b, a)
        return any(abs(stated - x) <= 0.5 for x in (calendar, work))

    def _milestones(self, ctx, grid, hr, cols, text) -> Iterable[Finding]:
        today = report_date(ctx)
        for r in range(hr + 1, len(grid.rows)):
            base, _ = self._date(grid, r, cols, "baseline")
            fc, fcell = self._date(grid, r, cols, "forecast")
            act, acell = self._date(grid, r, cols, "actual")
            status = self._cell(grid, r, cols, "status")
            done = act is not None or (status is not None and bool(_DONE.match(nfkc(status.text).strip())))
            named = self._cell(grid, r, cols, "item")
            item = " ".join(named.text.split())[:60] if named is not None and not named.blank else self._label(grid, r)
            if today is not None:
                if act is not None and act > today:
                    yield self.finding(ctx, acell.location, variant="actual", item=item, date=act.isoformat(),
                                       report_date=today.isoformat())
                    continue
                if not done and fc is not None and fc < today:
                    yield self.finding(ctx, fcell.location, variant="forecast", item=item, date=fc.isoformat(),
                                       report_date=today.isoformat())
                    continue
                if not done and fc is None and base is not None and base < today and "forecast" in cols:
                    cell = self._cell(grid, r, cols, "forecast")
                    yield self.finding(ctx, cell.location if cell else grid.rows[r][0].location, variant="overdue",
                                       item=item, date=base.isoformat(), report_date=today.isoformat())
                    continue
            slip = self._cell(grid, r, cols, "slip")
            later = act or fc
            if slip is not None and not slip.blank and base is not None and later is not None:
                v = parse_value(slip.text)
                if v is not None and not v.percent and not self._days_match(v.number, base, later):
                    yield self.finding(ctx, slip.location, variant="slip", item=item, value=slip.text.strip(),
                                       expected=(later - base).days, baseline=base.isoformat(), date=later.isoformat())

    def _schedule(self, ctx, grid, hr, cols, text) -> Iterable[Finding]:
        for r in range(hr + 1, len(grid.rows)):
            plan, _ = self._date(grid, r, cols, "planned")
            act, _ = self._date(grid, r, cols, "actual")
            var = self._cell(grid, r, cols, "variance")
            if plan is None or act is None or var is None or var.blank:
                continue
            v = parse_value(var.text)
            if v is None or v.percent:
                continue
            if not self._days_match(v.number, plan, act):
                yield self.finding(ctx, var.location, item=self._label(grid, r), value=var.text.strip(),
                                   expected=f"{(act - plan).days:+d}", planned=plan.isoformat(), actual=act.isoformat())

    def _cost(self, ctx, grid, hr, cols, text) -> Iterable[Finding]:
        units = header_units(grid)
        threshold = self.params.threshold
        body = nfkc(text or "")
        for r in range(hr + 1, len(grid.rows)):
            cells = {k: self._cell(grid, r, cols, k) for k in ("budget", "actual", "variance", "pct", "reason")}
            vals = {k: parse_value(c.text, units.get(cols[k])) if c is not None and not c.blank else None
                    for k, c in cells.items() if k != "reason"}
            b, a = vals.get("budget"), vals.get("actual")
            if b is None or a is None or b.percent or a.percent:
                continue
            item = self._label(grid, r)
            var, pct = vals.get("variance"), vals.get("pct")
            diff = a.number - b.number
            if var is not None and not var.percent:
                tol = max(0.5 * (var.step + a.step + b.step), 0.001 * abs(b.number), 0.5)
                if abs(var.number - diff) > tol and abs(var.number + diff) > tol:
                    yield self.finding(ctx, cells["variance"].location, variant="variance", item=item,
                                       value=var.text, expected=_fmt(diff), actual=a.text, budget=b.text)
                    continue
            share = 100 * diff / b.number if b.number else None
            if pct is not None and share is not None:
                p = pct.number if pct.percent else pct.number * (100 if abs(pct.number) <= 1 else 1)
                if abs(abs(p) - abs(share)) > max(0.15, 0.6 * pct.step) and abs(abs(p) - abs(share)) > 0.5:
                    yield self.finding(ctx, cells["pct"].location, variant="percent", item=item, value=pct.text,
                                       expected=f"{share:+.1f}%")
                    continue
            if share is None or abs(share) <= threshold or re.match(r"^(?:total|合计|总计)", item, re.I):
                continue
            reason = cells.get("reason")
            if reason is not None and not reason.blank:
                continue
            if _names_with_cause(body, item) or _names_with_cause(self._doc_text(ctx), item, sentence=True):
                continue
            where = cells["pct"] or cells["variance"] or cells["actual"]
            yield self.finding(ctx, where.location, variant="reason", item=item, share=f"{share:+.1f}%",
                               threshold=f"{threshold:g}%")


def _names_with_cause(text: str, item: str, sentence: bool = False) -> bool:
    """The text explains the item: it names it (first words or characters) and gives a cause — in the
    section's text as a whole, or (`sentence`, the whole document) within one sentence."""
    if not text:
        return False
    words = [w for w in re.findall(r"[A-Za-z]{4,}", item)][:2]
    cjk = re.findall(r"[\u4e00-\u9fff]{2,}", item)
    keys = [w.lower() for w in words] + [c[:4] for c in cjk[:1]]
    if not keys:
        return False
    parts = re.split(r"(?<=[.;。；!?！？])\s+|(?<=[。；！？])|\n", text) if sentence else [text]
    return any(any(k in p.lower() for k in keys) and _CAUSE.search(p) for p in parts)


def _fmt(n: float) -> str:
    return f"{n:+,.2f}".rstrip("0").rstrip(".")
