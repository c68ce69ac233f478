"""How a risk or an issue is worded: does it state a cause or an effect (RR-03), and does it read as
something that may happen (a risk) or as something that has happened (an issue: RR-04, IR-08)?

The standard's heuristic (RR-03): a causal connective ('because', 'due to', 'may lead to', '由于',
'可能导致', '从而') — the lexicon's `cause` and `effect` — or cause/effect columns of their own. A risk
is worded as uncertain ('may', 'could', 'risk of', '可能', '若'); an issue as present or past ('has
slipped', 'is blocked', 'already', '已经', '目前'): the lexicon's `uncertain` and `occurred`. A text with
both reads as a risk ('the vendor has missed two dates, so go-live may slip').
"""
from __future__ import annotations

import re

from checker.nlp.reader import Reader
from checker.text.normalize import has_cjk

_CLAUSE = re.compile(r"[，,；;]")
_NEGATED = re.compile(r"\b(?:no|not|never)\b[^.;]*$", re.I)
_NEGATABLE = {"possible", "possibly", "likely"}
_MONTH_BEFORE = re.compile(r"\d\s*$")
_MONTH_AFTER = re.compile(r"\s*\d")


def states_cause_or_effect(reader: Reader, text: str) -> bool:
    """A causal connective, or — the Chinese way — a clause followed by one of what may happen
    ('缺少测试环境，系统测试可能延误两周': the first clause is the cause)."""
    return reader.has(text, "cause", "effect") or _clause_then_event(reader, text)


def reads_as_issue(reader: Reader, text: str) -> bool:
    """Worded as having happened or happening now, with nothing uncertain about it."""
    return reader.has(text, "occurred") and not _uncertain(reader, text)


def reads_as_risk(reader: Reader, text: str) -> bool:
    """Worded as something that may happen (also when it cites what has happened as its cause)."""
    return _uncertain(reader, text)


def _uncertain(reader: Reader, text: str) -> bool:
    """An uncertainty marker that is not negated ('no regression runs possible' states a fact) and is no
    month ('on 12 May')."""
    for h in reader.hits(text, "uncertain"):
        if h.text.lower() in _NEGATABLE and _NEGATED.search(text[max(0, h.start - 30): h.start]):
            continue
        if h.text == "May" and (_MONTH_BEFORE.search(text[:h.start]) or _MONTH_AFTER.match(text[h.end:])):
            continue
        return True
    return False


def _clause_then_event(reader: Reader, text: str) -> bool:
    if not has_cjk(text):
        return False
    clauses = [c for c in _CLAUSE.split(text) if c.strip()]
    return len(clauses) > 1 and any(reader.has(c, "uncertain") for c in clauses[1:])
