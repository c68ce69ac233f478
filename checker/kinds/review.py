"""Kind `review`: a judgement rule (automation J) — one 'needs review' note, never an automatic fail.

The finding is always `info` and carries `needs_review`; a reviewer (or an LLM-assisted pass) decides.
Params: `keys` — only when one of these sections is present (nothing to review otherwise).
"""
from __future__ import annotations

from typing import Iterable

from pydantic import Field

from checker.analysis.context import Context
from checker.analysis.sections import find_section
from checker.core.findings import Finding
from checker.kinds.prose_base import ProseKind, ProseParams


class Review(ProseKind):
    name = "review"

    class Params(ProseParams):
        keys: list[str] = Field([], description="only when one of these sections is present")

    params: Params

    def check(self, ctx: Context) -> Iterable[Finding]:
        keys = self.params.keys
        location = None
        if keys:
            hit = next((h for h in (find_section(ctx, k) for k in keys) if h is not None), None)
            if hit is None:
                return
            location = hit.location
        f = self.finding(ctx, location, severity="info")
        f.needs_review = True
        yield f
