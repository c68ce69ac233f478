"""XD-14 the status-report series: periods follow each other without gaps or overlaps, % complete and
actual cost never fall, and a milestone's reported actual date does not change afterwards."""
from __future__ import annotations

from datetime import timedelta
from typing import Any, Iterable

from checker.project.checks.common import Inconsistency, best_match, day, evidence, located, reporting_order, short
from checker.project.model import Doc, Project

_WEEKEND = 3  # a weekly report from Monday to Friday is followed by next Monday's: two days are no gap


def status_continuity(project: Project, params: Any) -> Iterable[Inconsistency]:
    reports = reporting_order(project.of("STATUS_REPORT"))
    for before, after in zip(reports, reports[1:]):
        if _period(before) == _period(after) != (None, None):
            continue  # two reports of one period: a copy, not a step of the series
        yield from _periods(before, after, params)
        yield from _monotonic(before, after, "progress", _progress, params)
        yield from _monotonic(before, after, "cost", _actual_cost, params)
        yield from _milestones(before, after, params)


def _period(doc: Doc) -> tuple[str | None, str | None]:
    dates = doc.part("dates") or {}
    return (dates.get("period_start") or {}).get("value"), (dates.get("period_end") or {}).get("value")


def _periods(before: Doc, after: Doc, params: Any) -> Iterable[Inconsistency]:
    a, b = (before.part("dates") or {}), (after.part("dates") or {})
    end, start = a.get("period_end"), b.get("period_start")
    if not end or not start:
        return
    gap = (day(start["value"]) - day(end["value"])).days - 1  # type: ignore[operator]
    if gap < 0:
        yield Inconsistency([located(before, end), located(after, start)],
                            {"before": short(before), "after": short(after), "end": end["value"],
                             "start": start["value"]}, variant="overlap")
    elif gap > _WEEKEND and gap > params.cadence_days // 2:
        yield Inconsistency([located(before, end), located(after, start)],
                            {"before": short(before), "after": short(after), "end": end["value"],
                             "start": start["value"], "days": gap}, variant="gap")


def _progress(doc: Doc) -> tuple[float, dict[str, Any]] | None:
    found = doc.part("progress")
    return (float(found["value"]), found.get("location") or {}) if found else None


def _actual_cost(doc: Doc) -> tuple[float, dict[str, Any]] | None:
    found = doc.money("ac")
    return (float(found[0]["amount"]), found[0].get("location") or {}) if found else None


def _monotonic(before: Doc, after: Doc, variant: str, read: Any, params: Any) -> Iterable[Inconsistency]:
    a, b = read(before), read(after)
    if a is None or b is None or b[0] >= a[0] - max(1e-9, params.money_tolerance * abs(a[0])):
        return
    shown = (lambda v: f"{v:g}%") if variant == "progress" else (lambda v: f"{v:,.0f}")
    yield Inconsistency([evidence(before, a[1], shown(a[0])), evidence(after, b[1], shown(b[0]))],
                        {"before": short(before), "after": short(after), "old": shown(a[0]), "new": shown(b[0])},
                        variant=variant)


def _milestones(before: Doc, after: Doc, params: Any) -> Iterable[Inconsistency]:
    for m in before.part("milestones") or []:
        if not m.get("actual"):
            continue
        later = best_match(m["name"], after.part("milestones") or [], params.similarity)
        if later and later.get("actual") and abs(day(later["actual"]) - day(m["actual"])) > timedelta(days=params.date_days):  # type: ignore[operator]
            yield Inconsistency([evidence(before, m.get("location"), f"{m['name']}: {m['actual']}"),
                                 evidence(after, later.get("location"), f"{later['name']}: {later['actual']}")],
                                {"milestone": m["name"], "old": m["actual"], "new": later["actual"],
                                 "before": short(before), "after": short(after)}, variant="milestone")
