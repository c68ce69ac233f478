"""How a run shows it is moving: a rich progress bar on a terminal, plain log lines otherwise.

Counted are documents written to the store (checked, or carried over unchanged), so what the bar
shows is what a kill would keep. Log lines go to standard error at most every `EVERY` seconds and
at the end, so a nightly job's log stays short.
"""
from __future__ import annotations

import sys
import threading
import time
from typing import TextIO

EVERY = 10.0  # seconds between plain progress lines


class Progress:
    """Thread-safe; `advance` is called by the writer thread."""

    def __init__(self, run_id: int, stream: TextIO | None = None, bar: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.run_id = run_id
        self.total = 0
        self.done = {"checked": 0, "unchanged": 0, "errors": 0}
        self._lock = threading.Lock()
        self._last = 0.0
        self._bar = None
        use_bar = self.stream.isatty() if bar is None else bar
        if use_bar:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
            from rich.progress import Progress as Bar

            self._bar = Bar(TextColumn(f"audit run {run_id}"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[detail]}"), TimeRemainingColumn(),
                            console=Console(file=self.stream), transient=False)
            self._task = self._bar.add_task("audit", total=None, detail="listing…")
            self._bar.start()

    def listed(self, total: int, already: int) -> None:
        """The listing is complete: `total` documents, `already` of them recorded by an earlier attempt."""
        with self._lock:
            self.total = total
            if self._bar is not None:
                self._bar.update(self._task, total=total, completed=already, detail=self._detail())
            else:
                resumed = f", {already} already recorded" if already else ""
                self._line(f"{total} documents{resumed}")

    def advance(self, kind: str, error: bool) -> None:
        with self._lock:
            self.done[kind] += 1
            self.done["errors"] += error
            if self._bar is not None:
                self._bar.update(self._task, advance=1, detail=self._detail())
            elif time.monotonic() - self._last >= EVERY:
                self._line(self._detail())

    def close(self) -> None:
        with self._lock:
            if self._bar is not None:
                self._bar.stop()
            else:
                self._line(self._detail())

    def _detail(self) -> str:
        d = self.done
        return f"{d['checked']} checked, {d['unchanged']} unchanged, {d['errors']} unreadable"

    def _line(self, text: str) -> None:
        self._last = time.monotonic()
        self.stream.write(f"pmo-check: audit run {self.run_id}: {text}\n")
        self.stream.flush()
