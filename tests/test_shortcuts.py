"""Shortcuts in front of slow paths (text normalisation, heading numbering, PMP-02's pattern, the
classifier's section and type-name lookups, section emptiness, label forms, digit tests, the header
search) never change a result. No timing here: each test compares the shortcut with the plain
computation."""
from __future__ import annotations

import random
import re
import unicodedata
from itertools import accumulate

import pytest

from checker.core import yamlio
from checker.core.resources import rules_folder
from checker.lexicon.vocabulary import shipped_vocabulary
from checker.model import outline
from checker.text import normalize as text


def _random_texts(alphabet: list[str], count: int, seed: int, longest: int = 12) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, longest))) for _ in range(count)]


def test_long_texts_are_normalised_line_by_line_with_the_same_result():
    pieces = ["a", "e", "\u0301", "\u0308", "\n", "\n", "Ｒ", "，", "。", "ﬁ", "\u1100", "\u1161", "\u11a8", "①",
              "Å", "\u212b", "x" * 40, "项目", "か", "\u3099", "ᾳ", "\u0345"]
    for t in _random_texts(pieces, 300, seed=3, longest=200):
        long = (t * (text._LINEWISE_FROM // max(1, len(t)) + 1)) if t else "\n" * text._LINEWISE_FROM
        assert text.nfkc(long) == unicodedata.normalize("NFKC", long)


def test_no_character_combines_across_a_line_feed():
    """Why line-by-line normalisation is exact."""
    for cp in range(0, 0x30000, 7):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        assert unicodedata.normalize("NFKC", c + "\n" + c) == "\n".join([unicodedata.normalize("NFKC", c)] * 2)


def test_numbered_heading_level_filter_matches_the_patterns():
    def by_patterns(t: str) -> int | None:
        return next((level for pattern, level in outline._LEVELS if pattern.match(t)), None)

    alphabet = list("第一二三四五六七八九十（()）.．、 \u3000\t1239IVXABHhiv章节部篇xyz１٣") + ["\xa0", "3. ", "1.2 "]
    for t in _random_texts(alphabet, 20000, seed=11, longest=8) + ["", "   ", "3. Budget", "（二）目标", "IV. Risks"]:
        assert outline.numbered_heading_level(t) == by_patterns(t), repr(t)


_PMP02_AS_WRITTEN = re.compile(
    r"(?s)\A(?=.*?(?:\bv\s?\d|version|\brev\b|revision|版本|V\d))"
    r"(?=.*?(?:\d{4}\s*[-/.年]\s*\d{1,2}|\d{1,2}/\d{1,2}/\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}))", re.I)


@pytest.fixture(scope="module")
def pmp02_pattern() -> re.Pattern[str]:
    """PMP-02's pattern as rules/pmp.yaml writes it, compiled as section_content does."""
    with (rules_folder() / "pmp.yaml").open(encoding="utf-8") as fh:
        pack = yamlio.safe_load(fh)
    rule = next(r for r in pack["rules"] if r["id"] == "PMP-02")
    return re.compile(rule["params"]["pattern"], re.I)


def test_pmp02_guarded_pattern_finds_what_the_plain_one_finds(pmp02_pattern):
    words = ["Jan", "Sept", "ab", "abcdefghijk", "ſſſ", "KKK", "ÉÉÉ", ".", ". ", " ", "\n", "\t", ",", "5", "12",
             "2020", "20201", "/", "-", "年", "２０２０", "\u3000", "31", "v1", "V 2", "version", "Rev", "revision",
             "xrev", "ver", "版本", "v", "r"]
    rnd = random.Random(5)
    found = 0
    for t in _random_texts(words, 40000, seed=5, longest=10):
        t = rnd.choice(["", "", "v1.0 ", "Version ", "版本"]) + t
        assert bool(pmp02_pattern.search(t)) == bool(_PMP02_AS_WRITTEN.search(t)), repr(t)
        found += bool(_PMP02_AS_WRITTEN.search(t))
    assert found > 300  # the sample exercises matches, not only misses


def test_empty_section_length_counts_chinese_without_blanks():
    from checker.analysis.sections import EMPTY_EN, EMPTY_ZH, is_empty_text

    def by_regex(t: str) -> bool:
        t = " ".join(t.split())
        limit = EMPTY_ZH if re.search(r"[\u4e00-\u9fff]", t) else EMPTY_EN
        return len(re.sub(r"\s+", "", t) if re.search(r"[\u4e00-\u9fff]", t) else t) < limit

    alphabet = list("项目背景说明ab \u3000\t\n\xa0x")
    for t in _random_texts(alphabet, 5000, seed=13, longest=24):
        if t.strip():
            assert is_empty_text(shipped_vocabulary(), text.nfkc(t), placeholder_only=False) == by_regex(t), repr(t)


def test_section_candidates_never_leave_out_a_matching_type():
    from checker.analysis import type_vocab

    vocab = type_vocab.type_vocabs(shipped_vocabulary())
    candidates = type_vocab.section_candidates(shipped_vocabulary())
    rnd = random.Random(17)
    synonyms = sorted({syn for tv in vocab for syn, _key, _distinctive in tv.sections._partial})
    labels = []
    for syn in rnd.sample(synonyms, 300):
        labels += [syn, f"3. {syn}", f"{syn} (USD)", f"{syn}（万元）", f"Total {syn}", f"{syn} details", f"项目{syn}",
                   f"{syn}: ", syn.upper(), f"（必填）{syn}", f"{syn}{rnd.choice(synonyms)}"]
    labels += _random_texts(list("abcdeprstu 项目计划风险()（）:：1."), 2000, seed=17, longest=14)
    for label in labels:
        types = candidates(label)
        for tv in vocab:
            m = tv.sections.match(label)
            if m is not None and m.strong:
                assert tv.name in types, (label, tv.name, m)


def test_type_name_search_finds_what_testing_every_name_finds():
    from checker.analysis import type_vocab
    from checker.text.normalize import norm_label

    vocab = type_vocab.type_vocabs(shipped_vocabulary())
    table = type_vocab.name_table(shipped_vocabulary())

    def by_every_name(text: str) -> dict[str, int]:
        t = norm_label(text)
        found = [(tv.name, n) for tv in vocab for n in tv.names if t and type_vocab.contains(t, n)]
        hits: dict[str, int] = {}
        for type_name, n in found:
            if not any(n != other and n in other for _, other in found):
                hits[type_name] = max(hits.get(type_name, 0), len(n))
        return hits

    names = [n for tv in vocab for n in tv.names]
    rnd = random.Random(19)
    lines = [" ".join(rnd.choice(names + ["the", "x", "1.", "草案", "plans", "v2", "-"]) for _ in range(rnd.randint(1, 4)))
             for _ in range(3000)]
    lines += [n.upper() for n in rnd.sample(names, 50)] + [f"{n}s" for n in rnd.sample(names, 50)] + ["", "  "]
    for line in lines:
        assert type_vocab.name_hits(line, table) == by_every_name(line), line


def test_close_section_synonyms_compare_only_lengths_that_can_match_and_miss_nothing():
    from rapidfuzz import fuzz, process

    from checker.analysis import type_evidence

    synonyms, _, lengths = type_evidence._section_synonyms(shipped_vocabulary())
    by_words = type_evidence._sorted_synonyms(shipped_vocabulary())
    rnd = random.Random(23)
    labels = []
    for _ in range(3000):
        chars = list(rnd.choice(synonyms))
        for _ in range(rnd.randint(0, 3)):
            chars.insert(rnd.randrange(len(chars) + 1), rnd.choice("abs 的项 "))
        if rnd.random() < 0.3 and len(chars) > 2:
            del chars[rnd.randrange(len(chars))]
        labels.append("".join(chars))
    for _ in range(1000):  # the words of one or two synonyms in another order, blanks doubled
        words = rnd.choice(synonyms).split() + (rnd.choice(synonyms).split()[:1] if rnd.random() < 0.3 else [])
        rnd.shuffle(words)
        labels.append(rnd.choice([" ", "  ", "\t"]).join(words))
    for label in labels:
        every = sorted(j for _, _, j in process.extract(label, synonyms, scorer=fuzz.token_sort_ratio, processor=None,
                                                        score_cutoff=type_evidence.FUZZY_SECTION_SCORE, limit=None))
        assert sorted(type_evidence.close_synonyms(label, by_words, lengths)) == every, label


_PLACEHOLDER_BITS = ["lorem", "ipsum", "[insert", "name]", "click here", "to enter", "TBD", "tbd,", "XXX", "???", "——",
                     "-", "N/A", "n/a", ".", "待", "定", "年", "月 日", "ＴＢＤ", "İ", "【", "此处填写】", "yyyy-mm-dd",
                     "Error!", "Unknown document property name", "\u3000", "  ", "项目", "无",
                     "The sponsor approves each stage gate", "budget variance and schedule risk"]


def test_word_searches_find_a_text_of_every_join_that_may_hold_a_placeholder():
    from checker.lexicon.predicates import placeholders
    from checker.text.search import NFKC, TextSet, containing

    found = placeholders(shipped_vocabulary())
    rnd = random.Random(29)
    passed = 0
    for _ in range(3000):
        texts = [text.nfkc("".join(rnd.choice(_PLACEHOLDER_BITS) for _ in range(rnd.randint(1, 3))))
                 for _ in range(rnd.randint(1, 4))]
        joined = " ".join(" ".join(t.split()) for t in texts)
        for pre in (found.en_filter, found.zh_filter):
            searches = pre.word_searches(NFKC)
            assert searches is not None
            if pre.may_match(joined):
                passed += 1
                assert containing([TextSet(set(texts))], *searches), texts
    assert passed > 1000  # the sample holds placeholders, whole and split across texts


# Long texts that are empty all the same: a placeholder covers them once joined (split across paragraphs,
# or in a folded sibling's title), or they are only dashes.
_FILLED_BY_PLACEHOLDERS = [("Baselines", ["Error!", "Unknown document property name"]),
                           ("Objectives", ["[Insert the sponsor approves each stage gate", "and the budget variance]"]),
                           ("Milestones", ["【此处填写项目的里程碑计划与关键节点及其说明内容】"]),
                           ("Scope Baseline", ["-" * 24 + "."]),  # long, yet 'N/A' alone (`_NA_ONLY`)
                           ("Key Management Reviews", []), ("[Insert", ["the sponsor approves each stage gate and the budget]"])]


def test_a_heading_content_is_known_filled_only_when_its_joined_text_is_not_empty(tmp_path):
    """`_Bodies.surely_filled` (no join, pieces scanned once) against `is_empty_text` of the joined content,
    on plans whose sections hold placeholders whole, split across paragraphs, dashes, 'N/A' and prose."""
    from checker.analysis.context import Context
    from checker.analysis.sections import Parts, hit_is_empty, is_empty_text, section_index
    from checker.io.readers.docx import read_docx
    from tests.support.word import WordWriter

    vocab = shipped_vocabulary()
    rnd = random.Random(31)
    names = ["Baselines", "Scope Baseline", "Objectives", "Milestones", "Key Management Reviews"]
    outcomes: dict[tuple[bool, bool], int] = {}
    for n in range(6):
        w = WordWriter("en")
        for s in range(40):
            w.heading(f"{rnd.choice(names)}: part {s}" if s % 3 else rnd.choice(names), 1 if s % 5 == 0 else 2)
            bits = _PLACEHOLDER_BITS if rnd.random() < 0.3 else _PLACEHOLDER_BITS[-6:]  # prose, '无', '-' or blanks
            for _ in range(rnd.choice([0, 1, 1, 2, 3])):
                w.para(" ".join(rnd.choice(bits) for _ in range(rnd.choice([1, 1, 2, 4]))))
        for title, paragraphs in _FILLED_BY_PLACEHOLDERS:
            w.heading(title, 1)
            for paragraph in paragraphs:
                w.para(paragraph)
        path = w.save(tmp_path / f"plan-{n}.docx")
        doc = read_docx(str(path), path.read_bytes(), "docx", vocab)
        ctx = Context(doc=doc, doc_type="PMP", language="en", today=None, vocab=vocab)
        for hits in section_index(ctx).values():
            for hit in hits:
                if hit.content.__class__ is not Parts:
                    continue
                plain = is_empty_text(vocab, hit.norm_text, hit.kind)
                assert hit_is_empty(vocab, hit) == plain, hit.text
                shortcut = hit.content.bodies.surely_filled(vocab, hit.content.spans)
                assert not (shortcut and plain), hit.text
                outcomes[(shortcut, plain)] = outcomes.get((shortcut, plain), 0) + 1
    assert outcomes.get((True, False), 0) > 20 and outcomes.get((False, True), 0) > 5, outcomes


def test_has_digit_answers_as_the_digit_regex():
    alphabet = list("ab 0589项目２٣\u0660\U0001d7ce.,-x") + ["\t", "Ⅳ", "①", "²"]
    texts = _random_texts(alphabet, 20000, seed=37, longest=10) + ["", "year 2026", "第二期", "２０２６年"]
    assert sum(map(text.has_digit, texts)) > 5000
    for t in texts:
        assert text.has_digit(t) == bool(re.search(r"\d", t)), repr(t)


def _header_by_every_cell(grid, synonyms, *, min_hits=2, must_have=(), min_share=0.0):
    """`find_header` as first written: every cell of every scanned row matched (a row holding a
    number of three digits or more is values)."""
    from checker.io.tables import HEADER_SCAN_ROWS, SMALL_GRID_ROWS

    best = None
    for r, row in enumerate(grid.rows if len(grid.rows) <= SMALL_GRID_ROWS else grid.rows[:HEADER_SCAN_ROWS]):
        columns: dict[str, int] = {}
        labelled = 0
        values = False
        for cell in row:
            if cell.merged or len(cell.text) > 60 or not cell.text.strip():
                continue
            labelled += 1
            values = values or bool(re.search(r"\d{3,}", cell.text))
            m = synonyms.match(cell.text)
            if m is not None and m.strong and m.key not in columns:
                columns[m.key] = cell.col
        if values or len(columns) < min_hits or (must_have and not any(k in columns for k in must_have)) \
                or len(columns) < min_share * labelled:
            continue
        if best is None or len(columns) > len(best[1]):
            best = (r, columns)
    return best


def test_header_search_stops_a_row_only_when_it_cannot_be_the_header(tmp_path):
    from checker.io.readers.docx import read_docx
    from checker.io.tables import find_header
    from checker.lexicon.matchers import block_columns
    from tests.support.word import WordWriter

    vocab = shipped_vocabulary()
    names = ["Version", "Date", "Author", "Description of Change", "Signature", "Name", "Role", "Approved by",
             "版本", "日期", "签字", "", "", "Open", "Wei Zhang", "2026-01-04", "v1.0", "Notes", "Status"]
    rnd = random.Random(41)
    w = WordWriter("en")
    for _ in range(150):
        width = rnd.randint(1, 7)
        rows = [[rnd.choice(names) for _ in range(width)] for _ in range(rnd.randint(1, 6))]
        w.table(rows[0], rows[1:])
    path = w.save(tmp_path / "tables.docx")
    grids = [b.grid for b in read_docx(str(path), path.read_bytes(), "docx", vocab).blocks if b.grid is not None]
    assert len(grids) == 150
    found = 0
    for block in ("revision_history", "approvals"):
        synonyms = block_columns(vocab, block)
        for params in ({"min_hits": 2, "must_have": ("version",), "min_share": 0.5},
                       {"min_hits": 2, "must_have": ("signature", "date"), "min_share": 0.5},
                       {"min_hits": 1}, {"min_hits": 3, "min_share": 0.8}, {"min_hits": 2, "min_share": 1.0}):
            for grid in grids:
                expected = _header_by_every_cell(grid, synonyms, **params)
                assert find_header(grid, synonyms, **params) == expected, [[c.text for c in r] for r in grid.rows]
                found += expected is not None
    assert found > 200


def test_label_normal_form_is_the_regex_one():
    """`norm_label` collapses blanks by split and join and skips the required-mark pattern without a
    bracket; blanks between Chinese characters go."""
    def by_regexes(label: str) -> str:
        t = text.nfkc(label).replace("\u200b", "")
        t = text._REQUIRED_MARK.sub("", t)
        t = text.strip_numbering(t.strip())
        t = text._DECORATION.sub(" ", t)
        t = t.replace("&", " and ").replace("/", " / ")
        t = re.sub(r"\s+", " ", t).strip(" .．、-–—_|").lower()
        return re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", t)  # '组    别' is '组别'

    alphabet = ["a", "B", "项目", " ", "  ", "\t", "\n", "\u3000", "\xa0", "\x1c", "\u2028", "\u200b", "(", ")", "（",
                "）", "必填", "required", "(Optional)", "（选填）", "*", "：", ":", "&", "/", ".", "．", "、", "-", "—",
                "_", "|", "1.", "3.1 ", "一、", "（二）", "IV. ", "§2", "Ｒ", "ﬁ"]
    for label in _random_texts(alphabet, 20000, seed=43, longest=8):
        assert text.norm_label.__wrapped__(label) == by_regexes(label), repr(label)


def test_label_without_unit_is_the_regex_one():
    alphabet = ["a", "B", "项目", " ", "\t", "(", ")", "（", "）", "万元", "USD", "(USD)", "（万元）", "12", "*", ":"]
    for label in _random_texts(alphabet, 20000, seed=47, longest=7):
        expected = text.norm_label(text._BRACKETED_UNIT.sub("", text.nfkc(label).strip()))
        assert text.norm_label_without_unit.__wrapped__(label) == expected, repr(label)


def test_label_unit_is_the_pattern_one():
    alphabet = ["a", "金额", " ", "\t", "(", ")", "（", "）", "万元", "USD", "(USD)", "（万元）", "12", "\u3000", "ｋ€"]
    for label in _random_texts(alphabet, 20000, seed=53, longest=7):
        m = text._BRACKETED_UNIT.search(text.nfkc(label).strip())
        assert text.label_unit(label) == (m.group(0).strip("()（） ") if m else None), repr(label)


def test_body_text_stops_at_its_limit_with_the_plain_result(tmp_path):
    """`mentions._body_text` stops collecting paragraphs once their join reaches the limit: the first
    `limit` characters of the plain join of every paragraph (headings left out) and cell, at limits that
    fall inside a paragraph, on a separator, inside the cells and past the end."""
    from types import SimpleNamespace

    from checker.io.readers.docx import read_docx
    from checker.kinds.mentions import _body_text
    from tests.support.word import WordWriter

    rnd = random.Random(7)
    w = WordWriter("en")
    for s in range(30):
        w.heading(f"Section {s}", 1)
        for _ in range(rnd.randint(0, 4)):
            w.para(" ".join(rnd.choice(["scope", "owner", "budget", "2026-01-12", "risk"]) for _ in range(rnd.randint(1, 12))))
        if s % 7 == 0:
            w.table(["Deliverable", "Owner"], [[f"D-{s}.{r}", "Wei Zhang"] for r in range(3)])
    path = w.save(tmp_path / "plan.docx")
    doc = read_docx(str(path), path.read_bytes(), "docx", shipped_vocabulary())
    paragraphs = [b.text for b in doc.text_blocks() if b.kind != "heading" and b.text]
    cells = [c.text for g in doc.grids() for row in g.rows for c in row if not c.merged and c.text]
    plain = "\n".join(paragraphs + cells)
    ctx = SimpleNamespace(doc=doc)
    ends = list(accumulate(len(p) + 1 for p in paragraphs))
    for limit in sorted({1, 2, 50, *ends[:5], *(e - 1 for e in ends[:5]), *(e + 1 for e in ends[:5]), ends[-1] - 1,
                         ends[-1], ends[-1] + 5, len(plain) - 1, len(plain), len(plain) + 10, 200_000}):
        assert _body_text(ctx, limit) == plain[:limit], limit


_WIDENING_PATTERNS = [
    r"\d|daily|weekly", r"\bv\s?\d", r"\bfoo\B|ba(?=r)", r"(?<=[A-Za-z]{3})\.?\s+\d{1,2}", r"(a)?(?(1)b|c)x", r"v\n\d",
    r"(?s)\A(?=.*?(?:\bv\s?\d|version))(?=.*?\d{4}-\d{2})", r"^v", r"v$", r"(?!a)v", r"(?<!\n)v", r"v\s*+1", r"(?>v\s*)1",
    r"\Av", r"(?s)\A(?=.*?x)y", r"\A(?=.*?v)", r"(?m)^v\s", r"v\Z", r"(?s)\A(?=.*v)(?=.*?\d)",
]


def test_a_pattern_said_to_survive_widening_matches_every_wider_text():
    """`survives_widening` against the definition, on random texts: a pattern it accepts matches every
    text that holds, between line feeds or the ends, a text it matches. The patterns it refuses (each
    of them can be shown to fail a wider text) are refused."""
    from checker.text.widening import survives_widening

    pieces = ["v", "v1", "v 2", "version", "foo", "bar", "ba", "x", "1", "2026-01", "Jan", " 12", "\n", "a", "b", "c", " "]
    rnd = random.Random(12)
    accepted = []
    for source in _WIDENING_PATTERNS:
        pattern = re.compile(source, re.I)
        if not survives_widening(pattern):
            continue
        accepted.append(source)
        for _ in range(3000):
            narrow = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 6)))
            if not pattern.search(narrow):
                continue
            before, after = ("".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 4))) for _ in range(2))
            for wide in (f"{before}\n{narrow}", f"{narrow}\n{after}", f"{before}\n{narrow}\n{after}"):
                assert pattern.search(wide), (source, narrow, wide)
    assert accepted == _WIDENING_PATTERNS[:7] + _WIDENING_PATTERNS[-1:]
    # Refused ones that a wider text makes fail (the others are refused for their kind: a negative
    # lookaround, a possessive repeat or an atomic group, a line anchor).
    for source, narrow, wide in [(r"^v", "v", "x\nv"), (r"v$", "v", "v\nx"), (r"(?<!\n)v", "v", "x\nv"), (r"\Av", "v", "x\nv"),
                                 (r"v\Z", "v", "v\nx"), (r"(?s)\A(?=.*?x)y", "yx", "a\nyx"), (r"\A(?=.*?v)", "v", "x\nv")]:
        assert re.search(source, narrow) and not re.search(source, wide), source


def test_a_place_inside_one_the_pattern_missed_is_skipped_only_when_it_cannot_match(tmp_path):
    """`places_matching` (a heading's content that is line for line part of a missed one is not read)
    against reading every place, on plans whose headings nest and fold their siblings in; `within` only
    ever says so of a content whose joined text sits in the other's between line feeds or the ends."""
    from checker.analysis.context import Context
    from checker.analysis.sections import Parts, places_matching, section_index, within
    from checker.io.readers.docx import read_docx
    from checker.text.widening import survives_widening
    from tests.support.word import WordWriter

    vocab = shipped_vocabulary()
    rnd = random.Random(17)
    names = ["Baselines", "Scope Baseline", "Schedule Baseline", "Cost Baseline", "Milestones"]
    words = ["scope", "v1.0", "version", "2026-01-12", "Jan 12, 2026", "rev", "daily", "v", "2", "approved", "x"]
    skipped = compared = 0
    for n in range(5):
        w = WordWriter("en")
        for s in range(36):
            level = 1 if s % 6 == 0 else rnd.choice([2, 2, 3])
            w.heading(f"{rnd.choice(names)}: part {s}" if rnd.random() < 0.6 else rnd.choice(names), level)
            for _ in range(rnd.choice([0, 1, 2, 3])):
                w.para(" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 8))))
        path = w.save(tmp_path / f"plan-{n}.docx")
        doc = read_docx(str(path), path.read_bytes(), "docx", vocab)
        ctx = Context(doc=doc, doc_type="PMP", language="en", today=None, vocab=vocab)
        for hits in section_index(ctx).values():
            parts = [h for h in hits if h.content.__class__ is Parts]
            for inner in parts:
                for outer in parts:
                    if within(inner.content.lines(), outer.content.lines()):
                        assert f"\n{inner.norm_text}\n" in f"\n{outer.norm_text}\n"
            for source in _WIDENING_PATTERNS:
                pattern = re.compile(source, re.I)
                for start in range(len(hits)):
                    places = hits[start:]
                    plain = [h for h in places if pattern.search(h.norm_text)]
                    assert list(places_matching(pattern, places, survives_widening(pattern))) == plain, source
                    compared += 1
                    read = [h for h in places if h.content.__class__ is Parts]
                    missed = []
                    for h in read:
                        if any(within(h.content.lines(), m) for m in missed):
                            skipped += 1
                        elif not pattern.search(h.norm_text):
                            missed.append(h.content.lines())
    assert skipped > 100 and compared > 500, (skipped, compared)


def test_paragraphs_surely_without_a_field_are_skipped_with_the_plain_result(monkeypatch):
    """`fields_from_blocks` passes over a paragraph with no colon or tab that is too long to be a
    label; read every paragraph instead, the fields of random paragraphs (labels, colons, tabs,
    blanks, lengths either side of a label's) are the same."""
    from checker.core.location import Location
    from checker.io import fields
    from checker.model.elements import Block

    vocab = shipped_vocabulary()
    pieces = ["Project Name", "Prepared by", "Approved by", "项目名称", "编制日期", ":", "：", "\t", " ", "  ", "\u3000",
              "\n", "Apollo", "Wei Zhang", "2026-03-01", "the plan is reviewed monthly", "。", ".", "1. ",
              "x" * 30, "项目组每周召开例会"]
    rnd = random.Random(17)
    blocks = []
    for i, t in enumerate(_random_texts(pieces, 3000, seed=17, longest=6)):
        kind = rnd.choice(["paragraph", "paragraph", "heading", "list_item"])
        blocks.append(Block(kind, t, Location(paragraph=i, text=t), i, 1 if kind == "heading" else None))
    skipped = len(blocks) - len(fields._may_hold_fields(blocks))
    shortcut = fields.fields_from_blocks(vocab, blocks)
    monkeypatch.setattr(fields, "_may_hold_fields", lambda blocks: range(len(blocks)))
    assert shortcut == fields.fields_from_blocks(vocab, blocks)
    assert skipped > 300 and len(shortcut) > 300


def test_a_line_without_gaps_is_split_as_the_gap_pattern_splits_it():
    """`_split_at_gaps` tells an ASCII line without a tab or two spaces in a row has no gap; on
    random lines (spaces, ideographic spaces, tabs, colons, Chinese labels) it answers as the pattern."""
    from checker.io import fields

    pieces = [" ", " ", "\u3000", "\t", ":", "：", "Version", "1.0", "Date", "签发人", "签发时间", "项目名称", "x", "é"]
    lines = _random_texts(pieces, 5000, seed=29, longest=10)
    assert sum(1 for t in lines if fields._split_at_gaps(t)[1] == [] and fields._GAP.search(t) is None) > 500
    for t in lines:
        assert fields._split_at_gaps(t) == (fields._GAP.split(t), fields._GAP.findall(t))


def test_section_pieces_are_scanned_and_normalised_a_run_at_a_time_as_each_alone(tmp_path):
    """`_Bodies._may_hold_placeholder` and `_Bodies.norms` (only the pieces of the runs asked about, each
    worked out once, whatever the runs' order and overlaps) against asking each piece alone."""
    from checker.analysis.sections import _Bodies
    from checker.io.readers.docx import read_docx
    from checker.lexicon.predicates import placeholder_word_searches
    from tests.support.word import WordWriter

    vocab = shipped_vocabulary()
    searches = placeholder_word_searches(vocab)
    assert searches is not None
    rnd = random.Random(41)
    asked = suspect = 0
    for n in range(3):
        w = WordWriter("en")
        for s in range(30):
            w.heading(f"Section {s}", rnd.choice([1, 2, 2, 3]))
            for _ in range(rnd.choice([0, 1, 2, 4])):
                w.para("".join(rnd.choice(_PLACEHOLDER_BITS) for _ in range(rnd.randint(1, 3)))
                       if rnd.random() < 0.2 else rnd.choice(["The sponsor approves each stage gate", "项目组每周召开例会",
                                                              "Ｂｕｄｇｅｔ ＵＳＤ １２０", "budget variance"]))
        path = w.save(tmp_path / f"plan-{n}.docx")
        doc = read_docx(str(path), path.read_bytes(), "docx", vocab)
        pieces = _Bodies(doc.outline).pieces
        plain_suspects = [any(search.in_text(piece) for search in searches) for piece in pieces]
        plain_norms = [text.nfkc(piece) for piece in pieces]
        bodies = _Bodies(doc.outline)
        for _ in range(300):
            start = rnd.randrange(len(pieces) + 1)
            end = rnd.randrange(start, min(len(pieces), start + rnd.choice([1, 5, 40])) + 1)
            found = bodies._may_hold_placeholder(vocab, searches, start, end)
            assert found == any(plain_suspects[start:end]), (start, end)
            assert bodies.norms(start, end) == plain_norms[start:end]
            asked += 1
            suspect += found
    assert asked == 900 and 100 < suspect < 800, suspect


def _place_facts(hit) -> tuple:
    from checker.analysis.sections import Parts, hit_is_empty

    content = hit.content.spans if hit.content.__class__ is Parts else hit.content
    return (hit.key, hit.title, hit.text, content, hit.location, hit.kind, hit.section, hit.field,
            [id(b) for b in hit.blocks], hit_is_empty(shipped_vocabulary(), hit))


def test_places_built_when_read_are_those_built_at_once(tmp_path):
    """`Places` (a key's places built when first read, in any order, some never) against building every
    place of every key right after the index, on plans with headings that fold their siblings in, line
    fields, form tables, label paragraphs over tables and lists, and tables of records."""
    from checker.analysis.context import Context
    from checker.analysis.sections import find_section, section_index
    from checker.io.readers.docx import read_docx
    from checker.kinds.required_sections import _with_own_synonyms
    from checker.lexicon.matchers import doc_control_synonyms
    from tests.support.word import WordWriter

    vocab = shipped_vocabulary()
    rnd = random.Random(43)
    names = ["Objectives", "Milestones", "Scope", "Budget", "Quality Management", "Risks", "Assumptions and Constraints",
             "Key Management Reviews", "Stakeholders", "Dates", "Deliverables", "Notes"]
    words = ["The sponsor approves each stage gate", "TBD", "N/A", "budget variance", "2026-01-12", "[insert]", ""]
    built = partly = 0
    for n in range(4):
        w = WordWriter("en", headings="bold" if n % 2 else "styles")
        w.kv_table([("Project Name", "Apollo"), ("Sponsor", rnd.choice(["", "Wei Zhang"])), ("Objectives", "")])
        for s in range(30):
            title = rnd.choice(names)
            w.heading(f"{title}: part {s}" if rnd.random() < 0.4 else title, rnd.choice([1, 2, 2, 3]))
            for _ in range(rnd.choice([0, 1, 2])):
                w.para(rnd.choice(words))
            shape = rnd.random()
            if shape < 0.2:
                w.para(rnd.choice(words), label=f"{rnd.choice(names)}: ")
            elif shape < 0.35:
                w.para(rnd.choice(names))
                w.table(["Milestone", "Date", "Owner"], [["Kick-off", "2026-01-12", "PM"], ["Go-live", "", ""]])
            elif shape < 0.45:
                w.para(rnd.choice(names))
                w.bullets([rnd.choice(words) for _ in range(2)])
            elif shape < 0.55:
                w.kv_table([(rnd.choice(names), rnd.choice(words)), ("Budget", rnd.choice(words))])
        path = w.save(tmp_path / f"plan-{n}.docx")
        doc = read_docx(str(path), path.read_bytes(), "docx", vocab)
        own = (("quality_plan", ("Quality Management", "Quality Plan")),)
        sets = [None, _with_own_synonyms(vocab, "PMP", own), doc_control_synonyms(vocab)]
        at_once = Context(doc=doc, doc_type="PMP", language="en", today=None, vocab=vocab)
        plain = [{key: [_place_facts(h) for h in places] for key, places in section_index(at_once, syn).items()}
                 for syn in sets]
        when_read = Context(doc=doc, doc_type="PMP", language="en", today=None, vocab=vocab)
        for _ in range(40):  # some places read first, in any order, and the place find_section finds
            j = rnd.randrange(len(sets))
            index = section_index(when_read, sets[j])
            key = rnd.choice(sorted(index))
            places, expected = index[key], plain[j][key]
            if rnd.random() < 0.5:
                i = rnd.randrange(-len(places), len(places))
                assert _place_facts(places[i]) == expected[i]
            else:
                first = next((facts for facts in expected if not facts[-1]), expected[0])
                assert _place_facts(find_section(when_read, key, sets[j])) == first, key
        partly += sum(0 < len(places._built) < len(places) for syn in sets
                      for places in section_index(when_read, syn).values())
        for syn, expected in zip(sets, plain):
            index = section_index(when_read, syn)
            assert list(index) == list(expected)
            for key, places in index.items():
                assert len(places) == len(expected[key])
                assert [_place_facts(h) for h in places] == expected[key]
                built += len(places)
    assert built > 300 and partly > 20, (built, partly)


def test_strong_label_matches_are_the_strong_full_matches():
    """`Synonyms.strong_match` (no containment test) against `match` when strong, asked before and after
    `match`; and what `_Labels` names with the label parts its synonym sets share against `_label_match`
    and `_label_matches` alone."""
    from checker.analysis.sections import _label_match, _label_matches, _Labels
    from checker.kinds.required_sections import _with_own_synonyms
    from checker.lexicon.files import words as words_of
    from checker.lexicon.matchers import section_entries
    from checker.lexicon.synonyms import Synonyms

    vocab = shipped_vocabulary()
    rnd = random.Random(47)
    labels: list[str] = []
    for doc_type in ("PMP", "CHARTER", "STATUS_REPORT"):
        mapping = {key: words_of(entry) for key, entry in section_entries(vocab, doc_type).items()}
        words = sorted({w for ws in mapping.values() for w in ws})
        for syn in rnd.sample(words, min(120, len(words))):
            other = rnd.choice(words)
            labels += [syn, f"3. {syn}", f"{syn}: work package {rnd.randint(1, 99)}", f"Total {syn}", f"项目{syn}",
                       f"{syn} and {other}", f"{other}、{syn}", f"The {syn} of {other}", f"{syn} (draft)", syn.upper(),
                       f"x{syn}y", f"{syn[:-1]}", f"{syn} - {other}"]
        labels += _random_texts(list("abcdeprstu 项目计划风险()（）:：1.,/和"), 500, seed=47, longest=16)
        own = (("quality_plan", ("Quality Management", "Quality Plan", "质量管理")),)
        sets = [Synonyms(mapping), _with_own_synonyms(vocab, doc_type, own)]
        shared: dict[str, list[str]] = {}
        memos = [_Labels(syn, shared) for syn in sets]
        strong = 0
        for i, label in enumerate(labels):
            for syn, memo in zip(sets, memos):
                fresh = Synonyms(mapping) if i % 50 == 0 else None  # strong_match first, on a matcher that has seen nothing
                if fresh is not None:
                    first = fresh.strong_match(label)
                    m = fresh.match(label)
                    assert first == (m if m is not None and m.strong else None), label
                before = syn.strong_match(label) if i % 2 else None
                m = syn.match(label)
                expected = m if m is not None and m.strong else None
                assert syn.strong_match(label) == expected and (not i % 2 or before == expected), label
                strong += expected is not None
                named = _label_match(syn, label)
                assert memo.first(label) == named and memo.all(label) == _label_matches(syn, label, named), label
        assert strong > 1000, strong


def test_blocks_followed_by_a_kind_are_those_a_test_of_each_block_finds():
    """`_followed_by` (the blocks' kinds scanned by `list.index`) against testing each block's successor."""
    from checker.analysis.sections import _followed_by
    from checker.core.location import Location
    from checker.model.elements import Block

    rnd = random.Random(53)
    kinds = ["paragraph", "heading", "table", "list_item", "figure"]
    for n in range(300):
        blocks = [Block(rnd.choice(kinds), "x", Location(paragraph=i), i) for i in range(rnd.randint(0, 40))]
        for wanted in (("table", "list_item"), ("list_item",), ("heading", "figure", "table")):
            plain = [i for i in range(len(blocks) - 1) if blocks[i + 1].kind in wanted]
            assert _followed_by(blocks, wanted) == plain


def test_one_walk_gives_the_outline_order_sibling_places_and_contents_lines(tmp_path):
    """`_Bodies.sections`, `_Bodies.siblings` (from the walk that lays out the bodies) and
    `_contents_entries` (titles compared only when a section is blank) against the outline's walk, a
    scan of each parent's children and the comparison of every title."""
    from checker.analysis.sections import _Bodies, _contents_entries
    from checker.io.readers.docx import read_docx
    from checker.text.normalize import norm_label
    from tests.support.word import WordWriter

    vocab = shipped_vocabulary()
    rnd = random.Random(59)
    names = ["Objectives", "Scope", "Budget", "Milestones", "Risks", "1. Objectives", "2 Scope"]
    contents_lines = 0
    for n in range(6):
        w = WordWriter("en", headings="bold" if n % 3 == 2 else "styles")
        if n % 2:
            for title in rnd.sample(names, 4):  # a contents list typed as headings
                w.heading(title, 1)
        for s in range(25):
            w.heading(rnd.choice(names), rnd.choice([1, 2, 2, 3]))
            for _ in range(rnd.choice([0, 0, 1, 2])):
                w.para("The sponsor approves each stage gate")
        path = w.save(tmp_path / f"plan-{n}.docx")
        doc = read_docx(str(path), path.read_bytes(), "docx", vocab)
        bodies = _Bodies(doc.outline)
        walk = list(doc.outline.walk())
        assert [id(s) for s in bodies.sections] == [id(s) for s in walk]
        plain_siblings: dict[int, tuple] = {}
        for parent in walk:
            for i, child in enumerate(parent.children):
                plain_siblings.setdefault(id(child), (parent, i))
        assert {k: (id(p), i) for k, (p, i) in bodies.siblings.items()} == \
            {k: (id(p), i) for k, (p, i) in plain_siblings.items()}
        headed = [s for s in walk if s.heading is not None]
        later = {norm_label(s.title): i for i, s in enumerate(headed)}
        plain = {id(s) for i, s in enumerate(headed) if bodies.blank(s) and later.get(norm_label(s.title), i) > i}
        assert _contents_entries(bodies) == plain
        contents_lines += len(plain)
    assert contents_lines > 5, contents_lines


def test_a_synonym_inside_a_label_is_found_as_by_trying_every_one():
    """`Synonyms._contained` (only the synonyms filed under the label's words) against trying every
    distinctive synonym in order, on labels that hold synonyms whole, cut, glued to other words, and
    Chinese ones, for the section, field and column matchers of every type."""
    from checker.lexicon import matchers
    from checker.lexicon.synonyms import Synonyms
    from checker.text.normalize import norm_label

    vocab = shipped_vocabulary()
    sets: list[Synonyms] = [matchers.doc_control_synonyms(vocab), matchers.section_names(vocab), matchers.field_labels(vocab)]
    sets += [matchers.type_sections(vocab, t) for t in vocab.doc_types]
    sets.append(Synonyms({"a": ["plan b", "x y", "risk  log", "项目 A 计划"], "b": ["plan b extra", "total cost"]}))
    rnd = random.Random(61)
    contained = 0
    for syn in sets:
        names = [s for s, _, _ in syn._distinctive] or ["x"]
        labels = []
        for _ in range(400):
            name, other = rnd.choice(names), rnd.choice(names)
            cut = rnd.randrange(len(name) + 1)
            labels += [f"{rnd.choice(['the', 'x', '3.', '项目', ''])} {name} {rnd.choice(['of', 'plan', ''])}",
                       f"{other[:cut]}{name}", f"{name[cut:]} {other}", f"work {name}s", f"{name[:cut]} {name[cut:]}"]
        labels += _random_texts(list("abcdeprstu 项目计划风险xy"), 500, seed=61, longest=16)
        for label in labels:
            n = norm_label(label)
            if not n:
                continue
            plain = next(((s, key) for s, key, _ in syn._distinctive if s in n), None)
            found = syn._contained(n)
            assert ((found.synonym, found.key) if found is not None else None) == plain, (label, n)
            contained += plain is not None
    assert contained > 5000, contained


def test_a_section_s_prompt_texts_are_told_from_the_inventory_scan_as_from_each_text(tmp_path, monkeypatch):
    """`document_state` asks whether a section's text or cell is a prompt only of the texts the
    inventory's placeholder scan lets through (`placeholder_candidates`): on templates and filled
    documents whose sections hold prompts with blanks around them, full-width forms and Chinese
    prompts, the same state, slots and empty places as asking every text."""
    from checker.analysis import template_state
    from checker.analysis.context import Context
    from checker.io.readers.docx import read_docx
    from tests.support.word import WordWriter

    class Everything:
        def __contains__(self, text: object) -> bool:
            return True

    vocab = shipped_vocabulary()
    rnd = random.Random(23)
    pieces = ["[Insert name]", " TBD ", "\u3000TBD\u3000", "Ｔｏｄｏ", "ＴＢＤ", "N/A", "  ", "【填写】", " 请输入项目名称 ", "xxx",
              "To be confirmed", "Lorem ipsum", "ﬁxme", "The project delivers a new billing platform.", "项目背景说明如下。",
              "Sponsor: Finance director", "\tTBC", "<enter text here>", "-"]
    titles = ["Background", "Objectives", "Scope", "Risks", "Stakeholders", "Budget", "Milestones", "项目背景", "项目目标"]
    states = set()
    for n in range(10):
        w = WordWriter("en")
        w.title("Project Charter")
        for title in rnd.sample(titles, 6):
            w.heading(title, 1)
            for _ in range(rnd.randint(0, 2)):
                w.para(rnd.choice(pieces))
            if rnd.random() < 0.3:
                w.table(["Item", "Detail"], [[rnd.choice(pieces), rnd.choice(pieces)] for _ in range(2)])
        path = w.save(tmp_path / f"doc-{n}.docx")
        doc = read_docx(str(path), path.read_bytes(), "docx", vocab)
        got = template_state._state(Context(doc=doc, doc_type="CHARTER", language="en", today=None, vocab=vocab))
        with monkeypatch.context() as m:
            m.setattr(template_state, "placeholder_candidates", lambda vocab, sets: Everything())
            plain = template_state._state(Context(doc=doc, doc_type="CHARTER", language="en", today=None, vocab=vocab))
        assert got == plain
        states.add((got.state, 0 < got.empty < got.slots))
    assert states == {("template", True), ("filled", True)}  # both states, each with empty and filled places


def test_a_place_is_told_to_hold_no_lookahead_match_only_when_its_whole_text_holds_none(tmp_path, monkeypatch):
    """`places_matching` with `bounded_lookaheads`: a place is passed over when a bounded lookahead's
    pattern is found in none of its lines and runs, nor around a line feed between them (`_may_hold`):
    on plans whose paragraphs and folded titles split matches across line feeds ('v' / '2 …'), every
    answer of `_may_hold` is the search of the whole joined text, and the places found are the plain
    ones."""
    from checker.analysis import sections
    from checker.analysis.context import Context
    from checker.io.readers.docx import read_docx
    from checker.text.widening import bounded_lookaheads, survives_widening
    from tests.support.word import WordWriter

    vocab = shipped_vocabulary()
    rnd = random.Random(29)
    names = ["Baselines", "Scope Baseline v", "Schedule Baseline", "Cost Baseline", "Milestones", "Baselines rev"]
    words = ["scope", "v", "2", "v1.0", "version", "2026-01-12", "rev", "x", "approved", "1", "Jan", "12, 2026"]
    answers = []
    may_hold = sections._may_hold

    def checked(bodies, lines, x, k):
        got = may_hold(bodies, lines, x, k)
        whole = "\n".join(t for line in lines for t in ([sections.nfkc(line)] if isinstance(line, str)
                                                           else bodies.norms(*line)))
        assert got == bool(x.search(whole)), (x.pattern, whole)
        alone = any(x.search(sections.nfkc(line)) if isinstance(line, str) else x.search("\n".join(bodies.norms(*line)))
                    for line in lines)
        answers.append((got, alone))
        return got

    monkeypatch.setattr(sections, "_may_hold", checked)
    patterns = [r"(?s)\A(?=.*?(?:\bv\s?\d|version))(?=.*?\d{4}-\d{2})", r"(?s)\A(?=.*v)(?=.*?\d)",
                r"(?s)\A(?=.*?\bv\s?\n?\d)(?=.*?(?<=[A-Za-z]{3})\.?\s\d{1,2})", r"(?s)\A(?=.*?rev\s?v)(?=.*?\d)",
                r"(?s)\A(?=.*?\bv\s?x\s?\d)(?=.*?\d)"]  # 'v' / 'x' / '2': a match over three lines
    for n in range(6):
        w = WordWriter("en")
        for s in range(40):
            level = 1 if s % 6 == 0 else rnd.choice([2, 2, 3])
            w.heading(f"{rnd.choice(names)}" if rnd.random() < 0.5 else f"{rnd.choice(names)} {s}", level)
            for _ in range(rnd.choice([0, 1, 2, 3])):
                w.para(" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 4))))
            if rnd.random() < 0.2:
                for text in rnd.choice([("v", "x", "2"), ("a v", "x", "2 b"), ("v", "x")]):
                    w.para(text)
        path = w.save(tmp_path / f"plan-{n}.docx")
        doc = read_docx(str(path), path.read_bytes(), "docx", vocab)
        ctx = Context(doc=doc, doc_type="PMP", language="en", today=None, vocab=vocab)
        for hits in sections.section_index(ctx).values():
            for source in patterns:
                pattern = re.compile(source, re.I)
                parts = bounded_lookaheads(pattern)
                assert parts and survives_widening(pattern)
                for start in range(len(hits)):
                    places = hits[start:]
                    plain = [h for h in places if pattern.search(h.norm_text)]
                    assert list(sections.places_matching(pattern, places, True, parts)) == plain, source
    assert sum(got and not alone for got, alone in answers) > 20  # held only across a line feed
    assert sum(not got for got, _ in answers) > 100 and sum(got for got, _ in answers) > 100


def test_bounded_lookaheads_are_the_bounded_parts_compiled_alone():
    """`bounded_lookaheads`: each lookahead of the `\\A(?=.*?X)…` form whose match and reach are
    bounded, compiled alone with the pattern's flags, and a margin that covers them; none for other
    patterns, for unbounded parts, or for a part that refers to another's group."""
    from checker.text.widening import bounded_lookaheads

    def parts(source: str) -> list[tuple[str, int]]:
        return [(x.flags & re.I != 0, k) for x, k in bounded_lookaheads(re.compile(source, re.I))]

    assert parts(r"(?s)\A(?=.*?(?:\bv\s?\d|version))(?=.*?\d{4}-\d{2})") == [(True, 2 * (7 + 1) + 2), (True, 2 * 7 + 2)]
    assert parts(r"(?s)\A(?=.*?(?<=abc)d)(?=.*?x\s*y)") == [(True, 2 * (1 + 3) + 2)]  # x\s*y: no bound
    assert parts(r"(?s)\A(?=.*?(\d))(?=.*?\1)") == [(True, 2 * 1 + 2)]  # the backreference is left alone
    assert parts(r"\d|daily") == parts(r"(?s)\A(?=.*?(?!a)v)") == parts(r"\A(?=.*?v)") == []
    x = bounded_lookaheads(re.compile(r"(?s)\A(?=.*?(?:\bv\s?\d|version))(?=.*?\d{4}-\d{2})", re.I))[0][0]
    assert [bool(x.search(t)) for t in ("V 2", "the Version", "v\n3", "av2", "nothing")] == [True, True, True, False, False]


def test_a_text_joined_from_runs_and_titles_holds_a_bounded_match_as_may_hold_says(tmp_path):
    """`_may_hold` against searching the whole joined text, on random runs of a document's pieces and
    short titles between them (a match may take several short lines: 'v' / 'x' / '2')."""
    from checker.analysis import sections
    from checker.io.readers.docx import read_docx
    from checker.text.widening import bounded_lookaheads
    from tests.support.word import WordWriter

    vocab = shipped_vocabulary()
    rnd = random.Random(31)
    w = WordWriter("en")
    w.heading("Plan", 1)
    for _ in range(300):
        w.para(rnd.choice(["v", "x", "2", "a v", "2 b", "rev", "version 1", "Jan", "12, 2026", "scope", "x2"]))
    path = w.save(tmp_path / "plan.docx")
    bodies = sections._Bodies(read_docx(str(path), path.read_bytes(), "docx", vocab).outline)
    count = len(bodies.pieces)
    lookaheads = [part for source in (r"(?s)\A(?=.*?\bv\s?x\s?\d)", r"(?s)\A(?=.*?(?:\bv\s?\d|version))",
                                      r"(?s)\A(?=.*?(?<=[A-Za-z]{3})\.?\s\d{1,2})", r"(?s)\A(?=.*?rev\s?v)")
                 for part in bounded_lookaheads(re.compile(source, re.I))]
    found = across = 0
    for _ in range(3000):
        lines: list = []
        for _ in range(rnd.randint(1, 5)):
            if rnd.random() < 0.4:
                lines.append(rnd.choice(["v", "x", "2", "Ｖ", "rev", "x 2", "Scope"]))
            else:
                start = rnd.randrange(count)
                lines.append((start, min(count, start + rnd.randint(1, 4))))
        whole = "\n".join(t for line in lines for t in ([sections.nfkc(line)] if isinstance(line, str) else bodies.norms(*line)))
        for x, k in lookaheads:
            got = sections._may_hold(bodies, tuple(lines), x, k)
            assert got == bool(x.search(whole)), (x.pattern, whole)
            alone = any(x.search(sections.nfkc(line) if isinstance(line, str) else "\n".join(bodies.norms(*line)))
                        for line in lines)
            found += got
            across += got and not alone
    assert found > 1000 and across > 200


def test_a_heading_prefix_is_probed_only_at_a_cut_that_can_name_one():
    """`_heading_prefix` skips, in a label without Chinese, the cuts that cannot end a one-word prefix
    (inside a word, or before its fourth character) before probing them: the same match as probing
    every cut, on labels made of the type's own synonyms, words, blanks, colons and Chinese."""
    from checker.analysis import sections
    from checker.lexicon.matchers import type_sections
    from checker.lexicon.synonyms import STRONG, Match
    from checker.text.normalize import has_cjk, norm_label

    def plain(synonyms, label):
        n = norm_label(label)
        if not n or len(n) > 60:
            return None
        rank, best = synonyms.partial_rank, None
        for cut in range(max(1, len(n) - 20), len(n)):
            found = rank.get(n[:cut])
            if found is not None and (best is None or found[0] < best[0]) and (
                    (has_cjk(n[:cut]) and cut >= 2) or (cut >= 4 and not n[cut].isalnum())):
                best = (found[0], found[1], n[:cut])
        return Match(best[1], STRONG, best[2]) if best is not None else None

    vocab = shipped_vocabulary()
    rnd = random.Random(37)
    matched = 0
    for doc_type in ("PMP", "CHARTER", "STATUS", "CLOSURE"):
        synonyms = type_sections(vocab, doc_type)
        names = [n for n in synonyms.partial_rank if 2 <= len(n) <= 30][:300]
        pieces = names + ["plan", "of", "the", "—", ":", " ", "  ", "1", "进度", "执行情况", "x", "Phase 2", "（续）"]
        for i in range(3000):
            label = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 4)))
            if i % 2 and names:  # a name and more: 'Date of issue', 'Risks — part 2', '进度执行情况'
                label = rnd.choice(names) + rnd.choice([" ", ": ", " — ", "（", "", "s "]) + label
            got = sections._heading_prefix(synonyms, label)
            assert got == plain(synonyms, label), label
            matched += got is not None
        for name in names:  # each name as a heading's first words, as a longer word's start
            for label in (f"{name} of the plan", f"{name}: part 2", f"{name}s and more", f"{name}进度"):
                assert sections._heading_prefix(synonyms, label) == plain(synonyms, label), label
    assert matched > 1000
