"""Document version numbers compared as numbers: V1.10 > V1.9, '1.0 draft' is 1.0, 第2版 is 2."""
from __future__ import annotations

import re

from checker.text.normalize import nfkc

_VERSION = re.compile(r"(\d+(?:\.\d+){0,3})")


def parse_version(text: str) -> tuple[int, ...] | None:
    m = _VERSION.search(nfkc(text or ""))
    if not m:
        return None
    parts = tuple(int(p) for p in m.group(1).split("."))
    while len(parts) > 1 and parts[-1] == 0:
        parts = parts[:-1]
    return parts
