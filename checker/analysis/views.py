"""Derived views of a document that several rules need, computed once per document.

Each function takes the rule context and memoises its answer there, so the doc-control block or the
approvals table is looked up once however many rules read it.
"""
from __future__ import annotations

import re

from checker.analysis.context import Context
from checker.io.tables import TableView, find_tables, looks_like_header_row
from checker.lexicon.matchers import block_columns, common_labels, doc_control_synonyms
from checker.lexicon.synonyms import Synonyms
from checker.model.elements import Field, Grid
from checker.text.dates import parse_date
from checker.text.money import parse_money
from checker.text.normalize import norm_label

# What joins two labels into one ('Version and Date', 'Author/Owner', '版本及日期').
_JOINED = re.compile(r"\s+(?:and|&)\s+|\s*[/&、]\s*|及|和|与", re.I)


def all_grids(ctx: Context) -> list[Grid]:
    return ctx.memo("grids", lambda: list(ctx.doc.grids()))


def doc_control(ctx: Context) -> dict[str, list[Field]]:
    """Doc-control fields by key (project_name, version, date, author, …), in document order."""

    def compute() -> dict[str, list[Field]]:
        syn = doc_control_synonyms(ctx.vocab)
        out: dict[str, list[Field]] = {}
        for field in ctx.doc.fields:
            if field.key is not None:  # recognised by its place (a cover line), not by a label
                out.setdefault(field.key, []).append(field)
                continue
            keys = _label_keys(syn, field.label)
            if "version" in keys and norm_label(field.label) in common_labels(ctx.vocab, "other_versions"):
                keys.remove("version")  # '产品版本': the product's version, not the document's
            if "version" in keys and _is_amount(field.value):
                keys.remove("version")  # 'CLION 6.0版本：3000元' prices a product version, it is no document version
            if "version" in keys and "date" not in keys and parse_date(field.value) is not None:
                keys.append("date")  # 'Version: 1.2, 16 Apr 2026' gives the date as well
            for key in keys:
                out.setdefault(key, []).append(field)
        return out

    return ctx.memo("doc_control", compute)


def _is_amount(value: str) -> bool:
    money = parse_money(value)
    return money is not None and money.currency is not None


def _label_keys(syn: Synonyms, label: str) -> list[str]:
    """The doc-control keys a label names: one, or each of a combined label's ('Version and Date',
    '版本及日期', 'Author/Owner')."""
    parts = [p for p in _JOINED.split(label) if p.strip()]
    if len(parts) >= 2:
        keys = [_label_key(syn, p) for p in parts]
        if all(keys) and len(set(keys)) >= 2:
            return list(dict.fromkeys(k for k in keys if k))
    key = _label_key(syn, label)
    return [key] if key else []


def _label_key(syn: Synonyms, label: str) -> str | None:
    m = syn.match(label, allow_partial=False)
    if m is None:
        m = syn.match(label)
        if m is None or not m.strong or (m.key == "project_name" and m.bare_cjk_head):
            return None
    return m.key


def first_value(ctx: Context, key: str) -> Field | None:
    """The first doc-control field of `key` that has a value, else the first one at all."""
    fields = doc_control(ctx).get(key) or []
    return next((f for f in fields if f.value.strip()), fields[0] if fields else None)


def revision_tables(ctx: Context) -> list[TableView]:
    """Tables under a header of revision columns (Version, Date, Author, Summary). A form row
    'Date: | 1 Nov 2024 | Version: | 1.0' names the same columns but is labels beside their
    values: a general-information block, not a revision history."""
    def compute() -> list[TableView]:
        tables = find_tables(all_grids(ctx), block_columns(ctx.vocab, "revision_history"), min_hits=2,
                             must_have=("version",), min_share=0.5)
        return [t for t in tables if not _labels_with_values(t.grid.rows[t.header_row]) and not _versioned_items(t)]

    return ctx.memo("revision_tables", compute)


_SEQUENCE_LABEL = re.compile(r"^(?:no\.?|#|s/?n|sr\.?|seq\.?|序号|编号|行号)$", re.I)


def _versioned_items(table: TableView) -> bool:
    """A table whose first column names things that have versions or approvals ('Baseline | Version
    | Date': scope, schedule and cost baselines; a list of documents or change requests) records
    those things, not this document's revisions or sign-off: its first column is none of the
    block's columns and no sequence number."""
    first = next((c for c in table.grid.rows[table.header_row] if not c.merged and c.text.strip()), None)
    return (first is not None and first.col not in table.columns.values()
            and not _SEQUENCE_LABEL.match(norm_label(first.text)))


def _labels_with_values(row) -> bool:
    """A row of 'Label:' cells each followed by its value (a form), rather than column names."""
    cells = [c for c in row if not c.merged and c.text.strip()]
    return any(c.text.strip().endswith((":", "：")) for c in cells) and any(
        parse_date(c.value if c.value is not None else c.text) is not None for c in cells)


def approval_tables(ctx: Context) -> list[TableView]:
    def compute() -> list[TableView]:
        tables = find_tables(all_grids(ctx), block_columns(ctx.vocab, "approvals"), min_hits=2,
                             must_have=("signature", "date"), min_share=0.5)
        revision = {id(t.grid) for t in revision_tables(ctx)}
        # An approvals block has a signature or a date column: a Name | Role table lists
        # stakeholders. A revision-history table also has Name/Date columns; it is not an
        # approvals block unless it carries a signature column.
        # A table of versioned things ('基准 | 版本 | 批准日期': baselines, each approved once) records
        # them, unless someone signs in it.
        return [t for t in tables if (id(t.grid) not in revision and not _versioned_items(t)) or "signature" in t.columns]

    return ctx.memo("approval_tables", compute)


def record_rows(ctx: Context) -> frozenset[tuple]:
    """Anchors of the cells in the data rows of Word tables of records: three or more columns under
    a first row of unmerged cells that names them ('No. | Deliverable | Due | Owner'). A label
    there is a record's value, not a form field's label."""
    def compute() -> frozenset[tuple]:
        out: set[tuple] = set()
        for block in ctx.doc.blocks:
            grid = block.grid
            if grid is None or grid.width < 3 or len(grid.rows) < 3 or not looks_like_header_row(grid.rows[0]):
                continue
            if any(c.merged for c in grid.rows[0]) or sum(1 for c in grid.rows[0] if c.text.strip()) < 3:
                continue  # a form's first row spans its labels over merged cells
            for row in grid.rows[1:]:
                out.update(c.location.anchor() for c in row)
        return frozenset(out)

    return ctx.memo("record_rows", compute)
