"""Score bands (green / amber / red): where a PMO draws the lines, `[score]` in pmo-check.toml."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from checker.core.errors import ConfigError

BANDS = ("green", "amber", "red")


@dataclass(frozen=True)
class Bands:
    """A score at or above `green` is green, at or above `amber` amber, below it red (docs/scoring.md)."""

    green: float = 80.0
    amber: float = 60.0

    def of(self, score: float | None) -> str | None:
        """The band of a score; None for a document or project without one."""
        if score is None:
            return None
        return "green" if score >= self.green else "amber" if score >= self.amber else "red"


def parse_bands(table: Mapping[str, Any], where: str) -> Bands:
    """`[score]` (`green`, `amber`: numbers, 0 ≤ amber ≤ green ≤ 100). Raises ConfigError."""
    unknown = [k for k in table if k not in ("green", "amber")]
    if unknown:
        raise ConfigError(f"{where}: unknown key{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))} "
                          f"(allowed: green, amber)")
    values = {}
    for key in ("green", "amber"):
        value = table.get(key, getattr(Bands, key))
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
            raise ConfigError(f"{where} {key} = {value!r} must be a score between 0 and 100")
        values[key] = float(value)
    if values["amber"] > values["green"]:
        raise ConfigError(f"{where}: amber ({values['amber']:g}) must not be above green ({values['green']:g})")
    return Bands(**values)
