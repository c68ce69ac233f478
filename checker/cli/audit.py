"""`pmo-check audit SOURCE... --db URL`: a bulk audit of folders and SharePoint libraries into the audit
store (checker/audit); the exit status is `check`'s, over the documents of the run."""
from __future__ import annotations

import argparse
import os
import signal
import sys
from typing import Any

from checker.cli.common import count, seconds
from checker.core.findings import SEVERITIES


def add_parser(sub: Any) -> None:
    audit = sub.add_parser("audit", help="audit folders and SharePoint libraries into a database")
    audit.add_argument("sources", nargs="+", metavar="SOURCE",
                       help="a folder, or sharepoint://HOST/sites/SITE/LIBRARY[/FOLDER]")
    audit.add_argument("--db", metavar="URL", help="the audit store, a SQLAlchemy URL (default: sqlite:///pmo-audit.db)")
    audit.add_argument("--workers", type=count, metavar="N", help="worker processes (default: one per CPU)")
    audit.add_argument("--scheduler", metavar="ADDRESS", help="check on a Dask cluster, e.g. tcp://host:8786")
    audit.add_argument("--resume", action="store_true", help="take up the last run of these sources that did not finish")
    audit.add_argument("--full", action="store_true", help="check every document, also those unchanged since the last run")
    audit.add_argument("--config", metavar="FILE",
                       help="pmo-check.toml: tailoring and [audit] settings (default: ./pmo-check.toml for [audit], "
                            "the one next to each document for tailoring)")
    audit.add_argument("--mapping", metavar="FILE", help="the PMO's project → portfolio/department/manager mapping (CSV or YAML)")
    audit.add_argument("--annotate", metavar="DIR", help="write copies of the checked documents with their findings as comments")
    audit.add_argument("--write-back", action="store_true",
                       help="write each library document's score and status into its columns (off by default)")
    audit.add_argument("--timeout", type=seconds, metavar="SECONDS", help="time budget per document (default: 60)")
    audit.add_argument("--memory-limit", type=count, metavar="MiB", help="memory cap per worker process (default: 1024)")
    audit.add_argument("--fail-on", choices=(*SEVERITIES, "never"), default="major",
                       help="lowest severity that makes the exit status 1 (default: major)")
    audit.add_argument("--progress", choices=("auto", "bar", "lines"), default="auto",
                       help="a progress bar (default on a terminal) or plain log lines")


def run(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from checker.audit.graph import GraphError
    from checker.audit.locks import SourceBusy
    from checker.audit.metadata import MappingError
    from checker.audit.runner import AuditRequest, audit
    from checker.audit.settings import load_audit_settings
    from checker.audit.sources import SourceError
    from checker.audit.store import DEFAULT_URL, StoreError
    from checker.core.errors import ConfigError
    from checker.core.options import Options

    try:
        config_file = args.config or ("pmo-check.toml" if os.path.isfile("pmo-check.toml") else None)
        settings = load_audit_settings(config_file)
        if args.mapping:
            settings = replace(settings, mapping=os.path.abspath(args.mapping))
        options = Options(isolate=True)
        if args.config:
            from checker.config.settings import load_file

            options = replace(options, config=load_file(args.config), discover=False)
        if args.annotate:
            os.makedirs(args.annotate, exist_ok=True)
        request = AuditRequest(
            sources=tuple(args.sources), db=args.db or settings.db or DEFAULT_URL,
            workers=args.workers if args.workers is not None else settings.workers,
            scheduler=args.scheduler or settings.scheduler, resume=args.resume, full=args.full, options=options,
            settings=settings, timeout=args.timeout or settings.timeout,
            memory_limit=settings.memory_limit if args.memory_limit is None else (args.memory_limit * 2**20 or None),
            fail_on=args.fail_on, annotate=args.annotate, write_back=args.write_back or settings.write_back,
            progress_bar={"auto": None, "bar": True, "lines": False}[args.progress])
        signal.signal(signal.SIGTERM, _interrupt)  # a stopped job leaves its run resumable, as Ctrl-C does
        result = audit(request)
    except (ConfigError, SourceError, StoreError, SourceBusy, MappingError, OSError) as exc:
        sys.stderr.write(f"pmo-check: {exc}\n")
        return 2
    except GraphError as exc:  # the identity provider or Graph refused the audit app (the run stays resumable)
        sys.stderr.write(f"pmo-check: SharePoint: {exc.message}\n")
        return 2
    resumed = f" (resumed: {result.this_attempt} recorded now)" if result.resumed else ""
    mean = f"{result.mean_score:g}" if result.mean_score is not None else "—"
    sys.stdout.write(
        f"audit run {result.run_id}{resumed} finished: {result.documents} documents ({result.checked} checked, "
        f"{result.reused} unchanged), {result.errors} unreadable, {result.projects} projects, mean score {mean}\n"
        f"findings: {', '.join(f'{n} {s}' for s, n in result.findings.items())}\n"
        f"store: {result.store}\n")
    return result.status


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt
