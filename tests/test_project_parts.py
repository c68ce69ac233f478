"""The parts the project view is built of, on the texts real documents write: role-tagged amounts and
dates, id keys, project names, version order and grouping of stored entries."""
from __future__ import annotations

from datetime import date

import pytest

from checker.analysis.summary.located import id_key
from checker.analysis.summary.mentions import dates_in, money_in
from checker.project.grouping import group, key_and_name
from checker.project.model import Doc
from checker.project.names import names_match
from checker.project.versions import lines, stem


def roles(text: str, label: str = "", unit: str | None = None) -> list[tuple[str, float, str | None]]:
    return [(m.role, m.money.amount, m.money.currency) for m in money_in(text, label, unit)]


@pytest.mark.parametrize("text, expected", [
    ("The pre-approved budget is USD 1,200,000, including a 10% contingency reserve.",
     [("total", 1200000, "USD")]),
    ("项目总预算为人民币360万元，其中不可预见费20万元。", [("total", 3600000, "CNY"), ("contingency", 200000, "CNY")]),
    ("项目总预算为人民币3,600,000元。", [("total", 3600000, "CNY")]),
    ("Budget USD 1,200,000, actual USD 1,150,000: 4% under budget.",
     [("total", 1200000, "USD"), ("actual", 1150000, "USD")]),
    ("One-off cost USD 1,200,000; running cost USD 80,000 per year.",
     [("total", 1200000, "USD"), ("running", 80000, "USD")]),
    ("批复预算360万元，批准范围为一期。", [("authorized", 3600000, "CNY")]),
    ("cost baseline v1.2 (BAC) USD 1,172,000", [("bac", 1172000, "USD")]),  # 'v1.2' is a version, not money
    ("Saving of USD 300,000 a year from 2027 for 420 users.", [("benefit", 300000, "USD")]),  # '2027', '420': no amounts
])
def test_amounts_take_the_role_of_the_words_before_them(text, expected):
    assert roles(text) == expected


def test_a_labelled_value_takes_its_labels_role_and_unit():
    assert roles("1,153,000", "Estimate at completion (EAC = AC + ETC)", "USD") == [("eac", 1153000, "USD")]
    assert roles("1,128,600", "Actual cost to date (AC, as at 2026-09-18)", "USD") == [("ac", 1128600, "USD")]
    assert roles("343.80", "成本基准", "万元") == [("baseline", 3438000, "CNY")]
    # the label names its value only: the sentences after it have roles of their own, or none
    assert roles("USD 1,200,000: approved changes drew USD 32,000 from the reserve", "Authorised budget") == \
        [("authorized", 1200000, "USD")]
    assert roles("USD 1,200,000: a management reserve of USD 60,000", "Authorised budget") == \
        [("authorized", 1200000, "USD"), ("reserve", 60000, "USD")]


def test_dates_take_the_role_of_the_words_around_them():
    found = [(m.role, m.when) for m in dates_in("Planned finish 2026-06-30, actual finish 2026-06-15: 15 days early.")]
    assert found == [("planned_end", date(2026, 6, 30)), ("actual_end", date(2026, 6, 15))]
    found = [(m.role, m.when) for m in dates_in("运维负责人已于2026年10月30日确认验收。")]
    assert found == [("accepted", date(2026, 10, 30))]


@pytest.mark.parametrize("a, b", [("CR-007", "cr7"), ("CR-007", "ＣＲ－７"), ("R-04", "R4"), ("BG_004", "BG-4")])
def test_ids_compare_by_prefix_and_number(a, b):
    assert id_key(a) == id_key(b) is not None


@pytest.mark.parametrize("a, b, same", [
    ("Apollo CRM Migration", "Apollo CRM Migraton", True),          # a typo
    ("Apollo CRM Migration Project", "apollo crm migration", True),  # 'Project', case
    ("《智慧仓储管理系统》", "智慧仓储管理系统建设项目", True),           # brackets and 建设项目
    ("智慧仓储管理系统建没项目", "智慧仓储管理系统建设项目", True),        # a typo in Chinese
    ("CRM Phase 1", "CRM Phase 2", False),                           # numbers differ
    ("Apollo CRM Migration", "Hermes Billing Upgrade", False),
])
def test_project_names_match_with_a_typos_tolerance(a, b, same):
    assert names_match(a, b) is same


def _entry(path: str, doc_type: str = "CHARTER", **identity: str) -> dict:
    return {"path": path, "doc_type": doc_type, "language": "en", "findings": [], "error": None,
            "summary": {"identity": {k: {"value": v, "location": {}} for k, v in identity.items()}}}


def test_versions_sort_by_number_then_date_then_marks():
    docs = [Doc(_entry("p/charter_v1.1.docx", version="1.1")), Doc(_entry("p/charter_v1.0.docx", version="1.0")),
            Doc(_entry("p/charter_20260115.docx")), Doc(_entry("p/项目章程（修订版）.docx")),
            Doc(_entry("p/charter_draft.docx"))]
    for doc, parsed in zip(docs[:2], ([1, 1], [1, 0])):
        doc.summary["identity"]["version"]["parsed"] = parsed
    [line] = lines(docs)
    # no number, no date: a revised one after the original, a draft before; a date after no date
    assert [d.path.rsplit("/", 1)[-1] for d in line] == [
        "charter_draft.docx", "项目章程（修订版）.docx", "charter_20260115.docx", "charter_v1.0.docx", "charter_v1.1.docx"]
    assert stem("p/charter_v1.1.docx") == stem("p/charter (2).docx") == "charter"


def test_status_reports_are_a_series_not_versions():
    reports = [Doc({**_entry(f"p/weekly_{n}.docx", "STATUS_REPORT"), "summary": {
        "dates": {"period_end": {"value": f"2026-03-{n:02d}", "location": {}}}}}) for n in (6, 13, 20)]
    assert len(lines(reports)) == 3


def test_grouping_of_stored_entries_by_id_then_name_then_folder():
    docs = [Doc(_entry("a/charter.docx", id="PRJ-1", name="Apollo CRM Migration")),
            Doc(_entry("a/plan.docx", "PMP", id="prj 1")),                        # the id, spelled otherwise
            Doc(_entry("b/brief.docx", "PMP", name="Apollo CRM Migraton")),       # the name, with a typo
            Doc(_entry("a/minutes.docx", "MEETING_MINUTES")),                     # nothing: its folder's project
            Doc(_entry("c/other.docx", id="PRJ-2", name="Hermes Billing")),
            Doc(_entry("d/loose.docx", "RISK_REGISTER"))]                         # nothing, alone: its folder
    groups = group(docs)
    assert [[d.path for d in g.docs] for g in groups] == [
        ["a/charter.docx", "a/plan.docx", "b/brief.docx", "a/minutes.docx"], ["c/other.docx"], ["d/loose.docx"]]
    assert [key_and_name(g) for g in groups] == [("PRJ-1", "Apollo CRM Migration"), ("PRJ-2", "Hermes Billing"),
                                                 ("d", None)]
