"""The closed set of rule kinds that rule packs instantiate, plus kinds registered by plug-ins.

Each module in this package defines one kind (a `Kind` subclass with a `name` and its `Params`);
`checker.kinds.registry` is the table of them, by name. An organisation adds a kind without forking
by exposing a `Kind` subclass under the entry-point group `pmo_check.kinds`; its rules then name it
in their pack like any built-in kind.
"""
from __future__ import annotations

from checker.analysis.context import Context
from checker.kinds.base import Kind
from checker.kinds.params import KindParams

__all__ = ["Context", "Kind", "KindParams"]
