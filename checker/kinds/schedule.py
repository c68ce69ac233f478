"""Kind `schedule`: schedule-specific row checks (SCH-01, SCH-02, SCH-05, SCH-07, SCH-09, SCH-12).

Param `check`:
  activities   every activity has ID and name, and (non-summary rows) start and finish; the schedule
               flags milestones somewhere (milestone column, zero duration, or 'Milestone'/'里程碑')
  dates        start ≤ finish; a milestone has zero duration
  links        predecessor references resolve (`3`, `3FS+2d`, `3,4`, `5SS`) and form no cycle
  lags         no negative lags; an FS successor starts no earlier than its predecessor finishes
  status_date  against the status date (a `Status Date`/`状态日期` field), when the document has one:
               unfinished work planned to finish before it, actual dates after it
  progress     % complete within 0–100; 100 % ⇔ actual finish; > 0 % ⇒ actual start
Summary rows (WBS parents such as `2` above `2.1`) are not activities for `activities`.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Iterable, Literal

from pydantic import Field

from checker.analysis.context import Context
from checker.analysis.registers import RegisterView, Row, cell_number, status_of
from checker.core.findings import Finding
from checker.kinds.register_base import RegisterKind, RegisterParams, is_summary
from checker.text.dates import parse_date
from checker.text.normalize import nfkc, norm_label

_TOKEN = re.compile(
    r"^\s*(?P<id>[A-Za-z]*[-_]?\d+(?:\.\d+)*)\s*(?P<type>FS|SS|FF|SF|完成-开始|开始-开始|完成-完成|开始-完成)?\s*"
    r"(?P<lag>[+\-−]\s*\d+(?:\.\d+)?)?\s*(?P<unit>d|days?|w|wks?|weeks?|h|hrs?|hours?|天|日|周|工作日|小时)?\s*$", re.I)
_SPLIT = re.compile(r"[,;，；、\s]+(?=[A-Za-z]*[-_]?\d)")
_MILESTONE_WORD = re.compile(r"milestone|里程碑", re.I)
_YES = re.compile(r"^(?:y|yes|true|x|✓|✔|是|1|milestone|里程碑)$", re.I)
_STATUS_DATE = re.compile(r"status date|data date|as of|reporting date|状态日期|数据日期|截至日期|统计日期", re.I)
DONE = re.compile(r"complete|completed|done|finished|已完成|完成|closed", re.I)
_UNIT_DAYS = {"w": 7, "wk": 7, "wks": 7, "week": 7, "weeks": 7, "周": 7}


def parse_links(text: str) -> list[tuple[str, str, float]] | None:
    """[(id, type, lag days)] or None when the text is not a predecessor list."""
    t = nfkc(text).strip()
    if not t:
        return []
    out = []
    for token in _SPLIT.split(t):
        token = token.strip(" ,;，；、")
        if not token:
            continue
        m = _TOKEN.match(token)
        if not m:
            return None
        lag = float(m.group("lag").replace(" ", "").replace("−", "-")) if m.group("lag") else 0.0
        unit = (m.group("unit") or "").lower()
        lag *= _UNIT_DAYS.get(unit, 1)
        kind = (m.group("type") or "FS").upper()
        kind = {"完成-开始": "FS", "开始-开始": "SS", "完成-完成": "FF", "开始-完成": "SF"}.get(kind, kind)
        out.append((m.group("id"), kind, lag))
    return out


_NUMBER = re.compile(r"\d+(?:\.\d+)?")  # a reference written as a number ('1.0', '1.01')


def _number_key(value: float) -> str:
    """A number as a key: 1, 1.0 and '1.00' are one key; 1.01 stays 1.01."""
    return f"{float(value):.10f}".rstrip("0").rstrip(".")


def _find(resolve: dict[str, Row], ref: str) -> Row | None:
    """The task a predecessor reference names: by its id as written, else by its number's value."""
    found = resolve.get(norm_label(ref)) or resolve.get(ref)
    if found is None and _NUMBER.fullmatch(ref.strip()):
        found = resolve.get(_number_key(float(ref)))
    return found


def flagged_milestone(view: RegisterView, row: Row) -> bool:
    """Flagged by the milestone column when there is one, else by its name."""
    if "milestone" in view.columns:
        return bool(_YES.match(row.text("milestone") or "-"))
    return bool(_MILESTONE_WORD.search(row.text("name")))


def is_milestone(view: RegisterView, row: Row) -> bool:
    if "milestone" in view.columns and _YES.match(row.text("milestone") or "-"):
        return True
    duration = row.number("duration")
    if duration == 0 and row.has("duration"):
        return True
    return bool(_MILESTONE_WORD.search(row.text("name")))


class Schedule(RegisterKind):
    name = "schedule"

    class Params(RegisterParams):
        check: Literal["activities", "dates", "links", "lags", "status_date", "progress"] = Field(
            "activities", description="activities, dates, links, lags, status_date or progress (see the kind)")
        max_findings: int = Field(10, ge=1, description="activities: more rows than this make one finding")

    params: Params

    def check(self, ctx: Context) -> Iterable[Finding]:
        view = self.view(ctx)
        yield from getattr(self, "_" + self.params.check)(ctx, view)

    def _activities(self, ctx: Context, view: RegisterView) -> Iterable[Finding]:
        if not view.rows:
            yield self.finding(ctx, view.header_location(), variant="empty")
            return
        found = []
        for row in view.rows:
            keys = ["id", "name"] + ([] if is_summary(view, row) else ["start", "finish"])
            missing = [k for k in keys if k in view.columns and not row.has(k)]
            if missing:
                found.append((row, missing))
        limit = self.params.max_findings
        if len(found) > limit:
            # One finding for a systematic gap (e.g. dates kept only in a Gantt grid), not one per row.
            row, missing = found[0]
            keys = sorted({k for _, m in found for k in m}, key=list(view.columns).index)
            ids = ", ".join(r.text("id") or f"#{r.line}" for r, _ in found[:5])
            yield self.finding(ctx, view.location_of(row, missing[0]), variant="many", count=len(found),
                               missing=self.labels(ctx, view, keys), ids=ids)
        else:
            for row, missing in found:
                yield self.row_finding(ctx, view, row, view.location_of(row, missing[0]),
                                       missing=self.labels(ctx, view, missing))
        if not any(is_milestone(view, r) for r in view.rows):
            yield self.finding(ctx, view.header_location(), variant="milestones")

    def _dates(self, ctx: Context, view: RegisterView) -> Iterable[Finding]:
        for row in view.rows:
            start, finish = row.date("start"), row.date("finish")
            if start is not None and finish is not None and finish < start:
                yield self.row_finding(ctx, view, row, row.cell("finish").location, start=start.isoformat(),
                                       finish=finish.isoformat())
            elif flagged_milestone(view, row) and not is_summary(view, row):
                duration = row.number("duration")
                if duration not in (None, 0.0):
                    yield self.row_finding(ctx, view, row, row.cell("duration").location, variant="milestone",
                                           duration=row.text("duration"))

    def _resolver(self, view: RegisterView) -> dict[str, Row]:
        """Task id → row. An id typed as a number (1, 1.01) is also found by the way a reference
        writes that number ('1.0'); predecessors may instead count rows (1 = the first task)."""
        by_id = {norm_label(r.text("id")): r for r in view.rows if r.has("id")}
        by_number = {str(n + 1): r for n, r in enumerate(view.rows)}
        refs = [link[0] for r in view.rows for link in (parse_links(r.text("predecessors")) or [])]
        if any(_find(by_id, x) is None for x in refs):
            for r in view.rows:
                value = r.cell("id").value if r.has("id") else None
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    by_id.setdefault(_number_key(value), r)
        if refs and sum(_find(by_id, x) is not None for x in refs) < sum(x in by_number for x in refs):
            return by_number
        return by_id

    def _links(self, ctx: Context, view: RegisterView) -> Iterable[Finding]:
        if "predecessors" not in view.columns:
            return
        resolve = self._resolver(view)
        graph: dict[int, list[int]] = {}
        for row in view.rows:
            links = parse_links(row.text("predecessors"))
            cell = row.cell("predecessors")
            if links is None:
                yield self.row_finding(ctx, view, row, cell.location, variant="syntax", value=row.text("predecessors"))
                continue
            for ref, _, _ in links:
                target = _find(resolve, ref)
                if target is None:
                    yield self.row_finding(ctx, view, row, cell.location, ref=ref)
                elif target is row:
                    yield self.row_finding(ctx, view, row, cell.location, variant="cycle", chain=ref)
                else:
                    graph.setdefault(row.index, []).append(target.index)
        rows = {r.index: r for r in view.rows}
        state: dict[int, int] = {}
        reported: set[int] = set()
        for start in graph:
            stack = [(start, iter(graph.get(start, [])))]
            path = [start]
            if state.get(start):
                continue
            state[start] = 1
            while stack:
                node, it = stack[-1]
                nxt = next(it, None)
                if nxt is None:
                    state[node] = 2
                    stack.pop()
                    path.pop()
                    continue
                if state.get(nxt) == 1:
                    cycle = path[path.index(nxt):]
                    if not reported & set(cycle):
                        reported |= set(cycle)
                        first = rows[nxt]
                        names = " → ".join(rows[i].text("id") or f"#{rows[i].line}" for i in cycle + [nxt])
                        yield self.row_finding(ctx, view, first, first.cell("predecessors").location,
                                               variant="cycle", chain=names)
                elif not state.get(nxt):
                    state[nxt] = 1
                    stack.append((nxt, iter(graph.get(nxt, []))))
                    path.append(nxt)

    def _lags(self, ctx: Context, view: RegisterView) -> Iterable[Finding]:
        if "predecessors" not in view.columns:
            return
        resolve = self._resolver(view)
        for row in view.rows:
            for ref, kind, lag in parse_links(row.text("predecessors")) or []:
                cell = row.cell("predecessors")
                if lag < 0:
                    yield self.row_finding(ctx, view, row, cell.location, ref=ref, lag=f"{lag:g}")
                    continue
                target = resolve.get(norm_label(ref))
                if kind != "FS" or target is None or target is row:
                    continue
                pf, ss = target.date("finish"), row.date("start")
                if pf is not None and ss is not None and ss < pf + timedelta(days=lag):
                    yield self.row_finding(ctx, view, row, row.cell("start").location, variant="fs", ref=ref,
                                           start=ss.isoformat(), finish=pf.isoformat())

    def _status_date(self, ctx: Context, view: RegisterView) -> Iterable[Finding]:
        status_date: date | None = None
        for f in ctx.doc.fields:
            if _STATUS_DATE.search(f.label):
                status_date = parse_date(f.value)
                if status_date:
                    break
        if status_date is None:
            return
        pct = pct_scale(view)
        for row in view.rows:
            for key in ("actual_start", "actual_finish"):
                d = row.date(key)
                if d is not None and d > status_date:
                    yield self.row_finding(ctx, view, row, row.cell(key).location, variant="actual",
                                           column=view.label(key), date=d.isoformat(), status_date=status_date.isoformat())
            finish = row.date("finish")
            done = (row.date("actual_finish") is not None or (pct(row) or 0) >= 100
                    or bool(DONE.search(row.text("status"))) or status_of(ctx.vocab, row.text("status")) == "closed")
            if finish is not None and finish < status_date and not done and not is_summary(view, row):
                yield self.row_finding(ctx, view, row, row.cell("finish").location, date=finish.isoformat(),
                                       status_date=status_date.isoformat())

    def _progress(self, ctx: Context, view: RegisterView) -> Iterable[Finding]:
        if "pct_complete" not in view.columns:
            return
        pct = pct_scale(view)
        for row in view.rows:
            value = pct(row)
            if value is None:
                continue
            cell = row.cell("pct_complete")
            if value < 0 or value > 100:
                yield self.row_finding(ctx, view, row, cell.location, variant="range", value=row.text("pct_complete"))
                continue
            if "actual_finish" in view.columns and (value >= 100) != row.has("actual_finish"):
                yield self.row_finding(ctx, view, row, view.location_of(row, "actual_finish"),
                                       value=f"{value:g}%", column=view.label("actual_finish"))
            elif "actual_start" in view.columns and value > 0 and not row.has("actual_start"):
                yield self.row_finding(ctx, view, row, view.location_of(row, "actual_start"),
                                       value=f"{value:g}%", column=view.label("actual_start"))


def pct_scale(view: RegisterView):
    """% complete as 0–100, whether the sheet stores 0.5 (percent format) or 50 or '50%'."""
    numbers = [cell_number(r.cell("pct_complete")) for r in view.rows if r.cell("pct_complete") is not None]
    ratio = all(n is None or n <= 1 for n in numbers) and any(n for n in numbers)

    def value(row: Row) -> float | None:
        c = row.cell("pct_complete")
        n = cell_number(c)
        if n is None:
            return None
        if "%" in (c.text if c else ""):
            return n * 100
        return n * 100 if ratio else n

    return value
