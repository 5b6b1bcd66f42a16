"""Move a whole store between engines, row for row, ids kept.

A team that started on the embedded SQLite file moves to PostgreSQL with
``minewatch copy``; backups (:mod:`minewatch.store.backup`) and the checks that
prove a copy exact share the same table walk and row normal form.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import sqlalchemy as sa

from minewatch.store import db, search
from minewatch.store.schema import metadata

BATCH = 2000
Progress = Callable[[str, int], None]  # (table, rows done so far)


class NotEmpty(Exception):
    """The target store already holds rows; copying into it could mix two stores."""


def tables() -> list[sa.Table]:
    """Every table, parents before children, so foreign keys hold while loading."""
    return list(metadata.sorted_tables)


def columns(table: sa.Table) -> list[sa.Column]:
    """The stored columns: computed ones are rebuilt by the database itself."""
    return [c for c in table.columns if c.computed is None]


def utc(value: datetime) -> datetime:
    """Timestamps as aware UTC: SQLite hands them back naive, PostgreSQL in the session's zone."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def rows(conn: sa.Connection, table: sa.Table, batch: int = BATCH) -> Iterator[list[dict]]:
    """The rows of ``table`` in primary-key order, ``batch`` at a time, timestamps in UTC."""
    cols = columns(table)
    stamps = [c.name for c in cols if isinstance(c.type, sa.DateTime)]
    q = sa.select(*cols).order_by(*table.primary_key.columns)
    result = conn.execution_options(stream_results=True, yield_per=batch).execute(q).mappings()
    for part in result.partitions(batch):
        out = []
        for r in part:
            row = dict(r)
            for name in stamps:
                if row[name] is not None:
                    row[name] = utc(row[name])
            out.append(row)
        yield out


def consistent(conn: sa.Connection) -> None:
    """Make ``conn``'s reads one moment of the store while others keep writing.

    SQLite already reads from one snapshot per transaction; PostgreSQL needs
    repeatable read, asked for before the transaction's first query.
    """
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")


def counts(eng: sa.Engine) -> dict[str, int]:
    """Rows per table, for the tables the store has (an older migration may lack some)."""
    with eng.connect() as conn:
        present = set(sa.inspect(conn).get_table_names())
        return {
            t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
            for t in tables()
            if t.name in present
        }


def reset_sequences(conn: sa.Connection) -> None:
    """Point PostgreSQL's id sequences past the highest id, so new rows do not collide."""
    if conn.dialect.name != "postgresql":
        return  # SQLite hands out max(rowid) + 1 by itself
    for table in tables():
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not isinstance(pk[0].type, sa.Integer) or pk[0].autoincrement is False:
            continue
        col = pk[0].name
        seq = conn.execute(sa.select(sa.func.pg_get_serial_sequence(table.name, col))).scalar()
        if seq:
            conn.execute(
                sa.text(
                    f'SELECT setval(:seq, COALESCE((SELECT MAX("{col}") FROM "{table.name}"), 0) + 1, false)'
                ),
                {"seq": seq},
            )


def load(conn: sa.Connection, table: sa.Table, batch: list[dict]) -> None:
    if batch:
        conn.execute(table.insert(), batch)


def copy_store(
    src: sa.Engine, dst: sa.Engine, batch: int = BATCH, progress: Progress | None = None
) -> dict[str, int]:
    """Copy every row of ``src`` into the empty ``dst``; returns rows per table.

    The source is only read, and must be at this version's migration. The
    target is written in one transaction: a copy that fails leaves it empty.
    """
    at = db.current_revision(src)
    if at is None:
        raise ValueError("the source holds no minewatch store")
    if at != db.head_revision():
        raise ValueError(f"the source is at migration {at}; run minewatch migrate on it first")
    if db.current_revision(dst) is None:
        db.migrate(dst, at)
    elif db.current_revision(dst) != at:
        raise ValueError(
            f"the target is at migration {db.current_revision(dst)}, the source at {at}; "
            "copy into a fresh database or run minewatch migrate on both"
        )
    if any(counts(dst).values()):
        raise NotEmpty("the target store is not empty; copy into a fresh database")
    done: dict[str, int] = {}
    with src.connect() as read, read.begin(), db.write(dst) as write:
        consistent(read)
        for table in tables():
            done[table.name] = 0
            for part in rows(read, table, batch):
                load(write, table, part)
                done[table.name] += len(part)
                if progress:
                    progress(table.name, done[table.name])
        reset_sequences(write)
        search.reindex(write)
    return done


def canonical(value: object) -> object:
    """A value in the form both engines agree on (an integral float is an int)."""
    if isinstance(value, datetime):
        return utc(value).isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: canonical(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [canonical(v) for v in value]
    if isinstance(value, bytes):
        return value.hex()
    return value


def digest(eng: sa.Engine) -> dict[str, tuple[int, str]]:
    """Rows and a SHA-256 of every row per table: equal digests mean equal stores."""
    out = {}
    with eng.connect() as conn:
        for table in tables():
            h, n = hashlib.sha256(), 0
            for part in rows(conn, table):
                for row in part:
                    h.update(json.dumps(canonical(row), sort_keys=True).encode())
                    h.update(b"\n")
                    n += 1
            out[table.name] = (n, h.hexdigest())
    return out
