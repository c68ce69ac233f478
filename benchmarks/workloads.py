"""Deterministic benchmark workloads: Word documents and Excel registers a PMO actually receives.

Every generator takes a seed and writes the same content for the same arguments (fixed core
properties and zip timestamps, so reruns are byte-identical). Files are cached under a work
folder keyed by `GENERATOR_VERSION` and the sizes, so a second run only measures.

The builders share the document library of the tests (`tests/support/`: the benchmarks may import
the test support package), so a workload is built like the documents the tests and samples use.

* Word files are written with tests/support/word.py (title, doc-control table, revision history,
  sections with English and Chinese paragraphs, milestone/budget/stakeholder tables, approvals,
  page header and footer).
* Registers are written as SpreadsheetML directly (shared strings, a date style, formulas with
  their cached values, a merged title, a list validation), in the register layout of
  tests/support/workbook.py and with the doc-control labels of tests/support/pmo_template.py:
  python-docx-style object building would take minutes for 200,000 rows, and openpyxl's
  write-only mode cannot store a formula's cached value, which real files written by Excel always have.
"""
from __future__ import annotations

import os
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Callable
from xml.sax.saxutils import escape

from checker.model.a1 import get_column_letter
from tests.support import ooxml
from tests.support.pmo_template import APPROVALS, CONTROL_LABELS, REVISION_HISTORY, Lang, control_block
from tests.support.projects import PROJECT_NAME
from tests.support.word import WordWriter
from tests.support.workbook import HEADER_ROW

GENERATOR_VERSION = 2  # 2: Word files written with tests/support/word.py, zips by tests/support/ooxml.py
FIXED_DAY = "2026-01-01"  # core properties: created and modified at 09:00 that day

# --------------------------------------------------------------------------------------------
# Word banks (fictional)
# --------------------------------------------------------------------------------------------

EN_WORDS = ("the project team will migrate customer accounts to the new platform with zero data loss "
            "while the sponsor approves each stage gate and the steering committee reviews budget "
            "variance schedule risk vendor performance quality metrics training readiness and the "
            "cutover plan for every region warehouse integration interface and reporting dashboard").split()
ZH_SENTENCES = (
    "本项目建设统一的智慧仓储管理平台，实现多仓协同与库存实时可视。",
    "项目组每周召开例会，跟踪进度偏差并及时上报风险。",
    "系统上线前完成用户验收测试，库存准确率达到99.5%以上。",
    "供应商按合同约定分阶段交付，每个里程碑均需项目发起人签字确认。",
    "数据迁移采用双轨运行方式，确保业务连续性不受影响。",
    "培训计划覆盖全部一线操作人员和仓库管理人员。",
)
PEOPLE_EN = ("Dana Lee", "Marcus Webb", "Wei Zhang", "Omar Haddad", "Priya Nair", "Tom Becker", "Sara Ito")
PEOPLE_ZH = ("王建国", "李明轩", "张伟", "陈静", "刘洋", "赵敏", "孙磊")
RISK_TEXT_EN = ("Key vendor resources may be reassigned to another client", "Data quality in the legacy CRM is lower "
                "than assumed", "Integration with the ERP order API slips past the test window", "Regulatory review "
                "of the data-retention policy delays cutover", "Users resist the new sales process",
                "Licence costs rise at renewal", "Test environments are not ready on time")
RISK_TEXT_ZH = ("关键供应商人员可能被调往其他项目", "历史数据质量低于预期", "与ERP接口联调延期", "监管审查导致上线推迟",
                "一线人员对新流程存在抵触", "软件许可费用上涨", "测试环境未按期就绪")
CATEGORIES = ("Technical", "Schedule", "Cost", "Resource", "Vendor", "Compliance", "Organisational")
STRATEGIES = ("Avoid", "Reduce", "Transfer", "Accept", "Fallback")
STATUSES = ("Open", "Open", "Open", "Closed", "Monitoring")
LEVEL_BANDS = ((1, 4, "Low"), (5, 9, "Medium"), (10, 16, "High"), (17, 25, "Critical"))


def _sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(EN_WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random, words: int, zh_share: float) -> str:
    if rng.random() < zh_share:
        return "".join(rng.choice(ZH_SENTENCES) for _ in range(max(1, words // 25)))
    out, left = [], words
    while left > 0:
        n = min(left, rng.randint(9, 18))
        out.append(_sentence(rng, n))
        left -= n
    return " ".join(out)


# --------------------------------------------------------------------------------------------
# Word documents
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class DocSpec:
    title: str
    sections: tuple[str, ...]
    paragraphs: int  # body paragraphs in total (headings and tables not counted)
    tables: int  # content tables besides doc control, revision history and approvals
    table_rows: int = 8
    words: int = 70
    zh_share: float = 0.15
    zh: bool = False


CHARTER_SECTIONS = ("Project Purpose", "Measurable Project Objectives and Success Criteria", "High-level Requirements",
                    "High-level Project Description", "Boundaries", "Key Deliverables", "Overall Project Risk",
                    "Summary Milestone Schedule", "Summary Budget", "Key Stakeholder List",
                    "Project Approval Requirements", "Project Exit Criteria",
                    "Assigned Project Manager, Responsibility and Authority Level", "Sponsor", "Assumptions",
                    "Constraints")
PLAN_SECTIONS = ("Objectives", "Life cycle", "Milestones", "Resource Allocation", "Scope Management Plan",
                 "Requirements Management Plan", "Schedule Management Plan", "Cost Management Plan",
                 "Quality Management Plan", "Communications Management Plan", "Risk Management Plan",
                 "Procurement Management Plan", "Stakeholder Engagement Plan", "Change Management Plan",
                 "Configuration Management Plan", "Scope Baseline", "Schedule Baseline", "Cost Baseline",
                 "Key Management Reviews")
STATUS_SECTIONS = ("Overall Status", "Status Summary", "This Reporting Period", "Next Reporting Period", "Milestones",
                   "Budget", "Project and Stage Tolerance Status", "Key Issues and Risks", "Requests for Change",
                   "Decisions Needed")
ZH_CHARTER_SECTIONS = ("一、项目背景", "二、项目目标", "三、总体要求", "四、项目范围概述", "五、主要风险", "六、主要里程碑",
                       "七、项目总体预算", "八、主要项目干系人", "九、项目审批要求", "十、项目退出标准", "十一、项目经理",
                       "十二、项目发起人")
CLOSURE_SECTIONS = ("Project Summary", "Objectives Achieved", "Schedule Performance", "Cost Performance",
                    "Quality and Acceptance", "Outstanding Issues", "Lessons Learned", "Handover")
MINUTES_SECTIONS = ("Attendees", "Agenda", "Discussion", "Decisions", "Action Items", "Next Meeting")


# Charter text as PMOs write it (fictional), for the workload that makes the NLP rules read: SMART and vague
# objectives, risks with and without cause and effect, progress claims, people with roles, dates, amounts.
PMO_OBJECTIVES_EN = (
    "Migrate 100% of active customer accounts to the new CRM by 2026-06-30 with zero data loss.",
    "Improve customer satisfaction with the service desk.",
    "Reduce average case resolution time from 9.5 hours to under 4 hours within three months of go-live.",
    "Deliver a robust, user-friendly reporting platform for the sales teams.",
    "Retire the legacy billing system before the Q4 2026 licence renewal.",
    "Enhance collaboration between sales and service as soon as possible.",
    "Train all 420 users on the new processes by 2026-08-15.",
    "Optimise the order-to-cash process across all regions.",
)
PMO_PROSE_EN = (
    "Because the vendor shares its lead architect with another client, the design review may slip, delaying the build.",
    "The steering committee meets monthly and reviews budget variance, schedule risk and vendor performance.",
    "Data quality in the legacy CRM is lower than assumed, which could extend the migration rehearsals.",
    "The project is on track and the design work is mostly complete.",
    "Wei Zhang, Senior Project Manager, approves spending up to USD 50,000 per purchase order.",
    "Key users may not be released by the regional sales managers during the quarter-end close.",
    "Out of scope: the billing system, the dealer portal and any change to the ERP beyond the agreed interfaces.",
    "The sponsor judges success against the objectives; the steering committee signs the closure report.",
    "Monitor the vendor closely and follow up regularly on open actions.",
    "If the integration tests fail twice, the go-live moves to the next release window in Q3 2026.",
    "The pre-approved budget is USD 1,200,000 including a 10% contingency reserve held by the sponsor.",
    "Training materials are reviewed by the business owners and translated into German and Dutch.",
)
PMO_PROSE_ZH = (
    "由于供应商核心人员同时支持其他项目，接口开发可能延期，导致联调推迟。",
    "项目进展顺利，需求分析工作基本完成。",
    "2026年12月31日前完成三个仓库上线，库存准确率达到99.5%以上。",
    "进一步提升仓储管理水平，优化业务流程。",
    "加强沟通，密切关注供应商交付进度。",
    "任命李明为项目经理，有权审批20万元以内的采购。",
)


def pmo_charter(path: Path, sizes: "Sizes") -> Path:
    """A ~20-page charter in the words PMOs write (EN with Chinese paragraphs): the NLP rules' workload."""
    rng = random.Random(21)
    w = WordWriter("en")
    w.properties(title="Project Charter", author=PEOPLE_EN[2], when=FIXED_DAY)
    w.header_footer("Project Charter — PRJ-2026-021", "Confidential · 内部资料")
    w.title("Project Charter", f"{PROJECT_NAME['en']} (21)")
    w.kv_table(control_block("en", project_name=PROJECT_NAME["en"], project_id="PRJ-2026-021", title="Project Charter",
                             version="1.2", status="Final", date="2026-01-12", author=PEOPLE_EN[2], owner=PEOPLE_EN[1]))
    w.heading(REVISION_HISTORY["en"])
    w.revision_table([(f"{0.8 + i / 10:.1f}", (date(2026, 1, 2) + timedelta(days=3 * i)).isoformat(), PEOPLE_EN[2],
                       rng.choice(PMO_PROSE_EN)) for i in range(5)])
    per_section = max(1, sizes.charter_paragraphs // len(CHARTER_SECTIONS))
    for title in CHARTER_SECTIONS:
        w.heading(title)
        bank = PMO_OBJECTIVES_EN if title.startswith("Measurable") else PMO_PROSE_EN
        for i in range(per_section):
            if rng.random() < 0.15:
                w.para(rng.choice(PMO_PROSE_ZH))
            else:
                w.para(" ".join(rng.choice(bank) for _ in range(rng.randint(3, 6))))
        if title in ("Overall Project Risk", "Key Stakeholder List"):
            w.table(("Item", "Owner", "Comment"), [(rng.choice(PMO_PROSE_EN)[:60], rng.choice(PEOPLE_EN),
                                                    rng.choice(PMO_PROSE_EN)) for _ in range(8)])
    w.heading(APPROVALS["en"])
    w.approvals_table([(PEOPLE_EN[0], "Project Sponsor", f"/s/ {PEOPLE_EN[0]}", "2026-01-14"),
                       (PEOPLE_EN[3], "PMO Director", f"/s/ {PEOPLE_EN[3]}", "2026-01-15")])
    return w.save(path)


def write_docx(path: Path, spec: DocSpec, seed: int) -> Path:
    rng = random.Random(seed)
    lang: Lang = "zh" if spec.zh else "en"
    people = PEOPLE_ZH if spec.zh else PEOPLE_EN
    w = WordWriter(lang)
    w.properties(title=spec.title, author=people[2], when=FIXED_DAY)
    w.header_footer(f"{spec.title} — PRJ-2026-{seed % 1000:03d}", "Confidential · 内部资料" if not spec.zh else "内部资料 请勿外传")
    w.title(spec.title, f"{PROJECT_NAME[lang]} ({seed})")
    if spec.zh:
        w.kv_table(control_block("zh", project_name=PROJECT_NAME["zh"], project_id=f"ZC-2026-{seed % 1000:03d}",
                                 title=spec.title, version="V1.2", status="已批准", date="2026-02-10", author=people[2]))
    else:
        w.kv_table(control_block("en", project_name=PROJECT_NAME["en"], project_id=f"PRJ-2026-{seed % 1000:03d}",
                                 title=spec.title, version="1.2", status="Final", date="2026-01-12", author=people[2],
                                 owner=people[1]))
    w.heading(REVISION_HISTORY[lang])
    w.revision_table([(f"{'V' if spec.zh else ''}{0.8 + i / 10:.1f}",
                       (date(2026, 1, 2) + timedelta(days=3 * i)).isoformat(), people[2], _sentence(rng, 6))
                      for i in range(5)])

    per_section = max(1, spec.paragraphs // max(1, len(spec.sections)))
    tables_left = spec.tables
    written = 0
    for s, title in enumerate(spec.sections):
        w.heading(title)
        count = per_section if s < len(spec.sections) - 1 else max(1, spec.paragraphs - written)
        for i in range(count):
            if i and i % 9 == 0:
                w.heading(f"{title} — part {i // 9}" if not spec.zh else f"{title}（{i // 9}）", level=2)
            w.para(_paragraph(rng, spec.words, spec.zh_share if not spec.zh else 0.8))
        written += count
        tables_here = -(-tables_left // (len(spec.sections) - s)) if tables_left else 0
        for _ in range(tables_here):
            _content_table(w, rng, spec)
        tables_left -= tables_here

    w.heading(APPROVALS[lang])
    w.approvals_table([(people[0], "项目发起人" if spec.zh else "Project Sponsor", f"/s/ {people[0]}", "2026-01-14"),
                       (people[3], "PMO负责人" if spec.zh else "PMO Director", f"/s/ {people[3]}", "2026-01-15")])
    return w.save(path)


def _content_table(w: WordWriter, rng: random.Random, spec: DocSpec) -> None:
    kind = rng.randrange(3)
    people = PEOPLE_ZH if spec.zh else PEOPLE_EN
    if kind == 0:
        header = ("里程碑", "计划日期", "负责人", "状态") if spec.zh else ("Milestone", "Planned Date", "Owner", "Status")
        rows = [(f"{'里程碑' if spec.zh else 'Milestone'} {i + 1}: {_sentence(rng, 4)}",
                 (date(2026, 2, 1) + timedelta(days=14 * i)).isoformat(), rng.choice(people), rng.choice(STATUSES))
                for i in range(spec.table_rows)]
    elif kind == 1:
        header = ("成本项", "预算（万元）", "备注") if spec.zh else ("Cost Item", "Budget (USD)", "Notes")
        rows = [(_sentence(rng, 3), f"{rng.randint(5, 500) * 1000:,}", _sentence(rng, 8)) for _ in range(spec.table_rows)]
    else:
        header = ("姓名", "角色", "职责", "联系方式") if spec.zh else ("Name", "Role", "Responsibility", "Contact")
        rows = [(rng.choice(people), _sentence(rng, 2), _sentence(rng, 10), f"ext. {rng.randint(1000, 9999)}")
                for _ in range(spec.table_rows)]
    w.table(header, rows)


# --------------------------------------------------------------------------------------------
# Excel registers (SpreadsheetML written directly)
# --------------------------------------------------------------------------------------------

REGISTER_HEADER_EN = ("Risk ID", "Risk Description", "Category", "Date Raised", "Raised By", "Probability", "Impact",
                      "Risk Score", "Risk Level", "Response Strategy", "Mitigation", "Risk Owner", "Status",
                      "Due Date", "Last Reviewed")
REGISTER_HEADER_ZH = ("风险编号", "风险描述", "风险类别", "识别日期", "提出人", "发生概率", "影响程度", "风险值", "风险等级",
                      "应对策略", "应对措施", "责任人", "状态", "计划完成时间", "复核日期")
_EPOCH = date(1899, 12, 30)


class _Strings:
    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.count = 0

    def __call__(self, text: str) -> int:
        self.count += 1
        i = self.index.get(text)
        if i is None:
            i = self.index[text] = len(self.index)
        return i

    def xml(self) -> bytes:
        items = "".join(f'<si><t xml:space="preserve">{escape(t)}</t></si>' for t in self.index)
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{_NS}" count="{self.count}" '
                f'uniqueCount="{len(self.index)}">{items}</sst>').encode()


_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def write_register(path: Path, rows: int, seed: int, *, zh: bool = False, title: str | None = None) -> Path:
    """A risk register workbook: a Cover sheet, the register (title, header, `rows` risks), a Lookup sheet."""
    rng = random.Random(seed)
    sst = _Strings()
    header = REGISTER_HEADER_ZH if zh else REGISTER_HEADER_EN
    texts = RISK_TEXT_ZH if zh else RISK_TEXT_EN
    people = PEOPLE_ZH if zh else PEOPLE_EN
    lang: Lang = "zh" if zh else "en"
    title = title or f"{'风险登记册' if zh else 'Risk Register'} — {PROJECT_NAME[lang]}"
    ncols = len(header)
    last = get_column_letter(ncols)

    def s(ref: str, text: str, style: int = 0) -> str:
        return f'<c r="{ref}" t="s"{f" s={chr(34)}{style}{chr(34)}" if style else ""}><v>{sst(text)}</v></c>'

    def n(ref: str, value: float | int, style: int = 0) -> str:
        return f'<c r="{ref}"{f" s={chr(34)}{style}{chr(34)}" if style else ""}><v>{value}</v></c>'

    def sheet_xml(body_rows: Callable[[], "list[str] | object"], extra: str = "", cols: int = ncols) -> bytes:
        parts = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{_NS}" xmlns:r="{_RNS}">'
                 f'<dimension ref="A1:{get_column_letter(cols)}1"/><sheetData>']
        parts.extend(body_rows())  # type: ignore[arg-type]
        parts.append("</sheetData>")
        parts.append(extra)
        parts.append("</worksheet>")
        return "".join(parts).encode()

    def register_rows():
        yield f'<row r="1">{s("A1", title, 2)}</row>'
        project_id = CONTROL_LABELS["project_id"][lang] + ("：ZC-2026-" if zh else ": PRJ-2026-") + f"{seed % 1000:03d}"
        yield f'<row r="2">{s("A2", project_id)}</row>'
        names = "".join(s(f"{get_column_letter(c + 1)}{HEADER_ROW}", h, 2) for c, h in enumerate(header))
        yield f'<row r="{HEADER_ROW}">{names}</row>'
        for i in range(rows):
            r = HEADER_ROW + 1 + i
            p, im = rng.randint(1, 5), rng.randint(1, 5)
            level = next(name for lo, hi, name in LEVEL_BANDS if lo <= p * im <= hi)
            raised = date(2026, 1, 5) + timedelta(days=rng.randrange(200))
            status = rng.choice(STATUSES)
            cells = [
                s(f"A{r}", f"R-{i + 1:06d}"),
                s(f"B{r}", f"{rng.choice(texts)} ({i + 1})"),
                s(f"C{r}", rng.choice(CATEGORIES)),
                n(f"D{r}", (raised - _EPOCH).days, 1),
                s(f"E{r}", rng.choice(people)),
                n(f"F{r}", p),
                n(f"G{r}", im),
                f'<c r="H{r}"><f>F{r}*G{r}</f><v>{p * im}</v></c>',
                s(f"I{r}", level),
                s(f"J{r}", rng.choice(STRATEGIES)),
                s(f"K{r}", _sentence(rng, rng.randint(6, 14))),
                s(f"L{r}", rng.choice(people)),
                s(f"M{r}", status),
                n(f"N{r}", (raised - _EPOCH).days + 30, 1),
                n(f"O{r}", (date(2026, 8, 1) - _EPOCH).days, 1),
            ]
            yield f'<row r="{r}">' + "".join(cells) + "</row>"

    def cover_rows():
        items = control_block("en", project_name=PROJECT_NAME["en"], project_id=f"PRJ-2026-{seed % 1000:03d}",
                              title="Risk Register", version="2.3", status="Final", author=people[2], date="2026-07-31")
        for r, (label, value) in enumerate(items, start=1):
            yield f'<row r="{r}">{s(f"A{r}", label)}{s(f"B{r}", value)}</row>'

    def lookup_rows():
        for r, (a, b) in enumerate(zip(STATUSES[2:] + ("Occurred", "Escalated"), STRATEGIES), start=1):
            yield f'<row r="{r}">{s(f"A{r}", a)}{s(f"B{r}", b)}</row>'

    validation = (f'<mergeCells count="1"><mergeCell ref="A1:{last}1"/></mergeCells>'
                  '<dataValidations count="1"><dataValidation type="list" allowBlank="1" '
                  f'sqref="M{HEADER_ROW + 1}:M{HEADER_ROW + rows}">'
                  f'<formula1>Lookup!$A$1:$A$5</formula1></dataValidation></dataValidations>')
    sheets = [("Cover", sheet_xml(cover_rows, cols=2)), ("Risk Register", sheet_xml(register_rows, validation)),
              ("Lookup", sheet_xml(lookup_rows, cols=2))]
    parts = _workbook_parts(sheets, sst.xml())
    return ooxml.write_package(path, parts)


_STYLES = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{_NS}">'
           '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
           '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
           '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
           '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
           '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
           '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
           '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
           '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>').encode()


def _workbook_parts(sheets: list[tuple[str, bytes]], shared: bytes) -> list[tuple[str, bytes]]:
    ct_sheets = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
                        f'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(1, len(sheets) + 1))
    content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                     f'{ct_sheets}'
                     '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                     '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                     '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
                     '</Types>')
    root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                 '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                 '</Relationships>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Risk Register</dc:title><dc:creator>Wei Zhang</dc:creator>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-01T09:00:00Z</dcterms:created>'
            '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-01T09:00:00Z</dcterms:modified></cp:coreProperties>')
    wb_sheets = "".join(f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"/>' for i, (name, _) in enumerate(sheets, 1))
    workbook = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{_NS}" xmlns:r="{_RNS}">'
                f'<sheets>{wb_sheets}</sheets></workbook>')
    n = len(sheets)
    wb_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               + "".join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
                         f'Target="worksheets/sheet{i}.xml"/>' for i in range(1, n + 1))
               + f'<Relationship Id="rId{n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
               + f'<Relationship Id="rId{n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
               + '</Relationships>')
    parts = [("[Content_Types].xml", content_types.encode()), ("_rels/.rels", root_rels.encode()),
             ("docProps/core.xml", core.encode()), ("xl/workbook.xml", workbook.encode()),
             ("xl/_rels/workbook.xml.rels", wb_rels.encode()), ("xl/styles.xml", _STYLES),
             ("xl/sharedStrings.xml", shared)]
    parts.extend((f"xl/worksheets/sheet{i}.xml", xml) for i, (_, xml) in enumerate(sheets, 1))
    return parts


# --------------------------------------------------------------------------------------------
# The workloads
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Sizes:
    charter_paragraphs: int = 110  # ~20 pages with the tables
    plan_paragraphs: int = 1000
    plan_tables: int = 40
    register_rows: int = 5000
    big_register_rows: int = 200_000
    folder_documents: int = 500


QUICK = Sizes(charter_paragraphs=12, plan_paragraphs=40, plan_tables=3, register_rows=100, big_register_rows=2000,
              folder_documents=8)


def charter(path: Path, sizes: Sizes) -> Path:
    return write_docx(path, DocSpec("Project Charter", CHARTER_SECTIONS, sizes.charter_paragraphs, tables=4,
                                    table_rows=8, words=75), seed=42)


def plan(path: Path, sizes: Sizes) -> Path:
    return write_docx(path, DocSpec("Project Management Plan", PLAN_SECTIONS, sizes.plan_paragraphs,
                                    tables=sizes.plan_tables, table_rows=10, words=60, zh_share=0.3), seed=7)


def small(path: Path, sizes: Sizes) -> Path:
    return write_docx(path, DocSpec("Project Charter", CHARTER_SECTIONS[:6], 8, tables=1, table_rows=4, words=40), seed=3)


def register(path: Path, sizes: Sizes) -> Path:
    return write_register(path, sizes.register_rows, seed=11)


def big_register(path: Path, sizes: Sizes) -> Path:
    return write_register(path, sizes.big_register_rows, seed=13)


_FOLDER_KINDS: tuple[tuple[str, Callable[[Path, int], Path]], ...] = (
    ("charter", lambda p, i: write_docx(p, DocSpec("Project Charter", CHARTER_SECTIONS, 30 + i % 40, 3, words=60), i)),
    ("charter-zh", lambda p, i: write_docx(p, DocSpec("项目章程", ZH_CHARTER_SECTIONS, 20 + i % 30, 2, zh=True), i)),
    ("status", lambda p, i: write_docx(p, DocSpec("Weekly Status Report", STATUS_SECTIONS, 12 + i % 20, 2, words=45), i)),
    ("plan", lambda p, i: write_docx(p, DocSpec("Project Management Plan", PLAN_SECTIONS, 60 + i % 80, 5), i)),
    ("closure", lambda p, i: write_docx(p, DocSpec("Project Closure Report", CLOSURE_SECTIONS, 25 + i % 30, 2), i)),
    ("minutes", lambda p, i: write_docx(p, DocSpec("Meeting Minutes", MINUTES_SECTIONS, 10 + i % 15, 1, words=35), i)),
    ("risks", lambda p, i: write_register(p, 40 + (i * 37) % 400, i)),
    ("risks-zh", lambda p, i: write_register(p, 30 + (i * 53) % 300, i, zh=True)),
)


def folder(path: Path, sizes: Sizes) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    for i in range(sizes.folder_documents):
        name, make = _FOLDER_KINDS[i % len(_FOLDER_KINDS)]
        ext = ".xlsx" if name.startswith("risks") else ".docx"
        target = path / f"{i:04d}-{name}{ext}"
        if not target.exists():
            make(target, 1000 + i)
    return path


@dataclass(frozen=True)
class Workload:
    name: str
    description: str
    file: str
    make: Callable[[Path, Sizes], Path]
    kind: str  # docx | xlsx | folder | cold


WORKLOADS: tuple[Workload, ...] = (
    Workload("charter", "20-page charter (EN/ZH, 7 tables)", "charter.docx", charter, "docx"),
    Workload("charter-nlp", "20-page charter in PMO wording, NLP rules on vs off", "charter-pmo.docx", pmo_charter,
             "docx"),
    Workload("plan", "1,000-paragraph, 40-table project plan", "plan.docx", plan, "docx"),
    Workload("register", "5,000-row risk register", "register-5k.xlsx", register, "xlsx"),
    Workload("big-register", "200,000-row risk register", "register-200k.xlsx", big_register, "xlsx"),
    Workload("folder", "folder of 500 mixed documents (CLI)", "folder", folder, "folder"),
    Workload("cold-start", "CLI cold start, small.docx --format json", "small.docx", small, "cold"),
)


def work_dir(quick: bool) -> Path:
    root = Path(os.environ.get("PMO_BENCH_WORK") or Path(__file__).resolve().parent / ".work")
    return root / f"v{GENERATOR_VERSION}-{'quick' if quick else 'full'}"


def prepare(workload: Workload, quick: bool) -> Path:
    """The workload's file (or folder), generated once and cached."""
    sizes = QUICK if quick else Sizes()
    base = work_dir(quick)
    base.mkdir(parents=True, exist_ok=True)
    target = base / workload.file
    if workload.kind == "folder":
        marker = base / f"{workload.file}.complete"  # outside the folder: it is checked
        if not marker.exists():
            workload.make(target, sizes)
            marker.write_text("ok")
        return target
    if not target.exists():
        workload.make(target, sizes)
    return target
