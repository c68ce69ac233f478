"""Workbook fixtures for the Excel reader tests, generated in code (no binary fixture is committed).

openpyxl builds the package; the helpers here then edit its parts where openpyxl cannot produce
what real Excel files contain: cached formula values, shared formulas, inline and rich-text
strings, East-Asian built-in date formats, VBA projects and external links.
"""
from __future__ import annotations

import io
import re
from typing import Callable

from openpyxl import Workbook

from tests.support import ooxml

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

# A tiny doctypes lexicon with the shape of rules/lexicons/doctypes.yaml, for tests that must not
# depend on the real vocabulary.
MINI_DOCTYPES = {
    "RISK_REGISTER": {
        "names": {"en": ["Risk Register"], "zh": ["风险登记册"]},
        "sections": {},
        "columns": {
            "id": {"en": ["Risk ID", "ID"], "zh": ["风险编号", "编号"], "required": True},
            "description": {"en": ["Description", "Risk Description"], "zh": ["风险描述", "风险说明书"], "required": True},
            "probability": {"en": ["Probability", "Likelihood"], "zh": ["概率", "可能性"]},
            "impact": {"en": ["Impact"], "zh": ["影响"]},
            "score": {"en": ["Score", "Risk Score"], "zh": ["风险值"]},
            "owner": {"en": ["Owner"], "zh": ["责任人"]},
            "status": {"en": ["Status"], "zh": ["状态"]},
            "due": {"en": ["Due Date"], "zh": ["截止日期"]},
            "residual_probability": {"en": ["After response Probability", "Residual Probability"]},
        },
        "sheet_names": {"en": ["Risk Register", "Risks"], "zh": ["风险登记册"]},
        "skip_sheets": {"en": ["Cover", "Revision History"], "zh": ["封面", "修订记录"]},
    },
    "ISSUE_LOG": {
        "names": {"en": ["Issue Log"]},
        "columns": {"owner": {"en": ["Assigned To"], "zh": ["负责人"]}, "status": {"en": ["State"]}},
    },
}


def build(populate: Callable[[Workbook], None]) -> bytes:
    """An .xlsx package from an openpyxl workbook filled in by `populate` (default sheet removed first)."""
    wb = Workbook()
    wb.remove(wb.active)
    populate(wb)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def with_cached_values(data: bytes, sheet_part: str, values: dict[str, str]) -> bytes:
    """Write `<v>` cached results into formula cells, as Excel does when it saves (openpyxl does not)."""
    xml = ooxml.parts(data)[sheet_part].decode("utf-8")
    for ref, value in values.items():
        pattern = re.compile(rf'(<c r="{ref}"[^>]*>)(<f>[^<]*</f>)(<v\s*/>|<v></v>)?')
        xml, count = pattern.subn(lambda m: f"{m.group(1)}{m.group(2)}<v>{value}</v>", xml)
        if count != 1:
            raise ValueError(f"no formula cell {ref} in {sheet_part}")
    return ooxml.edit(data, {sheet_part: xml.encode("utf-8")})


def with_sheet_xml(data: bytes, sheet_part: str, sheet_data: str, extra: str = "") -> bytes:
    """Replace a worksheet's `<sheetData>` (and what follows it) with hand-written XML."""
    xml = f'<worksheet xmlns="{MAIN_NS}"><sheetData>{sheet_data}</sheetData>{extra}</worksheet>'
    return ooxml.edit(data, {sheet_part: xml.encode("utf-8")})


def with_shared_strings(data: bytes, items: list[str]) -> bytes:
    """Set the shared-string table to raw `<si>` bodies (plain `<t>` or rich-text runs), as Excel writes it."""
    body = "".join(f"<si>{item}</si>" for item in items)
    xml = f'<sst xmlns="{MAIN_NS}" count="{len(items)}" uniqueCount="{len(items)}">{body}</sst>'
    files = ooxml.parts(data)
    files["xl/sharedStrings.xml"] = xml.encode("utf-8")
    rels = files["xl/_rels/workbook.xml.rels"].decode("utf-8")
    if "sharedStrings" not in rels:  # openpyxl writes inline strings, so it has no such relationship
        rel = ('<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
               'relationships/sharedStrings" Target="sharedStrings.xml"/>')
        files["xl/_rels/workbook.xml.rels"] = rels.replace("</Relationships>", rel + "</Relationships>").encode("utf-8")
    return ooxml.pack(files)


def with_external_link(data: bytes, target: str) -> bytes:
    """Add an externalLink part pointing at another workbook, plus an external hyperlink."""
    files = ooxml.parts(data)
    rels_name = "xl/_rels/workbook.xml.rels"
    rels = files[rels_name].decode("utf-8")
    link = ('<Relationship Id="rIdExt1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/externalLink" Target="externalLinks/externalLink1.xml"/>')
    files[rels_name] = rels.replace("</Relationships>", link + "</Relationships>").encode("utf-8")
    files["xl/externalLinks/externalLink1.xml"] = (
        f'<externalLink xmlns="{MAIN_NS}"><externalBook xmlns:r="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships" r:id="rId1"/></externalLink>').encode("utf-8")
    files["xl/externalLinks/_rels/externalLink1.xml.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships/externalLinkPath" Target="{target}" TargetMode="External"/></Relationships>').encode("utf-8")
    files["xl/worksheets/_rels/sheet1.xml.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rIdH" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/hyperlink" Target="https://example.com/" TargetMode="External"/></Relationships>').encode("utf-8")
    return ooxml.pack(files)
