"""A whole project's documents, consistent with each other, written into a folder: what the project
view's tests and scenarios start from before seeding one inconsistency.

A `Pack` holds the project's facts once (identity, budget, window, milestones, deliverables, risks,
issues, changes, people, reports); each document is written from them, in English or Chinese, so
that a clean pack has no cross-document finding. `pack.set("CHARTER", budget="USD 1,300,000")`
changes what one document says; `pack.write(folder)` writes every document of `pack.types`.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from tests.support import workbook
from tests.support.clean_docs import make_docx
from tests.support.pmo_template import APPROVAL_HEADER, APPROVALS, REVISION_HEADER, REVISION_HISTORY, control_block
from tests.support.workbook import SheetWriter

# The documents of a G2 pack under the client's flow (cn_pmo), plus initiation and execution ones.
G2_TYPES = ("CHARTER", "SCOPE_STATEMENT", "PMP", "SCHEDULE", "RESOURCE_PLAN", "RACI", "COST_PLAN", "QUALITY_PLAN",
            "RISK_REGISTER", "STAKEHOLDER_REGISTER")
ALL_TYPES = ("INIT_REQUEST_BC", "INIT_REVIEW", *G2_TYPES, "RISK_MGMT_PLAN", "ISSUE_REGISTER", "CHANGE_LOG",
             "CHANGE_REQUEST", "MEETING_MINUTES", "STATUS_REPORT", "CLOSURE_REPORT", "LESSONS")

FILE_NAMES = {
    "en": {"INIT_REQUEST_BC": "business_case", "INIT_REVIEW": "committee_decision", "CHARTER": "charter",
           "SCOPE_STATEMENT": "scope_statement", "PMP": "project_plan", "SCHEDULE": "schedule",
           "RESOURCE_PLAN": "resource_plan", "RACI": "raci", "COST_PLAN": "cost_plan", "QUALITY_PLAN": "quality_plan",
           "RISK_MGMT_PLAN": "risk_management_plan", "RISK_REGISTER": "risk_register",
           "STAKEHOLDER_REGISTER": "stakeholder_register", "ISSUE_REGISTER": "issue_log", "CHANGE_LOG": "change_log",
           "CHANGE_REQUEST": "change_request", "MEETING_MINUTES": "meeting_minutes", "STATUS_REPORT": "status_report",
           "CLOSURE_REPORT": "closure_report", "LESSONS": "lessons_register"},
    "zh": {"INIT_REQUEST_BC": "立项申请书", "INIT_REVIEW": "评审委员会评审意见", "CHARTER": "项目章程",
           "SCOPE_STATEMENT": "项目范围说明书", "PMP": "项目管理计划", "SCHEDULE": "项目进度计划",
           "RESOURCE_PLAN": "人力资源管理计划", "RACI": "责任分配矩阵", "COST_PLAN": "成本管理计划",
           "QUALITY_PLAN": "质量管理计划", "RISK_MGMT_PLAN": "风险管理计划", "RISK_REGISTER": "风险登记册",
           "STAKEHOLDER_REGISTER": "干系人登记册", "ISSUE_REGISTER": "问题日志", "CHANGE_LOG": "变更日志",
           "CHANGE_REQUEST": "变更申请单", "MEETING_MINUTES": "项目例会纪要", "STATUS_REPORT": "项目周报",
           "CLOSURE_REPORT": "项目总结报告", "LESSONS": "经验教训登记册"},
}
REGISTERS = ("SCHEDULE", "RACI", "RISK_REGISTER", "STAKEHOLDER_REGISTER", "ISSUE_REGISTER", "CHANGE_LOG", "LESSONS")


@dataclass
class Pack:
    """One project's facts, in the language its documents are written in."""

    lang: str
    id: str
    name: str
    sponsor: str
    manager: str
    budget: str  # as the documents write it: 'USD 1,200,000', '人民币360万元'
    start: str
    end: str
    milestones: list[tuple[str, str]]
    deliverables: list[tuple[str, str]]  # (id, name)
    people: list[tuple[str, str, str]]  # stakeholders: (name, organisation, role)
    risks: list[dict[str, Any]]
    issues: list[dict[str, Any]]
    changes: list[dict[str, Any]]
    objectives: list[tuple[str, str, str]]  # (id, statement, target)
    conditions: list[tuple[str, str, str, str]]  # committee conditions: (id, text, due, state)
    reports: list[dict[str, Any]]  # status reports: period_start, period_end, pct, ac, cited risks
    follow_on: list[tuple[str, str, str, str]]  # closure: (id handed over, action, owner, date)
    headings_lang: str | None = None  # 'en' for English headings over Chinese content
    prefix: str = ""  # file names start with it (projects sharing one folder)
    types: tuple[str, ...] = G2_TYPES
    overrides: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def zh(self) -> bool:
        return self.lang == "zh"

    def set(self, doc_type: str, **facts: Any) -> "Pack":
        """What one document says differently from the others."""
        self.overrides.setdefault(doc_type, {}).update(facts)
        return self

    def facts(self, doc_type: str) -> dict[str, Any]:
        base = {k: copy.deepcopy(v) for k, v in self.__dict__.items() if k not in ("overrides", "types", "prefix")}
        base.update(self.overrides.get(doc_type) or {})
        return base

    def file_name(self, doc_type: str) -> str:
        return self.prefix + FILE_NAMES[self.lang][doc_type] + (".xlsx" if doc_type in REGISTERS else ".docx")

    def write(self, folder: Path, types: tuple[str, ...] | None = None) -> dict[str, Path]:
        folder.mkdir(parents=True, exist_ok=True)
        return {t: self.write_one(t, folder / self.file_name(t)) for t in (types or self.types)}

    def write_one(self, doc_type: str, path: Path, **facts: Any) -> Path:
        f = {**self.facts(doc_type), **facts}
        if doc_type in REGISTERS:
            return _write_register(doc_type, f, path)
        if doc_type == "STATUS_REPORT":
            return _write_report(f, path, f.get("report_index", len(f["reports"]) - 1))
        return _write_word(doc_type, f, path)


# --------------------------------------------------------------------------- the two projects


def english() -> Pack:
    return Pack(
        lang="en", id="PRJ-2026-042", name="Apollo CRM Migration", sponsor="Dana Lee", manager="Wei Zhang",
        budget="USD 1,200,000", start="2026-01-05", end="2026-06-30",
        milestones=[("Design approved", "2026-02-27"), ("Migration rehearsal", "2026-04-30"), ("Go-live", "2026-06-15")],
        deliverables=[("D1", "Migrated customer data"), ("D2", "Trained sales users"), ("D3", "Partner single sign-on")],
        people=[("Dana Lee", "Sales", "Project Sponsor"), ("Wei Zhang", "PMO", "Project Manager"),
                ("Omar Haddad", "IT Operations", "Service Owner"), ("Carol Diaz", "Sales", "Key User")],
        risks=[{"id": "R-1", "desc": "Data quality issues delay the migration", "level": "High", "status": "Open",
                "owner": "Omar Haddad", "response": "Two rehearsal migrations"},
               {"id": "R-2", "desc": "Key users are not available for testing", "level": "Medium", "status": "Open",
                "owner": "Carol Diaz", "response": "Agree a user calendar with department heads"},
               {"id": "R-3", "desc": "Vendor sandbox arrives late", "level": "Low", "status": "Closed",
                "owner": "Wei Zhang", "response": "Sandbox delivered in January"},
               {"id": "R-4", "desc": "Single sign-on provider changes its interface", "level": "Low", "status": "Open",
                "owner": "Omar Haddad", "response": "Contract notice period of three months"},
               {"id": "R-5", "desc": "Licence prices rise at renewal", "level": "Low", "status": "Open",
                "owner": "Dana Lee", "response": "Fixed prices for three years in the contract"}],
        issues=[{"id": "I-1", "desc": "Test environment unavailable two days a week", "level": "Medium",
                 "status": "Closed", "owner": "Omar Haddad", "due": "2026-03-10"}],
        changes=[{"id": "CR-001", "desc": "Add partner single sign-on", "decision": "Approved", "date": "2026-02-10",
                  "cost": "0", "days": "0"}],
        objectives=[("O1", "Migrate 100% of active accounts with zero data loss", "2026-06-30"),
                    ("O2", "Cut CRM licence cost by 30% from 2027", "2027-01-31")],
        conditions=[("C-1", "Confirm the data-protection impact assessment before design", "2026-01-20", "Closed")],
        reports=[{"start": "2026-03-02", "end": "2026-03-06", "pct": "40%", "ac": "USD 420,000",
                  "cited": [("R-1", "High", "Open")]},
                 {"start": "2026-03-09", "end": "2026-03-13", "pct": "45%", "ac": "USD 455,000",
                  "cited": [("R-1", "High", "Open")]}],
        follow_on=[("R-1", "Monitor data quality after go-live", "Omar Haddad", "2026-08-31"),
                   ("R-2", "Keep key users available for hypercare", "Carol Diaz", "2026-07-31"),
                   ("R-4", "Watch the sign-on provider's interface notices", "Omar Haddad", "2026-09-30"),
                   ("R-5", "Renegotiate licence prices before renewal", "Dana Lee", "2028-10-31")],
    )


def chinese(headings_lang: str | None = None) -> Pack:
    """The Chinese project; `headings_lang="en"` writes English headings over Chinese content."""
    return Pack(
        lang="zh", id="ZC-2026-007", name="智慧仓储管理系统建设项目", sponsor="王强", manager="李明",
        budget="人民币360万元", start="2026-02-16", end="2026-10-30",
        milestones=[("需求确认", "2026-03-31"), ("系统上线", "2026-09-30")],
        deliverables=[("D1", "仓储管理系统"), ("D2", "操作培训教材"), ("D3", "条码打印终端")],
        people=[("王强", "供应链部", "项目发起人"), ("李明", "信息中心", "项目经理"), ("张伟", "仓储部", "关键用户"),
                ("刘洋", "信息中心", "运维负责人")],
        risks=[{"id": "FX-01", "desc": "供应商交付可能延期", "level": "高", "status": "开放", "owner": "刘洋",
                "response": "合同约定违约条款并每周跟踪进度"},
               {"id": "FX-02", "desc": "关键用户无法全程参与测试", "level": "中", "status": "开放", "owner": "张伟",
                "response": "与部门负责人约定用户测试日历"},
               {"id": "FX-03", "desc": "条码终端到货延迟", "level": "低", "status": "已关闭", "owner": "刘洋",
                "response": "已于3月到货"},
               {"id": "FX-04", "desc": "ERP接口规格变化", "level": "低", "status": "开放", "owner": "李明",
                "response": "接口变更需提前一个月通知"},
               {"id": "FX-05", "desc": "年末盘点占用仓储人员", "level": "低", "status": "开放", "owner": "张伟",
                "response": "上线计划避开盘点期"}],
        issues=[{"id": "WT-01", "desc": "测试环境每周有两天不可用", "level": "中", "status": "已关闭", "owner": "刘洋",
                 "due": "2026-04-10"}],
        changes=[{"id": "BG-001", "desc": "增加条码打印终端", "decision": "批准", "date": "2026-04-02", "cost": "0",
                  "days": "0"}],
        objectives=[("O1", "2026年10月30日前完成三个仓库上线", "2026-10-30"),
                    ("O2", "库存准确率达到99.5%以上", "2026-10-30")],
        conditions=[("TJ-01", "设计前完成数据安全评估", "2026-02-28", "已关闭")],
        reports=[{"start": "2026-04-06", "end": "2026-04-10", "pct": "30%", "ac": "人民币108万元",
                  "cited": [("FX-01", "高", "开放")]},
                 {"start": "2026-04-13", "end": "2026-04-17", "pct": "34%", "ac": "人民币120万元",
                  "cited": [("FX-01", "高", "开放")]}],
        follow_on=[("FX-01", "上线后继续跟踪供应商维保", "刘洋", "2027-01-31"),
                   ("FX-02", "试运行期间保持关键用户支持", "张伟", "2027-01-15"),
                   ("FX-04", "跟踪ERP接口规格变化", "李明", "2027-03-31"),
                   ("FX-05", "下一年度盘点前复核人员安排", "张伟", "2027-11-30")],
        headings_lang=headings_lang,
    )


# --------------------------------------------------------------------------- Word documents

TITLES = {
    "en": {"INIT_REQUEST_BC": "Business Case", "INIT_REVIEW": "Review Board Minutes – Gate Decision Record",
           "CHARTER": "Project Charter", "SCOPE_STATEMENT": "Project Scope Statement", "PMP": "Project Management Plan",
           "RESOURCE_PLAN": "Resource Management Plan", "COST_PLAN": "Cost Management Plan",
           "QUALITY_PLAN": "Quality Management Plan", "RISK_MGMT_PLAN": "Risk Management Plan",
           "CHANGE_REQUEST": "Change Request", "MEETING_MINUTES": "Project Meeting Minutes",
           "STATUS_REPORT": "Project Status Report", "CLOSURE_REPORT": "Project Closure Report"},
    "zh": {"INIT_REQUEST_BC": "立项申请书", "INIT_REVIEW": "评审委员会评审意见", "CHARTER": "项目章程",
           "SCOPE_STATEMENT": "项目范围说明书", "PMP": "项目管理计划", "RESOURCE_PLAN": "人力资源管理计划",
           "COST_PLAN": "成本管理计划", "QUALITY_PLAN": "质量管理计划", "RISK_MGMT_PLAN": "风险管理计划",
           "CHANGE_REQUEST": "变更申请单", "MEETING_MINUTES": "项目例会纪要", "STATUS_REPORT": "项目周报",
           "CLOSURE_REPORT": "项目总结报告"},
}


def _control(f: dict[str, Any], title: str, date: str, **extra: str) -> dict[str, str]:
    lang = f["lang"]
    status = f.get("status") or ("已批准" if lang == "zh" else "Approved")
    block = dict(control_block(lang, project_name=f["name"], project_id=f["id"], sponsor=f["sponsor"],
                               manager=f["manager"], title=title, version=f.get("version") or ("V1.0" if lang == "zh" else "1.0"),
                               status=status, date=date, author=f["manager"]))
    return {**block, **extra}


def _approvals(f: dict[str, Any], date: str) -> list[tuple[str, ...]]:
    if f.get("unsigned"):
        return []
    role = "项目发起人" if f["lang"] == "zh" else "Project Sponsor"
    signed = "已签" if f["lang"] == "zh" else f"/s/ {f['sponsor']}"
    return [(f["sponsor"], role, signed, f.get("approved") or date)]


def _revisions(f: dict[str, Any], date: str) -> list[tuple[str, ...]]:
    if f.get("revisions") is not None:
        return f["revisions"]
    version = f.get("version") or ("V1.0" if f["lang"] == "zh" else "1.0")
    return [(version, date, f["manager"], "首次发布" if f["lang"] == "zh" else "First issue")]


def _h(f: dict[str, Any], en: str, zh: str) -> str:
    """A heading in the pack's heading language."""
    return en if (f.get("headings_lang") or f["lang"]) == "en" else zh


def _milestone_table(f: dict[str, Any]) -> list[list[str]]:
    head = ["Milestone", "Date"] if (f.get("headings_lang") or f["lang"]) == "en" else ["里程碑", "计划完成时间"]
    return [head, *[[name, when] for name, when in f["milestones"]]]


def _write_word(doc_type: str, f: dict[str, Any], path: Path) -> Path:
    date = f.get("date") or _DATES[doc_type](f)
    title = f.get("title") or TITLES[f["lang"]][doc_type]
    sections, extra = _SECTIONS[doc_type](f)
    control = _control(f, title, date, **extra)
    return make_docx(path, title=title, control=control, revisions=_revisions(f, date),
                     approvals=_approvals(f, date) or [], sections=sections, zh=f["lang"] == "zh")


_DATES = {
    "INIT_REQUEST_BC": lambda f: "2025-12-01", "INIT_REVIEW": lambda f: "2025-12-15",
    "CHARTER": lambda f: "2026-01-05", "SCOPE_STATEMENT": lambda f: "2026-01-20", "PMP": lambda f: "2026-01-20",
    "RESOURCE_PLAN": lambda f: "2026-01-20", "COST_PLAN": lambda f: "2026-01-20", "QUALITY_PLAN": lambda f: "2026-01-20",
    "RISK_MGMT_PLAN": lambda f: "2026-01-20", "CHANGE_REQUEST": lambda f: f["changes"][0]["date"],
    "MEETING_MINUTES": lambda f: f["changes"][0]["date"],
    "CLOSURE_REPORT": lambda f: f["end"],
}


def _bc(f: dict[str, Any]) -> tuple[list, dict]:
    if f["lang"] == "zh":
        return [(_h(f, "1. Requestor", "一、申请人"), f"{f['sponsor']}（供应链部）代表仓储部提出本立项申请。"),
                (_h(f, "2. Background", "二、项目背景"), "现有仓储系统无法支持多仓协同，库存差错率高，需建设统一平台。"),
                (_h(f, "3. Objectives", "三、建设目标"), [["编号", "目标", "完成时间"], *[list(o) for o in f["objectives"]]]),
                (_h(f, "4. Scope", "四、建设内容"), "需求分析、系统开发、数据迁移和培训；不包括财务系统改造。"),
                (_h(f, "5. Expected Benefits", "五、预期效益"), f"每年减少库存损失约人民币80万元（效益责任人：{f['sponsor']}），库存周转天数下降20%。"),
                (_h(f, "6. Timescale", "六、实施周期"), f"项目开始时间：{f['start']}\n项目结束时间：{f['end']}"),
                (_h(f, "7. Costs", "七、投资估算"), f"项目总投资{f['budget']}，其中软件开发占60%；上线后每年运维费用约人民币20万元。"),
                (_h(f, "8. Major Risks", "八、主要风险"), [["风险", "应对措施"], ["供应商交付延期", "合同约定违约条款"]])], {}
    return [("1. Requestor", f"{f['sponsor']}, VP Sales, sponsors this request on behalf of the sales department."),
            ("2. Reasons", "The CRM platform is out of support in 2026 and blocks the new sales process."),
            ("3. Objectives", [["ID", "Objective", "Target date"], *[list(o) for o in f["objectives"]]]),
            ("4. Scope", "Data migration, integrations and user training; billing and website are out of scope."),
            ("5. Expected Benefits", f"USD 300,000 licence saving per year from 2027 (benefit owner: {f['sponsor']}); sales reporting in real time."),
            ("6. Timescale", f"Start Date: {f['start']}\nEnd Date: {f['end']}"),
            ("7. Costs", f"Total cost {f['budget']} (estimate accuracy ±15%); running cost USD 80,000 per year."),
            ("8. Major Risks", [["Risk", "Response"], ["Data quality issues", "Two rehearsal migrations"]])], {}


def _review(f: dict[str, Any]) -> tuple[list, dict]:
    authorized = f.get("authorized") or f["budget"]
    if f["lang"] == "zh":
        return [(_h(f, "1. Reviewed Project", "一、评审项目"), f"{f['name']}（{f['id']}）"),
                (_h(f, "2. Review Date", "二、评审日期"), f"评审日期：{f.get('decided', '2025-12-15')}"),
                (_h(f, "3. Reviewers", "三、评审专家"), [["姓名", "单位"], ["赵刚", "财务部"], ["孙丽", "PMO"]]),
                (_h(f, "4. Documents Reviewed", "四、评审材料"), "立项申请书V1.0、投资估算表。"),
                (_h(f, "5. Criteria", "五、评审指标"), "战略符合度4分，经济效益4分，技术可行性5分。"),
                (_h(f, "6. Conclusion", "六、评审结论"), f.get("decision_text") or "有条件通过，同意立项。"),
                (_h(f, "7. Conditions", "七、附加条件"), [["编号", "条件", "完成时间", "状态"], *[list(c) for c in f["conditions"]]]),
                (_h(f, "8. Authorization", "八、批准预算"), f"批复预算{authorized}，批准范围为仓储管理系统一期。")], {}
    return [("1. Reviewed Project", f"{f['name']} ({f['id']})"),
            ("2. Review Date", f"Review Date: {f.get('decided', '2025-12-15')}"),
            ("3. Reviewers", [["Name", "Organisation"], ["Helen Ortiz", "Finance"], ["Priya Raman", "PMO"]]),
            ("4. Documents Reviewed", "Business case v1.0 and the cost estimate."),
            ("5. Criteria", "Strategic fit 4/5, benefits 4/5, feasibility 5/5."),
            ("6. Decision", f.get("decision_text") or "Approve with conditions."),
            ("7. Conditions", [["ID", "Condition", "Due date", "Status"], *[list(c) for c in f["conditions"]]]),
            ("8. Authorization", f"Authorized budget {authorized} for the migration phase.")], {}


def _charter(f: dict[str, Any]) -> tuple[list, dict]:
    dates = {("项目开始时间" if f["lang"] == "zh" else "Start Date"): f["start"],
             ("项目结束时间" if f["lang"] == "zh" else "End Date"): f["end"]}
    if f["lang"] == "zh":
        return [(_h(f, "1. Project Purpose", "一、项目背景"), "现有仓储系统无法支持多仓协同，本项目建设统一的智慧仓储管理平台，降低库存差错。"),
                (_h(f, "2. Objectives", "二、项目目标"), [["编号", "目标", "完成时间"], *[list(o) for o in f["objectives"]]]),
                (_h(f, "3. High-level Requirements", "三、总体要求"), "系统须支持多仓库存统一管理、条码作业和与ERP的实时对接。"),
                (_h(f, "4. Description and Boundaries", "四、项目范围概述"), "范围包括需求分析、系统开发、数据迁移和培训；不包括财务系统改造。"),
                (_h(f, "5. Overall Risk", "五、主要风险"), [["风险", "应对措施"], ["供应商交付延期", "合同约定违约条款并每周跟踪进度"]]),
                (_h(f, "6. Summary Milestone Schedule", "六、主要里程碑"), _milestone_table(f)),
                (_h(f, "7. Summary Budget", "七、项目总体预算"), f"项目总预算为{f['budget']}，其中不可预见费20万元。"),
                (_h(f, "8. Stakeholders", "八、主要项目干系人"), [["干系人", "角色"], ["仓储部", "最终用户"], ["信息中心", "系统运维"]]),
                (_h(f, "9. Approval Requirements", "九、项目审批要求"), "由项目发起人判定项目是否成功，结项报告由项目管理委员会签署。"),
                (_h(f, "10. Exit Criteria", "十、项目退出标准"), "三个仓库系统上线并通过用户验收后项目关闭；如业务方案取消则终止项目。"),
                (_h(f, "11. Project Manager", "十一、项目经理"), f"任命{f['manager']}为项目经理，负责项目日常管理，有权审批20万元以内的采购。"),
                (_h(f, "12. Sponsor", "十二、项目发起人"), f"{f['sponsor']}（供应链副总裁）为项目发起人，批准本章程并主持项目管理委员会。")], dates
    return [("1. Project Purpose and Justification", "The CRM platform is out of support in 2026; migrating it removes licence cost and the risk of an unpatched system."),
            ("2. Measurable Project Objectives and Success Criteria", [["ID", "Objective", "Target date"], *[list(o) for o in f["objectives"]]]),
            ("3. High-level Requirements", "Single sign-on, an audit trail of every customer record change, and reporting parity with the old system."),
            ("4. High-level Project Description and Boundaries", "In scope: data migration, integrations and training. Out of scope: the billing system and the website."),
            ("5. Overall Project Risk", [["Risk", "Response"], ["Data quality issues delay migration", "Run two rehearsal migrations"]]),
            ("6. Summary Milestone Schedule", _milestone_table(f)),
            ("7. Pre-approved Financial Resources", f"The pre-approved budget is {f['budget']}, including a 10% contingency reserve."),
            ("8. Key Stakeholder List", [["Stakeholder", "Role"], ["Sales department", "Main users"], ["IT operations", "Runs the platform"]]),
            ("9. Project Approval Requirements", "The sponsor decides whether the success criteria are met; the steering committee signs the closure report."),
            ("10. Project Exit Criteria", "The project closes when the go-live is accepted by the sponsor; it is cancelled if the vendor contract is terminated."),
            ("11. Assigned Project Manager, Responsibility and Authority Level", f"{f['manager']} is the project manager, with authority over spending up to USD 50,000 per decision."),
            ("12. Sponsor / Authorizer Name and Authority", f"{f['sponsor']}, VP Sales, authorizes this charter and chairs the steering committee.")], dates


def _scope(f: dict[str, Any]) -> tuple[list, dict]:
    if f["lang"] == "zh":
        return [(_h(f, "1. Background & Purpose", "一、项目背景与目的"), "现有仓储系统无法支持多仓协同，本项目在不丢失历史数据的前提下建设统一平台。"),
                (_h(f, "2. Objectives", "二、项目目标"), f"{f['end']}前完成三个仓库上线，预算不超过{f['budget']}。"),
                (_h(f, "3. Product Scope", "三、产品范围描述"), "统一的仓储管理平台，包括入库、出库、盘点、条码作业和与ERP的实时接口。"),
                (_h(f, "4. Deliverables", "四、可交付成果"), [["编号", "可交付成果", "验收人"], *[[i, n, f["sponsor"]] for i, n in f["deliverables"]]]),
                (_h(f, "5. Acceptance Criteria", "五、验收标准"), "盘点差异率低于0.5%；95%的操作人员通过上岗考核；系统连续运行30天无重大故障。"),
                (_h(f, "6. Exclusions", "六、除外责任"), "财务系统改造和门户网站改版不在本项目范围内。"),
                (_h(f, "7. Constraints", "七、制约因素"), f"上线须避开年末盘点期；项目总预算不超过{f['budget']}。"),
                (_h(f, "8. Assumptions", "八、假设条件"), "供应商测试环境于2026年3月前就绪；仓储部可抽调关键用户参与测试。")], {}
    return [("1. Project Background & Purpose", "The CRM platform is out of support; this project replaces it without losing customer history."),
            ("2. Project Objectives", f"Go live by {f['end']} within {f['budget']}; 100% of active accounts migrated with zero data loss."),
            ("3. Product Scope Description", "A cloud CRM with accounts, contacts, opportunities, reporting and single sign-on."),
            ("4. Project Deliverables", [["ID", "Deliverable", "Acceptor"], *[[i, n, f["sponsor"]] for i, n in f["deliverables"]]]),
            ("5. Acceptance Criteria", "Reconciliation report shows 0 missing records; 95% of trained users pass the assessment."),
            ("6. Project Exclusions", "Billing system changes and website redesign are out of scope."),
            ("7. Constraints", "Go-live must fall outside the quarter-end freeze."),
            ("8. Assumptions", "The vendor sandbox is available from February; sales managers release key users for testing.")], {}


def _pmp(f: dict[str, Any]) -> tuple[list, dict]:
    dates = {("项目开始时间" if f["lang"] == "zh" else "Start Date"): f["start"],
             ("项目结束时间" if f["lang"] == "zh" else "End Date"): f.get("plan_end") or f["end"]}
    if f["lang"] == "zh":
        return [(_h(f, "1. Objectives", "一、项目目标"), f"{f['end']}前完成三个仓库上线，项目总预算{f['budget']}。"),
                (_h(f, "2. Milestones", "二、里程碑计划"), _milestone_table(f)),
                (_h(f, "3. Resource Allocation", "三、资源分配"), "开发人员4名、测试1名、实施顾问2名，2026年2月至12月投入。"),
                (_h(f, "4. Life cycle", "四、项目生命周期"), "分为需求、设计、开发、上线四个阶段，每个阶段以阶段评审结束。"),
                (_h(f, "5. Subsidiary Plans", "五、范围管理计划"), "范围、进度、成本、质量、资源、沟通、风险管理计划作为附件。"),
                (_h(f, "6. Change Management Plan", "六、变更管理计划"), "所有基准变更须提交变更申请单，经变更控制委员会批准。"),
                (_h(f, "6a. Quality Management Plan", "六（一）、质量管理计划"), "按质量管理计划V1.0执行同行评审和两轮测试。"),
                (_h(f, "7. Baselines", "七、成本基准"), "范围基准、进度基准、成本基准V1.0于2026年1月20日批准。"),
                (_h(f, "8. Management Reviews", "八、管理评审"), "项目管理委员会每月召开会议，每个阶段结束时进行阶段评审。")], dates
    return [("1. Objectives", f"Deliver the CRM migration by {f['end']} within the {f['budget']} budget."),
            ("2. Milestones", _milestone_table(f)),
            ("3. Resource Allocation", "Four developers, one tester and a half-time business analyst from February to June."),
            ("4. Life cycle / Phases", "Three phases: design, build and migration, each closed by a stage-gate review."),
            ("5. Subsidiary Plans", "Scope, schedule, cost, quality, resource, communications, risk and procurement management plans are appended."),
            ("6. Change Management Plan", "Every change to a baseline goes through a change request approved by the change board."),
            ("6a. Quality Management Plan", "Quality is managed per the quality management plan v1.0: peer reviews and two test cycles."),
            ("7. Baselines", "Scope baseline v1.0, schedule baseline v1.0 and cost baseline v1.0 approved 2026-01-20."),
            ("8. Key Management Reviews", "Steering committee meets monthly; a stage-gate review closes each phase.")], dates


def _resource(f: dict[str, Any]) -> tuple[list, dict]:
    if f["lang"] == "zh":
        return [(_h(f, "1. Roles", "一、角色与职责"), f"项目经理{f['manager']}负责计划与协调；实施顾问负责配置；关键用户负责验收测试。"),
                (_h(f, "2. Organization Chart", "二、项目组织结构图"), "项目管理委员会下设项目经理，项目经理下设开发组、测试组和实施组。"),
                (_h(f, "3. Staffing", "三、人员配备管理计划"), "开发人员2026年2月到岗，上线后一个月释放；实施顾问由供应商派驻。"),
                (_h(f, "4. Resource Calendars", "四、资源日历"), "关键用户每周投入两天，年末盘点期间不安排测试任务。"),
                (_h(f, "5. Training", "五、培训需求"), "项目组成员参加仓储业务培训两天，运维人员参加系统管理培训。"),
                (_h(f, "6. Recognition", "六、认可与奖励"), "按里程碑达成情况给予团队奖励，优秀成员纳入年度评优。")], {}
    return [("1. Roles and Responsibilities", f"{f['manager']} plans and coordinates; consultants configure; key users run acceptance tests."),
            ("2. Project Organization Chart", "The steering committee oversees the project manager, who leads the build, test and rollout teams."),
            ("3. Staffing Management", "Developers join in February and are released one month after go-live."),
            ("4. Resource Calendars", "Key users give two days a week; no testing during the quarter-end freeze."),
            ("5. Training Requirements", "Team members attend a two-day sales process course; operations staff are trained on administration."),
            ("6. Recognition and Rewards", "Milestone bonuses for the team; outstanding members are nominated for the annual award.")], {}


def _cost(f: dict[str, Any]) -> tuple[list, dict]:
    if f["lang"] == "zh":
        return [(_h(f, "1. Cost Items", "一、费用科目"), [["费用科目", "金额（万元）"], ["软件开发", "216"], ["硬件设备", "90"],
                                                            ["实施服务", "34"], ["不可预见费", "20"], ["合计", f.get("cost_total", "360")]]),
                (_h(f, "2. Basis of Estimate", "二、估算依据"), "软件开发按供应商报价，硬件按框架协议单价测算。"),
                (_h(f, "3. Time-phased Budget", "三、分期预算"), "2026年上半年投入216万元，下半年投入144万元。"),
                (_h(f, "4. Contingency Reserve", "四、应急储备"), "不可预见费20万元，按前十大风险的预期货币价值测算。"),
                (_h(f, "5. Units", "五、计量单位"), "金额单位为万元，保留两位小数；估算准确度为-10%至+15%。"),
                (_h(f, "6. Control Thresholds", "六、控制临界值"), "成本偏差超过基准的±10%时上报项目发起人。"),
                (_h(f, "7. Estimate", "七、估算金额"), f"完工估算为{f['budget']}，含不可预见费。")], {}
    return [("1. Cost Items", [["Cost Item", "Estimate (USD)"], ["Labour", "800,000"], ["Software", "250,000"],
                               ["Contingency Reserve", "150,000"], ["Total", f.get("cost_total", "1,200,000")]]),
            ("2. Basis of Estimate", "Labour from the resource plan at standard rates; software from the vendor quote Q-118."),
            ("3. Time-phased Budget", "Q1 USD 400,000; Q2 USD 800,000."),
            ("4. Contingency Reserve", "USD 150,000 based on the expected monetary value of the top ten risks."),
            ("5. Units of Measure, Precision and Accuracy", "Amounts in USD, rounded to the nearest 1,000; accuracy −10%/+15%."),
            ("6. Control Thresholds", "A cost variance beyond ±10% of the baseline is escalated to the sponsor."),
            ("7. Estimate", f"The estimate at completion is {f['budget']} including the contingency reserve.")], {}


def _quality(f: dict[str, Any]) -> tuple[list, dict]:
    names = "、".join(n for _, n in f["deliverables"]) if f["lang"] == "zh" else ", ".join(n for _, n in f["deliverables"])
    if f["lang"] == "zh":
        return [(_h(f, "1. Quality Objectives", "一、质量目标"), "上线后30天内无一级故障，库存准确率达到99.5%以上。"),
                (_h(f, "2. Quality Standards", "二、质量标准"), "遵循公司软件开发规范和GB/T 25000.51。"),
                (_h(f, "3. Quality Roles", "三、质量责任"), f"项目经理{f['manager']}对质量负总责，测试组负责测试执行。"),
                (_h(f, "4. Items Subject to Quality Review", "四、质量评审对象"), f"受控交付物：{names}。"),
                (_h(f, "5. Quality Assurance Activities", "五、质量保证活动"), "每个阶段结束时进行质量审计。"),
                (_h(f, "6. Quality Control Activities", "六、质量控制活动"), f"对{names}逐项进行检查和测试。"),
                (_h(f, "7. Acceptance Criteria", "七、验收标准"), "盘点差异率低于0.5%，用户验收测试用例通过率100%。")], {}
    return [("1. Quality Objectives", "No priority-1 incident in the first 30 days after go-live."),
            ("2. Quality Standards", "The company's software delivery standard and ISO/IEC 25010 quality characteristics."),
            ("3. Quality Roles and Responsibilities", f"{f['manager']} is accountable for quality; the test lead runs the tests."),
            ("4. Deliverables and Processes Subject to Quality Review", f"Controlled deliverables: {names}."),
            ("5. Quality Assurance Activities", "A quality audit at the end of each phase."),
            ("6. Quality Control Activities", f"Inspection and testing of each deliverable: {names}."),
            ("7. Acceptance Criteria", "Zero missing records in the reconciliation; all acceptance test cases pass.")], {}


def _rmp(f: dict[str, Any]) -> tuple[list, dict]:
    scale = f.get("scale", 5)
    if f["lang"] == "zh":
        return [(_h(f, "1. Methodology", "一、方法"), "每月识别、评估和应对风险，结果记录在风险登记册中。"),
                (_h(f, "2. Roles", "二、角色职责"), f"项目经理{f['manager']}负责风险管理，风险责任人负责应对。"),
                (_h(f, "3. Risk Categories", "三、风险类别"), "技术、供应商、资源、范围、财务。"),
                (_h(f, "4. Probability Scale", "四、概率定义"), f"概率按1-{scale}级评定。"),
                (_h(f, "5. Impact Scale", "五、影响定义"), f"影响按1-{scale}级评定。"),
                (_h(f, "6. Thresholds", "六、风险阈值"), "低 1-5，中 6-12，高 13-19，极高 20-25。"),
                (_h(f, "7. Review Frequency", "七、审查频率"), "每月审查一次风险登记册。"),
                (_h(f, "8. Response Strategies", "八、应对策略"), "规避、减轻、转移、接受。"),
                (_h(f, "9. Escalation", "九、升级"), "高风险和极高风险上报项目管理委员会。")], {}
    return [("1. Methodology", "Risks are identified, assessed and answered monthly and recorded in the risk register."),
            ("2. Roles and Responsibilities", f"{f['manager']} runs risk management; each risk owner carries out the response."),
            ("3. Risk Categories", "Technical, supplier, resource, scope, financial."),
            ("4. Probability Scale", f"Probability is rated on a 1-{scale} scale."),
            ("5. Impact Scale", f"Impact is rated on a 1-{scale} scale."),
            ("6. Risk Thresholds", "Low 1-5, Medium 6-12, High 13-19, Critical 20-25."),
            ("7. Review Frequency", "The risk register is reviewed monthly."),
            ("8. Response Strategies", "Avoid, reduce, transfer, accept."),
            ("9. Escalation", "High and critical risks are escalated to the steering committee.")], {}


def _change_request(f: dict[str, Any]) -> tuple[list, dict]:
    change = f["changes"][0]
    zh = f["lang"] == "zh"
    form = ({"变更编号": change["id"], "申请人": f["manager"], "申请日期": change["date"], "变更名称": change["desc"],
             "变更描述": change["desc"], "变更原因": "业务部门提出新增需求。", "范围影响": "增加一项交付内容",
             "进度影响": "无", "成本影响": "无", "质量影响": "无", "资源影响": "无", "风险影响": "低",
             "受影响文档/基线": "范围基准V1.1", "需更新的基线/文档": "范围基准V1.1（2026-04-02）", "备选方案": "人工处理（不可行）", "处理建议": "批准", "审批结论": change.get("form_decision", change["decision"]),
             "审批理由": "在项目经理授权范围内，同意实施。", "审批人": f["sponsor"], "审批日期": change.get("form_date", change["date"]),
             "实施计划": f"{f['manager']}于{f['end']}前实施"} if zh else
            {"CR ID": change["id"], "Requested By": f["manager"], "Date Submitted": change["date"],
             "Title": change["desc"], "Description of Change": change["desc"], "Reason": "Requested by the business.",
             "Scope": "Adds one deliverable", "Schedule": "No impact", "Cost": "No impact", "Quality": "No impact",
             "Resources": "No impact", "Risk": "Low", "Project documents/baselines": "Scope baseline v1.1",
             "Alternatives": "Manual workaround (rejected)",
             "Recommendation": "Approve", "Decision": change.get("form_decision", change["decision"]),
             "Justification of Approval/Rejection/Deferral": "Within the PM's authority", "Approver": f["sponsor"],
             "Approval Date": change.get("form_date", change["date"]),
             "Implementation Plan": f"{f['manager']} implements by {f['end']}"})
    return [((_h(f, "Change Request", "变更申请单")), [["字段" if zh else "Field", "内容" if zh else "Value"], *[[k, v] for k, v in form.items()]])], {}


def _closure(f: dict[str, Any]) -> tuple[list, dict]:
    accepted = f.get("accepted") or [n for _, n in f["deliverables"]]
    actions_head = ["编号", "后续行动", "负责人", "完成日期"] if f["lang"] == "zh" else ["Source", "Action", "Owner", "Target date"]
    actions = [actions_head, *[list(a) for a in f["follow_on"]]]
    if f["lang"] == "zh":
        return [(_h(f, "1. Overview", "一、项目概况"), f"项目于{f['end']}完成全部交付并通过验收。"),
                (_h(f, "2. Objectives Review", "二、目标完成情况"), "两项项目目标均已达成。"),
                (_h(f, "3. Business Case Review", "三、效益实现情况"), "库存损失减少的效益将在运行一年后评估。"),
                (_h(f, "4. Deliverables", "四、可交付成果验收情况"), "已验收：" + "、".join(accepted) + "。"),
                (_h(f, "5. Schedule", "五、进度"), f"计划完成时间{f['end']}，按期完成。"),
                (_h(f, "6. Cost", "六、成本"), f"预算{f['budget']}，实际成本{f.get('actual', '人民币352万元')}。"),
                (_h(f, "7. Quality", "七、质量"), "全部验收标准均已满足，遗留三级缺陷已修复。"),
                (_h(f, "8. Changes, Risks and Issues", "八、变更情况"), "共批准变更1项，风险和问题均已处理。"),
                (_h(f, "9. Follow-on Actions", "九、后续行动建议"), actions),
                (_h(f, "10. Team Performance", "十、团队绩效"), "团队按期交付，供应商配合良好。"),
                (_h(f, "11. Lessons", "十一、经验教训"), "数据迁移演练应至少进行两次。"),
                (_h(f, "12. Handover", "十二、移交确认"), f"运维负责人已于{f['end']}确认接收系统。"),
                (_h(f, "13. Conclusion", "十三、结论"), "项目达成目标，建议结项。")], {}
    return [("1. Project Overview", f"The CRM migration finished on {f['end']} and was accepted."),
            ("2. Review of project objectives", "Both objectives were met."),
            ("3. Review of the business case", "Licence savings of USD 300,000 per year start in 2027 as planned."),
            ("4. Deliverables", "Accepted by the sponsor: " + ", ".join(accepted) + "."),
            ("5. Schedule performance", f"Planned finish {f['end']}, finished on time."),
            ("6. Cost performance", f"Budget {f['budget']}, actual {f.get('actual', 'USD 1,150,000')}."),
            ("7. Quality", "All acceptance criteria met; minor defects fixed before go-live."),
            ("8. Summary of changes, risks and issues", "One change approved; risks and issues handled."),
            ("9. Follow-on action recommendations", actions),
            ("10. Review of team performance", "The team delivered on time."),
            ("11. Lessons", "Plan two rehearsal migrations in every migration."),
            ("12. Handover confirmation", f"IT operations accepted the handover on {f['end']}."),
            ("13. Conclusion", "The project met its objectives and is recommended for closure.")], {}


def _minutes(f: dict[str, Any]) -> tuple[list, dict]:
    change = f["changes"][0]
    when = change["date"]
    if f["lang"] == "zh":
        return [(_h(f, "1. Meeting", "一、会议信息"), f"会议名称：项目例会\n会议时间：{when}\n会议地点：三楼会议室\n主持人：{f['manager']}\n记录人：张伟"),
                (_h(f, "2. Attendees", "二、参会人员"), f"{f['sponsor']}、{f['manager']}、张伟、刘洋"),
                (_h(f, "3. Agenda", "三、会议议程"), "项目进展；变更申请审议；风险复核。"),
                (_h(f, "4. Discussion", "四、讨论内容"), f"审议变更申请{change['id']}，评估其对进度和成本的影响。"),
                (_h(f, "5. Decisions", "五、会议决议"), f"同意变更申请{change['id']}（批准）。"),
                (_h(f, "6. Action Items", "六、待办事项"), [["事项", "负责人", "完成时间"], ["更新范围基准", f["manager"], f["end"]]])], {}
    return [("1. Meeting", f"Meeting Name: Project meeting\nDate: {when}\nLocation: Room 3\nChair: {f['manager']}\nRecorder: Carol Diaz"),
            ("2. Attendees", f"{f['sponsor']}, {f['manager']}, Carol Diaz, Omar Haddad"),
            ("3. Agenda", "Progress; change requests; risk review."),
            ("4. Discussion", f"Change request {change['id']} and its effect on schedule and cost."),
            ("5. Decisions", f"Change request {change['id']}: approved."),
            ("6. Action Items", [["Action", "Owner", "Due"], ["Update the scope baseline", f["manager"], f["end"]]])], {}


_SECTIONS = {"INIT_REQUEST_BC": _bc, "MEETING_MINUTES": _minutes, "INIT_REVIEW": _review, "CHARTER": _charter, "SCOPE_STATEMENT": _scope,
             "PMP": _pmp, "RESOURCE_PLAN": _resource, "COST_PLAN": _cost, "QUALITY_PLAN": _quality,
             "RISK_MGMT_PLAN": _rmp, "CHANGE_REQUEST": _change_request, "CLOSURE_REPORT": _closure}


def _write_report(f: dict[str, Any], path: Path, index: int) -> Path:
    """A status report of the series (`index` into `reports`)."""
    r = f["reports"][index]
    zh = f["lang"] == "zh"
    control = dict(control_block(f["lang"], project_name=f["name"], project_id=f["id"], title=TITLES[f["lang"]]["STATUS_REPORT"],
                                 version="V1.0" if zh else "1.0", date=r["end"], author=f["manager"]))
    control.update({"报告日期" if zh else "Report Date": r["end"],
                    "报告周期" if zh else "Reporting Period": f"{r['start']} {'至' if zh else 'to'} {r['end']}"})
    risk_head = ["编号", "风险", "等级", "状态"] if zh else ["ID", "Risk", "Level", "Status"]
    risks = [risk_head, *[[i, "见风险登记册" if zh else "See the risk register", level, state] for i, level, state in r["cited"]]]
    bac = r.get("bac") or f["budget"]
    if zh:
        sections = [("一、项目总体状态", "总体状态：绿色"),
                    ("二、本周完成工作", "完成第二次数据迁移演练，数据核对一致率98%。"),
                    ("三、下周工作计划", "处理核对差异，启动用户培训。"),
                    ("四、偏差与容差情况", "进度和成本均在容差范围内。"),
                    ("五、预算执行情况", f"完工预算（BAC）{bac}；实际成本（AC）{r['ac']}；总体完成百分比：{r['pct']}。"),
                    ("六、风险与问题", risks)]
    else:
        sections = [("Project Status", "Overall Status: Green"),
                    ("This Reporting Period", "Completed the second migration rehearsal; 98% of records reconciled."),
                    ("Next Reporting Period", "Fix the reconciliation gaps and start user training."),
                    ("Project and Stage Tolerance Status", "Time and cost are within tolerance."),
                    ("Budget", f"Budget at completion (BAC) {bac}; actual cost (AC) {r['ac']}; % complete: {r['pct']}."),
                    ("Risks and Issues", risks)]
    return make_docx(path, title=TITLES[f["lang"]]["STATUS_REPORT"], control=control, sections=sections, zh=zh,
                     revisions=[("V1.0" if zh else "1.0", r["end"], f["manager"], "发布" if zh else "Issued")], approvals=[])


# --------------------------------------------------------------------------- registers (Excel)


def _cover(wb: Workbook, f: dict[str, Any], title: str, date: str) -> None:
    zh = f["lang"] == "zh"
    ws = wb.active
    ws.title = "封面" if zh else "Cover"
    cover = SheetWriter(ws)
    cover.title(title)
    status = f.get("status") or ("已发布" if zh else "Final")
    cover.pairs(2, control_block(f["lang"], project_name=f["name"], project_id=f["id"], sponsor=f["sponsor"],
                                 manager=f["manager"], title=title, version=f.get("version") or ("V1.0" if zh else "1.0"),
                                 status=status, date=date, author=f["manager"]))
    lang = f["lang"]
    SheetWriter(wb.create_sheet(REVISION_HISTORY[lang])).table(
        1, REVISION_HEADER[lang], f.get("revisions") or [(f.get("version") or ("V1.0" if zh else "1.0"), date, f["manager"],
                                                           "首次发布" if zh else "First issue")])
    if not f.get("unsigned"):
        SheetWriter(wb.create_sheet(APPROVALS[lang])).table(
            1, APPROVAL_HEADER[lang], [(f["sponsor"], "项目发起人" if zh else "Project Sponsor",
                                        "已签" if zh else f"/s/ {f['sponsor']}", date)])


def _write_register(doc_type: str, f: dict[str, Any], path: Path) -> Path:
    wb = Workbook()
    title, sheet, header, rows, dates, date = _REGISTER[doc_type](f)
    _cover(wb, f, title, f.get("date") or date)
    SheetWriter(wb.create_sheet(sheet)).register(title, header, rows, date_cols=dates)
    return workbook.save(wb, path)


def _schedule(f: dict[str, Any]) -> tuple:
    zh = f["lang"] == "zh"
    header = (["任务编号", "任务名称", "开始时间", "完成时间", "基线完成", "前置任务", "负责人", "是否里程碑"] if zh else
              ["Task ID", "Task Name", "Start", "Finish", "Baseline Finish", "Predecessors", "Owner", "Milestone"])
    yes, no = ("是", "否") if zh else ("Yes", "No")
    finish = f.get("schedule_end") or f["end"]
    rows = [["1", "项目启动" if zh else "Project kick-off", f["start"], f["start"], f["start"], "", f["manager"], no]]
    n = 1
    for i, name in f["deliverables"]:
        n += 1
        task = f"{'完成' if zh else 'Deliver'} {name}（{i}）" if zh else f"Deliver {name} ({i})"
        rows.append([str(n), task, f["start"], finish, finish, str(n - 1), f["manager"], no])
    for name, when in f["milestones"]:
        n += 1
        rows.append([str(n), name, when, when, when, str(n - 1), f["manager"], yes])
    n += 1
    rows.append([str(n), "项目收尾" if zh else "Project closure", finish, finish, finish, str(n - 1), f["manager"], no])
    return ("项目进度计划" if zh else "Project Schedule", "进度计划" if zh else "Schedule", header, rows, (3, 4, 5), "2026-01-20")


def _raci(f: dict[str, Any]) -> tuple:
    zh = f["lang"] == "zh"
    names = [p[0] for p in f["people"]]
    header = ["活动" if zh else "Activity", *names]
    activities = (["需求确认", "系统开发", "用户验收", "上线切换"] if zh else
                  ["Requirements sign-off", "Build", "User acceptance", "Go-live"])
    rows = []
    for a in activities:
        cells = ["A", "R", "C", "I"][: len(names)]
        rows.append([a, *cells, *[""] * (len(names) - len(cells))])
    return ("责任分配矩阵" if zh else "RACI Matrix", "RACI矩阵" if zh else "RACI", header, rows, (), "2026-01-20")


def _risks(f: dict[str, Any]) -> tuple:
    zh = f["lang"] == "zh"
    header = (["风险编号", "风险描述", "风险类别", "识别日期", "发生概率", "影响程度", "风险值", "风险等级", "应对策略", "应对措施",
               "责任人", "状态", "复核日期", "提出人"] if zh else
              ["Risk ID", "Risk Description", "Category", "Date Raised", "Probability", "Impact", "Risk Score",
               "Risk Level", "Response Strategy", "Response Actions", "Risk Owner", "Status", "Last Reviewed", "Raised By"])
    scores = {"High": (4, 4), "高": (4, 4), "Medium": (3, 3), "中": (3, 3), "Low": (1, 2), "低": (1, 2),
              "Critical": (5, 5), "极高": (5, 5)}
    rows = []
    for r in f["risks"]:
        p, i = scores[r["level"]]
        rows.append([r["id"], r["desc"], "技术" if zh else "Technical", "2026-01-15", p, i, p * i, r["level"],
                     "减轻" if zh else "Reduce", r["response"], r["owner"], r["status"], f.get("reviewed", "2026-03-13"),
                     f["manager"]])
    return ("风险登记册" if zh else "Risk Register", "风险登记册" if zh else "Risks", header, rows, (4, 13), "2026-03-13")


def _stakeholders(f: dict[str, Any]) -> tuple:
    zh = f["lang"] == "zh"
    header = (["姓名", "部门", "项目角色", "影响力", "关注度"] if zh else
              ["Name", "Organization", "Project Role", "Influence", "Interest"])
    rows = [[n, org, role, "高" if zh else "High", "高" if zh else "High"] for n, org, role in f["people"]]
    return ("干系人登记册" if zh else "Stakeholder Register", "干系人" if zh else "Stakeholders", header, rows, (), "2026-01-20")


def _issues(f: dict[str, Any]) -> tuple:
    zh = f["lang"] == "zh"
    header = (["问题编号", "问题类型", "提出日期", "提出人", "问题描述", "优先级", "严重程度", "负责人", "目标解决日期", "状态",
               "解决方案", "关闭日期"] if zh else
              ["Issue ID", "Issue Type", "Date Raised", "Raised By", "Description", "Priority", "Severity", "Owner",
               "Target Resolution Date", "Status", "Resolution", "Closure Date"])
    rows = []
    for i in f["issues"]:
        closed = i["status"] in ("Closed", "已关闭")
        rows.append([i["id"], "问题" if zh else "Problem/concern", "2026-02-20", f["manager"], i["desc"], i["level"],
                     i["level"], i["owner"], i["due"], i["status"], ("已处理" if zh else "Fixed") if closed else "",
                     i["due"] if closed else None])
    return ("问题日志" if zh else "Issue Register", "问题日志" if zh else "Issues", header, rows, (3, 9, 12), "2026-03-13")


def _changes(f: dict[str, Any]) -> tuple:
    zh = f["lang"] == "zh"
    header = (["变更编号", "类别", "变更描述", "申请人", "提交日期", "状态", "审批结果", "审批日期", "审批人", "成本影响", "进度影响"] if zh else
              ["Change ID", "Category", "Description", "Requested By", "Date Submitted", "Status", "Decision",
               "Decision Date", "Approver", "Cost Impact", "Schedule Impact"])
    rows = [[c["id"], "范围" if zh else "Scope", c["desc"], f["manager"], c.get("submitted", c["date"]),
             "已关闭" if zh else "Closed", c["decision"], c["date"], f["sponsor"], c["cost"], c["days"]] for c in f["changes"]]
    return ("变更日志" if zh else "Change Log", "变更日志" if zh else "Change Log", header, rows, (5, 8), "2026-03-13")


def _lessons(f: dict[str, Any]) -> tuple:
    zh = f["lang"] == "zh"
    header = (["编号", "日期", "类别", "问题描述", "原因分析", "影响", "改进建议", "责任人", "状态"] if zh else
              ["ID", "Date", "Category", "Lesson Description", "Cause", "Impact", "Recommendation/Action", "Owner", "Status"])
    rows = ([["LL-1", f["end"], "测试", "数据迁移演练发现问题较晚", "设计冻结后才做数据剖析", "返工两周", "设计阶段完成数据剖析",
              f["manager"], "已关闭"]] if zh else
            [["LL-1", f["end"], "Testing", "Rehearsal migration found data defects late",
              "Source data was profiled only after the design was frozen", "Two weeks of rework",
              "Profile source data during design", f["manager"], "Closed"]])
    return ("经验教训登记册" if zh else "Lessons Learned Register", "经验教训" if zh else "Lessons", header, rows, (2,), f["end"])


_REGISTER = {"SCHEDULE": _schedule, "LESSONS": _lessons, "RACI": _raci, "RISK_REGISTER": _risks, "STAKEHOLDER_REGISTER": _stakeholders,
             "ISSUE_REGISTER": _issues, "CHANGE_LOG": _changes}


def three_projects(folder: Path) -> Path:
    """A mixed folder of three projects under the client's profile, as a new user would give it: an
    English one ready for G2, a Chinese one without its RACI matrix, and one with English headings over
    Chinese content whose plan ends ten days after its charter."""
    english().write(folder)
    zh = chinese()
    zh.types = tuple(t for t in zh.types if t != "RACI")
    zh.write(folder)
    mixed = chinese(headings_lang="en")
    mixed.id, mixed.name, mixed.prefix = "ZC-2026-015", "园区能源管理平台", "energy_"
    mixed.set("PMP", plan_end="2026-11-09")
    mixed.write(folder)
    (folder / "pmo-check.toml").write_text('[check]\nprofile = "cn_pmo"\n', encoding="utf-8")
    return folder
