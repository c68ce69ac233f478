"""Generic text: a risk response or a lesson that says nothing concrete (RR-11, LL-08).

The standard: a response is generic-only when it is 'monitor/track/关注/跟踪/加强管理' with no object or
action of its own. So a text is generic when every word of it is one of the lexicon's
`generic_action` (monitor, follow up, 加强, 关注 …) or `generic_object` (the risk, the situation, 进度,
沟通 …) words: 'Monitor closely' and '加强沟通' are generic, 'Weekly call with the vendor's delivery
lead' and '每周与供应商核对交付计划' are not. A number or a date makes a text concrete.
"""
from __future__ import annotations

import re

from checker.nlp.reader import Reader

_DIGIT = re.compile(r"\d")


def is_generic(reader: Reader, text: str) -> bool:
    """Only generic words, no number, no date."""
    t = " ".join((text or "").split())
    if not t or _DIGIT.search(t) or not reader.may_cover(t, "generic_action", "generic_object"):
        return False
    covered = [(h.start, h.end) for h in reader.hits(t, "generic_action", "generic_object")]
    words = [w for w in reader.words(t) if w.is_word]
    return bool(words) and all(any(a <= w.start < b for a, b in covered) for w in words)
