"""The pipeline: file → safe opening → reader → model → classifier → rules → findings → report.

`check_file` does one file and never raises: whatever goes wrong becomes the document's `error`.
`check` expands folders, checks every file and assembles the contract's report.
"""
from __future__ import annotations

import logging
import os
from typing import Any, Callable

from checker.config.governing import options as _options
from checker.config.governing import tailoring_for
from checker.core.errors import ReadError
from checker.core.options import Options
from checker.io.paths import expand
from checker.report.json import build_report
from checker.run.document import error_entry

log = logging.getLogger("pmo_check")

SCHEMA = "pmo-check/report@1"


def _expand(paths: Any) -> list[Any]:
    """`expand`, tolerating what the API may be handed instead of path strings (bytes, PathLike,
    None, numbers): what is not a path becomes a not-found entry, never an exception."""
    from checker.io.paths import Item

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


def listed(paths: list[str], options: Options) -> list[Any]:
    """What `check` lists for `paths` (checker.io.paths.Item each): folders walked, the configuration's
    own files and what it excludes left out, skipped files kept. Raises ConfigError for a configuration
    the run cannot use. The audit lists its folders with it."""
    return _tailor_items(_expand(paths), paths, options)


def _tailor_items(items: list[Any], paths: Any, options: Options) -> list[Any]:
    """Validate every configuration the run will use (ConfigError before any report), and drop the
    configuration's own files and what an explicit or ancestor pmo-check.toml excludes from folders."""
    from checker.config import tailoring

    given: set[str] = set()
    for p in [paths] if isinstance(paths, (str, bytes, os.PathLike)) else (paths if isinstance(paths, list) else []):
        try:
            given.add(os.path.abspath(os.fsdecode(p)))
        except (TypeError, ValueError):
            continue
    kept = []
    for item in items:
        if item.error is not None and not item.skipped:
            kept.append(item)
            continue
        tailored = tailoring_for(item.path, options)
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
    from checker.config import settings as cfg

    if tailored.source and tailored.source != "<dict>":
        try:
            return cfg.load_file(tailored.source).packs
        except cfg.ConfigError:
            return ()
    return ()


def check(paths: list[str], config: Any = None,
          progress: Callable[[int, int], None] | None = None) -> dict[str, Any]:
    """The contract's Python API: the JSON report for files and folders, as a dict. `progress(done,
    total)` is called before the first document is checked and as each one finishes."""
    from checker.project import review
    from checker.run.executor import run_checks
    from checker.run.scoring import score_projects

    options = _options(config)
    if paths is not None and not isinstance(paths, (str, bytes, os.PathLike, list)):
        try:
            paths = list(paths)  # a generator is read once, by _expand and _tailor_items alike
        except TypeError:
            pass
    items = listed(paths, options)
    # Each document in a worker process with a time budget (checker/run/executor.py); one alone inline.
    todo = [item.path for item in items if item.error is None]
    finished = 0

    def done(path: str) -> None:
        nonlocal finished
        finished += 1
        progress(finished, len(todo))  # type: ignore[misc]

    if progress is not None:
        progress(0, len(todo))
    checked = iter(run_checks(todo, options, done=done if progress is not None else None))
    documents = [_unchecked(item) if item.error is not None else next(checked) for item in items]
    # The project view: documents grouped into projects and checked against each other (XD-*), and
    # assessed for a gate when one is asked; it reads the summaries the workers returned.
    projects = review(documents, options)
    report = build_report(documents, projects, summaries=options.summaries)
    score_projects(report["projects"], report["documents"])
    return report


def _unchecked(item: Any) -> dict[str, Any]:
    """The entry of a path that was not opened: not found, or skipped while walking a folder."""
    entry = error_entry(item.path, item.error, None)
    if item.skipped:
        entry["skipped"] = True
    return entry
