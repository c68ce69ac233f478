"""What a rule applies to, said in its pack: controlled documents vs records, filled documents vs blank
templates; and one defect gives one finding (#16)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import checker
from checker.analysis.context import Context
from checker.analysis.template_state import document_state
from checker.core.errors import PackError
from checker.core.options import Options
from checker.io.readers import read_document
from checker.io.safe_open import open_document
from checker.kinds.spec import rule_spec
from checker.lexicon.vocabulary import shipped_vocabulary
from tests.support.clean_docs import EN_CHARTER, EN_SECTIONS, EN_STATUS, make_docx

TODAY = {"today": date(2026, 11, 25)}


def _rules(path: Path) -> list[tuple[str, str]]:
    doc = checker.check([str(path)], config=TODAY)["documents"][0]
    assert doc["error"] is None, doc["error"]
    return [(f["rule"], f["message"]) for f in doc["findings"]]


def _state(path: Path, doc_type: str):
    vocab = shipped_vocabulary()
    doc = read_document(open_document(str(path), Options().limits), vocab)
    return document_state(Context(doc=doc, doc_type=doc_type, language="en", today=date(2026, 11, 25), vocab=vocab))


def test_a_record_needs_no_document_control_block_or_revision_history(tmp_path: Path) -> None:
    """A weekly status report identifies itself by its project, period and author; version and revision
    history belong to controlled documents (a plan, a charter)."""
    control = {"Project Name": "Apollo CRM Migration", "Reporting Period": "2026-03-23 to 2026-03-29",
               "Prepared by": "Wei Zhang"}
    report = make_docx(tmp_path / "status.docx", title="Weekly Status Report", control=control, revisions=[],
                       approvals=[], sections=EN_STATUS)
    assert not [r for r, _ in _rules(report) if r in ("COM-01", "COM-04")]
    plan = make_docx(tmp_path / "charter.docx", control=control, revisions=[], sections=EN_SECTIONS)
    found = dict(_rules(plan))
    assert "COM-04" in found and "version" in found["COM-01"]


def test_the_nature_of_a_document_comes_from_its_type(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "status.docx", title="Weekly Status Report", sections=EN_STATUS)
    assert _state(path, "STATUS_REPORT").nature == "record"
    assert _state(path, "CHARTER").nature == "controlled"


def test_an_application_form_is_a_record_and_a_business_case_is_controlled(tmp_path: Path) -> None:
    """'立项申请书', 'Project Request Form': an application filed for a decision is identified and
    dated by its own fields; a business case or proposal of the same type is version-controlled."""
    from tests.support.word import WordWriter

    def request(title: str, name: str) -> Path:
        w = WordWriter("zh")
        w.title(title)
        w.kv_table([("项目名称", "考勤系统"), ("申请人", "李安"), ("申请日期", "2026-03-01")])
        w.heading("一、项目背景")
        w.para("纸质考勤效率低，拟建设电子考勤系统。")
        w.heading("二、项目目标")
        w.para("2026年6月底前全校上线。")
        w.heading("三、投资估算")
        w.para("预算20万元。")
        return w.save(tmp_path / name)

    application = request("立项申请书", "立项申请书.docx")
    assert _state(application, "INIT_REQUEST_BC").nature == "record"
    assert not [r for r, _ in _rules(application) if r in ("COM-01", "COM-04")]
    proposal = request("项目建议书", "项目建议书.docx")
    assert _state(proposal, "INIT_REQUEST_BC").nature == "controlled"
    assert "COM-04" in dict(_rules(proposal))


def _blank_charter(path: Path) -> Path:
    control = {"Project Name": "", "Document Title": "Project Charter", "Date": "", "Author": "[Insert name]"}
    sections = [(heading, "") for heading, _ in EN_CHARTER[:8]]
    approvals = [("", "Project Sponsor", "", ""), ("", "PMO Director", "", "")]
    return make_docx(path, title="Project Charter Template", control=control, revisions=[], approvals=approvals,
                     sections=sections)


def test_a_document_of_no_known_type_is_not_held_to_a_controlled_documents_rules(tmp_path: Path) -> None:
    """A defect list the checker cannot type is of no known nature: nothing says a PMO version-controls
    it, so it hears nothing of a missing version, author or revision history (COM-01, COM-04)."""
    from tests.support.word import WordWriter

    w = WordWriter("en")
    w.para("Calculator app - defects found in week 12")
    w.table(["No.", "Defect", "Found by", "Severity", "Status"],
            [["1", "Division by zero crashes the app", "Tester A", "High", "Fixed"],
             ["2", "Result field truncates long numbers", "Tester B", "Low", "Open"]])
    path = w.save(tmp_path / "defects.docx")
    doc = checker.check([str(path)], config=TODAY)["documents"][0]
    assert doc["doc_type"] == "UNKNOWN"
    assert _state(path, "UNKNOWN").nature == "unknown"
    assert not [r for r, _ in _rules(path) if r in ("COM-01", "COM-04")]
    assert _state(path, "CHARTER").nature == "controlled"  # the same text typed as a charter would be


def test_a_blank_template_hears_what_it_lacks_not_that_it_is_empty(tmp_path: Path) -> None:
    path = _blank_charter(tmp_path / "charter template.docx")
    state = _state(path, "CHARTER")
    assert state.state == "template" and state.empty >= state.slots * 0.6
    found = _rules(path)
    rules = {r for r, _ in found}
    # What a template is for: empty fields, empty sections, prompts, nobody signed. Not findings.
    assert not rules & {"COM-02", "COM-14"}
    assert not any(r == "COM-01" and "empty" in m for r, m in found)
    assert not any(r == "COM-06" and "nobody" in m for r, m in found)
    # What the template itself lacks still is: no Version field, no revision history, missing elements.
    assert any(r == "COM-01" and "version" in m for r, m in found)
    assert any(r == "COM-04" and "No revision-history table" in m for r, m in found)
    assert "CH-01" in rules


def test_the_same_document_filled_in_gets_the_filled_document_rules(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "charter.docx", sections=EN_CHARTER)
    assert _state(path, "CHARTER").state == "filled"


def test_missing_elements_make_one_finding_that_lists_them(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "charter.docx", sections=EN_CHARTER[:5])
    ch01 = [m for r, m in _rules(path) if r == "CH-01"]
    assert len(ch01) == 1
    assert "Pre-approved Financial Resources" in ch01[0] and "Project Exit Criteria" in ch01[0]


def test_an_approval_block_nobody_signed_is_one_finding(tmp_path: Path) -> None:
    approvals = [("", "Project Sponsor", "", ""), ("", "PMO Director", "", ""), ("", "Head of IT", "", "")]
    path = make_docx(tmp_path / "charter.docx", sections=EN_CHARTER, approvals=approvals)
    com06 = [m for r, m in _rules(path) if r == "COM-06"]
    assert len(com06) == 1 and "Project Sponsor" in com06[0] and "Head of IT" in com06[0]


@pytest.mark.parametrize("raw, error", [
    ({"documents": "forms"}, "documents must be one of"),
    ({"blank_template": ["nope"]}, "blank_template must be all, none or message variants"),
])
def test_applicability_keys_are_checked_when_a_pack_is_read(raw: dict, error: str) -> None:
    rule = {"id": "ACME-01", "kind": "placeholders", "severity": "major", "title": "t", "message": "m", **raw}
    with pytest.raises(PackError, match=error):
        rule_spec(rule, "acme", None)


def test_every_rule_that_can_miss_several_elements_can_say_so_in_one_finding() -> None:
    from checker.config.packs import builtin_specs

    for spec in builtin_specs():
        if spec.kind == "required_sections" and spec.params.get("mode", "missing") == "missing":
            keys = spec.params.get("keys")
            assert (keys is not None and len(keys) == 1) or "many" in spec.variants, spec.id


def test_a_lessons_register_laid_out_as_a_form_is_a_record(tmp_path: Path) -> None:
    """'经验教训登记册' (a lessons register by knowledge area, rows to fill under 做得好的方面 | 有待改进的方面)
    names itself a register: a record, with no COM-01 control block or COM-04 revision history asked."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "经验教训登记册"
    for row in (["经验教训登记册"], ["项目名称：考勤系统", "准备日期：2026-06-30"], ["项目绩效分析"],
                ["", "做得好的方面", "有待改进的方面"], ["需求定义和管理", "需求评审及时", "变更记录不全"],
                ["进度制定和控制", "里程碑按期", "测试时间不足"]):
        ws.append(row)
    path = tmp_path / "经验教训登记册.xlsx"
    wb.save(path)
    assert _state(path, "LESSONS").nature == "record"
    assert not [r for r, _ in _rules(path) if r in ("COM-01", "COM-04")]
