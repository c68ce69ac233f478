"""The text report a person fixes documents from (issue #10): human numbering with the heading and the
quoted text, "needs review" said once, --quiet, the summary, colour by the usual conventions, and line
breaking by display cells that never cuts an English word and keeps Chinese punctuation in place."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest
from rich.cells import cell_len

from checker.report.formats import Render, write
from checker.report.linebreak import line_spans
from checker.report.where import where, where_under
from tests.support.clean_docs import make_docx
from tests.support.cli import ROOT, run_cli


def _doc(path: str, findings: list[dict], language: str = "en", **extra) -> dict:
    return {"path": path, "format": "docx", "doc_type": "CHARTER", "doc_type_confidence": 0.9, "language": language,
            "score": 80.0, "findings": findings, "error": None, **extra}


def _report(*documents: dict) -> dict:
    from checker.report.json import build_report

    return build_report(list(documents))


def _text(report: dict, **render) -> str:
    out = io.StringIO()
    write("text", report, out, Render(**render))
    return out.getvalue()


def test_locations_count_as_word_and_excel_do():
    assert where({"paragraph": 40}) == "paragraph 41"
    assert where({"table": 8, "row": 2, "col": 1}) == "table 9, row 3, column 2"
    assert where({"table": 8, "row": 2, "col": 1}, "zh") == "表9 第3行第2列"
    assert where({"paragraph": 0}, "zh") == "第1段"
    assert where({"part": "header", "paragraph": 1}) == "header, paragraph 2"
    assert where({"sheet": "Risks", "cell": "E7"}) == "Risks!E7"
    assert where({"sheet": "Revision History", "cell": "A5"}) == "'Revision History'!A5"
    assert where({"sheet": "风险登记册", "cell": "H6"}) == "风险登记册!H6"
    assert where_under({"paragraph": 40, "heading": "3 Budget"}) == "paragraph 41, under “3 Budget”"
    assert where_under({"heading": "3 Budget"}) == "under “3 Budget”"
    assert where_under({"table": 0, "row": 0, "col": 0, "heading": "一、概述"}, "zh") == "表1 第1行第1列（“一、概述”下）"


def test_a_finding_shows_where_it_is_its_heading_the_quoted_text_and_the_fix():
    finding = {"rule": "COM-02", "severity": "blocker", "message": "Template placeholder is still in the document.",
               "suggestion": "Replace it.", "location": {"paragraph": 40, "heading": "3 Budget",
                                                          "text": "Total budget: TBD"}}
    text = _text(_report(_doc("a.docx", [finding])))
    assert "  blocker  COM-02  paragraph 41, under “3 Budget”\n" in text
    body = text.split("paragraph 41", 1)[1].splitlines()[1:4]
    assert [line.strip() for line in body] == ["Template placeholder is still in the document.",
                                               "“Total budget: TBD”", "→ Replace it."]
    assert len({len(line) - len(line.lstrip()) for line in body}) == 1  # one column


def test_needs_review_is_said_once_and_never_fails():
    review = {"rule": "BC-13", "severity": "info", "needs_review": True,
              "message": "Needs review: check that the reasons cite a named strategy."}
    zh = {"rule": "BC-13", "severity": "info", "needs_review": True, "message": "需人工评审：请确认立项理由引用了具体的战略。"}
    text = _text(_report(_doc("a.docx", [review]), _doc("b.docx", [zh], "zh")), fail_on="info")
    # The severity column says it; the message's own "Needs review:" is not repeated after it.
    assert "Needs review" not in text and "需人工评审" not in text
    assert "  review   BC-13  Check that the reasons cite a named strategy." in text
    assert "  review   BC-13  请确认立项理由引用了具体的战略。" in text
    assert "2 of the info need review: never a failure" in text and "Passed: no finding at or above info." in text


def test_waived_findings_say_why_and_the_summary_counts_them():
    waived = {"rule": "RR-16", "severity": "major", "message": "Stale.", "suppressed": True,
              "suppression": {"reason": "Register frozen", "approved_by": "Head of PMO", "expires": "2027-01-31"}}
    text = _text(_report(_doc("a.docx", [waived])))
    assert "Stale.  (suppressed)\n" in text and "; 1 suppressed" in text
    assert "waived: Register frozen (Head of PMO), until 2027-01-31" in text
    assert "Passed" in text


def test_quiet_keeps_only_what_fails_the_run():
    major = {"rule": "COM-04", "severity": "major", "message": "No revision history."}
    minor = {"rule": "COM-09", "severity": "minor", "message": "A date is ambiguous."}
    unreadable = {**_doc("broken.docx", []), "error": {"code": "corrupt", "message": "Not a zip."}}
    skipped = {**_doc("notes.pdf", []), "error": {"code": "unsupported-format", "message": "Skipped."},
               "skipped": True}
    report = _report(_doc("a.docx", [major, minor]), _doc("clean.docx", []), _doc("b.docx", [minor]),
                     unreadable, skipped)
    full = _text(report)
    assert "A date is ambiguous." in full and "clean.docx" in full and "notes.pdf" in full
    quiet = _text(report, quiet=True)
    assert "No revision history." in quiet and "A date is ambiguous." not in quiet
    assert "clean.docx" not in quiet and "b.docx" not in quiet and "notes.pdf" not in quiet
    assert "broken.docx  unreadable (corrupt)" in quiet
    assert "4 documents checked, 1 unreadable, 1 skipped (not Word or Excel)" in quiet
    assert "2 documents failed (a finding at or above major, or unreadable)." in quiet


def test_summary_counts_documents_by_type_and_skipped_files_are_listed():
    report = _report(_doc("a.docx", []), _doc("b.docx", []), {**_doc("r.xlsx", []), "doc_type": "RISK_REGISTER"},
                     {**_doc("notes.pdf", []), "error": {"code": "unsupported-format", "message": "x"},
                      "skipped": True})
    text = _text(report)
    assert "By type: CHARTER 2, RISK_REGISTER 1" in text
    assert "Skipped 1 file that is not Word or Excel:\n  notes.pdf\n" in text
    assert "a.docx  CHARTER 90% · en · score 80 (green) · no findings" in text


def test_cross_document_findings_are_listed_with_their_evidence():
    report = _report(_doc("charter.docx", []), _doc("plan.docx", []))
    report["projects"] = [{"key": "PRJ-1", "documents": ["charter.docx", "plan.docx"], "findings": [
        {"rule": "XD-02", "severity": "major", "message": "Budgets differ.",
         "evidence": [{"path": "charter.docx", "location": {"paragraph": 3}, "value": "120000 USD"},
                      {"path": "plan.docx", "location": {"table": 0, "row": 1, "col": 1}, "value": "150000 USD"}]}]}]
    text = _text(report)
    assert "Project PRJ-1  (2 documents)" in text
    assert "· charter.docx paragraph 4: 120000 USD" in text and "· plan.docx table 1, row 2, column 2: 150000 USD" in text


@pytest.mark.parametrize("text, width", [
    ("Approval by Project Sponsor; Chief Commercial Officer lacks: name, signature, date.", 30),
    ("审批记录（项目发起人、变更控制委员会主任（变更关闭确认））缺少：姓名、签字、日期。", 30),
    ("风险 FX-02：概率 4 × 影响 5 = 20，但风险值填写为 12。Mixed English words and 中文 text together.", 24),
])
def test_lines_break_at_spaces_or_between_chinese_characters_within_the_width(text, width):
    spans = line_spans(text, width)
    lines = [text[a:b] for a, b in spans]
    assert all(cell_len(line) <= width for line in lines)
    assert "".join(text[a:b] for a, b in spans).replace(" ", "") == text.replace(" ", "")  # nothing lost
    for (a, b), (c, _) in zip(spans, spans[1:]):
        left, right = text[b - 1], text[c]
        assert text[b:c].strip() == ""  # only spaces between lines
        if not text[b:c]:  # broken without a space: only beside a Chinese character
            assert cell_len(left) == 2 or cell_len(right) == 2
        assert right not in "。，、；：！？）”" and left not in "（“"


def test_a_word_longer_than_the_line_is_the_only_thing_cut():
    text = "see https://example.org/a/very/long/path/that/never/ends now"
    spans = line_spans(text, 20)
    assert [text[a:b] for a, b in spans] == ["see", "https://example.org/", "a/very/long/path/tha", "t/never/ends now"]


def _cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS")}
    return subprocess.run([sys.executable, "-m", "checker.cli", *args], capture_output=True, text=True, cwd=ROOT,
                          env={**base, "PYTHONPATH": str(ROOT), **env}, timeout=120)


def test_colour_follows_no_color_force_color_and_the_option(tmp_path):
    path = str(make_docx(tmp_path / "a.docx", revisions=[]))
    assert "\x1b[" not in _cli("check", path, env={}).stdout  # piped
    forced = _cli("check", path, env={"FORCE_COLOR": "1", "COLUMNS": "60"}).stdout
    assert "\x1b[31m" in forced  # major in red
    assert max(cell_len(line) for line in forced.replace("\x1b[0m", "").splitlines()) <= 60 + 20  # wrapped
    no_color = _cli("check", path, env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    assert "\x1b[31m" not in no_color  # no colour (bold may stay, as NO_COLOR asks)
    assert "\x1b[31m" in _cli("check", path, "--color", "always", env={"NO_COLOR": "1"}).stdout
    assert "\x1b[" not in _cli("check", path, "--color", "never", env={"FORCE_COLOR": "1"}).stdout


def test_judgement_findings_never_fail_the_run_from_the_command_line():
    sample = str(ROOT / "sample_docs" / "en" / "business_case.docx")  # compliant, but with a BC-13 review
    report = json.loads(run_cli("check", sample, "--format", "json").stdout)
    assert any(f.get("needs_review") for f in report["documents"][0]["findings"])
    assert run_cli("check", sample, "--fail-on", "info", "--format", "json").returncode == 0


def test_the_plain_ascii_shortcut_breaks_lines_as_the_general_path_does():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from checker.report import linebreak

    words = st.sampled_from(["a", "word", "longer", "x" * 25, "end.", "(paren)", "-", " ", ""])

    @settings(max_examples=400, deadline=None)
    @given(st.lists(words, max_size=30), st.integers(1, 40), st.booleans())
    def same(parts: list[str], width: int, padded: bool) -> None:
        text = " ".join(parts)
        text = f"  {text}  " if padded else text
        assert linebreak._ascii_spans(text, width) == linebreak._spans(text, width)

    same()
