"""The document-type classifier on labelled documents: fit its weights, and measure it honestly.

    python -m benchmarks.classifier [--corpus DIR]          # leave-one-repository-out accuracy
    python -m benchmarks.classifier --fit [--corpus DIR]    # refit rules/models/classifier.yaml

The labelled documents are those of `../shared/corpus` (`labels.tsv`: file, repo, doc_type) plus
`sample_docs/` (`manifest.yaml`). Documents of one repository often belong to one project, so the
measure is leave-one-repository-out (LORO): for each corpus repository, fit on all the others (and
the samples), choose the threshold on that training data, and score the documents of the one left
out. The fit-on-all figure is printed beside it for comparison only: it has seen the documents it
scores. Prints file paths, types and counts, never document text.
"""
from __future__ import annotations

import argparse
import csv
import os
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Sequence

import yaml

from checker.analysis.type_evidence import gather
from checker.analysis.type_model import UNKNOWN, Example, TypeModel, choose_threshold, fit
from checker.analysis.type_vocab import type_vocabs
from checker.core.errors import ReadError
from checker.io.readers import read_document
from checker.io.safe_open import open_document
from checker.lexicon.vocabulary import Vocabulary, shipped_vocabulary

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_docs"
MODEL_FILE = ROOT / "rules" / "models" / "classifier.yaml"  # the source tree's, which --fit rewrites
L2 = 0.1  # the penalty on the squared weights: a dozen weights from ~140 documents
WRONG_COST = 1.0  # a wrong type costs a right one (UNKNOWN costs nothing): the threshold's trade-off
SAMPLES_REPO = "sample_docs"


@dataclass(frozen=True)
class Labelled:
    path: str  # as printed: relative to the corpus or the repository
    repo: str
    example: Example


def default_corpus() -> Path | None:
    """`../shared/corpus` beside the repository (or beside the folder of a worktree)."""
    for base in (ROOT.parent, ROOT.parent.parent):
        candidate = base / "shared" / "corpus"
        if (candidate / "labels.tsv").is_file():
            return candidate
    return None


def _example(path: Path, label: str, vocab: Vocabulary) -> Example | None:
    try:
        doc = read_document(open_document(str(path)), vocab)
    except ReadError:
        return None
    features = {t: {f: e.value for f, e in fs.items()} for t, fs in gather(doc, vocab).items()}
    return Example(features, len(type_vocabs(vocab)), label)


def load(corpus: Path | None, vocab: Vocabulary) -> list[Labelled]:
    """The labelled documents with their features (unreadable ones left out, said on stderr)."""
    items: list[tuple[Path, str, str, str]] = []
    if corpus is not None:
        with open(corpus / "labels.tsv", encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                items.append((corpus / row["file"], row["file"], row["repo"], row["doc_type"]))
    manifest = yaml.safe_load((SAMPLES / "manifest.yaml").read_text(encoding="utf-8"))
    for entry in manifest["files"]:
        items.append((SAMPLES / entry["path"], f"sample_docs/{entry['path']}", SAMPLES_REPO, entry["doc_type"]))
    out = []
    for path, shown, repo, label in items:
        example = _example(path, label, vocab)
        if example is None:
            print(f"unreadable, left out: {shown}", file=sys.stderr)
            continue
        out.append(Labelled(shown, repo, example))
    return out


def train(items: Sequence[Labelled], validate: bool = True) -> TypeModel:
    """Weights fitted on `items`; the threshold chosen on predictions for documents the weights
    were not fitted on (each repository of `items` scored by a fit on the others), or, without
    `validate`, on the fitted documents themselves (faster, more confident)."""
    weights, unknown = fit([i.example for i in items], L2)
    model = TypeModel(weights, unknown, 0.0)
    if validate:
        outcomes = []
        for repo in sorted({i.repo for i in items} - {SAMPLES_REPO}):
            inner = TypeModel(*fit([i.example for i in items if i.repo != repo], L2, start=model), 0.0)
            outcomes.extend((*predict(inner, i.example), i.example.label) for i in items if i.repo == repo)
    else:
        outcomes = [(*predict(model, i.example), i.example.label) for i in items]
    return TypeModel(weights, unknown, choose_threshold(outcomes, WRONG_COST))


def predict(model: TypeModel, ex: Example) -> tuple[str, float]:
    return model.decide(model.probabilities(ex.features, ex.n_types))


def score(model: TypeModel, item: Labelled) -> Scored:
    said, p = predict(model, item.example)
    best, _ = predict(TypeModel(model.weights, model.unknown, 0.0), item.example)
    return Scored(item, said, p, best)


@dataclass(frozen=True)
class Scored:
    item: Labelled
    said: str
    p: float  # the best type's probability
    best: str  # the best type (UNKNOWN when "none of them" is more probable), said or not

    @property
    def outcome(self) -> str:
        label = self.item.example.label
        return "right" if self.said == label else ("unknown" if self.said == UNKNOWN else "wrong")


def loro(items: Sequence[Labelled], validate: bool = True) -> list[Scored]:
    """Each corpus repository scored by a model fitted without it."""
    out = []
    for repo in sorted({i.repo for i in items} - {SAMPLES_REPO}):
        model = train([i for i in items if i.repo != repo], validate)
        out.extend(score(model, i) for i in items if i.repo == repo)
    return out


def summary(scored: Sequence[Scored]) -> str:
    counts = Counter(s.outcome for s in scored)
    n = len(scored)
    return (f"{counts['right']}/{n} right ({counts['right'] / n:.1%}), {counts['unknown']} UNKNOWN, "
            f"{counts['wrong']} wrong type, utility {counts['right'] - WRONG_COST * counts['wrong']:.0f} "
            f"(right - {WRONG_COST:g} x wrong)")


def corpus_trainer(vocab: Vocabulary | None = None) -> Callable[[list[tuple[str, str]]], Callable[[str], str]]:
    """`train(examples) -> predict` for `benchmarks.corpus`'s leave-one-repository-out hook.

    `examples` are (absolute path, labelled type) of the training repositories; `predict(path)`
    says the type of a file with weights fitted on them and on `sample_docs/`, as `--fit` does (the
    threshold validated by repository: a file's repository is its top folder under the corpus).
    Each file is read once per trainer, however many folds use it.
    """
    vocab = vocab or shipped_vocabulary()
    samples = load(None, vocab)
    cache: dict[tuple[str, str], Example | None] = {}

    def example(path: str, label: str) -> Example | None:
        if (path, label) not in cache:
            cache[(path, label)] = _example(Path(path), label, vocab)
        return cache[(path, label)]

    def train_on(examples: list[tuple[str, str]]) -> Callable[[str], str]:
        root = os.path.commonpath([os.path.dirname(p) for p, _ in examples]) if examples else ""
        items = [Labelled(p, os.path.relpath(p, root).split(os.sep)[0], ex) for p, label in examples
                 if (ex := example(p, label)) is not None]
        model = train(items + samples)

        def predict(path: str) -> str:
            ex = example(path, UNKNOWN)
            return UNKNOWN if ex is None else predict_type(model, ex)

        return predict

    return train_on


def predict_type(model: TypeModel, ex: Example) -> str:
    return predict(model, ex)[0]


def report(items: Sequence[Labelled], lines: list[str]) -> None:
    corpus = [i for i in items if i.repo != SAMPLES_REPO]
    held_out = loro(items)
    lines.append(f"Leave-one-repository-out on {len(corpus)} corpus documents of "
                 f"{len({i.repo for i in corpus})} repositories (sample_docs always in training):")
    lines.append(f"  {summary(held_out)}")
    lines.append("  by repository:")
    for repo in sorted({s.item.repo for s in held_out}):
        mine = [s for s in held_out if s.item.repo == repo]
        lines.append(f"    {sum(s.outcome == 'right' for s in mine)}/{len(mine)}  {repo}")
    lines.append("  not right (label -> said, probability of the best type):")
    for s in held_out:
        if s.outcome != "right":
            lines.append(f"    {s.outcome.upper():<8}{s.item.example.label:<21}-> {s.said:<21}{s.p:.2f}  {s.item.path}")
    confusion = Counter((s.item.example.label, s.said) for s in held_out if s.outcome != "right")
    lines.append("  confusion (label -> said: count):")
    for (label, said), count in sorted(confusion.items()):
        lines.append(f"    {label} -> {said}: {count}")
    lines.append("  with one threshold for every fold instead of each fold's own (right / UNKNOWN / wrong):")
    for threshold in (0.0, 0.3, 0.5, 0.7, 0.9):
        said = [Scored(s.item, s.best if s.p >= threshold else UNKNOWN, s.p, s.best) for s in held_out]
        counts = Counter(s.outcome for s in said)
        lines.append(f"    {threshold:.1f}: {counts['right']} / {counts['unknown']} / {counts['wrong']}")
    model = train(items)
    on_all = [score(model, i) for i in corpus]
    samples = [score(model, i) for i in items if i.repo == SAMPLES_REPO]
    lines.append(f"Fit on all (has seen what it scores; for comparison): corpus {summary(on_all)}")
    lines.append(f"  sample_docs: {summary(samples)}")
    lines.append(f"  weights: {model.to_data()}")


def write_model(model: TypeModel, items: Sequence[Labelled]) -> None:
    data = model.to_data()
    repos = {i.repo for i in items}
    header = ("# The document-type classifier's fitted weights (checker/analysis/type_model.py). Data, not\n"
              "# document text. Refit with: python -m benchmarks.classifier --fit\n"
              f"# Fitted on {len(items)} labelled documents of {len(repos)} sources (the corpus's repositories\n"
              f"# and sample_docs), L2 = {L2:g}; threshold chosen with a wrong type costing {WRONG_COST:g} right answer(s).\n")
    MODEL_FILE.write_text(header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def main(argv: Iterable[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.classifier", description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=None, help="the labelled corpus (default: ../shared/corpus)")
    parser.add_argument("--fit", action="store_true", help="refit and write rules/models/classifier.yaml")
    args = parser.parse_args(list(argv))
    corpus = args.corpus or default_corpus()
    if corpus is None or not (corpus / "labels.tsv").is_file():
        print("no labelled corpus found: pass --corpus DIR (a folder with labels.tsv)", file=sys.stderr)
        return 2
    items = load(corpus, shipped_vocabulary())
    if args.fit:
        model = train(items)
        write_model(model, items)
        print(f"wrote {os.path.relpath(MODEL_FILE, ROOT)}: {model.to_data()}")
        return 0
    lines: list[str] = []
    report(items, lines)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
