"""A SharePoint document library as an audit source, through Microsoft Graph.

* The site is resolved by path (`/sites/{host}:/sites/pmo`), the library among the site's drives by
  its name or the last segment of its URL ("Shared Documents" is the URL name of "Documents").
* The first run enumerates the library with `/root/delta` (paging through `@odata.nextLink`) and
  keeps the final `@odata.deltaLink`; later runs ask that link for what changed since. A 410 means
  the link expired: the library is enumerated again from the start. Delta gives no paths, so the
  folders (id → name, parent) and each file's parent are kept between runs, and paths rebuilt.
* A file's content version is its cTag, which changes with the content only: writing the score back
  into the item's columns changes its eTag and Modified By, not its cTag, so the next audit does not
  take it for an edit. When delta leaves the cTag out, the item is asked for it.
* Files that are no Word or Excel document are recorded as unsupported without being downloaded.
"""
from __future__ import annotations

import logging
import os
from datetime import datetime
from typing import Any, Mapping
from urllib.parse import unquote, urlsplit

from checker.audit.graph import GraphClient, GraphError, PreconditionFailed, ResyncRequired
from checker.audit.metadata import library_columns
from checker.audit.settings import AuditSettings
from checker.audit.sources import Item, LibraryAddress, Listing, Previous, SourceError
from checker.core.errors import ReadError
from checker.io.paths import WORD_EXCEL, ignored, skipped_item
from checker.io.safe_open import LEGACY_MESSAGE

log = logging.getLogger("pmo_check")

SELECT = "id,name,file,folder,size,eTag,cTag,webUrl,lastModifiedDateTime,parentReference,deleted,root"
LEGACY = (".doc", ".xls", ".dot", ".xlt")  # Word 97–2003 and Excel 97–2003 files and templates


class LibrarySource:
    """`sharepoint://host/sites/x/Library[/folder]`, listed and downloaded through Graph."""

    kind = "sharepoint"

    def __init__(self, address: LibraryAddress, graph: GraphClient, settings: AuditSettings) -> None:
        self.address, self.graph, self.settings = address, graph, settings
        self._drive: dict[str, Any] | None = None

    @property
    def uri(self) -> str:
        return self.address.uri

    def drive(self) -> dict[str, Any]:
        """The library's drive (`id`, `name`, `webUrl`), resolved once. Raises SourceError."""
        if self._drive is not None:
            return self._drive
        a = self.address
        try:
            site = self.graph.get_json(f"sites/{a.host}:/{a.site_path}", {"$select": "id,webUrl"})
            drives = [d for page in self.graph.pages(f"sites/{site['id']}/drives", {"$select": "id,name,webUrl,driveType"})
                      for d in page.get("value", [])]
        except GraphError as exc:
            raise SourceError(f"{self.uri}: {exc.message}") from None
        wanted = a.library.casefold()
        for d in drives:
            url_name = unquote(urlsplit(d.get("webUrl") or "").path.rstrip("/").rsplit("/", 1)[-1])
            if wanted in (str(d.get("name", "")).casefold(), url_name.casefold()):
                self._drive = d
                return d
        names = ", ".join(sorted(str(d.get("name")) for d in drives)) or "none"
        raise SourceError(f"{self.uri}: the site has no library {a.library!r} (its libraries: {names})")

    # ------------------------------------------------------------------ listing

    def list(self, previous: Mapping[str, Previous], delta_link: str | None, state: Mapping[str, Any] | None,
             full: bool) -> Listing:
        """Every document of the library now: the last run's, updated by what delta says changed."""
        drive = self.drive()
        incremental = bool(delta_link) and not full and state is not None and state.get("drive") == drive["id"]
        if incremental:
            try:
                return self._listing(drive, previous, state, delta_link)  # type: ignore[arg-type]
            except ResyncRequired:
                log.warning("%s: the delta link expired (410): enumerating the library again", self.uri)
        return self._listing(drive, {}, {"drive": drive["id"]}, None)

    def _listing(self, drive: dict[str, Any], previous: Mapping[str, Previous], state: Mapping[str, Any],
                 delta_link: str | None) -> Listing:
        folders: dict[str, list[Any]] = {k: list(v) for k, v in (state.get("folders") or {}).items()}
        parents: dict[str, str | None] = dict(state.get("parents") or {})
        known: dict[str, dict[str, Any]] = {key: {"id": key, "name": os.path.basename(p.path), "eTag": p.etag,
                                                 "cTag": p.version, "webUrl": p.url}
                                            for key, p in previous.items() if key in parents}
        changed: set[str] = set()
        start = delta_link or f"drives/{drive['id']}/root/delta"
        link = None
        for page in self.graph.pages(start, None if delta_link else {"$select": SELECT}):
            for entry in page.get("value", []):
                self._apply(entry, folders, parents, known, changed)
            link = page.get("@odata.deltaLink") or link
        items = []
        for key, entry in known.items():
            path = self._path(parents.get(key), folders)
            if path is None:
                continue  # outside the audited folder
            if ignored(entry["name"]) or any(ignored(name, folder=True) for name in path.split("/") if name):
                continue  # hidden files and folders, Office lock files: passed over as `check` passes them over
            items.append(self._item(drive, entry, f"{path}/{entry['name']}" if path else entry["name"], key in changed))
        return Listing(sorted(items, key=lambda i: i.path), link,
                       {"drive": drive["id"], "folders": folders, "parents": {k: parents.get(k) for k in known}})

    @staticmethod
    def _apply(entry: dict[str, Any], folders: dict[str, list[Any]], parents: dict[str, str | None],
               known: dict[str, dict[str, Any]], changed: set[str]) -> None:
        key = entry["id"]
        parent = (entry.get("parentReference") or {}).get("id")
        if entry.get("deleted"):
            folders.pop(key, None)
            known.pop(key, None)
            parents.pop(key, None)
        elif "root" in entry:
            folders[key] = ["", None]
        elif "folder" in entry:
            folders[key] = [entry.get("name") or "", parent]
        elif "file" in entry:
            known[key] = entry
            parents[key] = parent
            changed.add(key)

    def _path(self, parent: str | None, folders: Mapping[str, list[Any]]) -> str | None:
        """The folder path of a file in the library ("" at its root), None when outside the audited folder."""
        names: list[str] = []
        seen = set()
        while parent is not None and parent in folders and parent not in seen:
            seen.add(parent)
            name, parent = folders[parent]
            if parent is not None or name:
                names.append(name)
        path = "/".join(reversed(names))
        prefix = self.address.folder
        if prefix and not (path == prefix or path.startswith(prefix + "/")):
            return None
        return path

    def _item(self, drive: dict[str, Any], entry: dict[str, Any], path: str, changed: bool) -> Item:
        key = entry["id"]
        version = entry.get("cTag")
        if changed and not version:  # delta may leave it out: ask the item itself
            try:
                version = self.graph.get_json(f"drives/{drive['id']}/items/{key}", {"$select": "id,cTag"}).get("cTag")
            except GraphError as exc:
                log.warning("%s: no cTag (%s); it is checked again", path, exc.message)
        columns: dict[str, str] = {}
        if changed and self.settings.columns:
            try:
                fields = self.graph.get_json(f"drives/{drive['id']}/items/{key}/listItem/fields")
                columns = library_columns(fields, self.settings.columns)
            except GraphError as exc:
                log.warning("%s: its columns could not be read (%s)", path, exc.message)
        modified = entry.get("lastModifiedDateTime")
        ext = os.path.splitext(entry["name"])[1].lower()
        error, skipped = None, False
        if ext not in WORD_EXCEL:  # as `check` walking a folder: listed, never a failure, never downloaded
            error, skipped = skipped_item(entry["name"]).error, True
        elif ext in LEGACY:  # judged by its name: a download would only find the legacy format
            error = ReadError("legacy-format", LEGACY_MESSAGE)
        return Item(key=key, path=f"{drive.get('name') or self.address.library}/{path}", version=version,
                    etag=entry.get("eTag"), url=entry.get("webUrl"), size=entry.get("size"),
                    modified_at=_when(modified), columns=columns, item_id=key, error=error, skipped=skipped)

    # ------------------------------------------------------------------ content and write-back

    def fetch(self, item: Item, max_bytes: int) -> bytes:
        """The document's bytes (its `/content`, through the 302 to the download URL). Raises ReadError."""
        if item.size is not None and item.size > max_bytes:
            raise ReadError("too-large", f"The document is larger than {max_bytes // 2**20} MiB.")
        try:
            return self.graph.download(f"drives/{self.drive()['id']}/items/{item.item_id}/content", max_bytes)
        except GraphError as exc:
            if exc.status == 413:
                raise ReadError("too-large", f"The document is larger than {max_bytes // 2**20} MiB.") from None
            raise ReadError("not-found", f"The document could not be downloaded: {exc.message}") from None

    def write_back(self, sessions: Any, run_id: int, source_id: int, fail_on: str = "major") -> int:
        """Each document checked in this run gets its score and status (`Fail`: a finding at or above
        `fail_on`) in its columns, `If-Match` its eTag: one edited meanwhile is left for the next
        audit. Returns how many were written."""
        from sqlalchemy import select

        from checker.audit.models import Document, Finding
        from checker.core.findings import SEVERITIES, at_or_above

        columns = self.settings.write_back_columns
        drive = self.drive()["id"]
        with sessions() as session:
            docs = list(session.scalars(select(Document).where(Document.run_id == run_id, Document.source_id == source_id,
                                                               Document.checked.is_(True), Document.error_code.is_(None))))
            failing = set(session.scalars(select(Finding.document_id).where(
                Finding.document_id.in_([d.id for d in docs]), Finding.suppressed.is_(False),
                Finding.severity.in_([s for s in SEVERITIES if fail_on != "never" and at_or_above(s, fail_on)]))))
        written = 0
        for doc in docs:
            body = {columns["score"]: doc.score, columns["status"]: "Fail" if doc.id in failing else "Pass"}
            url = f"drives/{drive}/items/{doc.key}/listItem/fields"
            etag = doc.etag
            for _ in range(2):
                try:
                    self.graph.request("PATCH", url, json=body, headers={"If-Match": etag or "*"})
                    written += 1
                    break
                except PreconditionFailed:
                    current = self.graph.get_json(f"drives/{drive}/items/{doc.key}", {"$select": "id,eTag,cTag"})
                    if current.get("cTag") != doc.version:
                        log.info("%s: edited during the audit; its score is written by the next one", doc.path)
                        break
                    etag = current.get("eTag")  # only its metadata changed: the result still holds
                except GraphError as exc:
                    log.warning("%s: score not written back: %s", doc.path, exc.message)
                    break
        return written


def _when(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
