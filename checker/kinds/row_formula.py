"""Kind `row_formula`: arithmetic within a row (RR-06 score = P × I, RR-07 level vs bands, RR-17
residual ≤ inherent).

Params: `check`: `product` | `band` | `residual`; `tolerance` (relative, default 0.01·max(1, f)).
P and I are read as numbers on their scale (labels mapped per Appendix A); a percentage or ratio
probability is accepted when the score matches either the raw product or the banded 1–5 product.
For `band` the profile is the register legend's, else the default — then one info finding
(variant `assumed`) says which profile was used.
"""
from __future__ import annotations

import re
from typing import Iterable

from checker.a1 import get_column_letter

from checker.findings import Finding
from checker.kinds.base import Context
from checker.model import Cell
from checker.register_kind import RegisterKind
from checker.registers import RegisterView, Row, cell_number
from checker.risk_scales import level_of, profile_for, scale_value, uses_three_level

_REF = re.compile(r"(?<![A-Za-z0-9_])\$?([A-Z]{1,3})\$?(\d+)(?![\d(])")
_PERCENT_BANDS = ((0.2, 1), (0.4, 2), (0.6, 3), (0.8, 4), (1.0, 5))


def _band_percent(v: float) -> float:
    for upper, n in _PERCENT_BANDS:
        if v <= upper:
            return float(n)
    return 5.0


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:.4g}"


class RowFormula(RegisterKind):
    name = "row_formula"

    def check(self, ctx: Context) -> Iterable[Finding]:
        view = self.view(ctx)
        mode = self.params.get("check", "product")
        if mode == "product":
            yield from self._product(ctx, view)
        elif mode == "band":
            yield from self._band(ctx, view)
        elif mode == "residual":
            yield from self._residual(ctx, view)

    def _candidates(self, p: Cell, i: Cell, three: bool) -> list[float]:
        pv, iv = scale_value(p, three), scale_value(i, three)
        if pv is None or iv is None:
            return []
        out = [pv * iv]
        if 0 < pv <= 1 and not float(pv).is_integer():
            out.append(_band_percent(pv) * iv)
        if 0 < iv <= 1 and not float(iv).is_integer():
            out.append(pv * _band_percent(iv))
        return out

    def _product(self, ctx: Context, view: RegisterView) -> Iterable[Finding]:
        if not self.has(view, "probability", "impact", "score"):
            return
        three = uses_three_level(view)
        tol = float(self.params.get("tolerance", 0.01))
        for row in self.selected(ctx, view):
            p, i, s = row.cell("probability"), row.cell("impact"), row.cell("score")
            if s is None or s.blank or p is None or i is None:
                continue
            score = cell_number(s)
            expected = self._candidates(p, i, three)
            if score is None or not expected:
                continue
            if not any(abs(score - f) <= tol * max(1.0, abs(f)) for f in expected):
                yield self.row_finding(ctx, view, row, s.location, p=_fmt(scale_value(p, three)),
                                       i=_fmt(scale_value(i, three)), expected=_fmt(expected[0]), score=_fmt(score))
                continue
            if s.formula and view.sheet is not None:
                refs = {f"{col}{n}" for col, n in _REF.findall(s.formula.upper())}
                want = {self._a1(view, row, "probability"), self._a1(view, row, "impact")}
                if not want <= refs:
                    yield self.row_finding(ctx, view, row, s.location, variant="formula", formula="=" + s.formula,
                                           cells=" × ".join(sorted(want)))

    @staticmethod
    def _a1(view: RegisterView, row: Row, key: str) -> str:
        c = view.columns[key]
        return f"{get_column_letter(view.sheet.origin[1] + c)}{view.sheet.origin[0] + row.index}"

    def _band(self, ctx: Context, view: RegisterView) -> Iterable[Finding]:
        if "level" not in view.columns:
            return
        profile = profile_for(ctx, view)
        if profile is None:
            return
        three = uses_three_level(view)
        evaluated = 0
        for row in self.selected(ctx, view):
            lc = row.cell("level")
            if lc is None or lc.blank:
                continue
            level = level_of(lc.text)
            score = cell_number(row.cell("score")) if "score" in view.columns else None
            if score is None and self.has(view, "probability", "impact"):
                c = self._candidates(row.cell("probability"), row.cell("impact"), three) \
                    if row.cell("probability") is not None and row.cell("impact") is not None else []
                score = c[0] if c else None
            if level is None or score is None:
                continue
            if score < 1 and profile.assumed:
                continue  # ratio scores (profile D) need bands from the plan
            evaluated += 1
            band = profile.band(score)
            if band is not None and band != level and not (set(profile.bands) <= {"Low", "Medium", "High"}
                                                           and band == "High" and level == "Critical"):
                lo, hi = profile.bands[band]
                yield self.row_finding(ctx, view, row, lc.location, level=" ".join(lc.text.split()),
                                       score=_fmt(score), band=band, range=f"{_fmt(lo)}–{_fmt(hi)}",
                                       profile=profile.name)
        if evaluated and profile.assumed:
            yield self.finding(ctx, view.header_location(), variant="assumed", severity="info",
                               profile=profile.name,
                               bands=", ".join(f"{k} {_fmt(v[0])}–{_fmt(v[1])}" for k, v in profile.bands.items()))

    def _residual(self, ctx: Context, view: RegisterView) -> Iterable[Finding]:
        pairs = [("residual_probability", "probability"), ("residual_impact", "impact"), ("residual_score", "score")]
        pairs = [(r, i) for r, i in pairs if self.has(view, r, i)]
        if not pairs:
            return
        three = uses_three_level(view)
        for row in self.selected(ctx, view):
            for res_key, inh_key in pairs:
                rc, ic = row.cell(res_key), row.cell(inh_key)
                rv, iv = scale_value(rc, three), scale_value(ic, three)
                if rv is None or iv is None:
                    continue
                if res_key == "residual_score" and (cell_number(rc) is None or cell_number(ic) is None):
                    continue  # a residual level label against a numeric score is not comparable
                if rv > iv + 1e-9:
                    yield self.row_finding(ctx, view, row, rc.location, column=view.label(res_key),
                                           residual=_fmt(rv), inherent=_fmt(iv), inherent_column=view.label(inh_key))
                    break
