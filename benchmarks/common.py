"""What the benchmarks share: the corpus, a scratch PostgreSQL database, synthetic documents and facts,
and how figures are printed."""

from __future__ import annotations

import random
import secrets
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import sqlalchemy as sa

from minewatch import pipeline
from minewatch.model import Citation, Document, Fact, Paragraph, Period
from minewatch.store import Store, db, open_store

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
PROFILE = CORPUS / "us-mine-ban-policy-profile-2020.txt"
PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/test"
STATES = [
    "USA",
    "RUS",
    "CHN",
    "IND",
    "PAK",
    "MMR",
    "KOR",
    "PRK",
    "IRN",
    "ISR",
    "SYR",
    "EGY",
    "CUB",
    "VNM",
    "LAO",
    "SGP",
    "MAR",
    "LBY",
    "UKR",
    "GEO",
]
INDICATORS = [
    "treaty_status",
    "policy",
    "use",
    "production",
    "transfer",
    "stockpile",
    "destruction",
    "retained",
    "alternatives",
]
FACTS_PER_DOC = 200


def say(line: str = "") -> None:
    print(line, flush=True)


@contextmanager
def pg_database(admin_url: str) -> Iterator[str]:
    """A fresh PostgreSQL database for one measurement, dropped afterwards."""
    admin = sa.create_engine(db.normalize_url(admin_url), isolation_level="AUTOCOMMIT", poolclass=sa.NullPool)
    name = f"minewatch_bench_{secrets.token_hex(4)}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield sa.engine.make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f}"


def ratio(a: float, b: float) -> str:
    return f"{b / a:.2f}×" if a > 0 else "n/a"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def timed_ingest(url: str, corpus: Path, **how) -> tuple[float, pipeline.IngestReport]:
    store = open_store(url)
    t0 = time.perf_counter()
    report = pipeline.ingest_paths(store, [corpus], **how)
    elapsed = time.perf_counter() - t0
    store.close()
    assert report.ok, report.failed[:3]
    return elapsed, report


def synthetic(n: int) -> tuple[Document, list[Fact]]:
    """Document ``n`` with FACTS_PER_DOC facts spread over states and indicators."""
    lines = [f"Synthetic report {n}."] + [
        f"Paragraph {k} of report {n}: in {2000 + k % 20} the stockpile held {1000 + k} mines.[{k % 3 + 1}]"
        for k in range(20)
    ]
    text = "\n\n".join(lines) + "\n"
    paras, pos = [], 0
    for line in lines:
        paras.append(Paragraph(pos, pos + len(line)))
        pos += len(line) + 2
    doc = Document(text=text, source=f"synthetic/{n:07d}.txt", date=date(2020, 1, 1), paragraphs=paras)
    rnd = random.Random(n)
    facts = []
    for i in range(FACTS_PER_DOC):
        p = paras[1 + i % 20]
        facts.append(
            Fact(
                state=rnd.choice(STATES),
                indicator=rnd.choice(INDICATORS),
                value=1000 + i,
                unit="mines",
                quote=text[p.start : p.end],
                doc=doc.id,
                start=p.start + i,
                end=p.end,
                when=Period(f"{2000 + i % 20}-01-01", f"{2000 + i % 20}-12-31", "year", str(2000 + i % 20)),
                citations=[Citation(i % 3 + 1, "A footnote body.")],
                extractor="synthetic@1",
                confidence=0.5,
                status="accepted" if i % 4 == 0 else "candidate",
            )
        )
    return doc, facts


def grow(store: Store, docs_from: int, docs_to: int) -> float:
    """Add synthetic documents [docs_from, docs_to); returns seconds spent in the store."""
    spent = 0.0
    for n in range(docs_from, docs_to):
        doc, facts = synthetic(n)
        t0 = time.perf_counter()
        store.save_document_and_facts(doc, facts)
        spent += time.perf_counter() - t0
    return spent


def host_reference(loops: int = 10_000_000) -> float:
    """CPU seconds this machine takes for a fixed pure-Python loop, printed beside a benchmark's figures.

    Absolute throughput moves with the machine (a shared virtual core's speed changes from one
    day to the next); a run's figures are comparable with another's scaled by this one.
    """
    start, total = time.process_time(), 0
    for i in range(loops):
        total += i
    return time.process_time() - start
