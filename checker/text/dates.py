"""Dates as real documents write them: ISO, slashes, dots, 2026年3月5日, 二〇二六年三月五日, 'March 5, 2026',
Excel serials.

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
_MY_TEXT = re.compile(r"\b([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")

# Chinese numerals as covers and formal letters write dates: the year digit by digit (二〇二六, 二零二六),
# month and day as numbers (三, 十二, 二十五).
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "Ｏ": 0, "O": 0}
_CN_DIGIT = "〇零○一二三四五六七八九"
_CN_NUMERAL_DATE = re.compile(
    rf"([{_CN_DIGIT}Ｏ]{{4}})\s*年\s*([一二三四五六七八九十]{{1,3}})\s*月(?:\s*([一二三四五六七八九十]{{1,3}})\s*[日号])?")
# A line that is only a date, or a month and year, and nothing else: what a cover or a title block
# dates the document with ('2026年3月', 'March 2026', '5 March 2026', '二〇二六年三月').
_DATE_WORDS = re.compile(r"(?:date[d]?|as of|issued?|updated|日期|时间|于)[\s:：]*", re.I)


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
    text = _cn_numerals(nfkc(str(value)))
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


def _cn_number(text: str) -> int | None:
    """一 … 三十一: a month or a day written in Chinese numerals."""
    if "十" not in text:
        return _CN_DIGITS.get(text) if len(text) == 1 else None
    tens, _, units = text.partition("十")
    high = _CN_DIGITS.get(tens, 0) if tens else 1
    low = _CN_DIGITS.get(units, 0) if units else 0
    return high * 10 + low if (not tens or tens in _CN_DIGITS) and (not units or units in _CN_DIGITS) else None


def _cn_numerals(text: str) -> str:
    """The text with a date in Chinese numerals rewritten in digits (二〇二六年三月五日 → 2026年3月5日)."""
    if "年" not in text:
        return text

    def digits(m: re.Match[str]) -> str:
        year = "".join(str(_CN_DIGITS[c]) for c in m.group(1))
        month, day = _cn_number(m.group(2)), _cn_number(m.group(3)) if m.group(3) else None
        if month is None or (m.group(3) and day is None):
            return m.group(0)
        return f"{year}年{month}月" + (f"{day}日" if day is not None else "")

    return _CN_NUMERAL_DATE.sub(digits, text)


def date_line(text: str) -> date | None:
    """The date a line gives when the line is only that date, or a month and year (then its first
    day): how a cover or a title block dates a document. A line holding two dates is a period, not
    a date, and a line with other words is not a date line."""
    t = _cn_numerals(nfkc(text)).strip()
    if not t or len(t) > 40:
        return None
    t = _DATE_WORDS.sub("", t, count=1).strip(" ,，.。:：")
    for pattern in (_ISO, _CN, _MDY_TEXT, _DMY_TEXT, _DMY_NUM, _MY_TEXT):
        found = list(pattern.finditer(t))
        if len(found) != 1:
            if len(found) > 1:
                return None  # a period: '16 February 2026 – 8 May 2026'
            continue
        rest = (t[:found[0].start()] + t[found[0].end():]).strip(" ,，.。")
        if rest:
            return None
        if pattern is _MY_TEXT:
            month = _month(found[0].group(1))
            return _make(int(found[0].group(2)), month, 1) if month else None
        return parse_date(t)
    return None
