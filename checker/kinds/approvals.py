"""Kind `approvals`: the document carries a named, dated, signed approval.

Approval blocks come as tables (Name | Role | Signature | Date) or as sign-off fields
(`批准人签字：…  日期：…`). An approver row counts when it names a person (not only a role), gives a
role when the table has a role column, a readable date, and a signature marker when the table has
a signature column. Rows left half-filled are reported where the missing value belongs.
"""
from __future__ import annotations

from typing import Any, Iterable

from checker.analysis.context import Context
from checker.analysis.signoff import missing_parts, signoff_fields
from checker.analysis.views import approval_tables
from checker.core.findings import Finding
from checker.io.tables import TableView
from checker.kinds.base import Kind
from checker.lexicon.predicates import is_placeholder, names_a_person
from checker.model.elements import Field
from checker.text.dates import parse_date

PART_NAMES = {"name": ("name", "姓名"), "role": ("role", "职务"), "date": ("date", "日期"),
              "signature": ("signature", "签字")}


class Approvals(Kind):
    name = "approvals"

    def check(self, ctx: Context) -> Iterable[Finding]:
        lang = ctx.message_language
        tables = approval_tables(ctx)
        if tables:
            yield from self._check_tables(ctx, tables, lang)
            return
        fields = signoff_fields(ctx)
        if not fields:
            yield self.finding(ctx, None, variant="missing")
            return
        if not any(names_a_person(ctx.vocab, f.value) for f in fields):
            f = fields[0]
            yield self.finding(ctx, f.location.with_text(f.label), variant="unsigned", field=f.label.strip(" :："))
        elif not self._dated(ctx, fields):
            f = next(f for f in fields if names_a_person(ctx.vocab, f.value))
            yield self.finding(ctx, f.location, variant="incomplete", missing=_part("date", lang),
                               who=f.value.strip())

    def _check_tables(self, ctx: Context, tables: list[TableView], lang: str) -> Iterable[Finding]:
        complete = 0
        problems: list[Finding] = []
        sep = "、" if lang == "zh" else ", "
        for table in tables:
            rows: list[tuple[str, list[str], Any]] = []  # (who, missing parts, where) of each incomplete row
            for i, cells in enumerate(table.rows):
                filled = {k: c for k, c in cells.items() if not c.blank and not is_placeholder(ctx.vocab, c.text)}
                if not filled or _signed_under(ctx, table.rows, i, filled):
                    continue
                missing = missing_parts(ctx.vocab, table, cells)
                if not missing:
                    complete += 1
                    continue
                # Name the row by its person, else by its role ('Project Sponsor'), so each finding says which row.
                who = next((cells[k].text.strip() for k in ("name", "role")
                            if k in cells and not cells[k].blank and not is_placeholder(ctx.vocab, cells[k].text)), "")
                where = cells[missing[0]] if missing[0] in cells else next(iter(cells.values()))
                rows.append((who or "—", missing, where))
            if rows:
                # One block signed by nobody is one defect: its rows make one finding, at the first of them.
                parts = [m for m in ("name", "role", "signature", "date") if any(m in r[1] for r in rows)]
                problems.append(self.finding(ctx, rows[0][2].location, variant="incomplete",
                                             missing=sep.join(_part(m, lang) for m in parts),
                                             who=sep.join(dict.fromkeys(r[0] for r in rows))))
        if complete == 0 and not problems:
            first = tables[0]
            cell = next(iter(first.rows[0].values())) if first.rows else None
            yield self.finding(ctx, cell.location if cell else first.grid.location, variant="empty")
            return
        yield from problems

    @staticmethod
    def _dated(ctx: Context, fields: list[Field]) -> bool:
        if any(parse_date(f.value) for f in fields):
            return True
        date_labels = ("date", "日期", "时间", "批准时间", "签字日期")
        return any(any(d in f.label.lower() for d in date_labels) and parse_date(f.value) for f in ctx.doc.fields)


def _signed_under(ctx: Context, rows: list, i: int, filled: dict) -> bool:
    """A role's caption row ('Project Sponsor:') over its own block of rows: the block, not the
    caption, holds the approval; the caption is reported only when nothing under it is filled."""
    if len(filled) != 1 or not next(iter(filled.values())).text.strip().endswith((":", "：")):
        return False
    for cells in rows[i + 1:]:
        texts = [c.text.strip() for c in cells.values() if not c.blank and not is_placeholder(ctx.vocab, c.text)]
        if len(texts) == 1 and texts[0].endswith((":", "：")):
            return False  # the next role's caption: this block is empty
        if texts:
            return True
    return False


def _part(key: str, lang: str) -> str:
    en, zh = PART_NAMES[key]
    return zh if lang == "zh" else en
