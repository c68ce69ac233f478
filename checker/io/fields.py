"""Key/value fields: forms laid out as tables, and `Label: value` / `标签：值` lines.

Readers call these on whatever they found (body, page header, footer, form-like worksheet), so a
field looks the same whether it came from a Word table, a header or a cell range in Excel.
"""
from __future__ import annotations

import re
from typing import Iterable

from checker.core.location import Location
from checker.lexicon.matchers import field_labels, is_column_name, section_names
from checker.lexicon.vocabulary import Vocabulary
from checker.model.elements import Block, Field, Grid
from checker.text.normalize import has_cjk, label_unit, nfkc, norm_label

_LINE = re.compile(r"^\s*(?P<label>[^:：\n]{1,40}?)\s*[:：]\s*(?P<value>.*)$")
# What sets apart several pairs written on one line: a run of spaces or a tab, or one space before
# a Chinese label and its colon ('签发人：CIO 签发时间：2021年9月').
_GAP = re.compile(r"(?:[ \u3000]{2,}|\t)+|[ \u3000](?=[\u4e00-\u9fff]{2,12}[:：])")
_MAX_LABEL = 40
_NOT_WORDS = re.compile(r"[\d\s.,，/\-年月日%$¥￥]+")  # a number or a date, no label
_MAX_VALUE_LINES = 12  # lines under a label line that are its value (a list of names)
_MAX_VALUE_PARAGRAPH = 200  # a paragraph under a label is its value only when it is short
_MAX_NAMED_VALUE = 120
# A title line that names its project after the label: '<document> for project: <name>'.
_FOR_PROJECT = re.compile(r"\S\s+(?:for|of)\s+(?:the\s+)?project$", re.I)
_LIST_ITEM = re.compile(r"^\s*(?:[（(]?\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[、.．)）]|[-•·*▪●○◆■□])")
# A figure: a number with at most a currency or unit around it ('72,200', 'USD 1,050,000', '72200元').
_FIGURE = re.compile(r"[^\d\n]{0,4}\d[\d\s.,，]*[^\d\n]{0,4}")
_OUTLINE_CODE = re.compile(r"^\s*\d+(?:\.\d+)+\.?\s+\S")  # '1.2.6 Task': an item of a numbered hierarchy
_CONTENTS_ENTRY = re.compile(r"\t\s*\d+\s*$")  # 'Project Name<TAB>5': a line of the contents, not a field
_MAX_LABEL_ROW = 4  # a cover form's row of labels; more is the header of a table of records
_FOOTER_ROWS = 6  # the rows at the bottom of a register sheet that may be its footer
_IDENTIFYING_KEYS = frozenset({f"doc_control_fields.{k}" for k in ("project_name", "project_id", "doc_title", "doc_id", "version", "date")}
                              | {f"project_facts.{k}" for k in ("id", "name", "budget", "start", "end")})
_SIGNOFF_KEYS = frozenset({"doc_control_fields.approver", "doc_control_fields.reviewer"})


def _looks_like_label(text: str) -> bool:
    t = text.strip()
    if not t or len(t) > _MAX_LABEL:
        return False
    # A label is words, not a number, a date or a sentence.
    if _NOT_WORDS.fullmatch(t):
        return False
    return not t.endswith(("。", ".", "；", ";")) or t.endswith(("No.", "No"))


def _label_hits(vocab: Vocabulary, cells: list) -> int:
    return sum(1 for c in cells if c.text.strip() and len(c.text) <= 40 and is_column_name(vocab, c.text))


def record_header_row(vocab: Vocabulary, grid: Grid) -> int | None:
    """The header row of a table of records (revision history, approvals, a register), if it is one.

    Such a row has three or more cells, more than half of them (and at least two) known column
    names, and the row under it is data, not more labels. Forms (label, value, label, value) are
    half values, so they never look like that.
    """
    for r, row in enumerate(grid.rows[:3]):
        cells = [c for c in row if not c.merged and c.text.strip()]
        hits = _label_hits(vocab, cells) if len(cells) >= 3 else 0
        # Mostly column names: a form row (label, value, label, value) is half values.
        if hits < 2 or hits * 2 <= len(cells):
            continue
        below = [c for c in grid.rows[r + 1] if not c.merged] if r + 1 < len(grid.rows) else []
        if _label_hits(vocab, below) < 2:
            return r
    return None


def _column_unit(grid: Grid, row: int, col: int) -> str | None:
    """The unit a table's first row declares for a column ('Amount (USD)', '金额（万元）')."""
    if row == 0:
        return None
    top = grid.cell(0, col)
    return label_unit(top.text) if top is not None else None


def _is_prompt_label(text: str) -> bool:
    t = text.strip()
    return _looks_like_label(t) and t.endswith((":", "："))


def fields_from_grid(vocab: Vocabulary, grid: Grid, source: str = "table") -> list[Field]:
    """Label/value pairs from a form table.

    Each non-blank label-looking cell pairs with the next distinct cell to its right (merged copies
    skipped). A label alone on its row pairs with the cell below it, which covers forms that put
    the value under the label. The rows of a table of records (header row plus data) are not fields.
    """
    out: list[Field] = []
    header = record_header_row(vocab, grid)
    rows = grid.rows if header is None else grid.rows[:header]
    above = _labels_above_values(vocab, rows, source)
    for r, row in enumerate(rows):
        if r in above or r - 1 in above:
            out.extend(above.get(r, []))
            continue
        cells = [c for c in row if not c.merged]
        # '1.1.6 Gain design approval | 1.2.6 Gain prototype sign-off': boxes of a WBS drawn in cells,
        # items of one numbered hierarchy side by side, neither a label nor a value.
        outline = sum(1 for c in cells if _OUTLINE_CODE.match(c.text)) >= 2
        i = 0
        while i < len(cells):
            label = cells[i]
            if not _looks_like_label(label.text) or is_self_contained(label.text) or (
                    outline and _OUTLINE_CODE.match(label.text)):
                i += 1
                continue
            if i + 1 >= len(cells) and len(cells) > 1 and _is_label_value(vocab, label.text):
                # A blank form's last label on its row ('Project Name | Date Prepared'): empty.
                out.append(Field(label.text.strip(), "", label.location, label.location, source))  # type: ignore[arg-type]
                i += 1
                continue
            boxed = _box_beside(grid, label)
            if boxed is not None:
                # '项目经理' merged over four rows beside 'Name | Department | Authority' and their
                # values two rows down: the small table is the label's value.
                out.append(Field(label.text.strip(), boxed[0], boxed[1], label.location, source))  # type: ignore[arg-type]
                i += 1
                continue
            if i + 1 < len(cells):
                at = _figure_further_right(cells, i + 1)
                value = cells[at]
                if _is_prompt_label(value.text) or _is_label_value(vocab, value.text) or _is_field_line(vocab, value.text):
                    # 'Project Name: | Prepared on:' - the next cell is another label, so this
                    # label's value is missing; the label's own cell is where it belongs.
                    out.append(Field(label.text.strip(), "", label.location, label.location, source))  # type: ignore[arg-type]
                    i += 1
                    continue
                out.append(Field(label.text.strip(), value.text.strip(), value.location, label.location, source,  # type: ignore[arg-type]
                                 unit=_column_unit(grid, r, value.col)))
                i = at + 1
                continue
            below = grid.cell(r + 1, label.col)
            if (below is not None and not below.merged and len(cells) == 1
                    and not is_self_contained(below.text) and not _is_prompt_label(below.text)):
                out.append(Field(label.text.strip(), below.text.strip(), below.location, label.location, source))  # type: ignore[arg-type]
            elif _is_prompt_label(label.text):
                # 'Project Name:' with the next label under it: an empty field, in its place.
                out.append(Field(label.text.strip(), "", label.location, label.location, source))  # type: ignore[arg-type]
            i += 1
    # Cells that hold whole 'Label: value' lines (a cell that is only 'Label:' and was paired above
    # is not read again).
    paired = {f.label_location.anchor() for f in out if f.label_location is not None}
    for row in rows:
        for cell in row:
            if (not cell.merged and ("：" in cell.text or ":" in cell.text)
                    and not (_is_prompt_label(cell.text) and cell.location.anchor() in paired)):
                out.extend(fields_from_lines(cell.text, cell.location, source))
    return out


def _labels_above_values(vocab: Vocabulary, rows: list, source: str) -> dict[int, list[Field]]:
    """Rows of field labels over a row of their values ('文档编号 | 产品版本 | 密级' above '| V2.2 |'),
    as a cover form lays them out: each label pairs with the cell under it, by row number. Such a
    row is two to four labels (no colon, no number or date: 'Label: | value' forms put values beside
    their labels), two of them side by side naming fields, and the row under it names no field or
    section."""
    out: dict[int, list[Field]] = {}
    for r in range(len(rows) - 1):
        if r - 1 in out:
            continue
        cells = [c for c in rows[r] if not c.merged and c.text.strip()]
        if len(cells) > _MAX_LABEL_ROW or not all(_looks_like_label(c.text) and "\n" not in c.text.strip() and not c.text.strip().endswith((":", "："))
                   for c in cells):
            continue
        named = [field_labels(vocab).match(c.text) is not None for c in cells]
        labels = [c for c, n in zip(cells, named) if n]
        below = {c.col: c for c in rows[r + 1] if not c.merged}
        # Two labels side by side: 'Label | value | Label | value' alternates, it is no row of labels.
        if (not any(a and b for a, b in zip(named, named[1:])) or not any(c.text.strip() for c in below.values())
                or any(field_labels(vocab).match(c.text) is not None or _names_section(vocab, c.text)
                       for c in below.values() if c.text.strip())):
            continue
        out[r] = [Field(c.text.strip(), below[c.col].text.strip(), below[c.col].location, c.location, source)  # type: ignore[arg-type]
                  for c in labels if c.col in below]
    return out


def _names_section(vocab: Vocabulary, text: str) -> bool:
    hit = section_names(vocab).match(text) if len(text.strip()) <= _MAX_LABEL else None
    return hit is not None and hit.strong


def _box_beside(grid: Grid, label) -> tuple[str, Location] | None:
    """A label merged over several rows beside a small table of its own: column names on the label's
    first row, their values on a later row of its span ('Project Manager' | 'Name | Department |
    Authority', the values two rows down). The value as 'name: value' lines, and where it starts.
    Not when the label's rows hold more than that (a page-header table beside a logo cell, whose
    later rows carry other fields)."""
    span = 1
    while (below := grid.cell(label.row + span, label.col)) is not None and below.merged and below.text == label.text:
        span += 1
    if span < 2:
        return None
    heads = {c.col: c.text.strip() for c in grid.rows[label.row] if c.col > label.col and not c.merged and c.text.strip()}
    if len(heads) < 2 or not all(_looks_like_label(h) and not _FIGURE.fullmatch(h) for h in heads.values()):
        return None
    found: tuple[str, Location] | None = None
    for r in range(label.row + 1, label.row + span):
        values = [c for c in grid.rows[r] if c.col > label.col and not c.merged and c.text.strip()]
        if not values:
            continue
        if found is not None or not {c.col for c in values} <= heads.keys():
            return None  # more beside the label than one row of values under its column names
        found = "\n".join(f"{heads[c.col]}：{c.text.strip()}" for c in values), values[0].location
    return found


def _figure_further_right(cells: list, start: int) -> int:
    """Where the value of a label is (`start`: the cell next to it). When that cell is blank and the
    row's first filled cell further right is a figure, that cell: a total row of a table ('Total |
    (blank rate) | 72,200'), the amount in its own column. Not a label, a date or a coded item."""
    if cells[start].text.strip():
        return start
    for at in range(start + 1, len(cells)):
        t = cells[at].text.strip()
        if not t:
            continue
        return at if _FIGURE.fullmatch(t) else start
    return start


def footer_fields(vocab: Vocabulary, grid: Grid, start: int, source: str = "sheet") -> list[Field]:
    """Doc-control `Label: value` cells in the last rows of a register sheet, under its records
    ('Version: 01 | Date: 01 Apr 2024' in a footer row): only cells whose every label is a known
    field label, so a record's 'Note: …' cell is not read as a field."""
    out: list[Field] = []
    for r in range(max(start, len(grid.rows) - _FOOTER_ROWS), len(grid.rows)):
        for cell in grid.rows[r]:
            if cell.merged or not isinstance(cell.value, str) or not (":" in cell.text or "：" in cell.text):
                continue
            found = fields_from_lines(cell.text, cell.location, source)
            if found and all(field_labels(vocab).match(f.label, allow_partial=False) is not None for f in found):
                out.extend(found)
    return out


def fields_from_lines(text: str, location: Location, source: str = "line") -> list[Field]:
    """`Label: value` pairs in `text`, however a form writes them on its lines.

    One pair a line; several pairs on one line, set apart by runs of spaces or tabs ('变更：通过
    签字：… 日期：…', 'Version: 1.0    Date: 2026-03-05'); and a label alone on its line with the
    value on the lines under it ('Prepared by:' then one name a line), up to the next label line.
    """
    out: list[Field] = []
    lines = nfkc(text).splitlines()
    i = 0
    while i < len(lines):
        pairs = _pairs_of_line(lines[i])
        i += 1
        if not pairs:
            continue
        label, value, line = pairs[-1]
        if not value:
            # The value under the label: the following lines that are not labels themselves.
            under: list[str] = []
            while i < len(lines) and len(under) < _MAX_VALUE_LINES and not _pairs_of_line(lines[i]):
                if lines[i].strip():
                    under.append(lines[i].strip())
                i += 1
            pairs[-1] = (label, "\n".join(under), "\n".join([line, *under]) if under else line)
        for label, value, line in pairs:
            key = "project_name" if _FOR_PROJECT.search(label) else None  # 'Quality plan for project: Apollo'
            out.append(Field(label, value, location.with_text(line), location, source, key=key))  # type: ignore[arg-type]
    return out


def pair_texts(text: str) -> list[str]:
    """The `Label: value` pairs of `text` as written, one a line or several on a line ('变更：通过',
    '责任人签字：…'): in a form cell or paragraph of such lines each pair is about its own label,
    as a paragraph is about its first words."""
    return [segment for line in nfkc(text).splitlines() for _, _, segment in _pairs_of_line(line)]


def _pairs_of_line(line: str) -> list[tuple[str, str, str]]:
    """The (label, value, text) pairs of one line: one, or several set apart by runs of spaces."""
    m = _LINE.match(line)
    if not m or not _is_line_label(m.group("label").strip()):
        return []
    segments: list[str] = []
    pieces, gaps = _split_at_gaps(line.strip())
    for n, piece in enumerate(pieces):
        # A piece starts a new pair only when the text so far is a whole pair and the piece opens
        # with a label of its own ('学    院：' keeps its spaced-out label in one piece).
        if not segments:
            segments.append(piece)
            continue
        head = _LINE.match(piece)
        if head and ("：" in segments[-1] or ":" in segments[-1]) and _is_line_label(head.group("label").strip()):
            segments.append(piece)
        else:
            segments[-1] += gaps[n - 1] + piece
    out: list[tuple[str, str, str]] = []
    for segment in segments:
        m = _LINE.match(segment)
        if m:
            out.append((m.group("label").strip(), m.group("value").strip(), segment.strip()))
    return out


def _split_at_gaps(text: str) -> tuple[list[str], list[str]]:
    """(`_GAP.split(text)`, `_GAP.findall(text)`); an ASCII text without a tab or two spaces in a
    row has no gap (the other gaps need an ideographic space or Chinese), as most lines: told
    without running the pattern twice."""
    if text.isascii() and "\t" not in text and "  " not in text:
        return [text], []
    return _GAP.split(text), _GAP.findall(text)


def _is_line_label(label: str) -> bool:
    # A Chinese label has no comma: '经评审，会议一致认为：…' is a sentence that runs on past its colon.
    return _looks_like_label(label) and "http" not in label.lower() and not (has_cjk(label) and "," in nfkc(label))


def is_self_contained(text: str) -> bool:
    """A cell that is a field by itself, neither the label of the cell beside it nor that cell's
    value: a label on its first line and the value on the next ('Date:' / '8/2/16'), or any whole
    `Label: value` line ('变更编号：CR-03', a form's first cell of 'CR ID: 7' / 'Decision: Approved')."""
    lines = [line for line in nfkc(text).splitlines() if line.strip()]
    m = _LINE.match(lines[0]) if lines else None
    if len(lines) >= 2 and m and not m.group("value").strip() and _is_line_label(m.group("label").strip()):
        return True
    return any(value for line in lines for _, value, _ in _pairs_of_line(line))


def fields_from_blocks(vocab: Vocabulary, blocks: Iterable[Block], source: str | None = None) -> list[Field]:
    """Fields of tables, `Label: value` lines, and label paragraphs whose value is the paragraph(s)
    after them: 'Prepared by:' then one name a paragraph, or a known label alone on its line
    ('Project Name', then the name) as unstyled exports and title blocks write them."""
    out: list[Field] = []
    blocks = list(blocks)
    for n in _may_hold_fields(blocks):
        block = blocks[n]
        src = source or ("line" if block.source in ("body", "textbox") else block.source)
        if block.kind == "table" and block.grid is not None:
            out.extend(fields_from_grid(vocab, block.grid, "table" if src == "line" else src))
            continue
        found = fields_from_lines(block.text, block.location, src) if ("：" in block.text or ":" in block.text) else []
        if found and not found[-1].value and _is_prompt_label(block.text.splitlines()[-1] if block.text.strip() else ""):
            below = _paragraphs_below(vocab, blocks, n + 1, _MAX_VALUE_LINES)
            if below:
                last = found[-1]
                found[-1] = Field(last.label, "\n".join(b.text.strip() for b in below), below[0].location,  # type: ignore[arg-type]
                                  block.location, src)
        elif (not found and "\t" in block.text.strip() and not _CONTENTS_ENTRY.search(block.text)
              and _is_label_line(vocab, block.text.split("\t")[0], any_label=True)):
            # 'Prepared by<TAB>name': a label and its value set apart by a tab stop.
            label, _, value = block.text.strip().partition("\t")
            found = [Field(label.strip(), value.strip(), block.location, block.location, src)]  # type: ignore[arg-type]
        elif not found and block.text[:1] not in (" ", "\t", "\u3000") and _is_label_line(vocab, block.text):
            # (an indented line is a caption under a signature line, not a label)
            below = _paragraphs_below(vocab, blocks, n + 1, 1, headings=True)
            value = below[0].text.strip() if below else ""
            if value and len(value) <= _MAX_NAMED_VALUE and not _LIST_ITEM.match(value) and value[-1] not in "。；;.":
                # (a numbered line or a sentence under it makes the label a section's heading)
                found = [Field(block.text.strip(), below[0].text.strip(), below[0].location, block.location, src)]  # type: ignore[arg-type]
        out.extend(found)
    return out


def _may_hold_fields(blocks: list[Block]) -> list[int]:
    """The positions of the blocks `fields_from_blocks` may find a field in: tables, and paragraphs
    but those told cheaply to hold none: no colon (no `Label: value` line), no tab (no label set apart
    by a tab) and too long to be a label alone (most paragraphs; one comprehension for all of them)."""
    most = _MAX_LABEL
    return [n for n, b in enumerate(blocks) if b.kind == "table" or len(t := b.text) <= most or ":" in t
            or "：" in t or "\t" in t or len(t.strip()) <= most]


def _paragraphs_below(vocab: Vocabulary, blocks: list[Block], start: int, limit: int, headings: bool = False) -> list[Block]:
    """The paragraphs right after a label paragraph that are its value: up to the next heading,
    table, label or long paragraph."""
    out: list[Block] = []
    for block in blocks[start:start + limit]:
        text = block.text.strip()
        if (block.kind == "table" or not text or (block.kind == "heading" and not headings)
                or len(text) > _MAX_VALUE_PARAGRAPH or _pairs_of_line(text.splitlines()[0])
                or _is_prompt_label(text) or _is_label_line(vocab, text.split("\t")[0], any_label=True)):
            break
        out.append(block)
    return out


def _is_label_value(vocab: Vocabulary, text: str) -> bool:
    """A cell beside a label that is itself the label of an identifying field ('Project Name |
    Date Prepared' in a blank form): the next label, not the value. A role ('Document Owner |
    Project Manager') is a value."""
    t = text.strip()
    if not t or len(t) > _MAX_LABEL or "\n" in t:
        return False
    m = field_labels(vocab).match(t, allow_partial=False)
    return m is not None and m.key in _IDENTIFYING_KEYS


def _is_field_line(vocab: Vocabulary, text: str) -> bool:
    """A cell beside a label that is a whole field of its own ('Project Name | Week Ending: 10'):
    its first line is a known label, a colon and a value."""
    lines = text.strip().splitlines()
    pairs = _pairs_of_line(lines[0]) if lines else []
    return bool(pairs) and field_labels(vocab).match(pairs[0][0], allow_partial=False) is not None


def _is_label_line(vocab: Vocabulary, text: str, any_label: bool = False) -> bool:
    """A paragraph that is only a field label, no colon: a distinctive one ('Project Name', '编制日期')
    that identifies the document, not a sign-off label (under 'Approved by' comes a signature line
    and a role caption, not the approver); with `any_label`, any label of a field."""
    t = text.strip()
    if not t or len(t) > _MAX_LABEL or "\n" in t:
        return False
    m = field_labels(vocab).match(t, allow_partial=False)
    if m is None:
        return False
    if any_label:
        return True
    n = norm_label(t)
    return m.key not in _SIGNOFF_KEYS and (len(n.split()) >= 2 or (has_cjk(n) and len(n) >= 3))
