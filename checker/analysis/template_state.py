"""Whether a document is filled in or still a blank template, and what kind of document it is.

Rules say in their pack what they apply to (`documents: controlled|records`, `blank_template:`):
a blank template should hear what the template itself lacks (no version field, no approval block, a
missing section), not a filled document's failures (an empty field, nobody signed, no risk listed);
a status report, a change form or a register identifies itself by its own fields and needs no
document-control block or revision history. The measures are in docs/applicability.md.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from checker.analysis.context import Context
from checker.analysis.inventory import inventory
from checker.analysis.titles import titles
from checker.lexicon.files import words
from checker.lexicon.matchers import doc_control_synonyms, project_fact_labels, type_sections
from checker.lexicon.predicates import is_placeholder, placeholder_candidates
from checker.model.elements import Section
from checker.text.normalize import norm_label, strip_numbering

Nature = Literal["controlled", "record", "unknown"]
State = Literal["filled", "template"]

# A slot is a place the template asks the writer to fill: a form field's value, the body of a heading
# without sub-headings, the data rows of a table or register under its header.
MIN_EMPTY = 2  # fewer empty slots than this: nothing says the document is an unfilled template
TEMPLATE_SHARE = 0.6  # at least this share of the slots empty (or prompt text): a blank template
NAMED_SHARE = 0.25  # a document that calls itself a template needs only this share
_NA = re.compile(r"^\s*(?:n/?a|-+|—+|/|无|略)\s*$", re.I)
_TEMPLATE_WORD = re.compile(r"\btemplate\b|模板|模版|范本", re.I)


@dataclass(frozen=True)
class DocumentState:
    nature: Nature
    state: State
    slots: int  # places to fill that were found
    empty: int  # of which empty or prompt text
    reason: str  # for `pmo-check explain`

    def to_dict(self) -> dict[str, object]:
        return {"nature": self.nature, "state": self.state, "slots": self.slots, "empty": self.empty,
                "reason": self.reason}


def document_state(ctx: Context) -> DocumentState:
    """The document's nature (by its type) and state (by how many of its slots are filled)."""
    return ctx.memo("template_state", lambda: _state(ctx))


def nature_of(ctx: Context) -> Nature:
    """`controlled` for the plans, charters and reports a PMO version-controls; `record` for status
    reports, minutes, forms and registers. A type that may be either (lessons: a report or a
    register) is a record when laid out as a register workbook. A document of no recognised type
    is `unknown`: nothing says a PMO version-controls it (a checklist, a defect list, a personal
    report), so the controlled documents' rules do not apply to it. Every rule asks: worked out
    once per document and type."""
    return ctx.memo(f"nature:{ctx.doc_type}", lambda: _nature(ctx))


def _nature(ctx: Context) -> Nature:
    if ctx.doc_type == "UNKNOWN":
        return "unknown"
    spec = ctx.vocab.type_spec(ctx.doc_type)
    nature = str(spec.get("nature") or "controlled")
    if spec.get("record_when_titled") and _titled_as(ctx, words(spec["record_when_titled"])):
        return "record"  # '立项申请书', 'Project Request Form': an application form, not a business case
    if nature == "either":
        registers = [s for s in ctx.doc.sheets if s.role == "register" and not s.hidden]
        return "record" if ctx.doc.is_workbook and registers else "controlled"
    return "record" if nature == "record" else "controlled"


def _titled_as(ctx: Context, names: list[str]) -> bool:
    """Whether the document's title or file name ends with one of `names` (its head noun)."""
    heads = [norm_label(t) for t in titles(ctx)] + [norm_label(Path(ctx.doc.path).stem)]
    wanted = [norm_label(n) for n in names]
    return any(h.rstrip(" .").endswith(w) for h in heads for w in wanted if h and w)


def _state(ctx: Context) -> DocumentState:
    nature = nature_of(ctx)
    slots = empty = 0
    vocab = ctx.vocab

    def blank(text: str) -> bool:
        t = text.strip()
        return not t or bool(_NA.match(t)) or is_placeholder(vocab, t)

    shown = placeholder_candidates(vocab, inventory(ctx).sets())

    def blank_shown(text: str) -> bool:
        """`blank` of a text the document shows (a block's, a cell's): one of the texts of the inventory,
        most of which its scan has already told cannot hold a placeholder (stripped of its blanks or not)."""
        t = text.strip()
        return not t or bool(_NA.match(t)) or (text in shown and is_placeholder(vocab, t))

    fields = [f for f in ctx.doc.fields if f.source != "properties" and _form_label(f.label)]
    labels = {f.label.strip() for f in fields}
    known = _label_matchers(ctx)
    filled_by_label: dict[str, bool] = {}  # one slot per label: a form may be read twice ('Date:' alone, and paired)
    for f in fields:
        # An unfilled field counts only when its label asks for a value: a known label or one that
        # ends with a colon (an item alone on a row, a box of a diagram, ask for nothing).
        if not f.value.strip() and not (f.label.rstrip().endswith((":", "：")) or _known(known, f.label)):
            continue
        value = f.value.strip()
        # A label beside a label ('Project Name | Date Prepared'): the form's value cells are empty.
        filled = not (blank(value) or value in labels or value.endswith((":", "：")))
        key = norm_label(f.label)
        filled_by_label[key] = filled_by_label.get(key, False) or filled
    slots += len(filled_by_label)
    empty += sum(not filled for filled in filled_by_label.values())
    for section in ctx.doc.outline.walk():
        # A heading is a place to fill when it names a section of the type (a cover's title lines and a
        # heading followed by sub-headings are not).
        if section.heading is None or section.children or not _known(known, section.title):
            continue
        slots += 1
        empty += _section_blank(section, blank_shown)
    for sheet in ctx.doc.sheets:
        if sheet.role == "register" and not sheet.hidden:
            slots += 1
            empty += not any(not blank(r.text(k)) for r in sheet.records for k in r.cells)
    titled = any(_TEMPLATE_WORD.search(t) for t in (ctx.doc.properties.title, ctx.doc.path.rsplit("/", 1)[-1],
                                                       *(b.text for b in ctx.doc.headings[:2])) if t)
    share = empty / slots if slots else 0.0
    template = empty >= MIN_EMPTY and share >= (NAMED_SHARE if titled else TEMPLATE_SHARE)
    reason = (f"{empty} of {slots} places to fill are empty or prompt text"
              + ("; the title says template" if titled else ""))
    return DocumentState(nature, "template" if template else "filled", slots, empty, reason)


def _label_matchers(ctx: Context) -> tuple:
    return (doc_control_synonyms(ctx.vocab), project_fact_labels(ctx.vocab), type_sections(ctx.vocab, ctx.doc_type))


def _known(matchers: tuple, label: str) -> bool:
    return any(syn.strong_match(label) is not None for syn in matchers)


def _form_label(label: str) -> bool:
    """A form's label, not an outline item ('1.2.3 Develop the prototype' in a WBS drawn in cells)."""
    t = label.strip()
    return 0 < len(t) <= 30 and strip_numbering(t) == t


def _section_blank(section: Section, blank) -> bool:
    for block in section.blocks:
        if block.grid is not None:
            if any(not blank(c.text) for row in block.grid.rows[1:] for c in row if not c.merged):
                return False
        elif not blank(block.text):
            return False
    return True
