"""The exit status of a run, as the contract defines it, decided in this one place."""
from __future__ import annotations

from typing import Any

from checker.core.findings import at_or_above


def failing(finding: dict[str, Any], fail_on: str) -> bool:
    """True when `finding` counts against `--fail-on`: not waived, not a judgement note (`needs_review`
    findings are never failures, whatever the level), and at or above the fail level."""
    return (fail_on != "never" and not finding.get("suppressed") and not finding.get("needs_review")
            and at_or_above(finding["severity"], fail_on))


def unreadable(doc: dict[str, Any]) -> bool:
    """A document that could not be read; a file skipped while walking a folder (not Word or Excel) is not one."""
    return bool(doc.get("error")) and not doc.get("skipped")


def fails(doc: dict[str, Any], fail_on: str) -> bool:
    """The document makes the exit status 1: unreadable, or a finding that counts at `fail_on`."""
    return unreadable(doc) or any(failing(f, fail_on) for f in doc["findings"])


def exit_status(report: dict[str, Any], fail_on: str) -> int:
    """1 when a document could not be read, or a document or project has a finding that counts at
    `fail_on` (see `failing`), else 0. Files skipped while walking a folder (`"skipped": true`) never make it 1."""
    if any(fails(doc, fail_on) for doc in report["documents"]):
        return 1
    return 1 if any(failing(f, fail_on) for p in report.get("projects") or [] for f in p.get("findings") or []) else 0


def gate_exit_status(report: dict[str, Any]) -> int:
    """0 when there are projects and every one is ready for the gate, else 1."""
    projects = report.get("projects") or []
    return 0 if projects and all((p.get("gate") or {}).get("decision") == "ready" for p in projects) else 1
