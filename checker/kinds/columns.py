"""Kind `columns`: the register exists and has its required columns (RR-01, IR-01, CL-01, LL-01).

Missing columns are listed in one finding at the header row. A register with a header but no
entries gets one `empty` finding (when `report_empty` is set) rather than a finding per blank row.
Params: `columns` (default: the type's required columns in doctypes.yaml), `form: register` (silent
on Word documents without a register table, e.g. a lessons *report*), `report_empty`,
`empty_severity`, `sections_fallback` (LL-01: for a Word report, the section check of
`checker.sections` when that helper exists).
"""
from __future__ import annotations

from typing import Iterable

from pydantic import Field

from checker.analysis.context import Context
from checker.analysis.registers import required_columns
from checker.analysis.sections import display_name, find_section
from checker.core.findings import Finding
from checker.kinds.params import Severity
from checker.kinds.register_base import RegisterKind, RegisterParams
from checker.lexicon.matchers import section_entries, type_columns
from checker.lexicon.vocabulary import Vocabulary


class Columns(RegisterKind):
    name = "columns"

    class Params(RegisterParams):
        columns: list[str] | None = Field(None, description="column keys required (default: the type's required columns)")
        report_empty: bool = Field(True, description="a register with a header and no entries is a finding")
        empty_severity: Severity | None = Field(None, description="the severity of that finding (default: the rule's)")
        sections_fallback: bool = Field(False, description="on a Word report without a register: check its sections")

    params: Params

    def applies(self, ctx: Context) -> bool:
        if self.spec.applies_to is not None and ctx.doc_type not in self.spec.applies_to:
            return False
        if self.params.form == "register" and not ctx.doc.is_workbook and self.view(ctx) is None:
            # A prose report: its sections are checked instead when the rule asks for it.
            return self.params.sections_fallback
        return True

    def check(self, ctx: Context) -> Iterable[Finding]:
        view = self.view(ctx)
        doc_type = self.params.doc_type or ctx.doc_type
        wanted = list(self.params.columns or required_columns(ctx.vocab, doc_type))
        if view is None:
            if not ctx.doc.is_workbook and self.params.sections_fallback:
                yield from self._sections(ctx)
                return
            yield self.finding(ctx, None, variant="no_register", columns=", ".join(wanted))
            return
        missing = [k for k in wanted if k not in view.columns and not self._covered(view, k)]
        if missing:
            labels = [_label(ctx.vocab, doc_type, k, ctx.message_language) for k in missing]
            finding = self.finding(ctx, view.header_location(), columns=", ".join(labels), count=len(missing))
            finding.missing_fields = tuple(labels)  # each column told apart in the report
            yield finding
        if not view.rows and self.params.report_empty:
            yield self.finding(ctx, view.header_location(), variant="empty", severity=self.params.empty_severity)

    def _sections(self, ctx: Context) -> Iterable[Finding]:
        """The report form (LL-01): the type's required sections, via `checker.sections`."""
        missing = []
        for key, entry in section_entries(ctx.vocab, ctx.doc_type).items():
            if isinstance(entry, dict) and entry.get("required") and not entry.get("parent"):
                if find_section(ctx, key) is None:
                    missing.append(display_name(ctx.vocab, ctx.doc_type, key, ctx.message_language))
        if missing:
            finding = self.finding(ctx, None, variant="sections", sections=", ".join(missing), count=len(missing))
            finding.missing_sections = tuple(missing)
            yield finding

    @staticmethod
    def _covered(view, key: str) -> bool:
        # A split key (closure → closure_date/closure_reason, residual → residual_*) counts as present.
        return any(k.startswith(key + "_") for k in view.columns)


def _label(vocab: Vocabulary, doc_type: str, key: str, lang: str) -> str:
    entry = type_columns(vocab, doc_type).get(key) or {}
    if isinstance(entry, dict):
        words = entry.get(lang) or entry.get("en") or entry.get("zh") or [key]
    else:
        words = list(entry) or [key]
    return str(words[0])
