"""pmo-check benchmark suite.

    python -m benchmarks [--quick] [--only NAME[,NAME]] [--json FILE] [--profile] [--repeat N]
    python -m benchmarks --scale [--only LAYOUT[,LAYOUT]] [--repeat N] [--json FILE]

Generates the workloads (deterministic, cached under benchmarks/.work/), then for each one measures
in the same run the floor (zip + lxml parse + text walk of the parts the checker reads) and the full
check (`checker.check`, in process, best of N after a warm-up), the reader/classify/rules split, the
peak memory of a fresh process doing the check, and for the folder and cold-start workloads the
whole `pmo-check` process. Prints a table and optionally writes JSON. `--scale` measures instead how
the check grows with a document's size (benchmarks/scale.py). See benchmarks/README.md.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

from benchmarks import scale
from benchmarks.floor import floor
from benchmarks.workloads import WORKLOADS, Workload, prepare

TARGETS = {
    "charter": ("ratio", 5.0, "≤ 5× floor"),
    "plan": ("ratio", 5.0, "≤ 5× floor"),
    "register": ("ratio", 3.0, "≤ 3× floor"),
    "big-register": ("peak_mb", 500.0, "peak < 500 MB"),
    "folder": ("docs_per_s", 40.0, "≥ 40 docs/s"),
    "cold-start": ("check_s", 1.0, "< 1.0 s"),
    "charter-nlp": ("nlp_ratio", 1.3, "≤ 1.3× NLP off"),
}
NLP_WORKLOADS = ("charter", "charter-nlp")  # also measured with the semi-automatic (NLP) rules switched off
ROOT = Path(__file__).resolve().parent.parent


def best_of(fn: Callable[[], Any], repeats: int, warmup: bool = True) -> float:
    if warmup:
        fn()
    best = float("inf")
    for _ in range(max(1, repeats)):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def cli_command() -> list[str]:
    script = Path(sys.executable).parent / "pmo-check"
    return [str(script)] if script.exists() else [sys.executable, "-m", "checker.cli"]


def run_process(cmd: list[str]) -> tuple[float, float, bytes, int]:
    """(wall seconds, peak RSS MB of the process, stdout, exit status) of one whole process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with open(os.devnull, "wb") as devnull:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=devnull, env=env, cwd=ROOT)
        out = proc.stdout.read() if proc.stdout else b""
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss / 1024, out, proc.returncode


def child(mode: str, path: Path) -> dict[str, Any]:
    seconds, peak, out, code = run_process([sys.executable, "-m", "benchmarks.child", mode, str(path)])
    if code != 0:
        raise RuntimeError(f"benchmarks.child {mode} {path} failed ({code})")
    return json.loads(out)


def nlp_off_config() -> dict[str, Any]:
    """The default configuration with every semi-automatic rule (automation S: checker/nlp) switched off."""
    from checker.config import tailoring

    ids = sorted(spec.id for spec in tailoring.default().specs if spec.automation == "S")
    return {"rules": {rid: {"enabled": False} for rid in ids}}


def workers_flag() -> list[str]:
    """`--workers N` when the CLI has it (the executor issue), else nothing."""
    out = subprocess.run([*cli_command(), "check", "--help"], capture_output=True, text=True, cwd=ROOT).stdout
    return ["--workers", str(os.cpu_count() or 1)] if "--workers" in out else []


# --------------------------------------------------------------------------------------------
# Where the time of a check goes


_STAGES = (("open", "checker.io.safe_open", "open_document"), ("read", "checker.io.readers", "read_document"),
           ("classify", "checker.analysis.classify", "classify"), ("language", "checker.text.language", "detect_language"),
           ("rules", "checker.run.document", "run_rules"), ("facts", "checker.analysis.facts", "extract_project"))


def split(path: Path) -> dict[str, float]:
    """Seconds per pipeline stage for one check, from timers wrapped around the engine's steps."""
    import importlib

    import checker

    timings: dict[str, float] = {}
    patched: list[tuple[Any, str, Any]] = []

    def wrap(stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                result = fn(*args, **kwargs)
                if stage == "rules":
                    result = list(result)
                return result
            finally:
                timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - start
        return timed

    for stage, module_name, attr in _STAGES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        fn = getattr(module, attr, None)
        if fn is not None:
            patched.append((module, attr, fn))
            setattr(module, attr, wrap(stage, fn))
    per_rule: dict[str, float] = {}
    rules: list[Any] = []
    try:
        from checker.run.document import rules_of

        rules = list(rules_of())
    except Exception:  # noqa: BLE001 - the per-rule split is a bonus; the engine is free to change
        pass
    for rule in rules:
        def timed_rule(ctx: Any, _check: Callable[..., Any] = rule.check, _id: str = rule.spec.id) -> list[Any]:
            start = time.perf_counter()
            try:
                return list(_check(ctx))
            finally:
                per_rule[_id] = per_rule.get(_id, 0.0) + time.perf_counter() - start
        try:
            rule.check = timed_rule
        except AttributeError:
            pass
    try:
        start = time.perf_counter()
        checker.check([str(path)])
        total = time.perf_counter() - start
    finally:
        for module, attr, fn in patched:
            setattr(module, attr, fn)
        for rule in rules:
            vars(rule).pop("check", None) if hasattr(rule, "__dict__") else None
    timings["other"] = max(0.0, total - sum(timings.values()))
    out: dict[str, Any] = {k: round(v, 4) for k, v in timings.items()}
    slowest = sorted(per_rule.items(), key=lambda kv: kv[1], reverse=True)[:5]
    out["slowest_rules"] = {k: round(v, 4) for k, v in slowest if v >= 0.0005}
    return out


def profile(path: Path, top: int = 25) -> str:
    import cProfile
    import io
    import pstats

    import checker

    prof = cProfile.Profile()
    prof.enable()
    checker.check([str(path)])
    prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(top)
    return buf.getvalue()


# --------------------------------------------------------------------------------------------
# Workloads


def measure(wl: Workload, quick: bool, repeats: int, do_profile: bool) -> dict[str, Any]:
    import checker

    path = prepare(wl, quick)
    row: dict[str, Any] = {"workload": wl.name, "description": wl.description, "path": str(path.relative_to(ROOT))
                           if path.is_relative_to(ROOT) else str(path)}
    if wl.kind in ("docx", "xlsx"):
        row["bytes"] = path.stat().st_size
        if wl.name == "big-register" and not quick:
            # One run each, in fresh processes (the floor alone parses ~100 MB of XML).
            fl, ck = child("floor", path), child("check", path)
            row.update(floor_s=fl["seconds"], check_s=ck["seconds"], peak_mb=ck["peak_mb"],
                       floor_peak_mb=fl["peak_mb"], summary=ck["summary"])
        else:
            row["floor_s"] = best_of(lambda: floor(str(path)), repeats * 2)
            row["check_s"] = best_of(lambda: checker.check([str(path)]), repeats)
            row["split"] = split(path)
            if wl.name in NLP_WORKLOADS:
                off = nlp_off_config()
                row["nlp_off_s"] = best_of(lambda: checker.check([str(path)], config=off), repeats)
                row["nlp_ratio"] = row["check_s"] / row["nlp_off_s"]
            ck, fl = child("check", path), child("floor", path)
            row.update(peak_mb=ck["peak_mb"], floor_peak_mb=fl["peak_mb"], summary=ck["summary"])
        row["docs_per_s"] = 1 / row["check_s"]
        if do_profile:
            row["profile"] = profile(path)
    elif wl.kind == "folder":
        files = sorted(p for p in path.rglob("*") if p.is_file())
        row["documents"] = len(files)
        row["bytes"] = sum(p.stat().st_size for p in files)
        row["floor_s"] = best_of(lambda: [floor(str(p)) for p in files], 1, warmup=True)
        flags = workers_flag()
        cmd = [*cli_command(), "check", str(path), "--format", "json", "--fail-on", "never", *flags]
        run_process(cmd)  # warm the page cache and any on-disk cache
        seconds, peak, out, code = run_process(cmd)
        report = json.loads(out)
        row.update(check_s=seconds, peak_mb=peak, exit=code, cli=" ".join(cmd[1:]).replace(str(ROOT) + "/", ""),
                   parallel=bool(flags), summary={"documents": report["summary"]["documents"],
                                                  "errors": report["summary"]["errors"]})
        row["docs_per_s"] = len(files) / seconds
        start = time.perf_counter()
        checker.check([str(path)])
        row["api_s"] = time.perf_counter() - start
        row["api_docs_per_s"] = len(files) / row["api_s"]
    else:  # cold start
        row["bytes"] = path.stat().st_size
        cmd = [*cli_command(), "check", str(path), "--format", "json"]
        run_process(cmd)
        runs = [run_process(cmd) for _ in range(max(3, repeats + 2))]
        best = min(runs, key=lambda r: r[0])
        row.update(check_s=best[0], peak_mb=best[1], exit=best[3])
        json.loads(best[2])  # the report must be valid JSON
        floor_cmd = [sys.executable, "-c", f"from benchmarks.floor import floor; floor({str(path)!r})"]
        row["floor_s"] = min(run_process(floor_cmd)[0] for _ in range(3))
        row["python_s"] = min(run_process([sys.executable, "-c", "pass"])[0] for _ in range(3))
        row["docs_per_s"] = 1 / row["check_s"]
    row["ratio"] = row["check_s"] / row["floor_s"] if row.get("floor_s") else None
    kind, limit, text = TARGETS[wl.name]
    value = row.get(kind)
    row["target"] = text
    row["met"] = None if value is None or quick else (value <= limit if kind in ("ratio", "peak_mb", "check_s",
                                                                                 "nlp_ratio") else value >= limit)
    return row


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            cpu = next((line.split(":", 1)[1].strip() for line in fh if line.startswith("model name")), cpu)
    except OSError:
        pass
    mem = None
    try:
        with open("/proc/meminfo", encoding="utf-8") as fh:
            mem = round(int(next(line.split()[1] for line in fh if line.startswith("MemTotal"))) / 2**20, 1)
    except (OSError, StopIteration):
        pass
    import lxml.etree

    return {"cpu": cpu, "cores": os.cpu_count(), "ram_gb": mem, "python": platform.python_version(),
            "os": platform.platform(terse=True), "lxml": ".".join(map(str, lxml.etree.LXML_VERSION[:3]))}


def render(rows: list[dict[str, Any]], info: dict[str, Any]) -> None:
    headers = ("workload", "size", "floor", "check", "ratio", "peak MB", "docs/s", "target", "met")
    table = []
    for r in rows:
        size = f"{r['bytes'] / 1024:,.0f} KB" + (f" / {r['documents']} files" if "documents" in r else "")
        met = {True: "yes", False: "NO", None: "-"}[r["met"]]
        table.append((r["workload"], size, f"{r['floor_s'] * 1000:,.1f} ms", f"{r['check_s'] * 1000:,.1f} ms",
                      f"{r['ratio']:.2f}×" if r.get("ratio") else "-", f"{r['peak_mb']:,.0f}",
                      f"{r['docs_per_s']:,.1f}", r["target"], met))
    title = f"pmo-check benchmarks — {info['cpu']}, {info['cores']} cores, Python {info['python']}"
    try:
        from rich.console import Console
        from rich.table import Table

        t = Table(title=title)
        for h in headers:
            t.add_column(h, justify="left" if h in ("workload", "target") else "right")
        for line in table:
            t.add_row(*line)
        Console(width=max(150, Console().width)).print(t)
    except ImportError:  # pragma: no cover - rich is a dependency
        print(title)
        for line in (headers, *table):
            print(" | ".join(f"{c:>12}" for c in line))
    for r in rows:
        extra = []
        if r.get("split"):
            extra.append("split " + ", ".join(f"{k} {v * 1000:.1f} ms" for k, v in r["split"].items()
                                              if k != "slowest_rules"))
            if r["split"].get("slowest_rules"):
                extra.append("slowest rules " + ", ".join(f"{k} {v * 1000:.1f} ms"
                                                          for k, v in r["split"]["slowest_rules"].items()))
        if "nlp_ratio" in r:
            extra.append(f"NLP rules off {r['nlp_off_s'] * 1000:.1f} ms: on/off {r['nlp_ratio']:.2f}× (warm: the "
                         f"pipelines built, the same process)")
        if "api_s" in r:
            extra.append(f"in-process checker.check: {r['api_s']:.2f} s ({r['api_docs_per_s']:.1f} docs/s); "
                         f"CLI {'parallel' if r['parallel'] else 'sequential (no --workers)'}")
        if (r.get("summary") or {}).get("errors"):
            codes = ", ".join(r["summary"].get("error_codes") or []) or "see JSON"
            extra.append(f"{r['summary']['errors']} document(s) in error ({codes})")
        if "python_s" in r:
            extra.append(f"bare `python -c pass`: {r['python_s'] * 1000:.0f} ms")
        if extra:
            print(f"  {r['workload']}: " + "; ".join(extra))
        if r.get("profile"):
            print(r["profile"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny workloads, one repeat (smoke test)")
    parser.add_argument("--only", help="comma-separated workload names: " + ", ".join(w.name for w in WORKLOADS))
    parser.add_argument("--json", metavar="FILE", help="write the results as JSON")
    parser.add_argument("--repeat", type=int, default=3, help="timed repeats of in-process checks (best of)")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of each in-process check")
    parser.add_argument("--scale", action="store_true",
                        help="per-unit cost at 1k, 20k and 200k paragraphs or rows (layouts: " + ", ".join(scale.LAYOUTS)
                             + "); --repeat defaults to 3 fresh processes per figure")
    args = parser.parse_args(argv)
    if args.scale:
        return scale_main(parser, args)
    names = set(args.only.split(",")) if args.only else None
    unknown = (names or set()) - {w.name for w in WORKLOADS}
    if unknown:
        parser.error(f"unknown workload(s): {', '.join(sorted(unknown))}")
    repeats = 1 if args.quick else args.repeat
    info = machine()
    rows = []
    for wl in WORKLOADS:
        if names is None or wl.name in names:
            print(f"… {wl.name}", file=sys.stderr, flush=True)
            rows.append(measure(wl, args.quick, repeats, args.profile))
    render(rows, info)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump({"machine": info, "quick": args.quick, "results": rows}, fh, indent=2, ensure_ascii=False)
    return 0


def scale_main(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    layouts = args.only.split(",") if args.only else list(scale.LAYOUTS)
    unknown = set(layouts) - set(scale.LAYOUTS)
    if unknown:
        parser.error(f"unknown layout(s): {', '.join(sorted(unknown))}")
    start = os.getloadavg()[0]
    rows = scale.run(layouts, 1 if args.quick else args.repeat, args.quick)
    load = (start, os.getloadavg()[0])
    scale.render(rows, load)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump({"machine": machine(), "load": load, "quick": args.quick, "scale": rows}, fh, indent=2,
                      ensure_ascii=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
