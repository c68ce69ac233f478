"""Compliance scores, 0–100: of a document, of a project, of a group (docs/scoring.md).

A document earns the weight of every rule it passes, out of the weight of every rule that applied to
it: a short document that the rules could not look at much is not favoured, because what it lacks is
a failed rule, not an absent finding. A blocker caps the score. A document whose type was not
recognised, or that could not be read, has no score (`None`): nothing measured it.

A project's score weighs its documents by their importance at the project's stage (the stage-gate
documents of §5 of the standard count three times as much as the others). A group's score is the
mean of its projects' scores, each project counted once however many documents it has.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping, Protocol

# What a rule is worth, by severity. Info rules are advice and earn or cost nothing.
WEIGHTS = {"blocker": 10, "major": 5, "minor": 2, "info": 0}
# The highest score a document with an unsuppressed blocker finding can have.
BLOCKER_CAP = 50.0
# The stages of a project in order, with the document types that the gate ending each stage requires
# (pmo-standard.md §5 required_docs): at that stage they weigh IMPORTANT, every other document 1.
STAGES: tuple[tuple[str, frozenset[str]], ...] = (
    ("initiation", frozenset({"INIT_REQUEST_BC", "PROJECT_BRIEF", "INIT_REVIEW", "CHARTER"})),
    ("planning", frozenset({"CHARTER", "SCOPE_STATEMENT", "PMP", "SCHEDULE", "RESOURCE_PLAN", "RACI", "COST_PLAN",
                            "QUALITY_PLAN", "COMMS_PLAN", "RISK_MGMT_PLAN", "CHANGE_MGMT_PLAN", "RISK_REGISTER",
                            "STAKEHOLDER_REGISTER", "PID"})),
    ("execution", frozenset({"END_STAGE_REPORT", "STATUS_REPORT", "RISK_REGISTER", "ISSUE_REGISTER", "CHANGE_LOG",
                             "CHANGE_REQUEST", "MEETING_MINUTES", "INIT_REQUEST_BC", "SCHEDULE"})),
    ("closure", frozenset({"CLOSURE_REPORT", "LESSONS", "RISK_REGISTER", "ISSUE_REGISTER", "CHANGE_LOG"})),
)
# The stage a document type shows a project has reached (the earliest stage that produces it).
_REACHED = {
    **{t: "initiation" for t in ("INIT_REQUEST_BC", "PROJECT_BRIEF", "INIT_REVIEW", "CHARTER")},
    **{t: "planning" for t in ("PID", "SCOPE_STATEMENT", "PMP", "SCHEDULE", "RESOURCE_PLAN", "RACI", "COST_PLAN",
                               "QUALITY_PLAN", "COMMS_PLAN", "RISK_MGMT_PLAN", "CHANGE_MGMT_PLAN",
                               "STAKEHOLDER_REGISTER", "RISK_REGISTER")},
    **{t: "execution" for t in ("ISSUE_REGISTER", "CHANGE_REQUEST", "CHANGE_LOG", "MEETING_MINUTES", "STATUS_REPORT",
                                "END_STAGE_REPORT")},
    **{t: "closure" for t in ("CLOSURE_REPORT", "LESSONS")},
}
IMPORTANT = 3
_ORDER = [name for name, _ in STAGES]


class _Finding(Protocol):
    rule: str
    severity: str

    @property
    def suppressed(self) -> bool: ...


def document_score(applied: Mapping[str, str], findings: Iterable[_Finding]) -> float | None:
    """The score of one recognised document: 100 × weight of the rules passed / weight of the rules applied.

    `applied` maps each rule that applied to the document to its (tailored) severity. A rule fails when
    it has an unsuppressed finding; it then weighs as its severest such finding if that is severer than
    the rule (an escalated finding). Findings of rules not in `applied` (the checker's own, e.g. an
    expired waiver) count as rules that applied. `None` when no rule of any weight applied.
    """
    weight = {rule: WEIGHTS[severity] for rule, severity in applied.items()}
    failed: set[str] = set()
    blocker = False
    for f in findings:
        if f.suppressed:
            continue
        w = WEIGHTS[f.severity]
        weight[f.rule] = max(weight.get(f.rule, 0), w)
        if w:
            failed.add(f.rule)
        blocker = blocker or f.severity == "blocker"
    total = sum(weight.values())
    if not total:
        return None
    value = 100.0 * (total - sum(weight[r] for r in failed)) / total
    return round(min(value, BLOCKER_CAP) if blocker else value, 1)


def project_stage(doc_types: Iterable[str]) -> str | None:
    """The latest stage any of a project's documents shows it has reached (None: no recognised type)."""
    reached = [_ORDER.index(_REACHED[t]) for t in doc_types if t in _REACHED]
    return _ORDER[max(reached)] if reached else None


def importance(doc_type: str, stage: str | None) -> int:
    """How much a document of `doc_type` weighs in its project's score at `stage`."""
    required = dict(STAGES).get(stage or "", frozenset())
    return IMPORTANT if doc_type in required else 1


def project_score(documents: Iterable[Mapping[str, Any]]) -> tuple[str | None, float | None]:
    """A project's stage and score from its documents' report entries (`doc_type`, `score`):
    the importance-weighted mean of the documents that have a score; None when none has."""
    docs = list(documents)
    stage = project_stage(d.get("doc_type") or "UNKNOWN" for d in docs)
    scored = [(importance(d["doc_type"], stage), d["score"]) for d in docs if d.get("score") is not None]
    total = sum(w for w, _ in scored)
    return stage, (round(sum(w * s for w, s in scored) / total, 1) if total else None)


def score_projects(projects: Iterable[dict[str, Any]], documents: Iterable[Mapping[str, Any]]) -> None:
    """Give each of the report's `projects` its `stage` and `score` (`project_score`) from the entries of
    `documents` it lists: what a check's report and an audit's stored projects both carry."""
    by_path = {d["path"]: d for d in documents}
    for project in projects:
        project["stage"], project["score"] = project_score(by_path[p] for p in project["documents"])


def group_score(project_scores: Iterable[float | None]) -> float | None:
    """A group's score: the mean of its projects' scores (projects without one left out)."""
    values = [s for s in project_scores if s is not None]
    return round(sum(values) / len(values), 1) if values else None
