"""One measurement in a fresh process, so that its peak memory is its own.

    python -m benchmarks.child floor|check|first-check PATH

Prints one JSON line: wall and CPU seconds of the work, peak RSS of the process (MB) and a short
summary. `check` times the imports too; `first-check` imports the engine and builds the rules first,
as a worker does before its first document (`checker.run.worker._preload`; a worker never imports the
engine's front, which `checker.check` imports on its first call), and times the check alone,
with a time budget that never stops it (the scale benchmark measures documents that take minutes
before they are fixed).
"""
from __future__ import annotations

import importlib
import json
import resource
import sys
import time


def main(argv: list[str]) -> int:
    mode, path = argv
    config: dict = {}
    from benchmarks.floor import floor  # lxml's import is not the floor's work

    if mode == "first-check":
        # What `checker.check` imports on its first call and a worker never does (the engine's front, the
        # project review): imports, not the check.
        for module in ("checker.run.engine", "checker.run.executor", "checker.project.checks",
                       "checker.project.findings", "checker.project.gates"):
            importlib.import_module(module)
        from checker.run.worker import _preload

        _preload()
        config = {"timeout": 3600}
    start, cpu = time.perf_counter(), time.process_time()
    if mode == "floor":
        summary = {"chars": floor(path)}
    else:
        import checker

        report = checker.check([path], config)
        docs = report["documents"]
        summary = {"documents": len(docs), "errors": sum(1 for d in docs if d.get("error")),
                   "error_codes": sorted({d["error"]["code"] for d in docs if d.get("error")}),
                   "doc_types": sorted({d.get("doc_type") for d in docs})[:5],
                   "findings": report["summary"]["findings"]}
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
    print(json.dumps({"seconds": seconds, "cpu_s": cpu, "peak_mb": peak, "summary": summary}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
