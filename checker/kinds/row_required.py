"""Kind `row_required`: per-row conditionals (RR-08, RR-12, RR-14, IR-03, IR-05, SCH-01, SCH-10, LL-02).

Params:
  when: row condition (checker.register_kind)
  require: keys that must be non-empty on selected rows — ONE finding per row naming everything
           missing, at the first missing cell (variant default). A list entry may be a list of
           alternatives (`[closure_date, closure]`: any one filled).
  single: keys that must name exactly one owner: non-empty, one person or role (`checker.nlp.parties`:
          "UI Lead, Mr. Li" is one person with a role, "张伟、李娜" two people — variant `single`), and —
          with `reject_units` — not only a department/team (variant `unit`)
  after: [[earlier, later], …] date pairs on selected rows: later ≥ earlier (variant `order`)
  vocabulary: {column, values}: the value must come from the vocabulary (variant `vocabulary`),
              checked on every row whatever `when` says
  if_filled: {key: [required keys]}: when `key` is filled, these must be too (variant `pair`)
"""
from __future__ import annotations

from typing import Any, Iterable

from pydantic import Field

from checker.analysis.context import Context
from checker.analysis.registers import RegisterView, Row, words_of
from checker.core.findings import Finding
from checker.kinds.nlp_base import reader_of
from checker.kinds.params import KindParams, Words
from checker.kinds.register_base import RegisterKind, RegisterParams, RowSelection
from checker.kinds.vocabulary import VocabularyRef, in_set, normset
from checker.lexicon.predicates import is_placeholder
from checker.lexicon.vocabulary import Vocabulary, derived
from checker.nlp.parties import parties
from checker.nlp.reader import Reader

_MEMO = 4096  # distinct texts remembered (responses and triggers rarely repeat)


class ColumnVocabulary(KindParams):
    column: str = Field(description="the column's key")
    values: VocabularyRef = Field(description="the allowed values: a vocabulary reference or a list of words")


class RowRequired(RegisterKind):
    name = "row_required"

    class Params(RegisterParams, RowSelection):
        require: list[Words] | None = Field(None, description="columns that must be filled on selected rows; "
                                                              "a list entry: any one of its columns")
        single: list[str] = Field([], description="columns that must name exactly one owner")
        reject_units: bool = Field(True, description="single: a department or team is not an owner")
        after: list[tuple[str, str]] = Field([], description="[earlier, later] date columns on selected rows")
        vocabulary: ColumnVocabulary | None = Field(None, description="a column's values must come from a vocabulary "
                                                                      "(every row)")
        if_filled: dict[str, list[str]] = Field({}, description="column -> columns that must be filled when it is")

    params: Params

    def __init__(self, spec):
        super().__init__(spec)
        self._vocab = self.params.vocabulary

    def check(self, ctx: Context) -> Iterable[Finding]:
        view = self.view(ctx)
        p = self.params
        require = [e for e in (p.require or []) if any(k in view.columns for k in e)]
        single = [k for k in p.single if k in view.columns]
        after = [(a, b) for a, b in p.after if a in view.columns and b in view.columns]
        if_filled = {k: [r for r in v if r in view.columns] for k, v in p.if_filled.items() if k in view.columns}
        if self._vocab and self._vocab.column in view.columns:
            yield from self._vocabulary(ctx, view)
        rows, ids = view.rows, view.ids()
        # Per requirement, the texts of its alternatives; whether a text is a real value, once per text.
        alternatives = [[view.texts(k) for k in e if k in view.columns] for e in require]
        real: dict[str, bool] = {}
        variants = {"blank": "no_owner" if p.require is None else None, "several": "single",
                    "unit": "unit" if p.reject_units else None, None: None}
        problems = {key: _owner_problems(reader_of(ctx), view, key) for key in single}
        for n in self.select(ctx, view):
            row = rows[n]
            missing = []
            for e, columns in zip(require, alternatives):
                for texts in columns:
                    text = texts[n]
                    ok = real.get(text)
                    if ok is None:
                        ok = _real_value(ctx.vocab, text)
                        if len(real) < _MEMO:
                            real[text] = ok
                    if ok:
                        break
                else:
                    missing.append(e)
            if missing:
                keys = [next(k for k in e if k in view.columns) for e in missing]
                yield self.row_finding(ctx, view, row, view.location_of(row, keys[0]), id=ids[n],
                                       missing=self.labels(ctx, view, keys), count=len(keys))
            for key in single:
                variant = variants[problems[key][n]]
                if variant is not None:
                    yield self._single(ctx, view, row, key, variant, ids[n])
            for a, b in after:
                da, db = view.dates(a)[n], view.dates(b)[n]
                if da is not None and db is not None and db < da:
                    yield self.row_finding(ctx, view, row, row.cell(b).location, id=ids[n], variant="order",
                                           later=view.label(b), later_date=db.isoformat(),
                                           earlier=view.label(a), earlier_date=da.isoformat())
            for key, needed in if_filled.items():
                if view.texts(key)[n]:
                    lacking = [k for k in needed if not view.texts(k)[n]]
                    if lacking:
                        yield self.row_finding(ctx, view, row, view.location_of(row, lacking[0]), id=ids[n],
                                               variant="pair", column=view.label(key),
                                               missing=self.labels(ctx, view, lacking))

    def _single(self, ctx: Context, view: RegisterView, row: Row, key: str, variant: str, rid: str) -> Finding:
        cell = row.cell(key)
        if variant == "no_owner":
            return self.row_finding(ctx, view, row, cell.location if cell else None, id=rid, variant=variant,
                                    column=view.label(key))
        return self.row_finding(ctx, view, row, cell.location, id=rid, variant=variant, owner=row.text(key),
                                column=view.label(key))

    def _vocabulary(self, ctx: Context, view: RegisterView) -> Iterable[Finding]:
        key = self._vocab.column
        validation = view.validation(key)
        allowed = normset(validation) if validation else _allowed_values(
            ctx.vocab, _hashable(self._vocab.values), view.doc_type)
        known: dict[str, bool] = {}
        for row, text in zip(view.rows, view.texts(key)):
            if not text:
                continue
            ok = known.get(text)
            if ok is None:
                ok = known[text] = in_set(text, allowed)
            if not ok:
                yield self.row_finding(ctx, view, row, row.cell(key).location, variant="vocabulary",
                                       value=text, column=view.label(key))


@derived
def _allowed_values(vocab: Vocabulary, ref: Any, doc_type: str) -> frozenset[str]:
    return normset(words_of(vocab, ref, doc_type))


def _hashable(ref: Any) -> Any:
    return tuple(ref) if isinstance(ref, list) else ref


def _real_value(vocab: Vocabulary, text: str) -> bool:
    """A value that is not template prompt text."""
    return bool(text) and not is_placeholder(vocab, text)


def _owner_problems(reader: Reader, view: RegisterView, key: str) -> list[str | None]:
    """Per row, what stops the `key` cell from naming one owner (worked out once per distinct text)."""

    def compute() -> list[str | None]:
        seen: dict[str, str | None] = {}
        out = []
        for text in view.texts(key):
            if text not in seen:
                seen[text] = _owner_problem(reader, text)
            out.append(seen[text])
        return out

    return view.memo(("owner_problems", key, id(reader)), compute)


def _owner_problem(reader: Reader, text: str) -> str | None:
    """`blank`, `several` (two people, roles or units), `unit` (only a department or team), or None."""
    named = parties(reader, text)
    if not named:
        return "blank"
    if len(named) > 1:
        return "several"
    return "unit" if named[0].kind == "department" else None
