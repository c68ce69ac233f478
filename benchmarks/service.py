"""The service under load: a 20-page charter checked by 8 concurrent clients, /healthz meanwhile.

    python -m benchmarks.service [--requests N] [--clients 8] [--healthz-rate 100] [--quick]

Starts `pmo-check serve --dev` (cheroot, its own check pool of one worker per CPU) as a process of
its own on the loopback, so the load generator does not share its interpreter, then runs `--clients` threads that each post the `charter` workload (benchmarks/workloads.py)
to /api/v1/check with keep-alive, and one thread that requests /healthz at `--healthz-rate` per
second for as long as they run. Prints the latency percentiles of the checks, the achieved /healthz
rate and its p95, and the in-process check time of the same file as the reference. Plain HTTP
without sign-in (--dev settings): TLS with keep-alive and the token check add well under a
millisecond per request; this measures the service's own path. Traffic stays on 127.0.0.1 and
every loop is bounded in count and time.
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import requests

from benchmarks.workloads import WORKLOADS, prepare


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=400, help="checks in total (default 400)")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--healthz-rate", type=float, default=100.0)
    parser.add_argument("--quick", action="store_true", help="the small charter and 40 requests (smoke test)")
    args = parser.parse_args(argv)
    total = 40 if args.quick else args.requests

    import checker
    from tests.addin.served import start

    charter = prepare(next(w for w in WORKLOADS if w.name == "charter"), args.quick)
    data = charter.read_bytes()
    server = start(["--dev"], {}, Path(tempfile.mkdtemp()) / "serve.log", None, scheme="http", workers=None)
    url = server.url
    workers = requests.get(f"{url}/healthz", timeout=5).json()["pool"]["workers"]
    try:
        inline = min(_timed(lambda: checker.check([str(charter)], {"workers": 0})) for _ in range(10))

        with requests.Session() as warm:  # every worker has checked the file once
            for _ in range(workers * 2):
                warm.post(f"{url}/api/v1/check", files={"file": ("charter.docx", data)}, timeout=60).raise_for_status()

        latencies: list[float] = []
        health: list[float] = []
        failures: list[str] = []
        done = threading.Event()
        lock = threading.Lock()
        counter = iter(range(total))

        def client() -> None:
            with requests.Session() as session:
                while True:
                    with lock:
                        if next(counter, None) is None:
                            return
                    start = time.perf_counter()
                    response = session.post(f"{url}/api/v1/check", files={"file": ("charter.docx", data)}, timeout=60)
                    elapsed = time.perf_counter() - start
                    if response.status_code != 200 or response.json()["documents"][0]["error"]:
                        failures.append(f"{response.status_code}")
                    latencies.append(elapsed)

        def healthz() -> None:
            interval = 1 / args.healthz_rate
            next_at = time.perf_counter()
            with requests.Session() as session:
                while not done.is_set():
                    start = time.perf_counter()
                    session.get(f"{url}/healthz", timeout=10).raise_for_status()
                    health.append(time.perf_counter() - start)
                    next_at += interval
                    time.sleep(max(0.0, next_at - time.perf_counter()))

        watcher = threading.Thread(target=healthz, daemon=True)
        clients = [threading.Thread(target=client) for _ in range(args.clients)]
        started = time.perf_counter()
        watcher.start()
        for t in clients:
            t.start()
        for t in clients:
            t.join(timeout=600)
        wall = time.perf_counter() - started
        done.set()
        watcher.join(timeout=10)
    finally:
        server.stop()

    result = {
        "file_kb": round(len(data) / 1024), "requests": len(latencies), "clients": args.clients, "failures": len(failures),
        "inline_check_ms": round(inline * 1000, 1),
        "p50_ms": round(percentile(latencies, 50) * 1000, 1), "p95_ms": round(percentile(latencies, 95) * 1000, 1),
        "p99_ms": round(percentile(latencies, 99) * 1000, 1), "mean_ms": round(statistics.mean(latencies) * 1000, 1),
        "checks_per_s": round(len(latencies) / wall, 1),
        "healthz_per_s": round(len(health) / wall, 1), "healthz_p95_ms": round(percentile(health, 95) * 1000, 1),
    }
    print(f"charter {result['file_kb']} KB, {result['requests']} checks by {args.clients} clients, "
          f"{result['failures']} failures")
    print(f"  check latency  p50 {result['p50_ms']} ms   p95 {result['p95_ms']} ms   p99 {result['p99_ms']} ms   "
          f"({result['checks_per_s']} checks/s; in-process check alone {result['inline_check_ms']} ms)")
    print(f"  /healthz       {result['healthz_per_s']} requests/s (target {args.healthz_rate:g}), "
          f"p95 {result['healthz_p95_ms']} ms")
    return result


def _timed(fn: Any) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
