"""The Word reader's two ways through a paragraph agree.

Plain paragraphs (runs of text, possibly in hyperlinks, insertions or deletions) take a short
path (`_plain_runs`); anything with fields, drawings, alternate content, content controls or
comment markers takes the full walk (`_walk_inline`). Each fixture here is read both ways, and
documents mixing the two kinds of paragraph read as before.
"""
from __future__ import annotations

import pytest

from checker.model import Location
from checker.readers import docx as reader
from tests.docx_builders import append_xml, new_document, paragraph, read, run, table_xml, textbox_run, xml

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
