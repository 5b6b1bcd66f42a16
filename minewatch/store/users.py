"""Named queries over accounts and API tokens.

Passwords are kept as argon2id hashes (pwdlib) and API tokens as SHA-256
digests: a copy of the database never yields a credential that works.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from pwdlib import PasswordHash

from minewatch.store import db
from minewatch.store.schema import api_tokens, users

ROLES = ("viewer", "researcher", "editor", "admin")  # each may do what the ones before it may
TOKEN_PREFIX = "mw_"

_hasher = PasswordHash.recommended()


@dataclass(frozen=True)
class User:
    id: int
    username: str
    role: str
    active: bool = True

    def can(self, role: str) -> bool:
        """Whether this user holds ``role`` or a stronger one."""
        return self.active and ROLES.index(self.role) >= ROLES.index(role)


def _user(r) -> User:
    return User(r["id"], r["username"], r["role"], bool(r["active"]))


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class UserQueries:
    engine: sa.Engine

    def add_user(self, username: str, password: str, role: str = "viewer") -> User:
        """Create an account; a taken name raises ValueError."""
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r}: one of {', '.join(ROLES)}")
        if not username or len(username) > 64:
            raise ValueError("a user name has 1 to 64 characters")
        if len(password) < 8:
            raise ValueError("a password has at least 8 characters")
        with db.write(self.engine) as conn:
            if conn.execute(sa.select(users.c.id).where(users.c.username == username)).first():
                raise ValueError(f"user {username!r} exists")
            uid = conn.execute(
                users.insert()
                .values(
                    username=username,
                    password_hash=_hasher.hash(password),
                    role=role,
                    active=True,
                    created_at=datetime.now(UTC),
                )
                .returning(users.c.id)
            ).scalar_one()
        return User(uid, username, role)

    def set_user(
        self, username: str, role: str | None = None, password: str | None = None, active: bool | None = None
    ) -> User:
        """Change a user's role, password or whether it may log in."""
        values: dict = {}
        if role is not None:
            if role not in ROLES:
                raise ValueError(f"unknown role {role!r}: one of {', '.join(ROLES)}")
            values["role"] = role
        if password is not None:
            values["password_hash"] = _hasher.hash(password)
        if active is not None:
            values["active"] = active
        with db.write(self.engine) as conn:
            if values:
                conn.execute(users.update().where(users.c.username == username).values(**values))
            r = conn.execute(sa.select(users).where(users.c.username == username)).mappings().first()
        if r is None:
            raise KeyError(username)
        return _user(r)

    def user(self, user_id: int) -> User | None:
        with self.engine.connect() as conn:
            r = conn.execute(sa.select(users).where(users.c.id == user_id)).mappings().first()
        return _user(r) if r else None

    def users(self) -> list[User]:
        with self.engine.connect() as conn:
            return [_user(r) for r in conn.execute(sa.select(users).order_by(users.c.username)).mappings()]

    def authenticate(self, username: str, password: str) -> User | None:
        """The active user with this name and password, else None."""
        with self.engine.connect() as conn:
            r = conn.execute(sa.select(users).where(users.c.username == username)).mappings().first()
        if r is None:
            _hasher.hash(password)  # spend the same time whether or not the name exists
            return None
        if not r["active"] or not _hasher.verify(password, r["password_hash"]):
            return None
        return _user(r)

    def create_token(self, user_id: int, name: str | None = None) -> str:
        """A new API token for ``user_id``; only its digest is stored, so show it once."""
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        with db.write(self.engine) as conn:
            conn.execute(
                api_tokens.insert().values(
                    user_id=user_id, token_hash=token_digest(token), name=name, created_at=datetime.now(UTC)
                )
            )
        return token

    def user_for_token(self, token: str) -> User | None:
        q = (
            sa.select(users)
            .join(api_tokens, api_tokens.c.user_id == users.c.id)
            .where(api_tokens.c.token_hash == token_digest(token))
        )
        with self.engine.connect() as conn:
            r = conn.execute(q).mappings().first()
        return _user(r) if r and r["active"] else None
