"""The scorecard's input (docs/scorecard.md) read from the audit store.

- `runs`: every finished run (since `--since`), each with its documents, its mean document score
  and the score of each group of `group_by` in that run — worked out by the scorecard's own model
  from that run's documents, so the trend and the tables can never disagree.
- `documents` and `findings`: the latest state of every source, i.e. the documents of each
  source's latest finished run, with their PMO groups and links (`url`, SharePoint's webUrl).

Runs that never finished are left out: their numbers are partial.
"""
from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from checker.audit.locks import aware
from checker.audit.models import Document, Finding, Run, RunSource
from checker.scorecard.model import build


def _iso(moment: datetime) -> str:
    return aware(moment).astimezone(timezone.utc).isoformat(timespec="seconds")


def _document(doc: Document) -> dict[str, Any]:
    return {"path": doc.path, "url": doc.url, "doc_type": doc.doc_type, "language": doc.language, "score": doc.score,
            "project": doc.project_key, "project_name": doc.project_name,
            "groups": {k: v for k in ("portfolio", "department", "manager") if (v := getattr(doc, k))},
            "error": f"{doc.error_code}: {doc.error_message}" if doc.error_code else None}


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
        docs = [_document(d) for d in session.scalars(select(Document).where(Document.run_id == run.id))]
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
    for source_id, run_id in sorted(latest.items()):
        rows = session.scalars(select(Document).where(Document.run_id == run_id, Document.source_id == source_id)
                               .order_by(Document.path))
        for doc in rows:
            documents.append(_document(doc))
        for f, path in session.execute(select(Finding, Document.path).join(Document)
                                       .where(Document.run_id == run_id, Document.source_id == source_id)
                                       .order_by(Document.path, Finding.id)):
            findings.append({"path": path, "rule": f.rule, "severity": f.severity, "message": f.message,
                             "suggestion": f.suggestion, "location": f.location, "suppressed": f.suppressed,
                             "needs_review": f.needs_review})
    data: dict[str, Any] = {"group_by": group_by, "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                            "runs": out_runs, "documents": documents, "findings": findings}
    if title:
        data["title"] = title
    return data
