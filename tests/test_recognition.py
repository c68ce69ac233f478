"""Recognition of registers, sections and tables laid out as real documents lay them out (#16):
column headers worded otherwise and columns typed by their values, legend and total rows under a
register, sections under other names or in other layouts. Every document is built here."""
from __future__ import annotations

from openpyxl import Workbook

from checker.lexicon.matchers import type_column_synonyms, type_sections
from checker.lexicon.vocabulary import shipped_vocabulary
from tests.support.checking import check_one as check


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


def test_a_negative_impact_on_an_opportunity_row_is_the_register_s_sign_for_a_gain(tmp_path):
    """A register of threats and opportunities (category T / O) signs an opportunity's impact: '-4' on
    an O row is on the scale; on a threat row it is not."""
    header = ["Risk ID", "Risk Description", "Category", "Probability", "Impact", "Risk Score", "Mitigation",
              "Risk Owner", "Status"]
    rows = [[f"R-{n}", d, "T", p, i, s, m, o, st] for n, d, _c, p, i, s, m, o, st in RISKS]
    rows[1][4] = -3  # a threat with a negative impact: off the scale
    rows.append(["R-5", "A new release may attract customers", "O", 4, -4, -16, "Prepare the launch campaign",
                 "E. Kim", "Open"])
    doc = check(sheet_workbook(tmp_path / "risk register.xlsx", "Risk Register",
                               [["Risk Register"], [], header, *rows]))
    assert doc["doc_type"] == "RISK_REGISTER"
    assert [f["location"]["cell"] for f in of_rule(doc, "RR-05")] == ["E5"]


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
    change = type_sections(vocab, "CHANGE_REQUEST")
    # '申请变更的内容' ends with '变更内容' once its 的 goes: it names the change's description.
    assert change.candidates("1．申请变更的内容")[0].key == "description"
    assert change.candidates("1．申请变更的内容")[0].strong
    assert change.candidates("申请变更的内容说明")[0].score < 0.8  # its head noun is 说明, not 内容


# --- sections ---------------------------------------------------------------------------------------

def test_scope_statement_labels_with_a_project_prefix_or_possessive_in_sheet_boxes(tmp_path):
    """A sheet form whose element labels read '项目的约束', '项目的除外责任' (a 'project' prefix and
    the possessive 的), each a merged title row over a box of text rows: every element is there."""
    boxes = [("项目背景与目的", "现有纸质考勤效率低，项目将实现考勤数字化。"),
             ("项目的目标", "2026年6月30日前上线，预算不超过20万元。"),
             ("项目的产品范围描述", "一个网页考勤系统：登录、考勤记录、统计报表。"),
             ("项目可交付成果", "系统软件、用户手册、培训材料。"),
             ("项目的验收标准", "全部功能通过用户验收测试，准确率不低于99%。"),
             ("项目的除外责任", "不包括移动端应用，不对接财务系统。"),
             ("项目的约束", "预算20万元，团队5人，6月30日前完成。"),
             ("项目的假设", "学校提供服务器，用户愿意配合测试。"),
             ("审批", "批准人：王强，项目发起人，2026年1月10日")]
    wb = Workbook()
    ws = wb.active
    ws.title = "项目范围说明书"
    ws.cell(1, 1, "项目范围说明书")
    ws.merge_cells("A1:D1")
    ws.cell(2, 1, "项目名称")
    ws.cell(2, 2, "考勤系统")
    row = 3
    for label, body in boxes:
        ws.cell(row, 1, label)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        ws.cell(row + 1, 1, body)
        ws.merge_cells(start_row=row + 1, start_column=1, end_row=row + 1, end_column=4)
        row += 3
    path = tmp_path / "项目范围说明书.xlsx"
    wb.save(path)
    doc = check(path)
    assert doc["doc_type"] == "SCOPE_STATEMENT"
    assert of_rule(doc, "SS-01") == [], of_rule(doc, "SS-01")
    assert of_rule(doc, "COM-14") == [], of_rule(doc, "COM-14")


def test_plan_components_written_as_numbered_sections(tmp_path):
    """A plan whose subsidiary plans are its own numbered sections ('Schedule Management',
    'Communication Plan', 'Risk Management') and whose resources are a team-roles section."""
    from tests.support.word import WordWriter

    w = WordWriter("en")
    w.title("Project Management Plan", "Attendance System")
    w.heading("1. Project Objectives")
    w.bullets(["Deliver a tested attendance system by 30 June 2026 within a budget of USD 20,000."])
    w.heading("2. Team Roles and Responsibilities")
    w.table(["Role", "Name", "Responsibilities"], [["Project Manager", "A. Lee", "Plan and track the work"],
                                                  ["Developer", "B. Wu", "Build the system"]])
    w.heading("3. Project Life Cycle")
    w.para("Waterfall: initiation, planning, design, build, test, closure; each phase ends with a review.")
    w.heading("4. Milestones")
    w.table(["Milestone", "Date"], [["Design approved", "2026-03-01"], ["System live", "2026-06-30"]])
    w.heading("5. Schedule Management")
    w.para("The schedule is kept in the project plan file and updated weekly by the project manager.")
    w.heading("6. Communication Plan")
    w.para("A weekly status report to the sponsor; a monthly steering meeting with the stakeholders.")
    w.heading("7. Risk Management")
    w.para("Risks are logged in the risk register, rated 1-5 and reviewed every two weeks.")
    w.heading("8. Change and Configuration Management")
    w.para("Changes go through a written change request assessed by the change control board.")
    w.heading("9. Baselines")
    w.para("The scope, schedule and cost baselines are set at plan approval and changed only by approved CRs.")
    w.heading("10. Management Reviews")
    w.para("A phase-gate review at the end of each phase, chaired by the sponsor.")
    w.heading("11. Approval")
    w.approvals_table([["C. Diaz", "Sponsor", "C. Diaz", "2026-01-10"]])
    doc = check(w.save(tmp_path / "project management plan.docx"))
    assert doc["doc_type"] == "PMP"
    assert of_rule(doc, "PMP-01") == [], of_rule(doc, "PMP-01")


# --- tables misread ---------------------------------------------------------------------------------

def _charter(w, approvals_rows):
    w.title("Project Charter", "Attendance System")
    w.kv_table([("Project Name", "Attendance System"), ("Version", "1.0"), ("Date", "2026-01-05"),
                ("Prepared by", "A. Lee")])
    w.heading("Project Purpose")
    w.para("Paper attendance registers are slow and error-prone; the project digitises them.")
    w.heading("Signatures")
    w.table(["Project Sponsor:", "", ""], approvals_rows)


def test_a_signature_block_per_role_repeats_its_header_row(tmp_path):
    """'Role:' caption, then 'Name | Signature | Date' over each role's rows: the repeated header
    rows are not approvers, and a caption over a signed block is not an unsigned approval."""
    from tests.support.word import WordWriter

    w = WordWriter("en")
    _charter(w, [["Name", "Signature", "Date"], ["C. Diaz", "Signed", "2026-01-10"],
                 ["Project Manager:", "", ""], ["Name", "Signature", "Date"], ["A. Lee", "Signed", "2026-01-11"]])
    doc = check(w.save(tmp_path / "charter.docx"))
    assert doc["doc_type"] == "CHARTER"
    assert of_rule(doc, "COM-06") == [], of_rule(doc, "COM-06")


def test_an_empty_role_block_is_reported_at_its_caption(tmp_path):
    from tests.support.word import WordWriter

    w = WordWriter("en")
    _charter(w, [["Name", "Signature", "Date"], ["C. Diaz", "Signed", "2026-01-10"],
                 ["Project Manager:", "", ""], ["Name", "Signature", "Date"], ["", "", ""]])
    doc = check(w.save(tmp_path / "charter.docx"))
    got = of_rule(doc, "COM-06")
    assert [f["location"].get("row") for f in got] == [3], got
    assert "Name" not in got[0]["message"]


def test_a_deliverable_named_like_a_sign_off_is_not_an_approval(tmp_path):
    """A deliverables table with a 'UAT Sign-off' row: no approval there, so the missing approval
    block is what is reported."""
    from tests.support.word import WordWriter

    w = WordWriter("en")
    w.title("Project Scope Statement", "Attendance System")
    w.kv_table([("Project Name", "Attendance System"), ("Version", "1.0"), ("Date", "2026-01-05"),
                ("Prepared by", "A. Lee")])
    w.heading("Deliverables")
    w.table(["No.", "Deliverable", "Due", "Owner"], [["1", "Project Charter", "W1", "A. Lee"],
                                                     ["2", "UAT Sign-off", "W10", "All"],
                                                     ["3", "Closure Report", "W12", "All"]])
    doc = check(w.save(tmp_path / "project scope statement.docx"))
    assert doc["doc_type"] == "SCOPE_STATEMENT"
    got = of_rule(doc, "COM-06")
    assert len(got) == 1 and got[0].get("location") in (None, {}), got


def test_review_blocks_signed_by_role_are_the_approval_section(tmp_path):
    """An application form ends with review blocks ('专家组组长签名', '领导小组组长签名'): it has an
    approval section, so the finding is about its unsigned lines, not a missing block."""
    from tests.support.word import WordWriter

    w = WordWriter("zh")
    w.title("项目立项申请书")
    w.kv_table([("项目名称", "考勤系统"), ("申请人", "李安"), ("申请日期", "2026年1月5日"),
                ("项目背景", "纸质考勤效率低，需要数字化。"), ("预期效益", "节省教师每周两小时。"),
                ("项目负责人签名", "李安 2026年1月5日"), ("专家组组长签名", ""), ("领导小组组长签名", "")])
    doc = check(w.save(tmp_path / "立项申请书.docx"))
    assert doc["doc_type"] == "INIT_REQUEST_BC"
    got = of_rule(doc, "COM-06")
    assert all("未找到" not in f["message"] for f in got), got


def _charter_start(w):
    w.title("Project Charter", "Attendance System")
    w.heading("Project Purpose")
    w.para("Paper attendance registers are slow and error-prone; the project digitises them.")
    w.heading("Measurable Project Objectives and Success Criteria")
    w.para("Attendance recorded digitally in every course by 30 June 2026, at 99% accuracy.")
    w.heading("Project Sponsor")
    w.para("C. Diaz, Head of Department, approves the budget and the scope.")
    w.heading("Summary Budget")
    w.para("USD 20,000 for development and training.")


def test_a_label_paragraph_over_a_milestone_table_is_the_milestones_section(tmp_path):
    """'Milestones' alone on a plain line, the dated table (columns not named as milestones) under it."""
    from tests.support.word import WordWriter

    w = WordWriter("en")
    _charter_start(w)
    w.para("Milestones")
    w.table(["Due", "Work completed", "Owner", "Outputs"],
            [["2026-03-01", "Design approved", "A. Lee", "Design document"],
             ["2026-06-30", "System live", "B. Wu", "Deployed system"]])
    doc = check(w.save(tmp_path / "charter.docx"))
    assert doc["doc_type"] == "CHARTER"
    assert not any("Milestone" in f["message"] for f in of_rule(doc, "CH-01")), of_rule(doc, "CH-01")


def test_dates_typed_as_headings_under_a_milestones_heading_are_its_content(tmp_path):
    """A heading 'Overall Project Milestones' whose dates follow as headings ('Dates', 'Project
    Prototype', 'November 25, 2026'): the section holds them, it is neither missing nor empty."""
    from tests.support.word import WordWriter

    w = WordWriter("en")
    _charter_start(w)
    w.heading("Overall Project Milestones")
    for text in ("Dates", "Project Prototype", "November 25, 2026", "Project Presentation", "November 28, 2026"):
        w.heading(text)
    doc = check(w.save(tmp_path / "charter.docx"))
    assert doc["doc_type"] == "CHARTER"
    assert not any("Milestone" in f["message"] for f in of_rule(doc, "CH-01") + of_rule(doc, "COM-14"))


def test_a_price_line_ending_in_version_is_not_the_document_version(tmp_path):
    """'编译器6.0版本：3000元' (a licence price in a cost list) is no document version to compare
    with the revision history's last row."""
    from tests.support.word import WordWriter

    w = WordWriter("zh")
    w.title("考勤系统项目章程")
    w.revision_table([["1.0", "2026-01-05", "李安", "初稿"]])
    w.heading("项目目的")
    w.para("纸质考勤效率低、易出错，项目将考勤数字化。")
    w.heading("项目目标")
    w.para("2026年6月30日前上线，全部课程使用电子考勤，准确率不低于99%。")
    w.heading("主要里程碑")
    w.para("2026年3月1日设计评审；2026年6月30日系统上线。")
    w.heading("项目发起人")
    w.para("王强，教务处处长。")
    w.heading("项目经理")
    w.para("李安，负责计划与跟踪。")
    w.heading("项目总体预算")
    w.para("·编译器6.0版本：3000元")
    w.para("·云服务器：3200元")
    doc = check(w.save(tmp_path / "项目章程.docx"))
    assert doc["doc_type"] == "CHARTER"
    assert not any("3000" in f["message"] for f in of_rule(doc, "COM-04")), of_rule(doc, "COM-04")


def test_a_general_information_table_is_not_an_empty_revision_history(tmp_path):
    """'Prepared By: | … / Date: | 1 Nov 2026 | Version: | 1.0': labels beside their values, not a
    revision-history header over no rows; the missing revision history is reported as missing."""
    from tests.support.word import WordWriter

    w = WordWriter("en")
    w.title("Project Charter", "Attendance System")
    w.table(["Project Title:", "Attendance System", "", ""],
            [["Prepared By:", "A. Lee", "", ""], ["Date:", "November 1, 2026", "Version:", "1.0"]])
    w.heading("Project Purpose")
    w.para("Paper attendance registers are slow and error-prone; the project digitises them.")
    doc = check(w.save(tmp_path / "charter.docx"))
    assert doc["doc_type"] == "CHARTER"
    got = of_rule(doc, "COM-04")
    assert len(got) == 1 and not got[0].get("location"), got
    assert "no entries" not in got[0]["message"]


def test_an_amount_in_the_row_under_its_budget_label_counts(tmp_path):
    """A resources table: 'Initial Funding | <constraint>', then 'Total funding amount: 1000 $' in the
    next row's first cell. The budget gives its amount."""
    from tests.support.word import WordWriter

    w = WordWriter("en")
    w.title("Project Charter", "Attendance System")
    w.heading("Project Purpose")
    w.para("Paper attendance registers are slow and error-prone; the project digitises them.")
    w.heading("Measurable Project Objectives and Success Criteria")
    w.para("Attendance recorded digitally in every course by 30 June 2026, at 99% accuracy.")
    w.heading("Project Sponsor")
    w.para("C. Diaz, Head of Department, approves the budget and the scope.")
    w.heading("Resources")
    w.table(["Resource", "Constraints"], [["Initial Funding", "A limited budget may restrict the scope."],
                                          ["Total funding amount: 1000 $", ""],
                                          ["Personnel", "Skilled developers may be scarce."]])
    doc = check(w.save(tmp_path / "charter.docx"))
    assert doc["doc_type"] == "CHARTER"
    assert of_rule(doc, "CH-06") == [], of_rule(doc, "CH-06")


def test_a_contents_list_typed_as_headings_is_not_where_sections_are(tmp_path):
    """Contents lines typed as headings ('1. Project Objectives' … with nothing under them) come
    back later with the content: each section is recognised at its real heading, not the contents line."""
    from tests.support.word import WordWriter

    titles = ["1. Project Objectives", "2. Milestones", "3. Schedule Management"]
    w = WordWriter("en")
    w.title("Project Management Plan", "Attendance System")
    for t in titles:
        w.heading(t)
    real = {}
    for t, body in zip(titles, ["Deliver the attendance system by 30 June 2026 within USD 20,000.",
                                "Design approved 1 March 2026; system live 30 June 2026.",
                                "The schedule is updated weekly by the project manager."]):
        real[t] = w.heading(t)
        w.para(body)
    from checker.run.explain import explain_file
    result = explain_file(str(w.save(tmp_path / "project management plan.docx")))
    assert result["type"]["doc_type"] == "PMP"
    found = [e["found"] for e in result["elements"] if "found" in e and e["found"]["as"] == "heading"]
    assert found, result["elements"]
    assert all(f["location"]["paragraph"] >= real[titles[0]] for f in found), found


# --- forms awaiting a decision ---------------------------------------------------------------------

def _application(w, blocks):
    """A filled application form whose last table holds the review blocks `blocks` (title, signature line)."""
    w.title("项目立项申请书")
    w.kv_table([("项目名称", "考勤系统"), ("申请人", "李安"), ("申请日期", "2026年1月5日"),
                ("项目背景", "纸质考勤效率低，需要数字化。"), ("预期效益", "节省教师每周两小时。")])
    w.table(["审核"], [[f"{title}\n{line}"] for title, line in blocks])


def test_the_deciding_bodies_blank_opinion_blocks_on_an_application_are_not_left_placeholders(tmp_path):
    """An application ends with the opinion blocks of the bodies that decide it after submission (a
    college's review, an expert group's, the school's): their blank date lines wait for the decision.
    The supervisor's opinion, which comes with the application, is still the applicant's to get."""
    from tests.support.word import WordWriter

    w = WordWriter("zh")
    _application(w, [("指导教师意见（是否同意立项）", "签名：    年  月  日"),
                     ("学院评审意见（是否同意立项）", "工作组组长签名：    年  月  日"),
                     ("校专家组评审意见", "专家组组长签名：    年  月  日"),
                     ("学校意见", "领导小组组长签名：    年  月  日")])
    doc = check(w.save(tmp_path / "立项申请书.docx"))
    assert doc["doc_type"] == "INIT_REQUEST_BC"
    got = of_rule(doc, "COM-02")
    assert [f["location"]["row"] for f in got] == [1], got
    assert "指导教师" in got[0]["location"]["text"]


def test_a_deciding_body_s_blank_block_in_a_document_that_needs_no_decision_after_is_still_a_placeholder(tmp_path):
    """The same review block in a charter (approved as it is issued) is reported."""
    from tests.support.clean_docs import ZH_CHARTER, make_docx

    path = make_docx(tmp_path / "项目章程.docx", zh=True, title="项目章程",
                     sections=[*ZH_CHARTER, ("委员会审批意见", "委员会主任签名：    年  月  日")])
    doc = check(path)
    assert doc["doc_type"] == "CHARTER"
    assert [f["location"]["text"] for f in of_rule(doc, "COM-02")] == ["委员会主任签名： 年 月 日"]


# --- tables read as forms --------------------------------------------------------------------------

def test_a_total_row_whose_amount_sits_in_the_last_column_is_not_an_empty_total(tmp_path):
    """A cost table 'item | rate | estimate' whose total row leaves the rate blank and gives the sum in
    the estimate column: the total is there, not an empty field (COM-14)."""
    from tests.support.clean_docs import EN_COST, make_docx

    items = ("1. Cost Items", [["Cost Item", "Rate", "Estimate (USD)"], ["Labour", "USD 80/hour", "800,000"],
                               ["Software", "USD 50,000/year", "250,000"], ["Total", "", "1,050,000"]])
    path = make_docx(tmp_path / "cost plan.docx", title="Cost Management Plan", sections=[items, *EN_COST[1:]])
    doc = check(path)
    assert doc["doc_type"] == "COST_PLAN"
    assert of_rule(doc, "COM-14") == []


def test_a_wbs_box_named_after_a_sign_off_is_a_task_not_an_approval_field(tmp_path):
    """A WBS drawn in merged cells, boxes side by side ('1.1.2 Gain final design approval | 1.2.2 Gain
    prototype sign-off'): the boxes are items of one numbered hierarchy, not a label and its value, so
    the sign-off task is no unsigned approval field (COM-06 asks for the approval block instead)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "WBS"
    ws["F2"] = "1 Mobile App Launch"
    ws.merge_cells("F2:G4")
    levels = [["1.1 Design", "1.2 Development", "1.3 Testing", "1.4 Launch"],
              ["1.1.1 Draft the initial design", "1.2.1 Build a prototype", "1.3.1 Hire testers", "1.4.1 Train support staff"],
              ["1.1.2 Gain final design approval", "1.2.2 Gain prototype sign-off", "1.3.2 Run the beta test",
               "1.4.2 Launch the app"]]
    for i, boxes in enumerate(levels):
        for j, text in enumerate(boxes):
            r, c = 7 + 4 * i, 3 + 3 * j
            ws.cell(r, c, text)
            ws.merge_cells(start_row=r, start_column=c, end_row=r + 2, end_column=c + 1)
    wb.save(tmp_path / "WBS.xlsx")
    doc = check(tmp_path / "WBS.xlsx")
    assert doc["doc_type"] == "SCHEDULE"
    got = of_rule(doc, "COM-06")
    assert len(got) == 1 and not got[0].get("location") and "sign-off" not in got[0]["message"], got


def test_a_form_row_with_a_name_and_a_date_is_not_an_approvals_header(tmp_path):
    """A change form in one table: the applicant's row ('申请人签字 | name | 申请日期 | date') holds
    values, so it is no header of an approvals table whose 'rows' (the approval title, the approval
    row) would lack signatures; the approval row under its title is signed and dated (COM-06)."""
    from tests.support.word import WordWriter

    w = WordWriter("zh")
    w.title("项目变更申请表")
    rows = [["项目名称", "考勤系统", "变更编号", "CR-003"],
            ["变更标题", "统计报表新增周报表", "申请人", "李安"],
            ["变更内容", "统计报表模块新增周报表功能", "", ""],
            ["变更原因", "用户需要按周查看考勤统计", "", ""],
            ["对成本的影响", "增加人民币8000元", "对进度的影响", "延长3天"],
            ["备选方案", "维持月报表，用户自行汇总", "建议", "批准"],
            ["申请人签字", "李安", "申请日期", "2026年4月1日"],
            ["审批结果", "", "", ""],
            ["审批意见", "批准", "审批人签字", "王强"],
            ["日期", "2026年4月3日", "审批理由", "工作量小，用户需求明确"]]
    w.table(rows[0], rows[1:])
    doc = check(w.save(tmp_path / "变更申请表.docx"))
    assert doc["doc_type"] == "CHANGE_REQUEST"
    assert of_rule(doc, "COM-06") == []


def test_a_section_that_shows_a_picture_is_not_empty(tmp_path):
    """'项目组织图' with the chart drawn as a picture under it, no text: the section holds the chart
    (COM-14); the same heading with nothing under it is empty."""
    from tests.support.word import WordWriter

    def plan(path, chart: bool):
        w = WordWriter("zh")
        w.title("人力资源计划")
        w.heading("一、角色与职责")
        w.table(["角色", "职责"], [["项目经理", "统筹项目进度、成本与质量"], ["开发工程师", "完成模块的编码与单元测试"]])
        w.heading("二、项目组织图")
        if chart:
            w.picture()
        w.heading("三、人员配备管理计划")
        w.para("开发人员于2026年3月从公司内部调配，项目验收后回到原部门。")
        w.heading("四、培训需求")
        w.para("开发人员在项目启动前完成两天的框架培训。")
        return check(w.save(path))

    with_chart = plan(tmp_path / "人力资源计划.docx", chart=True)
    assert with_chart["doc_type"] == "RESOURCE_PLAN"
    assert not any("组织图" in f["message"] for f in of_rule(with_chart, "COM-14")), of_rule(with_chart, "COM-14")
    without = plan(tmp_path / "人力资源计划（无图）.docx", chart=False)
    assert any("组织图" in f["message"] for f in of_rule(without, "COM-14")), of_rule(without, "COM-14")


def test_a_label_merged_over_rows_beside_its_own_small_table_holds_that_table(tmp_path):
    """A charter sheet form: '项目经理' merged over four rows, beside 'name | former department | authority
    in the project' whose values sit two rows down. The PM section holds them (no COM-14), and '全权'
    (full authority) under the authority column states the PM's authority (no CH-02)."""
    wb = Workbook()
    ws = wb.active

    def box(r, label, value, rows=5):
        ws.cell(r, 1, label)
        ws.merge_cells(start_row=r, start_column=1, end_row=r + rows - 1, end_column=2)
        ws.cell(r, 3, value)
        ws.merge_cells(start_row=r, start_column=3, end_row=r + rows - 1, end_column=10)

    ws["A1"] = "项目章程"
    ws.merge_cells("A1:J1")
    ws["A2"], ws["C2"], ws["H2"], ws["I2"] = "项目名称", "考勤系统升级", "批准时间", "2026-01-05"
    for cells in ("A2:B2", "C2:G2", "I2:J2"):
        ws.merge_cells(cells)
    box(3, "项目背景", "纸质考勤效率低、差错多，学校决定建设数字化考勤系统以减少教师的工作量。")
    box(8, "项目目标", "2026年6月30日前在全校所有课程上线考勤系统，考勤准确率达到99%以上。")
    box(13, "项目范围", "包括考勤终端部署、考勤数据统计和与教务系统的接口，不包括工资核算。")
    box(18, "里程碑", "2026年3月完成设计；2026年5月完成试点；2026年6月全校上线。")
    box(23, "资源条件", "人员：开发工程师两名、测试工程师一名；设备：服务器一台。")
    ws.cell(31, 1, "项目经理")
    ws.merge_cells("A31:B34")
    for col, head, value in ((3, "姓名", "李安"), (5, "原先所在的部门或职务", "信息中心"), (8, "在项目中的权力范围", "全权")):
        ws.cell(31, col, head)
        ws.merge_cells(start_row=31, start_column=col, end_row=32, end_column=col + 1)
        ws.cell(33, col, value)
        ws.merge_cells(start_row=33, start_column=col, end_row=34, end_column=col + 1)
    box(35, "项目预算", "总预算人民币20万元，其中硬件12万元、软件8万元。")
    wb.save(tmp_path / "项目章程.xlsx")
    doc = check(tmp_path / "项目章程.xlsx")
    assert doc["doc_type"] == "CHARTER"
    assert of_rule(doc, "COM-14") == [] and of_rule(doc, "CH-02") == [], doc["findings"]


def test_the_final_status_report_may_leave_the_next_period_not_applicable(tmp_path):
    """The project's last weekly report ('For Week Ending: Final Week') has no next week to plan: 'N/A'
    there is the answer (COM-14); an ordinary week's 'N/A' is still an empty section."""
    from tests.support.clean_docs import EN_STATUS, EN_STATUS_CONTROL, make_docx

    sections = [(title, "N/A" if title == "Next Reporting Period" else body) for title, body in EN_STATUS]

    def report(name, period):
        control = {k: v for k, v in EN_STATUS_CONTROL.items() if k != "Report Date"}
        control["For Week Ending"] = period
        return check(make_docx(tmp_path / name, title="Status Report", control=control, sections=sections,
                               revisions=[], approvals=[]))

    final = report("final.docx", "Final Week")
    assert final["doc_type"] == "STATUS_REPORT"
    assert of_rule(final, "COM-14") == []
    ordinary = report("week.docx", "2026-03-29")
    assert [f["location"]["text"] for f in of_rule(ordinary, "COM-14")] == ["Next Reporting Period"], of_rule(ordinary, "COM-14")


def _plan_v2(w, heading, header, rows):
    w.title("Project Management Plan", "Attendance System")
    w.kv_table([("Project Name", "Attendance System"), ("Version", "2.0"), ("Date", "2026-03-05"), ("Prepared by", "A. Lee")])
    w.revision_table([["1.0", "2026-01-05", "A. Lee", "First issue"], ["2.0", "2026-03-05", "A. Lee", "Tables added"]])
    w.heading(heading)
    w.table(header, rows)


def test_a_table_of_baselines_with_versions_is_no_revision_history(tmp_path):
    """'Baseline | Version | Date | Approved by' lists the scope, schedule and cost baselines, each at
    its own version (#16 cause 3): not this plan's revisions (COM-04 'versions must increase') nor its
    approvals (COM-07 'approval predates the revision')."""
    from tests.support.word import WordWriter

    w = WordWriter("en")
    _plan_v2(w, "1. Baselines", ["Baseline", "Version", "Date", "Approved by"],
             [["Scope baseline", "1.2", "2026-02-01", "C. Diaz"], ["Schedule baseline", "1.0", "2026-02-03", "C. Diaz"],
              ["Cost baseline", "1.1", "2026-02-05", "C. Diaz"]])
    doc = check(w.save(tmp_path / "project management plan.docx"))
    assert doc["doc_type"] == "PMP"
    assert of_rule(doc, "COM-04") == [] and of_rule(doc, "COM-07") == [], doc["findings"]


def test_a_table_of_approved_change_requests_is_no_approval_block(tmp_path):
    """'CR ID | Title | Date | Approved by' records the changes approved so far (#16 cause 3); the
    plan's own approval is its signed approvals table, dated after the revision."""
    from tests.support.word import WordWriter

    w = WordWriter("en")
    _plan_v2(w, "1. Changes approved so far", ["CR ID", "Title", "Date", "Approved by"],
             [["CR-001", "Web front end", "2026-02-01", "C. Diaz"], ["CR-002", "Attendance codes", "2026-02-20", "C. Diaz"]])
    w.heading("2. Approval")
    w.approvals_table([["C. Diaz", "Sponsor", "C. Diaz", "2026-03-06"]])
    doc = check(w.save(tmp_path / "project management plan.docx"))
    assert doc["doc_type"] == "PMP"
    assert of_rule(doc, "COM-07") == [] and of_rule(doc, "COM-06") == [], doc["findings"]


def test_a_contents_page_number_is_no_project_manager(tmp_path):
    """'Project Manager<tab>10' in the contents names a page, not the manager (#16 cause 6): the
    manager is the name under the Project Manager heading."""
    from tests.support.word import WordWriter

    w = WordWriter("en")
    w.title("Project Charter", "Attendance System")
    w.para("Contents")
    w.para("Project Manager\t10")
    w.para("Project Sponsor\t11")
    w.kv_table([("Project Name", "Attendance System"), ("Version", "1.0"), ("Date", "2026-01-05"), ("Prepared by", "A. Lee")])
    w.heading("1. Project Purpose")
    w.para("Paper registers are slow; the project digitises attendance.")
    w.heading("2. Project Manager")
    w.para("Ann Lee")
    doc = check(w.save(tmp_path / "project charter.docx"))
    assert doc["doc_type"] == "CHARTER"
    assert doc["project"]["manager"] == "Ann Lee"


def test_a_schedule_impact_in_days_within_a_sentence(tmp_path):
    """'对进度的影响 | 总工期延长7天' gives the schedule impact in days (#16 cause 3): no CR-03 finding."""
    from tests.support.word import WordWriter

    w = WordWriter("zh")
    w.title("变更申请单")
    w.kv_table([("变更编号", "CR-03"), ("变更标题", "增加周报表"), ("申请人", "李安"), ("申请日期", "2024-04-01"),
                ("变更内容", "统计报表新增周报表功能"), ("变更原因", "用户需求"), ("对范围的影响", "新增一个报表"),
                ("对进度的影响", "总工期延长7天"), ("对成本的影响", "增加人民币8000元"), ("审批结论", "批准")])
    doc = check(w.save(tmp_path / "变更申请单.docx"))
    assert doc["doc_type"] == "CHANGE_REQUEST"
    assert of_rule(doc, "CR-03") == [], of_rule(doc, "CR-03")
