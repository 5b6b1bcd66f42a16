"""Shared fixtures: a fresh store per test, and the development corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from minewatch.store import Store, open_store

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
PROFILE = CORPUS / "us-mine-ban-policy-profile-2020.txt"
ANALYSIS = CORPUS / "us-policy-analysis-2021.txt"


@pytest.fixture
def store(tmp_path) -> Store:
    s = open_store(f"sqlite:///{tmp_path / 'minewatch.db'}")
    yield s
    s.close()


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory) -> Store:
    """A store holding both corpus documents, ingested and extracted once per run."""
    from minewatch import pipeline

    path = tmp_path_factory.mktemp("corpus") / "minewatch.db"
    s = open_store(f"sqlite:///{path}")
    report = pipeline.ingest_paths(s, [PROFILE, ANALYSIS])
    assert report.ok, report.failed
    yield s
    s.close()


# --- PostgreSQL beside SQLite: the store tests run on both engines. ---

PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/test"


def _pg_admin_url() -> str:
    """The server to test against: MINEWATCH_DATABASE_URL when it names PostgreSQL."""
    import os

    url = os.environ.get("MINEWATCH_DATABASE_URL", "")
    return url if url.startswith(("postgresql", "postgres:")) else PG_DEFAULT


@pytest.fixture(scope="session")
def pg_database() -> str:
    """A fresh database ``minewatch_test_<random>`` for this run, dropped at the end.

    Skips (saying why) only when no PostgreSQL server answers, and fails
    instead under CI (or MINEWATCH_TEST_POSTGRES=require).
    """
    import os
    import secrets

    import sqlalchemy as sa

    from minewatch.store import db

    admin_url = _pg_admin_url()
    admin = sa.create_engine(db.normalize_url(admin_url), isolation_level="AUTOCOMMIT", poolclass=sa.NullPool)
    name = f"minewatch_test_{secrets.token_hex(4)}"
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except sa.exc.OperationalError as e:
        why = f"no PostgreSQL server answers at {admin_url} ({' '.join(str(e.orig).split())[:160]})"
        if os.environ.get("CI") or os.environ.get("MINEWATCH_TEST_POSTGRES") == "require":
            pytest.fail(f"{why}; CI runs the PostgreSQL tests, it does not skip them")
        pytest.skip(why)
    url = sa.engine.make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    yield url
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


def pg_schema_url(database_url: str, schema: str) -> str:
    """A URL whose connections see only ``schema``: one test's private store."""
    return f"{database_url}?options=-csearch_path%3D{schema}"


@pytest.fixture
def pg_url(pg_database) -> str:
    """URL of an empty PostgreSQL store (a schema of its own), dropped after the test."""
    import secrets

    import sqlalchemy as sa

    from minewatch.store import db

    schema = f"t_{secrets.token_hex(6)}"
    eng = sa.create_engine(db.normalize_url(pg_database), isolation_level="AUTOCOMMIT", poolclass=sa.NullPool)
    with eng.connect() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    yield pg_schema_url(pg_database, schema)
    with eng.connect() as conn:
        conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
    eng.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_url(request, tmp_path) -> str:
    """URL of an empty store, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'minewatch.db'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def any_store(any_url) -> Store:
    """A fresh, migrated store on each engine in turn."""
    s = open_store(any_url)
    yield s
    s.close()


@pytest.fixture
def new_pg_url(pg_database):
    """Make as many empty PostgreSQL stores as a test needs: ``new_pg_url()`` gives one more URL."""
    import secrets

    import sqlalchemy as sa

    from minewatch.store import db

    made: list[str] = []
    eng = sa.create_engine(db.normalize_url(pg_database), isolation_level="AUTOCOMMIT", poolclass=sa.NullPool)

    def make() -> str:
        schema = f"t_{secrets.token_hex(6)}"
        with eng.connect() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
        made.append(schema)
        return pg_schema_url(pg_database, schema)

    yield make
    with eng.connect() as conn:
        for schema in made:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
    eng.dispose()
