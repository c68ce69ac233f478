"""Whether a regular expression keeps matching when a text is widened by whole lines.

A section's content holds its sub-sections' (and the sibling sections it folds in): the text of one
place is often, line for line, part of another's. When a pattern that finds nothing in the wider text
could not have found anything in the narrower one either, a rule that asks whether any place matches
need not read the narrower place (`checker.analysis.sections.places_matching`).
"""
from __future__ import annotations

import re
from re import _compiler as sre_compile  # type: ignore[attr-defined]
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


def bounded_lookaheads(pattern: re.Pattern[str]) -> tuple[tuple[re.Pattern[str], int], ...]:
    """For a pattern `survives_widening` accepts in its `\\A(?=.*?X)(?=.*?Y)` form: each X whose match
    and what it tests around it are bounded, compiled alone, with a margin `k`: every character a
    match of X tests (its own, those its lookarounds and word boundaries look at) lies within `k`
    characters of each of them. A text joined from lines (`'\\n'`) then holds X only if a line does,
    or a window of whole lines holding at least `k` characters either side of a line feed does: a
    place that holds no X cannot match, and is told so without reading it whole
    (`checker.analysis.sections.places_matching`). () when the pattern has no such part."""
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - an unknown construct: no shortcut
        return ()
    items = list(parsed)
    if not items or items[0] != (c.AT, c.AT_BEGINNING_STRING) or not survives_widening(pattern):
        return ()
    out = []
    for _, av in items[1:]:
        body = list(av[1])[1:]  # X, after its leading `.*?`
        width, reach = sre_parse.SubPattern(parsed.state, body).getwidth()[1], _reach(body)
        if reach is not None and width < c.MAXREPEAT and not _refers(body):
            x = sre_compile.compile(sre_parse.SubPattern(parsed.state, body), pattern.flags)
            out.append((x, 2 * (width + reach) + 2))
    return tuple(out)


def _reach(items: Any) -> int | None:
    """How far beyond a match its lookarounds and word boundaries look (None: no bound)."""
    reach = 0
    for op, av in items:
        if op is c.AT:
            inner: int | None = 1
        elif op is c.ASSERT:
            width, nested = av[1].getwidth()[1], _reach(av[1])
            inner = None if nested is None or width >= c.MAXREPEAT else width + nested
        elif op is c.BRANCH:
            each = [_reach(alt) for alt in av[1]]
            inner = None if None in each else max(each, default=0)  # type: ignore[type-var]
        elif op is c.SUBPATTERN:
            inner = _reach(av[-1])
        elif op in _REPEATS:
            inner = _reach(av[2])
        else:
            inner = 0
        if inner is None:
            return None
        reach = max(reach, inner)
    return reach


def _refers(items: Any) -> bool:
    """Whether a backreference (to a group X may not hold) is in `items`."""
    for op, av in items:
        if op in (c.GROUPREF, c.GROUPREF_EXISTS):
            return True
        subs = ([av[1]] if op is c.ASSERT else av[1] if op is c.BRANCH else [av[-1]] if op is c.SUBPATTERN
                else [av[2]] if op in _REPEATS else [])
        if any(_refers(s) for s in subs):
            return True
    return False


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
