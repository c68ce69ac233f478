"""The Word reader, one quirk per test; every fixture is built in code (see tests/support/docx_quirks.py)."""
from __future__ import annotations

import io
import time
import zipfile
from datetime import datetime, timezone

import pytest

from checker.core.errors import ReadError
from checker.core.location import Location
from checker.io.readers.docx import read_docx
from checker.io.readers.ooxml_props import parse_core_properties, parse_custom_properties
from checker.lexicon.vocabulary import shipped_vocabulary
from checker.model.document import Document
from checker.model.elements import Block
from tests.support.docx_quirks import (
    add_bold_paragraph,
    add_table,
    append_xml,
    attach_template,
    make_macro_enabled,
    new_document,
    paragraph,
    read,
    run,
    table_xml,
    textbox_run,
    to_bytes,
)
from tests.support.word import add_custom_properties


def texts(blocks: list[Block]) -> list[str]:
    return [b.text for b in blocks if b.kind != "table"]


def by_text(doc: Document, text: str) -> Block:
    return next(b for b in doc.blocks if b.text == text)


def field_map(doc: Document) -> dict[str, str]:
    return {f.label: f.value for f in doc.fields}


# -- headings ------------------------------------------------------------------------------


def test_style_headings_levels_and_locations():
    d = new_document()
    d.add_paragraph("Project Charter", style="Title")
    d.add_heading("Background", level=1)
    d.add_paragraph("Why we do this.")
    d.add_heading("Scope", level=2)
    doc = read(d)
    assert [(b.kind, b.level, b.text) for b in doc.blocks] == [
        ("heading", 1, "Project Charter"),
        ("heading", 1, "Background"),
        ("paragraph", None, "Why we do this."),
        ("heading", 2, "Scope"),
    ]
    body = by_text(doc, "Why we do this.")
    assert body.location == Location(paragraph=2, heading="Background", text="Why we do this.")
    assert body.style == "Normal"
    assert by_text(doc, "Scope").style == "Heading 2"
    assert [s.title for s in doc.outline.walk()] == ["", "Project Charter", "Background", "Scope"]


def test_outline_level_from_paragraph_and_based_on_style():
    d = new_document()
    custom = d.styles.add_style("Chapter Title", 1)  # WD_STYLE_TYPE.PARAGRAPH
    custom.base_style = d.styles["Heading 2"]
    d.add_paragraph("Inherited", style="Chapter Title")
    append_xml(d, paragraph("Own outline", ppr='<w:outlineLvl w:val="0"/>'))
    append_xml(d, paragraph("Body text level", style="Heading1", ppr='<w:outlineLvl w:val="9"/>'))
    doc = read(d)
    assert [(b.kind, b.level) for b in doc.blocks] == [("heading", 2), ("heading", 1), ("paragraph", None)]


@pytest.mark.parametrize(
    ("text", "level"),
    [("一、项目背景", 1), ("（二）项目目标", 2), ("3. Budget", 1), ("3.1 Cost", 2)],
)
def test_bold_numbered_headings(text, level):
    d = new_document()
    add_bold_paragraph(d, text)
    block = read(d).blocks[0]
    assert (block.kind, block.level, block.text) == ("heading", level, text)


def test_plain_short_numbered_lines_are_headings_but_bare_numbers_are_not():
    d = new_document()
    d.add_paragraph("3. Budget")
    d.add_paragraph("10 days")
    d.add_paragraph("1. The sponsor approves the budget before work starts.")
    doc = read(d)
    assert [(b.kind, b.level) for b in doc.blocks] == [("heading", 1), ("paragraph", None), ("paragraph", None)]


def test_table_of_contents_entries_are_not_headings():
    d = new_document()
    d.add_paragraph("1.1 Scope\t3", style=d.styles.add_style("toc 2", 1))
    d.add_paragraph("2. Budget\t7")
    assert [b.kind for b in read(d).blocks] == ["paragraph", "paragraph"]


def test_bold_sentence_and_bold_field_line_are_not_headings():
    d = new_document()
    add_bold_paragraph(d, "All changes must be approved by the board.")
    add_bold_paragraph(d, "所有变更必须经过审批。")
    add_bold_paragraph(d, "Project Name: Apollo")
    add_bold_paragraph(d, "Risks")
    doc = read(d)
    assert [b.kind for b in doc.blocks] == ["paragraph", "paragraph", "paragraph", "heading"]


def test_bold_unnumbered_heading_nests_under_numbered_heading():
    d = new_document()
    add_bold_paragraph(d, "1. Scope")
    add_bold_paragraph(d, "In scope")
    add_bold_paragraph(d, "Out of scope")
    assert [b.level for b in read(d).blocks] == [1, 2, 2]


def test_partly_bold_paragraph_is_not_a_heading():
    d = new_document()
    append_xml(d, paragraph(run("Note", bold=True), run(" this")))
    assert read(d).blocks[0].kind == "paragraph"


def test_auto_numbered_bold_paragraph_is_heading_and_plain_one_is_list_item():
    numbering = '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>'
    d = new_document()
    append_xml(d, paragraph(run("Deliverables", bold=True), ppr=numbering))
    append_xml(d, paragraph("first deliverable", ppr=numbering))
    d.add_paragraph("bullet", style="List Bullet")
    doc = read(d)
    assert [(b.kind, b.level) for b in doc.blocks] == [("heading", 2), ("list_item", 2), ("list_item", 1)]
    assert doc.blocks[2].style == "List Bullet"


# -- text extraction -------------------------------------------------------------------------


def test_tracked_changes_insertions_in_deletions_out():
    d = new_document()
    append_xml(
        d,
        paragraph(
            run("Budget is "),
            '<w:del w:id="1" w:author="a"><w:r><w:delText>100</w:delText></w:r></w:del>',
            '<w:ins w:id="2" w:author="a">' + run("200") + "</w:ins>",
            '<w:moveFrom w:id="3" w:author="a">' + run(" old place") + "</w:moveFrom>",
            '<w:moveTo w:id="4" w:author="a">' + run(" USD") + "</w:moveTo>",
        ),
    )
    assert read(d).blocks[0].text == "Budget is 200 USD"


def test_simple_and_complex_fields_keep_results_only():
    d = new_document()
    append_xml(
        d,
        paragraph(
            run("Page "),
            '<w:fldSimple w:instr=" PAGE ">' + run("3") + "</w:fldSimple>",
            run(" of "),
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
            '<w:r><w:instrText xml:space="preserve"> NUMPAGES </w:instrText></w:r>',
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
            run("9"),
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        ),
    )
    assert read(d).blocks[0].text == "Page 3 of 9"


def test_tabs_breaks_hyperlinks_smart_tags_and_inline_controls():
    d = new_document()
    append_xml(
        d,
        paragraph(
            '<w:r><w:t>A</w:t><w:tab/><w:t>B</w:t><w:br/><w:t>C</w:t></w:r>',
            '<w:hyperlink r:id="rIdNone">' + run(" link") + "</w:hyperlink>",
            "<w:smartTag>" + run(" tag") + "</w:smartTag>",
            "<w:sdt><w:sdtPr/><w:sdtContent>" + run(" control") + "</w:sdtContent></w:sdt>",
        ),
    )
    assert read(d).blocks[0].text == "A\tB\nC link tag control"


def test_text_box_content_is_separate_blocks_at_the_anchor():
    d = new_document()
    d.add_paragraph("Intro")
    append_xml(d, paragraph(run("Anchor"), textbox_run("Boxed one", "Owner: Li Lei")))
    doc = read(d)
    assert texts(doc.blocks) == ["Intro", "Anchor", "Boxed one", "Owner: Li Lei"]
    anchor, box = doc.blocks[1], doc.blocks[2]
    assert anchor.source == "body" and anchor.text == "Anchor"
    assert (box.source, box.index, box.location.paragraph) == ("textbox", 1, 1)
    assert ("Owner", "Li Lei") in [(f.label, f.value) for f in doc.fields]


def test_text_box_fallback_used_when_choice_is_empty():
    d = new_document()
    fallback_only = (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing/></mc:Choice>'
        "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>"
        + paragraph("From VML")
        + "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    append_xml(d, paragraph(fallback_only))
    doc = read(d)
    assert [(b.text, b.source, b.index) for b in doc.blocks] == [("From VML", "textbox", 0)]


# -- paragraph indexes -----------------------------------------------------------------------


def test_paragraph_index_skips_table_paragraphs_and_counts_blank_and_controls():
    d = new_document()
    d.add_paragraph("zero")
    d.add_paragraph("")
    add_table(d, [["cell a", "cell b"]])
    append_xml(d, "<w:sdt><w:sdtPr/><w:sdtContent>" + paragraph("in control") + "</w:sdtContent></w:sdt>")
    append_xml(d, "<w:customXml w:element='x'>" + paragraph("in custom xml") + "</w:customXml>")
    d.add_paragraph("last")
    doc = read(d)
    indexed = [(b.text, b.index, b.location.paragraph) for b in doc.blocks if b.kind != "table"]
    assert indexed == [("zero", 0, 0), ("in control", 2, 2), ("in custom xml", 3, 3), ("last", 4, 4)]
    table = next(b for b in doc.blocks if b.kind == "table")
    assert table.index == 0 and table.location == Location(table=0)


# -- tables ----------------------------------------------------------------------------------


def test_two_and_four_column_form_tables_give_fields_at_value_cells():
    d = new_document()
    d.add_heading("Basics", level=1)
    add_table(d, [["Project Name", "Apollo"], ["项目经理", "张三"]])
    add_table(d, [["Sponsor", "Ann", "Budget", "100k"], ["Start Date", "", "End Date", ""]])
    doc = read(d)
    fields = {f.label: f for f in doc.fields}
    assert fields["Project Name"].value == "Apollo"
    assert fields["项目经理"].value == "张三"
    assert fields["Budget"].location == Location(table=1, row=0, col=3, heading="Basics", text="100k")
    assert fields["End Date"].value == ""
    assert fields["End Date"].location.table == 1 and fields["End Date"].location.col == 3
    grid = doc.blocks[1].grid
    assert grid.heading == "Basics" and grid.cell(1, 0).location.text == "项目经理"


def test_label_value_lines_become_fields():
    d = new_document()
    d.add_paragraph("Project Manager: Jane Doe")
    d.add_paragraph("项目名称：智慧园区")
    doc = read(d)
    assert field_map(doc) == {"Project Manager": "Jane Doe", "项目名称": "智慧园区"}
    assert doc.fields[1].location.paragraph == 1 and doc.fields[1].source == "line"


def test_grid_span_and_vertical_merge_expand_to_copies():
    span = '<w:tc><w:tcPr><w:gridSpan w:val="3"/></w:tcPr>' + paragraph("Wide") + "</w:tc>"
    restart = '<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>' + paragraph("Tall") + "</w:tc>"
    cont = '<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>'
    d = new_document()
    append_xml(d, table_xml([[span, "x"], [restart, "a", "b", "c"], [cont, "d", "e", "f"]]))
    grid = read(d).blocks[0].grid
    assert [[c.text for c in row] for row in grid.rows] == [
        ["Wide", "Wide", "Wide", "x"],
        ["Tall", "a", "b", "c"],
        ["Tall", "d", "e", "f"],
    ]
    assert [c.merged for c in grid.rows[0]] == [False, True, True, False]
    assert grid.cell(2, 0).merged and not grid.cell(1, 0).merged
    assert grid.cell(0, 2).location == Location(table=0, row=0, col=2, text="Wide")
    assert grid.cell(0, 3).col == 3


def test_grid_before_skips_columns():
    d = new_document()
    append_xml(
        d,
        "<w:tbl><w:tr><w:trPr><w:gridBefore w:val='1'/></w:trPr>"
        + "<w:tc>" + paragraph("Label") + "</w:tc><w:tc>" + paragraph("Value") + "</w:tc></w:tr></w:tbl>",
    )
    row = read(d).blocks[0].grid.rows[0]
    assert [(c.col, c.text) for c in row] == [(0, ""), (1, "Label"), (2, "Value")]


def test_empty_template_rows_are_kept_blank():
    d = new_document()
    add_table(d, [["Risk", "Owner", "Due"], ["", "", ""], ["", "", ""]])
    grid = read(d).blocks[0].grid
    assert len(grid.rows) == 3 and all(c.blank for row in grid.rows[1:] for c in row)
    assert grid.cell(2, 1).location == Location(table=0, row=2, col=1, text="")


def test_cell_text_joins_paragraphs_and_nested_tables():
    inner = table_xml([["k1", "v1"], ["k2", "v2"]])
    outer_cell = "<w:tc>" + paragraph("First") + paragraph("") + paragraph("Second") + inner + "<w:p/></w:tc>"
    d = new_document()
    append_xml(d, table_xml([[outer_cell, "right"]]))
    doc = read(d)
    assert doc.blocks[0].grid.cell(0, 0).text == "First\nSecond\nk1\tv1\nk2\tv2"
    assert len([b for b in doc.blocks if b.kind == "table"]) == 1


def test_table_cell_paragraphs_never_become_headings():
    d = new_document()
    table = add_table(d, [["1. Scope", "x"]])
    table.rows[0].cells[0].paragraphs[0].runs[0].bold = True
    assert [b.kind for b in read(d).blocks] == ["table"]


def test_layout_table_content_yields_headings_and_fields():
    cell = (
        "<w:tc>"
        + paragraph(run("一、项目背景", bold=True))
        + paragraph("背景说明。")
        + paragraph(run("二、项目目标", bold=True))
        + paragraph("项目经理：李四")
        + table_xml([["预算", "100万"]])
        + "</w:tc>"
    )
    d = new_document()
    d.add_paragraph("Before")
    append_xml(d, table_xml([[cell]]))
    doc = read(d)
    layout = [b for b in doc.blocks if b.location.table == 0]
    assert [(b.kind, b.text) for b in layout] == [
        ("table", ""),
        ("heading", "一、项目背景"),
        ("paragraph", "背景说明。"),
        ("heading", "二、项目目标"),
        ("paragraph", "项目经理：李四"),
        ("table", ""),
    ]
    goal = layout[4]
    assert goal.index == 0 and goal.location == Location(table=0, row=0, col=0, heading="二、项目目标", text="项目经理：李四")
    assert [s.title for s in doc.outline.children] == ["一、项目背景", "二、项目目标"]
    assert layout[5].grid.cell(0, 1).location.table == 0
    fields = [(f.label, f.value) for f in doc.fields]
    assert fields.count(("项目经理", "李四")) == 1
    assert ("预算", "100万") in fields


# -- headers, footers ------------------------------------------------------------------------


def test_header_paragraphs_and_table_become_header_blocks_and_fields():
    d = new_document()
    d.add_paragraph("Body")
    header = d.sections[0].header
    header.paragraphs[0].text = "Project Request Form"
    header.add_paragraph("Requested By: Sam")
    table = header.add_table(rows=1, cols=2, width=d.sections[0].page_width)
    table.rows[0].cells[0].text = "Department"
    table.rows[0].cells[1].text = "Finance"
    d.sections[0].footer.paragraphs[0].text = "Version: 1.2"
    doc = read(d)
    assert texts(doc.blocks) == ["Body"]
    assert texts(doc.headers) == ["Project Request Form", "Requested By: Sam"]
    assert doc.headers[1].location == Location(paragraph=1, part="header", text="Requested By: Sam")
    assert doc.headers[1].source == "header" and doc.headers[1].kind == "paragraph"
    assert doc.headers[2].grid.cell(0, 1).location == Location(table=0, row=0, col=1, text="Finance", part="header")
    by_label = {f.label: f for f in doc.fields}
    assert by_label["Requested By"].source == "header" and by_label["Requested By"].location.part == "header"
    assert by_label["Department"].value == "Finance" and by_label["Department"].source == "header"
    assert by_label["Version"].source == "footer" and doc.footers[0].location.part == "footer"


def test_first_page_header_is_read_once():
    d = new_document()
    section = d.sections[0]
    section.different_first_page_header_footer = True
    section.header.paragraphs[0].text = "Default header"
    section.first_page_header.paragraphs[0].text = "First header"
    d.add_section()
    assert texts(read(d).headers) == ["Default header", "First header"]


# -- comments, properties, package -----------------------------------------------------------


def test_comments_with_anchor_text_and_location():
    d = new_document()
    d.add_paragraph("Intro")
    target = d.add_paragraph("The budget is ").add_run("fixed")
    d.add_comment(target, text="Is it really?", author="Reviewer")
    doc = read(d)
    assert len(doc.comments) == 1
    comment = doc.comments[0]
    assert (comment.author, comment.text, comment.anchor_text) == ("Reviewer", "Is it really?", "fixed")
    assert comment.location == Location(paragraph=1, part="comments", text="fixed")


def test_core_and_custom_properties():
    d = new_document()
    core = d.core_properties
    core.title, core.author, core.subject, core.keywords = "Charter", "Alice", "Apollo", "pm"
    core.last_modified_by, core.category = "Bob", "Plans"
    core.created = datetime(2024, 3, 1, 8, 0)
    add_custom_properties(d, {"Project Code": "AP-7", "Owner": "PMO"})
    props = read(d).properties
    assert (props.title, props.author, props.subject, props.keywords) == ("Charter", "Alice", "Apollo", "pm")
    assert (props.last_modified_by, props.category) == ("Bob", "Plans")
    assert props.created == datetime(2024, 3, 1, 8, 0, tzinfo=timezone.utc)
    assert props.custom == {"Project Code": "AP-7", "Owner": "PMO"}


def test_property_parsers_tolerate_missing_and_malformed_parts():
    assert parse_custom_properties(None) == {}
    assert parse_custom_properties(b"<not xml") == {}
    assert parse_core_properties(b"").title == ""
    entity = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><Properties><x>&e;</x></Properties>'
    assert parse_custom_properties(entity) == {}


def test_docm_with_vba_project_has_macros():
    d = new_document()
    d.add_paragraph("Macro host")
    make_macro_enabled(d)
    doc = read(d, "docm")
    assert doc.has_macros and doc.format == "docm" and texts(doc.blocks) == ["Macro host"]
    assert not read(new_document()).has_macros


def test_external_relationships_recorded_hyperlinks_excluded():
    d = new_document()
    attach_template(d, "file:///C:/Templates/PMO.dotm")
    d.part.relate_to("https://example.com/page", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink", is_external=True)
    assert read(d).external_targets == ["file:///C:/Templates/PMO.dotm"]


def test_corrupt_bytes_and_missing_main_part_raise_corrupt():
    with pytest.raises(ReadError) as err:
        read_docx("x.docx", b"PK\x03\x04 definitely not a zip", "docx", shipped_vocabulary())
    assert err.value.code == "corrupt"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    with pytest.raises(ReadError) as err:
        read_docx("x.docx", buf.getvalue(), "docx", shipped_vocabulary())
    assert err.value.code == "corrupt"


def test_long_body_read_as_a_stream_keeps_every_item_whole_and_in_order():
    # The body is parsed as a stream and each item read when it ends; the parser reads ahead of the
    # events it reports, so the items after the one that ended may be half-built (a long body:
    # many read-ahead chunks). Items inside a body-level content control come in their place.
    d = new_document()
    long_tail = " ".join(["words"] * 60)
    for i in range(3000):
        append_xml(d, paragraph(f"Paragraph {i}", f" {long_tail} end {i}"))
        if i % 500 == 250:
            append_xml(d, table_xml([[f"Label {i}", f"Value {i}"]]),
                       f"<w:sdt><w:sdtContent>{paragraph(f'Controlled {i}')}</w:sdtContent></w:sdt>")
    doc = read(d)
    expected = []
    for i in range(3000):
        expected.append(f"Paragraph {i} {long_tail} end {i}")
        if i % 500 == 250:
            expected.append(f"Controlled {i}")
    assert texts(doc.blocks) == expected
    grids = [b.grid for b in doc.blocks if b.kind == "table"]
    assert [g.cell(0, 1).text for g in grids] == [f"Value {i}" for i in range(3000) if i % 500 == 250]
    assert doc.blocks[-1].location.paragraph == 3000 + 6 - 1  # every paragraph counted once


def test_document_xml_broken_after_many_items_raises_corrupt():
    data = to_bytes(new_document())
    body = "".join(paragraph(f"Paragraph {i} of a long body") for i in range(5000))
    broken = (f'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
              f'<w:body>{body}<w:p><w:r></w:p></w:body></w:document>').encode()
    src, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for item in src.infolist():
            z.writestr(item, broken if item.filename == "word/document.xml" else src.read(item))
    with pytest.raises(ReadError) as err:
        read_docx("x.docx", out.getvalue(), "docx", shipped_vocabulary())
    assert err.value.code == "corrupt"


def test_unparseable_document_xml_raises_corrupt():
    data = to_bytes(new_document())
    src, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for item in src.infolist():
            z.writestr(item, b"<w:document" if item.filename == "word/document.xml" else src.read(item))
    with pytest.raises(ReadError) as err:
        read_docx("x.docx", out.getvalue(), "docx", shipped_vocabulary())
    assert err.value.code == "corrupt"


# -- performance -----------------------------------------------------------------------------


def test_large_document_reads_fast():
    d = new_document()
    for t in range(40):
        d.add_heading(f"Section {t}", level=1)
        for i in range(25):
            d.add_paragraph(f"Paragraph {t}.{i} with some ordinary words in it")
        add_table(d, [[f"Label {r}", f"Value {r}", "x", "y"] for r in range(10)])
    data = to_bytes(d)
    read_docx("warm-up.docx", data, "docx", shipped_vocabulary())  # lexicons load once per process; time the steady state
    start = time.perf_counter()
    doc = read_docx("big.docx", data, "docx", shipped_vocabulary())
    elapsed = time.perf_counter() - start
    assert len(doc.headings) == 40 and len([b for b in doc.blocks if b.kind == "table"]) == 40
    assert elapsed < 0.5, elapsed
