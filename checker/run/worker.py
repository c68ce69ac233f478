"""A worker process of the check pool (`python -m checker.run.worker MEMORY_LIMIT`).

It caps its own address space (`RLIMIT_AS`) before importing anything, imports the engine and
builds the built-in rules, says it is ready, then checks one task at a time: a pickled
task id and `(path, options, data)` frame in, a JSON `[task id, entry, retiring]` frame out. The
options travel with every task, so tasks of different configurations share nothing but the
process (and the engine keys its caches by the configuration's content). After a MemoryError the
worker answers `too-large` and exits (its heap may be fragmented); the pool starts a fresh one.
"""
from __future__ import annotations

import io
import json
import logging
import os
import pickle
import signal
import sys

from checker.run.entries import EXIT_OUT_OF_MEMORY, failure_entry, memory_entry
from checker.run.frames import read_frame, write_frame

READY = "ready"


def limit_memory(limit: int) -> None:
    """Cap this process's address space at `limit` bytes (0: no cap), never above the hard limit."""
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
    from checker.analysis import classify, facts, summary  # noqa: F401
    from checker.analysis.type_model import shipped_model
    from checker.config import waivers  # noqa: F401
    from checker.io import safe_open  # noqa: F401
    from checker.io.readers import docx, xlsx  # noqa: F401
    from checker.lexicon.vocabulary import prepare, shipped_vocabulary
    from checker.run import document
    from checker.text import language, normalize  # noqa: F401

    document.rules_of()
    shipped_model()  # the classifier's fitted weights (rules/models/classifier.yaml)
    prepare(shipped_vocabulary())  # its matchers, built once here rather than by the first document


def _sha256(path: str, data: bytes | None) -> str | None:
    import hashlib

    from checker.io.safe_open import sha256_of

    return hashlib.sha256(data).hexdigest() if data is not None else sha256_of(path)


def main(argv: list[str]) -> int:
    channel = os.fdopen(os.dup(1), "wb")  # the protocol's stdout; fd 1 itself now goes to stderr,
    os.dup2(2, 1)  # so a library that prints cannot corrupt the frames
    sys.stdout = sys.stderr
    inbox = sys.stdin.buffer
    logging.basicConfig(level=logging.WARNING, format="pmo-check: %(message)s", stream=sys.stderr)
    limit_memory(int(argv[0]) if argv else 0)
    if hasattr(signal, "SIGINT"):
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    from checker.core.errors import ReadError
    from checker.run.document import check_file

    _preload()
    write_frame(channel, json.dumps(READY).encode())
    while (frame := read_frame(inbox)) is not None:
        stream = io.BytesIO(frame)
        task_id = pickle.load(stream)
        path, options, data = pickle.load(stream)
        retiring = False
        try:
            entry = check_file(path, options, data)
        except MemoryError:
            entry, retiring = memory_entry(path, _sha256(path, data)), True
        except Exception as exc:  # noqa: BLE001 - check_file does not raise; this is the last net
            entry = failure_entry(path, ReadError("corrupt", f"The document could not be checked ({type(exc).__name__})."),
                                  _sha256(path, data))
        del data
        write_frame(channel, json.dumps([task_id, entry, retiring], ensure_ascii=False).encode("utf-8"))
        if retiring:
            return 0
    return 0


if __name__ == "__main__":
    try:
        code = main(sys.argv[1:])
    except MemoryError:  # over the cap outside a check (reading a task, answering): the pool says too-large
        code = EXIT_OUT_OF_MEMORY
    except BaseException:  # noqa: BLE001 - a worker never prints a traceback; the pool reports the document
        code = 70
    sys.stderr.flush()
    os._exit(code)
