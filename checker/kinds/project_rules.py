"""Kinds `cross_document` (XD-*) and `gate` (GATE-*): rules about a project, not about one document.

They are declared in packs like every rule (rules/cross_document.yaml, rules/gates.yaml), so that a
PMO tailors them the same way — severity, on/off, parameters, organisation-pack overrides, profiles
— and `pmo-check rules` lists them. They never apply to a single document: `checker.project` runs
them on the summaries of a project's documents (a `cross_document` rule on every review, a `gate`
rule when a gate is assessed). `check` names what the rule compares; the parameters are its
tolerances (docs/project-view.md).
"""
from __future__ import annotations

from typing import Iterable, Literal

from pydantic import Field

from checker.analysis.context import Context
from checker.core.findings import Finding
from checker.kinds.base import Kind
from checker.kinds.params import KindParams

CrossCheck = Literal["identity", "budget_chain", "baseline_changes", "window", "milestones", "change_trail",
                     "rebaselining", "status_registers", "closure_handoff", "people", "objectives", "deliverables",
                     "closure_actuals", "status_continuity", "lifecycle_order", "risk_scales", "committee_conditions"]
GateCheck = Literal["required_documents", "gate_order", "open_high_risks"]


class ProjectKind(Kind):
    """A rule of the project view: never run on one document."""

    def applies(self, ctx: Context) -> bool:
        return False

    def check(self, ctx: Context) -> Iterable[Finding]:
        return ()


class CrossDocument(ProjectKind):
    name = "cross_document"

    class Params(KindParams):
        check: CrossCheck = Field(description="what the rule compares across the project's documents")
        money_tolerance: float = Field(0.001, ge=0, description="amounts agree within this share of the larger "
                                                                 "(and half a unit of the last digit written)")
        date_days: int = Field(0, ge=0, description="dates agree within this many days")
        similarity: int = Field(80, ge=0, le=100, description="how alike two names, milestones or deliverables "
                                                              "must be to be the same (0–100)")
        high_levels: list[str] = Field(["High", "Critical"], description="risk levels a status report must report "
                                                                         "and a stage boundary may not leave open")
        cadence_days: int = Field(7, ge=1, description="status_continuity: the reporting cadence when the reports "
                                                       "do not show one")
        order: list[Literal["request", "assessment", "decision", "charter", "plan", "start", "closure"]] = Field(
            ["request", "assessment", "decision", "charter", "plan", "closure"],
            description="lifecycle_order: the events in the order they must happen, of request, assessment, decision, "
                        "charter (first approved version), plan (first approved version), start (the schedule's "
                        "first actual start: kick-off work often precedes the baseline, so not by default), closure")


class GateCriterion(ProjectKind):
    name = "gate"

    class Params(KindParams):
        check: GateCheck = Field(description="what the rule checks when a gate is assessed")
        high_levels: list[str] = Field(["High", "Critical"], description="open_high_risks: the levels that count")
