"""Kinds `external_references` and `macros`: what the safe opening layer saw, reported as advice.

External relationships (an attached template on a share, a linked image, an OLE link, a linked
workbook) are never fetched; SEC-01 names them by host and file name only, never by full path,
query string or content. Macro-enabled files are read like any other but their macros never run;
SEC-02 says so. Hyperlinks are ordinary content and are not reported.
"""
from __future__ import annotations

import posixpath
from typing import Iterable
from urllib.parse import unquote, urlsplit

from pydantic import Field

from checker.analysis.context import Context
from checker.core.findings import Finding
from checker.kinds.base import Kind
from checker.kinds.params import KindParams

_NAME_LIMIT = 60


class ExternalReferences(Kind):
    name = "external_references"

    class Params(KindParams):
        max_listed: int = Field(5, ge=1, description="targets named in the finding (the rest are counted)")

    params: Params

    def check(self, ctx: Context) -> Iterable[Finding]:
        names = list(dict.fromkeys(n for n in (describe_target(t) for t in ctx.doc.external_targets) if n))
        if not names:
            return
        limit = self.params.max_listed
        shown = ", ".join(names[:limit])
        if len(names) > limit:
            shown += f" (+{len(names) - limit})"
        yield self.finding(ctx, None, targets=shown)


class Macros(Kind):
    name = "macros"

    def check(self, ctx: Context) -> Iterable[Finding]:
        doc = ctx.doc
        if doc.has_macros:
            yield self.finding(ctx, None, variant="vba")
        elif doc.format in ("docm", "xlsm"):
            yield self.finding(ctx, None)


def describe_target(target: str) -> str:
    """A relationship target reduced to host and file name: 'templates.example.com/PMO.dotx',
    'fileserver/PMO.dotx' (UNC), 'PMO.dotx' (a local path). No user names, folders, queries or
    fragments, which may carry personal data or tokens."""
    raw = (target or "").strip()
    if not raw:
        return ""
    host = ""
    path = raw
    if raw.startswith(("\\\\", "//")):  # UNC: \\server\share\dir\file
        parts = [p for p in raw.replace("\\", "/").split("/") if p]
        host, path = (parts[0] if parts else ""), "/".join(parts[1:])
    elif len(raw) > 2 and raw[1] == ":" and raw[0].isalpha():  # C:\dir\file
        path = raw
    else:
        try:
            split = urlsplit(raw)
            host = split.hostname or ""
            path = split.path if split.scheme or split.netloc else raw.split("?", 1)[0].split("#", 1)[0]
        except ValueError:
            path = raw
    name = posixpath.basename(unquote(path).replace("\\", "/").rstrip("/"))
    text = f"{host}/{name}" if host and name else host or name
    return _clean(text)


def _clean(text: str) -> str:
    text = "".join(ch for ch in text if ch.isprintable())
    return text if len(text) <= _NAME_LIMIT else text[: _NAME_LIMIT - 1] + "…"
