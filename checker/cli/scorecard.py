"""`pmo-check scorecard --db URL`: the PMO's compliance scorecard over the audit store, as one HTML
file, an Excel workbook, the contract's JSON (`pmo-check/scorecard@1`) or CSV (docs/scorecard.md)."""
from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
from typing import Any

from checker.cli.common import add_config, command, day

GROUPINGS = ("portfolio", "department", "manager", "project")
FORMATS = ("html", "xlsx", "json", "csv")

DESCRIPTION = """\
The PMO's compliance scorecard over the audit database that `pmo-check audit`
fills: the latest state of every audited source (scores, worst projects, most
frequent findings, a heat map of rules by document type) and the trend over
the finished runs, grouped by portfolio, department, manager or project.
As one self-contained HTML page, an Excel workbook, the contract's JSON
(pmo-check/scorecard@1) or CSV (one row per group). docs/scorecard.md says
what each number is."""

EXAMPLES = (
    ("pmo-check scorecard --format html --output scorecard.html", "the page for the PMO, by project"),
    ("pmo-check scorecard --group-by department --format xlsx --output pmo.xlsx", "a workbook by department"),
    ("pmo-check scorecard --since 2026-10-01 --format json", "the runs since October, for other tools"),
)

EXIT_STATUSES = (
    ("0", "the scorecard was written"),
    ("2", "bad options, a store that cannot be read, or no finished audit run"),
)


def add_parser(sub: Any) -> None:
    card = command(sub, "scorecard", "compliance scorecards over the audit database", DESCRIPTION, EXAMPLES,
                   EXIT_STATUSES)
    card.add_argument("--format", choices=FORMATS, required=True,
                      help="html (one page), xlsx (a workbook), json (pmo-check/scorecard@1) or csv")
    card.add_argument("--output", metavar="FILE",
                      help="write it to FILE instead of standard output (xlsx: needed on a terminal)")
    card.add_argument("--db", metavar="URL", help="the audit store, a SQLAlchemy URL (default: sqlite:///pmo-audit.db)")
    card.add_argument("--group-by", choices=GROUPINGS, default="project",
                      help="group by portfolio, department, manager or project (default)")
    card.add_argument("--since", type=day, metavar="DATE",
                      help="only audit runs started on or after DATE, YYYY-MM-DD (default: every run)")
    card.add_argument("--language", choices=("en", "zh"),
                      help="of the HTML and Excel files (default: the one most documents are in)")
    card.add_argument("--title", metavar="TEXT", help="the scorecard's title (default: Compliance scorecard)")
    add_config(card, "none: the standard's score bands and rule titles")


def run(args: argparse.Namespace) -> int:
    from checker.audit.scorecard_input import scorecard_input
    from checker.audit.store import DEFAULT_URL, StoreError, open_store
    from checker.config import tailoring
    from checker.report.catalogue import catalogue
    from checker.scorecard.model import build

    config = None
    if args.config:
        from checker.config.settings import load_file

        config = load_file(args.config)
    if args.format == "xlsx" and args.output is None and sys.stdout.isatty():
        sys.stderr.write("pmo-check: error: an Excel scorecard goes to a file: give --output FILE.xlsx\n")
        return 2
    try:
        store = open_store(args.db or DEFAULT_URL, migrate=False)
    except StoreError as exc:
        sys.stderr.write(f"pmo-check: {exc}\n")
        return 2
    try:
        with store.sessions() as session:
            data = scorecard_input(session, args.group_by, args.since, args.title)
    finally:
        store.close()
    if not data["runs"]:
        since = f" since {args.since}" if args.since else ""
        sys.stderr.write(f"pmo-check: {store.url} has no finished audit run{since}: run `pmo-check audit` first\n")
        return 2
    card = build(data, config.bands if config is not None else None)
    rules = catalogue(tailoring.build(config) if config is not None else None)
    body = _render(args.format, card, rules, args.language)
    if args.output is None:
        if isinstance(body, bytes):
            sys.stdout.buffer.write(body)
        else:
            sys.stdout.write(body)
        return 0
    partial = f"{args.output}.partial"
    try:
        with open(partial, "wb") as out:
            out.write(body if isinstance(body, bytes) else body.encode("utf-8-sig" if args.format == "csv" else "utf-8"))
        os.replace(partial, args.output)
    except OSError as exc:
        sys.stderr.write(f"pmo-check: cannot write {args.output}: {exc.strerror or exc}\n")
        return 2
    finally:
        if os.path.exists(partial):
            os.remove(partial)
    sys.stderr.write(f"pmo-check: scorecard written to {os.path.abspath(args.output)}\n")
    return 0


def _render(fmt: str, card: Any, rules: Any, language: str | None) -> str | bytes:
    if fmt == "json":
        return json.dumps(card.to_json(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        from checker.scorecard.html import render_html

        return render_html(card, rules, language)
    if fmt == "xlsx":
        from checker.scorecard.xlsx import render_xlsx

        return render_xlsx(card, rules, language)
    return _csv(card)


def _csv(card: Any) -> str:
    """The groups of `group_by`, lowest score first: one row each."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([card.group_by, "projects", "documents", "score", "band", "blocker", "major", "minor", "info"])
    for g in card.groupings.get(card.group_by, []):
        writer.writerow([g.key, g.projects, g.documents, "" if g.score is None else g.score, g.band or "",
                         g.findings["blocker"], g.findings["major"], g.findings["minor"], g.findings["info"]])
    return buffer.getvalue()
