"""YAML loading for packs, lexicons and configuration: libyaml's C parser when PyYAML has it.

`yaml.safe_load` is pure Python; the rule packs and lexicons take it over a second to parse, which
every `pmo-check` run pays before checking anything. `CSafeLoader` builds the same objects (safe
constructors only) about seven times faster. Errors are `yaml.YAMLError` either way.
"""
from __future__ import annotations

from typing import IO, Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(stream: str | bytes | IO[Any]) -> Any:
    """`yaml.safe_load`, with the C loader when available."""
    return yaml.load(stream, Loader=_LOADER)  # noqa: S506 - a safe loader, C or Python
