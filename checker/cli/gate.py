"""`pmo-check gate G0..G4 PATH...`: is each project ready for the gate review? Per project: ready,
conditional (only majors fail: the conditions a committee would attach) or not-ready (a required
document is missing or a blocker fails), as text, JSON (the contract's `gate` block), an HTML report
a committee can print, or the check's other formats. Exit status 0 only when every project is ready."""
from __future__ import annotations

import argparse
from dataclasses import replace
from typing import Any

from checker.cli.check import add_run_options, options, run_report, write_report
from checker.cli.common import command
from checker.report.formats import GATE_FORMATS

GATES = ("G0", "G1", "G2", "G3", "G4")

DESCRIPTION = """\
Assess every project among the documents for a stage-gate review (G0 idea,
G1 initiation 立项评审, G2 planning 计划评审, G3 execution, G4 closure 结项评审):
ready, conditional (only major criteria fail: the conditions a committee
would attach) or not ready (a required document is missing or a blocker
fails). Documents are grouped into projects as `check` groups them; the
gates follow the standard and the configured profile, and a PMO tailors
them in pmo-check.toml ([gates.G2]). Each project is reported in its
documents' language."""

EXAMPLES = (
    ("pmo-check gate G2 projects/apollo", "is Apollo ready for its planning review?"),
    ("pmo-check gate G1 . --format html --output gate.html", "a page the review committee reads and prints"),
    ("pmo-check gate G4 . --format json", "the report, each project with the contract's gate block"),
)


def add_parser(sub: Any) -> None:
    gate = command(sub, "gate", "are the projects ready for a gate review (G0–G4)?", DESCRIPTION, EXAMPLES,
                   (("0", "every project is ready for the gate"),
                    ("1", "a project is conditional or not ready, or there is no project"),
                    ("2", "bad options or an unreadable configuration")))
    gate.add_argument("gate", choices=GATES, metavar="GATE", help="the gate: G0, G1, G2, G3 or G4")
    gate.add_argument("paths", nargs="+", metavar="PATH", help="the projects' files and folders")
    out = gate.add_argument_group("report")
    out.add_argument("--format", choices=tuple(GATE_FORMATS), default="text",
                     help="text (default), json, html (for the committee), sarif, junit, csv")
    out.add_argument("--output", metavar="FILE", help="write the report to FILE instead of standard output")
    out.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    out.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                     help="colour the text report: auto (default) on a terminal unless NO_COLOR is set")
    add_run_options(gate)


def run(args: argparse.Namespace) -> int:
    from checker.report.exit_status import gate_exit_status

    args.fail_on = "major"  # what `render` passes to the formats that mark failures (JUnit)
    got = run_report(args, replace(options(args), gate=args.gate))
    if got is None:
        return 2
    report, how = got
    if not write_report(args, report, how, GATE_FORMATS):
        return 2
    return gate_exit_status(report)
