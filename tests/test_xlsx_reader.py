"""The Excel reader: workbook bytes -> Document (grids, header detection, records, roles, fields)."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from openpyxl.comments import Comment
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

from checker.core.errors import ReadError
from checker.core.location import Location
from checker.io.readers.xlsx import read_xlsx
from checker.lexicon.vocabulary import Vocabulary, shipped_vocabulary
from checker.model.document import Document
from checker.model.elements import Sheet
from tests.support import ooxml
from tests.support import xlsx_quirks as xb

# The tests' small doctypes vocabulary, independent of rules/lexicons/doctypes.yaml (passed to the
# reader explicitly: nothing of it can reach another test).
MINI = Vocabulary("tests: small doctypes", {"doctypes": xb.MINI_DOCTYPES})


def read(data: bytes, fmt: str = "xlsx", vocab: Vocabulary = MINI) -> Document:
    return read_xlsx(f"book.{fmt}", data, fmt, vocab)


def sheet_named(doc: Document, name: str) -> Sheet:
    return next(s for s in doc.sheets if s.name == name)


RISK_HEADER = ["Risk ID", "Description", "Probability", "Impact", "Owner", "Status"]


def risk_register(ws, header_row: int = 1) -> None:
    for r, row in enumerate([RISK_HEADER,
                             ["R-01", "Vendor late", 3, 4, "Ann", "Open"],
                             ["R-02", "Key staff leave", 2, 5, "Bob", "Closed"]], start=header_row):
        for c, value in enumerate(row, start=1):
            ws.cell(r, c, value)


# --------------------------------------------------------------------------- header detection


def test_header_below_title_rows_and_fields_above_it() -> None:
    def populate(wb):
        ws = wb.create_sheet("Risks")
        ws["A1"] = "Risk Register"
        ws["A2"], ws["B2"] = "Project Name", "Apollo"
        risk_register(ws, header_row=4)

    sheet = read(xb.build(populate)).sheets[0]
    assert sheet.role == "register"
    assert sheet.origin == (1, 1)
    assert sheet.header_row == 3
    assert sheet.columns == {"id": 0, "description": 1, "probability": 2, "impact": 3, "owner": 4, "status": 5}
    assert sheet.header_labels[1] == "Description"
    assert [r.text("id") for r in sheet.records] == ["R-01", "R-02"]
    first = sheet.records[0]
    assert first.location.cell == "5:5" and first.location.sheet == "Risks"
    assert first.cells["probability"].value == 3 and first.cells["probability"].text == "3"
    owner = first.cells["owner"].location
    assert owner == Location(sheet="Risks", cell="E5") and hash(owner) == hash(Location(sheet="Risks", cell="E5"))
    assert owner.to_dict() == {"sheet": "Risks", "cell": "E5"} and first.location == Location(sheet="Risks", cell="5:5")
    fields = read(xb.build(populate)).fields
    assert any(f.label == "Project Name" and f.value == "Apollo" and f.location.cell == "B2" for f in fields)


def test_chinese_header_with_full_width_marks_and_required_suffix() -> None:
    def populate(wb):
        ws = wb.create_sheet("风险登记册")
        for c, label in enumerate(["风险编号*", "风险描述（必填）", "概率", "影响", "责任人：", "Ｓｔａｔｕｓ"], start=1):
            ws.cell(2, c, label)
        ws.append(["FX-1", "供应商延期交付", 3, 4, "张三", "打开"])

    sheet = read(xb.build(populate)).sheets[0]
    assert sheet.origin == (2, 1) and sheet.header_row == 0
    assert sheet.columns == {"id": 0, "description": 1, "probability": 2, "impact": 3, "owner": 4, "status": 5}
    assert len(sheet.records) == 1
    assert sheet.records[0].text("description") == "供应商延期交付"
    assert sheet.records[0].location.cell == "3:3"


def test_merged_header_cell_applies_to_each_column() -> None:
    def populate(wb):
        ws = wb.create_sheet("Risks")
        ws.append(["ID", "Description", "Owner", "Owner"])
        ws.merge_cells("C1:D1")
        ws.append(["R-1", "Late delivery", "Ann", "PMO"])

    sheet = read(xb.build(populate)).sheets[0]
    assert sheet.header_labels[2] == sheet.header_labels[3] == "Owner"
    assert sheet.grid.rows[0][3].merged and sheet.grid.rows[0][3].location.cell == "D1"
    assert sheet.columns["owner"] == 2


def test_two_row_header_joins_parent_and_child_labels() -> None:
    def populate(wb):
        ws = wb.create_sheet("Risks")
        ws["A1"], ws["B1"], ws["C1"], ws["E1"] = "ID", "Description", "After response", "Owner"
        ws["C2"], ws["D2"] = "Probability", "Impact"
        for rng in ("A1:A2", "B1:B2", "C1:D1", "E1:E2"):
            ws.merge_cells(rng)
        ws.append(["R-1", "Late delivery", 2, 3, "Ann"])

    sheet = read(xb.build(populate)).sheets[0]
    assert sheet.header_row == 1  # the child row: data starts right after it
    assert sheet.header_labels[2] == "After response Probability"
    assert sheet.header_labels[3] == "After response Impact"
    assert sheet.columns == {"id": 0, "description": 1, "residual_probability": 2, "impact": 3, "owner": 4}
    assert len(sheet.records) == 1 and sheet.records[0].text("impact") == "3"


def test_third_sheet_is_the_register_after_cover_and_history() -> None:
    def populate(wb):
        cover = wb.create_sheet("Cover")
        cover["A1"], cover["A3"], cover["B3"] = "Risk Register", "Version", "1.0"
        history = wb.create_sheet("Revision History")
        history.append(["Version", "Date", "Owner", "Status", "Description"])
        history.append(["1.0", "2024-01-02", "Ann", "Approved", "First issue"])
        risk_register(wb.create_sheet("Register"))

    doc = read(xb.build(populate))
    assert [s.name for s in doc.sheets] == ["Cover", "Revision History", "Register"]
    assert [s.role for s in doc.sheets] == ["lookup", "lookup", "register"]
    assert len(doc.sheets[2].records) == 2
    assert not doc.sheets[1].records


def test_no_header_without_two_hits() -> None:
    def populate(wb):
        ws = wb.create_sheet("Notes")
        ws.append(["Status", "Remarks"])
        ws.append(["Meeting moved to Friday.", "Budget review is pending."])

    sheet = read(xb.build(populate)).sheets[0]
    assert sheet.header_row is None and sheet.role == "other" and not sheet.records


# --------------------------------------------------------------------------- rows and records


def test_hidden_sheet_and_hidden_rows() -> None:
    def populate(wb):
        ws = wb.create_sheet("Risks")
        risk_register(ws)
        ws.row_dimensions[3].hidden = True
        wb.create_sheet("Visible")["A1"] = "x"
        ws.sheet_state = "hidden"
        wb.create_sheet("Secret").sheet_state = "veryHidden"
        wb["Secret"]["A1"] = "y"

    doc = read(xb.build(populate))
    assert [(s.name, s.hidden) for s in doc.sheets] == [("Risks", True), ("Visible", False), ("Secret", True)]
    records = doc.sheets[0].records
    assert [(r.text("id"), r.hidden) for r in records] == [("R-01", False), ("R-02", True)]


def test_empty_template_rows_are_not_records() -> None:
    def populate(wb):
        ws = wb.create_sheet("Risks")
        risk_register(ws)
        ws.append(["R-03"])  # pre-filled ID only
        ws.append([4])  # sequence number only
        ws.append(["R-05", None, 2])  # an ID and a probability: a (partial) record
        ws.append([None, None, None, None, None, None, "side note"])  # unmapped column only
        ws.append([])
        ws.append([])

    sheet = read(xb.build(populate)).sheets[0]
    assert [r.text("id") for r in sheet.records] == ["R-01", "R-02", "R-05"]
    partial = sheet.records[-1]
    assert partial.text("description") == "" and partial.cells["description"].location.cell == "B6"


def test_vertical_merge_forward_fills_grouped_category() -> None:
    def populate(wb):
        ws = wb.create_sheet("Risks")
        ws.append(["Status", "Description", "Owner"])
        ws.append(["Open", "Vendor late", "Ann"])
        ws.append([None, "Staff leave", "Bob"])
        ws.merge_cells("A2:A3")

    sheet = read(xb.build(populate)).sheets[0]
    assert [r.text("status") for r in sheet.records] == ["Open", "Open"]
    assert sheet.records[1].cells["status"].merged
    assert sheet.records[1].cells["status"].location.cell == "A3"


def test_trailing_empty_rows_and_columns_are_ignored_and_origin_is_first_used_cell() -> None:
    def populate(wb):
        ws = wb.create_sheet("S")
        ws["C3"], ws["E4"] = "a", "b"
        ws["H20"].number_format = "0.00"  # styled but empty

    sheet = read(xb.build(populate)).sheets[0]
    assert sheet.origin == (3, 3)
    assert [[c.text for c in row] for row in sheet.grid.rows] == [["a"], ["", "", "b"]]
    filler = sheet.grid.rows[1][0]
    assert (filler.row, filler.col, filler.location.cell) == (1, 0, "C4")
    assert sheet.grid.rows[1][2].location.cell == "E4" and sheet.grid.rows[1][2].col == 2


# --------------------------------------------------------------------------- cell values


def test_formulas_keep_text_and_cached_value() -> None:
    def populate(wb):
        ws = wb.create_sheet("Risks")
        ws.append(["ID", "Description", "Probability", "Impact", "Score"])
        ws.append(["R-1", "Late", 2, 3, "=C2*D2"])
        ws.append(["R-2", "Cost", 0.1, 0.2, "=C3+D3"])

    data = xb.with_cached_values(xb.build(populate), "xl/worksheets/sheet1.xml",
                                 {"E2": "6", "E3": "0.30000000000000004"})
    records = read(data).sheets[0].records
    score = records[0].cells["score"]
    assert (score.formula, score.value, score.text) == ("C2*D2", 6, "6")
    assert (records[1].cells["score"].text, records[1].cells["score"].value) == ("0.3", 0.30000000000000004)
    assert records[1].cells["probability"].text == "0.1"


def test_formula_without_cached_value_is_kept_as_formula() -> None:
    def populate(wb):
        wb.create_sheet("S")["A1"] = "=1+1"

    cell = read(xb.build(populate)).sheets[0].grid.rows[0][0]
    assert (cell.text, cell.value, cell.formula) == ("", None, "1+1")


def test_shared_formulas_inline_strings_rich_text_and_types() -> None:
    def populate(wb):
        ws = wb.create_sheet("S")
        ws["A1"], ws["B1"] = "plain", "rich"

    sheet_data = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
        '<c r="C1" t="inlineStr"><is><t>inline</t></is></c><c r="D1" t="b"><v>1</v></c>'
        '<c r="E1" t="e"><v>#N/A</v></c><c r="F1" t="str"><f>A1&amp;"x"</f><v>plainx</v></c></row>'
        '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><f t="shared" ref="B2:B4" si="0">A2*2</f><v>2</v></c></row>'
        '<row r="3"><c r="A3"><v>2.5</v></c><c r="B3"><f t="shared" si="0"/><v>5</v></c></row>'
        '<row r="4"><c r="A4" t="d"><v>2024-03-01T00:00:00</v></c><c r="B4"><f t="shared" si="0"/><v>0</v></c></row>'
    )
    data = xb.with_sheet_xml(xb.build(populate), "xl/worksheets/sheet1.xml", sheet_data)
    data = xb.with_shared_strings(data, ["<t>plain</t>", '<r><t>ri</t></r><r><rPr><b/></rPr><t>ch_x000D_</t></r><rPh><t>x</t></rPh>'])
    rows = read(data).sheets[0].grid.rows
    assert [c.text for c in rows[0]] == ["plain", "rich\r", "inline", "TRUE", "#N/A", "plainx"]
    assert rows[0][3].value is True and rows[0][5].formula == 'A1&"x"'
    assert [c.formula for c in (rows[1][1], rows[2][1], rows[3][1])] == ["A2*2", "A3*2", "A4*2"]
    assert rows[2][1].value == 5 and rows[2][0].value == 2.5 and rows[2][0].text == "2.5"
    assert rows[3][0].text == "2024-03-01" and rows[3][0].value == datetime(2024, 3, 1)


def test_date_serials_with_date_styles() -> None:
    def populate(wb):
        ws = wb.create_sheet("S")
        ws["A1"] = datetime(2024, 3, 1)
        ws["B1"] = datetime(2024, 3, 1, 14, 30)
        ws["C1"] = 45352
        ws["C1"].number_format = "0.00"  # a plain number with a numeric style

    rows = read(xb.build(populate)).sheets[0].grid.rows
    assert (rows[0][0].text, rows[0][0].value) == ("2024-03-01", datetime(2024, 3, 1))
    assert rows[0][1].text == "2024-03-01 14:30"
    assert (rows[0][2].text, rows[0][2].value) == ("45352", 45352)

    chinese = ooxml.edit(xb.build(populate), {})
    styles = ooxml.parts(chinese)["xl/styles.xml"].decode()
    assert 'numFmtId="2"' in styles
    chinese = ooxml.edit(chinese, {"xl/styles.xml": styles.replace('numFmtId="2"', 'numFmtId="31"').encode()})
    assert read(chinese).sheets[0].grid.rows[0][2].text == "2024-03-01"  # 年月日 built-in format


def test_date1904_workbooks() -> None:
    def populate(wb):
        wb.epoch = CALENDAR_MAC_1904
        wb.create_sheet("S")["A1"] = datetime(2024, 3, 1)

    assert read(xb.build(populate)).sheets[0].grid.rows[0][0].text == "2024-03-01"


# --------------------------------------------------------------------------- validations, notes


def test_list_validations_literal_range_other_sheet_and_defined_name() -> None:
    def populate(wb):
        ws = wb.create_sheet("Risks")
        risk_register(ws)
        ws["H2"], ws["H3"], ws["H4"] = "Ann", "Bob", "Cy"
        lists = wb.create_sheet("Lists")
        for r, value in enumerate(["Open", "Closed", "Watch"], start=1):
            lists.cell(r, 1, value)
            lists.cell(r, 2, value.upper())
        wb.defined_names["Upper"] = DefinedName("Upper", attr_text="Lists!$B$1:$B$3")
        for formula, sqref in (('"High,Medium, Low"', "C2:C200 D2:D200"), ("$H$2:$H$4", "E2:E200"),
                               ("Lists!$A$1:$A$3", "F2:F200"), ("Upper", "G2:G9"), ("OFFSET(A1,0,0)", "I2")):
            dv = DataValidation(type="list", formula1=formula)
            for rng in sqref.split():
                dv.add(rng)
            ws.add_data_validation(dv)

    validations = sheet_named(read(xb.build(populate)), "Risks").validations
    assert validations == {
        "C2:C200": ["High", "Medium", "Low"],
        "D2:D200": ["High", "Medium", "Low"],
        "E2:E200": ["Ann", "Bob", "Cy"],
        "F2:F200": ["Open", "Closed", "Watch"],
        "G2:G9": ["OPEN", "CLOSED", "WATCH"],
    }


def test_cell_notes() -> None:
    def populate(wb):
        ws = wb.create_sheet("Risks")
        risk_register(ws)
        ws["C2"].comment = Comment("pmo-check: ignore RR-16 -- reason", "Ann")
        ws["A3"].comment = Comment("Ann:\nplease review", "Ann")

    notes = read(xb.build(populate)).sheets[0].notes
    assert notes == {"C2": "pmo-check: ignore RR-16 -- reason", "A3": "please review"}


# --------------------------------------------------------------------------- roles, forms


def charter_form(wb) -> None:
    ws = wb.create_sheet("项目章程")
    ws["A1"] = "项目章程"
    ws.merge_cells("A1:D1")
    ws.append(["项目名称", "阿波罗", "项目编号", "P-001"])
    ws.append(["项目经理", "李四", "发起人", "王五"])
    ws.append(["一、项目目标"])
    ws.merge_cells("A4:D4")
    ws.append(["建立统一的项目管理平台，覆盖全部分公司。"])
    ws.merge_cells("A5:D5")
    ws.append(["项目描述："])
    ws.append(["上线"])


def test_form_sheet_gives_fields_and_heading_blocks() -> None:
    doc = read(xb.build(charter_form))
    sheet = doc.sheets[0]
    assert sheet.role == "form" and sheet.header_row is None
    pairs = {(f.label, f.value) for f in doc.fields}
    assert {("项目名称", "阿波罗"), ("项目编号", "P-001"), ("项目经理", "李四"), ("发起人", "王五")} <= pairs
    assert all(f.source == "sheet" for f in doc.fields)
    name = next(f for f in doc.fields if f.label == "项目名称")
    assert name.location.cell == "B2" and name.label_location.cell == "A2"
    kinds = [(b.kind, b.text, b.level) for b in doc.blocks]
    assert kinds == [
        ("heading", "项目章程", 1),
        ("paragraph", "项目名称 | 阿波罗 | 项目编号 | P-001", None),
        ("paragraph", "项目经理 | 李四 | 发起人 | 王五", None),
        ("heading", "一、项目目标", 1),
        ("paragraph", "建立统一的项目管理平台，覆盖全部分公司。", None),
        ("heading", "项目描述：", 1),
        ("paragraph", "上线", None),  # the value under a 'Label:' row is not a heading
    ]
    assert [b.index for b in doc.blocks] == list(range(7))
    assert doc.blocks[3].location.cell == "A4" and doc.blocks[3].location.sheet == "项目章程"
    assert [s.title for s in doc.outline.children] == ["项目章程", "一、项目目标", "项目描述："]


def test_lookup_sheets_by_name_and_by_short_lists() -> None:
    def populate(wb):
        named = wb.create_sheet("Lookup")
        named.append(["Status", "Owner"])
        named.append(["Open", "Ann"])
        lists = wb.create_sheet("Sheet2")
        lists.append(["Level", "Category"])
        for row in (["High", "Technical"], ["Medium", "Commercial"], ["Low", "External"]):
            lists.append(row)
        risk_register(wb.create_sheet("风险说明书"))  # '说明' inside a longer name is no instructions sheet

    doc = read(xb.build(populate))
    assert [s.role for s in doc.sheets] == ["lookup", "lookup", "register"]
    assert not doc.fields


# --------------------------------------------------------------------------- package level


def test_xlsm_with_vba_project_has_macros() -> None:
    def populate(wb):
        risk_register(wb.create_sheet("Risks"))

    data = ooxml.edit(xb.build(populate), {"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0fake"})
    doc = read(data, "xlsm")
    assert doc.format == "xlsm" and doc.has_macros and doc.is_workbook
    assert not read(xb.build(populate)).has_macros


def test_external_links_are_listed_not_hyperlinks() -> None:
    def populate(wb):
        wb.create_sheet("S")["A1"] = "x"

    doc = read(xb.with_external_link(xb.build(populate), "file:///C:/budget/other.xlsx"))
    assert doc.external_targets == ["file:///C:/budget/other.xlsx"]


def test_document_properties() -> None:
    def populate(wb):
        wb.properties.title = "Risk Register Apollo"
        wb.properties.creator = "Ann"
        wb.create_sheet("S")["A1"] = "x"

    props = read(xb.build(populate)).properties
    assert props.title == "Risk Register Apollo" and props.author == "Ann"


def test_missing_workbook_part_is_corrupt() -> None:
    data = ooxml.edit(xb.build(lambda wb: wb.create_sheet("S")), {"xl/workbook.xml": None})
    with pytest.raises(ReadError) as err:
        read(data)
    assert err.value.code == "corrupt" and "workbook" in err.value.message


@pytest.mark.parametrize("part", ["xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"])
def test_unparseable_parts_are_corrupt(part: str) -> None:
    data = xb.with_shared_strings(xb.build(lambda wb: wb.create_sheet("S").append(["text"])), ["<t>x</t>"])
    with pytest.raises(ReadError) as err:
        read(ooxml.edit(data, {part: b"<not-xml"}))
    assert err.value.code == "corrupt"


def test_external_entities_are_not_resolved(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    data = xb.build(lambda wb: wb.create_sheet("S").append(["text"]))
    sst = (f'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY x SYSTEM "file://{secret}">]>'
           f'<sst xmlns="{xb.MAIN_NS}"><si><t>&x;</t></si></sst>').encode()
    try:
        doc = read(ooxml.edit(data, {"xl/sharedStrings.xml": sst}))
    except ReadError:
        return
    assert "TOPSECRET" not in doc.all_text()


# --------------------------------------------------------------------------- the real lexicon


def test_registers_with_the_real_doctypes_lexicon() -> None:
    def populate(wb):
        wb.create_sheet("Cover")["A1"] = "Risk Register"
        ws = wb.create_sheet("Risk Register")
        ws["A1"] = "Project Name: Apollo"
        for c, label in enumerate(["Risk ID", "Risk Description", "Probability", "Impact", "Owner", "Status"], start=1):
            ws.cell(3, c, label)
        ws.append(["R-01", "Vendor late", 3, 4, "Ann", "Open"])
        ws.append(["R-02"])

    doc = read(xb.build(populate), vocab=shipped_vocabulary())
    sheet = sheet_named(doc, "Risk Register")
    assert sheet.role == "register" and sheet.header_row == 2
    assert len(sheet.columns) >= 4
    assert len(sheet.records) == 1


def test_compact_rows_read_like_cell_lists(monkeypatch):
    """Big sheets keep compact rows whose cells are built on read; force that path on a small
    register and compare every cell and every finding with the ordinary path."""
    from datetime import date
    from pathlib import Path

    import checker
    import checker.io.readers.xlsx as reader

    sample = Path(__file__).resolve().parent.parent / "sample_docs" / "en" / "risk_register.xlsx"
    data = sample.read_bytes()
    config = {"today": date(2026, 11, 25)}
    eager = reader.read_xlsx(str(sample), data, "xlsx", MINI)
    expected = checker.check([str(sample)], config=config)["documents"][0]["findings"]
    monkeypatch.setattr(reader, "LAZY_ROWS_MIN_CELLS", 0)
    lazy = reader.read_xlsx(str(sample), data, "xlsx", MINI)
    assert any(type(row).__name__ == "SheetRow" for s in lazy.sheets for row in s.grid.rows)

    def cells(doc):
        return [[(c.text, c.value, c.formula, c.merged, c.location.cell) for c in row]
                for sheet in doc.sheets for row in sheet.grid.rows]

    assert cells(lazy) == cells(eager)
    assert [[(r.row, {k: c.text for k, c in r.cells.items()}) for r in s.records] for s in lazy.sheets] == \
           [[(r.row, {k: c.text for k, c in r.cells.items()}) for r in s.records] for s in eager.sheets]
    assert checker.check([str(sample)], config=config)["documents"][0]["findings"] == expected


SAMPLES = Path(__file__).resolve().parent.parent / "sample_docs"


@pytest.mark.parametrize("name", sorted(str(p.relative_to(SAMPLES)) for p in SAMPLES.rglob("*.xlsx")))
def test_compact_rows_give_every_workbook_the_same_findings(monkeypatch, name):
    """The rules read a big sheet's compact rows without building their cells (register columns,
    dates, score formulas, total rows), cells only for findings: every sample workbook (scores that
    disagree, duplicate ids, broken schedules) has the same findings either way, locations included."""
    from datetime import date

    import checker
    import checker.io.readers.xlsx as reader

    sample = SAMPLES / name
    config = {"today": date(2026, 11, 25)}
    expected = checker.check([str(sample)], config=config)["documents"][0]
    monkeypatch.setattr(reader, "LAZY_ROWS_MIN_CELLS", 0)
    compact = checker.check([str(sample)], config=config)["documents"][0]
    assert compact["findings"] == expected["findings"]
    assert compact["doc_type"] == expected["doc_type"]
