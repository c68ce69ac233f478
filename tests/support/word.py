"""Writing a Word document top to bottom, with python-docx: the one library every document builder uses
(the rule tests and scenarios, sample_docs/generate.py, benchmarks/workloads.py).

A `WordWriter` writes a title, headings, paragraphs, bullets, tables, the doc-control, revision-history
and approvals blocks, the page header and footer and the core properties (`add_custom_properties` the
custom ones), and knows the contract index of every paragraph and table it writes (to point at a
seeded defect). Plain, it writes what python-docx's template gives; dressed, it adds what an office
template would (A4 page, fonts, navy headings, shaded header rows, column widths, a blank line after
each table, page numbers).
"""
from __future__ import annotations

import io
import struct
import zlib
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, Sequence

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell

from tests.support import ooxml
from tests.support.pmo_template import APPROVAL_HEADER, HEADER_FILL, LABEL_FILL, NAVY, REVISION_HEADER, Lang

Headings = Literal["styles", "bold"]
REVISION_WIDTHS = [1.8, 2.6, 2.8, 9.4]
APPROVAL_WIDTHS = [3.4, 6.4, 3.8, 3.0]
_NAVY = RGBColor.from_string(NAVY)
_GREY = RGBColor(0x40, 0x40, 0x40)
CUSTOM_PROPS_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_PROPS_RELTYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"


class WordWriter:
    """A python-docx document written in reading order.

    `headings="styles"` uses Word's heading styles; `"bold"` types them as bold paragraphs (and
    numbers bullets as （1）), as many Chinese offices do: the checker must find both.
    """

    def __init__(self, lang: Lang = "en", *, dressed: bool = False, headings: Headings = "styles") -> None:
        self.doc: DocxDocument = Document()
        self.lang = lang
        self.dressed = dressed
        self.mode = headings
        if dressed:
            sec = self.doc.sections[0]
            sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
            sec.left_margin = sec.right_margin = Cm(2.2)
            sec.top_margin = sec.bottom_margin = Cm(2.2)
            self._styles()

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
            s.font.color.rgb = _NAVY
            if self.lang == "zh":
                _east_asia(s.element, "黑体")
        for name in ("List Bullet", "List Number"):
            st[name].paragraph_format.space_after = Pt(2)

    # -- properties, header and footer ------------------------------------------------------------
    def properties(self, *, title: str, author: str, when: str, subject: str = "", keywords: str = "",
                   category: str = "") -> None:
        """Core properties, all dated `when` (an ISO date) at 09:00."""
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

    def header_footer(self, header: str, footer: str) -> None:
        """Page header and footer text; dressed, the footer also numbers the pages."""
        sec = self.doc.sections[0]
        hp = sec.header.paragraphs[0]
        hp.text = header
        fp = sec.footer.paragraphs[0]
        if not self.dressed:
            fp.text = footer
            return
        hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for r in hp.runs:
            r.font.size = Pt(8.5)
            r.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
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

    # -- contract indices -------------------------------------------------------------------------
    @property
    def next_paragraph(self) -> int:
        """The index (among body paragraphs, tables not counted) of the next paragraph written."""
        return len(self.doc.paragraphs)

    @property
    def next_table(self) -> int:
        return len(self.doc.tables)

    # -- content ----------------------------------------------------------------------------------
    def title(self, text: str, subtitle: str | None = None, org: str | None = None) -> None:
        """The title, then the optional subtitle and organisation lines."""
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
                r = p.add_run(line)
                if self.dressed:
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER if self.mode == "bold" else WD_ALIGN_PARAGRAPH.LEFT
                    r.font.size = Pt(size)
                    r.font.color.rgb = _GREY

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
        """A paragraph, optionally led by a bold label ("Project start date: ")."""
        idx = self.next_paragraph
        p = self.doc.add_paragraph()
        if label:
            r = p.add_run(label)
            r.bold = True
        p.add_run(text)
        return idx

    def picture(self, width_cm: float = 8.0) -> int:
        """A picture alone on its paragraph (an organisation chart, a diagram): a small PNG made here."""
        idx = self.next_paragraph
        self.doc.add_picture(io.BytesIO(_png(4, 3)), width=Cm(width_cm))
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

    def table(self, header: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float] | None = None,
              bold_last_row: bool = False, font_size: float = 9.5) -> int:
        """A grid table: the header row, then the rows (a short row leaves its last cells blank)."""
        idx = self.next_table
        t = self._grid(1 + len(rows), len(header))
        for r_i, values in enumerate([header, *rows]):
            for c_i, (cell, value) in enumerate(zip(t.rows[r_i].cells, values)):
                cell.text = "" if value is None else str(value)
                if not self.dressed:
                    continue
                _tighten(cell, font_size, bold=r_i == 0 or (bold_last_row and r_i == len(rows)))
                if r_i == 0:
                    _shade(cell, HEADER_FILL)
                if widths:
                    cell.width = Cm(widths[c_i])
        if self.dressed:
            tr_pr = t.rows[0]._tr.get_or_add_trPr()
            hdr = OxmlElement("w:tblHeader")
            hdr.set(qn("w:val"), "true")
            tr_pr.append(hdr)
            self.doc.add_paragraph()  # breathing space after every table, as typed documents have
        return idx

    def kv_table(self, pairs: Sequence[tuple[str, Any]], widths: tuple[float, float] = (4.5, 12.1)) -> int:
        """A two-column label/value table, such as the doc-control block."""
        idx = self.next_table
        t = self._grid(len(pairs), 2)
        for i, (k, v) in enumerate(pairs):
            a, b = t.rows[i].cells
            a.text, b.text = k, str(v)
            if not self.dressed:
                continue
            _shade(a, LABEL_FILL)
            for cell, w in ((a, widths[0]), (b, widths[1])):
                cell.width = Cm(w)
                _tighten(cell, 9.5)
            a.paragraphs[0].runs[0].bold = True
        if self.dressed:
            self.doc.add_paragraph()
        return idx

    def _grid(self, rows: int, cols: int) -> Table:
        t = self.doc.add_table(rows=rows, cols=cols)
        t.style = "Table Grid"
        if self.dressed:
            t.alignment = WD_TABLE_ALIGNMENT.CENTER
            t.autofit = False
        return t

    def revision_table(self, rows: Sequence[Sequence[Any]], header: Sequence[str] | None = None) -> int:
        """The revision history (version, date, author, summary), under the language's header."""
        return self.table(header or REVISION_HEADER[self.lang], rows, widths=REVISION_WIDTHS)

    def approvals_table(self, rows: Sequence[Sequence[Any]], header: Sequence[str] | None = None) -> int:
        """The sign-off block (name, role, signature, date), under the language's header."""
        return self.table(header or APPROVAL_HEADER[self.lang], rows, widths=APPROVAL_WIDTHS)

    # -- output -----------------------------------------------------------------------------------
    def save(self, path: Path) -> Path:
        """Write the .docx, byte for byte the same on every run."""
        buf = io.BytesIO()
        self.doc.save(buf)
        return ooxml.write_package(path, buf.getvalue())


def add_custom_properties(doc: DocxDocument, props: dict[str, str]) -> None:
    """Add /docProps/custom.xml with string properties, related from the package (python-docx has no API)."""
    items = "".join(f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{i + 2}" '
                    f'name="{name}"><vt:lpwstr>{value}</vt:lpwstr></property>'
                    for i, (name, value) in enumerate(props.items()))
    blob = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
            f'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">{items}</Properties>')
    package = doc.part.package
    part = Part(PackURI("/docProps/custom.xml"), CUSTOM_PROPS_CONTENT_TYPE, blob.encode("utf-8"), package)
    package.relate_to(part, CUSTOM_PROPS_RELTYPE)


def _png(width: int, height: int) -> bytes:
    """A grey PNG of `width` × `height` pixels, written from its chunks (no imaging library needed)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))  # filter byte, then grey pixels
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def _tighten(cell: _Cell, font_size: float, bold: bool = False) -> None:
    """No space after the cell's paragraphs, its runs at the table's font size (bold in a header)."""
    for p in cell.paragraphs:
        p.paragraph_format.space_after = Pt(0)
        for run in p.runs:
            run.font.size = Pt(font_size)
            if bold:
                run.bold = True


def _shade(cell: _Cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def _east_asia(rpr_owner, font: str) -> None:
    """Set the East Asian font of a style or run (and drop the theme font that would override it)."""
    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), font)
    if fonts.get(qn("w:eastAsiaTheme")) is not None:
        del fonts.attrib[qn("w:eastAsiaTheme")]
