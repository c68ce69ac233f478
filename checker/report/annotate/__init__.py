"""Findings written back into a copy of the document: Word comments, Excel cell notes.

Bytes in, bytes out, so that the command line (`pmo-check annotate`), the task pane service
("insert comments") and the bulk audit (`--annotate`) share it: none of them ever writes to the
original. It sits in the report layer because it is one more way of presenting a report's findings
(the document's entry of the contract's report), next to the other formats; it reads nothing but the
document's bytes and the findings.

A finding goes where its location says: a Word body paragraph or table cell, an Excel cell (a whole
row or column: its first cell). A finding without such a location (a missing section, the header,
the properties) goes on the document's title — its first paragraph with text — or on the first
sheet's A1. Suppressed findings are not written: they were waived.
"""
from __future__ import annotations

from typing import Any, Iterable

from checker.report.where import where

AUTHOR = "pmo-check"
WORD_FORMATS = ("docx", "docm")
EXCEL_FORMATS = ("xlsx", "xlsm")


class AnnotateError(Exception):
    """The copy could not be made (a format the writers cannot open, a package they refuse)."""


def annotate(data: bytes, fmt: str, findings: Iterable[dict[str, Any]], language: str = "en") -> bytes:
    """A copy of the document `data` (format `fmt`, as the report gives it) with each unsuppressed
    finding as a comment or note, in `language`. Raises AnnotateError."""
    live = [f for f in findings if not f.get("suppressed")]
    if fmt in WORD_FORMATS:
        from checker.report.annotate.word import annotate_word

        return annotate_word(data, live, language)
    if fmt in EXCEL_FORMATS:
        from checker.report.annotate.excel import annotate_excel

        return annotate_excel(data, live, language, keep_vba=fmt == "xlsm")
    raise AnnotateError(f"cannot annotate a {fmt} file (Word .docx/.docm or Excel .xlsx/.xlsm only)")


def note_text(finding: dict[str, Any], language: str, *, placed: bool = True) -> str:
    """A finding as a comment: `[COM-02 · major] message`, the suggestion, and where it belongs when
    the note could not be placed there (a header, a missing section)."""
    from checker.report.labels import labels

    L = labels(language)
    lines = [f"[{finding['rule']} · {L[finding['severity']]}] {finding['message']}"]
    if finding.get("needs_review"):
        lines[0] += f" ({L['needs_review']})"
    if not placed:
        place = where(finding.get("location"), language) or (finding.get("location") or {}).get("heading")
        if place:
            lines.append(f"{L['where']}: {place}")
    if finding.get("suggestion"):
        lines.append(f"→ {finding['suggestion']}")
    return "\n".join(lines)
