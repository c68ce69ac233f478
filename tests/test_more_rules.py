"""The A-level single-document rules added for the 'implemented or explained' issue: arithmetic of
business cases, status and closure reports and cost plans (kind `figures`, `report_table`), CH-10 on a
risks section that lists nothing, and the cost-table fixes. Each test changes one thing of a clean
document built in code (tests.support.clean_docs); EN and ZH where the text matters.
"""
from __future__ import annotations

import pytest

from tests.support.checking import check_one
from tests.support.clean_docs import EN_BC as BC
from tests.support.clean_docs import EN_CLOSURE as CLOSURE
from tests.support.clean_docs import EN_SECTIONS, ZH_SECTIONS, control_for, make_docx


def rules(doc, rule):
    return [f for f in doc["findings"] if f["rule"] == rule]


def doc_of(tmp_path, title, sections, zh=False):
    return check_one(make_docx(tmp_path / "d.docx", title=title, sections=sections, control=control_for(title), zh=zh))


def replace(sections, heading_start, body):
    return [(h, body if h.startswith(heading_start) else b) for h, b in sections]


# --- BC-07 / BC-08 ------------------------------------------------------------------------------

COSTS = [["Cost item", "Amount (USD)"], ["Partner services", "900,000"], ["Licences", "300,000"],
         ["Total one-off project cost", "1,200,000"], ["Support, a year", "50,000"],
         ["Total ongoing operating cost", "50,000"]]


def bc_with(funding_total, appraisal=None):
    extra = [("Costs", COSTS), ("Funding", [["Funding source", "Amount (USD)"], ["IT capital plan", funding_total],
                                            ["Total funding", funding_total]])]
    if appraisal:
        extra.append(("Investment Appraisal", [["Measure", "Value"]] + appraisal))
    return [s for s in BC if not s[0].split(". ", 1)[-1].startswith(("Cost", "Budget"))] + extra


def test_bc07_funding_short_of_cost_is_reported_at_the_funding_total(tmp_path):
    doc = doc_of(tmp_path, "Business Case", bc_with("1,000,000"))
    found = rules(doc, "BC-07")
    assert len(found) == 1 and "200,000" in found[0]["message"]
    assert found[0]["location"]["table"] is not None and found[0]["location"]["row"] == 2
    assert rules(doc_of(tmp_path, "Business Case", bc_with("1,200,000")), "BC-07") == []


def test_bc06_second_total_sums_only_the_items_after_the_first(tmp_path):
    assert rules(doc_of(tmp_path, "Business Case", bc_with("1,200,000")), "BC-06") == []


@pytest.mark.parametrize("payback,roi,ok", [("3.9 years", "29.2%", True), ("2.5 years", "29.2%", False),
                                            ("3.9 years", "45%", False)])
def test_bc08_payback_and_roi_are_recomputed(tmp_path, payback, roi, ok):
    appraisal = [["Total one-off investment", "USD 1,200,000"], ["Net annual benefit", "USD 310,000"],
                 ["Simple payback", payback], ["Five-year return on investment", roi]]
    found = rules(doc_of(tmp_path, "Business Case", bc_with("1,200,000", appraisal)), "BC-08")
    assert (found == []) == ok


# --- SR-06 / SR-07 ------------------------------------------------------------------------------

SR = [("1. Overall Status", "Green: on schedule and within budget; the team is complete."),
      ("2. Status Summary", "Build is on track; the trial migration passed with two minor defects to fix.")]


def status_report(tmp_path, milestones=None, budget=None, zh=False):
    sections = list(SR)
    if milestones:
        sections.append(("里程碑" if zh else "3. Milestones", milestones))
    if budget:
        sections.append(("挣值" if zh else "4. Earned Value", budget))
    control = dict(control_for("Project Status Report"), **{"Report Date": "2026-09-21"})
    return check_one(make_docx(tmp_path / "sr.docx", title="Project Status Report", sections=sections, control=control))


def test_sr06_open_milestone_forecast_before_report_date(tmp_path):
    ms = [["ID", "Milestone", "Baseline", "Forecast", "Actual", "Status"],
          ["M1", "Design signed off", "2026-03-20", "2026-03-20", "2026-03-20", "Complete"],
          ["M2", "Go-live", "2026-08-24", "2026-09-01", "", "In progress"],
          ["M3", "Closure", "2026-09-30", "2026-09-30", "", "Scheduled"]]
    found = rules(status_report(tmp_path, ms), "SR-06")
    assert len(found) == 1 and "Go-live" in found[0]["message"] and found[0]["location"]["row"] == 2


def test_sr06_actual_after_report_date(tmp_path):
    ms = [["ID", "Milestone", "Baseline", "Forecast", "Actual", "Status"],
          ["M1", "Design signed off", "2026-03-20", "2026-03-20", "2026-10-02", "Complete"]]
    assert len(rules(status_report(tmp_path, ms), "SR-06")) == 1


def test_sr07_evm_arithmetic(tmp_path):
    good = [["Measure", "Amount (USD)"], ["Budget at completion (BAC)", "1,172,000"], ["Actual cost (AC)", "1,128,600"],
            ["Estimate to complete (ETC)", "24,400"], ["Estimate at completion (EAC = AC + ETC)", "1,153,000"],
            ["Variance at completion (VAC = BAC - EAC)", "19,000"]]
    assert rules(status_report(tmp_path, budget=good), "SR-07") == []
    bad = good[:-1] + [["Variance at completion (VAC = BAC - EAC)", "29,000"]]
    found = rules(status_report(tmp_path, budget=bad), "SR-07")
    assert len(found) == 1 and "VAC" in found[0]["message"] and "19,000" in found[0]["message"]


# --- CLS-03 / CLS-04 ----------------------------------------------------------------------------

def closure_with(schedule=None, cost=None, cost_text=None):
    out = []
    for h, b in CLOSURE:
        if h.startswith("5.") and schedule:
            b = schedule
        if h.startswith("6.") and cost:
            b = cost
        out.append((h, b))
        if h.startswith("6.") and cost_text:
            out.append(("6.1 Cost variance reasons", cost_text))
    return out


@pytest.mark.parametrize("zh", [False, True])
def test_cls03_finish_variance_is_actual_minus_planned(tmp_path, zh):
    head = ["阶段", "计划结束", "实际结束", "结束偏差（天）"] if zh else ["Phase", "Planned finish", "Actual finish", "Finish variance (days)"]
    ok = [head, ["Build", "2026-06-19", "2026-06-26", "+7"]]
    bad = [head, ["Build", "2026-06-19", "2026-06-26", "+3"]]
    assert rules(doc_of(tmp_path, "Project Closure Report", closure_with(schedule=ok)), "CLS-03") == []
    found = rules(doc_of(tmp_path, "Project Closure Report", closure_with(schedule=bad)), "CLS-03")
    assert len(found) == 1 and found[0]["location"]["row"] == 1 and found[0]["location"]["col"] == 3


def test_cls04_variance_arithmetic_and_reason(tmp_path):
    head = ["Cost category", "Baseline (USD)", "Actual (USD)", "Variance (USD)", "Variance (%)"]
    wrong = [head, ["Partner services", "572,000", "569,500", "-3,500", "-0.4%"]]
    found = rules(doc_of(tmp_path, "Project Closure Report", closure_with(cost=wrong)), "CLS-04")
    assert len(found) == 1 and "-2,500" in found[0]["message"]
    over = [head, ["Integration middleware", "90,000", "72,500", "-17,500", "-19.4%"]]
    found = rules(doc_of(tmp_path, "Project Closure Report", closure_with(cost=over)), "CLS-04")
    assert len(found) == 1 and "reason" in found[0]["message"]
    explained = closure_with(cost=over, cost_text="Integration middleware came in under budget because the licence uplift was waived.")
    assert rules(doc_of(tmp_path, "Project Closure Report", explained), "CLS-04") == []


# --- CH-10 / CH-06 ------------------------------------------------------------------------------

@pytest.mark.parametrize("zh,body", [(False, [["Risk", "Response", "Owner"]]), (False, "None identified."),
                                     (True, [["风险", "应对措施", "责任人"]]), (True, "无")])
def test_ch10_risk_section_listing_nothing_is_ch10_not_com14(tmp_path, zh, body):
    base = ZH_SECTIONS if zh else EN_SECTIONS
    sections = replace(base, "五、主要风险" if zh else "Overall Project Risk", body)
    doc = check_one(make_docx(tmp_path / "c.docx", sections=sections, zh=zh))
    assert doc["doc_type"] == "CHARTER"
    assert len(rules(doc, "CH-10")) == 1
    assert not [f for f in rules(doc, "COM-14") if "isk" in f["message"] or "风险" in f["message"]]


def test_ch06_breakdown_adds_up_to_the_total(tmp_path):
    table = [["Item", "Amount (USD)"], ["Partner", "700,000"], ["Licences", "400,000"], ["Total budget", "1,200,000"]]
    doc = check_one(make_docx(tmp_path / "c.docx", sections=replace(EN_SECTIONS, "Summary Budget", table)))
    found = rules(doc, "CH-06")
    assert len(found) == 1 and "1,100,000" in found[0]["message"] and found[0]["location"]["row"] == 3


# --- COST-04 / COST-03 / COST-08 ----------------------------------------------------------------

CP_BASE = [("1. Purpose and Scope", "How the costs of the project are estimated, budgeted and controlled."),
           ("2. Units of Measure", "US dollars (USD), rounded to the nearest 100; accuracy -5% / +10%.")]


def cost_plan(tmp_path, components, phased=None):
    sections = CP_BASE + [("3. Budget at Completion and Total Budget", components)]
    if phased:
        sections.append(("4. Time-phased Budget", phased))
    control = dict(control_for("Cost Management Plan"), **{"Document Title": "Cost Management Plan"})
    return check_one(make_docx(tmp_path / "cp.docx", title="Cost Management Plan", sections=sections, control=control))


COMPONENTS = [["Component", "Amount (USD)"], ["Work-package estimates", "1,152,000"], ["Contingency reserve", "20,000"],
              ["Cost baseline", "1,172,000"], ["Management reserve", "28,000"], ["Total authorised budget", "1,200,000"]]


def test_cost04_baseline_and_total_budget_build_up(tmp_path):
    assert rules(cost_plan(tmp_path, COMPONENTS), "COST-04") == []
    bad = COMPONENTS[:5] + [["Total authorised budget", "1,250,000"]]
    found = rules(cost_plan(tmp_path, bad), "COST-04")
    assert len(found) == 1 and "1,200,000" in found[0]["message"]


def test_cost03_time_phased_total_against_total_budget(tmp_path):
    phased = [["Cost (USD)", "Q1", "Q2", "Total"], ["Partner", "600,000", "600,000", "1,200,000"],
              ["Total budget", "600,000", "600,000", "1,200,000"]]
    assert rules(cost_plan(tmp_path, COMPONENTS, phased), "COST-03") == []
    short = [phased[0], ["Partner", "500,000", "600,000", "1,100,000"], ["Total budget", "500,000", "600,000", "1,100,000"]]
    found = rules(cost_plan(tmp_path, COMPONENTS, short), "COST-03")
    assert len(found) == 1 and "1,200,000" in found[0]["message"]


def test_cost08_reads_the_budget_table_not_the_doc_control_table(tmp_path):
    components = [["Cost item", "Amount (USD)"], ["Partner services", "900,000"], ["Licences", ""],
                  ["Total", "900,000"]]
    found = rules(cost_plan(tmp_path, components), "COST-08")
    assert len(found) == 1 and "Licences" in found[0]["message"]
