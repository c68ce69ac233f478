"""Elements a document states without a heading or label that names them.

Real documents give a charter's purpose under 'Goals', a closure report's conclusion under 'Overall
verdict', a scope statement's exclusions in a sentence ('… is not included'), a change request's
decision as a form line ('变更：通过'). A reviewer reads them as present; a checker that only looks for
the element's name reports them missing. So an element of the standard may also carry `content`
cues in `rules/lexicons/doctypes.yaml`: regular expressions (EN/ZH) for what a text that *states* the
element opens with ('The purpose of this project', '不包括', 'Contingency'). A required element that no
label names is found when the opening of a text (its first line, and each `Label: value` pair it
holds; up to 60 characters, 30 in Chinese: what the text is about) matches its cues in at least `min`
distinct phrases (default 1); the finding is then not made, and `pmo-check explain` shows the element
as found "by content" with the text that gave it.

Cues are read in the body, tables and visible worksheets, never in contents lines, page headers,
revision-history and approval tables (they record the document, not the project) or set-aside
(hidden, appendix) sheets. They describe what an element is, from the standard's definitions, not how
one document words it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from checker.analysis.context import Context
from checker.analysis.inventory import body_blocks, is_set_aside_sheet
from checker.analysis.sections import SectionHit
from checker.analysis.views import approval_tables, revision_tables
from checker.core.location import Location
from checker.io.fields import pair_texts
from checker.lexicon.matchers import section_entries
from checker.lexicon.vocabulary import Vocabulary, derived
from checker.text.normalize import has_cjk, nfkc

_MAX_TEXTS = 20_000  # a worksheet past this many cells is a register, not prose stating elements
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])|(?<=[。！？])")
_SENTENCES = 3  # the opening sentences of a paragraph say what it is about; later ones pass by
_LEAD_EN, _LEAD_ZH = 60, 30  # characters of a text's first line that say what the text is about


@dataclass(frozen=True)
class Cue:
    pattern: re.Pattern[str]
    min: int  # distinct phrases that must match (a phrase said twice counts once)


@derived
def content_cues(vocab: Vocabulary, doc_type: str) -> dict[str, tuple[Cue, ...]]:
    """section key → its content cues (any one states the element), for the elements of `doc_type`
    that have them. `content` is one cue or a list of cues: a list says an element may be stated in
    different ways ('Key stakeholders', or three roles each naming someone)."""
    out: dict[str, tuple[Cue, ...]] = {}
    for key, entry in section_entries(vocab, doc_type).items():
        spec = entry.get("content") if isinstance(entry, dict) else None
        cues = []
        for one in (spec if isinstance(spec, list) else [spec] if spec else []):
            patterns = [str(p) for lang in ("en", "zh") for p in one.get(lang) or []]
            if patterns:
                cues.append(Cue(re.compile("|".join(f"(?:{p})" for p in patterns), re.I), int(one.get("min", 1))))
        if cues:
            out[key] = tuple(cues)
    return out


def _lead(text: str) -> str:
    """What a text is about: its first line, up to 60 characters (30 in Chinese). A label, a
    heading or a sentence's opening names its subject there ('The purpose of this project is',
    '本项目不包括硬件'); a word deep in a long paragraph only passes by."""
    line = nfkc(text.strip().split("\n", 1)[0])
    return line[: _LEAD_ZH if has_cjk(line[:_LEAD_ZH]) else _LEAD_EN]


def _openings(text: str) -> list[str]:
    """What a text is about: its lead, the lead of its second and third sentences (a
    summary's second sentence 'The purpose of this project is …'), and the lead of each `Label:
    value` pair it holds ('变更编号：CR-03', then '评估：影响工期3天' and '变更：通过  签字：…' in one
    cell: a form's fields)."""
    sentences = [_lead(s) for s in _SENTENCE.split(text.strip().split("\n", 1)[0])[1:_SENTENCES] if s.strip()]
    if ":" not in text and "：" not in text:
        return [_lead(text), *sentences]
    return [_lead(text), *sentences, *(_lead(pair) for pair in pair_texts(text))]


def _texts(ctx: Context) -> list[tuple[str, Location]]:
    """(lead, location) of the document's paragraphs and cells, in document order."""
    def compute() -> list[tuple[str, Location]]:
        out: list[tuple[str, Location]] = []
        control_views = (*revision_tables(ctx), *approval_tables(ctx))
        control = {id(t.grid) for t in control_views}
        control_tables = {t.grid.location.table for t in control_views} - {None}
        for block, _ in body_blocks(ctx.doc):
            if (block.style or "").lower().startswith("toc") or "\t" in block.text.strip():
                continue  # a contents line names a section, it does not state it
            if block.grid is not None and id(block.grid) in control:
                continue  # 'Budget breakdown added' in a revision row records a change, not a budget
            if block.grid is not None:
                out.extend((lead, c.location) for row in block.grid.rows for c in row
                           if not c.merged and c.text.strip() for lead in _openings(c.text))
            elif block.text.strip():
                out.extend((lead, block.location) for lead in _openings(block.text))
        # A form row's label and value cells read as the pair they are ('Status | Approved' is
        # 'Status: Approved'), as a `Label: value` line would.
        aside = {sheet.name for sheet in ctx.doc.sheets if is_set_aside_sheet(sheet)}
        out.extend((_lead(f"{f.label.strip(' :：')}: {f.value}"), f.location) for f in ctx.doc.fields
                   if f.source in ("table", "sheet") and f.label.strip() and f.value.strip()
                   and f.location.table not in control_tables and f.location.sheet not in aside)
        for sheet in ctx.doc.sheets:
            if is_set_aside_sheet(sheet):
                continue
            for row in sheet.grid.rows:
                out.extend((lead, c.location) for c in row if not c.merged and c.text.strip()
                           for lead in _openings(c.text))
                if len(out) > _MAX_TEXTS:
                    return out
        return out

    return ctx.memo("by_content.texts", compute)


def find_by_content(ctx: Context, key: str) -> SectionHit | None:
    """The first text that states element `key` by its content cues, as a hit of kind `content`
    (None when the element has no cue or too few texts match)."""
    cues = content_cues(ctx.vocab, ctx.doc_type).get(key)
    if cues is None:
        return None

    def stated(cue: Cue) -> SectionHit | None:
        first: tuple[str, Location, str] | None = None
        phrases: set[str] = set()
        for text, where in _texts(ctx):
            for m in cue.pattern.finditer(text):
                first = first or (text, where, m.group(0))
                phrases.add(m.group(0).casefold())
                if len(phrases) >= cue.min:
                    text, where, phrase = first
                    return SectionHit(key, phrase, text, where.with_text(text[:80]), "content")
        return None

    def compute() -> SectionHit | None:
        return next((hit for hit in map(stated, cues) if hit is not None), None)

    return ctx.memo(f"by_content:{ctx.doc_type}:{key}", compute)
