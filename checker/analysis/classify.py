"""Which of the standard's document types a file is, how sure we are, and why.

The evidence (`type_evidence`: title, file name, sheet names, register columns, sections and form
labels, mentions, the document's shape) is weighed by a model fitted on labelled documents
(`type_model`, `rules/models/classifier.yaml`). Below the fitted confidence threshold the answer is
`UNKNOWN` and `needs_review` is set: a wrong type would run the wrong rule pack.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from checker.analysis.type_evidence import Evidence, gather
from checker.analysis.type_model import UNKNOWN, TypeModel, shipped_model
from checker.analysis.type_vocab import type_vocabs
from checker.lexicon.vocabulary import Vocabulary
from checker.model.document import Document

__all__ = ["UNKNOWN", "Classification", "classify"]


@dataclass(frozen=True)
class Classification:
    """The type said, the best type's probability, and the evidence behind every candidate."""

    doc_type: str
    confidence: float  # the said type's probability; for UNKNOWN, 1 - the best type's
    scores: Mapping[str, float]  # type (and UNKNOWN) -> probability, for types with any evidence
    evidence: Mapping[str, tuple[Evidence, ...]]  # type -> its evidence, strongest first
    best: str  # the most probable type, even when it is not said (UNKNOWN below the threshold)
    runner_up: str | None

    @property
    def needs_review(self) -> bool:
        """No type was sure enough to be said: a person should say what the document is."""
        return self.doc_type == UNKNOWN


def classify(doc: Document, vocab: Vocabulary, model: TypeModel | None = None) -> Classification:
    model = model or shipped_model()
    evidence = gather(doc, vocab)
    values = {t: {f: e.value for f, e in fs.items()} for t, fs in evidence.items()}
    probs = model.probabilities(values, len(type_vocabs(vocab)))
    doc_type, confidence = model.decide(probs)
    ranked = sorted((t for t in probs if t != UNKNOWN), key=lambda t: -probs[t])
    weights = model.weights
    return Classification(
        doc_type=doc_type,
        confidence=round(confidence if doc_type != UNKNOWN else 1 - confidence, 2),
        scores={t: round(p, 4) for t, p in probs.items()},
        evidence={t: tuple(sorted(fs.values(), key=lambda e: -e.value * weights.get(e.feature, 0.0)))
                  for t, fs in evidence.items()},
        best=ranked[0] if ranked else UNKNOWN,
        runner_up=ranked[1] if len(ranked) > 1 else None,
    )
