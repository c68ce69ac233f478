"""Kind `mentions` (CH-02, CH-09, CH-11, PMP-03, BC-02, BC-05, COST-05, LL-07): a section speaks of what the
standard asks it to, in any wording the NLP lexicon knows.

Where: the sections of `keys` that the document has (read together); with `anywhere`, the whole
document's text once one of them is there (a charter may state its exclusions in its scope, its
description or a table of deliverables), the finding placed at the first section found. A document
without any of the sections gets no finding here: that is the required-section rules' finding. What: every category of
`concepts` must have a word in the text (the messages name what is missing with the pack's
`concept_<name>` texts); with `person`, the text must name a person (`checker.nlp.parties`), with
`party`, a person or a role.
"""
from __future__ import annotations

from typing import Iterable

from pydantic import Field

from checker.analysis.context import Context
from checker.analysis.sections import display_name, find_section, hit_is_empty
from checker.core.findings import Finding
from checker.core.location import Location
from checker.kinds.nlp_base import lines_of, reader_of
from checker.kinds.prose_base import ProseKind, ProseParams, sep
from checker.nlp.parties import names_in_prose, parties
from checker.nlp.reader import Reader

_PARTY_LINE = 120  # a name is looked for in short lines and fields, not in long prose


class Mentions(ProseKind):
    name = "mentions"

    class Params(ProseParams):
        keys: list[str] = Field(min_length=1, description="section keys read (those found, together)")
        concepts: list[str] = Field([], description="NLP lexicon categories that must each have a word in the text")
        person: bool = Field(False, description="the text names a person (not only a role or a department)")
        party: bool = Field(False, description="the text names a person or a role")
        anywhere: bool = Field(False, description="read the whole document once a section is there (the finding at "
                                                  "the first section found)")

    params: Params

    def check(self, ctx: Context) -> Iterable[Finding]:
        hits = [h for h in (find_section(ctx, k) for k in self.params.keys)
                if h is not None and not hit_is_empty(ctx.vocab, h, min_chars=1)]
        if not hits:
            return  # an absent section is the required-section rules' finding
        text = _body_text(ctx) if self.params.anywhere else "\n".join(h.text for h in hits)
        location: Location = hits[0].location
        section = display_name(ctx.vocab, ctx.doc_type, hits[0].key, ctx.message_language)
        reader = reader_of(ctx)
        missing = [c for c in self.params.concepts if not reader.has(text, c)]
        if self.params.person and not _names(reader, text, {"person"}):
            missing.append("person")
        elif self.params.party and not _names(reader, text, {"person", "role"}):
            missing.append("party")
        if not missing:
            return
        lang = ctx.message_language
        names = [self._concept(m, lang) for m in missing]
        yield self.finding(ctx, location, section=section, missing=sep(ctx).join(names))

    def _concept(self, name: str, lang: str) -> str:
        text = self.spec.variants.get(f"concept_{name}")
        return text.get(lang) if text is not None else name


def _body_text(ctx: Context, limit: int = 200_000) -> str:
    """The document's text without its headings (a heading 'Description and Boundaries' states no boundary),
    its first `limit` characters: the paragraphs stop being collected once their join is that long
    (a 20,000-paragraph plan joined 4.8 MB to keep 200 kB)."""
    parts: list[str] = []
    size = 0
    for block in ctx.doc.text_blocks():
        if block.kind != "heading" and block.text:
            parts.append(block.text)
            size += len(block.text)
            if size + len(parts) > limit:  # the join (size + len(parts) - 1 characters) is long enough
                return "\n".join(parts)[:limit]
    for grid in ctx.doc.grids():
        for row in grid.rows:
            for cell in row:
                if not cell.merged and cell.text:
                    parts.append(cell.text)
                    size += len(cell.text)
        if size > limit:
            break
    return "\n".join(parts)[:limit]


def _names(reader: Reader, text: str, kinds: set[str]) -> bool:
    """A person (or role) named in a short line or field of the text (a name cell, 'PM: Wei Zhang'), or an
    English name in a sentence ('Wei Zhang is the project manager')."""
    if names_in_prose(reader, text):
        return True
    for line in lines_of(text):
        for part in (line, *line.split(":", 1)[1:], *line.split("：", 1)[1:]):
            if len(part) <= _PARTY_LINE and any(p.kind in kinds for p in parties(reader, part.strip())):
                return True
    return any(p.kind in kinds for p in parties(reader, text[:_PARTY_LINE]))
