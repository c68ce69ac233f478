"""The vocabulary of one effective configuration: the shipped lexicons with its extra synonyms, and
every matcher derived from them.

A configuration (pmo-check.toml, organisation packs) may add synonyms; the service and the audit
check documents under many configurations at once, in threads. So nothing derived from the words is
kept in module-level caches: a `Vocabulary` is built once per configuration, never changes, and
holds what is derived from it (`@derived` functions, computed on first use and kept on the
object). Everything that matches labels receives the vocabulary explicitly — the readers as an
argument, the analysis and the rules through the rule context (`ctx.vocab`).
"""
from __future__ import annotations

import functools
import inspect
from typing import Any, Callable, Mapping, TypeVar

from checker.lexicon.files import NAMES, shipped

T = TypeVar("T")


class Vocabulary:
    """Immutable lexicons (`doctypes`, `common`, `section_synonyms`) plus the matchers derived from them."""

    __slots__ = ("key", "_lexicons", "_derived", "__weakref__")

    def __init__(self, key: str = "shipped", lexicons: Mapping[str, Mapping[str, Any]] | None = None):
        """`lexicons` replaces whole lexicon files (already merged with the shipped ones); the others
        are the shipped files. `key` names the configuration (for diagnostics only)."""
        self.key = key
        self._lexicons = {name: (lexicons or {}).get(name) or shipped(name) for name in NAMES}
        self._derived: dict[Any, Any] = {}

    def lexicon(self, name: str) -> Mapping[str, Any]:
        return self._lexicons[name]

    @property
    def doc_types(self) -> Mapping[str, Any]:
        return self._lexicons["doctypes"]

    @property
    def common(self) -> Mapping[str, Any]:
        return self._lexicons["common"]

    def type_spec(self, doc_type: str) -> Mapping[str, Any]:
        """The doctypes entry of one type (empty for an unknown one)."""
        return self._lexicons["doctypes"].get(doc_type) or {}

    def __repr__(self) -> str:
        return f"Vocabulary({self.key!r})"


@functools.lru_cache(maxsize=1)
def shipped_vocabulary() -> Vocabulary:
    """The vocabulary without any configuration (one per process: it depends on nothing)."""
    return Vocabulary()


# The @derived functions of the vocabulary alone or of the vocabulary and a document type (with True),
# in the order their modules were imported: what `prepare` builds. Code, not data: it depends on no
# configuration.
_PREPARED: list[tuple[Callable[..., Any], bool]] = []


def derived(fn: Callable[..., T]) -> Callable[..., T]:
    """`fn(vocab, *args)` computed once per vocabulary and arguments, and kept on the vocabulary.

    Two threads asking at once may both compute it; the value is the same and one is kept.
    """
    @functools.wraps(fn)
    def cached(vocab: Vocabulary, *args: Any) -> T:
        key = (cached, args)
        try:
            return vocab._derived[key]
        except KeyError:
            return vocab._derived.setdefault(key, fn(vocab, *args))

    params = list(inspect.signature(fn).parameters)
    if params[1:] in ([], ["doc_type"]):
        _PREPARED.append((cached, len(params) == 2))
    return cached


def prepare(vocab: Vocabulary) -> None:
    """Build every matcher derived from `vocab` alone, or from it and one document type (each type), in
    the modules imported so far.

    A worker calls it for the shipped vocabulary before its first document (`checker.run.worker`):
    the matchers a check would otherwise build on first use (~40 ms of CPU: synonym sets, the
    classifier's name table, compiled patterns) are then not part of any document's time budget.
    """
    for fn, per_type in list(_PREPARED):
        for args in ([(t,) for t in vocab.doc_types] if per_type else [()]):
            fn(vocab, *args)
