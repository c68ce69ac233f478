"""Where a finding is, said in a few words: Word paragraph or table cell, worksheet cell, document part."""
from __future__ import annotations

from typing import Any

_WORDS = {
    "en": {"table": "table {t} row {r} col {c}", "paragraph": "¶{p}", "header": "header", "footer": "footer",
           "properties": "properties", "comments": "comments"},
    "zh": {"table": "表{t} 第{r}行 第{c}列", "paragraph": "第{p}段", "header": "页眉", "footer": "页脚",
           "properties": "文档属性", "comments": "批注"},
}


def where(location: dict[str, Any] | None, language: str = "en") -> str:
    """`Risks!E7`, `table 1 row 3 col 2` (1-based, as a reader counts), `¶12` (the contract's 0-based
    paragraph index), `header`; '' for a finding without a location."""
    if not location:
        return ""
    if "sheet" in location:
        return f"{location['sheet']}!{location.get('cell', '')}".rstrip("!")
    words = _WORDS["zh" if language == "zh" else "en"]
    parts = []
    if location.get("part") and location["part"] != "body":
        parts.append(words.get(location["part"], location["part"]))
    if "table" in location:
        parts.append(words["table"].format(t=location["table"] + 1, r=location.get("row", 0) + 1,
                                           c=location.get("col", 0) + 1))
    elif "paragraph" in location:
        parts.append(words["paragraph"].format(p=location["paragraph"]))
    return " ".join(parts)
