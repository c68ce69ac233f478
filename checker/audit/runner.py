"""One audit run: list the sources, carry over what did not change, check the rest, store it all.

1. The store is migrated, runs whose process died are marked `interrupted`, and the run holds its
   sources (a second audit of one of them is refused: `SourceBusy`). `--resume` takes up the
   latest unfinished run of the same sources and skips what it already recorded.
2. Each source is listed. A document whose content version (cTag; size and time of a file) and
   configuration are those of the last finished run is carried over without a check (`--full`
   checks everything).
3. The others are submitted to the checks — the local pool or a Dask cluster, one interface —
   with a bounded number in flight; library documents are downloaded by a few threads first.
   Results are written by the run's one writer, in batches (writer.py).
4. At the end the project view runs on the stored summaries, write-back (if asked) puts each
   library document's score into its columns, and the run is marked `finished` with its totals;
   the listing state (Graph's delta link) is kept for the next run.
"""
from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections import Counter
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from itertools import groupby
from typing import Any, Callable, Iterator, Mapping

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from checker.audit import locks
from checker.audit.executors import Checks, open_checks
from checker.audit.metadata import PmoMapping, document_properties, load_mapping, resolve
from checker.audit.models import Document, Finding, Project, Run, RunSource, Source
from checker.audit.progress import Progress
from checker.audit.projects import store_projects
from checker.audit.settings import AuditSettings
from checker.audit.sources import FolderSource, Item, Listing, Previous, parse_source
from checker.audit.store import DEFAULT_URL, Store, open_store
from checker.audit.writer import Checked, Reused, Writer, project_key
from checker.core.errors import ConfigError, ReadError
from checker.core.findings import SEVERITIES
from checker.core.options import Options
from checker.core.version import VERSION
from checker.report.exit_status import exit_status, unreadable

log = logging.getLogger("pmo_check")

DOWNLOADERS = 4  # threads fetching library documents while the workers check
IN_FLIGHT_PER_WORKER = 4  # documents submitted ahead of the workers, per worker


@dataclass(frozen=True)
class AuditRequest:
    """What `pmo-check audit` was asked to do."""

    sources: tuple[str, ...]
    db: str = DEFAULT_URL
    workers: int | None = None
    scheduler: str | None = None
    resume: bool = False
    full: bool = False
    options: Options = field(default_factory=Options)
    settings: AuditSettings = field(default_factory=AuditSettings)
    timeout: float = 60.0  # per document
    memory_limit: int | None = 2**30  # per worker process
    fail_on: str = "major"
    annotate: str | None = None  # a folder for annotated copies of the checked documents
    write_back: bool = False
    gate: str | None = None  # G0…G4: each project's readiness for that gate is assessed and stored
    progress: Callable[[int, int], None] | None = None  # (recorded, total), e.g. a progress bar; None: log lines


@dataclass(frozen=True)
class AuditResult:
    run_id: int
    resumed: bool
    documents: int
    checked: int
    reused: int
    errors: int
    projects: int
    mean_score: float | None
    findings: dict[str, int]
    store: str
    status: int  # the exit status, as for `check`
    this_attempt: int  # documents recorded by this process (less than `documents` when resumed)
    skipped: int = 0  # files listed that are not Word or Excel (never a failure)
    gates: dict[str, int] = field(default_factory=dict)  # projects by gate decision (with `gate`)


def audit(request: AuditRequest, checks_factory: Callable[..., Checks] = open_checks,
          graph: Any = None) -> AuditResult:
    """Run one audit (see the module docstring). Raises SourceError, ConfigError, StoreError,
    SourceBusy, MappingError for what the user must fix; a document that fails is only recorded."""
    if request.gate is not None:
        from checker.config.gates import GATE_IDS

        if request.gate not in GATE_IDS:
            raise ConfigError(f"{request.gate!r} is not a gate (gates: {', '.join(GATE_IDS)})")
    parsed = [parse_source(s) for s in request.sources]
    sources = [replace(p, options=request.options) if isinstance(p, FolderSource) else _library(p, request.settings, graph)
               for p in parsed]
    if len({s.uri for s in sources}) != len(sources):
        raise locks.SourceBusy("the same source is given twice")
    mapping = load_mapping(request.settings.mapping)
    store = open_store(request.db)
    try:
        return _audit(store, request, sources, mapping, checks_factory)
    finally:
        store.close()


def _library(address: Any, settings: AuditSettings, graph: Any) -> Any:
    from checker.audit.sharepoint import LibrarySource

    if graph is None:
        from checker.audit.graph import app_graph

        settings.require_app()
        graph = app_graph(settings)
    return LibrarySource(address, graph, settings)


def _audit(store: Store, request: AuditRequest, sources: list[Any], mapping: PmoMapping,
           checks_factory: Callable[..., Checks]) -> AuditResult:
    sessions = store.sessions
    source_ids = [_source_id(sessions, s) for s in sources]
    uris = dict(zip(source_ids, (s.uri for s in sources)))
    locks.mark_dead_runs(sessions)
    run_id, resumed = _start(sessions, source_ids, request)
    try:
        locks.acquire(sessions, run_id, source_ids, uris)
    except locks.SourceBusy:
        if not resumed:
            with sessions.begin() as session:
                session.delete(session.get(Run, run_id))
        raise
    if resumed:
        with sessions.begin() as session:
            run = session.get(Run, run_id)
            run.status, run.holder, run.heartbeat_at = "running", locks.this_process(), locks.now()
    heartbeat = locks.Heartbeat(sessions, run_id)
    try:
        recorded = _execute(sessions, run_id, request, list(zip(source_ids, sources)), mapping, checks_factory)
    except BaseException:
        heartbeat.stop()
        with sessions.begin() as session:
            run = session.get(Run, run_id)
            if run is not None and run.status == "running":
                run.status = "interrupted"
        locks.release(sessions, run_id)
        raise
    heartbeat.stop()
    locks.release(sessions, run_id)
    return _result(sessions, run_id, resumed, store.url, request.fail_on, recorded)


def _source_id(sessions: sessionmaker[Session], source: Any) -> int:
    for _ in range(2):
        with sessions.begin() as session:
            found = session.scalar(select(Source.id).where(Source.uri == source.uri))
            if found is not None:
                return found
        try:
            with sessions.begin() as session:
                row = Source(uri=source.uri, kind=source.kind, created_at=locks.now())
                session.add(row)
                session.flush()
                return row.id
        except IntegrityError:  # another audit added it meanwhile
            continue
    raise RuntimeError(f"cannot record the source {source.uri}")


def _start(sessions: sessionmaker[Session], source_ids: list[int], request: AuditRequest) -> tuple[int, bool]:
    """The run to work in: the latest unfinished one of these sources with --resume, else a new one."""
    with sessions.begin() as session:
        if request.resume:
            latest = session.scalars(select(Run).join(RunSource).where(RunSource.source_id == source_ids[0])
                                     .order_by(Run.id.desc()).limit(1)).first()
            if latest is not None and latest.status != "finished" and \
                    sorted(rs.source_id for rs in latest.sources) == sorted(source_ids):
                if latest.status == "running":  # its process is alive: mark_dead_runs left it running
                    raise locks.SourceBusy(f"run {latest.id} is still running (process {latest.holder}); "
                                           f"wait for it to finish, or stop it before resuming")
                return latest.id, True  # taken over once its sources are held
            log.warning("nothing to resume for these sources: starting a new run")
        run = Run(started_at=locks.now(), status="running", holder=locks.this_process(), heartbeat_at=locks.now(),
                  tool_version=VERSION, config_key=_options_key(request.options),
                  options={"workers": request.workers, "scheduler": request.scheduler, "full": request.full,
                           "gate": request.gate},
                  documents=0, checked=0, reused=0, errors=0)
        run.sources = [RunSource(source_id=s, listed=False) for s in source_ids]
        session.add(run)
        session.flush()
        return run.id, False


def _options_key(options: Options) -> str:
    """What a document's result depends on besides its content: a result is carried over only under the same."""
    config = getattr(options.config, "key", None) or ("discover" if options.discover else "default")
    rules = ",".join(sorted(options.rule_ids)) if options.rule_ids else "*"
    ignored = ",".join(sorted(options.ignore))
    as_of = options.today.isoformat() if options.today else "today"
    return hashlib.sha256(f"{VERSION}|{config}|{rules}|{ignored}|{as_of}".encode()).hexdigest()[:16]


class _Configs:
    """Each document's options and configuration key: the explicit configuration, or the pmo-check.toml
    that governs its folder (found here once per folder, so every worker gets it explicitly)."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self._by_folder: dict[str, tuple[Options, str]] = {}
        self._lock = threading.Lock()

    def of(self, item: Item) -> tuple[Options, str]:
        if self.options.config is not None or not self.options.discover or item.local_path is None:
            options = replace(self.options, discover=False)
            return options, _options_key(options)
        folder = os.path.dirname(os.path.abspath(item.local_path))
        with self._lock:
            if folder not in self._by_folder:
                from checker.config import settings as cfg

                found = cfg.discover(item.local_path)
                options = replace(self.options, config=cfg.load_file(found) if found else None, discover=False)
                self._by_folder[folder] = (options, _options_key(options))
            return self._by_folder[folder]


def _previous(session: Session, source_id: int) -> tuple[dict[str, Previous], RunSource | None]:
    """The documents of the last finished run of a source, by key, and that run's listing state."""
    last = session.scalars(select(RunSource).join(Run).where(RunSource.source_id == source_id, Run.status == "finished",
                                                             RunSource.listed.is_(True))
                           .order_by(Run.id.desc()).limit(1)).first()
    if last is None:
        return {}, None
    rows = session.execute(select(Document.id, Document.key, Document.path, Document.version, Document.etag,
                                  Document.url, Document.config_key)
                           .where(Document.run_id == last.run_id, Document.source_id == source_id))
    return {r.key: Previous(r.id, r.path, r.version, r.etag, r.url, r.config_key) for r in rows}, last


def _execute(sessions: sessionmaker[Session], run_id: int, request: AuditRequest, sources: list[tuple[int, Any]],
             mapping: PmoMapping, checks_factory: Callable[..., Checks]) -> int:
    """The run's work; the number of documents this process recorded."""
    progress = Progress(run_id, request.progress)
    listings: list[tuple[int, Any, Listing, dict[str, Previous]]] = []
    with sessions.begin() as session:
        done = {(s, k) for s, k in session.execute(select(Document.source_id, Document.key)
                                                    .where(Document.run_id == run_id))}
        bases = {sid: _previous(session, sid) for sid, _ in sources}
    try:
        for sid, source in sources:
            previous, base = bases[sid]
            listing = source.list(previous, base.delta_link if base else None, base.state if base else None,
                                  request.full)
            listings.append((sid, source, listing, previous))
        progress.listed(sum(len(lst.items) for _, _, lst, _ in listings), len(done))

        def written(record: Any) -> None:
            kind = "checked" if isinstance(record, Checked) else "unchanged"
            progress.advance(kind, isinstance(record, Checked) and unreadable(record.entry))

        writer = Writer(sessions, run_id, on_written=written)
        try:
            _dispatch(request, listings, done, mapping, writer, checks_factory)
        finally:
            recorded = writer.close().documents
    finally:
        progress.close()
    if request.write_back:
        for sid, source, _, _ in listings:
            if hasattr(source, "write_back"):
                source.write_back(sessions, run_id, sid, request.fail_on)
    with sessions.begin() as session:
        # Reviewed under the options the documents were checked with: a library's documents have no
        # folder, so no pmo-check.toml is looked for beside them (see _Configs).
        folders = any(isinstance(source, FolderSource) for _, source in sources)
        review_options = request.options if folders else replace(request.options, discover=False)
        store_projects(session, run_id, review_options, request.gate)
        run = session.get(Run, run_id)
        run.mean_score = _mean(session, run_id)
        for rs in run.sources:
            listing = next(lst for sid, _, lst, _ in listings if sid == rs.source_id)
            rs.listed, rs.delta_link, rs.state = True, listing.delta_link, listing.state
        run.status, run.finished_at, run.heartbeat_at = "finished", locks.now(), locks.now()
    return recorded


def _mean(session: Session, run_id: int) -> float | None:
    value = session.scalar(select(func.avg(Document.score)).where(Document.run_id == run_id))
    return round(float(value), 1) if value is not None else None


def _dispatch(request: AuditRequest, listings: list[tuple[int, Any, Listing, dict[str, Previous]]],
              done: set[tuple[int, str]], mapping: PmoMapping, writer: Writer,
              checks_factory: Callable[..., Checks]) -> None:
    """Carry over the unchanged documents; submit the others and hand their entries to the writer."""
    configs = _Configs(request.options)
    to_check: list[tuple[int, Any, Item, Options, str]] = []
    for sid, source, listing, previous in listings:
        for item in listing.items:
            if (sid, item.key) in done:
                continue
            options, config_key = configs.of(item)
            before = previous.get(item.key)
            if (not request.full and before is not None and item.version is not None
                    and before.version == item.version and before.config_key == config_key
                    and (item.error is None or item.skipped)):
                groups = resolve(mapping, project=None, path=item.path, columns=item.columns, properties={},
                                 named_manager=None)
                writer.put(Reused(sid, item, before.document_id, groups))
            else:
                to_check.append((sid, source, item, options, config_key))
    if not to_check:
        return
    from checker.run.pool import default_workers

    workers = max(1, min(request.workers or default_workers(), len(to_check)))  # no idle processes to start
    checks = checks_factory(request.scheduler, workers, request.timeout, request.memory_limit)
    capacity = max(2, IN_FLIGHT_PER_WORKER * checks.size)
    slots = threading.Semaphore(capacity)  # a slot per document between its fetch and its record
    stopping = threading.Event()
    failures: list[BaseException] = []
    max_bytes = request.options.limits.max_file_bytes
    annotators = ThreadPoolExecutor(2, thread_name_prefix="pmo-check-audit-annotate") if request.annotate else None

    def submit(sid: int, source: Any, item: Item, options: Options, config_key: str) -> None:
        def finish(entry: Mapping[str, Any] | None, properties: Mapping[str, str], data: bytes | None = None) -> None:
            try:
                if entry is None or stopping.is_set():
                    return  # cancelled: the run stops, a resumed run checks it
                entry = {**entry, "path": item.path}
                named = (entry.get("project") or {}).get("manager")
                groups = resolve(mapping, project=project_key(entry.get("project")), path=item.path,
                                 columns=item.columns, properties=properties, named_manager=named)
                writer.put(Checked(sid, item, entry, groups, config_key))
                if annotators is not None and not entry.get("error"):
                    annotators.submit(_annotate, request.annotate, source, item, entry, data, max_bytes)
            except BaseException as exc:  # noqa: BLE001 - reported by the dispatching thread
                failures.append(exc)
            finally:
                slots.release()

        slots.acquire()
        if stopping.is_set():
            slots.release()
            return
        if item.error is not None:
            finish(_error_entry(item, item.error), {})
            return
        try:
            data = source.fetch(item, max_bytes) if (item.local_path is None or checks.needs_data) else None
        except ReadError as err:
            finish(_error_entry(item, err), {})
            return
        except BaseException as exc:  # noqa: BLE001 - e.g. Graph unreachable: the run stops, resumable
            failures.append(exc)
            slots.release()
            return
        properties = document_properties(item.local_path if data is None else None, data)
        kept = data if annotators is not None else None
        future = checks.submit(item.path if data is not None else item.local_path, options, data)
        future.add_done_callback(lambda f: finish(_entry_of(f, item), properties, kept))

    fetchers = ThreadPoolExecutor(DOWNLOADERS, thread_name_prefix="pmo-check-audit-fetch")
    try:
        for fetched in [fetchers.submit(submit, *task) for task in to_check]:
            fetched.result()
            if failures:
                raise failures[0]
        for _ in range(capacity):  # every document recorded (its callback done), not only checked
            slots.acquire()
        if failures:
            raise failures[0]
    except BaseException:
        stopping.set()
        fetchers.shutdown(wait=False, cancel_futures=True)
        checks.shutdown(wait=False, cancel_futures=True)
        slots.release(capacity)  # fetchers waiting for a slot see `stopping` and return
        raise
    finally:
        if annotators is not None:
            annotators.shutdown(wait=True)
    fetchers.shutdown(wait=True)
    checks.shutdown(wait=True)


def _entry_of(future: Future, item: Item) -> dict[str, Any] | None:
    """The check's entry (None when it was cancelled); a check that could not run at all (a lost cluster
    worker) is recorded as such."""
    if future.cancelled():
        return None
    try:
        return future.result()
    except BaseException as exc:  # noqa: BLE001 - one document never stops the run
        log.error("%s: could not be checked: %s: %s", item.path, type(exc).__name__, exc)
        return _error_entry(item, ReadError("corrupt", f"The document could not be checked ({type(exc).__name__})."))


def _error_entry(item: Item, err: ReadError) -> dict[str, Any]:
    """The entry of a document that was not checked; a skipped one (not Word or Excel) says so, as in `check`."""
    from checker.run.document import error_entry

    entry = error_entry(item.path, err, None)
    if item.skipped:
        entry["skipped"] = True
    return entry


def _annotate(folder: str, source: Any, item: Item, entry: Mapping[str, Any], data: bytes | None, max_bytes: int) -> None:
    """An annotated copy of a checked document under `folder`, at the document's path in its source."""
    from checker.report.annotate import AnnotateError, annotate

    live = [f for f in entry.get("findings") or () if not f.get("suppressed")]
    if not live:
        return
    try:
        raw = data if data is not None else source.fetch(item, max_bytes)
        copy = annotate(raw, entry.get("format") or "", live, entry.get("language") or "en")
    except (AnnotateError, ReadError) as exc:
        log.warning("%s: not annotated: %s", item.path, exc)
        return
    where = item.key if item.local_path else item.path  # a library item's key is its id: use its path
    target = os.path.join(folder, *[p for p in where.split("/") if p not in ("", ".", "..")])
    os.makedirs(os.path.dirname(target), exist_ok=True)
    partial = f"{target}.partial"
    with open(partial, "wb") as fh:
        fh.write(copy)
    os.replace(partial, target)


def _result(sessions: sessionmaker[Session], run_id: int, resumed: bool, url: str, fail_on: str,
            recorded: int) -> AuditResult:
    with sessions.begin() as session:
        run = session.get(Run, run_id)
        counts = dict(session.execute(select(Finding.severity, func.count()).join(Document)
                                      .where(Document.run_id == run_id, Finding.suppressed.is_(False))
                                      .group_by(Finding.severity)).all())
        projects = list(session.scalars(select(Project).where(Project.run_id == run_id)))
        skipped = session.scalar(select(func.count()).select_from(Document)
                                 .where(Document.run_id == run_id, Document.skipped.is_(True))) or 0
        findings = {s: int(counts.get(s, 0)) for s in SEVERITIES}
        # As for `check` (checker.report.exit_status), over the run's stored documents and projects.
        report = {"documents": _status_entries(session, run_id),
                  "projects": [{"findings": [{"rule": f.rule, "severity": f.severity, **(f.extra or {})}
                                             for f in p.findings]} for p in projects]}
        status = exit_status(report, fail_on)
        gates = Counter(g.decision for p in projects for g in p.gates)
        return AuditResult(run_id, resumed, run.documents, run.checked, run.reused, run.errors, len(projects),
                           run.mean_score, findings, url, status, recorded, skipped, dict(gates))


def _status_entries(session: Session, run_id: int) -> Iterator[dict[str, Any]]:
    """The run's documents as the report entries `exit_status` reads (error, skipped, findings), streamed
    in document order: the first failing one ends the reading."""
    documents, findings = Document.__table__, Finding.__table__
    rows = session.execute(select(documents.c.id, documents.c.error_code, documents.c.skipped, findings.c.rule,
                                  findings.c.severity, findings.c.suppressed, findings.c.needs_review)
                           .outerjoin(findings).where(documents.c.run_id == run_id)
                           .order_by(documents.c.id, findings.c.id).execution_options(yield_per=2000))
    for _, group in groupby(rows, key=lambda row: row.id):
        found = list(group)
        first = found[0]
        yield {"error": {"code": first.error_code} if first.error_code else None, "skipped": first.skipped,
               "findings": [{"rule": f.rule, "severity": f.severity, "suppressed": f.suppressed,
                             "needs_review": f.needs_review} for f in found if f.rule is not None]}
