"""A document's summary for the project view: what cross-document rules and gates compare.

The project view (`checker.project`) never opens a document: it works on these summaries, which the
worker that checked a document returns with its report entry. So a folder, a SharePoint library
whose entries the audit stored, or entries computed on a cluster are reviewed the same way. A
summary is plain JSON; every value keeps the contract location it was read at, so that a
cross-document finding shows each side where it is. Its shape is specified in docs/project-view.md.

Extraction never fails a check: `summarize` returns what it could read.
"""
from __future__ import annotations

import logging
from typing import Any, Callable

from checker.analysis.context import Context
from checker.analysis.summary import content, figures, identity, records, timeline

log = logging.getLogger("pmo_check")

VERSION = 1


def summarize(ctx: Context) -> dict[str, Any]:
    """The summary of the checked document (`ctx`): identity, people, sign-off, revisions, money,
    dates, milestones, register entries, cited ids and listed content, each part only when found."""
    out: dict[str, Any] = {"v": VERSION}
    for name, part in _PARTS:
        try:
            value = part(ctx)
        except Exception as exc:  # noqa: BLE001 - a summary part that fails must not lose the check
            log.error("%s: summary part %s failed: %s: %s", ctx.doc.path, name, type(exc).__name__, exc)
            continue
        if value:
            out[name] = value
    return out


def _schedule(ctx: Context) -> Any:
    window, rows = timeline.schedule_window(ctx)
    return {**window, "milestones": rows} if window else None


def _changes(ctx: Context) -> Any:
    if ctx.doc_type == "CHANGE_LOG":
        return records.changes(ctx)
    form = records.change_form(ctx)
    return {"rows": [form], "total": 1} if form else None


def _only(types: Any, part: Callable[[Context], Any]) -> Callable[[Context], Any]:
    """`part` for documents of `types` (a type or a set of types), nothing for the others."""
    wanted = {types} if isinstance(types, str) else set(types)
    return lambda ctx: part(ctx) if ctx.doc_type in wanted else None


def _section(table: dict[str, Any], part: Callable[[Context, Any], Any]) -> Callable[[Context], Any]:
    """`part(ctx, section)` for the document types `table` names a section for."""
    return lambda ctx: part(ctx, table[ctx.doc_type]) if ctx.doc_type in table else None


_DOCUMENTS = {"INIT_REQUEST_BC", "PROJECT_BRIEF", "INIT_REVIEW", "CHARTER", "PID", "SCOPE_STATEMENT", "PMP",
              "RESOURCE_PLAN", "COST_PLAN", "QUALITY_PLAN", "COMMS_PLAN", "RISK_MGMT_PLAN", "CHANGE_MGMT_PLAN",
              "CHANGE_REQUEST", "MEETING_MINUTES", "STATUS_REPORT", "END_STAGE_REPORT", "CLOSURE_REPORT"}

# The summary's parts, in the order they appear in it (docs/project-view.md).
_PARTS: tuple[tuple[str, Callable[[Context], Any]], ...] = (
    ("identity", identity.identity),
    ("signoff", identity.signoff),
    ("revisions", identity.revisions),
    ("money", _only(_DOCUMENTS | {"SCHEDULE"}, figures.money_lines)),
    ("progress", _only({"STATUS_REPORT", "END_STAGE_REPORT"}, figures.percent_complete)),
    ("dates", timeline.dates),
    ("milestones", _only(_DOCUMENTS, timeline.milestones)),
    ("schedule", _only("SCHEDULE", _schedule)),
    ("risks", _only("RISK_REGISTER", records.risks)),
    ("issues", _only("ISSUE_REGISTER", records.issues)),
    ("changes", _only({"CHANGE_LOG", "CHANGE_REQUEST"}, _changes)),
    ("stakeholders", _only("STAKEHOLDER_REGISTER", records.stakeholders)),
    ("objectives", _section(content.OBJECTIVES, content.listed)),
    ("deliverables", _section(content.DELIVERABLES, content.listed)),
    ("texts", _section(content.TEXTS, content.texts)),
    ("decision", _only("INIT_REVIEW", content.decision)),
    ("conditions", _only("INIT_REVIEW", content.conditions)),
    ("follow_on", _only({"CLOSURE_REPORT", "END_STAGE_REPORT"}, content.follow_on)),
    ("cited", _only(content.CITING, content.cited)),
    ("scale", _only("RISK_MGMT_PLAN", content.scale)),
)
