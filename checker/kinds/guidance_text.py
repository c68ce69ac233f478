"""Kind `guidance_text` (COM-03): template guidance left in the document outside an appendix.

Markers come from `common.yaml` `template_guidance_markers`. Unmistakable phrases ('How to use this
template', '填写说明', '（删除本段）') count anywhere in a paragraph or cell; short labels that also
occur in real prose ('Purpose:', '示例：', '样例', 'Quality Criteria') count only when they open the
paragraph, and `start_only_except` keeps a label off the types where it is a legitimate heading.
Text under an appendix heading (Appendix, Annex, 附录, 附件) is exempt. One finding per paragraph/cell.
"""
from __future__ import annotations

import re
from typing import AbstractSet, Any, Iterable, Iterator

from pydantic import Field

from checker.analysis.context import Context
from checker.analysis.inventory import BODY, PAGE, SHEET, body_blocks, cells_with, inventory, is_set_aside_sheet
from checker.core.findings import Finding
from checker.kinds.prose_base import ProseKind, ProseParams
from checker.lexicon.files import words
from checker.lexicon.vocabulary import Vocabulary, derived
from checker.model.elements import Cell, Grid
from checker.text.normalize import nfkc, strip_numbering
from checker.text.search import LOWER, NFKC, Search, containing


class _Markers:
    """The vocabulary's guidance markers, split by a rule's `start_only` list and folded once."""

    def __init__(self, vocab: Vocabulary, start_only: frozenset[str]):
        markers = words(vocab.common.get("template_guidance_markers"))
        self.anywhere = [m for m in markers if m not in start_only]
        self.start = [m for m in markers if m in start_only]
        self.folded = {m: nfkc(m).lower() for m in markers}  # markers compared as folded text, folded once
        # Prefilter: a text that contains no folded marker at all cannot hit (a start marker opens a
        # suffix of the text, so it is contained too); most paragraphs and cells stop here.
        alternatives = sorted(set(self.folded.values()), key=len, reverse=True)
        self.literals = tuple(alternatives)
        self.any = re.compile("|".join(map(re.escape, alternatives))) if alternatives and all(alternatives) else None

    def hit(self, text: str, start: list[str]) -> str | None:
        t = nfkc(text).strip()
        low = t.lower()
        if self.any is not None and not self.any.search(low):
            return None
        folded = self.folded
        hit = next((m for m in self.anywhere if folded[m] in low), None)
        if hit is None:
            head = strip_numbering(t).lower()
            hit = next((m for m in start if head.startswith(folded[m])
                        and (m.endswith((":", "：")) or len(head) <= len(m) + 2 or m in ("样例", "示例："))), None)
        return hit


@derived
def _markers(vocab: Vocabulary, start_only: frozenset[str]) -> _Markers:
    return _Markers(vocab, start_only)


class GuidanceText(ProseKind):
    name = "guidance_text"

    class Params(ProseParams):
        start_only: list[str] = Field([], description="markers that count only when they open a paragraph or cell")
        start_only_except: dict[str, list[str]] = Field(
            {}, description="marker -> document types where it is a legitimate heading")

    params: Params

    def __init__(self, spec):
        super().__init__(spec)
        self._start_only = frozenset(self.params.start_only)
        self._except = {k: set(v) for k, v in self.params.start_only_except.items()}

    def scans(self, ctx: Context) -> Iterable[Search]:
        markers = _markers(ctx.vocab, self._start_only)
        return () if markers.any is None else (Search(markers.literals, (NFKC | LOWER,)),)

    def check(self, ctx: Context) -> Iterable[Finding]:
        markers = _markers(ctx.vocab, self._start_only)
        start = [m for m in markers.start if ctx.doc_type not in self._except.get(m, ())]
        if markers.any is None:  # no marker, or one that folds to nothing: every text is looked at
            hits = {text: markers.hit(text, start) for text, _ in self._texts(ctx, None)}
            pairs = self._texts(ctx, None)
        else:
            sets = inventory(ctx).sets(paragraphs=(BODY, PAGE), cells=(BODY, SHEET))  # the places `_texts` reads
            hits = {t: hit for t in containing(sets, Search(markers.literals, (NFKC | LOWER,)))
                    if (hit := markers.hit(t, start)) is not None}
            if not hits:
                return
            pairs = self._texts(ctx, hits.keys())
        seen: set[tuple] = set()
        for text, owner in pairs:
            hit = hits.get(text)
            if hit is None:
                continue
            location = owner.location  # built on demand for worksheet cells: only for hits
            if location.anchor() not in seen:
                seen.add(location.anchor())
                yield self.finding(ctx, location.with_text(text), marker=hit.strip())

    @staticmethod
    def _texts(ctx: Context, wanted: AbstractSet[str] | None) -> Iterator[tuple[str, Any]]:
        """(text, its block or cell) outside appendices, of the texts `wanted` (None: of all), in
        document order; the owner's `location` is read on a hit only."""
        def want(text: str) -> bool:
            return text in wanted if wanted is not None else bool(text.strip())  # `wanted` texts are not blank

        for block, appendix in body_blocks(ctx.doc):
            if appendix:
                continue
            if block.kind == "heading":
                if wanted is None or block.text in wanted:
                    yield block.text, block
            elif block.grid is not None:
                yield from _cells(block.grid, wanted)
            elif want(block.text):
                yield block.text, block
        for block in (*ctx.doc.headers, *ctx.doc.footers):
            if block.grid is None and want(block.text):
                yield block.text, block
        for sheet in ctx.doc.sheets:
            if not is_set_aside_sheet(sheet):
                yield from _cells(sheet.grid, wanted)


def _cells(grid: Grid, wanted: AbstractSet[str] | None) -> Iterator[tuple[str, Cell]]:
    if wanted is not None:
        for cell in cells_with(grid.rows, wanted):
            yield cell.text, cell
        return
    for row in grid.rows:
        for cell in row:
            if not cell.merged and cell.text.strip():
                yield cell.text, cell
