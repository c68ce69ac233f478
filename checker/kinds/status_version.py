"""Kind `status_version`: the document's status agrees with its version number and its approvals.

`check: version` (COM-05): a final/approved document has major version ≥ 1; a draft is 0.x or says
'draft'. `check: approvals` (COM-08): a draft that carries complete approvals is probably released
(minor); a document marked final/approved with no approval entries is not (variant `unapproved`,
severity `unapproved_severity`, major). Silent when the status is not one of the status words (a
status report's 'Status: Green' is a RAG, not a document status).
"""
from __future__ import annotations

import re
from typing import Iterable, Literal

from pydantic import Field

from checker.analysis.context import Context
from checker.analysis.signoff import approval_state, current_version, status_class
from checker.core.findings import Finding
from checker.kinds.params import Severity
from checker.kinds.prose_base import ProseKind, ProseParams


class StatusVersion(ProseKind):
    name = "status_version"

    class Params(ProseParams):
        check: Literal["version", "approvals"] = Field(
            "version", description="version: status vs version number (COM-05); approvals: status vs approvals (COM-08)")
        unapproved_severity: Severity = Field("major", description="approvals: a final document without approvals")

    params: Params

    def check(self, ctx: Context) -> Iterable[Finding]:
        status, status_field = status_class(ctx)
        if status is None or status_field is None:
            return
        if self.params.check == "version":
            version, vfield = current_version(ctx)
            if version is None or vfield is None:
                return
            if status == "final" and version[0] < 1:
                yield self.finding(ctx, vfield.location, variant="final", version=vfield.value.strip(),
                                   status=status_field.value.strip())
            elif status == "draft" and version[0] >= 1 and not re.search(r"draft|草稿|初稿|征求意见", vfield.value, re.I):
                yield self.finding(ctx, vfield.location, variant="draft", version=vfield.value.strip(),
                                   status=status_field.value.strip())
            return
        state = approval_state(ctx)
        if status == "draft" and state.complete:
            yield self.finding(ctx, status_field.location, variant="draft", status=status_field.value.strip())
        elif status == "final" and state.empty:
            yield self.finding(ctx, state.first_location or status_field.location, variant="unapproved", status=status_field.value.strip(),
                               severity=self.params.unapproved_severity)
