"""Kind `revision_history`: a revision-history table exists and tells a coherent story.

At least one row; versions strictly increasing; dates never going backwards; every row says what
changed; and the last row's version is the version the document says it is.
"""
from __future__ import annotations

from typing import Iterable

from checker.analysis.context import Context
from checker.analysis.views import first_value, revision_tables
from checker.core.findings import Finding
from checker.kinds.base import Kind
from checker.lexicon.predicates import is_placeholder
from checker.text.dates import parse_date
from checker.text.money import parse_money
from checker.text.versions import parse_version


def _is_amount(value: str) -> bool:
    """A money amount with its currency or unit ('3000元', '$2,500'): never a version."""
    money = parse_money(value)
    return money is not None and money.currency is not None


class RevisionHistory(Kind):
    name = "revision_history"

    def check(self, ctx: Context) -> Iterable[Finding]:
        tables = revision_tables(ctx)
        if not tables:
            yield self.finding(ctx, None, variant="missing")
            return
        table = max(tables, key=lambda t: len(t.filled_rows()))
        rows = [(cells, loc) for cells, loc in zip(table.rows, table.row_locations)
                if any(not c.blank and not is_placeholder(ctx.vocab, c.text) for c in cells.values())]
        if not rows:
            yield self.finding(ctx, table.grid.location, variant="empty")
            return
        previous_version: tuple[int, ...] | None = None
        previous_date = None
        last_version_text = ""
        last_version_location = None
        for cells, loc in rows:
            version_cell = cells.get("version")
            version = parse_version(version_cell.text) if version_cell else None
            if version_cell is not None and version is not None:
                if previous_version is not None and version <= previous_version:
                    yield self.finding(ctx, version_cell.location, variant="order", version=version_cell.text.strip())
                previous_version = version
                last_version_text = version_cell.text.strip()
                last_version_location = version_cell.location
            date_cell = cells.get("date")
            when = parse_date(date_cell.value if date_cell is not None and date_cell.value is not None
                              else (date_cell.text if date_cell else None))
            if when is not None:
                if previous_date is not None and when < previous_date:
                    yield self.finding(ctx, date_cell.location, variant="dates", date=date_cell.text.strip())
                previous_date = when
            summary = cells.get("summary")
            if "summary" in table.columns and (summary is None or summary.blank):
                where = summary.location if summary is not None else loc
                yield self.finding(ctx, where, variant="summary", version=version_cell.text.strip() if version_cell else "")
        header = first_value(ctx, "version")
        if header is not None and _is_amount(header.value):
            header = None  # 'CLion 6.0 版本：3000元' is a price line, not the document's version
        header_version = parse_version(header.value) if header is not None else None
        if header_version is not None and previous_version is not None and header_version != previous_version:
            # Point at the last entry: the usual fix is the missing row for the current version.
            yield self.finding(ctx, last_version_location or header.location, variant="current",
                               header=header.value.strip(), last=last_version_text)
