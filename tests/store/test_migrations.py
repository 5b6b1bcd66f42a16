"""Migrations carry a store's contents forward: what an older minewatch wrote reads the same after upgrade."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from minewatch.store import Store, db
from minewatch.store import backup as backups
from tests.store.make import document


def old_rows(doc, doc_id: str) -> dict[str, list[dict]]:
    """The rows migration 0005's tables held for ``doc``: a document row and one row per structure item."""
    return {
        "documents": [
            dict(
                id=doc_id, source=doc.source, format="text", title=doc.title, date=doc.date.isoformat(),
                date_source="document", publisher=None, author=None, language="en",
                subject_state=doc.subject_state, text=doc.text, warnings=[], previous_id=None,
                ingested_at=datetime(2025, 1, 2, tzinfo=UTC), ingested_by="ana",
            )
        ],
        "paragraphs": [dict(doc_id=doc_id, n=n, **vars(p)) for n, p in enumerate(doc.paragraphs)],
        "footnotes": [dict(doc_id=doc_id, **vars(f)) for f in doc.footnotes.values()],
        "markers": [dict(doc_id=doc_id, **vars(m)) for m in doc.markers],
    }  # fmt: skip


def write_old(eng: sa.Engine, rows: dict[str, list[dict]]) -> None:
    with eng.begin() as conn:
        for name, batch in rows.items():
            table = sa.Table(name, sa.MetaData(), autoload_with=conn)
            conn.execute(table.insert(), batch)


def test_structure_rows_fold_into_the_document_row_and_stay_findable(any_url) -> None:
    doc = document(4)
    eng = db.engine(any_url)
    db.migrate(eng, "0005")
    write_old(eng, old_rows(doc, doc.id))
    db.migrate(eng)
    eng.dispose()
    store = Store(any_url)
    try:
        back = store.document(doc.id)
        assert (back.paragraphs, back.footnotes, back.markers) == (doc.paragraphs, doc.footnotes, doc.markers)
        hits = store.search("stockpile", kinds=("paragraph",))
        assert [(h["doc_id"], h["ref"]) for h in hits] == [(doc.id, 1)]
        assert "\x02stockpile\x03" in hits[0]["snippet"]
    finally:
        store.close()


def test_a_backup_from_before_the_fold_restores_and_upgrades(any_url, tmp_path) -> None:
    doc = document(5)
    path = tmp_path / "old.jsonl.gz"
    header = dict(format=backups.FORMAT, version=backups.VERSION, revision="0005", engine="sqlite")
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write(json.dumps(header) + "\n")
        for name, batch in old_rows(doc, doc.id).items():
            columns = list(batch[0])
            f.write(json.dumps({"table": name, "columns": columns}) + "\n")
            for row in batch:
                f.write(json.dumps([backups._encode(row[c]) for c in columns]) + "\n")
    eng = db.engine(any_url)
    loaded = backups.restore(eng, path)
    eng.dispose()
    assert loaded["paragraphs"] == len(doc.paragraphs)
    store = Store(any_url)
    try:
        assert db.current_revision(store.engine) == db.head_revision()
        assert store.document(doc.id).markers == doc.markers
        assert [h["ref"] for h in store.search("briefing", kinds=("paragraph",))] == [3]
    finally:
        store.close()


def test_a_backup_naming_a_table_no_minewatch_ever_had_is_refused(tmp_path) -> None:
    path = tmp_path / "odd.jsonl.gz"
    header = dict(format=backups.FORMAT, version=backups.VERSION, revision="0005", engine="sqlite")
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write(
            json.dumps(header) + "\n" + json.dumps({"table": "sqlite_master", "columns": ["name"]}) + "\n"
        )
    eng = db.engine(f"sqlite:///{tmp_path / 'x.db'}")
    try:
        with pytest.raises(ValueError, match=r"odd\.jsonl\.gz: table sqlite_master is unknown"):
            backups.restore(eng, path)
    finally:
        eng.dispose()
