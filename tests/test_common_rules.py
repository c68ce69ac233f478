"""COM-01, COM-02, COM-04 and COM-06 on Word documents built in code, English and Chinese."""
from __future__ import annotations

from datetime import date

import pytest

import checker
from tests.support.clean_docs import EN_APPROVALS, EN_CONTROL, EN_REVISIONS, ZH_CONTROL, make_docx

TODAY = {"today": date(2026, 11, 25)}


def findings(path, rule=None):
    report = checker.check([str(path)], config=TODAY)
    doc = report["documents"][0]
    assert doc["error"] is None, doc["error"]
    return [f for f in doc["findings"] if rule is None or f["rule"] == rule]


@pytest.mark.parametrize("zh", [False, True])
def test_a_clean_charter_has_no_common_findings(tmp_path, zh):
    path = make_docx(tmp_path / "charter.docx", zh=zh, title="项目章程" if zh else "Project Charter")
    assert [f for f in findings(path) if f["rule"].startswith("COM")] == []


def test_missing_doc_control_fields_are_listed_in_one_finding(tmp_path):
    control = {k: v for k, v in EN_CONTROL.items() if k not in ("Version", "Author")}
    # No revision history either: its rows would give the version (test_form_fields shows that).
    got = findings(make_docx(tmp_path / "c.docx", control=control, revisions=[]), "COM-01")
    assert len(got) == 1
    assert got[0]["severity"] == "major"
    assert "version" in got[0]["message"] and "author/owner" in got[0]["message"]


def test_an_empty_doc_control_value_points_at_its_cell(tmp_path):
    control = dict(EN_CONTROL, Author="")
    got = findings(make_docx(tmp_path / "c.docx", control=control), "COM-01")
    assert len(got) == 1
    author_row = list(control).index("Author")
    assert got[0]["location"]["table"] == 0
    assert (got[0]["location"]["row"], got[0]["location"]["col"]) == (author_row, 1)
    assert "Author" in got[0]["message"]


def test_chinese_document_gets_chinese_messages(tmp_path):
    control = {k: v for k, v in ZH_CONTROL.items() if k != "版本号"}
    got = findings(make_docx(tmp_path / "c.docx", zh=True, title="项目章程", control=control, revisions=[]), "COM-01")
    assert len(got) == 1
    assert "缺少文档控制信息" in got[0]["message"] and "版本号" in got[0]["message"]


def test_placeholder_in_a_paragraph_points_at_the_paragraph(tmp_path):
    sections = [("Project Purpose", "The purpose is TBD until the sponsor confirms it.")]
    got = findings(make_docx(tmp_path / "c.docx", sections=sections), "COM-02")
    assert len(got) == 1
    loc = got[0]["location"]
    assert loc["heading"] == "Project Purpose"
    assert "TBD" in loc["text"]
    # Title, 'Revision History' heading, 'Project Purpose' heading, then the paragraph.
    assert loc["paragraph"] == 3
    assert got[0]["severity"] == "major"


def test_placeholder_in_an_approval_escalates_to_blocker(tmp_path):
    approvals = [("[Insert sponsor name]", "Project Sponsor", "", "")]
    got = findings(make_docx(tmp_path / "c.docx", approvals=approvals), "COM-02")
    assert [f["severity"] for f in got] == ["blocker"]
    assert got[0]["location"]["table"] == 2 and got[0]["location"]["row"] == 1


def test_chinese_placeholders(tmp_path):
    sections = [("一、项目背景", "项目背景待补充。"), ("二、批准", "批准时间：    年  月  日")]
    got = findings(make_docx(tmp_path / "c.docx", zh=True, title="项目章程", sections=sections), "COM-02")
    assert sorted(f["location"]["text"] for f in got) == ["批准时间： 年 月 日", "项目背景待补充。"]
    assert all("占位符" in f["message"] for f in got)


def test_missing_revision_history(tmp_path):
    got = findings(make_docx(tmp_path / "c.docx", revisions=[]), "COM-04")
    assert len(got) == 1 and "No revision-history table" in got[0]["message"]


def test_revision_versions_out_of_order_and_dates_backwards(tmp_path):
    revisions = [("1.0", "2026-01-09", "Wei Zhang", "Approved"), ("0.9", "2026-01-05", "Wei Zhang", "Draft"),
                 ("1.1", "2026-01-12", "Wei Zhang", "Budget")]
    got = findings(make_docx(tmp_path / "c.docx", revisions=revisions), "COM-04")
    messages = [f["message"] for f in got]
    assert any("Version 0.9" in m for m in messages)
    assert any("2026-01-05" in m for m in messages)
    order = next(f for f in got if "Version 0.9" in f["message"])
    assert (order["location"]["table"], order["location"]["row"], order["location"]["col"]) == (1, 2, 0)


def test_header_version_must_equal_last_revision(tmp_path):
    control = dict(EN_CONTROL, Version="1.2")
    got = findings(make_docx(tmp_path / "c.docx", control=control), "COM-04")
    assert len(got) == 1
    assert "1.2" in got[0]["message"] and "1.1" in got[0]["message"]
    # It points at the last revision entry, where the row for version 1.2 is missing.
    assert (got[0]["location"]["table"], got[0]["location"]["row"], got[0]["location"]["col"]) == (1, 3, 0)


def test_revision_without_summary(tmp_path):
    revisions = list(EN_REVISIONS[:2]) + [("1.1", "2026-01-12", "Wei Zhang", "")]
    got = findings(make_docx(tmp_path / "c.docx", revisions=revisions), "COM-04")
    assert len(got) == 1 and "does not say what changed" in got[0]["message"]
    assert (got[0]["location"]["row"], got[0]["location"]["col"]) == (3, 3)


def test_missing_approval_block_is_a_blocker(tmp_path):
    got = findings(make_docx(tmp_path / "c.docx", approvals=[]), "COM-06")
    assert len(got) == 1 and got[0]["severity"] == "blocker"


def test_empty_approval_rows(tmp_path):
    got = findings(make_docx(tmp_path / "c.docx", approvals=[("", "", "", ""), ("", "", "", "")]), "COM-06")
    assert len(got) == 1 and "empty" in got[0]["message"]


def test_approval_by_a_role_without_date(tmp_path):
    approvals = [("Project Sponsor", "Sponsor", "", ""), EN_APPROVALS[1]]
    got = findings(make_docx(tmp_path / "c.docx", approvals=approvals), "COM-06")
    assert len(got) == 1
    assert "name" in got[0]["message"] and "signature" in got[0]["message"] and "date" in got[0]["message"]
    assert got[0]["location"]["table"] == 2 and got[0]["location"]["row"] == 1


def test_chinese_sign_off_fields(tmp_path):
    sections = [("一、项目背景", "现有仓储系统无法支持多仓协同，本项目建设统一的智慧仓储管理平台。"),
                ("二、本章程的批准", "批准人签字：王强\n批准时间：2026年2月12日")]
    got = findings(make_docx(tmp_path / "c.docx", zh=True, title="项目章程", approvals=[], sections=sections), "COM-06")
    assert got == []


def test_approval_rule_does_not_apply_to_status_reports(tmp_path):
    path = make_docx(tmp_path / "status.docx", title="Weekly Status Report", approvals=[],
                     sections=[("Overall Status", "Green"), ("This Reporting Period", "Data migration wave 1 done."),
                               ("Next Reporting Period", "Wave 2."), ("Key Issues and Risks", "R-3 open.")])
    report = checker.check([str(path)], config=TODAY)
    assert report["documents"][0]["doc_type"] == "STATUS_REPORT"
    assert [f for f in report["documents"][0]["findings"] if f["rule"] == "COM-06"] == []


def test_doc_control_written_as_headings_and_a_form_title(tmp_path):
    """Real documents write 'Project Name' as a heading with the name under it, and open with a
    form table whose first cell is the title; both count as doc-control information."""
    from docx import Document

    doc = Document()
    form = doc.add_table(rows=3, cols=2)
    for row, (label, value) in zip(form.rows, [("PROJECT CHARTER", ""), ("Date Produced", "2026-01-12"),
                                               ("Prepared by", "Wei Zhang")]):
        row.cells[0].text, row.cells[1].text = label, value
    doc.add_heading("Project Name", level=1)
    doc.add_paragraph("Apollo CRM Migration")
    doc.add_heading("Version", level=1)
    doc.add_paragraph("1.0")
    path = tmp_path / "form.docx"
    doc.save(path)
    assert findings(path, "COM-01") == []


def test_a_column_named_version_is_not_the_documents_version(tmp_path):
    """A deliverables table's Version column versions the deliverables; only a revision history's
    rows give the document's version (test_form_fields shows those)."""
    control = {k: v for k, v in EN_CONTROL.items() if k != "Version"}
    deliverables = [("Project Deliverables", [["Deliverable", "Version", "Due"], ["Migration runbook", "2.1", "2026-04-30"],
                                              ["Training pack", "1.0", "2026-05-15"]])]
    got = findings(make_docx(tmp_path / "c.docx", control=control, revisions=[], sections=deliverables), "COM-01")
    assert len(got) == 1 and "version" in got[0]["message"]


def test_sign_off_labels_of_real_forms(tmp_path):
    """'Decided by' left blank on a change-request form is an unsigned approval, said as such;
    a charter issued by a named person on a date (下达人/下达时间) is authorised."""
    blank = [("Description of Change", "Add a customer self-service portal to the release."),
             ("Reason for Change", "Sales asked for it after the pilot."),
             ("Change Decision", "Decided by:\nDate Decided:")]
    control = dict(EN_CONTROL, **{"Document Title": "Change Request CR-007"})
    got = findings(make_docx(tmp_path / "cr.docx", title="Change Request", control=control, approvals=[],
                             sections=blank), "COM-06")
    assert len(got) == 1 and "“Decided by” does not name the person" in got[0]["message"]
    issued = [("一、项目背景", "现有仓储系统无法支持多仓协同，本项目建设统一的智慧仓储管理平台。"),
              ("二、项目下达", "下达人：王强\n下达时间：2026年2月12日")]
    path = make_docx(tmp_path / "zh.docx", zh=True, title="项目章程", approvals=[], sections=issued)
    assert findings(path, "COM-06") == []
