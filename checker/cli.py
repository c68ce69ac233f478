"""The `pmo-check` command line, as the contract defines it.

Exit status: 0 all documents read and nothing at or above the fail level; 1 a finding at or above
it or an unreadable document; 2 the command itself could not run (then no report is printed).
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
from dataclasses import replace
from typing import Any, Sequence

from checker import __version__
from checker.core.findings import SEVERITIES, at_or_above

FORMATS = ("text", "json")


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on bad options already; keep its message short and on stderr."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"pmo-check: error: {message}\n")
        raise SystemExit(2)


def _count(text: str) -> int:
    value = int(text)
    if value < 0:
        raise ValueError(text)
    return value


def _mib(text: str) -> int:
    value = int(text)
    if value < 1:
        raise ValueError(text)
    return value


def _seconds(text: str) -> float:
    value = float(text)
    if not 0 < value < 1e6:
        raise ValueError(text)
    return value


def _check_options(args: argparse.Namespace) -> Any:
    """The executor's and the opening layer's bounds from the command line (docs/security.md)."""
    from checker.core.limits import Limits, MiB
    from checker.core.options import Options

    options = Options(workers=args.workers, timeout=args.timeout)
    if args.max_size is not None:
        options = replace(options, limits=replace(Limits(), max_file_bytes=args.max_size * MiB))
    if args.memory_limit is not None:
        options = replace(options, memory_limit=args.memory_limit * MiB or None)
    return options


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="pmo-check", description="Check project-management documents against the PMO standard.")
    parser.add_argument("--version", action="version", version=f"pmo-check {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = sub.add_parser("check", help="check files and folders (.docx, .xlsx)")
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument("--format", choices=FORMATS, default="text")
    check.add_argument("--fail-on", choices=(*SEVERITIES, "never"), default="major",
                       help="lowest severity that makes the exit status 1 (default: major)")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    check.add_argument("--config", metavar="FILE",
                       help="pmo-check.toml to use (default: the one next to each document, if any)")
    check.add_argument("--workers", type=_count, metavar="N",
                       help="worker processes checking documents in parallel (default: one per CPU; 0: in this process)")
    check.add_argument("--timeout", type=_seconds, default=60.0, metavar="SECONDS",
                       help="time budget per document; a document over it is reported as 'timeout' (default: 60)")
    check.add_argument("--max-size", type=_mib, metavar="MiB", help="largest file accepted, in MiB (default: 200)")
    check.add_argument("--memory-limit", type=_count, metavar="MiB",
                       help="memory cap per worker process, in MiB (default: 1024; 0: no cap)")

    rules = sub.add_parser("rules", help="list every rule")
    rules.add_argument("--doc-type", metavar="TYPE")
    rules.add_argument("--format", choices=FORMATS, default="text")
    rules.add_argument("--config", metavar="FILE",
                       help="pmo-check.toml whose tailoring to show (default: the one in the current folder, if any)")
    return parser


def exit_status(report: dict[str, Any], fail_on: str) -> int:
    for doc in report["documents"]:
        if doc.get("error"):
            return 1
        if fail_on != "never" and any(
                at_or_above(f["severity"], fail_on) for f in doc["findings"] if not f.get("suppressed")):
            return 1
    return 0


def _run_check(args: argparse.Namespace) -> int:
    from checker.run.engine import check

    options = _check_options(args)
    if args.config:
        from checker.config.settings import load_file

        options = replace(options, config=load_file(args.config), discover=False)
    report = check(args.paths, options)
    if args.format == "json":
        # Streamed: the same text as json.dumps, without holding a big report's JSON in memory twice.
        json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        from checker.report.text import write_text

        color = {"auto": None, "always": True, "never": False}[args.color]
        write_text(report, sys.stdout, color=color)
    return exit_status(report, args.fail_on)


def _run_rules(args: argparse.Namespace) -> int:
    import os

    from checker.config import settings as cfg
    from checker.config import tailoring
    from checker.config import waivers as suppress

    source = args.config or cfg.discover(os.getcwd())
    tailored = tailoring.build(cfg.load_file(source)) if source else tailoring.default()
    wanted = lambda s: not args.doc_type or s.applies_to is None or args.doc_type in s.applies_to  # noqa: E731
    rows = [{"id": s.id, "doc_types": list(s.applies_to) if s.applies_to else ["ALL"], "severity": s.severity,
             "automation": s.automation, "kind": s.kind, "title": {"en": s.title.en, "zh": s.title.zh},
             **({"pack": s.pack} if s.pack else {}), **({} if on else {"enabled": False})}
            for on, group in ((True, tailored.specs), (False, tailored.disabled)) for s in group if wanted(s)]
    rows += [{**r, "doc_types": ["ALL"], "title": dict(r["title"])} for r in suppress.RULES]
    if args.format == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:
        for r in rows:
            types = ",".join(r["doc_types"])
            off = " (disabled)" if r.get("enabled") is False else ""
            sys.stdout.write(f"{r['id']:<9} {r['severity']:<8} {types:<12.12} {r['title']['en']}{off}\n"
                             f"{'':<9} {'':<8} {'':<12} {r['title']['zh']}\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="pmo-check: %(message)s", stream=sys.stderr)
    args = build_parser().parse_args(argv)
    try:
        if args.command == "check":
            return _run_check(args)
        return _run_rules(args)
    except KeyboardInterrupt:
        sys.stderr.write("pmo-check: interrupted\n")
        return 2
    except Exception as exc:  # noqa: BLE001 - no traceback reaches a user
        from checker.core.errors import PackError

        kind = "configuration error" if isinstance(exc, PackError) else f"internal error ({type(exc).__name__})"
        sys.stderr.write(f"pmo-check: {kind}: {exc}\n")
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
