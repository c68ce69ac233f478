"""`pmo-check rules`: every rule of the effective configuration, as text or JSON."""
from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from checker.cli.common import FORMATS


def add_parser(sub: Any) -> None:
    rules = sub.add_parser("rules", help="list every rule")
    rules.add_argument("--doc-type", metavar="TYPE")
    rules.add_argument("--format", choices=FORMATS, default="text")
    rules.add_argument("--config", metavar="FILE",
                       help="pmo-check.toml whose tailoring to show (default: the one in the current folder, if any)")


def run(args: argparse.Namespace) -> int:
    from checker.config import settings, tailoring
    from checker.report.rules import rule_rows

    source = args.config or settings.discover(os.getcwd())
    tailored = tailoring.build(settings.load_file(source)) if source else tailoring.default()
    rows = rule_rows(tailored, args.doc_type)
    if args.format == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:
        for r in rows:
            types = ",".join(r["doc_types"])
            off = " (disabled)" if r.get("enabled") is False else ""
            sys.stdout.write(f"{r['id']:<9} {r['severity']:<8} {types:<12.12} {r['title']['en']}{off}\n"
                             f"{'':<9} {'':<8} {'':<12} {r['title']['zh']}\n")
    return 0
