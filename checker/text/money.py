"""Money amounts with currency and unit normalised: 350万元 → 3,500,000 CNY; $1.2M → 1,200,000 USD; and
financial 大写 amounts (人民币壹拾贰万伍仟元整 → 125,000), the one reading of them (COM-17, checker.nlp.money).

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

# ISO 4217 currency codes (active ones; XXX 'no currency' and XTS 'testing' left out: XXX is a
# template's placeholder). Written in capitals as a word, any of them names a currency.
ISO_4217 = frozenset("""
AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD
CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP
GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW
KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD
NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE
SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED
VES VND VUV WST XAF XAG XAU XBA XBB XBC XBD XCD XDR XOF XPD XPF XPT XSU XUA YER ZAR ZMW ZWG ZWL
""".split())
# Codes that are also English words in capitals ('ALL COSTS', 'TOP 100'): a currency only beside a number.
_WORD_CODES = frozenset("ALL TOP CUP MOP BOB PEN SOS TRY MAD GEL BAM DOP NIO SHP CAD PHP".split())
_CODE = "(?-i:" + "|".join(sorted(ISO_4217 | {"RMB"})) + ")(?![A-Za-z])"
# Currency signs: Unicode's currency symbols (the U+20A0 block and the older ones: $ ¢ £ ¤ ¥ ৳ ฿ …),
# and signs written with letters, which count only beside a number.
_SIGN = "[$\xa2-\xa5\u058f\u060b\u07fe\u07ff\u09f2\u09f3\u09fb\u0af1\u0bf9\u0e3f\u17db\u20a0-\u20cf" \
        "\ua838\ufdfc\ufe69\uff04\uffe0\uffe1\uffe5\uffe6]"
_LETTER_SIGN = r"(?-i:US\$|HK\$|NZ\$|NT\$|[ACRS]\$|Rs\.?|Rp|RM|kr|zł|Fr\.)"
_CURRENCY_WORD = r"dollars?|euros?|pounds? sterling|yuan|rupees?|pesos?|francs?"

# An amount as written: currency, number and unit (only the number is required).
AMOUNT = re.compile(
    rf"(?P<cur>(?<![A-Za-z]){_CODE}|{_LETTER_SIGN}|{_SIGN})?\s*"
    r"(?P<num>\d{1,2}(?:[,，]\d{2})+[,，]\d{3}(?:\.\d+)?|\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
    rf"(?P<unit>{CN_UNIT}|百万|人民币|万|亿|million|thousand|k\b|K\b|M\b|m\b)?\s*"
    rf"(?P<cur2>(?<![A-Za-z]){_CODE}|{_LETTER_SIGN}|{_SIGN}|(?:{_CURRENCY_WORD})\b)?",
    re.I,
)
# Where AMOUNT may find an amount with a currency or a unit (its `cur`, `unit` or `cur2`): a number
# after the last character of a currency as written (a code's capital; a letter sign's last letter,
# `$` or dot; a sign), or before a unit or a currency. A text without a match holds only bare numbers
# for AMOUNT, and is looked at with a test much cheaper than AMOUNT's (which tries its currencies at
# every character).
MARKED = re.compile(
    rf"(?:(?-i:[A-Z$.sprł])|{_SIGN})\s*\d|"
    # (each unit and currency starts with a Latin letter, `$` or a character beyond ASCII: the look-ahead
    # rules out most numbers before the alternatives are tried)
    rf"\d\s*(?=[A-Za-z$\u0080-\U0010ffff])(?:{CN_UNIT}|百万|人民币|万|亿|million|thousand|k\b|K\b|M\b|m\b|"
    rf"(?<![A-Za-z]){_CODE}|{_LETTER_SIGN}|{_SIGN}|(?:{_CURRENCY_WORD})\b)",
    re.I,
)
# A text that names a currency anywhere: a code in capitals as a word (a word-like code only beside
# a number), a sign, a letter sign beside a number, or a currency word.
_NAMES_CURRENCY = re.compile(
    rf"(?<![A-Za-z])(?-i:{'|'.join(sorted(ISO_4217 - _WORD_CODES | {'RMB'}))})(?![A-Za-z])|{_SIGN}|"
    rf"(?<![A-Za-z]){_CODE}\s?\d|\d\s?{_CODE}|"
    rf"(?<![A-Za-z]){_LETTER_SIGN}\s?\d|\d\s?(?-i:kr|zł)(?![a-z])|\b(?:{_CURRENCY_WORD})\b|"
    # A capital letter glued to an amount of three digits or more is a local sign (R2,000 rand,
    # K5,000 kwacha, M300 maloti); with fewer digits it is a quarter, a week or a version (Q3, W12, V2).
    r"(?<![A-Za-z0-9])(?-i:[A-Z])\d{1,3}(?:[,，]\d{3})+(?![\dA-Za-z])|(?<![A-Za-z0-9])(?-i:[A-Z])\d{3,}(?![\dA-Za-z])",
    re.I,
)
# The factor of each unit (lower-case for the Latin ones).
MULTIPLIERS = {"元": 1, "人民币": 1, "千元": 1e3, "万": 1e4, "万元": 1e4, "百万": 1e6, "百万元": 1e6,
               "亿": 1e8, "亿元": 1e8, "k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6}
# Signs and words that stand for one currency; a code stands for itself; any other sign ($ of another
# country's dollar, ¤) names a currency the document does not say which.
_CURRENCIES = {"¥": "CNY", "￥": "CNY", "rmb": "CNY", "$": "USD", "us$": "USD", "dollar": "USD", "dollars": "USD",
               "€": "EUR", "euro": "EUR", "euros": "EUR", "£": "GBP", "hk$": "HKD", "nz$": "NZD", "nt$": "TWD",
               "a$": "AUD", "c$": "CAD", "s$": "SGD", "r$": "BRL", "₹": "INR", "rs": "INR", "rs.": "INR",
               "rp": "IDR", "rm": "MYR", "zł": "PLN", "₽": "RUB", "₩": "KRW", "₺": "TRY", "₦": "NGN", "₱": "PHP",
               "₫": "VND", "₴": "UAH", "₪": "ILS", "฿": "THB", "₵": "GHS", "₸": "KZT", "₭": "LAK", "₮": "MNT",
               "₲": "PYG", "₡": "CRC", "₼": "AZN", "₾": "GEL", "৳": "BDT"}
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
        currency = currency_code(m.group("cur") or m.group("cur2") or "")
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


def currency_code(written: str) -> str | None:
    """The ISO code of a currency as written ('EGP', '€', 'Rs.'), None when it is not one currency."""
    w = written.strip()
    if w.upper() in ISO_4217 and w == w.upper():
        return w
    return _CURRENCIES.get(w.lower())


def names_currency(text: str | None) -> bool:
    """True when `text` names a currency: an ISO 4217 code ('500 EGP', 'Cost (INR)'), a currency
    sign ($ € ¥ ₹ ₦ ₱ …), a sign written with letters beside a number ('R$ 50', 'Rs. 500'), a word."""
    return bool(text) and bool(_NAMES_CURRENCY.search(nfkc(text or "")))


def is_unit(text: str | None) -> bool:
    """True when `text` names a currency or a money unit ('万元', 'USD', 'k€'), not any bracketed note."""
    if not text:
        return False
    t = nfkc(text).strip().lower()
    return any(u in t for u in MULTIPLIERS if len(u) > 1 or t == u) or names_currency(nfkc(text))


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
    found = _NAMES_CURRENCY.search(hint)
    if found is not None:
        currency = currency or currency_code(found.group(0).strip(" 0123456789"))
    return Money(num, currency)


# Financial 大写 amounts: digits 壹…玖, units 拾佰仟 within a section of four, 万 and 亿 between sections.
_DIGITS = {"零": 0, "〇": 0, "壹": 1, "贰": 2, "貳": 2, "叁": 3, "參": 3, "肆": 4, "伍": 5, "陆": 6, "陸": 6,
           "柒": 7, "捌": 8, "玖": 9, "两": 2}
_SMALL = {"拾": 10, "佰": 100, "仟": 1000}
_BIG = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
UPPER = re.compile(r"(?=[零〇拾佰仟万萬亿億]*[壹贰貳叁參肆伍陆陸柒捌玖])[零〇壹贰貳叁參肆伍陆陸柒捌玖拾佰仟万萬亿億]+[圆元圓](?:[零〇壹贰貳叁參肆伍陆陸柒捌玖]角)?"
                   r"(?:[零〇壹贰貳叁參肆伍陆陸柒捌玖]分)?整?|[零〇壹贰貳叁參肆伍陆陸柒捌玖]角(?:[零〇壹贰貳叁參肆伍陆陸柒捌玖]分)?整?")


def upper_to_number(text: str) -> float | None:
    """人民币壹拾贰万伍仟元整 → 125000.0; None when it is not a well-formed 大写 amount."""
    m = UPPER.search(text)
    if not m:
        return None
    s = m.group(0)
    yuan_part, _, rest = re.split(r"([圆元圓])", s, maxsplit=1) if re.search(r"[圆元圓]", s) else ("", "", s)
    total = 0
    section = 0
    digit = 0
    for ch in yuan_part:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _SMALL:
            section += (digit or (1 if ch == "拾" else 0)) * _SMALL[ch]
            digit = 0
        elif ch in _BIG:
            section += digit
            total = (total + section) * _BIG[ch] if _BIG[ch] > 10_000 else total + section * _BIG[ch]
            section = digit = 0
        else:
            return None
    total += section + digit
    jiao = re.search(r"([零〇壹贰貳叁參肆伍陆陸柒捌玖])角", rest)
    fen = re.search(r"([零〇壹贰貳叁參肆伍陆陸柒捌玖])分", rest)
    cents = (_DIGITS[jiao.group(1)] * 10 if jiao else 0) + (_DIGITS[fen.group(1)] if fen else 0)
    return total + cents / 100
