"""The bulk audit's throughput: documents per second for the local pool with 1 and 2 workers and for a
Dask LocalCluster of two single-threaded workers, on the same generated library.

    python -m benchmarks.audit [--documents 1000] [--modes local-1,local-2,dask] [--json FILE] [--quick]

The library (generated once, cached under benchmarks/.work/audit-N/) is a PMO's: per project a
charter, a scope statement and a plan (tests/support/library.py: doc-control table, revision
history, a dozen sections, approvals; some with a placeholder) and a risk register of 40 to 160 rows
(benchmarks/workloads.py). Each mode audits it into a fresh SQLite store with `--full` semantics (every
document checked), timed from the start of the run to its end: listing, checking, the writer's
batches, the project view and the run's totals. The Dask cluster is started before the clock and
shut down after it. The targets (issue #14): 2 workers at least 1.7 × one, and at least 80 documents
per second at 2 workers with the store on SQLite. The load average of the machine is printed with
the results, since other processes share its cores, and so is the CPU time a document costs (the
audit process and its workers together, local modes): 2 cores ÷ that cost bounds what two idle cores
would do, whatever the load was during the measurement.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.workloads import write_register

KINDS = ("charter", "scope", "plan", "register")
TARGET_RATIO, TARGET_RATE = 1.7, 80.0


def library(documents: int) -> Path:
    """`documents` documents, four per project, generated once."""
    from tests.support.library import document_bytes, project_id

    root = Path(os.environ.get("PMO_BENCH_WORK") or Path(__file__).resolve().parent / ".work") / f"audit-{documents}"
    marker = root.parent / f"audit-{documents}.complete"
    if marker.exists():
        return root
    shutil.rmtree(root, ignore_errors=True)
    for i in range(documents):
        project, kind = divmod(i, len(KINDS))
        kind = KINDS[kind]
        folder = root / project_id(project).lower()
        folder.mkdir(parents=True, exist_ok=True)
        if kind == "register":
            write_register(folder / "risk-register.xlsx", 40 + (project * 37) % 120, seed=project)
        else:
            (folder / f"{kind}.docx").write_bytes(document_bytes(project, kind, defect=project % 5 == 0))
    marker.write_text("ok")
    return root


def measure(mode: str, folder: Path, scheduler: str | None) -> dict[str, Any]:
    from checker.audit.runner import AuditRequest, audit

    with tempfile.TemporaryDirectory() as work:
        request = AuditRequest(sources=(str(folder),), db=f"sqlite:///{work}/audit.db",
                               workers=1 if mode == "local-1" else 2, scheduler=scheduler, full=True)
        load = os.getloadavg()[0]
        own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = audit(request)
        seconds = time.perf_counter() - start
        own_after, children_after = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    row = {"mode": mode, "documents": result.documents, "seconds": round(seconds, 2),
           "docs_per_s": round(result.documents / seconds, 1), "errors": result.errors,
           "load_before": round(load, 2), "load_after": round(os.getloadavg()[0], 2)}
    if scheduler is None:  # the pool's workers are this process's children, reaped when the run ends
        parent = _cpu(own_after) - _cpu(own)
        workers = _cpu(children_after) - _cpu(children)
        row.update(cpu_parent_s=round(parent, 2), cpu_workers_s=round(workers, 2),
                   cpu_ms_per_doc=round(1000 * (parent + workers) / result.documents, 1))
    return row


def _cpu(usage: resource.struct_rusage) -> float:
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--modes", default="local-1,local-2,dask")
    parser.add_argument("--json", metavar="FILE")
    parser.add_argument("--quick", action="store_true", help="40 documents (the smoke test)")
    args = parser.parse_args(argv)
    documents = 40 if args.quick else args.documents
    folder = library(documents)
    rows = []
    for mode in args.modes.split(","):
        if mode == "dask":
            from distributed import LocalCluster

            with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                              host="127.0.0.1") as cluster:
                rows.append(measure(mode, folder, cluster.scheduler_address))
        else:
            rows.append(measure(mode, folder, None))
        r = rows[-1]
        cpu = (f"; CPU {r['cpu_parent_s']:.1f} s audit process + {r['cpu_workers_s']:.1f} s workers = "
               f"{r['cpu_ms_per_doc']:.1f} ms/document") if "cpu_ms_per_doc" in r else ""
        print(f"{mode:8} {r['documents']:5d} documents {r['seconds']:7.2f} s {r['docs_per_s']:6.1f} docs/s  "
              f"(load {r['load_before']} → {r['load_after']}{cpu})", flush=True)
    by_mode = {r["mode"]: r for r in rows}
    out: dict[str, Any] = {"cores": os.cpu_count(), "results": rows}
    if "local-1" in by_mode and "local-2" in by_mode:
        ratio = by_mode["local-2"]["docs_per_s"] / by_mode["local-1"]["docs_per_s"]
        out["ratio_2_to_1"] = round(ratio, 2)
        # What two cores of their own would give: the CPU a document costs, all processes counted.
        out["idle_2_cores_docs_per_s"] = round(2000 / by_mode["local-2"]["cpu_ms_per_doc"], 1)
        print(f"2 workers / 1 worker: {ratio:.2f}× (target ≥ {TARGET_RATIO}×); "
              f"2 workers: {by_mode['local-2']['docs_per_s']} docs/s (target ≥ {TARGET_RATE:g}); "
              f"bound on 2 idle cores from the CPU per document: {out['idle_2_cores_docs_per_s']} docs/s")
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2), encoding="utf-8")
    return out


if __name__ == "__main__":
    main()
