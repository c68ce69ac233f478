"""Kind `risk_wording` (RR-03, RR-04, IR-08): how a register's entries are worded (`checker.nlp.statements`).

`test`:
  cause_effect  the description states a cause or an effect (a causal connective), or the register has
                cause/effect columns (`columns`) filled on that row — RR-03;
  issue         the description reads as something that has happened (an issue in a risk register) — RR-04;
  risk          the description reads as something that may happen (a risk in an issue register) — IR-08.
Past `group_over` findings, one finding lists them (variant `many`).
"""
from __future__ import annotations

from typing import Iterable, Literal

from pydantic import Field

from checker.analysis.context import Context
from checker.core.findings import Finding
from checker.kinds.nlp_base import GroupParams, reader_of
from checker.kinds.register_base import RegisterKind, RegisterParams, RowSelection
from checker.lexicon.predicates import is_placeholder
from checker.nlp.statements import reads_as_issue, reads_as_risk, states_cause_or_effect

_TESTS = {"cause_effect": lambda r, t: not states_cause_or_effect(r, t), "issue": reads_as_issue, "risk": reads_as_risk}


class RiskWording(RegisterKind):
    name = "risk_wording"

    class Params(RegisterParams, RowSelection, GroupParams):
        test: Literal["cause_effect", "issue", "risk"] = Field(description="what makes an entry a finding")
        column: str = Field("description", description="the column whose text is read")
        columns: list[str] = Field([], description="cause_effect: columns that state the cause or effect "
                                                   "themselves (a filled one passes the row)")

    params: Params

    def check(self, ctx: Context) -> Iterable[Finding]:
        view = self.view(ctx)
        p = self.params
        if p.column not in view.columns:
            return
        reader = reader_of(ctx)
        fails = _TESTS[p.test]
        texts = view.texts(p.column)
        others = [view.texts(k) for k in p.columns if k in view.columns]
        ids = view.ids()
        verdicts: dict[str, bool] = {}
        found = []
        for n in self.select(ctx, view):
            text = texts[n]
            if not text or any(o[n] for o in others):
                continue
            bad = verdicts.get(text)
            if bad is None:
                bad = verdicts[text] = fails(reader, text) and not is_placeholder(ctx.vocab, text)
            if bad:
                row = view.rows[n]
                found.append((row, view.location_of(row, p.column), ids[n], text))
        if len(found) > p.group_over:
            row, location, rid, text = found[0]
            listed = ("、" if ctx.message_language == "zh" else ", ").join(f[2] for f in found[:8])
            yield self.row_finding(ctx, view, row, location, variant="many", id=rid, count=len(found),
                                   total=len(self.select(ctx, view)), ids=listed + ("…" if len(found) > 8 else ""),
                                   text=_short(text))
            return
        for row, location, rid, text in found:
            yield self.row_finding(ctx, view, row, location, id=rid, text=_short(text))


def _short(text: str, limit: int = 80) -> str:
    t = " ".join(text.split())
    return t if len(t) <= limit else t[: limit - 1] + "…"
