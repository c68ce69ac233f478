"""Checking on a Dask distributed cluster, the same guarantees as on this machine.

The work goes through `distributed.Client.get_executor()` (the client's `concurrent.futures.Executor`
interface), so the run submits to it as to the local pool. Each Dask worker checks in a `CheckPool`
of its own, set up by a worker plugin: the time budget, the memory cap and crash isolation hold on
the cluster too. Documents travel as bytes, since a worker may not see the audit's files.
"""
from __future__ import annotations

from concurrent.futures import Future
from typing import Any

from distributed import Client, get_worker
from distributed.diagnostics.plugin import WorkerPlugin

PLUGIN = "pmo-check-pool"


class DaskChecks:
    """A Dask distributed cluster at `address` (`tcp://host:8786`), or an existing `client`."""

    needs_data = True

    def __init__(self, address: str | None, timeout: float, memory_limit: int | None, client: Any = None) -> None:
        self.client = client if client is not None else Client(address, timeout="30s")
        self._own_client = client is None
        self.client.register_plugin(PoolPlugin(timeout, memory_limit), name=PLUGIN)
        self.executor = self.client.get_executor(pure=False)
        self.size = sum(self.client.nthreads().values()) or 1

    def submit(self, path: str, options: Any, data: bytes | None = None) -> Future:
        return self.executor.submit(check_on_worker, path, options, data)

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        self.executor.shutdown(wait=wait)
        try:
            self.client.unregister_worker_plugin(PLUGIN)
        except Exception:  # noqa: BLE001 - the cluster may be gone already; nothing to undo then
            pass
        if self._own_client:
            self.client.close()


class PoolPlugin(WorkerPlugin):
    """A Dask worker plugin: a CheckPool with as many processes as the worker has threads."""

    name = PLUGIN

    def __init__(self, timeout: float, memory_limit: int | None) -> None:
        self.timeout, self.memory_limit = timeout, memory_limit
        self.pool: Any = None

    def setup(self, worker: Any) -> None:
        from checker.run.pool import CheckPool

        self.pool = CheckPool(max(1, int(getattr(worker, "state", worker).nthreads)), self.timeout, self.memory_limit)

    def teardown(self, worker: Any) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)


def check_on_worker(path: str, options: Any, data: bytes | None) -> dict[str, Any]:
    """A Dask task: the document checked by the worker's pool (its time budget and memory cap)."""
    return get_worker().plugins[PLUGIN].pool.submit(path, options, data).result()
