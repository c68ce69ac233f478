"""From inconsistencies to the report's project findings: each rule's message in the project's
language, its severity as tailored, its evidence, and the configuration's waivers applied."""
from __future__ import annotations

import logging
from datetime import date
from typing import Any, Callable, Iterable

from checker.core.findings import Finding
from checker.kinds.spec import RuleSpec
from checker.project.checks import Inconsistency
from checker.project.model import Project

log = logging.getLogger("pmo_check")

MAX_EVIDENCE = 40  # a finding about a whole register lists at most this many items


class _Default(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def finding(spec: RuleSpec, found: Inconsistency, language: str) -> Finding:
    """The rule's finding for one inconsistency, in `language`."""
    args = _Default(found.args)
    text = spec.variants.get(found.variant) if found.variant else spec.message
    message = (text or spec.message).get(language).format_map(args)
    suggestion = spec.suggestion.get(language).format_map(args) if spec.suggestion else None
    return Finding(spec.id, spec.severity, message, suggestion, None, spec.automation == "J",
                   evidence=found.evidence[:MAX_EVIDENCE])


def run(project: Project, specs: Iterable[tuple[RuleSpec, Any]], checks: dict[str, Callable]) -> list[Finding]:
    """Every rule's findings on the project; a check that fails is logged and the others still run."""
    out: list[Finding] = []
    for spec, params in specs:
        check = checks.get(params.check)
        if check is None:
            continue
        try:
            out.extend(finding(spec, found, project.language) for found in check(project, params))
        except Exception as exc:  # noqa: BLE001 - one faulty check must not lose the other findings
            log.error("project %s: rule %s failed: %s: %s", project.key, spec.id, type(exc).__name__, exc)
    return out


def waive(findings: list[Finding], tailored: Any, today: date) -> None:
    """Mark the findings that a waiver of the configuration covers (its rule, and a path glob that
    matches one of the documents the finding names)."""
    for f in findings:
        paths = {e.get("path", "") for e in f.evidence}
        for w in tailored.waivers:
            if not w.matches_rule(f.rule) or today > w.expires:
                continue
            if w.path is None or any(w.matches_path(p, tailored.root) for p in paths):
                f.suppression = {"reason": w.reason, "approved_by": w.approved_by, "expires": w.expires.isoformat(),
                                 "source": "config"}
                break


def documents_of(finding: dict[str, Any]) -> list[str]:
    """The documents a project finding names, in evidence order."""
    out: list[str] = []
    for e in finding.get("evidence") or []:
        if e.get("path") and e["path"] not in out:
            out.append(e["path"])
    return out
