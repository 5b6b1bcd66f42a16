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
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa

from benchmarks.common import (
    FACTS_PER_DOC,
    INDICATORS,
    PG_DEFAULT,
    PROFILE,
    STATES,
    grow,
    ms,
    pg_database,
    ratio,
    say,
    synthetic,
    timed_ingest,
)
from benchmarks.load import bench_load
from minewatch import pipeline
from minewatch.store import Store, open_store

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
