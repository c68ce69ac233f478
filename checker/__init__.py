"""pmo-check: compliance checking of project-management documents.

`checker.check(paths, config=None)` is the contract's Python API. Importing this package stays
cheap: the engine, readers and NLP load only when a check runs.
"""
from __future__ import annotations

from typing import Any, Iterable

__version__ = "1.0.0"


def check(paths: Iterable[str] | str, config: Any = None) -> dict:
    """Check files and folders; return the contract's JSON report as a dict. Never raises for bad input."""
    from checker.engine import check as _check

    return _check([paths] if isinstance(paths, str) else list(paths), config=config)
