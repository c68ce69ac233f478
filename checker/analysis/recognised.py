"""What the checker recognised in one document, with where each thing came from (`pmo-check explain`).

A "missing" finding is only as good as the recognition behind it: a user who sees one must be able
to tell whether the thing is really absent or written somewhere the checker did not look. So this
module puts together, for one analysed document: its type with the evidence and the runner-up, its
nature and state (controlled or record, filled or blank template), each of the type's elements with
the heading, label or cell that gives it — or "not found" with the closest candidates —, its
registers with their column mapping, and its document-control fields. The same candidates go into
the required-section findings (`closest_labels`).
"""
from __future__ import annotations

import re
from typing import Any

from rapidfuzz import fuzz, process

from checker.analysis.by_content import find_by_content
from checker.analysis.classify import Classification
from checker.analysis.context import Context
from checker.analysis.registers import register
from checker.analysis.sections import SectionHit, find_section
from checker.analysis.template_state import document_state
from checker.analysis.views import doc_control
from checker.lexicon.files import words
from checker.lexicon.matchers import section_entries, type_sections
from checker.lexicon.synonyms import STRONG, Match
from checker.text.normalize import norm_label

CLOSEST_MIN = 70  # rapidfuzz score (0-100) at which a label is worth showing as a candidate
CLOSEST_SHOWN = 3
# Words every element name shares: left out when comparing, or 'Project Name' would be close to
# 'Project Purpose' for its first word alone.
_GENERIC = re.compile(r"\b(?:project|the|of|and|for|document|section|plans?|management)\b|项目|的|和|与|及|计划|管理",
                      re.I)


def recognised(ctx: Context, classification: Classification) -> dict[str, Any]:
    """The explanation of one analysed document, as plain data (JSON-ready)."""
    return {
        "type": _type(classification),
        "document": document_state(ctx).to_dict(),
        "elements": [_element(ctx, key, entry) for key, entry in section_entries(ctx.vocab, ctx.doc_type).items()],
        "registers": _registers(ctx),
        "doc_control": {key: [_place(f.label, f.value, f.location.to_dict()) for f in fields]
                        for key, fields in doc_control(ctx).items()},
    }


def _type(c: Classification) -> dict[str, Any]:
    def evidence(doc_type: str) -> list[dict[str, Any]]:
        return [{"feature": e.feature, "value": e.value, "source": e.source} for e in c.evidence.get(doc_type, ())]

    out: dict[str, Any] = {"doc_type": c.doc_type, "confidence": c.confidence, "needs_review": c.needs_review,
                           "best": c.best, "probability": c.scores.get(c.best, 0.0), "evidence": evidence(c.best)}
    if c.runner_up:
        out["runner_up"] = {"doc_type": c.runner_up, "probability": c.scores.get(c.runner_up, 0.0),
                            "evidence": evidence(c.runner_up)}
    return out


def _element(ctx: Context, key: str, entry: Any) -> dict[str, Any]:
    spec = entry if isinstance(entry, dict) else {}
    out: dict[str, Any] = {"key": key, "required": bool(spec.get("required")), "names": words(entry)[:4]}
    hit = find_section(ctx, key) or find_by_content(ctx, key)
    if hit is not None:
        out["found"] = _hit(hit)
    else:
        out["closest"] = closest_labels(ctx, key)
    return out


def _hit(hit: SectionHit) -> dict[str, Any]:
    return {"as": hit.kind, "label": hit.title.strip(), "location": hit.location.to_dict(),
            "text": " ".join(hit.text.split())[:120]}


def _place(label: str, value: str, location: dict[str, Any]) -> dict[str, Any]:
    return {"label": label.strip(), "value": " ".join(value.split())[:120], "location": location}


def _registers(ctx: Context) -> list[dict[str, Any]]:
    view = register(ctx)
    if view is None:
        return []
    where = view.header_location().to_dict()
    return [{"doc_type": view.doc_type, "header": where, "rows": len(view.rows),
             "columns": {key: view.labels.get(col, "") for key, col in sorted(view.columns.items(), key=lambda kv: kv[1])},
             "unmapped": [label for col, label in sorted(view.labels.items())
                          if col not in set(view.columns.values()) and label.strip()]}]


def document_labels(ctx: Context) -> list[tuple[str, dict[str, Any]]]:
    """Every heading, field label and first-column or header cell of the document, with its location:
    the places an element could be written under."""
    def compute() -> list[tuple[str, dict[str, Any]]]:
        out: dict[str, dict[str, Any]] = {}
        for block in ctx.doc.headings:
            out.setdefault(block.text.strip(), block.location.to_dict())
        for f in ctx.doc.fields:
            if f.source != "properties":
                out.setdefault(f.label.strip(), (f.label_location or f.location).to_dict())
        for grid in ctx.doc.grids():
            for r, row in enumerate(grid.rows):
                cells = [c for c in row if not c.merged and c.text.strip()]
                for c in (cells if r == 0 else cells[:1]):
                    if len(c.text) <= 60:
                        out.setdefault(c.text.strip(), c.location.to_dict())
        return [(label, where) for label, where in out.items() if label]

    return ctx.memo("recognised.labels", compute)


def _content(label: str) -> str:
    return " ".join(_GENERIC.sub(" ", norm_label(label)).split())


def closest_labels(ctx: Context, key: str) -> list[dict[str, Any]]:
    """The document's labels most like the element's names (fuzzy, token-level), best first. A label
    that plainly names another element ('Overall Project Milestones') is never offered for this one
    ('Overall Project Risk'): it is already that element, not a misspelt this."""
    names = [_content(n) for n in words(section_entries(ctx.vocab, ctx.doc_type).get(key))]
    names = [n for n in names if n]
    synonyms = type_sections(ctx.vocab, ctx.doc_type)
    labels = [(label, where) for label, where in document_labels(ctx)
              if not _names_another(synonyms.candidates(label), key)]
    if not names or not labels:
        return []
    choices = [_content(label) or "\0" for label, _ in labels]  # a label of generic words only matches nothing
    best: dict[int, float] = {}
    for name in names:
        for _, score, i in process.extract(name, choices, scorer=fuzz.token_set_ratio, limit=CLOSEST_SHOWN,
                                           score_cutoff=CLOSEST_MIN):
            best[i] = max(best.get(i, 0.0), score)
    ranked = sorted(best.items(), key=lambda kv: -kv[1])[:CLOSEST_SHOWN]
    return [{"label": labels[i][0], "score": round(score), "location": labels[i][1]} for i, score in ranked]


def _names_another(candidates: tuple[Match, ...], key: str) -> bool:
    strong = [m.key for m in candidates if m.score >= STRONG]
    return bool(strong) and key not in strong
