"""The exit status of a run, as the contract defines it, decided in this one place."""
from __future__ import annotations

from typing import Any

from checker.core.findings import at_or_above


def exit_status(report: dict[str, Any], fail_on: str) -> int:
    """1 when a document could not be read or has an unsuppressed finding at or above `fail_on`, else 0."""
    for doc in report["documents"]:
        if doc.get("error"):
            return 1
        if fail_on != "never" and any(
                at_or_above(f["severity"], fail_on) for f in doc["findings"] if not f.get("suppressed")):
            return 1
    return 0
