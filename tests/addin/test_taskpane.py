"""The task pane in real headless Chromium (Debian's, driven by Playwright), talking to a real
`pmo-check serve` over HTTPS, with Office.js replaced by a test double (office_double.js) that
serves a real generated .docx/.xlsx and records selections, comments, notes and inserted text."""
from __future__ import annotations

import base64
from pathlib import Path
from typing import Any, Iterator

import pytest
import requests

from tests.addin.documents import PLACEHOLDER, charter_with_defects, risk_register
from tests.support import hostile_files as hb
from tests.support.browser import browser_context, require_chromium
from tests.support.cli import ROOT

OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js"
DOUBLE = (Path(__file__).parent / "office_double.js").read_text(encoding="utf-8")
SCREENSHOT = ROOT / "docs" / "taskpane.png"
require_chromium()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with browser_context(ignore_https_errors=True, viewport={"width": 360, "height": 720}) as context:
        yield context


def word_paragraphs(path: Path) -> list[dict[str, Any]]:
    """Word's body.paragraphs: every paragraph in document order, those in tables with nesting level 1."""
    import docx
    from docx.oxml.ns import qn

    out = []
    for child in docx.Document(str(path)).element.body.iterchildren():
        if child.tag == qn("w:p"):
            out.append({"text": "".join(t.text or "" for t in child.iter(qn("w:t"))), "level": 0})
        elif child.tag == qn("w:tbl"):
            for p in child.iter(qn("w:p")):
                out.append({"text": "".join(t.text or "" for t in p.iter(qn("w:t"))), "level": 1})
    return out


def open_pane(browser: Any, served: Any, double: dict[str, Any]) -> Any:
    page = browser.new_page()
    page.route(OFFICE_JS, lambda route: route.fulfill(body=DOUBLE, content_type="application/javascript"))
    page.route("**/*", lambda route: route.fallback() if route.request.url.startswith((served.url, OFFICE_JS))
               else route.abort())  # nothing leaves the machine
    page.add_init_script(f"window.__double = {__import__('json').dumps(double)};")
    page.goto(f"{served.url}/taskpane.html")
    return page


def office_log(page: Any) -> list[dict[str, Any]]:
    return page.evaluate("window.__office.log")


def wait_until(page: Any, expression: str, seconds: float = 30) -> None:
    """Poll a JavaScript expression (the pane's CSP forbids the eval behind wait_for_function)."""
    import time

    deadline = time.monotonic() + seconds
    while not page.evaluate(f"() => Boolean({expression})"):
        assert time.monotonic() < deadline, f"still false after {seconds} s: {expression}"
        page.wait_for_timeout(50)


def word_double(path: Path, idp: Any, **extra: Any) -> dict[str, Any]:
    return {"host": "Word", "base64": base64.b64encode(path.read_bytes()).decode(), "url": f"https://contoso.sharepoint.com/{path.name}",
            "paragraphs": word_paragraphs(path), "token": idp.token(),
            "supported": ["IdentityAPI 1.3", "WordApi 1.3", "WordApi 1.4"], **extra}


def expected_report(served: Any, tls: Any, idp: Any, path: Path) -> dict[str, Any]:
    response = requests.post(f"{served.url}/api/v1/check", files={"file": (path.name, path.read_bytes())},
                             headers={"Authorization": f"Bearer {idp.token()}"}, verify=str(tls[0]), timeout=60)
    return response.json()["documents"][0]


def test_word_pane_lists_selects_comments_and_inserts_sections(browser, served, tls, idp, tmp_path: Path) -> None:
    path = charter_with_defects(tmp_path)
    expected = expected_report(served, tls, idp, path)
    page = open_pane(browser, served, word_double(path, idp))
    page.wait_for_selector(".finding")
    assert page.locator(".finding").count() == len(expected["findings"])
    assert page.locator("#score").inner_text() == f"Score {round(expected['score'])}"
    assert [h.text_content().split(" (")[0] for h in page.locator(".group > h2").all()] == ["blocker", "major"]
    calls = office_log(page)
    assert calls[0]["op"] == "getAccessToken" and any(c["op"] == "getFile" and c["type"] == "compressed" for c in calls)
    assert calls[-1]["op"] == "close" or {"op": "close"} in calls  # the file is always closed
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))

    # A click selects the finding's paragraph (its snippet found by search).
    page.locator(".finding[data-rule='COM-02']").click()
    wait_until(page, "window.__office.log.some(c => c.op === 'select')")
    selected = [c for c in office_log(page) if c["op"] == "select"][-1]
    assert word_paragraphs(path)[selected["paragraph"]]["text"] == PLACEHOLDER

    # One comment per finding shown.
    page.locator("#comments").click()
    wait_until(page, f"window.__office.log.filter(c => c.op === 'comment').length === {len(expected['findings'])}")
    comments = [c for c in office_log(page) if c["op"] == "comment"]
    assert all(c["text"].startswith("pmo-check ") for c in comments)
    assert any("COM-02" in c["text"] and word_paragraphs(path)[c["paragraph"]]["text"] == PLACEHOLDER for c in comments)
    assert page.locator("#state").inner_text() == f"{len(expected['findings'])} comments inserted."

    # The skeleton of a missing section: its heading (the standard's name) and a placeholder.
    missing = next(f for f in expected["findings"] if f.get("missing_sections"))
    page.locator(".finding[data-rule='CH-01'] .skeleton").first.click()
    wait_until(page, "window.__office.log.some(c => c.op === 'insertParagraph')")
    inserted = [c for c in office_log(page) if c["op"] == "insertParagraph"]
    assert inserted[0] == {"op": "insertParagraph", "text": missing["missing_sections"][0], "where": "End", "style": "Heading1"}

    # The severity filter.
    page.select_option("#severity", "blocker")
    assert page.locator(".finding").count() == sum(1 for f in expected["findings"] if f["severity"] == "blocker")
    page.close()


def test_excel_pane_selects_cells_and_adds_notes(browser, served, tls, idp, tmp_path: Path) -> None:
    path = risk_register(tmp_path)
    expected = expected_report(served, tls, idp, path)
    double = {"host": "Excel", "base64": base64.b64encode(path.read_bytes()).decode(), "url": "risks.xlsx",
              "paragraphs": [], "token": idp.token(), "supported": ["IdentityAPI 1.3", "ExcelApi 1.18"]}
    page = open_pane(browser, served, double)
    page.wait_for_selector(".finding")
    assert page.locator(".finding").count() == len(expected["findings"])
    first_cell = next(f for f in expected["findings"] if f.get("location", {}).get("cell", "").isalnum())
    page.locator(f".finding[data-rule='{first_cell['rule']}']").first.click()
    wait_until(page, "window.__office.log.some(c => c.op === 'select')")
    selected = [c for c in office_log(page) if c["op"] == "select"][-1]
    assert selected == {"op": "select", "sheet": first_cell["location"]["sheet"], "cell": first_cell["location"]["cell"]}
    assert page.locator("#comments").inner_text() == "Insert as notes"
    page.locator("#comments").click()
    wait_until(page, f"window.__office.log.filter(c => c.op === 'note').length === {len(expected['findings'])}")
    notes = [c for c in office_log(page) if c["op"] == "note"]
    assert f"'{first_cell['location']['sheet']}'!{first_cell['location']['cell']}" in {n["address"] for n in notes}
    page.close()


def test_states_not_signed_in_chinese_ui_and_not_a_pmo_document(browser, served, idp, tmp_path: Path) -> None:
    path = charter_with_defects(tmp_path)
    page = open_pane(browser, served, word_double(path, idp, token=None, language="zh-CN"))
    page.wait_for_selector("#sign-in:not([hidden])")
    assert page.locator("#state").inner_text() == "请使用工作帐户登录后检查文档。"
    assert page.locator("#recheck").inner_text() == "重新检查"
    page.close()

    other = tmp_path / "menu.docx"
    other.write_bytes(hb.make_docx("Team lunch menu"))
    page = open_pane(browser, served, word_double(other, idp))
    page.locator("#state.problem").wait_for()
    assert "does not look like a PMO document" in page.locator("#state").inner_text()
    page.close()


def test_states_too_large_and_unreachable(browser, served, idp, tmp_path: Path) -> None:
    path = charter_with_defects(tmp_path)
    page = open_pane(browser, served, word_double(path, idp, size=26_000_000))  # the double reports that size
    page.locator("#state.problem").wait_for(timeout=60_000)
    assert page.locator("#state").inner_text() == "The document is too large to check (limit 25 MB)."
    assert [c for c in office_log(page) if c["op"] == "close"], "the file is closed even when refused"
    page.close()

    page = open_pane(browser, served, word_double(path, idp))
    page.route(f"{served.url}/api/v1/check", lambda route: route.abort())  # the network drops the request
    page.locator("#state.problem").wait_for()
    assert "cannot be reached" in page.locator("#state").inner_text()
    page.close()
