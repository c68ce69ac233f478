"""The standard's vocabulary files (`rules/lexicons/*.yaml`): document-type names, section, field and
column synonyms, as shipped. The words live in YAML so that a PMO can read and extend them; a
configuration's extra synonyms are merged in by `checker.lexicon.vocabulary`, never here."""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Mapping

from checker.core import yamlio
from checker.core.resources import rules_folder

NAMES = ("doctypes", "common", "section_synonyms", "nlp")  # nlp: the text helpers' words (checker.nlp)


@lru_cache(maxsize=None)
def shipped(name: str) -> Mapping[str, Any]:
    """One lexicon file, `rules/lexicons/<name>.yaml`, parsed once per process. Never mutate it."""
    with (rules_folder() / "lexicons" / f"{name}.yaml").open(encoding="utf-8") as fh:
        return yamlio.safe_load(fh) or {}


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
