"""pmo-check: compliance checking of project-management documents.

`checker.check(paths, config=None)` is the contract's Python API. Importing this package stays
cheap: the engine, readers and NLP load only when a check runs.
"""
from __future__ import annotations

from typing import Any, Iterable

from checker.core.errors import ConfigError
from checker.core.version import VERSION as __version__

__all__ = ["ConfigError", "__version__", "check"]


def check(paths: Iterable[str] | str, config: Any = None) -> dict:
    """Check files and folders; return the contract's JSON report as a dict. Never raises for bad input.

    `config` is a path to a pmo-check.toml, a dict of the same shape (docs/configuration.md), or None
    (then the pmo-check.toml nearest to each document, if any). An invalid configuration raises
    `checker.ConfigError`: the one exception, since the configuration is the caller's input.
    """
    from checker.run.engine import check as _check

    return _check(paths, config=config)  # type: ignore[arg-type]  # the engine accepts any input

