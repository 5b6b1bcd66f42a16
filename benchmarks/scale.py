"""Scale: ingest throughput on 1 worker vs a Dask cluster, store size and query latency at
10k / 100k / 1M facts on SQLite and PostgreSQL, and 50 API clients for 60 s.

Every figure is printed; the per-10× ratios show how cost grows with the corpus
(linear or better means a ratio of at most ~10 for totals, ~1 for per-fact costs
and indexed queries).

Example: python -m benchmarks.scale --max 100000
         python -m benchmarks.scale --skip-ingest --skip-load --max 1000000
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import sqlalchemy as sa

from minewatch import pipeline
from minewatch.model import Citation, Document, Fact, Paragraph, Period
from minewatch.store import StaleVersion, Store, db, open_store

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


# --- ingest + extract throughput -------------------------------------------------------------


def write_corpus(root: Path, n: int) -> Path:
    """``n`` distinct copies of the profile: a line near the top tells them apart."""
    root.mkdir(parents=True, exist_ok=True)
    text = PROFILE.read_text("utf-8")
    for i in range(n):
        (root / f"profile-{i:05d}.txt").write_text(
            text.replace("Last updated:", f"Copy {i}.\n\nLast updated:", 1)
        )
    return root


def timed_ingest(url: str, corpus: Path, **how) -> tuple[float, pipeline.IngestReport]:
    store = open_store(url)
    t0 = time.perf_counter()
    report = pipeline.ingest_paths(store, [corpus], **how)
    elapsed = time.perf_counter() - t0
    store.close()
    assert report.ok, report.failed[:3]
    return elapsed, report


_WORKER_STORES: dict[str, Store] = {}


def parse_and_save(url: str, path: str) -> int:
    """On a Dask worker: read, extract and store one file, document and facts in one transaction."""
    parsed = pipeline.parse_file(path)
    assert parsed.doc is not None and parsed.facts is not None, parsed.error
    if url not in _WORKER_STORES:
        _WORKER_STORES[url] = open_store(url, migrate=False)
    return _WORKER_STORES[url].save_document_and_facts(parsed.doc, parsed.facts)[2]


def bench_ingest(admin_url: str, docs: int, workers: int) -> None:
    import distributed

    say(f"## Ingest + extract into PostgreSQL ({docs} documents, ~{PROFILE.stat().st_size // 1024} KB each)")
    pipeline.parse_file(str(PROFILE))  # imports and vocabulary loaded before the clock starts
    with tempfile.TemporaryDirectory() as tmp:
        small, big = write_corpus(Path(tmp) / "small", docs // 10), write_corpus(Path(tmp) / "big", docs)
        with pg_database(admin_url) as url:
            t_small, _ = timed_ingest(url, small, workers=1)
        with pg_database(admin_url) as url:
            t1, r1 = timed_ingest(url, big, workers=1)
        t0 = time.perf_counter()
        with (
            distributed.LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
            ) as cluster,
            distributed.Client(cluster) as client,
        ):
            startup = time.perf_counter() - t0
            client.run(pipeline.parse_file, str(PROFILE))  # warm every worker, as a long-lived cluster is
            with pg_database(admin_url) as url:
                tn, rn = timed_ingest(url, big, scheduler=client)
            with pg_database(admin_url) as url:
                open_store(url).close()
                t0 = time.perf_counter()
                files = pipeline.expand([big])
                # By reference, not by value as a function of __main__ would be: one store per worker.
                from benchmarks.scale import parse_and_save as task

                futures = client.map(task, [url] * len(files), files, retries=2, pure=False)
                written = sum(client.gather(futures))
                tw = time.perf_counter() - t0
    assert rn.facts == r1.facts == written
    say("| run | seconds | documents/s | facts/s |")
    say("|---|---|---|---|")
    say(f"| 1 worker, {docs // 10} docs | {t_small:.1f} | {docs // 10 / t_small:.1f} | |")
    say(f"| 1 worker, {docs} docs | {t1:.1f} | {docs / t1:.1f} | {r1.facts / t1:.0f} |")
    say(
        f"| Dask LocalCluster, {workers} workers, {docs} docs | {tn:.1f} | {docs / tn:.1f} | {rn.facts / tn:.0f} |"
    )
    say(
        f"| Dask LocalCluster, {workers} workers each writing its documents, {docs} docs | {tw:.1f} | {docs / tw:.1f} | {written / tw:.0f} |"
    )
    say(f"\ncluster start-up (not counted above): {startup:.1f} s; cores: {os.cpu_count()}")
    say(f"10× the documents on 1 worker took {ratio(t_small, t1)} the time (linear = 10×)\n")


# --- store size and query latency at 10k / 100k / 1M facts -------------------------------------


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


def size_bytes(store: Store, url: str) -> int:
    with store.engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            return conn.execute(sa.text("SELECT pg_database_size(current_database())")).scalar_one()
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return Path(sa.engine.make_url(url).database).stat().st_size


def latency(fn: Callable[[], object], runs: int = 200) -> tuple[float, float]:
    """(median, 95th percentile) seconds of ``fn``."""
    fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def queries(store: Store, n_docs: int, n_facts: int) -> dict[str, Callable[[], object]]:
    rnd = random.Random(7)
    doc_ids = [synthetic_id(rnd.randrange(n_docs)) for _ in range(50)]

    def edit() -> None:
        fid = rnd.randrange(1, n_facts + 1)
        f = store.fact(fid)
        store.update_fact(fid, {"confidence": rnd.random()}, user="bench", expected_version=f.version)

    return {
        "profile: facts of a state × indicator (limit 50)": lambda: store.facts(
            rnd.choice(STATES), rnd.choice(INDICATORS), "candidate", limit=50
        ),
        "one fact by id": lambda: store.fact(rnd.randrange(1, n_facts + 1)),
        "a fact's revisions": lambda: store.revisions(rnd.randrange(1, n_facts + 1)),
        "facts of a document": lambda: store.facts(doc=rnd.choice(doc_ids)),
        "review edit (read + update_fact)": edit,
        "counts by state × status (whole table)": store.fact_counts,
    }


_IDS: dict[int, str] = {}


def synthetic_id(n: int) -> str:
    if n not in _IDS:
        _IDS[n] = synthetic(n)[0].id
    return _IDS[n]


def bench_store(name: str, url: str, sizes: list[int]) -> dict[int, dict[str, tuple[float, float]]]:
    """Grow one store through ``sizes`` facts, measuring at each; then print the tables."""
    store = open_store(url)
    results: dict[int, dict] = {}
    docs, load_total = 0, 0.0
    for size in sizes:
        target = size // FACTS_PER_DOC
        step = grow(store, docs, target)
        step_facts = (target - docs) * FACTS_PER_DOC
        docs, load_total = target, load_total + step
        row: dict = {"load": load_total, "per_fact": step / step_facts, "bytes": size_bytes(store, url)}
        for label, fn in queries(store, docs, size).items():
            row[label] = latency(fn, 20 if "whole table" in label else 200)
        results[size] = row
        print(f"  ({name}: measured at {size:,} facts)", file=sys.stderr, flush=True)
    store.close()
    say(f"## {name}: store size and query latency by number of facts\n")
    say("| facts | load s (total) | load µs per fact (this step) | size MB | bytes per fact |")
    say("|---|---|---|---|---|")
    for size, r in results.items():
        say(
            f"| {size:,} | {r['load']:.1f} | {r['per_fact'] * 1e6:.0f} | {r['bytes'] / 1e6:.0f} | {r['bytes'] / size:.0f} |"
        )
    steps = list(zip(sizes, sizes[1:], strict=False))
    say("\nmedian / p95 ms, and the median's ratio per 10× facts:\n")
    say(
        "| query | "
        + " | ".join(f"{s:,}" for s in sizes)
        + "".join(f" | ×10 ({b // 1000}k)" for _, b in steps)
        + " |"
    )
    say("|---" * (1 + len(sizes) + len(steps)) + "|")
    labels = [k for k in results[sizes[0]] if k not in ("load", "per_fact", "bytes")]
    for label in labels:
        cells = [f"{ms(results[s][label][0])} / {ms(results[s][label][1])}" for s in sizes]
        cells += [ratio(results[a][label][0], results[b][label][0]) for a, b in steps]
        say(f"| {label} | " + " | ".join(cells) + " |")
    for a, b in steps:
        ra, rb = results[a], results[b]
        say(
            f"\n{a:,} → {b:,} facts: load cost per fact {ratio(ra['per_fact'], rb['per_fact'])}, "
            f"size {ratio(ra['bytes'], rb['bytes'])} (linear: 1× per fact, 10× size)"
        )
    say("")
    return results


# --- 50 concurrent API clients ----------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bench_load(admin_url: str, clients: int, seconds: float, docs: int, state_share: float = 0.05) -> None:
    import httpx

    say(
        f"## Load: {clients} concurrent clients for {seconds:.0f} s against the server on PostgreSQL (loopback)"
    )
    with pg_database(admin_url) as url:
        # The two real documents, and synthetic reports spread over 20 states: a few hundred
        # facts per state, as a profile has, rather than one state holding them all.
        timed_ingest(url, CORPUS, workers=1)
        seed = open_store(url)
        grow(seed, 0, docs)
        say(
            f"store: the 2 corpus documents and {docs} synthetic reports, {len(seed.facts())} facts over {len(STATES)} states"
        )
        seed.close()
        port = free_port()
        env = {**os.environ, "MINEWATCH_PUBLIC_READ": "1"}
        server = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "from minewatch.cli import main; main()",
                "serve",
                "--db",
                url,
                "--port",
                str(port),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_up(base, server)
            over_api = "patch" in httpx.get(f"{base}/openapi.json").json()["paths"].get(
                "/api/facts/{fact_id}", {}
            )
            say("reads: GET /api/states, /api/states/{code}, /api/facts?…, /api/facts/{id}")
            say(
                "review writes: GET /api/facts/{id}, then "
                + (
                    "PATCH /api/facts/{id} with its version, as an editor with an API token"
                    if over_api
                    else f"Store.update_fact with its version (no write endpoint in the API yet) from the same {clients} threads"
                )
            )
            store = Store(url)
            store.engine = db.engine(url, pool_size=clients, max_overflow=0)
            fact_ids = [f.id for f in store.facts() if isinstance(f.value, int | float)]
            token = None
            if over_api:
                token = store.create_token(store.add_user("load", secrets.token_hex(8), "editor").id, "load")
            stats = _drive(base, store, token, fact_ids, clients, seconds, state_share)
            _report_load(store, stats, seconds)
            store.close()
        finally:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()


def _wait_up(base: str, server: subprocess.Popen) -> None:
    import httpx

    for _ in range(300):
        if server.poll() is not None:
            raise RuntimeError(f"the server exited: {server.stderr.read().decode()[-2000:]}")
        try:
            if httpx.get(f"{base}/api/states", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError("the server did not come up")


def _drive(
    base: str,
    store: Store,
    token: str | None,
    fact_ids: list[int],
    clients: int,
    seconds: float,
    state_share: float,
) -> dict:
    import httpx

    lock = threading.Lock()
    stats: dict = {"reads": [], "writes": [], "errors": [], "conflicts": 0, "acked": []}
    stop = time.monotonic() + seconds
    gate = threading.Barrier(clients)

    def client(i: int) -> None:
        rnd = random.Random(i)
        reads, writes, errors, acked, conflicts = [], [], [], [], 0
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        with httpx.Client(base_url=base, timeout=30, headers=headers) as http:
            gate.wait()
            seq = 0
            while time.monotonic() < stop:
                t0 = time.perf_counter()
                try:
                    if rnd.random() < 0.2:
                        fid, seq = rnd.choice(fact_ids), seq + 1
                        marker = f"load {i}:{seq}"
                        while True:  # a conflict is answered by reloading, as a reviewer would
                            version = http.get(f"/api/facts/{fid}").raise_for_status().json()["version"]
                            done = _write(http, store, token, fid, version, rnd.randrange(10**6), marker)
                            if done is not None:
                                break
                            conflicts += 1
                        acked.append((fid, done, marker))
                        writes.append(time.perf_counter() - t0)
                    else:
                        pick, kind = rnd.random(), "GET /api/facts/{id}"
                        url = f"/api/facts/{rnd.choice(fact_ids)}"
                        if pick < 0.1:
                            kind, url = "GET /api/states", "/api/states"
                        elif pick < 0.1 + state_share:  # a whole state's page of facts, as JSON
                            kind, url = "GET /api/states/{code}", f"/api/states/{rnd.choice(['USA', 'RUS'])}"
                        elif pick < 0.5 + state_share:
                            kind = "GET /api/facts?indicator=…&limit=50"
                            url = f"/api/facts?indicator={rnd.choice(INDICATORS)}&limit=50"
                        r = http.get(url)
                        if r.status_code != 200:
                            errors.append(f"{url}: HTTP {r.status_code}")
                        reads.append((kind, time.perf_counter() - t0))
                except Exception as e:  # every failure is counted, none hidden
                    errors.append(
                        f"{type(e).__name__} on {getattr(e, 'request', None) and e.request.url}: {e}"
                    )
        with lock:
            stats["reads"] += reads
            stats["writes"] += writes
            stats["errors"] += errors
            stats["acked"] += acked
            stats["conflicts"] += conflicts

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return stats


def _write(
    http, store: Store, token: str | None, fid: int, version: int, value: int, marker: str
) -> int | None:
    """One review edit; the new version, or None when someone else saved the fact first."""
    if token:
        r = http.patch(
            f"/api/facts/{fid}", json={"changes": {"value": value}, "version": version, "reason": marker}
        )
        if r.status_code == 409:
            return None
        return r.raise_for_status().json()["version"]
    try:
        return store.update_fact(
            fid, {"value": value}, user="load", reason=marker, expected_version=version
        ).version
    except StaleVersion:
        return None


def _report_load(store: Store, stats: dict, seconds: float) -> None:
    from minewatch.store.schema import fact_revisions

    with store.engine.connect() as conn:
        found = {
            (fid, v): reason
            for fid, v, reason in conn.execute(
                sa.select(fact_revisions.c.fact_id, fact_revisions.c.version, fact_revisions.c.reason).where(
                    fact_revisions.c.reason.like("load %")
                )
            )
        }
    lost = [a for a in stats["acked"] if found.get((a[0], a[1])) != a[2]]
    rows = {"all reads": sorted(t for _, t in stats["reads"])}
    for kind in sorted({k for k, _ in stats["reads"]}):
        rows[f"  {kind}"] = sorted(t for k, t in stats["reads"] if k == kind)
    rows["review writes (GET the fact, then save it)"] = sorted(stats["writes"])
    say("| | count | per s | median ms | p95 ms |")
    say("|---|---|---|---|---|")
    for label, xs in rows.items():
        if xs:
            p95 = xs[max(int(len(xs) * 0.95) - 1, 0)]
            say(
                f"| {label} | {len(xs)} | {len(xs) / seconds:.1f} | {ms(statistics.median(xs))} | {ms(p95)} |"
            )
    say(f"\nerrors: {len(stats['errors'])}" + (f" (first: {stats['errors'][:3]})" if stats["errors"] else ""))
    say(f"conflicts answered by reloading (two clients on one fact): {stats['conflicts']}")
    say(
        f"acknowledged writes: {len(stats['acked'])}, found afterwards: {len(stats['acked']) - len(lost)}, lost: {len(lost)}\n"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--max", type=int, default=1_000_000, help="Largest store to measure, in facts.")
    ap.add_argument(
        "--pg",
        default=os.environ.get("MINEWATCH_BENCH_PG", PG_DEFAULT),
        help="A PostgreSQL URL to create databases through.",
    )
    ap.add_argument("--docs", type=int, default=400, help="Documents for the ingest runs.")
    ap.add_argument("--workers", type=int, default=4, help="Dask workers for the cluster run.")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument(
        "--state-share",
        type=float,
        default=0.05,
        help="Share of reads that fetch /api/states/{code} (0: none).",
    )
    ap.add_argument("--skip-ingest", action="store_true")
    ap.add_argument("--skip-store", action="store_true")
    ap.add_argument("--skip-load", action="store_true")
    args = ap.parse_args()
    sizes = [s for s in (10_000, 100_000, 1_000_000) if s <= args.max]
    say(f"# minewatch scale benchmark ({time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores)\n")
    if not args.skip_ingest:
        bench_ingest(args.pg, args.docs, args.workers)
    if not args.skip_store:
        with tempfile.TemporaryDirectory() as tmp:
            bench_store("SQLite", f"sqlite:///{Path(tmp) / 'scale.db'}", sizes)
        with pg_database(args.pg) as url:
            bench_store("PostgreSQL", url, sizes)
    if not args.skip_load:
        bench_load(args.pg, args.clients, args.seconds, docs=40, state_share=args.state_share)


if __name__ == "__main__":
    main()
