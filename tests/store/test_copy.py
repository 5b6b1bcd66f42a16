"""``copy``, ``backup`` and ``restore``: every row of every table survives, on both engines."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from minewatch.cli import app
from minewatch.store import Store, open_store
from minewatch.store import backup as backups
from minewatch.store import copy as copying
from minewatch.store.schema import users
from tests.store.make import document, facts_for, fill


@pytest.fixture
def opened():
    """Open stores (``migrate=True``: to head) that are closed after the test, sparing the server's connections."""
    made: list[Store] = []

    def make(url: str, migrate: bool = False) -> Store:
        made.append(open_store(url) if migrate else Store(url))
        return made[-1]

    yield make
    for s in made:
        s.close()


def every_row(store: Store) -> dict[str, list[dict]]:
    """All rows of all tables, in the form both engines agree on."""
    with store.engine.connect() as conn:
        return {
            t.name: [copying.canonical(r) for part in copying.rows(conn, t) for r in part]
            for t in copying.tables()
        }


def assert_same(a: Store, b: Store) -> None:
    rows_a, rows_b = every_row(a), every_row(b)
    assert {t: len(r) for t, r in rows_a.items()} == {t: len(r) for t, r in rows_b.items()}
    for table in rows_a:
        assert rows_a[table] == rows_b[table], table
    assert copying.digest(a.engine) == copying.digest(b.engine)
    assert found(a, "stockpile") == found(b, "stockpile") != set()  # the search index came along
    assert found(a, "briefing") == found(b, "briefing") != set()


def found(store: Store, words: str) -> set[tuple[str, int]]:
    """(document, paragraph number) of every paragraph the word search finds."""
    return {(h["doc_id"], h["ref"]) for h in store.search(words, kinds=("paragraph",), limit=1000)}


def still_works(store: Store) -> None:
    """New rows get fresh ids and edits go on from the copied versions."""
    before = {f.id for f in store.facts()}
    doc = document(99)
    store.save_document_and_facts(doc, facts_for(doc, 2))
    new = [f for f in store.facts() if f.id not in before]
    assert len(new) == 2 and min(f.id for f in new) > max(before)
    accepted = store.facts(status="accepted")[0]
    assert store.update_fact(accepted.id, {"status": "rejected"}, user="bo", expected_version=2).version == 3
    with store.engine.begin() as conn:
        uid = conn.execute(
            users.insert().values(
                username="dee", password_hash="x", role="reader", active=True, created_at=sa.func.now()
            )
        ).inserted_primary_key[0]
    assert uid == 4


def test_copy_sqlite_to_postgresql_and_back(tmp_path, pg_url, opened):
    src = opened(f"sqlite:///{tmp_path / 'a.db'}", migrate=True)
    fill(src)
    pg = opened(pg_url)  # not migrated: copy builds it
    done = copying.copy_store(src.engine, pg.engine)
    assert done["facts"] == 12 and done["users"] == 3 and done["api_tokens"] == 1
    assert done["fact_revisions"] == 12 + 6
    assert_same(src, pg)
    back = opened(f"sqlite:///{tmp_path / 'b.db'}")
    copying.copy_store(pg.engine, back.engine)
    assert_same(src, back)
    still_works(pg)
    still_works(back)


def test_copy_refuses_a_store_with_rows(tmp_path, any_store, opened):
    fill(any_store, docs=1)
    src = opened(f"sqlite:///{tmp_path / 'a.db'}", migrate=True)
    fill(src, docs=1)
    try:
        copying.copy_store(src.engine, any_store.engine)
    except copying.NotEmpty as e:
        assert "not empty" in str(e)
    else:
        raise AssertionError("copied into a store that had rows")


def test_backup_restore_round_trip(tmp_path, any_url, new_pg_url, opened):
    """A backup from either engine restores exactly into a fresh store of either engine."""
    original = opened(any_url, migrate=True)
    fill(original)
    path = tmp_path / "backup.jsonl.gz"
    written = backups.backup(original.engine, path)
    assert written["facts"] == 12 and backups.read_header(path)["revision"]
    for target_url in (f"sqlite:///{tmp_path / 'restored.db'}", new_pg_url()):
        target = opened(target_url)
        loaded = backups.restore(target.engine, path)
        assert loaded == written
        assert_same(original, target)
        still_works(target)


def test_restore_refuses_a_store_with_rows(tmp_path, any_store):
    fill(any_store, docs=1)
    path = tmp_path / "backup.jsonl.gz"
    backups.backup(any_store.engine, path)
    try:
        backups.restore(any_store.engine, path)
    except backups.NotEmpty as e:
        assert "not empty" in str(e)
    else:
        raise AssertionError("restored over existing rows")
    assert len(any_store.facts()) == 4  # nothing was added


def test_cli_migrate_copy_backup_restore(tmp_path, pg_url, opened):
    runner = CliRunner()
    a = f"sqlite:///{tmp_path / 'a.db'}"
    out = runner.invoke(app, ["migrate", "--db", a])
    assert out.exit_code == 0 and "empty →" in out.output, out.output
    assert "at " in runner.invoke(app, ["migrate", "--db", a]).output
    fill(opened(a))
    out = runner.invoke(app, ["copy", "--from", a, "--to", pg_url])
    assert out.exit_code == 0 and "every row equal" in out.output, out.output
    again = runner.invoke(app, ["copy", "--from", a, "--to", pg_url])
    assert again.exit_code == 1 and "not empty" in again.output
    path = tmp_path / "pg.jsonl.gz"
    assert runner.invoke(app, ["backup", str(path), "--db", pg_url]).exit_code == 0
    c = f"sqlite:///{tmp_path / 'c.db'}"
    out = runner.invoke(app, ["restore", str(path), "--db", c])
    assert out.exit_code == 0 and "facts 12" in out.output, out.output
    assert_same(opened(a), opened(c))


def test_cli_errors_are_one_clear_line(tmp_path):
    runner = CliRunner()
    a = f"sqlite:///{tmp_path / 'a.db'}"
    out = runner.invoke(app, ["restore", str(tmp_path / "missing.jsonl.gz"), "--db", a])
    assert out.exit_code == 1 and "missing.jsonl.gz" in out.output and "Traceback" not in out.output
    out = runner.invoke(app, ["backup", str(tmp_path / "b.gz"), "--db", a])
    assert out.exit_code == 1 and "holds no minewatch store" in out.output
    assert runner.invoke(app, ["migrate", "--db", a]).exit_code == 0
    out = runner.invoke(app, ["copy", "--from", a, "--to", "postgresql://postgres@127.0.0.1:1/none"])
    assert out.exit_code == 1 and "127.0.0.1" in out.output and "Traceback" not in out.output
