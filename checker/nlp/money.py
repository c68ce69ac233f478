"""Every amount of money in a text, normalised: ¥, 元, 万元, 亿元, USD, $1.2M, 1.2 million dollars, and
financial 大写 amounts (人民币壹拾贰万伍仟元整).

Amounts are read by `checker.text.money` (its patterns, `parse_money` for digits and `upper_to_number`
for 大写: the one place that knows units, currencies and financial numerals); an amount counts here only
with a currency or a unit, written or given as a hint (a '预算（万元）' column), so a count or an item
number is not money. This module finds every amount of a text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from checker.text.money import AMOUNT, UPPER, parse_money, upper_to_number
from checker.text.normalize import nfkc

_UPPER = re.compile(rf"(?:人民币|RMB)?\s*(?:{UPPER.pattern})")  # with the 人民币 that often leads it


@dataclass(frozen=True)
class Amount:
    """An amount in base units (3,500,000 for 350万元) with its ISO currency (None when not written)."""

    value: float
    currency: str | None
    text: str
    pos: int
    in_words: bool = False  # a 大写 amount


def find_amounts(text: str, unit_hint: str | None = None) -> list[Amount]:
    """Every amount of `text` with a currency or unit (or `unit_hint`), 大写 amounts included, in text order."""
    if not text:
        return []
    t = nfkc(text)
    out = [a for a in (_in_words(m) for m in _UPPER.finditer(t)) if a is not None]
    taken = [(a.pos, a.pos + len(a.text)) for a in out]
    for m in AMOUNT.finditer(t):
        if not m.group("num") or any(a <= m.start() < b for a, b in taken):
            continue
        if not (m.group("cur") or m.group("unit") or m.group("cur2") or unit_hint):
            continue
        money = parse_money(m.group(0).strip(), unit_hint)
        if money is not None:
            out.append(Amount(money.amount, money.currency, m.group(0).strip(), m.start()))
    return sorted(out, key=lambda a: a.pos)


def _in_words(m: re.Match[str]) -> Amount | None:
    value = upper_to_number(m.group(0))
    return Amount(value, "CNY", m.group(0), m.start(), in_words=True) if value is not None else None
