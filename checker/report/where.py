"""Where a finding is, said as a person finds it: `paragraph 41`, `table 9, row 3, column 2`, `Risks!E7`.

Every human-facing format (text, HTML, CSV, JUnit, SARIF names, annotated copies) says it this way:
1-based, as Word's and Excel's users count. The JSON report keeps the contract's 0-based indexes (a
Word paragraph is counted among the body's paragraphs, tables not counted).
"""
from __future__ import annotations

import re
from typing import Any

_WORDS = {
    "en": {"table": "table {t}, row {r}, column {c}", "paragraph": "paragraph {p}", "header": "header",
           "footer": "footer", "properties": "document properties", "comments": "comments", "join": ", ",
           "under": "{place}, under “{heading}”", "heading": "under “{heading}”"},
    "zh": {"table": "表{t} 第{r}行第{c}列", "paragraph": "第{p}段", "header": "页眉", "footer": "页脚",
           "properties": "文档属性", "comments": "批注", "join": "，",
           "under": "{place}（“{heading}”下）", "heading": "“{heading}”下"},
}
_PLAIN_SHEET = re.compile(r"^[\w.]+$")  # Excel writes other sheet names quoted: 'Revision History'!A5


def where(location: dict[str, Any] | None, language: str = "en") -> str:
    """`Risks!E7`, `table 1, row 3, column 2`, `paragraph 12` (1-based), `header`; '' without a location."""
    if not location:
        return ""
    if "sheet" in location:
        sheet = location["sheet"]
        if not _PLAIN_SHEET.match(sheet):
            sheet = "'" + sheet.replace("'", "''") + "'"
        return f"{sheet}!{location['cell']}" if location.get("cell") else sheet
    words = _WORDS["zh" if language == "zh" else "en"]
    parts = []
    if location.get("part") and location["part"] != "body":
        parts.append(words.get(location["part"], location["part"]))
    if "table" in location:
        parts.append(words["table"].format(t=location["table"] + 1, r=location.get("row", 0) + 1,
                                           c=location.get("col", 0) + 1))
    elif "paragraph" in location:
        parts.append(words["paragraph"].format(p=location["paragraph"] + 1))
    return words["join"].join(parts)


def where_under(location: dict[str, Any] | None, language: str = "en") -> str:
    """`where` with the nearest heading above: `paragraph 41, under “3 Budget”` (a sheet has none)."""
    place = where(location, language)
    heading = (location or {}).get("heading")
    if not heading or "sheet" in (location or {}):
        return place
    words = _WORDS["zh" if language == "zh" else "en"]
    return words["under"].format(place=place, heading=heading) if place else words["heading"].format(heading=heading)
