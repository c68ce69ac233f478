"""Money amounts with currency and unit normalised: 350万元 → 3,500,000 CNY; $1.2M → 1,200,000 USD.

元 vs 万元 confusion is a 10,000× error (COM-11), so the unit is always applied, and a header unit
such as '预算（万元）' can be passed in when the cell itself holds only a number.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from checker.text.normalize import nfkc

# The Chinese money units, longest first where one ends another (百万元 before 万元 before 元): every
# pattern that looks for a money unit is built from this one list.
CN_MONEY_UNITS = ("百万元", "亿元", "万元", "千元", "元")
CN_UNIT = "|".join(CN_MONEY_UNITS)
CN_SCALED_UNIT = "|".join(u for u in CN_MONEY_UNITS if u != "元")  # the ones that multiply an amount

# An amount as written: currency, number and unit (only the number is required).
AMOUNT = re.compile(
    r"(?P<cur>¥|￥|RMB|CNY|USD|US\$|HK\$|HKD|\$|EUR|€|GBP|£)?\s*"
    r"(?P<num>\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
    rf"(?P<unit>{CN_UNIT}|百万|人民币|万|亿|million|thousand|k\b|K\b|M\b|m\b)?\s*"
    r"(?P<cur2>USD|CNY|RMB|EUR|GBP|HKD|dollars?)?",
    re.I,
)
# The factor of each unit (lower-case for the Latin ones).
MULTIPLIERS = {"元": 1, "人民币": 1, "千元": 1e3, "万": 1e4, "万元": 1e4, "百万": 1e6, "百万元": 1e6,
               "亿": 1e8, "亿元": 1e8, "k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6}
_CURRENCIES = {"¥": "CNY", "￥": "CNY", "rmb": "CNY", "cny": "CNY", "usd": "USD", "us$": "USD", "$": "USD",
               "dollar": "USD", "dollars": "USD", "eur": "EUR", "€": "EUR", "gbp": "GBP", "£": "GBP",
               "hk$": "HKD", "hkd": "HKD"}
_CNY_UNITS = {*CN_MONEY_UNITS, "人民币"}


@dataclass(frozen=True)
class Money:
    amount: float
    currency: str | None  # ISO code, None when the document does not say

    def to_dict(self) -> dict[str, Any]:
        amount: float | int = int(self.amount) if float(self.amount).is_integer() else round(self.amount, 2)
        out: dict[str, Any] = {"amount": amount}
        if self.currency:
            out["currency"] = self.currency
        return out


def parse_money(value: Any, unit_hint: str | None = None) -> Money | None:
    """The largest amount in `value`, normalised to base units; None when there is no number."""
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _apply_hint(float(value), None, unit_hint)
    text = nfkc(str(value))
    best: Money | None = None
    for m in AMOUNT.finditer(text):
        num = float(m.group("num").replace(",", "").replace("，", ""))
        unit = (m.group("unit") or "").strip()
        cur_raw = (m.group("cur") or m.group("cur2") or "").lower()
        currency = _CURRENCIES.get(cur_raw)
        if unit:
            num *= MULTIPLIERS.get(unit, MULTIPLIERS.get(unit.lower(), 1))
            if unit in _CNY_UNITS:
                currency = currency or "CNY"
        elif unit_hint:
            hinted = _apply_hint(num, currency, unit_hint)
            num, currency = hinted.amount, hinted.currency
        if not (unit or currency or unit_hint) and num < 100:
            continue  # a bare small number is a count or an item number, not money
        candidate = Money(num, currency)
        if best is None or candidate.amount > best.amount:
            best = candidate
    return best


def is_unit(text: str | None) -> bool:
    """True when `text` names a currency or a money unit ('万元', 'USD', 'k€'), not any bracketed note."""
    if not text:
        return False
    t = nfkc(text).strip().lower()
    return any(u in t for u in MULTIPLIERS if len(u) > 1 or t == u) or any(c in t for c in _CURRENCIES)


def _apply_hint(num: float, currency: str | None, unit_hint: str | None) -> Money:
    if not unit_hint:
        return Money(num, currency)
    hint = nfkc(unit_hint).strip()
    for unit in sorted(MULTIPLIERS, key=len, reverse=True):
        if unit in hint or unit in hint.lower().split():
            num *= MULTIPLIERS[unit]
            if unit in _CNY_UNITS:
                currency = currency or "CNY"
            break
    for token, code in _CURRENCIES.items():
        if token in hint.lower():
            currency = currency or code
            break
    return Money(num, currency)
