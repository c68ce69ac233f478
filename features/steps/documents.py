"""Clean, compliant project documents of every type, built in code for the Gherkin scenarios.

A scenario starts from one of these (`Given an English charter`, `Given a risk register with these
risks:`), changes the one thing it is about, and checks the result. Word documents are built with
`tests.support.clean_docs.make_docx`; registers are workbooks with a Cover sheet (the doc-control block)
and one register sheet whose header is on row 4 (`tests.support.workbook.HEADER_ROW`), so that row 5
holds the first entry and a scenario can name the cell it expects a finding at.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable

from openpyxl import Workbook

from tests.support import workbook
from tests.support.clean_docs import (
    EN_BC,
    EN_CHARTER,
    EN_CHARTER_CONTROL,
    EN_CLOSURE,
    EN_COST,
    EN_CR_FORM,
    EN_PMP,
    EN_SCOPE,
    EN_STATUS,
    EN_STATUS_CONTROL,
    ZH_CHARTER,
    ZH_CHARTER_CONTROL,
    ZH_SCOPE,
    ZH_STATUS,
    ZH_STATUS_CONTROL,
    control_for,
    make_docx,
)
from tests.support.pmo_template import (
    APPROVAL_HEADER,
    APPROVALS,
    REVISION_HEADER,
    REVISION_HISTORY,
    Lang,
    control_block,
    risk_level,
)
from tests.support.projects import PROJECT_NAME
from tests.support.workbook import SheetWriter

# --- Word documents ----------------------------------------------------------------------------------


@dataclass
class WordSpec:
    """What `make_docx` needs; scenarios edit it before the document is written."""
    doc_type: str
    zh: bool
    title: str
    control: dict[str, str]
    sections: list[tuple[str, Any]]
    revisions: list[tuple[str, ...]] | None = None      # None: the language's default history
    approvals: list[tuple[str, ...]] | None = None      # None: the default sign-off; [] no approvals block
    approval_header: tuple[str, ...] | None = None

    def write(self, path: Path) -> Path:
        return make_docx(path, title=self.title, control=self.control, sections=self.sections, zh=self.zh,
                         revisions=self.revisions, approvals=self.approvals, approval_header=self.approval_header)


def word_document(doc_type: str, zh: bool = False) -> WordSpec:
    """A clean document of the type, in English or Chinese (only the types the scenarios use)."""
    if doc_type == "CHARTER":
        return WordSpec(doc_type, zh, "项目章程" if zh else "Project Charter",
                        dict(ZH_CHARTER_CONTROL if zh else EN_CHARTER_CONTROL), copy.deepcopy(ZH_CHARTER if zh else EN_CHARTER))
    if doc_type == "SCOPE_STATEMENT":
        title = "项目范围说明书" if zh else "Project Scope Statement"
        return WordSpec(doc_type, zh, title, control_for(title, zh), copy.deepcopy(ZH_SCOPE if zh else EN_SCOPE))
    if doc_type == "PMP" and not zh:
        return WordSpec(doc_type, zh, "Project Management Plan", control_for("Project Management Plan"),
                        copy.deepcopy(EN_PMP))
    if doc_type == "INIT_REQUEST_BC" and not zh:
        return WordSpec(doc_type, zh, "Business Case", control_for("Business Case"), copy.deepcopy(EN_BC))
    if doc_type == "CLOSURE_REPORT" and not zh:
        return WordSpec(doc_type, zh, "Project Closure Report", control_for("Project Closure Report"),
                        copy.deepcopy(EN_CLOSURE))
    if doc_type == "COST_PLAN" and not zh:
        return WordSpec(doc_type, zh, "Cost Management Plan", control_for("Cost Management Plan"),
                        copy.deepcopy(EN_COST))
    if doc_type == "STATUS_REPORT":
        return WordSpec(doc_type, zh, "项目周报" if zh else "Project Status Report",
                        dict(ZH_STATUS_CONTROL if zh else EN_STATUS_CONTROL),
                        copy.deepcopy(ZH_STATUS if zh else EN_STATUS), approvals=[])
    if doc_type == "CHANGE_REQUEST" and not zh:
        return WordSpec(doc_type, zh, "Change Request", dict(EN_CR_FORM), [], approvals=[],
                        revisions=[("1.0", "2026-02-27", "Wei Zhang", "First issue"), ("1.1", "2026-03-01", "Wei Zhang", "Cost estimate added")])
    raise KeyError(f"no {'Chinese' if zh else 'English'} {doc_type} in the step library")


# --- registers (Excel) ----------------------------------------------------------------------------------

Default = Callable[[int, dict[str, Any]], Any]   # (1-based entry number, the entry's values so far) → value


def _d(*ymd: int) -> date:
    return date(*ymd)


def band(score: Any, lang: Lang = "en") -> str:
    """The risk level of a score on the default scale; blank when the score is not a number."""
    try:
        value = float(score)
    except (TypeError, ValueError):
        return ""
    return risk_level(value, lang)


def _num(values: dict[str, Any], key: str) -> Any:
    value = values.get(key)
    try:
        return float(value) if "." in str(value) else int(value)
    except (TypeError, ValueError):
        return value


@dataclass
class RegisterSpec:
    """A register type: its sheet, its columns in order (header, default value) and business aliases."""
    doc_type: str
    title: str
    sheet: str
    columns: list[tuple[str, Default]]
    aliases: dict[str, str] = field(default_factory=dict)   # what a scenario writes → the real header


NAMES_EN = ["Bob Smith", "Carol Diaz", "Dan Wu", "Eve Park", "Finn Roe", "Gina Hall", "Hugo Lin"]
NAMES_ZH = ["张伟", "王芳", "刘洋", "陈静", "赵磊", "孙丽", "周杰"]
CATEGORIES_EN = ["Technical", "Supplier", "Resource", "Scope", "Financial"]
CATEGORIES_ZH = ["技术", "供应商", "资源", "范围", "财务"]


def _cycle(values: list[str]) -> Default:
    return lambda i, row: values[(i - 1) % len(values)]


RISKS_EN = RegisterSpec("RISK_REGISTER", "Risk Register", "Risks", [
    ("Risk ID", lambda i, r: f"R-{i}"),
    ("Risk Description", lambda i, r: f"Because the vendor is new, delivery {i} may slip and delay testing"),
    ("Category", _cycle(CATEGORIES_EN)),
    ("Date Raised", lambda i, r: _d(2026, 10, i % 28 + 1)),
    ("Raised By", lambda i, r: "Ann Lee"),
    ("Probability", _cycle([2, 3, 4, 1, 2])),
    ("Impact", _cycle([3, 2, 3, 4, 2])),
    ("Risk Score", lambda i, r: _num(r, "Probability") * _num(r, "Impact")
        if isinstance(_num(r, "Probability"), (int, float)) and isinstance(_num(r, "Impact"), (int, float)) else ""),
    ("Risk Level", lambda i, r: band(r.get("Risk Score"))),
    ("Response Strategy", lambda i, r: "Reduce"),
    ("Response Actions", lambda i, r: "Weekly delivery review with the vendor"),
    ("Contingency Plan", lambda i, r: "Switch to the backup vendor" if r.get("Risk Level") in ("High", "Critical") else ""),
    ("Trigger", lambda i, r: "Delivery slips by more than a week" if r.get("Risk Level") in ("High", "Critical") else ""),
    ("Due Date", lambda i, r: _d(2026, 12, 15) if r.get("Risk Level") in ("High", "Critical") else None),
    ("Risk Owner", _cycle(NAMES_EN)),
    ("Status", lambda i, r: "Open"),
    ("Last Reviewed", lambda i, r: _d(2026, 11, 18)),
], aliases={"ID": "Risk ID", "Description": "Risk Description", "Score": "Risk Score", "Level": "Risk Level",
            "Owner": "Risk Owner", "Strategy": "Response Strategy", "Response": "Response Actions",
            "Contingency": "Contingency Plan"})

RISKS_ZH = RegisterSpec("RISK_REGISTER", "风险登记册", "风险登记册", [
    ("风险编号", lambda i, r: f"R-{i}"),
    ("风险描述", lambda i, r: f"由于供应商为新引入，第{i}批交付可能延期，从而影响测试"),
    ("风险类别", _cycle(CATEGORIES_ZH)),
    ("识别日期", lambda i, r: _d(2026, 10, i % 28 + 1)),
    ("提出人", lambda i, r: "李安"),
    ("发生概率", _cycle([2, 3, 4, 1, 2])),
    ("影响程度", _cycle([3, 2, 3, 4, 2])),
    ("风险值", lambda i, r: _num(r, "发生概率") * _num(r, "影响程度")
        if isinstance(_num(r, "发生概率"), (int, float)) and isinstance(_num(r, "影响程度"), (int, float)) else ""),
    ("风险等级", lambda i, r: band(r.get("风险值"), "zh")),
    ("应对策略", lambda i, r: "减轻"),
    ("应对措施", lambda i, r: "每周与供应商核对交付进度"),
    ("应急措施", lambda i, r: "启用备选供应商" if r.get("风险等级") in ("高", "极高") else ""),
    ("触发条件", lambda i, r: "交付延误超过一周" if r.get("风险等级") in ("高", "极高") else ""),
    ("计划完成时间", lambda i, r: _d(2026, 12, 15) if r.get("风险等级") in ("高", "极高") else None),
    ("责任人", _cycle(NAMES_ZH)),
    ("状态", lambda i, r: "开放"),
    ("复核日期", lambda i, r: _d(2026, 11, 18)),
], aliases={"编号": "风险编号", "描述": "风险描述", "概率": "发生概率", "影响": "影响程度", "等级": "风险等级"})

ISSUES_EN = RegisterSpec("ISSUE_REGISTER", "Issue Register", "Issues", [
    ("Issue ID", lambda i, r: f"I-{i}"),
    ("Issue Type", lambda i, r: "Problem/concern"),
    ("Date Raised", lambda i, r: _d(2026, 11, 10 + i % 10)),
    ("Raised By", lambda i, r: "Ann Lee"),
    ("Description", lambda i, r: f"Test environment {i} is unavailable two days a week"),
    ("Priority", lambda i, r: "Medium"),
    ("Severity", lambda i, r: "Medium"),
    ("Owner", _cycle(NAMES_EN)),
    ("Target Resolution Date", lambda i, r: _d(2026, 12, 10)),
    ("Status", lambda i, r: "Open"),
    ("Resolution", lambda i, r: "Environment moved to a dedicated host" if _closed(r.get("Status")) else ""),
    ("Closure Date", lambda i, r: _d(2026, 11, 20) if _closed(r.get("Status")) else None),
], aliases={"ID": "Issue ID", "Type": "Issue Type", "Target Date": "Target Resolution Date"})

ISSUES_ZH = RegisterSpec("ISSUE_REGISTER", "问题日志", "问题日志", [
    ("问题编号", lambda i, r: f"I-{i}"),
    ("问题类型", lambda i, r: "问题"),
    ("提出日期", lambda i, r: _d(2026, 11, 10 + i % 10)),
    ("提出人", lambda i, r: "李安"),
    ("问题描述", lambda i, r: f"测试环境{i}每周有两天不可用"),
    ("优先级", lambda i, r: "中"),
    ("严重程度", lambda i, r: "中"),
    ("负责人", _cycle(NAMES_ZH)),
    ("目标解决日期", lambda i, r: _d(2026, 12, 10)),
    ("状态", lambda i, r: "处理中"),
    ("解决方案", lambda i, r: "迁移到独立服务器" if _closed(r.get("状态")) else ""),
    ("关闭日期", lambda i, r: _d(2026, 11, 20) if _closed(r.get("状态")) else None),
], aliases={"编号": "问题编号", "描述": "问题描述"})

CHANGES_EN = RegisterSpec("CHANGE_LOG", "Change Log", "Change Log", [
    ("Change ID", lambda i, r: f"CR-{i:03d}"),
    ("Category", lambda i, r: "Scope"),
    ("Description", lambda i, r: f"Add report pack {i} for the sales team"),
    ("Requested By", _cycle(NAMES_EN)),
    ("Date Submitted", lambda i, r: _d(2026, 10, i % 28 + 1)),
    ("Status", lambda i, r: "Closed"),
    ("Decision", lambda i, r: "Approved"),
    ("Decision Date", lambda i, r: _d(2026, 10, i % 28 + 3)),
    ("Approver", lambda i, r: "Dana Lee"),
], aliases={"ID": "Change ID", "Requestor": "Requested By", "Disposition": "Decision"})

CHANGES_ZH = RegisterSpec("CHANGE_LOG", "变更日志", "变更日志", [
    ("变更编号", lambda i, r: f"CR-{i:03d}"),
    ("类别", lambda i, r: "范围"),
    ("变更描述", lambda i, r: f"为销售团队增加第{i}组报表"),
    ("申请人", _cycle(NAMES_ZH)),
    ("提交日期", lambda i, r: _d(2026, 10, i % 28 + 1)),
    ("状态", lambda i, r: "已关闭"),
    ("审批结果", lambda i, r: "批准"),
    ("审批日期", lambda i, r: _d(2026, 10, i % 28 + 3)),
    ("审批人", lambda i, r: "王强"),
], aliases={"编号": "变更编号", "描述": "变更描述"})

LESSONS_EN = RegisterSpec("LESSONS", "Lessons Learned Register", "Lessons", [
    ("ID", lambda i, r: f"L-{i}"),
    ("Date", lambda i, r: _d(2026, 11, 1 + i)),
    ("Category", lambda i, r: "Testing"),
    ("Lesson Description", lambda i, r: f"Rehearsal migration {i} found data defects late"),
    ("Cause", lambda i, r: "Source data was profiled only after the design was frozen"),
    ("Impact", lambda i, r: "Two weeks of rework in the build phase"),
    ("Recommendation/Action", lambda i, r: "Profile source data during design and plan two rehearsals"),
    ("Owner", _cycle(NAMES_EN)),
    ("Status", lambda i, r: "Open"),
], aliases={"Description": "Lesson Description", "Recommendation": "Recommendation/Action"})

SCHEDULE_EN = RegisterSpec("SCHEDULE", "Project Schedule", "Schedule", [
    ("Task ID", lambda i, r: str(i)),
    ("Task Name", lambda i, r: "Project kick-off" if i == 1 else f"Work package {i}"),
    ("Start", lambda i, r: _d(2026, 1, 5) if i == 1 else _d(2026, i, 5)),
    ("Finish", lambda i, r: _d(2026, 1, 5) if i == 1 else _d(2026, i, 25)),
    ("Predecessors", lambda i, r: "" if i == 1 else str(i - 1)),
    ("Owner", _cycle(NAMES_EN)),
    ("Milestone", lambda i, r: "Yes" if i == 1 else "No"),
], aliases={"ID": "Task ID", "Task": "Task Name", "Activity": "Task Name"})

SCHEDULE_ZH = RegisterSpec("SCHEDULE", "项目进度计划", "进度计划", [
    ("任务编号", lambda i, r: str(i)),
    ("任务名称", lambda i, r: "项目启动" if i == 1 else f"工作包{i}"),
    ("开始时间", lambda i, r: _d(2026, 1, 5) if i == 1 else _d(2026, i, 5)),
    ("完成时间", lambda i, r: _d(2026, 1, 5) if i == 1 else _d(2026, i, 25)),
    ("前置任务", lambda i, r: "" if i == 1 else str(i - 1)),
    ("负责人", _cycle(NAMES_ZH)),
    ("是否里程碑", lambda i, r: "是" if i == 1 else "否"),
], aliases={"编号": "任务编号"})

REGISTERS = {
    ("RISK_REGISTER", False): RISKS_EN, ("RISK_REGISTER", True): RISKS_ZH,
    ("ISSUE_REGISTER", False): ISSUES_EN, ("ISSUE_REGISTER", True): ISSUES_ZH,
    ("CHANGE_LOG", False): CHANGES_EN, ("CHANGE_LOG", True): CHANGES_ZH,
    ("LESSONS", False): LESSONS_EN,
    ("SCHEDULE", False): SCHEDULE_EN, ("SCHEDULE", True): SCHEDULE_ZH,
}


def _closed(status: Any) -> bool:
    return str(status or "").strip().lower() in {"closed", "resolved", "已关闭", "关闭", "已解决"}


def cover_block(title: str, zh: bool) -> list[tuple[str, str]]:
    """The doc-control block on a register's Cover sheet (COM-01)."""
    if zh:
        return control_block("zh", project_name=PROJECT_NAME["zh"], title=title, version="V1.2", date="2026-11-20",
                             author="李明")
    return control_block("en", project_name=PROJECT_NAME["en"], title=title, version="1.2", date="2026-11-20",
                         author="Wei Zhang")


def cover_tables(zh: bool) -> list[tuple[str, tuple[str, ...], list[tuple[str, ...]]]]:
    """The revision history and sign-off sheets that follow a register's Cover sheet (COM-04, COM-06)."""
    lang: Lang = "zh" if zh else "en"
    if zh:
        revisions = [("V1.1", "2026-11-06", "李明", "月度更新"), ("V1.2", "2026-11-20", "李明", "月度更新，新增风险")]
        approvals = [("王强", "项目发起人", "已签", "2026-11-21")]
    else:
        revisions = [("1.1", "2026-11-06", "Wei Zhang", "Monthly update"),
                     ("1.2", "2026-11-20", "Wei Zhang", "Monthly update, new entries")]
        approvals = [("Dana Lee", "Project Sponsor", "/s/ Dana Lee", "2026-11-21")]
    return [(REVISION_HISTORY[lang], REVISION_HEADER[lang], revisions),
            (APPROVALS[lang], APPROVAL_HEADER[lang], approvals)]


def coerce(text: str) -> Any:
    """A Gherkin table cell as a spreadsheet value: numbers as numbers, ISO dates as dates, '' as empty."""
    text = text.strip()
    if text == "":
        return None
    try:
        return datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        pass
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


@dataclass
class RegisterDoc:
    """A register being described by a scenario: header and entries, plus workbook-level tweaks."""
    spec: RegisterSpec
    zh: bool
    header: list[str]
    rows: list[list[Any]]
    with_cover: bool = True
    sheet: str | None = None

    @property
    def doc_type(self) -> str:
        return self.spec.doc_type

    def column(self, name: str) -> int:
        name = self.spec.aliases.get(name, name)
        return self.header.index(name)

    def write(self, path: Path) -> Path:
        wb = Workbook()
        ws = wb.active
        if self.with_cover:
            ws.title = "封面" if self.zh else "Cover"
            cover = SheetWriter(ws)
            cover.title(self.spec.title)
            cover.pairs(2, cover_block(self.spec.title, self.zh))
            for heading, header, rows in cover_tables(self.zh):   # one sheet each, PRINCE2-style
                SheetWriter(wb.create_sheet(heading)).table(1, header, rows)
            ws = wb.create_sheet(self.sheet or self.spec.sheet)
        else:
            ws.title = self.sheet or self.spec.sheet
        SheetWriter(ws).register(self.spec.title, self.header, self.rows)
        return workbook.save(wb, path)


def register(doc_type: str, zh: bool, table: list[list[str]] | None, *, only_given: bool = False,
             count: int = 5) -> RegisterDoc:
    """A register whose first columns (and entries) are the scenario's table, completed with clean defaults.

    The table's columns come first, in the scenario's order, so that the cells a scenario names are
    where it says; the register's other required columns follow with compliant values. With
    `only_given` the workbook has exactly the table's columns. Without a table: `count` clean entries.
    """
    spec = REGISTERS[(doc_type, zh)]
    given = [spec.aliases.get(h.strip(), h.strip()) for h in table[0]] if table else []
    entries = [dict(zip(given, (coerce(c) for c in row))) for row in table[1:]] if table else [{} for _ in range(count)]
    header = given + ([] if only_given else [h for h, _ in spec.columns if h not in given])
    rows = []
    for i, values in enumerate(entries, 1):
        values = dict(values)
        for name, default in spec.columns:
            if name not in values:
                values[name] = default(i, values)
        rows.append([values.get(h) for h in header])
    return RegisterDoc(spec, zh, header, rows)


RACI_EN = RegisterSpec("RACI", "RACI Matrix", "RACI", [])
RACI_ZH = RegisterSpec("RACI", "责任分配矩阵", "RACI矩阵", [])


def raci_matrix(table: list[list[str]], zh: bool = False) -> RegisterDoc:
    """A RACI matrix exactly as the scenario writes it: activities down, roles across."""
    return RegisterDoc(RACI_ZH if zh else RACI_EN, zh, [c.strip() for c in table[0]],
                       [[coerce(c) for c in row] for row in table[1:]])
