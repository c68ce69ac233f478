"""How the evidence of `type_evidence` becomes a document type: a conditional-logit model with one
weight per feature, shared by all types, fitted on labelled documents and shipped as data
(`rules/models/classifier.yaml`, written by `python -m benchmarks.classifier --fit`).

Each type scores `sum(weight[f] * value[f])` over its features; "none of them" (UNKNOWN) scores a
fitted constant; a softmax turns the scores into probabilities. Sharing the weights keeps the
parameters few (one per feature, plus the constant) so that a hundred documents can fit them
without learning the documents by heart; what distinguishes the types lives in the lexicon, not
in per-type weights. The decision adds a threshold: the best type is said only when its
probability reaches it, else UNKNOWN — a wrong type runs the wrong rule pack, which costs more
than saying UNKNOWN. The threshold is chosen by `choose_threshold` with that cost.

Fitting is Newton's method on the L2-penalised log-likelihood: deterministic, a dozen iterations
for a dozen parameters, pure Python (the data are a few hundred documents).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping, Sequence

from checker.analysis.type_evidence import FEATURES
from checker.core import yamlio
from checker.core.resources import rules_folder

UNKNOWN = "UNKNOWN"


@dataclass(frozen=True)
class TypeModel:
    weights: Mapping[str, float]  # feature -> weight
    unknown: float  # the score of "none of the types"
    threshold: float  # the best type's probability needed to name it

    def probabilities(self, features: Mapping[str, Mapping[str, float]], n_types: int) -> dict[str, float]:
        """type (and UNKNOWN) -> probability; `features` is type -> feature -> value, and the other
        `n_types - len(features)` types, without evidence, score 0."""
        scores = {t: sum(self.weights.get(f, 0.0) * v for f, v in fs.items()) for t, fs in features.items()}
        top = max([self.unknown, 0.0, *scores.values()])
        exp = {t: math.exp(s - top) for t, s in scores.items()}
        exp[UNKNOWN] = math.exp(self.unknown - top)
        z = sum(exp.values()) + (n_types - len(features)) * math.exp(-top)
        return {t: e / z for t, e in exp.items()}

    def decide(self, probabilities: Mapping[str, float]) -> tuple[str, float]:
        """The type said and the best type's probability (UNKNOWN below the threshold)."""
        best, p = max(((t, p) for t, p in probabilities.items() if t != UNKNOWN), key=lambda kv: kv[1],
                      default=(UNKNOWN, 0.0))
        if p < self.threshold or probabilities.get(UNKNOWN, 0.0) >= p:
            return UNKNOWN, p
        return best, p

    def to_data(self) -> dict:
        return {"weights": {f: round(self.weights.get(f, 0.0), 4) for f in FEATURES},
                "unknown": round(self.unknown, 4), "threshold": round(self.threshold, 4)}


@lru_cache(maxsize=1)
def shipped_model() -> TypeModel:
    """The fitted model shipped in `rules/models/classifier.yaml` (data that depends on no configuration)."""
    with (rules_folder() / "models" / "classifier.yaml").open(encoding="utf-8") as fh:
        return model_from_data(yamlio.safe_load(fh) or {})


def model_from_data(data: Mapping) -> TypeModel:
    weights = {str(f): float(w) for f, w in (data.get("weights") or {}).items()}
    unknown = set(weights) - set(FEATURES)
    if unknown:
        raise ValueError(f"classifier model: unknown features {sorted(unknown)}")
    return TypeModel(weights, float(data.get("unknown", 0.0)), float(data.get("threshold", 0.5)))


@dataclass(frozen=True)
class Example:
    """One labelled document as the fitting sees it."""

    features: Mapping[str, Mapping[str, float]]  # type -> feature -> value (types with evidence)
    n_types: int
    label: str  # a type, or UNKNOWN


def fit(examples: Sequence[Example], l2: float, features: Sequence[str] = FEATURES, iterations: int = 100,
        start: TypeModel | None = None) -> tuple[dict[str, float], float]:
    """Weights and the UNKNOWN score maximising the log-likelihood minus `l2`/2 times their squares
    (from `start`'s, when given: the optimum is the same, reached in fewer steps)."""
    p = len(features) + 1  # the last parameter is UNKNOWN's score
    index = {f: i for i, f in enumerate(features)}
    rows = [_design(ex, index, p) for ex in examples]
    w = [start.weights.get(f, 0.0) for f in features] + [start.unknown] if start else [0.0] * p
    loss = _loss(rows, w, l2)
    for _ in range(iterations):
        grad, hess = _derivatives(rows, w, l2)
        step = _solve(hess, grad)
        scale = 1.0
        while True:  # damped Newton: halve the step until the loss goes down
            trial = [wi - scale * si for wi, si in zip(w, step)]
            new = _loss(rows, trial, l2)
            if new <= loss or scale < 1e-6:
                break
            scale /= 2
        done = loss - new < 1e-10
        w, loss = trial, new
        if done:
            break
    return {f: w[i] for f, i in index.items()}, w[-1]


# One example as the fitting sees it: the vectors of the options with evidence, how many options
# have none (vector 0), and the index of the label's option (None: an option without evidence).
_Row = tuple[list[list[float]], int, "int | None"]


def _design(ex: Example, index: Mapping[str, int], p: int) -> _Row:
    options: list[list[float]] = []
    label = None
    for type_name, fs in ex.features.items():
        x = [0.0] * p
        for f, v in fs.items():
            if f in index:
                x[index[f]] = v
        if type_name == ex.label:
            label = len(options)
        options.append(x)
    unknown = [0.0] * p
    unknown[-1] = 1.0
    if ex.label == UNKNOWN:
        label = len(options)
    options.append(unknown)
    return options, ex.n_types - len(ex.features), label


def _probs(row: _Row, w: Sequence[float]) -> tuple[list[float], float, float]:
    """Probabilities of the options with vectors, of each option without, and log Z."""
    options, zeros, _ = row
    scores = [sum(wi * xi for wi, xi in zip(w, x) if xi) for x in options]
    top = max([0.0, *scores])
    exp = [math.exp(s - top) for s in scores]
    z = sum(exp) + zeros * math.exp(-top)
    return [e / z for e in exp], math.exp(-top) / z, top + math.log(z)


def _loss(rows: Sequence[_Row], w: Sequence[float], l2: float) -> float:
    total = l2 / 2 * sum(wi * wi for wi in w)
    for row in rows:
        options, _, label = row
        _, _, log_z = _probs(row, w)
        own = sum(wi * xi for wi, xi in zip(w, options[label])) if label is not None else 0.0
        total += log_z - own
    return total


def _derivatives(rows: Sequence[_Row], w: Sequence[float], l2: float) -> tuple[list[float], list[list[float]]]:
    p = len(w)
    grad = [l2 * wi for wi in w]
    hess = [[l2 if i == j else 0.0 for j in range(p)] for i in range(p)]
    for row in rows:
        options, _, label = row
        probs, _, _ = _probs(row, w)
        mean = [sum(pr * x[i] for pr, x in zip(probs, options)) for i in range(p)]
        own = options[label] if label is not None else [0.0] * p
        for i in range(p):
            grad[i] += mean[i] - own[i]
        for pr, x in zip(probs, options):
            nz = [(i, xi) for i, xi in enumerate(x) if xi]
            for i, xi in nz:
                hi = hess[i]
                for j, xj in nz:
                    hi[j] += pr * xi * xj
        for i in range(p):
            if mean[i]:
                for j in range(p):
                    hess[i][j] -= mean[i] * mean[j]
    return grad, hess


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """x with a·x = b (Gaussian elimination with partial pivoting; `a` is positive definite)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            if f:
                for c in range(col, n + 1):
                    m[r][c] -= f * m[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][c] * x[c] for c in range(r + 1, n))) / m[r][r]
    return x


def choose_threshold(outcomes: Sequence[tuple[str, float, str]], wrong_cost: float) -> float:
    """The threshold that maximises right answers minus `wrong_cost` per wrong type.

    `outcomes` are (best type, its probability, label); below the threshold the answer is UNKNOWN,
    which is right only for a document labelled UNKNOWN. The threshold is put halfway between the
    probabilities that bound the best range (ties: the lowest range).
    """
    cuts = sorted({0.0, *(p for _, p, _ in outcomes), 1.0})

    def utility(threshold: float) -> float:
        total = 0.0
        for best, p, label in outcomes:
            said = best if p >= threshold and best != UNKNOWN else UNKNOWN
            total += 1.0 if said == label else (-wrong_cost if said != UNKNOWN else 0.0)
        return total

    scored = [(utility(c), -i) for i, c in enumerate(cuts)]
    _, neg = max(scored)
    i = -neg
    below = cuts[i - 1] if i > 0 else 0.0
    return (below + cuts[i]) / 2 if i > 0 else cuts[0]
