"""What a gate report shows of each project, worked out once from the report's `gate` blocks for the
text and the HTML gate reports: the decision, the required documents and whether each is met, what
is missing, the failed criteria with their messages and evidence, the conditions, what was not
assessed — in the project's language."""
from __future__ import annotations

from typing import Any

from checker.lexicon.vocabulary import shipped_vocabulary
from checker.report.labels import labels, majority_language
from checker.report.where import where

DECISIONS = ("ready", "conditional", "not-ready")


def type_name(doc_type: str, language: str) -> str:
    """A document type as a reader names it ('Project Charter', '项目章程')."""
    names = (shipped_vocabulary().type_spec(doc_type).get("names") or {}).get("zh" if language == "zh" else "en") or []
    return names[0] if names else doc_type


def projects(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Each assessed project as the gate reports show it."""
    by_path = {d["path"]: d for d in report.get("documents") or []}
    out = []
    for p in report.get("projects") or []:
        gate = p.get("gate")
        if not gate:
            continue
        lang = majority_language(by_path.get(path, {}).get("language") for path in p["documents"])
        L = labels(lang)
        findings = {f["rule"]: f for f in p.get("findings") or [] if not f.get("suppressed")}
        failed = []
        for item in gate.get("failed") or []:
            finding = findings.get(item["rule"])
            evidence = [{"path": e.get("path", ""), "where": where(e.get("location"), lang), "value": e.get("value", "")}
                        for e in (finding or {}).get("evidence") or []]
            failed.append({**item, "message": item.get("message") or (finding or {}).get("message", ""),
                           "evidence": evidence})
        out.append({
            "key": p["key"], "name": p.get("name"), "lang": lang, "L": L, "decision": gate["decision"],
            "gate": gate["id"], "gate_name": (gate.get("name") or {}).get(lang) or gate["id"],
            "documents": p["documents"], "superseded": p.get("superseded") or [],
            "missing": [{"type": t, "name": type_name(t, lang)} for t in gate.get("missing_documents") or []],
            "required": [{**r, "name": type_name(r["doc_type"], lang), "state_word": L.get(r["state"], r["state"])}
                         for r in gate.get("required") or []],
            "failed": failed, "conditions": gate.get("conditions") or [], "not_assessed": gate.get("not_assessed") or [],
        })
    return out


def counts(items: list[dict[str, Any]]) -> dict[str, int]:
    return {d: sum(1 for p in items if p["decision"] == d) for d in DECISIONS}
