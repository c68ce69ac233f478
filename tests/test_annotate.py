"""`pmo-check annotate`: copies with one Word comment per finding at its paragraph or table cell, one
Excel note per finding at its cell (highlighted), the originals byte for byte unchanged."""
from __future__ import annotations

import hashlib
import io
import shutil
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from openpyxl import Workbook, load_workbook

import checker
from checker.io.readers.docx import body_elements, table_cell
from checker.report.annotate import AnnotateError, annotate
from tests.support.clean_docs import EN_CONTROL, EN_SECTIONS, make_docx
from tests.support.cli import ROOT, run_cli

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TODAY = {"today": date(2026, 12, 1)}


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def comment_anchors(path: Path) -> Counter:
    """(comment text's first line, where its range starts) for every comment of a Word file, where is
    ("paragraph", i) or ("table", t, row, col) counted as the contract counts them."""
    doc = Document(str(path))
    texts = {c.comment_id: c.text.split("\n", 1)[0] for c in doc.comments}
    paragraphs, tables = body_elements(doc.element.body)
    places = {}
    for i, p in enumerate(paragraphs):
        places[p] = ("paragraph", i)
    for t, tbl in enumerate(tables):
        for r, tr in enumerate(tbl.iter(f"{W}tr")):
            for c in range(len(tr.findall(f"{W}tc")) + 4):
                tc = table_cell(tbl, r, c)
                if tc is not None:
                    places.setdefault(body_elements(tc)[0][0], ("table", t, r, c))
    found = Counter()
    for start in doc.element.body.iter(f"{W}commentRangeStart"):
        paragraph = start.getparent()
        found[(texts[int(start.get(f"{W}id"))], places[paragraph])] += 1
    return found


def expected_anchor(location: dict | None) -> tuple:
    if not location:
        return ("paragraph", 0)  # a finding about the whole document goes on its title
    if "table" in location:
        return ("table", location["table"], location["row"], location["col"])
    return ("paragraph", location["paragraph"])


@pytest.fixture
def charter(tmp_path) -> Path:
    """A charter with a placeholder in a paragraph and in the doc-control table, and missing sections."""
    sections = [*EN_SECTIONS[:6], ("Summary Budget", "The budget is TBD until the board meets.")]
    (tmp_path / "in").mkdir()
    return make_docx(tmp_path / "in" / "charter.docx", sections=sections, control={**EN_CONTROL, "Author": "TBD"})


def test_word_copy_has_one_comment_per_finding_at_its_paragraph_or_cell(charter, tmp_path):
    before = sha(charter)
    result = run_cli("annotate", str(charter), "--output", str(tmp_path / "out"))
    assert result.returncode == 1, result.stderr  # the charter has blockers
    copy = tmp_path / "out" / "charter.docx"
    assert f"annotated: {copy}" in result.stdout
    assert sha(charter) == before  # the original is untouched
    [doc] = checker.check([str(charter)], TODAY)["documents"]
    findings = doc["findings"]
    assert {"paragraph", "table"} <= {k for f in findings for k in f.get("location", {})}  # both kinds of anchor tested
    expected = Counter((f"[{f['rule']} · {f['severity']}] {f['message']}", expected_anchor(f.get("location")))
                       for f in findings)
    assert comment_anchors(copy) == expected
    assert all(c.author == "pmo-check" for c in Document(str(copy)).comments)
    # The copy checks as the original: the comments add no finding and move none.
    [again] = checker.check([str(copy)], TODAY)["documents"]
    assert [(f["rule"], f.get("location")) for f in again["findings"]] == [(f["rule"], f.get("location"))
                                                                            for f in findings]


def test_findings_without_a_body_location_go_on_the_title(charter):
    findings = [{"rule": "CH-01", "severity": "blocker", "message": "Sections missing: Summary Budget."},
                {"rule": "COM-02", "severity": "major", "message": "Placeholder in the header.",
                 "location": {"part": "header", "text": "TBD"}},
                {"rule": "COM-04", "severity": "major", "message": "Waived.", "suppressed": True}]
    out = charter.parent / "annotated.docx"
    out.write_bytes(annotate(charter.read_bytes(), "docx", findings, "en"))
    anchors = comment_anchors(out)
    assert anchors == Counter({("[CH-01 · blocker] Sections missing: Summary Budget.", ("paragraph", 0)): 1,
                               ("[COM-02 · major] Placeholder in the header.", ("paragraph", 0)): 1})
    header_note = next(c.text for c in Document(str(out)).comments if "header" in c.text)
    assert "Where: header" in header_note  # says where it belongs, since it could not go there


def test_excel_copy_has_a_note_per_finding_at_its_cell_highlighted(tmp_path):
    source = tmp_path / "in" / "风险登记册_评分错误.xlsx"
    source.parent.mkdir()
    shutil.copy(ROOT / "sample_docs" / "defects" / source.name, source)
    before = sha(source)
    result = run_cli("annotate", str(source), "--output", str(tmp_path / "out"))
    assert result.returncode == 1 and sha(source) == before
    [doc] = checker.check([str(source)], TODAY)["documents"]
    wb = load_workbook(tmp_path / "out" / source.name)
    notes = {(ws.title, c.coordinate): c for ws in wb for row in ws.iter_rows() for c in row if c.comment}
    expected = Counter((f["location"]["sheet"], f["location"]["cell"]) for f in doc["findings"])
    assert set(notes) == set(expected)
    for (sheet, ref), count in expected.items():
        cell = notes[(sheet, ref)]
        mine = [f for f in doc["findings"] if (f["location"]["sheet"], f["location"]["cell"]) == (sheet, ref)]
        assert cell.comment.text.count("[") == count and all(f["message"] in cell.comment.text for f in mine)
        assert cell.comment.author == "pmo-check"
        assert "阻断" in cell.comment.text or "重大" in cell.comment.text  # the document's language
        assert cell.fill.fgColor.rgb.endswith(("F4B6B6", "F8CBAD"))


def test_excel_rows_columns_and_unplaced_findings(tmp_path):
    wb = Workbook()
    wb.active.title = "Cover"
    risks = wb.create_sheet("Risks")
    risks.append(["ID", "Description", "Owner"])
    risks.append(["R-1", "Vendor delay", ""])
    data = io.BytesIO()
    wb.save(data)
    findings = [{"rule": "RR-08", "severity": "major", "message": "No owner.", "location": {"sheet": "Risks", "cell": "2:2"}},
                {"rule": "RR-04", "severity": "minor", "message": "Column.", "location": {"sheet": "Risks", "cell": "C:C"}},
                {"rule": "COM-01", "severity": "major", "message": "No doc control."},
                {"rule": "RR-02", "severity": "info", "message": "Gone.", "location": {"sheet": "Old", "cell": "B4"}}]
    copy = load_workbook(io.BytesIO(annotate(data.getvalue(), "xlsx", findings, "en")))
    assert "[RR-08 · major] No owner." in copy["Risks"]["A2"].comment.text
    assert "[RR-04 · minor] Column." in copy["Risks"]["C1"].comment.text
    first = copy["Cover"]["A1"].comment.text
    assert "[COM-01 · major] No doc control." in first and "[RR-02 · info] Gone." in first
    assert "Where: Old!B4" in first
    assert copy["Cover"]["A1"].fill.fgColor.rgb.endswith("F8CBAD")  # the severer of the two


def test_annotating_into_the_originals_folder_is_refused(charter):
    before = sha(charter)
    result = run_cli("annotate", str(charter), "--output", str(charter.parent))
    assert result.returncode == 2 and "never changed" in result.stderr
    assert sha(charter) == before


def test_unreadable_files_are_reported_and_the_others_annotated(charter, tmp_path):
    broken = charter.parent / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 truncated")
    result = run_cli("annotate", str(broken), str(charter), "--output", str(tmp_path / "out"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"not annotated: {broken}: corrupt" in result.stdout
    assert (tmp_path / "out" / "charter.docx").exists() and not (tmp_path / "out" / "broken.docx").exists()


def test_a_format_the_writers_cannot_open_is_an_annotate_error():
    with pytest.raises(AnnotateError):
        annotate(b"not a package", "docx", [], "en")
    with pytest.raises(AnnotateError):
        annotate(b"", "other", [], "en")


def test_control_characters_from_a_document_do_not_break_the_copy(charter):
    findings = [{"rule": "COM-02", "severity": "major", "message": "Placeholder \x0b“TBD\x00”.",
                 "location": {"paragraph": 15}}]
    out = annotate(charter.read_bytes(), "docx", findings, "en")
    [comment] = Document(io.BytesIO(out)).comments
    assert comment.text.startswith("[COM-02 · major] Placeholder “TBD”.")
