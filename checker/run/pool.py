"""A long-lived pool of worker processes that check documents submitted from any thread.

`CheckPool(workers, timeout, memory_limit)` starts `workers` fresh interpreters
(`python -m checker.run.worker`, the "spawn" model, never `fork`) at once, so they are warm (engine
imported, rules built) before the first document arrives. `submit(path, options)` returns a
`concurrent.futures.Future` whose result is the document's report entry; any number of threads may
submit at the same time and each waits only for its own documents. The shape is the one of
`concurrent.futures.Executor` (and of Dask's `distributed.Client`), so the bulk audit can swap one
for the other.

The guarantees, per document:

* the options travel with the task, so documents of different configurations checked at the same
  time never see each other's tailoring;
* a document still running after `timeout` seconds gets its worker killed and the entry
  `{"error": {"code": "timeout"}}`; a fresh worker takes the killed one's place;
* a worker capped at `memory_limit` bytes of address space (`RLIMIT_AS`) that runs out of memory
  gives `too-large`, and so does one killed by SIGKILL (the kernel's OOM killer); one that dies
  otherwise (a segfault in a C library) gives `corrupt`; the other documents go on;
* results are the worker's JSON, never unpickled from a process a document could have subverted.

One manager thread owns the processes: it hands queued tasks to idle workers, enforces deadlines
and replaces dead workers. Each worker has a reader thread that turns its answers into events.
Workers that cannot start `MAX_START_FAILURES` times in a row fail the queued futures with
`WorkerStartError` (the caller decides: `run_checks` then checks in its own process); the next
submission tries again.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import queue
import subprocess
import sys
import threading
import time
from collections import deque
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

from checker.run.entries import death_entry, timeout_entry
from checker.run.frames import read_frame, write_frame
from checker.run.worker import READY

log = logging.getLogger("pmo_check")

GiB = 2**30
DEFAULT_TIMEOUT = 60.0
DEFAULT_MEMORY_LIMIT = 1 * GiB
STARTUP_TIMEOUT = 60.0  # a worker that is not ready by then is treated as failed to start
MAX_START_FAILURES = 3  # in a row; then the queued futures fail with WorkerStartError
_EOF = object()
_SUBMITTED = object()
_SHUTDOWN = object()


class WorkerStartError(RuntimeError):
    """Worker processes could not be started (e.g. the memory cap is too small for an interpreter)."""


def default_workers() -> int:
    """The CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@dataclass(eq=False)
class _Task:
    path: str
    payload: bytes  # pickled (path, options, data), made in the submitting thread
    data: bytes | None
    future: Future = field(default_factory=Future)
    running: bool = False  # its future was set running (once: a retried task keeps that state)

    def start(self) -> bool:
        """Mark the future running; False when it was cancelled while queued."""
        if not self.running:
            if not self.future.set_running_or_notify_cancel():
                return False
            self.running = True
        return True

    def sha256(self) -> str | None:
        """For entries the pool writes itself (timeout, crash): of the data, or of the file."""
        if self.data is not None:
            return hashlib.sha256(self.data).hexdigest()
        from checker.io.safe_open import sha256_of

        return sha256_of(self.path)


class _Worker:
    """One worker process and the thread that reads its answers."""

    def __init__(self, memory_limit: int | None, events: queue.Queue) -> None:
        env = dict(os.environ)
        root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "checker.run.worker", str(memory_limit or 0)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, close_fds=True,
        )
        self.ready = False
        self.retiring = False  # it said it will exit after its last answer
        self.started = time.monotonic()
        self.task: _Task | None = None
        self.task_id = 0
        self.deadline = 0.0
        threading.Thread(target=self._pump, args=(events,), name="pmo-check-worker-reader", daemon=True).start()

    def _pump(self, events: queue.Queue) -> None:
        """Frames from the worker's stdout to the event queue; _EOF when it closes."""
        try:
            while (payload := read_frame(self.proc.stdout)) is not None:  # type: ignore[arg-type]
                events.put((self, json.loads(payload.decode("utf-8"))))
        except (OSError, ValueError):
            pass
        events.put((self, _EOF))

    def send(self, task: _Task, task_id: int, timeout: float) -> None:
        self.task, self.task_id = task, task_id
        self.deadline = time.monotonic() + timeout
        write_frame(self.proc.stdin, pickle.dumps(task_id) + task.payload)  # type: ignore[arg-type]

    def kill(self) -> int | None:
        try:
            self.proc.kill()
        except OSError:
            pass
        return self.reap()

    def close(self) -> None:
        """Let an idle worker exit by itself (end of its input), or kill it after a grace period."""
        try:
            self.proc.stdin.close()  # type: ignore[union-attr]
        except OSError:
            pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.kill()

    def reap(self) -> int | None:
        try:
            self.proc.stdin.close()  # type: ignore[union-attr]
        except OSError:
            pass
        try:
            return self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            return None


class CheckPool:
    """Worker processes checking documents submitted from any thread; see the module docstring."""

    def __init__(self, workers: int | None = None, timeout: float = DEFAULT_TIMEOUT,
                 memory_limit: int | None = DEFAULT_MEMORY_LIMIT) -> None:
        self.size = default_workers() if workers is None else int(workers)
        if self.size < 1:
            raise ValueError("a check pool needs at least one worker")
        if not 0 < timeout < 1e9:
            raise ValueError(f"timeout must be a positive number of seconds, not {timeout!r}")
        if memory_limit is not None and memory_limit < 0:
            raise ValueError(f"memory_limit must be a number of bytes (0 or None: no cap), not {memory_limit!r}")
        self.timeout = float(timeout)
        self.memory_limit = memory_limit or None
        self._events: queue.Queue = queue.Queue()
        self._closed = False  # no more submissions
        self._close_lock = threading.Lock()
        # Owned by the manager thread alone:
        self._pending: deque[_Task] = deque()
        self._workers: list[_Worker] = []
        self._start_failures = 0
        self._next_id = 0
        self._stopping = False
        self._cancel_pending = False
        self._thread = threading.Thread(target=self._manage, name="pmo-check-pool", daemon=True)
        self._thread.start()

    # ------------------------------------------------------------------ the caller's side

    def submit(self, path: str, options: Any = None, data: bytes | None = None) -> Future:
        """Queue one document; the Future's result is its report entry (never an exception for bad
        input). With `data`, the document is those bytes and `path` only names it. Raises
        RuntimeError after shutdown, and pickle's errors for options that cannot reach a worker."""
        from checker.core.options import Options

        payload = pickle.dumps((path, options if options is not None else Options(), data))
        task = _Task(path, payload, data)
        with self._close_lock:
            if self._closed:
                raise RuntimeError("cannot submit to a check pool that was shut down")
            self._events.put((_SUBMITTED, task))
        return task.future

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        """Stop taking documents; finish the queued ones (or cancel those not started yet), then
        stop the workers. With `wait`, return when all of that is done."""
        with self._close_lock:
            if not self._closed:
                self._closed = True
                self._events.put((_SHUTDOWN, cancel_futures))
        if wait:
            self._thread.join()

    def status(self) -> dict[str, int]:
        """A snapshot for health checks: worker processes, how many are ready or busy, tasks queued."""
        workers = list(self._workers)
        return {"workers": len(workers), "ready": sum(1 for w in workers if w.ready),
                "busy": sum(1 for w in workers if w.task is not None), "queued": len(self._pending)}

    def __enter__(self) -> CheckPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown(wait=True)

    # ------------------------------------------------------------------ the manager thread

    def _manage(self) -> None:
        try:
            self._top_up()
            while not (self._stopping and not self._pending and not self._busy()):
                self._wait()
                self._enforce_deadlines()
                if self._start_failures >= MAX_START_FAILURES:
                    self._fail_pending(WorkerStartError("the checker's worker processes could not be started"))
                    self._start_failures = 0
                self._top_up()
                self._dispatch()
        except BaseException as exc:  # noqa: BLE001 - a bug here must not leave callers waiting forever
            log.error("check pool stopped: %s: %s", type(exc).__name__, exc)
            self._fail_pending(exc)
            for worker in self._workers:
                if worker.task is not None and not worker.task.future.done():
                    worker.task.future.set_exception(exc)
        finally:
            for worker in self._workers:
                worker.close() if worker.ready and worker.task is None else worker.kill()
            self._workers.clear()

    def _busy(self) -> bool:
        return any(w.task is not None for w in self._workers)

    def _top_up(self) -> None:
        """Keep `size` workers alive and warm while the pool takes documents."""
        if self._stopping:
            return
        while len(self._workers) < self.size:
            self._workers.append(_Worker(self.memory_limit, self._events))

    def _dispatch(self) -> None:
        for worker in self._workers:
            if not self._pending:
                return
            if worker.ready and worker.task is None:
                task = self._pending.popleft()
                if not task.start():
                    continue  # cancelled while queued
                self._next_id += 1
                try:
                    worker.send(task, self._next_id, self.timeout)
                except OSError:  # it died between tasks: its EOF event retires it; retry the document
                    worker.task, worker.ready = None, False
                    self._pending.appendleft(task)

    def _wait(self) -> None:
        now = time.monotonic()
        deadlines = [w.deadline for w in self._workers if w.task is not None]
        deadlines += [w.started + STARTUP_TIMEOUT for w in self._workers if not w.ready and not w.retiring]
        deadlines += [now + 0.5 for w in self._workers if w.retiring]  # reap exiting workers promptly
        wait = max(0.0, min(deadlines) - now) if deadlines else None
        try:
            kind, message = self._events.get(timeout=wait)
        except queue.Empty:
            return
        self._handle(kind, message)
        while True:  # drain whatever else has arrived
            try:
                kind, message = self._events.get_nowait()
            except queue.Empty:
                return
            self._handle(kind, message)

    def _handle(self, source: Any, message: Any) -> None:
        if source is _SUBMITTED:
            self._pending.append(message)
            return
        if source is _SHUTDOWN:
            self._stopping = True
            if message:
                for task in self._pending:
                    if not task.running:
                        task.future.cancel()
                self._pending = deque(t for t in self._pending if t.running)
            return
        worker: _Worker = source
        if worker not in self._workers:
            return  # a worker already retired (killed on timeout) closing its pipe
        if message is _EOF:
            code = worker.reap()
            self._workers.remove(worker)
            if worker.task is not None:
                log.warning("%s: worker died (%s)", worker.task.path, code)
                _resolve(worker.task, death_entry(worker.task.path, code, worker.task.sha256()))
            elif not worker.ready and not worker.retiring:
                self._start_failures += 1
            return
        if message == READY:
            worker.ready = True
            self._start_failures = 0
            return
        task_id, entry, retiring = message
        if worker.task is not None and task_id == worker.task_id:
            _resolve(worker.task, entry)
            worker.task = None
        if retiring:  # no new work for it; its EOF retires it and _top_up starts a fresh one
            worker.ready, worker.retiring = False, True

    def _enforce_deadlines(self) -> None:
        now = time.monotonic()
        for worker in list(self._workers):
            if worker.task is not None and now >= worker.deadline:
                task = worker.task
                self._workers.remove(worker)
                worker.kill()
                log.warning("%s: stopped after %g s", task.path, self.timeout)
                _resolve(task, timeout_entry(task.path, self.timeout, task.sha256()))
            elif worker.retiring and worker.proc.poll() is not None:
                self._workers.remove(worker)  # exited after its last answer (its EOF may still be queued)
                worker.reap()
            elif not worker.ready and not worker.retiring and now >= worker.started + STARTUP_TIMEOUT:
                self._workers.remove(worker)
                worker.kill()
                self._start_failures += 1

    def _fail_pending(self, exc: BaseException) -> None:
        while self._pending:
            task = self._pending.popleft()
            if task.start():
                task.future.set_exception(exc)


def _resolve(task: _Task, entry: dict[str, Any]) -> None:
    if not task.future.done():
        task.future.set_result(entry)

