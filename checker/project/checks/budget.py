"""Money across documents: XD-02 the budget chain, XD-03 baseline plus approved changes, XD-13 closure
actuals against the baseline. Amounts are compared in base units (360万元 = 3,600,000 CNY)."""
from __future__ import annotations

from datetime import date
from typing import Any, Iterable

from checker.project.checks.common import (
    Inconsistency,
    day,
    evidence,
    joined,
    line_text,
    money_text,
    reporting_order,
    same_day,
    same_money,
    short,
)
from checker.project.model import Doc, Project
from checker.project.versions import newer

# The documents that state the project's total budget, in the order of the chain.
CHAIN = ("INIT_REQUEST_BC", "CHARTER", "PID", "PMP", "COST_PLAN")


def total(doc: Doc) -> dict[str, Any] | None:
    """The total budget a document states: its first total or authorised budget (reserve included),
    else its cost baseline."""
    found = doc.money("total", "authorized") or doc.money("baseline", "bac")
    return found[0] if found else None


def baseline(doc: Doc) -> dict[str, Any] | None:
    """The cost baseline a cost plan states (BAC), else its total."""
    found = doc.money("baseline", "bac") or doc.money("total")
    return found[0] if found else None


def budget_chain(project: Project, params: Any) -> Iterable[Inconsistency]:
    """The chain's totals agree (one inconsistency, the committee's authorised amount shown beside
    them); when they do, the charter asks no more than the committee authorised."""
    stated = [(doc, line) for doc in project.of(*CHAIN) if (line := total(doc)) is not None]
    authorized = [(doc, found[0]) for doc in project.of("INIT_REVIEW")
                  if (found := doc.money("authorized") or doc.money("total"))]
    if len(stated) >= 2 and any(not same_money(stated[0][1], line, params.money_tolerance) for _, line in stated[1:]):
        yield Inconsistency([evidence(doc, line["location"], line_text(line)) for doc, line in [*authorized, *stated]],
                            {"values": joined([f"{short(doc)} {line_text(line)}" for doc, line in stated], project.language)})
        return
    charter = next(((d, line) for d, line in stated if d.doc_type in ("CHARTER", "PID")), None)
    for review, granted in authorized:
        if charter is None:
            break
        doc, line = charter
        if float(line["amount"]) > float(granted["amount"]) * (1 + params.money_tolerance) + 0.5 or \
                (granted.get("currency") and line.get("currency") and granted["currency"] != line["currency"]):
            yield Inconsistency([evidence(review, granted["location"], line_text(granted)),
                                 evidence(doc, line["location"], line_text(line))],
                                {"authorized": line_text(granted), "budget": line_text(line)}, variant="authorized")


def approved_changes(project: Project) -> list[tuple[Doc, dict[str, Any]]]:
    """Approved changes with their log (or form) row: the change log's, else the change-request forms'."""
    rows = [(doc, row) for doc in project.of("CHANGE_LOG") for row in doc.rows("changes")]
    if not rows:
        rows = [(doc, row) for doc in project.of("CHANGE_REQUEST") for row in doc.rows("changes")]
    return [(doc, row) for doc, row in rows if row.get("decision") == "approved"]


def baseline_changes(project: Project, params: Any) -> Iterable[Inconsistency]:
    """Cost baseline versions move only by approved changes; the status report's BAC is the baseline."""
    approved = approved_changes(project)
    for line in project.versions("COST_PLAN"):
        first, last = baseline(line[0]), baseline(line[-1])
        if first is None or last is None or not newer(line[-1], line[0]):
            continue
        since, until = _when(line[0]), _when(line[-1])
        moved = [(doc, row) for doc, row in approved if row.get("cost") is not None and day(row.get("date"))
                 and (since is None or day(row["date"]) > since) and (until is None or day(row["date"]) <= until)]
        change = sum(float(row["cost"]) for _, row in moved)
        delta = float(last["amount"]) - float(first["amount"])
        if abs(delta - change) > max(0.5, params.money_tolerance * float(last["amount"])):
            yield Inconsistency(
                [evidence(line[0], first["location"], line_text(first)), evidence(line[-1], last["location"], line_text(last)),
                 *[evidence(doc, row.get("location"), f"{row['id']}: {money_text(row['cost'])}") for doc, row in moved]],
                {"old": line_text(first), "new": line_text(last), "delta": money_text(delta),
                 "approved": money_text(change)}, variant="cost_plan")
    plan = project.one("COST_PLAN")
    current = baseline(plan) if plan is not None else None
    reports = reporting_order(project.of("STATUS_REPORT"))
    if current is None or not reports:
        return
    latest = reports[-1]
    found = latest.money("bac")
    if found and not same_money(found[0], current, params.money_tolerance):
        yield Inconsistency([evidence(latest, found[0]["location"], line_text(found[0])),
                             evidence(plan, current["location"], line_text(current))],  # type: ignore[arg-type]
                            {"bac": line_text(found[0]), "baseline": line_text(current)}, variant="bac")


def _when(doc: Doc) -> date | None:
    """When a version of a document was issued: its approval, else its date."""
    found = (doc.part("dates") or {}).get("approved") or doc.value("identity", "date") or {}
    return day(found.get("value"))


def closure_actuals(project: Project, params: Any) -> Iterable[Inconsistency]:
    """The closure report's planned cost is the baseline; its actual cost is not below the last AC;
    its planned finish is the schedule's."""
    closure = project.one("CLOSURE_REPORT")
    if closure is None:
        return
    planned = closure.money("total", "baseline", "bac")
    plan = project.one("COST_PLAN", "CHARTER", "PMP")
    expected = (baseline(plan) if plan is not None and plan.doc_type == "COST_PLAN" else total(plan)) if plan else None
    if planned and expected is not None and not same_money(planned[0], expected, params.money_tolerance) and \
            not any(same_money(p, expected, params.money_tolerance) for p in planned):
        yield Inconsistency([evidence(closure, planned[0]["location"], line_text(planned[0])),
                             evidence(plan, expected["location"], line_text(expected))],  # type: ignore[arg-type]
                            {"closure": line_text(planned[0]), "baseline": line_text(expected)}, variant="planned_cost")
    actual = closure.money("actual", "ac")
    reports = reporting_order(project.of("STATUS_REPORT"))
    last_ac = reports[-1].money("ac") if reports else []
    if actual and last_ac and float(actual[0]["amount"]) + max(0.5, params.money_tolerance * float(last_ac[0]["amount"])) \
            < float(last_ac[0]["amount"]):
        yield Inconsistency([evidence(closure, actual[0]["location"], line_text(actual[0])),
                             evidence(reports[-1], last_ac[0]["location"], line_text(last_ac[0]))],
                            {"actual": line_text(actual[0]), "ac": line_text(last_ac[0])}, variant="actual_cost")
    finish = (closure.part("dates") or {}).get("planned_end")
    schedule = project.one("SCHEDULE")
    window = (schedule.part("schedule") or {}).get("finish") if schedule is not None else None
    if finish and window and not same_day(day(finish["value"]), day(window["value"]), params.date_days):  # type: ignore[arg-type]
        yield Inconsistency([evidence(closure, finish["location"], finish["value"]),
                             evidence(schedule, window["location"], window["value"])],  # type: ignore[arg-type]
                            {"closure": finish["value"], "schedule": window["value"]}, variant="planned_end")

