"""The verdict file: a PMO reviewer's judgement of each blocker/major finding, and the precision it gives.

`benchmarks/verdicts.tsv` has one row per judged finding, tab-separated, with a header row:

    path      the document, relative to the corpus folder, with '/' separators
    rule      the finding's rule id (COM-01, CH-01, ...)
    location  the finding's location key (see `location_key`)
    verdict   `true` (a real defect at the right place) or `false` (a false alarm)
    reason    a short reason in the reviewer's words: never document text, never people's names;
              a partly right finding is `false` with `partly:` in its reason (e.g. `partly: only Z missing`)

Lines starting with `#` are comments. A verdict whose finding no longer exists is kept and reported
as gone: a `false` verdict is never deleted to improve the figure.

The location key is the finding's location in a compact form that stays the same while the
document does (it never holds the heading or text snippet of the location):

    -                 no location
    p12               Word body paragraph 12 (0-based, as in the report)
    t3 / t3r2 / t3r2c1  Word table 3, row 2, column 1
    hdr:t0r1c1        the same in the page header (ftr: footer, props: properties, cmt: comments)
    Sheet1!B7         an Excel cell (or a row/column such as Sheet1!5:5)

A rule that reports several things at one place (a charter's missing elements, all pointing where
they should go) is told apart by the element the message names in quotes, when that name is the
checker's own vocabulary (a string of the rule packs in `rules/`): `-#Project Purpose`. Quoted text
taken from the document (a heading, an owner's name) never enters a key; findings still alike after
that get `#1`, `#2`, ... in report order.

A finding that names what is missing (the report's `missing_sections` or `missing_fields`: a
charter lacking three elements, a header lacking version and author) is judged element by element,
one row per element keyed `LOCATION#ELEMENT` (`-#Project Purpose`, `p3#version`): "this element is
really missing". A row judged where the element was expected elsewhere (an earlier location) still
judges the claim. The finding is right when every element it names is really missing, partly right
when some are, and unjudged while an element has no row; so a finding whose list changes is judged
on exactly what it now says.
"""
from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import yaml

SEVERITIES = ("blocker", "major")
COLUMNS = ("path", "rule", "location", "verdict", "reason")
RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
_PARTS = {"header": "hdr", "footer": "ftr", "properties": "props", "comments": "cmt"}
_GROUP_ORDER = ("filled", "template", "unlabelled", "all")
_QUOTED = re.compile(r"[“\"]([^”\"]+)[”\"]")


@dataclass(frozen=True)
class Finding:
    """A blocker/major finding of the report, keyed for the verdict file."""

    path: str
    rule: str
    location: str
    severity: str
    message: str
    elements: tuple[str, ...] = ()  # what it says is missing, each judged on its own row

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.path, self.rule, self.location)

    def element_keys(self) -> list[tuple[str, str, str]]:
        return [(self.path, self.rule, f"{self.location}#{e}") for e in self.elements]


@dataclass(frozen=True)
class Verdict:
    path: str
    rule: str
    location: str
    verdict: bool
    reason: str
    line: int

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.path, self.rule, self.location)

    @property
    def partly(self) -> bool:
        return not self.verdict and "partly:" in self.reason.lower()


class VerdictFileError(ValueError):
    """The verdict file cannot be read as documented (the message says where and why)."""


def location_key(location: dict[str, Any] | None) -> str:
    """The compact key of a report location (see the module docstring)."""
    if not location:
        return "-"
    if "sheet" in location or "cell" in location:
        sheet = location.get("sheet")
        cell = str(location.get("cell", ""))
        return f"{sheet}!{cell}" if sheet is not None else cell or "-"
    key = ""
    if "paragraph" in location:
        key += f"p{location['paragraph']}"
    if "table" in location:
        key += f"t{location['table']}"
        if "row" in location:
            key += f"r{location['row']}"
        if "col" in location:
            key += f"c{location['col']}"
    part = location.get("part")
    if part:
        prefix = _PARTS.get(part, part)
        return f"{prefix}:{key}" if key else prefix
    return key or "-"


@lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str]:
    """Every string of the rule packs and lexicons: the names the checker itself gives things."""
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, str):
            found.add(node.strip())
        elif isinstance(node, dict):
            for k, v in node.items():
                walk(k)
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    for path in sorted(RULES_DIR.rglob("*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return frozenset(found)


def _subject(message: str) -> str | None:
    """The element a message names in quotes, if it is the checker's own word for it."""
    match = _QUOTED.search(message)
    if match and match.group(1).strip() in _vocabulary():
        return match.group(1).strip()
    return None


def rel_path(path: str, root: str) -> str:
    return os.path.relpath(os.path.realpath(path), root).replace(os.sep, "/")


def findings_of(report: dict[str, Any], root: str) -> list[Finding]:
    """The report's blocker and major findings with their keys, in report order."""
    out: list[Finding] = []
    for doc in report["documents"]:
        path = rel_path(doc["path"], root)
        raw = [f for f in doc.get("findings") or [] if f.get("severity") in SEVERITIES]
        keys = []
        for f in raw:
            base = location_key(f.get("location"))
            subject = None if _elements(f) else _subject(f.get("message", ""))
            keys.append(f"{base}#{subject}" if subject else base)
        # Findings of one rule still alike after the subject are numbered in report order.
        seen: dict[tuple[str, str], int] = {}
        totals: dict[tuple[str, str], int] = {}
        for f, key in zip(raw, keys):
            totals[(f["rule"], key)] = totals.get((f["rule"], key), 0) + 1
        for f, key in zip(raw, keys):
            if totals[(f["rule"], key)] > 1 and not _elements(f):
                n = seen[(f["rule"], key)] = seen.get((f["rule"], key), 0) + 1
                key = f"{key}#{n}"
            out.append(Finding(path, f["rule"], key, f["severity"], f.get("message", ""), _elements(f)))
    return out


def _elements(finding: dict[str, Any]) -> tuple[str, ...]:
    return tuple(finding.get("missing_sections") or finding.get("missing_fields") or ())


def read_verdicts(path: str | os.PathLike[str]) -> list[Verdict]:
    """Rows of the verdict file; a missing file is an empty one."""
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        lines = [(n, line) for n, line in enumerate(fh, 1) if line.strip() and not line.startswith("#")]
    if not lines:
        return []
    header = lines[0][1].rstrip("\r\n").split("\t")
    if tuple(header) != COLUMNS:
        raise VerdictFileError(f"{path}:{lines[0][0]}: the header must be {' '.join(COLUMNS)} (tab-separated)")
    out: list[Verdict] = []
    seen: dict[tuple[str, str, str], int] = {}
    for n, line in lines[1:]:
        cells = next(csv.reader([line.rstrip("\r\n")], delimiter="\t", quoting=csv.QUOTE_NONE))
        if len(cells) != len(COLUMNS):
            raise VerdictFileError(f"{path}:{n}: {len(cells)} columns, expected {len(COLUMNS)}")
        doc, rule, location, verdict, reason = (c.strip() for c in cells)
        if verdict not in ("true", "false"):
            raise VerdictFileError(f"{path}:{n}: verdict must be true or false, not {verdict!r}")
        if not reason:
            raise VerdictFileError(f"{path}:{n}: a verdict needs a reason")
        row = Verdict(doc, rule, location, verdict == "true", reason, n)
        if row.key in seen:
            raise VerdictFileError(f"{path}:{n}: the same finding was judged on line {seen[row.key]}")
        seen[row.key] = n
        out.append(row)
    return out


@dataclass(frozen=True)
class Tally:
    """Judged findings of one group: precision counts a partly right finding as false."""

    true: int = 0
    false: int = 0
    partly: int = 0  # included in `false`
    unjudged: int = 0

    def add(self, verdict: Verdict | None) -> Tally:
        if verdict is None:
            return Tally(self.true, self.false, self.partly, self.unjudged + 1)
        if verdict.verdict:
            return Tally(self.true + 1, self.false, self.partly, self.unjudged)
        return Tally(self.true, self.false + 1, self.partly + verdict.partly, self.unjudged)

    @property
    def judged(self) -> int:
        return self.true + self.false

    @property
    def precision(self) -> float | None:
        return self.true / self.judged if self.judged else None

    @property
    def precision_with_partly(self) -> float | None:
        return (self.true + self.partly) / self.judged if self.judged else None

    def as_dict(self) -> dict[str, Any]:
        return {"true": self.true, "false": self.false, "partly": self.partly, "unjudged": self.unjudged,
                "precision": _round(self.precision), "precision_with_partly": _round(self.precision_with_partly)}


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


@dataclass(frozen=True)
class Judgement:
    """Findings matched to verdicts: what is judged, what needs a verdict (`to_judge`: the rows to
    add, one per unjudged element of a finding that names several), what verdict has no finding."""

    judged: list[tuple[Finding, Verdict]]
    unjudged: list[Finding]
    gone: list[Verdict]
    to_judge: list[Finding]
    claims: list[tuple[Finding, Verdict | None]]  # each element of a finding on its own, else the finding


def match(findings: Iterable[Finding], verdicts: Iterable[Verdict]) -> Judgement:
    verdicts = list(verdicts)
    by_key = {v.key: v for v in verdicts}
    # A row on an element judges the claim "this element is missing" wherever it was expected: the
    # latest row of (path, rule, element) stands in when the finding's location has none.
    by_element: dict[tuple[str, str, str], Verdict] = {}
    for v in verdicts:
        if "#" in v.location:
            by_element[(v.path, v.rule, v.location.split("#", 1)[1])] = v
    judged: list[tuple[Finding, Verdict]] = []
    unjudged: list[Finding] = []
    to_judge: list[Finding] = []
    used: set[tuple[str, str, str]] = set()
    claims: list[tuple[Finding, Verdict | None]] = []
    for f in findings:
        if f.elements:
            rows = [by_key.get(k) or by_element.get((f.path, f.rule, e)) for k, e in zip(f.element_keys(), f.elements)]
            claims.extend((f, v) for v in rows)
            for k, e, v in zip(f.element_keys(), f.elements, rows):
                if v is None:
                    to_judge.append(Finding(f.path, f.rule, k[2], f.severity, f"[{e}] {f.message}"))
                else:
                    used.add(v.key)
            if any(v is None for v in rows):
                unjudged.append(f)
            else:
                judged.append((f, _combined(f, rows)))  # type: ignore[arg-type]
            continue
        v = by_key.get(f.key)
        claims.append((f, v))
        if v is None:
            unjudged.append(f)
            to_judge.append(f)
        else:
            judged.append((f, v))
            used.add(f.key)
    gone = [v for key, v in by_key.items() if key not in used]
    return Judgement(judged, unjudged, gone, to_judge, claims)


def _combined(finding: Finding, rows: list[Verdict]) -> Verdict:
    """The verdict of a finding that names several missing elements, from its elements' rows."""
    right = [v for v in rows if v.verdict]
    if len(right) == len(rows):
        return Verdict(finding.path, finding.rule, finding.location, True, "every element really missing",
                       min(v.line for v in rows))
    reason = (f"partly: {len(right)} of {len(rows)} elements really missing" if right
              else "no element it names is missing")
    return Verdict(finding.path, finding.rule, finding.location, False, reason, min(v.line for v in rows))


def tallies(judgement: Judgement, group_of: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Overall and by-rule tallies for each group of documents (filled, template, unlabelled) and all."""
    overall: dict[str, Tally] = {}
    by_rule: dict[str, dict[str, Tally]] = {}
    pairs: list[tuple[Finding, Verdict | None]] = [*judgement.judged, *((f, None) for f in judgement.unjudged)]
    for f, v in pairs:
        for group in (group_of.get(f.path, "unlabelled"), "all"):
            overall[group] = overall.get(group, Tally()).add(v)
            rules = by_rule.setdefault(group, {})
            rules[f.rule] = rules.get(f.rule, Tally()).add(v)
    claims: dict[str, Tally] = {}
    for f, v in judgement.claims:
        for group in (group_of.get(f.path, "unlabelled"), "all"):
            claims[group] = claims.get(group, Tally()).add(v)
    return {group: {"overall": overall[group].as_dict(), "claims": claims.get(group, Tally()).as_dict(),
                    "by_rule": {rule: t.as_dict() for rule, t in sorted(by_rule[group].items())}}
            for group in sorted(overall, key=lambda g: (_GROUP_ORDER.index(g) if g in _GROUP_ORDER else 2, g))}
