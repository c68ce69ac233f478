"""Whether a regular expression keeps matching when a text is widened by whole lines.

A section's content holds its sub-sections' (and the sibling sections it folds in): the text of one
place is often, line for line, part of another's. When a pattern that finds nothing in the wider text
could not have found anything in the narrower one either, a rule that asks whether any place matches
need not read the narrower place (`checker.analysis.sections.places_matching`).
"""
from __future__ import annotations

import re
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

# Zero-width tests that cannot tell a line feed from the text's edge: both are non-word characters.
_EDGE_BLIND = {c.AT_BOUNDARY, c.AT_NON_BOUNDARY}
_CHARS = {c.LITERAL, c.NOT_LITERAL, c.IN, c.ANY, c.GROUPREF}
_REPEATS = {c.MAX_REPEAT, c.MIN_REPEAT}


def survives_widening(pattern: re.Pattern[str]) -> bool:
    """True when `pattern.search(wide)` finds a match whenever `pattern.search(narrow)` does, for
    every `wide` that holds `narrow` between line feeds or its own ends ('x\\n' + narrow + '\\ny').

    A match in `narrow` is the same characters in `wide`; only what it tests beyond them differs: a
    line feed there instead of the text's edge, and text further on. Word boundaries (`\\b`, `\\B`)
    see a non-word character either way, and positive lookarounds that held still hold. The others
    (`^`, `$`, `\\A`, `\\Z`, negative lookarounds, atomic groups and possessive repeats, which may take
    the extra text and then fail) could fail in `wide`, so a pattern with any of them answers False
    — except a leading `\\A(?=.*?X)(?=.*?Y)` under DOTALL: X and Y each found anywhere (PMP-02's form).
    """
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - an unknown construct: no shortcut
        return False
    items = list(parsed)
    if items and items[0] == (c.AT, c.AT_BEGINNING_STRING):
        dotall = bool(parsed.state.flags & re.DOTALL)
        return dotall and len(items) > 1 and all(op is c.ASSERT and av[0] == 1 and _anywhere(list(av[1]))
                                                 for op, av in items[1:])
    return _positive(items)


def _anywhere(items: list) -> bool:
    """`.*?X` or `.*X` (a lookahead's content at the text's start, DOTALL): X found anywhere."""
    if not items or items[0][0] not in _REPEATS:
        return False
    low, high, body = items[0][1]
    return low == 0 and high == c.MAXREPEAT and list(body) == [(c.ANY, None)] and _positive(items[1:])


def _positive(items: Any) -> bool:
    for op, av in items:
        if op in _CHARS:
            continue
        if op is c.AT:
            if av not in _EDGE_BLIND:
                return False
        elif op is c.BRANCH:
            if not all(_positive(alt) for alt in av[1]):
                return False
        elif op is c.SUBPATTERN:
            if not _positive(av[-1]):
                return False
        elif op in _REPEATS:
            if not _positive(av[2]):
                return False
        elif op is c.ASSERT:
            if not _positive(av[1]):
                return False
        elif op is c.GROUPREF_EXISTS:
            if not (_positive(av[1]) and (av[2] is None or _positive(av[2]))):
                return False
        else:  # negative lookarounds, atomic groups, possessive repeats, anything unforeseen
            return False
    return True
