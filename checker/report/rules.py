"""The rule list (`pmo-check rules --format json`, `GET /api/v1/rules`): one row per rule of a tailoring."""
from __future__ import annotations

from typing import Any


def rule_rows(tailored: Any, doc_type: str | None = None) -> list[dict[str, Any]]:
    """Every rule of `tailored` (enabled ones first, then disabled ones marked so) and the waiver
    rules; with `doc_type`, only those that apply to it."""
    from checker.config import waivers

    wanted = lambda s: not doc_type or s.applies_to is None or doc_type in s.applies_to  # noqa: E731
    rows = [{"id": s.id, "doc_types": list(s.applies_to) if s.applies_to else ["ALL"], "severity": s.severity,
             "automation": s.automation, "kind": s.kind, "title": {"en": s.title.en, "zh": s.title.zh},
             **({"pack": s.pack} if s.pack else {}), **({} if on else {"enabled": False})}
            for on, group in ((True, tailored.specs), (False, tailored.disabled)) for s in group if wanted(s)]
    rows += [{**r, "doc_types": ["ALL"], "title": dict(r["title"])} for r in waivers.RULES]
    return rows
