"""Kind `schedule_logic`: schedule-quality checks on the activity table (SCH-03, SCH-06, SCH-08, SCH-11,
SCH-13). The row checks of `schedule` (SCH-01/02/05/07/09/12) live in `checker.kinds.schedule`.

Param `check`:
  duration     SCH-03: the duration agrees with start/finish, counted in working days (Mon–Fri) or
               calendar days, inclusive or not — whichever the schedule uses — within `tolerance`
               days (standard §0 duration_days = 1, GUESS); hours are not checked
  missing_logic SCH-06: incomplete, non-summary activities without a predecessor or a successor,
               except the first (project start) and last (project finish) activity; reported when
               they exceed `max_share` (DCMA 5 %) and number at least `min_count` (2, GUESS: one
               dangling task near the end of a nearly finished schedule is not a pattern); silent
               without a predecessor column
  constraints  SCH-08 (info): hard constraints (Must Start/Finish On, 必须开始于 …) and activities
               longer than `max_days` working days (DCMA 44) above `max_share` of the activities
  wbs          SCH-11: WBS codes (1, 1.2, 1.2.3) unique, each parent code present, and a summary row
               spanning its children (start = earliest child start, finish = latest child finish)
  baseline     SCH-13: once the schedule is approved (doc-control status final/approved, or a
               `Schedule Baseline … approved` field), baseline start/finish columns exist and are filled
More than `max_findings` rows with the same defect make one finding with a count.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Iterable, Literal

from pydantic import Field

from checker.analysis.context import Context
from checker.analysis.registers import RegisterView, Row, status_of
from checker.analysis.signoff import status_class
from checker.core.findings import Finding
from checker.kinds.register_base import RegisterKind, RegisterParams, is_summary
from checker.kinds.row_dates import working_days
from checker.kinds.schedule import DONE, is_milestone, parse_links, pct_scale
from checker.lexicon.vocabulary import Vocabulary
from checker.text.normalize import nfkc, norm_label

_WBS = re.compile(r"^\d+(?:\.\d+)*\.?$")
_HARD = re.compile(r"^(?:MSO|MFO|must start on|must finish on|start no (?:earlier|later) than|finish no (?:earlier|later) than|"
                   r"必须开始于|必须完成于|不得早于.*开始|不得晚于.*开始|不得早于.*完成|不得晚于.*完成|SNET|SNLT|FNET|FNLT)", re.I)
_SOFT = re.compile(r"^(?:ASAP|ALAP|as soon as possible|as late as possible|越早越好|越晚越好)$", re.I)
_CONSTRAINT_COL = re.compile(r"constraint|限制类型|约束类型|限制条件", re.I)
_DURATION = re.compile(r"^\s*(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>d|days?|working days?|wd|w|wks?|weeks?|h|hrs?|hours?|"
                       r"天|日|工作日|工日|周|小时|个工作日)?\s*\??\s*$", re.I)
_BASELINE_FIELD = re.compile(r"baseline|基线|基准", re.I)
_APPROVED = re.compile(r"approved|baselined|signed|批准|审批通过|已签|基线化", re.I)


def _inclusive_working(start: date, finish: date) -> int:
    return working_days(start - timedelta(days=1), finish)


class ScheduleLogic(RegisterKind):
    name = "schedule_logic"

    class Params(RegisterParams):
        check: Literal["duration", "missing_logic", "constraints", "wbs", "baseline"] = Field(
            "duration", description="duration, missing_logic, constraints, wbs or baseline (see the kind)")
        max_findings: int = Field(10, ge=1, description="more rows with the same defect than this make one finding")
        tolerance: float = Field(1, ge=0, description="duration: days the duration may be off by")
        max_share: float = Field(0.05, ge=0, le=1, description="missing_logic, constraints: the share of activities "
                                                               "that may have the defect")
        min_count: int = Field(2, ge=1, description="missing_logic: fewer activities without links are not reported")
        max_days: int = Field(44, ge=1, description="constraints: the longest activity, in working days")

    params: Params

    def check(self, ctx: Context) -> Iterable[Finding]:
        view = self.view(ctx)
        yield from getattr(self, "_" + self.params.check)(ctx, view)

    def _many(self, ctx: Context, view: RegisterView, found: list[tuple[Row, object, dict]]) -> Iterable[Finding]:
        limit = self.params.max_findings
        if len(found) > limit:
            row, loc, args = found[0]
            ids = ", ".join(r.text("id") or f"#{r.line}" for r, _, _ in found[:5])
            yield self.finding(ctx, loc, variant="many", count=len(found), ids=ids, **args)
            return
        for row, loc, args in found:
            yield self.row_finding(ctx, view, row, loc, **args)

    # --- SCH-03 ---------------------------------------------------------------------------------

    def _duration(self, ctx: Context, view: RegisterView) -> Iterable[Finding]:
        if not self.has(view, "duration", "start", "finish"):
            return
        tol = self.params.tolerance
        label = view.label("duration")
        calendar_only = bool(re.search(r"calendar|日历|自然日", label, re.I))
        working_only = bool(re.search(r"working|business|工作日|工日", label, re.I))
        found = []
        for row in view.rows:
            start, finish = row.date("start"), row.date("finish")
            text = nfkc(row.text("duration"))
            m = _DURATION.match(text)
            if start is None or finish is None or finish < start or not m or is_summary(view, row):
                continue
            unit = (m.group("unit") or "").lower()
            if unit.startswith("h") or unit == "小时":
                continue
            n = float(m.group("n"))
            if n == 0:
                continue  # a milestone: SCH-02
            candidates: list[float] = []
            if unit in ("w", "wk", "wks", "week", "weeks", "周"):
                candidates = [n * 5, n * 7]
                n_days = None
            else:
                n_days = n
            work = [_inclusive_working(start, finish), working_days(start, finish)]
            cal = [(finish - start).days + 1, (finish - start).days]
            if n_days is not None:
                options = (cal if calendar_only else work if working_only else work + cal)
                ok = any(abs(n_days - x) <= tol for x in options)
                expected = options[0]
            else:
                ok = any(abs(c - x) <= tol for c in candidates for x in work + cal)
                expected = work[0]
            if not ok:
                found.append((row, row.cell("duration").location,
                              {"duration": row.text("duration"), "start": start.isoformat(),
                               "finish": finish.isoformat(), "expected": expected,
                               "kind": "calendar" if calendar_only else "working"}))
        yield from self._many(ctx, view, found)

    # --- SCH-06 ---------------------------------------------------------------------------------

    def _incomplete(self, vocab: Vocabulary, view: RegisterView, row: Row, pct) -> bool:
        if row.date("actual_finish") is not None:
            return False
        value = pct(row) if "pct_complete" in view.columns else None
        if value is not None and value >= 100:
            return False
        status = row.text("status")
        return not (status and (DONE.search(status) or status_of(vocab, status) == "closed"))

    def _missing_logic(self, ctx: Context, view: RegisterView) -> Iterable[Finding]:
        if "predecessors" not in view.columns:
            return
        activities = [r for r in view.rows if not is_summary(view, r)]
        if len(activities) < 3:
            return
        by_id = {norm_label(r.text("id")): r for r in view.rows if r.has("id")}
        by_number = {str(n + 1): r for n, r in enumerate(view.rows)}
        has_succ: set[int] = set()
        refs = []
        for r in view.rows:
            for ref, _, _ in parse_links(r.text("predecessors")) or []:
                refs.append(ref)
        resolve = by_number if refs and sum(norm_label(x) in by_id for x in refs) < sum(x in by_number for x in refs) \
            else by_id
        for r in view.rows:
            for ref, _, _ in parse_links(r.text("predecessors")) or []:
                target = resolve.get(norm_label(ref)) or resolve.get(ref)
                if target is not None:
                    has_succ.add(target.index)
                    if is_summary(view, target):  # a link to a summary reaches its children
                        prefix = target.text("id").rstrip(".") + "."
                        has_succ.update(x.index for x in view.rows if x.text("id").startswith(prefix))
        first, last = activities[0], activities[-1]
        pct = pct_scale(view)
        incomplete = [r for r in activities if self._incomplete(ctx.vocab, view, r, pct)]
        if not incomplete:
            return
        missing = []
        for r in incomplete:
            no_pred = not r.has("predecessors") and r is not first and not self._parent_has_pred(view, r)
            no_succ = r.index not in has_succ and r is not last
            if no_pred or no_succ:
                missing.append((r, no_pred, no_succ))
        share = len(missing) / len(incomplete)
        limit = self.params.max_share
        if len(missing) >= self.params.min_count and share > limit:
            row = missing[0][0]
            ids = ", ".join(r.text("id") or f"#{r.line}" for r, _, _ in missing[:8])
            yield self.finding(ctx, view.location_of(row, "predecessors"), count=len(missing), total=len(incomplete),
                               share=f"{100 * share:.0f}%", max=f"{100 * limit:g}%", ids=ids)

    @staticmethod
    def _parent_has_pred(view: RegisterView, row: Row) -> bool:
        rid = row.text("id")
        if not _WBS.match(rid):
            return False
        parts = rid.rstrip(".").split(".")
        ids = {r.text("id").rstrip("."): r for r in view.rows}
        for n in range(len(parts) - 1, 0, -1):
            parent = ids.get(".".join(parts[:n]))
            if parent is not None and parent.has("predecessors"):
                return True
        return False

    # --- SCH-08 ---------------------------------------------------------------------------------

    def _constraints(self, ctx: Context, view: RegisterView) -> Iterable[Finding]:
        activities = [r for r in view.rows if not is_summary(view, r)]
        if len(activities) < 5:
            return
        col = next((c for c, label in view.labels.items() if _CONSTRAINT_COL.search(label or "")), None)
        hard = []
        if col is not None:
            for r in activities:
                cell = view.grid.cell(r.index, col)
                if cell is not None and not cell.blank and _HARD.match(nfkc(cell.text).strip()):
                    hard.append(r)
        max_days = self.params.max_days
        pct = pct_scale(view)
        long = []
        for r in activities:
            s, f = r.date("start"), r.date("finish")
            if s is None or f is None or is_milestone(view, r) or not self._incomplete(ctx.vocab, view, r, pct):
                continue
            if _inclusive_working(s, f) > max_days:
                long.append(r)
        limit = self.params.max_share
        n = len(activities)
        for rows, variant in ((hard, "hard"), (long, "long")):
            if rows and len(rows) / n > limit:
                ids = ", ".join(r.text("id") or f"#{r.line}" for r in rows[:8])
                loc = view.grid.cell(rows[0].index, col).location if variant == "hard" else rows[0].cell("finish").location
                yield self.finding(ctx, loc, variant=variant, count=len(rows), total=n,
                                   share=f"{100 * len(rows) / n:.0f}%", max=f"{100 * limit:g}%", ids=ids,
                                   days=max_days)

    # --- SCH-11 ---------------------------------------------------------------------------------

    def _wbs(self, ctx: Context, view: RegisterView) -> Iterable[Finding]:
        rows = [r for r in view.rows if r.has("id")]
        codes = [r for r in rows if _WBS.match(r.text("id")) and "." in r.text("id").rstrip(".")]
        if len(rows) < 3 or not codes or sum(bool(_WBS.match(r.text("id"))) for r in rows) < 0.8 * len(rows):
            return  # not WBS-coded (T-001, plain numbers…)
        seen: dict[str, Row] = {}
        found = []
        for r in rows:
            code = r.text("id").rstrip(".")
            if not _WBS.match(code):
                continue
            if code in seen:
                found.append((r, r.cell("id").location, {"variant": "duplicate", "code": code}))
                continue
            seen[code] = r
        for r in rows:
            code = r.text("id").rstrip(".")
            if "." in code and _WBS.match(code):
                parent = code.rsplit(".", 1)[0]
                if parent not in seen:
                    found.append((r, r.cell("id").location, {"variant": "parent", "code": code, "parent": parent}))
        for code, r in seen.items():
            children = [x for c, x in seen.items() if c.startswith(code + ".") and c.count(".") == code.count(".") + 1]
            if not children:
                continue
            starts = [d for d in (x.date("start") for x in children) if d is not None]
            finishes = [d for d in (x.date("finish") for x in children) if d is not None]
            s, f = r.date("start"), r.date("finish")
            if s is not None and starts and s != min(starts):
                found.append((r, r.cell("start").location, {"variant": "span", "code": code, "column": view.label("start"),
                                                             "value": s.isoformat(), "expected": min(starts).isoformat()}))
            elif f is not None and finishes and f != max(finishes):
                found.append((r, r.cell("finish").location, {"variant": "span", "code": code, "column": view.label("finish"),
                                                              "value": f.isoformat(), "expected": max(finishes).isoformat()}))
        limit = self.params.max_findings
        for r, loc, args in found[:limit]:
            variant = args.pop("variant")
            yield self.row_finding(ctx, view, r, loc, variant=variant, **args)
        if len(found) > limit:
            yield self.finding(ctx, found[limit][1], variant="many", count=len(found) - limit)

    # --- SCH-13 ---------------------------------------------------------------------------------

    def _approved(self, ctx: Context) -> bool:
        state, _ = status_class(ctx)
        if state == "final":
            return True
        for f in ctx.doc.fields:
            if _BASELINE_FIELD.search(f.label) and _APPROVED.search(f.value or ""):
                return True
        return False

    def _baseline(self, ctx: Context, view: RegisterView) -> Iterable[Finding]:
        if not view.rows or not self._approved(ctx):
            return
        cols = {k: view.columns[k] for k in ("baseline_start", "baseline_finish") if k in view.columns}
        for c, label in view.labels.items():  # 'Baseline Start' may have been read as a second 'Start'
            if label and _BASELINE_FIELD.search(label):
                key = "baseline_finish" if re.search(r"finish|end|完成|结束", label, re.I) else "baseline_start"
                cols.setdefault(key, c)
        if not cols:
            yield self.finding(ctx, view.header_location(), variant="columns")
            return
        found = []
        for row in view.rows:
            missing = [c for c in cols.values() if (cell := view.grid.cell(row.index, c)) is None or cell.blank]
            if missing:
                cell = view.grid.cell(row.index, missing[0])
                found.append((row, cell.location if cell is not None else row.location,
                              {"missing": ", ".join(view.labels.get(c, "") for c in missing)}))
        yield from self._many(ctx, view, found)
