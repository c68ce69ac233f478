"""Project names, ids and people's names as they are compared: normalised, and matched with a typo's tolerance.

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
    """A name without brackets, quotes, case, width and spacing: how it is written, compared."""
    t = _BRACKETS.sub("", nfkc(name or "")).strip()
    t = re.sub(r"[(（][^)）]*[)）]\s*$", "", t).strip()  # a trailing '(English)' or '（二期）'
    if has_cjk(t):
        return _SPACES.sub("", t)
    return _SPACES.sub(" ", re.sub(r"[^\w\s]", " ", t.lower())).strip()


def core_name(name: str) -> str:
    """A normalised name without the words that only say it is a project ('…建设项目', '… Project')."""
    t = normalize_name(name)
    if has_cjk(t):
        changed = True
        while changed:
            changed = False
            for suffix in _ZH_SUFFIXES:
                if t.endswith(suffix) and len(t) > len(suffix) + 1:
                    t, changed = t[: -len(suffix)], True
        return t
    return _SPACES.sub(" ", _EN_NOISE.sub(" ", t)).strip()


def normalize_id(project_id: str) -> str:
    return _ID_NOISE.sub("", nfkc(project_id or "")).upper()


def similarity(a: str, b: str) -> float:
    """0–100: how alike two project names are, as written and without their 'project' words (0 when
    their numbers differ)."""
    if not a or not b:
        return 0.0
    full_a, full_b = normalize_name(a), normalize_name(b)
    core_a, core_b = core_name(a), core_name(b)
    if core_a == core_b or full_a == full_b:
        return 100.0
    if re.findall(r"\d+", full_a) != re.findall(r"\d+", full_b):
        return 0.0
    return max(_ratio(full_a, full_b), _ratio(core_a, core_b))


def _ratio(a: str, b: str) -> float:
    if has_cjk(a) or has_cjk(b):
        return fuzz.ratio(a, b)
    return max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b))


def names_match(a: str, b: str, threshold: float = NAME_MATCH) -> bool:
    """Two names of one project (typos, word order and 'project' words tolerated)."""
    return similarity(a, b) >= threshold


def person_key(name: str) -> str:
    """A person's name as compared: no titles, brackets, case, width or spaces."""
    t = nfkc(name or "")
    t = re.sub(r"[(（][^)）]*[)）]", "", t)
    t = re.sub(r"^(?:mr|mrs|ms|dr|prof)\.?\s+", "", t.strip(), flags=re.I)
    return re.sub(r"[\s.·•]+", "", t).casefold()
