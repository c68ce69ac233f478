"""The sign-off of a document, one definition for every rule that asks about it (COM-05/06/07/08)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from checker.analysis.context import Context
from checker.analysis.signoff import approval_state, is_signoff_label
from checker.core.options import Options
from checker.io.readers import read_document
from checker.io.safe_open import open_document
from checker.lexicon.vocabulary import shipped_vocabulary
from tests.support.clean_docs import make_docx

VOCAB = shipped_vocabulary()


@pytest.mark.parametrize("label", ["Approved by", "Approver", "Signed by", "UAT Sign-off", "审批人", "批准人",
                                   "项目经理签字", "审批日期", "批准时间", "审批意见", "批准："])
def test_sign_off_labels(label: str) -> None:
    assert is_signoff_label(VOCAB, label)


@pytest.mark.parametrize("label", ["Design", "UI/UX Designer", "Total authorised budget", "Lecturer assignment",
                                   "Design Phase", "Assigned Project Manager", "Date", "日期"])
def test_labels_that_only_contain_sign_or_approve_are_not_sign_off(label: str) -> None:
    assert not is_signoff_label(VOCAB, label)


def _context(path: Path) -> Context:
    doc = read_document(open_document(str(path), Options().limits), VOCAB)
    return Context(doc=doc, doc_type="CHARTER", language="en", today=date(2026, 11, 25), vocab=VOCAB)


def test_design_and_budget_fields_are_no_approval_block(tmp_path: Path) -> None:
    control = {"Project Name": "Apollo CRM Migration", "Design": "Approved vendor design",
               "Total authorised budget": "USD 1,200,000"}
    path = make_docx(tmp_path / "charter.docx", control=control, approvals=[])
    assert not approval_state(_context(path)).found


def test_sign_off_fields_are_an_approval_block(tmp_path: Path) -> None:
    control = {"Project Name": "Apollo CRM Migration", "Approved by": "Dana Lee", "Approval Date": "2026-01-14",
               "审批日期": "2026-01-14"}
    state = approval_state(_context(make_docx(tmp_path / "charter.docx", control=control, approvals=[])))
    assert state.found and not state.empty
    assert any(e.who == "Dana Lee" for e in state.entries) and any(e.when == date(2026, 1, 14) for e in state.entries)
