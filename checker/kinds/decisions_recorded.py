"""Kind `decisions_recorded` (MM-03): minutes record their decisions apart from the discussion.

The decisions section (`key`) must list at least one entry or say explicitly that there were none
('No decisions', '无决议': the NLP lexicon's `no_decisions`). Without one, the minutes are read for
decisions written into the discussion ('It was agreed …', '会议决定…': the lexicon's `decision`):
the first such line is the finding (variant `mixed`); with none anywhere, the finding is that no
decision is recorded at all.
"""
from __future__ import annotations

from typing import Iterable

from pydantic import Field

from checker.analysis.context import Context
from checker.analysis.sections import find_section, hit_is_empty
from checker.core.findings import Finding
from checker.kinds.nlp_base import entries, reader_of
from checker.kinds.prose_base import ProseKind, ProseParams


class DecisionsRecorded(ProseKind):
    name = "decisions_recorded"

    class Params(ProseParams):
        key: str = Field("decisions", description="the section key of the decisions")
        discussion_keys: list[str] = Field(["discussion", "agenda"], description="sections read for decisions "
                                                                                  "written into the discussion")

    params: Params

    def check(self, ctx: Context) -> Iterable[Finding]:
        reader = reader_of(ctx)
        hit = find_section(ctx, self.params.key)
        if hit is not None and not hit_is_empty(ctx.vocab, hit, min_chars=1):
            return  # listed, or an explicit 'none' (an entry too)
        if hit is not None and reader.has(hit.text, "no_decisions"):
            return
        for key in self.params.discussion_keys:
            place = find_section(ctx, key)
            if place is None:
                continue
            for entry in entries(ctx, place):
                if reader.has(entry.text, "decision"):
                    yield self.finding(ctx, entry.location, variant="mixed", text=_short(entry.text))
                    return
        location = hit.location if hit is not None else None
        yield self.finding(ctx, location)


def _short(text: str, limit: int = 80) -> str:
    t = " ".join(text.split())
    return t if len(t) <= limit else t[: limit - 1] + "…"
