"""Turning the command line's PATH arguments into the list of files to check.

Folders are walked recursively in a stable order. Every file is reported, including the ones we
cannot read (they become `unsupported-format` entries), except files a `pmo-check.toml` in the
folder explicitly excludes, Office lock files (`~$name.docx`) and hidden folders such as `.git`.
"""
from __future__ import annotations

import fnmatch
import os
import tomllib
from dataclasses import dataclass
from typing import Iterable, Iterator

from checker.core.errors import ReadError

CONFIG_NAME = "pmo-check.toml"


@dataclass(frozen=True)
class Item:
    path: str
    error: ReadError | None = None


def _excludes(folder: str) -> list[str]:
    config = os.path.join(folder, CONFIG_NAME)
    if not os.path.isfile(config):
        return []
    try:
        with open(config, "rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError):
        return []  # a broken config is reported by the config loader, not here
    patterns = (data.get("check") or {}).get("exclude") or []
    return [str(p) for p in patterns] + [CONFIG_NAME]


def _walk(root: str) -> Iterator[str]:
    root = os.path.normpath(root)
    excludes: dict[str, list[str]] = {}
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        excludes[folder] = _excludes(folder)
        for name in sorted(files):
            if name.startswith("~$"):
                continue
            path = os.path.join(folder, name)
            if _excluded(path, root, excludes):
                continue
            yield path


def _excluded(path: str, root: str, excludes: dict[str, list[str]]) -> bool:
    """True when a pmo-check.toml in the file's folder or any folder above it (up to root) excludes it."""
    folder = os.path.dirname(path)
    while True:
        rel = os.path.relpath(path, folder).replace(os.sep, "/")
        if any(fnmatch.fnmatch(rel, p) for p in excludes.get(folder, [])):
            return True
        if folder == root or len(folder) <= len(root):
            return False
        folder = os.path.dirname(folder)


def expand(paths: Iterable[str]) -> list[Item]:
    items: list[Item] = []
    seen: set[str] = set()
    for raw in paths:
        if os.path.isdir(raw):
            candidates = list(_walk(raw))
        elif os.path.exists(raw):
            candidates = [raw]
        else:
            items.append(Item(raw, ReadError("not-found", f"No such file or folder: {raw}")))
            continue
        for path in candidates:
            key = os.path.realpath(path)
            if key not in seen:
                seen.add(key)
                items.append(Item(path))
    return items
