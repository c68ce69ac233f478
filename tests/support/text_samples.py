"""Texts that probe the placeholder and amount patterns: tricky on purpose (case folding, full width, CJK).

The prefilter and inventory tests both compare a fast path with the full regex over these.
"""
from __future__ import annotations

import random

SAMPLES = [
    "", "   ", "Budget", "TBD", "tbd.", "Owner: TBC", "ṪBD", "FıXME", "ſomething", "todo list", "xxx", "XXX-1",
    "[Insert project name]", "[…]", "< insert date >", "Lorem ipsum dolor", "Click or tap here to enter text.",
    "Error! Unknown document property name.", "DD/MM/YYYY", "yyyy-mmm-dd", "Draft/Final", "INSERT_TEXT_HERE",
    "待定", "预算：待定", "沟通机制待完善：模块间接口尚未统一，需要进一步协调各方意见", "XX公司", "某某", "××",
    "【此处填写项目名称】", "[请填写]", "（填写日期）", "请在此输入", "年 月 日", "2026年 3月 5日", "ＴＢＤ",
    "Amounts are in USD", "单位：万元", "Currency: CNY", "合计（万元）", "壹拾万元整", "伍角", "¥100,000",
]


def random_texts() -> list[str]:
    """The samples plus 5,000 random short strings over the letters the placeholder patterns care about."""
    rnd = random.Random(7)
    alphabet = list("abdfikostxTBDX?[]<> /-!_…年月日待定某×【】填写输入此处请（）ıİſK元角")
    out = list(SAMPLES)
    out += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 20))) for _ in range(5000)]
    return out
