"""Risk scales (standard Appendix A): P/I values to numbers, levels to bands, the profile in force.

The profile comes from the register's legend/lookup sheet when one states bands ('High 13–19'),
else from `risk_scales.default_profile` (and the rule then says which profile it assumed). A
register scored on a 3-level scale is banded with the 3×3 profile rather than the 5×5 default.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from checker.analysis.context import Context
from checker.analysis.registers import RegisterView, cell_number
from checker.lexicon import files as lexicon
from checker.model.elements import Cell
from checker.text.normalize import nfkc, norm_label

LEVELS = ("Low", "Medium", "High", "Critical")
_RANGE = re.compile(r"(\d+(?:\.\d+)?)\s*(?:-|–|—|~|～|至|到|to)\s*(\d+(?:\.\d+)?)")
_AT_LEAST = re.compile(r"(?:≥|>=|>|大于等于|不低于|以上)\s*(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)\s*(?:\+|及以上|以上)")
_AT_MOST = re.compile(r"(?:≤|<=|<|小于等于|不超过)\s*(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)\s*(?:及以下|以下)")


def _scales() -> dict[str, Any]:
    return lexicon.common().get("risk_scales") or {}


@lru_cache(maxsize=1)
def _label_maps() -> tuple[dict[str, int], dict[str, int]]:
    maps = _scales().get("label_maps") or {}
    five = {norm_label(w): int(n) for n, ws in (maps.get("five_level") or {}).items() for w in ws}
    three = {norm_label(w): int(n) for n, ws in (maps.get("three_level") or {}).items() for w in ws}
    return five, three


@lru_cache(maxsize=1)
def _level_index() -> dict[str, str]:
    out: dict[str, str] = {}
    for level in LEVELS:
        out[norm_label(level)] = level
    extra = {"Low": ["Very Low", "L", "Green", "低风险"], "Medium": ["Med", "M", "Moderate", "Amber", "Yellow"],
             "High": ["H", "Major", "Red"], "Critical": ["Very High", "Extreme", "Severe", "VH", "很高", "严重"]}
    for level, words in extra.items():
        for w in words:
            out.setdefault(norm_label(w), level)
    for level, words in (_scales().get("cn_level_vocab") or {}).items():
        for w in words:
            out[norm_label(w)] = level
    out[norm_label("极低")] = "Low"
    return out


def level_of(text: str) -> str | None:
    """Canonical level (Low/Medium/High/Critical) of a level cell, or None."""
    t = norm_label(text)
    if not t:
        return None
    idx = _level_index()
    if t in idx:
        return idx[t]
    for w in sorted(idx, key=len, reverse=True):
        if len(w) >= 2 and t.startswith(w):
            return idx[w]
    return None


def uses_three_level(view: RegisterView, keys: tuple[str, ...] = ("probability", "impact")) -> bool:
    """True when every P/I value is a 1–3 number or a Low/Medium/High label (once per register)."""
    return view.memo(("three_level", keys), lambda: _three_level(view, keys))


def _three_level(view: RegisterView, keys: tuple[str, ...]) -> bool:
    five, three = _label_maps()
    seen = False
    for row in view.rows:
        for key in keys:
            c = row.cell(key)
            if c is None or c.blank:
                continue
            n = cell_number(c)
            if n is not None:
                if n > 3 or n < 1 or "%" in c.text:
                    return False
                seen = True
                continue
            t = norm_label(c.text)
            if t in three:
                seen = True
                continue
            return False
    return seen


def scale_value(cell: Cell | None, three_level: bool = False) -> float | None:
    """P or I as a number on its scale: 1–5 (or 1–3), a ratio (0.3), or a mapped label."""
    if cell is None or cell.blank:
        return None
    n = cell_number(cell)
    if n is not None:
        return n
    five, three = _label_maps()
    t = norm_label(cell.text)
    if three_level and t in three:
        return float(three[t])
    if t in five:
        return float(five[t])
    if t in three:
        return float(three[t])
    return None


def _scale_value_three(cell: Cell) -> float | None:
    return scale_value(cell, True)


def _scale_value_five(cell: Cell) -> float | None:
    return scale_value(cell, False)


def scale_values(view: RegisterView, key: str) -> list[float | None]:
    """`scale_value` of each row's `key` cell, on the register's scale (`uses_three_level`)."""
    return view.column(key, _scale_value_three if uses_three_level(view) else _scale_value_five)


def on_scale(cell: Cell, probability: bool) -> bool:
    """Is the value on a declared scale: 1–5 (integers), a percentage/ratio for P, a ratio for I, or a label."""
    n = cell_number(cell)
    if n is not None:
        if "%" in nfkc(cell.text) or 0 < n < 1:
            return 0 < n <= 1
        return float(n).is_integer() and 1 <= n <= 5
    return scale_value(cell) is not None


@dataclass(frozen=True)
class Profile:
    name: str
    bands: dict[str, tuple[float, float]]  # level -> [min, max]
    assumed: bool  # the default, not read from the register

    def band(self, score: float) -> str | None:
        ordered = sorted(self.bands.items(), key=lambda kv: kv[1][0])
        for i, (level, (lo, hi)) in enumerate(ordered):
            upper = ordered[i + 1][1][0] if i + 1 < len(ordered) else float("inf")
            if lo <= score < upper or lo <= score <= hi:
                return level
        if ordered and score < ordered[0][1][0]:
            return ordered[0][0]
        return None

    def threshold(self, level: str = "High") -> float | None:
        b = self.bands.get(level)
        return b[0] if b else None


def _profile_named(name: str, assumed: bool) -> Profile | None:
    spec = (_scales().get("profiles") or {}).get(name) or {}
    bands = spec.get("bands")
    if not bands:
        return None
    return Profile(name, {k: (float(v[0]), float(v[1])) for k, v in bands.items()}, assumed)


def legend_profile(ctx: Context) -> Profile | None:
    """Bands stated on a lookup/legend sheet: a level label next to a range, at least two levels."""
    bands: dict[str, tuple[float, float]] = {}
    for sheet in ctx.doc.sheets:
        if sheet.role not in ("lookup", "other", "form"):
            continue
        for row in sheet.grid.rows:
            texts = [c.text.strip() for c in row if not c.blank and not c.merged]
            level = next((level_of(t) for t in texts if len(t) <= 12 and level_of(t)), None)
            if level is None or level in bands:
                continue
            for t in texts:
                t = nfkc(t)
                m = _RANGE.search(t)
                if m:
                    bands[level] = (float(m.group(1)), float(m.group(2)))
                    break
                m = _AT_LEAST.search(t)
                if m:
                    bands[level] = (float(m.group(1) or m.group(2)), float("inf"))
                    break
                m = _AT_MOST.search(t)
                if m:
                    bands[level] = (0.0, float(m.group(1) or m.group(2)))
                    break
    if len(bands) >= 2:
        return Profile("legend", bands, False)
    return None


def profile_for(ctx: Context, view: RegisterView) -> Profile | None:
    def compute() -> Profile | None:
        found = legend_profile(ctx)
        if found is not None:
            return found
        if uses_three_level(view):
            return _profile_named("C_3x3", True)
        return _profile_named(str(_scales().get("default_profile") or "A_5x5_foundry"), True)

    return ctx.memo(f"risk_profile:{view.doc_type}", compute)
