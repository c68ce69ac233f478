"""The audit store's schema: the Alembic migrations shipped in the package, up and down, on a real
SQLite file and on PostgreSQL where the machine has it; the models and the migrations agree; the
`pmo-check db` command; a store that is not at the current schema is refused with what to run."""
from __future__ import annotations

import json
import time
from datetime import timedelta
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, inspect, select
from sqlalchemy.exc import IntegrityError

from checker.audit import locks, store
from checker.audit.locks import now
from checker.audit.models import Base, Document, Run, RunSource, Source
from tests.support import postgres
from tests.support.cli import run_cli
from tests.support.library import library_docs, write_library

TABLES = {"sources", "runs", "run_sources", "source_locks", "documents", "findings", "projects", "project_findings",
          "gate_results"}


@pytest.fixture(scope="module")
def pg_url():
    reason = postgres.why_not()
    if reason:
        pytest.skip(f"no PostgreSQL here: {reason}")
    server = postgres.Server()
    yield server.url
    server.stop()


def _round_trip(url: str) -> None:
    engine = store.engine_for(url)
    try:
        store.upgrade(engine)
        assert store.current(engine) == store.head()
        assert TABLES <= set(inspect(engine).get_table_names())
        with engine.connect() as connection:  # the migrations make exactly what the models describe
            assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
        store.downgrade(engine, "base")
        assert store.current(engine) is None
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        store.upgrade(engine)  # and up again
        assert store.current(engine) == store.head()
    finally:
        engine.dispose()


def test_migrations_up_and_down_on_sqlite(tmp_path: Path):
    _round_trip(f"sqlite:///{tmp_path / 'store.db'}")


def test_migrations_up_and_down_on_postgresql(pg_url: str):
    _round_trip(pg_url)
    s = store.open_store(pg_url)
    try:
        _no_duplicate_documents(s)
    finally:
        store.downgrade(s.engine, "base")
        s.close()


def _no_duplicate_documents(s: store.Store) -> None:
    """The database itself refuses a second row of one document in one run."""
    moment = now()
    with s.sessions.begin() as session:
        source = Source(uri="/srv/pmo", kind="folder", created_at=moment)
        run = Run(started_at=moment, holder="h:1:1", heartbeat_at=moment, tool_version="1", config_key="k", options={},
                  documents=0, checked=0, reused=0, errors=0)
        session.add_all([source, run])
        session.flush()
        run.sources = [RunSource(source_id=source.id, listed=False)]
        ids = (run.id, source.id)
    row = {"run_id": ids[0], "source_id": ids[1], "key": "a.docx", "path": "a.docx", "config_key": "k", "checked": True,
           "checked_at": moment}
    with s.sessions.begin() as session:
        session.add(Document(**row))
    with pytest.raises(IntegrityError):
        with s.sessions.begin() as session:
            session.add(Document(**row))
    with s.sessions() as session:
        assert len(session.scalars(select(Document)).all()) == 1


def test_no_duplicate_document_rows_on_sqlite(tmp_path: Path):
    s = store.open_store(f"sqlite:///{tmp_path / 'store.db'}")
    try:
        _no_duplicate_documents(s)
    finally:
        s.close()


def test_db_command_upgrades_reports_and_downgrades(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'store.db'}"
    up = run_cli("db", "upgrade", "--db", url)
    assert up.returncode == 0, up.stderr
    assert f"schema {store.head()} (current)" in up.stdout
    current = run_cli("db", "current", "--db", url)
    assert current.returncode == 0 and f"schema {store.head()}" in current.stdout
    down = run_cli("db", "downgrade", "base", "--db", url)
    assert down.returncode == 0 and "schema none" in down.stdout
    missing = run_cli("db", "downgrade", "--db", url)
    assert missing.returncode == 2 and "revision" in missing.stderr
    bad = run_cli("db", "upgrade", "--db", "not a url")
    assert bad.returncode == 2 and "is not a database URL" in bad.stderr and "Traceback" not in bad.stderr
    nowhere = run_cli("db", "upgrade", "--db", f"sqlite:///{tmp_path / 'no' / 'such' / 'store.db'}")
    assert nowhere.returncode == 2 and "does not exist" in nowhere.stderr


def test_a_reader_refuses_a_store_without_the_current_schema(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'store.db'}"
    with pytest.raises(store.StoreError, match="holds no audit yet"):
        store.open_store(url, migrate=False)
    engine = store.engine_for(url)
    store.upgrade(engine)
    with engine.begin() as connection:  # as an older pmo-check would have left it
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0000'")
    engine.dispose()
    with pytest.raises(store.StoreError, match="run `pmo-check db upgrade"):
        store.open_store(url, migrate=False)
    card = run_cli("scorecard", "--db", url, "--format", "json")
    assert card.returncode == 2 and "pmo-check db upgrade" in card.stderr


def test_an_audit_and_its_scorecard_on_postgresql(pg_url: str, tmp_path: Path):
    docs = library_docs(2)
    library = write_library(tmp_path / "lib", docs, defects={docs[0].name})
    first = run_cli("audit", str(library), "--db", pg_url, "--workers", "1")
    assert first.returncode == 1 and "audit run 1 finished: 6 documents (6 checked" in first.stdout, first.stderr
    second = run_cli("audit", str(library), "--db", pg_url, "--workers", "1")
    assert "audit run 2 finished: 6 documents (0 checked, 6 unchanged)" in second.stdout, second.stderr
    card = run_cli("scorecard", "--db", pg_url, "--format", "json")
    assert card.returncode == 0 and [r["id"] for r in json.loads(card.stdout)["runs"]] == ["2", "1"]
    s = store.open_store(pg_url, migrate=False)
    try:
        with s.sessions() as session:
            assert session.scalar(select(func.count()).select_from(Document)) == 12
    finally:
        store.downgrade(s.engine, "base")
        s.close()


def test_a_run_on_another_host_is_alive_while_its_heartbeat_is_fresh(tmp_path: Path):
    s = store.open_store(f"sqlite:///{tmp_path / 'store.db'}")
    try:
        with s.sessions.begin() as session:
            for beat in (now(), now() - locks.STALE_AFTER - timedelta(minutes=1)):
                session.add(Run(started_at=beat, holder="pmo-batch-02.example.com:4242:1234", heartbeat_at=beat,
                                tool_version="1", config_key="k", options={}, documents=0, checked=0, reused=0,
                                errors=0))
        assert locks.mark_dead_runs(s.sessions) == [2]  # the one whose heartbeat stopped 11 minutes ago
        beat = locks.Heartbeat(s.sessions, 1, every=0.05)
        try:
            with s.sessions() as session:
                before = session.get(Run, 1).heartbeat_at
            time.sleep(0.3)
            with s.sessions() as session:
                assert session.get(Run, 1).heartbeat_at > before
        finally:
            beat.stop()
    finally:
        s.close()
