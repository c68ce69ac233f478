"""Reading texts with the pipelines and the vocabulary's NLP lexicon: which categories' words a text
holds (`hits`), and its words with their lemmas (`words`).

One `Reader` per vocabulary and configured models (`reader(vocab, models)`, kept on the vocabulary):
its spaCy matchers are built from that configuration's words, on first use. A text is read only
when one of the asked categories may match it (`Category.may_match`), and then once for all
categories: the rules of a document ask several questions of the same cells. English words are
matched on lower-cased lemmas (PhraseMatcher on LEMMA, plus the lexicon's Matcher patterns),
the lexicon's `exact` forms as written ('was' must not find 'is'), Chinese ones on jieba's words — a one-word term also inside a longer compound word of which the rest
is a word of two or more characters ('优化' in '系统优化', not '有效' in '有效期').
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable

from checker.lexicon.vocabulary import Vocabulary, derived
from checker.nlp import routing
from checker.nlp.pipelines import Pipeline, pipeline
from checker.nlp.words import Category, category, literal_filter, names
from checker.text.normalize import has_cjk

if TYPE_CHECKING:
    from spacy.tokens import Doc

Models = tuple[tuple[str, str], ...]  # (language, installed spaCy pipeline) pairs from pmo-check.toml

_MEMO = 4096  # texts whose analysis is kept (a register repeats its owners, statuses and short answers)
_COMPOUND_REST = 2  # a Chinese term inside a longer word counts when the rest is a word of this many characters


@dataclass(frozen=True)
class Hit:
    """A word of a category found in a text, with its character offsets."""

    category: str
    language: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Word:
    """A token of a text: its form, its lower-cased lemma (English) and whether it is a word at all."""

    text: str
    lemma: str
    language: str
    is_word: bool  # letters or Chinese characters (not punctuation, space or a bare number)
    start: int


class _Reading:
    """One text's docs (per pipeline) and, built as they are asked for, its hits per category: a register
    asks one category of thousands of texts, and most words of a text are of no category asked."""

    __slots__ = ("text", "docs", "_raw", "_hits", "_tokens_done")

    def __init__(self, text: str, docs: dict[str, "Doc"], raw: list[tuple[str, str, int, int]]):
        self.text = text
        self.docs = docs
        self._raw = raw  # (category, language, start char, end char) of the phrase matchers
        self._hits: dict[str, tuple[Hit, ...]] = {}
        self._tokens_done = False


class Reader:
    """The matchers of one configuration and the readings of the texts asked about so far."""

    def __init__(self, vocab: Vocabulary, models: Models = ()):
        self.vocab = vocab
        self.models = dict(models)
        self._matchers: dict[str, Any] = {}
        self._readings: OrderedDict[str, _Reading] = OrderedDict()
        self._lock = threading.Lock()

    # --- questions ----------------------------------------------------------------------------

    def category(self, name: str) -> Category:
        return category(self.vocab, name)

    def may_have(self, text: str, *categories: str) -> bool:
        """Whether any word of the categories may be in `text`, from literals alone (no spaCy)."""
        return bool(text) and literal_filter(self.vocab, categories).may_match(text)

    def may_cover(self, text: str, *categories: str) -> bool:
        """Whether every word of `text` may be of the categories, from literals alone (no spaCy)."""
        return literal_filter(self.vocab, categories).may_cover(text)

    def hits(self, text: str, *categories: str) -> list[Hit]:
        """The words of the categories in `text`, in text order."""
        if not self.may_have(text, *categories):
            return []
        reading = self._read(text)
        found = [h for c in categories for h in self._category_hits(reading, c)]
        return sorted(found, key=lambda h: (h.start, -h.end))

    def has(self, text: str, *categories: str) -> bool:
        return bool(self.hits(text, *categories))

    def words(self, text: str) -> list[Word]:
        """The tokens of `text`: jieba's words when it holds Chinese, else the English tokens with lemmas."""
        if not text.strip():
            return []
        docs = self._read(text).docs
        doc = docs.get("zh") or docs.get("en")
        if doc is None:
            return []
        language = "zh" if "zh" in docs else "en"
        return [Word(t.text, (t.lemma_ or t.lower_) if language == "en" else t.lower_, language,
                     (t.is_alpha or has_cjk(t.text)) and not t.is_punct, t.idx)
                for t in doc if not t.is_space]

    def sentences(self, text: str) -> list[str]:
        """`text` in sentences (the sentencizer of the text's main pipeline)."""
        docs = self._read(text).docs if text.strip() else {}
        doc = docs.get("zh") or docs.get("en")
        return [s.text.strip() for s in doc.sents if s.text.strip()] if doc is not None else []

    def persons(self, text: str) -> list[tuple[int, int]]:
        """Spans a pretrained pipeline's named-entity recogniser calls a person (none with blank pipelines)."""
        out = []
        for doc in self._read(text).docs.values():
            out.extend((e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON")
        return out

    # --- reading ------------------------------------------------------------------------------

    def _read(self, text: str) -> _Reading:
        found = self._readings.get(text)
        if found is not None:
            return found
        docs = {lang: self._pipeline(lang)(text) for lang in routing.languages(text)}
        raw = [m for lang, doc in docs.items() for m in self._phrase_matches(lang, doc)]
        reading = _Reading(text, docs, raw)
        with self._lock:
            self._readings[text] = reading
            if len(self._readings) > _MEMO:
                self._readings.popitem(last=False)
        return reading

    def _category_hits(self, reading: _Reading, name: str) -> tuple[Hit, ...]:
        found = reading._hits.get(name)
        if found is None:
            if not reading._tokens_done and category(self.vocab, name).patterns:
                reading._raw = reading._raw + [m for lang, doc in reading.docs.items()
                                               for m in self._token_matches(lang, doc)]
                reading._tokens_done = True
            t = reading.text
            found = reading._hits[name] = tuple(Hit(c, lang, a, b, t[a:b]) for c, lang, a, b in reading._raw
                                                if c == name)
        return found

    def _pipeline(self, language: str) -> Pipeline:
        return pipeline(language, self.models.get(language))

    def _phrase_matches(self, language: str, doc: "Doc") -> Iterable[tuple[str, str, int, int]]:
        matchers = self._matchers_for(language)
        names = matchers["names"]
        for key in ("phrases", "exact"):
            if matchers[key] is not None:
                for match_id, start, end in matchers[key](doc):
                    last = doc[end - 1]
                    yield names[match_id], language, doc[start].idx, last.idx + len(last.text)
        if language == "zh":
            yield from self._compound_hits(doc, matchers["single"])

    def _token_matches(self, language: str, doc: "Doc") -> Iterable[tuple[str, str, int, int]]:
        """The lexicon's Matcher patterns: run only for a category that has some, when it is first asked."""
        matchers = self._matchers_for(language)
        if matchers["tokens"] is None:
            return
        names = matchers["names"]
        for match_id, start, end in matchers["tokens"](doc):
            last = doc[end - 1]
            yield names[match_id], language, doc[start].idx, last.idx + len(last.text)

    @staticmethod
    def _compound_hits(doc: "Doc", single: dict[str, list[str]]) -> Iterable[tuple[str, str, int, int]]:
        """One-word Chinese terms at the start or end of a longer word whose rest is itself a word."""
        for token in doc:
            t = token.text
            for size in range(1, len(t) - _COMPOUND_REST + 1):
                for offset in {0, len(t) - size}:
                    for cat in single.get(t[offset:offset + size], ()):
                        yield cat, "zh", token.idx + offset, token.idx + offset + size

    def _matchers_for(self, language: str) -> dict[str, Any]:
        found = self._matchers.get(language)
        if found is None:
            with self._lock:
                found = self._matchers.get(language)
                if found is None:
                    found = self._matchers[language] = self._build(language)
        return found

    def _build(self, language: str) -> dict[str, Any]:
        from spacy.matcher import Matcher, PhraseMatcher

        pipe = self._pipeline(language)
        nlp = pipe.nlp
        phrases = PhraseMatcher(nlp.vocab, attr="LEMMA" if language == "en" else "LOWER")
        tokens = Matcher(nlp.vocab) if language == "en" else None
        exact = PhraseMatcher(nlp.vocab, attr="LOWER") if language == "en" else None
        single: dict[str, list[str]] = {}
        with pipe.lock:
            for name in names(self.vocab):
                cat = category(self.vocab, name)
                if exact is not None and cat.exact:
                    exact.add(name, [nlp.make_doc(w.lower()) for w in cat.exact])
                words = cat.words(language)
                if not words:
                    continue
                # English terms are lemmatised like the texts; Chinese ones only segmented.
                docs = list(nlp.pipe(words)) if language == "en" else [nlp.make_doc(w) for w in words]
                phrases.add(name, [d for d in docs if len(d)])
                if language == "zh":
                    for w, d in zip(words, docs):
                        if len(d) == 1 and has_cjk(w):
                            single.setdefault(w, []).append(name)
                if tokens is not None and cat.patterns:
                    tokens.add(name, [list(p) for p in cat.patterns])
        return {"phrases": phrases, "tokens": tokens if tokens is not None and len(tokens) else None,
                "exact": exact if exact is not None and len(exact) else None, "single": single,
                "names": {nlp.vocab.strings[n]: n for n in names(self.vocab)}}


@derived
def reader(vocab: Vocabulary, models: Models = ()) -> Reader:
    """The reader of a configuration: its vocabulary and the pretrained pipelines it names (if any)."""
    return Reader(vocab, models)
