"""What a document says that other documents must agree with: objectives and deliverables it lists,
the texts of a closure report's review sections, a committee's decision and conditions, follow-on
actions, the ids of risks, issues and changes it cites (with the state it says they are in), and
the risk scale a risk management plan sets.
"""
from __future__ import annotations

import re
from typing import Any

from checker.analysis.context import Context
from checker.analysis.registers import disposition_of, status_of
from checker.analysis.risk_scales import scales
from checker.analysis.sections import find_section, hit_is_empty, items
from checker.analysis.summary.located import ID, at, id_key, located
from checker.lexicon.vocabulary import Vocabulary, derived
from checker.model.elements import Grid
from checker.text.dates import parse_date
from checker.text.normalize import nfkc, norm_label

MAX_ITEMS = 50
MAX_CITED = 300
MAX_TEXT = 2000
# Sections that list the project's objectives and deliverables, per document type.
OBJECTIVES = {"INIT_REQUEST_BC": "objectives", "PROJECT_BRIEF": "definition_objectives", "CHARTER": "objectives_success",
              "PMP": "objectives", "SCOPE_STATEMENT": "objectives"}
DELIVERABLES = {"SCOPE_STATEMENT": "deliverables"}
# Sections whose text other documents are searched against (a closure report's reviews).
TEXTS = {"CLOSURE_REPORT": ("objectives_review", "scope_deliverables", "follow_on_actions", "handover", "cost",
                            "schedule", "changes_risks_issues"),
         "QUALITY_PLAN": ("review_items", "qc_activities", "acceptance"),
         "END_STAGE_REPORT": ("follow_on_actions", "issues_risks")}
# Documents that cite risks, issues and changes by id.
CITING = frozenset({"STATUS_REPORT", "MEETING_MINUTES", "CLOSURE_REPORT", "END_STAGE_REPORT", "INIT_REVIEW",
                    "CHANGE_REQUEST", "LESSONS"})
_OWNER = re.compile(r"(?:owner|responsible|assigned to|负责人|责任人|承接人|接收人)\s*[:：为是]?\s*([^;；,，)）。]+)", re.I)
_BAND = re.compile(r"(Low|Medium|High|Critical|Very High|低|中|高|极高)\s*(?:risk|风险)?\s*[:：(（]?\s*"
                   r"(?:score\s*|分值\s*|得分\s*)?(\d+(?:\.\d+)?)\s*(?:-|–|—|~|～|至|到|to)\s*(\d+(?:\.\d+)?)", re.I)
_DELIVERABLE_COLUMN = re.compile(r"^\s*(?:deliverables?|deliverable name|可交付成果|交付物|交付成果)(?:名称)?\s*$", re.I)
_OWNER_COLUMN = re.compile(r"owner|responsible|负责人|责任人|承接", re.I)
_DATE_COLUMN = re.compile(r"date|due|deadline|日期|时间|期限", re.I)
# In prose, what is said of a cited id right after it: '(adoption, High)', ': approved', ' 已批准'.
_SAID = re.compile(r"^\s*(?:[(（]([^)）]{1,40})[)）]|[:：]\s*([^,，;；.。]{1,30})|\s(?:is|was|has been)\s+(\w+)|\s*(?:已|为)(\S{1,6}))")
_SCALE = re.compile(r"\b1\s*(?:-|–|~|to|至)\s*([35])\b|([35])\s*(?:-level|级|个等级|point)|([35])\s*[x×]\s*[35]", re.I)


def listed(ctx: Context, key: str) -> list[dict[str, Any]]:
    """The entries of a section, with where: the rows of its tables when it has any (an introductory
    sentence is no entry), else its list items or lines. A deliverable is named by its row's first
    cell; an objective keeps its whole row (id, statement, target)."""
    if key in DELIVERABLES.values():
        found = _column_items(ctx, _DELIVERABLE_COLUMN)
        if found:
            return found
    hit = find_section(ctx, key)
    if hit is None or hit_is_empty(ctx.vocab, hit):
        return []
    grids = _grids(hit)
    out = []
    if grids:
        for grid in grids:
            for row in _data_rows(grid):
                cells = [c for c in row if not c.merged and not c.blank]
                if key in DELIVERABLES.values():
                    cells = [c for c in cells if not ID.fullmatch(c.text.strip())][:1] or cells[:1]
                text = " | ".join(c.text.strip() for c in cells)
                if text:
                    out.append({"text": text[:200], "location": at(cells[0].location)})
        return out[:MAX_ITEMS]
    for text in items(ctx.vocab, hit)[:MAX_ITEMS]:
        first = text.split(" | ", 1)[0].strip() if key in DELIVERABLES.values() else text.strip()
        if first:
            out.append({"text": first[:200], "location": at(hit.location)})
    return out


def _column_items(ctx: Context, header: re.Pattern[str]) -> list[dict[str, Any]]:
    """The cells of the first Word table column whose header matches (a deliverables table wherever
    the document puts it)."""
    for block in ctx.doc.blocks:
        grid = block.grid
        if grid is None or len(grid.rows) < 2:
            continue
        col = next((c.col for c in grid.rows[0] if not c.merged and header.search(c.text)), None)
        if col is None:
            continue
        out = []
        for row in grid.rows[1:]:
            cell = grid.cell(row[0].row, col) if row else None
            if cell is not None and not cell.blank and not cell.merged:
                item = {"text": " ".join(cell.text.split())[:200], "location": at(cell.location)}
                code = next((c.text.strip() for c in row if c.col != col and ID.fullmatch(c.text.strip())), None)
                if code:
                    item["key"] = code  # the deliverable's own id ('D3'): schedules and reports cite it
                out.append(item)
        if out:
            return out[:MAX_ITEMS]
    return []


def _grids(hit: Any) -> list[Grid]:
    """The tables of a section, up to the next heading (a hit's blocks may run on into the sections
    that follow it)."""
    out = []
    for block in hit.blocks or []:
        if block.kind == "heading":
            break
        if block.grid is not None:
            out.append(block.grid)
    return out


def _data_rows(grid: Grid) -> list[list]:
    rows = [r for r in grid.rows if any(not c.blank and not c.merged for c in r)]
    return rows[1:] if len(rows) > 1 else rows


def texts(ctx: Context, keys: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in keys:
        hit = find_section(ctx, key)
        if hit is not None and not hit_is_empty(ctx.vocab, hit):
            out[key] = located(" ".join(hit.text.split())[:MAX_TEXT], hit.location)
    return out


@derived
def _decision_words(vocab: Vocabulary) -> list[tuple[str, str]]:
    words = [(norm_label(w), key) for key, ws in (vocab.common.get("gate_decisions") or {}).items() for w in ws]
    return sorted(words, key=lambda kw: len(kw[0]), reverse=True)


def decision(ctx: Context) -> dict[str, Any] | None:
    """A review's decision (go, conditional, recycle, hold, kill), from its conclusion section."""
    hit = find_section(ctx, "conclusion")
    if hit is None:
        return None
    text = norm_label(hit.text[:400])
    for word, key in _decision_words(ctx.vocab):
        if word and word in text:
            return located(key, hit.location, text=" ".join(hit.text.split())[:120])
    return None


def conditions(ctx: Context) -> list[dict[str, Any]]:
    """A committee's conditions: text, state (open/closed when the row or line says), due date."""
    hit = find_section(ctx, "conditions")
    if hit is None or hit_is_empty(ctx.vocab, hit):
        return []
    out = []
    for grid in _grids(hit):
        out.extend(_condition_rows(ctx, grid))
    if not out:
        for line in items(ctx.vocab, hit)[:MAX_ITEMS]:
            out.append(_condition(ctx, line.split(" | "), at(hit.location)))
    return out[:MAX_ITEMS]


def _condition_rows(ctx: Context, grid: Grid) -> list[dict[str, Any]]:
    rows = [r for r in grid.rows if any(not c.blank and not c.merged for c in r)]
    return [_condition(ctx, [c.text.strip() for c in row if not c.merged and not c.blank], at(row[0].location))
            for row in rows[1:]]


def _condition(ctx: Context, parts: list[str], location: dict[str, Any]) -> dict[str, Any]:
    text = max(parts, key=len) if parts else ""
    item: dict[str, Any] = {"text": text[:200], "location": location}
    key = id_key(parts[0]) if parts else None
    if key:
        item["key"] = key
    for part in parts:
        state = status_of(ctx.vocab, part) if len(part) <= 20 else None
        if state is not None:
            item["state"] = state
        when = parse_date(part) if len(part) <= 30 else None
        if when is not None:
            item["due"] = when.isoformat()
    return item


def follow_on(ctx: Context) -> list[dict[str, Any]]:
    """Follow-on actions of a closure report: text, the ids they hand over, owner and date (from the
    table's Owner / Date columns, else from 'owner: …' and a date in the line)."""
    hit = find_section(ctx, "follow_on_actions")
    if hit is None or hit_is_empty(ctx.vocab, hit):
        return []
    out = []
    for grid in _grids(hit):
        header = [c.text for c in grid.rows[0]] if grid.rows else []
        owner_col = next((i for i, h in enumerate(header) if _OWNER_COLUMN.search(h)), None)
        date_col = next((i for i, h in enumerate(header) if _DATE_COLUMN.search(h)), None)
        for row in _data_rows(grid):
            texts = [c.text.strip() for c in row]
            item = _action(" | ".join(t for t in texts if t), at(row[0].location))
            if owner_col is not None and owner_col < len(texts) and texts[owner_col]:
                item["owner"] = texts[owner_col][:80]
            if date_col is not None and date_col < len(texts) and (when := parse_date(texts[date_col])):
                item["date"] = when.isoformat()
            out.append(item)
    if not out:
        out = [_action(line, at(hit.location)) for line in items(ctx.vocab, hit)]
    return out[:MAX_ITEMS]


def _action(line: str, location: dict[str, Any]) -> dict[str, Any]:
    text = nfkc(line)
    item: dict[str, Any] = {"text": text[:200], "location": location}
    keys = sorted({k for k in (id_key(m.group(0)) for m in _ids(text)) if k})
    if keys:
        item["keys"] = keys
    owner = _OWNER.search(text)
    if owner:
        item["owner"] = owner.group(1).strip()[:80]
    when = parse_date(text)
    if when is not None:
        item["date"] = when.isoformat()
    return item


def _ids(text: str):
    """Id-looking tokens, not the first part of a longer code ('PRJ-2026' of 'PRJ-2026-042')."""
    for m in ID.finditer(text):
        if re.match(r"[-_/.]\d", text[m.end():m.end() + 2]):
            continue
        yield m


def cited(ctx: Context) -> list[dict[str, Any]]:
    """Ids a report cites, each with the state, decision or level said beside it (same table row, or
    the rest of the clause), and where."""
    out: list[dict[str, Any]] = []
    seen: set[tuple] = set()

    def add(text: str, context: list[str], location: Any) -> None:
        for m in _ids(nfkc(text)):
            key = id_key(m.group(0))
            if key is None or (key, location) in seen:
                continue
            seen.add((key, location))
            item: dict[str, Any] = {"key": key, "id": m.group(0), "location": at(location)}
            for part in context or _said(nfkc(text)[m.end():]):
                words = re.split(r"[\s,，;；:：()（）/]+", part)
                for word in [part, *words]:
                    if not word or len(word) > 24:
                        continue
                    if "state" not in item and (state := status_of(ctx.vocab, word)):
                        item["state"] = state
                    if "decision" not in item and (d := disposition_of(ctx.vocab, word)):
                        item["decision"] = d
                    if "level" not in item and (level := _level(ctx.vocab, word)):
                        item["level"] = level
            out.append(item)
            if len(out) >= MAX_CITED:
                return

    for block in ctx.doc.blocks:
        if len(out) >= MAX_CITED:
            break
        if block.grid is not None:
            for row in block.grid.rows:
                cells = [c for c in row if not c.merged and not c.blank]
                for cell in cells:
                    if ID.search(cell.text):
                        add(cell.text, [c.text for c in cells if c is not cell], cell.location)
        elif ID.search(block.text):
            add(block.text, [], block.location)
    return out


def _said(rest: str) -> list[str]:
    """What prose says of an id right after it (see _SAID); nothing when the sentence goes on."""
    m = _SAID.match(rest)
    return [g for g in m.groups() if g] if m else []


@derived
def _rag_words(vocab: Vocabulary) -> frozenset[str]:
    return frozenset(norm_label(w) for ws in (vocab.common.get("rag") or {}).values() for w in ws)


def _level(vocab: Vocabulary, word: str) -> str | None:
    """A risk level named by a word: not a RAG colour ('Amber' is a status, not a level), not a letter."""
    key = norm_label(word)
    if not key or key in _rag_words(vocab) or (len(key) == 1 and key.isascii()):
        return None
    return scales(vocab).level_of(word)


def scale(ctx: Context) -> dict[str, Any] | None:
    """The risk scale a risk management plan sets: levels per axis (3 or 5) and score bands."""
    out: dict[str, Any] = {}
    bands: dict[str, list[float]] = {}
    level_of = scales(ctx.vocab).level_of
    for key in ("probability_scale", "impact_scale", "pi_matrix", "thresholds"):
        hit = find_section(ctx, key)
        if hit is None:
            continue
        text = nfkc(hit.text)
        m = _SCALE.search(text)
        if m and "scale" not in out:
            out["scale"] = int(next(g for g in m.groups() if g))
            out["scale_location"] = at(hit.location)
        for b in _BAND.finditer(text):
            level = level_of(b.group(1))
            if level and level not in bands:
                bands[level] = [float(b.group(2)), float(b.group(3))]
                out.setdefault("bands_location", at(hit.location))
    if bands:
        out["bands"] = bands
    return out or None
