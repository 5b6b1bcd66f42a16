"""The ingest flow end to end: parallel and Dask runs, new versions, and a run killed midway."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from minewatch import pipeline
from minewatch.store import open_store
from tests.conftest import ANALYSIS, PROFILE


def corpus_copies(root: Path, n: int) -> Path:
    """``n`` distinct documents: the profile with one line that tells them apart."""
    text = PROFILE.read_text("utf-8")
    for i in range(n):
        sub = root / f"batch{i % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"profile-{i:03d}.txt").write_text(
            text.replace("Last updated:", f"Copy {i}.\n\nLast updated:", 1)
        )
    return root


def test_parallel_run_stores_what_a_serial_run_stores(tmp_path: Path, store):
    src = corpus_copies(tmp_path / "src", 6)
    (src / "notes.txt").write_bytes(b"")
    report = pipeline.ingest_paths(store, [src, ANALYSIS], workers=2)
    assert (
        len(report.ingested) == 7 and len(report.failed) == 1 and "notes.txt: empty file" in report.failed[0]
    )
    serial = open_store(f"sqlite:///{tmp_path / 'serial.db'}")
    serial_report = pipeline.ingest_paths(serial, [src, ANALYSIS], workers=1)
    assert sorted(serial_report.ingested) == sorted(report.ingested)
    assert serial_report.facts == report.facts > 0
    again = pipeline.ingest_paths(store, [src, ANALYSIS], workers=2)
    assert again.ingested == [] and len(again.duplicates) == 7
    serial.close()


def test_a_changed_source_is_kept_beside_the_old_and_linked(tmp_path: Path, store):
    path = tmp_path / "profile.txt"
    path.write_text(PROFILE.read_text("utf-8"))
    first = pipeline.ingest_paths(store, [path]).ingested[0]
    path.write_text(PROFILE.read_text("utf-8").replace("16 November 2020", "20 November 2020"))
    second = pipeline.ingest_paths(store, [path]).ingested[0]
    rows = {r["id"]: r for r in store.documents()}
    assert set(rows) == {first, second}
    assert rows[second]["previous_id"] == first and rows[second]["date"] == "2020-11-20"


def test_dask_cluster_writes_to_the_same_store(tmp_path: Path, store):
    distributed = pytest.importorskip("distributed")
    src = corpus_copies(tmp_path / "src", 4)
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        report = pipeline.ingest_paths(store, [src, tmp_path / "missing.txt"], scheduler=client)
    assert len(report.ingested) == 4 and report.facts > 0
    assert report.failed == [f"{tmp_path / 'missing.txt'}: not a file"]
    assert {r["source"] for r in store.documents()} == {str(p) for p in src.rglob("*.txt")}


def test_kill_9_midway_leaves_a_consistent_store_and_a_rerun_finishes(tmp_path: Path):
    src = corpus_copies(tmp_path / "src", 40)
    db = tmp_path / "killed.db"
    url = f"sqlite:///{db}"
    open_store(url).close()
    cmd = [
        sys.executable,
        "-c",
        # Batches of 3 documents: the kill lands between batches or inside one.
        "from minewatch import pipeline; pipeline.BATCH_DOCS = 3; from minewatch.cli import main; main()",
        "ingest",
        str(src),
        "--db",
        url,
        "--workers",
        "1",
    ]
    env = {**os.environ, "COLUMNS": "120"}
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        while proc.poll() is None and count(db, "documents") < 5:
            time.sleep(0.05)
        assert proc.poll() is None, "the run finished before it could be killed"
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
    stored = count(db, "documents")
    assert 5 <= stored < 40
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        bare = conn.execute(
            "SELECT count(*) FROM documents WHERE json_array_length(paragraphs) = 0"
        ).fetchone()[0]
        bare_of_facts = conn.execute(
            "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM facts f WHERE f.doc_id = d.id)"
        ).fetchone()[0]
        no_revision = conn.execute(
            "SELECT count(*) FROM facts f WHERE NOT EXISTS (SELECT 1 FROM fact_revisions r WHERE r.fact_id = f.id)"
        ).fetchone()[0]
    # A document is stored whole, with its facts and their revisions, or not at all.
    assert bare == 0 and bare_of_facts == 0 and no_revision == 0
    rerun = subprocess.run(cmd, capture_output=True, text=True, env=env)
    assert rerun.returncode == 0, rerun.stderr
    assert f"ingested {40 - stored}, skipped as duplicate {stored}, failed 0" in rerun.stdout
    with sqlite3.connect(db) as conn:
        without_facts = conn.execute(
            "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM facts f WHERE f.doc_id = d.id)"
        ).fetchone()[0]
    assert count(db, "documents") == 40 and without_facts == 0


def count(db: Path, table: str) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def test_cli_summary_and_exit_status(tmp_path: Path):
    from typer.testing import CliRunner

    from minewatch.cli import app

    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.4 nothing")
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    result = CliRunner().invoke(
        app, ["ingest", str(PROFILE), str(tmp_path / "bad.pdf"), "--db", url, "-w", "1"]
    )
    assert result.exit_code == 1
    assert "ingested 1, skipped as duplicate 0, failed 1" in result.output
    assert f"{tmp_path / 'bad.pdf'}: truncated PDF" in result.output
    ok = CliRunner().invoke(app, ["ingest", str(PROFILE), "--db", url])
    assert ok.exit_code == 0 and "skipped as duplicate 1, failed 0" in ok.output


def test_every_file_is_counted_and_shown_across_batches(tmp_path: Path, store, monkeypatch):
    monkeypatch.setattr(pipeline, "BATCH_DOCS", 2)
    src = corpus_copies(tmp_path / "src", 5)
    (src / "empty.txt").write_bytes(b"")
    shown: list[str] = []
    report = pipeline.ingest_paths(store, [src], progress=shown.append)
    assert sorted(shown) == sorted(pipeline.expand([src]))
    assert len(report.ingested) == 5 and len(report.failed) == 1 and report.facts > 0
    assert all(store.facts(doc=doc_id, limit=1) for doc_id in report.ingested)


def test_a_document_the_store_refuses_is_the_only_one_lost(store):
    from tests.store.make import document, facts_for

    docs = [document(n) for n in range(3)]
    bad = facts_for(docs[1], 2)
    bad[1].doc = "no-such-document"  # the store refuses it: a foreign key breaks
    batch = [pipeline.Parsed(f"d{n}.txt", d, bad if n == 1 else facts_for(d, 2)) for n, d in enumerate(docs)]
    report = pipeline.IngestReport()
    with pytest.raises(Exception, match="(?i)foreign key"):
        pipeline.save_batch(store, batch, report)
    # Saved one at a time after the batch failed: the documents before it are kept.
    assert report.ingested == [docs[0].id] and report.facts == 2
    assert store.has_document(docs[0].id) and not store.has_document(docs[1].id)


def test_a_fault_on_one_file_fails_that_file_not_its_chunk(tmp_path: Path, monkeypatch):
    good = [tmp_path / f"ok{i}.txt" for i in range(3)]
    for i, p in enumerate(good):
        p.write_text(f"Report {i}\n\nIn 2014 the stockpile held {1000 + i} mines.\n")
    bad = tmp_path / "bad.txt"
    bad.write_text("Report\n\nA text that trips a fault.\n")
    real = pipeline.parse_file

    def faulty(path, *args, **kwargs):
        if path == str(bad):
            raise ValueError("a bug, not bad input")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(pipeline, "parse_file", faulty)
    out = pipeline.parse_files([str(good[0]), str(bad), str(good[1]), str(good[2])])
    assert [p.doc is not None for p in out] == [True, False, True, True]
    assert out[1].error == f"{bad}: reading failed (ValueError: a bug, not bad input)"
