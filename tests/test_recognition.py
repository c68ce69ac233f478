"""Recognition of registers, sections and tables laid out as real documents lay them out (#16):
column headers worded otherwise and columns typed by their values, legend and total rows under a
register, sections under other names or in other layouts. Every document is built here."""
from __future__ import annotations

from datetime import date

from openpyxl import Workbook

import checker
from checker.lexicon.matchers import type_column_synonyms, type_sections
from checker.lexicon.vocabulary import shipped_vocabulary

TODAY = date(2026, 11, 25)


def check(path):
    doc = checker.check([str(path)], config={"today": TODAY})["documents"][0]
    assert doc["error"] is None, doc["error"]
    return doc


def of_rule(doc, rid):
    return [f for f in doc["findings"] if f["rule"] == rid]


def sheet_workbook(path, sheet, rows):
    """One sheet whose rows are written from A1 down (None leaves a cell blank)."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for r, line in enumerate(rows, start=1):
        for c, value in enumerate(line, start=1):
            if value is not None:
                ws.cell(r, c, value)
    wb.save(path)
    return path


# --- registers -------------------------------------------------------------------------------------

RISKS = [
    (1, "Supplier may deliver late", "Delivery slips by weeks", 4, 5, 20, "Weekly supplier calls", "A. Lee", "Open"),
    (2, "Key staff may leave", "Knowledge is lost", 2, 3, 6, "Cross-train the team", "B. Wu", "Open"),
    (3, "Scope may creep", "Budget overrun", 3, 3, 9, "Strict change control", "C. Diaz", "Open"),
    (4, "Budget may be cut", "Features dropped", 2, 2, 4, "Phase the delivery", "D. Park", "Open"),
]


def test_register_columns_worded_otherwise_and_typed_by_values(tmp_path):
    """'No.' of 1, 2, 3 is the ID, 'Description' the description, 'Probability Rating' the
    probability (not the score), 'Response' the response; of two 'Impact' columns the 1-5 rating
    is the impact and the free-text consequence is not checked against the scale."""
    header = ["No.", "Description", "Impact", "Probability Rating", "Impact Rating", "Risk Score", "Response",
              "Risk Owner", "Status"]
    path = sheet_workbook(tmp_path / "risk register.xlsx", "Risk Register",
                          [["Risk Register"], [], header, *RISKS])
    doc = check(path)
    assert doc["doc_type"] == "RISK_REGISTER"
    assert of_rule(doc, "RR-05") == [] and of_rule(doc, "RR-02") == []
    missing = of_rule(doc, "RR-01")[0]["message"]
    for present in ("Risk ID", "Risk Description", "Probability", "Impact", "Risk Score", "Mitigation"):
        assert f"{present}," not in missing and not missing.endswith(f"{present}."), (present, missing)


def test_total_and_legend_rows_under_a_register_are_not_risks(tmp_path):
    """A total row, then after a blank row a probability/impact legend ('5: High'), are not risks:
    no 'risk without an ID', no 'impact off the scale' on them."""
    header = ["Risk ID", "Risk Description", "Probability", "Impact", "Risk Score", "Mitigation", "Risk Owner",
              "Status"]
    rows = [[f"R-{n}", d, p, i, s, m, o, st] for n, d, _c, p, i, s, m, o, st in RISKS]
    below = [["Total Risk Score", None, None, None, 39], [],
             [None, None, "Probability rating", None, "Impact rating"],
             [None, None, "5: High", None, "5: High"],
             [None, None, "3: Moderate", None, "3: Moderate"],
             [None, None, "1: Low", None, "1: Low"]]
    doc = check(sheet_workbook(tmp_path / "risk register.xlsx", "Risk Register",
                               [["Risk Register"], [], header, *rows, *below]))
    assert doc["doc_type"] == "RISK_REGISTER"
    assert of_rule(doc, "RR-02") == []
    assert of_rule(doc, "RR-05") == []


def test_short_chinese_column_labels_are_the_register_columns(tmp_path):
    """序号 / 描述 / 类别 / 级别 / 措施: the head nouns of the standard's column names."""
    header = ["序号", "风险描述", "类别", "发生概率", "影响程度", "风险值", "级别", "应对策略", "措施", "责任人", "状态"]
    rows = [[1, "供应商可能延期交付", "供应商", 4, 5, 20, "高", "减轻", "每周跟进供应商", "张伟", "开放"],
            [2, "核心人员可能离职", "资源", 2, 3, 6, "中", "接受", "交叉培训", "王芳", "开放"]]
    doc = check(sheet_workbook(tmp_path / "风险登记册.xlsx", "风险登记册", [["风险登记册"], [], header, *rows]))
    assert doc["doc_type"] == "RISK_REGISTER"
    missing = of_rule(doc, "RR-01")
    text = missing[0]["message"] if missing else ""
    for present in ("风险编号", "风险类别", "风险等级", "应对措施"):
        assert present not in text, (present, text)


def test_candidates_give_every_key_a_label_may_name_with_its_score():
    """What the 'closest' evidence reads: candidate keys with scores, strongest first."""
    vocab = shipped_vocabulary()
    columns = type_column_synonyms(vocab, "RISK_REGISTER")
    keys = [m.key for m in columns.candidates("Probability risk rating")]
    assert {"probability", "score"} <= set(keys)
    assert columns.candidates("Description")[0].key == "description"
    assert columns.candidates("Description")[0].score < 0.8  # a head noun alone is weak evidence
    scope = type_sections(vocab, "SCOPE_STATEMENT")
    assert scope.candidates("项目的除外责任")[0].key == "exclusions"
    assert scope.candidates("项目的除外责任")[0].strong
    assert scope.candidates("Project Exclusion")[0].key == "exclusions"  # a close spelling
    assert scope.candidates("Completely unrelated words") == ()
