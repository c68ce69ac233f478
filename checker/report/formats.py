"""The report's output formats, one module each in checker/report/, chosen through one table.

Every format module has `write(report, out, render)`: the contract's report dict, a text stream, and
what a format needs besides the report (`Render`).
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Mapping, TextIO

from checker.config.bands import Bands

if TYPE_CHECKING:  # the catalogue loads the rule packs: not needed to list the formats
    from checker.report.catalogue import RuleInfo

# format name → module; the order is the order `--format` lists them.
FORMATS: dict[str, str] = {
    "text": "checker.report.text",
    "json": "checker.report.json",
    "sarif": "checker.report.sarif",
    "junit": "checker.report.junit",
    "html": "checker.report.html",
    "csv": "checker.report.csv",
}
# `pmo-check gate`: the same formats, with a gate report for people (text, HTML); JSON carries the gate blocks.
GATE_FORMATS: dict[str, str] = {**FORMATS, "text": "checker.report.gate_text", "html": "checker.report.gate_html"}
# Encoding of a format written to a file: CSV carries a byte-order mark so that Excel reads UTF-8
# (Chinese) text correctly; standard output never gets one.
FILE_ENCODING: dict[str, str] = {"csv": "utf-8-sig"}


@dataclass(frozen=True)
class Render:
    """What formats need besides the report: rule descriptions, score bands, the fail level, colour."""

    rules: Mapping[str, "RuleInfo"] = field(default_factory=dict)
    bands: Bands = Bands()
    fail_on: str = "major"
    color: bool | None = None  # text only: None decides from the terminal
    quiet: bool = False  # text only: just the documents and findings that make the exit status 1


def write(fmt: str, report: dict[str, Any], out: TextIO, render: Render, table: Mapping[str, str] = FORMATS) -> None:
    """Write `report` as `fmt` (a key of `table`: FORMATS, or GATE_FORMATS for a gate report) to `out`."""
    importlib.import_module(table[fmt]).write(report, out, render)
