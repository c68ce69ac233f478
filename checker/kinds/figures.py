"""Kind `figures`: arithmetic between labelled figures of a report or plan (SR-07, BC-07, BC-08, COST-03,
COST-04, CH-06).

A *figure* is a number with a label: a table row whose first text cell names it (`Budget at completion
(BAC) | 1,172,000`) or a `Label: value` field. Amounts are normalised with the unit of the value's column
header or of the label (`金额（万元）` → ×10,000), so 万元 and 元 figures compare. Each check looks only
at the figures it recognises by label and says nothing when an operand is missing.

Param `check`:
  evm         SR-07: CV = EV − AC, SV = EV − PV, CPI = EV / AC, SPI = EV / PV, VAC = BAC − EAC,
              EAC = AC + ETC (when ETC is given)
  funding     BC-07: the funding section's total (its absence is BC-01's, full profile; its emptiness COM-14's)
              — a Total row, else the sum of its amounts — covers the project's one-off cost total
  appraisal   BC-08: simple payback ≈ investment / net annual benefit; an N-year ROI ≈
              (N × net annual benefit − investment) / investment; NPV < 0 with an unconditional
              'proceed' and no non-financial reason
  reserves    COST-04: cost baseline = work packages + contingency; total budget = baseline +
              management reserve (only the components the document labels)
  phased      COST-03: in the time-phased budget table, each total row's periods add up to its Total
              column, and the grand total equals the stated total budget or cost baseline
  breakdown   CH-06: the budget section's breakdown adds up to its stated total
Tolerance for money: max(0.5 × the figure's last digit, 0.1 % of the total) (standard §0 money_rounding,
GUESS); ratios ±0.011; years ±0.1 or 3 %; percentages ±1 point (`tolerance` overrides).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Literal, Self

from pydantic import Field, model_validator

from checker.analysis.context import Context
from checker.analysis.sections import find_all, find_section, hit_is_empty
from checker.core.findings import Finding
from checker.core.location import Location
from checker.kinds.base import Kind
from checker.kinds.params import KindParams, Regex
from checker.model.elements import Cell, Grid
from checker.text.money import CN_SCALED_UNIT, CN_UNIT, MULTIPLIERS
from checker.text.normalize import label_unit, nfkc

_NUM = re.compile(r"(?P<sign>[-+−–])?\s*(?:[$¥￥€£]|USD|CNY|RMB|EUR|GBP|HKD|US\$)?\s*(?P<sign2>[-+−–])?\s*"
                  r"(?P<num>\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
                  rf"(?P<unit>%|{CN_UNIT}|百万|万|亿|million|thousand|k\b|m\b|years?|yrs?|months?|年|个月|月)?",
                  re.I)
_SCALED_UNIT = re.compile(CN_SCALED_UNIT)
_TOTAL = re.compile(r"^(?:grand\s+)?total\b|^sum\b|^合计|^总计|^总额|^共计|^预算合计|^资金合计|^小计|^subtotal", re.I)
_ONGOING = re.compile(r"ongoing|operat|annual|a year|per year|recurring|run cost|运维|运营|每年|年度|维护", re.I)


def _span_unit(label: str) -> str | None:
    u = label_unit(label or "")
    if u:
        for key in sorted(MULTIPLIERS, key=len, reverse=True):
            if key.lower() in u.lower():
                return key
    m = _SCALED_UNIT.search(label or "")
    return m.group(0) if m else None


@dataclass
class Value:
    number: float  # normalised (money in base units, % as points)
    text: str
    percent: bool = False
    unit: str = ""  # '%', 'year', 'month', or the money unit
    step: float = 1.0  # the value of the last digit written (rounding)
    clean: bool = True  # the text holds this one number only (not '343.80 (333.80 + 10.00)')


def parse_value(text: str, unit_hint: str | None = None) -> Value | None:
    """The first signed number of a cell or field value, with its unit applied."""
    t = nfkc(text or "").strip()
    if not t or len(t) > 120:
        return None
    m = _NUM.search(t)
    if not m:
        return None
    raw = m.group("num").replace(",", "").replace("，", "")
    n = float(raw)
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    if (m.group("sign") or m.group("sign2") or "") in "-−–" and (m.group("sign") or m.group("sign2")):
        n = -n
    unit = (m.group("unit") or "").lower()
    step = 10.0 ** -decimals
    clean = len(re.findall(r"\d+(?:[.,]\d+)*", t)) == 1 and len(t) <= 40
    if unit == "%":
        return Value(n, t, True, "%", step, clean)
    if unit.startswith(("year", "yr")) or unit == "年":
        return Value(n, t, False, "year", step, clean)
    if unit.startswith("month") or unit in ("个月", "月"):
        return Value(n, t, False, "month", step, clean)
    mult_key = unit or (unit_hint or "").lower()
    mult = MULTIPLIERS.get(mult_key, MULTIPLIERS.get(unit_hint or "", 1))
    return Value(n * mult, t, False, mult_key, step * mult, clean)


@dataclass
class Figure:
    label: str
    value: Value
    location: Location
    grid: Grid | None = None
    row: int = -1


def _row_label(row: list[Cell]) -> tuple[str, int] | None:
    for c in row[:3]:
        if c.merged or c.blank:
            continue
        t = " ".join(c.text.split())
        if parse_value(t) is not None and not re.search(r"[A-Za-z\u4e00-\u9fff]{2,}", t):
            return None  # a number first: not a label row
        return t, c.col
    return None


def header_units(grid: Grid) -> dict[int, str]:
    out: dict[int, str] = {}
    for row in grid.rows[:2]:
        for c in row:
            u = _span_unit(c.text)
            if u and not c.merged:
                out.setdefault(c.col, u)
    return out


def grid_figures(grid: Grid) -> list[Figure]:
    out: list[Figure] = []
    units = header_units(grid)
    for r, row in enumerate(grid.rows):
        found = _row_label(row)
        if found is None:
            continue
        label, col = found
        if len(label) > 160:
            continue
        for c in row:
            if c.col <= col or c.merged or c.blank:
                continue
            v = parse_value(c.text, units.get(c.col) or _span_unit(label))
            if v is not None:
                out.append(Figure(label, v, c.location, grid, r))
                break
    return out


def all_figures(ctx: Context) -> list[Figure]:
    def compute() -> list[Figure]:
        out: list[Figure] = []
        seen: set = set()
        for block in ctx.doc.blocks:
            if block.grid is not None:
                out.extend(grid_figures(block.grid))
        for sheet in ctx.doc.sheets:
            out.extend(grid_figures(sheet.grid))
        for f in out:
            seen.add(f.location.anchor())
        for field in ctx.doc.fields:
            if field.source in ("properties",) or field.location is None or field.location.anchor() in seen:
                continue
            v = parse_value(field.value, field.unit or _span_unit(field.label))
            if v is not None:
                out.append(Figure(" ".join(field.label.split()), v, field.location))
        return out

    return ctx.memo("figures.all", compute)


def _money_tol(*values: Value) -> float:
    biggest = max(abs(v.number) for v in values)
    step = max(v.step for v in values)
    return max(0.5 * step * len(values), 0.001 * biggest, 0.5)


def _align(*values: Value) -> list[Value]:
    """Unit-less amounts next to amounts in 万元 (a sheet whose unit is declared once): same unit."""
    units = {v.unit for v in values if v.unit and MULTIPLIERS.get(v.unit, 1) > 1}
    if len(units) != 1:
        return list(values)
    unit = units.pop()
    mult = MULTIPLIERS[unit]
    return [Value(v.number * mult, v.text, v.percent, unit, v.step * mult, v.clean) if not v.unit else v
            for v in values]


def _fmt(n: float) -> str:
    if abs(n) >= 1000:
        return f"{n:,.0f}"
    return f"{n:,.2f}".rstrip("0").rstrip(".")


# --- terms ------------------------------------------------------------------------------------------

EVM_TERMS = {
    "BAC": r"\bBAC\b|budget at completion|完工预算",
    "EAC": r"\bEAC\b|estimate at completion|完工估算",
    "ETC": r"\bETC\b|estimate to complete|完工尚需估算|尚需成本",
    "VAC": r"\bVAC\b|variance at completion|完工偏差",
    "CPI": r"\bCPI\b|cost performance index|成本绩效指数",
    "SPI": r"\bSPI\b|schedule performance index|进度绩效指数",
    "CV": r"\bCV\b|cost variance|成本偏差",
    "SV": r"\bSV\b|schedule variance|进度偏差",
    "EV": r"\bEV\b|\bBCWP\b|earned value|挣值",
    "PV": r"\bPV\b|\bBCWS\b|planned value|计划值",
    "AC": r"\bAC\b|\bACWP\b|actual cost|实际成本",
}
APPRAISAL_TERMS = {
    "npv": r"\bNPV\b|net present value|净现值",
    "roi": r"\bROI\b|return on investment|投资回报率|投资收益率",
    "payback": r"payback|投资回收期|回收期",
    "net_benefit": r"net (?:annual )?benefit|annual net benefit|年净收益|年均净收益|每年净收益|年净效益",
    "investment": r"investment|总投资|投资总额|投资额|一次性投入",
}
RESERVE_TERMS = {
    "total": r"total (?:authori[sz]ed |project )?budget|项目总预算|总预算|预算总额",
    "management": r"management reserve|管理储备",
    "baseline": r"cost baseline|成本基准",
    "contingency": r"contingency|应急储备|不可预见",
    "work_packages": r"work[- ]packages?|工作包",
}


_PROCEED = (r"recommend(?:ed|ation)?[^.。]{0,40}(?:proceed|approv|option)|"
            r"\bproceed with\b|建议(?:立项|批准|实施|采纳)|同意立项|推荐方案")
_REASON = r"strateg|regulat|complian|mandatory|legal|statutory|non-financial|safety|战略|合规|监管|法规|政策|强制|非财务|安全"


def _classify(label: str, terms: dict[str, re.Pattern[str]]) -> str | None:
    """The term a label names: the one whose match starts first (the longest on a tie)."""
    best = None
    for key, pattern in terms.items():
        m = pattern.search(label)
        if m and (best is None or (m.start(), -(m.end() - m.start())) < best[0]):
            best = ((m.start(), -(m.end() - m.start())), key)
    return best[1] if best else None


def _compile(terms: dict[str, str]) -> dict[str, re.Pattern[str]]:
    return {k: re.compile(v, re.I) for k, v in terms.items()}


_TERMS = {"evm": EVM_TERMS, "appraisal": APPRAISAL_TERMS, "reserves": RESERVE_TERMS}


class Figures(Kind):
    name = "figures"

    class Params(KindParams):
        check: Literal["evm", "funding", "appraisal", "reserves", "phased", "breakdown"] = Field(
            "evm", description="which arithmetic: evm (SR-07), funding (BC-07), appraisal (BC-08), reserves (COST-04), "
                               "phased (COST-03), breakdown (CH-06)")
        terms: dict[str, Regex] = Field({}, description="label patterns replacing the check's own, by term "
                                                          "(evm: BAC, EAC, …; appraisal: npv, roi, …; reserves: total, …)")
        ratio_tolerance: float = Field(0.011, ge=0, description="evm: how far CPI/SPI may be from EV/AC, EV/PV")
        proceed: Regex = Field(_PROCEED, description="appraisal: what an unconditional 'proceed' looks like")
        reason: Regex = Field(_REASON, description="appraisal: what a non-financial reason looks like")
        key: str | None = Field(None, description="the section key (phased: time_phasing; "
                                                   "breakdown: financial_resources)")

        @model_validator(mode="after")
        def _known_terms(self) -> Self:
            unknown = sorted(set(self.terms) - set(_TERMS.get(self.check, {})))
            if unknown:
                known = ", ".join(_TERMS.get(self.check, {})) or "none"
                raise ValueError(f"terms {', '.join(unknown)} are not terms of check {self.check} (its terms: {known})")
            return self

    params: Params

    def __init__(self, spec):
        super().__init__(spec)
        self.check_name = self.params.check
        self.terms = _compile({**_TERMS.get(self.check_name, {}), **self.params.terms})

    def check(self, ctx: Context) -> Iterable[Finding]:
        yield from getattr(self, "_" + self.check_name)(ctx)

    def _named(self, ctx: Context, *, tables_only: bool = False) -> dict[str, Figure]:
        out: dict[str, Figure] = {}
        for f in all_figures(ctx):
            if tables_only and f.grid is None:
                continue
            if len(f.label) > 90:
                continue
            if not f.value.clean:
                continue  # a figure inside a sentence or a formula: not a stated value
            key = _classify(f.label, self.terms)
            if key is not None and key not in out:
                out[key] = f
        return out

    # --- SR-07 ------------------------------------------------------------------------------------

    def _evm(self, ctx: Context) -> Iterable[Finding]:
        f = self._named(ctx)
        formulas = [("CV", "EV", "AC", "-"), ("SV", "EV", "PV", "-"), ("CPI", "EV", "AC", "/"),
                    ("SPI", "EV", "PV", "/"), ("VAC", "BAC", "EAC", "-"), ("EAC", "AC", "ETC", "+")]
        for result, a, b, op in formulas:
            if not all(k in f for k in (result, a, b)):
                continue
            va, vb, vr = f[a].value, f[b].value, f[result].value
            if op == "/":
                if vb.number == 0:
                    continue
                expected = va.number / vb.number
                ok = abs(vr.number - expected) <= self.params.ratio_tolerance
            else:
                expected = va.number - vb.number if op == "-" else va.number + vb.number
                ok = abs(vr.number - expected) <= _money_tol(va, vb, vr)
            if not ok:
                sym = {"-": "−", "+": "+", "/": "/"}[op]
                yield self.finding(ctx, f[result].location, name=result, value=vr.text,
                                   formula=f"{result} = {a} {sym} {b}", a=a, b=b, a_value=f[a].value.text,
                                   b_value=f[b].value.text, expected=_fmt(expected) if op != "/" else f"{expected:.2f}")

    # --- BC-07 ------------------------------------------------------------------------------------

    def _section_tables(self, ctx: Context, key: str) -> list[Grid]:
        out = []
        for hit in find_all(ctx, key):
            if hit.kind != "heading":
                continue
            out.extend(b.grid for b in hit.blocks if b.grid is not None)
        return out

    @staticmethod
    def _table_total(grid: Grid, skip: re.Pattern[str] | None = None) -> Figure | None:
        figs = grid_figures(grid)
        totals = [f for f in figs if _TOTAL.match(f.label) or re.match(r"^total\b", f.label, re.I)
                  or re.search(r"\btotal\b|合计|总计|总额", f.label, re.I)]
        totals = [f for f in totals if skip is None or not skip.search(f.label)]
        return totals[0] if totals else None

    def _funding(self, ctx: Context) -> Iterable[Finding]:
        hit = find_section(ctx, "funding")
        if hit is None or hit_is_empty(ctx.vocab, hit):
            return  # a missing funding section is BC-01's (full profile), an empty one COM-14's
        grids = self._section_tables(ctx, "funding")
        funding: Figure | None = None
        amount = None
        for g in grids:
            total = self._table_total(g)
            if total is not None and not total.value.percent:
                funding, amount = total, total.value.number
                break
            items = [f for f in grid_figures(g) if not f.value.percent and f.value.unit not in ("year", "month")]
            if items:
                funding, amount = items[-1], sum(f.value.number for f in items)
                break
        if funding is None:
            return  # funding stated in words only: nothing to add up
        cost = None
        for g in self._section_tables(ctx, "costs"):
            cost = self._table_total(g, skip=_ONGOING)
            if cost is not None:
                break
        if cost is None or cost.value.percent:
            return
        if amount + _money_tol(funding.value, cost.value) < cost.value.number:
            yield self.finding(ctx, funding.location, funding=_fmt(amount), cost=_fmt(cost.value.number),
                               gap=_fmt(cost.value.number - amount), cost_label=cost.label)

    # --- BC-08 ------------------------------------------------------------------------------------

    def _appraisal(self, ctx: Context) -> Iterable[Finding]:
        f = self._named(ctx)
        inv, net = f.get("investment"), f.get("net_benefit")
        if inv is not None and net is not None and net.value.number > 0 and not inv.value.percent \
                and not net.value.percent:
            years = inv.value.number / net.value.number
            pb = f.get("payback")
            if pb is not None and not pb.value.percent:
                stated = pb.value.number / 12 if pb.value.unit == "month" or re.search(r"month|月", pb.label, re.I) \
                    else pb.value.number
                if abs(stated - years) > max(0.1, 0.03 * years):
                    yield self.finding(ctx, pb.location, variant="payback", value=pb.value.text,
                                       investment=inv.value.text, net=net.value.text, expected=f"{years:.1f}")
            roi = f.get("roi")
            if roi is not None and roi.value.percent:
                n = _years_in(roi.label)
                inv_n, net_n = inv.value.number, net.value.number
                candidates = [100 * net_n / inv_n]
                if n:
                    candidates += [100 * (n * net_n - inv_n) / inv_n, 100 * n * net_n / inv_n]
                if all(abs(roi.value.number - c) > 1.0 for c in candidates):
                    yield self.finding(ctx, roi.location, variant="roi", value=roi.value.text,
                                       expected=f"{candidates[1] if n else candidates[0]:.1f}%",
                                       years=n or 1, investment=inv.value.text, net=net.value.text)
        npv = f.get("npv")
        if npv is not None and npv.value.number < 0 and not npv.value.percent:
            text = nfkc(ctx.doc.all_text())
            proceed = re.compile(self.params.proceed, re.I)
            reason = re.compile(self.params.reason, re.I)
            if proceed.search(text) and not reason.search(text):
                yield self.finding(ctx, npv.location, variant="npv", value=npv.value.text)

    # --- COST-04 ----------------------------------------------------------------------------------

    def _reserves(self, ctx: Context) -> Iterable[Finding]:
        f = self._named(ctx, tables_only=True)
        for result, a, b in (("baseline", "work_packages", "contingency"), ("total", "baseline", "management")):
            if not all(k in f for k in (result, a, b)):
                continue
            va, vb, vr = _align(f[a].value, f[b].value, f[result].value)
            if any(v.percent or v.unit in ("year", "month") for v in (va, vb, vr)):
                continue
            expected = va.number + vb.number
            if abs(vr.number - expected) > _money_tol(va, vb, vr):
                yield self.finding(ctx, f[result].location, variant=result, value=vr.text, expected=_fmt(expected),
                                   a=f[a].label, a_value=va.text, b=f[b].label, b_value=vb.text, label=f[result].label)

    # --- COST-03 ----------------------------------------------------------------------------------

    def _phased(self, ctx: Context) -> Iterable[Finding]:
        grids = self._section_tables(ctx, self.params.key or "time_phasing")
        stated = self._named_reserves(ctx)
        for grid in grids:
            header = grid.rows[0] if grid.rows else []
            total_cols = [c.col for c in header if re.match(r"^(?:total|合计|总计|小计)", " ".join(c.text.split()), re.I)]
            if not total_cols:
                continue
            tc = total_cols[-1]
            units = header_units(grid)
            period_cols = [c.col for c in header if c.col < tc and c.col > 0 and not c.blank and not c.merged]
            grand: tuple[Figure, Value] | None = None
            for r, row in enumerate(grid.rows[1:], start=1):
                found = _row_label(row)
                if found is None:
                    continue
                label = found[0]
                cell = grid.cell(r, tc)
                if cell is None or cell.blank:
                    continue
                hint = units.get(tc) or _span_unit(header[0].text if header else "")
                total = parse_value(cell.text, hint)
                parts = [parse_value(grid.cell(r, c).text, units.get(c) or hint) for c in period_cols
                         if grid.cell(r, c) is not None and not grid.cell(r, c).blank]
                parts = [p for p in parts if p is not None]
                if total is None or len(parts) < 2:
                    continue
                if _TOTAL.match(label) or re.search(r"total|合计|总计|总额|预算", label, re.I):
                    s = sum(p.number for p in parts)
                    if abs(s - total.number) > _money_tol(total, *parts):
                        yield self.finding(ctx, cell.location, variant="row", label=label, value=total.text,
                                           total=_fmt(s), count=len(parts))
                        return
                    grand = (Figure(label, total, cell.location, grid, r), total)
            if grand is not None and stated:
                fig, value = grand
                if all(abs(x.number - y.number) > _money_tol(x, y) for x, y in (_align(value, s.value) for s in stated)):
                    s = stated[0]
                    yield self.finding(ctx, fig.location, variant="total", label=fig.label, value=value.text,
                                       stated=s.value.text, stated_label=s.label)
            return

    def _named_reserves(self, ctx: Context) -> list[Figure]:
        terms = _compile(RESERVE_TERMS)
        out: list[Figure] = []
        keys_seen = set()
        phased = {id(g) for g in self._section_tables(ctx, self.params.key or "time_phasing")}
        for f in all_figures(ctx):
            if f.grid is not None and id(f.grid) in phased:
                continue
            key = _classify(f.label, terms)
            if key in ("total", "baseline") and key not in keys_seen and not f.value.percent and len(f.label) <= 90:
                keys_seen.add(key)
                out.append(f)
        return sorted(out, key=lambda f: _classify(f.label, terms) != "total")  # name the total budget first

    # --- CH-06 ------------------------------------------------------------------------------------

    def _breakdown(self, ctx: Context) -> Iterable[Finding]:
        from checker.kinds.section_content import has_money

        key = self.params.key or "financial_resources"
        hit = find_section(ctx, key)
        if hit is None or hit_is_empty(ctx.vocab, hit):
            return  # required_sections / COM-14
        if not any(has_money(nfkc(h.text)) for h in find_all(ctx, key) if not hit_is_empty(ctx.vocab, h)):
            section = hit.title.strip(" :：")
            yield self.finding(ctx, hit.location, variant="money", section=section)
            return
        for grid in self._section_tables(ctx, key):
            figs = [f for f in grid_figures(grid) if not f.value.percent and f.value.unit not in ("year", "month")]
            for i, f in enumerate(figs):
                if not re.search(r"^total|^sum|total budget|合计|总计|总预算|预算总额", f.label, re.I):
                    continue
                items = [g for g in figs[:i] if not re.search(r"total|合计|总计|小计", g.label, re.I)]
                if len(items) < 2:
                    continue
                s = sum(g.value.number for g in items)
                if abs(s - f.value.number) > _money_tol(f.value, *[g.value for g in items]):
                    yield self.finding(ctx, f.location, label=f.label, value=f.value.text, total=_fmt(s),
                                       count=len(items))
                return


_WORD_YEARS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
               "ten": 10, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _years_in(label: str) -> int | None:
    m = re.search(r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)[- ]?years?\b|(\d{1,2}|[一二两三四五六七八九十])\s*年",
                  label, re.I)
    if not m:
        return None
    word = (m.group(1) or m.group(2)).lower()
    return int(word) if word.isdigit() else _WORD_YEARS.get(word)
