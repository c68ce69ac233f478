"""Literal prefilters derived from regular expressions: a text without any of a pattern's anchors
cannot match it, so the (slow) regex is skipped there, and many texts are filtered at once with
`checker.text.search`."""
from __future__ import annotations

import re
from typing import Any, Iterable

from checker.text.search import LOWER, RAW, Search, TextSet, containing

# Prefilter: literal anchors derived from each regex (`literal_anchors`), of which every match contains at
# least one (compared case-folded when the regex ignores case). A text without any anchor cannot
# match, so the regex — ~0.3 µs per character, since every English alternative starts with `\b`
# under IGNORECASE — is skipped. Derived from the regexes themselves, so a tailored or edited
# lexicon keeps exact results (a regex without usable anchors simply always runs).
# Characters that IGNORECASE equates with an ASCII letter although str.lower() does not map them
# onto it (ı, İ, ſ, the Kelvin sign): a text holding one skips the case-folded prefilter.
_FOLD_CHARS = ("\u0130", "\u0131", "\u017f", "\u212a")
_FOLD_SPECIAL = re.compile(f"[{''.join(_FOLD_CHARS)}]")


def literal_anchors(pattern: re.Pattern[str]) -> tuple[tuple[str, ...] | None, bool]:
    """(substrings of which every match of `pattern` contains one, or None; whether to case-fold)."""
    try:
        from re import _constants as c  # type: ignore[attr-defined]
        from re import _parser as sre_parse
    except ImportError:  # pragma: no cover - older Pythons
        import sre_constants as c  # type: ignore[no-redef]
        import sre_parse  # type: ignore[no-redef]
    fold = [bool(pattern.flags & re.IGNORECASE)]
    zero_width = {c.AT, c.ASSERT, c.ASSERT_NOT}
    repeats = {c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)}

    def best(candidates: list[set[str]]) -> set[str] | None:
        return max(candidates, key=lambda s: (min(map(len, s)), -len(s)), default=None)

    def char_set(items: Any) -> set[str] | None:
        """[abc]: one of its characters (a class with ranges, categories or negation: nothing)."""
        if len(items) > 16 or any(op is not c.LITERAL for op, _ in items):
            return None
        return {chr(av) for _, av in items}

    def seq(items: Any) -> set[str] | None:
        candidates: list[set[str]] = []
        run: list[str] = []
        for op, av in items:
            if op is c.LITERAL:
                run.append(chr(av))
                continue
            if op in zero_width:
                continue  # consumes nothing: the literal run goes on
            if run:
                candidates.append({"".join(run)})
                run = []
            sub: set[str] | None = None
            if op is c.SUBPATTERN:
                if av[1] or av[2]:
                    fold[0] = True  # scoped flags: fold everything (only ever loosens the filter)
                sub = seq(av[-1])
            elif op is c.BRANCH:
                alts = [seq(a) for a in av[1]]
                sub = None if any(a is None for a in alts) else set().union(*alts)  # type: ignore[arg-type]
            elif op in repeats and av[0] >= 1:
                inner = list(av[2])
                sub = {chr(inner[0][1]) * min(av[0], 8)} if len(inner) == 1 and inner[0][0] is c.LITERAL \
                    else char_set(inner[0][1]) if len(inner) == 1 and inner[0][0] is c.IN else seq(inner)
            elif op is getattr(c, "ATOMIC_GROUP", None):
                sub = seq(av)
            elif op is c.IN:
                sub = char_set(av)
            if sub:
                candidates.append(sub)
        if run:
            candidates.append({"".join(run)})
        return best(candidates)

    try:
        found = seq(sre_parse.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001 - no prefilter is always correct
        return None, False
    if not found or not all(found):
        return None, False
    if fold[0]:
        found = {a.lower() for a in found}
    return tuple(sorted(found)), fold[0]


class Prefilter:
    """The anchors of a regex as one case-sensitive alternation (searched in the lower-cased text
    when the regex ignores case: IGNORECASE itself would make the scan as slow as the regex)."""

    __slots__ = ("anchors", "fold", "_search")

    def __init__(self, pattern: re.Pattern[str]):
        self.anchors, self.fold = literal_anchors(pattern)
        self._search = re.compile("|".join(re.escape(a) for a in sorted(self.anchors, key=len, reverse=True))).search \
            if self.anchors else None

    def may_match(self, t: str) -> bool:
        if self._search is None:
            return True
        if self.fold:
            if not t.isascii() and _FOLD_SPECIAL.search(t):
                return True
            t = t.lower()
        return self._search(t) is not None

    def searches(self, bases: Iterable[int] = (RAW,)) -> list[Search]:
        """What `may_match` asks of a text, as searches of its `bases` forms (RAW, NFKC) for
        `checker.text.search.containing`, which asks it of many texts at once."""
        bases = tuple(bases)
        if self.anchors is None:
            return [Search(("",), bases)]  # every text may match
        if not self.fold:
            return [Search(self.anchors, bases)]
        return [Search(self.anchors, [b | LOWER for b in bases]), Search(_FOLD_CHARS, bases)]

    def word_searches(self, base: int) -> list[Search] | None:
        """What `may_match` asks of texts joined by single spaces (each with its blanks collapsed),
        asked of each text alone in its `base` form: the join can pass only if one of its texts holds
        the first word of an anchor, since an anchor's first word has no blank and so lies inside one
        text (a case-folded filter also passes a text with a character that `lower()` cannot fold
        alone). None when there is no such search: no anchors, an anchor that opens with a blank,
        or a first word with a sigma (`lower()` folds it by its neighbours)."""
        if self.anchors is None:
            return None
        firsts = {a.split()[0] if a and not a[0].isspace() else "" for a in self.anchors}
        if "" in firsts or any(ch in word for word in firsts for ch in "σςΣ"):
            return None
        if not self.fold:
            return [Search(firsts, (base,))]
        return [Search(firsts, (base | LOWER,)), Search(_FOLD_CHARS, (base,))]

    def candidates(self, sets: Iterable[TextSet], bases: Iterable[int] = (RAW,)) -> set[str]:
        """The texts of `sets` for which `may_match` holds of one of their `bases` forms."""
        return containing(sets, *self.searches(bases))

def prefiltered(pattern: re.Pattern[str]):
    """`pattern.search`, skipped (None) for a text that holds none of the pattern's literal anchors."""
    pre = Prefilter(pattern)
    search = pattern.search
    if pre.anchors is None:
        return search
    may = pre.may_match

    def search_prefiltered(text: str, *args: Any) -> re.Match[str] | None:
        return search(text, *args) if may(text) else None
    return search_prefiltered
