"""Percentages and durations in a text: 12%, 12 percent, 百分之十二, 3 个百分点; 7天, 10 working days, 两周, 3个月,
1.5 years — with their value, and for a duration its length in days (a week 7, a month 30, a year 365).

Chinese numerals ('两周', '三个月', '百分之十二') are read with cn2an, imported only when a text has one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from checker.text.normalize import nfkc

_ZH_NUM = "零一二两三四五六七八九十百千半"
_NUMBER = rf"(?P<n>\d+(?:\.\d+)?|[{_ZH_NUM}]+)"
_PERCENT = re.compile(
    r"(?P<n>[-+]?\d+(?:\.\d+)?)\s*(?:%|％|\s?percent\b|\s?per\s+cent\b|\s?pct\b)"
    r"|百分之(?P<zh>[零一二两三四五六七八九十百点\d.]+)"
    r"|(?P<p>\d+(?:\.\d+)?|[零一二两三四五六七八九十]+)\s*个百分点"
    r"|(?P<pp>\d+(?:\.\d+)?)\s*(?:percentage\s+points?|pp\b)", re.I)
Unit = Literal["minute", "hour", "day", "working_day", "week", "month", "year"]
_UNITS: dict[str, Unit] = {
    "working day": "working_day", "working days": "working_day", "business day": "working_day",
    "business days": "working_day", "工作日": "working_day", "个工作日": "working_day",
    "minute": "minute", "minutes": "minute", "mins": "minute", "min": "minute", "分钟": "minute",
    "hour": "hour", "hours": "hour", "hrs": "hour", "h": "hour", "小时": "hour", "个小时": "hour",
    "day": "day", "days": "day", "天": "day", "日": "day",
    "week": "week", "weeks": "week", "wk": "week", "wks": "week", "周": "week", "个周": "week", "星期": "week",
    "个星期": "week", "month": "month", "months": "month", "个月": "month", "月": "month",
    "year": "year", "years": "year", "yr": "year", "yrs": "year", "年": "year",
}
_DAYS = {"minute": 1 / 1440, "hour": 1 / 24, "day": 1, "working_day": 7 / 5, "week": 7, "month": 30, "year": 365}
_EN_UNIT = "working days?|business days?|minutes?|mins?|hours?|hrs?|h|days?|weeks?|wks?|months?|years?|yrs?"
_ZH_UNIT = "个工作日|工作日|分钟|个小时|小时|天|日|个星期|星期|个周|周|个月|月|年"
_DURATION = re.compile(
    rf"(?<![\d.\-/])(?P<n>\d+(?:\.\d+)?)\s*(?:-|to)?\s*(?P<u>{_EN_UNIT})\b"
    rf"|(?<![\d.年月\-/])(?P<zn>\d+(?:\.\d+)?|[{_ZH_NUM}]+)\s*(?P<zu>{_ZH_UNIT})(?!\s*\d)", re.I)


@dataclass(frozen=True)
class Percentage:
    value: float
    text: str
    pos: int
    points: bool = False  # percentage points (个百分点, pp), not a share


@dataclass(frozen=True)
class Duration:
    value: float
    unit: Unit
    text: str
    pos: int

    @property
    def days(self) -> float:
        """The length in calendar days (a month counts 30, a working day 7/5)."""
        return self.value * _DAYS[self.unit]


def find_percentages(text: str) -> list[Percentage]:
    out = []
    for m in _PERCENT.finditer(nfkc(text or "")):
        if m.group("n") is not None:
            value = float(m.group("n"))
        elif m.group("zh") is not None:
            value = _zh_number(m.group("zh"))
        elif m.group("p") is not None:
            value = _number(m.group("p"))
        else:
            value = float(m.group("pp"))
        if value is not None:
            out.append(Percentage(value, m.group(0), m.start(), points=m.group("p") is not None or m.group("pp") is not None))
    return out


def find_durations(text: str) -> list[Duration]:
    out = []
    t = nfkc(text or "")
    for m in _DURATION.finditer(t):
        raw_n, raw_u = (m.group("n"), m.group("u")) if m.group("n") else (m.group("zn"), m.group("zu"))
        if raw_u in ("月", "日", "年") and not re.fullmatch(rf"[{_ZH_NUM}]+", raw_n):
            continue  # 3月, 5日, 2026年 are dates; 三月 too, but 半年/两年 are lengths
        if raw_u == "月" and raw_n != "半":
            continue  # 三月 is March; a length of months is 三个月
        value = _number(raw_n)
        unit = _UNITS.get(raw_u.lower())
        if value is None or unit is None:
            continue
        out.append(Duration(value, unit, m.group(0), m.start()))
    return out


def _number(raw: str) -> float | None:
    if re.fullmatch(r"\d+(?:\.\d+)?", raw):
        return float(raw)
    return _zh_number(raw)


def _zh_number(raw: str) -> float | None:
    if raw == "半":
        return 0.5
    if re.fullmatch(r"\d+(?:\.\d+)?", raw):
        return float(raw)
    import cn2an

    try:
        return float(cn2an.cn2an(raw.replace("半", ".5"), "normal"))
    except (ValueError, KeyError, IndexError, TypeError):
        return None
