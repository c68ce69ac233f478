"""The two shapes every summary value takes: a value with the place it was read, and an id key.

A summary is plain JSON (it travels from worker processes, is stored by the audit and read back),
so a location is the contract's location dict, never a `Location` object.
"""
from __future__ import annotations

import re
from typing import Any

from checker.core.location import Location
from checker.text.normalize import nfkc

# What a register id, a change-request number or a cited reference looks like: a short upper-case
# prefix and a number ('CR-007', 'R-12', 'BG-004', 'RISK_3'). The letters may be glued to the digits.
ID = re.compile(r"(?<![A-Za-z0-9])([A-Z]{1,6})[-_]?(\d{1,6})(?![\d])")


def at(location: Location | None) -> dict[str, Any]:
    """The contract's location dict ({} when there is none)."""
    return location.to_dict() if location is not None else {}


def located(value: Any, location: Location | None, **extra: Any) -> dict[str, Any]:
    """`{"value": value, "location": {...}, **extra}`: a value with where it was read."""
    out: dict[str, Any] = {"value": value, "location": at(location)}
    out.update({k: v for k, v in extra.items() if v is not None})
    return out


def id_key(text: str) -> str | None:
    """The comparison key of an id: prefix and number, case, width, separators and leading zeros
    ignored ('cr-007', 'CR007' and 'ＣＲ－７' are all 'CR-7'); None when `text` holds no id."""
    m = ID.search(nfkc(text or "").upper())
    if m is None:
        return None
    return f"{m.group(1)}-{int(m.group(2))}"
