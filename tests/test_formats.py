"""`pmo-check check --format sarif|junit|csv|text|json [--output FILE]` on real documents: SARIF against
the vendored SARIF 2.1.0 schema, JUnit against the vendored JUnit XSD, CSV one row per finding."""
from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from lxml import etree

import checker
from checker.report.catalogue import catalogue
from checker.report.formats import FORMATS, Render, write
from tests.support.cli import ROOT, run_cli

CONTRACT = Path(__file__).resolve().parent / "contract"
DEFECTS = ROOT / "sample_docs" / "defects"
WAIVER = """
[[suppress]]
rule = "BC-07"
path = "business_case_funding_gap.docx"
reason = "Funding decision pending at the board"
expires = 2999-01-31
approved_by = "PMO"
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """An English charter with blockers, a Chinese risk register, a business case with a waived finding
    and a judgement rule's note, and a file that is not a document."""
    root = tmp_path_factory.mktemp("formats")
    for name in ("charter_placeholders.docx", "风险登记册_评分错误.xlsx", "business_case_funding_gap.docx"):
        shutil.copy(DEFECTS / name, root / name)
    (root / "broken.docx").write_bytes(b"PK\x03\x04 truncated")
    (root / "pmo-check.toml").write_text(WAIVER, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def report(folder) -> dict:
    return checker.check([str(folder)], {"today": date(2026, 12, 1)})


def rendered(report: dict, fmt: str, **kwargs) -> str:
    out = io.StringIO()
    write(fmt, report, out, Render(rules=catalogue(), **kwargs))
    return out.getvalue()


def live(doc: dict) -> list[dict]:
    return [f for f in doc["findings"] if not f.get("suppressed")]


def by_name(report: dict, name: str) -> dict:
    return next(d for d in report["documents"] if d["path"].endswith(name))


def test_every_format_is_a_module_with_write():
    assert list(FORMATS) == ["text", "json", "sarif", "junit", "html", "csv"]
    for module in FORMATS.values():
        assert callable(__import__(module, fromlist=["write"]).write), module


# --------------------------------------------------------------------------- SARIF


def test_sarif_validates_against_the_sarif_2_1_0_schema(report):
    from jsonschema import Draft4Validator

    schema = json.loads((CONTRACT / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    log = json.loads(rendered(report, "sarif"))
    errors = sorted(Draft4Validator(schema).iter_errors(log), key=str)
    assert not errors, "; ".join(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:5])
    assert log["version"] == "2.1.0"


def test_sarif_has_a_run_per_language_with_rule_help_in_that_language(report):
    log = json.loads(rendered(report, "sarif"))
    runs = {run["language"]: run for run in log["runs"]}
    assert set(runs) == {"en-US", "zh-CN"}
    assert runs["en-US"]["automationDetails"]["id"] != runs["zh-CN"]["automationDetails"]["id"]
    en_rules = {r["id"]: r for r in runs["en-US"]["tool"]["driver"]["rules"]}
    zh_rules = {r["id"]: r for r in runs["zh-CN"]["tool"]["driver"]["rules"]}
    com02 = en_rules["COM-02"]
    assert com02["shortDescription"]["text"] == "No template placeholders remain"
    assert "prompt text must be deleted" in com02["fullDescription"]["text"]  # the standard's rationale
    assert com02["help"]["text"].startswith("No template placeholders remain\nWhy: ")
    assert com02["defaultConfiguration"]["level"] == "error"
    rr06 = zh_rules["RR-06"]
    assert rr06["shortDescription"]["text"] == catalogue()["RR-06"].title.zh
    assert "依据：" in rr06["help"]["text"]
    # every result points at a rule descriptor of its own run
    for run in log["runs"]:
        for result in run["results"]:
            assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_results_are_the_findings_with_logical_locations(report):
    log = json.loads(rendered(report, "sarif"))
    results = [r for run in log["runs"] for r in run["results"]]
    assert len(results) == sum(len(d["findings"]) for d in report["documents"])
    charter = by_name(report, "charter_placeholders.docx")
    tbd = next(f for f in charter["findings"] if f["rule"] == "COM-02" and "paragraph" in f.get("location", {}))
    result = next(r for r in results if r["message"]["text"] == tbd["message"]
                  and "paragraph" in r["locations"][0].get("properties", {}))
    location = result["locations"][0]
    assert location["physicalLocation"]["artifactLocation"]["uri"].endswith("charter_placeholders.docx")
    human = f"paragraph {tbd['location']['paragraph'] + 1}"  # 1-based, as a Word user counts
    assert location["logicalLocations"][0] == {"name": human, "kind": "paragraph",
                                               "fullyQualifiedName": f"{tbd['location']['heading']} › {human}"}
    assert result["level"] == "error" and result["kind"] == "fail"
    register = by_name(report, "风险登记册_评分错误.xlsx")
    cell = next(f for f in register["findings"] if f.get("location", {}).get("cell"))
    names = {r["locations"][0]["logicalLocations"][0]["name"] for r in results if r["ruleId"] == cell["rule"]}
    assert f"{cell['location']['sheet']}!{cell['location']['cell']}" in names


def test_sarif_reports_waivers_reviews_and_unreadable_files(report):
    log = json.loads(rendered(report, "sarif"))
    en = next(run for run in log["runs"] if run["language"] == "en-US")
    waived = next(r for r in en["results"] if r["ruleId"] == "BC-07")
    assert waived["suppressions"][0]["kind"] == "external"
    assert waived["suppressions"][0]["justification"] == "Funding decision pending at the board"
    review = next(r for r in en["results"] if r["ruleId"] == "BC-13")
    assert (review["kind"], review["level"]) == ("review", "none")
    [note] = en["invocations"][0]["toolExecutionNotifications"]
    assert note["level"] == "error" and note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(
        "broken.docx")
    hashes = {a["location"]["uri"].rsplit("/", 1)[-1]: a.get("hashes") for a in en["artifacts"]}
    assert hashes["charter_placeholders.docx"]["sha-256"] == by_name(report, "charter_placeholders.docx")["sha256"]


# --------------------------------------------------------------------------- JUnit


def junit(report: dict, **kwargs) -> etree._Element:
    text = rendered(report, "junit", **kwargs)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return etree.fromstring(text.encode("utf-8"))


def test_junit_validates_against_the_junit_xsd(report):
    schema = etree.XMLSchema(etree.parse(str(CONTRACT / "junit" / "junit-10.xsd")))
    root = junit(report)
    assert schema.validate(root), schema.error_log


def test_junit_has_a_case_per_document_and_rule(report):
    root = junit(report)
    suites = {s.get("name").rsplit("/", 1)[-1]: s for s in root.findall("testsuite")}
    assert set(suites) == {"charter_placeholders.docx", "风险登记册_评分错误.xlsx", "business_case_funding_gap.docx",
                           "broken.docx"}
    for doc in report["documents"]:
        suite = suites[doc["path"].rsplit("/", 1)[-1]]
        if doc.get("error"):
            [case] = suite.findall("testcase")
            assert case.find("error").get("type") == doc["error"]["code"]
            continue
        expected = set(doc["rules_applied"]) | {f["rule"] for f in doc["findings"]}
        cases = [c.get("name").split(" ", 1)[0] for c in suite.findall("testcase")]
        assert sorted(cases) == sorted(expected) and len(cases) == len(set(cases))
        failing = {f["rule"] for f in live(doc) if f["severity"] in ("blocker", "major") and not f.get("needs_review")}
        assert {c.get("name").split(" ", 1)[0] for c in suite.findall("testcase") if c.find("failure") is not None} \
            == failing
        assert int(suite.get("failures")) == len(failing) and int(suite.get("tests")) == len(expected)
    assert int(root.get("tests")) == sum(int(s.get("tests")) for s in suites.values())
    bc = suites["business_case_funding_gap.docx"]
    waived = next(c for c in bc.findall("testcase") if c.get("name").startswith("BC-07 "))
    assert waived.find("skipped").get("message") == "suppressed: Funding decision pending at the board"
    review = next(c for c in bc.findall("testcase") if c.get("name").startswith("BC-13 "))
    assert review.find("failure") is None and "needs review" in review.find("system-out").text


def test_junit_fails_at_the_fail_level(report):
    never = junit(report, fail_on="never")
    assert never.get("failures") == "0"
    minor = junit(report, fail_on="minor")
    assert int(minor.get("failures")) >= int(junit(report).get("failures"))


# --------------------------------------------------------------------------- CSV, text, JSON, --output


def test_csv_has_one_row_per_finding_and_per_unreadable_file(report):
    rows = list(csv.DictReader(io.StringIO(rendered(report, "csv"))))
    assert len(rows) == sum(len(d["findings"]) for d in report["documents"]) + 1
    broken = [r for r in rows if r["error"]]
    assert len(broken) == 1 and broken[0]["path"].endswith("broken.docx") and broken[0]["score"] == ""
    register = by_name(report, "风险登记册_评分错误.xlsx")
    cell = next(f for f in register["findings"] if f.get("location", {}).get("cell"))
    row = next(r for r in rows if r["rule"] == cell["rule"] and r["cell"] == cell["location"]["cell"])
    assert row["where"] == f"{cell['location']['sheet']}!{cell['location']['cell']}"
    assert row["title"] == catalogue()[cell["rule"]].title.zh and row["band"] == "red"


def test_csv_defuses_formulas():
    report = {"documents": [{"path": "a.docx", "doc_type": "CHARTER", "score": 90.0, "error": None, "findings": [
        {"rule": "COM-02", "severity": "major", "message": "=HYPERLINK(\"http://x\")", "location": {"text": "+1"}}]}],
        "projects": []}
    [row] = list(csv.DictReader(io.StringIO(rendered(report, "csv"))))
    assert row["message"] == "'=HYPERLINK(\"http://x\")" and row["text"] == "'+1"


@pytest.mark.parametrize("fmt", ["sarif", "junit", "csv", "json", "text"])
def test_output_writes_the_file_and_nothing_on_stdout(folder, tmp_path, fmt):
    target = tmp_path / f"report.{fmt}"
    result = run_cli("check", str(folder / "charter_placeholders.docx"), "--format", fmt, "--output", str(target))
    assert result.returncode == 1, result.stderr  # the charter has blockers
    assert result.stdout == ""
    data = target.read_bytes()
    if fmt == "csv":
        assert data.startswith(b"\xef\xbb\xbf")  # Excel reads the Chinese text as UTF-8
    text = data.decode("utf-8-sig")
    assert "COM-02" in text
    if fmt in ("sarif", "json"):
        json.loads(text)


def test_output_to_an_unwritable_place_is_a_clear_error(folder, tmp_path):
    result = run_cli("check", str(folder / "charter_placeholders.docx"), "--format", "csv",
                     "--output", str(tmp_path / "missing" / "report.csv"))
    assert result.returncode == 2 and "cannot write" in result.stderr and "Traceback" not in result.stderr
