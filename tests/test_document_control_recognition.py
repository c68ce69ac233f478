"""COM-01 recognises who wrote a document, its version and its project however real documents give
them: spaced-out cover labels, a student or team table on the cover, a closing team line, labels over
their values, a project named in the opening sentence (#16, cause 1)."""
from __future__ import annotations

from checker.text.normalize import norm_label
from tests.support.checking import check_one as check
from tests.support.word import WordWriter


def com01(doc) -> str:
    """The message of the document's COM-01 'missing fields' finding ('' when there is none)."""
    return " ".join(f["message"] for f in doc["findings"] if f["rule"] == "COM-01")


def ss01(doc) -> set[str]:
    """The scope-statement elements SS-01 reports missing (one finding or several)."""
    return {e for f in doc["findings"] if f["rule"] == "SS-01" for e in f.get("missing_sections") or ()}


def _zh_charter(w: WordWriter) -> None:
    w.heading("1 项目目的")
    w.para("纸质考勤效率低、易出错，项目将考勤数字化。")
    w.heading("2 项目目标")
    w.para("2026年6月30日前上线，全部课程使用电子考勤，准确率不低于99%。")
    w.heading("3 主要里程碑")
    w.table(["里程碑", "日期"], [["设计评审", "2026-04-01"], ["系统上线", "2026-06-30"]])
    w.heading("4 项目发起人")
    w.para("王强，教务处处长。")


def test_spaced_out_chinese_labels_read_as_their_words():
    assert norm_label("组    别：") == "组别"
    assert norm_label("学 院") == "学院"
    assert norm_label("Project 名称") == "project 名称"  # only spaces between Chinese characters go


def test_a_group_row_of_a_spaced_out_cover_form_names_the_authors(tmp_path):
    w = WordWriter("zh")
    w.title("考勤系统项目章程")
    w.kv_table([("学    院：", "软件学院"), ("组    别：", "第二组")])
    w.para("2026年3月")
    _zh_charter(w)
    doc = check(w.save(tmp_path / "项目章程.docx"))
    assert doc["doc_type"] == "CHARTER"
    message = com01(doc)
    assert "版本号" in message and "编制人" not in message, message


def test_a_student_table_on_the_cover_names_the_writer_but_not_one_in_the_body(tmp_path):
    cover = WordWriter("zh")
    cover.title("考勤系统项目章程")
    cover.kv_table([("学    号：", "2019401286"), ("姓    名：", "李安"), ("班    级：", "19软件3班")])
    cover.para("2026年3月")
    _zh_charter(cover)
    doc = check(cover.save(tmp_path / "cover.docx"))
    assert doc["doc_type"] == "CHARTER" and "版本号" in com01(doc)
    assert "编制人" not in com01(doc)

    body = WordWriter("zh")
    body.title("考勤系统项目章程")
    body.para("2026年3月")
    _zh_charter(body)
    body.heading("5 项目成员")
    body.kv_table([("姓名", "李安"), ("角色", "开发")])
    assert "编制人" in com01(check(body.save(tmp_path / "body.docx")))


def _en_scope(w: WordWriter, opening: str) -> None:
    w.title("Project Scope Statement")
    w.heading("Scope Description")
    w.para(opening)
    w.heading("Deliverables")
    w.bullets(["Collection points in every district.", "A sorting and recycling line."])
    w.heading("Exclusions")
    w.para("Collection from households outside the city is not included.")


def test_a_closing_team_line_names_the_authors(tmp_path):
    w = WordWriter("en")
    _en_scope(w, "The Electronic Recycling Factory project designs, builds and opens a recycling plant.")
    w.para("Thank you")
    w.para("ERI team")
    doc = check(w.save(tmp_path / "signed.docx"))
    assert doc["doc_type"] == "SCOPE_STATEMENT" and "version" in com01(doc)
    assert "author" not in com01(doc)

    w = WordWriter("en")
    _en_scope(w, "The Electronic Recycling Factory project designs, builds and opens a recycling plant.")
    w.para("The team will review the scope with the sponsor every month until the plant opens.")
    assert "author" in com01(check(w.save(tmp_path / "unsigned.docx")))


def test_a_project_named_in_the_opening_sentence_is_the_project_name(tmp_path):
    w = WordWriter("en")
    _en_scope(w, "The Electronic Recycling Factory project designs, builds and opens a recycling plant.")
    doc = check(w.save(tmp_path / "named.docx"))
    assert doc["doc_type"] == "SCOPE_STATEMENT" and "version" in com01(doc)
    assert "project name" not in com01(doc)
    assert "Project Name" not in ss01(doc)

    w = WordWriter("en")
    _en_scope(w, "The project designs, builds and opens a recycling plant for the city's electronic waste.")
    doc = check(w.save(tmp_path / "unnamed.docx"))
    assert "project name" in com01(doc) and "Project Name" in ss01(doc)


def test_labels_over_their_values_and_a_product_version_on_a_cover_form(tmp_path):
    """'文档编号 | 版本号' over 'D-01 | 1.2' gives the version; '产品版本 | V2.2' is the product's
    version, not the document's, so it is not compared with the revision history."""
    w = WordWriter("zh")
    w.table(["软件学院", "文档编号", "版本号", "密级"], [["", "D-01", "1.2", ""]])
    w.title("考勤系统项目章程")
    w.kv_table([("编制人", "李安"), ("日期", "2026年3月1日")])
    _zh_charter(w)
    doc = check(w.save(tmp_path / "version.docx"))
    assert doc["doc_type"] == "CHARTER"
    assert "版本号" not in com01(doc)

    w = WordWriter("zh")
    w.table(["软件学院", "文档编号", "产品版本", "密级"], [["", "D-01", "V2.2", ""]])
    w.title("考勤系统项目章程")
    w.kv_table([("编制人", "李安"), ("日期", "2026年3月1日")])
    w.revision_table([["1.0.1", "2026-03-01", "李安", "初稿"]])
    _zh_charter(w)
    doc = check(w.save(tmp_path / "product.docx"))
    assert doc["doc_type"] == "CHARTER"
    assert not [f for f in doc["findings"] if f["rule"] == "COM-04" and "V2.2" in f["message"]]


def test_a_title_that_is_the_projects_name_names_the_project(tmp_path):
    """A WBS whose level-1 box is '1.0 Marketing Data Application Development Project' names its
    project; 'Software Project' or 'The Project' names none."""
    from openpyxl import Workbook

    from checker.analysis.titles import project_as_title
    from checker.lexicon.vocabulary import shipped_vocabulary

    vocab = shipped_vocabulary()
    assert project_as_title(vocab, "Apollo CRM Migration Project") == "Apollo CRM Migration"
    assert project_as_title(vocab, "Software Project") is None
    assert project_as_title(vocab, "The Project") is None

    def wbs(top: str, name: str) -> str:
        wb = Workbook()
        ws = wb.active
        ws.title = "WBS"
        ws["A1"], ws["F1"] = top, "Level 1"
        rows = [("1.1 Design", "1.2 Development", "1.3 Testing"),
                ("1.1.1 Define requirements", "1.2.1 Build prototype", "1.3.1 Test prototype"),
                ("1.1.2 Develop initial design", "1.2.2 Beta test", "1.3.2 Gain customer acceptance")]
        for r, row in enumerate(rows, start=3):
            for c, text in enumerate(row, start=1):
                ws.cell(r, c, text)
        wb.save(tmp_path / name)
        doc = check(tmp_path / name)
        assert doc["doc_type"] == "SCHEDULE"
        return com01(doc)

    named = wbs("1.0 Marketing Data Application Development Project", "WBS.xlsx")
    assert "version" in named and "project name" not in named
    assert "project name" in wbs("1.0 Software Project", "WBS2.xlsx")


def test_the_system_a_chinese_scope_statement_builds_names_the_project(tmp_path):
    """'为此设计图书馆管理信息系统…' in the opening paragraph names the project by the system it builds."""
    def scope(opening: str, name: str) -> str:
        w = WordWriter("zh")
        w.title("初步范围说明书")
        w.heading("1 设计背景")
        w.para(opening)
        w.heading("2 设计范围")
        w.para("系统包括查询、用户管理、书籍管理三大部分，不包括图书采购。")
        doc = check(w.save(tmp_path / name))
        assert doc["doc_type"] == "SCOPE_STATEMENT"
        return com01(doc)

    assert "项目名称" not in scope("图书管理工作信息量大。为此设计图书馆管理信息系统，以信息化方式代替手工管理。", "范围说明书.docx")
    assert "项目名称" in scope("图书管理工作信息量大，需要以信息化方式代替手工管理。", "范围说明书2.docx")
