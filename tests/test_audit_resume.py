"""Nothing lost: a real `pmo-check audit` process SIGKILLed at several points and taken up again with
`--resume` finishes the same run with each document exactly once, without checking again what was
recorded; a run whose process died and is not resumed stays marked as never finished."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

import checker
from checker.audit.models import Document, Finding, Run
from checker.audit.store import open_store
from tests.support.cli import ROOT, run_cli
from tests.support.library import library_docs, write_library

# Kill when the run has recorded at least this many documents (0: as soon as the run exists).
KILL_POINTS = (0, 4, 12, 24)


def _start(library: Path, url: str, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "checker.cli", "audit", str(library), "--db", url, "--workers", "1",
                             *extra], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _recorded(db: Path) -> tuple[int, int] | None:
    """(runs, documents of the latest run), read as another process would, or None before the schema."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            runs = connection.execute("SELECT count(*), max(id) FROM runs").fetchone()
            if not runs[0]:
                return 0, 0
            docs = connection.execute("SELECT count(*) FROM documents WHERE run_id = ?", (runs[1],)).fetchone()[0]
            return runs[0], docs
    except sqlite3.Error:
        return None


def _kill_at(proc: subprocess.Popen, db: Path, documents: int) -> bool:
    """SIGKILL the audit once it has recorded `documents` documents; False when it finished first."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        state = _recorded(db)
        if state is not None and state[0] and state[1] >= documents:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
            return True
        time.sleep(0.01)
    proc.communicate(timeout=120)
    return False


def test_killed_at_several_points_and_resumed_each_document_once(tmp_path: Path):
    docs = library_docs(10)
    library = write_library(tmp_path / "lib", docs, defects={docs[1].name, docs[7].name})
    db = tmp_path / "audit.db"
    url = f"sqlite:///{db}"
    killed = 0
    for point in KILL_POINTS:
        proc = _start(library, url, *(["--resume"] if killed else []))
        killed += _kill_at(proc, db, point)
    assert killed >= 3, "the audit finished before most kill points: the library is too small for this machine"
    before = _recorded(db)[1]
    final = _start(library, url, "--resume")
    out, err = final.communicate(timeout=300)
    assert final.returncode == 1, out + err  # the two seeded defects are majors
    # What was recorded is not checked again: this attempt recorded only the rest.
    assert f"audit run 1 (resumed: {30 - before} recorded now) finished: 30 documents (30 checked, 0 unchanged)" in out

    expected = {d["path"]: sorted((f["rule"], f["severity"]) for f in d["findings"])
                for d in checker.check([str(library)], {"workers": 0})["documents"]}
    s = open_store(url, migrate=False)
    try:
        with s.sessions() as session:
            runs = session.scalars(select(Run)).all()
            assert [(r.id, r.status) for r in runs] == [(1, "finished")]
            assert (runs[0].documents, runs[0].checked) == (30, 30)  # the counters moved with the rows
            keys = session.execute(select(Document.key, func.count()).group_by(Document.key)).all()
            assert len(keys) == 30 and {n for _, n in keys} == {1}
            stored = {d.path: sorted((f.rule, f.severity) for f in d.findings) for d in session.scalars(select(Document))}
            assert stored == expected  # no finding lost or written twice
            assert session.scalar(select(func.count()).select_from(Finding)) == sum(map(len, expected.values()))
    finally:
        s.close()


def test_a_run_that_never_finished_is_marked_and_left_out_of_the_scorecard(tmp_path: Path):
    library = write_library(tmp_path / "lib", library_docs(10))
    db = tmp_path / "audit.db"
    url = f"sqlite:///{db}"
    assert _kill_at(_start(library, url), db, 3)
    again = run_cli("audit", str(library), "--db", url, "--workers", "1")  # not --resume: a new run
    assert again.returncode == 0 and "audit run 2 finished: 30 documents (30 checked" in again.stdout, again.stderr
    s = open_store(url, migrate=False)
    with s.sessions() as session:
        assert [(r.id, r.status, r.finished_at is None) for r in session.scalars(select(Run).order_by(Run.id))] == \
            [(1, "interrupted", True), (2, "finished", False)]
    s.close()
    card = run_cli("scorecard", "--db", url, "--format", "json")
    assert card.returncode == 0
    assert '"id": "2"' in card.stdout and '"id": "1"' not in card.stdout
    nothing = run_cli("audit", str(library), "--db", url, "--workers", "1", "--resume")
    assert "nothing to resume" in nothing.stderr and "audit run 3 finished" in nothing.stdout


def test_sigterm_stops_a_run_that_resume_finishes_without_errors(tmp_path: Path):
    library = write_library(tmp_path / "lib", library_docs(30))
    db = tmp_path / "audit.db"
    url = f"sqlite:///{db}"
    proc = _start(library, url)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None and ((_recorded(db) or (0, 0))[1] < 3):
        time.sleep(0.01)
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 2 and "interrupted" in err and "Traceback" not in err, out + err
    s = open_store(url, migrate=False)
    with s.sessions() as session:
        run = session.get(Run, 1)
        assert run.status == "interrupted" and 3 <= run.documents < 90
        assert session.scalar(select(func.count()).select_from(Document).where(Document.error_code.is_not(None))) == 0
    s.close()
    resumed = run_cli("audit", str(library), "--db", url, "--workers", "1", "--resume")
    assert resumed.returncode == 0 and "audit run 1 (resumed" in resumed.stdout and "0 unreadable" in resumed.stdout
