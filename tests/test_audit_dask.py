"""`pmo-check audit --scheduler ADDRESS` on a real Dask `LocalCluster` of two worker processes: the same
results as the local pool, the work spread over both workers, and each worker's check pool keeping
the time budget (a budget no document can meet gives `timeout` entries, not a stuck cluster)."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from checker.audit.models import Document
from checker.audit.store import open_store
from tests.support.cli import run_cli
from tests.support.library import library_docs, write_library

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  host="127.0.0.1") as local:
        yield local


def _results(url: str) -> dict[str, tuple]:
    s = open_store(url, migrate=False)
    try:
        with s.sessions() as session:
            return {Path(d.path).relative_to(Path(d.path).parents[1]).as_posix():
                    (d.doc_type, d.score, d.error_code, sorted((f.rule, f.severity) for f in d.findings))
                    for d in session.scalars(select(Document))}
    finally:
        s.close()


def test_a_dask_cluster_gives_the_local_pools_results(cluster, tmp_path: Path):
    docs = library_docs(6)
    library = write_library(tmp_path / "lib", docs, defects={docs[0].name, docs[4].name})
    local_db, dask_db = f"sqlite:///{tmp_path / 'local.db'}", f"sqlite:///{tmp_path / 'dask.db'}"
    local = run_cli("audit", str(library), "--db", local_db, "--workers", "2")
    assert local.returncode == 1, local.stderr  # the seeded defects are majors
    with distributed.Client(cluster.scheduler_address) as client, distributed.get_task_stream(client) as stream:
        on_dask = run_cli("audit", str(library), "--db", dask_db, "--scheduler", cluster.scheduler_address)
    tasks = [t for t in stream.data if "check_on_worker" in str(t["key"])]
    assert on_dask.returncode == 1, on_dask.stdout + on_dask.stderr
    assert "audit run 1 finished: 18 documents (18 checked, 0 unchanged)" in on_dask.stdout
    assert _results(dask_db) == _results(local_db)
    assert len(tasks) == 18 and len({t["worker"] for t in tasks}) == 2  # a task per document, on both workers


def test_the_time_budget_holds_on_the_cluster(cluster, tmp_path: Path):
    library = write_library(tmp_path / "lib", library_docs(1))
    url = f"sqlite:///{tmp_path / 'audit.db'}"
    result = run_cli("audit", str(library), "--db", url, "--scheduler", cluster.scheduler_address,
                     "--timeout", "0.000001")
    assert result.returncode == 1 and "3 unreadable" in result.stdout, result.stdout + result.stderr
    assert {r[2] for r in _results(url).values()} == {"timeout"}
