"""What the configuration and suppression tests share: a pack that keeps only COM-04, files written on
the fly, the findings of a whole report and a small risk register with one stale row."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook

ONLY_COM04 = '[rules."*"]\nenabled = false\n[rules."COM-04"]\nenabled = true\n'


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def findings(report: dict, rule: str | None = None) -> list[dict]:
    """Every finding of the report (all documents), or those of one rule."""
    out = [f for d in report["documents"] for f in d["findings"]]
    return [f for f in out if rule is None or f["rule"] == rule]


def risk_register(path: Path, risks: int = 4, stale_row: bool = True) -> Path:
    """A small risk register: R-01 (row 3) last reviewed long ago (RR-16), before it was raised (RR-15)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Risk Register"
    ws.append(["Risk Register"])
    ws.append(["Risk ID", "Risk Description", "Category", "Date Raised", "Probability", "Impact", "Score", "Owner",
               "Response", "Status", "Last Reviewed"])
    for i in range(risks):
        reviewed = date(2026, 6, 1) if i == 0 and stale_row else date(2026, 11, 20)
        ws.append([f"R-{i + 1:02d}", f"Vendor delay number {i} could slip the go-live milestone", "Schedule",
                   date(2026, 7, 1) if i == 0 else date(2026, 5, 1), 3, 4, 12, "Wei Zhang", "Weekly vendor call",
                   "Open", reviewed])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
