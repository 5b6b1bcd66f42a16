"""The account and profile commands."""

from __future__ import annotations

from typer.testing import CliRunner

from minewatch.cli import app
from minewatch.cli.users import ensure_admin
from minewatch.store import open_store

runner = CliRunner()


def test_user_add_list_role_and_token(tmp_path) -> None:
    db = f"sqlite:///{tmp_path / 'm.db'}"
    r = runner.invoke(
        app, ["user", "add", "ada", "--role", "editor", "--password", "long enough", "--db", db]
    )
    assert r.exit_code == 0, r.output
    assert "ada\teditor\tactive" in runner.invoke(app, ["user", "list", "--db", db]).output
    assert runner.invoke(app, ["user", "role", "ada", "admin", "--db", db]).exit_code == 0
    token = runner.invoke(app, ["user", "token", "ada", "--db", db]).output.strip()
    store = open_store(db)
    assert store.user_for_token(token).role == "admin"
    dup = runner.invoke(app, ["user", "add", "ada", "--password", "long enough", "--db", db])
    assert dup.exit_code == 1 and "exists" in dup.output
    prompted = runner.invoke(app, ["user", "add", "bo", "--db", db], input="secret pass\nsecret pass\n")
    assert prompted.exit_code == 0 and store.authenticate("bo", "secret pass").role == "viewer"


def test_demo_admin_gets_a_fresh_password_each_run(store) -> None:
    first = ensure_admin(store)
    assert store.authenticate("admin", first).role == "admin"
    second = ensure_admin(store)
    assert second != first and store.authenticate("admin", first) is None
    assert store.authenticate("admin", second) is not None
