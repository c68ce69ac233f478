"""Language routing per paragraph or cell: which pipelines read a text.

A bilingual document mixes Chinese and English paragraphs, and a Chinese cell may hold an English
name ('负责人：Wei Zhang'). So a text is routed by what it holds, not by the document's language:
Chinese characters go through the Chinese pipeline (jieba), Latin words through the English one
(lemmas), a mixed text through both. The document's own language and the language of its messages
are worked out elsewhere (`checker.text.language`, which also says a single text's language), from
what most of its text is.
"""
from __future__ import annotations

import re

from checker.text.normalize import has_cjk

_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def languages(text: str) -> tuple[str, ...]:
    """The pipelines a text needs: ('en',), ('zh',), ('en', 'zh') for a mixed one, or () for none."""
    out = []
    if _LATIN_WORD.search(text):
        out.append("en")
    if has_cjk(text):
        out.append("zh")
    return tuple(out)
