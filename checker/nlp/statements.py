"""How a risk or an issue is worded: does it state a cause or an effect (RR-03), and does it read as
something that may happen (a risk) or as something that has happened (an issue: RR-04, IR-08)?

The standard's heuristic (RR-03): a causal connective ('because', 'due to', 'may lead to', '由于',
'可能导致', '从而') — the lexicon's `cause` and `effect` — or cause/effect columns of their own. A risk
is worded as uncertain ('may', 'could', 'risk of', '可能', '若'); an issue as present or past ('has
slipped', 'is blocked', 'already', '已经', '目前'): the lexicon's `uncertain` and `occurred`. A text with
both reads as a risk ('the vendor has missed two dates, so go-live may slip').
"""
from __future__ import annotations

from checker.nlp.reader import Reader


def states_cause_or_effect(reader: Reader, text: str) -> bool:
    return reader.has(text, "cause", "effect")


def reads_as_issue(reader: Reader, text: str) -> bool:
    """Worded as having happened or happening now, with nothing uncertain about it."""
    return reader.has(text, "occurred") and not reader.has(text, "uncertain")


def reads_as_risk(reader: Reader, text: str) -> bool:
    """Worded as something that may happen, and not as something that has."""
    return reader.has(text, "uncertain") and not reader.has(text, "occurred")
