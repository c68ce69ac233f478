"""`pmo-check db upgrade|downgrade|current --db URL`: the audit store's schema, by its Alembic migrations
(shipped in checker/audit/migrations; `pmo-check audit` upgrades by itself)."""
from __future__ import annotations

import argparse
import sys
from typing import Any

from checker.cli.common import command

DESCRIPTION = """\
Manage the audit store's schema by the Alembic migrations shipped with
pmo-check: upgrade it (`pmo-check audit` does so by itself), downgrade it, or
say which revision it is at. `pmo-check scorecard` reads only a store at the
current revision."""

EXAMPLES = (
    ("pmo-check db current --db sqlite:///pmo-audit.db", "which revision the store is at"),
    ("pmo-check db upgrade --db postgresql+psycopg://pmo@db/pmo", "bring a shared store to this version"),
    ("pmo-check db downgrade base --db sqlite:///old.db", "remove every table of the store"),
)


def add_parser(sub: Any) -> None:
    db = command(sub, "db", "manage the audit store's schema", DESCRIPTION, EXAMPLES,
                 (("0", "done: the store's revision is printed"),
                  ("2", "bad options, a store that cannot be reached, or an unknown revision")))
    db.add_argument("action", choices=("upgrade", "downgrade", "current"), metavar="ACTION",
                    help="upgrade, downgrade or current")
    db.add_argument("revision", nargs="?", metavar="REVISION",
                    help="upgrade to it (default: head); downgrade to it (required; base: no table)")
    db.add_argument("--db", metavar="URL", help="the audit store, a SQLAlchemy URL (default: sqlite:///pmo-audit.db)")


def run(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from checker.audit import store

    url = args.db or store.DEFAULT_URL
    if args.action == "downgrade" and not args.revision:
        sys.stderr.write("pmo-check: error: db downgrade needs the revision to go down to (base: remove every table)\n")
        return 2
    try:
        engine = store.engine_for(url)
        try:
            if args.action == "upgrade":
                store.upgrade(engine, args.revision or "head")
            elif args.action == "downgrade":
                store.downgrade(engine, args.revision)
            revision = store.current(engine)
        finally:
            engine.dispose()
    except store.StoreError as exc:
        sys.stderr.write(f"pmo-check: {exc}\n")
        return 2
    except SQLAlchemyError as exc:
        sys.stderr.write(f"pmo-check: cannot use {store.shown(url)}: {getattr(exc, 'orig', exc)}\n")
        return 2
    except Exception as exc:  # noqa: BLE001 - Alembic's own errors (an unknown revision): a message, no traceback
        sys.stderr.write(f"pmo-check: {store.shown(url)}: {exc}\n")
        return 2
    head = store.head()
    state = "current" if revision == head else f"this pmo-check writes {head}"
    sys.stdout.write(f"{store.shown(url)}: schema {revision or 'none'} ({state})\n")
    return 0
