"""`pmo-check check PATH...`: check files and folders, print or write the report in one of the formats."""
from __future__ import annotations

import argparse
import fnmatch
import os
import sys
from dataclasses import replace
from typing import Any

from checker.cli.common import add_config, command, day, memory_cap, mib, rule_patterns, seconds, workers
from checker.core.findings import SEVERITIES
from checker.report.formats import FORMATS

DESCRIPTION = """\
Check Word (.docx) and Excel (.xlsx) documents against the PMO standard and
report the findings.

Folders are searched recursively. Ignored: hidden files and folders (a name
starting with "."), Office lock files (~$name.docx) and what [check] exclude
in a pmo-check.toml lists. Other files than Word and Excel met in a folder
are listed as skipped and never fail the run; a file named on the command
line is always checked, and fails the run if it cannot be read. Documents of
one project given together are also checked against each other.

The report goes to standard output (or --output FILE); progress and messages
go to standard error. On a terminal a progress bar shows while several
documents are checked; none when standard error is piped, or with --quiet."""

EXAMPLES = (
    ("pmo-check check projects/apollo", "check a folder; the text report, coloured on a terminal"),
    ("pmo-check check . --format json --output report.json", "the JSON report (pmo-check/report@1) for tools"),
    ("pmo-check check charter.docx --fail-on blocker --quiet", "CI: fail on blockers only, list only those"),
    ("pmo-check check . --as-of 2026-11-25", "measure ages against a fixed date: repeatable runs"),
    ("pmo-check check . --select 'COM-*,RR-06' --ignore COM-09", "only some rules (ids or globs)"),
    ("pmo-check check . --format sarif --output pmo.sarif", "SARIF 2.1.0 for code-scanning dashboards"),
)


def add_parser(sub: Any) -> None:
    check = command(sub, "check", "check files and folders (.docx, .xlsx)", DESCRIPTION, EXAMPLES)
    check.add_argument("paths", nargs="+", metavar="PATH", help="files and folders to check")
    out = check.add_argument_group("report")
    out.add_argument("--format", choices=tuple(FORMATS), default="text",
                     help="text (default; for people), json (the contract's report), sarif, junit, html, csv")
    out.add_argument("--output", metavar="FILE", help="write the report to FILE instead of standard output")
    out.add_argument("--fail-on", choices=(*SEVERITIES, "never"), default="major",
                     help="lowest severity that makes the exit status 1 (default: major); findings that need "
                          "review never do")
    out.add_argument("-q", "--quiet", action="store_true",
                     help="no progress bar; the text report lists only documents and findings that fail")
    out.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                     help="colour the text report: auto (default) on a terminal unless NO_COLOR is set, "
                          "or when FORCE_COLOR is set")
    add_run_options(check)


def add_run_options(parser: argparse.ArgumentParser) -> None:
    """The options of every command that checks documents here (check, gate): configuration, check date,
    rule selection and the executor's resources."""
    add_rule_options(parser, "the one in each document's folder or the nearest folder above it")
    limits = parser.add_argument_group("resources")
    limits.add_argument("--workers", type=workers, metavar="N",
                        help="worker processes checking documents in parallel (default: one per CPU; "
                             "0: in this process)")
    limits.add_argument("--timeout", type=seconds, default=60.0, metavar="SECONDS",
                        help="time budget per document; over it the document is reported as 'timeout' (default: 60)")
    limits.add_argument("--max-size", type=mib, metavar="MiB", help="largest file accepted, in MiB (default: 200)")
    limits.add_argument("--memory-limit", type=memory_cap, metavar="MiB",
                        help="memory cap per worker process, in MiB (default: 1024; 0: no cap)")


def add_rule_options(parser: argparse.ArgumentParser, config_default: str) -> None:
    """The options that decide what is checked: `--config` (`config_default` says which one is used
    without it), `--as-of`, `--select`, `--ignore`; `options(args)` reads them."""
    rules = parser.add_argument_group("rules")
    add_config(rules, config_default)
    rules.add_argument("--as-of", type=day, metavar="DATE",
                       help="the check date that ages and deadlines are measured against, YYYY-MM-DD "
                            "(default: [check] as_of, else today)")
    rules.add_argument("--select", type=rule_patterns, action="extend", metavar="RULES",
                       help="run only these rules: comma-separated ids or globs (COM-02,RR-*); repeatable")
    rules.add_argument("--ignore", type=rule_patterns, action="extend", metavar="RULES",
                       help="never run these rules (ids or globs); wins over --select; repeatable")


def options(args: argparse.Namespace) -> Any:
    """The run's options from the command line: the check date, the rules, the executor's and the
    opening layer's bounds (docs/security.md) and an explicit configuration."""
    from checker.core.limits import Limits, MiB
    from checker.core.options import Options

    opts = Options(workers=args.workers, timeout=args.timeout, today=args.as_of,
                   rule_ids=frozenset(args.select) if args.select else None, ignore=frozenset(args.ignore or ()))
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
    (`--config`, else the pmo-check.toml that governs the first path), the fail level, colour, quiet."""
    from checker.config import settings, tailoring
    from checker.report.catalogue import catalogue
    from checker.report.formats import Render

    config = opts.config
    if config is None:
        found = settings.discover(args.paths[0])
        config = settings.load_file(found) if found else None
    tailored = tailoring.build(config) if config is not None else tailoring.default()
    return Render(rules=catalogue(tailored), bands=config.bands if config is not None else Render().bands,
                  fail_on=args.fail_on, color={"auto": None, "always": True, "never": False}[args.color],
                  quiet=args.quiet)


def patterns_name_rules(args: argparse.Namespace, rules: Any) -> bool:
    """True when every --select / --ignore pattern names a rule of `rules` (the run's catalogue) or a
    built-in one; else False, and the usage error: a typo would silently check nothing."""
    from checker.report.catalogue import catalogue

    if not (args.select or args.ignore):
        return True
    known = {*rules, *catalogue()}
    unknown = [p for p in (*(args.select or ()), *(args.ignore or ())) if not fnmatch.filter(known, p)]
    if unknown:
        sys.stderr.write(f"pmo-check: error: no rule matches {', '.join(unknown)} "
                         f"(`pmo-check rules` lists the rule ids)\n")
    return not unknown


def write_report(args: argparse.Namespace, report: dict[str, Any], how: Any, table: Any = None) -> bool:
    """The report to standard output or to `--output`; False (and a message) when the file cannot be
    written. A file is written beside the target and renamed when complete: a failed run leaves no half report."""
    from checker.report.formats import FILE_ENCODING, FORMATS, write

    table = table or FORMATS
    if args.output is None:
        write(args.format, report, sys.stdout, how, table)
        return True
    partial = f"{args.output}.partial"
    try:
        with open(partial, "w", encoding=FILE_ENCODING.get(args.format, "utf-8"), newline="") as out:
            write(args.format, report, out, how, table)
        os.replace(partial, args.output)
    except OSError as exc:
        sys.stderr.write(f"pmo-check: cannot write {args.output}: {exc.strerror or exc}\n")
        return False
    finally:
        if os.path.exists(partial):
            os.remove(partial)
    if not args.quiet:
        sys.stderr.write(f"pmo-check: report written to {os.path.abspath(args.output)}\n")
    return True


def run_report(args: argparse.Namespace, opts: Any) -> tuple[dict[str, Any], Any] | None:
    """The report of the command line's documents and what its formats need, with a progress bar on a
    terminal; None (and a message) when --select / --ignore name no rule."""
    from checker.cli.progress import progress_bar
    from checker.run.engine import check

    how = render(args, opts)
    if not patterns_name_rules(args, how.rules):
        return None
    with progress_bar(enabled=not args.quiet and sys.stderr.isatty()) as progress:
        report = check(args.paths, opts, progress=progress)
    return report, how


def run(args: argparse.Namespace) -> int:
    from checker.report.exit_status import exit_status

    got = run_report(args, options(args))
    if got is None:
        return 2
    report, how = got
    if not write_report(args, report, how):
        return 2
    return exit_status(report, args.fail_on)
