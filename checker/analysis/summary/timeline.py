"""The dates of a document: the project window it states, its milestones, when it was approved, the
decision it records, the period a report covers, and actual dates — each with where it was read.

Milestones come from tables with a milestone column and a date column (a charter's summary
milestone schedule, a status report's milestone table), from prose in a milestone section
('Design approved 2026-02-27; go-live 2026-06-15'), and from the rows of a schedule flagged as
milestones (or of zero duration).
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from checker.analysis.context import Context
from checker.analysis.facts import project_fields
from checker.analysis.registers import RegisterView, register
from checker.analysis.signoff import approval_state
from checker.analysis.summary.located import at, located
from checker.analysis.summary.mentions import clauses, dates_in, grids, numbered
from checker.model.elements import Grid
from checker.text.dates import parse_date
from checker.text.normalize import nfkc

MAX_MILESTONES = 200
MAX_TASK_NAMES = 500
_MILESTONE_COL = re.compile(r"milestone|deliverable|里程碑|关键节点|节点名称", re.I)
_BASELINE_COL = re.compile(r"baseline|planned|plan|due|target|date|基准|计划|日期|时间", re.I)
_ACTUAL_COL = re.compile(r"actual|forecast|实际|预计", re.I)
_MILESTONE_HEADING = re.compile(r"milestone|里程碑", re.I)
_REPORT_DATE = re.compile(r"report(?:ing)? date|status date|data date|as of|as at|week ending|报告日期|汇报日期|截至日期|"
                          r"状态日期|统计日期", re.I)
_PERIOD = re.compile(r"reporting period|report period|period covered|period|报告周期|统计周期|汇报周期|报告期|周期", re.I)
_DECISION = re.compile(r"decision date|date of decision|approval date|date approved|review date|meeting date|"
                       r"决策日期|审批日期|批准日期|评审日期|评审时间|审批时间|批复日期|会议时间|会议日期", re.I)
_BASELINE_FINISH = re.compile(r"baseline\s*(?:finish|end)|基线完成|基准完成|基线结束", re.I)
_YES = re.compile(r"^(?:y|yes|true|x|✓|✔|是|√|里程碑)$", re.I)
_DATE_IN = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2}\s*日?)?")


def dates(ctx: Context) -> dict[str, Any]:
    """The document's dates by role: start, end (the window it states), approved (its last sign-off),
    decision, report, period_start/period_end, actual_start/actual_end, planned_end, accepted."""
    out: dict[str, Any] = {}
    for key, (value, field) in project_fields(ctx.vocab, ctx.doc).items():
        if key in ("start", "end"):
            out[key] = located(value, field.location)
    state = approval_state(ctx)
    signed = [e for e in state.entries if e.when is not None]
    if signed:
        last = max(signed, key=lambda e: e.when)  # type: ignore[arg-type,return-value]
        out["approved"] = located(last.when.isoformat(), last.date_location)  # type: ignore[union-attr]
    kinds: dict[str, tuple[bool, bool, bool]] = {}  # label -> names a decision, report, period date
    for field in ctx.doc.fields:
        if field.source == "properties" or not field.value.strip():
            continue
        label = field.label
        kind = kinds.get(label)
        if kind is None:  # (a plan's labels repeat: 'Objectives' under each work package heading)
            kind = kinds[label] = (bool(_DECISION.search(label)), bool(_REPORT_DATE.search(label)),
                                   bool(_PERIOD.search(label)))
        decision, report, period = kind
        if "decision" not in out and decision:
            when = parse_date(field.value)
            if when is not None:
                out["decision"] = located(when.isoformat(), field.location)
        if "report" not in out and report:
            when = parse_date(field.value)
            if when is not None:
                out["report"] = located(when.isoformat(), field.location)
        if "period_start" not in out and period:
            found = [d for d in (parse_date(m.group(0)) for m in _DATE_IN.finditer(nfkc(field.value))) if d]
            if len(found) >= 2:
                out["period_start"] = located(found[0].isoformat(), field.location)
                out["period_end"] = located(found[-1].isoformat(), field.location)
    for mention, location in _prose_dates(ctx):
        if mention.role in ("actual_start", "actual_end", "planned_end", "accepted") and mention.role not in out:
            out[mention.role] = located(mention.when.isoformat(), location)  # type: ignore[union-attr]
    return out


def _prose_dates(ctx: Context):
    for block in numbered(ctx).blocks:
        if _DATE_IN.search(block.text):
            for mention in dates_in(block.text):
                yield mention, block.location


def milestones(ctx: Context) -> list[dict[str, Any]]:
    """Milestones: name, (baseline) date, actual date, where."""
    out: list[dict[str, Any]] = []
    for grid in grids(ctx):
        if len(out) >= MAX_MILESTONES:
            break  # (a plan with a dated table per section has thousands)
        if len(grid.rows) <= 300:
            out.extend(_table_milestones(grid))
    if not out:
        out.extend(_prose_milestones(ctx))
    return out[:MAX_MILESTONES]


def _table_milestones(grid: Grid) -> list[dict[str, Any]]:
    if len(grid.rows) < 2:
        return []
    header = [c for c in grid.rows[0] if not c.merged and not c.blank]
    name_col = next((c.col for c in header if _MILESTONE_COL.search(c.text)), None)
    if name_col is None:
        return []
    others = [c for c in header if c.col != name_col]
    base_col = next((c.col for c in others if _BASELINE_COL.search(c.text) and not _ACTUAL_COL.search(c.text)), None)
    actual_col = next((c.col for c in others if _ACTUAL_COL.search(c.text)), None)
    if base_col is None and actual_col is None:
        return []
    out = []
    for row in grid.rows[1:]:
        name = grid.cell(row[0].row, name_col) if row else None
        if name is None or name.blank:
            continue
        item: dict[str, Any] = {"name": " ".join(name.text.split())[:120], "location": at(name.location)}
        for key, col in (("date", base_col), ("actual", actual_col)):
            cell = grid.cell(name.row, col) if col is not None else None
            when = parse_date(cell.value if cell is not None and cell.value is not None else
                              (cell.text if cell is not None else None))
            if when is not None:
                item[key] = when.isoformat()
                if key == "date":
                    item["location"] = at(cell.location)  # type: ignore[union-attr]
        if "date" in item or "actual" in item:
            out.append(item)
    return out


def _prose_milestones(ctx: Context) -> list[dict[str, Any]]:
    out = []
    digits = numbered(ctx).ids
    for section in ctx.doc.outline.walk():
        if not _MILESTONE_HEADING.search(section.title):
            continue
        for block in section.blocks:
            if id(block) not in digits and not (block.kind in ("paragraph", "list_item")
                                                and _digit_once_folded(block.text)):
                continue  # a clause's date needs a digit
            for clause in clauses(block.text):
                m = _DATE_IN.search(clause)
                when = parse_date(m.group(0)) if m else None
                name = (clause[:m.start()] + clause[m.end():]).strip(" :：,，-–") if m else ""
                name = re.sub(r"^(?:and|及|和)\s*|\s*(?:on|by|at|于|在|前)$", "", name).strip()
                if when is not None and name:
                    out.append({"name": name[:120], "date": when.isoformat(), "location": at(block.location)})
    return out


# The characters NFKC makes a digit of, or digits and more ('²', '①', '⒈', '½', '㋀' 1月), that are no
# digit themselves (tests/test_summary_shortcuts.py checks every code point).
_FOLDS_TO_DIGIT = re.compile("[\u00b2\u00b3\u00b9\u00bc-\u00be\u2070-\u2089\u2150-\u2189\u2460-\u24ff"
                             "\u3220-\u33ff\U0001f100-\U0001f10a]")


def _digit_once_folded(text: str) -> bool:
    """Of a text without a digit: NFKC makes one ('²⁰²⁶', '①'); `has_digit` does not see it, a clause
    does. Told by its characters, without normalising the text (slow on full-width punctuation)."""
    return not text.isascii() and _FOLDS_TO_DIGIT.search(text) is not None


def _baseline_finish(view: RegisterView) -> list[date | None]:
    """Each row's baseline finish: the mapped column, else a header that says so ('Baseline Finish'
    is also a synonym of the planned finish, which may take it)."""
    if "baseline_finish" in view.columns:
        return view.dates("baseline_finish")
    col = next((c for c, label in sorted(view.labels.items()) if _BASELINE_FINISH.search(label)), None)
    if col is None:
        return [None] * len(view.rows)
    out: list[date | None] = []
    for row in view.rows:
        cell = view.grid.cell(row.index, col)
        out.append(parse_date(cell.value if cell is not None and cell.value is not None else
                              (cell.text if cell is not None else None)) if cell is not None and not cell.blank else None)
    return out


def schedule_window(ctx: Context) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A schedule's window (earliest start, latest finish, earliest actual start, with where) and its
    milestone rows (name, baseline or planned finish, actual finish)."""
    view = register(ctx, "SCHEDULE")
    if view is None:
        return {}, []
    window: dict[str, Any] = {}
    names = view.texts("name")
    starts, finishes = view.dates("start"), view.dates("finish")
    base_finish, actual_finish = _baseline_finish(view), view.dates("actual_finish")
    actual_starts = view.dates("actual_start")
    flags, durations = view.texts("milestone"), view.texts("duration")
    for key, values, pick in (("start", starts, min), ("finish", finishes, max), ("actual_start", actual_starts, min)):
        present = [(d, n) for n, d in enumerate(values) if d is not None]
        if present:
            when, n = pick(present)
            window[key] = located(when.isoformat(), view.location_of(view.rows[n], key))
    window["tasks"] = len(view.rows)
    window["task_names"] = [name[:120] for name in names[:MAX_TASK_NAMES] if name]
    out: list[dict[str, Any]] = []
    for n, row in enumerate(view.rows):
        flagged = bool(_YES.match(flags[n])) if flags[n] else False
        zero = durations[n] in ("0", "0d", "0 days", "0天", "0.0") or (
            not flags[n] and starts[n] is not None and starts[n] == finishes[n] and "milestone" not in view.columns)
        if not (flagged or zero):
            continue
        when: date | None = base_finish[n] or finishes[n]
        if when is None:
            continue
        item: dict[str, Any] = {"name": names[n][:120], "date": when.isoformat(),
                                "location": at(view.location_of(row, "finish"))}
        if actual_finish[n] is not None:
            item["actual"] = actual_finish[n].isoformat()
        out.append(item)
        if len(out) >= MAX_MILESTONES:
            break
    return window, out
