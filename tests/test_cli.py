"""The command line as the contract defines it: formats, exit status, errors as entries, no tracebacks."""
from __future__ import annotations

import json

import checker
from tests.support.clean_docs import make_docx
from tests.support.cli import run_cli


def test_json_report_is_the_only_thing_on_stdout_and_validates(tmp_path, validate_report):
    make_docx(tmp_path / "charter.docx")
    (tmp_path / "notes.txt").write_text("not a document", encoding="utf-8")
    result = run_cli("check", str(tmp_path), "--format", "json")
    report = json.loads(result.stdout)
    validate_report(report)
    by_name = {d["path"].rsplit("/", 1)[-1]: d for d in report["documents"]}
    assert by_name["charter.docx"]["doc_type"] == "CHARTER"
    assert by_name["notes.txt"]["error"]["code"] == "unsupported-format"
    assert by_name["notes.txt"]["format"] == "other" and by_name["notes.txt"]["score"] is None
    assert by_name["notes.txt"]["skipped"] is True  # met while walking the folder: listed, not a failure
    assert report["summary"]["documents"] == 2 and report["summary"]["errors"] == 1
    assert report["summary"]["skipped"] == 1
    assert result.returncode == 0
    assert "Traceback" not in result.stderr
    named = run_cli("check", str(tmp_path / "notes.txt"), "--format", "json")  # named explicitly: it fails
    assert json.loads(named.stdout)["documents"][0].get("skipped") is None and named.returncode == 1


def test_missing_file_is_an_entry_not_a_crash(tmp_path, validate_report):
    good = make_docx(tmp_path / "charter.docx")
    result = run_cli("check", str(tmp_path / "nope.docx"), str(good), "--format", "json")
    report = json.loads(result.stdout)
    validate_report(report)
    assert [d["error"]["code"] if d["error"] else None for d in report["documents"]] == ["not-found", None]
    assert result.returncode == 1


def test_exit_status_follows_fail_on(tmp_path):
    path = make_docx(tmp_path / "c.docx", revisions=[])  # COM-04 is major
    assert run_cli("check", str(path), "--format", "json").returncode == 1
    assert run_cli("check", str(path), "--format", "json", "--fail-on", "blocker").returncode == 0
    assert run_cli("check", str(path), "--format", "json", "--fail-on", "never").returncode == 0
    clean = make_docx(tmp_path / "clean.docx")
    assert run_cli("check", str(clean), "--format", "json").returncode == 0


def test_bad_options_exit_2_without_a_report(tmp_path):
    result = run_cli("check", str(tmp_path), "--format", "yaml")
    assert result.returncode == 2 and result.stdout == ""
    result = run_cli("check", str(tmp_path), "--fail-on", "sometimes")
    assert result.returncode == 2 and result.stdout == ""
    assert run_cli("frobnicate").returncode == 2


def test_text_output_is_grouped_by_file_and_plain_when_piped(tmp_path):
    make_docx(tmp_path / "a.docx", revisions=[])
    make_docx(tmp_path / "b.docx", zh=True, title="项目章程", approvals=[])
    result = run_cli("check", str(tmp_path))
    out = result.stdout
    assert "\x1b[" not in out
    a, b = out.index("a.docx"), out.index("b.docx")
    assert a < out.index("COM-04") < b < out.index("COM-06")
    assert "未找到审批/签字栏" in out
    assert "2 documents" in out


def test_colour_can_be_forced(tmp_path):
    path = make_docx(tmp_path / "a.docx", revisions=[])
    assert "\x1b[" in run_cli("check", str(path), "--color", "always").stdout


def test_python_api_gives_the_cli_report(tmp_path):
    path = make_docx(tmp_path / "a.docx", revisions=[])
    api = checker.check([str(path)])
    cli = json.loads(run_cli("check", str(path), "--format", "json").stdout)
    strip = lambda r: [{k: v for k, v in d.items()} for d in r["documents"]]  # noqa: E731
    assert strip(api) == strip(cli)


def test_rules_lists_ids_severities_and_both_titles():
    result = run_cli("rules", "--format", "json")
    rows = json.loads(result.stdout)
    com06 = next(r for r in rows if r["id"] == "COM-06")
    assert com06["severity"] == "blocker" and "CHARTER" in com06["doc_types"]
    assert com06["title"]["zh"].startswith("需审批文档")
    text = run_cli("rules", "--doc-type", "STATUS_REPORT").stdout
    assert "COM-01" in text and "COM-06" not in text


def test_vendored_schema_is_the_contracts(report_schema):
    """tests/contract holds a copy of the public schema; it must not drift from the contract."""
    import pytest

    from tests.support.cli import ROOT

    shared = ROOT.parent / "shared" / "contract" / "report.schema.json"
    if not shared.is_file():
        pytest.skip("the shared contract is not beside this clone")
    assert json.loads(shared.read_text(encoding="utf-8")) == report_schema
