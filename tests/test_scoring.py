"""The score formula of docs/scoring.md, pinned: documents, projects, groups, bands."""
from __future__ import annotations

from datetime import date

import pytest

import checker
from checker.config.bands import Bands
from checker.config.settings import load
from checker.core.errors import ConfigError
from checker.core.findings import Finding
from checker.run.scoring import BLOCKER_CAP, document_score, group_score, importance, project_score, project_stage
from tests.support.clean_docs import EN_SECTIONS, make_docx

TODAY = {"today": date(2026, 12, 1)}


def finding(rule: str, severity: str, suppressed: bool = False) -> Finding:
    f = Finding(rule, severity, "message")
    if suppressed:
        f.suppression = {"reason": "test", "source": "config"}
    return f


def test_worked_example_of_docs_scoring_md():
    """The worked example of docs/scoring.md, number for number."""
    applied = {"COM-01": "major", "COM-02": "major", "COM-03": "minor", "COM-04": "major", "COM-06": "blocker",
               "CH-01": "major", "CH-05": "minor", "CH-09": "info"}
    # weight 5 + 5 + 2 + 5 + 10 + 5 + 2 + 0 = 34; COM-04 (5) and CH-05 (2) fail: 27 / 34 = 79.4
    findings = [finding("COM-04", "major"), finding("CH-05", "minor"), finding("CH-05", "minor"),
                finding("CH-09", "info")]
    assert document_score(applied, findings) == 79.4
    # COM-02 escalated to a blocker: it weighs 10, and the blocker caps the score at 50.
    assert document_score(applied, [*findings, finding("COM-02", "blocker")]) == BLOCKER_CAP == 50.0


def test_a_rule_counts_once_and_suppressed_findings_cost_nothing():
    applied = {"RR-08": "major", "RR-02": "major"}
    assert document_score(applied, [finding("RR-08", "major")] * 40) == 50.0
    assert document_score(applied, [finding("RR-08", "major", suppressed=True)]) == 100.0
    # An info rule is advice: it neither earns nor costs; no weighted rule at all: no score.
    assert document_score({"RR-08": "major"}, [finding("COM-18", "info")]) == 100.0
    assert document_score({"CH-09": "info"}, []) is None


def test_findings_of_the_checkers_own_rules_count_as_rules_that_applied():
    # SUP-01 (expired waiver) is info; a rule outside `applied` with a major finding weighs as a major.
    assert document_score({"COM-01": "major"}, [finding("SUP-01", "info")]) == 100.0
    assert document_score({"COM-01": "major"}, [finding("ORG-01", "major")]) == 50.0


def test_a_short_document_is_not_favoured(tmp_path):
    """A charter with two of its twelve sections fails the rules about what it lacks: it scores lower
    than the complete one, although the rules could find less wrong in it."""
    full = make_docx(tmp_path / "full.docx")
    short = make_docx(tmp_path / "short.docx", sections=EN_SECTIONS[:2])
    report = checker.check([str(full), str(short)], TODAY)
    scores = {d["path"].rsplit("/", 1)[-1]: d["score"] for d in report["documents"]}
    assert scores["full.docx"] == 100.0
    assert scores["short.docx"] < 90.0


def test_unknown_and_unreadable_documents_have_no_score(tmp_path):
    from docx import Document

    doc = Document()
    doc.add_paragraph("Shopping list: apples, pears, bread.")
    doc.save(tmp_path / "list.docx")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    report = checker.check([str(tmp_path / "list.docx"), str(tmp_path / "broken.docx")], TODAY)
    by_name = {d["path"].rsplit("/", 1)[-1]: d for d in report["documents"]}
    assert by_name["list.docx"]["doc_type"] == "UNKNOWN" and by_name["list.docx"]["score"] is None
    assert by_name["broken.docx"]["error"] and by_name["broken.docx"]["score"] is None


def test_project_stage_and_importance():
    assert project_stage(["CHARTER", "UNKNOWN"]) == "initiation"
    assert project_stage(["CHARTER", "PMP", "SCHEDULE"]) == "planning"
    assert project_stage(["CHARTER", "STATUS_REPORT"]) == "execution"
    assert project_stage(["CLOSURE_REPORT", "PMP"]) == "closure"
    assert project_stage(["UNKNOWN"]) is None
    assert importance("PMP", "planning") == 3 and importance("PMP", "execution") == 1
    assert importance("RISK_REGISTER", "closure") == 3 and importance("INIT_REQUEST_BC", "closure") == 1


def test_project_score_weighs_documents_by_importance_at_the_stage():
    docs = [{"doc_type": "PMP", "score": 60.0}, {"doc_type": "STATUS_REPORT", "score": 100.0},
            {"doc_type": "RISK_REGISTER", "score": 80.0}, {"doc_type": "UNKNOWN", "score": None}]
    # execution: STATUS_REPORT and RISK_REGISTER weigh 3, the PMP 1: (60 + 300 + 240) / 7 = 85.7
    assert project_score(docs) == ("execution", 85.7)
    assert project_score([{"doc_type": "UNKNOWN", "score": None}]) == (None, None)


def test_group_score_is_the_mean_of_its_projects():
    assert group_score([80.0, 60.0, None]) == 70.0
    assert group_score([None]) is None


def test_report_projects_carry_stage_and_score(tmp_path, validate_report):
    make_docx(tmp_path / "charter.docx")
    make_docx(tmp_path / "short.docx", sections=EN_SECTIONS[:2])
    report = checker.check([str(tmp_path)], TODAY)
    validate_report(report)
    [project] = report["projects"]
    scores = [d["score"] for d in report["documents"]]
    assert project["stage"] == "initiation"
    assert project["score"] == round(sum(scores) / 2, 1)  # two charters: both weigh 3


def test_bands_default_and_configured(tmp_path):
    assert [Bands().of(s) for s in (80, 79.9, 60, 59.9, None)] == ["green", "amber", "amber", "red", None]
    (tmp_path / "pmo-check.toml").write_text("[score]\ngreen = 90\namber = 75\n", encoding="utf-8")
    bands = load(str(tmp_path / "pmo-check.toml")).bands
    assert (bands.green, bands.amber) == (90.0, 75.0) and bands.of(80) == "amber"


@pytest.mark.parametrize("table, message", [
    ({"green": 50, "amber": 70}, "amber (70) must not be above green (50)"),
    ({"green": 120}, "between 0 and 100"),
    ({"red": 10}, "unknown key 'red'"),
])
def test_bad_bands_are_configuration_errors(table, message):
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load({"score": table})
