"""Kind `date_order`: dates that must come in order (start < end, decision ≥ submission, …).

Params:
  refs:   name -> where the date is: `labels` (field labels, EN/ZH), `keys` (section keys of the type),
          `doc` (a doc-control key such as `date`), `approval: latest|earliest` (the approval block);
          `pick: first|last` picks a date out of a range value ('2026-03-01 至 2026-03-07').
  pairs:  [{before: a, after: b, strict: bool, slack_days: n, variant: name}] — a ≤ b (+ slack), or
          a < b when strict. The finding points at b's value (the one that looks wrong).
  within: {start: a, end: b, keys: [section keys], item: [column synonyms], date: [column synonyms]}
          — every dated row of a table in those sections lies in [a, b] (CH-05 milestones).
Missing dates are silent: presence rules report them.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any, Iterable, Literal, Self

from pydantic import Field, model_validator

from checker.analysis.context import Context
from checker.analysis.sections import find_section
from checker.analysis.signoff import approval_state
from checker.analysis.views import first_value
from checker.core.findings import Finding
from checker.core.location import Location
from checker.io.tables import find_header, table_view
from checker.kinds.params import KindParams, Text
from checker.kinds.prose_base import ProseKind, ProseParams
from checker.lexicon.synonyms import Synonyms
from checker.text.dates import parse_date
from checker.text.normalize import nfkc

_ANY_DATE = re.compile(r"(?<!\d)\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}(?!\d)|(?<!\d)\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?"
                       r"|(?<!\d)\d{1,2}\s*[/.]\s*\d{1,2}\s*[/.]\s*\d{4}(?!\d)|\b[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b"
                       r"|\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4}\b")


def dates_in(text: str) -> list[date]:
    out = [d for d in (parse_date(m.group(0)) for m in _ANY_DATE.finditer(nfkc(text or ""))) if d is not None]
    return out


class Ref(KindParams):
    """Where a date is, looked for in this order."""

    labels: list[str] | None = Field(None, description="field labels (EN/ZH)")
    keys: list[str] = Field([], description="section keys of the type")
    doc: str | None = Field(None, description="a doc-control key such as `date`")
    approval: Literal["latest", "earliest"] | None = Field(None, description="a date of the approval block")
    pick: Literal["first", "last"] = Field("first", description="which date of a range value")


class Pair(KindParams):
    before: str = Field(description="the ref that comes first")
    after: str = Field(description="the ref that comes second (the finding points at it)")
    strict: bool = Field(False, description="before < after (else ≤)")
    slack_days: int = Field(0, description="days `after` may precede `before` by")
    variant: str | None = Field(None, description="the message variant")


class Within(KindParams):
    start: str | None = Field(None, description="the ref of the window's start")
    end: str | None = Field(None, description="the ref of the window's end")
    keys: list[str] = Field([], description="section keys whose tables are checked")
    item: list[str] = Field([], description="column synonyms of the item")
    date: list[str] = Field([], description="column synonyms of the date")


class DateRef:
    def __init__(self, name: str, spec: Ref):
        self.name = name
        self.labels = Synonyms({"x": list(spec.labels)}) if spec.labels else None
        self.keys = spec.keys
        self.doc = spec.doc
        self.approval = spec.approval
        self.pick = spec.pick

    def resolve(self, ctx: Context) -> tuple[date, Location, str] | None:
        def pick(text: str, value: Any = None) -> date | None:
            if value is not None and parse_date(value) is not None and not isinstance(value, str):
                return parse_date(value)
            found = dates_in(text)
            if not found:
                return None
            return found[-1] if self.pick == "last" else found[0]

        if self.labels is not None:
            for f in ctx.doc.fields:
                m = self.labels.match(f.label)
                if m is not None and m.strong:
                    d = pick(f.value)
                    if d is not None:
                        return d, f.location, f.value
        for key in self.keys:
            hit = find_section(ctx, key)
            if hit is not None:
                d = pick(hit.text)
                if d is not None:
                    return d, hit.location, hit.text
        if self.doc:
            f = first_value(ctx, self.doc)
            if f is not None:
                d = pick(f.value)
                if d is not None:
                    return d, f.location, f.value
        if self.approval:
            dated = [e for e in approval_state(ctx).entries if e.when is not None and e.date_location is not None]
            if dated:
                e = (max if self.approval == "latest" else min)(dated, key=lambda e: e.when)
                return e.when, e.date_location, e.when.isoformat()
        return None


class DateOrder(ProseKind):
    name = "date_order"

    class Params(ProseParams):
        refs: dict[str, Ref] = Field({}, description="name -> where the date is")
        names: dict[str, Text] = Field({}, description="name -> how messages call the date (EN/ZH)")
        pairs: list[Pair] = Field([], description="dates that must come in order")
        within: Within | None = Field(None, description="every dated row of the sections' tables lies in [start, end]")

        @model_validator(mode="after")
        def _refs_exist(self) -> Self:
            used = [n for p in self.pairs for n in (p.before, p.after)]
            used += [n for n in (self.within.start, self.within.end) if n] if self.within else []
            unknown = sorted(set(used) - set(self.refs))
            if unknown:
                raise ValueError(f"{', '.join(map(repr, unknown))} named in pairs/within but not in refs")
            return self

    params: Params

    def __init__(self, spec):
        super().__init__(spec)
        self._refs = {name: DateRef(name, s) for name, s in self.params.refs.items()}
        self._names = self.params.names
        within = self.params.within
        self._within = within
        self._item = Synonyms({"item": within.item, "date": within.date}) if within else None

    def _name(self, ctx: Context, ref: str) -> str:
        entry = self._names.get(ref) or Text()
        return str(entry.get(ctx.message_language) or entry.en or ref.replace("_", " "))

    def check(self, ctx: Context) -> Iterable[Finding]:
        resolved = {n: r.resolve(ctx) for n, r in self._refs.items()}
        for pair in self.params.pairs:
            a, b = resolved.get(pair.before), resolved.get(pair.after)
            if a is None or b is None:
                continue
            slack = timedelta(days=pair.slack_days)
            bad = (a[0] >= b[0] + slack) if pair.strict else (a[0] > b[0] + slack)
            if bad and not (a[1].anchor() == b[1].anchor() and a[0] == b[0]):
                yield self._capitalised(self.finding(ctx, b[1].with_text(b[2]), variant=pair.variant,
                                   first=self._name(ctx, pair.before), first_date=a[0].isoformat(),
                                   second=self._name(ctx, pair.after), second_date=b[0].isoformat(),
                                   days=pair.slack_days))
        if self._within:
            yield from self._check_within(ctx, resolved)

    @staticmethod
    def _capitalised(f: Finding) -> Finding:
        if f.message and f.message[0].islower():
            f.message = f.message[0].upper() + f.message[1:]
        return f

    def _check_within(self, ctx: Context, resolved) -> Iterable[Finding]:
        start, end = resolved.get(self._within.start), resolved.get(self._within.end)
        if start is None or end is None or start[0] > end[0]:
            return
        grids = []
        for key in self._within.keys:
            hit = find_section(ctx, key)
            if hit is not None:
                grids.extend(b.grid for b in hit.blocks if b.grid is not None)
        for grid in grids:
            found = find_header(grid, self._item, min_hits=1, must_have=("date",))
            if found is None:
                continue
            view = table_view(grid, *found)
            for cells in view.rows:
                cell = cells.get("date")
                if cell is None or cell.blank:
                    continue
                d = parse_date(cell.value if cell.value is not None else cell.text)
                if d is None or start[0] <= d <= end[0]:
                    continue
                item = cells.get("item")
                yield self.finding(ctx, cell.location.with_text(cell.text), variant="within",
                                   item=item.text.strip() if item is not None else "", date=d.isoformat(),
                                   start=start[0].isoformat(), end=end[0].isoformat())
