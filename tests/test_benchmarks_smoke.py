"""The benchmark command keeps working (tiny workloads; no timing is asserted — speed lives in benchmarks/)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_quick_benchmark_runs_and_writes_json(tmp_path):
    out = tmp_path / "bench.json"
    env = {**os.environ, "PMO_BENCH_WORK": str(tmp_path / "work")}
    result = subprocess.run([sys.executable, "-m", "benchmarks", "--quick", "--only", "charter,register,cold-start",
                             "--json", str(out)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    data = json.loads(out.read_text(encoding="utf-8"))
    rows = {r["workload"]: r for r in data["results"]}
    assert set(rows) == {"charter", "register", "cold-start"}
    for row in rows.values():
        assert row["floor_s"] > 0 and row["check_s"] > 0 and row["peak_mb"] > 0
    assert rows["charter"]["summary"]["errors"] == 0 and rows["register"]["summary"]["errors"] == 0
    assert data["machine"]["cores"] >= 1


def test_scale_benchmark_runs_and_reports_the_growth(tmp_path):
    """`--scale --quick`: every layout at two tiny sizes, checked in fresh processes, with the growth
    from the smaller to the larger size (its ratios are measured, never asserted here)."""
    out = tmp_path / "scale.json"
    env = {**os.environ, "PMO_BENCH_WORK": str(tmp_path / "work")}
    result = subprocess.run([sys.executable, "-m", "benchmarks", "--scale", "--quick", "--only", "tables,register",
                             "--json", str(out)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    rows = json.loads(out.read_text(encoding="utf-8"))["scale"]
    assert [(r["layout"], r["units"]) for r in rows] == [("tables", 100), ("tables", 400), ("register", 100), ("register", 400)]
    for r in rows:
        assert r["floor_s"] > 0 and r["check_s"] > 0 and r["peak_mb"] > 0 and r["summary"]["errors"] == 0
    assert rows[1]["size_ratio"] == 4 and rows[1]["time_ratio"] > 0 and "µs/unit" in result.stdout


def test_workloads_are_deterministic(tmp_path):
    from benchmarks.workloads import QUICK, charter, register

    a, b = charter(tmp_path / "a.docx", QUICK), charter(tmp_path / "b.docx", QUICK)
    assert a.read_bytes() == b.read_bytes()
    a, b = register(tmp_path / "a.xlsx", QUICK), register(tmp_path / "b.xlsx", QUICK)
    assert a.read_bytes() == b.read_bytes()


def test_audit_benchmark_runs_on_a_small_library(tmp_path):
    out = tmp_path / "audit.json"
    env = {**os.environ, "PMO_BENCH_WORK": str(tmp_path / "work")}
    result = subprocess.run([sys.executable, "-m", "benchmarks.audit", "--quick", "--modes", "local-1,local-2",
                             "--json", str(out)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [r["mode"] for r in data["results"]] == ["local-1", "local-2"]
    for row in data["results"]:
        assert row["documents"] == 40 and row["errors"] == 0 and row["docs_per_s"] > 0 and row["cpu_ms_per_doc"] > 0
    assert data["ratio_2_to_1"] > 0


def test_the_project_view_benchmark_runs_and_writes_json(tmp_path):
    out = tmp_path / "projects.json"
    env = {**os.environ, "PMO_BENCH_WORK": str(tmp_path / "work")}
    result = subprocess.run([sys.executable, "-m", "benchmarks.projects", "--quick", "--json", str(out)], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    data = json.loads(out.read_text(encoding="utf-8"))
    assert (data["documents"], data["projects"]) == (30, 3)
    assert data["check_s"] > 0 and data["review_s"] > 0 and data["summaries_s"] > 0
    assert data["decisions"] == {"ready": 3, "conditional": 0, "not-ready": 0}  # every fifth is seeded: none of 3
    assert data["cross_document_findings"] == 0
