"""A rule as a pack declares it: id, kind, severity, bilingual texts, applicability and parameters."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from checker.core.errors import PackError
from checker.core.findings import SEVERITIES

# The keys of a rule in a pack (its params are the kind's: `Kind.Params`).
RULE_KEYS = ("id", "kind", "severity", "automation", "title", "message", "messages", "suggestion", "applies_to",
             "documents", "blank_template", "params")
AUTOMATION = ("A", "S", "J")  # deterministic, semi-automatic (NLP), judgement
# What a rule applies to besides document types (docs/applicability.md): every document, only the
# version-controlled ones (plans, charters, reports), or only records (status reports, forms, registers).
DOCUMENTS = ("all", "controlled", "records")
DEFAULT_VARIANT = "message"  # the name of a rule's main message in `blank_template`


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
    documents: str = "all"  # one of DOCUMENTS
    # On a blank template, the findings (by message variant) that still count: None all of them, ()
    # none (a template is empty by design); e.g. ("missing",): what the template itself lacks.
    blank_template: tuple[str, ...] | None = None
    pack: str = ""
    source: str = ""  # the pack file the rule comes from
    variants: dict[str, Text] = field(default_factory=dict)  # other messages a kind may need

    def text_for(self, variant: str | None) -> Text:
        return self.variants[variant] if variant else self.message


def rule_spec(raw: dict[str, Any], pack: str, pack_applies: tuple[str, ...] | None, source: str = "") -> RuleSpec:
    rid = raw.get("id")
    if not rid:
        raise PackError(f"{pack}: a rule has no id")
    unknown = [k for k in raw if k not in RULE_KEYS]
    if unknown:
        raise PackError(f"{pack}/{rid}: unknown key(s) {', '.join(map(repr, unknown))} (allowed: {', '.join(RULE_KEYS)})")
    severity = raw.get("severity")
    if severity not in SEVERITIES:
        raise PackError(f"{pack}/{rid}: severity must be one of {', '.join(SEVERITIES)}")
    automation = str(raw.get("automation", "A"))
    if automation not in AUTOMATION:
        raise PackError(f"{pack}/{rid}: automation must be one of {', '.join(AUTOMATION)}")
    params = raw.get("params") or {}
    if not isinstance(params, dict):
        raise PackError(f"{pack}/{rid}: params must be a mapping")
    applies = raw.get("applies_to", pack_applies)
    documents = str(raw.get("documents", "all"))
    if documents not in DOCUMENTS:
        raise PackError(f"{pack}/{rid}: documents must be one of {', '.join(DOCUMENTS)}")
    variants = {k: Text.of(v, f"{pack}/{rid} messages.{k}") for k, v in (raw.get("messages") or {}).items()}
    return RuleSpec(
        id=str(rid),
        kind=str(raw.get("kind") or ""),
        severity=severity,
        automation=automation,
        title=Text.of(raw.get("title"), f"{pack}/{rid} title"),
        message=Text.of(raw.get("message"), f"{pack}/{rid} message"),
        suggestion=Text.of(raw["suggestion"], f"{pack}/{rid} suggestion") if raw.get("suggestion") else None,
        applies_to=None if applies in (None, "all", "ALL") else tuple(applies),
        params=dict(params),
        pack=pack,
        source=source,
        variants=variants,
        documents=documents,
        blank_template=blank_template(raw.get("blank_template", "all"), variants, f"{pack}/{rid}"),
    )


def blank_template(raw: Any, variants: dict[str, Text], where: str) -> tuple[str, ...] | None:
    """`all` (None), `none` (()) or the message variants that still count on a blank template."""
    if raw in ("all", None):
        return None
    if raw == "none":
        return ()
    names = [raw] if isinstance(raw, str) else raw
    known = {DEFAULT_VARIANT, *variants}
    if not isinstance(names, list) or any(n not in known for n in names):
        raise PackError(f"{where}: blank_template must be all, none or message variants of the rule "
                        f"({', '.join(sorted(known))})")
    return tuple(names)
