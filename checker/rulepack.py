"""Rule packs: YAML files in `rules/` that instantiate rule kinds with the standard's ids.

A pack says which document types it covers; each rule names its kind, severity, bilingual title,
message and suggestion, and the kind's parameters. Kinds are built once per process (patterns
compiled at load), then run on every document they apply to.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from checker import yamlio
from checker.findings import SEVERITIES
from checker.lexicon import RULES_DIR


class PackError(Exception):
    """A rule pack that cannot be used; the CLI reports it and exits 2."""


@dataclass(frozen=True)
class Text:
    en: str
    zh: str

    @classmethod
    def of(cls, value: Any, what: str) -> "Text":
        if isinstance(value, str):
            return cls(value, value)
        if not isinstance(value, dict) or not value.get("en"):
            raise PackError(f"{what}: needs an English text (and a Chinese one)")
        return cls(str(value["en"]), str(value.get("zh") or value["en"]))

    def get(self, language: str) -> str:
        return self.zh if language == "zh" else self.en


@dataclass(frozen=True)
class RuleSpec:
    id: str
    kind: str
    severity: str
    automation: str
    title: Text
    message: Text
    suggestion: Text | None
    applies_to: tuple[str, ...] | None  # None: every document type
    params: dict[str, Any] = field(default_factory=dict)
    pack: str = ""
    variants: dict[str, Text] = field(default_factory=dict)  # other messages a kind may need

    def text_for(self, variant: str | None) -> Text:
        return self.variants[variant] if variant else self.message


def _spec(raw: dict[str, Any], pack: str, pack_applies: tuple[str, ...] | None) -> RuleSpec:
    rid = raw.get("id")
    if not rid:
        raise PackError(f"{pack}: a rule has no id")
    severity = raw.get("severity")
    if severity not in SEVERITIES:
        raise PackError(f"{pack}/{rid}: severity must be one of {', '.join(SEVERITIES)}")
    applies = raw.get("applies_to", pack_applies)
    return RuleSpec(
        id=str(rid),
        kind=str(raw.get("kind") or ""),
        severity=severity,
        automation=str(raw.get("automation", "A")),
        title=Text.of(raw.get("title"), f"{pack}/{rid} title"),
        message=Text.of(raw.get("message"), f"{pack}/{rid} message"),
        suggestion=Text.of(raw["suggestion"], f"{pack}/{rid} suggestion") if raw.get("suggestion") else None,
        applies_to=None if applies in (None, "all", "ALL") else tuple(applies),
        params=dict(raw.get("params") or {}),
        pack=pack,
        variants={k: Text.of(v, f"{pack}/{rid} messages.{k}") for k, v in (raw.get("messages") or {}).items()},
    )


def load_pack(path: Path) -> list[RuleSpec]:
    try:
        with open(path, encoding="utf-8") as fh:
            data = yamlio.safe_load(fh) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise PackError(f"{path.name}: {exc}") from None
    name = str(data.get("pack") or path.stem)
    applies = data.get("applies_to")
    pack_applies = None if applies in (None, "all", "ALL") else tuple(applies)
    return [_spec(r, name, pack_applies) for r in data.get("rules") or []]


@lru_cache(maxsize=None)
def builtin_specs() -> tuple[RuleSpec, ...]:
    """Every rule of the built-in packs, in pack-file order."""
    specs: list[RuleSpec] = []
    for path in sorted(RULES_DIR.glob("*.yaml")):
        specs.extend(load_pack(path))
    seen: set[str] = set()
    for spec in specs:
        if spec.id in seen:
            raise PackError(f"rule id {spec.id} is defined twice")
        seen.add(spec.id)
    return tuple(specs)
