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
_STEM_MIN, _STEM_CUT = 4, 3  # a word is looked for by its start: all but its last 3 letters, at least 4


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
    stems: frozenset[str] = frozenset()  # the literal each English word's inflections start with

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
    stems = frozenset(_stem(word) for term in en + exact for word in _WORD.findall(term.lower()))
    return Category(name, en, zh, patterns, exact, _en_filter(en, exact, patterns), _zh_filter(zh), stems)


@dataclass(frozen=True)
class Filter:
    """The literal tests of several categories at once (one expression per language)."""

    en: re.Pattern[str] | None
    zh: re.Pattern[str] | None
    stems: frozenset[str]
    sizes: tuple[int, ...]
    zh_words: tuple[str, ...]  # longest first

    def may_match(self, text: str) -> bool:
        if self.zh is not None and not text.isascii() and self.zh.search(text):
            return True
        return self.en is not None and self.en.search(text.lower()) is not None

    def may_cover(self, text: str) -> bool:
        """False when some word of `text` can be of none of the categories: an English word that starts with
        none of their stems, or Chinese left over once their words are taken out."""
        stems, sizes = self.stems, self.sizes
        for word in _WORD.findall(text.lower()):
            if not word.isdigit() and not any(word[:n] in stems for n in sizes if n <= len(word)):
                return False
        if not text.isascii() and _CJK.search(text):
            rest = text
            for w in self.zh_words:
                rest = rest.replace(w, "")
            if _CJK.search(rest):
                return False
        return True


@derived
def literal_filter(vocab: Vocabulary, names: tuple[str, ...]) -> Filter:
    """The literal tests of the categories `names` together, built once per vocabulary."""
    cats = [category(vocab, n) for n in names]
    en = [c._en_filter.pattern for c in cats if c._en_filter is not None]
    zh = [c._zh_filter.pattern for c in cats if c._zh_filter is not None]
    stems = frozenset().union(*(c.stems for c in cats)) - {""}
    return Filter(re.compile("|".join(en)) if en else None, re.compile("|".join(zh)) if zh else None, stems,
                  tuple(sorted({len(s) for s in stems})),
                  tuple(sorted({w for c in cats for w in c.zh}, key=len, reverse=True)))


def names(vocab: Vocabulary) -> tuple[str, ...]:
    """Every category matched in texts (the word lists of `WORD_LISTS` are not)."""
    return tuple(n for n in dict.fromkeys([*_COMMON, *vocab.lexicon("nlp")]) if n not in WORD_LISTS)


def _en_filter(words: tuple[str, ...], exact: tuple[str, ...], patterns: tuple[Any, ...]) -> re.Pattern[str] | None:
    """Word starts of the lemma-matched words, the exact forms as written, and the patterns' literals, as
    one expression (one lookbehind for all alternatives: many alternatives each with their own are slow)."""
    stems = sorted({_phrase(w) for w in words} - {""}, key=len, reverse=True)
    forms = sorted({w.lower() for w in exact}, key=len, reverse=True)
    parts = []
    if stems:
        parts.append(r"(?<![a-z])(?:" + "|".join(stems) + ")")
    if forms:
        parts.append(r"(?<![a-z])(?:" + "|".join(map(re.escape, forms)) + r")(?![a-z])")
    parts += [p for pattern in patterns for p in _pattern_filters(pattern)]
    return re.compile("|".join(parts)) if parts else None


def _zh_filter(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def _phrase(term: str) -> str:
    """A regular expression every inflection of a term matches: its words' starts in order ('by project
    end' → by…project…end…, not any text with 'project' in it)."""
    found = _WORD.findall(term.lower())
    if len(found) < 2:
        return re.escape(_stem(term))
    return r"[a-z0-9]*[^a-z0-9]*".join(re.escape(_stem(w)) for w in found)


def _stem(term: str) -> str:
    """The literal an English term's inflections share: its longest word without its last three letters
    (improve → impr…, appropriate → appropri…: 'approves' is not a candidate), at least four letters."""
    found = _WORD.findall(term.lower())
    if not found:
        return term.lower().strip()
    word = max(found, key=len)
    return word[:max(_STEM_MIN, len(word) - _STEM_CUT)]


def _pattern_filters(pattern: Any) -> list[str]:
    """Regular expressions one of which a text that matches a Matcher pattern contains: the literals of its
    most telling token (a `LOWER`/`ORTH` word or `IN` list; else a `LOWER` `REGEX`, with its own `NOT_IN`
    words and those the token before it may not be left out); any text when none."""
    tokens = [t for t in pattern if isinstance(t, Mapping)] if isinstance(pattern, list) else []
    best: list[str] | None = None
    for i, token in enumerate(tokens):
        spec = token.get("LOWER", token.get("ORTH"))
        if isinstance(spec, str):
            return [r"(?<![a-z])" + re.escape(spec.lower()) + r"(?![a-z])"]
        if isinstance(spec, Mapping) and isinstance(spec.get("IN"), list):
            return [r"(?<![a-z])(?:" + "|".join(re.escape(str(w).lower()) for w in spec["IN"]) + r")(?![a-z])"]
        if isinstance(spec, Mapping) and isinstance(spec.get("REGEX"), str) and best is None:
            own = [re.escape(str(w).lower()) for w in spec.get("NOT_IN") or []]
            before = tokens[i - 1].get("LOWER") if i else None
            after_not = [str(w).lower() for w in before.get("NOT_IN") or []] if isinstance(before, Mapping) else []
            behind = "".join(r"(?<!\b" + re.escape(w) + " )" for w in after_not if re.fullmatch(r"[a-z']+", w))
            ahead = r"(?!(?:" + "|".join(own) + r")(?![a-z]))" if own else ""
            word = spec["REGEX"].lstrip("^").rstrip("$")
            # the cheap tests first (a word start, the word itself), the exclusions only where those pass
            best = [r"(?<![a-z])(?=" + word + r"(?![a-z]))" + behind + ahead + word]
    return best if best is not None else [r"[a-z]"]
