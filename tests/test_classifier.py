"""The document-type classifier: its fitting procedure on synthetic feature vectors, and documents
built in code that reproduce each recognition gap seen on real documents (issue #16)."""
from __future__ import annotations

import random
from pathlib import Path

import pytest
from docx import Document as WordDocument

from checker.analysis.classify import UNKNOWN, classify
from checker.analysis.type_evidence import FEATURES
from checker.analysis.type_model import Example, TypeModel, _loss, choose_threshold, fit, model_from_data
from checker.analysis.type_terms import term_hits, term_index
from checker.io.readers import read_document
from checker.io.safe_open import open_document
from checker.lexicon.vocabulary import shipped_vocabulary
from tests.support.xlsx_quirks import build

VOCAB = shipped_vocabulary()
TYPES = [f"T{i}" for i in range(6)]


# --- fitting, on synthetic feature vectors ------------------------------------------------------

def _synthetic(n: int, seed: int) -> list[Example]:
    """Documents whose type shows in `title_name` (noisy) and `sections`; `mentions` is noise; a
    document with no type (label UNKNOWN) shows only noise."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        label = UNKNOWN if i % 7 == 0 else rnd.choice(TYPES)
        features = {}
        for t in TYPES:
            own = t == label
            fs = {"mentions": rnd.random()}
            if own and rnd.random() < 0.8 or not own and rnd.random() < 0.1:
                fs["title_name"] = 1.0
            fs["sections"] = rnd.uniform(0.4, 1.0) if own else rnd.uniform(0.0, 0.4)
            features[t] = fs
        out.append(Example(features, len(TYPES), label))
    return out


def test_fitting_learns_the_telling_features_and_not_the_noise():
    weights, unknown = fit(_synthetic(400, seed=1), l2=0.1)
    assert weights["title_name"] > 1.0 and weights["sections"] > 1.0
    assert abs(weights["mentions"]) < 0.5 * min(weights["title_name"], weights["sections"])
    assert all(weights[f] == 0.0 for f in FEATURES if f not in ("title_name", "sections", "mentions"))
    model = TypeModel(weights, unknown, 0.0)
    held_out = _synthetic(200, seed=2)
    right = sum(model.decide(model.probabilities(ex.features, ex.n_types))[0] == ex.label for ex in held_out)
    assert right / len(held_out) > 0.85


def test_fitting_is_deterministic_and_reaches_the_optimum():
    examples = _synthetic(150, seed=3)
    weights, unknown = fit(examples, l2=0.5)
    assert (weights, unknown) == fit(examples, l2=0.5)
    warm, warm_unknown = fit(examples, l2=0.5, start=TypeModel(weights, unknown, 0.0))
    assert warm == pytest.approx(weights, abs=1e-4) and warm_unknown == pytest.approx(unknown, abs=1e-4)
    # Any small step away from the fitted parameters makes the penalised loss worse.
    features = list(FEATURES)
    rows_w = [weights[f] for f in features] + [unknown]
    from checker.analysis.type_model import _design
    rows = [_design(ex, {f: i for i, f in enumerate(features)}, len(rows_w)) for ex in examples]
    best = _loss(rows, rows_w, 0.5)
    for i in range(len(rows_w)):
        for delta in (-1e-3, 1e-3):
            moved = list(rows_w)
            moved[i] += delta
            assert _loss(rows, moved, 0.5) > best


def test_a_stronger_penalty_shrinks_the_weights():
    examples = _synthetic(150, seed=4)
    loose, _ = fit(examples, l2=0.01)
    tight, _ = fit(examples, l2=10.0)
    assert abs(tight["title_name"]) < abs(loose["title_name"])


def test_documents_without_evidence_are_unknown_after_fitting():
    weights, unknown = fit(_synthetic(300, seed=5), l2=0.1)
    model = TypeModel(weights, unknown, 0.0)
    assert model.decide(model.probabilities({}, len(TYPES)))[0] == UNKNOWN
    assert model.decide(model.probabilities({"T1": {"title_name": 1.0, "sections": 0.9}}, len(TYPES)))[0] == "T1"


def test_the_threshold_trades_right_answers_against_wrong_types():
    outcomes = [("A", 0.95, "A"), ("A", 0.9, "A"), ("B", 0.8, "B"), ("B", 0.6, "C"), ("C", 0.55, "C"),
                ("C", 0.4, "B"), ("A", 0.3, UNKNOWN)]
    # A wrong type costing one right answer: saying everything from 0.55 up is best (4 right, 1 wrong).
    assert 0.4 < choose_threshold(outcomes, wrong_cost=1.0) <= 0.55
    # Costing three: stop below the wrong type at 0.6 (3 right, no wrong).
    assert 0.6 < choose_threshold(outcomes, wrong_cost=3.0) <= 0.8
    model = TypeModel({}, 0.0, choose_threshold(outcomes, wrong_cost=3.0))
    assert model.decide({"A": 0.65, "B": 0.25, UNKNOWN: 0.1}) == (UNKNOWN, 0.65)
    assert model.decide({"A": 0.9, "B": 0.05, UNKNOWN: 0.05}) == ("A", 0.9)


def test_the_shipped_model_names_only_known_features():
    with pytest.raises(ValueError, match="unknown features"):
        model_from_data({"weights": {"title_name": 1.0, "colour": 2.0}})


# --- key terms ------------------------------------------------------------------------------------

@pytest.mark.parametrize("title, doc_type", [
    ("范围计划", "SCOPE_STATEMENT"), ("成本报告", "COST_PLAN"), ("需求变更评审表", "CHANGE_REQUEST"),
    ("Team Perfomance Report", "STATUS_REPORT"), ("Lessons Learnt Report", "LESSONS"), ("Milestones", "SCHEDULE"),
])
def test_a_title_names_its_type_by_key_terms(title, doc_type):
    hits = term_hits(title, term_index(VOCAB))
    assert max(hits, key=lambda t: hits[t].score) == doc_type


@pytest.mark.parametrize("title", ["Project Report", "项目管理", "软件项目管理", "Lunch Menu"])
def test_generic_words_name_no_type(title):
    assert term_hits(title, term_index(VOCAB)) == {}


def test_a_shared_head_noun_names_no_type():
    """风险检查表 is a risk checklist: it shares the head noun 检查表 with the quality checklist
    (质量检查表), which says what kind of paper it is, not what it is about."""
    assert "QUALITY_PLAN" not in term_hits("风险检查表", term_index(VOCAB))


# --- documents built in code ----------------------------------------------------------------------

def _classify(path: Path):
    return classify(read_document(open_document(str(path)), VOCAB), VOCAB)


def _word(path: Path, title: str, sections: list[tuple[str, object]]) -> Path:
    doc = WordDocument()
    doc.add_heading(title, level=0)
    for heading, body in sections:
        doc.add_heading(heading, level=1)
        if isinstance(body, str):
            doc.add_paragraph(body)
        else:
            table = doc.add_table(rows=0, cols=len(body[0]))
            for row in body:
                for cell, text in zip(table.add_row().cells, row):
                    cell.text = text
    doc.save(path)
    return path


def test_a_chinese_title_that_names_its_type_by_a_key_term_only(tmp_path):
    """范围计划 is none of the scope statement's names (范围说明书, 项目范围说明书, …): its key term 范围
    says scope."""
    path = _word(tmp_path / "范围计划.docx", "范围计划", [
        ("1 项目目的", "建设统一的数据采集平台，提高数据质量。"),
        ("2 功能分解", "用户管理、数据采集、数据展示、数据分析四个模块。"),
        ("3 功能需求", "企业备案、数据填报、数据查询。"),
    ])
    result = _classify(path)
    assert result.doc_type == "SCOPE_STATEMENT"
    assert any(e.feature == "title_terms" and "范围" in e.source for e in result.evidence["SCOPE_STATEMENT"])


RISK_TABLE = [["Risk ID", "Risk Description", "Probability", "Impact", "Risk Owner", "Response Strategy", "Status"]] + [
    [f"R-{i}", f"Risk number {i} of the migration", "Medium", "High", "Wei Zhang", "Mitigate", "Open"] for i in range(1, 9)]


def test_a_plan_with_an_embedded_risk_register_stays_a_plan(tmp_path):
    """A plan's risk section holds its risk register: the register is one part of the plan."""
    body = ("{} is planned, monitored and controlled as this section says. The project manager keeps it up to "
            "date and the steering committee reviews it at each stage gate.")
    sections: list[tuple[str, object]] = []
    for n, part in enumerate(["Scope", "Schedule", "Cost", "Quality", "Risk", "Communications", "Change"], start=2):
        sections.append((f"{n}. {part} Management Plan", body.format(part)))
        sections.extend((f"{n}.{k} {part} {topic}", body.format(part)) for k, topic in enumerate(
            ["approach", "roles and responsibilities", "monitoring"], start=1))
        if part == "Risk":
            sections.append((f"{n}.4 Risk Register", RISK_TABLE))
    path = _word(tmp_path / "plan.docx", "Project Management Plan",
                 [("1. Introduction", body.format("The CRM migration"))] + sections)
    result = _classify(path)
    assert result.doc_type == "PMP"
    assert "columns" in {e.feature for e in result.evidence["RISK_REGISTER"]}, "the risk table was seen"
    assert result.runner_up is not None


def _sheet_form(ws, title: str, fields: list[tuple[str, str]], table: list[list[str]] | None = None) -> None:
    ws["A1"] = title
    row = 3
    for label, value in fields:
        ws.cell(row=row, column=1, value=label)
        ws.cell(row=row, column=2, value=value)
        row += 1
    for cells in table or []:
        row += 1
        for col, text in enumerate(cells, start=1):
            ws.cell(row=row, column=col, value=text)


def test_a_status_report_laid_out_as_an_excel_form_is_a_status_report(tmp_path):
    def populate(wb):
        _sheet_form(wb.create_sheet("Week 12"), "Weekly Status Report", [
            ("Project Name:", "CRM Migration"), ("Project Manager:", "Wei Zhang"), ("Week Ending:", "2026-03-20"),
            ("Reporting Period:", "2026-03-14 to 2026-03-20"), ("Overall Status:", "Green"),
            ("Accomplishments This Period:", "Data mapping signed off"), ("Planned Next Period:", "First rehearsal"),
            ("Issues:", "Test environment late"), ("Risks:", "Key users on holiday in April"),
        ], [["Task", "Owner", "Start Date", "Finish Date", "Status"],
            ["Data mapping", "Wei Zhang", "2026-03-01", "2026-03-18", "Done"],
            ["Rehearsal 1", "Omar Haddad", "2026-03-21", "2026-03-28", "Not started"]])

    path = tmp_path / "week12.xlsx"
    path.write_bytes(build(populate))
    result = _classify(path)
    assert result.doc_type == "STATUS_REPORT"


def test_a_change_request_form_in_excel_is_a_change_request_not_a_change_log(tmp_path):
    def populate(wb):
        _sheet_form(wb.create_sheet("CR"), "Change Request Form", [
            ("Change Request No.:", "CR-007"), ("Project Name:", "CRM Migration"), ("Requested By:", "Dana Lee"),
            ("Date Requested:", "2026-04-02"), ("Description of Change:", "Add the partner portal to the scope"),
            ("Reason for Change:", "New sales channel"), ("Impact on Schedule:", "+10 days"),
            ("Impact on Cost:", "USD 25,000"), ("Decision:", "Approved"), ("Approved By:", "Dana Lee"),
        ])

    path = tmp_path / "cr.xlsx"
    path.write_bytes(build(populate))
    result = _classify(path)
    assert result.doc_type == "CHANGE_REQUEST"


def test_a_document_with_little_evidence_is_unknown_and_needs_review(tmp_path):
    path = _word(tmp_path / "notes.docx", "Team outing", [
        ("Where", "The lake, if the weather holds."),
        ("Who brings what", "Sandwiches, a ball and sun cream."),
    ])
    result = _classify(path)
    assert result.doc_type == UNKNOWN and result.needs_review
    assert 0.0 <= result.confidence <= 1.0


def test_the_evidence_says_where_it_comes_from(tmp_path):
    path = _word(tmp_path / "Project Charter.docx", "Project Charter", [
        ("Project Purpose", "Replace the CRM."), ("Key Stakeholder List", "Sales, IT operations."),
        ("Summary Budget", "USD 1.2 million."), ("Project Exit Criteria", "Go-live accepted."),
    ])
    result = _classify(path)
    assert result.doc_type == "CHARTER"
    sources = {e.feature: e.source for e in result.evidence["CHARTER"]}
    assert sources["title_name"] == 'title "Project Charter" names CHARTER'
    assert sources["filename_name"] == 'file name "Project Charter" names CHARTER'
    assert sources["sections"].startswith("4/")
    assert result.scores["CHARTER"] == max(result.scores.values())


def test_headings_that_use_the_head_nouns_of_section_names_count_as_those_sections(tmp_path):
    """'Requirements', 'Project Manager', 'Budget': real charters shorten the standard's section names
    (High-level Requirements, Assigned Project Manager, Summary Budget) to their head nouns."""
    doc = WordDocument()
    for label, value in [("Project Title:", "E-waste collection app"), ("- Requirements:", "Pick-up booking, tracking"),
                         ("- Project Manager:", "Wei Zhang"), ("- Budget:", "USD 40,000"),
                         ("- Exit Criteria:", "The app is live in two cities")]:
        doc.add_paragraph(f"{label} {value}")
    path = tmp_path / "e-waste project charter.docx"
    doc.save(path)
    result = _classify(path)
    assert result.doc_type == "CHARTER"
    sections = next(e for e in result.evidence["CHARTER"] if e.feature == "sections")
    assert "head noun" in sections.source


def test_the_corpus_benchmark_trainer_fits_on_the_examples_it_is_given(tmp_path):
    """`benchmarks.corpus` measures leave-one-repository-out through `corpus_trainer`: train on the
    files of some repositories (plus sample_docs), predict files it has not seen."""
    from benchmarks.classifier import corpus_trainer

    alpha, beta = tmp_path / "corpus" / "alpha__one", tmp_path / "corpus" / "beta__two"
    alpha.mkdir(parents=True)
    beta.mkdir()
    charter = [("Project Purpose", "Replace the CRM."), ("Key Stakeholder List", "Sales, IT operations."),
               ("Summary Budget", "USD 1.2 million."), ("Project Exit Criteria", "Go-live accepted.")]
    train = corpus_trainer()(
        [(str(_word(alpha / "charter.docx", "Project Charter", charter)), "CHARTER"),
         (str(_word(alpha / "outing.docx", "Team outing", [("Where", "The lake.")])), UNKNOWN)])
    assert train(str(_word(beta / "Project Charter v2.docx", "Project Charter", charter[:3]))) == "CHARTER"
    assert train(str(beta / "missing.docx")) == UNKNOWN
