"""Normalisation, dates and money: the small parsers every rule and fact depends on."""
from datetime import date, datetime

import pytest

from checker.text.dates import date_line, parse_date
from checker.text.language import detect_language
from checker.text.money import names_currency, parse_money
from checker.text.normalize import label_unit, norm_label, strip_numbering
from checker.text.versions import parse_version


@pytest.mark.parametrize("raw, expected", [
    ("一、项目背景", "项目背景"),
    ("（二）项目目标", "项目目标"),
    ("3. Budget", "budget"),
    ("3.1 Cost Baseline", "cost baseline"),
    ("*项目名称（必填）：", "项目名称"),
    ("Ｐｒｏｊｅｃｔ　Ｎａｍｅ:", "project name"),
    ("第三章 风险管理", "风险管理"),
    ("(1) 范围", "范围"),
])
def test_norm_label_ignores_numbering_marks_and_width(raw, expected):
    assert norm_label(raw) == expected


def test_numbering_does_not_eat_numbers_that_are_content():
    assert strip_numbering("2026 roadmap") == "2026 roadmap"
    assert norm_label("100% coverage") == "100% coverage"


def test_label_unit_is_kept_as_metadata():
    assert label_unit("预算金额（万元）") == "万元"
    assert label_unit("Budget (USD)") == "USD"
    assert label_unit("Budget") is None


@pytest.mark.parametrize("raw, expected", [
    ("2026-03-05", date(2026, 3, 5)),
    ("2026/3/5", date(2026, 3, 5)),
    ("2026.03.05", date(2026, 3, 5)),
    ("2026年3月5日", date(2026, 3, 5)),
    ("2026 年 3 月", date(2026, 3, 1)),
    ("March 5, 2026", date(2026, 3, 5)),
    ("5 Mar 2026", date(2026, 3, 5)),
    ("25/03/2026", date(2026, 3, 25)),
    ("03/25/2026", date(2026, 3, 25)),
    (datetime(2026, 3, 5, 10, 0), date(2026, 3, 5)),
    ("二〇二六年三月五日", date(2026, 3, 5)),
    ("二零二六 年 十二 月 二十五 日", date(2026, 12, 25)),
    ("二〇二六年十月", date(2026, 10, 1)),
])
def test_dates_in_the_forms_documents_use(raw, expected):
    assert parse_date(raw) == expected


def test_ambiguous_and_impossible_dates_are_not_guessed():
    assert parse_date("03/04/2026") is None
    assert parse_date("03/04/2026", day_first=True) == date(2026, 4, 3)
    assert parse_date("2024-02-30") is None
    assert parse_date("年 月 日") is None
    assert parse_date("二〇二六年十三月") is None


@pytest.mark.parametrize("line, expected", [
    ("2026年3月", date(2026, 3, 1)),
    ("二〇二六年三月", date(2026, 3, 1)),
    ("二零二六 年 三 月 五 日", date(2026, 3, 5)),
    ("March 2026", date(2026, 3, 1)),
    ("Sept. 2026", date(2026, 9, 1)),
    ("5 March 2026", date(2026, 3, 5)),
    ("Date: 2026-03-05", date(2026, 3, 5)),
    ("16 February 2026 – 8 May 2026", None),  # a period, not the document's date
    ("Project Period: Feb 2026 to May 2026", None),
    ("Kick-off on 5 March 2026", None),  # a sentence with a date in it
    ("Week 12 2026", None),
    ("Apollo Migration", None),
])
def test_a_date_line_is_only_a_date_or_a_month_and_year(line, expected):
    assert date_line(line) == expected


@pytest.mark.parametrize("raw, hint, amount, currency", [
    ("350万元", None, 3_500_000, "CNY"),
    ("¥1,200,000", None, 1_200_000, "CNY"),
    ("USD 120,000", None, 120_000, "USD"),
    ("$1.2M", None, 1_200_000, "USD"),
    ("350", "万元", 3_500_000, "CNY"),
    ("1.5亿元", None, 150_000_000, "CNY"),
    ("EUR 80k", None, 80_000, "EUR"),
    ("50,000 EGP", None, 50_000, "EGP"),  # any ISO 4217 code, after the amount as well as before
    ("KES 1,200,000", None, 1_200_000, "KES"),
    ("₹ 5,00,000", None, 500_000, "INR"),  # a currency sign, and the Indian grouping
    ("₦250,000", None, 250_000, "NGN"),
    ("R$ 3.500", None, 3.5, "BRL"),
    ("1,200 €", None, 1200, "EUR"),
    ("300", "Cost (ZAR)", 300, "ZAR"),
])
def test_money_normalises_unit_and_currency(raw, hint, amount, currency):
    money = parse_money(raw, unit_hint=hint)
    assert money is not None
    assert money.amount == pytest.approx(amount)
    assert money.currency == currency


def test_a_bare_small_number_is_not_money():
    assert parse_money("Phase 3") is None


def test_versions_compare_as_numbers():
    assert parse_version("V1.10") > parse_version("v1.9")
    assert parse_version("1.0 draft") == parse_version("1")
    assert parse_version("第2版") == (2,)
    assert parse_version("draft") is None


def test_language_detection():
    assert detect_language("项目章程 项目背景 本项目旨在建设智慧仓储管理系统") == "zh"
    assert detect_language("The project charter authorises the project manager to apply resources") == "en"
    assert detect_language("项目章程 Project Charter 项目背景 Background and business need") == "mixed"


def test_a_mostly_chinese_document_with_english_terms_is_spoken_to_in_chinese():
    from checker.text.language import message_language

    text = "项目总结报告 本项目完成了 CRM migration 和 data cleansing，交付了 user training 与 go-live 支持"
    assert detect_language(text) == "mixed"
    assert message_language(text) == "zh"
    assert message_language("Project closure report 项目总结 for the CRM migration and the data cleansing work") == "en"
@pytest.mark.parametrize("text, names", [
    ("Cost (EGP)", True), ("Budget in INR", True), ("500 PLN", True), ("₺12,000", True), ("¤ 300", True),
    ("Rs. 5000", True), ("5000 kr", True), ("CAD 3000", True), ("hosting M0–M300", True), ("R2,500", True),
    ("Q3 review", False), ("W12 plan", False), ("V2 release", False), ("A4 paper", False),
    ("ALL COSTS 5000", False),  # a code that is an English word counts only beside a number
    ("the CAD drawings", False), ("Top 100 risks", False), ("XXX 500", False), ("WBS 1.2.3", False),
    ("approx. 300 units", False),
])
def test_a_currency_is_any_iso_code_sign_or_currency_word(text, names):
    assert names_currency(text) is names
