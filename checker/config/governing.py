"""Which configuration governs a run and each of its documents.

The API's `config` (an `Options`, a dict of runtime options and/or the pmo-check.toml shape, a path,
or None) becomes the run's `Options`; a document is then governed by the explicit configuration, else
the pmo-check.toml nearest to it, else the defaults. The engine and the project view (which reviews
stored entries without re-checking them) resolve both the same way.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from checker.core.options import Options

# The API's runtime options (Options fields), as opposed to the pmo-check.toml shape.
RUNTIME = ("today", "rule_ids", "ignore", "limits", "workers", "timeout", "memory_limit", "isolate", "summaries", "gate")


def options(config: Any) -> Options:
    """Options from the API's `config`: Options, a dict (runtime options such as `today` and/or the
    pmo-check.toml shape), a path to a TOML file, or None. Raises checker.ConfigError."""
    from checker.config.settings import as_date
    from checker.config.settings import load as load_config

    if isinstance(config, Options):
        return config
    if config is None:
        return Options()
    if isinstance(config, Mapping):
        runtime = {k: v for k, v in config.items() if k in RUNTIME}
        if isinstance(runtime.get("today"), str):  # '2026-11-25', as callers of the API write a date
            runtime["today"] = as_date(runtime["today"], "configuration: today")
        rest = {k: v for k, v in config.items() if k not in RUNTIME}
        loaded = load_config(rest) if rest else None
        return Options(**runtime, config=loaded, discover=loaded is None)
    return Options(config=load_config(config), discover=False)


def tailoring_for(path: str, options: Options):
    """The tailoring that governs `path`: the explicit config, the discovered one, or the defaults."""
    from checker.config import settings as cfg
    from checker.config import tailoring

    if options.config is not None:
        return tailoring.build(options.config)
    if options.discover:
        found = cfg.discover(path)
        if found:
            return tailoring.build(cfg.load_file(found))
    return tailoring.default()
