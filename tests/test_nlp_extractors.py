"""The extractors of checker/nlp on the cases a PMO document throws at them: dates into ISO dates and
ranges (locale, quarters, Excel serials), money with currency, unit and 大写, percentages, durations,
and people versus roles versus departments."""
from __future__ import annotations

from datetime import date

import pytest

from checker.lexicon.vocabulary import shipped_vocabulary
from checker.nlp.dates import find_dates, find_range
from checker.nlp.money import find_amounts
from checker.nlp.parties import parties
from checker.nlp.quantities import find_durations, find_percentages
from checker.nlp.reader import reader
from checker.nlp.routing import languages
from checker.text.dates import excel_serial
from checker.text.language import detect_language
from checker.text.money import upper_to_number


@pytest.mark.parametrize("text, iso", [
    ("2026-03-01", "2026-03-01"), ("2026年3月1日", "2026-03-01"), ("2026/3/1", "2026-03-01"),
    ("Q3 2026", "2026-07-01/2026-09-30"), ("2026年第三季度", "2026-07-01/2026-09-30"), ("2026 Q4", "2026-10-01/2026-12-31"),
    ("H1 2027", "2027-01-01/2027-06-30"), ("2027年下半年", "2027-07-01/2027-12-31"), ("March 2026", "2026-03-01/2026-03-31"),
    ("2026年6月底前", "2026-06-30"), ("by end of 2026", "2026-12-31"), ("2026年底", "2026-12-31"),
])
def test_dates_as_iso_dates_or_ranges(text, iso):
    assert [d.iso for d in find_dates(text)] == [iso]


def test_dd_mm_needs_the_locale_and_impossible_dates_are_none():
    assert find_dates("Signed 01/03/2026") == []  # 1 March or 3 January: ambiguous without a locale
    assert [d.iso for d in find_dates("Signed 01/03/2026", day_first=True)] == ["2026-03-01"]
    assert [d.iso for d in find_dates("Signed 01/03/2026", day_first=False)] == ["2026-01-03"]
    assert find_dates("2026-02-30") == []


def test_a_period_is_one_range_and_versions_are_no_dates():
    assert find_range("Reporting period: 2026-03-23 to 2026-03-29").iso == "2026-03-23/2026-03-29"
    assert find_range("试运行：2026年9月7日至9月18日").iso == "2026-09-07/2026-09-18"
    assert find_dates("Release 1.0.3 of version 2.3.1") == []


def test_excel_serials():
    assert excel_serial(45356) == date(2024, 3, 5)
    assert excel_serial("46022") == date(2025, 12, 31)
    assert excel_serial(12) is None and excel_serial("TBD") is None and excel_serial(True) is None


def test_money_with_currency_unit_and_words():
    got = [(a.value, a.currency, a.in_words) for a in find_amounts("合计：¥125,000.00（人民币壹拾贰万伍仟元整）")]
    assert got == [(125000.0, "CNY", False), (125000.0, "CNY", True)]
    assert [(a.value, a.currency) for a in find_amounts("$1.2M one-off, 350万元 a year, EUR 30k")] == [
        (1_200_000.0, "USD"), (3_500_000.0, "CNY"), (30_000.0, "EUR")]
    assert upper_to_number("壹佰贰拾万零伍佰元伍角陆分") == pytest.approx(1_200_500.56)
    assert find_amounts("Item 45 of 220") == []  # a bare number is no money
    assert [a.value for a in find_amounts("120", unit_hint="预算（万元）")] == [1_200_000.0]


def test_percentages_and_durations():
    assert [(p.value, p.points) for p in find_percentages("由62%提升至80%，下降百分之十五，提高3个百分点")] == [
        (62.0, False), (80.0, False), (15.0, False), (3.0, True)]
    got = [(d.value, d.unit, d.days) for d in find_durations("7天、两周、3个月内、10 working days、半年")]
    assert got == [(7.0, "day", 7), (2.0, "week", 14), (3.0, "month", 90), (10.0, "working_day", 14), (0.5, "year", 182.5)]
    assert find_durations("2026年3月5日") == []  # a date, not a length of time


@pytest.mark.parametrize("text, kinds, name, role", [
    ("Wei Zhang", ["person"], "Wei Zhang", None),
    ("IT Department", ["department"], None, None),
    ("项目经理", ["role"], None, None),
    ("UI Lead, Mr. Li", ["person"], "Mr. Li", "UI Lead"),
    ("张伟、李娜", ["person", "person"], "张伟", None),
    ("李明轩（项目经理）", ["person"], "李明轩", "项目经理"),
    ("Marcus Webb, Senior Project Manager", ["person"], "Marcus Webb", "Senior Project Manager"),
    ("Head of IT", ["role"], None, None),
])
def test_people_roles_and_departments(text, kinds, name, role):
    found = parties(reader(shipped_vocabulary()), text)
    assert [p.kind for p in found] == kinds
    assert (found[0].name, found[0].role) == (name, role)


def test_language_routing_per_paragraph_or_cell():
    assert languages("负责人：Wei Zhang") == ("en", "zh")
    assert languages("项目经理") == ("zh",) and languages("Project Manager") == ("en",) and languages("2026") == ()
    # A text's own language is checker.text's, the one the document's language is worked out with.
    assert detect_language("The project is on track.") == "en" and detect_language("项目进展顺利。") == "zh"
    assert detect_language("本周完成数据迁移演练和 UAT sign-off") == "mixed"


def test_words_are_matched_on_lemmas_and_jieba_words():
    r = reader(shipped_vocabulary())
    assert [h.text for h in r.hits("Improved and optimised reporting", "vague")] == ["Improved", "optimised"]
    assert r.hits("合同有效期三年", "vague") == []  # 有效 is inside the word 有效期 (validity period)
    assert [h.text for h in r.hits("完成系统优化", "vague")] == ["优化"]  # a word of 系统优化
