"""Excel: each finding as a cell note (openpyxl), its cell filled in the colour of the severest finding.

openpyxl rewrites the whole workbook: what it does not model (charts, images, pivot tables, some
extensions) is not carried over into the annotated copy. The original is never touched.
"""
from __future__ import annotations

import io
import re
from typing import Any

from checker.report.annotate import AUTHOR, AnnotateError, note_text
from checker.report.xmltext import xml_safe

FILLS = {"blocker": "F4B6B6", "major": "F8CBAD", "minor": "FFE699", "info": "BDD7EE"}
_RANK = {"blocker": 3, "major": 2, "minor": 1, "info": 0}
_ROW = re.compile(r"^\$?(\d+)(?::\$?\d+)?$")
_COL = re.compile(r"^\$?([A-Za-z]{1,3})(?::\$?[A-Za-z]{1,3})?$")
_CELL = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)")


def annotate_excel(data: bytes, findings: list[dict[str, Any]], language: str, *, keep_vba: bool = False) -> bytes:
    from openpyxl import load_workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    try:
        wb = load_workbook(io.BytesIO(data), keep_vba=keep_vba, rich_text=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a package it cannot model
        raise AnnotateError(f"openpyxl cannot open the workbook: {type(exc).__name__}: {exc}") from None
    notes: dict[tuple[str, str], list[str]] = {}
    worst: dict[tuple[str, str], str] = {}
    first = wb.worksheets[0].title
    for finding in findings:
        location = finding.get("location") or {}
        sheet, cell = location.get("sheet"), _anchor(location.get("cell") or "")
        placed = sheet in wb.sheetnames and cell is not None
        key = (sheet, cell) if placed else (first, "A1")
        notes.setdefault(key, []).append(xml_safe(note_text(finding, language, placed=placed)))
        if _RANK[finding["severity"]] >= _RANK.get(worst.get(key, ""), -1):
            worst[key] = finding["severity"]
    for (sheet, ref), texts in notes.items():
        cell = wb[sheet][ref]
        previous = cell.comment.text + "\n\n" if cell.comment is not None else ""
        comment = Comment(previous + "\n\n".join(texts), AUTHOR)
        comment.width, comment.height = 360, min(600, 90 + 60 * len(texts))
        cell.comment = comment
        cell.fill = PatternFill("solid", fgColor=FILLS[worst[(sheet, ref)]])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _anchor(ref: str) -> str | None:
    """The cell a location points at: `E7`; a row `5:5` → A5; a column `E:E` → E1; None otherwise."""
    ref = ref.strip()
    if (m := _ROW.match(ref)) is not None:
        return f"A{m.group(1)}"
    if (m := _COL.match(ref)) is not None:
        return f"{m.group(1).upper()}1"
    if (m := _CELL.match(ref)) is not None:
        return f"{m.group(1).upper()}{m.group(2)}"
    return None
