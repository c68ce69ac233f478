"""The report entries of documents that could not be checked: over budget, out of memory, crashed."""
from __future__ import annotations

import signal
from typing import Any

from checker.core.errors import ReadError

# A worker's exit status when it ran out of memory outside a check (e.g. while answering): the pool
# reports the document as too-large, as for a MemoryError inside the check.
EXIT_OUT_OF_MEMORY = 3


def failure_entry(path: str, err: ReadError, sha256: str | None = None) -> dict[str, Any]:
    from checker.run.document import error_entry

    return error_entry(path, err, sha256)


def timeout_entry(path: str, timeout: float, sha256: str | None = None) -> dict[str, Any]:
    return failure_entry(path, ReadError(
        "timeout", f"The document took longer than {timeout:g} s to check and was stopped; it may be pathological."),
        sha256)


def memory_entry(path: str, sha256: str | None = None) -> dict[str, Any]:
    return failure_entry(path, ReadError("too-large", "The document is too large to check in memory."), sha256)


def death_entry(path: str, returncode: int | None, sha256: str | None = None) -> dict[str, Any]:
    """The entry of a document whose worker died while checking it.

    SIGKILL is almost always the kernel's OOM killer, and EXIT_OUT_OF_MEMORY the worker's own report
    of hitting its memory cap: both are `too-large`. Anything else (a segfault in a C library) is
    `corrupt`.
    """
    if returncode == EXIT_OUT_OF_MEMORY:
        return memory_entry(path, sha256)
    if returncode is not None and returncode < 0 and -returncode == getattr(signal, "SIGKILL", 9):
        return failure_entry(path, ReadError(
            "too-large", "The worker checking the document was killed, most likely for running out of memory."), sha256)
    how = f"signal {-returncode}" if returncode is not None and returncode < 0 else f"exit status {returncode}"
    return failure_entry(path, ReadError("corrupt", f"The document could not be checked: its reader crashed ({how})."),
                         sha256)
