"""Named queries over facts and their revisions.

Every write to a fact bumps its ``version`` and appends the whole new fact to
``fact_revisions``; an update names the version it read, so of two reviewers
editing at once one wins and the other gets :class:`StaleVersion`.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import sqlalchemy as sa

from minewatch.model import Citation, Fact, Period
from minewatch.store import db
from minewatch.store.schema import fact_revisions, facts

EDITABLE = (
    "state",
    "indicator",
    "value",
    "unit",
    "approx",
    "when",
    "mine_types",
    "polarity",
    "status",
    "attributes",
    "confidence",
)


class StaleVersion(Exception):
    """The fact changed since the caller read it."""


def _row(fact: Fact) -> dict:
    when = fact.when
    return dict(
        state=fact.state,
        indicator=fact.indicator,
        value=fact.value,
        value_num=float(fact.value) if isinstance(fact.value, int | float) else None,
        unit=fact.unit,
        approx=fact.approx,
        when_start=when.start if when else None,
        when_end=when.end if when else None,
        when_precision=when.precision if when else None,
        when_text=when.text if when else None,
        mine_types=list(fact.mine_types),
        polarity=fact.polarity,
        quote=fact.quote,
        doc_id=fact.doc,
        start=fact.start,
        end=fact.end,
        citations=[vars(c) for c in fact.citations],
        extractor=fact.extractor,
        confidence=fact.confidence,
        status=fact.status,
        attributes=fact.attributes,
    )


def to_fact(r) -> Fact:
    when = (
        Period(r["when_start"], r["when_end"], r["when_precision"], r["when_text"] or "")
        if r["when_precision"]
        else None
    )
    return Fact(
        id=r["id"],
        state=r["state"],
        indicator=r["indicator"],
        value=r["value"],
        unit=r["unit"],
        approx=r["approx"],
        when=when,
        mine_types=list(r["mine_types"] or []),
        polarity=r["polarity"],
        quote=r["quote"],
        doc=r["doc_id"],
        start=r["start"],
        end=r["end"],
        citations=[Citation(**c) for c in r["citations"] or []],
        extractor=r["extractor"],
        confidence=r["confidence"],
        status=r["status"],
        attributes=dict(r["attributes"] or {}),
        version=r["version"],
    )


class FactQueries:
    engine: sa.Engine

    def save_facts(self, new: list[Fact], user: str = "extractor") -> int:
        """Store facts whose key is not yet known; returns how many were added.

        Safe to call from concurrent workers with overlapping facts: a key is
        stored once, with one ``extract`` revision, whoever gets there first.
        """
        if not new:
            return 0

        def run() -> int:
            with db.write(self.engine) as conn:
                return len(insert_facts(conn, new, user))

        return db.retry(run)

    @db.retrying
    def fact(self, fact_id: int) -> Fact | None:
        with self.engine.connect() as conn:
            r = conn.execute(sa.select(facts).where(facts.c.id == fact_id)).mappings().first()
        return to_fact(r) if r else None

    @db.retrying
    def facts(
        self,
        state: str | None = None,
        indicator: str | None = None,
        status: str | list[str] | None = None,
        doc: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Fact]:
        q = sa.select(facts)
        if state:
            q = q.where(facts.c.state == state)
        if indicator:
            q = q.where(facts.c.indicator == indicator)
        if isinstance(status, str):
            q = q.where(facts.c.status == status)
        elif status:
            q = q.where(facts.c.status.in_(status))
        if doc:
            q = q.where(facts.c.doc_id == doc)
        q = q.order_by(facts.c.id).offset(offset)
        if limit is not None:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            return [to_fact(r) for r in conn.execute(q).mappings()]

    def update_fact(
        self,
        fact_id: int,
        changes: dict,
        user: str,
        reason: str | None = None,
        expected_version: int | None = None,
        action: str = "edit",
    ) -> Fact:
        """Apply ``changes`` as a new revision; raise StaleVersion on a lost race."""
        unknown = set(changes) - set(EDITABLE)
        if unknown:
            raise ValueError(f"fields not editable: {', '.join(sorted(unknown))}")
        now = datetime.now(UTC)
        with db.write(self.engine) as conn:
            r = conn.execute(sa.select(facts).where(facts.c.id == fact_id)).mappings().first()
            if r is None:
                raise KeyError(fact_id)
            fact = to_fact(r)
            if expected_version is not None and fact.version != expected_version:
                raise StaleVersion(
                    f"fact {fact_id} is at version {fact.version}, not {expected_version}: "
                    "another reviewer saved it first; reload and try again"
                )
            for field, value in changes.items():
                if field == "when" and isinstance(value, dict):
                    value = Period(**value)
                setattr(fact, field, value)
            row = _row(fact) | dict(version=fact.version + 1, updated_at=now)
            done = conn.execute(
                facts.update().where(facts.c.id == fact_id, facts.c.version == fact.version).values(**row)
            )
            if done.rowcount != 1:
                now_at = conn.execute(sa.select(facts.c.version).where(facts.c.id == fact_id)).scalar()
                raise StaleVersion(
                    f"fact {fact_id} is at version {now_at}, not {fact.version}: "
                    "another reviewer saved it first; reload and try again"
                )
            fact.version += 1
            conn.execute(
                fact_revisions.insert().values(
                    fact_id=fact_id,
                    version=fact.version,
                    action=action,
                    data=_snapshot(fact),
                    user=user,
                    reason=reason,
                    at=now,
                )
            )
        return fact

    @db.retrying
    def revisions(self, fact_id: int) -> list[dict]:
        with self.engine.connect() as conn:
            return [
                dict(r)
                for r in conn.execute(
                    sa.select(fact_revisions)
                    .where(fact_revisions.c.fact_id == fact_id)
                    .order_by(fact_revisions.c.version)
                ).mappings()
            ]

    @db.retrying
    def fact_counts(self) -> dict[str, dict[str, int]]:
        """state → status → number of facts."""
        q = sa.select(facts.c.state, facts.c.status, sa.func.count()).group_by(facts.c.state, facts.c.status)
        out: dict[str, dict[str, int]] = {}
        with self.engine.connect() as conn:
            for state, status, n in conn.execute(q):
                out.setdefault(state, {})[status] = n
        return out


def insert_facts(conn: sa.Connection, new: list[Fact], user: str) -> list[Fact]:
    """Insert the facts whose key is unknown, with their first revision, in ``conn``'s transaction.

    Returns the facts stored, their ids set. ``ON CONFLICT DO NOTHING`` makes
    a concurrent insert of the same key a no-op rather than an error. Rows
    keep the order they were given (the reading order of their document, so
    ids follow it); two workers saving one document's facts give them in the
    same order, so they take their locks in the same order and cannot deadlock.
    Facts and revisions go in one multi-row statement each, whatever their number.
    """
    now = datetime.now(UTC)
    by_key: dict[str, Fact] = {}
    for fact in new:
        by_key.setdefault(fact.key, fact)
    rows = [
        _row(fact) | dict(key=key, version=1, created_at=now, updated_at=now) for key, fact in by_key.items()
    ]
    stmt = (
        db.insert(conn, facts)
        .on_conflict_do_nothing(index_elements=[facts.c.key])
        .returning(facts.c.id, facts.c.key)
    )
    ids = {key: fact_id for fact_id, key in conn.execute(stmt, rows)}
    if not ids:
        return []
    stored = []
    revisions = []
    for key, fact_id in sorted(ids.items(), key=lambda kv: kv[1]):
        fact = by_key[key]
        fact.id, fact.version = fact_id, 1
        stored.append(fact)
        revisions.append(
            dict(
                fact_id=fact_id,
                version=1,
                action="extract",
                data=_snapshot(fact),
                user=user,
                reason=None,
                at=now,
            )
        )
    conn.execute(fact_revisions.insert(), revisions)
    return stored


def _snapshot(fact: Fact) -> dict:
    """The whole fact as ``Fact.to_dict`` gives it, less its id, for its revision row.

    Built field by field: ``dataclasses.asdict`` deep-copies every value and
    took more time than the rest of saving a document's facts. The dict is
    serialised within the same insert, so sharing the fact's lists is harmless.
    """
    d = {name: getattr(fact, name) for name in _SNAPSHOT_FIELDS}
    when = fact.when
    d["when"] = {name: getattr(when, name) for name in _PERIOD_FIELDS} if when is not None else None
    d["citations"] = [{"number": c.number, "text": c.text} for c in fact.citations]
    return d


_SNAPSHOT_FIELDS = tuple(f.name for f in dataclasses.fields(Fact) if f.name != "id")
_PERIOD_FIELDS = tuple(f.name for f in dataclasses.fields(Period))
