"""The project view of a run, made at its end from the stored document summaries.

The documents of a run are turned back into the report's entries and handed to the project view:
`checker.project.project_view(documents) -> projects` when that package is installed (cross-document
findings with their evidence, gate results), else the report's own grouping
(`checker.report.json.group_projects`) with each project's stage and score. What comes back is the
report's `projects` block; it is stored with its findings, evidence and gates.
"""
from __future__ import annotations

import importlib
from collections import Counter, defaultdict
from typing import Any, Callable, Mapping

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from checker.audit.models import Document, Finding, GateResult, Project, ProjectFinding

_FINDING_KEYS = ("rule", "severity", "message", "evidence")


def entry_of(doc: Mapping[str, Any], findings: list[Mapping[str, Any]]) -> dict[str, Any]:
    """A stored document (its row and its findings' rows) as the report's entry, which the project view reads."""
    entry: dict[str, Any] = {"path": doc["path"], "sha256": doc["sha256"], "format": doc["format"],
                             "doc_type": doc["doc_type"], "doc_type_confidence": doc["doc_type_confidence"],
                             "language": doc["language"], "score": doc["score"], "rules_applied": doc["rules_applied"] or [],
                             "findings": [{"rule": f["rule"], "severity": f["severity"], "message": f["message"],
                                           **({"suggestion": f["suggestion"]} if f["suggestion"] else {}),
                                           **({"location": f["location"]} if f["location"] else {}),
                                           **({"suppressed": True} if f["suppressed"] else {}),
                                           **({"needs_review": True} if f["needs_review"] else {}), **(f["extra"] or {})}
                                          for f in findings],
                             "error": {"code": doc["error_code"], "message": doc["error_message"] or ""}
                             if doc["error_code"] else None}
    if doc["project"]:
        entry["project"] = doc["project"]
    return entry


def project_view() -> Callable[[list[dict[str, Any]]], list[dict[str, Any]]]:
    """`checker.project.project_view` when installed, else the report's grouping with stage and score."""
    try:
        module = importlib.import_module("checker.project")  # a layer of its own; optional here
    except ModuleNotFoundError:
        module = None
    view = getattr(module, "project_view", None)
    return view if callable(view) else _grouped


def _grouped(documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from checker.report.json import group_projects
    from checker.run.scoring import project_score

    by_path = {d["path"]: d for d in documents}
    projects = group_projects(documents)
    for project in projects:
        project["stage"], project["score"] = project_score(by_path[p] for p in project["documents"])
    return projects


def store_projects(session: Session, run_id: int) -> int:
    """Replace the run's projects by the project view of its documents; the number of projects."""
    documents, findings = Document.__table__, Finding.__table__
    docs = list(session.execute(select(documents).where(documents.c.run_id == run_id).order_by(documents.c.id))
                .mappings())
    found: dict[int, list[Mapping[str, Any]]] = defaultdict(list)
    for row in session.execute(select(findings).join(documents).where(documents.c.run_id == run_id)
                               .order_by(findings.c.id)).mappings():
        found[row["document_id"]].append(row)
    by_path = {d["path"]: d for d in docs}
    session.execute(delete(Project).where(Project.run_id == run_id))
    projects = project_view()([entry_of(d, found[d["id"]]) for d in docs])
    for p in projects:
        members = [by_path[path] for path in p.get("documents", []) if path in by_path]
        row = Project(run_id=run_id, key=str(p["key"])[:200], name=_common(d["project_name"] for d in members),
                      stage=p.get("stage"), score=p.get("score"), documents=list(p.get("documents", [])),
                      **{k: _common(d[k] for d in members) for k in ("portfolio", "department", "manager")})
        row.findings = [ProjectFinding(rule=f["rule"], severity=f["severity"], message=f.get("message") or "",
                                       evidence=list(f.get("evidence") or []),
                                       extra={k: v for k, v in f.items() if k not in _FINDING_KEYS} or None)
                        for f in p.get("findings") or ()]
        gates = p.get("gates") or ([p["gate"]] if p.get("gate") else [])
        row.gates = [GateResult(gate=g["id"], decision=g["decision"], missing_documents=list(g.get("missing_documents") or []),
                                failed=list(g.get("failed") or []), conditions=list(g.get("conditions") or []))
                     for g in gates]
        session.add(row)
    return len(projects)


def _common(values: Any) -> str | None:
    """The value most of a project's documents have (None when none has one)."""
    counted = Counter(v for v in values if v)
    return counted.most_common(1)[0][0] if counted else None
