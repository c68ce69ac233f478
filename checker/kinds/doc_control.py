"""Kind `doc_control`: the document-control block names project, title, version, date and author.

A field is satisfied by a non-empty value that is not template prompt text. A list inside `fields`
means any one of them will do (`[author, owner]`). The document title may also be the document's
own title (its first heading or title paragraph), which is how most real documents carry it; the
project name may be given in that title beside the document type (`checker.titles`); and the
version and date may be given only by the revision history's rows.
"""
from __future__ import annotations

from typing import Iterable

from pydantic import Field

from checker.analysis.context import Context
from checker.analysis.sections import find_section
from checker.analysis.titles import project_named, titles
from checker.analysis.views import doc_control, first_value, revision_tables
from checker.core.findings import Finding
from checker.kinds.base import Kind
from checker.kinds.params import KindParams, Words
from checker.lexicon.matchers import doc_control_synonyms
from checker.lexicon.predicates import is_placeholder

FIELD_NAMES = {
    "project_name": ("project name", "项目名称"), "project_id": ("project ID", "项目编号"),
    "doc_title": ("document title", "文档名称"), "doc_id": ("document number", "文档编号"),
    "version": ("version", "版本号"), "status": ("status", "文档状态"), "date": ("date", "日期"),
    "author": ("author", "编制人"), "owner": ("owner", "文档负责人"), "client": ("client", "客户"),
    "reviewer": ("reviewer", "审核人"), "approver": ("approver", "批准人"),
}


# What a revision-history row gives of the document. Not its author: who revised a version is not
# who owns the document (a plan whose control block names no author still lacks one).
_REVISION_KEYS = ("version", "date")


def field_name(key: str, language: str) -> str:
    en, zh = FIELD_NAMES.get(key, (key.replace("_", " "), key))
    return zh if language == "zh" else en


class DocControl(Kind):
    name = "doc_control"

    class Params(KindParams):
        fields: list[Words] = Field([], description="doc-control keys required; a list entry means any one of them")


    params: Params

    def check(self, ctx: Context) -> Iterable[Finding]:
        lang = ctx.message_language
        sep = "、" if lang == "zh" else ", "
        missing: list[str] = []
        for options in self.params.fields:
            found = [first_value(ctx, key) for key in options]
            present = [f for f in found if f is not None]
            if any(f.value.strip() and not is_placeholder(ctx.vocab, f.value) for f in present):
                continue
            if options == ["doc_title"] and self._has_title(ctx):
                continue
            if options == ["project_name"] and not present and project_named(ctx):
                continue
            if not present and any(self._as_section(ctx, key) for key in options):
                continue
            if not present and any(self._in_revision_history(ctx, key) for key in options):
                continue
            if present:
                f = present[0]
                # An empty value or a prompt left in place: point at the cell to fill in.
                yield self.finding(ctx, f.location.with_text(f.label) if not f.value.strip() else f.location,
                                   variant="empty", field=f.label.strip(" :："))
                continue
            missing.append("/".join(field_name(k, lang) for k in options))
        if missing:
            # Where the document control is (or should be): not a closing line that signs it off.
            anchor = next((f for fields in doc_control(ctx).values() for f in fields if f.source != "closing"), None)
            finding = self.finding(ctx, anchor.label_location if anchor else None, field=sep.join(missing))
            finding.missing_fields = tuple(missing)
            yield finding

    @staticmethod
    def _in_revision_history(ctx: Context, key: str) -> bool:
        """A version or date that the revision history gives (its rows say the document's versions and
        when each was made): a reviewer reads them there, whatever the cover says."""
        if key not in _REVISION_KEYS:
            return False
        return any(not row[key].blank and not is_placeholder(ctx.vocab, row[key].text)
                   for table in revision_tables(ctx) if key in table.columns
                   for row in table.filled_rows() if key in row)

    @staticmethod
    def _as_section(ctx: Context, key: str) -> bool:
        """A 'Project Name' heading followed by the name is the field written as a section."""
        hit = find_section(ctx, key, doc_control_synonyms(ctx.vocab))
        return (hit is not None and hit.kind == "heading" and bool(hit.text.strip())
                and len(hit.text.strip()) <= 120 and not is_placeholder(ctx.vocab, hit.text))

    @staticmethod
    def _has_title(ctx: Context) -> bool:
        return bool(titles(ctx))
