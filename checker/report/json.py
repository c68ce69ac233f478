"""The contract's JSON report (`pmo-check/report@1`) assembled from the document entries, and written."""
from __future__ import annotations

import json
from collections import Counter
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, TextIO

from checker.core.findings import SEVERITIES
from checker.core.version import VERSION
from checker.text.names import name_key

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
            "findings": counts}


def group_projects(documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Documents of one project: linked by a shared project id or by the same name, however it is
    spelled (`checker.text.names.name_key`), keyed by the group's project id, else by its
    most frequent name."""
    named = [(i, doc.get("project") or {}) for i, doc in enumerate(documents)]
    named = [(i, p) for i, p in named if p.get("id") or p.get("name")]
    parent = list(range(len(documents)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[tuple[str, str], int] = {}
    for i, project in named:
        links = [("id", str(project["id"]).strip().casefold())] if project.get("id") else []
        key = name_key(str(project["name"])) if project.get("name") else ""
        links += [("name", key)] if key else []
        for link in links:
            if link in first:
                parent[root(i)] = root(first[link])
            else:
                first[link] = i
    groups: dict[int, list[int]] = {}
    for i, _ in named:
        groups.setdefault(root(i), []).append(i)
    out = []
    for members in sorted(groups.values()):
        ids = [str(documents[i]["project"]["id"]) for i in members if documents[i]["project"].get("id")]
        names = Counter(str(documents[i]["project"]["name"]) for i in members if documents[i]["project"].get("name"))
        key = ids[0] if ids else names.most_common(1)[0][0]
        out.append({"key": key, "documents": [documents[i]["path"] for i in members], "findings": []})
    return out


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
