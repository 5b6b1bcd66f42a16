"""Every setting: a ``MINEWATCH_*`` environment variable with a default and one line of help.

The README's settings table is checked against :data:`SETTINGS` by a test.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str

    @property
    def value(self) -> str:
        return os.environ.get(self.name, self.default)


SETTINGS = {
    s.name: s
    for s in (
        Setting(
            "MINEWATCH_DATABASE_URL",
            "sqlite:///minewatch.db",
            "URL of the store (SQLite file or PostgreSQL server).",
        ),
        Setting("MINEWATCH_MAX_FILE_MB", "200", "Largest file ingest accepts, in megabytes."),
        Setting("MINEWATCH_INGEST_TIMEOUT", "120", "Seconds one file may take to read before it is failed."),
        Setting("MINEWATCH_SECRET_KEY", "", "Key that signs session cookies; random per process when empty."),
        Setting(
            "MINEWATCH_PUBLIC_READ", "1", "1: anyone may read pages and the API; 0: readers must log in."
        ),
        Setting(
            "MINEWATCH_SECURE_COOKIES", "0", "1: session cookies only over HTTPS (set behind a TLS proxy)."
        ),
        Setting("MINEWATCH_HOST", "127.0.0.1", "Address the web server listens on."),
        Setting("MINEWATCH_PORT", "8000", "Port the web server listens on."),
    )
}


def get(name: str) -> str:
    return SETTINGS[name].value


def database_url(given: str | None = None) -> str:
    return given or get("MINEWATCH_DATABASE_URL")
