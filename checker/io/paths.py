"""Turning the command line's PATH arguments into the list of files to check.

Folders are walked recursively in a stable order. Ignored without a word: hidden files and folders
(a name starting with `.`: `.git`, `.DS_Store`, macOS `._x.docx` resource forks), Office lock files
(`~$name.docx`) and what a `pmo-check.toml` in the folder or above it excludes. Every other file is
reported: a Word or Excel file (by its extension, `WORD_EXCEL`) is checked, and any other file met
while walking is a `skipped` entry (`unsupported-format`, listed but never a failure). A file named
on the command line is always checked, whatever its name: if it is not Word or Excel, it fails.
"""
from __future__ import annotations

import fnmatch
import os
import tomllib
from dataclasses import dataclass
from typing import Iterable, Iterator

from checker.core.errors import ReadError

CONFIG_NAME = "pmo-check.toml"
# Extensions of Word and Excel files, checked when met in a folder. The opener decides by content, so a
# legacy or binary one (.doc, .xls, .xlsb) becomes an unreadable document that says how to convert it.
WORD_EXCEL = frozenset({".docx", ".docm", ".dotx", ".dotm", ".doc", ".dot",
                        ".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".xlt", ".xlsb"})


@dataclass(frozen=True)
class Item:
    path: str
    error: ReadError | None = None
    skipped: bool = False  # met while walking a folder and not Word or Excel: listed, never a failure


def skipped_item(path: str) -> Item:
    ext = os.path.splitext(path)[1].lower()
    what = f"a {ext} file" if ext else "a file without an extension"
    return Item(path, ReadError("unsupported-format", f"Skipped: {what}, not a Word or Excel document."), True)


def ignored(name: str, folder: bool = False) -> bool:
    """A name a folder walk passes over without a word: hidden (`.git`, `._x.docx`), or, for a file,
    an Office lock file (`~$name.docx`). SharePoint libraries are listed by the same rule."""
    return name.startswith(".") or (not folder and name.startswith("~$"))


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
        dirs[:] = sorted(d for d in dirs if not ignored(d, folder=True))
        excludes[folder] = _excludes(folder)
        for name in sorted(files):
            if ignored(name):
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
        walked = os.path.isdir(raw)
        if walked:
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
                office = os.path.splitext(path)[1].lower() in WORD_EXCEL
                items.append(Item(path) if office or not walked else skipped_item(path))
    return items
