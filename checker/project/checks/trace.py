"""Traceability from initiation to closure: XD-11 objectives (business case → charter → plan →
closure review), XD-12 deliverables (scope statement → schedule → quality plan → closure acceptance).

Both are semi-automatic (the standard's automation S): names are matched with a typo's tolerance and
by the figures and dates an objective states, so wording that differs entirely is not recognised.
"""
from __future__ import annotations

import re
from typing import Any, Iterable

from rapidfuzz import fuzz

from checker.project.checks.common import Inconsistency, covered, evidence, joined, short
from checker.project.model import Doc, Project
from checker.text.normalize import nfkc

_FIGURE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d+(?:\.\d+)?\s*%|\d[\d,.]*\s*(?:万元|元|USD|CNY)?")


def objectives(project: Project, params: Any) -> Iterable[Inconsistency]:
    charter = project.one("CHARTER", "PID", "PROJECT_BRIEF")
    if charter is None:
        return
    stated = charter.part("objectives") or []
    case = project.one("INIT_REQUEST_BC")
    reasons = case.part("objectives") or [] if case is not None else []
    if stated and reasons:
        untraced = [o for o in stated if not any(_same_objective(o["text"], r["text"], params.similarity) for r in reasons)]
        if untraced:
            yield Inconsistency([*[evidence(charter, o.get("location"), o["text"][:120]) for o in untraced[:10]],
                                 evidence(case, reasons[0].get("location"), reasons[0]["text"][:120])],  # type: ignore[arg-type]
                                {"objectives": joined([o["text"][:60] for o in untraced[:3]], project.language),
                                 "count": len(untraced), "source": short(case)}, variant="untraced")  # type: ignore[arg-type]
    closure = project.one("CLOSURE_REPORT")
    if stated and closure is not None and "objectives_review" not in (closure.part("texts") or {}):
        yield Inconsistency([evidence(charter, stated[0].get("location"), stated[0]["text"][:120]),
                             evidence(closure, {}, "—")], {"document": short(closure)}, variant="not_reviewed")


def _same_objective(a: str, b: str, threshold: int) -> bool:
    """Two objective statements are one: they share a figure or a date, or most of their words."""
    fa = {f.replace(" ", "") for f in _FIGURE.findall(nfkc(a)) if len(f.strip()) >= 3}
    fb = {f.replace(" ", "") for f in _FIGURE.findall(nfkc(b)) if len(f.strip()) >= 3}
    if fa & fb:
        return True
    return fuzz.token_set_ratio(nfkc(a).casefold(), nfkc(b).casefold()) >= threshold


def deliverables(project: Project, params: Any) -> Iterable[Inconsistency]:
    scope = project.one("SCOPE_STATEMENT")
    listed = scope.part("deliverables") or [] if scope is not None else []
    if not listed:
        return
    schedule = project.one("SCHEDULE")
    if schedule is not None:
        tasks = (schedule.part("schedule") or {}).get("task_names") or []
        lacking = [d for d in listed if not covered(d["text"], tasks, 0.3, d.get("key"), enough=2)]
        if tasks and lacking:
            yield _missing(project, scope, schedule, lacking, "no_task")  # type: ignore[arg-type]
    quality = project.one("QUALITY_PLAN")
    if quality is not None:
        text = " ".join(v.get("value", "") for v in (quality.part("texts") or {}).values())
        lacking = [d for d in listed if not covered(d["text"], [text], 0.3, d.get("key"))]
        if text and lacking:
            yield _missing(project, scope, quality, lacking, "no_qc")  # type: ignore[arg-type]
    closure = project.one("CLOSURE_REPORT")
    if closure is not None:
        texts = closure.part("texts") or {}
        text = " ".join(texts[k].get("value", "") for k in ("scope_deliverables", "handover", "objectives_review")
                        if k in texts)
        lacking = [d for d in listed if not covered(d["text"], [text], 0.6, d.get("key"))]
        if lacking:
            yield _missing(project, scope, closure, lacking, "not_accepted",  # type: ignore[arg-type]
                           (texts.get("scope_deliverables") or {}).get("location"))


def _missing(project: Project, scope: Doc, other: Doc, lacking: list[dict[str, Any]], variant: str,
             where: dict[str, Any] | None = None) -> Inconsistency:
    return Inconsistency([*[evidence(scope, d.get("location"), d["text"]) for d in lacking[:10]],
                          evidence(other, where or {}, "—")],
                         {"deliverables": joined([d["text"] for d in lacking[:5]], project.language),
                          "count": len(lacking), "document": short(other)}, variant=variant)
