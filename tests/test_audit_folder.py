"""`pmo-check audit FOLDER` as a user runs it, into a real SQLite store: the same results as `check`,
history per run, unchanged documents carried over, PMO metadata, annotated copies, unreadable files
recorded, a second audit of a busy source refused, progress as plain lines or a bar."""
from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from docx import Document as open_docx
from sqlalchemy import func, select

import checker
from checker.audit.models import Document, Finding, Project, Run, SourceLock
from checker.audit.store import open_store
from checker.cli import main
from tests.support.cli import ROOT, run_cli
from tests.support.library import groups, library_docs, project_id, write_library


def _store(url: str):
    return open_store(url, migrate=False)


def _rows(url: str, run_id: int) -> dict[str, tuple]:
    s = _store(url)
    try:
        with s.sessions() as session:
            out = {}
            for doc in session.scalars(select(Document).where(Document.run_id == run_id)):
                out[doc.path] = (doc.doc_type, doc.score, doc.error_code,
                                 sorted((f.rule, f.severity, bool(f.suppressed)) for f in doc.findings))
            return out
    finally:
        s.close()


@pytest.fixture()
def samples(tmp_path: Path) -> Path:
    folder = tmp_path / "samples"
    shutil.copytree(ROOT / "sample_docs", folder)
    return folder


def test_audit_of_the_samples_equals_check_and_keeps_history(samples: Path, tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'audit.db'}"
    first = run_cli("audit", str(samples), "--db", url, "--workers", "2")
    report = checker.check([str(samples)], {"workers": 0})
    assert first.returncode == 1, first.stderr  # the samples carry seeded defects, as for `check`
    assert "Traceback" not in first.stderr
    n = len(report["documents"])
    assert f"audit run 1 finished: {n} documents ({n} checked, 0 unchanged)" in first.stdout
    expected = {d["path"]: (d["doc_type"], d["score"], (d["error"] or {}).get("code"),
                            sorted((f["rule"], f["severity"], bool(f.get("suppressed"))) for f in d["findings"]))
                for d in report["documents"]}
    assert _rows(url, 1) == expected

    # Nothing changed: nothing is checked again, and the second run holds every document all the same.
    second = run_cli("audit", str(samples), "--db", url, "--workers", "2")
    assert second.returncode == 1
    assert f"audit run 2 finished: {n} documents (0 checked, {n} unchanged)" in second.stdout
    assert _rows(url, 2) == expected

    # One document edited: only it is checked again.
    edited = samples / "en" / "charter.docx"
    doc = open_docx(str(edited))
    doc.add_paragraph("Budget owner: TBD")
    doc.save(str(edited))
    third = run_cli("audit", str(samples), "--db", url, "--workers", "2")
    assert f"audit run 3 finished: {n} documents (1 checked, {n - 1} unchanged)" in third.stdout
    rows = _rows(url, 3)
    assert "COM-02" in {rule for rule, _, _ in rows[str(edited)][3]}
    assert {p: r for p, r in rows.items() if p != str(edited)} == {p: r for p, r in expected.items() if p != str(edited)}

    # --full checks everything again; the store's projects follow the report's grouping.
    full = run_cli("audit", str(samples), "--db", url, "--workers", "2", "--full")
    assert f"({n} checked, 0 unchanged)" in full.stdout
    s = _store(url)
    try:
        with s.sessions() as session:
            runs = session.scalars(select(Run).order_by(Run.id)).all()
            assert [r.status for r in runs] == ["finished"] * 4 and all(r.finished_at for r in runs)
            assert [(r.checked, r.reused) for r in runs] == [(n, 0), (0, n), (1, n - 1), (n, 0)]
            keys = session.scalars(select(Project.key).where(Project.run_id == 4).order_by(Project.key)).all()
            assert keys == sorted(p["key"] for p in report["projects"])
            assert session.scalar(select(func.count()).select_from(SourceLock)) == 0  # released
    finally:
        s.close()


def test_metadata_from_properties_the_document_and_the_mapping_file(tmp_path: Path):
    docs = library_docs(3)
    library = write_library(tmp_path / "lib", docs)
    mapping = tmp_path / "pmo-map.csv"
    mapping.write_text(f"project,department,portfolio\n{project_id(1)},Transformation Office,\n", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'audit.db'}"
    result = run_cli("audit", str(library), "--db", url, "--workers", "1", "--mapping", str(mapping))
    assert result.returncode == 0, result.stdout + result.stderr
    s = _store(url)
    try:
        with s.sessions() as session:
            for doc in session.scalars(select(Document)):
                project = int(doc.project_key.rsplit("-", 1)[1]) - 100
                want = groups(project)
                assert doc.portfolio == want["portfolio"]  # a custom property (the mapping leaves it empty)
                assert doc.manager == want["manager"]  # named in the document's control table
                assert doc.department == ("Transformation Office" if project == 1 else want["department"])
            project_rows = {p.key: p for p in session.scalars(select(Project))}
            assert project_rows[project_id(1)].department == "Transformation Office"
            assert project_rows[project_id(2)].portfolio == groups(2)["portfolio"]
    finally:
        s.close()
    bad = tmp_path / "bad.csv"
    bad.write_text("project,colour\nPRJ-1,blue\n", encoding="utf-8")
    refused = run_cli("audit", str(library), "--db", url, "--mapping", str(bad))
    assert refused.returncode == 2 and "line 2: unknown column(s) colour" in refused.stderr


def test_unreadable_files_are_recorded_and_annotated_copies_written(tmp_path: Path):
    docs = library_docs(1)
    library = write_library(tmp_path / "lib", docs, defects={docs[0].name})
    (library / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (library / "notes.txt").write_text("minutes", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'audit.db'}"
    out = tmp_path / "annotated"
    result = run_cli("audit", str(library), "--db", url, "--workers", "1", "--annotate", str(out))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "1 unreadable, 1 skipped (not Word or Excel)" in result.stdout, result.stdout
    errors = {Path(p).name: r[2] for p, r in _rows(url, 1).items() if r[2]}
    assert errors == {"broken.docx": "corrupt", "notes.txt": "unsupported-format"}
    with _store(url).sessions() as session:
        assert {Path(d.path).name for d in session.scalars(select(Document).where(Document.skipped))} == {"notes.txt"}
    copy = out / docs[0].name
    comments = [c.text for c in open_docx(str(copy)).comments]
    with _store(url).sessions() as session:
        findings = session.scalars(select(Finding).join(Document).where(Document.path.endswith(docs[0].name))).all()
    assert len(comments) == len([f for f in findings if not f.suppressed]) > 0
    assert not (out / docs[1].name).exists()  # a document without findings gets no copy


def test_files_that_are_not_word_or_excel_are_listed_and_never_fail_the_run(tmp_path: Path):
    library = write_library(tmp_path / "lib", library_docs(1))
    (library / "notes.txt").write_text("minutes", encoding="utf-8")
    (library / "slides.pptx").write_bytes(b"PK\x03\x04 a presentation")
    # Passed over as `check` passes them over: a lock file, the configuration, its pack, an excluded folder.
    (library / "~$charter.docx").write_bytes(b"\x00owner")
    (library / "pmo-check.toml").write_text('[check]\nexclude = ["drafts/*"]\npacks = ["./our-pmo.yaml"]\n',
                                            encoding="utf-8")
    (library / "our-pmo.yaml").write_text("pack: ours\ndisable: [COM-05]\n", encoding="utf-8")
    (library / "drafts").mkdir()
    (library / "drafts" / "draft.txt").write_text("a draft", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'audit.db'}"
    report = checker.check([str(library)], {"workers": 0})
    assert report["summary"]["skipped"] == 2 and not any(d.get("error") and not d.get("skipped")
                                                         for d in report["documents"])
    result = run_cli("audit", str(library), "--db", url, "--workers", "1")
    assert result.returncode == 0, result.stdout + result.stderr  # as for `check` of the same folder
    assert "0 unreadable, 2 skipped (not Word or Excel)" in result.stdout
    with _store(url).sessions() as session:
        run = session.get(Run, 1)
        assert (run.documents, run.errors) == (5, 0)
        assert set(session.scalars(select(Document.path))) == {d["path"] for d in report["documents"]}
        skipped = session.scalars(select(Document).where(Document.skipped)).all()
        assert sorted(Path(d.path).name for d in skipped) == ["notes.txt", "slides.pptx"]
        assert all(d.error_code == "unsupported-format" and d.summary is None for d in skipped)
        projects = session.scalars(select(Project)).all()  # a skipped file belongs to no project
        assert not any(d.path in p.documents for p in projects for d in skipped)


def test_rule_selection_and_the_check_date_are_checks(tmp_path: Path):
    docs = library_docs(2)
    library = write_library(tmp_path / "lib", docs, {d.name for d in docs[::2]})
    url = f"sqlite:///{tmp_path / 'audit.db'}"
    typo = run_cli("audit", str(library), "--db", url, "--select", "COM-2")
    assert typo.returncode == 2 and "no rule matches COM-2" in typo.stderr
    chosen = ("--select", "COM-*", "--ignore", "COM-05", "--as-of", "2026-11-25")
    result = run_cli("audit", str(library), "--db", url, "--workers", "2", *chosen)
    report = json.loads(run_cli("check", str(library), "--format", "json", "--workers", "1", *chosen).stdout)
    assert result.returncode == 1 and "audit run 1 finished" in result.stdout, result.stdout + result.stderr
    rows = _rows(url, 1)
    assert rows == {d["path"]: (d["doc_type"], d["score"], None, sorted((f["rule"], f["severity"], False)
                                                                         for f in d["findings"]))
                    for d in report["documents"]}
    rules = {rule for row in rows.values() for rule, _, _ in row[3]}
    assert rules and all(r.startswith("COM-") and r != "COM-05" for r in rules)
    # Another check date is another configuration: nothing is carried over.
    again = run_cli("audit", str(library), "--db", url, "--workers", "2", "--select", "COM-*", "--as-of", "2026-12-01")
    assert f"({len(docs)} checked, 0 unchanged)" in again.stdout, again.stdout + again.stderr


def test_a_second_audit_of_a_busy_source_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture):
    # Enough documents for one worker to be busy a while; the second audit starts in this process,
    # without a Python start-up, the moment the first holds its source.
    library = write_library(tmp_path / "lib", library_docs(30))
    url = f"sqlite:///{tmp_path / 'audit.db'}"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    first = subprocess.Popen([sys.executable, "-m", "checker.cli", "audit", str(library), "--db", url, "--workers", "1"],
                             cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not _locked(tmp_path / "audit.db"):
            time.sleep(0.05)
        assert _locked(tmp_path / "audit.db"), "the first audit never held its source"
        status = main(["audit", str(library), "--db", url, "--workers", "1"])
        second = capsys.readouterr()
        assert status == 2, second.out + second.err
        assert "is being audited by run 1" in second.err and "wait for it to finish" in second.err
        out, err = first.communicate(timeout=120)
        assert first.returncode == 0, out + err
    finally:
        if first.poll() is None:
            first.kill()
    again = run_cli("audit", str(library), "--db", url, "--workers", "1")
    assert again.returncode == 0 and "(0 checked, 90 unchanged)" in again.stdout
    with _store(url).sessions() as session:  # the refused audit left no run behind
        assert [r.status for r in session.scalars(select(Run).order_by(Run.id))] == ["finished", "finished"]


def _locked(db: Path) -> bool:
    if not db.exists():
        return False
    try:
        s = open_store(f"sqlite:///{db}", migrate=False)
    except Exception:  # noqa: BLE001 - not migrated yet
        return False
    try:
        with s.sessions() as session:
            return bool(session.scalar(select(func.count()).select_from(SourceLock)))
    finally:
        s.close()


def test_clear_errors_for_what_cannot_be_audited(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'audit.db'}"
    cases = [
        (["audit", str(tmp_path / "missing"), "--db", url], "no such folder"),
        (["audit", "sharepoint://contoso.sharepoint.com/Shared Documents", "--db", url], "is not a SharePoint library"),
        (["audit", "https://example.com/x", "--db", url], "only folders and sharepoint:// libraries"),
    ]
    env_free = {k: v for k, v in os.environ.items() if not k.startswith("PMO_CHECK_")}
    for args, message in cases:
        result = subprocess.run([sys.executable, "-m", "checker.cli", *args], cwd=ROOT, capture_output=True, text=True,
                                env={**env_free, "PYTHONPATH": str(ROOT)}, timeout=120)
        assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr, result.stderr
    result = subprocess.run([sys.executable, "-m", "checker.cli", "audit",
                             "sharepoint://contoso.sharepoint.com/sites/pmo/Shared Documents", "--db", url],
                            cwd=ROOT, capture_output=True, text=True, env={**env_free, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert result.returncode == 2 and "PMO_CHECK_TENANT_ID" in result.stderr and "PMO_CHECK_CLIENT_SECRET" in result.stderr


def test_progress_is_plain_lines_in_a_log_and_checks_bar_on_a_terminal(tmp_path: Path):
    library = write_library(tmp_path / "lib", library_docs(1))
    url = f"sqlite:///{tmp_path / 'audit.db'}"
    plain = run_cli("audit", str(library), "--db", url, "--workers", "1", "--full")
    assert "pmo-check: audit run 1: 3 documents" in plain.stderr
    assert "pmo-check: audit run 1: 3 checked, 0 unchanged, 0 unreadable" in plain.stderr
    controller, terminal = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "checker.cli", "audit", str(library), "--db", url, "--workers", "1",
                             "--full"], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "120"},
                            stdout=subprocess.PIPE, stderr=terminal, text=True)
    os.close(terminal)
    screen = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:
            break
        if not chunk:
            break
        screen += chunk
    proc.wait(timeout=120)
    os.close(controller)
    text = screen.decode("utf-8", "replace")
    assert proc.returncode == 0
    assert "checking" in text and "3/3" in text and "━" in text  # check's progress bar (checker.cli.progress)…
    assert text.endswith("\x1b[2K")  # …removed at the end, as for `check`
    assert "pmo-check: audit run 2:" not in text  # no log lines besides
