"""Matchers every layer shares, derived once per vocabulary: sections and columns of a document
type, the document-control block, the common blocks' columns, and the union of column names."""
from __future__ import annotations

from typing import Any

from checker.lexicon.files import words
from checker.lexicon.synonyms import Synonyms
from checker.lexicon.vocabulary import Vocabulary, derived
from checker.text.normalize import nfkc, norm_label

COMMON_BLOCKS = ("approvals", "revision_history", "distribution")


@derived
def section_entries(vocab: Vocabulary, doc_type: str) -> dict[str, dict[str, Any]]:
    """The section entries of a document type, in the standard's order."""
    return dict(vocab.type_spec(doc_type).get("sections") or {})


@derived
def extra_section_synonyms(vocab: Vocabulary, doc_type: str) -> dict[str, list[str]]:
    """Heading wordings added for the prose rules (`rules/lexicons/section_synonyms.yaml`)."""
    extra = vocab.lexicon("section_synonyms").get(doc_type) or {}
    return {key: words(entry) for key, entry in extra.items()}


@derived
def type_sections(vocab: Vocabulary, doc_type: str) -> Synonyms:
    """Every section key of `doc_type` with its synonyms, as one matcher (longest synonym wins)."""
    mapping = {key: words(entry) for key, entry in section_entries(vocab, doc_type).items()}
    for key, extra in extra_section_synonyms(vocab, doc_type).items():
        mapping.setdefault(key, []).extend(extra)
    return Synonyms(mapping)


@derived
def section_names(vocab: Vocabulary) -> Synonyms:
    """The section synonyms of every document type as one matcher: what a heading may name."""
    mapping: dict[str, list[str]] = {}
    for doc_type in vocab.doc_types:
        for key, entry in section_entries(vocab, doc_type).items():
            mapping.setdefault(key, []).extend(words(entry))
        for key, extra in extra_section_synonyms(vocab, doc_type).items():
            mapping.setdefault(key, []).extend(extra)
    return Synonyms(mapping)


@derived
def type_columns(vocab: Vocabulary, doc_type: str) -> dict[str, dict[str, Any]]:
    """The column entries (`{en, zh, required}`) of a document type."""
    return dict(vocab.type_spec(doc_type).get("columns") or {})


@derived
def column_values(vocab: Vocabulary, doc_type: str) -> dict[str, str]:
    """column key → the kind of value it holds (`values:` in doctypes.yaml: rating, date, id, text)."""
    return {key: str(entry["values"]) for key, entry in type_columns(vocab, doc_type).items()
            if isinstance(entry, dict) and entry.get("values")}


@derived
def type_column_synonyms(vocab: Vocabulary, doc_type: str) -> Synonyms:
    return Synonyms.from_entries(type_columns(vocab, doc_type))


@derived
def doc_control_synonyms(vocab: Vocabulary) -> Synonyms:
    return Synonyms.from_entries(vocab.common.get("doc_control_fields") or {})


@derived
def project_fact_labels(vocab: Vocabulary) -> Synonyms:
    """Labels of the project facts the report extracts (id, name, sponsor, manager, budget, dates)."""
    return Synonyms.from_entries(vocab.common.get("project_facts") or {})


@derived
def doc_type_names(vocab: Vocabulary) -> tuple[str, ...]:
    """Every document type's names, folded, longest first ('project management plan' before 'plan')."""
    names = {" ".join(nfkc(n).lower().split()) for spec in vocab.doc_types.values() for n in words(spec.get("names"))}
    return tuple(sorted((n for n in names if n), key=len, reverse=True))


@derived
def field_labels(vocab: Vocabulary) -> Synonyms:
    """Every label of a document-control field or a project fact, as one matcher: what a label
    written alone on its line may be ('Project Name', '编制日期')."""
    mapping: dict[str, list[str]] = {}
    for group in ("doc_control_fields", "project_facts"):
        for key, entry in (vocab.common.get(group) or {}).items():
            mapping.setdefault(f"{group}.{key}", []).extend(words(entry))
    return Synonyms(mapping)


@derived
def block_columns(vocab: Vocabulary, block: str) -> Synonyms:
    """Column synonyms of a common block: `revision_history`, `approvals` or `distribution`."""
    return Synonyms.from_entries((vocab.common.get(block) or {}).get("columns") or {})


@derived
def common_block_columns(vocab: Vocabulary) -> Synonyms:
    """The columns of every common block as one matcher, keyed `block.key` (`approvals.signature`)."""
    mapping: dict[str, list[str]] = {}
    for block in COMMON_BLOCKS:
        for key, entry in ((vocab.common.get(block) or {}).get("columns") or {}).items():
            mapping.setdefault(f"{block}.{key}", []).extend(words(entry))
    return Synonyms(mapping)


@derived
def register_columns(vocab: Vocabulary) -> Synonyms:
    """Every document type's column synonyms as one matcher by column key (a key shared by several
    types means the same thing in each: `owner`, `status`, `due_date`)."""
    mapping: dict[str, list[str]] = {}
    for spec in vocab.doc_types.values():
        for key, entry in (spec.get("columns") or {}).items():
            mapping.setdefault(key, []).extend(words(entry))
    return Synonyms(mapping)


@derived
def common_labels(vocab: Vocabulary, name: str) -> frozenset[str]:
    """The normalised words of a `common.yaml` word list (`{en: [...], zh: [...]}`), to test a label
    against exactly."""
    return frozenset(norm_label(w) for w in words(vocab.common.get(name) or {}))


def is_column_name(vocab: Vocabulary, text: str) -> bool:
    """Whether `text` is exactly a known column name: of a register or of a common block."""
    return (register_columns(vocab).match(text, allow_partial=False) is not None
            or common_block_columns(vocab).match(text, allow_partial=False) is not None)
