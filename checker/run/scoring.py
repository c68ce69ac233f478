"""A document's compliance score, 0–100: 100 less a weight per finding, by severity.

Weights are deliberately simple so a PMO can explain a score: one blocker costs 25 points, a major
10, a minor 3; advisory (info) findings and suppressed findings cost nothing.
"""
from __future__ import annotations

from typing import Iterable

from checker.core.findings import Finding

WEIGHTS = {"blocker": 25.0, "major": 10.0, "minor": 3.0, "info": 0.0}


def score(findings: Iterable[Finding]) -> float:
    lost = sum(WEIGHTS[f.severity] for f in findings if not getattr(f, "suppressed", False))
    return round(max(0.0, 100.0 - lost), 1)
