"""One vocabulary per configuration: documents checked at once under different configurations (the
service's threads, a threaded Dask worker) each get the results of their own configuration."""
from __future__ import annotations

import gc
import itertools
import random
import weakref
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

from openpyxl import Workbook

import checker
from checker.analysis.classify import classify
from checker.core.options import Options
from checker.io.readers import read_document
from checker.io.safe_open import open_document
from checker.lexicon.vocabulary import Vocabulary, shipped_vocabulary
from tests.support.clean_docs import ZH_CHARTER, make_docx

TODAY = date(2026, 11, 25)
# Extra synonyms of a PMO: its charters call the exit criteria 项目收尾判据, its registers call
# probability 'Chance'. The default configuration knows neither word (nor reads 判据 as a criterion).
TAILORED = {"synonyms": {"CHARTER": {"sections": {"exit_criteria": {"zh": ["项目收尾判据"]}}},
                         "RISK_REGISTER": {"columns": {"probability": {"en": ["Chance"]}}}}}


def _charter(path: Path) -> Path:
    sections = [("十、项目收尾判据", text) if heading.startswith("十、") else (heading, text)
                for heading, text in ZH_CHARTER]
    return make_docx(path, title="项目章程", zh=True, sections=sections)


def _register(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Risk Register"
    ws.append(["Risk ID", "Risk Description", "Category", "Chance", "Impact", "Owner", "Response", "Status"])
    ws.append(["R-01", "Vendor delay could slip the go-live milestone", "Schedule", 3, 4, "Wei Zhang",
               "Weekly vendor call", "Open"])
    wb.save(path)
    return path


def _check(path: Path, tailored: bool) -> list[tuple[str, str]]:
    config = {"today": TODAY, "workers": 0, **(TAILORED if tailored else {})}
    doc = checker.check([str(path)], config=config)["documents"][0]
    assert doc["error"] is None, doc["error"]
    return sorted((f["rule"], f["message"]) for f in doc["findings"])


def test_each_configuration_gets_its_own_results_in_threads_and_in_alternation(tmp_path: Path) -> None:
    docs = [_charter(tmp_path / "项目章程.docx"), _register(tmp_path / "risk_register.xlsx")]
    cases = list(itertools.product(docs, (True, False)))
    sequential = {case: _check(*case) for case in cases}
    # The configurations really differ on these documents: the tailored words are recognised.
    assert sequential[docs[0], True] != sequential[docs[0], False]
    assert sequential[docs[1], True] != sequential[docs[1], False]
    assert any("项目退出标准" in m for _, m in sequential[docs[0], False])  # missing without the synonym
    assert not any("项目退出标准" in m for _, m in sequential[docs[0], True])

    # In alternation, in one thread: the tailored words never reach the default configuration.
    for case in cases * 3:
        assert _check(*case) == sequential[case], case

    # In threads, many at once, interleaved at random.
    order = cases * 12
    random.Random(5).shuffle(order)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda case: (case, _check(*case)), order))
    for case, found in results:
        assert found == sequential[case], case


def test_the_reader_and_classifier_use_the_vocabulary_they_are_given(tmp_path: Path) -> None:
    path = _register(tmp_path / "risk_register.xlsx")
    opened = open_document(str(path), Options().limits)
    extra = Vocabulary("tailored", {"doctypes": _with_chance(shipped_vocabulary().doc_types)})
    tailored, default = read_document(opened, extra), read_document(opened, shipped_vocabulary())
    assert "probability" in tailored.sheets[0].columns
    assert "probability" not in default.sheets[0].columns
    assert classify(tailored, extra).doc_type == classify(default, shipped_vocabulary()).doc_type == "RISK_REGISTER"


def test_what_a_vocabulary_derives_goes_with_it(tmp_path: Path) -> None:
    """Matchers derived from a configuration's words are kept on its vocabulary, not in module-level
    caches: once the configuration is gone, so is everything derived from it."""
    path = _charter(tmp_path / "项目章程.docx")
    opened = open_document(str(path), Options().limits)
    vocab = Vocabulary("short-lived", {"doctypes": _with_chance(shipped_vocabulary().doc_types)})
    classify(read_document(opened, vocab), vocab)
    gone = weakref.ref(vocab)
    del vocab
    gc.collect()
    assert gone() is None


def _with_chance(doc_types: dict) -> dict:
    import copy

    out = copy.deepcopy(dict(doc_types))
    out["RISK_REGISTER"]["columns"]["probability"]["en"].append("Chance")
    return out


def test_a_prepared_vocabulary_checks_the_same_and_builds_what_a_first_check_would(tmp_path: Path) -> None:
    """`prepare` (a worker's preload) builds the matchers a first check would build on first use, the
    same ones: a document read and classified with a prepared vocabulary comes out as with a fresh one,
    and its check derives nothing more of the vocabulary alone or of the vocabulary and its type."""
    from checker.lexicon.vocabulary import _PREPARED, prepare

    path = _charter(tmp_path / "项目章程.docx")
    opened = open_document(str(path), Options().limits)
    fresh, prepared = Vocabulary("fresh"), Vocabulary("prepared")
    prepare(prepared)
    built = set(prepared._derived)
    covered = {fn for fn, _ in _PREPARED}
    assert {fn for fn, _ in built} == covered  # every registered matcher, nothing else
    assert any(args == ("CHARTER",) for _, args in built)  # the per-type ones, for each type
    doc_fresh, doc_prepared = read_document(opened, fresh), read_document(opened, prepared)
    assert [(b.kind, b.text, b.level) for b in doc_fresh.blocks] == [(b.kind, b.text, b.level) for b in doc_prepared.blocks]
    assert classify(doc_fresh, fresh) == classify(doc_prepared, prepared)
    assert not {key for key in set(prepared._derived) - built if key[0] in covered}
    assert {key for key in set(fresh._derived) if key[0] in covered} <= built
