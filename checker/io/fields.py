"""Key/value fields: forms laid out as tables, and `Label: value` / `标签：值` lines.

Readers call these on whatever they found (body, page header, footer, form-like worksheet), so a
field looks the same whether it came from a Word table, a header or a cell range in Excel.
"""
from __future__ import annotations

import re
from typing import Iterable

from checker.core.location import Location
from checker.lexicon.matchers import is_column_name
from checker.lexicon.vocabulary import Vocabulary
from checker.model.elements import Block, Field, Grid
from checker.text.normalize import label_unit, nfkc

_LINE = re.compile(r"^\s*(?P<label>[^:：\n]{1,40}?)\s*[:：]\s*(?P<value>.*)$")
_MAX_LABEL = 40


def _looks_like_label(text: str) -> bool:
    t = text.strip()
    if not t or len(t) > _MAX_LABEL:
        return False
    # A label is words, not a number, a date or a sentence.
    if re.fullmatch(r"[\d\s.,，/\-年月日%$¥￥]+", t):
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
    for r, row in enumerate(rows):
        cells = [c for c in row if not c.merged]
        i = 0
        while i < len(cells):
            label = cells[i]
            if not _looks_like_label(label.text):
                i += 1
                continue
            if i + 1 < len(cells):
                value = cells[i + 1]
                if _is_prompt_label(value.text):
                    # 'Project Name: | Prepared on:' - the next cell is another label, so this
                    # label's value is missing; the label's own cell is where it belongs.
                    out.append(Field(label.text.strip(), "", label.location, label.location, source))  # type: ignore[arg-type]
                    i += 1
                    continue
                out.append(Field(label.text.strip(), value.text.strip(), value.location, label.location, source,  # type: ignore[arg-type]
                                 unit=_column_unit(grid, r, value.col)))
                i += 2
                continue
            below = grid.cell(r + 1, label.col)
            if below is not None and not below.merged and len(cells) == 1:
                out.append(Field(label.text.strip(), below.text.strip(), below.location, label.location, source))  # type: ignore[arg-type]
            i += 1
    # Cells that hold a whole 'Label: value' line.
    for row in rows:
        for cell in row:
            if not cell.merged and ("：" in cell.text or ":" in cell.text):
                out.extend(fields_from_lines(cell.text, cell.location, source))
    return out


def fields_from_lines(text: str, location: Location, source: str = "line") -> list[Field]:
    """`Label: value` pairs, one per line of `text`."""
    out: list[Field] = []
    for line in nfkc(text).splitlines():
        m = _LINE.match(line)
        if not m:
            continue
        label = m.group("label").strip()
        if not _looks_like_label(label) or "http" in label.lower():
            continue
        out.append(Field(label, m.group("value").strip(), location.with_text(line), location, source))  # type: ignore[arg-type]
    return out


def fields_from_blocks(vocab: Vocabulary, blocks: Iterable[Block], source: str | None = None) -> list[Field]:
    out: list[Field] = []
    for block in blocks:
        src = source or ("line" if block.source in ("body", "textbox") else block.source)
        if block.kind == "table" and block.grid is not None:
            out.extend(fields_from_grid(vocab, block.grid, "table" if src == "line" else src))
        elif "：" in block.text or ":" in block.text:
            out.extend(fields_from_lines(block.text, block.location, src))
    return out
