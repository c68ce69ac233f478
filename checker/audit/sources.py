"""What an audit reads: the SOURCE arguments (a folder, or `sharepoint://host/sites/x/Library[/folder]`)
and the items a listing gives for each.

An item carries a key that stays the same while the document lives (a path relative to the folder,
or the library item's id), and a content version (cTag in a library; size and modification time of
a file): a document whose version and configuration are those of the last finished run is not
checked again, its result is carried over.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Mapping
from urllib.parse import quote, unquote, urlsplit

from checker.core.display import display_path
from checker.core.errors import ReadError
from checker.core.options import Options


class SourceError(Exception):
    """A SOURCE that cannot be audited (not a folder, not a library URL, not reachable)."""


@dataclass(frozen=True)
class Item:
    """One document of a source, as its listing gives it."""

    key: str  # stable within the source
    path: str  # as reports show it
    version: str | None  # content version; None: unknown, always checked
    etag: str | None = None
    url: str | None = None  # where links to the document go
    size: int | None = None
    modified_at: datetime | None = None
    columns: Mapping[str, Any] = field(default_factory=dict)  # library columns (PMO metadata)
    local_path: str | None = None  # a file to check where it is
    item_id: str | None = None  # the library's driveItem id
    error: ReadError | None = None  # listed, but cannot be checked (e.g. not found)
    skipped: bool = False  # not Word or Excel (with `error`): listed, never a failure, as `check` does


@dataclass(frozen=True)
class Previous:
    """What the last finished run recorded of a document: for carrying it over, and for a delta listing."""

    document_id: int
    path: str
    version: str | None
    etag: str | None
    url: str | None
    config_key: str


@dataclass(frozen=True)
class Listing:
    """Every document of a source now, and what the listing leaves for the next run."""

    items: list[Item]
    delta_link: str | None = None
    state: dict[str, Any] | None = None


@dataclass(frozen=True)
class FolderSource:
    """A local folder (or file), walked as `pmo-check check` walks it."""

    root: str
    kind: str = "folder"
    options: Options = field(default_factory=Options)  # the run's: which configuration excludes what

    @property
    def uri(self) -> str:
        return os.path.abspath(self.root)

    def list(self, previous: Mapping[str, Previous], delta_link: str | None, state: Mapping[str, Any] | None,
             full: bool) -> Listing:
        """Every file under the folder that `check` would list (a folder has no change feed: each is
        compared by size and time). Raises ConfigError for a pmo-check.toml the run cannot use."""
        from checker.run.engine import listed

        items = []
        base = self.root if os.path.isdir(self.root) else os.path.dirname(self.root) or "."
        for found in listed([self.root], self.options):
            key = os.path.relpath(found.path, base).replace(os.sep, "/")
            if found.error is not None and not found.skipped:
                items.append(Item(key, display_path(found.path), None, error=found.error))
                continue
            try:
                stat = os.stat(found.path)
            except OSError:
                items.append(Item(key, display_path(found.path), None, local_path=found.path, error=found.error,
                                  skipped=found.skipped))
                continue
            # A skipped file has a version too: unchanged, it is carried over like any document.
            items.append(Item(key, display_path(found.path), f"{stat.st_size}:{stat.st_mtime_ns}", size=stat.st_size,
                              modified_at=datetime.fromtimestamp(stat.st_mtime, timezone.utc),
                              local_path=found.path, error=found.error, skipped=found.skipped))
        return Listing(items)

    def fetch(self, item: Item, max_bytes: int) -> bytes:
        """The file's bytes, for a cluster whose workers may not see this folder. Raises ReadError."""
        try:
            with open(item.local_path or item.path, "rb") as fh:
                data = fh.read(max_bytes + 1)
        except OSError as exc:
            raise ReadError("not-found", f"The file could not be read: {exc.strerror or exc}") from None
        if len(data) > max_bytes:
            raise ReadError("too-large", f"The file is larger than {max_bytes // 2**20} MiB.")
        return data


@dataclass(frozen=True)
class LibraryAddress:
    """`sharepoint://host/sites/name/Library/folder…` taken apart: the site, the library, a folder in it."""

    host: str
    site_path: str  # "sites/pmo"
    library: str  # "Shared Documents"
    folder: str  # "" or "Apollo/2026"

    @property
    def uri(self) -> str:
        parts = [self.host, self.site_path, self.library] + ([self.folder] if self.folder else [])
        return "sharepoint://" + "/".join(parts)

    @property
    def web_url(self) -> str:
        return f"https://{self.host}/{quote(self.site_path)}/{quote(self.library)}"


def parse_library(text: str) -> LibraryAddress:
    """Raises SourceError for a `sharepoint://` URL without a site and a library."""
    parts = urlsplit(text)
    segments = [unquote(s) for s in parts.path.split("/") if s]
    if not parts.netloc or len(segments) < 3 or segments[0] not in ("sites", "teams"):
        raise SourceError(f"{text!r} is not a SharePoint library: write sharepoint://HOST/sites/SITE/LIBRARY[/FOLDER], "
                          f"for example \"sharepoint://contoso.sharepoint.com/sites/pmo/Shared Documents\"")
    return LibraryAddress(parts.netloc.lower(), "/".join(segments[:2]), segments[2], "/".join(segments[3:]))


def parse_source(text: str) -> FolderSource | LibraryAddress:
    """A SOURCE argument: a library URL, or an existing folder or file. Raises SourceError."""
    if text.lower().startswith("sharepoint://"):
        return parse_library(text)
    if "://" in text:
        raise SourceError(f"{text!r}: only folders and sharepoint:// libraries can be audited")
    if not os.path.exists(text):
        raise SourceError(f"{text}: no such folder")
    return FolderSource(text.rstrip(os.sep) or os.sep)
