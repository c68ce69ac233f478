"""Every date of a text as an ISO date or range: 2026-03-01, 2026年3月1日, 2026/3/1, 01/03/2026 (with the
configured locale), March 2026, 2026年3月, Q3 2026, 2026年第三季度, H1 2026, 2026年上半年, 2026年底, end of 2026
(an Excel serial number is read by `checker.text.dates.excel_serial`).

A single day is read by `checker.text.dates.parse_date` — the one reading of day/month order and of
impossible dates (2026-02-30) — so a dd/mm date without a locale stays ambiguous and is not returned.
This module finds every date in a text and gives a month, quarter, half or year its range.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from checker.text.dates import month_number, parse_date
from checker.text.normalize import nfkc

Precision = Literal["day", "month", "quarter", "half", "year"]

_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
_MONTH_NAME = rf"(?:{_MONTHS})[a-z]*\.?"
_YEAR = r"(?:19|20|21)\d\d"
_ZH_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}

# One pattern per form, tried in this order; a text position is taken by the first form that reads it.
_DAY = re.compile(
    rf"(?<!\d){_YEAR}\s*[-/.]\s*\d{{1,2}}\s*[-/.]\s*\d{{1,2}}(?!\d)"
    rf"|(?<!\d){_YEAR}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*[日号]"
    rf"|(?<!\d)\d{{1,2}}\s*[/.-]\s*\d{{1,2}}\s*[/.-]\s*{_YEAR}(?!\d)"
    rf"|\b{_MONTH_NAME}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_NAME},?\s+{_YEAR}\b", re.I)
_MONTH = re.compile(
    rf"(?<!\d)(?P<y>{_YEAR})\s*年\s*(?P<m>\d{{1,2}})\s*月(?:份)?(?P<end>底|末)?"
    rf"|\b(?P<name>{_MONTH_NAME})\s+(?P<y2>{_YEAR})\b"
    rf"|(?<![\d/.-])(?P<y3>{_YEAR})-(?P<m3>0[1-9]|1[0-2])(?![\d/.-])"
    rf"|(?<![\d/.-])(?P<m4>0?[1-9]|1[0-2])/(?P<y4>{_YEAR})(?![\d/.-])", re.I)
_QUARTER = re.compile(
    rf"\bQ(?P<q>[1-4])\s*(?:[-/,]\s*|\s)?(?:FY\s*)?(?P<y>{_YEAR})\b"
    rf"|\b(?P<y2>{_YEAR})\s*[-/ ]?\s*Q(?P<q2>[1-4])\b"
    rf"|(?<!\d)(?P<y3>{_YEAR})\s*年\s*(?:第\s*)?(?P<q3>[一二三四1-4])\s*季度?", re.I)
_HALF = re.compile(
    rf"\bH(?P<h>[12])\s*(?:[-/,]\s*|\s)?(?P<y>{_YEAR})\b"
    rf"|\b(?P<y2>{_YEAR})\s*[-/ ]?\s*H(?P<h2>[12])\b"
    rf"|(?<!\d)(?P<y3>{_YEAR})\s*年\s*(?P<h3>[上下])半年"
    rf"|\b(?P<h4>first|second)\s+half\s+(?:of\s+)?(?P<y4>{_YEAR})\b", re.I)
_YEAR_ONLY = re.compile(
    rf"(?<!\d)(?P<y>{_YEAR})\s*年\s*(?P<end>底|末|年底|年末)"
    rf"|\bend\s+of\s+(?:FY\s*)?(?P<y2>{_YEAR})\b"
    rf"|\b(?:by|in|before|until|during|within|throughout|from|FY)\s*(?P<y3>{_YEAR})\b"
    rf"|(?<![\d.\-/])(?P<y4>{_YEAR})\s*年(?!\s*\d|\s*[第上下一二三四])(?:度)?", re.I)
_RANGE_JOIN = re.compile(r"^\s*(?:to|until|through|till|and|-|–|—|~|～|至|到)\s*$", re.I)
_ZH_TAIL_DAY = re.compile(r"\s*(?:至|到|-|–|~|～)\s*(?:(?P<m>\d{1,2})\s*月\s*)?(?P<d>\d{1,2})\s*[日号]")


@dataclass(frozen=True)
class DateSpan:
    """A date or a range read from a text, with where it is."""

    start: date
    end: date
    text: str
    pos: int
    precision: Precision

    @property
    def iso(self) -> str:
        """`2026-03-01`, or an ISO 8601 interval `2026-07-01/2026-09-30`."""
        return self.start.isoformat() if self.start == self.end else f"{self.start.isoformat()}/{self.end.isoformat()}"


def find_dates(text: str, *, day_first: bool | None = None) -> list[DateSpan]:
    """Every date of `text` in text order: days, months, quarters, halves, years (ranges for the latter)."""
    if not text or not re.search(r"\d{2}", text):
        return []
    t = nfkc(text)
    taken: list[tuple[int, int]] = []
    out: list[DateSpan] = []

    def free(m: re.Match[str]) -> bool:
        return all(m.end() <= a or m.start() >= b for a, b in taken)

    def add(span: DateSpan | None, m: re.Match[str]) -> None:
        taken.append((m.start(), m.end()))
        if span is not None:
            out.append(span)

    for m in _DAY.finditer(t):
        d = parse_date(m.group(0), day_first=day_first)
        add(DateSpan(d, d, m.group(0), m.start(), "day") if d else None, m)
    for m in _MONTH.finditer(t):
        if free(m):
            add(_month(m), m)
    for m in _QUARTER.finditer(t):
        if free(m):
            add(_quarter(m), m)
    for m in _HALF.finditer(t):
        if free(m):
            add(_half(m), m)
    for m in _YEAR_ONLY.finditer(t):
        if free(m):
            add(_year(m), m)
    out.sort(key=lambda s: s.pos)
    return _zh_day_ranges(t, out)


def find_range(text: str, *, day_first: bool | None = None) -> DateSpan | None:
    """The period a text states ('2026-03-01 to 2026-03-31', '2026年3月1日至3月31日', 'Q3 2026'), or None."""
    spans = find_dates(text, day_first=day_first)
    if not spans:
        return None
    t = nfkc(text)
    for a, b in zip(spans, spans[1:]):
        if _RANGE_JOIN.match(t[a.pos + len(a.text): b.pos]) and a.start <= b.end:
            return DateSpan(a.start, b.end, t[a.pos: b.pos + len(b.text)], a.pos, "day")
    first = spans[0]
    return first if first.start != first.end else None


def _month(m: re.Match[str]) -> DateSpan | None:
    y = m.group("y") or m.group("y2") or m.group("y3") or m.group("y4")
    if m.group("name"):
        month = month_number(m.group("name")) or 0
    else:
        month = int(m.group("m") or m.group("m3") or m.group("m4"))
    if not month or not 1 <= month <= 12:
        return None
    year = int(y)
    last = date(year, month, calendar.monthrange(year, month)[1])
    if m.group("end"):  # 2026年6月底: the last day
        return DateSpan(last, last, m.group(0), m.start(), "day")
    return DateSpan(date(year, month, 1), last, m.group(0), m.start(), "month")


def _quarter(m: re.Match[str]) -> DateSpan:
    year = int(m.group("y") or m.group("y2") or m.group("y3"))
    q = _ZH_DIGITS[m.group("q") or m.group("q2") or m.group("q3")]
    first = date(year, 3 * q - 2, 1)
    last_month = 3 * q
    return DateSpan(first, date(year, last_month, calendar.monthrange(year, last_month)[1]), m.group(0), m.start(),
                    "quarter")


def _half(m: re.Match[str]) -> DateSpan:
    year = int(m.group("y") or m.group("y2") or m.group("y3") or m.group("y4"))
    which = (m.group("h") or m.group("h2") or m.group("h3") or m.group("h4") or "").lower()
    first = which in ("1", "上", "first")
    start, end = (date(year, 1, 1), date(year, 6, 30)) if first else (date(year, 7, 1), date(year, 12, 31))
    return DateSpan(start, end, m.group(0), m.start(), "half")


def _year(m: re.Match[str]) -> DateSpan:
    if m.group("y") or m.group("y2"):  # 2026年底, end of 2026: the last day
        year = int(m.group("y") or m.group("y2"))
        return DateSpan(date(year, 12, 31), date(year, 12, 31), m.group(0), m.start(), "day")
    year = int(m.group("y3") or m.group("y4"))
    return DateSpan(date(year, 1, 1), date(year, 12, 31), m.group(0), m.start(), "year")


def _zh_day_ranges(t: str, spans: list[DateSpan]) -> list[DateSpan]:
    """'2026年3月1日至3月31日' / '至31日': the second day takes the first one's year (and month)."""
    out = []
    for s in spans:
        out.append(s)
        if s.precision != "day" or "年" not in s.text:
            continue
        tail = _ZH_TAIL_DAY.match(t, s.pos + len(s.text))
        if tail is None or any(o.pos == tail.start() or (o.pos > s.pos and o.pos < tail.end()) for o in spans):
            continue
        month = int(tail.group("m")) if tail.group("m") else s.start.month
        try:
            end = date(s.start.year, month, int(tail.group("d")))
        except ValueError:
            continue
        if end >= s.start:
            second = tail.group(0)[tail.group(0).index(tail.group("m") or tail.group("d")):]
            out.append(DateSpan(end, end, second, tail.end() - len(second), "day"))
    return out
