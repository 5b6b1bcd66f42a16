"""Backups: every table of a store as gzipped JSON Lines, restorable on either engine.

JSON Lines rather than an engine's own dump so that a backup taken on
PostgreSQL restores into SQLite and back, and so that any tool can read it.
The file is a header line, then per table a line naming its columns followed
by one JSON array per row, in primary-key order.
"""

from __future__ import annotations

import base64
import gzip
import json
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa

from minewatch.store import db, search
from minewatch.store.copy import (
    BATCH,
    NotEmpty,
    Progress,
    columns,
    consistent,
    counts,
    load,
    reset_sequences,
    rows,
    tables,
)

FORMAT = "minewatch-backup"
VERSION = 1


def _encode(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode()
    return value


def _decoder(column: sa.Column):
    if isinstance(column.type, sa.DateTime):
        return lambda v: None if v is None else datetime.fromisoformat(v)
    if isinstance(column.type, sa.LargeBinary):
        return lambda v: None if v is None else base64.b64decode(v)
    return lambda v: v


def backup(eng: sa.Engine, path: str | Path, progress: Progress | None = None) -> dict[str, int]:
    """Write every row of the store to ``path``; returns rows per table.

    Read in one transaction, so the file is one consistent moment of the store.
    """
    written: dict[str, int] = {}
    with eng.connect() as conn, conn.begin(), gzip.open(path, "wt", encoding="utf-8") as out:
        consistent(conn)
        header = {
            "format": FORMAT,
            "version": VERSION,
            "revision": _revision(conn),
            "engine": conn.dialect.name,
            "created_at": datetime.now(UTC).isoformat(),
        }
        out.write(json.dumps(header) + "\n")
        for table in tables():
            names = [c.name for c in columns(table)]
            out.write(json.dumps({"table": table.name, "columns": names}) + "\n")
            written[table.name] = 0
            for part in rows(conn, table):
                for row in part:
                    out.write(json.dumps([_encode(row[n]) for n in names], ensure_ascii=False) + "\n")
                written[table.name] += len(part)
                if progress:
                    progress(table.name, written[table.name])
    return written


def _revision(conn: sa.Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return "+".join(sorted(MigrationContext.configure(conn).get_current_heads())) or None


FOLDED = ("paragraphs", "footnotes", "markers")  # tables of older stores, folded into documents by 0006


def _table_at_revision(conn: sa.Connection, name: str, path: str | Path) -> sa.Table:
    """A table as the store holds it now, at the backup's own migration: an older backup's tables
    and columns (a table since folded into another, say) load as they were, and migrate after."""
    if name not in {t.name for t in tables()} | set(FOLDED):
        raise ValueError(f"{path}: table {name} is unknown to this minewatch")
    try:
        return sa.Table(name, sa.MetaData(), autoload_with=conn)
    except sa.exc.NoSuchTableError:
        raise ValueError(f"{path}: table {name} is not in a store at the backup's migration") from None


def read_header(path: str | Path) -> dict:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        header = json.loads(f.readline())
    if header.get("format") != FORMAT:
        raise ValueError(f"{path}: not a minewatch backup")
    if header.get("version") != VERSION:
        raise ValueError(
            f"{path}: backup format version {header.get('version')}, this minewatch reads {VERSION}"
        )
    return header


def restore(eng: sa.Engine, path: str | Path, progress: Progress | None = None) -> dict[str, int]:
    """Load a backup into an empty store, then migrate it to this version's head.

    The store is brought to the backup's own migration first, so a backup
    taken by an older minewatch restores and is then upgraded like any store.
    (Several heads, ``0003+0004``, count as one migration state.)
    In one transaction: a restore that fails leaves the store empty.
    """
    header = read_header(path)
    at = db.current_revision(eng)
    if at is None:
        db.migrate(eng, header["revision"] or "heads")
    elif at != header["revision"]:
        raise ValueError(
            f"the store is at migration {at}, the backup at {header['revision']}; restore into a fresh database"
        )
    if any(counts(eng).values()):
        raise NotEmpty("the target store is not empty; restore into a fresh database")
    loaded: dict[str, int] = {}
    with db.write(eng) as conn, gzip.open(path, "rt", encoding="utf-8") as f:
        f.readline()
        table: sa.Table | None = None
        names: list[str] = []
        decode: list = []
        batch: list[dict] = []
        for line in f:
            item = json.loads(line)
            if isinstance(item, dict):
                if table is not None:
                    load(conn, table, batch)
                    batch = []
                table = _table_at_revision(conn, item["table"], path)
                names = item["columns"]
                decode = [_decoder(table.c[n]) for n in names]
                loaded[table.name] = 0
                continue
            batch.append({n: d(v) for n, d, v in zip(names, decode, item, strict=True)})
            loaded[table.name] += 1
            if len(batch) >= BATCH:
                load(conn, table, batch)
                batch = []
                if progress:
                    progress(table.name, loaded[table.name])
        if table is not None:
            load(conn, table, batch)
        reset_sequences(conn)
    db.migrate(eng)
    with db.write(eng) as conn:
        search.reindex(conn)
    return loaded
