"""What the text-understanding kinds (automation S) share: the configuration's text reader, the entries
a section lists with their places, and one finding for many alike.

A section lists its entries as table rows (an objectives table: ID | Objective | Success criterion |
Target date), list items or lines of prose. A table row is one entry, read as a whole: its target
date makes the objective in the next cell time-bound. A line that introduces a list ('The objectives
are:') or a table is not an entry.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from pydantic import Field

from checker.analysis.context import Context
from checker.analysis.sections import SectionHit
from checker.core.findings import Finding
from checker.core.location import Location
from checker.kinds.params import KindParams
from checker.lexicon.predicates import is_placeholder
from checker.nlp.reader import Reader, reader
from checker.text.normalize import norm_label

_INTRO = re.compile(r"[:：]\s*$")
_BULLET = re.compile(r"^\s*(?:[-–•·●▪◦*]|\d{1,2}\s*[.)、）]|[（(]\d{1,2}[)）]|[一二三四五六七八九十]+、)\s*\S")
# A bullet typed as a Symbol or Wingdings glyph (U+F0B7 and the like): a private-use character, never content.
_GLYPH_BULLET = re.compile(r"^[\ue000-\uf8ff]+\s*")
_NA = re.compile(r"^\s*(?:n/?a|none|nil|-+|—|无|暂无|不适用|略)\s*[.。]?\s*$", re.I)


def reader_of(ctx: Context) -> Reader:
    """The text reader of the document's configuration (its words, its pretrained pipelines if any)."""
    return reader(ctx.vocab, ctx.nlp_models)


@dataclass
class Entry:
    """One entry of a section: its text, where it is, and for a table row its cells by header."""

    text: str
    location: Location
    cells: dict[str, str] = field(default_factory=dict)  # normalised header label -> cell text ('' when empty)
    in_table: bool = False
    listed: bool = False  # a list item (a bullet or number, or a Word list paragraph)


def entries(ctx: Context, hit: SectionHit) -> list[Entry]:
    """The entries of a section: the data rows of its tables when it has any (its prose then only
    introduces them), else its list items and lines; a field's value is one entry per line or item."""
    if hit.kind != "heading":
        lines = [p.strip() for p in re.split(r"[\n;；]", hit.text or "") if p.strip()]
        return _listed([Entry(line, hit.location.with_text(line)) for line in lines if _real(ctx, line)])
    below = _cells_below(ctx, hit)
    if below is not None:
        return below
    rows = list(_table_rows(ctx, hit))
    if rows:
        return rows
    out = []
    for block in hit.blocks or []:
        if block.kind in ("heading", "table"):
            continue
        for line in lines_of(block.text):
            if _INTRO.search(line) or not _real(ctx, line):
                continue
            out.append(Entry(line, block.location.with_text(line), listed=block.kind == "list_item"))
    return _listed(out)


def lines_of(text: str) -> list[str]:
    """The lines of a text, a line that starts in lower case joined to the one before (a sentence broken
    by hand inside a table cell: 'Raise the check total by increasing' / 'the number of appetizers'), a
    bullet typed as a symbol-font glyph left out."""
    out: list[str] = []
    for raw in text.splitlines():
        line = _GLYPH_BULLET.sub("", raw.strip())
        if not line:
            continue
        if out and line[0].islower() and not _BULLET.match(line) and line == raw.strip():
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _cells_below(ctx: Context, hit: SectionHit) -> list[Entry] | None:
    """A section whose heading is a table's title row ('Project Goals' above one cell of goals): its
    entries are the lines of the cells below it in that table, not what follows the table."""
    loc = hit.location
    if loc.table is None or loc.row is None:
        return None
    grid = next((g for g in ctx.doc.grids() if g.location.table == loc.table and g.location.part == loc.part), None)
    if grid is None:
        return None
    out = []
    for row in grid.rows[loc.row + 1:]:
        for cell in (c for c in row if not c.merged and c.text.strip()):
            for line in lines_of(cell.text):
                if not _INTRO.search(line) and _real(ctx, line):
                    out.append(Entry(line, cell.location.with_text(line)))
    return _listed(out)


def _listed(found: list[Entry]) -> list[Entry]:
    """The list items, when some lines are items (bullets, numbers) and others are not: the others
    introduce, frame or follow the list ('Option 2: …' after a list of an option's benefits)."""
    for e in found:
        e.listed = e.listed or bool(_BULLET.match(e.text))
    items = [e for e in found if e.listed]
    return items if items and len(items) < len(found) else found


def prose(hit: SectionHit) -> str:
    """The section's text outside its tables (what introduces or frames its entries)."""
    return "\n".join(b.text for b in hit.blocks or [] if b.kind not in ("heading", "table") and b.text.strip())


def _table_rows(ctx: Context, hit: SectionHit) -> Iterator[Entry]:
    for block in hit.blocks or []:
        grid = block.grid
        if block.kind != "table" or grid is None:
            continue
        rows = [r for r in grid.rows if any(not c.blank and not c.merged for c in r)]
        if len(rows) < 2:
            continue
        header = {c.col: norm_label(c.text) for c in rows[0] if not c.merged}
        for row in rows[1:]:
            cells = [c for c in row if not c.merged and c.text.strip()]
            text = " | ".join(c.text.strip() for c in cells)
            if not cells or not _real(ctx, text):
                continue
            labelled = {header[c.col]: c.text.strip() for c in row if not c.merged and header.get(c.col)}
            yield Entry(text, cells[0].location.with_text(cells[0].text.strip()), labelled, in_table=True)


def _real(ctx: Context, text: str) -> bool:
    t = text.strip()
    return bool(t) and not _NA.match(t) and not (is_placeholder(ctx.vocab, t) and len(t) < 40)


class GroupParams(KindParams):
    """Findings of one rule on many entries alike: past `group_over`, one finding lists them."""

    group_over: int = Field(6, ge=1, description="more findings than this in one document become one finding "
                                                  "(variant `many`) that counts and lists them")


def grouped(kind: Any, ctx: Context, found: list[tuple[Location, dict[str, Any]]], *, item_key: str = "item",
            variant: str | None = None) -> Iterable[Finding]:
    """One finding per entry, or — past the rule's `group_over` — one finding (`many`) at the first entry
    with {count} and {items} (the first few entries named)."""
    limit = kind.params.group_over
    if len(found) <= limit:
        for location, args in found:
            yield kind.finding(ctx, location, variant=variant, **args)
        return
    sep = "、" if ctx.message_language == "zh" else "; "
    names = [f"“{_short(a.get(item_key, ''))}”" for _, a in found[:3]]
    more = len(found) - len(names)
    items = sep.join(names) + ((f" 等 {len(found)} 项" if ctx.message_language == "zh" else f" and {more} more")
                               if more > 0 else "")
    location, args = found[0]
    yield kind.finding(ctx, location, variant="many", **{**args, "count": len(found), "items": items})


def _short(text: str, limit: int = 60) -> str:
    t = " ".join(str(text).split())
    return t if len(t) <= limit else t[: limit - 1] + "…"
