"""Who and which: the project's id and name, sponsor and manager, the document's version, status,
date, sign-off and revision history, each with where it was read."""
from __future__ import annotations

from typing import Any

from checker.analysis.context import Context
from checker.analysis.facts import project_fields
from checker.analysis.signoff import approval_state, current_version, status_class
from checker.analysis.summary.located import at, located
from checker.analysis.views import first_value, revision_tables
from checker.text.dates import parse_date

_MAX_REVISIONS = 50


def identity(ctx: Context) -> dict[str, Any]:
    """`identity` (id, name, version, status, date) and `people` (sponsor, manager) of the summary."""
    out: dict[str, Any] = {}
    for key, (value, field) in project_fields(ctx.vocab, ctx.doc).items():
        if key in ("id", "name", "sponsor", "manager"):
            out[key] = located(value, field.location)
    version, field = current_version(ctx)
    if field is not None and field.value.strip():
        out["version"] = located(field.value.strip(), field.location, parsed=list(version) if version else None)
    status, field = status_class(ctx)
    if status is not None and field is not None:
        out["status"] = located(status, field.location, text=field.value.strip())
    field = first_value(ctx, "date")
    when = parse_date(field.value) if field is not None else None
    if when is not None:
        out["date"] = located(when.isoformat(), field.location)
    return out


def signoff(ctx: Context) -> dict[str, Any]:
    """The sign-off block: found, complete, and each approver with name, date and where."""
    state = approval_state(ctx)
    out: dict[str, Any] = {"found": state.found, "complete": state.complete}
    approvers = []
    for entry in state.entries:
        if not entry.who and entry.when is None:
            continue
        item: dict[str, Any] = {"name": entry.who, "location": at(entry.date_location)}
        if entry.when is not None:
            item["date"] = entry.when.isoformat()
        approvers.append(item)
    if approvers:
        out["approvers"] = approvers
    return out


def revisions(ctx: Context) -> list[dict[str, Any]]:
    """The revision history, row by row: version, date, summary of changes, where."""
    out: list[dict[str, Any]] = []
    for table in revision_tables(ctx):
        for cells in table.rows:
            version = cells.get("version")
            if version is None or version.blank:
                continue
            date_cell = cells.get("date")
            when = parse_date(date_cell.value if date_cell is not None and date_cell.value is not None
                              else (date_cell.text if date_cell is not None else None))
            summary = cells.get("summary")
            item: dict[str, Any] = {"version": version.text.strip(), "location": at(version.location)}
            if when is not None:
                item["date"] = when.isoformat()
            if summary is not None and not summary.blank:
                item["summary"] = " ".join(summary.text.split())[:300]
            out.append(item)
            if len(out) >= _MAX_REVISIONS:
                return out
    return out
