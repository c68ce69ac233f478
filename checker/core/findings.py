"""A finding: what a rule reports, in the shape the contract's JSON report carries."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from checker.core.location import Location

SEVERITIES = ("blocker", "major", "minor", "info")
SEVERITY_RANK = {name: rank for rank, name in enumerate(reversed(SEVERITIES))}  # info 0 … blocker 3


@dataclass(slots=True)  # hundreds of thousands on a big register
class Finding:
    rule: str
    severity: str
    message: str
    suggestion: str | None = None
    location: Location | None = None
    needs_review: bool = False
    # () unless a rule gives evidence: an empty list per finding cost ~70 B × 389,000 on a big register
    evidence: list[dict[str, Any]] | tuple = ()
    # set by checker.config.waivers: {"reason", "approved_by"|"author", "expires", "source"}
    suppression: dict[str, Any] | None = None
    # A missing-section finding's section names in the document's language: the task pane inserts
    # them as headings (the report's optional `missing_sections`).
    missing_sections: tuple[str, ...] = ()
    # A missing-fields finding's field names in the document's language (COM-01: 'version',
    # 'author/owner'): the report's optional `missing_fields`, so that each can be told apart.
    missing_fields: tuple[str, ...] = ()
    # Which of the rule's messages this is (None: its main one); the pack's `blank_template` selects
    # by it. Not part of the report.
    variant: str | None = None

    @property
    def suppressed(self) -> bool:
        return self.suppression is not None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"rule": self.rule, "severity": self.severity, "message": self.message}
        if self.suggestion:
            out["suggestion"] = self.suggestion
        if self.needs_review:
            out["needs_review"] = True
        if self.location is not None:
            loc = self.location.to_dict()
            if loc:
                out["location"] = loc
        if self.evidence:
            out["evidence"] = self.evidence
        if self.missing_sections:
            out["missing_sections"] = list(self.missing_sections)
        if self.missing_fields:
            out["missing_fields"] = list(self.missing_fields)
        if self.suppression is not None:
            out["suppressed"] = True
            out["suppression"] = dict(self.suppression)
        return out


def at_or_above(severity: str, threshold: str) -> bool:
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold]
