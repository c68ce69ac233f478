"""One document as the analysis and the rules see it: the model plus what the engine worked out."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from checker.lexicon.vocabulary import Vocabulary
from checker.model.document import Document


@dataclass
class Context:
    """One document as the rules see it: the model plus what the engine already worked out."""

    doc: Document
    doc_type: str
    language: str  # en | zh | mixed; messages use zh only for zh
    today: date
    vocab: Vocabulary  # the configuration's words and matchers (checker.lexicon.vocabulary)
    cache: dict[str, Any] = field(default_factory=dict)  # derived data shared between rules of a document
    profile: str | None = None  # pmbok | prince2 | cn_pmo from pmo-check.toml (standard §0), None: not set
    size: str = "medium"  # small | medium | large
    locale: str | None = None  # e.g. zh-CN, en-US: resolves dd/mm vs mm/dd (checker.config.settings.day_first)
    nlp_models: tuple[tuple[str, str], ...] = ()  # [nlp] of pmo-check.toml: pretrained spaCy pipelines (checker.nlp)

    # The readers' language (checker.text.language.message_language): Chinese for a `mixed` document
    # whose text is mostly Chinese.
    message_language: str = "en"

    def memo(self, key: str, compute: Any) -> Any:
        """Compute a derived view of the document once, however many rules ask for it."""
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]

    def release(self) -> None:
        """Forget the derived views once the rules are done. A view may hold the context (a lazy value's
        closure): a reference cycle that only the cyclic collector frees, so the whole model would stay
        alive until the collector, paused during a check (checker.core.gc_pause), walks it."""
        self.cache.clear()
