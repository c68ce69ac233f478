"""The contract's JSON report (`pmo-check/report@1`) assembled from the document entries and the projects, and written."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, TextIO

from checker.core.findings import SEVERITIES
from checker.core.version import VERSION

if TYPE_CHECKING:
    from checker.report.formats import Render

SCHEMA = "pmo-check/report@1"


def summarise(documents: list[dict[str, Any]]) -> dict[str, Any]:
    counts = {s: 0 for s in SEVERITIES}
    for doc in documents:
        for f in doc["findings"]:
            if not f.get("suppressed"):
                counts[f["severity"]] += 1
    return {"documents": len(documents), "errors": sum(1 for d in documents if d.get("error")),
            "skipped": sum(1 for d in documents if d.get("skipped")), "findings": counts}


def build_report(documents: list[dict[str, Any]], projects: list[dict[str, Any]] | None = None, *,
                 summaries: bool = False) -> dict[str, Any]:
    """The report of the document entries and their projects (`checker.project.review`). Each entry's
    summary (what the project view read) is left out unless `summaries`: it repeats the documents'
    content and is an internal interface (docs/project-view.md)."""
    if not summaries:
        for doc in documents:
            doc.pop("summary", None)
    return {
        "schema": SCHEMA,
        "tool": {"name": "pmo-check", "version": VERSION},
        "checked_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        "documents": documents,
        "projects": projects or [],
        "summary": summarise(documents),
    }


def write(report: dict[str, Any], out: TextIO, render: "Render") -> None:
    """The report as JSON. Streamed: the same text as json.dumps, without holding a big report's JSON
    in memory twice."""
    json.dump(report, out, ensure_ascii=False, indent=2)
    out.write("\n")
