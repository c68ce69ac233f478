"""The pipeline: file → safe opening → reader → model → classifier → rules → findings → report.

`check_file` does one file and never raises: whatever goes wrong becomes the document's `error`.
`check` expands folders, checks every file and assembles the contract's report.
"""
from __future__ import annotations

import logging
import os
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any, Iterable

from checker import __version__
from checker.errors import ReadError
from checker.findings import SEVERITIES, Finding
from checker.gc_pause import cyclic_gc_paused
from checker.paths import expand
from checker.scoring import score
from checker.safe_open import Limits

log = logging.getLogger("pmo_check")

SCHEMA = "pmo-check/report@1"


@dataclass(frozen=True)
class Options:
    """What a run may set: the check date, a rule subset, resource bounds and the configuration."""

    today: date | None = None
    rule_ids: frozenset[str] | None = None  # only these rules, when given
    # Resource bounds (docs/security.md): the opening layer's limits, and for a run the executor's.
    limits: Limits = Limits()
    workers: int | None = None  # worker processes for several documents; None: one per CPU, 0: inline
    timeout: float = 60.0  # seconds per document; over it the entry is the `timeout` error
    memory_limit: int | None = 2**30  # address space per worker process, bytes; None: no cap
    isolate: bool = False  # check even a single document in a worker process (service, audit)
    # Tailoring (docs/configuration.md): an explicit checker.config.Config, else (discover=True) the
    # pmo-check.toml nearest to each document; neither: the defaults.
    config: Any = None
    discover: bool = True


_RUNTIME = ("today", "rule_ids", "limits", "workers", "timeout", "memory_limit", "isolate")


def _options(config: Any) -> Options:
    """Options from the API's `config`: Options, a dict (runtime options such as `today` and/or the
    pmo-check.toml shape), a path to a TOML file, or None. Raises checker.config.ConfigError."""
    from collections.abc import Mapping

    from checker.config import load as load_config

    if isinstance(config, Options):
        return config
    if config is None:
        return Options()
    if isinstance(config, Mapping):
        runtime = {k: v for k, v in config.items() if k in _RUNTIME}
        rest = {k: v for k, v in config.items() if k not in _RUNTIME}
        loaded = load_config(rest) if rest else None
        return Options(**runtime, config=loaded, discover=loaded is None)
    return Options(config=load_config(config), discover=False)


def _tailoring(path: str, options: Options):
    """The tailoring that governs `path`: the explicit config, the discovered one, or the defaults."""
    from checker import config as cfg, tailoring

    if options.config is not None:
        return tailoring.build(options.config)
    if options.discover:
        found = cfg.discover(path)
        if found:
            return tailoring.build(cfg.load_file(found))
    return tailoring.default()


def _rules(tailored: Any = None) -> tuple:
    """The rules of a tailoring (default: the built-in packs as shipped), instantiated once per process."""
    from checker import tailoring

    return tailoring.kinds(tailored or tailoring.default())


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
        opened = open_document(path, options.limits)
    except ReadError as err:
        return _error_entry(path, err, sha256_of(path))
    try:
        # A workbook's model is big and acyclic (checker.gc_pause): its whole check, not only its
        # reading, runs with the cyclic collector paused. Word models are small: no gain there.
        with cyclic_gc_paused() if opened.format in ("xlsx", "xlsm") else nullcontext():
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

    from checker import suppress
    from checker.tailoring import lexicon_scope

    tailored = _tailoring(opened.path, options)
    with lexicon_scope(tailored):
        doc = read_document(opened)
        result = classify(doc)
        language = detect_language(doc.all_text(limit=200_000))  # what detect_language samples
        ctx = Context(doc=doc, doc_type=result.doc_type, language=language, today=options.today or date.today(),
                      profile=tailored.profile, size=tailored.size, locale=tailored.locale)
        findings = list(run_rules(ctx, options, tailored))
        findings = suppress.apply(findings, ctx, tailored)
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
    # The model is not needed for the report: free it (a big register's grid) before the findings
    # become dicts, and drop each Finding as its dict is made.
    del doc, ctx
    entry["score"] = score(findings)
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


def run_rules(ctx, options: Options, tailored: Any = None) -> Iterable[Finding]:
    for rule in _rules(tailored):
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


def _expand(paths: Any) -> list[Any]:
    """`expand`, tolerating what the API may be handed instead of path strings (bytes, PathLike,
    None, numbers): what is not a path becomes a not-found entry, never an exception."""
    from checker.paths import Item

    try:
        raw = [paths] if isinstance(paths, (str, bytes, os.PathLike)) else list(paths if paths is not None else [])
    except TypeError:  # not iterable
        raw = [paths]
    strings: list[str | None] = []
    for p in raw:
        try:
            strings.append(os.fsdecode(p))
        except (TypeError, ValueError):
            strings.append(None)
    if all(s is not None for s in strings):
        return expand(strings)  # type: ignore[arg-type]
    items: list[Any] = []
    for p, s in zip(raw, strings):
        items.extend(expand([s]) if s is not None else
                     [Item(repr(p)[:200], ReadError("not-found", "Not a file or folder path."))])
    return items


def _tailor_items(items: list[Any], paths: Any, options: Options) -> list[Any]:
    """Validate every configuration the run will use (ConfigError before any report), and drop the
    configuration's own files and what an explicit or ancestor pmo-check.toml excludes from folders."""
    from checker import tailoring

    given: set[str] = set()
    for p in [paths] if isinstance(paths, (str, bytes, os.PathLike)) else (paths if isinstance(paths, list) else []):
        try:
            given.add(os.path.abspath(os.fsdecode(p)))
        except (TypeError, ValueError):
            continue
    kept = []
    for item in items:
        if item.error is not None:
            kept.append(item)
            continue
        tailored = _tailoring(item.path, options)
        absolute = os.path.abspath(item.path)
        if absolute not in given:
            own = {tailored.source, *getattr(options.config, "packs", ()), *tailored_packs(tailored)}
            if absolute in own or tailored.excludes(item.path):
                continue
        kept.append(item)
    if options.config is not None:
        tailoring.build(options.config)
    return kept


def tailored_packs(tailored: Any) -> tuple[str, ...]:
    from checker import config as cfg

    if tailored.source and tailored.source != "<dict>":
        try:
            return cfg.load_file(tailored.source).packs
        except cfg.ConfigError:
            return ()
    return ()


def check(paths: list[str], config: Any = None) -> dict[str, Any]:
    """The contract's Python API: the JSON report for files and folders, as a dict."""
    from checker.executor import run_checks

    options = _options(config)
    if paths is not None and not isinstance(paths, (str, bytes, os.PathLike, list)):
        try:
            paths = list(paths)  # a generator is read once, by _expand and _tailor_items alike
        except TypeError:
            pass
    items = _tailor_items(_expand(paths), paths, options)
    # Each document in a worker process with a time budget (checker/executor.py); one alone inline.
    checked = iter(run_checks([item.path for item in items if item.error is None], options))
    documents = [_error_entry(item.path, item.error, None) if item.error is not None else next(checked)
                 for item in items]
    return build_report(documents)
