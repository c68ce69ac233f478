"""Kind `rag_explained` (SR-03): every Amber or Red status says why, what is being done and who owns it.

The Amber/Red items of a report are the rows of its tables whose status column (`status_columns`)
says Amber or Red (`common.rag`), and the status fields ('Overall status: Amber') of `keys`. Each one's
explanation is the rest of its row, or the text after the field up to the next heading or table;
the lines of the issues section (`issues_key`) that name the item (its row label) count too (the
standard: "text near each A/R item or in the issues section"). It must give a cause (a statement of
the problem, not only the status), a corrective action (the NLP lexicon's `corrective_action` or an
action verb) and an owner (`owner_marker` words, or a person or role named in it).
"""
from __future__ import annotations

from typing import Any, Iterable

from pydantic import Field

from checker.analysis.context import Context
from checker.analysis.sections import find_all, find_section
from checker.core.findings import Finding
from checker.core.location import Location
from checker.kinds.nlp_base import reader_of
from checker.kinds.params import Words
from checker.kinds.prose_base import ProseKind, ProseParams
from checker.lexicon.vocabulary import Vocabulary, derived
from checker.model.elements import Block
from checker.nlp.parties import parties
from checker.nlp.reader import Reader
from checker.text.normalize import has_cjk, norm_label

PARTS = ("cause", "action", "owner")
NAMES = {"en": {"cause": "the cause", "action": "the corrective action", "owner": "the owner"},
         "zh": {"cause": "原因", "action": "纠正措施", "owner": "责任人"}}
_MIN_WORDS, _MIN_CJK = 3, 6  # a cause is a statement of the problem, not a word


class RagExplained(ProseKind):
    name = "rag_explained"

    class Params(ProseParams):
        keys: list[str] = Field(["overall_status"], description="section keys of status fields ('Overall status')")
        status_columns: Words = Field(["RAG", "RAG Status", "Status", "Rating", "Health", "状态", "红黄绿灯",
                                       "状态灯", "评级"], description="headers of a table's status column")
        issues_key: str | None = Field("risks_issues", description="the section whose lines may explain an item")

    params: Params

    def check(self, ctx: Context) -> Iterable[Finding]:
        reader = reader_of(ctx)
        issues = self._issue_lines(ctx)
        lang = ctx.message_language
        sep = "、" if lang == "zh" else ", "
        items = list(self._items(ctx))
        rows = "\n".join(e for _, _, e, _, field in items if not field)
        for label, status, explanation, location, field in items:
            if field:  # an overall status: its items' rows and the issues section say what is done and by whom
                text = "\n".join([explanation, rows, *issues])
            else:
                text = explanation + "\n" + "\n".join(line for line in issues if label and _names(line, label))
            missing = [p for p, ok in zip(PARTS, _explained(reader, text)) if not ok]
            if missing:
                said = [NAMES[lang][m] for m in missing]
                if lang == "en" and len(said) > 1:
                    said = [", ".join(said[:-1]) + " and " + said[-1]]
                yield self.finding(ctx, location, item=label or status, status=status, missing=sep.join(said))

    def _items(self, ctx: Context) -> Iterable[tuple[str, str, str, Location, bool]]:
        """(label, status, explanation, location, is a status field) of every Amber/Red item."""
        words = _warning_words(ctx.vocab)
        wanted = [norm_label(w) for w in self.params.status_columns]
        for grid in ctx.doc.grids():
            rows = [r for r in grid.rows if any(not c.blank and not c.merged for c in r)]
            if len(rows) < 2:
                continue
            status_cols = [c.col for c in rows[0] if not c.merged and norm_label(c.text) in wanted]
            if not status_cols:
                continue
            rag_header = any("rag" in norm_label(c.text) or "红" in c.text for c in rows[0] if c.col in status_cols)
            for row in rows[1:]:
                for cell in row:
                    if cell.col not in status_cols or cell.merged:
                        continue
                    status = _status(cell.text, words, rag_header)
                    if status is None:
                        continue
                    others = [c for c in row if c is not cell and not c.merged and c.text.strip()]
                    label = others[0].text.strip() if others and others[0].col < cell.col else ""
                    explanation = " ".join(c.text.strip() for c in others if c.text.strip() != label)
                    yield label, cell.text.strip(), explanation, cell.location.with_text(cell.text.strip()), False
        for key in self.params.keys:
            for hit in find_all(ctx, key):
                if hit.kind != "field" or hit.field is None:
                    continue
                status = _status(hit.field.value.split()[0] if hit.field.value.split() else "", words, True)
                if status is None:
                    continue
                rest = hit.field.value.strip()[len(status):].strip(" :：-–,，.。")
                after = _rows_below(ctx, hit.field.location) or _following(ctx, hit.field.location)
                yield (hit.field.label.strip(" :："), status, rest + "\n" + after,
                       hit.location.with_text(hit.field.value.strip()), True)

    def _issue_lines(self, ctx: Context) -> list[str]:
        key = self.params.issues_key
        hit = find_section(ctx, key) if key else None
        if hit is None:
            return []
        out = []
        for block in hit.blocks or []:
            if block.grid is not None:
                out.extend(" ".join(c.text for c in row if not c.merged) for row in block.grid.rows)
            elif block.kind != "heading":
                out.extend(block.text.splitlines())
        return [line for line in out if line.strip()]


def _explained(reader: Reader, text: str) -> tuple[bool, bool, bool]:
    """Whether `text` gives a cause, a corrective action and an owner."""
    t = " ".join(text.split())
    cjk = sum(1 for ch in t if has_cjk(ch))
    cause = cjk >= _MIN_CJK if cjk else len(t.split()) >= _MIN_WORDS
    action = reader.has(t, "corrective_action")
    owner = reader.has(t, "owner_marker") or any(p.kind == "person" for p in parties(reader, t))
    return cause, action, owner


def _status(text: str, words: dict[str, str], rag_header: bool) -> str | None:
    """The Amber/Red word `text` is (single letters only under a RAG header), else None."""
    t = norm_label(text).strip(" .。")
    if t in words and (len(t) > 1 or has_cjk(t) or rag_header):
        return text.strip()
    return None


def _names(line: str, label: str) -> bool:
    return norm_label(label) in norm_label(line)


def _following(ctx: Context, location: Location) -> str:
    """The paragraphs after a field's line up to the next heading or table (the status's explanation)."""
    blocks: list[Block] = ctx.doc.blocks
    start = next((i for i, b in enumerate(blocks) if b.location.paragraph is not None
                  and b.location.paragraph == location.paragraph), None)
    if start is None:
        return ""
    out = []
    for block in blocks[start + 1:]:
        if block.kind in ("heading", "table"):
            break
        out.append(block.text)
    return "\n".join(out)


def _rows_below(ctx: Context, location: Location) -> str:
    """A form table's rows below a status field ('Status Description', 'Project Issues' …): its explanation."""
    if location.table is None or location.row is None:
        return ""
    grid = next((g for g in ctx.doc.grids() if g.location.table == location.table
                 and g.location.part == location.part), None)
    if grid is None:
        return ""
    lines = []
    for row in grid.rows[location.row + 1:]:
        texts = list(dict.fromkeys(c.text.strip() for c in row if c.text.strip()))
        lines.append(" ".join(texts))
    return "\n".join(line for line in lines if line)


@derived
def _warning_words(vocab: Vocabulary) -> dict[str, str]:
    """Amber and Red words of `common.rag`, normalised, with the status they name."""
    rag: Any = vocab.common.get("rag") or {}
    return {norm_label(w): name for name in ("amber", "red") for w in rag.get(name) or []}
