"""Load: concurrent API clients reading and reviewing against a server on PostgreSQL.

Run through ``python -m benchmarks.scale`` (its ``--clients`` and ``--seconds``).
"""

from __future__ import annotations

import os
import random
import secrets
import statistics
import subprocess
import sys
import threading
import time

import sqlalchemy as sa

from benchmarks.common import CORPUS, INDICATORS, STATES, free_port, grow, ms, pg_database, say, timed_ingest
from minewatch.store import StaleVersion, Store, db, open_store


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
