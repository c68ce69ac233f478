"""Several versions of one document in a folder: which belong together, and which is the latest.

File names say it ('charter_v1.0.docx', 'charter_v1.1.docx', '项目章程（修订版）.docx',
'schedule_20260115.xlsx'), and so does the document (its doc-control version, its revision history,
its date). Documents of one type in one project are one line, except series types (status reports,
minutes, change requests, stage reports, reviews), whose documents are distinct unless their names
differ only by version marks (and documents that name different project ids are never versions of one
another). Within a line the order is: version number, then the latest date the
document carries (revision history, doc-control date, the date in its name), then marks such as
修订版 / final (after the original) or draft (before it).
"""
from __future__ import annotations

import os
import re
from datetime import date

from checker.project.model import Doc
from checker.project.names import normalize_id
from checker.text.dates import parse_date
from checker.text.normalize import nfkc
from checker.text.versions import parse_version

SERIES = frozenset({"STATUS_REPORT", "MEETING_MINUTES", "CHANGE_REQUEST", "END_STAGE_REPORT", "INIT_REVIEW"})
_VERSION = re.compile(r"(?:^|[\s_\-(（])[vV](?:er(?:sion)?)?\.?\s*(\d+(?:\.\d+){0,3})|版本\s*(\d+(?:\.\d+){0,3})")
_DATE = re.compile(r"(20\d{2})[-_.年]?(0[1-9]|1[0-2])[-_.月]?([0-3]\d)日?")
_LATER = re.compile(r"修订版?|修订稿|修改版|更新版|终稿|终版|定稿|正式版|revised|revision|\brev\b|final|updated", re.I)
_EARLIER = re.compile(r"草稿|初稿|征求意见稿|draft", re.I)
_COPY = re.compile(r"\(\d+\)|（\d+）|副本|copy", re.I)


def stem(path: str) -> str:
    """The file name without extension, version marks, dates and copy marks: what versions share."""
    name = nfkc(os.path.splitext(os.path.basename(path.replace("\\", "/")))[0])
    for pattern in (_VERSION, _DATE, _LATER, _EARLIER, _COPY):
        name = pattern.sub(" ", name)
    return re.sub(r"[\s_\-.()（）\[\]【】]+", " ", name).strip().lower()


def order_key(doc: Doc) -> tuple:
    """How versions of one document sort, oldest first."""
    version = _version(doc)
    return (version or (0,), _latest_date(doc) or date.min, _mark(doc.path))


def newer(doc: Doc, previous: Doc) -> bool:
    """`doc` is a later version of `previous`, not a copy of it: a higher version number when both
    have one, else a later date."""
    a, b = _version(doc), _version(previous)
    if a is not None and b is not None:
        return a > b
    return (_latest_date(doc) or date.min) > (_latest_date(previous) or date.min)


def lines(docs: list[Doc]) -> list[list[Doc]]:
    """The project's documents as version lines, each oldest → newest, in first-seen order."""
    groups: dict[tuple, list[Doc]] = {}
    for doc in docs:
        if doc.doc_type in SERIES or doc.doc_type == "UNKNOWN" or not doc.readable:
            key: tuple = (doc.doc_type, stem(doc.path), _series_key(doc))
        else:
            # Documents of one type are versions of one document, unless they name different project
            # ids (documents forced into one project by pmo-check.toml stay apart).
            key = (doc.doc_type, normalize_id(str((doc.value("identity", "id") or {}).get("value") or "")))
        groups.setdefault(key, []).append(doc)
    return [sorted(group, key=order_key) for group in groups.values()]


def _series_key(doc: Doc) -> str:
    """What tells two documents of a series apart besides their name: a change request's id, a
    report's period or date."""
    rows = doc.rows("changes")
    if doc.doc_type == "CHANGE_REQUEST" and rows and rows[0].get("key"):
        return rows[0]["key"]
    dates = doc.part("dates") or {}
    for key in ("period_end", "report", "decision"):
        if key in dates:
            return dates[key]["value"]
    if not doc.readable or doc.doc_type == "UNKNOWN":
        return doc.path
    return ""


def _version(doc: Doc) -> tuple[int, ...] | None:
    found = doc.value("identity", "version")
    if found and found.get("parsed"):
        return tuple(found["parsed"])
    m = _VERSION.search(nfkc(os.path.basename(doc.path)))
    if m:
        return parse_version(m.group(1) or m.group(2))
    return None


def _latest_date(doc: Doc) -> date | None:
    candidates: list[date] = []
    for row in doc.part("revisions") or []:
        if row.get("date"):
            candidates.append(date.fromisoformat(row["date"]))
    found = doc.value("identity", "date")
    if found:
        candidates.append(date.fromisoformat(found["value"]))
    m = _DATE.search(nfkc(os.path.basename(doc.path)))
    if m:
        named = parse_date(f"{m.group(1)}-{m.group(2)}-{m.group(3)}")
        if named is not None:
            candidates.append(named)
    return max(candidates) if candidates else None


def _mark(path: str) -> int:
    name = nfkc(os.path.basename(path))
    if _LATER.search(name):
        return 1
    if _EARLIER.search(name):
        return -1
    return 0
