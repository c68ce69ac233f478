"""The scorecard's pieces (model, HTML, Excel) from the documented input, built here from real checks of
the sample documents over three audit runs; the HTML rendered in headless Chromium, the workbook
reopened with openpyxl. `pmo-check scorecard` (over the audit store) feeds them later."""
from __future__ import annotations

import io
import json
from collections import Counter, defaultdict
from datetime import date

import pytest
from openpyxl import load_workbook
from openpyxl.chart import BarChart, LineChart

import checker
from checker.config.bands import Bands
from checker.report.catalogue import catalogue
from checker.run.scoring import project_score
from checker.scorecard.html import render_html
from checker.scorecard.model import ScorecardInputError, build
from checker.scorecard.xlsx import render_xlsx
from tests.support.browser import browser_page
from tests.support.cli import ROOT
from tests.support.html_checks import external_references

DEPARTMENTS = {"PRJ-2026-042": "Sales IT", "ZC-2026-007": "Supply Chain"}
RUNS = [  # given out of order: the scorecard sorts them
    {"id": "2026-10", "started_at": "2026-10-01T06:00:00+00:00", "documents": 35, "mean_score": 80.0,
     "groups": {"Sales IT": 82.0, "Supply Chain": 77.5}},
    {"id": "2026-09", "started_at": "2026-09-01T06:00:00+00:00", "documents": 30, "mean_score": 71.5,
     "groups": {"Sales IT": 75.0, "Supply Chain": 66.0}},
    {"id": "2026-11", "started_at": "2026-11-01T06:00:00+00:00", "documents": 39, "mean_score": 86.1,
     "groups": {"Sales IT": 88.0, "Supply Chain": 80.2}},
]


@pytest.fixture(scope="module")
def data() -> dict:
    """The input as the audit store will produce it: the latest run's documents and findings."""
    report = checker.check([str(ROOT / "sample_docs" / n) for n in ("en", "zh", "defects")], {"today": date(2026, 12, 1)})
    documents, findings = [], []
    for doc in report["documents"]:
        project = doc.get("project") or {}
        path = doc["path"].replace(str(ROOT) + "/", "")
        documents.append({"path": path, "url": f"https://contoso.example/sites/pmo/{path}", "doc_type": doc["doc_type"],
                          "language": doc.get("language"), "score": doc["score"], "project": project.get("id"),
                          "project_name": project.get("name"),
                          "groups": {"department": DEPARTMENTS.get(project.get("id")), "portfolio": "Digital"}})
        findings += [{"path": path, **f} for f in doc["findings"]]
    assert len({d["project"] for d in documents}) == 2 and findings
    return {"group_by": "department", "runs": RUNS, "documents": documents, "findings": findings}


@pytest.fixture(scope="module")
def card(data):
    return build(data)


def test_the_numbers_follow_from_the_input(data, card):
    h = card.headline
    assert [r.id for r in card.runs] == ["2026-11", "2026-10", "2026-09"]  # latest first
    assert h["mean_score"] == 86.1 and h["change"] == 6.1
    assert h["documents"] == len(data["documents"]) and h["projects"] == 2
    live = [f for f in data["findings"] if not f.get("suppressed")]
    assert h["blocker_documents"] == len({f["path"] for f in live if f["severity"] == "blocker"})
    assert h["findings"] == {s: sum(1 for f in live if f["severity"] == s) for s in ("blocker", "major", "minor", "info")}
    scored = [d["score"] for d in data["documents"] if d["score"] is not None]
    assert h["green_share"] == round(100 * sum(1 for s in scored if s >= 80) / len(scored))
    # Projects score as docs/scoring.md says; a department is the mean of its projects.
    by_project = defaultdict(list)
    for d in data["documents"]:
        by_project[d["project"]].append(d)
    expected = {key: project_score(docs)[1] for key, docs in by_project.items()}
    assert {p.key: p.score for p in card.projects} == expected
    departments = {g.key: g.score for g in card.groupings["department"]}
    assert departments == {DEPARTMENTS[k]: v for k, v in expected.items()}
    assert [p.key for p in card.worst] == sorted(expected, key=expected.get)
    # The most frequent findings and the heat map count failures, not judgement notes.
    failures = [f for f in live if not f.get("needs_review")]
    counts = Counter(f["rule"] for f in failures)
    assert [(f.rule, f.occurrences) for f in card.frequent] == sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:15]
    types = {d["path"]: d["doc_type"] for d in data["documents"]}
    failing = Counter((types[path], rule) for rule, path in {(f["rule"], f["path"]) for f in failures})
    for t, row in zip(card.heat_types, card.heat):
        assert row == [failing[(t, rule)] for rule in card.heat_rules]
    assert sum(map(sum, card.heat)) == sum(failing[(t, r)] for t, r in failing if r in card.heat_rules)


def test_json_is_the_contracts(card):
    out = card.to_json()
    assert out["schema"] == "pmo-check/scorecard@1"
    assert [r["id"] for r in out["runs"]] == ["2026-11", "2026-10", "2026-09"]
    assert set(out["runs"][0]) == {"id", "started_at", "documents", "mean_score"}
    assert {g["key"] for g in out["groups"]} == {"Sales IT", "Supply Chain"}
    assert all(set(g) == {"key", "documents", "mean_score"} for g in out["groups"])
    json.dumps(out)


@pytest.mark.parametrize("bad, message", [
    ({"group_by": "colour"}, "group_by"),
    ({"documents": [{"score": 50}]}, "path"),
    ({"documents": [{"path": "a.docx", "score": 120}]}, "0 to 100"),
    ({"findings": [{"path": "a.docx", "rule": "X-1", "severity": "fatal"}]}, "severity"),
    ({"runs": "yesterday"}, "list"),
])
def test_a_wrong_input_is_a_clear_error(bad, message):
    with pytest.raises(ScorecardInputError, match=message):
        build(bad)


def test_html_scorecard_in_chromium(card, data, tmp_path):
    page_file = tmp_path / "scorecard.html"
    page_file.write_text(render_html(card, catalogue()), encoding="utf-8")
    text = page_file.read_text(encoding="utf-8")
    assert external_references(text) == [] and "<script" not in text
    with browser_page() as (page, requests):
        page.goto(page_file.as_uri())
        assert requests == [page_file.as_uri()]
        figures = {el.get_attribute("data-figure"): el.inner_text() for el in page.query_selector_all("[data-figure]")}
        assert figures["mean_score"] == "86.1" and figures["change"] == "+6.1"
        assert figures["documents"] == str(len(data["documents"])) and figures["projects"] == "2"
        charts = {el.get_attribute("data-chart"): el for el in page.query_selector_all("figure[data-chart]")}
        assert set(charts) == {"trend", "groups", "heat"}
        for chart in charts.values():
            box = chart.query_selector("svg").bounding_box()
            assert box["width"] > 200 and box["height"] > 150
        # The trend: a line for all documents and one per department, over the runs, oldest first.
        trend = charts["trend"]
        legend = trend.eval_on_selector_all(".legends text", "els => els.map(e => e.textContent)")
        assert sorted(legend) == sorted(["All documents", "Sales IT", "Supply Chain"])
        x_labels = trend.eval_on_selector_all(".axis.x text", "els => els.map(e => e.textContent)")
        assert [x for x in x_labels if x.startswith("2026")] == ["2026-09", "2026-10", "2026-11"]
        overall = trend.eval_on_selector_all(".serie-0 desc.value", "els => els.map(e => e.textContent)")
        assert [float(v) for v in overall] == [71.5, 80.0, 86.1]
        # The heat map: a row per document type, a column per rule.
        heat = charts["heat"]
        labels = heat.eval_on_selector_all(".axis.x text", "els => els.map(e => e.textContent)")
        assert [x for x in labels if x in card.heat_rules] == card.heat_rules
        rows = page.query_selector_all("table.heat tbody tr")
        assert [r.get_attribute("data-type") for r in rows] == card.heat_types
        # The worst projects link to their documents; the frequent findings carry the standard's rationale.
        worst = page.query_selector_all("table.worst tbody tr")
        assert [r.get_attribute("data-project") for r in worst] == [p.key for p in card.worst]
        links = page.eval_on_selector_all("table.worst a", "els => els.map(e => e.getAttribute('href'))")
        assert sorted(links) == sorted(d["url"] for d in data["documents"])
        first = card.frequent[0]
        row = page.query_selector(f"table.frequent tr[data-rule='{first.rule}']").inner_text()
        assert str(first.occurrences) in row and catalogue()[first.rule].rationale.en[:40] in row
        assert page.pdf(format="A4")[:4] == b"%PDF"


def test_html_scorecard_in_chinese(card):
    text = render_html(card, catalogue(), language="zh")
    assert '<html lang="zh-CN">' in text and "合规计分卡" in text and "历次审计的平均得分" in text


def test_excel_scorecard_reopens_with_its_charts_bands_and_links(card, data):
    wb = load_workbook(io.BytesIO(render_xlsx(card, catalogue())))
    assert wb.sheetnames == ["Summary", "Portfolio", "Department", "Projects", "Documents", "Findings"]
    summary = wb["Summary"]
    line, bar = sorted(summary._charts, key=lambda c: type(c).__name__ != "LineChart")
    assert isinstance(line, LineChart) and isinstance(bar, BarChart)
    # The trend chart's series reads the runs' mean scores, oldest first; its categories the run ids.
    ref = line.series[0].val.numRef.f.split("!")[1].replace("$", "")
    values = [c.value for row in summary[ref] for c in row]
    assert values == [71.5, 80.0, 86.1]
    categories = line.series[0].cat.strRef.f if line.series[0].cat.strRef is not None else line.series[0].cat.numRef.f
    assert [c.value for row in summary[categories.split("!")[1].replace("$", "")] for c in row] == \
        ["2026-09", "2026-10", "2026-11"]
    bars = bar.series[0].val.numRef.f.split("!")[1].replace("$", "")
    assert sorted(c.value for row in summary[bars] for c in row) == sorted(g.score for g in card.groupings["department"])
    # Each grouping sheet: a row per group, the scores banded by conditional formatting, header frozen.
    department = wb["Department"]
    rows = list(department.iter_rows(min_row=2, values_only=True))
    assert {(r[0], r[-2]) for r in rows} == {(g.key, g.score) for g in card.groupings["department"]}
    assert department.freeze_panes == "A2"
    rules = [r for cf in department.conditional_formatting for r in cf.rules]
    assert [(r.operator, r.formula) for r in rules] == [("greaterThanOrEqual", ["80"]), ("greaterThanOrEqual", ["60"]),
                                                        ("lessThan", ["60"])]
    # The findings sheet: every finding, an autofilter, a frozen header, links to the documents.
    findings = wb["Findings"]
    assert findings.max_row == len(data["findings"]) + 1
    assert findings.auto_filter.ref == f"A1:J{len(data['findings']) + 1}" and findings.freeze_panes == "A2"
    urls = {d["path"]: d["url"] for d in data["documents"]}
    for row in findings.iter_rows(min_row=2, max_col=1):
        assert row[0].hyperlink.target == urls[row[0].value]


def test_bands_of_the_configuration_reach_both_renderings(data):
    card = build(data, Bands(green=95, amber=90))
    text = render_html(card, catalogue())
    assert 'data-band="amber"' in text or 'data-band="red"' in text
    wb = load_workbook(io.BytesIO(render_xlsx(card, catalogue())))
    rules = [r for cf in wb["Projects"].conditional_formatting for r in cf.rules]
    assert [r.formula for r in rules] == [["95"], ["90"], ["90"]]
