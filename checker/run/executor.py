"""Checking many documents with a time budget each, in worker processes that can be stopped.

One pathological file must not hold a run, and a reader that crashes the interpreter (a segfault
in a C library, the kernel's OOM killer) must cost only its own document. So each document is
checked in a worker process:

* `run_checks(paths, options)` keeps a pool of `workers` processes (default: the CPUs this process
  may use, never more than there are documents) and hands them one document at a time. Entries come
  back in input order.
* A document whose budget (`timeout` seconds, default 60) runs out gets its worker killed and the
  entry `{"error": {"code": "timeout", ...}}`; a fresh worker takes the killed one's place.
* A worker that dies while checking (killed by a signal, out of memory) gives its document a
  `too-large` (SIGKILL: almost always the OOM killer) or `corrupt` entry; the others go on.
* Each worker caps its own address space (`resource.RLIMIT_AS`, `memory_limit`, default 1 GiB) so a
  document that needs more becomes `too-large` (MemoryError) instead of a machine-wide OOM.

Workers are fresh interpreters (`python -m checker.executor`, i.e. the "spawn" model, not `fork`),
started with subprocess pipes rather than `multiprocessing`: the latter re-imports the caller's
`__main__` in every child, which breaks for a library called from an unguarded script, and it would
unpickle results; here results come back as JSON. A worker imports the engine and readers and
builds the rules once, before it reports ready, so the budget measures checking, not start-up.

Small runs stay in the calling process (no start-up cost: the single-document CLI and the tests
that check one file at a time stay fast). One document (or `workers=0`) is checked inline, with the
budget enforced by `SIGALRM` when the caller is the main thread of a Unix process; the trade-off is
that an alarm cannot interrupt a long call inside a C library and there is no memory cap, so a
single hostile document relies on the opening layer's limits alone. `isolate=True` (Options) forces
worker processes even for one document (the service and the bulk audit use it).
"""
from __future__ import annotations

import json
import logging
import os
import pickle
import queue
import signal
import struct
import subprocess
import sys
import threading
import time
from collections import deque
from typing import Any, BinaryIO, Sequence

from checker.core.errors import ReadError

log = logging.getLogger("pmo_check")

GiB = 2**30
DEFAULT_TIMEOUT = 60.0
DEFAULT_MEMORY_LIMIT = 1 * GiB
STARTUP_TIMEOUT = 60.0  # a worker that is not ready by then is treated as failed to start
MAX_START_FAILURES = 3  # in a row; then the rest of the run is checked inline
_HEADER = struct.Struct(">I")
_READY = "ready"
_EOF = object()


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def run_checks(paths: Sequence[str], options: Any = None, workers: int | None = None,
               timeout: float | None = None, memory_limit: int | None = -1,
               isolate: bool | None = None) -> list[dict[str, Any]]:
    """One report entry per path, in input order; never raises.

    `workers`, `timeout`, `memory_limit` and `isolate` default to the options' values (see
    `checker.engine.Options`); `workers=0` checks inline, `memory_limit=None` or 0 sets no cap.
    """
    from checker.core.options import Options

    options = options if options is not None else Options()
    workers = getattr(options, "workers", None) if workers is None else workers
    timeout = getattr(options, "timeout", DEFAULT_TIMEOUT) if timeout is None else timeout
    if memory_limit == -1:
        memory_limit = getattr(options, "memory_limit", DEFAULT_MEMORY_LIMIT)
    if isolate is None:
        isolate = getattr(options, "isolate", None)
    paths = list(paths)
    if not paths:
        return []
    timeout = _number(timeout, DEFAULT_TIMEOUT, float)
    memory_limit = _number(memory_limit, 0, int) if memory_limit else None
    size = default_workers() if workers is None else _number(workers, 0, int, minimum=0)
    inline = size == 0 or (len(paths) == 1 and not isolate)
    if not inline:
        try:
            pickle.dumps(options)
        except Exception as exc:  # noqa: BLE001 - options that cannot travel to a worker
            log.warning("options cannot be sent to worker processes (%s); checking in this process", exc)
            inline = True
    if inline:
        return [check_inline(p, options, timeout) for p in paths]
    try:
        return _Pool(paths, options, min(size, len(paths)), timeout, memory_limit).run()
    except Exception as exc:  # noqa: BLE001 - the pool itself failed (no processes?): never lose a document
        log.warning("worker processes unavailable (%s: %s); checking in this process", type(exc).__name__, exc)
        return [check_inline(p, options, timeout) for p in paths]


def _number(value: Any, default: Any, kind: type, minimum: float = 1e-9) -> Any:
    """A sane option value: the configured number, or the default when it is missing or nonsense."""
    try:
        number = kind(value)
    except (TypeError, ValueError, OverflowError):
        return default
    return number if minimum <= number < 1e9 else default  # NaN and infinity fail the comparison too


# --------------------------------------------------------------------------- inline


class _BudgetExceeded(BaseException):
    """Raised by the alarm; a BaseException so `except Exception` in the pipeline lets it through."""


def _alarm(signum: int, frame: Any) -> None:
    raise _BudgetExceeded()


def _can_alarm() -> bool:
    """SIGALRM is ours to use: Unix, main thread, no other handler or timer installed."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return False
    try:
        return signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None) and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    except (ValueError, OSError):
        return False


def check_inline(path: str, options: Any, timeout: float = DEFAULT_TIMEOUT) -> dict[str, Any]:
    """`check_file` in this process, under an alarm when one can be used. Never raises."""
    from checker.run.document import check_file

    armed = _can_alarm()
    if armed:
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return check_file(path, options)
    except _BudgetExceeded:
        return timeout_entry(path, timeout)
    except MemoryError:
        return failure_entry(path, ReadError("too-large", "The document is too large to check in memory."))
    except Exception as exc:  # noqa: BLE001 - check_file does not raise; this is the last net
        log.error("%s: internal error while checking: %s", path, type(exc).__name__)
        return failure_entry(path, ReadError("corrupt", f"The document could not be checked ({type(exc).__name__})."))
    finally:
        if armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def timeout_entry(path: str, timeout: float) -> dict[str, Any]:
    return failure_entry(path, ReadError(
        "timeout", f"The document took longer than {timeout:g} s to check and was stopped; it may be pathological."))


def failure_entry(path: str, err: ReadError) -> dict[str, Any]:
    from checker.io.safe_open import sha256_of
    from checker.run.document import _error_entry

    return _error_entry(path, err, sha256_of(path))


def _death_entry(path: str, returncode: int | None) -> dict[str, Any]:
    if returncode is not None and returncode < 0 and -returncode == getattr(signal, "SIGKILL", 9):
        return failure_entry(path, ReadError(
            "too-large", "The worker checking the document was killed, most likely for running out of memory."))
    how = f"signal {-returncode}" if returncode is not None and returncode < 0 else f"exit status {returncode}"
    return failure_entry(path, ReadError("corrupt", f"The document could not be checked: its reader crashed ({how})."))


# --------------------------------------------------------------------------- the pool (parent side)


class _Worker:
    def __init__(self, memory_limit: int | None, events: "queue.Queue[tuple[_Worker, Any]]"):
        env = dict(os.environ)
        root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "checker.run.executor", str(memory_limit or 0)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, close_fds=True,
        )
        self.ready = False
        self.retiring = False  # it said it will exit after its last result
        self.started = time.monotonic()
        self.task: int | None = None
        self.deadline = 0.0
        threading.Thread(target=self._pump, args=(events,), daemon=True).start()

    def _pump(self, events: "queue.Queue[tuple[_Worker, Any]]") -> None:
        """Frames from the worker's stdout to the event queue; _EOF when it closes."""
        stream = self.proc.stdout
        try:
            while (payload := _read_frame(stream)) is not None:
                events.put((self, json.loads(payload.decode("utf-8"))))
        except (OSError, ValueError):
            pass
        events.put((self, _EOF))

    def send(self, index: int, path: str, options: Any, timeout: float) -> None:
        self.task = index
        self.deadline = time.monotonic() + timeout
        _write_frame(self.proc.stdin, pickle.dumps((index, path, options)))

    def kill(self) -> int | None:
        try:
            self.proc.kill()
        except OSError:
            pass
        return self._reap()

    def close(self) -> None:
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.kill()

    def _reap(self) -> int | None:
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        try:
            return self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            return None


class _Pool:
    def __init__(self, paths: list[str], options: Any, size: int, timeout: float, memory_limit: int | None):
        self.paths, self.options, self.size = paths, options, size
        self.timeout, self.memory_limit = timeout, memory_limit
        self.results: list[dict[str, Any] | None] = [None] * len(paths)
        self.pending: deque[int] = deque(range(len(paths)))
        self.events: queue.Queue = queue.Queue()
        self.workers: list[_Worker] = []
        self.start_failures = 0

    def run(self) -> list[dict[str, Any]]:
        try:
            self._top_up()
            while self.pending or any(w.task is not None for w in self.workers):
                if self.start_failures >= MAX_START_FAILURES:
                    log.warning("worker processes fail to start; checking the remaining documents in this process")
                    break
                self._dispatch()
                self._wait()
                self._enforce_deadlines()
                self._top_up()
        finally:
            for worker in self.workers:
                worker.close() if worker.task is None else worker.kill()
        for i, entry in enumerate(self.results):  # only after repeated start failures
            if entry is None:
                self.results[i] = check_inline(self.paths[i], self.options, self.timeout)
        return self.results  # type: ignore[return-value]

    def _top_up(self) -> None:
        """Keep as many workers as there are documents left to start, up to the pool size."""
        busy = sum(1 for w in self.workers if w.task is not None)
        wanted = min(self.size, busy + len(self.pending))
        while len(self.workers) < wanted:
            self.workers.append(_Worker(self.memory_limit, self.events))

    def _dispatch(self) -> None:
        for worker in self.workers:
            if worker.ready and worker.task is None and self.pending:
                index = self.pending.popleft()
                try:
                    worker.send(index, self.paths[index], self.options, self.timeout)
                except OSError:  # it died between tasks: its EOF event retires it; retry the document
                    worker.task = None
                    worker.ready = False
                    self.pending.appendleft(index)

    def _wait(self) -> None:
        now = time.monotonic()
        deadlines = [w.deadline for w in self.workers if w.task is not None]
        deadlines += [w.started + STARTUP_TIMEOUT for w in self.workers if not w.ready and not w.retiring]
        deadlines += [now + 0.5 for w in self.workers if w.retiring]  # reap exiting workers promptly
        wait = max(0.0, min(deadlines) - now) if deadlines else 0.1
        try:
            worker, message = self.events.get(timeout=wait)
        except queue.Empty:
            return
        self._handle(worker, message)
        while True:  # drain whatever else has arrived
            try:
                worker, message = self.events.get_nowait()
            except queue.Empty:
                return
            self._handle(worker, message)

    def _handle(self, worker: _Worker, message: Any) -> None:
        if worker not in self.workers:
            return  # a worker already retired (killed on timeout) closing its pipe
        if message is _EOF:
            code = worker._reap()
            self.workers.remove(worker)
            if worker.task is not None:
                self.results[worker.task] = _death_entry(self.paths[worker.task], code)
                log.warning("%s: worker died (%s)", self.paths[worker.task], code)
            elif not worker.ready and not worker.retiring:
                self.start_failures += 1
            return
        if message == _READY:
            worker.ready = True
            self.start_failures = 0
            return
        index, entry, retiring = message
        if index == worker.task:
            self.results[index] = entry
            worker.task = None
        if retiring:  # no new work for it; its EOF retires it and _top_up starts a fresh one
            worker.ready, worker.retiring = False, True

    def _enforce_deadlines(self) -> None:
        now = time.monotonic()
        for worker in list(self.workers):
            if worker.task is not None and now >= worker.deadline:
                index = worker.task
                self.workers.remove(worker)
                worker.kill()
                self.results[index] = timeout_entry(self.paths[index], self.timeout)
                log.warning("%s: stopped after %g s", self.paths[index], self.timeout)
            elif worker.retiring and worker.proc.poll() is not None:
                self.workers.remove(worker)  # exited after its last result (its EOF may still be queued)
                worker._reap()
            elif not worker.ready and not worker.retiring and now >= worker.started + STARTUP_TIMEOUT:
                self.workers.remove(worker)
                worker.kill()
                self.start_failures += 1


# --------------------------------------------------------------------------- framing


def _write_frame(stream: BinaryIO, payload: bytes) -> None:
    stream.write(_HEADER.pack(len(payload)) + payload)
    stream.flush()


def _read_exact(stream: BinaryIO, n: int) -> bytes | None:
    chunks, remaining = [], n
    while remaining:
        chunk = stream.read(remaining)
        if not chunk:
            return None
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _read_frame(stream: BinaryIO) -> bytes | None:
    header = _read_exact(stream, _HEADER.size)
    if header is None:
        return None
    return _read_exact(stream, _HEADER.unpack(header)[0])


# --------------------------------------------------------------------------- the worker (child side)


def _limit_memory(limit: int) -> None:
    if limit <= 0:
        return
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = limit if hard == resource.RLIM_INFINITY else min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, ValueError, OSError):
        pass  # not Unix, or not allowed: the time budget still holds


def _preload() -> None:
    """Import and build what every check needs, so a document's budget measures only its own work."""
    from checker.analysis import classify, facts  # noqa: F401
    from checker.analysis.type_model import shipped_model
    from checker.io.readers import docx, xlsx  # noqa: F401
    from checker.run import document
    from checker.text import normalize  # noqa: F401

    document._rules()
    shipped_model()  # the classifier's fitted weights (rules/classifier.yaml)


def _worker_main(argv: list[str]) -> int:
    channel = os.fdopen(os.dup(1), "wb")  # the protocol's stdout; fd 1 itself now goes to stderr,
    os.dup2(2, 1)  # so a library that prints cannot corrupt the frames
    sys.stdout = sys.stderr
    inbox = sys.stdin.buffer
    logging.basicConfig(level=logging.WARNING, format="pmo-check: %(message)s", stream=sys.stderr)
    _limit_memory(int(argv[0]) if argv else DEFAULT_MEMORY_LIMIT)
    if hasattr(signal, "SIGINT"):
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    from checker.run.document import check_file

    _preload()
    _write_frame(channel, json.dumps(_READY).encode())
    while (frame := _read_frame(inbox)) is not None:
        index, path, options = pickle.loads(frame)
        fatal = False
        try:
            entry = check_file(path, options)
        except MemoryError:
            entry, fatal = failure_entry(path, ReadError("too-large", "The document is too large to check in memory.")), True
        except Exception as exc:  # noqa: BLE001 - check_file does not raise; this is the last net
            entry = failure_entry(path, ReadError("corrupt", f"The document could not be checked ({type(exc).__name__})."))
        _write_frame(channel, json.dumps([index, entry, fatal], ensure_ascii=False).encode("utf-8"))
        if fatal:
            return 0  # after a MemoryError the heap may be fragmented: let the pool start a fresh worker
    return 0


if __name__ == "__main__":
    try:
        code = _worker_main(sys.argv[1:])
    except BaseException:  # noqa: BLE001 - a worker never prints a traceback; the parent reports the document
        code = 70
    sys.stderr.flush()
    os._exit(code)
