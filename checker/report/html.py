"""The report as one self-contained HTML file: summary figures, charts, projects, every document's findings
and the rules they break with the standard's rationale. In English or Chinese (the language most of
the documents are in), printable, with no reference outside the file (charts are inline SVG, the
styles are in the page). The scorecard (checker/scorecard) uses the same templates and look.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Any, TextIO

from checker.core.findings import SEVERITIES
from checker.core.version import VERSION
from checker.report import charts
from checker.report.catalogue import describe
from checker.report.formats import Render
from checker.report.labels import labels, majority_language
from checker.report.where import where


@lru_cache(maxsize=1)
def environment() -> Any:
    """The Jinja2 environment of the templates shipped in checker/report/templates (autoescaped)."""
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(loader=PackageLoader("checker.report", "templates"), undefined=StrictUndefined,
                       autoescape=select_autoescape(default=True, default_for_string=True), trim_blocks=True,
                       lstrip_blocks=True)


def write(report: dict[str, Any], out: TextIO, render: Render) -> None:
    out.write(environment().get_template("report.html.j2").render(**context(report, render)))


def context(report: dict[str, Any], render: Render) -> dict[str, Any]:
    """What report.html.j2 shows, worked out from the report."""
    lang = majority_language(d.get("language") for d in report["documents"])
    L = labels(lang)
    documents = []
    for doc in report["documents"]:
        doc_lang = doc.get("language") or lang
        findings = [{"suppressed": False, "needs_review": False, "suggestion": None, **f,
                     "where": where(f.get("location"), doc_lang), "heading": (f.get("location") or {}).get("heading")}
                    for f in doc["findings"]]
        documents.append({"language": None, "score": None, "error": None, **doc,
                          "band": render.bands.of(doc.get("score")), "findings": findings})
    projects = [{"stage": None, "score": None, "findings": [], **p, "band": render.bands.of(p.get("score"))}
                for p in report.get("projects") or []]
    cross = [{"finding": f, "evidence": [f"{e.get('path')} {where(e.get('location'), lang)} {e.get('value', '')}".strip()
                                         for e in f.get("evidence") or []]}
             for p in projects for f in p.get("findings") or []]
    used = sorted({f["rule"]: f["severity"] for d in documents for f in d["findings"]}.items())
    used += sorted({c["finding"]["rule"]: c["finding"]["severity"] for c in cross}.items())
    rules = []
    for rule_id, severity in dict(used).items():
        info = describe(render.rules, rule_id, severity)
        suggestion = info.suggestion.get(lang) if info.suggestion and "{" not in info.suggestion.get(lang) else None
        rules.append({"id": rule_id, "title": info.title.get(lang),
                      "why": info.rationale.get(lang) if info.rationale else None, "suggestion": suggestion})
    scored = [d["score"] for d in documents if d.get("score") is not None]
    return {"lang": lang, "L": L, "version": VERSION, "report": report, "summary": report["summary"],
            "severities": SEVERITIES, "documents": documents, "projects": projects, "cross": cross, "rules": rules,
            "mean_score": round(sum(scored) / len(scored), 1) if scored else None,
            "charts": _charts(documents, report["summary"], L, render)}


def _charts(documents: list[dict[str, Any]], summary: dict[str, Any], L: Any, render: Render) -> list[dict[str, Any]]:
    out = []
    scored = [d for d in documents if d.get("score") is not None]
    if scored:
        out.append({"name": "scores", "svg": charts.scores(
            L["scores_by_document"], [d["path"].replace("\\", "/").rsplit("/", 1)[-1] for d in scored],
            [d["score"] for d in scored], [d["band"] for d in scored], L["score"])})
    counts = summary["findings"]
    if any(counts.values()):
        out.append({"name": "severity", "svg": charts.donut(
            L["findings_by_severity"], {L[s]: counts[s] for s in SEVERITIES if counts[s]},
            [charts.SEVERITY_COLOURS[s] for s in SEVERITIES if counts[s]])})
        by_type: Counter[tuple[str, str]] = Counter(
            (d.get("doc_type") or "UNKNOWN", f["severity"]) for d in documents for f in d["findings"]
            if not f.get("suppressed"))
        types = sorted({t for t, _ in by_type})
        if len(types) > 1:
            present = [s for s in SEVERITIES if any(by_type[(t, s)] for t in types)]
            out.append({"name": "types", "svg": charts.bars(
                L["findings_by_type"], types, {L[s]: [by_type[(t, s)] or None for t in types] for s in present},
                colours=[charts.SEVERITY_COLOURS[s] for s in present], stacked=True)})
    return out
