"""Documents that misbehave inside pmo-check processes: a `sitecustomize` hook, installed on the
PYTHONPATH of the processes a test starts (the CLI, the pool's workers), makes a document whose name
says `spin` loop forever, `segfault` crash the interpreter, `hog` eat memory."""

HOOK = '''
"""Test-only: make chosen documents misbehave inside pmo-check processes (see tests/support/misbehaving.py)."""
import os
import signal

import checker.io.safe_open as _so

_open = _so.open_document


def open_document(path, *args, **kwargs):
    name = os.path.basename(str(path))
    if "spin" in name:
        while True:
            pass
    if "segfault" in name:
        os.kill(os.getpid(), signal.SIGSEGV)
    if "hog" in name:
        hoard = []
        while True:
            hoard.append(bytearray(64 * 2**20))
    return _open(path, *args, **kwargs)


_so.open_document = open_document
'''
