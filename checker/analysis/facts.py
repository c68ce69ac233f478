"""The report's `project` block: id, name, sponsor, manager, budget, start, end.

Values come from fields (form tables, `Label: value` lines, page headers, sheet forms) and from
custom document properties. Whatever is not found is left out: absent, never guessed.
"""
from __future__ import annotations

from typing import Any

from checker.lexicon.predicates import is_placeholder
from checker.lexicon.synonyms import Synonyms
from checker.lexicon.vocabulary import Vocabulary, derived
from checker.model.document import Document
from checker.model.elements import Field
from checker.text.dates import parse_date
from checker.text.money import is_unit, parse_money
from checker.text.normalize import label_unit, norm_label

FACT_KEYS = ("id", "name", "sponsor", "manager", "budget", "start", "end")


@derived
def _labels(vocab: Vocabulary) -> Synonyms:
    return Synonyms.from_entries(vocab.common.get("project_facts") or {})


def _candidates(vocab: Vocabulary, doc: Document) -> list[tuple[str, Field]]:
    syn = _labels(vocab)
    out: list[tuple[str, Field]] = []
    for field in doc.fields:
        m = syn.match(field.label, allow_partial=True)
        if m is not None and m.strong:
            out.append((m.key, field))
    for name, value in doc.properties.custom.items():
        m = syn.match(name, allow_partial=False)
        if m is not None:
            out.append((m.key, Field(name, value, location=None, source="properties")))  # type: ignore[arg-type]
    return out


def _clean(value: str) -> str:
    return " ".join(value.split()).strip(" ：:;；,，")


def _plausible_name(value: str, key: str) -> bool:
    """An id, a project name or a person's name is short; a sentence after the label is not one."""
    limit = 30 if key in ("id", "sponsor", "manager") else 80
    return len(value) <= limit and len(value.split()) <= (6 if key != "name" else 12) and not value.endswith(("。", "."))


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
        elif _plausible_name(raw, key):
            facts[key] = (raw, field)
    return {k: facts[k] for k in FACT_KEYS if k in facts}


def extract_project(vocab: Vocabulary, doc: Document) -> dict[str, Any]:
    """The report's `project` block: the project facts found in `doc`, first good value per key."""
    return {key: value for key, (value, _) in project_fields(vocab, doc).items()}
