"""Kind `section_content`: a named section or field must contain something specific.

A rule holds one check (its params) or several (`checks: [...]`, same shape each). A check names
where to look — `key`/`keys` (section keys of the type; the first one found is used) or `labels`
(field/heading synonyms for things the lexicon has no key for) — and what must be there, any of:
  `min_items`   at least this many entries (list items, table rows, lines); `allow_none: true`
                accepts an explicit 'None'/'无' as the answer (SS-05);
  `pattern`     a regular expression that must occur (compiled once, case-insensitive);
  `money`       an amount with a currency or unit (元/万元/USD …);
  `date`        a readable date;
  `row_column`  column-header synonyms: when the section holds a table with such a column, every data
                row must fill it (BC-10 each risk has a response) — the finding points at the empty
                cell; without such a table, `pattern` (if any) is the test;
  `vocabulary`  `common.<name>` (e.g. common.rag): every short value found must be one of its words;
  `present`     the place must exist and be filled (normally an absent section is left to
                `required_sections`; with `when`, absence is the finding — CR-05 rationale).
  `when`        [{key|labels, pattern}]: only check when every condition's text matches;
  `needs_profile: full`  run only on a full business case (`profile`: full | light | auto — auto: the
                document calls itself a business case/可行性研究报告), BC-04 and BC-12;
  `empty_is_finding`  with `min_items`: a section that is there but empty (a header-only table,
                'None identified') is this rule's finding, not COM-14's (CH-10; COM-14 `skip`s it).
Each check may name its own `variant` prefix for messages; messages get {section}.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator, Literal, Self

from pydantic import Field, model_validator

from checker.analysis.context import Context
from checker.analysis.sections import (
    SectionHit,
    display_name,
    find_all,
    find_section,
    hit_is_empty,
    items,
    places_matching,
)
from checker.analysis.signoff import status_synonyms
from checker.core.findings import Finding
from checker.io.tables import find_header, table_view
from checker.kinds.params import KindParams, Regex, Text
from checker.kinds.prose_base import ProseKind, ProseParams
from checker.lexicon.predicates import is_placeholder
from checker.lexicon.synonyms import Synonyms
from checker.lexicon.vocabulary import Vocabulary, derived
from checker.text.dates import parse_date
from checker.text.money import AMOUNT, CN_SCALED_UNIT, CN_UNIT
from checker.text.normalize import nfkc
from checker.text.widening import bounded_lookaheads, survives_widening

_NONE = re.compile(r"^\s*(?:none|nil|n/?a|无|没有|不适用|暂无)(?:\b|$|[,，。.;；:：])", re.I)
_UNIT_DECL = re.compile(rf"单位\s*[:：]?\s*(?:人民币)?\s*(?:{CN_UNIT})|(?:{CN_SCALED_UNIT})|"
                        r"\b(?:USD|CNY|RMB|EUR|GBP|HKD)\b|[$¥￥€£]|\b(?:dollars?|euros?)\b", re.I)


def has_money(text: str) -> bool:
    """An amount written with a currency or a unit, or a number next to a unit declaration."""
    t = nfkc(text or "")
    for m in AMOUNT.finditer(t):
        if m.group("num") and re.search(r"\d", m.group("num")) and (m.group("cur") or m.group("unit") or m.group("cur2")):
            return True
    return bool(re.search(r"\d", t)) and bool(_UNIT_DECL.search(t))


_YES_NO = re.compile(r"^\s*(?:yes|no|y|n|true|false|required|not required|是|否|需要|不需要)\s*[.。]?\s*$", re.I)


def _answers_whether(hit: SectionHit) -> bool:
    """A field whose value only says yes or no ('是否需要成本/进度影响分析 | 是'): it answers whether
    the section is needed, it does not hold it."""
    return hit.kind == "field" and bool(_YES_NO.match(hit.norm_text))


_FULL_BC = re.compile(r"business case|商业论证|可行性研究|可研报告", re.I)


def business_case_profile(ctx: Context, profile: str = "auto") -> str:
    """`full` or `light` for a request/business case: as configured, or (`auto`) `full` when the
    document calls itself a business case or feasibility study (title or Document Title field)."""
    if profile in ("full", "light"):
        return profile
    from checker.analysis.views import first_value
    title = first_value(ctx, "doc_title")
    heading = next((b.text for b in ctx.doc.blocks if b.text.strip()), "")
    texts = [heading] + ([title.value] if title is not None else [])
    return "full" if any(_FULL_BC.search(t or "") for t in texts) else "light"


def _heading_over_header_cells(hits: list[SectionHit], hit: SectionHit) -> SectionHit:
    """The section's heading when the other places are only its own table's header cells ('风险 | 应对措施'
    read as a form label): a header-only table under the heading lists nothing."""
    heading = next((h for h in hits if h.kind == "heading"), None)
    if heading is None or hit is heading:
        return hit
    tables = {b.location.table for b in heading.blocks if b.grid is not None}
    if all(h.kind == "heading" or (h.location.table is not None and h.location.table in tables) for h in hits):
        return heading
    return hit


class Place(KindParams):
    """Where to look: section keys of the type (the first one found), or labels of its own."""

    key: str | None = Field(None, description="a section key of the type")
    keys: list[str] | None = Field(None, description="section keys of the type; the first one found is used")
    labels: list[str] | None = Field(None, description="field/heading synonyms for what the lexicon has no key for")


class TextCondition(Place):
    pattern: Regex = Field(description="the place's text must match")


class Check(Place):
    """One check: where to look (`Place`) and what must be there."""

    min_items: int | None = Field(None, ge=1, description="at least this many entries (list items, table rows, lines)")
    allow_none: bool = Field(False, description="an explicit 'None'/'无' is an answer")
    pattern: Regex | None = Field(None, description="a regular expression that must occur (case-insensitive)")
    money: bool = Field(False, description="an amount with a currency or unit")
    date: bool = Field(False, description="a readable date")
    row_column: list[str] | None = Field(None, description="column synonyms: every data row of the section's "
                                                           "table with such a column fills it")
    vocabulary: str | None = Field(None, pattern=r"^common\.\w+$",
                                   description="`common.<name>`: short values must be its words")
    naming: Regex | None = Field(None, description="vocabulary: what a value may name beside its word (the "
                                                   "thing decided: 'Approve the change', '批准变更')")
    present: bool = Field(False, description="the place must exist and be filled")
    when: list[TextCondition] = Field([], description="only check when every condition's text matches")
    name: Text | None = Field(None, description="present: how the message calls the place (EN/ZH)")
    variant: str | None = Field(None, description="prefix of this check's message variants")
    empty_is_finding: bool = Field(False, description="with min_items: a present but empty section is this "
                                                      "rule's finding (not COM-14's)")


class _Place:
    """Where a check looks: section keys of the type, or its own labels."""

    def __init__(self, spec: Place, rid: str, n: int):
        self.keys = [k for k in (spec.keys or [spec.key]) if k]
        self.synonyms = None
        if spec.labels:
            key = f"{rid}#{n}"
            self.keys = [key]
            self.synonyms = Synonyms({key: list(spec.labels)})

    def find(self, ctx: Context) -> SectionHit | None:
        hit = next((h for h in (find_section(ctx, k, self.synonyms) for k in self.keys) if h is not None), None)
        if hit is None or not _answers_whether(hit):
            return hit
        # 'Cost/schedule impact analysis needed? | Yes' asks whether the section is needed: the
        # section itself is the next place that names it ('Impact on cost | +10 person-days').
        return next((h for h in self.find_all(ctx) if h is not hit and not _answers_whether(h)
                     and not hit_is_empty(ctx.vocab, h)), hit)

    def find_all(self, ctx: Context) -> list[SectionHit]:
        return [h for k in self.keys for h in find_all(ctx, k, self.synonyms)]


@derived
def _common_vocabulary(vocab: Vocabulary, name: str) -> Synonyms:
    entries = vocab.common.get(name) or {}
    return Synonyms({k: [str(x) for x in v] for k, v in entries.items()})


class _Check:
    def __init__(self, spec: Check, rid: str, n: int):
        self.spec = spec
        self.place = _Place(spec, rid, n)
        self.pattern = re.compile(spec.pattern, re.I) if spec.pattern else None
        self.pattern_widens = self.pattern is not None and survives_widening(self.pattern)
        self.pattern_parts = bounded_lookaheads(self.pattern) if self.pattern_widens else ()  # type: ignore[arg-type]
        self.row_column = Synonyms({"col": list(spec.row_column)}) if spec.row_column else None
        self.when = [(_Place(w, rid, n * 100 + i + 1), re.compile(w.pattern, re.I | re.M))
                     for i, w in enumerate(spec.when)]
        # The common vocabulary the value must come from (`common.x`: its name in common.yaml).
        self.vocabulary = spec.vocabulary.split(".", 1)[-1] if spec.vocabulary else None
        self.naming = re.compile(spec.naming, re.I) if spec.naming else None
        self.prefix = spec.variant


class SectionContent(ProseKind):
    name = "section_content"

    class Params(ProseParams, Check):
        checks: list[Check] | None = Field(None, description="several checks, each of the shape of a single one")
        needs_profile: Literal["full"] | None = Field(None, description="`full`: only on a full business case")
        profile: Literal["full", "light", "auto"] = Field(
            "auto", description="needs_profile: the business case's profile (auto: the document calls itself "
                                "a business case)")

        @model_validator(mode="after")
        def _checks_or_one(self) -> Self:
            beside = sorted(k for k in self.model_fields_set & set(Check.model_fields) if self.checks is not None)
            if beside:
                raise ValueError(f"{', '.join(beside)} beside `checks`: put them in one of the checks")
            return self

    params: Params

    def __init__(self, spec):
        super().__init__(spec)
        specs = self.params.checks or [self.params]
        self._checks = [_Check(s, spec.id, n) for n, s in enumerate(specs)]

    def applies(self, ctx: Context) -> bool:
        if not super().applies(ctx):
            return False
        if self.params.needs_profile == "full":  # BC-04, BC-12: the full business case only
            return business_case_profile(ctx, self.params.profile) == "full"
        return True

    def check(self, ctx: Context) -> Iterable[Finding]:
        for chk in self._checks:
            yield from self._run(ctx, chk)

    def _v(self, chk: _Check, name: str) -> str | None:
        variant = f"{chk.prefix}_{name}" if chk.prefix else name
        return variant if variant in self.spec.variants else (chk.prefix if chk.prefix in self.spec.variants else None)

    def _run(self, ctx: Context, chk: _Check) -> Iterable[Finding]:
        for place, pattern in chk.when:
            if not any(pattern.search(h.norm_text) for h in place.find_all(ctx) if h.kind != "column"):
                return
        p = chk.spec
        lang = ctx.message_language
        hit = chk.place.find(ctx)
        if hit is not None and p.empty_is_finding and p.min_items:
            hit = _heading_over_header_cells(chk.place.find_all(ctx), hit)
        if hit is not None and p.empty_is_finding and p.min_items and hit_is_empty(ctx.vocab, hit):
            # CH-10: a risks section with only a header row or 'None identified' lists nothing; this rule
            # reports it (COM-14 skips the section, see its `skip`).
            title = hit.title.strip(" :：") or display_name(ctx.vocab, ctx.doc_type, hit.key, lang)
            yield self.finding(ctx, hit.location, variant=self._v(chk, "items"), section=title, count=0,
                               min=p.min_items)
            return
        if hit is None or hit_is_empty(ctx.vocab, hit):
            if hit is not None and p.allow_none and _NONE.match(hit.norm_text):
                return  # 'None' / '无' is an answer (BC-12: dis-benefits may be none)
            if p.present:
                key = chk.place.keys[0]
                name = p.name.get(lang) if p.name else None
                yield self.finding(ctx, hit.location if hit is not None else None, variant=self._v(chk, "missing"),
                                   section=name or (hit.title.strip(" :：") if hit else display_name(ctx.vocab, ctx.doc_type, key, lang)))
            return  # otherwise absent or empty: required_sections / COM-14 say so
        section = hit.title.strip(" :：") or display_name(ctx.vocab, ctx.doc_type, hit.key, lang)
        if chk.vocabulary is not None:
            yield from self._vocabulary(ctx, chk)
        if p.min_items:
            entries = items(ctx.vocab, hit)
            if not (p.allow_none and entries and _NONE.match(entries[0])):
                entries = [e for e in entries if not _NONE.match(e)]
                if len(entries) < p.min_items:
                    yield self.finding(ctx, hit.location, variant=self._v(chk, "items"), section=section,
                                       count=len(entries), min=p.min_items)
                    return
        if chk.row_column is not None:
            checked = False
            for f in self._row_cells(ctx, chk, hit, section):
                checked = True
                if f is not None:
                    yield f
            if checked:
                return
        # The same section may appear more than once (a summary table and a detailed chapter):
        # it satisfies the check when any of its places does.
        def places() -> Iterator[SectionHit]:
            """The places, non-empty ones only (the first place when all are empty), one at a time: a
            check usually passes on the first place, and the rest need not be read."""
            filled = False
            for h in chk.place.find_all(ctx):
                if not hit_is_empty(ctx.vocab, h):
                    filled = True
                    yield h
            if not filled:
                yield hit

        def texts() -> Iterator[str]:
            return (h.norm_text for h in places())

        # `hit` is filled, so `places()` are the filled places: whether one matches is asked of the places
        # that match, which are few (deciding whether a place is empty reads it for placeholders).
        if chk.pattern is not None and all(hit_is_empty(ctx.vocab, h) for h in places_matching(
                chk.pattern, chk.place.find_all(ctx), chk.pattern_widens, chk.pattern_parts)):
            yield self.finding(ctx, hit.location, variant=self._v(chk, "pattern"), section=section)
            return
        if p.money and not any(has_money(t) or (p.allow_none and _NONE.match(t)) for t in texts()):
            yield self.finding(ctx, hit.location, variant=self._v(chk, "money"), section=section)
            return
        if p.date and not any(parse_date(t) is not None for t in texts()):
            yield self.finding(ctx, hit.location, variant=self._v(chk, "date"), section=section)

    def _vocabulary(self, ctx: Context, chk: _Check) -> Iterable[Finding]:
        for hit in chk.place.find_all(ctx):
            value = " ".join(hit.norm_text.split())
            if hit.kind != "field" or not value or len(value) > 20 or re.search(r"\d", value) or is_placeholder(ctx.vocab, value) \
                    or re.search(r"report|报告|报表|description|描述|说明", hit.title, re.I):
                continue
            if status_synonyms(ctx.vocab).match(value, allow_partial=False) is not None:
                continue  # a document status (Final, 已发布) in a field that shares the label
            words_of = _common_vocabulary(ctx.vocab, chk.vocabulary)
            m = words_of.match(value)
            if (m is None or not m.strong) and chk.naming is not None:
                # The word with the thing it decides ('批准变更', 'Change approved'): the word alone.
                m = words_of.match(" ".join(chk.naming.sub(" ", value).split()) or value)
            if m is None or not m.strong:
                yield self.finding(ctx, hit.location.with_text(hit.text), variant=self._v(chk, "vocabulary"),
                                   section=hit.title.strip(" :："), value=value)

    def _row_cells(self, ctx: Context, chk: _Check, hit: SectionHit, section: str):
        """None once per table with the column (checked), then a finding per empty cell."""
        for block in hit.blocks:
            if block.grid is None:
                continue
            found = find_header(block.grid, chk.row_column, min_hits=1)
            if found is None:
                continue
            view = table_view(block.grid, *found)
            yield None
            for cells in view.rows:
                cell = cells.get("col")
                if cell is None:
                    continue
                others = [c for c in block.grid.rows[cell.row] if c is not cell and not c.blank and not c.merged]
                if not others:
                    continue
                if cell.blank or is_placeholder(ctx.vocab, cell.text):
                    yield self.finding(ctx, cell.location, variant=self._v(chk, "row"), section=section,
                                       item=others[0].text.strip()[:60])
