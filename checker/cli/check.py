"""`pmo-check check PATH...`: check files and folders, print or write the report in one of the formats."""
from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from typing import Any

from checker.cli.common import count, mib, seconds
from checker.core.findings import SEVERITIES
from checker.report.formats import FORMATS


def add_parser(sub: Any) -> None:
    check = sub.add_parser("check", help="check files and folders (.docx, .xlsx)")
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument("--format", choices=tuple(FORMATS), default="text")
    check.add_argument("--output", metavar="FILE", help="write the report to FILE instead of standard output")
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


def render(args: argparse.Namespace, opts: Any) -> Any:
    """What the formats need besides the report: the rules and score bands of the run's configuration
    (`--config`, else the pmo-check.toml that governs the first path), the fail level, the colour."""
    from checker.config import settings, tailoring
    from checker.report.catalogue import catalogue
    from checker.report.formats import Render

    config = opts.config
    if config is None:
        found = settings.discover(args.paths[0])
        config = settings.load_file(found) if found else None
    tailored = tailoring.build(config) if config is not None else tailoring.default()
    return Render(rules=catalogue(tailored), bands=config.bands if config is not None else Render().bands,
                  fail_on=args.fail_on, color={"auto": None, "always": True, "never": False}[args.color])


def run(args: argparse.Namespace) -> int:
    from checker.report.exit_status import exit_status
    from checker.report.formats import FILE_ENCODING, write
    from checker.run.engine import check

    opts = options(args)
    report = check(args.paths, opts)
    how = render(args, opts)
    if args.output is None:
        write(args.format, report, sys.stdout, how)
    else:
        # Written beside the target and renamed when complete: a failed run leaves no half report.
        partial = f"{args.output}.partial"
        try:
            with open(partial, "w", encoding=FILE_ENCODING.get(args.format, "utf-8"), newline="") as out:
                write(args.format, report, out, how)
            os.replace(partial, args.output)
        except OSError as exc:
            sys.stderr.write(f"pmo-check: cannot write {args.output}: {exc.strerror or exc}\n")
            return 2
        finally:
            if os.path.exists(partial):
                os.remove(partial)
        sys.stderr.write(f"pmo-check: report written to {os.path.abspath(args.output)}\n")
    return exit_status(report, args.fail_on)
