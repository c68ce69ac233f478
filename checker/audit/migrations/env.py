"""Alembic's environment for the audit store: run on the connection `checker.audit.store` hands over
(`config.attributes["connection"]`), or on the `sqlalchemy.url` of the configuration otherwise."""
from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from checker.audit.models import Base

config = context.config


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _migrate(connection)
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    try:
        with engine.begin() as connection:
            _migrate(connection)
    finally:
        engine.dispose()


def _migrate(connection) -> None:
    context.configure(connection=connection, target_metadata=Base.metadata,
                      render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


run()
