"""The one writer of a run: results go to the store in batches, each batch one transaction.

Checks complete in any order on many workers; their entries (and the documents carried over
unchanged) are queued here and written by this thread alone, `BATCH` at a time or every
`INTERVAL` seconds, together with the run's counters and heartbeat. A run killed at any moment
loses at most the batch in flight — those documents are checked again on `--resume` — and never
leaves half a document: a document and its findings are written in the same transaction.
"""
from __future__ import annotations

import queue
import threading
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable, Mapping

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from checker.audit.locks import now
from checker.audit.models import Document, Finding, Run
from checker.audit.sources import Item

BATCH = 200
INTERVAL = 1.0  # seconds between commits while results arrive
_FINDING_KEYS = ("rule", "severity", "message", "suggestion", "location", "suppressed", "needs_review")
_STOP = object()


@dataclass(frozen=True)
class Checked:
    """A document checked in this run: its report entry."""

    source_id: int
    item: Item
    entry: Mapping[str, Any]
    groups: Mapping[str, str | None]
    config_key: str


@dataclass(frozen=True)
class Reused:
    """A document unchanged since `previous` (a document id of an earlier run): its result carried over."""

    source_id: int
    item: Item
    previous: int
    groups: Mapping[str, str | None]


@dataclass
class Counts:
    """What this writer recorded (a resumed run's totals are in its Run row)."""

    documents: int = 0
    checked: int = 0
    reused: int = 0


def project_key(project: Mapping[str, Any] | None) -> str | None:
    """The project a document belongs to: its id, or its name when it has no id (as the report groups)."""
    project = project or {}
    key = project.get("id") or project.get("name")
    return str(key)[:200] if key else None


def checked_rows(run_id: int, record: Checked, when: datetime) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The `documents` row and the `findings` rows of a checked document."""
    entry, item = record.entry, record.item
    project = entry.get("project") or None
    error = entry.get("error") or {}
    doc = {"run_id": run_id, "source_id": record.source_id, "key": item.key, "path": item.path, "url": item.url,
           "etag": item.etag, "version": item.version, "sha256": entry.get("sha256"), "size": item.size,
           "modified_at": item.modified_at, "format": entry.get("format"), "doc_type": entry.get("doc_type") or "UNKNOWN",
           "doc_type_confidence": entry.get("doc_type_confidence"), "language": entry.get("language"),
           "project_key": project_key(project), "project_name": (project or {}).get("name"), "project": project,
           "score": entry.get("score"), "error_code": error.get("code"), "error_message": error.get("message"),
           "skipped": bool(entry.get("skipped")), "rules_applied": entry.get("rules_applied"),
           "config_key": record.config_key, "checked": True, "checked_at": when, "summary": entry.get("summary"),
           **_groups(record.groups)}
    findings = [{"rule": f.get("rule"), "severity": f.get("severity"), "location": f.get("location"),
                 "message": f.get("message") or "", "suggestion": f.get("suggestion"),
                 "suppressed": bool(f.get("suppressed")), "needs_review": bool(f.get("needs_review")),
                 "extra": {k: v for k, v in f.items() if k not in _FINDING_KEYS} or None}
                for f in entry.get("findings") or ()]
    return doc, findings


def reused_rows(run_id: int, record: Reused, old: Mapping[str, Any],
                old_findings: list[Mapping[str, Any]]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The rows of a document carried over from `old` (an earlier run's row) into this run."""
    item = record.item
    doc = {k: v for k, v in old.items() if k != "id"}
    doc.update(run_id=run_id, source_id=record.source_id, key=item.key, path=item.path, url=item.url or old["url"],
               etag=item.etag, version=item.version, size=item.size or old["size"],
               modified_at=item.modified_at or old["modified_at"], checked=False,
               **{k: v or old[k] for k, v in _groups(record.groups).items()})
    return doc, [{k: v for k, v in f.items() if k not in ("id", "document_id")} for f in old_findings]


def _groups(groups: Mapping[str, str | None]) -> dict[str, str | None]:
    return {k: groups.get(k) for k in ("portfolio", "department", "manager")}


class Writer:
    """The run's writer thread. `put` from any thread; `close` flushes and returns the counts."""

    def __init__(self, sessions: sessionmaker[Session], run_id: int, on_written: Callable[[Any], None] | None = None,
                 batch: int = BATCH, interval: float = INTERVAL) -> None:
        self.sessions, self.run_id = sessions, run_id
        self.on_written = on_written or (lambda record: None)
        self.batch, self.interval = batch, interval
        self.counts = Counts()
        self.failure: BaseException | None = None
        self._queue: queue.Queue = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="pmo-check-audit-writer", daemon=True)
        self._thread.start()

    def put(self, record: Checked | Reused) -> None:
        if self.failure is not None:
            raise RuntimeError(f"the audit store stopped taking results: {self.failure}") from self.failure
        self._queue.put(record)

    def close(self) -> Counts:
        self._queue.put(_STOP)
        self._thread.join()
        if self.failure is not None:
            raise RuntimeError(f"the audit store stopped taking results: {self.failure}") from self.failure
        return self.counts

    def _run(self) -> None:
        pending: list[Any] = []
        last = time.monotonic()
        try:
            while True:
                try:
                    record = self._queue.get(timeout=self.interval)
                except queue.Empty:
                    record = None
                if record is _STOP:
                    self._flush(pending)
                    return
                if record is not None:
                    pending.append(record)
                if len(pending) >= self.batch or time.monotonic() - last >= self.interval:
                    self._flush(pending)
                    pending, last = [], time.monotonic()
        except BaseException as exc:  # noqa: BLE001 - reported to the run through put/close
            self.failure = exc

    def _flush(self, records: list[Any]) -> None:
        """One transaction: the documents (Core inserts: a batch can hold thousands of findings), their
        findings, and the run's counters and heartbeat."""
        if not records:
            return
        when = now()
        documents, findings = Document.__table__, Finding.__table__
        with self.sessions.begin() as session:
            previous = [r.previous for r in records if isinstance(r, Reused)]
            old: dict[int, Mapping[str, Any]] = {}
            old_findings: dict[int, list[Mapping[str, Any]]] = defaultdict(list)
            if previous:
                old = {row["id"]: row for row in session.execute(select(documents).where(documents.c.id.in_(previous)))
                       .mappings()}
                for row in session.execute(select(findings).where(findings.c.document_id.in_(previous))
                                           .order_by(findings.c.id)).mappings():
                    old_findings[row["document_id"]].append(row)
            rows = [checked_rows(self.run_id, r, when) if isinstance(r, Checked)
                    else reused_rows(self.run_id, r, old[r.previous], old_findings[r.previous]) for r in records]
            ids = session.execute(insert(documents).returning(documents.c.id, sort_by_parameter_order=True),
                                  [doc for doc, _ in rows]).scalars().all()
            children = [{**f, "document_id": doc_id} for doc_id, (_, fs) in zip(ids, rows) for f in fs]
            if children:
                session.execute(insert(findings), children)
            checked = sum(isinstance(r, Checked) for r in records)
            session.execute(update(Run).where(Run.id == self.run_id).values(
                heartbeat_at=when, documents=Run.documents + len(records), checked=Run.checked + checked,
                reused=Run.reused + len(records) - checked,
                errors=Run.errors + sum(1 for doc, _ in rows if doc["error_code"] is not None and not doc["skipped"])))
        for record in records:
            self.counts.documents += 1
            if isinstance(record, Checked):
                self.counts.checked += 1
            else:
                self.counts.reused += 1
            self.on_written(record)
