"""``migrate``, ``copy``, ``backup``, ``restore``: looking after the store itself."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import sqlalchemy as sa
import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from minewatch import settings
from minewatch.cli import app
from minewatch.cli.options import Db, console, err
from minewatch.store import Store, db
from minewatch.store import backup as backups
from minewatch.store import copy as copying


def _bare(url: str | None) -> Store:
    """The store at ``url`` as it is, not migrated: these commands decide that themselves."""
    return Store(settings.database_url(url))


def _progress():
    return Progress(
        SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=err, transient=True
    )


def _report(done: dict[str, int]) -> None:
    console.print(", ".join(f"{name} {n}" for name, n in done.items() if n) or "no rows")


def _fail(e: Exception) -> None:
    err.print(f"[red]error[/red] {e}", highlight=False, soft_wrap=True)
    raise typer.Exit(1)


@contextmanager
def _clear_errors() -> Iterator[None]:
    """A refused or impossible request ends in one line naming the cause, not a traceback."""
    try:
        yield
    except (ValueError, copying.NotEmpty, OSError) as e:
        _fail(e)
    except sa.exc.DBAPIError as e:
        _fail(ValueError(" ".join(str(e.orig).split())))


@app.command()
def migrate(
    db_: Db = None,
    revision: Annotated[
        str, typer.Option("--revision", help="Migration to bring the store to (default: the newest).")
    ] = "heads",
) -> None:
    """Create the store's tables or bring them up to this version of minewatch.

    Safe to run again, and from several processes at once.

    Example: minewatch migrate --db postgresql://minewatch@db.example.org/minewatch
    """
    s = _bare(db_)
    with _clear_errors():
        before = db.current_revision(s.engine)
        db.migrate(s.engine, revision)
        after = db.current_revision(s.engine)
    console.print(
        f"{s.url}: {before or 'empty'} → {after}" if before != after else f"{s.url}: at {after}",
        soft_wrap=True,
    )


@app.command("copy")
def copy_(
    from_: Annotated[str, typer.Option("--from", help="URL of the store to read.")],
    to: Annotated[str, typer.Option("--to", help="URL of an empty store to fill.")],
    verify: Annotated[bool, typer.Option(help="Compare every row of both stores afterwards.")] = True,
) -> None:
    """Copy a whole store to another database, ids and revisions kept (e.g. SQLite to PostgreSQL).

    The source is only read. The target must be empty; it is filled in one
    transaction, so a failed copy leaves nothing behind.

    Example: minewatch copy --from sqlite:///minewatch.db --to postgresql://postgres@127.0.0.1/minewatch
    """
    src, dst = _bare(from_), _bare(to)
    with _progress() as bar, _clear_errors():
        task = bar.add_task("copying")
        done = copying.copy_store(
            src.engine, dst.engine, progress=lambda t, n: bar.update(task, description=f"{t} {n}")
        )
        if verify:
            bar.update(task, description="comparing every row")
            if copying.digest(src.engine) != copying.digest(dst.engine):
                _fail(ValueError("the copy differs from the source"))
    _report(done)
    console.print("verified: every row equal" if verify else "copied")


@app.command()
def backup(
    file: Annotated[Path, typer.Argument(help="File to write (gzipped JSON Lines).")],
    db_: Db = None,
) -> None:
    """Write every table of the store to one file that either engine can restore.

    The file holds one consistent moment of the store, taken while it stays in use.

    Example: minewatch backup minewatch-2026-11-23.jsonl.gz
    """
    s = _bare(db_)
    with _progress() as bar, _clear_errors():
        if db.current_revision(s.engine) is None:
            raise ValueError(f"{s.url} holds no minewatch store")
        task = bar.add_task("backing up")
        done = backups.backup(s.engine, file, progress=lambda t, n: bar.update(task, description=f"{t} {n}"))
    _report(done)
    console.print(f"wrote {file}")


@app.command()
def restore(
    file: Annotated[Path, typer.Argument(help="A file written by minewatch backup.")],
    db_: Db = None,
) -> None:
    """Load a backup into an empty store and migrate it to this version of minewatch.

    Example: minewatch restore minewatch-2026-11-23.jsonl.gz --db sqlite:///restored.db
    """
    s = _bare(db_)
    with _progress() as bar, _clear_errors():
        task = bar.add_task("restoring")
        done = backups.restore(s.engine, file, progress=lambda t, n: bar.update(task, description=f"{t} {n}"))
    _report(done)
    console.print(f"restored into {s.url}", soft_wrap=True)
