"""Dates as real documents write them: ISO, slashes, dots, 2026年3月5日, 'March 5, 2026', Excel serials.

A date that cannot be read unambiguously is `None`: the contract says a value not found is absent,
not guessed (dd/mm vs mm/dd is ambiguous unless one part is > 12).
"""
from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from checker.text.normalize import nfkc

_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}

_ISO = re.compile(r"(?<!\d)(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)")
_CN = re.compile(r"(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*[日号])?")
_DMY_NUM = re.compile(r"(?<!\d)(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})(?!\d)")
_MDY_TEXT = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_DMY_TEXT = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")


def _make(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month(name: str) -> int | None:
    return _MONTHS.get(name[:3].lower())


def parse_date(value: Any, *, day_first: bool | None = None) -> date | None:
    """The first date in `value` (a string, datetime or date), or None.

    `day_first` resolves 03/04/2026; when it is None such a date is ambiguous and not returned.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = nfkc(str(value))
    if not text.strip():
        return None
    m = _ISO.search(text)
    if m:
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _CN.search(text)
    if m:
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))
    m = _MDY_TEXT.search(text)
    if m and _month(m.group(1)):
        return _make(int(m.group(3)), _month(m.group(1)) or 0, int(m.group(2)))
    m = _DMY_TEXT.search(text)
    if m and _month(m.group(2)):
        return _make(int(m.group(3)), _month(m.group(2)) or 0, int(m.group(1)))
    m = _DMY_NUM.search(text)
    if m:
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if a > 12 >= b:
            return _make(y, b, a)
        if b > 12 >= a:
            return _make(y, a, b)
        if a == b:
            return _make(y, a, b)
        if day_first is True:
            return _make(y, b, a)
        if day_first is False:
            return _make(y, a, b)
    return None
