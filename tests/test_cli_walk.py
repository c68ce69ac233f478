"""What a folder walk checks, skips and ignores, and what makes the exit status 1 (issue #10)."""
from __future__ import annotations

import json

from tests.support.clean_docs import make_docx
from tests.support.cli import run_cli


def _report(*args: str) -> tuple[dict, int]:
    result = run_cli("check", *args, "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout), result.returncode


def test_other_files_in_a_folder_are_listed_as_skipped_and_never_fail_the_run(tmp_path):
    make_docx(tmp_path / "charter.docx")
    (tmp_path / "plan.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    (tmp_path / "deck.pptx").write_bytes(b"PK\x03\x04 not really")
    (tmp_path / "README").write_text("notes", encoding="utf-8")
    report, status = _report(str(tmp_path), "--fail-on", "never")
    skipped = sorted(d["path"].rsplit("/", 1)[-1] for d in report["documents"] if d.get("skipped"))
    assert skipped == ["README", "deck.pptx", "plan.pdf"]
    assert all(d["error"]["code"] == "unsupported-format" for d in report["documents"] if d.get("skipped"))
    assert status == 0 and report["summary"]["skipped"] == 3
    _, status = _report(str(tmp_path))  # the clean charter alone decides
    assert status == 0


def test_a_word_file_that_cannot_be_read_still_fails_when_met_in_a_folder(tmp_path):
    make_docx(tmp_path / "charter.docx")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 truncated")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    report, status = _report(str(tmp_path), "--fail-on", "never")
    codes = {d["path"].rsplit("/", 1)[-1]: (d["error"] or {}).get("code") for d in report["documents"]}
    assert codes["broken.docx"] == "corrupt" and codes["old.doc"] == "legacy-format"
    assert not any(d.get("skipped") for d in report["documents"]) and status == 1


def test_hidden_files_and_folders_and_lock_files_are_ignored(tmp_path):
    make_docx(tmp_path / "charter.docx")
    (tmp_path / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    (tmp_path / "._charter.docx").write_bytes(b"\0\5\26\7 AppleDouble")  # a macOS resource fork
    (tmp_path / "~$arter.docx").write_bytes(b"lock")
    (tmp_path / ".git").mkdir()
    make_docx(tmp_path / ".git" / "stale.docx")
    report, status = _report(str(tmp_path))
    assert [d["path"].rsplit("/", 1)[-1] for d in report["documents"]] == ["charter.docx"] and status == 0
    report, status = _report(str(tmp_path / "~$arter.docx"))  # named explicitly: checked, and it fails
    assert report["documents"][0]["error"]["code"] == "unsupported-format" and status == 1


def test_judgement_findings_never_count_for_fail_on(tmp_path):
    from checker.report.exit_status import exit_status

    review = {"rule": "BC-13", "severity": "info", "message": "Needs review: …", "needs_review": True}
    doc = {"path": "a.docx", "format": "docx", "doc_type": "CHARTER", "findings": [review], "error": None}
    assert exit_status({"documents": [doc]}, "info") == 0
    doc["findings"].append({"rule": "COM-09", "severity": "info", "message": "…"})
    assert exit_status({"documents": [doc]}, "info") == 1
    skipped = {"path": "x.pdf", "format": "other", "doc_type": "UNKNOWN", "findings": [], "skipped": True,
               "error": {"code": "unsupported-format", "message": "…"}}
    assert exit_status({"documents": [skipped]}, "major") == 0
    assert exit_status({"documents": [{**skipped, "skipped": False}]}, "never") == 1


def test_annotate_lists_the_files_it_skipped_and_they_do_not_fail_it(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    make_docx(folder / "charter.docx")
    (folder / "minutes.pdf").write_bytes(b"%PDF-1.7\n")
    result = run_cli("annotate", str(folder), "--output", str(tmp_path / "out"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"skipped (not Word or Excel): {folder / 'minutes.pdf'}" in result.stdout
    assert (tmp_path / "out" / "charter.docx").is_file() and not (tmp_path / "out" / "minutes.pdf").exists()
