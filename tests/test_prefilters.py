"""The literal prefilters in front of the hot regexes (checker/lexicon/predicates.py, checker/text/prefilter.py) must never change a result.

No timing here: these check that a prefilter is in place and that it only skips texts the regex
could not match anyway.
"""
from __future__ import annotations

import random
import re

from checker.kinds.money_units import _DECLARED, _DECLARED_SEARCH
from checker.kinds.uppercase_amount import _UPPER_SEARCH, UPPER
from checker.lexicon import predicates as vocab
from checker.lexicon.vocabulary import shipped_vocabulary
from checker.text.prefilter import literal_anchors

VOCAB = shipped_vocabulary()
PLACEHOLDERS = vocab.placeholders(VOCAB)

SAMPLES = [
    "", "   ", "Budget", "TBD", "tbd.", "Owner: TBC", "ṪBD", "FıXME", "ſomething", "todo list", "xxx", "XXX-1",
    "[Insert project name]", "[…]", "< insert date >", "Lorem ipsum dolor", "Click or tap here to enter text.",
    "Error! Unknown document property name.", "DD/MM/YYYY", "yyyy-mmm-dd", "Draft/Final", "INSERT_TEXT_HERE",
    "待定", "预算：待定", "沟通机制待完善：模块间接口尚未统一，需要进一步协调各方意见", "XX公司", "某某", "××",
    "【此处填写项目名称】", "[请填写]", "（填写日期）", "请在此输入", "年 月 日", "2026年 3月 5日", "ＴＢＤ",
    "Amounts are in USD", "单位：万元", "Currency: CNY", "合计（万元）", "壹拾万元整", "伍角", "¥100,000",
]


def _full_placeholders(text: str) -> list[tuple[int, str]]:
    if not text or not text.strip():
        return []
    en, zh = PLACEHOLDERS.en, PLACEHOLDERS.zh
    t = vocab.nfkc(text) if vocab._WIDE.search(text) else text
    hits = list(en.finditer(t)) + [m for m in zh.finditer(t) if not vocab._prose_pending(m, t)]
    hits.sort(key=lambda m: m.start())
    return [(m.start(), m.group(0)) for m in hits]


def _texts() -> list[str]:
    rnd = random.Random(7)
    alphabet = list("abdfikostxTBDX?[]<> /-!_…年月日待定某×【】填写输入此处请（）ıİſK元角")
    out = list(SAMPLES)
    out += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 20))) for _ in range(5000)]
    return out


def test_placeholder_prefilters_are_in_place():
    en, zh = PLACEHOLDERS.en_filter, PLACEHOLDERS.zh_filter
    assert en.anchors and zh.anchors
    assert en.fold and not zh.fold


def test_placeholder_matches_equal_the_full_regexes():
    for text in _texts():
        got = [(m.start(), m.group(0)) for m in vocab.placeholder_matches(VOCAB, text)]
        assert got == _full_placeholders(text), text


def test_prefiltered_search_equals_search():
    for pattern, search in ((_DECLARED, _DECLARED_SEARCH), (UPPER, _UPPER_SEARCH)):
        for text in _texts():
            want, got = pattern.search(text), search(text)
            assert (want.span() if want else None) == (got.span() if got else None), (pattern.pattern[:20], text)


def test_literal_anchors():
    assert literal_anchors(re.compile(r"\bfoo\b|bar+")) == (("ba", "foo"), False)  # `r+` starts a new run
    assert literal_anchors(re.compile(r"[ab]c", re.I)) == (("c",), True)
    assert literal_anchors(re.compile(r"x{3,}"))[0] == ("xxx",)
    assert literal_anchors(re.compile(r"[元圆]"))[0] == ("元", "圆")
    assert literal_anchors(re.compile(r"\d+|foo"))[0] is None  # an alternative without a literal
