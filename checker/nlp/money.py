"""Every amount of money in a text, normalised: ¥, 元, 万元, 亿元, USD, $1.2M, 1.2 million dollars, and
financial 大写 amounts (人民币壹拾贰万伍仟元整).

Digit amounts are read by `checker.text.money` (its pattern and its `parse_money`, the one place that
knows units and currencies); an amount counts here only with a currency or a unit, written or given as
a hint (a '预算（万元）' column), so a count or an item number is not money. 大写 amounts are converted
with cn2an (imported only when a text holds one).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from checker.text.money import AMOUNT, parse_money
from checker.text.normalize import nfkc

_UPPER_DIGITS = "零〇壹贰貳叁參肆伍陆陸柒捌玖"
_UPPER = re.compile(rf"(?:人民币|RMB)?\s*(?=[{_UPPER_DIGITS}拾佰仟万萬亿億]*[壹贰貳叁參肆伍陆陸柒捌玖])"
                    rf"[{_UPPER_DIGITS}拾佰仟万萬亿億]+[元圆圓](?:[{_UPPER_DIGITS}]角)?(?:[{_UPPER_DIGITS}]分)?整?"
                    rf"|(?:人民币)?[{_UPPER_DIGITS}]角(?:[{_UPPER_DIGITS}]分)?整?")
_TRADITIONAL = str.maketrans({"貳": "贰", "參": "叁", "陸": "陆", "萬": "万", "億": "亿", "圓": "元", "圆": "元", "〇": "零"})


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


def amount_in_words(text: str) -> float | None:
    """The first 大写 amount of `text` as a number (人民币壹拾贰万伍仟元整 → 125000.0), or None."""
    m = _UPPER.search(nfkc(text or ""))
    found = _in_words(m) if m else None
    return found.value if found else None


def _in_words(m: re.Match[str]) -> Amount | None:
    import cn2an

    raw = m.group(0)
    words = re.sub(r"^(?:人民币|RMB)\s*", "", raw).translate(_TRADITIONAL)
    try:
        value = float(cn2an.cn2an(words, "normal"))
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return Amount(value, "CNY", raw, m.start(), in_words=True)
