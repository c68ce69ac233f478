"""Kind `placeholders`: template prompt text left in the document (TBD, [Insert …], 待定, 【填写】 …).

Every text the document shows is scanned — body, table cells, page headers and footers, sheet
cells — once per distinct text (`checker.inventory`), and each hit points at its own paragraph or
cell. A prompt inside a field that carries authority (approver, date, owner, budget, baseline)
escalates, because a document approved with 'TBD' in its budget is not approved. On a request that
others decide after it is submitted (`decided_after`), the blank date and signature lines of the deciding
bodies' opinion blocks (a college's review, an expert group's, a committee's decision) are not the
submitter's: they wait for the decision.
"""
from __future__ import annotations

from typing import AbstractSet, Any, Callable, Iterable, Iterator

from pydantic import Field

from checker.analysis.context import Context
from checker.analysis.inventory import cells_with, inventory
from checker.analysis.signoff import is_deciding_body_slot
from checker.analysis.views import approval_tables
from checker.core.findings import Finding
from checker.kinds.base import Kind
from checker.kinds.params import KindParams, Severity
from checker.lexicon.files import words
from checker.lexicon.predicates import placeholder_searches, placeholder_texts
from checker.lexicon.synonyms import Synonyms
from checker.lexicon.vocabulary import Vocabulary, derived
from checker.text.search import Search


@derived
def _field_labels(vocab: Vocabulary, keys: tuple[str, ...]) -> Synonyms:
    """The labels of doc-control fields and project facts `keys` (where a placeholder is worse)."""
    labels: dict[str, list[str]] = {}
    for key in keys:
        for source in (vocab.common.get("doc_control_fields") or {}, vocab.common.get("project_facts") or {}):
            labels.setdefault(key, []).extend(words(source.get(key)))
    return Synonyms(labels)


class Placeholders(Kind):
    name = "placeholders"

    class Params(KindParams):
        escalate_fields: list[str] = Field([], description="doc-control/fact keys whose prompt text escalates")
        escalate_to: Severity = Field("blocker", description="the severity of a prompt in such a field")
        decided_after: list[str] = Field([], description="document types (requests, applications) that bodies "
                                                         "decide after submission: their opinion blocks' blank "
                                                         "lines are not reported")

    params: Params

    def __init__(self, spec):
        super().__init__(spec)
        self._escalate_fields = tuple(self.params.escalate_fields)
        self._escalate_to = self.params.escalate_to

    def scans(self, ctx: Context) -> Iterable[Search]:
        return placeholder_searches(ctx.vocab)

    def check(self, ctx: Context) -> Iterable[Finding]:
        hits = placeholder_texts(ctx.vocab, inventory(ctx).sets())
        if not hits:
            return
        sensitive = self._sensitive_locations(ctx)  # looked up only when there is a hit
        seen: set[tuple] = set()
        awaiting = ctx.doc_type in self.params.decided_after
        for text, owner, around in _texts(ctx, hits.keys()):
            if awaiting and is_deciding_body_slot(ctx.vocab, around()):
                continue  # a deciding body's slot: blank until the request is decided
            location = owner.location  # built on demand for worksheet cells: only for hits
            for m in hits[text]:
                key = (location.anchor(), m.group(0))
                if key in seen:
                    continue
                seen.add(key)
                severity = self._escalate_to if location.anchor() in sensitive else None
                yield self.finding(ctx, location.with_text(text), severity=severity, placeholder=m.group(0).strip())

    def _sensitive_locations(self, ctx: Context) -> set[tuple]:
        labels = _field_labels(ctx.vocab, self._escalate_fields)
        out = {f.location.anchor() for f in ctx.doc.fields if labels.match(f.label) is not None}
        for table in approval_tables(ctx):
            out.update(c.location.anchor() for row in table.rows for c in row.values())
        return out


def _texts(ctx: Context, wanted: AbstractSet[str]) -> Iterator[tuple[str, Any, Callable[[], str]]]:
    """(text, its block or cell, what labels it) of every text the document shows that is one of
    `wanted`, in document order: paragraphs (body, headers, footers), then cells; `location` is read on
    a hit only. What labels a text: a paragraph and the heading it sits under, a cell and its row (the
    block's title is often the label cell beside the signature line)."""
    doc = ctx.doc
    for block in (*doc.blocks, *doc.headers, *doc.footers):
        if block.grid is None and block.text in wanted:
            yield block.text, block, lambda b=block: f"{b.location.heading or ''}\n{b.text}"
    for grid in doc.grids():
        for cell in cells_with(grid.rows, wanted):
            yield cell.text, cell, lambda row=grid.rows[cell.row]: "\n".join(c.text for c in row if not c.merged)
