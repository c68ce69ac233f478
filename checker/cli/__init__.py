"""The `pmo-check` command line, as the contract defines it: one module per command.

Exit status: 0 all documents read and nothing at or above the fail level; 1 a finding at or above
it or an unreadable document; 2 the command itself could not run (then no report is printed).
"""
from __future__ import annotations

import importlib
import logging
import sys
from typing import Sequence

from checker import __version__
from checker.cli.common import HelpFormatter, Parser, epilog

# The commands, in the order `--help` lists them: each module has `add_parser(sub)` and `run(args)`.
COMMANDS = ("check", "gate", "rules", "explain", "init", "annotate", "audit", "scorecard", "db", "serve", "manifest")


def build_parser() -> Parser:
    parser = Parser(prog="pmo-check", description="Check project-management documents against the PMO standard.",
                    epilog=epilog((("pmo-check check projects/apollo", "check a folder of Word and Excel documents"),
                                   ("pmo-check COMMAND --help", "a command's options, examples and exit statuses"))),
                    formatter_class=HelpFormatter)
    parser.add_argument("--version", action="version", version=f"pmo-check {__version__}",
                        help="print the version and exit")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser, metavar="COMMAND",
                                title="commands")
    for name in COMMANDS:
        importlib.import_module(f"checker.cli.{name}").add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="pmo-check: %(message)s", stream=sys.stderr)
    args = build_parser().parse_args(argv)
    try:
        return importlib.import_module(f"checker.cli.{args.command}").run(args)
    except KeyboardInterrupt:
        sys.stderr.write("pmo-check: interrupted\n")
        return 2
    except Exception as exc:  # noqa: BLE001 - no traceback reaches a user
        from checker.core.errors import PackError

        kind = "configuration error" if isinstance(exc, PackError) else f"internal error ({type(exc).__name__})"
        sys.stderr.write(f"pmo-check: {kind}: {exc}\n")
        return 2
