"""Pausing the cyclic garbage collector while one document is read and checked.

A document's model is a large graph without reference cycles (a 5,000-row register: ~100,000 cells,
records and rows). With the collector on, every young-generation collection and, soon after, a full
collection walk all of it again while the rules run; reading a 200,000-row register even grows
quadratically. Reference counting frees everything as usual while the collector is paused; whatever
cyclic garbage a check leaves is collected once it is back on.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Disable the cyclic collector for the block; restore it afterwards if it was on (nested use,
    and a caller that keeps it off, are left as they were)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
