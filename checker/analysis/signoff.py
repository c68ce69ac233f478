"""The document's own state for the status/approval rules (COM-05, COM-07, COM-08, CLS-16).

What the doc-control block says (status class, version) and what the approval block holds (complete
rows, dates, versions), read through `checker.analysis.views` so that every rule agrees with COM-06.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from checker.analysis.context import Context
from checker.analysis.views import approval_tables, first_value, record_rows, revision_tables
from checker.core.location import Location
from checker.io.tables import TableView
from checker.lexicon.files import words
from checker.lexicon.predicates import has_signature_marker, is_placeholder, names_a_person
from checker.lexicon.synonyms import Synonyms
from checker.lexicon.vocabulary import Vocabulary, derived
from checker.model.elements import Cell, Field
from checker.text.dates import parse_date
from checker.text.versions import parse_version

_DATE_WORDS = ("date", "日期", "时间")
_TRAILING_DATE = re.compile(r"\s*(?:日期|时间|date)\s*[:：]?\s*$", re.I)


@derived
def _signoff_labels(vocab: Vocabulary) -> Synonyms:
    """Labels of a sign-off field: the doc-control approver's and the approvals block's headings."""
    labels = words((vocab.common.get("doc_control_fields") or {}).get("approver"))
    labels += words((vocab.common.get("approvals") or {}).get("header"))
    # '<role> signature' ('专家组组长签名', 'Sponsor Signature') asks for that role's sign-off.
    labels += words(((vocab.common.get("approvals") or {}).get("columns") or {}).get("signature"))
    return Synonyms({"approver": labels})


def is_signoff_label(vocab: Vocabulary, label: str) -> bool:
    """Whether a field label asks for a sign-off ('Approved by', '审批人', '项目经理签字', '批准日期'): the one
    definition COM-05/07/08 (`approval_state`) and COM-06 (`approvals`) share."""
    syn = _signoff_labels(vocab)
    if syn.match(label) is not None:
        return True
    bare = _TRAILING_DATE.sub("", label)
    return bare != label and bool(bare.strip()) and syn.match(bare) is not None


@derived
def _deciding_body_slot(vocab: Vocabulary) -> re.Pattern[str]:
    """'学院评审意见', 'Review Board decision', 'decision of the committee', 'For office use only': a body
    that decides a request named just before (or after 'of/by') what it decides (`deciding_bodies`)."""
    entry = vocab.common.get("deciding_bodies") or {}
    bodies, decisions = entry.get("bodies") or {}, entry.get("decisions") or {}

    def alt(items) -> str:
        return "|".join(sorted((re.escape(str(w)) for w in items or ()), key=len, reverse=True)) or "(?!)"

    body_en, decision_en = alt(bodies.get("en")), alt(decisions.get("en"))
    return re.compile(
        rf"\b(?:{body_en})(?:'s)?\s+(?:{decision_en})\b"
        rf"|\b(?:{decision_en})\s+(?:of|by)\s+(?:the\s+)?(?:\w+\s+)?(?:{body_en})\b"
        rf"|(?:{alt(bodies.get('zh'))}).{{0,2}}?(?:{alt(decisions.get('zh'))})", re.I)


def is_deciding_body_slot(vocab: Vocabulary, text: str) -> bool:
    """Whether a signature or date slot belongs to a body that decides the request after it is
    submitted (a college's review opinion, an expert group's, a committee's decision): on a request
    form that slot is blank by design until the decision, unlike the applicant's own."""
    return _deciding_body_slot(vocab).search(" ".join(text.split())) is not None


def signoff_fields(ctx: Context) -> list[Field]:
    """The document's sign-off fields: labels that ask for a sign-off, outside the rows of a table
    of records (a deliverables list whose 'UAT Sign-off' row is a deliverable, not an approval)."""
    def compute() -> list[Field]:
        records = record_rows(ctx)
        return [f for f in ctx.doc.fields if f.source != "properties" and is_signoff_label(ctx.vocab, f.label)
                and (f.label_location is None or f.label_location.anchor() not in records)]

    return ctx.memo("signoff.fields", compute)


@derived
def status_synonyms(vocab: Vocabulary) -> Synonyms:
    return Synonyms({k: [str(w) for w in v] for k, v in (vocab.common.get("status_values") or {}).items()})


def status_class(ctx: Context) -> tuple[str | None, Field | None]:
    """('draft'|'review'|'final', the field) from the doc-control status, or (None, field/None)."""
    f = first_value(ctx, "status")
    if f is None or not f.value.strip():
        return None, f
    m = status_synonyms(ctx.vocab).match(f.value)
    return (m.key if m is not None and m.strong else None), f


def current_version(ctx: Context) -> tuple[tuple[int, ...] | None, Field | None]:
    f = first_value(ctx, "version")
    return (parse_version(f.value) if f is not None else None), f


@dataclass
class ApprovalEntry:
    who: str
    when: date | None
    date_location: Location | None
    version: str | None = None
    version_location: Location | None = None
    complete: bool = False


@dataclass
class ApprovalState:
    found: bool = False  # an approval block (table or sign-off fields) exists
    entries: list[ApprovalEntry] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return any(e.complete for e in self.entries)

    first_location: Location | None = None  # the first approver row (where a signature is missing)

    # Nobody has signed: no row names a person or carries a date (pre-printed roles don't count).
    empty: bool = True


def _cell_date(cell: Cell | None) -> date | None:
    if cell is None:
        return None
    return parse_date(cell.value if cell.value is not None else cell.text)


def approval_state(ctx: Context) -> ApprovalState:
    vocab = ctx.vocab

    def compute() -> ApprovalState:
        state = _approval_entries()
        state.empty = not any((e.who and names_a_person(vocab, e.who)) or e.when for e in state.entries)
        return state

    def _approval_entries() -> ApprovalState:
        state = ApprovalState()
        # A Name | Role table without signature or date columns is a stakeholder list, not sign-off.
        tables = [t for t in approval_tables(ctx) if "signature" in t.columns or "date" in t.columns]
        if tables:
            state.found = True
            first = tables[0]
            if first.rows:
                cell = first.rows[0].get("name") or next(iter(first.rows[0].values()), None)
                state.first_location = cell.location if cell is not None else None
            for table in tables:
                for cells in table.rows:
                    filled = {k: c for k, c in cells.items() if not c.blank and not is_placeholder(vocab, c.text)}
                    if not filled:
                        continue
                    name = cells.get("name")
                    d, v = cells.get("date"), cells.get("version")
                    state.entries.append(ApprovalEntry(
                        who=name.text.strip() if name is not None else "", when=_cell_date(d),
                        date_location=d.location if d is not None else None,
                        version=v.text.strip() if v is not None and not v.blank else None,
                        version_location=v.location if v is not None else None,
                        complete=not missing_parts(vocab, table, cells)))
            return state
        fields = signoff_fields(ctx)
        if not fields:
            return state
        state.found = True
        people = [f for f in fields if names_a_person(vocab, f.value) and not parse_date(f.value)]
        dated = [f for f in fields if any(w in f.label.lower() for w in _DATE_WORDS) and parse_date(f.value)]
        dated += [f for f in people if parse_date(f.value)]
        for f in people:
            state.entries.append(ApprovalEntry(who=f.value.strip(), when=None, date_location=None,
                                               complete=bool(dated)))
        for f in dated:
            state.entries.append(ApprovalEntry(who="", when=parse_date(f.value), date_location=f.location,
                                               complete=bool(people)))
        return state

    return ctx.memo("signoff.approval_state", compute)


def revision_date(ctx: Context, version: tuple[int, ...] | None) -> date | None:
    """The date of the revision-history row for `version` (or of the last row when None)."""
    best: date | None = None
    for table in revision_tables(ctx):
        for cells in table.rows:
            v = cells.get("version")
            d = _cell_date(cells.get("date"))
            if d is None or v is None or v.blank:
                continue
            if version is None or parse_version(v.text) == version:
                best = d
    return best


def missing_parts(vocab: Vocabulary, table: TableView, cells: dict[str, Cell]) -> list[str]:
    """What an approval row lacks: a person's name, a role, a signature, a date (COM-05/07/08)."""
    missing: list[str] = []
    name = cells.get("name")
    if name is not None and not names_a_person(vocab, name.text):
        missing.append("name")
    role = cells.get("role")
    if role is not None and (role.blank or is_placeholder(vocab, role.text)):
        missing.append("role")
    signature = cells.get("signature")
    if signature is not None and not has_signature_marker(vocab, signature.text):
        missing.append("signature")
    date_cell = cells.get("date")
    if date_cell is not None and parse_date(date_cell.value if date_cell.value is not None else date_cell.text) is None:
        missing.append("date")
    return missing
