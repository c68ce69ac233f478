"""Language routing per paragraph or cell: which pipelines read a text.

A bilingual document mixes Chinese and English paragraphs, and a Chinese cell may hold an English
name ('负责人：Wei Zhang'). So a text is routed by what it holds, not by the document's language:
Chinese characters go through the Chinese pipeline (jieba), Latin words through the English one
(lemmas), a mixed text through both. The document's own language and the language of its messages
are worked out elsewhere (`checker.text.language`), from what most of its text is.
"""
from __future__ import annotations

import re

from checker.text.language import chinese_share

_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def languages(text: str) -> tuple[str, ...]:
    """The pipelines a text needs: ('en',), ('zh',), ('en', 'zh') for a mixed one, or () for none."""
    out = []
    if _LATIN_WORD.search(text):
        out.append("en")
    if not text.isascii() and _CJK.search(text):
        out.append("zh")
    return tuple(out)


def language(text: str) -> str | None:
    """`zh`, `en` or `mixed` for one paragraph or cell (None: no words at all), by its share of Chinese."""
    share = chinese_share(text)
    if share is None:
        return None
    if share >= 0.7:
        return "zh"
    if share <= 0.3:
        return "en"
    return "mixed"


def has_cjk(text: str) -> bool:
    return not text.isascii() and _CJK.search(text) is not None
