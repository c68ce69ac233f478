"""What `pmo-check rules` (and `GET /api/v1/rules`) says about rules: one row per rule of a tailoring,
the trace of a rule to its code (`--where`), and the explanation of one rule (`rules RR-16`).

Rows and explanations are plain dicts (the JSON output); checker/cli/rules.py renders them as text.
"""
from __future__ import annotations

import fnmatch
import inspect
import json
import os
from typing import Any, Iterable

from checker.report.catalogue import RuleInfo, catalogue

# How a finding is waived inside the document, in a Word comment or an Excel cell note (docs/configuration.md).
DIRECTIVE = "pmo-check: ignore {id} -- reason"


def id_key(rule_id: str) -> tuple[str, int, str]:
    """Sort key of a rule id: prefix, then number (COM-2 before COM-10), then the id itself."""
    prefix, _, number = rule_id.rpartition("-")
    return (prefix, int(number), rule_id) if number.isdigit() else (rule_id, 0, rule_id)


def doc_types() -> tuple[str, ...]:
    """The document types of the standard (what `--doc-type` accepts), in the standard's order."""
    from checker.lexicon.files import shipped

    return tuple(shipped("doctypes"))


def _specs(tailored: Any) -> Iterable[tuple[bool, Any]]:
    for on, group in ((True, tailored.specs), (False, tailored.disabled)):
        for spec in group:
            yield on, spec


def rule_rows(tailored: Any, doc_type: str | None = None) -> list[dict[str, Any]]:
    """Every rule of `tailored` (disabled ones marked `"enabled": false`) and the waiver rules, sorted
    by id; with `doc_type`, only those that apply to it. Each row has the rule's texts in English and
    Chinese (title, message, suggestion) and the standard's rationale."""
    from checker.config import waivers

    info = catalogue(tailored)
    rows = [_row(info[s.id], s.kind, s.message.en, s.message.zh, s.pack, on) for on, s in _specs(tailored)
            if not doc_type or s.applies_to is None or doc_type in s.applies_to]
    rows += [_row(info[r["id"]], r["kind"], None, None, None, True) for r in waivers.RULES]
    return sorted(rows, key=lambda r: id_key(r["id"]))


def _row(rule: RuleInfo, kind: str, message_en: str | None, message_zh: str | None, pack: str | None,
         enabled: bool) -> dict[str, Any]:
    return {"id": rule.id, "doc_types": list(rule.doc_types) if rule.doc_types else ["ALL"],
            "severity": rule.severity, "automation": rule.automation, "kind": kind,
            "title": {"en": rule.title.en, "zh": rule.title.zh},
            "message": {"en": message_en, "zh": message_zh} if message_en else None,
            "suggestion": {"en": rule.suggestion.en, "zh": rule.suggestion.zh} if rule.suggestion else None,
            "rationale": rule.rationale.en if rule.rationale else None,
            **({"pack": pack} if pack else {}), "enabled": enabled}


def matching(tailored: Any, pattern: str) -> list[dict[str, Any]]:
    """The trace of every rule whose id matches `pattern` (an id or a glob), sorted by id."""
    from checker.config import waivers

    pattern = pattern.upper()
    found = [trace(s, on) for on, s in _specs(tailored) if fnmatch.fnmatchcase(s.id, pattern)]
    found += [_engine_rule(r) for r in waivers.RULES if fnmatch.fnmatchcase(r["id"], pattern)]
    return sorted(found, key=lambda r: id_key(r["id"]))


def trace(spec: Any, enabled: bool = True) -> dict[str, Any]:
    """Rule `spec` traced to its code: pack file and line, kind class and module, params."""
    from checker.config.packs import rule_line
    from checker.kinds import registry
    from checker.kinds.params import describe

    kind = registry.kind(spec.kind)
    effective = kind.Params.model_validate(spec.params).model_dump(mode="json", exclude_none=True)
    params = [{"name": p.name, "value": effective.get(p.name), "default": p.default, "type": p.type,
               **({"required": True} if p.required else {}), "description": p.description}
              for p in describe(kind.Params)]
    return {"id": spec.id, "severity": spec.severity, "enabled": enabled,
            "doc_types": list(spec.applies_to) if spec.applies_to else ["ALL"],
            "title": {"en": spec.title.en, "zh": spec.title.zh},
            "pack": {"name": spec.pack, "file": shown(spec.source), "line": rule_line(spec.source, spec.id)},
            "kind": {"name": spec.kind, "module": kind.__module__, "class": kind.__qualname__,
                     "file": shown(inspect.getsourcefile(kind) or ""), "line": inspect.getsourcelines(kind)[1]},
            "params": params}


def _engine_rule(rule: dict[str, Any]) -> dict[str, Any]:
    """SUP-01/SUP-02: findings of the waiver machinery itself, not of a pack."""
    from checker.config import waivers

    return {"id": rule["id"], "severity": rule["severity"], "enabled": True, "doc_types": ["ALL"],
            "title": dict(rule["title"]), "pack": None,
            "kind": {"name": rule["kind"], "module": waivers.__name__, "class": None,
                     "file": shown(waivers.__file__ or ""), "line": None},
            "params": []}


def explain(tailored: Any, traced: dict[str, Any]) -> dict[str, Any]:
    """One rule explained (`pmo-check rules RR-16`): its trace, what it checks and reports, why, how
    to fix it, and how to tailor or waive it (pmo-check.toml lines, the in-document directive)."""
    info = catalogue(tailored)[traced["id"]]
    spec = next((s for _, s in _specs(tailored) if s.id == traced["id"]), None)
    judgement = info.automation == "J"
    return {**traced, "automation": info.automation,
            "check": info.check.en if info.check else None,
            "message": {"en": spec.message.en, "zh": spec.message.zh} if spec else None,
            "suggestion": {"en": info.suggestion.en, "zh": info.suggestion.zh} if info.suggestion else None,
            "rationale": info.rationale.en if info.rationale else None,
            "tailor": _tailoring_lines(traced, judgement) if traced["pack"] else [],
            "waive": {"config": ["[[suppress]]", f'rule = "{traced["id"]}"',
                                 'path = "archive/*"            # optional: the documents it covers (default: all)',
                                 'reason = "why it does not apply here"',
                                 "expires = 2027-01-31          # the last day it holds",
                                 'approved_by = "who agreed to it"'],
                      "directive": DIRECTIVE.format(id=traced["id"]),
                      "command_line": f"--ignore {traced['id']}"}}


def set_params(traced: dict[str, Any]) -> list[dict[str, Any]]:
    """The parameters the pack or the configuration sets (the others keep their defaults)."""
    return [p for p in traced["params"] if p["value"] != p["default"]]


def _tailoring_lines(traced: dict[str, Any], judgement: bool) -> list[str]:
    """pmo-check.toml lines that tailor the rule: its severity (not for a judgement rule), on/off, and
    the params it has now, one per line (edit a value)."""
    rid = traced["id"]
    lines = [f'[rules."{rid}"]']
    if not judgement:
        lines.append(f'severity = "{traced["severity"]}"')
    lines.append("enabled = true")
    params = set_params(traced)
    if params:
        lines.append(f'[rules."{rid}".params]')
        lines += [f"{_key(p['name'])} = {toml_inline(p['value'])}" for p in params]
    return lines


def toml_inline(value: Any) -> str:
    """`value` (JSON-like) as a TOML inline value."""
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_key(k)} = {toml_inline(v)}" for k, v in value.items() if v is not None) + " }"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_inline(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return json.dumps(str(value), ensure_ascii=False)


def _key(key: Any) -> str:
    text = str(key)
    return text if text.replace("_", "").replace("-", "").isalnum() and text.isascii() else json.dumps(text)


def shown(path: str) -> str:
    """A path relative to the current folder when it is inside it (as a user would open it)."""
    if not path:
        return ""
    rel = os.path.relpath(path)
    return rel if not rel.startswith("..") else os.path.abspath(path)
