"""Register rule kinds (columns, unique, vocabulary, row_formula, row_required, row_dates, row_count,
status_disposition, schedule, raci) on registers built in code, English and Chinese."""
from __future__ import annotations

from datetime import date

import pytest
from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation

import checker
from tests.support import xlsx_quirks as xb

TODAY = date(2026, 11, 25)

EN_RISK_HEADER = ["Risk ID", "Risk Description", "Category", "Date Raised", "Raised By", "Probability", "Impact",
                  "Risk Score", "Risk Level", "Response Strategy", "Response Actions", "Contingency Plan", "Trigger",
                  "Due Date", "Risk Owner", "Status", "Last Reviewed"]
ZH_RISK_HEADER = ["风险编号", "风险描述", "风险类别", "识别日期", "提出人", "发生概率", "影响程度", "风险值", "风险等级",
                  "应对策略", "应对措施", "应急措施", "触发条件", "计划完成时间", "责任人", "状态", "复核日期"]


def en_risks():
    d = date
    return [
        ["R-1", "Because the vendor is short of staff, it may deliver late and delay go-live", "Supplier", d(2026, 10, 1), "Ann Lee", 4, 5, 20, "Critical", "Reduce",
         "Weekly vendor calls", "Switch to backup vendor", "Delivery slips > 1 week", d(2026, 12, 15), "Bob Smith",
         "Open", d(2026, 11, 18)],
        ["R-2", "Key staff may leave for a competing offer, which would slow the build", "Resource", d(2026, 10, 2), "Ann Lee", 2, 3, 6, "Medium", "Accept",
         "Cross-train the team", "", "", None, "Carol Diaz", "Open", d(2026, 11, 10)],
        ["R-3", "Scope may creep because requirements are not frozen, leading to rework", "Scope", d(2026, 10, 3), "Ann Lee", 3, 3, 9, "Medium", "Avoid",
         "Strict change control", "", "", None, "Dan Wu", "Open", d(2026, 11, 10)],
        ["R-4", "If the budget is cut, testing may be reduced", "Financial", d(2026, 10, 4), "Ann Lee", 2, 2, 4, "Low", "Transfer",
         "Insurance", "", "", None, "Eve Park", "Open", d(2026, 11, 10)],
        ["R-5", "The new technology may fail under load, which would delay acceptance", "Technical", d(2026, 10, 5), "Ann Lee", 1, 4, 4, "Low", "Reduce",
         "Build a prototype", "", "", None, "Finn Roe", "Open", d(2026, 11, 10)],
    ]


def zh_risks():
    d = date
    return [
        ["R-1", "由于供应商人手不足，可能延期交付，导致上线推迟", "供应商", d(2026, 10, 1), "李安", 4, 5, 20, "极高", "减轻", "每周跟进供应商",
         "启用备选供应商", "交付延误超过一周", d(2026, 12, 15), "张伟", "开放", d(2026, 11, 18)],
        ["R-2", "核心人员可能离职，从而影响开发进度", "资源", d(2026, 10, 2), "李安", 2, 3, 6, "中", "接受", "交叉培训", "", "", None,
         "王芳", "开放", d(2026, 11, 10)],
        ["R-3", "由于需求未冻结，范围可能蔓延，造成返工", "范围", d(2026, 10, 3), "李安", 3, 3, 9, "中", "规避", "严格变更控制", "", "", None,
         "刘洋", "开放", d(2026, 11, 10)],
        ["R-4", "如果预算削减，测试范围可能缩小", "财务", d(2026, 10, 4), "李安", 2, 2, 4, "低", "转移", "购买保险", "", "", None,
         "陈静", "开放", d(2026, 11, 10)],
        ["R-5", "新技术方案可能在高负载下失败，导致验收延期", "技术", d(2026, 10, 5), "李安", 1, 4, 4, "低", "减轻", "先做原型验证", "", "",
         None, "赵磊", "开放", d(2026, 11, 10)],
    ]


def workbook(path, title, header, rows, *, sheet="Risk Register", preamble=None, extra=None, populate=None):
    """A one-register workbook: a title, `Label: value` lines, a blank row, the header (row 5), rows."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    lines = [[title], *(preamble if preamble is not None else [["Date:", "2026-11-20"], ["Version:", "1.0"]])]
    for r, line in enumerate(lines[:4], start=1):
        for c, value in enumerate(line, start=1):
            ws.cell(r, c, value)
    for r, line in enumerate([header, *rows], start=5):
        for c, value in enumerate(line, start=1):
            if value is not None:
                ws.cell(r, c, value)
    if populate:
        populate(wb, ws)
    wb.save(path)
    return path


def risk_wb(tmp_path, rows=None, *, zh=False, header=None, name="risks.xlsx", **kw):
    header = header or (ZH_RISK_HEADER if zh else EN_RISK_HEADER)
    rows = (zh_risks() if zh else en_risks()) if rows is None else rows
    kw.setdefault("sheet", "风险登记册" if zh else "Risk Register")
    return workbook(tmp_path / name, "风险登记册" if zh else "Risk Register", header, rows, **kw)


def findings(path, prefix=None):
    report = checker.check([str(path)], config={"today": TODAY})
    doc = report["documents"][0]
    assert doc["error"] is None, doc["error"]
    return doc, [f for f in doc["findings"] if prefix is None or f["rule"].startswith(prefix)]


def rule(path, rid):
    doc, got = findings(path)
    return [f for f in got if f["rule"] == rid]


def col(header, name):
    from openpyxl.utils import get_column_letter
    return get_column_letter(header.index(name) + 1)


# --- risk register ---------------------------------------------------------------------------------

@pytest.mark.parametrize("zh", [False, True])
def test_clean_register_has_no_blocker_or_major(tmp_path, zh):
    doc, got = findings(risk_wb(tmp_path, zh=zh), "RR-")
    assert doc["doc_type"] == "RISK_REGISTER"
    assert [f for f in got if f["severity"] in ("blocker", "major")] == []
    # Only the advisory note saying which scoring profile was assumed.
    assert [f["rule"] for f in got] == ["RR-07"] and got[0]["severity"] == "info"
    assert "A_5x5_foundry" in got[0]["message"]


def with_changes(rows, changes):
    """Copy of `rows` with {(row index, header name): value} applied (EN header names)."""
    out = [list(r) for r in rows]
    for (i, name), value in changes.items():
        out[i][EN_RISK_HEADER.index(name)] = value
    return out


def test_missing_columns_are_one_blocker_at_the_header_row(tmp_path):
    header = [h for h in EN_RISK_HEADER if h not in ("Risk Owner", "Response Strategy")]
    rows = [[v for h, v in zip(EN_RISK_HEADER, r) if h in header] for r in en_risks()]
    got = rule(risk_wb(tmp_path, rows, header=header), "RR-01")
    assert len(got) == 1 and got[0]["severity"] == "blocker"
    assert got[0]["location"] == {"sheet": "Risk Register", "cell": "5:5"}
    assert "Risk Owner" in got[0]["message"] and "Response Strategy" in got[0]["message"]
    assert sorted(got[0]["missing_fields"]) == ["Response Strategy", "Risk Owner"]  # each column told apart


def test_zh_missing_column_message_is_chinese(tmp_path):
    header = [h for h in ZH_RISK_HEADER if h != "责任人"]
    rows = [[v for h, v in zip(ZH_RISK_HEADER, r) if h != "责任人"] for r in zh_risks()]
    got = rule(risk_wb(tmp_path, rows, header=header, zh=True), "RR-01")
    assert len(got) == 1 and "缺少必备列" in got[0]["message"] and "责任人" in got[0]["message"]


def test_duplicate_and_blank_ids(tmp_path):
    rows = with_changes(en_risks(), {(2, "Risk ID"): "R-1", (3, "Risk ID"): None})
    got = rule(risk_wb(tmp_path, rows), "RR-02")
    assert sorted(f["location"]["cell"] for f in got) == ["A8", "A9"]
    dup = next(f for f in got if f["location"]["cell"] == "A8")
    assert dup["severity"] == "major" and "R-1" in dup["message"] and "6" in dup["message"]


def test_probability_off_scale(tmp_path):
    rows = with_changes(en_risks(), {(1, "Probability"): 7})
    got = rule(risk_wb(tmp_path, rows), "RR-05")
    assert [(f["severity"], f["location"]["cell"]) for f in got] == [("major", "F7")]
    assert "R-2" in got[0]["message"]


def test_labels_on_the_scale_are_accepted(tmp_path):
    rows = with_changes(en_risks(), {(1, "Probability"): "Low", (1, "Impact"): "Medium"})
    assert rule(risk_wb(tmp_path, rows), "RR-05") == []
    assert rule(risk_wb(tmp_path, rows, name="b.xlsx"), "RR-06") == []  # 2 × 3 = 6


@pytest.mark.parametrize("zh", [False, True])
def test_score_is_not_p_times_i(tmp_path, zh):
    rows = zh_risks() if zh else en_risks()
    rows[2][7] = 12
    got = rule(risk_wb(tmp_path, rows, zh=zh), "RR-06")
    assert len(got) == 1 and got[0]["location"] == {"sheet": "风险登记册" if zh else "Risk Register", "cell": "H8"}
    if zh:
        assert got[0]["message"] == "风险 R-3：概率 3 × 影响 3 = 9，但风险值填写为 12。"
    else:
        assert got[0]["message"] == "Risk R-3: probability 3 × impact 3 = 9, but the score says 12."


def test_score_formula_must_reference_its_own_row(tmp_path):
    rows = en_risks()
    rows[0][7] = "=F6*G6"
    rows[1][7] = "=F6*G6"  # copied without adjusting: points at R-1's cells
    path = risk_wb(tmp_path, rows)
    data = xb.with_cached_values(path.read_bytes(), "xl/worksheets/sheet1.xml", {"H6": "20", "H7": "20"})
    path.write_bytes(data)
    got = rule(path, "RR-06")
    assert len(got) == 1 and got[0]["location"]["cell"] == "H7"
    assert "R-2" in got[0]["message"]  # 2 × 3 = 6, but the cached score is 20


def test_score_formula_on_wrong_cells_with_right_value(tmp_path):
    rows = en_risks()
    rows[1][7] = "=F8*B1"
    path = risk_wb(tmp_path, rows)
    path.write_bytes(xb.with_cached_values(path.read_bytes(), "xl/worksheets/sheet1.xml", {"H7": "6"}))
    got = rule(path, "RR-06")
    assert len(got) == 1 and got[0]["location"]["cell"] == "H7" and "F7" in got[0]["message"]


def test_level_outside_its_band(tmp_path):
    rows = with_changes(en_risks(), {(1, "Risk Level"): "Low"})  # score 6 is Medium on the default profile
    got = rule(risk_wb(tmp_path, rows), "RR-07")
    major = [f for f in got if f["severity"] == "major"]
    assert len(major) == 1 and major[0]["location"]["cell"] == "I7" and "Medium" in major[0]["message"]
    assert any(f["severity"] == "info" for f in got)


def test_legend_sheet_defines_the_bands(tmp_path):
    def legend(wb, ws):
        lg = wb.create_sheet("Legend")
        for row in (["Level", "Score"], ["Low", "1-4"], ["Medium", "5-9"], ["High", "10-15"], ["Critical", "16-25"]):
            lg.append(row)
    rows = with_changes(en_risks(), {(1, "Risk Level"): "Medium"})  # 6 is Medium under both
    rows = with_changes(rows, {(2, "Risk Level"): "Medium", (3, "Risk Level"): "Low", (4, "Risk Level"): "Low"})
    got = rule(risk_wb(tmp_path, rows, populate=legend), "RR-07")
    assert got == []  # legend read: no 'assumed' note, and every level fits
    rows = with_changes(rows, {(4, "Risk Level"): "Medium"})  # 4 is Low under the legend
    got = rule(risk_wb(tmp_path, rows, populate=legend, name="b.xlsx"), "RR-07")
    assert [f["location"]["cell"] for f in got] == ["I10"]


def test_a_probability_legend_in_percent_is_no_score_band(tmp_path):
    """'Low | 10-30%', 'Medium | 31-60%' rates probability, not scores (#16 cause 3): levels are checked
    against the default profile (and say so), not all reported 'wrong'."""
    def legend(wb, ws):
        lg = wb.create_sheet("Legend")
        for row in (["Probability", "Likelihood"], ["Low", "10-30%"], ["Medium", "31-60%"], ["High", "61-90%"]):
            lg.append(row)
    rows = with_changes(en_risks(), {(1, "Risk Level"): "Medium", (2, "Risk Level"): "Medium",
                                     (3, "Risk Level"): "Low", (4, "Risk Level"): "Low"})
    got = rule(risk_wb(tmp_path, rows, populate=legend), "RR-07")
    assert [f["severity"] for f in got] == ["info"], got


def test_a_click_here_row_and_a_hidden_template_sheet_are_no_risks(tmp_path):
    """'CLICK HERE TO CREATE A NEW RISK' under the risks, and a hidden 'Template' sheet of example
    rows, are the template's machinery (#16 cause 3): no finding about them."""
    def extras(wb, ws):
        hidden = wb.create_sheet("Template")
        hidden.sheet_state = "hidden"
        hidden.append(EN_RISK_HEADER)
        hidden.append(["R-x", "", "", None, "", 9, 9, 99, "Whatever", "Nope", "", "", "", None, "A / B", "Unknown", None])
        ws.cell(ws.max_row + 1, 1, "CLICK HERE TO CREATE A NEW RISK")
    doc, got = findings(risk_wb(tmp_path, populate=extras))
    assert doc["doc_type"] == "RISK_REGISTER"
    assert not [f for f in got if "CLICK" in f["message"] or "R-x" in f["message"]], got
    assert [f["severity"] for f in got if f["rule"].startswith("RR-")] == ["info"]  # the default profile note


def test_two_owners_and_a_department(tmp_path):
    rows = with_changes(en_risks(), {(1, "Risk Owner"): "Carol Diaz / Dan Wu", (2, "Risk Owner"): "IT Department",
                                     (3, "Risk Owner"): None})
    got = rule(risk_wb(tmp_path, rows), "RR-08")
    assert sorted(f["location"]["cell"] for f in got) == ["O7", "O8", "O9"]
    assert all(f["severity"] == "major" for f in got)


def test_an_owner_with_the_role_beside_the_name_is_one_owner(tmp_path):
    """'UI Lead, Mr. Smith' and 'Project Manager (Ann Lee)' each name one person with a role (#16 cause 3)."""
    rows = with_changes(en_risks(), {(0, "Risk Owner"): "UI Lead, Mr. Smith", (1, "Risk Owner"): "Project Manager (Ann Lee)"})
    assert rule(risk_wb(tmp_path, rows), "RR-08") == []


def test_zh_owner_separator(tmp_path):
    rows = zh_risks()
    rows[1][14] = "王芳、刘洋"
    got = rule(risk_wb(tmp_path, rows, zh=True), "RR-08")
    assert len(got) == 1 and got[0]["message"].startswith("风险 R-2")


def test_strategy_vocabulary_and_opportunity_mismatch(tmp_path):
    header = EN_RISK_HEADER + ["Threat/Opportunity"]
    rows = [r + ["Threat"] for r in en_risks()]
    rows[1][9] = "Monitor"
    rows[2][9] = "Exploit"  # an opportunity strategy on a threat
    got = rule(risk_wb(tmp_path, rows, header=header), "RR-10")
    assert sorted(f["location"]["cell"] for f in got) == ["J7", "J8"]


def test_high_risk_without_contingency_trigger_and_due_date(tmp_path):
    rows = with_changes(en_risks(), {(0, "Contingency Plan"): "", (0, "Trigger"): "", (0, "Due Date"): None})
    got = rule(risk_wb(tmp_path, rows), "RR-12")
    assert len(got) == 1
    f = got[0]
    assert f["severity"] == "blocker" and f["location"]["cell"] == "L6"
    assert "R-1" in f["message"] and "Contingency Plan" in f["message"] and "Due Date" in f["message"]


def test_zh_high_risk_by_level_word(tmp_path):
    rows = zh_risks()
    rows[2][8] = "高"  # level says high although the score is 9
    got = rule(risk_wb(tmp_path, rows, zh=True), "RR-12")
    assert len(got) == 1 and got[0]["message"].startswith("高风险 R-3 缺少") and got[0]["location"]["cell"] == "L8"


def test_closed_risk_needs_closure_date_and_reason(tmp_path):
    header = EN_RISK_HEADER + ["Closed Date", "Closure Reason"]
    rows = [r + [None, None] for r in en_risks()]
    rows[3][15] = "Closed"
    got = rule(risk_wb(tmp_path, rows, header=header), "RR-14")
    assert len(got) == 1 and got[0]["location"]["cell"] == "R9" and got[0]["severity"] == "minor"
    rows[3][17], rows[3][18] = date(2026, 9, 1), "Budget confirmed"  # before the raised date
    got = rule(risk_wb(tmp_path, rows, header=header, name="b.xlsx"), "RR-14")
    assert len(got) == 1 and got[0]["location"]["cell"] == "R9" and "2026-09-01" in got[0]["message"]


def test_unknown_status(tmp_path):
    rows = with_changes(en_risks(), {(1, "Status"): "Maybe"})
    got = rule(risk_wb(tmp_path, rows), "RR-14")
    assert [f["location"]["cell"] for f in got] == ["P7"]


def test_status_from_validation_list(tmp_path):
    def validation(wb, ws):
        dv = DataValidation(type="list", formula1='"Live,Dead"')
        dv.add("P6:P100")
        ws.add_data_validation(dv)
    rows = with_changes(en_risks(), {(i, "Status"): "Live" for i in range(5)})
    assert rule(risk_wb(tmp_path, rows, populate=validation), "RR-14") == []


def test_future_and_out_of_order_dates(tmp_path):
    rows = with_changes(en_risks(), {(1, "Date Raised"): date(2027, 1, 1), (2, "Last Reviewed"): date(2026, 9, 1)})
    got = rule(risk_wb(tmp_path, rows), "RR-15")
    cells = sorted(f["location"]["cell"] for f in got)
    assert cells == ["D7", "Q8"]


def reviewed_after_register_date(n):
    """en_risks() with the first `n` reviewed on 2026-11-21..23, after the register's 'Date:' 2026-11-20."""
    return with_changes(en_risks(), {(i, "Last Reviewed"): date(2026, 11, 21 + i % 3) for i in range(n)})


def test_rows_after_a_stale_register_date_fold_into_one_finding(tmp_path):
    got = rule(risk_wb(tmp_path, reviewed_after_register_date(5)), "RR-15")
    assert len(got) == 1
    assert got[0]["location"] == {"sheet": "Risk Register", "cell": "B2"}  # the 'Date:' value
    assert got[0]["message"] == ("The register date 2026-11-20 is before the Last Reviewed of 5 risks "
                                 "(latest 2026-11-23; R-1, R-2, R-3 …): the document date looks out of date.")
    assert got[0]["severity"] == "minor"


def test_few_rows_after_the_register_date_stay_row_findings(tmp_path):
    got = rule(risk_wb(tmp_path, reviewed_after_register_date(3)), "RR-15")  # fold_register: 3
    assert [f["location"]["cell"] for f in got] == ["Q6", "Q7", "Q8"]
    assert "Risk R-1: the register date 2026-11-20 is before Last Reviewed 2026-11-21" in got[0]["message"]


def test_fold_threshold_is_tailorable(tmp_path):
    path = risk_wb(tmp_path, reviewed_after_register_date(5))
    (tmp_path / "pmo-check.toml").write_text('[rules."RR-15"]\nparams = { fold_register = 5 }\n', encoding="utf-8")
    assert len(rule(path, "RR-15")) == 5


def test_folded_finding_keeps_other_row_findings_and_speaks_chinese(tmp_path):
    rows = zh_risks()
    for i in range(4):
        rows[i][16] = date(2026, 11, 22)
    rows[4][3] = date(2027, 1, 1)  # a future date is still reported on its row
    got = rule(risk_wb(tmp_path, rows, zh=True, preamble=[["编制日期：", "2026-11-20"]]), "RR-15")
    assert [f["location"]["cell"] for f in got] == ["D10", "B2"]
    assert got[1]["message"] == ("登记册日期 2026-11-20 早于 4 条风险的复核日期（最晚 2026-11-22；R-1、R-2、R-3 …），"
                                 "文档日期可能未更新。")


def test_folded_finding_without_a_date_field_is_at_the_header(tmp_path):
    # No 'Date:' field: the register date is the newest recording date (2026-11-18), which the rows'
    # own review dates cannot pass; an organisation's chain with due dates can.
    rows = with_changes(en_risks(), {(i, "Due Date"): date(2026, 12, 1 + i) for i in range(5)})
    path = risk_wb(tmp_path, rows, preamble=[["Version:", "1.0"]])
    (tmp_path / "pmo-check.toml").write_text('[rules."RR-15"]\nparams = { order = [["due_date", "@register"]] }\n',
                                             encoding="utf-8")
    got = rule(path, "RR-15")
    assert [f["location"] for f in got] == [{"sheet": "Risk Register", "cell": "5:5"}]
    assert got[0]["message"].startswith("The register date 2026-11-18 is before the Due Date of 5 risks (latest 2026-12-05;")


def test_stale_reviews_high_risks_sooner(tmp_path):
    rows = with_changes(en_risks(), {(0, "Last Reviewed"): date(2026, 11, 1), (1, "Last Reviewed"): date(2026, 9, 1)})
    got = rule(risk_wb(tmp_path, rows), "RR-16")
    # register date = the 'Date:' field, 2026-11-20: R-1 (critical) 19 days > 14, R-2 80 days > 30
    assert sorted(f["location"]["cell"] for f in got) == ["Q6", "Q7"]
    assert all(f["severity"] == "major" for f in got)


def test_residual_above_inherent(tmp_path):
    header = EN_RISK_HEADER + ["Residual Probability", "Residual Impact"]
    rows = [r + [1, 1] for r in en_risks()]
    rows[2][18] = 5
    got = rule(risk_wb(tmp_path, rows, header=header), "RR-17")
    assert [f["location"]["cell"] for f in got] == ["S8"]


def test_passed_proximity_and_overdue_actions(tmp_path):
    header = EN_RISK_HEADER + ["Proximity"]
    rows = [r + [date(2027, 3, 1)] for r in en_risks()]
    rows[1][17] = date(2026, 10, 30)
    rows[1][13] = date(2026, 11, 2)
    rows[3][15] = "Closed"  # closed risks are not chased
    rows[3][13] = date(2026, 11, 1)
    got18 = rule(risk_wb(tmp_path, rows, header=header), "RR-18")
    got19 = rule(risk_wb(tmp_path, rows, header=header, name="b.xlsx"), "RR-19")
    assert [f["location"]["cell"] for f in got18] == ["R7"]
    assert [f["location"]["cell"] for f in got19] == ["N7"]


def test_category_outside_validation_list(tmp_path):
    def validation(wb, ws):
        dv = DataValidation(type="list", formula1='"Supplier,Resource,Scope,Financial,Technical"')
        dv.add("C6:C200")
        ws.add_data_validation(dv)
    rows = with_changes(en_risks(), {(2, "Category"): "Misc"})
    got = rule(risk_wb(tmp_path, rows, populate=validation), "RR-21")
    assert [f["location"]["cell"] for f in got] == ["C8"]


def test_empty_template_gets_one_finding_not_one_per_row(tmp_path):
    rows = [[f"R-{i}"] for i in range(1, 30)]  # pre-numbered template rows
    doc, got = findings(risk_wb(tmp_path, rows), "RR-")
    assert [(f["rule"], f["severity"]) for f in got] == [("RR-22", "major")]
    assert "no entries" in got[0]["message"]


def test_too_few_risks_and_categories(tmp_path):
    rows = with_changes(en_risks()[:2], {(1, "Category"): "Supplier"})
    path = risk_wb(tmp_path, rows)
    assert [f["severity"] for f in rule(path, "RR-22")] == ["major"]
    got = rule(path, "RR-24")
    assert len(got) == 1 and got[0]["severity"] == "info"


def test_hidden_rows_are_checked_and_marked(tmp_path):
    def hide(wb, ws):
        ws.row_dimensions[7].hidden = True
    rows = with_changes(en_risks(), {(1, "Probability"): 9})
    got = rule(risk_wb(tmp_path, rows, populate=hide), "RR-05")
    assert len(got) == 1 and got[0]["message"].endswith("(hidden row)")


def test_risk_register_in_word_points_at_table_cells(tmp_path):
    from docx import Document as Docx

    d = Docx()
    d.add_heading("Risk Register", 0)
    header = EN_RISK_HEADER
    rows = with_changes(en_risks(), {(2, "Risk Score"): 12})
    t = d.add_table(rows=1 + len(rows), cols=len(header))
    for c, h in enumerate(header):
        t.cell(0, c).text = h
    for r, row in enumerate(rows, start=1):
        for c, v in enumerate(row):
            t.cell(r, c).text = v.isoformat() if isinstance(v, date) else ("" if v is None else str(v))
    path = tmp_path / "risks.docx"
    d.save(path)
    doc, got = findings(path, "RR-06")
    assert doc["doc_type"] == "RISK_REGISTER"
    assert len(got) == 1 and got[0]["location"]["table"] == 0
    assert (got[0]["location"]["row"], got[0]["location"]["col"]) == (3, 7)


def test_register_rules_stay_silent_on_other_document_types(tmp_path):
    from tests.support.clean_docs import make_docx

    path = make_docx(tmp_path / "charter.docx", sections=[("Risks", "Vendor delay is the main risk.")])
    doc, got = findings(path)
    assert not [f for f in got if f["rule"].split("-")[0] in ("RR", "IR", "CL", "LL", "SCH", "RACI")]


# --- issue register --------------------------------------------------------------------------------

EN_ISSUE_HEADER = ["Issue ID", "Issue Type", "Date Raised", "Raised By", "Description", "Priority", "Severity",
                   "Owner", "Target Resolution Date", "Status", "Resolution", "Closure Date"]
ZH_ISSUE_HEADER = ["问题编号", "问题类型", "提出日期", "提出人", "问题描述", "优先级", "严重程度", "负责人",
                   "目标解决日期", "状态", "解决方案", "关闭日期"]


def issues():
    d = date
    return [
        ["I-1", "Problem", d(2026, 11, 2), "Ann Lee", "Test server down", "High", "High", "Bob Smith",
         d(2026, 12, 1), "Open", None, None],
        ["I-2", "RFC", d(2026, 11, 5), "Ann Lee", "Add export feature", "Medium", "Low", "Carol Diaz",
         d(2026, 12, 5), "Open", None, None],
        ["I-3", "Problem", d(2026, 10, 20), "Ann Lee", "Licence expired", "Low", "Medium", "Dan Wu",
         d(2026, 11, 1), "Closed", "Licence renewed", d(2026, 10, 30)],
    ]


def issue_wb(tmp_path, rows=None, zh=False, name="issues.xlsx"):
    return workbook(tmp_path / name, "问题日志" if zh else "Issue Log", ZH_ISSUE_HEADER if zh else EN_ISSUE_HEADER,
                    issues() if rows is None else rows, sheet="问题日志" if zh else "Issue Log")


@pytest.mark.parametrize("zh", [False, True])
def test_clean_issue_log(tmp_path, zh):
    rows = issues()
    if zh:
        for r in rows:
            r[1] = {"Problem": "问题", "RFC": "变更请求"}[r[1]]
            r[5] = {"High": "高", "Medium": "中", "Low": "低"}[r[5]]
            r[6] = {"High": "高", "Medium": "中", "Low": "低"}[r[6]]
            r[9] = {"Open": "处理中", "Closed": "已关闭"}[r[9]]
    doc, got = findings(issue_wb(tmp_path, rows, zh=zh), "IR-")
    assert doc["doc_type"] == "ISSUE_REGISTER"
    assert got == []


def test_issue_rules(tmp_path):
    rows = issues()
    rows[1][0] = "I-1"                  # IR-02 duplicate
    rows[1][7] = None                   # IR-03 no owner
    rows[0][5] = "Whenever"             # IR-04
    rows[2][10] = None                  # IR-05 closed without resolution
    rows[0][8] = date(2026, 11, 10)     # IR-06 overdue at the register date (2026-11-20)
    path = issue_wb(tmp_path, rows)
    doc, got = findings(path, "IR-")
    by = {(f["rule"], f["location"]["cell"]) for f in got}
    assert ("IR-02", "A7") in by
    assert ("IR-03", "H7") in by
    assert ("IR-04", "F6") in by
    assert ("IR-05", "K8") in by
    assert ("IR-06", "I6") in by
    assert next(f for f in got if f["rule"] == "IR-03")["message"].startswith("Open issue I-1 lacks")


def test_aged_issue(tmp_path):
    rows = issues()
    rows[0][2] = date(2026, 9, 1)
    got = rule(issue_wb(tmp_path, rows), "IR-06")
    assert [f["location"]["cell"] for f in got] == ["C6"] and "I-1" in got[0]["message"]


def test_issue_log_without_its_columns(tmp_path):
    path = workbook(tmp_path / "issues.xlsx", "Issue Log", ["Issue ID", "Description", "Status"],
                    [["I-1", "Server down", "Open"]], sheet="Issue Log")
    got = rule(path, "IR-01")
    assert len(got) == 1 and got[0]["severity"] == "major" and "Owner" in got[0]["message"]


# --- change log ------------------------------------------------------------------------------------

EN_CL_HEADER = ["Change ID", "Category", "Description", "Requestor", "Submission Date", "Status", "Disposition",
                "Decision Date", "Approver"]


def changes():
    d = date
    return [
        ["C-1", "Scope", "Add reporting module", "Ann Lee", d(2026, 10, 1), "Closed", "Approved", d(2026, 10, 8), "Dana Lee"],
        ["C-2", "Schedule", "Move go-live", "Bob Smith", d(2026, 11, 10), "Open", "Pending", None, None],
        ["C-3", "Cost", "Extra licences", "Carol Diaz", d(2026, 10, 12), "Closed", "Rejected", d(2026, 10, 20), "Dana Lee"],
    ]


def change_wb(tmp_path, rows=None, name="changes.xlsx"):
    return workbook(tmp_path / name, "Change Log", EN_CL_HEADER, changes() if rows is None else rows, sheet="Change Log")


def test_clean_change_log(tmp_path):
    doc, got = findings(change_wb(tmp_path), "CL-")
    assert doc["doc_type"] == "CHANGE_LOG" and got == []


def test_change_log_rules(tmp_path):
    rows = changes()
    rows[0][8] = None                      # CL-03 approved without approver
    rows[1][6] = "Approved"                # CL-03 open but approved …
    rows[1][7], rows[1][8] = date(2026, 11, 12), "Dana Lee"
    rows[2][7] = date(2026, 10, 1)         # CL-04 decided before submitted
    rows[1][4] = date(2027, 1, 5)          # CL-04 future submission
    doc, got = findings(change_wb(tmp_path, rows), "CL-")
    by = {(f["rule"], f["location"]["cell"]) for f in got}
    assert ("CL-03", "I6") in by
    assert ("CL-03", "F7") in by
    assert ("CL-04", "H8") in by
    assert ("CL-04", "E7") in by


def test_pending_change_aged_in_working_days(tmp_path):
    rows = changes()
    rows[1][4] = date(2026, 10, 1)
    got = rule(change_wb(tmp_path, rows), "CL-06")
    assert [f["location"]["cell"] for f in got] == ["E7"] and "C-2" in got[0]["message"]


def test_deferred_change_is_not_aged(tmp_path):
    """A deferred change waits by decision: CL-06 ages only changes still waiting for one."""
    rows = changes()
    rows[1][4] = date(2026, 6, 1)
    rows[1][6] = "Deferred"
    assert rule(change_wb(tmp_path, rows), "CL-06") == []


def test_disposition_vocabulary(tmp_path):
    rows = changes()
    rows[1][6] = "Thinking about it"
    got = rule(change_wb(tmp_path, rows), "CL-03")
    assert [f["location"]["cell"] for f in got] == ["G7"]


# --- lessons register ------------------------------------------------------------------------------

ZH_LL_HEADER = ["编号", "日期", "类别", "问题/事件描述", "原因分析", "影响", "改进建议", "责任人", "状态"]


def test_lessons_register_zh(tmp_path):
    rows = [["L-1", date(2026, 11, 1), "进度", "测试环境交付延迟两周", "需求未冻结", "上线推迟", "提前冻结需求", "张伟", "已关闭"],
            ["L-2", date(2026, 11, 2), "", "供应商沟通不畅", "无固定例会", "返工", "建立周例会", "", "开放"],
            ["L-3", date(2026, 11, 3), "质量", "缺陷泄漏到生产", "回归测试不足", "客户投诉", "", "", "开放"]]
    path = workbook(tmp_path / "lessons.xlsx", "经验教训登记册", ZH_LL_HEADER, rows, sheet="经验教训登记册")
    doc, got = findings(path, "LL-")
    assert doc["doc_type"] == "LESSONS"
    by = {(f["rule"], f["location"]["cell"]) for f in got}
    assert by == {("LL-02", "H7"), ("LL-02", "G8"), ("LL-10", "C7")}
    assert next(f for f in got if f["location"]["cell"] == "G8")["message"].startswith("经验教训 L-3")


def test_lessons_register_missing_columns(tmp_path):
    path = workbook(tmp_path / "lessons.xlsx", "Lessons Learned Register", ["ID", "Date", "Lesson Description"],
                    [["L-1", date(2026, 11, 1), "Late test environment"]], sheet="Lessons")
    got = rule(path, "LL-01")
    assert len(got) == 1 and "Recommendation" in got[0]["message"]


def test_a_lesson_that_went_well_asks_no_action(tmp_path):
    """A retrospective register's Type column (went well / needs improvement) is the lessons' category:
    a practice that went well is one to keep and asks no action of anyone; one that needs improvement
    without an action is still reported."""
    header = ["ID", "Date", "Type", "Lesson Description", "Cause", "Impact", "Recommendation", "Owner", "Status"]
    rows = [["L-1", date(2026, 11, 1), "Went well", "Daily stand-ups kept the team aligned", "Short meetings",
             "No rework", "", "", "Closed"],
            ["L-2", date(2026, 11, 2), "Needs improvement", "Test data arrived late", "No data owner",
             "Two days lost", "", "", "Open"]]
    path = workbook(tmp_path / "retrospective.xlsx", "Lessons Learned Register", header, rows, sheet="Lessons")
    doc, got = findings(path, "LL-")
    assert doc["doc_type"] == "LESSONS"
    assert [f["message"] for f in got if f["rule"] == "LL-02"] == ["Lesson L-2 has no Recommendation."]
    assert not [f for f in got if f["rule"] == "LL-01"]  # Type is the category column


# --- schedule --------------------------------------------------------------------------------------

SCH_HEADER = ["ID", "Task Name", "Start", "Finish", "Duration", "Predecessors", "Owner", "% Complete",
              "Actual Start", "Actual Finish"]


def tasks():
    d = date
    return [
        ["1", "Design", d(2026, 11, 2), d(2026, 11, 20), 15, "", "", 0.5, d(2026, 11, 2), None],
        ["1.1", "Draft design", d(2026, 11, 2), d(2026, 11, 10), 7, "", "Ann Lee", 1, d(2026, 11, 2), d(2026, 11, 10)],
        ["1.2", "Review design", d(2026, 11, 11), d(2026, 11, 20), 8, "1.1", "Bob Smith", 0, None, None],
        ["2", "Design approved (milestone)", d(2026, 11, 20), d(2026, 11, 20), 0, "1.2", "Dana Lee", 0, None, None],
    ]


def schedule_wb(tmp_path, rows=None, name="schedule.xlsx"):
    return workbook(tmp_path / name, "Project Schedule", SCH_HEADER, tasks() if rows is None else rows,
                    sheet="Schedule", preamble=[["Status Date:", "2026-11-16"]])


def test_clean_schedule(tmp_path):
    doc, got = findings(schedule_wb(tmp_path), "SCH-")
    assert doc["doc_type"] == "SCHEDULE"
    assert got == []


def test_schedule_rules(tmp_path):
    rows = tasks()
    rows[1][6] = None                                  # SCH-10 no owner
    rows[2][3] = date(2026, 11, 5)                     # SCH-02 finish before start
    rows[2][5] = "9"                                   # SCH-05 unknown predecessor
    rows[3][5] = "1.2FS-3d"                            # SCH-07 lead
    rows[1][7] = 0.5                                   # SCH-12 progress without… actual finish present
    doc, got = findings(schedule_wb(tmp_path, rows), "SCH-")
    by = {(f["rule"], f["location"]["cell"]) for f in got}
    assert ("SCH-10", "G7") in by
    assert ("SCH-02", "D8") in by
    assert ("SCH-05", "F8") in by
    assert ("SCH-07", "F9") in by
    assert ("SCH-12", "J7") in by


def test_task_ids_typed_as_numbers_are_found_as_references_write_them(tmp_path):
    """Ids typed as numbers (1, 1.01) and predecessors written '1.0', '1.01' (#16 cause 3): the same
    tasks. A reference to a task that is not there is still reported."""
    d = date
    rows = [[1, "Design", d(2026, 11, 2), d(2026, 11, 20), 15, "", "", 0.5, d(2026, 11, 2), None],
            [1.01, "Draft design", d(2026, 11, 2), d(2026, 11, 10), 7, "", "Ann Lee", 1, d(2026, 11, 2), d(2026, 11, 10)],
            [1.02, "Review design", d(2026, 11, 11), d(2026, 11, 20), 8, "1.01", "Bob Smith", 0, None, None],
            [2, "Design approved (milestone)", d(2026, 11, 20), d(2026, 11, 20), 0, "1.0", "Dana Lee", 0, None, None]]
    assert rule(schedule_wb(tmp_path, rows), "SCH-05") == []
    rows[3][5] = "1.03"
    got = rule(schedule_wb(tmp_path, rows, name="b.xlsx"), "SCH-05")
    assert [f["location"]["cell"] for f in got] == ["F9"] and "1.03" in got[0]["message"]


def test_dependency_cycle_and_status_date(tmp_path):
    rows = tasks()
    rows[1][5] = "1.2"                                 # 1.1 ← 1.2 ← 1.1
    rows[1][8], rows[1][9] = date(2026, 11, 2), date(2026, 11, 18)  # actual finish after the status date
    got = rule(schedule_wb(tmp_path, rows), "SCH-05")
    assert len(got) == 1 and "1.1" in got[0]["message"] and "1.2" in got[0]["message"]
    got = rule(schedule_wb(tmp_path, rows, name="b.xlsx"), "SCH-09")
    assert [f["location"]["cell"] for f in got] == ["J7"]


def test_nested_summaries_need_no_owner(tmp_path):
    d = date
    rows = [
        ["2", "Build", d(2026, 11, 2), d(2026, 11, 20), 15, "", "", 0, None, None],
        ["2.1", "Backend", d(2026, 11, 2), d(2026, 11, 20), 15, "", "", 0, None, None],
        ["2.1.1", "API", d(2026, 11, 2), d(2026, 11, 10), 7, "", "", 0, None, None],
        ["2.1.2", "Database", d(2026, 11, 11), d(2026, 11, 20), 8, "2.1.1", "Bob Smith", 0, None, None],
    ]
    got = rule(schedule_wb(tmp_path, rows), "SCH-10")
    assert [f["location"]["cell"] for f in got] == ["G8"]  # 2.1.1, a leaf; 2 and 2.1 are summaries


def test_activities_without_dates(tmp_path):
    rows = tasks()
    rows[2][2] = None
    got = rule(schedule_wb(tmp_path, rows), "SCH-01")
    assert [f["location"]["cell"] for f in got] == ["C8"] and "1.2" in got[0]["message"]


# --- RACI ------------------------------------------------------------------------------------------

def test_raci_matrix(tmp_path):
    header = ["Activity", "Sponsor", "Project Manager", "Developer", "Tester"]
    rows = [["Approve charter", "A", "R", "I", "I"],
            ["Write code", "", "A", "R", "C"],
            ["Test system", "A", "A", "", "R"],        # RACI-01: two As
            ["Sign off", "A", "C", "I", "I"],          # RACI-02: no R
            ["Deploy", "", "A/R", "X", "I"],            # RACI-03: X
            ["Plan", "", "", "", ""],                   # RACI-04: empty row
            ["Report", "", "A", "R,C", "I"]]           # RACI-07: R and C in one cell
    path = workbook(tmp_path / "raci.xlsx", "RACI Matrix", header, rows, sheet="RACI")
    doc, got = findings(path, "RACI-")
    assert doc["doc_type"] == "RACI"
    by = {(f["rule"], f["location"]["cell"]) for f in got}
    assert by == {("RACI-01", "A8"), ("RACI-02", "A9"), ("RACI-03", "D10"), ("RACI-04", "A11"), ("RACI-07", "D12")}


def test_raci_zh_clean(tmp_path):
    header = ["活动", "发起人", "项目经理", "开发"]
    rows = [["批准章程", "A", "R", "I"], ["编写代码", "知会", "A", "R"], ["系统测试", "", "A/R", "C"]]
    path = workbook(tmp_path / "raci.xlsx", "责任分配矩阵", header, rows, sheet="RACI矩阵")
    doc, got = findings(path, "RACI-")
    assert doc["doc_type"] == "RACI" and got == []


# --- cost plan tables ------------------------------------------------------------------------------

def test_budget_sum_range_omits_a_row_and_typed_total_is_wrong(tmp_path):
    header = ["Cost Item", "Budget Amount", "Basis of Estimate"]
    rows = [["Labour", 50000, "Rates"], ["Hardware", 20000, "Quote"], ["Software", 10000, "Quote"],
            ["Travel", 5000, "History"], ["Total", "=SUM(B6:B8)", ""]]
    path = workbook(tmp_path / "budget.xlsx", "Project Budget", header, rows, sheet="Budget")
    path.write_bytes(xb.with_cached_values(path.read_bytes(), "xl/worksheets/sheet1.xml", {"B10": "80000"}))
    doc, got = findings(path, "COST-02")
    assert doc["doc_type"] == "COST_PLAN"
    assert [(f["severity"], f["location"]["cell"]) for f in got] == [("major", "B10")]
    assert "B9" in got[0]["message"]


def test_budget_word_table_total_and_blank_amount(tmp_path):
    from docx import Document as Docx

    d = Docx()
    d.add_heading("项目预算", 0)
    rows = [["费用科目", "预算金额"], ["人工", "50000"], ["设备", "20000"], ["差旅", ""], ["合计", "75000"]]
    t = d.add_table(rows=len(rows), cols=2)
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    path = tmp_path / "budget.docx"
    d.save(path)
    doc, got = findings(path, "COST-")
    by = {(f["rule"], f["location"]["table"], f["location"]["row"], f["location"]["col"]) for f in got
          if f["rule"] in ("COST-02", "COST-08")}
    assert ("COST-02", 0, 4, 1) in by and ("COST-08", 0, 3, 1) in by


def test_lessons_report_in_word_is_checked_for_sections(tmp_path):
    from tests.support.clean_docs import make_docx

    path = make_docx(tmp_path / "lessons.docx", title="Lessons Report",
                     sections=[("Executive Summary", "The project delivered the CRM two weeks late but on budget."),
                               ("What went well", "Early vendor workshops reduced integration defects by half.")])
    doc, got = findings(path, "LL-01")
    assert doc["doc_type"] == "LESSONS"
    assert len(got) == 1 and "sections" in got[0]["message"] and "Scope" in got[0]["message"]
