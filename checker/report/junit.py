"""The report as JUnit XML, for CI servers: a test suite per document, a test case per rule.

A rule that applied and found nothing passes. It fails when it has an unsuppressed finding at or
above the run's fail level (`--fail-on`, as the exit status); findings below it, and judgement
rules' "needs review" notes, are printed in the case's `system-out`. A rule whose findings are
all suppressed is `skipped` with the waiver's reason. An unreadable document is one case with an
`error`; a file skipped while walking a folder (not Word or Excel) one `skipped` case. Cross-document
findings form a suite per project.
"""
from __future__ import annotations

from typing import Any, Iterable, TextIO

from lxml import etree

from checker.report.catalogue import describe
from checker.report.exit_status import failing
from checker.report.formats import Render
from checker.report.where import where
from checker.report.xmltext import xml_safe


def write(report: dict[str, Any], out: TextIO, render: Render) -> None:
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(etree.tostring(junit_xml(report, render), encoding="unicode", pretty_print=True))


def junit_xml(report: dict[str, Any], render: Render) -> etree._Element:
    root = etree.Element("testsuites", name="pmo-check", time="0")
    for doc in report["documents"]:
        root.append(_document_suite(doc, render, report.get("checked_at")))
    languages = {d["path"]: d.get("language") for d in report["documents"]}
    for project in report.get("projects") or []:
        if project.get("findings"):
            language = next((languages[p] for p in project.get("documents") or [] if languages.get(p)), "en")
            root.append(_suite(f"project {project['key']}", f"project {project['key']}", project["findings"],
                               (), language, render, report.get("checked_at")))
    for key in ("tests", "failures", "errors"):
        root.set(key, str(sum(int(s.get(key)) for s in root)))
    return root


def _document_suite(doc: dict[str, Any], render: Render, timestamp: str | None) -> etree._Element:
    if doc.get("error"):
        suite = _new_suite(doc["path"], timestamp)
        case = etree.SubElement(suite, "testcase", name="read", classname=_safe(doc["path"]), time="0")
        etree.SubElement(case, "skipped" if doc.get("skipped") else "error", type=doc["error"]["code"],
                         message=_safe(doc["error"]["message"]))
        _count(suite)
        return suite
    suite = _suite(doc["path"], doc["path"], doc["findings"], doc.get("rules_applied") or (),
                   doc.get("language") or "en", render, timestamp)
    properties = etree.Element("properties")
    for name in ("doc_type", "language", "score", "sha256"):
        if doc.get(name) is not None:
            etree.SubElement(properties, "property", name=name, value=str(doc[name]))
    suite.insert(0, properties)
    return suite


def _new_suite(name: str, timestamp: str | None) -> etree._Element:
    suite = etree.Element("testsuite", name=_safe(name), tests="0", failures="0", errors="0", skipped="0", time="0")
    if timestamp:
        suite.set("timestamp", timestamp)
    return suite


def _suite(name: str, classname: str, findings: list[dict[str, Any]], applied: Iterable[str], language: str,
           render: Render, timestamp: str | None) -> etree._Element:
    suite = _new_suite(name, timestamp)
    by_rule: dict[str, list[dict[str, Any]]] = {rule: [] for rule in applied}
    for f in findings:
        by_rule.setdefault(f["rule"], []).append(f)
    for rule_id in sorted(by_rule):
        found = by_rule[rule_id]
        rule = describe(render.rules, rule_id, found[0]["severity"] if found else "info")
        case = etree.SubElement(suite, "testcase", name=_safe(f"{rule_id} {rule.title.get(language)}"),
                                classname=_safe(classname), time="0")
        live = [f for f in found if not f.get("suppressed")]
        failures = [f for f in live if failing(f, render.fail_on)]
        if failures:
            worst = failures[0]
            failure = etree.SubElement(case, "failure", type=worst["severity"], message=_safe(worst["message"]))
            failure.text = _safe("\n".join(_line(f, language) for f in live))
        elif live:
            etree.SubElement(case, "system-out").text = _safe("\n".join(_line(f, language) for f in live))
        elif found:
            reason = (found[0].get("suppression") or {}).get("reason", "")
            etree.SubElement(case, "skipped", message=_safe(f"suppressed: {reason}"))
    _count(suite)
    return suite


def _line(finding: dict[str, Any], language: str) -> str:
    place = where(finding.get("location"), language) or ", ".join(
        f"{e.get('path')} {where(e.get('location'), language)}".strip() for e in finding.get("evidence") or [])
    text = f"[{finding['severity']}{' needs review' if finding.get('needs_review') else ''}] {finding['message']}"
    text += f" ({place})" if place else ""
    return text + (f"\n  → {finding['suggestion']}" if finding.get("suggestion") else "")


def _count(suite: etree._Element) -> None:
    cases = suite.findall("testcase")
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(sum(1 for c in cases if c.find("failure") is not None)))
    suite.set("errors", str(sum(1 for c in cases if c.find("error") is not None)))
    suite.set("skipped", str(sum(1 for c in cases if c.find("skipped") is not None)))


def _safe(text: str) -> str:
    return xml_safe(str(text))
