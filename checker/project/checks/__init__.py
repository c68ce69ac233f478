"""The project view's checks, by the `check` name a rule of kind `cross_document` or `gate` gives.

Each check reads a `Project` (its documents' summaries) and the rule's parameters, and yields one
`Inconsistency` per inconsistency, with evidence from every document that takes part.
"""
from __future__ import annotations

from checker.project.checks import budget, changes, identity, registers, status, timeline, trace
from checker.project.checks.common import Check, Inconsistency

CROSS: dict[str, Check] = {
    "identity": identity.identity,
    "budget_chain": budget.budget_chain,
    "baseline_changes": budget.baseline_changes,
    "window": timeline.window,
    "milestones": timeline.milestones,
    "change_trail": changes.change_trail,
    "rebaselining": changes.rebaselining,
    "status_registers": registers.status_registers,
    "closure_handoff": registers.closure_handoff,
    "people": identity.people,
    "objectives": trace.objectives,
    "deliverables": trace.deliverables,
    "closure_actuals": budget.closure_actuals,
    "status_continuity": status.status_continuity,
    "lifecycle_order": timeline.lifecycle_order,
    "risk_scales": registers.risk_scales,
    "committee_conditions": registers.committee_conditions,
}

__all__ = ["CROSS", "Check", "Inconsistency"]
