"""What the register rule kinds share: the register view, row conditions (`when`) and row findings.

`when` (all conditions must hold):
  status: open | closed | occurred | pending — or a list; `open` also covers a blank status
  high: true/false          — level High/Critical (any language) or score ≥ the profile's High band
  disposition: [approved, rejected, …]   — keys of `common.dispositions`
  disposition_not: [deferred] — rows whose disposition is none of these
  strategy_not: [accept, …] — keys of the type's strategy vocabularies
  summary: false            — schedule rows that are not summary rows (WBS parents)
  filled / empty: key(s)    — the columns are all filled / all empty
"""
from __future__ import annotations

from typing import Any, Iterable

from checker import lexicon
from checker.findings import Finding
from checker.kinds.base import Context, Kind
from checker.model import Location
from checker.registers import (RegisterView, Row, disposition_of, id_of, register, status_of)
from checker.text import norm_label

HIDDEN = {"en": " (hidden row)", "zh": "（隐藏行）"}


class RegisterKind(Kind):
    """A kind that reads the document's register; silent when there is none (RR-01 etc. report that)."""

    def view(self, ctx: Context) -> RegisterView | None:
        return register(ctx, self.params.get("doc_type") or ctx.doc_type)

    def applies(self, ctx: Context) -> bool:
        if not super().applies(ctx):
            return False
        form = self.params.get("form")
        if form == "register" and not ctx.doc.is_workbook and self.view(ctx) is None:
            return False
        return self.view(ctx) is not None

    def has(self, view: RegisterView, *keys: str) -> bool:
        return all(k in view.columns for k in keys)

    # --- conditions ----------------------------------------------------------------------------

    def selected(self, ctx: Context, view: RegisterView, when: dict[str, Any] | None = None) -> Iterable[Row]:
        when = self.params.get("when") if when is None else when
        for row in view.rows:
            if not when or self.matches(ctx, view, row, when):
                yield row

    def matches(self, ctx: Context, view: RegisterView, row: Row, when: dict[str, Any]) -> bool:
        for cond, want in when.items():
            if cond == "status":
                wanted = [want] if isinstance(want, str) else list(want)
                state = status_of(row.text("status"))
                if state is None and view.doc_type == "CHANGE_LOG":
                    d = disposition_of(row.text("status"))
                    state = "open" if d in ("pending", "deferred", None) else "closed"
                if state is None:
                    state = "open" if not row.has("status") else "unknown"
                if state not in wanted and not ("open" in wanted and state == "unknown"):
                    return False
            elif cond == "high":
                if self.is_high(ctx, view, row) != bool(want):
                    return False
            elif cond == "disposition":
                wanted = [want] if isinstance(want, str) else list(want)
                if disposition_of(row.text("disposition")) not in wanted:
                    return False
            elif cond == "disposition_not":
                wanted = [want] if isinstance(want, str) else list(want)
                if disposition_of(row.text("disposition")) in wanted:
                    return False
            elif cond == "strategy_not":
                wanted = [want] if isinstance(want, str) else list(want)
                if strategy_key(row.text("strategy"), view.doc_type) in wanted:
                    return False
            elif cond == "summary":
                if is_summary(view, row) != bool(want):
                    return False
            elif cond == "empty":
                keys = [k for k in ([want] if isinstance(want, str) else list(want)) if k in view.columns]
                if not keys or any(row.has(k) for k in keys):
                    return False  # without the column there is nothing to call empty
            elif cond == "filled":
                keys = [want] if isinstance(want, str) else list(want)
                if not all(row.has(k) for k in keys):
                    return False
        return True

    def is_high(self, ctx: Context, view: RegisterView, row: Row) -> bool:
        from checker.risk_scales import level_of, profile_for, scale_value, uses_three_level

        levels = self.params.get("high_levels") or ["High", "Critical"]
        level = level_of(row.text("level"))
        if level is not None:
            return level in levels
        profile = profile_for(ctx, view)
        if profile is None:
            return False
        score = row.number("score")
        if score is None:
            three = uses_three_level(view)
            p, i = scale_value(row.cell("probability"), three), scale_value(row.cell("impact"), three)
            score = p * i if p is not None and i is not None else None
        threshold = profile.threshold("High")
        return score is not None and threshold is not None and score >= threshold

    # --- findings ------------------------------------------------------------------------------

    def row_finding(self, ctx: Context, view: RegisterView, row: Row, location: Location | None, *,
                    variant: str | None = None, severity: str | None = None, **args: Any) -> Finding:
        args.setdefault("id", id_of(row, view))
        args.setdefault("row", row.line)
        f = self.finding(ctx, location or row.location, variant=variant, severity=severity, **args)
        if row.hidden:
            f.message += HIDDEN[ctx.message_language]
        return f

    def labels(self, ctx: Context, view: RegisterView, keys: Iterable[str]) -> str:
        return ("、" if ctx.message_language == "zh" else ", ").join(view.label(k) for k in keys)


def strategy_key(text: str, doc_type: str = "RISK_REGISTER") -> str | None:
    t = norm_label(text)
    if not t:
        return None
    vocab = (lexicon.doc_types().get("RISK_REGISTER") or {}).get("vocabularies") or {}
    for name in ("strategies_threat", "strategies_opportunity"):
        for key, words in (vocab.get(name) or {}).items():
            if any(norm_label(w) == t or t.startswith(norm_label(w)) for w in words):
                return key
    return None


def is_summary(view: RegisterView, row: Row) -> bool:
    """A WBS parent: another row's ID extends this row's ID (`2` → `2.1`)."""
    rid = row.text("id")
    if not rid:
        return False
    ids = view_ids(view)
    prefix = rid.rstrip(".") + "."
    return any(other.startswith(prefix) for other in ids)


def view_ids(view: RegisterView) -> list[str]:
    return [r.text("id") for r in view.rows if r.has("id")]
