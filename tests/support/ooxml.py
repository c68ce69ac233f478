"""Office packages as zip parts: read them, edit them, and write them the same way every time.

Word and Excel files are zip packages of XML parts. The builders save through python-docx or
openpyxl (or write the parts themselves) and then pass the package through `write_package`, which
pins what those libraries take from the wall clock, so that a rerun writes the same bytes.
"""
from __future__ import annotations

import io
import os
import re
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Iterable

ZIP_TIME = (2026, 1, 1, 0, 0, 0)


def parts(data: bytes) -> dict[str, bytes]:
    """Every part of a package by name, in the package's order."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist()}


def pack(files: dict[str, bytes], level: int = 6) -> bytes:
    """A package of these parts (deflated at `level`), as any zip tool writes it."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as zf:
        for name, content in files.items():
            zf.writestr(name, content)
    return out.getvalue()


def edit(data: bytes, changes: dict[str, bytes | None]) -> bytes:
    """Replace, add (bytes) or delete (None) parts of a package."""
    files = parts(data)
    for name, content in changes.items():
        if content is None:
            files.pop(name, None)
        else:
            files[name] = content
    return pack(files)


def write_package(path: Path, package: bytes | Iterable[tuple[str, bytes]], *,
                  modified: datetime | None = None) -> Path:
    """Write a package (its bytes, or its parts in order) with fixed member timestamps, atomically.

    python-docx and openpyxl stamp zip members with the wall clock, and openpyxl overwrites
    `dcterms:modified` on save: `modified` pins that too.
    """
    members = parts(package).items() if isinstance(package, bytes) else package
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in members:
            if modified is not None and name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              b"\\g<1>" + modified.strftime("%Y-%m-%dT%H:%M:%SZ").encode() + b"\\g<2>", data)
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            out.writestr(info, data)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")  # a cached workload is never seen half written
    tmp.write_bytes(buf.getvalue())
    os.replace(tmp, path)
    return path

