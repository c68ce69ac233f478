"""Suppressions: waivers in pmo-check.toml, Word comments and Excel cell notes, with their audit trail."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook
from openpyxl.comments import Comment

import checker
from checker.config.waivers import Directive, parse_directive
from tests.support.clean_docs import make_docx
from tests.support.cli import run_cli
from tests.support.config_fixtures import ONLY_COM04, findings, risk_register, write

TODAY = date(2026, 11, 25)
WAIVER = '''
[[suppress]]
rule = "{rule}"
path = "{path}"
reason = "Legacy document, migrated as is"
expires = {expires}
approved_by = "Omar Haddad (PMO)"
'''


def assert_summary_excludes_suppressed(report: dict) -> None:
    counted = {s: 0 for s in ("blocker", "major", "minor", "info")}
    for f in findings(report):
        if not f.get("suppressed"):
            counted[f["severity"]] += 1
    assert report["summary"]["findings"] == counted


# --------------------------------------------------------------------------- config waivers


def test_waiver_with_future_expiry_suppresses_with_an_audit_trail(tmp_path, validate_report):
    doc = make_docx(tmp_path / "docs" / "charter.docx", revisions=[])
    write(tmp_path / "pmo-check.toml", ONLY_COM04 + WAIVER.format(rule="COM-*", path="docs/*.docx", expires="2999-01-31"))
    result = run_cli("check", str(doc), "--format", "json")
    report = json.loads(result.stdout)
    validate_report(report)
    [f] = findings(report, "COM-04")
    assert f["suppressed"] is True
    assert f["suppression"] == {"reason": "Legacy document, migrated as is", "approved_by": "Omar Haddad (PMO)",
                                "expires": "2999-01-31", "source": "config"}
    assert report["summary"]["findings"]["major"] == 0
    assert report["documents"][0]["score"] == 100.0
    assert result.returncode == 0  # a suppressed major does not fail the run
    text = run_cli("check", str(doc)).stdout
    assert "(suppressed)" in text


def test_expired_waiver_reports_again_with_sup01(tmp_path, validate_report):
    doc = make_docx(tmp_path / "charter.docx", revisions=[])
    write(tmp_path / "pmo-check.toml", WAIVER.format(rule="COM-04", path="*.docx", expires="2026-10-31"))
    report = checker.check([str(doc)], config={"today": TODAY})
    validate_report(report)
    [f] = findings(report, "COM-04")
    assert not f.get("suppressed") and f["severity"] == "major"
    [sup] = findings(report, "SUP-01")
    assert sup["severity"] == "info"
    assert "expired on 2026-10-31" in sup["message"] and "Omar Haddad (PMO)" in sup["message"]
    assert_summary_excludes_suppressed(report)
    # the same waiver the day it expires still holds
    report = checker.check([str(doc)], config={"today": date(2026, 10, 31)})
    assert findings(report, "COM-04")[0]["suppressed"] and not findings(report, "SUP-01")


def test_waiver_path_glob_limits_it_to_matching_documents(tmp_path):
    doc = make_docx(tmp_path / "charter.docx", revisions=[])
    write(tmp_path / "pmo-check.toml", WAIVER.format(rule="COM-04", path="registers/*.xlsx", expires="2999-01-31"))
    report = checker.check([str(doc)], config={"today": TODAY})
    assert not findings(report, "COM-04")[0].get("suppressed")
    assert not findings(report, "SUP-01")


def test_waiver_in_a_config_dict_is_relative_to_the_working_folder(tmp_path, monkeypatch):
    doc = make_docx(tmp_path / "charter.docx", revisions=[])
    monkeypatch.chdir(tmp_path)
    waiver = {"rule": ["COM-04"], "path": "*.docx", "reason": "r", "expires": "2999-01-01", "approved_by": "PMO"}
    report = checker.check([str(doc)], config={"today": TODAY, "suppress": [waiver]})
    assert findings(report, "COM-04")[0]["suppression"]["source"] == "config"


# --------------------------------------------------------------------------- in-document directives


@pytest.mark.parametrize("text, expected", [
    ("pmo-check: ignore RR-16 -- register frozen", Directive(("RR-16",), "register frozen", False)),
    ("pmo-check: ignore RR-16, RR-19 -- two rules", Directive(("RR-16", "RR-19"), "two rules", False)),
    ("pmo-check：ignore RR-16、RR-19 —— 迁移期间冻结", Directive(("RR-16", "RR-19"), "迁移期间冻结", False)),
    ("PMO-CHECK: Ignore rr-16 － reason", Directive(("RR-16",), "reason", False)),
    ("pmo-check: ignore-file -- legacy template", Directive((), "legacy template", True)),
    ("pmo-check: ignore-file COM-* — legacy", Directive(("COM-*",), "legacy", True)),
    ("pmo-check: ignore RR-16", "invalid"),
    ("pmo-check: ignore RR-16 because it is frozen", "invalid"),
    ("Please check the budget -- PMO", None),
])
def test_directive_syntax(text, expected):
    assert parse_directive(text) == expected


def _word_with_comments(path: Path, comments: list[tuple[str, str]]) -> Path:
    """The charter of make_docx plus paragraphs with placeholders, each commented as given."""
    make_docx(path)
    d = docx.Document(str(path))
    for text, comment in comments:
        run = d.add_paragraph("Contingency owner: ").add_run(text)
        if comment:
            d.add_comment(run, text=comment, author="Dana Lee")
    d.save(str(path))
    return path


def test_word_comment_suppresses_the_rule_in_its_paragraph_only(tmp_path, validate_report):
    doc = _word_with_comments(tmp_path / "charter.docx", [
        ("TBD", "pmo-check: ignore COM-02 -- owner named at the steering committee on 2 Dec"),
        ("XXX", ""),
        ("待定", "pmo-check：ignore COM-04 —— 与本段无关"),
    ])
    report = checker.check([str(doc)], config={"today": TODAY})
    validate_report(report)
    placeholders = findings(report, "COM-02")
    by_text = {f["location"].get("text", ""): f for f in placeholders}
    tbd = next(f for t, f in by_text.items() if "TBD" in t)
    assert tbd["suppressed"] is True
    assert tbd["suppression"] == {"reason": "owner named at the steering committee on 2 Dec", "author": "Dana Lee",
                                  "source": "comment"}
    others = [f for f in placeholders if f is not tbd]
    assert others and not any(f.get("suppressed") for f in others)  # XXX and 待定 still reported
    assert_summary_excludes_suppressed(report)


def test_ignore_file_on_the_title_suppresses_document_wide(tmp_path):
    path = make_docx(tmp_path / "charter.docx", revisions=[])
    d = docx.Document(str(path))
    title = d.paragraphs[0]
    d.add_comment(title.runs, text="pmo-check: ignore-file COM-04 -- legacy charter, revision history kept in SharePoint",
                  author="Omar Haddad")
    d.save(str(path))
    report = checker.check([str(path)], config={"today": TODAY})
    [f] = findings(report, "COM-04")
    assert f["suppressed"] and f["suppression"]["source"] == "comment" and f["suppression"]["author"] == "Omar Haddad"


def test_plain_ignore_on_the_title_is_not_document_wide(tmp_path):
    path = make_docx(tmp_path / "charter.docx", revisions=[])
    d = docx.Document(str(path))
    d.add_comment(d.paragraphs[0].runs, text="pmo-check: ignore COM-04 -- not file-wide", author="A")
    last = d.add_paragraph("Notes").runs
    d.add_comment(last, text="pmo-check: ignore-file COM-04 -- not at the start", author="A")
    d.save(str(path))
    report = checker.check([str(path)], config={"today": TODAY})
    assert not findings(report, "COM-04")[0].get("suppressed")


def test_directive_without_reason_is_reported_and_suppresses_nothing(tmp_path):
    path = _word_with_comments(tmp_path / "charter.docx", [("TBD", "pmo-check: ignore COM-02")])
    report = checker.check([str(path)], config={"today": TODAY})
    assert not any(f.get("suppressed") for f in findings(report, "COM-02"))
    [sup] = findings(report, "SUP-02")
    assert sup["severity"] == "info" and "no reason" in sup["message"]


def test_excel_note_suppresses_the_rule_for_its_row(tmp_path, validate_report):
    path = risk_register(tmp_path / "risks.xlsx")
    baseline = checker.check([str(path)], config={"today": TODAY})
    stale = findings(baseline, "RR-16")
    assert [f["location"]["cell"] for f in stale] == ["K3"]
    assert findings(baseline, "RR-15")  # also on row 3, not named by the note

    wb = load_workbook(path)
    wb["Risk Register"]["J3"] = "Open"
    wb["Risk Register"]["J3"].comment = Comment("pmo-check: ignore RR-16 -- vendor review moved to Q1 by the sponsor", "Wei")
    wb.save(path)
    report = checker.check([str(path)], config={"today": TODAY})
    validate_report(report)
    [f] = findings(report, "RR-16")
    assert f["suppressed"] and f["suppression"]["source"] == "note"
    assert f["suppression"]["reason"] == "vendor review moved to Q1 by the sponsor"
    assert not any(g.get("suppressed") for g in findings(report, "RR-15"))
    assert_summary_excludes_suppressed(report)


def test_excel_note_ignore_file_on_a1(tmp_path):
    path = risk_register(tmp_path / "risks.xlsx")
    wb = load_workbook(path)
    wb["Risk Register"]["A1"].comment = Comment("pmo-check: ignore-file RR-* -- register being rebuilt", "PMO")
    wb.save(path)
    report = checker.check([str(path)], config={"today": TODAY})
    rr = [f for f in findings(report) if f["rule"].startswith("RR-")]
    assert rr and all(f.get("suppressed") for f in rr)
    assert not any(f.get("suppressed") for f in findings(report) if f["rule"].startswith("COM-"))
