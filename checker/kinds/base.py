"""What every rule kind shares: built once from its rule spec, run on a checked document."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar, Iterable

from checker.findings import Finding
from checker.model import Document, Location
from checker.rulepack import RuleSpec


@dataclass
class Context:
    """One document as the rules see it: the model plus what the engine already worked out."""

    doc: Document
    doc_type: str
    language: str  # en | zh | mixed; messages use zh only for zh
    today: date
    cache: dict[str, Any] = field(default_factory=dict)  # derived data shared between rules of a document
    profile: str | None = None  # pmbok | prince2 | cn_pmo from pmo-check.toml (standard §0), None: not set
    size: str = "medium"  # small | medium | large
    locale: str | None = None  # e.g. zh-CN, en-US: resolves dd/mm vs mm/dd (checker.config.day_first)

    @property
    def message_language(self) -> str:
        return "zh" if self.language == "zh" else "en"

    def memo(self, key: str, compute: Any) -> Any:
        """Compute a derived view of the document once, however many rules ask for it."""
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]


class Kind:
    """Base of the rule kinds. Subclasses set `name` and implement `check`."""

    name: ClassVar[str] = ""

    def __init__(self, spec: RuleSpec):
        self.spec = spec
        self.params = spec.params

    def applies(self, ctx: Context) -> bool:
        """Cheap pre-filter: the document type first; kinds add their own conditions."""
        return self.spec.applies_to is None or ctx.doc_type in self.spec.applies_to

    def check(self, ctx: Context) -> Iterable[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError

    def finding(self, ctx: Context, location: Location | None, *, variant: str | None = None,
                severity: str | None = None, **args: Any) -> Finding:
        """A finding with this rule's id and its message (or a named variant) in the document's language."""
        lang = ctx.message_language
        try:
            message, suggestion = self._msg_templates[(variant, lang)]
        except (AttributeError, KeyError):
            message, suggestion = self._texts_for(variant, lang)
        if message.__class__ is not str:
            message = message.format_map(_Default(args))
        if suggestion is not None and suggestion.__class__ is not str:
            suggestion = suggestion.format_map(_Default(args))
        spec = self.spec
        return Finding(spec.id, severity or spec.severity, message, suggestion, location, spec.automation == "J")

    def _texts_for(self, variant: str | None, lang: str) -> tuple[Any, Any]:
        """The message and suggestion templates of (variant, language), looked up once per rule:
        a plain `str` needs no formatting, a `_Template` holds one that does."""
        if "_msg_templates" not in self.__dict__:
            self._msg_templates: dict[tuple[str | None, str], tuple[Any, Any]] = {}
        message = self.spec.text_for(variant).get(lang)
        suggestion = self.spec.suggestion.get(lang) if self.spec.suggestion else None
        out = (_template(message), _template(suggestion) if suggestion else None)
        self._msg_templates[(variant, lang)] = out
        return out


class _Default(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class _Template(str):
    """A message template with `{fields}` to fill (a plain `str` is used as is)."""

    __slots__ = ()


def _template(text: str) -> str:
    return _Template(text) if ("{" in text or "}" in text) else text
