"""The documents the fuzzers mutate: a clean charter and two small workbooks (hand-written and openpyxl's)."""
from __future__ import annotations

import tempfile
from pathlib import Path

from tests.support import hostile_files as hb
from tests.support.clean_docs import make_docx


def seed_documents() -> dict[str, bytes]:
    """One real document of each kind the readers take, keyed by kind (docx, xlsx, xlsx-openpyxl)."""
    with tempfile.TemporaryDirectory() as tmp:
        charter = make_docx(Path(tmp) / "charter.docx").read_bytes()
    register = hb.make_workbook(
        sheet_data='<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
                   '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><f>1+1</f><v>2</v></c></row>',
        strings=["Risk ID", "Description", "R-01"], dimension="A1:B2")
    return {"docx": charter, "xlsx": register, "xlsx-openpyxl": hb.make_xlsx()}
