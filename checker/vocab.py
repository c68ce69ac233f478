"""Predicates over the common lexicon, compiled once: placeholders, people versus roles, signatures.

Several rule kinds ask the same questions of a value ("is this template prompt text?", "is this a
person or only a role?"); answering them in one place keeps the rules consistent.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterable

from checker import lexicon
from checker.inventory import LOWER, NFKC, RAW, Search, TextSet, containing
from checker.text import nfkc, norm_label

# Roles and organisational units that do not name a person (COM-06 "name (person, not role)").
_ROLE_WORDS = re.compile(
    r"^(?:the\s+)?(?:project\s+)?(?:sponsor|manager|pm|pmo|director|ceo|cfo|cio|cto|owner|executive|"
    r"steering\s+committee|committee|board|team|department|dept|ccb|customer|client|vendor|supplier|"
    r"business\s+owner|senior\s+user|senior\s+supplier|approver|reviewer|name|signature|date)s?$"
    r"|^(?:项目)?(?:发起人|经理|负责人|总监|总经理|副总经理|主任|部长|处长|科长|组长|委员会|评审委员会|办公室|"
    r"管理办公室|部门|事业部|研发部|财务部|客户|甲方|乙方|供应商|pmo|签字|签名|姓名|日期|盖章)$",
    re.I,
)
_SIGNATURE_MARKERS = re.compile(
    r"/s/|signed|e-?sign|docusign|adobe\s*sign|approved|已签|签字|签名|签章|盖章|同意|批准|✓|✔|☑|\bok\b", re.I)


_WIDE = re.compile("[\uff01-\U0010ffff]")  # full-width forms (and beyond): NFKC needed first


@lru_cache(maxsize=1)
def _placeholder_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    spec = lexicon.common().get("placeholders") or {}
    return (re.compile(spec.get("en_regex", r"(?!x)x"), re.I), re.compile(spec.get("zh_regex", r"(?!x)x")))


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
        from re import _constants as c, _parser as sre_parse  # type: ignore[attr-defined]
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
        `checker.inventory.containing`, which asks it of many texts at once."""
        bases = tuple(bases)
        if self.anchors is None:
            return [Search(("",), bases)]  # every text may match
        if not self.fold:
            return [Search(self.anchors, bases)]
        return [Search(self.anchors, [b | LOWER for b in bases]), Search(_FOLD_CHARS, bases)]

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


@lru_cache(maxsize=1)
def _prefilters() -> tuple[Prefilter, Prefilter]:
    en, zh = _placeholder_patterns()
    return Prefilter(en), Prefilter(zh)


_PENDING_VALUE_LEN = 16  # '待定', '（待补充）', '预算：待定': a pending marker is the value itself


def _prose_pending(m: re.Match[str], text: str) -> bool:
    """'沟通机制待完善：模块间…' is a sentence that says something needs work, not a template prompt.

    待定/待补充/待完善 are prompts when they are (nearly) the whole value; inside a longer text
    they are ordinary Chinese, so they are not reported there.
    """
    return m.group(0).startswith("待") and len(text.strip()) > _PENDING_VALUE_LEN


@lru_cache(maxsize=32768)
def _placeholder_hits(text: str) -> tuple[re.Match[str], ...]:
    if not text.strip():
        return ()
    en, zh = _placeholder_patterns()
    en_filter, zh_filter = _prefilters()
    t = nfkc(text) if _WIDE.search(text) else text
    hits = list(en.finditer(t)) if en_filter.may_match(t) else []
    if zh_filter.may_match(t):
        hits += (m for m in zh.finditer(t) if not _prose_pending(m, t))
    hits.sort(key=lambda m: m.start())
    return tuple(hits)


def placeholder_matches(text: str) -> list[re.Match[str]]:
    """Every template placeholder in `text` (TBD, [Insert …], 待定, 【此处填写】, 年 月 日 …)."""
    if not text:
        return []
    return list(_placeholder_hits(text))


def placeholder_texts(sets: Iterable[TextSet]) -> dict[str, list[re.Match[str]]]:
    """The texts of `sets` that hold a placeholder, each with its matches (as `placeholder_matches`).

    `placeholder_matches` prefilters a text as is, or NFKC-normalised when it holds full-width forms:
    the candidates are the texts that pass the prefilters in either form.
    """
    en, zh = _prefilters()
    candidates = containing(sets, *en.searches((RAW, NFKC)), *zh.searches((RAW, NFKC)))
    return {t: found for t in candidates if (found := placeholder_matches(t))}


def is_placeholder(text: str) -> bool:
    """True when the value is nothing but template prompt text (or contains a prompt)."""
    return bool(placeholder_matches(text))


def is_role_only(text: str) -> bool:
    """True when a value that should name a person holds only a role or unit ('PM', '项目经理')."""
    t = norm_label(text)
    return bool(t) and bool(_ROLE_WORDS.match(t))


def names_a_person(text: str) -> bool:
    t = " ".join(text.split())
    if not t or is_placeholder(t) or is_role_only(t):
        return False
    return bool(re.search(r"[A-Za-z]{2,}|[\u4e00-\u9fff]{2,}", t))


def has_signature_marker(text: str) -> bool:
    """A signature cell counts when it holds a marker or any name-like text (a typed signature)."""
    t = text.strip()
    if not t or is_placeholder(t):
        return False
    return bool(_SIGNATURE_MARKERS.search(t)) or names_a_person(t)
