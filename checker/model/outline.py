"""Headings to a section tree, and the numbering patterns that make a plain paragraph a heading.

Real documents often have no heading styles: `一、项目背景`, `（二）项目目标`, `3. Budget` typed in
bold. Readers decide *whether* a paragraph is a heading (they see bold and styles); this module says
*what level* a numbering implies and builds the tree.
"""
from __future__ import annotations

import re

from checker.model.elements import Block, Section

_LEVELS: list[tuple[re.Pattern[str], int]] = [
    (re.compile(r"^\s*第[一二三四五六七八九十百零〇\d]+[章部篇]"), 1),
    (re.compile(r"^\s*[一二三四五六七八九十]{1,3}\s*[、.．]"), 1),
    (re.compile(r"^\s*第[一二三四五六七八九十百零〇\d]+节"), 2),
    (re.compile(r"^\s*[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]"), 2),
    (re.compile(r"^\s*\d{1,2}[.．]\d{1,2}[.．]\d{1,2}(?:[.．]\d{1,2})?(?!\d)[.．]?\s*\S"), 3),
    (re.compile(r"^\s*\d{1,2}[.．]\d{1,2}(?![.．]?\d)[.．]?\s*\S"), 2),
    (re.compile(r"^\s*\d{1,2}(?:[.．、]|\s)\s*(?![\d.．])\S"), 1),
    (re.compile(r"^\s*[（(]\s*\d{1,2}\s*[)）]"), 3),
    (re.compile(r"^\s*(?:[A-H]|I{1,3}|IV|VI{0,3}|IX|X)[.)]\s+\S"), 1),
]
SENTENCE_END_MARKS = "。！？；;!?"  # a text ending with one is a sentence, no heading
_SENTENCE_END = re.compile(f"[{SENTENCE_END_MARKS}]$|[a-z]\\.$")
_FIELD_LINE = re.compile(r"[:：]\s*\S")  # 'Project Name: Apollo'
# What the first non-blank character of a numbered heading can be, besides a digit (see _LEVELS).
_NUMBER_STARTS = frozenset("第一二三四五六七八九十（(ABCDEFGHIVX")
TYPED_HEADING_MAX = 60  # the longest (stripped) text that may read as a typed heading


def numbered_heading_level(text: str) -> int | None:
    """The heading level a leading outline number implies, or None when there is none."""
    t = text.lstrip()  # what each pattern's leading \s* skips
    if not t or (t[0] not in _NUMBER_STARTS and not t[0].isdigit()):
        return None  # most lines: no pattern can match
    for pattern, level in _LEVELS:
        if pattern.match(text):
            return level
    return None


def looks_like_heading_text(text: str) -> bool:
    """Short, no sentence ending, not a `Label: value` line: what a typed heading looks like."""
    t = text.strip()
    if not t or len(t) > TYPED_HEADING_MAX or "\n" in t:
        return False
    if _SENTENCE_END.search(t):
        return False
    if _FIELD_LINE.search(t):  # 'Project Name: Apollo' is a field, not a heading
        return False
    return True


def build_outline(blocks: list[Block]) -> Section:
    """A tree of sections: the root (level 0) holds the preamble and the top-level sections."""
    root = Section(title="", level=0, heading=None)
    stack: list[Section] = [root]
    for block in blocks:
        if block.kind == "heading":
            level = max(1, block.level or 1)
            while stack[-1].level >= level and len(stack) > 1:
                stack.pop()
            section = Section(title=block.text.strip(), level=level, heading=block)
            stack[-1].children.append(section)
            stack.append(section)
        else:
            stack[-1].blocks.append(block)
    return root
