"""Registers against the documents that report on them: XD-08 the status report's risks and issues
are the registers', XD-09 the closure report hands over every open risk and issue, XD-16 the risk
register uses the risk management plan's scale, XD-28 the committee's conditions are closed before
planning ends; and GATE-07, no open high risk without a response at a stage boundary."""
from __future__ import annotations

from typing import Any, Iterable

from checker.project.checks.common import (
    Inconsistency,
    by_key,
    evidence,
    joined,
    prefixes,
    reporting_order,
    short,
)
from checker.project.model import Doc, Project

_LEVELS_ZH = {"Low": "低", "Medium": "中", "High": "高", "Critical": "极高"}
_STATES = {"open": ("open", "开放"), "closed": ("closed", "已关闭"), "occurred": ("occurred", "已发生")}
_PLANNING = ("PMP", "SCHEDULE", "COST_PLAN", "SCOPE_STATEMENT", "RESOURCE_PLAN", "QUALITY_PLAN", "RISK_REGISTER",
             "STATUS_REPORT", "CLOSURE_REPORT")


def _level(value: str | None, language: str) -> str:
    return (_LEVELS_ZH.get(value or "", value or "—") if language == "zh" else (value or "—"))


def _state(value: str | None, language: str) -> str:
    en, zh = _STATES.get(value or "", (value or "—", value or "—"))
    return zh if language == "zh" else en


def _register(project: Project) -> dict[str, tuple[Doc, dict[str, Any]]]:
    """Every risk and issue row of the current registers, by id key."""
    out: dict[str, tuple[Doc, dict[str, Any]]] = {}
    for doc in project.of("RISK_REGISTER", "ISSUE_REGISTER"):
        for part in ("risks", "issues"):
            for key, row in by_key(doc.rows(part)).items():
                out.setdefault(key, (doc, row))
    return out


def status_registers(project: Project, params: Any) -> Iterable[Inconsistency]:
    lang = project.language
    reports = reporting_order(project.of("STATUS_REPORT"))
    rows = _register(project)
    if not reports or not rows:
        return
    report = reports[-1]
    known = prefixes(rows)
    complete = all(not (d.part(p) or {}).get("truncated") for d in project.of("RISK_REGISTER", "ISSUE_REGISTER")
                   for p in ("risks", "issues"))
    cited_keys = set()
    for cited in report.part("cited") or []:
        key = cited.get("key")
        if not key or key.split("-", 1)[0] not in known:
            continue
        cited_keys.add(key)
        if key not in rows:
            if complete:
                yield Inconsistency([evidence(report, cited.get("location"), cited["id"])], {"id": cited["id"]},
                                    variant="unknown")
            continue
        doc, row = rows[key]
        if cited.get("level") and row.get("level") and cited["level"] != row["level"]:
            yield Inconsistency([evidence(report, cited.get("location"), _level(cited["level"], lang)),
                                 evidence(doc, row.get("location"), _level(row["level"], lang))],
                                {"id": cited["id"], "said": _level(cited["level"], lang),
                                 "recorded": _level(row["level"], lang)}, variant="level")
        elif cited.get("state") and row.get("state") and cited["state"] != row["state"]:
            yield Inconsistency([evidence(report, cited.get("location"), _state(cited["state"], lang)),
                                 evidence(doc, row.get("location"), _state(row["state"], lang))],
                                {"id": cited["id"], "said": _state(cited["state"], lang),
                                 "recorded": _state(row["state"], lang)}, variant="state")
    missing = [(doc, row) for key, (doc, row) in rows.items()
               if row.get("state") in ("open", "occurred") and row.get("level") in params.high_levels
               and key not in cited_keys]
    if missing:
        yield Inconsistency([evidence(doc, row.get("location"), f"{row['id']} ({_level(row['level'], lang)})")
                             for doc, row in missing[:20]] + [evidence(report, {}, "—")],
                            {"ids": joined([r["id"] for _, r in missing[:10]], lang), "count": len(missing),
                             "document": short(report)}, variant="unreported")


def closure_handoff(project: Project, params: Any) -> Iterable[Inconsistency]:
    """Every risk or issue still open in the final registers is a follow-on action with an owner and a date."""
    closure = project.one("CLOSURE_REPORT")
    if closure is None:
        return
    lang = project.language
    open_rows = [(doc, row) for doc, row in _register(project).values() if row.get("state") in ("open", "occurred")]
    actions = closure.part("follow_on") or []
    handed: dict[str, dict[str, Any]] = {}
    for action in actions:
        for key in action.get("keys") or []:
            handed.setdefault(key, action)
    handover = ((closure.part("texts") or {}).get("handover") or {}).get("value", "")
    not_handed = [(doc, row) for doc, row in open_rows
                  if row.get("key") not in handed and not (row.get("id") and row["id"] in handover)]
    if not_handed:
        where = (((closure.part("texts") or {}).get("follow_on_actions") or {}).get("location")
                 or (actions[0]["location"] if actions else {}))
        yield Inconsistency([evidence(doc, row.get("location"), f"{row['id']}: {_state(row.get('state'), lang)}")
                             for doc, row in not_handed[:20]] + [evidence(closure, where, "—")],
                            {"ids": joined([r["id"] for _, r in not_handed[:10]], lang), "count": len(not_handed)},
                            variant=None)
    incomplete = [(key, action) for key, action in handed.items()
                  if key in {row.get("key") for _, row in open_rows} and not (action.get("owner") and action.get("date"))]
    if incomplete:
        yield Inconsistency([evidence(closure, action.get("location"), action.get("text", "")) for _, action in incomplete[:20]],
                            {"ids": joined([key for key, _ in incomplete[:10]], lang), "count": len(incomplete)},
                            variant="owner")


def risk_scales(project: Project, params: Any) -> Iterable[Inconsistency]:
    """The risk register's scale (3 or 5 levels) and 'high' threshold are the risk management plan's."""
    plan = project.one("RISK_MGMT_PLAN")
    register = project.one("RISK_REGISTER")
    if plan is None or register is None:
        return
    stated = plan.part("scale") or {}
    used = register.part("risks") or {}
    if stated.get("scale") and used.get("scale") and stated["scale"] != used["scale"]:
        yield Inconsistency([evidence(plan, stated.get("scale_location"), f"{stated['scale']}×{stated['scale']}"),
                             evidence(register, (register.rows("risks") or [{}])[0].get("location"),
                                      f"{used['scale']}×{used['scale']}")],
                            {"plan": stated["scale"], "register": used["scale"]}, variant="scale")
    high_plan = (stated.get("bands") or {}).get("High")
    high_register = (used.get("bands") or {}).get("High")
    if high_plan and high_register and float(high_plan[0]) != float(high_register[0]):
        yield Inconsistency([evidence(plan, stated.get("bands_location"), f"High ≥ {high_plan[0]:g}"),
                             evidence(register, {}, f"High ≥ {high_register[0]:g}")],
                            {"plan": f"{high_plan[0]:g}", "register": f"{high_register[0]:g}"}, variant="bands")


def committee_conditions(project: Project, params: Any) -> Iterable[Inconsistency]:
    """Once planning has begun, every condition of the committee's decision is closed (in the review
    itself, or as a closed issue of the same id)."""
    reviews = project.of("INIT_REVIEW")
    if not reviews or not project.of(*_PLANNING):
        return
    rows = _register(project)
    open_conditions = []
    for review in reviews:
        for condition in review.part("conditions") or []:
            state = condition.get("state")
            key = condition.get("key")
            if key and key in rows and rows[key][1].get("state") == "closed":
                continue
            if state != "closed":
                open_conditions.append((review, condition))
    if open_conditions:
        yield Inconsistency([evidence(doc, c.get("location"), c["text"]) for doc, c in open_conditions[:20]],
                            {"count": len(open_conditions),
                             "conditions": joined([c["text"][:60] for _, c in open_conditions[:5]], project.language)})


def open_high_risks(project: Project, params: Any) -> Iterable[Inconsistency]:
    """GATE-07: open risks of a high level without a response (or formal acceptance)."""
    lang = project.language
    found = [(doc, row) for doc in project.of("RISK_REGISTER") for row in doc.rows("risks")
             if row.get("state") in ("open", None) and row.get("level") in params.high_levels and not row.get("response")]
    if found:
        yield Inconsistency([evidence(doc, row.get("location"), f"{row['id']} ({_level(row['level'], lang)})")
                             for doc, row in found[:20]],
                            {"ids": joined([r["id"] for _, r in found[:10]], lang), "count": len(found)})
