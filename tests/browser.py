"""Headless Chromium for tests, driven by Playwright: the Debian browser at /usr/bin/chromium, never a
downloaded one, a fresh profile each time, no network services of its own."""
from __future__ import annotations

import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]


@contextmanager
def browser_page() -> Iterator[tuple[object, list[str]]]:
    """A page of a fresh headless Chromium, and the list of every URL it requests."""
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), "Chromium is not installed: apt-get install -y chromium (.ci/run does)"
    with tempfile.TemporaryDirectory() as profile, sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(profile, executable_path=str(CHROMIUM),
                                                                headless=True, args=ARGS)
        try:
            page = context.new_page()
            requests: list[str] = []
            page.on("request", lambda request: requests.append(request.url))
            yield page, requests
        finally:
            context.close()
