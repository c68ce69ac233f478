"""Elements a document states without a label that names them (#16): a charter's purpose written
under 'Goals', a scope statement's exclusions in a sentence, a closure report's conclusion under
'Overall verdict'. They are found by their content cues (rules/lexicons/doctypes.yaml `content`),
reported found "by content" by explain, and not reported missing; an element nothing states is
still reported. Every document is built here."""
from __future__ import annotations

from checker.run.explain import explain_file
from tests.support.checking import check_one as check
from tests.support.word import WordWriter


def missing(doc, rid):
    """The elements the rule's findings say are missing."""
    return {e for f in doc["findings"] if f["rule"] == rid for e in f.get("missing_sections") or ()}


def element(path, key):
    return next(e for e in explain_file(str(path))["elements"] if e["key"] == key)


def _charter(w: WordWriter, goals: str):
    w.title("Project Charter", "Attendance System")
    w.kv_table([("Project Name", "Attendance System"), ("Version", "1.0"), ("Date", "2026-01-05"),
                ("Prepared by", "A. Lee")])
    w.heading("1. Goals")
    w.para(goals)
    w.heading("2. Budget")
    w.para("USD 20,000 approved by the finance committee.")


def test_a_purpose_stated_under_another_heading_is_found_by_content(tmp_path):
    w = WordWriter("en")
    _charter(w, "The purpose of this project is to replace paper attendance registers, which lose records "
                "every term.")
    path = w.save(tmp_path / "project charter.docx")
    doc = check(path)
    assert doc["doc_type"] == "CHARTER"
    assert "Project Purpose" not in missing(doc, "CH-01"), missing(doc, "CH-01")
    found = element(path, "purpose")["found"]
    assert found["as"] == "content" and found["location"]["paragraph"] is not None, found
    assert "purpose" in found["label"].lower()


def test_an_element_no_text_states_is_still_reported(tmp_path):
    """Nothing in this charter states an exit criterion or a risk: both stay missing, with the
    elements the goals paragraph does state (purpose) found."""
    w = WordWriter("en")
    _charter(w, "The purpose of this project is to replace paper attendance registers.")
    doc = check(w.save(tmp_path / "project charter.docx"))
    gone = missing(doc, "CH-01")
    assert {"Project Exit Criteria", "Overall Project Risk"} <= gone, gone
    assert "Project Purpose" not in gone


def test_a_passing_mention_deep_in_a_paragraph_states_nothing(tmp_path):
    """Only a text's opening says what it is about: a risk named at the end of a long goals
    paragraph does not make the charter's overall-risk element, and a duty of 'risk management'
    names no risk at all."""
    w = WordWriter("en")
    _charter(w, "The purpose of this project is to replace paper attendance registers across all twelve "
                "faculties, and in passing to lower the risk of lost records.")
    w.bullets(["Planning, supervising, risk management"])
    assert "Overall Project Risk" in missing(check(w.save(tmp_path / "project charter.docx")), "CH-01")


def test_a_summary_states_the_purpose_in_its_second_sentence_but_not_in_its_fifth(tmp_path):
    """'Menu Tablets is a pilot rollout … The purpose of this project is …': the opening sentences of
    a paragraph say what it is about; the same words four sentences later only pass by."""
    opening = "Menu tablets are rolled out at two restaurants in the bar area."
    w = WordWriter("en")
    _charter(w, f"{opening} The purpose of this project is to shorten the wait for an order.")
    doc = check(w.save(tmp_path / "project charter.docx"))
    assert doc["doc_type"] == "CHARTER"
    assert "Project Purpose" not in missing(doc, "CH-01"), missing(doc, "CH-01")

    w = WordWriter("en")
    _charter(w, f"{opening} Staff are trained in May. Guests order at the table. Kitchens see orders at once. "
                "The purpose of this project is to shorten the wait for an order.")
    doc = check(w.save(tmp_path / "project charter 2.docx"))
    assert doc["doc_type"] == "CHARTER"
    assert "Project Purpose" in missing(doc, "CH-01")


def test_exclusions_stated_in_a_chinese_sentence(tmp_path):
    w = WordWriter("zh")
    w.title("项目范围说明书", "考勤系统")
    w.kv_table([("项目名称", "考勤系统"), ("版本号", "1.0"), ("编制日期", "2026-01-05"), ("编制人", "李明")])
    w.heading("一、范围说明")
    w.para("本项目建设考勤系统软件，不包括考勤机等硬件的采购与安装。")
    path = w.save(tmp_path / "项目范围说明书.docx")
    doc = check(path)
    assert doc["doc_type"] == "SCOPE_STATEMENT"
    assert "项目除外责任" not in missing(doc, "SS-01"), missing(doc, "SS-01")
    assert element(path, "exclusions")["found"]["label"] == "不包括"


def test_a_contents_line_states_nothing(tmp_path):
    """A contents line ('Lessons<tab>5') names a section; it does not state lessons learned."""
    w = WordWriter("en")
    w.title("Project Closure Report", "Attendance System")
    w.para("Lessons\t5")
    w.heading("1. Deliverables")
    w.para("The attendance system was delivered and accepted by the registrar on 30 June 2026.")
    doc = check(w.save(tmp_path / "project closure report.docx"))
    assert doc["doc_type"] == "CLOSURE_REPORT"
    assert "Lessons" in missing(doc, "CLS-01"), missing(doc, "CLS-01")


def test_each_label_line_of_a_form_cell_states_its_element(tmp_path):
    """A form cell of 'Label: value' lines is read line by line, as the same lines written as
    paragraphs are: the assessment on its third line states the impact. A sentence on a later line
    of a cell only passes by."""
    def form(lang, cell):
        w = WordWriter(lang)
        w.title("Change Request" if lang == "en" else "变更申请单")
        w.table([cell, "Title" if lang == "en" else "变更标题", "Partner SSO" if lang == "en" else "增加报表模块"], [])
        return w.save(tmp_path / f"cr-{lang}-{len(cell)}.docx")

    en = form("en", "CR ID: CR-007\nDecision: Approved\nAssessment: affects the go-live by 3 days")
    assert check(en)["doc_type"] == "CHANGE_REQUEST"
    assert "Impact Analysis" not in missing(check(en), "CR-01")
    assert element(en, "impact")["found"]["as"] == "content"
    zh = form("zh", "变更编号：CR-03\n审批结论：同意\n评估：影响工期3天")
    assert "影响分析" not in missing(check(zh), "CR-01")
    passing = form("en", "CR ID: CR-007\nDecision: Approved\nThe vendor thinks it affects nothing.")
    assert "Impact Analysis" in missing(check(passing), "CR-01")


def test_a_disposition_and_a_signature_on_a_form_line_state_the_decision_and_its_approver(tmp_path):
    """'变更：通过 责任人签字：…' states the decision and who signed it under labels of its own; a
    recommendation to approve, the requester's signature or an empty signature line do not."""
    def form(name, lang, lines):
        w = WordWriter(lang)
        w.title("Change Request" if lang == "en" else "变更申请单")
        w.table(["\n".join(lines), "Title" if lang == "en" else "变更标题", "Partner SSO" if lang == "en" else "增加报表模块"], [])
        return missing(check(w.save(tmp_path / f"{name}.docx")), "CR-01")

    got = form("zh", "zh", ["变更申请ID：023", "变更：通过     责任人签字：王强     日期：2024年4月11日"])
    assert not {"变更编号", "审批结论", "审批人"} & got, got
    got = form("en", "en", ["Change Request ID: 7", "Outcome: Approved    Sponsor signature: Dana Lee"])
    assert not {"CR ID", "Disposition", "Approver"} & got, got
    got = form("zh-none", "zh", ["建议：同意", "申请人签字：李雷", "签字：________"])
    assert {"审批结论", "审批人"} <= got, got
    got = form("en-none", "en", ["Recommendation: Approve", "Requester signature: Wei Zhang", "Signature: ________"])
    assert {"Disposition", "Approver"} <= got, got


def test_a_rate_is_the_basis_of_an_estimate(tmp_path):
    """'800元/人天' (an amount per unit) says how the cost was estimated; amounts alone do not."""
    def plan(rate_line: str, name: str):
        w = WordWriter("zh")
        w.title("项目成本计划", "考勤系统")
        w.kv_table([("项目名称", "考勤系统"), ("版本号", "1.0"), ("编制日期", "2026-01-05"), ("编制人", "李明")])
        w.heading("一、费用科目")
        w.table(["成本项目", "金额"], [["开发成本", "188800元"], ["管理成本", "37760元"], ["总计", "226560元"]])
        w.heading("二、人力成本")
        w.para(rate_line)
        doc = check(w.save(tmp_path / name))
        assert doc["doc_type"] == "COST_PLAN"
        return missing(doc, "COST-01")

    assert "估算依据" not in plan("800元/人天，共11人参与开发。", "项目成本计划.docx")
    assert "估算依据" in plan("开发人员共11人，开发成本188800元。", "项目成本计划2.docx")
    # '各阶段开发费用' (a chart of the cost per phase) spreads the budget over time; a total does not.
    assert "分期预算" not in plan("各阶段开发费用见下图。", "项目成本计划3.docx")
    assert "分期预算" in plan("开发费用合计188800元。", "项目成本计划4.docx")


def test_a_status_row_and_an_id_title_line_state_the_decision_and_the_title(tmp_path):
    """A details table's 'Status | Approved & Implemented' row is the pair 'Status: Approved …' and
    states the decision; 'CR-001: Frontend stack change' under the document title gives the title.
    A pending status decides nothing, and a bare id titles nothing."""
    def request(name, title_line, status):
        w = WordWriter("en")
        w.title("Change Request Document")
        w.para(title_line)
        w.heading("Change Request Details")
        w.table(["Field", "Details"], [["Change Request ID", "CR-001"], ["Date Submitted", "16 March 2026"],
                                       ["Submitted By", "A. Lee"], ["Priority", "High"], ["Status", status]])
        w.heading("1. Description of Change")
        w.para("Replace the desktop user interface with a web interface built from the existing designs.")
        w.heading("2. Impact Assessment")
        w.para("Schedule: about 3 days of learning; cost: none; scope: unchanged.")
        doc = check(w.save(tmp_path / name))
        assert doc["doc_type"] == "CHANGE_REQUEST"
        return missing(doc, "CR-01") | {e for f in doc["findings"] if f["rule"] == "CR-01"
                                        for e in f.get("missing_fields") or ()}

    gone = request("change request.docx", "CR-001: Frontend Technology Stack Change", "Approved & Implemented")
    assert not {"Title", "Disposition"} & gone, gone
    gone = request("change request 2.docx", "CR-001", "Pending")
    assert {"Title", "Disposition"} <= gone, gone


def test_a_project_completion_section_reviews_the_deliverables(tmp_path):
    """'项目完成情况' with its table of modules and their completion reviews what was delivered; a
    team's '分工及完成情况' reviews the team, not the deliverables."""
    def report(heading: str, name: str):
        w = WordWriter("zh")
        w.title("项目总结报告", "考勤系统")
        w.kv_table([("项目名称", "考勤系统"), ("版本号", "1.0"), ("编制日期", "2026-07-05"), ("编制人", "李明")])
        w.heading(f"一、{heading}")
        w.table(["功能模块", "完成情况"], [["考勤登记", "完成"], ["统计报表", "完成"]])
        w.heading("二、经验教训")
        w.para("需求评审应更早邀请教务处参加。")
        doc = check(w.save(tmp_path / name))
        assert doc["doc_type"] == "CLOSURE_REPORT"
        return missing(doc, "CLS-01")

    assert "交付成果" not in report("项目完成情况", "项目总结报告.docx")
    assert "交付成果" in report("成员分工及完成情况", "项目总结报告2.docx")


def test_a_chinese_charter_form_states_budget_exit_criteria_risk_and_sponsor_in_its_lines(tmp_path):
    """'成本：275,000美元' is a budget (in dollars), '项目完成的标准：…' the exit criteria, '项目的挑战和劣势：…'
    the main threat, '签发人：CIO' who authorises the charter. Without those lines all four are missing."""
    def charter(lines: list[str], name: str):
        w = WordWriter("zh")
        w.title("项目章程", "操作系统升级")
        w.kv_table([("项目名称", "操作系统升级"), ("版本号", "1.0"), ("编制日期", "2021-09-01"), ("编制人", "余明")])
        w.heading("一、项目背景")
        w.para("项目发起的原因：现有服务器速度过慢，需要升级操作系统。")
        for line in lines:
            w.para(line)
        doc = check(w.save(tmp_path / name))
        assert doc["doc_type"] == "CHARTER"
        return missing(doc, "CH-01")

    four = {"预先批准的财务资源", "项目退出标准", "整体项目风险", "发起人或其他批准项目章程的人员的姓名和职权"}
    stated = charter(["项目的挑战和劣势：员工熟悉旧系统，可能抵触升级。", "成本：275,000美元（包括许可证与培训费）",
                      "项目完成的标准：硬件安装完毕，软件调试完毕，用户满意", "签发人：CIO 签发时间：2021年9月"], "项目章程.docx")
    assert not four & stated, four & stated
    assert four <= charter(["项目目标：2021年12月前完成全部服务器升级。"], "项目章程2.docx")


def test_goals_that_say_what_the_project_builds_and_why(tmp_path):
    """'The goal of this project is to create …' gives the purpose and says what is built; a goal
    that is a target only ('Raise sales by 10 %') does neither. '业务概况' gives a charter's reason."""
    def en(goal: str, name: str):
        w = WordWriter("en")
        _charter(w, goal)
        doc = check(w.save(tmp_path / name))
        assert doc["doc_type"] == "CHARTER"
        return missing(doc, "CH-01")

    stated = en("The goal of this project is to create a space where readers review and discuss books.",
                "project charter.docx")
    assert not {"Project Purpose", "High-level Project Description"} & stated, stated
    target = en("Raise the number of weekly reviews from 40 to 100 by June 2026.", "project charter 2.docx")
    assert {"Project Purpose", "High-level Project Description"} <= target, target

    w = WordWriter("zh")
    w.title("项目章程", "操作系统升级")
    w.kv_table([("项目名称", "操作系统升级"), ("版本号", "1.0"), ("编制日期", "2021-09-01"), ("编制人", "余明")])
    w.para("业务概况：公司服务器仍运行旧系统，速度慢且不再获得安全更新。")
    w.para("项目目标：2022年3月前全部服务器升级。")
    doc = check(w.save(tmp_path / "项目章程.docx"))
    assert doc["doc_type"] == "CHARTER"
    assert "项目目的" not in missing(doc, "CH-01")


def test_three_roles_that_name_someone_are_the_key_stakeholders(tmp_path):
    """'项目发起人：CIO', '项目经理：…', '项目团队：…' name the charter's key stakeholders without a list
    of them; the project manager alone, or roles left blank, do not."""
    def charter(lines: list[str], name: str):
        w = WordWriter("zh")
        w.title("项目章程", "操作系统升级")
        w.kv_table([("项目名称", "操作系统升级"), ("版本号", "1.0"), ("编制日期", "2021-09-01"), ("编制人", "余明")])
        for line in lines:
            w.para(line)
        w.para("项目目标：2022年3月前全部服务器升级。")
        doc = check(w.save(tmp_path / name))
        assert doc["doc_type"] == "CHARTER"
        return missing(doc, "CH-01")

    assert "关键相关方名单" not in charter(["项目发起人：CIO（首席信息官）", "项目经理：余明", "项目团队：欧文、李安"], "项目章程.docx")
    assert "关键相关方名单" in charter(["项目经理：余明"], "项目章程2.docx")
    assert "关键相关方名单" in charter(["项目发起人：", "项目经理：余明", "项目团队："], "项目章程3.docx")


def test_an_sdlc_column_gives_the_plans_life_cycle(tmp_path):
    """A team-roles table with an 'SDLC Role' column (Planning, Analysis, Design, Implementation) lays
    out the software development life cycle the plan follows; a plain 'Role' column does not."""
    def plan(column: str, name: str):
        w = WordWriter("en")
        w.title("Project Management Plan", "Attendance System")
        w.kv_table([("Project Name", "Attendance System"), ("Version", "1.0"), ("Date", "2026-01-05"),
                    ("Prepared by", "A. Lee")])
        w.heading("1. Team Roles")
        w.table(["Name", column], [["A. Lee", "Planning"], ["B. Wu", "Design"], ["C. Diaz", "Implementation"]])
        w.heading("2. Schedule Management")
        w.para("The schedule is kept in the project plan file and updated weekly by the project manager.")
        doc = check(w.save(tmp_path / name))
        assert doc["doc_type"] == "PMP"
        return missing(doc, "PMP-01")

    assert "Life cycle / Phases / Development approach" not in plan("SDLC Role", "project management plan.docx")
    assert "Life cycle / Phases / Development approach" in plan("Role", "project management plan 2.docx")


def test_a_closure_report_reviews_its_requirements_and_names_what_is_unfinished(tmp_path):
    """'是否实现了项目立项时的所有需求？实现。' reviews what the project set out to do; '两项低优先级需求
    未完成' names what is left to follow on. A report that says neither lacks both."""
    def report(lines: list[str], name: str):
        w = WordWriter("zh")
        w.title("项目总结报告", "问答社区")
        w.kv_table([("项目名称", "问答社区"), ("版本号", "1.0"), ("编制日期", "2021-01-08"), ("编制人", "胡明")])
        w.heading("一、项目概况")
        w.para("问答社区于2020年9月立项，2021年1月上线。")
        w.heading("二、交付成果")
        w.para("问答社区网站及其源代码、用户手册。")
        w.heading("三、经验教训")
        w.para("前后端接口应尽早约定。")
        w.heading("四、结论")
        w.para("项目按期结项。")
        for line in lines:
            w.para(line)
        doc = check(w.save(tmp_path / name))
        assert doc["doc_type"] == "CLOSURE_REPORT"
        return missing(doc, "CLS-01")

    both = {"目标完成情况", "遗留问题"}
    assert not both & report(["是否实现了项目立项时的所有需求？基本实现，两项低优先级需求未完成。"], "项目总结报告.docx")
    assert both <= report(["小组每周开会一次。"], "项目总结报告2.docx")


def test_what_a_project_replaces_is_its_background(tmp_path):
    """'The system will replace the current paper registers' states the situation that calls for the
    project (its background and purpose); '代替手工管理方式' says the same in Chinese."""
    def scope(opening: str, name: str, lang: str = "en"):
        w = WordWriter(lang)
        if lang == "en":
            w.title("Project Scope Document", "Attendance System")
            w.kv_table([("Project Name", "Attendance System"), ("Version", "1.0"), ("Date", "2026-01-05"),
                        ("Prepared by", "A. Lee")])
            w.heading("1. Project Scope Statement")
            w.para(opening)
            w.heading("2. Out of Scope")
            w.para("A mobile application is not included.")
        else:
            w.title("项目范围说明书", "图书管理系统")
            w.kv_table([("项目名称", "图书管理系统"), ("版本号", "1.0"), ("编制日期", "2026-01-05"), ("编制人", "李明")])
            w.heading("一、范围说明")
            w.para(opening)
            w.heading("二、除外责任")
            w.para("不包括图书采购。")
        doc = check(w.save(tmp_path / name))
        assert doc["doc_type"] == "SCOPE_STATEMENT"
        return missing(doc, "SS-01")

    key_en, key_zh = "Project Background & Purpose", "项目背景与目的"
    assert key_en not in scope("The attendance system will digitise attendance at the university. "
                               "The system will replace the current paper registers.", "project scope.docx")
    assert key_en in scope("The attendance system will digitise attendance at the university.", "project scope 2.docx")
    assert key_zh not in scope("系统采用信息化方式代替手工管理方式，支持借阅与归还。", "项目范围说明书.docx", "zh")


def test_what_the_product_will_provide_are_its_high_level_requirements(tmp_path):
    """'… The portal will contain vehicle listings, search and booking …' (a goal's third sentence)
    states what the product must do; a goal that says only why does not."""
    def charter(goal: str, name: str):
        w = WordWriter("en")
        _charter(w, goal)
        doc = check(w.save(tmp_path / name))
        assert doc["doc_type"] == "CHARTER"
        return missing(doc, "CH-01")

    why = "Renters want a cheaper alternative to rental companies. Owners want to earn from idle cars."
    assert "High-level Requirements" not in charter(
        f"{why} The portal will contain vehicle listings, search and booking, and owner earnings.", "project charter.docx")
    assert "High-level Requirements" in charter(why, "project charter 2.docx")


def test_a_planned_completion_date_gives_the_charters_summary_schedule(tmp_path):
    """A charter form's '完成时间 | 预计完成时间为：2017年3月30日' gives the project's end, a part of its
    summary milestone schedule; a charter with no date at all lacks the schedule."""
    def charter(rows, name):
        w = WordWriter("zh")
        w.title("项目章程", "数据分析平台")
        w.kv_table([("项目名称", "数据分析平台"), ("项目经理", "刘明"), ("项目目标", "为教育局提供教师数据分析平台。"), *rows])
        doc = check(w.save(tmp_path / name))
        assert doc["doc_type"] == "CHARTER"
        return missing(doc, "CH-01")

    assert "总体里程碑进度计划" not in charter([("完成时间", "预计完成时间为：2017年3月30日")], "项目章程.docx")
    assert "总体里程碑进度计划" in charter([("资金", "见项目输入")], "项目章程2.docx")


def test_a_proposed_change_is_no_recommendation(tmp_path):
    """'建议的变更描述' names the proposed change, not a recommendation; '处理建议：同意变更' is one."""
    def form(line: str, name: str):
        w = WordWriter("zh")
        w.title("变更申请单")
        w.kv_table([("变更编号", "CR-03"), ("变更标题", "增加周报表"), ("申请人", "李安"), ("申请日期", "2024-04-01")])
        w.heading("一、请求变更信息（建议的变更描述及参考资料）")
        w.para("统计报表新增周报表功能。")
        w.heading("二、影响分析")
        w.para("对进度的影响：延长3天。")
        w.para(line)
        doc = check(w.save(tmp_path / name))
        assert doc["doc_type"] == "CHANGE_REQUEST"
        return missing(doc, "CR-01") | {e for f in doc["findings"] if f["rule"] == "CR-01"
                                        for e in f.get("missing_fields") or ()}

    assert "建议" in form("备注：无。", "变更申请单.docx")
    assert "建议" not in form("处理建议：同意变更，下一版本实施。", "变更申请单2.docx")
