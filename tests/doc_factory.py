"""Small, realistic Word documents built in code for rule and engine tests.

A document has a title, a doc-control table, a revision history, sections with text and an
approvals table; each test changes only what it is about.
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

from docx import Document

EN_CONTROL = {"Project Name": "Apollo CRM Migration", "Project ID": "PRJ-2026-042", "Document Title": "Project Charter",
              "Version": "1.1", "Status": "Final", "Date": "2026-01-12", "Author": "Wei Zhang"}
EN_REVISIONS = [("0.9", "2026-01-05", "Wei Zhang", "First draft for review"),
                ("1.0", "2026-01-09", "Wei Zhang", "Comments from the sponsor"),
                ("1.1", "2026-01-12", "Wei Zhang", "Budget breakdown added")]
EN_APPROVALS = [("Dana Lee", "Project Sponsor", "/s/ Dana Lee", "2026-01-14"),
                ("Omar Haddad", "PMO Director", "/s/ Omar Haddad", "2026-01-15")]
EN_SECTIONS = [("Project Purpose", "The CRM platform is out of support in 2026; migrating it removes licence cost and risk."),
               ("Measurable Objectives and Success Criteria", "Migrate 100% of active accounts by 2026-06-30 with zero data loss."),
               ("Summary Budget", "The pre-approved budget is USD 1,200,000, including a 10% contingency reserve.")]

ZH_CONTROL = {"项目名称": "智慧仓储管理系统建设项目", "项目编号": "ZC-2026-007", "文档名称": "项目章程", "版本号": "V1.0",
              "文档状态": "已批准", "编制日期": "2026-02-10", "编制人": "李明"}
ZH_REVISIONS = [("V0.9", "2026-02-01", "李明", "初稿"), ("V1.0", "2026-02-10", "李明", "根据评审意见修改预算")]
ZH_APPROVALS = [("王强", "项目发起人", "已签", "2026-02-12")]
ZH_SECTIONS = [("一、项目背景", "现有仓储系统无法支持多仓协同，本项目建设统一的智慧仓储管理平台。"),
               ("二、项目目标", "2026年12月31日前完成三个仓库上线，库存准确率达到99.5%以上。")]


def make_docx(path: Path, *, title: str = "Project Charter", control: dict[str, str] | None = None,
              revisions: Sequence[tuple[str, ...]] | None = None, approvals: Sequence[tuple[str, ...]] | None = None,
              sections: Sequence[tuple[str, str]] | None = None, zh: bool = False,
              revision_header: Sequence[str] | None = None, approval_header: Sequence[str] | None = None) -> Path:
    """A charter-like document; pass `[]` to leave a table out, None for the language's default."""
    doc = Document()
    doc.add_heading(title, level=0)
    control = (ZH_CONTROL if zh else EN_CONTROL) if control is None else control
    if control:
        table = doc.add_table(rows=0, cols=2)
        for label, value in control.items():
            cells = table.add_row().cells
            cells[0].text, cells[1].text = label, value
    revisions = (ZH_REVISIONS if zh else EN_REVISIONS) if revisions is None else revisions
    if revisions:
        doc.add_heading("修订记录" if zh else "Revision History", level=1)
        header = revision_header or (("版本号", "修订日期", "修订人", "修订内容") if zh else ("Version", "Date", "Author", "Summary of Changes"))
        _table(doc, header, revisions)
    for heading, text in (ZH_SECTIONS if zh else EN_SECTIONS) if sections is None else sections:
        doc.add_heading(heading, level=1)
        doc.add_paragraph(text)
    approvals = (ZH_APPROVALS if zh else EN_APPROVALS) if approvals is None else approvals
    if approvals:
        doc.add_heading("审批" if zh else "Approvals", level=1)
        header = approval_header or (("姓名", "职务", "签字", "日期") if zh else ("Name", "Role", "Signature", "Date"))
        _table(doc, header, approvals)
    doc.save(path)
    return path


def _table(doc, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    table = doc.add_table(rows=1, cols=len(header))
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = text
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text
