"""Kind `approval_links` (COM-07): approvals are dated plausibly and tied to the current version.

An approval dated before the revision it approves, or after the check date, does not authorise the
current text; an approvals table with a Version column must name the current version. Findings point
at the offending date or version cell.
"""
from __future__ import annotations

from typing import Iterable

from checker.analysis.context import Context
from checker.analysis.signoff import approval_state, current_version, revision_date
from checker.core.findings import Finding
from checker.kinds.prose_base import ProseKind
from checker.text.versions import parse_version


class ApprovalLinks(ProseKind):
    name = "approval_links"

    def check(self, ctx: Context) -> Iterable[Finding]:
        state = approval_state(ctx)
        if state.empty:
            return
        version, vfield = current_version(ctx)
        revised = revision_date(ctx, version) if version is not None else None
        if revised is None:
            revised = revision_date(ctx, None) if version is None else None
        for e in state.entries:
            if e.when is not None and e.date_location is not None:
                if e.when > ctx.today:
                    yield self.finding(ctx, e.date_location, variant="future", date=e.when.isoformat(),
                                       today=ctx.today.isoformat())
                elif revised is not None and e.when < revised:
                    yield self.finding(ctx, e.date_location, variant="before", date=e.when.isoformat(),
                                       revised=revised.isoformat(),
                                       version=vfield.value.strip() if vfield is not None else "")
            if e.version and version is not None and e.version_location is not None:
                v = parse_version(e.version)
                if v is not None and v != version:
                    yield self.finding(ctx, e.version_location, variant="version", approved=e.version,
                                       version=vfield.value.strip() if vfield is not None else "")
