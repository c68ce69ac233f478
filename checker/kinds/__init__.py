"""The closed set of rule kinds that rule packs instantiate, plus kinds registered by plug-ins.

Each module in this package defines one kind (a `Kind` subclass with a `name`); they are found by
walking the package, so adding a kind is adding a module. An organisation adds a kind without
forking by exposing a `Kind` subclass under the entry-point group `pmo_check.kinds`; its rules
then name it in their pack like any built-in kind.
"""
from __future__ import annotations

import importlib
import inspect
import pkgutil
from functools import lru_cache
from importlib.metadata import entry_points

from checker.analysis.context import Context
from checker.kinds.base import Kind

__all__ = ["Context", "Kind", "registry"]


def _builtin() -> dict[str, type[Kind]]:
    kinds: dict[str, type[Kind]] = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name == "base":
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for obj in vars(module).values():
            if inspect.isclass(obj) and issubclass(obj, Kind) and obj is not Kind and obj.name \
                    and obj.__module__ == module.__name__:
                if obj.name in kinds:
                    raise RuntimeError(f"rule kind '{obj.name}' is defined twice")
                kinds[obj.name] = obj
    return kinds


@lru_cache(maxsize=1)
def registry() -> dict[str, type[Kind]]:
    kinds = _builtin()
    for ep in entry_points(group="pmo_check.kinds"):
        kind = ep.load()
        kinds[getattr(kind, "name", "") or ep.name] = kind
    return kinds
