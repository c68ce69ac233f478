"""The exit status of a run, as the contract defines it, decided in this one place."""
from __future__ import annotations

from typing import Any

from checker.core.findings import at_or_above


def exit_status(report: dict[str, Any], fail_on: str) -> int:
    """1 when a document could not be read or a document or project has an unsuppressed finding at or
    above `fail_on`, else 0."""
    for doc in report["documents"]:
        if doc.get("error"):
            return 1
        if fail_on != "never" and any(
                at_or_above(f["severity"], fail_on) for f in doc["findings"] if not f.get("suppressed")):
            return 1
    for project in report.get("projects") or []:
        if fail_on != "never" and any(
                at_or_above(f["severity"], fail_on) for f in project.get("findings") or [] if not f.get("suppressed")):
            return 1
    return 0


def gate_exit_status(report: dict[str, Any]) -> int:
    """0 when there are projects and every one is ready for the gate, else 1."""
    projects = report.get("projects") or []
    return 0 if projects and all((p.get("gate") or {}).get("decision") == "ready" for p in projects) else 1
