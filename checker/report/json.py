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
            "skipped": sum(1 for d in documents if d.get("skipped")), "findings": counts}


def group_projects(documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Documents of one project: linked by a shared project id, or by the same name however it is
    spelled (`checker.text.names.name_key`) unless their ids differ; keyed by the group's project
    id, else by its most frequent name."""
    projects = {i: doc.get("project") or {} for i, doc in enumerate(documents)}
    named = [i for i, p in projects.items() if p.get("id") or p.get("name")]
    parent = {i: i for i in named}
    ids = {i: {str(projects[i]["id"]).strip().casefold()} if projects[i].get("id") else set() for i in named}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int, by_name: bool) -> None:
        a, b = root(i), root(j)
        if a != b and not (by_name and ids[a] and ids[b] and ids[a] != ids[b]):
            parent[b] = a
            ids[a] |= ids.pop(b)

    first: dict[tuple[str, str], int] = {}
    for by_name in (False, True):  # ids first: a name never joins two projects that have different ids
        for i in named:
            if by_name:
                link = ("name", name_key(str(projects[i].get("name") or "")))
            else:
                link = ("id", str(projects[i].get("id") or "").strip().casefold())
            if not link[1]:
                continue
            if link in first:
                join(first[link], i, by_name)
            else:
                first[link] = i
    groups: dict[int, list[int]] = {}
    for i in named:
        groups.setdefault(root(i), []).append(i)
    out = []
    for members in sorted(groups.values()):
        keys = [str(projects[i]["id"]) for i in members if projects[i].get("id")]
        names = Counter(str(projects[i]["name"]) for i in members if projects[i].get("name"))
        key = keys[0] if keys else names.most_common(1)[0][0]
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
