"""The scorecard worked out from its input: runs, documents and findings as the audit store gives them.

The input is plain data (dicts and lists, the shape docs/scorecard.md specifies), so that the store
only has to produce it and the renderers never query anything. Everything shown is derived here
once: headline figures, the trend, groups per grouping, projects, the worst projects, the most
frequent findings and the heat map of rule failures by document type. Scores follow docs/scoring.md
(project: importance-weighted; group: mean of its projects).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Mapping

from checker.config.bands import Bands
from checker.core.findings import SEVERITIES
from checker.run.scoring import group_score, project_score

SCHEMA = "pmo-check/scorecard@1"
GROUPINGS = ("portfolio", "department", "manager", "project")
WORST = 10  # projects listed as the worst
FREQUENT = 15  # rules listed as the most frequent findings
HEAT_RULES = 20  # rules (columns) of the heat map
DECISIONS = ("ready", "conditional", "not-ready")  # a gate block's decision (docs/project-view.md)


class ScorecardInputError(ValueError):
    """The input does not have the documented shape."""


@dataclass(frozen=True)
class Run:
    id: str
    started_at: str
    documents: int
    mean_score: float | None
    groups: Mapping[str, float | None] = field(default_factory=dict)


@dataclass(frozen=True)
class Project:
    key: str
    name: str | None
    stage: str | None
    score: float | None
    band: str | None
    groups: Mapping[str, str]
    documents: list[dict[str, Any]]  # the input's documents of the project
    findings: Counter  # severity → unsuppressed findings
    gate: Mapping[str, Any] | None = None  # the report's `gate` block, when the project was assessed for one


@dataclass(frozen=True)
class Group:
    key: str
    projects: int
    documents: int
    score: float | None
    band: str | None
    findings: Counter  # severity → unsuppressed findings


@dataclass(frozen=True)
class FrequentFinding:
    rule: str
    severity: str
    occurrences: int
    documents: int


@dataclass(frozen=True)
class Scorecard:
    group_by: str
    runs: list[Run]  # latest first
    documents: list[dict[str, Any]]
    findings: list[dict[str, Any]]
    projects: list[Project]  # lowest score first, unscored last
    groupings: dict[str, list[Group]]  # grouping → its groups, lowest score first
    frequent: list[FrequentFinding]
    heat_types: list[str]  # heat map rows
    heat_rules: list[str]  # heat map columns
    heat: list[list[int]]  # documents of a type failing a rule
    headline: dict[str, Any]
    bands: Bands
    title: str | None = None
    generated_at: str | None = None

    @property
    def worst(self) -> list[Project]:
        return [p for p in self.projects if p.score is not None][:WORST]

    def to_json(self) -> dict[str, Any]:
        """The contract's `pmo-check scorecard --format json`: runs latest first, groups of `group_by`."""
        return {"schema": SCHEMA,
                "runs": [{"id": r.id, "started_at": r.started_at, "documents": r.documents, "mean_score": r.mean_score}
                         for r in self.runs],
                "groups": [{"key": g.key, "documents": g.documents, "mean_score": g.score}
                           for g in self.groupings.get(self.group_by, [])],
                "projects": [{"key": p.key, "name": p.name, "stage": p.stage, "score": p.score,
                              "documents": len(p.documents), **({"gate": dict(p.gate)} if p.gate else {})}
                             for p in self.projects]}

    @property
    def gates(self) -> bool:
        """Whether any project carries a gate decision (the HTML and Excel tables then show it)."""
        return any(p.gate for p in self.projects)


def build(data: Mapping[str, Any], bands: Bands | None = None) -> Scorecard:
    """The scorecard of `data` (docs/scorecard.md). Raises ScorecardInputError for a wrong shape."""
    bands = bands or Bands()
    group_by = data.get("group_by", "project")
    if group_by not in GROUPINGS:
        raise ScorecardInputError(f"group_by must be one of {', '.join(GROUPINGS)}, not {group_by!r}")
    runs = sorted((_run(r) for r in _list(data, "runs")), key=lambda r: r.started_at, reverse=True)
    documents = [_document(d) for d in _list(data, "documents")]
    findings = [_finding(f) for f in _list(data, "findings")]
    live = [f for f in findings if not f.get("suppressed")]
    by_path = {d["path"]: d for d in documents}

    severities: dict[str, Counter] = defaultdict(Counter)
    for f in live:
        severities[f["path"]][f["severity"]] += 1
    projects = _projects(documents, severities, bands, _gates(_list(data, "projects")))
    groupings = {name: _groups(name, projects, bands) for name in GROUPINGS
                 if name == "project" or any(name in p.groups for p in projects)}

    # Judgement rules' "needs review" notes are not failures: the frequent findings and the heat map leave them out.
    failures = [f for f in live if not f.get("needs_review")]
    occurrences = Counter(f["rule"] for f in failures)
    affected: dict[str, set[str]] = defaultdict(set)
    worst_severity: dict[str, str] = {}
    for f in failures:
        affected[f["rule"]].add(f["path"])
        current = worst_severity.get(f["rule"])
        if current is None or SEVERITIES.index(f["severity"]) < SEVERITIES.index(current):
            worst_severity[f["rule"]] = f["severity"]
    frequent = [FrequentFinding(rule, worst_severity[rule], n, len(affected[rule]))
                for rule, n in sorted(occurrences.items(), key=lambda kv: (-kv[1], kv[0]))[:FREQUENT]]

    failing = Counter()  # (doc type, rule) → documents
    for rule, paths in affected.items():
        for path in paths:
            failing[(by_path.get(path, {}).get("doc_type") or "UNKNOWN", rule)] += 1
    by_rule = Counter()
    for (_, rule), n in failing.items():
        by_rule[rule] += n
    heat_rules = [rule for rule, _ in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0]))[:HEAT_RULES]]
    heat_types = sorted({t for (t, rule) in failing if rule in heat_rules})
    heat = [[failing[(t, rule)] for rule in heat_rules] for t in heat_types]

    return Scorecard(group_by=group_by, runs=runs, documents=documents, findings=findings, projects=projects,
                     groupings=groupings, frequent=frequent, heat_types=heat_types, heat_rules=heat_rules, heat=heat,
                     headline=_headline(runs, documents, projects, severities, bands), bands=bands,
                     title=data.get("title"), generated_at=data.get("generated_at"))


def _headline(runs: list[Run], documents: list[dict[str, Any]], projects: list[Project],
              severities: Mapping[str, Counter], bands: Bands) -> dict[str, Any]:
    scored = [d["score"] for d in documents if d["score"] is not None]
    mean = runs[0].mean_score if runs and runs[0].mean_score is not None else (
        round(sum(scored) / len(scored), 1) if scored else None)
    previous = runs[1].mean_score if len(runs) > 1 else None
    return {
        "documents": len(documents),
        "projects": len(projects),
        "unreadable": sum(1 for d in documents if d.get("error")),
        "mean_score": mean,
        "change": round(mean - previous, 1) if mean is not None and previous is not None else None,
        "blocker_documents": sum(1 for d in documents if severities.get(d["path"], Counter())["blocker"]),
        "green_share": round(100 * sum(1 for s in scored if bands.of(s) == "green") / len(scored)) if scored else None,
        "findings": {s: sum(c[s] for c in severities.values()) for s in SEVERITIES},
    }


def _projects(documents: list[dict[str, Any]], severities: Mapping[str, Counter], bands: Bands,
              gates: Mapping[str, Mapping[str, Any]]) -> list[Project]:
    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for doc in documents:
        members[doc.get("project") or "—"].append(doc)
    out = []
    for key, docs in members.items():
        stage, score = project_score(docs)
        groups = {k: v for d in reversed(docs) for k, v in (d.get("groups") or {}).items() if v}
        found = Counter()
        for d in docs:
            found.update(severities.get(d["path"], Counter()))
        out.append(Project(key, next((d["project_name"] for d in docs if d.get("project_name")), None), stage, score,
                           bands.of(score), {**groups, "project": key}, docs, found, gates.get(key)))
    return sorted(out, key=lambda p: (p.score is None, p.score if p.score is not None else 0, p.key))


def _groups(name: str, projects: list[Project], bands: Bands) -> list[Group]:
    members: dict[str, list[Project]] = defaultdict(list)
    for p in projects:
        members[p.groups.get(name) or "—"].append(p)
    out = []
    for key, group in members.items():
        score = group_score(p.score for p in group)
        found = Counter()
        for p in group:
            found.update(p.findings)
        out.append(Group(key, len(group), sum(len(p.documents) for p in group), score, bands.of(score), found))
    return sorted(out, key=lambda g: (g.score is None, g.score if g.score is not None else 0, g.key))


def _list(data: Mapping[str, Any], key: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise ScorecardInputError(f"{key} must be a list")
    return value


def _gates(raw: list[Any]) -> dict[str, Mapping[str, Any]]:
    """The gate block of each project that has one, by project key."""
    out = {}
    for p in raw:
        if not isinstance(p, Mapping) or not p.get("key"):
            raise ScorecardInputError("each project needs a key")
        gate = p.get("gate")
        if gate is not None:
            if not isinstance(gate, Mapping) or not gate.get("id") or gate.get("decision") not in DECISIONS:
                raise ScorecardInputError("a project's gate needs an id and a decision (ready, conditional, not-ready)")
            out[str(p["key"])] = gate
    return out


def _run(raw: Any) -> Run:
    if not isinstance(raw, Mapping) or "id" not in raw or "started_at" not in raw:
        raise ScorecardInputError("each run needs an id and started_at")
    return Run(str(raw["id"]), str(raw["started_at"]), int(raw.get("documents") or 0), _score(raw.get("mean_score")),
               {str(k): _score(v) for k, v in (raw.get("groups") or {}).items()})


def _document(raw: Any) -> dict[str, Any]:
    if not isinstance(raw, Mapping) or not raw.get("path"):
        raise ScorecardInputError("each document needs a path")
    return {"url": None, "doc_type": "UNKNOWN", "language": None, "project": None, "project_name": None,
            "groups": {}, "error": None, **raw, "score": _score(raw.get("score"))}


def _finding(raw: Any) -> dict[str, Any]:
    if not isinstance(raw, Mapping) or not raw.get("path") or not raw.get("rule") or raw.get("severity") not in SEVERITIES:
        raise ScorecardInputError("each finding needs a path, a rule and a severity (blocker, major, minor, info)")
    return {"message": "", "location": None, "suppressed": False, **raw}


def _score(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
        raise ScorecardInputError(f"a score is a number from 0 to 100 or null, not {value!r}")
    return float(value)
