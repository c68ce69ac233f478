"""Shortcuts of the classifier's evidence (a Word body's blocks read in one pass) never change what it
reads. No timing here: each test compares the shortcut with the plain computation, on documents built
in code."""
from __future__ import annotations

import random

from checker.analysis import type_evidence
from checker.io.readers.docx import read_docx
from checker.lexicon.vocabulary import shipped_vocabulary
from tests.support.word import WordWriter


def _plain_titles(doc) -> tuple[list[str], list[str]]:
    """The title lines as `title_candidates` took them from every block."""
    lines = [b for b in doc.blocks if b.kind == "table" or b.text.strip()]
    paragraphs = [b.text for b in lines if b.kind != "table"]
    return lines[:1], paragraphs[:5]


def test_one_pass_over_the_body_reads_what_each_plain_pass_read(tmp_path):
    vocab = shipped_vocabulary()
    rnd = random.Random(41)
    for n in range(12):
        w = WordWriter(rnd.choice(["en", "zh"]))
        if n % 3 == 0:
            w.kv_table([("Project Name", "Apollo"), ("Version", "1.0")])
        if n % 4 == 1:
            w.header_footer("Risk Register", "Page 1")
        for s in range(rnd.randint(0, 12)):
            step = rnd.random()
            if step < 0.3:
                w.heading(rnd.choice(["Objectives", "风险登记册", "Scope", "Budget"]) + f" {s}", rnd.choice([1, 2, 3]))
            elif step < 0.5:
                rows = [[f"R-{i}", "x", "y", "Open"] for i in range(rnd.randint(0, 6))]
                w.table(["ID", "Risk", "Owner", "Status"], rows)
            elif step < 0.6:
                w.para(" ")
            elif step < 0.7:
                w.bullets(["one", "two"])
            else:
                w.para(rnd.choice(["The plan", "项目章程", "Status: draft", "A longer paragraph of prose."]))
        path = w.save(tmp_path / f"doc-{n}.docx")
        doc = read_docx(str(path), path.read_bytes(), "docx", vocab)
        body = type_evidence._body(doc)
        first, paragraphs = _plain_titles(doc)
        assert list(body.lines[:1]) == first
        assert [b.text for b in body.lines if b.kind != "table"] == paragraphs
        assert list(body.headings) == doc.headings
        assert list(body.grids) == [b.grid for b in doc.blocks if b.grid is not None]
        assert body.paragraphs == sum(1 for b in doc.blocks if b.kind != "table" and b.grid is None and b.text.strip())
        assert body.rows == sum(len(b.grid.rows) for b in doc.blocks if b.grid is not None)
        assert list(type_evidence._labels(doc, body)) == [
            *(b.text for b in doc.headings), *(f.label for f in doc.fields),
            *(t for grid in doc.grids() for t in (type_evidence.row_text(row, 0) for row in grid.rows if row)
              if len(t) <= 40)]
