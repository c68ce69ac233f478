#!/usr/bin/env python3
"""Generate the sample PMO documents in this folder: two fictional projects, EN and ZH.

    python sample_docs/generate.py [--out DIR]

Writes `en/`, `zh/`, `defects/` and `manifest.yaml` under DIR (default: the folder of this
script). Everything is deterministic: no randomness, fixed dates, fixed core properties and fixed
zip timestamps, so a rerun produces byte-identical files. Defect locations in the manifest are
taken from what the builders actually wrote (paragraph / table indices, Excel cells), never
hand-counted.

The documents are written with the tests' document library (tests/support/word.py and
workbook.py, dressed as an office template would dress them): this repository-level tool imports the
test support package, so the samples, the rule tests, the scenarios and the benchmarks build the same
blocks the same way. This file holds the two projects, their content and the seeded defects.

All names, companies and figures are fictional.
"""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable

import yaml
from openpyxl import Workbook
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run as a script: the repository root, for the shared builders in tests/support

from tests.support import workbook
from tests.support.pmo_template import (
    APPROVAL_HEADER,
    APPROVALS,
    CONTROL_LABELS,
    DOCUMENT_CONTROL,
    REVISION_HEADER,
    REVISION_HISTORY,
    control_block,
    risk_level,
)
from tests.support.projects import PROJECT_ID, PROJECT_NAME
from tests.support.word import Headings, WordWriter, add_custom_properties
from tests.support.workbook import BOX, HFILL, LFILL, SheetWriter, as_date

# --------------------------------------------------------------------------------------------
# Projects (one source of truth for names, ids, dates and money)
# --------------------------------------------------------------------------------------------

EN = {
    "id": PROJECT_ID["en"],
    "name": PROJECT_NAME["en"],
    "company": "Meridian Home Appliances Ltd",
    "sponsor": "Dana Lee",
    "manager": "Marcus Webb",
    "budget": 1_200_000,
    "currency": "USD",
    "start": "2026-01-05",
    "end": "2026-09-30",
}
ZH = {
    "id": PROJECT_ID["zh"],
    "name": PROJECT_NAME["zh"],
    "company": "苏州联嘉精密制造有限公司",
    "sponsor": "王建国",
    "manager": "李明轩",
    "budget": 3_500_000,  # 350 万元
    "currency": "CNY",
    "start": "2026-02-01",
    "end": "2026-10-31",
}

# Apollo cost baseline by category (USD). Approved changes add to the partner-services line.
EN_COST = [
    ("Implementation partner services (Cobalt Digital Partners, fixed-price SOW)", 540_000),
    ("Internal staff backfill (Sales Ops, Service, IT)", 180_000),
    ("CRM subscriptions, year 1 (420 users)", 216_000),
    ("Data migration and reconciliation tooling", 48_000),
    ("Training and organisational change management", 66_000),
    ("Integration middleware and test environments", 90_000),
]
EN_RESERVE = 60_000
EN_APPROVED_CR = {"CR-001": 8_000, "CR-003": 24_000}  # cost impacts drawn from the reserve
EN_ACTUAL = [569_500, 176_200, 216_000, 45_800, 71_300, 72_500]

# 仓储项目成本基准（万元）。已批准变更：BG-002 硬件 +8.60，BG-004 接口 +3.20。
ZH_COST = [
    ("软件许可及实施服务", 168.00, "WMS软件许可（含PDA端）及供应商实施服务"),
    ("硬件设备", 92.00, "PDA 60台、条码打印机8台、无线AP 24台及安装"),
    ("系统集成与接口开发", 38.00, "ERP入库/出库/库存接口及中间件"),
    ("培训与上线支持", 12.00, "分批培训、驻场支持、操作手册"),
    ("内部人力成本", 22.00, "信息中心及业务部门投入人工分摊"),
]
ZH_RESERVE = 18.00
ZH_APPROVED_CR = {"BG-002": ("硬件设备", 8.60), "BG-004": ("系统集成与接口开发", 3.20)}
ZH_ACTUAL = [168.00, 98.36, 41.20, 10.85, 21.05]


def usd(n: float) -> str:
    return f"USD {n:,.0f}"


def wan(n: float) -> str:
    return f"{n:,.2f}"


def en_cost_after_changes() -> list[tuple[str, int]]:
    rows = [list(r) for r in EN_COST]
    rows[0][1] += sum(EN_APPROVED_CR.values())
    return [(a, b) for a, b in rows]


def zh_cost_after_changes() -> list[tuple[str, float, str]]:
    rows = [list(r) for r in ZH_COST]
    for cat, amount in ZH_APPROVED_CR.values():
        for r in rows:
            if r[0] == cat:
                r[1] = round(r[1] + amount, 2)
    return [tuple(r) for r in rows]  # type: ignore[misc]


EN_BASELINE_0 = sum(a for _, a in EN_COST)                 # 1,140,000
EN_BASELINE = EN_BASELINE_0 + sum(EN_APPROVED_CR.values())  # 1,172,000
assert EN_BASELINE_0 + EN_RESERVE == EN["budget"]
ZH_BASELINE_0 = round(sum(a for _, a, _ in ZH_COST), 2)    # 332.00
ZH_BASELINE = round(ZH_BASELINE_0 + sum(a for _, a in ZH_APPROVED_CR.values()), 2)  # 343.80
assert round(ZH_BASELINE_0 + ZH_RESERVE, 2) * 10_000 == ZH["budget"]

EN_MILESTONES = [
    ("M1", "Project charter approved", "2026-01-05", "2026-01-05"),
    ("M2", "Project management plan baselined (Gate 2)", "2026-01-30", "2026-01-30"),
    ("M3", "Solution design signed off", "2026-03-20", "2026-03-20"),
    ("M4", "Build and trial data migrations complete", "2026-06-19", "2026-06-26"),
    ("M5", "User acceptance testing (UAT) exit", "2026-07-31", "2026-07-31"),
    ("M6", "Go-live (production cutover)", "2026-08-24", "2026-08-24"),
    ("M7", "Hypercare exit", "2026-09-18", "2026-09-18"),
    ("M8", "Project closure approved", "2026-09-30", None),
]
EN_PHASES = [  # name, baseline start, baseline finish, actual start, actual finish
    ("Initiation", "2026-01-05", "2026-01-30", "2026-01-05", "2026-01-30"),
    ("Design", "2026-02-02", "2026-03-20", "2026-02-02", "2026-03-20"),
    ("Build and data migration", "2026-03-23", "2026-06-19", "2026-03-23", "2026-06-26"),
    ("Test (SIT and UAT)", "2026-06-22", "2026-07-31", "2026-06-29", "2026-07-31"),
    ("Deployment and cutover", "2026-08-03", "2026-08-24", "2026-08-03", "2026-08-24"),
    ("Hypercare", "2026-08-25", "2026-09-18", "2026-08-25", "2026-09-18"),
    ("Closure", "2026-09-21", "2026-09-30", "2026-09-21", "2026-09-25"),
]
ZH_MILESTONES = [
    ("M1", "项目启动会召开", "2026-02-05", "2026-02-05"),
    ("M2", "需求规格说明书评审通过", "2026-03-31", "2026-03-31"),
    ("M3", "系统设计评审通过", "2026-04-30", "2026-04-30"),
    ("M4", "硬件设备到货并安装完成", "2026-06-15", "2026-06-12"),
    ("M5", "系统开发及接口联调完成", "2026-07-17", "2026-07-17"),
    ("M6", "用户验收测试（UAT）通过", "2026-08-21", "2026-08-25"),
    ("M7", "系统正式上线", "2026-09-07", "2026-09-07"),
    ("M8", "试运行结束", "2026-10-16", "2026-10-16"),
    ("M9", "项目终验", "2026-10-23", "2026-10-23"),
    ("M10", "项目结项评审", "2026-10-30", None),
]
ZH_PHASES = [
    ("启动阶段", "2026-02-01", "2026-02-13", "2026-02-01", "2026-02-13"),
    ("需求调研与分析", "2026-02-24", "2026-03-31", "2026-02-24", "2026-03-31"),
    ("系统设计", "2026-04-01", "2026-04-30", "2026-04-01", "2026-04-30"),
    ("开发配置与硬件部署", "2026-05-06", "2026-07-17", "2026-05-06", "2026-07-17"),
    ("系统测试与用户验收测试", "2026-07-20", "2026-08-21", "2026-07-20", "2026-08-25"),
    ("上线准备与切换", "2026-08-24", "2026-09-07", "2026-08-26", "2026-09-07"),
    ("试运行", "2026-09-08", "2026-10-16", "2026-09-08", "2026-10-16"),
    ("验收与收尾", "2026-10-19", "2026-10-31", "2026-10-19", "2026-10-23"),
]


def cn_date(iso: str) -> str:
    d = date.fromisoformat(iso)
    return f"{d.year}年{d.month}月{d.day}日"


# --------------------------------------------------------------------------------------------
# Word building blocks
# --------------------------------------------------------------------------------------------

class WordDoc(WordWriter):
    """A dressed Word document that also records the defects seeded into it, for the manifest."""

    def __init__(self, lang: str, heading_mode: Headings = "styles") -> None:
        super().__init__(lang, dressed=True, headings=heading_mode)
        self.defects: list[dict[str, Any]] = []

    def defect(self, rule: str, where: dict | None, note: str, secondary: bool = False) -> None:
        entry: dict[str, Any] = {"rule": rule, "where": where, "note": note}
        if secondary:
            entry["secondary"] = True
        self.defects.append(entry)


# Common blocks -------------------------------------------------------------------------------

def control_fields(p: dict, lang: str, title: str, version: str, status: str, when: Any, author: str,
                   owner: str) -> list[tuple[str, Any]]:
    """The doc-control block of one of the project's documents, in the document's language."""
    return control_block(lang, project_name=p["name"], project_id=p["id"], sponsor=p["sponsor"], manager=p["manager"],
                         title=title, version=version, status=status, date=when, author=author, owner=owner)


def doc_control(w: WordDoc, p: dict, title: str, version: str, status: str, when: str, author: str,
                owner: str, extra: list[tuple[str, str]] | None = None, drop: tuple[str, ...] = ()) -> int:
    w.heading(DOCUMENT_CONTROL[w.lang], 1 if w.mode == "styles" else 2)
    pairs = control_fields(p, w.lang, title, version, status, when, author, owner) + (extra or [])
    return w.kv_table([kv for kv in pairs if kv[0] not in drop])


def revision_history(w: WordDoc, rows: list[tuple[str, str, str, str]]) -> int:
    w.heading(REVISION_HISTORY[w.lang], 1 if w.mode == "styles" else 2)
    return w.revision_table(rows)


# --------------------------------------------------------------------------------------------
# Excel building blocks
# --------------------------------------------------------------------------------------------

LEVEL_FILL = {
    "Low": "C6EFCE", "Medium": "FFEB9C", "High": "F8CBAD", "Critical": "FF7C80",
    "低": "C6EFCE", "中": "FFEB9C", "高": "F8CBAD", "极高": "FF7C80",
}


def xl_workbook(lang: str, title: str, p: dict, fields: list[tuple[str, Any]],
                approvals: list[tuple[str, str, str, str]], revisions: list[tuple[str, str, str, str]]) -> Workbook:
    """A workbook that opens with its Cover sheet (doc control and approvals) and its revision history."""
    wb = Workbook()
    cover = wb.active
    cover.title = "封面" if lang == "zh" else "Cover"
    xl_cover(cover, lang, title, p, fields, approvals)
    xl_revisions(wb.create_sheet(REVISION_HISTORY[lang]), lang, revisions)
    return wb


def register_signoff(lang: str, when: str) -> list[tuple[str, str, str, str]]:
    """The approvals on a register's cover: the project manager keeps it, the PMO reviews it."""
    if lang == "zh":
        return [("李明轩", "项目经理", "已签", when), ("陈静", "PMO主任（审核）", "已签", when)]
    return [("Marcus Webb", "Project Manager", "/s/ Marcus Webb", when),
            ("Priya Raman", "Head of PMO (review)", "/s/ Priya Raman", when)]


def xl_cover(ws, lang: str, title: str, p: dict, fields: list[tuple[str, Any]],
             approvals: list[tuple[str, str, str, str]]) -> None:
    s = SheetWriter(ws, dressed=True)
    s.title(title)
    s.text(2, 1, p["company"], Font(size=11, color="595959"))
    s.heading(4, DOCUMENT_CONTROL[lang])
    r = s.pairs(5, fields)
    s.heading(r + 1, APPROVALS[lang])
    s.table(r + 2, APPROVAL_HEADER[lang], approvals, date_cols={4})
    s.widths(20, 44, 22, 14)


def xl_revisions(ws, lang: str, rows: list[tuple[str, str, str, str]]) -> None:
    s = SheetWriter(ws, dressed=True)
    s.title(REVISION_HISTORY[lang], size=14)
    last = s.table(3, REVISION_HEADER[lang], rows, date_cols={2}, wrap_cols={4})
    for i in range(4, last + 1):
        ws.cell(i, 1).number_format = "@"  # "1.0" stays a version, not a number
    s.widths(10, 13, 16, 80)


def xl_register(ws, p: dict, lang: str, title: str, note: str, header: list[str], rows: list[list[Any]],
                widths: list[int], date_cols: set[int]) -> None:
    """A dressed register whose second row names the project: its name, then its id."""
    sep = "：" if lang == "zh" else ": "
    name = f"{CONTROL_LABELS['project_name'][lang]}{sep}{p['name']}"
    pid = f"{CONTROL_LABELS['project_id'][lang]}{sep}{p['id']}"
    SheetWriter(ws, dressed=True).register(title, header, rows, project_line=(name, pid), note=note, widths=widths,
                                           date_cols=date_cols)


def xl_legend(ws, lang: str) -> None:
    """The scoring scales and bands the register uses (profile A), as a lookup sheet."""
    zh = lang == "zh"
    ws["A1"] = "风险评分标准" if zh else "Risk Scoring Legend"
    ws["A1"].font = Font(size=14, bold=True, color="1F3864")
    blocks = [
        (["分值", "发生概率", "概率区间"] if zh else ["Score", "Probability", "Likelihood"], [
            [1, "罕见" if zh else "Rare", "不超过20%" if zh else "20% or less"],
            [2, "不太可能" if zh else "Unlikely", "21%至40%" if zh else "21% to 40%"],
            [3, "可能" if zh else "Possible", "41%至60%" if zh else "41% to 60%"],
            [4, "很可能" if zh else "Likely", "61%至80%" if zh else "61% to 80%"],
            [5, "几乎确定" if zh else "Almost certain", "超过80%" if zh else "over 80%"]]),
        (["分值", "影响程度", "说明"] if zh else ["Score", "Impact", "Description"], [
            [1, "极小" if zh else "Minimal", "成本增加不足1%，或延误不足2个工作日" if zh else "Cost up by under 1% of baseline, or under 2 working days' delay"],
            [2, "较小" if zh else "Minor", "成本增加1%至2%，或延误2至5个工作日" if zh else "Cost up by 1% to 2%, or 2 to 5 working days' delay"],
            [3, "中等" if zh else "Moderate", "成本增加2%至5%，或延误5至10个工作日" if zh else "Cost up by 2% to 5%, or 5 to 10 working days' delay"],
            [4, "较大" if zh else "Major", "成本增加5%至10%，或里程碑延误超出容差" if zh else "Cost up by 5% to 10%, or a milestone beyond tolerance"],
            [5, "严重" if zh else "Severe", "成本增加超过10%，或无法按期上线" if zh else "Cost up by over 10%, or go-live missed"]]),
        (["风险等级", "风险值区间", "管理要求"] if zh else ["Risk Level", "Score range", "Management requirement"], [
            ["低" if zh else "Low", "1-5", "每两周复核" if zh else "Review monthly"],
            ["中" if zh else "Medium", "6-12", "每两周复核，须有应对措施" if zh else "Review monthly; response actions required"],
            ["高" if zh else "High", "13-19", "每周复核，须有应对措施、应急措施、触发条件和计划完成时间" if zh
             else "Review every two weeks; mitigation, contingency, trigger and due date required"],
            ["极高" if zh else "Critical", "20-25", "立即上报项目发起人，每周复核" if zh else "Escalate to the Sponsor at once; review every two weeks"]]),
    ]
    r = 3
    for header, rows in blocks:
        for c, h in enumerate(header, 1):
            cell = ws.cell(r, c, h)
            cell.font, cell.fill, cell.border = Font(bold=True), HFILL, BOX
        for row in rows:
            r += 1
            for c, v in enumerate(row, 1):
                cell = ws.cell(r, c, v)
                cell.border = BOX
                if isinstance(v, str) and v in LEVEL_FILL:
                    cell.fill = PatternFill("solid", fgColor=LEVEL_FILL[v])
        r += 2
    for col, wdt in zip("ABC", (12, 16, 70)):
        ws.column_dimensions[col].width = wdt


def add_list_validation(ws, col: int, first: int, last: int, values: list[str]) -> None:
    dv = DataValidation(type="list", formula1='"' + ",".join(values) + '"', allow_blank=False)
    dv.error, dv.errorTitle = "Choose a value from the list", "Invalid value"
    dv.add(f"{get_column_letter(col)}{first}:{get_column_letter(col)}{last}")
    ws.add_data_validation(dv)


def add_scale_validation(ws, col: int, first: int, last: int) -> None:
    dv = DataValidation(type="whole", operator="between", formula1="1", formula2="5")
    dv.error, dv.errorTitle = "Enter a whole number from 1 to 5", "Scale 1-5"
    dv.add(f"{get_column_letter(col)}{first}:{get_column_letter(col)}{last}")
    ws.add_data_validation(dv)


def xl_save(wb: Workbook, path: Path, p: dict, title: str, author: str, when: str) -> None:
    wb.properties.title = title
    wb.properties.creator = author
    wb.properties.lastModifiedBy = author
    wb.properties.subject = f"{p['name']} ({p['id']})"
    workbook.save(wb, path, datetime.fromisoformat(when + "T09:00:00"))


# --------------------------------------------------------------------------------------------
# Outputs and manifest
# --------------------------------------------------------------------------------------------

@dataclass
class Output:
    path: str
    doc_type: str
    language: str
    project: dict
    defects: list = field(default_factory=list)


def project_fields(p: dict, keys: tuple[str, ...] = ("id", "name", "sponsor", "manager", "budget", "start", "end")) -> dict:
    out: dict[str, Any] = {}
    for k in keys:
        if k == "budget":
            out["budget"] = {"amount": p["budget"], "currency": p["currency"]}
        else:
            out[k] = p[k]
    return out


IDENTITY = ("id", "name", "sponsor", "manager")

# People ---------------------------------------------------------------------------------------
EN_STAKEHOLDERS = [
    ("Dana Lee", "Project Sponsor; Chief Commercial Officer", "Meridian Home Appliances"),
    ("Marcus Webb", "Project Manager; Senior Project Manager, IT PMO", "Meridian Home Appliances"),
    ("Priya Raman", "Head of PMO; gate reviewer", "Meridian Home Appliances"),
    ("Thomas Brandt", "Chief Information Officer; receiving operations owner", "Meridian Home Appliances"),
    ("Rachel Grant", "Sales Operations Lead; business owner (Sales)", "Meridian Home Appliances"),
    ("Omar Haddad", "Customer Service Director; business owner (Service)", "Meridian Home Appliances"),
    ("Helen Ortiz", "Finance Business Partner; cost control", "Meridian Home Appliances"),
    ("Anika Patel", "Data Protection Officer", "Meridian Home Appliances"),
    ("Kenji Watanabe", "Lead Solution Architect; Design Authority chair", "Meridian Home Appliances"),
    ("Sofia Marin", "Data Migration Lead", "Meridian Home Appliances"),
    ("Grace Kim", "Change and Training Lead", "Meridian Home Appliances"),
    ("Natalie Brooks", "CRM Support Lead (run team)", "Meridian Home Appliances"),
    ("Ian McAllister", "Engagement Manager, implementation partner", "Cobalt Digital Partners (external)"),
]

EN_OBJECTIVES = [
    ("O1", "Replace Siebel as the system of record for sales and service",
     "All 420 named users in the UK, Germany and the Netherlands working in the new CRM; Siebel set to read-only",
     "2026-08-24"),
    ("O2", "Migrate active customer data accurately",
     "At least 99.5% of the 184,000 active accounts and 1.2 million contacts reconciled field by field at final load",
     "2026-08-24"),
    ("O3", "Retire the legacy platform",
     "Siebel data archived to the read-only store and licence termination notice served before the 2026-10-31 renewal",
     "2026-09-30"),
    ("O4", "Cut service-case first-response time",
     "Average first response at or below 4.0 hours (baseline 9.5 hours) over the last two weeks of hypercare",
     "2026-09-18"),
    ("O5", "Deliver within the authorised budget and window",
     f"Total project cost at or below {usd(EN['budget'])}; project closed by 2026-09-30",
     "2026-09-30"),
]

EN_DELIVERABLES = [  # id, deliverable, acceptor, acceptance date (closure)
    ("D1", "Solution design (functional and technical design, data model, integration specifications)", "Kenji Watanabe", "2026-03-20"),
    ("D2", "Configured Sales Cloud and Service Cloud production org, including 12 dashboards", "Rachel Grant", "2026-07-31"),
    ("D3", "Integrations with SAP S/4HANA (order status) and Azure AD (single sign-on)", "Kenji Watanabe", "2026-07-24"),
    ("D4", "Migrated and reconciled customer data with signed reconciliation report", "Rachel Grant", "2026-08-26"),
    ("D5", "Role-based training for 420 users and training materials", "Omar Haddad", "2026-08-21"),
    ("D6", "Siebel read-only archive and decommissioning plan", "Thomas Brandt", "2026-09-16"),
    ("D7", "Operations handover pack (runbooks, support model, known-error log)", "Natalie Brooks", "2026-09-25"),
]


# --------------------------------------------------------------------------------------------
# EN: Apollo CRM Migration
# --------------------------------------------------------------------------------------------

def en_charter(out: Path, rel: str, variant: str | None = None) -> Output:
    p = EN
    w = WordDoc("en")
    w.properties(title="Project Charter - Apollo CRM Migration", author="Marcus Webb",
                 subject=f"{p['name']} ({p['id']})", when="2026-01-05", keywords="charter; Apollo; CRM",
                 category="Project Charter")
    w.header_footer(f"{p['name']}  |  {p['id']}  |  Project Charter", f"{p['company']} - Internal")
    w.title("Project Charter", p["name"], p["company"])
    doc_control(w, p, "Project Charter", "1.0", "Approved", "2026-01-05", "Marcus Webb", "Dana Lee")
    revision_history(w, [
        ("0.1", "2025-11-24", "Marcus Webb", "First draft, derived from approved business case BC-2025-117 v1.2."),
        ("0.2", "2025-12-08", "Marcus Webb", "PMO review comments (P. Raman) incorporated; budget breakdown and exit criteria added."),
        ("0.3", "2025-12-19", "Marcus Webb", "Milestones aligned with the signed Cobalt Digital Partners SOW; stakeholder list completed."),
        ("1.0", "2026-01-05", "Marcus Webb", "Approved by the Sponsor, CIO and Head of PMO; issued as baseline."),
    ])

    w.heading("1. Project Purpose and Justification", 1)
    w.para(f"{p['company']} runs sales and customer service on an on-premise Siebel 8.1 CRM that left vendor "
           "premier support in 2025. The platform costs USD 410,000 a year to license, host and support, cannot be "
           "integrated with the e-commerce channel launched in 2025, and gives the three regional sales directors no "
           "consolidated view of the pipeline.")
    w.para("Project Apollo replaces Siebel with Salesforce Sales Cloud and Service Cloud for 420 users in the United "
           "Kingdom, Germany and the Netherlands, migrates active customer data and retires the legacy platform. The "
           "Investment Committee approved the investment on 2025-12-15 on the basis of business case BC-2025-117 v1.2, "
           "which shows a net run-cost saving of USD 310,000 a year from 2027 and a payback period of 3.9 years.")

    w.heading("2. Measurable Project Objectives and Success Criteria", 1)
    w.para("The objectives below are the basis on which the Sponsor will judge success at closure. Each has one "
           "measurable success criterion and a target date.")
    w.table(["ID", "Objective", "Success criterion", "Target date"], [list(o) for o in EN_OBJECTIVES],
            widths=[1.2, 4.6, 8.4, 2.4])

    w.heading("3. High-level Requirements", 1)
    w.bullets([
        "One customer record per account across Sales and Service, with duplicate-prevention rules.",
        "Opportunity management with stage-based forecasting in GBP and EUR, reported in USD.",
        "Case management with email-to-case, entitlement SLAs and a service knowledge base.",
        "Order status from SAP S/4HANA visible in the CRM within 15 minutes of any change.",
        "Single sign-on through the corporate identity provider (Azure AD) for all users.",
        "Compliance with UK GDPR and EU GDPR, including marketing consent and retention rules.",
        "Twelve standard sales and service dashboards available to managers at go-live.",
    ])

    w.heading("4. Project Description, Boundaries and Key Deliverables", 1)
    w.heading("4.1 High-level project description", 2)
    w.para("The project is delivered with Cobalt Digital Partners under a fixed-price statement of work. It runs in "
           "seven phases: initiation, design, build and data migration (six two-week sprints), test, deployment, "
           "four weeks of hypercare, and closure. The internal team owns data cleansing, user acceptance, training "
           "and the transition to the CRM support team.")
    w.heading("4.2 Boundaries", 2)
    w.para("In scope: Sales Cloud and Service Cloud for the UK, German and Dutch sales companies; migration of "
           "active accounts, contacts, open opportunities and cases from the last 36 months; integrations with "
           "SAP S/4HANA and Azure AD; training; archiving and retirement of Siebel.")
    w.para("Out of scope: the US subsidiary (already on its own CRM), marketing automation, the dealer portal, "
           "an offline mobile app, and any change to SAP S/4HANA beyond the agreed interfaces.")
    w.heading("4.3 Key deliverables", 2)
    w.table(["ID", "Deliverable", "Accepted by"], [[d[0], d[1], d[2]] for d in EN_DELIVERABLES],
            widths=[1.2, 11.4, 4.0])

    w.heading("5. Overall Project Risk", 1)
    w.para("Overall project risk is assessed as Medium-High at initiation. The main threats are listed below; each "
           "will be entered in the risk register when the project management plan is baselined.")
    w.bullets([
        "Poor quality of legacy account data (duplicates, incomplete addresses) may cause the final load to fail reconciliation and delay go-live.",
        "The SAP order-status interface is new to the integration team and may not sustain month-end peak volumes.",
        "Sales Operations subject-matter experts are also needed for Q2 campaigns and may not be available for UAT.",
        "Field sales adoption may stay low after go-live, which would delay the pipeline-visibility benefit.",
    ])

    w.heading("6. Summary Milestone Schedule", 1)
    w.para(p["start"], label="Project start date: ")
    w.para(p["end"], label="Project end date: ")
    w.table(["ID", "Milestone", "Target date"], [[m[0], m[1], m[2]] for m in EN_MILESTONES], widths=[1.2, 11.4, 4.0])

    w.heading("7. Pre-approved Financial Resources", 1)
    budget_par = w.para(usd(p["budget"]) if variant != "placeholders" else "TBD",
                        label="Total pre-approved budget: ")
    w.para("Funding comes from the FY2026 IT capital plan. The management reserve is held by the Sponsor and can be "
           "released only through an approved change request.")
    rows = [[name, f"{amount:,.0f}"] for name, amount in EN_COST]
    rows.append(["Management reserve (held by the Sponsor)", f"{EN_RESERVE:,.0f}"])
    rows.append(["Total", f"{EN_BASELINE_0 + EN_RESERVE:,.0f}"])
    w.table(["Cost category", "Amount (USD)"], rows, widths=[12.6, 4.0], bold_last_row=True)
    if variant == "placeholders":
        w.defect("COM-02", {"paragraph": budget_par}, "Budget field reads 'TBD' (placeholder in a budget field: escalates to blocker).")
        w.defect("CH-06", {"paragraph": budget_par}, "Consequence: the total budget is not a number, so it cannot be checked against the breakdown.", secondary=True)

    w.heading("8. Key Stakeholder List", 1)
    w.table(["Name", "Role", "Organisation"], [list(s) for s in EN_STAKEHOLDERS], widths=[3.4, 8.2, 5.0])

    w.heading("9. Assumptions and Constraints", 1)
    w.bullets([
        "Salesforce licences for 420 users are contracted by 2026-02-27 under the group framework agreement.",
        "Data owners in each sales company release one cleansing analyst for 2 days a week from March to July.",
        "Siebel must be decommissioned before its support renewal on 2026-10-31; no extension is budgeted.",
        "No production releases during the sales quarter-end freeze (last 5 working days of each quarter).",
    ])

    w.heading("10. Project Approval Requirements", 1)
    w.para("Success is judged by the Sponsor, Dana Lee, on the recommendation of the Steering Committee, against the "
           "objectives and success criteria in section 2. The closure report is signed by the Sponsor, the business "
           "owners (Rachel Grant, Omar Haddad), the CIO (Thomas Brandt) as receiving operations owner, and the Head of "
           "PMO (Priya Raman). Each deliverable in section 4.3 is accepted in writing by the named acceptor.")

    w.heading("11. Project Exit Criteria", 1)
    w.para("The project closes when all objectives have been assessed, every deliverable has been accepted, "
           "hypercare exit criteria are met (no open priority 1 or 2 incidents for 10 consecutive working days), "
           "open risks and issues have been handed over with an owner and date, and the closure report is signed.")
    w.para("The Steering Committee will recommend cancellation to the Investment Committee if the forecast cost "
           "exceeds USD 1,320,000 (authorised budget + 10%), or if go-live cannot take place before 2026-10-31.")

    w.heading("12. Assigned Project Manager and Authority Level", 1)
    w.para("Marcus Webb, Senior Project Manager in the IT PMO, is assigned full-time from 2026-01-05. He is "
           "responsible for delivering the objectives within the approved baselines and for reporting to the Steering "
           "Committee every month and to the Sponsor every two weeks.")
    w.bullets([
        "Directs the project team and the implementation partner within the signed statement of work.",
        "Approves change requests with no cost impact and no effect on any milestone in section 6.",
        "Approves expenditure within the cost baseline up to USD 50,000 per purchase order.",
        "Escalates to the Sponsor any forecast breach of tolerance: cost +/-5% of the baseline, schedule +/-10 working days.",
    ])

    w.heading("13. Sponsor Name and Authority", 1)
    w.para("Dana Lee, Chief Commercial Officer, is the Sponsor. She chairs the Steering Committee and the Change "
           "Control Board, may release the management reserve (USD 60,000) and may move milestones within the "
           "project end date. Changes beyond the reserve or the end date are referred to the Investment Committee.")

    w.heading("14. Approval", 1)
    w.para("By signing, the approvers authorise the project and the use of the resources described in this charter.")
    appr = [
        ("Dana Lee", "Project Sponsor; Chief Commercial Officer", "/s/ Dana Lee", "2026-01-05"),
        ("Thomas Brandt", "Chief Information Officer", "/s/ Thomas Brandt", "2026-01-05"),
        ("Priya Raman", "Head of PMO", "/s/ Priya Raman", "2026-01-05"),
        ("Marcus Webb", "Project Manager (acceptance of assignment)", "/s/ Marcus Webb", "2026-01-05"),
    ]
    if variant == "placeholders":
        appr[0] = ("[Insert sponsor name]", appr[0][1], "DocuSign 7F3A-22C1", appr[0][3])
    if variant == "no_approval":
        appr = [("", role, "", "") for _, role, _, _ in appr]
    t = w.approvals_table(appr)
    if variant == "placeholders":
        w.defect("COM-02", {"table": t, "row": 1, "col": 0}, "Approver name is the template prompt '[Insert sponsor name]' (placeholder in an approval field: escalates to blocker).")
        w.defect("COM-06", {"table": t, "row": 1, "col": 0}, "Consequence: the sponsor row has no named person.", secondary=True)
        w.defect("CH-03", {"table": t, "row": 1, "col": 0}, "Consequence: the sponsor's approval is not attributable to a named person.", secondary=True)
    if variant == "no_approval":
        w.defect("COM-06", {"table": t, "row": 1, "col": 0}, "Approvals table present, roles filled, but every Name, Signature and Date cell (rows 1-4, cols 0, 2, 3) is empty.")
        w.defect("CH-03", {"table": t, "row": 1, "col": 0}, "Consequence: no sponsor name, signature or date.", secondary=True)
        w.defect("COM-08", {"table": t, "row": 1, "col": 0}, "Consequence: status says Approved (v1.0) while the approvals are empty.", secondary=True)
    w.save(out / rel)
    keys = ("id", "name", "sponsor", "manager", "start", "end") if variant == "placeholders" else \
        ("id", "name", "sponsor", "manager", "budget", "start", "end")
    return Output(rel, "CHARTER", "en", project_fields(p, keys), w.defects)


def en_plan(out: Path, rel: str, variant: str | None = None) -> Output:
    p = EN
    w = WordDoc("en")
    w.properties(title="Project Management Plan - Apollo CRM Migration", author="Marcus Webb",
                 subject=f"{p['name']} ({p['id']})", when="2026-04-22", keywords="PMP; baseline; Apollo",
                 category="Project Management Plan")
    w.header_footer(f"{p['name']}  |  {p['id']}  |  Project Management Plan", f"{p['company']} - Internal")
    w.title("Project Management Plan", p["name"], p["company"])
    # Owner goes too: COM-01 accepts either an author or an owner, so dropping only Author would not be a defect.
    drop = ("Version", "Author", "Owner") if variant == "missing_fields" else ()
    t = doc_control(w, p, "Project Management Plan", "1.2", "Approved", "2026-04-22", "Marcus Webb", "Marcus Webb",
                    drop=drop)
    if variant == "missing_fields":
        w.defect("COM-01", {"table": t}, "Document-control block has no Version row.")
        w.defect("COM-01", {"table": t}, "Document-control block has no Author row (and no Owner row, which COM-01 accepts instead).")
    revs = [
        ("0.1", "2026-01-12", "Marcus Webb", "First draft: life cycle, milestones, resource plan."),
        ("0.2", "2026-01-23", "Marcus Webb", "Subsidiary plans completed; quality plan agreed with QA lead (L. Fischer)."),
        ("1.0", "2026-01-30", "Marcus Webb", "Approved at Gate 2; scope, schedule and cost baselines v1.0 set."),
        ("1.1", "2026-02-27", "Marcus Webb", "Cost baseline v1.1: +USD 8,000 for approved CR-001 (GDPR consent fields)."),
        ("1.2", "2026-04-22", "Marcus Webb", "Cost baseline v1.2: +USD 24,000 for approved CR-003 (knowledge base migration); scope baseline v1.1."),
    ]
    if variant == "version_mismatch":
        revs = revs[:-1]
        revs[-1] = ("1.1", "2026-01-03", revs[-1][2], revs[-1][3])  # typo'd date, and no row for 1.2
    rev_t = revision_history(w, revs)
    if variant == "version_mismatch":
        last = len(revs)
        w.defect("COM-04", {"table": rev_t, "row": last, "col": 0}, "Last revision-history version is 1.1 while the document-control block says 1.2.")
        w.defect("COM-04", {"table": rev_t, "row": last, "col": 1}, "Revision dates out of order: 1.1 is dated 2026-01-03, before 1.0 (2026-01-30).")

    w.heading("1. Introduction and Objectives", 1)
    w.para("This plan describes how Project Apollo will be executed, monitored, controlled and closed. It integrates "
           "the subsidiary management plans and the three baselines, and is the reference for the monthly Steering "
           "Committee. It elaborates the approved Project Charter v1.0 (2026-01-05) and does not change its objectives.")
    w.table(["ID", "Objective", "Success criterion", "Target date"], [list(o) for o in EN_OBJECTIVES],
            widths=[1.2, 4.6, 8.4, 2.4])

    w.heading("2. Project Life Cycle and Development Approach", 1)
    w.para("Apollo uses a hybrid life cycle: phase gates for governance and funding, and two-week sprints for "
           "configuration and build. Tailoring: stage-end reports are replaced by gate reviews G2-G4; the cost management "
           "plan, scope statement and integrated schedule are separate documents referenced below.")
    w.table(["Phase", "Start", "Finish", "Exit gate / main output"], [
        [ph[0], ph[1], ph[2], g] for ph, g in zip(EN_PHASES, [
            "Gate 2: plan baselined", "Design signed off", "Sprint 6 review; trial load 3 reconciled",
            "Gate 3: go/no-go decision", "Production cutover", "Hypercare exit criteria met", "Gate 4: closure approved"])
    ], widths=[4.4, 2.4, 2.4, 7.4])

    w.heading("3. Milestones", 1)
    w.para(p["start"], label="Project start date: ")
    w.para(p["end"], label="Project end date: ")
    w.para("Milestone dates are those of the approved charter and form part of the schedule baseline v1.0.")
    w.table(["ID", "Milestone", "Baseline date"], [[m[0], m[1], m[2]] for m in EN_MILESTONES], widths=[1.2, 11.4, 4.0])

    w.heading("4. Scope Management Plan", 1)
    w.para("The scope baseline consists of the Project Scope Statement v1.1, the work breakdown structure (7 phases, 46 work "
           "packages) and the WBS dictionary held with the integrated schedule. Scope baseline v1.1 adds the "
           "migration of 2,400 service knowledge articles (CR-003). Deliverables are accepted by the named acceptors "
           "using the acceptance form PMO-F07.")
    w.heading("5. Requirements Management Plan", 1)
    w.para("Requirements are held as user stories in the project backlog, each traced to a high-level requirement "
           "in the charter and to at least one test case. The Design Authority (chair: Kenji Watanabe) approves "
           "changes to accepted stories; anything that affects a baseline goes through change control (section 14).")
    w.heading("6. Schedule Management Plan", 1)
    w.para("The integrated schedule (Apollo Integrated Schedule v1.0, Microsoft Project) is updated every Friday. "
           "Progress is measured by completed work packages and sprint burn-up. Schedule tolerance is +/-10 working "
           "days on any milestone; a forecast beyond tolerance is escalated to the Sponsor within 2 working days.")
    w.heading("7. Cost Management Plan", 1)
    w.para(f"The authorised budget is {usd(p['budget'])}: a cost baseline of {usd(EN_BASELINE_0)} at Gate 2 plus a "
           f"management reserve of {usd(EN_RESERVE)} held by the Sponsor. Approved changes CR-001 and CR-003 drew "
           f"USD 32,000 from the reserve, so cost baseline v1.2 is {usd(EN_BASELINE)}. Costs are reported monthly by "
           "Finance (Helen Ortiz); cost tolerance is +/-5% of the cost baseline.")
    rows = [[n, f"{a:,.0f}"] for n, a in en_cost_after_changes()]
    rows.append(["Cost baseline v1.2", f"{EN_BASELINE:,.0f}"])
    rows.append(["Remaining management reserve", f"{EN['budget'] - EN_BASELINE:,.0f}"])
    rows.append(["Authorised budget", f"{EN['budget']:,.0f}"])
    w.table(["Cost category", "Amount (USD)"], rows, widths=[12.6, 4.0], bold_last_row=True)

    w.heading("8. Resource Allocation", 1)
    w.para("Named resources and their commitment, in full-time equivalents (FTE), for the period of their assignment:")
    w.table(["Role", "Name", "Commitment (FTE)", "Period"], [
        ["Project Manager", "Marcus Webb", "1.0", "2026-01-05 to 2026-09-30"],
        ["Lead Solution Architect", "Kenji Watanabe", "0.6", "2026-01-12 to 2026-09-18"],
        ["Data Migration Lead", "Sofia Marin", "1.0", "2026-02-02 to 2026-09-18"],
        ["Change and Training Lead", "Grace Kim", "0.8", "2026-03-02 to 2026-09-18"],
        ["QA and Test Lead", "Lena Fischer", "1.0", "2026-04-06 to 2026-08-28"],
        ["Sales Operations SMEs (3)", "Rachel Grant (lead)", "1.5 (3 x 0.5)", "2026-02-02 to 2026-08-28"],
        ["Service SMEs (2)", "Omar Haddad (lead)", "0.8 (2 x 0.4)", "2026-02-02 to 2026-08-28"],
        ["Partner delivery team (6)", "Ian McAllister (lead)", "6.0 (per SOW)", "2026-01-19 to 2026-09-18"],
    ], widths=[4.6, 4.0, 2.8, 5.2])

    w.heading("9. Quality Management Plan", 1)
    w.para("Quality objectives: zero open severity-1 or severity-2 defects at go/no-go; at least 98% of UAT test "
           "cases passed; data reconciliation of at least 99.5%. Quality control consists of design reviews, sprint "
           "reviews, system integration testing, UAT, a performance test at twice peak volume and an external "
           "penetration test. Quality assurance: PMO health check before each gate.")
    w.heading("10. Communications Management Plan", 1)
    w.table(["Communication", "Audience", "Frequency", "Owner"], [
        ["Status report", "Sponsor, Steering Committee, PMO", "Every two weeks (Monday)", "Marcus Webb"],
        ["Steering Committee meeting", "Sponsor, CIO, business owners, PMO", "Monthly, first Tuesday", "Dana Lee"],
        ["Sprint review", "Project team, SMEs", "Every two weeks", "Ian McAllister"],
        ["User newsletter", "All 420 users", "Monthly from April", "Grace Kim"],
    ], widths=[4.0, 5.6, 3.8, 3.2])
    w.heading("11. Risk Management Plan", 1)
    w.para("Risks are recorded in the Apollo risk register (Excel). Probability and impact are scored 1-5; the score "
           "is probability x impact, banded Low 1-5, Medium 6-12, High 13-19 and Critical 20-25. Each risk has one "
           "owner. High and Critical risks need a mitigation, a contingency plan, a trigger and a due date, and are "
           "reviewed every two weeks; other risks are reviewed monthly.")
    w.heading("12. Procurement Management Plan", 1)
    w.para("Two contracts support the project: the fixed-price statement of work with Cobalt Digital Partners "
           "(signed 2025-12-22, with a key-personnel clause) and the CRM subscription under the group framework "
           "agreement. Partner milestone payments are released on acceptance of deliverables D1-D7.")
    w.heading("13. Stakeholder Engagement Plan", 1)
    w.para("Business owners take part in every sprint review; regional sales directors receive a monthly "
           "adoption-readiness briefing; the works councils in Germany and the Netherlands are consulted on user "
           "monitoring features before design sign-off.")

    w.heading("14. Change Management and Configuration Management", 1)
    w.para("The scope, schedule and cost baselines change only through change requests approved under this "
           "procedure. Requests are logged in the Apollo change log, assessed by the Project Manager within 5 "
           "working days and decided by: the Project Manager (no cost and no milestone impact), or the Change "
           "Control Board chaired by the Sponsor (any cost, drawn from the management reserve, or milestone impact).")
    w.para("Configuration management: CRM metadata is version-controlled in Git; releases are promoted through "
           "development, SIT, UAT and production with a release note per deployment.")

    w.heading("15. Baselines", 1)
    w.table(["Baseline", "Version", "Approved", "Content"], [
        ["Scope baseline", "1.1", "2026-04-17", "Charter boundaries, WBS and WBS dictionary; CR-003 added"],
        ["Schedule baseline", "1.0", "2026-01-30", "Milestones M1-M8 and phase dates in sections 2-3"],
        ["Cost baseline", "1.2", "2026-04-17", f"{usd(EN_BASELINE)}; CR-001 and CR-003 included"],
    ], widths=[3.4, 1.8, 2.4, 9.0])

    w.heading("16. Management Reviews and Governance", 1)
    w.table(["Review", "Timing", "Chair"], [
        ["Steering Committee", "Monthly, first Tuesday", "Dana Lee"],
        ["Gate 2 (plan baselined)", "2026-01-30", "Priya Raman"],
        ["Gate 3 (go/no-go)", "2026-08-14", "Dana Lee"],
        ["Gate 4 (closure)", "2026-09-30", "Priya Raman"],
    ], widths=[6.6, 5.0, 5.0])

    w.heading("17. Approval", 1)
    w.para("Version 1.2 of this plan, including cost baseline v1.2, is approved by:")
    w.approvals_table([
        ("Dana Lee", "Project Sponsor; Chief Commercial Officer", "/s/ Dana Lee", "2026-04-23"),
        ("Priya Raman", "Head of PMO", "/s/ Priya Raman", "2026-04-23"),
        ("Marcus Webb", "Project Manager", "/s/ Marcus Webb", "2026-04-22"),
    ])
    if variant is None:
        add_custom_properties(w.doc, {"ProjectID": p["id"]})
    w.save(out / rel)
    return Output(rel, "PMP", "en", project_fields(p), w.defects)


EN_RISK_HEADER = ["Risk ID", "Risk Description", "Category", "Date Raised", "Raised By", "Probability (1-5)",
                  "Impact (1-5)", "Risk Score (P×I)", "Risk Level", "Response Strategy", "Response Actions",
                  "Risk Owner", "Status", "Trigger", "Contingency Plan", "Due Date", "Last Reviewed",
                  "Closed Date", "Closure Reason"]
# id, description, category, raised, by, P, I, strategy, actions, owner, status, trigger, contingency, due, reviewed, closed, reason
EN_RISKS = [
    ("R-01", "Because legacy Siebel accounts contain duplicates and incomplete addresses, the final data load may fail reconciliation, which would delay go-live.",
     "Data", "2026-01-08", "Sofia Marin", 4, 5, "Reduce",
     "Three trial loads (March, May, July); de-duplication rules agreed with Sales Ops; data owners sign off cleansed extracts per country.",
     "Sofia Marin", "Closed", "Trial-load reconciliation below 99.5% or more than 2% of records rejected.",
     "Migrate accounts with activity in the last 36 months first and load the remainder in a post-go-live wave.",
     "2026-07-31", "2026-09-18", "2026-08-28", "Final load reconciled at 99.86%; no impact on go-live."),
    ("R-02", "Because the SAP order-status interface uses a middleware pattern new to the integration team, throughput may fall below 5,000 messages per hour at month-end, leaving order data in the CRM out of date.",
     "Technical", "2026-01-20", "Kenji Watanabe", 3, 5, "Reduce",
     "Load test at twice peak volume during SIT; partner performance-tuning sprint booked for sprint 5.",
     "Kenji Watanabe", "Closed", "SIT load test below 10,000 messages per hour.",
     "Switch to the 15-minute batch extract already used by the e-commerce channel until tuning is complete.",
     "2026-07-24", "2026-09-18", "2026-07-24", "Load test passed at 11,800 messages per hour."),
    ("R-03", "Because Sales Operations SMEs also support Q2 campaigns, their availability for UAT may fall below the planned 50%, delaying UAT exit.",
     "Resource", "2026-02-10", "Marcus Webb", 3, 4, "Reduce",
     "UAT window agreed with the three sales directors; two contract testers back-fill routine Sales Ops work.",
     "Rachel Grant", "Closed", "SME attendance below 40% in any UAT week.",
     "Extend UAT by one week using the schedule float before go-live.",
     "2026-07-31", "2026-09-18", "2026-07-31", "UAT exited on the baseline date."),
    ("R-04", "As field sales representatives are used to Siebel workflows, weekly active use of the new CRM may stay below 90% thirty days after go-live, which would delay the pipeline-visibility benefit.",
     "Organisational", "2026-02-16", "Grace Kim", 4, 4, "Reduce",
     "Role-based training for 420 users; floor-walkers during hypercare; weekly adoption dashboard to sales directors; pipeline reviews held only in the new CRM from 2026-09-01.",
     "Rachel Grant", "Open", "Weekly active users below 85% for two consecutive weeks.",
     "One-to-one coaching for the ten lowest-adoption teams; Sponsor mandate that forecasts are accepted only from the new CRM.",
     "2026-10-30", "2026-09-18", "", ""),
    ("R-05", "If the implementation partner moves its lead architect to another client, design knowledge may be lost, which may lead to build rework.",
     "Supplier", "2026-01-20", "Marcus Webb", 2, 4, "Transfer",
     "Key-personnel clause in the SOW: replacement only with the client's written consent and a two-week handover at the partner's cost.",
     "Marcus Webb", "Closed", "Partner notice of a change to named key personnel.",
     "Design Authority reviews all open design decisions with the replacement within five working days.",
     "2026-06-19", "2026-07-03", "2026-06-26", "Build complete; the clause is no longer relevant."),
    ("R-06", "Because consent is stored differently in the new CRM, marketing consent may be migrated incorrectly, exposing the company to GDPR non-compliance.",
     "Compliance", "2026-02-05", "Anika Patel", 2, 5, "Avoid",
     "Consent fields and audit trail added (CR-001); DPO reviews the field mapping; consent migrated only with its evidence timestamp.",
     "Anika Patel", "Closed", "Any consent record without an evidence timestamp in a trial load.",
     "Suppress all marketing e-mails from the new CRM until the DPO signs off the consent data.",
     "2026-08-26", "2026-09-04", "2026-08-28", "DPO signed off migrated consent data on 2026-08-26."),
    ("R-07", "If the cutover weekend overruns, order entry may be unavailable on Monday morning, which may lead to lost orders at the three regional sales desks.",
     "Schedule", "2026-03-02", "Kenji Watanabe", 2, 5, "Reduce",
     "Two full dress rehearsals; go/no-go checklist at Gate 3; tested rollback plan to Siebel.",
     "Kenji Watanabe", "Closed", "Cutover more than 4 hours behind the runbook at the Saturday 18:00 checkpoint.",
     "Roll back to Siebel and re-plan cutover for the next weekend.",
     "2026-08-24", "2026-08-28", "2026-08-24", "Cutover completed 6 hours ahead of the runbook."),
    ("R-08", "Because the Siebel support contract renews automatically on 2026-10-31, a slip in decommissioning may lead to an extra quarter of licence support (USD 78,000).",
     "Financial", "2026-03-16", "Helen Ortiz", 2, 3, "Reduce",
     "Archive extraction scheduled to finish by 2026-10-09; termination notice served on 2026-09-01.",
     "Thomas Brandt", "Open", "Archive extraction not complete by 2026-10-09.",
     "Negotiate a one-month support extension (quote USD 26,000) instead of a full quarter.",
     "2026-10-15", "2026-09-18", "", ""),
    ("R-09", "Because integration user accounts need broad API permissions, they could be misused, which may lead to exposure of customer data.",
     "Security", "2026-03-30", "Kenji Watanabe", 2, 4, "Reduce",
     "Least-privilege integration profiles, OAuth credential rotation every 90 days, external penetration test before go-live.",
     "Kenji Watanabe", "Closed", "Any high finding in the penetration test.",
     "Disable the affected integration user and fall back to batch extracts until fixed.",
     "2026-08-14", "2026-08-28", "2026-08-14", "Penetration test passed with no high findings."),
    ("R-10", "Because service agents log cases in a new console, case volumes during hypercare may exceed the capacity of the two-person support desk, delaying resolution.",
     "Operational", "2026-06-08", "Omar Haddad", 3, 3, "Reduce",
     "Partner provides two additional support consultants for four weeks of hypercare; daily triage call.",
     "Natalie Brooks", "Closed", "More than 40 open hypercare tickets at the daily triage.",
     "Extend partner support by two weeks under the SOW's hypercare option.",
     "2026-09-18", "2026-09-18", "2026-09-18", "Hypercare exit criteria met on 2026-09-18."),
]

EN_RR_REVS = [
    ("1.0", "2026-01-30", "Marcus Webb", "Baselined with the project management plan (risks R-01 to R-05)."),
    ("1.1", "2026-03-27", "Marcus Webb", "Monthly review: R-06 to R-08 added; R-02 rescored after design."),
    ("1.2", "2026-05-29", "Marcus Webb", "Monthly review: R-09 added; trial load 2 results recorded against R-01."),
    ("1.3", "2026-07-31", "Marcus Webb", "R-02, R-03 and R-05 closed; R-10 added for hypercare."),
    ("1.4", "2026-08-28", "Marcus Webb", "Post go-live review: R-01, R-06, R-07 and R-09 closed."),
    ("1.5", "2026-09-21", "Marcus Webb", "Hypercare exit: R-10 closed; R-04 and R-08 prepared for handover at closure."),
]


def risk_row(r: tuple, row_no: int, lang: str) -> list[Any]:
    rid, desc, cat, raised, by, prob, imp, strat, act, owner, status, trig, cont, due, rev, closed, reason = r
    return [rid, desc, cat, raised, by, prob, imp, f"=F{row_no}*G{row_no}", risk_level(prob * imp, lang), strat, act,
            owner, status, trig, cont, due, rev, closed, reason]


def dress_risks(ws, count: int, statuses: list[str], levels: list[str], strategies: list[str]) -> None:
    """Level colours, centred scores and drop-down lists on the risks of a register sheet."""
    last = 4 + count
    for i in range(5, last + 1):
        lvl = ws.cell(i, 9)
        lvl.fill = PatternFill("solid", fgColor=LEVEL_FILL[lvl.value])
        for c in (6, 7, 8):
            ws.cell(i, c).alignment = Alignment(horizontal="center", vertical="top")
    add_list_validation(ws, 13, 5, last + 20, statuses)
    add_list_validation(ws, 9, 5, last + 20, levels)
    add_list_validation(ws, 10, 5, last + 20, strategies)
    add_scale_validation(ws, 6, 5, last + 20)
    add_scale_validation(ws, 7, 5, last + 20)


RISK_WIDTHS = [8, 48, 13, 12, 15, 11, 10, 11, 10, 12, 44, 15, 11, 30, 36, 12, 12, 12, 30]


def en_risk_register(out: Path, rel: str) -> Output:
    p = EN
    wb = xl_workbook("en", "Risk Register", p,
                     control_fields(p, "en", "Risk Register", "1.5", "Final", as_date("2026-09-21"), "Marcus Webb",
                                    "Marcus Webb"),
                     register_signoff("en", "2026-09-21"), EN_RR_REVS)
    ws = wb.create_sheet("Risks")
    rows = [risk_row(r, i, "en") for i, r in enumerate(EN_RISKS, 5)]
    xl_register(ws, p, "en", "Risk Register",
                "Scoring: probability and impact 1-5; score = P × I; levels Low 1-5, Medium 6-12, High 13-19, Critical 20-25. Register reviewed 2026-09-21.",
                EN_RISK_HEADER, rows, RISK_WIDTHS, date_cols={4, 16, 17, 18})
    dress_risks(ws, len(rows), ["Open", "Monitoring", "Occurred", "Closed"], ["Low", "Medium", "High", "Critical"],
                ["Avoid", "Reduce", "Transfer", "Accept", "Share", "Escalate"])
    xl_legend(wb.create_sheet("Legend"), "en")
    wb.custom_doc_props.append(StringProperty(name="ProjectID", value=p["id"]))
    xl_save(wb, out / rel, p, "Risk Register - Apollo CRM Migration", "Marcus Webb", "2026-09-21")
    return Output(rel, "RISK_REGISTER", "en", project_fields(p, IDENTITY))


EN_CHANGE_HEADER = ["ID", "Category", "Description", "Requestor", "Submission Date", "Status", "Disposition",
                    "Decision Date", "Approver", "Cost Impact (USD)", "Schedule Impact (working days)",
                    "Baseline Version Updated", "Notes"]
EN_CHANGES = [
    ["CR-001", "Scope", "Add GDPR marketing-consent fields and a consent audit trail to the Contact object.", "Anika Patel",
     "2026-02-12", "Closed", "Approved", "2026-02-24", "Dana Lee", 8_000, 0, "Cost baseline v1.1",
     "Mandatory (regulatory). Funded from the management reserve."],
    ["CR-002", "Scope", "Add an offline mobile app for field sales representatives.", "Rachel Grant",
     "2026-03-09", "Closed", "Rejected", "2026-03-19", "Dana Lee", 95_000, 30, "None",
     "Outside charter boundaries; added to the Phase 2 backlog. Impact shown is the assessed impact."],
    ["CR-003", "Scope", "Migrate the service knowledge base (2,400 articles) into Service Cloud Knowledge.", "Omar Haddad",
     "2026-04-06", "Closed", "Approved", "2026-04-17", "Dana Lee", 24_000, 0, "Scope baseline v1.1; cost baseline v1.2",
     "Absorbed within build-phase float. Funded from the management reserve."],
    ["CR-004", "Schedule", "Start UAT one week later to avoid the Q2 sales close; UAT exit date unchanged.", "Rachel Grant",
     "2026-05-18", "Closed", "Approved", "2026-05-22", "Marcus Webb", 0, 0, "None (detailed schedule only)",
     "Within Project Manager authority: no cost, no milestone change."],
    ["CR-005", "Technical", "Replace the nightly price-list batch with a real-time pricing API from SAP S/4HANA.", "Kenji Watanabe",
     "2026-06-15", "Open", "Deferred", "2026-06-26", "Dana Lee", 36_000, 15, "None",
     "Deferred to CRM release R2 (Q1 2027); handed to IT operations at closure."],
    ["CR-006", "Scope", "Add three executive pipeline dashboards for the regional sales directors.", "Paul Lindqvist",
     "2026-07-06", "Closed", "Approved", "2026-07-10", "Marcus Webb", 0, 0, "None (within SOW report allowance)",
     "Delivered in sprint 7 within the partner's report allowance."],
    ["CR-007", "Scope", "Archive Siebel attachments older than seven years instead of migrating them.", "Sofia Marin",
     "2026-07-20", "Closed", "Withdrawn", "2026-07-27", "Marcus Webb", 0, 0, "None",
     "Withdrawn by the requestor after Legal confirmed a ten-year retention requirement."],
]
EN_CL_REVS = [
    ("1.0", "2026-01-30", "Marcus Webb", "Change log opened at Gate 2."),
    ("1.1", "2026-04-24", "Marcus Webb", "CR-001 to CR-003 recorded with decisions."),
    ("1.2", "2026-07-31", "Marcus Webb", "CR-004 to CR-007 recorded with decisions."),
    ("1.3", "2026-09-21", "Marcus Webb", "Closure review: CR-005 confirmed as deferred and marked for handover."),
]


def en_change_log(out: Path, rel: str) -> Output:
    p = EN
    wb = xl_workbook("en", "Change Log", p,
                     control_fields(p, "en", "Change Log", "1.3", "Final", as_date("2026-09-21"), "Marcus Webb",
                                    "Marcus Webb"),
                     register_signoff("en", "2026-09-21"), EN_CL_REVS)
    ws = wb.create_sheet("Change Log")
    approved = sum(r[9] for r in EN_CHANGES if r[6] == "Approved")
    xl_register(ws, p, "en", "Change Log",
                f"Decision authority: Project Manager for no cost and no milestone impact; otherwise the Change Control Board "
                f"(chair: Dana Lee). Approved cost impact to date: USD {approved:,.0f}.",
                EN_CHANGE_HEADER, EN_CHANGES, [9, 11, 50, 15, 12, 10, 12, 12, 14, 12, 13, 24, 44],
                date_cols={5, 8})
    last = 4 + len(EN_CHANGES)
    for i in range(5, last + 1):
        ws.cell(i, 10).number_format = "#,##0"
    add_list_validation(ws, 6, 5, last + 20, ["Open", "Pending", "Closed"])
    add_list_validation(ws, 7, 5, last + 20, ["Pending", "Approved", "Rejected", "Deferred", "Withdrawn"])
    add_list_validation(ws, 2, 5, last + 20, ["Scope", "Schedule", "Cost", "Quality", "Technical"])
    xl_save(wb, out / rel, p, "Change Log - Apollo CRM Migration", "Marcus Webb", "2026-09-21")
    return Output(rel, "CHANGE_LOG", "en", project_fields(p, IDENTITY))


def en_status_report(out: Path, rel: str, variant: str | None = None) -> Output:
    p = EN
    w = WordDoc("en")
    w.properties(title="Project Status Report No. 19 - Apollo CRM Migration", author="Marcus Webb",
                 subject=f"{p['name']} ({p['id']})", when="2026-09-21", keywords="status report; highlight report",
                 category="Status Report")
    w.header_footer(f"{p['name']}  |  {p['id']}  |  Status Report No. 19", f"{p['company']} - Internal")
    w.title("Project Status Report", f"{p['name']} - Report No. 19", p["company"])
    doc_control(w, p, "Project Status Report No. 19", "1.0", "Final", "2026-09-21", "Marcus Webb", "Marcus Webb",
                extra=[("Report Date", "2026-09-21"), ("Reporting Period", "2026-09-07 to 2026-09-18")])
    revision_history(w, [
        ("0.1", "2026-09-21", "Marcus Webb", "Draft for PMO review."),
        ("1.0", "2026-09-21", "Marcus Webb", "PMO comments on the budget table addressed; issued to the Steering Committee."),
    ])

    w.heading("1. Overall Status", 1)
    w.para("Amber", label="Overall status: ")
    w.para("The project is in its closure phase. Hypercare ended on 2026-09-18 with all exit criteria met, "
           "and 7 of 8 milestones are complete. Status is Amber because weekly active use of the new CRM is 86% "
           "against a 90% target (risk R-04) and 14 low-priority defects remain open against a closure target of 10.")
    w.table(["Dimension", "RAG", "Comment, corrective action and owner"], [
        ["Schedule", "Green", "Milestones M1-M7 achieved; M8 (closure) forecast for the baseline date 2026-09-30."],
        ["Cost", "Green", f"EAC {usd(1_153_000)} against BAC {usd(EN_BASELINE)} (-1.6%), within the +/-5% tolerance."],
        ["Scope", "Green", "All deliverables D1-D6 accepted; D7 (operations handover pack) due for acceptance on 2026-09-25."],
        ["Quality", "Amber", "14 open priority-3 defects (target 10 at closure). Action: partner fixes 8 in release 1.0.3 on 2026-09-24; owner Ian McAllister."],
        ["Risk", "Amber", "R-04 (adoption, High) remains open. Action: one-to-one coaching for the 10 lowest-adoption teams; owner Rachel Grant."],
        ["Benefits", "Amber", "Adoption 86% against the 90% target at day 28 after go-live. Action: pipeline reviews held only in the new CRM from 2026-09-01; owner Dana Lee."],
    ], widths=[2.6, 1.8, 12.2])

    w.heading("2. Status Summary", 1)
    w.para("Cutover took place on 2026-08-24 as planned and hypercare closed on 2026-09-18 with no priority-1 or "
           "priority-2 incidents in the final 15 working days. Average case first-response time over the last two "
           "weeks was 3.6 hours against the 4.0-hour objective. The Siebel archive was completed on 2026-09-16.")

    w.heading("3. Work Completed This Period (2026-09-07 to 2026-09-18)", 1)
    w.bullets([
        "Hypercare exit review held on 2026-09-18; 212 of 226 hypercare tickets closed (93.8%).",
        "Siebel read-only archive completed and accepted by Thomas Brandt on 2026-09-16 (deliverable D6).",
        "Release 1.0.2 deployed on 2026-09-10 with 11 defect fixes; no regression found in 64 regression tests.",
        "Adoption coaching delivered to 6 of 10 lowest-adoption teams (41 users).",
    ])
    w.heading("4. Planned for Next Period (2026-09-21 to 2026-10-02)", 1)
    w.bullets([
        "Acceptance of the operations handover pack (D7) by Natalie Brooks on 2026-09-25.",
        "Release 1.0.3 with 8 defect fixes on 2026-09-24.",
        "Closure report issued for signature on 2026-09-28; Gate 4 on 2026-09-30.",
        "Coaching for the remaining 4 lowest-adoption teams (29 users) by 2026-10-02.",
    ])

    w.heading("5. Milestones", 1)
    ms = []
    for mid, name, base, actual in EN_MILESTONES:
        ms.append([mid, name, base, actual or base, actual or "", "Complete" if actual else "Scheduled"])
    w.table(["ID", "Milestone", "Baseline", "Forecast", "Actual", "Status"], ms, widths=[1.1, 6.5, 2.3, 2.3, 2.3, 2.1])

    w.heading("6. Budget", 1)
    w.para(f"Total authorised budget: {usd(p['budget'])}, of which cost baseline v1.2 (BAC) {usd(EN_BASELINE)} and "
           f"remaining management reserve {usd(p['budget'] - EN_BASELINE)}.")
    ac, eac = 1_128_600, 1_153_000
    w.table(["Measure", "Amount (USD)"], [
        ["Budget at completion (BAC, cost baseline v1.2)", f"{EN_BASELINE:,.0f}"],
        ["Actual cost to date (AC, as at 2026-09-18)", f"{ac:,.0f}"],
        ["Estimate to complete (ETC)", f"{eac - ac:,.0f}"],
        ["Estimate at completion (EAC = AC + ETC)", f"{eac:,.0f}"],
        ["Variance at completion (VAC = BAC - EAC)", f"{EN_BASELINE - eac:,.0f}"],
    ], widths=[11.6, 5.0])

    w.heading("7. Tolerance Status", 1)
    w.table(["Tolerance", "Limit", "Current forecast", "Status"], [
        ["Cost", "+/-5% of BAC", f"-{(EN_BASELINE - eac) / EN_BASELINE:.1%} (under)", "Within tolerance"],
        ["Schedule", "+/-10 working days on any milestone", "0 days on M8", "Within tolerance"],
        ["Scope", "No change outside approved CRs", "No unapproved change", "Within tolerance"],
    ], widths=[2.6, 5.2, 4.8, 4.0])

    w.heading("8. Key Risks and Issues", 1)
    w.para("Open risks from risk register v1.5 (2026-09-21) and open issues from the issue log:")
    w.table(["ID", "Title", "Level / priority", "Status", "Action and owner"], [
        ["R-04", "Adoption of the new CRM below 90% weekly active users", "High (16)", "Open",
         "Coaching for lowest-adoption teams; handover to Sales Ops at closure. Rachel Grant, due 2026-10-30."],
        ["R-08", "Siebel decommissioning slips past 2026-10-31", "Medium (6)", "Open",
         "Archive complete; licence termination confirmed. Thomas Brandt, due 2026-10-15."],
        ["ISS-023", "14 open priority-3 defects after hypercare", "Priority 3", "Open",
         "Release 1.0.3 on 2026-09-24; remainder handed to the CRM support team. Natalie Brooks."],
    ], widths=[1.6, 4.6, 2.4, 1.6, 6.4])

    w.heading("9. Change Requests", 1)
    w.para("No new change requests this period. Status of all change requests (change log v1.3):")
    w.table(["ID", "Title", "Status", "Disposition", "Decision date"],
            [[c[0], c[2], c[5], c[6], c[7]] for c in EN_CHANGES], widths=[1.6, 8.8, 1.8, 2.2, 2.2])

    w.heading("10. Decisions Required", 1)
    w.para("Steering Committee to confirm at Gate 4 on 2026-09-30 that R-04 and CR-005 transfer to line owners "
           "(Rachel Grant and Kenji Watanabe) as follow-on actions.")

    w.heading("Approvals", 1)
    w.approvals_table([
        ("Marcus Webb", "Project Manager", "/s/ Marcus Webb", "2026-09-21"),
        ("Priya Raman", "Head of PMO (review)", "/s/ Priya Raman", "2026-09-21"),
    ])
    w.heading("Distribution", 1)
    w.table(["Name", "Title", "Date of Issue"], [
        ["Dana Lee", "Project Sponsor", "2026-09-21"],
        ["Thomas Brandt", "Chief Information Officer", "2026-09-21"],
        ["Rachel Grant", "Sales Operations Lead", "2026-09-21"],
        ["Omar Haddad", "Customer Service Director", "2026-09-21"],
    ], widths=[4.4, 8.4, 3.8])
    w.save(out / rel)
    return Output(rel, "STATUS_REPORT", "en", project_fields(p, IDENTITY + ("budget",)), w.defects)


def en_closure_report(out: Path, rel: str) -> Output:
    p = EN
    w = WordDoc("en")
    w.properties(title="Project Closure Report - Apollo CRM Migration", author="Marcus Webb",
                 subject=f"{p['name']} ({p['id']})", when="2026-09-28", keywords="closure; end project report",
                 category="Closure Report")
    w.header_footer(f"{p['name']}  |  {p['id']}  |  Project Closure Report", f"{p['company']} - Internal")
    w.title("Project Closure Report", p["name"], p["company"])
    doc_control(w, p, "Project Closure Report", "1.0", "Final", "2026-09-28", "Marcus Webb", "Dana Lee")
    revision_history(w, [
        ("0.1", "2026-09-22", "Marcus Webb", "First draft after the hypercare exit review."),
        ("0.2", "2026-09-25", "Marcus Webb", "Final cost actuals from Finance (Helen Ortiz); D7 acceptance added."),
        ("1.0", "2026-09-28", "Marcus Webb", "PMO quality review passed; issued for sign-off at Gate 4."),
    ])

    w.heading("1. Project Overview", 1)
    w.para(f"Project Apollo ({p['id']}) replaced the Siebel 8.1 CRM with Salesforce Sales Cloud and Service Cloud for "
           f"420 users in the UK, Germany and the Netherlands. It was authorised by the charter of {p['start']} with a "
           f"budget of {usd(p['budget'])} and a window from {p['start']} to {p['end']}. Go-live took place on "
           "2026-08-24 as planned, hypercare ended on 2026-09-18 and all closure activities were complete on 2026-09-25.")
    w.para("Project Manager's summary: the project delivered all five objectives and all seven deliverables within "
           "budget and schedule. One benefit measure, user adoption, is below target at closure and is handed over "
           "with an owner and date (section 9).")

    w.heading("2. Review of Project Objectives", 1)
    w.table(["ID", "Target (success criterion)", "Achieved", "Status", "Evidence"], [
        ["O1", EN_OBJECTIVES[0][2], "420 users live on 2026-08-24; Siebel read-only since 2026-08-24", "Met", "Go-live report 2026-08-25"],
        ["O2", EN_OBJECTIVES[1][2], "99.86% reconciled (183,742 accounts; 1,196,410 contacts)", "Met", "Reconciliation report v2.0, signed 2026-08-26"],
        ["O3", EN_OBJECTIVES[2][2], "Archive complete 2026-09-16; termination notice served 2026-09-01", "Met", "D6 acceptance; vendor confirmation letter"],
        ["O4", EN_OBJECTIVES[3][2], "3.6 hours average, 2026-09-07 to 2026-09-18", "Met", "Service dashboard extract 2026-09-18"],
        ["O5", EN_OBJECTIVES[4][2], f"{usd(sum(EN_ACTUAL))} spent; closure activities complete 2026-09-25", "Met", "Finance cost report 2026-09-25"],
    ], widths=[1.0, 5.2, 4.8, 1.4, 4.2], font_size=9)

    w.heading("3. Review of the Business Case", 1)
    w.para("Business case BC-2025-117 v1.2 expected a net run-cost saving of USD 310,000 a year from 2027 and "
           "faster sales pipeline visibility. Status of the expected benefits at closure:")
    w.table(["Benefit", "Expected", "Achieved at closure", "Residual / next review"], [
        ["Run-cost saving (Siebel licences, hosting, support)", "USD 310,000 a year from 2027", "Termination effective 2026-10-31; saving starts Q4 2026",
         "Finance to confirm the first-year saving on 2027-03-31 (Helen Ortiz)"],
        ["Weekly active use of the new CRM", "90% at day 30", "86% at day 28", "Follow-on action FA-01; review 2026-10-30 (Rachel Grant)"],
        ["Service first-response time", "4.0 hours or less", "3.6 hours", "Quarterly review by Omar Haddad, next 2026-12-15"],
    ], widths=[4.4, 3.4, 4.2, 4.6], font_size=9)
    w.para("The business case remains valid: the deviation on adoption affects timing, not the size, of the benefit. "
           "The post-project benefits review is scheduled for 2027-03-31, owned by the Sponsor.")

    w.heading("4. Deliverables and Acceptance", 1)
    w.table(["ID", "Deliverable", "Accepted by", "Acceptance date"],
            [[d[0], d[1], d[2], d[3]] for d in EN_DELIVERABLES], widths=[1.0, 10.0, 3.2, 2.4])
    w.para("No deliverable was accepted with an off-specification or concession.")

    w.heading("5. Schedule Performance", 1)
    w.para(f"Planned start {p['start']}, actual start {p['start']}; planned finish {p['end']}, actual finish "
           "2026-09-25 (3 calendar days early). Build finished 5 working days late (2026-06-26 against 2026-06-19) "
           "because trial load 2 was repeated; the slip was recovered in test and every later milestone was met.")
    rows = []
    for name, bs, bf, as_, af in EN_PHASES:
        var = (date.fromisoformat(af) - date.fromisoformat(bf)).days
        rows.append([name, bs, bf, as_, af, f"{var:+d}" if var else "0"])
    w.table(["Phase", "Planned start", "Planned finish", "Actual start", "Actual finish", "Finish variance (days)"],
            rows, widths=[4.2, 2.4, 2.4, 2.4, 2.4, 2.8], font_size=9)

    w.heading("6. Cost Performance", 1)
    total_actual = sum(EN_ACTUAL)
    w.para(f"Authorised budget {usd(p['budget'])}; cost baseline v1.2 {usd(EN_BASELINE)} (including approved CR-001 and "
           f"CR-003); actual cost {usd(total_actual)}; variance against the baseline {usd(total_actual - EN_BASELINE)} "
           f"({(total_actual - EN_BASELINE) / EN_BASELINE:+.1%}). The unused management reserve of "
           f"{usd(p['budget'] - EN_BASELINE)} is returned to the FY2026 IT capital plan.")
    rows = []
    for (name, base), actual in zip(en_cost_after_changes(), EN_ACTUAL):
        rows.append([name, f"{base:,.0f}", f"{actual:,.0f}", f"{actual - base:+,.0f}", f"{(actual - base) / base:+.1%}"])
    rows.append(["Total", f"{EN_BASELINE:,.0f}", f"{total_actual:,.0f}", f"{total_actual - EN_BASELINE:+,.0f}",
                 f"{(total_actual - EN_BASELINE) / EN_BASELINE:+.1%}"])
    w.table(["Cost category", "Baseline (USD)", "Actual (USD)", "Variance (USD)", "Variance (%)"], rows,
            widths=[7.0, 2.5, 2.5, 2.4, 2.2], bold_last_row=True, font_size=9)
    w.para("Reasons for variances above the 5% category threshold: training and change management was 8.0% over "
           "because floor-walker support was extended by one week for the German sales company; integration "
           "middleware was 19.4% under because the existing integration platform licence tier proved sufficient.")

    w.heading("7. Quality", 1)
    w.para("All acceptance criteria in the quality plan were met: no open severity-1 or severity-2 defects at "
           "go/no-go, 98.7% of 612 UAT test cases passed (target 98%), reconciliation 99.86% (target 99.5%), "
           "and the penetration test found no high findings. 187 defects were raised from SIT to hypercare; 181 are "
           "closed after release 1.0.3 (2026-09-24) and 6 priority-3 defects remain (see FA-03).")

    w.heading("8. Summary of Changes, Risks and Issues", 1)
    w.para("Changes: 7 change requests were raised (change log v1.3): 4 approved (CR-001, CR-003, CR-004, CR-006), "
           "1 rejected (CR-002), 1 deferred (CR-005) and 1 withdrawn (CR-007). Approved cost impact USD 32,000, "
           "no approved change to the project end date.")
    w.para("Risks: 10 risks were recorded (risk register v1.5); 8 are closed, and R-04 and R-08 remain open and "
           "are handed over as FA-01 and FA-02. No risk occurred in a way that moved a milestone.")
    w.para("Issues: 23 issues were logged; 22 are closed and ISS-023 (open priority-3 defects) is handed over.")

    w.heading("9. Follow-on Action Recommendations", 1)
    w.table(["ID", "Action", "Source", "Owner", "Target date"], [
        ["FA-01", "Raise weekly active use to 90% through coaching and the forecasting mandate", "R-04", "Rachel Grant", "2026-10-30"],
        ["FA-02", "Confirm Siebel licence termination and server shutdown", "R-08", "Thomas Brandt", "2026-10-15"],
        ["FA-03", "Fix the remaining 6 priority-3 defects in the CRM support backlog", "ISS-023", "Natalie Brooks", "2026-10-16"],
        ["FA-04", "Plan the real-time pricing API in CRM release R2", "CR-005", "Kenji Watanabe", "2027-03-31"],
        ["FA-05", "Post-project benefits review", "Business case", "Dana Lee", "2027-03-31"],
    ], widths=[1.4, 7.6, 2.0, 3.0, 2.6], font_size=9)

    w.heading("10. Review of Team Performance", 1)
    w.para("The joint team of 14 internal staff and 6 partner consultants delivered 6 sprints with an average "
           "velocity of 41 story points against 40 planned. Staff turnover was nil. The data migration team "
           "(Sofia Marin) and the training team (Grace Kim) were recognised by the Sponsor at the Gate 4 review.")

    w.heading("11. Lessons Learned", 1)
    w.bullets([
        "Start data cleansing before design: two of three trial loads were spent fixing source data, not tooling.",
        "Agree SME availability with line managers in writing; the signed UAT window protected the UAT exit date.",
        "Measure adoption weekly from go-live day; the adoption dashboard arrived 10 days late and delayed coaching.",
        "Dress rehearsals paid off: cutover finished 6 hours ahead of the runbook.",
    ])
    w.para("All lessons are recorded in the PMO lessons register under project PRJ-2026-042.")

    w.heading("12. Handover to Operations", 1)
    w.para("The CRM support team accepted the operations handover pack (D7) on 2026-09-25: runbooks, support model, "
           "known-error log and access to the partner's 90-day warranty. Accepted by Natalie Brooks, CRM Support Lead, "
           "and confirmed by Thomas Brandt, Chief Information Officer, on 2026-09-25.")
    w.para("Administrative closure: partner SOW closed on 2026-09-25 after final acceptance; project staff released "
           "to line roles on 2026-09-25; project records archived in the PMO SharePoint library under PRJ-2026-042.")

    w.heading("13. Conclusion", 1)
    w.para("Project Apollo met all five objectives, delivered and handed over all seven deliverables, and finished "
           f"{usd(EN_BASELINE - total_actual)} under the cost baseline and 3 days early. The Project Manager recommends "
           "that the Sponsor approve closure at Gate 4, with the five follow-on actions in section 9 transferred to "
           "their named owners.")

    w.heading("14. Sign-off", 1)
    w.approvals_table([
        ("Dana Lee", "Project Sponsor; Chief Commercial Officer", "/s/ Dana Lee", "2026-09-30"),
        ("Rachel Grant", "Business owner (Sales); Sales Operations Lead", "/s/ Rachel Grant", "2026-09-29"),
        ("Omar Haddad", "Business owner (Service); Customer Service Director", "/s/ Omar Haddad", "2026-09-29"),
        ("Thomas Brandt", "Chief Information Officer; receiving operations", "/s/ Thomas Brandt", "2026-09-29"),
        ("Priya Raman", "Head of PMO", "/s/ Priya Raman", "2026-09-29"),
        ("Marcus Webb", "Project Manager", "/s/ Marcus Webb", "2026-09-28"),
    ])
    w.save(out / rel)
    return Output(rel, "CLOSURE_REPORT", "en", project_fields(p), w.defects)


# --------------------------------------------------------------------------------------------
# ZH: 智慧仓储管理系统建设项目
# --------------------------------------------------------------------------------------------

ZH_STAKEHOLDERS = [
    ("王建国", "公司领导", "项目发起人（副总经理，分管供应链）", "内部"),
    ("李明轩", "信息中心", "项目经理", "内部"),
    ("陈静", "项目管理办公室（PMO）", "PMO主任，项目监督与阶段评审", "内部"),
    ("周海涛", "信息中心", "信息中心主任，技术负责人及运维接收方", "内部"),
    ("赵志刚", "仓储物流部", "部门经理，业务负责人", "内部"),
    ("高磊", "仓储物流部", "成品库主管，关键用户代表", "内部"),
    ("孙丽华", "财务部", "成本会计主管，预算与成本核算", "内部"),
    ("郑晓雯", "信息中心", "业务分析师，需求管理", "内部"),
    ("钱志强", "信息中心", "网络与硬件工程师", "内部"),
    ("冯丽", "信息中心", "测试负责人", "内部"),
    ("吴俊峰", "上海智仓信息技术有限公司", "供应商项目经理", "外部"),
]
ZH_OBJECTIVES = [
    ("1", "库存准确", "上线后连续两次循环盘点的库存准确率≥99.5%（现状95.2%）", "2026-10-16"),
    ("2", "拣货效率", "成品库人均拣货效率由每小时45行提高至每小时60行及以上（试运行最后两周平均值）", "2026-10-16"),
    ("3", "收货时效", "原材料从到货到上架完成的平均时长由8小时缩短至4小时以内", "2026-10-16"),
    ("4", "系统集成", "与ERP的入库、出库、库存接口数据同步延迟≤5分钟，接口调用成功率≥99.9%", "2026-09-07"),
    ("5", "成本与进度", "项目总支出不超过350万元，2026年10月31日前完成终验和结项", "2026-10-31"),
]
ZH_DELIVERABLES = [  # 编号, 成果, 验收人, 验收日期
    ("D1", "需求规格说明书", "赵志刚", "2026-03-31"),
    ("D2", "系统设计说明书（含接口设计）", "周海涛", "2026-04-30"),
    ("D3", "WMS系统（管理端、PDA端）", "赵志刚", "2026-08-25"),
    ("D4", "ERP及TMS接口", "周海涛", "2026-08-25"),
    ("D5", "硬件设备（PDA、条码打印机、无线AP）及安装", "钱志强", "2026-06-12"),
    ("D6", "初始化数据及上线前盘点报告", "赵志刚", "2026-09-04"),
    ("D7", "培训教材、用户操作手册及培训记录", "高磊", "2026-09-04"),
    ("D8", "运维手册及系统移交清单", "周海涛", "2026-10-23"),
]


def zh_charter(out: Path, rel: str, variant: str | None = None) -> Output:
    p = ZH
    w = WordDoc("zh", heading_mode="bold")
    w.properties(title="项目章程-智慧仓储管理系统建设项目", author="李明轩", subject=f"{p['name']}（{p['id']}）",
                 when="2026-01-28", keywords="项目章程；WMS；仓储", category="项目章程")
    w.header_footer(f"{p['name']}    项目编号：{p['id']}", f"{p['company']}  内部资料")
    w.title("项目章程", p["name"], p["company"])
    doc_control(w, p, "项目章程", "V1.0", "已批准", "2026-01-28", "李明轩", "王建国")
    if variant == "no_revisions":
        w.defect("COM-04", None, "没有修订记录表：文档控制信息表（表0）之后直接进入正文，缺少版本号/修订日期/修订人/修订内容表。")
    else:
        revision_history(w, [
            ("V0.1", "2025-12-22", "李明轩", "依据已提交的立项申请书编制初稿。"),
            ("V0.2", "2026-01-12", "李明轩", "根据PMO评估意见补充预算明细、退出标准和干系人名单。"),
            ("V0.3", "2026-01-22", "李明轩", "根据1月20日项目评审委员会意见调整里程碑和管理储备。"),
            ("V1.0", "2026-01-28", "李明轩", "经项目发起人、PMO主任及信息中心主任批准，正式发布。"),
        ])

    w.heading("一、项目背景与目的", 1)
    w.para("公司现有原材料库（约6,800平方米）和成品库（约9,200平方米）仍以纸质单据和Excel台账管理。2025年年度盘点账实"
           "差异率为4.8%，拣货依赖人工找货，人均每小时拣货45行，旺季发货延误率达3.2%，已无法满足主要客户对交付时效和"
           "批次追溯的要求。")
    w.para("根据公司数字化转型规划及2026年度重点工作安排，信息中心于2025年12月提交《智慧仓储管理系统建设项目立项申请书》，"
           "经PMO评估后，于2026年1月20日由公司项目评审委员会评审通过（评审意见编号：PSWYH-2026-003），同意立项。"
           "本章程据此正式批准项目启动，并授权项目经理在批准的范围、进度和预算内调配项目资源。")

    w.heading("二、项目目标与成功标准", 1)
    w.heading("（一）总目标", 2)
    w.para("在2026年10月31日前，建成覆盖原材料库和成品库的仓储管理系统（WMS），实现收货、上架、拣货、发货、盘点全过程"
           "条码化作业，并与ERP系统实时集成，项目总投资控制在350万元以内。")
    w.heading("（二）分目标与成功标准", 2)
    w.table(["序号", "目标", "成功标准（可测量）", "完成时间"], [list(o) for o in ZH_OBJECTIVES], widths=[1.2, 2.4, 10.2, 2.8])

    w.heading("三、总体要求", 1)
    w.bullets([
        "收货、上架、移库、拣货、复核、发货、盘点全部通过PDA扫码作业，纸质单据仅作为应急备份。",
        "库位精确到货架层级，支持按批次、效期执行先进先出策略。",
        "与ERP（SAP ECC 6.0）实时交换采购入库、销售出库和库存数据，同步延迟不超过5分钟。",
        "提供库存、作业效率和库龄等12张管理报表，支持按日自动推送。",
        "系统可用性≥99.5%（每月计划停机除外），核心操作响应时间≤2秒。",
        "符合公司信息安全管理制度，账号按岗位授权，关键操作留痕保存3年。",
    ])

    w.heading("四、项目范围概述与主要可交付成果", 1)
    w.heading("（一）项目描述", 2)
    w.para("项目由信息中心牵头、仓储物流部配合实施，外部实施供应商为上海智仓信息技术有限公司。项目分为启动、需求调研与分析、"
           "系统设计、开发配置与硬件部署、测试、上线切换、试运行、验收与收尾八个阶段。")
    w.heading("（二）项目边界", 2)
    w.para("范围内：原材料库和成品库的WMS系统建设；PDA、条码打印机、无线网络等配套硬件；与ERP系统的接口；初始化数据"
           "及上线前盘点；用户培训和运维移交。")
    w.para("范围外：半成品线边库、AGV自动搬运设备、电子标签拣选系统、ERP系统本身的改造，以及异地分仓（常州仓）的推广。")
    w.heading("（三）主要可交付成果", 2)
    w.table(["编号", "可交付成果", "验收责任人"], [[d[0], d[1], d[2]] for d in ZH_DELIVERABLES], widths=[1.6, 11.0, 4.0])

    w.heading("五、主要风险", 1)
    w.para("项目整体风险评估为“中高”，主要风险如下，详细内容将在项目管理计划批准时登记到风险登记册：")
    w.bullets([
        "现有库存台账与实物差异较大，可能导致系统初始化数据不准确，上线后账实不符。",
        "ERP接口由集团信息部统一管控，联调排期可能冲突，影响上线时间。",
        "仓库一线操作员对PDA作业接受度不高，可能导致上线初期作业效率下降。",
        "春节假期前后人员返乡，需求调研有效工作日减少。",
    ])

    w.heading("六、总体里程碑进度计划", 1)
    w.para(cn_date(p["start"]), label="项目开始时间：")
    w.para(cn_date(p["end"]), label="项目结束时间：")
    w.table(["编号", "里程碑", "计划完成时间"], [[m[0], m[1], m[2]] for m in ZH_MILESTONES], widths=[1.6, 11.0, 4.0])

    w.heading("七、项目总体预算", 1)
    w.para("350万元（人民币叁佰伍拾万元整），其中成本基准332万元，管理储备18万元。", label="项目总预算：")
    w.para("资金来源为公司2026年度信息化专项预算。管理储备由项目发起人掌握，动用须经变更控制程序批准。")
    rows = [[str(i), n, wan(a), note] for i, (n, a, note) in enumerate(ZH_COST, 1)]
    rows.append([str(len(ZH_COST) + 1), "管理储备", wan(ZH_RESERVE), "由项目发起人掌握"])
    rows.append(["", "合计", wan(ZH_BASELINE_0 + ZH_RESERVE), ""])
    w.table(["序号", "费用类别", "金额（万元）", "说明"], rows, widths=[1.2, 4.4, 2.8, 8.2], bold_last_row=True)

    w.heading("八、主要项目干系人", 1)
    w.table(["姓名", "部门/单位", "项目角色", "类别"], [list(s) for s in ZH_STAKEHOLDERS], widths=[2.0, 4.6, 8.2, 1.8])

    w.heading("九、假设条件与制约因素", 1)
    w.bullets([
        "仓储物流部在需求调研和用户验收测试期间，每周至少安排2名关键用户各投入3个工作日。",
        "集团信息部在2026年6月22日至7月10日提供ERP接口联调窗口。",
        "系统切换须避开月末结账及“双十一”备货高峰，上线日期不得晚于2026年9月30日。",
        "项目总投资不得超过评审委员会批准的350万元。",
    ])

    w.heading("十、项目审批要求", 1)
    w.para("项目是否成功由项目发起人王建国依据本章程第二部分的成功标准判定；项目终验由仓储物流部经理赵志刚和信息中心主任"
           "周海涛签署验收意见；项目总结报告由项目发起人、PMO主任、业务负责人和项目经理共同签字后结项。")

    w.heading("十一、项目退出标准", 1)
    w.para("正常关闭条件：全部分目标完成评估、所有可交付成果通过验收、运维移交完成、遗留问题均已明确责任人和完成时间，"
           "项目总结报告签字确认。")
    w.para("提前终止条件：预计总投资超过385万元（超出预算10%），或系统无法在2026年9月30日前上线，由项目发起人提请项目"
           "评审委员会决定是否终止。")

    w.heading("十二、项目经理及其职责和职权", 1)
    w.para("任命信息中心高级项目经理李明轩为本项目项目经理，自2026年2月1日起全职负责本项目，对项目范围、进度、成本和"
           "质量目标的实现负责，每周向PMO提交项目周报，每月向项目发起人汇报。职权如下：")
    w.bullets([
        "在批准的成本基准内审批单笔不超过5万元的采购和费用支出。",
        "审批无成本影响且不影响里程碑的变更，其他变更提交变更控制委员会。",
        "在项目组内调配人员和工作任务，对项目成员的项目绩效提出考核意见。",
        "在成本偏差超过±5%或里程碑延误超过10个工作日时，须在2个工作日内向项目发起人报告。",
    ])

    w.heading("十三、项目发起人及其职权", 1)
    w.para("项目发起人为公司副总经理王建国（分管供应链），担任变更控制委员会主任，负责提供资金和高层支持，审批动用管理"
           "储备（18万元以内）的变更和不影响项目结束日期的里程碑调整；超出上述权限的事项提交项目评审委员会决策。")

    w.heading("十四、各职能部门应提供的配合", 1)
    w.para("仓储物流部提供业务流程说明、关键用户和盘点人员；财务部提供成本核算口径并按月核对项目支出；采购部按计划完成"
           "硬件采购；质量管理部参与批次追溯规则评审；行政部协调上线切换期间的现场保障。")

    w.heading("十五、本章程的批准", 1)
    w.para("以下人员签字批准本章程，项目自批准之日起正式启动。")
    w.approvals_table([
        ("王建国", "项目发起人、副总经理", "已签", "2026-01-28"),
        ("陈静", "PMO主任", "已签", "2026-01-28"),
        ("周海涛", "信息中心主任", "已签", "2026-01-28"),
        ("李明轩", "项目经理（接受任命）", "已签", "2026-01-28"),
    ])
    w.save(out / rel)
    return Output(rel, "CHARTER", "zh", project_fields(p), w.defects)


def zh_plan(out: Path, rel: str) -> Output:
    p = ZH
    w = WordDoc("zh")
    w.properties(title="项目管理计划-智慧仓储管理系统建设项目", author="李明轩", subject=f"{p['name']}（{p['id']}）",
                 when="2026-07-10", keywords="项目管理计划；基准", category="项目管理计划")
    w.header_footer(f"{p['name']}    项目编号：{p['id']}    项目管理计划", f"{p['company']}  内部资料")
    w.title("项目管理计划", p["name"], p["company"])
    doc_control(w, p, "项目管理计划", "V1.2", "已批准", "2026-07-10", "李明轩", "李明轩")
    revision_history(w, [
        ("V0.1", "2026-02-06", "李明轩", "编制初稿：生命周期、里程碑、资源安排。"),
        ("V1.0", "2026-02-13", "李明轩", "启动阶段评审通过，范围、进度、成本基准V1.0生效。"),
        ("V1.1", "2026-05-22", "李明轩", "根据已批准变更BG-002（新增PDA 10台，8.60万元）更新成本基准为V1.1。"),
        ("V1.2", "2026-07-10", "李明轩", "根据已批准变更BG-004（新增TMS接口，3.20万元）更新范围基准V1.1及成本基准V1.2。"),
    ])

    w.heading("1 项目概述与目标", 1)
    w.para("本计划依据已批准的《项目章程》V1.0（2026年1月28日）编制，说明项目如何执行、监控和收尾，是项目组、PMO及"
           "各职能部门开展工作的依据。项目目标与章程一致，不作调整：")
    w.table(["序号", "目标", "成功标准（可测量）", "完成时间"], [list(o) for o in ZH_OBJECTIVES], widths=[1.2, 2.4, 10.2, 2.8])

    w.heading("2 项目生命周期与阶段划分", 1)
    w.para("项目采用预测型（瀑布式）生命周期，按阶段评审控制；开发配置阶段内部按两周一个迭代进行演示确认。裁剪说明："
           "阶段总结以阶段评审纪要代替；项目范围说明书、项目进度计划和成本管理计划单独成文，见第4、6、7章。")
    w.table(["阶段", "计划开始", "计划结束", "阶段评审/主要输出"], [
        [ph[0], ph[1], ph[2], g] for ph, g in zip(ZH_PHASES, [
            "启动会纪要、项目管理计划V1.0", "需求规格说明书", "系统设计说明书", "开发完成报告、硬件验收单",
            "测试报告、UAT签字确认", "上线切换方案、上线确认单", "试运行报告", "终验报告、项目总结报告"])
    ], widths=[3.6, 2.4, 2.4, 8.2])
    w.para("春节假期（2月15日至2月23日）及五一假期（5月1日至5月5日）已从计划工期中扣除。")

    w.heading("3 里程碑计划", 1)
    w.para(cn_date(p["start"]), label="项目开始时间：")
    w.para(cn_date(p["end"]), label="项目结束时间：")
    w.table(["编号", "里程碑", "计划完成时间"], [[m[0], m[1], m[2]] for m in ZH_MILESTONES], widths=[1.6, 11.0, 4.0])

    w.heading("4 范围管理计划", 1)
    w.para("范围基准由《项目范围说明书》V1.1、工作分解结构（WBS，8个阶段、52个工作包）及WBS词典组成。范围基准V1.1增加了与"
           "TMS运输管理系统的发运数据接口（BG-004）。可交付成果按《可交付成果验收单》由验收责任人签字确认。")
    w.heading("5 需求管理计划", 1)
    w.para("需求以需求规格说明书为基线，每条需求编号并跟踪到设计、测试用例和验收记录。需求基线确定后，任何新增或修改须"
           "提交变更申请，由项目经理评估影响后按第14章的权限审批。")
    w.heading("6 进度管理计划", 1)
    w.para("进度计划使用Microsoft Project编制（《项目进度计划》V1.0），每周五更新实际进度。进度容差为任一里程碑±10个"
           "工作日，预计超出容差时项目经理须在2个工作日内报告项目发起人。")
    w.heading("7 成本管理计划", 1)
    w.para(f"项目总预算350万元，其中启动时成本基准{ZH_BASELINE_0:.2f}万元、管理储备{ZH_RESERVE:.2f}万元。已批准变更BG-002和"
           f"BG-004合计动用管理储备11.80万元，当前成本基准V1.2为{ZH_BASELINE:.2f}万元。财务部（孙丽华）每月5日前提供上月"
           "实际支出，成本容差为成本基准的±5%。")
    rows = [[str(i), n, wan(a)] for i, (n, a, _) in enumerate(zh_cost_after_changes(), 1)]
    rows.append(["", "成本基准V1.2合计", wan(ZH_BASELINE)])
    rows.append(["", "剩余管理储备", wan(350 - ZH_BASELINE)])
    rows.append(["", "项目总预算", wan(350)])
    w.table(["序号", "费用类别", "金额（万元）"], rows, widths=[1.4, 11.0, 4.2], bold_last_row=True)

    w.heading("8 资源分配", 1)
    w.para("项目人员安排如下，投入人力以全职当量（FTE）计：")
    w.table(["角色", "姓名", "投入人力（FTE）", "投入时间"], [
        ["项目经理", "李明轩", "1.0", "2026-02-01至2026-10-31"],
        ["业务分析师", "郑晓雯", "1.0", "2026-02-01至2026-09-07"],
        ["网络与硬件工程师", "钱志强", "0.5", "2026-04-01至2026-09-07"],
        ["测试负责人", "冯丽", "1.0", "2026-07-01至2026-09-07"],
        ["业务负责人", "赵志刚", "0.2", "2026-02-01至2026-10-31"],
        ["关键用户（4人）", "高磊（组长）", "2.0（4人×0.5）", "2026-02-24至2026-10-16"],
        ["供应商实施团队（5人）", "吴俊峰（组长）", "5.0（按合同）", "2026-02-01至2026-10-23"],
    ], widths=[4.4, 3.6, 3.0, 5.6])

    w.heading("9 质量管理计划", 1)
    w.para("质量目标：上线前无未关闭的一、二级缺陷；UAT用例通过率≥98%；初始化数据抽检准确率≥99.5%。质量控制活动包括"
           "需求和设计评审、迭代演示、系统测试、接口联调测试、用户验收测试和上线前全面盘点；质量保证由PMO在每个阶段评审前"
           "开展检查。本章即为项目质量计划，不另行编制。")
    w.heading("10 沟通管理计划", 1)
    w.table(["沟通事项", "对象", "频率", "负责人"], [
        ["项目周报", "项目发起人、PMO、相关部门负责人", "每周五", "李明轩"],
        ["项目例会", "项目组、供应商、关键用户", "每周一上午", "李明轩"],
        ["月度汇报", "项目发起人", "每月第一周", "李明轩"],
        ["阶段评审会", "PMO、项目发起人、业务负责人", "各阶段结束时", "陈静"],
    ], widths=[3.6, 6.4, 3.2, 3.4])
    w.heading("11 风险管理计划", 1)
    w.para("风险记录在《风险登记册》（Excel）中。发生概率和影响程度均按1至5分评估，风险值=概率×影响；风险等级划分为："
           "低（1至5分）、中（6至12分）、高（13至19分）、极高（20至25分）。每项风险只指定一名责任人；高和极高风险须同时"
           "具备应对措施、应急措施、触发条件和计划完成时间，每周复核，其余风险每两周复核。")
    w.heading("12 采购管理计划", 1)
    w.para("采购包括WMS软件及实施服务（已与上海智仓信息技术有限公司签订合同，2026年1月30日）和硬件设备（公开询价，"
           "三家比价）。供应商付款按合同约定的里程碑验收后支付，质保金为合同额的5%，终验一年后支付。")
    w.heading("13 相关方参与计划", 1)
    w.para("业务负责人参加每周项目例会和每次迭代演示；仓库班组长在上线前两个月参加培训和模拟作业；财务部参加成本月度核对；"
           "重大事项由项目发起人在月度经营会上通报。")
    w.heading("14 变更管理计划与配置管理计划", 1)
    w.para("范围、进度和成本基准只能通过批准的变更申请修改。变更申请登记在《变更日志》中，项目经理在5个工作日内完成"
           "影响评估。审批权限：无成本影响且不影响里程碑的变更由项目经理审批；需动用管理储备或影响里程碑的变更由变更控制"
           "委员会（主任：王建国）审批；超出管理储备或影响项目结束日期的变更报项目评审委员会。")
    w.para("配置管理：需求、设计、测试等文档纳入公司文档管理系统，按版本号管理；系统配置和程序变更通过测试环境验证后"
           "发布到生产环境，每次发布填写发布记录。")
    w.heading("15 项目基准", 1)
    w.table(["基准", "版本", "批准日期", "内容"], [
        ["范围基准", "V1.1", "2026-07-08", "章程边界、WBS及WBS词典；含BG-004"],
        ["进度基准", "V1.0", "2026-02-13", "第2章阶段计划及第3章里程碑"],
        ["成本基准", "V1.2", "2026-07-08", f"{ZH_BASELINE:.2f}万元；含BG-002、BG-004"],
    ], widths=[2.6, 1.8, 2.6, 9.6])
    w.heading("16 管理评审安排", 1)
    w.table(["评审", "时间", "主持人"], [
        ["启动阶段评审", "2026-02-13", "陈静"],
        ["需求及设计评审", "2026-03-31、2026-04-30", "周海涛"],
        ["上线评审（Go/No-Go）", "2026-09-04", "王建国"],
        ["结项评审", "2026-10-30", "陈静"],
        ["月度项目汇报", "每月第一周", "王建国"],
    ], widths=[6.0, 6.0, 4.6])

    w.heading("17 审批", 1)
    w.para("本计划V1.2（含成本基准V1.2）经以下人员审批：")
    w.approvals_table([
        ("王建国", "项目发起人、副总经理", "已签", "2026-07-13"),
        ("陈静", "PMO主任", "已签", "2026-07-13"),
        ("周海涛", "信息中心主任", "已签", "2026-07-13"),
        ("李明轩", "项目经理", "已签", "2026-07-10"),
    ])
    w.save(out / rel)
    return Output(rel, "PMP", "zh", project_fields(p), w.defects)


ZH_RISK_HEADER = ["风险编号", "风险描述", "风险类别", "识别日期", "提出人", "发生概率（1-5）", "影响程度（1-5）",
                  "风险值（概率×影响）", "风险等级", "应对策略", "应对措施", "责任人", "状态", "触发条件", "应急措施",
                  "计划完成时间", "最近更新日期", "关闭日期", "关闭原因"]
ZH_RISKS = [
    ("FX-01", "由于仓储物流部与生产计划部对库位管理规则理解不一致，需求可能反复修改，导致需求评审延期。",
     "需求", "2026-02-06", "郑晓雯", 3, 4, "减轻",
     "组织双方联合需求工作坊3次，分歧事项由项目发起人王建国在周例会上裁决。",
     "郑晓雯", "已关闭", "需求评审前一周仍有超过5项分歧未决。",
     "将未决需求移入二期清单，先按现行规则上线。",
     "2026-03-31", "2026-03-31", "2026-03-31", "需求规格说明书V1.0已于3月31日评审通过。"),
    ("FX-02", "由于现有库存台账与实物差异较大（抽盘差异率约4.8%），系统初始化数据可能不准确，导致上线后账实不符。",
     "数据", "2026-02-06", "赵志刚", 4, 5, "减轻",
     "上线前组织两次全面盘点；初始化数据双人复核；差异率超过0.5%的库区暂缓切换。",
     "赵志刚", "已关闭", "初始化数据抽检差异率大于1%。",
     "差异库区实行纸质台账与系统双轨运行2周，每日核对。",
     "2026-09-04", "2026-09-14", "2026-09-14", "上线后首轮循环盘点准确率99.6%。"),
    ("FX-03", "由于ERP接口由集团信息部统一管控，接口联调排期可能冲突，导致联调延期并影响上线。",
     "技术", "2026-02-13", "周海涛", 3, 5, "减轻",
     "提前锁定集团信息部联调窗口（6月22日至7月10日）；接口规格由双方签字确认。",
     "周海涛", "已关闭", "联调窗口开始前2周接口规格仍未签字。",
     "启用中间表批量同步过渡方案，每15分钟同步一次。",
     "2026-07-10", "2026-07-17", "2026-07-17", "接口联调于7月17日完成并通过测试。"),
    ("FX-04", "由于芯片供应紧张，PDA及无线AP交付周期可能延长至8周以上，从而导致硬件安装延期。",
     "采购", "2026-03-02", "钱志强", 3, 3, "转移",
     "合同约定交付期6周，延期按每日0.5‰支付违约金；签约后每周跟踪生产进度。",
     "钱志强", "已关闭", "供应商发货通知晚于约定日期5个工作日。",
     "向供应商租用20台PDA用于测试和培训。",
     "2026-06-15", "2026-06-12", "2026-06-12", "硬件于6月12日全部到货并验收。"),
    ("FX-05", "由于仓库一线操作员对PDA操作不熟悉，上线初期人均拣货效率可能下降超过20%，影响按时发货。",
     "人员", "2026-03-02", "高磊", 4, 4, "减轻",
     "分批培训（每批不超过15人）；培养12名“超级用户”；上线首月安排供应商顾问现场驻场。",
     "高磊", "监控中", "连续3个工作日人均拣货效率低于每小时45行。",
     "恢复纸质拣货单辅助作业，并加派2名实施顾问驻场一周。",
     "2026-11-30", "2026-10-16", "", ""),
    ("FX-06", "由于成品库钢结构区域无线信号覆盖不足，PDA可能频繁掉线，从而影响扫码作业。",
     "技术", "2026-04-10", "钱志强", 3, 3, "减轻",
     "现场勘测后增补无线AP 6台，上线前完成全库区信号测试。",
     "钱志强", "已关闭", "信号测试中任一库区丢包率大于1%。",
     "掉线区域临时使用有线扫码枪加工位电脑作业。",
     "2026-08-14", "2026-08-14", "2026-08-14", "全库区信号覆盖率100%，丢包率小于1%。"),
    ("FX-07", "春节假期（2月15日至2月23日）前后人员返乡，可能导致需求调研阶段有效工作日减少。",
     "进度", "2026-02-06", "李明轩", 4, 2, "接受",
     "计划已扣除春节假期，节前完成原材料库调研；接受理由：影响不超过3个工作日，可由阶段内浮动时间吸收。",
     "李明轩", "已关闭", "节后第一周关键用户到岗率低于80%。",
     "需求调研延长一周，占用设计阶段浮动时间。",
     "2026-03-06", "2026-03-06", "2026-03-06", "需求调研按计划完成。"),
    ("FX-08", "由于系统切换期间须停用原作业方式，可能出现发货中断，从而影响重点客户交付。",
     "运营", "2026-06-19", "赵志刚", 2, 5, "减轻",
     "切换安排在周末非发货时段；制定回退方案并完成2次切换演练。",
     "李明轩", "已关闭", "切换检查点延误超过4小时。",
     "回退至纸质作业和原Excel台账，次周末重新切换。",
     "2026-09-07", "2026-09-08", "2026-09-08", "9月5日至6日切换顺利完成，未影响发货。"),
    ("FX-09", "由于实施供应商同期承接多个项目，核心顾问可能被抽调，从而影响开发进度。",
     "供应商", "2026-02-13", "李明轩", 2, 4, "转移",
     "合同约定核心人员变更须经甲方书面同意，并由供应商承担交接费用。",
     "李明轩", "已关闭", "供应商提出核心人员变更申请。",
     "要求供应商在5个工作日内派出同级别顾问并完成交接。",
     "2026-09-07", "2026-09-14", "2026-09-14", "系统已上线，核心开发工作结束。"),
    ("FX-10", "项目移交后信息中心运维人员（2名）对WMS配置不熟悉，可能导致问题响应超时。",
     "运维", "2026-08-17", "周海涛", 3, 4, "减轻",
     "开展运维培训16学时；编写运维手册；签订供应商一年维保合同（响应时间不超过4小时）。",
     "周海涛", "开放", "试运行期间运维工单平均响应时间超过4小时。",
     "由供应商远程支持团队承接二线支持，直至运维人员通过考核。",
     "2026-11-20", "2026-10-16", "", ""),
]
ZH_RR_REVS = [
    ("V1.0", "2026-02-13", "李明轩", "随项目管理计划发布，登记FX-01至FX-03、FX-07、FX-09。"),
    ("V1.1", "2026-03-06", "李明轩", "新增FX-04、FX-05；关闭FX-07。"),
    ("V1.2", "2026-04-10", "李明轩", "新增FX-06；关闭FX-01。"),
    ("V1.3", "2026-06-19", "李明轩", "新增FX-08；关闭FX-04。"),
    ("V1.4", "2026-08-17", "李明轩", "新增FX-10；关闭FX-03、FX-06。"),
    ("V1.5", "2026-09-14", "李明轩", "上线后复核：关闭FX-02、FX-08、FX-09。"),
    ("V1.6", "2026-10-16", "李明轩", "试运行结束复核：FX-05、FX-10准备在结项时移交。"),
]


def zh_risk_register(out: Path, rel: str, variant: str | None = None) -> Output:
    p = ZH
    wb = xl_workbook("zh", "风险登记册", p,
                     control_fields(p, "zh", "风险登记册", "V1.6", "已发布", as_date("2026-10-16"), "李明轩", "李明轩"),
                     register_signoff("zh", "2026-10-16"), ZH_RR_REVS)
    ws = wb.create_sheet("风险登记册")
    rows = [risk_row(r, i, "zh") for i, r in enumerate(ZH_RISKS, 5)]
    defects: list[dict] = []
    if variant == "score_error":
        i = next(k for k, r in enumerate(ZH_RISKS) if r[0] == "FX-02")
        row_no = 5 + i
        assert rows[i][5] == 4 and rows[i][6] == 5
        rows[i][7] = 12          # typed over the formula: 4 × 5 is 20
        rows[i][8] = risk_level(12, "zh")  # level follows the wrong score ("中")
        defects.append({"rule": "RR-06", "where": {"sheet": "风险登记册", "cell": f"H{row_no}"},
                        "note": "FX-02: probability 4 × impact 5 = 20, but the score cell holds the typed value 12 "
                                "(the rest of column H are formulas); the level '中' follows the wrong score."})
        j = next(k for k, r in enumerate(ZH_RISKS) if r[0] == "FX-05")
        row_no = 5 + j
        assert rows[j][8] == "高"
        rows[j][13] = ""  # trigger
        rows[j][14] = ""  # contingency
        defects.append({"rule": "RR-12", "where": {"sheet": "风险登记册", "cell": f"O{row_no}"},
                        "note": f"FX-05 is a High (高, 16) open risk with an empty contingency plan (O{row_no}) "
                                f"and an empty trigger (N{row_no})."})
    xl_register(ws, p, "zh", "风险登记册",
                "评分规则：发生概率、影响程度均为1-5分，风险值=概率×影响；等级：低1-5，中6-12，高13-19，极高20-25。复核日期：2026-10-16。",
                ZH_RISK_HEADER, rows, RISK_WIDTHS, date_cols={4, 16, 17, 18})
    dress_risks(ws, len(rows), ["开放", "监控中", "已发生", "已关闭"], ["低", "中", "高", "极高"], ["规避", "减轻", "转移", "接受", "分担", "上报"])
    xl_legend(wb.create_sheet("评分标准"), "zh")
    xl_save(wb, out / rel, p, "风险登记册-智慧仓储管理系统建设项目", "李明轩", "2026-10-16")
    return Output(rel, "RISK_REGISTER", "zh", project_fields(p, IDENTITY), defects)


ZH_CHANGE_HEADER = ["变更编号", "类别", "变更描述", "申请人", "提交日期", "状态", "审批结果", "审批日期", "审批人",
                    "成本影响（万元）", "进度影响（工作日）", "更新后基准版本", "备注"]
ZH_CHANGES = [
    ["BG-001", "范围", "新增生产退料扫码入库流程（原材料库）。", "高磊", "2026-04-08", "已关闭", "批准", "2026-04-15",
     "李明轩", 0.00, 0, "无（需求规格说明书V1.1）", "在原合同工作量内完成，项目经理权限内审批。"],
    ["BG-002", "范围", "增加PDA 10台及配套充电座，满足成品库新增夜班作业。", "赵志刚", "2026-05-11", "已关闭", "批准",
     "2026-05-20", "王建国", 8.60, 0, "成本基准V1.1", "动用管理储备。"],
    ["BG-003", "范围", "增加AGV小车调度接口。", "罗春燕", "2026-06-03", "已关闭", "否决", "2026-06-12", "王建国",
     45.00, 40, "无", "超出章程范围，纳入二期规划；所列影响为评估值。"],
    ["BG-004", "范围", "新增与TMS运输管理系统的发运数据接口。", "赵志刚", "2026-06-29", "已关闭", "批准", "2026-07-08",
     "王建国", 3.20, 0, "范围基准V1.1；成本基准V1.2", "动用管理储备，在开发阶段浮动时间内完成。"],
    ["BG-005", "报表", "新增库龄分析报表及呆滞料预警。", "孙丽华", "2026-08-10", "已关闭", "批准", "2026-08-14",
     "李明轩", 0.00, 0, "无（合同报表额度内）", "使用供应商合同内报表开发额度。"],
    ["BG-006", "范围", "在成品库试点电子标签拣选（PTL）。", "赵志刚", "2026-09-21", "开放", "暂缓", "2026-09-28",
     "王建国", 28.00, 30, "无", "试运行结束后评估，纳入二期立项；结项时移交仓储物流部。"],
]
ZH_CL_REVS = [
    ("V1.0", "2026-02-13", "李明轩", "启动阶段评审后建立变更日志。"),
    ("V1.1", "2026-07-10", "李明轩", "登记BG-001至BG-004及审批结果。"),
    ("V1.2", "2026-10-16", "李明轩", "登记BG-005、BG-006；BG-006暂缓，准备结项移交。"),
]


def zh_change_log(out: Path, rel: str) -> Output:
    p = ZH
    wb = xl_workbook("zh", "变更日志", p,
                     control_fields(p, "zh", "变更日志", "V1.2", "已发布", as_date("2026-10-16"), "李明轩", "李明轩"),
                     register_signoff("zh", "2026-10-16"), ZH_CL_REVS)
    ws = wb.create_sheet("变更日志")
    approved = sum(r[9] for r in ZH_CHANGES if r[6] == "批准")
    xl_register(ws, p, "zh", "变更日志",
                f"审批权限：无成本影响且不影响里程碑的变更由项目经理审批，其余由变更控制委员会（主任：王建国）审批。"
                f"已批准变更累计成本影响：{approved:.2f}万元。",
                ZH_CHANGE_HEADER, ZH_CHANGES, [10, 8, 40, 10, 12, 9, 10, 12, 10, 12, 12, 22, 40], date_cols={5, 8})
    last = 4 + len(ZH_CHANGES)
    for i in range(5, last + 1):
        ws.cell(i, 10).number_format = "0.00"
    add_list_validation(ws, 6, 5, last + 20, ["开放", "审批中", "已关闭"])
    add_list_validation(ws, 7, 5, last + 20, ["待审批", "批准", "否决", "暂缓", "撤销"])
    xl_save(wb, out / rel, p, "变更日志-智慧仓储管理系统建设项目", "李明轩", "2026-10-16")
    return Output(rel, "CHANGE_LOG", "zh", project_fields(p, IDENTITY))


def zh_status_report(out: Path, rel: str) -> Output:
    p = ZH
    w = WordDoc("zh", heading_mode="bold")
    w.properties(title="项目周报（第37期）-智慧仓储管理系统建设项目", author="李明轩", subject=f"{p['name']}（{p['id']}）",
                 when="2026-10-16", keywords="项目周报；状态报告", category="项目状态报告")
    w.header_footer(f"{p['name']}    项目编号：{p['id']}    项目周报", f"{p['company']}  内部资料")
    w.title("项目周报", f"{p['name']}（第37期）", p["company"])
    doc_control(w, p, "项目周报（第37期）", "V1.0", "已发布", "2026-10-16", "李明轩", "李明轩",
                extra=[("报告日期", "2026-10-16"), ("报告周期", "2026-10-12至2026-10-16"), ("汇报人", "李明轩")])
    revision_history(w, [("V1.0", "2026-10-16", "李明轩", "发布第37期周报。")])

    w.heading("一、项目总体状态", 1)
    w.para("黄", label="总体状态：")
    w.para("本周试运行按计划于10月16日结束，10个里程碑中已完成8个，项目累计完成约96%。总体状态为黄色，原因是高风险"
           "FX-05（夜班新员工拣货效率偏低）仍在监控中，以及遗留三级缺陷9项，高于终验前不超过5项的要求。")
    w.table(["维度", "状态", "说明（原因、纠正措施及责任人）"], [
        ["进度", "绿", "M8试运行结束已于10月16日完成；M9终验预计10月23日，与计划一致。"],
        ["成本", "绿", f"完工估算339.46万元，低于成本基准{ZH_BASELINE:.2f}万元，偏差-1.26%，在±5%容差内。"],
        ["范围", "绿", "本周无新增变更；BG-006（电子标签拣选试点）已暂缓，结项时移交仓储物流部。"],
        ["质量", "黄", "遗留三级缺陷9项（要求终验前不超过5项）。措施：供应商10月21日发布补丁修复6项，责任人吴俊峰。"],
        ["风险", "黄", "FX-05为高风险：夜班新员工人均拣货每小时52行。措施：10月19日起对夜班11人开展专项带教，责任人高磊。"],
        ["效益", "绿", "试运行最后两周成品库人均拣货每小时61.5行（目标60行），库存准确率99.7%（目标99.5%）。"],
    ], widths=[1.8, 1.4, 13.4])

    w.heading("二、本周完成工作", 1)
    w.bullets([
        "完成第二次循环盘点（成品库1,860个库位），库存准确率99.7%。",
        "召开试运行总结会，确认试运行期间共处理运维工单138张，平均响应时间2.6小时。",
        "完成运维手册V1.0编制并提交信息中心审核，完成运维人员培训16学时中的12学时。",
        "供应商提交终验材料清单共23项，已审核通过19项。",
    ])
    w.heading("三、下周工作计划", 1)
    w.bullets([
        "10月21日发布补丁包，修复三级缺陷6项，遗留缺陷降至3项。",
        "10月22日完成剩余4学时运维培训及考核。",
        "10月23日组织项目终验会，由赵志刚、周海涛签署验收意见。",
        "10月28日前提交项目总结报告，10月30日召开结项评审会。",
    ])

    w.heading("四、里程碑完成情况", 1)
    ms = []
    for mid, name, base, actual in ZH_MILESTONES:
        if mid in ("M9", "M10"):
            ms.append([mid, name, base, base, "", "按计划推进"])
        else:
            ms.append([mid, name, base, base if base == actual else actual, actual, "已完成"])
    w.table(["编号", "里程碑", "计划日期", "预计日期", "实际日期", "状态"], ms, widths=[1.4, 6.0, 2.4, 2.4, 2.4, 2.0])

    w.heading("五、预算执行情况", 1)
    w.para(f"350万元，其中当前成本基准V1.2（BAC）{ZH_BASELINE:.2f}万元，剩余管理储备{350 - ZH_BASELINE:.2f}万元。",
           label="项目总预算：")
    ac, eac = 326.75, 339.46
    w.table(["指标", "金额（万元）"], [
        ["完工预算（BAC，成本基准V1.2）", wan(ZH_BASELINE)],
        ["实际支出（截至2026-10-16，AC）", wan(ac)],
        ["完工尚需估算（ETC）", wan(eac - ac)],
        ["预计总成本（EAC = AC + ETC）", wan(eac)],
        ["完工偏差（VAC = BAC - EAC）", wan(ZH_BASELINE - eac)],
    ], widths=[11.6, 5.0])

    w.heading("六、容差状态", 1)
    w.table(["容差项", "容差范围", "当前预测", "状态"], [
        ["成本", "成本基准的±5%", "-1.26%（节约）", "容差内"],
        ["进度", "任一里程碑±10个工作日", "M9、M10均为0天", "容差内"],
        ["范围", "仅限已批准变更", "无未经批准的变更", "容差内"],
    ], widths=[2.4, 5.4, 5.0, 3.8])

    w.heading("七、主要风险与问题", 1)
    w.table(["编号", "名称", "等级", "状态", "应对措施及责任人"], [
        ["FX-05", "一线操作员PDA作业效率下降", "高（16）", "监控中", "夜班专项带教，结项后移交仓储物流部跟踪；高磊，2026-11-30"],
        ["FX-10", "运维人员WMS配置能力不足", "中（12）", "开放", "完成运维培训及考核，供应商提供二线支持；周海涛，2026-11-20"],
        ["WT-031", "遗留三级缺陷9项", "一般", "处理中", "10月21日补丁修复6项，其余纳入维保清单；吴俊峰"],
    ], widths=[1.6, 4.6, 1.8, 1.6, 7.0])

    w.heading("八、变更情况", 1)
    w.para("本周无新增变更申请。项目累计变更6项（变更日志V1.2）：")
    w.table(["变更编号", "变更内容", "状态", "审批结果", "审批日期"],
            [[c[0], c[2], c[5], c[6], c[7]] for c in ZH_CHANGES], widths=[1.8, 8.6, 1.8, 2.0, 2.4])

    w.heading("九、需协调事项", 1)
    w.para("请项目发起人在10月30日结项评审会上确认：FX-05、FX-10及BG-006作为后续行动分别移交高磊、周海涛和赵志刚负责。")

    w.heading("审批", 2)
    w.approvals_table([
        ("李明轩", "项目经理（编制）", "已签", "2026-10-16"),
        ("陈静", "PMO主任（审核）", "已签", "2026-10-16"),
    ])
    w.save(out / rel)
    return Output(rel, "STATUS_REPORT", "zh", project_fields(p, IDENTITY + ("budget",)), w.defects)


def zh_closure_report(out: Path, rel: str) -> Output:
    p = ZH
    w = WordDoc("zh")
    w.properties(title="项目总结报告-智慧仓储管理系统建设项目", author="李明轩", subject=f"{p['name']}（{p['id']}）",
                 when="2026-10-28", keywords="项目总结报告；结项", category="项目总结报告")
    w.header_footer(f"{p['name']}    项目编号：{p['id']}    项目总结报告", f"{p['company']}  内部资料")
    w.title("项目总结报告", p["name"], p["company"])
    doc_control(w, p, "项目总结报告", "V1.0", "已批准", "2026-10-28", "李明轩", "王建国")
    revision_history(w, [
        ("V0.1", "2026-10-23", "李明轩", "终验后编制初稿。"),
        ("V0.2", "2026-10-26", "李明轩", "补充财务部（孙丽华）核对后的实际成本及效益数据。"),
        ("V1.0", "2026-10-28", "李明轩", "PMO审核通过，提交结项评审签字。"),
    ])
    total_actual = round(sum(ZH_ACTUAL), 2)

    w.heading("一、项目概况", 1)
    w.para(f"{p['name']}（项目编号{p['id']}）于2026年1月20日经项目评审委员会批准立项，章程批准预算350万元，计划周期为"
           f"{cn_date(p['start'])}至{cn_date(p['end'])}。项目为原材料库和成品库建设了仓储管理系统（WMS），配套PDA 70台、"
           "条码打印机8台、无线AP 30台，并实现与ERP、TMS系统的接口集成。系统于2026年9月7日正式上线，10月16日结束试运行，"
           "10月23日通过终验。")
    w.para("项目经理总结：项目5项目标全部达成，8项可交付成果全部通过验收，实际成本低于成本基准，提前8天完成全部交付"
           "工作；遗留风险和事项已全部明确责任人和完成时间（见第九部分）。")

    w.heading("二、项目目标完成情况", 1)
    w.table(["序号", "目标值（成功标准）", "实际完成", "结论", "证据"], [
        ["1", ZH_OBJECTIVES[0][2], "两次循环盘点准确率分别为99.6%、99.7%", "达成", "循环盘点报告（9月14日、10月15日）"],
        ["2", ZH_OBJECTIVES[1][2], "试运行最后两周平均每小时61.5行", "达成", "WMS作业效率报表"],
        ["3", ZH_OBJECTIVES[2][2], "平均3.4小时", "达成", "WMS收货上架时效报表"],
        ["4", ZH_OBJECTIVES[3][2], "平均同步延迟2分钟，调用成功率99.96%", "达成", "接口监控日志（9月7日至10月16日）"],
        ["5", ZH_OBJECTIVES[4][2], f"实际支出{total_actual:.2f}万元；10月23日完成终验", "达成", "财务决算表、终验报告"],
    ], widths=[1.0, 5.6, 4.0, 1.2, 4.8], font_size=9)

    w.heading("三、商业论证回顾与效益实现情况", 1)
    w.para("立项申请书预计项目每年减少盘点损失和人工成本约96万元，投资回收期约3.6年。结项时效益实现情况如下：")
    w.table(["效益指标", "预期", "结项时实际", "后续评估安排"], [
        ["盘点差异损失", "每年减少约38万元", "库存准确率达99.7%，按试运行数据测算每年减少约40万元", "财务部孙丽华于2027年4月30日复核"],
        ["仓库人工成本", "减少临时用工8人，每年约58万元", "已减少临时用工6人，夜班2人待FX-05关闭后调整", "仓储物流部赵志刚于2027年1月31日复核"],
        ["发货延误率", "由3.2%降至1%以下", "试运行期间0.7%", "每季度由赵志刚在经营分析会通报"],
    ], widths=[3.0, 3.8, 5.4, 4.4], font_size=9)
    w.para("商业论证仍然成立。人工成本效益实现时间较预期推迟约一个季度，原因见FX-05；项目后效益评估由项目发起人王建国"
           "于2027年4月30日组织。")

    w.heading("四、可交付成果验收情况", 1)
    w.table(["编号", "可交付成果", "验收人", "验收日期"], [list(d) for d in ZH_DELIVERABLES], widths=[1.4, 9.6, 2.6, 3.0])
    w.para("所有可交付成果均一次通过验收，无让步接收情况。")

    w.heading("五、进度执行情况", 1)
    w.para(f"计划开始时间{p['start']}，实际开始时间{p['start']}；计划结束时间{p['end']}，实际完成全部交付工作时间2026-10-23，"
           "提前8天。用户验收测试因2项二级缺陷复测延后2个工作日（8月25日通过），占用上线准备阶段浮动时间，未影响上线日期。")
    rows = []
    for name, bs, bf, as_, af in ZH_PHASES:
        var = (date.fromisoformat(af) - date.fromisoformat(bf)).days
        rows.append([name, bs, bf, as_, af, f"{var:+d}" if var else "0"])
    w.table(["阶段", "计划开始", "计划结束", "实际开始", "实际结束", "结束偏差（天）"], rows,
            widths=[3.8, 2.4, 2.4, 2.4, 2.4, 3.2], font_size=9)

    w.heading("六、成本执行情况", 1)
    w.para(f"项目总预算350万元；成本基准V1.2为{ZH_BASELINE:.2f}万元（含已批准变更BG-002、BG-004）；实际成本{total_actual:.2f}万元，"
           f"较成本基准偏差{total_actual - ZH_BASELINE:+.2f}万元（{(total_actual - ZH_BASELINE) / ZH_BASELINE:+.2%}）。未使用的管理储备"
           f"{350 - ZH_BASELINE:.2f}万元退回公司信息化专项预算。")
    rows = []
    for (name, base, _), actual in zip(zh_cost_after_changes(), ZH_ACTUAL):
        rows.append([name, wan(base), wan(actual), f"{actual - base:+.2f}", f"{(actual - base) / base:+.1%}"])
    rows.append(["合计", wan(ZH_BASELINE), wan(total_actual), f"{total_actual - ZH_BASELINE:+.2f}",
                 f"{(total_actual - ZH_BASELINE) / ZH_BASELINE:+.1%}"])
    w.table(["费用类别", "成本基准（万元）", "实际（万元）", "偏差（万元）", "偏差率"], rows,
            widths=[4.6, 3.2, 3.0, 3.0, 2.8], bold_last_row=True, font_size=9)
    w.para("偏差原因：培训与上线支持节约9.6%，原因是培训改为内部“超级用户”授课，减少供应商讲师人天；内部人力成本节约4.3%，"
           "硬件设备节约2.2%，均在±5%阈值以内。")

    w.heading("七、质量情况", 1)
    w.para("质量计划中的验收标准全部满足：上线前无未关闭的一、二级缺陷；UAT共执行用例426条，通过率98.8%（要求≥98%）；"
           "初始化数据抽检准确率99.8%。项目共发现缺陷214项，已关闭211项，遗留三级缺陷3项已纳入供应商维保清单（见第九部分）。")

    w.heading("八、变更、风险与问题情况", 1)
    w.para("变更情况：共提出变更申请6项（变更日志V1.2），其中批准4项（BG-001、BG-002、BG-004、BG-005），否决1项（BG-003），"
           "暂缓1项（BG-006）；已批准变更累计增加成本11.80万元，未调整项目结束日期。")
    w.para("风险情况：共识别风险10项（风险登记册V1.6），已关闭8项；FX-05（高）和FX-10（中）仍处于开放状态，已转为后续行动。")
    w.para("问题情况：共记录问题31项，已解决30项；WT-031（遗留三级缺陷）转入运维阶段处理。")

    w.heading("九、遗留问题及后续行动建议", 1)
    w.table(["编号", "后续行动", "来源", "责任人", "完成时间"], [
        ["HX-01", "夜班新员工专项带教，使人均拣货效率稳定在每小时60行以上", "FX-05", "高磊", "2026-11-30"],
        ["HX-02", "运维人员完成WMS配置考核，供应商二线支持转为维保模式", "FX-10", "周海涛", "2026-11-20"],
        ["HX-03", "修复遗留三级缺陷3项", "WT-031", "吴俊峰", "2026-11-13"],
        ["HX-04", "电子标签拣选试点纳入二期立项申请", "BG-006", "赵志刚", "2026-12-31"],
        ["HX-05", "组织项目后效益评估", "商业论证", "王建国", "2027-04-30"],
    ], widths=[1.6, 8.0, 1.8, 2.2, 3.0], font_size=9)

    w.heading("十、团队绩效评价", 1)
    w.para("项目组内部成员9人、供应商顾问5人，项目期间无核心人员流失。需求和测试阶段关键用户平均投入率达到计划的105%；"
           "供应商按合同完成全部里程碑交付，PMO阶段评审4次均一次通过。经项目发起人同意，对郑晓雯、高磊给予项目表彰。")

    w.heading("十一、经验教训", 1)
    w.bullets([
        "上线前两次全面盘点是库存准确率达标的关键，后续项目应在计划中预留不少于2周的盘点时间。",
        "ERP接口规格须在设计阶段由双方签字确认，提前锁定集团信息部联调窗口，可避免联调排期冲突。",
        "一线员工培训应按班组分批进行并培养“超级用户”，夜班等新增人员须纳入培训计划。",
        "无线网络应在设计阶段完成现场勘测，避免钢结构区域信号问题在测试阶段才暴露。",
    ])
    w.para("以上经验教训已登记到PMO经验教训库（项目编号ZC-2026-007）。")

    w.heading("十二、移交确认", 1)
    w.para("系统运维已于2026年10月23日移交信息中心，移交内容包括运维手册、系统配置清单、账号权限清单、供应商维保合同"
           "（一年，响应时间不超过4小时）。接收人：信息中心主任周海涛，确认日期：2026年10月23日。")
    w.para("行政收尾：供应商实施合同已于终验后关闭，质保金按合同于2027年10月支付；项目成员已于10月26日回归原部门；项目文档"
           "已归档至公司文档管理系统“ZC-2026-007”目录。")

    w.heading("十三、验收结论", 1)
    w.para("项目全部目标达成，可交付成果全部通过验收，实际成本较成本基准节约"
           f"{ZH_BASELINE - total_actual:.2f}万元，提前8天完成交付。项目组建议批准结项，并将第九部分所列5项后续行动移交"
           "各责任人跟踪落实。")

    w.heading("十四、签字确认", 1)
    w.approvals_table([
        ("王建国", "项目发起人、副总经理", "已签", "2026-10-30"),
        ("赵志刚", "业务负责人、仓储物流部经理", "已签", "2026-10-29"),
        ("周海涛", "信息中心主任（运维接收方）", "已签", "2026-10-29"),
        ("陈静", "PMO主任", "已签", "2026-10-29"),
        ("李明轩", "项目经理", "已签", "2026-10-28"),
    ])
    w.save(out / rel)
    return Output(rel, "CLOSURE_REPORT", "zh", project_fields(p), w.defects)


# --------------------------------------------------------------------------------------------
# Further document types: business case, scope statement, schedule, cost plan, issue register,
# change request, lessons learned (both projects), each consistent with the documents above.
# --------------------------------------------------------------------------------------------

def workdays(start: str, finish: str) -> int:
    """Working days (Mon-Fri) from start to finish, both included."""
    a, b = date.fromisoformat(start), date.fromisoformat(finish)
    n, d = 0, a
    while d <= b:
        if d.weekday() < 5:
            n += 1
        d = date.fromordinal(d.toordinal() + 1)
    return n


@dataclass
class Task:
    wbs: str
    name: str
    owner: str = ""
    start: str = ""          # current (actual or forecast) start
    finish: str = ""         # current (actual or forecast) finish
    preds: str = ""
    milestone: bool = False
    done: float = 0.0        # 0..1
    bstart: str | None = None  # baseline (default: current)
    bfinish: str | None = None


def schedule_rows(tasks: list[Task], status_date: str, window: tuple[str, str]) -> list[Task]:
    """Fill summary rows from their children and check the logic the checker will test."""
    by = {t.wbs: t for t in tasks}
    children = {t.wbs: [c for c in tasks if c.wbs.startswith(t.wbs + ".") and c.wbs.count(".") == t.wbs.count(".") + 1]
                for t in tasks}
    for t in sorted(tasks, key=lambda x: -x.wbs.count(".")):  # deepest first
        kids = children[t.wbs]
        if not kids:
            continue
        t.start = min(k.start for k in kids)
        t.finish = max(k.finish for k in kids)
        t.bstart = min(k.bstart or k.start for k in kids)
        t.bfinish = max(k.bfinish or k.finish for k in kids)
        span = sum(max(workdays(k.start, k.finish), 1) for k in kids if not k.milestone) or 1
        t.done = round(sum(max(workdays(k.start, k.finish), 1) * k.done for k in kids if not k.milestone) / span, 2)
        if all(k.done >= 1 for k in kids):
            t.done = 1.0
    for t in tasks:
        assert t.start <= t.finish, t.wbs
        assert window[0] <= t.start and t.finish <= window[1], t.wbs
        if t.milestone:
            assert t.start == t.finish, t.wbs
        for token in filter(None, (x.strip() for x in t.preds.split(","))):
            m = re.match(r"^([\d.]+)(FS|SS)?([+-]\d+)?$", token)
            assert m, token
            pred, kind, lag = by[m.group(1)], m.group(2) or "FS", int(m.group(3) or 0)
            ref = pred.finish if kind == "FS" else pred.start
            assert date.fromisoformat(t.start) >= date.fromordinal(date.fromisoformat(ref).toordinal() + lag), (t.wbs, token)
        if t.done >= 1:
            assert t.finish <= status_date, t.wbs
        elif not children[t.wbs]:
            assert t.finish > status_date or t.done > 0, t.wbs
    return tasks


def schedule_table(tasks: list[Task], status_date: str, lang: str) -> list[list[Any]]:
    zh = lang == "zh"
    rows = []
    for t in tasks:
        summary = any(o.wbs.startswith(t.wbs + ".") for o in tasks)
        dur = 0 if t.milestone else workdays(t.start, t.finish)
        started = t.done > 0 or t.start <= status_date and t.done > 0
        if t.done >= 1:
            status = "已完成" if zh else "Complete"
        elif t.done > 0:
            status = "进行中" if zh else "In progress"
        else:
            status = "未开始" if zh else "Not started"
        rows.append([
            t.wbs, t.name, dur, t.start, t.finish, t.preds, t.owner,
            ("是" if zh else "Yes") if t.milestone else ("否" if zh else "No"),
            t.done, t.start if started else "", t.finish if t.done >= 1 else "",
            t.bstart or t.start, t.bfinish or t.finish, status,
        ])
        if summary:
            rows[-1].append("summary")
    return rows


SCHEDULE_HEADER = {
    "en": ["WBS", "Task Name", "Duration (working days)", "Start", "Finish", "Predecessors", "Owner", "Milestone",
           "% Complete", "Actual Start", "Actual Finish", "Baseline Start", "Baseline Finish", "Status"],
    "zh": ["WBS编码", "任务名称", "工期（工作日）", "开始时间", "完成时间", "前置任务", "负责人", "是否里程碑",
           "完成百分比", "实际开始", "实际完成", "基线开始", "基线完成", "状态"],
}


def xl_schedule_sheet(ws, lang: str, title: str, p: dict, note: str, rows: list[list[Any]]) -> dict[str, int]:
    """The schedule register; returns the worksheet row of each WBS code."""
    zh = lang == "zh"
    header = SCHEDULE_HEADER[lang]
    summary_rows = {r[0] for r in rows if len(r) > 14}
    data = [r[:14] for r in rows]
    xl_register(ws, p, lang, title, note, header, data, [9, 46, 11, 12, 12, 13, 16, 10, 10, 12, 12, 12, 12, 12],
                date_cols={4, 5, 10, 11, 12, 13})
    where: dict[str, int] = {}
    for i, r in enumerate(data, 5):
        where[r[0]] = i
        ws.cell(i, 1).number_format = "@"
        ws.cell(i, 9).number_format = "0%"
        for c in (3, 8, 9):
            ws.cell(i, c).alignment = Alignment(horizontal="center", vertical="top")
        if r[0] in summary_rows:
            for c in range(1, 15):
                ws.cell(i, c).font = Font(bold=True)
                ws.cell(i, c).fill = PatternFill("solid", fgColor="EDEDED")
        else:
            depth = r[0].count(".")
            ws.cell(i, 2).alignment = Alignment(indent=depth * 2, wrap_text=True, vertical="top")
    last = 4 + len(data)
    add_list_validation(ws, 8, 5, last + 20, ["是", "否"] if zh else ["Yes", "No"])
    add_list_validation(ws, 14, 5, last + 20, ["未开始", "进行中", "已完成"] if zh else ["Not started", "In progress", "Complete"])
    ws.freeze_panes = "C5"
    return where

# EN schedule ---------------------------------------------------------------------------------

def en_tasks() -> list[Task]:
    T = Task
    return [
        T("1", "Initiation", "Marcus Webb"),
        T("1.1", "Project charter approved (M1)", "Dana Lee", "2026-01-05", "2026-01-05", "", True, 1),
        T("1.2", "Mobilise project team and onboard the implementation partner", "Marcus Webb", "2026-01-05", "2026-01-16", "1.1", False, 1),
        T("1.3", "Develop project management plan, scope statement and baselines", "Marcus Webb", "2026-01-12", "2026-01-29", "1.1", False, 1),
        T("1.4", "Project management plan baselined (M2, Gate 2)", "Priya Raman", "2026-01-30", "2026-01-30", "1.3", True, 1),
        T("2", "Design", "Kenji Watanabe"),
        T("2.1", "Requirements and design workshops (Sales, Service)", "Kenji Watanabe", "2026-02-02", "2026-02-27", "1.4", False, 1),
        T("2.2", "Data model and migration design", "Sofia Marin", "2026-02-09", "2026-03-13", "2.1SS+5", False, 1),
        T("2.3", "Integration specifications (SAP S/4HANA, Azure AD)", "Kenji Watanabe", "2026-02-16", "2026-03-13", "2.1SS+10", False, 1),
        T("2.4", "Design Authority review of the solution design (D1)", "Kenji Watanabe", "2026-03-16", "2026-03-19", "2.2, 2.3", False, 1),
        T("2.5", "Solution design signed off (M3)", "Kenji Watanabe", "2026-03-20", "2026-03-20", "2.4", True, 1),
        T("3", "Build and data migration", "Ian McAllister"),
        T("3.1", "Configuration sprints 1-3", "Ian McAllister", "2026-03-23", "2026-05-01", "2.5", False, 1),
        T("3.2", "Configuration sprints 4-6, including 12 dashboards", "Ian McAllister", "2026-05-04", "2026-06-12", "3.1", False, 1),
        T("3.3", "Build SAP order-status and single sign-on integrations (D3)", "Kenji Watanabe", "2026-03-23", "2026-05-29", "2.5", False, 1),
        T("3.4", "Migrate service knowledge base, 2,400 articles (CR-003)", "Sofia Marin", "2026-04-20", "2026-05-29", "2.5", False, 1),
        T("3.5", "Trial data loads 1-3 and reconciliation", "Sofia Marin", "2026-04-06", "2026-06-26", "2.5FS+10", False, 1,
          bstart="2026-04-06", bfinish="2026-06-19"),
        T("3.6", "Build and trial data migrations complete (M4)", "Sofia Marin", "2026-06-26", "2026-06-26", "3.2, 3.3, 3.4, 3.5", True, 1,
          bstart="2026-06-19", bfinish="2026-06-19"),
        T("4", "Test (SIT and UAT)", "Lena Fischer"),
        T("4.1", "System integration test", "Lena Fischer", "2026-06-29", "2026-07-10", "3.6", False, 1,
          bstart="2026-06-22", bfinish="2026-07-03"),
        T("4.2", "Performance test (twice peak volume) and penetration test", "Kenji Watanabe", "2026-07-06", "2026-07-24", "4.1SS+5", False, 1,
          bstart="2026-06-29", bfinish="2026-07-24"),
        T("4.3", "User acceptance testing (612 test cases)", "Rachel Grant", "2026-07-13", "2026-07-30", "4.1FS+2", False, 1,
          bstart="2026-07-06", bfinish="2026-07-30"),
        T("4.4", "User acceptance testing (UAT) exit (M5)", "Rachel Grant", "2026-07-31", "2026-07-31", "4.3", True, 1),
        T("5", "Deployment and cutover", "Marcus Webb"),
        T("5.1", "Role-based end-user training for 420 users (D5)", "Grace Kim", "2026-08-03", "2026-08-21", "4.4", False, 1),
        T("5.2", "Cutover rehearsals 1 and 2", "Sofia Marin", "2026-08-06", "2026-08-13", "4.4FS+6", False, 1),
        T("5.3", "Go/no-go decision by the Steering Committee", "Dana Lee", "2026-08-14", "2026-08-14", "5.2", False, 1),
        T("5.4", "Final data load, reconciliation and production cutover (D4)", "Sofia Marin", "2026-08-19", "2026-08-21", "5.3", False, 1),
        T("5.5", "Go-live (production cutover) (M6)", "Marcus Webb", "2026-08-24", "2026-08-24", "5.4", True, 1),
        T("6", "Hypercare", "Natalie Brooks"),
        T("6.1", "Hypercare support and daily triage", "Natalie Brooks", "2026-08-25", "2026-09-18", "5.5", False, 1),
        T("6.2", "Siebel read-only archive and decommissioning plan (D6)", "Thomas Brandt", "2026-08-25", "2026-09-16", "5.5", False, 1),
        T("6.3", "Adoption coaching for the lowest-adoption teams", "Rachel Grant", "2026-09-01", "2026-09-18", "5.5", False, 1),
        T("6.4", "Hypercare exit (M7)", "Natalie Brooks", "2026-09-18", "2026-09-18", "6.1", True, 1),
        T("7", "Closure", "Marcus Webb"),
        T("7.1", "Operations handover pack prepared and accepted (D7)", "Natalie Brooks", "2026-09-21", "2026-09-25", "6.4", False, 1),
        T("7.2", "Closure report and lessons-learned review", "Marcus Webb", "2026-09-21", "2026-09-25", "6.4", False, 1),
        T("7.3", "Archive project records and close the partner SOW", "Marcus Webb", "2026-09-24", "2026-09-25", "7.1SS+3", False, 1,
          bstart="2026-09-28", bfinish="2026-09-30"),
        T("8", "Project closure approved (M8, Gate 4)", "Dana Lee", "2026-09-30", "2026-09-30", "7.1, 7.2, 7.3", True, 0),
    ]


EN_SCH_REVS = [
    ("1.0", "2026-01-30", "Marcus Webb", "Schedule baseline v1.0 approved at Gate 2 with milestones M1-M8."),
    ("1.1", "2026-04-24", "Marcus Webb", "Task 3.4 added for approved CR-003 (knowledge base migration); no milestone change."),
    ("1.2", "2026-06-26", "Marcus Webb", "Trial load 2 repeated: M4 forecast moved from 2026-06-19 to 2026-06-26; test dates re-planned within float."),
    ("1.3", "2026-08-28", "Marcus Webb", "Go-live on 2026-08-24 recorded; UAT start one week later per CR-004."),
    ("1.4", "2026-09-25", "Marcus Webb", "Status update at closure: all work complete except M8 (Gate 4, 2026-09-30)."),
]


def en_schedule(out: Path, rel: str, variant: str | None = None) -> Output:
    p = EN
    status_date = "2026-09-25"
    tasks = schedule_rows(en_tasks(), status_date, (p["start"], p["end"]))
    rows = schedule_table(tasks, status_date, "en")
    fields = control_fields(p, "en", "Project Schedule (Apollo Integrated Schedule)", "1.4", "Final",
                            as_date("2026-09-25"), "Marcus Webb", "Marcus Webb")
    fields += [("Status Date", as_date(status_date)), ("Schedule Baseline", "v1.0, approved 2026-01-30"),
               ("Calendar", "Monday to Friday; UK, German and Dutch public holidays are non-working for local tasks")]
    wb = xl_workbook("en", "Project Schedule", p, fields, register_signoff("en", "2026-09-25"), EN_SCH_REVS)
    ws = wb.create_sheet("Schedule")
    defects: list[dict] = []
    if variant == "logic_errors":
        by = {r[0]: r for r in rows}
        by["2.2"][5] = "2.1SS+5, 2.4"  # 2.4 already depends on 2.2: a loop
        by["4.2"][4] = "2026-07-02"     # finishes before it starts (2026-07-06)
        by["4.2"][2] = 0
    where = xl_schedule_sheet(ws, "en", "Project Schedule", p,
                              f"Exported from Microsoft Project. Status date {status_date}. Durations in working days; "
                              "predecessors use the WBS code with link type and lag in working days (e.g. 2.1SS+5). "
                              "Summary rows (bold) span their tasks.", rows)
    if variant == "logic_errors":
        defects.append({"rule": "SCH-05", "where": {"sheet": "Schedule", "cell": f"F{where['2.2']}"},
                        "note": "Task 2.2 lists 2.4 as a predecessor, but 2.4 already depends on 2.2: dependency cycle 2.2 → 2.4 → 2.2."})
        defects.append({"rule": "SCH-02", "where": {"sheet": "Schedule", "cell": f"E{where['4.2']}"},
                        "note": "Task 4.2 finishes on 2026-07-02, before it starts on 2026-07-06 (duration shown as 0)."})
        defects.append({"rule": "SCH-07", "where": {"sheet": "Schedule", "cell": f"D{where['2.2']}"},
                        "note": "Consequence: 2.2 now starts before its new finish-to-start predecessor 2.4 finishes.",
                        "secondary": True})
    xl_save(wb, out / rel, p, "Project Schedule - Apollo CRM Migration", "Marcus Webb", "2026-09-25")
    return Output(rel, "SCHEDULE", "en", project_fields(p, IDENTITY), defects)

# EN issue register ---------------------------------------------------------------------------

EN_ISSUE_HEADER = ["Issue ID", "Issue Type", "Date Raised", "Raised By", "Description", "Priority", "Severity", "Owner",
                   "Target Resolution Date", "Status", "Actions", "Resolution", "Closure Date", "Linked Risk", "Linked CR"]
EN_PRIORITIES = ["1 - Critical", "2 - High", "3 - Medium", "4 - Low"]
EN_SEVERITIES = ["Critical", "Major", "Moderate", "Minor"]
P1, P2, P3, P4 = EN_PRIORITIES
# id, type, raised, by, description, priority, severity, owner, target, status, actions, resolution, closed, risk, cr
EN_ISSUES = [
    ("ISS-001", "Problem/Concern", "2026-01-14", "Marcus Webb", "CRM licence order cannot be signed: the group framework agreement needs a regional addendum for the German sales company.",
     P2, "Moderate", "Helen Ortiz", "2026-02-20", "Closed", "Escalated to group IT sourcing on 2026-01-16.", "Addendum signed 2026-02-18; 420 licences contracted on 2026-02-25.", "2026-02-25", "", ""),
    ("ISS-002", "Problem/Concern", "2026-01-26", "Sofia Marin", "The migration team has no read access to the Siebel production database; the DBA team asks for a data-processing approval first.",
     P2, "Moderate", "Thomas Brandt", "2026-02-06", "Closed", "DPO approval requested on 2026-01-27.", "Read-only extract account issued on 2026-02-04 after DPO approval.", "2026-02-04", "R-01", ""),
    ("ISS-003", "Request for Change", "2026-02-05", "Anika Patel", "The design has no field for marketing-consent evidence (source and timestamp) required by UK and EU GDPR.",
     P1, "Major", "Anika Patel", "2026-02-27", "Closed", "Change request CR-001 raised on 2026-02-12.", "CR-001 approved on 2026-02-24; consent fields and audit trail delivered in sprint 1.", "2026-03-06", "R-06", "CR-001"),
    ("ISS-004", "Off-specification", "2026-02-19", "Kenji Watanabe", "The partner's draft data model merges billing and shipping addresses, contrary to design requirement DR-14.",
     P2, "Moderate", "Ian McAllister", "2026-03-06", "Closed", "Raised at the Design Authority on 2026-02-19.", "Data model v0.4 keeps the address types separate; accepted by the Design Authority.", "2026-03-05", "", ""),
    ("ISS-005", "Problem/Concern", "2026-03-02", "Rachel Grant", "Three Sales Operations SMEs are booked on Q1 campaign launches during the week-10 design workshops.",
     P3, "Minor", "Rachel Grant", "2026-03-13", "Closed", "Workshops re-planned with the sales directors.", "Workshops held in week 11 with all three SMEs.", "2026-03-12", "R-03", ""),
    ("ISS-006", "Request for Change", "2026-03-30", "Omar Haddad", "Service agents depend on 2,400 Siebel knowledge articles that are not in the migration scope.",
     P2, "Major", "Omar Haddad", "2026-04-24", "Closed", "Change request CR-003 raised on 2026-04-06.", "CR-003 approved on 2026-04-17; all 2,400 articles migrated by 2026-05-29.", "2026-06-05", "", "CR-003"),
    ("ISS-007", "Problem/Concern", "2026-04-13", "Sofia Marin", "Trial load 1 rejected 3.8% of account records because of invalid country codes in Siebel.",
     P2, "Major", "Sofia Marin", "2026-05-08", "Closed", "Country-code mapping table added; data owners corrected 6,900 records.", "Trial load 2 rejection rate 0.6%.", "2026-05-22", "R-01", ""),
    ("ISS-008", "Problem/Concern", "2026-04-20", "Kenji Watanabe", "A full-copy sandbox refresh takes five days and blocks SIT preparation.",
     P3, "Moderate", "Ian McAllister", "2026-05-15", "Closed", "Partner to propose a seeded partial-copy sandbox.", "Partial-copy sandbox with seeded test data used for SIT from 2026-05-11.", "2026-05-11", "", ""),
    ("ISS-009", "Off-specification", "2026-05-06", "Lena Fischer", "The opportunity forecast converts EUR amounts at the plan rate instead of the monthly corporate rate.",
     P2, "Major", "Ian McAllister", "2026-05-29", "Closed", "Defect logged; fix planned for sprint 5.", "Dated exchange rates enabled with a monthly rate load from SAP; retested.", "2026-05-27", "", ""),
    ("ISS-010", "Problem/Concern", "2026-05-18", "Rachel Grant", "The planned UAT start clashes with the Q2 sales close.",
     P3, "Moderate", "Marcus Webb", "2026-05-22", "Closed", "Change request CR-004 raised on 2026-05-18.", "CR-004 approved on 2026-05-22: UAT starts one week later, exit date unchanged.", "2026-05-22", "R-03", "CR-004"),
    ("ISS-011", "Problem/Concern", "2026-06-01", "Sofia Marin", "Trial load 2 must be repeated: 41,000 duplicate contacts were found after the de-duplication rules were tightened.",
     P2, "Major", "Sofia Marin", "2026-06-19", "Closed", "Repeat load scheduled 2026-06-22 to 2026-06-26; Sponsor informed.", "Repeat load reconciled at 99.71%; build finished on 2026-06-26, 5 working days late, within tolerance.", "2026-06-26", "R-01", ""),
    ("ISS-012", "Request for Change", "2026-06-10", "Kenji Watanabe", "The nightly price-list batch leaves quoted prices up to 24 hours old.",
     P3, "Moderate", "Kenji Watanabe", "2026-06-26", "Closed", "Change request CR-005 raised on 2026-06-15.", "CR-005 deferred on 2026-06-26 to CRM release R2; the batch now runs twice a day.", "2026-06-26", "", "CR-005"),
    ("ISS-013", "Problem/Concern", "2026-06-29", "Lena Fischer", "Single sign-on fails in SIT for German users whose user principal name contains an umlaut.",
     P2, "Major", "Kenji Watanabe", "2026-07-03", "Closed", "Identity team engaged on 2026-06-29.", "UPN normalisation rule added in Azure AD; all 96 German test users can log in.", "2026-07-02", "", ""),
    ("ISS-014", "Off-specification", "2026-07-06", "Lena Fischer", "The case SLA timer counts weekends for the Dutch service queue.",
     P2, "Major", "Ian McAllister", "2026-07-17", "Closed", "Defect logged against the entitlement configuration.", "Business hours set per queue; SLA tests passed on 2026-07-15.", "2026-07-15", "", ""),
    ("ISS-015", "Problem/Concern", "2026-07-13", "Grace Kim", "The Eindhoven training room is not available in week 33.",
     P4, "Minor", "Grace Kim", "2026-07-24", "Closed", "Facilities asked for an alternative.", "Sessions moved to a hotel meeting room at the same cost.", "2026-07-20", "", ""),
    ("ISS-016", "Problem/Concern", "2026-07-20", "Lena Fischer", "Nine severity-2 defects are open at the UAT mid-point review.",
     P1, "Major", "Ian McAllister", "2026-07-29", "Closed", "Daily defect triage with the partner from 2026-07-20.", "All nine fixed and retested by 2026-07-29; UAT exit on 2026-07-31.", "2026-07-29", "", ""),
    ("ISS-017", "Problem/Concern", "2026-08-07", "Kenji Watanabe", "Cutover rehearsal 1 (2026-08-06) overran the runbook by 7 hours in the data-load step.",
     P2, "Major", "Sofia Marin", "2026-08-14", "Closed", "Load jobs parallelised; runbook re-timed.", "Rehearsal 2 on 2026-08-13 finished 2 hours ahead of the runbook.", "2026-08-13", "R-07", ""),
    ("ISS-018", "Problem/Concern", "2026-08-25", "Natalie Brooks", "Email-to-case routing sends German-language e-mails to the UK queue.",
     P1, "Major", "Ian McAllister", "2026-08-26", "Closed", "Hot-fix prepared the same day.", "Language-detection rule corrected; 212 cases re-routed.", "2026-08-25", "", ""),
    ("ISS-019", "Problem/Concern", "2026-08-27", "Rachel Grant", "Weekly active use by field sales is 71% in the first week after go-live.",
     P2, "Moderate", "Rachel Grant", "2026-09-18", "Closed", "Coaching plan started; tracked under risk R-04.", "Weekly active use 86% on 2026-09-18; follow-up continues under R-04 (follow-on action at closure).", "2026-09-18", "R-04", ""),
    ("ISS-020", "Off-specification", "2026-08-31", "Omar Haddad", "The service dashboard shows first-response time in calendar hours, not business hours.",
     P3, "Moderate", "Ian McAllister", "2026-09-10", "Closed", "Fix included in release 1.0.2.", "Release 1.0.2 deployed on 2026-09-10; dashboard verified by Omar Haddad.", "2026-09-10", "", ""),
    ("ISS-021", "Problem/Concern", "2026-09-01", "Helen Ortiz", "The Siebel termination notice needs the vendor contract number, which is missing from the contract register.",
     P3, "Minor", "Thomas Brandt", "2026-09-04", "Closed", "Vendor account manager contacted.", "Contract number obtained; termination notice served on 2026-09-01.", "2026-09-01", "R-08", ""),
    ("ISS-022", "Problem/Concern", "2026-09-07", "Natalie Brooks", "The hypercare ticket backlog is 38, close to the 40-ticket trigger of risk R-10.",
     P2, "Moderate", "Natalie Brooks", "2026-09-18", "Closed", "Both partner support consultants kept until hypercare exit.", "Backlog down to 14 at hypercare exit on 2026-09-18.", "2026-09-18", "R-10", ""),
    ("ISS-023", "Off-specification", "2026-09-18", "Natalie Brooks", "14 open priority-3 defects after hypercare, against a closure target of 10.",
     P3, "Moderate", "Natalie Brooks", "2026-10-16", "Open", "Release 1.0.3 on 2026-09-24 fixes 8; the rest go to the CRM support backlog at closure.", "", "", "", ""),
]
EN_IR_REVS = [
    ("1.0", "2026-01-30", "Marcus Webb", "Issue log opened at Gate 2 (ISS-001)."),
    ("1.1", "2026-04-24", "Marcus Webb", "Monthly update: ISS-002 to ISS-008."),
    ("1.2", "2026-07-31", "Marcus Webb", "Monthly update: ISS-009 to ISS-016."),
    ("1.3", "2026-09-21", "Marcus Webb", "Hypercare exit: ISS-017 to ISS-023; ISS-023 prepared for handover."),
]


def en_issue_register(out: Path, rel: str, variant: str | None = None) -> Output:
    p = EN
    wb = xl_workbook("en", "Issue Log", p,
                     control_fields(p, "en", "Issue Log", "1.3", "Final", as_date("2026-09-21"), "Marcus Webb",
                                    "Marcus Webb"),
                     register_signoff("en", "2026-09-21"), EN_IR_REVS)
    ws = wb.create_sheet("Issues")
    rows = [list(r) for r in EN_ISSUES]
    defects: list[dict] = []
    if variant == "errors":
        i = next(k for k, r in enumerate(rows) if r[0] == "ISS-014")
        rows[i][0] = "ISS-013"  # copy-paste: the SLA-timer issue reuses the SSO issue's ID
        defects.append({"rule": "IR-02", "where": {"sheet": "Issues", "cell": f"A{5 + i}"},
                        "note": "ISS-013 is used twice: the SLA-timer issue in this row was pasted with the ID of the row above (should be ISS-014)."})
        j = next(k for k, r in enumerate(rows) if r[0] == "ISS-023")
        rows[j][7] = ""
        defects.append({"rule": "IR-03", "where": {"sheet": "Issues", "cell": f"H{5 + j}"},
                        "note": "ISS-023 is open but has no owner."})
    xl_register(ws, p, "en", "Issue Log",
                "Priority 1 (Critical) to 4 (Low); severity Critical, Major, Moderate, Minor. Issues that need a baseline change "
                "are raised as change requests (Linked CR). Log reviewed 2026-09-21.",
                EN_ISSUE_HEADER, rows, [10, 17, 12, 15, 50, 12, 11, 15, 13, 9, 40, 44, 12, 9, 9], date_cols={3, 9, 13})
    last = 4 + len(rows)
    add_list_validation(ws, 2, 5, last + 20, ["Problem/Concern", "Off-specification", "Request for Change"])
    add_list_validation(ws, 6, 5, last + 20, EN_PRIORITIES)
    add_list_validation(ws, 7, 5, last + 20, EN_SEVERITIES)
    add_list_validation(ws, 10, 5, last + 20, ["Open", "In progress", "Closed"])
    xl_save(wb, out / rel, p, "Issue Log - Apollo CRM Migration", "Marcus Webb", "2026-09-21")
    return Output(rel, "ISSUE_REGISTER", "en", project_fields(p, IDENTITY), defects)


# EN lessons register -------------------------------------------------------------------------

EN_LESSON_HEADER = ["ID", "Date", "Phase", "Category", "Positive/Negative", "Lesson Description", "Cause", "Impact",
                    "Recommendation/Action", "Owner", "Due Date", "Status", "Related IDs"]
EN_LESSONS = [
    ("LL-01", "2026-01-30", "Initiation", "Commercial", "Negative",
     "The CRM licence order needed a regional addendum to the group framework agreement, found only when the order was raised.",
     "Framework agreement terms were not checked against the countries in scope during business-case preparation.",
     "Licences contracted five weeks after project start; sandbox set-up waited on a trial org.",
     "Add a check of framework-agreement coverage per legal entity to the PMO business-case checklist.", "Helen Ortiz", "2026-10-30", "Open", "ISS-001"),
    ("LL-02", "2026-03-20", "Design", "Stakeholder", "Positive",
     "Signing a UAT attendance window with the three sales directors in March protected SME time in July.",
     "SME availability was agreed in writing with line managers, not only with the SMEs.",
     "UAT exited on the baseline date despite the Q2 sales close.",
     "Use a signed SME availability agreement for every project that needs business testers.", "Priya Raman", "2026-10-30", "Open", "R-03"),
    ("LL-03", "2026-04-24", "Build", "Data", "Negative",
     "Two of three trial loads were spent fixing source data (country codes, duplicates) rather than migration tooling.",
     "Data cleansing started with the build, after the data model was fixed, so source defects surfaced late.",
     "Trial load 2 was repeated and M4 slipped 5 working days (recovered in test).",
     "Start data profiling and cleansing before design; plan a dedicated cleansing sprint in the schedule.", "Sofia Marin", "2026-10-30", "Open", "R-01; ISS-007; ISS-011"),
    ("LL-04", "2026-05-29", "Build", "Governance", "Positive",
     "Small scope changes were decided within a week because the PMP set clear change authority by impact size.",
     "The charter and PMP defined which changes the Project Manager may approve and which go to the Change Control Board.",
     "Seven change requests decided in an average of 8 working days; no unapproved change.",
     "Keep the authority-by-impact table in the PMO charter and PMP templates.", "Priya Raman", "2026-10-30", "Closed", "CR-001 to CR-007"),
    ("LL-05", "2026-07-31", "Test", "Quality", "Negative",
     "Nine severity-2 defects were open at the UAT mid-point, most in entitlement and SLA configuration.",
     "SIT test cases did not cover country-specific business hours and entitlements.",
     "Daily triage for two weeks; UAT exit held only by using partner overtime.",
     "Derive SIT cases from the country-variant matrix and review them with the business owners before SIT.", "Lena Fischer", "2026-10-30", "Open", "ISS-014; ISS-016"),
    ("LL-06", "2026-08-28", "Deployment", "Technical", "Positive",
     "Two full cutover rehearsals let the team re-time the runbook; production cutover finished 6 hours early.",
     "Rehearsals used a full data volume and the real cutover team.",
     "Go-live on the baseline date with no rollback and no lost orders.",
     "Make two full-volume rehearsals mandatory for cutovers longer than 24 hours.", "Kenji Watanabe", "2026-10-30", "Closed", "R-07; ISS-017"),
    ("LL-07", "2026-09-18", "Hypercare", "Stakeholder", "Negative",
     "The adoption dashboard went live 10 days after go-live, so low-adoption teams were found late.",
     "Dashboard build was planned for hypercare instead of before go-live.",
     "Weekly active use was 86% at day 28 against a 90% target; benefit timing delayed.",
     "Measure adoption from go-live day: deliver usage dashboards with the go-live release.", "Rachel Grant", "2026-10-30", "Open", "R-04; ISS-019"),
    ("LL-08", "2026-09-25", "Closure", "Commercial", "Positive",
     "The key-personnel clause in the partner SOW kept the lead architect for the whole project.",
     "The clause required client consent and a paid handover for any change of named staff.",
     "No design knowledge lost; no build rework from staff turnover.",
     "Include a key-personnel clause in all fixed-price implementation contracts.", "Helen Ortiz", "2026-10-30", "Closed", "R-05"),
]
EN_LL_REVS = [
    ("1.0", "2026-03-20", "Marcus Webb", "Register opened; lessons from initiation and design (LL-01, LL-02)."),
    ("1.1", "2026-07-31", "Marcus Webb", "Lessons from build and test added (LL-03 to LL-05)."),
    ("1.2", "2026-09-25", "Marcus Webb", "Lessons from deployment, hypercare and closure added (LL-06 to LL-08); submitted to the PMO lessons library."),
]


def en_lessons(out: Path, rel: str, variant: str | None = None) -> Output:
    p = EN
    wb = xl_workbook("en", "Lessons Learned Register", p,
                     control_fields(p, "en", "Lessons Learned Register", "1.2", "Final", as_date("2026-09-25"),
                                    "Marcus Webb", "Priya Raman"),
                     [("Marcus Webb", "Project Manager", "/s/ Marcus Webb", "2026-09-25"),
                      ("Priya Raman", "Head of PMO", "/s/ Priya Raman", "2026-09-28")], EN_LL_REVS)
    ws = wb.create_sheet("Lessons")
    rows = [list(r) for r in EN_LESSONS]
    defects: list[dict] = []
    if variant == "no_owner":
        i = next(k for k, r in enumerate(rows) if r[0] == "LL-05")
        rows[i][9] = ""
        defects.append({"rule": "LL-02", "where": {"sheet": "Lessons", "cell": f"J{5 + i}"},
                        "note": "LL-05 has a recommendation (derive SIT cases from the country-variant matrix) but nobody owns it."})
    xl_register(ws, p, "en", "Lessons Learned Register",
                "Recorded at each phase end and reviewed at Gate 4. Open = recommendation not yet built into PMO templates or procedures.",
                EN_LESSON_HEADER, rows, [8, 12, 12, 13, 11, 48, 40, 36, 44, 15, 12, 9, 18], date_cols={2, 11})
    last = 4 + len(rows)
    add_list_validation(ws, 3, 5, last + 20, ["Initiation", "Design", "Build", "Test", "Deployment", "Hypercare", "Closure"])
    add_list_validation(ws, 4, 5, last + 20, ["Commercial", "Data", "Governance", "Quality", "Stakeholder", "Technical", "Resource"])
    add_list_validation(ws, 5, 5, last + 20, ["Positive", "Negative"])
    add_list_validation(ws, 12, 5, last + 20, ["Open", "Closed"])
    xl_save(wb, out / rel, p, "Lessons Learned Register - Apollo CRM Migration", "Marcus Webb", "2026-09-25")
    return Output(rel, "LESSONS", "en", project_fields(p, IDENTITY), defects)

# EN business case ----------------------------------------------------------------------------

EN_BC_ANNUAL_BENEFIT = 550_000   # Siebel run cost avoided 410,000 + service-desk efficiency 140,000
EN_BC_ANNUAL_RUN = 240_000       # CRM subscriptions 216,000 + application support 24,000
EN_BC_NET = EN_BC_ANNUAL_BENEFIT - EN_BC_ANNUAL_RUN  # 310,000
DISCOUNT = 0.08
ANNUITY_5 = sum(1 / (1 + DISCOUNT) ** t for t in range(1, 6))


def en_business_case(out: Path, rel: str, variant: str | None = None) -> Output:
    p = EN
    w = WordDoc("en")
    w.properties(title="Business Case - Apollo CRM Migration", author="Marcus Webb", subject=f"{p['name']} ({p['id']})",
                 when="2025-11-20", keywords="business case; BC-2025-117; CRM", category="Business Case")
    w.header_footer(f"{p['name']}  |  {p['id']}  |  Business Case BC-2025-117", f"{p['company']} - Internal")
    w.title("Business Case", p["name"], p["company"])
    doc_control(w, p, "Business Case BC-2025-117", "1.2", "Approved", "2025-11-20", "Marcus Webb", "Dana Lee",
                extra=[("Submitted by", "Dana Lee, Chief Commercial Officer (Sponsor)"),
                       ("Decision body", "Investment Committee, meeting of 2025-12-15")])
    revision_history(w, [
        ("0.1", "2025-10-06", "Marcus Webb", "Outline business case: problem statement and long list of options."),
        ("1.0", "2025-10-27", "Marcus Webb", "Options appraised; costs from the Cobalt Digital Partners and CRM vendor quotes."),
        ("1.1", "2025-11-10", "Marcus Webb", "Finance review (Helen Ortiz): ongoing costs and 5-year appraisal added."),
        ("1.2", "2025-11-20", "Marcus Webb", "Sponsor review: benefit owners and measurement dates confirmed; issued to the Investment Committee."),
    ])
    total_cost = EN_BASELINE_0 + EN_RESERVE
    npv = EN_BC_NET * ANNUITY_5 - total_cost
    roi = (EN_BC_NET * 5 - total_cost) / total_cost
    payback = total_cost / EN_BC_NET

    w.heading("1. Executive Summary", 1)
    w.para(f"{p['company']} asks for {usd(total_cost)} to replace its unsupported Siebel 8.1 CRM with a software-as-a-service "
           "CRM (Sales Cloud and Service Cloud) for 420 users in the UK, Germany and the Netherlands between "
           f"{p['start']} and {p['end']}. The recommended option returns a net saving of {usd(EN_BC_NET)} a year from 2027, "
           f"pays back in {payback:.1f} years and has a five-year net present value of {usd(npv)} at {DISCOUNT:.0%}.")
    w.heading("2. Reasons (Background and Business Need)", 1)
    w.para("Siebel 8.1 left vendor premier support in 2025. It costs USD 410,000 a year to license, host and support, it "
           "cannot be integrated with the e-commerce channel launched in 2025, and the regional sales directors have no "
           "consolidated pipeline view. The project supports strategic objective SO-3 'One view of the customer' of the "
           "Meridian 2025-2028 commercial strategy.")
    w.heading("3. Objectives", 1)
    w.table(["ID", "Objective", "Success criterion", "Target date"], [list(o) for o in EN_OBJECTIVES],
            widths=[1.2, 4.6, 8.4, 2.4])
    w.heading("4. Scope", 1)
    w.para("In scope: Sales Cloud and Service Cloud for the UK, German and Dutch sales companies; migration of active "
           "accounts, contacts, open opportunities and cases from the last 36 months; integrations with SAP S/4HANA and "
           "Azure AD; training; archiving and retirement of Siebel.")
    w.para("Out of scope: the US subsidiary, marketing automation, the dealer portal, an offline mobile app.")
    w.heading("5. Business Options", 1)
    w.table(["Option", "Description", "One-off cost (USD)", "Annual run cost (USD)", "Assessment"], [
        ["0. Do nothing", "Stay on Siebel 8.1 under extended support", "0", "410,000 (rising 8% a year)",
         "Rejected: no vendor fixes after 2026; e-commerce integration impossible"],
        ["1. Do minimum", "Upgrade to the current Siebel release on premise", "780,000", "380,000",
         "Rejected: keeps the cost base and the on-premise skills gap"],
        ["2. Move to SaaS CRM (recommended)", "Sales Cloud and Service Cloud with an implementation partner", f"{total_cost:,.0f}",
         f"{EN_BC_ANNUAL_RUN:,.0f}", "Recommended: lowest five-year cost, meets all objectives"],
        ["3. Build on the ERP customer module", "Extend SAP S/4HANA customer management", "1,650,000", "290,000",
         "Rejected: poor service-case functions, longest delivery (18 months)"],
    ], widths=[3.2, 4.6, 2.6, 2.8, 3.4], font_size=9)
    w.para("Recommended option: option 2, because it is the only option that meets all five objectives within the "
           "2026-10-31 Siebel renewal date and has the lowest five-year total cost of ownership.")
    w.heading("6. Expected Benefits", 1)
    w.table(["Benefit", "Measure (unit)", "Baseline", "Target", "Measured by", "Owner"], [
        ["Siebel run cost avoided", "USD a year", "410,000", "0 (Siebel retired)", "2027-03-31, then yearly", "Thomas Brandt"],
        ["Service-desk efficiency", "USD a year (agent hours saved x rate)", "0", "140,000", "2027-03-31, then yearly", "Omar Haddad"],
        ["Faster first response to service cases", "Hours, average", "9.5", "4.0", "2026-09-18, then quarterly", "Omar Haddad"],
        ["Adoption of one customer record", "% weekly active users", "0", "90", "30 days after go-live", "Rachel Grant"],
    ], widths=[3.8, 3.6, 1.8, 2.4, 3.0, 2.0], font_size=9)
    w.para("Financial benefits total USD 550,000 a year from 2027; the non-financial benefits support the pipeline-"
           "visibility goal of SO-3. Benefit tolerance: ±10% of each annual financial target.")
    w.heading("7. Expected Dis-benefits", 1)
    w.para("Lower sales productivity for about four weeks after go-live while users learn the new system (estimated at "
           "2% of field sales time), and the loss of Siebel custom reports that the new CRM will not reproduce.")
    w.heading("8. Timescale", 1)
    w.para(p["start"], label="Project start date: ")
    w.para(p["end"], label="Project end date: ")
    w.para("Benefit realisation period: 2026-10-01 to 2031-12-31. Benefit reviews on 2027-03-31 and yearly after that, "
           "owned by the Sponsor.")
    w.heading("9. Costs", 1)
    w.para("One-off project costs (2026) and ongoing operating costs (from 2027), in USD:")
    rows = [[n, f"{a:,.0f}", "One-off"] for n, a in EN_COST]
    rows.append(["Management reserve (held by the Sponsor)", f"{EN_RESERVE:,.0f}", "One-off"])
    rows.append(["Total one-off project cost", f"{total_cost:,.0f}", ""])
    rows.append(["CRM subscriptions from year 2 (420 users)", "216,000", "Ongoing, a year"])
    rows.append(["Application support (CRM support team uplift)", "24,000", "Ongoing, a year"])
    rows.append(["Total ongoing operating cost", f"{EN_BC_ANNUAL_RUN:,.0f}", "Ongoing, a year"])
    w.table(["Cost item", "Amount (USD)", "Type"], rows, widths=[10.6, 3.0, 3.0])
    w.para("Estimate accuracy: ±15% (budget estimate based on the partner's fixed-price quote and vendor list prices).")
    w.heading("10. Funding", 1)
    funded = total_cost if variant != "funding_gap" else 1_000_000
    t = w.table(["Funding source", "Amount (USD)"], [
        ["FY2026 IT capital plan (project cost, including reserve)", f"{funded:,.0f}"],
        ["Total funding for the project", f"{funded:,.0f}"],
    ], widths=[12.6, 4.0])
    w.para("Ongoing operating costs from 2027 are funded from the Sales and Service operating budgets, which fall by the "
           "Siebel run cost of USD 410,000 a year.")
    if variant == "funding_gap":
        w.defect("BC-07", {"table": t, "row": 2, "col": 1},
                 f"Funding totals USD 1,000,000 but the one-off project cost is {usd(total_cost)}: funding does not cover cost.")
    w.heading("11. Investment Appraisal", 1)
    w.table(["Measure", "Value"], [
        ["Total one-off investment", usd(total_cost)],
        ["Net annual benefit (USD 550,000 benefits - USD 240,000 ongoing costs)", usd(EN_BC_NET)],
        ["Simple payback (investment / net annual benefit)", f"{payback:.1f} years"],
        ["Five-year return on investment ((5 x net benefit - investment) / investment)", f"{roi:.1%}"],
        [f"Net present value, 5 years, {DISCOUNT:.0%} discount rate", usd(npv)],
    ], widths=[11.6, 5.0])
    w.heading("12. Major Risks", 1)
    w.table(["Risk", "Response"], [
        ["Poor legacy data quality may make the final load fail reconciliation", "Reduce: three trial loads; data owners sign off cleansed extracts"],
        ["The SAP order-status interface may not sustain month-end volumes", "Reduce: load test at twice peak volume; batch fallback"],
        ["Sales SMEs may not be available for UAT", "Reduce: written UAT window agreed with the sales directors"],
        ["Field sales adoption may stay low after go-live", "Reduce: role-based training, floor-walkers, adoption dashboard"],
    ], widths=[8.6, 8.0])
    w.heading("13. Procurement / Sourcing Option", 1)
    w.para("Implementation partner under a fixed-price statement of work after a competitive tender (three bidders); CRM "
           "subscriptions under the existing group framework agreement.")
    w.heading("14. Key Stakeholders", 1)
    w.para("Dana Lee (Sponsor), Thomas Brandt (CIO), Rachel Grant and Omar Haddad (business owners), Helen Ortiz (Finance), "
           "Priya Raman (PMO).")
    w.heading("15. Approvals", 1)
    w.approvals_table([
        ("Dana Lee", "Project Sponsor; Chief Commercial Officer", "/s/ Dana Lee", "2025-11-20"),
        ("Thomas Brandt", "Chief Information Officer", "/s/ Thomas Brandt", "2025-11-20"),
        ("Helen Ortiz", "Finance Business Partner", "/s/ Helen Ortiz", "2025-11-20"),
        ("Robert Hale", "Chief Financial Officer; Investment Committee chair", "/s/ Robert Hale", "2025-12-15"),
    ])
    w.save(out / rel)
    return Output(rel, "INIT_REQUEST_BC", "en", project_fields(p), w.defects)


# EN scope statement --------------------------------------------------------------------------

EN_ACCEPTANCE = {
    "D1": "Functional and technical design, data model and 2 integration specifications approved by the Design Authority with no open major comment",
    "D2": "At least 98% of 612 UAT test cases passed; no open severity-1 or severity-2 defect; 12 dashboards reconciled to source reports",
    "D3": "Order-status change visible in the CRM within 15 minutes; load test passed at 10,000 messages an hour; 100% of users sign on through Azure AD",
    "D4": "At least 99.5% of active accounts and contacts reconciled field by field; reconciliation report signed by the data owners",
    "D5": "420 named users trained (attendance records); at least 90% pass the role assessment",
    "D6": "Siebel data archived and retrievable within 2 working days on request; decommissioning plan approved by the CIO",
    "D7": "Runbooks, support model and known-error log accepted by the CRM support lead; 90-day partner warranty in place",
}


def en_scope_statement(out: Path, rel: str) -> Output:
    p = EN
    w = WordDoc("en")
    w.properties(title="Project Scope Statement - Apollo CRM Migration", author="Marcus Webb",
                 subject=f"{p['name']} ({p['id']})", when="2026-04-17", keywords="scope statement; scope baseline",
                 category="Scope Statement")
    w.header_footer(f"{p['name']}  |  {p['id']}  |  Project Scope Statement", f"{p['company']} - Internal")
    w.title("Project Scope Statement", p["name"], p["company"])
    doc_control(w, p, "Project Scope Statement", "1.1", "Approved", "2026-04-17", "Marcus Webb", "Marcus Webb",
                extra=[("Prepared by", "Marcus Webb"), ("Reviewed by", "Priya Raman")])
    revision_history(w, [
        ("0.1", "2026-01-19", "Marcus Webb", "First draft from the charter boundaries and the partner SOW."),
        ("1.0", "2026-01-30", "Marcus Webb", "Approved at Gate 2 as scope baseline v1.0."),
        ("1.1", "2026-04-17", "Marcus Webb", "Approved CR-003 added: migration of 2,400 service knowledge articles (scope baseline v1.1)."),
    ])
    w.heading("1. Project Background & Purpose", 1)
    w.para("Meridian's Siebel 8.1 CRM is out of premier support, expensive to run and cannot be integrated with the "
           "e-commerce channel. Business case BC-2025-117 v1.2 and the project charter of 2026-01-05 authorise its "
           "replacement by a SaaS CRM for sales and service in the UK, Germany and the Netherlands.")
    w.heading("2. Project Objectives", 1)
    w.table(["ID", "Objective", "Success criterion", "Target date"], [list(o) for o in EN_OBJECTIVES],
            widths=[1.2, 4.6, 8.4, 2.4])
    w.heading("3. Product Scope Description", 1)
    w.para("A configured Sales Cloud and Service Cloud production org for 420 named users: account and contact "
           "management with duplicate prevention, opportunity management with stage-based forecasting in GBP and EUR "
           "reported in USD, case management with email-to-case, entitlement SLAs and a knowledge base of 2,400 migrated "
           "articles, order status from SAP S/4HANA, single sign-on through Azure AD and 12 standard dashboards.")
    w.heading("4. Project Deliverables", 1)
    w.para("Each deliverable is accepted in writing by the named acceptor on form PMO-F07.")
    w.heading("5. Acceptance Criteria", 1)
    w.table(["ID", "Deliverable", "Acceptance criteria (measurable)", "Accepted by"],
            [[d[0], d[1], EN_ACCEPTANCE[d[0]], d[2]] for d in EN_DELIVERABLES], widths=[1.0, 5.4, 7.6, 2.6], font_size=9)
    w.heading("6. Project Exclusions", 1)
    w.bullets([
        "The US subsidiary, which keeps its own CRM.",
        "Marketing automation and campaign management.",
        "The dealer portal and an offline mobile app (CR-002 rejected; Phase 2 backlog).",
        "Any change to SAP S/4HANA beyond the agreed order-status and customer-master interfaces.",
        "Migration of Siebel attachments older than seven years, which stay in the read-only archive.",
    ])
    w.heading("7. Constraints", 1)
    w.bullets([
        f"Authorised budget {usd(p['budget'])}, including a management reserve of {usd(EN_RESERVE)}.",
        "Siebel must be decommissioned before its support renewal on 2026-10-31.",
        "No production releases in the last 5 working days of a sales quarter.",
        "Works councils in Germany and the Netherlands must be consulted on any user-monitoring feature.",
    ])
    w.heading("8. Assumptions", 1)
    w.bullets([
        "CRM licences for 420 users are contracted by 2026-02-27.",
        "Each sales company releases one data-cleansing analyst for 2 days a week from March to July.",
        "The implementation partner keeps its named lead architect for the duration of the SOW.",
    ])
    w.heading("9. Milestones", 1)
    w.table(["ID", "Milestone", "Target date"], [[m[0], m[1], m[2]] for m in EN_MILESTONES], widths=[1.2, 11.4, 4.0])
    w.heading("10. WBS Reference", 1)
    w.para("The work breakdown structure (7 phases, 46 work packages) and its dictionary are held with the Apollo "
           "Integrated Schedule v1.1; each deliverable above maps to one WBS branch.")
    w.heading("11. Approval", 1)
    w.approvals_table([
        ("Dana Lee", "Project Sponsor; Chief Commercial Officer", "/s/ Dana Lee", "2026-04-17"),
        ("Rachel Grant", "Business owner (Sales)", "/s/ Rachel Grant", "2026-04-17"),
        ("Omar Haddad", "Business owner (Service)", "/s/ Omar Haddad", "2026-04-17"),
        ("Marcus Webb", "Project Manager", "/s/ Marcus Webb", "2026-04-17"),
    ])
    w.save(out / rel)
    return Output(rel, "SCOPE_STATEMENT", "en", project_fields(p, IDENTITY + ("budget",)), w.defects)

# EN cost management plan ---------------------------------------------------------------------

# category -> [(line item, amount, basis of estimate)]; subtotals equal en_cost_after_changes()
EN_COST_LINES = [
    ("Implementation partner services", [
        ("Design, build, test and hypercare (fixed-price SOW)", 540_000, "Signed SOW with Cobalt Digital Partners, 2025-12-22"),
        ("CR-001 GDPR consent fields and audit trail", 8_000, "Partner quote Q-0212, approved 2026-02-24"),
        ("CR-003 knowledge base migration (2,400 articles)", 24_000, "Partner quote Q-0406, approved 2026-04-17")]),
    ("Internal staff backfill", [
        ("Sales Operations backfill, 2 contractors x 8 months", 96_000, "Agency rate card 2026, USD 6,000 a month"),
        ("Service backfill, 1 contractor x 8 months", 48_000, "Agency rate card 2026, USD 6,000 a month"),
        ("IT backfill, 1 contractor x 6 months", 36_000, "Agency rate card 2026, USD 6,000 a month")]),
    ("CRM subscriptions, year 1", [
        ("Sales Cloud Enterprise, 240 users x USD 540", 129_600, "Group framework agreement price list 2026"),
        ("Service Cloud Enterprise, 180 users x USD 480", 86_400, "Group framework agreement price list 2026")]),
    ("Data migration and reconciliation tooling", [
        ("ETL tool licence, 9 months", 27_000, "Vendor quote, 2025-11-03"),
        ("Duplicate-matching and reconciliation tool", 15_000, "Vendor quote, 2025-11-03"),
        ("Address validation service (184,000 accounts)", 6_000, "Per-record price x volume")]),
    ("Training and organisational change management", [
        ("Trainer days, 60 days x USD 650", 39_000, "Partner rate card"),
        ("E-learning modules and quick-reference guides", 15_000, "Partner fixed quote"),
        ("Trainer travel to Germany and the Netherlands", 12_000, "Travel policy rates, 8 trips")]),
    ("Integration middleware and test environments", [
        ("Middleware licence uplift (one year)", 45_000, "Vendor quote, 2025-11-17"),
        ("Full-copy sandbox for SIT and UAT", 25_000, "Group framework agreement price list 2026"),
        ("Contingency reserve for risk R-02 (batch fallback and tuning)", 20_000, "Expected monetary value: 50% x USD 40,000")]),
]
# quarterly phasing of each category (Q1, Q2, Q3 2026)
EN_PHASING = [(171_600, 228_800, 171_600), (60_000, 60_000, 60_000), (216_000, 0, 0), (12_000, 30_000, 6_000),
              (6_000, 24_000, 36_000), (30_000, 42_000, 18_000)]
EN_CONTINGENCY = 20_000


def en_cost_plan(out: Path, rel: str, variant: str | None = None) -> Output:
    p = EN
    cats = en_cost_after_changes()
    for (name, amount), (_, lines), phase in zip(cats, EN_COST_LINES, EN_PHASING):
        assert sum(a for _, a, _ in lines) == amount == sum(phase), name
    w = WordDoc("en")
    w.properties(title="Cost Management Plan - Apollo CRM Migration", author="Marcus Webb",
                 subject=f"{p['name']} ({p['id']})", when="2026-04-22", keywords="cost plan; cost baseline; budget",
                 category="Cost Management Plan")
    w.header_footer(f"{p['name']}  |  {p['id']}  |  Cost Management Plan", f"{p['company']} - Internal")
    w.title("Cost Management Plan", p["name"], p["company"])
    doc_control(w, p, "Cost Management Plan", "1.2", "Approved", "2026-04-22", "Marcus Webb", "Helen Ortiz")
    revision_history(w, [
        ("1.0", "2026-01-30", "Marcus Webb", "Cost baseline v1.0 (USD 1,140,000) approved at Gate 2."),
        ("1.1", "2026-02-27", "Marcus Webb", "CR-001: +USD 8,000 from the management reserve (cost baseline v1.1)."),
        ("1.2", "2026-04-22", "Marcus Webb", "CR-003: +USD 24,000 from the management reserve (cost baseline v1.2)."),
    ])
    w.heading("1. Purpose and Scope", 1)
    w.para("This plan sets out how the costs of Project Apollo are estimated, budgeted, phased and controlled. It is a "
           "subsidiary plan of the Project Management Plan v1.2 and holds the cost baseline v1.2.")
    w.heading("2. Units of Measure, Precision and Accuracy", 1)
    w.bullets([
        "Currency and unit: US dollars (USD), excluding recoverable VAT; GBP and EUR invoices are converted at the monthly corporate rate.",
        "Precision: estimates are rounded to the nearest USD 100; reports show whole dollars.",
        "Accuracy of the cost baseline: -5% / +10% (definitive estimate, based on signed contracts and quotes).",
    ])
    w.heading("3. Cost Items and Basis of Estimate", 1)
    w.para("Line items by cost category. Subtotals are the category amounts of the cost baseline.")
    rows: list[list[str]] = []
    sub_rows: list[int] = []
    bad_line = None
    for (cat, amount), (_, lines) in zip(cats, EN_COST_LINES):
        for item, a, basis in lines:
            shown = a
            if variant == "sum_error" and item.startswith("Full-copy sandbox"):
                shown = 52_000  # transposed digits: 25,000 typed as 52,000
                bad_line = len(rows) + 1
            rows.append([cat, item, f"{shown:,.0f}", basis])
        rows.append([cat, f"Subtotal: {cat}", f"{amount:,.0f}", ""])
        sub_rows.append(len(rows))
    rows.append(["", "Cost baseline v1.2 (total of the subtotals)", f"{EN_BASELINE:,.0f}", ""])
    t = w.table(["Cost category", "Cost item", "Amount (USD)", "Basis of estimate"], rows,
                widths=[3.6, 6.2, 2.4, 4.4], bold_last_row=True, font_size=8.5)
    if variant == "sum_error":
        sub = next(r for r in sub_rows if r > bad_line)
        w.defect("COST-02", {"table": t, "row": sub, "col": 2},
                 f"Integration middleware line items add up to USD 117,000 (45,000 + 52,000 + 20,000) but the subtotal says "
                 f"USD 90,000: the sandbox line (row {bad_line}) was typed as 52,000 instead of 25,000.")
    w.heading("4. Contingency Reserve", 1)
    w.para(f"The cost baseline includes a contingency reserve of {usd(EN_CONTINGENCY)} for identified risk R-02 (SAP "
           "interface throughput), sized on its expected monetary value in the risk register. It is controlled by the "
           "Project Manager and released only when the risk's trigger occurs.")
    w.heading("5. Budget at Completion and Total Budget", 1)
    w.table(["Component", "Amount (USD)"], [
        ["Work-package estimates", f"{EN_BASELINE - EN_CONTINGENCY:,.0f}"],
        ["Contingency reserve (within the cost baseline)", f"{EN_CONTINGENCY:,.0f}"],
        ["Cost baseline v1.2", f"{EN_BASELINE:,.0f}"],
        ["Management reserve (USD 60,000 less USD 32,000 released for CR-001 and CR-003)", f"{EN['budget'] - EN_BASELINE:,.0f}"],
        ["Total authorised budget", f"{EN['budget']:,.0f}"],
    ], widths=[12.6, 4.0], bold_last_row=True)
    w.para(usd(p["budget"]), label="Total budget: ")
    w.heading("6. Time-phased Budget", 1)
    w.para("Planned spend by quarter (2026). The management reserve is not allocated to work; it is phased in the last "
           "quarter for funding purposes only.")
    rows = []
    for (cat, amount), phase in zip(cats, EN_PHASING):
        rows.append([cat] + [f"{v:,.0f}" for v in phase] + [f"{amount:,.0f}"])
    q = [sum(ph[i] for ph in EN_PHASING) for i in range(3)]
    rows.append(["Cost baseline v1.2"] + [f"{v:,.0f}" for v in q] + [f"{EN_BASELINE:,.0f}"])
    mr = EN["budget"] - EN_BASELINE
    rows.append(["Management reserve", "0", "0", f"{mr:,.0f}", f"{mr:,.0f}"])
    rows.append(["Total budget", f"{q[0]:,.0f}", f"{q[1]:,.0f}", f"{q[2] + mr:,.0f}", f"{EN['budget']:,.0f}"])
    w.table(["Cost category (USD)", "Q1 2026", "Q2 2026", "Q3 2026", "Total"], rows,
            widths=[6.6, 2.5, 2.5, 2.5, 2.5], bold_last_row=True, font_size=9)
    w.heading("7. Control Thresholds", 1)
    w.bullets([
        "Project level: a forecast variance of more than ±5% of the cost baseline is escalated to the Sponsor within 2 working days.",
        "Category level: a variance of more than 5% or USD 10,000 (whichever is lower) is explained in the monthly cost report.",
        "Any draw on the management reserve needs an approved change request (Change Control Board).",
    ])
    w.heading("8. Performance Measurement Rules", 1)
    w.para("Earned value is measured monthly at work-package level: 0/100 for work packages under four weeks, milestone "
           "weights for partner deliverables (payments on acceptance of D1-D7). CPI and SPI below 0.95 trigger a review.")
    w.heading("9. Reporting Formats and Funding", 1)
    w.para("Finance (Helen Ortiz) issues the cost report by the 5th working day of each month; the status report shows "
           "BAC, AC, ETC, EAC and VAC. Funding: FY2026 IT capital plan.")
    w.heading("10. Approval", 1)
    w.approvals_table([
        ("Dana Lee", "Project Sponsor; Chief Commercial Officer", "/s/ Dana Lee", "2026-04-23"),
        ("Helen Ortiz", "Finance Business Partner", "/s/ Helen Ortiz", "2026-04-22"),
        ("Marcus Webb", "Project Manager", "/s/ Marcus Webb", "2026-04-22"),
    ])
    w.save(out / rel)
    return Output(rel, "COST_PLAN", "en", project_fields(p, IDENTITY + ("budget",)), w.defects)


# EN change request ---------------------------------------------------------------------------

def en_change_request(out: Path, rel: str) -> Output:
    p = EN
    cr = next(c for c in EN_CHANGES if c[0] == "CR-003")
    w = WordDoc("en")
    w.properties(title="Change Request CR-003 - Apollo CRM Migration", author="Marcus Webb",
                 subject=f"{p['name']} ({p['id']})", when="2026-06-05", keywords="change request; CR-003",
                 category="Change Request")
    w.header_footer(f"{p['name']}  |  {p['id']}  |  Change Request {cr[0]}", f"{p['company']} - Internal")
    w.title("Change Request", f"{cr[0]}: knowledge base migration", p["company"])
    doc_control(w, p, f"Change Request {cr[0]}", "1.2", "Final", "2026-06-05", "Marcus Webb", "Marcus Webb")
    revision_history(w, [
        ("0.1", "2026-04-06", "Omar Haddad", "Request submitted."),
        ("1.0", "2026-04-13", "Marcus Webb", "Impact analysis and recommendation added for the Change Control Board."),
        ("1.1", "2026-04-17", "Marcus Webb", "CCB decision recorded; requester notified."),
        ("1.2", "2026-06-05", "Marcus Webb", "Implementation verified; request closed."),
    ])
    w.heading("1. Request", 1)
    w.kv_table([("CR ID", cr[0]), ("Title", "Migrate the Siebel service knowledge base"), ("Category", "Scope"),
                ("Requested By", f"{cr[3]}, Customer Service Director"), ("Date Submitted", cr[4]),
                ("Related issue", "ISS-006")])
    w.heading("2. Description of Change", 1)
    w.para(cr[2] + " Articles are migrated with their categories, attachments and the last two versions; obsolete "
           "articles (not viewed since 2024) are archived, not migrated.")
    w.heading("3. Reason for Change", 1)
    w.para("Service agents answer about 60% of cases with a knowledge article. Without the articles in the new console, "
           "agents would switch to the read-only Siebel archive, which would put objective O4 (first response of 4.0 "
           "hours or less) at risk and keep Siebel licences in use after go-live.")
    w.heading("4. Impact Analysis", 1)
    w.kv_table([
        ("Scope", "Adds migration of 2,400 knowledge articles to deliverable D2; no other deliverable changes."),
        ("Schedule", "0 days: absorbed within build-phase float (new task 3.4, 2026-04-20 to 2026-05-29); no milestone moves."),
        ("Cost", "USD 24,000 (partner quote Q-0406), drawn from the management reserve (USD 52,000 available)."),
        ("Quality", "60 additional UAT test cases for article search and linking; acceptance criteria of D2 unchanged."),
        ("Resources", "Service SME 0.2 FTE for 4 weeks to review migrated articles; partner effort within the quote."),
        ("Risk", "Reduces the risk to objective O4; no new risk above Low."),
        ("Project documents/baselines", "Scope statement and scope baseline v1.1; cost baseline v1.2; PMP v1.2; integrated schedule v1.1; UAT test plan."),
    ])
    w.heading("5. Alternatives", 1)
    w.bullets([
        "Service team re-creates the articles by hand: about 640 internal hours over 12 weeks; rejected as slower and error-prone.",
        "Keep articles only in the Siebel read-only archive: rejected, it would keep Siebel in daily use after go-live.",
        "Do nothing: agents without articles; first-response objective at risk.",
    ])
    w.heading("6. Recommendation", 1)
    w.para("The Project Manager recommends approval: the change protects objective O4 at a cost within the management "
           "reserve and with no schedule impact.")
    w.heading("7. Decision", 1)
    w.kv_table([
        ("Disposition", cr[6]),
        ("Justification of Approval/Rejection/Deferral", "Needed to meet objective O4 and to retire Siebel on time; cost within the reserve; no milestone impact."),
        ("Approver", f"{cr[8]}, Project Sponsor and chair of the Change Control Board"),
        ("Decision Date", cr[7]),
        ("CCB Meeting Ref", "CCB-2026-04, minutes of 2026-04-17"),
    ])
    w.heading("8. Implementation Plan", 1)
    w.kv_table([
        ("Owner", "Sofia Marin, Data Migration Lead"),
        ("Implementation Date", "2026-04-20"),
        ("Target Date", "2026-05-29"),
        ("Baselines and documents updated", "Scope baseline v1.1 (2026-04-17); cost baseline v1.2 and PMP v1.2 (2026-04-22); change log v1.1 (2026-04-24)."),
    ])
    w.heading("9. Notification to Requester", 1)
    w.para("Decision e-mailed to Omar Haddad on 2026-04-17 and recorded in change log v1.1.")
    w.heading("10. Verification", 1)
    w.para("Verified on 2026-06-05 by Omar Haddad: all 2,400 articles present; a sample of 120 checked with no defect. "
           "Change closed.")
    w.heading("Approvals", 1)
    w.approvals_table([
        ("Dana Lee", "Project Sponsor; CCB chair (closure of the change)", "/s/ Dana Lee", "2026-06-05"),
        ("Marcus Webb", "Project Manager", "/s/ Marcus Webb", "2026-06-05"),
    ])
    w.save(out / rel)
    return Output(rel, "CHANGE_REQUEST", "en", project_fields(p, IDENTITY), w.defects)

# ZH 立项申请书 -------------------------------------------------------------------------------

ZH_BC_BENEFIT = 108.00  # 盘点差异损失 38 + 临时用工 58 + 单据及对账 12（万元/年）
ZH_BC_RUN = 12.00       # 维保 8 + 网络及设备维护 4（万元/年）
ZH_BC_NET = round(ZH_BC_BENEFIT - ZH_BC_RUN, 2)  # 96


def zh_business_case(out: Path, rel: str) -> Output:
    p = ZH
    w = WordDoc("zh", heading_mode="bold")
    w.properties(title="立项申请书-智慧仓储管理系统建设项目", author="李明轩", subject=f"{p['name']}（{p['id']}）",
                 when="2025-12-15", keywords="立项申请书；WMS；商业论证", category="立项申请书")
    w.header_footer(f"{p['name']}    项目编号：{p['id']}    立项申请书", f"{p['company']}  内部资料")
    w.title("立项申请书", p["name"], p["company"])
    doc_control(w, p, "立项申请书", "V1.0", "已批准", "2025-12-15", "李明轩", "王建国",
                extra=[("申请部门", "信息中心"), ("申请人", "周海涛（信息中心主任）")])
    revision_history(w, [
        ("V0.1", "2025-11-17", "李明轩", "编制初稿：现状问题、建设目标及建设内容。"),
        ("V0.2", "2025-12-01", "李明轩", "补充方案比选、投资估算及供应商询价结果。"),
        ("V1.0", "2025-12-15", "李明轩", "经财务部（孙丽华）复核效益测算，提交PMO评估及项目评审委员会评审。"),
    ])
    total = ZH_BASELINE_0 + ZH_RESERVE
    npv = ZH_BC_NET * ANNUITY_5 - total
    roi = (ZH_BC_NET * 5 - total) / total
    payback = total / ZH_BC_NET

    w.heading("一、项目概述", 1)
    w.para(f"信息中心申请建设覆盖原材料库和成品库的仓储管理系统（WMS），项目总投资{total:.0f}万元，实施周期为"
           f"{cn_date(p['start'])}至{cn_date(p['end'])}。项目建成后预计每年净节约{ZH_BC_NET:.0f}万元，静态投资回收期"
           f"{payback:.1f}年。")
    w.heading("二、立项背景与必要性", 1)
    w.para("两个仓库（合计约16,000平方米）仍以纸质单据和Excel台账管理，2025年年度盘点账实差异率4.8%，人均拣货每小时45行，"
           "旺季发货延误率3.2%，无法满足主要客户对交付时效和批次追溯的要求。本项目是公司《2025—2027年数字化转型规划》"
           "中“智能仓储”重点任务（编号DT-2025-04）的落地项目。")
    w.heading("三、项目目标", 1)
    w.table(["序号", "目标", "成功标准（可测量）", "完成时间"], [list(o) for o in ZH_OBJECTIVES], widths=[1.2, 2.4, 10.2, 2.8])
    w.heading("四、项目范围", 1)
    w.para("建设内容：原材料库和成品库WMS系统（管理端、PDA端）；PDA、条码打印机、无线网络等配套硬件；与ERP系统的入库、"
           "出库、库存接口；初始化数据及上线前盘点；用户培训和运维移交。")
    w.para("不包括：半成品线边库、AGV自动搬运设备、电子标签拣选系统、ERP系统本身的改造及常州分仓推广。")
    w.heading("五、方案比选", 1)
    w.table(["方案", "内容", "一次性投资（万元）", "年运维费用（万元）", "结论"], [
        ["方案一：维持现状", "继续使用纸质单据和Excel台账", "0", "0", "不采纳：差异损失和临时用工成本持续发生"],
        ["方案二：ERP仓储模块扩展", "启用SAP ECC仓储管理模块并二次开发", "420", "20", "不采纳：投资高，PDA作业支持弱"],
        ["方案三：采购成熟WMS产品并实施（推荐）", "采购WMS软件及PDA等硬件，由供应商实施", wan(total), wan(ZH_BC_RUN),
         "推荐：投资适中，满足全部目标"],
    ], widths=[3.6, 4.6, 2.6, 2.4, 3.4], font_size=9)
    w.para("推荐方案三，理由：五年总成本最低，能在2026年9月底前上线，并可满足批次追溯和实时库存的全部要求。")
    w.heading("六、预期效益", 1)
    w.table(["效益指标", "计量单位", "现状（基线）", "目标值", "衡量时间", "责任人"], [
        ["盘点差异损失减少", "万元/年", "0", "38", "2027年4月30日", "孙丽华"],
        ["减少临时用工8人", "万元/年", "0", "58", "2027年1月31日", "赵志刚"],
        ["纸质单据、打印及人工对账节约", "万元/年", "0", "12", "2027年4月30日", "孙丽华"],
        ["库存准确率", "%", "95.2", "99.5", "2026年10月16日", "赵志刚"],
        ["发货延误率", "%", "3.2", "1.0", "每季度", "赵志刚"],
    ], widths=[4.0, 2.0, 2.2, 1.8, 3.6, 2.0], font_size=9)
    w.para(f"财务效益合计{ZH_BC_BENEFIT:.0f}万元/年，其中盘点差异损失和人工成本合计96万元/年；效益容差为各项目标值的±10%。")
    w.heading("七、负面影响", 1)
    w.para("上线初期一线操作员需适应PDA作业，预计首月拣货效率下降约10%；切换周末需暂停发货一天。")
    w.heading("八、实施周期", 1)
    w.para(cn_date(p["start"]), label="项目开始时间：")
    w.para(cn_date(p["end"]), label="项目结束时间：")
    w.para("效益实现期：2026年11月至2031年10月；项目后效益评估于2027年4月30日进行。")
    w.heading("九、投资估算", 1)
    rows = [[str(i), n, wan(a), "一次性"] for i, (n, a, _) in enumerate(ZH_COST, 1)]
    rows.append([str(len(ZH_COST) + 1), "管理储备", wan(ZH_RESERVE), "一次性"])
    rows.append(["", "一次性投资合计", wan(total), ""])
    rows.append(["", "年运维费用（维保8.00、网络及设备维护4.00，第二年起）", wan(ZH_BC_RUN), "每年"])
    w.table(["序号", "费用类别", "金额（万元）", "性质"], rows, widths=[1.2, 9.4, 3.0, 3.0])
    w.para("估算精度：±10%（依据三家供应商询价及硬件报价，可行性研究深度）。")
    w.heading("十、资金来源", 1)
    w.table(["资金来源", "金额（万元）"], [["公司2026年度信息化专项预算", wan(total)], ["合计", wan(total)]], widths=[12.6, 4.0])
    w.para("第二年起的运维费用列入信息中心年度运维预算。")
    w.heading("十一、投资回报分析", 1)
    w.table(["指标", "数值"], [
        ["一次性投资", f"{total:.2f}万元"],
        [f"年净效益（效益{ZH_BC_BENEFIT:.0f}万元－运维{ZH_BC_RUN:.0f}万元）", f"{ZH_BC_NET:.2f}万元"],
        ["静态投资回收期（投资÷年净效益）", f"{payback:.1f}年"],
        ["五年投资回报率（（5×年净效益－投资）÷投资）", f"{roi:.1%}"],
        [f"五年净现值（折现率{DISCOUNT:.0%}）", f"{npv:.2f}万元"],
    ], widths=[11.6, 5.0])
    w.heading("十二、主要风险及应对措施", 1)
    w.table(["风险", "应对措施"], [
        ["库存台账与实物差异大，初始化数据可能不准确", "上线前组织两次全面盘点，初始化数据双人复核"],
        ["ERP接口由集团信息部管控，联调排期可能冲突", "提前锁定联调窗口，接口规格双方签字确认"],
        ["一线操作员对PDA作业接受度不高", "分批培训，培养“超级用户”，上线首月驻场支持"],
    ], widths=[8.6, 8.0])
    w.heading("十三、采购方式", 1)
    w.para("WMS软件及实施服务采用邀请招标（三家供应商）；硬件设备公开询价、三家比价。")
    w.heading("十四、审批意见", 1)
    w.approvals_table([
        ("周海涛", "申请部门负责人、信息中心主任", "已签", "2025-12-15"),
        ("孙丽华", "财务部成本会计主管（效益测算复核）", "已签", "2025-12-15"),
        ("王建国", "项目发起人、副总经理", "已签", "2025-12-16"),
    ])
    w.save(out / rel)
    return Output(rel, "INIT_REQUEST_BC", "zh", project_fields(p), w.defects)


# ZH 项目范围说明书 ---------------------------------------------------------------------------

ZH_ACCEPTANCE = {
    "D1": "覆盖收货、上架、移库、拣货、复核、发货、盘点7个流程；评审无未关闭的重大意见；业务负责人签字",
    "D2": "功能、库位、数据及接口设计齐全；评审无未关闭的重大意见；信息中心主任签字",
    "D3": "UAT用例通过率≥98%；无未关闭的一、二级缺陷；核心操作响应时间≤2秒",
    "D4": "数据同步延迟≤5分钟，接口调用成功率≥99.9%（连续5个工作日监控）",
    "D5": "PDA 70台、条码打印机8台、无线AP到货验收合格；全库区信号覆盖率100%，丢包率<1%",
    "D6": "初始化数据抽检准确率≥99.5%；上线前盘点报告经仓储物流部签字",
    "D7": "完成全部在岗操作员培训，考核合格率≥95%；操作手册覆盖全部7个作业流程",
    "D8": "运维手册、配置清单、账号权限清单齐全；运维人员考核合格；信息中心主任签字接收",
}


def zh_scope_statement(out: Path, rel: str, variant: str | None = None) -> Output:
    p = ZH
    w = WordDoc("zh")
    w.properties(title="项目范围说明书-智慧仓储管理系统建设项目", author="李明轩", subject=f"{p['name']}（{p['id']}）",
                 when="2026-07-08", keywords="项目范围说明书；范围基准", category="项目范围说明书")
    w.header_footer(f"{p['name']}    项目编号：{p['id']}    项目范围说明书", f"{p['company']}  内部资料")
    w.title("项目范围说明书", p["name"], p["company"])
    doc_control(w, p, "项目范围说明书", "V1.1", "已批准", "2026-07-08", "李明轩", "李明轩",
                extra=[("制作人", "李明轩"), ("审核人", "陈静"), ("制作日期", "2026-07-08")])
    revision_history(w, [
        ("V0.1", "2026-02-06", "李明轩", "依据项目章程及供应商合同编制初稿。"),
        ("V1.0", "2026-02-13", "李明轩", "启动阶段评审通过，作为范围基准V1.0发布。"),
        ("V1.1", "2026-07-08", "李明轩", "根据已批准变更BG-004增加TMS发运数据接口，形成范围基准V1.1。"),
    ])
    w.heading("1 项目背景与目的", 1)
    w.para("公司原材料库和成品库仍以纸质单据和Excel台账管理，账实差异和拣货效率已不能满足客户要求。依据已批准的立项申请书"
           "及《项目章程》V1.0，本项目建设仓储管理系统（WMS），实现仓储作业全过程条码化并与ERP、TMS系统集成。")
    w.heading("2 项目目标", 1)
    w.table(["序号", "目标", "成功标准（可测量）", "完成时间"], [list(o) for o in ZH_OBJECTIVES], widths=[1.2, 2.4, 10.2, 2.8])
    w.heading("3 产品范围描述", 1)
    w.para("WMS系统覆盖原材料库和成品库的收货、上架、移库、拣货、复核、发货、盘点7个作业流程，库位精确到货架层级，支持按"
           "批次、效期先进先出；PDA端支持全部扫码作业；提供12张管理报表；通过接口与ERP（SAP ECC 6.0）交换入库、出库、库存"
           "数据，并向TMS运输管理系统传送发运数据。")
    w.heading("4 可交付成果", 1)
    w.para("各可交付成果由验收责任人按《可交付成果验收单》签字确认：")
    w.heading("5 验收标准", 1)
    w.table(["编号", "可交付成果", "验收标准（可度量）", "验收责任人"],
            [[d[0], d[1], ZH_ACCEPTANCE[d[0]], d[2]] for d in ZH_DELIVERABLES], widths=[1.2, 4.8, 8.4, 2.2], font_size=9)
    h = w.heading("6 项目除外责任", 1)
    if variant == "no_exclusions":
        w.para("无。本项目范围以第4、5节所列可交付成果为准，合同未另行约定除外事项。")
        w.defect("SS-03", {"paragraph": h}, "“项目除外责任”一节只写“无”，没有列出任何不在范围内的事项（章程第四部分的范围外事项未写入）。")
    else:
        w.bullets([
            "半成品线边库的仓储管理。",
            "AGV自动搬运设备及其调度接口（BG-003已否决，纳入二期规划）。",
            "电子标签拣选系统（PTL）。",
            "ERP系统本身的改造（接口除外）。",
            "常州分仓的系统推广。",
        ])
    w.heading("7 制约因素", 1)
    w.bullets([
        "项目总投资不超过350万元（含管理储备18万元）。",
        "系统切换须避开月末结账及“双十一”备货高峰，切换日期不晚于2026年9月30日。",
        "ERP接口联调须在集团信息部提供的窗口（2026年6月22日至7月10日）内完成。",
    ])
    w.heading("8 假设条件", 1)
    w.bullets([
        "仓储物流部在需求调研和UAT期间每周安排2名关键用户各投入3个工作日。",
        "硬件供应商按合同在6周内交付PDA及无线AP。",
        "供应商核心顾问在项目期间保持稳定。",
    ])
    w.heading("9 项目里程碑计划", 1)
    w.table(["编号", "里程碑", "计划完成时间"], [[m[0], m[1], m[2]] for m in ZH_MILESTONES], widths=[1.6, 11.0, 4.0])
    w.heading("10 签字与审批人", 1)
    w.approvals_table([
        ("王建国", "项目发起人、副总经理", "已签", "2026-07-08"),
        ("赵志刚", "业务负责人、仓储物流部经理", "已签", "2026-07-08"),
        ("陈静", "PMO主任", "已签", "2026-07-08"),
        ("李明轩", "项目经理", "已签", "2026-07-08"),
    ])
    w.save(out / rel)
    return Output(rel, "SCOPE_STATEMENT", "zh", project_fields(p, IDENTITY), w.defects)


# ZH 变更申请单 -------------------------------------------------------------------------------

def zh_change_request(out: Path, rel: str, variant: str | None = None) -> Output:
    p = ZH
    cr = next(c for c in ZH_CHANGES if c[0] == "BG-004")
    w = WordDoc("zh")
    w.properties(title="变更申请单BG-004-智慧仓储管理系统建设项目", author="李明轩", subject=f"{p['name']}（{p['id']}）",
                 when="2026-07-17", keywords="变更申请单；BG-004", category="变更申请单")
    w.header_footer(f"{p['name']}    项目编号：{p['id']}    变更申请单{cr[0]}", f"{p['company']}  内部资料")
    w.title("变更申请单", f"{cr[0]}：新增TMS发运数据接口", p["company"])
    doc_control(w, p, f"变更申请单{cr[0]}", "V1.2", "已发布", "2026-07-17", "李明轩", "李明轩")
    revision_history(w, [
        ("V0.1", "2026-06-29", "赵志刚", "提交变更申请。"),
        ("V1.0", "2026-07-03", "李明轩", "补充影响分析及项目经理意见，提交变更控制委员会。"),
        ("V1.1", "2026-07-08", "李明轩", "记录审批结论并通知申请人。"),
        ("V1.2", "2026-07-17", "李明轩", "记录变更验证结果，变更关闭。"),
    ])
    w.heading("一、变更申请", 1)
    w.kv_table([("变更编号", cr[0]), ("变更标题", "新增与TMS运输管理系统的发运数据接口"), ("变更类别", cr[1]),
                ("申请人", f"{cr[3]}（仓储物流部经理）"), ("申请日期", cr[4]), ("关联问题", "WT-014")])
    w.heading("二、变更内容", 1)
    w.para("在WMS发货复核完成后，自动向TMS运输管理系统传送发运单及装箱明细（承运商、车辆、件数、重量），替代目前由运输"
           "调度员手工录入的方式。")
    w.heading("三、变更原因", 1)
    w.para("成品库日均发运约180单，运输调度员手工录入每单约2分钟，且2026年上半年因录入错误导致错发3次。若不建设接口，"
           "WMS上线后发货数据仍需二次录入，影响“发货延误率降至1%以下”的效益目标。")
    w.heading("四、影响分析", 1)
    w.kv_table([
        ("范围", "在可交付成果D4中增加TMS发运数据接口1个；其他可交付成果不变。"),
        ("进度", "0个工作日：在开发配置阶段浮动时间内完成（2026年7月9日至7月16日），M5里程碑不变。"),
        ("成本", f"{cr[9]:.2f}万元（供应商报价单BJ-0702），动用管理储备（可用余额9.40万元）。"),
        ("质量", "新增接口测试用例25条，纳入系统测试和UAT；验收标准同D4。"),
        ("资源", "供应商开发1人×8人天；运输部关键用户1人参与测试2天。"),
        ("风险", "新增低风险1项（TMS接口字段变化），由周海涛跟踪；不影响其他风险等级。"),
        ("受影响文档/基线", "范围基准V1.1、成本基准V1.2、项目管理计划V1.2、项目进度计划、接口设计说明书。"),
    ])
    w.heading("五、备选方案", 1)
    w.bullets([
        "维持手工录入：不增加投资，但每天约6小时人工且错发风险持续，不采纳。",
        "由TMS供应商开发接口：报价5.80万元且排期在10月以后，不采纳。",
    ])
    w.heading("六、项目经理意见", 1)
    w.para("建议批准：投资在管理储备范围内，不影响里程碑，可消除二次录入并支撑效益目标。")
    w.heading("七、审批结论", 1)
    approver = "王建国（项目发起人、变更控制委员会主任）"
    when = cr[7]
    if variant == "no_approver":
        approver, when = "", ""
    t = w.kv_table([
        ("审批结论", cr[6]),
        ("审批理由", "变更必要，成本在管理储备内且不影响项目结束日期，同意实施。"),
        ("审批人", approver),
        ("审批日期", when),
        ("会议纪要编号", "BGH-2026-03（2026年7月8日变更控制委员会会议）"),
    ])
    if variant == "no_approver":
        w.defect("CR-05", {"table": t, "row": 2, "col": 1}, "审批结论为“批准”，但审批人和审批日期均为空。")
        w.defect("CR-01", {"table": t, "row": 2, "col": 1}, "由此导致：已批准变更缺少审批人（必填项）。", secondary=True)
    w.heading("八、实施计划", 1)
    w.kv_table([("实施人", "周海涛（信息中心主任）"), ("实施日期", "2026-07-09"), ("完成时间", "2026-07-16"),
                ("需更新的基线/文档", "范围基准V1.1、成本基准V1.2（2026-07-08）；项目管理计划V1.2、变更日志V1.1（2026-07-10）。")])
    w.heading("九、变更通知", 1)
    w.para("审批结果已于2026年7月8日以邮件通知申请人赵志刚，并登记到变更日志V1.1。")
    w.heading("十、变更验证", 1)
    w.para("2026年7月17日由测试负责人冯丽验证：25条接口测试用例全部通过，发运数据在TMS中1分钟内可见。变更关闭。")
    w.heading("十一、签字", 1)
    w.approvals_table([
        ("王建国" if variant != "no_approver" else "", "项目发起人、变更控制委员会主任（变更关闭确认）",
         "已签" if variant != "no_approver" else "", "2026-07-17" if variant != "no_approver" else ""),
        ("李明轩", "项目经理", "已签", "2026-07-17"),
    ])
    if variant == "no_approver":
        w.defect("COM-06", None, "由此导致：签字栏中变更控制委员会主任一行没有姓名、签字和日期。", secondary=True)
    w.save(out / rel)
    return Output(rel, "CHANGE_REQUEST", "zh", project_fields(p, IDENTITY), w.defects)

# ZH 项目进度计划 -----------------------------------------------------------------------------

def zh_tasks() -> list[Task]:
    T = Task
    return [
        T("1", "启动阶段", "李明轩"),
        T("1.1", "任命项目经理并组建项目组", "李明轩", "2026-02-01", "2026-02-04", "", False, 1),
        T("1.2", "项目启动会召开（M1）", "李明轩", "2026-02-05", "2026-02-05", "1.1", True, 1),
        T("1.3", "编制项目管理计划及项目范围说明书", "李明轩", "2026-02-05", "2026-02-13", "1.2", False, 1),
        T("2", "需求调研与分析", "郑晓雯"),
        T("2.1", "原材料库及成品库业务调研", "郑晓雯", "2026-02-24", "2026-03-13", "1.3", False, 1),
        T("2.2", "编写需求规格说明书", "郑晓雯", "2026-03-09", "2026-03-30", "2.1SS+10", False, 1),
        T("2.3", "需求规格说明书评审通过（M2）", "赵志刚", "2026-03-31", "2026-03-31", "2.2", True, 1),
        T("3", "系统设计", "吴俊峰"),
        T("3.1", "功能、库位及数据设计", "吴俊峰", "2026-04-01", "2026-04-24", "2.3", False, 1),
        T("3.2", "ERP接口设计及接口规格签字", "周海涛", "2026-04-01", "2026-04-24", "2.3", False, 1),
        T("3.3", "无线网络现场勘测", "钱志强", "2026-04-13", "2026-04-17", "2.3", False, 1),
        T("3.4", "系统设计评审通过（M3）", "周海涛", "2026-04-30", "2026-04-30", "3.1, 3.2", True, 1),
        T("4", "开发配置与硬件部署", "吴俊峰"),
        T("4.1", "系统配置与开发（迭代1至4）", "吴俊峰", "2026-05-06", "2026-06-26", "3.4", False, 1),
        T("4.2", "硬件采购及到货（含BG-002新增PDA 10台）", "钱志强", "2026-05-06", "2026-06-05", "3.4", False, 1),
        T("4.3", "硬件安装及无线网络部署", "钱志强", "2026-06-01", "2026-06-12", "4.2SS+15", False, 1,
          bstart="2026-06-01", bfinish="2026-06-15"),
        T("4.4", "硬件设备到货并安装完成（M4）", "钱志强", "2026-06-12", "2026-06-12", "4.3", True, 1,
          bstart="2026-06-15", bfinish="2026-06-15"),
        T("4.5", "ERP接口开发及联调（集团联调窗口）", "周海涛", "2026-06-22", "2026-07-10", "3.4, 4.1SS+30", False, 1),
        T("4.6", "TMS发运数据接口开发（BG-004）", "周海涛", "2026-07-09", "2026-07-16", "4.5SS+13", False, 1),
        T("4.7", "系统开发及接口联调完成（M5）", "吴俊峰", "2026-07-17", "2026-07-17", "4.1, 4.5, 4.6", True, 1),
        T("5", "系统测试与用户验收测试", "冯丽"),
        T("5.1", "系统测试", "冯丽", "2026-07-20", "2026-07-31", "4.7", False, 1),
        T("5.2", "用户验收测试（UAT）", "高磊", "2026-08-03", "2026-08-24", "5.1", False, 1,
          bstart="2026-08-03", bfinish="2026-08-20"),
        T("5.3", "用户验收测试（UAT）通过（M6）", "赵志刚", "2026-08-25", "2026-08-25", "5.2", True, 1,
          bstart="2026-08-21", bfinish="2026-08-21"),
        T("6", "上线准备与切换", "李明轩"),
        T("6.1", "切换前全面盘点及初始化数据", "赵志刚", "2026-08-26", "2026-09-04", "5.3", False, 1,
          bstart="2026-08-24", bfinish="2026-09-04"),
        T("6.2", "分批用户培训", "高磊", "2026-08-26", "2026-09-04", "5.3", False, 1,
          bstart="2026-08-24", bfinish="2026-09-04"),
        T("6.3", "切换演练及系统切换", "吴俊峰", "2026-08-31", "2026-09-06", "6.1SS+3", False, 1),
        T("6.4", "系统正式上线（M7）", "李明轩", "2026-09-07", "2026-09-07", "6.3", True, 1),
        T("7", "试运行", "李明轩"),
        T("7.1", "试运行及问题处理", "李明轩", "2026-09-08", "2026-10-16", "6.4", False, 1),
        T("7.2", "循环盘点（两次）", "赵志刚", "2026-09-14", "2026-10-15", "6.4", False, 1),
        T("7.3", "试运行结束（M8）", "李明轩", "2026-10-16", "2026-10-16", "7.1, 7.2", True, 1),
        T("8", "验收与收尾", "李明轩"),
        T("8.1", "遗留缺陷修复及补丁发布", "吴俊峰", "2026-10-19", "2026-10-21", "7.3", False, 0),
        T("8.2", "运维培训及考核", "周海涛", "2026-10-19", "2026-10-22", "7.3", False, 0),
        T("8.3", "项目终验（M9）", "赵志刚", "2026-10-23", "2026-10-23", "8.1, 8.2", True, 0),
        T("8.4", "编制项目总结报告及经验教训报告", "李明轩", "2026-10-23", "2026-10-28", "8.3", False, 0),
        T("8.5", "文档归档及行政收尾", "李明轩", "2026-10-26", "2026-10-30", "8.3", False, 0),
        T("8.6", "项目结项评审（M10）", "陈静", "2026-10-30", "2026-10-30", "8.4", True, 0),
    ]


ZH_SCH_REVS = [
    ("V1.0", "2026-02-13", "李明轩", "进度基准V1.0随项目管理计划发布，含里程碑M1至M10。"),
    ("V1.1", "2026-05-22", "李明轩", "BG-002：硬件采购任务增加PDA 10台，里程碑不变。"),
    ("V1.2", "2026-07-10", "李明轩", "BG-004：新增任务4.6 TMS发运数据接口开发，里程碑不变。"),
    ("V1.3", "2026-09-07", "李明轩", "记录UAT延后2个工作日（8月25日通过）及系统上线。"),
    ("V1.4", "2026-10-16", "李明轩", "试运行结束状态更新：M1至M8已完成。"),
]


def zh_schedule(out: Path, rel: str) -> Output:
    p = ZH
    status_date = "2026-10-16"
    tasks = schedule_rows(zh_tasks(), status_date, (p["start"], p["end"]))
    rows = schedule_table(tasks, status_date, "zh")
    fields = control_fields(p, "zh", "项目进度计划", "V1.4", "已发布", as_date("2026-10-16"), "李明轩", "李明轩")
    fields += [("状态日期", as_date(status_date)), ("进度基准", "V1.0，2026年2月13日批准"),
               ("项目日历", "周一至周五；法定节假日（春节2月15日至23日、五一5月1日至5日）不工作")]
    wb = xl_workbook("zh", "项目进度计划", p, fields, register_signoff("zh", "2026-10-16"), ZH_SCH_REVS)
    ws = wb.create_sheet("进度计划")
    xl_schedule_sheet(ws, "zh", "项目进度计划", p,
                      f"由Microsoft Project导出。状态日期{status_date}。工期按工作日计；前置任务以WBS编码表示，"
                      "可带关系类型和时滞（如2.1SS+10）。加粗行为汇总任务。", rows)
    xl_save(wb, out / rel, p, "项目进度计划-智慧仓储管理系统建设项目", "李明轩", "2026-10-16")
    return Output(rel, "SCHEDULE", "zh", project_fields(p, IDENTITY))


# ZH 成本管理计划（Excel） --------------------------------------------------------------------

ZH_COST_LINES = [  # 类别 -> [(明细, 数量, 单位, 单价, 金额, 估算依据)]
    ("软件许可及实施服务", [
        ("WMS软件许可（含PDA端，不限用户数）", 1, "套", 68.00, 68.00, "上海智仓信息技术有限公司合同（2026-01-30）"),
        ("实施服务（需求、设计、配置、测试、上线）", 600, "人天", 0.15, 90.00, "合同人天单价1,500元"),
        ("驻场支持及首年维保", 1, "项", 10.00, 10.00, "合同报价")]),
    ("硬件设备", [
        ("PDA手持终端", 60, "台", 0.80, 48.00, "三家询价最低价"),
        ("BG-002新增PDA及充电座", 10, "台", 0.86, 8.60, "补充询价（2026-05-15）"),
        ("条码打印机", 8, "台", 1.20, 9.60, "三家询价最低价"),
        ("无线AP", 24, "台", 0.50, 12.00, "三家询价最低价"),
        ("安装及布线", 1, "项", 12.40, 12.40, "现场勘测后报价"),
        ("应急储备（风险FX-04、FX-06）", 1, "项", 10.00, 10.00, "风险登记册预期货币价值测算")]),
    ("系统集成与接口开发", [
        ("ERP接口（入库、出库、库存）", 3, "个", 8.00, 24.00, "合同报价"),
        ("中间件许可", 1, "套", 8.00, 8.00, "厂商报价"),
        ("接口测试环境", 1, "项", 6.00, 6.00, "信息中心测算"),
        ("BG-004 TMS发运数据接口", 1, "个", 3.20, 3.20, "供应商报价单BJ-0702")]),
    ("培训与上线支持", [
        ("培训讲师", 20, "人天", 0.30, 6.00, "合同人天单价3,000元"),
        ("上线驻场支持", 1, "项", 4.00, 4.00, "合同报价"),
        ("操作手册编制及印刷", 1, "项", 2.00, 2.00, "以往项目实际")]),
    ("内部人力成本", [
        ("信息中心人员投入", 35, "人月", 0.40, 14.00, "人力资源部标准人月成本"),
        ("仓储物流部关键用户投入", 20, "人月", 0.40, 8.00, "人力资源部标准人月成本")]),
]
ZH_MONTHS = ["2026年2月", "2026年3月", "2026年4月", "2026年5月", "2026年6月", "2026年7月", "2026年8月", "2026年9月", "2026年10月"]
ZH_WEIGHTS = {  # 各类别按月分摊比例（%）
    "软件许可及实施服务": [30, 5, 10, 10, 10, 10, 10, 10, 5],
    "硬件设备": [0, 0, 0, 40, 50, 0, 5, 5, 0],
    "系统集成与接口开发": [0, 0, 10, 20, 30, 30, 10, 0, 0],
    "培训与上线支持": [0, 0, 0, 0, 0, 10, 40, 40, 10],
    "内部人力成本": [10, 12, 12, 11, 11, 11, 11, 11, 11],
}
ZH_CONTINGENCY = 10.00


def phase_amounts(total: float, weights: list[int]) -> list[float]:
    vals = [round(total * w / 100, 2) for w in weights]
    last = max(i for i, w in enumerate(weights) if w)
    vals[last] = round(total - sum(v for i, v in enumerate(vals) if i != last), 2)
    return vals


def zh_cost_plan(out: Path, rel: str) -> Output:
    p = ZH
    cats = zh_cost_after_changes()
    for (name, amount, _), (_, lines) in zip(cats, ZH_COST_LINES):
        assert round(sum(l[4] for l in lines), 2) == amount, name
        for l in lines:
            assert round(l[1] * l[3], 2) == l[4], l
    fields = control_fields(p, "zh", "成本管理计划", "V1.2", "已批准", as_date("2026-07-10"), "李明轩", "孙丽华")
    wb = xl_workbook("zh", "成本管理计划", p, fields + [("项目总预算", "350.00万元")],
                     [("王建国", "项目发起人、副总经理", "已签", "2026-07-13"), ("孙丽华", "财务部成本会计主管", "已签", "2026-07-10"),
                      ("李明轩", "项目经理", "已签", "2026-07-10")], [
        ("V1.0", "2026-02-13", "李明轩", f"成本基准V1.0（{ZH_BASELINE_0:.2f}万元）随项目管理计划批准。"),
        ("V1.1", "2026-05-22", "李明轩", "BG-002：硬件设备增加8.60万元，动用管理储备。"),
        ("V1.2", "2026-07-10", "李明轩", "BG-004：系统集成与接口开发增加3.20万元，动用管理储备，成本基准V1.2。"),
    ])
    # 编制说明（表单）
    ws = wb.create_sheet("编制说明")
    ws["A1"] = "成本管理计划编制说明"
    ws["A1"].font = Font(size=14, bold=True, color="1F3864")
    items = [
        ("一、费用科目", None),
        ("费用科目", "软件许可及实施服务、硬件设备、系统集成与接口开发、培训与上线支持、内部人力成本，明细见“成本估算”表。"),
        ("二、估算依据", None),
        ("估算依据", "供应商合同及报价单、三家比价结果、人力资源部标准人月成本，逐项列于“成本估算”表。"),
        ("三、计量单位、精确度与准确度", None),
        ("计量单位", "人民币万元（含税）"),
        ("精确度", "保留两位小数（精确到百元）"),
        ("准确度", "成本基准估算准确度为-5%至+10%（合同及报价已确定）"),
        ("四、应急储备与管理储备", None),
        ("应急储备", f"{ZH_CONTINGENCY:.2f}万元，列入硬件设备类别，针对风险FX-04、FX-06，由项目经理控制"),
        ("管理储备", f"{ZH_RESERVE:.2f}万元，已批准变更BG-002、BG-004动用11.80万元，剩余{350 - ZH_BASELINE:.2f}万元，由项目发起人掌握"),
        ("五、总预算构成", None),
        ("成本基准", f"{ZH_BASELINE:.2f}万元（工作包估算{ZH_BASELINE - ZH_CONTINGENCY:.2f}万元＋应急储备{ZH_CONTINGENCY:.2f}万元）"),
        ("总预算", f"350.00万元（成本基准{ZH_BASELINE:.2f}万元＋剩余管理储备{350 - ZH_BASELINE:.2f}万元）"),
        ("六、控制临界值", None),
        ("控制临界值", "项目总成本偏差超过成本基准的±5%时，须在2个工作日内报告项目发起人；单一费用类别偏差超过±5%或2万元时，在月度成本报告中说明原因"),
        ("七、资金来源与报告格式", None),
        ("资金来源", "公司2026年度信息化专项预算"),
        ("报告格式", "财务部每月5日前提供上月实际支出；项目周报列示BAC、AC、ETC、EAC、VAC"),
    ]
    r = 3
    for label, value in items:
        if value is None:
            r += 1
            ws.cell(r, 1, label).font = Font(bold=True, size=12)
        else:
            a, b = ws.cell(r, 1, label), ws.cell(r, 2, value)
            a.font, a.fill = Font(bold=True), LFILL
            a.border = b.border = BOX
            b.alignment = Alignment(wrap_text=True, vertical="top")
        r += 1
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 90
    # 成本估算
    ws = wb.create_sheet("成本估算")
    rows: list[list[Any]] = []
    n = 0
    for (cat, amount, _), (_, lines) in zip(cats, ZH_COST_LINES):
        for item, qty, unit, price, amt, basis in lines:
            n += 1
            rows.append([str(n), cat, item, qty, unit, price, amt, basis])
        rows.append(["", cat, f"小计：{cat}", "", "", "", amount, ""])
    rows.append(["", "", "成本基准V1.2合计", "", "", "", ZH_BASELINE, "含应急储备10.00万元"])
    rows.append(["", "", "剩余管理储备", "", "", "", round(350 - ZH_BASELINE, 2), "由项目发起人掌握"])
    rows.append(["", "", "项目总预算", "", "", "", 350.00, "与项目章程一致"])
    xl_register(ws, p, "zh", "成本估算（成本基准V1.2）",
                "金额单位：万元。小计、合计行加粗。", ["序号", "费用科目", "成本项", "数量", "单位", "单价（万元）",
                                                     "估算金额（万元）", "估算依据"],
                rows, [6, 18, 38, 8, 7, 12, 14, 36], date_cols=set())
    for i, row in enumerate(rows, 5):
        ws.cell(i, 6).number_format = "0.00"
        ws.cell(i, 7).number_format = "#,##0.00"
        if not row[0]:
            for c in range(1, 9):
                ws.cell(i, c).font = Font(bold=True)
    # 分期预算
    ws = wb.create_sheet("分期预算")
    rows = []
    month_tot = [0.0] * len(ZH_MONTHS)
    for cat, amount, _ in cats:
        vals = phase_amounts(amount, ZH_WEIGHTS[cat])
        assert round(sum(vals), 2) == amount
        month_tot = [round(a + b, 2) for a, b in zip(month_tot, vals)]
        rows.append([cat] + vals + [amount])
    rows.append(["成本基准V1.2小计"] + month_tot + [ZH_BASELINE])
    mr = round(350 - ZH_BASELINE, 2)
    rows.append(["剩余管理储备（不分配到工作，按10月列示）"] + [0.0] * 8 + [mr, mr])
    rows.append(["合计（项目总预算）"] + month_tot[:-1] + [round(month_tot[-1] + mr, 2), 350.00])
    assert round(sum(rows[-1][1:-1]), 2) == 350.00
    xl_register(ws, p, "zh", "分期预算（资金使用计划）",
                "金额单位：万元。按月分摊，合计等于项目总预算。", ["费用科目"] + ZH_MONTHS + ["合计（万元）"],
                rows, [34] + [11] * 9 + [13], date_cols=set())
    for i, row in enumerate(rows, 5):
        for c in range(2, 12):
            ws.cell(i, c).number_format = "#,##0.00"
        if i >= 5 + len(rows) - 3:
            for c in range(1, 12):
                ws.cell(i, c).font = Font(bold=True)
    xl_save(wb, out / rel, p, "成本管理计划-智慧仓储管理系统建设项目", "李明轩", "2026-07-10")
    return Output(rel, "COST_PLAN", "zh", project_fields(p, IDENTITY + ("budget",)))

# ZH 问题日志 ---------------------------------------------------------------------------------

ZH_ISSUE_HEADER = ["问题编号", "问题类型", "提出日期", "提出人", "问题描述", "优先级", "严重程度", "负责人",
                   "目标解决日期", "状态", "处理措施", "解决方案", "关闭日期", "关联风险", "关联变更单"]
ZH_PRIORITIES = ["紧急", "高", "一般", "低"]
ZH_SEVERITIES = ["严重", "较大", "一般", "轻微"]
Q = "已关闭"
ZH_ISSUES = [
    ("WT-001", "问题", "2026-02-09", "郑晓雯", "仓储物流部关键用户名单未确定，需求调研访谈无法排期。", "高", "一般", "赵志刚", "2026-02-13", Q,
     "在周例会上提请业务负责人确定人选。", "确定高磊等4名关键用户，访谈计划已发布。", "2026-02-12", "", ""),
    ("WT-002", "问题", "2026-02-12", "钱志强", "成品库现场无可用网络机柜位置，无线AP布线方案无法确定。", "一般", "一般", "钱志强", "2026-03-13", Q,
     "协调行政部现场确认。", "在成品库东侧配电间增设网络机柜1台。", "2026-03-10", "", ""),
    ("WT-003", "问题", "2026-02-26", "郑晓雯", "原材料库现行库位编码与成品库规则不一致，无法统一编码。", "高", "较大", "赵志刚", "2026-03-13", Q,
     "组织两库联合需求工作坊。", "统一为“库区-货架-层-位”四级编码，经项目发起人在周例会上确认。", "2026-03-11", "FX-01", ""),
    ("WT-004", "问题", "2026-03-09", "周海涛", "集团信息部要求ERP接口统一走集团ESB平台，与供应商点对点方案不一致。", "高", "较大", "周海涛", "2026-03-31", Q,
     "与集团信息部及供应商召开接口方案协调会。", "采用集团ESB平台，接口规格V1.0由双方签字确认。", "2026-03-27", "FX-03", ""),
    ("WT-005", "偏离规格", "2026-03-16", "冯丽", "需求文档中的效期管理规则与质量管理部批次管理要求不符。", "一般", "一般", "吴俊峰", "2026-03-27", Q,
     "提交质量管理部评审。", "修订为按批次、效期先进先出，需求规格说明书已更新。", "2026-03-25", "", ""),
    ("WT-006", "变更请求", "2026-04-03", "高磊", "生产退料入库无扫码流程，退料批次无法追溯。", "一般", "一般", "高磊", "2026-04-15", Q,
     "提交变更申请BG-001。", "BG-001于4月15日批准，纳入需求规格说明书V1.1。", "2026-04-15", "", "BG-001"),
    ("WT-007", "偏离规格", "2026-04-14", "高磊", "设计评审发现PDA拣货界面字号过小，光线较暗的库区难以辨认。", "一般", "轻微", "吴俊峰", "2026-04-30", Q,
     "纳入设计修改清单。", "界面字号调整为16号并增加高对比度模式，关键用户确认。", "2026-04-28", "", ""),
    ("WT-008", "问题", "2026-04-20", "钱志强", "现场勘测发现成品库钢结构区域无线信号弱，PDA可能掉线。", "高", "较大", "钱志强", "2026-06-12", Q,
     "增补无线AP 6台，使用成本基准内的应急储备。", "6台AP随硬件安装于6月12日完成，信号复测合格。", "2026-06-12", "FX-06", ""),
    ("WT-009", "变更请求", "2026-05-06", "赵志刚", "成品库新增夜班，现有PDA数量不足。", "高", "一般", "赵志刚", "2026-05-20", Q,
     "提交变更申请BG-002。", "BG-002于5月20日批准，增加PDA 10台及充电座。", "2026-05-20", "", "BG-002"),
    ("WT-010", "问题", "2026-05-25", "冯丽", "开发环境与测试环境数据库版本不一致，配置迁移失败。", "一般", "一般", "吴俊峰", "2026-06-05", Q,
     "统一环境版本。", "测试环境升级至与开发环境一致的版本，迁移脚本复测通过。", "2026-06-03", "", ""),
    ("WT-011", "变更请求", "2026-06-03", "罗春燕", "生产部提出增加AGV小车调度接口。", "低", "一般", "赵志刚", "2026-06-12", Q,
     "提交变更申请BG-003。", "BG-003于6月12日被否决，纳入二期规划。", "2026-06-12", "", "BG-003"),
    ("WT-012", "偏离规格", "2026-06-08", "钱志强", "首批到货PDA中3台屏幕有坏点。", "一般", "轻微", "钱志强", "2026-06-12", Q,
     "通知供应商换货。", "供应商更换3台，6月11日复检合格。", "2026-06-11", "FX-04", ""),
    ("WT-013", "问题", "2026-06-22", "周海涛", "联调首日ERP测试账号无库存写入权限。", "紧急", "较大", "周海涛", "2026-06-24", Q,
     "当日提交集团信息部权限申请。", "集团信息部开通权限，联调次日恢复。", "2026-06-23", "FX-03", ""),
    ("WT-014", "变更请求", "2026-06-26", "赵志刚", "发运数据需手工录入TMS，上线后将二次录入。", "高", "一般", "赵志刚", "2026-07-08", Q,
     "提交变更申请BG-004。", "BG-004于7月8日批准，新增TMS发运数据接口。", "2026-07-08", "", "BG-004"),
    ("WT-015", "偏离规格", "2026-07-02", "冯丽", "ERP出库接口批量过账时出现重复过账。", "紧急", "严重", "吴俊峰", "2026-07-10", Q,
     "暂停批量过账测试，供应商排查。", "增加幂等校验，回归测试通过。", "2026-07-09", "", ""),
    ("WT-016", "偏离规格", "2026-07-13", "冯丽", "库存接口同步延迟峰值12分钟，超出5分钟要求。", "高", "较大", "吴俊峰", "2026-07-17", Q,
     "供应商优化同步机制。", "改为增量同步，峰值延迟降至2分钟。", "2026-07-16", "", ""),
    ("WT-017", "问题", "2026-07-22", "冯丽", "系统测试环境中条码打印机驱动不兼容，标签打印错位。", "一般", "一般", "钱志强", "2026-07-31", Q,
     "联系打印机厂商。", "更新驱动并调整标签模板，打印测试通过。", "2026-07-28", "", ""),
    ("WT-018", "问题", "2026-07-27", "冯丽", "UAT用例数据准备不足，缺少效期批次样例数据。", "一般", "一般", "高磊", "2026-08-05", Q,
     "关键用户补充样例数据。", "补充120条效期批次样例，UAT按计划开始。", "2026-08-04", "", ""),
    ("WT-019", "变更请求", "2026-08-10", "孙丽华", "财务部需要库龄分析报表及呆滞料预警。", "低", "轻微", "孙丽华", "2026-08-14", Q,
     "提交变更申请BG-005。", "BG-005于8月14日批准，使用合同内报表额度。", "2026-08-14", "", "BG-005"),
    ("WT-020", "偏离规格", "2026-08-13", "高磊", "UAT发现2项二级缺陷：波次拣货合并规则错误、盘点差异审批流缺失。", "紧急", "较大", "吴俊峰", "2026-08-21", Q,
     "供应商每日修复并提交复测。", "两项缺陷修复后复测通过，UAT于8月25日通过。", "2026-08-25", "", ""),
    ("WT-021", "问题", "2026-08-17", "周海涛", "信息中心2名运维人员尚未安排运维培训时间。", "一般", "一般", "周海涛", "2026-08-28", Q,
     "与供应商确定培训计划。", "运维培训计划确定为9月至10月共16学时。", "2026-08-26", "FX-10", ""),
    ("WT-022", "问题", "2026-08-24", "赵志刚", "切换前盘点发现原材料库A区差异率1.3%，超过0.5%的切换条件。", "高", "较大", "赵志刚", "2026-09-02", Q,
     "组织A区复盘并核查差异原因。", "复盘后差异率降至0.3%，满足切换条件。", "2026-09-01", "FX-02", ""),
    ("WT-023", "问题", "2026-08-31", "吴俊峰", "第一次切换演练超时3小时，初始化数据导入耗时过长。", "高", "一般", "吴俊峰", "2026-09-04", Q,
     "调整导入方案。", "分批导入并预建索引，第二次演练提前1小时完成。", "2026-09-03", "FX-08", ""),
    ("WT-024", "问题", "2026-09-08", "高磊", "上线首日夜班2台PDA无法登录，账号权限未同步。", "紧急", "一般", "周海涛", "2026-09-08", Q,
     "当班运维人员处理。", "补同步权限，2台PDA恢复使用。", "2026-09-08", "", ""),
    ("WT-025", "偏离规格", "2026-09-10", "高磊", "发货复核扫码后打印装箱单延迟约10秒。", "高", "一般", "吴俊峰", "2026-09-18", Q,
     "供应商优化打印队列。", "改为异步打印，延迟小于2秒。", "2026-09-17", "", ""),
    ("WT-026", "问题", "2026-09-14", "高磊", "夜班新员工11人未参加切换前培训。", "高", "一般", "高磊", "2026-09-25", Q,
     "安排补训。", "11人完成补训及考核，后续专项带教在FX-05下跟踪。", "2026-09-25", "FX-05", ""),
    ("WT-027", "变更请求", "2026-09-21", "赵志刚", "成品库希望试点电子标签拣选（PTL）。", "一般", "一般", "赵志刚", "2026-09-28", Q,
     "提交变更申请BG-006。", "BG-006于9月28日暂缓，结项时移交仓储物流部纳入二期立项。", "2026-09-28", "", "BG-006"),
    ("WT-028", "偏离规格", "2026-09-24", "冯丽", "承运商编码为空时TMS接口报错。", "一般", "一般", "吴俊峰", "2026-10-09", Q,
     "增加空值校验。", "补丁发布后复测通过。", "2026-10-08", "", ""),
    ("WT-029", "偏离规格", "2026-09-29", "孙丽华", "库龄报表按入库日期而非生产日期计算。", "一般", "轻微", "吴俊峰", "2026-10-13", Q,
     "修改报表口径。", "改为按生产日期计算，财务部确认。", "2026-10-12", "", ""),
    ("WT-030", "问题", "2026-10-09", "周海涛", "工单系统未设置WMS分类，无法统计试运行期间运维工单响应时间。", "低", "轻微", "周海涛", "2026-10-16", Q,
     "增加工单分类。", "工单系统增加WMS分类，试运行工单已补录。", "2026-10-14", "FX-10", ""),
    ("WT-031", "偏离规格", "2026-10-12", "冯丽", "遗留三级缺陷9项，高于终验前不超过5项的要求。", "一般", "一般", "吴俊峰", "2026-11-13", "处理中",
     "10月21日发布补丁修复6项，其余纳入维保清单。", "", "", "", ""),
]
ZH_IR_REVS = [
    ("V1.0", "2026-02-13", "李明轩", "启动阶段评审后建立问题日志。"),
    ("V1.1", "2026-05-22", "李明轩", "登记WT-001至WT-010。"),
    ("V1.2", "2026-09-07", "李明轩", "登记WT-011至WT-024。"),
    ("V1.3", "2026-10-16", "李明轩", "试运行结束复核：登记WT-025至WT-031，WT-031准备移交。"),
]


def zh_issue_register(out: Path, rel: str) -> Output:
    p = ZH
    wb = xl_workbook("zh", "问题日志", p,
                     control_fields(p, "zh", "问题日志", "V1.3", "已发布", as_date("2026-10-16"), "李明轩", "李明轩"),
                     register_signoff("zh", "2026-10-16"), ZH_IR_REVS)
    ws = wb.create_sheet("问题日志")
    rows = [list(r) for r in ZH_ISSUES]
    xl_register(ws, p, "zh", "问题日志",
                "优先级：紧急、高、一般、低；严重程度：严重、较大、一般、轻微。需修改基准的问题转为变更申请（关联变更单）。复核日期：2026-10-16。",
                ZH_ISSUE_HEADER, rows, [9, 10, 12, 9, 44, 8, 9, 9, 12, 9, 34, 40, 12, 9, 10], date_cols={3, 9, 13})
    last = 4 + len(rows)
    add_list_validation(ws, 2, 5, last + 20, ["问题", "偏离规格", "变更请求"])
    add_list_validation(ws, 6, 5, last + 20, ZH_PRIORITIES)
    add_list_validation(ws, 7, 5, last + 20, ZH_SEVERITIES)
    add_list_validation(ws, 10, 5, last + 20, ["开放", "处理中", "已关闭"])
    xl_save(wb, out / rel, p, "问题日志-智慧仓储管理系统建设项目", "李明轩", "2026-10-16")
    return Output(rel, "ISSUE_REGISTER", "zh", project_fields(p, IDENTITY))


# ZH 经验教训报告 -----------------------------------------------------------------------------

def zh_lessons_report(out: Path, rel: str) -> Output:
    p = ZH
    w = WordDoc("zh")
    w.properties(title="经验教训报告-智慧仓储管理系统建设项目", author="李明轩", subject=f"{p['name']}（{p['id']}）",
                 when="2026-10-28", keywords="经验教训报告；项目复盘", category="经验教训报告")
    w.header_footer(f"{p['name']}    项目编号：{p['id']}    经验教训报告", f"{p['company']}  内部资料")
    w.title("经验教训报告", p["name"], p["company"])
    doc_control(w, p, "经验教训报告", "V1.0", "已发布", "2026-10-28", "李明轩", "陈静")
    revision_history(w, [
        ("V0.1", "2026-10-26", "李明轩", "根据10月23日项目复盘会编制初稿。"),
        ("V1.0", "2026-10-28", "李明轩", "PMO审核通过，随项目总结报告提交结项评审。"),
    ])
    total_actual = round(sum(ZH_ACTUAL), 2)
    w.heading("1 概述", 1)
    w.para("项目按期上线并通过终验，5项目标全部达成。项目组于2026年10月23日召开复盘会（项目组、供应商、关键用户、PMO共"
           "16人参加），形成本报告。主要经验是“盘点前置”和“超级用户”培训模式；主要教训是无线网络勘测和夜班人员培训安排偏晚。")
    w.heading("2 报告范围", 1)
    w.para("覆盖项目全过程（2026年2月1日至10月23日），包括管理方法、进度、成本、质量、风险与问题、变更及供应商管理。")
    w.heading("3 做得好的", 1)
    w.bullets([
        "上线前两次全面盘点加双人复核，初始化数据抽检准确率99.8%，上线后库存准确率99.7%。",
        "提前锁定集团信息部联调窗口并签字确认接口规格，ERP接口按期完成联调。",
        "培养12名“超级用户”承担内部培训，培训费用较预算节约9.6%。",
        "变更按授权分级审批，6项变更平均7个工作日完成审批，无未经批准的变更。",
    ])
    w.heading("4 做得不好的", 1)
    w.bullets([
        "无线网络勘测安排在设计阶段中期，钢结构区域信号问题发现较晚，需增补AP 6台。",
        "成品库新增夜班时未同步更新培训计划，11名新员工上线后补训，拣货效率恢复偏慢（FX-05）。",
        "UAT样例数据准备不足，UAT结束延后2个工作日。",
    ])
    w.heading("5 控制措施与异常事件", 1)
    w.para("风险管理：共识别风险10项，周复核机制有效，未出现未识别即发生的重大风险。质量控制：阶段评审4次均一次通过。"
           "沟通：周报37期按时发布。配置管理：发布记录完整。异常事件：8月UAT发现2项二级缺陷，通过每日复测机制在4个工作日内关闭。")
    w.heading("6 度量数据", 1)
    w.heading("6.1 估算与实际对比", 2)
    w.table(["指标", "计划（基准）", "实际", "偏差"], [
        ["项目工期（日历天）", "273（2月1日至10月31日）", "265（至10月23日完成交付）", "-8天"],
        ["成本（万元）", wan(ZH_BASELINE), wan(total_actual), f"{total_actual - ZH_BASELINE:+.2f}"],
        ["供应商实施人天", "600", "588", "-12"],
    ], widths=[4.6, 4.6, 4.6, 2.8])
    w.heading("6.2 质量控制有效性", 2)
    w.table(["阶段", "发现缺陷数", "占比"], [
        ["系统测试", "128", "59.8%"], ["用户验收测试", "61", "28.5%"], ["上线后（试运行）", "25", "11.7%"], ["合计", "214", "100.0%"],
    ], widths=[6.6, 5.0, 5.0])
    w.heading("6.3 问题与风险统计", 2)
    w.para("问题31项（已解决30项，平均解决时长6.2个工作日）；风险10项（已关闭8项，2项移交）；变更6项（批准4项、否决1项、暂缓1项）。")
    w.heading("7 重要经验教训", 1)
    w.table(["编号", "事件", "影响", "原因", "预警信号", "建议", "责任人"], [
        ["JY-01", "钢结构区域无线信号弱", "增补AP 6台，使用应急储备3.00万元", "勘测晚于布点设计", "设计评审时无勘测报告",
         "在需求阶段完成无线勘测，勘测报告作为设计评审输入", "钱志强"],
        ["JY-02", "夜班新员工未纳入培训", "FX-05持续开放，人工成本效益推迟约一个季度", "排班变化未通知项目组", "人员名单与培训签到表不一致",
         "培训计划按最新排班表每周核对，新员工上岗前完成考核", "高磊"],
        ["JY-03", "两次全面盘点保证数据质量", "库存准确率99.7%，超出目标", "计划预留了2周盘点时间", "—",
         "仓储类项目在计划中预留不少于2周的上线前盘点时间", "赵志刚"],
        ["JY-04", "接口规格提前签字", "联调一次完成，未占用额外窗口", "设计阶段即与集团信息部确认规格", "—",
         "涉及集团系统的接口须在设计评审前完成规格签字", "周海涛"],
    ], widths=[1.3, 2.6, 2.8, 2.4, 2.4, 3.6, 1.5], font_size=8.5)
    w.para("以上经验教训已登记到PMO经验教训库（项目编号ZC-2026-007），建议项由PMO主任陈静纳入公司项目管理模板修订。")
    w.heading("8 审批", 1)
    w.approvals_table([
        ("李明轩", "项目经理", "已签", "2026-10-28"),
        ("陈静", "PMO主任", "已签", "2026-10-28"),
    ])
    w.save(out / rel)
    return Output(rel, "LESSONS", "zh", project_fields(p, IDENTITY), w.defects)


# --------------------------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------------------------

BUILDS: list[tuple[Callable[..., Output], str, dict]] = [
    (en_charter, "en/charter.docx", {}),
    (en_plan, "en/project_plan.docx", {}),
    (en_risk_register, "en/risk_register.xlsx", {}),
    (en_change_log, "en/change_log.xlsx", {}),
    (en_status_report, "en/status_report.docx", {}),
    (en_closure_report, "en/closure_report.docx", {}),
    (zh_charter, "zh/项目章程.docx", {}),
    (zh_plan, "zh/项目管理计划.docx", {}),
    (zh_risk_register, "zh/风险登记册.xlsx", {}),
    (zh_change_log, "zh/变更日志.xlsx", {}),
    (zh_status_report, "zh/项目周报.docx", {}),
    (zh_closure_report, "zh/项目总结报告.docx", {}),
    (en_charter, "defects/charter_placeholders.docx", {"variant": "placeholders"}),
    (en_charter, "defects/charter_no_approval.docx", {"variant": "no_approval"}),
    (zh_charter, "defects/项目章程_缺修订记录.docx", {"variant": "no_revisions"}),
    (en_plan, "defects/plan_missing_fields.docx", {"variant": "missing_fields"}),
    (zh_risk_register, "defects/风险登记册_评分错误.xlsx", {"variant": "score_error"}),
    (en_plan, "defects/plan_version_mismatch.docx", {"variant": "version_mismatch"}),
    (en_business_case, "en/business_case.docx", {}),
    (en_scope_statement, "en/scope_statement.docx", {}),
    (en_schedule, "en/schedule.xlsx", {}),
    (en_cost_plan, "en/cost_plan.docx", {}),
    (en_issue_register, "en/issue_log.xlsx", {}),
    (en_change_request, "en/change_request_CR-003.docx", {}),
    (en_lessons, "en/lessons_register.xlsx", {}),
    (zh_business_case, "zh/立项申请书.docx", {}),
    (zh_scope_statement, "zh/项目范围说明书.docx", {}),
    (zh_schedule, "zh/项目进度计划.xlsx", {}),
    (zh_cost_plan, "zh/成本管理计划.xlsx", {}),
    (zh_issue_register, "zh/问题日志.xlsx", {}),
    (zh_change_request, "zh/变更申请单_BG-004.docx", {}),
    (zh_lessons_report, "zh/经验教训报告.docx", {}),
    (en_business_case, "defects/business_case_funding_gap.docx", {"variant": "funding_gap"}),
    (zh_scope_statement, "defects/项目范围说明书_无除外责任.docx", {"variant": "no_exclusions"}),
    (en_schedule, "defects/schedule_logic_errors.xlsx", {"variant": "logic_errors"}),
    (en_cost_plan, "defects/cost_plan_sum_error.docx", {"variant": "sum_error"}),
    (en_issue_register, "defects/issue_log_duplicate_id.xlsx", {"variant": "errors"}),
    (zh_change_request, "defects/变更申请单_缺审批人.docx", {"variant": "no_approver"}),
    (en_lessons, "defects/lessons_register_no_owner.xlsx", {"variant": "no_owner"}),
]


def write_manifest(out: Path, outputs: list[Output]) -> None:
    files = []
    for o in outputs:
        entry: dict[str, Any] = {"path": o.path, "doc_type": o.doc_type, "language": o.language,
                                 "project": o.project, "defects": []}
        for d in o.defects:
            item: dict[str, Any] = {"rule": d["rule"], "where": d["where"], "note": d["note"]}
            if d.get("secondary"):
                item["secondary"] = True
            entry["defects"].append(item)
        files.append(entry)
    doc = {
        "schema": "pmo-check/sample-manifest@1",
        "generated_by": "sample_docs/generate.py",
        "notes": [
            "Paths are relative to sample_docs/. Locations follow the contract: Word paragraph = 0-based index among "
            "body paragraphs (tables not counted); table/row/col = 0-based among top-level body tables; Excel cells in A1 style.",
            "where: null means the defect is something missing, with no location to point at.",
            "secondary: true marks a finding that follows unavoidably from the seeded defect (a checker may or may not report it).",
            "project lists only what each document states; budget amounts are in base units (350 万元 = 3500000 CNY).",
        ],
        "files": files,
    }
    text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=120)
    (out / "manifest.yaml").write_text("# Generated by sample_docs/generate.py - do not edit by hand.\n" + text,
                                       encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=HERE, help="output folder (default: the sample_docs folder)")
    args = ap.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    outputs = [build(out, rel, **kw) for build, rel, kw in BUILDS]
    write_manifest(out, outputs)
    for o in outputs:
        size = (out / o.path).stat().st_size
        flag = f"  {len(o.defects)} defect(s)" if o.defects else ""
        print(f"{o.path:45s} {o.doc_type:15s} {size / 1024:5.1f} KB{flag}")
    print(f"manifest: {out / 'manifest.yaml'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
