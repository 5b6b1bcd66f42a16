"""Finding things: full-text search over paragraphs and fact quotes, and the feed of accepted changes.

The index itself is kept current by database triggers (migration 0002), so
every save path, including other processes and plain SQL, feeds it. SQLite
answers from an FTS5 table; PostgreSQL from tsvector columns with GIN indexes.
Snippets mark matches with ``\\x02``…``\\x03`` so callers escape the text first
and then turn the markers into tags.
"""

from __future__ import annotations

import re
from datetime import datetime

import sqlalchemy as sa

from minewatch.store.schema import documents, fact_revisions, facts

HIT_START, HIT_END = "\x02", "\x03"
_TERMS = re.compile(r'"([^"]+)"|([\w\-\.\$]+)', re.UNICODE)


def fts5_query(text: str) -> str:
    """The user's words as an FTS5 query: quoted phrases kept, every other word quoted, all required."""
    out = []
    for phrase, word in _TERMS.findall(text):
        term = (phrase or word).strip()
        if term:
            out.append('"' + term.replace('"', '""') + '"')
    return " ".join(out)


_SQLITE = sa.text(
    "SELECT kind, doc_id, ref, snippet(search_fts, 0, char(2), char(3), '…', 28) AS snippet, "
    "bm25(search_fts) AS score FROM search_fts WHERE search_fts MATCH :q AND kind IN (:k1, :k2) "
    "ORDER BY score LIMIT :limit OFFSET :offset"
)
_PG = sa.text(
    """
    WITH q AS (SELECT websearch_to_tsquery('english', :q) AS q)
    SELECT * FROM (
      SELECT 'paragraph' AS kind, p.doc_id, p.n AS ref,
             ts_headline('english', substr(d.text, p.start + 1, p."end" - p.start), q.q, :opts) AS snippet,
             -ts_rank(p.tsv, q.q) AS score
      FROM paragraphs p JOIN documents d ON d.id = p.doc_id, q
      WHERE p.tsv @@ q.q AND :k1 = 'paragraph'
      UNION ALL
      SELECT 'fact', f.doc_id, f.id, ts_headline('english', f.quote, q.q, :opts), -ts_rank(f.tsv, q.q)
      FROM facts f, q WHERE f.tsv @@ q.q AND :k2 = 'fact'
    ) hits ORDER BY score LIMIT :limit OFFSET :offset
    """
)
_PG_OPTS = f"StartSel={HIT_START}, StopSel={HIT_END}, MaxWords=40, MinWords=15, MaxFragments=2"


class SearchQueries:
    engine: sa.Engine

    def search(
        self, text: str, kinds: tuple[str, ...] = ("paragraph", "fact"), limit: int = 20, offset: int = 0
    ) -> list[dict]:
        """Best matches first: {kind, doc_id, ref (paragraph number or fact id), snippet, score,
        title, and for facts state, indicator, status}."""
        k1 = "paragraph" if "paragraph" in kinds else "-"
        k2 = "fact" if "fact" in kinds else "-"
        with self.engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                if not text.strip():
                    return []
                params = dict(q=text, opts=_PG_OPTS, k1=k1, k2=k2, limit=limit, offset=offset)
                rows = conn.execute(_PG, params).mappings().all()
            else:
                q = fts5_query(text)
                if not q:
                    return []
                params = dict(q=q, k1=k1, k2=k2, limit=limit, offset=offset)
                rows = conn.execute(_SQLITE, params).mappings().all()
            hits = [dict(r) | {"ref": int(r["ref"])} for r in rows]
            doc_ids = {h["doc_id"] for h in hits}
            fact_ids = [h["ref"] for h in hits if h["kind"] == "fact"]
            titles = dict(
                conn.execute(
                    sa.select(documents.c.id, sa.func.coalesce(documents.c.title, documents.c.source)).where(
                        documents.c.id.in_(doc_ids)
                    )
                ).all()
            )
            about = {
                r["id"]: r
                for r in conn.execute(
                    sa.select(facts.c.id, facts.c.state, facts.c.indicator, facts.c.status).where(
                        facts.c.id.in_(fact_ids)
                    )
                ).mappings()
            }
        for h in hits:
            h["title"] = titles.get(h["doc_id"])
            if h["kind"] == "fact" and h["ref"] in about:
                f = about[h["ref"]]
                h.update(state=f["state"], indicator=f["indicator"], status=f["status"])
        return hits

    def change_marker(self) -> tuple[int, int]:
        """(newest revision id, number of documents): it moves whenever a fact or document is saved,
        so readers can cache what they derive from the store until it does."""
        q = sa.select(
            sa.select(sa.func.coalesce(sa.func.max(fact_revisions.c.id), 0)).scalar_subquery(),
            sa.select(sa.func.count()).select_from(documents).scalar_subquery(),
        )
        with self.engine.connect() as conn:
            rev, docs = conn.execute(q).one()
        return int(rev), int(docs)

    def accepted_changes(
        self, since: datetime | None = None, state: str | None = None, limit: int = 200
    ) -> list[dict]:
        """Revisions that accepted a fact or edited an accepted one, newest first.

        Each is {id, fact_id, version, action, data (the whole fact after the change), user, reason,
        at, state}; ``since`` keeps those strictly after it, for delta files.
        """
        r = fact_revisions
        status_after = r.c.data["status"].as_string()
        q = (
            sa.select(r, facts.c.state)
            .join(facts, facts.c.id == r.c.fact_id)
            .where(sa.or_(r.c.action == "accept", sa.and_(r.c.action == "edit", status_after == "accepted")))
            .order_by(r.c.at.desc(), r.c.id.desc())
            .limit(limit)
        )
        if since is not None:
            q = q.where(r.c.at > since)
        if state:
            q = q.where(facts.c.state == state)
        with self.engine.connect() as conn:
            return [dict(row) for row in conn.execute(q).mappings()]
