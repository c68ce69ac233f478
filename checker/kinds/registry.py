"""The rule kinds, by name: one table (as Ruff's `codes.rs`, Vale's list of check types), not a package walk.

A pack names a kind; `kind(name)` imports its module when a rule first needs it, so a command that
builds few rules does not import them all. Adding a kind is adding its module and one line here (a
test keeps the table and the package in step). An organisation adds a kind of its own without
forking by exposing a `Kind` subclass (with its `Params`) under the entry-point group
`pmo_check.kinds` (the entry point's name is the kind's name); the built-in names are looked up
first, so a plug-in cannot replace a built-in kind.
"""
from __future__ import annotations

import importlib
import logging
from functools import lru_cache
from importlib.metadata import EntryPoint, entry_points
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.kinds.base import Kind

log = logging.getLogger("pmo_check")

ENTRY_POINTS = "pmo_check.kinds"

# kind name -> "module:class" under checker.kinds
KINDS: dict[str, str] = {
    "approval_links": "approval_links:ApprovalLinks",
    "approvals": "approvals:Approvals",
    "columns": "columns:Columns",
    "cost_sums": "cost_sums:CostSums",
    "cross_document": "project_rules:CrossDocument",
    "date_order": "date_order:DateOrder",
    "date_spread": "date_spread:DateSpread",
    "dates_valid": "dates_valid:DatesValid",
    "doc_control": "doc_control:DocControl",
    "external_references": "security:ExternalReferences",
    "figures": "figures:Figures",
    "gate": "project_rules:GateCriterion",
    "guidance_text": "guidance_text:GuidanceText",
    "macros": "security:Macros",
    "money_units": "money_units:MoneyUnits",
    "percentages": "percentages:Percentages",
    "placeholders": "placeholders:Placeholders",
    "raci": "raci:Raci",
    "report_table": "report_table:ReportTable",
    "required_sections": "required_sections:RequiredSections",
    "review": "review:Review",
    "revision_history": "revision_history:RevisionHistory",
    "row_count": "row_count:RowCount",
    "row_dates": "row_dates:RowDates",
    "row_formula": "row_formula:RowFormula",
    "row_required": "row_required:RowRequired",
    "schedule": "schedule:Schedule",
    "schedule_logic": "schedule_logic:ScheduleLogic",
    "section_content": "section_content:SectionContent",
    "status_disposition": "status_disposition:StatusDisposition",
    "status_version": "status_version:StatusVersion",
    "unique": "unique:Unique",
    "uppercase_amount": "uppercase_amount:UppercaseAmount",
    "vague_terms": "vague_terms:VagueTerms",
    "vocabulary": "vocabulary:Vocabulary",
}


@lru_cache(maxsize=None)
def kind(name: str) -> type[Kind] | None:
    """The kind called `name` (built-in, else a plug-in), or None."""
    target = KINDS.get(name)
    if target is not None:
        module, _, cls = target.partition(":")
        return getattr(importlib.import_module(f"checker.kinds.{module}"), cls)
    ep = _plugins().get(name)
    return ep.load() if ep is not None else None


def names() -> list[str]:
    """Every kind a pack may name: the built-in ones and the plug-ins'."""
    return sorted({*KINDS, *_plugins()})


def module_of(name: str) -> str:
    """The module that defines kind `name` ('checker.kinds.row_dates', or the plug-in's)."""
    target = KINDS.get(name)
    if target is not None:
        return "checker.kinds." + target.partition(":")[0]
    cls = kind(name)
    return cls.__module__ if cls is not None else ""


@lru_cache(maxsize=1)
def _plugins() -> dict[str, EntryPoint]:
    """The plug-in kinds by name (entry points, not loaded yet); read once, when first needed."""
    out = {}
    for ep in entry_points(group=ENTRY_POINTS):
        if ep.name in KINDS:
            log.warning("plug-in kind %r (%s) ignored: a built-in kind has that name", ep.name, ep.value)
            continue
        out[ep.name] = ep
    return out
