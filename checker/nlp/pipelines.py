"""The spaCy pipelines: one per language (and installed model) per process, built on first use.

Building one costs a second or more (spaCy's import, the lemma table of spacy-lookups-data, jieba's
dictionary), so nothing is built at import time and a worker keeps what it built for every later
document. The blank pipelines depend on no configuration; a pretrained one is keyed by its name.
Calls into one pipeline are serialised with a lock: the service checks documents in threads, and a
tokenizer updates its caches and string store as it reads.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

LANGUAGES = ("en", "zh")
_LOWER_LEMMA = "pmo_lower_lemma"

_BUILD = threading.Lock()
_PIPELINES: dict[tuple[str, str | None], "Pipeline"] = {}


@dataclass
class Pipeline:
    """A built spaCy pipeline with the lock its calls share."""

    language: str
    nlp: "Language"
    model: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __call__(self, text: str) -> "Doc":
        with self.lock:
            return self.nlp(text)

    @property
    def has(self) -> frozenset[str]:
        """The names of the pipeline's components (a pretrained one may bring `ner`, `tagger` …)."""
        return frozenset(self.nlp.pipe_names)


def pipeline(language: str, model: str | None = None) -> Pipeline:
    """The pipeline of `language` (`en` or `zh`): blank, or the installed pretrained `model`."""
    key = (language, model)
    found = _PIPELINES.get(key)
    if found is None:
        with _BUILD:
            found = _PIPELINES.get(key)
            if found is None:
                found = _PIPELINES[key] = _build(language, model)
    return found


def built() -> list[tuple[str, str | None]]:
    """The pipelines this process has built so far (the benchmarks and tests check the laziness)."""
    return sorted(_PIPELINES, key=lambda k: (k[0], k[1] or ""))


def _build(language: str, model: str | None) -> Pipeline:
    if language not in LANGUAGES:
        raise ValueError(f"no pipeline for language {language!r}")
    import spacy

    _register_components()
    if model:
        nlp = spacy.load(model)
        if not {"parser", "senter", "sentencizer"} & set(nlp.pipe_names):
            nlp.add_pipe("sentencizer")
        if language == "en":
            nlp.add_pipe(_LOWER_LEMMA, last=True)
        return Pipeline(language, nlp, model)
    if language == "en":
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.add_pipe(_LOWER_LEMMA)
        nlp.initialize()  # loads the lemma table of spacy-lookups-data
        return Pipeline(language, nlp)
    _quiet_jieba()
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})  # initialises jieba's dictionary
    nlp.add_pipe("sentencizer")
    return Pipeline(language, nlp)


def _quiet_jieba() -> None:
    """jieba logs its dictionary loading at INFO on stderr: keep the CLI's standard error for real problems."""
    import jieba

    jieba.setLogLevel(logging.WARNING)


def _register_components() -> None:
    from spacy.language import Language

    if _LOWER_LEMMA not in Language.factories:
        Language.factory(_LOWER_LEMMA, func=_make_lower_lemma)


def _make_lower_lemma(nlp: "Language", name: str) -> "_LowerLemma":
    return _LowerLemma(nlp)


class _LowerLemma:
    """Lower-cased lemmas: the lookup table is keyed by lower-case words, so 'Improves' at the start of a
    sentence is looked up as 'improves' ('improve'), and the lexicon's words are matched case-blind."""

    def __init__(self, nlp: "Language"):
        self.nlp = nlp
        self._table: Any = None
        self._found = False

    def __call__(self, doc: "Doc") -> "Doc":
        table = self._lemma_table()
        for token in doc:
            lemma = token.lemma_
            if not lemma or (lemma == token.text and token.text != token.lower_):
                lemma = table.get(token.lower_, token.lower_) if table is not None else token.lower_
            token.lemma_ = lemma.lower()
        return doc

    def _lemma_table(self) -> Any:
        """The lookup lemmatizer's table (None with a pretrained pipeline's rule lemmatizer)."""
        if not self._found:
            if "lemmatizer" in self.nlp.pipe_names:
                lemmatizer = self.nlp.get_pipe("lemmatizer")
                if getattr(lemmatizer, "mode", "") == "lookup":
                    self._table = lemmatizer.lookups.get_table("lemma_lookup")
            self._found = True
        return self._table
