"""The project view of a run, made at its end from the stored documents.

The documents of a run — checked in it or carried over unchanged — are turned back into the report's
entries, with the summaries their checks returned, and reviewed by `checker.project.review` as
`check` reviews the documents it was given: grouped into projects, checked against each other (XD-*)
and, with `--gate`, assessed for a stage gate. Each project gets its stage and score as in a check's
report (`checker.run.scoring.score_projects`), its PMO groups from its documents, and is stored with
its findings (and their evidence) and its gate block.
"""
from __future__ import annotations

import os
from collections import Counter, defaultdict
from typing import Any, Mapping

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from checker.audit.models import Document, Finding, GateResult, Project, ProjectFinding
from checker.core.options import Options

_FINDING_KEYS = ("rule", "severity", "message", "evidence")
_GATE_KEYS = ("id", "decision", "missing_documents", "failed", "conditions")


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
    if doc["skipped"]:
        entry["skipped"] = True
    if doc["project"]:
        entry["project"] = doc["project"]
    if doc["summary"]:
        entry["summary"] = doc["summary"]
    return entry


def store_projects(session: Session, run_id: int, options: Options, gate: str | None = None) -> int:
    """Replace the run's projects by the project view of its documents under the run's `options`,
    assessed for `gate` (G0…G4) when given; the number of projects."""
    from checker.project import review
    from checker.run.scoring import score_projects

    documents, findings = Document.__table__, Finding.__table__
    # In the order `check` lists them (the writer stores them as checks finish, in any order), so that
    # the projects, their findings and evidence come out as `check` gives them, run after run.
    docs = sorted(session.execute(select(documents).where(documents.c.run_id == run_id)).mappings(),
                  key=lambda d: (d["source_id"], walk_order(d["path"])))
    found: dict[int, list[Mapping[str, Any]]] = defaultdict(list)
    for row in session.execute(select(findings).join(documents).where(documents.c.run_id == run_id)
                               .order_by(findings.c.id)).mappings():
        found[row["document_id"]].append(row)
    by_path = {d["path"]: d for d in docs}
    entries = [entry_of(d, found[d["id"]]) for d in docs]
    projects = review(entries, options, gate=gate)
    score_projects(projects, entries)
    session.execute(delete(Project).where(Project.run_id == run_id))
    for p in projects:
        members = [by_path[path] for path in p["documents"]]
        row = Project(run_id=run_id, key=str(p["key"])[:200],
                      name=p.get("name") or _common(d["project_name"] for d in members),
                      stage=p.get("stage"), score=p.get("score"), documents=list(p["documents"]),
                      **{k: _common(d[k] for d in members) for k in ("portfolio", "department", "manager")})
        row.findings = [ProjectFinding(rule=f["rule"], severity=f["severity"], message=f.get("message") or "",
                                       evidence=list(f.get("evidence") or []),
                                       extra={k: v for k, v in f.items() if k not in _FINDING_KEYS} or None)
                        for f in p.get("findings") or ()]
        block = p.get("gate")
        if block:
            row.gates = [GateResult(gate=block["id"], decision=block["decision"],
                                    missing_documents=list(block.get("missing_documents") or []),
                                    failed=list(block.get("failed") or []), conditions=list(block.get("conditions") or []),
                                    extra={k: v for k, v in block.items() if k not in _GATE_KEYS} or None)]
        session.add(row)
    return len(projects)


def gate_block(row: GateResult) -> dict[str, Any]:
    """A stored gate result as the report's `gate` block."""
    return {"id": row.gate, "decision": row.decision, "missing_documents": row.missing_documents, "failed": row.failed,
            "conditions": row.conditions, **(row.extra or {})}


def walk_order(path: str) -> tuple[tuple[int, str], ...]:
    """A sort key that lists paths as a folder walk does (checker.io.paths): a folder's files by name,
    then its subfolders by name."""
    *folders, name = path.replace(os.sep, "/").split("/")
    return (*((1, f) for f in folders), (0, name))


def _common(values: Any) -> str | None:
    """The value most of a project's documents have (None when none has one)."""
    counted = Counter(v for v in values if v)
    return counted.most_common(1)[0][0] if counted else None
