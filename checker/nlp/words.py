"""The NLP lexicon of a vocabulary: each category's words and token patterns, and a cheap literal test.

The words are data (`rules/lexicons/nlp.yaml`, plus the standard's `common.vague_terms` and
`common.dates.vague`), extended per configuration through `[synonyms]`; so a category is derived
per vocabulary, never kept at module level. `Category.may_match` answers "could any of these words
be in this text?" from literal stems, without spaCy: a helper runs the pipeline only on texts that
pass it, so a document whose texts cannot match never loads spaCy or jieba.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping

from checker.lexicon.vocabulary import Vocabulary, derived

# Categories that live in the common lexicon (the standard's own lists), by the name the helpers use.
_COMMON = {"vague": ("vague_terms",), "vague_deadline": ("dates", "vague")}
# Categories read as plain word lists by a helper, never matched in texts (a surname is no word of its own).
WORD_LISTS = ("surname",)
_CJK = re.compile(r"[\u3400-\u9fff]")
_WORD = re.compile(r"[a-z0-9]+")
_STEM_KEEP = 5  # an English word of more letters is looked for by its first letters (inflections, -ise/-ize)


@dataclass(frozen=True)
class Category:
    """One category of the NLP lexicon, e.g. `cause`: its words per language and its token patterns."""

    name: str
    en: tuple[str, ...]
    zh: tuple[str, ...]
    patterns: tuple[Any, ...]  # spaCy Matcher token patterns (English)
    exact: tuple[str, ...]  # English forms matched as written, not by lemma ('was' is not 'is')
    _en_filter: re.Pattern[str] | None
    _zh_filter: re.Pattern[str] | None

    def may_match(self, text: str) -> bool:
        """False when no word of the category can be in `text` (a literal test, no spaCy)."""
        if self._zh_filter is not None and self._zh_filter.search(text):
            return True
        return self._en_filter is not None and self._en_filter.search(text.lower()) is not None

    def words(self, language: str) -> tuple[str, ...]:
        return self.zh if language == "zh" else self.en


@derived
def category(vocab: Vocabulary, name: str) -> Category:
    """The category `name` of the vocabulary's NLP lexicon (empty when it has none)."""
    raw: Any
    if name in _COMMON:
        raw = vocab.common
        for key in _COMMON[name]:
            raw = (raw or {}).get(key) if isinstance(raw, Mapping) else None
        raw = {"en": [w for w in raw or [] if not _CJK.search(str(w))],
               "zh": [w for w in raw or [] if _CJK.search(str(w))]} if isinstance(raw, list) else raw
    else:
        raw = vocab.lexicon("nlp").get(name)
    raw = raw if isinstance(raw, Mapping) else {}
    en = tuple(dict.fromkeys(str(w).strip() for w in raw.get("en") or [] if str(w).strip()))
    zh = tuple(dict.fromkeys(str(w).strip() for w in raw.get("zh") or [] if str(w).strip()))
    patterns = tuple(raw.get("patterns") or ())
    exact = tuple(dict.fromkeys(str(w).strip() for w in raw.get("exact") or [] if str(w).strip()))
    return Category(name, en, zh, patterns, exact, _en_filter(en + exact, patterns), _zh_filter(zh))


def names(vocab: Vocabulary) -> tuple[str, ...]:
    """Every category matched in texts (the word lists of `WORD_LISTS` are not)."""
    return tuple(n for n in dict.fromkeys([*_COMMON, *vocab.lexicon("nlp")]) if n not in WORD_LISTS)


def _en_filter(words: tuple[str, ...], patterns: tuple[Any, ...]) -> re.Pattern[str] | None:
    stems = {_stem(w) for w in words} | {s for p in patterns for s in _pattern_stems(p)}
    stems.discard("")
    if not stems:
        return None
    return re.compile("|".join(r"(?<![a-z])" + re.escape(s) for s in sorted(stems, key=len, reverse=True)))


def _zh_filter(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def _stem(term: str) -> str:
    """The literal an English term's inflections share: its longest word, cut to its first letters."""
    found = _WORD.findall(term.lower())
    if not found:
        return term.lower().strip()
    word = max(found, key=len)
    return word[:_STEM_KEEP] if len(word) > _STEM_KEEP else word


def _pattern_stems(pattern: Any) -> list[str]:
    """Literals of a Matcher pattern's first token (`LOWER`/`ORTH` exact or `IN`); none: always run."""
    first = pattern[0] if isinstance(pattern, list) and pattern else {}
    spec = first.get("LOWER", first.get("ORTH")) if isinstance(first, Mapping) else None
    if isinstance(spec, str):
        return [spec.lower()]
    if isinstance(spec, Mapping) and isinstance(spec.get("IN"), list):
        return [str(w).lower() for w in spec["IN"]]
    return ["a", "e", "i", "o", "u"]  # cannot tell: almost any English text may match
