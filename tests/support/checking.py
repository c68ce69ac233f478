"""Checking one built document as the rule tests and the scenarios do: a fixed check date, and the
document must have been read (its entry is not an error)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import checker

TODAY = date(2026, 11, 25)  # the check date of the rule tests and the Gherkin scenarios


def check_one(path: Path) -> dict:
    """The report entry of one document, checked on TODAY."""
    doc = checker.check([str(path)], config={"today": TODAY})["documents"][0]
    assert doc["error"] is None, doc["error"]
    return doc
