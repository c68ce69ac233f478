"""Stage gates G0–G4 (standard §5): the shipped definitions in rules/gates.yaml, tailored by
organisation packs (`gates:`) and pmo-check.toml (`[gates.G2]`), resolved for a profile and a size.

A gate requires documents in a state and names exit criteria (rule ids). Tailoring changes a gate
key by key: a document type set to `false` is no longer required, a document type given a mapping
replaces its requirement, `exit_criteria` replaces the list, `name` the name.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Mapping

import yaml

from checker.core import yamlio
from checker.core.errors import ConfigError, PackError
from checker.core.resources import rules_folder
from checker.kinds.spec import Text

GATE_IDS = ("G0", "G1", "G2", "G3", "G4")
STATES = ("submitted", "completed", "current", "populated", "approved", "signed", "baselined", "final")
_GATE_KEYS = ("name", "required_docs", "exit_criteria")
_DOC_KEYS = ("state", "profiles", "sizes", "satisfied_by", "note")


@dataclass(frozen=True)
class Requirement:
    """A document type a gate requires, in a state (`satisfied_by`: types that stand in for it)."""

    doc_type: str
    state: str
    satisfied_by: tuple[str, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class Gate:
    id: str
    name: Text
    required: tuple[Requirement, ...]
    exit_criteria: tuple[str, ...]


@lru_cache(maxsize=1)
def shipped() -> Mapping[str, Any]:
    """The `gates:` of rules/gates.yaml, validated."""
    try:
        with (rules_folder() / "gates.yaml").open(encoding="utf-8") as fh:
            data = yamlio.safe_load(fh) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise PackError(f"gates.yaml: {exc}") from None
    try:
        gates = validate(data.get("gates") or {}, "gates.yaml: gates")
    except ConfigError as exc:
        raise PackError(str(exc)) from None
    missing = [g for g in GATE_IDS if g not in gates]
    if missing:
        raise PackError(f"gates.yaml: gates {', '.join(missing)} are not defined")
    return gates


def validate(raw: Any, where: str) -> dict[str, Any]:
    """A `gates:` mapping (shipped, organisation pack or pmo-check.toml), checked; ConfigError names the key."""
    from checker.lexicon.files import shipped as lexicon

    types = set(lexicon("doctypes"))
    if not isinstance(raw, Mapping):
        raise ConfigError(f"{where} must map gate ids (G0…G4) to their requirements")
    out: dict[str, Any] = {}
    for gate, entry in raw.items():
        what = f"{where}.{gate}"
        if gate not in GATE_IDS:
            raise ConfigError(f"{where}: {gate!r} is not a gate (gates: {', '.join(GATE_IDS)})")
        if not isinstance(entry, Mapping):
            raise ConfigError(f"{what} must be a table (name, required_docs, exit_criteria)")
        unknown = [k for k in entry if k not in _GATE_KEYS]
        if unknown:
            raise ConfigError(f"{what}: unknown key(s) {', '.join(map(repr, unknown))} (allowed: {', '.join(_GATE_KEYS)})")
        clean: dict[str, Any] = {}
        if "name" in entry:
            name = entry["name"]
            if not (isinstance(name, str) or (isinstance(name, Mapping) and isinstance(name.get("en"), str))):
                raise ConfigError(f"{what}.name must be a text or {{en, zh}}")
            clean["name"] = dict(name) if isinstance(name, Mapping) else {"en": name}
        if "exit_criteria" in entry:
            criteria = entry["exit_criteria"]
            if not isinstance(criteria, list) or not all(isinstance(c, str) and c.strip() for c in criteria):
                raise ConfigError(f"{what}.exit_criteria must be a list of rule ids")
            clean["exit_criteria"] = [c.strip().upper() for c in criteria]
        docs = entry.get("required_docs", {})
        if not isinstance(docs, Mapping):
            raise ConfigError(f"{what}.required_docs must map document types to {{state = …}} (or false)")
        clean_docs: dict[str, Any] = {}
        for doc_type, req in docs.items():
            at = f"{what}.required_docs.{doc_type}"
            if doc_type not in types:
                raise ConfigError(f"{at}: {doc_type!r} is not a document type (CHARTER, RISK_REGISTER, …)")
            if req is False:
                clean_docs[doc_type] = False
                continue
            if not isinstance(req, Mapping):
                raise ConfigError(f"{at} must be {{state = …}} or false")
            bad = [k for k in req if k not in _DOC_KEYS]
            if bad:
                raise ConfigError(f"{at}: unknown key(s) {', '.join(map(repr, bad))} (allowed: {', '.join(_DOC_KEYS)})")
            if req.get("state") not in STATES:
                raise ConfigError(f"{at}.state = {req.get('state')!r}; use one of {', '.join(STATES)}")
            for key in ("profiles", "sizes", "satisfied_by"):
                value = req.get(key, [])
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    raise ConfigError(f"{at}.{key} must be a list")
            clean_docs[doc_type] = dict(req)
        if docs:
            clean["required_docs"] = clean_docs
        out[gate] = clean
    return out


def merge(base: dict[str, Any], overlay: Mapping[str, Any]) -> dict[str, Any]:
    """`overlay` (validated) onto `base`, a copy: per document type, exit criteria and name replaced."""
    out = copy.deepcopy(base)
    for gate, entry in overlay.items():
        target = out.setdefault(gate, {"required_docs": {}, "exit_criteria": []})
        if "name" in entry:
            target["name"] = entry["name"]
        if "exit_criteria" in entry:
            target["exit_criteria"] = list(entry["exit_criteria"])
        docs = target.setdefault("required_docs", {})
        for doc_type, req in (entry.get("required_docs") or {}).items():
            docs[doc_type] = req
    return out


def resolve(raw: Mapping[str, Any], profile: str | None, size: str,
            profile_types: frozenset[str] | None) -> dict[str, Gate]:
    """The gates for a profile and a size: requirements limited to them (and to the types the profile uses)."""
    out: dict[str, Gate] = {}
    for gate in GATE_IDS:
        entry = raw.get(gate) or {}
        required = []
        for doc_type, req in (entry.get("required_docs") or {}).items():
            if req is False:
                continue
            if req.get("profiles") and profile not in req["profiles"]:
                continue
            if req.get("sizes") and size not in req["sizes"]:
                continue
            if profile_types is not None and doc_type not in profile_types:
                continue
            required.append(Requirement(doc_type, req["state"], tuple(req.get("satisfied_by") or ()), req.get("note")))
        name = entry.get("name") or {"en": gate}
        out[gate] = Gate(gate, Text(name["en"], name.get("zh") or name["en"]), tuple(required),
                         tuple(entry.get("exit_criteria") or ()))
    return out
