"""The audit store's tables (SQLAlchemy 2 declarative models); the schema itself is made by the
Alembic migrations in `migrations/` (tests/test_audit_store.py checks that both agree).

History is kept per run: every run holds a row for every document of its sources, whether the
document was checked again or its unchanged result carried over from an earlier run, so a scorecard
reads any run on its own. `(run, source, key)` is unique: a resumed run can never record a
document twice.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    """The store's metadata."""


class Source(Base):
    """A folder or a SharePoint library, by the URI given on the command line (normalised)."""

    __tablename__ = "sources"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uri: Mapped[str] = mapped_column(String(2000), unique=True)
    kind: Mapped[str] = mapped_column(String(16))  # folder | sharepoint
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Run(Base):
    """One `pmo-check audit`: `running` until it finishes; a run found `running` whose process is gone
    is marked `interrupted` (it never finished) unless `--resume` takes it up again."""

    __tablename__ = "runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(16), default="running")
    holder: Mapped[str] = mapped_column(String(300))  # host:pid:start of the process running it
    heartbeat_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    tool_version: Mapped[str] = mapped_column(String(40))
    config_key: Mapped[str] = mapped_column(String(64))  # results are reused only under the same configuration
    options: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    documents: Mapped[int] = mapped_column(Integer, default=0)
    checked: Mapped[int] = mapped_column(Integer, default=0)
    reused: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    mean_score: Mapped[float | None] = mapped_column(Float)
    sources: Mapped[list[RunSource]] = relationship(back_populates="run", cascade="all, delete-orphan")


class RunSource(Base):
    """A source of a run, with what its listing left for the next run (Graph's delta link, folders)."""

    __tablename__ = "run_sources"
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"), primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True)
    listed: Mapped[bool] = mapped_column(Boolean, default=False)  # its listing completed in this run
    delta_link: Mapped[str | None] = mapped_column(Text)
    state: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    run: Mapped[Run] = relationship(back_populates="sources")
    source: Mapped[Source] = relationship()


class SourceLock(Base):
    """At most one audit per source at a time: the row exists while a run holds the source."""

    __tablename__ = "source_locks"
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"))
    holder: Mapped[str] = mapped_column(String(300))
    acquired_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Document(Base):
    """A document of a run: where it is, the version that was checked, and its report entry."""

    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("run_id", "source_id", "key", name="uq_documents_run_source_key"),
                      Index("ix_documents_source_key", "source_id", "key"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"), index=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(1024))  # relative path in a folder, item id in a library
    path: Mapped[str] = mapped_column(String(2000))  # as reports show it
    url: Mapped[str | None] = mapped_column(String(2000))  # SharePoint's webUrl, where findings link to
    etag: Mapped[str | None] = mapped_column(String(200))
    version: Mapped[str | None] = mapped_column(String(200))  # content version: cTag, or size and mtime
    sha256: Mapped[str | None] = mapped_column(String(64))
    size: Mapped[int | None] = mapped_column(BigInteger)
    modified_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    format: Mapped[str | None] = mapped_column(String(8))
    doc_type: Mapped[str] = mapped_column(String(40), default="UNKNOWN")
    doc_type_confidence: Mapped[float | None] = mapped_column(Float)
    language: Mapped[str | None] = mapped_column(String(8))
    project_key: Mapped[str | None] = mapped_column(String(200), index=True)
    project_name: Mapped[str | None] = mapped_column(String(500))
    project: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # the report's project facts
    portfolio: Mapped[str | None] = mapped_column(String(200))
    department: Mapped[str | None] = mapped_column(String(200))
    manager: Mapped[str | None] = mapped_column(String(200))
    score: Mapped[float | None] = mapped_column(Float)
    error_code: Mapped[str | None] = mapped_column(String(40))
    error_message: Mapped[str | None] = mapped_column(Text)
    skipped: Mapped[bool] = mapped_column(Boolean, default=False)  # not Word or Excel: listed, never a failure
    rules_applied: Mapped[list[str] | None] = mapped_column(JSON)
    config_key: Mapped[str] = mapped_column(String(64))
    checked: Mapped[bool] = mapped_column(Boolean)  # checked in this run (False: carried over unchanged)
    checked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))  # when this result was made
    # What the project view reads of the document (checker.analysis.summary), kept so that a run's
    # projects are reviewed from the store, carried-over documents included.
    summary: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    findings: Mapped[list[Finding]] = relationship(back_populates="document", cascade="all, delete-orphan",
                                                   order_by="Finding.id")


class Finding(Base):
    """A finding of a document, as in the report (`extra` keeps keys the contract may add later)."""

    __tablename__ = "findings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    rule: Mapped[str] = mapped_column(String(40), index=True)
    severity: Mapped[str] = mapped_column(String(10))
    message: Mapped[str] = mapped_column(Text, default="")
    suggestion: Mapped[str | None] = mapped_column(Text)
    location: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    suppressed: Mapped[bool] = mapped_column(Boolean, default=False)
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)
    extra: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    document: Mapped[Document] = relationship(back_populates="findings")


class Project(Base):
    """A project of a run, from its documents' summaries: stage, score, PMO groups."""

    __tablename__ = "projects"
    __table_args__ = (UniqueConstraint("run_id", "key", name="uq_projects_run_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(200))
    name: Mapped[str | None] = mapped_column(String(500))
    stage: Mapped[str | None] = mapped_column(String(20))
    score: Mapped[float | None] = mapped_column(Float)
    portfolio: Mapped[str | None] = mapped_column(String(200))
    department: Mapped[str | None] = mapped_column(String(200))
    manager: Mapped[str | None] = mapped_column(String(200))
    documents: Mapped[list[str]] = mapped_column(JSON, default=list)  # paths, as the report's projects block
    findings: Mapped[list[ProjectFinding]] = relationship(cascade="all, delete-orphan", order_by="ProjectFinding.id")
    gates: Mapped[list[GateResult]] = relationship(cascade="all, delete-orphan", order_by="GateResult.id")


class ProjectFinding(Base):
    """A cross-document finding of a project, with the evidence of every document taking part."""

    __tablename__ = "project_findings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    rule: Mapped[str] = mapped_column(String(40))
    severity: Mapped[str] = mapped_column(String(10))
    message: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)  # [{path, location, value}]
    extra: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class GateResult(Base):
    """A gate decision for a project: the report's `gate` block (`extra`: its other keys, such as the
    gate's name and each requirement's state)."""

    __tablename__ = "gate_results"
    __table_args__ = (UniqueConstraint("project_id", "gate", name="uq_gate_results_project_gate"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    gate: Mapped[str] = mapped_column(String(4))
    decision: Mapped[str] = mapped_column(String(16))
    missing_documents: Mapped[list[str]] = mapped_column(JSON, default=list)
    failed: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    conditions: Mapped[list[str]] = mapped_column(JSON, default=list)
    extra: Mapped[dict[str, Any] | None] = mapped_column(JSON)
