"""Kind `row_required`: per-row conditionals (RR-08, RR-12, RR-14, IR-03, IR-05, SCH-01, SCH-10, LL-02).

Params:
  when: row condition (checker.register_kind)
  require: keys that must be non-empty on selected rows — ONE finding per row naming everything
           missing, at the first missing cell (variant default). A list entry may be a list of
           alternatives (`[closure_date, closure]`: any one filled).
  single: keys that must name exactly one owner: non-empty, no separators (, ; / 、 ， & 和 及)
          between names, and — with `reject_units` — not only a department/team (variant `single`)
  after: [[earlier, later], …] date pairs on selected rows: later ≥ earlier (variant `order`)
  vocabulary: {column, values}: the value must come from the vocabulary (variant `vocabulary`),
              checked on every row whatever `when` says
  if_filled: {key: [required keys]}: when `key` is filled, these must be too (variant `pair`)
"""
from __future__ import annotations

import re
from typing import Any, Iterable

from checker.findings import Finding
from checker.kinds.base import Context
from checker.register_kind import RegisterKind
from checker.registers import RegisterView, Row, split_names, words_of
from checker.kinds.vocabulary import _normset, in_set
from checker.vocab import is_placeholder

_SEPARATOR = re.compile(r"[,;/、，；&＆]|\s和\s?|[\u4e00-\u9fff]和[\u4e00-\u9fff]|及|\band\b", re.I)
_UNIT = re.compile(
    r"^(?:the\s+)?[\w\s]*(?:team|department|dept\.?|division|group|committee|board|office|unit|pmo|vendor|supplier)$"
    r"|^[\u4e00-\u9fff]{0,8}(?:部|部门|中心|小组|团队|组|委员会|办公室|科|处|室|事业部|供应商|公司)$", re.I)


def _alternatives(entry: Any) -> list[str]:
    return [entry] if isinstance(entry, str) else list(entry)


class RowRequired(RegisterKind):
    name = "row_required"

    def __init__(self, spec):
        super().__init__(spec)
        vocab = self.params.get("vocabulary")
        self._vocab = vocab if isinstance(vocab, dict) else None
        self._vocab_set: dict[str, frozenset[str]] = {}

    def check(self, ctx: Context) -> Iterable[Finding]:
        view = self.view(ctx)
        p = self.params
        require = [e for e in (p.get("require") or []) if any(k in view.columns for k in _alternatives(e))]
        single = [k for k in (p.get("single") or []) if k in view.columns]
        after = [(a, b) for a, b in (p.get("after") or []) if a in view.columns and b in view.columns]
        if_filled = {k: [r for r in v if r in view.columns] for k, v in (p.get("if_filled") or {}).items()
                     if k in view.columns}
        if self._vocab and self._vocab.get("column") in view.columns:
            yield from self._vocabulary(ctx, view)
        for row in self.selected(ctx, view):
            missing = [e for e in require if not any(row.has(k) and not is_placeholder(row.text(k))
                                                     for k in _alternatives(e) if k in view.columns)]
            if missing:
                keys = [next(k for k in _alternatives(e) if k in view.columns) for e in missing]
                yield self.row_finding(ctx, view, row, view.location_of(row, keys[0]),
                                       missing=self.labels(ctx, view, keys), count=len(keys))
            for key in single:
                yield from self._single(ctx, view, row, key)
            for a, b in after:
                da, db = row.date(a), row.date(b)
                if da is not None and db is not None and db < da:
                    yield self.row_finding(ctx, view, row, row.cell(b).location, variant="order",
                                           later=view.label(b), later_date=db.isoformat(),
                                           earlier=view.label(a), earlier_date=da.isoformat())
            for key, needed in if_filled.items():
                if row.has(key):
                    lacking = [k for k in needed if not row.has(k)]
                    if lacking:
                        yield self.row_finding(ctx, view, row, view.location_of(row, lacking[0]), variant="pair",
                                               column=view.label(key), missing=self.labels(ctx, view, lacking))

    def _single(self, ctx: Context, view: RegisterView, row: Row, key: str) -> Iterable[Finding]:
        text = row.text(key)
        cell = row.cell(key)
        if not text:
            if "require" not in self.params:
                yield self.row_finding(ctx, view, row, cell.location if cell else None, variant="no_owner",
                                       column=view.label(key))
            return
        names = split_names(text)
        if len(names) > 1 or _SEPARATOR.search(text):
            yield self.row_finding(ctx, view, row, cell.location, variant="single", owner=text,
                                   column=view.label(key))
        elif self.params.get("reject_units", True) and _UNIT.match(text.strip()):
            yield self.row_finding(ctx, view, row, cell.location, variant="unit", owner=text,
                                   column=view.label(key))

    def _vocabulary(self, ctx: Context, view: RegisterView) -> Iterable[Finding]:
        key = self._vocab["column"]
        validation = view.validation(key)
        allowed = _normset(validation) if validation else self._vocab_set.setdefault(
            view.doc_type, _normset(words_of(self._vocab.get("values"), view.doc_type)))
        for row in view.rows:
            if row.has(key) and not in_set(row.text(key), allowed):
                yield self.row_finding(ctx, view, row, row.cell(key).location, variant="vocabulary",
                                       value=row.text(key), column=view.label(key))
