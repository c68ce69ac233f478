"""The text inventory (checker/analysis/inventory.py) and the kinds that scan it.

A joined scan must find exactly the texts a per-text check would, whatever the texts hold (case
that lower-casing lengthens, NFKC that shortens, the separator itself); and the kinds that use it
must report every location of a repeated text, in document order, with the same exclusions as
before (appendices and set-aside sheets for guidance, nothing for placeholders).
"""
from __future__ import annotations

import random
from datetime import date

import docx
import pytest
from openpyxl import Workbook

import checker
from checker.analysis import inventory as inv
from checker.analysis.inventory import Inventory
from checker.core.location import Location
from checker.core.options import Options
from checker.io.readers import read_document
from checker.io.safe_open import open_document
from checker.kinds.money_units import _DECLARED
from checker.kinds.uppercase_amount import UPPER
from checker.lexicon import predicates as vocab
from checker.lexicon.vocabulary import shipped_vocabulary
from checker.model.document import Document
from checker.model.elements import Block
from checker.text import search
from checker.text.normalize import nfkc
from checker.text.prefilter import Prefilter
from checker.text.search import LOWER, NFKC, RAW, Search, TextSet
from tests.support.clean_docs import EN_CHARTER, make_docx
from tests.support.text_samples import SAMPLES, random_texts

VOCAB = shipped_vocabulary()
PLACEHOLDERS = vocab.placeholders(VOCAB)

TODAY = {"today": date(2026, 11, 25)}
FORMS = (RAW, NFKC, LOWER, NFKC | LOWER)
TRICKY = ["İstanbul TBD", "ΣΑΣ tbd", "Ｔｏｄｏ", "ﬁxme", "tb\u0307d", "e\u0301 insert", "a\x00TBD", "\x00", "ǅ", "ẞ",
          "㍱ here to enter", "\u212a todo", "ſtbd", "（删除本段）", "填写说明", "Purpose：x", "人民币壹万元整"]


def _reference(texts, literals, forms):
    return {t for t in texts if t and any(lit in search._form_of(t, f) for f in forms for lit in literals)}


def _corpus():
    rnd = random.Random(11)
    out = list(dict.fromkeys(SAMPLES + TRICKY + random_texts()))
    out += ["".join(rnd.choice(out)[:8] for _ in range(rnd.randint(1, 4))) for _ in range(500)]  # texts glued
    return out


@pytest.fixture(params=["kept", "joined per scan"])
def big(request, monkeypatch):
    """Run a test twice: as it is, and with every set too big to keep its joined forms (the path a
    200,000-paragraph plan takes: its texts joined again for each scan, in many small chunks)."""
    if request.param != "kept":
        monkeypatch.setattr(search, "_CHUNK", 64)
    return request.param != "kept"


def test_a_joined_scan_finds_what_a_per_text_check_finds(big):
    texts = _corpus()
    literal_sets = [PLACEHOLDERS.en_filter.anchors, PLACEHOLDERS.zh_filter.anchors, ("tba", "tbc", "tbd", "tb\u0307"),
                    ("i̇", "σ", "ς", "ss", "x"), ("删除本段", "purpose:", "(删除本段)"), ("元", "圆", "角"), ("a\x00t",), ("",)]
    ts = TextSet(set(texts))  # joined forms kept, or (too big) joined again for each scan, chunk by chunk
    for literals in literal_sets:
        for forms in [(f,) for f in FORMS] + [(RAW, NFKC), (LOWER, NFKC | LOWER)]:
            assert ts.containing([Search(literals, forms)]) == _reference(texts, literals, forms), (literals, forms)


def test_a_set_scanned_again_finds_what_a_fresh_set_finds(big, monkeypatch):
    """A set keeps what each literal found (`TextSet._found`), so the kinds that look for the same
    literals (the placeholders and section emptiness: TBD, TODO, '[') scan once: searches that share
    literals, in any order and form, literals worked out from the texts of a shorter one or of their
    lower-cased form, and literals found in more texts than are kept, find what a set scanned for the
    first time finds."""
    monkeypatch.setattr(search, "_MEMO_HITS", 3)  # some literals are in more texts: looked for again
    texts = _corpus()
    literal_sets = [("tbd", "todo", "[", "x"), ("tbd", "here"), ("todo", "tba", "e"), ("[", "x", "tb\u0307"), ("元", "tbd"),
                    ("XX", "xxx", "TBD", "Here to enter"), ("here to enter", "lorem ipsum"), ("lorem",), ("ΣΑΣ", "σας"),
                    ("İstanbul", "i̇stanbul tbd")]  # found from shorter literals' texts, or lower-cased ones'
    texts += ["xxx", "XXX form", "xXx", "Lorem ipsum", "here to Enter", "THERE TO ENTER", "σας", "ΣΑΣ"]
    rnd = random.Random(3)
    ts = TextSet(set(texts))
    for _ in range(40):
        searches = [Search(rnd.choice(literal_sets), rnd.choice([(f,) for f in FORMS] + [(RAW, NFKC)]))
                    for _ in range(rnd.randint(1, 3))]
        assert ts.containing(searches) == TextSet(set(texts)).containing(searches) == \
            set().union(*(_reference(texts, s.literals, s.forms) for s in searches))


def test_prefilter_candidates_are_the_texts_that_may_match():
    texts = _corpus()
    ts = [TextSet(set(texts[:300])), TextSet(set(texts[300:]))]
    en, zh = PLACEHOLDERS.en_filter, PLACEHOLDERS.zh_filter
    for pre in (en, zh, Prefilter(_DECLARED), Prefilter(UPPER)):
        assert pre.candidates(ts) == {t for t in texts if t and pre.may_match(t)}
        assert pre.candidates(ts, (NFKC,)) == {t for t in texts if t and pre.may_match(nfkc(t))}


def test_placeholder_texts_equal_placeholder_matches():
    texts = _corpus()
    got = vocab.placeholder_texts(VOCAB, [TextSet(set(texts))])
    want = {t: vocab.placeholder_matches(VOCAB, t) for t in texts if vocab.placeholder_matches(VOCAB, t)}
    assert {t: [m.group(0) for m in ms] for t, ms in got.items()} == {t: [m.group(0) for m in ms] for t, ms in want.items()}


# --------------------------------------------------------------------------- documents built in code


def _findings(path, rule):
    report = checker.check([str(path)], config=TODAY)
    doc = report["documents"][0]
    assert doc["error"] is None, doc["error"]
    return [f for f in doc["findings"] if f["rule"] == rule]


def _model(path):
    return read_document(open_document(str(path), Options().limits), shipped_vocabulary())


def _where(location) -> tuple:
    loc = location if isinstance(location, dict) else location.to_dict()
    return tuple(loc.get(k) for k in ("part", "paragraph", "table", "row", "col", "sheet", "cell"))


def _with_page_texts(path, header: str, footer: str):
    d = docx.Document(str(path))
    d.sections[0].header.paragraphs[0].text = header
    d.sections[0].footer.paragraphs[0].text = footer
    d.save(str(path))
    return path


def test_places_keep_appendix_page_and_set_aside_texts_apart(tmp_path, big):
    sections = [("Purpose", "Body text"), ("Owners", [["Item", "Owner"], ["Design", "Cell text"]]),
                ("Appendix A", "Appendix text"), ("Annex B", [["Key", "Value"], ["k", "Appendix cell"]]),
                ("Closing", "After text")]  # a heading of the same level ends the appendix
    path = _with_page_texts(make_docx(tmp_path / "p.docx", sections=sections, approvals=[]), "Header text", "Footer text")
    places = Inventory(_model(path))
    assert {"Body text", "Closing", "After text"} <= set(places.paragraphs["body"].texts)
    assert "Cell text" in places.cells["body"].texts
    assert {"Appendix A", "Appendix text", "Annex B"} <= set(places.paragraphs["appendix"].texts)
    assert "Appendix cell" in places.cells["appendix"].texts and "Appendix cell" not in places.cells["body"].texts
    assert {"Header text", "Footer text"} <= set(places.paragraphs["page"].texts)
    assert "Header text" not in places.paragraphs["body"].texts

    wb = Workbook()
    wb.active.title = "Register"
    wb.active["A1"] = "Visible"
    wb.create_sheet("Lookup")["A1"] = "Hidden"
    wb["Lookup"].sheet_state = "hidden"
    wb.create_sheet("Appendix B")["A1"] = "Aside"
    wb.save(tmp_path / "w.xlsx")
    places = Inventory(_model(tmp_path / "w.xlsx"))
    assert places.cells["sheet"].texts == ["Visible"]
    assert sorted(places.cells["set_aside"].texts) == ["Aside", "Hidden"]


def test_the_document_is_walked_once_whatever_its_size(monkeypatch, big):
    """No size at which a place loses its texts and every scan walks the document again (once, above
    65,536 distinct texts): a 70,000-paragraph body is gathered in one walk and every scan finds its texts."""
    blocks = [Block("paragraph", f"Deliverable {i} is due in week {i % 52}.", Location(paragraph=i), i) for i in range(70_000)]
    blocks[123] = Block("paragraph", "Owner: TBD", Location(paragraph=123), 123)
    walks = []
    walk = inv._walk
    monkeypatch.setattr(inv, "_walk", lambda doc: walks.append(doc) or walk(doc))
    places = Inventory(Document(path="big.docx", format="docx", blocks=blocks))
    for literal, want in (("TBD", {"Owner: TBD"}), ("week 51.", {b.text for b in blocks if b.text.endswith("week 51.")})):
        assert search.containing(places.sets(), Search((literal,))) == want
    assert len(places.paragraphs["body"].texts) == 70_000
    assert len(walks) == 1


def test_a_repeated_placeholder_is_reported_at_every_place_in_order(tmp_path, big):
    sections = [("Purpose", "TBD"), ("Scope", "TBD"), ("Owners", [["Item", "Owner"], ["Design", "TBD"], ["Build", "TBD"]]),
                ("Appendix A", "TBD")]
    path = _with_page_texts(make_docx(tmp_path / "p.docx", sections=sections, approvals=[]), "TBD", "Owner: TBD")
    model = _model(path)
    # Paragraphs (body, then headers and footers), then cells grid by grid: the order the rule always had.
    want = [b.location for b in model.text_blocks() if "TBD" in b.text]
    want += [c.location for g in model.grids() for row in g.rows for c in row if c.text == "TBD"]
    assert len(want) == 7  # three body paragraphs (one in the appendix), header, footer, two cells
    got = _findings(path, "COM-02")
    assert [_where(f["location"]) for f in got] == [_where(w) for w in want]


def test_guidance_is_reported_everywhere_but_appendices(tmp_path, big):
    marker = "How to use this template: replace every prompt."
    sections = EN_CHARTER + [("Notes", marker), ("More notes", [["Topic", "Note"], ["Usage", marker]]),
                             ("Appendix A", marker)]
    path = _with_page_texts(make_docx(tmp_path / "g.docx", sections=sections), marker, "Page 1")
    model = _model(path)
    appendix = next(i for i, b in enumerate(model.blocks) if b.text == "Appendix A")
    body = model.blocks[:appendix]  # the note paragraph, then the table that repeats it
    want = [_where(b.location) for b in body if b.text == marker]
    want += [_where(c.location) for b in body if b.grid for row in b.grid.rows for c in row if c.text == marker]
    want += [_where(b.location) for b in model.headers if b.text == marker]
    assert len(want) == 3
    assert [_where(f["location"]) for f in _findings(path, "COM-03")] == want


def test_sheets_placeholders_everywhere_guidance_on_visible_sheets_only(tmp_path, big):
    marker = "How to use this template"
    wb = Workbook()
    ws = wb.active
    ws.title = "Notes"
    for r in range(1, 4):
        ws.cell(r, 1, marker)
        ws.cell(r, 2, "TBD")
    for name in ("Lookup", "Appendix"):
        aside = wb.create_sheet(name)
        aside["A1"], aside["B1"] = marker, "TBD"
    wb["Lookup"].sheet_state = "hidden"
    wb.save(tmp_path / "w.xlsx")
    guidance = [(f["location"]["sheet"], f["location"]["cell"]) for f in _findings(tmp_path / "w.xlsx", "COM-03")]
    assert guidance == [("Notes", "A1"), ("Notes", "A2"), ("Notes", "A3")]
    placeholders = [(f["location"]["sheet"], f["location"]["cell"]) for f in _findings(tmp_path / "w.xlsx", "COM-02")]
    assert placeholders == [("Notes", "B1"), ("Notes", "B2"), ("Notes", "B3"), ("Lookup", "B1"), ("Appendix", "B1")]


def test_amounts_in_words_in_paragraphs_and_table_rows(tmp_path, big):
    from tests.support.clean_docs import ZH_CHARTER

    wrong = "合同总价人民币壹拾贰万伍仟元整（¥152,000.00），分两期支付。"
    table = [["付款节点", "大写金额", "小写金额"], ["首付款", "人民币伍万元整", "¥50,000.00"], ["尾款", "人民币叁万元整", "¥35,000.00"]]
    sections = ZH_CHARTER + [("十三、合同价款", wrong), ("十四、付款计划", table)]
    path = make_docx(tmp_path / "u.docx", zh=True, title="项目章程", sections=sections)
    got = [f["location"] for f in _findings(path, "COM-17")]
    assert [loc.get("text") for loc in got if "paragraph" in loc] == [wrong]
    assert [(loc["row"], loc["col"]) for loc in got if "table" in loc] == [(2, 1)]  # the row's 大写 cell


def test_a_declared_unit_counts_in_paragraphs_and_first_table_rows(tmp_path, big):
    from tests.support.clean_docs import ZH_CHARTER

    table = [["费用科目", "预算金额", "说明"], ["人工", "2,000,000", "开发人员"], ["设备", "800,000", "服务器"],
             ["合计", "2,800,000", "单位：元"]]
    bare = make_docx(tmp_path / "b.docx", zh=True, title="项目章程", sections=ZH_CHARTER + [("十三、预算明细", table)])
    assert len(_findings(bare, "COM-11")) == 1  # a declaration in a table's fourth row does not count
    declared = ZH_CHARTER + [("十三、预算明细", "单位：元"), ("十四、明细", table)]
    assert _findings(make_docx(tmp_path / "d.docx", zh=True, title="项目章程", sections=declared), "COM-11") == []
    first_rows = [table[0], ["单位：元", "", ""], *table[1:]]
    path = make_docx(tmp_path / "f.docx", zh=True, title="项目章程", sections=ZH_CHARTER + [("十三、预算明细", first_rows)])
    assert _findings(path, "COM-11") == []


def test_a_big_set_told_what_is_expected_joins_each_chunk_once_and_finds_the_same(monkeypatch):
    """`TextSet.expect`: a set too big to keep its joined forms looks for the expected searches'
    literals whenever it joins a chunk, so later scans (other rules) join nothing again; what each
    scan finds is unchanged, whatever is expected (a search never asked, one asked in another form)."""
    monkeypatch.setattr(search, "_CHUNK", 64)
    built: list[tuple] = []
    join = search._Chunk.joined

    def counting(chunk, form):
        key = chunk.key(form)
        if key not in chunk._joined:
            built.append((tuple(chunk.texts), key))
        return join(chunk, form)

    monkeypatch.setattr(search._Chunk, "joined", counting)
    texts = _corpus()
    asked = [Search(("tbd", "todo", "["), (LOWER,)), Search(("XX", "xxx"), (RAW,)), Search(("here to enter", "lorem"), (LOWER,)),
             Search(("元",), (RAW,)), Search(("cost", "value", "("), (NFKC,))]
    expected = asked + [Search(("never asked",), (LOWER,)), Search(("tbd",), (NFKC | LOWER,))]
    told = TextSet(set(texts))
    told.expect(expected)
    results = [told.containing([s]) for s in asked]
    assert len(set(built)) == len(built)  # each form of each chunk joined once
    built.clear()
    plain = TextSet(set(texts))
    assert results == [plain.containing([s]) for s in asked] == [_reference(texts, s.literals, s.forms) for s in asked]
    assert len(set(built)) < len(built)  # without `expect`, chunks are joined again for each scan
