"""Rules for prose documents (charter, scope statement, plan, request, status, closure, change request,
cost plan) and the COMMON rules they rely on: sections, content, dates, money, status and approvals.

Every document is built in code; each test changes one thing of a clean, compliant document.
"""
from __future__ import annotations

from datetime import date

import pytest

import checker
from checker.text.money import upper_to_number
from tests.support.checking import check_one
from tests.support.clean_docs import EN_BC as BC
from tests.support.clean_docs import (
    EN_CHARTER,
    EN_CHARTER_CONTROL,
    EN_CR_FORM,
    EN_REVISIONS,
    EN_STATUS_CONTROL,
    ZH_CHARTER,
    ZH_CHARTER_CONTROL,
    control_for,
    make_docx,
)
from tests.support.clean_docs import EN_CLOSURE as CLOSURE
from tests.support.clean_docs import EN_PMP as PMP
from tests.support.clean_docs import EN_SCOPE as SCOPE
from tests.support.clean_docs import EN_STATUS as STATUS

MINE = ("CH-", "SS-", "PMP-", "BC-", "SR-", "CLS-", "CR-", "COST-01", "COST-06", "COST-07", "COM-03", "COM-05",
        "COM-07", "COM-08", "COM-09", "COM-10", "COM-11", "COM-14", "COM-17", "COM-18")


def findings(path, rule=None):
    return [f for f in check_one(path)["findings"] if rule is None or f["rule"] == rule]


# --- clean documents of each type -------------------------------------------------------------------

def charter(tmp_path, name="c.docx", *, zh=False, sections=None, control=None, **kw):
    return make_docx(tmp_path / name, zh=zh, title="项目章程" if zh else "Project Charter",
                     sections=(ZH_CHARTER if zh else EN_CHARTER) if sections is None else sections,
                     control=(ZH_CHARTER_CONTROL if zh else EN_CHARTER_CONTROL) if control is None else control, **kw)


def replace(sections, prefix, body=None, drop=False):
    out = []
    for heading, text in sections:
        if heading.startswith(prefix):
            if not drop:
                out.append((heading, body))
        else:
            out.append((heading, text))
    return out


@pytest.mark.parametrize("zh", [False, True])
def test_a_clean_charter_has_no_findings_from_these_rules(tmp_path, zh):
    doc = check_one(charter(tmp_path, zh=zh))
    assert doc["doc_type"] == "CHARTER"
    assert [f for f in doc["findings"] if f["rule"].startswith(MINE)] == []
    assert [f for f in doc["findings"] if f["severity"] in ("blocker", "major")] == []


@pytest.mark.parametrize("title,sections,doc_type", [
    ("Project Scope Statement", SCOPE, "SCOPE_STATEMENT"),
    ("Project Management Plan", PMP, "PMP"),
    ("Business Case", BC, "INIT_REQUEST_BC"),
    ("Project Closure Report", CLOSURE, "CLOSURE_REPORT"),
])
def test_clean_documents_of_each_type_get_no_blocker_or_major(tmp_path, title, sections, doc_type):
    doc = check_one(make_docx(tmp_path / "d.docx", title=title, sections=sections, control=control_for(title)))
    assert doc["doc_type"] == doc_type
    bad = [f for f in doc["findings"] if f["severity"] in ("blocker", "major")]
    assert bad == []


def test_a_clean_status_report_gets_no_blocker_or_major(tmp_path):
    doc = check_one(make_docx(tmp_path / "s.docx", title="Project Status Report", sections=STATUS,
                              control=EN_STATUS_CONTROL, approvals=[]))
    assert doc["doc_type"] == "STATUS_REPORT"
    assert [f for f in doc["findings"] if f["severity"] in ("blocker", "major")] == []


# --- required_sections (CH-01, SS-01, PMP-01, BC-01, CLS-01, SR-05, SR-12) ----------------------------

def test_missing_charter_section_is_a_blocker_located_after_the_previous_section(tmp_path):
    got = findings(charter(tmp_path, sections=replace(EN_CHARTER, "10.", drop=True)), "CH-01")
    assert len(got) == 1
    f = got[0]
    assert f["severity"] == "blocker"
    assert "Project Exit Criteria" in f["message"] and "9. Project Approval Requirements" in f["message"]
    assert f["location"]["text"] == "9. Project Approval Requirements"


def test_missing_charter_section_in_chinese(tmp_path):
    got = findings(charter(tmp_path, zh=True, sections=replace(ZH_CHARTER, "十、", drop=True)), "CH-01")
    assert [f["severity"] for f in got] == ["blocker"]
    assert "章程缺少“项目退出标准”" in got[0]["message"]


def test_many_missing_sections_become_one_finding(tmp_path):
    got = findings(charter(tmp_path, sections=EN_CHARTER[:3]), "CH-01")
    assert len(got) == 1
    assert "lacks 8 of its required elements" in got[0]["message"]  # milestones: start/end dates
    assert "location" not in got[0]


def test_sections_are_found_as_form_fields(tmp_path):
    """A form-style scope statement: the sections are labels in a two-column table."""
    control = control_for("Project Scope Statement", **{h.split(". ", 1)[1]: t for h, t in SCOPE if isinstance(t, str)},
                          **{"Project Deliverables": "Migrated data; trained users"})
    doc = check_one(make_docx(tmp_path / "s.docx", title="Project Scope Statement", sections=[], control=control))
    assert [f for f in doc["findings"] if f["rule"] == "SS-01"] == []


def test_scope_statement_missing_exclusions(tmp_path):
    got = findings(make_docx(tmp_path / "s.docx", title="Project Scope Statement", sections=replace(SCOPE, "6.", drop=True),
                             control=control_for("Project Scope Statement")), "SS-01")
    assert len(got) == 1 and "Project Exclusions" in got[0]["message"] and got[0]["severity"] == "blocker"


def test_pmp_component_missing_and_quality_plan_referenced_or_not(tmp_path):
    sections = replace(replace(PMP, "9.", drop=True), "6.", drop=True)
    sections = replace(sections, "5.", "Scope, schedule, cost, risk and communications management plans are appended.")
    got = findings(make_docx(tmp_path / "p.docx", title="Project Management Plan", sections=sections,
                             control=control_for("Project Management Plan")))
    assert [(f["rule"], f["severity"]) for f in got if f["rule"] in ("PMP-01", "PMP-09")] == [("PMP-01", "blocker"), ("PMP-09", "major")]
    assert "Key Management Reviews" in next(f["message"] for f in got if f["rule"] == "PMP-01")


def test_business_case_light_profile_requires_only_light_sections(tmp_path):
    # No options appraisal or investment appraisal: not required for a light request (G0).
    doc = check_one(make_docx(tmp_path / "b.docx", title="Business Case", sections=BC, control=control_for("Business Case")))
    assert [f for f in doc["findings"] if f["rule"] == "BC-01"] == []
    got = findings(make_docx(tmp_path / "b2.docx", title="Business Case", sections=replace(BC, "5.", drop=True),
                             control=control_for("Business Case")), "BC-01")
    assert len(got) == 1 and "Expected Benefits" in got[0]["message"]


def test_closure_report_missing_handover_is_a_blocker(tmp_path):
    got = findings(make_docx(tmp_path / "c.docx", title="Project Closure Report", sections=replace(CLOSURE, "12.", drop=True),
                             control=control_for("Project Closure Report")), "CLS-01")
    assert len(got) == 1 and got[0]["severity"] == "blocker" and "Handover" in got[0]["message"]


def test_status_report_without_next_period_and_tolerances(tmp_path):
    control = {"Project Name": "Apollo", "Report Date": "2026-04-03", "Reporting Period": "2026-03-23 to 2026-03-29"}
    sections = [s for s in STATUS if s[0] not in ("Next Reporting Period", "Project and Stage Tolerance Status")]
    doc = check_one(make_docx(tmp_path / "s.docx", title="Project Status Report", sections=sections, control=control, approvals=[]))
    sr05 = [f for f in doc["findings"] if f["rule"] == "SR-05"]
    sr12 = [f for f in doc["findings"] if f["rule"] == "SR-12"]
    assert len(sr05) == 1 and "Next Reporting Period" in sr05[0]["message"] and sr05[0]["severity"] == "minor"
    assert len(sr12) == 1 and sr12[0]["severity"] == "minor"


def test_section_rules_do_not_fire_on_other_document_types(tmp_path):
    doc = check_one(make_docx(tmp_path / "s.docx", title="Project Status Report", sections=[("Summary", "All good this week.")],
                          control={"Project Name": "Apollo", "Report Date": "2026-04-03"}, approvals=[]))
    assert not [f for f in doc["findings"] if f["rule"].startswith(("CH-", "SS-", "PMP-", "BC-", "CLS-", "CR-", "COST-"))]


# --- COM-14 empty sections ------------------------------------------------------------------------------

@pytest.mark.parametrize("body", ["N/A", "TBD", "Short."])
def test_empty_required_section(tmp_path, body):
    got = findings(charter(tmp_path, sections=replace(EN_CHARTER, "10.", body)), "COM-14")
    assert len(got) == 1
    assert got[0]["severity"] == "major"
    assert got[0]["location"]["text"] == "10. Project Exit Criteria"


def test_empty_required_section_chinese_threshold_and_justified_na(tmp_path):
    got = findings(charter(tmp_path, zh=True, sections=replace(ZH_CHARTER, "十、", "无")), "COM-14")
    assert len(got) == 1 and "十、项目退出标准" in got[0]["message"]
    ok = findings(charter(tmp_path, "c2.docx", zh=True,
                          sections=replace(ZH_CHARTER, "十、", "项目随合同结束而关闭。")), "COM-14")
    assert ok == []


def test_a_name_is_enough_for_a_sponsor_section(tmp_path):
    assert findings(charter(tmp_path, sections=replace(EN_CHARTER, "12.", "Dana Lee")), "COM-14") == []


# --- section_content ------------------------------------------------------------------------------------

def test_ch06_budget_without_currency(tmp_path):
    got = findings(charter(tmp_path, sections=replace(EN_CHARTER, "7.", "The pre-approved budget is 1,200,000 in total.")), "CH-06")
    assert len(got) == 1 and got[0]["severity"] == "major"
    assert got[0]["location"]["text"] == "7. Pre-approved Financial Resources"
    zh = findings(charter(tmp_path, "z.docx", zh=True, sections=replace(ZH_CHARTER, "七、", "项目总预算为350，分两年投入。")), "CH-06")
    assert len(zh) == 1 and "预算" in zh[0]["message"]


def test_ch07_stakeholder_without_role_points_at_the_cell(tmp_path):
    table = [["Stakeholder", "Role"], ["Sales department", "Main users"], ["Finance", ""]]
    got = findings(charter(tmp_path, sections=replace(EN_CHARTER, "8.", table)), "CH-07")
    assert len(got) == 1 and got[0]["severity"] == "minor"
    assert "Finance" in got[0]["message"]
    assert (got[0]["location"]["row"], got[0]["location"]["col"]) == (2, 1)


def test_ch08_exit_criteria_without_closing_conditions(tmp_path):
    got = findings(charter(tmp_path, sections=replace(EN_CHARTER, "10.", "The steering committee will decide on this matter later on.")), "CH-08")
    assert len(got) == 1 and got[0]["severity"] == "major"


def test_ch10_risks_listed(tmp_path):
    got = findings(charter(tmp_path, sections=replace(EN_CHARTER, "5.", [["Risk", "Response"]] + [["", ""]])), "CH-10")
    assert got == [] or got[0]["severity"] == "minor"


def test_ss03_exclusions_must_name_something(tmp_path):
    sections = replace(SCOPE, "6.", "None.")
    got = findings(make_docx(tmp_path / "s.docx", title="Project Scope Statement", sections=sections,
                             control=control_for("Project Scope Statement")))
    assert [f["rule"] for f in got if f["rule"] in ("SS-03", "COM-14")] == ["COM-14"]


def test_ss05_explicit_none_is_accepted(tmp_path):
    sections = replace(SCOPE, "7.", "None: the project has no constraints beyond the budget.")
    got = findings(make_docx(tmp_path / "s.docx", title="Project Scope Statement", sections=sections,
                             control=control_for("Project Scope Statement")), "SS-05")
    assert got == []


def test_bc10_risk_without_response(tmp_path):
    table = [["Risk", "Response"], ["Data quality issues", "Two rehearsal migrations"], ["Vendor delay", ""]]
    got = findings(make_docx(tmp_path / "b.docx", title="Business Case", sections=replace(BC, "8.", table),
                             control=control_for("Business Case")), "BC-10")
    assert len(got) == 1 and got[0]["severity"] == "major" and "Vendor delay" in got[0]["message"]
    assert (got[0]["location"]["row"], got[0]["location"]["col"]) == (2, 1)


def test_bc17_accuracy_is_info_and_bc13_needs_review(tmp_path):
    sections = replace(BC, "7.", "One-off cost USD 1,200,000; running cost USD 80,000 per year.")
    got = findings(make_docx(tmp_path / "b.docx", title="Business Case", sections=sections, control=control_for("Business Case")))
    bc17 = [f for f in got if f["rule"] == "BC-17"]
    bc13 = [f for f in got if f["rule"] == "BC-13"]
    assert [f["severity"] for f in bc17] == ["info"]
    assert len(bc13) == 1 and bc13[0]["severity"] == "info" and bc13[0]["needs_review"] is True
    assert bc13[0]["location"]["text"] == "2. Reasons"


def test_pmp02_baselines_need_version_and_date(tmp_path):
    sections = replace(PMP, "8.", "The scope, schedule and cost baselines are kept by the PMO.")
    got = findings(make_docx(tmp_path / "p.docx", title="Project Management Plan", sections=sections,
                             control=control_for("Project Management Plan")), "PMP-02")
    assert len(got) == 1 and got[0]["severity"] == "major"


def test_pmp05_reviews_need_timing(tmp_path):
    sections = replace(PMP, "9.", "The steering committee reviews the project as needed by the sponsor.")
    got = findings(make_docx(tmp_path / "p.docx", title="Project Management Plan", sections=sections,
                             control=control_for("Project Management Plan")), "PMP-05")
    assert len(got) == 1 and got[0]["severity"] == "minor"


def test_cls10_handover_needs_a_date(tmp_path):
    sections = replace(CLOSURE, "12.", "IT operations accepted the handover after the final walkthrough.")
    got = findings(make_docx(tmp_path / "c.docx", title="Project Closure Report", sections=sections,
                             control=control_for("Project Closure Report")), "CLS-10")
    assert len(got) == 1 and got[0]["severity"] == "major"


def test_cls11_administrative_closure(tmp_path):
    sections = replace(CLOSURE, "14.", drop=True)
    got = findings(make_docx(tmp_path / "c.docx", title="Project Closure Report", sections=sections,
                             control=control_for("Project Closure Report")), "CLS-11")
    assert len(got) == 1 and got[0]["severity"] == "minor"


def test_sr02_overall_status_must_be_rag(tmp_path):
    control = {"Project Name": "Apollo", "Report Date": "2026-04-03", "Overall Status": "Fine"}
    sections = [s for s in STATUS if s[0] != "Project Status"]
    got = findings(make_docx(tmp_path / "s.docx", title="Project Status Report", sections=sections, control=control, approvals=[]), "SR-02")
    assert len(got) == 1 and got[0]["severity"] == "major" and "Fine" in got[0]["message"]
    assert got[0]["location"]["table"] == 0
    ok = findings(make_docx(tmp_path / "s2.docx", title="项目周报", zh=True, sections=[("本周完成", "完成第二次迁移演练，核对一致率98%。")],
                            control={"项目名称": "智慧仓储", "报告日期": "2026-04-03", "总体状态": "黄色"}, approvals=[]), "SR-02")
    assert ok == []


# --- date_order (CH-05, BC-09, SR-01, CR-06, CLS-16) ------------------------------------------------------

def test_ch05_end_before_start_points_at_the_end_date(tmp_path):
    got = findings(charter(tmp_path, control=dict(EN_CHARTER_CONTROL, **{"End Date": "2025-12-31"})), "CH-05")
    assert len(got) == 1 and got[0]["severity"] == "major"
    assert got[0]["message"].startswith("The project end date (2025-12-31)")
    assert got[0]["location"]["text"] == "2025-12-31"


def test_ch05_milestone_outside_the_window(tmp_path):
    table = [["里程碑", "计划完成时间"], ["需求确认", "2026-03-31"], ["系统上线", "2027-01-15"]]
    got = findings(charter(tmp_path, zh=True, sections=replace(ZH_CHARTER, "六、", table)), "CH-05")
    assert len(got) == 1 and "系统上线" in got[0]["message"]
    assert (got[0]["location"]["row"], got[0]["location"]["col"]) == (2, 1)


def test_sr01_period_and_report_date(tmp_path):
    control = {"Project Name": "Apollo", "Report Date": "2026-04-20", "Reporting Period": "2026-03-23 to 2026-03-29"}
    got = findings(make_docx(tmp_path / "s.docx", title="Project Status Report", sections=STATUS, control=control, approvals=[]), "SR-01")
    assert len(got) == 1 and "more than 7 days" in got[0]["message"]
    control = {"项目名称": "智慧仓储", "报告日期": "2026-03-30", "报告周期": "2026-03-29 至 2026-03-23"}
    got = findings(make_docx(tmp_path / "s2.docx", title="项目周报", zh=True, sections=[("本周完成", "完成第二次迁移演练，核对一致率98%。")],
                             control=control, approvals=[]), "SR-01")
    assert len(got) == 1 and "早于" in got[0]["message"]


def test_cr06_decision_before_submission(tmp_path):
    control = {"CR ID": "CR-007", "Date Submitted": "2026-03-10", "Approval Date": "2026-03-01", "Decision": "Approved",
               "Project Name": "Apollo"}
    got = findings(make_docx(tmp_path / "cr.docx", title="Change Request", sections=[], control=control), "CR-06")
    assert len(got) == 1 and got[0]["severity"] == "major"
    assert got[0]["location"]["text"] == "2026-03-01"


def test_cls16_report_after_signoff(tmp_path):
    control = control_for("Project Closure Report", Date="2026-07-20")
    approvals = [("Dana Lee", "Project Sponsor", "/s/ Dana Lee", "2026-07-10")]
    revisions = [("1.0", "2026-07-05", "Wei Zhang", "Final"), ("1.1", "2026-07-08", "Wei Zhang", "Comments")]
    got = findings(make_docx(tmp_path / "c.docx", title="Project Closure Report", sections=CLOSURE, control=control,
                             approvals=approvals, revisions=revisions), "CLS-16")
    assert len(got) == 1 and "sign-off date" in got[0]["message"]


# --- change request (CR-01, CR-03, CR-05, CR-08, CR-11, CR-12) --------------------------------------------


def cr(tmp_path, name="cr.docx", **changes):
    form = {k: v for k, v in {**EN_CR_FORM, **changes}.items() if v is not None}
    return make_docx(tmp_path / name, title="Change Request", sections=[], control=form, revisions=[], approvals=[])


def test_a_complete_change_request_has_no_cr_findings(tmp_path):
    doc = check_one(cr(tmp_path))
    assert doc["doc_type"] == "CHANGE_REQUEST"
    assert [f for f in doc["findings"] if f["rule"].startswith("CR-")] == []


def test_cr01_missing_field_escalates_when_approved(tmp_path):
    got = findings(cr(tmp_path, Alternatives=None), "CR-01")
    assert [f["severity"] for f in got] == ["blocker"]
    pending = findings(cr(tmp_path, "p.docx", Alternatives=None, Decision="Pending"), "CR-01")
    assert [f["severity"] for f in pending] == ["major"]


def test_cr03_schedule_in_days_and_cost_in_money(tmp_path):
    got = findings(cr(tmp_path, Schedule="Slight delay", Cost="some extra effort"), "CR-03")
    assert len(got) == 2 and {f["location"]["text"] for f in got} == {"Slight delay", "some extra effort"}


def test_cr03_a_yes_no_question_about_the_impact_analysis_is_not_the_cost_impact(tmp_path):
    """'Cost / schedule impact analysis required | Yes' asks whether the analysis is needed; the cost
    impact is the 'Cost' row under it, and that is where a cost without money is reported."""
    form = {}
    for k, v in EN_CR_FORM.items():
        if k == "Scope":
            form["Cost / schedule impact analysis required"] = "Yes"
        form[k] = v
    form["Cost"] = "10 person-days of extra work"
    path = make_docx(tmp_path / "cr.docx", title="Change Request", sections=[], control=form, revisions=[], approvals=[])
    got = findings(path, "CR-03")
    assert [f["location"]["text"] for f in got] == ["10 person-days of extra work"], got


def test_cr03_cr08_impact_rows_worded_as_change_forms_word_them(tmp_path):
    """A Chinese change form's impact rows: '受影响的基准计划' lists the baselines to update (no CR-08), and
    '对成本的影响' under the yes/no row '是否需要成本/进度影响分析' is the cost impact: effort in person-days,
    no money, is reported there (CR-03), not at the question."""
    form = {"项目名称": "考勤系统", "变更编号": "CR-003", "申请人": "李安", "申请日期": "2026-04-01",
            "变更标题": "统计报表新增周报表", "变更内容": "统计报表模块新增周报表功能", "变更原因": "用户需要按周查看考勤统计",
            "受影响的基准计划": "进度计划、费用计划、资源计划", "是否需要成本/进度影响分析": "是",
            "对成本的影响": "增加10人天的工作量", "对进度的影响": "延长3天", "对范围的影响": "新增一张报表",
            "对质量的影响": "无", "对资源的影响": "原模块开发人员", "对风险的影响": "低",
            "备选方案": "维持月报表，用户自行汇总", "建议": "批准", "审批结论": "批准",
            "审批理由": "工作量小，用户需求明确", "批准人": "王强", "审批日期": "2026-04-03",
            "实施计划": "李安于2026-04-10前完成"}
    path = make_docx(tmp_path / "变更申请单.docx", zh=True, title="变更申请单", sections=[], control=form,
                     revisions=[], approvals=[])
    doc = check_one(path)
    assert doc["doc_type"] == "CHANGE_REQUEST"
    assert [f["location"]["text"] for f in findings(path, "CR-03")] == ["增加10人天的工作量"]
    assert findings(path, "CR-08") == []


def test_cr05_decision_vocabulary_and_rationale(tmp_path):
    got = findings(cr(tmp_path, Decision="Maybe later"), "CR-05")
    assert len(got) == 1 and "Maybe later" in got[0]["message"]
    got = findings(cr(tmp_path, "r.docx", **{"Justification of Approval/Rejection/Deferral": None}), "CR-05")
    assert len(got) == 1 and "rationale" in got[0]["message"]


def test_cr05_a_decision_that_names_what_it_decides_is_from_the_vocabulary(tmp_path):
    """'Approve the change' and 'Change rejected' are approvals and rejections in other words; a decision
    that is no disposition ('Change discussed') is still reported."""
    assert findings(cr(tmp_path, Decision="Approve the change"), "CR-05") == []
    assert findings(cr(tmp_path, "r.docx", Decision="Change rejected"), "CR-05") == []
    got = findings(cr(tmp_path, "d.docx", Decision="Change discussed"), "CR-05")
    assert len(got) == 1 and "Change discussed" in got[0]["message"]


def test_cr08_approved_change_needs_implementation_owner_and_date(tmp_path):
    got = findings(cr(tmp_path, **{"Implementation Plan": "To be agreed with the team"}), "CR-08")
    assert len(got) == 1 and "target date" in got[0]["message"]


def test_cr11_deferred_change_needs_a_review_date(tmp_path):
    got = findings(cr(tmp_path, Decision="Deferred"), "CR-11")
    assert len(got) == 1 and got[0]["severity"] == "minor"
    assert findings(cr(tmp_path, "d.docx", Decision="Deferred", **{"Re-review Date": "2026-04-15"}), "CR-11") == []


def test_cr12_closed_change_needs_verification(tmp_path):
    got = findings(cr(tmp_path, Status="Closed"), "CR-12")
    assert len(got) == 1
    assert findings(cr(tmp_path, "v.docx", Status="Closed", Verification="Verified in UAT on 2026-03-25"), "CR-12") == []


# --- cost plan sections (COST-01, COST-06, COST-07) ---------------------------------------------------------

COST = [
    ("1. Cost Items", [["Cost Item", "Amount (USD)", "Phase"], ["Labour", "800,000", "Build"], ["Software", "250,000", "Build"],
                       ["Contingency Reserve", "150,000", "All"], ["Total", "1,200,000", ""]]),
    ("2. Basis of Estimate", "Labour from the resource plan at standard rates; software from the vendor quote Q-118."),
    ("3. Time-phased Budget", "Q1 USD 400,000; Q2 USD 800,000."),
    ("4. Contingency Reserve", "USD 150,000 based on the expected monetary value of the top ten risks."),
    ("5. Units of Measure, Precision and Accuracy", "Amounts in USD, rounded to the nearest 1,000; accuracy −10%/+15%."),
    ("6. Control Thresholds", "A cost variance beyond ±10% of the baseline is escalated to the sponsor."),
]


def test_cost_plan_sections(tmp_path):
    doc = check_one(make_docx(tmp_path / "c.docx", title="Cost Management Plan", sections=COST, control=control_for("Cost Management Plan")))
    assert doc["doc_type"] == "COST_PLAN"
    assert [f for f in doc["findings"] if f["rule"] in ("COST-01", "COST-06", "COST-07")] == []
    sections = replace(replace(COST, "5.", "Amounts are in USD and rounded to the nearest thousand."), "6.",
                       "Variances are escalated to the sponsor when they are significant.")
    got = findings(make_docx(tmp_path / "c2.docx", title="Cost Management Plan", sections=sections,
                             control=control_for("Cost Management Plan")))
    assert sorted(f["rule"] for f in got if f["rule"] in ("COST-06", "COST-07")) == ["COST-06", "COST-07"]
    missing = findings(make_docx(tmp_path / "c3.docx", title="Cost Management Plan", sections=replace(COST, "6.", drop=True),
                                 control=control_for("Cost Management Plan")), "COST-01")
    assert len(missing) == 1 and "Control Thresholds" in missing[0]["message"] and missing[0]["severity"] == "major"


# --- COMMON: COM-03, COM-05, COM-07, COM-08, COM-09, COM-10, COM-11, COM-17, COM-18 --------------------------

def test_com03_guidance_text_outside_appendix(tmp_path):
    sections = EN_CHARTER + [("Notes", "How to use this template: replace every prompt with project text.")]
    got = findings(charter(tmp_path, sections=sections), "COM-03")
    assert len(got) == 1 and got[0]["severity"] == "minor" and "How to use this template" in got[0]["message"]
    appendix = EN_CHARTER + [("Appendix A", "How to use this template: replace every prompt with project text.")]
    assert findings(charter(tmp_path, "a.docx", sections=appendix), "COM-03") == []
    zh = ZH_CHARTER + [("附注", "填写说明：本节由项目经理填写。")]
    got = findings(charter(tmp_path, "z.docx", zh=True, sections=zh), "COM-03")
    assert len(got) == 1 and "填写说明" in got[0]["message"]


def test_com03_purpose_label_only_at_the_start(tmp_path):
    sections = replace(EN_CHARTER, "1.", "Purpose: this template sets out what the project is for.")
    assert len(findings(charter(tmp_path, sections=sections), "COM-03")) == 1
    assert findings(charter(tmp_path, "b.docx"), "COM-03") == []  # 'Project Purpose and Justification' heading


def test_com05_final_document_with_draft_version(tmp_path):
    revisions = [("0.1", "2026-01-05", "Wei Zhang", "First draft"), ("0.2", "2026-01-12", "Wei Zhang", "Review comments")]
    got = findings(charter(tmp_path, control=dict(EN_CHARTER_CONTROL, Version="0.2"), revisions=revisions), "COM-05")
    assert len(got) == 1 and got[0]["severity"] == "minor" and got[0]["location"]["text"] == "0.2"
    zh_rev = [("V1.0", "2026-02-01", "李明", "初稿"), ("V1.1", "2026-02-10", "李明", "修改")]
    got = findings(charter(tmp_path, "z.docx", zh=True, control=dict(ZH_CHARTER_CONTROL, 版本号="V1.1", 文档状态="草稿"),
                           revisions=zh_rev, approvals=[]), "COM-05")
    assert len(got) == 1 and "草稿" in got[0]["message"]


def test_com08_status_and_approvals(tmp_path):
    revisions = [("0.1", "2026-01-05", "Wei Zhang", "First draft"), ("0.2", "2026-01-12", "Wei Zhang", "Review comments")]
    got = findings(charter(tmp_path, control=dict(EN_CHARTER_CONTROL, Version="0.2", Status="Draft"), revisions=revisions), "COM-08")
    assert len(got) == 1 and got[0]["severity"] == "minor" and "Draft" in got[0]["message"]
    got = findings(charter(tmp_path, "f.docx", approvals=[]), "COM-08")
    assert len(got) == 1 and got[0]["severity"] == "major" and got[0]["location"]["text"] == "Final"


def test_com07_approval_dates_and_version(tmp_path):
    early = [("Dana Lee", "Project Sponsor", "/s/ Dana Lee", "2026-01-10")]
    got = findings(charter(tmp_path, approvals=early), "COM-07")
    assert len(got) == 1 and got[0]["severity"] == "major" and "predates revision 1.1" in got[0]["message"]
    assert got[0]["location"]["text"] == "2026-01-10"
    future = [("Dana Lee", "Project Sponsor", "/s/ Dana Lee", "2026-12-24")]
    got = findings(charter(tmp_path, "f.docx", approvals=future), "COM-07")
    assert len(got) == 1 and "future" in got[0]["message"]
    versioned = [("Dana Lee", "Project Sponsor", "/s/ Dana Lee", "2026-01-14", "1.0")]
    got = findings(charter(tmp_path, "v.docx", approvals=versioned, approval_header=("Name", "Role", "Signature", "Date", "Version")), "COM-07")
    assert len(got) == 1 and "version 1.0" in got[0]["message"]


def test_com09_impossible_and_implausible_dates(tmp_path):
    got = findings(charter(tmp_path, control=dict(EN_CHARTER_CONTROL, Date="2026-02-30")), "COM-09")
    assert len(got) == 1 and got[0]["severity"] == "major" and got[0]["location"]["text"] == "2026-02-30"
    revisions = EN_REVISIONS[:2] + [("1.1", "1996-01-12", "Wei Zhang", "Budget breakdown added")]
    got = findings(charter(tmp_path, "r.docx", revisions=revisions), "COM-09")
    assert len(got) == 1 and "1996-01-12" in got[0]["message"]
    assert got[0]["location"]["table"] == 1 and got[0]["location"]["row"] == 3


def test_com09_never_reads_numbers_in_prose(tmp_path):
    sections = replace(EN_CHARTER, "3.", "Requirement 2024-02-30 is an internal code, not a date; 31/31/2026 neither.")
    assert findings(charter(tmp_path, sections=sections), "COM-09") == []


def test_com10_ambiguous_date_is_info(tmp_path):
    got = findings(charter(tmp_path, control=dict(EN_CHARTER_CONTROL, Date="03/04/2026")), "COM-10")
    assert [f["severity"] for f in got] == ["info"]
    assert findings(charter(tmp_path, "b.docx", control=dict(EN_CHARTER_CONTROL, Date="13/04/2026")), "COM-10") == []


def test_com11_money_without_unit(tmp_path):
    control = dict(EN_CHARTER_CONTROL, Budget="1,200,000")
    got = findings(charter(tmp_path, control=control), "COM-11")
    assert len(got) == 1 and got[0]["severity"] == "major" and got[0]["location"]["text"] == "1,200,000"
    assert findings(charter(tmp_path, "ok.docx", control=dict(EN_CHARTER_CONTROL, Budget="USD 1,200,000")), "COM-11") == []
    table = [["费用科目", "预算金额", "说明"], ["人工", "2,000,000", "开发人员"], ["设备", "800,000", "服务器"]]
    got = findings(charter(tmp_path, "z.docx", zh=True, sections=ZH_CHARTER + [("十三、预算明细", table)]), "COM-11")
    assert len(got) == 1 and "预算金额" in got[0]["message"]
    assert (got[0]["location"]["row"], got[0]["location"]["col"]) == (0, 1)
    with_unit = [["费用科目", "预算金额（万元）", "说明"], ["人工", "200", "开发人员"], ["设备", "80", "服务器"]]
    assert findings(charter(tmp_path, "u.docx", zh=True, sections=ZH_CHARTER + [("十三、预算明细", with_unit)]), "COM-11") == []


def test_com11_mixed_units_in_one_table(tmp_path):
    table = [["项目", "金额"], ["人工", "200万元"], ["设备", "800,000元"], ["培训", "50,000"]]
    got = findings(charter(tmp_path, zh=True, sections=ZH_CHARTER + [("十三、预算明细", table)]), "COM-11")
    assert len(got) == 1 and "50,000" in got[0]["message"] and got[0]["location"]["row"] == 3


def test_com17_uppercase_amount(tmp_path):
    assert upper_to_number("人民币壹拾贰万伍仟元整") == 125000
    assert upper_to_number("叁佰伍拾万元整") == 3500000
    assert upper_to_number("壹仟零伍元陆角") == 1005.6
    control = dict(ZH_CHARTER_CONTROL, 预算金额="人民币壹拾贰万伍仟元整（¥125,000.00）")
    assert findings(charter(tmp_path, zh=True, control=control), "COM-17") == []
    control = dict(ZH_CHARTER_CONTROL, 预算金额="人民币壹拾贰万伍仟元整（¥152,000.00）")
    got = findings(charter(tmp_path, "b.docx", zh=True, control=control), "COM-17")
    assert len(got) == 1 and got[0]["severity"] == "major" and "125,000.00" in got[0]["message"]


def test_com18_shares_sum_to_100(tmp_path):
    table = [["Work package", "Weight"], ["Design", "30%"], ["Build", "50%"], ["Test", "15%"], ["Total", "95%"]]
    got = findings(charter(tmp_path, sections=EN_CHARTER + [("13. Effort distribution", table)]), "COM-18")
    assert len(got) == 1 and "95%" in got[0]["message"] and got[0]["severity"] == "minor"
    table = [["Work package", "Weight"], ["Design", "30%"], ["Build", "120%"]]
    got = findings(charter(tmp_path, "r.docx", sections=EN_CHARTER + [("13. Effort distribution", table)]), "COM-18")
    assert any("120%" in f["message"] for f in got)
    ok = [["Work package", "Weight"], ["Design", "30%"], ["Build", "50%"], ["Test", "20%"], ["Total", "100%"]]
    assert findings(charter(tmp_path, "ok.docx", sections=EN_CHARTER + [("13. Effort distribution", ok)]), "COM-18") == []


def test_ss07_vague_terms_without_a_number_in_deliverables(tmp_path):
    sections = [("Project Deliverables", "A user-friendly customer portal.\nResponse time improved to under 2 s at the 95th percentile."),
                ("Acceptance Criteria", "All 40 test cases pass.")]
    path = make_docx(tmp_path / "scope.docx", title="Project Scope Statement", sections=sections)
    report = checker.check([str(path)], config={"today": date(2026, 11, 25)})
    got = [f for f in report["documents"][0]["findings"] if f["rule"] == "SS-07"]
    assert [f["location"]["text"] for f in got] == ["A user-friendly customer portal."]
    assert got[0]["severity"] == "minor" and "“user-friendly”" in got[0]["message"]


def test_ss07_in_chinese(tmp_path):
    sections = [("一、可交付成果", "界面友好的仓储管理系统\n入库效率提升30%以上"), ("二、验收标准", "全部测试用例通过")]
    path = make_docx(tmp_path / "scope.docx", zh=True, title="项目范围说明书", sections=sections)
    report = checker.check([str(path)], config={"today": date(2026, 11, 25)})
    got = [f for f in report["documents"][0]["findings"] if f["rule"] == "SS-07"]
    assert len(got) == 1 and "“友好”" in got[0]["message"] and "无法验证" in got[0]["message"]
