"""PMO metadata of a document — portfolio, department, manager — for the scorecards' groupings.

Where it comes from, first found wins:

1. the mapping file a PMO maintains (`--mapping FILE` or `[audit] mapping`, CSV or YAML), by the
   document's project id, else by a glob on its path;
2. the library's columns (`[audit] columns`, SharePoint only);
3. the document's custom properties (`Portfolio`, `Department`, `Manager`, or 项目组合, 部门, 项目经理);
4. for the manager only, the project manager the document itself names (the report's project facts).
"""
from __future__ import annotations

import csv
import fnmatch
import io
import os
import zipfile
from dataclasses import dataclass
from typing import Any, Mapping

FIELDS = ("portfolio", "department", "manager")
PROPERTY_NAMES = {
    "portfolio": ("portfolio", "pmo portfolio", "项目组合", "组合"),
    "department": ("department", "business unit", "部门", "所属部门"),
    "manager": ("manager", "project manager", "项目经理"),
}
MAX_PROPERTIES_PART = 1 << 20  # bytes of docProps/custom.xml read, at most


class MappingError(Exception):
    """The mapping file cannot be used; the message names the file and the line."""


@dataclass(frozen=True)
class MappingEntry:
    project: str | None
    path: str | None  # a glob on the document's path
    values: Mapping[str, str]


@dataclass(frozen=True)
class PmoMapping:
    """The PMO's mapping of projects (or paths) to portfolio, department and manager."""

    entries: tuple[MappingEntry, ...] = ()

    def lookup(self, project: str | None, path: str) -> dict[str, str]:
        if project:
            for entry in self.entries:
                if entry.project is not None and entry.project.casefold() == project.casefold():
                    return dict(entry.values)
        posix = path.replace("\\", "/")
        for entry in self.entries:
            if entry.path is not None and fnmatch.fnmatch(posix, entry.path):
                return dict(entry.values)
        return {}


def load_mapping(path: str | None) -> PmoMapping:
    """The mapping in a CSV (a header row: project and/or path, and any of portfolio, department,
    manager) or YAML file (a list of such entries). Raises MappingError."""
    if not path:
        return PmoMapping()
    try:
        with open(path, encoding="utf-8-sig") as fh:
            text = fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise MappingError(f"cannot read the mapping file {path}: {getattr(exc, 'strerror', None) or exc}") from None
    if path.lower().endswith((".yaml", ".yml")):
        import yaml

        from checker.core.yamlio import safe_load

        try:
            rows = safe_load(text)
        except yaml.YAMLError as exc:
            raise MappingError(f"{path}: not valid YAML: {exc}") from None
        if not isinstance(rows, list):
            raise MappingError(f"{path}: give a list of entries such as "
                               f"'- {{project: PRJ-042, portfolio: Digital, department: Sales IT}}'")
        numbered = [(f"entry {i}", row) for i, row in enumerate(rows, start=1)]
    else:
        reader = csv.DictReader(io.StringIO(text))
        numbered = [(f"line {i}", row) for i, row in enumerate(reader, start=2)]
    return PmoMapping(tuple(_entry(path, where, row) for where, row in numbered))


def _entry(path: str, where: str, row: Any) -> MappingEntry:
    if not isinstance(row, Mapping):
        raise MappingError(f"{path}: {where}: an entry is a table of project/path and portfolio, department, manager")
    row = {str(k).strip().lower(): ("" if v is None else str(v).strip()) for k, v in row.items() if k is not None}
    unknown = sorted(set(row) - {"project", "path", *FIELDS})
    if unknown:
        raise MappingError(f"{path}: {where}: unknown column(s) {', '.join(unknown)} "
                           f"(known: project, path, {', '.join(FIELDS)})")
    if not row.get("project") and not row.get("path"):
        raise MappingError(f"{path}: {where}: give the project id or a path glob the entry is for")
    return MappingEntry(row.get("project") or None, row.get("path") or None,
                        {k: row[k] for k in FIELDS if row.get(k)})


def document_properties(local_path: str | None = None, data: bytes | None = None) -> dict[str, str]:
    """The PMO fields among the document's custom properties (empty for a file that is no OOXML
    package). Reads only `docProps/custom.xml`, bounded; never raises."""
    from checker.io.readers.ooxml_props import parse_custom_properties

    try:
        with zipfile.ZipFile(io.BytesIO(data) if data is not None else local_path) as package:  # type: ignore[arg-type]
            info = package.getinfo("docProps/custom.xml")
            if info.file_size > MAX_PROPERTIES_PART:
                return {}
            custom = parse_custom_properties(package.read(info))
    except (KeyError, OSError, zipfile.BadZipFile, ValueError, RuntimeError, EOFError):
        return {}
    by_name = {name.strip().casefold(): value for name, value in custom.items() if value}
    out = {}
    for field_name, names in PROPERTY_NAMES.items():
        value = next((by_name[n] for n in names if n in by_name), None)
        if value:
            out[field_name] = value[:200]
    return out


def library_columns(fields: Mapping[str, Any], columns: Mapping[str, str]) -> dict[str, str]:
    """The PMO fields from a library item's column values, by the configured column names."""
    out = {}
    for field_name, column in columns.items():
        value = fields.get(column)
        if isinstance(value, Mapping):  # a person or lookup column
            value = value.get("LookupValue") or value.get("Title") or value.get("Email")
        if value not in (None, ""):
            out[field_name] = str(value)[:200]
    return out


def resolve(mapping: PmoMapping, *, project: str | None, path: str, columns: Mapping[str, str],
            properties: Mapping[str, str], named_manager: str | None) -> dict[str, str | None]:
    """Portfolio, department and manager of a document, first found wins (see the module docstring)."""
    mapped = mapping.lookup(project, path)
    out: dict[str, str | None] = {}
    for field_name in FIELDS:
        out[field_name] = mapped.get(field_name) or columns.get(field_name) or properties.get(field_name)
    out["manager"] = out["manager"] or (named_manager[:200] if named_manager else None)
    return out


def mapping_path(value: str | None, root: str) -> str | None:
    """A mapping file named in a pmo-check.toml, relative to that file's folder."""
    return os.path.normpath(os.path.join(root, os.path.expanduser(value))) if value else None
