"""Kind `raci`: the responsibility assignment matrix (RACI-01, -02, -03, -04, -07).

The matrix is found in any grid (Word table or worksheet): the role columns are those whose cells
under a header row are mostly RACI codes (R/A/C/I, `A/R`, and the words of `RACI.cell_values`:
负责, 批准, 咨询, 知会 …); the activity is the text column left of them.

Param `check`: `one_a` (exactly one A per activity; A/R counts as A), `one_r` (≥ 1 R, or an A when
`a_implies_r`), `values` (cells from the allowed set), `coverage` (no empty activity row, every role
column used), `single_code` (one code per cell except A+R), `consulted` (RACI-05: C on at most `max_share`, default
0.5 GUESS, of the roles of an activity).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Literal

from pydantic import Field

from checker.analysis.context import Context
from checker.core.findings import Finding
from checker.kinds.base import Kind
from checker.kinds.params import KindParams
from checker.lexicon.vocabulary import Vocabulary, derived
from checker.model.elements import Grid
from checker.text.normalize import nfkc, norm_label

_SPLIT = re.compile(r"\s*[/,;，；、+&]\s*|\s+")
SCAN = 15


@derived
def _codes(vocab: Vocabulary) -> dict[str, str]:
    values = (vocab.type_spec("RACI").get("vocabularies") or {}).get("cell_values") or {}
    out = {}
    for code, words in values.items():
        for w in words:
            out[norm_label(str(w))] = str(code)
    return out


def parse_codes(vocab: Vocabulary, text: str) -> list[str] | None:
    """The codes in a cell (['A', 'R'] for 'A/R'), [] when blank, None when not RACI."""
    t = nfkc(text).strip()
    if not t:
        return []
    codes = _codes(vocab)
    n = norm_label(t)
    if n in codes:
        return [codes[n]]
    out = []
    for token in _SPLIT.split(t):
        if not token:
            continue
        k = norm_label(token)
        if k in codes:
            out.append(codes[k])
        elif re.fullmatch(r"[RACIraci]{2,4}", token):
            out.extend(ch.upper() for ch in token)
        else:
            return None
    return out or None


@dataclass
class Matrix:
    grid: Grid
    header_row: int
    role_cols: list[int]
    activity_col: int
    rows: list[int]


def find_matrix(vocab: Vocabulary, grid: Grid) -> Matrix | None:
    best: Matrix | None = None
    for hr in range(min(SCAN, len(grid.rows) - 1)):
        below = grid.rows[hr + 1:]
        role_cols = []
        for c in range(grid.width):
            values = [row[c] for row in below if c < len(row) and not row[c].blank and not row[c].merged]
            header = grid.cell(hr, c)
            if not values or header is None or header.blank:
                continue
            ok = sum(1 for v in values if parse_codes(vocab, v.text) is not None and len(v.text.strip()) <= 12)
            if ok >= max(2, 0.6 * len(values)):
                role_cols.append(c)
        if len(role_cols) < 2:
            continue
        first = min(role_cols)
        text_cols = [c for c in range(first) if any(c < len(r) and not r[c].blank for r in below)]
        if not text_cols:
            continue
        activity = text_cols[-1] if len(text_cols) == 1 else next(
            (c for c in reversed(text_cols) if any(c < len(r) and len(r[c].text.strip()) > 3 for r in below)),
            text_cols[-1])
        rows = [hr + 1 + i for i, r in enumerate(below) if activity < len(r) and not r[activity].blank]
        m = Matrix(grid, hr, role_cols, activity, rows)
        if best is None or len(role_cols) > len(best.role_cols):
            best = m
        break
    return best


def matrices(ctx: Context) -> list[Matrix]:
    def compute() -> list[Matrix]:
        out = []
        for grid in ctx.doc.grids():
            m = find_matrix(ctx.vocab, grid)
            if m is not None:
                out.append(m)
        return out

    return ctx.memo("raci_matrices", compute)


class Raci(Kind):
    name = "raci"

    class Params(KindParams):
        check: Literal["one_a", "one_r", "values", "coverage", "single_code", "consulted"] = Field(
            "one_a", description="one_a, one_r, values, coverage, single_code or consulted (see the kind)")
        max_share: float = Field(0.5, ge=0, le=1, description="consulted: the share of roles C may be on")
        a_implies_r: bool = Field(False, description="one_r: a single A counts as R")

    params: Params

    def applies(self, ctx: Context) -> bool:
        return super().applies(ctx) and bool(matrices(ctx))

    def check(self, ctx: Context) -> Iterable[Finding]:
        check = self.params.check
        for m in matrices(ctx):
            g = m.grid
            roles = {c: g.cell(m.header_row, c).text.strip() for c in m.role_cols}
            used = {c: False for c in m.role_cols}
            for r in m.rows:
                activity = g.cell(r, m.activity_col)
                name = " ".join(activity.text.split())
                cells = [(c, g.cell(r, c)) for c in m.role_cols]
                codes = {c: (parse_codes(ctx.vocab, cell.text) if cell is not None else []) for c, cell in cells}
                for c, v in codes.items():
                    if v:
                        used[c] = True
                if check == "values":
                    for c, cell in cells:
                        if cell is not None and codes[c] is None:
                            yield self.finding(ctx, cell.location, activity=name, role=roles[c], value=cell.text.strip())
                    continue
                if check == "single_code":
                    for c, cell in cells:
                        v = codes[c] or []
                        if len(set(v)) > 1 and set(v) != {"A", "R"}:
                            yield self.finding(ctx, cell.location, activity=name, role=roles[c], value=cell.text.strip())
                    continue
                flat = [(c, v) for c, vs in codes.items() for v in (vs or [])]
                a = [roles[c] for c, v in flat if v == "A"]
                rr = [roles[c] for c, v in flat if v == "R"]
                if check == "consulted":  # RACI-05: C on more than `max_share` of the roles
                    cs = [roles[c] for c, v in flat if v == "C"]
                    if len(cs) >= 2 and len(cs) > self.params.max_share * len(m.role_cols):
                        yield self.finding(ctx, activity.location, activity=name, count=len(cs),
                                           total=len(m.role_cols), roles=", ".join(cs))
                    continue
                if check == "coverage":
                    if not flat:
                        yield self.finding(ctx, activity.location, variant="row", activity=name)
                    continue
                if not flat:
                    continue  # an empty row is RACI-04's
                if check == "one_a" and len(a) != 1:
                    variant = "none" if not a else None
                    yield self.finding(ctx, activity.location, variant=variant, activity=name, count=len(a),
                                       roles=", ".join(a))
                elif check == "one_r" and not rr and not (self.params.a_implies_r and len(a) == 1):
                    yield self.finding(ctx, activity.location, activity=name)
            if check == "coverage" and m.rows:
                for c, was in used.items():
                    if not was:
                        yield self.finding(ctx, g.cell(m.header_row, c).location, variant="column", role=roles[c])
