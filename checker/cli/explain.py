"""`pmo-check explain FILE...`: what the checker recognised in each document and where it found it."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from checker.cli.common import FORMATS, add_config, command

DESCRIPTION = """\
Show what pmo-check recognised in each document: its type with the evidence
and the runner-up, whether it is a controlled document or a record and filled
or a blank template, each element of its type with the heading or cell that
gives it (or the closest candidates), its registers with their column mapping,
and its document-control fields and project facts. Use it to see why a finding
says something is missing."""

EXAMPLES = (
    ("pmo-check explain charter.docx", "what was recognised, as text"),
    ("pmo-check explain risks.xlsx --format json", "the same as JSON, for a script"),
)


def add_parser(sub: Any) -> None:
    explain = command(sub, "explain", "show what was recognised in a document and where", DESCRIPTION, EXAMPLES,
                      (("0", "every document was read"), ("1", "a document could not be read"),
                       ("2", "bad options or an unreadable configuration")))
    explain.add_argument("paths", nargs="+", metavar="FILE", help="Word or Excel documents")
    explain.add_argument("--format", choices=FORMATS, default="text", help="text (default) or json")
    add_config(explain, "the one in each document's folder or the nearest folder above it")


def run(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from checker.core.options import Options
    from checker.report.explain import write
    from checker.run.explain import explain_file

    options = Options()
    if args.config:
        from checker.config.settings import load_file

        options = replace(options, config=load_file(args.config), discover=False)
    results = [explain_file(path, options) for path in args.paths]
    if args.format == "json":
        json.dump(results if len(results) > 1 else results[0], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for result in results:
            write(result, sys.stdout)
            sys.stdout.write("\n")
    return 1 if any(r.get("error") for r in results) else 0
