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
from checker.nlp.words import Category, category, names

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


@dataclass(frozen=True)
class _Reading:
    docs: dict[str, "Doc"]
    hits: dict[str, tuple[Hit, ...]]


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
        return bool(text) and any(category(self.vocab, c).may_match(text) for c in categories)

    def hits(self, text: str, *categories: str) -> list[Hit]:
        """The words of the categories in `text`, in text order."""
        if not self.may_have(text, *categories):
            return []
        reading = self._read(text)
        found = [h for c in categories for h in reading.hits.get(c, ())]
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
                     (t.is_alpha or routing.has_cjk(t.text)) and not t.is_punct, t.idx)
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
        hits: dict[str, list[Hit]] = {}
        for lang, doc in docs.items():
            for hit in self._match(lang, doc):
                hits.setdefault(hit.category, []).append(hit)
        reading = _Reading(docs, {k: tuple(v) for k, v in hits.items()})
        with self._lock:
            self._readings[text] = reading
            if len(self._readings) > _MEMO:
                self._readings.popitem(last=False)
        return reading

    def _pipeline(self, language: str) -> Pipeline:
        return pipeline(language, self.models.get(language))

    def _match(self, language: str, doc: "Doc") -> Iterable[Hit]:
        matchers = self._matchers_for(language)
        strings = doc.vocab.strings
        for match_id, start, end in matchers["phrases"](doc):
            span = doc[start:end]
            yield Hit(strings[match_id], language, span.start_char, span.end_char, span.text)
        if matchers["exact"] is not None:
            for match_id, start, end in matchers["exact"](doc):
                span = doc[start:end]
                yield Hit(strings[match_id], language, span.start_char, span.end_char, span.text)
        if matchers["tokens"] is not None:
            for match_id, start, end in matchers["tokens"](doc):
                span = doc[start:end]
                yield Hit(strings[match_id], language, span.start_char, span.end_char, span.text)
        if language == "zh":
            yield from self._compound_hits(doc, matchers["single"])

    @staticmethod
    def _compound_hits(doc: "Doc", single: dict[str, list[str]]) -> Iterable[Hit]:
        """One-word Chinese terms at the start or end of a longer word whose rest is itself a word."""
        for token in doc:
            t = token.text
            for size in range(1, len(t) - _COMPOUND_REST + 1):
                for offset in {0, len(t) - size}:
                    for cat in single.get(t[offset:offset + size], ()):
                        yield Hit(cat, "zh", token.idx + offset, token.idx + offset + size, t[offset:offset + size])

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
                        if len(d) == 1 and routing.has_cjk(w):
                            single.setdefault(w, []).append(name)
                if tokens is not None and cat.patterns:
                    tokens.add(name, [list(p) for p in cat.patterns])
        return {"phrases": phrases, "tokens": tokens if tokens is not None and len(tokens) else None,
                "exact": exact if exact is not None and len(exact) else None, "single": single}


@derived
def reader(vocab: Vocabulary, models: Models = ()) -> Reader:
    """The reader of a configuration: its vocabulary and the pretrained pipelines it names (if any)."""
    return Reader(vocab, models)
