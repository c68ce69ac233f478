"""Word: each finding as a comment (python-docx's comments API) anchored at its paragraph or table cell."""
from __future__ import annotations

import io
import zipfile
from typing import Any

from lxml import etree

from checker.io.readers.docx import body_elements, table_cell
from checker.report.annotate import AUTHOR, AnnotateError, note_text
from checker.report.xmltext import xml_safe


def annotate_word(data: bytes, findings: list[dict[str, Any]], language: str) -> bytes:
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError
    from docx.text.paragraph import Paragraph

    try:
        doc = Document(io.BytesIO(data))
    except (PackageNotFoundError, ValueError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
        raise AnnotateError(f"python-docx cannot open the document: {exc}") from None
    paragraphs, tables = body_elements(doc.element.body)
    title = next((p for p in paragraphs if "".join(p.itertext()).strip()), paragraphs[0] if paragraphs else None)
    if title is None:
        title = doc.add_paragraph()._p
    for finding in findings:
        target, placed = _target(finding.get("location") or {}, paragraphs, tables)
        paragraph = Paragraph(target if target is not None else title, doc)
        runs = paragraph.runs or [paragraph.add_run()]
        doc.add_comment(runs, text=xml_safe(note_text(finding, language, placed=placed and target is not None)),
                        author=AUTHOR, initials="PMO")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _target(location: dict[str, Any], paragraphs: list, tables: list) -> tuple[Any, bool]:
    """(the w:p to anchor at, whether that is where the finding is); (None, False): the title."""
    if location.get("part") not in (None, "body"):
        return None, False
    if "table" in location:
        if location["table"] < len(tables):
            tc = table_cell(tables[location["table"]], location.get("row", 0), location.get("col", 0))
            if tc is not None:
                cell_paragraphs = body_elements(tc)[0]
                if cell_paragraphs:
                    return cell_paragraphs[0], True
        return None, False
    if "paragraph" in location and location["paragraph"] < len(paragraphs):
        return paragraphs[location["paragraph"]], True
    return None, False
