"""`pmo-check check --format html`: one self-contained file, rendered in headless Chromium, with its charts."""
from __future__ import annotations

import io
import shutil
from datetime import date
from pathlib import Path

import pytest

import checker
from checker.report.catalogue import catalogue
from checker.report.formats import Render, write
from tests.support.browser import browser_page
from tests.support.cli import ROOT, run_cli
from tests.support.html_checks import external_references

DEFECTS = ROOT / "sample_docs" / "defects"


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("html")
    for name in ("charter_placeholders.docx", "cost_plan_sum_error.docx", "风险登记册_评分错误.xlsx"):
        shutil.copy(DEFECTS / name, root / name)
    shutil.copy(ROOT / "sample_docs" / "en" / "charter.docx", root / "charter.docx")
    (root / "broken.docx").write_bytes(b"PK\x03\x04 truncated")
    return root


@pytest.fixture(scope="module")
def page_file(folder, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("out") / "report.html"
    result = run_cli("check", str(folder), "--format", "html", "--output", str(target))
    assert result.returncode == 1 and target.exists(), result.stderr
    return target


@pytest.fixture(scope="module")
def report(folder) -> dict:
    return checker.check([str(folder)], {"today": date(2026, 12, 1)})


def test_the_file_refers_to_nothing_outside_itself(page_file):
    text = page_file.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert external_references(text) == []
    assert "<script" not in text  # no JavaScript at all: it prints and works offline as it is


def test_chromium_renders_the_report_with_its_charts(page_file, report):
    with browser_page() as (page, requests):
        page.goto(page_file.as_uri())
        assert requests == [page_file.as_uri()]  # nothing else was fetched
        assert page.title() == "Compliance report · pmo-check"
        figures = {el.get_attribute("data-figure"): el.inner_text() for el in page.query_selector_all("[data-figure]")}
        summary = report["summary"]
        assert figures["documents"] == "5" and figures["unreadable"] == "1"
        assert {s: int(figures[s]) for s in ("blocker", "major", "minor", "info")} == summary["findings"]
        charts = {el.get_attribute("data-chart"): el for el in page.query_selector_all("figure[data-chart]")}
        assert set(charts) == {"scores", "severity", "types"}
        for chart in charts.values():
            box = chart.query_selector("svg").bounding_box()
            assert box["width"] > 200 and box["height"] > 150  # drawn, not an empty box
        # The score chart: a bar per scored document, labelled with its name, coloured by its band.
        scores = charts["scores"]
        labels = scores.eval_on_selector_all(".axis.x text, .axis.y text", "els => els.map(e => e.textContent)")
        scored = [d for d in report["documents"] if d.get("score") is not None]
        for doc in scored:
            assert Path(doc["path"]).name in labels
        bars = scores.eval_on_selector_all(".series [style*='fill']", "els => els.map(e => e.getAttribute('style'))")
        colours = {"green": "#15803d", "amber": "#d97706", "red": "#b91c1c"}
        bands = Render().bands
        assert sorted(style.split(";")[0] for style in bars) == sorted(f"fill: {colours[bands.of(d['score'])]}"
                                                                     for d in scored)  # coloured by band
        values = scores.eval_on_selector_all(".series desc.value", "els => els.map(e => e.textContent)")
        assert sorted(float(v) for v in values) == sorted(d["score"] for d in scored)
        # The severity donut: a slice per severity found, with its count.
        legend = charts["severity"].eval_on_selector_all(".legends text", "els => els.map(e => e.textContent)")
        assert legend == [s for s in ("blocker", "major", "minor", "info") if summary["findings"][s]]
        # Every document has its section; the unreadable one says why.
        sections = page.query_selector_all("section.document")
        assert len(sections) == 5
        broken = next(s for s in sections if s.get_attribute("data-path").endswith("broken.docx"))
        assert "corrupt" in broken.inner_text()
        # Each finding row links to its rule, which the appendix explains with the standard's rationale.
        rows = page.query_selector_all("tr.finding")
        assert len(rows) == sum(len(d["findings"]) for d in report["documents"])
        com02 = page.query_selector("#rule-COM-02").inner_text()
        assert "No template placeholders remain" in com02
        assert "prompt text must be deleted" in page.query_selector("#rule-COM-02 + dd").inner_text()
        assert page.pdf(format="A4")[:4] == b"%PDF"  # it prints
        page.screenshot(full_page=True)


def test_a_chinese_report_speaks_chinese(folder, report):
    zh = {**report, "documents": [d for d in report["documents"] if d.get("language") == "zh"]}
    out = io.StringIO()
    write("html", zh, out, Render(rules=catalogue()))
    text = out.getvalue()
    assert '<html lang="zh-CN">' in text and "合规检查报告" in text and "各文档得分" in text
    assert catalogue()["RR-06"].title.zh in text
