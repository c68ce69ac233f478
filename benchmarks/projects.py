"""How much of a folder check the project view costs: 500 documents of 50 projects.

    python -m benchmarks.projects [--quick] [--json FILE]

The workload is one folder holding the ten planning documents of each of 50 projects (English and
Chinese in turn, file names prefixed per project, every fifth project with a seeded inconsistency),
written by tests/support/project_folders.py and cached under benchmarks/.work/projects/. Measured in
one run:

* **check** — `checker.check(folder)` with worker processes (one per CPU), best of N: what a user waits for;
* **review** — `checker.project.review` on the run's entries (grouping, versions, every XD rule and the
  G2 gate), best of N: the project view proper, which runs in the calling process after the workers;
* **summaries** — the time the workers spend extracting the documents' summaries, measured in process
  (`workers=0`) by a timer around `checker.analysis.summary.summarize`, as a share of that run.

Target: review + summaries under 10 % of the check (issue #12). Ratios are within one run, never timed
assertions in tests.
"""
from __future__ import annotations

import argparse
import json
import os
import time
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.workloads import work_dir

PROJECTS, QUICK_PROJECTS = 50, 3
TODAY = date(2026, 11, 25)


def workload(quick: bool) -> Path:
    """The folder of projects (written once, then reused)."""
    from tests.support import project_folders as pf

    count = QUICK_PROJECTS if quick else PROJECTS
    folder = work_dir(quick) / f"projects-{count}"
    marker = folder.with_name(folder.name + ".complete")
    if marker.exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        pack = pf.english() if n % 2 == 0 else pf.chinese()
        pack.id = f"{pack.id[:-3]}{n:03d}"
        pack.name = f"{pack.name} {n:02d}" if pack.lang == "en" else f"{pack.name}{n:02d}期"
        pack.prefix = f"p{n:02d}_"
        if n % 5 == 4:
            pack.set("CHARTER", budget="USD 1,300,000" if pack.lang == "en" else "人民币380万元")
        pack.write(folder)
    (folder / "pmo-check.toml").write_text('[check]\nprofile = "cn_pmo"\n', encoding="utf-8")  # the client's flow
    marker.write_text("", encoding="utf-8")
    return folder


def best(fn: Any, repeats: int) -> tuple[float, Any]:
    result, fastest = None, float("inf")
    for _ in range(max(1, repeats)):
        start = time.perf_counter()
        result = fn()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest, result


def summaries_share(folder: Path) -> tuple[float, float]:
    """(seconds extracting summaries, seconds of the whole in-process check) for the folder."""
    import checker
    from checker.analysis import summary

    spent = [0.0]
    original = summary.summarize

    def timed(ctx: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(ctx)
        finally:
            spent[0] += time.perf_counter() - start

    summary.summarize = timed  # type: ignore[assignment]
    try:
        start = time.perf_counter()
        checker.check([str(folder)], {"today": TODAY, "workers": 0})
        total = time.perf_counter() - start
    finally:
        summary.summarize = original  # type: ignore[assignment]
    return spent[0], total


def measure(quick: bool, repeats: int) -> dict[str, Any]:
    import checker
    from checker.project import review

    folder = workload(quick)
    documents = sum(1 for p in folder.iterdir() if p.suffix in (".docx", ".xlsx"))
    options = {"today": TODAY, "summaries": True, "workers": os.cpu_count() or 1}
    if not quick:
        checker.check([str(folder)], options)  # warm-up: rules built, lexicons loaded, pages cached
    check_s, report = best(lambda: checker.check([str(folder)], options), repeats)
    entries = report["documents"]
    review_s, projects = best(lambda: review(entries, {"today": TODAY}, gate="G2"), repeats)
    summary_s, inline_s = summaries_share(folder)
    share = review_s / check_s + summary_s / inline_s
    return {"documents": documents, "projects": len(projects), "check_s": round(check_s, 3),
            "review_s": round(review_s, 4), "review_share": round(review_s / check_s, 4),
            "summaries_s": round(summary_s, 3), "inline_check_s": round(inline_s, 3),
            "summaries_share": round(summary_s / inline_s, 4), "project_view_share": round(share, 4),
            "target": "< 10 % of the check", "met": share < 0.10,
            "cross_document_findings": sum(len(p["findings"]) for p in projects),
            "decisions": {d: sum(1 for p in projects if p["gate"]["decision"] == d)
                          for d in ("ready", "conditional", "not-ready")},
            "cores": os.cpu_count(), "load": os.getloadavg()[0]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.projects", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_PROJECTS} projects, one repeat")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", metavar="FILE")
    args = parser.parse_args(argv)
    result = measure(args.quick, 1 if args.quick else args.repeat)
    print(f"{result['documents']} documents, {result['projects']} projects, {result['cores']} cores "
          f"(load {result['load']:.1f})")
    print(f"check (workers)      {result['check_s']:8.3f} s")
    print(f"review (project view){result['review_s']:8.4f} s   {result['review_share']:6.1%} of the check")
    print(f"summaries (in process){result['summaries_s']:7.3f} s   {result['summaries_share']:6.1%} of an in-process check "
          f"({result['inline_check_s']:.2f} s)")
    print(f"project view in all  {result['project_view_share']:8.1%}   target {result['target']}: "
          f"{'met' if result['met'] else 'NOT met'}")
    print(f"findings: {result['cross_document_findings']} cross-document; G2: {result['decisions']}")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
