"""Small, realistic Word documents built in code for rule and engine tests.

A document has a title, a doc-control table, a revision history, sections with text and an
approvals table; each test changes only what it is about.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from tests.support.pmo_template import APPROVALS, CONTROL_LABELS, REVISION_HISTORY, Lang, control_block
from tests.support.projects import PROJECT_ID, PROJECT_NAME
from tests.support.word import WordWriter

EN_CONTROL = dict(control_block("en", project_name=PROJECT_NAME["en"], project_id=PROJECT_ID["en"],
                                title="Project Charter", version="1.1", status="Final", date="2026-01-12",
                                author="Wei Zhang"))
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

ZH_CONTROL = dict(control_block("zh", project_name=PROJECT_NAME["zh"], project_id=PROJECT_ID["zh"], title="项目章程",
                                version="V1.0", status="已批准", date="2026-02-10", author="李明"))
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


def control_for(title: str, zh: bool = False, **extra: str) -> dict[str, str]:
    """The language's doc-control block for a document of this title, plus any extra fields."""
    return {**(ZH_CONTROL if zh else EN_CONTROL), CONTROL_LABELS["title"]["zh" if zh else "en"]: title, **extra}


# A charter's control block also gives the project's start and end dates (CH-05).
EN_CHARTER_CONTROL = control_for("Project Charter", **{"Start Date": "2026-01-05", "End Date": "2026-06-30"})
ZH_CHARTER_CONTROL = control_for("项目章程", zh=True, 项目开始时间="2026-02-15", 项目结束时间="2026-12-31")


# Clean, complete sections of each prose document type: the rule tests and the Gherkin steps
# start from these and change only what a test is about.
EN_CHARTER = [
    ("1. Project Purpose and Justification", "The CRM platform is out of support in 2026; migrating it removes licence cost and the risk of an unpatched system."),
    ("2. Measurable Project Objectives and Success Criteria", "Migrate 100% of active accounts by 2026-06-30 with zero data loss; user satisfaction at least 4 out of 5."),
    ("3. High-level Requirements", "Single sign-on, an audit trail of every customer record change, and reporting parity with the old system."),
    ("4. High-level Project Description and Boundaries", "In scope: data migration, integrations and training. Out of scope: the billing system and the website."),
    ("5. Overall Project Risk", [["Risk", "Response"], ["Data quality issues delay migration", "Run two rehearsal migrations"],
                                 ["Key users unavailable", "Agree a user calendar with department heads"]]),
    ("6. Summary Milestone Schedule", [["Milestone", "Date"], ["Design approved", "2026-02-27"], ["Migration rehearsal", "2026-04-30"],
                                       ["Go-live", "2026-06-15"]]),
    ("7. Pre-approved Financial Resources", "The pre-approved budget is USD 1,200,000, including a 10% contingency reserve."),
    ("8. Key Stakeholder List", [["Stakeholder", "Role"], ["Sales department", "Main users"], ["IT operations", "Runs the platform"]]),
    ("9. Project Approval Requirements", "The sponsor decides whether the success criteria are met; the steering committee signs the closure report."),
    ("10. Project Exit Criteria", "The project closes when the go-live is accepted by the sponsor; it is cancelled if the vendor contract is terminated."),
    ("11. Assigned Project Manager, Responsibility and Authority Level", "Wei Zhang is the project manager, with authority over spending up to USD 50,000 per decision."),
    ("12. Sponsor / Authorizer Name and Authority", "Dana Lee, VP Sales, authorizes this charter and chairs the steering committee."),
]
ZH_CHARTER = [
    ("一、项目背景", "现有仓储系统无法支持多仓协同，本项目建设统一的智慧仓储管理平台，降低库存差错。"),
    ("二、项目目标", "2026年12月31日前完成三个仓库上线，库存准确率达到99.5%以上。"),
    ("三、总体要求", "系统须支持多仓库存统一管理、条码作业和与ERP的实时对接。"),
    ("四、项目范围概述", "范围包括需求分析、系统开发、数据迁移和培训；不包括财务系统改造。"),
    ("五、主要风险", [["风险", "应对措施"], ["供应商交付延期", "合同约定违约条款并每周跟踪进度"]]),
    ("六、主要里程碑", [["里程碑", "计划完成时间"], ["需求确认", "2026-03-31"], ["系统上线", "2026-11-30"]]),
    ("七、项目总体预算", "项目总预算为人民币350万元，其中不可预见费30万元。"),
    ("八、主要项目干系人", [["干系人", "角色"], ["仓储部", "最终用户"], ["信息中心", "系统运维"]]),
    ("九、项目审批要求", "由项目发起人判定项目是否成功，结项报告由项目管理委员会签署。"),
    ("十、项目退出标准", "三个仓库系统上线并通过用户验收后项目关闭；如业务方案取消则终止项目。"),
    ("十一、项目经理", "任命李明为项目经理，负责项目日常管理，有权审批20万元以内的采购。"),
    ("十二、项目发起人", "王强（供应链副总裁）为项目发起人，批准本章程并主持项目管理委员会。"),
]
EN_SCOPE = [
    ("1. Project Background & Purpose", "The CRM platform is out of support; this project replaces it without losing customer history."),
    ("2. Project Objectives", "Go live by 2026-06-30 within USD 1.2M; 100% of active accounts migrated with zero data loss."),
    ("3. Product Scope Description", "A cloud CRM with accounts, contacts, opportunities, reporting and single sign-on."),
    ("4. Project Deliverables", [["Deliverable", "Description"], ["Migrated data", "All active accounts and their history"],
                                 ["Trained users", "Sales staff trained on the new platform"]]),
    ("5. Acceptance Criteria", "Reconciliation report shows 0 missing records; 95% of trained users pass the assessment."),
    ("6. Project Exclusions", "Billing system changes and website redesign are out of scope."),
    ("7. Constraints", "Go-live must fall outside the quarter-end freeze; budget capped at USD 1.2M."),
    ("8. Assumptions", "The vendor sandbox is available from February; sales managers release key users for testing."),
]
EN_PMP = [
    ("1. Objectives", "Deliver the CRM migration by 2026-06-30 within the USD 1.2M cost baseline."),
    ("2. Milestones", [["Milestone", "Date"], ["Design approved", "2026-02-27"], ["Go-live", "2026-06-15"]]),
    ("3. Resource Allocation", "Four developers, one tester and a half-time business analyst from February to June."),
    ("4. Life cycle / Phases", "Three phases: design, build and migration, each closed by a stage-gate review."),
    ("5. Subsidiary Plans", "Scope, schedule, cost, quality, resource, communications, risk and procurement management plans are appended."),
    ("6. Quality Management Plan", "Quality is managed per the quality plan QP-042 v1.0: peer reviews and two test cycles."),
    ("7. Change Management Plan", "Every change to a baseline goes through a change request approved by the change board."),
    ("8. Baselines", "Scope baseline v1.0 approved 2026-01-20; schedule baseline v1.0 approved 2026-01-20; cost baseline v1.0 approved 2026-01-20."),
    ("9. Key Management Reviews", "Steering committee meets monthly; a stage-gate review closes each phase."),
]
EN_BC = [
    ("1. Requestor", "Dana Lee, VP Sales, sponsors this request on behalf of the sales department."),
    ("2. Reasons", "The CRM platform is out of support in 2026 and blocks the new sales process."),
    ("3. Objectives", "Replace the CRM by 2026-06-30 and cut licence cost by 30% from 2027."),
    ("4. Scope", "Data migration, integrations and user training; billing and website are out of scope."),
    ("5. Expected Benefits", "USD 300,000 licence saving per year from 2027 (benefit owner: Dana Lee); sales reporting in real time."),
    ("6. Timescale", "Start Date: 2026-01-05\nEnd Date: 2026-06-30"),
    ("7. Costs", "One-off cost USD 1,200,000 (estimate accuracy ±15%); running cost USD 80,000 per year."),
    ("8. Major Risks", [["Risk", "Response"], ["Data quality issues", "Two rehearsal migrations"], ["Vendor delay", "Penalty clause in contract"]]),
]
# A complete change-request form (label → value), every field CR-01 asks for.
EN_CR_FORM = {
    "Project Name": "Apollo", "CR ID": "CR-007", "Requested By": "Wei Zhang", "Date Submitted": "2026-03-01",
    "Title": "Add SSO for partners", "Description of Change": "Extend single sign-on to partner accounts.",
    "Reason": "Partners cannot log in with their own identity provider today.",
    "Scope": "Adds partner SSO to the release", "Schedule": "+10 working days", "Cost": "USD 15,000",
    "Quality": "No impact", "Resources": "One developer for two weeks", "Risk": "Low",
    "Project documents/baselines": "Scope baseline v1.1, schedule baseline v1.1",
    "Alternatives": "Manual partner accounts (rejected: 300 partners)", "Recommendation": "Approve",
    "Decision": "Approved", "Justification of Approval/Rejection/Deferral": "Partner demand; cost within PM authority",
    "Approver": "Dana Lee", "Approval Date": "2026-03-05", "Implementation Plan": "Wei Zhang implements by 2026-03-20",
    "Version": "1.1", "Author": "Wei Zhang"}

EN_STATUS = [
    ("Project Status", "Overall Status: Green"),
    ("This Reporting Period", "Completed the second migration rehearsal; 98% of records reconciled."),
    ("Next Reporting Period", "Fix the 2% reconciliation gaps and start user training."),
    ("Project and Stage Tolerance Status", "Time and cost are within tolerance; no exception is forecast."),
]
ZH_SCOPE = [
    ("一、项目背景与目的", "现有仓储系统无法支持多仓协同，本项目在不丢失历史数据的前提下建设统一平台。"),
    ("二、项目目标", "2026年12月31日前完成三个仓库上线，预算不超过350万元，库存准确率达到99.5%以上。"),
    ("三、产品范围描述", "统一的仓储管理平台，包括入库、出库、盘点、条码作业和与ERP的实时接口。"),
    ("四、可交付成果", [["可交付成果", "说明"], ["仓储管理系统", "三个仓库上线运行"], ["培训材料", "操作手册与培训课件"]]),
    ("五、验收标准", "盘点差异率低于0.5%；95%的操作人员通过上岗考核；系统连续运行30天无重大故障。"),
    ("六、除外责任", "财务系统改造和门户网站改版不在本项目范围内。"),
    ("七、制约因素", "上线须避开年末盘点期；项目总预算不超过350万元。"),
    ("八、假设条件", "供应商测试环境于2026年3月前就绪；仓储部可抽调关键用户参与测试。"),
]
ZH_STATUS = [
    ("项目总体状态", "总体状态：绿色"),
    ("本周完成工作", "完成第二次数据迁移演练，数据核对一致率98%。"),
    ("下周工作计划", "处理2%的核对差异，启动用户培训。"),
    ("偏差与容差情况", "进度和成本均在容差范围内，预计不会出现超差。"),
]
EN_COST = [
    ("1. Cost Items", [["Cost Item", "Estimate (USD)"], ["Labour", "800,000"], ["Software", "250,000"], ["Contingency Reserve", "150,000"], ["Total", "1,200,000"]]),
    ("2. Basis of Estimate", "Labour from the resource plan at standard rates; software from the vendor quote Q-118."),
    ("3. Time-phased Budget", "Q1 USD 400,000; Q2 USD 800,000."),
    ("4. Contingency Reserve", "USD 150,000 based on the expected monetary value of the top ten risks."),
    ("5. Units of Measure, Precision and Accuracy", "Amounts in USD, rounded to the nearest 1,000; accuracy −10%/+15%."),
    ("6. Control Thresholds", "A cost variance beyond ±10% of the baseline is escalated to the sponsor."),
    ("7. Estimate", "The estimate at completion is USD 1,200,000 including the contingency reserve."),
]
# A status report's control block names its report date and reporting period.
EN_STATUS_CONTROL = {"Project Name": PROJECT_NAME["en"], "Report Date": "2026-04-03",
                     "Reporting Period": "2026-03-23 to 2026-03-29", "Author": "Wei Zhang", "Version": "1.1",
                     "Document Title": "Status Report"}
ZH_STATUS_CONTROL = {"项目名称": PROJECT_NAME["zh"], "报告日期": "2026-04-03", "报告周期": "2026-03-23 至 2026-03-29",
                     "编制人": "李明", "版本号": "V1.0", "文档名称": "项目周报"}
EN_CLOSURE = [
    ("1. Project Overview", "The CRM migration went live on 2026-06-15, two weeks before plan, within budget."),
    ("2. Review of project objectives", "All three objectives met: 100% of accounts migrated, zero data loss, satisfaction 4.4/5."),
    ("3. Review of the business case", "Licence savings of USD 300,000 per year start in 2027 as planned."),
    ("4. Deliverables", "Migrated data and trained users were accepted by the sponsor on 2026-06-20."),
    ("5. Schedule performance", "Planned finish 2026-06-30, actual finish 2026-06-15: 15 days early."),
    ("6. Cost performance", "Budget USD 1,200,000, actual USD 1,150,000: 4% under budget."),
    ("7. Quality", "All acceptance criteria met; 12 minor defects found in testing, all fixed before go-live."),
    ("8. Summary of changes, risks and issues", "Two changes approved, no risk occurred, five issues closed."),
    ("9. Follow-on action recommendations", "Decommission the old database by 2026-09-30 (owner: IT operations)."),
    ("10. Review of team performance", "The team delivered early; the vendor's data team was especially effective."),
    ("11. Lessons", "Rehearsal migrations found most data issues early; plan two of them in every migration."),
    ("12. Handover confirmation", "IT operations (Omar Haddad) accepted the handover on 2026-06-22."),
    ("13. Conclusion", "The project met its objectives and is recommended for closure."),
    ("14. Administrative closure", "Vendor contract closed; project documents archived in the PMO repository."),
]

def make_docx(path: Path, *, title: str = "Project Charter", control: dict[str, str] | None = None,
              revisions: Sequence[tuple[str, ...]] | None = None, approvals: Sequence[tuple[str, ...]] | None = None,
              sections: Sequence[tuple[str, Any]] | None = None, zh: bool = False,
              revision_header: Sequence[str] | None = None, approval_header: Sequence[str] | None = None) -> Path:
    """A charter-like document; pass `[]` to leave a table out, None for the language's default.

    A section's body is a paragraph (a string) or a table (a list of rows, the first one the header).
    """
    lang: Lang = "zh" if zh else "en"
    w = WordWriter(lang)
    w.title(title)
    control = (ZH_CONTROL if zh else EN_CONTROL) if control is None else control
    if control:
        w.kv_table(list(control.items()))
    revisions = (ZH_REVISIONS if zh else EN_REVISIONS) if revisions is None else revisions
    if revisions:
        w.heading(REVISION_HISTORY[lang])
        w.revision_table(revisions, revision_header)
    for heading, body in (ZH_SECTIONS if zh else EN_SECTIONS) if sections is None else sections:
        w.heading(heading)
        if isinstance(body, str):
            w.para(body)
        else:  # a table: header row then data rows
            w.table(body[0], body[1:])
    approvals = (ZH_APPROVALS if zh else EN_APPROVALS) if approvals is None else approvals
    if approvals:
        w.heading(APPROVALS[lang])
        w.approvals_table(approvals, approval_header)
    return w.save(path)
