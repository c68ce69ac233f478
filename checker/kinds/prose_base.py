"""Shared plumbing of the prose-document rule kinds (required_sections, section_content, dates …).

`skip_types` narrows a rule that applies to most types; `skip_when_register` keeps a rule meant for
a report form off a workbook that is a register (LESSONS has both forms).
"""
from __future__ import annotations

from pydantic import Field

from checker.analysis.context import Context
from checker.kinds.base import Kind
from checker.kinds.params import KindParams


class ProseParams(KindParams):
    """What every prose kind takes (its own Params extend these)."""

    skip_types: list[str] = Field([], description="document types the rule does not run on")
    skip_when_register: bool = Field(False, description="not on a workbook that is a register (a report-form rule)")


class ProseKind(Kind):
    name = ""  # a base, not a kind
    Params = ProseParams
    params: ProseParams

    def applies(self, ctx: Context) -> bool:
        if not super().applies(ctx):
            return False
        if ctx.doc_type in self.params.skip_types:
            return False
        if self.params.skip_when_register and any(
                s.role == "register" or s.header_row is not None for s in ctx.doc.sheets):
            return False
        return True


def sep(ctx: Context) -> str:
    return "、" if ctx.message_language == "zh" else ", "
