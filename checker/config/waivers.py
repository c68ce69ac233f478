"""Suppressions with an audit trail: waivers in pmo-check.toml, and directives inside the documents.

A suppressed finding stays in the report, marked, so that auditors still see it; it costs no score
and does not fail the run. An expired waiver, or a directive without a reason, is itself reported
(SUP-01, SUP-02). The syntax and what each form covers are in docs/configuration.md ("Suppressions").
"""
from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable

from checker.core.findings import Finding
from checker.core.location import Location
from checker.model.document import Document

SUP_EXPIRED = "SUP-01"
SUP_NO_REASON = "SUP-02"

# The checker's own findings about suppressions, listed by `pmo-check rules`.
RULES = (
    {"id": SUP_EXPIRED, "severity": "info", "automation": "A", "kind": "suppression",
     "title": {"en": "Expired waiver: the findings it covered are reported again",
               "zh": "豁免已过期：其覆盖的问题重新报告"}},
    {"id": SUP_NO_REASON, "severity": "info", "automation": "A", "kind": "suppression",
     "title": {"en": "Suppression comment without a reason (or not understood) is ignored",
               "zh": "未说明理由或格式不正确的忽略批注不生效"}},
)

_DIRECTIVE = re.compile(
    r"^\s*pmo-check\s*[:：]\s*(?P<verb>ignore-file|ignore|忽略全文|忽略)(?![\w-])\s*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL)
_SEPARATOR = re.compile(r"\s*(?:-{2,}|[—–]+|－+|―+)\s*")
_RULE_TOKEN = re.compile(r"^[A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_*?]+)+$|^[A-Za-z0-9_]*[*?][A-Za-z0-9_*?-]*$")
_SPLIT = re.compile(r"[\s,，、;；]+")
_CELL = re.compile(r"^\$?([A-Z]{1,3})?\$?(\d+)?(?::\$?([A-Z]{1,3})?\$?(\d+)?)?$")


@dataclass(frozen=True)
class Directive:
    rules: tuple[str, ...]  # upper-case ids/globs; empty: every rule
    reason: str
    file_wide: bool


def parse_directive(text: str) -> Directive | None | str:
    """The directive in a comment/note text; None when it is not one; "invalid" when it has no reason
    or names something that is not a rule id."""
    m = _DIRECTIVE.match(text or "")
    if not m:
        return None
    file_wide = m.group("verb").lower() in ("ignore-file", "忽略全文")
    rest = m.group("rest").strip()
    sep = _SEPARATOR.search(rest)
    ids_part, reason = (rest[:sep.start()], rest[sep.end():]) if sep else (rest, "")
    reason = " ".join(reason.split())
    tokens = [t for t in _SPLIT.split(ids_part.strip()) if t]
    if not reason or any(not _RULE_TOKEN.match(t) for t in tokens):
        return "invalid"
    return Directive(tuple(t.upper() for t in tokens), reason, file_wide)


def _rule_matches(patterns: Iterable[str], rule: str) -> bool:
    patterns = tuple(patterns)
    return not patterns or any(fnmatch.fnmatchcase(rule.upper(), p) for p in patterns)


# --------------------------------------------------------------------------- scopes


@dataclass(frozen=True)
class _Scope:
    kind: str  # doc | paras | cell | row | sheet
    a: Any = None
    b: Any = None
    c: Any = None

    def covers(self, loc: Location | None) -> bool:
        if self.kind == "doc":
            return True
        if loc is None:
            return False
        if self.kind == "paras":
            return loc.part in (None, "body") and loc.table is None and loc.paragraph is not None \
                and self.a <= loc.paragraph <= self.b
        if self.kind == "cell":
            return loc.part in (None, "body") and loc.table == self.a and loc.row == self.b \
                and (loc.col is None or loc.col == self.c)
        if self.kind in ("row", "sheet"):
            if loc.sheet != self.a:
                return False
            if self.kind == "sheet":
                return True
            rows = _rows_of(loc.cell)
            return rows is not None and rows[0] <= self.b <= rows[1]
        return False


def _rows_of(cell: str | None) -> tuple[int, int] | None:
    """First and last worksheet row of an A1 reference (`E7`, `E7:G9`, `5:5`); None for `E:E`."""
    if not cell:
        return None
    m = _CELL.match(cell.strip().upper())
    if not m or m.group(2) is None:
        return None
    first = int(m.group(2))
    last = int(m.group(4)) if m.group(4) else first
    return (min(first, last), max(first, last))


def _word_title_index(doc: Document) -> int:
    for block in doc.blocks:
        if block.kind != "table" and block.source == "body" and block.text.strip():
            return block.index
    return 0


def _word_scope(comment, title_index: int, file_wide: bool) -> _Scope | None:
    loc = comment.location
    if loc.table is not None:
        return _Scope("cell", loc.table, loc.row, loc.col)
    if loc.paragraph is None:
        return None
    if file_wide and loc.paragraph <= title_index:
        return _Scope("doc")
    last = loc.paragraph + (comment.anchor_text or "").count("\n")
    return _Scope("paras", loc.paragraph, last)


def _first_filled(sheet) -> str | None:
    top, left = sheet.origin
    for r, row in enumerate(sheet.grid.rows):
        for c, cell in enumerate(row):
            if cell.text.strip():
                return _a1(top + r, left + c)
    return None


def _a1(row: int, col: int) -> str:
    letters = ""
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row}"


def _note_scope(sheet, first_sheet: bool, ref: str, file_wide: bool) -> _Scope | None:
    ref = ref.replace("$", "").upper()
    rows = _rows_of(ref)
    if file_wide and (ref == "A1" or ref == _first_filled(sheet)):
        return _Scope("doc") if first_sheet else _Scope("sheet", sheet.name)
    if rows is None:
        return None
    return _Scope("row", sheet.name, rows[0])


# --------------------------------------------------------------------------- applying


def apply(findings: list[Finding], ctx, tailoring, today: date | None = None) -> list[Finding]:
    """Mark suppressed findings (in place) and return them plus the SUP-* findings."""
    doc: Document = ctx.doc
    today = today or ctx.today
    lang = ctx.message_language
    extra: list[Finding] = []

    # 1. waivers in the configuration
    expired_hits: dict[int, Any] = {}
    waivers = [w for w in (tailoring.waivers if tailoring is not None else ()) if w.matches_path(doc.path, tailoring.root)]
    for f in findings:
        for w in waivers:
            if not w.matches_rule(f.rule):
                continue
            if today <= w.expires:
                if f.suppression is None:
                    f.suppression = {"reason": w.reason, "approved_by": w.approved_by,
                                     "expires": w.expires.isoformat(), "source": "config"}
            else:
                expired_hits.setdefault(w.index, w)

    # 2. directives in Word comments and Excel notes
    scoped: list[tuple[_Scope, Directive, dict[str, Any]]] = []
    title_index = _word_title_index(doc) if not doc.is_workbook else 0
    for comment in doc.comments:
        parsed = parse_directive(comment.text)
        if parsed is None:
            continue
        if parsed == "invalid":
            extra.append(_no_reason(comment.text, comment.location, lang))
            continue
        scope = _word_scope(comment, title_index, parsed.file_wide)
        if scope is not None:
            audit = {"reason": parsed.reason, "source": "comment"}
            if comment.author:
                audit["author"] = comment.author
            scoped.append((scope, parsed, audit))
    for i, sheet in enumerate(doc.sheets):
        for ref, text in (sheet.notes or {}).items():
            parsed = parse_directive(text)
            if parsed is None:
                continue
            if parsed == "invalid":
                extra.append(_no_reason(text, Location(sheet=sheet.name, cell=ref.replace("$", "")), lang))
                continue
            scope = _note_scope(sheet, i == 0, ref, parsed.file_wide)
            if scope is not None:
                audit = {"reason": parsed.reason, "source": "note"}
                author = (getattr(sheet, "note_authors", None) or {}).get(ref)
                if author:
                    audit["author"] = author
                scoped.append((scope, parsed, audit))
    if scoped:
        for f in findings:
            if f.suppression is not None:
                continue
            for scope, directive, audit in scoped:
                if _rule_matches(directive.rules, f.rule) and scope.covers(f.location):
                    f.suppression = dict(audit)
                    break

    # 3. expired waivers that would have applied: say so once per waiver and document
    for w in expired_hits.values():
        rules = ", ".join(w.rules)
        if lang == "zh":
            message = (f"{rules} 的豁免已于 {w.expires.isoformat()} 到期（批准人：{w.approved_by}；理由：{w.reason}），"
                       f"相关问题重新报告。")
            suggestion = "修正这些问题，或在 pmo-check.toml 中经审批后延长豁免期限。"
        else:
            message = (f"The waiver for {rules} expired on {w.expires.isoformat()} (approved by {w.approved_by}: "
                       f"{w.reason}); its findings are reported again.")
            suggestion = "Fix the findings, or renew the waiver in pmo-check.toml with a new expiry date and approval."
        extra.append(Finding(rule=SUP_EXPIRED, severity="info", message=message, suggestion=suggestion))
    return findings + extra


def _no_reason(text: str, location: Location | None, lang: str) -> Finding:
    snippet = " ".join(text.split())[:120]
    if lang == "zh":
        message = f"忽略批注“{snippet}”未说明理由或格式不正确，不生效。"
        suggestion = "按“pmo-check: ignore 规则编号 -- 理由”的格式写明理由。"
    else:
        message = f"The suppression “{snippet}” gives no reason or is not understood, so it suppresses nothing."
        suggestion = "Write it as “pmo-check: ignore RULE-ID -- reason”."
    return Finding(rule=SUP_NO_REASON, severity="info", message=message, suggestion=suggestion, location=location)
