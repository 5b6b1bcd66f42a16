"""Named queries the state overview needs: fact counts and the newest fact date per state."""

from __future__ import annotations

import sqlalchemy as sa

from minewatch.store.schema import facts

LIVE = ("candidate", "accepted")  # rejected and superseded facts no longer speak for a state


class SourceQueries:
    engine: sa.Engine

    def indicator_counts(self, statuses: tuple[str, ...] = LIVE) -> dict[str, dict[str, int]]:
        """state → indicator → number of facts with one of ``statuses``."""
        q = (
            sa.select(facts.c.state, facts.c.indicator, sa.func.count())
            .where(facts.c.status.in_(statuses))
            .group_by(facts.c.state, facts.c.indicator)
        )
        out: dict[str, dict[str, int]] = {}
        with self.engine.connect() as conn:
            for state, indicator, n in conn.execute(q):
                out.setdefault(state, {})[indicator] = n
        return out

    def newest_fact_dates(self, statuses: tuple[str, ...] = LIVE) -> dict[str, str]:
        """state → the latest date any of its facts is about (ISO), for facts that have one."""
        latest = sa.func.max(sa.func.coalesce(facts.c.when_end, facts.c.when_start))
        q = (
            sa.select(facts.c.state, latest)
            .where(facts.c.status.in_(statuses), facts.c.when_precision.is_not(None))
            .group_by(facts.c.state)
        )
        with self.engine.connect() as conn:
            return {state: d for state, d in conn.execute(q) if d}
