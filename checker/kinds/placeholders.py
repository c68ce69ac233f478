"""Kind `placeholders`: template prompt text left in the document (TBD, [Insert …], 待定, 【填写】 …).

Every text the document shows is scanned — body, table cells, page headers and footers, sheet
cells — once per distinct text (`checker.inventory`), and each hit points at its own paragraph or
cell. A prompt inside a field that carries authority (approver, date, owner, budget, baseline)
escalates, because a document approved with 'TBD' in its budget is not approved.
"""
from __future__ import annotations

from typing import AbstractSet, Any, Iterable, Iterator

from pydantic import Field

from checker.analysis.context import Context
from checker.analysis.inventory import cells_with, inventory
from checker.analysis.views import approval_tables
from checker.core.findings import Finding
from checker.kinds.base import Kind
from checker.kinds.params import KindParams, Severity
from checker.lexicon import files as lexicon
from checker.lexicon.predicates import placeholder_texts
from checker.lexicon.synonyms import Synonyms


class Placeholders(Kind):
    name = "placeholders"

    class Params(KindParams):
        escalate_fields: list[str] = Field([], description="doc-control/fact keys whose prompt text escalates")
        escalate_to: Severity = Field("blocker", description="the severity of a prompt in such a field")

    params: Params

    def __init__(self, spec):
        super().__init__(spec)
        labels: dict[str, list[str]] = {}
        common = lexicon.common()
        for key in self.params.escalate_fields:
            for source in (common.get("doc_control_fields") or {}, common.get("project_facts") or {}):
                labels.setdefault(key, []).extend(lexicon.words(source.get(key)))
        self._escalate_labels = Synonyms(labels)
        self._escalate_to = self.params.escalate_to

    def check(self, ctx: Context) -> Iterable[Finding]:
        hits = placeholder_texts(inventory(ctx).sets())
        if not hits:
            return
        sensitive = self._sensitive_locations(ctx)  # looked up only when there is a hit
        seen: set[tuple] = set()
        for text, owner in _texts(ctx, hits.keys()):
            location = owner.location  # built on demand for worksheet cells: only for hits
            for m in hits[text]:
                key = (location.anchor(), m.group(0))
                if key in seen:
                    continue
                seen.add(key)
                severity = self._escalate_to if location.anchor() in sensitive else None
                yield self.finding(ctx, location.with_text(text), severity=severity, placeholder=m.group(0).strip())

    def _sensitive_locations(self, ctx: Context) -> set[tuple]:
        out = {f.location.anchor() for f in ctx.doc.fields if self._escalate_labels.match(f.label) is not None}
        for table in approval_tables(ctx):
            out.update(c.location.anchor() for row in table.rows for c in row.values())
        return out


def _texts(ctx: Context, wanted: AbstractSet[str]) -> Iterator[tuple[str, Any]]:
    """(text, its block or cell) of every text the document shows that is one of `wanted`, in document
    order: paragraphs (body, headers, footers), then cells; `location` is read on a hit only."""
    doc = ctx.doc
    for block in (*doc.blocks, *doc.headers, *doc.footers):
        if block.grid is None and block.text in wanted:
            yield block.text, block
    for grid in doc.grids():
        for cell in cells_with(grid.rows, wanted):
            yield cell.text, cell
