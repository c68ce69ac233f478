"""Amounts and dates in prose and labels, each tagged with the role its words give it.

'The pre-approved budget is USD 1,200,000, including a 10% contingency reserve' states a *total*;
'项目总预算为人民币350万元，其中不可预见费30万元' a total and a *contingency*; 'Budget USD 1,200,000,
actual USD 1,150,000' a total and an *actual*. The role of an amount or a date is the role word
nearest before it in the same clause (clauses end at 。；;，, and sentence stops), else the label of
the field or table row it sits in. What has no role word is not a figure the project view compares.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from checker.analysis.context import Context
from checker.model.elements import Block, Grid
from checker.text.dates import parse_date
from checker.text.money import AMOUNT, MARKED, Money, parse_money
from checker.text.normalize import has_digit, nfkc

# Money roles, most specific first (a role found later in this table loses a tie at the same position).
MONEY_ROLES: dict[str, str] = {
    "authorized": r"authori[sz]ed (?:budget|amount|funding)|(?<!pre-)(?<!pre )approved (?:budget|funding|amount)|"
                  r"funding approved|"
                  r"批复(?:金额|预算|资金)|核定(?:预算|金额)|批准(?:预算|金额|资金)|立项金额|同意(?:投资|预算)",
    "reserve": r"management reserve|管理储备",
    "contingency": r"contingency|应急储备|不可预见费?|预备费",
    "baseline": r"cost baseline|成本基准",
    "bac": r"\bBAC\b|budget at completion|完工预算",
    "eac": r"\bEAC\b|estimate at completion|完工估算",
    "ac": r"\bAC\b|\bACWP\b|actual cost to date|actual cost|actual spend|实际成本|实际支出|实际花费|实际费用",
    "ev": r"\bEV\b|\bBCWP\b|earned value|挣值",
    "pv": r"\bPV\b|\bBCWS\b|planned value|计划值",
    "vac": r"\bVAC\b|variance at completion|完工偏差",
    "etc": r"\bETC\b|estimate to complete|完工尚需估算",
    "variance": r"\bCV\b|\bSV\b|variance|偏差|差额",
    "running": r"running cost|operating cost|per year|a year|annual|每年|年度运维|运维费|运营费",
    "benefit": r"saving|benefit|收益|效益|节约",
    "actual": r"\bactual\b|\bspent\b|实际|决算",
    "total": r"total (?:project )?budget|project budget|summary budget|overall budget|pre-approved (?:budget|financial)|"
             r"one-off cost|total cost|total investment|\bbudget\b|^\s*total\b|^\s*grand total\b|"
             r"总预算|项目预算|预算总额|总投资|项目总投资|投资估算|投资总额|预算|^\s*合计|^\s*总计",
}
# Date roles, as for money.
DATE_ROLES: dict[str, str] = {
    "actual_start": r"actual start|实际开始|实际启动",
    "actual_end": r"actual (?:finish|end|completion)|went live|completed on|实际完成|实际结束|实际上线|实际竣工",
    "planned_end": r"planned (?:finish|end|completion)|baseline (?:finish|end)|计划完成|计划结束|计划竣工",
    "accepted": r"accepted|acceptance|signed off|验收|接收",
    "decision": r"decision date|decided on|approval date|approved on|审批日期|批准日期|决策日期|评审日期|审批时间|批复日期",
    "start": r"start(?:s|ed)?(?: date)?|kick-?off|commence|开始|启动|开工",
    "end": r"end date|finish(?:es)?|close(?:s|d)? on|completion|deadline|结束|完成时间|截止|竣工",
}
# One pattern per table, a named group per role: a text is scanned once, whatever the number of roles.
_MONEY = re.compile("|".join(f"(?P<{k}>{v})" for k, v in MONEY_ROLES.items()), re.I)
_DATES = re.compile("|".join(f"(?P<{k}>{v})" for k, v in DATE_ROLES.items()), re.I)
_CLAUSE = re.compile(r"[。；;，\n]|,(?!\d{3})|\.(?=\s|$)|:(?=\s)")
# A money amount in prose must say it is money: a currency or a Chinese money unit (a bare '100' is a count).
_MONEYISH = re.compile(r"[$¥￥€£]|USD|CNY|RMB|EUR|GBP|HKD|元|人民币|dollars?\b", re.I)
_UNSET = object()
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_WORDS = re.compile(r"[A-Za-z\u4e00-\u9fff]{2,}")
_DATE_TEXT = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}|\b\d{1,2}[/.]\d{1,2}[/.]\d{4}\b|"
                        r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}", re.I)

# What a text needs for its NFKC form to say it is money: a Latin letter, a money sign or character,
# or a character NFKC makes one of them (full-width and mathematical letters, ligatures, letters in
# circles, squares such as ㎏ and ㍐ …: tests/test_summary_shortcuts.py checks every code point). A
# Chinese paragraph without one is ruled out before it is normalised (NFKC is slow on its full-width
# punctuation).
_MONEY_CHARS = re.compile(
    "[A-Za-z$¥￥€£元人民币\u00aa\u00ba\u0132-\u01f3\u02b0-\u02e3\u1d2c-\u1dbb\u1e9a\u2071-\u217f\u249c-\u24e9"
    "\u2c7c\u2c7d\u2f08\u319f\u3250-\u33ff\ua7f2-\ua7f4\ufb00-\ufb06\ufe69\uff04\uff21-\uff5a\uffe1\U000107a5"
    "\U0001d400-\U0001d6a3\U0001f110-\U0001f190]")
_ASCII_MONEY_WORDS = ("usd", "cny", "rmb", "eur", "gbp", "hkd", "dollar")


def may_say_money(text: str) -> bool:
    """False only when `_MONEYISH` cannot match `nfkc(text)`; tested without normalising (for ASCII
    text, which NFKC leaves as it is, by a few substring tests instead of the regex's loop)."""
    if text.isascii():
        if "$" in text:
            return True
        low = text.lower()
        return any(word in low for word in _ASCII_MONEY_WORDS)
    return _MONEY_CHARS.search(text) is not None


@dataclass(frozen=True)
class Mention:
    role: str
    text: str  # the clause the value was read from
    money: Money | None = None
    when: date | None = None


@dataclass(frozen=True)
class Numbered:
    """The document's paragraphs and list items that hold a digit (`has_digit`), in reading order,
    their ids, and the title of the section each is in: an amount or a date needs a digit, and most
    paragraphs have none. Each paragraph is looked at once per document (ten scans of its text)
    instead of once per summary part, and the outline is not walked for the few that have one."""

    blocks: tuple[Block, ...]
    ids: frozenset[int]
    titles: tuple[str, ...]  # blocks[i] is under a heading titled titles[i] ('' before the first)


def numbered(ctx: Context) -> Numbered:
    def compute() -> Numbered:
        blocks: list[Block] = []
        titles: list[str] = []
        title = ""
        for block in ctx.doc.blocks:
            kind = block.kind
            if kind == "heading":
                # The outline puts a block in the section of the last heading before it.
                title = block.text.strip()
            elif (kind == "paragraph" or kind == "list_item") and has_digit(block.text):
                blocks.append(block)
                titles.append(title)
        return Numbered(tuple(blocks), frozenset(map(id, blocks)), tuple(titles))
    return ctx.memo("summary.numbered", compute)


def grids(ctx: Context) -> tuple[Grid, ...]:
    """The document's grids (`Document.grids`), listed once for the money and the milestones: the
    listing looks at every block."""
    return ctx.memo("summary.grids", lambda: tuple(ctx.doc.grids()))


def role_of(text: str, roles: re.Pattern[str], before: int | None = None) -> str | None:
    """The role whose word ends nearest before `before` (in a clause: the words just before a value)."""
    last = None
    for m in roles.finditer(text, 0, len(text) if before is None else before):
        last = m
    return last.lastgroup if last is not None else None


def label_role(label: str, roles: re.Pattern[str]) -> str | None:
    """The role a label names: its first role word ('Estimate at completion (EAC = AC + ETC)' is an
    EAC; 'Budget at completion (BAC)' a BAC, the more specific roles coming first in the table)."""
    m = roles.search(label)
    return m.lastgroup if m is not None else None


@lru_cache(maxsize=4096)
def money_role(label: str) -> str | None:
    """The money role a label names (a table's row labels and header cells repeat from table to table)."""
    return label_role(nfkc(label), _MONEY)


def clauses(text: str) -> list[str]:
    return [c for c in _CLAUSE.split(nfkc(text)) if c.strip()]


def money_in(text: str, label: str = "", unit_hint: str | None = None, *, prose: bool = False) -> list[Mention]:
    """Role-tagged amounts of a text: each clause's amounts, the role word before each (else the label's).

    A value of a field or a table row (`prose=False`) may be a bare number; in prose (`label` is then
    the section heading) an amount must say it is money.
    """
    if not has_digit(text) or _ISO_DATE.fullmatch(text):
        return []  # (an ISO date alone: each of its numbers is a date's, and a table's dates are most of its numbers)
    strict = prose or not (label or unit_hint)
    if strict and not may_say_money(text):
        return []
    text = nfkc(text)
    if strict and not _MONEYISH.search(text):
        return []  # (a clause's money word is one of the text's: no clause can say it is money)
    return _clause_money(text, label, unit_hint, prose)


def _clause_money(text: str, label: str, unit_hint: str | None, prose: bool) -> list[Mention]:
    """`money_in` clause by clause."""
    out: list[Mention] = []
    fallback: Any = _UNSET  # the label's role, worked out when an amount has none of its own
    strict = prose or not (label or unit_hint)
    for n, clause in enumerate(clauses(text)):
        if n == 1 and not prose:
            fallback = None  # a field's label names its value, not the sentences that follow it
        if strict and not _MONEYISH.search(clause):
            continue
        bare = strict or _WORDS.search(clause)  # a bare number is no amount here
        if bare and not MARKED.search(clause):
            continue  # (AMOUNT would find only bare numbers)
        for m in AMOUNT.finditer(clause):
            if not m.group("num"):
                continue
            marked = m.group("cur") or m.group("unit") or m.group("cur2")
            if not marked and bare:
                continue  # a bare number in prose ('from 2027', '300 partners') is no amount
            before = clause[m.start("num") - 1:m.start("num")] if m.start("num") else ""
            if before and not m.group("cur") and ((before.isascii() and before.isalpha()) or before in "-_/."):
                continue  # part of a code or a version ('v1.2', 'M4', 'CR-001')
            if _looks_like_date(clause, m.start("num"), m.end("num")) or _is_percent(clause, m.end()):
                continue  # (before parsing: a table's dates are most of its numbers)
            money = parse_money(m.group(0), unit_hint=unit_hint)
            if money is None or money.amount <= 0:
                continue
            role = role_of(clause, _MONEY, m.start())
            if role is None:
                if fallback is _UNSET:
                    fallback = money_role(label) if label else None
                role = fallback
            if role is not None:
                out.append(Mention(role, clause.strip(), money=money))
    return out


def dates_in(text: str, label: str = "") -> list[Mention]:
    """Role-tagged dates of a text (the role word before each date in its clause, else the first one
    after it, else the label's)."""
    out: list[Mention] = []
    fallback = label_role(nfkc(label), _DATES) if label else None
    for clause in clauses(text):
        for m in _DATE_TEXT.finditer(clause):
            when = parse_date(clause[m.start():m.start() + 40])
            if when is None:
                continue
            # English says the role before a date ('accepted on 30 October'), Chinese often after it
            # ('于2026年10月30日确认验收').
            role = role_of(clause, _DATES, m.start()) or label_role(clause[m.end():], _DATES) or fallback
            if role is not None:
                out.append(Mention(role, clause.strip(), when=when))
    return out


def _looks_like_date(text: str, start: int, end: int) -> bool:
    """The number is part of a date ('2026-06-30', '2026年12月')."""
    around = text[max(0, start - 8):end + 6]
    return bool(re.search(r"\d{4}\s*[-/.年]\s*\d{1,2}|\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{4}|\d\s*月", around)) and \
        not _MONEYISH.search(text[start:end + 3])


def _is_percent(text: str, end: int) -> bool:
    return text[end:end + 2].lstrip().startswith(("%", "％"))
