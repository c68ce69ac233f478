"""What the register rule kinds share: the register view, row conditions (`when`) and row findings.

`when` (all conditions must hold; `RowSelection.when`, a `When`):
  status: open | closed | occurred — or a list; `open` also covers a blank or unrecognised status
  high: true/false          — level High/Critical (any language) or score ≥ the profile's High band
  disposition: [approved, rejected, …]   — keys of `common.dispositions`
  disposition_not: [deferred] — rows whose disposition is none of these
  strategy_not: [accept, …] — keys of the type's strategy vocabularies
  summary: false            — schedule rows that are not summary rows (WBS parents)
  filled / empty: key(s)    — the columns are all filled / all empty
"""
from __future__ import annotations

import re
from array import array
from typing import Any, Iterable, Literal, Sequence

from pydantic import Field

from checker.analysis.context import Context
from checker.analysis.registers import RegisterView, Row, disposition_of, id_of, register, status_of
from checker.core.findings import Finding
from checker.core.location import Location
from checker.kinds.base import Kind
from checker.kinds.params import KindParams, Regex, Words, one_or_many
from checker.lexicon.vocabulary import Vocabulary
from checker.text.normalize import norm_label

HIDDEN = {"en": " (hidden row)", "zh": "（隐藏行）"}

States = one_or_many(Literal["open", "closed", "occurred"])


class RegisterParams(KindParams):
    """What every register kind takes (its own Params extend these)."""

    doc_type: str | None = Field(None, description="read the register of this document type (default: the document's)")
    form: Literal["register"] | None = Field(
        None, description="`register`: the rule is about the register form (silent on a Word report without one)")


class When(KindParams):
    """A row condition: every condition given must hold."""

    status: States | None = Field(None, description="open | closed | occurred, or a list")
    high: bool | None = Field(None, description="level High/Critical, or a score in the profile's High band")
    disposition: Words | None = Field(None, description="keys of `common.dispositions`")
    disposition_not: Words | None = Field(None, description="rows whose disposition is none of these")
    strategy_not: Words | None = Field(None, description="keys of the type's strategy vocabularies")
    summary: bool | None = Field(None, description="schedule rows that are (not) WBS summary rows")
    filled: Words | None = Field(None, description="these columns are all filled")
    empty: Words | None = Field(None, description="these columns are all empty")
    category_not: Regex | None = Field(None, description="rows whose category says this are left out "
                                                         "(a lesson that went well asks no action)")


class RowSelection(KindParams):
    """The params of a register kind that checks selected rows (`RegisterKind.select`)."""

    when: When | None = Field(None, description="the rows the rule looks at (default: every row)")
    high_levels: list[str] = Field(["High", "Critical"], min_length=1,
                                   description="the levels `when: {high: true}` calls high")


class RegisterKind(Kind):
    """A kind that reads the document's register; silent when there is none (RR-01 etc. report that)."""

    Params = RegisterParams
    params: Any  # RegisterParams; with RowSelection for the kinds that `select`

    def view(self, ctx: Context) -> RegisterView | None:
        return register(ctx, self.params.doc_type or ctx.doc_type)

    def applies(self, ctx: Context) -> bool:
        if not super().applies(ctx):
            return False
        if self.params.form == "register" and not ctx.doc.is_workbook and self.view(ctx) is None:
            return False
        return self.view(ctx) is not None

    def has(self, view: RegisterView, *keys: str) -> bool:
        return all(k in view.columns for k in keys)

    # --- conditions ----------------------------------------------------------------------------

    def select(self, ctx: Context, view: RegisterView) -> Sequence[int]:
        """Positions in `view.rows` of the rows the rule's `when` selects (its Params are `RowSelection`).

        Worked out once per register and condition, each condition from per-column values (a status
        text is classified once, however many rows carry it): RR-05, RR-10, RR-16, RR-18 and RR-19
        all select the open risks of the same few thousand rows.
        """
        when = self.params.when
        if when is None:
            return range(len(view.rows))
        conditions = [(cond, want) for cond, want in when if want is not None]
        levels = self.high_levels() if when.high is not None else ()

        def compute() -> Sequence[int]:
            keep: Sequence[int] = range(len(view.rows))
            for cond, want in conditions:
                keep = self._keep(ctx, view, cond, want, keep)
            return array("i", keep)  # 4 bytes a position, not an int object each (a big register)

        return view.memo(("select", repr(when), levels), compute)

    def selected(self, ctx: Context, view: RegisterView) -> list[Row]:
        rows = view.rows
        return [rows[i] for i in self.select(ctx, view)]

    def _keep(self, ctx: Context, view: RegisterView, cond: str, want: Any, keep: Sequence[int]) -> list[int]:
        """The positions of `keep` whose row meets one condition (a `When` field, words as a list)."""
        wanted = want
        if cond == "status":
            states = view.memo("states", lambda: _per_text(view, "status", lambda t: _state(ctx.vocab, t, view.doc_type)))
            if "open" in wanted:
                wanted = [*wanted, "unknown"]
            return [i for i in keep if states[i] in wanted]
        if cond == "high":
            flags = self.high_flags(ctx, view)
            return [i for i in keep if flags[i] == bool(want)]
        if cond in ("disposition", "disposition_not"):
            found = view.memo("dispositions", lambda: _per_text(view, "disposition", lambda t: disposition_of(ctx.vocab, t)))
            inside = cond == "disposition"
            return [i for i in keep if (found[i] in wanted) == inside]
        if cond == "strategy_not":
            found = view.memo("strategies", lambda: _per_text(view, "strategy", lambda t: strategy_key(ctx.vocab, t)))
            return [i for i in keep if found[i] not in wanted]
        if cond == "summary":
            rows = view.rows
            return [i for i in keep if is_summary(view, rows[i]) == bool(want)]
        if cond == "empty":
            keys = [k for k in wanted if k in view.columns]
            if not keys:
                return []  # without the column there is nothing to call empty
            columns = [view.texts(k) for k in keys]
            return [i for i in keep if not any(texts[i] for texts in columns)]
        if cond == "filled":
            columns = [view.texts(k) for k in wanted]
            return [i for i in keep if all(texts[i] for texts in columns)]
        if cond == "category_not":
            pattern = re.compile(want, re.I)
            categories = view.texts("category")
            return [i for i in keep if not pattern.search(categories[i])]
        raise ValueError(f"unknown row condition {cond!r}")  # When has no other field

    def high_levels(self) -> tuple[str, ...]:
        return tuple(self.params.high_levels)

    def high_flags(self, ctx: Context, view: RegisterView) -> list[bool]:
        """Per row: level High/Critical (the rule's `high_levels`), or without a level a score at or
        above the profile's High band (the score column, else P × I)."""
        levels = self.high_levels()

        def compute() -> list[bool]:
            from checker.analysis.risk_scales import profile_for, scale_values, scales

            found = _per_text(view, "level", scales(ctx.vocab).level_of)
            profile = profile_for(ctx, view) if any(level is None for level in found) else None
            threshold = profile.threshold("High") if profile is not None else None
            if threshold is None:
                return [level is not None and level in levels for level in found]
            scores = view.numbers("score")
            p, i = scale_values(ctx.vocab, view, "probability"), scale_values(ctx.vocab, view, "impact")
            out = []
            for n, level in enumerate(found):
                if level is not None:
                    out.append(level in levels)
                    continue
                score = scores[n]
                if score is None and p[n] is not None and i[n] is not None:
                    score = p[n] * i[n]
                out.append(score is not None and score >= threshold)
            return out

        return view.memo(("high", levels), compute)

    # --- findings ------------------------------------------------------------------------------

    def row_finding(self, ctx: Context, view: RegisterView, row: Row, location: Location | None, *,
                    variant: str | None = None, severity: str | None = None, **args: Any) -> Finding:
        if "id" not in args:
            args["id"] = id_of(row, view)
        args.setdefault("row", row.line)
        f = self.finding(ctx, location or row.location, variant=variant, severity=severity, **args)
        if row.hidden:
            f.message += HIDDEN[ctx.message_language]
        return f

    def labels(self, ctx: Context, view: RegisterView, keys: Iterable[str]) -> str:
        return ("、" if ctx.message_language == "zh" else ", ").join(view.label(k) for k in keys)


def strategy_key(vocab: Vocabulary, text: str) -> str | None:
    """The response strategy a text names (avoid, mitigate, transfer, accept, exploit …), or None."""
    t = norm_label(text)
    if not t:
        return None
    vocabularies = vocab.type_spec("RISK_REGISTER").get("vocabularies") or {}
    for name in ("strategies_threat", "strategies_opportunity"):
        for key, words in (vocabularies.get(name) or {}).items():
            if any(norm_label(w) == t or t.startswith(norm_label(w)) for w in words):
                return key
    return None


def is_summary(view: RegisterView, row: Row) -> bool:
    """A WBS parent: another row's ID extends this row's ID (`2` → `2.1`)."""
    rid = row.text("id")
    return bool(rid) and rid.rstrip(".") + "." in _id_parents(view)


def _id_parents(view: RegisterView) -> frozenset[str]:
    """Every `x.` that starts a row's ID (`2.1.3` gives `2.` and `2.1.`): the summaries' prefixes."""

    def compute() -> frozenset[str]:
        out: set[str] = set()
        for rid in view.texts("id"):
            dot = rid.find(".")
            while dot != -1:
                out.add(rid[:dot + 1])
                dot = rid.find(".", dot + 1)
        return frozenset(out)

    return view.memo("id_parents", compute)


def _per_text(view: RegisterView, key: str, classify: Any) -> list[Any]:
    """`classify(text)` for each row's `key` text, worked out once per distinct text."""
    seen: dict[str, Any] = {}
    out = []
    for text in view.texts(key):
        if text not in seen:
            seen[text] = classify(text)
        out.append(seen[text])
    return out


def _state(vocab: Vocabulary, text: str, doc_type: str) -> str:
    """`open`, `closed` or `occurred` of a status text: blank is open, unrecognised `unknown` (a change
    log's status may be a disposition: pending, deferred and unrecognised changes are open)."""
    state = status_of(vocab, text)
    if state is None and doc_type == "CHANGE_LOG":
        d = disposition_of(vocab, text)
        state = "open" if d in ("pending", "deferred", None) else "closed"
    if state is None:
        state = "open" if not text else "unknown"
    return state
