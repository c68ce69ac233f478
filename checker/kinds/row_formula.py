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
from typing import Iterable, Literal

from pydantic import Field

from checker.analysis.context import Context
from checker.analysis.registers import RegisterView, cell_number
from checker.analysis.risk_scales import profile_for, scale_values, scales, uses_three_level
from checker.core.findings import Finding
from checker.kinds.register_base import RegisterKind, RegisterParams, RowSelection
from checker.model.a1 import get_column_letter

_REF = re.compile(r"(?<![A-Za-z0-9_])\$?([A-Z]{1,3})\$?(\d+)(?![\d(])")
_PERCENT_BANDS = ((0.2, 1), (0.4, 2), (0.6, 3), (0.8, 4), (1.0, 5))


def _band_percent(v: float) -> float:
    for upper, n in _PERCENT_BANDS:
        if v <= upper:
            return float(n)
    return 5.0


def _candidates(pv: float, iv: float) -> list[float]:
    """The scores P and I may give: P × I, and with a percentage or ratio P (or I) its 1–5 band instead."""
    out = [pv * iv]
    if 0 < pv <= 1 and not float(pv).is_integer():
        out.append(_band_percent(pv) * iv)
    if 0 < iv <= 1 and not float(iv).is_integer():
        out.append(pv * _band_percent(iv))
    return out


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:.4g}"


class RowFormula(RegisterKind):
    name = "row_formula"

    class Params(RegisterParams, RowSelection):
        check: Literal["product", "band", "residual"] = Field(
            "product", description="product: score = P × I (RR-06); band: level vs score bands (RR-07); "
                                   "residual: residual ≤ inherent (RR-17)")
        tolerance: float = Field(0.01, ge=0, description="product: relative tolerance (of max(1, score))")

    params: Params

    def check(self, ctx: Context) -> Iterable[Finding]:
        view = self.view(ctx)
        mode = self.params.check
        if mode == "product":
            yield from self._product(ctx, view)
        elif mode == "band":
            yield from self._band(ctx, view)
        elif mode == "residual":
            yield from self._residual(ctx, view)

    def _product(self, ctx: Context, view: RegisterView) -> Iterable[Finding]:
        if not self.has(view, "probability", "impact", "score"):
            return
        tol = self.params.tolerance
        pvals, ivals, scores = scale_values(ctx.vocab, view, "probability"), scale_values(ctx.vocab, view, "impact"), view.numbers("score")
        sheet = view.sheet
        if sheet is not None:
            top = sheet.origin[0]
            p_col, i_col = (get_column_letter(sheet.origin[1] + view.columns[key]) for key in ("probability", "impact"))
        ids, rows = view.ids(), view.rows
        agrees: dict[tuple[float, float, float], bool] = {}  # (P, I, score) -> the score is a product of them
        for n in self.select(ctx, view):
            pv, iv, score = pvals[n], ivals[n], scores[n]
            if score is None or pv is None or iv is None:
                continue
            ok = agrees.get((pv, iv, score))
            if ok is None:
                ok = agrees[(pv, iv, score)] = any(abs(score - f) <= tol * max(1.0, abs(f)) for f in _candidates(pv, iv))
            row = rows[n]
            if not ok:
                yield self.row_finding(ctx, view, row, row.cell("score").location, id=ids[n], p=_fmt(pv), i=_fmt(iv),
                                       expected=_fmt(_candidates(pv, iv)[0]), score=_fmt(score))
                continue
            formula = row.formula("score")  # a big register's rows: no cell built but for a finding
            if formula and sheet is not None:
                line = top + row.index
                p_ref, i_ref = f"{p_col}{line}", f"{i_col}{line}"
                if formula == f"{p_ref}*{i_ref}":
                    continue  # the template's own formula: no need to parse it
                if not {p_ref, i_ref} <= {f"{col}{k}" for col, k in _REF.findall(formula.upper())}:
                    yield self.row_finding(ctx, view, row, row.cell("score").location, id=ids[n], variant="formula",
                                           formula="=" + formula, cells=" × ".join(sorted((p_ref, i_ref))))

    def _band(self, ctx: Context, view: RegisterView) -> Iterable[Finding]:
        if "level" not in view.columns:
            return
        profile = profile_for(ctx, view)
        if profile is None:
            return
        levels = view.column("level", scales(ctx.vocab).level_of_cell)
        scores = view.numbers("score") if "score" in view.columns else None
        if self.has(view, "probability", "impact"):
            pvals, ivals = scale_values(ctx.vocab, view, "probability"), scale_values(ctx.vocab, view, "impact")
        else:
            pvals = ivals = None
        only_three = set(profile.bands) <= {"Low", "Medium", "High"}
        ids, rows = view.ids(), view.rows
        bands: dict[float, str | None] = {}
        evaluated = 0
        for n in self.select(ctx, view):
            level = levels[n]
            if level is None:
                continue  # a blank level too
            score = scores[n] if scores is not None else None
            if score is None and pvals is not None and pvals[n] is not None and ivals[n] is not None:
                score = _candidates(pvals[n], ivals[n])[0]
            if score is None:
                continue
            if score < 1 and profile.assumed:
                continue  # ratio scores (profile D) need bands from the plan
            evaluated += 1
            band = bands[score] if score in bands else bands.setdefault(score, profile.band(score))
            if band is not None and band != level and not (only_three and band == "High" and level == "Critical"):
                lo, hi = profile.bands[band]
                lc = rows[n].cell("level")
                yield self.row_finding(ctx, view, rows[n], lc.location, id=ids[n], level=" ".join(lc.text.split()),
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
        three = uses_three_level(ctx.vocab, view)
        value = scales(ctx.vocab).value
        for row in self.selected(ctx, view):
            for res_key, inh_key in pairs:
                rc, ic = row.cell(res_key), row.cell(inh_key)
                rv, iv = value(rc, three), value(ic, three)
                if rv is None or iv is None:
                    continue
                if res_key == "residual_score" and (cell_number(rc) is None or cell_number(ic) is None):
                    continue  # a residual level label against a numeric score is not comparable
                if rv > iv + 1e-9:
                    yield self.row_finding(ctx, view, row, rc.location, column=view.label(res_key),
                                           residual=_fmt(rv), inherent=_fmt(iv), inherent_column=view.label(inh_key))
                    break
