"""Faults mid-batch on a Dask cluster writing to PostgreSQL: nothing lost, nothing twice.

Each test breaks a run of the real ingest pipeline (kill -9 of the ingest
process, kill -9 of a Dask worker, a PostgreSQL restart), runs it again, and
compares the store with a clean run fact by fact, by key.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from minewatch import pipeline
from minewatch.store import Store, open_store
from minewatch.store.schema import documents, fact_revisions, facts
from tests.conftest import ANALYSIS, PROFILE

pytestmark = pytest.mark.postgres
distributed = pytest.importorskip("distributed")

COPIES = 60
BATCH = 4  # documents per transaction: small, so a fault lands between batches and inside one
# The CLI with small batches, run as its own process so it can be killed.
CLI = f"from minewatch import pipeline; pipeline.BATCH_DOCS = {BATCH}; from minewatch.cli import main; main()"


@pytest.fixture(autouse=True)
def small_batches(monkeypatch):
    monkeypatch.setattr(pipeline, "BATCH_DOCS", BATCH)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """``COPIES`` distinct profiles (one added line tells them apart) and the analysis."""
    root = tmp_path_factory.mktemp("faults-corpus")
    text = PROFILE.read_text("utf-8")
    for i in range(COPIES):
        (root / f"profile-{i:03d}.txt").write_text(
            text.replace("Last updated:", f"Copy {i}.\n\nLast updated:", 1)
        )
    shutil.copy(ANALYSIS, root / ANALYSIS.name)
    return root


@pytest.fixture(scope="module")
def clean(corpus, tmp_path_factory) -> dict:
    """What an undisturbed serial run stores."""
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('clean') / 'clean.db'}")
    report = pipeline.ingest_paths(store, [corpus], workers=1)
    assert report.ok and len(report.ingested) == COPIES + 1
    out = contents(store)
    store.close()
    return out


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as c:
        yield c


def contents(store: Store) -> dict:
    """Documents, fact keys and their revision counts, paragraph count: what must match."""
    with store.engine.connect() as conn:
        keys = conn.execute(sa.select(facts.c.key, facts.c.doc_id)).all()
        revs = conn.execute(
            sa.select(fact_revisions.c.fact_id, sa.func.count()).group_by(fact_revisions.c.fact_id)
        ).all()
        return {
            "documents": set(conn.execute(sa.select(documents.c.id)).scalars()),
            "facts": sorted(k for k, _ in keys),
            "paragraphs": sum(len(p) for p in conn.execute(sa.select(documents.c.paragraphs)).scalars()),
            "revisions per fact": {n for _, n in revs},
            "facts without revision": len(keys) - len(revs),
        }


def assert_like_clean(store: Store, clean: dict) -> None:
    got = contents(store)
    assert got["documents"] == clean["documents"]
    assert len(got["facts"]) == len(set(got["facts"])), "a fact is stored twice"
    assert got["facts"] == clean["facts"], "facts lost or extra"
    assert got["paragraphs"] == clean["paragraphs"]
    assert got["revisions per fact"] == {1} and got["facts without revision"] == 0


def stored(store: Store) -> int:
    try:
        with store.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(documents)).scalar_one()
    except sa.exc.OperationalError:
        return 0


def wait_for(store: Store, n: int, still_running) -> None:
    deadline = time.monotonic() + 60
    while stored(store) < n and still_running() and time.monotonic() < deadline:
        time.sleep(0.02)


def test_kill_9_of_the_ingest_process(corpus, clean, cluster, pg_url):
    store = open_store(pg_url)
    cmd = [sys.executable, "-c", CLI, "ingest", str(corpus)]
    cmd += ["--db", pg_url, "--scheduler", cluster.scheduler_address]
    env = {**os.environ, "COLUMNS": "120"}
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        wait_for(store, 5, lambda: proc.poll() is None)
        assert proc.poll() is None, "the run finished before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
    partial = stored(store)
    assert 5 <= partial < COPIES + 1
    rerun = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert f"skipped as duplicate {partial}, failed 0" in rerun.stdout
    assert_like_clean(store, clean)
    store.close()


def test_kill_9_of_a_dask_worker(corpus, clean, cluster, pg_url):
    store = open_store(pg_url)
    with distributed.Client(cluster) as client:
        pids = client.run(os.getpid)
        outcome: dict = {}

        def run() -> None:
            try:
                outcome["report"] = pipeline.ingest_paths(store, [corpus], scheduler=client)
            except Exception as e:  # the re-run below must still make the store whole
                outcome["error"] = e

        worker = threading.Thread(target=run)
        worker.start()
        wait_for(store, 5, worker.is_alive)
        assert worker.is_alive(), "the run finished before a worker could be killed"
        os.kill(next(iter(pids.values())), signal.SIGKILL)
        worker.join(120)
        # The scheduler hands the lost worker's tasks to the other one; the run finishes by itself.
        assert "error" not in outcome, outcome.get("error")
        assert outcome["report"].ok
        client.wait_for_workers(2, timeout=60)  # the nanny brought the worker back
        again = pipeline.ingest_paths(store, [corpus], scheduler=client)
    assert again.ingested == [] and again.facts == 0
    assert_like_clean(store, clean)
    store.close()


def _local_cluster() -> list[str] | None:
    """The pg_ctlcluster command line for the local server, or None when it is not ours to restart."""
    if not shutil.which("pg_ctlcluster") or not Path("/etc/postgresql").is_dir():
        return None
    versions = sorted(os.listdir("/etc/postgresql"))
    return ["pg_ctlcluster", "--skip-systemctl-redirect", versions[-1], "main"] if versions else None


def test_postgresql_restart_mid_batch(corpus, clean, pg_url):
    ctl = _local_cluster()
    host = sa.engine.make_url(pg_url).host
    if ctl is None or host not in ("127.0.0.1", "localhost"):
        pytest.skip("restarting PostgreSQL needs the local server and pg_ctlcluster")
    store = open_store(pg_url)
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["report"] = pipeline.ingest_paths(store, [corpus], workers=1)
        except Exception as e:  # a write that outlived every retry: the re-run finishes
            outcome["error"] = e

    worker = threading.Thread(target=run)
    worker.start()
    try:
        wait_for(store, 5, worker.is_alive)
        assert worker.is_alive(), "the run finished before the server could be restarted"
        subprocess.run([*ctl, "restart"], check=True, capture_output=True, timeout=60)
        at_restart = stored(store)
    finally:
        worker.join(120)
        subprocess.run([*ctl, "start"], capture_output=True, timeout=60)  # no-op when it is up
    assert at_restart < COPIES + 1, "the run finished before the server went down"
    # Saves wait for the server and retry, so the run itself got through.
    assert "error" not in outcome, outcome.get("error")
    assert outcome["report"].ok and len(outcome["report"].ingested) == COPIES + 1
    rerun = pipeline.ingest_paths(store, [corpus], workers=1)
    assert rerun.ok
    assert_like_clean(store, clean)
    store.close()
