"""The human-readable report: what a person fixes documents from, and what a CI log shows.

Each document gets a header line (path, type, language, score), then one block per finding: severity
and rule in two narrow columns, and beside them where it is (`paragraph 41, under “3 Budget”`, 1-based
as Word and Excel count), the message, the quoted snippet and the suggestion. A summary closes the
report: documents by severity, unreadable, skipped, by type, and what decides the exit status.

On a terminal the blocks wrap to its width by display cells (rich: Chinese characters are two cells
wide) at word boundaries, and are coloured unless `NO_COLOR` is set; `FORCE_COLOR` colours a pipe too.
Written to a pipe or a file, nothing wraps (one line per item, for grep) and there are no escape codes.
`quiet` keeps only the documents and findings that make the exit status 1.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Any, Iterable, TextIO

from rich.text import Text

from checker.core.findings import SEVERITIES
from checker.report.exit_status import failing, fails, unreadable
from checker.report.formats import Render
from checker.report.terminal import Writer, console_for
from checker.report.where import where, where_under

SEVERITY_STYLE = {"blocker": "bold red", "major": "red", "minor": "yellow", "info": "cyan", "review": "magenta",
                  "error": "bold red"}
INDENT = "  "
# The judgement rules' messages say so themselves; the severity column says "review" instead.
_REVIEW_PREFIX = re.compile(r"^\s*(?:needs review|需人工评审|需人工复核)\s*[:：]\s*", re.IGNORECASE)


def write(report: dict[str, Any], stream: TextIO, render: Render) -> None:
    quiet = render.quiet
    console = console_for(stream, render.color)
    with Writer(console) as out:
        fail_on = render.fail_on
        shown = [d for d in report["documents"] if not d.get("skipped") and (not quiet or fails(d, fail_on))]
        # One width for the rule column of the whole report, so that the messages line up from file to file.
        rule_width = max((len(f["rule"]) for d in shown for f in d["findings"]), default=6)
        for doc in shown:
            _document(out, doc, render, rule_width)
        for project in report.get("projects") or []:
            _project(out, project, fail_on, quiet)
        skipped = [d["path"] for d in report["documents"] if d.get("skipped")]
        if skipped and not quiet:
            out.line(Text(f"Skipped {len(skipped)} {_plural(len(skipped), 'file')} that "
                          f"{'is' if len(skipped) == 1 else 'are'} not Word or Excel:", style="bold"))
            for path in skipped:
                out.line(Text(INDENT + path))
            out.blank()
        _summary(out, report, fail_on)


def _document(out: Writer, doc: dict[str, Any], render: Render, rule_width: int) -> None:
    header = Text(doc["path"], style="bold")
    if unreadable(doc):
        error = doc["error"]
        out.pair(header, Text(f"unreadable ({error['code']})", style=SEVERITY_STYLE["error"]))
        out.block(Text(INDENT), [Text(error["message"])])
        out.blank()
        return
    language = doc.get("language") or "en"
    meta = [doc["doc_type"] + (f" {doc['doc_type_confidence']:.0%}" if doc.get("doc_type_confidence") is not None
                               else ""), language]
    score = doc.get("score")
    meta.append("no score" if score is None else f"score {score:g} ({render.bands.of(score)})")
    findings = [f for f in doc["findings"] if not render.quiet or failing(f, render.fail_on)]
    if not findings:
        meta.append("no findings")
    out.pair(header, Text(" · ".join(meta), style="green" if not findings else ""))
    if not findings:
        return
    for f in findings:
        _finding(out, f, language, rule_width)
    out.blank()


def _finding(out: Writer, f: dict[str, Any], language: str, rule_width: int,
             evidence: Iterable[Text] = ()) -> None:
    review = bool(f.get("needs_review"))
    label = "review" if review else f["severity"]
    left = Text(INDENT)
    left.append(f"{label:<7}", style="dim" if f.get("suppressed") else SEVERITY_STYLE.get(label, ""))
    left.append(f"  {f['rule']:<{rule_width}}  ")
    location = f.get("location") or {}
    message = _REVIEW_PREFIX.sub("", f["message"]) if review else f["message"]
    lines = []
    place = where_under(location, language)
    if place:
        lines.append(Text(place, style="bold"))
    body = Text(message[:1].upper() + message[1:] if review else message)
    if f.get("suppressed"):
        body.append("  (suppressed)")
        body.stylize("dim")
    lines.append(body)
    if f.get("suppressed"):
        lines.append(Text(_waiver(f.get("suppression") or {}), style="dim"))
    snippet = location.get("text")
    if snippet and snippet not in message and snippet != location.get("heading"):
        lines.append(Text(f"“{snippet}”", style="italic"))
    lines.extend(evidence)
    if f.get("suggestion") and not f.get("suppressed"):
        lines.append(Text(f"→ {f['suggestion']}", style="dim"))
    out.block(left, lines)


def _waiver(suppression: dict[str, Any]) -> str:
    """Who waived a finding, why and until when: the audit trail, in a few words."""
    who = suppression.get("approved_by") or suppression.get("author")
    text = "waived" + (f": {suppression['reason']}" if suppression.get("reason") else "")
    return text + (f" ({who})" if who else "") + (f", until {suppression['expires']}" if suppression.get("expires") else "")


def _project(out: Writer, project: dict[str, Any], fail_on: str, quiet: bool) -> None:
    findings = [f for f in project.get("findings") or [] if not quiet or failing(f, fail_on)]
    if not findings:
        return
    out.line(Text(f"Project {project['key']}  ({len(project.get('documents') or [])} documents)", style="bold"))
    width = max(len(f["rule"]) for f in findings)
    for f in findings:
        evidence = [Text(f"· {e.get('path')}" + (f" {where(e.get('location'))}" if e.get("location") else "")
                         + (f": {e['value']}" if e.get("value") not in (None, "") else ""), style="dim")
                    for e in f.get("evidence") or []]
        _finding(out, {**f, "location": None}, "en", width, evidence)
    out.blank()


def _summary(out: Writer, report: dict[str, Any], fail_on: str) -> None:
    documents = report["documents"]
    read = [d for d in documents if not d.get("error")]
    bad = sum(1 for d in documents if unreadable(d))
    skipped = sum(1 for d in documents if d.get("skipped"))
    checked = len(documents) - skipped
    counts = report["summary"]["findings"]
    review = sum(1 for d in documents for f in d["findings"] if f.get("needs_review") and not f.get("suppressed"))
    waived = sum(1 for d in documents for f in d["findings"] if f.get("suppressed"))
    head = f"{checked} {_plural(checked, 'document')} checked"
    head += f", {bad} unreadable" + (f", {skipped} skipped (not Word or Excel)" if skipped else "")
    out.line(Text(head, style="bold"), hanging=2)
    line = Text("Findings: ")
    for i, severity in enumerate(SEVERITIES):
        line.append(", " if i else "")
        line.append(f"{counts.get(severity, 0)} {severity}", style=SEVERITY_STYLE[severity] if counts.get(severity)
                    else "")
    if review:
        line.append(f" ({review} of the info {_plural(review, 'needs', 'need')} review: never a failure)")
    if waived:
        line.append(f"; {waived} suppressed")
    out.line(line, hanging=2)
    types = Counter(d["doc_type"] for d in read)
    if types:
        out.line(Text("By type: " + ", ".join(f"{t} {n}" for t, n in sorted(types.items(), key=lambda x: (-x[1], x[0])))),
                 hanging=2)
    failed = sum(1 for d in documents if fails(d, fail_on))
    if fail_on == "never":
        verdict = Text("--fail-on never: only an unreadable document fails the run"
                       + (f" ({bad} here)." if bad else "."))
    elif failed:
        verdict = Text(f"{failed} {_plural(failed, 'document')} failed (a finding at or above {fail_on}, "
                       f"or unreadable).", style="bold red")
    else:
        verdict = Text(f"Passed: no finding at or above {fail_on}.", style="bold green")
    out.line(verdict, hanging=2)


def _plural(n: int, word: str, many: str | None = None) -> str:
    return word if n == 1 else (many or word + "s")
