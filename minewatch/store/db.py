"""Engines, transactions and migrations: one database URL names the store.

SQLite and PostgreSQL run the same code. The differences live here: SQLite
write transactions start with ``BEGIN IMMEDIATE`` so two writers queue
instead of failing half-way, and :func:`retry` knows which errors of either
engine mean "try the same transaction again".
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import orjson
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.dialects import postgresql, sqlite

MIGRATIONS = Path(__file__).parent / "migrations"
WRITE = "minewatch_write"  # execution option: this transaction will write

T = TypeVar("T")


def normalize_url(url: str) -> str:
    """``postgresql://`` and ``postgres://`` URLs use the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _json_dumps(value: object) -> str:
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()


def _json_loads(value: str | bytes | float) -> object:
    # SQLite gives a JSON column NUMERIC affinity: a number stored as JSON comes back a number
    return orjson.loads(value) if isinstance(value, str | bytes) else value


# JSON columns through orjson: a document's structure is hundreds of rows, and the standard
# library's encoder took a tenth of the writer's time.
JSON = {"json_serializer": _json_dumps, "json_deserializer": _json_loads}


def engine(url: str, pool_size: int = 10, max_overflow: int = 20) -> sa.Engine:
    """An engine for ``url``; SQLite files get WAL, foreign keys and queued writers."""
    if url.startswith("sqlite"):
        eng = sa.create_engine(url, connect_args={"timeout": 30, "check_same_thread": False}, **JSON)

        @sa.event.listens_for(eng, "connect")
        def _pragmas(dbapi_conn, _record) -> None:  # pragma: no cover - driver hook
            dbapi_conn.isolation_level = None  # SQLAlchemy emits BEGIN itself, below
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA cache_size=-32768")  # 32 MB: keeps the fact-key index hot past 100k facts
            cur.close()

        @sa.event.listens_for(eng, "begin")
        def _begin(conn: sa.Connection) -> None:  # pragma: no cover - driver hook
            # A deferred transaction that reads and then writes fails outright
            # (SQLITE_BUSY_SNAPSHOT) when another writer committed in between;
            # an immediate one waits for the write lock before it reads.
            conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN")

        return eng
    return sa.create_engine(
        normalize_url(url), pool_pre_ping=True, pool_size=pool_size, max_overflow=max_overflow, **JSON
    )


@contextmanager
def write(eng: sa.Engine) -> Iterator[sa.Connection]:
    """A transaction that will write: committed on success, rolled back on error."""
    with eng.connect() as conn:
        conn.execution_options(**{WRITE: True})
        with conn.begin():
            yield conn


def insert(eng: sa.Engine | sa.Connection, table: sa.Table):
    """An INSERT of the engine's own dialect, so it can say ``ON CONFLICT DO NOTHING``."""
    return (postgresql.insert if eng.dialect.name == "postgresql" else sqlite.insert)(table)


# SQLSTATEs worth a second try: serialization failure, deadlock, the server
# shutting down or starting up, and every connection exception (class 08).
_TRANSIENT_STATES = {"40001", "40P01", "57P01", "57P02", "57P03"}


def is_transient(exc: BaseException) -> bool:
    """Whether ``exc`` means the same transaction may well succeed if run again."""
    if not isinstance(exc, sa.exc.DBAPIError):
        return isinstance(exc, ConnectionError)
    if exc.connection_invalidated:
        return True
    orig = exc.orig
    state = getattr(orig, "sqlstate", None)
    if state:
        return state in _TRANSIENT_STATES or state.startswith("08")
    if type(orig).__module__.startswith("psycopg"):
        # No SQLSTATE: the driver could not reach the server (refused, shutting down, gone).
        return isinstance(exc, sa.exc.OperationalError | sa.exc.InterfaceError)
    return "database is locked" in str(orig).lower()


def retry(fn: Callable[[], T], attempts: int = 8, delay: float = 0.2, max_delay: float = 5.0) -> T:
    """Run ``fn`` (one whole transaction) again after a transient error, backing off.

    Only idempotent work belongs here: when a connection drops during COMMIT
    nobody knows whether it landed, so running it again must be harmless.
    """
    for attempt in range(attempts):
        try:
            return fn()
        except (sa.exc.OperationalError, sa.exc.InterfaceError, sa.exc.DBAPIError) as e:
            if attempt == attempts - 1 or not is_transient(e):
                raise
        time.sleep(min(max_delay, delay * 2**attempt))
    raise AssertionError("unreachable")  # pragma: no cover


def retrying(method: Callable[..., T]) -> Callable[..., T]:
    """Decorate an idempotent store query (a read, or a save that skips what is known) with :func:`retry`."""

    @functools.wraps(method)
    def wrapper(*args, **kwargs) -> T:
        return retry(lambda: method(*args, **kwargs))

    return wrapper


def alembic_config(connection: sa.Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def migrate(eng: sa.Engine, revision: str = "heads") -> None:
    """Bring the store's tables up to ``revision`` (idempotent).

    ``heads``: every line of migrations, so two written in parallel from the
    same parent (say 0003 and 0004 after 0002) both apply, in either order.
    A revision may name several heads joined by ``+``, as :func:`current_revision` gives them.
    """
    with write(eng) as conn:
        if conn.dialect.name == "postgresql":
            # Two processes opening a new store at once must not both create it.
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7316470)")
        cfg = alembic_config(conn)
        for target in revision.split("+"):
            command.upgrade(cfg, target)


def current_revision(eng: sa.Engine) -> str | None:
    """The store's migration: its head, or its heads joined by ``+``; None for an empty database."""
    with eng.connect() as conn:
        heads = MigrationContext.configure(conn).get_current_heads()
    return "+".join(sorted(heads)) or None


def head_revision() -> str | None:
    """The migration this version of minewatch brings a store to (``+``-joined when several)."""
    return "+".join(sorted(ScriptDirectory.from_config(alembic_config()).get_heads())) or None
