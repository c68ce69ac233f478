"""The progress bar of a run on standard error: rich's, on a terminal, for more than one document.

`progress_bar(enabled)` yields the callback the engine calls as documents finish (`done`, `total`), or
None. The bar appears when there are two documents or more and is removed when the run ends, also on
Ctrl-C, so that the report (on standard output) starts on a clean line and the cursor comes back.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Iterator

Progress = Callable[[int, int], None]


@contextmanager
def progress_bar(enabled: bool) -> Iterator[Progress | None]:
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   console=Console(stderr=True), transient=True)
    task = bar.add_task("check", total=None)

    def advance(done: int, total: int) -> None:
        if total < 2:
            return
        if not bar.live.is_started:
            bar.start()
        bar.update(task, completed=done, total=total)

    try:
        yield advance
    finally:
        bar.stop()
