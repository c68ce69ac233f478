"""One measurement in a fresh process, so that its peak memory is its own.

    python -m benchmarks.child floor|check PATH

Prints one JSON line: wall seconds of the work, peak RSS of the process (MB) and a short summary.
"""
from __future__ import annotations

import json
import resource
import sys
import time


def main(argv: list[str]) -> int:
    mode, path = argv
    start = time.perf_counter()
    if mode == "floor":
        from benchmarks.floor import floor

        summary = {"chars": floor(path)}
    else:
        import checker

        report = checker.check([path])
        docs = report["documents"]
        summary = {"documents": len(docs), "errors": sum(1 for d in docs if d.get("error")),
                   "error_codes": sorted({d["error"]["code"] for d in docs if d.get("error")}),
                   "doc_types": sorted({d.get("doc_type") for d in docs})[:5],
                   "findings": report["summary"]["findings"]}
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "summary": summary}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
