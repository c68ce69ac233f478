"""Real documents for the service tests, generated with the project's builders."""
from __future__ import annotations

from pathlib import Path

from benchmarks.workloads import write_register
from tests.support.clean_docs import EN_SECTIONS, make_docx

PLACEHOLDER = "The budget is TBD until the steering committee meets."


def charter_with_defects(folder: Path) -> Path:
    """A charter missing its last five sections, with a placeholder (COM-02) in its budget section."""
    sections = list(EN_SECTIONS[:6]) + [("Summary Budget", PLACEHOLDER)]
    return make_docx(folder / "charter.docx", sections=sections)


def incomplete_charter(folder: Path) -> Path:
    return make_docx(folder / "incomplete.docx", sections=[])


def risk_register(folder: Path) -> Path:
    """A 30-row risk register with findings on cells (RR-07, RR-19, …)."""
    return write_register(folder / "risks.xlsx", 30, 7)
