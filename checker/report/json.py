"""The contract's JSON report (`pmo-check/report@1`) assembled from the document entries, and written."""
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


def group_projects(documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Documents of one project, keyed by project id (or name when there is no id)."""
    groups: dict[str, list[str]] = {}
    for doc in documents:
        project = doc.get("project") or {}
        key = project.get("id") or project.get("name")
        if key:
            groups.setdefault(str(key), []).append(doc["path"])
    return [{"key": k, "documents": v, "findings": []} for k, v in groups.items()]


def build_report(documents: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "tool": {"name": "pmo-check", "version": VERSION},
        "checked_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        "documents": documents,
        "projects": group_projects(documents),
        "summary": summarise(documents),
    }


def write(report: dict[str, Any], out: TextIO, render: "Render") -> None:
    """The report as JSON. Streamed: the same text as json.dumps, without holding a big report's JSON
    in memory twice."""
    json.dump(report, out, ensure_ascii=False, indent=2)
    out.write("\n")
