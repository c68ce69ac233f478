"""The project view on real project folders: summaries that travel with the entries, grouping,
versions, gates through the API and the command line, configuration, waivers and exit statuses.
(Each XD rule and gate is specified by the scenarios in features/cross_document*.feature and
features/gates*.feature.)"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import checker
from checker.core.errors import ConfigError
from checker.project import review
from tests.support import project_folders as pf
from tests.support.cli import run_cli

TODAY = date(2026, 11, 25)
CN_PMO = '[check]\nprofile = "cn_pmo"\n'


def _check(paths: list[Path], **options) -> dict:
    return checker.check([str(p) for p in paths], {"today": TODAY, "workers": 0, **options})


@pytest.fixture(scope="module")
def three_projects(tmp_path_factory) -> Path:
    """The three projects of `pf.three_projects` (ready; without its RACI matrix; a plan ending late)."""
    return pf.three_projects(tmp_path_factory.mktemp("mixed"))


def test_summaries_travel_with_entries_but_stay_out_of_the_printed_report(tmp_path):
    pack = pf.english()
    pack.write(tmp_path)
    printed = _check([tmp_path])
    assert all("summary" not in d for d in printed["documents"])
    kept = _check([tmp_path], summaries=True)
    charter = next(d for d in kept["documents"] if d["doc_type"] == "CHARTER")
    summary = charter["summary"]
    assert summary["identity"]["sponsor"]["value"] == "Dana Lee"
    assert summary["identity"]["sponsor"]["location"]  # every value says where it was read
    budget = next(m for m in summary["money"] if m["role"] == "total")
    assert (budget["amount"], budget["currency"]) == (1200000, "USD")
    assert [m["name"] for m in summary["milestones"]] == [name for name, _ in pack.milestones]


def test_review_of_stored_entries_gives_what_the_run_gave(three_projects):
    """The audit stores entries (JSON) and reviews them at the end of a run: the same projects."""
    report = _check([three_projects], summaries=True, gate="G2")
    stored = json.loads(json.dumps(report["documents"], ensure_ascii=False))
    again = review(stored, {"today": TODAY}, gate="G2")
    assert [(p["key"], p["gate"]["decision"], sorted(p["documents"])) for p in again] == \
        [(p["key"], p["gate"]["decision"], sorted(p["documents"])) for p in report["projects"]]
    assert [p["findings"] for p in again] == [p["findings"] for p in report["projects"]]


def test_a_mixed_folder_of_three_projects_is_grouped_and_assessed(three_projects, validate_report):
    report = _check([three_projects], gate="G2")
    validate_report(report)
    decisions = {p["key"]: p["gate"]["decision"] for p in report["projects"]}
    assert decisions == {"PRJ-2026-042": "ready", "ZC-2026-007": "not-ready", "ZC-2026-015": "conditional"}
    by_key = {p["key"]: p for p in report["projects"]}
    assert by_key["ZC-2026-007"]["gate"]["missing_documents"] == ["RACI"]
    assert by_key["ZC-2026-015"]["gate"]["conditions"] == ["XD-04"]
    [window] = [f for f in by_key["ZC-2026-015"]["findings"] if f["rule"] == "XD-04"]
    assert {Path(e["path"]).name for e in window["evidence"]} >= {"energy_项目章程.docx", "energy_项目管理计划.docx"}
    assert "不一致" in window["message"]  # in the documents' language
    assert all(p["key"].startswith(("PRJ", "ZC")) for p in report["projects"])


def test_documents_without_identity_join_their_folders_project(tmp_path):
    pack = pf.english()
    pack.write(tmp_path / "apollo")
    pack.write_one("RISK_MGMT_PLAN", tmp_path / "apollo" / "risk_management_plan.docx", name="", id="")
    other = pf.chinese()
    other.write(tmp_path / "warehouse")
    report = _check([tmp_path])
    keys = {p["key"]: {Path(d).name for d in p["documents"]} for p in report["projects"]}
    assert set(keys) == {"PRJ-2026-042", "ZC-2026-007"}
    assert "risk_management_plan.docx" in keys["PRJ-2026-042"]


def test_two_projects_with_near_names_and_their_own_ids_stay_apart(tmp_path):
    first = pf.english()
    first.write(tmp_path / "phase1")
    second = pf.english()
    second.id, second.name = "PRJ-2026-043", "Apollo CRM Migration II"
    second.write(tmp_path / "phase2")
    report = _check([tmp_path])
    assert sorted(p["key"] for p in report["projects"]) == ["PRJ-2026-042", "PRJ-2026-043"]
    assert not [f for p in report["projects"] for f in p["findings"] if f["rule"] == "XD-01"]


def test_pmo_check_toml_forces_documents_into_a_project(tmp_path):
    pack = pf.english()
    pack.write(tmp_path)
    other = pf.chinese()
    other.prefix = "legacy_"
    other.write(tmp_path, types=("RISK_REGISTER",))
    (tmp_path / "pmo-check.toml").write_text(
        '[[projects]]\nkey = "APOLLO"\nname = "Apollo CRM Migration"\npaths = ["*.docx", "*.xlsx"]\n', encoding="utf-8")
    report = _check([tmp_path])
    [project] = report["projects"]
    assert project["key"] == "APOLLO" and len(project["documents"]) == len(pack.types) + 1
    [identity] = [f for f in project["findings"] if f["rule"] == "XD-01" and "ID" in f["message"]]
    assert {e["value"] for e in identity["evidence"]} >= {"PRJ-2026-042", "ZC-2026-007"}


def test_versions_in_a_folder_the_latest_is_checked_and_earlier_ones_are_listed(tmp_path):
    pack = pf.english()
    pack.write(tmp_path)
    pack.write_one("CHARTER", tmp_path / "charter_v0.9_draft.docx", version="0.9", status="Draft", unsigned=True,
                   budget="USD 900,000", revisions=[("0.9", "2026-01-02", "Wei Zhang", "First draft")])
    pack.write_one("SCOPE_STATEMENT", tmp_path / "项目范围说明书（修订版）.docx", date="2026-01-25",
                   revisions=[("1.0", "2026-01-20", "Wei Zhang", "First issue"),
                              ("1.0", "2026-01-25", "Wei Zhang", "Typos fixed")])
    (tmp_path / "pmo-check.toml").write_text(CN_PMO, encoding="utf-8")
    report = _check([tmp_path], gate="G2")
    [project] = report["projects"]
    superseded = {Path(p).name for p in project["superseded"]}
    assert superseded == {"charter_v0.9_draft.docx", "scope_statement.docx"}
    assert project["gate"]["decision"] == "ready"  # the draft charter is an earlier version, not the one assessed
    assert not [f for f in project["findings"] if f["rule"] == "XD-02"]  # nor does its old budget count


def test_the_gate_command_prints_text_json_and_html_and_exits_by_readiness(three_projects, tmp_path, validate_report):
    text = run_cli("gate", "G2", str(three_projects), "--workers", "0")
    assert text.returncode == 1, text.stderr
    assert "READY" in text.stdout and "不通过" in text.stdout and "有条件通过" in text.stdout
    assert "RACI (责任分配矩阵)" in text.stdout
    as_json = run_cli("gate", "G2", str(three_projects), "--format", "json", "--workers", "0")
    report = json.loads(as_json.stdout)
    validate_report(report)
    assert {p["gate"]["id"] for p in report["projects"]} == {"G2"}
    html = tmp_path / "gate.html"
    written = run_cli("gate", "G2", str(three_projects), "--format", "html", "--output", str(html), "--workers", "0")
    assert written.returncode == 1 and html.exists(), written.stderr
    ready = tmp_path / "ready"
    pf.english().write(ready)
    (ready / "pmo-check.toml").write_text(CN_PMO, encoding="utf-8")
    assert run_cli("gate", "G2", str(ready), "--workers", "0").returncode == 0


def test_gate_usage_and_configuration_errors_exit_2_without_a_report(tmp_path):
    pf.english().write(tmp_path, types=("CHARTER",))
    bad_gate = run_cli("gate", "G9", str(tmp_path))
    assert bad_gate.returncode == 2 and not bad_gate.stdout
    (tmp_path / "pmo-check.toml").write_text('[gates.G2.required_docs]\nRACI = {state = "blessed"}\n', encoding="utf-8")
    bad_state = run_cli("gate", "G2", str(tmp_path))
    assert bad_state.returncode == 2 and not bad_state.stdout
    assert "blessed" in bad_state.stderr and "approved" in bad_state.stderr
    with pytest.raises(ConfigError, match="G9"):
        review([], gate="G9")


@pytest.mark.parametrize("toml, message", [
    ('[gates.G7]\nexit_criteria = ["XD-01"]\n', "G7"),
    ('[gates.G2.required_docs]\nCHARTERS = {state = "approved"}\n', "CHARTERS"),
    ('[gates.G2]\nrequired = {}\n', "required"),
    ('[[projects]]\nkey = "X"\n', "paths"),
    ('[[projects]]\npaths = ["*.docx"]\n', "key"),
])
def test_invalid_gate_and_project_settings_are_configuration_errors(tmp_path, toml, message):
    path = tmp_path / "pmo-check.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        checker.check([str(tmp_path)], str(path))


def test_a_cross_document_finding_fails_the_check_and_a_waiver_covers_it(tmp_path):
    pack = pf.english()
    pack.set("PMP", plan_end="2026-07-10")
    pack.write(tmp_path)
    assert run_cli("check", str(tmp_path), "--workers", "0").returncode == 1
    (tmp_path / "pmo-check.toml").write_text(
        '[[suppress]]\nrule = "XD-04"\nreason = "window extension approved by mail"\nexpires = 2099-12-31\n'
        'approved_by = "PMO"\n', encoding="utf-8")
    report = _check([tmp_path])
    [window] = [f for p in report["projects"] for f in p["findings"] if f["rule"] == "XD-04"]
    assert window["suppressed"] is True and window["suppression"]["approved_by"] == "PMO"
    assert run_cli("check", str(tmp_path), "--workers", "0").returncode == 0


def test_xd_rules_are_tailored_like_every_rule(tmp_path):
    pack = pf.english()
    pack.set("CHARTER", budget="USD 1,300,000")
    pack.write(tmp_path)
    (tmp_path / "pmo-check.toml").write_text('[rules."XD-02"]\nseverity = "minor"\n[rules."XD-01"]\nenabled = false\n',
                                             encoding="utf-8")
    report = _check([tmp_path])
    [chain] = [f for p in report["projects"] for f in p["findings"] if f["rule"] == "XD-02"]
    assert chain["severity"] == "minor"
    listed = run_cli("rules", "--format", "json")
    rules = {r["id"]: r for r in json.loads(listed.stdout)}
    assert {"XD-01", "XD-16", "XD-28", "GATE-01"} <= set(rules)


def test_an_unreadable_required_document_is_not_in_the_required_state(tmp_path):
    pack = pf.english()
    pack.write(tmp_path)
    (tmp_path / "raci.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    (tmp_path / "pmo-check.toml").write_text(CN_PMO, encoding="utf-8")
    report = _check([tmp_path], gate="G2")
    [project] = report["projects"]
    assert any(Path(p).name == "raci.xlsx" for p in project["documents"])
    assert project["gate"]["decision"] == "not-ready"
    assert "RACI" in project["gate"]["missing_documents"]  # an unreadable file has no recognised type
