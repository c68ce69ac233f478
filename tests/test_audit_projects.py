"""The audit's project view is the engine's: three generated projects audited with `--gate G2` into a
real SQLite store by real worker processes give the projects, cross-document findings, stages, scores
and gate decisions that `pmo-check check`/`gate` give for the same folder; each document's summary is
stored as the check returned it, a second run reviews the stored summaries without checking anything
again, and the scorecard lists the stored projects with their gate decisions."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from lxml import html
from sqlalchemy import select

import checker
from checker.audit.models import Document, Project, Run
from checker.audit.projects import gate_block
from checker.audit.store import open_store
from checker.report.exit_status import exit_status
from tests.support import project_folders as pf
from tests.support.cli import run_cli

TODAY = date(2026, 11, 25)
DECISIONS = {"PRJ-2026-042": "ready", "ZC-2026-007": "not-ready", "ZC-2026-015": "conditional"}


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, list]:
    """Three projects (ready, missing its RACI matrix, a plan ending after its charter) under the
    client's profile, audited twice for G2: the folder, the store and the two runs' outputs."""
    folder = tmp_path_factory.mktemp("projects")
    pf.three_projects(folder)
    (folder / "~$charter.docx").write_bytes(b"\x00owner")  # Word's lock file: ignored, as `check` ignores it
    (folder / "notes.txt").write_text("minutes of the kick-off", encoding="utf-8")  # skipped, never failing
    url = f"sqlite:///{folder.parent / (folder.name + '.db')}"
    runs = [run_cli("audit", str(folder), "--db", url, "--workers", "2", "--gate", "G2", "--as-of", TODAY.isoformat())
            for _ in range(2)]
    for result in runs:
        assert "Traceback" not in result.stderr and "finished" in result.stdout, result.stdout + result.stderr
    return folder, url, runs


def _report(folder: Path) -> dict:
    """What `check` and `gate` make of the folder: the engine's project view, with the summaries kept."""
    report = checker.check([str(folder)], {"today": TODAY, "workers": 0, "gate": "G2", "summaries": True})
    return json.loads(json.dumps(report, ensure_ascii=False))  # as stored: JSON


def _stored_projects(url: str, run_id: int) -> list[dict]:
    store = open_store(url, migrate=False)
    try:
        with store.sessions() as session:
            out = []
            for p in session.scalars(select(Project).where(Project.run_id == run_id).order_by(Project.key)):
                findings = [{"rule": f.rule, "severity": f.severity, "message": f.message, "evidence": f.evidence,
                             **(f.extra or {})} for f in p.findings]
                [gate] = [gate_block(g) for g in p.gates]
                out.append({"key": p.key, "documents": sorted(p.documents), "stage": p.stage, "score": p.score,
                            "findings": findings, "gate": gate})
            return out
    finally:
        store.close()


def _projects(report: dict) -> list[dict]:
    return [{"key": p["key"], "documents": sorted(p["documents"]), "stage": p["stage"], "score": p["score"],
             "findings": [{"evidence": [], **f} for f in p["findings"]], "gate": p["gate"]}
            for p in sorted(report["projects"], key=lambda p: p["key"])]


def test_the_stored_projects_are_those_of_check_and_gate(audited):
    folder, url, (first, _) = audited
    report = _report(folder)
    stored = _stored_projects(url, 1)
    assert {p["key"]: p["gate"]["decision"] for p in stored} == DECISIONS
    assert stored == _projects(report)  # grouping, XD findings with evidence, stage, score, gate block
    assert any(f["rule"].startswith("XD-") for p in stored for f in p["findings"])
    by_key = {p["key"]: p for p in stored}
    assert by_key["ZC-2026-007"]["gate"]["missing_documents"] == ["RACI"]
    assert by_key["ZC-2026-015"]["gate"]["conditions"] == ["XD-04"]
    # The summary counts the decisions; the exit status is check's over the same documents and projects.
    assert "gate G2: 1 ready, 1 conditional, 1 not-ready" in first.stdout
    assert "1 skipped (not Word or Excel)" in first.stdout
    assert first.returncode == exit_status(report, "major") == 1
    gate = run_cli("gate", "G2", str(folder), "--format", "json", "--as-of", TODAY.isoformat(), "--workers", "1")
    assert {p["key"]: p["gate"] for p in json.loads(gate.stdout)["projects"]} == {p["key"]: p["gate"] for p in stored}


def test_each_documents_summary_is_stored_as_the_check_returned_it(audited):
    folder, url, _ = audited
    summaries = {d["path"]: d.get("summary") for d in _report(folder)["documents"]}
    store = open_store(url, migrate=False)
    try:
        with store.sessions() as session:
            docs = session.scalars(select(Document).where(Document.run_id == 1)).all()
            assert {d.path: d.summary for d in docs} == summaries  # the lock file is not there at all
            assert [Path(d.path).name for d in docs if d.skipped] == ["notes.txt"]
    finally:
        store.close()


def test_a_second_run_reviews_the_stored_summaries_without_checking_again(audited):
    folder, url, (first, second) = audited
    assert "(0 checked, " in second.stdout and second.returncode == first.returncode
    assert "gate G2: 1 ready, 1 conditional, 1 not-ready" in second.stdout
    assert _stored_projects(url, 2) == _stored_projects(url, 1)
    store = open_store(url, migrate=False)
    try:
        with store.sessions() as session:
            run = session.get(Run, 2)
            assert run.options["gate"] == "G2" and run.checked == 0
            carried = session.scalars(select(Document).where(Document.run_id == 2, Document.skipped.is_(False))).all()
            assert carried and all(d.summary for d in carried)
    finally:
        store.close()


def test_the_scorecard_lists_the_stored_projects_with_their_gate_decisions(audited, tmp_path: Path):
    _, url, _ = audited
    stored = {p["key"]: p for p in _stored_projects(url, 2)}
    result = run_cli("scorecard", "--db", url, "--format", "json")
    assert result.returncode == 0, result.stderr
    card = json.loads(result.stdout)
    assert {p["key"]: p["gate"] for p in card["projects"]} == {k: p["gate"] for k, p in stored.items()}
    assert {p["key"]: (p["stage"], p["score"], p["documents"]) for p in card["projects"]} == \
        {k: (p["stage"], p["score"], len(p["documents"])) for k, p in stored.items()}
    assert {g["key"]: g["documents"] for g in card["groups"]} == {k: len(p["documents"]) for k, p in stored.items()}

    page = tmp_path / "scorecard.html"
    assert run_cli("scorecard", "--db", url, "--format", "html", "--output", str(page)).returncode == 0
    tree = html.fromstring(page.read_text(encoding="utf-8"))
    shown = {row.get("data-project"): row.xpath(".//td[@data-gate]")[0] for row in tree.xpath("//table[@class='worst']//tr[@data-project]")}
    assert {k: (cell.get("data-gate"), cell.get("data-decision")) for k, cell in shown.items()} == \
        {k: ("G2", DECISIONS[k]) for k in stored}
    assert "有条件通过" in page.read_text(encoding="utf-8") or "conditional" in shown["ZC-2026-015"].text_content()
