"""The store: all database access, behind named queries. One URL names it."""

from __future__ import annotations

import sqlalchemy as sa

from minewatch import settings
from minewatch.store import db
from minewatch.store.documents import DocumentQueries
from minewatch.store.facts import FactQueries, StaleVersion
from minewatch.store.review import ReviewQueries
from minewatch.store.search import SearchQueries
from minewatch.store.sources import SourceQueries
from minewatch.store.users import UserQueries

__all__ = ["StaleVersion", "Store", "open_store"]


class Store(DocumentQueries, FactQueries, SourceQueries, ReviewQueries, SearchQueries, UserQueries):
    def __init__(self, url: str):
        self.url = url
        self.engine: sa.Engine = db.engine(url)

    def migrate(self) -> None:
        db.migrate(self.engine)

    def close(self) -> None:
        self.engine.dispose()


def open_store(url: str | None = None, migrate: bool = True) -> Store:
    """Open the store at ``url`` (else MINEWATCH_DATABASE_URL), migrated to head."""
    store = Store(settings.database_url(url))
    if migrate:
        store.migrate()
    return store
