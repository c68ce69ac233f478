"""The Word reader's two ways through a paragraph agree.

Plain paragraphs (runs of text, possibly in hyperlinks, insertions or deletions) take a short
path (`_plain_runs`); anything with fields, drawings, alternate content, content controls or
comment markers takes the full walk (`_walk_inline`). Each fixture here is read both ways, and
documents mixing the two kinds of paragraph read as before.
"""
from __future__ import annotations

import random

import pytest
from docx.enum.style import WD_STYLE_TYPE

from checker.core.location import Location
from checker.io.readers import docx as reader
from checker.lexicon.vocabulary import shipped_vocabulary
from tests.support.docx_quirks import (
    append_xml,
    new_document,
    paragraph,
    read,
    run,
    table_xml,
    textbox_run,
    to_bytes,
    xml,
)

PLAIN = [
    paragraph(run("Budget")),
    paragraph(run("Budget", bold=True)),
    paragraph(run("3. ", bold=True), run("Budget", bold=True)),
    paragraph(run("Bold ", bold=True), run("and not")),
    paragraph(run("  ", bold=False), run("Bold", bold=True)),
    paragraph('<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>Explicitly not bold</w:t></w:r>'),
    paragraph('<w:r><w:t>A</w:t><w:tab/><w:t>B</w:t><w:br/><w:t>C</w:t><w:cr/><w:noBreakHyphen/></w:r>'),
    paragraph('<w:r><w:t></w:t></w:r>', run("after an empty text")),
    paragraph(run("Budget is "), '<w:del w:id="1" w:author="a"><w:r><w:delText>100</w:delText></w:r></w:del>',
              '<w:ins w:id="2" w:author="a">' + run("200") + "</w:ins>",
              '<w:moveFrom w:id="3" w:author="a">' + run(" old") + "</w:moveFrom>",
              '<w:moveTo w:id="4" w:author="a">' + run(" USD") + "</w:moveTo>"),
    paragraph('<w:del w:id="1" w:author="a"><w:r><w:t>deleted w:t</w:t></w:r></w:del>', run("kept")),
    paragraph('<w:hyperlink r:id="rIdNone">' + run("link") + "</w:hyperlink>", "<w:smartTag>" + run(" tag") + "</w:smartTag>"),
    paragraph('<w:fldSimple w:instr=" PAGE ">' + run("3") + "</w:fldSimple>"),
    paragraph('<w:bookmarkStart w:id="0" w:name="x"/>', run("Scope"), '<w:bookmarkEnd w:id="0"/>', "<w:proofErr/>"),
    paragraph(run("Tab stops are not text"), ppr='<w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs>'),
    paragraph('<w:r><w:lastRenderedPageBreak/><w:t>Run children without text</w:t><w:softHyphen/></w:r>'),
    paragraph('<w:r><w:t>Ruby base</w:t><w:ruby><w:rubyPr/><w:rt><w:r><w:t>rt</w:t></w:r></w:rt>'
              '<w:rubyBase><w:r><w:t>base</w:t></w:r></w:rubyBase></w:ruby></w:r>'),
    paragraph(),
]

WALK_ONLY = [
    paragraph(run("Page "), '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
              '<w:r><w:instrText xml:space="preserve"> NUMPAGES </w:instrText></w:r>',
              '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', run("9"), '<w:r><w:fldChar w:fldCharType="end"/></w:r>'),
    paragraph(run("Anchor"), textbox_run("Boxed")),
    paragraph("<w:sdt><w:sdtPr/><w:sdtContent>" + run("control") + "</w:sdtContent></w:sdt>", run(" and text")),
    paragraph('<w:commentRangeStart w:id="1"/>', run("commented"), '<w:commentRangeEnd w:id="1"/>',
              '<w:r><w:commentReference w:id="1"/></w:r>'),
    paragraph('<w:r><mc:AlternateContent><mc:Choice Requires="x">' + '<w:t>choice</w:t>'
              + "</mc:Choice></mc:AlternateContent></w:r>", run("text")),
]


def _walked(p, styles, default_bold: bool) -> reader._Extracted:
    out = reader._Extracted(default_bold, None)
    reader._walk_inline(p, out, styles)
    return out


@pytest.mark.parametrize("fragment", PLAIN)
@pytest.mark.parametrize("default_bold", [False, True])
def test_plain_paragraphs_take_the_short_path_and_read_as_the_walk(fragment, default_bold):
    p, styles = xml(fragment), reader._Styles(None)
    ext = reader._extract(p, styles, default_bold, None)
    walked = _walked(p, styles, default_bold)
    assert isinstance(ext, reader._Plain)
    assert (ext.text, ext.bold, list(ext.textboxes)) == (walked.text, walked.bold, walked.textboxes)


@pytest.mark.parametrize("fragment", WALK_ONLY)
def test_paragraphs_with_fields_boxes_controls_or_comments_take_the_walk(fragment):
    p, styles = xml(fragment), reader._Styles(None)
    ext = reader._extract(p, styles, False, None)
    assert isinstance(ext, reader._Extracted)
    assert ext.text == _walked(p, styles, False).text


def test_document_mixing_plain_and_walked_paragraphs():
    d = new_document()
    append_xml(
        d,
        paragraph(run("1. Scope", bold=True)),
        paragraph(run("Page "), '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
                  '<w:r><w:instrText> PAGE </w:instrText></w:r>', '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
                  run("3"), '<w:r><w:fldChar w:fldCharType="end"/></w:r>', run(" of the plan")),
        paragraph(run("Budget is "), '<w:del w:id="1" w:author="a"><w:r><w:delText>100</w:delText></w:r></w:del>',
                  '<w:ins w:id="2" w:author="a">' + run("200 USD") + "</w:ins>"),
        paragraph(run("Owner", bold=True), textbox_run("Boxed note")),
        paragraph(run("Milestones", bold=True)),
        table_xml([["Milestone", "Date"], ["Go-live", "2026-03-01"]]),
    )
    doc = read(d)
    assert [(b.kind, b.text, b.level, b.source) for b in doc.blocks if b.kind != "table"] == [
        ("heading", "1. Scope", 1, "body"),
        ("paragraph", "Page 3 of the plan", None, "body"),
        ("paragraph", "Budget is 200 USD", None, "body"),
        ("heading", "Owner", 2, "body"),
        ("paragraph", "Boxed note", None, "textbox"),
        ("heading", "Milestones", 2, "body"),
    ]
    table = doc.blocks[-1]
    assert [[c.text for c in row] for row in table.grid.rows] == [["Milestone", "Date"], ["Go-live", "2026-03-01"]]
    assert table.grid.rows[1][1].location.heading == "Milestones"


def test_comment_range_over_plain_paragraphs_and_cells_collects_their_text():
    body = xml("<w:body>" + "".join([
        paragraph(run("Before "), '<w:commentRangeStart w:id="7"/>', run("start")),
        paragraph(run("plain middle")),
        table_xml([["cell one", "cell two"]]),
        paragraph(run("end"), '<w:commentRangeEnd w:id="7"/>', '<w:r><w:commentReference w:id="7"/></w:r>', run(" after")),
    ]) + "</w:body>")
    anchors = reader._CommentAnchors()
    reader._StoryReader(reader._Styles(None), source="body", part=None, anchors=anchors, headings="all").read(body)
    assert anchors.anchor_text("7") == "start\nplain middle\ncell one\ncell two\nend"
    assert anchors.starts["7"] == Location(paragraph=0)


# -- tables: the whole-table scan and the cell by cell reading ------------------------------------

def _cell(*paragraphs: str, props: str = "") -> str:
    return f"<w:tc>{props}{''.join(paragraphs)}</w:tc>"


PLAIN_TABLES = [
    [["Name", "Apollo"], ["Owner", "Wei Zhang"]],
    [[_cell(paragraph(run("Line one")), paragraph(), paragraph(run("  ")), paragraph(run("Line two"))), "x"]],
    [[_cell(), _cell(paragraph())], ["", "only the second"]],
    [[_cell(paragraph('<w:hyperlink r:id="rIdNone">' + run("link") + "</w:hyperlink>",
                      '<w:ins w:id="1" w:author="a">' + run(" inserted") + "</w:ins>",
                      '<w:fldSimple w:instr=" PAGE ">' + run(" 3") + "</w:fldSimple>",
                      "<w:smartTag>" + run(" tag") + "</w:smartTag>"))]],
    [[_cell(paragraph('<w:r><w:t>A</w:t><w:tab/><w:t>B</w:t><w:br/><w:t>C</w:t><w:cr/><w:noBreakHyphen/></w:r>',
                      ppr='<w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs>'))]],
    [[_cell(paragraph(run("Bold", bold=True), '<w:r><w:t></w:t></w:r>', '<w:bookmarkStart w:id="0" w:name="b"/>'),
            props='<w:tcPr><w:tcW w:w="2000" w:type="dxa"/><w:shd w:fill="EEEEEE"/></w:tcPr>')]],
    [[_cell("<w:p><w:t>text right in the paragraph</w:t>" + run("kept") + "</w:p>")]],
]

WALKED_TABLES = [
    [[_cell(paragraph(run("merged")), props='<w:tcPr><w:gridSpan w:val="2"/></w:tcPr>')], ["a", "b"]],
    [[_cell(paragraph(run("top")), props='<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>')],
     [_cell(paragraph(), props="<w:tcPr><w:vMerge/></w:tcPr>")]],
    [[_cell(paragraph(run("outer")), table_xml([["in", "ner"]]))]],
    [[_cell("<w:sdt><w:sdtContent>" + paragraph(run("in a control")) + "</w:sdtContent></w:sdt>")]],
    [[_cell(paragraph(run("Page "), '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
                      '<w:r><w:instrText> PAGE </w:instrText></w:r>', '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
                      run("3"), '<w:r><w:fldChar w:fldCharType="end"/></w:r>'))]],
    [[_cell(paragraph(run("Anchor"), textbox_run("Boxed")))]],
    [[_cell(paragraph('<w:del w:id="1" w:author="a"><w:r><w:delText>old</w:delText></w:r></w:del>', run("new")))]],
    [[_cell(paragraph('<w:commentRangeStart w:id="3"/>', run("noted"), '<w:commentRangeEnd w:id="3"/>'))]],
    [[_cell(paragraph(run("in a cell")), '<w:r><w:t>a run right in the cell</w:t></w:r>')]],
    [[_cell(paragraph('<w:r><w:t>Ruby base</w:t><w:ruby><w:rt><w:r><w:t>rt</w:t></w:r></w:rt></w:ruby></w:r>'))]],
]


def _table(rows: list[list[str]]):
    return xml(table_xml(rows))


def _grids(tbl):
    """The grid read with the whole-table scan allowed, and cell by cell (an open comment forces it)."""
    def read(anchors):
        story = reader._StoryReader(reader._Styles(None), source="body", part=None, anchors=anchors, headings="all")
        grid = story._grid(tbl, lambda r, c, text: Location(table=0, row=r, col=c, text=text), anchors, Location(table=0))
        return [[(c.text, c.row, c.col, c.location, c.merged) for c in row] for row in grid.rows]

    forced = reader._CommentAnchors()
    forced.open["x"] = []
    return read(None), read(forced)


@pytest.mark.parametrize("rows", PLAIN_TABLES)
def test_plain_tables_are_read_in_one_scan_as_cell_by_cell(rows):
    tbl = _table(rows)
    assert reader._plain_table_texts(tbl) is not None
    scanned, walked = _grids(tbl)
    assert scanned == walked


@pytest.mark.parametrize("rows", WALKED_TABLES)
def test_tables_with_merges_nesting_controls_fields_boxes_or_comments_are_read_cell_by_cell(rows):
    tbl = _table(rows)
    assert reader._plain_table_texts(tbl) is None
    scanned, walked = _grids(tbl)
    assert scanned == walked


def test_table_rows_inside_a_control_or_out_of_place_cells_are_read_cell_by_cell():
    wrapped = xml("<w:tbl><w:sdt><w:sdtContent>" + table_xml([["a", "b"]])[len("<w:tbl><w:tblPr/>"):-len("</w:tbl>")]
                  + "</w:sdtContent></w:sdt></w:tbl>")
    stray = xml("<w:tbl><w:tr>" + _cell(paragraph(run("a"))) + "</w:tr>" + _cell(paragraph(run("stray"))) + "</w:tbl>")
    for tbl in (wrapped, stray):
        assert reader._plain_table_texts(tbl) is None
        scanned, walked = _grids(tbl)
        assert scanned == walked


# -- paragraphs: the usual paragraph's short way and `_paragraph` ---------------------------------

_TEXTS = ["Budget", "3. Budget", "1.2 Scope of work", "一、项目背景", "（二）项目目标", "A. Risks", "10 days",
          "Project Name", "Prepared by", "Project Name: Apollo", "Scope\t7", "Owner\tWei Zhang", "", "  ",
          "Milestones", "The plan is approved.", "Section 4 of the plan, which the sponsor reviews every month",
          "A long paragraph of the plan that goes well beyond what any heading could ever be, ending with words",
          " Indented caption", "Approved by", "编制日期", "计划。"]
_STYLES = [None, "", "Heading1", "Heading2", "Title", "ListBullet", "TOCHeading", "BoldBody", "Normal", "NoSuchStyle"]
_PPR_EXTRAS = ["", '<w:jc w:val="center"/>', '<w:outlineLvl w:val="9"/>', '<w:outlineLvl w:val="1"/>',
               '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr>', '<w:rPr><w:b/></w:rPr>',
               '<w:pStyle w:val="Heading3"/>', "<w:sectPr/>", '<w:spacing w:after="0"/><w:ind w:left="720"/>',
               '<w:rPr><w:b w:val="0"/></w:rPr>', "<w:rPr><w:i/><w:b/></w:rPr>", "<w:rPr><w:sz w:val=\"28\"/></w:rPr>",
               "<w:rPr><w:b/></w:rPr><w:rPr/>"]
_RPRS = ["", "<w:rPr><w:b/></w:rPr>", '<w:rPr><w:b w:val="0"/></w:rPr>', '<w:rPr><w:rStyle w:val="Strong"/></w:rPr>',
         "<w:rPr><w:i/></w:rPr>"]
_RUN_EXTRAS = ["<w:tab/>", "<w:br/>", "<w:noBreakHyphen/>", "<w:lastRenderedPageBreak/>"]
_OTHERS = ['<w:bookmarkStart w:id="0" w:name="x"/>', "<w:proofErr/>",
           '<w:hyperlink r:id="rIdNone">' + run("link") + "</w:hyperlink>",
           '<w:ins w:id="2" w:author="a">' + run(" inserted") + "</w:ins>",
           '<w:del w:id="1" w:author="a"><w:r><w:delText>gone</w:delText></w:r></w:del>',
           '<w:fldSimple w:instr=" PAGE ">' + run("3") + "</w:fldSimple>",
           '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
           '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("9") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
           textbox_run("Boxed note"), "<w:sdt><w:sdtContent>" + run("control") + "</w:sdtContent></w:sdt>",
           '<w:r><w:drawing><wp:inline/></w:drawing></w:r>', "<!-- a comment -->", "<w:pPr/>"]


def _random_paragraph(rnd) -> str:
    """A paragraph of one of many shapes: most are the usual kind, the others anything the reader
    meets (properties it reads, several runs, fields, tracked changes, boxes, pictures)."""
    props = ""
    if rnd.random() < 0.7:
        style = rnd.choice(_STYLES)
        style_xml = "" if style is None else f'<w:pStyle w:val="{style}"/>'
        extras = rnd.choice(_PPR_EXTRAS) if rnd.random() < 0.4 else ""
        props = f"<w:pPr>{style_xml}{extras}</w:pPr>" if rnd.random() < 0.9 else f"<w:pPr>{extras}{style_xml}</w:pPr>"
    runs = []
    for _ in range(rnd.choice([0, 1, 1, 1, 1, 2, 3])):
        pieces = [f'<w:t xml:space="preserve">{rnd.choice(_TEXTS)}</w:t>']
        if rnd.random() < 0.2:
            pieces.insert(rnd.randrange(2), rnd.choice(_RUN_EXTRAS))
        if rnd.random() < 0.1:
            pieces.append(f"<w:t>{rnd.choice(_TEXTS)}</w:t>")
        rpr = rnd.choice(_RPRS) if rnd.random() < 0.5 else ""
        runs.append(f"<w:r>{rpr}{''.join(pieces)}</w:r>")
    if rnd.random() < 0.2:
        runs.insert(rnd.randrange(len(runs) + 1), rnd.choice(_OTHERS))
    return f"<w:p>{props}{''.join(runs)}</w:p>"


def _random_document(seed: int):
    """A document of random paragraphs, a few tables (one a layout table), comments over ranges of
    paragraphs, and styles that make headings, lists, contents entries and bold text."""
    rnd = random.Random(seed)
    d = new_document()
    d.styles.add_style("Bold Body", WD_STYLE_TYPE.PARAGRAPH).font.bold = True
    d.styles["Strong"].font.bold = True
    items = []
    for n in range(300):
        items.append(_random_paragraph(rnd))
        if n % 60 == 30:
            items.append(table_xml([["Project Name", "Apollo"], ["Owner", "Wei Zhang"]] if n % 120 == 30 else
                                   [[rnd.choice(_TEXTS)], [_cell(_random_paragraph(rnd), _random_paragraph(rnd))]]))
    append_xml(d, *items)
    paragraphs = d.paragraphs
    for first in (5, 100, 200):  # comment ranges over several paragraphs (their text is collected)
        runs = [r for p in paragraphs[first:first + 8] for r in p.runs]
        if runs:
            d.add_comment([runs[0], runs[-1]], text=f"Comment at {first}", author="Reviewer")
    header = d.sections[0].header
    header.paragraphs[0].text = "Project Name: Apollo"
    for fragment in (_random_paragraph(rnd), _random_paragraph(rnd)):
        header._element.append(xml(fragment))
    return d


@pytest.mark.parametrize("seed", range(12))
def test_usual_paragraphs_read_the_short_way_as_paragraph_reads_them(seed, monkeypatch):
    data = to_bytes(_random_document(seed))
    taken = []
    short_way = reader._StoryReader._plain_paragraph

    def counted(self, p):
        done = short_way(self, p)
        taken.append(done)
        return done

    monkeypatch.setattr(reader._StoryReader, "_plain_paragraph", counted)
    short = reader.read_docx("x.docx", data, "docx", shipped_vocabulary())
    monkeypatch.setattr(reader._StoryReader, "_plain_paragraph", lambda self, p: False)
    general = reader.read_docx("x.docx", data, "docx", shipped_vocabulary())
    assert short == general
    assert short.comments and all(c.anchor_text for c in short.comments)
    assert taken.count(True) > 150 and taken.count(False) > 50  # both ways were taken
    assert any(b.kind == "heading" for b in short.blocks) and any(b.kind == "list_item" for b in short.blocks)


@pytest.mark.parametrize("seed", range(3))
def test_body_read_as_a_stream_reads_as_one_pass_over_the_whole_body(seed):
    data = to_bytes(_random_document(100 + seed))
    streamed = reader.read_docx("x.docx", data, "docx", shipped_vocabulary())
    package, main = reader._open_package(data)
    styles = reader._Styles(reader._parse_part(package, package.related(main, "/styles")))
    whole = reader._StoryReader(styles, source="body", part=None, anchors=reader._CommentAnchors(), headings="all")
    whole.read(package.parse(main).find(reader.BODY))
    assert streamed.blocks == whole.blocks
