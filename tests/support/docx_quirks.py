"""Build small Word fixtures in code, one quirk at a time.

python-docx covers styles, tables, headers and comments; everything it has no API for (tracked
changes, text boxes, fields, merged cells, content controls) is written as raw WordprocessingML
with `xml()` and spliced into the body with `append_xml()`.
"""
from __future__ import annotations

import io
import re

import docx
from docx.document import Document as WordDocument
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.table import Table
from lxml import etree

from checker.io.readers.docx import read_docx
from checker.lexicon.vocabulary import shipped_vocabulary
from checker.model.document import Document

NAMESPACES = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
}
_FIRST_TAG = re.compile(r"^<[\w:]+")
_DECLS = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NAMESPACES.items())

VBA_CONTENT_TYPE = "application/vnd.ms-office.vbaProject"
DOCM_MAIN_CONTENT_TYPE = "application/vnd.ms-word.document.macroEnabled.main+xml"
VBA_RELTYPE = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
ATTACHED_TEMPLATE_RELTYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"


def new_document() -> WordDocument:
    """python-docx's default template: has Heading/Title/List styles and one section."""
    return docx.Document()


def xml(fragment: str) -> etree._Element:
    """Parse one element of WordprocessingML written with the usual prefixes (w:, r:, mc:...)."""
    return parse_xml(_FIRST_TAG.sub(lambda m: f"{m.group(0)} {_DECLS}", fragment.strip(), count=1))


def append_xml(doc: WordDocument, *fragments: str) -> None:
    """Append raw block-level elements (w:p, w:tbl, w:sdt...) to the body, before its sectPr."""
    body = doc.element.body
    for fragment in fragments:
        body.sectPr.addprevious(xml(fragment)) if body.sectPr is not None else body.append(xml(fragment))


def run(text: str, bold: bool = False) -> str:
    """A w:r fragment."""
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def paragraph(*inner: str, style: str | None = None, ppr: str = "") -> str:
    """A w:p fragment from run fragments (or plain strings, wrapped in runs)."""
    style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
    props = f"<w:pPr>{style_xml}{ppr}</w:pPr>" if style_xml or ppr else ""
    return f"<w:p>{props}{''.join(i if i.startswith('<') else run(i) for i in inner)}</w:p>"


def add_bold_paragraph(doc: WordDocument, text: str) -> None:
    doc.add_paragraph().add_run(text).bold = True


def add_table(doc: WordDocument, rows: list[list[str]]) -> Table:
    """A plain table filled row by row (empty strings leave the cell blank)."""
    table = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            if value:
                table.rows[r].cells[c].paragraphs[0].add_run(value)
    return table


def table_xml(rows: list[list[str]]) -> str:
    """A w:tbl fragment; each cell is either text or a full `<w:tc>...` fragment."""
    def cell(value: str) -> str:
        return value if value.startswith("<w:tc") else f"<w:tc>{paragraph(value)}</w:tc>"

    body = "".join(f"<w:tr>{''.join(cell(v) for v in row)}</w:tr>" for row in rows)
    return f"<w:tbl><w:tblPr/>{body}</w:tbl>"


def textbox_run(*paragraphs: str) -> str:
    """A run anchoring a DrawingML text box with a VML fallback, as Word 2010+ writes it."""
    content = "".join(paragraph(p) for p in paragraphs)
    return (
        "<w:r><mc:AlternateContent>"
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
        f"<wps:wsp><wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{content}</w:txbxContent>"
        "</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def make_macro_enabled(doc: WordDocument) -> None:
    """Turn the package into a .docm: macro-enabled main part plus word/vbaProject.bin."""
    vba = Part(PackURI("/word/vbaProject.bin"), VBA_CONTENT_TYPE, b"\xd0\xcf\x11\xe0fake-vba", doc.part.package)
    doc.part.relate_to(vba, VBA_RELTYPE)
    doc.part._content_type = DOCM_MAIN_CONTENT_TYPE


def attach_template(doc: WordDocument, url: str) -> None:
    """An external attachedTemplate relationship, as Word records for documents based on a .dotx."""
    doc.part._settings_part.relate_to(url, ATTACHED_TEMPLATE_RELTYPE, is_external=True)


def to_bytes(doc: WordDocument) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def read(doc: WordDocument, fmt: str = "docx") -> Document:
    """Save the fixture and read it back through the reader under test."""
    return read_docx(f"fixture.{fmt}", to_bytes(doc), fmt, shipped_vocabulary())
