"""The gate report as one self-contained, printable HTML page a review committee can read: per
project the decision, the required documents and whether each is met, the missing documents, the
failed criteria with their evidence and the conditions — in the documents' language (each project in
its own), with the look of the HTML report (checker/report/templates)."""
from __future__ import annotations

from typing import Any, TextIO

from checker.core.version import VERSION
from checker.report import gate
from checker.report.formats import Render
from checker.report.html import environment
from checker.report.labels import labels, majority_language


def write(report: dict[str, Any], out: TextIO, render: Render) -> None:
    out.write(environment().get_template("gate.html.j2").render(**context(report, render)))


def context(report: dict[str, Any], render: Render) -> dict[str, Any]:
    lang = majority_language(d.get("language") for d in report.get("documents") or [])
    items = gate.projects(report)
    block = next((p["gate"] for p in report.get("projects") or [] if p.get("gate")), {})
    return {"lang": lang, "L": labels(lang), "version": VERSION, "report": report, "projects": items,
            "counts": gate.counts(items), "gate_id": block.get("id", ""),
            "gate_name": (block.get("name") or {}).get(lang, "")}
