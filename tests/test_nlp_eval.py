"""Precision and recall of each NLP helper on the evaluation set (tests/nlp_eval/, see its README).

Each helper must stay at or above 0.9 on both. `pytest -s tests/test_nlp_eval.py` prints the table.
When a pretrained spaCy pipeline is installed (en_core_web_sm, zh_core_web_sm: the user's option
`[nlp]` in pmo-check.toml), the set is run with it too and must do at least as well.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.lexicon.vocabulary import Vocabulary, shipped_vocabulary
from checker.nlp.dates import find_dates
from checker.nlp.money import find_amounts
from checker.nlp.parties import parties
from checker.nlp.quantities import find_durations, find_percentages
from checker.nlp.reader import Reader
from checker.nlp.responses import is_generic
from checker.nlp.smart import assess
from checker.nlp.statements import reads_as_issue, reads_as_risk, states_cause_or_effect

EVAL = Path(__file__).parent / "nlp_eval"
FLOOR = 0.9
_DIGIT = re.compile(r"\d")


def _items(name: str) -> list[dict[str, Any]]:
    return yaml.safe_load((EVAL / name).read_text(encoding="utf-8"))["items"]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: set, expected: set) -> None:
        self.tp += len(predicted & expected)
        self.fp += len(predicted - expected)
        self.fn += len(expected - predicted)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def _binary(items: list[dict], predict: Callable[[str], bool], key: str, positive: Any = True) -> tuple[Score, list]:
    score, wrong = Score(), []
    for n, item in enumerate(items):
        got, want = bool(predict(item["text"])), item[key] == positive
        score.add({n} if got else set(), {n} if want else set())
        if got != want:
            wrong.append((item["text"], want, got))
    return score, wrong


def _helpers(reader: Reader) -> dict[str, Callable[[], tuple[Score, list]]]:
    smart = _items("smart.yaml")
    wording = _items("issue_wording.yaml")

    def criterion(letter: str, field: str) -> Callable[[], tuple[Score, list]]:
        return lambda: _binary(smart, lambda t: field in assess(reader, t, day_first=True).missing, "missing_" + letter)

    for item in smart:
        for letter in "SMT":
            item["missing_" + letter] = letter in item["missing"]
    return {
        "smart: specific": criterion("S", "specific"),
        "smart: measurable": criterion("M", "measurable"),
        "smart: time-bound": criterion("T", "time_bound"),
        "cause/effect (RR-03)": lambda: _binary(_items("cause_effect.yaml"),
                                                lambda t: not states_cause_or_effect(reader, t), "no_cause_effect"),
        "reads as issue (RR-04)": lambda: _binary(wording, lambda t: reads_as_issue(reader, t), "reads_as", "issue"),
        "reads as risk (IR-08)": lambda: _binary(wording, lambda t: reads_as_risk(reader, t), "reads_as", "risk"),
        "generic text (RR-11, LL-08)": lambda: _binary(_items("generic.yaml"), lambda t: is_generic(reader, t), "generic"),
        "progress claim (SR-11)": lambda: _binary(
            _items("progress.yaml"), lambda t: not _DIGIT.search(t) and reader.has(t, "progress_claim"), "vague"),
        "decision (MM-03)": lambda: _binary(_items("decisions.yaml"), lambda t: reader.has(t, "decision"), "decision"),
        "parties (RR-08, COM-13)": lambda: _parties(reader),
        "dates": lambda: _extract("dates", lambda t: {d.iso for d in find_dates(t, day_first=True)}),
        "money": lambda: _extract("money", lambda t: {(round(a.value, 2), a.currency) for a in find_amounts(t)},
                                  lambda v: {(round(float(a), 2), c) for a, c in v}),
        "percentages": lambda: _extract("percentages", lambda t: {p.value for p in find_percentages(t)},
                                        lambda v: {float(x) for x in v}),
        "durations": lambda: _extract("durations", lambda t: {(d.value, d.unit) for d in find_durations(t)},
                                      lambda v: {(float(a), u) for a, u in v}),
    }


def _parties(reader: Reader) -> tuple[Score, list]:
    """Each expected (position, kind) found: a party of the wrong kind, or one too many, is a false positive."""
    score, wrong = Score(), []
    for item in _items("parties.yaml"):
        got = [p.kind for p in parties(reader, item["text"])]
        score.add(set(enumerate(got)), set(enumerate(item["parties"])))
        if got != item["parties"]:
            wrong.append((item["text"], item["parties"], got))
    return score, wrong


def _extract(key: str, found: Callable[[str], set], expected: Callable[[Any], set] = set) -> tuple[Score, list]:
    score, wrong = Score(), []
    for item in _items("extract.yaml"):
        if key not in item:
            continue
        got, want = found(item["text"]), expected(item[key])
        score.add(got, want)
        if got != want:
            wrong.append((item["text"], sorted(map(str, want)), sorted(map(str, got))))
    return score, wrong


def _models() -> list[tuple[tuple[str, str], ...]]:
    """The blank pipelines, and the pretrained ones a user may have installed (never downloaded here)."""
    import spacy.util

    out: list[tuple[tuple[str, str], ...]] = [()]
    installed = tuple((lang, name) for lang, name in (("en", "en_core_web_sm"), ("zh", "zh_core_web_sm"))
                      if spacy.util.is_package(name))
    if installed:
        out.append(installed)
    return out


@pytest.mark.parametrize("models", _models(), ids=lambda m: "+".join(n for _, n in m) or "blank")
def test_every_helper_is_at_least_90_percent_precise_and_complete(models):
    reader = Reader(shipped_vocabulary(), models)
    rows, failing = [], []
    for name, run in _helpers(reader).items():
        score, wrong = run()
        rows.append(f"  {name:<30} precision {score.precision:6.1%}  recall {score.recall:6.1%}  "
                    f"(tp {score.tp}, fp {score.fp}, fn {score.fn})")
        rows.extend(f"      miss: {text!r} expected {want}, got {got}" for text, want, got in wrong)
        if score.precision < FLOOR or score.recall < FLOOR:
            failing.append((name, wrong))
    print("\nNLP helpers on tests/nlp_eval (" + ("+".join(n for _, n in models) or "blank pipelines") + "):")
    print("\n".join(rows))
    assert not failing, "below 0.9:\n" + "\n".join(f"{name}: {wrong}" for name, wrong in failing)


def test_the_set_is_not_the_lexicon():
    """The evaluation sentences are not the lexicon's own words: a set that only echoed them would flatter."""
    vocab: Vocabulary = shipped_vocabulary()
    words = {str(w).lower() for entry in vocab.lexicon("nlp").values() if isinstance(entry, dict)
             for lang in ("en", "zh") for w in entry.get(lang) or []}
    sentences = sorted(set(EVAL.glob("*.yaml")) - {EVAL / "parties.yaml", EVAL / "extract.yaml"})  # cells are words
    texts = [item["text"].strip(" .。").lower() for f in sentences for item in _items(f.name)]
    echoed = [t for t in texts if t in words]
    assert len(echoed) <= len(texts) // 20, echoed
