"""Shared fixtures: a fresh store per test, and the development corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from minewatch.store import Store, open_store

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
PROFILE = CORPUS / "us-mine-ban-policy-profile-2020.txt"
ANALYSIS = CORPUS / "us-policy-analysis-2021.txt"


@pytest.fixture
def store(tmp_path) -> Store:
    s = open_store(f"sqlite:///{tmp_path / 'minewatch.db'}")
    yield s
    s.close()


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory) -> Store:
    """A store holding both corpus documents, ingested and extracted once per run."""
    from minewatch import pipeline

    path = tmp_path_factory.mktemp("corpus") / "minewatch.db"
    s = open_store(f"sqlite:///{path}")
    report = pipeline.ingest_paths(s, [PROFILE, ANALYSIS])
    assert report.ok, report.failed
    yield s
    s.close()
