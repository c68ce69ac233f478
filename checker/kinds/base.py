"""What every rule kind shares: built once from its rule spec, run on a checked document."""
from __future__ import annotations

from typing import Any, ClassVar, Iterable

from checker.analysis.context import Context
from checker.analysis.template_state import document_state, nature_of
from checker.core.errors import PackError
from checker.core.findings import Finding
from checker.core.location import Location
from checker.kinds.params import KindParams, parse
from checker.kinds.spec import DEFAULT_VARIANT, RuleSpec
from checker.text.search import Search


class Kind:
    """Base of the rule kinds. Subclasses set `name`, declare their parameters as a nested
    `class Params(KindParams)` (none by default) and implement `check`."""

    name: ClassVar[str] = ""
    Params: ClassVar[type[KindParams]] = KindParams

    def __init__(self, spec: RuleSpec):
        self.spec = spec
        # The tailoring has validated these already, layer by layer, to name a bad value's source.
        self.params = parse(self.Params, spec.params, f"rule {spec.id}:", PackError)

    def applies(self, ctx: Context) -> bool:
        """Cheap pre-filter: the document type and the documents the pack says (controlled or records)
        first; kinds add their own conditions."""
        spec = self.spec
        if spec.applies_to is not None and ctx.doc_type not in spec.applies_to:
            return False
        if spec.documents == "all":
            return True
        return nature_of(ctx) == ("controlled" if spec.documents == "controlled" else "record")

    def wanted(self, ctx: Context, finding: Finding) -> bool:
        """On a blank template, only the findings the pack's `blank_template` names count."""
        keep = self.spec.blank_template
        if keep is None or document_state(ctx).state != "template":
            return True
        return (finding.variant or DEFAULT_VARIANT) in keep

    def check(self, ctx: Context) -> Iterable[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError

    def scans(self, ctx: Context) -> Iterable[Search]:
        """The literal searches `check` asks of the document's text inventory (checker.analysis.inventory),
        told to it before the rules run: a big document's texts are then joined once for all of them."""
        return ()

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
        return Finding(spec.id, severity or spec.severity, message, suggestion, location, spec.automation == "J",
                       variant=variant)

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
