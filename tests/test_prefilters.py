"""The literal prefilters in front of the hot regexes (checker/lexicon/predicates.py, checker/text/prefilter.py) must never change a result.

No timing here: these check that a prefilter is in place and that it only skips texts the regex
could not match anyway.
"""
from __future__ import annotations

import re

from checker.kinds.money_units import _DECLARED, _DECLARED_SEARCH
from checker.kinds.uppercase_amount import _UPPER_SEARCH, UPPER
from checker.lexicon import predicates as vocab
from checker.lexicon.vocabulary import shipped_vocabulary
from checker.text.prefilter import literal_anchors
from tests.support.text_samples import random_texts

VOCAB = shipped_vocabulary()
PLACEHOLDERS = vocab.placeholders(VOCAB)


def _full_placeholders(text: str) -> list[tuple[int, str]]:
    if not text or not text.strip():
        return []
    en, zh = PLACEHOLDERS.en, PLACEHOLDERS.zh
    t = vocab.nfkc(text) if vocab._WIDE.search(text) else text
    hits = list(en.finditer(t)) + [m for m in zh.finditer(t) if not vocab._prose_pending(m, t)]
    hits.sort(key=lambda m: m.start())
    return [(m.start(), m.group(0)) for m in hits]


def test_placeholder_prefilters_are_in_place():
    en, zh = PLACEHOLDERS.en_filter, PLACEHOLDERS.zh_filter
    assert en.anchors and zh.anchors
    assert en.fold and not zh.fold


def test_placeholder_matches_equal_the_full_regexes():
    for text in random_texts():
        got = [(m.start(), m.group(0)) for m in vocab.placeholder_matches(VOCAB, text)]
        assert got == _full_placeholders(text), text


def test_prefiltered_search_equals_search():
    for pattern, search in ((_DECLARED, _DECLARED_SEARCH), (UPPER, _UPPER_SEARCH)):
        for text in random_texts():
            want, got = pattern.search(text), search(text)
            assert (want.span() if want else None) == (got.span() if got else None), (pattern.pattern[:20], text)


def test_literal_anchors():
    assert literal_anchors(re.compile(r"\bfoo\b|bar+")) == (("ba", "foo"), False)  # `r+` starts a new run
    assert literal_anchors(re.compile(r"[ab]c", re.I)) == (("c",), True)
    assert literal_anchors(re.compile(r"x{3,}"))[0] == ("xxx",)
    assert literal_anchors(re.compile(r"[元圆]"))[0] == ("元", "圆")
    assert literal_anchors(re.compile(r"\d+|foo"))[0] is None  # an alternative without a literal
