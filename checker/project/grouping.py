"""Which documents belong to one project: forced groups, then project id, then name, then folder.

1. A pmo-check.toml may force documents into a project (`[[projects]]` with `key` and `paths` globs);
   those are grouped by it and nothing else.
2. Documents with the same project id (case, width and separators ignored) are one project.
3. Documents whose project names match (normalised, typo-tolerant: `checker.project.names`) are one
   project — unless both sides carry different ids, when only a single document of one folder joins the
   several documents of another id there (a mistyped or mis-filed id). A near-match of names inside one
   folder is one project; XD-01 then reports the mismatch.
4. A document that names no project joins the project of its folder when the folder holds one (or
   the one whose name its file name carries), else its folder is a project of its own.
"""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from rapidfuzz import fuzz

from checker.config.settings import ProjectGroup
from checker.project.model import Doc
from checker.project.names import names_match, normalize_id, normalize_name, person_key
from checker.text.normalize import nfkc


@dataclass
class Group:
    docs: list[Doc] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    folders: set[str] = field(default_factory=set)
    forced: ProjectGroup | None = None

    def add(self, other: "Group") -> None:
        self.docs.extend(other.docs)
        self.ids |= other.ids
        self.folders |= other.folders

    @property
    def managers(self) -> set[str]:
        return {person_key(_identity(d, "manager")) for d in self.docs} - {""}


def _identity(doc: Doc, key: str) -> str:
    found = doc.value("identity", key)
    if found:
        return str(found["value"])
    return str((doc.entry.get("project") or {}).get(key) or "")


def group(docs: list[Doc], forced: Iterable[tuple[Doc, ProjectGroup]] = ()) -> list[Group]:
    """The documents as projects (see the module's docstring), each group's documents in input order."""
    order = {id(d): n for n, d in enumerate(docs)}
    groups: list[Group] = []
    by_forced: dict[str, Group] = {}
    forced_docs: set[int] = set()
    for doc, rule in forced:
        g = by_forced.setdefault(rule.key, Group(forced=rule))
        g.docs.append(doc)
        forced_docs.add(id(doc))
    groups.extend(by_forced.values())

    loose = [d for d in docs if id(d) not in forced_docs]
    by_id: dict[str, Group] = {}
    named: list[tuple[str, Group]] = []
    anonymous: list[Doc] = []
    for doc in loose:
        pid = normalize_id(_identity(doc, "id"))
        name = normalize_name(_identity(doc, "name"))
        if pid:
            g = by_id.get(pid)
            if g is None:
                g = by_id[pid] = Group(ids={pid})
                groups.append(g)
            g.docs.append(doc)
            g.folders.add(doc.folder)
            if name:
                named.append((name, g))
        elif name:
            g = Group(docs=[doc], folders={doc.folder})
            groups.append(g)
            named.append((name, g))
        else:
            anonymous.append(doc)

    groups = _merge_by_name(groups, named)
    _place_anonymous(groups, anonymous)
    for g in groups:
        g.docs.sort(key=lambda d: order[id(d)])
    groups.sort(key=lambda g: order[id(g.docs[0])])
    return [g for g in groups if g.docs]


def _merge_by_name(groups: list[Group], named: list[tuple[str, Group]]) -> list[Group]:
    parent = {id(g): g for g in groups}

    def find(g: Group) -> Group:
        while parent[id(g)] is not g:
            g = parent[id(g)]
        return g

    distinct: dict[str, list[Group]] = {}
    for name, g in named:
        distinct.setdefault(name, []).append(g)
    names = list(distinct)
    pairs = [(a, a) for a in names] + [(a, b) for i, a in enumerate(names) for b in names[i + 1:] if names_match(a, b)]
    for a, b in pairs:
        for ga in distinct[a]:
            for gb in distinct[b]:
                ra, rb = find(ga), find(gb)
                if ra is rb or not _compatible(ra, rb):
                    continue
                ra.add(rb)
                rb.docs, rb.ids, rb.folders = [], set(), set()
                parent[id(rb)] = ra
    return [g for g in groups if find(g) is g]


def _compatible(a: Group, b: Group) -> bool:
    """Two groups with matching names are one project, unless they carry different ids: then only when
    they share one folder and one of them is a single document among several of the other (a mistyped
    or mis-filed id, which XD-01 reports) — a folder of single documents, each with its own id, holds
    that many projects."""
    if a.forced is not None or b.forced is not None:
        return False
    if len(a.folders | b.folders) > 1 and a.managers and b.managers and not a.managers & b.managers:
        return False  # one name in two folders, each run by another manager: two projects of one name
    if not a.ids or not b.ids or a.ids & b.ids:
        return True
    return len(a.folders | b.folders) == 1 and min(len(a.docs), len(b.docs)) == 1 < max(len(a.docs), len(b.docs))


def _place_anonymous(groups: list[Group], docs: list[Doc]) -> None:
    by_folder: dict[str, list[Group]] = {}
    for g in groups:
        for folder in g.folders or {d.folder for d in g.docs}:
            by_folder.setdefault(folder, []).append(g)
    own: dict[str, Group] = {}
    for doc in docs:
        candidates = [g for g in by_folder.get(doc.folder, []) if g.forced is None]
        target = candidates[0] if len(candidates) == 1 else _by_file_name(doc, candidates)
        if target is None:
            target = own.get(doc.folder)
            if target is None:
                target = own[doc.folder] = Group(folders={doc.folder})
                groups.append(target)
        target.docs.append(doc)


def _by_file_name(doc: Doc, candidates: list[Group]) -> Group | None:
    """Among several projects of a folder, the one whose name the file's name carries."""
    stem = normalize_name(nfkc(os.path.splitext(os.path.basename(doc.path))[0]))
    best, score = None, 0.0
    for g in candidates:
        for name in {normalize_name(_identity(d, "name")) for d in g.docs} - {""}:
            s = fuzz.partial_ratio(name, stem) if len(name) >= 3 else 0.0
            if s > score:
                best, score = g, s
    return best if score >= 85 else None


def key_and_name(g: Group) -> tuple[str, str | None]:
    """The project's key (its most common id, else name, else folder) and name."""
    if g.forced is not None:
        return g.forced.key, g.forced.name or _most_common(_identity(d, "name") for d in g.docs)
    name = _most_common(_identity(d, "name") for d in g.docs)
    key = _most_common(_identity(d, "id") for d in g.docs) or name
    return key or (sorted(g.folders or {d.folder for d in g.docs})[0] or "."), name


def _most_common(values: Iterable[str]) -> str | None:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None
