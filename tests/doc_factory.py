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
# Every element of a PMBOK charter (CH-01), as plain paragraphs so that table indexes stay put.
EN_SECTIONS = [("Project Purpose", "The CRM platform is out of support in 2026; migrating it removes licence cost and risk."),
               ("Measurable Objectives and Success Criteria", "Migrate 100% of active accounts by 2026-06-30 with zero data loss."),
               ("High-level Requirements", "Single sign-on, an audit trail of record changes and reporting parity with the old CRM."),
               ("High-level Project Description and Boundaries", "Data migration, integrations and training; billing is out of scope."),
               ("Overall Project Risk", "Data quality may delay the migration; two rehearsal migrations reduce that risk."),
               ("Summary Milestone Schedule", "Design approved 2026-02-27; migration rehearsal 2026-04-30; go-live 2026-06-15."),
               ("Summary Budget", "The pre-approved budget is USD 1,200,000, including a 10% contingency reserve."),
               ("Key Stakeholder List", "Dana Lee (sponsor), the sales department (users), IT operations (service owner)."),
               ("Project Approval Requirements", "The sponsor judges success; the steering committee signs the closure report."),
               ("Project Exit Criteria", "The project closes when the sponsor accepts go-live, or is cancelled if the vendor contract ends."),
               ("Assigned Project Manager", "Wei Zhang, with authority over spending up to USD 50,000 per decision."),
               ("Sponsor / Authorizer Name and Authority", "Dana Lee, VP Sales, authorizes this charter.")]

ZH_CONTROL = {"项目名称": "智慧仓储管理系统建设项目", "项目编号": "ZC-2026-007", "文档名称": "项目章程", "版本号": "V1.0",
              "文档状态": "已批准", "编制日期": "2026-02-10", "编制人": "李明"}
ZH_REVISIONS = [("V0.9", "2026-02-01", "李明", "初稿"), ("V1.0", "2026-02-10", "李明", "根据评审意见修改预算")]
ZH_APPROVALS = [("王强", "项目发起人", "已签", "2026-02-12")]
ZH_SECTIONS = [("一、项目背景", "现有仓储系统无法支持多仓协同，本项目建设统一的智慧仓储管理平台。"),
               ("二、项目目标", "2026年12月31日前完成三个仓库上线，库存准确率达到99.5%以上。"),
               ("三、总体要求", "支持多仓库存统一管理、条码作业及与ERP系统实时对接。"),
               ("四、项目范围概述", "包括需求分析、系统开发、数据迁移和培训；不包括财务系统改造。"),
               ("五、主要风险", "供应商交付可能延期，合同约定违约条款并每周跟踪进度。"),
               ("六、主要里程碑", "2026年3月31日完成需求确认，2026年11月30日系统上线。"),
               ("七、项目总体预算", "项目总预算为人民币350万元，其中不可预见费30万元。"),
               ("八、主要项目干系人", "王强（项目发起人）、仓储部（最终用户）、信息中心（系统运维）。"),
               ("九、项目审批要求", "由项目发起人判定项目是否成功，结项报告由项目管理委员会签署。"),
               ("十、项目退出标准", "三个仓库上线并通过验收后关闭项目；业务方案取消则终止项目。"),
               ("十一、项目经理", "任命李明为项目经理，有权审批20万元以内的采购。"),
               ("十二、项目发起人", "王强（供应链副总裁）批准本章程并主持项目管理委员会。")]


def make_docx(path: Path, *, title: str = "Project Charter", control: dict[str, str] | None = None,
              revisions: Sequence[tuple[str, ...]] | None = None, approvals: Sequence[tuple[str, ...]] | None = None,
              sections: Sequence[tuple[str, str]] | None = None, zh: bool = False,
              revision_header: Sequence[str] | None = None, approval_header: Sequence[str] | None = None) -> Path:
    """A charter-like document; pass `[]` to leave a table out, None for the language's default.

    A section's body is a paragraph (a string) or a table (a list of rows, the first one the header).
    """
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
        if isinstance(text, str):
            doc.add_paragraph(text)
        else:  # a table: header row then data rows
            _table(doc, text[0], text[1:])
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
