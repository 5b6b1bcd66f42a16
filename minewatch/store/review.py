"""Named queries the review and analysis stages need beyond the fact basics.

Reads only: every change to a fact still goes through ``update_fact`` so it
leaves a revision.
"""

from __future__ import annotations

import sqlalchemy as sa

from minewatch.model import Fact
from minewatch.store.facts import to_fact
from minewatch.store.schema import documents, fact_revisions, facts


class ReviewQueries:
    engine: sa.Engine

    def row_counts(self) -> dict[str, int]:
        """Rows in the tables review writes to; these never go down."""
        with self.engine.connect() as conn:
            return {
                t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                for t in (facts, fact_revisions, documents)
            }

    def candidates_at_least(
        self, threshold: float, state: str | None = None, indicator: str | None = None
    ) -> list[tuple[int, int]]:
        """(id, version) of candidate facts whose confidence is at least ``threshold``."""
        q = sa.select(facts.c.id, facts.c.version).where(
            facts.c.status == "candidate", facts.c.confidence >= threshold
        )
        if state:
            q = q.where(facts.c.state == state)
        if indicator:
            q = q.where(facts.c.indicator == indicator)
        with self.engine.connect() as conn:
            return [(i, v) for i, v in conn.execute(q.order_by(facts.c.id))]

    def state_facts(
        self, state: str, statuses: list[str], indicators: list[str] | None = None, until: str | None = None
    ) -> list[Fact]:
        """A state's facts in ``statuses``, optionally only those starting by ``until`` (ISO date).

        Undated facts are kept: callers decide what an undated fact may say.
        """
        q = sa.select(facts).where(facts.c.state == state, facts.c.status.in_(statuses))
        if indicators:
            q = q.where(facts.c.indicator.in_(indicators))
        if until:
            q = q.where(sa.or_(facts.c.when_start.is_(None), facts.c.when_start <= until))
        with self.engine.connect() as conn:
            return [to_fact(r) for r in conn.execute(q.order_by(facts.c.id)).mappings()]

    def document_info(self, doc_id: str) -> dict | None:
        """A document's metadata without its text."""
        cols = [c for c in documents.c if c.name != "text"]
        with self.engine.connect() as conn:
            r = conn.execute(sa.select(*cols).where(documents.c.id == doc_id)).mappings().first()
        return dict(r) if r else None

    def document_versions(self, doc_id: str) -> list[dict]:
        """Every stored version of ``doc_id``'s source, oldest first (by its own date).

        Versions are linked by ``previous_id`` (same path) or share title and
        subject state (the same profile saved under another name).
        """
        cols = [c for c in documents.c if c.name != "text"]
        with self.engine.connect() as conn:
            me = conn.execute(sa.select(*cols).where(documents.c.id == doc_id)).mappings().first()
            if me is None:
                return []
            cond = documents.c.source == me["source"]
            if me["title"]:
                cond = sa.or_(
                    cond,
                    sa.and_(
                        documents.c.title == me["title"], documents.c.subject_state == me["subject_state"]
                    ),
                )
            rows = [dict(r) for r in conn.execute(sa.select(*cols).where(cond)).mappings()]
            seen = {r["id"] for r in rows}
            # Follow previous_id links that leave the matched set (a renamed file).
            frontier = [r["previous_id"] for r in rows if r["previous_id"] and r["previous_id"] not in seen]
            while frontier:
                found = [
                    dict(r)
                    for r in conn.execute(sa.select(*cols).where(documents.c.id.in_(frontier))).mappings()
                ]
                rows += found
                seen |= {r["id"] for r in found}
                frontier = [
                    r["previous_id"] for r in found if r["previous_id"] and r["previous_id"] not in seen
                ]
        return sorted(rows, key=lambda r: (r["date"] or "", str(r["ingested_at"])))
