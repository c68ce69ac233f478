"""The HTML gate report a review committee reads and prints: one self-contained page, opened in a real
browser (Debian's Chromium), showing each project's decision, missing documents, failed criteria with
their evidence and conditions, in each project's language."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import checker
from checker.report.formats import GATE_FORMATS, Render, write
from tests.support import project_folders as pf
from tests.support.browser import browser_page, require_chromium
from tests.support.html_checks import external_references


@pytest.fixture(scope="module")
def gate_page(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("projects")
    pf.english().write(folder)
    chinese = pf.chinese()
    chinese.types = tuple(t for t in chinese.types if t != "RACI")
    chinese.set("CHARTER", status="草稿", unsigned=True)
    chinese.write(folder)
    english_late = pf.english()
    english_late.id, english_late.name, english_late.prefix = "PRJ-2026-077", "Hermes Billing Upgrade", "hermes_"
    english_late.set("PMP", plan_end="2026-07-10")
    english_late.write(folder)
    (folder / "pmo-check.toml").write_text('[check]\nprofile = "cn_pmo"\n', encoding="utf-8")
    report = checker.check([str(folder)], {"today": date(2026, 11, 25), "workers": 0, "gate": "G2"})
    page = folder.parent / "gate.html"
    with open(page, "w", encoding="utf-8") as out:
        write("html", report, out, Render(), GATE_FORMATS)
    return page


def test_the_gate_report_refers_to_nothing_outside_itself(gate_page):
    assert external_references(gate_page.read_text(encoding="utf-8")) == []


def test_a_browser_shows_each_projects_decision_and_why(gate_page):
    require_chromium()
    with browser_page() as (page, requests):
        page.goto(gate_page.as_uri())
        assert requests == [gate_page.as_uri()]  # nothing else is loaded
        sections = page.locator("section.project")
        decisions = {sections.nth(i).get_attribute("data-project"): sections.nth(i).get_attribute("data-decision")
                     for i in range(sections.count())}
        assert decisions == {"PRJ-2026-042": "ready", "ZC-2026-007": "not-ready", "PRJ-2026-077": "conditional"}
        assert page.locator('[data-figure="ready"]').inner_text() == "1"
        assert page.locator('[data-figure="not-ready"]').inner_text() == "1"
        chinese = page.locator('section[data-project="ZC-2026-007"]')
        assert chinese.get_attribute("lang") == "zh-CN"
        assert chinese.locator(".decision").inner_text() == "不通过"
        assert chinese.locator('ul.missing li[data-doc-type="RACI"]').inner_text().startswith("责任分配矩阵")
        failed = chinese.locator('table.failed tr[data-rule="GATE-01"]')
        assert "项目章程" in failed.inner_text() and "阻断" in failed.inner_text()
        late = page.locator('section[data-project="PRJ-2026-077"]')
        assert late.locator(".decision").inner_text() == "conditional"
        window = late.locator('table.failed tr[data-rule="XD-04"]')
        assert "2026-07-10" in window.inner_text() and "hermes_charter.docx" in window.inner_text()
        assert late.locator('ul.conditions li[data-rule="XD-04"]').count() == 1
        assert page.locator('section[data-project="PRJ-2026-042"] tr[data-doc-type="RACI"] .met').count() == 1
        pdf = page.pdf()  # a committee prints it
        assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
