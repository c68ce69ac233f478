"""The standard's vocabulary files (`rules/lexicons/*.yaml`): document-type names, section, field and
column synonyms, loaded once. The words live in YAML so that a PMO can read and extend them."""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from typing import Any, Iterator, Mapping

from checker.core import yamlio
from checker.core.resources import rules_folder

LEXICON_DIR = rules_folder() / "lexicons"


@lru_cache(maxsize=None)
def _load_file(name: str) -> dict[str, Any]:
    with (LEXICON_DIR / f"{name}.yaml").open(encoding="utf-8") as fh:
        return yamlio.safe_load(fh) or {}


# Extra synonyms of a pmo-check.toml / organisation pack (checker.tailoring), active while one
# document is checked: (key, {lexicon name: merged lexicon}). Set with `overlay()`.
_OVERLAY: ContextVar[tuple[str, Mapping[str, dict[str, Any]]] | None] = ContextVar("pmo_check_lexicon", default=None)


def load(name: str) -> dict[str, Any]:
    """One lexicon file, `rules/lexicons/<name>.yaml`, parsed once per process (plus the active overlay)."""
    active = _OVERLAY.get()
    if active is not None and name in active[1]:
        return active[1][name]
    return _load_file(name)


load.cache_clear = _load_file.cache_clear  # type: ignore[attr-defined]


def overlay_key() -> str | None:
    """The key of the active overlay (None: the lexicon as shipped)."""
    active = _OVERLAY.get()
    return active[0] if active is not None else None


@contextmanager
def overlay(key: str | None, merged: Mapping[str, dict[str, Any]] | None) -> Iterator[None]:
    """Use `merged` lexicons (already merged with the shipped ones) instead of the files, in this context."""
    token = _OVERLAY.set((key, merged) if key is not None and merged else None)
    try:
        yield
    finally:
        _OVERLAY.reset(token)


def doc_types() -> dict[str, Any]:
    return load("doctypes")


def common() -> dict[str, Any]:
    return load("common")


def words(entry: Any) -> list[str]:
    """All synonyms of an entry written as `{en: [...], zh: [...]}`, a plain list, or a string."""
    if entry is None:
        return []
    if isinstance(entry, str):
        return [entry]
    if isinstance(entry, Mapping):
        out: list[str] = []
        for lang in ("en", "zh"):
            out.extend(str(w) for w in entry.get(lang) or [])
        return out
    return [str(w) for w in entry]
