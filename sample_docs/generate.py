#!/usr/bin/env python3
"""Generate the sample PMO documents in this folder: two fictional projects, EN and ZH.

    python sample_docs/generate.py [--out DIR]

Writes `en/`, `zh/`, `defects/` and `manifest.yaml` under DIR (default: the folder of this
script). Everything is deterministic: no randomness, fixed dates, fixed core properties and fixed
zip timestamps, so a rerun produces byte-identical files. Defect locations in the manifest are
taken from what the builders actually wrote (paragraph / table indices, Excel cells), never
hand-counted.

All names, companies and figures are fictional.
"""
from __future__ import annotations

import argparse
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable

import yaml
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from openpyxl import Workbook
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

HERE = Path(__file__).resolve().parent
ZIP_TIME = (2026, 1, 1, 0, 0, 0)

# --------------------------------------------------------------------------------------------
# Projects (one source of truth for names, ids, dates and money)
# --------------------------------------------------------------------------------------------

EN = {
    "id": "PRJ-2026-042",
    "name": "Apollo CRM Migration",
    "company": "Meridian Home Appliances Ltd",
    "sponsor": "Dana Lee",
    "manager": "Marcus Webb",
    "budget": 1_200_000,
    "currency": "USD",
    "start": "2026-01-05",
    "end": "2026-09-30",
}
ZH = {
    "id": "ZC-2026-007",
    "name": "智慧仓储管理系统建设项目",
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

HEADER_FILL = "D9E2F3"
LABEL_FILL = "F2F2F2"
NAVY = RGBColor(0x1F, 0x38, 0x64)


def _shade(cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def _east_asia(rpr_owner, font: str) -> None:
    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), font)
    for attr in ("w:eastAsiaTheme",):
        if fonts.get(qn(attr)) is not None:
            del fonts.attrib[qn(attr)]


class WordDoc:
    """A python-docx document that knows the contract indices of what it writes."""

    def __init__(self, lang: str, heading_mode: str = "styles") -> None:
        self.doc = Document()
        self.lang = lang
        self.mode = heading_mode  # "styles" (Word heading styles) or "bold" (一、 / （一） typed in bold)
        self.defects: list[dict[str, Any]] = []
        sec = self.doc.sections[0]
        sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
        sec.left_margin = sec.right_margin = Cm(2.2)
        sec.top_margin = sec.bottom_margin = Cm(2.2)
        self._styles()

    # -- setup -------------------------------------------------------------------------------
    def _styles(self) -> None:
        st = self.doc.styles
        normal = st["Normal"]
        normal.font.size = Pt(10.5)
        if self.lang == "zh":
            normal.font.name = "Times New Roman"
            _east_asia(normal.element, "宋体")
        else:
            normal.font.name = "Calibri"
        normal.paragraph_format.space_after = Pt(4)
        for name, size in (("Heading 1", 14), ("Heading 2", 12), ("Heading 3", 11), ("Title", 22)):
            s = st[name]
            s.font.size = Pt(size)
            s.font.color.rgb = NAVY
            if self.lang == "zh":
                _east_asia(s.element, "黑体")
        for name in ("List Bullet", "List Number"):
            st[name].paragraph_format.space_after = Pt(2)

    def properties(self, *, title: str, author: str, subject: str, when: str, keywords: str = "",
                   category: str = "") -> None:
        cp = self.doc.core_properties
        cp.title, cp.author, cp.subject = title, author, subject
        cp.keywords, cp.category = keywords, category
        cp.last_modified_by = author
        cp.comments = ""
        cp.revision = 1
        stamp = datetime.fromisoformat(when + "T09:00:00")
        cp.created = stamp
        cp.modified = stamp
        cp.last_printed = stamp

    def custom_property(self, name: str, value: str) -> None:
        xml = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" '
            f'name="{name}"><vt:lpwstr>{value}</vt:lpwstr></property></Properties>'
        )
        package = self.doc.part.package
        part = Part(PackURI("/docProps/custom.xml"),
                    "application/vnd.openxmlformats-officedocument.custom-properties+xml",
                    xml.encode("utf-8"), package)
        package.relate_to(part, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties")

    def header_footer(self, header: str, footer: str) -> None:
        sec = self.doc.sections[0]
        hp = sec.header.paragraphs[0]
        hp.text = header
        hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for r in hp.runs:
            r.font.size = Pt(8.5)
            r.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
        fp = sec.footer.paragraphs[0]
        fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = fp.add_run(footer + ("    第 " if self.lang == "zh" else "    Page "))
        run.font.size = Pt(8.5)
        fld = OxmlElement("w:fldSimple")
        fld.set(qn("w:instr"), "PAGE")
        r = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.text = "1"
        r.append(t)
        fld.append(r)
        fp._p.append(fld)
        if self.lang == "zh":
            tail = fp.add_run(" 页")
            tail.font.size = Pt(8.5)

    # -- indices -----------------------------------------------------------------------------
    @property
    def next_paragraph(self) -> int:
        return len(self.doc.paragraphs)

    @property
    def next_table(self) -> int:
        return len(self.doc.tables)

    def defect(self, rule: str, where: dict | None, note: str, secondary: bool = False) -> None:
        entry: dict[str, Any] = {"rule": rule, "where": where, "note": note}
        if secondary:
            entry["secondary"] = True
        self.defects.append(entry)

    # -- content -----------------------------------------------------------------------------
    def title(self, text: str, subtitle: str | None = None, org: str | None = None) -> None:
        if self.mode == "styles":
            self.doc.add_paragraph(text, style="Title")
        else:
            p = self.doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            r = p.add_run(text)
            r.bold = True
            r.font.size = Pt(22)
            if self.lang == "zh":
                _east_asia(r._element, "黑体")
        for line, size in ((subtitle, 14), (org, 11)):
            if line:
                p = self.doc.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER if self.mode == "bold" else WD_ALIGN_PARAGRAPH.LEFT
                r = p.add_run(line)
                r.font.size = Pt(size)
                r.font.color.rgb = RGBColor(0x40, 0x40, 0x40)

    def heading(self, text: str, level: int = 1) -> int:
        idx = self.next_paragraph
        if self.mode == "styles":
            self.doc.add_heading(text, level)
        else:
            p = self.doc.add_paragraph()
            p.paragraph_format.space_before = Pt(10 if level == 1 else 6)
            p.paragraph_format.keep_with_next = True
            r = p.add_run(text)
            r.bold = True
            r.font.size = Pt(14 if level == 1 else 12)
            if self.lang == "zh":
                _east_asia(r._element, "黑体")
        return idx

    def para(self, text: str, label: str | None = None) -> int:
        idx = self.next_paragraph
        p = self.doc.add_paragraph()
        if label:
            r = p.add_run(label)
            r.bold = True
        p.add_run(text)
        return idx

    def bullets(self, items: list[str], numbered: bool = False) -> None:
        if self.mode == "bold":  # typed numbering, as Chinese office documents do
            for i, item in enumerate(items, 1):
                p = self.doc.add_paragraph(f"（{i}）{item}")
                p.paragraph_format.first_line_indent = Cm(0.74)
            return
        style = "List Number" if numbered else "List Bullet"
        for item in items:
            self.doc.add_paragraph(item, style=style)

    def table(self, header: list[str], rows: list[list[Any]], widths: list[float] | None = None,
              bold_last_row: bool = False, font_size: float = 9.5) -> int:
        idx = self.next_table
        t = self.doc.add_table(rows=1 + len(rows), cols=len(header))
        t.style = "Table Grid"
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        t.autofit = False
        for r_i, values in enumerate([header] + rows):
            row = t.rows[r_i]
            for c_i, value in enumerate(values):
                cell = row.cells[c_i]
                cell.text = "" if value is None else str(value)
                for p in cell.paragraphs:
                    p.paragraph_format.space_after = Pt(0)
                    for run in p.runs:
                        run.font.size = Pt(font_size)
                        if r_i == 0 or (bold_last_row and r_i == len(rows)):
                            run.bold = True
                if r_i == 0:
                    _shade(cell, HEADER_FILL)
                if widths:
                    cell.width = Cm(widths[c_i])
        tr_pr = t.rows[0]._tr.get_or_add_trPr()
        hdr = OxmlElement("w:tblHeader")
        hdr.set(qn("w:val"), "true")
        tr_pr.append(hdr)
        self.doc.add_paragraph()  # breathing space after every table, as typed documents have
        return idx

    def kv_table(self, pairs: list[tuple[str, str]], widths: tuple[float, float] = (4.5, 12.1)) -> int:
        idx = self.next_table
        t = self.doc.add_table(rows=len(pairs), cols=2)
        t.style = "Table Grid"
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        t.autofit = False
        for i, (k, v) in enumerate(pairs):
            a, b = t.rows[i].cells
            a.text, b.text = k, v
            _shade(a, LABEL_FILL)
            for cell, w in ((a, widths[0]), (b, widths[1])):
                cell.width = Cm(w)
                for p in cell.paragraphs:
                    p.paragraph_format.space_after = Pt(0)
                    for run in p.runs:
                        run.font.size = Pt(9.5)
            a.paragraphs[0].runs[0].bold = True
        self.doc.add_paragraph()
        return idx

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.doc.save(str(path))
        normalise_zip(path)


# Common blocks -------------------------------------------------------------------------------

def doc_control(w: WordDoc, p: dict, title: str, version: str, status: str, when: str, author: str,
                owner: str, extra: list[tuple[str, str]] | None = None, drop: tuple[str, ...] = ()) -> int:
    if w.lang == "zh":
        pairs = [("项目名称", p["name"]), ("项目编号", p["id"]), ("项目发起人", p["sponsor"]),
                 ("项目经理", p["manager"]), ("文档名称", title), ("版本号", version), ("文档状态", status),
                 ("编制日期", when), ("编制人", author), ("文档负责人", owner)]
        w.heading("文档控制信息", 1) if w.mode == "styles" else w.heading("文档控制信息", 2)
    else:
        pairs = [("Project Name", p["name"]), ("Project ID", p["id"]), ("Project Sponsor", p["sponsor"]),
                 ("Project Manager", p["manager"]), ("Document Title", title), ("Version", version),
                 ("Status", status), ("Date", when), ("Author", author), ("Owner", owner)]
        w.heading("Document Control", 1)
    pairs += extra or []
    pairs = [kv for kv in pairs if kv[0] not in drop]
    return w.kv_table(pairs)


def revision_history(w: WordDoc, rows: list[tuple[str, str, str, str]]) -> int:
    if w.lang == "zh":
        w.heading("修订记录", 1) if w.mode == "styles" else w.heading("修订记录", 2)
        header = ["版本号", "修订日期", "修订人", "修订内容"]
    else:
        w.heading("Revision History", 1)
        header = ["Version", "Date", "Author", "Summary of Changes"]
    return w.table(header, [list(r) for r in rows], widths=[1.8, 2.6, 2.8, 9.4])


def approvals_table(w: WordDoc, rows: list[tuple[str, str, str, str]]) -> int:
    header = ["姓名", "职务", "签字", "日期"] if w.lang == "zh" else ["Name", "Role", "Signature", "Date"]
    return w.table(header, [list(r) for r in rows], widths=[3.4, 6.4, 3.8, 3.0])


# --------------------------------------------------------------------------------------------
# Excel building blocks
# --------------------------------------------------------------------------------------------

THIN = Side(style="thin", color="A6A6A6")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HFILL = PatternFill("solid", fgColor=HEADER_FILL)
LFILL = PatternFill("solid", fgColor=LABEL_FILL)
LEVEL_FILL = {
    "Low": "C6EFCE", "Medium": "FFEB9C", "High": "F8CBAD", "Critical": "FF7C80",
    "低": "C6EFCE", "中": "FFEB9C", "高": "F8CBAD", "极高": "FF7C80",
}


def band(score: int, lang: str) -> str:
    names = ["Low", "Medium", "High", "Critical"] if lang == "en" else ["低", "中", "高", "极高"]
    if score <= 5:
        return names[0]
    if score <= 12:
        return names[1]
    if score <= 19:
        return names[2]
    return names[3]


def as_date(iso: str | None):
    return datetime.fromisoformat(iso) if iso else None


def xl_cover(ws, lang: str, title: str, p: dict, fields: list[tuple[str, str]],
             approvals: list[tuple[str, str, str, str]]) -> None:
    ws["A1"] = title
    ws["A1"].font = Font(size=16, bold=True, color="1F3864")
    ws["A2"] = p["company"]
    ws["A2"].font = Font(size=11, color="595959")
    r = 4
    ws.cell(r, 1, "文档控制信息" if lang == "zh" else "Document Control").font = Font(bold=True, size=12)
    r += 1
    for k, v in fields:
        a, b = ws.cell(r, 1, k), ws.cell(r, 2, v)
        a.font, a.fill = Font(bold=True), LFILL
        if isinstance(v, datetime):
            b.number_format = "yyyy-mm-dd"
            b.alignment = Alignment(horizontal="left")
        a.border = b.border = BOX
        r += 1
    r += 1
    ws.cell(r, 1, "审批" if lang == "zh" else "Approvals").font = Font(bold=True, size=12)
    r += 1
    header = ["姓名", "职务", "签字", "日期"] if lang == "zh" else ["Name", "Role", "Signature", "Date"]
    for c, h in enumerate(header, 1):
        cell = ws.cell(r, c, h)
        cell.font, cell.fill, cell.border = Font(bold=True), HFILL, BOX
    for row in approvals:
        r += 1
        for c, v in enumerate(row, 1):
            cell = ws.cell(r, c, as_date(v) if c == 4 else v)
            cell.border = BOX
            if c == 4:
                cell.number_format = "yyyy-mm-dd"
    for col, wdt in zip("ABCD", (20, 44, 22, 14)):
        ws.column_dimensions[col].width = wdt


def xl_revisions(ws, lang: str, rows: list[tuple[str, str, str, str]]) -> None:
    ws["A1"] = "修订记录" if lang == "zh" else "Revision History"
    ws["A1"].font = Font(size=14, bold=True, color="1F3864")
    header = ["版本号", "修订日期", "修订人", "修订内容"] if lang == "zh" else ["Version", "Date", "Author", "Summary of Changes"]
    for c, h in enumerate(header, 1):
        cell = ws.cell(3, c, h)
        cell.font, cell.fill, cell.border = Font(bold=True), HFILL, BOX
    for i, (v, d, a, s) in enumerate(rows, 4):
        for c, val in enumerate((v, as_date(d), a, s), 1):
            cell = ws.cell(i, c, val)
            cell.border = BOX
            cell.alignment = Alignment(vertical="top", wrap_text=(c == 4))
        ws.cell(i, 1).number_format = "@"
        ws.cell(i, 2).number_format = "yyyy-mm-dd"
    for col, wdt in zip("ABCD", (10, 13, 16, 80)):
        ws.column_dimensions[col].width = wdt


def xl_register(ws, title: str, project_line: tuple[str, str], note: str, header: list[str], rows: list[list[Any]],
                widths: list[int], date_cols: set[int], header_row: int = 4) -> None:
    ws.cell(1, 1, title).font = Font(size=16, bold=True, color="1F3864")
    ws.cell(2, 1, project_line[0]).font = Font(size=11, bold=True)  # project name ...
    ws.cell(2, 3, project_line[1]).font = Font(size=11, bold=True)  # ... and id, in their own cells
    ws.cell(3, 1, note).font = Font(size=9, italic=True, color="595959")
    for c, h in enumerate(header, 1):
        cell = ws.cell(header_row, c, h)
        cell.font, cell.fill, cell.border = Font(bold=True), HFILL, BOX
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    ws.row_dimensions[header_row].height = 32
    for r_i, values in enumerate(rows, header_row + 1):
        for c, v in enumerate(values, 1):
            cell = ws.cell(r_i, c)
            cell.value = as_date(v) if (c in date_cols and isinstance(v, str) and v) else (None if v == "" else v)
            cell.border = BOX
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if c in date_cols:
                cell.number_format = "yyyy-mm-dd"
    for c, wdt in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(c)].width = wdt
    last = header_row + len(rows)
    ws.freeze_panes = ws.cell(header_row + 1, 2)
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(len(header))}{last}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.print_title_rows = f"{header_row}:{header_row}"


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
    stamp = datetime.fromisoformat(when + "T09:00:00")
    wb.properties.title = title
    wb.properties.creator = author
    wb.properties.lastModifiedBy = author
    wb.properties.subject = f"{p['name']} ({p['id']})"
    wb.properties.created = stamp
    wb.properties.modified = stamp
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(str(path))
    normalise_zip(path, modified=stamp)


def normalise_zip(path: Path, modified: datetime | None = None) -> None:
    """Rewrite an OOXML package with fixed member timestamps (and a fixed modified date).

    python-docx and openpyxl stamp zip entries with the wall clock, and openpyxl overwrites
    `dcterms:modified` on save; both would make every rerun differ.
    """
    with zipfile.ZipFile(path) as src:
        members = [(i.filename, src.read(i.filename)) for i in src.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in members:
            if modified is not None and name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              b"\\g<1>" + modified.strftime("%Y-%m-%dT%H:%M:%SZ").encode() + b"\\g<2>", data)
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, data)
    path.write_bytes(buf.getvalue())


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
    t = approvals_table(w, appr)
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
    doc_control(w, p, "Project Management Plan", "1.2", "Approved", "2026-04-22", "Marcus Webb", "Marcus Webb")
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
           "configuration and build. Tailoring: the PMO standard's separate scope statement is replaced by section 4 "
           "and the charter; stage-end reports are replaced by gate reviews G2-G4.")
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
    w.para("The scope baseline consists of the charter boundaries, the work breakdown structure (7 phases, 46 work "
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
    approvals_table(w, [
        ("Dana Lee", "Project Sponsor; Chief Commercial Officer", "/s/ Dana Lee", "2026-04-23"),
        ("Priya Raman", "Head of PMO", "/s/ Priya Raman", "2026-04-23"),
        ("Marcus Webb", "Project Manager", "/s/ Marcus Webb", "2026-04-22"),
    ])
    if variant is None:
        w.custom_property("ProjectID", p["id"])
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
    return [rid, desc, cat, raised, by, prob, imp, f"=F{row_no}*G{row_no}", band(prob * imp, lang), strat, act,
            owner, status, trig, cont, due, rev, closed, reason]


RISK_WIDTHS = [8, 48, 13, 12, 15, 11, 10, 11, 10, 12, 44, 15, 11, 30, 36, 12, 12, 12, 30]


def en_risk_register(out: Path, rel: str) -> Output:
    p = EN
    wb = Workbook()
    cover = wb.active
    cover.title = "Cover"
    xl_cover(cover, "en", "Risk Register", p, [
        ("Project Name", p["name"]), ("Project ID", p["id"]), ("Project Sponsor", p["sponsor"]),
        ("Project Manager", p["manager"]), ("Document Title", "Risk Register"), ("Version", "1.5"),
        ("Status", "Final"), ("Date", as_date("2026-09-21")), ("Author", "Marcus Webb"), ("Owner", "Marcus Webb"),
    ], [("Marcus Webb", "Project Manager", "/s/ Marcus Webb", "2026-09-21"),
        ("Priya Raman", "Head of PMO (review)", "/s/ Priya Raman", "2026-09-21")])
    xl_revisions(wb.create_sheet("Revision History"), "en", EN_RR_REVS)
    ws = wb.create_sheet("Risks")
    rows = [risk_row(r, i, "en") for i, r in enumerate(EN_RISKS, 5)]
    xl_register(ws, "Risk Register", (f"Project Name: {p['name']}", f"Project ID: {p['id']}"),
                "Scoring: probability and impact 1-5; score = P × I; levels Low 1-5, Medium 6-12, High 13-19, Critical 20-25. Register reviewed 2026-09-21.",
                EN_RISK_HEADER, rows, RISK_WIDTHS, date_cols={4, 16, 17, 18})
    last = 4 + len(rows)
    for i in range(5, last + 1):
        lvl = ws.cell(i, 9)
        lvl.fill = PatternFill("solid", fgColor=LEVEL_FILL[lvl.value])
        for c in (6, 7, 8):
            ws.cell(i, c).alignment = Alignment(horizontal="center", vertical="top")
    add_list_validation(ws, 13, 5, last + 20, ["Open", "Monitoring", "Occurred", "Closed"])
    add_list_validation(ws, 9, 5, last + 20, ["Low", "Medium", "High", "Critical"])
    add_list_validation(ws, 10, 5, last + 20, ["Avoid", "Reduce", "Transfer", "Accept", "Share", "Escalate"])
    add_scale_validation(ws, 6, 5, last + 20)
    add_scale_validation(ws, 7, 5, last + 20)
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
    wb = Workbook()
    cover = wb.active
    cover.title = "Cover"
    xl_cover(cover, "en", "Change Log", p, [
        ("Project Name", p["name"]), ("Project ID", p["id"]), ("Project Sponsor", p["sponsor"]),
        ("Project Manager", p["manager"]), ("Document Title", "Change Log"), ("Version", "1.3"),
        ("Status", "Final"), ("Date", as_date("2026-09-21")), ("Author", "Marcus Webb"), ("Owner", "Marcus Webb"),
    ], [("Marcus Webb", "Project Manager", "/s/ Marcus Webb", "2026-09-21"),
        ("Priya Raman", "Head of PMO (review)", "/s/ Priya Raman", "2026-09-21")])
    xl_revisions(wb.create_sheet("Revision History"), "en", EN_CL_REVS)
    ws = wb.create_sheet("Change Log")
    approved = sum(r[9] for r in EN_CHANGES if r[6] == "Approved")
    xl_register(ws, "Change Log", (f"Project Name: {p['name']}", f"Project ID: {p['id']}"),
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
    # Owner goes too: COM-01 accepts either an author or an owner, so dropping only Author would not be a defect.
    drop = ("Version", "Author", "Owner") if variant == "missing_fields" else ()
    t = doc_control(w, p, "Project Status Report No. 19", "1.0", "Final", "2026-09-21", "Marcus Webb", "Marcus Webb",
                    extra=[("Report Date", "2026-09-21"), ("Reporting Period", "2026-09-07 to 2026-09-18")], drop=drop)
    if variant == "missing_fields":
        w.defect("COM-01", {"table": t}, "Document-control block has no Version row.")
        w.defect("COM-01", {"table": t}, "Document-control block has no Author row (and no Owner row, which COM-01 accepts instead).")
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
    approvals_table(w, [
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
    approvals_table(w, [
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
    approvals_table(w, [
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
           "项目范围说明书并入章程第四部分及本计划第4章，阶段总结以阶段评审纪要代替。")
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
    w.para("范围基准由章程中的项目边界、工作分解结构（WBS，8个阶段、52个工作包）及WBS词典组成。范围基准V1.1增加了与"
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
    approvals_table(w, [
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
    wb = Workbook()
    cover = wb.active
    cover.title = "封面"
    xl_cover(cover, "zh", "风险登记册", p, [
        ("项目名称", p["name"]), ("项目编号", p["id"]), ("项目发起人", p["sponsor"]), ("项目经理", p["manager"]),
        ("文档名称", "风险登记册"), ("版本号", "V1.6"), ("文档状态", "已发布"), ("编制日期", as_date("2026-10-16")),
        ("编制人", "李明轩"), ("文档负责人", "李明轩"),
    ], [("李明轩", "项目经理", "已签", "2026-10-16"), ("陈静", "PMO主任（审核）", "已签", "2026-10-16")])
    xl_revisions(wb.create_sheet("修订记录"), "zh", ZH_RR_REVS)
    ws = wb.create_sheet("风险登记册")
    rows = [risk_row(r, i, "zh") for i, r in enumerate(ZH_RISKS, 5)]
    defects: list[dict] = []
    if variant == "score_error":
        i = next(k for k, r in enumerate(ZH_RISKS) if r[0] == "FX-02")
        row_no = 5 + i
        assert rows[i][5] == 4 and rows[i][6] == 5
        rows[i][7] = 12          # typed over the formula: 4 × 5 is 20
        rows[i][8] = band(12, "zh")  # level follows the wrong score ("中")
        defects.append({"rule": "RR-06", "where": {"sheet": "风险登记册", "cell": f"H{row_no}"},
                        "note": f"FX-02: probability 4 × impact 5 = 20, but the score cell holds the typed value 12 "
                                f"(the rest of column H are formulas); the level '中' follows the wrong score."})
        j = next(k for k, r in enumerate(ZH_RISKS) if r[0] == "FX-05")
        row_no = 5 + j
        assert rows[j][8] == "高"
        rows[j][13] = ""  # trigger
        rows[j][14] = ""  # contingency
        defects.append({"rule": "RR-12", "where": {"sheet": "风险登记册", "cell": f"O{row_no}"},
                        "note": f"FX-05 is a High (高, 16) open risk with an empty contingency plan (O{row_no}) "
                                f"and an empty trigger (N{row_no})."})
    xl_register(ws, "风险登记册", (f"项目名称：{p['name']}", f"项目编号：{p['id']}"),
                "评分规则：发生概率、影响程度均为1-5分，风险值=概率×影响；等级：低1-5，中6-12，高13-19，极高20-25。复核日期：2026-10-16。",
                ZH_RISK_HEADER, rows, RISK_WIDTHS, date_cols={4, 16, 17, 18})
    last = 4 + len(rows)
    for i in range(5, last + 1):
        lvl = ws.cell(i, 9)
        lvl.fill = PatternFill("solid", fgColor=LEVEL_FILL[lvl.value])
        for c in (6, 7, 8):
            ws.cell(i, c).alignment = Alignment(horizontal="center", vertical="top")
    add_list_validation(ws, 13, 5, last + 20, ["开放", "监控中", "已发生", "已关闭"])
    add_list_validation(ws, 9, 5, last + 20, ["低", "中", "高", "极高"])
    add_list_validation(ws, 10, 5, last + 20, ["规避", "减轻", "转移", "接受", "分担", "上报"])
    add_scale_validation(ws, 6, 5, last + 20)
    add_scale_validation(ws, 7, 5, last + 20)
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
    wb = Workbook()
    cover = wb.active
    cover.title = "封面"
    xl_cover(cover, "zh", "变更日志", p, [
        ("项目名称", p["name"]), ("项目编号", p["id"]), ("项目发起人", p["sponsor"]), ("项目经理", p["manager"]),
        ("文档名称", "变更日志"), ("版本号", "V1.2"), ("文档状态", "已发布"), ("编制日期", as_date("2026-10-16")),
        ("编制人", "李明轩"), ("文档负责人", "李明轩"),
    ], [("李明轩", "项目经理", "已签", "2026-10-16"), ("陈静", "PMO主任（审核）", "已签", "2026-10-16")])
    xl_revisions(wb.create_sheet("修订记录"), "zh", ZH_CL_REVS)
    ws = wb.create_sheet("变更日志")
    approved = sum(r[9] for r in ZH_CHANGES if r[6] == "批准")
    xl_register(ws, "变更日志", (f"项目名称：{p['name']}", f"项目编号：{p['id']}"),
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
    approvals_table(w, [
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
    approvals_table(w, [
        ("王建国", "项目发起人、副总经理", "已签", "2026-10-30"),
        ("赵志刚", "业务负责人、仓储物流部经理", "已签", "2026-10-29"),
        ("周海涛", "信息中心主任（运维接收方）", "已签", "2026-10-29"),
        ("陈静", "PMO主任", "已签", "2026-10-29"),
        ("李明轩", "项目经理", "已签", "2026-10-28"),
    ])
    w.save(out / rel)
    return Output(rel, "CLOSURE_REPORT", "zh", project_fields(p), w.defects)


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
    (en_status_report, "defects/status_report_missing_fields.docx", {"variant": "missing_fields"}),
    (zh_risk_register, "defects/风险登记册_评分错误.xlsx", {"variant": "score_error"}),
    (en_plan, "defects/plan_version_mismatch.docx", {"variant": "version_mismatch"}),
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
