"""How pmo-check does on a labelled corpus of real documents (run by hand, not a test).

    python -m benchmarks.corpus [CORPUS_DIR] [--verdicts FILE] [--json] [--unjudged]

CORPUS_DIR (default: ../shared/corpus next to the repository) holds the documents and a
`labels.tsv` (file, repo, doc_type, language, filled_or_template, ...). Prints:

- doc-type accuracy overall, per repository and per labelled type, a confusion list, and the
  leave-one-repository-out figure (see benchmarks/doctype.py);
- the precision of blocker and major findings, overall and by rule, for filled documents, blank
  templates and all, from the verdict file `benchmarks/verdicts.tsv` (see benchmarks/verdicts.py):
  a finding that names several missing elements is right only when every one is really missing
  (the headline figure), and the claims line counts each element it names on its own;
- the blocker/major findings that have no verdict yet, and the verdicts whose finding is gone.

`--unjudged` prints only the findings that need a verdict, one per line as the verdict file's first
three columns, then the severity and the message (messages may quote the document: keep them out
of commits and notes). `--json` prints the same as JSON. Exit status 0, or 2 when the corpus or
the verdict file cannot be read.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from benchmarks import doctype
from benchmarks.verdicts import VerdictFileError, findings_of, match, read_verdicts, rel_path, tallies

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
DEFAULT_VERDICTS = REPO / "benchmarks" / "verdicts.tsv"


def measure(root: str, verdicts_path: str, train: doctype.Trainer | None) -> dict[str, Any]:
    """Check the corpus once and measure doc types and finding precision."""
    from checker import check

    labels = doctype.read_labels(os.path.join(root, "labels.tsv"))
    verdicts = read_verdicts(verdicts_path)
    report = check([root])
    got = {rel: d.get("doc_type", "MISSING") for d in report["documents"] if (rel := rel_path(d["path"], root)) in labels}
    plain = doctype.accuracy(labels, got)
    judgement = match(findings_of(report, root), verdicts)
    group_of = {name: label.filled or "unlabelled" for name, label in labels.items()}
    return {
        "corpus": root,
        "documents": len(report["documents"]),
        "doc_type": {**plain, "loro": doctype.leave_one_repository_out(labels, root, train)},
        "precision": tallies(judgement, group_of),
        "unjudged": [{"path": f.path, "rule": f.rule, "location": f.location, "severity": f.severity,
                      "group": group_of.get(f.path, "unlabelled"), "message": f.message}
                     for f in judgement.to_judge],
        "gone": [{"path": v.path, "rule": v.rule, "location": v.location, "verdict": v.verdict,
                  "reason": v.reason, "line": v.line} for v in judgement.gone],
    }


def _pct(x: float | None) -> str:
    return "  –  " if x is None else f"{x:5.1%}"


def _print_text(result: dict[str, Any]) -> None:
    dt = result["doc_type"]
    print(f"Corpus {result['corpus']}: {result['documents']} files\n")
    print(f"Doc type: {dt['right']}/{dt['total']} as labelled ({_pct(dt['accuracy']).strip()})")
    loro = dt["loro"]
    print(f"{loro['note']}: {loro['right']}/{loro['total']} ({_pct(loro['accuracy']).strip()})")
    for title, key in (("by repository", "by_repository"), ("by labelled type", "by_type")):
        print(f"\n  {title}:")
        for name, s in dt[key].items():
            print(f"    {_pct(s['accuracy'])}  {s['right']:>3}/{s['total']:<3} {name}")
    print("\n  confusion (labelled -> got):")
    for c in dt["confusion"]:
        print(f"    {c['labelled']} -> {c['got']} ({len(c['files'])})")
        for name in c["files"]:
            print(f"        {name}")
    for group, t in result["precision"].items():
        o = t["overall"]
        print(f"\nPrecision of blocker+major findings, {group} documents: {_pct(o['precision']).strip()} "
              f"({o['true']} true / {o['true'] + o['false']} judged; {_pct(o['precision_with_partly']).strip()} "
              f"counting {o['partly']} partly right as right; {o['unjudged']} unjudged)")
        c = t["claims"]
        print(f"    claims (each element a finding says is missing, on its own): {_pct(c['precision']).strip()} "
              f"({c['true']} true / {c['true'] + c['false']} judged)")
        print(f"    {'rule':<9}{'prec':>7}{'true':>6}{'false':>6}{'partly':>7}{'unjudged':>9}")
        for rule, r in t["by_rule"].items():
            print(f"    {rule:<9}{_pct(r['precision']):>7}{r['true']:>6}{r['false']:>6}{r['partly']:>7}{r['unjudged']:>9}")
    print(f"\n{len(result['unjudged'])} verdicts are missing for blocker/major findings or their elements "
          "(python -m benchmarks.corpus --unjudged lists them)")
    print(f"{len(result['gone'])} verdicts are for findings that are gone (kept, never deleted):")
    for g in result["gone"]:
        print(f"    line {g['line']}: {'true ' if g['verdict'] else 'false'} {g['rule']:<7} {g['location']}  {g['path']}")


def _print_unjudged(result: dict[str, Any]) -> None:
    for f in result["unjudged"]:
        print("\t".join((f["path"], f["rule"], f["location"], f["severity"], f["group"], f["message"])))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.corpus", description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS), help="the corpus folder (with labels.tsv)")
    parser.add_argument("--verdicts", default=str(DEFAULT_VERDICTS), help="the verdict file (default: %(default)s)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--unjudged", action="store_true", help="only the findings that need a verdict")
    args = parser.parse_args(argv)
    root = os.path.realpath(args.corpus)
    if not os.path.isfile(os.path.join(root, "labels.tsv")):
        print(f"no labels.tsv in {root}", file=sys.stderr)
        return 2
    try:
        result = measure(root, args.verdicts, doctype.trainer())
    except VerdictFileError as exc:
        print(exc, file=sys.stderr)
        return 2
    if args.json:
        out = {"unjudged": result["unjudged"]} if args.unjudged else result
        print(json.dumps(out, ensure_ascii=False, indent=2))
    elif args.unjudged:
        _print_unjudged(result)
    else:
        _print_text(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
