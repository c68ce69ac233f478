"""Risk scales (standard Appendix A): P/I values to numbers, levels to bands, the profile in force.

The profile comes from the register's legend/lookup sheet when one states bands ('High 13–19'),
else from `risk_scales.default_profile` (and the rule then says which profile it assumed). A
register scored on a 3-level scale is banded with the 3×3 profile rather than the 5×5 default.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from checker.analysis.context import Context
from checker.analysis.registers import RegisterView, cell_number
from checker.lexicon.vocabulary import Vocabulary, derived
from checker.model.elements import Cell
from checker.text.normalize import nfkc, norm_label

LEVELS = ("Low", "Medium", "High", "Critical")
_RANGE = re.compile(r"(\d+(?:\.\d+)?)\s*(?:-|–|—|~|～|至|到|to)\s*(\d+(?:\.\d+)?)")
_AT_LEAST = re.compile(r"(?:≥|>=|>|大于等于|不低于|以上)\s*(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)\s*(?:\+|及以上|以上)")
_AT_MOST = re.compile(r"(?:≤|<=|<|小于等于|不超过)\s*(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)\s*(?:及以下|以下)")


class RiskScales:
    """The vocabulary's risk scales: P/I labels to numbers (5- and 3-level), level words to levels,
    and the named band profiles. One per vocabulary (`scales`); its bound methods are stable keys
    for `RegisterView.column`."""

    def __init__(self, vocab: Vocabulary):
        spec = vocab.common.get("risk_scales") or {}
        maps = spec.get("label_maps") or {}
        self.five = {norm_label(w): int(n) for n, ws in (maps.get("five_level") or {}).items() for w in ws}
        self.three = {norm_label(w): int(n) for n, ws in (maps.get("three_level") or {}).items() for w in ws}
        self.profiles: dict[str, Any] = spec.get("profiles") or {}
        self.default_profile = str(spec.get("default_profile") or "A_5x5_foundry")
        levels: dict[str, str] = {}
        for level in LEVELS:
            levels[norm_label(level)] = level
        extra = {"Low": ["Very Low", "L", "Green", "低风险"], "Medium": ["Med", "M", "Moderate", "Amber", "Yellow"],
                 "High": ["H", "Major", "Red"], "Critical": ["Very High", "Extreme", "Severe", "VH", "很高", "严重"]}
        for level, words in extra.items():
            for w in words:
                levels.setdefault(norm_label(w), level)
        for level, words in (spec.get("cn_level_vocab") or {}).items():
            for w in words:
                levels[norm_label(w)] = level
        levels[norm_label("极低")] = "Low"
        self.levels = levels
        self._levels_longest_first = sorted(levels, key=len, reverse=True)

    def level_of(self, text: str) -> str | None:
        """Canonical level (Low/Medium/High/Critical) of a level cell, or None."""
        t = norm_label(text)
        if not t:
            return None
        if t in self.levels:
            return self.levels[t]
        for w in self._levels_longest_first:
            if len(w) >= 2 and t.startswith(w):
                return self.levels[w]
        return None

    def value(self, cell: Cell | None, three_level: bool = False) -> float | None:
        """P or I as a number on its scale: 1–5 (or 1–3), a ratio (0.3), or a mapped label."""
        if cell is None or cell.blank:
            return None
        n = cell_number(cell)
        if n is not None:
            return n
        t = norm_label(cell.text)
        if three_level and t in self.three:
            return float(self.three[t])
        if t in self.five:
            return float(self.five[t])
        if t in self.three:
            return float(self.three[t])
        return None

    def level_of_cell(self, cell: Cell) -> str | None:
        return self.level_of(cell.text)

    def value_three(self, cell: Cell) -> float | None:
        return self.value(cell, True)

    def value_five(self, cell: Cell) -> float | None:
        return self.value(cell, False)

    def on_scale(self, cell: Cell, probability: bool) -> bool:
        """Is the value on a declared scale: 1–5 (integers), a percentage/ratio for P, a ratio for I, or a label."""
        n = cell_number(cell)
        if n is not None:
            if "%" in nfkc(cell.text) or 0 < n < 1:
                return 0 < n <= 1
            return float(n).is_integer() and 1 <= n <= 5
        return self.value(cell) is not None

    def on_probability_scale(self, cell: Cell) -> bool:
        return self.on_scale(cell, True)

    def on_impact_scale(self, cell: Cell) -> bool:
        return self.on_scale(cell, False)

    def profile_named(self, name: str, assumed: bool) -> "Profile | None":
        bands = (self.profiles.get(name) or {}).get("bands")
        if not bands:
            return None
        return Profile(name, {k: (float(v[0]), float(v[1])) for k, v in bands.items()}, assumed)


@derived
def scales(vocab: Vocabulary) -> RiskScales:
    return RiskScales(vocab)


def uses_three_level(vocab: Vocabulary, view: RegisterView, keys: tuple[str, ...] = ("probability", "impact")) -> bool:
    """True when every P/I value is a 1–3 number or a Low/Medium/High label (once per register)."""
    return view.memo(("three_level", keys), lambda: _three_level(scales(vocab), view, keys))


def _three_level(found: RiskScales, view: RegisterView, keys: tuple[str, ...]) -> bool:
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
            if t in found.three:
                seen = True
                continue
            return False
    return seen


def scale_values(vocab: Vocabulary, view: RegisterView, key: str) -> list[float | None]:
    """P or I of each row's `key` cell, on the register's scale (`uses_three_level`)."""
    found = scales(vocab)
    return view.column(key, found.value_three if uses_three_level(vocab, view) else found.value_five)


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


def legend_profile(ctx: Context) -> Profile | None:
    """Bands stated on a lookup/legend sheet: a level label next to a range of scores, at least two
    levels. A range in percent rates a probability or an impact, not a score."""
    bands: dict[str, tuple[float, float]] = {}
    level_of = scales(ctx.vocab).level_of
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
                if "%" in t:
                    break  # 'Low | 10–30%': a probability (or impact) scale, not a band of scores
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
        found_scales = scales(ctx.vocab)
        if uses_three_level(ctx.vocab, view):
            return found_scales.profile_named("C_3x3", True)
        return found_scales.profile_named(found_scales.default_profile, True)

    return ctx.memo(f"risk_profile:{view.doc_type}", compute)
