"""JSON Schema of the rule packs and of `pmo-check.toml`, generated from the kinds' parameter models.

    python -m checker.config.schema            # writes rules/schemas/pack.schema.json and pmo-check.schema.json
    python -m checker.config.schema --check    # exit 1 when they are not current (a test runs this)

With them an editor's YAML or TOML language server checks a pack or a `pmo-check.toml` as it is typed.
`pack.schema.json` covers the built-in packs (`rules/*.yaml`), `rules/profiles.yaml` and organisation
packs: a pack's rules are a union discriminated on `kind`, each with its kind's `Params` (strict: what
the checker accepts in a pack). Where params are tailored — `[rules."ID"].params`, `overrides.ID.params`,
`profiles/sizes.<name>.params.ID`, `sizes.<size>.kinds.KIND` — the value is merged into the rule's
params (`tailoring.merge_params`: mappings merge key by key), so the schema there is the kind's model
with nothing required, plus the rule's shorthand keys (`days` for RR-16's `stale.days`). Plug-in kinds
are not in the schema (the checker accepts them); the checker's own validation is the reference.
"""
from __future__ import annotations

import argparse
import copy
import json
import sys
from functools import cached_property
from pathlib import Path
from typing import Any, Mapping, Optional

from pydantic import create_model

from checker.config.packs import builtin_specs
from checker.config.settings import PROFILES, SIZES
from checker.core.findings import SEVERITIES
from checker.core.resources import rules_folder
from checker.kinds import registry
from checker.kinds.spec import AUTOMATION, DOCUMENTS, RuleSpec

SCHEMAS = Path(str(rules_folder())) / "schemas"  # written in a checkout, where the folder is a path
DRAFT = "https://json-schema.org/draft/2020-12/schema"
RULE_ID = r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$"

_WORDS = {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
_TEXT = {"anyOf": [{"type": "string"},
                   {"type": "object", "required": ["en"], "additionalProperties": False,
                    "properties": {"en": {"type": "string"}, "zh": {"type": "string"}}}],
         "description": "a text, or {en, zh}"}
_APPLIES = {"anyOf": [{"enum": ["all", "ALL"]}, {"type": "array", "items": {"type": "string", "pattern": "^[A-Z_]+$"}}],
            "description": "document types (or all)"}
_DOCUMENTS = {"enum": list(DOCUMENTS), "default": "all",
              "description": "all documents, only controlled ones (plans, charters, reports) or only records "
                             "(status reports, minutes, forms, registers) (docs/applicability.md)"}
_BLANK_TEMPLATE = {"anyOf": [{"enum": ["all", "none"]}, {"type": "array", "items": {"type": "string"}}],
                   "default": "all", "description": "on a blank template: every finding, none, or only these "
                                                    "message variants (`message`: the main one)"}
_SYNONYMS = {"type": "object", "description": "extra words, the shape of rules/lexicons/*.yaml "
                                              "(TYPE.sections|columns|…, common.…): {en: [...], zh: [...]}"}


def _gates() -> dict[str, Any]:
    """`gates:` of rules/gates.yaml and organisation packs, `[gates]` of pmo-check.toml (checker.config.gates)."""
    from checker.config.gates import GATE_IDS, STATES

    required = {"type": "object", "additionalProperties": False, "required": ["state"], "properties": {
        "state": {"enum": list(STATES)},
        "profiles": {"type": "array", "items": {"enum": list(PROFILES)}, "description": "required only under these"},
        "sizes": {"type": "array", "items": {"enum": list(SIZES)}, "description": "required only for these sizes"},
        "satisfied_by": {"type": "array", "items": {"type": "string"}, "description": "types that stand in for it"},
        "note": {"type": "string"}}}
    gate = {"type": "object", "additionalProperties": False, "properties": {
        "name": _TEXT,
        "required_docs": {"type": "object", "description": "document type → requirement (false: not required)",
                          "additionalProperties": {"anyOf": [required, {"const": False}]}},
        "exit_criteria": {"type": "array", "items": {"type": "string", "pattern": RULE_ID},
                          "description": "rule ids that must not fail (replaces the list)"}}}
    return {"type": "object", "description": "stage gates G0–G4 (docs/project-view.md)",
            "propertyNames": {"enum": list(GATE_IDS)}, "additionalProperties": gate}


def pack_schema() -> dict[str, Any]:
    """The schema of a pack file: built-in, organisation pack, or rules/profiles.yaml."""
    params = _Params(builtin_specs())
    variants = [{"properties": {"kind": {"const": name}, "params": {"$ref": params.strict(name)}}}
                for name in registry.KINDS]
    rule = {"type": "object", "additionalProperties": False, "required": ["id", "kind", "severity", "title", "message"],
            "properties": {
                "id": {"type": "string", "pattern": RULE_ID},
                "kind": {"enum": list(registry.KINDS), "description": "the rule kind (checker/kinds/registry.py)"},
                "severity": {"enum": list(SEVERITIES)},
                "automation": {"enum": list(AUTOMATION), "default": "A",
                               "description": "A deterministic, S semi-automatic (NLP), J judgement"},
                "title": _TEXT, "message": _TEXT,
                "messages": {"type": "object", "additionalProperties": _TEXT, "description": "message variants"},
                "suggestion": _TEXT, "applies_to": _APPLIES, "documents": _DOCUMENTS, "blank_template": _BLANK_TEMPLATE,
                "params": {"type": "object", "description": "the kind's parameters (docs/configuration.md)"}},
            "oneOf": variants, "discriminator": {"propertyName": "kind"}}
    override = {"type": "object", "additionalProperties": False, "properties": {
        "severity": {"enum": list(SEVERITIES)}, "params": {"type": "object"}, "enabled": {"type": "boolean"},
        "applies_to": _APPLIES, "synonyms": {"type": "object", "description": "merged into the rule's `synonyms`"}}}
    tailoring = {"type": "object", "additionalProperties": False, "properties": {
        "doc_types": {"type": "array", "items": {"type": "string"}},
        "optional_doc_types": {"type": "array", "items": {"type": "string"}},
        "params": {"$ref": "#/$defs/rule_params"}}}
    size = copy.deepcopy(tailoring)
    del size["properties"]["doc_types"], size["properties"]["optional_doc_types"]
    size["properties"]["kinds"] = {"$ref": "#/$defs/kind_params"}
    schema = {
        "$schema": DRAFT, "title": "pmo-check rule pack",
        "description": "A rule pack (rules/*.yaml), an organisation pack ([check] packs) or rules/profiles.yaml.",
        "type": "object", "additionalProperties": False,
        "properties": {
            "pack": {"type": "string", "description": "the pack's name (default: the file name)"},
            "description": {"type": "string"},
            "extends": {**_WORDS, "description": "organisation pack: builtin, or the built-in packs it keeps"},
            "applies_to": _APPLIES,
            "documents": {**_DOCUMENTS, "description": "the default of the pack's rules"},
            "blank_template": {**_BLANK_TEMPLATE, "description": "the default of the pack's rules"},
            "overrides": {"type": "object", "description": "changes to existing rules, by id",
                          "properties": {rid: {"$ref": "#/$defs/override", "properties": {"params": {"$ref": ref}}}
                                         for rid, ref in params.tailored.items()},
                          "additionalProperties": {"$ref": "#/$defs/override"}},
            "disable": {**_WORDS, "description": "rule ids or globs switched off"},
            "rules": {"type": "array", "items": {"$ref": "#/$defs/rule"}},
            "synonyms": _SYNONYMS,
            "profiles": {"type": "object", "propertyNames": {"enum": list(PROFILES)}, "additionalProperties": tailoring},
            "sizes": {"type": "object", "propertyNames": {"enum": list(SIZES)}, "additionalProperties": size},
            "gates": _gates(),
        },
        "$defs": {"rule": rule, "override": override, **params.maps(), **params.defs},
    }
    return schema


def config_schema() -> dict[str, Any]:
    """The schema of a pmo-check.toml (TOML dates as JSON strings)."""
    params = _Params(builtin_specs())
    tailored = {"type": "object", "additionalProperties": False, "properties": {
        "severity": {"enum": list(SEVERITIES)}, "enabled": {"type": "boolean"},
        "params": {"type": "object", "description": "merged into the rule's params (docs/configuration.md)"}}}
    waiver = {"type": "object", "additionalProperties": False, "required": ["rule", "reason", "expires", "approved_by"],
              "properties": {"rule": {**_WORDS, "description": "rule ids or globs"},
                             "path": {"type": "string", "description": "glob relative to this file's folder"},
                             "reason": {"type": "string"},
                             "expires": {"type": "string", "format": "date", "description": "the last day it holds"},
                             "approved_by": {"type": "string"}}}
    return {
        "$schema": DRAFT, "title": "pmo-check.toml",
        "description": "How a PMO tailors pmo-check (docs/configuration.md).",
        "type": "object", "additionalProperties": False,
        "properties": {
            "check": {"type": "object", "additionalProperties": False, "properties": {
                "profile": {"enum": list(PROFILES)}, "size": {"enum": list(SIZES), "default": "medium"},
                "exclude": {"type": "array", "items": {"type": "string"}, "description": "globs of files not checked"},
                "locale": {"type": "string", "pattern": r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$"},
                "packs": {"type": "array", "items": {"type": "string"}, "description": "organisation packs"},
                "as_of": {"type": "string", "format": "date",
                          "description": "the check date ages are measured against (default: today)"}}},
            "rules": {"type": "object", "description": "per-rule tailoring; the key is a rule id or a glob",
                      "properties": {rid: {"$ref": "#/$defs/tailored", "properties": {"params": {"$ref": ref}}}
                                     for rid, ref in params.tailored.items()},
                      "additionalProperties": {"$ref": "#/$defs/tailored"}},
            "synonyms": _SYNONYMS,
            "suppress": {"type": "array", "items": {"$ref": "#/$defs/waiver"}},
            "gates": _gates(),
            "projects": {"type": "array", "description": "documents forced into projects (docs/project-view.md)",
                         "items": {"type": "object", "additionalProperties": False, "required": ["key", "paths"],
                                   "properties": {"key": {"type": "string", "minLength": 1},
                                                  "paths": {"type": "array", "items": {"type": "string"},
                                                            "description": "globs relative to this file's folder"},
                                                  "name": {"type": "string"}}}},
            "score": {"type": "object", "additionalProperties": False, "description": "score bands (docs/scoring.md)",
                      "properties": {"green": {"type": "number", "minimum": 0, "maximum": 100},
                                     "amber": {"type": "number", "minimum": 0, "maximum": 100}}},
            "nlp": {"type": "object", "additionalProperties": False,
                    "description": "installed pretrained spaCy pipelines used instead of the blank ones (never downloaded)",
                    "properties": {lang: {"type": "string"} for lang in ("en", "zh")}},
            "service": {"type": "object", "description": "the add-in service's settings (docs/service.md); "
                                                         "the environment overrides them"},
            "audit": {"type": "object", "description": "the bulk audit's settings (docs/audit.md); "
                                                       "the environment overrides them"},
        },
        "$defs": {"tailored": tailored, "waiver": waiver, **params.defs},
    }


class _Params:
    """The kinds' params schemas as `$defs`: strict ones (a pack's rule) and patches (tailoring)."""

    def __init__(self, specs: tuple[RuleSpec, ...]):
        self.specs = specs
        models = {name: (Optional[registry.kind(name).Params], None) for name in registry.KINDS}
        whole = create_model("AllParams", **models).model_json_schema(ref_template="#/$defs/{model}")
        rename = {old: ".".join(old.split("__")[-2:]) for old in whole.get("$defs", {}) if "__" in old}
        text = json.dumps(whole)
        for old, new in rename.items():  # checker__kinds__row_dates__RowDates__Params -> RowDates.Params
            text = text.replace(f'"#/$defs/{old}"', f'"#/$defs/{new}"')
        whole = json.loads(text)
        self.defs: dict[str, Any] = {rename.get(k, k): _untitled(v) for k, v in whole["$defs"].items()}
        self._strict = {name: next(s["$ref"] for s in prop["anyOf"] if "$ref" in s)
                        for name, prop in whole["properties"].items()}

    def strict(self, kind: str) -> str:
        return self._strict[kind]

    def patch(self, kind: str) -> str:
        return self._patch_ref(self._strict[kind])

    @cached_property
    def tailored(self) -> dict[str, str]:
        """Rule id -> the schema of its tailored params: the kind's patch, with the rule's shorthand keys."""
        out = {}
        for spec in self.specs:
            extra = self._shorthand(spec)
            if not extra:
                out[spec.id] = self.patch(spec.kind)
                continue
            name = f"{spec.id}.params"
            base = self.defs[self.patch(spec.kind).rsplit("/", 1)[1]]
            self.defs[name] = {**base, "properties": {**base["properties"], **extra},
                               "description": f"{spec.id}'s params; also {', '.join(extra)} (shorthand)"}
            out[spec.id] = f"#/$defs/{name}"
        return out

    def maps(self) -> dict[str, Any]:
        """`rule_params` (id -> tailored params) and `kind_params` (kind -> its patch)."""
        return {"rule_params": {"type": "object", "properties": {rid: {"$ref": ref} for rid, ref in self.tailored.items()},
                                "additionalProperties": {"type": "object"}},
                "kind_params": {"type": "object", "additionalProperties": False,
                                "properties": {name: {"$ref": self.patch(name)} for name in registry.KINDS}}}

    def _shorthand(self, spec: RuleSpec) -> dict[str, Any]:
        """Keys `merge_params` puts into the one mapping of the rule's params that has them."""
        holders: dict[str, list[str]] = {}
        for key, value in spec.params.items():
            if isinstance(value, Mapping):
                for inner in value:
                    holders.setdefault(str(inner), []).append(key)
        strict = self.defs[self._strict[spec.kind].rsplit("/", 1)[1]]
        out = {}
        for inner, keys in holders.items():
            if len(keys) == 1 and inner not in spec.params:
                member = self._member(strict["properties"].get(keys[0], {}), inner)
                if member is not None:
                    out[inner] = self._patched(member)
        return out

    def _member(self, schema: dict[str, Any], key: str) -> dict[str, Any] | None:
        """The schema of `key` inside an object schema (through $ref and `X | None`)."""
        for option in schema.get("anyOf", [schema]):
            if "$ref" in option:
                option = self.defs[option["$ref"].rsplit("/", 1)[1]]
            if key in option.get("properties", {}):
                return option["properties"][key]
            if isinstance(option.get("additionalProperties"), dict):
                return option["additionalProperties"]
        return None

    def _patch_ref(self, ref: str) -> str:
        name = ref.rsplit("/", 1)[1]
        patched = f"{name}.patch"
        if patched not in self.defs:
            self.defs[patched] = {}  # placeholder: a model may contain itself
            self.defs[patched] = self._patched(self.defs[name])
        return f"#/$defs/{patched}"

    def _patched(self, schema: dict[str, Any]) -> dict[str, Any]:
        """What a tailoring layer may give where `schema` is: objects merge (nothing required), lists and
        scalars replace (as they are)."""
        if "$ref" in schema:
            target = self.defs[schema["$ref"].rsplit("/", 1)[1]]
            return {**schema, "$ref": self._patch_ref(schema["$ref"])} if target.get("type") == "object" else schema
        if "anyOf" in schema:
            return {**schema, "anyOf": [self._patched(s) for s in schema["anyOf"]]}
        if schema.get("type") != "object":
            return schema
        out = {k: v for k, v in schema.items() if k != "required"}
        if "properties" in out:
            out["properties"] = {k: self._patched(v) for k, v in out["properties"].items()}
        if isinstance(out.get("additionalProperties"), dict):
            out["additionalProperties"] = self._patched(out["additionalProperties"])
        return out


def _untitled(schema: Any) -> Any:
    """The schema without pydantic's generated titles (the key says it)."""
    if isinstance(schema, dict):
        return {k: _untitled(v) for k, v in schema.items() if not (k == "title" and isinstance(v, str))}
    if isinstance(schema, list):
        return [_untitled(v) for v in schema]
    return schema


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=1, ensure_ascii=False) + "\n"


def outputs() -> dict[Path, str]:
    return {SCHEMAS / "pack.schema.json": render(pack_schema()),
            SCHEMAS / "pmo-check.schema.json": render(config_schema())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checker.config.schema", description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when a committed schema is not current")
    args = parser.parse_args(argv)
    stale = []
    for path, text in outputs().items():
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current == text:
            continue
        stale.append(path.name)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if args.check and stale:
        sys.stderr.write(f"out of date: {', '.join(stale)}; run python -m checker.config.schema\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
