"""The report as SARIF 2.1.0, for code-scanning dashboards and CI annotations.

One run per document language (English first, then Chinese; `run.language`), so that the rules'
help — title, the standard's rationale, suggestion — is in the language of the documents the run's
results are about; each run has its own `automationDetails.id` so that dashboards keep them apart.
A Word or Excel document has no lines: a finding's location is the artifact plus a logical location
(`paragraph 12`, `table 1, row 3, column 2`, `Risks!E7`) with the contract's location in its property bag.
Unreadable documents are tool execution notifications; suppressed findings carry `suppressions`.
"""
from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any, TextIO
from urllib.parse import quote

from checker.core.version import VERSION
from checker.report.catalogue import RuleInfo, describe
from checker.report.formats import Render
from checker.report.where import where

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {"blocker": "error", "major": "error", "minor": "warning", "info": "note"}
LANGUAGE = {"en": "en-US", "zh": "zh-CN"}


def write(report: dict[str, Any], out: TextIO, render: Render) -> None:
    json.dump(sarif_log(report, render), out, ensure_ascii=False, indent=2)
    out.write("\n")


def sarif_log(report: dict[str, Any], render: Render) -> dict[str, Any]:
    """The SARIF log of a report: one run per language of its documents (at least one run)."""
    languages = sorted({_language(d) for d in report["documents"]}, key=("en", "zh").index) or ["en"]
    return {"$schema": SCHEMA_URI, "version": "2.1.0",
            "runs": [_run(report, language, render) for language in languages]}


def _language(doc: dict[str, Any]) -> str:
    return "zh" if doc.get("language") == "zh" else "en"


def _run(report: dict[str, Any], language: str, render: Render) -> dict[str, Any]:
    documents = [d for d in report["documents"] if _language(d) == language]
    artifacts = [_artifact(d) for d in documents]
    index = {d["path"]: i for i, d in enumerate(documents)}
    rules: dict[str, int] = {}
    descriptors: list[dict[str, Any]] = []

    def rule_index(rule_id: str, severity: str) -> int:
        if rule_id not in rules:
            rules[rule_id] = len(descriptors)
            descriptors.append(_descriptor(describe(render.rules, rule_id, severity), language))
        return rules[rule_id]

    results = []
    for doc in documents:
        for f in doc["findings"]:
            result = _result(f, rule_index(f["rule"], f["severity"]))
            result["locations"] = [_location(doc["path"], index[doc["path"]], f.get("location"), language)]
            results.append(result)
    languages = {d["path"]: _language(d) for d in report["documents"]}
    for project in report.get("projects") or []:
        # A project's findings go in the run of its first document's language, with every evidence.
        first = next((p for p in project.get("documents") or [] if p in languages), None)
        if first is None or languages[first] != language:
            continue
        for f in project.get("findings") or []:
            result = _result(f, rule_index(f["rule"], f["severity"]))
            result["locations"] = [_location(e["path"], index.get(e["path"]), e.get("location"), language)
                                   for e in f.get("evidence") or [] if e.get("path")]
            result["properties"]["project"] = project.get("key")
            results.append(result)
    notifications = [{"level": "note" if d.get("skipped") else "error", "message": {"text": f"{d['error']['code']}: {d['error']['message']}"},
                      "locations": [_location(d["path"], index[d["path"]], None, language)],
                      "descriptor": {"id": d["error"]["code"]}}
                     for d in documents if d.get("error")]
    return {
        "tool": {"driver": {"name": "pmo-check", "version": VERSION, "semanticVersion": VERSION,
                            "rules": descriptors}},
        "automationDetails": {"id": f"pmo-check/{language}/"},
        "language": LANGUAGE[language],
        "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notifications}],
        "artifacts": artifacts,
        "results": results,
        "properties": {"checked_at": report.get("checked_at"), "summary": report.get("summary")},
    }


def _uri(path: str) -> str:
    """A relative reference for a path as the report gives it (forward slashes, percent-encoded)."""
    posix = PurePath(path).as_posix()
    return quote(posix, safe="/:") if not PurePath(path).is_absolute() else PurePath(path).as_uri()


def _artifact(doc: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"location": {"uri": _uri(doc["path"])},
                           "properties": {"format": doc.get("format"), "doc_type": doc.get("doc_type"),
                                          "score": doc.get("score")}}
    if doc.get("sha256"):
        out["hashes"] = {"sha-256": doc["sha256"]}
    if doc.get("language"):
        out["properties"]["language"] = doc["language"]
    return out


def _descriptor(rule: RuleInfo, language: str) -> dict[str, Any]:
    title = rule.title.get(language)
    out: dict[str, Any] = {
        "id": rule.id,
        "shortDescription": {"text": title},
        "help": {"text": rule.help(language)},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"severity": rule.severity, "automation": rule.automation,
                       "doc_types": list(rule.doc_types) if rule.doc_types else ["ALL"],
                       "tags": [rule.id.split("-", 1)[0], rule.severity]},
    }
    if rule.rationale:
        out["fullDescription"] = {"text": rule.rationale.get(language)}
    return out


def _result(finding: dict[str, Any], rule_index: int) -> dict[str, Any]:
    out: dict[str, Any] = {"ruleId": finding["rule"], "ruleIndex": rule_index,
                           "message": {"text": finding["message"]},
                           "properties": {"severity": finding["severity"]}}
    if finding.get("needs_review"):
        out.update(kind="review", level="none")  # a judgement rule never fails (SARIF: review, level none)
    else:
        out.update(kind="fail", level=LEVEL[finding["severity"]])
    if finding.get("suggestion"):
        out["properties"]["suggestion"] = finding["suggestion"]
    if finding.get("suppressed"):
        waiver = finding.get("suppression") or {}
        out["suppressions"] = [{"kind": "external" if waiver.get("source") == "config" else "inSource",
                                "status": "accepted", "justification": waiver.get("reason", ""),
                                "properties": waiver}]
    return out


def _location(path: str, artifact: int | None, location: dict[str, Any] | None, language: str) -> dict[str, Any]:
    artifact_location: dict[str, Any] = {"uri": _uri(path)}
    if artifact is not None:
        artifact_location["index"] = artifact
    out: dict[str, Any] = {"physicalLocation": {"artifactLocation": artifact_location}}
    if location:
        name = where(location, language) or location.get("heading") or ""
        if name:
            kind = "cell" if "sheet" in location else "tableCell" if "table" in location else \
                "paragraph" if "paragraph" in location else "part"
            logical: dict[str, Any] = {"name": name, "kind": kind}
            if location.get("heading"):
                logical["fullyQualifiedName"] = f"{location['heading']} › {name}"
            out["logicalLocations"] = [logical]
        if location.get("text"):
            out["message"] = {"text": location["text"]}
        out["properties"] = dict(location)
    return out
