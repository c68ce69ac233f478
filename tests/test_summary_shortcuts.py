"""Shortcuts of the document summary never change a summary: paragraphs without a digit passed over once
per document, a text without a money word ruled out before it is normalised or split into clauses, a
clause without a currency or unit beside a number passed over before AMOUNT, characters NFKC makes a
money word or a digit of told by a class. No timing here: each test compares the shortcut with the
plain computation, on texts (every code point for the classes) and documents built in code."""
from __future__ import annotations

import random
import re
import unicodedata

from checker.analysis.context import Context
from checker.analysis.summary import figures, mentions, timeline
from checker.io.readers.docx import read_docx
from checker.lexicon.vocabulary import shipped_vocabulary
from checker.text.money import AMOUNT, MARKED
from checker.text.normalize import has_digit, nfkc
from tests.support.word import WordWriter

# Pieces of prose around amounts and dates: money words (full width too), clause stops, digits that
# only NFKC makes digits (superscripts, circled), dates in every shape the summary reads.
_BITS = ["The budget is", "ｕｓｄ 5", "㍐", "﹩3", "ſ", "USD 1,200,000", "usd", "$5", "＄7", "ＵＳＤ 9", "dollars",
         "dollarsx", "元", "350万元", "人民币", "预算", "实际成本", "contingency", "actual cost", "EAC", "，", ",", "。", ";", "；", ".", ". ", ": ",
         "\n", " ", "300 partners", "v1.2", "99.5%", "2026-03-05", "２０２６年３月５日", "5 March 2026", "03/04/2026",
         "²⁰²⁶-⁰³-⁰⁵", "①", "2026年6月", "accepted on", "actual finish", "go-live", "Design approved", "于", "验收",
         "and", "on", "work package", "milestone", "12", "M4", "CR-001"]


def _texts(count: int, seed: int, longest: int = 8) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_BITS) for _ in range(rnd.randint(0, longest))) for _ in range(count)]


def test_money_in_rules_out_a_text_without_a_money_word_with_the_plain_result():
    """`money_in` stops before its clauses when a text that must say it is money names no money."""
    ruled_out = found = 0
    for t in _texts(6000, seed=5):
        for label, hint, prose in (("Budget", None, True), ("", None, False), ("Total", None, False),
                                   ("", "万元", False)):
            plain = mentions._clause_money(nfkc(t), label, hint, prose) if has_digit(t) else []
            assert mentions.money_in(t, label, hint, prose=prose) == plain, repr(t)
            found += bool(plain)
        ruled_out += has_digit(t) and not mentions._MONEYISH.search(nfkc(t))
    assert ruled_out > 500 and found > 2000, (ruled_out, found)


# Around numbers: every currency and unit AMOUNT reads (codes, letter signs, signs, words, Chinese
# units), their look-alikes in other cases, letters and stops glued to them.
_AMOUNT_BITS = ["USD", "usd", "Usd", "EGP", "RMB", "ALL", "TOP", "US$", "HK$", "R$", "Rs.", "Rs", "rs", "Rp", "RM", "rm",
                "kr", "KR", "zł", "Fr.", "fr.", "$", "¥", "€", "£", "₹", "＄", "￥", "元", "万元", "百万元", "万", "亿", "人民币",
                "百万", "million", "Million", "thousand", "k", "K", "M", "m", "dollars", "Dollar", "euros", "pounds sterling",
                "yuan", "rupee", "pesos", "francs", "work", "package", "e", "s", "p", "r", "x", " ", "  ", "\t", ".", ",",
                "，", "-", "/", "%", "1", "12", "1,200", "1,23", "3.5", "2026", "99.5", "０", "٣"]


def test_a_text_without_a_marked_place_has_only_bare_amounts():
    """Why `money_in` passes over a clause where `MARKED` finds nothing and bare numbers do not count."""
    rnd = random.Random(23)
    marked = unmarked = 0
    for _ in range(40000):
        t = "".join(rnd.choice(_AMOUNT_BITS) for _ in range(rnd.randint(1, 7)))
        has_marked = any(m.group("cur") or m.group("unit") or m.group("cur2") for m in AMOUNT.finditer(t))
        if has_marked:
            marked += 1
            assert MARKED.search(t), repr(t)
        elif not MARKED.search(t) and AMOUNT.search(t):
            unmarked += 1
    assert marked > 5000 and unmarked > 2000, (marked, unmarked)


def test_money_in_passes_over_clauses_without_a_marked_place_with_the_plain_result(monkeypatch):
    rnd = random.Random(29)
    texts = ["".join(rnd.choice(_AMOUNT_BITS + ["Budget", "actual", "预算", ";", "。", "total"])
                     for _ in range(rnd.randint(1, 9))) for _ in range(8000)]
    cases = [(t, label, hint, prose) for t in texts for label, hint, prose in
             (("Budget", None, True), ("", None, False), ("Total cost", None, False), ("", "万元", False))]
    shortcut = [mentions.money_in(t, label, hint, prose=prose) for t, label, hint, prose in cases]
    monkeypatch.setattr(mentions, "MARKED", re.compile(""))  # every clause read to its end
    assert shortcut == [mentions.money_in(t, label, hint, prose=prose) for t, label, hint, prose in cases]
    assert sum(map(bool, shortcut)) > 1500


def test_money_characters_hold_every_character_nfkc_makes_a_money_word_of():
    """Why `may_say_money` needs no NFKC: every code point whose NFKC form holds a character of a money
    word or sign (as `_MONEYISH` reads it, case ignored) is one of `_MONEY_CHARS` (composition only makes
    letters with marks, none of those)."""
    words = re.compile("[$¥￥€£元人民币usdcnyrmbeghkpolaUSDCNYRMBEGHKPOLA]", re.I)
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        if words.search(unicodedata.normalize("NFKC", c)):
            assert mentions._MONEY_CHARS.match(c), hex(cp)


def test_a_text_that_may_not_say_money_does_not_once_normalised():
    bits = _BITS + ["ｕｓｄ", "Ｄｏｌｌａｒ", "㍐", "﹩", "ſ", "K", "𝐔𝐒𝐃", "①", "ERP", "项目", "，"]
    rnd = random.Random(13)
    ruled_out = 0
    for _ in range(20000):
        t = "".join(rnd.choice(bits) for _ in range(rnd.randint(0, 6)))
        if not mentions.may_say_money(t):
            ruled_out += 1
            assert not mentions._MONEYISH.search(nfkc(t)), repr(t)
    assert ruled_out > 2000


def test_a_paragraph_passed_over_for_milestones_has_no_dated_clause():
    """Why `_prose_milestones` reads only the paragraphs with a digit (or one NFKC makes)."""
    skipped = 0
    for t in _texts(6000, seed=9):
        if not has_digit(t) and not timeline._digit_once_folded(t):
            skipped += 1
            assert not any(timeline._DATE_IN.search(c) for c in mentions.clauses(t)), repr(t)
    assert skipped > 300
    assert timeline._digit_once_folded("²⁰²⁶-⁰³-⁰⁵") and not has_digit("²⁰²⁶-⁰³-⁰⁵")


def test_characters_nfkc_makes_a_digit_of_are_told_without_normalising():
    """Why `_digit_once_folded` needs no NFKC: every code point that is no digit but whose NFKC form
    holds one is among its characters."""
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        if not has_digit(c) and has_digit(unicodedata.normalize("NFKC", c)):
            assert timeline._digit_once_folded(c), hex(cp)  # (composition makes letters with marks, no digit)


def _plain_money(ctx: Context) -> list:
    """`figures._mentions` as it read every paragraph."""
    out = []
    for field in ctx.doc.fields:
        if field.source == "properties" or not field.value.strip():
            continue
        out.extend((m, field.location) for m in mentions.money_in(field.value, field.label,
                                                                  figures._unit(field.label, field.unit)))
    for grid in ctx.doc.grids():
        if len(grid.rows) <= figures._GRID_ROWS and grid.width >= 2:
            out.extend(figures._grid_mentions(grid))
    for section in ctx.doc.outline.walk():
        for block in section.blocks:
            if block.kind in ("paragraph", "list_item") and block.text.strip():
                out.extend((m, block.location) for m in mentions.money_in(block.text, section.title, prose=True))
    return out


def _plain_prose_dates(ctx: Context) -> list:
    return [(m, b.location) for b in ctx.doc.blocks
            if b.kind in ("paragraph", "list_item") and has_digit(b.text) and timeline._DATE_IN.search(b.text)
            for m in mentions.dates_in(b.text)]


def _plain_prose_milestones(ctx: Context, monkeypatch) -> list:
    """`_prose_milestones` reading every paragraph of a milestone section."""
    with monkeypatch.context() as m:
        every = tuple(b for b in ctx.doc.blocks if b.kind in ("paragraph", "list_item"))
        plain = mentions.Numbered(every, frozenset(map(id, every)), ("",) * len(every))
        m.setattr(mentions, "numbered", lambda ctx: plain)
        m.setattr(timeline, "numbered", mentions.numbered)
        return timeline._prose_milestones(ctx)


def test_summary_prose_parts_read_only_numbered_paragraphs_with_the_plain_result(tmp_path, monkeypatch):
    vocab = shipped_vocabulary()
    rnd = random.Random(17)
    found = {"money": 0, "dates": 0, "milestones": 0}
    for n in range(4):
        w = WordWriter("en")
        w.para("Preamble: the budget is USD 5,000 as of 2026-01-05.")
        for s in range(30):
            w.heading(rnd.choice(["Milestones", "Budget", "里程碑计划", "Schedule", "Background"]) + f" {s}",
                      1 if s % 6 == 0 else rnd.choice([2, 2, 3]))
            for text in _texts(rnd.choice([2, 4, 6]), seed=1000 * n + s, longest=8):
                if text.strip():
                    w.para(text.replace("\n", " "))
            if s % 7 == 3:
                w.bullets(_texts(3, seed=5000 + 1000 * n + s, longest=4))
        path = w.save(tmp_path / f"plan-{n}.docx")
        doc = read_docx(str(path), path.read_bytes(), "docx", vocab)
        ctx = Context(doc=doc, doc_type="PMP", language="en", today=None, vocab=vocab)
        money = list(figures._mentions(ctx))
        assert money == _plain_money(ctx)
        dates = list(timeline._prose_dates(ctx))
        assert dates == _plain_prose_dates(ctx)
        milestones = timeline._prose_milestones(ctx)
        assert milestones == _plain_prose_milestones(ctx, monkeypatch)
        found["money"] += len(money)
        found["dates"] += len(dates)
        found["milestones"] += len(milestones)
    assert min(found.values()) > 20, found


def test_an_iso_date_alone_holds_no_amount_as_the_plain_reading_says(monkeypatch):
    """`money_in` passes over a text that is an ISO date alone: on dates (real and not), with money
    labels, units and either reading, what the clause by clause reading finds (nothing)."""
    rnd = random.Random(41)
    dates = [f"{rnd.randint(0, 9999):04d}-{rnd.randint(0, 99):02d}-{rnd.randint(0, 99):02d}" for _ in range(400)]
    cases = [(d, label, unit, prose) for d in dates for label in ("", "Budget", "Cost (USD)", "Milestone 1", "预算（万元）")
             for unit in (None, "万元", "USD") for prose in (False, True)]
    shortcut = [mentions.money_in(d, label, unit, prose=prose) for d, label, unit, prose in cases]
    monkeypatch.setattr(mentions, "_ISO_DATE", re.compile(r"(?!x)x"))
    assert shortcut == [mentions.money_in(d, label, unit, prose=prose) for d, label, unit, prose in cases]
    assert all(found == [] for found in shortcut)
