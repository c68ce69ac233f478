"""Checking a batch of documents with a time budget each: in the check pool, or in this process.

`run_checks(paths, options)` is the engine's entry point for a run. With several documents (or
`isolate=True`) it starts a `checker.run.pool.CheckPool` of `workers` processes (default: the CPUs
this process may use, never more than there are documents), submits every document and collects
the entries in input order; the pool gives each document its time budget and memory cap and turns
a crash into an error entry (see pool.py). The pool is the only implementation of those guarantees:
the service owns one for its lifetime and the bulk audit submits to one the same way.

Small runs stay in the calling process (no start-up cost: the single-document CLI and the tests
that check one file at a time stay fast). One document (or `workers=0`) is checked inline, with the
budget enforced by `SIGALRM` when the caller is the main thread of a Unix process; the trade-off is
that an alarm cannot interrupt a long call inside a C library and there is no memory cap, so a
single hostile document relies on the opening layer's limits alone. `isolate=True` (Options) forces
worker processes even for one document.
"""
from __future__ import annotations

import logging
import pickle
import signal
import threading
from concurrent.futures import as_completed
from typing import Any, Callable, Sequence

from checker.core.errors import ReadError
from checker.run.entries import failure_entry, memory_entry, timeout_entry
from checker.run.pool import DEFAULT_MEMORY_LIMIT, DEFAULT_TIMEOUT, CheckPool, WorkerStartError, default_workers

log = logging.getLogger("pmo_check")


def run_checks(paths: Sequence[str], options: Any = None, workers: int | None = None,
               timeout: float | None = None, memory_limit: int | None = -1,
               isolate: bool | None = None, done: Callable[[str], None] | None = None) -> list[dict[str, Any]]:
    """One report entry per path, in input order; never raises (but for KeyboardInterrupt).

    `workers`, `timeout`, `memory_limit` and `isolate` default to the options' values (see
    `checker.core.options.Options`); `workers=0` checks inline, `memory_limit=None` or 0 sets no
    cap; a value that makes no sense (negative, not a number) falls back to the default. `done` is
    called with each path as its document finishes (a progress bar), in the order they finish.
    On Ctrl-C, documents not started yet are dropped and the workers stop after their current one.
    """
    done = done or (lambda path: None)
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
    timeout = budget(timeout)
    size = default_workers() if workers is None else _count(workers)
    inline = size == 0 or (len(paths) == 1 and not isolate)
    if not inline:
        try:
            pickle.dumps(options)
        except Exception as exc:  # noqa: BLE001 - options that cannot travel to a worker
            log.warning("options cannot be sent to worker processes (%s); checking in this process", exc)
            inline = True
    if inline:
        return _inline(paths, options, timeout, done)
    try:
        with CheckPool(min(size, len(paths)), timeout, memory_cap(memory_limit)) as pool:
            try:
                futures = {pool.submit(p, options): p for p in paths}
                for future in as_completed(futures):
                    done(futures[future])
            except BaseException:  # Ctrl-C: no new documents; the pool's exit waits for the running ones
                pool.shutdown(wait=False, cancel_futures=True)
                raise
            return [_entry(future, path, options, timeout) for future, path in futures.items()]
    except OSError as exc:  # no processes at all: never lose a document
        log.warning("worker processes unavailable (%s: %s); checking in this process", type(exc).__name__, exc)
        return _inline(paths, options, timeout, done)


def _inline(paths: Sequence[str], options: Any, timeout: float, done: Callable[[str], None]) -> list[dict[str, Any]]:
    entries = []
    for path in paths:
        entries.append(check_inline(path, options, timeout))
        done(path)
    return entries


def _entry(future: Any, path: str, options: Any, timeout: float) -> dict[str, Any]:
    try:
        return future.result()
    except WorkerStartError:
        log.warning("%s: worker processes fail to start; checking it in this process", path)
        return check_inline(path, options, timeout)


def budget(value: Any) -> float:
    """The time budget per document: a positive number of seconds, else the default."""
    try:
        seconds = float(value)
    except (TypeError, ValueError, OverflowError):
        return DEFAULT_TIMEOUT
    return seconds if 0 < seconds < 1e9 else DEFAULT_TIMEOUT  # NaN and infinity fail the comparison too


def memory_cap(value: Any) -> int | None:
    """The address-space cap per worker in bytes: None or 0 for none; the default for nonsense
    (negative, not a whole number of bytes). Any size counts: 2**30 and 2**31 are caps too."""
    if value is None or value == 0:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value or value < 0:
        return DEFAULT_MEMORY_LIMIT
    try:
        return int(value)
    except OverflowError:
        return DEFAULT_MEMORY_LIMIT


def _count(value: Any) -> int:
    """A number of worker processes (0: inline); nonsense means the default."""
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        return default_workers()
    return number if 0 <= number < 10_000 else default_workers()


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
    from checker.io.safe_open import sha256_of
    from checker.run.document import check_file

    armed = _can_alarm()
    if armed:
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return check_file(path, options)
    except _BudgetExceeded:
        return timeout_entry(path, timeout, sha256_of(path))
    except MemoryError:
        return memory_entry(path, sha256_of(path))
    except Exception as exc:  # noqa: BLE001 - check_file does not raise; this is the last net
        log.error("%s: internal error while checking: %s", path, type(exc).__name__)
        return failure_entry(path, ReadError("corrupt", f"The document could not be checked ({type(exc).__name__})."),
                             sha256_of(path))
    finally:
        if armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
