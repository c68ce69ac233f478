"""A rule as a pack declares it: id, kind, severity, bilingual texts, applicability and parameters."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from checker.core.errors import PackError
from checker.core.findings import SEVERITIES


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
    source: str = ""  # the pack file the rule comes from
    variants: dict[str, Text] = field(default_factory=dict)  # other messages a kind may need

    def text_for(self, variant: str | None) -> Text:
        return self.variants[variant] if variant else self.message


def rule_spec(raw: dict[str, Any], pack: str, pack_applies: tuple[str, ...] | None, source: str = "") -> RuleSpec:
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
        source=source,
        variants={k: Text.of(v, f"{pack}/{rid} messages.{k}") for k, v in (raw.get("messages") or {}).items()},
    )
