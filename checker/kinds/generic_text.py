"""Kind `generic_text` (RR-11, LL-08): a register's entries say something concrete (`checker.nlp.responses`).

On the selected rows (`when`, e.g. open risks whose strategy is not accept), the first of `columns`
the register has must hold a concrete text: one made only of generic words ('Monitor closely',
'加强沟通') is a finding; an empty one is too when `required` (variant `missing`). `min_chars`
(English) and `min_chars_zh` also call a text too short to be specific (LL-08's 30/15 characters);
`also` reads more columns with it as one entry (a lesson is its description, cause and recommendation).
Past `group_over` findings, one finding lists them (variant `many`).
"""
from __future__ import annotations

from typing import Iterable

from pydantic import Field

from checker.analysis.context import Context
from checker.core.findings import Finding
from checker.kinds.nlp_base import GroupParams, reader_of
from checker.kinds.register_base import RegisterKind, RegisterParams, RowSelection
from checker.lexicon.predicates import is_placeholder
from checker.nlp.reader import Reader
from checker.nlp.responses import is_generic
from checker.text.normalize import has_cjk


class GenericText(RegisterKind):
    name = "generic_text"

    class Params(RegisterParams, RowSelection, GroupParams):
        columns: list[str] = Field(min_length=1, description="the column read: the first of these the register has")
        required: bool = Field(False, description="an empty text is a finding too (variant `missing`)")
        min_chars: int = Field(0, ge=0, description="an English text shorter than this is not specific")
        min_chars_zh: int = Field(0, ge=0, description="a Chinese text shorter than this is not specific")
        also: list[str] = Field([], description="columns read with it as one entry (a lesson's cause and "
                                                "recommendation): the entry is generic only when all of it is")

    params: Params

    def check(self, ctx: Context) -> Iterable[Finding]:
        view = self.view(ctx)
        key = next((k for k in self.params.columns if k in view.columns), None)
        if key is None:
            return
        reader = reader_of(ctx)
        texts, ids = view.texts(key), view.ids()
        also = [view.texts(k) for k in self.params.also if k in view.columns]
        if also:
            texts = [" ".join(t for t in (own, *(col[n] for col in also)) if t) for n, own in enumerate(texts)]
        verdicts: dict[str, str | None] = {}
        found = []
        for n in self.select(ctx, view):
            text = texts[n]
            problem = verdicts.get(text, "?")
            if problem == "?":
                problem = verdicts[text] = self._problem(ctx, reader, text)
            if problem is not None:
                found.append((view.rows[n], view.location_of(view.rows[n], key), ids[n], text, problem))
        if len(found) > self.params.group_over:
            row, location, rid, text, _ = found[0]
            listed = ("、" if ctx.message_language == "zh" else ", ").join(f[2] for f in found[:8])
            yield self.row_finding(ctx, view, row, location, variant="many", id=rid, count=len(found),
                                   ids=listed + ("…" if len(found) > 8 else ""), column=view.label(key))
            return
        for row, location, rid, text, problem in found:
            yield self.row_finding(ctx, view, row, location, variant=None if problem == "generic" else problem,
                                   id=rid, text=text, column=view.label(key))

    def _problem(self, ctx: Context, reader: Reader, text: str) -> str | None:
        """None (concrete), `missing` (empty, when required) or `generic` (the main message: generic or too short)."""
        t = " ".join(text.split())
        if not t or is_placeholder(ctx.vocab, t):
            return "missing" if self.params.required else None
        limit = self.params.min_chars_zh if has_cjk(t) else self.params.min_chars
        if len(t) < limit or is_generic(reader, t):
            return "generic"
        return None
