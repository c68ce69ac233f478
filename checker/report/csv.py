"""The report as CSV: one row per finding (and one per unreadable document), for spreadsheets and BI tools.

Text that a spreadsheet would run as a formula (starting with = + - @ or a tab) is prefixed with an
apostrophe: a document's text must not become a formula in the PMO's Excel (CSV injection).
"""
from __future__ import annotations

import csv
from typing import Any, Iterator, TextIO

from checker.report.catalogue import describe
from checker.report.formats import Render
from checker.report.where import where

COLUMNS = ("path", "doc_type", "language", "score", "band", "project", "rule", "title", "severity", "needs_review",
           "suppressed", "message", "suggestion", "where", "heading", "paragraph", "table", "row", "col", "sheet",
           "cell", "text", "error")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def write(report: dict[str, Any], out: TextIO, render: Render) -> None:
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for row in rows(report, render):
        writer.writerow([_cell(row.get(c)) for c in COLUMNS])


def rows(report: dict[str, Any], render: Render) -> Iterator[dict[str, Any]]:
    """The rows as dicts keyed by COLUMNS."""
    projects = {p: project["key"] for project in report.get("projects") or [] for p in project.get("documents") or []}
    for doc in report["documents"]:
        base = {"path": doc["path"], "doc_type": doc.get("doc_type"), "language": doc.get("language"),
                "score": doc.get("score"), "band": render.bands.of(doc.get("score")), "project": projects.get(doc["path"])}
        if doc.get("error"):
            yield {**base, "error": f"{doc['error']['code']}: {doc['error']['message']}"}
        for f in doc["findings"]:
            yield {**base, **_finding(f, doc.get("language") or "en", render)}
    for project in report.get("projects") or []:
        for f in project.get("findings") or []:
            places = "; ".join(f"{e.get('path')} {where(e.get('location'))}".strip() for e in f.get("evidence") or [])
            yield {"project": project["key"], **_finding(f, "en", render), "where": places}


def _finding(f: dict[str, Any], language: str, render: Render) -> dict[str, Any]:
    location = f.get("location") or {}
    return {"rule": f["rule"], "title": describe(render.rules, f["rule"], f["severity"]).title.get(language),
            "severity": f["severity"], "needs_review": bool(f.get("needs_review")),
            "suppressed": bool(f.get("suppressed")), "message": f["message"], "suggestion": f.get("suggestion"),
            "where": where(location, language), **{k: location.get(k) for k in
                                                    ("heading", "paragraph", "table", "row", "col", "sheet", "cell",
                                                     "text")}}


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value
