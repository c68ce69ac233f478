"""`pmo-check scorecard` over a real audit store filled by three audits of a generated library whose
defects are fixed from run to run: the numbers in the HTML page, the Excel workbook, the JSON (the
contract's `pmo-check/scorecard@1`) and the CSV are checked against what the database holds, worked
out here from its rows with the documented formulas (docs/scoring.md)."""
from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from pathlib import Path

import pytest
from lxml import html
from openpyxl import load_workbook
from openpyxl.chart import LineChart
from sqlalchemy import select

from checker.audit.models import Document, Run
from checker.audit.store import open_store
from checker.run.scoring import group_score, project_score
from tests.support.cli import run_cli
from tests.support.html_checks import external_references
from tests.support.library import library_docs, write_library

DOCS = library_docs(6)
# Documents with a placeholder in each run: fixed little by little.
DEFECTS = ({d.name for d in DOCS[0:9:2]} | {DOCS[1].name}, {d.name for d in DOCS[0:9:4]}, {DOCS[0].name})


@pytest.fixture(scope="module")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("scorecard")
    url = f"sqlite:///{folder / 'audit.db'}"
    library = folder / "lib"
    for revision, defects in enumerate(DEFECTS, start=1):
        changed = DOCS if revision == 1 else [d for d in DOCS if (d.name in defects) != (d.name in DEFECTS[revision - 2])]
        write_library(library, changed, defects, revision)
        result = run_cli("audit", str(library), "--db", url, "--workers", "2")
        assert result.returncode in (0, 1) and f"audit run {revision} finished" in result.stdout, result.stderr
    return url


def _expected(url: str) -> dict:
    """Runs, department scores per run and project scores of the latest run, from the rows."""
    s = open_store(url, migrate=False)
    try:
        with s.sessions() as session:
            runs = session.scalars(select(Run).where(Run.status == "finished").order_by(Run.started_at)).all()
            out: dict = {"runs": [], "departments": [], "projects": {}}
            for run in runs:
                docs = session.scalars(select(Document).where(Document.run_id == run.id)).all()
                scores = [d.score for d in docs if d.score is not None]
                by_project = defaultdict(list)
                for d in docs:
                    by_project[d.project_key].append({"doc_type": d.doc_type, "score": d.score, "dept": d.department})
                projects = {k: project_score(v)[1] for k, v in by_project.items()}
                by_dept = defaultdict(list)
                for k, v in by_project.items():
                    by_dept[v[0]["dept"]].append(projects[k])
                out["runs"].append((str(run.id), len(docs), round(sum(scores) / len(scores), 1)))
                out["departments"].append({dept: group_score(values) for dept, values in by_dept.items()})
                out["projects"] = projects
            return out
    finally:
        s.close()


def test_the_store_really_trends(store_url):
    e = _expected(store_url)
    means = [m for _, _, m in e["runs"]]
    assert len(means) == 3 and means[0] < means[1] < means[2]  # the fixes show


def test_json_is_the_contracts_and_matches_the_database(store_url):
    result = run_cli("scorecard", "--db", store_url, "--group-by", "department", "--format", "json")
    assert result.returncode == 0, result.stderr
    card = json.loads(result.stdout)
    e = _expected(store_url)
    # The contract's keys, and the projects (an extension) with the stage and score of docs/scoring.md.
    assert set(card) == {"schema", "runs", "groups", "projects"} and card["schema"] == "pmo-check/scorecard@1"
    assert {p["key"]: p["score"] for p in card["projects"]} == e["projects"]
    assert all("gate" not in p for p in card["projects"])  # audited without --gate
    assert [(r["id"], r["documents"], r["mean_score"]) for r in card["runs"]] == list(reversed(e["runs"]))
    assert {g["key"]: g["mean_score"] for g in card["groups"]} == e["departments"][-1]
    assert sum(g["documents"] for g in card["groups"]) == len(DOCS)
    since = run_cli("scorecard", "--db", store_url, "--format", "json", "--since", "2999-01-01")
    assert since.returncode == 2 and "no finished audit run since 2999-01-01" in since.stderr


def test_html_scorecard_shows_the_trend_groups_and_worst_projects_of_the_database(store_url, tmp_path: Path):
    out = tmp_path / "scorecard.html"
    result = run_cli("scorecard", "--db", store_url, "--group-by", "department", "--format", "html", "--output", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert external_references(text) == [] and "<script" not in text
    page = html.fromstring(text)
    e = _expected(store_url)
    figures = {el.get("data-figure"): el.text_content() for el in page.xpath("//*[@data-figure]")}
    assert figures["mean_score"] == f"{e['runs'][-1][2]:.1f}"
    assert figures["change"] == f"{e['runs'][-1][2] - e['runs'][-2][2]:+.1f}"
    assert figures["documents"] == str(len(DOCS)) and figures["projects"] == str(len(e["projects"]))
    trend = page.xpath("//figure[@data-chart='trend']")[0]
    overall = [float(v) for v in trend.xpath(".//*[contains(@class, 'serie-0')]//desc[@class='value']/text()")]
    assert overall == [m for _, _, m in e["runs"]]  # oldest first
    legend = trend.xpath(".//*[contains(@class, 'legends')]//text/text()")
    assert set(e["departments"][-1]) <= set(legend)
    rows = {r.get("data-group"): r.xpath("./td")[-1].text_content().strip() for r in page.xpath("//table[@class='groups']/tbody/tr")}
    assert rows == {k: f"{v:.1f}" for k, v in e["departments"][-1].items()}
    worst = [r.get("data-project") for r in page.xpath("//table[@class='worst']/tbody/tr")]
    assert worst == sorted(e["projects"], key=lambda k: (e["projects"][k], k))
    links = page.xpath("//table[@class='worst']//a/@href")
    assert len(links) == len(DOCS) and all(link.endswith(".docx") for link in links)


def test_excel_scorecard_holds_the_databases_numbers(store_url, tmp_path: Path):
    out = tmp_path / "scorecard.xlsx"
    result = run_cli("scorecard", "--db", store_url, "--group-by", "department", "--format", "xlsx", "--output", str(out))
    assert result.returncode == 0, result.stderr
    wb = load_workbook(out)
    e = _expected(store_url)
    summary = wb["Summary"]
    line = next(c for c in summary._charts if isinstance(c, LineChart))
    ref = line.series[0].val.numRef.f.split("!")[1].replace("$", "")
    assert [c.value for row in summary[ref] for c in row] == [m for _, _, m in e["runs"]]
    department = wb["Department"]
    assert {r[0]: r[-2] for r in department.iter_rows(min_row=2, values_only=True)} == e["departments"][-1]
    projects = [(r[0], r[-2]) for r in wb["Projects"].iter_rows(min_row=2, values_only=True)]
    assert projects == sorted(e["projects"].items(), key=lambda kv: (kv[1], kv[0]))  # the worst first
    assert wb["Documents"].max_row == len(DOCS) + 1


def test_csv_lists_the_groups(store_url):
    result = run_cli("scorecard", "--db", store_url, "--group-by", "portfolio", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["portfolio"] for r in rows} == {"Digital", "Operations"}
    assert sum(int(r["documents"]) for r in rows) == len(DOCS) and all(float(r["score"]) > 0 for r in rows)
