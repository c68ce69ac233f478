"""Where a finding is: the contract's location (paragraph, table cell, worksheet cell, part)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Part = Literal["body", "header", "footer", "properties", "comments"]


@dataclass(slots=True, unsafe_hash=True)
class Location:
    """Where something is, in the contract's terms (see contract/README.md, `location`).

    Slotted: a finding or a Word cell holds one; worksheet cells build theirs on demand (`Cell`).
    Treat it as immutable (it hashes by value); it is not a frozen dataclass because a frozen one
    sets each of its nine fields through `object.__setattr__`, which made building one 4x slower,
    and a register check builds one per finding.
    """

    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    heading: str | None = None
    text: str | None = None
    part: Part | None = None
    sheet: str | None = None
    cell: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The fields that are set, in `_LOCATION_FIELDS` order; text and heading as snippets."""
        out: dict[str, Any] = {}
        if self.paragraph is not None:
            out["paragraph"] = self.paragraph
        if self.table is not None:
            out["table"] = self.table
        if self.row is not None:
            out["row"] = self.row
        if self.col is not None:
            out["col"] = self.col
        if self.heading is not None:
            out["heading"] = snippet(self.heading)
        if self.text is not None:
            text = snippet(self.text)
            if text:
                out["text"] = text
        if self.part is not None:
            out["part"] = self.part
        if self.sheet is not None:
            out["sheet"] = self.sheet
        if self.cell is not None:
            out["cell"] = self.cell
        return out


    def anchor(self) -> tuple:
        """The position alone (no heading or text): two findings at one anchor point at one place."""
        return (self.part, self.paragraph, self.table, self.row, self.col, self.sheet, self.cell)

    def with_text(self, text: str | None) -> "Location":
        return Location(self.paragraph, self.table, self.row, self.col, self.heading, text, self.part,
                        self.sheet, self.cell)


_LOCATION_FIELDS = ("paragraph", "table", "row", "col", "heading", "text", "part", "sheet", "cell")


def snippet(text: str, limit: int = 255) -> str:
    """A single-line excerpt short enough for the contract (≤ 255 characters)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
