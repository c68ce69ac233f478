"""The entries of a register, as the project view compares them: risks (id, state, level, owner),
issues (id, state, level, owner), changes (id, decision, decision date, cost and schedule impact),
stakeholders (name, role); and the one change a change-request form records.

States and decisions are normalised here (`open`/`closed`/`occurred`; `approved`/`rejected`/
`deferred`/`pending`/`withdrawn`), levels to Low/Medium/High/Critical, so that the project view
compares plain values. A register longer than MAX_ROWS keeps its first MAX_ROWS entries and says so.
"""
from __future__ import annotations

import re
from typing import Any

from checker.analysis.context import Context
from checker.analysis.registers import RegisterView, disposition_of, register, status_of
from checker.analysis.risk_scales import profile_for, scale_values, scales
from checker.analysis.sections import find_section
from checker.analysis.summary.located import at, id_key
from checker.text.dates import parse_date
from checker.text.money import is_unit, parse_money
from checker.text.normalize import label_unit, nfkc

MAX_ROWS = 2000
_DAYS = re.compile(r"([+-]?\d+(?:\.\d+)?)\s*(working days?|business days?|days?|d\b|weeks?|wks?|months?|"
                   r"个?工作日|天|日|周|个月|月)", re.I)


def _rows(view: RegisterView) -> range:
    return range(min(len(view.rows), MAX_ROWS))


def _block(view: RegisterView, items: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {"rows": items, "total": len(view.rows)}
    if len(view.rows) > MAX_ROWS:
        out["truncated"] = True
    return out


def risks(ctx: Context) -> dict[str, Any] | None:
    view = register(ctx, "RISK_REGISTER")
    if view is None:
        return None
    found = scales(ctx.vocab)
    ids, statuses, levels = view.texts("risk_id"), view.texts("status"), view.texts("level")
    owners, responses = view.texts("owner"), view.texts("response")
    scores = view.numbers("score")
    probability, impact = scale_values(ctx.vocab, view, "probability"), scale_values(ctx.vocab, view, "impact")
    profile = profile_for(ctx, view)
    items = []
    for n in _rows(view):
        row = view.rows[n]
        level = found.level_of(levels[n]) if levels[n] else None
        score = scores[n] if scores[n] is not None else (
            probability[n] * impact[n] if probability[n] is not None and impact[n] is not None else None)
        if level is None and score is not None and profile is not None:
            level = profile.band(score)
        item: dict[str, Any] = {"id": ids[n] or f"#{row.line}", "location": at(row.location)}
        _put(item, "key", id_key(ids[n]) if ids[n] else None)
        _put(item, "state", status_of(ctx.vocab, statuses[n]) if statuses[n] else None)
        _put(item, "level", level)
        _put(item, "owner", owners[n])
        _put(item, "response", responses[n][:120])
        items.append(item)
    out = _block(view, items)
    if profile is not None and not profile.assumed:
        out["bands"] = {level: list(bounds) for level, bounds in profile.bands.items()}
    top = max([v for v in (*probability, *impact) if v is not None], default=None)
    if top is not None:
        out["scale"] = 3 if top <= 3 else 5
    return out


def issues(ctx: Context) -> dict[str, Any] | None:
    view = register(ctx, "ISSUE_REGISTER")
    if view is None:
        return None
    found = scales(ctx.vocab)
    ids, statuses = view.texts("issue_id"), view.texts("status")
    severities, priorities = view.texts("severity"), view.texts("priority")
    owners, targets, types = view.texts("owner"), view.dates("target_date"), view.texts("type")
    linked = view.texts("linked_cr")
    items = []
    for n in _rows(view):
        row = view.rows[n]
        item: dict[str, Any] = {"id": ids[n] or f"#{row.line}", "location": at(row.location)}
        _put(item, "key", id_key(ids[n]) if ids[n] else None)
        _put(item, "state", status_of(ctx.vocab, statuses[n]) if statuses[n] else None)
        _put(item, "level", found.level_of(severities[n] or priorities[n]) if (severities[n] or priorities[n]) else None)
        _put(item, "owner", owners[n])
        _put(item, "type", types[n][:40])
        _put(item, "due", targets[n].isoformat() if targets[n] else None)
        _put(item, "linked", id_key(linked[n]) if linked[n] else None)
        items.append(item)
    return _block(view, items)


def changes(ctx: Context) -> dict[str, Any] | None:
    """The change log's entries (id, decision, decision date, cost impact, schedule impact in days)."""
    view = register(ctx, "CHANGE_LOG")
    if view is None:
        return None
    ids, statuses, dispositions = view.texts("id"), view.texts("status"), view.texts("disposition")
    decided, costs, slips = view.dates("decision_date"), view.texts("cost_impact"), view.texts("schedule_impact")
    cost_unit = label_unit(view.label("cost_impact")) if "cost_impact" in view.columns else None
    items = []
    for n in _rows(view):
        row = view.rows[n]
        item: dict[str, Any] = {"id": ids[n] or f"#{row.line}", "location": at(view.location_of(row, "id"))}
        _put(item, "key", id_key(ids[n]) if ids[n] else None)
        _put(item, "decision", disposition_of(ctx.vocab, dispositions[n]) or disposition_of(ctx.vocab, statuses[n]))
        if decided[n] is not None:
            item["date"] = decided[n].isoformat()
            item["date_location"] = at(view.location_of(row, "decision_date"))
        _put(item, "cost", _amount(costs[n], cost_unit))
        _put(item, "days", days_of(slips[n]))
        items.append(item)
    return _block(view, items)


def stakeholders(ctx: Context) -> list[dict[str, Any]]:
    view = register(ctx, "STAKEHOLDER_REGISTER")
    if view is None:
        return []
    names, roles = view.texts("name"), view.texts("role")
    return [{"name": names[n], "role": roles[n][:60], "location": at(view.rows[n].location)}
            for n in _rows(view) if names[n]]


def change_form(ctx: Context) -> dict[str, Any] | None:
    """The change a change-request form records: id, decision, decision date, cost and schedule impact."""
    hit = find_section(ctx, "cr_id")
    key = id_key(hit.text) if hit is not None and hit.kind == "field" else None
    if hit is None or key is None:
        return None
    out: dict[str, Any] = {"id": hit.text.strip()[:40], "key": key, "location": at(hit.location)}
    decision = find_section(ctx, "decision")
    if decision is not None and decision.kind == "field":
        _put(out, "decision", disposition_of(ctx.vocab, decision.text))
        out["decision_location"] = at(decision.location)
    for field in ctx.doc.fields:
        if re.search(r"approv\w* date|decision date|date of decision|审批日期|批准日期|决策日期|审批时间", field.label, re.I):
            when = parse_date(field.value)
            if when is not None:
                out["date"] = when.isoformat()
                out["date_location"] = at(field.location)
                break
    cost = find_section(ctx, "impact_cost")
    if cost is not None and cost.kind == "field":
        _put(out, "cost", _amount(cost.text, label_unit(cost.title)))
    schedule = find_section(ctx, "impact_schedule")
    if schedule is not None and schedule.kind == "field":
        _put(out, "days", days_of(schedule.text))
    return out


def days_of(text: str) -> float | None:
    """A schedule impact in calendar days ('+10 working days' → 14, '2 weeks' → 14, 'None' → 0)."""
    t = nfkc(text or "").strip()
    if not t:
        return None
    if re.fullmatch(r"(?:none|no impact|n/?a|0|无|无影响|不影响)", t, re.I):
        return 0.0
    m = _DAYS.search(t)
    if m is None:
        return None
    n, unit = float(m.group(1)), m.group(2).lower()
    if unit.startswith(("week", "wk")) or unit == "周":
        return n * 7
    if unit.startswith("month") or unit in ("个月", "月"):
        return n * 30
    if "work" in unit or "business" in unit or "工作日" in unit:
        return round(n * 7 / 5)
    return n


def _amount(text: str, unit: str | None) -> float | None:
    t = (text or "").strip()
    if not t:
        return None
    if re.fullmatch(r"(?:none|no impact|n/?a|无|无影响)", t, re.I):
        return 0.0
    money = parse_money(t, unit_hint=unit if is_unit(unit) else None)
    if money is None:
        return None
    return -money.amount if re.match(r"^\s*[-−–]", nfkc(t)) else money.amount


def _put(item: dict[str, Any], key: str, value: Any) -> None:
    if value not in (None, ""):
        item[key] = value
