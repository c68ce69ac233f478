"""Opening the audit store: any SQLAlchemy URL (SQLite by default), its schema kept by Alembic.

The migrations ship inside the package (`checker/audit/migrations`), so `pmo-check audit` and
`pmo-check db upgrade` bring any store to the schema of the installed version; commands that only
read (`pmo-check scorecard`) refuse a store whose schema is not the current one and say what to run.
SQLite gets WAL journaling, foreign keys and a busy timeout, so that a scorecard can read while an
audit writes, and two audits of one file wait for each other instead of failing.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

DEFAULT_URL = "sqlite:///pmo-audit.db"
MIGRATIONS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "migrations")
SQLITE_BUSY_SECONDS = 60


class StoreError(Exception):
    """The store cannot be used (bad URL, unreachable, schema out of date); the message says why."""


@dataclass(frozen=True)
class Store:
    """An engine and its session factory; `url` is safe to print (no password)."""

    engine: Engine
    sessions: sessionmaker[Session]
    url: str

    def close(self) -> None:
        self.engine.dispose()


def shown(url: str) -> str:
    """The URL as messages show it: without its password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def engine_for(url: str) -> Engine:
    """An engine for `url`; SQLite with WAL, foreign keys and a busy timeout. Raises StoreError."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(f"{url!r} is not a database URL (for example sqlite:///pmo-audit.db or "
                         f"postgresql+psycopg://user@host/pmo)") from None
    sqlite = parsed.get_backend_name() == "sqlite"
    try:
        engine = create_engine(parsed, connect_args={"timeout": SQLITE_BUSY_SECONDS} if sqlite else {})
    except (NoSuchModuleError, ImportError) as exc:
        raise StoreError(f"no driver for {shown(url)}: {exc}") from None
    if sqlite:
        if parsed.database and parsed.database != ":memory:":
            folder = os.path.dirname(os.path.abspath(parsed.database))
            if not os.path.isdir(folder):
                raise StoreError(f"cannot open {shown(url)}: the folder {folder} does not exist")
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(connection, record) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_SECONDS * 1000}")
    cursor.close()


def _alembic_config(connection):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    config.attributes["connection"] = connection
    return config


def head() -> str:
    """The schema revision this version of pmo-check writes."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    return ScriptDirectory.from_config(config).get_current_head()  # type: ignore[return-value]


def current(engine: Engine) -> str | None:
    """The store's schema revision (None: no schema yet)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the store up to `revision`, in one transaction where the database allows it."""
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Migrate the store down to `revision` (`base`: no tables left)."""
    from alembic import command

    with engine.begin() as connection:
        command.downgrade(_alembic_config(connection), revision)


def open_store(url: str = DEFAULT_URL, *, migrate: bool = True) -> Store:
    """The store at `url`: migrated to the current schema (`migrate`), or checked to have it.
    Raises StoreError with a message for the user."""
    engine = engine_for(url)
    try:
        if migrate:
            upgrade(engine)
        else:
            have, want = current(engine), head()
            if have != want:
                if have is None and not inspect(engine).get_table_names():
                    raise StoreError(f"{shown(url)} holds no audit yet: run `pmo-check audit SOURCE --db URL` first")
                raise StoreError(f"{shown(url)} has schema {have or 'none'}, this pmo-check reads {want}: "
                                 f"run `pmo-check db upgrade --db URL`")
    except StoreError:
        engine.dispose()
        raise
    except OperationalError as exc:
        engine.dispose()
        raise StoreError(f"cannot open {shown(url)}: {getattr(exc, 'orig', exc)}") from None
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(f"cannot use {shown(url)}: {type(exc).__name__}: {getattr(exc, 'orig', exc)}") from None
    return Store(engine, sessionmaker(engine, expire_on_commit=False), shown(url))
