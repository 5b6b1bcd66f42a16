"""Which errors are worth a second try, and that :func:`db.retry` gives exactly that."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from minewatch.store import db


class FakePgError(Exception):
    __module__ = "psycopg.errors"

    def __init__(self, msg: str, sqlstate: str | None = None):
        super().__init__(msg)
        self.sqlstate = sqlstate


def op_error(msg: str, sqlstate: str | None = None, module: str = "psycopg") -> sa.exc.OperationalError:
    orig = FakePgError(msg, sqlstate) if module == "psycopg" else Exception(msg)
    return sa.exc.OperationalError("SELECT 1", {}, orig)


@pytest.mark.parametrize(
    ("error", "transient"),
    [
        (op_error("terminating connection due to administrator command", "57P01"), True),
        (op_error("deadlock detected", "40P01"), True),
        (op_error("could not serialize access", "40001"), True),
        (op_error("connection failed: the database system is shutting down"), True),  # no SQLSTATE yet
        (op_error("relation facts does not exist", "42P01"), False),
        (op_error("database is locked", module="sqlite3"), True),
        (op_error("no such table: facts", module="sqlite3"), False),
        (ValueError("not a database error"), False),
    ],
)
def test_is_transient(error, transient):
    assert db.is_transient(error) is transient


def test_retry_runs_again_after_transient_errors_only():
    calls = []

    def flaky() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise op_error("deadlock detected", "40P01")
        return "done"

    assert db.retry(flaky, delay=0) == "done" and len(calls) == 3

    def broken() -> None:
        calls.append(1)
        raise op_error("relation facts does not exist", "42P01")

    calls.clear()
    with pytest.raises(sa.exc.OperationalError):
        db.retry(broken, delay=0)
    assert len(calls) == 1


def test_retry_gives_up_after_its_attempts():
    calls = []

    def down() -> None:
        calls.append(1)
        raise op_error("connection refused")

    with pytest.raises(sa.exc.OperationalError):
        db.retry(down, attempts=4, delay=0)
    assert len(calls) == 4
