"""Named queries the review and analysis stages need beyond the fact basics.

Reads only: every change to a fact still goes through ``update_fact`` so it
leaves a revision.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from operator import itemgetter

import sqlalchemy as sa

from minewatch.heap import paused_gc
from minewatch.model import Citation, Fact, Period
from minewatch.store import db
from minewatch.store.facts import EDITABLE, StaleVersion, _row, _snapshot, to_fact
from minewatch.store.schema import documents, fact_revisions, facts

JSON_COLUMNS = ("value", "mine_types", "citations", "attributes")


def _json(text: str | float | None):
    """Decode a JSON column read as text; the empty list and mapping, most rows' values, skip the parser.

    SQLite gives a JSON column numeric affinity, so a number comes back as a number.
    """
    if text is None or not isinstance(text, str):
        return text
    if text == "[]":
        return []
    if text == "{}":
        return {}
    if text[0] == '"' and "\\" not in text:
        return text[1:-1]  # a plain string value: no escapes to undo
    return json.loads(text)


PASSAGE = ("quote", "citations")  # what only the evidence shown needs
UNUSED = ("key", "created_at", "updated_at")  # what analyses never read


def _raw_columns(passages: bool) -> list:
    """The facts columns analyses read, JSON ones cast to text (decoded by :func:`_json`, much faster).

    The cast in SQL, not a type override, so that PostgreSQL's driver hands back text too.
    """
    skip = UNUSED if passages else UNUSED + PASSAGE
    return [
        sa.cast(c, sa.Text).label(c.name) if c.name in JSON_COLUMNS else c
        for c in facts.c
        if c.name not in skip
    ]


FIELDS = (
    "id", "state", "indicator", "value", "unit", "approx", "when_start", "when_end", "when_precision",
    "when_text", "mine_types", "polarity", "doc_id", "start", "end", "extractor", "confidence", "status",
    "attributes", "version",
)  # fmt: skip


def _facts(names: list[str], rows: list) -> list[Fact]:
    """Facts straight from row tuples: the fields ``to_fact`` fills, without its per-field lookups."""
    pick = itemgetter(*(names.index(n) for n in FIELDS))
    passage = itemgetter(names.index("quote"), names.index("citations")) if "quote" in names else None
    out = []
    for row in rows:
        (i, state, ind, value, unit, approx, w0, w1, precision, wtext, types, polarity, doc, start, end,
         extractor, confidence, status, attributes, version) = pick(row)  # fmt: skip
        quote, cites = passage(row) if passage else ("", None)
        cites = _json(cites)
        out.append(
            Fact(
                id=i,
                state=state,
                indicator=ind,
                value=_json(value),
                unit=unit,
                approx=approx,
                when=Period(w0, w1, precision, wtext or "") if precision else None,
                mine_types=[] if types == "[]" else _json(types) or [],
                polarity=polarity,
                quote=quote,
                doc=doc,
                start=start,
                end=end,
                citations=[Citation(**c) for c in cites] if cites else [],
                extractor=extractor,
                confidence=confidence,
                status=status,
                attributes={} if attributes == "{}" else _json(attributes) or {},
                version=version,
            )
        )
    return out


class ReviewQueries:
    engine: sa.Engine

    def row_counts(self) -> dict[str, int]:
        """Rows in the tables review writes to; these never go down."""
        with self.engine.connect() as conn:
            return {
                t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                for t in (facts, fact_revisions, documents)
            }

    def update_facts_together(self, steps: list[dict], user: str, reason: str | None) -> list[Fact]:
        """Apply several facts' changes in one transaction: all become revisions, or none does.

        Each step is ``{"id", "changes", "expected_version", "action"}``, as
        ``update_fact`` takes them one at a time. A merge needs this: the
        survivor citing the other passage and the other being superseded must
        not come apart.
        """
        now = datetime.now(UTC)
        out = []
        with db.write(self.engine) as conn:
            for step in steps:
                fact_id, changes = step["id"], step["changes"]
                unknown = set(changes) - set(EDITABLE)
                if unknown:
                    raise ValueError(f"fields not editable: {', '.join(sorted(unknown))}")
                r = conn.execute(sa.select(facts).where(facts.c.id == fact_id)).mappings().first()
                if r is None:
                    raise KeyError(fact_id)
                fact = to_fact(r)
                expected = step.get("expected_version")
                if expected is not None and fact.version != expected:
                    raise StaleVersion(
                        f"fact {fact_id} is at version {fact.version}, not {expected}: "
                        "another reviewer saved it first; reload and try again"
                    )
                for field, value in changes.items():
                    setattr(
                        fact, field, Period(**value) if field == "when" and isinstance(value, dict) else value
                    )
                row = _row(fact) | dict(version=fact.version + 1, updated_at=now)
                done = conn.execute(
                    facts.update().where(facts.c.id == fact_id, facts.c.version == fact.version).values(**row)
                )
                if done.rowcount != 1:
                    raise StaleVersion(
                        f"fact {fact_id} changed while it was being saved; reload and try again"
                    )
                fact.version += 1
                conn.execute(
                    fact_revisions.insert().values(
                        fact_id=fact_id,
                        version=fact.version,
                        action=step.get("action", "edit"),
                        data=_snapshot(fact),
                        user=user,
                        reason=reason,
                        at=now,
                    )
                )
                out.append(fact)
        return out

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
        self,
        state: str,
        statuses: list[str],
        indicators: list[str] | None = None,
        until: str | None = None,
        passages: bool = True,
    ) -> list[Fact]:
        """A state's facts in ``statuses``, optionally only those starting by ``until`` (ISO date).

        Undated facts are kept: callers decide what an undated fact may say.
        Analyses read thousands of a state's facts at once, so JSON columns are
        decoded here without the generic type machinery, and ``passages=False``
        leaves quote and footnotes out (empty) until :meth:`fill_passages` adds
        them to the few facts shown as evidence.
        """
        cols = _raw_columns(passages)
        q = sa.select(*cols).where(facts.c.state == state, facts.c.status.in_(statuses))
        if indicators:
            q = q.where(facts.c.indicator.in_(indicators))
        if until:
            q = q.where(sa.or_(facts.c.when_start.is_(None), facts.c.when_start <= until))
        with paused_gc(), self.engine.connect() as conn:
            return _facts([c.name for c in cols], conn.execute(q.order_by(facts.c.id)).all())

    def fill_passages(self, some: list[Fact]) -> None:
        """Give facts read with ``passages=False`` their quote and footnotes, in place."""
        by_id = {f.id: f for f in some if not f.quote}
        ids = sorted(by_id)
        q = sa.select(facts.c.id, facts.c.quote, sa.cast(facts.c.citations, sa.Text))
        with self.engine.connect() as conn:
            rows = [
                row
                for lo in range(0, len(ids), 500)
                for row in conn.execute(q.where(facts.c.id.in_(ids[lo : lo + 500]))).all()
            ]
        for fid, quote, cites in rows:
            f = by_id[fid]
            f.quote = quote
            f.citations = [Citation(**c) for c in _json(cites) or []]

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
