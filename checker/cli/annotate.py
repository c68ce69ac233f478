"""`pmo-check annotate FILE... --output DIR`: copies of the documents with the findings as Word comments
and Excel cell notes (checker/report/annotate); the originals are never changed."""
from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from checker.cli.common import add_config, command
from checker.core.findings import SEVERITIES

DESCRIPTION = """\
Check documents and write copies of them into DIR with each finding as a Word
comment at its paragraph or table cell, or as a note on a highlighted Excel
cell. The originals are never changed. Standard output lists what was written."""

EXAMPLES = (
    ("pmo-check annotate charter.docx --output reviewed/", "reviewed/charter.docx with the findings as comments"),
    ("pmo-check annotate projects/apollo --output reviewed/", "every document of a folder"),
)


def add_parser(sub: Any) -> None:
    annotate = command(sub, "annotate", "write copies of documents with the findings as comments / cell notes",
                       DESCRIPTION, EXAMPLES)
    annotate.add_argument("paths", nargs="+", metavar="FILE", help="documents (or folders) to check and annotate")
    annotate.add_argument("--output", required=True, metavar="DIR", help="folder for the annotated copies")
    add_config(annotate, "the one in each document's folder or the nearest folder above it")
    annotate.add_argument("--fail-on", choices=(*SEVERITIES, "never"), default="major",
                          help="lowest severity that makes the exit status 1 (default: major)")


def run(args: argparse.Namespace) -> int:
    from checker.core.options import Options
    from checker.report.annotate import AnnotateError, annotate
    from checker.report.exit_status import exit_status
    from checker.run.engine import check

    try:
        os.makedirs(args.output, exist_ok=True)
    except OSError as exc:
        sys.stderr.write(f"pmo-check: cannot create {args.output}: {exc.strerror or exc}\n")
        return 2
    opts = Options()
    if args.config:
        from checker.config.settings import load_file

        opts = Options(config=load_file(args.config), discover=False)
    report = check(args.paths, opts)
    status = exit_status(report, args.fail_on)
    taken: set[str] = set()
    for doc in report["documents"]:
        if doc.get("skipped"):
            sys.stdout.write(f"skipped (not Word or Excel): {doc['path']}\n")
            continue
        if doc.get("error"):
            sys.stdout.write(f"not annotated: {doc['path']}: {doc['error']['code']}: {doc['error']['message']}\n")
            continue
        target = _target(args.output, doc["path"], taken)
        if os.path.exists(target) and os.path.samefile(target, doc["path"]):
            sys.stderr.write(f"pmo-check: {args.output} holds {doc['path']} itself: give another folder, "
                             f"the original is never changed\n")
            return 2
        try:
            with open(doc["path"], "rb") as fh:
                data = fh.read()
            copy = annotate(data, doc["format"], doc["findings"], doc.get("language") or "en")
            _write(target, copy)
        except (AnnotateError, OSError) as exc:
            sys.stdout.write(f"not annotated: {doc['path']}: {exc}\n")
            status = 1
            continue
        count = sum(1 for f in doc["findings"] if not f.get("suppressed"))
        sys.stdout.write(f"annotated: {target} ({count} finding{'s' if count != 1 else ''})\n")
    return status


def _target(folder: str, path: str, taken: set[str]) -> str:
    """DIR/<name>, or DIR/<stem>-2<ext>… when two documents of this run share a name."""
    stem, ext = os.path.splitext(os.path.basename(path))
    target, n = os.path.join(folder, stem + ext), 1
    while target in taken:
        n += 1
        target = os.path.join(folder, f"{stem}-{n}{ext}")
    taken.add(target)
    return target


def _write(target: str, data: bytes) -> None:
    """Write beside the target and rename: a failed write leaves no half copy."""
    partial = f"{target}.partial"
    try:
        with open(partial, "wb") as fh:
            fh.write(data)
        os.replace(partial, target)
    finally:
        if os.path.exists(partial):
            os.remove(partial)
