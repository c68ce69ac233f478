"""The project view: documents given together, grouped into projects, checked against each other
(cross-document rules XD-*) and, on request, assessed for a stage gate (G0–G4).

`review(documents, config, gate=None) -> projects` takes the report's document entries with their
summaries (`checker.analysis.summary`, returned by the workers that checked them) and returns the
report's `projects` list. It never opens a document, so it reviews a folder just checked, the stored
entries of a SharePoint audit, or entries computed on a cluster alike. docs/project-view.md says what
it compares and how.
"""
from __future__ import annotations

import logging
import os
from datetime import date
from typing import Any, Iterable

from checker.config.governing import options as run_options
from checker.config.governing import tailoring_for
from checker.project import grouping, versions
from checker.project.model import Doc, Project

__all__ = ["review"]

log = logging.getLogger("pmo_check")


def review(documents: Iterable[dict[str, Any]], config: Any = None, *, gate: str | None = None) -> list[dict[str, Any]]:
    """The report's `projects` for these document entries (see the module's docstring).

    `config` is what `checker.check` takes (an Options, a dict, a pmo-check.toml path, None: each
    document's nearest pmo-check.toml). `gate` (G0…G4, default the options' `gate`) adds each
    project's `gate` block. Raises checker.ConfigError for an invalid configuration or gate.
    """
    from checker.config.gates import GATE_IDS
    from checker.core.errors import ConfigError

    options = run_options(config)
    gate = gate or options.gate
    if gate is not None and gate not in GATE_IDS:
        raise ConfigError(f"{gate!r} is not a gate (gates: {', '.join(GATE_IDS)})")
    # A file that is no Office document at all (a README beside the documents) belongs to no project.
    docs = [Doc(entry) for entry in documents if (entry.get("error") or {}).get("code") != "unsupported-format"]
    governing = _Governing(options)
    forced = [(doc, found) for doc in docs if (found := governing.forced(doc.path)) is not None]
    out = []
    keys: set[str] = set()
    for group in grouping.group(docs, forced):
        key, name = grouping.key_and_name(group)
        key = _unique(key, keys)
        tailored = governing.tailoring(group.docs[0].path)
        project = Project(key, group.docs, name, _language(group.docs), versions.lines(group.docs))
        try:
            out.append(_assess(project, tailored, gate, options.today or date.today()))
        except Exception as exc:  # noqa: BLE001 - a project the view cannot assess must not lose the report
            log.error("project %s could not be reviewed: %s: %s", key, type(exc).__name__, exc)
            out.append({"key": key, "documents": project.paths, "findings": []})
    return out


def _assess(project: Project, tailored: Any, gate: str | None, today: date) -> dict[str, Any]:
    from checker.kinds import registry
    from checker.project import findings as fmod
    from checker.project import gates
    from checker.project.checks import CROSS

    specs = [(spec, registry.kind(spec.kind).Params.model_validate(spec.params))
             for spec in tailored.specs if spec.kind in ("cross_document", "gate")]
    found = fmod.run(project, [(s, p) for s, p in specs if s.kind == "cross_document"], CROSS)
    if gate is not None:
        definition = tailored.gates[gate]
        criteria = set(definition.exit_criteria)
        gate_specs = [(s, p) for s, p in specs if s.kind == "gate" and (s.id in criteria or p.check == "required_documents")]
        missing, wrong = gates.required_documents(project, definition)
        for spec, params in gate_specs:
            if params.check == "required_documents":
                found.extend(fmod.finding(spec, w, project.language) for w in wrong)
        found.extend(fmod.run(project, [(s, p) for s, p in gate_specs if p.check != "required_documents"],
                              gates.GATE_CHECKS))
    fmod.waive(found, tailored, today)
    dicts = [f.to_dict() for f in found]
    result: dict[str, Any] = {"key": project.key, "documents": project.paths, "findings": dicts}
    if project.name and project.name != project.key:
        result["name"] = project.name
    if project.superseded:
        result["superseded"] = [d.path for d in project.superseded]
    if gate is not None:
        known = {s.id for s in tailored.specs}
        result["gate"] = gates.block(project, tailored.gates[gate], dicts, known)
    return result


class _Governing:
    """The tailoring that governs each document, looked up once per folder."""

    def __init__(self, options: Any):
        self.options = options
        self._by_folder: dict[str, Any] = {}

    def tailoring(self, path: str) -> Any:
        folder = os.path.dirname(os.path.abspath(path))
        found = self._by_folder.get(folder)
        if found is None:
            found = self._by_folder[folder] = tailoring_for(path, self.options)
        return found

    def forced(self, path: str) -> Any:
        return next((g for g in self.tailoring(path).projects if g.matches(path)), None)


def _language(docs: list[Doc]) -> str:
    languages = [d.language for d in docs if d.language]
    return "zh" if languages and sum(1 for lang in languages if lang == "zh") * 2 > len(languages) else "en"


def _unique(key: str, taken: set[str]) -> str:
    out, n = key, 2
    while out in taken:
        out, n = f"{key} ({n})", n + 1
    taken.add(out)
    return out
