"""The closed set of rule kinds that rule packs instantiate, plus kinds registered by plug-ins.

An organisation adds a kind without forking by exposing a `Kind` subclass under the entry-point
group `pmo_check.kinds`; its rules then name it in their pack like any built-in kind.
"""
from __future__ import annotations

from functools import lru_cache
from importlib.metadata import entry_points

from checker.kinds.approvals import Approvals
from checker.kinds.base import Context, Kind
from checker.kinds.doc_control import DocControl
from checker.kinds.placeholders import Placeholders
from checker.kinds.revision_history import RevisionHistory

BUILTIN: dict[str, type[Kind]] = {k.name: k for k in (DocControl, Placeholders, RevisionHistory, Approvals)}

__all__ = ["Context", "Kind", "registry"]


@lru_cache(maxsize=1)
def registry() -> dict[str, type[Kind]]:
    kinds = dict(BUILTIN)
    for ep in entry_points(group="pmo_check.kinds"):
        kind = ep.load()
        kinds[getattr(kind, "name", ep.name) or ep.name] = kind
    return kinds
