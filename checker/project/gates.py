"""A project's readiness for a stage gate (standard §5), as the contract's `gate` block.

- every required document is there (else it is in `missing_documents`), in its latest version, in
  the state the gate asks (else GATE-01, a blocker);
- no exit criterion fails: a finding of an exit-criterion rule at major or above in a current
  document, or among the project's findings; and no required document has a blocker at all.

`not-ready` when a document is missing or a blocker fails; `conditional` when only majors fail (their
rules are the conditions a committee would attach); `ready` otherwise. Exit criteria that no rule of
the configuration checks are listed as `not_assessed`, so that a reviewer knows what was not looked at.
"""
from __future__ import annotations

from typing import Any, Iterable

from checker.config.gates import Gate, Requirement
from checker.core.findings import SEVERITY_RANK
from checker.project.checks.common import Inconsistency, day, evidence, located, short
from checker.project.checks.registers import open_high_risks
from checker.project.findings import documents_of
from checker.project.model import Doc, Project

_STATE_WORDS = {"submitted": ("submitted", "已提交"), "completed": ("completed", "已完成"), "current": ("current", "最新"),
                "populated": ("populated", "已填写"), "approved": ("approved", "已批准"), "signed": ("signed", "已签署"),
                "baselined": ("baselined", "已基线化"), "final": ("final", "定稿")}
_ACTUAL = {"draft": ("a draft", "草稿"), "review": ("in review", "评审中"), "final": ("final but not signed", "定稿但未签署"),
           None: ("not approved", "未批准"), "empty": ("empty", "无内容"), "unreadable": ("unreadable", "无法读取")}
_REGISTER_PARTS = ("risks", "issues", "changes", "stakeholders", "schedule")


def _word(table: dict, key: Any, language: str) -> str:
    en, zh = table.get(key, (str(key), str(key)))
    return zh if language == "zh" else en


def _meets(doc: Doc, state: str) -> tuple[bool, Any]:
    """Whether `doc` is in `state`, and what it is instead (a key of _ACTUAL)."""
    if not doc.readable:
        return False, "unreadable"
    if state in ("submitted", "completed", "current"):
        return True, None
    if state == "populated":
        parts = [doc.part(p) for p in _REGISTER_PARTS if doc.part(p)]
        rows = any((p.get("total") or p.get("tasks")) if isinstance(p, dict) else p for p in parts)
        return (rows or not parts and doc.doc_type not in ("RISK_REGISTER", "ISSUE_REGISTER", "STAKEHOLDER_REGISTER"),
                "empty")
    if state == "final":
        return doc.status != "draft", doc.status
    if state == "signed":
        return doc.signed, doc.status
    return doc.approved, doc.status  # approved, baselined


def required_documents(project: Project, gate: Gate) -> tuple[list[str], list[Inconsistency]]:
    """The missing document types, and one inconsistency per required document not in its state."""
    missing: list[str] = []
    wrong: list[Inconsistency] = []
    lang = project.language
    for req in gate.required:
        docs = project.of(req.doc_type) or [d for t in req.satisfied_by for d in project.of(t)]
        if not docs:
            missing.append(req.doc_type)
            continue
        results = [(doc, *_meets(doc, req.state)) for doc in docs]
        if any(ok for _, ok, _ in results):
            continue
        doc, _, actual = results[0]
        status = doc.value("identity", "status")
        wrong.append(Inconsistency([located(doc, status) if status else evidence(doc, {}, _word(_ACTUAL, actual, lang))],
                                   {"document": short(doc), "state": _word(_STATE_WORDS, req.state, lang),
                                    "actual": _word(_ACTUAL, actual, lang), "gate": gate.id, "type": req.doc_type}))
    return missing, wrong


def gate_order(project: Project, params: Any) -> Iterable[Inconsistency]:
    """GATE-04: no actual start before the plan's approval (G2)."""
    schedule, plan = project.one("SCHEDULE"), project.one("PMP", "PID")
    start = ((schedule.part("schedule") or {}).get("actual_start") if schedule is not None else None)
    approved = ((plan.part("dates") or {}).get("approved") if plan is not None else None)
    if start and approved and day(start["value"]) < day(approved["value"]):  # type: ignore[operator]
        yield Inconsistency([located(schedule, start), located(plan, approved)],  # type: ignore[arg-type]
                            {"start": start["value"], "approved": approved["value"], "document": short(schedule)})  # type: ignore[arg-type]


GATE_CHECKS = {"gate_order": gate_order, "open_high_risks": open_high_risks}


def block(project: Project, gate: Gate, findings: list[dict[str, Any]], known_rules: set[str]) -> dict[str, Any]:
    """The contract's `gate` block from the gate's requirements, the project's findings (gate rules
    included) and its current documents' findings."""
    criteria = set(gate.exit_criteria)
    required = {r.doc_type for r in gate.required} | {t for r in gate.required for t in r.satisfied_by}
    failed: dict[str, dict[str, Any]] = {}

    def fail(rule: str, severity: str, documents: list[str], message: str) -> None:
        item = failed.setdefault(rule, {"rule": rule, "severity": severity, "documents": [], "messages": []})
        if SEVERITY_RANK[severity] > SEVERITY_RANK[item["severity"]]:
            item["severity"] = severity
        item["documents"].extend(d for d in documents if d not in item["documents"])
        if message not in item["messages"]:
            item["messages"].append(message)

    for f in findings:
        if f.get("suppressed") or SEVERITY_RANK[f["severity"]] < SEVERITY_RANK["major"]:
            continue
        if f["rule"] in criteria or f["rule"] == "GATE-01":
            fail(f["rule"], f["severity"], documents_of(f), f["message"])
    for doc in project.current:
        for f in doc.findings():
            if SEVERITY_RANK[f["severity"]] < SEVERITY_RANK["major"]:
                continue
            if f["rule"] in criteria or (f["severity"] == "blocker" and doc.doc_type in required):
                fail(f["rule"], f["severity"], [doc.path], f["message"])
    missing = [r.doc_type for r in gate.required if not (project.of(r.doc_type) or
                                                         any(project.of(t) for t in r.satisfied_by))]
    items = sorted(failed.values(), key=lambda i: (-SEVERITY_RANK[i["severity"]], i["rule"]))
    blocked = bool(missing) or any(i["severity"] == "blocker" for i in items)
    decision = "not-ready" if blocked else ("conditional" if items else "ready")
    for item in items:
        item["message"] = item.pop("messages")[0]
    out: dict[str, Any] = {"id": gate.id, "decision": decision, "missing_documents": missing, "failed": items,
                           "conditions": [i["rule"] for i in items if i["severity"] == "major"],
                           "name": {"en": gate.name.en, "zh": gate.name.zh},
                           "required": [_requirement(project, r) for r in gate.required]}
    not_assessed = sorted(c for c in criteria if c not in known_rules)
    if not_assessed:
        out["not_assessed"] = not_assessed
    return out


def _requirement(project: Project, req: Requirement) -> dict[str, Any]:
    """A required document type with its state and the documents that answer it (for the gate report)."""
    docs = project.of(req.doc_type) or [d for t in req.satisfied_by for d in project.of(t)]
    return {"doc_type": req.doc_type, "state": req.state, "documents": [d.path for d in docs],
            "met": any(_meets(d, req.state)[0] for d in docs)}

