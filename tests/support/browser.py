"""Headless Chromium for tests, driven by Playwright: the Debian browser at /usr/bin/chromium, never a
downloaded one, a fresh profile each time, no network services of its own."""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]


def require_chromium() -> None:
    """Skip the calling test (or module) with the reason when the browser or Playwright is missing:
    `.ci/run` installs both, so this happens only where they truly cannot be installed."""
    pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"Debian's chromium is not installed at {CHROMIUM} (apt-get install chromium)",
                    allow_module_level=True)


@contextmanager
def browser_context(**options: Any) -> Iterator[Any]:
    """A fresh headless Chromium (a persistent context on a new, temporary profile)."""
    from playwright.sync_api import sync_playwright

    require_chromium()
    with tempfile.TemporaryDirectory(prefix="pmo-chromium-") as profile, sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(profile, executable_path=str(CHROMIUM),
                                                                headless=True, args=ARGS, **options)
        try:
            yield context
        finally:
            context.close()


@contextmanager
def browser_page() -> Iterator[tuple[Any, list[str]]]:
    """A page of a fresh headless Chromium, and the list of every URL it requests."""
    with browser_context() as context:
        page = context.new_page()
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        yield page, requests
