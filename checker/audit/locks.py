"""One audit per source at a time, and runs whose process died marked as never finished.

A run holds each of its sources by a row in `source_locks` (the source is its primary key, so the
database itself refuses a second holder, on SQLite and PostgreSQL alike). A holder is
`host:pid:start` — the process's start time tells a live audit from a new process that got the same
pid. A lock whose holder is gone (same host, process not running; another host, no heartbeat for
`STALE_AFTER`) is taken over, and its run is marked `interrupted`: it never finished.
"""
from __future__ import annotations

import os
import socket
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from checker.audit.models import Run, SourceLock

STALE_AFTER = timedelta(minutes=10)  # a holder on another host without a heartbeat for this long is gone
HEARTBEAT_EVERY = 60.0  # seconds between a running audit's heartbeats


class SourceBusy(Exception):
    """Another audit holds a source; the message says which run and since when."""


def now() -> datetime:
    return datetime.now(timezone.utc)


def aware(moment: datetime) -> datetime:
    """SQLite gives back naive datetimes: they were written in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _start_time(pid: int) -> str:
    """The process's start time in clock ticks since boot (Linux), or '' where /proc has none."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            return fh.read().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return ""


def this_process() -> str:
    pid = os.getpid()
    return f"{socket.gethostname()}:{pid}:{_start_time(pid)}"


@dataclass(frozen=True)
class Holder:
    host: str
    pid: int
    start: str

    @classmethod
    def parse(cls, text: str) -> Holder:
        parts = text.rsplit(":", 2)
        if len(parts) == 3 and parts[1].isdigit():
            return cls(parts[0], int(parts[1]), parts[2])
        return cls(text, -1, "")

    def alive(self, heartbeat: datetime | None) -> bool:
        if self.host != socket.gethostname():
            return heartbeat is not None and now() - aware(heartbeat) < STALE_AFTER
        if self.pid <= 0:
            return False
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            pass  # someone else's process: it exists
        start = _start_time(self.pid)
        return not (self.start and start and start != self.start)


def mark_dead_runs(sessions: sessionmaker[Session]) -> list[int]:
    """Runs still `running` whose process is gone become `interrupted`; their locks are released."""
    marked = []
    with sessions.begin() as session:
        for run in session.scalars(select(Run).where(Run.status == "running")):
            holders = [run.holder, *session.scalars(select(SourceLock.holder).where(SourceLock.run_id == run.id))]
            if not any(Holder.parse(h).alive(run.heartbeat_at) for h in holders):
                run.status = "interrupted"
                marked.append(run.id)
        if marked:
            session.execute(delete(SourceLock).where(SourceLock.run_id.in_(marked)))
    return marked


def acquire(sessions: sessionmaker[Session], run_id: int, source_ids: list[int], uris: dict[int, str]) -> None:
    """Hold every source for `run_id`, or none. Raises SourceBusy when a live audit holds one."""
    holder = this_process()
    for _ in range(5):  # a lock released or taken over between our reads: look again
        try:
            with sessions.begin() as session:
                for source_id in source_ids:
                    session.add(SourceLock(source_id=source_id, run_id=run_id, holder=holder, acquired_at=now()))
            return
        except IntegrityError:
            pass
        with sessions.begin() as session:
            for lock in session.scalars(select(SourceLock).where(SourceLock.source_id.in_(source_ids))):
                run = session.get(Run, lock.run_id)
                if Holder.parse(lock.holder).alive(run.heartbeat_at if run else None):
                    since = aware(lock.acquired_at).strftime("%Y-%m-%d %H:%M UTC")
                    raise SourceBusy(f"{uris.get(lock.source_id, lock.source_id)} is being audited by run "
                                     f"{lock.run_id} (process {lock.holder}, since {since}); wait for it to finish "
                                     f"and run this audit again")
                # The holder is gone: its run never finished; the lock is ours to take.
                session.execute(update(Run).where(Run.id == lock.run_id, Run.status == "running")
                                .values(status="interrupted"))
                session.execute(delete(SourceLock).where(SourceLock.source_id == lock.source_id,
                                                         SourceLock.holder == lock.holder))
    raise SourceBusy("the sources' locks keep changing hands; another audit is starting: try again")


def release(sessions: sessionmaker[Session], run_id: int) -> None:
    with sessions.begin() as session:
        session.execute(delete(SourceLock).where(SourceLock.run_id == run_id))


class Heartbeat:
    """Keeps a run's heartbeat fresh while it works — listing a big library, a long document — since
    audits on other hosts judge its locks by it."""

    def __init__(self, sessions: sessionmaker[Session], run_id: int, every: float = HEARTBEAT_EVERY) -> None:
        self.sessions, self.run_id, self.every = sessions, run_id, every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, name="pmo-check-audit-heartbeat", daemon=True)
        self._thread.start()

    def _beat(self) -> None:
        while not self._stop.wait(self.every):
            try:
                with self.sessions.begin() as session:
                    session.execute(update(Run).where(Run.id == self.run_id).values(heartbeat_at=now()))
            except Exception:  # noqa: BLE001 - a missed beat is retried; the run itself reports store errors
                continue

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
