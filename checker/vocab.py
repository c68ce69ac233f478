"""Predicates over the common lexicon, compiled once: placeholders, people versus roles, signatures.

Several rule kinds ask the same questions of a value ("is this template prompt text?", "is this a
person or only a role?"); answering them in one place keeps the rules consistent.
"""
from __future__ import annotations

import re
from functools import lru_cache

from checker import lexicon
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


def placeholder_matches(text: str) -> list[re.Match[str]]:
    """Every template placeholder in `text` (TBD, [Insert …], 待定, 【此处填写】, 年 月 日 …)."""
    if not text or not text.strip():
        return []
    en, zh = _placeholder_patterns()
    t = nfkc(text) if _WIDE.search(text) else text
    hits = list(en.finditer(t)) + list(zh.finditer(t))
    hits.sort(key=lambda m: m.start())
    return hits


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
