"""The floor: what checking a document cannot be cheaper than.

Read the file, open the zip, lxml-parse the parts the checker reads and walk their text elements.
For Word: `word/document.xml`, the header/footer parts, comments and styles. For Excel: the
workbook, styles, shared strings and every worksheet. Nothing is classified or checked.
"""
from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_DOCX_PARTS = re.compile(r"^word/(?:document|header\d*|footer\d*|comments|styles)\.xml$")
_XLSX_PARTS = re.compile(r"^xl/(?:workbook|styles|sharedStrings|worksheets/sheet\d+)\.xml$")


def floor(path: str) -> int:
    """Do the floor's work on one file; returns the number of text characters seen."""
    with open(path, "rb") as fh:
        data = fh.read()
    is_xlsx = path.lower().endswith((".xlsx", ".xlsm"))
    parts = _XLSX_PARTS if is_xlsx else _DOCX_PARTS
    tags = (f"{_S}v", f"{_S}t") if is_xlsx else (f"{_W}t",)
    parser = etree.XMLParser(resolve_entities=False, huge_tree=True)
    chars = 0
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            if not parts.match(name):
                continue
            root = etree.fromstring(zf.read(name), parser)
            for el in root.iter(*tags):
                text = el.text
                if text:
                    chars += len(text)
    return chars
