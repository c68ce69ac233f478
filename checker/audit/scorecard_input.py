"""The scorecard's input (docs/scorecard.md) read from the audit store.

- `runs`: every finished run (since `--since`), each with its documents, its mean document score
  and the score of each group of `group_by` in that run — worked out by the scorecard's own model
  from that run's documents, so the trend and the tables can never disagree.
- `documents` and `findings`: the latest state of every source, i.e. the documents of each
  source's latest finished run, with their PMO groups and links (`url`, SharePoint's webUrl).
  Files skipped by the audit (not Word or Excel) are not documents of the PMO and are left out.
- `projects`: the projects the run's project view made (`checker.project.review`, stored by
  `checker.audit.projects`) with their gate blocks. A document's `project` is the key of the stored
  project that holds it, so the scorecard groups documents exactly as `check`, `gate` and the audit do.

Runs that never finished are left out: their numbers are partial.
"""
from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from checker.audit.locks import aware
from checker.audit.models import Document, Finding, Project, Run, RunSource
from checker.audit.projects import gate_block
from checker.scorecard.model import build


def _iso(moment: datetime) -> str:
    return aware(moment).astimezone(timezone.utc).isoformat(timespec="seconds")


def _document(doc: Document, projects: dict[str, Project]) -> dict[str, Any]:
    """The scorecard's document: in the project of the run's project view that holds it."""
    project = projects.get(doc.path)
    return {"path": doc.path, "url": doc.url, "doc_type": doc.doc_type, "language": doc.language, "score": doc.score,
            "project": project.key if project else None,
            "project_name": (project.name if project else None) or doc.project_name,
            "groups": {k: v for k in ("portfolio", "department", "manager") if (v := getattr(doc, k))},
            "error": f"{doc.error_code}: {doc.error_message}" if doc.error_code else None}


def _documents(session: Session, run_id: int, source_id: int | None = None) -> list[Document]:
    """The run's documents (of one source), skipped files left out, by path."""
    query = select(Document).where(Document.run_id == run_id, Document.skipped.is_(False))
    if source_id is not None:
        query = query.where(Document.source_id == source_id)
    return list(session.scalars(query.order_by(Document.path)))


def _projects_of(session: Session, run_id: int) -> dict[str, Project]:
    """The stored project of the run that holds each document path."""
    return {path: p for p in session.scalars(select(Project).where(Project.run_id == run_id)
                                                  .options(selectinload(Project.gates)).order_by(Project.id))
            for path in p.documents}


def scorecard_input(session: Session, group_by: str = "project", since: date | None = None,
                    title: str | None = None) -> dict[str, Any]:
    """The input of `checker.scorecard.model.build` for the finished runs of the store."""
    query = select(Run).where(Run.status == "finished").order_by(Run.started_at)
    if since is not None:
        query = query.where(Run.started_at >= datetime.combine(since, datetime.min.time(), timezone.utc))
    runs = list(session.scalars(query))
    run_ids = [r.id for r in runs]
    out_runs = []
    for run in runs:
        projects = _projects_of(session, run.id)
        docs = [_document(d, projects) for d in _documents(session, run.id)]
        card = build({"group_by": group_by, "documents": docs})
        out_runs.append({"id": str(run.id), "started_at": _iso(run.started_at), "documents": run.documents,
                         "mean_score": run.mean_score,
                         "groups": {g.key: g.score for g in card.groupings.get(group_by, [])}})
    # The latest finished run of each source: its documents are the current state.
    latest = {} if not run_ids else dict(session.execute(
        select(RunSource.source_id, func.max(RunSource.run_id)).where(RunSource.run_id.in_(run_ids))
        .group_by(RunSource.source_id)).all())
    documents: list[dict[str, Any]] = []
    findings: list[dict[str, Any]] = []
    projects: dict[str, dict[str, Any]] = {}
    for source_id, run_id in sorted(latest.items()):
        by_path = _projects_of(session, run_id)
        for doc in _documents(session, run_id, source_id):
            documents.append(_document(doc, by_path))
            project = by_path.get(doc.path)
            if project is not None and project.key not in projects:
                gate = next((gate_block(g) for g in project.gates), None)
                projects[project.key] = {"key": project.key, **({"gate": gate} if gate else {})}
        for f, path in session.execute(select(Finding, Document.path).join(Document)
                                       .where(Document.run_id == run_id, Document.source_id == source_id,
                                              Document.skipped.is_(False))
                                       .order_by(Document.path, Finding.id)):
            findings.append({"path": path, "rule": f.rule, "severity": f.severity, "message": f.message,
                             "suggestion": f.suggestion, "location": f.location, "suppressed": f.suppressed,
                             "needs_review": f.needs_review})
    data: dict[str, Any] = {"group_by": group_by, "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                            "runs": out_runs, "documents": documents, "findings": findings,
                            "projects": list(projects.values())}
    if title:
        data["title"] = title
    return data
