"""Forms and title blocks read as label → value wherever the value sits (#16): on the cover without a
label, beside the label on one line with other pairs, under the label in the same cell or in the
next paragraphs; currencies however written; placeholders a text speaks about; project facts and
their grouping. Every document is built here; each test is one layout real documents use."""
from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook

import checker
from checker.analysis.context import Context
from checker.analysis.facts import extract_project
from checker.analysis.views import doc_control
from checker.io.readers.docx import read_docx
from checker.io.readers.xlsx import read_xlsx
from checker.lexicon.predicates import is_placeholder
from checker.lexicon.vocabulary import shipped_vocabulary
from checker.model.document import Document
from tests.support.checking import check_one
from tests.support.clean_docs import EN_CR_FORM
from tests.support.docx_quirks import new_document, read
from tests.support.word import WordWriter
from tests.support.workbook import SheetWriter, save

VOCAB = shipped_vocabulary()


def fields(doc: Document) -> dict[str, str]:
    return {f.label.rstrip(":："): f.value for f in doc.fields if f.label}


def by_place(doc: Document) -> dict[str, str]:
    return {f.key: f.value for f in doc.fields if f.key}


def findings(entry: dict, rule: str) -> list[dict]:
    return [f for f in entry["findings"] if f["rule"] == rule]


def read_path(path: Path) -> Document:
    return read_docx(str(path), path.read_bytes(), "docx", VOCAB)


def read_workbook(path: Path) -> Document:
    return read_xlsx(str(path), path.read_bytes(), "xlsx", VOCAB)


def _body(w: WordWriter) -> None:
    w.heading("1 项目概述" if w.lang == "zh" else "1. Introduction")
    w.para("本计划说明项目的人力资源安排、角色职责与人员获取方式，供项目组成员执行。" if w.lang == "zh" else
           "This plan sets out how the project staffs its team, the roles and responsibilities, and how people join.")


# -- covers and title blocks ---------------------------------------------------------------------


def test_a_chinese_cover_names_the_project_and_dates_the_document_in_chinese_numerals(tmp_path: Path) -> None:
    w = WordWriter("zh")
    w.heading("智慧仓储管理系统")  # the project, above the title
    w.heading("人力资源计划")
    w.heading("远航软件有限公司")
    w.heading("二〇二六年三月")
    w.para("编写人：李明")
    w.para("审核人：王芳")
    _body(w)
    path = w.save(tmp_path / "plan.docx")
    doc = read_path(path)
    assert by_place(doc) == {"project_name": "智慧仓储管理系统", "date": "二〇二六年三月"}
    assert extract_project(VOCAB, doc)["name"] == "智慧仓储管理系统"
    [finding] = findings(check_one(path), "COM-01")
    assert finding["message"] == "缺少文档控制信息：版本号。"


def test_an_english_title_block_past_organisation_lines_and_a_project_period(tmp_path: Path) -> None:
    w = WordWriter("en")
    w.heading("Northbridge University")
    w.para("Department of Computing")
    w.heading("Project Management Plan")
    w.para("Campus Parking Permit System")  # the project, below the title
    w.para("16 February 2026 – 8 May 2026")  # the project's period, not the document's date
    w.para("Prepared by: Team Four")
    _body(w)
    # Named as its title says: a plan typed UNKNOWN (its title sits under organisation lines) is
    # of no known nature, and the controlled documents' COM-01 would not apply to it.
    path = w.save(tmp_path / "project management plan.docx")
    doc = read_path(path)
    assert by_place(doc) == {"project_name": "Campus Parking Permit System"}
    [finding] = findings(check_one(path), "COM-01")
    assert finding["message"] == "Document-control information is missing: version, date."


def test_a_cover_line_that_is_a_date_and_a_version_line(tmp_path: Path) -> None:
    w = WordWriter("en")
    w.heading("Harbour Lights Refit")
    w.heading("Lessons Learned Report")
    w.para("March 2026")
    w.para("V1.2")
    w.para("Prepared by: Refit Team")
    _body(w)
    path = w.save(tmp_path / "lessons.docx")
    assert by_place(read_path(path)) == {"project_name": "Harbour Lights Refit", "date": "March 2026", "version": "V1.2"}
    assert findings(check_one(path), "COM-01") == []


def test_a_cover_without_a_title_or_with_a_template_name_names_no_project(tmp_path: Path) -> None:
    w = WordWriter("zh")
    w.heading("xxxx项目")  # the template's name, left to fill in
    w.heading("进度管理计划书")
    w.heading("东方大学软件学院")
    _body(w)
    assert "project_name" not in by_place(read_path(w.save(tmp_path / "a.docx")))
    w = WordWriter("en")
    w.heading("Apollo Migration")
    w.para("Some notes from the kick-off")  # no document title: not a cover
    _body(w)
    assert by_place(read_path(w.save(tmp_path / "b.docx"))) == {}


def test_the_first_section_under_the_title_or_a_course_subject_is_not_the_project(tmp_path: Path) -> None:
    w = WordWriter("zh")
    w.heading("项目沟通管理计划")
    w.heading("沟通需求")  # the first section, its text right under it
    w.para("项目组每周召开例会，向发起人报告进度、风险与问题，并在会后两个工作日内发出会议纪要。")
    assert by_place(read_path(w.save(tmp_path / "a.docx"))) == {}
    w = WordWriter("zh")
    w.heading("软件项目管理")  # a course's subject
    w.heading("初步范围说明书")
    w.heading("1项目背景")
    w.para("本项目为学校开发一套在线选课系统，替代现有的纸质选课流程，减少教务处的人工工作量。")
    assert by_place(read_path(w.save(tmp_path / "b.docx"))) == {}


# -- label and value in other places ---------------------------------------------------------------


def test_several_label_value_pairs_on_one_line_of_a_cell() -> None:
    d = new_document()
    t = d.add_table(rows=2, cols=1)
    t.rows[0].cells[0].text = "变更申请ID：CR-023"
    t.rows[1].cells[0].text = "变更：通过     责任人签字：李明     日期：2026年4月11日\n评价：合理"
    got = fields(read(d))
    assert got["变更申请ID"] == "CR-023"
    assert got["变更"] == "通过" and got["责任人签字"] == "李明" and got["日期"] == "2026年4月11日"
    assert got["评价"] == "合理"


def test_a_spaced_out_label_is_one_label() -> None:
    d = new_document()
    d.add_paragraph("学    院：软件学院")
    assert fields(read(d)) == {"学    院": "软件学院"}


def test_a_line_of_role_and_person_pairs_does_not_become_the_project_name() -> None:
    d = new_document()
    d.add_paragraph("项目名称：家教网       商务负责人：   李明        技术负责人：   王芳")
    doc = read(d)
    assert fields(doc)["项目名称"] == "家教网"
    assert extract_project(VOCAB, doc)["name"] == "家教网"


def test_label_and_value_on_two_lines_of_one_cell(tmp_path: Path) -> None:
    w = WordWriter("en")
    w.heading("Project Status Report")
    w.kv_table([("Project Name", "Harbour Lights Refit")])
    w.table(["Prepared By:\nAnna Berg\nLeo Park", "Date:\n2026-03-06", "Reporting Period:\n2026-02-27 to 2026-03-06"], [])
    _body(w)
    path = w.save(tmp_path / "status.docx")
    got = fields(read_path(path))
    assert got["Prepared By"] == "Anna Berg\nLeo Park"
    assert got["Date"] == "2026-03-06"
    assert got["Reporting Period"] == "2026-02-27 to 2026-03-06"
    assert "Date:\n2026-03-06" not in got  # the cell is a field by itself, not the label of the next one
    # A status report is a record (COM-01 does not apply), but its doc-control view is what a reader sees.
    ctx = Context(doc=read_path(path), doc_type="STATUS_REPORT", language="en", today=None, vocab=VOCAB)
    assert sorted(doc_control(ctx)) == ["author", "date", "project_name"]


def test_a_label_paragraph_followed_by_the_names_under_it(tmp_path: Path) -> None:
    w = WordWriter("en")
    w.heading("Project Scope Statement")
    w.para("Campus Parking Permit System")
    w.heading("Prepared by:")
    for name in ("Anna Berg", "Leo Park", "Mia Chen"):
        w.para(name)
    _body(w)
    path = w.save(tmp_path / "scope.docx")
    assert fields(read_path(path))["Prepared by"] == "Anna Berg\nLeo Park\nMia Chen"
    messages = [f["message"] for f in findings(check_one(path), "COM-01")]
    assert messages == ["Document-control information is missing: version, date."]  # no 'Prepared by is empty'


def test_a_label_alone_on_its_line_with_the_value_in_the_next_paragraph(tmp_path: Path) -> None:
    w = WordWriter("en")
    w.heading("PROJECT CHARTER")
    w.heading("Project Name", 2)
    w.heading("Harbour Lights Refit", 2)
    w.heading("Date Produced", 2)
    w.para("October 1, 2026")
    _body(w)
    doc = read_path(w.save(tmp_path / "charter.docx"))
    got = fields(doc)
    assert got["Project Name"] == "Harbour Lights Refit" and got["Date Produced"] == "October 1, 2026"
    assert extract_project(VOCAB, doc)["name"] == "Harbour Lights Refit"


def test_a_role_heading_over_its_list_of_duties_is_no_field() -> None:
    d = new_document()
    d.add_heading("项目经理", 2)
    d.add_paragraph("1、组织需求培训；")
    d.add_heading("Project Manager", 2)
    d.add_paragraph("Leads the team and reports to the sponsor every week.")
    assert fields(read(d)) == {}


def test_a_label_and_its_value_set_apart_by_a_tab_and_a_signature_caption_is_no_value() -> None:
    d = new_document()
    d.add_paragraph("Prepared by\tAnna Berg")
    d.add_paragraph("\t\tProject Manager")  # the caption under the signature line
    d.add_paragraph("Approved by\t")
    d.add_paragraph("                Project Sponsor")
    got = fields(read(d))
    assert got == {"Prepared by": "Anna Berg"}


def test_prompt_labels_of_a_blank_form_stay_fields() -> None:
    d = new_document()
    t = d.add_table(rows=2, cols=3)
    t.rows[0].cells[0].text = "Project Sponsor"
    t.rows[0].cells[2].text = "Other Stakeholders:"
    t.rows[1].cells[0].text = "Authors:"
    t.rows[1].cells[1].text = "Date:"
    got = fields(read(d))
    assert got["Other Stakeholders"] == "" and got["Authors"] == "" and got["Date"] == ""


def test_a_chinese_line_of_two_pairs_set_apart_by_one_space() -> None:
    d = new_document()
    d.add_paragraph("签发人：CIO 签发时间：2026年9月")
    assert fields(read(d)) == {"签发人": "CIO", "签发时间": "2026年9月"}


def test_a_cell_of_label_value_lines_gives_every_line_and_is_no_label_of_the_next_cell(tmp_path: Path) -> None:
    """A change-request form's cell holding several 'Label: value' lines (one a value under its label)
    beside a label and its value: every line is a field at that cell, and the pair beside it stays a pair."""
    w = WordWriter("zh")
    w.heading("变更申请单")
    w.table(["变更编号：CR-03\n审批结论：同意\n审批人：\n王强", "变更标题", "增加报表模块"], [])
    _body(w)
    doc = read_path(w.save(tmp_path / "cr.docx"))
    got = {f.label: f for f in doc.fields}
    assert {k: got[k].value for k in ("变更编号", "审批结论", "审批人", "变更标题")} == {
        "变更编号": "CR-03", "审批结论": "同意", "审批人": "王强", "变更标题": "增加报表模块"}
    assert (got["审批人"].location.table, got["审批人"].location.row, got["审批人"].location.col) == (0, 0, 0)
    assert got["审批人"].location.text.replace(":", "：") == "审批人：\n王强"
    assert got["变更标题"].location.col == 2
    assert not [f for f in doc.fields if "\n" in f.label or "：" in f.label]


def test_a_change_request_stating_its_fields_in_one_cell_misses_none_of_them(tmp_path: Path) -> None:
    in_cell = {"CR ID": "CR-007", "Decision": "Approved", "Approver": "Dana Lee", "Title": None}
    w = WordWriter("en")
    w.heading("Change Request")
    w.table(["CR ID: CR-007\nDecision: Approved", "Title", "Add SSO for partners"], [])
    w.table(["Approver: Dana Lee", "Requested By", "Wei Zhang"], [])
    w.kv_table([(k, v) for k, v in EN_CR_FORM.items() if k not in in_cell and k != "Requested By"])
    path = w.save(tmp_path / "cr.docx")
    entry = check_one(path)
    assert entry["doc_type"] == "CHANGE_REQUEST"
    assert findings(entry, "CR-01") == []

    w = WordWriter("zh")
    w.heading("变更申请单")
    w.table(["变更编号：CR-03\n审批结论：同意\n审批人：王强  2024-04-11", "变更标题", "增加报表模块"], [])
    w.kv_table([("申请人", "李雷"), ("申请日期", "2024-04-01"), ("变更内容", "在月末结算中增加库存差异报表。"),
                ("变更原因", "财务部要求按月核对库存差异。"), ("影响分析", "见下列各项"), ("范围", "增加一张报表"),
                ("进度", "5天"), ("成本", "2万元"), ("质量", "无影响"), ("资源", "一名开发人员"), ("风险", "低"),
                ("受影响文档/基线", "范围基线V1.1"), ("备选方案", "手工导出（每月需两人天）"), ("建议", "批准"),
                ("审批理由", "需求合理，成本在授权范围内")])
    entry = check_one(w.save(tmp_path / "变更申请单.docx"))
    assert entry["doc_type"] == "CHANGE_REQUEST"
    assert findings(entry, "CR-01") == []


def test_a_sentence_with_a_colon_is_no_field() -> None:
    d = new_document()
    d.add_paragraph("After the review on Monday the steering committee agreed: the go-live moves to June.")
    d.add_paragraph("经过周一的评审，指导委员会一致同意如下安排：上线时间推迟到六月。")
    t = d.add_table(rows=1, cols=2)
    t.rows[0].cells[0].text = "Decision: Approved\nAfter the review on Monday the steering committee agreed: go."
    t.rows[0].cells[1].text = "经评审，会议一致认为：方案可行。\n审批结论：同意"
    assert fields(read(d)) == {"Decision": "Approved", "审批结论": "同意"}


# -- workbooks -----------------------------------------------------------------------------------------


def _register(ws, title_lines: list[str], footer: list[str]) -> None:
    sw = SheetWriter(ws)
    sw.title("\n".join(title_lines))
    last = sw.table(3, ["Risk ID", "Risk Description", "Probability", "Impact", "Risk Owner", "Status"], [
        ["R-01", "Supplier delivers the lifts late", 3, 4, "Anna Berg", "Open"],
        ["R-02", "Dock permit delayed by the port authority", 2, 5, "Leo Park", "Open"],
    ])
    for c, text in enumerate(footer, 1):
        ws.cell(last + 2, 1 + 3 * (c - 1), text)


def test_a_change_request_sheet_stating_fields_in_one_cell_misses_none_of_them(tmp_path: Path) -> None:
    """The same form laid out in a sheet: a cell of lines (one a value under its label) beside a pair."""
    wb = Workbook()
    sw = SheetWriter(wb.active)
    sw.title("Change Request")
    wb.active.append(["CR ID: CR-007\nDecision: Approved", "Title", "Add SSO for partners"])
    wb.active.append(["Approver:\nDana Lee", "Requested By", "Wei Zhang"])
    sw.pairs(4, [(k, v) for k, v in EN_CR_FORM.items() if k not in ("CR ID", "Decision", "Approver", "Title", "Requested By")])
    entry = check_one(save(wb, tmp_path / "cr.xlsx"))
    assert entry["doc_type"] == "CHANGE_REQUEST" and findings(entry, "CR-01") == []

    wb = Workbook()
    sw = SheetWriter(wb.active)
    sw.title("变更申请单")
    wb.active.append(["变更编号：CR-03\n审批结论：同意\n审批人：\n王强", "变更标题", "增加报表模块"])
    sw.pairs(3, [("申请人", "李雷"), ("申请日期", "2024-04-01"), ("变更内容", "在月末结算中增加库存差异报表。"),
                 ("变更原因", "财务部要求按月核对库存差异。"), ("影响分析", "见下列各项"), ("范围", "增加一张报表"),
                 ("进度", "5天"), ("成本", "2万元"), ("质量", "无影响"), ("资源", "一名开发人员"), ("风险", "低"),
                 ("受影响文档/基线", "范围基线V1.1"), ("备选方案", "手工导出（每月需两人天）"), ("建议", "批准"),
                 ("审批理由", "需求合理，成本在授权范围内")])
    path = save(wb, tmp_path / "变更申请单.xlsx")
    assert fields(read_workbook(path))["审批人"] == "王强"
    entry = check_one(path)
    assert entry["doc_type"] == "CHANGE_REQUEST" and findings(entry, "CR-01") == []


def test_a_sheet_title_names_the_project_and_a_footer_row_gives_version_and_date(tmp_path: Path) -> None:
    wb = Workbook()
    _register(wb.active, ["Risk management plan for project: Harbour Lights Refit"], ["Version: 1.0", "Date: 2026-03-05"])
    path = save(wb, tmp_path / "risks.xlsx")
    doc = read_workbook(path)
    assert extract_project(VOCAB, doc)["name"] == "Harbour Lights Refit"
    assert fields(doc)["Version"] == "1.0" and fields(doc)["Date"] == "2026-03-05"
    # A register is a record (COM-01 does not apply), but its doc-control view is what a reader sees.
    ctx = Context(doc=doc, doc_type="RISK_REGISTER", language="en", today=None, vocab=VOCAB)
    assert {"version", "date"} <= set(doc_control(ctx)) and "author" not in doc_control(ctx)


def test_a_title_cell_of_several_lines_gives_title_project_and_date(tmp_path: Path) -> None:
    wb = Workbook()
    _register(wb.active, ["High-Level Budget: Resource Breakdown", "Project Name: Harbour Lights Refit", "Date: 01 April 2026"], [])
    path = save(wb, tmp_path / "budget.xlsx")
    assert extract_project(VOCAB, read_workbook(path))["name"] == "Harbour Lights Refit"
    messages = [f["message"] for f in findings(check_one(path), "COM-01")]
    assert messages == ["Document-control information is missing: version, author/owner."]  # the title is there


# -- project facts: a label or a header beside a label is not its value ------------------------------


def test_the_next_label_of_a_blank_form_is_not_the_value() -> None:
    d = new_document()
    t = d.add_table(rows=1, cols=2)
    t.rows[0].cells[0].text, t.rows[0].cells[1].text = "项目名称", "准备日期"
    doc = read(d)
    assert fields(doc) == {"项目名称": "", "准备日期": ""}
    assert extract_project(VOCAB, doc) == {}


def test_a_column_header_or_a_cost_item_is_not_a_project_fact() -> None:
    d = new_document()
    t = d.add_table(rows=3, cols=3)
    for r, row in enumerate([["成本项目", "需求成本", "预计成本"], ["办公场所", "3000元/月", "3500元"],
                             ["项目经理", "姓名", "部门"]]):
        for c, text in enumerate(row):
            t.rows[r].cells[c].text = text
    assert extract_project(VOCAB, read(d)) == {}


# -- currencies ------------------------------------------------------------------------------------


def test_an_amount_with_an_iso_code_after_it_or_a_local_sign_says_its_currency(tmp_path: Path) -> None:
    w = WordWriter("en")
    w.heading("Harbour Lights Refit Charter")
    w.kv_table([("Estimated Cost", "2,500,000 EGP"), ("Contingency", "₹ 4,00,000"), ("Budget", "KES 1,200,000")])
    _body(w)
    assert findings(check_one(w.save(tmp_path / "charter.docx")), "COM-11") == []


def test_a_budget_whose_total_cells_carry_a_currency_format_states_the_currency(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["Cost item", "Venue costs", "Total direct costs"])
    ws.append(["Design workshop", 1000, 1000])
    ws.append(["Vendor contract", 3000, 3000])
    ws.append(["Total", 4000, 4000])
    for cell in ws[4][1:]:
        cell.number_format = '"$"#,##0'
    path = save(wb, tmp_path / "budget.xlsx")
    assert findings(check_one(path), "COM-11") == []
    wb["Sheet"]["B4"].number_format = "#,##0"
    wb["Sheet"]["C4"].number_format = "#,##0"
    path = save(wb, tmp_path / "bare.xlsx")
    assert {f["location"]["cell"] for f in findings(check_one(path), "COM-11")} == {"B1", "C1"}


def test_a_currency_number_format_shows_on_the_cell() -> None:
    wb = Workbook()
    ws = wb.active
    ws["A1"], ws["A2"], ws["A3"] = 1500, 2500, 3500
    ws["A1"].number_format = '"$"#,##0'
    ws["A2"].number_format = "#,##0.00 [$EGP]"
    ws["A3"].number_format = "[$-409]0"  # a locale tag alone is no currency
    buf = io.BytesIO()
    wb.save(buf)
    doc = read_xlsx("f.xlsx", buf.getvalue(), "xlsx", VOCAB)
    assert [row[0].text for row in doc.sheets[0].grid.rows] == ["$1500", "2500 EGP", "3500"]
    assert [row[0].value for row in doc.sheets[0].grid.rows] == [1500, 2500, 3500]


# -- placeholders spoken about, not left in place ----------------------------------------------------


def test_a_format_mask_or_an_applications_prompt_is_not_a_leftover_placeholder(tmp_path: Path) -> None:
    w = WordWriter("zh")
    w.heading("智慧仓储管理系统需求说明")
    w.para("EMAIL：格式必须符合xxx@xxx.xxx，为非必填项。")  # a requirement that sets the e-mail format
    w.table(["用例", "预期结果", "实际结果"], [["空密码登录", "提示请输入密码", "提示请输入密码"],
                                          ["空用户名登录", "弹出“请输入用户名”", "弹出“请输入用户名”"]])
    w.para("联系邮箱：xxx@xxx.com")  # a value still to fill in
    w.para("项目经理：待定")
    path = w.save(tmp_path / "spec.docx")
    found = [f["location"].get("text") for f in findings(check_one(path), "COM-02")]
    assert found == ["联系邮箱：xxx@xxx.com", "项目经理：待定"]


def test_x_letters_left_for_a_name_beside_chinese_text_are_a_placeholder() -> None:
    assert is_placeholder(VOCAB, "xxxx项目") and is_placeholder(VOCAB, "产品名称：xxxx")
    assert not is_placeholder(VOCAB, "Dates are written in the format YYYY-MM-DD")
    assert is_placeholder(VOCAB, "Message: TBD")  # a pending value whatever its label says


def test_a_combined_label_gives_both_fields_and_a_version_value_may_carry_the_date(tmp_path: Path) -> None:
    w = WordWriter("en")
    w.heading("Change Management Plan")
    w.kv_table([("Project Name", "Harbour Lights Refit"), ("Document Version and Date", "V1, June 1, 2026"),
                ("Author/Owner", "Anna Berg")])
    _body(w)
    assert findings(check_one(w.save(tmp_path / "a.docx")), "COM-01") == []
    w = WordWriter("zh")
    w.heading("变更管理计划")
    w.kv_table([("项目名称", "智慧仓储管理系统"), ("版本", "V1.0，2026年6月1日"), ("编制人", "李明")])
    _body(w)
    assert findings(check_one(w.save(tmp_path / "b.docx")), "COM-01") == []


def test_a_label_cell_keeps_its_value_cell_even_when_the_value_has_a_sub_label() -> None:
    d = new_document()
    t = d.add_table(rows=1, cols=2)
    t.rows[0].cells[0].text, t.rows[0].cells[1].text = "下周工作计划", "内容：\n1、编写需求规格说明书"
    assert fields(read(d))["下周工作计划"] == "内容：\n1、编写需求规格说明书"


def test_a_line_of_the_contents_is_not_a_field_and_a_number_is_not_a_name() -> None:
    d = new_document()
    d.add_paragraph("目录")
    d.add_paragraph("1.2.1项目名称\t5")  # the contents: a heading and its page
    d.add_paragraph("Project Manager\t10")
    doc = read(d)
    assert "1.2.1项目名称" not in fields(doc) and "Project Manager" not in fields(doc)
    assert extract_project(VOCAB, doc) == {}


def test_documents_of_one_project_group_by_id_or_by_its_name_however_spelled(tmp_path: Path) -> None:
    def doc(name: str, pairs: list[tuple[str, str]]) -> None:
        w = WordWriter("zh")
        w.heading("项目周报")
        w.kv_table(pairs)
        _body(w)
        w.save(tmp_path / name)

    doc("a.docx", [("项目名称", "智慧仓储 管理平台"), ("项目编号", "WH-01")])
    doc("b.docx", [("项目名称", "《智慧仓储管理系统》")])
    doc("c.docx", [("项目编号", "WH-01")])
    doc("d.docx", [("项目名称", "智慧物流调度平台")])
    # Another id in another folder: another project (in the same folder, one document's odd id among
    # several of another is taken for a typo, and XD-01 reports it: docs/project-view.md).
    (tmp_path / "other").mkdir()
    doc("other/e.docx", [("项目名称", "智慧仓储管理平台"), ("项目编号", "WH-02")])
    report = checker.check([str(tmp_path)], {"today": "2026-11-25"})
    assert extract_project(VOCAB, read_path(tmp_path / "b.docx"))["name"] == "智慧仓储管理系统"
    groups = sorted((p["key"], sorted(Path(d).name for d in p["documents"])) for p in report["projects"])
    assert groups == [("WH-01", ["a.docx", "b.docx", "c.docx"]), ("WH-02", ["e.docx"]), ("智慧物流调度平台", ["d.docx"])]


def test_a_price_of_a_product_version_is_not_the_documents_version() -> None:
    d = new_document()
    d.add_paragraph("项目名称：智慧仓储管理系统")
    d.add_paragraph("CLION编译器6.0版本：3000元")
    doc = read(d)
    assert fields(doc)["CLION编译器6.0版本"] == "3000元"
    ctx = Context(doc=doc, doc_type="COST_PLAN", language="zh", today=None, vocab=VOCAB)
    assert "version" not in doc_control(ctx)


def test_a_field_in_the_cell_beside_a_label_is_not_that_labels_value() -> None:
    d = new_document()
    t = d.add_table(rows=1, cols=2)
    t.rows[0].cells[0].text, t.rows[0].cells[1].text = "Project Name", "Week Ending: 10 March 2026"
    doc = read(d)
    assert fields(doc) == {"Project Name": "", "Week Ending": "10 March 2026"}
    assert extract_project(VOCAB, doc) == {}


# -- document control given by the revision history or an issuer -------------------------------------


def test_version_and_date_given_only_by_the_revision_history(tmp_path: Path) -> None:
    """The cover names project, title and writer; the version and its date are in the revision table
    right after it: a reviewer reads them there. Who revised a version is not who owns the document,
    so an author missing from the cover stays missing even with a reviser in the table."""
    w = WordWriter("zh")
    w.heading("智慧仓储管理系统")
    w.heading("项目管理计划")
    w.para("编写人：李明")
    w.revision_table([["V1.0", "2026-03-01", "王芳", "初稿"], ["V1.1", "2026-03-15", "王芳", "补充里程碑"]])
    _body(w)
    path = w.save(tmp_path / "项目管理计划.docx")
    assert findings(check_one(path), "COM-01") == []

    w = WordWriter("zh")
    w.heading("智慧仓储管理系统")
    w.heading("项目管理计划")
    w.revision_table([["V1.0", "2026-03-01", "王芳", "初稿"]])
    _body(w)
    [finding] = findings(check_one(w.save(tmp_path / "项目管理计划-无编写人.docx")), "COM-01")
    assert finding["missing_fields"] == ["编制人/文档负责人"], finding


def test_the_issuer_of_a_charter_form_or_an_authoring_group_is_its_author(tmp_path: Path) -> None:
    """'签发人' (who issued the charter) and a course team's '组号' on the cover say who wrote it."""
    for label, value in (("签发人", "信息中心"), ("组号", "7")):
        w = WordWriter("zh")
        w.heading("智慧仓储管理系统")
        w.heading("项目管理计划")
        w.kv_table([("版本号", "V1.0"), ("日期", "2026-03-01"), (label, value)])
        _body(w)
        assert findings(check_one(w.save(tmp_path / f"{label}.docx")), "COM-01") == [], label
