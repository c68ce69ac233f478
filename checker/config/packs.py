"""Rule packs: YAML files in `rules/` that instantiate rule kinds with the standard's ids.

A pack says which document types it covers; each rule names its kind, severity, bilingual title,
message and suggestion, and the kind's parameters, which must be valid for the kind (its `Params`):
a pack with an unknown kind or a bad parameter is a `PackError` that names the file, rule and key.
Kinds are built once per process (patterns compiled at load), then run on every document they apply to.
"""
from __future__ import annotations

from functools import lru_cache
from importlib.resources.abc import Traversable
from pathlib import Path

import yaml

from checker.core import yamlio
from checker.core.errors import PackError
from checker.core.resources import rules_folder
from checker.kinds import registry
from checker.kinds.params import parse
from checker.kinds.spec import RuleSpec, rule_spec


def load_pack(path: Path | Traversable) -> list[RuleSpec]:
    try:
        with path.open(encoding="utf-8") as fh:
            data = yamlio.safe_load(fh) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise PackError(f"{path.name}: {exc}") from None
    name = str(data.get("pack") or Path(path.name).stem)
    applies = data.get("applies_to")
    pack_applies = None if applies in (None, "all", "ALL") else tuple(applies)
    defaults = pack_defaults(data)
    specs = [rule_spec({**defaults, **r}, name, pack_applies, source=str(path)) for r in data.get("rules") or []]
    for spec in specs:
        kind = registry.kind(spec.kind)
        if kind is None:
            raise PackError(f"{path.name}: rule {spec.id}: unknown kind {spec.kind!r} (kinds: {', '.join(registry.names())})")
        parse(kind.Params, spec.params, f"{path.name}: rule {spec.id}", PackError)
    return specs


def pack_defaults(data: dict) -> dict:
    """What a pack says for all its rules unless a rule says otherwise: `documents`, `blank_template`."""
    return {k: data[k] for k in PACK_DEFAULTS if k in data}


PACK_DEFAULTS = ("documents", "blank_template")


@lru_cache(maxsize=None)
def builtin_specs() -> tuple[RuleSpec, ...]:
    """Every rule of the built-in packs, in pack-file order."""
    specs: list[RuleSpec] = []
    packs = (entry for entry in rules_folder().iterdir() if entry.name.endswith(".yaml") and entry.is_file())
    for path in sorted(packs, key=lambda entry: entry.name):
        specs.extend(load_pack(path))
    seen: set[str] = set()
    for spec in specs:
        if spec.id in seen:
            raise PackError(f"rule id {spec.id} is defined twice")
        seen.add(spec.id)
    return tuple(specs)


def rule_line(path: str, rule_id: str) -> int | None:
    """The line (1-based) where rule `rule_id` starts in the pack file `path`, for `rules --where`."""
    try:
        with open(path, encoding="utf-8") as fh:
            root = yaml.compose(fh, Loader=yaml.SafeLoader)
    except (OSError, yaml.YAMLError):
        return None
    if not isinstance(root, yaml.MappingNode):
        return None
    rules = next((v for k, v in root.value if k.value == "rules"), None)
    for item in rules.value if isinstance(rules, yaml.SequenceNode) else ():
        if isinstance(item, yaml.MappingNode) and any(k.value == "id" and v.value == rule_id for k, v in item.value):
            return item.start_mark.line + 1
    return None
