"""An audit killed at random points ten times in a row, then resumed to the end: the store must hold
each document exactly once in the run, with its findings once.

    python -m benchmarks.audit_resume [--kills 10] [--documents 200] [--seed N]

Each attempt starts `pmo-check audit LIBRARY --db … --workers 2 --full [--resume]` (every document is
checked, also in a new run) as a process of its own and
SIGKILLs it after a random delay (between the start and the time a whole run took on a first,
unkilled pass); then one last `--resume` finishes. A resumed run goes on in the same run; when an
attempt finished before its kill, the next `--resume` starts a new run. The library is
benchmarks.audit's. Prints each kill and every run of the store; exits 1 when a run holds a document
twice, a finished run lacks a document or a finding, or the last run did not finish.
"""
from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.audit import library

ROOT = Path(__file__).resolve().parent.parent


def _audit(folder: Path, db: Path, resume: bool) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "checker.cli", "audit", str(folder), "--db", f"sqlite:///{db}",
                             "--workers", "2", "--progress", "lines", "--full", *(["--resume"] if resume else [])],
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _runs(db: Path) -> list[tuple[int, str, int, int, int]]:
    """Each run: (id, status, document rows, distinct documents, findings)."""
    with sqlite3.connect(db) as c:
        return c.execute(
            "SELECT runs.id, runs.status, count(DISTINCT documents.id), "
            "count(DISTINCT documents.source_id || '/' || documents.key), "
            "(SELECT count(*) FROM findings JOIN documents d ON d.id = findings.document_id WHERE d.run_id = runs.id) "
            "FROM runs LEFT JOIN documents ON documents.run_id = runs.id GROUP BY runs.id ORDER BY runs.id").fetchall()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    folder = library(args.documents)
    with tempfile.TemporaryDirectory() as work:
        reference = Path(work) / "reference.db"
        start = time.monotonic()
        if _audit(folder, reference, False).wait() not in (0, 1):
            print("the reference audit failed")
            return 1
        whole = time.monotonic() - start
        _, _, expected, _, findings = _runs(reference)[0]
        print(f"seed {args.seed}; an uninterrupted run: {whole:.1f} s, {expected} documents, {findings} findings")
        db = Path(work) / "audit.db"
        for attempt in range(args.kills):
            proc = _audit(folder, db, resume=attempt > 0)
            time.sleep(rng.uniform(0.0, whole))
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            runs = _runs(db) if db.exists() else []
            latest = f"run {runs[-1][0]} {runs[-1][1]} with {runs[-1][2]} documents" if runs else "no run yet"
            print(f"kill {attempt + 1}: {'killed' if proc.returncode == -signal.SIGKILL else 'it had finished'}; {latest}")
        if _audit(folder, db, resume=True).wait() not in (0, 1):
            print("the last --resume failed")
            return 1
        runs = _runs(db)
    # A resumed run goes on in the same run; once one finished, the next --resume starts a new one.
    once = all(rows == keys for _, _, rows, keys, _ in runs)
    whole_runs = all(rows == expected and found == findings for _, status, rows, _, found in runs if status == "finished")
    ok = once and whole_runs and runs[-1][1] == "finished"
    for run_id, status, rows, keys, found in runs:
        print(f"run {run_id}: {status}, {rows} document rows, {keys} distinct documents, {found} findings")
    print("each document exactly once in every run, every finished run complete" if ok else "WRONG")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
