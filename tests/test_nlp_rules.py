"""The semi-automatic rules (automation S) on documents built in code, English and Chinese: SMART objectives
and benefits (CH-04, BC-15, BC-03), risk and issue wording (RR-03, RR-04, IR-08), concrete responses and
lessons (RR-11, LL-08), near-duplicate risks (RR-20), one owner (RR-08), Amber/Red explained (SR-03),
quantified progress (SR-11), decisions recorded (MM-03) — and that spaCy is loaded only when needed."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

import checker
from tests.support.clean_docs import (
    EN_BC,
    EN_CHARTER,
    EN_CHARTER_CONTROL,
    EN_PMP,
    EN_STATUS,
    EN_STATUS_CONTROL,
    ZH_CHARTER,
    ZH_CHARTER_CONTROL,
    ZH_STATUS,
    ZH_STATUS_CONTROL,
    control_for,
    make_docx,
)
from tests.support.cli import ROOT

TODAY = date(2026, 11, 25)
NLP_RULES = {"CH-04", "BC-15", "BC-03", "RR-03", "RR-04", "RR-11", "RR-20", "IR-08", "LL-08", "SR-03", "SR-11", "MM-03",
             "SS-07", "RR-08"}


def check(path: Path, config: dict | None = None) -> dict:
    doc = checker.check([str(path)], config={"today": TODAY, **(config or {})})["documents"][0]
    assert doc["error"] is None, doc["error"]
    return doc


def rule(doc: dict, rid: str) -> list[dict]:
    return [f for f in doc["findings"] if f["rule"] == rid]


def replaced(sections, prefix: str, body):
    return [(h, body if h.startswith(prefix) else b) for h, b in sections]


# --- SMART objectives (Appendix B) --------------------------------------------------------------------

def test_a_vague_english_objective_gets_a_smart_finding_with_a_rewrite_pattern(tmp_path):
    sections = replaced(EN_CHARTER, "2.", "Improve customer satisfaction.")
    doc = check(make_docx(tmp_path / "charter.docx", sections=sections, control=EN_CHARTER_CONTROL))
    [f] = rule(doc, "CH-04")
    assert f["severity"] == "major" and f["location"]["text"] == "Improve customer satisfaction."
    assert f["message"] == "The objective “Improve customer satisfaction.” is not specific, measurable or time-bound."
    for part in ("specific:", "“Improve”", "measurable:", "time-bound:", "by <date>", "from 3.6 to 4.2"):
        assert part in f["suggestion"], part


def test_a_vague_chinese_objective_gets_a_smart_finding_in_chinese(tmp_path):
    sections = replaced(ZH_CHARTER, "二", "尽快完成系统优化。")
    doc = check(make_docx(tmp_path / "章程.docx", sections=sections, control=ZH_CHARTER_CONTROL, zh=True, title="项目章程"))
    [f] = rule(doc, "CH-04")
    assert f["location"]["text"] == "尽快完成系统优化。"
    assert f["message"] == "目标“尽快完成系统优化。”不够具体、不可衡量、没有时限。"
    assert "“尽快”" in f["suggestion"] and "“优化”" in f["suggestion"] and "上线后3个月内" in f["suggestion"]


def test_an_objectives_table_row_is_read_whole_and_only_what_is_missing_is_said(tmp_path):
    table = [["ID", "Objective", "Success criterion", "Target date"],
             ["O1", "Migrate active customer accounts", "At least 99.5% reconciled at final load", "2026-08-24"],
             ["O2", "Retire the legacy platform", "Licence termination notice served", ""],
             ["O3", "Cut first-response time", "Average first response faster than today", "2026-09-18"]]
    sections = replaced(EN_CHARTER, "2.", table)
    doc = check(make_docx(tmp_path / "charter.docx", sections=sections, control=EN_CHARTER_CONTROL))
    got = {f["location"]["text"]: f["message"] for f in rule(doc, "CH-04")}
    assert set(got) == {"O2", "O3"}
    assert got["O2"].endswith("is not time-bound.") and got["O3"].endswith("is not specific or measurable.")


def test_a_deadline_stated_for_all_objectives_makes_each_time_bound(tmp_path):
    body = "All objectives are met by 2026-09-30:\n" \
           "Migrate 100% of active accounts with zero data loss\nTrain all 420 users on the new CRM"
    sections = replaced(EN_CHARTER, "2.", body)
    doc = check(make_docx(tmp_path / "charter.docx", sections=sections, control=EN_CHARTER_CONTROL))
    assert rule(doc, "CH-04") == []


def test_objectives_bulleted_with_a_symbol_font_glyph_are_quoted_without_it(tmp_path):
    body = "\uf0b7 Deliver the booking app to the pilot stores\n\uf0b7 Offer online payment in the booking app"
    sections = replaced(EN_CHARTER, "2.", body)
    doc = check(make_docx(tmp_path / "charter.docx", sections=sections, control=EN_CHARTER_CONTROL))
    quoted = [f["location"]["text"] for f in rule(doc, "CH-04")]
    assert quoted == ["Deliver the booking app to the pilot stores", "Offer online payment in the booking app"]


def test_every_listed_requirement_met_is_measurable_but_not_dated(tmp_path):
    body = "The project succeeds when all the functions listed in the requirements specification are delivered."
    sections = replaced(EN_CHARTER, "2.", body)
    doc = check(make_docx(tmp_path / "charter.docx", sections=sections, control=EN_CHARTER_CONTROL))
    [f] = rule(doc, "CH-04")
    assert f["message"].endswith("is not time-bound.")


def test_many_objectives_alike_are_one_finding(tmp_path):
    body = "\n".join(f"- Improve process {n}" for n in range(1, 10))
    sections = replaced(EN_CHARTER, "2.", body)
    doc = check(make_docx(tmp_path / "charter.docx", sections=sections, control=EN_CHARTER_CONTROL))
    [f] = rule(doc, "CH-04")
    assert f["message"].startswith("9 objectives are not SMART, e.g. “- Improve process 1”") and "and 6 more" in f["message"]


def test_business_case_objectives_and_benefits(tmp_path):
    sections = replaced(replaced(EN_BC, "3.", "Modernise the sales platform."), "5.",
                        [["Benefit", "Baseline", "Target", "Measured", "Owner"],
                         ["Licence cost avoided (USD a year)", "410,000", "0", "2027-03-31, then yearly", "Thomas Brandt"],
                         ["Faster quotes", "", "Same-day quotes", "quarterly", ""]])
    doc = check(make_docx(tmp_path / "bc.docx", title="Business Case", sections=sections,
                          control=control_for("Business Case")))
    [objective] = rule(doc, "BC-15")
    assert objective["location"]["text"] == "Modernise the sales platform."
    [benefit] = rule(doc, "BC-03")
    assert benefit["location"]["text"] == "Faster quotes"
    assert benefit["message"] == "The benefit “Faster quotes | Same-day quotes | quarterly” is not measurable, given a " \
                                 "baseline or owned by anyone."
    assert "baseline:" in benefit["suggestion"] and "owner:" in benefit["suggestion"]


# --- registers ---------------------------------------------------------------------------------------

RISK_HEADER = ["Risk ID", "Risk Description", "Category", "Date Raised", "Probability", "Impact", "Risk Score",
               "Risk Level", "Response Strategy", "Response Actions", "Risk Owner", "Status", "Last Reviewed"]
ZH_RISK_HEADER = ["风险编号", "风险描述", "风险类别", "识别日期", "发生概率", "影响程度", "风险值", "风险等级", "应对策略", "应对措施",
                  "责任人", "状态", "复核日期"]


def register(path: Path, title: str, header: list[str], rows: list[list]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    ws.cell(1, 1, title)
    ws.cell(2, 1, "Date:")
    ws.cell(2, 2, "2026-11-20")
    for r, line in enumerate([header, *rows], start=4):
        for c, value in enumerate(line, start=1):
            if value not in (None, ""):
                ws.cell(r, c, value)
    wb.save(path)
    return path


def risk(rid, text, response="Weekly call with the vendor's delivery lead", owner="Dana Lee", strategy="Reduce",
         status="Open"):
    return [rid, text, "Supplier", date(2026, 10, 1), 3, 3, 9, "Medium", strategy, response, owner, status,
            date(2026, 11, 18)]


def test_risk_wording_cause_effect_issues_and_generic_responses(tmp_path):
    rows = [risk("R-1", "Because the vendor shares its architect with another client, the design may slip, delaying go-live."),
            risk("R-2", "Vendor may deliver late."),
            risk("R-3", "The test environment has been down since Monday.", response="Monitor closely"),
            risk("R-4", "If the budget is cut, testing may be reduced.", response=""),
            risk("R-5", "If the budget is cut, testing may be reduced", response="Insurance", strategy="Accept"),
            risk("R-6", "Key users may leave for a competing project, which would slow acceptance.",
                 response="Keep monitoring the situation", strategy="Accept")]
    doc = check(register(tmp_path / "risks.xlsx", "Risk Register", RISK_HEADER, rows))
    assert {f["location"]["cell"] for f in rule(doc, "RR-03")} == {"B6", "B7"}
    [issue] = rule(doc, "RR-04")
    assert issue["location"]["cell"] == "B7" and issue["message"].startswith("Risk R-3 reads as something that has already")
    responses = {f["location"]["cell"]: f for f in rule(doc, "RR-11")}
    assert set(responses) == {"J7", "J8"}  # are accepted: no response needed
    assert "generic" in responses["J7"]["message"] and "has no response action" in responses["J8"]["message"]
    [dup] = rule(doc, "RR-20")
    assert dup["location"]["cell"] == "B9" and "R-4" in dup["message"]


def test_chinese_register_wording(tmp_path):
    rows = [["R-1", "由于供应商人手不足，接口开发可能延期，导致联调推迟。", "供应商", date(2026, 10, 1), 3, 3, 9, "中", "减轻",
             "每周与供应商核对交付计划", "张伟", "开放", date(2026, 11, 18)],
            ["R-2", "测试环境目前无法访问，回归测试已暂停。", "技术", date(2026, 10, 2), 3, 3, 9, "中", "减轻", "密切关注",
             "李娜", "开放", date(2026, 11, 18)],
            ["R-3", "人员流失", "资源", date(2026, 10, 3), 2, 3, 6, "中", "减轻", "对两名开发人员交叉培训", "信息中心",
             "开放", date(2026, 11, 18)]]
    doc = check(register(tmp_path / "风险登记册.xlsx", "风险登记册", ZH_RISK_HEADER, rows))
    assert {f["location"]["cell"] for f in rule(doc, "RR-03")} == {"B6", "B7"}
    [issue] = rule(doc, "RR-04")
    assert issue["location"]["cell"] == "B6" and issue["message"].startswith("风险 R-2 的描述为已发生的情况")
    [generic] = rule(doc, "RR-11")
    assert generic["location"]["cell"] == "J6" and "过于笼统" in generic["message"]
    [unit] = rule(doc, "RR-08")
    assert unit["location"]["cell"] == "K7" and "部门或团队" in unit["message"]


def test_one_owner_is_one_person_with_a_role_but_two_names_are_two(tmp_path):
    text = "Because the vendor is short of staff, it may deliver late and delay go-live."
    rows = [risk("R-1", text, owner="UI Lead, Mr. Li"), risk("R-2", text + " 2", owner="Wei Zhang / Dana Lee"),
            risk("R-3", text + " 3", owner="Marcus Webb, Senior Project Manager"), risk("R-4", text + " 4", owner="Finance team")]
    doc = check(register(tmp_path / "risks.xlsx", "Risk Register", RISK_HEADER, rows))
    got = {f["location"]["cell"]: f["message"] for f in rule(doc, "RR-08")}
    assert set(got) == {"K6", "K8"}
    assert "several owners" in got["K6"] and "team or department" in got["K8"]


def test_an_issue_worded_as_a_risk(tmp_path):
    header = ["Issue ID", "Issue Type", "Date Raised", "Raised By", "Description", "Priority", "Severity", "Owner",
              "Target Resolution Date", "Status"]
    rows = [["I-1", "Problem", date(2026, 10, 1), "Ann Lee", "Printer drivers crashed on 40 store terminals.", "High",
             "High", "Bob Smith", date(2026, 12, 1), "Open"],
            ["I-2", "Problem", date(2026, 10, 2), "Ann Lee", "The bank might not sign the interface specification in time.",
             "Medium", "Medium", "Carol Diaz", date(2026, 12, 1), "Open"]]
    doc = check(register(tmp_path / "issues.xlsx", "Issue Log", header, rows))
    [f] = rule(doc, "IR-08")
    assert f["location"]["cell"] == "E6" and f["severity"] == "minor" and "is a risk, not an issue" in f["message"]


# --- status reports, minutes ---------------------------------------------------------------------------

def test_amber_and_red_need_cause_action_and_owner(tmp_path):
    table = [["Dimension", "RAG", "Comment"], ["Schedule", "Green", "On plan"],
             ["Quality", "Amber", "The defect backlog grew to 40 open defects."],
             ["Cost", "Red", "Licence costs rose 20%. Action: renegotiate the contract by 2026-05-01; owner Dana Lee."]]
    sections = EN_STATUS + [("Dimension status", table), ("Status Summary", "The project is on track and mostly complete.")]
    doc = check(make_docx(tmp_path / "status.docx", title="Status Report", control=EN_STATUS_CONTROL, sections=sections,
                          revisions=[], approvals=[]))
    [f] = rule(doc, "SR-03")
    assert f["location"]["text"] == "Amber"
    assert f["message"] == "“Quality” is Amber, but the report does not give the corrective action and the owner."
    [claim] = rule(doc, "SR-11")
    assert claim["severity"] == "minor" and "“on track”, “mostly complete”" in claim["message"]


def test_chinese_status_report(tmp_path):
    table = [["维度", "状态", "说明"], ["进度", "黄", "需求评审延期一周"],
             ["质量", "红", "缺陷数超标。措施：增加一轮回归测试，责任人：张伟"]]
    sections = ZH_STATUS + [("各维度状态", table), ("状态摘要", "项目进展顺利，开发工作基本完成。")]
    doc = check(make_docx(tmp_path / "周报.docx", title="项目周报", control=ZH_STATUS_CONTROL, sections=sections, zh=True,
                          revisions=[], approvals=[]))
    [f] = rule(doc, "SR-03")
    assert f["message"] == "“进度”为黄，但报告未说明纠正措施、责任人。"
    [claim] = rule(doc, "SR-11")
    assert "“进展顺利”" in claim["message"] and "“基本完成”" in claim["message"]


MINUTES = {"Meeting Name": "Weekly project meeting", "Date": "2026-03-04", "Chair": "Wei Zhang", "Recorder": "Dana Lee"}


@pytest.mark.parametrize("sections, expected", [
    ([("Discussion", "The rehearsal found 2% of records rejected.\nIt was agreed to run a third rehearsal in April.")],
     "A decision is recorded inside the discussion (“It was agreed to run a third rehearsal in April.”)"),
    ([("Discussion", "The rehearsal found 2% of records rejected.")], "The minutes record no decision"),
    ([("Discussion", "The rehearsal found 2% of records rejected."), ("Decisions", "Run a third rehearsal in April.")], None),
    ([("Discussion", "The rehearsal found 2% of records rejected."), ("Decisions", "No decisions were taken.")], None),
])
def test_minutes_record_decisions_apart_from_discussion(tmp_path, sections, expected):
    base = [("Attendees", "Wei Zhang, Dana Lee, Omar Haddad"), ("Agenda", "Migration rehearsal")]
    doc = check(make_docx(tmp_path / "minutes.docx", title="Meeting Minutes", control=MINUTES, revisions=[],
                          approvals=[], sections=base + sections))
    got = rule(doc, "MM-03")
    assert [f["message"][:len(expected)] for f in got] == ([expected] if expected else [])


def test_chinese_minutes_with_a_decisions_heading_on_a_topic(tmp_path):
    control = {"会议名称": "项目周例会", "会议时间": "2026-03-04", "主持人": "张伟", "记录人": "李娜"}
    sections = [("参会人员", "张伟、李娜、王强"), ("会议议程", "确定接口方案"), ("讨论内容", "比较了两种接口方案的工作量。"),
                ("接口方案决策", "经讨论，采用方案二，由王强在3月10日前完成接口文档。")]
    doc = check(make_docx(tmp_path / "纪要.docx", title="会议纪要", control=control, revisions=[], approvals=[],
                          sections=sections, zh=True))
    assert rule(doc, "MM-03") == []
    sections[-1] = ("后续安排", "王强在3月10日前完成接口文档。")
    doc = check(make_docx(tmp_path / "纪要2.docx", title="会议纪要", control=control, revisions=[], approvals=[],
                          sections=sections, zh=True))
    assert [f["message"] for f in rule(doc, "MM-03")] == ["会议纪要未记录任何决议，也未说明本次会议无决议。"]


# --- the clean samples, the configuration, the laziness ---------------------------------------------------

def test_the_clean_samples_get_no_blocker_or_major_from_the_nlp_rules():
    report = checker.check([str(ROOT / "sample_docs" / "en"), str(ROOT / "sample_docs" / "zh")], config={"today": TODAY})
    bad = [(d["path"], f["rule"], f["message"]) for d in report["documents"] for f in d["findings"]
           if f["rule"] in NLP_RULES and f["severity"] in ("blocker", "major")]
    assert bad == []


def test_a_pmo_adds_words_to_the_nlp_lexicon(tmp_path):
    sections = EN_STATUS + [("Status Summary", "All workstreams are humming along nicely.")]
    path = make_docx(tmp_path / "status.docx", title="Status Report", control=EN_STATUS_CONTROL, sections=sections,
                     revisions=[], approvals=[])
    assert rule(check(path), "SR-11") == []
    extra = {"synonyms": {"nlp": {"progress_claim": {"en": ["humming along"]}}}}
    assert [f["location"]["text"] for f in rule(check(path, extra), "SR-11")] == [
        "All workstreams are humming along nicely."]


def test_a_pretrained_pipeline_that_is_not_installed_is_a_configuration_error(tmp_path):
    (tmp_path / "pmo-check.toml").write_text('[nlp]\nen = "en_core_web_unheard_of"\n', encoding="utf-8")
    make_docx(tmp_path / "charter.docx")
    out = subprocess.run([sys.executable, "-m", "checker.cli", "check", str(tmp_path), "--format", "json"],
                         capture_output=True, text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert out.returncode == 2 and out.stdout == ""
    assert "[nlp] en = 'en_core_web_unheard_of'" in out.stderr and "never downloads" in out.stderr
    assert "Traceback" not in out.stderr


_LOADED = ("import json, sys, checker; from datetime import date; "
           "r = checker.check(sys.argv[1:], config={'today': date(2026, 11, 25)}); "
           "print(json.dumps({'spacy': 'spacy' in sys.modules, 'jieba': 'jieba' in sys.modules, "
           "'errors': [d['error'] for d in r['documents'] if d['error']]}))")


def _loaded(*paths: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", _LOADED, *map(str, paths)], capture_output=True, text=True, cwd=ROOT,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, check=True)
    return json.loads(out.stdout)


def test_spacy_and_jieba_load_only_when_a_text_needs_them(tmp_path):
    # A schedule has no rule that reads its words; a compliant charter's objectives are decided by their
    # numbers and dates; a vague Chinese objective needs jieba to find its words.
    schedule = ROOT / "sample_docs" / "en" / "schedule.xlsx"
    charter = make_docx(tmp_path / "charter.docx", sections=EN_CHARTER, control=EN_CHARTER_CONTROL)
    assert _loaded(schedule, charter) == {"spacy": False, "jieba": False, "errors": []}
    vague = make_docx(tmp_path / "章程.docx", sections=replaced(ZH_CHARTER, "二", "尽快完成系统优化。"),
                      control=ZH_CHARTER_CONTROL, zh=True, title="项目章程")
    assert _loaded(vague) == {"spacy": True, "jieba": True, "errors": []}


# --- what a section must speak of (kind `mentions`) ------------------------------------------------------

@pytest.mark.parametrize("body, missing", [
    ("Wei Zhang is the project manager, with authority over spending up to USD 50,000 per decision.", None),
    ("Wei Zhang is the project manager.", "authority"),
    ("The project manager runs the team, approves spending up to USD 50,000 and escalates larger decisions.",
     "name"),
])
def test_ch02_the_project_manager_is_named_with_an_authority_level(tmp_path, body, missing):
    sections = replaced(EN_CHARTER, "11.", body)
    got = rule(check(make_docx(tmp_path / "charter.docx", sections=sections, control=EN_CHARTER_CONTROL)), "CH-02")
    if missing is None:
        assert got == []
    else:
        [f] = got
        assert f["severity"] == "blocker" and missing in f["message"]
        assert f["location"]["text"].startswith("11. Assigned Project Manager")


def test_ch02_in_chinese(tmp_path):
    sections = replaced(ZH_CHARTER, "十一", "李明负责项目的日常管理工作。")
    [f] = rule(check(make_docx(tmp_path / "章程.docx", sections=sections, control=ZH_CHARTER_CONTROL, zh=True,
                               title="项目章程")), "CH-02")
    assert f["message"] == "“委派的项目经理及其职责和职权”未写明项目经理的职权（可审批、支配或决策的范围）。"


def test_ch09_and_ch11(tmp_path):
    sections = replaced(replaced(EN_CHARTER, "9.", "The charter is approved by the sponsor."), "4.",
                        "Data migration, integrations and training for all sales regions.")
    doc = check(make_docx(tmp_path / "charter.docx", sections=sections, control=EN_CHARTER_CONTROL))
    [f] = rule(doc, "CH-09")
    assert f["message"] == ("“Project Approval Requirements” does not say who judges whether the project succeeded, "
                            "who signs the project's closure.")
    [boundary] = rule(doc, "CH-11")
    assert boundary["severity"] == "minor" and "out of scope" in boundary["message"]


def test_pmp03_the_plan_says_baselines_change_through_change_requests(tmp_path):
    def plan(body):
        sections = replaced(EN_PMP, "7.", body)
        return check(make_docx(tmp_path / f"plan{len(body)}.docx", title="Project Management Plan", sections=sections,
                               control=control_for("Project Management Plan")))
    assert rule(plan("Every change to a baseline goes through a change request approved by the change board."),
                "PMP-03") == []
    [f] = rule(plan("The project manager keeps the plans up to date as the work progresses."), "PMP-03")
    assert f["severity"] == "major" and "approved change requests" in f["message"]


def test_business_case_options_and_ongoing_costs(tmp_path):
    options = [["Option", "Cost", "Assessment"], ["Upgrade on premise", "USD 780,000", "Keeps the cost base"],
               ["Move to SaaS CRM", "USD 1,200,000", "Meets all objectives"]]
    sections = replaced(EN_BC, "7.", "One-off cost USD 1,200,000 (estimate accuracy ±15%).") + [("9. Business Options", options)]
    doc = check(make_docx(tmp_path / "bc.docx", title="Business Case", sections=sections,
                          control=control_for("Business Case")))
    [f] = rule(doc, "BC-02")
    assert f["message"] == "“Business Options” does not include a do-nothing (status quo) option, a stated preferred option."
    [cost] = rule(doc, "BC-05")
    assert cost["message"].startswith("“Costs” gives no ongoing operating or maintenance cost")


def test_the_clean_documents_meet_the_mentions_rules(tmp_path):
    for name, title, sections in (("charter.docx", "Project Charter", EN_CHARTER), ("bc.docx", "Business Case", EN_BC)):
        doc = check(make_docx(tmp_path / name, title=title, sections=sections, control=control_for(title)))
        assert [f for f in doc["findings"] if f["rule"] in ("CH-02", "CH-09", "CH-11", "BC-02", "BC-05")] == []
