"""`pmo-check check PATH...`: check files and folders, print the report (text or JSON)."""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from typing import Any

from checker.cli.common import FORMATS, count, mib, seconds
from checker.core.findings import SEVERITIES


def add_parser(sub: Any) -> None:
    check = sub.add_parser("check", help="check files and folders (.docx, .xlsx)")
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument("--format", choices=FORMATS, default="text")
    check.add_argument("--fail-on", choices=(*SEVERITIES, "never"), default="major",
                       help="lowest severity that makes the exit status 1 (default: major)")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    check.add_argument("--config", metavar="FILE",
                       help="pmo-check.toml to use (default: the one next to each document, if any)")
    check.add_argument("--workers", type=count, metavar="N",
                       help="worker processes checking documents in parallel (default: one per CPU; 0: in this process)")
    check.add_argument("--timeout", type=seconds, default=60.0, metavar="SECONDS",
                       help="time budget per document; a document over it is reported as 'timeout' (default: 60)")
    check.add_argument("--max-size", type=mib, metavar="MiB", help="largest file accepted, in MiB (default: 200)")
    check.add_argument("--memory-limit", type=count, metavar="MiB",
                       help="memory cap per worker process, in MiB (default: 1024; 0: no cap)")


def options(args: argparse.Namespace) -> Any:
    """The run's options from the command line: the executor's and the opening layer's bounds
    (docs/security.md) and an explicit configuration."""
    from checker.core.limits import Limits, MiB
    from checker.core.options import Options

    opts = Options(workers=args.workers, timeout=args.timeout)
    if args.max_size is not None:
        opts = replace(opts, limits=replace(Limits(), max_file_bytes=args.max_size * MiB))
    if args.memory_limit is not None:
        opts = replace(opts, memory_limit=args.memory_limit * MiB or None)
    if args.config:
        from checker.config.settings import load_file

        opts = replace(opts, config=load_file(args.config), discover=False)
    return opts


def run(args: argparse.Namespace) -> int:
    from checker.report.exit_status import exit_status
    from checker.run.engine import check

    report = check(args.paths, options(args))
    if args.format == "json":
        # Streamed: the same text as json.dumps, without holding a big report's JSON in memory twice.
        json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        from checker.report.text import write_text

        color = {"auto": None, "always": True, "never": False}[args.color]
        write_text(report, sys.stdout, color=color)
    return exit_status(report, args.fail_on)
