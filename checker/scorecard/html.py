"""The scorecard as one self-contained HTML file, with the single-run report's templates and look:
headline figures, the trend over audit runs, the groups, the worst projects with links to their
documents, the most frequent findings with the standard's rationale, and the heat map of rule
failures by document type (a pygal dot matrix, and the same counts as a shaded table that prints)."""
from __future__ import annotations

from typing import Any

from checker.core.findings import SEVERITIES
from checker.core.version import VERSION
from checker.report import charts
from checker.report.catalogue import RuleInfo, describe
from checker.report.html import environment
from checker.report.labels import labels, majority_language
from checker.scorecard.model import Scorecard


def render_html(card: Scorecard, rules: dict[str, RuleInfo], language: str | None = None) -> str:
    """The scorecard page; `language` None: the language most of the documents are in."""
    lang = language or majority_language(d.get("language") for d in card.documents)
    L = labels(lang)
    groups = card.groupings.get(card.group_by, [])
    frequent = []
    for f in card.frequent:
        info = describe(rules, f.rule, f.severity)
        frequent.append({"rule": f.rule, "severity": f.severity, "occurrences": f.occurrences, "documents": f.documents,
                         "title": info.title.get(lang), "why": info.rationale.get(lang) if info.rationale else None})
    return environment().get_template("scorecard.html.j2").render(
        lang=lang, L=L, version=VERSION, card=card, h=card.headline, title=card.title or L["scorecard_title"],
        severities=SEVERITIES, groups=groups, frequent=frequent, bands=card.bands,
        project_groupings=[g for g in ("portfolio", "department", "manager") if g in card.groupings],
        heat_max=max((n for row in card.heat for n in row), default=1) or 1,
        charts=_charts(card, groups, L))


def _charts(card: Scorecard, groups: list, L: Any) -> list[dict[str, Any]]:
    out = []
    if card.runs:
        runs = list(reversed(card.runs))  # oldest first, left to right
        series = {L["all"]: [r.mean_score for r in runs]}
        for g in groups:
            if any(g.key in r.groups for r in runs):
                series[g.key] = [r.groups.get(g.key) for r in runs]
        out.append({"name": "trend", "svg": charts.line(L["trend"], [r.id for r in runs], series)})
    scored = [g for g in groups if g.score is not None]
    if scored:
        out.append({"name": "groups", "svg": charts.scores(
            f"{L['mean_score']} · {L[card.group_by]}", [g.key for g in scored], [g.score for g in scored],
            [g.band for g in scored], L["score"])})
    if card.heat_rules:
        out.append({"name": "heat", "svg": charts.heat(L["heat_map"], card.heat_rules,
                                                       dict(zip(card.heat_types, card.heat)))})
    return out
