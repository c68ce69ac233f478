"""`pmo-check gate G0..G4 PATH...`: is each project ready for the gate review? Per project: ready,
conditional (only majors fail: the conditions a committee would attach) or not-ready (a required
document is missing or a blocker fails), as text, JSON (the contract's `gate` block), an HTML report
a committee can print, or the check's other formats. Exit status 0 only when every project is ready."""
from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from typing import Any

from checker.cli.check import options, render
from checker.cli.common import count, mib, seconds
from checker.report.formats import GATE_FORMATS

GATES = ("G0", "G1", "G2", "G3", "G4")


def add_parser(sub: Any) -> None:
    gate = sub.add_parser("gate", help="are the projects ready for a gate review (G0–G4)?")
    gate.add_argument("gate", choices=GATES, metavar="GATE", help="the gate: G0, G1, G2, G3 or G4")
    gate.add_argument("paths", nargs="+", metavar="PATH")
    gate.add_argument("--format", choices=tuple(GATE_FORMATS), default="text")
    gate.add_argument("--output", metavar="FILE", help="write the report to FILE instead of standard output")
    gate.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    gate.add_argument("--config", metavar="FILE",
                      help="pmo-check.toml to use (default: the one next to each document, if any)")
    gate.add_argument("--workers", type=count, metavar="N",
                      help="worker processes checking documents in parallel (default: one per CPU; 0: in this process)")
    gate.add_argument("--timeout", type=seconds, default=60.0, metavar="SECONDS", help="time budget per document")
    gate.add_argument("--max-size", type=mib, metavar="MiB", help="largest file accepted, in MiB (default: 200)")
    gate.add_argument("--memory-limit", type=count, metavar="MiB",
                      help="memory cap per worker process, in MiB (default: 1024; 0: no cap)")


def run(args: argparse.Namespace) -> int:
    from checker.report.exit_status import gate_exit_status
    from checker.report.formats import FILE_ENCODING, write
    from checker.run.engine import check

    args.fail_on = "major"  # what `render` passes to the formats that mark failures (JUnit)
    opts = replace(options(args), gate=args.gate)
    report = check(args.paths, opts)
    how = render(args, opts)
    if args.output is None:
        write(args.format, report, sys.stdout, how, GATE_FORMATS)
    else:
        partial = f"{args.output}.partial"
        try:
            with open(partial, "w", encoding=FILE_ENCODING.get(args.format, "utf-8"), newline="") as out:
                write(args.format, report, out, how, GATE_FORMATS)
            os.replace(partial, args.output)
        except OSError as exc:
            sys.stderr.write(f"pmo-check: cannot write {args.output}: {exc.strerror or exc}\n")
            return 2
        finally:
            if os.path.exists(partial):
                os.remove(partial)
        sys.stderr.write(f"pmo-check: report written to {os.path.abspath(args.output)}\n")
    return gate_exit_status(report)
