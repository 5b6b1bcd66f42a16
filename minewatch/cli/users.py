"""``user``: accounts for the web workbench and API tokens for scripts."""

from __future__ import annotations

import secrets
from typing import Annotated

import typer

from minewatch.cli import app
from minewatch.cli.options import Db, console, err, store
from minewatch.store import Store
from minewatch.store.users import ROLES

users = typer.Typer(help="Manage web accounts and API tokens.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(users, name="user")


def ensure_admin(st: Store, username: str = "admin") -> str:
    """Give ``username`` the admin role and a fresh random password (creating it if need be); returns it.

    The demo prints the password, so a person can always log in after a run.
    """
    password = secrets.token_urlsafe(12)
    if any(u.username == username for u in st.users()):
        st.set_user(username, role="admin", password=password, active=True)
    else:
        st.add_user(username, password, "admin")
    return password


@users.command("add")
def add(
    name: Annotated[str, typer.Argument(help="User name to log in with.")],
    role: Annotated[str, typer.Option(help=f"One of: {', '.join(ROLES)}.")] = "viewer",
    password: Annotated[
        str | None, typer.Option(help="Password (at least 8 characters); asked for when not given.")
    ] = None,
    db: Db = None,
) -> None:
    """Add a user who can log in to the web workbench.

    Example: minewatch user add ada --role editor
    """
    if role not in ROLES:
        raise typer.BadParameter(f"one of {', '.join(ROLES)}", param_hint="--role")
    if password is None:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        user = store(db).add_user(name, password, role)
    except ValueError as e:
        err.print(f"error: {e}")
        raise typer.Exit(1) from e
    console.print(f"added {user.username} ({user.role})")


@users.command("role")
def set_role(
    name: Annotated[str, typer.Argument(help="User name.")],
    role: Annotated[str, typer.Argument(help=f"One of: {', '.join(ROLES)}.")],
    db: Db = None,
) -> None:
    """Change a user's role.

    Example: minewatch user role ada admin
    """
    try:
        user = store(db).set_user(name, role=role)
    except (KeyError, ValueError) as e:
        err.print(f"error: {e}")
        raise typer.Exit(1) from e
    console.print(f"{user.username} is now {user.role}")


@users.command("list")
def list_users(db: Db = None) -> None:
    """List users and their roles.

    Example: minewatch user list
    """
    for u in store(db).users():
        typer.echo(f"{u.username}\t{u.role}\t{'active' if u.active else 'disabled'}")


@users.command("token")
def token(
    name: Annotated[str, typer.Argument(help="User the token acts as.")],
    label: Annotated[str | None, typer.Option(help="What the token is for.")] = None,
    db: Db = None,
) -> None:
    """Print a new API token (send it as ``Authorization: Bearer …``); only its digest is stored.

    Example: minewatch user token ada --label nightly-export
    """
    st = store(db)
    user = next((u for u in st.users() if u.username == name), None)
    if user is None:
        err.print(f"error: no user {name!r}")
        raise typer.Exit(1)
    typer.echo(st.create_token(user.id, label))
