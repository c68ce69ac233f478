"""Checking on a Dask distributed cluster, the same guarantees as on this machine.

The work goes through `distributed.Client.get_executor()` (the client's `concurrent.futures.Executor`
interface), so the run submits to it as to the local pool. Each Dask worker checks in a `CheckPool`
of its own, set up by a worker plugin registered for this audit alone (audits sharing a cluster may
have other budgets) and removed at its end: the time budget, the memory cap and crash isolation hold
on the cluster too. Documents travel as bytes, since a worker may not see the audit's files.
"""
from __future__ import annotations

import uuid
from concurrent.futures import Future
from typing import Any

from distributed import Client, get_worker
from distributed.diagnostics.plugin import WorkerPlugin


class DaskChecks:
    """A Dask distributed cluster at `address` (`tcp://host:8786`), or an existing `client`."""

    needs_data = True

    def __init__(self, address: str | None, timeout: float, memory_limit: int | None, client: Any = None) -> None:
        self.client = client if client is not None else Client(address, timeout="30s")
        self._own_client = client is None
        self.plugin = f"pmo-check-pool-{uuid.uuid4().hex[:12]}"
        self.client.register_plugin(PoolPlugin(timeout, memory_limit), name=self.plugin)
        self.executor = self.client.get_executor(pure=False)
        self.size = sum(self.client.nthreads().values()) or 1

    def submit(self, path: str, options: Any, data: bytes | None = None) -> Future:
        return self.executor.submit(check_on_worker, self.plugin, path, options, data)

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        """Wait for the checks (or cancel them: `wait=False`), then remove the workers' pools."""
        self.executor.shutdown(wait=wait and not cancel_futures)
        try:
            self.client.unregister_worker_plugin(self.plugin)
        except Exception:  # noqa: BLE001 - the cluster may be gone already; nothing to undo then
            pass
        if self._own_client:
            self.client.close()


class PoolPlugin(WorkerPlugin):
    """A Dask worker plugin: a CheckPool with as many processes as the worker has threads."""

    def __init__(self, timeout: float, memory_limit: int | None) -> None:
        self.timeout, self.memory_limit = timeout, memory_limit
        self.pool: Any = None

    def setup(self, worker: Any) -> None:
        from checker.run.pool import CheckPool

        self.pool = CheckPool(max(1, int(worker.state.nthreads)), self.timeout, self.memory_limit)

    def teardown(self, worker: Any) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)


def check_on_worker(plugin: str, path: str, options: Any, data: bytes | None) -> dict[str, Any]:
    """A Dask task: the document checked by the pool of this audit's plugin on the worker."""
    return get_worker().plugins[plugin].pool.submit(path, options, data).result()
