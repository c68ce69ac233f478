"""The corpus benchmark on a tiny corpus built here: doc-type accuracy, verdicts, unjudged and gone findings.

No test reads ../shared/corpus: the documents, labels.tsv and verdicts.tsv are written by the test.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from benchmarks import corpus, doctype
from benchmarks.verdicts import VerdictFileError, location_key, read_verdicts
from checker import check
from tests.support.clean_docs import EN_CHARTER, EN_SCOPE, make_docx

HEADER = "path\trule\tlocation\tverdict\treason\n"


@pytest.mark.parametrize("location, key", [
    (None, "-"),
    ({}, "-"),
    ({"paragraph": 12, "heading": "3 Budget", "text": "snippet"}, "p12"),
    ({"table": 3, "row": 2, "col": 1, "heading": "Approvals", "text": "Name"}, "t3r2c1"),
    ({"table": 3, "row": 2}, "t3r2"),
    ({"table": 3, "heading": "General"}, "t3"),
    ({"table": 0, "row": 1, "col": 1, "part": "header", "text": "Project"}, "hdr:t0r1c1"),
    ({"part": "properties"}, "props"),
    ({"sheet": "Sheet1", "cell": "B7", "text": "x"}, "Sheet1!B7"),
    ({"sheet": "风险登记册", "cell": "5:5"}, "风险登记册!5:5"),
    ({"heading": "only a heading"}, "-"),
])
def test_location_key_is_compact_and_holds_no_document_text(location, key):
    assert location_key(location) == key


def _corpus(root: Path) -> Path:
    """Two repositories: a complete charter, a thin charter with three defects, a thin scope statement."""
    (root / "alpha__one").mkdir(parents=True)
    (root / "beta__two").mkdir()
    make_docx(root / "alpha__one" / "charter.docx", sections=EN_CHARTER)
    # Half its sections (one CH-01 finding lists them), no approval block, a prompt left in the budget.
    thin = [*EN_CHARTER[:5], ("6. Summary Budget", "The budget is TBD until the board meets.")]
    make_docx(root / "alpha__one" / "thin charter.docx", sections=thin, approvals=[])
    make_docx(root / "beta__two" / "scope.docx", title="Project Scope Statement", sections=EN_SCOPE[:3], approvals=[])
    # The thin charter is labelled PMP on purpose: it stands for a document the classifier gets wrong.
    (root / "labels.tsv").write_text(
        "file\trepo\tcommit\tdoc_type\tlanguage\tfilled_or_template\tnote\n"
        "alpha__one/charter.docx\talpha/one\t0\tCHARTER\ten\tfilled\t\n"
        "alpha__one/thin charter.docx\talpha/one\t0\tPMP\ten\tfilled\t\n"
        "beta__two/scope.docx\tbeta/two\t0\tSCOPE_STATEMENT\ten\ttemplate\t\n", encoding="utf-8")
    return root


def _run(capsys, *argv: str) -> tuple[int, str]:
    code = corpus.main(list(argv))
    return code, capsys.readouterr().out


def _elements(finding: dict) -> list:
    return finding.get("missing_sections") or finding.get("missing_fields") or []


def test_corpus_benchmark_scores_doc_types_and_verdicts(tmp_path, capsys):
    root = _corpus(tmp_path / "corpus")
    verdicts = tmp_path / "verdicts.tsv"

    # Without a verdict file every blocker/major finding needs a verdict: one row per finding, or one
    # per element for a finding that names what is missing.
    code, out = _run(capsys, str(root), "--verdicts", str(verdicts), "--unjudged", "--json")
    assert code == 0
    unjudged = json.loads(out)["unjudged"]
    report = check([str(root)])
    expected: Counter = Counter()
    for d in report["documents"]:
        for f in d["findings"]:
            if f["severity"] in ("blocker", "major"):
                expected[(Path(d["path"]).name, f["rule"])] += len(_elements(f)) or 1
    assert Counter((Path(u["path"]).name, u["rule"]) for u in unjudged) == expected
    thin = [u for u in unjudged if u["path"] == "alpha__one/thin charter.docx"]
    assert len({(u["rule"], u["location"]) for u in thin}) == len(thin)  # each row its own key
    thin_doc = next(d for d in report["documents"] if d["path"].endswith("thin charter.docx"))
    grouped = next(f for f in thin_doc["findings"] if f["rule"] == "CH-01")
    elements = _elements(grouped)
    assert len(elements) >= 3
    rows = [u for u in thin if u["rule"] == "CH-01"]
    assert [u["location"] for u in rows] == [f"-#{e}" for e in elements]
    single = next(u for u in thin if u["rule"] != "CH-01")

    # Judge the single finding true, and every element of the grouped one but the last: it stays unjudged.
    # The first element is judged where an earlier version expected it (after a heading): the row
    # judges the claim 'this element is missing' wherever it was expected.
    element_rows = [f"alpha__one/thin charter.docx\tCH-01\tp4#{elements[0]}\ttrue\treally missing\n"] + [
        f"alpha__one/thin charter.docx\tCH-01\t-#{e}\ttrue\treally missing\n" for e in elements[1:-1]]
    head = ("# comment lines are allowed\n" + HEADER
            + f"{single['path']}\t{single['rule']}\t{single['location']}\ttrue\treal defect\n" + "".join(element_rows)
            + "alpha__one/charter.docx\tCH-01\tp99#Project Purpose\tfalse\tan old false alarm, fixed since\n")
    verdicts.write_text(head, encoding="utf-8")
    result = json.loads(_run(capsys, str(root), "--verdicts", str(verdicts), "--json")[1])
    filled = result["precision"]["filled"]["overall"]
    assert (filled["true"], filled["false"]) == (1, 0)
    assert [u["location"] for u in result["unjudged"] if u["rule"] == "CH-01"] == [f"-#{elements[-1]}"]

    # The last element is there under another name: the grouped finding is partly right.
    verdicts.write_text(head + f"alpha__one/thin charter.docx\tCH-01\t-#{elements[-1]}\tfalse\tpresent as a table\n",
                        encoding="utf-8")
    code, out = _run(capsys, str(root), "--verdicts", str(verdicts), "--json")
    assert code == 0
    result = json.loads(out)

    dt = result["doc_type"]
    assert (dt["right"], dt["total"]) == (2, 3)
    assert dt["by_repository"]["alpha/one"] == {"right": 1, "total": 2, "accuracy": 0.5}
    assert dt["by_repository"]["beta/two"]["accuracy"] == 1.0
    assert dt["by_type"]["PMP"]["right"] == 0
    assert dt["confusion"] == [{"labelled": "PMP", "got": "CHARTER", "files": ["alpha__one/thin charter.docx"]}]
    # Leave-one-repository-out with the classifier's own training (sample_docs plus the other repository).
    assert dt["loro"]["total"] == 3 and dt["loro"]["note"].startswith("LORO: trained on every repository but")

    filled = result["precision"]["filled"]["overall"]
    assert (filled["true"], filled["false"], filled["partly"]) == (1, 1, 1)
    thin_rows = sum(1 for u in thin if u["rule"] != "CH-01") + 1  # the grouped finding counts once
    assert filled["unjudged"] == thin_rows - 2
    assert filled["precision"] == 0.5 and filled["precision_with_partly"] == 1.0
    # Claims: each element of the grouped finding on its own (all but the last really missing), and
    # the single finding; the unjudged findings' claims are not judged.
    claims = result["precision"]["filled"]["claims"]
    assert (claims["true"], claims["false"]) == (1 + len(elements) - 1, 1)
    by_rule = result["precision"]["filled"]["by_rule"]
    assert (by_rule["CH-01"]["false"], by_rule["CH-01"]["partly"]) == (1, 1)
    assert by_rule[single["rule"]]["true"] == 1
    template = result["precision"]["template"]["overall"]
    assert template["precision"] is None
    scope_findings = [f for d in report["documents"] if d["path"].endswith("scope.docx") for f in d["findings"]
                      if f["severity"] in ("blocker", "major")]
    assert template["unjudged"] == len(scope_findings)
    assert len(result["unjudged"]) == len(unjudged) - 1 - len(elements)
    assert [(g["rule"], g["location"], g["verdict"]) for g in result["gone"]] == [("CH-01", "p99#Project Purpose", False)]

    # The text report says the same for a person.
    code, out = _run(capsys, str(root), "--verdicts", str(verdicts))
    assert code == 0
    assert "Doc type: 2/3 as labelled (66.7%)" in out
    assert "LORO: trained on every repository but the one scored:" in out
    assert "filled documents: 50.0% (1 true / 2 judged; 100.0% counting 1 partly right as right" in out
    assert "claims (each element a finding says is missing, on its own): " in out
    assert "1 verdicts are for findings that are gone" in out and "p99#Project Purpose" in out

    # --unjudged lists what still needs a verdict, the verdict file's key columns first.
    code, out = _run(capsys, str(root), "--verdicts", str(verdicts), "--unjudged")
    lines = out.splitlines()
    assert len(lines) == len(unjudged) - 1 - len(elements)
    assert all(len(line.split("\t")) == 6 for line in lines)
    assert not {(single["path"], single["rule"], single["location"])} & {tuple(line.split("\t")[:3]) for line in lines}


def test_leave_one_repository_out_trains_without_the_repository_it_scores(tmp_path):
    labels = {f"{repo}__x/{n}.docx": doctype.Label(f"{repo}__x/{n}.docx", repo, t, "filled")
              for repo, n, t in [("a", 1, "CHARTER"), ("a", 2, "CHARTER"), ("b", 1, "CHARTER"),
                                 ("b", 2, "PMP"), ("c", 1, "PMP")]}
    held_out: list[tuple[set[str], set[str]]] = []

    def train(examples: list[tuple[str, str]]):
        """A real if simple learner: the most common type among the training examples."""
        counts = Counter(t for _, t in examples)
        majority = min(counts, key=lambda t: (-counts[t], t))
        trained_on = {Path(p).parent.name for p, _ in examples}

        def predict(path: str) -> str:
            held_out.append((trained_on, {Path(path).parent.name}))
            return majority
        return predict

    plain = doctype.accuracy(labels, {name: "CHARTER" for name in labels})
    loro = doctype.leave_one_repository_out(labels, str(tmp_path), train)
    # a: trained on b+c -> PMP (0/2); b: trained on a+c -> CHARTER (1/2); c: trained on a+b -> CHARTER (0/1).
    assert (loro["right"], loro["total"]) == (1, 5) and plain["right"] == 3
    assert held_out and all(not (trained & scored) for trained, scored in held_out)


@pytest.mark.parametrize("row, error", [
    ("a.docx\tCOM-01\t-\tmaybe\twhy\n", "verdict must be true or false"),
    ("a.docx\tCOM-01\t-\ttrue\t\n", "needs a reason"),
    ("a.docx\tCOM-01\t-\ttrue\n", "4 columns"),
    ("a.docx\tCOM-01\t-\ttrue\tok\na.docx\tCOM-01\t-\tfalse\tdup\n", "judged on line 2"),
])
def test_a_malformed_verdict_file_is_refused_with_its_line(tmp_path, row, error):
    path = tmp_path / "verdicts.tsv"
    path.write_text(HEADER + row, encoding="utf-8")
    with pytest.raises(VerdictFileError, match=error):
        read_verdicts(path)


def test_a_malformed_verdict_file_stops_the_benchmark_with_status_2(tmp_path, capsys):
    root = _corpus(tmp_path / "corpus")
    verdicts = tmp_path / "verdicts.tsv"
    verdicts.write_text("document\trule\n", encoding="utf-8")
    assert corpus.main([str(root), "--verdicts", str(verdicts)]) == 2
    assert "the header must be path rule location verdict reason" in capsys.readouterr().err
