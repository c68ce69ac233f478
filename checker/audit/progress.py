"""How a run shows it is moving: through a callback (the command line's progress bar,
`checker.cli.progress`), or as plain log lines.

Counted are documents written to the store (checked, or carried over unchanged), so what is shown is
what a kill would keep. Log lines go to standard error at most every `EVERY` seconds and at the end,
so a nightly job's log stays short.
"""
from __future__ import annotations

import sys
import threading
import time
from typing import Callable, TextIO

EVERY = 10.0  # seconds between plain progress lines


class Progress:
    """Thread-safe; `advance` is called by the writer thread. With `callback`, each change is passed
    to it as (documents recorded, documents in all); else log lines go to `stream`."""

    def __init__(self, run_id: int, callback: Callable[[int, int], None] | None = None,
                 stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.run_id = run_id
        self.callback = callback
        self.total = self.recorded = 0
        self.done = {"checked": 0, "unchanged": 0, "errors": 0}
        self._lock = threading.Lock()
        self._last = 0.0

    def listed(self, total: int, already: int) -> None:
        """The listing is complete: `total` documents, `already` of them recorded by an earlier attempt."""
        with self._lock:
            self.total, self.recorded = total, already
            if self.callback is not None:
                self.callback(already, total)
            else:
                resumed = f", {already} already recorded" if already else ""
                self._line(f"{total} documents{resumed}")

    def advance(self, kind: str, error: bool) -> None:
        with self._lock:
            self.recorded += 1
            self.done[kind] += 1
            self.done["errors"] += error
            if self.callback is not None:
                self.callback(self.recorded, self.total)
            elif time.monotonic() - self._last >= EVERY:
                self._line(self._detail())

    def close(self) -> None:
        with self._lock:
            if self.callback is None:
                self._line(self._detail())

    def _detail(self) -> str:
        d = self.done
        return f"{d['checked']} checked, {d['unchanged']} unchanged, {d['errors']} unreadable"

    def _line(self, text: str) -> None:
        self._last = time.monotonic()
        self.stream.write(f"pmo-check: audit run {self.run_id}: {text}\n")
        self.stream.flush()
