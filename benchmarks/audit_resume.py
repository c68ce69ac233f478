"""An audit killed at random points ten times in a row, then resumed to the end: the store must hold
each document exactly once in the run, with its findings once.

    python -m benchmarks.audit_resume [--kills 10] [--documents 200] [--seed N]

Each attempt starts `pmo-check audit LIBRARY --db … --workers 2 [--resume]` as a process of its own and
SIGKILLs it after a random delay (between the start and the time a whole run took on a first,
unkilled pass); then one last `--resume` finishes the run. The library is benchmarks.audit's.
Prints each kill (how many documents the run had recorded) and the check of the store; exits 1 when
a document is missing or recorded twice.
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
                             "--workers", "2", "--progress", "lines", *(["--resume"] if resume else [])],
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _state(db: Path) -> tuple[int, int, int, int]:
    """(runs, documents, distinct keys, findings) of run 1."""
    with sqlite3.connect(db) as c:
        runs = c.execute("SELECT count(*) FROM runs").fetchone()[0]
        docs, keys = c.execute("SELECT count(*), count(DISTINCT source_id || '/' || key) FROM documents "
                               "WHERE run_id = 1").fetchone()
        findings = c.execute("SELECT count(*) FROM findings JOIN documents ON documents.id = findings.document_id "
                             "WHERE documents.run_id = 1").fetchone()[0]
    return runs, docs, keys, findings


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
        expected = _state(reference)
        print(f"seed {args.seed}; an uninterrupted run: {whole:.1f} s, {expected[1]} documents, {expected[3]} findings")
        db = Path(work) / "audit.db"
        for attempt in range(args.kills):
            proc = _audit(folder, db, resume=attempt > 0)
            time.sleep(rng.uniform(0.0, whole))
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            recorded = _state(db)[1] if db.exists() else 0
            print(f"kill {attempt + 1}: {'killed' if proc.returncode == -signal.SIGKILL else 'it had finished'}, "
                  f"{recorded} documents recorded")
        if _audit(folder, db, resume=True).wait() not in (0, 1):
            print("the last --resume failed")
            return 1
        runs, docs, keys, findings = _state(db)
    ok = docs == keys == expected[1] and findings == expected[3]
    print(f"after the last --resume: {docs} document rows, {keys} distinct documents, {findings} findings "
          f"({'each exactly once' if ok else 'WRONG'}); {runs} run(s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
