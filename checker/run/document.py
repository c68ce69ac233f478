"""One file through the pipeline: safe opening → reader → model → classifier → rules → findings.

`check_file` never raises: whatever goes wrong becomes the document's `error` entry.
"""
from __future__ import annotations

import logging
import os
from datetime import date
from typing import Any, Iterable

from checker.analysis.inventory import inventory
from checker.analysis.template_state import document_state
from checker.config.governing import tailoring_for
from checker.core.display import display_path
from checker.core.errors import ReadError
from checker.core.findings import Finding
from checker.core.gc_pause import cyclic_gc_paused
from checker.core.options import Options
from checker.run.scoring import document_score

log = logging.getLogger("pmo_check")


def rules_of(tailored: Any = None) -> tuple:
    """The rules of a tailoring (default: the built-in packs as shipped), instantiated once per process."""
    from checker.config import tailoring

    return tailoring.kinds(tailored or tailoring.default())


def _format_of(path: str) -> str:
    ext = os.path.splitext(path)[1].lower().lstrip(".")
    return ext if ext in ("docx", "docm", "xlsx", "xlsm") else "other"


def error_entry(path: str, err: ReadError, sha256: str | None, fmt: str | None = None) -> dict[str, Any]:
    entry: dict[str, Any] = {"path": display_path(path), "format": fmt or _format_of(path), "doc_type": "UNKNOWN",
                             "score": None, "findings": [], "error": err.to_dict()}
    if sha256:
        entry["sha256"] = sha256
    return entry


def check_file(path: str, options: Options | None = None, data: bytes | None = None) -> dict[str, Any]:
    """One document entry of the report. Never raises.

    With `data`, the document is those bytes (an upload held in memory) and `path` only names it;
    give such options `discover=False`, since there is no folder to find a pmo-check.toml in.
    """
    import hashlib

    from checker.io.safe_open import open_bytes, open_document, sha256_of

    options = options or Options()
    try:
        opened = open_document(path, options.limits) if data is None else open_bytes(path, data, options.limits)
    except ReadError as err:
        return error_entry(path, err, sha256_of(path) if data is None else hashlib.sha256(data).hexdigest())
    try:
        # A document's model is big and acyclic (checker.core.gc_pause): its whole check, not only its
        # reading, runs with the cyclic collector paused, Word documents as workbooks (a 200,000-paragraph
        # plan spent 8 of 52 s in collections; its peak memory is the same either way: benchmarks --scale).
        with cyclic_gc_paused():
            return _check_opened(opened, options)
    except ReadError as err:
        return error_entry(path, err, opened.sha256, opened.format)
    except MemoryError:
        return error_entry(path, ReadError("too-large", "The document is too large to check in memory."),
                           opened.sha256, opened.format)
    except Exception as exc:  # noqa: BLE001 - one bad file never stops the others
        log.error("%s: internal error while checking: %s: %s", path, type(exc).__name__, exc)
        return error_entry(path, ReadError("corrupt", f"The document could not be checked ({type(exc).__name__})."),
                           opened.sha256, opened.format)


def analyse(opened, options: Options) -> tuple[Any, Any, Any]:
    """(the rule context, the classification, the tailoring) of an opened document: everything the
    rules (and `pmo-check explain`) read."""
    from checker.analysis.classify import classify
    from checker.analysis.context import Context
    from checker.io.readers import read_document
    from checker.text.language import detect_language, message_language

    tailored = tailoring_for(opened.path, options)
    vocab = tailored.vocab
    doc = read_document(opened, vocab)
    result = classify(doc, vocab)
    text = doc.all_text(limit=200_000)  # what the language detection samples
    language = detect_language(text)
    today = options.today or tailored.as_of or date.today()
    ctx = Context(doc=doc, doc_type=result.doc_type, language=language, today=today,
                  vocab=vocab, profile=tailored.profile, size=tailored.size, locale=tailored.locale,
                  nlp_models=tailored.nlp,
                  message_language="zh" if language == "zh" else message_language(text) if language == "mixed" else "en")
    return ctx, result, tailored


def _check_opened(opened, options: Options) -> dict[str, Any]:
    from checker.analysis.facts import extract_project
    from checker.analysis.summary import summarize
    from checker.config import waivers

    ctx, result, tailored = analyse(opened, options)
    doc, vocab, language = ctx.doc, ctx.vocab, ctx.language
    applied: dict[str, str] = {}
    findings = list(run_rules(ctx, options, tailored, applied))
    findings = [f for f in waivers.apply(findings, ctx, tailored) if options.selects(f.rule)]  # SUP-* too
    entry: dict[str, Any] = {
        "path": display_path(opened.path),
        "sha256": opened.sha256,
        "format": opened.format,
        "doc_type": result.doc_type,
        "doc_type_confidence": result.confidence,
        "language": language,
    }
    project = extract_project(vocab, doc)
    if project:
        entry["project"] = project
    # What the project view compares across documents (checker.project works on summaries only).
    entry["summary"] = summarize(ctx)
    # The model is not needed for the report: free it (a big register's grid) before the findings
    # become dicts, and drop each Finding as its dict is made.
    ctx.release()
    del doc, ctx
    # No compliance score for a document that was not recognised: no standard measured it.
    entry["score"] = None if result.doc_type == "UNKNOWN" else document_score(applied, findings)
    entry["rules_applied"] = sorted(applied)  # what passed is what applied and found nothing (JUnit, scorecards)
    entry["findings"] = _finding_dicts(findings)
    entry["error"] = None
    return entry


def _finding_dicts(findings: list[Finding]) -> list[dict[str, Any]]:
    """The findings as the report's dicts, releasing each Finding (and its Location) once converted."""
    out = []
    for i, f in enumerate(findings):
        out.append(f.to_dict())
        findings[i] = None  # type: ignore[call-overload]
    return out


def run_rules(ctx, options: Options, tailored: Any = None, applied: dict[str, str] | None = None) -> Iterable[Finding]:
    """The findings of every rule that applies to the document; each such rule's id and severity go
    into `applied` (the score weighs the rules that applied, not only those that found something)."""
    rules = [rule for rule in rules_of(tailored) if options.selects(rule.spec.id) and rule.applies(ctx)]
    scans = []
    for rule in rules:
        try:
            scans.extend(rule.scans(ctx))
        except Exception as exc:  # noqa: BLE001 - its check will say what is wrong; the others go on
            log.error("%s: rule %s failed: %s: %s", ctx.doc.path, rule.spec.id, type(exc).__name__, exc)
    if scans:
        inventory(ctx).expect(scans)  # before anything scans the inventory (the document's state does)
    for rule in rules:
        if rule.spec.blank_template == () and document_state(ctx).state == "template":
            continue
        if applied is not None:
            applied[rule.spec.id] = rule.spec.severity
        try:
            yield from (f for f in rule.check(ctx) if rule.wanted(ctx, f))
        except Exception as exc:  # noqa: BLE001 - a faulty rule must not lose the other findings
            log.error("%s: rule %s failed: %s: %s", ctx.doc.path, rule.spec.id, type(exc).__name__, exc)
