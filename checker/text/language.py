"""The language of a document: Chinese, English or mixed, from its share of Chinese characters."""
from __future__ import annotations

import re

_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")

_SAMPLE_FULL = 40_000  # shorter texts are counted whole
_SAMPLE_CHUNKS, _SAMPLE_CHUNK = 10, 2_000  # else ~20k characters in chunks spread over the text
_SAMPLE_MARGIN = 0.1  # a sample's share this close to a threshold: count the whole text


def _zh_share(sample: str) -> float | None:
    cjk = 0 if sample.isascii() else len(_CJK.findall(sample))
    latin = len(_LATIN_WORD.findall(sample))
    # One Chinese word is about two characters; weigh accordingly.
    zh_weight, en_weight = cjk / 2.0, float(latin)
    total = zh_weight + en_weight
    return None if total == 0 else zh_weight / total


def detect_language(text: str) -> str:
    """`zh`, `en` or `mixed`, from the share of Chinese characters against Latin words."""
    share = chinese_share(text)
    if share is None:
        return "en"
    if share >= 0.7:
        return "zh"
    if share <= 0.3:
        return "en"
    return "mixed"


def message_language(text: str) -> str:
    """The language to speak to the document's readers in: Chinese when most of its text is (a Chinese
    report full of English terms is `mixed`, and its readers read Chinese)."""
    share = chinese_share(text)
    return "zh" if share is not None and share >= 0.5 else "en"


def chinese_share(text: str) -> float | None:
    """The weighed share of Chinese in `text` (None: no words at all).

    A long text is judged from ~20k characters spread over its first 200k; when that sample's share
    is near a threshold (0.3, 0.5 or 0.7) the whole 200k are counted.
    """
    text = text[:200_000]
    share = None
    if len(text) > _SAMPLE_FULL:
        step = len(text) // _SAMPLE_CHUNKS
        sample = "\n".join(text[i * step: i * step + _SAMPLE_CHUNK] for i in range(_SAMPLE_CHUNKS))
        share = _zh_share(sample)
        if share is not None and any(abs(share - t) < _SAMPLE_MARGIN for t in (0.3, 0.5, 0.7)):
            share = None
        if share is None:
            share = _zh_share(text)
        return share
    return _zh_share(text)
