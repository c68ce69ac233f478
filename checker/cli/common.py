"""What the commands share: the parser that exits 2 with a short message, the help layout (a
description, then examples and exit statuses in the epilog), option types with messages that say what
is allowed, and the options several commands take.

A command module registers itself with `command(sub, name, ...)`; every option gets a `help` text,
and the examples are real command lines (tests/test_cli_help.py checks that every option is in the
help and in README.md or docs/).
"""
from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from typing import Any, Sequence

FORMATS = ("text", "json")

# The contract's exit statuses, as `check` (and every command that checks documents) has them.
EXIT_STATUSES = (
    ("0", "every document was read and none has a finding at or above --fail-on"),
    ("1", "a finding at or above --fail-on, or a document that could not be read"),
    ("2", "the command could not run (bad options or configuration): no report"),
)
# Commands that check nothing: success or a usage/configuration error.
PLAIN_EXIT_STATUSES = (("0", "done"), ("2", "bad options or an unreadable configuration"))


class Parser(argparse.ArgumentParser):
    """argparse exits 2 on bad options already; keep its message short and on stderr."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"pmo-check: error: {message}\n")
        raise SystemExit(2)


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Descriptions and epilogs as written (examples keep their lines); options in a wider column."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=30)


def epilog(examples: Sequence[tuple[str, str]], exit_statuses: Sequence[tuple[str, str]] = EXIT_STATUSES) -> str:
    """The help's closing part: `examples` as (command line, what it does), then the exit statuses."""
    lines = ["examples:"]
    for line, what in examples:
        lines += [f"  {line}", f"      {what}"]
    lines += ["", "exit status:"]
    lines += [f"  {code}  {meaning}" for code, meaning in exit_statuses]
    return "\n".join(lines)


def command(sub: Any, name: str, summary: str, description: str, examples: Sequence[tuple[str, str]],
            exit_statuses: Sequence[tuple[str, str]] = EXIT_STATUSES) -> Parser:
    """A subcommand's parser with the shared help layout: `summary` for `pmo-check --help`,
    `description` and the epilog for `pmo-check NAME --help`."""
    return sub.add_parser(name, help=summary, description=description, epilog=epilog(examples, exit_statuses),
                          formatter_class=HelpFormatter)


def add_config(parser: argparse.ArgumentParser, default: str) -> None:
    """`--config FILE`: the pmo-check.toml to use; `default` says which one is used without it."""
    parser.add_argument("--config", metavar="FILE", help=f"the pmo-check.toml to use (default: {default})")


def _whole_number(text: str, what: str, minimum: int, hint: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = None
    if value is None or value < minimum:
        raise argparse.ArgumentTypeError(f"{text!r} is not {what}: {hint}")
    return value


def workers(text: str) -> int:
    return _whole_number(text, "a number of worker processes", 0,
                         "give 1 or more, or 0 to check in this process (leave it out for one per CPU)")


def processes(text: str) -> int:
    """Worker processes where checking in the command's own process is no option (audit)."""
    return _whole_number(text, "a number of worker processes", 1, "give 1 or more (leave it out for one per CPU)")


def count(text: str) -> int:
    return _whole_number(text, "a number", 0, "give 0 or more")


def memory_cap(text: str) -> int:
    return _whole_number(text, "a memory cap in MiB", 0, "give 0 (no cap) or more")


def mib(text: str) -> int:
    return _whole_number(text, "a size in MiB", 1, "give a whole number of MiB, 1 or more")


def seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not 0 < value < 1e6:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds: give a number above 0, e.g. 60")
    return value


def day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: write it as YYYY-MM-DD, e.g. 2026-11-25") from None


_RULE_PATTERN = re.compile(r"^[A-Z0-9*?\[\]_.-]+$")


def rule_patterns(text: str) -> list[str]:
    """A comma-separated list of rule ids or globs (`COM-02,RR-*`), upper-cased."""
    patterns = [p.strip().upper() for p in text.split(",") if p.strip()]
    bad = [p for p in patterns if not _RULE_PATTERN.match(p)]
    if not patterns or bad:
        raise argparse.ArgumentTypeError(f"{text!r} is not a list of rule ids or globs such as COM-02,RR-*")
    return patterns
