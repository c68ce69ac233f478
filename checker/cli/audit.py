"""`pmo-check audit SOURCE... --db URL`: a bulk audit of folders and SharePoint libraries into the audit
store (checker/audit); the exit status is `check`'s, over the documents and projects of the run."""
from __future__ import annotations

import argparse
import os
import signal
import sys
from typing import Any

from checker.cli.common import command, memory_cap, mib, processes, seconds
from checker.config.gates import GATE_IDS
from checker.core.findings import SEVERITIES

DESCRIPTION = """\
Audit folders and SharePoint libraries into a database that keeps every run:
each document's findings and score, its project, portfolio, department and
manager, and each project's cross-document findings (and, with --gate, its
readiness for a stage gate). `pmo-check scorecard` reports on the database.

SOURCE is a folder, walked as `check` walks one (other files than Word and
Excel are listed as skipped and never fail the run), or a SharePoint library
(sharepoint://HOST/sites/SITE/LIBRARY[/FOLDER]). A document unchanged since
the last finished run, under the same configuration, is carried over without
a check. A run killed at any point resumes with --resume. docs/audit.md says
how, and lists the [audit] settings of pmo-check.toml.

The summary goes to standard output; progress to standard error: a bar on a
terminal, otherwise a log line every 10 seconds."""

EXAMPLES = (
    ("pmo-check audit /srv/pmo --db sqlite:///pmo-audit.db", "audit a folder into a SQLite file"),
    ('pmo-check audit "sharepoint://contoso.sharepoint.com/sites/pmo/Documents"',
     "audit a library (the app's registration: [audit] or PMO_CHECK_* variables)"),
    ("pmo-check audit /srv/pmo --gate G2 --as-of 2026-11-25", "also assess every project for its planning gate"),
    ("pmo-check audit /srv/pmo --resume", "take up the last run of these sources that did not finish"),
)

EXIT_STATUSES = (
    ("0", "every document was read and nothing has a finding at or above --fail-on"),
    ("1", "a finding at or above --fail-on, or a document that could not be read"),
    ("2", "no audit: bad options, source, configuration or store, or a busy source"),
)


def add_parser(sub: Any) -> None:
    from checker.cli.check import add_rule_options

    audit = command(sub, "audit", "audit folders and SharePoint libraries into a database", DESCRIPTION, EXAMPLES,
                    EXIT_STATUSES)
    audit.add_argument("sources", nargs="+", metavar="SOURCE",
                       help="a folder, or sharepoint://HOST/sites/SITE/LIBRARY[/FOLDER]")
    run = audit.add_argument_group("audit")
    run.add_argument("--db", metavar="URL",
                     help="the audit store, a SQLAlchemy URL (default: [audit] db, else sqlite:///pmo-audit.db)")
    run.add_argument("--resume", action="store_true", help="take up the last run of these sources that did not finish")
    run.add_argument("--full", action="store_true",
                     help="check every document, also those unchanged since the last run")
    run.add_argument("--gate", choices=GATE_IDS, metavar="GATE",
                     help="also assess every project for this gate (G0…G4) and store its decision")
    run.add_argument("--mapping", metavar="FILE",
                     help="the PMO's project → portfolio/department/manager mapping (CSV or YAML)")
    run.add_argument("--annotate", metavar="DIR",
                     help="write copies of the checked documents with their findings as comments")
    run.add_argument("--write-back", action="store_true",
                     help="write each library document's score and status into its columns (off by default)")
    run.add_argument("--fail-on", choices=(*SEVERITIES, "never"), default="major",
                     help="lowest severity that makes the exit status 1 (default: major); findings that need "
                          "review never do")
    run.add_argument("--progress", choices=("auto", "bar", "lines"), default="auto",
                     help="a progress bar (default on a terminal) or plain log lines (default otherwise)")
    add_rule_options(audit, "the one in the working folder for [audit], the one nearest each document "
                            "for the rules")
    limits = audit.add_argument_group("resources")
    limits.add_argument("--workers", type=processes, metavar="N",
                        help="worker processes checking documents (default: [audit] workers, else one per CPU)")
    limits.add_argument("--scheduler", metavar="ADDRESS",
                        help="check on a Dask cluster instead, e.g. tcp://host:8786 (default: [audit] scheduler)")
    limits.add_argument("--timeout", type=seconds, metavar="SECONDS",
                        help="time budget per document (default: [audit] timeout, else 60)")
    limits.add_argument("--max-size", type=mib, metavar="MiB", help="largest file accepted, in MiB (default: 200)")
    limits.add_argument("--memory-limit", type=memory_cap, metavar="MiB",
                        help="memory cap per worker process, in MiB (default: [audit] memory_limit_mb, else "
                             "1024; 0: no cap)")


def run(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from checker.audit.graph import GraphError
    from checker.audit.locks import SourceBusy
    from checker.audit.metadata import MappingError
    from checker.audit.runner import AuditRequest, audit
    from checker.audit.settings import MiB, load_audit_settings
    from checker.audit.sources import SourceError
    from checker.audit.store import DEFAULT_URL, StoreError
    from checker.cli.check import options, patterns_name_rules
    from checker.cli.progress import progress_bar
    from checker.core.errors import ConfigError

    try:
        config_file = args.config or ("pmo-check.toml" if os.path.isfile("pmo-check.toml") else None)
        settings = load_audit_settings(config_file)
        if args.mapping:
            settings = replace(settings, mapping=os.path.abspath(args.mapping))
        # The command line over [audit]; then the run's options as `check` makes them.
        if args.workers is None:
            args.workers = settings.workers
        if args.timeout is None:
            args.timeout = settings.timeout
        if args.memory_limit is None:
            args.memory_limit = (settings.memory_limit or 0) // MiB
        opts = replace(options(args), isolate=True)
        if not patterns_name_rules(args, _catalogue(opts, args.sources)):
            return 2
        if args.annotate:
            os.makedirs(args.annotate, exist_ok=True)
        bar = {"auto": sys.stderr.isatty(), "bar": True, "lines": False}[args.progress]
        previous = signal.signal(signal.SIGTERM, _interrupt)  # a stopped job leaves its run resumable, as Ctrl-C does
        try:
            with progress_bar(enabled=bar) as progress:
                result = audit(AuditRequest(
                    sources=tuple(args.sources), db=args.db or settings.db or DEFAULT_URL, workers=opts.workers,
                    scheduler=args.scheduler or settings.scheduler, resume=args.resume, full=args.full, options=opts,
                    settings=settings, timeout=opts.timeout, memory_limit=opts.memory_limit, fail_on=args.fail_on,
                    annotate=args.annotate, write_back=args.write_back or settings.write_back, gate=args.gate,
                    progress=progress))
        finally:
            signal.signal(signal.SIGTERM, previous)
    except SourceError as exc:
        sys.stderr.write(f"pmo-check: error: {exc}\n")
        return 2
    except (ConfigError, MappingError) as exc:
        sys.stderr.write(f"pmo-check: configuration error: {exc}\n")
        return 2
    except (StoreError, SourceBusy, OSError) as exc:
        sys.stderr.write(f"pmo-check: {exc}\n")
        return 2
    except GraphError as exc:  # the identity provider or Graph refused the audit app (the run stays resumable)
        sys.stderr.write(f"pmo-check: SharePoint: {exc.message}\n")
        return 2
    resumed = f" (resumed: {result.this_attempt} recorded now)" if result.resumed else ""
    skipped = f", {result.skipped} skipped (not Word or Excel)" if result.skipped else ""
    mean = f"{result.mean_score:g}" if result.mean_score is not None else "—"
    lines = [f"audit run {result.run_id}{resumed} finished: {result.documents} documents ({result.checked} checked, "
             f"{result.reused} unchanged), {result.errors} unreadable{skipped}, {result.projects} projects, "
             f"mean score {mean}"]
    if args.gate:
        lines.append(f"gate {args.gate}: " + ", ".join(f"{result.gates.get(d, 0)} {d}"
                                                      for d in ("ready", "conditional", "not-ready")))
    lines += [f"findings: {', '.join(f'{n} {s}' for s, n in result.findings.items())}", f"store: {result.store}"]
    sys.stdout.write("\n".join(lines) + "\n")
    return result.status


def _catalogue(opts: Any, sources: list[str]) -> Any:
    """The rules the run may name: of `--config`, else of the pmo-check.toml governing the first folder."""
    from checker.config import settings as cfg
    from checker.config import tailoring
    from checker.report.catalogue import catalogue

    config = opts.config
    if config is None:
        folder = next((s for s in sources if "://" not in s and os.path.exists(s)), None)
        found = cfg.discover(folder) if folder else None
        config = cfg.load_file(found) if found else None
    return catalogue(tailoring.build(config) if config is not None else None)


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt
