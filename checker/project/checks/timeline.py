"""Dates across documents: XD-04 the project window (and everything dated inside it), XD-05 the
milestones of charter, scope statement, plan and status report against the schedule, XD-15 the
lifecycle's order (request ≤ assessment ≤ decision ≤ charter ≤ plan ≤ first actual start ≤ closure)."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Iterable

from checker.project.checks.common import (
    Inconsistency,
    best_match,
    day,
    evidence,
    joined,
    located,
    reporting_order,
    same_day,
    short,
    words,
)
from checker.project.model import Doc, Project
from checker.text.versions import parse_version

_WINDOW_TYPES = ("CHARTER", "PMP", "SCOPE_STATEMENT", "SCHEDULE", "PID")
_MILESTONE_TYPES = ("CHARTER", "SCOPE_STATEMENT", "PMP", "PID")


def _window(doc: Doc, key: str) -> dict[str, Any] | None:
    """A document's window bound (`start` or `end`): stated, or a schedule's earliest start / latest finish."""
    if doc.doc_type == "SCHEDULE":
        return (doc.part("schedule") or {}).get("start" if key == "start" else "finish")
    return (doc.part("dates") or {}).get(key)


def window(project: Project, params: Any) -> Iterable[Inconsistency]:
    """The start and end agree between charter, plan, scope statement and schedule; every milestone
    of every document falls inside the window."""
    docs = project.of(*_WINDOW_TYPES)
    bounds: dict[str, tuple[date, Doc, dict[str, Any]]] = {}
    for key in ("start", "end"):
        stated = [(doc, found) for doc in docs if (found := _window(doc, key)) and day(found["value"])]
        if not stated:
            continue
        reference = next(((d, f) for d, f in stated if d.doc_type in ("CHARTER", "PID")), stated[0])
        bounds[key] = (day(reference[1]["value"]), *reference)  # type: ignore[assignment]
        first = day(reference[1]["value"])
        if any(not same_day(day(f["value"]), first, params.date_days) for _, f in stated):  # type: ignore[arg-type]
            yield Inconsistency([located(d, f) for d, f in stated],
                                {"bound": words(project.language, key, "开始日期" if key == "start" else "结束日期"),
                                 "values": joined([f"{short(d)} {f['value']}" for d, f in stated], project.language)},
                                variant=key)
    if "start" not in bounds or "end" not in bounds:
        return
    start, end = bounds["start"][0], bounds["end"][0]
    outside = [(doc, m) for doc in project.current for m in _milestones(doc)
               if (when := day(m.get("date"))) and (when < start - _days(params) or when > end + _days(params))]
    if outside:
        yield Inconsistency([located(bounds["start"][1], bounds["start"][2]), located(bounds["end"][1], bounds["end"][2]),
                             *[evidence(doc, m.get("location"), f"{m['name']}: {m['date']}") for doc, m in outside[:20]]],
                            {"start": start.isoformat(), "end": end.isoformat(), "count": len(outside),
                             "items": joined([f"{m['name']} ({m['date']})" for _, m in outside[:5]], project.language)},
                            variant="outside")


def _days(params: Any) -> timedelta:
    return timedelta(days=params.date_days)


def _milestones(doc: Doc) -> list[dict[str, Any]]:
    if doc.doc_type == "SCHEDULE":
        return list((doc.part("schedule") or {}).get("milestones") or [])
    return list(doc.part("milestones") or [])


def milestones(project: Project, params: Any) -> Iterable[Inconsistency]:
    """Each summary milestone has the schedule's (baseline) date; a status report's baseline dates are
    the schedule's. Without a schedule, the plan's and scope statement's agree with the charter's."""
    schedule = project.one("SCHEDULE")
    reference_doc = schedule if schedule is not None and _milestones(schedule) else project.one("CHARTER", "PID")
    if reference_doc is None:
        return
    reference = _milestones(reference_doc)
    if not reference:
        return
    others = [d for d in project.of(*_MILESTONE_TYPES, "STATUS_REPORT") if d is not reference_doc]
    for doc in others:
        if doc.doc_type == "STATUS_REPORT" and doc is not _latest_report(project):
            continue
        for m in _milestones(doc):
            match = best_match(m["name"], reference, params.similarity)
            if match is None:
                continue
            a, b = day(m.get("date")), day(match.get("date"))
            if a and b and not same_day(a, b, params.date_days):
                yield Inconsistency([evidence(reference_doc, match.get("location"), f"{match['name']}: {match['date']}"),
                                     evidence(doc, m.get("location"), f"{m['name']}: {m['date']}")],
                                    {"milestone": match["name"], "reference": match["date"], "date": m["date"],
                                     "document": short(doc), "source": short(reference_doc)})


def _latest_report(project: Project) -> Doc | None:
    reports = reporting_order(project.of("STATUS_REPORT"))
    return reports[-1] if reports else None


def lifecycle_order(project: Project, params: Any) -> Iterable[Inconsistency]:
    """The lifecycle's events happen in `params.order`; one inconsistency per event out of order
    (an event already reported is not reported again against the others)."""
    known = [(name, found) for name in params.order if (found := _event(project, name)) is not None]
    reported: set[str] = set()
    for j, (later, (doc_b, item_b)) in enumerate(known):
        b = day(item_b["value"])
        for earlier, (doc_a, item_a) in known[:j]:
            a = day(item_a["value"])
            if earlier in reported or not (a and b and b < a):
                continue
            reported |= {earlier, later}
            yield Inconsistency([located(doc_a, item_a), located(doc_b, item_b)],
                                {"earlier": _EVENTS[earlier][1 if project.language == "zh" else 0],
                                 "later": _EVENTS[later][1 if project.language == "zh" else 0],
                                 "earlier_date": item_a["value"], "later_date": item_b["value"]})
            break


_EVENTS = {"request": ("project request", "项目申请"), "assessment": ("PMO assessment", "PMO评估"),
           "decision": ("committee decision", "评审委员会决策"), "charter": ("charter approval", "章程批准"),
           "plan": ("plan approval", "项目计划批准"), "start": ("first actual start", "首个任务实际开始"),
           "closure": ("closure report", "结项报告")}


def _event(project: Project, name: str) -> tuple[Doc, dict[str, Any]] | None:
    """The dated event `name` of the lifecycle, with its document."""
    def first(types: tuple[str, ...], *keys: tuple[str, str]) -> tuple[Doc, dict[str, Any]] | None:
        for doc in project.of(*types):
            for part, key in keys:
                found = (doc.part(part) or {}).get(key)
                if found and day(found.get("value")):
                    return doc, found
        return None

    reviews = sorted(project.of("INIT_REVIEW"), key=lambda d: ((d.part("dates") or {}).get("decision") or {}).get("value", ""))
    if name == "request":
        return first(("INIT_REQUEST_BC",), ("identity", "date"), ("dates", "approved"))
    if name in ("assessment", "decision") and reviews:
        doc = reviews[0] if name == "assessment" else reviews[-1]
        found = (doc.part("dates") or {}).get("decision") or (doc.part("dates") or {}).get("approved")
        return (doc, found) if found and (name == "decision" or len(reviews) > 1) else None
    if name in ("charter", "plan"):
        doc = project.one(*(("CHARTER", "PID") if name == "charter" else ("PMP",)))
        found = issued(doc) if doc is not None else None
        return (doc, found) if doc is not None and found is not None else None
    if name == "start":
        return first(("SCHEDULE",), ("schedule", "actual_start"))
    if name == "closure":
        return first(("CLOSURE_REPORT",), ("identity", "date"), ("dates", "approved"))
    return None



def issued(doc: Doc) -> dict[str, Any] | None:
    """When a document was first approved: the date of its first issued version (1.0 or later) in
    its revision history — a re-approved later version does not move its approval — else its sign-off."""
    for row in doc.part("revisions") or []:
        version = parse_version(row.get("version", ""))
        if version and version[0] >= 1 and row.get("date"):
            return {"value": row["date"], "location": row.get("location") or {}}
    found = (doc.part("dates") or {}).get("approved")
    return found if found and day(found.get("value")) else None
