"""Kind `status_disposition`: a change log's status and disposition agree (CL-03).

Disposition from `common.dispositions` (or the column's data-validation list); a closed change has
a final disposition (approved, rejected, withdrawn); an approved/rejected change has a decision date
and an approver; a pending/open change carries no final disposition.
"""
from __future__ import annotations

from typing import Iterable

from checker.analysis.context import Context
from checker.analysis.registers import disposition_of, status_of
from checker.core.findings import Finding
from checker.kinds.register_base import RegisterKind
from checker.kinds.vocabulary import in_set, normset

_FINAL = ("approved", "rejected", "withdrawn")


class StatusDisposition(RegisterKind):
    name = "status_disposition"

    def check(self, ctx: Context) -> Iterable[Finding]:
        view = self.view(ctx)
        if "disposition" not in view.columns and "status" not in view.columns:
            return
        validation = view.validation("disposition")
        allowed = normset(validation) if validation else None
        decided = [k for k in ("decision_date", "approver") if k in view.columns]
        for row in view.rows:
            disp_text = row.text("disposition")
            disp = disposition_of(ctx.vocab, disp_text)
            status_text = row.text("status")
            status = status_of(ctx.vocab, status_text)
            if status is None:
                from_status = disposition_of(ctx.vocab, status_text)
                if from_status in ("pending", "deferred"):
                    status = "open"
                elif from_status in _FINAL:
                    status, disp = "closed", disp or from_status
            if disp_text and ((allowed is not None and not in_set(disp_text, allowed))
                              or (allowed is None and disp is None)):
                yield self.row_finding(ctx, view, row, row.cell("disposition").location, variant="vocabulary",
                                       value=disp_text)
                continue
            if status == "closed" and "disposition" in view.columns and disp not in _FINAL:
                yield self.row_finding(ctx, view, row, view.location_of(row, "disposition"), variant="closed",
                                       status=status_text, disposition=disp_text or "—")
            elif status == "open" and disp in ("approved", "rejected"):
                yield self.row_finding(ctx, view, row, view.location_of(row, "status"), variant="open",
                                       status=status_text, disposition=disp_text)
            if disp in ("approved", "rejected") and decided:
                lacking = [k for k in decided if not row.has(k)]
                if lacking:
                    yield self.row_finding(ctx, view, row, view.location_of(row, lacking[0]), variant="decision",
                                           disposition=disp_text, missing=self.labels(ctx, view, lacking))
