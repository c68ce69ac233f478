"""A project as the project view sees it: its documents (report entries with their summaries), grouped
into version lines, and what the checks read from them.

A *line* is one document over its versions ('charter v1.0', 'charter v1.1', '项目章程（修订版）'): the
latest version is the one a gate looks at, the earlier ones feed the continuity rules (XD-07).
Series types (status reports, minutes, change requests) are many documents, not versions of one.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Iterator


@dataclass
class Doc:
    """One document entry of the report, read through its summary."""

    entry: dict[str, Any]

    @property
    def path(self) -> str:
        return self.entry["path"]

    @property
    def doc_type(self) -> str:
        return self.entry.get("doc_type") or "UNKNOWN"

    @property
    def language(self) -> str | None:
        return self.entry.get("language")

    @property
    def summary(self) -> dict[str, Any]:
        return self.entry.get("summary") or {}

    @property
    def folder(self) -> str:
        return os.path.dirname(self.path.replace("\\", "/"))

    @property
    def readable(self) -> bool:
        return not self.entry.get("error")

    def part(self, name: str, default: Any = None) -> Any:
        return self.summary.get(name, default)

    def value(self, part: str, key: str) -> dict[str, Any] | None:
        """A located value (`{"value", "location"}`) of a summary part, or None."""
        found = (self.summary.get(part) or {}).get(key)
        return found if isinstance(found, dict) and "value" in found else None

    def rows(self, part: str) -> list[dict[str, Any]]:
        block = self.summary.get(part)
        if isinstance(block, dict):
            return list(block.get("rows") or [])
        return list(block or [])

    def money(self, *roles: str) -> list[dict[str, Any]]:
        """The document's amounts of these roles, in reading order."""
        return [m for m in self.part("money") or [] if m.get("role") in roles]

    def findings(self) -> list[dict[str, Any]]:
        return [f for f in self.entry.get("findings") or [] if not f.get("suppressed")]

    @property
    def approved(self) -> bool:
        """Signed off, or marked final/approved/baselined in its doc-control block."""
        status = self.value("identity", "status")
        return bool((self.part("signoff") or {}).get("complete")) or (status or {}).get("value") == "final"

    @property
    def signed(self) -> bool:
        return bool((self.part("signoff") or {}).get("complete"))

    @property
    def status(self) -> str | None:
        status = self.value("identity", "status")
        return status["value"] if status else None


@dataclass
class Project:
    key: str
    docs: list[Doc]
    name: str | None = None
    language: str = "en"
    lines: list[list[Doc]] = field(default_factory=list)  # each oldest → newest

    @property
    def paths(self) -> list[str]:
        return [d.path for d in self.docs]

    @property
    def current(self) -> list[Doc]:
        """The latest version of every line (what gates and most checks read)."""
        return [line[-1] for line in self.lines]

    @property
    def superseded(self) -> list[Doc]:
        return [d for line in self.lines for d in line[:-1]]

    def of(self, *doc_types: str) -> list[Doc]:
        """The current documents of these types, in line order."""
        return [d for d in self.current if d.doc_type in doc_types]

    def one(self, *doc_types: str) -> Doc | None:
        """The current document of the first of these types the project has."""
        for t in doc_types:
            found = self.of(t)
            if found:
                return found[0]
        return None

    def versions(self, doc_type: str) -> Iterator[list[Doc]]:
        """Each line of `doc_type` with more than one version, oldest first."""
        for line in self.lines:
            if line[-1].doc_type == doc_type and len(line) > 1:
                yield line
