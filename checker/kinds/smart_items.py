"""Kind `smart_items` (CH-04, BC-15, BC-03, SS-02): every objective, benefit or acceptance criterion of a
section is SMART — specific, measurable and time-bound (standard Appendix B, `checker.nlp.smart`).

Each entry of the first section found (`keys`) is judged: a table row as a whole (an objective with
its success criterion and target date), else each list item or line. A date the section states for
all its entries ('All objectives are to be met by 2026-06-30') makes each of them time-bound. The
finding says which criteria an entry misses and how to meet each (the pack's `hint_<criterion>`
texts), so the writer gets a rewrite pattern, not only a verdict. Optional checks for benefits:
`columns` a table must fill when it has them (baseline, target …) and `owner` (each entry names a
person or role, in its own words or in an owner column).
"""
from __future__ import annotations

import re
from typing import Any, Iterable, Literal

from pydantic import Field

from checker.analysis.context import Context
from checker.analysis.sections import display_name, find_section, hit_is_empty
from checker.core.findings import Finding
from checker.kinds.nlp_base import Entry, GroupParams, entries, grouped, prose, reader_of
from checker.kinds.params import Words
from checker.kinds.prose_base import ProseKind, ProseParams
from checker.nlp.dates import find_dates
from checker.nlp.parties import parties
from checker.nlp.smart import assess
from checker.text.normalize import norm_label

_FIGURE = re.compile(r"^\s*[-+≥≤<>~约]?\s*\d[\d,，]*(?:\.\d+)?\s*[%％]?\s*$")
Criterion = Literal["specific", "measurable", "time_bound"]
# What an entry misses, as the messages say it ("is not specific, measurable or time-bound" / "不够具体、不可衡量").
NAMES = {"en": {"specific": "specific", "measurable": "measurable", "time_bound": "time-bound",
                "owner": "owned by anyone", "baseline": "given a baseline"},
         "zh": {"specific": "不够具体", "measurable": "不可衡量", "time_bound": "没有时限", "owner": "没有责任人",
                "baseline": "没有基线"}}


class SmartItems(ProseKind):
    name = "smart_items"

    class Params(ProseParams, GroupParams):
        keys: list[str] = Field(description="section keys; the first one found with content is read")
        criteria: list[Criterion] = Field(["specific", "measurable", "time_bound"], min_length=1,
                                          description="what each entry must be")
        columns: dict[str, Words] = Field({}, description="name -> header synonyms: a table with such a column must "
                                                          "fill it on every row (hint_<name> says what is missing)")
        owner: bool = Field(False, description="each entry names an owner (a person or role, or an owner column)")
        frequency: bool = Field(False, description="how often an entry is measured ('quarterly') makes it time-bound "
                                                   "(a benefit's measurement; an objective needs a deadline)")
        owner_columns: Words = Field(["Owner", "Benefit Owner", "Responsible", "责任人", "负责人", "效益责任人"],
                                     description="header synonyms of an owner column (with `owner`)")

    params: Params

    def check(self, ctx: Context) -> Iterable[Finding]:
        hit = next((h for h in (find_section(ctx, k) for k in self.params.keys)
                    if h is not None and not hit_is_empty(ctx.vocab, h, min_chars=1)), None)
        if hit is None:
            return
        reader = reader_of(ctx)
        found = entries(ctx, hit)
        if not found:
            return
        context = _context(hit, found)
        dated = bool(find_dates(context, day_first=True))
        section_owner = self.params.owner and _names_owner(reader, context)
        lang = ctx.message_language
        section = display_name(ctx.vocab, ctx.doc_type, hit.key, lang)
        failing: list[tuple[Any, dict[str, Any]]] = []
        for entry in found:
            verdict = assess(reader, entry.text, dated=dated, measured=_figure(entry), frequency=self.params.frequency,
                             day_first=True)
            missing = [c for c in self.params.criteria if c in verdict.missing]
            missing += [name for name, labels in self.params.columns.items() if _empty_column(entry, labels)]
            if self.params.owner and not section_owner and not self._owned(reader, entry):
                missing.append("owner")
            if missing:
                failing.append((entry.location, self._args(ctx, entry, missing, verdict.vague, section)))
        yield from grouped(self, ctx, failing)

    def _owned(self, reader: Any, entry: Entry) -> bool:
        owner = _column(entry, self.params.owner_columns)
        if owner is not None:
            return bool(owner)
        return _names_owner(reader, entry.text)

    def _args(self, ctx: Context, entry: Entry, missing: list[str], vague: tuple[str, ...], section: str) -> dict:
        lang = ctx.message_language
        sep = "、" if lang == "zh" else ", "
        names = NAMES[lang]
        words = sep.join(f"“{w}”" for w in vague)
        hints = []
        for name in missing:
            hint = self.spec.variants.get(f"hint_{name}")
            if hint is not None:
                hints.append(hint.get(lang).format_map(_Keep(vague=words or ("“…”"))))
        joined = ("；" if lang == "zh" else "; ").join(hints)
        said = [names.get(m, m) for m in missing]
        if lang == "en" and len(said) > 1:
            said = [", ".join(said[:-1]) + " or " + said[-1]]
        return {"item": entry.text if len(entry.text) <= 120 else entry.text[:119] + "…",
                "missing": sep.join(said), "how": joined, "section": section}


def _context(hit: Any, found: list[Entry]) -> str:
    """The section's prose that is not itself an entry: where a common deadline or owner is stated."""
    texts = {e.text for e in found}
    return "\n".join(line for line in prose(hit).splitlines() if line.strip() and line.strip() not in texts)


def _names_owner(reader: Any, text: str) -> bool:
    return bool(text.strip()) and reader.has(text, "owner_marker") and any(
        p.kind in ("person", "role") for p in parties(reader, text))


def _figure(entry: Entry) -> bool:
    """A table row with a cell that is a figure alone ('140,000', '4.0', '99.5%'): its unit is in the header."""
    return any(_FIGURE.match(text) for text in entry.cells.values())


def _empty_column(entry: Entry, labels: list[str]) -> bool:
    """The entry is a table row whose table has a column of these labels, and the row leaves it empty."""
    return _column(entry, labels) == ""


def _column(entry: Entry, labels: list[str]) -> str | None:
    """The row's text in the first column whose header holds one of `labels` (None: no such column)."""
    wanted = [norm_label(w) for w in labels]
    for header, text in entry.cells.items():
        if any(w and w in header for w in wanted):
            return text
    return None


class _Keep(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
