"""The pipeline: file → safe opening → reader → model → classifier → rules → findings → report.

`check_file` does one file and never raises: whatever goes wrong becomes the document's `error`.
`check` expands folders, checks every file and assembles the contract's report.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from functools import lru_cache
from typing import Any, Iterable

from checker import __version__
from checker.errors import ReadError
from checker.findings import SEVERITIES, Finding
from checker.paths import expand
from checker.scoring import score

log = logging.getLogger("pmo_check")

SCHEMA = "pmo-check/report@1"


@dataclass(frozen=True)
class Options:
    """What a run may tailor; later issues add profiles, packs and suppressions here."""

    today: date | None = None
    rule_ids: frozenset[str] | None = None  # only these rules, when given


def _options(config: Any) -> Options:
    if isinstance(config, Options):
        return config
    if isinstance(config, dict):
        return Options(**{k: v for k, v in config.items() if k in Options.__dataclass_fields__})
    return Options()


@lru_cache(maxsize=1)
def _rules() -> tuple:
    """Every built-in rule, instantiated once per process."""
    from checker.kinds import registry
    from checker.rulepack import PackError, builtin_specs

    kinds = registry()
    built = []
    for spec in builtin_specs():
        kind = kinds.get(spec.kind)
        if kind is None:
            raise PackError(f"rule {spec.id}: unknown kind '{spec.kind}'")
        built.append(kind(spec))
    return tuple(built)


def _format_of(path: str) -> str:
    ext = os.path.splitext(path)[1].lower().lstrip(".")
    return ext if ext in ("docx", "docm", "xlsx", "xlsm") else "other"


def _error_entry(path: str, err: ReadError, sha256: str | None, fmt: str | None = None) -> dict[str, Any]:
    entry: dict[str, Any] = {"path": path, "format": fmt or _format_of(path), "doc_type": "UNKNOWN",
                             "score": None, "findings": [], "error": err.to_dict()}
    if sha256:
        entry["sha256"] = sha256
    return entry


def check_file(path: str, options: Options | None = None) -> dict[str, Any]:
    """One document entry of the report. Never raises."""
    from checker.safe_open import open_document, sha256_of

    options = options or Options()
    try:
        opened = open_document(path)
    except ReadError as err:
        return _error_entry(path, err, sha256_of(path))
    try:
        return _check_opened(opened, options)
    except ReadError as err:
        return _error_entry(path, err, opened.sha256, opened.format)
    except MemoryError:
        return _error_entry(path, ReadError("too-large", "The document is too large to check in memory."),
                            opened.sha256, opened.format)
    except Exception as exc:  # noqa: BLE001 - one bad file never stops the others
        log.error("%s: internal error while checking: %s: %s", path, type(exc).__name__, exc)
        return _error_entry(path, ReadError("corrupt", f"The document could not be checked ({type(exc).__name__})."),
                            opened.sha256, opened.format)


def _check_opened(opened, options: Options) -> dict[str, Any]:
    from checker.classify import classify
    from checker.facts import extract_project
    from checker.kinds import Context
    from checker.readers import read_document
    from checker.text import detect_language

    doc = read_document(opened)
    result = classify(doc)
    language = detect_language(doc.all_text())
    ctx = Context(doc=doc, doc_type=result.doc_type, language=language, today=options.today or date.today())
    findings = list(run_rules(ctx, options))
    entry: dict[str, Any] = {
        "path": opened.path,
        "sha256": opened.sha256,
        "format": opened.format,
        "doc_type": result.doc_type,
        "doc_type_confidence": result.confidence,
        "language": language,
    }
    project = extract_project(doc)
    if project:
        entry["project"] = project
    entry["score"] = score(findings)
    entry["findings"] = [f.to_dict() for f in findings]
    entry["error"] = None
    return entry


def run_rules(ctx, options: Options) -> Iterable[Finding]:
    for rule in _rules():
        if options.rule_ids is not None and rule.spec.id not in options.rule_ids:
            continue
        if not rule.applies(ctx):
            continue
        try:
            yield from rule.check(ctx)
        except Exception as exc:  # noqa: BLE001 - a faulty rule must not lose the other findings
            log.error("%s: rule %s failed: %s: %s", ctx.doc.path, rule.spec.id, type(exc).__name__, exc)


def summarise(documents: list[dict[str, Any]]) -> dict[str, Any]:
    counts = {s: 0 for s in SEVERITIES}
    for doc in documents:
        for f in doc["findings"]:
            if not f.get("suppressed"):
                counts[f["severity"]] += 1
    return {"documents": len(documents), "errors": sum(1 for d in documents if d.get("error")),
            "findings": counts}


def group_projects(documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Documents of one project, keyed by project id (or name when there is no id)."""
    groups: dict[str, list[str]] = {}
    for doc in documents:
        project = doc.get("project") or {}
        key = project.get("id") or project.get("name")
        if key:
            groups.setdefault(str(key), []).append(doc["path"])
    return [{"key": k, "documents": v, "findings": []} for k, v in groups.items()]


def build_report(documents: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "tool": {"name": "pmo-check", "version": __version__},
        "checked_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        "documents": documents,
        "projects": group_projects(documents),
        "summary": summarise(documents),
    }


def check(paths: list[str], config: Any = None) -> dict[str, Any]:
    """The contract's Python API: the JSON report for files and folders, as a dict."""
    options = _options(config)
    documents: list[dict[str, Any]] = []
    for item in expand(paths):
        if item.error is not None:
            documents.append(_error_entry(item.path, item.error, None))
        else:
            documents.append(check_file(item.path, options))
    return build_report(documents)
