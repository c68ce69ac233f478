"""The report's `project` block: id, name, sponsor, manager, budget, start, end.

Values come from fields (form tables, `Label: value` lines, page headers, sheet forms) and from
custom document properties. Whatever is not found is left out: absent, never guessed.
"""
from __future__ import annotations

from typing import Any

from checker.lexicon.matchers import field_labels, is_column_name, project_fact_labels
from checker.lexicon.predicates import is_placeholder
from checker.lexicon.vocabulary import Vocabulary
from checker.model.document import Document
from checker.model.elements import Field
from checker.text.dates import parse_date
from checker.text.money import is_unit, parse_money
from checker.text.normalize import label_unit, norm_label

FACT_KEYS = ("id", "name", "sponsor", "manager", "budget", "start", "end")
_BY_PLACE = {"project_name": "name"}  # doc-control keys of fields recognised by their place -> fact key


def _candidates(vocab: Vocabulary, doc: Document) -> list[tuple[str, Field]]:
    syn = project_fact_labels(vocab)
    out: list[tuple[str, Field]] = []
    for field in doc.fields:
        if field.key in _BY_PLACE:  # a cover's project-name line
            out.append((_BY_PLACE[field.key], field))
            continue
        m = syn.match(field.label, allow_partial=True)
        if m is not None and m.strong and (m.key != "name" or not m.bare_cjk_head):
            out.append((m.key, field))
    for name, value in doc.properties.custom.items():
        m = syn.match(name, allow_partial=False)
        if m is not None:
            out.append((m.key, Field(name, value, location=None, source="properties")))  # type: ignore[arg-type]
    return out


def _clean(value: str) -> str:
    """One-spaced, without the punctuation or the title marks around it ('《Apollo》' -> 'Apollo')."""
    return " ".join(value.split()).strip(" ：:;；,，《》「」『』“”\"")


def _plausible_name(vocab: Vocabulary, value: str, key: str) -> bool:
    """An id, a project name or a person's name is short; a sentence after the label is not one, and
    neither is another label or a column header beside it ('Project Manager | Name | Department')."""
    limit = 30 if key in ("id", "sponsor", "manager") else 80
    if len(value) > limit or len(value.split()) > (6 if key != "name" else 12) or value.endswith(("。", ".")):
        return False
    if key != "id" and not any(ch.isalpha() for ch in value):
        return False  # '10': a page number or a count, not a name
    return not (is_column_name(vocab, value) or field_labels(vocab).match(value, allow_partial=False) is not None)


def project_fields(vocab: Vocabulary, doc: Document) -> dict[str, tuple[Any, Field]]:
    """The project facts found in `doc`, first good value per key, each with the field it was read from
    (its `location` is where the value is; None for a custom document property)."""
    facts: dict[str, tuple[Any, Field]] = {}
    for key, field in _candidates(vocab, doc):
        if key in facts and not (key == "budget" and "currency" not in facts[key][0]):
            continue
        raw = _clean(field.value)
        if not raw or is_placeholder(vocab, raw) or norm_label(raw) == norm_label(field.label):
            continue
        if key == "budget":
            hint = next((u for u in (label_unit(field.label), field.unit) if is_unit(u)), None)
            money = parse_money(raw, unit_hint=hint)
            if money is not None and money.amount > 0 and (key not in facts or money.currency):
                facts[key] = (money.to_dict(), field)  # a budget with its currency beats one without
        elif key in ("start", "end"):
            parsed = parse_date(raw)
            if parsed is not None:
                facts[key] = (parsed.isoformat(), field)
        elif _plausible_name(vocab, raw, key):
            facts[key] = (raw, field)
    return {k: facts[k] for k in FACT_KEYS if k in facts}


def extract_project(vocab: Vocabulary, doc: Document) -> dict[str, Any]:
    """The report's `project` block: the project facts found in `doc`, first good value per key."""
    return {key: value for key, (value, _) in project_fields(vocab, doc).items()}
