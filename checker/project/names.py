"""Project names and ids as they are compared: normalised, and matched with a typo's tolerance.

'《智慧仓储管理系统》建设项目', '智慧仓储管理系统' and '智慧仓储管理系统建设项目' name one project;
'Apollo CRM Migration Project' and 'Apollo CRM Migraton' too; 'CRM Phase 1' and 'CRM Phase 2' do not
(names whose numbers differ never match). Ids compare case-, width- and separator-blind.
"""
from __future__ import annotations

import re

from rapidfuzz import fuzz

from checker.text.normalize import has_cjk, nfkc

NAME_MATCH = 85  # least similarity (0–100) of two normalised names of one project
_BRACKETS = re.compile(r"[《》〈〉“”\"'‘’「」『』【】\[\]]")
_ZH_SUFFIXES = ("建设项目", "实施项目", "开发项目", "项目", "工程", "系统", "平台")
_EN_NOISE = re.compile(r"\b(?:the|project|programme|program|system|initiative)\b", re.I)
_SPACES = re.compile(r"\s+")
_ID_NOISE = re.compile(r"[\s\-_/.·:：]")


def normalize_name(name: str) -> str:
    """A name without brackets, quotes, case, width and the words that only say it is a project."""
    t = _BRACKETS.sub("", nfkc(name or "")).strip()
    t = re.sub(r"[(（][^)）]*[)）]\s*$", "", t).strip()  # a trailing '(English)', '（二期）' stays below
    if has_cjk(t):
        t = _SPACES.sub("", t)
        changed = True
        while changed:
            changed = False
            for suffix in _ZH_SUFFIXES:
                if t.endswith(suffix) and len(t) > len(suffix) + 1:
                    t, changed = t[: -len(suffix)], True
        return t
    t = _EN_NOISE.sub(" ", t.lower())
    return _SPACES.sub(" ", re.sub(r"[^\w\s]", " ", t)).strip()


def normalize_id(project_id: str) -> str:
    return _ID_NOISE.sub("", nfkc(project_id or "")).upper()


def similarity(a: str, b: str) -> float:
    """0–100: how alike two normalised names are (0 when their numbers differ)."""
    if not a or not b:
        return 0.0
    if a == b:
        return 100.0
    if re.findall(r"\d+", a) != re.findall(r"\d+", b):
        return 0.0
    if has_cjk(a) or has_cjk(b):
        return fuzz.ratio(a, b)
    return max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b))


def names_match(a: str, b: str, threshold: float = NAME_MATCH) -> bool:
    """Two normalised names of one project (typos and word order tolerated)."""
    return similarity(a, b) >= threshold
