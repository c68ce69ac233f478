"""What a document shows of each document type: named features with a value in [0, 1] and where
each comes from, for the classifier to weigh (`checker.analysis.type_model`) and a person to read.

The features are the same for every type, so their weights are shared, and few (docs/classifier.md):
`title_name`/`title_terms` (the title names the type, exactly or by key terms: 范围计划 → scope),
`heading_name`/`heading_terms` (other title places: properties, the next lines, headings, page
headers; divided by the number of types they name, since a plan's headings name its components),
`filename_name`/`filename_terms` (a hint: files are misnamed), `sheet` (sheet names), `columns`,
`columns_cover`, `columns_main` (a header row with the type's register columns, scaled by the
table's share of the document: a register *is* the document, a table of risks in a plan is not),
`sections`/`sections_n` (required sections among headings and form labels, exactly, by a close
spelling or by a synonym's head noun), `mentions` (lines naming the type), `register_shape`/`document_shape` (rows of records
against prose and forms) and `workbook` (a workbook, for register types).
"""
from __future__ import annotations

import os
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Iterable

from rapidfuzz import fuzz, process

from checker.analysis.type_terms import term_hits, term_index
from checker.analysis.type_vocab import (
    TypeVocab,
    column_weights,
    contains,
    name_hits,
    name_hits_counts,
    name_table,
    section_candidates,
    type_vocabs,
)
from checker.lexicon.vocabulary import Vocabulary, derived
from checker.model.document import Document
from checker.model.elements import Block, Grid, row_text
from checker.text.normalize import has_cjk, nfkc, norm_label

FEATURES = ("title_name", "title_terms", "heading_name", "heading_terms", "filename_name", "filename_terms", "sheet",
            "columns", "columns_cover", "columns_main", "sections", "sections_n", "mentions",
            "register_shape", "document_shape", "workbook")

MAX_TITLE = 60  # a title is short; a long paragraph that mentions a type is not its title
MAX_TITLES = 16  # other title candidates looked at
MAX_HEADINGS = 10
COLUMN_EVIDENCE_FULL = 3.0  # summed column weights that count as complete register evidence
REGISTER_SHARE = 0.5  # a table this much of the document (or more) is its main content
MIN_COLUMN_EVIDENCE = 0.3  # below this, a header row that shares a column or two says nothing
SECTIONS_FULL = 8
MENTIONS_FULL = 3
MIN_RECORD_ROWS = 3  # a Word table with fewer rows under its header is a form or a list, not records
MIN_RECORD_COLUMNS = 3
TEXT_SAMPLE = 20000
FUZZY_SECTION_SCORE = 90  # rapidfuzz token_sort_ratio at which a label spells a section synonym
MAX_FUZZY_LABELS = 300  # characters of text searched for mentions


@dataclass(frozen=True)
class _Body:
    """What the evidence reads of a Word body's blocks, gathered in one pass over them (a plan's
    20,000 paragraphs were walked once for each: title lines, headings, tables, sizes)."""

    lines: tuple[Block, ...]  # the first blocks that are a table or hold text (title candidates)
    headings: tuple[Block, ...]
    grids: tuple[Grid, ...]  # the grids of body blocks, in order
    paragraphs: int  # blocks with text that are neither a table nor hold a grid
    rows: int  # rows of those grids


_TITLE_LINES = 5  # a table and the first paragraphs: `title_candidates` reads five paragraphs at most


def _body(doc: Document) -> _Body:
    lines: list[Block] = []
    texts = 0  # paragraphs among the lines
    headings: list[Block] = []
    grids: list[Grid] = []
    paragraphs = rows = 0
    for b in doc.blocks:
        kind, grid = b.kind, b.grid
        if kind == "heading":
            headings.append(b)
        if grid is not None:
            grids.append(grid)
            rows += len(grid.rows)
        if kind == "table":
            if texts < _TITLE_LINES:
                lines.append(b)
        elif b.text.strip():
            if grid is None:
                paragraphs += 1
            if texts < _TITLE_LINES:
                lines.append(b)
                texts += 1
    return _Body(tuple(lines), tuple(headings), tuple(grids), paragraphs, rows)


@dataclass(frozen=True)
class Evidence:
    """One feature of one type: its value and, for a person, what in the document gave it."""

    feature: str
    value: float
    source: str


def gather(doc: Document, vocab: Vocabulary) -> dict[str, dict[str, Evidence]]:
    """type -> feature -> evidence, for every type with any evidence (features of value 0 left out)."""
    types = type_vocabs(vocab)
    out: dict[str, dict[str, Evidence]] = {tv.name: {} for tv in types}

    def put(type_name: str, feature: str, value: float, source: str) -> None:
        old = out[type_name].get(feature)
        if value > 0 and (old is None or value > old.value):
            out[type_name][feature] = Evidence(feature, round(min(1.0, value), 3), source)

    body = _body(doc)
    units = _units(doc, body)
    _names(doc, body, vocab, put)
    _columns(doc, body, units, vocab, types, put)
    _sections(doc, body, vocab, types, put)
    _mentions(doc, vocab, put)
    _shape(doc, body, units, types, put)
    return {t: ev for t, ev in out.items() if ev}


def _names(doc: Document, body: _Body, vocab: Vocabulary, put) -> None:
    table, index = name_table(vocab), term_index(vocab)
    top, other = title_candidates(doc, body)
    for feature, texts in (("title", top), ("heading", other)):
        found: dict[tuple[str, str], tuple[float, str]] = {}
        for text in texts:
            for type_name in name_hits(text, table):
                found.setdefault((type_name, f"{feature}_name"), (1.0, f'{feature} "{text}" names {type_name}'))
            for type_name, hit in term_hits(text, index).items():
                if hit.score > found.get((type_name, f"{feature}_terms"), (0.0, ""))[0]:
                    found[(type_name, f"{feature}_terms")] = (
                        hit.score, f'{feature} "{text}" ~ {type_name} by key terms {", ".join(hit.terms)}')
        # Headings that name many types are a plan's components (scope, schedule, risk, ...), each
        # of them weak evidence; a title naming two types leaves the choice open.
        named = len({type_name for type_name, _ in found})
        for (type_name, name), (value, source) in found.items():
            put(type_name, name, value / max(1, named), source + (f" (one of {named} types named)" if named > 1 else ""))
    stem = os.path.splitext(os.path.basename(doc.path))[0].replace("_", " ")
    for type_name in name_hits(stem, table):
        put(type_name, "filename_name", 1.0, f'file name "{stem}" names {type_name}')
    for type_name, hit in term_hits(stem, index).items():
        put(type_name, "filename_terms", hit.score, f'file name "{stem}" ~ {type_name} by key terms {", ".join(hit.terms)}')
    sheets = [s for s in doc.sheets if not s.hidden]
    for tv in type_vocabs(vocab):
        for sheet in sheets:
            n = norm_label(sheet.name)
            if tv.sheet_names and any(contains(n, name) for name in tv.sheet_names):
                put(tv.name, "sheet", 1.0, f'sheet "{sheet.name}" is named like a {tv.name} sheet')
    for sheet in sheets:
        for type_name in name_hits(sheet.name, table):
            put(type_name, "sheet", 1.0, f'sheet "{sheet.name}" names {type_name}')
        for type_name, hit in term_hits(sheet.name, index).items():
            put(type_name, "sheet", hit.score, f'sheet "{sheet.name}" ~ {type_name} by key terms {", ".join(hit.terms)}')


def title_candidates(doc: Document, body: _Body) -> tuple[list[str], list[str]]:
    """Short texts where a document says what it is: its title (the first two lines of a Word
    body, or of the first table when it starts with one; the first cells above a sheet's header),
    and other places (properties, the next lines, headings, page headers, a 'document title' field).

    A `label: value` line counts by its label only ('会议主题：制定项目管理计划' is a meeting topic,
    not a plan's title).
    """
    top: list[str] = []
    other: list[str] = []
    lines = body.lines
    if lines and lines[0].grid is not None and lines[0].grid.rows:
        top.extend(c.text for c in lines[0].grid.rows[0] if c.text.strip() and not c.merged)
    paragraphs = [b.text for b in lines if b.kind != "table"]
    top.extend(paragraphs[:2])
    other.extend(paragraphs[2:5])
    for sheet in doc.sheets:
        if sheet.hidden or sheet.role == "lookup":
            continue
        above = sheet.header_row if sheet.header_row is not None else 3
        cells = [c.text for row in sheet.grid.rows[:min(above, 3)] for c in row if not c.merged and c.text.strip()]
        (top if not top else other).extend(cells[:2])
        other.extend(cells[2:])
    if doc.properties.title:
        other.append(doc.properties.title)
    other.extend(b.text for b in body.headings[:MAX_HEADINGS])
    other.extend(b.text for b in doc.headers if b.kind != "table" and b.text.strip())
    for block in doc.headers:
        if block.grid is not None:
            other.extend(c.text for row in block.grid.rows[:2] for c in row if not c.merged)
    for field in doc.fields:
        if norm_label(field.label) in ("document title", "文档名称", "文件名称", "报告名称", "表名"):
            other.append(field.value)
    top = list(dict.fromkeys(t for t in map(_title_text, top) if t))
    other = [t for t in dict.fromkeys(map(_title_text, other)) if t and t not in top]
    return top, other[:MAX_TITLES]


def _title_text(text: str) -> str:
    """The text as a title: its first line, the label of a `label: value` line, one-spaced; empty
    when too long to be a title."""
    line = next((ln for ln in text.splitlines() if ln.strip()), "")
    label, colon, value = nfkc(line).partition(":")
    if colon and len(label.strip()) >= 2 and value.strip():
        line = label
    line = " ".join(line.split())
    return line if len(line) <= MAX_TITLE else ""


@dataclass(frozen=True)
class _Table:
    where: str
    header: tuple[str, ...]
    rows: int  # rows under the header


def _tables(doc: Document, body: _Body) -> list[_Table]:
    """Each table's header row (a sheet's detected header; a Word table's first two rows) and size."""
    out: list[_Table] = []
    for i, grid in enumerate(body.grids):
        for r, row in enumerate(grid.rows[:2]):
            labels = tuple(c.text for c in row if not c.merged)
            if len(labels) >= 2:
                out.append(_Table(f"table {i + 1}", labels, len(grid.rows) - r - 1))
    for sheet in doc.sheets:
        if sheet.hidden or sheet.header_row is None:
            continue
        labels = tuple(sheet.header_labels.values())
        if len(labels) >= 2:
            out.append(_Table(f'sheet "{sheet.name}"', labels, len(sheet.grid.rows) - sheet.header_row - 1))
    return out


def _units(doc: Document, body: _Body) -> int:
    """The document's size in rows and paragraphs, to weigh a table against the rest."""
    paragraphs, rows = body.paragraphs, body.rows
    sheets = sum(len(s.grid.rows) for s in doc.sheets if not s.hidden and s.role != "lookup")
    if doc.is_workbook:
        paragraphs = 0  # a workbook's blocks are its form sheets' cells, already counted as rows
    return max(1, paragraphs + rows + sheets)


def _columns(doc: Document, body: _Body, units: int, vocab: Vocabulary, types: tuple[TypeVocab, ...], put) -> None:
    tables = list({t.header: t for t in _tables(doc, body)}.values())
    if not tables:
        return
    weights = column_weights(vocab)
    for tv in types:
        if not tv.column_keys:
            continue
        for table in tables:
            keys = {m.key for cell in table.header if (m := tv.columns.match(cell)) is not None and m.strong}
            evidence = min(1.0, sum(weights[(tv.name, k)] for k in keys) / COLUMN_EVIDENCE_FULL)
            if evidence < MIN_COLUMN_EVIDENCE:
                continue
            required = tv.required_columns or tv.column_keys
            cover = sum(weights[(tv.name, k)] for k in keys & required) / sum(weights[(tv.name, k)] for k in required)
            share = min(1.0, (table.rows + 1) / units)
            # A register is most of its document; a table of risks in a plan is one part of it.
            dominance = min(1.0, share / REGISTER_SHARE)
            what = (f"{len(keys & required)} of {len(required)} required {tv.name} columns "
                    f"({len(keys)} columns in all) in {table.where}, {share:.0%} of the document")
            put(tv.name, "columns", evidence * dominance, what)
            put(tv.name, "columns_cover", cover * dominance, what)
            put(tv.name, "columns_main", evidence * share, what)


def _labels(doc: Document, body: _Body) -> Iterable[str]:
    yield from (b.text for b in body.headings)
    yield from (f.label for f in doc.fields)
    # A form laid out as a table often uses first-column labels without a value to the right.
    # (Every grid, as `Document.grids` lists them: the body's, the page headers' and footers', the sheets'.)
    others = (b.grid for b in (*doc.headers, *doc.footers) if b.grid is not None)
    for grid in (*body.grids, *others, *(sheet.grid for sheet in doc.sheets)):
        yield from (text for text in (row_text(row, 0) for row in grid.rows if row) if len(text) <= 40)


def _sections(doc: Document, body: _Body, vocab: Vocabulary, types: tuple[TypeVocab, ...], put) -> None:
    candidates = section_candidates(vocab)
    labels = {norm_label(label) for label in _labels(doc, body) if label.strip()}
    labels_by_type: dict[str, set[str]] = {}
    for n in labels:
        for type_name in candidates(n):
            labels_by_type.setdefault(type_name, set()).add(n)
    close = _close_sections(doc, body, vocab)
    for tv in types:
        matched = {m.key for label in labels_by_type.get(tv.name, ())
                   if (m := tv.sections.match(label)) is not None and m.strong}
        fuzzy = close.get(tv.name, set()) - matched
        required = tv.required_sections or tv.section_keys
        found = (matched | fuzzy) & required
        if len(found) < 2:
            continue
        what = f"{len(found)}/{len(required)} {tv.name} sections by heading or label"
        if fuzzy & required:
            what += f" ({len(fuzzy & required)} by a close spelling or head noun)"
        put(tv.name, "sections", len(found) / len(required), what)
        put(tv.name, "sections_n", len(found) / SECTIONS_FULL, what)


@derived
def _section_synonyms(vocab: Vocabulary) -> tuple[list[str], list[tuple[str, str]], list[int]]:
    """Every type's section synonyms (normalised) by length, each one's (type, section key), and
    the lengths (for `bisect`)."""
    entries = sorted({(len(syn), syn, tv.name, key) for tv in type_vocabs(vocab) for syn, key, _ in tv.sections._partial})
    return [syn for _, syn, _, _ in entries], [(t, key) for _, _, t, key in entries], [n for n, _, _, _ in entries]


@derived
def _sorted_synonyms(vocab: Vocabulary) -> list[str]:
    """Each section synonym of `_section_synonyms` with its words sorted, as rapidfuzz's token_sort_ratio
    compares it (sorted once, not at every comparison)."""
    return [" ".join(sorted(syn.split())) for syn in _section_synonyms(vocab)[0]]


@derived
def _section_synonym_set(vocab: Vocabulary) -> frozenset[str]:
    return frozenset(_section_synonyms(vocab)[0])


@derived
def _section_tails(vocab: Vocabulary) -> dict[str, frozenset[tuple[str, str]]]:
    """The head nouns of section synonyms, which a heading often uses alone: 'Requirements' for
    High-level Requirements, 'Project Manager' for Assigned Project Manager, 进度计划 for 总体进度计划
    (English: the last words; Chinese: the last three characters or more)."""
    out: dict[str, set[tuple[str, str]]] = {}
    for tv in type_vocabs(vocab):
        for syn, key, _ in tv.sections._partial:
            if has_cjk(syn):
                tails = [syn[i:] for i in range(1, len(syn) - 2)]
            else:
                words = syn.split()
                tails = [" ".join(words[i:]) for i in range(1, len(words)) if len(" ".join(words[i:])) >= 4]
            for tail in tails:
                out.setdefault(tail, set()).add((tv.name, key))
    return {tail: frozenset(keys) for tail, keys in out.items()}


def _close_sections(doc: Document, body: _Body, vocab: Vocabulary) -> dict[str, set[str]]:
    """type -> section keys whose synonym a heading or form label spells closely ('Objective' for
    Objectives, 'Lessons Learnt' for Lessons Learned; by rapidfuzz) or names by its head noun. Only synonyms of a length that
    can reach the score are compared: a ratio of s needs lengths within s / (2 - s) of each other."""
    labels = list(dict.fromkeys(n for text in (*(b.text for b in body.headings), *(f.label for f in doc.fields))
                                if 3 <= len(n := norm_label(text)) <= MAX_TITLE))[:MAX_FUZZY_LABELS]
    if not labels:
        return {}
    _, keys, lengths = _section_synonyms(vocab)
    synonyms = _sorted_synonyms(vocab)
    exact = _section_synonym_set(vocab)
    tails = _section_tails(vocab)
    out: dict[str, set[str]] = {}
    for label in labels:
        if label in exact:
            continue  # spelled exactly: `_sections` has it
        for type_name, key in tails.get(label, ()):
            out.setdefault(type_name, set()).add(key)
        for j in close_synonyms(label, synonyms, lengths):
            type_name, key = keys[j]
            out.setdefault(type_name, set()).add(key)
    return out


def close_synonyms(label: str, sorted_synonyms: list[str], lengths: list[int]) -> list[int]:
    """Indexes of the synonyms (words sorted: `_sorted_synonyms`, ordered by `lengths`) that `label`
    spells closely by rapidfuzz's token_sort_ratio, which is `ratio` of the two texts' sorted words."""
    spread = FUZZY_SECTION_SCORE / (200 - FUZZY_SECTION_SCORE)
    query = " ".join(sorted(label.split()))
    size = len(query)  # as token_sort_ratio compares it
    lo, hi = bisect_left(lengths, size * spread), bisect_right(lengths, size / spread)
    return [lo + j for _, _, j in process.extract(query, sorted_synonyms[lo:hi], scorer=fuzz.ratio, processor=None,
                                                  score_cutoff=FUZZY_SECTION_SCORE, limit=None)]


def _mentions(doc: Document, vocab: Vocabulary, put) -> None:
    body = nfkc(doc.all_text(limit=TEXT_SAMPLE)[:TEXT_SAMPLE])
    for type_name, count in name_hits_counts(body, name_table(vocab)).items():
        put(type_name, "mentions", count / MENTIONS_FULL, f"{count} lines of the text name {type_name}")


def _record_rows(doc: Document, body: _Body) -> int:
    """Rows of data under a header: register sheets, and Word tables with a header row of several
    columns over several rows (a two-column table is a form: labels and their values)."""
    rows = sum(len(s.grid.rows) - s.header_row - 1 for s in doc.sheets
               if not s.hidden and s.role == "register" and s.header_row is not None)
    for grid in body.grids:
        if len(grid.rows) <= MIN_RECORD_ROWS:
            continue
        header = [c for c in grid.rows[0] if not c.merged and c.text.strip()]
        if len(header) >= MIN_RECORD_COLUMNS and all(len(c.text) <= 40 for c in header):
            rows += len(grid.rows) - 1
    return rows


def _shape(doc: Document, body: _Body, units: int, types: tuple[TypeVocab, ...], put) -> None:
    tabular = min(1.0, _record_rows(doc, body) / units)
    what = f"{tabular:.0%} of the document is rows of records"
    for tv in types:
        half = 0.5 if tv.form == "either" else 1.0
        if tv.form != "document":
            put(tv.name, "register_shape", half * tabular, what)
            if doc.is_workbook:
                put(tv.name, "workbook", half, f"a workbook, and {tv.name} is kept as a register")
        if tv.form != "register":
            put(tv.name, "document_shape", half * (1 - tabular), what)
