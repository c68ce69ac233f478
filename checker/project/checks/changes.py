"""The change trail: XD-06 change-request forms, the change log and the reports that cite changes
agree on ids, decisions and dates; XD-07 a baselined document changes only by an approved change or a
gate decision (no silent re-baselining)."""
from __future__ import annotations

import re
from typing import Any, Iterable

from checker.analysis.summary.located import ID, id_key
from checker.project.checks.budget import approved_changes
from checker.project.checks.common import Inconsistency, by_key, day, evidence, joined, prefixes, short
from checker.project.model import Doc, Project
from checker.project.versions import newer
from checker.text.normalize import nfkc

_DECISIONS = {"approved": ("approved", "批准"), "rejected": ("rejected", "否决"), "deferred": ("deferred", "暂缓"),
              "pending": ("pending", "待审批"), "withdrawn": ("withdrawn", "撤回")}
_CITING = ("STATUS_REPORT", "MEETING_MINUTES", "CLOSURE_REPORT", "END_STAGE_REPORT")
_BASELINED = ("SCHEDULE", "COST_PLAN", "SCOPE_STATEMENT", "PMP", "CHARTER", "PID")
_GATE_DECISION = re.compile(r"\bgate\b|\bG[0-4]\b|stage[- ]gate|关口|评审会|评审委员会|计划评审|基线评审", re.I)


def decision_word(value: str | None, language: str) -> str:
    if not value:
        return "—"
    en, zh = _DECISIONS.get(value, (value, value))
    return zh if language == "zh" else en


def change_trail(project: Project, params: Any) -> Iterable[Inconsistency]:
    lang = project.language
    log_docs = project.of("CHANGE_LOG")
    log = {key: (doc, row) for doc in log_docs for key, row in by_key(doc.rows("changes")).items()}
    forms = {row["key"]: (doc, row) for doc in project.of("CHANGE_REQUEST") for row in doc.rows("changes")
             if row.get("key")}
    if log_docs:
        for key, (doc, form) in forms.items():
            if key not in log:
                yield Inconsistency([evidence(doc, form.get("location"), form["id"]),
                                     evidence(log_docs[0], {}, "—")], {"id": form["id"]}, variant="unlogged")
                continue
            log_doc, row = log[key]
            if form.get("decision") and row.get("decision") and form["decision"] != row["decision"]:
                yield Inconsistency([evidence(doc, form.get("decision_location") or form.get("location"),
                                              decision_word(form["decision"], lang)),
                                     evidence(log_doc, row.get("location"), decision_word(row["decision"], lang))],
                                    {"id": form["id"], "form": decision_word(form["decision"], lang),
                                     "log": decision_word(row["decision"], lang)}, variant="decision")
            elif form.get("date") and row.get("date") and \
                    abs((day(form["date"]) - day(row["date"])).days) > params.date_days:  # type: ignore[operator]
                yield Inconsistency([evidence(doc, form.get("date_location"), form["date"]),
                                     evidence(log_doc, row.get("date_location") or row.get("location"), row["date"])],
                                    {"id": form["id"], "form": form["date"], "log": row["date"]}, variant="date")
        if forms:
            decided = [(doc, row) for key, (doc, row) in log.items()
                       if key not in forms and row.get("decision") == "approved"]
            if decided:
                yield Inconsistency([evidence(doc, row.get("location"), row["id"]) for doc, row in decided[:20]],
                                    {"ids": joined([row["id"] for _, row in decided[:10]], lang), "count": len(decided)},
                                    variant="no_form")
    known = {**{k: v for k, v in forms.items()}, **log}
    change_prefixes = prefixes(known)
    if not change_prefixes:
        return
    for doc in project.of(*_CITING):
        seen: set[str] = set()
        for cited in doc.part("cited") or []:
            key = cited.get("key")
            if not key or key.split("-", 1)[0] not in change_prefixes or (key in seen and not cited.get("decision")):
                continue
            seen.add(key)
            if key not in known:
                yield Inconsistency([evidence(doc, cited.get("location"), cited["id"])],
                                    {"id": cited["id"], "document": short(doc)}, variant="unknown")
                continue
            source, row = known[key]
            said = cited.get("decision")
            if said and row.get("decision") and said != row["decision"] and _decided_by(row, doc):
                yield Inconsistency([evidence(doc, cited.get("location"), decision_word(said, lang)),
                                     evidence(source, row.get("location"), decision_word(row["decision"], lang))],
                                    {"id": cited["id"], "document": short(doc), "said": decision_word(said, lang),
                                     "recorded": decision_word(row["decision"], lang)}, variant="cited")


def _decided_by(row: dict[str, Any], report: Doc) -> bool:
    """The decision was made by the report's date (a report cites the state as of its date)."""
    decided = day(row.get("date"))
    dates = report.part("dates") or {}
    as_of = day((dates.get("report") or dates.get("period_end") or report.value("identity", "date") or {}).get("value"))
    return decided is None or as_of is None or decided <= as_of


def rebaselining(project: Project, params: Any) -> Iterable[Inconsistency]:
    """Each newer version of a baselined document cites, in its new revision-history rows, an approved
    change (dated no later than the version) or a gate decision."""
    approved = {row["key"]: row for _, row in approved_changes(project) if row.get("key")}
    for doc_type in _BASELINED:
        for line in project.versions(doc_type):
            for previous, doc in zip(line, line[1:]):
                if not previous.approved or not newer(doc, previous):
                    continue  # drafting before the first approved version; a copy of the same version
                rows = _new_revisions(previous, doc)
                when = day((doc.value("identity", "date") or {}).get("value")) or \
                    max((day(r.get("date")) for r in rows if day(r.get("date"))), default=None)
                cited = {id_key(m.group(0)) for r in rows for m in ID.finditer(nfkc(r.get("summary", "")))}
                justified = any(k in approved and (when is None or day(approved[k].get("date")) is None or
                                                   day(approved[k]["date"]) <= when) for k in cited if k) or \
                    any(_GATE_DECISION.search(r.get("summary", "")) for r in rows)
                if not justified:
                    shown = rows[-1] if rows else {}
                    yield Inconsistency([evidence(previous, (previous.value("identity", "version") or {}).get("location"),
                                                  _version(previous)),
                                         evidence(doc, shown.get("location") or (doc.value("identity", "version") or {})
                                                  .get("location"), f"{_version(doc)}: {shown.get('summary', '')}".strip(": "))],
                                        {"document": short(doc), "version": _version(doc), "previous": _version(previous)})


def _new_revisions(previous: Doc, doc: Doc) -> list[dict[str, Any]]:
    """The revision-history rows of `doc` that `previous` does not have."""
    old = {(r.get("version"), r.get("date")) for r in previous.part("revisions") or []}
    return [r for r in doc.part("revisions") or [] if (r.get("version"), r.get("date")) not in old]


def _version(doc: Doc) -> str:
    found = doc.value("identity", "version")
    return str(found["value"]) if found else short(doc)

