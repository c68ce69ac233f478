"""Kind `vocabulary`: cell values come from a vocabulary or a scale (RR-05, RR-10, RR-14 status part,
RR-21, IR-04).

Params:
  column / columns: the key(s) checked
  vocabulary: a reference (`common.open_states+common.closed_states`, `RISK_REGISTER.strategies_threat`,
              `strategies_threat` for this type), a literal list, `validation` (only the sheet's
              data-validation list), `scale` (P/I: 1–5, a percentage/ratio, or an Appendix A label) or
              `levels` (H/M/L, 高/中/低, 1–5, P1–P5, Critical/紧急 …)
  use_validation: a data-validation list on the column, when present, is the allowed set (default true;
              Appendix C) — ignored for `scale`
  required: a blank value on a selected row is a finding (variant `missing`)
  when: row condition (see checker.register_kind)
  type_column, threat_vocabulary, opportunity_vocabulary: RR-10 — the strategy must suit the row's
              threat/opportunity type (variant `mismatch`)
"""
from __future__ import annotations

import re
from typing import Annotated, Any, Iterable

from pydantic import Field, PlainValidator, WithJsonSchema

from checker.analysis.context import Context
from checker.analysis.registers import RegisterView, Row, cell_number, words_of
from checker.analysis.risk_scales import scales
from checker.core.findings import Finding
from checker.kinds.register_base import RegisterKind, RegisterParams, RowSelection
from checker.lexicon.vocabulary import Vocabulary as Lexicon  # the kind below is `Vocabulary`
from checker.lexicon.vocabulary import derived
from checker.model.elements import Cell
from checker.text.normalize import nfkc, norm_label

_OPPORTUNITY = re.compile(r"opportunit|机会|正面|positive|upside", re.I)
_THREAT = re.compile(r"threat|威胁|负面|negative|downside|risk|风险", re.I)
_LEVEL_EXTRA = ["Low", "Medium", "High", "Critical", "Very Low", "Very High", "L", "M", "H", "Urgent", "Normal",
                "Minor", "Major", "Moderate", "Severe", "Blocker", "Trivial",
                "低", "中", "高", "极高", "紧急", "一般", "重要", "严重", "轻微", "较低", "较高", "很高", "很低"]


def _vocabulary_ref(value: Any) -> str | list[Any]:
    if isinstance(value, str) or (isinstance(value, list) and all(isinstance(w, (str, int, float)) for w in value)):
        return value
    raise ValueError("a vocabulary reference (common.x, TYPE.x, x; joined by +) or a list of words")


# A reference to lexicon vocabularies (`common.open_states+common.closed_states`, `RISK_REGISTER.x`,
# `x` of the document's type) or a literal list of words (`checker.analysis.registers.words_of`). A
# list item may be a YAML number or boolean (unquoted Yes/No): `words_of` reads it as its `str()`.
VocabularyRef = Annotated[str | list[Any], PlainValidator(_vocabulary_ref), WithJsonSchema(
    {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": ["string", "number", "boolean"]}}]})]


def normset(words: Iterable[str]) -> frozenset[str]:
    return frozenset(n for n in (norm_label(w) for w in words) if n)


def in_set(text: str, allowed: frozenset[str]) -> bool:
    t = norm_label(text)
    if not t or t in allowed:
        return True
    for w in allowed:
        if t.startswith(w) and len(t) > len(w) and not t[len(w)].isalnum():
            return True
    return False


@derived
def _allowed(vocab: Lexicon, ref: Any, doc_type: str) -> frozenset[str]:
    """The normalised terms a vocabulary reference allows (`levels`: every risk-level word)."""
    if ref == "levels":
        scales = vocab.common.get("risk_scales") or {}
        words = list(_LEVEL_EXTRA)
        for maps in (scales.get("label_maps") or {}).values():
            for ws in maps.values():
                words.extend(ws)
        for ws in (scales.get("cn_level_vocab") or {}).values():
            words.extend(ws)
        words += [str(n) for n in range(1, 6)] + [f"P{n}" for n in range(0, 6)]
        return normset(words)
    return normset(words_of(vocab, ref, doc_type))


# Where a register says whether a row is a threat or an opportunity: its own column, else a category
# column that holds it ('T' / 'O', Threat / Opportunity).
_TYPE_COLUMNS = ("threat_opportunity", "category")
_LETTERS = frozenset({"t", "o"})


def _signed_opportunity(vocab: Lexicon, view: RegisterView, row: Row, key: str) -> bool:
    """A negative rating whose magnitude is on the scale, on a row the register marks an opportunity:
    registers that keep threats and opportunities together sign an opportunity's impact (a gain)."""
    cell = row.cell(key)
    n = cell_number(cell) if cell is not None else None
    if n is None or n >= 0 or not _is_opportunity(view, row):
        return False
    magnitude = Cell(str(-n), cell.row, cell.col, cell.location, -n)
    found = scales(vocab)
    return found.on_probability_scale(magnitude) if key.endswith("probability") else found.on_impact_scale(magnitude)


def _is_opportunity(view: RegisterView, row: Row) -> bool:
    """The row's threat/opportunity column (or a category column used as one) says opportunity: the
    word, or the letter O in a column of T/O letters."""
    for key in _TYPE_COLUMNS:
        kind = nfkc(row.text(key)).strip()
        if not kind:
            continue
        if _OPPORTUNITY.search(kind):
            return True
        if kind.lower() == "o":
            return {t.strip().lower() for t in view.texts(key) if t.strip()} <= _LETTERS
    return False


def _hashable(ref: Any) -> Any:
    return tuple(ref) if isinstance(ref, list) else ref


class Vocabulary(RegisterKind):
    name = "vocabulary"

    class Params(RegisterParams, RowSelection):
        column: str = Field("status", description="the column checked")
        columns: list[str] | None = Field(None, description="the columns checked (instead of `column`)")
        vocabulary: VocabularyRef | None = Field(
            None, description="a reference (`common.open_states+common.closed_states`, `RISK_REGISTER.x`, `x` of "
                              "the type) or a list of words; or `validation` (the sheet's list only), `scale` "
                              "(P/I: 1–5, %, Appendix A labels), `levels` (H/M/L, 1–5, P1–P5 …)")
        use_validation: bool = Field(True, description="a data-validation list on the column is the allowed set")
        required: bool = Field(False, description="a blank value on a selected row is a finding")
        type_column: str | None = Field(None, description="RR-10: the threat/opportunity column")
        threat_vocabulary: VocabularyRef | None = Field(None, description="RR-10: the strategies of a threat")
        opportunity_vocabulary: VocabularyRef | None = Field(None, description="RR-10: the strategies of an opportunity")

    params: Params

    def __init__(self, spec):
        super().__init__(spec)
        p = self.params
        self.columns = list(p.columns or [p.column])
        self.ref = p.vocabulary

    @staticmethod
    def allowed(vocab: Lexicon, ref: Any, doc_type: str) -> frozenset[str]:
        return _allowed(vocab, _hashable(ref), doc_type)

    def check(self, ctx: Context) -> Iterable[Finding]:
        view = self.view(ctx)
        p = self.params
        rows, ids = view.rows, view.ids()
        for key in self.columns:
            if key not in view.columns:
                continue
            validation = view.validation(key) if p.use_validation and self.ref != "scale" else None
            values_known = not (self.ref == "validation" and not validation)
            if not values_known and not p.required:
                continue
            allowed = normset(validation) if validation else (
                None if self.ref == "scale" else self.allowed(ctx.vocab, self.ref, view.doc_type))
            texts = view.texts(key)
            if allowed is None:
                found = scales(ctx.vocab)
                valid = view.column(key, found.on_probability_scale if key.endswith("probability") else found.on_impact_scale)
            else:
                known: dict[str, bool] = {}
                valid = None
            for n in self.select(ctx, view):
                value = texts[n]
                if not value:
                    if p.required:
                        cell = rows[n].cell(key)
                        yield self.row_finding(ctx, view, rows[n], cell.location if cell else None, id=ids[n],
                                               variant="missing", column=view.label(key))
                    continue
                if not values_known:
                    continue
                if valid is not None:
                    ok = valid[n]
                else:
                    ok = known.get(value)
                    if ok is None:
                        ok = known[value] = in_set(value, allowed)
                if not ok and valid is not None and _signed_opportunity(ctx.vocab, view, rows[n], key):
                    ok = True  # '-4' on an opportunity row: the register's sign for a gain, on the scale
                if not ok:
                    yield self.row_finding(ctx, view, rows[n], rows[n].cell(key).location, id=ids[n],
                                           column=view.label(key), value=value, allowed=self._show(allowed))
                    continue
                mismatch = self._mismatch(ctx.vocab, view, rows[n], value)
                if mismatch:
                    yield self.row_finding(ctx, view, rows[n], rows[n].cell(key).location, id=ids[n],
                                           variant="mismatch", value=value, type=mismatch)

    def _show(self, allowed: frozenset[str] | None) -> str:
        if allowed is None:
            return "1–5, %, Very Low…Very High / 极低…极高"
        words = sorted(allowed)
        return ", ".join(words[:12]) + (" …" if len(words) > 12 else "")

    def _mismatch(self, vocab: Lexicon, view: RegisterView, row: Row, value: str) -> str | None:
        p = self.params
        type_key = p.type_column
        if not type_key or not row.has(type_key):
            return None
        kind = nfkc(row.text(type_key))
        if _OPPORTUNITY.search(kind):
            allowed = self.allowed(vocab, p.opportunity_vocabulary, view.doc_type)
            return None if in_set(value, allowed) else row.text(type_key)
        if _THREAT.search(kind):
            allowed = self.allowed(vocab, p.threat_vocabulary, view.doc_type)
            return None if in_set(value, allowed) else row.text(type_key)
        return None
