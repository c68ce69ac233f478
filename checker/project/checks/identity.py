"""XD-01 project identity (id, name, sponsor, manager the same in every document) and XD-10 people
(owners in the registers are people or groups the stakeholder register knows)."""
from __future__ import annotations

import re
from typing import Any, Iterable

from rapidfuzz import fuzz

from checker.project.checks.common import Inconsistency, evidence, joined, located, unique, words
from checker.project.model import Project
from checker.project.names import core_name, normalize_id, person_key

_FIELDS = {"id": ("project ID", "项目编号"), "name": ("project name", "项目名称"),
           "sponsor": ("sponsor", "项目发起人"), "manager": ("project manager", "项目经理")}
_NORMALISE = {"id": normalize_id, "name": core_name, "sponsor": person_key, "manager": person_key}


def identity(project: Project, params: Any) -> Iterable[Inconsistency]:
    """One inconsistency per identity field whose normalised values differ between documents."""
    for key, (en, zh) in _FIELDS.items():
        seen: dict[str, list] = {}
        for doc in project.current:
            found = doc.value("identity", key)
            if found and str(found["value"]).strip():
                seen.setdefault(_NORMALISE[key](str(found["value"])), []).append((doc, found))
        seen.pop("", None)
        if len(seen) < 2:
            continue
        shown = list(unique(str(found["value"]) for group in seen.values() for _, found in group))
        yield Inconsistency([located(doc, found) for group in seen.values() for doc, found in group],
                            {"field": words(project.language, en, zh), "values": joined(shown, project.language),
                             "count": len(seen)})


def people(project: Project, params: Any) -> Iterable[Inconsistency]:
    """Risk and issue owners that neither the stakeholder register nor the charter's people name."""
    registers = project.of("STAKEHOLDER_REGISTER")
    if not registers:
        return
    known: list[str] = []
    for doc in registers:
        for row in doc.part("stakeholders") or []:
            known.extend(person_key(v) for v in (row.get("name"), row.get("role")) if v)
    for doc in project.current:
        for key in ("sponsor", "manager"):
            found = doc.value("identity", key)
            if found:
                known.append(person_key(str(found["value"])))
        for approver in (doc.part("signoff") or {}).get("approvers") or []:
            if approver.get("name"):
                known.append(person_key(approver["name"]))
    known = [k for k in set(known) if k]
    unknown: dict[str, list[dict[str, Any]]] = {}
    for doc in project.of("RISK_REGISTER", "ISSUE_REGISTER"):
        for part in ("risks", "issues"):
            for row in doc.rows(part):
                owner = row.get("owner")
                if not owner or not row.get("key") or re.search(r"[\d:：]", owner):
                    continue  # a row without an id, or a number in the owner: a legend or total row, not an entry
                names = [n for n in _split(owner) if n]
                for name in names:
                    if not _known(person_key(name), known, params.similarity):
                        unknown.setdefault(name, []).append(evidence(doc, row.get("location"), f"{row['id']}: {owner}"))
    if unknown:
        yield Inconsistency([e for items in unknown.values() for e in items[:3]],
                            {"names": joined(list(unknown)[:10], project.language), "count": len(unknown)})


def _split(owner: str) -> list[str]:
    return [p.strip() for p in re.split(r"\s*(?:[,;/、，；&＆+]|\band\b|和|及|与)\s*", owner) if p.strip()]


def _known(name: str, known: list[str], threshold: int) -> bool:
    if not name:
        return True
    return any(name == k or (len(name) >= 2 and (name in k or k in name)) or fuzz.ratio(name, k) >= max(threshold, 90)
               for k in known)
