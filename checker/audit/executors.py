"""Where an audit's documents are checked: the local check pool, or a Dask cluster — one interface.

Both have `submit(path, options, data=None) -> concurrent.futures.Future[entry]` and `shutdown()`, so
the run has one code path. The local one is `checker.run.pool.CheckPool` itself (time budget,
memory cap, crash isolation). On Dask, the work goes through `distributed.Client.get_executor()`
(the `concurrent.futures.Executor` interface of the client), and each Dask worker checks in a
`CheckPool` of its own, set up by a worker plugin, so the same guarantees hold on the cluster. A
Dask worker may not see the audit's files: documents travel as bytes (`needs_data`).
"""
from __future__ import annotations

from concurrent.futures import Future
from typing import Any, Protocol


class Checks(Protocol):
    """What the run submits documents to."""

    needs_data: bool  # documents must travel as bytes (the workers may not see the files)
    size: int  # documents checked at once

    def submit(self, path: str, options: Any, data: bytes | None = None) -> Future: ...

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None: ...


class LocalChecks:
    """The check pool of this machine: worker processes started here."""

    needs_data = False

    def __init__(self, workers: int | None, timeout: float, memory_limit: int | None) -> None:
        from checker.run.pool import CheckPool

        self.pool = CheckPool(workers, timeout, memory_limit)
        self.size = self.pool.size

    def submit(self, path: str, options: Any, data: bytes | None = None) -> Future:
        return self.pool.submit(path, options, data)

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        self.pool.shutdown(wait=wait, cancel_futures=cancel_futures)


def open_checks(scheduler: str | None, workers: int | None, timeout: float, memory_limit: int | None) -> Checks:
    """The local pool, or the Dask cluster at `scheduler`."""
    if scheduler:
        from checker.audit.cluster import DaskChecks

        return DaskChecks(scheduler, timeout, memory_limit)
    return LocalChecks(workers, timeout, memory_limit)
